"""Disaggregated serving: the analytic model of separate prefill and decode pools.

Shared by the planner (disaggregated layouts in the integer program) and ``optfleet disagg``
(:mod:`optfleet.analysis.disagg`).  With ``n_p`` prefill and ``n_d`` decode replicas and Poisson
arrivals at ``lam``:

Prefill pool — M/G/c with ``c = n_p``
    A prefill replica runs ONE prompt at a time, chunk by chunk (``ceil(l_in / chunk)`` chunk
    iterations, :meth:`ReplicaProfile.prefill_s`); it does not batch several prompts into a
    chunk (conservative).  Service ``S = prefill_s(l_in)``, exact mean and SCV over the mix.
``TTFT = W + prefill(l_in) + KV transfer(l_in)``
    The transfer moves ``l_in x kv_bytes_per_token`` bytes from the prefill to the decode replica
    over the pair's link (:func:`pd_link`).  The TTFT tail is that of the default preset's M/G/c
    wait plus the discrete per-class (prefill + transfer) distribution, so a prefill pool's
    capacity table is an ordinary ``ttft-tail`` :class:`~optfleet.queueing.Criterion` with one
    server per replica (:func:`prefill_criterion`).
Decode pool — batch from Little's law
    A request holds a decode slot for ``l_out - 1`` iterations (at least one).  Per replica the
    mean batch ``b`` solves ``b = r t(b)``, ``r = lam E[l_out - 1] / n_d``, ``t(b)`` the decode-only
    iteration at the mean decode context.  The number of requests a replica holds is Poisson
    with mean ``b`` (M/G/infinity), so the P99 batch is its Poisson quantile ``b_q`` and
    ``TPOT_p99 = t(b_q)``.  The pool meets its SLO when ``b_q <= slots`` and ``t(b_q) <= TPOT
    SLO``.  Both conditions bound ``b`` by one number ``b*``, so a decode replica serves at most
    ``b* / (t(b*) E[l_out - 1])`` requests per second and the capacity table is linear in ``n_d``
    (:func:`decode_rate_per_replica`).

Examples
--------
>>> from optfleet.planning import PoolContext
>>> ctx = PoolContext.from_names(gpus=("H100-SXM",))
>>> side = pd_side(ctx, "H100-SXM", ctx.demands(None)[0].mix)
>>> side.slots > 1 and side.prefill_mean_s > 0
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError

__all__ = [
    "DEFAULT_TPOT_SLO_S",
    "NETWORK_BANDWIDTH_BYTES_PER_S",
    "PDSide",
    "decode_check",
    "decode_rate_per_replica",
    "pd_link",
    "pd_side",
    "prefill_check",
    "prefill_criterion",
    "tpot_slo_s",
    "ttft_classes",
]

#: TPOT SLO used when the scenario gives none (seconds).
DEFAULT_TPOT_SLO_S = 0.1
#: Default network link per GPU between nodes: 400 Gb/s InfiniBand.
NETWORK_BANDWIDTH_BYTES_PER_S = 50e9

LinkKind = Literal["auto", "scale-up", "network"]


@dataclass(frozen=True)
class PDSide:
    """Everything the model needs about one GPU type for one request mix."""

    gpu: str
    profile: Any
    # prefill
    prefill_mean_s: float
    prefill_scv: float
    # decode
    slots: int
    mean_decode_iters: float
    mean_ctx_tokens: float


def pd_side(ctx: Any, gpu: str, mix: Any) -> PDSide:
    """The prefill and decode statistics of ``gpu``'s replica profile for ``mix``."""
    prof = ctx.profile(gpu)
    p = mix.prob
    l_in = mix.prompt_tokens.astype(np.float64)
    l_out = mix.output_tokens.astype(np.float64)
    pre = prof.prefill_s(l_in)
    mean = float(np.einsum("i,i->", p, pre))
    var = max(float(np.einsum("i,i->", p, (pre - mean) ** 2)), 0.0)
    scv = max(var / mean**2, 0.01) if mean > 0 else 0.01
    iters = np.maximum(l_out - 1.0, 1.0)
    # time-average context of a decoding sequence, weighted by its decode iterations
    ctx_sum = iters * l_in + iters * (iters + 1.0) / 2.0
    mean_iters = float(np.einsum("i,i->", p, iters))
    mean_ctx = float(np.einsum("i,i->", p, ctx_sum)) / mean_iters
    max_ctx = int(ctx.long_ctx_tokens)
    if prof.kv_policy == "paged":
        slots = prof.slots(max_ctx, mean_ctx, policy="paged")
    else:
        slots = prof.slots(max_ctx, policy="reserve")
    return PDSide(gpu, prof, mean, float(scv), int(slots), mean_iters, mean_ctx)


def pd_link(
    prefill: PDSide,
    decode: PDSide,
    link: LinkKind = "auto",
    network_bw: float = NETWORK_BANDWIDTH_BYTES_PER_S,
) -> tuple[str, float]:
    """``(name, bytes/s)`` of the KV-transfer link between a prefill and a decode replica.

    ``auto``: the same GPU type is assumed co-located in one node and uses the GPU's scale-up
    link (catalog figure; NVLink figures are aggregate bidirectional, so one direction is half);
    different types sit in different nodes and use ``network_bw`` per GPU.  A tensor-parallel
    replica moves its KV shards over ``min(tp_p, tp_d)`` links in parallel.
    """
    from optfleet.scenario.catalog import get_gpu

    kind = link
    if kind == "auto":
        kind = "scale-up" if prefill.gpu == decode.gpu else "network"
    lanes = min(prefill.profile.gpus_per_replica, decode.profile.gpus_per_replica)
    if kind == "scale-up":
        g = get_gpu(prefill.gpu)
        bw = float(g.interconnect_bandwidth_bytes_per_s)
        if "nvlink" in g.interconnect.lower() or "infinity" in g.interconnect.lower():
            bw /= 2.0  # aggregate bidirectional figure -> one direction
        return f"scale-up ({g.interconnect})", bw * lanes
    if kind == "network":
        return "network", network_bw * lanes
    raise InputError(f"unknown link {link!r}; known: auto, scale-up, network")


def kv_transfer_s(ctx: Any, prefill: PDSide, prompt_tokens: Any, bw: float) -> np.ndarray:
    """Seconds to move the KV cache of ``prompt_tokens`` over a link of ``bw`` bytes/s."""
    from optfleet.physics import kv_bytes_per_token

    kv = kv_bytes_per_token(ctx.model, ctx.serving_for(prefill.gpu).kv_dtype)
    return np.asarray(prompt_tokens, dtype=np.float64) * kv / bw


def ttft_classes(
    ctx: Any, mix: Any, prefill: PDSide, bw: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """The (prefill + transfer) distribution as unique values and probabilities, and the mean
    transfer time."""
    l_in = mix.prompt_tokens.astype(np.float64)
    transfer = kv_transfer_s(ctx, prefill, l_in, bw)
    x = prefill.profile.prefill_s(l_in) + transfer
    values, inverse = np.unique(x, return_inverse=True)
    probs = np.bincount(inverse.reshape(-1), weights=mix.prob, minlength=values.size)
    return values, probs / probs.sum(), float(np.einsum("i,i->", mix.prob, transfer))


def prefill_check(
    side: PDSide, n: int, lam: float, q: float, values: np.ndarray, probs: np.ndarray
) -> tuple[float, float]:
    """(utilisation, TTFT q-quantile) of ``n`` prefill replicas."""
    from optfleet.queueing import ttft_quantile_s

    mu = 1.0 / side.prefill_mean_s
    rho = lam / (n * mu)
    if rho >= 1.0:
        return rho, math.inf
    return rho, float(ttft_quantile_s(q, n, lam, mu, side.prefill_scv, values, probs))


def prefill_criterion(
    side: PDSide, values: np.ndarray, probs: np.ndarray, slo: Any, util_cap: float
) -> Any:
    """The prefill pool's :class:`~optfleet.queueing.Criterion` (one server per replica)."""
    from optfleet.queueing import Criterion

    return Criterion(
        servers_per_replica=1,
        mean_service_s=side.prefill_mean_s,
        scv=side.prefill_scv,
        slo_s=float(slo.ttft_p99_s),
        method="ttft-tail",
        util_cap=float(util_cap),
        q=float(slo.quantile),
        prefill_s=values,
        prefill_prob=probs,
    )


def _t(side: PDSide, b: float) -> float:
    return float(side.profile.iteration.time_s(0.0, b, b * side.mean_ctx_tokens))


def decode_check(side: PDSide, n: int, lam: float, q: float) -> tuple[float, int, float, float]:
    """(mean batch, q-quantile batch, mean TPOT, q TPOT) of ``n`` decode replicas."""
    r = lam * side.mean_decode_iters / n  # per-replica decode demand: b = r t(b)
    hi = float(side.slots)
    if r * _t(side, hi) > hi:
        return math.inf, side.slots + 1, math.inf, math.inf
    lo = 0.0
    for _ in range(100):  # f(b) = b - r t(b) is increasing on the feasible branch
        mid = 0.5 * (lo + hi)
        if mid - r * _t(side, mid) >= 0:
            hi = mid
        else:
            lo = mid
    b = hi
    from scipy import stats as _st  # imported where used: scipy.stats takes ~0.4 s to import

    bq = int(_st.poisson.ppf(q, b)) if b > 0 else 0
    bq = max(bq, 1)
    return b, bq, _t(side, max(b, 1.0)), _t(side, float(min(bq, side.slots)))


def decode_rate_per_replica(side: PDSide, q: float, tpot_slo: float) -> float:
    """The largest arrival rate (requests/s) one decode replica serves within the decode SLO.

    ``b*`` is the largest integer batch with ``b* <= slots`` and ``t(b*) <= tpot_slo``; the mean
    batch may grow while its Poisson ``q``-quantile stays ``<= b*`` (bisection), and the rate is
    ``b / (t(b) E[l_out - 1])``.  Zero if even one sequence misses the TPOT SLO.

    Examples
    --------
    >>> from optfleet.planning import PoolContext
    >>> ctx = PoolContext.from_names(gpus=("H100-SXM",))
    >>> side = pd_side(ctx, "H100-SXM", ctx.demands(None)[0].mix)
    >>> r = decode_rate_per_replica(side, 0.99, 0.1)
    >>> b, bq, _, tq = decode_check(side, 1, r, 0.99)
    >>> bq <= side.slots and tq <= 0.1
    True
    """
    if _t(side, 1.0) > tpot_slo:
        return 0.0
    lo_b, hi_b = 1, int(side.slots)
    while lo_b < hi_b:  # largest integer batch within the TPOT SLO
        mid = (lo_b + hi_b + 1) // 2
        if _t(side, float(mid)) <= tpot_slo:
            lo_b = mid
        else:
            hi_b = mid - 1
    b_star = lo_b
    from scipy import stats as _st

    lo, hi = 0.0, float(b_star)
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if max(int(_st.poisson.ppf(q, mid)), 1) <= b_star:
            lo = mid
        else:
            hi = mid
    b = lo
    if b <= 0:
        return 0.0
    return b / (_t(side, b) * side.mean_decode_iters) * (1.0 - 1e-9)


def tpot_slo_s(scenario: Any) -> float:
    """The scenario's TPOT SLO, or :data:`DEFAULT_TPOT_SLO_S`."""
    t = scenario.slo.tpot_p99_s
    return DEFAULT_TPOT_SLO_S if t is None else float(t)
