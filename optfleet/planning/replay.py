"""Judge a plan by the reference planner's one-run protocol (:mod:`optfleet.sim.replay`)."""

from __future__ import annotations

from typing import Any

from optfleet.planning.results import Plan
from optfleet.scenario import Scenario
from optfleet.sim.replay import ReplayPoolSpec, ReplayResult, fleet_sim_replay


def replay_applies(scenario: Scenario) -> bool:
    """Whether the reference's protocol can judge this scenario: it samples a length CDF and
    draws Poisson arrivals (other workloads and arrival processes use replications)."""
    from optfleet.scenario import PoissonArrivals

    arrivals = scenario.arrivals
    return scenario.workload.kind == "cdf" and (
        arrivals is None or isinstance(arrivals, PoissonArrivals)
    )


def replay_plan(
    scenario: Scenario, tables: Any, plan: Plan, *, n_requests: int = 40_000, seed: int = 42
) -> ReplayResult:
    """:func:`fleet_sim_replay` of a plan (its layout, pools and the scenario's workload).

    Raises
    ------
    InputError
        If the scenario's workload is not a length CDF (the protocol samples a CDF).
    """
    from optfleet.errors import InputError

    if not replay_applies(scenario):
        raise InputError(
            "the fleet-sim verification protocol needs a length-CDF workload and Poisson arrivals"
        )
    ctx = tables.ctx
    role_share: dict[str, float] = {}
    for p in plan.pools:
        role_share[p.role] = role_share.get(p.role, 0.0) + p.share
    specs = [
        ReplayPoolSpec(
            p.role,
            p.gpu,
            ctx.profile(p.gpu),
            p.replicas,
            p.max_ctx_tokens,
            p.share / max(role_share[p.role], 1e-300),
        )
        for p in plan.pools
    ]
    return fleet_sim_replay(
        ctx.workload.cdf,
        specs,
        rate_per_s=ctx.planning_rate_per_s,
        threshold_tokens=plan.threshold_tokens,
        gamma=plan.gamma,
        compress_share=ctx.preset.compress_share,
        prompt_fraction=scenario.workload.split.prompt_fraction,
        slo_ttft_p99_s=scenario.slo.ttft_p99_s,
        n_requests=n_requests,
        seed=seed,
        quantile=float(scenario.slo.quantile),
    )
