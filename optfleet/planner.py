"""The fleet planner: check -> build -> solve -> verify -> size spares -> write back.

:func:`plan` answers one :class:`~optfleet.scenario.Scenario`:

1. **check** — resolve the preset, workload, GPU menu and model; every candidate layout (one
   pool, or a split at each CDF breakpoint, times each compress-and-route gamma) is cut into
   pools (:mod:`optfleet.pools`);
2. **tabulate** — for each (layout, pool, GPU type): the exact service-time distribution and the
   capacity table ``Lambda[k]`` (largest rate ``k`` replicas serve within the SLO);
3. **build and solve** — one integer program over every layout, GPU type, replica count and
   traffic share (:mod:`optfleet.formulation`), solved by a backend (:mod:`optfleet.backends`);
   the top-K distinct plans by no-good cuts;
4. **verify** — each candidate, cheapest first, is simulated (:mod:`optfleet.sim`); a plan whose
   simulated P99 TTFT misses the SLO in some pool (point estimate, or the upper end of its 95 %
   confidence interval over independent replications) is never reported: that pool's capacity table
   is tightened (its current count is declared insufficient) and the program re-solved, up to
   ``max_iterations`` rounds; every round is recorded in the plan;
5. **reliability** — spares per pool (:mod:`optfleet.reliability`);
6. **write back** — an immutable :class:`~optfleet.plan.Plan`.

Examples
--------
>>> import optfleet
>>> p = optfleet.plan(optfleet.Scenario(rate_per_s=20), verify=False)
>>> p.solver.termination, p.cost_usd_per_hour > 0
('optimal', True)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from optfleet._search import smallest_true
from optfleet.errors import InfeasibleError, InputError, ModelDoesNotFitError, OptfleetError
from optfleet.pools import (
    PoolContext,
    PoolDemand,
    criterion,
    pool_latency,
    pool_service,
)
from optfleet.queueing import capacity_table as _capacity_table
from optfleet.queueing import min_replicas as _min_replicas
from optfleet.results import Interval, Plan, PlanPool, SolverStatus, VerificationStep
from optfleet.scenario import Scenario

Progress = Callable[[str], None]

#: Factor applied to a capacity table whose plan failed in simulation.
TIGHTEN = 0.9
#: Stored in a plan for a latency that is unbounded (requests that were never served).
UNBOUNDED_S = 1e9
#: Largest plan (replicas) whose failing pools are probed by simulation; each probe simulates
#: the whole plan, so larger plans fall back to ``TIGHTEN``.
PROBE_MAX_REPLICAS = 200


def _layout_name(threshold: int | None, gamma: float) -> str:
    if threshold is None:
        return "one pool"
    return f"split {threshold}" + (f" gamma {gamma:g}" if gamma != 1.0 else "")


@dataclass
class _Option:
    """What the planner knows about one (layout, role, gpu) beyond its capacity table."""

    demand: PoolDemand
    stats: Any
    profile: Any
    table: np.ndarray
    pd: _PDOption | None = None


@dataclass(frozen=True)
class _PDStats:
    """The two service figures the planner reads from a disaggregated pool option."""

    servers_per_replica: int
    mean_service_s: float


@dataclass(frozen=True)
class _PDOption:
    """A pool of a disaggregated layout (see :mod:`optfleet.disaggregation`)."""

    kind: str  # "prefill" or "decode"
    prefill: Any  # PDSide of the prefill GPU
    decode: Any  # PDSide of the decode GPU
    link: str
    bandwidth_bytes_per_s: float
    values: np.ndarray  # prefill + transfer distribution
    probs: np.ndarray
    tpot_slo_s: float


def _pd_layout_name(prefill_gpu: str, decode_gpu: str) -> str:
    return f"disagg {prefill_gpu}/{decode_gpu}"


@dataclass
class PlanningTables:
    """Everything tabulated for one scenario: layouts, pool demands, options and exclusions."""

    ctx: PoolContext
    layouts: list[Any] = field(default_factory=list)  # formulation.Layout
    options: dict[tuple[str, str, str], _Option] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)  # one line per (pool, gpu) left out
    build_time_s: float = 0.0
    # multi-model scenarios: model -> (its scenario, its tables); combined layout -> {model:
    # that model's layout}; notes on how the combination was built
    models: dict[str, tuple[Scenario, PlanningTables]] = field(default_factory=dict)
    combined: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    verdicts: dict[Any, Any] = field(default_factory=dict)  # a model's sub-plan -> its Verdict

    def split_role(self, role: str) -> tuple[str | None, str]:
        """``("model", "role")`` of a combined role ``"model/role"``; ``(None, role)`` else."""
        if self.models and "/" in role:
            m, r = role.split("/", 1)
            return m, r
        return None, role


#: Most combined layouts a multi-model program enumerates exactly (the product of the models'
#: layout counts); beyond it each model keeps only its cheapest standalone layouts.
MAX_COMBINED_LAYOUTS = 2000


def _headroom(k: int) -> int:
    return k + max(2, k // 4)


def tabulate(scenario: Scenario, *, progress: Progress | None = None) -> PlanningTables:
    """Steps 1-2: layouts, pools, service statistics and capacity tables for every option."""
    from optfleet.formulation import Layout, Role

    if scenario.models:
        return _tabulate_models(scenario, progress)
    t0 = time.perf_counter()
    ctx = PoolContext.from_scenario(scenario)
    tables = PlanningTables(ctx)
    preset = ctx.preset
    rate = ctx.planning_rate_per_s
    slo = scenario.slo
    long_ctx = ctx.long_ctx_tokens
    stats_cache: dict[tuple[Any, ...], Any] = {}
    profiles: dict[str, Any] = {}
    for gpu in scenario.gpus:
        try:
            profiles[gpu] = ctx.profile(gpu)
        except ModelDoesNotFitError as exc:
            tables.excluded.append(f"{gpu}: {exc}")
    if not profiles:
        raise InfeasibleError(
            "no GPU type of the menu can hold the model: " + "; ".join(tables.excluded)
        )
    aggregated = ctx.layouts() if scenario.disaggregation != "only" else []
    for threshold, gamma in aggregated:
        if threshold is not None and threshold >= long_ctx:
            continue
        demands = ctx.demands(threshold, gamma)
        name = _layout_name(threshold, gamma)
        roles = []
        min_rep = scenario.constraints.min_replicas_per_pool
        layout_ok = True
        for d in demands:
            role_rate = d.rate_per_s(rate)
            roles.append(Role(d.role, role_rate, min_rep))
            served = False
            for gpu, prof in profiles.items():
                key = (d.role, d.max_ctx_tokens, threshold if d.role != "all" else None, gamma, gpu)
                try:
                    stats = stats_cache.get(key)
                    if stats is None:
                        stats = pool_service(prof, d, preset)
                        stats_cache[key] = stats
                    crit = criterion(stats, slo, preset)
                    k_full = _min_replicas(role_rate, crit) if role_rate > 0 else 0
                except (ModelDoesNotFitError, InfeasibleError) as exc:
                    tables.excluded.append(
                        f"pool {d.role!r} of layout {name!r} (requests up to {d.max_ctx_tokens} "
                        f"tokens) on {gpu}: {exc}"
                    )
                    continue
                table = _capacity_table(_headroom(k_full), crit)
                tables.options[(name, d.role, gpu)] = _Option(d, stats, prof, table)
                served = True
            layout_ok = layout_ok and served
        if layout_ok:
            tables.layouts.append(Layout(name, tuple(roles), threshold, gamma))
        else:
            for d in demands:
                for gpu in profiles:
                    tables.options.pop((name, d.role, gpu), None)
    if scenario.disaggregation != "off":
        _tabulate_disaggregated(scenario, tables, profiles)
    tables.build_time_s = time.perf_counter() - t0
    if progress:
        progress(
            f"tabulated {len(tables.options)} pool options over {len(tables.layouts)} layouts "
            f"in {tables.build_time_s:.2f} s"
        )
    if not tables.layouts:
        raise InfeasibleError(_explain_no_layout(scenario, tables))
    return tables


def _standalone_cost(tables: PlanningTables, layout: Any) -> float:
    """A lower bound on one layout's cost: per role, the cheapest single GPU type's count."""
    total = 0.0
    for role in layout.roles:
        best = math.inf
        for (lay, r, _), opt in tables.options.items():
            if lay != layout.name or r != role.name:
                continue
            k = int(np.searchsorted(opt.table, role.rate_per_s * (1 - 1e-12)))
            if k < len(opt.table):
                best = min(best, k * float(opt.profile.price_usd_per_hour))
        total += best
    return total


def _tabulate_models(scenario: Scenario, progress: Progress | None) -> PlanningTables:
    """A multi-model scenario: tabulate each model alone, then combine one layout per model.

    Every combination of the models' layouts becomes one layout of the integer program whose
    roles are ``model/role``; the options are the models' own.  Shared GPU caps, budget and
    power then couple the models exactly.  If the combinations exceed
    :data:`MAX_COMBINED_LAYOUTS`, each model keeps its cheapest standalone layouts (by a lower
    bound on their cost) and the plan says so.
    """
    import itertools

    from optfleet.formulation import Layout, Role

    t0 = time.perf_counter()
    subs: dict[str, tuple[Scenario, PlanningTables]] = {}
    for entry in scenario.models:
        sub = scenario.for_model(entry)
        try:
            subs[entry.name] = (sub, tabulate(sub, progress=progress))
        except OptfleetError as exc:
            raise type(exc)(f"model {entry.name!r}: {exc}") from None
    first = next(iter(subs.values()))[1]
    tables = PlanningTables(first.ctx, models=subs)
    per_model = {m: list(t.layouts) for m, (_, t) in subs.items()}
    size = math.prod(len(v) for v in per_model.values())
    if size > MAX_COMBINED_LAYOUTS:
        keep = max(1, int(MAX_COMBINED_LAYOUTS ** (1 / len(per_model))))
        for m, (_, t) in subs.items():
            n = len(per_model[m])
            if n > keep:
                per_model[m] = sorted(per_model[m], key=lambda lay, t=t: _standalone_cost(t, lay))[
                    :keep
                ]
                tables.notes.append(
                    f"model {m!r}: {keep} of its {n} layouts combined (the cheapest by a lower "
                    f"bound); optimal among those, not proven over all {size} combinations"
                )
    for m, (_, t) in subs.items():
        tables.excluded.extend(f"model {m!r}: {e}" for e in t.excluded)
    for combo in itertools.product(*per_model.values()):
        name = " + ".join(f"{m}: {lay.name}" for m, lay in zip(per_model, combo, strict=True))
        roles = []
        for m, lay in zip(per_model, combo, strict=True):
            sub_tables = subs[m][1]
            roles.extend(Role(f"{m}/{r.name}", r.rate_per_s, r.min_replicas) for r in lay.roles)
            for (lname, role, gpu), opt in sub_tables.options.items():
                if lname == lay.name:
                    tables.options[(name, f"{m}/{role}", gpu)] = opt
        tables.layouts.append(Layout(name, tuple(roles)))
        tables.combined[name] = {m: lay.name for m, lay in zip(per_model, combo, strict=True)}
    tables.build_time_s = time.perf_counter() - t0
    if progress:
        progress(f"combined {len(tables.layouts)} multi-model layouts")
    return tables


def _tabulate_disaggregated(
    scenario: Scenario, tables: PlanningTables, profiles: dict[str, Any]
) -> None:
    """One layout per (prefill GPU, decode GPU): roles ``prefill`` and ``decode``, each carrying
    the whole rate, with capacity tables from :mod:`optfleet.disaggregation`."""
    from optfleet import disaggregation as pdm
    from optfleet.formulation import Layout, Role

    ctx = tables.ctx
    slo = scenario.slo
    demand = ctx.demands(None)[0]
    rate = demand.rate_per_s(ctx.planning_rate_per_s)  # requests that fit (others rejected)
    mix = demand.mix
    tpot = pdm.tpot_slo_s(scenario)
    sides = {}
    for gpu in profiles:
        try:
            sides[gpu] = pdm.pd_side(ctx, gpu, mix)
        except ModelDoesNotFitError as exc:
            tables.excluded.append(f"disaggregated pools on {gpu}: {exc}")
    decode_rate = {
        gpu: pdm.decode_rate_per_replica(side, float(slo.quantile), tpot)
        for gpu, side in sides.items()
    }
    min_rep = scenario.constraints.min_replicas_per_pool
    for gp, ps in sides.items():
        for gd, ds in sides.items():
            name = _pd_layout_name(gp, gd)
            link, bw = pdm.pd_link(ps, ds)
            values, probs, _ = pdm.ttft_classes(ctx, mix, ps, bw)
            crit = pdm.prefill_criterion(ps, values, probs, slo, ctx.preset.util_cap)
            try:
                k_p = _min_replicas(rate, crit)
            except InfeasibleError as exc:
                tables.excluded.append(f"pool 'prefill' of layout {name!r} on {gp}: {exc}")
                continue
            per = decode_rate[gd]
            if per <= 0:
                t1 = float(ds.profile.iteration.time_s(0.0, 1.0, ds.mean_ctx_tokens))
                tables.excluded.append(
                    f"pool 'decode' of layout {name!r} on {gd}: one decode iteration takes "
                    f"{t1 * 1000:.1f} ms, above the TPOT SLO of {tpot * 1000:g} ms"
                )
                continue
            k_d = math.ceil(rate / per)
            common = dict(prefill=ps, decode=ds, link=link, bandwidth_bytes_per_s=bw,
                          values=values, probs=probs, tpot_slo_s=tpot)
            pre_demand = PoolDemand("prefill", demand.max_ctx_tokens, demand.share, mix)
            dec_demand = PoolDemand("decode", demand.max_ctx_tokens, demand.share, mix)
            tables.options[(name, "prefill", gp)] = _Option(
                pre_demand,
                _PDStats(1, ps.prefill_mean_s),
                ps.profile,
                _capacity_table(_headroom(k_p), crit),
                _PDOption("prefill", **common),
            )
            b_time = ds.mean_decode_iters * float(
                ds.profile.iteration.time_s(0.0, ds.slots, ds.slots * ds.mean_ctx_tokens)
            )
            tables.options[(name, "decode", gd)] = _Option(
                dec_demand,
                _PDStats(int(ds.slots), b_time),
                ds.profile,
                per * np.arange(_headroom(k_d) + 1, dtype=np.float64),
                _PDOption("decode", **common),
            )
            tables.layouts.append(
                Layout(name, (Role("prefill", rate, min_rep), Role("decode", rate, min_rep)))
            )


def _explain_no_layout(scenario: Scenario, tables: PlanningTables) -> str:
    first = tables.excluded[0] if tables.excluded else "no pool can be served"
    more = len(tables.excluded) - 1
    return (
        f"no layout can meet P{round(scenario.slo.quantile * 100, 3):g} TTFT "
        f"{scenario.slo.ttft_p99_s * 1000:g} ms: {first}"
        + (f" (and {more} more pool/GPU combinations)" if more > 0 else "")
    )


def build_problem(scenario: Scenario, tables: PlanningTables) -> Any:
    """Step 3a: the :class:`~optfleet.formulation.PlanningProblem` of the tabulated options."""
    import networkx as nx

    from optfleet.formulation import CapacityOption, PlanningProblem

    options = []
    for (layout, role, gpu), opt in tables.options.items():
        prof = opt.profile
        power = float(np.asarray(prof.power_w(max(1, int(opt.stats.servers_per_replica)))))
        options.append(
            CapacityOption(
                layout,
                role,
                gpu,
                tuple(float(v) for v in opt.table),
                float(prof.price_usd_per_hour),
                int(prof.gpus_per_replica),
                power,
            )
        )
    cons = scenario.constraints
    eligibility = None
    if cons.eligible:
        g = nx.Graph()
        roles = {r for (_, r, _) in tables.options}
        known = roles | set(tables.models)
        unknown = sorted(k for k in cons.eligible if k not in known)
        if unknown:
            raise InputError(
                f"constraints.eligible names no pool or model of this scenario: {unknown}; "
                f"pools: {sorted(roles)}" + (f", models: {sorted(tables.models)}"
                                             if tables.models else "")
            )
        bad = sorted({gpu for gs in cons.eligible.values() for gpu in gs} - set(scenario.gpus))
        if bad:
            raise InputError(
                f"constraints.eligible lists GPU types not in the menu: {bad}; "
                f"menu: {list(scenario.gpus)}"
            )
        for role in roles:
            model, _ = tables.split_role(role)
            allowed = cons.eligible.get(role)
            if allowed is None and model is not None:
                allowed = cons.eligible.get(model)
            for gpu in allowed if allowed is not None else tuple(scenario.gpus):
                g.add_edge(role, gpu)
        eligibility = g
    return PlanningProblem(
        layouts=tuple(tables.layouts),
        options=tuple(options),
        max_gpus=dict(cons.max_gpus),
        budget_usd_per_hour=cons.budget_usd_per_hour,
        power_budget_w=cons.power_budget_w,
        min_replicas_per_pool=cons.min_replicas_per_pool,
        eligibility=eligibility,
    )


def _solver_status(result: Any) -> SolverStatus:
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
    """Write a solver solution back as an (unverified) :class:`~optfleet.results.Plan`."""
    pools = []
    for pa in sol.pools:
        opt = tables.options[(sol.layout, pa.role, pa.gpu)]
        model, _ = tables.split_role(pa.role)
        sub_scenario, sub_tables = tables.models[model] if model else (scenario, tables)
        if opt.pd is not None:
            pp = _pd_plan_pool(sub_scenario, sub_tables, opt, pa)
        else:
            pp = _plan_pool(sub_scenario, sub_tables, opt, pa)
        pools.append(pp.model_copy(update={"model": model}) if model else pp)
    if tables.models:
        rates = {m: t.ctx.planning_rate_per_s for m, (_, t) in tables.models.items()}
        rate = sum(rates.values())
        rejected = sum(
            rates[m] * _rejected_share(t, tables.combined[sol.layout][m])
            for m, (_, t) in tables.models.items()
        ) / rate
    else:
        rate = tables.ctx.planning_rate_per_s
        rejected = _rejected_share(tables, sol.layout)
    return Plan(
        scenario_name=scenario.name,
        preset=tables.ctx.preset.name,
        layout=sol.layout_label,
        rate_per_s=rate,
        threshold_tokens=sol.threshold_tokens,
        gamma=sol.gamma,
        pools=tuple(pools),
        solver=_solver_status(result),
        binding_constraints=tuple(sol.binding),
        rejected_share=rejected,
    )


def _plan_pool(scenario: Scenario, tables: PlanningTables, opt: _Option, pa: Any) -> PlanPool:
    """An aggregated pool of a solution, with its analytic P99 TTFT and utilisation."""
    ctx = tables.ctx
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


def _pd_plan_pool(scenario: Scenario, tables: PlanningTables, opt: _Option, pa: Any) -> PlanPool:
    """A disaggregated pool of a solution, with its analytic TTFT (prefill) or TPOT (decode)."""
    from optfleet import disaggregation as pdm

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


def _rejected_share(tables: PlanningTables, layout: str) -> float:
    """Share of requests longer than every pool of ``layout`` (rejected and counted)."""
    shares = {  # both pools of a disaggregated layout serve every request: count one
        o.demand.role: o.demand.share
        for (lay, _, _), o in tables.options.items()
        if lay == layout and (o.pd is None or o.pd.kind == "prefill")
    }
    return max(0.0, 1.0 - sum(shares.values()))


def plan(
    scenario: Scenario | None = None,
    *,
    backend: str = "cbc",
    top_k: int = 3,
    verify: bool = True,
    level: str = "engine",
    sim_requests: int | None = None,
    replications: int = 5,
    max_iterations: int = 6,
    time_limit_s: float | None = None,
    gap: float | None = None,
    progress: Progress | None = None,
    probe: bool = True,
) -> Plan:
    """Plan the cheapest fleet for ``scenario`` (the built-in default when None).

    Parameters
    ----------
    scenario
        The question; ``Scenario()`` is the built-in default (azure, 100 req/s, P99 TTFT
        500 ms, A10G/A100/H100).
    backend
        Solver backend (``optfleet backends`` lists the installed ones).
    top_k
        How many distinct plans to verify per solve, cheapest first.
    verify, level, sim_requests, replications
        Simulation of the candidates (``level`` ``"engine"`` or ``"slot"``); ``verify=False``
        skips it (the plan says so).
    max_iterations
        Cap on verification rounds (solve -> simulate -> tighten).
    probe
        When a pool fails simulation, find by simulation (growing step, then bisection) how many
        replicas it needs for the load it was given, and feed that count back (single-model
        plans of at most ``PROBE_MAX_REPLICAS`` replicas); otherwise, or if False, its table is
        capped and scaled by ``TIGHTEN``.
    time_limit_s, gap
        Solver options.

    Raises
    ------
    InfeasibleError
        If no plan meets the SLO and constraints; the message names the pool and threshold.
    """
    from optfleet.backends import SolveOptions, get_backend
    from optfleet.formulation import build_model, enumerate_plans, explain_infeasible

    scenario = scenario or Scenario()
    tables = tabulate(scenario, progress=progress)
    problem = build_problem(scenario, tables)
    solver = get_backend(backend)
    opts = SolveOptions(time_limit_s=time_limit_s, gap_rel=gap)
    if verify:
        from optfleet.verify import quantile_field

        for sub in [scenario, *(scenario.for_model(m) for m in scenario.models)]:
            quantile_field(sub.slo.quantile)  # raises for a quantile simulation can not judge
    one_pool_cost = _one_pool_cost(tables, problem, solver, opts)
    steps: list[VerificationStep] = []
    notes: list[str] = _exclusion_notes(tables.excluded) + tables.notes
    if verify:
        problem, dropped = _drop_prefill_bound(scenario, tables, problem)
        if dropped:
            notes.append(
                f"{dropped} pool option(s) left out before simulation: their prefill time alone "
                "exceeds the SLO for more requests than the quantile allows, so no replica count "
                "can pass verification (the preset's analytics do not check the prefill tail)"
            )
    for iteration in range(1, max_iterations + 1):
        model = build_model(problem)
        ranked = enumerate_plans(
            model, top_k if verify else 1, lambda m: solver.solve(m.lp, m.variables, opts)
        )
        if not ranked:
            reasons = list(explain_infeasible(problem)) or [
                "the constraints leave no feasible plan"
            ]
            more = len(reasons) - 3
            msg = "; ".join(reasons[:3]) + (f" (and {more} more)" if more > 0 else "")
            if any("left out before simulation" in n for n in notes):
                msg = ("every remaining option was left out before simulation because its "
                       "prefill alone breaks the SLO tail; " + msg)
            raise InfeasibleError(msg)
        if progress:
            progress(
                f"round {iteration}: {len(ranked)} candidate plan(s), cheapest "
                f"${ranked[0].solution.cost_usd_per_hour:,.2f}/h"
            )
        if not verify:
            p = plan_from_solution(scenario, tables, ranked[0].solution, ranked[0].result)
            return _finish(
                scenario,
                tables,
                p,
                steps,
                notes + ["not verified by simulation"],
                verified=False,
                level=None,
                one_pool_cost=one_pool_cost,
            )
        for rp in ranked:
            candidate = plan_from_solution(scenario, tables, rp.solution, rp.result)
            if progress:
                progress(
                    f"simulating candidate {rp.rank}: {candidate.layout}, "
                    f"{candidate.gpus} GPUs, ${candidate.cost_usd_per_hour:,.2f}/h"
                )
            verdict = verify_plan(
                scenario,
                tables,
                candidate,
                level=level,
                n_requests=sim_requests,
                replications=replications,
            )
            probed: dict[tuple[str, str], int | None] = {}
            if (
                not verdict.accepted
                and probe
                and not tables.models
                and sum(pp.replicas for pp in candidate.pools) <= PROBE_MAX_REPLICAS
            ):
                for role, gpu, replicas, carried in verdict.failing:
                    if progress:
                        progress(f"probing {role}/{gpu}: how many replicas carry {carried:g}/s")
                    k_cap = len(problem.option(rp.solution.layout, role, gpu).capacity_per_s) - 1
                    probed[(role, gpu)] = _probe_count(  # fewer replications: a search aid
                        scenario, tables, candidate, role, gpu, replicas,
                        max(k_cap, 2 * replicas), level=level, n_requests=sim_requests,
                        replications=replications,
                    )
            detail = verdict.detail + "".join(
                f"; probe: {r}/{g} needs "
                + (f"{k} replicas" if k is not None else "more replicas than tabulated")
                for (r, g), k in probed.items()
            )
            steps.append(
                VerificationStep(
                    iteration=iteration,
                    candidate=rp.rank,
                    candidate_cost_usd_per_hour=candidate.cost_usd_per_hour,
                    accepted=verdict.accepted,
                    detail=detail,
                )
            )
            if verdict.accepted:
                kinds = {pp.role.rsplit("/", 1)[-1] in ("prefill", "decode")
                         for pp in candidate.pools}
                return _finish(
                    scenario,
                    tables,
                    verdict.plan,
                    steps,
                    notes,
                    verified=True,
                    level={
                        frozenset({True}): "disaggregated",
                        frozenset({True, False}): f"{level} + disaggregated",
                    }.get(frozenset(kinds), level),
                    one_pool_cost=one_pool_cost,
                )
            # Feed back: a failing pool's count could not carry the load it was given, so its
            # table is capped below that load at every count up to it, and the whole table is
            # scaled by TIGHTEN (the analytics over-stated this option's capacity).
            for role, gpu, replicas, carried in verdict.failing:
                if (role, gpu) in probed:
                    problem = _feed_back_probe(
                        problem, rp.solution.layout, role, gpu, replicas, carried,
                        probed[(role, gpu)],
                    )
                    continue
                new_tables = {}
                for key in _tighten_keys(tables, rp.solution.layout, role, gpu):
                    table = np.array(problem.option(*key).capacity_per_s) * TIGHTEN
                    upto = min(replicas, len(table) - 1)
                    table[: upto + 1] = np.minimum(table[: upto + 1], carried * (1 - 1e-6))
                    new_tables[key] = np.maximum.accumulate(table)
                problem = problem.with_tables(
                    new_tables,
                    reason=(
                        f"simulation missed the SLO with {replicas} replicas carrying "
                        f"{carried:g} req/s; table capped below that and scaled by {TIGHTEN}"
                    ),
                )
    raise InfeasibleError(
        f"no candidate passed simulation within {max_iterations} rounds; last: "
        + (steps[-1].detail if steps else "none")
    )


def _feed_back_probe(
    problem: Any, layout: str, role: str, gpu: str, failed: int, carried: float, k: int | None
) -> Any:
    """Feed a probed count back into the tables.

    Simulation showed that ``(role, gpu)`` needs ``k`` replicas (not ``failed``) to carry
    ``carried`` req/s.  Read as a calibration of the analytics, the option's table is scaled by
    ``f = carried / Lambda[k - 1]`` (so ``k - 1`` replicas fall just short of the load, ``k``
    carry it), and the same factor is applied to the role's option on this GPU type in every
    other layout, whose analytics err the same way (it only ever lowers a table; every plan is
    still simulated before it is accepted).  If no tabulated count passed, the tables are scaled
    by ``TIGHTEN`` and capped below the load instead.
    """
    key = (layout, role, gpu)
    table = np.array(problem.option(*key).capacity_per_s)
    if k is not None and k >= len(table):  # measured beyond the tabulated counts
        table = np.concatenate([table, np.full(k + 1 - len(table), table[-1])])
    if k is None:
        factor = TIGHTEN
        cap_upto = len(table)
        reason = (f"simulation: {failed} replicas missed the SLO carrying {carried:g} req/s and "
                  "no tabulated count carried it")
    else:
        factor = min(1.0, carried / float(table[k - 1])) if table[k - 1] > 0 else 1.0
        cap_upto = k
        reason = (f"simulation: {failed} replicas missed the SLO carrying {carried:g} req/s, "
                  f"{k} carried it; tables of {role!r} on {gpu} scaled by {factor:.3f}")
    new = table * factor
    new[:cap_upto] = np.minimum(new[:cap_upto], carried * (1 - 1e-6))
    if k is not None:
        new[k:] = np.maximum(new[k:], carried)  # measured: k replicas carry the load
    updates = {key: np.maximum.accumulate(new)}
    if factor < 1.0:
        for o in problem.options:
            if o.role == role and o.gpu == gpu and o.layout != layout:
                updates[o.key] = np.asarray(o.capacity_per_s) * factor
    return problem.with_tables(updates, reason=reason)


def _probe_count(
    scenario: Scenario,
    tables: PlanningTables,
    candidate: Plan,
    role: str,
    gpu: str,
    failed: int,
    k_cap: int,
    **verify_kw: Any,
) -> int | None:
    """The fewest replicas with which pool ``(role, gpu)`` of ``candidate`` passes simulation.

    The pool keeps the traffic it was given; the other pools are unchanged (pools are
    independent: requests are routed to them by label).  Counts above ``failed`` are searched
    by :func:`~optfleet._search.smallest_true` (galloping, then bisection).  None if even
    ``k_cap`` replicas fail.
    """
    def passes(k: int) -> bool:
        pools = tuple(
            pp.model_copy(update={"replicas": k}) if (pp.role, pp.gpu) == (role, gpu) else pp
            for pp in candidate.pools
        )
        v = verify_plan(scenario, tables, candidate.model_copy(update={"pools": pools}),
                        **verify_kw)
        return all((r, g) != (role, gpu) for r, g, _, _ in v.failing)

    return smallest_true(passes, failed + 1, k_cap)


def _exclusion_notes(excluded: list[str], show: int = 3) -> list[str]:
    """A short summary of the (pool, GPU) options left out, with the first few reasons."""
    if not excluded:
        return []
    notes = [f"{len(excluded)} (pool, GPU type) option(s) left out as unable to serve:"]
    notes += [f"  {line}" for line in excluded[:show]]
    if len(excluded) > show:
        notes.append(f"  ... and {len(excluded) - show} more (PlanningTables.excluded lists all)")
    return notes


def _one_pool_cost(tables: PlanningTables, problem: Any, solver: Any, opts: Any) -> float | None:
    """The cheapest one-pool plan's cost (the baseline users compare splits against)."""
    from dataclasses import replace

    from optfleet.formulation import build_model

    one = [lay for lay in problem.layouts if lay.name == "one pool"]
    if not one or len(problem.layouts) == 1:
        return None
    sub = replace(
        problem,
        layouts=tuple(one),
        options=tuple(o for o in problem.options if o.layout == "one pool"),
        max_gpus=dict(problem.max_gpus),
    )
    try:
        m = build_model(sub)
        sol = m.solution(solver.solve(m.lp, m.variables, opts))
    except Exception:  # noqa: BLE001 - the baseline is informative only
        return None
    return None if sol is None else float(sol.cost_usd_per_hour)


def _finish(
    scenario: Scenario,
    tables: PlanningTables,
    p: Plan,
    steps: list[VerificationStep],
    notes: list[str],
    *,
    verified: bool,
    level: str | None,
    one_pool_cost: float | None,
) -> Plan:
    from optfleet.reliability import plan_spares

    preset = tables.ctx.preset
    update: dict[str, Any] = {
        "verification": tuple(steps),
        "verified": verified,
        "verification_level": level,
        "notes": tuple(notes),
        "one_pool_cost_usd_per_hour": one_pool_cost,
    }
    av = scenario.availability
    if av is not None:
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
        update.update(
            pools=pools,
            reliability_rule=rule,
            reliability_target=av.target,
            fleet_prob_enough_healthy=res.fleet_prob_enough_healthy,
        )
    return p.model_copy(update=update)


# --------------------------------------------------------------------------------------------
# Verification by simulation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
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
    protocol judges it instead (:func:`optfleet.verify.fleet_sim_replay`).
    """
    from optfleet.verify import replay_applies, replay_plan, simulate_plan

    if tables.models:
        return _verify_models(tables, candidate, level, n_requests, replications)
    slo = scenario.slo.ttft_p99_s
    first = tables.options.get((_plan_layout_key(candidate), candidate.pools[0].role,
                                candidate.pools[0].gpu))
    if first is not None and first.pd is not None:
        return _verify_disaggregated(scenario, tables, candidate, n_requests, replications)
    if (
        level == "slot"
        and tables.ctx.preset.slot_verification == "fleet-sim"
        and replay_applies(scenario)
    ):
        replay = replay_plan(scenario, tables, candidate)

        def point(pp: PlanPool) -> tuple[float, float, float, float | None, float, str]:
            r = replay.pool(pp.role, pp.gpu)
            return r.p99_ttft_s, r.p99_ttft_s, r.p99_ttft_s, r.slo_attainment, slo, "TTFT"

        header = (
            f"slot-level simulation, fleet-sim protocol (one run of {replay.n_requests} requests "
            f"after {replay.warmup_requests} warm-up, seed {replay.seed}, pooled queue): "
        )
        return _judge(candidate, point, header, with_ci=False, qlabel=_qlabel(scenario))
    result = simulate_plan(
        scenario,
        tables,
        candidate,
        level=level,
        n_requests=n_requests,
        replications=replications,
    )

    def interval(pp: PlanPool) -> tuple[float, float, float, float | None, float, str]:
        m = result.pool_ttft(pp.role, pp.gpu, float(scenario.slo.quantile))
        return m.value, m.low, m.high, result.pool_attainment(pp.role, pp.gpu), slo, "TTFT"

    return _judge(candidate, interval, f"{level}-level simulation: ", with_ci=True,
                  qlabel=_qlabel(scenario))


def _drop_prefill_bound(
    scenario: Scenario, tables: PlanningTables, problem: Any
) -> tuple[Any, int]:
    """Zero the tables of options whose prefill alone breaks the TTFT quantile.

    Simulation measures TTFT = wait + prefill, so such an option can never be verified; the
    ``fleet-sim`` analytics (P99 *wait* against the SLO) do not see it.  Under the default
    preset the criterion already excludes these options, so nothing changes there.
    """
    zeroed: dict[tuple[str, str, str], Any] = {}
    distinct: set[int] = set()
    verdict: dict[int, bool] = {}  # options are shared by multi-model combinations
    for key, opt in tables.options.items():
        stats = opt.stats
        values = getattr(stats, "prefill_values_s", None)
        if values is None:
            continue
        if id(opt) not in verdict:
            model, _ = tables.split_role(key[1])
            slo = tables.models[model][0].slo if model else scenario.slo
            probs = np.asarray(stats.prefill_probs, dtype=np.float64)
            above = float(probs[np.asarray(values) > slo.ttft_p99_s].sum()) / float(probs.sum())
            verdict[id(opt)] = above > 1.0 - slo.quantile + 1e-12
        if verdict[id(opt)]:
            zeroed[key] = np.zeros(len(problem.option(*key).capacity_per_s))
            distinct.add(id(opt))
    if zeroed:
        problem = problem.with_tables(
            zeroed, reason="its prefill alone exceeds the SLO for more requests than allowed"
        )
    return problem, len(distinct)


def _tighten_keys(
    tables: PlanningTables, layout: str, role: str, gpu: str
) -> list[tuple[str, str, str]]:
    """The options a failed simulation tightens: the failing one and, in a multi-model program,
    the same model option in every combined layout that contains it."""
    model, _ = tables.split_role(role)
    if model is None:
        return [(layout, role, gpu)]
    own = tables.combined[layout][model]
    return [(lay, role, gpu) for lay, combo in tables.combined.items() if combo[model] == own]


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
        for pp in v.plan.pools:
            role = f"{m}/{pp.role}"
            pools[(role, pp.gpu)] = pp.model_copy(update={"role": role, "model": m})
        failing.extend((f"{m}/{r}", g, n, c) for r, g, n, c in v.failing)
        parts.append(f"{m}: {v.detail}")
    verified = candidate.model_copy(
        update={"pools": tuple(pools[(pp.role, pp.gpu)] for pp in candidate.pools)}
    )
    return Verdict(accepted, verified, tuple(failing), " | ".join(parts))


def _plan_layout_key(plan: Plan) -> str:
    from optfleet.verify import _layout_key

    return _layout_key(plan)


def _verify_disaggregated(
    scenario: Scenario,
    tables: PlanningTables,
    candidate: Plan,
    n_requests: int | None,
    replications: int,
) -> Verdict:
    """Simulate a disaggregated plan (:func:`optfleet.sim.pd.simulate_disaggregated`): the
    prefill pool is judged on P99 TTFT, the decode pool on P99 TPOT, each by its 95 % CI."""
    from optfleet.disaggregation import kv_transfer_s
    from optfleet.sim.pd import simulate_disaggregated
    from optfleet.verify import default_sim_requests

    key = _plan_layout_key(candidate)
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
    def measure(pp: PlanPool) -> tuple[float, float, float, float | None, float, str]:
        if pp.role == "prefill":
            e, a, slo_s, what = r.ttft_p99_s, r.ttft_attainment, scenario.slo.ttft_p99_s, "TTFT"
        else:
            e, a, slo_s, what = r.tpot_p99_s, r.tpot_attainment, pd.tpot_slo_s, "TPOT"
        return e.value, e.low, e.high, float(a.value), slo_s, what

    return _judge(
        candidate,
        measure,
        "disaggregated simulation (prefill slot level + decode engine): ",
        with_ci=True,
        qlabel=_qlabel(scenario),
    )


def _qlabel(scenario: Scenario) -> str:
    return f"P{round(float(scenario.slo.quantile) * 100, 3):g}"


def _judge(
    candidate: Plan, measure: Any, header: str, *, with_ci: bool, qlabel: str = "P99"
) -> Verdict:
    """Compare each pool's simulated P99 with its SLO.

    ``measure(pool)`` gives ``(value, low, high, attainment, slo_s, metric)``, ``metric`` being
    ``"TTFT"`` or ``"TPOT"``.  A pool passes only when the value and the whole 95 % confidence
    interval are within the SLO (a point estimate has ``low == high == value``).
    """
    pools, failing, parts = [], [], []
    for pp in candidate.pools:
        value, low, high, attainment, slo, metric = measure(pp)
        ok = value <= slo and (not math.isfinite(high) or high <= slo)
        # plans hold finite numbers: an unbounded P99 (requests never served) is stored as
        # UNBOUNDED_S, and an undefined interval end as the value
        value = value if math.isfinite(value) else UNBOUNDED_S
        low = low if math.isfinite(low) else value
        high = high if math.isfinite(high) else (UNBOUNDED_S if high == math.inf else value)
        field = "simulated_p99_ttft_s" if metric == "TTFT" else "simulated_p99_tpot_s"
        pools.append(
            pp.model_copy(
                update={
                    field: Interval(value=value, low=low, high=high),
                    "simulated_slo_attainment": attainment,
                }
            )
        )
        fmt = ".0f" if metric == "TTFT" else ".1f"
        ci = f" [{low * 1000:{fmt}}, {high * 1000:{fmt}}]" if with_ci else ""
        parts.append(
            f"{pp.role}/{pp.gpu} x{pp.replicas}: {qlabel} {metric} {value * 1000:{fmt}} ms{ci} "
            f"{'ok' if ok else 'MISSES'}"
        )
        if not ok:
            failing.append((pp.role, pp.gpu, pp.replicas, pp.rate_per_s))
    verified = candidate.model_copy(update={"pools": tuple(pools)})
    return Verdict(not failing, verified, tuple(failing), header + "; ".join(parts))
