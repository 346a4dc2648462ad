"""Step 3b of the loop: solve the program for its cheapest distinct candidate plans.

The formulation builds the PuLP model (:func:`optfleet.formulation.build_model`) and ranks the
top ``k`` distinct plans by no-good cuts (:func:`optfleet.formulation.enumerate_plans`); the
backend (:mod:`optfleet.backends`) solves each.  An empty ranking is explained by
:func:`infeasible_message`; :func:`more_candidates` finds the next ones after a choice (the
plan's alternatives).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from optfleet.errors import InfeasibleError


def ranked_candidates(
    problem: Any, solver: Any, opts: Any, k: int, notes: list[str] | None = None
) -> list[Any]:
    """The cheapest ``k`` distinct solutions of ``problem`` (cheapest first).

    Raises
    ------
    InfeasibleError
        If the program has no feasible plan (the message says why, see
        :func:`infeasible_message`).
    """
    from optfleet.formulation import build_model, enumerate_plans

    model = build_model(problem)
    ranked = enumerate_plans(model, k, lambda m: solver.solve(m.lp, m.variables, opts))
    if not ranked:
        raise InfeasibleError(infeasible_message(problem, notes or []))
    return ranked


def more_candidates(
    problem: Any, solver: Any, opts: Any, exclude: Any, k: int
) -> list[Any]:
    """The ``k`` cheapest distinct solutions of ``problem`` other than the plans ``exclude``
    (plan keys), cheapest first; fewer (maybe none) when the program holds no more."""
    from optfleet.formulation import build_model, enumerate_plans

    if k < 1:
        return []
    model = build_model(problem)
    for key in exclude:
        model.exclude(key)  # False for a plan this model can not produce: nothing to exclude
    return list(enumerate_plans(model, k, lambda m: solver.solve(m.lp, m.variables, opts)))


def infeasible_message(problem: Any, notes: list[str]) -> str:
    """Why ``problem`` has no feasible plan: the first three reasons and how many more (and,
    if the loop's ``notes`` say options were left out before simulation, that first)."""
    from optfleet.formulation import explain_infeasible

    reasons = list(explain_infeasible(problem)) or ["the constraints leave no feasible plan"]
    more = len(reasons) - 3
    msg = "; ".join(reasons[:3]) + (f" (and {more} more)" if more > 0 else "")
    if any("left out before simulation" in n for n in notes):
        msg = ("every remaining option was left out before simulation because its "
               "prefill alone breaks the SLO tail; " + msg)
    return msg


def one_pool_cost(problem: Any, solver: Any, opts: Any) -> float | None:
    """The cheapest one-pool plan's cost (the baseline users compare splits against)."""
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
