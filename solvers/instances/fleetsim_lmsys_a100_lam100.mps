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
 E  count_1_1_0
 L  capacity_1_1_0
 L  link_2_0_0
 E  count_2_0_0
 L  capacity_2_0_0
 L  link_2_1_0
 L  order_2_1_0_3
 L  order_2_1_0_4
 L  order_2_1_0_5
 L  order_2_1_0_6
 L  order_2_1_0_7
 L  order_2_1_0_8
 L  order_2_1_0_9
 L  order_2_1_0_10
 E  count_2_1_0
 L  capacity_2_1_0
 L  link_3_0_0
 E  count_3_0_0
 L  capacity_3_0_0
 L  link_3_1_0
 L  order_3_1_0_3
 L  order_3_1_0_4
 L  order_3_1_0_5
 L  order_3_1_0_6
 L  order_3_1_0_7
 E  count_3_1_0
 L  capacity_3_1_0
 L  link_4_0_0
 L  order_4_0_0_3
 E  count_4_0_0
 L  capacity_4_0_0
 L  link_4_1_0
 L  order_4_1_0_3
 L  order_4_1_0_4
 L  order_4_1_0_5
 E  count_4_1_0
 L  capacity_4_1_0
 L  link_5_0_0
 L  order_5_0_0_3
 L  order_5_0_0_4
 E  count_5_0_0
 L  capacity_5_0_0
 L  link_5_1_0
 L  order_5_1_0_3
 L  order_5_1_0_4
 E  count_5_1_0
 L  capacity_5_1_0
 E  share_0_0
 E  share_1_0
 E  share_1_1
 E  share_2_0
 E  share_2_1
 E  share_3_0
 E  share_3_1
 E  share_4_0
 E  share_4_1
 E  share_5_0
 E  share_5_1
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   OBJ        2.281581129382e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_0   count_1_1_0   1.000000000000e+00
    n_1_1_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_0   count_2_0_0   1.000000000000e+00
    n_2_0_0   OBJ        2.281580649391e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_1_0   count_2_1_0   1.000000000000e+00
    n_2_1_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_0   count_3_0_0   1.000000000000e+00
    n_3_0_0   OBJ        2.281579346331e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_1_0   count_3_1_0   1.000000000000e+00
    n_3_1_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_0   count_4_0_0   1.000000000000e+00
    n_4_0_0   OBJ        2.281575816714e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_1_0   count_4_1_0   1.000000000000e+00
    n_4_1_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_0   count_5_0_0   1.000000000000e+00
    n_5_0_0   OBJ        2.281566313368e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_1_0   count_5_1_0   1.000000000000e+00
    n_5_1_0   OBJ        2.281330765278e+00
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   1.000000000000e+02
    x_0_0_0   share_0_0   1.000000000000e+00
    x_1_0_0   capacity_1_0_0   6.383272206772e+01
    x_1_0_0   share_1_0   1.000000000000e+00
    x_1_1_0   capacity_1_1_0   3.616727793228e+01
    x_1_1_0   share_1_1   1.000000000000e+00
    x_2_0_0   capacity_2_0_0   8.306616774845e+01
    x_2_0_0   share_2_0   1.000000000000e+00
    x_2_1_0   capacity_2_1_0   1.693383225155e+01
    x_2_1_0   share_2_1   1.000000000000e+00
    x_3_0_0   capacity_3_0_0   9.482847003643e+01
    x_3_0_0   share_3_0   1.000000000000e+00
    x_3_1_0   capacity_3_1_0   5.171529963572e+00
    x_3_1_0   share_3_1   1.000000000000e+00
    x_4_0_0   capacity_4_0_0   9.837422332946e+01
    x_4_0_0   share_4_0   1.000000000000e+00
    x_4_1_0   capacity_4_1_0   1.625776670538e+00
    x_4_1_0   share_4_1   1.000000000000e+00
    x_5_0_0   capacity_5_0_0   9.965305207686e+01
    x_5_0_0   share_5_0   1.000000000000e+00
    x_5_1_0   capacity_5_1_0   3.469479231415e-01
    x_5_1_0   share_5_1   1.000000000000e+00
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
    y_2       layout_choice   1.000000000000e+00
    y_2       link_2_0_0  -1.000000000000e+00
    y_2       link_2_1_0  -1.000000000000e+00
    y_2       share_2_0  -1.000000000000e+00
    y_2       share_2_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_3       layout_choice   1.000000000000e+00
    y_3       link_3_0_0  -1.000000000000e+00
    y_3       link_3_1_0  -1.000000000000e+00
    y_3       share_3_0  -1.000000000000e+00
    y_3       share_3_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_4       layout_choice   1.000000000000e+00
    y_4       link_4_0_0  -1.000000000000e+00
    y_4       link_4_1_0  -1.000000000000e+00
    y_4       share_4_0  -1.000000000000e+00
    y_4       share_4_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_5       layout_choice   1.000000000000e+00
    y_5       link_5_0_0  -1.000000000000e+00
    y_5       link_5_1_0  -1.000000000000e+00
    y_5       share_5_0  -1.000000000000e+00
    y_5       share_5_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -7.701811330422e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -7.741897009955e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  order_0_0_0_13  -1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -7.776621328688e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_13  order_0_0_0_13   1.000000000000e+00
    z_0_0_0_13  order_0_0_0_14  -1.000000000000e+00
    z_0_0_0_13  count_0_0_0  -1.000000000000e+00
    z_0_0_0_13  capacity_0_0_0  -7.807081995056e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_14  order_0_0_0_14   1.000000000000e+00
    z_0_0_0_14  count_0_0_0  -1.000000000000e+00
    z_0_0_0_14  capacity_0_0_0  -7.616987647599e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  link_0_0_0   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -2.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -8.489464869912e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -8.489464869912e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -7.845710020623e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -7.328787085703e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -7.443266157037e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -7.530017120206e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -7.598697664624e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -7.654824852212e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_2  link_1_0_0   1.000000000000e+00
    z_1_0_0_2  count_1_0_0  -2.000000000000e+00
    z_1_0_0_2  capacity_1_0_0  -7.466642238043e+02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_10  order_1_1_0_10   1.000000000000e+00
    z_1_1_0_10  order_1_1_0_11  -1.000000000000e+00
    z_1_1_0_10  count_1_1_0  -1.000000000000e+00
    z_1_1_0_10  capacity_1_1_0  -3.238659202401e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_11  order_1_1_0_11   1.000000000000e+00
    z_1_1_0_11  order_1_1_0_12  -1.000000000000e+00
    z_1_1_0_11  count_1_1_0  -1.000000000000e+00
    z_1_1_0_11  capacity_1_1_0  -3.255521367706e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_12  order_1_1_0_12   1.000000000000e+00
    z_1_1_0_12  order_1_1_0_13  -1.000000000000e+00
    z_1_1_0_12  count_1_1_0  -1.000000000000e+00
    z_1_1_0_12  capacity_1_1_0  -3.270128726925e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_13  order_1_1_0_13   1.000000000000e+00
    z_1_1_0_13  count_1_1_0  -1.000000000000e+00
    z_1_1_0_13  capacity_1_1_0  -3.282942918975e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_2  link_1_1_0   1.000000000000e+00
    z_1_1_0_2  order_1_1_0_3  -1.000000000000e+00
    z_1_1_0_2  count_1_1_0  -2.000000000000e+00
    z_1_1_0_2  capacity_1_1_0  -3.572764632149e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_3  order_1_1_0_3   1.000000000000e+00
    z_1_1_0_3  order_1_1_0_4  -1.000000000000e+00
    z_1_1_0_3  count_1_1_0  -1.000000000000e+00
    z_1_1_0_3  capacity_1_1_0  -3.572764632149e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_4  order_1_1_0_4   1.000000000000e+00
    z_1_1_0_4  order_1_1_0_5  -1.000000000000e+00
    z_1_1_0_4  count_1_1_0  -1.000000000000e+00
    z_1_1_0_4  capacity_1_1_0  -3.293105202542e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_5  order_1_1_0_5   1.000000000000e+00
    z_1_1_0_5  order_1_1_0_6  -1.000000000000e+00
    z_1_1_0_5  count_1_1_0  -1.000000000000e+00
    z_1_1_0_5  capacity_1_1_0  -3.081762814267e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_6  order_1_1_0_6   1.000000000000e+00
    z_1_1_0_6  order_1_1_0_7  -1.000000000000e+00
    z_1_1_0_6  count_1_1_0  -1.000000000000e+00
    z_1_1_0_6  capacity_1_1_0  -3.129911012101e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_7  order_1_1_0_7   1.000000000000e+00
    z_1_1_0_7  order_1_1_0_8  -1.000000000000e+00
    z_1_1_0_7  count_1_1_0  -1.000000000000e+00
    z_1_1_0_7  capacity_1_1_0  -3.166398370880e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_8  order_1_1_0_8   1.000000000000e+00
    z_1_1_0_8  order_1_1_0_9  -1.000000000000e+00
    z_1_1_0_8  count_1_1_0  -1.000000000000e+00
    z_1_1_0_8  capacity_1_1_0  -3.195286268247e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_9  order_1_1_0_9   1.000000000000e+00
    z_1_1_0_9  order_1_1_0_10  -1.000000000000e+00
    z_1_1_0_9  count_1_1_0  -1.000000000000e+00
    z_1_1_0_9  capacity_1_1_0  -3.218894828147e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_2  link_2_0_0   1.000000000000e+00
    z_2_0_0_2  count_2_0_0  -2.000000000000e+00
    z_2_0_0_2  capacity_2_0_0  -2.835156206915e+02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_10  order_2_1_0_10   1.000000000000e+00
    z_2_1_0_10  count_2_1_0  -1.000000000000e+00
    z_2_1_0_10  capacity_2_1_0  -1.969680530390e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_2  link_2_1_0   1.000000000000e+00
    z_2_1_0_2  order_2_1_0_3  -1.000000000000e+00
    z_2_1_0_2  count_2_1_0  -2.000000000000e+00
    z_2_1_0_2  capacity_2_1_0  -2.171962631771e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_3  order_2_1_0_3   1.000000000000e+00
    z_2_1_0_3  order_2_1_0_4  -1.000000000000e+00
    z_2_1_0_3  count_2_1_0  -1.000000000000e+00
    z_2_1_0_3  capacity_2_1_0  -2.171962631771e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_4  order_2_1_0_4   1.000000000000e+00
    z_2_1_0_4  order_2_1_0_5  -1.000000000000e+00
    z_2_1_0_4  count_2_1_0  -1.000000000000e+00
    z_2_1_0_4  capacity_2_1_0  -2.004705452264e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_5  order_2_1_0_5   1.000000000000e+00
    z_2_1_0_5  order_2_1_0_6  -1.000000000000e+00
    z_2_1_0_5  count_2_1_0  -1.000000000000e+00
    z_2_1_0_5  capacity_2_1_0  -1.874270925203e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_6  order_2_1_0_6   1.000000000000e+00
    z_2_1_0_6  order_2_1_0_7  -1.000000000000e+00
    z_2_1_0_6  count_2_1_0  -1.000000000000e+00
    z_2_1_0_6  capacity_2_1_0  -1.903550848864e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_7  order_2_1_0_7   1.000000000000e+00
    z_2_1_0_7  order_2_1_0_8  -1.000000000000e+00
    z_2_1_0_7  count_2_1_0  -1.000000000000e+00
    z_2_1_0_7  capacity_2_1_0  -1.925739218037e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_8  order_2_1_0_8   1.000000000000e+00
    z_2_1_0_8  order_2_1_0_9  -1.000000000000e+00
    z_2_1_0_8  count_2_1_0  -1.000000000000e+00
    z_2_1_0_8  capacity_2_1_0  -1.943305991101e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_9  order_2_1_0_9   1.000000000000e+00
    z_2_1_0_9  order_2_1_0_10  -1.000000000000e+00
    z_2_1_0_9  count_2_1_0  -1.000000000000e+00
    z_2_1_0_9  capacity_2_1_0  -1.957662164374e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_2  link_3_0_0   1.000000000000e+00
    z_3_0_0_2  count_3_0_0  -2.000000000000e+00
    z_3_0_0_2  capacity_3_0_0  -1.198910462018e+02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_2  link_3_1_0   1.000000000000e+00
    z_3_1_0_2  order_3_1_0_3  -1.000000000000e+00
    z_3_1_0_2  count_3_1_0  -2.000000000000e+00
    z_3_1_0_2  capacity_3_1_0  -9.379141416129e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_3  order_3_1_0_3   1.000000000000e+00
    z_3_1_0_3  order_3_1_0_4  -1.000000000000e+00
    z_3_1_0_3  count_3_1_0  -1.000000000000e+00
    z_3_1_0_3  capacity_3_1_0  -9.379141416129e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_4  order_3_1_0_4   1.000000000000e+00
    z_3_1_0_4  order_3_1_0_5  -1.000000000000e+00
    z_3_1_0_4  count_3_1_0  -1.000000000000e+00
    z_3_1_0_4  capacity_3_1_0  -8.643796522416e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_5  order_3_1_0_5   1.000000000000e+00
    z_3_1_0_5  order_3_1_0_6  -1.000000000000e+00
    z_3_1_0_5  count_3_1_0  -1.000000000000e+00
    z_3_1_0_5  capacity_3_1_0  -8.089829190143e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_6  order_3_1_0_6   1.000000000000e+00
    z_3_1_0_6  order_3_1_0_7  -1.000000000000e+00
    z_3_1_0_6  count_3_1_0  -1.000000000000e+00
    z_3_1_0_6  capacity_3_1_0  -8.216222560284e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_7  order_3_1_0_7   1.000000000000e+00
    z_3_1_0_7  count_3_1_0  -1.000000000000e+00
    z_3_1_0_7  capacity_3_1_0  -8.312005316821e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_2  link_4_0_0   1.000000000000e+00
    z_4_0_0_2  order_4_0_0_3  -1.000000000000e+00
    z_4_0_0_2  count_4_0_0  -2.000000000000e+00
    z_4_0_0_2  capacity_4_0_0  -6.738779330679e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_3  order_4_0_0_3   1.000000000000e+00
    z_4_0_0_3  count_4_0_0  -1.000000000000e+00
    z_4_0_0_3  capacity_4_0_0  -6.738779330679e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_2  link_4_1_0   1.000000000000e+00
    z_4_1_0_2  order_4_1_0_3  -1.000000000000e+00
    z_4_1_0_2  count_4_1_0  -2.000000000000e+00
    z_4_1_0_2  capacity_4_1_0  -4.354665791435e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_3  order_4_1_0_3   1.000000000000e+00
    z_4_1_0_3  order_4_1_0_4  -1.000000000000e+00
    z_4_1_0_3  count_4_1_0  -1.000000000000e+00
    z_4_1_0_3  capacity_4_1_0  -4.354665791435e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_4  order_4_1_0_4   1.000000000000e+00
    z_4_1_0_4  order_4_1_0_5  -1.000000000000e+00
    z_4_1_0_4  count_4_1_0  -1.000000000000e+00
    z_4_1_0_4  capacity_4_1_0  -4.013526160245e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_5  order_4_1_0_5   1.000000000000e+00
    z_4_1_0_5  count_4_1_0  -1.000000000000e+00
    z_4_1_0_5  capacity_4_1_0  -3.756127693765e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_2  link_5_0_0   1.000000000000e+00
    z_5_0_0_2  order_5_0_0_3  -1.000000000000e+00
    z_5_0_0_2  count_5_0_0  -2.000000000000e+00
    z_5_0_0_2  capacity_5_0_0  -3.913017239492e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_3  order_5_0_0_3   1.000000000000e+00
    z_5_0_0_3  order_5_0_0_4  -1.000000000000e+00
    z_5_0_0_3  count_5_0_0  -1.000000000000e+00
    z_5_0_0_3  capacity_5_0_0  -3.913017239492e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_4  order_5_0_0_4   1.000000000000e+00
    z_5_0_0_4  count_5_0_0  -1.000000000000e+00
    z_5_0_0_4  capacity_5_0_0  -3.913017239492e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_2  link_5_1_0   1.000000000000e+00
    z_5_1_0_2  order_5_1_0_3  -1.000000000000e+00
    z_5_1_0_2  count_5_1_0  -2.000000000000e+00
    z_5_1_0_2  capacity_5_1_0  -1.382882779580e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_3  order_5_1_0_3   1.000000000000e+00
    z_5_1_0_3  order_5_1_0_4  -1.000000000000e+00
    z_5_1_0_3  count_5_1_0  -1.000000000000e+00
    z_5_1_0_3  capacity_5_1_0  -1.382882779580e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_4  order_5_1_0_4   1.000000000000e+00
    z_5_1_0_4  count_5_1_0  -1.000000000000e+00
    z_5_1_0_4  capacity_5_1_0  -1.269412139715e-01
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
    RHS       count_1_1_0   0.000000000000e+00
    RHS       capacity_1_1_0   0.000000000000e+00
    RHS       link_2_0_0   0.000000000000e+00
    RHS       count_2_0_0   0.000000000000e+00
    RHS       capacity_2_0_0   0.000000000000e+00
    RHS       link_2_1_0   0.000000000000e+00
    RHS       order_2_1_0_3   0.000000000000e+00
    RHS       order_2_1_0_4   0.000000000000e+00
    RHS       order_2_1_0_5   0.000000000000e+00
    RHS       order_2_1_0_6   0.000000000000e+00
    RHS       order_2_1_0_7   0.000000000000e+00
    RHS       order_2_1_0_8   0.000000000000e+00
    RHS       order_2_1_0_9   0.000000000000e+00
    RHS       order_2_1_0_10   0.000000000000e+00
    RHS       count_2_1_0   0.000000000000e+00
    RHS       capacity_2_1_0   0.000000000000e+00
    RHS       link_3_0_0   0.000000000000e+00
    RHS       count_3_0_0   0.000000000000e+00
    RHS       capacity_3_0_0   0.000000000000e+00
    RHS       link_3_1_0   0.000000000000e+00
    RHS       order_3_1_0_3   0.000000000000e+00
    RHS       order_3_1_0_4   0.000000000000e+00
    RHS       order_3_1_0_5   0.000000000000e+00
    RHS       order_3_1_0_6   0.000000000000e+00
    RHS       order_3_1_0_7   0.000000000000e+00
    RHS       count_3_1_0   0.000000000000e+00
    RHS       capacity_3_1_0   0.000000000000e+00
    RHS       link_4_0_0   0.000000000000e+00
    RHS       order_4_0_0_3   0.000000000000e+00
    RHS       count_4_0_0   0.000000000000e+00
    RHS       capacity_4_0_0   0.000000000000e+00
    RHS       link_4_1_0   0.000000000000e+00
    RHS       order_4_1_0_3   0.000000000000e+00
    RHS       order_4_1_0_4   0.000000000000e+00
    RHS       order_4_1_0_5   0.000000000000e+00
    RHS       count_4_1_0   0.000000000000e+00
    RHS       capacity_4_1_0   0.000000000000e+00
    RHS       link_5_0_0   0.000000000000e+00
    RHS       order_5_0_0_3   0.000000000000e+00
    RHS       order_5_0_0_4   0.000000000000e+00
    RHS       count_5_0_0   0.000000000000e+00
    RHS       capacity_5_0_0   0.000000000000e+00
    RHS       link_5_1_0   0.000000000000e+00
    RHS       order_5_1_0_3   0.000000000000e+00
    RHS       order_5_1_0_4   0.000000000000e+00
    RHS       count_5_1_0   0.000000000000e+00
    RHS       capacity_5_1_0   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
    RHS       share_1_0   0.000000000000e+00
    RHS       share_1_1   0.000000000000e+00
    RHS       share_2_0   0.000000000000e+00
    RHS       share_2_1   0.000000000000e+00
    RHS       share_3_0   0.000000000000e+00
    RHS       share_3_1   0.000000000000e+00
    RHS       share_4_0   0.000000000000e+00
    RHS       share_4_1   0.000000000000e+00
    RHS       share_5_0   0.000000000000e+00
    RHS       share_5_1   0.000000000000e+00
BOUNDS
 UP BND       n_0_0_0    1.400000000000e+01
 UP BND       n_1_0_0    2.000000000000e+00
 UP BND       n_1_1_0    1.300000000000e+01
 UP BND       n_2_0_0    2.000000000000e+00
 UP BND       n_2_1_0    1.000000000000e+01
 UP BND       n_3_0_0    2.000000000000e+00
 UP BND       n_3_1_0    7.000000000000e+00
 UP BND       n_4_0_0    3.000000000000e+00
 UP BND       n_4_1_0    5.000000000000e+00
 UP BND       n_5_0_0    4.000000000000e+00
 UP BND       n_5_1_0    4.000000000000e+00
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_1_0_0    1.000000000000e+00
 UP BND       x_1_1_0    1.000000000000e+00
 UP BND       x_2_0_0    1.000000000000e+00
 UP BND       x_2_1_0    1.000000000000e+00
 UP BND       x_3_0_0    1.000000000000e+00
 UP BND       x_3_1_0    1.000000000000e+00
 UP BND       x_4_0_0    1.000000000000e+00
 UP BND       x_4_1_0    1.000000000000e+00
 UP BND       x_5_0_0    1.000000000000e+00
 UP BND       x_5_1_0    1.000000000000e+00
 BV BND       y_0     
 BV BND       y_1     
 BV BND       y_2     
 BV BND       y_3     
 BV BND       y_4     
 BV BND       y_5     
 BV BND       z_0_0_0_10
 BV BND       z_0_0_0_11
 BV BND       z_0_0_0_12
 BV BND       z_0_0_0_13
 BV BND       z_0_0_0_14
 BV BND       z_0_0_0_2
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
 BV BND       z_1_1_0_2
 BV BND       z_1_1_0_3
 BV BND       z_1_1_0_4
 BV BND       z_1_1_0_5
 BV BND       z_1_1_0_6
 BV BND       z_1_1_0_7
 BV BND       z_1_1_0_8
 BV BND       z_1_1_0_9
 BV BND       z_2_0_0_2
 BV BND       z_2_1_0_10
 BV BND       z_2_1_0_2
 BV BND       z_2_1_0_3
 BV BND       z_2_1_0_4
 BV BND       z_2_1_0_5
 BV BND       z_2_1_0_6
 BV BND       z_2_1_0_7
 BV BND       z_2_1_0_8
 BV BND       z_2_1_0_9
 BV BND       z_3_0_0_2
 BV BND       z_3_1_0_2
 BV BND       z_3_1_0_3
 BV BND       z_3_1_0_4
 BV BND       z_3_1_0_5
 BV BND       z_3_1_0_6
 BV BND       z_3_1_0_7
 BV BND       z_4_0_0_2
 BV BND       z_4_0_0_3
 BV BND       z_4_1_0_2
 BV BND       z_4_1_0_3
 BV BND       z_4_1_0_4
 BV BND       z_4_1_0_5
 BV BND       z_5_0_0_2
 BV BND       z_5_0_0_3
 BV BND       z_5_0_0_4
 BV BND       z_5_1_0_2
 BV BND       z_5_1_0_3
 BV BND       z_5_1_0_4
ENDATA
