"""The fleet-sim reference planner's hand-calibrated profiles, reproduced exactly.

fleet-sim models a decode iteration of ``n`` sequences of mean length ``Lbar`` as
``iter(n, Lbar) = W + H x (Lbar / 8192) x n`` and a prefill chunk as ``W + H``; slots per "GPU"
for a pool of maximum context ``max_ctx`` are
``ns = min(floor(max_slots x 8192 / max_ctx), floor(kv_blocks / ceil(max_ctx / 16)))``.

Each profile is priced as ONE GPU (``gpus_per_replica = 1``), as in fleet-sim.  Beware: the
constants really describe a tensor-parallel instance of a 70B model on A100/H100 (W = 4-8 ms of
weight streaming is a 70B model spread over several GPUs, not one 80 GB GPU) and a 7B model on the
A10G; pricing them as one GPU is the reference's convention, kept here only to reproduce its
numbers.  optfleet's default profiles are computed by :mod:`optfleet.physics.roofline`.

Examples
--------
>>> p = calibrated_profile("A100")
>>> p.slots(8192), p.price_usd_per_hour
(128, 2.21)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from optfleet.errors import InputError, UnknownNameError
from optfleet.physics.profiles import IterationModel, ReplicaProfile
from optfleet.scenario.catalog import get_gpu

__all__ = [
    "BLOCK_TOKENS",
    "CALIBRATED_GPUS",
    "CALIBRATION_CTX_TOKENS",
    "CalibratedConstants",
    "calibrated_constants",
    "calibrated_profile",
]

#: fleet-sim's reference context length for H and the slot cap.
CALIBRATION_CTX_TOKENS = 8192
#: fleet-sim's KV block size.
BLOCK_TOKENS = 16


@dataclass(frozen=True)
class CalibratedConstants:
    """fleet-sim's constants for one GPU type (seconds, tokens, blocks, USD/hour, watts)."""

    w_s: float
    h_s: float
    calibration_ctx_tokens: int
    chunk_tokens: int
    kv_blocks: int
    max_slots: int
    price_usd_per_hour: float
    idle_w: float
    nominal_w: float
    power_k: float
    power_x0: float


_CONSTANTS: dict[str, CalibratedConstants] = {
    "A10G": CalibratedConstants(0.012, 0.00090, 8192, 256, 32768, 64, 1.01, 75.0, 120.0, 0.7, 3.0),
    "A100-80GB": CalibratedConstants(
        0.008, 0.00065, 8192, 512, 65536, 128, 2.21, 175.0, 385.0, 1.0, 2.5
    ),
    "H100-SXM": CalibratedConstants(
        0.004, 0.00032, 8192, 1024, 65536, 256, 4.02, 300.0, 600.0, 1.0, 4.2
    ),
}

#: Catalog names of the GPUs fleet-sim calibrated.
CALIBRATED_GPUS: tuple[str, ...] = tuple(_CONSTANTS)

_MODEL_NOTE = {
    "A10G": "a 7B model on one A10G",
    "A100-80GB": "a 70B model on a tensor-parallel A100 instance",
    "H100-SXM": "a 70B model on a tensor-parallel H100 instance",
}


def calibrated_constants(gpu_name: str) -> CalibratedConstants:
    """fleet-sim's raw constants for ``gpu_name`` (catalog names and aliases accepted)."""
    name = get_gpu(gpu_name).name if isinstance(gpu_name, str) else gpu_name
    try:
        return _CONSTANTS[name]
    except KeyError:
        raise UnknownNameError(
            f"no calibrated profile for GPU {gpu_name!r}; "
            f"calibrated GPUs: {', '.join(CALIBRATED_GPUS)}"
        ) from None


def calibrated_profile(gpu_name: str, price_usd_per_hour: float | None = None) -> ReplicaProfile:
    """The fleet-sim profile of ``gpu_name`` as a :class:`ReplicaProfile` (reserve KV policy).

    ``IterationModel(c0 = W, per_prefill_token = H / chunk, mem_per_ctx_token = H / 8192)``: a
    full prefill chunk costs ``W + H`` and a decode iteration ``iter(n, Lbar)``.
    ``kv_capacity_tokens = 16 x kv_blocks``; ``max_num_seqs = max_slots`` scaled by
    ``8192 / max_ctx`` in :meth:`ReplicaProfile.slots`.  ``price_usd_per_hour`` replaces the
    reference price (still per one "GPU").

    Raises
    ------
    UnknownNameError
        A GPU that fleet-sim did not calibrate (or an unknown name).

    Examples
    --------
    >>> [calibrated_profile("H100").slots(c) for c in (4096, 8192, 65536)]
    [256, 128, 16]
    """
    try:
        gpu = get_gpu(gpu_name)
    except UnknownNameError:
        raise UnknownNameError(
            f"no calibrated profile for GPU {gpu_name!r}; "
            f"calibrated GPUs: {', '.join(CALIBRATED_GPUS)}"
        ) from None
    k = calibrated_constants(gpu.name)
    price = k.price_usd_per_hour
    if price_usd_per_hour is not None:
        price = float(price_usd_per_hour)
        if not math.isfinite(price) or price < 0:
            raise InputError(
                "price_usd_per_hour must be a finite non-negative number, "
                f"got {price_usd_per_hour!r}"
            )
    iteration = IterationModel(
        c0_s=k.w_s,
        per_prefill_token_s=k.h_s / k.chunk_tokens,
        mem_per_ctx_token_s=k.h_s / k.calibration_ctx_tokens,
    )
    capacity = k.kv_blocks * BLOCK_TOKENS
    return ReplicaProfile(
        name=f"fleet-sim:{gpu.name}",
        gpu=gpu.name,
        model=f"fleet-sim calibration ({_MODEL_NOTE[gpu.name]})",
        gpus_per_replica=1,
        price_usd_per_hour=price,
        kv_policy="reserve",
        kv_capacity_tokens=capacity,
        max_num_seqs=k.max_slots,
        max_model_len=capacity,
        chunk_tokens=k.chunk_tokens,
        iteration=iteration,
        idle_w=k.idle_w,
        nominal_w=k.nominal_w,
        power_k=k.power_k,
        power_x0=k.power_x0,
        block_tokens=BLOCK_TOKENS,
        slot_ref_ctx_tokens=k.calibration_ctx_tokens,
        source="fleet-sim reference planner, hand-calibrated constants",
        notes=(
            "priced as one GPU (reference convention) but the constants describe "
            f"{_MODEL_NOTE[gpu.name]}; "
            "not used by default"
        ),
        details={"W_s": k.w_s, "H_s": k.h_s, "kv_blocks": float(k.kv_blocks)},
    )
