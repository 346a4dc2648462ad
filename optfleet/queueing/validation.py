"""Argument checks shared by the queueing modules: each returns the checked value as a float
array or raises :class:`~optfleet.errors.InputError` naming the first bad value.

Examples
--------
>>> from optfleet.queueing.validation import check_nonnegative, check_servers
>>> check_servers([1, 2]).tolist(), float(check_nonnegative("lam", 0.5))
([1.0, 2.0], 0.5)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError

FloatArray = NDArray[np.float64]


def check_nonnegative(name: str, x: ArrayLike, *, positive: bool = False) -> FloatArray:
    """``x`` as a float array; no NaN, no negative value (nor zero if ``positive``)."""
    a = np.asarray(x, dtype=np.float64)
    if np.any(np.isnan(a)):
        raise InputError(f"{name} must not be NaN, got {first_bad(a, np.isnan(a))}")
    if positive and np.any(a <= 0):
        raise InputError(f"{name} must be positive, got {first_bad(a, a <= 0)}")
    if np.any(a < 0):
        raise InputError(f"{name} must be non-negative, got {first_bad(a, a < 0)}")
    return a


def first_bad(a: FloatArray, bad: NDArray[np.bool_]) -> float:
    """The first value of ``a`` where ``bad`` holds (``a`` itself if it is a scalar)."""
    return float(np.asarray(a)[np.asarray(bad)].flat[0]) if np.ndim(a) else float(a)


def check_servers(c: ArrayLike) -> FloatArray:
    """Server counts ``c`` as a float array of integers ``>= 1``."""
    arr = np.asarray(c, dtype=np.float64)
    bad = np.isnan(arr) | (arr < 1) | (arr != np.floor(arr))
    if np.any(bad):
        raise InputError(
            f"the number of servers c must be an integer >= 1, got {first_bad(arr, bad)}"
        )
    return arr


def check_prefill(prefill_s: ArrayLike, prefill_prob: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """A discrete prefill-time distribution: ``(values, probabilities normalised to sum 1)``."""
    x = np.atleast_1d(np.asarray(prefill_s, dtype=np.float64))
    p = np.atleast_1d(np.asarray(prefill_prob, dtype=np.float64))
    if x.shape != p.shape or x.ndim != 1 or x.size == 0:
        raise InputError(
            "prefill_s and prefill_prob must be 1-D arrays of equal, non-zero length, "
            f"got shapes {x.shape} and {p.shape}"
        )
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(p))):
        raise InputError("prefill_s and prefill_prob must be finite, got a NaN or inf")
    if np.any(x < 0) or np.any(p < 0):
        raise InputError(
            f"prefill_s and prefill_prob must be non-negative, got {min(x.min(), p.min())!r}"
        )
    total = p.sum()
    if not total > 0:
        raise InputError(f"prefill_prob must have a positive sum, got {total!r}")
    return x, p / total
