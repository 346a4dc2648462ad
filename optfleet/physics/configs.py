"""Candidate serving configurations of one pool on one GPU type, and the vLLM flags of one.

:func:`enumerate_configs` walks the cross product of a :class:`ConfigSearch` (tensor-parallel
size x precision x ``max_num_seqs`` x chunked-prefill size), each point a copy of a base
:class:`ServingConfig`, and keeps those that can serve the model; every point it drops is counted
under one reason (:data:`PRUNE_REASONS`), so ``len(kept) + sum(pruned.values())`` is the size of
the cross product.  A point is checked against these rules, in this order, and counted under the
first it breaks:

1. ``tp exceeds gpus_per_node``: a replica must fit in one node;
2. ``tp does not split the heads``: :func:`~optfleet.physics.memory.check_tensor_parallel` (tp
   divides the attention heads, and divides the KV heads or is a multiple of them, as vLLM
   replicates KV heads when tp exceeds them);
3. ``fp8 not supported by the gpu``: fp8 (weights and KV cache) is offered only on a GPU type
   whose spec gives ``fp8_flop_per_s``;
4. ``weights + reserve do not fit``: weights / tp plus the engine's reserve
   (:func:`~optfleet.physics.memory.workspace_bytes`) exceed ``gpu_memory_utilization x memory``
   (:func:`~optfleet.physics.memory.memory_plan` raises);
5. ``kv does not hold max_model_len``: the replica's KV capacity is below one sequence of
   ``max_model_len`` tokens.

Then two provably safe collapses and one bound:

6. ``equivalent``: a ``max_num_seqs`` at or above what the KV budget can ever run
   (``kv_capacity_tokens // MIN_SEQUENCE_TOKENS``) is limited by the KV cache, not by itself;
   among the KV-limited points of one (tp, precision, chunk) only the smallest ``max_num_seqs``
   is kept (it has the most KV: a larger one only enlarges the sampler's reserve);
7. ``identical profile``: two points whose :class:`~optfleet.physics.profiles.ReplicaProfile`
   (same tp, hence price, and precision) are equal: the later one is dropped;
8. ``over max_candidates_per_gpu``: if more remain, the kept ones are taken round-robin over the
   (tp, precision) groups, each group in ascending (``max_num_seqs``, chunk) order, so every
   group that fits stays represented.

``kept`` is in the canonical order: tp ascending, bf16 before fp8, ``max_num_seqs`` ascending,
chunk ascending; it does not depend on the order the search lists its values in.

:func:`vllm_flags` renders a configuration as ``vllm serve`` arguments.  The flag names are
vLLM's engine arguments, https://docs.vllm.ai/en/latest/models/engine_args.html
(``--tensor-parallel-size``, ``--max-num-seqs``, ``--max-num-batched-tokens``,
``--kv-cache-dtype {auto,fp8}``, ``--gpu-memory-utilization``, ``--max-model-len``,
``--enable-prefix-caching``, ``--quantization fp8``); ``--quantization fp8`` is vLLM's online
(dynamic) fp8 weight quantization of a bf16/fp16 checkpoint, no calibration data needed,
https://docs.vllm.ai/en/v0.5.4/quantization/fp8.html.

Examples
--------
>>> c = enumerate_configs("H100", "llama-3.1-70b", ServingConfig(), ConfigSearch())
>>> c.label(c.kept[0]), c.pruned["weights + reserve do not fit"], len(c.kept)
('tp2 fp8 seqs64 chunk2048', 6, 30)
"""

from __future__ import annotations

import itertools
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from optfleet.errors import InputError, ModelDoesNotFitError, UnknownNameError
from optfleet.physics.memory import MemoryPlan, check_tensor_parallel, memory_plan
from optfleet.physics.roofline import computed_profile
from optfleet.scenario import GPUSpec, ModelSpec, ServingConfig
from optfleet.scenario.catalog import get_model, resolve_gpu, resolve_model
from optfleet.scenario.config_search import SEARCH_DTYPES, ConfigSearch
from optfleet.scenario.limits import check

__all__ = [
    "MIN_SEQUENCE_TOKENS",
    "PRUNE_REASONS",
    "REASON_EQUIVALENT",
    "REASON_IDENTICAL",
    "REASON_KV",
    "REASON_NO_FP8",
    "REASON_OVER_CAP",
    "REASON_TP_HEADS",
    "REASON_TP_NODE",
    "REASON_WEIGHTS",
    "ConfigCandidates",
    "config_label",
    "enumerate_configs",
    "hf_model_id",
    "resolve_max_model_len",
    "vllm_command",
    "vllm_flags",
]

REASON_TP_NODE = "tp exceeds gpus_per_node"
REASON_TP_HEADS = "tp does not split the heads"
REASON_NO_FP8 = "fp8 not supported by the gpu"
REASON_WEIGHTS = "weights + reserve do not fit"
REASON_KV = "kv does not hold max_model_len"
REASON_EQUIVALENT = "equivalent"
REASON_IDENTICAL = "identical profile"
REASON_OVER_CAP = "over max_candidates_per_gpu"
#: Every reason a point of the cross product is dropped for, in the order they are checked.
PRUNE_REASONS: tuple[str, ...] = (
    REASON_TP_NODE, REASON_TP_HEADS, REASON_NO_FP8, REASON_WEIGHTS, REASON_KV,
    REASON_EQUIVALENT, REASON_IDENTICAL, REASON_OVER_CAP,
)  # fmt: skip
#: The least KV a running sequence holds, tokens: one prompt token and the first output token
#: (the simulator's paged admission; vLLM allocates a whole 16-token block, more).  No engine can
#: run more than ``kv_capacity_tokens // MIN_SEQUENCE_TOKENS`` sequences at once.
MIN_SEQUENCE_TOKENS = 2


def config_label(config: ServingConfig) -> str:
    """A short stable label of a configuration: ``tp2 fp8 seqs128 chunk2048``.

    The precision is the weights' dtype, with ``+kv-<dtype>`` when the KV cache differs.

    Examples
    --------
    >>> config_label(ServingConfig(tensor_parallel_size=4, dtype="fp8", max_num_seqs=128))
    'tp4 fp8 seqs128 chunk2048'
    >>> config_label(ServingConfig(kv_cache_dtype="fp8"))
    'tp1 bf16+kv-fp8 seqs256 chunk2048'
    """
    precision = config.dtype
    if config.kv_dtype != config.dtype:
        precision = f"{config.dtype}+kv-{config.kv_dtype}"
    return (
        f"tp{config.tensor_parallel_size} {precision} seqs{config.max_num_seqs} "
        f"chunk{config.chunked_prefill_tokens}"
    )


@dataclass(frozen=True)
class ConfigCandidates:
    """The configurations one GPU type offers a pool, and how many of the rest were pruned, why.

    Attributes
    ----------
    gpu, model
        GPU type and model names.
    kept
        The candidates, in the canonical order (tp, bf16 before fp8, ``max_num_seqs``, chunk).
        Each is the base configuration with ``tensor_parallel_size``, ``dtype``,
        ``kv_cache_dtype``, ``max_num_seqs``, ``chunked_prefill_tokens`` and ``max_model_len``
        set.
    pruned
        Points dropped, by reason (every key of :data:`PRUNE_REASONS`, 0 when none); read-only.
    max_model_len_tokens
        The context every kept candidate's KV cache holds, tokens.
    considered
        Points of the cross product: ``len(kept) + sum(pruned.values())``.
    """

    gpu: str
    kept: tuple[ServingConfig, ...]
    pruned: Mapping[str, int]
    model: str
    max_model_len_tokens: int
    considered: int

    def label(self, config: ServingConfig) -> str:
        """:func:`config_label` of ``config`` (``tp2 fp8 seqs128 chunk2048``)."""
        return config_label(config)

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels of ``kept``, in order."""
        return tuple(config_label(c) for c in self.kept)

    def to_dict(self) -> dict[str, object]:
        """A JSON-serialisable view (configurations as their JSON dumps)."""
        return {
            "gpu": self.gpu,
            "model": self.model,
            "max_model_len_tokens": self.max_model_len_tokens,
            "considered": self.considered,
            "kept": [c.model_dump(mode="json") for c in self.kept],
            "labels": list(self.labels),
            "pruned": dict(self.pruned),
        }


class _Fit(NamedTuple):
    config: ServingConfig
    plan: MemoryPlan


def resolve_max_model_len(
    model: ModelSpec, base: ServingConfig, max_model_len_tokens: int | None = None
) -> int:
    """The context candidates must hold: the argument, else ``base.max_model_len``, else the
    model's ``max_position_embeddings``.

    Raises
    ------
    InputError
        None of the three is given, the value is not a whole number of tokens, or it exceeds the
        model's ``max_position_embeddings``.

    Examples
    --------
    >>> from optfleet.scenario.catalog import get_model
    >>> m = get_model("qwen3-32b")
    >>> resolve_max_model_len(m, ServingConfig()), resolve_max_model_len(m, ServingConfig(), 8192)
    (40960, 8192)
    """
    if max_model_len_tokens is not None:
        length = check("tokens", "max_model_len_tokens", max_model_len_tokens)
    elif base.max_model_len is not None:
        length = int(base.max_model_len)
    elif model.max_position_embeddings is not None:
        length = int(model.max_position_embeddings)
    else:
        raise InputError(
            f"model {model.name} does not state max_position_embeddings: give "
            "max_model_len_tokens or serving.max_model_len"
        )
    mpe = model.max_position_embeddings
    if mpe is not None and length > mpe:
        raise InputError(
            f"max_model_len {length} exceeds {model.name}'s max_position_embeddings {mpe}"
        )
    return length


def _tp_reason(gpu: GPUSpec, model: ModelSpec, tp: int) -> str | None:
    if tp > gpu.gpus_per_node:
        return REASON_TP_NODE
    try:
        check_tensor_parallel(gpu, model, tp)
    except InputError:
        return REASON_TP_HEADS
    return None


def _memory_outcome(
    gpu: GPUSpec, model: ModelSpec, config: ServingConfig, max_len: int
) -> MemoryPlan | str:
    """Rules 4 and 5 on the project's memory physics: the memory plan, or the reason it fails."""
    try:
        plan = memory_plan(gpu, model, config)
    except ModelDoesNotFitError:
        return REASON_WEIGHTS
    return REASON_KV if plan.kv_capacity_tokens < max_len else plan


def _collapse_equivalent(fits: list[_Fit], pruned: dict[str, int]) -> list[_Fit]:
    """Rule 6: keep one KV-limited ``max_num_seqs`` per (tp, precision, chunk), the smallest."""
    out: list[_Fit] = []
    limited: set[tuple[int, str, int]] = set()
    for fit in fits:  # canonical order: max_num_seqs ascending within a (tp, dtype, chunk)
        c = fit.config
        if c.max_num_seqs >= fit.plan.kv_capacity_tokens // MIN_SEQUENCE_TOKENS:
            key = (c.tensor_parallel_size, c.dtype, c.chunked_prefill_tokens)
            if key in limited:
                pruned[REASON_EQUIVALENT] += 1
                continue
            limited.add(key)
        out.append(fit)
    return out


def _drop_identical(
    gpu: GPUSpec, model: ModelSpec, fits: list[_Fit], pruned: dict[str, int]
) -> list[_Fit]:
    """Rule 7: drop a point whose replica profile equals an earlier one's (same tp and dtype)."""
    seen: set[object] = set()
    out: list[_Fit] = []
    for fit in fits:
        profile = computed_profile(gpu, model, fit.config)
        if profile in seen:
            pruned[REASON_IDENTICAL] += 1
            continue
        seen.add(profile)
        out.append(fit)
    return out


def _order_key(config: ServingConfig) -> tuple[int, int, int, int]:
    return (
        config.tensor_parallel_size,
        SEARCH_DTYPES.index(config.dtype),
        config.max_num_seqs,
        config.chunked_prefill_tokens,
    )


def _cap(fits: list[_Fit], cap: int, pruned: dict[str, int]) -> list[_Fit]:
    """Rule 8: at most ``cap``, taken round-robin over the (tp, dtype) groups."""
    if len(fits) <= cap:
        return fits
    groups: dict[tuple[int, str], list[_Fit]] = {}
    for fit in fits:
        groups.setdefault((fit.config.tensor_parallel_size, fit.config.dtype), []).append(fit)
    chosen: list[_Fit] = []
    for rank in range(max(len(g) for g in groups.values())):
        chosen.extend(g[rank] for g in groups.values() if rank < len(g))
    pruned[REASON_OVER_CAP] += len(fits) - cap
    return sorted(chosen[:cap], key=lambda f: _order_key(f.config))


def enumerate_configs(
    gpu: GPUSpec | str,
    model: ModelSpec | str,
    base: ServingConfig = ServingConfig(),
    search: ConfigSearch = ConfigSearch(),
    *,
    max_model_len_tokens: int | None = None,
) -> ConfigCandidates:
    """The candidate serving configurations of ``model`` on ``gpu`` (see the module docstring).

    Parameters
    ----------
    gpu, model
        The GPU type and the model (specs, or catalog names).
    base
        The configuration every candidate copies (``gpu_memory_utilization``, ``efficiency``,
        ``kv_policy``, ...); its searched fields are replaced.
    search
        The values tried (:class:`ConfigSearch`).
    max_model_len_tokens
        The context a candidate's KV cache must hold (:func:`resolve_max_model_len`).

    Raises
    ------
    InputError
        A bad argument, an unknown name (:class:`~optfleet.errors.UnknownNameError`) or a
        ``max_model_len`` beyond the model's.  No candidate fitting is not an error: ``kept`` is
        empty and ``pruned`` says why.

    Examples
    --------
    >>> c = enumerate_configs("A100", "llama-3.1-8b", search=ConfigSearch(max_num_seqs=(128,)))
    >>> c.labels[:2], c.pruned["fp8 not supported by the gpu"], c.considered
    (('tp1 bf16 seqs128 chunk2048', 'tp1 bf16 seqs128 chunk8192'), 8, 16)
    """
    if not isinstance(base, ServingConfig):
        raise InputError(f"base must be a ServingConfig, got {type(base).__name__}")
    if not isinstance(search, ConfigSearch):
        raise InputError(f"search must be a ConfigSearch, got {type(search).__name__}")
    gpu, model = resolve_gpu(gpu), resolve_model(model)
    max_len = resolve_max_model_len(model, base, max_model_len_tokens)
    pruned = dict.fromkeys(PRUNE_REASONS, 0)
    dtypes = [d for d in SEARCH_DTYPES if d in search.dtypes]
    fits: list[_Fit] = []
    for tp, dtype, seqs, chunk in itertools.product(
        search.tensor_parallel_candidates,
        dtypes,
        sorted(search.max_num_seqs),
        sorted(search.chunked_prefill_tokens),
    ):
        config = base.model_copy(
            update={
                "tensor_parallel_size": tp,
                "dtype": dtype,
                "kv_cache_dtype": dtype,
                "max_num_seqs": seqs,
                "chunked_prefill_tokens": chunk,
                "max_model_len": max_len,
            }
        )
        reason = _tp_reason(gpu, model, tp)
        if reason is None and dtype == "fp8" and gpu.fp8_flop_per_s is None:
            reason = REASON_NO_FP8
        outcome = reason or _memory_outcome(gpu, model, config, max_len)
        if isinstance(outcome, str):
            pruned[outcome] += 1
            continue
        fits.append(_Fit(config, outcome))
    fits = _collapse_equivalent(fits, pruned)
    fits = _drop_identical(gpu, model, fits, pruned)
    fits = _cap(fits, search.max_candidates_per_gpu, pruned)
    return ConfigCandidates(
        gpu=gpu.name,
        kept=tuple(f.config for f in fits),
        pruned=MappingProxyType(pruned),
        model=model.name,
        max_model_len_tokens=max_len,
        considered=search.cross_product_size,
    )


def _flag_max_len(config: ServingConfig, max_model_len_tokens: int | None) -> int:
    if max_model_len_tokens is None:
        if config.max_model_len is None:
            raise InputError(
                "vllm_flags needs max_model_len_tokens (the configuration sets no max_model_len)"
            )
        return int(config.max_model_len)
    length = check("tokens", "max_model_len_tokens", max_model_len_tokens)
    if config.max_model_len is not None and config.max_model_len != length:
        raise InputError(
            f"max_model_len_tokens {length} contradicts the configuration's max_model_len "
            f"{config.max_model_len}"
        )
    return int(length)


def vllm_flags(
    config: ServingConfig,
    *,
    max_model_len_tokens: int | None = None,
    prefix_caching: bool = False,
) -> tuple[str, ...]:
    """The ``vllm serve`` arguments of ``config``, one token each (an argv, not a string).

    ``--tensor-parallel-size``, ``--max-num-seqs``, ``--max-num-batched-tokens`` (the
    chunked-prefill size), ``--quantization fp8`` when the weights are fp8 (vLLM's flag for
    online fp8 weight quantization of a bf16/fp16 checkpoint), ``--kv-cache-dtype`` (``fp8``, or
    ``auto``: the checkpoint's dtype, bf16), ``--gpu-memory-utilization``, ``--max-model-len``,
    and ``--enable-prefix-caching`` when ``prefix_caching``.  Flag names:
    https://docs.vllm.ai/en/latest/models/engine_args.html.

    Parameters
    ----------
    config
        The serving configuration; weights and KV cache in bf16 or fp8.
    max_model_len_tokens
        The context limit (``--max-model-len``); may be left out when ``config.max_model_len``
        is set, and must agree with it otherwise.
    prefix_caching
        Add ``--enable-prefix-caching``.

    Raises
    ------
    InputError
        Another dtype, no context limit, or a limit contradicting the configuration's.

    Examples
    --------
    >>> c = ServingConfig(tensor_parallel_size=4, dtype="fp8", max_num_seqs=128)
    >>> " ".join(vllm_flags(c, max_model_len_tokens=8192))  # doctest: +NORMALIZE_WHITESPACE
    '--tensor-parallel-size 4 --max-num-seqs 128 --max-num-batched-tokens 2048
    --quantization fp8 --kv-cache-dtype fp8 --gpu-memory-utilization 0.9 --max-model-len 8192'
    """
    if not isinstance(config, ServingConfig):
        raise InputError(f"config must be a ServingConfig, got {type(config).__name__}")
    if not isinstance(prefix_caching, bool):
        raise InputError(f"prefix_caching must be true or false, got {prefix_caching!r}")
    for what, dtype in (("dtype", config.dtype), ("KV-cache dtype", config.kv_dtype)):
        if dtype not in SEARCH_DTYPES:
            raise InputError(f"vllm_flags renders bf16 or fp8 only; the {what} is {dtype!r}")
    length = _flag_max_len(config, max_model_len_tokens)
    flags = [
        "--tensor-parallel-size", str(config.tensor_parallel_size),
        "--max-num-seqs", str(config.max_num_seqs),
        "--max-num-batched-tokens", str(config.chunked_prefill_tokens),
    ]  # fmt: skip
    if config.dtype == "fp8":
        flags += ["--quantization", "fp8"]
    flags += [
        "--kv-cache-dtype", "fp8" if config.kv_dtype == "fp8" else "auto",
        "--gpu-memory-utilization", repr(float(config.gpu_memory_utilization)),
        "--max-model-len", str(length),
    ]  # fmt: skip
    if prefix_caching:
        flags.append("--enable-prefix-caching")
    return tuple(flags)


def hf_model_id(model: ModelSpec | str) -> str:
    """The Hugging Face repo id of ``model``: its first alias of the form ``org/name``, else its
    name (:class:`ModelSpec` has no dedicated field for it).

    Examples
    --------
    >>> hf_model_id("llama-3.1-70b")
    'meta-llama/Llama-3.1-70B'
    """
    spec = resolve_model(model)
    for alias in spec.aliases:
        if alias.count("/") == 1 and not alias.startswith("/"):
            return alias
    return spec.name


def vllm_command(model_hf_id_or_name: ModelSpec | str, flags: tuple[str, ...]) -> str:
    """``vllm serve <model> <flags...>``, shell-quoted.

    A :class:`ModelSpec` or a catalog name is served by its Hugging Face id
    (:func:`hf_model_id`); any other text (a repo id, a local path) is used as given.

    Examples
    --------
    >>> vllm_command("llama-3.1-8b", ("--tensor-parallel-size", "1"))
    'vllm serve meta-llama/Llama-3.1-8B --tensor-parallel-size 1'
    """
    given = model_hf_id_or_name
    if isinstance(given, ModelSpec):
        name = hf_model_id(given)
    elif isinstance(given, str) and given.strip():
        name = given
        if "/" not in given:  # a catalog name: its repo id; an unknown one as given
            try:
                name = hf_model_id(get_model(given))
            except UnknownNameError:
                pass
    else:
        raise InputError(f"model must be a name or a ModelSpec, got {given!r}")
    if isinstance(flags, str) or not all(isinstance(f, str) for f in flags):
        raise InputError("flags must be a sequence of strings (vllm_flags' result)")
    return shlex.join(["vllm", "serve", name, *flags])
