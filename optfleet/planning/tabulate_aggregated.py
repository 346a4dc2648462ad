"""Tabulation of aggregated layouts: one pool, or a short/long split (with compress-and-route).

For each layout the pools' demands (:meth:`~optfleet.planning.pools.PoolContext.demands`), and
for each (pool, GPU type) the exact service-time statistics and the capacity table ``Lambda[k]``
(the largest rate ``k`` replicas serve within the SLO).  A layout with a pool no GPU type can
serve is left out, and every (pool, GPU type) left out is recorded with its reason.
"""

from __future__ import annotations

from typing import Any

from optfleet.errors import InfeasibleError, ModelDoesNotFitError, OptfleetError
from optfleet.physics.batching import BatchingModel
from optfleet.planning.engine_tables import EngineCriterion, engine_criterion, engine_k_full
from optfleet.planning.layouts import layout_name
from optfleet.planning.prefix import mix_summary
from optfleet.planning.sizing import criterion, pool_service
from optfleet.planning.tables import Option, PlanningTables, headroom
from optfleet.queueing import capacity_table, min_replicas
from optfleet.scenario import Scenario


def tabulate_aggregated(
    scenario: Scenario, tables: PlanningTables, profiles: dict[str, Any]
) -> None:
    """Add every aggregated layout of ``scenario`` (and its options) to ``tables``."""
    from optfleet.formulation import Layout, Role

    ctx = tables.ctx
    rate = ctx.planning_rate_per_s
    stats_cache: dict[tuple[Any, ...], Any] = {}
    min_rep = scenario.constraints.min_replicas_per_pool
    unused = sorted({t for t, _ in ctx.layouts() if t is not None and t >= ctx.long_ctx_tokens})
    if unused and scenario.thresholds_tokens is not None:
        tables.notes.append(
            f"thresholds_tokens {unused} left out: not below the longest request the workload "
            f"sends ({ctx.long_ctx_tokens} tokens), so they split nothing"
        )
    layouts = list(ctx.layouts())
    one_pool = any(t is None for t, _ in layouts)
    empty: list[int] = []
    for threshold, gamma in layouts:
        if threshold is not None and threshold >= ctx.long_ctx_tokens:
            continue
        name = layout_name(threshold, gamma)
        demands = ctx.demands(threshold, gamma)
        if threshold is not None and one_pool and all(d.role == "long" for d in demands):
            empty.append(threshold)  # no request this short: the one-pool layout again
            continue
        roles = []
        layout_ok = True
        for d in demands:
            role_rate = d.rate_per_s(rate)
            roles.append(Role(d.role, role_rate, min_rep))
            served = False
            if ctx.preset.replica_model == "engine":
                _engine_criteria(scenario, tables, stats_cache, d, profiles, threshold, gamma)
            for gpu, prof in profiles.items():
                option = _pool_option(scenario, tables, stats_cache, d, gpu, prof, role_rate,
                                      name, threshold, gamma)
                if option is not None:
                    tables.options[(name, d.role, gpu)] = option
                    served = True
            layout_ok = layout_ok and served
        if layout_ok:
            tables.layouts.append(Layout(name, tuple(roles), threshold, gamma))
        else:
            for d in demands:
                for gpu in profiles:
                    tables.options.pop((name, d.role, gpu), None)
    if empty:
        tables.notes.append(
            f"thresholds {sorted(set(empty))} left out: the workload sends no request that "
            "short, so their short pool would be empty and the layout the one-pool layout again"
        )


def _engine_criteria(
    scenario: Scenario,
    tables: PlanningTables,
    stats_cache: dict[tuple[Any, ...], Any],
    demand: Any,
    profiles: dict[str, Any],
    threshold: int | None,
    gamma: float,
) -> None:
    """The engine-level criteria of one pool on every GPU type, evaluated together
    (:meth:`EngineCriterion.build_many`) into ``stats_cache``; a GPU type whose model can not
    be built is left to :func:`_pool_option`, which records why."""
    base = (demand.role, demand.max_ctx_tokens, threshold if demand.role != "all" else None,
            gamma)
    mkey = ("mix", *base)
    if mkey not in stats_cache:
        stats_cache[mkey] = mix_summary(tables.ctx, demand.mix)
    gpus, models = [], []
    for gpu, prof in profiles.items():
        if ("engine", *base, gpu) in stats_cache:
            continue
        try:
            models.append(BatchingModel.from_summary(prof, stats_cache[mkey]))
        except (ModelDoesNotFitError, InfeasibleError):
            continue
        gpus.append(gpu)
    if not models:
        return
    try:
        crits = EngineCriterion.build_many(models, scenario.slo, tables.ctx.preset.util_cap)
    except OptfleetError:  # one model's error: each GPU type on its own, with its reason
        return
    for gpu, crit in zip(gpus, crits, strict=True):
        stats_cache[("engine", *base, gpu)] = crit


def _pool_option(
    scenario: Scenario,
    tables: PlanningTables,
    stats_cache: dict[tuple[Any, ...], Any],
    demand: Any,
    gpu: str,
    profile: Any,
    role_rate: float,
    name: str,
    threshold: int | None,
    gamma: float,
) -> Option | None:
    """The option of one pool on one GPU type, or None (and the reason recorded) if it can not
    serve its requests within the SLO at any count."""
    preset = tables.ctx.preset
    key = (demand.role, demand.max_ctx_tokens, threshold if demand.role != "all" else None,
           gamma, gpu)
    try:
        stats = stats_cache.get(key)
        if stats is None:
            stats = pool_service(profile, demand, preset)
            stats_cache[key] = stats
        if preset.replica_model == "engine":
            eng = stats_cache.get(("engine", *key))
            if eng is None:
                mkey = ("mix", *key[:-1])
                if mkey not in stats_cache:
                    stats_cache[mkey] = mix_summary(tables.ctx, demand.mix)
                eng = engine_criterion(profile, demand.mix, scenario.slo, stats_cache[mkey],
                                       util_cap=preset.util_cap)
                stats_cache[("engine", *key)] = eng
            k_full = engine_k_full(eng, role_rate)
            return Option(demand, stats, profile, eng.table(headroom(k_full)), engine=eng)
        crit = criterion(stats, scenario.slo, preset)
        k_full = min_replicas(role_rate, crit) if role_rate > 0 else 0
    except (ModelDoesNotFitError, InfeasibleError) as exc:
        tables.excluded.append(
            f"pool {demand.role!r} of layout {name!r} (requests up to {demand.max_ctx_tokens} "
            f"tokens) on {gpu}: {exc}"
        )
        return None
    return Option(demand, stats, profile, capacity_table(headroom(k_full), crit))
