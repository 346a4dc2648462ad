"""Tails of a continuous-batching pool: TTFT through a prefill stage, TPOT over iterations.

Pure maths (numpy/scipy); the replica's state comes from :mod:`optfleet.physics.batching`.

TTFT.  Each replica's prefill stage is an FCFS single server (prompts are chunked in admission
order) fed at ``lam`` per replica with service ``X`` (the prefill time once admitted).  With the
M/G/1 wait model of :mod:`optfleet.queueing.mgc` (atom at 0, exponential tail of rate
``theta``) and a *routing factor* ``a`` on the probability of waiting,

``P(TTFT > t) = P(X + r > t) + a rho E[exp(-theta (t - X - r)); X + r <= t]``

with ``r`` the residual of the iteration in progress.  ``a = 1`` is random routing (each replica
an independent M/G/1); join-the-shortest-queue routing over ``k`` replicas sees a replica busy
with a prefill less often, :func:`jsq_factor`.

TPOT.  A sequence's TPOT is the mean of the ``n = l_out - 1`` iterations it decodes in; a
fraction ``f`` of iterations carry prompt tokens (time ``T_pre``), the rest are decode-only
(``T_dec``), and prefill iterations come in runs of mean length ``B``.  The number of prefill
iterations a sequence meets is modelled as ``B x Binomial(round(n / B), f)``:

``P(TPOT > t) = sum_i p_i P(Binomial(m_i, f) > (t - T_dec) m_i / (T_pre - T_dec))``.

Examples
--------
>>> round(float(jsq_factor(1)), 3), round(float(jsq_factor(32)), 3)
(1.0, 0.36)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.queueing.binomial import binom_sf
from optfleet.queueing.mgc import mgc_factor

FloatArray = NDArray[np.float64]

#: The routing factor of join-the-shortest-queue at two replicas and its decay exponent in
#: ``k``: ``a(k) = JSQ_A2 (k / 2) ** -JSQ_EXPONENT`` for ``k >= 2``, 1 for one replica.
#: Measured with optfleet's engine-level simulator (azure and lmsys mixes on A100 and H100,
#: ``k = 2..32``; docs/queueing.md, "The engine-level replica"); the planner corrects each pool
#: option by a small-pool simulation, so this law only carries that correction across ``k``.
JSQ_A2 = 0.72
JSQ_EXPONENT = 0.25


def jsq_factor(replicas: ArrayLike) -> FloatArray:
    """The routing factor ``a(k)`` of :data:`JSQ_A2` and :data:`JSQ_EXPONENT` (1 at ``k = 1``).

    Non-increasing in ``k``: more replicas never route worse.

    Examples
    --------
    >>> [round(float(x), 3) for x in jsq_factor([1, 2, 4])]
    [1.0, 0.72, 0.605]
    """
    k = np.asarray(replicas, dtype=np.float64)
    if np.any(~np.isfinite(k)) or np.any(k < 1):
        raise InputError("replicas must be finite and >= 1")
    return np.where(k < 2, 1.0, np.minimum(1.0, JSQ_A2 * (k / 2.0) ** -JSQ_EXPONENT))


def prefill_stage_tail(
    t_s: float,
    factor: ArrayLike,
    lam_per_s: ArrayLike,
    prefill_s: NDArray[np.float64],
    prob: NDArray[np.float64],
    residual_s: ArrayLike,
    work_s: NDArray[np.float64] | None = None,
) -> FloatArray:
    """``P(TTFT > t)`` of the prefill stage (see the module docstring), one value per row.

    ``work_s`` (same shape as ``prefill_s``; default ``prefill_s``) is the stage's busy time per
    prompt, which sets its utilisation and wait; it is below ``prefill_s`` when prompts share
    chunk iterations, while each prompt's own sojourn stays ``prefill_s``.

    ``prefill_s`` is ``(rows, classes)`` (or ``(classes,)``), ``prob`` the class
    probabilities; ``factor``, ``lam_per_s`` and ``residual_s`` broadcast over rows.  A row
    whose stage is unstable (``lam E[X] >= 1``) has tail 1.

    Examples
    --------
    >>> import numpy as np
    >>> prefill_stage_tail(1.0, 1.0, 1e-9, np.array([0.5, 2.0]), np.array([0.9, 0.1]),
    ...                    0.0).round(6).tolist()
    [0.1]
    """
    x = np.atleast_2d(np.asarray(prefill_s, dtype=np.float64))
    p = np.asarray(prob, dtype=np.float64)
    lam = np.broadcast_to(np.asarray(lam_per_s, dtype=np.float64), (x.shape[0],))
    a = np.broadcast_to(np.asarray(factor, dtype=np.float64), (x.shape[0],))
    r = np.broadcast_to(np.asarray(residual_s, dtype=np.float64), (x.shape[0],))
    w = x if work_s is None else np.atleast_2d(np.asarray(work_s, dtype=np.float64))
    mean = w @ p
    var = np.maximum((w * w) @ p - mean * mean, 0.0)
    scv = var / np.maximum(mean * mean, 1e-300)
    rho = lam * mean
    stable = rho < 1.0
    f = mgc_factor(np.ones_like(rho), np.where(stable, rho, 0.0), scv)[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        theta = np.where(stable, (1.0 / mean - lam) / f, 0.0)
    ttft = x + r[:, None]
    above = (ttft > t_s) @ p
    gap = np.maximum(t_s - ttft, 0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        terms = np.where(ttft <= t_s, np.exp(-theta[:, None] * gap), 0.0)
    tail = above + np.minimum(a * rho, 1.0) * (terms @ p)
    return np.where(stable, np.minimum(tail, 1.0), 1.0)


def tpot_tail(
    t_s: float,
    decode_iteration_s: ArrayLike,
    prefill_iteration_s: ArrayLike,
    prefill_fraction: ArrayLike,
    burst_iterations: ArrayLike,
    decode_steps: NDArray[np.float64],
    prob: NDArray[np.float64],
) -> FloatArray:
    """``P(TPOT > t)`` over sequences with at least one decode step (module docstring).

    The first four arguments broadcast over rows (states); ``decode_steps`` (``l_out - 1``) and
    ``prob`` are per class.

    Examples
    --------
    >>> import numpy as np
    >>> float(tpot_tail(0.015, 0.01, 0.05, 0.0, 1.0, np.array([10.0]), np.array([1.0]))[0])
    0.0
    """
    td = np.atleast_1d(np.asarray(decode_iteration_s, dtype=np.float64))
    tp, f, b = np.broadcast_arrays(
        td, np.asarray(prefill_iteration_s, dtype=np.float64),
        np.asarray(prefill_fraction, dtype=np.float64),
        np.asarray(burst_iterations, dtype=np.float64),
    )[1:]
    n = np.asarray(decode_steps, dtype=np.float64)
    p = np.asarray(prob, dtype=np.float64)
    sel = n >= 1
    if not np.any(sel):
        return np.zeros(td.shape)
    n, p = n[sel], p[sel] / p[sel].sum()
    m = np.maximum(np.round(n[None, :] / np.maximum(b[:, None], 1.0)), 1.0)
    spread = np.maximum(tp - td, 1e-300)[:, None]
    x = np.floor((t_s - td[:, None]) * m / spread)
    with np.errstate(invalid="ignore"):
        sf = binom_sf(x, m, np.clip(f, 0.0, 1.0)[:, None])
    sf = np.where(x < 0, 1.0, sf)
    return np.nan_to_num(sf, nan=1.0) @ p
