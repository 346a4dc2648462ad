"""The exact service-time distribution of a pool of replicas for a discrete request mix.

No sampling: every request class ``i`` (prompt ``l_in``, output ``l_out``, probability ``p``)
gets a deterministic service time ``S_i``; the pool's service time is the mixture.  Two modes:

``"fleet-sim"`` (the reference planner, reproduced exactly)
    ``ns = profile.slots(max_ctx, policy="reserve")``;
    ``S_i = (ceil(l_in / chunk) + l_out) x iter(ns, l_in + l_out)`` with
    ``iter(n, L) = iteration.time_s(0, n, n L)``; prefill ``= ceil(l_in / chunk) x
    iteration.time_s(chunk, 0, 0)`` (``W + H`` for calibrated profiles); TPOT ``= iter(ns, E[L])``.

``"default"`` (full-batch, KV-policy aware)
    ``ns`` from the profile's policy: paged ``min(max_num_seqs, floor(kv_capacity / E[held]))``
    where ``E[held]`` is the tokens a request holds averaged over its life (each iteration of its
    life weighted equally, averaged over the mix weighted by life length: ``sum p_i H_i / sum p_i
    n_i``, ``n_i = ceil(l_in/chunk) + l_out`` iterations, ``H_i = chunk c(c-1)/2 + l_in + l_out
    l_in + l_out (l_out + 1) / 2`` token-iterations); reserve: by ``max_ctx``.  Every iteration
    is assumed full: a prefill chunk shares its iteration with ``ns - 1`` decodes, a decode
    iteration has ``ns`` sequences, all decodes at the pool's mean context ``Cbar`` (the
    time-average context of a decoding sequence, ``sum p (l_out l_in + l_out (l_out+1)/2) / sum p
    l_out``).  ``prefill_i = (c - 1) x t(chunk, ns-1, (ns-1) Cbar) + t(last, ns-1, (ns-1) Cbar)``
    (the time to the first output token once admitted), TPOT ``= t(0, ns, ns Cbar)``, and the
    slot-holding time ``S_i = max(prefill_i + l_out tpot, l_out tpot + ns l_in m)`` where ``m =
    (t(chunk, ns-1, .) - t(0, ns-1, .)) / chunk`` is the marginal replica time of one prompt token
    in a full iteration: prefill is shared by all ``ns`` sequences of a replica (at most
    ``chunk`` prompt tokens per iteration), so ``ns / E[S]`` equals the replica's saturation
    throughput ``1 / (E[l_out] tpot / ns + E[l_in] m)`` — the slot model can not claim more
    prefill capacity than the engine has.

In both modes ``scv = Var[S] / E[S]^2`` floored at :data:`SCV_FLOOR`.

Examples
--------
>>> from optfleet.physics.calibrated import calibrated_profile
>>> s = service_stats(calibrated_profile("H100"), [1000], [200], [1.0], 8192, mode="fleet-sim")
>>> s.servers_per_replica, round(s.mean_service_s, 6), s.scv
(128, 2.01, 0.01)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.physics.profiles import ReplicaProfile

__all__ = ["SCV_FLOOR", "ServiceMode", "ServiceStats", "pool_service_stats", "service_stats"]

#: Floor on the squared coefficient of variation of service (the reference's value).
SCV_FLOOR = 0.01

ServiceMode = Literal["fleet-sim", "default"]


@dataclass(frozen=True)
class ServiceStats:
    """Service-time summary of one pool on one replica profile (seconds, tokens, USD/hour).

    ``prefill_values_s`` / ``prefill_probs`` are the exact distribution of the prefill (TTFT
    service) component: unique values, probabilities summed.
    """

    mode: str
    servers_per_replica: int
    mean_service_s: float
    scv: float
    prefill_values_s: NDArray[np.float64]
    prefill_probs: NDArray[np.float64]
    mean_prefill_s: float
    tpot_s: float
    mean_prompt_tokens: float
    mean_output_tokens: float
    mean_context_tokens: float
    mean_tokens_held: float
    max_ctx_tokens: int
    price_usd_per_hour: float
    gpus_per_replica: int
    profile: str

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["prefill_values_s"] = self.prefill_values_s.tolist()
        d["prefill_probs"] = self.prefill_probs.tolist()
        return d


def _as_1d(name: str, x: ArrayLike) -> NDArray[np.float64]:
    a = np.asarray(x, dtype=np.float64)
    if a.ndim == 0:
        a = a.reshape(1)
    if a.ndim != 1:
        raise InputError(f"{name} must be one-dimensional, got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise InputError(f"{name} must be finite (found NaN or inf)")
    return a


def _check_mix(
    prompt_tokens: ArrayLike, output_tokens: ArrayLike, prob: ArrayLike, max_ctx_tokens: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    l_in = _as_1d("prompt_tokens", prompt_tokens)
    l_out = _as_1d("output_tokens", output_tokens)
    p = _as_1d("prob", prob)
    if not (l_in.shape == l_out.shape == p.shape) or l_in.size == 0:
        raise InputError(
            f"prompt_tokens, output_tokens and prob must be non-empty and of equal length, got "
            f"{l_in.size}, {l_out.size}, {p.size}"
        )
    for name, a in (("prompt_tokens", l_in), ("output_tokens", l_out)):
        if np.any(a < 1) or np.any(a != np.round(a)):
            raise InputError(f"{name} must be positive integers (smallest {a.min():g})")
    if np.any(p < 0):
        raise InputError(f"prob must be non-negative (smallest {p.min():g})")
    total = p.sum()
    if not total > 0:
        raise InputError("prob must have a positive sum")
    keep = p > 0
    l_in, l_out, p = l_in[keep], l_out[keep], p[keep] / total
    too_long = (l_in + l_out) > max_ctx_tokens
    if np.any(too_long):
        raise InputError(
            f"{int(too_long.sum())} request classes (probability {p[too_long].sum():.4g}) have "
            f"prompt+output up to {int((l_in + l_out).max())} > max_ctx {max_ctx_tokens}; "
            "restrict the mix to the pool first"
        )
    return l_in, l_out, p


def service_stats(
    profile: ReplicaProfile,
    prompt_tokens: ArrayLike,
    output_tokens: ArrayLike,
    prob: ArrayLike,
    max_ctx_tokens: int,
    mode: ServiceMode = "default",
) -> ServiceStats:
    """Exact service-time statistics of a pool of ``profile`` replicas serving a request mix.

    Parameters
    ----------
    profile
        The replica profile.
    prompt_tokens, output_tokens, prob
        The discrete mix (equal-length arrays; ``prob`` is normalised to sum 1, zero-probability
        classes are ignored).
    max_ctx_tokens
        The pool's maximum context (prompt + output); it sets the reserve policy's slots.
    mode
        ``"default"`` or ``"fleet-sim"`` (see the module docstring).

    Raises
    ------
    InputError
        Malformed mix, or a request class longer than ``max_ctx_tokens`` (restrict the mix first).
    ModelDoesNotFitError
        ``max_ctx_tokens`` leaves no slot on the replica.

    Examples
    --------
    >>> from optfleet.physics.calibrated import calibrated_profile
    >>> s = service_stats(calibrated_profile("A10G"), [100, 3000], [50, 500], [0.5, 0.5], 4096)
    >>> s.servers_per_replica, s.prefill_values_s.size
    (128, 2)
    """
    if (
        isinstance(max_ctx_tokens, bool)
        or not isinstance(max_ctx_tokens, int | np.integer)
        or max_ctx_tokens < 1
    ):
        raise InputError(f"max_ctx_tokens must be a positive integer, got {max_ctx_tokens!r}")
    max_ctx = int(max_ctx_tokens)
    if mode not in ("fleet-sim", "default"):
        raise InputError(f"unknown service mode {mode!r}; known modes: fleet-sim, default")
    l_in, l_out, p = _check_mix(prompt_tokens, output_tokens, prob, max_ctx)
    it = profile.iteration
    chunk = float(profile.chunk_tokens)
    n_chunks = np.ceil(l_in / chunk)
    total_len = l_in + l_out

    if mode == "fleet-sim":
        ns = profile.slots(max_ctx, policy="reserve")
        per_iter = it.time_s(0.0, ns, ns * total_len)
        service = (n_chunks + l_out) * per_iter
        prefill = n_chunks * it.time_s(chunk, 0.0, 0.0)
        mean_ctx = _e(p, total_len)
        tpot = float(it.time_s(0.0, ns, ns * mean_ctx))
        held = mean_ctx
    else:
        held_sum = (
            chunk * n_chunks * (n_chunks - 1.0) / 2.0
            + l_in
            + l_out * l_in
            + l_out * (l_out + 1.0) / 2.0
        )
        held = _e(p, held_sum) / _e(p, (n_chunks + l_out))
        mean_ctx = _e(p, l_out * l_in + l_out * (l_out + 1.0) / 2.0) / _e(p, l_out)
        if profile.kv_policy == "paged":
            ns = profile.slots(max_ctx, held, policy="paged")
        else:
            ns = profile.slots(max_ctx, policy="reserve")
        others = ns - 1
        t_full = float(it.time_s(chunk, others, others * mean_ctx))
        last = l_in - (n_chunks - 1.0) * chunk
        t_last = it.time_s(last, others, others * mean_ctx)
        prefill = (n_chunks - 1.0) * t_full + t_last
        tpot = float(it.time_s(0.0, ns, ns * mean_ctx))
        # Work conservation: a replica processes at most ``chunk`` prefill tokens per iteration
        # for ALL its sequences, so prefill is a shared resource.  Each prompt token costs the
        # replica the marginal time of a prefill token in a full iteration; over ``ns`` slots a
        # request's slot-holding time is ``ns`` x its share of the replica's time.
        t_dec_others = float(it.time_s(0.0, others, others * mean_ctx))
        marginal = max((t_full - t_dec_others) / chunk, 0.0)
        service = np.maximum(prefill + l_out * tpot, l_out * tpot + ns * l_in * marginal)

    mean = _e(p, service)
    var = max(_e(p, (service - mean) ** 2), 0.0)
    scv = max(var / mean**2, SCV_FLOOR) if mean > 0 else SCV_FLOOR
    values, probs = _merge_by_prompt(l_in, prefill, p)
    return ServiceStats(
        mode=mode,
        servers_per_replica=int(ns),
        mean_service_s=mean,
        scv=float(scv),
        prefill_values_s=values,
        prefill_probs=probs,
        mean_prefill_s=_e(p, prefill),
        tpot_s=tpot,
        mean_prompt_tokens=_e(p, l_in),
        mean_output_tokens=_e(p, l_out),
        mean_context_tokens=float(mean_ctx),
        mean_tokens_held=float(held),
        max_ctx_tokens=max_ctx,
        price_usd_per_hour=float(profile.price_usd_per_hour),
        gpus_per_replica=int(profile.gpus_per_replica),
        profile=profile.name,
    )


def _e(p: NDArray[np.float64], x: ArrayLike) -> float:
    """``sum p x`` (einsum: this machine's BLAS dot is slow for these sizes)."""
    return float(np.einsum("i,i->", p, np.broadcast_to(np.asarray(x, dtype=np.float64), p.shape)))


def _merge_by_prompt(
    l_in: NDArray[np.float64], prefill: NDArray[np.float64], p: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The prefill distribution as unique values and summed probabilities, in O(n).

    A class's prefill time depends on its prompt length only and does not fall as the prompt
    grows, so the classes are grouped by prompt length with ``bincount`` (no sort), and equal
    neighbouring values are merged.
    """
    lin = l_in.astype(np.int64)
    mass = np.bincount(lin, weights=p)
    first = np.zeros(mass.size, dtype=np.float64)
    first[lin] = prefill  # same value for every class sharing a prompt length
    keep = np.flatnonzero(mass > 0)
    vals, probs = first[keep], mass[keep]
    if vals.size > 1 and np.any(np.diff(vals) < 0):  # defensive: fall back to a sort
        order = np.argsort(vals, kind="stable")
        vals, probs = vals[order], probs[order]
    new = np.empty(vals.size, dtype=bool)
    new[0] = True
    new[1:] = np.diff(vals) > 0
    group = np.cumsum(new) - 1
    return vals[new], np.bincount(group, weights=probs)


#: Alias of :func:`service_stats` (the name the pool layer uses).
pool_service_stats = service_stats
