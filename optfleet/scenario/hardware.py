"""Scenario models of the hardware and the model served: GPU types, model architectures and how
one replica serves a model; and :class:`Frozen`, the base of every scenario model.

Re-exported by :mod:`optfleet.scenario.schema` (and :mod:`optfleet.scenario`).  Every field has
a description naming its unit (``optfleet schema`` shows them).

Examples
--------
>>> ServingConfig(tensor_parallel_size=2).kv_dtype
'bf16'
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from optfleet.scenario.limits import (
    DEFAULT_GPUS_PER_NODE,
    Dimension,
    Fraction01,
    GPUsPerNode,
    NonNegDimension,
    NonNegFloat,
    PositiveFloat,
    TensorParallel,
    Tokens,
)
from optfleet.scenario.physics_input import EfficiencyOverrides, gpu_memory_input


class Frozen(BaseModel):
    """Base of every scenario model: immutable, unknown keys rejected, no NaN/inf."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


def described(text: str, default: Any = ...) -> Any:
    """A field with a description (its unit in the text) and optionally a default."""
    return Field(default, description=text)


class GPUSpec(Frozen):
    """One GPU type: datasheet figures, default price and power.

    ``memory_bytes`` is the device's memory as its driver reports it (``nvidia-smi``'s MiB x
    2**20: 81 920 MiB for an "80 GB" A100), not decimal GB; files may give ``memory_mib`` or
    ``memory_gib`` (:func:`gpu_memory_input`).  Throughput in FLOP/s and bytes/s.  The optional
    ``iteration_overhead_s`` / ``allreduce_latency_s`` replace ``Efficiency``'s for this type.
    """

    name: str = described("GPU type name, as the menu and GPU-keyed maps spell it (e.g. H100-SXM).")
    memory_bytes: PositiveFloat = described(
        "Device memory as the driver reports it, bytes (a file may give memory_mib or "
        "memory_gib instead)."
    )
    memory_bandwidth_bytes_per_s: PositiveFloat = described("Peak HBM bandwidth, bytes/s.")
    bf16_flop_per_s: PositiveFloat = described("Peak dense BF16 tensor throughput, FLOP/s.")
    fp8_flop_per_s: PositiveFloat | None = described(
        "Peak dense FP8 tensor throughput, FLOP/s (null: no FP8 support).", None
    )
    tdp_w: PositiveFloat = described("Board power limit (TDP), W.")
    idle_power_w: PositiveFloat | None = described(
        "Idle power, W (null: Efficiency.idle_fraction x TDP).", None
    )
    interconnect: str = described(
        "Scale-up interconnect name (e.g. NVLink, PCIe); a label.", "PCIe"
    )
    interconnect_bandwidth_bytes_per_s: PositiveFloat = described(
        "Scale-up interconnect bandwidth per GPU, bytes/s.", 32e9
    )
    price_usd_per_hour: NonNegFloat = described("Default price of one GPU, USD/hour.")
    gpus_per_node: GPUsPerNode = described(
        "GPUs in one node, GPUs: the largest tensor-parallel replica of this type.",
        DEFAULT_GPUS_PER_NODE,
    )
    iteration_overhead_s: NonNegFloat | None = described(
        "Fixed cost of one engine step on this type's hosts, s (null: the Efficiency default).",
        None,
    )
    allreduce_latency_s: NonNegFloat | None = described(
        "Latency of one small all-reduce over this type's interconnect, s (null: the "
        "Efficiency default).",
        None,
    )
    aliases: tuple[str, ...] = described("Other names this GPU type is found by (no unit).", ())
    source: str = described("Where the figures come from (datasheet or measurement; text).")

    @model_validator(mode="before")
    @classmethod
    def _memory_units(cls, data: Any) -> Any:
        return gpu_memory_input(data)


class ModelSpec(Frozen):
    """A transformer LLM's architecture, as in its Hugging Face ``config.json``.

    Dense models leave the MoE fields at 0; MLA models (DeepSeek-V2/V3) set ``kv_lora_rank`` and
    ``qk_rope_head_dim`` and cache ``kv_lora_rank + qk_rope_head_dim`` elements per token per layer.
    """

    name: str = described("Model name, as catalogs and scenarios spell it.")
    num_layers: Dimension = described("Transformer layers, count.")
    hidden_size: Dimension = described("Hidden (model) dimension, elements.")
    num_attention_heads: Dimension = described("Query attention heads, count.")
    num_kv_heads: Dimension = described("Key/value heads, count (fewer than query heads: GQA).")
    head_dim: Dimension = described("Dimension of one attention head, elements.")
    intermediate_size: Dimension = described(
        "MLP intermediate dimension of a dense layer, elements."
    )
    vocab_size: Dimension = described("Vocabulary size, tokens.")
    tie_word_embeddings: bool = described(
        "Input and output embeddings share one matrix (true/false).", False
    )
    num_experts: NonNegDimension = described("Routed experts per MoE layer, count (0: dense).", 0)
    experts_per_token: NonNegDimension = described("Routed experts each token uses, count.", 0)
    moe_intermediate_size: NonNegDimension = described(
        "Intermediate dimension of one expert, elements.", 0
    )
    num_shared_experts: NonNegDimension = described("Shared experts every token uses, count.", 0)
    first_dense_layers: NonNegDimension = described(
        "Leading dense layers of an MoE model, count.", 0
    )
    kv_lora_rank: NonNegDimension = described(
        "MLA: rank of the compressed KV, elements cached per token per layer (0: no MLA).", 0
    )
    qk_rope_head_dim: NonNegDimension = described(
        "MLA: rotary part of a query/key head, elements.", 0
    )
    q_lora_rank: NonNegDimension = described(
        "MLA: rank of the compressed query, elements (0: none).", 0
    )
    qk_nope_head_dim: NonNegDimension = described(
        "MLA: non-rotary part of a query/key head, elements.", 0
    )
    v_head_dim: NonNegDimension = described("MLA: value head dimension, elements.", 0)
    total_params: PositiveFloat | None = described(
        "Published parameter count, parameters (null: computed from the shape).", None
    )
    max_position_embeddings: Tokens | None = described(
        "Longest context the model supports, tokens (null: not stated).", None
    )
    aliases: tuple[str, ...] = described(
        "Other names the model is found by (e.g. its HF repo id).", ()
    )
    source: str = described("Where the architecture comes from (text).", "user")

    @property
    def is_moe(self) -> bool:
        return self.num_experts > 0

    @property
    def is_mla(self) -> bool:
        return self.kv_lora_rank > 0

    @model_validator(mode="after")
    def _check(self) -> ModelSpec:
        if self.num_attention_heads % self.num_kv_heads:
            raise ValueError(
                f"num_attention_heads ({self.num_attention_heads}) must be a multiple of "
                f"num_kv_heads ({self.num_kv_heads})"
            )
        if self.num_experts and not (0 < self.experts_per_token <= self.num_experts):
            raise ValueError("experts_per_token must be in 1..num_experts for an MoE model")
        return self


DType = Literal["fp32", "fp16", "bf16", "fp8", "int8", "int4"]

BYTES_PER_ELEMENT: dict[str, float] = {
    "fp32": 4.0,
    "fp16": 2.0,
    "bf16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "int4": 0.5,
}


class ServingConfig(Frozen):
    """How one replica serves a model (vLLM-style engine arguments).

    A replica is ``tensor_parallel_size`` GPUs serving one copy of the model; it is priced as
    ``tensor_parallel_size`` x the GPU's hourly price.  ``efficiency`` overrides the roofline's
    constants (engine step overhead, all-reduce latency, attention overlap, achieved fractions).
    """

    tensor_parallel_size: TensorParallel = described(
        "GPUs per replica (tensor parallelism), GPUs; a replica is priced at this many GPUs.", 1
    )
    dtype: DType = described("Weight precision: fp32, fp16, bf16, fp8, int8 or int4.", "bf16")
    kv_cache_dtype: DType | Literal["auto"] = described(
        "KV-cache precision (auto: the weights' dtype).", "auto"
    )
    max_num_seqs: Dimension = described("Most sequences one replica runs at once, requests.", 256)
    max_model_len: Tokens | None = described(
        "Longest context the engine accepts, tokens (null: the model's "
        "max_position_embeddings, capped by the KV capacity).",
        None,
    )
    chunked_prefill_tokens: Tokens = described(
        "Most prompt tokens one engine step prefills (chunked prefill), tokens.", 2048
    )
    gpu_memory_utilization: Fraction01 = described(
        "Share of device memory the engine may use (weights, activations, KV), in (0, 1].", 0.9
    )
    kv_policy: Literal["paged", "reserve"] = described(
        "KV allocation: paged (as tokens arrive) or reserve (max_ctx per slot); the preset "
        "sets it.",
        "paged",
    )
    efficiency: EfficiencyOverrides = described(
        "Overrides of the roofline constants (docs/physics.md); null fields keep the defaults.",
        EfficiencyOverrides(),
    )

    @property
    def kv_dtype(self) -> str:
        return self.dtype if self.kv_cache_dtype == "auto" else self.kv_cache_dtype


__all__ = [
    "BYTES_PER_ELEMENT",
    "DType",
    "Frozen",
    "GPUSpec",
    "ModelSpec",
    "ServingConfig",
    "described",
]
