"""The prefill factor of the TTFT tail at the SLO, tabulated once per criterion.

With the M/G/c wait model of :mod:`optfleet.queueing.mgc` (an atom at 0 and an exponential tail
of rate ``theta``), ``P(W + X > slo) = P(X > slo) + C L(theta)`` with
``L(theta) = E[exp(-theta (slo - X)); X <= slo]``.  :class:`GapTable` evaluates an upper bound
of ``L`` and of its derivative for :class:`optfleet.queueing.capacity.Criterion`.

Prefill distribution.  The gaps ``g = slo - x`` of the prefill values ``x <= slo`` are merged
exactly (``np.unique``); only if more than ``max_prefill_points`` distinct gaps remain are they
rounded **down** (prefill up) to a grid of that many cells on ``[0, slo]``, which can only
over-state the tail.  On a geometric grid ``theta_j`` (ratio 1.2) we store
``M_jm = sum_i p_i g_i^m exp(-theta_j g_i)``, ``m <= 10``, and evaluate
``L(theta) <= sum_m (-(theta - theta_j))^m / m! M_jm`` for ``theta_j <= theta``.  Truncating
``exp(-y)`` after an even power over-estimates it, so this is an upper bound (conservative) and
its error is below ``3e-9`` (absolute, in probability) — far under any meaningful ``1 - q``.  An
evaluation then costs a dozen flops whatever the support size.

Examples
--------
>>> import numpy as np
>>> from optfleet.queueing.tail import GapTable
>>> table = GapTable.from_prefill(1.0, np.array([0.0, 0.5]), np.array([0.5, 0.5]), 4096)
>>> log_l, _ = table.log_l(np.array([2.0]))
>>> bool(abs(np.exp(log_l[0]) - 0.5 * (np.exp(-2.0) + np.exp(-1.0))) < 1e-8)
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

#: Geometric ratio of the ``theta`` grid and Taylor order (even: upper bound) of ``L(theta)``.
_GRID_RATIO = 1.2
_ORDER = 10
_FACT = np.array([math.factorial(m) for m in range(_ORDER + 1)], dtype=np.float64)


@dataclass(frozen=True)
class GapTable:
    """Taylor moments of the prefill gaps on a ``theta`` grid (see the module docstring).

    ``p0`` is the probability of a zero gap (prefill exactly at the SLO), ``gmax`` the largest
    gap (the moments are of ``g / gmax``), ``theta1`` the first positive grid point, ``coef`` the
    moments ``M_jm / m!`` (one row per grid point) and ``coef_t`` their transpose.
    """

    p0: float
    gmax: float
    theta1: float
    coef: FloatArray
    coef_t: FloatArray

    @classmethod
    def from_prefill(cls, slo: float, x: FloatArray, p: FloatArray, max_points: int) -> GapTable:
        """The table of prefill values ``x`` with probabilities ``p`` (checked, sum 1)."""
        m = max_points
        coef = np.zeros((1, _ORDER + 1))
        gmax, theta1 = slo, 1.0
        keep = (x <= slo) & (p > 0)
        g, pg = slo - x[keep], p[keep]
        g = np.where(g < 1e-12 * slo, 0.0, g)  # rounds prefill up: conservative
        g, inv = np.unique(g, return_inverse=True)
        pg = np.bincount(inv, weights=pg, minlength=g.size)
        if g.size > m:  # round gaps down (prefill up) to a grid: conservative
            cells = np.floor(g / (slo / m)).astype(np.int64)
            pg = np.bincount(cells, weights=pg)
            g = np.arange(pg.size) * (slo / m)
            nz = pg > 0
            g, pg = g[nz], pg[nz]
        p0 = float(pg[g == 0].sum())
        pos = g > 0
        g, pg = g[pos], pg[pos]
        if g.size:
            gmax = float(g.max())
            theta1 = 0.05 / gmax
            top = 50.0 / float(g.min())
            n_geo = 1 + math.ceil(math.log(max(top / theta1, 1.0)) / math.log(_GRID_RATIO))
            grid = np.concatenate(([0.0], theta1 * _GRID_RATIO ** np.arange(n_geo)))
            u = g / gmax
            powers = pg[:, None] * u[:, None] ** np.arange(_ORDER + 1)
            coef = (np.exp(-grid[:, None] * g[None, :]) @ powers) / _FACT
        return cls(p0, gmax, theta1, coef, np.ascontiguousarray(coef.T))

    def log_l(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``(ln L(theta), d ln L / d theta)``; an upper bound on ``L`` (module docstring)."""
        coef = self.coef
        n_grid = coef.shape[0]
        if n_grid == 1:  # all prefill mass at the SLO (or nothing below it)
            with np.errstate(divide="ignore"):
                return np.full(
                    theta.shape, math.log(self.p0) if self.p0 > 0 else -math.inf
                ), np.zeros(theta.shape)
        t1 = self.theta1
        j = np.floor(np.log(np.maximum(theta, t1) / t1) * (1.0 / math.log(_GRID_RATIO))) + 1.0
        j = np.where(theta < t1, 0.0, np.minimum(j, n_grid - 1))
        ji = j.astype(np.intp)
        base = np.where(ji == 0, 0.0, t1 * _GRID_RATIO ** (j - 1.0))
        # beyond the grid: L(theta_top) >= L(theta)
        y = np.where(ji == n_grid - 1, 0.0, np.minimum(base - theta, 0.0) * self.gmax)
        rows = self.coef_t[:, ji]
        s = rows[_ORDER].copy()
        ds = _ORDER * rows[_ORDER]
        for mm in range(_ORDER - 1, 0, -1):
            s *= y
            s += rows[mm]
            ds *= y
            ds += mm * rows[mm]
        s *= y
        s += rows[0]
        lval = self.p0 + np.maximum(s, 0.0)
        return np.log(lval), np.where(lval > 0, (-self.gmax) * ds / lval, 0.0)
