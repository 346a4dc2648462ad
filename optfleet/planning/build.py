"""Step 3a of the loop: the integer program of the tabulated options.

One :class:`~optfleet.formulation.CapacityOption` per (layout, role, GPU type) with its capacity
table, price, GPUs per replica and power; the scenario's constraints (GPU caps, budget, power,
minimum replicas, eligibility) as they are.  Building the PuLP model and solving it happen in
:mod:`optfleet.formulation` and :mod:`optfleet.backends`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet.errors import InputError
from optfleet.planning.tables import PlanningTables
from optfleet.scenario import Scenario


def build_problem(scenario: Scenario, tables: PlanningTables) -> Any:
    """The :class:`~optfleet.formulation.PlanningProblem` of the tabulated options.

    Raises
    ------
    InputError
        If ``constraints.eligible`` names a pool, model or GPU type the scenario does not have.
    """
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
    return PlanningProblem(
        layouts=tuple(tables.layouts),
        options=tuple(options),
        max_gpus=dict(cons.max_gpus),
        budget_usd_per_hour=cons.budget_usd_per_hour,
        power_budget_w=cons.power_budget_w,
        min_replicas_per_pool=cons.min_replicas_per_pool,
        eligibility=_eligibility(scenario, tables) if cons.eligible else None,
    )


def _eligibility(scenario: Scenario, tables: PlanningTables) -> Any:
    """The bipartite (pool role, GPU type) graph of ``constraints.eligible``."""
    import networkx as nx

    eligible = scenario.constraints.eligible
    roles = {r for (_, r, _) in tables.options}
    known = roles | set(tables.models)
    unknown = sorted(k for k in eligible if k not in known)
    if unknown:
        raise InputError(
            f"constraints.eligible names no pool or model of this scenario: {unknown}; "
            f"pools: {sorted(roles)}" + (f", models: {sorted(tables.models)}"
                                         if tables.models else "")
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
