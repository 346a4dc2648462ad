"""Planning: the loop that turns a scenario into a verified plan.

Modules in the order of the loop (each has one job):

========================  ==================================================================
``pools``                 resolve the question: preset, workload, model, GPU profiles, and
                          which requests each pool of a layout serves
``sizing``                per-pool service statistics, queueing criterion, capacity tables
``disaggregation``        the prefill/decode pools' analytic model
``tables``                the planning tables' types
``tabulate``              tabulate every option (``tabulate_aggregated``,
                          ``tabulate_disaggregated``, ``tabulate_models`` are its variations)
``build``                 the integer program of the tables
``solve``                 the cheapest distinct candidates through a solver backend
``simulate``, ``replay``  a plan as a simulated fleet; the reference's one-run protocol
``verify``                the judge: simulated SLO quantiles against the SLO
``feedback``              probe failing pools, lower their tables
``spares``                reliability maths: spares for an availability target
``assemble``              write solutions back as plans; verification record and spares
``results``               the immutable :class:`Plan` and its parts
``loop``                  :func:`plan`, the loop itself
========================  ==================================================================

Examples
--------
>>> from optfleet.planning import plan
>>> from optfleet.scenario import Scenario
>>> plan(Scenario(rate_per_s=20), verify=False).layout
'one pool'
"""

from optfleet.planning.assemble import UNBOUNDED_S, plan_from_solution
from optfleet.planning.build import build_problem
from optfleet.planning.feedback import PROBE_MAX_REPLICAS, TIGHTEN, feed_back_probe, probe_count
from optfleet.planning.layouts import layout_key, layout_name, pd_layout_name
from optfleet.planning.loop import plan
from optfleet.planning.pools import PoolContext, PoolDemand, layout_pools, rejected_share
from optfleet.planning.replay import replay_applies, replay_plan
from optfleet.planning.results import Interval, Plan, PlanPool, SolverStatus, VerificationStep
from optfleet.planning.simulate import (
    VERIFIABLE_QUANTILES,
    PlanSimulation,
    default_sim_requests,
    quantile_field,
    simulate_plan,
)
from optfleet.planning.sizing import (
    LayoutSizing,
    PoolSizing,
    capacity_table,
    criterion,
    min_replicas,
    pool_latency,
    pool_service,
    size_layout,
    size_pool,
    size_scenario,
)
from optfleet.planning.tables import MAX_COMBINED_LAYOUTS, PlanningTables
from optfleet.planning.tabulate import tabulate
from optfleet.planning.verify import Verdict, verify_plan
from optfleet.sim.replay import ReplayPool, ReplayPoolSpec, ReplayResult, fleet_sim_replay

__all__ = [
    "MAX_COMBINED_LAYOUTS",
    "PROBE_MAX_REPLICAS",
    "TIGHTEN",
    "UNBOUNDED_S",
    "VERIFIABLE_QUANTILES",
    "Interval",
    "LayoutSizing",
    "Plan",
    "PlanPool",
    "PlanSimulation",
    "PlanningTables",
    "PoolContext",
    "PoolDemand",
    "PoolSizing",
    "ReplayPool",
    "ReplayPoolSpec",
    "ReplayResult",
    "SolverStatus",
    "VerificationStep",
    "Verdict",
    "build_problem",
    "capacity_table",
    "criterion",
    "default_sim_requests",
    "feed_back_probe",
    "fleet_sim_replay",
    "layout_key",
    "layout_name",
    "layout_pools",
    "min_replicas",
    "pd_layout_name",
    "plan",
    "plan_from_solution",
    "pool_latency",
    "pool_service",
    "probe_count",
    "quantile_field",
    "rejected_share",
    "replay_applies",
    "replay_plan",
    "simulate_plan",
    "size_layout",
    "size_pool",
    "size_scenario",
    "tabulate",
    "verify_plan",
]
