"""The reference planner's sampled request lengths, reproduced draw for draw.

The reference planner (``fleet-sim``) does not integrate a pool's service-time moments over its
length distribution: it estimates them from a fixed number of lengths drawn with Python's
Mersenne Twister seeded with a constant, and its verification simulator draws its requests the
same way.  Its published fleet sizes sit on the utilisation-cap boundary, where the 0.2-3 %
sampling error of that estimate decides the count, so reproducing them needs the same draws.
This module implements its sampling scheme (our own code; the scheme is an assumption of the
``fleet-sim`` preset, not optfleet's physics):

* a pool serving lengths ``(lo, hi]`` of a CDF with knots ``(t_i, F_i)`` sees a sub-CDF: for the
  short (or only) pool the knots ``t_i <= hi`` divided by the last of them; for a long pool the
  knots ``t_i > lo`` renormalised as ``(F_i - F(lo)) / (1 - F(lo))`` (``F(lo)`` interpolated), the
  last set to 1;
* each draw takes ``u = random()``, the first knot with ``u <= F_i`` and a length uniform on the
  integers of that bin (``randint``).  The bin's integer range differs slightly between the
  reference's estimator and its simulator (the ``scheme`` of ``_draw``).  The estimator clamps
  at the pool's max_ctx; the simulator does not, so a replay rejects (and counts) the requests
  that do not fit, as optfleet's simulator does.

Examples
--------
>>> from optfleet.workloads import builtin_cdf
>>> L = fleet_sim_lengths(builtin_cdf("lmsys"), 0, 4096, n=5, seed=42)
>>> L.shape, bool(L.max() <= 4096)
((5,), True)
"""

from __future__ import annotations

import math
import random
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError
from optfleet.workloads.cdf import LengthCDF

Scheme = Literal["estimator", "simulator"]

__all__ = ["fleet_sim_lengths", "fleet_sim_stream", "sub_cdf"]


def sub_cdf(cdf: LengthCDF, lo_excl: int, hi_incl: int) -> list[tuple[int, float]]:
    """The reference's knot list for a pool serving lengths in ``(lo_excl, hi_incl]``.

    ``lo_excl == 0`` is a short (or the only) pool: knots up to ``hi_incl`` over the last one's
    fraction.  Otherwise a long pool: knots above ``lo_excl``, renormalised, the last set to 1.

    Raises
    ------
    InputError
        If the pool would receive no knot (no traffic).
    """
    knots = [(int(t), float(f)) for t, f in zip(cdf.tokens, cdf.fractions, strict=True)]
    if lo_excl <= 0:
        sel = [(t, f) for t, f in knots if t <= hi_incl]
        if not sel or sel[-1][1] <= 0:
            raise InputError(f"CDF {cdf.name!r} has no mass at or below {hi_incl} tokens")
        last = sel[-1][1]
        return [(t, f / last) for t, f in sel]
    f0 = float(cdf.cdf(lo_excl))
    rest = 1.0 - f0
    sel = [(t, f) for t, f in knots if t > lo_excl]
    if not sel or rest <= 1e-6:
        raise InputError(f"CDF {cdf.name!r} has no mass above {lo_excl} tokens")
    out = [(t, min(1.0, max(0.0, (f - f0) / rest))) for t, f in sel]
    out[-1] = (out[-1][0], 1.0)
    return out


def _draw(rng: random.Random, knots: list[tuple[int, float]], lo_excl: int, hi_incl: int,
          scheme: Scheme) -> int:
    u = rng.random()
    prev = 0 if scheme == "estimator" else lo_excl
    for t, f in knots:
        if u <= f:
            if scheme == "estimator":
                # the estimator clamps a long pool's first bin at lo (inclusive) and every bin
                # at the pool's max_ctx
                a = max(max(1, lo_excl), prev + 1)
                b = min(hi_incl, t)
                return rng.randint(a, b) if a <= b else hi_incl
            # the simulator's short-pool sampler includes the knot below; lengths above the
            # pool's max_ctx can come out (the reference never rejects): the caller rejects
            # and counts them
            if lo_excl <= 0:
                return rng.randint(max(1, prev), t)
            a = prev + 1
            return rng.randint(a, max(a, t))
        prev = t
    return knots[-1][0]


@lru_cache(maxsize=256)
def _lengths(cdf: LengthCDF, lo_excl: int, hi_incl: int, n: int, seed: int) -> NDArray[np.int64]:
    knots = sub_cdf(cdf, lo_excl, hi_incl)
    rng = random.Random(seed)
    out = np.fromiter(
        (_draw(rng, knots, lo_excl, hi_incl, "estimator") for _ in range(n)),
        dtype=np.int64,
        count=n,
    )
    out.flags.writeable = False
    return out


def fleet_sim_lengths(
    cdf: LengthCDF, lo_excl: int, hi_incl: int, *, n: int = 3000, seed: int = 42
) -> NDArray[np.int64]:
    """The ``n`` total lengths the reference's estimator draws for a pool ``(lo_excl, hi_incl]``.

    ``lo_excl`` is 0 for a short or only pool and ``int(gamma * B_short)`` for a long pool;
    ``hi_incl`` is the pool's max_ctx.  A fresh generator seeded ``seed`` per pool, as the
    reference does.  Cached; the result is read-only.

    Examples
    --------
    >>> from optfleet.workloads import builtin_cdf
    >>> L = fleet_sim_lengths(builtin_cdf("agent_heavy"), 4096, 65536, n=1000)
    >>> bool(L.min() >= 4096), bool(L.max() <= 65536)
    (True, True)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InputError(f"n must be a positive integer, got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError(f"seed must be a non-negative integer, got {seed!r}")
    if hi_incl <= lo_excl:
        raise InputError(f"empty length range ({lo_excl}, {hi_incl}]")
    return _lengths(cdf, int(lo_excl), int(hi_incl), n, seed)


def fleet_sim_stream(
    rng: random.Random,
    cdf: LengthCDF,
    lo_excl: int,
    hi_incl: int,
    rate_per_s: float,
    n: int,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """``n`` Poisson arrivals and lengths as the reference's verification simulator draws them.

    Per request: an exponential gap (``rng.expovariate(rate)``), then a length from the pool's
    sub-CDF.  ``rng`` is advanced in place, so several pools drawn in turn from one generator
    reproduce the reference's shared stream.

    Examples
    --------
    >>> import random
    >>> from optfleet.workloads import builtin_cdf
    >>> t, L = fleet_sim_stream(random.Random(42), builtin_cdf("azure"), 0, 8192, 10.0, 4)
    >>> t.shape, bool((L >= 1).all())
    ((4,), True)
    """
    if not (math.isfinite(rate_per_s) and rate_per_s > 0):
        raise InputError(f"rate_per_s must be a finite positive number, got {rate_per_s!r}")
    knots = sub_cdf(cdf, lo_excl, hi_incl)
    times = np.empty(n)
    lengths = np.empty(n, dtype=np.int64)
    t = 0.0
    for i in range(n):
        t += rng.expovariate(rate_per_s)
        times[i] = t
        lengths[i] = _draw(rng, knots, lo_excl, hi_incl, "simulator")
    return times, lengths
