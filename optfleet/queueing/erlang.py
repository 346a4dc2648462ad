"""Exact M/M/c maths: Erlang B and C, probability of waiting, mean wait, wait tail and quantile.

Erlang B is computed from the Poisson distribution, ``B(c, a) = P(N = c) / P(N <= c)`` with
``N ~ Poisson(a)``, in log space: ``log P(N = c)`` uses a Stirling form that keeps full relative
precision for ``c`` up to 10**6 and beyond (``c (1 - rho + ln rho)`` via ``log1p``), and
``P(N <= c)`` is the regularised upper incomplete gamma function ``Q(c + 1, a)``.  Erlang C
follows as ``C = B / ((1 - rho) + rho B)`` — a sum of two non-negative terms, so no cancellation
even at ``rho = 0.999``.  Everything is vectorised with numpy broadcasting; there is no loop
over servers.

Where ``P(N <= c)`` underflows (an overloaded loss system, ``a`` far above ``c``), ``1 / B`` is
summed directly as ``sum_j c! / ((c - j)! a^j)``, whose terms fall at least as fast as
``(c / a)^j`` (about ``sqrt(c)`` terms at worst).  Nothing is clipped or substituted: a result
outside [0, 1] beyond rounding (1e-12) raises :class:`~optfleet.errors.NumericalError`, so a
broken value is never masked; within rounding it is rounded to the range.

Examples
--------
>>> from optfleet.queueing.erlang import erlang_c, mmc_wait_quantile_s
>>> round(float(erlang_c(2, 1.0)), 12)
0.333333333333
>>> round(float(erlang_c(14, 10.0)), 10)
0.1741319336
>>> round(float(mmc_wait_quantile_s(0.99, 14, 10.0, 1.0)), 4)
0.7143
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from optfleet.errors import InputError, NumericalError
from optfleet.queueing.validation import check_nonnegative, check_servers, first_bad

FloatArray = NDArray[np.float64]

_STIRLING_MIN_C = 20.0
#: Below this ``P(N <= c)`` Erlang B is summed directly (:func:`_erlang_b_overloaded`).
_Q_TINY = 1e-280
#: How far (absolute) a probability may leave [0, 1] by rounding before it counts as broken.
_ROUNDING = 1e-12


def _log_poisson_pmf_at_c(c: FloatArray, a: FloatArray) -> FloatArray:
    """``log P(N = c)`` for ``N ~ Poisson(a)``, accurate to relative ~1e-15 of the result."""
    c, a = np.broadcast_arrays(c, a)
    with np.errstate(divide="ignore", invalid="ignore"):
        if np.all(c >= _STIRLING_MIN_C):
            return _log_pmf_stirling(c, a)
        out = np.empty(c.shape, dtype=np.float64)
        big = c >= _STIRLING_MIN_C
        small = ~big
        cs, as_ = c[small], a[small]
        out[small] = special.xlogy(cs, as_) - as_ - special.gammaln(cs + 1.0)
        if np.any(big):
            out[big] = _log_pmf_stirling(c[big], a[big])
    return out


def _log_pmf_stirling(cb: FloatArray, ab: FloatArray) -> FloatArray:
    """``c ln a - a - ln c! = -c (x - log1p(x)) - ln(2 pi c) / 2 - tail(c)``, ``x = rho - 1``."""
    x = ab / cb - 1.0
    inv = 1.0 / cb
    inv2 = inv * inv
    tail = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)))
    dev = np.where(ab > 0, x - np.log1p(x), np.inf)
    return -cb * dev - 0.5 * np.log(2.0 * np.pi * cb) - tail


def erlang_b(c: ArrayLike, a: ArrayLike) -> FloatArray:
    """Erlang B blocking probability of an M/M/c/c loss system with offered load ``a``.

    Parameters
    ----------
    c : int or array of int
        Servers, 1 <= c (tested up to 10**6).
    a : float or array
        Offered load ``lam / mu`` (>= 0).

    Examples
    --------
    >>> round(float(erlang_b(1, 1.0)), 12)
    0.5
    """
    cc = check_servers(c)
    aa = check_nonnegative("offered load a", a)
    if np.any(np.isinf(aa)):
        raise InputError("offered load a must be finite, got inf")
    cc, aa = np.broadcast_arrays(cc, aa)
    return _erlang_b(cc, aa)


def _erlang_b(cc: FloatArray, aa: FloatArray) -> FloatArray:
    """Erlang B without input checks (``cc``, ``aa`` broadcast finite float arrays)."""
    log_pmf = _log_poisson_pmf_at_c(cc, aa)
    with np.errstate(divide="ignore", under="ignore"):
        q = special.gammaincc(cc + 1.0, aa)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        b = np.exp(log_pmf - np.log(q))
    b = np.where(aa == 0, 0.0, b)
    tiny = (q < _Q_TINY) & (aa > 0)
    if np.any(tiny):  # a far above c: P(N <= c) underflows, sum 1 / B directly
        b[tiny] = _erlang_b_overloaded(cc[tiny], aa[tiny])
    return _probability("Erlang B", b, cc, aa)


def _erlang_b_overloaded(c: FloatArray, a: FloatArray) -> FloatArray:
    """``B = 1 / sum_{j=0..c} prod_{i<j} (c - i) / a`` for ``a > c`` (terms fall geometrically)."""
    s = np.ones(c.shape)
    term = np.ones(c.shape)
    active = np.ones(c.shape, dtype=bool)
    j = 0.0
    while np.any(active):
        term = np.where(active, term * np.maximum(c - j, 0.0) / a, 0.0)
        s += term
        j += 1.0
        active = term > 1e-17 * s
    return 1.0 / s


def _probability(what: str, p: FloatArray, cc: FloatArray, aa: FloatArray) -> FloatArray:
    """``p`` rounded into [0, 1], or :class:`NumericalError` if it is outside beyond rounding."""
    bad = ~((p >= -_ROUNDING) & (p <= 1.0 + _ROUNDING))  # NaN is bad too
    if np.any(bad):
        i = np.flatnonzero(np.broadcast_to(bad, p.shape))[0]
        c0, a0, p0 = (float(np.broadcast_to(x, p.shape).flat[i]) for x in (cc, aa, p))
        raise NumericalError(f"{what}({c0:g}, {a0:g}) came out as {p0!r}, outside [0, 1]")
    return np.minimum(np.maximum(p, 0.0), 1.0)


def erlang_c(c: ArrayLike, a: ArrayLike) -> FloatArray:
    """Erlang C: probability that an arrival waits in an M/M/c queue with offered load ``a``.

    Returns 1 where ``a >= c`` (unstable).

    Examples
    --------
    >>> round(float(erlang_c(1, 0.7)), 12)
    0.7
    >>> round(float(erlang_c(100, 90.0)), 6)
    0.21694
    """
    cc = check_servers(c)
    aa = check_nonnegative("offered load a", a)
    cc, aa = np.broadcast_arrays(cc, aa)
    return erlang_b_c(cc, aa)[1]


def erlang_b_c(cc: FloatArray, aa: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(Erlang B, Erlang C) without input checks; C = 1 where ``a >= c``."""
    stable = aa < cc
    b = _erlang_b(cc, np.where(stable, aa, 0.0))
    rho = np.where(stable, aa / cc, 0.0)
    one_minus_rho = np.where(stable, (cc - aa) / cc, 1.0)
    out = _probability("Erlang C", b / (one_minus_rho + rho * b), cc, aa)
    return b, np.where(stable, out, 1.0)


def mmc_prob_wait(c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike) -> FloatArray:
    """``P(wait > 0)`` in M/M/c (= Erlang C with ``a = lam / mu``)."""
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    return erlang_c(c, lam / mu)


def mmc_mean_wait_s(c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike) -> FloatArray:
    """Mean queueing delay ``E[Wq] = C / (c mu - lam)`` of M/M/c (inf when unstable).

    Examples
    --------
    >>> w = float(mmc_mean_wait_s(3, 0.1, 0.05))  # Lq = lam Wq = 0.889
    >>> round(0.1 * w, 3), round(w + 1 / 0.05, 2)
    (0.889, 28.89)
    """
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cc, lam, mu = np.broadcast_arrays(cc, lam, mu)
    gap = cc * mu - lam
    with np.errstate(divide="ignore", invalid="ignore"):
        out = erlang_c(cc, lam / mu) / gap
    return np.where(gap > 0, out, np.inf)


def mmc_wait_tail(
    t_s: ArrayLike, c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike
) -> FloatArray:
    """``P(W > t) = C exp(-(c mu - lam) t)`` for ``t >= 0`` (1 for ``t < 0``)."""
    t = np.asarray(t_s, dtype=np.float64)
    if np.any(np.isnan(t)):
        raise InputError("t_s must not be NaN, got nan")
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    t, cc, lam, mu = np.broadcast_arrays(t, cc, lam, mu)
    gap = cc * mu - lam
    C = erlang_c(cc, lam / mu)
    with np.errstate(over="ignore", invalid="ignore"):
        tail = C * np.exp(-np.maximum(gap, 0.0) * np.maximum(t, 0.0))
    tail = np.where(gap > 0, tail, 1.0)
    return np.where(t < 0, 1.0, tail)


def mmc_wait_quantile_s(
    q: ArrayLike, c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike
) -> FloatArray:
    """The ``q``-quantile of the M/M/c wait: ``max(0, ln(C / (1 - q)) / (c mu - lam))``."""
    qq = np.asarray(q, dtype=np.float64)
    outside = ~((qq > 0) & (qq < 1))
    if np.any(outside):
        raise InputError(f"quantile q must be in (0, 1), got {first_bad(qq, outside)}")
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    qq, cc, lam, mu = np.broadcast_arrays(qq, cc, lam, mu)
    gap = cc * mu - lam
    C = erlang_c(cc, lam / mu)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log(C / (1.0 - qq)) / gap
    out = np.where(C > 1.0 - qq, out, 0.0)
    return np.where(gap > 0, out, np.inf)
