"""Slot-level service models: per-request hold (service) time and prefill time.

The slot level is the M/G/c model behind the analytics, so it takes its per-request service times
from the same formulas as :mod:`optfleet.physics.service`:

``fleet-sim`` (the reference planner)
    ``ns = profile.slots(max_ctx, policy="reserve")``, ``S = (ceil(l_in / chunk) + l_out) x
    iter(ns, l_in + l_out)`` with ``iter(n, L) = iteration.time_s(0, n, n L)``, prefill ``=
    ceil(l_in / chunk) x iteration.time_s(chunk, 0, 0)`` (``W + H`` for calibrated profiles).

``default`` (full batch, KV-policy aware)
    ``ns`` and the pool's mean decode context ``Cbar`` from
    :func:`optfleet.physics.service.service_stats` on the pool's request mix, then per request
    ``prefill = (c - 1) t(chunk, ns-1, (ns-1) Cbar) + t(last, ns-1, (ns-1) Cbar)`` and ``S =
    prefill + l_out t(0, ns, ns Cbar)``.

Examples
--------
>>> import numpy as np
>>> from optfleet.physics import calibrated_profile
>>> f = fleet_sim_service(calibrated_profile("H100"), 8192)
>>> hold, pre = f(np.array([1000]), np.array([200]))
>>> round(float(hold[0]), 6), round(float(pre[0]), 6)
(2.01, 0.00432)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.physics.profiles import ReplicaProfile
from optfleet.physics.service import service_stats

__all__ = ["default_service", "fleet_sim_service", "service_arrays"]

Fn = Callable[
    [NDArray[np.int64], NDArray[np.int64]], tuple[NDArray[np.float64], NDArray[np.float64]]
]


def fleet_sim_service(profile: ReplicaProfile, max_ctx_tokens: int) -> Fn:
    """The reference planner's per-request ``(hold_s, prefill_s)`` for a pool at ``max_ctx``.

    Examples
    --------
    >>> import numpy as np
    >>> from optfleet.physics import calibrated_profile
    >>> f = fleet_sim_service(calibrated_profile("H100"), 65536)
    >>> [round(float(x), 5) for x in f(np.array([3276]), np.array([820]))[0]]
    [5.40544]
    """
    ns = profile.slots(int(max_ctx_tokens), policy="reserve")
    it = profile.iteration
    chunk = float(profile.chunk_tokens)
    chunk_s = float(it.time_s(chunk, 0.0, 0.0))

    def f(prompt: NDArray[np.int64], output: NDArray[np.int64]):
        l_in = np.asarray(prompt, dtype=np.float64)
        l_out = np.asarray(output, dtype=np.float64)
        nch = np.ceil(l_in / chunk)
        per_iter = it.time_s(0.0, ns, ns * (l_in + l_out))
        return (nch + l_out) * per_iter, nch * chunk_s

    f.slots = ns  # type: ignore[attr-defined]
    return f


def default_service(
    profile: ReplicaProfile, max_ctx_tokens: int, prompt_tokens: ArrayLike, output_tokens: ArrayLike
) -> Fn:
    """optfleet's default (full-batch) service model for a pool whose requests look like the
    given ones (their empirical mix sets ``ns`` and the mean context).

    Examples
    --------
    >>> import numpy as np
    >>> from optfleet.physics import calibrated_profile
    >>> f = default_service(calibrated_profile("H100"), 8192, [1000, 2000], [100, 300])
    >>> f.slots, bool(f(np.array([1000]), np.array([100]))[0][0] > 0)
    (128, True)
    """
    p = np.asarray(prompt_tokens, dtype=np.int64)
    o = np.asarray(output_tokens, dtype=np.int64)
    if p.size == 0:
        p, o = np.array([max(1, int(max_ctx_tokens) // 2)]), np.array([1])
    keep = (p + o) <= int(max_ctx_tokens)
    if not keep.any():
        raise InputError(f"no request fits max_ctx {max_ctx_tokens}")
    base = np.int64(int(max_ctx_tokens) + 1)
    keys, counts = np.unique(p[keep] * base + o[keep], return_counts=True)
    st = service_stats(profile, keys // base, keys % base, counts / counts.sum(),
                       int(max_ctx_tokens), mode="default")
    ns = st.servers_per_replica
    it = profile.iteration
    chunk = float(profile.chunk_tokens)
    others = ns - 1
    cbar = st.mean_context_tokens
    t_full = float(it.time_s(chunk, others, others * cbar))
    tpot = float(it.time_s(0.0, ns, ns * cbar))
    # work conservation, as in optfleet.physics.service: prefill is a shared replica resource
    t_dec_others = float(it.time_s(0.0, others, others * cbar))
    marginal = max((t_full - t_dec_others) / chunk, 0.0)

    def f(prompt: NDArray[np.int64], output: NDArray[np.int64]):
        l_in = np.asarray(prompt, dtype=np.float64)
        l_out = np.asarray(output, dtype=np.float64)
        nch = np.ceil(l_in / chunk)
        last = l_in - (nch - 1.0) * chunk
        pre = (nch - 1.0) * t_full + it.time_s(last, others, others * cbar)
        hold = np.maximum(pre + l_out * tpot, l_out * tpot + ns * l_in * marginal)
        return hold, pre

    f.slots = ns  # type: ignore[attr-defined]
    return f


def service_arrays(fn: Callable, prompt: NDArray[np.int64], output: NDArray[np.int64]
                   ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Call a service model and validate its arrays (finite, ``0 <= prefill <= hold``)."""
    hold, pre = fn(prompt, output)
    hold = np.broadcast_to(np.asarray(hold, dtype=np.float64), prompt.shape)
    pre = np.broadcast_to(np.asarray(pre, dtype=np.float64), prompt.shape)
    if not (np.isfinite(hold).all() and np.isfinite(pre).all()):
        raise InputError("the service model returned NaN or inf")
    if (hold < 0).any() or (pre < 0).any() or (pre > hold * (1 + 1e-12) + 1e-15).any():
        raise InputError("the service model must return 0 <= prefill_s <= hold_s")
    return hold, pre
