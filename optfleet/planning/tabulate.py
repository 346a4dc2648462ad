"""Step 2 of the loop: tabulate every option of a scenario (:class:`PlanningTables`).

The question is resolved (:class:`~optfleet.planning.pools.PoolContext`: preset, workload,
GPU menu, model, planning rate); the GPU types that can hold the model get a replica profile;
then each kind of layout adds its options — aggregated
(:mod:`~optfleet.planning.tabulate_aggregated`), disaggregated
(:mod:`~optfleet.planning.tabulate_disaggregated`) or, for several models, the combination of
each model's own tables (:mod:`~optfleet.planning.tabulate_models`).

Examples
--------
>>> from optfleet.scenario import Scenario
>>> t = tabulate(Scenario(rate_per_s=20))
>>> t.layouts[0].name, ("one pool", "all", "H100-SXM") in t.options
('one pool', True)
"""

from __future__ import annotations

import time
from typing import Any

from optfleet.errors import InfeasibleError, ModelDoesNotFitError
from optfleet.planning.pools import PoolContext
from optfleet.planning.tables import PlanningTables, Progress
from optfleet.planning.tabulate_aggregated import tabulate_aggregated
from optfleet.planning.tabulate_disaggregated import tabulate_disaggregated
from optfleet.planning.tabulate_models import tabulate_models
from optfleet.scenario import Scenario


def tabulate(scenario: Scenario, *, progress: Progress | None = None) -> PlanningTables:
    """Layouts, pools, service statistics and capacity tables for every option of ``scenario``.

    Raises
    ------
    InfeasibleError
        If no GPU type of the menu can hold the model, or no layout can meet the SLO.
    """
    if scenario.models:
        if scenario.config_search is not None:
            from optfleet.errors import InputError

            raise InputError("config_search can not be combined with several models (models:) "
                             "yet; plan each model with its own config_search")
        return tabulate_models(scenario, _tabulate_one, progress)
    return _tabulate_one(scenario, progress)


def _tabulate_one(scenario: Scenario, progress: Progress | None) -> PlanningTables:
    t0 = time.perf_counter()
    tables = PlanningTables(PoolContext.from_scenario(scenario))
    profiles = _profiles(scenario, tables)
    if scenario.disaggregation != "only":
        tabulate_aggregated(scenario, tables, profiles)
    if scenario.config_search is not None:
        from optfleet.planning.config_options import prune_dominated, search_note

        tables.notes.append(search_note(tables.ctx, prune_dominated(tables)))
    if scenario.disaggregation != "off":
        tabulate_disaggregated(scenario, tables, profiles)
    tables.build_time_s = time.perf_counter() - t0
    if progress:
        progress(
            f"tabulated {len(tables.options)} pool options over {len(tables.layouts)} layouts "
            f"in {tables.build_time_s:.2f} s"
        )
    if not tables.layouts:
        raise InfeasibleError(_explain_no_layout(scenario, tables))
    return tables


def _profiles(scenario: Scenario, tables: PlanningTables) -> dict[str, Any]:
    """The replica profile of every GPU type of the menu that can hold the model."""
    profiles: dict[str, Any] = {}
    # with a configuration search every candidate of every GPU type is a choice of its own
    names = list(tables.ctx.variants) if scenario.config_search is not None else scenario.gpus
    if scenario.config_search is not None and not names:
        raise InfeasibleError(
            "no GPU type of the menu has a serving configuration that holds the model: "
            + "; ".join(f"{g}: {dict((r, n) for r, n in c.pruned.items() if n)}"
                        for g, c in tables.ctx.config_candidates.items())
        )
    for gpu in names:
        try:
            profiles[gpu] = tables.ctx.profile(gpu)
        except ModelDoesNotFitError as exc:
            tables.excluded.append(f"{gpu}: {exc}")
    if not profiles:
        raise InfeasibleError(
            "no GPU type of the menu can hold the model: " + "; ".join(tables.excluded)
        )
    return profiles


def _explain_no_layout(scenario: Scenario, tables: PlanningTables) -> str:
    first = tables.excluded[0] if tables.excluded else "no pool can be served"
    more = len(tables.excluded) - 1
    q = f"P{round(scenario.slo.quantile * 100, 3):g}"
    slo = f"{q} TTFT {scenario.slo.ttft_p99_s * 1000:g} ms"
    if scenario.slo.tpot_p99_s is not None:
        slo += f" and {q} TPOT {scenario.slo.tpot_p99_s * 1000:g} ms"
    return (
        f"no layout can meet {slo}: {first}"
        + (f" (and {more} more pool/GPU combinations)" if more > 0 else "")
    )
