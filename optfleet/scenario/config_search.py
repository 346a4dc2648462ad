"""Which serving configurations the planner may choose from, per pool and GPU type (issue #14).

:class:`ConfigSearch` lists the candidate values of each engine setting that is a decision rather
than an assumption: the tensor-parallel size, ``max_num_seqs``, the chunked-prefill size
(vLLM's ``max_num_batched_tokens``) and the weight + KV-cache precision.  The cross product of the
values is what :func:`optfleet.physics.configs.enumerate_configs` checks, prunes and offers.

Examples
--------
>>> s = ConfigSearch(max_num_seqs=(128, 256), dtypes=("bf16",))
>>> s.tensor_parallel_candidates, s.max_num_seqs, s.cross_product_size
((1, 2, 4, 8), (128, 256), 16)
>>> ConfigSearch(tensor_parallel_sizes=(3,))
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for ConfigSearch
tensor_parallel_sizes
  Value error, tensor_parallel_sizes must be powers of two from 1 to 8, got 3 ...
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from optfleet.scenario.hardware import Frozen, described
from optfleet.scenario.limits import Dimension, PositiveInt, TensorParallel, Tokens

__all__ = [
    "AUTO_TENSOR_PARALLEL_SIZES",
    "MAX_CANDIDATES_PER_GPU",
    "MAX_SEARCH_TENSOR_PARALLEL",
    "MAX_SEARCH_VALUES",
    "SEARCH_DTYPES",
    "ConfigSearch",
    "SearchDType",
    "VARIANT_SEPARATOR",
    "gpu_type",
    "variant_name",
]

#: Largest tensor-parallel size searched: one 8-GPU node.
MAX_SEARCH_TENSOR_PARALLEL = 8
#: The sizes ``tensor_parallel_sizes="auto"`` tries (those that do not fit or divide the model are
#: pruned, and counted, by the enumeration).
AUTO_TENSOR_PARALLEL_SIZES: tuple[int, ...] = (1, 2, 4, 8)
#: Most values one searched setting may list: the enumeration builds a replica profile for every
#: point of the cross product, so its cost grows with the product of the lists' lengths.
MAX_SEARCH_VALUES = 64
#: Most candidates one GPU type may offer the integer program (each is one more option).
MAX_CANDIDATES_PER_GPU = 1024
#: The precisions searched, in the enumeration's order: ``fp8`` is fp8 weights AND fp8 KV cache.
SEARCH_DTYPES: tuple[str, ...] = ("bf16", "fp8")

SearchDType = Literal["bf16", "fp8"]
CandidateCap = Annotated[PositiveInt, Field(le=MAX_CANDIDATES_PER_GPU)]


def _distinct(name: str, values: tuple[Any, ...]) -> tuple[Any, ...]:
    """``values``, unless empty, too long or listing a value twice (ValueError naming ``name``)."""
    if len(values) == 0:
        raise ValueError(f"{name} must list at least one value, got ()")
    if len(values) > MAX_SEARCH_VALUES:
        raise ValueError(f"{name} lists {len(values)} values; at most {MAX_SEARCH_VALUES}")
    dups = sorted({v for v in values if values.count(v) > 1}, key=str)
    if dups:
        raise ValueError(f"{name} lists {', '.join(map(str, dups))} more than once")
    return values


class ConfigSearch(Frozen):
    """The candidate serving configurations of one pool on one GPU type (a cross product).

    Every point of ``tensor_parallel_sizes x dtypes x max_num_seqs x chunked_prefill_tokens`` is
    checked by :func:`optfleet.physics.configs.enumerate_configs`; those that fit and are not
    pruned (each pruned one counted by reason) become options of the integer program, at most
    ``max_candidates_per_gpu`` per GPU type.  Values must be distinct; the order they are listed
    in does not matter (the enumeration sorts them).

    Examples
    --------
    >>> ConfigSearch(tensor_parallel_sizes=(2, 4)).tensor_parallel_candidates
    (2, 4)
    >>> ConfigSearch().cross_product_size
    48
    """

    tensor_parallel_sizes: tuple[TensorParallel, ...] | Literal["auto"] = described(
        "Tensor-parallel sizes to try, GPUs per replica: powers of two up to 8, or auto (1, 2, 4 "
        "and 8; those that do not fit one node or divide the model's heads are pruned).",
        "auto",
    )
    max_num_seqs: tuple[Dimension, ...] = described(
        "Values of max_num_seqs to try, sequences a replica runs at once (requests).",
        (64, 128, 256),
    )
    chunked_prefill_tokens: tuple[Tokens, ...] = described(
        "Chunked-prefill sizes to try (vLLM max_num_batched_tokens), tokens per engine step.",
        (2048, 8192),
    )
    dtypes: tuple[SearchDType, ...] = described(
        "Precisions to try: bf16, or fp8 (fp8 weights and fp8 KV cache; offered only on GPU "
        "types with fp8 support).",
        SEARCH_DTYPES,
    )
    max_candidates_per_gpu: CandidateCap = described(
        f"Most candidate configurations one GPU type offers the plan, count (<= "
        f"{MAX_CANDIDATES_PER_GPU}).",
        32,
    )

    @field_validator("tensor_parallel_sizes", mode="before")
    @classmethod
    def _tp_shape(cls, v: Any) -> Any:
        if (isinstance(v, str) and v != "auto") or isinstance(v, int | float):
            raise ValueError(
                f"tensor_parallel_sizes must be a list of sizes (e.g. [1, 2, 4]) or 'auto', "
                f"got {v!r}"
            )
        return v

    @field_validator("tensor_parallel_sizes")
    @classmethod
    def _tp_sizes(cls, v: tuple[int, ...] | str) -> tuple[int, ...] | str:
        if isinstance(v, str):
            return v
        _distinct("tensor_parallel_sizes", v)
        bad = [t for t in v if t > MAX_SEARCH_TENSOR_PARALLEL or t & (t - 1)]
        if bad:
            raise ValueError(
                f"tensor_parallel_sizes must be powers of two from 1 to "
                f"{MAX_SEARCH_TENSOR_PARALLEL}, got {', '.join(map(str, bad))}"
            )
        return v

    @field_validator("max_num_seqs", "chunked_prefill_tokens", "dtypes")
    @classmethod
    def _lists(cls, v: tuple[Any, ...], info: Any) -> tuple[Any, ...]:
        return _distinct(str(info.field_name), v)

    @property
    def tensor_parallel_candidates(self) -> tuple[int, ...]:
        """The tensor-parallel sizes tried, ascending (``auto``: 1, 2, 4, 8)."""
        if self.tensor_parallel_sizes == "auto":
            return AUTO_TENSOR_PARALLEL_SIZES
        return tuple(sorted(self.tensor_parallel_sizes))

    @property
    def cross_product_size(self) -> int:
        """Points of the cross product: every one is kept or counted under a pruning reason."""
        return (
            len(self.tensor_parallel_candidates)
            * len(self.dtypes)
            * len(self.max_num_seqs)
            * len(self.chunked_prefill_tokens)
        )


#: Separates a GPU type from its serving configuration in the name of a configuration-search
#: option (``H100-SXM@tp2-fp8-s128-c2048``); the catalog resolves the part before it.
VARIANT_SEPARATOR = "@"


def variant_name(gpu: str, config: Any) -> str:
    """The option name of ``gpu`` run with serving ``config`` (a :class:`ServingConfig`).

    Examples
    --------
    >>> from optfleet.scenario.hardware import ServingConfig
    >>> variant_name("H100-SXM", ServingConfig(tensor_parallel_size=2, dtype="fp8"))
    'H100-SXM@tp2-fp8-s256-c2048'
    >>> variant_name("A100-80GB", ServingConfig(kv_cache_dtype="fp8", max_num_seqs=64))
    'A100-80GB@tp1-bf16-kvfp8-s64-c2048'
    """
    precision = config.dtype
    if config.kv_dtype != config.dtype:
        precision = f"{config.dtype}-kv{config.kv_dtype}"
    return (f"{gpu}{VARIANT_SEPARATOR}tp{config.tensor_parallel_size}-{precision}"
            f"-s{config.max_num_seqs}-c{config.chunked_prefill_tokens}")


#: The configuration part of an option name (what :func:`variant_name` writes after the ``@``).
_VARIANT_RE = re.compile(r"tp\d+-(bf16|fp8)(-kv(bf16|fp8))?-s\d+-c\d+")


def gpu_type(name: str) -> str:
    """The GPU type of an option name (the name itself when it carries no configuration, or a
    malformed one: the catalog then reports the whole name as unknown).

    Examples
    --------
    >>> gpu_type("H100-SXM@tp2-fp8-s256-c2048"), gpu_type("A10G"), gpu_type("H100@junk")
    ('H100-SXM', 'A10G', 'H100@junk')
    """
    head, sep, tail = str(name).partition(VARIANT_SEPARATOR)
    return head if sep and _VARIANT_RE.fullmatch(tail) else str(name)
