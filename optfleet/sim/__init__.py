"""Discrete-event simulation of GPU fleets serving LLM requests.

One numba event core, two fidelity levels:

- ``level="slot"``: each replica is ``c`` servers; a request holds one for its whole service time
  (the M/G/c model behind the analytics), FCFS per replica, TTFT = wait + prefill.
- ``level="engine"``: continuous batching (vLLM-like): chunked prefill sharing iterations with
  decodes, iteration times from the profile's :class:`~optfleet.physics.IterationModel`, paged or
  reserved KV, ``max_num_seqs``, FCFS admission and preemption by recompute.

Entry point: :func:`simulate`.  See ``docs/simulation.md``.

Examples
--------
>>> from optfleet.physics import calibrated_profile
>>> from optfleet.sim import PoolSpec, simulate
>>> from optfleet.workloads import builtin_cdf, mix_from_cdf
>>> r = simulate(PoolSpec(calibrated_profile("H100"), 1, 8192), mix_from_cdf(builtin_cdf("azure")),
...              2.0, level="slot", n_requests=500, seed=0)
>>> r.fleet.arrivals
500
"""

from optfleet.sim.api import LEVELS, simulate
from optfleet.sim.results import Estimate, GroupStats, LatencyStats, RequestRecords, SimResult
from optfleet.sim.service import default_service, fleet_sim_service
from optfleet.sim.spec import (
    BALANCERS,
    ROUTERS,
    SERVICE_MODES,
    FailureSpec,
    FleetSpec,
    PoolSpec,
    Requests,
    RouterSpec,
)

__all__ = [
    "BALANCERS",
    "LEVELS",
    "ROUTERS",
    "SERVICE_MODES",
    "Estimate",
    "FailureSpec",
    "FleetSpec",
    "GroupStats",
    "LatencyStats",
    "PoolSpec",
    "RequestRecords",
    "Requests",
    "RouterSpec",
    "SimResult",
    "default_service",
    "fleet_sim_service",
    "simulate",
]
