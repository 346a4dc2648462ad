"""Layout presolve: cost bounds per layout by plain arithmetic (no solver).

:func:`role_best` serves one role on its own, ignoring the coupling constraints (GPU
availability, budget, power, forbidden plans); :func:`layout_bounds` adds the roles up into a
cost lower bound per layout and finds a feasible plan whose cost bounds the optimum from above.
:class:`~optfleet.formulation.FleetModel` drops the layouts whose lower bound exceeds it.

Examples
--------
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
>>> o = CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0)
>>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),), (o,))
>>> role_best(p, "one", "all", {o.key: (1, 2, 3)})
(12.0, {'H100': 3})
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import CapacityOption, OptionKey

#: The most count combinations :func:`role_best` enumerates before it falls back to the LP bound.
_MAX_ENUM = 200_000

Counts = Mapping[OptionKey, tuple[int, ...]]
Tails = Mapping[OptionKey, int]
Best = tuple[float, dict[str, int] | None]


def count_range(option: CapacityOption, ks: tuple[int, ...], tail: int = 0) -> np.ndarray:
    """Every count the model may give an option: 0, its candidates ``ks`` and, with a tail
    variable bounded by ``tail``, ``K+1..K+tail`` (sorted, int64).

    Examples
    --------
    >>> o = CapacityOption("one", "all", "g", (0, 1, 2, 3), 1.0, tail_per_replica_per_s=1.0)
    >>> count_range(o, (1, 2, 3), 2).tolist()
    [0, 1, 2, 3, 4, 5]
    """
    top = option.max_replicas
    return np.concatenate([np.zeros(1, np.int64), np.asarray(ks, dtype=np.int64),
                           np.arange(top + 1, top + 1 + max(0, tail), dtype=np.int64)])


def role_best(
    problem: PlanningProblem,
    layout: str,
    role: str,
    counts: Mapping[OptionKey, tuple[int, ...]],
    tails: Tails | None = None,
) -> tuple[float, dict[str, int] | None]:
    """Cheapest way to serve one role on its own, ignoring the coupling constraints.

    Returns ``(cost_lower_bound, counts_by_gpu)``: a lower bound on the role's cost and a
    feasible way to serve it (None if none was found).  When the candidate counts of all but
    the longest-ranged type span at most 200 000 combinations, every combination is enumerated
    and the last type's least sufficient count found by bisection: the bound is exact and the
    counts optimal (lexicographically in cost, GPUs, power).  Otherwise the bound is the LP
    bound ``rate * min_j price_j / max_k(Lambda_j[k] / k)`` and the counts the cheapest
    single-type plan.  ``(inf, None)`` when the role can not be served.  ``tails`` (option ->
    most replicas above ``K``, :func:`~optfleet.formulation.counts.tail_bound`) extends the
    ranges of options with a tail.
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
        return _best_single(opts, counts, keys)
    tails = tails or {}
    keys.sort(key=lambda k: len(counts[k]) + tails.get(k, 0))
    ranges = [count_range(opts[k], counts[k], tails.get(k, 0)) for k in keys]
    combos = 1
    for rg in ranges[:-1]:
        combos *= len(rg)
    if combos > _MAX_ENUM:
        return _lp_bound(opts, keys, ranges, r.rate_per_s, need)
    return _best_enumerated(opts, keys, ranges, r.rate_per_s, need)


def _best_single(
    opts: Mapping[OptionKey, CapacityOption], counts: Counts, keys: list[OptionKey]
) -> Best:
    """``"single"`` mode: the cheapest (then fewest GPUs, least power) one-type count."""
    best: tuple[float, int, float] | None = None
    arg = None
    for k in keys:
        o, n = opts[k], counts[k][0]
        val = (n * o.price_usd_per_replica_hour, n * o.gpus_per_replica, n * o.replica_power_w)
        if best is None or val < best:
            best, arg = val, {k[2]: n}
    return (best[0], arg) if best is not None else (math.inf, None)


def _lp_bound(
    opts: Mapping[OptionKey, CapacityOption],
    keys: list[OptionKey],
    ranges: list[np.ndarray],
    rate: float,
    need: int,
) -> Best:
    """Too many combinations: the LP bound and the cheapest feasible single-type plan."""
    lb = math.inf
    single: tuple[float, int, float] | None = None
    arg = None
    for k, rg in zip(keys, ranges, strict=True):
        o = opts[k]
        ks = rg[1:].astype(float)
        caps = o.capacities(rg[1:])
        per = float(np.max(caps / ks))
        if per > 0:
            lb = min(lb, rate * o.price_usd_per_replica_hour / per)
        ok = (caps >= rate) & (ks >= need)
        if np.any(ok):  # a feasible single-type plan, for the upper bound only
            n = int(ks[int(np.argmax(ok))])
            val = (n * o.price_usd_per_replica_hour, n * o.gpus_per_replica,
                   n * o.replica_power_w)
            if single is None or val < single:
                single, arg = val, {k[2]: n}
    return lb, arg


def _best_enumerated(
    opts: Mapping[OptionKey, CapacityOption],
    keys: list[OptionKey],
    ranges: list[np.ndarray],
    rate: float,
    need: int,
) -> Best:
    """Every combination of all but the last type; the last type's least sufficient count by
    bisection; the lexicographic (cost, GPUs, power) optimum."""
    grids = np.meshgrid(*ranges[:-1], indexing="ij") if len(ranges) > 1 else []
    vecs = np.stack([g.ravel() for g in grids], axis=1) if grids else np.zeros((1, 0), np.int64)
    cap = np.zeros(len(vecs))
    cnt = vecs.sum(axis=1)
    cost = np.zeros(len(vecs))
    gpus = np.zeros(len(vecs))
    power = np.zeros(len(vecs))
    for j, k in enumerate(keys[:-1]):
        o = opts[k]
        cap += o.capacities(ranges[j])[np.searchsorted(ranges[j], vecs[:, j])]
        cost += vecs[:, j] * o.price_usd_per_replica_hour
        gpus += vecs[:, j] * o.gpus_per_replica
        power += vecs[:, j] * o.replica_power_w
    last = opts[keys[-1]]
    lr = ranges[-1]
    lcap = last.capacities(lr)  # non-decreasing in v
    # least index with cap + lcap >= rate, then with count >= need
    i_cap = np.searchsorted(lcap, rate - cap, side="left")
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
    problem: PlanningProblem,
    counts: Mapping[OptionKey, tuple[int, ...]],
    tails: Tails | None = None,
) -> tuple[dict[str, float], float]:
    """Per-layout cost lower bounds and a global upper bound (inf if no plan was found).

    The lower bound of a layout is the sum over its roles of :func:`role_best` (a relaxation:
    the coupling constraints - GPU availability, budget, power, forbidden plans - are dropped).
    The upper bound is the cheapest layout whose per-role optima, put together, pass
    :meth:`PlanningProblem.evaluate`.  ``tails`` as in :func:`role_best`.
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
            lb, arg = role_best(problem, lay.name, r.name, by_role.get((lay.name, r.name), {}),
                                tails)
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
                sub, sub_tails = {}, {}
                for key, ks in by_role.get((lay.name, r.name), {}).items():
                    cap = left.get(key[2])
                    gpr = opts[key].gpus_per_replica
                    sub[key] = ks if cap is None else tuple(k for k in ks if k * gpr <= cap)
                    top = opts[key].max_replicas
                    tail = (tails or {}).get(key, 0)
                    if tail and cap is not None:
                        tail = min(tail, cap // gpr - top) if top in sub[key] else 0
                    sub_tails[key] = max(0, tail)
                _, arg = role_best(problem, lay.name, r.name, sub, sub_tails)
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
