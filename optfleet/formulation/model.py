"""Build the fleet integer program from a :class:`PlanningProblem` (never solves it).

The maths, constraint names and the function that builds each family are in
docs/formulation.md.  In short, for every chosen layout ``l``, role ``r`` with demand and
eligible GPU type ``j``:

* ``y[l]`` binary - layout chosen; ``x[l,r,j]`` in [0, 1] - traffic share;
* ``z[l,r,j,k]`` binary - "exactly ``k`` replicas", one per candidate count ``k`` (multiple
  choice / one-hot; at most one is 1, and only if ``l`` is chosen);
* ``n[l,r,j] = sum_k k z[l,r,j,k]`` integer - replicas;
* ``lambda_r x[l,r,j] <= sum_k Lambda_j[k] z[l,r,j,k]`` - the capacity table, exact at every
  count;
* ``e[l,r,j]`` integer - replicas above the table's last count ``K``, for an option with a tail
  (``n`` and the capacity gain ``e`` and ``tail * e``): the model's size does not grow with the
  replica count beyond the table.

Every variable sits in a dict keyed by a domain tuple; :meth:`FleetModel.variables` hands a
backend ``{("n", layout, role, gpu): var, ...}`` so LP names are never parsed back.  The pieces
live next door: the candidate counts (:mod:`~optfleet.formulation.counts`), the tie-break
weights (:mod:`~optfleet.formulation.tiebreak`), the layout presolve
(:mod:`~optfleet.formulation.presolve`), the table encodings
(:mod:`~optfleet.formulation.encodings`) and the solution read-back
(:mod:`~optfleet.formulation.solution`).

Examples
--------
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role, build_model
>>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),),
...                     (CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0),))
>>> m = build_model(p)
>>> m.counts[("one", "all", "H100")]
(1, 2, 3)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from optfleet.errors import InputError, SolverError
from optfleet.formulation.counts import candidate_counts, tail_bound
from optfleet.formulation.encodings import (
    Row,
    Terms,
    incremental_rows,
    nogood_cut,
    onehot_rows,
    tail_mismatch,
)
from optfleet.formulation.presolve import layout_bounds
from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import OptionKey, PlanKey
from optfleet.formulation.solution import FleetSolution, solution_from_counts
from optfleet.formulation.tiebreak import tie_break_weights

Encoding = Literal["incremental", "onehot"]


@dataclass(frozen=True)
class ModelStats:
    variables: int
    binaries: int
    constraints: int
    nonzeros: int


class FleetModel:
    """The PuLP model of a :class:`PlanningProblem` plus domain-keyed variable dicts.

    Attributes
    ----------
    problem
        The problem it was built from.
    lp
        The :class:`pulp.LpProblem` (minimisation).
    y, x, n, z, e
        ``y[layout]``, ``x[(layout, role, gpu)]``, ``n[(layout, role, gpu)]``,
        ``z[(layout, role, gpu)][k]`` and, for options with a tail, ``e[(layout, role, gpu)]``
        (replicas above ``K``) -> pulp variables.
    counts
        ``(layout, role, gpu) -> candidate counts`` (:func:`candidate_counts`).
    tails
        ``(layout, role, gpu) -> M``: the most replicas above ``K`` (:func:`tail_bound`; 0 or
        absent: no tail variable).
    tie_break
        The objective weights (:class:`TieBreak`).
    exact
        False when ``max_counts_per_option`` thinned some count range (a restriction).
    excluded
        Plans excluded by no-good cuts (forbidden plans and :meth:`exclude` calls).
    lower_bounds, upper_bound, pruned
        Presolve (``prune=True``): per-layout cost lower bounds, the cost of a feasible plan
        found by arithmetic (:func:`layout_bounds`), and the layouts whose bound exceeds the
        cutoff (``prune_cutoff``, default ``upper_bound``) - their ``y`` is fixed to 0 and they
        get no variables.  Pruning never removes an optimal plan; :func:`enumerate_plans`
        widens it when the K-th plan could live in a pruned layout.
    """

    def __init__(
        self,
        problem: PlanningProblem,
        max_counts_per_option: int | None = None,
        encoding: Encoding = "incremental",
        prune: bool = True,
        prune_cutoff: float | None = None,
    ):
        import pulp

        if encoding not in ("incremental", "onehot"):
            raise InputError(f"encoding must be 'incremental' or 'onehot', got {encoding!r}")
        self.problem = problem
        self.encoding: Encoding = "onehot" if problem.split == "single" else encoding
        self.lp = pulp.LpProblem("optfleet", pulp.LpMinimize)
        self.y: dict[str, Any] = {}
        self.x: dict[OptionKey, Any] = {}
        self.n: dict[OptionKey, Any] = {}
        self.z: dict[OptionKey, dict[int, Any]] = {}
        self.e: dict[OptionKey, Any] = {}
        self.counts: dict[OptionKey, tuple[int, ...]] = {}
        self.tails: dict[OptionKey, int] = {}
        self._cut_aux: list[Any] = []  # the variables of no-good cuts above a table
        self.excluded: list[PlanKey] = []
        self.notes: list[str] = []
        self.exact = True
        self._layout_index = {lay.name: i for i, lay in enumerate(problem.layouts)}
        self._options = {o.key: o for o in problem.options}
        self._n_cuts = 0

        for o in problem.eligible_options():
            ks = candidate_counts(problem, o, max_counts_per_option)
            full = candidate_counts(problem, o, None) if max_counts_per_option else ks
            if len(ks) != len(full):
                self.exact = False
            self.counts[o.key] = ks
            m = tail_bound(problem, o) if ks else 0
            if m > 0:
                self.tails[o.key] = m
        self.max_counts_per_option = max_counts_per_option
        self.lower_bounds: dict[str, float] = {}
        self.upper_bound = math.inf
        self.pruned: frozenset[str] = frozenset()
        if prune:
            self.lower_bounds, self.upper_bound = layout_bounds(problem, self.counts, self.tails)
            cutoff = self.upper_bound if prune_cutoff is None else prune_cutoff
            self.cutoff = cutoff
            self.pruned = frozenset(
                name for name, lb in self.lower_bounds.items()
                if not math.isfinite(lb) or lb > cutoff * (1 + 1e-9) + 1e-9
            )
            for key in self.counts:
                if key[0] in self.pruned:
                    self.counts[key] = ()
                    self.tails.pop(key, None)
        if not self.exact:
            self.notes.append(
                f"count ranges thinned to <= {max_counts_per_option} values per option: "
                "the model is a restriction, its optimum an upper bound"
            )
        self.tie_break = tie_break_weights(problem, self.counts, self.tails)
        if self.tie_break.note:
            self.notes.append(self.tie_break.note)
        self._add_layout_choice()
        self._add_option_variables()
        self._add_shares()
        self._add_min_replicas()
        self._add_max_gpus()
        self._add_budget()
        self._add_power()
        self._add_objective()
        for plan in problem.forbidden:
            self.exclude(plan)

    # ------------------------------------------------------------------ builders (docs list them)
    def _add_layout_choice(self) -> None:
        """``layout_choice``: sum_l y[l] = 1."""
        import pulp

        for i, lay in enumerate(self.problem.layouts):
            up = 0 if lay.name in self.pruned else 1
            self.y[lay.name] = self.lp.add_variable(f"y_{i}", 0, up, cat="Integer")
        self._add(pulp.LpAffineExpression([(v, 1.0) for v in self.y.values()]), "==", 1.0,
                  "layout_choice")

    def _add_option_variables(self) -> None:
        """Per option: the count binaries ``z`` with ``link_*`` (and ``order_*`` for the
        incremental encoding), ``count_*`` defining ``n`` and ``capacity_*`` (the table); the
        rows come from :mod:`~optfleet.formulation.encodings`."""
        single = self.problem.split == "single"
        incremental = self.encoding == "incremental"
        for key, ks in self.counts.items():
            if not ks:
                continue
            lname, rname, gname = key
            o = self._options[key]
            rate = self.problem.layout(lname).role(rname).rate_per_s
            tag = self._tag(key)
            zs = {k: self.lp.add_variable(f"z_{tag}_{k}", cat="Binary") for k in ks}
            self.z[key] = zs
            m = self.tails.get(key, 0)
            n = self.lp.add_variable(f"n_{tag}", 0, max(ks) + m, cat="Integer")
            x = self.lp.add_variable(f"x_{tag}", 0, 1)
            self.n[key], self.x[key] = n, x
            tail = None
            if m > 0:
                self.e[key] = self.lp.add_variable(f"e_{tag}", 0, m, cat="Integer")
                tail = (self.e[key], m)
            y = self.y[lname]
            if incremental:
                rows = incremental_rows(tag, o, rate, y, zs, n, x, tail)
            else:
                rows = onehot_rows(tag, o, rate, y, zs, n, x, link=not single, tail=tail)
            self._add_rows(rows)

    def _add_shares(self) -> None:
        """``share_*``: sum_j x[l,r,j] = y[l] for each role with demand (``"single"`` mode also
        ``one_type_*``: sum_j z[l,r,j,k_j] = y[l])."""
        import pulp

        single = self.problem.split == "single"
        for lay in self.problem.layouts:
            y = self.y[lay.name]
            for ri, role in enumerate(lay.roles):
                if role.rate_per_s <= 0:
                    continue
                keys = [k for k in self.x if k[0] == lay.name and k[1] == role.name]
                tag = f"{self._layout_index[lay.name]}_{ri}"
                expr = [(self.x[k], 1.0) for k in keys] + [(y, -1.0)]
                self._add(pulp.LpAffineExpression(expr), "==", 0.0, f"share_{tag}")
                if single:
                    expr = [(v, 1.0) for k in keys for v in self.z[k].values()] + [(y, -1.0)]
                    self._add(pulp.LpAffineExpression(expr), "==", 0.0, f"one_type_{tag}")

    def _add_min_replicas(self) -> None:
        """``min_replicas_*``: sum_j n[l,r,j] >= m_r y[l]."""
        import pulp

        for lay in self.problem.layouts:
            for ri, role in enumerate(lay.roles):
                m = self.problem.role_min_replicas(lay.name, role.name)
                if m <= 0:
                    continue
                keys = [k for k in self.n if k[0] == lay.name and k[1] == role.name]
                expr = [(self.n[k], 1.0) for k in keys] + [(self.y[lay.name], -float(m))]
                self._add(pulp.LpAffineExpression(expr), ">=", 0.0,
                          f"min_replicas_{self._layout_index[lay.name]}_{ri}")

    def _add_max_gpus(self) -> None:
        """``max_gpus_*``: sum_{l,r} g_j n[l,r,j] <= G_j."""
        import pulp

        for gi, gpu in enumerate(self.problem.gpus):
            cap = self.problem.max_gpus.get(gpu)
            if cap is None:
                continue
            expr = [(v, float(self._options[k].gpus_per_replica)) for k, v in self.n.items()
                    if k[2] == gpu]
            if expr:
                self._add(pulp.LpAffineExpression(expr), "<=", float(cap), f"max_gpus_{gi}")

    def _add_budget(self) -> None:
        """``budget``: sum p_j n <= B."""
        import pulp

        if self.problem.budget_usd_per_hour is None or not self.n:
            return
        expr = [(v, self._options[k].price_usd_per_replica_hour) for k, v in self.n.items()]
        self._add(pulp.LpAffineExpression(expr), "<=", self.problem.budget_usd_per_hour, "budget")

    def _add_power(self) -> None:
        """``power``: sum w_j n <= P."""
        import pulp

        if self.problem.power_budget_w is None or not self.n:
            return
        expr = [(v, self._options[k].replica_power_w) for k, v in self.n.items()]
        self._add(pulp.LpAffineExpression(expr), "<=", self.problem.power_budget_w, "power")

    def _add_objective(self) -> None:
        """Objective: sum (p_j + eps_g g_j + eps_w w_j) n[l,r,j]."""
        import pulp

        tb = self.tie_break
        terms = []
        for k, v in self.n.items():
            o = self._options[k]
            c = (o.price_usd_per_replica_hour + tb.gpu_weight * o.gpus_per_replica
                 + tb.power_weight * o.replica_power_w)
            terms.append((v, c))
        self.lp.setObjective(pulp.LpAffineExpression(terms))

    # ------------------------------------------------------------------ helpers
    def _tag(self, key: OptionKey) -> str:
        lname, rname, gname = key
        lay = self.problem.layout(lname)
        ri = [r.name for r in lay.roles].index(rname)
        gi = self.problem.gpus.index(gname)
        return f"{self._layout_index[lname]}_{ri}_{gi}"

    def _add(self, expr: Any, sense: str, rhs: float, name: str) -> None:
        import pulp

        s = {"<=": pulp.LpConstraintLE, ">=": pulp.LpConstraintGE, "==": pulp.LpConstraintEQ}
        self.lp.addConstraint(pulp.LpConstraint(expr, s[sense], name=name, rhs=rhs))

    def _add_rows(self, rows: list[Row]) -> None:
        import pulp

        for terms, sense, rhs, name in rows:
            self._add(pulp.LpAffineExpression(terms), sense, rhs, name)

    # ------------------------------------------------------------------ public API
    @property
    def variables(self) -> dict[Hashable, Any]:
        """``{("y", layout): var, ("n", l, r, g): var, ("x", l, r, g): var}`` for a backend."""
        out: dict[Hashable, Any] = {("y", name): v for name, v in self.y.items()}
        out.update({("n", *k): v for k, v in self.n.items()})
        out.update({("x", *k): v for k, v in self.x.items()})
        return out

    def stats(self) -> ModelStats:
        """Size of the model (variables, binaries, constraints, nonzeros)."""
        nz = sum(len(z) for z in self.z.values())
        nvar = len(self.y) + len(self.x) + len(self.n) + nz + len(self.e) + len(self._cut_aux)
        nbin = len(self.y) + nz + len(self._cut_aux) // 3  # each aux triple holds one binary
        ncon = len(self.lp._constraints)
        nnz = sum(len(c) for c in self.lp._constraints.values())
        return ModelStats(nvar, nbin, ncon, nnz)

    def exclude(self, plan: PlanKey) -> bool:
        """Add a no-good cut excluding exactly one plan; False if the model can not produce it.

        The cut is ``sum_o t_o + (1 - y_l) >= 1`` over the options ``o`` of the plan's layout
        ``l``, where ``t_o`` is 0 exactly when option ``o`` has the plan's count ``n_o``:

        * one-hot: ``t_o = 1 - z[o, n_o]`` if ``n_o > 0``, and ``t_o = sum_k z[o, k]`` if
          ``n_o = 0``;
        * incremental (``z[o, k] = [n >= k]``): ``t_o = (1 - z[o, n_o]) + z[o, next(n_o)]``,
          with ``z[o, 0] = y_l`` and no second term at the largest count;
        * an option with a tail variable ``e`` (replicas above ``K``) and ``n_o = K + j``
          (``j >= 0``): its ``z`` part is taken at ``K`` and ``t_o`` gains ``|e - j|``
          (:func:`~optfleet.formulation.encodings.tail_mismatch`: ``e`` itself when ``j = 0``;
          otherwise one binary and two continuous variables, so ``|e - j|`` is 0 exactly at
          ``e = j``).  A plan below ``K`` needs nothing more: ``z[K] = 0`` forces ``e = 0``.

        Every other (layout, role, gpu) -> n assignment has some ``t_o >= 1`` or ``y_l = 0``,
        so this removes exactly one plan.
        """
        import pulp

        layout, items = plan
        if layout not in self.y:
            return False
        want = {(layout, r, g): n for r, g, n in items}
        above: dict[OptionKey, int] = {}  # options with a tail: replicas above K (j >= 0)
        for key in [k for k in self.e if k[0] == layout]:
            top = self._options[key].max_replicas
            if want.get(key, 0) >= top:
                above[key] = want[key] - top
                want[key] = top
                if above[key] > self.tails[key]:
                    return False
        for key in want:
            if want[key] not in self.z.get(key, {}):
                return False
        extra: dict[OptionKey, Terms] = {}
        for key, j in above.items():
            t = f"{self._n_cuts}_{self._tag(key)}"
            aux = None
            if j > 0:
                aux = (self.lp.add_variable(f"cut_d_{t}", cat="Binary"),
                       self.lp.add_variable(f"cut_p_{t}", 0, self.tails[key] - j),
                       self.lp.add_variable(f"cut_q_{t}", 0, j))
                self._cut_aux.extend(aux)
            extra[key], rows = tail_mismatch(t, self.e[key], self.tails[key], j, aux)
            self._add_rows(rows)
        terms, rhs = nogood_cut(self.encoding, self.z, layout, want, self.y[layout], extra)
        self._add(pulp.LpAffineExpression(terms), ">=", rhs, f"nogood_{self._n_cuts}")
        self._n_cuts += 1
        self.excluded.append(plan)
        return True

    def solution(self, result: Any) -> FleetSolution | None:
        """Read a :class:`~optfleet.backends.SolveResult` (values keyed by :attr:`variables`)
        back into a :class:`FleetSolution`; None if the result holds no solution."""
        if not getattr(result, "has_solution", False):
            return None
        values = result.values
        try:
            layout = max(self.y, key=lambda name: values[("y", name)])
        except KeyError:
            raise SolverError("solve result lacks the model's variables") from None
        if values[("y", layout)] < 0.5:
            raise SolverError("solve result chooses no layout")
        counts = {
            (k[1], k[2]): int(round(values[("n", *k)]))
            for k in self.n
            if k[0] == layout and values.get(("n", *k), 0.0) > 0.5
        }
        return self.solution_from_counts(layout, counts, objective=result.objective)

    def solution_from_counts(
        self, layout: str, counts: Mapping[tuple[str, str], int], objective: float | None = None
    ) -> FleetSolution:
        """Build a :class:`FleetSolution` from a layout and counts (pure arithmetic)."""
        return solution_from_counts(self.problem, layout, counts, objective)

    def write_mps(self, path: str | Path) -> Path:
        """Write the model as a fixed-format MPS file (PuLP's ``writeMPS``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.lp.writeMPS(str(path))
        return path


def build_model(
    problem: PlanningProblem,
    max_counts_per_option: int | None = None,
    encoding: Encoding = "incremental",
    prune: bool = True,
) -> FleetModel:
    """Build the integer program of ``problem`` (see :class:`FleetModel`; never solves).

    ``max_counts_per_option`` (None = exact) caps each option's candidate counts for very long
    tables; the model is then a restriction (``model.exact`` is False).  ``encoding`` chooses
    the count binaries (``"incremental"``: ``z_k = [n >= k]``; ``"onehot"``: ``z_k = [n = k]``);
    ``prune`` drops layouts that provably can not hold an optimal plan (see
    :class:`FleetModel`; pass False for an .mps export of the full grid).

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0),))
    >>> build_model(p).stats().binaries  # y + z for counts 1, 2, 3
    4
    """
    return FleetModel(problem, max_counts_per_option, encoding, prune)


def write_mps(
    problem: PlanningProblem,
    path: str | Path,
    max_counts_per_option: int | None = None,
    prune: bool = False,
) -> FleetModel:
    """Build ``problem``'s model and write it to ``path`` as MPS; returns the model.

    By default the full (unpruned) model is written, so the file is the whole published
    question; ``prune=True`` writes the presolved model instead.

    Examples
    --------
    >>> import tempfile, os
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0),))
    >>> m = write_mps(p, os.path.join(tempfile.mkdtemp(), "one.mps"))
    >>> m.exact
    True
    """
    model = build_model(problem, max_counts_per_option, prune=prune)
    model.write_mps(path)
    return model
