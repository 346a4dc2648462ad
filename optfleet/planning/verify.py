"""Step 4 of the loop: the judge — simulate a candidate plan and compare it with the SLO.

Each pool's simulated quantile of TTFT (of TPOT for a decode pool) must be within its SLO, the
point value and the whole 95 % confidence interval over independent replications (with one
replication there is no interval: the pool is judged on its point value, and the plan says so in
a note).  Three simulations judge: the engine- or slot-level simulation of the plan
(:func:`optfleet.planning.simulate.simulate_plan`), the reference planner's one-run protocol
under a preset that asks for it (:func:`optfleet.planning.replay.replay_plan`), and the
prefill-slot + decode-engine simulation of a disaggregated plan.  A multi-model plan is judged
model by model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from optfleet.planning.assemble import UNBOUNDED_S
from optfleet.planning.disaggregation import kv_transfer_s
from optfleet.planning.layouts import layout_key
from optfleet.planning.prefix import with_simulated_hit_rates
from optfleet.planning.replay import replay_applies, replay_plan
from optfleet.planning.results import Interval, Plan, PlanPool
from optfleet.planning.simulate import (
    GROWTH_EXTENSION,
    GROWTH_LIMIT,
    GROWTH_MAX_REQUESTS,
    default_sim_requests,
    quantile_field,
    simulate_plan,
)
from optfleet.planning.tables import PlanningTables
from optfleet.scenario import Scenario


@dataclass(frozen=True)
class Verdict:
    """A candidate's verdict: accepted or not, the plan with its simulated figures, the failing
    pools as ``(role, gpu, replicas, rate carried)``, and a one-line detail."""

    accepted: bool
    plan: Plan
    failing: tuple[tuple[str, str, int, float], ...]
    detail: str


def verify_plan(
    scenario: Scenario,
    tables: PlanningTables,
    candidate: Plan,
    *,
    level: str = "engine",
    n_requests: int | None = None,
    replications: int = 3,
) -> Verdict:
    """Simulate ``candidate`` and compare each pool's simulated P99 TTFT with the SLO.

    At slot level under a preset with ``slot_verification="fleet-sim"`` the reference planner's
    protocol judges it instead (:func:`optfleet.sim.replay.fleet_sim_replay`).
    """
    if tables.models:
        return _verify_models(tables, candidate, level, n_requests, replications)
    slo = scenario.slo.ttft_p99_s
    first = tables.options.get((layout_key(candidate), candidate.pools[0].role,
                                candidate.pools[0].gpu))
    if first is not None and first.pd is not None:
        return _verify_disaggregated(scenario, tables, candidate, n_requests, replications)
    if (
        level == "slot"
        and tables.ctx.preset.slot_verification == "fleet-sim"
        and replay_applies(scenario)
    ):
        replay = replay_plan(scenario, tables, candidate)

        def point(pp: PlanPool) -> Measure:
            r = replay.pool(pp.role, pp.gpu)  # one run: a point value, no interval
            return r.p99_ttft_s, math.nan, math.nan, 1, r.slo_attainment, slo, "TTFT"

        header = (
            f"slot-level simulation, fleet-sim protocol (one run of {replay.n_requests} requests "
            f"after {replay.warmup_requests} warm-up, seed {replay.seed}, pooled queue): "
        )
        return _judge(candidate, point, header, qlabel=_qlabel(scenario))
    n = n_requests or default_sim_requests(candidate, tables)
    result = simulate_plan(scenario, tables, candidate, level=level, n_requests=n,
                           replications=replications)
    if n_requests is None and n < GROWTH_MAX_REQUESTS and _growing(result, scenario):
        # a queue still growing at the end of the run: run longer before judging it (a pool
        # in a slow warm-up settles; an overloaded one grows further and fails)
        n = min(GROWTH_EXTENSION * n, GROWTH_MAX_REQUESTS)
        result = simulate_plan(scenario, tables, candidate, level=level, n_requests=n,
                               replications=replications)

    qfield = quantile_field(float(scenario.slo.quantile))
    tpot_slo = scenario.slo.tpot_p99_s

    def interval(pp: PlanPool) -> list[Measure]:
        att = result.pool_attainment(pp.role, pp.gpu)
        m = result.pool_ttft(pp.role, pp.gpu, float(scenario.slo.quantile))
        out: list[Measure] = [(m.value, m.low, m.high, m.n, att, slo, "TTFT")]
        t = getattr(result.sim.pool(result.names[(pp.role, pp.gpu)]).tpot, qfield)
        # the TPOT quantile is always stored; it is judged when the SLO has one
        limit = math.inf if tpot_slo is None else float(tpot_slo)
        out.append((t.value, t.low, t.high, t.n, att, limit, "TPOT"))
        g = result.sim.pool(result.names[(pp.role, pp.gpu)]).ttft_growth
        out.append((g.value, math.nan, math.nan, g.n, att, GROWTH_LIMIT, "growth"))
        return out

    verdict = _judge(candidate, interval, f"{level}-level simulation: ", qlabel=_qlabel(scenario))
    verdict = with_simulated_hit_rates(verdict, result)
    note = result.slice_note if result.slices else ""
    if note and note not in verdict.plan.notes:
        plan = verdict.plan.model_copy(update={"notes": tuple(verdict.plan.notes) + (note,)})
        verdict = Verdict(verdict.accepted, plan, verdict.failing, verdict.detail)
    return verdict


def _verify_models(
    tables: PlanningTables,
    candidate: Plan,
    level: str,
    n_requests: int | None,
    replications: int,
) -> Verdict:
    """Verify a multi-model plan model by model (each model's pools serve only its traffic)."""
    combo = tables.combined[candidate.layout]
    pools: dict[tuple[str, str], PlanPool] = {}
    failing: list[tuple[str, str, int, float]] = []
    parts = []
    subs: list[Verdict] = []
    accepted = True
    for m, (sub_scenario, sub_tables) in tables.models.items():
        lay = next(x for x in sub_tables.layouts if x.name == combo[m])
        own = tuple(
            pp.model_copy(update={"role": pp.role.split("/", 1)[1], "model": None})
            for pp in candidate.pools
            if pp.model == m
        )
        sub_plan = candidate.model_copy(
            update={
                "pools": own,
                "layout": lay.label,
                "threshold_tokens": lay.threshold_tokens,
                "gamma": lay.gamma,
                "rate_per_s": sub_tables.ctx.planning_rate_per_s,
            }
        )
        key = (m, lay.name, tuple((pp.role, pp.gpu, pp.replicas) for pp in own), level)
        v = tables.verdicts.get(key)
        if v is None:  # the same sub-plan recurs across candidates: simulate it once
            v = verify_plan(sub_scenario, sub_tables, sub_plan, level=level,
                            n_requests=n_requests, replications=replications)
            tables.verdicts[key] = v
        accepted = accepted and v.accepted
        subs.append(v)
        for pp in v.plan.pools:
            role = f"{m}/{pp.role}"
            pools[(role, pp.gpu)] = pp.model_copy(update={"role": role, "model": m})
        failing.extend((f"{m}/{r}", g, n, c) for r, g, n, c in v.failing)
        parts.append(f"{m}: {v.detail}")
    sub_notes = [n for v in subs for n in v.plan.notes if n not in candidate.notes]
    verified = candidate.model_copy(
        update={
            "pools": tuple(pools[(pp.role, pp.gpu)] for pp in candidate.pools),
            "notes": tuple(candidate.notes) + tuple(dict.fromkeys(sub_notes)),
        }
    )
    return Verdict(accepted, verified, tuple(failing), " | ".join(parts))


def _verify_disaggregated(
    scenario: Scenario,
    tables: PlanningTables,
    candidate: Plan,
    n_requests: int | None,
    replications: int,
) -> Verdict:
    """Simulate a disaggregated plan (:func:`optfleet.sim.pd.simulate_disaggregated`): the
    prefill pool is judged on P99 TTFT, the decode pool on P99 TPOT, each by its 95 % CI."""
    from optfleet.sim.pd import simulate_disaggregated

    key = layout_key(candidate)
    by_role = {pp.role: pp for pp in candidate.pools}
    pre, dec = by_role["prefill"], by_role["decode"]
    pd = tables.options[(key, "prefill", pre.gpu)].pd
    assert pd is not None
    per_token = float(kv_transfer_s(tables.ctx, pd.prefill, [1.0], pd.bandwidth_bytes_per_s)[0])
    r = simulate_disaggregated(
        mix=tables.ctx.demands(None)[0].mix,
        arrival_spec=scenario.arrival_spec,
        prefill_profile=pd.prefill.profile,
        n_prefill=pre.replicas,
        decode_profile=pd.decode.profile,
        n_decode=dec.replicas,
        decode_slots=int(pd.decode.slots),
        transfer_s_per_prompt_token=per_token,
        max_ctx_tokens=int(pre.max_ctx_tokens),
        ttft_slo_s=scenario.slo.ttft_p99_s,
        tpot_slo_s=pd.tpot_slo_s,
        n_requests=n_requests or default_sim_requests(candidate, tables),
        replications=replications,
        seed=scenario.seed,
        quantile=float(scenario.slo.quantile),
    )
    def measure(pp: PlanPool) -> Measure:
        if pp.role == "prefill":
            e, a, slo_s, what = r.ttft_p99_s, r.ttft_attainment, scenario.slo.ttft_p99_s, "TTFT"
        else:
            e, a, slo_s, what = r.tpot_p99_s, r.tpot_attainment, pd.tpot_slo_s, "TPOT"
        return e.value, e.low, e.high, e.n, float(a.value), slo_s, what

    return _judge(
        candidate,
        measure,
        "disaggregated simulation (prefill slot level + decode engine): ",
        qlabel=_qlabel(scenario),
    )


def _growing(result: Any, scenario: Scenario) -> bool:
    """Does some pool of a plan's simulation end with its TTFT still growing while its
    quantiles pass?  (Only then can a longer run change the verdict: a pool that already misses
    its quantile from an empty start misses it in a longer run too.)"""
    field = quantile_field(float(scenario.slo.quantile))
    slo = scenario.slo

    def passes(g: Any) -> bool:
        t = getattr(g.ttft, field)
        ok = t.value <= slo.ttft_p99_s and not (t.high > slo.ttft_p99_s)
        if slo.tpot_p99_s is not None:
            p = getattr(g.tpot, field)
            ok = ok and p.value <= slo.tpot_p99_s and not (p.high > slo.tpot_p99_s)
        return ok

    return any(g.ttft_growth.value > GROWTH_LIMIT and passes(g) for g in result.sim.pools)


def _qlabel(scenario: Scenario) -> str:
    return f"P{round(float(scenario.slo.quantile) * 100, 3):g}"


#: What ``_judge`` is given of one pool: ``(value, low, high, n, attainment, slo_s, metric)``
#: (``low``/``high`` NaN without an interval, ``metric`` ``"TTFT"``, ``"TPOT"`` or ``"growth"``:
#: the steady-state rule, :data:`GROWTH_LIMIT`, judged on its point value and not stored).
Measure = tuple[float, float, float, int, float | None, float, str]

#: The plan's note when a pool was judged on one run.
POINT_VALUE_NOTE = (
    "verified on one simulation run: each pool passed on its point value alone, with no "
    "confidence interval (use more replications for one)"
)


def _judge(candidate: Plan, measure: Any, header: str, *, qlabel: str = "P99") -> Verdict:
    """Compare each pool's simulated quantile with its SLO.

    ``measure(pool)`` gives a :data:`Measure` or a list of them (TTFT and TPOT; a measure whose
    SLO is infinite is stored in the plan but not judged).  With two or more replications a pool
    passes only when the value and the whole confidence interval are within the SLO; with one
    run (no interval) it passes on its point value, and the verdict and the plan say so
    (:data:`POINT_VALUE_NOTE`).
    """
    pools, failing, parts = [], [], []
    point_only = False
    for pp in candidate.pools:
        measures = measure(pp)
        measures = [measures] if isinstance(measures, tuple) else measures
        fields: dict[str, Any] = {}
        pool_ok = True
        for value, low, high, n, attainment, slo, metric in measures:
            if metric == "growth":  # the steady-state rule, on the point value
                if value > slo:
                    pool_ok = False
                    parts.append(f"{pp.role}/{pp.gpu} x{pp.replicas}: mean TTFT still growing "
                                 f"(x{value:.2f} from the middle to the last third of the run: "
                                 "overloaded) MISSES")
                continue
            has_ci = n >= 2 and not (math.isnan(low) or math.isnan(high))
            point_only = point_only or not has_ci
            ok = value <= slo and (not has_ci or high <= slo)
            pool_ok = pool_ok and ok
            # plans hold finite numbers: an unbounded quantile (requests never served) is
            # stored as UNBOUNDED_S; without an interval its ends are None
            value = value if math.isfinite(value) else UNBOUNDED_S
            lo = (low if math.isfinite(low) else UNBOUNDED_S) if has_ci else None
            hi = (high if math.isfinite(high) else UNBOUNDED_S) if has_ci else None
            field = "simulated_p99_ttft_s" if metric == "TTFT" else "simulated_p99_tpot_s"
            fields[field] = Interval(value=value, low=lo, high=hi, n=int(n))
            fields["simulated_slo_attainment"] = attainment
            if not math.isfinite(slo):
                continue  # stored, not judged
            fmt = ".0f" if metric == "TTFT" else ".1f"
            ci = f" [{lo * 1000:{fmt}}, {hi * 1000:{fmt}}] (n={n})" if has_ci else ""
            parts.append(
                f"{pp.role}/{pp.gpu} x{pp.replicas}: {qlabel} {metric} {value * 1000:{fmt}} ms"
                f"{ci} {'ok' if ok else 'MISSES'}"
            )
        pools.append(pp.model_copy(update=fields))
        if not pool_ok:
            failing.append((pp.role, pp.gpu, pp.replicas, pp.rate_per_s))
    update: dict[str, Any] = {"pools": tuple(pools)}
    if point_only and POINT_VALUE_NOTE not in candidate.notes:
        update["notes"] = tuple(candidate.notes) + (POINT_VALUE_NOTE,)
    verified = candidate.model_copy(update=update)
    tail = " (one run: judged on point values, no confidence interval)" if point_only else ""
    return Verdict(not failing, verified, tuple(failing), header + "; ".join(parts) + tail)
