"""Step 3a of the loop: the integer program of the tabulated options.

One :class:`~optfleet.formulation.CapacityOption` per (layout, role, GPU type) with its capacity
table, price, GPUs per replica and power; the scenario's constraints (GPU caps, budget, power,
minimum replicas, eligibility) as they are.  Building the PuLP model and solving it happen in
:mod:`optfleet.formulation` and :mod:`optfleet.backends`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet.errors import InfeasibleError, InputError
from optfleet.planning.tables import PlanningTables
from optfleet.scenario import Scenario


def build_problem(scenario: Scenario, tables: PlanningTables) -> Any:
    """The :class:`~optfleet.formulation.PlanningProblem` of the tabulated options.

    With ``constraints.eligible``, a layout one of whose pools no allowed GPU type can serve
    (every allowed option was left out by tabulation) is left out too.

    Raises
    ------
    InputError
        If ``constraints.eligible`` names a pool, model or GPU type the scenario does not have.
    InfeasibleError
        If no layout is left: the message names a pool and the GPU types it was allowed.
    """
    from optfleet.formulation import CapacityOption, PlanningProblem

    cons = scenario.constraints
    graph = _eligibility(scenario, tables) if cons.eligible else None
    layouts = _servable_layouts(scenario, tables, graph)
    kept = {lay.name for lay in layouts}
    options = []
    for (layout, role, gpu), opt in tables.options.items():
        if layout not in kept:
            continue
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
    options, gap = _compact_engine_options(tables, options)
    if gap > 1e-9:
        tables.notes.append(
            f"compact tables: an exact head and a linear tail per option; the tail can over-buy "
            f"by at most {100 * gap:.2f} % of a pool's replicas (docs/formulation.md)"
        )
    return PlanningProblem(
        layouts=tuple(layouts),
        options=tuple(options),
        max_gpus=dict(cons.max_gpus),
        budget_usd_per_hour=cons.budget_usd_per_hour,
        power_budget_w=cons.power_budget_w,
        min_replicas_per_pool=cons.min_replicas_per_pool,
        eligibility=graph,
    )


#: Counts kept exactly in an engine-level option's table; above it a linear tail at the
#: per-replica capacity of the verification slice (exact: those tables are linear there).
COMPACT_EXACT_REPLICAS = 64


def _compact_engine_options(tables: PlanningTables, options: list[Any]) -> tuple[list[Any], float]:
    """Engine-level options as an exact head and a linear tail (the program's size does not grow
    with the replica count); slot-model options are kept whole.  Returns the options and the
    largest gap bound (0 for the engine tables, which are linear beyond the slice)."""
    from optfleet.formulation import compact_option

    out, worst = [], 0.0
    for o in options:
        if tables.options[o.key].engine is None:
            out.append(o)
            continue
        c, gap = compact_option(o, tol=0.01, k_exact=COMPACT_EXACT_REPLICAS)
        out.append(c)
        worst = max(worst, gap)
    return out, worst


def scenario_roles(scenario: Scenario) -> list[str]:
    """Every pool role the scenario's layouts can have (multi-model: ``"model/role"``).

    Examples
    --------
    >>> scenario_roles(Scenario(disaggregation="also"))
    ['all', 'short', 'long', 'prefill', 'decode']
    """
    if scenario.models:
        return [
            f"{m.name}/{r}" for m in scenario.models for r in scenario_roles(scenario.for_model(m))
        ]
    roles = ["all", "short", "long"] if scenario.disaggregation != "only" else []
    return roles + (["prefill", "decode"] if scenario.disaggregation != "off" else [])


def _eligibility(scenario: Scenario, tables: PlanningTables) -> Any:
    """The bipartite (pool role, GPU type) graph of ``constraints.eligible``."""
    import networkx as nx

    eligible = scenario.constraints.eligible
    roles = scenario_roles(scenario)
    models = [m.name for m in scenario.models]
    unknown = sorted(k for k in eligible if k not in set(roles) | set(models))
    if unknown:
        raise InputError(
            f"constraints.eligible names no pool or model of this scenario: {unknown}; "
            f"pools: {roles}" + (f", models: {models}" if models else "")
        )
    bad = sorted({gpu for gs in eligible.values() for gpu in gs} - set(scenario.gpus))
    if bad:
        raise InputError(
            f"constraints.eligible lists GPU types not in the menu: {bad}; "
            f"menu: {list(scenario.gpus)}"
        )
    g = nx.Graph()
    for role in roles:
        model, _ = tables.split_role(role)
        allowed = eligible.get(role)
        if allowed is None and model is not None:
            allowed = eligible.get(model)
        for gpu in allowed if allowed is not None else tuple(scenario.gpus):
            g.add_edge(role, gpu)
    return g


def _servable_layouts(scenario: Scenario, tables: PlanningTables, graph: Any) -> list[Any]:
    """The tabulated layouts each of whose pools has an option on an eligible GPU type."""
    if graph is None:
        return list(tables.layouts)
    kept, why = [], []
    for lay in tables.layouts:
        for role in lay.roles:
            allowed = sorted(graph.neighbors(role.name)) if role.name in graph else []
            if role.rate_per_s <= 0 or any(
                (lay.name, role.name, gpu) in tables.options for gpu in allowed
            ):
                continue
            why.append(_unservable(tables, lay, role.name, allowed))
            break
        else:
            kept.append(lay)
    if not kept:
        more = f" (and {len(why) - 1} more layouts)" if len(why) > 1 else ""
        raise InfeasibleError(
            f"no layout meets P{round(scenario.slo.quantile * 100, 3):g} TTFT "
            f"{scenario.slo.ttft_p99_s * 1000:g} ms on the GPU types constraints.eligible "
            f"allows: {why[0]}{more}"
        )
    if why:
        tables.notes.append(
            f"{len(why)} layout(s) left out: a pool has no option on the GPU types "
            f"constraints.eligible allows, e.g. {why[0]}"
        )
    return kept


def _unservable(tables: PlanningTables, lay: Any, role: str, allowed: list[str]) -> str:
    prefix = f"pool {role!r} of layout {lay.name!r}"
    for gpu in allowed:
        for line in tables.excluded:
            if line.startswith(prefix) and f" on {gpu}: " in line:
                return line
    return f"{prefix}: allowed only on {allowed or 'no GPU type'}"
