"""Tabulation of multi-model scenarios: each model alone, then one layout per model combined.

Every combination of the models' layouts becomes one layout of the integer program whose roles
are ``model/role``; the options are the models' own.  Shared GPU caps, budget and power then
couple the models exactly.  If the combinations exceed
:data:`~optfleet.planning.tables.MAX_COMBINED_LAYOUTS`, each model keeps its cheapest standalone
layouts (by a lower bound on their cost) and the plan says so.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from optfleet.errors import OptfleetError
from optfleet.planning.tables import MAX_COMBINED_LAYOUTS, PlanningTables, Progress
from optfleet.scenario import Scenario


def tabulate_models(
    scenario: Scenario,
    tabulate_one: Callable[[Scenario, Progress | None], PlanningTables],
    progress: Progress | None = None,
) -> PlanningTables:
    """Tabulate each model of ``scenario`` with ``tabulate_one`` and combine their layouts."""
    from optfleet.formulation import Layout, Role

    t0 = time.perf_counter()
    subs: dict[str, tuple[Scenario, PlanningTables]] = {}
    for entry in scenario.models:
        sub = scenario.for_model(entry)
        try:
            subs[entry.name] = (sub, tabulate_one(sub, progress))
        except OptfleetError as exc:
            raise type(exc)(f"model {entry.name!r}: {exc}") from None
    first = next(iter(subs.values()))[1]
    tables = PlanningTables(first.ctx, models=subs)
    per_model = _layouts_to_combine(tables, subs)
    for m, (_, t) in subs.items():
        tables.excluded.extend(f"model {m!r}: {e}" for e in t.excluded)
    for combo in itertools.product(*per_model.values()):
        name = " + ".join(f"{m}: {lay.name}" for m, lay in zip(per_model, combo, strict=True))
        roles = []
        for m, lay in zip(per_model, combo, strict=True):
            roles.extend(Role(f"{m}/{r.name}", r.rate_per_s, r.min_replicas) for r in lay.roles)
            for (lname, role, gpu), opt in subs[m][1].options.items():
                if lname == lay.name:
                    tables.options[(name, f"{m}/{role}", gpu)] = opt
        tables.layouts.append(Layout(name, tuple(roles)))
        tables.combined[name] = {m: lay.name for m, lay in zip(per_model, combo, strict=True)}
    tables.build_time_s = time.perf_counter() - t0
    if progress:
        progress(f"combined {len(tables.layouts)} multi-model layouts")
    return tables


def _layouts_to_combine(
    tables: PlanningTables, subs: dict[str, tuple[Scenario, PlanningTables]]
) -> dict[str, list[Any]]:
    """Each model's layouts to combine: all, or the cheapest if the product is too large."""
    per_model = {m: list(t.layouts) for m, (_, t) in subs.items()}
    size = math.prod(len(v) for v in per_model.values())
    if size <= MAX_COMBINED_LAYOUTS:
        return per_model
    keep = max(1, int(MAX_COMBINED_LAYOUTS ** (1 / len(per_model))))
    for m, (_, t) in subs.items():
        n = len(per_model[m])
        if n > keep:
            per_model[m] = sorted(per_model[m], key=lambda lay, t=t: standalone_cost(t, lay))[
                :keep
            ]
            tables.notes.append(
                f"model {m!r}: {keep} of its {n} layouts combined (the cheapest by a lower "
                f"bound); optimal among those, not proven over all {size} combinations"
            )
    return per_model


def standalone_cost(tables: PlanningTables, layout: Any) -> float:
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
