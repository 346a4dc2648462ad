"""Top-K plans by no-good cuts: solve, exclude the plan found, solve again.

The solve itself is injected (``solve(model) -> SolveResult``): the formulation never imports a
backend.  :func:`enumerate_plans` also reopens pruned layouts when the K-th plan could live in
one, so presolve never hides one of the K best plans.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from optfleet.errors import InputError
from optfleet.formulation.model import FleetModel
from optfleet.formulation.solution import FleetSolution


@dataclass(frozen=True)
class RankedPlan:
    """One plan of a top-K enumeration with the solve that produced it."""

    rank: int
    solution: FleetSolution
    result: Any  # optfleet.backends.SolveResult


def enumerate_plans(
    model: FleetModel, k: int, solve: Callable[[FleetModel], Any]
) -> tuple[RankedPlan, ...]:
    """The ``k`` best distinct plans, by repeatedly solving and adding a no-good cut.

    ``solve(model)`` must return a :class:`~optfleet.backends.SolveResult` for ``model.lp`` with
    values keyed by ``model.variables`` - e.g. ``lambda m: backend.solve(m.lp, m.variables,
    options)``.  Plans come out ordered by objective (cost, then GPUs, then power) as long as
    every solve is optimal; enumeration stops early when no further plan exists.  Distinct means
    a different (layout, role, gpu) -> replicas assignment among the model's candidate counts.

    If the model was pruned and a pruned layout's lower bound does not exceed the K-th plan's
    cost, the model is rebuilt with that cost as cutoff (replaying earlier exclusions) and the
    enumeration redone, so pruning never hides one of the K best plans.  The cuts stay on the
    model that produced the plans.

    Examples
    --------
    >>> from optfleet.backends import get_backend
    >>> from optfleet.formulation import (CapacityOption, Layout, PlanningProblem, Role,
    ...                                   build_model)
    >>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0),
    ...                      CapacityOption("one", "all", "A10G", (0, 2, 4.5, 7), 1.5)))
    >>> cbc = get_backend("cbc")
    >>> plans = enumerate_plans(build_model(p), 3, lambda m: cbc.solve(m.lp, m.variables))
    >>> [pl.solution.cost_usd_per_hour for pl in plans]
    [8.5, 9.5, 11.0]
    """
    if k < 1:
        raise InputError(f"k must be >= 1, got {k}")
    prior = list(model.excluded)
    for _ in range(3):
        out = _enumerate(model, k, solve)
        if not model.pruned:
            return out
        cutoff = out[-1].solution.cost_usd_per_hour if len(out) == k else math.inf
        reopen = [name for name in model.pruned
                  if math.isfinite(model.lower_bounds.get(name, math.inf))
                  and model.lower_bounds[name] <= cutoff * (1 + 1e-9) + 1e-9]
        if not reopen:
            return out
        model = FleetModel(model.problem, model.max_counts_per_option, model.encoding,
                           prune=True, prune_cutoff=cutoff)
        for plan in prior:
            if plan not in model.excluded:
                model.exclude(plan)
    return out  # pragma: no cover - the cutoff only grows, so 2 rounds suffice


def _enumerate(
    model: FleetModel, k: int, solve: Callable[[FleetModel], Any]
) -> tuple[RankedPlan, ...]:
    out: list[RankedPlan] = []
    for rank in range(1, k + 1):
        result = solve(model)
        sol = model.solution(result)
        if sol is None:
            break
        out.append(RankedPlan(rank, sol, result))
        if not model.exclude(sol.key):  # pragma: no cover - a solution is always representable
            break
    return tuple(out)
