*SENSE:Minimize
NAME          optfleet
ROWS
 N  OBJ
 E  layout_choice
 L  link_0_0_0
 L  order_0_0_0_3
 L  order_0_0_0_4
 L  order_0_0_0_5
 L  order_0_0_0_6
 L  order_0_0_0_7
 L  order_0_0_0_8
 L  order_0_0_0_9
 L  order_0_0_0_10
 L  order_0_0_0_11
 L  order_0_0_0_12
 L  order_0_0_0_13
 L  order_0_0_0_14
 L  order_0_0_0_15
 L  order_0_0_0_16
 L  order_0_0_0_17
 L  order_0_0_0_18
 L  order_0_0_0_19
 L  order_0_0_0_20
 L  order_0_0_0_21
 L  order_0_0_0_22
 L  order_0_0_0_23
 L  order_0_0_0_24
 E  count_0_0_0
 L  capacity_0_0_0
 L  link_1_0_0
 E  count_1_0_0
 L  capacity_1_0_0
 L  link_1_1_0
 L  order_1_1_0_3
 L  order_1_1_0_4
 L  order_1_1_0_5
 L  order_1_1_0_6
 L  order_1_1_0_7
 L  order_1_1_0_8
 L  order_1_1_0_9
 L  order_1_1_0_10
 L  order_1_1_0_11
 L  order_1_1_0_12
 L  order_1_1_0_13
 L  order_1_1_0_14
 L  order_1_1_0_15
 L  order_1_1_0_16
 L  order_1_1_0_17
 L  order_1_1_0_18
 L  order_1_1_0_19
 L  order_1_1_0_20
 L  order_1_1_0_21
 L  order_1_1_0_22
 L  order_1_1_0_23
 E  count_1_1_0
 L  capacity_1_1_0
 E  share_0_0
 E  share_1_0
 E  share_1_1
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   OBJ        4.098809954506e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   OBJ        4.099356873563e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_0   count_1_1_0   1.000000000000e+00
    n_1_1_0   OBJ        4.098809954506e+00
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   2.000000000000e+01
    x_0_0_0   share_0_0   1.000000000000e+00
    x_1_0_0   capacity_1_0_0   1.076040000000e+01
    x_1_0_0   share_1_0   1.000000000000e+00
    x_1_1_0   capacity_1_1_0   9.239600000000e+00
    x_1_1_0   share_1_1   1.000000000000e+00
    MARK      'MARKER'                 'INTORG'
    y_0       layout_choice   1.000000000000e+00
    y_0       link_0_0_0  -1.000000000000e+00
    y_0       share_0_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_1       layout_choice   1.000000000000e+00
    y_1       link_1_0_0  -1.000000000000e+00
    y_1       link_1_1_0  -1.000000000000e+00
    y_1       share_1_0  -1.000000000000e+00
    y_1       share_1_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -9.154931670545e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -9.201804002815e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  order_0_0_0_13  -1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -9.033469386309e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_13  order_0_0_0_13   1.000000000000e+00
    z_0_0_0_13  order_0_0_0_14  -1.000000000000e+00
    z_0_0_0_13  count_0_0_0  -1.000000000000e+00
    z_0_0_0_13  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_14  order_0_0_0_14   1.000000000000e+00
    z_0_0_0_14  order_0_0_0_15  -1.000000000000e+00
    z_0_0_0_14  count_0_0_0  -1.000000000000e+00
    z_0_0_0_14  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_15  order_0_0_0_15   1.000000000000e+00
    z_0_0_0_15  order_0_0_0_16  -1.000000000000e+00
    z_0_0_0_15  count_0_0_0  -1.000000000000e+00
    z_0_0_0_15  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_16  order_0_0_0_16   1.000000000000e+00
    z_0_0_0_16  order_0_0_0_17  -1.000000000000e+00
    z_0_0_0_16  count_0_0_0  -1.000000000000e+00
    z_0_0_0_16  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_17  order_0_0_0_17   1.000000000000e+00
    z_0_0_0_17  order_0_0_0_18  -1.000000000000e+00
    z_0_0_0_17  count_0_0_0  -1.000000000000e+00
    z_0_0_0_17  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_18  order_0_0_0_18   1.000000000000e+00
    z_0_0_0_18  order_0_0_0_19  -1.000000000000e+00
    z_0_0_0_18  count_0_0_0  -1.000000000000e+00
    z_0_0_0_18  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_19  order_0_0_0_19   1.000000000000e+00
    z_0_0_0_19  order_0_0_0_20  -1.000000000000e+00
    z_0_0_0_19  count_0_0_0  -1.000000000000e+00
    z_0_0_0_19  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  link_0_0_0   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -2.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -9.959212953166e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_20  order_0_0_0_20   1.000000000000e+00
    z_0_0_0_20  order_0_0_0_21  -1.000000000000e+00
    z_0_0_0_20  count_0_0_0  -1.000000000000e+00
    z_0_0_0_20  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_21  order_0_0_0_21   1.000000000000e+00
    z_0_0_0_21  order_0_0_0_22  -1.000000000000e+00
    z_0_0_0_21  count_0_0_0  -1.000000000000e+00
    z_0_0_0_21  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_22  order_0_0_0_22   1.000000000000e+00
    z_0_0_0_22  order_0_0_0_23  -1.000000000000e+00
    z_0_0_0_22  count_0_0_0  -1.000000000000e+00
    z_0_0_0_22  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_23  order_0_0_0_23   1.000000000000e+00
    z_0_0_0_23  order_0_0_0_24  -1.000000000000e+00
    z_0_0_0_23  count_0_0_0  -1.000000000000e+00
    z_0_0_0_23  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_24  order_0_0_0_24   1.000000000000e+00
    z_0_0_0_24  count_0_0_0  -1.000000000000e+00
    z_0_0_0_24  capacity_0_0_0  -8.465331010191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -9.959212953166e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -9.620603155155e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -8.716228271369e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -8.851219800617e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -8.953339770481e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -9.034050991156e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -9.099899167514e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_2  link_1_0_0   1.000000000000e+00
    z_1_0_0_2  count_1_0_0  -2.000000000000e+00
    z_1_0_0_2  capacity_1_0_0  -1.962932256657e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_10  order_1_1_0_10   1.000000000000e+00
    z_1_1_0_10  order_1_1_0_11  -1.000000000000e+00
    z_1_1_0_10  count_1_1_0  -1.000000000000e+00
    z_1_1_0_10  capacity_1_1_0  -4.418606618305e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_11  order_1_1_0_11   1.000000000000e+00
    z_1_1_0_11  order_1_1_0_12  -1.000000000000e+00
    z_1_1_0_11  count_1_1_0  -1.000000000000e+00
    z_1_1_0_11  capacity_1_1_0  -4.441309572852e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_12  order_1_1_0_12   1.000000000000e+00
    z_1_1_0_12  order_1_1_0_13  -1.000000000000e+00
    z_1_1_0_12  count_1_1_0  -1.000000000000e+00
    z_1_1_0_12  capacity_1_1_0  -4.452242571115e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_13  order_1_1_0_13   1.000000000000e+00
    z_1_1_0_13  order_1_1_0_14  -1.000000000000e+00
    z_1_1_0_13  count_1_1_0  -1.000000000000e+00
    z_1_1_0_13  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_14  order_1_1_0_14   1.000000000000e+00
    z_1_1_0_14  order_1_1_0_15  -1.000000000000e+00
    z_1_1_0_14  count_1_1_0  -1.000000000000e+00
    z_1_1_0_14  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_15  order_1_1_0_15   1.000000000000e+00
    z_1_1_0_15  order_1_1_0_16  -1.000000000000e+00
    z_1_1_0_15  count_1_1_0  -1.000000000000e+00
    z_1_1_0_15  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_16  order_1_1_0_16   1.000000000000e+00
    z_1_1_0_16  order_1_1_0_17  -1.000000000000e+00
    z_1_1_0_16  count_1_1_0  -1.000000000000e+00
    z_1_1_0_16  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_17  order_1_1_0_17   1.000000000000e+00
    z_1_1_0_17  order_1_1_0_18  -1.000000000000e+00
    z_1_1_0_17  count_1_1_0  -1.000000000000e+00
    z_1_1_0_17  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_18  order_1_1_0_18   1.000000000000e+00
    z_1_1_0_18  order_1_1_0_19  -1.000000000000e+00
    z_1_1_0_18  count_1_1_0  -1.000000000000e+00
    z_1_1_0_18  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_19  order_1_1_0_19   1.000000000000e+00
    z_1_1_0_19  order_1_1_0_20  -1.000000000000e+00
    z_1_1_0_19  count_1_1_0  -1.000000000000e+00
    z_1_1_0_19  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_2  link_1_1_0   1.000000000000e+00
    z_1_1_0_2  order_1_1_0_3  -1.000000000000e+00
    z_1_1_0_2  count_1_1_0  -2.000000000000e+00
    z_1_1_0_2  capacity_1_1_0  -4.815408069074e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_20  order_1_1_0_20   1.000000000000e+00
    z_1_1_0_20  order_1_1_0_21  -1.000000000000e+00
    z_1_1_0_20  count_1_1_0  -1.000000000000e+00
    z_1_1_0_20  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_21  order_1_1_0_21   1.000000000000e+00
    z_1_1_0_21  order_1_1_0_22  -1.000000000000e+00
    z_1_1_0_21  count_1_1_0  -1.000000000000e+00
    z_1_1_0_21  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_22  order_1_1_0_22   1.000000000000e+00
    z_1_1_0_22  order_1_1_0_23  -1.000000000000e+00
    z_1_1_0_22  count_1_1_0  -1.000000000000e+00
    z_1_1_0_22  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_23  order_1_1_0_23   1.000000000000e+00
    z_1_1_0_23  count_1_1_0  -1.000000000000e+00
    z_1_1_0_23  capacity_1_1_0  -4.093096858713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_3  order_1_1_0_3   1.000000000000e+00
    z_1_1_0_3  order_1_1_0_4  -1.000000000000e+00
    z_1_1_0_3  count_1_1_0  -1.000000000000e+00
    z_1_1_0_3  capacity_1_1_0  -4.815408069074e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_4  order_1_1_0_4   1.000000000000e+00
    z_1_1_0_4  order_1_1_0_5  -1.000000000000e+00
    z_1_1_0_4  count_1_1_0  -1.000000000000e+00
    z_1_1_0_4  capacity_1_1_0  -4.623064368294e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_5  order_1_1_0_5   1.000000000000e+00
    z_1_1_0_5  order_1_1_0_6  -1.000000000000e+00
    z_1_1_0_5  count_1_1_0  -1.000000000000e+00
    z_1_1_0_5  capacity_1_1_0  -4.206384476233e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_6  order_1_1_0_6   1.000000000000e+00
    z_1_1_0_6  order_1_1_0_7  -1.000000000000e+00
    z_1_1_0_6  count_1_1_0  -1.000000000000e+00
    z_1_1_0_6  capacity_1_1_0  -4.271648773489e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_7  order_1_1_0_7   1.000000000000e+00
    z_1_1_0_7  order_1_1_0_8  -1.000000000000e+00
    z_1_1_0_7  count_1_1_0  -1.000000000000e+00
    z_1_1_0_7  capacity_1_1_0  -4.321039219486e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_8  order_1_1_0_8   1.000000000000e+00
    z_1_1_0_8  order_1_1_0_9  -1.000000000000e+00
    z_1_1_0_8  count_1_1_0  -1.000000000000e+00
    z_1_1_0_8  capacity_1_1_0  -4.360089768433e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_9  order_1_1_0_9   1.000000000000e+00
    z_1_1_0_9  order_1_1_0_10  -1.000000000000e+00
    z_1_1_0_9  count_1_1_0  -1.000000000000e+00
    z_1_1_0_9  capacity_1_1_0  -4.391960798200e-01
    MARK      'MARKER'                 'INTEND'
RHS
    RHS       layout_choice   1.000000000000e+00
    RHS       link_0_0_0   0.000000000000e+00
    RHS       order_0_0_0_3   0.000000000000e+00
    RHS       order_0_0_0_4   0.000000000000e+00
    RHS       order_0_0_0_5   0.000000000000e+00
    RHS       order_0_0_0_6   0.000000000000e+00
    RHS       order_0_0_0_7   0.000000000000e+00
    RHS       order_0_0_0_8   0.000000000000e+00
    RHS       order_0_0_0_9   0.000000000000e+00
    RHS       order_0_0_0_10   0.000000000000e+00
    RHS       order_0_0_0_11   0.000000000000e+00
    RHS       order_0_0_0_12   0.000000000000e+00
    RHS       order_0_0_0_13   0.000000000000e+00
    RHS       order_0_0_0_14   0.000000000000e+00
    RHS       order_0_0_0_15   0.000000000000e+00
    RHS       order_0_0_0_16   0.000000000000e+00
    RHS       order_0_0_0_17   0.000000000000e+00
    RHS       order_0_0_0_18   0.000000000000e+00
    RHS       order_0_0_0_19   0.000000000000e+00
    RHS       order_0_0_0_20   0.000000000000e+00
    RHS       order_0_0_0_21   0.000000000000e+00
    RHS       order_0_0_0_22   0.000000000000e+00
    RHS       order_0_0_0_23   0.000000000000e+00
    RHS       order_0_0_0_24   0.000000000000e+00
    RHS       count_0_0_0   0.000000000000e+00
    RHS       capacity_0_0_0   0.000000000000e+00
    RHS       link_1_0_0   0.000000000000e+00
    RHS       count_1_0_0   0.000000000000e+00
    RHS       capacity_1_0_0   0.000000000000e+00
    RHS       link_1_1_0   0.000000000000e+00
    RHS       order_1_1_0_3   0.000000000000e+00
    RHS       order_1_1_0_4   0.000000000000e+00
    RHS       order_1_1_0_5   0.000000000000e+00
    RHS       order_1_1_0_6   0.000000000000e+00
    RHS       order_1_1_0_7   0.000000000000e+00
    RHS       order_1_1_0_8   0.000000000000e+00
    RHS       order_1_1_0_9   0.000000000000e+00
    RHS       order_1_1_0_10   0.000000000000e+00
    RHS       order_1_1_0_11   0.000000000000e+00
    RHS       order_1_1_0_12   0.000000000000e+00
    RHS       order_1_1_0_13   0.000000000000e+00
    RHS       order_1_1_0_14   0.000000000000e+00
    RHS       order_1_1_0_15   0.000000000000e+00
    RHS       order_1_1_0_16   0.000000000000e+00
    RHS       order_1_1_0_17   0.000000000000e+00
    RHS       order_1_1_0_18   0.000000000000e+00
    RHS       order_1_1_0_19   0.000000000000e+00
    RHS       order_1_1_0_20   0.000000000000e+00
    RHS       order_1_1_0_21   0.000000000000e+00
    RHS       order_1_1_0_22   0.000000000000e+00
    RHS       order_1_1_0_23   0.000000000000e+00
    RHS       count_1_1_0   0.000000000000e+00
    RHS       capacity_1_1_0   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
    RHS       share_1_0   0.000000000000e+00
    RHS       share_1_1   0.000000000000e+00
BOUNDS
 UP BND       n_0_0_0    2.400000000000e+01
 UP BND       n_1_0_0    2.000000000000e+00
 UP BND       n_1_1_0    2.300000000000e+01
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_1_0_0    1.000000000000e+00
 UP BND       x_1_1_0    1.000000000000e+00
 BV BND       y_0     
 BV BND       y_1     
 BV BND       z_0_0_0_10
 BV BND       z_0_0_0_11
 BV BND       z_0_0_0_12
 BV BND       z_0_0_0_13
 BV BND       z_0_0_0_14
 BV BND       z_0_0_0_15
 BV BND       z_0_0_0_16
 BV BND       z_0_0_0_17
 BV BND       z_0_0_0_18
 BV BND       z_0_0_0_19
 BV BND       z_0_0_0_2
 BV BND       z_0_0_0_20
 BV BND       z_0_0_0_21
 BV BND       z_0_0_0_22
 BV BND       z_0_0_0_23
 BV BND       z_0_0_0_24
 BV BND       z_0_0_0_3
 BV BND       z_0_0_0_4
 BV BND       z_0_0_0_5
 BV BND       z_0_0_0_6
 BV BND       z_0_0_0_7
 BV BND       z_0_0_0_8
 BV BND       z_0_0_0_9
 BV BND       z_1_0_0_2
 BV BND       z_1_1_0_10
 BV BND       z_1_1_0_11
 BV BND       z_1_1_0_12
 BV BND       z_1_1_0_13
 BV BND       z_1_1_0_14
 BV BND       z_1_1_0_15
 BV BND       z_1_1_0_16
 BV BND       z_1_1_0_17
 BV BND       z_1_1_0_18
 BV BND       z_1_1_0_19
 BV BND       z_1_1_0_2
 BV BND       z_1_1_0_20
 BV BND       z_1_1_0_21
 BV BND       z_1_1_0_22
 BV BND       z_1_1_0_23
 BV BND       z_1_1_0_3
 BV BND       z_1_1_0_4
 BV BND       z_1_1_0_5
 BV BND       z_1_1_0_6
 BV BND       z_1_1_0_7
 BV BND       z_1_1_0_8
 BV BND       z_1_1_0_9
ENDATA
