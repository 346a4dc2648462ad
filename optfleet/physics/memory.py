"""Parameter counts, weight and KV-cache bytes, and a replica's KV budget.

Counts follow the transformer's matrices exactly (see ``docs/physics.md``):

* embeddings ``vocab x hidden``, plus an ``lm_head`` of the same size unless tied;
* attention per layer: GQA/MHA ``hidden x heads x head_dim`` (q) + ``2 x hidden x kv_heads x
  head_dim`` (k, v) + ``heads x head_dim x hidden`` (o); MLA (DeepSeek) low-rank q and kv
  projections (``q_a``, ``q_b``, ``kv_a_with_mqa``, ``kv_b``, ``o``) and their norms;
* FFN per layer: three matrices (gate, up, down) ``3 x hidden x ffn``; an MoE layer has
  ``num_experts`` routed + ``num_shared_experts`` shared experts of ``moe_intermediate_size`` and a
  router ``hidden x num_experts``; the first ``first_dense_layers`` layers are dense;
* RMSNorm weights (2 per layer + the final one).  Biases are ignored (< 0.01 %).

Examples
--------
>>> from optfleet.scenario.catalog import get_model
>>> m = get_model("llama-3.1-70b")
>>> round(param_count(m) / 1e9, 1), kv_bytes_per_token(m, "fp16")
(70.6, 327680.0)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from optfleet.errors import InputError, ModelDoesNotFitError
from optfleet.scenario import BYTES_PER_ELEMENT, GPUSpec, ModelSpec, ServingConfig

__all__ = [
    "ACTIVATION_BYTES",
    "LOGITS_BYTES",
    "WORKSPACE_FIXED_BYTES",
    "MemoryPlan",
    "active_param_count",
    "attention_params_per_layer",
    "bytes_per_element",
    "check_tensor_parallel",
    "kv_bytes_per_token",
    "kv_bytes_per_token_per_gpu",
    "memory_plan",
    "param_count",
    "weights_bytes",
    "workspace_bytes",
]

#: Fixed per-GPU workspace: CUDA graphs, NCCL buffers, CUDA context outside torch, fragmentation.
WORKSPACE_FIXED_BYTES = 1.0e9
#: Bytes of one activation element (activations and all-reduces run in 16-bit).
ACTIVATION_BYTES = 2.0
#: Bytes of one logit element (the sampler works in fp32).
LOGITS_BYTES = 4.0


def bytes_per_element(dtype: str) -> float:
    """Bytes per element of a dtype name (``"bf16"`` -> 2.0).

    Examples
    --------
    >>> bytes_per_element("fp8")
    1.0
    """
    try:
        return BYTES_PER_ELEMENT[dtype]
    except KeyError:
        known = ", ".join(BYTES_PER_ELEMENT)
        raise InputError(f"unknown dtype {dtype!r}; known dtypes: {known}") from None


def attention_params_per_layer(model: ModelSpec) -> float:
    """Parameters of one attention block (projections and, for MLA, the low-rank norms).

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> attention_params_per_layer(get_model("llama-3.1-8b")) / 1e6
    41.94304
    """
    h, nh = model.hidden_size, model.num_attention_heads
    if model.is_mla:
        qk_head = model.qk_nope_head_dim + model.qk_rope_head_dim
        v_head = model.v_head_dim or model.head_dim
        if model.q_lora_rank:
            q = h * model.q_lora_rank + model.q_lora_rank + model.q_lora_rank * nh * qk_head
        else:
            q = h * nh * qk_head
        kv_a = h * (model.kv_lora_rank + model.qk_rope_head_dim) + model.kv_lora_rank
        kv_b = model.kv_lora_rank * nh * (model.qk_nope_head_dim + v_head)
        o = nh * v_head * h
        return float(q + kv_a + kv_b + o)
    hd = model.head_dim
    return float(h * nh * hd + 2 * h * model.num_kv_heads * hd + nh * hd * h)


def _ffn_params(model: ModelSpec, *, active: bool) -> float:
    h = model.hidden_size
    if not model.is_moe:
        return float(model.num_layers * 3 * h * model.intermediate_size)
    dense_layers = min(model.first_dense_layers, model.num_layers)
    moe_layers = model.num_layers - dense_layers
    expert = 3 * h * model.moe_intermediate_size
    routed = model.experts_per_token if active else model.num_experts
    per_moe_layer = (routed + model.num_shared_experts) * expert + h * model.num_experts
    return float(dense_layers * 3 * h * model.intermediate_size + moe_layers * per_moe_layer)


def _computed_params(model: ModelSpec, *, active: bool) -> float:
    h = model.hidden_size
    embed = model.vocab_size * h * (1 if model.tie_word_embeddings else 2)
    norms = (2 * model.num_layers + 1) * h
    attn = model.num_layers * attention_params_per_layer(model)
    return float(embed + norms + attn + _ffn_params(model, active=active))


def param_count(model: ModelSpec, *, use_published: bool = True) -> float:
    """Total parameters: published ``total_params`` if given and ``use_published``, else computed.

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> round(param_count(get_model("llama-3.1-8b")) / 1e9, 2)
    8.03
    """
    if use_published and model.total_params is not None:
        return float(model.total_params)
    return _computed_params(model, active=False)


def active_param_count(model: ModelSpec) -> float:
    """Parameters touched per token: for MoE only the top-k routed and the shared experts count.

    Always computed from the architecture (embeddings and lm_head included).

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> round(active_param_count(get_model("deepseek-v3")) / 1e9)
    38
    """
    return _computed_params(model, active=True)


def weights_bytes(model: ModelSpec, dtype: str = "bf16") -> float:
    """Bytes of the whole model's weights in ``dtype``.

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> round(weights_bytes(get_model("llama-3.1-8b"), "fp16") / 1e9, 2)
    16.06
    """
    return param_count(model) * bytes_per_element(dtype)


def kv_bytes_per_token(model: ModelSpec, kv_dtype: str = "bf16") -> float:
    """KV-cache bytes one token occupies across the whole model (all layers, all ranks).

    MHA/GQA: ``2 x layers x kv_heads x head_dim x bytes``; MLA: ``layers x (kv_lora_rank +
    qk_rope_head_dim) x bytes`` (one compressed latent and one shared rope key per layer).

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> kv_bytes_per_token(get_model("deepseek-v3"), "bf16") / 61 / 2
    576.0
    """
    b = bytes_per_element(kv_dtype)
    if model.is_mla:
        return float(model.num_layers * (model.kv_lora_rank + model.qk_rope_head_dim) * b)
    return float(2 * model.num_layers * model.num_kv_heads * model.head_dim * b)


def kv_bytes_per_token_per_gpu(model: ModelSpec, kv_dtype: str = "bf16", tp: int = 1) -> float:
    """KV bytes one token occupies on EACH GPU of a ``tp``-way tensor-parallel replica.

    KV heads are split over the ranks; when ``tp`` exceeds the KV-head count each rank keeps one
    (replicated) head: ``2 x layers x ceil(kv_heads / tp) x head_dim x bytes``.  The MLA latent is
    not split by head, so every rank holds it whole (as vLLM does).

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> kv_bytes_per_token_per_gpu(get_model("llama-3.1-70b"), "fp16", 8)
    40960.0
    """
    tp = _check_tp(tp)
    if model.is_mla:
        return kv_bytes_per_token(model, kv_dtype)
    heads = math.ceil(model.num_kv_heads / tp)
    return float(2 * model.num_layers * heads * model.head_dim * bytes_per_element(kv_dtype))


def _check_tp(tp: int) -> int:
    if isinstance(tp, bool) or int(tp) != tp or tp < 1:
        raise InputError(f"tensor_parallel_size must be a positive integer, got {tp!r}")
    return int(tp)


def check_tensor_parallel(gpu: GPUSpec, model: ModelSpec, tp: int) -> int:
    """``tp`` if a ``tp``-GPU replica of ``gpu`` can serve ``model``, else :class:`InputError`.

    The size must fit one node (``gpu.gpus_per_node``, 8 unless the GPU type says otherwise)
    and split the model's attention heads evenly; the KV heads are split evenly too, or (as vLLM
    does when ``tp`` exceeds them) replicated: ``tp`` a multiple of ``num_kv_heads``.

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_gpu, get_model
    >>> check_tensor_parallel(get_gpu("H100"), get_model("llama-3.1-70b"), 8)
    8
    >>> check_tensor_parallel(get_gpu("H100"), get_model("llama-3.1-8b"), 3)
    Traceback (most recent call last):
    ...
    optfleet.errors.InputError: tensor_parallel_size 3 does not divide the 32 attention heads \
of llama-3.1-8b (use 1, 2, 4, 8)
    """
    tp = _check_tp(tp)
    node = int(gpu.gpus_per_node)
    heads, kv = int(model.num_attention_heads), int(model.num_kv_heads)
    ok = [d for d in range(1, node + 1) if heads % d == 0 and (kv % d == 0 or d % kv == 0)]
    hint = f" (use {', '.join(map(str, ok))})"
    if tp > node:
        raise InputError(
            f"tensor_parallel_size {tp} exceeds the {node} GPUs of one {gpu.name} node "
            f"(gpus_per_node){hint}"
        )
    if heads % tp:
        raise InputError(
            f"tensor_parallel_size {tp} does not divide the {heads} attention heads of "
            f"{model.name}{hint}"
        )
    if kv % tp and tp % kv:
        raise InputError(
            f"tensor_parallel_size {tp} neither divides nor is a multiple of the {kv} KV heads "
            f"of {model.name}{hint}"
        )
    return tp


def workspace_bytes(model: ModelSpec, serving: ServingConfig = ServingConfig()) -> float:
    """Per-GPU memory reserved outside weights and KV cache (vLLM's profiling run, modelled).

    ``WORKSPACE_FIXED_BYTES`` (1 GB: CUDA graphs, NCCL, context, fragmentation)
    + peak activations of one chunk: ``chunked_prefill_tokens x (4 x hidden + 2 x ffn / tp) x 2 B``
    (``ffn`` the widest FFN a token passes: dense ``intermediate_size`` or ``(top-k + shared) x
    moe_intermediate_size``)
    + sampler logits: ``max_num_seqs x vocab x 4 B``.

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> serving = ServingConfig(tensor_parallel_size=8)
    >>> round(workspace_bytes(get_model("llama-3.1-70b"), serving) / 1e9, 2)
    1.29
    """
    tp = serving.tensor_parallel_size
    ffn = 0.0
    if not model.is_moe or model.first_dense_layers > 0:
        ffn = float(model.intermediate_size)
    if model.is_moe:
        ffn = max(
            ffn,
            float(
                (model.experts_per_token + model.num_shared_experts) * model.moe_intermediate_size
            ),
        )
    act = serving.chunked_prefill_tokens * (4 * model.hidden_size + 2 * ffn / tp) * ACTIVATION_BYTES
    logits = serving.max_num_seqs * model.vocab_size * LOGITS_BYTES
    return WORKSPACE_FIXED_BYTES + act + logits


@dataclass(frozen=True)
class MemoryPlan:
    """How a replica's GPU memory is split (bytes per GPU unless said otherwise).

    ``kv_budget_bytes`` is the sum over the replica's GPUs of ``gpu_memory_utilization x memory -
    weights / tp - workspace``; ``kv_capacity_tokens`` the tokens the whole replica can cache.
    """

    gpu: str
    model: str
    tensor_parallel_size: int
    memory_bytes_per_gpu: float
    usable_bytes_per_gpu: float
    weights_bytes_per_gpu: float
    workspace_bytes_per_gpu: float
    kv_budget_bytes_per_gpu: float
    kv_budget_bytes: float
    kv_bytes_per_token: float
    kv_bytes_per_token_per_gpu: float
    kv_capacity_tokens: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def memory_plan(
    gpu: GPUSpec, model: ModelSpec, serving: ServingConfig = ServingConfig()
) -> MemoryPlan:
    """Split each GPU's memory into weights, workspace and KV cache; count the replica's KV tokens.

    Raises
    ------
    ModelDoesNotFitError
        The weights plus workspace leave no KV budget (the message gives the numbers).

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_gpu, get_model
    >>> plan = memory_plan(get_gpu("H100"), get_model("llama-3.1-70b"),
    ...                    ServingConfig(tensor_parallel_size=8, dtype="fp16"))
    >>> round(plan.weights_bytes_per_gpu / 1e9, 1), plan.kv_bytes_per_token
    (17.6, 327680.0)
    """
    tp = check_tensor_parallel(gpu, model, serving.tensor_parallel_size)
    usable = serving.gpu_memory_utilization * gpu.memory_bytes
    w = weights_bytes(model, serving.dtype) / tp
    ws = workspace_bytes(model, serving)
    budget = usable - w - ws
    kv_tok_gpu = kv_bytes_per_token_per_gpu(model, serving.kv_dtype, tp)
    tokens = math.floor(budget / kv_tok_gpu) if budget > 0 else 0
    if tokens < 1:
        raise ModelDoesNotFitError(
            f"model {model.name} ({serving.dtype}) does not fit on {tp} x {gpu.name}: per GPU "
            f"{w / 1e9:.2f} GB weights + {ws / 1e9:.2f} GB workspace > "
            f"{usable / 1e9:.2f} GB usable ({serving.gpu_memory_utilization:g} x "
            f"{gpu.memory_bytes / 1e9:.2f} GB = {gpu.memory_bytes / 2**20:.0f} MiB)"
        )
    return MemoryPlan(
        gpu=gpu.name,
        model=model.name,
        tensor_parallel_size=tp,
        memory_bytes_per_gpu=float(gpu.memory_bytes),
        usable_bytes_per_gpu=float(usable),
        weights_bytes_per_gpu=float(w),
        workspace_bytes_per_gpu=float(ws),
        kv_budget_bytes_per_gpu=float(budget),
        kv_budget_bytes=float(budget * tp),
        kv_bytes_per_token=kv_bytes_per_token(model, serving.kv_dtype),
        kv_bytes_per_token_per_gpu=kv_tok_gpu,
        kv_capacity_tokens=int(tokens),
    )
