*SENSE:Minimize
NAME          optfleet
ROWS
 N  OBJ
 E  layout_choice
 L  link_0_0_0
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
 E  count_0_0_0
 L  capacity_0_0_0
 L  link_0_0_1
 L  order_0_0_1_2
 L  order_0_0_1_3
 L  order_0_0_1_4
 L  order_0_0_1_5
 L  order_0_0_1_6
 E  count_0_0_1
 L  capacity_0_0_1
 L  link_0_0_2
 L  order_0_0_2_2
 L  order_0_0_2_3
 L  order_0_0_2_4
 L  order_0_0_2_5
 L  order_0_0_2_6
 L  order_0_0_2_7
 E  count_0_0_2
 L  capacity_0_0_2
 L  link_1_0_0
 L  order_1_0_0_2
 L  order_1_0_0_3
 L  order_1_0_0_4
 L  order_1_0_0_5
 L  order_1_0_0_6
 L  order_1_0_0_7
 L  order_1_0_0_8
 L  order_1_0_0_9
 E  count_1_0_0
 L  capacity_1_0_0
 L  link_1_0_2
 L  order_1_0_2_2
 L  order_1_0_2_3
 L  order_1_0_2_4
 L  order_1_0_2_5
 L  order_1_0_2_6
 L  order_1_0_2_7
 E  count_1_0_2
 L  capacity_1_0_2
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
 L  link_1_1_2
 L  order_1_1_2_2
 L  order_1_1_2_3
 L  order_1_1_2_4
 L  order_1_1_2_5
 L  order_1_1_2_6
 L  order_1_1_2_7
 E  count_1_1_2
 L  capacity_1_1_2
 L  link_2_0_0
 L  order_2_0_0_2
 L  order_2_0_0_3
 L  order_2_0_0_4
 L  order_2_0_0_5
 L  order_2_0_0_6
 E  count_2_0_0
 L  capacity_2_0_0
 L  link_2_0_1
 L  order_2_0_1_2
 L  order_2_0_1_3
 L  order_2_0_1_4
 L  order_2_0_1_5
 E  count_2_0_1
 L  capacity_2_0_1
 L  link_2_0_2
 L  order_2_0_2_2
 L  order_2_0_2_3
 L  order_2_0_2_4
 L  order_2_0_2_5
 E  count_2_0_2
 L  capacity_2_0_2
 L  link_3_0_0
 L  order_3_0_0_2
 L  order_3_0_0_3
 L  order_3_0_0_4
 E  count_3_0_0
 L  capacity_3_0_0
 L  link_3_0_1
 L  order_3_0_1_2
 L  order_3_0_1_3
 L  order_3_0_1_4
 E  count_3_0_1
 L  capacity_3_0_1
 L  link_3_0_2
 L  order_3_0_2_2
 L  order_3_0_2_3
 L  order_3_0_2_4
 E  count_3_0_2
 L  capacity_3_0_2
 L  link_3_1_0
 L  order_3_1_0_3
 L  order_3_1_0_4
 L  order_3_1_0_5
 L  order_3_1_0_6
 L  order_3_1_0_7
 L  order_3_1_0_8
 L  order_3_1_0_9
 L  order_3_1_0_10
 E  count_3_1_0
 L  capacity_3_1_0
 L  link_3_1_1
 L  order_3_1_1_3
 L  order_3_1_1_4
 L  order_3_1_1_5
 L  order_3_1_1_6
 L  order_3_1_1_7
 L  order_3_1_1_8
 L  order_3_1_1_9
 E  count_3_1_1
 L  capacity_3_1_1
 L  link_3_1_2
 L  order_3_1_2_2
 L  order_3_1_2_3
 L  order_3_1_2_4
 E  count_3_1_2
 L  capacity_3_1_2
 L  link_4_0_0
 L  order_4_0_0_3
 L  order_4_0_0_4
 L  order_4_0_0_5
 L  order_4_0_0_6
 L  order_4_0_0_7
 L  order_4_0_0_8
 L  order_4_0_0_9
 L  order_4_0_0_10
 E  count_4_0_0
 L  capacity_4_0_0
 L  link_4_0_1
 L  order_4_0_1_2
 L  order_4_0_1_3
 L  order_4_0_1_4
 E  count_4_0_1
 L  capacity_4_0_1
 L  link_4_0_2
 L  order_4_0_2_2
 L  order_4_0_2_3
 L  order_4_0_2_4
 L  order_4_0_2_5
 L  order_4_0_2_6
 E  count_4_0_2
 L  capacity_4_0_2
 L  link_4_1_0
 L  order_4_1_0_2
 L  order_4_1_0_3
 L  order_4_1_0_4
 L  order_4_1_0_5
 L  order_4_1_0_6
 L  order_4_1_0_7
 L  order_4_1_0_8
 L  order_4_1_0_9
 L  order_4_1_0_10
 L  order_4_1_0_11
 E  count_4_1_0
 L  capacity_4_1_0
 L  link_4_1_2
 L  order_4_1_2_2
 L  order_4_1_2_3
 L  order_4_1_2_4
 L  order_4_1_2_5
 L  order_4_1_2_6
 L  order_4_1_2_7
 L  order_4_1_2_8
 L  order_4_1_2_9
 L  order_4_1_2_10
 E  count_4_1_2
 L  capacity_4_1_2
 L  link_5_0_0
 L  order_5_0_0_2
 L  order_5_0_0_3
 L  order_5_0_0_4
 L  order_5_0_0_5
 L  order_5_0_0_6
 E  count_5_0_0
 L  capacity_5_0_0
 L  link_5_0_1
 L  order_5_0_1_3
 L  order_5_0_1_4
 L  order_5_0_1_5
 E  count_5_0_1
 L  capacity_5_0_1
 L  link_5_0_2
 L  order_5_0_2_2
 L  order_5_0_2_3
 L  order_5_0_2_4
 E  count_5_0_2
 L  capacity_5_0_2
 E  share_0_0
 E  share_1_0
 E  share_1_1
 E  share_2_0
 E  share_3_0
 E  share_3_1
 E  share_4_0
 E  share_4_1
 E  share_5_0
 G  min_replicas_1_0
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_1   count_0_0_1   1.000000000000e+00
    n_0_0_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_2   count_0_0_2   1.000000000000e+00
    n_0_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   min_replicas_1_0   1.000000000000e+00
    n_1_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_2   count_1_0_2   1.000000000000e+00
    n_1_0_2   min_replicas_1_0   1.000000000000e+00
    n_1_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_0   count_1_1_0   1.000000000000e+00
    n_1_1_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_2   count_1_1_2   1.000000000000e+00
    n_1_1_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_0   count_2_0_0   1.000000000000e+00
    n_2_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_1   count_2_0_1   1.000000000000e+00
    n_2_0_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_2   count_2_0_2   1.000000000000e+00
    n_2_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_0   count_3_0_0   1.000000000000e+00
    n_3_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_1   count_3_0_1   1.000000000000e+00
    n_3_0_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_2   count_3_0_2   1.000000000000e+00
    n_3_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_1_0   count_3_1_0   1.000000000000e+00
    n_3_1_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_1_1   count_3_1_1   1.000000000000e+00
    n_3_1_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_1_2   count_3_1_2   1.000000000000e+00
    n_3_1_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_0   count_4_0_0   1.000000000000e+00
    n_4_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_1   count_4_0_1   1.000000000000e+00
    n_4_0_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_2   count_4_0_2   1.000000000000e+00
    n_4_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_1_0   count_4_1_0   1.000000000000e+00
    n_4_1_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_1_2   count_4_1_2   1.000000000000e+00
    n_4_1_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_0   count_5_0_0   1.000000000000e+00
    n_5_0_0   OBJ        2.800119982499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_1   count_5_0_1   1.000000000000e+00
    n_5_0_1   OBJ        4.890120294126e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_2   count_5_0_2   1.000000000000e+00
    n_5_0_2   OBJ        8.601212290057e-01
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   1.092436587688e+01
    x_0_0_0   share_0_0   1.000000000000e+00
    x_0_0_1   capacity_0_0_1   1.092436587688e+01
    x_0_0_1   share_0_0   1.000000000000e+00
    x_0_0_2   capacity_0_0_2   1.092436587688e+01
    x_0_0_2   share_0_0   1.000000000000e+00
    x_1_0_0   capacity_1_0_0   1.109406656316e+01
    x_1_0_0   share_1_0   1.000000000000e+00
    x_1_0_2   capacity_1_0_2   1.109406656316e+01
    x_1_0_2   share_1_0   1.000000000000e+00
    x_1_1_0   capacity_1_1_0   8.092965256314e+00
    x_1_1_0   share_1_1   1.000000000000e+00
    x_1_1_2   capacity_1_1_2   8.092965256314e+00
    x_1_1_2   share_1_1   1.000000000000e+00
    x_2_0_0   capacity_2_0_0   8.343479933819e+00
    x_2_0_0   share_2_0   1.000000000000e+00
    x_2_0_1   capacity_2_0_1   8.343479933819e+00
    x_2_0_1   share_2_0   1.000000000000e+00
    x_2_0_2   capacity_2_0_2   8.343479933819e+00
    x_2_0_2   share_2_0   1.000000000000e+00
    x_3_0_0   capacity_3_0_0   7.942648493612e+00
    x_3_0_0   share_3_0   1.000000000000e+00
    x_3_0_1   capacity_3_0_1   7.942648493612e+00
    x_3_0_1   share_3_0   1.000000000000e+00
    x_3_0_2   capacity_3_0_2   7.942648493612e+00
    x_3_0_2   share_3_0   1.000000000000e+00
    x_3_1_0   capacity_3_1_0   8.762668150409e+00
    x_3_1_0   share_3_1   1.000000000000e+00
    x_3_1_1   capacity_3_1_1   8.762668150409e+00
    x_3_1_1   share_3_1   1.000000000000e+00
    x_3_1_2   capacity_3_1_2   8.762668150409e+00
    x_3_1_2   share_3_1   1.000000000000e+00
    x_4_0_0   capacity_4_0_0   1.086370648062e+01
    x_4_0_0   share_4_0   1.000000000000e+00
    x_4_0_1   capacity_4_0_1   1.086370648062e+01
    x_4_0_1   share_4_0   1.000000000000e+00
    x_4_0_2   capacity_4_0_2   1.086370648062e+01
    x_4_0_2   share_4_0   1.000000000000e+00
    x_4_1_0   capacity_4_1_0   1.146073282882e+01
    x_4_1_0   share_4_1   1.000000000000e+00
    x_4_1_2   capacity_4_1_2   1.146073282882e+01
    x_4_1_2   share_4_1   1.000000000000e+00
    x_5_0_0   capacity_5_0_0   5.084956890051e+00
    x_5_0_0   share_5_0   1.000000000000e+00
    x_5_0_1   capacity_5_0_1   5.084956890051e+00
    x_5_0_1   share_5_0   1.000000000000e+00
    x_5_0_2   capacity_5_0_2   5.084956890051e+00
    x_5_0_2   share_5_0   1.000000000000e+00
    MARK      'MARKER'                 'INTORG'
    y_0       layout_choice   1.000000000000e+00
    y_0       link_0_0_0  -1.000000000000e+00
    y_0       link_0_0_1  -1.000000000000e+00
    y_0       link_0_0_2  -1.000000000000e+00
    y_0       share_0_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_1       layout_choice   1.000000000000e+00
    y_1       link_1_0_0  -1.000000000000e+00
    y_1       link_1_0_2  -1.000000000000e+00
    y_1       link_1_1_0  -1.000000000000e+00
    y_1       link_1_1_2  -1.000000000000e+00
    y_1       share_1_0  -1.000000000000e+00
    y_1       share_1_1  -1.000000000000e+00
    y_1       min_replicas_1_0  -7.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_2       layout_choice   1.000000000000e+00
    y_2       link_2_0_0  -1.000000000000e+00
    y_2       link_2_0_1  -1.000000000000e+00
    y_2       link_2_0_2  -1.000000000000e+00
    y_2       share_2_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_3       layout_choice   1.000000000000e+00
    y_3       link_3_0_0  -1.000000000000e+00
    y_3       link_3_0_1  -1.000000000000e+00
    y_3       link_3_0_2  -1.000000000000e+00
    y_3       link_3_1_0  -1.000000000000e+00
    y_3       link_3_1_1  -1.000000000000e+00
    y_3       link_3_1_2  -1.000000000000e+00
    y_3       share_3_0  -1.000000000000e+00
    y_3       share_3_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_4       layout_choice   1.000000000000e+00
    y_4       link_4_0_0  -1.000000000000e+00
    y_4       link_4_0_1  -1.000000000000e+00
    y_4       link_4_0_2  -1.000000000000e+00
    y_4       link_4_1_0  -1.000000000000e+00
    y_4       link_4_1_2  -1.000000000000e+00
    y_4       share_4_0  -1.000000000000e+00
    y_4       share_4_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_5       layout_choice   1.000000000000e+00
    y_5       link_5_0_0  -1.000000000000e+00
    y_5       link_5_0_1  -1.000000000000e+00
    y_5       link_5_0_2  -1.000000000000e+00
    y_5       share_5_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -6.016404187927e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -8.925148598440e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  order_0_0_0_13  -1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -5.277401969179e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_13  order_0_0_0_13   1.000000000000e+00
    z_0_0_0_13  order_0_0_0_14  -1.000000000000e+00
    z_0_0_0_13  count_0_0_0  -1.000000000000e+00
    z_0_0_0_13  capacity_0_0_0  -4.551228846507e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_14  order_0_0_0_14   1.000000000000e+00
    z_0_0_0_14  order_0_0_0_15  -1.000000000000e+00
    z_0_0_0_14  count_0_0_0  -1.000000000000e+00
    z_0_0_0_14  capacity_0_0_0  -6.498734986686e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_15  order_0_0_0_15   1.000000000000e+00
    z_0_0_0_15  order_0_0_0_16  -1.000000000000e+00
    z_0_0_0_15  count_0_0_0  -1.000000000000e+00
    z_0_0_0_15  capacity_0_0_0  -7.327451402646e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_16  order_0_0_0_16   1.000000000000e+00
    z_0_0_0_16  order_0_0_0_17  -1.000000000000e+00
    z_0_0_0_16  count_0_0_0  -1.000000000000e+00
    z_0_0_0_16  capacity_0_0_0  -9.321834514079e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_17  order_0_0_0_17   1.000000000000e+00
    z_0_0_0_17  order_0_0_0_18  -1.000000000000e+00
    z_0_0_0_17  count_0_0_0  -1.000000000000e+00
    z_0_0_0_17  capacity_0_0_0  -7.064273836484e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_18  order_0_0_0_18   1.000000000000e+00
    z_0_0_0_18  order_0_0_0_19  -1.000000000000e+00
    z_0_0_0_18  count_0_0_0  -1.000000000000e+00
    z_0_0_0_18  capacity_0_0_0  -5.048994787609e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_19  order_0_0_0_19   1.000000000000e+00
    z_0_0_0_19  order_0_0_0_20  -1.000000000000e+00
    z_0_0_0_19  count_0_0_0  -1.000000000000e+00
    z_0_0_0_19  capacity_0_0_0  -9.463129310530e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_20  order_0_0_0_20   1.000000000000e+00
    z_0_0_0_20  count_0_0_0  -1.000000000000e+00
    z_0_0_0_20  capacity_0_0_0  -6.603146135173e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  link_0_0_0   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -3.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -1.899853021307e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -5.577437093116e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -7.282175512510e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -6.229573998309e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -3.527586372774e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -5.735253628470e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -5.855532168895e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_1  link_0_0_1   1.000000000000e+00
    z_0_0_1_1  order_0_0_1_2  -1.000000000000e+00
    z_0_0_1_1  count_0_0_1  -1.000000000000e+00
    z_0_0_1_1  capacity_0_0_1  -3.568254006848e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_2  order_0_0_1_2   1.000000000000e+00
    z_0_0_1_2  order_0_0_1_3  -1.000000000000e+00
    z_0_0_1_2  count_0_0_1  -1.000000000000e+00
    z_0_0_1_2  capacity_0_0_1  -2.345257484018e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_3  order_0_0_1_3   1.000000000000e+00
    z_0_0_1_3  order_0_0_1_4  -1.000000000000e+00
    z_0_0_1_3  count_0_0_1  -1.000000000000e+00
    z_0_0_1_3  capacity_0_0_1  -1.889428736227e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_4  order_0_0_1_4   1.000000000000e+00
    z_0_0_1_4  order_0_0_1_5  -1.000000000000e+00
    z_0_0_1_4  count_0_0_1  -1.000000000000e+00
    z_0_0_1_4  capacity_0_0_1  -2.517474278130e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_5  order_0_0_1_5   1.000000000000e+00
    z_0_0_1_5  order_0_0_1_6  -1.000000000000e+00
    z_0_0_1_5  count_0_0_1  -1.000000000000e+00
    z_0_0_1_5  capacity_0_0_1  -1.521738483192e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_6  order_0_0_1_6   1.000000000000e+00
    z_0_0_1_6  count_0_0_1  -1.000000000000e+00
    z_0_0_1_6  capacity_0_0_1  -1.752053952636e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_1  link_0_0_2   1.000000000000e+00
    z_0_0_2_1  order_0_0_2_2  -1.000000000000e+00
    z_0_0_2_1  count_0_0_2  -1.000000000000e+00
    z_0_0_2_1  capacity_0_0_2  -1.082049392432e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_2  order_0_0_2_2   1.000000000000e+00
    z_0_0_2_2  order_0_0_2_3  -1.000000000000e+00
    z_0_0_2_2  count_0_0_2  -1.000000000000e+00
    z_0_0_2_2  capacity_0_0_2  -1.852862145039e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_3  order_0_0_2_3   1.000000000000e+00
    z_0_0_2_3  order_0_0_2_4  -1.000000000000e+00
    z_0_0_2_3  count_0_0_2  -1.000000000000e+00
    z_0_0_2_3  capacity_0_0_2  -1.266830204427e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_4  order_0_0_2_4   1.000000000000e+00
    z_0_0_2_4  order_0_0_2_5  -1.000000000000e+00
    z_0_0_2_4  count_0_0_2  -1.000000000000e+00
    z_0_0_2_4  capacity_0_0_2  -1.182456354347e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_5  order_0_0_2_5   1.000000000000e+00
    z_0_0_2_5  order_0_0_2_6  -1.000000000000e+00
    z_0_0_2_5  count_0_0_2  -1.000000000000e+00
    z_0_0_2_5  capacity_0_0_2  -1.955367653515e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_6  order_0_0_2_6   1.000000000000e+00
    z_0_0_2_6  order_0_0_2_7  -1.000000000000e+00
    z_0_0_2_6  count_0_0_2  -1.000000000000e+00
    z_0_0_2_6  capacity_0_0_2  -9.223458421034e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_7  order_0_0_2_7   1.000000000000e+00
    z_0_0_2_7  count_0_0_2  -1.000000000000e+00
    z_0_0_2_7  capacity_0_0_2  -1.369730213481e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_1  link_1_0_0   1.000000000000e+00
    z_1_0_0_1  order_1_0_0_2  -1.000000000000e+00
    z_1_0_0_1  count_1_0_0  -1.000000000000e+00
    z_1_0_0_1  capacity_1_0_0  -5.995381510291e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_2  order_1_0_0_2   1.000000000000e+00
    z_1_0_0_2  order_1_0_0_3  -1.000000000000e+00
    z_1_0_0_2  count_1_0_0  -1.000000000000e+00
    z_1_0_0_2  capacity_1_0_0  -4.293427506384e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_3  order_1_0_0_3   1.000000000000e+00
    z_1_0_0_3  order_1_0_0_4  -1.000000000000e+00
    z_1_0_0_3  count_1_0_0  -1.000000000000e+00
    z_1_0_0_3  capacity_1_0_0  -4.901163413641e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_4  order_1_0_0_4   1.000000000000e+00
    z_1_0_0_4  order_1_0_0_5  -1.000000000000e+00
    z_1_0_0_4  count_1_0_0  -1.000000000000e+00
    z_1_0_0_4  capacity_1_0_0  -5.215750668022e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_5  order_1_0_0_5   1.000000000000e+00
    z_1_0_0_5  order_1_0_0_6  -1.000000000000e+00
    z_1_0_0_5  count_1_0_0  -1.000000000000e+00
    z_1_0_0_5  capacity_1_0_0  -5.416789259744e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_6  order_1_0_0_6   1.000000000000e+00
    z_1_0_0_6  order_1_0_0_7  -1.000000000000e+00
    z_1_0_0_6  count_1_0_0  -1.000000000000e+00
    z_1_0_0_6  capacity_1_0_0  -5.559593184301e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_7  order_1_0_0_7   1.000000000000e+00
    z_1_0_0_7  order_1_0_0_8  -1.000000000000e+00
    z_1_0_0_7  count_1_0_0  -1.000000000000e+00
    z_1_0_0_7  capacity_1_0_0  -5.667803045387e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_8  order_1_0_0_8   1.000000000000e+00
    z_1_0_0_8  order_1_0_0_9  -1.000000000000e+00
    z_1_0_0_8  count_1_0_0  -1.000000000000e+00
    z_1_0_0_8  capacity_1_0_0  -5.753472960354e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_9  order_1_0_0_9   1.000000000000e+00
    z_1_0_0_9  count_1_0_0  -1.000000000000e+00
    z_1_0_0_9  capacity_1_0_0  -5.823486575278e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_1  link_1_0_2   1.000000000000e+00
    z_1_0_2_1  order_1_0_2_2  -1.000000000000e+00
    z_1_0_2_1  count_1_0_2  -1.000000000000e+00
    z_1_0_2_1  capacity_1_0_2  -2.042508096941e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_2  order_1_0_2_2   1.000000000000e+00
    z_1_0_2_2  order_1_0_2_3  -1.000000000000e+00
    z_1_0_2_2  count_1_0_2  -1.000000000000e+00
    z_1_0_2_2  capacity_1_0_2  -2.158470645088e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_3  order_1_0_2_3   1.000000000000e+00
    z_1_0_2_3  order_1_0_2_4  -1.000000000000e+00
    z_1_0_2_3  count_1_0_2  -1.000000000000e+00
    z_1_0_2_3  capacity_1_0_2  -2.177549344427e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_4  order_1_0_2_4   1.000000000000e+00
    z_1_0_2_4  order_1_0_2_5  -1.000000000000e+00
    z_1_0_2_4  count_1_0_2  -1.000000000000e+00
    z_1_0_2_4  capacity_1_0_2  -2.187425205917e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_5  order_1_0_2_5   1.000000000000e+00
    z_1_0_2_5  order_1_0_2_6  -1.000000000000e+00
    z_1_0_2_5  count_1_0_2  -1.000000000000e+00
    z_1_0_2_5  capacity_1_0_2  -2.193736425645e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_6  order_1_0_2_6   1.000000000000e+00
    z_1_0_2_6  order_1_0_2_7  -1.000000000000e+00
    z_1_0_2_6  count_1_0_2  -1.000000000000e+00
    z_1_0_2_6  capacity_1_0_2  -2.198219480058e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_2_7  order_1_0_2_7   1.000000000000e+00
    z_1_0_2_7  count_1_0_2  -1.000000000000e+00
    z_1_0_2_7  capacity_1_0_2  -2.201616520419e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_1  link_1_1_0   1.000000000000e+00
    z_1_1_0_1  order_1_1_0_2  -1.000000000000e+00
    z_1_1_0_1  count_1_1_0  -1.000000000000e+00
    z_1_1_0_1  capacity_1_1_0  -7.445334556937e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_10  order_1_1_0_10   1.000000000000e+00
    z_1_1_0_10  order_1_1_0_11  -1.000000000000e+00
    z_1_1_0_10  count_1_1_0  -1.000000000000e+00
    z_1_1_0_10  capacity_1_1_0  -8.500001361863e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_11  order_1_1_0_11   1.000000000000e+00
    z_1_1_0_11  order_1_1_0_12  -1.000000000000e+00
    z_1_1_0_11  count_1_1_0  -1.000000000000e+00
    z_1_1_0_11  capacity_1_1_0  -8.573420641528e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_12  order_1_1_0_12   1.000000000000e+00
    z_1_1_0_12  count_1_1_0  -1.000000000000e+00
    z_1_1_0_12  capacity_1_1_0  -8.637024571539e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_2  order_1_1_0_2   1.000000000000e+00
    z_1_1_0_2  order_1_1_0_3  -1.000000000000e+00
    z_1_1_0_2  count_1_1_0  -1.000000000000e+00
    z_1_1_0_2  capacity_1_1_0  -6.167628556390e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_3  order_1_1_0_3   1.000000000000e+00
    z_1_1_0_3  order_1_1_0_4  -1.000000000000e+00
    z_1_1_0_3  count_1_1_0  -1.000000000000e+00
    z_1_1_0_3  capacity_1_1_0  -7.059861458922e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_4  order_1_1_0_4   1.000000000000e+00
    z_1_1_0_4  order_1_1_0_5  -1.000000000000e+00
    z_1_1_0_4  count_1_1_0  -1.000000000000e+00
    z_1_1_0_4  capacity_1_1_0  -7.521715194606e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_5  order_1_1_0_5   1.000000000000e+00
    z_1_1_0_5  order_1_1_0_6  -1.000000000000e+00
    z_1_1_0_5  count_1_1_0  -1.000000000000e+00
    z_1_1_0_5  capacity_1_1_0  -7.816865183395e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_6  order_1_1_0_6   1.000000000000e+00
    z_1_1_0_6  order_1_1_0_7  -1.000000000000e+00
    z_1_1_0_6  count_1_1_0  -1.000000000000e+00
    z_1_1_0_6  capacity_1_1_0  -8.026519341688e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_7  order_1_1_0_7   1.000000000000e+00
    z_1_1_0_7  order_1_1_0_8  -1.000000000000e+00
    z_1_1_0_7  count_1_1_0  -1.000000000000e+00
    z_1_1_0_7  capacity_1_1_0  -8.185385055045e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_8  order_1_1_0_8   1.000000000000e+00
    z_1_1_0_8  order_1_1_0_9  -1.000000000000e+00
    z_1_1_0_8  count_1_1_0  -1.000000000000e+00
    z_1_1_0_8  capacity_1_1_0  -8.311159286876e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_9  order_1_1_0_9   1.000000000000e+00
    z_1_1_0_9  order_1_1_0_10  -1.000000000000e+00
    z_1_1_0_9  count_1_1_0  -1.000000000000e+00
    z_1_1_0_9  capacity_1_1_0  -8.413948097138e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_1  link_1_1_2   1.000000000000e+00
    z_1_1_2_1  order_1_1_2_2  -1.000000000000e+00
    z_1_1_2_1  count_1_1_2  -1.000000000000e+00
    z_1_1_2_1  capacity_1_1_2  -7.180277280968e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_2  order_1_1_2_2   1.000000000000e+00
    z_1_1_2_2  order_1_1_2_3  -1.000000000000e+00
    z_1_1_2_2  count_1_1_2  -1.000000000000e+00
    z_1_1_2_2  capacity_1_1_2  -1.259749477023e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_3  order_1_1_2_3   1.000000000000e+00
    z_1_1_2_3  order_1_1_2_4  -1.000000000000e+00
    z_1_1_2_3  count_1_1_2  -1.000000000000e+00
    z_1_1_2_3  capacity_1_1_2  -1.348876066071e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_4  order_1_1_2_4   1.000000000000e+00
    z_1_1_2_4  order_1_1_2_5  -1.000000000000e+00
    z_1_1_2_4  count_1_1_2  -1.000000000000e+00
    z_1_1_2_4  capacity_1_1_2  -1.395011383412e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_5  order_1_1_2_5   1.000000000000e+00
    z_1_1_2_5  order_1_1_2_6  -1.000000000000e+00
    z_1_1_2_5  count_1_1_2  -1.000000000000e+00
    z_1_1_2_5  capacity_1_1_2  -1.424494393604e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_6  order_1_1_2_6   1.000000000000e+00
    z_1_1_2_6  order_1_1_2_7  -1.000000000000e+00
    z_1_1_2_6  count_1_1_2  -1.000000000000e+00
    z_1_1_2_6  capacity_1_1_2  -1.445437086880e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_2_7  order_1_1_2_7   1.000000000000e+00
    z_1_1_2_7  count_1_1_2  -1.000000000000e+00
    z_1_1_2_7  capacity_1_1_2  -1.461306440171e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_1  link_2_0_0   1.000000000000e+00
    z_2_0_0_1  order_2_0_0_2  -1.000000000000e+00
    z_2_0_0_1  count_2_0_0  -1.000000000000e+00
    z_2_0_0_1  capacity_2_0_0  -2.066617980394e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_2  order_2_0_0_2   1.000000000000e+00
    z_2_0_0_2  order_2_0_0_3  -1.000000000000e+00
    z_2_0_0_2  count_2_0_0  -1.000000000000e+00
    z_2_0_0_2  capacity_2_0_0  -1.097691201989e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_3  order_2_0_0_3   1.000000000000e+00
    z_2_0_0_3  order_2_0_0_4  -1.000000000000e+00
    z_2_0_0_3  count_2_0_0  -1.000000000000e+00
    z_2_0_0_3  capacity_2_0_0  -8.375019285752e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_4  order_2_0_0_4   1.000000000000e+00
    z_2_0_0_4  order_2_0_0_5  -1.000000000000e+00
    z_2_0_0_4  count_2_0_0  -1.000000000000e+00
    z_2_0_0_4  capacity_2_0_0  -1.342116784455e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_5  order_2_0_0_5   1.000000000000e+00
    z_2_0_0_5  order_2_0_0_6  -1.000000000000e+00
    z_2_0_0_5  count_2_0_0  -1.000000000000e+00
    z_2_0_0_5  capacity_2_0_0  -1.113533878876e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_6  order_2_0_0_6   1.000000000000e+00
    z_2_0_0_6  count_2_0_0  -1.000000000000e+00
    z_2_0_0_6  capacity_2_0_0  -9.896476121229e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_1  link_2_0_1   1.000000000000e+00
    z_2_0_1_1  order_2_0_1_2  -1.000000000000e+00
    z_2_0_1_1  count_2_0_1  -1.000000000000e+00
    z_2_0_1_1  capacity_2_0_1  -1.251871768853e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_2  order_2_0_1_2   1.000000000000e+00
    z_2_0_1_2  order_2_0_1_3  -1.000000000000e+00
    z_2_0_1_2  count_2_0_1  -1.000000000000e+00
    z_2_0_1_2  capacity_2_0_1  -1.590394259594e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_3  order_2_0_1_3   1.000000000000e+00
    z_2_0_1_3  order_2_0_1_4  -1.000000000000e+00
    z_2_0_1_3  count_2_0_1  -1.000000000000e+00
    z_2_0_1_3  capacity_2_0_1  -1.646089558843e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_4  order_2_0_1_4   1.000000000000e+00
    z_2_0_1_4  order_2_0_1_5  -1.000000000000e+00
    z_2_0_1_4  count_2_0_1  -1.000000000000e+00
    z_2_0_1_4  capacity_2_0_1  -1.674919567179e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_5  order_2_0_1_5   1.000000000000e+00
    z_2_0_1_5  count_2_0_1  -1.000000000000e+00
    z_2_0_1_5  capacity_2_0_1  -1.693343531261e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_1  link_2_0_2   1.000000000000e+00
    z_2_0_2_1  order_2_0_2_2  -1.000000000000e+00
    z_2_0_2_1  count_2_0_2  -1.000000000000e+00
    z_2_0_2_1  capacity_2_0_2  -6.453303337230e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_2  order_2_0_2_2   1.000000000000e+00
    z_2_0_2_2  order_2_0_2_3  -1.000000000000e+00
    z_2_0_2_2  count_2_0_2  -1.000000000000e+00
    z_2_0_2_2  capacity_2_0_2  -1.800322691684e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_3  order_2_0_2_3   1.000000000000e+00
    z_2_0_2_3  order_2_0_2_4  -1.000000000000e+00
    z_2_0_2_3  count_2_0_2  -1.000000000000e+00
    z_2_0_2_3  capacity_2_0_2  -1.990347421992e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_4  order_2_0_2_4   1.000000000000e+00
    z_2_0_2_4  order_2_0_2_5  -1.000000000000e+00
    z_2_0_2_4  count_2_0_2  -1.000000000000e+00
    z_2_0_2_4  capacity_2_0_2  -2.088711460481e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_5  order_2_0_2_5   1.000000000000e+00
    z_2_0_2_5  count_2_0_2  -1.000000000000e+00
    z_2_0_2_5  capacity_2_0_2  -2.151571501689e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_1  link_3_0_0   1.000000000000e+00
    z_3_0_0_1  order_3_0_0_2  -1.000000000000e+00
    z_3_0_0_1  count_3_0_0  -1.000000000000e+00
    z_3_0_0_1  capacity_3_0_0  -8.911275721385e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_2  order_3_0_0_2   1.000000000000e+00
    z_3_0_0_2  order_3_0_0_3  -1.000000000000e+00
    z_3_0_0_2  count_3_0_0  -1.000000000000e+00
    z_3_0_0_2  capacity_3_0_0  -4.216620655478e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_3  order_3_0_0_3   1.000000000000e+00
    z_3_0_0_3  order_3_0_0_4  -1.000000000000e+00
    z_3_0_0_3  count_3_0_0  -1.000000000000e+00
    z_3_0_0_3  capacity_3_0_0  -7.147942472061e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_4  order_3_0_0_4   1.000000000000e+00
    z_3_0_0_4  count_3_0_0  -1.000000000000e+00
    z_3_0_0_4  capacity_3_0_0  -6.677135535451e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_1  link_3_0_1   1.000000000000e+00
    z_3_0_1_1  order_3_0_1_2  -1.000000000000e+00
    z_3_0_1_1  count_3_0_1  -1.000000000000e+00
    z_3_0_1_1  capacity_3_0_1  -2.363252833571e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_2  order_3_0_1_2   1.000000000000e+00
    z_3_0_1_2  order_3_0_1_3  -1.000000000000e+00
    z_3_0_1_2  count_3_0_1  -1.000000000000e+00
    z_3_0_1_2  capacity_3_0_1  -2.524496686915e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_3  order_3_0_1_3   1.000000000000e+00
    z_3_0_1_3  order_3_0_1_4  -1.000000000000e+00
    z_3_0_1_3  count_3_0_1  -1.000000000000e+00
    z_3_0_1_3  capacity_3_0_1  -2.551025277805e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_4  order_3_0_1_4   1.000000000000e+00
    z_3_0_1_4  count_3_0_1  -1.000000000000e+00
    z_3_0_1_4  capacity_3_0_1  -2.564757486929e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_2_1  link_3_0_2   1.000000000000e+00
    z_3_0_2_1  order_3_0_2_2  -1.000000000000e+00
    z_3_0_2_1  count_3_0_2  -1.000000000000e+00
    z_3_0_2_1  capacity_3_0_2  -1.863982559723e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_2_2  order_3_0_2_2   1.000000000000e+00
    z_3_0_2_2  order_3_0_2_3  -1.000000000000e+00
    z_3_0_2_2  count_3_0_2  -1.000000000000e+00
    z_3_0_2_2  capacity_3_0_2  -2.710988665791e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_2_3  order_3_0_2_3   1.000000000000e+00
    z_3_0_2_3  order_3_0_2_4  -1.000000000000e+00
    z_3_0_2_3  count_3_0_2  -1.000000000000e+00
    z_3_0_2_3  capacity_3_0_2  -1.244754402760e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_2_4  order_3_0_2_4   1.000000000000e+00
    z_3_0_2_4  count_3_0_2  -1.000000000000e+00
    z_3_0_2_4  capacity_3_0_2  -2.908446524191e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_10  order_3_1_0_10   1.000000000000e+00
    z_3_1_0_10  count_3_1_0  -1.000000000000e+00
    z_3_1_0_10  capacity_3_1_0  -1.120937592079e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_2  link_3_1_0   1.000000000000e+00
    z_3_1_0_2  order_3_1_0_3  -1.000000000000e+00
    z_3_1_0_2  count_3_1_0  -2.000000000000e+00
    z_3_1_0_2  capacity_3_1_0  -7.790233554870e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_3  order_3_1_0_3   1.000000000000e+00
    z_3_1_0_3  order_3_1_0_4  -1.000000000000e+00
    z_3_1_0_3  count_3_1_0  -1.000000000000e+00
    z_3_1_0_3  capacity_3_1_0  -9.121008993935e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_4  order_3_1_0_4   1.000000000000e+00
    z_3_1_0_4  order_3_1_0_5  -1.000000000000e+00
    z_3_1_0_4  count_3_1_0  -1.000000000000e+00
    z_3_1_0_4  capacity_3_1_0  -9.790749527254e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_5  order_3_1_0_5   1.000000000000e+00
    z_3_1_0_5  order_3_1_0_6  -1.000000000000e+00
    z_3_1_0_5  count_3_1_0  -1.000000000000e+00
    z_3_1_0_5  capacity_3_1_0  -1.021875063589e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_6  order_3_1_0_6   1.000000000000e+00
    z_3_1_0_6  order_3_1_0_7  -1.000000000000e+00
    z_3_1_0_6  count_3_1_0  -1.000000000000e+00
    z_3_1_0_6  capacity_3_1_0  -1.052277305021e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_7  order_3_1_0_7   1.000000000000e+00
    z_3_1_0_7  order_3_1_0_8  -1.000000000000e+00
    z_3_1_0_7  count_3_1_0  -1.000000000000e+00
    z_3_1_0_7  capacity_3_1_0  -1.075314643332e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_8  order_3_1_0_8   1.000000000000e+00
    z_3_1_0_8  order_3_1_0_9  -1.000000000000e+00
    z_3_1_0_8  count_3_1_0  -1.000000000000e+00
    z_3_1_0_8  capacity_3_1_0  -1.093553339827e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_0_9  order_3_1_0_9   1.000000000000e+00
    z_3_1_0_9  order_3_1_0_10  -1.000000000000e+00
    z_3_1_0_9  count_3_1_0  -1.000000000000e+00
    z_3_1_0_9  capacity_3_1_0  -1.108458888334e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_2  link_3_1_1   1.000000000000e+00
    z_3_1_1_2  order_3_1_1_3  -1.000000000000e+00
    z_3_1_1_2  count_3_1_1  -2.000000000000e+00
    z_3_1_1_2  capacity_3_1_1  -5.111132441793e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_3  order_3_1_1_3   1.000000000000e+00
    z_3_1_1_3  order_3_1_1_4  -1.000000000000e+00
    z_3_1_1_3  count_3_1_1  -1.000000000000e+00
    z_3_1_1_3  capacity_3_1_1  -1.117579217759e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_4  order_3_1_1_4   1.000000000000e+00
    z_3_1_1_4  order_3_1_1_5  -1.000000000000e+00
    z_3_1_1_4  count_3_1_1  -1.000000000000e+00
    z_3_1_1_4  capacity_3_1_1  -1.360918865556e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_5  order_3_1_1_5   1.000000000000e+00
    z_3_1_1_5  order_3_1_1_6  -1.000000000000e+00
    z_3_1_1_5  count_3_1_1  -1.000000000000e+00
    z_3_1_1_5  capacity_3_1_1  -1.257144364521e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_6  order_3_1_1_6   1.000000000000e+00
    z_3_1_1_6  order_3_1_1_7  -1.000000000000e+00
    z_3_1_1_6  count_3_1_1  -1.000000000000e+00
    z_3_1_1_6  capacity_3_1_1  -1.598604570995e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_7  order_3_1_1_7   1.000000000000e+00
    z_3_1_1_7  order_3_1_1_8  -1.000000000000e+00
    z_3_1_1_7  count_3_1_1  -1.000000000000e+00
    z_3_1_1_7  capacity_3_1_1  -1.082159943401e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_8  order_3_1_1_8   1.000000000000e+00
    z_3_1_1_8  order_3_1_1_9  -1.000000000000e+00
    z_3_1_1_8  count_3_1_1  -1.000000000000e+00
    z_3_1_1_8  capacity_3_1_1  -9.884834267791e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_1_9  order_3_1_1_9   1.000000000000e+00
    z_3_1_1_9  count_3_1_1  -1.000000000000e+00
    z_3_1_1_9  capacity_3_1_1  -1.066423860780e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_2_1  link_3_1_2   1.000000000000e+00
    z_3_1_2_1  order_3_1_2_2  -1.000000000000e+00
    z_3_1_2_1  count_3_1_2  -1.000000000000e+00
    z_3_1_2_1  capacity_3_1_2  -2.217914162584e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_2_2  order_3_1_2_2   1.000000000000e+00
    z_3_1_2_2  order_3_1_2_3  -1.000000000000e+00
    z_3_1_2_2  count_3_1_2  -1.000000000000e+00
    z_3_1_2_2  capacity_3_1_2  -1.081053294603e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_2_3  order_3_1_2_3   1.000000000000e+00
    z_3_1_2_3  order_3_1_2_4  -1.000000000000e+00
    z_3_1_2_3  count_3_1_2  -1.000000000000e+00
    z_3_1_2_3  capacity_3_1_2  -2.470306359386e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_1_2_4  order_3_1_2_4   1.000000000000e+00
    z_3_1_2_4  count_3_1_2  -1.000000000000e+00
    z_3_1_2_4  capacity_3_1_2  -3.157047951798e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_10  order_4_0_0_10   1.000000000000e+00
    z_4_0_0_10  count_4_0_0  -1.000000000000e+00
    z_4_0_0_10  capacity_4_0_0  -8.112683231530e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_2  link_4_0_0   1.000000000000e+00
    z_4_0_0_2  order_4_0_0_3  -1.000000000000e+00
    z_4_0_0_2  count_4_0_0  -2.000000000000e+00
    z_4_0_0_2  capacity_4_0_0  -5.413269473895e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_3  order_4_0_0_3   1.000000000000e+00
    z_4_0_0_3  order_4_0_0_4  -1.000000000000e+00
    z_4_0_0_3  count_4_0_0  -1.000000000000e+00
    z_4_0_0_3  capacity_4_0_0  -6.569148519429e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_4  order_4_0_0_4   1.000000000000e+00
    z_4_0_0_4  order_4_0_0_5  -1.000000000000e+00
    z_4_0_0_4  count_4_0_0  -1.000000000000e+00
    z_4_0_0_4  capacity_4_0_0  -7.064161032787e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_5  order_4_0_0_5   1.000000000000e+00
    z_4_0_0_5  order_4_0_0_6  -1.000000000000e+00
    z_4_0_0_5  count_4_0_0  -1.000000000000e+00
    z_4_0_0_5  capacity_4_0_0  -7.380501307813e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_6  order_4_0_0_6   1.000000000000e+00
    z_4_0_0_6  order_4_0_0_7  -1.000000000000e+00
    z_4_0_0_6  count_4_0_0  -1.000000000000e+00
    z_4_0_0_6  capacity_4_0_0  -7.605207581280e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_7  order_4_0_0_7   1.000000000000e+00
    z_4_0_0_7  order_4_0_0_8  -1.000000000000e+00
    z_4_0_0_7  count_4_0_0  -1.000000000000e+00
    z_4_0_0_7  capacity_4_0_0  -7.775479054648e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_8  order_4_0_0_8   1.000000000000e+00
    z_4_0_0_8  order_4_0_0_9  -1.000000000000e+00
    z_4_0_0_8  count_4_0_0  -1.000000000000e+00
    z_4_0_0_8  capacity_4_0_0  -7.910283244381e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_9  order_4_0_0_9   1.000000000000e+00
    z_4_0_0_9  order_4_0_0_10  -1.000000000000e+00
    z_4_0_0_9  count_4_0_0  -1.000000000000e+00
    z_4_0_0_9  capacity_4_0_0  -8.020451774765e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_1  link_4_0_1   1.000000000000e+00
    z_4_0_1_1  order_4_0_1_2  -1.000000000000e+00
    z_4_0_1_1  count_4_0_1  -1.000000000000e+00
    z_4_0_1_1  capacity_4_0_1  -2.916949405410e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_2  order_4_0_1_2   1.000000000000e+00
    z_4_0_1_2  order_4_0_1_3  -1.000000000000e+00
    z_4_0_1_2  count_4_0_1  -1.000000000000e+00
    z_4_0_1_2  capacity_4_0_1  -3.287517712042e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_3  order_4_0_1_3   1.000000000000e+00
    z_4_0_1_3  order_4_0_1_4  -1.000000000000e+00
    z_4_0_1_3  count_4_0_1  -1.000000000000e+00
    z_4_0_1_3  capacity_4_0_1  -3.348485338402e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_4  order_4_0_1_4   1.000000000000e+00
    z_4_0_1_4  count_4_0_1  -1.000000000000e+00
    z_4_0_1_4  capacity_4_0_1  -3.380044504075e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_1  link_4_0_2   1.000000000000e+00
    z_4_0_2_1  order_4_0_2_2  -1.000000000000e+00
    z_4_0_2_1  count_4_0_2  -1.000000000000e+00
    z_4_0_2_1  capacity_4_0_2  -9.323048743231e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_2  order_4_0_2_2   1.000000000000e+00
    z_4_0_2_2  order_4_0_2_3  -1.000000000000e+00
    z_4_0_2_2  count_4_0_2  -1.000000000000e+00
    z_4_0_2_2  capacity_4_0_2  -1.928387387827e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_3  order_4_0_2_3   1.000000000000e+00
    z_4_0_2_3  order_4_0_2_4  -1.000000000000e+00
    z_4_0_2_3  count_4_0_2  -1.000000000000e+00
    z_4_0_2_3  capacity_4_0_2  -2.092267529274e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_4  order_4_0_2_4   1.000000000000e+00
    z_4_0_2_4  order_4_0_2_5  -1.000000000000e+00
    z_4_0_2_4  count_4_0_2  -1.000000000000e+00
    z_4_0_2_4  capacity_4_0_2  -2.177098132715e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_5  order_4_0_2_5   1.000000000000e+00
    z_4_0_2_5  order_4_0_2_6  -1.000000000000e+00
    z_4_0_2_5  count_4_0_2  -1.000000000000e+00
    z_4_0_2_5  capacity_4_0_2  -2.231309563132e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_6  order_4_0_2_6   1.000000000000e+00
    z_4_0_2_6  count_4_0_2  -1.000000000000e+00
    z_4_0_2_6  capacity_4_0_2  -2.269817617496e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_1  link_4_1_0   1.000000000000e+00
    z_4_1_0_1  order_4_1_0_2  -1.000000000000e+00
    z_4_1_0_1  count_4_1_0  -1.000000000000e+00
    z_4_1_0_1  capacity_4_1_0  -8.635129944398e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_10  order_4_1_0_10   1.000000000000e+00
    z_4_1_0_10  order_4_1_0_11  -1.000000000000e+00
    z_4_1_0_10  count_4_1_0  -1.000000000000e+00
    z_4_1_0_10  capacity_4_1_0  -1.176508605263e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_11  order_4_1_0_11   1.000000000000e+00
    z_4_1_0_11  count_4_1_0  -1.000000000000e+00
    z_4_1_0_11  capacity_4_1_0  -1.179471664689e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_2  order_4_1_0_2   1.000000000000e+00
    z_4_1_0_2  order_4_1_0_3  -1.000000000000e+00
    z_4_1_0_2  count_4_1_0  -1.000000000000e+00
    z_4_1_0_2  capacity_4_1_0  -1.082378572137e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_3  order_4_1_0_3   1.000000000000e+00
    z_4_1_0_3  order_4_1_0_4  -1.000000000000e+00
    z_4_1_0_3  count_4_1_0  -1.000000000000e+00
    z_4_1_0_3  capacity_4_1_0  -1.118387357900e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_4  order_4_1_0_4   1.000000000000e+00
    z_4_1_0_4  order_4_1_0_5  -1.000000000000e+00
    z_4_1_0_4  count_4_1_0  -1.000000000000e+00
    z_4_1_0_4  capacity_4_1_0  -1.137026876992e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_5  order_4_1_0_5   1.000000000000e+00
    z_4_1_0_5  order_4_1_0_6  -1.000000000000e+00
    z_4_1_0_5  count_4_1_0  -1.000000000000e+00
    z_4_1_0_5  capacity_4_1_0  -1.148938556873e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_6  order_4_1_0_6   1.000000000000e+00
    z_4_1_0_6  order_4_1_0_7  -1.000000000000e+00
    z_4_1_0_6  count_4_1_0  -1.000000000000e+00
    z_4_1_0_6  capacity_4_1_0  -1.157399791209e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_7  order_4_1_0_7   1.000000000000e+00
    z_4_1_0_7  order_4_1_0_8  -1.000000000000e+00
    z_4_1_0_7  count_4_1_0  -1.000000000000e+00
    z_4_1_0_7  capacity_4_1_0  -1.163811302622e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_8  order_4_1_0_8   1.000000000000e+00
    z_4_1_0_8  order_4_1_0_9  -1.000000000000e+00
    z_4_1_0_8  count_4_1_0  -1.000000000000e+00
    z_4_1_0_8  capacity_4_1_0  -1.168887306158e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_0_9  order_4_1_0_9   1.000000000000e+00
    z_4_1_0_9  order_4_1_0_10  -1.000000000000e+00
    z_4_1_0_9  count_4_1_0  -1.000000000000e+00
    z_4_1_0_9  capacity_4_1_0  -1.173035662755e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_1  link_4_1_2   1.000000000000e+00
    z_4_1_2_1  order_4_1_2_2  -1.000000000000e+00
    z_4_1_2_1  count_4_1_2  -1.000000000000e+00
    z_4_1_2_1  capacity_4_1_2  -6.122758534533e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_10  order_4_1_2_10   1.000000000000e+00
    z_4_1_2_10  count_4_1_2  -1.000000000000e+00
    z_4_1_2_10  capacity_4_1_2  -1.334295103512e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_2  order_4_1_2_2   1.000000000000e+00
    z_4_1_2_2  order_4_1_2_3  -1.000000000000e+00
    z_4_1_2_2  count_4_1_2  -1.000000000000e+00
    z_4_1_2_2  capacity_4_1_2  -1.117155649872e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_3  order_4_1_2_3   1.000000000000e+00
    z_4_1_2_3  order_4_1_2_4  -1.000000000000e+00
    z_4_1_2_3  count_4_1_2  -1.000000000000e+00
    z_4_1_2_3  capacity_4_1_2  -1.200220829041e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_4  order_4_1_2_4   1.000000000000e+00
    z_4_1_2_4  order_4_1_2_5  -1.000000000000e+00
    z_4_1_2_4  count_4_1_2  -1.000000000000e+00
    z_4_1_2_4  capacity_4_1_2  -1.243218529749e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_5  order_4_1_2_5   1.000000000000e+00
    z_4_1_2_5  order_4_1_2_6  -1.000000000000e+00
    z_4_1_2_5  count_4_1_2  -1.000000000000e+00
    z_4_1_2_5  capacity_4_1_2  -1.270696430004e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_6  order_4_1_2_6   1.000000000000e+00
    z_4_1_2_6  order_4_1_2_7  -1.000000000000e+00
    z_4_1_2_6  count_4_1_2  -1.000000000000e+00
    z_4_1_2_6  capacity_4_1_2  -1.290214831727e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_7  order_4_1_2_7   1.000000000000e+00
    z_4_1_2_7  order_4_1_2_8  -1.000000000000e+00
    z_4_1_2_7  count_4_1_2  -1.000000000000e+00
    z_4_1_2_7  capacity_4_1_2  -1.305004926226e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_8  order_4_1_2_8   1.000000000000e+00
    z_4_1_2_8  order_4_1_2_9  -1.000000000000e+00
    z_4_1_2_8  count_4_1_2  -1.000000000000e+00
    z_4_1_2_8  capacity_4_1_2  -1.316714266996e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_1_2_9  order_4_1_2_9   1.000000000000e+00
    z_4_1_2_9  order_4_1_2_10  -1.000000000000e+00
    z_4_1_2_9  count_4_1_2  -1.000000000000e+00
    z_4_1_2_9  capacity_4_1_2  -1.326283708917e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_1  link_5_0_0   1.000000000000e+00
    z_5_0_0_1  order_5_0_0_2  -1.000000000000e+00
    z_5_0_0_1  count_5_0_0  -1.000000000000e+00
    z_5_0_0_1  capacity_5_0_0  -1.092344757003e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_2  order_5_0_0_2   1.000000000000e+00
    z_5_0_0_2  order_5_0_0_3  -1.000000000000e+00
    z_5_0_0_2  count_5_0_0  -1.000000000000e+00
    z_5_0_0_2  capacity_5_0_0  -9.012460430223e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_3  order_5_0_0_3   1.000000000000e+00
    z_5_0_0_3  order_5_0_0_4  -1.000000000000e+00
    z_5_0_0_3  count_5_0_0  -1.000000000000e+00
    z_5_0_0_3  capacity_5_0_0  -1.435699323850e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_4  order_5_0_0_4   1.000000000000e+00
    z_5_0_0_4  order_5_0_0_5  -1.000000000000e+00
    z_5_0_0_4  count_5_0_0  -1.000000000000e+00
    z_5_0_0_4  capacity_5_0_0  -1.509729089565e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_5  order_5_0_0_5   1.000000000000e+00
    z_5_0_0_5  order_5_0_0_6  -1.000000000000e+00
    z_5_0_0_5  count_5_0_0  -1.000000000000e+00
    z_5_0_0_5  capacity_5_0_0  -8.257387796641e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_6  order_5_0_0_6   1.000000000000e+00
    z_5_0_0_6  count_5_0_0  -1.000000000000e+00
    z_5_0_0_6  capacity_5_0_0  -8.533021470415e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_2  link_5_0_1   1.000000000000e+00
    z_5_0_1_2  order_5_0_1_3  -1.000000000000e+00
    z_5_0_1_2  count_5_0_1  -2.000000000000e+00
    z_5_0_1_2  capacity_5_0_1  -1.028142252423e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_3  order_5_0_1_3   1.000000000000e+00
    z_5_0_1_3  order_5_0_1_4  -1.000000000000e+00
    z_5_0_1_3  count_5_0_1  -1.000000000000e+00
    z_5_0_1_3  capacity_5_0_1  -1.338343499831e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_4  order_5_0_1_4   1.000000000000e+00
    z_5_0_1_4  order_5_0_1_5  -1.000000000000e+00
    z_5_0_1_4  count_5_0_1  -1.000000000000e+00
    z_5_0_1_4  capacity_5_0_1  -1.443980699421e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_5  order_5_0_1_5   1.000000000000e+00
    z_5_0_1_5  count_5_0_1  -1.000000000000e+00
    z_5_0_1_5  capacity_5_0_1  -1.511488691379e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_2_1  link_5_0_2   1.000000000000e+00
    z_5_0_2_1  order_5_0_2_2  -1.000000000000e+00
    z_5_0_2_1  count_5_0_2  -1.000000000000e+00
    z_5_0_2_1  capacity_5_0_2  -9.630994778582e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_2_2  order_5_0_2_2   1.000000000000e+00
    z_5_0_2_2  order_5_0_2_3  -1.000000000000e+00
    z_5_0_2_2  count_5_0_2  -1.000000000000e+00
    z_5_0_2_2  capacity_5_0_2  -1.537167513044e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_2_3  order_5_0_2_3   1.000000000000e+00
    z_5_0_2_3  order_5_0_2_4  -1.000000000000e+00
    z_5_0_2_3  count_5_0_2  -1.000000000000e+00
    z_5_0_2_3  capacity_5_0_2  -1.631615863990e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_2_4  order_5_0_2_4   1.000000000000e+00
    z_5_0_2_4  count_5_0_2  -1.000000000000e+00
    z_5_0_2_4  capacity_5_0_2  -1.680505927997e+00
    MARK      'MARKER'                 'INTEND'
RHS
    RHS       layout_choice   1.000000000000e+00
    RHS       link_0_0_0   0.000000000000e+00
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
    RHS       count_0_0_0   0.000000000000e+00
    RHS       capacity_0_0_0   0.000000000000e+00
    RHS       link_0_0_1   0.000000000000e+00
    RHS       order_0_0_1_2   0.000000000000e+00
    RHS       order_0_0_1_3   0.000000000000e+00
    RHS       order_0_0_1_4   0.000000000000e+00
    RHS       order_0_0_1_5   0.000000000000e+00
    RHS       order_0_0_1_6   0.000000000000e+00
    RHS       count_0_0_1   0.000000000000e+00
    RHS       capacity_0_0_1   0.000000000000e+00
    RHS       link_0_0_2   0.000000000000e+00
    RHS       order_0_0_2_2   0.000000000000e+00
    RHS       order_0_0_2_3   0.000000000000e+00
    RHS       order_0_0_2_4   0.000000000000e+00
    RHS       order_0_0_2_5   0.000000000000e+00
    RHS       order_0_0_2_6   0.000000000000e+00
    RHS       order_0_0_2_7   0.000000000000e+00
    RHS       count_0_0_2   0.000000000000e+00
    RHS       capacity_0_0_2   0.000000000000e+00
    RHS       link_1_0_0   0.000000000000e+00
    RHS       order_1_0_0_2   0.000000000000e+00
    RHS       order_1_0_0_3   0.000000000000e+00
    RHS       order_1_0_0_4   0.000000000000e+00
    RHS       order_1_0_0_5   0.000000000000e+00
    RHS       order_1_0_0_6   0.000000000000e+00
    RHS       order_1_0_0_7   0.000000000000e+00
    RHS       order_1_0_0_8   0.000000000000e+00
    RHS       order_1_0_0_9   0.000000000000e+00
    RHS       count_1_0_0   0.000000000000e+00
    RHS       capacity_1_0_0   0.000000000000e+00
    RHS       link_1_0_2   0.000000000000e+00
    RHS       order_1_0_2_2   0.000000000000e+00
    RHS       order_1_0_2_3   0.000000000000e+00
    RHS       order_1_0_2_4   0.000000000000e+00
    RHS       order_1_0_2_5   0.000000000000e+00
    RHS       order_1_0_2_6   0.000000000000e+00
    RHS       order_1_0_2_7   0.000000000000e+00
    RHS       count_1_0_2   0.000000000000e+00
    RHS       capacity_1_0_2   0.000000000000e+00
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
    RHS       link_1_1_2   0.000000000000e+00
    RHS       order_1_1_2_2   0.000000000000e+00
    RHS       order_1_1_2_3   0.000000000000e+00
    RHS       order_1_1_2_4   0.000000000000e+00
    RHS       order_1_1_2_5   0.000000000000e+00
    RHS       order_1_1_2_6   0.000000000000e+00
    RHS       order_1_1_2_7   0.000000000000e+00
    RHS       count_1_1_2   0.000000000000e+00
    RHS       capacity_1_1_2   0.000000000000e+00
    RHS       link_2_0_0   0.000000000000e+00
    RHS       order_2_0_0_2   0.000000000000e+00
    RHS       order_2_0_0_3   0.000000000000e+00
    RHS       order_2_0_0_4   0.000000000000e+00
    RHS       order_2_0_0_5   0.000000000000e+00
    RHS       order_2_0_0_6   0.000000000000e+00
    RHS       count_2_0_0   0.000000000000e+00
    RHS       capacity_2_0_0   0.000000000000e+00
    RHS       link_2_0_1   0.000000000000e+00
    RHS       order_2_0_1_2   0.000000000000e+00
    RHS       order_2_0_1_3   0.000000000000e+00
    RHS       order_2_0_1_4   0.000000000000e+00
    RHS       order_2_0_1_5   0.000000000000e+00
    RHS       count_2_0_1   0.000000000000e+00
    RHS       capacity_2_0_1   0.000000000000e+00
    RHS       link_2_0_2   0.000000000000e+00
    RHS       order_2_0_2_2   0.000000000000e+00
    RHS       order_2_0_2_3   0.000000000000e+00
    RHS       order_2_0_2_4   0.000000000000e+00
    RHS       order_2_0_2_5   0.000000000000e+00
    RHS       count_2_0_2   0.000000000000e+00
    RHS       capacity_2_0_2   0.000000000000e+00
    RHS       link_3_0_0   0.000000000000e+00
    RHS       order_3_0_0_2   0.000000000000e+00
    RHS       order_3_0_0_3   0.000000000000e+00
    RHS       order_3_0_0_4   0.000000000000e+00
    RHS       count_3_0_0   0.000000000000e+00
    RHS       capacity_3_0_0   0.000000000000e+00
    RHS       link_3_0_1   0.000000000000e+00
    RHS       order_3_0_1_2   0.000000000000e+00
    RHS       order_3_0_1_3   0.000000000000e+00
    RHS       order_3_0_1_4   0.000000000000e+00
    RHS       count_3_0_1   0.000000000000e+00
    RHS       capacity_3_0_1   0.000000000000e+00
    RHS       link_3_0_2   0.000000000000e+00
    RHS       order_3_0_2_2   0.000000000000e+00
    RHS       order_3_0_2_3   0.000000000000e+00
    RHS       order_3_0_2_4   0.000000000000e+00
    RHS       count_3_0_2   0.000000000000e+00
    RHS       capacity_3_0_2   0.000000000000e+00
    RHS       link_3_1_0   0.000000000000e+00
    RHS       order_3_1_0_3   0.000000000000e+00
    RHS       order_3_1_0_4   0.000000000000e+00
    RHS       order_3_1_0_5   0.000000000000e+00
    RHS       order_3_1_0_6   0.000000000000e+00
    RHS       order_3_1_0_7   0.000000000000e+00
    RHS       order_3_1_0_8   0.000000000000e+00
    RHS       order_3_1_0_9   0.000000000000e+00
    RHS       order_3_1_0_10   0.000000000000e+00
    RHS       count_3_1_0   0.000000000000e+00
    RHS       capacity_3_1_0   0.000000000000e+00
    RHS       link_3_1_1   0.000000000000e+00
    RHS       order_3_1_1_3   0.000000000000e+00
    RHS       order_3_1_1_4   0.000000000000e+00
    RHS       order_3_1_1_5   0.000000000000e+00
    RHS       order_3_1_1_6   0.000000000000e+00
    RHS       order_3_1_1_7   0.000000000000e+00
    RHS       order_3_1_1_8   0.000000000000e+00
    RHS       order_3_1_1_9   0.000000000000e+00
    RHS       count_3_1_1   0.000000000000e+00
    RHS       capacity_3_1_1   0.000000000000e+00
    RHS       link_3_1_2   0.000000000000e+00
    RHS       order_3_1_2_2   0.000000000000e+00
    RHS       order_3_1_2_3   0.000000000000e+00
    RHS       order_3_1_2_4   0.000000000000e+00
    RHS       count_3_1_2   0.000000000000e+00
    RHS       capacity_3_1_2   0.000000000000e+00
    RHS       link_4_0_0   0.000000000000e+00
    RHS       order_4_0_0_3   0.000000000000e+00
    RHS       order_4_0_0_4   0.000000000000e+00
    RHS       order_4_0_0_5   0.000000000000e+00
    RHS       order_4_0_0_6   0.000000000000e+00
    RHS       order_4_0_0_7   0.000000000000e+00
    RHS       order_4_0_0_8   0.000000000000e+00
    RHS       order_4_0_0_9   0.000000000000e+00
    RHS       order_4_0_0_10   0.000000000000e+00
    RHS       count_4_0_0   0.000000000000e+00
    RHS       capacity_4_0_0   0.000000000000e+00
    RHS       link_4_0_1   0.000000000000e+00
    RHS       order_4_0_1_2   0.000000000000e+00
    RHS       order_4_0_1_3   0.000000000000e+00
    RHS       order_4_0_1_4   0.000000000000e+00
    RHS       count_4_0_1   0.000000000000e+00
    RHS       capacity_4_0_1   0.000000000000e+00
    RHS       link_4_0_2   0.000000000000e+00
    RHS       order_4_0_2_2   0.000000000000e+00
    RHS       order_4_0_2_3   0.000000000000e+00
    RHS       order_4_0_2_4   0.000000000000e+00
    RHS       order_4_0_2_5   0.000000000000e+00
    RHS       order_4_0_2_6   0.000000000000e+00
    RHS       count_4_0_2   0.000000000000e+00
    RHS       capacity_4_0_2   0.000000000000e+00
    RHS       link_4_1_0   0.000000000000e+00
    RHS       order_4_1_0_2   0.000000000000e+00
    RHS       order_4_1_0_3   0.000000000000e+00
    RHS       order_4_1_0_4   0.000000000000e+00
    RHS       order_4_1_0_5   0.000000000000e+00
    RHS       order_4_1_0_6   0.000000000000e+00
    RHS       order_4_1_0_7   0.000000000000e+00
    RHS       order_4_1_0_8   0.000000000000e+00
    RHS       order_4_1_0_9   0.000000000000e+00
    RHS       order_4_1_0_10   0.000000000000e+00
    RHS       order_4_1_0_11   0.000000000000e+00
    RHS       count_4_1_0   0.000000000000e+00
    RHS       capacity_4_1_0   0.000000000000e+00
    RHS       link_4_1_2   0.000000000000e+00
    RHS       order_4_1_2_2   0.000000000000e+00
    RHS       order_4_1_2_3   0.000000000000e+00
    RHS       order_4_1_2_4   0.000000000000e+00
    RHS       order_4_1_2_5   0.000000000000e+00
    RHS       order_4_1_2_6   0.000000000000e+00
    RHS       order_4_1_2_7   0.000000000000e+00
    RHS       order_4_1_2_8   0.000000000000e+00
    RHS       order_4_1_2_9   0.000000000000e+00
    RHS       order_4_1_2_10   0.000000000000e+00
    RHS       count_4_1_2   0.000000000000e+00
    RHS       capacity_4_1_2   0.000000000000e+00
    RHS       link_5_0_0   0.000000000000e+00
    RHS       order_5_0_0_2   0.000000000000e+00
    RHS       order_5_0_0_3   0.000000000000e+00
    RHS       order_5_0_0_4   0.000000000000e+00
    RHS       order_5_0_0_5   0.000000000000e+00
    RHS       order_5_0_0_6   0.000000000000e+00
    RHS       count_5_0_0   0.000000000000e+00
    RHS       capacity_5_0_0   0.000000000000e+00
    RHS       link_5_0_1   0.000000000000e+00
    RHS       order_5_0_1_3   0.000000000000e+00
    RHS       order_5_0_1_4   0.000000000000e+00
    RHS       order_5_0_1_5   0.000000000000e+00
    RHS       count_5_0_1   0.000000000000e+00
    RHS       capacity_5_0_1   0.000000000000e+00
    RHS       link_5_0_2   0.000000000000e+00
    RHS       order_5_0_2_2   0.000000000000e+00
    RHS       order_5_0_2_3   0.000000000000e+00
    RHS       order_5_0_2_4   0.000000000000e+00
    RHS       count_5_0_2   0.000000000000e+00
    RHS       capacity_5_0_2   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
    RHS       share_1_0   0.000000000000e+00
    RHS       share_1_1   0.000000000000e+00
    RHS       share_2_0   0.000000000000e+00
    RHS       share_3_0   0.000000000000e+00
    RHS       share_3_1   0.000000000000e+00
    RHS       share_4_0   0.000000000000e+00
    RHS       share_4_1   0.000000000000e+00
    RHS       share_5_0   0.000000000000e+00
    RHS       min_replicas_1_0   0.000000000000e+00
BOUNDS
 UP BND       n_0_0_0    2.000000000000e+01
 UP BND       n_0_0_1    6.000000000000e+00
 UP BND       n_0_0_2    7.000000000000e+00
 UP BND       n_1_0_0    9.000000000000e+00
 UP BND       n_1_0_2    7.000000000000e+00
 UP BND       n_1_1_0    1.200000000000e+01
 UP BND       n_1_1_2    7.000000000000e+00
 UP BND       n_2_0_0    6.000000000000e+00
 UP BND       n_2_0_1    5.000000000000e+00
 UP BND       n_2_0_2    5.000000000000e+00
 UP BND       n_3_0_0    4.000000000000e+00
 UP BND       n_3_0_1    4.000000000000e+00
 UP BND       n_3_0_2    4.000000000000e+00
 UP BND       n_3_1_0    1.000000000000e+01
 UP BND       n_3_1_1    9.000000000000e+00
 UP BND       n_3_1_2    4.000000000000e+00
 UP BND       n_4_0_0    1.000000000000e+01
 UP BND       n_4_0_1    4.000000000000e+00
 UP BND       n_4_0_2    6.000000000000e+00
 UP BND       n_4_1_0    1.100000000000e+01
 UP BND       n_4_1_2    1.000000000000e+01
 UP BND       n_5_0_0    6.000000000000e+00
 UP BND       n_5_0_1    5.000000000000e+00
 UP BND       n_5_0_2    4.000000000000e+00
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_0_0_1    1.000000000000e+00
 UP BND       x_0_0_2    1.000000000000e+00
 UP BND       x_1_0_0    1.000000000000e+00
 UP BND       x_1_0_2    1.000000000000e+00
 UP BND       x_1_1_0    1.000000000000e+00
 UP BND       x_1_1_2    1.000000000000e+00
 UP BND       x_2_0_0    1.000000000000e+00
 UP BND       x_2_0_1    1.000000000000e+00
 UP BND       x_2_0_2    1.000000000000e+00
 UP BND       x_3_0_0    1.000000000000e+00
 UP BND       x_3_0_1    1.000000000000e+00
 UP BND       x_3_0_2    1.000000000000e+00
 UP BND       x_3_1_0    1.000000000000e+00
 UP BND       x_3_1_1    1.000000000000e+00
 UP BND       x_3_1_2    1.000000000000e+00
 UP BND       x_4_0_0    1.000000000000e+00
 UP BND       x_4_0_1    1.000000000000e+00
 UP BND       x_4_0_2    1.000000000000e+00
 UP BND       x_4_1_0    1.000000000000e+00
 UP BND       x_4_1_2    1.000000000000e+00
 UP BND       x_5_0_0    1.000000000000e+00
 UP BND       x_5_0_1    1.000000000000e+00
 UP BND       x_5_0_2    1.000000000000e+00
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
 BV BND       z_0_0_0_15
 BV BND       z_0_0_0_16
 BV BND       z_0_0_0_17
 BV BND       z_0_0_0_18
 BV BND       z_0_0_0_19
 BV BND       z_0_0_0_20
 BV BND       z_0_0_0_3
 BV BND       z_0_0_0_4
 BV BND       z_0_0_0_5
 BV BND       z_0_0_0_6
 BV BND       z_0_0_0_7
 BV BND       z_0_0_0_8
 BV BND       z_0_0_0_9
 BV BND       z_0_0_1_1
 BV BND       z_0_0_1_2
 BV BND       z_0_0_1_3
 BV BND       z_0_0_1_4
 BV BND       z_0_0_1_5
 BV BND       z_0_0_1_6
 BV BND       z_0_0_2_1
 BV BND       z_0_0_2_2
 BV BND       z_0_0_2_3
 BV BND       z_0_0_2_4
 BV BND       z_0_0_2_5
 BV BND       z_0_0_2_6
 BV BND       z_0_0_2_7
 BV BND       z_1_0_0_1
 BV BND       z_1_0_0_2
 BV BND       z_1_0_0_3
 BV BND       z_1_0_0_4
 BV BND       z_1_0_0_5
 BV BND       z_1_0_0_6
 BV BND       z_1_0_0_7
 BV BND       z_1_0_0_8
 BV BND       z_1_0_0_9
 BV BND       z_1_0_2_1
 BV BND       z_1_0_2_2
 BV BND       z_1_0_2_3
 BV BND       z_1_0_2_4
 BV BND       z_1_0_2_5
 BV BND       z_1_0_2_6
 BV BND       z_1_0_2_7
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
 BV BND       z_1_1_2_1
 BV BND       z_1_1_2_2
 BV BND       z_1_1_2_3
 BV BND       z_1_1_2_4
 BV BND       z_1_1_2_5
 BV BND       z_1_1_2_6
 BV BND       z_1_1_2_7
 BV BND       z_2_0_0_1
 BV BND       z_2_0_0_2
 BV BND       z_2_0_0_3
 BV BND       z_2_0_0_4
 BV BND       z_2_0_0_5
 BV BND       z_2_0_0_6
 BV BND       z_2_0_1_1
 BV BND       z_2_0_1_2
 BV BND       z_2_0_1_3
 BV BND       z_2_0_1_4
 BV BND       z_2_0_1_5
 BV BND       z_2_0_2_1
 BV BND       z_2_0_2_2
 BV BND       z_2_0_2_3
 BV BND       z_2_0_2_4
 BV BND       z_2_0_2_5
 BV BND       z_3_0_0_1
 BV BND       z_3_0_0_2
 BV BND       z_3_0_0_3
 BV BND       z_3_0_0_4
 BV BND       z_3_0_1_1
 BV BND       z_3_0_1_2
 BV BND       z_3_0_1_3
 BV BND       z_3_0_1_4
 BV BND       z_3_0_2_1
 BV BND       z_3_0_2_2
 BV BND       z_3_0_2_3
 BV BND       z_3_0_2_4
 BV BND       z_3_1_0_10
 BV BND       z_3_1_0_2
 BV BND       z_3_1_0_3
 BV BND       z_3_1_0_4
 BV BND       z_3_1_0_5
 BV BND       z_3_1_0_6
 BV BND       z_3_1_0_7
 BV BND       z_3_1_0_8
 BV BND       z_3_1_0_9
 BV BND       z_3_1_1_2
 BV BND       z_3_1_1_3
 BV BND       z_3_1_1_4
 BV BND       z_3_1_1_5
 BV BND       z_3_1_1_6
 BV BND       z_3_1_1_7
 BV BND       z_3_1_1_8
 BV BND       z_3_1_1_9
 BV BND       z_3_1_2_1
 BV BND       z_3_1_2_2
 BV BND       z_3_1_2_3
 BV BND       z_3_1_2_4
 BV BND       z_4_0_0_10
 BV BND       z_4_0_0_2
 BV BND       z_4_0_0_3
 BV BND       z_4_0_0_4
 BV BND       z_4_0_0_5
 BV BND       z_4_0_0_6
 BV BND       z_4_0_0_7
 BV BND       z_4_0_0_8
 BV BND       z_4_0_0_9
 BV BND       z_4_0_1_1
 BV BND       z_4_0_1_2
 BV BND       z_4_0_1_3
 BV BND       z_4_0_1_4
 BV BND       z_4_0_2_1
 BV BND       z_4_0_2_2
 BV BND       z_4_0_2_3
 BV BND       z_4_0_2_4
 BV BND       z_4_0_2_5
 BV BND       z_4_0_2_6
 BV BND       z_4_1_0_1
 BV BND       z_4_1_0_10
 BV BND       z_4_1_0_11
 BV BND       z_4_1_0_2
 BV BND       z_4_1_0_3
 BV BND       z_4_1_0_4
 BV BND       z_4_1_0_5
 BV BND       z_4_1_0_6
 BV BND       z_4_1_0_7
 BV BND       z_4_1_0_8
 BV BND       z_4_1_0_9
 BV BND       z_4_1_2_1
 BV BND       z_4_1_2_10
 BV BND       z_4_1_2_2
 BV BND       z_4_1_2_3
 BV BND       z_4_1_2_4
 BV BND       z_4_1_2_5
 BV BND       z_4_1_2_6
 BV BND       z_4_1_2_7
 BV BND       z_4_1_2_8
 BV BND       z_4_1_2_9
 BV BND       z_5_0_0_1
 BV BND       z_5_0_0_2
 BV BND       z_5_0_0_3
 BV BND       z_5_0_0_4
 BV BND       z_5_0_0_5
 BV BND       z_5_0_0_6
 BV BND       z_5_0_1_2
 BV BND       z_5_0_1_3
 BV BND       z_5_0_1_4
 BV BND       z_5_0_1_5
 BV BND       z_5_0_2_1
 BV BND       z_5_0_2_2
 BV BND       z_5_0_2_3
 BV BND       z_5_0_2_4
ENDATA
