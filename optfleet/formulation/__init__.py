"""The fleet integer program: domain records in, a PuLP model out (this package never solves).

* :mod:`optfleet.formulation.records` - the records (:class:`Layout`, :class:`Role`,
  :class:`CapacityOption`, :class:`ProblemChange`, :func:`plan_key`, :class:`PlanEvaluation`);
* :mod:`optfleet.formulation.problem` - :class:`PlanningProblem`: validation, the
  table-tightening and plan-forbidding hooks and plain-arithmetic plan evaluation;
* :mod:`optfleet.formulation.infeasible` - infeasibility diagnosis (:func:`explain_infeasible`);
* :mod:`optfleet.formulation.counts` - the candidate replica counts of each option (and how far
  above its table an option with a tail may go);
* :mod:`optfleet.formulation.compact` - long tables as a short exact head plus a linear tail
  (:func:`compact_table`, :func:`compact_option`, :func:`compact_problem`);
* :mod:`optfleet.formulation.tiebreak` - the tie-breaking objective weights;
* :mod:`optfleet.formulation.presolve` - per-layout cost bounds by arithmetic;
* :mod:`optfleet.formulation.encodings` - the incremental / one-hot rows of a capacity table;
* :mod:`optfleet.formulation.model` - :func:`build_model` -> :class:`FleetModel`,
  :func:`write_mps`;
* :mod:`optfleet.formulation.solution` - a solve read back as a :class:`FleetSolution`;
* :mod:`optfleet.formulation.enumeration` - top-K enumeration by no-good cuts
  (:func:`enumerate_plans`);
* :mod:`optfleet.formulation.synthetic` - synthetic problems and brute force (the timing helper
  that solves is ``benchmarks/formulation.py``).

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

from optfleet.formulation.compact import compact_option, compact_problem, compact_table
from optfleet.formulation.counts import candidate_counts, tail_bound, thin_counts
from optfleet.formulation.enumeration import RankedPlan, enumerate_plans
from optfleet.formulation.infeasible import UnservableRole, explain_infeasible, unservable_roles
from optfleet.formulation.model import FleetModel, ModelStats, build_model, write_mps
from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import (
    CapacityOption,
    Layout,
    OptionKey,
    PlanEvaluation,
    PlanKey,
    ProblemChange,
    Role,
    plan_key,
)
from optfleet.formulation.solution import FleetSolution, PoolAssignment
from optfleet.formulation.tiebreak import TieBreak, price_resolution, tie_break_weights

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
    "compact_option",
    "compact_problem",
    "compact_table",
    "enumerate_plans",
    "explain_infeasible",
    "plan_key",
    "price_resolution",
    "tail_bound",
    "thin_counts",
    "tie_break_weights",
    "unservable_roles",
    "write_mps",
]
