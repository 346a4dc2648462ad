"""Search helpers shared by the sizing code (no optfleet imports: usable from every layer)."""

from __future__ import annotations

from collections.abc import Callable


def smallest_true(ok: Callable[[int], bool], start: int, limit: int) -> int | None:
    """The smallest integer ``n`` in ``[start, limit]`` with ``ok(n)``, for a monotone ``ok``.

    Galloping (the step doubles) from ``start``, then bisection; ``None`` if even ``ok(limit)``
    is false.

    Examples
    --------
    >>> smallest_true(lambda n: n * n >= 50, 1, 100)
    8
    >>> smallest_true(lambda n: False, 1, 10) is None
    True
    """
    n = max(1, int(start))
    if n > limit:
        return None
    if ok(n):
        return n
    lo, step = n, max(1, n // 8)
    while True:
        hi = min(lo + step, int(limit))
        if ok(hi):
            break
        if hi >= limit:
            return None
        lo, step = hi, step * 2
    while hi - lo > 1:  # lo fails, hi meets
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi
