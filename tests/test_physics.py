"""Tests of optfleet.physics: memory, iteration model, calibrated and roofline profiles, service."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optfleet.errors import InputError, ModelDoesNotFitError, UnknownNameError
from optfleet.physics import (
    CALIBRATED_GPUS,
    SCV_FLOOR,
    Efficiency,
    IterationModel,
    ReplicaProfile,
    calibrated_profile,
    computed_profile,
    kv_bytes_per_token,
    kv_bytes_per_token_per_gpu,
    memory_plan,
    param_count,
    service_stats,
    weights_bytes,
    workspace_bytes,
)
from optfleet.scenario import ServingConfig
from optfleet.scenario.catalog import get_gpu, get_model

H100 = get_gpu("H100-SXM")
A10G = get_gpu("A10G")
L8B = get_model("llama-3.1-8b")
L70B = get_model("llama-3.1-70b")

# ---------------------------------------------------------------------------- memory


def test_llama70b_fp16_tp8_on_h100_memory_facts():
    serving = ServingConfig(tensor_parallel_size=8, dtype="fp16")
    plan = memory_plan(H100, L70B, serving)
    assert plan.weights_bytes_per_gpu == pytest.approx(70.6e9 * 2 / 8, rel=0.002)
    assert plan.weights_bytes_per_gpu == pytest.approx(17.6e9, rel=0.005)
    assert kv_bytes_per_token(L70B, "fp16") == 327_680
    assert plan.kv_bytes_per_token_per_gpu == 327_680 / 8
    ws = workspace_bytes(L70B, serving)
    assert 1e9 <= ws < 2e9
    assert H100.memory_bytes == 81_559 * 2**20  # nvidia-smi's total, not the datasheet's 80e9
    per_gpu = 0.9 * H100.memory_bytes - weights_bytes(L70B, "fp16") / 8 - ws
    assert plan.kv_budget_bytes == pytest.approx(8 * per_gpu, rel=1e-12)
    assert plan.kv_capacity_tokens == math.floor(per_gpu / (327_680 / 8))
    assert plan.kv_capacity_tokens == pytest.approx(plan.kv_budget_bytes / 327_680, abs=1)


def test_llama8b_fp16_on_a10g_small_budget_or_error():
    plan = memory_plan(A10G, L8B, ServingConfig(dtype="fp16"))
    assert plan.weights_bytes_per_gpu == pytest.approx(16.06e9, rel=0.002)
    assert 0 < plan.kv_budget_bytes < 6e9
    assert 10_000 < plan.kv_capacity_tokens < 45_000
    with pytest.raises(ModelDoesNotFitError, match="A10G"):
        memory_plan(A10G, L8B, ServingConfig(dtype="fp16", gpu_memory_utilization=0.7))
    with pytest.raises(ModelDoesNotFitError, match=r"GB weights"):
        computed_profile(A10G, L70B)


def test_deepseek_mla_kv_and_no_tp_sharding():
    ds = get_model("deepseek-v3")
    assert kv_bytes_per_token(ds, "fp8") == 61 * 576
    assert kv_bytes_per_token(ds, "bf16") != 2 * 61 * 128 * 128 * 2
    assert kv_bytes_per_token_per_gpu(ds, "fp8", 8) == kv_bytes_per_token(ds, "fp8")
    assert param_count(ds) == 671e9


def test_qwen3_head_dim_used_for_kv():
    q = get_model("qwen3-32b")
    assert kv_bytes_per_token(q, "bf16") == 2 * 64 * 8 * 128 * 2


def test_kv_heads_replicated_when_tp_exceeds_them():
    assert kv_bytes_per_token_per_gpu(L8B, "bf16", 16) == 2 * 32 * 1 * 128 * 2
    assert kv_bytes_per_token_per_gpu(L8B, "bf16", 4) == 2 * 32 * 2 * 128 * 2
    with pytest.raises(InputError):
        kv_bytes_per_token_per_gpu(L8B, "bf16", 0)
    with pytest.raises(InputError, match="dtype"):
        kv_bytes_per_token(L8B, "fp6")


def test_tp_doubles_price_and_halves_weights_per_gpu():
    p4 = computed_profile(H100, L70B, ServingConfig(tensor_parallel_size=4))
    p8 = computed_profile(H100, L70B, ServingConfig(tensor_parallel_size=8))
    assert p8.price_usd_per_hour == pytest.approx(2 * p4.price_usd_per_hour)
    assert p4.price_usd_per_hour == pytest.approx(4 * 4.02)
    assert p8.details["weights_bytes_per_gpu"] == pytest.approx(
        p4.details["weights_bytes_per_gpu"] / 2
    )
    assert p8.kv_capacity_tokens > 2 * p4.kv_capacity_tokens
    assert p8.iteration.mem_base_s == pytest.approx(p4.iteration.mem_base_s / 2)


# ---------------------------------------------------------------------------- iteration model


def test_iteration_model_exact_form_and_broadcasting():
    it = IterationModel(
        c0_s=1.0,
        per_token_s=0.1,
        per_prefill_token_s=0.01,
        mem_base_s=2.0,
        mem_per_ctx_token_s=0.001,
        compute_per_token_s=0.05,
    )
    p, d, c = 30.0, 10.0, 500.0
    expected = 1.0 + 0.1 * 40 + 0.01 * 30 + max(2.0 + 0.5, 0.05 * 40)
    assert float(it.time_s(p, d, c)) == pytest.approx(expected, rel=1e-15)
    out = it.time_s(np.array([[0.0], [100.0]]), np.array([1.0, 2.0, 3.0]), 0.0)
    assert out.shape == (2, 3)
    assert out[1, 0] == pytest.approx(1.0 + 0.1 * 101 + 0.01 * 100 + max(2.0, 0.05 * 101))
    with pytest.raises(InputError):
        IterationModel(c0_s=-1.0)
    with pytest.raises(InputError):
        IterationModel(mem_base_s=float("nan"))


def test_iteration_model_attention_term_outside_the_max():
    it = IterationModel(c0_s=1.0, mem_base_s=2.0, compute_per_token_s=0.05,
                        attn_per_ctx_token_s=0.002)
    # compute-bound (0.05 x 100 = 5 > 2): the KV reads add on top of the max
    assert float(it.time_s(60, 40, 500)) == pytest.approx(1.0 + 0.002 * 500 + 5.0, rel=1e-15)
    # the same reads inside the max would be hidden by the compute term
    inside = IterationModel(c0_s=1.0, mem_base_s=2.0, compute_per_token_s=0.05,
                            mem_per_ctx_token_s=0.002)
    assert float(inside.time_s(60, 40, 500)) == pytest.approx(1.0 + 5.0, rel=1e-15)
    assert IterationModel().attn_per_ctx_token_s == 0.0  # default: the old form
    with pytest.raises(InputError, match="attn_per_ctx_token_s"):
        IterationModel(attn_per_ctx_token_s=float("inf"))


# ---------------------------------------------------------------------------- calibrated


@pytest.mark.parametrize(
    ("gpu", "expected"),
    [
        ("A10G", (128, 64, 8)),
        ("A100-80GB", (256, 128, 16)),
        ("H100-SXM", (256, 128, 16)),
        ("H100", (256, 128, 16)),
    ],
)
def test_calibrated_slot_counts(gpu, expected):
    p = calibrated_profile(gpu)
    assert tuple(p.slots(c) for c in (4096, 8192, 65536)) == expected


@pytest.mark.parametrize(
    ("gpu", "w", "h", "chunk", "price"),
    [
        ("A10G", 0.012, 0.00090, 256, 1.01),
        ("A100-80GB", 0.008, 0.00065, 512, 2.21),
        ("H100-SXM", 0.004, 0.00032, 1024, 4.02),
    ],
)
def test_calibrated_iteration_reproduces_reference(gpu, w, h, chunk, price):
    p = calibrated_profile(gpu)
    assert p.gpus_per_replica == 1 and p.price_usd_per_hour == price and p.chunk_tokens == chunk
    assert float(p.iteration.time_s(chunk, 0, 0)) == pytest.approx(w + h, rel=1e-14)
    for n, lbar in [(1, 100), (64, 8192), (128, 3000)]:
        assert float(p.decode_iteration_s(n, lbar)) == pytest.approx(
            w + h * (lbar / 8192) * n, rel=1e-14
        )
    assert float(p.prefill_s(3 * chunk)) == pytest.approx(3 * (w + h), rel=1e-14)


def test_calibrated_power_constants():
    p = calibrated_profile("A100")
    assert float(p.power_w(0)) == 175.0
    assert float(p.power_w(2**2.5)) == pytest.approx(280.0)
    assert float(p.power_w(1e9)) == pytest.approx(385.0, rel=1e-6)
    assert CALIBRATED_GPUS == ("A10G", "A100-80GB", "H100-SXM")


def test_calibrated_unknown_gpu():
    with pytest.raises(UnknownNameError, match="A100-80GB"):
        calibrated_profile("L4")
    with pytest.raises(UnknownNameError):
        calibrated_profile("V100")


# ---------------------------------------------------------------------------- slots


def test_slots_zero_raises_and_paged_policy():
    p = calibrated_profile("A10G")
    with pytest.raises(ModelDoesNotFitError, match="exceeds max_model_len 524288"):
        p.slots(600_000)
    small = computed_profile(
        A10G, L8B, ServingConfig(dtype="fp16", kv_policy="paged", max_num_seqs=64)
    )
    cap = small.kv_capacity_tokens
    with pytest.raises(ModelDoesNotFitError):
        small.slots(cap + 1)
    assert small.slots(8192, mean_tokens_held=1000) == min(64, cap // 1000)
    assert small.slots(8192) == min(64, cap // 8192)
    assert small.slots(8192, policy="reserve") == min(64, (cap // 16) // 512)
    with pytest.raises(InputError):
        small.slots(0)
    with pytest.raises(InputError):
        small.slots(8192, mean_tokens_held=float("nan"))


def test_reserve_slots_floor_not_one():
    prof = ReplicaProfile(
        name="tiny",
        gpu="X",
        model="m",
        gpus_per_replica=1,
        price_usd_per_hour=1.0,
        kv_policy="reserve",
        kv_capacity_tokens=1000,
        max_num_seqs=8,
        max_model_len=4000,
        chunk_tokens=256,
        iteration=IterationModel(c0_s=0.01),
        idle_w=10,
        nominal_w=20,
        power_k=1,
        power_x0=2,
    )
    assert prof.slots(496) == 2  # 62 blocks // 31 blocks
    assert prof.slots(500) == 1  # 62 blocks // 32 blocks
    with pytest.raises(
        ModelDoesNotFitError, match="max_ctx 2000 does not fit in the KV budget of 1000 tokens"
    ):
        prof.slots(2000)


# ---------------------------------------------------------------------------- roofline


def test_h100_llama8b_decode_batch1_ms():
    p = computed_profile(H100, L8B, ServingConfig(dtype="bf16"))
    t = float(p.decode_iteration_s(1, 1000))
    assert 0.007 <= t <= 0.009
    assert p.gpus_per_replica == 1 and p.price_usd_per_hour == 4.02
    assert p.nominal_w == 700 and p.idle_w == pytest.approx(210)
    assert p.max_model_len == min(131072, p.kv_capacity_tokens)


def test_roofline_terms():
    eff = Efficiency()
    p = computed_profile(H100, L8B, ServingConfig(dtype="bf16"))
    bw = 3.35e12 * eff.bandwidth_fraction
    assert p.iteration.mem_base_s == pytest.approx(weights_bytes(L8B, "bf16") / bw)
    # KV reads are their own kernels: outside the max by default, inside it when they overlap
    assert not eff.attention_overlaps_weights
    assert p.iteration.mem_per_ctx_token_s == 0.0
    assert p.iteration.attn_per_ctx_token_s == pytest.approx(131072 / bw)
    ov = computed_profile(H100, L8B, ServingConfig(dtype="bf16"),
                          Efficiency(attention_overlaps_weights=True))
    assert ov.iteration.mem_per_ctx_token_s == pytest.approx(131072 / bw)
    assert ov.iteration.attn_per_ctx_token_s == 0.0
    # memory-bound at batch 1: the same time either way; compute-bound: the reads add
    assert float(ov.decode_iteration_s(1, 1000)) == pytest.approx(
        float(p.decode_iteration_s(1, 1000)))
    assert float(p.decode_iteration_s(1024, 100)) > float(ov.decode_iteration_s(1024, 100))
    assert p.iteration.compute_per_token_s == pytest.approx(2 * 8.03e9 / (989e12 * 0.73), rel=0.001)
    assert p.iteration.per_token_s == 0 and p.iteration.c0_s == eff.iteration_overhead_s
    p2 = computed_profile(H100, L8B, ServingConfig(dtype="bf16", tensor_parallel_size=2))
    link = 900e9 * eff.interconnect_fraction
    assert p2.iteration.per_token_s == pytest.approx(2 * 32 * 2 * 0.5 * 4096 * 2 / link)
    assert p2.iteration.c0_s == pytest.approx(
        eff.iteration_overhead_s + 64 * eff.allreduce_latency_s
    )
    fp8 = computed_profile(H100, L8B, ServingConfig(dtype="fp8"))
    assert fp8.iteration.compute_per_token_s == pytest.approx(
        p.iteration.compute_per_token_s * 989 / 1979
    )
    moe = computed_profile(H100, "qwen3-30b-a3b", ServingConfig())
    assert moe.iteration.compute_per_token_s < p.iteration.compute_per_token_s


def test_efficiency_defaults_and_validation():
    eff = Efficiency()
    assert (eff.iteration_overhead_s, eff.allreduce_latency_s) == (1e-3, 10e-6)
    assert eff.attention_overlaps_weights is False
    with pytest.raises(InputError, match="attention_overlaps_weights"):
        Efficiency(attention_overlaps_weights=1)
    with pytest.raises(InputError, match="iteration_overhead_s"):
        Efficiency(iteration_overhead_s=True)
    with pytest.raises(InputError, match="allreduce_latency_s"):
        Efficiency(allreduce_latency_s=-1e-6)


def test_efficiency_overrides_mirror_efficiency():
    from optfleet.scenario.physics_input import EfficiencyOverrides

    assert set(EfficiencyOverrides.model_fields) == set(Efficiency().to_dict())


def test_efficiency_precedence_generic_gpu_scenario():
    from optfleet.physics.roofline import resolve_efficiency

    own = H100.model_copy(update={"allreduce_latency_s": 3e-5, "iteration_overhead_s": 5e-3})
    base = Efficiency(allreduce_latency_s=1e-5, iteration_overhead_s=1e-4, flop_fraction=0.5)
    assert resolve_efficiency(H100, ServingConfig(), base) == base
    got = resolve_efficiency(own, ServingConfig(), base)
    assert (got.allreduce_latency_s, got.iteration_overhead_s, got.flop_fraction) == (
        3e-5, 5e-3, 0.5)
    serving = ServingConfig(efficiency={"iteration_overhead_s": 2e-4,
                                        "attention_overlaps_weights": True})
    got = resolve_efficiency(own, serving, base)
    assert (got.allreduce_latency_s, got.iteration_overhead_s) == (3e-5, 2e-4)
    assert got.attention_overlaps_weights is True
    p = computed_profile(H100, L8B, serving)
    assert p.iteration.c0_s == 2e-4 and p.iteration.attn_per_ctx_token_s == 0.0
    assert p.iteration.mem_per_ctx_token_s > 0


def test_scenario_file_overrides_the_physics(tmp_path):
    from optfleet.scenario import load_scenario

    f = tmp_path / "s.yaml"
    f.write_text(
        "serving:\n  efficiency:\n    iteration_overhead_s: 0.0005\n"
        "    allreduce_latency_s: 2.0e-5\n    attention_overlaps_weights: true\n"
        "gpu_overrides:\n  - {name: H100-SXM, memory_mib: 81559, memory_bandwidth_bytes_per_s: "
        "3.35e12, bf16_flop_per_s: 989e12, tdp_w: 700, price_usd_per_hour: 4.02, "
        "interconnect_bandwidth_bytes_per_s: 900e9, iteration_overhead_s: 0.003, source: mine}\n"
    )
    s = load_scenario(f)
    assert s.serving.efficiency.iteration_overhead_s == 0.0005
    assert s.gpu_overrides[0].memory_bytes == H100.memory_bytes
    p = computed_profile(s.gpu_overrides[0], L8B,
                         s.serving.model_copy(update={"tensor_parallel_size": 2}))
    assert p.iteration.c0_s == pytest.approx(0.0005 + 64 * 2e-5)  # the scenario wins
    bad = tmp_path / "bad.yaml"
    bad.write_text("serving:\n  efficiency:\n    iteration_overhead_s: -1\n")
    with pytest.raises(InputError, match="iteration_overhead_s"):
        load_scenario(bad)
    bad.write_text("serving:\n  efficiency:\n    step_overhead_s: 0.001\n")
    with pytest.raises(InputError, match="step_overhead_s"):
        load_scenario(bad)


def test_max_model_len_handling():
    with pytest.raises(ModelDoesNotFitError, match="max_model_len"):
        computed_profile(A10G, L8B, ServingConfig(dtype="fp16", max_model_len=131072))
    with pytest.raises(InputError, match="max_position_embeddings"):
        computed_profile(
            H100, "qwen3-32b", ServingConfig(tensor_parallel_size=2, max_model_len=65536)
        )
    p = computed_profile(H100, L8B, ServingConfig(max_model_len=8192))
    assert p.max_model_len == 8192
    with pytest.raises(ModelDoesNotFitError, match="max_model_len"):
        p.slots(16384)


@settings(max_examples=40, deadline=None)
@given(b=st.integers(1, 1000), extra=st.integers(1, 1000), ctx=st.integers(1, 20000))
def test_more_batch_longer_iteration(b, extra, ctx):
    for p in (
        calibrated_profile("A100"),
        computed_profile(H100, L70B, ServingConfig(tensor_parallel_size=4)),
    ):
        assert p.decode_iteration_s(b + extra, ctx) > p.decode_iteration_s(b, ctx)
        # with no context the memory-bound region is flat, never decreasing
        assert p.decode_iteration_s(b + extra, 0) >= p.decode_iteration_s(b, 0)


@settings(max_examples=40, deadline=None)
@given(l1=st.integers(1, 100_000), dl=st.integers(1, 100_000))
def test_longer_prompt_longer_prefill(l1, dl):
    cal = calibrated_profile("A10G")  # per-prefill-token cost: strictly increasing
    assert cal.prefill_s(l1 + dl) > cal.prefill_s(l1)
    roof = computed_profile(H100, L8B)  # flat while memory-bound, strictly up with more chunks
    assert roof.prefill_s(l1 + dl) >= roof.prefill_s(l1)
    if math.ceil((l1 + dl) / roof.chunk_tokens) > math.ceil(l1 / roof.chunk_tokens):
        assert roof.prefill_s(l1 + dl) > roof.prefill_s(l1)


def test_prefill_vectorised_and_chunked():
    p = computed_profile(H100, L8B, ServingConfig(chunked_prefill_tokens=512))
    x = np.array([1, 512, 513, 1024, 5000])
    out = p.prefill_s(x)
    assert out.shape == (5,)
    it = p.iteration
    assert out[2] == pytest.approx(float(it.time_s(512, 0, 0) + it.time_s(1, 0, 0)))
    assert out[4] == pytest.approx(
        float(9 * it.time_s(512, 0, 0) + it.time_s(5000 - 9 * 512, 0, 0))
    )


def test_power_whole_replica():
    p1 = computed_profile(H100, L70B, ServingConfig(tensor_parallel_size=4))
    assert float(p1.power_w(0)) == pytest.approx(4 * 0.3 * 700)
    b = np.array([1, 4, 16, 64, 256])
    pw = p1.power_w(b)
    assert np.all(np.diff(pw) > 0) and pw[-1] < 4 * 700


# Published measurements (see docs/physics.md): within a factor 1.5.
def test_vs_trtllm_llama8b_fp8_saturation():
    p = computed_profile(H100, L8B, ServingConfig(dtype="fp8", max_num_seqs=256))
    s = service_stats(p, [128], [128], [1.0], 256)
    tok_per_s = s.servers_per_replica * 128 / s.mean_service_s
    assert 28_312 / 1.5 < tok_per_s < 28_312 * 1.5


def test_vs_nim_llama70b_fp8_2xh100_concurrency1():
    p = computed_profile(H100, "llama-3.3-70b", ServingConfig(dtype="fp8", tensor_parallel_size=2))
    ttft = float(p.prefill_s(5000))
    itl = float(p.decode_iteration_s(1, 5250))
    assert 0.407 / 1.5 < ttft < 0.407 * 1.5
    assert 0.0186 / 1.5 < itl < 0.0186 * 1.5


# ---------------------------------------------------------------------------- service


def test_fleet_sim_service_hand_computed():
    prof = calibrated_profile("A10G")  # W 0.012, H 0.0009, chunk 256; max_ctx 4096 -> 128 slots
    s = service_stats(prof, [100, 300], [50, 100], [0.25, 0.75], 4096, mode="fleet-sim")
    assert s.servers_per_replica == 128
    it1 = 0.012 + 0.0009 * (150 / 8192) * 128  # 0.014109375
    it2 = 0.012 + 0.0009 * (400 / 8192) * 128  # 0.017625
    s1, s2 = (1 + 50) * it1, (2 + 100) * it2
    assert (it1, it2) == pytest.approx((0.014109375, 0.017625), rel=1e-15)
    mean = 0.25 * s1 + 0.75 * s2
    var = 0.25 * s1**2 + 0.75 * s2**2 - mean**2
    assert s.mean_service_s == pytest.approx(mean, rel=1e-13)
    assert mean == pytest.approx(1.52820703125, rel=1e-13)
    assert s.scv == pytest.approx(max(var / mean**2, 0.01), rel=1e-10)
    assert s.prefill_values_s.tolist() == pytest.approx([0.0129, 0.0258], rel=1e-13)
    assert s.prefill_probs.tolist() == pytest.approx([0.25, 0.75])
    assert s.mean_prefill_s == pytest.approx(0.25 * 0.0129 + 0.75 * 0.0258)
    assert s.tpot_s == pytest.approx(0.012 + 0.0009 * ((0.25 * 150 + 0.75 * 400) / 8192) * 128)
    assert (s.mean_prompt_tokens, s.mean_output_tokens) == (250.0, 87.5)
    assert (s.price_usd_per_hour, s.gpus_per_replica, s.max_ctx_tokens) == (1.01, 1, 4096)


def test_fleet_sim_single_class_scv_floor_and_prefill_merge():
    prof = calibrated_profile("H100")
    s = service_stats(prof, [1000, 1000], [200, 200], [0.5, 0.5], 8192, mode="fleet-sim")
    assert s.scv == SCV_FLOOR
    assert s.prefill_values_s.size == 1 and s.prefill_probs.tolist() == [1.0]
    assert s.mean_service_s == pytest.approx(201 * 0.010)


def test_fleet_sim_mixture_is_mixture_of_classes():
    rng = np.random.default_rng(0)
    prof = calibrated_profile("A100")
    l_in = rng.integers(1, 6000, 200)
    l_out = rng.integers(1, 2000, 200)
    prob = rng.random(200)
    s = service_stats(prof, l_in, l_out, prob, 8192, mode="fleet-sim")
    singles = [
        service_stats(prof, [a], [b], [1.0], 8192, mode="fleet-sim").mean_service_s
        for a, b in zip(l_in[:20], l_out[:20], strict=True)
    ]
    s20 = service_stats(prof, l_in[:20], l_out[:20], prob[:20], 8192, mode="fleet-sim")
    assert s20.mean_service_s == pytest.approx(
        np.dot(prob[:20], singles) / prob[:20].sum(), rel=1e-12
    )
    assert s.prefill_probs.sum() == pytest.approx(1.0)
    assert np.all(np.diff(s.prefill_values_s) > 0)


def test_default_mode_formula_paged():
    prof = computed_profile(H100, L8B, ServingConfig(max_num_seqs=512, chunked_prefill_tokens=512))
    l_in, l_out, p = np.array([700.0, 100.0]), np.array([300.0, 50.0]), np.array([0.4, 0.6])
    s = service_stats(prof, l_in, l_out, p, 4096)
    c = np.ceil(l_in / 512)
    held = (p @ (512 * c * (c - 1) / 2 + l_in + l_out * l_in + l_out * (l_out + 1) / 2)) / (
        p @ (c + l_out)
    )
    ctx = (p @ (l_out * l_in + l_out * (l_out + 1) / 2)) / (p @ l_out)
    ns = min(512, math.floor(prof.kv_capacity_tokens / held))
    assert s.servers_per_replica == ns
    assert s.mean_tokens_held == pytest.approx(held) and s.mean_context_tokens == pytest.approx(ctx)
    it = prof.iteration
    tpot = float(it.time_s(0, ns, ns * ctx))
    pf = [
        float(it.time_s(512, ns - 1, (ns - 1) * ctx) + it.time_s(188, ns - 1, (ns - 1) * ctx)),
        float(it.time_s(100, ns - 1, (ns - 1) * ctx)),
    ]
    assert s.tpot_s == pytest.approx(tpot)
    assert s.mean_prefill_s == pytest.approx(0.4 * pf[0] + 0.6 * pf[1])
    # work conservation: the replica's prefill tokens cost their marginal time in a full batch
    marginal = float(it.time_s(512, ns - 1, (ns - 1) * ctx) - it.time_s(0, ns - 1, (ns - 1) * ctx))
    marginal = max(marginal / 512, 0.0)
    svc = [max(pf[0] + 300 * tpot, 300 * tpot + ns * 700 * marginal),
           max(pf[1] + 50 * tpot, 50 * tpot + ns * 100 * marginal)]
    assert s.mean_service_s == pytest.approx(0.4 * svc[0] + 0.6 * svc[1])
    reserve = computed_profile(
        H100, L8B, ServingConfig(max_num_seqs=512, chunked_prefill_tokens=512, kv_policy="reserve")
    )
    r = service_stats(reserve, l_in, l_out, p, 4096)
    assert r.servers_per_replica == reserve.slots(4096) <= s.servers_per_replica


def test_service_input_validation():
    prof = calibrated_profile("A10G")
    with pytest.raises(InputError, match="max_ctx 4096"):
        service_stats(prof, [4000, 100], [200, 10], [0.5, 0.5], 4096)
    # a zero-probability class is not a request and is ignored
    ok = service_stats(prof, [4000, 100], [200, 10], [0.0, 1.0], 4096)
    assert ok.mean_prompt_tokens == 100
    with pytest.raises(InputError, match="equal length"):
        service_stats(prof, [100, 200], [10], [1.0], 4096)
    with pytest.raises(InputError, match="finite"):
        service_stats(prof, [100], [float("nan")], [1.0], 4096)
    with pytest.raises(InputError, match="non-negative"):
        service_stats(prof, [100, 200], [10, 20], [1.5, -0.5], 4096)
    with pytest.raises(InputError, match="positive integers"):
        service_stats(prof, [0], [10], [1.0], 4096)
    with pytest.raises(InputError, match="mode"):
        service_stats(prof, [100], [10], [1.0], 4096, mode="exact")  # type: ignore[arg-type]
    with pytest.raises(ModelDoesNotFitError):
        service_stats(prof, [100], [10], [1.0], 1_000_000)


def test_large_mix_vectorised():
    rng = np.random.default_rng(1)
    n = 65536
    l_in = rng.integers(1, 50_000, n)
    l_out = rng.integers(1, 10_000, n)
    prob = rng.random(n)
    for mode in ("fleet-sim", "default"):
        s = service_stats(calibrated_profile("H100"), l_in, l_out, prob, 65536, mode=mode)
        assert s.servers_per_replica == 16 and s.mean_service_s > 0 and s.scv >= SCV_FLOOR
        assert s.prefill_probs.sum() == pytest.approx(1.0)
        d = s.to_dict()
        assert isinstance(d["prefill_values_s"], list)


def test_physics_does_not_import_queueing():
    code = (
        "import sys, optfleet.physics; "
        "print(any(m.startswith('optfleet.queueing') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_calibrated_price_override_and_summary_and_alias():
    from optfleet.physics import pool_service_stats, profile_summary

    p = calibrated_profile("H100", price_usd_per_hour=2.5)
    assert p.price_usd_per_hour == 2.5 and calibrated_profile("H100").price_usd_per_hour == 4.02
    with pytest.raises(InputError):
        calibrated_profile("H100", price_usd_per_hour=-1.0)
    summary = profile_summary(p, 8192)
    assert summary["slots"] == 128 and summary["price_usd_per_hour"] == 2.5
    assert summary["prefill_chunk_s"] == pytest.approx(0.004 + 0.00032)
    roof = profile_summary(computed_profile(H100, L70B, ServingConfig(tensor_parallel_size=4)))
    assert roof["gpus_per_replica"] == 4 and roof["weights_bytes_per_gpu"] > 30e9
    assert pool_service_stats is service_stats
