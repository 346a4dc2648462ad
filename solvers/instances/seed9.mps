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
 L  order_0_0_1_2
 L  order_0_0_1_3
 L  order_0_0_1_4
 L  order_0_0_1_5
 L  order_0_0_1_6
 E  count_0_0_1
 L  capacity_0_0_1
 L  link_1_0_0
 L  order_1_0_0_2
 L  order_1_0_0_3
 L  order_1_0_0_4
 L  order_1_0_0_5
 L  order_1_0_0_6
 E  count_1_0_0
 L  capacity_1_0_0
 L  link_1_1_0
 L  order_1_1_0_3
 L  order_1_1_0_4
 L  order_1_1_0_5
 E  count_1_1_0
 L  capacity_1_1_0
 L  link_1_1_1
 L  order_1_1_1_2
 E  count_1_1_1
 L  capacity_1_1_1
 L  link_2_0_0
 L  order_2_0_0_2
 L  order_2_0_0_3
 E  count_2_0_0
 L  capacity_2_0_0
 L  link_2_0_1
 L  order_2_0_1_2
 L  order_2_0_1_3
 L  order_2_0_1_4
 L  order_2_0_1_5
 L  order_2_0_1_6
 L  order_2_0_1_7
 L  order_2_0_1_8
 E  count_2_0_1
 L  capacity_2_0_1
 L  link_2_1_1
 L  order_2_1_1_2
 L  order_2_1_1_3
 L  order_2_1_1_4
 L  order_2_1_1_5
 L  order_2_1_1_6
 E  count_2_1_1
 L  capacity_2_1_1
 L  link_3_0_0
 L  order_3_0_0_2
 L  order_3_0_0_3
 L  order_3_0_0_4
 L  order_3_0_0_5
 L  order_3_0_0_6
 L  order_3_0_0_7
 L  order_3_0_0_8
 E  count_3_0_0
 L  capacity_3_0_0
 L  link_4_0_1
 L  order_4_0_1_2
 L  order_4_0_1_3
 L  order_4_0_1_4
 E  count_4_0_1
 L  capacity_4_0_1
 L  link_5_0_0
 L  order_5_0_0_2
 L  order_5_0_0_3
 E  count_5_0_0
 L  capacity_5_0_0
 L  link_5_0_1
 L  order_5_0_1_2
 L  order_5_0_1_3
 L  order_5_0_1_4
 L  order_5_0_1_5
 E  count_5_0_1
 L  capacity_5_0_1
 L  link_5_1_0
 L  order_5_1_0_2
 L  order_5_1_0_3
 L  order_5_1_0_4
 L  order_5_1_0_5
 E  count_5_1_0
 L  capacity_5_1_0
 L  link_5_1_1
 L  order_5_1_1_2
 L  order_5_1_1_3
 E  count_5_1_1
 L  capacity_5_1_1
 E  share_0_0
 E  share_1_0
 E  share_1_1
 E  share_2_0
 E  share_2_1
 E  share_3_0
 E  share_4_0
 E  share_5_0
 E  share_5_1
 L  budget
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   budget     1.790000000000e+00
    n_0_0_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_1   count_0_0_1   1.000000000000e+00
    n_0_0_1   budget     3.210000000000e+00
    n_0_0_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   budget     1.790000000000e+00
    n_1_0_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_0   count_1_1_0   1.000000000000e+00
    n_1_1_0   budget     1.790000000000e+00
    n_1_1_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_1_1   count_1_1_1   1.000000000000e+00
    n_1_1_1   budget     3.210000000000e+00
    n_1_1_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_0   count_2_0_0   1.000000000000e+00
    n_2_0_0   budget     1.790000000000e+00
    n_2_0_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_1   count_2_0_1   1.000000000000e+00
    n_2_0_1   budget     3.210000000000e+00
    n_2_0_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_1_1   count_2_1_1   1.000000000000e+00
    n_2_1_1   budget     3.210000000000e+00
    n_2_1_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_0   count_3_0_0   1.000000000000e+00
    n_3_0_0   budget     1.790000000000e+00
    n_3_0_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_1   count_4_0_1   1.000000000000e+00
    n_4_0_1   budget     3.210000000000e+00
    n_4_0_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_0   count_5_0_0   1.000000000000e+00
    n_5_0_0   budget     1.790000000000e+00
    n_5_0_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_0_1   count_5_0_1   1.000000000000e+00
    n_5_0_1   budget     3.210000000000e+00
    n_5_0_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_1_0   count_5_1_0   1.000000000000e+00
    n_5_1_0   budget     1.790000000000e+00
    n_5_1_0   OBJ        1.790274023503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_5_1_1   count_5_1_1   1.000000000000e+00
    n_5_1_1   budget     3.210000000000e+00
    n_5_1_1   OBJ        3.210274023503e+00
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   1.110061391954e+01
    x_0_0_0   share_0_0   1.000000000000e+00
    x_0_0_1   capacity_0_0_1   1.110061391954e+01
    x_0_0_1   share_0_0   1.000000000000e+00
    x_1_0_0   capacity_1_0_0   7.665328378602e+00
    x_1_0_0   share_1_0   1.000000000000e+00
    x_1_1_0   capacity_1_1_0   3.487081600995e+00
    x_1_1_0   share_1_1   1.000000000000e+00
    x_1_1_1   capacity_1_1_1   3.487081600995e+00
    x_1_1_1   share_1_1   1.000000000000e+00
    x_2_0_0   capacity_2_0_0   7.121971786200e+00
    x_2_0_0   share_2_0   1.000000000000e+00
    x_2_0_1   capacity_2_0_1   7.121971786200e+00
    x_2_0_1   share_2_0   1.000000000000e+00
    x_2_1_1   capacity_2_1_1   9.237049302404e+00
    x_2_1_1   share_2_1   1.000000000000e+00
    x_3_0_0   capacity_3_0_0   1.003759849934e+01
    x_3_0_0   share_3_0   1.000000000000e+00
    x_4_0_1   capacity_4_0_1   3.965295667432e+00
    x_4_0_1   share_4_0   1.000000000000e+00
    x_5_0_0   capacity_5_0_0   8.584684377184e+00
    x_5_0_0   share_5_0   1.000000000000e+00
    x_5_0_1   capacity_5_0_1   8.584684377184e+00
    x_5_0_1   share_5_0   1.000000000000e+00
    x_5_1_0   capacity_5_1_0   5.645474420242e+00
    x_5_1_0   share_5_1   1.000000000000e+00
    x_5_1_1   capacity_5_1_1   5.645474420242e+00
    x_5_1_1   share_5_1   1.000000000000e+00
    MARK      'MARKER'                 'INTORG'
    y_0       layout_choice   1.000000000000e+00
    y_0       link_0_0_0  -1.000000000000e+00
    y_0       link_0_0_1  -1.000000000000e+00
    y_0       share_0_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_1       layout_choice   1.000000000000e+00
    y_1       link_1_0_0  -1.000000000000e+00
    y_1       link_1_1_0  -1.000000000000e+00
    y_1       link_1_1_1  -1.000000000000e+00
    y_1       share_1_0  -1.000000000000e+00
    y_1       share_1_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_2       layout_choice   1.000000000000e+00
    y_2       link_2_0_0  -1.000000000000e+00
    y_2       link_2_0_1  -1.000000000000e+00
    y_2       link_2_1_1  -1.000000000000e+00
    y_2       share_2_0  -1.000000000000e+00
    y_2       share_2_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_3       layout_choice   1.000000000000e+00
    y_3       link_3_0_0  -1.000000000000e+00
    y_3       share_3_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_4       layout_choice   1.000000000000e+00
    y_4       link_4_0_1  -1.000000000000e+00
    y_4       share_4_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_5       layout_choice   1.000000000000e+00
    y_5       link_5_0_0  -1.000000000000e+00
    y_5       link_5_0_1  -1.000000000000e+00
    y_5       link_5_1_0  -1.000000000000e+00
    y_5       link_5_1_1  -1.000000000000e+00
    y_5       share_5_0  -1.000000000000e+00
    y_5       share_5_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_10  order_0_0_0_10   1.000000000000e+00
    z_0_0_0_10  order_0_0_0_11  -1.000000000000e+00
    z_0_0_0_10  count_0_0_0  -1.000000000000e+00
    z_0_0_0_10  capacity_0_0_0  -1.169836803807e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_11  order_0_0_0_11   1.000000000000e+00
    z_0_0_0_11  order_0_0_0_12  -1.000000000000e+00
    z_0_0_0_11  count_0_0_0  -1.000000000000e+00
    z_0_0_0_11  capacity_0_0_0  -1.181569363720e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_12  order_0_0_0_12   1.000000000000e+00
    z_0_0_0_12  count_0_0_0  -1.000000000000e+00
    z_0_0_0_12  capacity_0_0_0  -1.191733409499e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  link_0_0_0   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -2.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -7.276148121420e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -9.396993280473e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -1.013504555361e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -1.060670162850e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -1.094173351445e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  order_0_0_0_8  -1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -1.119560436535e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_8  order_0_0_0_8   1.000000000000e+00
    z_0_0_0_8  order_0_0_0_9  -1.000000000000e+00
    z_0_0_0_8  count_0_0_0  -1.000000000000e+00
    z_0_0_0_8  capacity_0_0_0  -1.139659431202e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_9  order_0_0_0_9   1.000000000000e+00
    z_0_0_0_9  order_0_0_0_10  -1.000000000000e+00
    z_0_0_0_9  count_0_0_0  -1.000000000000e+00
    z_0_0_0_9  capacity_0_0_0  -1.156085305717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_1  link_0_0_1   1.000000000000e+00
    z_0_0_1_1  order_0_0_1_2  -1.000000000000e+00
    z_0_0_1_1  count_0_0_1  -1.000000000000e+00
    z_0_0_1_1  capacity_0_0_1  -4.846558769835e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_2  order_0_0_1_2   1.000000000000e+00
    z_0_0_1_2  order_0_0_1_3  -1.000000000000e+00
    z_0_0_1_2  count_0_0_1  -1.000000000000e+00
    z_0_0_1_2  capacity_0_0_1  -1.883152456972e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_3  order_0_0_1_3   1.000000000000e+00
    z_0_0_1_3  order_0_0_1_4  -1.000000000000e+00
    z_0_0_1_3  count_0_0_1  -1.000000000000e+00
    z_0_0_1_3  capacity_0_0_1  -1.300375797800e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_4  order_0_0_1_4   1.000000000000e+00
    z_0_0_1_4  order_0_0_1_5  -1.000000000000e+00
    z_0_0_1_4  count_0_0_1  -1.000000000000e+00
    z_0_0_1_4  capacity_0_0_1  -2.238506340832e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_5  order_0_0_1_5   1.000000000000e+00
    z_0_0_1_5  order_0_0_1_6  -1.000000000000e+00
    z_0_0_1_5  count_0_0_1  -1.000000000000e+00
    z_0_0_1_5  capacity_0_0_1  -2.670343322413e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_6  order_0_0_1_6   1.000000000000e+00
    z_0_0_1_6  count_0_0_1  -1.000000000000e+00
    z_0_0_1_6  capacity_0_0_1  -2.720008652552e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_1  link_1_0_0   1.000000000000e+00
    z_1_0_0_1  order_1_0_0_2  -1.000000000000e+00
    z_1_0_0_1  count_1_0_0  -1.000000000000e+00
    z_1_0_0_1  capacity_1_0_0  -1.330190725189e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_2  order_1_0_0_2   1.000000000000e+00
    z_1_0_0_2  order_1_0_0_3  -1.000000000000e+00
    z_1_0_0_2  count_1_0_0  -1.000000000000e+00
    z_1_0_0_2  capacity_1_0_0  -1.469388349888e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_3  order_1_0_0_3   1.000000000000e+00
    z_1_0_0_3  order_1_0_0_4  -1.000000000000e+00
    z_1_0_0_3  count_1_0_0  -1.000000000000e+00
    z_1_0_0_3  capacity_1_0_0  -1.492289792404e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_4  order_1_0_0_4   1.000000000000e+00
    z_1_0_0_4  order_1_0_0_5  -1.000000000000e+00
    z_1_0_0_4  count_1_0_0  -1.000000000000e+00
    z_1_0_0_4  capacity_1_0_0  -1.504144451371e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_5  order_1_0_0_5   1.000000000000e+00
    z_1_0_0_5  order_1_0_0_6  -1.000000000000e+00
    z_1_0_0_5  count_1_0_0  -1.000000000000e+00
    z_1_0_0_5  capacity_1_0_0  -1.511720231734e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_6  order_1_0_0_6   1.000000000000e+00
    z_1_0_0_6  count_1_0_0  -1.000000000000e+00
    z_1_0_0_6  capacity_1_0_0  -1.517101542646e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_2  link_1_1_0   1.000000000000e+00
    z_1_1_0_2  order_1_1_0_3  -1.000000000000e+00
    z_1_1_0_2  count_1_1_0  -2.000000000000e+00
    z_1_1_0_2  capacity_1_1_0  -4.947675900981e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_3  order_1_1_0_3   1.000000000000e+00
    z_1_1_0_3  order_1_1_0_4  -1.000000000000e+00
    z_1_1_0_3  count_1_1_0  -1.000000000000e+00
    z_1_1_0_3  capacity_1_1_0  -1.150287296579e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_4  order_1_1_0_4   1.000000000000e+00
    z_1_1_0_4  order_1_1_0_5  -1.000000000000e+00
    z_1_1_0_4  count_1_1_0  -1.000000000000e+00
    z_1_1_0_4  capacity_1_1_0  -1.245861952993e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_0_5  order_1_1_0_5   1.000000000000e+00
    z_1_1_0_5  count_1_1_0  -1.000000000000e+00
    z_1_1_0_5  capacity_1_1_0  -9.168676607964e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_1_1  link_1_1_1   1.000000000000e+00
    z_1_1_1_1  order_1_1_1_2  -1.000000000000e+00
    z_1_1_1_1  count_1_1_1  -1.000000000000e+00
    z_1_1_1_1  capacity_1_1_1  -1.701058851245e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_1_1_2  order_1_1_1_2   1.000000000000e+00
    z_1_1_1_2  count_1_1_1  -1.000000000000e+00
    z_1_1_1_2  capacity_1_1_1  -2.715567806620e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_1  link_2_0_0   1.000000000000e+00
    z_2_0_0_1  order_2_0_0_2  -1.000000000000e+00
    z_2_0_0_1  count_2_0_0  -1.000000000000e+00
    z_2_0_0_1  capacity_2_0_0  -1.914610910416e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_2  order_2_0_0_2   1.000000000000e+00
    z_2_0_0_2  order_2_0_0_3  -1.000000000000e+00
    z_2_0_0_2  count_2_0_0  -1.000000000000e+00
    z_2_0_0_2  capacity_2_0_0  -2.678888372852e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_3  order_2_0_0_3   1.000000000000e+00
    z_2_0_0_3  count_2_0_0  -1.000000000000e+00
    z_2_0_0_3  capacity_2_0_0  -2.804630866020e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_1  link_2_0_1   1.000000000000e+00
    z_2_0_1_1  order_2_0_1_2  -1.000000000000e+00
    z_2_0_1_1  count_2_0_1  -1.000000000000e+00
    z_2_0_1_1  capacity_2_0_1  -3.777766522831e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_2  order_2_0_1_2   1.000000000000e+00
    z_2_0_1_2  order_2_0_1_3  -1.000000000000e+00
    z_2_0_1_2  count_2_0_1  -1.000000000000e+00
    z_2_0_1_2  capacity_2_0_1  -7.054745671057e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_3  order_2_0_1_3   1.000000000000e+00
    z_2_0_1_3  order_2_0_1_4  -1.000000000000e+00
    z_2_0_1_3  count_2_0_1  -1.000000000000e+00
    z_2_0_1_3  capacity_2_0_1  -1.213366190531e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_4  order_2_0_1_4   1.000000000000e+00
    z_2_0_1_4  order_2_0_1_5  -1.000000000000e+00
    z_2_0_1_4  count_2_0_1  -1.000000000000e+00
    z_2_0_1_4  capacity_2_0_1  -1.418111611887e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_5  order_2_0_1_5   1.000000000000e+00
    z_2_0_1_5  order_2_0_1_6  -1.000000000000e+00
    z_2_0_1_5  count_2_0_1  -1.000000000000e+00
    z_2_0_1_5  capacity_2_0_1  -1.097545773913e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_6  order_2_0_1_6   1.000000000000e+00
    z_2_0_1_6  order_2_0_1_7  -1.000000000000e+00
    z_2_0_1_6  count_2_0_1  -1.000000000000e+00
    z_2_0_1_6  capacity_2_0_1  -7.112612391955e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_7  order_2_0_1_7   1.000000000000e+00
    z_2_0_1_7  order_2_0_1_8  -1.000000000000e+00
    z_2_0_1_7  count_2_0_1  -1.000000000000e+00
    z_2_0_1_7  capacity_2_0_1  -1.421972697123e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_8  order_2_0_1_8   1.000000000000e+00
    z_2_0_1_8  count_2_0_1  -1.000000000000e+00
    z_2_0_1_8  capacity_2_0_1  -1.571306853857e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_1  link_2_1_1   1.000000000000e+00
    z_2_1_1_1  order_2_1_1_2  -1.000000000000e+00
    z_2_1_1_1  count_2_1_1  -1.000000000000e+00
    z_2_1_1_1  capacity_2_1_1  -5.505285120828e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_2  order_2_1_1_2   1.000000000000e+00
    z_2_1_1_2  order_2_1_1_3  -1.000000000000e+00
    z_2_1_1_2  count_2_1_1  -1.000000000000e+00
    z_2_1_1_2  capacity_2_1_1  -1.755150274632e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_3  order_2_1_1_3   1.000000000000e+00
    z_2_1_1_3  order_2_1_1_4  -1.000000000000e+00
    z_2_1_1_3  count_2_1_1  -1.000000000000e+00
    z_2_1_1_3  capacity_2_1_1  -1.953340266084e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_4  order_2_1_1_4   1.000000000000e+00
    z_2_1_1_4  order_2_1_1_5  -1.000000000000e+00
    z_2_1_1_4  count_2_1_1  -1.000000000000e+00
    z_2_1_1_4  capacity_2_1_1  -2.055930954757e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_5  order_2_1_1_5   1.000000000000e+00
    z_2_1_1_5  order_2_1_1_6  -1.000000000000e+00
    z_2_1_1_5  count_2_1_1  -1.000000000000e+00
    z_2_1_1_5  capacity_2_1_1  -2.121492058354e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_1_6  order_2_1_1_6   1.000000000000e+00
    z_2_1_1_6  count_2_1_1  -1.000000000000e+00
    z_2_1_1_6  capacity_2_1_1  -2.168062136326e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_1  link_3_0_0   1.000000000000e+00
    z_3_0_0_1  order_3_0_0_2  -1.000000000000e+00
    z_3_0_0_1  count_3_0_0  -1.000000000000e+00
    z_3_0_0_1  capacity_3_0_0  -4.113233900629e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_2  order_3_0_0_2   1.000000000000e+00
    z_3_0_0_2  order_3_0_0_3  -1.000000000000e+00
    z_3_0_0_2  count_3_0_0  -1.000000000000e+00
    z_3_0_0_2  capacity_3_0_0  -1.372987064816e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_3  order_3_0_0_3   1.000000000000e+00
    z_3_0_0_3  order_3_0_0_4  -1.000000000000e+00
    z_3_0_0_3  count_3_0_0  -1.000000000000e+00
    z_3_0_0_3  capacity_3_0_0  -1.531204458361e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_4  order_3_0_0_4   1.000000000000e+00
    z_3_0_0_4  order_3_0_0_5  -1.000000000000e+00
    z_3_0_0_4  count_3_0_0  -1.000000000000e+00
    z_3_0_0_4  capacity_3_0_0  -1.613103807794e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_5  order_3_0_0_5   1.000000000000e+00
    z_3_0_0_5  order_3_0_0_6  -1.000000000000e+00
    z_3_0_0_5  count_3_0_0  -1.000000000000e+00
    z_3_0_0_5  capacity_3_0_0  -1.665442005364e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_6  order_3_0_0_6   1.000000000000e+00
    z_3_0_0_6  order_3_0_0_7  -1.000000000000e+00
    z_3_0_0_6  count_3_0_0  -1.000000000000e+00
    z_3_0_0_6  capacity_3_0_0  -1.702619444547e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_7  order_3_0_0_7   1.000000000000e+00
    z_3_0_0_7  order_3_0_0_8  -1.000000000000e+00
    z_3_0_0_7  count_3_0_0  -1.000000000000e+00
    z_3_0_0_7  capacity_3_0_0  -1.730790697837e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_8  order_3_0_0_8   1.000000000000e+00
    z_3_0_0_8  count_3_0_0  -1.000000000000e+00
    z_3_0_0_8  capacity_3_0_0  -1.753093922790e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_1  link_4_0_1   1.000000000000e+00
    z_4_0_1_1  order_4_0_1_2  -1.000000000000e+00
    z_4_0_1_1  count_4_0_1  -1.000000000000e+00
    z_4_0_1_1  capacity_4_0_1  -9.087281021626e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_2  order_4_0_1_2   1.000000000000e+00
    z_4_0_1_2  order_4_0_1_3  -1.000000000000e+00
    z_4_0_1_2  count_4_0_1  -1.000000000000e+00
    z_4_0_1_2  capacity_4_0_1  -1.247400436449e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_3  order_4_0_1_3   1.000000000000e+00
    z_4_0_1_3  order_4_0_1_4  -1.000000000000e+00
    z_4_0_1_3  count_4_0_1  -1.000000000000e+00
    z_4_0_1_3  capacity_4_0_1  -1.303120388657e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_4  order_4_0_1_4   1.000000000000e+00
    z_4_0_1_4  count_4_0_1  -1.000000000000e+00
    z_4_0_1_4  capacity_4_0_1  -1.331963158304e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_1  link_5_0_0   1.000000000000e+00
    z_5_0_0_1  order_5_0_0_2  -1.000000000000e+00
    z_5_0_0_1  count_5_0_0  -1.000000000000e+00
    z_5_0_0_1  capacity_5_0_0  -2.709893244553e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_2  order_5_0_0_2   1.000000000000e+00
    z_5_0_0_2  order_5_0_0_3  -1.000000000000e+00
    z_5_0_0_2  count_5_0_0  -1.000000000000e+00
    z_5_0_0_2  capacity_5_0_0  -3.411653173296e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_0_3  order_5_0_0_3   1.000000000000e+00
    z_5_0_0_3  count_5_0_0  -1.000000000000e+00
    z_5_0_0_3  capacity_5_0_0  -3.527109990202e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_1  link_5_0_1   1.000000000000e+00
    z_5_0_1_1  order_5_0_1_2  -1.000000000000e+00
    z_5_0_1_1  count_5_0_1  -1.000000000000e+00
    z_5_0_1_1  capacity_5_0_1  -1.015963097182e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_2  order_5_0_1_2   1.000000000000e+00
    z_5_0_1_2  order_5_0_1_3  -1.000000000000e+00
    z_5_0_1_2  count_5_0_1  -1.000000000000e+00
    z_5_0_1_2  capacity_5_0_1  -1.774132081486e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_3  order_5_0_1_3   1.000000000000e+00
    z_5_0_1_3  order_5_0_1_4  -1.000000000000e+00
    z_5_0_1_3  count_5_0_1  -1.000000000000e+00
    z_5_0_1_3  capacity_5_0_1  -1.898869579338e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_4  order_5_0_1_4   1.000000000000e+00
    z_5_0_1_4  order_5_0_1_5  -1.000000000000e+00
    z_5_0_1_4  count_5_0_1  -1.000000000000e+00
    z_5_0_1_4  capacity_5_0_1  -1.963438459503e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_0_1_5  order_5_0_1_5   1.000000000000e+00
    z_5_0_1_5  count_5_0_1  -1.000000000000e+00
    z_5_0_1_5  capacity_5_0_1  -2.004701532169e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_1  link_5_1_0   1.000000000000e+00
    z_5_1_0_1  order_5_1_0_2  -1.000000000000e+00
    z_5_1_0_1  count_5_1_0  -1.000000000000e+00
    z_5_1_0_1  capacity_5_1_0  -3.762944600856e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_2  order_5_1_0_2   1.000000000000e+00
    z_5_1_0_2  order_5_1_0_3  -1.000000000000e+00
    z_5_1_0_2  count_5_1_0  -1.000000000000e+00
    z_5_1_0_2  capacity_5_1_0  -1.566651323339e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_3  order_5_1_0_3   1.000000000000e+00
    z_5_1_0_3  order_5_1_0_4  -1.000000000000e+00
    z_5_1_0_3  count_5_1_0  -1.000000000000e+00
    z_5_1_0_3  capacity_5_1_0  -1.762494387019e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_4  order_5_1_0_4   1.000000000000e+00
    z_5_1_0_4  order_5_1_0_5  -1.000000000000e+00
    z_5_1_0_4  count_5_1_0  -1.000000000000e+00
    z_5_1_0_4  capacity_5_1_0  -1.863870216482e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_0_5  order_5_1_0_5   1.000000000000e+00
    z_5_1_0_5  count_5_1_0  -1.000000000000e+00
    z_5_1_0_5  capacity_5_1_0  -1.928654958096e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_1_1  link_5_1_1   1.000000000000e+00
    z_5_1_1_1  order_5_1_1_2  -1.000000000000e+00
    z_5_1_1_1  count_5_1_1  -1.000000000000e+00
    z_5_1_1_1  capacity_5_1_1  -1.749835937006e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_1_2  order_5_1_1_2   1.000000000000e+00
    z_5_1_1_2  order_5_1_1_3  -1.000000000000e+00
    z_5_1_1_2  count_5_1_1  -1.000000000000e+00
    z_5_1_1_2  capacity_5_1_1  -2.595992990367e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_5_1_1_3  order_5_1_1_3   1.000000000000e+00
    z_5_1_1_3  count_5_1_1  -1.000000000000e+00
    z_5_1_1_3  capacity_5_1_1  -2.735206695770e+00
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
    RHS       order_0_0_1_2   0.000000000000e+00
    RHS       order_0_0_1_3   0.000000000000e+00
    RHS       order_0_0_1_4   0.000000000000e+00
    RHS       order_0_0_1_5   0.000000000000e+00
    RHS       order_0_0_1_6   0.000000000000e+00
    RHS       count_0_0_1   0.000000000000e+00
    RHS       capacity_0_0_1   0.000000000000e+00
    RHS       link_1_0_0   0.000000000000e+00
    RHS       order_1_0_0_2   0.000000000000e+00
    RHS       order_1_0_0_3   0.000000000000e+00
    RHS       order_1_0_0_4   0.000000000000e+00
    RHS       order_1_0_0_5   0.000000000000e+00
    RHS       order_1_0_0_6   0.000000000000e+00
    RHS       count_1_0_0   0.000000000000e+00
    RHS       capacity_1_0_0   0.000000000000e+00
    RHS       link_1_1_0   0.000000000000e+00
    RHS       order_1_1_0_3   0.000000000000e+00
    RHS       order_1_1_0_4   0.000000000000e+00
    RHS       order_1_1_0_5   0.000000000000e+00
    RHS       count_1_1_0   0.000000000000e+00
    RHS       capacity_1_1_0   0.000000000000e+00
    RHS       link_1_1_1   0.000000000000e+00
    RHS       order_1_1_1_2   0.000000000000e+00
    RHS       count_1_1_1   0.000000000000e+00
    RHS       capacity_1_1_1   0.000000000000e+00
    RHS       link_2_0_0   0.000000000000e+00
    RHS       order_2_0_0_2   0.000000000000e+00
    RHS       order_2_0_0_3   0.000000000000e+00
    RHS       count_2_0_0   0.000000000000e+00
    RHS       capacity_2_0_0   0.000000000000e+00
    RHS       link_2_0_1   0.000000000000e+00
    RHS       order_2_0_1_2   0.000000000000e+00
    RHS       order_2_0_1_3   0.000000000000e+00
    RHS       order_2_0_1_4   0.000000000000e+00
    RHS       order_2_0_1_5   0.000000000000e+00
    RHS       order_2_0_1_6   0.000000000000e+00
    RHS       order_2_0_1_7   0.000000000000e+00
    RHS       order_2_0_1_8   0.000000000000e+00
    RHS       count_2_0_1   0.000000000000e+00
    RHS       capacity_2_0_1   0.000000000000e+00
    RHS       link_2_1_1   0.000000000000e+00
    RHS       order_2_1_1_2   0.000000000000e+00
    RHS       order_2_1_1_3   0.000000000000e+00
    RHS       order_2_1_1_4   0.000000000000e+00
    RHS       order_2_1_1_5   0.000000000000e+00
    RHS       order_2_1_1_6   0.000000000000e+00
    RHS       count_2_1_1   0.000000000000e+00
    RHS       capacity_2_1_1   0.000000000000e+00
    RHS       link_3_0_0   0.000000000000e+00
    RHS       order_3_0_0_2   0.000000000000e+00
    RHS       order_3_0_0_3   0.000000000000e+00
    RHS       order_3_0_0_4   0.000000000000e+00
    RHS       order_3_0_0_5   0.000000000000e+00
    RHS       order_3_0_0_6   0.000000000000e+00
    RHS       order_3_0_0_7   0.000000000000e+00
    RHS       order_3_0_0_8   0.000000000000e+00
    RHS       count_3_0_0   0.000000000000e+00
    RHS       capacity_3_0_0   0.000000000000e+00
    RHS       link_4_0_1   0.000000000000e+00
    RHS       order_4_0_1_2   0.000000000000e+00
    RHS       order_4_0_1_3   0.000000000000e+00
    RHS       order_4_0_1_4   0.000000000000e+00
    RHS       count_4_0_1   0.000000000000e+00
    RHS       capacity_4_0_1   0.000000000000e+00
    RHS       link_5_0_0   0.000000000000e+00
    RHS       order_5_0_0_2   0.000000000000e+00
    RHS       order_5_0_0_3   0.000000000000e+00
    RHS       count_5_0_0   0.000000000000e+00
    RHS       capacity_5_0_0   0.000000000000e+00
    RHS       link_5_0_1   0.000000000000e+00
    RHS       order_5_0_1_2   0.000000000000e+00
    RHS       order_5_0_1_3   0.000000000000e+00
    RHS       order_5_0_1_4   0.000000000000e+00
    RHS       order_5_0_1_5   0.000000000000e+00
    RHS       count_5_0_1   0.000000000000e+00
    RHS       capacity_5_0_1   0.000000000000e+00
    RHS       link_5_1_0   0.000000000000e+00
    RHS       order_5_1_0_2   0.000000000000e+00
    RHS       order_5_1_0_3   0.000000000000e+00
    RHS       order_5_1_0_4   0.000000000000e+00
    RHS       order_5_1_0_5   0.000000000000e+00
    RHS       count_5_1_0   0.000000000000e+00
    RHS       capacity_5_1_0   0.000000000000e+00
    RHS       link_5_1_1   0.000000000000e+00
    RHS       order_5_1_1_2   0.000000000000e+00
    RHS       order_5_1_1_3   0.000000000000e+00
    RHS       count_5_1_1   0.000000000000e+00
    RHS       capacity_5_1_1   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
    RHS       share_1_0   0.000000000000e+00
    RHS       share_1_1   0.000000000000e+00
    RHS       share_2_0   0.000000000000e+00
    RHS       share_2_1   0.000000000000e+00
    RHS       share_3_0   0.000000000000e+00
    RHS       share_4_0   0.000000000000e+00
    RHS       share_5_0   0.000000000000e+00
    RHS       share_5_1   0.000000000000e+00
    RHS       budget     2.277365270067e+01
BOUNDS
 UP BND       n_0_0_0    1.200000000000e+01
 UP BND       n_0_0_1    6.000000000000e+00
 UP BND       n_1_0_0    6.000000000000e+00
 UP BND       n_1_1_0    5.000000000000e+00
 UP BND       n_1_1_1    2.000000000000e+00
 UP BND       n_2_0_0    3.000000000000e+00
 UP BND       n_2_0_1    8.000000000000e+00
 UP BND       n_2_1_1    6.000000000000e+00
 UP BND       n_3_0_0    8.000000000000e+00
 UP BND       n_4_0_1    4.000000000000e+00
 UP BND       n_5_0_0    3.000000000000e+00
 UP BND       n_5_0_1    5.000000000000e+00
 UP BND       n_5_1_0    5.000000000000e+00
 UP BND       n_5_1_1    3.000000000000e+00
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_0_0_1    1.000000000000e+00
 UP BND       x_1_0_0    1.000000000000e+00
 UP BND       x_1_1_0    1.000000000000e+00
 UP BND       x_1_1_1    1.000000000000e+00
 UP BND       x_2_0_0    1.000000000000e+00
 UP BND       x_2_0_1    1.000000000000e+00
 UP BND       x_2_1_1    1.000000000000e+00
 UP BND       x_3_0_0    1.000000000000e+00
 UP BND       x_4_0_1    1.000000000000e+00
 UP BND       x_5_0_0    1.000000000000e+00
 UP BND       x_5_0_1    1.000000000000e+00
 UP BND       x_5_1_0    1.000000000000e+00
 UP BND       x_5_1_1    1.000000000000e+00
 BV BND       y_0     
 BV BND       y_1     
 BV BND       y_2     
 BV BND       y_3     
 BV BND       y_4     
 BV BND       y_5     
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
 BV BND       z_0_0_1_1
 BV BND       z_0_0_1_2
 BV BND       z_0_0_1_3
 BV BND       z_0_0_1_4
 BV BND       z_0_0_1_5
 BV BND       z_0_0_1_6
 BV BND       z_1_0_0_1
 BV BND       z_1_0_0_2
 BV BND       z_1_0_0_3
 BV BND       z_1_0_0_4
 BV BND       z_1_0_0_5
 BV BND       z_1_0_0_6
 BV BND       z_1_1_0_2
 BV BND       z_1_1_0_3
 BV BND       z_1_1_0_4
 BV BND       z_1_1_0_5
 BV BND       z_1_1_1_1
 BV BND       z_1_1_1_2
 BV BND       z_2_0_0_1
 BV BND       z_2_0_0_2
 BV BND       z_2_0_0_3
 BV BND       z_2_0_1_1
 BV BND       z_2_0_1_2
 BV BND       z_2_0_1_3
 BV BND       z_2_0_1_4
 BV BND       z_2_0_1_5
 BV BND       z_2_0_1_6
 BV BND       z_2_0_1_7
 BV BND       z_2_0_1_8
 BV BND       z_2_1_1_1
 BV BND       z_2_1_1_2
 BV BND       z_2_1_1_3
 BV BND       z_2_1_1_4
 BV BND       z_2_1_1_5
 BV BND       z_2_1_1_6
 BV BND       z_3_0_0_1
 BV BND       z_3_0_0_2
 BV BND       z_3_0_0_3
 BV BND       z_3_0_0_4
 BV BND       z_3_0_0_5
 BV BND       z_3_0_0_6
 BV BND       z_3_0_0_7
 BV BND       z_3_0_0_8
 BV BND       z_4_0_1_1
 BV BND       z_4_0_1_2
 BV BND       z_4_0_1_3
 BV BND       z_4_0_1_4
 BV BND       z_5_0_0_1
 BV BND       z_5_0_0_2
 BV BND       z_5_0_0_3
 BV BND       z_5_0_1_1
 BV BND       z_5_0_1_2
 BV BND       z_5_0_1_3
 BV BND       z_5_0_1_4
 BV BND       z_5_0_1_5
 BV BND       z_5_1_0_1
 BV BND       z_5_1_0_2
 BV BND       z_5_1_0_3
 BV BND       z_5_1_0_4
 BV BND       z_5_1_0_5
 BV BND       z_5_1_1_1
 BV BND       z_5_1_1_2
 BV BND       z_5_1_1_3
ENDATA
