*SENSE:Minimize
NAME          optfleet
ROWS
 N  OBJ
 E  layout_choice
 L  link_0_0_0
 L  order_0_0_0_2
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
 E  count_0_0_0
 L  capacity_0_0_0
 L  link_1_0_0
 E  count_1_0_0
 L  capacity_1_0_0
 L  link_1_1_0
 L  order_1_1_0_2
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
 E  count_1_1_0
 L  capacity_1_1_0
 L  link_2_0_0
 E  count_2_0_0
 L  capacity_2_0_0
 L  link_2_1_0
 L  order_2_1_0_2
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
 L  order_3_1_0_2
 L  order_3_1_0_3
 L  order_3_1_0_4
 L  order_3_1_0_5
 L  order_3_1_0_6
 L  order_3_1_0_7
 E  count_3_1_0
 L  capacity_3_1_0
 L  link_4_0_0
 L  order_4_0_0_2
 E  count_4_0_0
 L  capacity_4_0_0
 L  link_4_1_0
 L  order_4_1_0_2
 L  order_4_1_0_3
 L  order_4_1_0_4
 L  order_4_1_0_5
 L  order_4_1_0_6
 E  count_4_1_0
 L  capacity_4_1_0
 L  link_5_0_0
 L  order_5_0_0_2
 L  order_5_0_0_3
 L  order_5_0_0_4
 E  count_5_0_0
 L  capacity_5_0_0
 L  link_5_1_0
 L  order_5_1_0_2
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
    n_0_0_0   OBJ        2.291938065767e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   OBJ        2.292270244443e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_0   count_1_1_0   1.000000000000e+00
    n_1_1_0   OBJ        2.291938065767e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_0   count_2_0_0   1.000000000000e+00
    n_2_0_0   OBJ        2.292269607598e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_1_0   count_2_1_0   1.000000000000e+00
    n_2_1_0   OBJ        2.291938065767e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_0   count_3_0_0   1.000000000000e+00
    n_3_0_0   OBJ        2.292267878722e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_1_0   count_3_1_0   1.000000000000e+00
    n_3_1_0   OBJ        2.291938065767e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_0   count_4_0_0   1.000000000000e+00
    n_4_0_0   OBJ        2.292263195688e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_1_0   count_4_1_0   1.000000000000e+00
    n_4_1_0   OBJ        2.291938065767e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_0   count_5_0_0   1.000000000000e+00
    n_5_0_0   OBJ        2.292250586816e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_1_0   count_5_1_0   1.000000000000e+00
    n_5_1_0   OBJ        2.291938065767e+00
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
    z_0_0_0_1  link_0_0_0   1.000000000000e+00
    z_0_0_0_1  order_0_0_0_2  -1.000000000000e+00
    z_0_0_0_1  count_0_0_0  -1.000000000000e+00
    z_0_0_0_1  capacity_0_0_0  -4.741135836498e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -8.466282786359e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -8.510243642014e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  order_0_0_0_13  -1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -8.548316138402e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_13  order_0_0_0_13   1.000000000000e+00
    z_0_0_0_13  count_0_0_0  -1.000000000000e+00
    z_0_0_0_13  capacity_0_0_0  -8.581706263865e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  order_0_0_0_2   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -1.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -7.069038242196e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -7.603066681542e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -7.879911696965e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -8.056871971199e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -8.182563418358e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -8.277788672862e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -8.353160771492e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -8.414742197228e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_1  link_1_0_0   1.000000000000e+00
    z_1_0_0_1  count_1_0_0  -1.000000000000e+00
    z_1_0_0_1  capacity_1_0_0  -6.309358616941e+02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_1  link_1_1_0   1.000000000000e+00
    z_1_1_0_1  order_1_1_0_2  -1.000000000000e+00
    z_1_1_0_1  count_1_1_0  -1.000000000000e+00
    z_1_1_0_1  capacity_1_1_0  -1.996670135241e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_10  order_1_1_0_10   1.000000000000e+00
    z_1_1_0_10  order_1_1_0_11  -1.000000000000e+00
    z_1_1_0_10  count_1_1_0  -1.000000000000e+00
    z_1_1_0_10  capacity_1_1_0  -3.565810973991e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_11  order_1_1_0_11   1.000000000000e+00
    z_1_1_0_11  order_1_1_0_12  -1.000000000000e+00
    z_1_1_0_11  count_1_1_0  -1.000000000000e+00
    z_1_1_0_11  capacity_1_1_0  -3.584341639341e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_12  order_1_1_0_12   1.000000000000e+00
    z_1_1_0_12  count_1_1_0  -1.000000000000e+00
    z_1_1_0_12  capacity_1_1_0  -3.600391515292e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_2  order_1_1_0_2   1.000000000000e+00
    z_1_1_0_2  order_1_1_0_3  -1.000000000000e+00
    z_1_1_0_2  count_1_1_0  -1.000000000000e+00
    z_1_1_0_2  capacity_1_1_0  -2.977141936955e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_3  order_1_1_0_3   1.000000000000e+00
    z_1_1_0_3  order_1_1_0_4  -1.000000000000e+00
    z_1_1_0_3  count_1_1_0  -1.000000000000e+00
    z_1_1_0_3  capacity_1_1_0  -3.202097013599e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_4  order_1_1_0_4   1.000000000000e+00
    z_1_1_0_4  order_1_1_0_5  -1.000000000000e+00
    z_1_1_0_4  count_1_1_0  -1.000000000000e+00
    z_1_1_0_4  capacity_1_1_0  -3.318726266891e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_5  order_1_1_0_5   1.000000000000e+00
    z_1_1_0_5  order_1_1_0_6  -1.000000000000e+00
    z_1_1_0_5  count_1_1_0  -1.000000000000e+00
    z_1_1_0_5  capacity_1_1_0  -3.393282524935e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_6  order_1_1_0_6   1.000000000000e+00
    z_1_1_0_6  order_1_1_0_7  -1.000000000000e+00
    z_1_1_0_6  count_1_1_0  -1.000000000000e+00
    z_1_1_0_6  capacity_1_1_0  -3.446242875910e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_7  order_1_1_0_7   1.000000000000e+00
    z_1_1_0_7  order_1_1_0_8  -1.000000000000e+00
    z_1_1_0_7  count_1_1_0  -1.000000000000e+00
    z_1_1_0_7  capacity_1_1_0  -3.486369596845e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_8  order_1_1_0_8   1.000000000000e+00
    z_1_1_0_8  order_1_1_0_9  -1.000000000000e+00
    z_1_1_0_8  count_1_1_0  -1.000000000000e+00
    z_1_1_0_8  capacity_1_1_0  -3.518133090047e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_9  order_1_1_0_9   1.000000000000e+00
    z_1_1_0_9  order_1_1_0_10  -1.000000000000e+00
    z_1_1_0_9  count_1_1_0  -1.000000000000e+00
    z_1_1_0_9  capacity_1_1_0  -3.544087030167e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_1  link_2_0_0   1.000000000000e+00
    z_2_0_0_1  count_2_0_0  -1.000000000000e+00
    z_2_0_0_1  capacity_2_0_0  -2.397417062157e+02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_1  link_2_1_0   1.000000000000e+00
    z_2_1_0_1  order_2_1_0_2  -1.000000000000e+00
    z_2_1_0_1  count_2_1_0  -1.000000000000e+00
    z_2_1_0_1  capacity_2_1_0  -1.131581698409e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_10  order_2_1_0_10   1.000000000000e+00
    z_2_1_0_10  count_2_1_0  -1.000000000000e+00
    z_2_1_0_10  capacity_2_1_0  -2.021052463244e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_2  order_2_1_0_2   1.000000000000e+00
    z_2_1_0_2  order_2_1_0_3  -1.000000000000e+00
    z_2_1_0_2  count_2_1_0  -1.000000000000e+00
    z_2_1_0_2  capacity_2_1_0  -1.687308030227e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_3  order_2_1_0_3   1.000000000000e+00
    z_2_1_0_3  order_2_1_0_4  -1.000000000000e+00
    z_2_1_0_3  count_2_1_0  -1.000000000000e+00
    z_2_1_0_3  capacity_2_1_0  -1.814828091009e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_4  order_2_1_0_4   1.000000000000e+00
    z_2_1_0_4  order_2_1_0_5  -1.000000000000e+00
    z_2_1_0_4  count_2_1_0  -1.000000000000e+00
    z_2_1_0_4  capacity_2_1_0  -1.880946957233e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_5  order_2_1_0_5   1.000000000000e+00
    z_2_1_0_5  order_2_1_0_6  -1.000000000000e+00
    z_2_1_0_5  count_2_1_0  -1.000000000000e+00
    z_2_1_0_5  capacity_2_1_0  -1.923217271265e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_6  order_2_1_0_6   1.000000000000e+00
    z_2_1_0_6  order_2_1_0_7  -1.000000000000e+00
    z_2_1_0_6  count_2_1_0  -1.000000000000e+00
    z_2_1_0_6  capacity_2_1_0  -1.953245867982e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_7  order_2_1_0_7   1.000000000000e+00
    z_2_1_0_7  order_2_1_0_8  -1.000000000000e+00
    z_2_1_0_7  count_2_1_0  -1.000000000000e+00
    z_2_1_0_7  capacity_2_1_0  -1.975999478000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_8  order_2_1_0_8   1.000000000000e+00
    z_2_1_0_8  order_2_1_0_9  -1.000000000000e+00
    z_2_1_0_8  count_2_1_0  -1.000000000000e+00
    z_2_1_0_8  capacity_2_1_0  -1.994012107378e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_9  order_2_1_0_9   1.000000000000e+00
    z_2_1_0_9  order_2_1_0_10  -1.000000000000e+00
    z_2_1_0_9  count_2_1_0  -1.000000000000e+00
    z_2_1_0_9  capacity_2_1_0  -2.008731306966e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_1  link_3_0_0   1.000000000000e+00
    z_3_0_0_1  count_3_0_0  -1.000000000000e+00
    z_3_0_0_1  capacity_3_0_0  -9.992717579790e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_1  link_3_1_0   1.000000000000e+00
    z_3_1_0_1  order_3_1_0_2  -1.000000000000e+00
    z_3_1_0_1  count_3_1_0  -1.000000000000e+00
    z_3_1_0_1  capacity_3_1_0  -4.799353341871e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_2  order_3_1_0_2   1.000000000000e+00
    z_3_1_0_2  order_3_1_0_3  -1.000000000000e+00
    z_3_1_0_2  count_3_1_0  -1.000000000000e+00
    z_3_1_0_2  capacity_3_1_0  -7.156654340350e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_3  order_3_1_0_3   1.000000000000e+00
    z_3_1_0_3  order_3_1_0_4  -1.000000000000e+00
    z_3_1_0_3  count_3_1_0  -1.000000000000e+00
    z_3_1_0_3  capacity_3_1_0  -7.697652985518e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_4  order_3_1_0_4   1.000000000000e+00
    z_3_1_0_4  order_3_1_0_5  -1.000000000000e+00
    z_3_1_0_4  count_3_1_0  -1.000000000000e+00
    z_3_1_0_4  capacity_3_1_0  -7.978183309582e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_5  order_3_1_0_5   1.000000000000e+00
    z_3_1_0_5  order_3_1_0_6  -1.000000000000e+00
    z_3_1_0_5  count_3_1_0  -1.000000000000e+00
    z_3_1_0_5  capacity_3_1_0  -8.157542930930e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_6  order_3_1_0_6   1.000000000000e+00
    z_3_1_0_6  order_3_1_0_7  -1.000000000000e+00
    z_3_1_0_6  count_3_1_0  -1.000000000000e+00
    z_3_1_0_6  capacity_3_1_0  -8.284969007251e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_7  order_3_1_0_7   1.000000000000e+00
    z_3_1_0_7  count_3_1_0  -1.000000000000e+00
    z_3_1_0_7  capacity_3_1_0  -8.381531235847e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_1  link_4_0_0   1.000000000000e+00
    z_4_0_0_1  order_4_0_0_2  -1.000000000000e+00
    z_4_0_0_1  count_4_0_0  -1.000000000000e+00
    z_4_0_0_1  capacity_4_0_0  -5.566391885252e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_2  order_4_0_0_2   1.000000000000e+00
    z_4_0_0_2  count_4_0_0  -1.000000000000e+00
    z_4_0_0_2  capacity_4_0_0  -5.566391885252e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_1  link_4_1_0   1.000000000000e+00
    z_4_1_0_1  order_4_1_0_2  -1.000000000000e+00
    z_4_1_0_1  count_4_1_0  -1.000000000000e+00
    z_4_1_0_1  capacity_4_1_0  -2.084448297369e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_2  order_4_1_0_2   1.000000000000e+00
    z_4_1_0_2  order_4_1_0_3  -1.000000000000e+00
    z_4_1_0_2  count_4_1_0  -1.000000000000e+00
    z_4_1_0_2  capacity_4_1_0  -3.108356703743e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_3  order_4_1_0_3   1.000000000000e+00
    z_4_1_0_3  order_4_1_0_4  -1.000000000000e+00
    z_4_1_0_3  count_4_1_0  -1.000000000000e+00
    z_4_1_0_3  capacity_4_1_0  -3.343362811087e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_4  order_4_1_0_4   1.000000000000e+00
    z_4_1_0_4  order_4_1_0_5  -1.000000000000e+00
    z_4_1_0_4  count_4_1_0  -1.000000000000e+00
    z_4_1_0_4  capacity_4_1_0  -3.465228644154e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_5  order_4_1_0_5   1.000000000000e+00
    z_4_1_0_5  order_4_1_0_6  -1.000000000000e+00
    z_4_1_0_5  count_4_1_0  -1.000000000000e+00
    z_4_1_0_5  capacity_4_1_0  -3.543147905230e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_6  order_4_1_0_6   1.000000000000e+00
    z_4_1_0_6  count_4_1_0  -1.000000000000e+00
    z_4_1_0_6  capacity_4_1_0  -3.598507900077e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_1  link_5_0_0   1.000000000000e+00
    z_5_0_0_1  order_5_0_0_2  -1.000000000000e+00
    z_5_0_0_1  count_5_0_0  -1.000000000000e+00
    z_5_0_0_1  capacity_5_0_0  -3.103818061091e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_2  order_5_0_0_2   1.000000000000e+00
    z_5_0_0_2  order_5_0_0_3  -1.000000000000e+00
    z_5_0_0_2  count_5_0_0  -1.000000000000e+00
    z_5_0_0_2  capacity_5_0_0  -3.318626387138e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_3  order_5_0_0_3   1.000000000000e+00
    z_5_0_0_3  order_5_0_0_4  -1.000000000000e+00
    z_5_0_0_3  count_5_0_0  -1.000000000000e+00
    z_5_0_0_3  capacity_5_0_0  -3.211222224114e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_4  order_5_0_0_4   1.000000000000e+00
    z_5_0_0_4  count_5_0_0  -1.000000000000e+00
    z_5_0_0_4  capacity_5_0_0  -3.211222224114e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_1  link_5_1_0   1.000000000000e+00
    z_5_1_0_1  order_5_1_0_2  -1.000000000000e+00
    z_5_1_0_1  count_5_1_0  -1.000000000000e+00
    z_5_1_0_1  capacity_5_1_0  -6.948649486120e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_2  order_5_1_0_2   1.000000000000e+00
    z_5_1_0_2  order_5_1_0_3  -1.000000000000e+00
    z_5_1_0_2  count_5_1_0  -1.000000000000e+00
    z_5_1_0_2  capacity_5_1_0  -1.036217769921e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_3  order_5_1_0_3   1.000000000000e+00
    z_5_1_0_3  order_5_1_0_4  -1.000000000000e+00
    z_5_1_0_3  count_5_1_0  -1.000000000000e+00
    z_5_1_0_3  capacity_5_1_0  -1.114569758578e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_4  order_5_1_0_4   1.000000000000e+00
    z_5_1_0_4  count_5_1_0  -1.000000000000e+00
    z_5_1_0_4  capacity_5_1_0  -1.155201522924e-01
    MARK      'MARKER'                 'INTEND'
RHS
    RHS       layout_choice   1.000000000000e+00
    RHS       link_0_0_0   0.000000000000e+00
    RHS       order_0_0_0_2   0.000000000000e+00
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
    RHS       count_0_0_0   0.000000000000e+00
    RHS       capacity_0_0_0   0.000000000000e+00
    RHS       link_1_0_0   0.000000000000e+00
    RHS       count_1_0_0   0.000000000000e+00
    RHS       capacity_1_0_0   0.000000000000e+00
    RHS       link_1_1_0   0.000000000000e+00
    RHS       order_1_1_0_2   0.000000000000e+00
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
    RHS       count_1_1_0   0.000000000000e+00
    RHS       capacity_1_1_0   0.000000000000e+00
    RHS       link_2_0_0   0.000000000000e+00
    RHS       count_2_0_0   0.000000000000e+00
    RHS       capacity_2_0_0   0.000000000000e+00
    RHS       link_2_1_0   0.000000000000e+00
    RHS       order_2_1_0_2   0.000000000000e+00
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
    RHS       order_3_1_0_2   0.000000000000e+00
    RHS       order_3_1_0_3   0.000000000000e+00
    RHS       order_3_1_0_4   0.000000000000e+00
    RHS       order_3_1_0_5   0.000000000000e+00
    RHS       order_3_1_0_6   0.000000000000e+00
    RHS       order_3_1_0_7   0.000000000000e+00
    RHS       count_3_1_0   0.000000000000e+00
    RHS       capacity_3_1_0   0.000000000000e+00
    RHS       link_4_0_0   0.000000000000e+00
    RHS       order_4_0_0_2   0.000000000000e+00
    RHS       count_4_0_0   0.000000000000e+00
    RHS       capacity_4_0_0   0.000000000000e+00
    RHS       link_4_1_0   0.000000000000e+00
    RHS       order_4_1_0_2   0.000000000000e+00
    RHS       order_4_1_0_3   0.000000000000e+00
    RHS       order_4_1_0_4   0.000000000000e+00
    RHS       order_4_1_0_5   0.000000000000e+00
    RHS       order_4_1_0_6   0.000000000000e+00
    RHS       count_4_1_0   0.000000000000e+00
    RHS       capacity_4_1_0   0.000000000000e+00
    RHS       link_5_0_0   0.000000000000e+00
    RHS       order_5_0_0_2   0.000000000000e+00
    RHS       order_5_0_0_3   0.000000000000e+00
    RHS       order_5_0_0_4   0.000000000000e+00
    RHS       count_5_0_0   0.000000000000e+00
    RHS       capacity_5_0_0   0.000000000000e+00
    RHS       link_5_1_0   0.000000000000e+00
    RHS       order_5_1_0_2   0.000000000000e+00
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
 UP BND       n_0_0_0    1.300000000000e+01
 BV BND       n_1_0_0 
 UP BND       n_1_1_0    1.200000000000e+01
 BV BND       n_2_0_0 
 UP BND       n_2_1_0    1.000000000000e+01
 BV BND       n_3_0_0 
 UP BND       n_3_1_0    7.000000000000e+00
 UP BND       n_4_0_0    2.000000000000e+00
 UP BND       n_4_1_0    6.000000000000e+00
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
 BV BND       z_0_0_0_1
 BV BND       z_0_0_0_10
 BV BND       z_0_0_0_11
 BV BND       z_0_0_0_12
 BV BND       z_0_0_0_13
 BV BND       z_0_0_0_2
 BV BND       z_0_0_0_3
 BV BND       z_0_0_0_4
 BV BND       z_0_0_0_5
 BV BND       z_0_0_0_6
 BV BND       z_0_0_0_7
 BV BND       z_0_0_0_8
 BV BND       z_0_0_0_9
 BV BND       z_1_0_0_1
 BV BND       z_1_1_0_1
 BV BND       z_1_1_0_10
 BV BND       z_1_1_0_11
 BV BND       z_1_1_0_12
 BV BND       z_1_1_0_2
 BV BND       z_1_1_0_3
 BV BND       z_1_1_0_4
 BV BND       z_1_1_0_5
 BV BND       z_1_1_0_6
 BV BND       z_1_1_0_7
 BV BND       z_1_1_0_8
 BV BND       z_1_1_0_9
 BV BND       z_2_0_0_1
 BV BND       z_2_1_0_1
 BV BND       z_2_1_0_10
 BV BND       z_2_1_0_2
 BV BND       z_2_1_0_3
 BV BND       z_2_1_0_4
 BV BND       z_2_1_0_5
 BV BND       z_2_1_0_6
 BV BND       z_2_1_0_7
 BV BND       z_2_1_0_8
 BV BND       z_2_1_0_9
 BV BND       z_3_0_0_1
 BV BND       z_3_1_0_1
 BV BND       z_3_1_0_2
 BV BND       z_3_1_0_3
 BV BND       z_3_1_0_4
 BV BND       z_3_1_0_5
 BV BND       z_3_1_0_6
 BV BND       z_3_1_0_7
 BV BND       z_4_0_0_1
 BV BND       z_4_0_0_2
 BV BND       z_4_1_0_1
 BV BND       z_4_1_0_2
 BV BND       z_4_1_0_3
 BV BND       z_4_1_0_4
 BV BND       z_4_1_0_5
 BV BND       z_4_1_0_6
 BV BND       z_5_0_0_1
 BV BND       z_5_0_0_2
 BV BND       z_5_0_0_3
 BV BND       z_5_0_0_4
 BV BND       z_5_1_0_1
 BV BND       z_5_1_0_2
 BV BND       z_5_1_0_3
 BV BND       z_5_1_0_4
ENDATA
