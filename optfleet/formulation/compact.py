"""Compact capacity tables: an exact head ``Lambda[0..K0]`` and a linear tail beyond it.

At 10^5..10^6 req/s a pool needs thousands of replicas and its capacity table as many entries;
the integer program would carry one binary per count.  :func:`compact_table` keeps the first
``K0`` entries and replaces the rest by the tail rate ``t = Lambda[K0] / K0`` per replica
(:attr:`~optfleet.formulation.CapacityOption.tail_per_replica_per_s`), so an option costs at
most ``K0`` binaries and one integer whatever the replica count.

It relies on a property of the planner's tables: **the per-replica capacity ``r(k) = Lambda[k]
/ k`` is non-decreasing in ``k``** (more replicas never multiplex worse).  Then for ``k >= K0``

    compact(k) = Lambda[K0] + (k - K0) t = k r(K0) <= k r(k) = Lambda[k],

so the compact table never credits more than the full one and a plan feasible for the compact
option is feasible for the full table; and serving the full optimum's load needs at most
``(1 + gap_bound)`` times its replicas, rounded up (docs/formulation.md, "Compact tables").

Examples
--------
>>> lam = [k * (2.0 - 1.0 / (k + 1)) for k in range(401)]   # r(k) grows towards 2
>>> short, tail, gap = compact_table(lam, tol=0.01, k_exact=16)
>>> len(short) - 1, round(tail, 4), round(gap, 4)
(44, 1.9778, 0.01)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from optfleet.errors import InputError
from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import CapacityOption, OptionKey

#: Default of ``k_max``: the exact head is at most this many times ``k_exact`` long.
K_MAX_FACTOR = 4


def compact_table(
    capacity_per_s: Sequence[float],
    tol: float = 0.01,
    k_exact: int = 256,
    k_max: int | None = None,
) -> tuple[tuple[float, ...], float | None, float]:
    """A long capacity table as ``(short table, tail, gap_bound)``.

    The short table is ``Lambda[0..K0]`` (exact), the tail ``t = Lambda[K0] / K0`` per replica
    above ``K0``, and ``gap_bound = max_{K0 < k <= K} Lambda[k] / compact(k) - 1``: the largest
    relative shortfall of the compact capacity, hence of the replicas the tail makes a pool buy
    (``n`` full-table replicas are matched by ``ceil(n (1 + gap_bound))`` compact ones).

    ``K0`` is the smallest ``k >= min(k_exact, K)`` whose bound is ``<= tol``, searched up to
    ``min(k_max, K)`` (``k_max`` default ``4 k_exact``); when even that misses ``tol``, ``K0 =
    min(k_max, K)`` and ``gap_bound`` says by how much.  A table no longer than ``k_exact``
    is kept whole (``gap_bound = 0``) and gets the tail ``Lambda[K] / K``.

    The tail is ``min(r(K0), min_{k > K0} (Lambda[k] - Lambda[K0]) / (k - K0))``, which is
    ``r(K0)`` when ``r(k) = Lambda[k] / k`` is non-decreasing (the planner's tables) and keeps
    the compact table below the full one at every tabulated count even when it is not.

    Parameters
    ----------
    capacity_per_s
        ``Lambda[0..K]``: ``Lambda[0] = 0``, finite, non-decreasing.
    tol
        Target bound on the relative over-buy (``>= 0``).
    k_exact
        Counts kept exact at least (``>= 1``).
    k_max
        Counts kept exact at most (``>= k_exact``; None: ``4 k_exact``).

    Returns
    -------
    tuple
        ``(short_table, tail_per_replica_per_s, gap_bound)``; the tail is None only for the
        table ``(0,)``.

    Raises
    ------
    InputError
        For a bad table or bad parameters.

    Examples
    --------
    >>> compact_table([0, 1, 3, 6, 9, 12, 15], tol=0.0, k_exact=2, k_max=3)
    ((0.0, 1.0, 3.0, 6.0), 2.0, 0.25)
    >>> compact_table([0, 2, 4], k_exact=8)
    ((0.0, 2.0, 4.0), 2.0, 0.0)
    """
    arr = _checked_table(capacity_per_s)
    k_lo, k_hi = _checked_range(tol, k_exact, k_max, arr.size - 1)
    top = arr.size - 1
    if top == 0:
        return (0.0,), None, 0.0
    k0 = _choose_k0(arr, tol, k_lo, k_hi)
    tail = _tail(arr, k0)
    return tuple(float(v) for v in arr[: k0 + 1]), tail, _gap(arr, k0, tail)


def compact_option(
    option: CapacityOption,
    tol: float = 0.01,
    k_exact: int = 256,
    k_max: int | None = None,
) -> tuple[CapacityOption, float]:
    """``option`` with its table compacted (:func:`compact_table`) and the gap bound.

    An option that already has a tail keeps the smaller of the two tails, so the result never
    credits more than ``option`` at any count.

    Examples
    --------
    >>> lam = tuple(k * (2 - 1 / (k + 1)) for k in range(401))
    >>> o = CapacityOption("one", "all", "g", lam, 1.0)
    >>> c, gap = compact_option(o, k_exact=16)
    >>> c.max_replicas, c.capacity(400) <= o.capacity(400), round(gap, 4)
    (44, True, 0.01)
    """
    short, tail, gap = compact_table(option.table_array, tol, k_exact, k_max)
    if option.tail_per_replica_per_s is not None:
        tail = option.tail_per_replica_per_s if tail is None else min(
            tail, option.tail_per_replica_per_s)
    return replace(option, capacity_per_s=short, tail_per_replica_per_s=tail), gap


def compact_problem(
    problem: PlanningProblem,
    tol: float = 0.01,
    k_exact: int = 256,
    k_max: int | None = None,
) -> tuple[PlanningProblem, dict[OptionKey, float]]:
    """``problem`` with every option compacted (:func:`compact_option`), and each option's gap
    bound.  Every plan feasible for the result is feasible for ``problem`` (given non-decreasing
    per-replica capacity); see docs/formulation.md for how much dearer its optimum can be.

    Examples
    --------
    >>> from optfleet.formulation import Layout, Role
    >>> lam = tuple(k * (2 - 1 / (k + 1)) for k in range(401))
    >>> o = CapacityOption("one", "all", "g", lam, 1.0)
    >>> p = PlanningProblem((Layout("one", (Role("all", 700.0),)),), (o,))
    >>> q, gaps = compact_problem(p, k_exact=16)
    >>> q.options[0].max_replicas, q.options[0].k_full(700.0), p.options[0].k_full(700.0)
    (44, 354, 351)
    """
    gaps: dict[OptionKey, float] = {}
    options = []
    for o in problem.options:
        c, gaps[o.key] = compact_option(o, tol, k_exact, k_max)
        options.append(c)
    return replace(problem, options=tuple(options), max_gpus=dict(problem.max_gpus)), gaps


def _checked_table(capacity_per_s: Sequence[float]) -> np.ndarray:
    try:
        arr = np.asarray(capacity_per_s, dtype=float).ravel()
    except (TypeError, ValueError):
        raise InputError("capacity table must be numbers") from None
    if arr.size < 1 or not np.all(np.isfinite(arr)) or np.any(arr < 0) or arr[0] != 0:
        raise InputError("capacity table must be finite, >= 0 and start with Lambda[0] = 0")
    if np.any(np.diff(arr) < -1e-9 * max(float(arr.max()), 1.0)):
        raise InputError("capacity table must be non-decreasing")
    return np.maximum.accumulate(arr)


def _checked_range(tol: float, k_exact: int, k_max: int | None, top: int) -> tuple[int, int]:
    """``(k_lo, k_hi)``: where ``K0`` is searched."""
    if not isinstance(tol, int | float) or isinstance(tol, bool) or not (0 <= tol < np.inf):
        raise InputError(f"tol must be a finite number >= 0, got {tol!r}")
    for name, v in (("k_exact", k_exact), ("k_max", k_max)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 1):
            raise InputError(f"{name} must be an integer >= 1, got {v!r}")
    hi = K_MAX_FACTOR * int(k_exact) if k_max is None else int(k_max)
    if hi < k_exact:
        raise InputError(f"k_max ({hi}) must be >= k_exact ({k_exact})")
    return min(int(k_exact), top), min(hi, top)


def _choose_k0(arr: np.ndarray, tol: float, k_lo: int, k_hi: int) -> int:
    """The smallest ``k0`` in ``[k_lo, k_hi]`` whose gap ``max_{k > k0} r(k) / r(k0) - 1`` is
    ``<= tol`` (``k_hi`` if none)."""
    top = arr.size - 1
    r = np.zeros(arr.size)
    r[1:] = arr[1:] / np.arange(1, top + 1)
    after = np.full(arr.size, -np.inf)  # after[k] = max_{j > k} r(j)
    after[:-1] = np.maximum.accumulate(r[::-1])[::-1][1:]
    ks = np.arange(k_lo, k_hi + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.where(after[ks] <= r[ks], 0.0, after[ks] / r[ks] - 1.0)
    ok = np.flatnonzero(gap <= tol)
    return int(ks[ok[0]]) if ok.size else k_hi


def _tail(arr: np.ndarray, k0: int) -> float:
    """``min(r(k0), least chord slope from k0)``: conservative at every tabulated count."""
    rate = float(arr[k0]) / k0
    if k0 < arr.size - 1:
        slopes = (arr[k0 + 1:] - arr[k0]) / np.arange(1, arr.size - k0)
        rate = min(rate, float(slopes.min()))
    return max(0.0, rate)


def _gap(arr: np.ndarray, k0: int, tail: float) -> float:
    """``max_{k0 < k <= K} Lambda[k] / compact(k) - 1`` (0 when nothing is cut off)."""
    if k0 >= arr.size - 1:
        return 0.0
    full = arr[k0 + 1:]
    compact = arr[k0] + np.arange(1, arr.size - k0) * tail
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(full <= compact, 1.0, full / compact)
    return float(max(0.0, ratio.max() - 1.0))


__all__ = ["K_MAX_FACTOR", "compact_option", "compact_problem", "compact_table"]
