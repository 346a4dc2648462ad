"""Tests of the serving-configuration search (issue #14): ConfigSearch, enumerate_configs' fit
checks and pruning counts, and the vLLM flags a configuration renders as.

The checks recompute fits with the project's memory physics (``memory_plan``, ``weights_bytes``,
``workspace_bytes``) over the full cross product, independently of the enumeration's code path.
"""

from __future__ import annotations

import itertools
import json

import pytest
from pydantic import ValidationError

from optfleet.errors import InputError, ModelDoesNotFitError, UnknownNameError
from optfleet.physics import (
    computed_profile,
    kv_bytes_per_token_per_gpu,
    memory_plan,
    weights_bytes,
    workspace_bytes,
)
from optfleet.physics.configs import (
    MIN_SEQUENCE_TOKENS,
    PRUNE_REASONS,
    REASON_EQUIVALENT,
    REASON_IDENTICAL,
    REASON_KV,
    REASON_NO_FP8,
    REASON_OVER_CAP,
    REASON_TP_HEADS,
    REASON_TP_NODE,
    REASON_WEIGHTS,
    ConfigCandidates,
    config_label,
    enumerate_configs,
    hf_model_id,
    vllm_command,
    vllm_flags,
)
from optfleet.scenario import ModelSpec, ServingConfig
from optfleet.scenario.catalog import get_gpu, get_model, list_gpus, list_models
from optfleet.scenario.config_search import ConfigSearch

FP8_GPUS = ("H100", "H200", "B200")
NO_FP8_GPUS = [g.name for g in list_gpus() if g.fp8_flop_per_s is None]


def _point(base: ServingConfig, tp: int, dtype: str, seqs: int, chunk: int, max_len: int):
    return base.model_copy(
        update={
            "tensor_parallel_size": tp,
            "dtype": dtype,
            "kv_cache_dtype": dtype,
            "max_num_seqs": seqs,
            "chunked_prefill_tokens": chunk,
            "max_model_len": max_len,
        }
    )


def _cross_product(search: ConfigSearch, base: ServingConfig, max_len: int):
    for tp, dtype, seqs, chunk in itertools.product(
        search.tensor_parallel_candidates,
        search.dtypes,
        search.max_num_seqs,
        search.chunked_prefill_tokens,
    ):
        yield _point(base, tp, dtype, seqs, chunk, max_len)


def _fits(gpu, model, config) -> bool:
    """Weights / tp + workspace within gpu_memory_utilization x memory (no enumeration code)."""
    tp = config.tensor_parallel_size
    usable = config.gpu_memory_utilization * gpu.memory_bytes
    return weights_bytes(model, config.dtype) / tp + workspace_bytes(model, config) < usable


# ------------------------------------------------------------------ (a) fp8 support


def test_catalog_has_gpus_without_fp8() -> None:
    assert {"A10G", "A100-80GB"} <= set(NO_FP8_GPUS)


@pytest.mark.parametrize("gpu_name", NO_FP8_GPUS)
def test_fp8_never_offered_without_fp8_support(gpu_name: str) -> None:
    gpu = get_gpu(gpu_name)
    c = enumerate_configs(gpu, get_model("llama-3.1-8b"))
    assert c.kept, "the 8B model fits on every catalog GPU in bf16"
    assert all(k.dtype == "bf16" and k.kv_dtype == "bf16" for k in c.kept)
    # every fp8 point whose tp is valid (all of 1, 2, 4, 8 for Llama-3.1-8B) is counted
    assert c.pruned[REASON_NO_FP8] == 4 * 3 * 2


@pytest.mark.parametrize("gpu_name", FP8_GPUS)
def test_fp8_offered_with_fp8_support(gpu_name: str) -> None:
    c = enumerate_configs(get_gpu(gpu_name), get_model("llama-3.1-70b"))
    fp8 = [k for k in c.kept if k.dtype == "fp8"]
    assert fp8 and all(k.kv_dtype == "fp8" for k in fp8)
    assert c.pruned[REASON_NO_FP8] == 0


def test_fp8_follows_the_gpu_spec_not_its_name() -> None:
    h100 = get_gpu("H100")
    no_fp8 = h100.model_copy(update={"fp8_flop_per_s": None})
    search = ConfigSearch(tensor_parallel_sizes=(4,), max_num_seqs=(128,))
    assert {k.dtype for k in enumerate_configs(h100, "llama-3.1-70b", search=search).kept} == {
        "bf16",
        "fp8",
    }
    c = enumerate_configs(no_fp8, "llama-3.1-70b", search=search)
    assert {k.dtype for k in c.kept} == {"bf16"} and c.pruned[REASON_NO_FP8] == 2


# ------------------------------------------------------------------ (b) KV holds max_model_len


@pytest.mark.parametrize(
    ("gpu_name", "model_name", "max_len"),
    [
        ("H100", "llama-3.1-70b", None),
        ("H100", "llama-3.1-70b", 8192),
        ("L4", "llama-3.1-8b", None),
        ("A10G", "qwen3-30b-a3b", None),
        ("B200", "deepseek-v3", None),
    ],
)
def test_kept_kv_holds_max_model_len_and_the_rest_is_counted(
    gpu_name: str, model_name: str, max_len: int | None
) -> None:
    gpu, model = get_gpu(gpu_name), get_model(model_name)
    search = ConfigSearch(max_candidates_per_gpu=1024)
    c = enumerate_configs(gpu, model, search=search, max_model_len_tokens=max_len)
    length = max_len or model.max_position_embeddings
    assert c.max_model_len_tokens == length
    for k in c.kept:
        assert k.max_model_len == length
        assert memory_plan(gpu, model, k).kv_capacity_tokens >= length
        assert computed_profile(gpu, model, k).max_model_len == length
    short = 0
    for point in _cross_product(search, ServingConfig(), length):
        if point.dtype == "fp8" and gpu.fp8_flop_per_s is None:
            continue
        try:
            plan = memory_plan(gpu, model, point)
        except ModelDoesNotFitError:
            continue
        short += plan.kv_capacity_tokens < length
    assert c.pruned[REASON_KV] == short


def test_kv_rule_on_llama_70b_h100() -> None:
    """tp1 fp8 and tp2 bf16 fit their weights on an 80 GB H100 but cache < 131 072 tokens."""
    gpu, model = get_gpu("H100"), get_model("llama-3.1-70b")
    full = enumerate_configs(gpu, model)
    assert full.pruned[REASON_KV] == 12
    assert not any(
        (k.tensor_parallel_size, k.dtype) in {(1, "fp8"), (2, "bf16")} for k in full.kept
    )
    short = enumerate_configs(gpu, model, max_model_len_tokens=8192)
    assert short.pruned[REASON_KV] < full.pruned[REASON_KV]
    assert any((k.tensor_parallel_size, k.dtype) == (1, "fp8") for k in short.kept)


# ------------------------------------------------------------------ (c) tp and weights


@pytest.mark.parametrize("model", list_models(), ids=lambda m: m.name)
@pytest.mark.parametrize("gpu_name", ["A100", "H100", "H200", "MI300X"])
def test_kept_tp_splits_the_heads_and_weights_fit(gpu_name: str, model: ModelSpec) -> None:
    gpu = get_gpu(gpu_name)
    search = ConfigSearch(max_candidates_per_gpu=1024)
    c = enumerate_configs(gpu, model, search=search)
    for k in c.kept:
        tp = k.tensor_parallel_size
        assert tp <= gpu.gpus_per_node
        assert model.num_attention_heads % tp == 0
        assert model.num_kv_heads % tp == 0 or tp % model.num_kv_heads == 0
        assert _fits(gpu, model, k)
    length = c.max_model_len_tokens
    no_fit = sum(
        not _fits(gpu, model, p)
        for p in _cross_product(search, ServingConfig(), length)
        if not (p.dtype == "fp8" and gpu.fp8_flop_per_s is None)
    )
    assert c.pruned[REASON_WEIGHTS] == no_fit


@pytest.mark.parametrize("gpu_name", ["H100", "A100"])
def test_llama_70b_on_an_80_gb_gpu(gpu_name: str) -> None:
    gpu, model = get_gpu(gpu_name), get_model("llama-3.1-70b")
    assert weights_bytes(model, "bf16") > gpu.memory_bytes  # tp 1 bf16 can never fit
    c = enumerate_configs(gpu, model)
    assert not any(k.tensor_parallel_size == 1 and k.dtype == "bf16" for k in c.kept)
    assert c.pruned[REASON_WEIGHTS] == 3 * 2  # the six tp1 bf16 points (seqs x chunk)
    tp2_fp8 = _point(ServingConfig(), 2, "fp8", 128, 2048, 131072)
    physics_says = _fits(gpu, model, tp2_fp8) and (
        memory_plan(gpu, model, tp2_fp8).kv_capacity_tokens >= 131072
    ) and gpu.fp8_flop_per_s is not None
    offered = any(config_label(k) == "tp2 fp8 seqs128 chunk2048" for k in c.kept)
    assert offered == physics_says
    assert offered == (gpu_name == "H100")


def test_tp_rules_count_node_and_heads() -> None:
    base = get_model("llama-3.1-8b").model_dump()
    toy = ModelSpec(**{**base, "name": "toy-12-heads", "num_attention_heads": 12,
                       "num_kv_heads": 4, "aliases": ()})  # fmt: skip
    small_node = get_gpu("H100").model_copy(update={"gpus_per_node": 4})
    search = ConfigSearch(max_num_seqs=(64,), chunked_prefill_tokens=(2048,))
    c = enumerate_configs(small_node, toy, search=search)
    assert c.pruned[REASON_TP_NODE] == 2  # tp 8, bf16 and fp8
    assert enumerate_configs(get_gpu("H100"), toy, search=search).pruned[REASON_TP_HEADS] == 2
    assert {k.tensor_parallel_size for k in c.kept} == {1, 2, 4}


# ------------------------------------------------------------------ (d) nothing uncounted


@pytest.mark.parametrize(
    ("gpu_name", "model_name", "cap"),
    [
        ("H100", "llama-3.1-8b", 32),
        ("H100", "llama-3.1-8b", 5),
        ("A10G", "llama-3.1-70b", 32),
        ("L40S", "qwen3-30b-a3b", 1),
        ("H200", "deepseek-v3", 32),
    ],
)
def test_kept_plus_pruned_is_the_cross_product(gpu_name: str, model_name: str, cap: int) -> None:
    search = ConfigSearch(max_candidates_per_gpu=cap)
    c = enumerate_configs(gpu_name, model_name, search=search)
    assert tuple(c.pruned) == PRUNE_REASONS
    assert c.considered == 4 * 2 * 3 * 2
    assert len(c.kept) + sum(c.pruned.values()) == c.considered
    assert len(c.kept) <= cap
    assert len(set(c.kept)) == len(c.kept)


def test_cap_counts_the_rest_and_keeps_every_group() -> None:
    uncapped = enumerate_configs("H100", "llama-3.1-8b", search=ConfigSearch(
        max_candidates_per_gpu=1024))  # fmt: skip
    assert len(uncapped.kept) == 48 and uncapped.pruned[REASON_OVER_CAP] == 0
    c = enumerate_configs("H100", "llama-3.1-8b", search=ConfigSearch(max_candidates_per_gpu=8))
    assert len(c.kept) == 8 and c.pruned[REASON_OVER_CAP] == 40
    groups = {(k.tensor_parallel_size, k.dtype) for k in c.kept}
    assert len(groups) == 8  # round-robin: one of each (tp, dtype) before a second of any
    assert set(c.kept) <= set(uncapped.kept)


def _toy_model() -> ModelSpec:
    return ModelSpec(
        name="toy", num_layers=2, hidden_size=64, num_attention_heads=4, num_kv_heads=1,
        head_dim=16, intermediate_size=128, vocab_size=8, max_position_embeddings=64,
    )  # fmt: skip


def test_kv_limited_max_num_seqs_collapse_to_one() -> None:
    """A GPU whose KV budget holds ~40-90 tokens: max_num_seqs 64/128/256 all exceed
    capacity // MIN_SEQUENCE_TOKENS, so only 64 (the most KV) is kept; 8 stays."""
    model = _toy_model()
    base = ServingConfig()
    seqs256 = _point(base, 1, "bf16", 256, 16, 16)
    need = weights_bytes(model, "bf16") + workspace_bytes(model, seqs256)
    need += 40.5 * kv_bytes_per_token_per_gpu(model, "bf16", 1)
    gpu = get_gpu("H100").model_copy(update={"memory_bytes": need / base.gpu_memory_utilization})
    search = ConfigSearch(
        tensor_parallel_sizes=(1,), dtypes=("bf16",), max_num_seqs=(256, 8, 128, 64),
        chunked_prefill_tokens=(16,),
    )  # fmt: skip
    c = enumerate_configs(gpu, model, base, search, max_model_len_tokens=16)
    for seqs in (64, 128, 256):  # independently: each is KV-limited
        plan = memory_plan(gpu, model, _point(base, 1, "bf16", seqs, 16, 16))
        assert 16 <= plan.kv_capacity_tokens and seqs >= (
            plan.kv_capacity_tokens // MIN_SEQUENCE_TOKENS
        )
    assert [k.max_num_seqs for k in c.kept] == [8, 64]
    assert c.pruned[REASON_EQUIVALENT] == 2
    assert len(c.kept) + sum(c.pruned.values()) == c.considered == 4


def test_kept_profiles_are_distinct() -> None:
    gpu, model = get_gpu("H200"), get_model("llama-3.1-70b")
    c = enumerate_configs(gpu, model, search=ConfigSearch(max_candidates_per_gpu=1024))
    profiles = [computed_profile(gpu, model, k) for k in c.kept]
    assert len(set(profiles)) == len(profiles) == len(c.kept)
    assert c.pruned[REASON_IDENTICAL] == 0


# ------------------------------------------------------------------ (e) determinism


def test_same_input_same_output_in_canonical_order() -> None:
    a = enumerate_configs("H100", "llama-3.1-70b")
    b = enumerate_configs(get_gpu("H100"), get_model("llama-3.1-70b"))
    assert a == b and a.labels == b.labels
    shuffled = ConfigSearch(
        tensor_parallel_sizes=(8, 2, 1, 4), max_num_seqs=(256, 64, 128),
        chunked_prefill_tokens=(8192, 2048), dtypes=("fp8", "bf16"),
    )  # fmt: skip
    c = enumerate_configs("H100", "llama-3.1-70b", search=shuffled)
    assert c.kept == a.kept and dict(c.pruned) == dict(a.pruned)
    keys = [(k.tensor_parallel_size, k.dtype != "bf16", k.max_num_seqs,
             k.chunked_prefill_tokens) for k in a.kept]  # fmt: skip
    assert keys == sorted(keys)


def test_candidates_keep_the_base_and_are_immutable() -> None:
    base = ServingConfig(gpu_memory_utilization=0.85, kv_policy="reserve",
                         efficiency={"iteration_overhead_s": 0.002})  # fmt: skip
    c = enumerate_configs("H200", "llama-3.1-8b", base)
    assert c.kept
    for k in c.kept:
        assert k.gpu_memory_utilization == 0.85 and k.kv_policy == "reserve"
        assert k.efficiency == base.efficiency
    assert isinstance(c, ConfigCandidates)
    with pytest.raises(TypeError):
        c.pruned[REASON_KV] = 0  # type: ignore[index]
    data = json.loads(json.dumps(c.to_dict()))
    assert data["labels"] == list(c.labels) and sum(data["pruned"].values()) + len(
        data["kept"]
    ) == c.considered


def test_bad_input_raises_input_errors() -> None:
    with pytest.raises(UnknownNameError):
        enumerate_configs("V100", "llama-3.1-8b")
    with pytest.raises(InputError, match="max_position_embeddings"):
        enumerate_configs("H100", "llama-3.1-8b", max_model_len_tokens=200_000)
    with pytest.raises(InputError, match="max_model_len_tokens"):
        enumerate_configs("H100", "llama-3.1-8b", max_model_len_tokens=0)
    with pytest.raises(InputError, match="max_position_embeddings"):
        enumerate_configs("H100", _toy_model().model_copy(update={"max_position_embeddings": None}))
    with pytest.raises(InputError, match="ConfigSearch"):
        enumerate_configs("H100", "llama-3.1-8b", search={"max_num_seqs": [64]})  # type: ignore


# ------------------------------------------------------------------ (f) vLLM flags


def test_vllm_flags_fp8_tp4_and_command() -> None:
    c = enumerate_configs("H100", "llama-3.1-70b")
    config = next(k for k in c.kept if config_label(k) == "tp4 fp8 seqs128 chunk2048")
    flags = vllm_flags(config, max_model_len_tokens=c.max_model_len_tokens, prefix_caching=True)
    assert flags == (
        "--tensor-parallel-size", "4",
        "--max-num-seqs", "128",
        "--max-num-batched-tokens", "2048",
        "--quantization", "fp8",
        "--kv-cache-dtype", "fp8",
        "--gpu-memory-utilization", "0.9",
        "--max-model-len", "131072",
        "--enable-prefix-caching",
    )  # fmt: skip
    assert vllm_flags(config) == flags[:-1]  # max_model_len from the candidate, no caching
    cmd = vllm_command(get_model("llama-3.1-70b"), flags)
    assert cmd == "vllm serve meta-llama/Llama-3.1-70B " + " ".join(flags)
    assert vllm_command("llama-3.1-70b", flags) == cmd
    assert vllm_command("meta-llama/Llama-3.3-70B-Instruct", ()) == (
        "vllm serve meta-llama/Llama-3.3-70B-Instruct"
    )
    assert hf_model_id(get_model("deepseek-v3")) == "deepseek-ai/DeepSeek-V3"


def test_vllm_flags_bf16_and_errors() -> None:
    config = ServingConfig(tensor_parallel_size=2, gpu_memory_utilization=0.92, max_num_seqs=64,
                           chunked_prefill_tokens=8192)  # fmt: skip
    flags = vllm_flags(config, max_model_len_tokens=32768)
    assert "--quantization" not in flags
    assert flags[flags.index("--kv-cache-dtype") + 1] == "auto"
    assert flags[flags.index("--gpu-memory-utilization") + 1] == "0.92"
    assert flags[flags.index("--max-num-batched-tokens") + 1] == "8192"
    mixed = vllm_flags(config.model_copy(update={"dtype": "fp8", "kv_cache_dtype": "bf16"}),
                       max_model_len_tokens=4096)  # fmt: skip
    assert mixed[mixed.index("--kv-cache-dtype") + 1] == "auto" and "--quantization" in mixed
    with pytest.raises(InputError, match="max_model_len_tokens"):
        vllm_flags(config)
    with pytest.raises(InputError, match="contradicts"):
        vllm_flags(config.model_copy(update={"max_model_len": 8192}), max_model_len_tokens=4096)
    with pytest.raises(InputError, match="bf16 or fp8"):
        vllm_flags(ServingConfig(dtype="int4"), max_model_len_tokens=4096)
    with pytest.raises(InputError, match="prefix_caching"):
        vllm_flags(config, max_model_len_tokens=4096, prefix_caching="yes")  # type: ignore
    with pytest.raises(InputError, match="flags"):
        vllm_command("llama-3.1-8b", "--max-num-seqs 8")  # type: ignore[arg-type]


# ------------------------------------------------------------------ (g) ConfigSearch


def test_config_search_defaults() -> None:
    s = ConfigSearch()
    assert s.tensor_parallel_sizes == "auto" and s.tensor_parallel_candidates == (1, 2, 4, 8)
    assert s.max_num_seqs == (64, 128, 256) and s.chunked_prefill_tokens == (2048, 8192)
    assert s.dtypes == ("bf16", "fp8") and s.max_candidates_per_gpu == 32
    assert s.cross_product_size == 48
    assert ConfigSearch.model_validate({"max_num_seqs": [32, 16]}).max_num_seqs == (32, 16)
    with pytest.raises(ValidationError):
        s.max_num_seqs = (1,)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_num_seqs": ()}, "max_num_seqs must list at least one value"),
        ({"chunked_prefill_tokens": ()}, "chunked_prefill_tokens must list at least one value"),
        ({"tensor_parallel_sizes": ()}, "tensor_parallel_sizes must list at least one value"),
        ({"dtypes": ()}, "dtypes must list at least one value"),
        ({"max_num_seqs": (64, 128, 64)}, "max_num_seqs lists 64 more than once"),
        ({"dtypes": ("fp8", "fp8")}, "dtypes lists fp8 more than once"),
        ({"tensor_parallel_sizes": (2, 2)}, "tensor_parallel_sizes lists 2 more than once"),
        ({"max_num_seqs": (0,)}, "greater than 0"),
        ({"max_num_seqs": (-8,)}, "greater than 0"),
        ({"chunked_prefill_tokens": (0,)}, "greater than or equal to 1"),
        ({"tensor_parallel_sizes": (0,)}, "greater than or equal to 1"),
        ({"tensor_parallel_sizes": (3,)}, "powers of two from 1 to 8, got 3"),
        ({"tensor_parallel_sizes": (1, 16)}, "powers of two from 1 to 8, got 16"),
        ({"tensor_parallel_sizes": "all"}, "a list of sizes"),
        ({"tensor_parallel_sizes": 4}, "a list of sizes"),
        ({"dtypes": ("fp16",)}, "'bf16' or 'fp8'"),
        ({"max_num_seqs": (True,)}, "not a boolean"),
        ({"max_num_seqs": tuple(range(1, 66))}, "at most 64"),
        ({"max_candidates_per_gpu": 0}, "greater than 0"),
        ({"max_candidates_per_gpu": 10**6}, "less than or equal to 1024"),
        ({"max_model_len": 4096}, "Extra inputs are not permitted"),
    ],
)
def test_config_search_rejects(kwargs: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ConfigSearch(**kwargs)

