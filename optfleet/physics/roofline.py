"""Replica profiles computed from datasheets: a memory/compute roofline plus tensor-parallel costs.

For a replica of ``tp`` GPUs serving ``model`` with ``serving`` (see ``docs/physics.md``, and its
section "Physics the planning tables stand on" for every constant's value and source):

* ``mem_base = weights_per_gpu / (bandwidth x bandwidth_fraction)`` - stream the weights once;
* reading the attended KV, ``kv_bytes_per_token_per_gpu / (bandwidth x bandwidth_fraction)`` per
  token: a separate attention kernel that adds to the iteration (``attn_per_ctx_token``, outside
  the roofline's ``max``) unless ``Efficiency.attention_overlaps_weights`` (then
  ``mem_per_ctx_token``, inside it);
* ``compute_per_token = 2 x active_params / tp / (flop/s x flop_fraction)`` (fp8 FLOP/s when the
  weights are fp8 and the GPU has them);
* all-reduce (``tp > 1``, 2 per layer, ring): ``per_token += 2 L x 2 (tp-1)/tp x hidden x 2 B /
  (link x interconnect_fraction)`` and ``c0 += 2 L x allreduce_latency_s``;
* ``c0 += iteration_overhead_s`` (scheduler, kernel launches, sampling).

The constants come from :class:`Efficiency`, replaced by the GPU type's own figures where the
catalog (or a scenario's ``gpu_overrides``) gives them and by ``serving.efficiency`` last
(:func:`resolve_efficiency`).

Examples
--------
>>> from optfleet.scenario.catalog import get_gpu, get_model
>>> p = computed_profile(get_gpu("H100"), get_model("llama-3.1-8b"))
>>> 0.006 < float(p.decode_iteration_s(1, 1000)) < 0.008
True
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from optfleet.errors import InputError, ModelDoesNotFitError
from optfleet.physics.memory import (
    ACTIVATION_BYTES,
    MemoryPlan,
    active_param_count,
    memory_plan,
)
from optfleet.physics.profiles import IterationModel, ReplicaProfile
from optfleet.scenario import GPUSpec, ModelSpec, ServingConfig
from optfleet.scenario.catalog import resolve_gpu, resolve_model

__all__ = ["Efficiency", "computed_profile", "resolve_efficiency"]


@dataclass(frozen=True)
class Efficiency:
    """Achieved fractions of datasheet peaks and fixed overheads used by :func:`computed_profile`.

    Each constant's source is in ``docs/physics.md`` ("Physics the planning tables stand on").
    A scenario overrides any of them with ``serving.efficiency`` (``EfficiencyOverrides``); a GPU
    type's own ``iteration_overhead_s`` / ``allreduce_latency_s`` (catalog or ``gpu_overrides``)
    replace the generic ones (:func:`resolve_efficiency`).

    Attributes
    ----------
    bandwidth_fraction
        Achieved / peak HBM bandwidth for weight and KV streaming (0.76, Vidur-style profiling).
    flop_fraction
        Achieved / peak dense tensor FLOP/s for GEMMs (0.73, Vidur-style profiling).
    interconnect_fraction
        Achieved all-reduce bus bandwidth / datasheet link figure (0.5: NVLink datasheet figures
        are bidirectional aggregates; NCCL reaches about the one-direction figure).
    allreduce_latency_s
        Latency of one small all-reduce, two per layer when ``tp > 1`` (10 us: vLLM's custom
        all-reduce on 2-8 H100s takes 8.5-11.8 us for 0.5-32 KiB messages, sgl-project/sglang
        PR #2904; NCCL's ring is slower for small messages, vllm-project/vllm PR #2192).
    iteration_overhead_s
        Fixed cost of every engine step outside the roofline: scheduling, input preparation,
        launches, sampling (1 ms: vLLM V1 measured 5-6 ms gaps at batch 256 before
        asynchronous scheduling, vllm-project/vllm #10634, and 0.15-0.3 ms with it, PR #11133;
        async scheduling is vLLM's default since PR #27614).
    attention_overlaps_weights
        Whether reading the attended KV cache overlaps the weight streaming (False: paged /
        flash decode-attention kernels run between a layer's GEMMs, memory-bound on their own,
        so their time adds to the iteration: PagedAttention, Kwon et al. SOSP 2023;
        Flash-Decoding, Dao et al. 2023; FlashInfer, Ye et al. MLSys 2025).
    idle_fraction
        Idle power as a fraction of TDP when the catalog gives none (0.3).
    power_k, power_x0
        Logistic power curve: half-way between idle and TDP at batch ``2 ** power_x0`` (16).

    Examples
    --------
    >>> Efficiency().bandwidth_fraction, Efficiency().attention_overlaps_weights
    (0.76, False)
    """

    bandwidth_fraction: float = 0.76
    flop_fraction: float = 0.73
    interconnect_fraction: float = 0.5
    allreduce_latency_s: float = 10e-6
    iteration_overhead_s: float = 1e-3
    attention_overlaps_weights: bool = False
    idle_fraction: float = 0.3
    power_k: float = 1.0
    power_x0: float = 4.0

    def __post_init__(self) -> None:
        for k in ("bandwidth_fraction", "flop_fraction", "interconnect_fraction", "idle_fraction"):
            v = getattr(self, k)
            if isinstance(v, bool) or not (
                isinstance(v, int | float) and math.isfinite(v) and 0 < v <= 1
            ):
                raise InputError(f"Efficiency.{k} must be in (0, 1], got {v!r}")
        for k in ("allreduce_latency_s", "iteration_overhead_s", "power_k"):
            v = getattr(self, k)
            if isinstance(v, bool) or not (
                isinstance(v, int | float) and math.isfinite(v) and v >= 0
            ):
                raise InputError(f"Efficiency.{k} must be a finite non-negative number, got {v!r}")
        if not isinstance(self.attention_overlaps_weights, bool):
            raise InputError(
                "Efficiency.attention_overlaps_weights must be true or false, "
                f"got {self.attention_overlaps_weights!r}"
            )
        x0 = self.power_x0
        if isinstance(x0, bool) or not (isinstance(x0, int | float) and math.isfinite(x0)):
            raise InputError(f"Efficiency.power_x0 must be finite, got {x0!r}")

    def to_dict(self) -> dict[str, float | bool]:
        return asdict(self)


#: The GPU-type fields that replace :class:`Efficiency` constants when the GPU sets them.
GPU_EFFICIENCY_FIELDS = ("iteration_overhead_s", "allreduce_latency_s")


def resolve_efficiency(
    gpu: GPUSpec, serving: ServingConfig = ServingConfig(), efficiency: Efficiency = Efficiency()
) -> Efficiency:
    """The constants a profile of ``gpu`` under ``serving`` uses.

    ``efficiency``, then the GPU type's own ``iteration_overhead_s`` / ``allreduce_latency_s``
    where set, then every field ``serving.efficiency`` sets.

    Examples
    --------
    >>> from optfleet.scenario import ServingConfig
    >>> from optfleet.scenario.catalog import get_gpu
    >>> s = ServingConfig(efficiency={"iteration_overhead_s": 0.0005})
    >>> resolve_efficiency(get_gpu("H100"), s).iteration_overhead_s
    0.0005
    """
    values = efficiency.to_dict()
    for k in GPU_EFFICIENCY_FIELDS:
        v = getattr(gpu, k, None)
        if v is not None:
            values[k] = v
    values.update(serving.efficiency.given())
    return Efficiency(**values)


def computed_profile(
    gpu: GPUSpec | str,
    model: ModelSpec | str,
    serving: ServingConfig = ServingConfig(),
    efficiency: Efficiency = Efficiency(),
) -> ReplicaProfile:
    """The roofline :class:`ReplicaProfile` of ``model`` on a ``tp``-GPU replica of ``gpu``.

    ``tp = serving.tensor_parallel_size``; the replica's price is ``tp x gpu.price_usd_per_hour``.
    ``max_model_len`` is ``serving.max_model_len``, else the model's ``max_position_embeddings``,
    capped by the replica's KV capacity.

    Raises
    ------
    ModelDoesNotFitError
        Weights + workspace exceed the usable memory, or an explicit ``max_model_len`` exceeds the
        KV capacity.
    InputError
        An explicit ``max_model_len`` beyond the model's ``max_position_embeddings``.

    Examples
    --------
    >>> p = computed_profile("H100", "llama-3.1-70b", ServingConfig(tensor_parallel_size=4))
    >>> p.gpus_per_replica, round(p.price_usd_per_hour, 2)
    (4, 16.08)
    """
    gpu = resolve_gpu(gpu)
    model = resolve_model(model)
    eff = resolve_efficiency(gpu, serving, efficiency)
    tp = serving.tensor_parallel_size
    plan = memory_plan(gpu, model, serving)
    use_fp8 = serving.dtype == "fp8" and gpu.fp8_flop_per_s is not None
    active = active_param_count(model)
    iteration = _roofline_iteration(gpu, model, tp, plan, eff, use_fp8, active)
    capacity = plan.kv_capacity_tokens
    max_len = _max_model_len(gpu, model, serving, capacity)

    idle = gpu.idle_power_w if gpu.idle_power_w is not None else eff.idle_fraction * gpu.tdp_w
    return ReplicaProfile(
        name=f"{model.name}@{tp}x{gpu.name}/{serving.dtype}",
        gpu=gpu.name,
        model=model.name,
        gpus_per_replica=tp,
        price_usd_per_hour=tp * gpu.price_usd_per_hour,
        kv_policy=serving.kv_policy,
        kv_capacity_tokens=capacity,
        max_num_seqs=serving.max_num_seqs,
        max_model_len=max_len,
        chunk_tokens=serving.chunked_prefill_tokens,
        iteration=iteration,
        idle_w=float(min(idle, gpu.tdp_w)),
        nominal_w=float(gpu.tdp_w),
        power_k=eff.power_k,
        power_x0=eff.power_x0,
        block_tokens=16,
        slot_ref_ctx_tokens=None,
        source=f"roofline from datasheets: {gpu.source}; model: {model.source}",
        notes=(
            f"efficiency bw {eff.bandwidth_fraction:g}, flops {eff.flop_fraction:g}, "
            f"{'fp8' if use_fp8 else 'bf16'} tensor FLOP/s, step overhead "
            f"{eff.iteration_overhead_s * 1e3:g} ms, all-reduce "
            f"{eff.allreduce_latency_s * 1e6:g} us, KV reads "
            f"{'overlap the weights' if eff.attention_overlaps_weights else 'in their own kernels'}"
        ),
        details={
            "weights_bytes_per_gpu": plan.weights_bytes_per_gpu,
            "workspace_bytes_per_gpu": plan.workspace_bytes_per_gpu,
            "kv_budget_bytes": plan.kv_budget_bytes,
            "kv_bytes_per_token": plan.kv_bytes_per_token,
            "kv_bytes_per_token_per_gpu": plan.kv_bytes_per_token_per_gpu,
            "active_params": active,
        },
    )


def _roofline_iteration(
    gpu: GPUSpec,
    model: ModelSpec,
    tp: int,
    plan: MemoryPlan,
    eff: Efficiency,
    use_fp8: bool,
    active: float,
) -> IterationModel:
    """The iteration-time model: roofline terms, the KV reads (inside or outside the ``max``)
    and the tensor-parallel all-reduces."""
    bw = gpu.memory_bandwidth_bytes_per_s * eff.bandwidth_fraction
    peak = gpu.fp8_flop_per_s if use_fp8 and gpu.fp8_flop_per_s else gpu.bf16_flop_per_s
    flops = peak * eff.flop_fraction

    c0 = eff.iteration_overhead_s
    per_token = 0.0
    if tp > 1:
        n_allreduce = 2 * model.num_layers
        link = gpu.interconnect_bandwidth_bytes_per_s * eff.interconnect_fraction
        per_token = n_allreduce * 2.0 * (tp - 1) / tp * model.hidden_size * ACTIVATION_BYTES / link
        c0 += n_allreduce * eff.allreduce_latency_s
    kv_read = plan.kv_bytes_per_token_per_gpu / bw
    overlap = eff.attention_overlaps_weights
    return IterationModel(
        c0_s=c0,
        per_token_s=per_token,
        per_prefill_token_s=0.0,
        mem_base_s=plan.weights_bytes_per_gpu / bw,
        mem_per_ctx_token_s=kv_read if overlap else 0.0,
        compute_per_token_s=2.0 * active / tp / flops,
        attn_per_ctx_token_s=0.0 if overlap else kv_read,
    )


def _max_model_len(gpu: GPUSpec, model: ModelSpec, serving: ServingConfig, capacity: int) -> int:
    """``serving.max_model_len`` (checked against the model and the KV capacity), else the
    model's ``max_position_embeddings`` capped by the capacity."""
    if serving.max_model_len is not None:
        mpe = model.max_position_embeddings
        if mpe is not None and serving.max_model_len > mpe:
            raise InputError(
                f"max_model_len {serving.max_model_len} exceeds {model.name}'s "
                f"max_position_embeddings {mpe}"
            )
        if serving.max_model_len > capacity:
            raise ModelDoesNotFitError(
                f"max_model_len {serving.max_model_len} does not fit in the KV budget of "
                f"{capacity} "
                f"tokens of {model.name} on {serving.tensor_parallel_size} x {gpu.name}"
            )
        return int(serving.max_model_len)
    return int(min(model.max_position_embeddings or capacity, capacity))
