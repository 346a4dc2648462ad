"""Build the fleet integer program from a :class:`PlanningProblem` (never solves it).

The maths, constraint names and the function that builds each family are in
docs/formulation.md.  In short, for every chosen layout ``l``, role ``r`` with demand and
eligible GPU type ``j``:

* ``y[l]`` binary - layout chosen; ``x[l,r,j]`` in [0, 1] - traffic share;
* ``z[l,r,j,k]`` binary - "exactly ``k`` replicas", one per candidate count ``k`` (multiple
  choice / one-hot; at most one is 1, and only if ``l`` is chosen);
* ``n[l,r,j] = sum_k k z[l,r,j,k]`` integer - replicas;
* ``lambda_r x[l,r,j] <= sum_k Lambda_j[k] z[l,r,j,k]`` - the capacity table, exact at every
  count.

Every variable sits in a dict keyed by a domain tuple; :meth:`FleetModel.variables` hands a
backend ``{("n", layout, role, gpu): var, ...}`` so LP names are never parsed back.

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
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError, SolverError
from optfleet.formulation.problem import (
    CapacityOption,
    OptionKey,
    PlanKey,
    PlanningProblem,
    plan_key,
)

Encoding = Literal["incremental", "onehot"]

# --------------------------------------------------------------------------------------------
# Candidate counts (the pruned k ranges)
# --------------------------------------------------------------------------------------------


def candidate_counts(
    problem: PlanningProblem,
    option: CapacityOption,
    max_counts: int | None = None,
) -> tuple[int, ...]:
    """The replica counts ``k >= 1`` the model may give one option (0 is always possible).

    ``"single"`` mode: only ``max(k_full, min_replicas)`` (nothing if the table never reaches the
    rate).  ``"split"`` mode: ``1..k_full`` (``1..K`` if the type can not serve the role alone),
    skipping a count whose capacity equals the previous count's unless the pool has a minimum
    replica count, plus ``k_full+1..min_replicas`` when the minimum is larger; counts above the
    type's GPU availability are dropped.  ``max_counts`` (optional) thins the list - see
    :func:`thin_counts`; the model is then a restriction (``FleetModel.exact`` is False).

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> o = CapacityOption("one", "all", "g", (0, 0, 2, 4, 6, 8), 1.0)
    >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),), (o,))
    >>> candidate_counts(p, o)
    (2, 3, 4)
    """
    lay = problem.layout(option.layout)
    role = lay.role(option.role)
    rate = role.rate_per_s
    if rate <= 0 or not problem.is_eligible(option.role, option.gpu):
        return ()
    need = problem.role_min_replicas(option.layout, option.role)
    kf = option.k_full(rate)
    cap = problem.max_gpus.get(option.gpu)
    limit = math.inf if cap is None else cap // option.gpus_per_replica
    if problem.split == "single":
        if kf is None:
            return ()
        k = max(kf, need)
        return (k,) if k <= limit else ()
    table = option.capacity_per_s
    top = kf if kf is not None else option.max_replicas
    ks = [k for k in range(1, top + 1) if need > 0 or table[k] > table[k - 1]]
    if need > top:
        ks.extend(range(top + 1, need + 1))
    ks = [k for k in ks if k <= limit]
    if max_counts is not None and len(ks) > max_counts:
        ks = thin_counts(ks, max_counts, keep=(int(limit),) if math.isfinite(limit) else ())
    return tuple(ks)


def thin_counts(ks: list[int], max_counts: int, keep: tuple[int, ...] = ()) -> list[int]:
    """Keep about ``max_counts`` of the sorted counts ``ks``: a dense head and tail (a quarter
    each), the counts in ``keep`` (e.g. a GPU-availability cap) and an even spread between.

    Examples
    --------
    >>> thin_counts(list(range(1, 101)), 12)
    [1, 2, 3, 16, 30, 43, 57, 70, 84, 98, 99, 100]
    """
    if max_counts < 4:
        raise InputError(f"max_counts_per_option must be >= 4, got {max_counts}")
    q = max(1, max_counts // 4)
    chosen = set(ks[:q]) | set(ks[-q:]) | {k for k in keep if k in set(ks)}
    middle = ks[q:-q]
    spread = max_counts - len(chosen)
    if spread > 0 and middle:
        step = len(middle) / (spread + 1)
        for i in range(1, spread + 1):
            chosen.add(middle[min(len(middle) - 1, int(round(i * step)) - 1)])
    return sorted(chosen)


# --------------------------------------------------------------------------------------------
# Tie-breaking weights
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TieBreak:
    """Objective weights: ``cost + gpu_weight * GPUs + power_weight * W``.

    ``cost_resolution`` is ``rho``: every replica price is an integer multiple of it, so two
    plans of different cost differ by at least ``rho``.  With ``G`` and ``W`` bounds on any
    plan's GPUs and watts, ``gpu_weight = rho / (2 (G + 1))`` and ``power_weight = gpu_weight /
    (2 (W + 1))`` give ``gpu_weight * G + power_weight * W < rho`` (so the cost ranking can not
    change) and ``power_weight * W < gpu_weight`` (so one GPU outweighs any power difference).
    """

    gpu_weight: float
    power_weight: float
    cost_resolution: float | None
    max_gpus: int
    max_power_w: float
    note: str = ""


def price_resolution(prices: list[float], max_denominator: int = 10**6) -> float | None:
    """The largest ``rho = 1/L`` (``L <= max_denominator``) with every price a multiple of it.

    Returns None when some price is not a fraction with denominator ``<= max_denominator``
    (within ``1e-12`` relative), or the common denominator exceeds it - e.g. two unrelated
    irrational prices.

    Examples
    --------
    >>> price_resolution([4.02, 1.01])
    0.01
    >>> price_resolution([4.02, 1.5, 2.0])  # every price is a multiple of 0.02
    0.02
    >>> price_resolution([1 / 3, 1.0])
    0.3333333333333333
    """
    lcm = 1
    for p in prices:
        f = Fraction(p).limit_denominator(max_denominator)
        if abs(float(f) - p) > 1e-12 * max(1.0, abs(p)):
            return None
        lcm = math.lcm(lcm, f.denominator)
        if lcm > max_denominator:
            return None
    # rho = gcd of the prices as fractions = gcd(numerators scaled) / lcm
    nums = [int(round(Fraction(p).limit_denominator(max_denominator) * lcm)) for p in prices]
    g = 0
    for n in nums:
        g = math.gcd(g, n)
    if g == 0:
        return None
    return g / lcm


def tie_break_weights(
    problem: PlanningProblem, counts: Mapping[OptionKey, tuple[int, ...]]
) -> TieBreak:
    """Compute :class:`TieBreak` weights from the data (zero weights if ``tie_break="none"``)."""
    opts = problem.options_by_key
    g_by: dict[str, int] = {}
    w_by: dict[str, float] = {}
    for key, ks in counts.items():
        if not ks:
            continue
        o = opts[key]
        g_by[key[0]] = g_by.get(key[0], 0) + o.gpus_per_replica * max(ks)
        w_by[key[0]] = w_by.get(key[0], 0.0) + o.replica_power_w * max(ks)
    g_max = max((g_by.get(lay.name, 0) for lay in problem.layouts), default=0)
    w_max = max((w_by.get(lay.name, 0.0) for lay in problem.layouts), default=0.0)
    if problem.tie_break == "none":
        return TieBreak(0.0, 0.0, None, g_max, w_max, "tie-breaking off")
    prices = [opts[k].price_usd_per_replica_hour for k, ks in counts.items() if ks]
    rho = price_resolution(prices) if prices else None
    if rho is None:
        return TieBreak(
            0.0, 0.0, None, g_max, w_max,
            "tie-breaking off: replica prices have no common resolution >= 1e-6 USD/h",
        )
    gw = rho / (2.0 * (g_max + 1))
    pw = gw / (2.0 * (w_max + 1.0))
    note = ""
    if gw < 1e-9:
        note = f"GPU tie-break weight {gw:.3g} is below solver tolerances; ties may be arbitrary"
    return TieBreak(gw, pw, rho, g_max, w_max, note)


# --------------------------------------------------------------------------------------------
# Layout bounds (presolve pruning; plain arithmetic, no solver)
# --------------------------------------------------------------------------------------------

_MAX_ENUM = 200_000


def role_best(
    problem: PlanningProblem,
    layout: str,
    role: str,
    counts: Mapping[OptionKey, tuple[int, ...]],
) -> tuple[float, dict[str, int] | None]:
    """Cheapest way to serve one role on its own, ignoring the coupling constraints.

    Returns ``(cost_lower_bound, counts_by_gpu)``: a lower bound on the role's cost and a
    feasible way to serve it (None if none was found).  When the candidate counts of all but
    the longest-ranged type span at most 200 000 combinations, every combination is enumerated
    and the last type's least sufficient count found by bisection: the bound is exact and the
    counts optimal (lexicographically in cost, GPUs, power).  Otherwise the bound is the LP
    bound ``rate * min_j price_j / max_k(Lambda_j[k] / k)`` and the counts the cheapest
    single-type plan.  ``(inf, None)`` when the role can not be served.
    """
    opts = problem.options_by_key
    lay = problem.layout(layout)
    r = lay.role(role)
    if r.rate_per_s <= 0:
        return 0.0, {}
    keys = [k for k, ks in counts.items() if k[0] == layout and k[1] == role and ks]
    if not keys:
        return math.inf, None
    need = problem.role_min_replicas(layout, role)
    if problem.split == "single":
        best: tuple[float, int, float] | None = None
        arg = None
        for k in keys:
            o, n = opts[k], counts[k][0]
            val = (n * o.price_usd_per_replica_hour, n * o.gpus_per_replica, n * o.replica_power_w)
            if best is None or val < best:
                best, arg = val, {k[2]: n}
        return (best[0], arg) if best is not None else (math.inf, None)
    keys.sort(key=lambda k: len(counts[k]))
    ranges = [np.array((0,) + counts[k], dtype=np.int64) for k in keys]
    combos = 1
    for rg in ranges[:-1]:
        combos *= len(rg)
    if combos > _MAX_ENUM:
        lb = math.inf
        single: tuple[float, int, float] | None = None
        arg = None
        for k in keys:
            o = opts[k]
            ks = np.asarray(counts[k], dtype=float)
            caps = np.array([o.capacity(int(v)) for v in ks])
            per = float(np.max(caps / ks))
            if per > 0:
                lb = min(lb, r.rate_per_s * o.price_usd_per_replica_hour / per)
            ok = (caps >= r.rate_per_s) & (ks >= need)
            if np.any(ok):  # a feasible single-type plan, for the upper bound only
                n = int(ks[int(np.argmax(ok))])
                val = (n * o.price_usd_per_replica_hour, n * o.gpus_per_replica,
                       n * o.replica_power_w)
                if single is None or val < single:
                    single, arg = val, {k[2]: n}
        return lb, arg
    grids = np.meshgrid(*ranges[:-1], indexing="ij") if len(ranges) > 1 else []
    vecs = np.stack([g.ravel() for g in grids], axis=1) if grids else np.zeros((1, 0), np.int64)
    cap = np.zeros(len(vecs))
    cnt = vecs.sum(axis=1)
    cost = np.zeros(len(vecs))
    gpus = np.zeros(len(vecs))
    power = np.zeros(len(vecs))
    for j, k in enumerate(keys[:-1]):
        o = opts[k]
        cap += np.array([o.capacity(int(v)) for v in ranges[j]])[np.searchsorted(ranges[j],
                                                                                vecs[:, j])]
        cost += vecs[:, j] * o.price_usd_per_replica_hour
        gpus += vecs[:, j] * o.gpus_per_replica
        power += vecs[:, j] * o.replica_power_w
    last = opts[keys[-1]]
    lr = ranges[-1]
    lcap = np.array([last.capacity(int(v)) for v in lr])  # non-decreasing in v
    # least index with cap + lcap >= rate, then with count >= need
    i_cap = np.searchsorted(lcap, r.rate_per_s - cap, side="left")
    i_cnt = np.searchsorted(lr, need - cnt, side="left")
    idx = np.maximum(i_cap, i_cnt)
    ok = idx < len(lr)
    if not np.any(ok):
        return math.inf, None
    idx = np.where(ok, idx, 0)
    n_last = lr[idx]
    cost = cost + n_last * last.price_usd_per_replica_hour
    gpus = gpus + n_last * last.gpus_per_replica
    power = power + n_last * last.replica_power_w
    cost = np.where(ok, cost, np.inf)
    order = np.lexsort((power, gpus, np.round(cost, 9)))
    i = int(order[0])
    arg = {k[2]: int(vecs[i, j]) for j, k in enumerate(keys[:-1]) if vecs[i, j] > 0}
    if n_last[i] > 0:
        arg[keys[-1][2]] = int(n_last[i])
    return float(cost[i]), arg


def layout_bounds(
    problem: PlanningProblem, counts: Mapping[OptionKey, tuple[int, ...]]
) -> tuple[dict[str, float], float]:
    """Per-layout cost lower bounds and a global upper bound (inf if no plan was found).

    The lower bound of a layout is the sum over its roles of :func:`role_best` (a relaxation:
    the coupling constraints - GPU availability, budget, power, forbidden plans - are dropped).
    The upper bound is the cheapest layout whose per-role optima, put together, pass
    :meth:`PlanningProblem.evaluate`.
    """
    lower: dict[str, float] = {}
    upper = math.inf
    opts = problem.options_by_key
    by_role: dict[tuple[str, str], dict[OptionKey, tuple[int, ...]]] = {}
    for key, ks in counts.items():  # one pass: role_best then scans only its own options
        by_role.setdefault((key[0], key[1]), {})[key] = ks
    for lay in problem.layouts:
        total = 0.0
        plan: dict[tuple[str, str], int] | None = {}
        for r in lay.roles:
            lb, arg = role_best(problem, lay.name, r.name, by_role.get((lay.name, r.name), {}))
            total += lb
            if arg is None or plan is None:
                plan = None
            else:
                plan.update({(r.name, g): n for g, n in arg.items()})
        lower[lay.name] = total
        if not math.isfinite(total):
            continue
        if plan is not None and problem.evaluate(lay.name, plan).feasible:
            upper = min(upper, problem.evaluate(lay.name, plan).cost_usd_per_hour)
        elif problem.max_gpus:
            # greedy: serve the roles one after another within the GPUs still available
            left = dict(problem.max_gpus)
            greedy: dict[tuple[str, str], int] | None = {}
            for r in lay.roles:
                sub = {}
                for key, ks in by_role.get((lay.name, r.name), {}).items():
                    cap = left.get(key[2])
                    gpr = opts[key].gpus_per_replica
                    sub[key] = ks if cap is None else tuple(k for k in ks if k * gpr <= cap)
                _, arg = role_best(problem, lay.name, r.name, sub)
                if arg is None:
                    greedy = None
                    break
                for g, n in arg.items():
                    greedy[(r.name, g)] = n
                    if g in left:
                        left[g] -= n * opts[(lay.name, r.name, g)].gpus_per_replica
            if greedy is not None:
                ev = problem.evaluate(lay.name, greedy)
                if ev.feasible:
                    upper = min(upper, ev.cost_usd_per_hour)
    return lower, upper


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolAssignment:
    """One (role, GPU type) pool of a solution."""

    role: str
    gpu: str
    replicas: int
    gpus: int
    share: float
    rate_per_s: float
    capacity_per_s: float
    price_usd_per_replica_hour: float
    cost_usd_per_hour: float
    power_w: float

    @property
    def utilisation(self) -> float:
        return self.rate_per_s / self.capacity_per_s if self.capacity_per_s > 0 else 0.0


@dataclass(frozen=True)
class FleetSolution:
    """A plan read back from a solve, in domain terms (costs recomputed by arithmetic).

    ``share`` of a pool is capacity-proportional, ``Lambda_j(n_j) / sum_i Lambda_i(n_i)``: every
    type of a role then runs at the same fraction of its SLO capacity, and ``share * rate <=
    Lambda_j(n_j)`` holds because the capacities sum to at least the rate.
    """

    layout: str
    layout_label: str
    threshold_tokens: int | None
    gamma: float
    pools: tuple[PoolAssignment, ...]
    cost_usd_per_hour: float
    gpus: int
    power_w: float
    objective: float | None
    feasible: bool
    violations: tuple[str, ...] = ()
    binding: tuple[str, ...] = ()

    @property
    def key(self) -> PlanKey:
        """The plan's identity (:func:`plan_key`)."""
        return plan_key(self.layout, {(p.role, p.gpu): p.replicas for p in self.pools})

    def counts(self) -> dict[tuple[str, str], int]:
        return {(p.role, p.gpu): p.replicas for p in self.pools}


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
    y, x, n, z
        ``y[layout]``, ``x[(layout, role, gpu)]``, ``n[(layout, role, gpu)]``,
        ``z[(layout, role, gpu)][k]`` -> pulp variables.
    counts
        ``(layout, role, gpu) -> candidate counts`` (:func:`candidate_counts`).
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
        self.counts: dict[OptionKey, tuple[int, ...]] = {}
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
        self.max_counts_per_option = max_counts_per_option
        self.lower_bounds: dict[str, float] = {}
        self.upper_bound = math.inf
        self.pruned: frozenset[str] = frozenset()
        if prune:
            self.lower_bounds, self.upper_bound = layout_bounds(problem, self.counts)
            cutoff = self.upper_bound if prune_cutoff is None else prune_cutoff
            self.cutoff = cutoff
            self.pruned = frozenset(
                name for name, lb in self.lower_bounds.items()
                if not math.isfinite(lb) or lb > cutoff * (1 + 1e-9) + 1e-9
            )
            for key in self.counts:
                if key[0] in self.pruned:
                    self.counts[key] = ()
        if not self.exact:
            self.notes.append(
                f"count ranges thinned to <= {max_counts_per_option} values per option: "
                "the model is a restriction, its optimum an upper bound"
            )
        self.tie_break = tie_break_weights(problem, self.counts)
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
        incremental encoding), ``count_*`` defining ``n`` and ``capacity_*`` (the table)."""
        import pulp

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
            n = self.lp.add_variable(f"n_{tag}", 0, max(ks), cat="Integer")
            x = self.lp.add_variable(f"x_{tag}", 0, 1)
            self.n[key], self.x[key] = n, x
            y = self.y[lname]
            if incremental:
                # z[k_i] = 1 means n >= k_i; z[k_1] <= y, z[k_{i+1}] <= z[k_i]
                prev_k, prev_v = 0, y
                count_terms, cap_terms = [(n, 1.0)], [(x, rate)]
                for k, v in zs.items():
                    name = f"link_{tag}" if prev_k == 0 else f"order_{tag}_{k}"
                    self._add(pulp.LpAffineExpression([(v, 1.0), (prev_v, -1.0)]), "<=", 0.0,
                              name)
                    count_terms.append((v, -float(k - prev_k)))
                    cap_terms.append((v, -(o.capacity(k) - o.capacity(prev_k))))
                    prev_k, prev_v = k, v
                self._add(pulp.LpAffineExpression(count_terms), "==", 0.0, f"count_{tag}")
                self._add(pulp.LpAffineExpression(cap_terms), "<=", 0.0, f"capacity_{tag}")
                continue
            if not single:
                expr = [(v, 1.0) for v in zs.values()] + [(y, -1.0)]
                self._add(pulp.LpAffineExpression(expr), "<=", 0.0, f"link_{tag}")
            expr = [(n, 1.0)] + [(v, -float(k)) for k, v in zs.items()]
            self._add(pulp.LpAffineExpression(expr), "==", 0.0, f"count_{tag}")
            expr = [(x, rate)] + [(v, -o.capacity(k)) for k, v in zs.items()]
            self._add(pulp.LpAffineExpression(expr), "<=", 0.0, f"capacity_{tag}")

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
        nvar = len(self.y) + len(self.x) + len(self.n) + sum(len(z) for z in self.z.values())
        nbin = len(self.y) + sum(len(z) for z in self.z.values())
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
          with ``z[o, 0] = y_l`` and no second term at the largest count.

        Every other (layout, role, gpu) -> n assignment has some ``t_o >= 1`` or ``y_l = 0``,
        so this removes exactly one plan.
        """
        import pulp

        layout, items = plan
        if layout not in self.y:
            return False
        y = self.y[layout]
        want = {(layout, r, g): n for r, g, n in items}
        for key in want:
            if want[key] not in self.z.get(key, {}):
                return False
        terms: list[tuple[Any, float]] = [(y, -1.0)]
        rhs = 0.0  # sum t_o - y >= 0, constants moved to the right
        for key, zs in self.z.items():
            if key[0] != layout:
                continue
            n = want.get(key, 0)
            ks = list(zs)
            if self.encoding == "onehot":
                if n > 0:
                    terms.append((zs[n], -1.0))
                    rhs -= 1.0
                else:
                    terms.extend((v, 1.0) for v in zs.values())
                continue
            if n > 0:
                terms.append((zs[n], -1.0))
                rhs -= 1.0
                i = ks.index(n)
                if i + 1 < len(ks):
                    terms.append((zs[ks[i + 1]], 1.0))
            else:
                terms.append((zs[ks[0]], 1.0))
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
        problem = self.problem
        lay = problem.layout(layout)
        ev = problem.evaluate(layout, counts)
        pools = []
        for role in lay.roles:
            used = [(g, n) for (r, g), n in counts.items() if r == role.name and n > 0]
            caps = {g: self._options[(layout, role.name, g)].capacity(n) for g, n in used}
            total = sum(caps.values())
            for g, n in sorted(used):
                o = self._options[(layout, role.name, g)]
                share = caps[g] / total if total > 0 else 1.0 / len(used)
                pools.append(PoolAssignment(
                    role=role.name, gpu=g, replicas=n, gpus=n * o.gpus_per_replica,
                    share=share, rate_per_s=share * role.rate_per_s, capacity_per_s=caps[g],
                    price_usd_per_replica_hour=o.price_usd_per_replica_hour,
                    cost_usd_per_hour=n * o.price_usd_per_replica_hour,
                    power_w=n * o.replica_power_w,
                ))
        return FleetSolution(
            layout=layout, layout_label=lay.label, threshold_tokens=lay.threshold_tokens,
            gamma=lay.gamma, pools=tuple(pools), cost_usd_per_hour=ev.cost_usd_per_hour,
            gpus=ev.gpus, power_w=ev.power_w, objective=objective, feasible=ev.feasible,
            violations=ev.violations, binding=self._binding(layout, counts, ev),
        )

    def _binding(
        self, layout: str, counts: Mapping[tuple[str, str], int], ev: Any
    ) -> tuple[str, ...]:
        """User constraints at their limit: no further replica of any (eligible) type would fit."""
        p = self.problem
        out = []
        used: dict[str, int] = {}
        for (r, g), n in counts.items():
            used[g] = used.get(g, 0) + n * self._options[(layout, r, g)].gpus_per_replica
        for g, cap in sorted(p.max_gpus.items()):
            per = [o.gpus_per_replica for o in p.options if o.gpu == g and o.layout == layout]
            if per and cap - used.get(g, 0) < min(per):
                out.append(f"max_gpus[{g}]")
        lay_opts = [o for o in p.options if o.layout == layout]
        if p.budget_usd_per_hour is not None and lay_opts:
            cheapest = min(o.price_usd_per_replica_hour for o in lay_opts)
            if p.budget_usd_per_hour - ev.cost_usd_per_hour < cheapest:
                out.append("budget")
        if p.power_budget_w is not None and lay_opts:
            least = min(o.replica_power_w for o in lay_opts)
            if p.power_budget_w - ev.power_w < least:
                out.append("power")
        for r in p.layout(layout).roles:
            m = p.role_min_replicas(layout, r.name)
            if m > 0 and sum(n for (rr, _), n in counts.items() if rr == r.name) == m:
                out.append(f"min_replicas[{r.name}]")
        return tuple(out)

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


# --------------------------------------------------------------------------------------------
# Top-K by no-good cuts (the solve itself is injected: formulation never imports a backend)
# --------------------------------------------------------------------------------------------


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
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
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
