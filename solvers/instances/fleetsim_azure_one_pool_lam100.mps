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
 E  count_0_0_0
 L  capacity_0_0_0
 L  link_0_0_1
 L  order_0_0_1_3
 L  order_0_0_1_4
 L  order_0_0_1_5
 L  order_0_0_1_6
 E  count_0_0_1
 L  capacity_0_0_1
 E  share_0_0
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   OBJ        2.210269382061e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_1   count_0_0_1   1.000000000000e+00
    n_0_0_1   OBJ        4.020272636677e+00
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   9.999645201348e+01
    x_0_0_0   share_0_0   1.000000000000e+00
    x_0_0_1   capacity_0_0_1   9.999645201348e+01
    x_0_0_1   share_0_0   1.000000000000e+00
    MARK      'MARKER'                 'INTORG'
    y_0       layout_choice   1.000000000000e+00
    y_0       link_0_0_0  -1.000000000000e+00
    y_0       link_0_0_1  -1.000000000000e+00
    y_0       share_0_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -8.543496515201e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -8.543496515201e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -8.543496515201e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  link_0_0_0   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -2.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -1.005117237083e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -1.005117237083e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -1.005117237083e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -1.005117237083e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -1.005117237083e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -9.548613752284e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -8.543496515201e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -8.543496515201e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_2  link_0_0_1   1.000000000000e+00
    z_0_0_1_2  order_0_0_1_3  -1.000000000000e+00
    z_0_0_1_2  count_0_0_1  -2.000000000000e+00
    z_0_0_1_2  capacity_0_0_1  -2.042895429720e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_3  order_0_0_1_3   1.000000000000e+00
    z_0_0_1_3  order_0_0_1_4  -1.000000000000e+00
    z_0_0_1_3  count_0_0_1  -1.000000000000e+00
    z_0_0_1_3  capacity_0_0_1  -2.042895429720e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_4  order_0_0_1_4   1.000000000000e+00
    z_0_0_1_4  order_0_0_1_5  -1.000000000000e+00
    z_0_0_1_4  count_0_0_1  -1.000000000000e+00
    z_0_0_1_4  capacity_0_0_1  -2.042895429720e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_5  order_0_0_1_5   1.000000000000e+00
    z_0_0_1_5  order_0_0_1_6  -1.000000000000e+00
    z_0_0_1_5  count_0_0_1  -1.000000000000e+00
    z_0_0_1_5  capacity_0_0_1  -2.042895429720e+01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_6  order_0_0_1_6   1.000000000000e+00
    z_0_0_1_6  count_0_0_1  -1.000000000000e+00
    z_0_0_1_6  capacity_0_0_1  -2.042895429720e+01
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
    RHS       count_0_0_0   0.000000000000e+00
    RHS       capacity_0_0_0   0.000000000000e+00
    RHS       link_0_0_1   0.000000000000e+00
    RHS       order_0_0_1_3   0.000000000000e+00
    RHS       order_0_0_1_4   0.000000000000e+00
    RHS       order_0_0_1_5   0.000000000000e+00
    RHS       order_0_0_1_6   0.000000000000e+00
    RHS       count_0_0_1   0.000000000000e+00
    RHS       capacity_0_0_1   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
BOUNDS
 UP BND       n_0_0_0    1.200000000000e+01
 UP BND       n_0_0_1    6.000000000000e+00
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_0_0_1    1.000000000000e+00
 BV BND       y_0     
 BV BND       z_0_0_0_10
 BV BND       z_0_0_0_11
 BV BND       z_0_0_0_12
 BV BND       z_0_0_0_2
 BV BND       z_0_0_0_3
 BV BND       z_0_0_0_4
 BV BND       z_0_0_0_5
 BV BND       z_0_0_0_6
 BV BND       z_0_0_0_7
 BV BND       z_0_0_0_8
 BV BND       z_0_0_0_9
 BV BND       z_0_0_1_2
 BV BND       z_0_0_1_3
 BV BND       z_0_0_1_4
 BV BND       z_0_0_1_5
 BV BND       z_0_0_1_6
ENDATA
