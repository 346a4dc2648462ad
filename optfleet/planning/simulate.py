"""Simulate a plan: turn a :class:`~optfleet.planning.results.Plan` into a simulated fleet.

Each (pool role, GPU type) of the plan becomes one simulated pool.  Requests are drawn from the
scenario's workload and arrival process; each is routed as the plan says — by length to its role
(with compress-and-route when the plan's gamma > 1) and then to a GPU type of that role with
probability equal to the plan's traffic share — and carries that pool as its label, so the
simulator's ``label`` router delivers it.  A request longer than every pool's max_ctx is sent to
the long pool and rejected there (counted).

Examples
--------
>>> import optfleet
>>> from optfleet.planning import tabulate
>>> from optfleet.planning import simulate_plan
>>> s = optfleet.Scenario(rate_per_s=10)
>>> p = optfleet.plan(s, verify=False)
>>> r = simulate_plan(s, tabulate(s), p, level="slot", n_requests=2000, replications=2)
>>> r.sim.fleet.arrivals  # summed over the 2 replications
4000
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from optfleet.planning.layouts import layout_key
from optfleet.planning.results import Plan
from optfleet.scenario import Scenario


@dataclass(frozen=True)
class PlanSimulation:
    """A plan's simulation result, looked up by (role, gpu)."""

    sim: Any  # optfleet.sim.SimResult
    names: dict[tuple[str, str], str]

    def pool_ttft(self, role: str, gpu: str, quantile: float = 0.99) -> Any:
        """The TTFT ``quantile`` estimate (value, low, high) of one pool (P90, P99 or P99.9)."""
        return getattr(self.sim.pool(self.names[(role, gpu)]).ttft, quantile_field(quantile))

    def pool_attainment(self, role: str, gpu: str) -> float | None:
        est = self.sim.pool(self.names[(role, gpu)]).slo_attainment
        return None if est is None else float(est.value)


#: SLO quantiles the simulator reports (and verification can therefore judge).
VERIFIABLE_QUANTILES = {0.9: "p90", 0.99: "p99", 0.999: "p999"}


def quantile_field(quantile: float) -> str:
    """The :class:`~optfleet.sim.results.LatencyStats` field of an SLO quantile.

    Raises
    ------
    InputError
        For a quantile the simulator does not report.
    """
    from optfleet.errors import InputError

    for q, name in VERIFIABLE_QUANTILES.items():
        if abs(float(quantile) - q) < 1e-12:
            return name
    raise InputError(
        f"simulation verifies the P90, P99 or P99.9 of TTFT; the SLO quantile {quantile:g} "
        "can only be planned without verification (--no-verify)"
    )


def default_sim_requests(
    plan: Plan,
    tables: Any = None,
    *,
    minimum_per_pool: int = 3000,
    service_times: float = 200.0,
    floor: int = 20_000,
    cap: int = 200_000,
) -> int:
    """Requests per replication.

    Enough for the smallest pool's P99 (``minimum_per_pool`` of its requests) and for the
    simulated time to span ``service_times`` mean service times of the slowest pool (heavy-tailed
    service needs long runs to reach steady state), within ``[floor, cap]``.
    """
    smallest = min((p.share for p in plan.pools), default=1.0)
    n = minimum_per_pool / max(smallest, 1e-9)
    if tables is not None:
        # a decode pool serves the requests its prefill pool already counted
        rate = sum(p.rate_per_s for p in plan.pools if not p.role.endswith("decode"))
        slowest = max(
            (
                float(tables.options[(layout_key(plan), p.role, p.gpu)].stats.mean_service_s)
                for p in plan.pools
                if (layout_key(plan), p.role, p.gpu) in tables.options
            ),
            default=0.0,
        )
        n = max(n, rate * service_times * slowest)
    return int(min(max(int(np.ceil(n)), floor), cap))


def _plan_router(scenario: Scenario, tables: Any, plan: Plan):
    """A workload callable ``(n, rng) -> Requests`` that pre-routes requests to plan pools."""
    from optfleet.sim import Requests
    from optfleet.workloads import arrival_times

    ctx = tables.ctx
    mix = ctx.mix
    roles: dict[str, list[tuple[int, float]]] = {}
    for i, pool in enumerate(plan.pools):
        roles.setdefault(pool.role, []).append((i, pool.share))
    threshold = plan.threshold_tokens
    gamma = plan.gamma
    compress = ctx.preset.compress_share
    arrival_spec = scenario.arrival_spec

    def pick(role: str, u: np.ndarray) -> np.ndarray:
        idx = np.array([i for i, _ in roles[role]], dtype=np.int64)
        w = np.array([s for _, s in roles[role]], dtype=np.float64)
        cum = np.cumsum(w / w.sum())
        return idx[np.minimum(np.searchsorted(cum, u, side="right"), idx.size - 1)]

    def make(n: int, rng: np.random.Generator) -> Any:
        prompt, output, routing = mix.sample(n, seed=rng)
        arrivals = arrival_times(arrival_spec, n=n, seed=rng)
        prompt = prompt.copy()
        output = output.copy()
        routing = routing.copy()
        label = np.empty(n, dtype=np.int64)
        u = rng.random(n)
        if threshold is None or "short" not in roles:
            role_of = np.full(n, "all" if "all" in roles else next(iter(roles)), dtype=object)
        else:
            short = routing <= threshold
            if gamma > 1 and compress > 0:
                band = (~short) & (routing <= gamma * threshold) & (rng.random(n) < compress)
                out_c = np.minimum(output[band], max(1, threshold - 1))
                prompt[band] = np.maximum(1, np.minimum(prompt[band], threshold - out_c))
                output[band] = out_c
                routing[band] = np.minimum(routing[band], threshold)
                short = short | band
            role_of = np.where(short, "short", "long").astype(object)
            if "long" not in roles:
                role_of[:] = "short"
        for role in roles:
            sel = role_of == role
            label[sel] = pick(role, u[sel])
        return Requests(arrivals, prompt, output, routing_tokens=routing, label=label)

    return make


def simulate_plan(
    scenario: Scenario,
    tables: Any,
    plan: Plan,
    *,
    level: str = "engine",
    n_requests: int | None = None,
    replications: int = 3,
    seed: int | None = None,
    executor: Any = None,
) -> PlanSimulation:
    """Simulate ``plan`` under ``scenario``'s workload (see the module docstring)."""
    from optfleet.sim import FleetSpec, PoolSpec, RouterSpec, simulate

    ctx = tables.ctx
    pools = []
    names: dict[tuple[str, str], str] = {}
    for pool in plan.pools:
        name = f"{pool.role}/{pool.gpu}"
        names[(pool.role, pool.gpu)] = name
        pools.append(
            PoolSpec(
                ctx.profile(pool.gpu),
                pool.replicas,
                pool.max_ctx_tokens,
                name=name,
                service=ctx.preset.service_model,
            )
        )
    fleet = FleetSpec(tuple(pools))
    n = n_requests or default_sim_requests(plan, tables)
    result = simulate(
        fleet,
        _plan_router(scenario, tables, plan),
        level=level,
        n_requests=n,
        seed=scenario.seed if seed is None else seed,
        replications=replications,
        router=RouterSpec("label", label_pools={i: i for i in range(len(pools))}),
        slo=scenario.slo,
        executor=executor,
    )
    return PlanSimulation(result, names)
