"""The replica counts the model may give each capacity option (the pruned ``k`` ranges).

:func:`candidate_counts` lists them - every count that adds capacity up to the one that serves
the role alone, within the GPUs available - and :func:`thin_counts` keeps about a given number
of them for very long tables (the model is then a restriction); :func:`tail_bound` is how far
above its table's end an option with a tail may go.

Examples
--------
>>> thin_counts([1, 2, 3, 4, 5, 6, 7, 8], 4)
[1, 3, 5, 8]
"""

from __future__ import annotations

import math

from optfleet.errors import InputError
from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import CapacityOption


def candidate_counts(
    problem: PlanningProblem,
    option: CapacityOption,
    max_counts: int | None = None,
) -> tuple[int, ...]:
    """The replica counts ``k >= 1`` the model may give one option (0 is always possible).

    ``"single"`` mode: only ``max(k_full, min_replicas)`` (nothing if no count reaches the
    rate; with a tail this count may lie above ``K``).  ``"split"`` mode: ``1..k_full``
    (``1..K`` if the type can not serve the role alone), skipping a count whose capacity equals
    the previous count's unless the pool has a minimum replica count, plus
    ``k_full+1..min_replicas`` when the minimum is larger; counts above the type's GPU
    availability are dropped.  With a tail (:attr:`CapacityOption.has_tail`) the list stops at
    ``K`` and always holds ``K`` when the model may go above it: the counts above ``K`` are one
    integer variable (:func:`tail_bound`), so the list never grows with the demand.
    ``max_counts`` (optional) thins the list - see :func:`thin_counts`; the model is then a
    restriction (``FleetModel.exact`` is False).

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> o = CapacityOption("one", "all", "g", (0, 0, 2, 4, 6, 8), 1.0)
    >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),), (o,))
    >>> candidate_counts(p, o)
    (2, 3, 4)
    >>> t = CapacityOption("one", "all", "g", (0, 1, 2, 3), 1.0, tail_per_replica_per_s=1.0)
    >>> q = PlanningProblem((Layout("one", (Role("all", 50.0),)),), (t,))
    >>> candidate_counts(q, t), tail_bound(q, t)
    ((1, 2, 3), 47)
    """
    lay = problem.layout(option.layout)
    role = lay.role(option.role)
    rate = role.rate_per_s
    if rate <= 0 or not problem.is_eligible(option.role, option.gpu):
        return ()
    need = problem.role_min_replicas(option.layout, option.role)
    kf = option.k_full(rate)
    limit = _limit(problem, option)
    if problem.split == "single":
        if kf is None:
            return ()
        k = max(kf, need)
        return (k,) if k <= limit else ()
    table = option.capacity_per_s
    top_k = option.max_replicas
    top = top_k if kf is None else min(kf, top_k)
    ks = [k for k in range(1, top + 1) if need > 0 or table[k] > table[k - 1]]
    if need > top:
        ks.extend(range(top + 1, (min(need, top_k) if option.has_tail else need) + 1))
    keep: tuple[int, ...] = (int(limit),) if math.isfinite(limit) else ()
    if tail_bound(problem, option) > 0:  # the tail variable hangs on z[K]
        if ks[-1:] != [top_k]:
            ks.append(top_k)
        keep = keep + (top_k,)
    ks = [k for k in ks if k <= limit]
    if max_counts is not None and len(ks) > max_counts:
        ks = thin_counts(ks, max_counts, keep=keep)
    return tuple(ks)


def tail_bound(problem: PlanningProblem, option: CapacityOption) -> int:
    """How many replicas above ``K`` the model may give an option with a tail (0: none).

    The most replicas the option can need is ``max(k_full, min_replicas)`` (``k_full`` counted
    with the tail), within the type's GPU availability; the tail covers the part above ``K``.
    Always 0 without a tail and in ``"single"`` mode (whose one count is a binary).

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> t = CapacityOption("one", "all", "g", (0, 1, 2, 3), 1.0, tail_per_replica_per_s=1.0)
    >>> q = PlanningProblem((Layout("one", (Role("all", 50.0),)),), (t,), max_gpus={"g": 20})
    >>> tail_bound(q, t)
    17
    """
    if not option.has_tail or problem.split == "single":
        return 0
    rate = problem.layout(option.layout).role(option.role).rate_per_s
    if rate <= 0 or not problem.is_eligible(option.role, option.gpu):
        return 0
    kf = option.k_full(rate)
    top = max(kf if kf is not None else 0, problem.role_min_replicas(option.layout, option.role))
    top = min(top, _limit(problem, option))
    return int(max(0, top - option.max_replicas))


def _limit(problem: PlanningProblem, option: CapacityOption) -> float:
    """Most replicas of the option's type the GPU availability allows (inf: no cap)."""
    cap = problem.max_gpus.get(option.gpu)
    return math.inf if cap is None else cap // option.gpus_per_replica


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
