"""M/G/c approximations: mean wait, wait tail, and the TTFT tail (wait + prefill).

Two models:

``fleet-sim`` (the reference planner, reproduced exactly)
    ``P99 wait = 0`` if ``C <= 0.01`` else ``ln(C / 0.01) / (2 (c mu - lam) / (1 + cv2))`` with
    ``C`` the Erlang C of the M/M/c system with the same mean service and ``cv2`` floored at
    0.01.

default (better founded)
    *Mean wait.*  Allen–Cunneen, ``E[Wq] ~ E[Wq](M/M/c) (1 + cs2) / 2`` (Poisson arrivals), for
    ``cs2 >= 1``; for ``cs2 < 1`` the Cosmetatos (1976) M/D/c correction interpolated linearly in
    ``cs2`` between M/D/c and M/M/c (as in Tijms, *A First Course in Stochastic Models*, 2003,
    §5.1):

    ``E[Wq](M/D/c) ~ 1/2 g E[Wq](M/M/c)``,
    ``g = min(2, 1 + (1 - rho)(c - 1)(sqrt(4 + 5c) - 2) / (16 rho c))``,
    ``E[Wq] ~ (1 - cs2) E[Wq](M/D/c) + cs2 E[Wq](M/M/c)``.

    The cap ``g <= 2`` (M/D/c never waits longer than M/M/c) is ours: the correction was fitted
    for small ``c`` and moderate load and grows without bound as ``rho -> 0``.  Both branches are
    exact Pollaczek–Khinchine for ``c = 1`` (``g = 1``) and agree at ``cs2 = 1``.
    *Wait distribution.*  An atom at 0 and an exponential tail:
    ``P(W > t) = C exp(-C t / E[Wq])`` — ``P(W > 0)`` is the Erlang C of the M/M/c system
    (insensitive to the service distribution to first order) and the decay rate makes the mean
    equal ``E[Wq]``.  For M/M/c this is exact.
    *TTFT.*  ``TTFT = W + X`` with ``X`` the (exact, discrete) prefill distribution independent of
    ``W``: ``P(TTFT > t) = sum_i p_i [x_i > t] + sum_{x_i <= t} p_i P(W > t - x_i)``.

Examples
--------
>>> from optfleet.queueing.mgc import mgc_mean_wait_s
>>> round(float(mgc_mean_wait_s(1, 0.75, 1.0, 0.0)), 6)  # M/D/1 at rho 0.75: 1.5 E[S]
1.5
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.queueing.erlang import erlang_c, mmc_mean_wait_s
from optfleet.queueing.validation import check_nonnegative, check_prefill, check_servers

FloatArray = NDArray[np.float64]

SCV_FLOOR = 0.01


def fleet_sim_p99_wait_s(
    c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike, scv: ArrayLike
) -> FloatArray:
    """The reference planner's P99 wait formula (``mu`` is the per-server service rate).

    Examples
    --------
    >>> round(float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 1.0)), 6)  # ln(17.4)/(2*4/2)
    0.714307
    """
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cv2 = np.maximum(check_nonnegative("scv", scv), SCV_FLOOR)
    cc, lam, mu, cv2 = np.broadcast_arrays(cc, lam, mu, cv2)
    gap = cc * mu - lam
    C = erlang_c(cc, lam / mu)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.log(C / 0.01) / (2.0 * gap / (1.0 + cv2))
    w = np.where(C <= 0.01, 0.0, w)
    return np.where(gap > 0, w, np.inf)


def mgc_mean_wait_s(
    c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike, scv: ArrayLike
) -> FloatArray:
    """Mean queueing delay of M/G/c (Allen–Cunneen with the Cosmetatos correction below cs2 = 1)."""
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cs2 = check_nonnegative("scv", scv)
    cc, lam, mu, cs2 = np.broadcast_arrays(cc, lam, mu, cs2)
    w_mm = mmc_mean_wait_s(cc, lam, mu)
    rho = np.minimum(lam / (cc * mu), 1.0)
    out = mgc_factor(cc, rho, cs2)[0] * w_mm
    return np.where(np.isfinite(w_mm), out, np.inf)


def mgc_factor(c: ArrayLike, rho: ArrayLike, scv: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """``(f, df/drho)`` with ``E[Wq](M/G/c) = f E[Wq](M/M/c)`` (no input checks).

    ``f = (1 + cs2) / 2`` for ``cs2 >= 1`` (Allen–Cunneen); for ``cs2 < 1``
    ``f = (1 - cs2) g / 2 + cs2`` with the Cosmetatos M/D/c factor
    ``g = min(2, 1 + (1 - rho)(c - 1)(sqrt(4 + 5c) - 2) / (16 rho c))``.  ``g = 1`` for ``c = 1``
    (exact Pollaczek–Khinchine); the cap at 2 keeps M/D/c from waiting longer than M/M/c where
    the correction (fitted for small ``c``) would extrapolate past it (low load, large ``c``).
    """
    c = np.asarray(c, dtype=np.float64)
    rho = np.asarray(rho, dtype=np.float64)
    cs2 = np.asarray(scv, dtype=np.float64)
    kk = (c - 1.0) * (np.sqrt(4.0 + 5.0 * c) - 2.0) / (16.0 * c)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = 1.0 + kk * (1.0 - rho) / rho
        draw = -kk / (rho * rho)
    capped = ~(raw < 2.0)  # also rho == 0
    g = np.where(capped, 2.0, raw)
    dg = np.where(capped, 0.0, draw)
    low = cs2 < 1.0
    f = np.where(low, 0.5 * (1.0 - cs2) * g + cs2, 0.5 * (1.0 + cs2))
    df = np.where(low, 0.5 * (1.0 - cs2) * dg, 0.0)
    return f, df


def _decay(
    c: FloatArray, lam: FloatArray, mu: FloatArray, scv: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """(C, theta): P(W > t) = C exp(-theta t)."""
    c, lam, mu, scv = np.broadcast_arrays(c, lam, mu, scv)
    gap = c * mu - lam
    stable = gap > 0
    C = erlang_c(c, np.where(stable, lam / mu, 0.0))
    f = mgc_factor(c, np.where(stable, lam / (c * mu), 0.0), scv)[0]
    theta = np.where(stable, np.maximum(gap, 0.0) / f, 0.0)
    C = np.where(stable, C, 1.0)
    return C, theta


def mgc_wait_tail(
    t_s: ArrayLike, c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike, scv: ArrayLike
) -> FloatArray:
    """``P(W > t)`` of the default M/G/c model (1 for ``t < 0``)."""
    t = np.asarray(t_s, dtype=np.float64)
    if np.any(np.isnan(t)):
        raise InputError("t_s must not be NaN, got nan")
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cs2 = check_nonnegative("scv", scv)
    t, cc, lam, mu, cs2 = np.broadcast_arrays(t, cc, lam, mu, cs2)
    C, theta = _decay(cc, lam, mu, cs2)
    with np.errstate(invalid="ignore", over="ignore"):
        tail = C * np.exp(-theta * np.maximum(t, 0.0))
    tail = np.where(theta == np.inf, 0.0, tail)
    return np.where(t < 0, 1.0, tail)


def mgc_wait_quantile_s(
    q: ArrayLike, c: ArrayLike, lam_per_s: ArrayLike, mu_per_s: ArrayLike, scv: ArrayLike
) -> FloatArray:
    """The ``q``-quantile of the default M/G/c wait."""
    qq = np.asarray(q, dtype=np.float64)
    if np.any(~((qq > 0) & (qq < 1))):
        raise InputError(f"quantile q must be in (0, 1), got {q!r}")
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cs2 = check_nonnegative("scv", scv)
    qq, cc, lam, mu, cs2 = np.broadcast_arrays(qq, cc, lam, mu, cs2)
    C, theta = _decay(cc, lam, mu, cs2)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log(C / (1.0 - qq)) / theta
    out = np.where(C > 1.0 - qq, out, 0.0)
    return np.where(theta > 0, out, np.inf)


def ttft_tail_prob(
    t_s: float,
    c: ArrayLike,
    lam_per_s: ArrayLike,
    mu_per_s: ArrayLike,
    scv: ArrayLike,
    prefill_s: ArrayLike,
    prefill_prob: ArrayLike,
) -> FloatArray:
    """``P(W + X > t)``: wait from the default M/G/c model, ``X`` the discrete prefill time.

    Vectorised over ``c``, ``lam``, ``mu``, ``scv`` (broadcast together); ``t`` is a scalar.

    Examples
    --------
    >>> float(ttft_tail_prob(0.5, 10, 1e-9, 1.0, 1.0, [0.1, 0.6], [0.99, 0.01]))  # no waiting
    0.01
    """
    x, p = check_prefill(prefill_s, prefill_prob)
    t = float(t_s)
    if t != t:  # NaN would silently give a zero tail
        raise InputError("t_s must not be NaN, got nan")
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cs2 = check_nonnegative("scv", scv)
    cc, lam, mu, cs2 = np.broadcast_arrays(cc, lam, mu, cs2)
    C, theta = _decay(cc, lam, mu, cs2)
    return _tail_from_decay(t, C, theta, x, p)


def _tail_from_decay(
    t: float, C: FloatArray, theta: FloatArray, x: FloatArray, p: FloatArray
) -> FloatArray:
    above = float(p[x > t].sum())
    below = x <= t
    if not np.any(below):
        return np.full(np.shape(C), above)
    gaps = t - x[below]  # >= 0
    pb = p[below]
    th = np.asarray(theta)[..., None]
    with np.errstate(invalid="ignore", over="ignore"):
        terms = np.exp(-th * gaps)
    terms = np.where(np.isinf(th), 0.0, terms)
    terms = np.where(gaps == 0, 1.0, terms)  # P(W > 0) = C
    s = np.einsum("...j,j->...", terms, pb)
    return above + np.asarray(C) * s


def ttft_quantile_s(
    q: float,
    c: float,
    lam_per_s: float,
    mu_per_s: float,
    scv: float,
    prefill_s: ArrayLike,
    prefill_prob: ArrayLike,
) -> float:
    """The ``q``-quantile of TTFT = wait + prefill (scalar; bisection to 1e-12 relative).

    Examples
    --------
    >>> round(ttft_quantile_s(0.99, 10, 1e-9, 1.0, 1.0, [0.1, 0.6], [0.995, 0.005]), 9)
    0.1
    """
    if not 0 < q < 1:
        raise InputError(f"quantile q must be in (0, 1), got {q!r}")
    x, p = check_prefill(prefill_s, prefill_prob)
    cc = check_servers(c)
    lam = check_nonnegative("lam_per_s", lam_per_s)
    mu = check_nonnegative("mu_per_s", mu_per_s, positive=True)
    cs2 = check_nonnegative("scv", scv)
    C, theta = _decay(cc, lam, mu, cs2)
    if not np.isfinite(mgc_mean_wait_s(cc, lam, mu, cs2)):
        return float("inf")
    target = 1.0 - q
    w_q = float(mgc_wait_quantile_s(q, cc, lam, mu, cs2))
    hi = float(x.max()) + w_q
    lo = 0.0
    if float(_tail_from_decay(lo, C, theta, x, p)) <= target:
        return 0.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if float(_tail_from_decay(mid, C, theta, x, p)) <= target:
            hi = mid
        else:
            lo = mid
        if hi - lo <= 1e-12 * max(hi, 1e-12):
            break
    return hi
