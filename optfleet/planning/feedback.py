"""Step 5 of the loop: feed back what simulation measured into the program's tables.

* Before the first round, options whose prefill alone breaks the TTFT quantile are left out
  (:func:`drop_prefill_bound`): no replica count can pass simulation.
* A pool that fails simulation is probed (:func:`probe_count`): the fewest replicas with which
  it passes, found by simulation, is fed back as a calibration of that option's tables
  (:func:`feed_back_probe`).
* Otherwise its table is capped below the load it failed to carry and scaled by
  :data:`TIGHTEN` (:func:`tighten`).

Every change goes through :meth:`~optfleet.formulation.PlanningProblem.with_tables`, which
records the reason; tables are only ever lowered, and every plan is still simulated before it is
accepted.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet._search import smallest_true
from optfleet.planning.results import Plan
from optfleet.planning.tables import PlanningTables
from optfleet.planning.verify import Verdict, verify_plan
from optfleet.scenario import Scenario

#: Factor applied to a capacity table whose plan failed in simulation.
TIGHTEN = 0.9
#: Largest plan (replicas) whose failing pools are probed by simulation; each probe simulates
#: the whole plan, so larger plans fall back to ``TIGHTEN``.
PROBE_MAX_REPLICAS = 200


def probe_failing(
    scenario: Scenario,
    tables: PlanningTables,
    problem: Any,
    layout: str,
    candidate: Plan,
    verdict: Verdict,
    progress: Any = None,
    **verify_kw: Any,
) -> dict[tuple[str, str], int | None]:
    """Probe each failing pool of ``candidate`` (single-model plans of at most
    :data:`PROBE_MAX_REPLICAS` replicas): ``(role, gpu) -> replicas it needs`` (None: more than
    tabulated); empty when the plan is not probed."""
    probed: dict[tuple[str, str], int | None] = {}
    if tables.models or sum(pp.replicas for pp in candidate.pools) > PROBE_MAX_REPLICAS:
        return probed
    for role, gpu, replicas, carried in verdict.failing:
        if progress:
            progress(f"probing {role}/{gpu}: how many replicas carry {carried:g}/s")
        k_cap = len(problem.option(layout, role, gpu).capacity_per_s) - 1
        probed[(role, gpu)] = probe_count(  # fewer replications: a search aid
            scenario, tables, candidate, role, gpu, replicas, max(k_cap, 2 * replicas),
            **verify_kw,
        )
    return probed


def feed_back(
    tables: PlanningTables,
    problem: Any,
    layout: str,
    verdict: Verdict,
    probed: dict[tuple[str, str], int | None],
) -> Any:
    """``problem`` with the tables of ``verdict``'s failing pools lowered (probed or tightened)."""
    for role, gpu, replicas, carried in verdict.failing:
        if (role, gpu) in probed:
            problem = feed_back_probe(
                problem, layout, role, gpu, replicas, carried, probed[(role, gpu)]
            )
        else:
            problem = tighten(tables, problem, layout, role, gpu, replicas, carried)
    return problem


def tighten(
    tables: PlanningTables,
    problem: Any,
    layout: str,
    role: str,
    gpu: str,
    replicas: int,
    carried: float,
) -> Any:
    """A failing pool's count could not carry the load it was given, so its table is capped
    below that load at every count up to it, and the whole table is scaled by :data:`TIGHTEN`
    (the analytics over-stated this option's capacity)."""
    new_tables = {}
    for key in tighten_keys(tables, layout, role, gpu):
        table = _table_upto(problem.option(*key), replicas) * TIGHTEN
        upto = min(replicas, len(table) - 1)
        table[: upto + 1] = np.minimum(table[: upto + 1], carried * (1 - 1e-6))
        new_tables[key] = np.maximum.accumulate(table)
    return problem.with_tables(
        new_tables,
        reason=(
            f"simulation missed the SLO with {replicas} replicas carrying "
            f"{carried:g} req/s; table capped below that and scaled by {TIGHTEN}"
        ),
    )


def _table_upto(option: Any, replicas: int) -> np.ndarray:
    """``option``'s table, extended to ``replicas`` counts by its own capacity (a linear tail
    where it has one, else its last entry) when it is shorter."""
    table = np.array(option.capacity_per_s, dtype=float)
    if replicas >= len(table):
        extra = [option.capacity(j) for j in range(len(table), int(replicas) + 1)]
        table = np.concatenate([table, np.asarray(extra, dtype=float)])
    return table


def feed_back_probe(
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
    table = _table_upto(problem.option(*key), 0 if k is None else k)
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


def probe_count(
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


def drop_prefill_bound(
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
        if opt.engine is not None:
            continue  # the engine-level criterion judges the prefill tail itself
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


def tighten_keys(
    tables: PlanningTables, layout: str, role: str, gpu: str
) -> list[tuple[str, str, str]]:
    """The options a failed simulation tightens: the failing one and, in a multi-model program,
    the same model option in every combined layout that contains it."""
    model, _ = tables.split_role(role)
    if model is None:
        return [(layout, role, gpu)]
    own = tables.combined[layout][model]
    return [(lay, role, gpu) for lay, combo in tables.combined.items() if combo[model] == own]
