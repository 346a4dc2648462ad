"""The fleet integer program: domain records in, a PuLP model out (this package never solves).

* :mod:`optfleet.formulation.problem` - :class:`PlanningProblem` and its records
  (:class:`Layout`, :class:`Role`, :class:`CapacityOption`), the table-tightening and
  plan-forbidding hooks, plain-arithmetic plan evaluation and infeasibility diagnosis;
* :mod:`optfleet.formulation.model` - :func:`build_model` -> :class:`FleetModel`,
  :func:`write_mps`, top-K enumeration by no-good cuts (:func:`enumerate_plans`);
* :mod:`optfleet.formulation.synthetic` - synthetic problems, brute force and timing helpers.

The maths is in docs/formulation.md.

Examples
--------
>>> from optfleet.backends import get_backend
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role, build_model
>>> p = PlanningProblem(
...     layouts=(Layout("one pool", (Role("all", 10.0),)),),
...     options=(CapacityOption("one pool", "all", "H100", (0, 4, 9, 15), 4.02),
...              CapacityOption("one pool", "all", "A10G", (0, 1, 2.5, 4, 6), 1.01)),
... )
>>> m = build_model(p)
>>> sol = m.solution(get_backend("cbc").solve(m.lp, m.variables))
>>> [(pool.gpu, pool.replicas) for pool in sol.pools], round(sol.cost_usd_per_hour, 2)
([('A10G', 4), ('H100', 1)], 8.06)
"""

from __future__ import annotations

from optfleet.formulation.model import (
    FleetModel,
    FleetSolution,
    ModelStats,
    PoolAssignment,
    RankedPlan,
    TieBreak,
    build_model,
    candidate_counts,
    enumerate_plans,
    price_resolution,
    thin_counts,
    tie_break_weights,
    write_mps,
)
from optfleet.formulation.problem import (
    CapacityOption,
    Layout,
    OptionKey,
    PlanEvaluation,
    PlanKey,
    PlanningProblem,
    ProblemChange,
    Role,
    UnservableRole,
    explain_infeasible,
    plan_key,
    unservable_roles,
)

__all__ = [
    "CapacityOption",
    "FleetModel",
    "FleetSolution",
    "Layout",
    "ModelStats",
    "OptionKey",
    "PlanEvaluation",
    "PlanKey",
    "PlanningProblem",
    "PoolAssignment",
    "ProblemChange",
    "RankedPlan",
    "Role",
    "TieBreak",
    "UnservableRole",
    "build_model",
    "candidate_counts",
    "enumerate_plans",
    "explain_infeasible",
    "plan_key",
    "price_resolution",
    "thin_counts",
    "tie_break_weights",
    "unservable_roles",
    "write_mps",
]
