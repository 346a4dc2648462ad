"""The binomial survival function on :mod:`scipy.special` (``scipy.stats`` costs about half a
second to import; the planner needs only this one distribution)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

__all__ = ["binom_sf"]


def binom_sf(k: ArrayLike, n: ArrayLike, p: ArrayLike) -> NDArray[np.float64]:
    """``P(Binomial(n, p) > k)`` elementwise (broadcast), as ``scipy.stats.binom.sf``.

    ``k`` is floored; ``k < 0`` gives 1 and ``k >= n`` gives 0; a NaN ``p`` gives NaN.

    Examples
    --------
    >>> binom_sf([-1, 0, 1, 2], 2, 0.5).tolist()
    [1.0, 0.75, 0.25, 0.0]
    """
    kk, nn, pp = np.broadcast_arrays(np.floor(np.asarray(k, dtype=np.float64)),
                                     np.asarray(n, dtype=np.float64),
                                     np.asarray(p, dtype=np.float64))
    ni = np.maximum(np.round(nn), 0).astype(np.int64)
    inside = (kk >= 0) & (kk < ni)
    with np.errstate(invalid="ignore"):
        mid = special.bdtrc(np.where(inside, kk, 0.0), np.where(inside, ni, 1), pp)
    out = np.where(kk < 0, 1.0, np.where(kk >= ni, 0.0, mid))
    return np.where(np.isnan(pp), np.nan, out)
