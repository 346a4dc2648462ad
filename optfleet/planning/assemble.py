"""Write-back: solver solutions become :class:`~optfleet.planning.results.Plan` objects.

:func:`plan_from_solution` turns one solution into an unverified plan (pools with their analytic
latency and utilisation); :func:`finish_plan` adds what the loop learnt — the verification
record, notes, the one-pool baseline, the alternatives, the question and its provenance — and
the spares of the reliability pass (:mod:`optfleet.planning.spares`).
"""

from __future__ import annotations

import math
from typing import Any

from optfleet.planning import disaggregation as pdm
from optfleet.planning.prefix import analytic_hit_rate
from optfleet.planning.record import Alternative, Provenance
from optfleet.planning.results import Plan, PlanPool, PoolServing, SolverStatus, VerificationStep
from optfleet.planning.sizing import pool_latency
from optfleet.planning.spares import plan_spares
from optfleet.planning.tables import Option, PlanningTables
from optfleet.scenario import Scenario

#: Stored in a plan for a latency that is unbounded (requests that were never served).
UNBOUNDED_S = 1e9


def solver_status(result: Any) -> SolverStatus:
    """The plan's record of a backend's :class:`~optfleet.backends.SolveResult`."""
    return SolverStatus(
        backend=result.backend,
        termination=result.termination,
        solution=result.solution,
        objective=result.objective,
        best_bound=result.best_bound,
        gap=result.gap,
        solve_time_s=result.solve_time_s,
    )


def plan_from_solution(scenario: Scenario, tables: PlanningTables, sol: Any, result: Any) -> Plan:
    """Write a solver solution back as an (unverified) :class:`~optfleet.planning.results.Plan`."""
    pools = []
    for pa in sol.pools:
        opt = tables.options[(sol.layout, pa.role, pa.gpu)]
        model, _ = tables.split_role(pa.role)
        sub_scenario, sub_tables = tables.models[model] if model else (scenario, tables)
        if opt.pd is not None:
            pp = _pd_plan_pool(sub_scenario, sub_tables, opt, pa)
        else:
            pp = _plan_pool(sub_scenario, sub_tables, opt, pa)
        serving = pool_serving(sub_tables.ctx, pp)
        if serving is not None:
            pp = pp.model_copy(update={"serving": serving})
        pools.append(pp.model_copy(update={"model": model}) if model else pp)
    if tables.models:
        rates = {m: t.ctx.planning_rate_per_s for m, (_, t) in tables.models.items()}
        rate = sum(rates.values())
        rejected = sum(
            rates[m] * layout_rejected_share(t, tables.combined[sol.layout][m])
            for m, (_, t) in tables.models.items()
        ) / rate
    else:
        rate = tables.ctx.planning_rate_per_s
        rejected = layout_rejected_share(tables, sol.layout)
    return Plan(
        scenario_name=scenario.name,
        preset=tables.ctx.preset.name,
        layout=sol.layout_label,
        rate_per_s=rate,
        threshold_tokens=sol.threshold_tokens,
        gamma=sol.gamma,
        pools=tuple(pools),
        solver=solver_status(result),
        binding_constraints=tuple(sol.binding),
        rejected_share=rejected,
        power_w=float(sol.power_w),
    )


def pool_serving(ctx: Any, pp: PlanPool) -> PoolServing | None:
    """The serving record of one pool (None under a preset of the reference's fixed profiles,
    whose constants stand for no configuration)."""
    from optfleet.physics.configs import config_label, hf_model_id, vllm_command, vllm_flags
    from optfleet.scenario.config_search import gpu_type

    if ctx.preset.profile_set == "calibrated":
        return None
    cfg = ctx.serving_for(pp.gpu).model_copy(update={"max_model_len": int(pp.max_ctx_tokens)})
    if cfg.dtype not in ("bf16", "fp8") or cfg.kv_dtype not in ("bf16", "fp8"):
        return None  # vLLM flags are rendered for bf16 and fp8 only
    flags = vllm_flags(cfg)
    return PoolServing(
        gpu_type=gpu_type(pp.gpu),
        config=config_label(cfg),
        tensor_parallel_size=int(cfg.tensor_parallel_size),
        dtype=cfg.dtype,
        kv_cache_dtype=cfg.kv_dtype,
        max_num_seqs=int(cfg.max_num_seqs),
        max_num_batched_tokens=int(cfg.chunked_prefill_tokens),
        gpu_memory_utilization=float(cfg.gpu_memory_utilization),
        max_model_len_tokens=int(pp.max_ctx_tokens),
        vllm_flags=flags,
        vllm_command=vllm_command(hf_model_id(ctx.model), flags),
        per_replica_rate_per_s=pp.rate_per_s / pp.replicas if pp.replicas else 0.0,
    )


def _plan_pool(scenario: Scenario, tables: PlanningTables, opt: Option, pa: Any) -> PlanPool:
    """An aggregated pool of a solution, with its analytic P99 TTFT and utilisation."""
    ctx = tables.ctx
    if opt.engine is not None:
        return _engine_plan_pool(tables, opt, pa)
    _, ttft = pool_latency(opt.stats, pa.replicas, pa.rate_per_s, scenario.slo, ctx.preset)
    mu = opt.stats.servers_per_replica / opt.stats.mean_service_s
    return PlanPool(
        role=pa.role,
        gpu=pa.gpu,
        replicas=pa.replicas,
        gpus_per_replica=int(opt.profile.gpus_per_replica),
        price_usd_per_replica_hour=float(opt.profile.price_usd_per_hour),
        share=pa.rate_per_s / ctx.planning_rate_per_s,
        rate_per_s=pa.rate_per_s,
        max_ctx_tokens=opt.demand.max_ctx_tokens,
        analytic_p99_ttft_s=ttft if math.isfinite(ttft) else UNBOUNDED_S,
        utilisation=pa.rate_per_s / (pa.replicas * mu) if pa.replicas else 0.0,
        slots_per_replica=int(opt.stats.servers_per_replica),
    )


def _engine_plan_pool(tables: PlanningTables, opt: Option, pa: Any) -> PlanPool:
    """An aggregated pool under the engine-level tables: model TTFT and TPOT quantiles, the
    objective that binds, and utilisation = load / the replica model's saturation rate (the
    tables stop at the preset's ``util_cap`` of it; a calibration moves the tables' level, never
    that bound, so utilisation is at most ``util_cap``)."""
    crit = opt.engine
    ttft, tpot = crit.latency_s(pa.replicas, pa.rate_per_s) if pa.replicas else (0.0, 0.0)
    sat = crit.saturation_per_s / float(tables.ctx.preset.util_cap)
    return PlanPool(
        role=pa.role,
        gpu=pa.gpu,
        replicas=pa.replicas,
        gpus_per_replica=int(opt.profile.gpus_per_replica),
        price_usd_per_replica_hour=float(opt.profile.price_usd_per_hour),
        share=pa.rate_per_s / tables.ctx.planning_rate_per_s,
        rate_per_s=pa.rate_per_s,
        max_ctx_tokens=opt.demand.max_ctx_tokens,
        analytic_p99_ttft_s=ttft if math.isfinite(ttft) else UNBOUNDED_S,
        analytic_p99_tpot_s=tpot if math.isfinite(tpot) else UNBOUNDED_S,
        utilisation=pa.rate_per_s / (pa.replicas * sat) if pa.replicas else 0.0,
        slots_per_replica=int(opt.profile.max_num_seqs),
        binding_slo=crit.binding(pa.replicas),
        analytic_prefix_hit_rate=analytic_hit_rate(tables.ctx, opt.demand.mix),
    )


def _pd_plan_pool(scenario: Scenario, tables: PlanningTables, opt: Option, pa: Any) -> PlanPool:
    """A disaggregated pool of a solution, with its analytic TTFT (prefill) or TPOT (decode)."""
    pd = opt.pd
    assert pd is not None
    q = float(scenario.slo.quantile)
    ttft = tpot = None
    if pd.kind == "prefill":
        util, ttft = pdm.prefill_check(pd.prefill, pa.replicas, pa.rate_per_s, q, pd.values,
                                       pd.probs)
        slots = 1
    else:
        b, _, _, tpot = pdm.decode_check(pd.decode, pa.replicas, pa.rate_per_s, q)
        util = b / pd.decode.slots
        slots = int(pd.decode.slots)
    return PlanPool(
        role=pa.role,
        gpu=pa.gpu,
        replicas=pa.replicas,
        gpus_per_replica=int(opt.profile.gpus_per_replica),
        price_usd_per_replica_hour=float(opt.profile.price_usd_per_hour),
        share=pa.rate_per_s / tables.ctx.planning_rate_per_s,
        rate_per_s=pa.rate_per_s,
        max_ctx_tokens=opt.demand.max_ctx_tokens,
        analytic_p99_ttft_s=None if ttft is None else min(ttft, UNBOUNDED_S),
        analytic_p99_tpot_s=None if tpot is None else min(tpot, UNBOUNDED_S),
        utilisation=float(util),
        slots_per_replica=slots,
        kv_link=pd.link,
    )


def layout_rejected_share(tables: PlanningTables, layout: str) -> float:
    """Share of requests longer than every pool of ``layout`` (rejected and counted)."""
    shares = {  # both pools of a disaggregated layout serve every request: count one
        o.demand.role: o.demand.share
        for (lay, _, _), o in tables.options.items()
        if lay == layout and (o.pd is None or o.pd.kind == "prefill")
    }
    return max(0.0, 1.0 - sum(shares.values()))


def exclusion_notes(excluded: list[str], show: int = 3) -> list[str]:
    """A short summary of the (pool, GPU) options left out, with the first few reasons."""
    if not excluded:
        return []
    notes = [f"{len(excluded)} (pool, GPU type) option(s) left out as unable to serve:"]
    notes += [f"  {line}" for line in excluded[:show]]
    if len(excluded) > show:
        notes.append(f"  ... and {len(excluded) - show} more (PlanningTables.excluded lists all)")
    return notes


def finish_plan(
    scenario: Scenario,
    tables: PlanningTables,
    p: Plan,
    steps: list[VerificationStep],
    notes: list[str],
    *,
    verified: bool,
    level: str | None,
    one_pool_cost: float | None,
    alternatives: tuple[Alternative, ...] = (),
    provenance: Provenance | None = None,
) -> Plan:
    """The reported plan: ``p`` with its verification record, notes, baseline and spares, the
    alternatives it beat, and its question and provenance
    (:mod:`optfleet.planning.record`)."""
    update: dict[str, Any] = {
        "verification": tuple(steps),
        "verified": verified,
        "verification_level": level,
        "notes": tuple(notes) + tuple(n for n in p.notes if n not in notes),  # + the judge's
        "one_pool_cost_usd_per_hour": one_pool_cost,
        "alternatives": tuple(alternatives),
        "question": scenario.model_dump(mode="json"),
        "provenance": provenance,
    }
    if scenario.availability is not None:
        update.update(_spares(scenario, tables, p))
    return p.model_copy(update=update)


def _spares(scenario: Scenario, tables: PlanningTables, p: Plan) -> dict[str, Any]:
    """The reliability pass: spares per pool for the scenario's availability target."""
    av = scenario.availability
    assert av is not None
    preset = tables.ctx.preset
    rule = "ceil-n-over-a" if preset.reliability_rule == "ceil-n-over-a" else "binomial"
    res = plan_spares(
        {f"{pp.role}/{pp.gpu}": pp.replicas for pp in p.pools},
        av.replica_availability,
        target=av.target,
        rule=rule,
    )
    pools = tuple(
        pp.model_copy(update={"spares": s.spares, "prob_enough_healthy": s.prob_enough_healthy})
        for pp, s in zip(p.pools, res.pools, strict=True)
    )
    return {
        "pools": pools,
        "reliability_rule": rule,
        "reliability_target": av.target,
        "fleet_prob_enough_healthy": res.fleet_prob_enough_healthy,
    }
