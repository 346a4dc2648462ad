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
 E  count_0_0_0
 L  capacity_0_0_0
 L  link_0_0_1
 L  order_0_0_1_5
 L  order_0_0_1_6
 E  count_0_0_1
 L  capacity_0_0_1
 L  link_0_0_2
 E  count_0_0_2
 L  capacity_0_0_2
 L  link_1_0_0
 L  order_1_0_0_4
 L  order_1_0_0_5
 L  order_1_0_0_6
 L  order_1_0_0_7
 E  count_1_0_0
 L  capacity_1_0_0
 L  link_1_0_1
 L  order_1_0_1_2
 L  order_1_0_1_3
 L  order_1_0_1_4
 L  order_1_0_1_5
 L  order_1_0_1_6
 L  order_1_0_1_7
 L  order_1_0_1_8
 L  order_1_0_1_9
 L  order_1_0_1_10
 L  order_1_0_1_11
 L  order_1_0_1_12
 L  order_1_0_1_13
 L  order_1_0_1_14
 L  order_1_0_1_15
 L  order_1_0_1_16
 L  order_1_0_1_17
 E  count_1_0_1
 L  capacity_1_0_1
 L  link_2_0_0
 L  order_2_0_0_2
 L  order_2_0_0_3
 L  order_2_0_0_4
 L  order_2_0_0_5
 L  order_2_0_0_6
 L  order_2_0_0_7
 L  order_2_0_0_8
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
 L  order_2_0_1_9
 L  order_2_0_1_10
 L  order_2_0_1_11
 L  order_2_0_1_12
 L  order_2_0_1_13
 L  order_2_0_1_14
 E  count_2_0_1
 L  capacity_2_0_1
 L  link_2_0_2
 E  count_2_0_2
 L  capacity_2_0_2
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
 L  order_2_1_0_11
 L  order_2_1_0_12
 L  order_2_1_0_13
 L  order_2_1_0_14
 L  order_2_1_0_15
 L  order_2_1_0_16
 L  order_2_1_0_17
 L  order_2_1_0_18
 L  order_2_1_0_19
 E  count_2_1_0
 L  capacity_2_1_0
 L  link_2_1_2
 E  count_2_1_2
 L  capacity_2_1_2
 L  link_3_0_0
 L  order_3_0_0_2
 L  order_3_0_0_3
 E  count_3_0_0
 L  capacity_3_0_0
 L  link_3_0_1
 L  order_3_0_1_4
 L  order_3_0_1_5
 L  order_3_0_1_6
 L  order_3_0_1_7
 L  order_3_0_1_8
 L  order_3_0_1_9
 L  order_3_0_1_10
 L  order_3_0_1_11
 L  order_3_0_1_12
 E  count_3_0_1
 L  capacity_3_0_1
 L  link_3_0_2
 E  count_3_0_2
 L  capacity_3_0_2
 L  link_4_0_0
 L  order_4_0_0_2
 L  order_4_0_0_3
 L  order_4_0_0_4
 L  order_4_0_0_5
 L  order_4_0_0_6
 L  order_4_0_0_7
 L  order_4_0_0_8
 L  order_4_0_0_9
 L  order_4_0_0_10
 L  order_4_0_0_11
 L  order_4_0_0_12
 E  count_4_0_0
 L  capacity_4_0_0
 L  link_4_0_1
 L  order_4_0_1_3
 L  order_4_0_1_4
 L  order_4_0_1_5
 L  order_4_0_1_6
 L  order_4_0_1_7
 L  order_4_0_1_8
 L  order_4_0_1_9
 L  order_4_0_1_10
 L  order_4_0_1_11
 E  count_4_0_1
 L  capacity_4_0_1
 L  link_4_0_2
 E  count_4_0_2
 L  capacity_4_0_2
 E  share_0_0
 E  share_1_0
 E  share_2_0
 E  share_2_1
 E  share_3_0
 E  share_4_0
 L  max_gpus_2
 L  budget
COLUMNS
    MARK      'MARKER'                 'INTORG'
    n_0_0_0   count_0_0_0   1.000000000000e+00
    n_0_0_0   budget     4.140000000000e+00
    n_0_0_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_1   count_0_0_1   1.000000000000e+00
    n_0_0_1   budget     2.820000000000e+00
    n_0_0_1   OBJ        2.820071407397e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_0_0_2   count_0_0_2   1.000000000000e+00
    n_0_0_2   max_gpus_2   1.000000000000e+00
    n_0_0_2   budget     1.790000000000e+00
    n_0_0_2   OBJ        1.790071161181e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_0   count_1_0_0   1.000000000000e+00
    n_1_0_0   budget     4.140000000000e+00
    n_1_0_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_1_0_1   count_1_0_1   1.000000000000e+00
    n_1_0_1   budget     2.820000000000e+00
    n_1_0_1   OBJ        2.820071407397e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_0   count_2_0_0   1.000000000000e+00
    n_2_0_0   budget     4.140000000000e+00
    n_2_0_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_1   count_2_0_1   1.000000000000e+00
    n_2_0_1   budget     2.820000000000e+00
    n_2_0_1   OBJ        2.820071407397e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_0_2   count_2_0_2   1.000000000000e+00
    n_2_0_2   max_gpus_2   1.000000000000e+00
    n_2_0_2   budget     1.790000000000e+00
    n_2_0_2   OBJ        1.790071161181e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_1_0   count_2_1_0   1.000000000000e+00
    n_2_1_0   budget     4.140000000000e+00
    n_2_1_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_2_1_2   count_2_1_2   1.000000000000e+00
    n_2_1_2   max_gpus_2   1.000000000000e+00
    n_2_1_2   budget     1.790000000000e+00
    n_2_1_2   OBJ        1.790071161181e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_0   count_3_0_0   1.000000000000e+00
    n_3_0_0   budget     4.140000000000e+00
    n_3_0_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_1   count_3_0_1   1.000000000000e+00
    n_3_0_1   budget     2.820000000000e+00
    n_3_0_1   OBJ        2.820071407397e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_3_0_2   count_3_0_2   1.000000000000e+00
    n_3_0_2   max_gpus_2   1.000000000000e+00
    n_3_0_2   budget     1.790000000000e+00
    n_3_0_2   OBJ        1.790071161181e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_0   count_4_0_0   1.000000000000e+00
    n_4_0_0   budget     4.140000000000e+00
    n_4_0_0   OBJ        4.140141583717e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_1   count_4_0_1   1.000000000000e+00
    n_4_0_1   budget     2.820000000000e+00
    n_4_0_1   OBJ        2.820071407397e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    n_4_0_2   count_4_0_2   1.000000000000e+00
    n_4_0_2   max_gpus_2   1.000000000000e+00
    n_4_0_2   budget     1.790000000000e+00
    n_4_0_2   OBJ        1.790071161181e+00
    MARK      'MARKER'                 'INTEND'
    x_0_0_0   capacity_0_0_0   8.176060227468e+00
    x_0_0_0   share_0_0   1.000000000000e+00
    x_0_0_1   capacity_0_0_1   8.176060227468e+00
    x_0_0_1   share_0_0   1.000000000000e+00
    x_0_0_2   capacity_0_0_2   8.176060227468e+00
    x_0_0_2   share_0_0   1.000000000000e+00
    x_1_0_0   capacity_1_0_0   8.683631893501e+00
    x_1_0_0   share_1_0   1.000000000000e+00
    x_1_0_1   capacity_1_0_1   8.683631893501e+00
    x_1_0_1   share_1_0   1.000000000000e+00
    x_2_0_0   capacity_2_0_0   1.029419481621e+01
    x_2_0_0   share_2_0   1.000000000000e+00
    x_2_0_1   capacity_2_0_1   1.029419481621e+01
    x_2_0_1   share_2_0   1.000000000000e+00
    x_2_0_2   capacity_2_0_2   1.029419481621e+01
    x_2_0_2   share_2_0   1.000000000000e+00
    x_2_1_0   capacity_2_1_0   1.032386818280e+01
    x_2_1_0   share_2_1   1.000000000000e+00
    x_2_1_2   capacity_2_1_2   1.032386818280e+01
    x_2_1_2   share_2_1   1.000000000000e+00
    x_3_0_0   capacity_3_0_0   3.146754737567e+00
    x_3_0_0   share_3_0   1.000000000000e+00
    x_3_0_1   capacity_3_0_1   3.146754737567e+00
    x_3_0_1   share_3_0   1.000000000000e+00
    x_3_0_2   capacity_3_0_2   3.146754737567e+00
    x_3_0_2   share_3_0   1.000000000000e+00
    x_4_0_0   capacity_4_0_0   1.006401978507e+01
    x_4_0_0   share_4_0   1.000000000000e+00
    x_4_0_1   capacity_4_0_1   1.006401978507e+01
    x_4_0_1   share_4_0   1.000000000000e+00
    x_4_0_2   capacity_4_0_2   1.006401978507e+01
    x_4_0_2   share_4_0   1.000000000000e+00
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
    y_1       link_1_0_1  -1.000000000000e+00
    y_1       share_1_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_2       layout_choice   1.000000000000e+00
    y_2       link_2_0_0  -1.000000000000e+00
    y_2       link_2_0_1  -1.000000000000e+00
    y_2       link_2_0_2  -1.000000000000e+00
    y_2       link_2_1_0  -1.000000000000e+00
    y_2       link_2_1_2  -1.000000000000e+00
    y_2       share_2_0  -1.000000000000e+00
    y_2       share_2_1  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_3       layout_choice   1.000000000000e+00
    y_3       link_3_0_0  -1.000000000000e+00
    y_3       link_3_0_1  -1.000000000000e+00
    y_3       link_3_0_2  -1.000000000000e+00
    y_3       share_3_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    y_4       layout_choice   1.000000000000e+00
    y_4       link_4_0_0  -1.000000000000e+00
    y_4       link_4_0_1  -1.000000000000e+00
    y_4       link_4_0_2  -1.000000000000e+00
    y_4       share_4_0  -1.000000000000e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_1  link_0_0_0   1.000000000000e+00
    z_0_0_0_1  order_0_0_0_2  -1.000000000000e+00
    z_0_0_0_1  count_0_0_0  -1.000000000000e+00
    z_0_0_0_1  capacity_0_0_0  -2.878527901363e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_2  order_0_0_0_2   1.000000000000e+00
    z_0_0_0_2  order_0_0_0_3  -1.000000000000e+00
    z_0_0_0_2  count_0_0_0  -1.000000000000e+00
    z_0_0_0_2  capacity_0_0_0  -7.094428244186e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_3  order_0_0_0_3   1.000000000000e+00
    z_0_0_0_3  order_0_0_0_4  -1.000000000000e+00
    z_0_0_0_3  count_0_0_0  -1.000000000000e+00
    z_0_0_0_3  capacity_0_0_0  -3.669987916107e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_4  order_0_0_0_4   1.000000000000e+00
    z_0_0_0_4  order_0_0_0_5  -1.000000000000e+00
    z_0_0_0_4  count_0_0_0  -1.000000000000e+00
    z_0_0_0_4  capacity_0_0_0  -7.189418813692e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_5  order_0_0_0_5   1.000000000000e+00
    z_0_0_0_5  order_0_0_0_6  -1.000000000000e+00
    z_0_0_0_5  count_0_0_0  -1.000000000000e+00
    z_0_0_0_5  capacity_0_0_0  -5.385609342598e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_6  order_0_0_0_6   1.000000000000e+00
    z_0_0_0_6  order_0_0_0_7  -1.000000000000e+00
    z_0_0_0_6  count_0_0_0  -1.000000000000e+00
    z_0_0_0_6  capacity_0_0_0  -9.798498328439e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_0_7  order_0_0_0_7   1.000000000000e+00
    z_0_0_0_7  count_0_0_0  -1.000000000000e+00
    z_0_0_0_7  capacity_0_0_0  -4.058879052534e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_4  link_0_0_1   1.000000000000e+00
    z_0_0_1_4  order_0_0_1_5  -1.000000000000e+00
    z_0_0_1_4  count_0_0_1  -4.000000000000e+00
    z_0_0_1_4  capacity_0_0_1  -1.291239516199e-03
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_5  order_0_0_1_5   1.000000000000e+00
    z_0_0_1_5  order_0_0_1_6  -1.000000000000e+00
    z_0_0_1_5  count_0_0_1  -1.000000000000e+00
    z_0_0_1_5  capacity_0_0_1  -2.398692432084e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_1_6  order_0_0_1_6   1.000000000000e+00
    z_0_0_1_6  count_0_0_1  -1.000000000000e+00
    z_0_0_1_6  capacity_0_0_1  -2.430860048217e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_0_0_2_1  link_0_0_2   1.000000000000e+00
    z_0_0_2_1  count_0_0_2  -1.000000000000e+00
    z_0_0_2_1  capacity_0_0_2  -2.976625763192e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_3  link_1_0_0   1.000000000000e+00
    z_1_0_0_3  order_1_0_0_4  -1.000000000000e+00
    z_1_0_0_3  count_1_0_0  -3.000000000000e+00
    z_1_0_0_3  capacity_1_0_0  -3.463777834280e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_4  order_1_0_0_4   1.000000000000e+00
    z_1_0_0_4  order_1_0_0_5  -1.000000000000e+00
    z_1_0_0_4  count_1_0_0  -1.000000000000e+00
    z_1_0_0_4  capacity_1_0_0  -2.747450085089e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_5  order_1_0_0_5   1.000000000000e+00
    z_1_0_0_5  order_1_0_0_6  -1.000000000000e+00
    z_1_0_0_5  count_1_0_0  -1.000000000000e+00
    z_1_0_0_5  capacity_1_0_0  -3.018654910989e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_6  order_1_0_0_6   1.000000000000e+00
    z_1_0_0_6  order_1_0_0_7  -1.000000000000e+00
    z_1_0_0_6  count_1_0_0  -1.000000000000e+00
    z_1_0_0_6  capacity_1_0_0  -3.211300080085e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_0_7  order_1_0_0_7   1.000000000000e+00
    z_1_0_0_7  count_1_0_0  -1.000000000000e+00
    z_1_0_0_7  capacity_1_0_0  -3.357277209575e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_1  link_1_0_1   1.000000000000e+00
    z_1_0_1_1  order_1_0_1_2  -1.000000000000e+00
    z_1_0_1_1  count_1_0_1  -1.000000000000e+00
    z_1_0_1_1  capacity_1_0_1  -4.430812811117e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_10  order_1_0_1_10   1.000000000000e+00
    z_1_0_1_10  order_1_0_1_11  -1.000000000000e+00
    z_1_0_1_10  count_1_0_1  -1.000000000000e+00
    z_1_0_1_10  capacity_1_0_1  -4.554407298776e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_11  order_1_0_1_11   1.000000000000e+00
    z_1_0_1_11  order_1_0_1_12  -1.000000000000e+00
    z_1_0_1_11  count_1_0_1  -1.000000000000e+00
    z_1_0_1_11  capacity_1_0_1  -4.555577340141e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_12  order_1_0_1_12   1.000000000000e+00
    z_1_0_1_12  order_1_0_1_13  -1.000000000000e+00
    z_1_0_1_12  count_1_0_1  -1.000000000000e+00
    z_1_0_1_12  capacity_1_0_1  -4.556590959852e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_13  order_1_0_1_13   1.000000000000e+00
    z_1_0_1_13  order_1_0_1_14  -1.000000000000e+00
    z_1_0_1_13  count_1_0_1  -1.000000000000e+00
    z_1_0_1_13  capacity_1_0_1  -4.557480185635e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_14  order_1_0_1_14   1.000000000000e+00
    z_1_0_1_14  order_1_0_1_15  -1.000000000000e+00
    z_1_0_1_14  count_1_0_1  -1.000000000000e+00
    z_1_0_1_14  capacity_1_0_1  -4.558268553297e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_15  order_1_0_1_15   1.000000000000e+00
    z_1_0_1_15  order_1_0_1_16  -1.000000000000e+00
    z_1_0_1_15  count_1_0_1  -1.000000000000e+00
    z_1_0_1_15  capacity_1_0_1  -4.558973799408e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_16  order_1_0_1_16   1.000000000000e+00
    z_1_0_1_16  order_1_0_1_17  -1.000000000000e+00
    z_1_0_1_16  count_1_0_1  -1.000000000000e+00
    z_1_0_1_16  capacity_1_0_1  -4.559609578589e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_17  order_1_0_1_17   1.000000000000e+00
    z_1_0_1_17  count_1_0_1  -1.000000000000e+00
    z_1_0_1_17  capacity_1_0_1  -4.560186597370e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_2  order_1_0_1_2   1.000000000000e+00
    z_1_0_1_2  order_1_0_1_3  -1.000000000000e+00
    z_1_0_1_2  count_1_0_1  -1.000000000000e+00
    z_1_0_1_2  capacity_1_0_1  -4.517237597939e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_3  order_1_0_1_3   1.000000000000e+00
    z_1_0_1_3  order_1_0_1_4  -1.000000000000e+00
    z_1_0_1_3  count_1_0_1  -1.000000000000e+00
    z_1_0_1_3  capacity_1_0_1  -4.531456607004e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_4  order_1_0_1_4   1.000000000000e+00
    z_1_0_1_4  order_1_0_1_5  -1.000000000000e+00
    z_1_0_1_4  count_1_0_1  -1.000000000000e+00
    z_1_0_1_4  capacity_1_0_1  -4.538816907701e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_5  order_1_0_1_5   1.000000000000e+00
    z_1_0_1_5  order_1_0_1_6  -1.000000000000e+00
    z_1_0_1_5  count_1_0_1  -1.000000000000e+00
    z_1_0_1_5  capacity_1_0_1  -4.543520545455e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_6  order_1_0_1_6   1.000000000000e+00
    z_1_0_1_6  order_1_0_1_7  -1.000000000000e+00
    z_1_0_1_6  count_1_0_1  -1.000000000000e+00
    z_1_0_1_6  capacity_1_0_1  -4.546861684713e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_7  order_1_0_1_7   1.000000000000e+00
    z_1_0_1_7  order_1_0_1_8  -1.000000000000e+00
    z_1_0_1_7  count_1_0_1  -1.000000000000e+00
    z_1_0_1_7  capacity_1_0_1  -4.549393437366e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_8  order_1_0_1_8   1.000000000000e+00
    z_1_0_1_8  order_1_0_1_9  -1.000000000000e+00
    z_1_0_1_8  count_1_0_1  -1.000000000000e+00
    z_1_0_1_8  capacity_1_0_1  -4.551397829871e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_1_0_1_9  order_1_0_1_9   1.000000000000e+00
    z_1_0_1_9  order_1_0_1_10  -1.000000000000e+00
    z_1_0_1_9  count_1_0_1  -1.000000000000e+00
    z_1_0_1_9  capacity_1_0_1  -4.553035916766e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_1  link_2_0_0   1.000000000000e+00
    z_2_0_0_1  order_2_0_0_2  -1.000000000000e+00
    z_2_0_0_1  count_2_0_0  -1.000000000000e+00
    z_2_0_0_1  capacity_2_0_0  -4.441194665550e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_2  order_2_0_0_2   1.000000000000e+00
    z_2_0_0_2  order_2_0_0_3  -1.000000000000e+00
    z_2_0_0_2  count_2_0_0  -1.000000000000e+00
    z_2_0_0_2  capacity_2_0_0  -6.195549662235e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_3  order_2_0_0_3   1.000000000000e+00
    z_2_0_0_3  order_2_0_0_4  -1.000000000000e+00
    z_2_0_0_3  count_2_0_0  -1.000000000000e+00
    z_2_0_0_3  capacity_2_0_0  -6.578162826502e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_4  order_2_0_0_4   1.000000000000e+00
    z_2_0_0_4  order_2_0_0_5  -1.000000000000e+00
    z_2_0_0_4  count_2_0_0  -1.000000000000e+00
    z_2_0_0_4  capacity_2_0_0  -5.493346210322e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_5  order_2_0_0_5   1.000000000000e+00
    z_2_0_0_5  order_2_0_0_6  -1.000000000000e+00
    z_2_0_0_5  count_2_0_0  -1.000000000000e+00
    z_2_0_0_5  capacity_2_0_0  -4.181139303000e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_6  order_2_0_0_6   1.000000000000e+00
    z_2_0_0_6  order_2_0_0_7  -1.000000000000e+00
    z_2_0_0_6  count_2_0_0  -1.000000000000e+00
    z_2_0_0_6  capacity_2_0_0  -6.683160803949e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_7  order_2_0_0_7   1.000000000000e+00
    z_2_0_0_7  order_2_0_0_8  -1.000000000000e+00
    z_2_0_0_7  count_2_0_0  -1.000000000000e+00
    z_2_0_0_7  capacity_2_0_0  -3.586280421868e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_0_8  order_2_0_0_8   1.000000000000e+00
    z_2_0_0_8  count_2_0_0  -1.000000000000e+00
    z_2_0_0_8  capacity_2_0_0  -7.089806730159e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_1  link_2_0_1   1.000000000000e+00
    z_2_0_1_1  order_2_0_1_2  -1.000000000000e+00
    z_2_0_1_1  count_2_0_1  -1.000000000000e+00
    z_2_0_1_1  capacity_2_0_1  -5.460072130192e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_10  order_2_0_1_10   1.000000000000e+00
    z_2_0_1_10  order_2_0_1_11  -1.000000000000e+00
    z_2_0_1_10  count_2_0_1  -1.000000000000e+00
    z_2_0_1_10  capacity_2_0_1  -7.651026207607e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_11  order_2_0_1_11   1.000000000000e+00
    z_2_0_1_11  order_2_0_1_12  -1.000000000000e+00
    z_2_0_1_11  count_2_0_1  -1.000000000000e+00
    z_2_0_1_11  capacity_2_0_1  -7.671767479712e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_12  order_2_0_1_12   1.000000000000e+00
    z_2_0_1_12  order_2_0_1_13  -1.000000000000e+00
    z_2_0_1_12  count_2_0_1  -1.000000000000e+00
    z_2_0_1_12  capacity_2_0_1  -7.689735872010e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_13  order_2_0_1_13   1.000000000000e+00
    z_2_0_1_13  order_2_0_1_14  -1.000000000000e+00
    z_2_0_1_13  count_2_0_1  -1.000000000000e+00
    z_2_0_1_13  capacity_2_0_1  -7.705499138564e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_14  order_2_0_1_14   1.000000000000e+00
    z_2_0_1_14  count_2_0_1  -1.000000000000e+00
    z_2_0_1_14  capacity_2_0_1  -7.719474497640e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_2  order_2_0_1_2   1.000000000000e+00
    z_2_0_1_2  order_2_0_1_3  -1.000000000000e+00
    z_2_0_1_2  count_2_0_1  -1.000000000000e+00
    z_2_0_1_2  capacity_2_0_1  -6.992120546462e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_3  order_2_0_1_3   1.000000000000e+00
    z_2_0_1_3  order_2_0_1_4  -1.000000000000e+00
    z_2_0_1_3  count_2_0_1  -1.000000000000e+00
    z_2_0_1_3  capacity_2_0_1  -7.244180298299e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_4  order_2_0_1_4   1.000000000000e+00
    z_2_0_1_4  order_2_0_1_5  -1.000000000000e+00
    z_2_0_1_4  count_2_0_1  -1.000000000000e+00
    z_2_0_1_4  capacity_2_0_1  -7.374656026857e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_5  order_2_0_1_5   1.000000000000e+00
    z_2_0_1_5  order_2_0_1_6  -1.000000000000e+00
    z_2_0_1_5  count_2_0_1  -1.000000000000e+00
    z_2_0_1_5  capacity_2_0_1  -7.458037207620e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_6  order_2_0_1_6   1.000000000000e+00
    z_2_0_1_6  order_2_0_1_7  -1.000000000000e+00
    z_2_0_1_6  count_2_0_1  -1.000000000000e+00
    z_2_0_1_6  capacity_2_0_1  -7.517265437111e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_7  order_2_0_1_7   1.000000000000e+00
    z_2_0_1_7  order_2_0_1_8  -1.000000000000e+00
    z_2_0_1_7  count_2_0_1  -1.000000000000e+00
    z_2_0_1_7  capacity_2_0_1  -7.562145705672e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_8  order_2_0_1_8   1.000000000000e+00
    z_2_0_1_8  order_2_0_1_9  -1.000000000000e+00
    z_2_0_1_8  count_2_0_1  -1.000000000000e+00
    z_2_0_1_8  capacity_2_0_1  -7.597677483947e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_1_9  order_2_0_1_9   1.000000000000e+00
    z_2_0_1_9  order_2_0_1_10  -1.000000000000e+00
    z_2_0_1_9  count_2_0_1  -1.000000000000e+00
    z_2_0_1_9  capacity_2_0_1  -7.626715778693e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_0_2_1  link_2_0_2   1.000000000000e+00
    z_2_0_2_1  count_2_0_2  -1.000000000000e+00
    z_2_0_2_1  capacity_2_0_2  -1.002801138881e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_1  link_2_1_0   1.000000000000e+00
    z_2_1_0_1  order_2_1_0_2  -1.000000000000e+00
    z_2_1_0_1  count_2_1_0  -1.000000000000e+00
    z_2_1_0_1  capacity_2_1_0  -3.715917883534e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_10  order_2_1_0_10   1.000000000000e+00
    z_2_1_0_10  order_2_1_0_11  -1.000000000000e+00
    z_2_1_0_10  count_2_1_0  -1.000000000000e+00
    z_2_1_0_10  capacity_2_1_0  -2.838430212101e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_11  order_2_1_0_11   1.000000000000e+00
    z_2_1_0_11  order_2_1_0_12  -1.000000000000e+00
    z_2_1_0_11  count_2_1_0  -1.000000000000e+00
    z_2_1_0_11  capacity_2_1_0  -3.939391465614e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_12  order_2_1_0_12   1.000000000000e+00
    z_2_1_0_12  order_2_1_0_13  -1.000000000000e+00
    z_2_1_0_12  count_2_1_0  -1.000000000000e+00
    z_2_1_0_12  capacity_2_1_0  -2.512832717363e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_13  order_2_1_0_13   1.000000000000e+00
    z_2_1_0_13  order_2_1_0_14  -1.000000000000e+00
    z_2_1_0_13  count_2_1_0  -1.000000000000e+00
    z_2_1_0_13  capacity_2_1_0  -5.985572510862e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_14  order_2_1_0_14   1.000000000000e+00
    z_2_1_0_14  order_2_1_0_15  -1.000000000000e+00
    z_2_1_0_14  count_2_1_0  -1.000000000000e+00
    z_2_1_0_14  capacity_2_1_0  -5.887009578381e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_15  order_2_1_0_15   1.000000000000e+00
    z_2_1_0_15  order_2_1_0_16  -1.000000000000e+00
    z_2_1_0_15  count_2_1_0  -1.000000000000e+00
    z_2_1_0_15  capacity_2_1_0  -2.847533382979e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_16  order_2_1_0_16   1.000000000000e+00
    z_2_1_0_16  order_2_1_0_17  -1.000000000000e+00
    z_2_1_0_16  count_2_1_0  -1.000000000000e+00
    z_2_1_0_16  capacity_2_1_0  -4.590277842020e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_17  order_2_1_0_17   1.000000000000e+00
    z_2_1_0_17  order_2_1_0_18  -1.000000000000e+00
    z_2_1_0_17  count_2_1_0  -1.000000000000e+00
    z_2_1_0_17  capacity_2_1_0  -3.400896885063e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_18  order_2_1_0_18   1.000000000000e+00
    z_2_1_0_18  order_2_1_0_19  -1.000000000000e+00
    z_2_1_0_18  count_2_1_0  -1.000000000000e+00
    z_2_1_0_18  capacity_2_1_0  -4.464060741521e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_19  order_2_1_0_19   1.000000000000e+00
    z_2_1_0_19  count_2_1_0  -1.000000000000e+00
    z_2_1_0_19  capacity_2_1_0  -4.755298538307e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_2  order_2_1_0_2   1.000000000000e+00
    z_2_1_0_2  order_2_1_0_3  -1.000000000000e+00
    z_2_1_0_2  count_2_1_0  -1.000000000000e+00
    z_2_1_0_2  capacity_2_1_0  -2.984076207079e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_3  order_2_1_0_3   1.000000000000e+00
    z_2_1_0_3  order_2_1_0_4  -1.000000000000e+00
    z_2_1_0_3  count_2_1_0  -1.000000000000e+00
    z_2_1_0_3  capacity_2_1_0  -4.134722254166e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_4  order_2_1_0_4   1.000000000000e+00
    z_2_1_0_4  order_2_1_0_5  -1.000000000000e+00
    z_2_1_0_4  count_2_1_0  -1.000000000000e+00
    z_2_1_0_4  capacity_2_1_0  -5.549576361728e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_5  order_2_1_0_5   1.000000000000e+00
    z_2_1_0_5  order_2_1_0_6  -1.000000000000e+00
    z_2_1_0_5  count_2_1_0  -1.000000000000e+00
    z_2_1_0_5  capacity_2_1_0  -5.699726883146e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_6  order_2_1_0_6   1.000000000000e+00
    z_2_1_0_6  order_2_1_0_7  -1.000000000000e+00
    z_2_1_0_6  count_2_1_0  -1.000000000000e+00
    z_2_1_0_6  capacity_2_1_0  -3.392314120360e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_7  order_2_1_0_7   1.000000000000e+00
    z_2_1_0_7  order_2_1_0_8  -1.000000000000e+00
    z_2_1_0_7  count_2_1_0  -1.000000000000e+00
    z_2_1_0_7  capacity_2_1_0  -6.213739344863e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_8  order_2_1_0_8   1.000000000000e+00
    z_2_1_0_8  order_2_1_0_9  -1.000000000000e+00
    z_2_1_0_8  count_2_1_0  -1.000000000000e+00
    z_2_1_0_8  capacity_2_1_0  -2.909890512441e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_0_9  order_2_1_0_9   1.000000000000e+00
    z_2_1_0_9  order_2_1_0_10  -1.000000000000e+00
    z_2_1_0_9  count_2_1_0  -1.000000000000e+00
    z_2_1_0_9  capacity_2_1_0  -5.662058725622e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_2_1_2_1  link_2_1_2   1.000000000000e+00
    z_2_1_2_1  count_2_1_2  -1.000000000000e+00
    z_2_1_2_1  capacity_2_1_2  -2.694693111572e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_1  link_3_0_0   1.000000000000e+00
    z_3_0_0_1  order_3_0_0_2  -1.000000000000e+00
    z_3_0_0_1  count_3_0_0  -1.000000000000e+00
    z_3_0_0_1  capacity_3_0_0  -7.230633133457e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_2  order_3_0_0_2   1.000000000000e+00
    z_3_0_0_2  order_3_0_0_3  -1.000000000000e+00
    z_3_0_0_2  count_3_0_0  -1.000000000000e+00
    z_3_0_0_2  capacity_3_0_0  -3.821434879455e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_0_3  order_3_0_0_3   1.000000000000e+00
    z_3_0_0_3  count_3_0_0  -1.000000000000e+00
    z_3_0_0_3  capacity_3_0_0  -4.331193422172e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_10  order_3_0_1_10   1.000000000000e+00
    z_3_0_1_10  order_3_0_1_11  -1.000000000000e+00
    z_3_0_1_10  count_3_0_1  -1.000000000000e+00
    z_3_0_1_10  capacity_3_0_1  -3.813051023307e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_11  order_3_0_1_11   1.000000000000e+00
    z_3_0_1_11  order_3_0_1_12  -1.000000000000e+00
    z_3_0_1_11  count_3_0_1  -1.000000000000e+00
    z_3_0_1_11  capacity_3_0_1  -3.881178632328e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_12  order_3_0_1_12   1.000000000000e+00
    z_3_0_1_12  count_3_0_1  -1.000000000000e+00
    z_3_0_1_12  capacity_3_0_1  -3.940198329821e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_3  link_3_0_1   1.000000000000e+00
    z_3_0_1_3  order_3_0_1_4  -1.000000000000e+00
    z_3_0_1_3  count_3_0_1  -3.000000000000e+00
    z_3_0_1_3  capacity_3_0_1  -7.420478995545e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_4  order_3_0_1_4   1.000000000000e+00
    z_3_0_1_4  order_3_0_1_5  -1.000000000000e+00
    z_3_0_1_4  count_3_0_1  -1.000000000000e+00
    z_3_0_1_4  capacity_3_0_1  -2.905274512595e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_5  order_3_0_1_5   1.000000000000e+00
    z_3_0_1_5  order_3_0_1_6  -1.000000000000e+00
    z_3_0_1_5  count_3_0_1  -1.000000000000e+00
    z_3_0_1_5  capacity_3_0_1  -3.179151662173e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_6  order_3_0_1_6   1.000000000000e+00
    z_3_0_1_6  order_3_0_1_7  -1.000000000000e+00
    z_3_0_1_6  count_3_0_1  -1.000000000000e+00
    z_3_0_1_6  capacity_3_0_1  -3.373695065362e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_7  order_3_0_1_7   1.000000000000e+00
    z_3_0_1_7  order_3_0_1_8  -1.000000000000e+00
    z_3_0_1_7  count_3_0_1  -1.000000000000e+00
    z_3_0_1_7  capacity_3_0_1  -3.521110584226e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_8  order_3_0_1_8   1.000000000000e+00
    z_3_0_1_8  order_3_0_1_9  -1.000000000000e+00
    z_3_0_1_8  count_3_0_1  -1.000000000000e+00
    z_3_0_1_8  capacity_3_0_1  -3.637819679305e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_1_9  order_3_0_1_9   1.000000000000e+00
    z_3_0_1_9  order_3_0_1_10  -1.000000000000e+00
    z_3_0_1_9  count_3_0_1  -1.000000000000e+00
    z_3_0_1_9  capacity_3_0_1  -3.733200019580e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_3_0_2_1  link_3_0_2   1.000000000000e+00
    z_3_0_2_1  count_3_0_2  -1.000000000000e+00
    z_3_0_2_1  capacity_3_0_2  -2.261357729330e+00
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_1  link_4_0_0   1.000000000000e+00
    z_4_0_0_1  order_4_0_0_2  -1.000000000000e+00
    z_4_0_0_1  count_4_0_0  -1.000000000000e+00
    z_4_0_0_1  capacity_4_0_0  -5.543950103165e-02
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_10  order_4_0_0_10   1.000000000000e+00
    z_4_0_0_10  order_4_0_0_11  -1.000000000000e+00
    z_4_0_0_10  count_4_0_0  -1.000000000000e+00
    z_4_0_0_10  capacity_4_0_0  -7.010540789841e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_11  order_4_0_0_11   1.000000000000e+00
    z_4_0_0_11  order_4_0_0_12  -1.000000000000e+00
    z_4_0_0_11  count_4_0_0  -1.000000000000e+00
    z_4_0_0_11  capacity_4_0_0  -7.918498395278e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_12  order_4_0_0_12   1.000000000000e+00
    z_4_0_0_12  count_4_0_0  -1.000000000000e+00
    z_4_0_0_12  capacity_4_0_0  -6.648312397880e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_2  order_4_0_0_2   1.000000000000e+00
    z_4_0_0_2  order_4_0_0_3  -1.000000000000e+00
    z_4_0_0_2  count_4_0_0  -1.000000000000e+00
    z_4_0_0_2  capacity_4_0_0  -2.549881971804e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_3  order_4_0_0_3   1.000000000000e+00
    z_4_0_0_3  order_4_0_0_4  -1.000000000000e+00
    z_4_0_0_3  count_4_0_0  -1.000000000000e+00
    z_4_0_0_3  capacity_4_0_0  -2.879358063234e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_4  order_4_0_0_4   1.000000000000e+00
    z_4_0_0_4  order_4_0_0_5  -1.000000000000e+00
    z_4_0_0_4  count_4_0_0  -1.000000000000e+00
    z_4_0_0_4  capacity_4_0_0  -5.819069916304e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_5  order_4_0_0_5   1.000000000000e+00
    z_4_0_0_5  order_4_0_0_6  -1.000000000000e+00
    z_4_0_0_5  count_4_0_0  -1.000000000000e+00
    z_4_0_0_5  capacity_4_0_0  -5.737530958163e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_6  order_4_0_0_6   1.000000000000e+00
    z_4_0_0_6  order_4_0_0_7  -1.000000000000e+00
    z_4_0_0_6  count_4_0_0  -1.000000000000e+00
    z_4_0_0_6  capacity_4_0_0  -8.037593338276e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_7  order_4_0_0_7   1.000000000000e+00
    z_4_0_0_7  order_4_0_0_8  -1.000000000000e+00
    z_4_0_0_7  count_4_0_0  -1.000000000000e+00
    z_4_0_0_7  capacity_4_0_0  -3.197947488933e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_8  order_4_0_0_8   1.000000000000e+00
    z_4_0_0_8  order_4_0_0_9  -1.000000000000e+00
    z_4_0_0_8  count_4_0_0  -1.000000000000e+00
    z_4_0_0_8  capacity_4_0_0  -6.598075877930e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_0_9  order_4_0_0_9   1.000000000000e+00
    z_4_0_0_9  order_4_0_0_10  -1.000000000000e+00
    z_4_0_0_9  count_4_0_0  -1.000000000000e+00
    z_4_0_0_9  capacity_4_0_0  -6.261010725679e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_10  order_4_0_1_10   1.000000000000e+00
    z_4_0_1_10  order_4_0_1_11  -1.000000000000e+00
    z_4_0_1_10  count_4_0_1  -1.000000000000e+00
    z_4_0_1_10  capacity_4_0_1  -2.728955487191e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_11  order_4_0_1_11   1.000000000000e+00
    z_4_0_1_11  count_4_0_1  -1.000000000000e+00
    z_4_0_1_11  capacity_4_0_1  -2.608824981814e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_2  link_4_0_1   1.000000000000e+00
    z_4_0_1_2  order_4_0_1_3  -1.000000000000e+00
    z_4_0_1_2  count_4_0_1  -2.000000000000e+00
    z_4_0_1_2  capacity_4_0_1  -2.446057889576e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_3  order_4_0_1_3   1.000000000000e+00
    z_4_0_1_3  order_4_0_1_4  -1.000000000000e+00
    z_4_0_1_3  count_4_0_1  -1.000000000000e+00
    z_4_0_1_3  capacity_4_0_1  -2.670714757245e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_4  order_4_0_1_4   1.000000000000e+00
    z_4_0_1_4  order_4_0_1_5  -1.000000000000e+00
    z_4_0_1_4  count_4_0_1  -1.000000000000e+00
    z_4_0_1_4  capacity_4_0_1  -6.298179783153e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_5  order_4_0_1_5   1.000000000000e+00
    z_4_0_1_5  order_4_0_1_6  -1.000000000000e+00
    z_4_0_1_5  count_4_0_1  -1.000000000000e+00
    z_4_0_1_5  capacity_4_0_1  -5.555444421234e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_6  order_4_0_1_6   1.000000000000e+00
    z_4_0_1_6  order_4_0_1_7  -1.000000000000e+00
    z_4_0_1_6  count_4_0_1  -1.000000000000e+00
    z_4_0_1_6  capacity_4_0_1  -6.725238042299e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_7  order_4_0_1_7   1.000000000000e+00
    z_4_0_1_7  order_4_0_1_8  -1.000000000000e+00
    z_4_0_1_7  count_4_0_1  -1.000000000000e+00
    z_4_0_1_7  capacity_4_0_1  -3.767649163821e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_8  order_4_0_1_8   1.000000000000e+00
    z_4_0_1_8  order_4_0_1_9  -1.000000000000e+00
    z_4_0_1_8  count_4_0_1  -1.000000000000e+00
    z_4_0_1_8  capacity_4_0_1  -4.570214715496e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_1_9  order_4_0_1_9   1.000000000000e+00
    z_4_0_1_9  order_4_0_1_10  -1.000000000000e+00
    z_4_0_1_9  count_4_0_1  -1.000000000000e+00
    z_4_0_1_9  capacity_4_0_1  -3.749626677363e-01
    MARK      'MARKER'                 'INTEND'
    MARK      'MARKER'                 'INTORG'
    z_4_0_2_1  link_4_0_2   1.000000000000e+00
    z_4_0_2_1  count_4_0_2  -1.000000000000e+00
    z_4_0_2_1  capacity_4_0_2  -3.584955001003e+00
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
    RHS       count_0_0_0   0.000000000000e+00
    RHS       capacity_0_0_0   0.000000000000e+00
    RHS       link_0_0_1   0.000000000000e+00
    RHS       order_0_0_1_5   0.000000000000e+00
    RHS       order_0_0_1_6   0.000000000000e+00
    RHS       count_0_0_1   0.000000000000e+00
    RHS       capacity_0_0_1   0.000000000000e+00
    RHS       link_0_0_2   0.000000000000e+00
    RHS       count_0_0_2   0.000000000000e+00
    RHS       capacity_0_0_2   0.000000000000e+00
    RHS       link_1_0_0   0.000000000000e+00
    RHS       order_1_0_0_4   0.000000000000e+00
    RHS       order_1_0_0_5   0.000000000000e+00
    RHS       order_1_0_0_6   0.000000000000e+00
    RHS       order_1_0_0_7   0.000000000000e+00
    RHS       count_1_0_0   0.000000000000e+00
    RHS       capacity_1_0_0   0.000000000000e+00
    RHS       link_1_0_1   0.000000000000e+00
    RHS       order_1_0_1_2   0.000000000000e+00
    RHS       order_1_0_1_3   0.000000000000e+00
    RHS       order_1_0_1_4   0.000000000000e+00
    RHS       order_1_0_1_5   0.000000000000e+00
    RHS       order_1_0_1_6   0.000000000000e+00
    RHS       order_1_0_1_7   0.000000000000e+00
    RHS       order_1_0_1_8   0.000000000000e+00
    RHS       order_1_0_1_9   0.000000000000e+00
    RHS       order_1_0_1_10   0.000000000000e+00
    RHS       order_1_0_1_11   0.000000000000e+00
    RHS       order_1_0_1_12   0.000000000000e+00
    RHS       order_1_0_1_13   0.000000000000e+00
    RHS       order_1_0_1_14   0.000000000000e+00
    RHS       order_1_0_1_15   0.000000000000e+00
    RHS       order_1_0_1_16   0.000000000000e+00
    RHS       order_1_0_1_17   0.000000000000e+00
    RHS       count_1_0_1   0.000000000000e+00
    RHS       capacity_1_0_1   0.000000000000e+00
    RHS       link_2_0_0   0.000000000000e+00
    RHS       order_2_0_0_2   0.000000000000e+00
    RHS       order_2_0_0_3   0.000000000000e+00
    RHS       order_2_0_0_4   0.000000000000e+00
    RHS       order_2_0_0_5   0.000000000000e+00
    RHS       order_2_0_0_6   0.000000000000e+00
    RHS       order_2_0_0_7   0.000000000000e+00
    RHS       order_2_0_0_8   0.000000000000e+00
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
    RHS       order_2_0_1_9   0.000000000000e+00
    RHS       order_2_0_1_10   0.000000000000e+00
    RHS       order_2_0_1_11   0.000000000000e+00
    RHS       order_2_0_1_12   0.000000000000e+00
    RHS       order_2_0_1_13   0.000000000000e+00
    RHS       order_2_0_1_14   0.000000000000e+00
    RHS       count_2_0_1   0.000000000000e+00
    RHS       capacity_2_0_1   0.000000000000e+00
    RHS       link_2_0_2   0.000000000000e+00
    RHS       count_2_0_2   0.000000000000e+00
    RHS       capacity_2_0_2   0.000000000000e+00
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
    RHS       order_2_1_0_11   0.000000000000e+00
    RHS       order_2_1_0_12   0.000000000000e+00
    RHS       order_2_1_0_13   0.000000000000e+00
    RHS       order_2_1_0_14   0.000000000000e+00
    RHS       order_2_1_0_15   0.000000000000e+00
    RHS       order_2_1_0_16   0.000000000000e+00
    RHS       order_2_1_0_17   0.000000000000e+00
    RHS       order_2_1_0_18   0.000000000000e+00
    RHS       order_2_1_0_19   0.000000000000e+00
    RHS       count_2_1_0   0.000000000000e+00
    RHS       capacity_2_1_0   0.000000000000e+00
    RHS       link_2_1_2   0.000000000000e+00
    RHS       count_2_1_2   0.000000000000e+00
    RHS       capacity_2_1_2   0.000000000000e+00
    RHS       link_3_0_0   0.000000000000e+00
    RHS       order_3_0_0_2   0.000000000000e+00
    RHS       order_3_0_0_3   0.000000000000e+00
    RHS       count_3_0_0   0.000000000000e+00
    RHS       capacity_3_0_0   0.000000000000e+00
    RHS       link_3_0_1   0.000000000000e+00
    RHS       order_3_0_1_4   0.000000000000e+00
    RHS       order_3_0_1_5   0.000000000000e+00
    RHS       order_3_0_1_6   0.000000000000e+00
    RHS       order_3_0_1_7   0.000000000000e+00
    RHS       order_3_0_1_8   0.000000000000e+00
    RHS       order_3_0_1_9   0.000000000000e+00
    RHS       order_3_0_1_10   0.000000000000e+00
    RHS       order_3_0_1_11   0.000000000000e+00
    RHS       order_3_0_1_12   0.000000000000e+00
    RHS       count_3_0_1   0.000000000000e+00
    RHS       capacity_3_0_1   0.000000000000e+00
    RHS       link_3_0_2   0.000000000000e+00
    RHS       count_3_0_2   0.000000000000e+00
    RHS       capacity_3_0_2   0.000000000000e+00
    RHS       link_4_0_0   0.000000000000e+00
    RHS       order_4_0_0_2   0.000000000000e+00
    RHS       order_4_0_0_3   0.000000000000e+00
    RHS       order_4_0_0_4   0.000000000000e+00
    RHS       order_4_0_0_5   0.000000000000e+00
    RHS       order_4_0_0_6   0.000000000000e+00
    RHS       order_4_0_0_7   0.000000000000e+00
    RHS       order_4_0_0_8   0.000000000000e+00
    RHS       order_4_0_0_9   0.000000000000e+00
    RHS       order_4_0_0_10   0.000000000000e+00
    RHS       order_4_0_0_11   0.000000000000e+00
    RHS       order_4_0_0_12   0.000000000000e+00
    RHS       count_4_0_0   0.000000000000e+00
    RHS       capacity_4_0_0   0.000000000000e+00
    RHS       link_4_0_1   0.000000000000e+00
    RHS       order_4_0_1_3   0.000000000000e+00
    RHS       order_4_0_1_4   0.000000000000e+00
    RHS       order_4_0_1_5   0.000000000000e+00
    RHS       order_4_0_1_6   0.000000000000e+00
    RHS       order_4_0_1_7   0.000000000000e+00
    RHS       order_4_0_1_8   0.000000000000e+00
    RHS       order_4_0_1_9   0.000000000000e+00
    RHS       order_4_0_1_10   0.000000000000e+00
    RHS       order_4_0_1_11   0.000000000000e+00
    RHS       count_4_0_1   0.000000000000e+00
    RHS       capacity_4_0_1   0.000000000000e+00
    RHS       link_4_0_2   0.000000000000e+00
    RHS       count_4_0_2   0.000000000000e+00
    RHS       capacity_4_0_2   0.000000000000e+00
    RHS       share_0_0   0.000000000000e+00
    RHS       share_1_0   0.000000000000e+00
    RHS       share_2_0   0.000000000000e+00
    RHS       share_2_1   0.000000000000e+00
    RHS       share_3_0   0.000000000000e+00
    RHS       share_4_0   0.000000000000e+00
    RHS       max_gpus_2   1.000000000000e+00
    RHS       budget     4.228594886887e+01
BOUNDS
 UP BND       n_0_0_0    7.000000000000e+00
 UP BND       n_0_0_1    6.000000000000e+00
 BV BND       n_0_0_2 
 UP BND       n_1_0_0    7.000000000000e+00
 UP BND       n_1_0_1    1.700000000000e+01
 UP BND       n_2_0_0    8.000000000000e+00
 UP BND       n_2_0_1    1.400000000000e+01
 BV BND       n_2_0_2 
 UP BND       n_2_1_0    1.900000000000e+01
 BV BND       n_2_1_2 
 UP BND       n_3_0_0    3.000000000000e+00
 UP BND       n_3_0_1    1.200000000000e+01
 BV BND       n_3_0_2 
 UP BND       n_4_0_0    1.200000000000e+01
 UP BND       n_4_0_1    1.100000000000e+01
 BV BND       n_4_0_2 
 UP BND       x_0_0_0    1.000000000000e+00
 UP BND       x_0_0_1    1.000000000000e+00
 UP BND       x_0_0_2    1.000000000000e+00
 UP BND       x_1_0_0    1.000000000000e+00
 UP BND       x_1_0_1    1.000000000000e+00
 UP BND       x_2_0_0    1.000000000000e+00
 UP BND       x_2_0_1    1.000000000000e+00
 UP BND       x_2_0_2    1.000000000000e+00
 UP BND       x_2_1_0    1.000000000000e+00
 UP BND       x_2_1_2    1.000000000000e+00
 UP BND       x_3_0_0    1.000000000000e+00
 UP BND       x_3_0_1    1.000000000000e+00
 UP BND       x_3_0_2    1.000000000000e+00
 UP BND       x_4_0_0    1.000000000000e+00
 UP BND       x_4_0_1    1.000000000000e+00
 UP BND       x_4_0_2    1.000000000000e+00
 BV BND       y_0     
 BV BND       y_1     
 BV BND       y_2     
 BV BND       y_3     
 BV BND       y_4     
 BV BND       z_0_0_0_1
 BV BND       z_0_0_0_2
 BV BND       z_0_0_0_3
 BV BND       z_0_0_0_4
 BV BND       z_0_0_0_5
 BV BND       z_0_0_0_6
 BV BND       z_0_0_0_7
 BV BND       z_0_0_1_4
 BV BND       z_0_0_1_5
 BV BND       z_0_0_1_6
 BV BND       z_0_0_2_1
 BV BND       z_1_0_0_3
 BV BND       z_1_0_0_4
 BV BND       z_1_0_0_5
 BV BND       z_1_0_0_6
 BV BND       z_1_0_0_7
 BV BND       z_1_0_1_1
 BV BND       z_1_0_1_10
 BV BND       z_1_0_1_11
 BV BND       z_1_0_1_12
 BV BND       z_1_0_1_13
 BV BND       z_1_0_1_14
 BV BND       z_1_0_1_15
 BV BND       z_1_0_1_16
 BV BND       z_1_0_1_17
 BV BND       z_1_0_1_2
 BV BND       z_1_0_1_3
 BV BND       z_1_0_1_4
 BV BND       z_1_0_1_5
 BV BND       z_1_0_1_6
 BV BND       z_1_0_1_7
 BV BND       z_1_0_1_8
 BV BND       z_1_0_1_9
 BV BND       z_2_0_0_1
 BV BND       z_2_0_0_2
 BV BND       z_2_0_0_3
 BV BND       z_2_0_0_4
 BV BND       z_2_0_0_5
 BV BND       z_2_0_0_6
 BV BND       z_2_0_0_7
 BV BND       z_2_0_0_8
 BV BND       z_2_0_1_1
 BV BND       z_2_0_1_10
 BV BND       z_2_0_1_11
 BV BND       z_2_0_1_12
 BV BND       z_2_0_1_13
 BV BND       z_2_0_1_14
 BV BND       z_2_0_1_2
 BV BND       z_2_0_1_3
 BV BND       z_2_0_1_4
 BV BND       z_2_0_1_5
 BV BND       z_2_0_1_6
 BV BND       z_2_0_1_7
 BV BND       z_2_0_1_8
 BV BND       z_2_0_1_9
 BV BND       z_2_0_2_1
 BV BND       z_2_1_0_1
 BV BND       z_2_1_0_10
 BV BND       z_2_1_0_11
 BV BND       z_2_1_0_12
 BV BND       z_2_1_0_13
 BV BND       z_2_1_0_14
 BV BND       z_2_1_0_15
 BV BND       z_2_1_0_16
 BV BND       z_2_1_0_17
 BV BND       z_2_1_0_18
 BV BND       z_2_1_0_19
 BV BND       z_2_1_0_2
 BV BND       z_2_1_0_3
 BV BND       z_2_1_0_4
 BV BND       z_2_1_0_5
 BV BND       z_2_1_0_6
 BV BND       z_2_1_0_7
 BV BND       z_2_1_0_8
 BV BND       z_2_1_0_9
 BV BND       z_2_1_2_1
 BV BND       z_3_0_0_1
 BV BND       z_3_0_0_2
 BV BND       z_3_0_0_3
 BV BND       z_3_0_1_10
 BV BND       z_3_0_1_11
 BV BND       z_3_0_1_12
 BV BND       z_3_0_1_3
 BV BND       z_3_0_1_4
 BV BND       z_3_0_1_5
 BV BND       z_3_0_1_6
 BV BND       z_3_0_1_7
 BV BND       z_3_0_1_8
 BV BND       z_3_0_1_9
 BV BND       z_3_0_2_1
 BV BND       z_4_0_0_1
 BV BND       z_4_0_0_10
 BV BND       z_4_0_0_11
 BV BND       z_4_0_0_12
 BV BND       z_4_0_0_2
 BV BND       z_4_0_0_3
 BV BND       z_4_0_0_4
 BV BND       z_4_0_0_5
 BV BND       z_4_0_0_6
 BV BND       z_4_0_0_7
 BV BND       z_4_0_0_8
 BV BND       z_4_0_0_9
 BV BND       z_4_0_1_10
 BV BND       z_4_0_1_11
 BV BND       z_4_0_1_2
 BV BND       z_4_0_1_3
 BV BND       z_4_0_1_4
 BV BND       z_4_0_1_5
 BV BND       z_4_0_1_6
 BV BND       z_4_0_1_7
 BV BND       z_4_0_1_8
 BV BND       z_4_0_1_9
 BV BND       z_4_0_2_1
ENDATA
