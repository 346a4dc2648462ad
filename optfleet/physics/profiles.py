"""A replica's performance profile: the engine-iteration time model, KV capacity, slots, power.

The iteration model is deliberately a fixed closed form (linear terms plus one ``max``) so that
the simulator can jump between events analytically:

``t(p, d, c) = c0 + per_token x (p + d) + per_prefill_token x p + attn_per_ctx_token x c
+ max(mem_base + mem_per_ctx_token x c, compute_per_token x (p + d))``

with ``p`` prefill tokens, ``d`` decoding sequences and ``c`` the KV tokens those decoding
sequences attend to (the sum of their contexts).  Reading the KV cache costs either
``mem_per_ctx_token`` (inside the ``max``: the reads overlap the weight streaming and the GEMMs)
or ``attn_per_ctx_token`` (outside it: attention kernels run on their own, between the GEMMs of a
layer, as the paged/flash decode kernels do); the roofline profiles put it in one of the two.

Examples
--------
>>> it = IterationModel(c0_s=0.004, per_prefill_token_s=0.00032 / 1024,
...                     mem_per_ctx_token_s=0.00032 / 8192)
>>> round(float(it.time_s(0, 10, 10 * 8192)), 6)
0.0072
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError, ModelDoesNotFitError

__all__ = ["IterationModel", "ReplicaProfile", "profile_summary"]

KVPolicy = Literal["paged", "reserve"]


def _finite_nonneg(name: str, value: float) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
        raise InputError(f"{name} must be a finite non-negative number, got {value!r}")


@dataclass(frozen=True)
class IterationModel:
    """Time of one engine iteration (seconds), a linear-plus-max form in the batch's composition.

    ``t(p, d, c) = c0 + per_token (p + d) + per_prefill_token p + attn_per_ctx_token c
    + max(mem_base + mem_per_ctx_token c, compute_per_token (p + d))``.

    Attributes
    ----------
    c0_s
        Fixed cost of every iteration (scheduler, launches, all-reduce latencies).
    per_token_s
        Cost per batched token that does not overlap with the roofline (e.g. all-reduce traffic).
    per_prefill_token_s
        Extra cost per prefill token (the calibrated profiles' chunk cost).
    mem_base_s
        Time to stream the weights once (memory roofline).
    mem_per_ctx_token_s
        Time to stream one token of KV cache when that overlaps the weight streaming (inside the
        memory roofline).
    compute_per_token_s
        Matmul time per batched token (compute roofline).
    attn_per_ctx_token_s
        Time to read one attended KV token in attention kernels that do not overlap the weight
        streaming or the GEMMs (added outside the ``max``; 0: none).

    Examples
    --------
    >>> it = IterationModel(c0_s=1.0, mem_base_s=2.0, compute_per_token_s=0.5)
    >>> it.time_s([0, 8], 0, 0).tolist()
    [3.0, 5.0]
    >>> IterationModel(mem_base_s=2.0, attn_per_ctx_token_s=0.001).time_s(0, 1, 1000).item()
    3.0
    """

    c0_s: float = 0.0
    per_token_s: float = 0.0
    per_prefill_token_s: float = 0.0
    mem_base_s: float = 0.0
    mem_per_ctx_token_s: float = 0.0
    compute_per_token_s: float = 0.0
    attn_per_ctx_token_s: float = 0.0

    def __post_init__(self) -> None:
        for k, v in asdict(self).items():
            _finite_nonneg(k, v)

    def time_s(
        self, prefill_tokens: ArrayLike, decode_seqs: ArrayLike, ctx_tokens: ArrayLike
    ) -> NDArray[np.float64]:
        """Iteration time of ``prefill_tokens`` + ``decode_seqs`` attending ``ctx_tokens`` tokens.

        Arguments broadcast (numpy rules); returns a float array (0-d for scalars).

        Examples
        --------
        >>> IterationModel(c0_s=0.002, mem_base_s=0.006).time_s(0, 1, 100).item()
        0.008
        """
        p = np.asarray(prefill_tokens, dtype=np.float64)
        d = np.asarray(decode_seqs, dtype=np.float64)
        c = np.asarray(ctx_tokens, dtype=np.float64)
        n = p + d
        mem = self.mem_base_s + self.mem_per_ctx_token_s * c
        comp = self.compute_per_token_s * n
        return (
            self.c0_s
            + self.per_token_s * n
            + self.per_prefill_token_s * p
            + self.attn_per_ctx_token_s * c
            + np.maximum(mem, comp)
        )

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class ReplicaProfile:
    """Performance of one replica (``gpus_per_replica`` tensor-parallel GPUs, one model copy).

    Attributes
    ----------
    name, gpu, model
        Profile label, GPU catalog name, model name.
    gpus_per_replica
        Tensor-parallel degree ``tp``.
    price_usd_per_hour
        Price of the WHOLE replica (``tp x`` the GPU's hourly price).
    kv_policy
        ``"paged"`` (vLLM: blocks allocated as tokens arrive) or ``"reserve"`` (every sequence
        reserves ``max_ctx`` tokens up front, as the fleet-sim reference assumes).
    kv_capacity_tokens
        KV-cache tokens the whole replica holds.
    max_num_seqs
        Cap on concurrently running sequences.
    max_model_len
        Longest prompt + output the replica serves.
    chunk_tokens
        Chunked-prefill size (tokens of a prompt processed per iteration).
    iteration
        The :class:`IterationModel`.
    idle_w, nominal_w, power_k, power_x0
        Per-GPU power: ``P(b) = idle + (nominal - idle) / (1 + exp(-k (log2 b - x0)))``.
    block_tokens
        KV block size (tokens) for the reserve policy's block arithmetic.
    slot_ref_ctx_tokens
        If set, the reserve policy's slot cap scales as ``floor(max_num_seqs x ref / max_ctx)``
        (the fleet-sim rule); otherwise the cap is ``max_num_seqs``.
    source, notes
        Where the numbers come from; caveats.
    details
        Derived numbers kept for reporting (e.g. bytes per GPU); not compared.

    Examples
    --------
    >>> from optfleet.physics.calibrated import calibrated_profile
    >>> p = calibrated_profile("A10G")
    >>> p.slots(8192), round(float(p.decode_iteration_s(64, 8192)), 4)
    (64, 0.0696)
    """

    name: str
    gpu: str
    model: str
    gpus_per_replica: int
    price_usd_per_hour: float
    kv_policy: KVPolicy
    kv_capacity_tokens: int
    max_num_seqs: int
    max_model_len: int
    chunk_tokens: int
    iteration: IterationModel
    idle_w: float
    nominal_w: float
    power_k: float
    power_x0: float
    block_tokens: int = 16
    slot_ref_ctx_tokens: int | None = None
    source: str = ""
    notes: str = ""
    details: dict[str, float] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.kv_policy not in ("paged", "reserve"):
            raise InputError(f"kv_policy must be 'paged' or 'reserve', got {self.kv_policy!r}")
        for k in (
            "gpus_per_replica",
            "kv_capacity_tokens",
            "max_num_seqs",
            "max_model_len",
            "chunk_tokens",
            "block_tokens",
        ):
            v = getattr(self, k)
            if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 1:
                raise InputError(f"{k} must be a positive integer, got {v!r}")
        for k in ("price_usd_per_hour", "idle_w", "nominal_w", "power_k"):
            _finite_nonneg(k, getattr(self, k))
        if not math.isfinite(self.power_x0):
            raise InputError(f"power_x0 must be finite, got {self.power_x0!r}")

    # ---------------------------------------------------------------- iterations

    def decode_iteration_s(
        self, batch: ArrayLike, mean_context_tokens: ArrayLike
    ) -> NDArray[np.float64]:
        """One decode-only iteration of ``batch`` sequences of mean context ``mean_context_tokens``.

        Examples
        --------
        >>> from optfleet.physics.calibrated import calibrated_profile
        >>> float(calibrated_profile("H100").decode_iteration_s(1, 0))
        0.004
        """
        b = np.asarray(batch, dtype=np.float64)
        return self.iteration.time_s(0.0, b, b * np.asarray(mean_context_tokens, dtype=np.float64))

    def prefill_s(self, prompt_tokens: ArrayLike) -> NDArray[np.float64]:
        """Time to prefill a prompt alone on the replica: ``ceil(l / chunk)`` chunk iterations.

        Every chunk is a full ``chunk_tokens`` except the last (``l - (n - 1) x chunk`` tokens).
        Vectorised over ``prompt_tokens``.

        Examples
        --------
        >>> from optfleet.physics.calibrated import calibrated_profile
        >>> p = calibrated_profile("A100-80GB")
        >>> [round(x, 5) for x in p.prefill_s([512, 513]).tolist()]
        [0.00865, 0.01665]
        """
        lengths = np.asarray(prompt_tokens, dtype=np.float64)
        if np.any(~np.isfinite(lengths)) or np.any(lengths < 0):
            raise InputError("prompt_tokens must be finite and non-negative")
        c = float(self.chunk_tokens)
        n = np.ceil(lengths / c)
        last = lengths - np.maximum(n - 1.0, 0.0) * c
        full = self.iteration.time_s(c, 0.0, 0.0)
        part = self.iteration.time_s(last, 0.0, 0.0)
        return np.where(n > 0, np.maximum(n - 1.0, 0.0) * full + part, 0.0)

    # ---------------------------------------------------------------- slots

    def reserve_cap(self, max_ctx_tokens: int) -> int:
        """Slot cap of the reserve policy (``max_num_seqs``, or the fleet-sim scaled cap)."""
        if self.slot_ref_ctx_tokens is None:
            return int(self.max_num_seqs)
        return int(math.floor(self.max_num_seqs * self.slot_ref_ctx_tokens / max_ctx_tokens))

    def slots(
        self,
        max_ctx_tokens: int,
        mean_tokens_held: float | None = None,
        *,
        policy: KVPolicy | None = None,
    ) -> int:
        """Concurrent sequences per replica for a pool of requests of at most ``max_ctx_tokens``.

        ``reserve``: ``min(cap, floor(blocks / ceil(max_ctx / block_tokens)))`` with ``blocks =
        floor(kv_capacity_tokens / block_tokens)`` and ``cap`` from :meth:`reserve_cap`.
        ``paged``: ``min(max_num_seqs, floor(kv_capacity_tokens / mean_tokens_held))``
        (``mean_tokens_held`` defaults to ``max_ctx_tokens``, the worst case).
        ``policy`` overrides the profile's own.

        Raises
        ------
        ModelDoesNotFitError
            ``max_ctx_tokens`` exceeds ``max_model_len`` or leaves zero slots; never floored at 1.

        Examples
        --------
        >>> from optfleet.physics.calibrated import calibrated_profile
        >>> [calibrated_profile("A10G").slots(c) for c in (4096, 8192, 65536)]
        [128, 64, 8]
        """
        pol = policy or self.kv_policy
        if isinstance(max_ctx_tokens, bool) or not isinstance(
            max_ctx_tokens, int | np.integer | float
        ):
            raise InputError(f"max_ctx_tokens must be a positive integer, got {max_ctx_tokens!r}")
        if (
            not math.isfinite(max_ctx_tokens)
            or max_ctx_tokens < 1
            or int(max_ctx_tokens) != max_ctx_tokens
        ):
            raise InputError(f"max_ctx_tokens must be a positive integer, got {max_ctx_tokens!r}")
        max_ctx = int(max_ctx_tokens)
        if max_ctx > self.max_model_len:
            raise ModelDoesNotFitError(
                f"max_ctx {max_ctx} exceeds max_model_len {self.max_model_len} "
                f"of profile {self.name}"
            )
        if pol == "reserve":
            blocks = self.kv_capacity_tokens // self.block_tokens
            n = min(self.reserve_cap(max_ctx), blocks // math.ceil(max_ctx / self.block_tokens))
        elif pol == "paged":
            held = float(max_ctx if mean_tokens_held is None else mean_tokens_held)
            if not math.isfinite(held) or held <= 0:
                raise InputError(
                    f"mean_tokens_held must be a finite positive number, got {mean_tokens_held!r}"
                )
            fit = (
                0
                if max_ctx > self.kv_capacity_tokens
                else math.floor(self.kv_capacity_tokens / held)
            )
            n = min(self.max_num_seqs, fit)
        else:
            raise InputError(f"kv policy must be 'paged' or 'reserve', got {pol!r}")
        if n < 1:
            raise ModelDoesNotFitError(
                f"max_ctx {max_ctx} does not fit in the KV budget of "
                f"{self.kv_capacity_tokens} tokens "
                f"of profile {self.name} ({pol} policy)"
            )
        return int(n)

    # ---------------------------------------------------------------- power

    def power_w(self, batch: ArrayLike) -> NDArray[np.float64]:
        """Power draw of the whole replica (all its GPUs) running ``batch`` sequences.

        Per GPU ``P(b) = idle + (nominal - idle) / (1 + exp(-k (log2 b - x0)))``, idle at b <= 0.

        Examples
        --------
        >>> from optfleet.physics.calibrated import calibrated_profile
        >>> p = calibrated_profile("H100")
        >>> float(p.power_w(0)), round(float(p.power_w(2 ** 4.2)), 6)
        (300.0, 450.0)
        """
        b = np.asarray(batch, dtype=np.float64)
        with np.errstate(divide="ignore", over="ignore"):
            x = np.log2(np.where(b > 0, b, 1.0))
            frac = 1.0 / (1.0 + np.exp(-self.power_k * (x - self.power_x0)))
        per_gpu = np.where(b > 0, self.idle_w + (self.nominal_w - self.idle_w) * frac, self.idle_w)
        return self.gpus_per_replica * per_gpu

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def profile_summary(profile: ReplicaProfile, max_ctx_tokens: int = 8192) -> dict[str, object]:
    """A flat, JSON-serialisable summary of a profile (what ``optfleet profile`` shows).

    Slots are the profile's policy at ``max_ctx_tokens`` with every sequence holding
    ``max_ctx_tokens`` (the worst case for the paged policy); iteration times use a mean context of
    ``max_ctx_tokens / 2``.

    Raises
    ------
    ModelDoesNotFitError
        ``max_ctx_tokens`` leaves no slot.

    Examples
    --------
    >>> from optfleet.physics.calibrated import calibrated_profile
    >>> s = profile_summary(calibrated_profile("A10G"), 8192)
    >>> s["slots"], s["decode_iteration_full_batch_s"]
    (64, 0.0408)
    """
    slots = profile.slots(max_ctx_tokens)
    half = max_ctx_tokens / 2.0
    out: dict[str, object] = {
        "name": profile.name,
        "gpu": profile.gpu,
        "model": profile.model,
        "gpus_per_replica": profile.gpus_per_replica,
        "price_usd_per_hour": profile.price_usd_per_hour,
        "kv_policy": profile.kv_policy,
        "kv_capacity_tokens": profile.kv_capacity_tokens,
        "max_num_seqs": profile.max_num_seqs,
        "max_model_len": profile.max_model_len,
        "chunk_tokens": profile.chunk_tokens,
        "max_ctx_tokens": int(max_ctx_tokens),
        "slots": slots,
        "decode_iteration_batch1_s": float(profile.decode_iteration_s(1, half)),
        "decode_iteration_full_batch_s": round(float(profile.decode_iteration_s(slots, half)), 12),
        "prefill_chunk_s": float(profile.prefill_s(profile.chunk_tokens)),
        "power_idle_w": float(profile.power_w(0)),
        "power_full_batch_w": float(profile.power_w(slots)),
    }
    out.update({f"iteration.{k}": v for k, v in profile.iteration.to_dict().items()})
    out.update({k: float(v) for k, v in profile.details.items()})
    out["source"] = profile.source
    out["notes"] = profile.notes
    return out
