"""Small-pool calibration of the engine-level tables by the engine simulator itself.

The analytic replica model (:mod:`optfleet.planning.engine_tables`) has the right shape — how a
pool's capacity grows with its replica count — but its level is only as good as its M/G/1
prefill-stage and join-the-shortest-queue approximations.  Before an option is used in a plan
that will be verified, :func:`calibrate_option` measures it: a pool of ``k_c = min(k,
CALIBRATION_REPLICAS)`` replicas (the option's count in the candidate, or the verification
slice of a larger pool) of the option's profile serving the option's request mix is
simulated at the engine level at the model's per-replica capacity and then at loads searched
(galloping, then bisection to :data:`CALIBRATION_RTOL`) for the largest that meets the SLO by
the judge's own rule (the
quantile and its whole 95 % interval over :data:`CALIBRATION_REPLICATIONS` replications, TTFT and
TPOT).  The option's per-replica capacity is then scaled by ``correction = r_sim(k_c) /
r_model(k_c)``, never beyond the model's stability bound (``util_cap`` x its saturation rate:
near saturation a simulation can flatter a pool), and the model's shape carries it to every
``k``.  A smaller pool multiplexes
less, so for ``k > k_c`` the correction is measured where the model is least favourable.

Calibrations are cached per option in the planning tables; the loop
(:func:`optfleet.planning.loop.plan`) calibrates only the options its candidate plans use, and
re-solves until the cheapest candidate uses calibrated options only.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet.planning.tables import Option, PlanningTables, headroom
from optfleet.scenario import PoissonArrivals, Scenario

#: Replicas of the simulated calibration pool (fewer when the option needs fewer): the size of
#: the slice by which verification judges a large pool
#: (:data:`optfleet.planning.simulate.SLICE_MAX_REPLICAS`), so a calibrated table agrees with
#: the judge at every size.
CALIBRATION_REPLICAS = 64
#: Replications per calibration simulation: the judge's default
#: (:func:`optfleet.plan` ``replications``), so that its 95 % interval is as wide as the judge's
#: — fewer replications widen the interval and over-correct where the tail is flat in load.
CALIBRATION_REPLICATIONS = 5
#: Relative precision of the calibrated per-replica rate.
CALIBRATION_RTOL = 0.05
#: Requests per replication of a calibration run: at least this many, and enough for the run to
#: span :data:`CALIBRATION_SERVICE_TIMES` mean service times, up to
#: :data:`MAX_CALIBRATION_REQUESTS` — the judge's own rule
#: (:func:`optfleet.planning.simulate.default_sim_requests`), so that a calibrated one-pool
#: table and the verification of that pool measure the same thing.
CALIBRATION_REQUESTS = 20_000
CALIBRATION_SERVICE_TIMES = 200.0
MAX_CALIBRATION_REQUESTS = 200_000


#: Galloping step of the calibration search.
_STEP = 1.05


def calibration_passes(
    scenario: Scenario, opt: Option, replicas: int, rate_per_s: float, seed: int,
    ctx: Any = None,
) -> bool:
    """Does a ``replicas``-replica pool of ``opt`` meet the SLO at ``rate_per_s`` in the
    engine simulator (value and whole interval of each judged quantile within the SLO, and
    the judge's steady-state rule)?

    With a planning context ``ctx`` whose scenario has ``prefix_caching``, the pool caches and
    its requests carry their prompt blocks (:func:`optfleet.planning.prefix.pool_requests`)."""
    from functools import partial

    from optfleet.planning.prefix import caching, pool_requests, sim_options
    from optfleet.planning.simulate import (
        GROWTH_EXTENSION,
        GROWTH_LIMIT,
        GROWTH_MAX_REQUESTS,
        quantile_field,
    )
    from optfleet.sim import FleetSpec, PoolSpec, simulate

    slo = scenario.slo
    on = ctx is not None and sim_options(ctx)
    pool = PoolSpec(opt.profile, int(replicas), int(opt.demand.max_ctx_tokens), name="c",
                    prefix_caching=bool(on) and caching(ctx))
    # long enough to span many mean service times (a pool run near its limit has slow
    # dynamics; a short run would flatter it)
    service_s = float(opt.stats.mean_service_s)
    n = int(min(max(CALIBRATION_REQUESTS, CALIBRATION_SERVICE_TIMES * service_s * rate_per_s),
                MAX_CALIBRATION_REQUESTS))
    workload, arrivals = opt.demand.mix, PoissonArrivals(rate_per_s=rate_per_s)
    if on:
        workload = partial(pool_requests, ctx, opt.demand.mix, rate_per_s)
        arrivals = None

    def run(n: int) -> Any:
        return simulate(FleetSpec((pool,)), workload, arrivals, level="engine", n_requests=n,
                        seed=seed, replications=CALIBRATION_REPLICATIONS,
                        **(sim_options(ctx) if on else {})).pool("c")

    field = quantile_field(float(slo.quantile))

    def quantiles_pass(stats: Any) -> bool:
        judged = [(getattr(stats.ttft, field), float(slo.ttft_p99_s))]
        if slo.tpot_p99_s is not None:
            judged.append((getattr(stats.tpot, field), float(slo.tpot_p99_s)))
        return all(e.value <= limit and not (e.high > limit) for e, limit in judged)

    stats = run(n)
    if not quantiles_pass(stats):
        return False  # a longer run (from the same empty start) only adds congestion
    if stats.ttft_growth.value > GROWTH_LIMIT and n < GROWTH_MAX_REQUESTS:
        stats = run(min(GROWTH_EXTENSION * n, GROWTH_MAX_REQUESTS))  # the judge's rule
        if not quantiles_pass(stats):
            return False
    return not stats.ttft_growth.value > GROWTH_LIMIT


def calibrate_option(scenario: Scenario, opt: Option, replicas: int, ctx: Any = None
                     ) -> tuple[float, int]:
    """``(correction, k_c)`` of one engine-level option (see the module docstring).

    ``replicas`` is the count the option was given in a candidate plan; ``correction`` is 0 when
    even a light load fails (the option can not serve its mix within the SLO in simulation).
    """
    crit = opt.engine
    k_c = int(max(1, min(int(replicas), CALIBRATION_REPLICAS)))
    r_model = float(crit.per_replica_per_s(np.array([k_c]))[0])
    if r_model <= 0:
        return 0.0, k_c
    seed = int(scenario.seed)

    def ok(r: float) -> bool:
        return calibration_passes(scenario, opt, k_c, k_c * r, seed, ctx)

    r_top = crit.ceiling_per_s  # the model's saturation rate
    if ok(r_model):
        # the tail may be better than modelled: search up, never beyond the stability bound
        lo, hi = r_model, None
        while hi is None and lo < r_top * (1 - 1e-9):
            trial = min(lo * _STEP, r_top)
            if ok(trial):
                lo = trial
            else:
                hi = trial
        if hi is None:
            return lo / r_model, k_c
    else:
        hi, lo = r_model, None
        while lo is None and hi > r_model / 64:
            trial = hi / _STEP
            if ok(trial):
                lo = trial
            else:
                hi = trial
        if lo is None:
            return 0.0, k_c
    # (a 5 % gallop step that fails is already within the precision: no bisection)
    while hi > lo * (1 + CALIBRATION_RTOL) * (1 + 1e-9):
        mid = 0.5 * (lo + hi)
        if ok(mid):
            lo = mid
        else:
            hi = mid
    return lo / r_model, k_c


def calibrate_plan_options(
    scenario: Scenario, tables: PlanningTables, problem: Any, layout: str,
    counts: dict[tuple[str, str], int], progress: Any = None,
) -> tuple[Any, int]:
    """Calibrate every engine-level option of one candidate not yet calibrated.

    ``counts`` maps ``(role, gpu)`` to the candidate's replicas.  Returns the problem with the
    calibrated tables (each change recorded) and how many options were calibrated.
    """
    updates: dict[tuple[str, str, str], Any] = {}
    for (role, gpu), k in counts.items():
        key = (layout, role, gpu)
        opt = tables.options.get(key)
        if opt is None or opt.engine is None or key in tables.calibrations:
            continue
        if progress:
            progress(f"calibrating {role}/{gpu} of {layout} by a small-pool engine simulation")
        corr, k_c = calibrate_option(scenario, opt, k, tables.ctx)
        tables.calibrations[key] = (corr, k_c)
        opt.engine = opt.engine.with_correction(corr)
        role_rate = next(r.rate_per_s for r in problem.layout(layout).roles if r.name == role)
        opt.table = _calibrated_table(opt, role_rate)
        updates[key] = _program_table(problem, key, opt.table)
    if updates:
        updates.update(_provisional(tables, problem))
        problem = problem.with_tables(
            updates, reason="engine-level small-pool calibration (optfleet.planning.calibrate)"
        )
    return problem, len(updates)


def _provisional(tables: PlanningTables, problem: Any) -> dict[tuple[str, str, str], Any]:
    """Tables of the options not yet calibrated, scaled by the geometric mean correction of the
    calibrated options on the same GPU type (a provisional guess that keeps the program from
    hopping between near-equal layouts; each is still calibrated before it is used)."""
    by_gpu: dict[str, list[float]] = {}
    for (_, _, gpu), (corr, _) in tables.calibrations.items():
        if corr > 0:
            by_gpu.setdefault(gpu, []).append(corr)
    out: dict[tuple[str, str, str], Any] = {}
    kept = {o.key for o in problem.options}
    for key, opt in tables.options.items():
        if opt.engine is None or key in tables.calibrations or key not in kept:
            continue
        corrs = by_gpu.get(key[2])
        if not corrs:
            continue
        guess = float(np.exp(np.mean(np.log(corrs))))
        if abs(guess - opt.engine.correction) < 1e-9:
            continue
        opt.engine = opt.engine.with_correction(guess)
        role_rate = next(r.rate_per_s for r in problem.layout(key[0]).roles if r.name == key[1])
        opt.table = _calibrated_table(opt, role_rate)
        out[key] = _program_table(problem, key, opt.table)
    return out


def _program_table(problem: Any, key: tuple[str, str, str], table: np.ndarray) -> tuple:
    """The head of ``table`` the program keeps: the option's compact head length when it has a
    linear tail (rescaled from the new table's end rate), else the whole table."""
    old = problem.option(*key)
    if old.tail_per_replica_per_s is not None and len(table) > len(old.capacity_per_s):
        table = table[: len(old.capacity_per_s)]
    return tuple(float(v) for v in table)


def _calibrated_table(opt: Option, role_rate_per_s: float) -> np.ndarray:
    """The option's table after its correction, long enough to serve its role alone."""
    from optfleet.errors import InfeasibleError
    from optfleet.planning.engine_tables import engine_k_full

    try:
        k_full = engine_k_full(opt.engine, role_rate_per_s)
    except InfeasibleError:
        return np.zeros(len(opt.table))
    return opt.engine.table(max(headroom(k_full), len(opt.table) - 1))
