"""Queueing maths (pure numpy/scipy; knows nothing of GPUs): Erlang B/C and M/M/c exact results,
M/G/c tail approximations, pool sizing and capacity tables.  See docs/queueing.md.

Examples
--------
>>> from optfleet.queueing import erlang_c
>>> round(float(erlang_c(10, 8.0)), 6)
0.40918
"""

from optfleet.queueing.capacity import Criterion, capacity_table, capacity_tables
from optfleet.queueing.erlang import (
    erlang_b,
    erlang_c,
    mmc_mean_wait_s,
    mmc_prob_wait,
    mmc_wait_quantile_s,
    mmc_wait_tail,
)
from optfleet.queueing.mgc import (
    SCV_FLOOR,
    fleet_sim_p99_wait_s,
    mgc_mean_wait_s,
    mgc_wait_quantile_s,
    mgc_wait_tail,
    ttft_quantile_s,
    ttft_tail_prob,
)
from optfleet.queueing.sizing import meets_slo, min_replicas

__all__ = [
    "SCV_FLOOR",
    "Criterion",
    "capacity_table",
    "capacity_tables",
    "erlang_b",
    "erlang_c",
    "fleet_sim_p99_wait_s",
    "meets_slo",
    "mgc_mean_wait_s",
    "mgc_wait_quantile_s",
    "mgc_wait_tail",
    "min_replicas",
    "mmc_mean_wait_s",
    "mmc_prob_wait",
    "mmc_wait_quantile_s",
    "mmc_wait_tail",
    "ttft_quantile_s",
    "ttft_tail_prob",
]
