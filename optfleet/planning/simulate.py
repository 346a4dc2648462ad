"""Simulate a plan: turn a :class:`~optfleet.planning.results.Plan` into a simulated fleet.

Each (pool role, GPU type) of the plan becomes one simulated pool.  Requests are drawn from the
scenario's workload and arrival process; each is routed as the plan says — by length to its role
(with compress-and-route when the plan's gamma > 1) and then to a GPU type of that role with
probability equal to the plan's traffic share — and carries that pool as its label, so the
simulator's ``label`` router delivers it.  A request longer than every pool's max_ctx is sent to
the long pool and rejected there (counted).

**Slices.**  A pool of more than :data:`SLICE_MAX_REPLICAS` (64) replicas is simulated as a
slice: ``s = 64`` replicas carrying the same per-replica load, i.e. the slice receives each of
the pool's requests with probability ``s / k`` (the other pools are unaffected).  A smaller JSQ
pool multiplexes less, so its tail is no better: a slice that meets the SLO implies the pool
does (``tests/test_slicing.py`` checks it), and a 6 000-replica pool costs a 64-replica
simulation.  :attr:`PlanSimulation.slices` records what was sliced and
:func:`default_sim_requests` sizes the run for the sliced fleet.

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

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from optfleet.planning.layouts import layout_key
from optfleet.planning.results import Plan
from optfleet.scenario import Scenario

#: Pools with more replicas than this are simulated as a slice of this many replicas.
SLICE_MAX_REPLICAS = 64

#: The steady-state rule of the judge: a pool whose mean TTFT over the last third of the run is
#: more than this many times that over the middle third is still filling up (overloaded, or not
#: yet in steady state) and fails, whatever its quantile says — a finite run of an overloaded
#: pool ends before its queue shows in the tail.
GROWTH_LIMIT = 1.25
#: A run that ends growing is re-run this many times longer, up to :data:`GROWTH_MAX_REQUESTS`
#: requests per replication, before it is judged.
GROWTH_EXTENSION = 4
GROWTH_MAX_REQUESTS = 800_000


@dataclass(frozen=True)
class PlanSimulation:
    """A plan's simulation result, looked up by (role, gpu).

    ``slices`` maps each pool simulated as a slice to ``(simulated replicas, planned
    replicas)``; empty when every pool was simulated whole.
    """

    sim: Any  # optfleet.sim.SimResult
    names: dict[tuple[str, str], str]
    slices: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    @property
    def slice_note(self) -> str:
        """One line for a plan's notes naming the sliced pools ("" when none was sliced)."""
        if not self.slices:
            return ""
        parts = ", ".join(f"{r}/{g} ({k} replicas) by {s}" for (r, g), (s, k) in
                          sorted(self.slices.items()))
        return (f"verified by slices at the same per-replica load: {parts} replicas (a smaller "
                "pool multiplexes less, so a slice that passes implies its pool passes)")

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


def slice_sizes(
    plan: Plan, slice_max_replicas: int | None = SLICE_MAX_REPLICAS
) -> dict[tuple[str, str], tuple[int, int]]:
    """``(role, gpu) -> (simulated replicas, planned replicas)`` of the pools simulated as a
    slice: those with more than ``slice_max_replicas`` replicas (None: no slicing).

    Examples
    --------
    >>> from optfleet.planning.results import PlanPool
    >>> pool = PlanPool(role="all", gpu="H100", replicas=200, gpus_per_replica=1,
    ...                 price_usd_per_replica_hour=4.0, share=1.0, rate_per_s=2000.0,
    ...                 max_ctx_tokens=8192, analytic_p99_ttft_s=0.1, utilisation=0.5)
    >>> slice_sizes(type("P", (), {"pools": (pool,)})())
    {('all', 'H100'): (64, 200)}
    """
    if slice_max_replicas is None:
        return {}
    if isinstance(slice_max_replicas, bool) or not isinstance(slice_max_replicas, int) or (
        slice_max_replicas < 1
    ):
        from optfleet.errors import InputError

        raise InputError(
            f"slice_max_replicas must be an integer >= 1 or None, got {slice_max_replicas!r}"
        )
    return {
        (p.role, p.gpu): (slice_max_replicas, p.replicas)
        for p in plan.pools
        if p.replicas > slice_max_replicas
    }


def default_sim_requests(
    plan: Plan,
    tables: Any = None,
    *,
    minimum_per_pool: int = 3000,
    service_times: float = 200.0,
    floor: int = 20_000,
    cap: int = 200_000,
    slice_max_replicas: int | None = SLICE_MAX_REPLICAS,
) -> int:
    """Requests per replication.

    Enough for the smallest pool's P99 (``minimum_per_pool`` of its requests) and for the
    simulated time to span ``service_times`` mean service times of the slowest pool (heavy-tailed
    service needs long runs to reach steady state), within ``[floor, cap]``.

    When pools are simulated as slices (:func:`slice_sizes`; never for disaggregated plans,
    whose simulation is not sliced) the figures are those of the sliced fleet: a sliced pool
    keeps ``s / k`` of its requests, so the simulated rate falls, and the smallest pool is the
    one with the least share of the *simulated* requests.
    """
    slices = {} if _disaggregated(plan, tables) else slice_sizes(plan, slice_max_replicas)
    if slices:
        return _sliced_requests(plan, tables, slices, minimum_per_pool, service_times, floor,
                                cap)
    smallest = min((p.share for p in plan.pools), default=1.0)
    n = minimum_per_pool / max(smallest, 1e-9)
    if tables is not None:
        # a decode pool serves the requests its prefill pool already counted
        rate = sum(p.rate_per_s for p in plan.pools if not p.role.endswith("decode"))
        n = max(n, rate * service_times * _slowest_service_s(plan, tables))
    return int(min(max(int(np.ceil(n)), floor), cap))


def _sliced_requests(
    plan: Plan,
    tables: Any,
    slices: dict[tuple[str, str], tuple[int, int]],
    minimum_per_pool: int,
    service_times: float,
    floor: int,
    cap: int,
) -> int:
    """:func:`default_sim_requests` for a fleet with sliced pools."""
    rates = [p.rate_per_s * _kept(slices, p.role, p.gpu) for p in plan.pools]
    total = sum(rates)
    smallest = min((r / total for r in rates), default=1.0) if total > 0 else 1.0
    n = minimum_per_pool / max(smallest, 1e-9)
    if tables is not None:
        n = max(n, total * service_times * _slowest_service_s(plan, tables))
    return int(min(max(int(np.ceil(n)), floor), cap))


def _kept(slices: dict[tuple[str, str], tuple[int, int]], role: str, gpu: str) -> float:
    """The share of a pool's requests its simulation keeps (``s / k`` for a slice)."""
    s, k = slices.get((role, gpu), (1, 1))
    return s / k


def _slowest_service_s(plan: Plan, tables: Any) -> float:
    """The largest mean service time among the plan's tabulated pools (0 if none is)."""
    return max(
        (
            float(tables.options[(layout_key(plan), p.role, p.gpu)].stats.mean_service_s)
            for p in plan.pools
            if (layout_key(plan), p.role, p.gpu) in tables.options
        ),
        default=0.0,
    )


def _disaggregated(plan: Plan, tables: Any) -> bool:
    """True for a plan of prefill/decode pools (simulated by its own, unsliced, simulator)."""
    if tables is None or not plan.pools:
        return False
    opt = tables.options.get((layout_key(plan), plan.pools[0].role, plan.pools[0].gpu))
    return opt is not None and getattr(opt, "pd", None) is not None


def _plan_router(
    scenario: Scenario, tables: Any, plan: Plan, kept: dict[int, float] | None = None
):
    """A workload callable ``(n, rng) -> Requests`` that pre-routes requests to plan pools.

    ``kept`` (pool index -> probability) thins the requests of sliced pools: about ``n / f``
    requests are drawn (``f`` the share the thinning keeps, from the pools' planned rates),
    each of pool ``i``'s is kept with probability ``kept[i]``, and the first ``n`` kept, in
    arrival order, are simulated.
    """
    from optfleet.sim import Requests

    route = _route(scenario, tables, plan)
    if not kept:
        def make(n: int, rng: np.random.Generator) -> Any:
            arrivals, prompt, output, routing, label, blocks = route(n, rng)
            return Requests(arrivals, prompt, output, routing_tokens=routing, label=label,
                            prefix=blocks)

        return make
    rates = np.array([p.rate_per_s for p in plan.pools], dtype=np.float64)
    keep = np.array([kept.get(i, 1.0) for i in range(len(plan.pools))], dtype=np.float64)
    share = float((rates * keep).sum() / rates.sum()) if rates.sum() > 0 else 1.0

    def make_sliced(n: int, rng: np.random.Generator) -> Any:
        raw = int(math.ceil(1.05 * n / max(share, 1e-9))) + 100
        arrivals, prompt, output, routing, label, blocks = route(raw, rng)
        sel = np.flatnonzero(rng.random(raw) < keep[label])[:n]
        return Requests(arrivals[sel], prompt[sel], output[sel], routing_tokens=routing[sel],
                        label=label[sel], prefix=None if blocks is None else blocks.take(sel))

    return make_sliced


def _route(scenario: Scenario, tables: Any, plan: Plan):
    """``(n, rng) -> (arrivals, prompt, output, routing, label, blocks)``: ``n`` requests of the
    scenario, each labelled with the plan pool it goes to; ``blocks`` their prompt blocks with
    prefix caching (a compressed prompt has none), else None."""
    from optfleet.planning.prefix import draw
    from optfleet.workloads import arrival_times

    ctx = tables.ctx
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

    def route(n: int, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
        prompt, output, routing, blocks = draw(ctx, n, rng)
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
                if blocks is not None:
                    blocks = blocks.take(np.arange(n), drop=band)
            role_of = np.where(short, "short", "long").astype(object)
            if "long" not in roles:
                role_of[:] = "short"
        for role in roles:
            sel = role_of == role
            label[sel] = pick(role, u[sel])
        return arrivals, prompt, output, routing, label, blocks

    return route


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
    slice_max_replicas: int | None = SLICE_MAX_REPLICAS,
    record: bool = False,
) -> PlanSimulation:
    """Simulate ``plan`` under ``scenario``'s workload (see the module docstring).

    A pool of more than ``slice_max_replicas`` replicas is simulated as a slice of that many
    at the same per-replica load (None: every pool whole); ``n_requests`` (default
    :func:`default_sim_requests` of the sliced fleet) counts the requests simulated.
    ``record`` keeps the per-request records (``result.sim.records``; latency distributions).
    """
    from optfleet.planning.prefix import caching, sim_options
    from optfleet.sim import FleetSpec, PoolSpec, RouterSpec, simulate

    ctx = tables.ctx
    slices = slice_sizes(plan, slice_max_replicas)
    pools = []
    names: dict[tuple[str, str], str] = {}
    kept: dict[int, float] = {}
    for i, pool in enumerate(plan.pools):
        name = f"{pool.role}/{pool.gpu}"
        names[(pool.role, pool.gpu)] = name
        replicas = pool.replicas
        if (pool.role, pool.gpu) in slices:
            replicas = slices[(pool.role, pool.gpu)][0]
            kept[i] = replicas / pool.replicas
        pools.append(
            PoolSpec(
                ctx.profile(pool.gpu),
                replicas,
                pool.max_ctx_tokens,
                name=name,
                service=ctx.preset.service_model,
                prefix_caching=caching(ctx),
            )
        )
    fleet = FleetSpec(tuple(pools))
    n = n_requests or default_sim_requests(plan, tables, slice_max_replicas=slice_max_replicas)
    result = simulate(
        fleet,
        _plan_router(scenario, tables, plan, kept),
        level=level,
        n_requests=n,
        seed=scenario.seed if seed is None else seed,
        replications=replications,
        router=RouterSpec("label", label_pools={i: i for i in range(len(pools))}),
        slo=scenario.slo,
        executor=executor,
        record=record,
        **sim_options(ctx),
    )
    return PlanSimulation(result, names, slices)
