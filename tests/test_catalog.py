"""Tests of optfleet.scenario.catalog: GPU and model catalogs, aliases, HF config loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optfleet.errors import InputError, UnknownNameError
from optfleet.physics.memory import active_param_count, kv_bytes_per_token, param_count
from optfleet.scenario import GPUSpec, ModelSpec, validate_model
from optfleet.scenario.catalog import (
    get_gpu,
    get_model,
    gpu_names,
    list_gpus,
    list_models,
    load_hf_config,
    model_names,
    resolve_gpu,
    resolve_model,
)

EXPECTED_GPUS = ["A10G", "L4", "L40S", "A100-80GB", "H100-SXM", "H200", "B200", "MI300X"]


def test_every_gpu_present_with_source_and_sane_numbers():
    assert gpu_names() == EXPECTED_GPUS
    assert [g.name for g in list_gpus()] == EXPECTED_GPUS
    for name in EXPECTED_GPUS:
        g = get_gpu(name)
        assert isinstance(g, GPUSpec)
        assert g.source.strip()
        assert 20 * 2**30 <= g.memory_bytes <= 200 * 2**30
        assert g.memory_bytes % 2**20 == 0  # whole MiB, as the driver reports it
        assert "MiB" in g.source  # the memory figure names where it was read
        assert g.bf16_flop_per_s > 1e13 and g.memory_bandwidth_bytes_per_s > 1e11
        assert g.fp8_flop_per_s is None or g.fp8_flop_per_s == pytest.approx(
            2 * g.bf16_flop_per_s, rel=0.02
        )


MIB = 2**20


@pytest.mark.parametrize(
    ("name", "mem", "bw", "flops", "tdp", "price"),
    [
        ("A10G", 23028 * MIB, 600e9, 70e12, 300, 1.01),
        ("L4", 23034 * MIB, 300e9, 121e12, 72, 0.80),
        ("L40S", 46068 * MIB, 864e9, 362e12, 350, 1.86),
        ("A100-80GB", 81920 * MIB, 2.039e12, 312e12, 400, 2.21),
        ("H100-SXM", 81559 * MIB, 3.35e12, 989e12, 700, 4.02),
        ("H200", 143771 * MIB, 4.8e12, 989e12, 700, 3.29),
        ("B200", 183359 * MIB, 8.0e12, 2250e12, 1000, 4.50),
        ("MI300X", 205_822_885_888, 5.3e12, 1307e12, 750, None),
    ],
)
def test_gpu_datasheet_figures(name, mem, bw, flops, tdp, price):
    g = get_gpu(name)
    assert (g.memory_bytes, g.memory_bandwidth_bytes_per_s, g.bf16_flop_per_s, g.tdp_w) == (
        mem,
        bw,
        flops,
        tdp,
    )
    if price is not None:
        assert g.price_usd_per_hour == price


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("A100", "A100-80GB"),
        ("a100", "A100-80GB"),
        ("H100", "H100-SXM"),
        ("h100-80gb", "H100-SXM"),
        ("H200-SXM", "H200"),
        ("l40s", "L40S"),
        ("mi300x", "MI300X"),
    ],
)
def test_gpu_aliases_case_insensitive(alias, canonical):
    assert get_gpu(alias).name == canonical


def test_gpu_price_override_and_errors():
    assert get_gpu("H100", price_usd_per_hour=2.0).price_usd_per_hour == 2.0
    assert get_gpu("H100").price_usd_per_hour == 4.02  # the catalog is not mutated
    with pytest.raises(InputError):
        get_gpu("H100", price_usd_per_hour=float("nan"))
    with pytest.raises(InputError):
        get_gpu("H100", price_usd_per_hour=-1)
    with pytest.raises(UnknownNameError, match="H100-SXM"):
        get_gpu("V100")
    spec = get_gpu("L4")
    assert resolve_gpu(spec) is spec
    assert resolve_gpu(spec, 0.5).price_usd_per_hour == 0.5


_GPU_FIELDS = dict(name="toy", memory_bandwidth_bytes_per_s=1e12, bf16_flop_per_s=1e14,
                  tdp_w=300, price_usd_per_hour=1.0, source="user")


def test_gpu_memory_units_in_user_input():
    mib = validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": 81920}, "gpu")
    gib = validate_model(GPUSpec, {**_GPU_FIELDS, "memory_gib": 80}, "gpu")
    by = validate_model(GPUSpec, {**_GPU_FIELDS, "memory_bytes": 80e9}, "gpu")  # old files load
    text = validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": "8.192e4"}, "gpu")  # YAML text
    assert mib.memory_bytes == gib.memory_bytes == text.memory_bytes == 85_899_345_920
    assert by.memory_bytes == 80e9
    with pytest.raises(InputError, match="memory_gb is ambiguous"):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_gb": 80}, "gpu")
    with pytest.raises(InputError, match="below 1 GiB"):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_bytes": 80}, "gpu")  # GB given as bytes
    with pytest.raises(InputError, match="once"):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": 81920, "memory_bytes": 8e10}, "gpu")
    with pytest.raises(InputError, match="memory_bytes"):
        validate_model(GPUSpec, {**_GPU_FIELDS}, "gpu")
    with pytest.raises(InputError, match="memory_mib"):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": "lots"}, "gpu")
    with pytest.raises(InputError):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": -1}, "gpu")


def test_catalog_file_gives_device_mib():
    from optfleet._data import data_path

    raw = json.loads(data_path("catalog", "gpus.json").read_text(encoding="utf-8"))["gpus"]
    for entry in raw:
        assert "memory_mib" in entry and "memory_bytes" not in entry
        assert get_gpu(entry["name"]).memory_bytes == entry["memory_mib"] * 2**20
        # the device holds more than the datasheet's decimal GB (A10G 24 GB -> 24.15e9 B)
        assert get_gpu(entry["name"]).iteration_overhead_s is None


def test_gpu_own_overheads_replace_the_generic_ones():
    from optfleet.physics import Efficiency, computed_profile
    from optfleet.scenario import ServingConfig

    h100 = get_gpu("H100")
    own = h100.model_copy(update={"iteration_overhead_s": 0.004, "allreduce_latency_s": 2e-5})
    tp2 = ServingConfig(tensor_parallel_size=2)
    base = computed_profile(h100, "llama-3.1-8b", tp2).iteration.c0_s
    mine = computed_profile(own, "llama-3.1-8b", tp2).iteration.c0_s
    eff = Efficiency()
    assert base == pytest.approx(eff.iteration_overhead_s + 64 * eff.allreduce_latency_s)
    assert mine == pytest.approx(0.004 + 64 * 2e-5)
    with pytest.raises(InputError):
        validate_model(GPUSpec, {**_GPU_FIELDS, "memory_mib": 1024, "allreduce_latency_s": -1},
                       "gpu")


def test_models_present_with_sources():
    names = model_names()
    assert [m.name for m in list_models()] == names
    for n in [
        "llama-3.1-8b",
        "llama-3.1-70b",
        "llama-3.1-405b",
        "qwen3-32b",
        "qwen3-30b-a3b",
        "mixtral-8x7b",
        "deepseek-v3",
    ]:
        assert n in names
        assert get_model(n).source.strip()
    with pytest.raises(UnknownNameError, match="llama-3.1-8b"):
        get_model("gpt-5")


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("meta-llama/Llama-3.1-70B-Instruct", "llama-3.1-70b"),
        ("LLAMA-3.1-8B", "llama-3.1-8b"),
        ("Qwen/Qwen3-32B", "qwen3-32b"),
        ("deepseek-ai/DeepSeek-V3", "deepseek-v3"),
    ],
)
def test_model_aliases(alias, canonical):
    assert get_model(alias).name == canonical


@pytest.mark.parametrize(
    ("name", "total", "active"),
    [
        ("llama-3.1-8b", 8.03e9, 8.03e9),
        ("llama-3.1-70b", 70.6e9, 70.6e9),
        ("llama-3.1-405b", 405.9e9, 405.9e9),
        ("qwen3-32b", 32.8e9, 32.8e9),
        ("qwen3-30b-a3b", 30.5e9, 3.3e9),
        ("mixtral-8x7b", 46.7e9, 12.9e9),
        ("deepseek-v3", 671e9, 37e9),
    ],
)
def test_param_counts_match_published(name, total, active):
    m = get_model(name)
    assert param_count(m, use_published=False) == pytest.approx(total, rel=0.02)
    assert active_param_count(m) == pytest.approx(active, rel=0.03)


def test_catalog_architecture_facts():
    q = get_model("qwen3-32b")
    assert q.head_dim == 128 and q.hidden_size // q.num_attention_heads == 80
    ds = get_model("deepseek-v3")
    assert ds.is_mla and ds.is_moe and ds.first_dense_layers == 3 and ds.num_shared_experts == 1
    assert kv_bytes_per_token(ds, "bf16") == 61 * 576 * 2


def _write(tmp_path: Path, cfg: dict, name: str = "config.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(cfg))
    return p


LLAMA_8B_CFG = {
    "_name_or_path": "meta-llama/Llama-3.1-8B",
    "num_hidden_layers": 32,
    "hidden_size": 4096,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "intermediate_size": 14336,
    "vocab_size": 128256,
    "tie_word_embeddings": False,
    "max_position_embeddings": 131072,
}


def test_load_hf_config_dense_matches_catalog(tmp_path):
    spec = load_hf_config(_write(tmp_path, LLAMA_8B_CFG))
    cat = get_model("llama-3.1-8b")
    for f in (
        "num_layers",
        "hidden_size",
        "num_attention_heads",
        "num_kv_heads",
        "head_dim",
        "intermediate_size",
        "vocab_size",
        "tie_word_embeddings",
        "max_position_embeddings",
    ):
        assert getattr(spec, f) == getattr(cat, f), f
    assert spec.name == "meta-llama/Llama-3.1-8B"
    assert load_hf_config(tmp_path).num_layers == 32  # the folder works too


def test_load_hf_config_defaults_kv_heads_and_head_dim(tmp_path):
    cfg = {k: v for k, v in LLAMA_8B_CFG.items() if k != "num_key_value_heads"}
    spec = load_hf_config(_write(tmp_path, cfg))
    assert spec.num_kv_heads == 32 and spec.head_dim == 128


def test_load_hf_config_qwen3_explicit_head_dim(tmp_path):
    cfg = {
        "num_hidden_layers": 64,
        "hidden_size": 5120,
        "num_attention_heads": 64,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "intermediate_size": 25600,
        "vocab_size": 151936,
        "tie_word_embeddings": False,
        "max_position_embeddings": 40960,
    }
    spec = load_hf_config(_write(tmp_path, cfg), name="qwen3-32b-local")
    assert spec.head_dim == 128
    assert kv_bytes_per_token(spec, "bf16") == 2 * 64 * 8 * 128 * 2
    assert spec.name == "qwen3-32b-local"


def test_load_hf_config_moe_qwen_and_mixtral_styles(tmp_path):
    qwen = {
        "num_hidden_layers": 48,
        "hidden_size": 2048,
        "num_attention_heads": 32,
        "num_key_value_heads": 4,
        "head_dim": 128,
        "intermediate_size": 6144,
        "moe_intermediate_size": 768,
        "num_experts": 128,
        "num_experts_per_tok": 8,
        "vocab_size": 151936,
    }
    q = load_hf_config(_write(tmp_path, qwen, "qwen.json"))
    assert (q.num_experts, q.experts_per_token, q.moe_intermediate_size) == (128, 8, 768)
    assert active_param_count(q) == pytest.approx(3.3e9, rel=0.03)
    mixtral = {
        "num_hidden_layers": 32,
        "hidden_size": 4096,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "intermediate_size": 14336,
        "num_local_experts": 8,
        "num_experts_per_tok": 2,
        "vocab_size": 32000,
    }
    m = load_hf_config(_write(tmp_path, mixtral, "mixtral.json"))
    assert (m.num_experts, m.moe_intermediate_size) == (8, 14336)
    assert param_count(m) == pytest.approx(param_count(get_model("mixtral-8x7b")))


def test_load_hf_config_mla(tmp_path):
    ds = {
        "num_hidden_layers": 61,
        "hidden_size": 7168,
        "num_attention_heads": 128,
        "num_key_value_heads": 128,
        "intermediate_size": 18432,
        "moe_intermediate_size": 2048,
        "n_routed_experts": 256,
        "n_shared_experts": 1,
        "num_experts_per_tok": 8,
        "first_k_dense_replace": 3,
        "kv_lora_rank": 512,
        "q_lora_rank": 1536,
        "qk_rope_head_dim": 64,
        "qk_nope_head_dim": 128,
        "v_head_dim": 128,
        "vocab_size": 129280,
        "max_position_embeddings": 163840,
    }
    spec = load_hf_config(_write(tmp_path, ds))
    assert spec.is_mla and spec.head_dim == 192
    assert kv_bytes_per_token(spec, "bf16") / spec.num_layers / 2 == 576  # not 2 * 128 * 128
    assert param_count(spec) == pytest.approx(671e9, rel=0.01)
    assert active_param_count(spec) == pytest.approx(37e9, rel=0.03)


@pytest.mark.parametrize(
    "missing",
    ["num_hidden_layers", "hidden_size", "num_attention_heads", "intermediate_size", "vocab_size"],
)
def test_load_hf_config_missing_key_names_it(tmp_path, missing):
    cfg = {k: v for k, v in LLAMA_8B_CFG.items() if k != missing}
    with pytest.raises(InputError, match=missing):
        load_hf_config(_write(tmp_path, cfg))


def test_load_hf_config_bad_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_hf_config(tmp_path / "nope" / "config.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="parse"):
        load_hf_config(bad)
    with pytest.raises(InputError, match="hidden_size"):
        load_hf_config(_write(tmp_path, {**LLAMA_8B_CFG, "hidden_size": "big"}))


def test_resolve_model_name_path_spec(tmp_path):
    assert resolve_model("llama-3.1-70b").num_layers == 80
    p = _write(tmp_path, LLAMA_8B_CFG)
    assert resolve_model(str(p)).hidden_size == 4096
    assert resolve_model(p).hidden_size == 4096
    assert resolve_model(str(tmp_path)).hidden_size == 4096
    spec = get_model("qwen3-32b")
    assert resolve_model(spec) is spec
    with pytest.raises(UnknownNameError):
        resolve_model("no-such-model")
    with pytest.raises(InputError, match="not found"):
        resolve_model(str(tmp_path / "missing.json"))
    assert isinstance(resolve_model(spec), ModelSpec)
