"""Engine level: single-request physics, saturation throughput, KV pressure."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optfleet.physics import IterationModel, ReplicaProfile, calibrated_profile, computed_profile
from optfleet.scenario import ServingConfig
from optfleet.sim import PoolSpec, Requests, simulate
from optfleet.sim._core import NIT, iteration_row, seg_time
from optfleet.sim.pd import decode_pool

H100 = calibrated_profile("H100")
#: The default roofline: KV reads in the additive attention term, none inside the max.
ROOF = computed_profile("H100", "llama-3.1-8b", ServingConfig(max_num_seqs=64))


def paged_profile(kv_tokens: int = 200_000, max_seqs: int = 64, chunk: int = 512,
                  max_len: int = 32768, attn: bool = False) -> ReplicaProfile:
    it = IterationModel(c0_s=0.003, per_token_s=1e-6, per_prefill_token_s=2e-6, mem_base_s=0.005,
                        mem_per_ctx_token_s=0.0 if attn else 4e-8, compute_per_token_s=2e-5,
                        attn_per_ctx_token_s=4e-8 if attn else 0.0)
    return ReplicaProfile(
        name="toy-paged", gpu="toy", model="toy", gpus_per_replica=2, price_usd_per_hour=3.0,
        kv_policy="paged", kv_capacity_tokens=kv_tokens, max_num_seqs=max_seqs,
        max_model_len=max_len, chunk_tokens=chunk, iteration=it, idle_w=100.0, nominal_w=400.0,
        power_k=1.0, power_x0=3.0,
    )


@pytest.mark.parametrize("profile", [H100, paged_profile(), paged_profile(attn=True), ROOF],
                         ids=["reserve", "paged", "paged-attention", "roofline"])
def test_single_request_physics(profile: ReplicaProfile) -> None:
    prompt, out, n = 3000, 400, 20
    t = np.arange(n) * 100.0  # far apart: always alone
    req = Requests(t, np.full(n, prompt), np.full(n, out))
    r = simulate(PoolSpec(profile, 1, 8192), req, level="engine", warmup_fraction=0.0)
    f = r.fleet
    assert f.completed == n and f.preemptions == 0
    assert f.ttft.p50.value == pytest.approx(float(profile.prefill_s(prompt)), rel=0.01)
    # decode contexts run prompt+1 .. prompt+out-1: mean prompt + out/2
    tpot = float(profile.decode_iteration_s(1, prompt + out / 2))
    assert f.tpot.mean.value == pytest.approx(tpot, rel=0.01)
    assert f.wait.p99.value == 0.0


def test_saturation_throughput_is_cap_over_service() -> None:
    prof = H100  # reserve policy; cap at max_ctx 4096 = 256 sequences
    n = 6000
    req = Requests(np.zeros(n), np.full(n, 300), np.full(n, 200))
    pool = PoolSpec(prof, 1, 4096)
    r = simulate(pool, req, level="engine", warmup_fraction=0.2, record=True)
    cols = r.records[0].columns
    cap = pool.slots_at("engine")
    assert cap == 256
    # the measurement window is empty (all arrive at 0): compute the throughput from records
    done = cols["finish_s"]
    mid = (done > np.quantile(done, 0.2)) & (done < np.quantile(done, 0.8))
    span = np.quantile(done, 0.8) - np.quantile(done, 0.2)
    thr = mid.sum() / span
    svc = (cols["finish_s"] - cols["admit_s"]).mean()
    assert thr == pytest.approx(cap / svc, rel=0.05)


def test_kv_pressure_preempts_and_terminates() -> None:
    prof = paged_profile(kv_tokens=40_000, max_seqs=64, chunk=256, max_len=16384)
    rng = np.random.default_rng(5)
    n = 3000
    prompt = rng.integers(8000, 12000, n)
    out = rng.integers(2000, 16384 - 12000, n)
    t = np.cumsum(rng.exponential(0.05, n))
    req = Requests(t, prompt, out)
    r = simulate(PoolSpec(prof, 2, 16384), req, level="engine", balancer="round_robin")
    f = r.fleet
    assert f.arrivals == n == f.completed + f.rejected + f.unfinished
    assert f.unfinished == 0 and f.rejected == 0
    assert f.preemptions > 0
    assert 0 < f.kv_utilisation.value <= 1.0 + 1e-9


def test_request_longer_than_kv_is_rejected() -> None:
    prof = paged_profile(kv_tokens=10_000, max_len=32768)
    with pytest.raises(Exception):  # noqa: B017 - ModelDoesNotFitError from the profile
        PoolSpec(prof, 1, 20_000)
    req = Requests([0.0, 1.0], [9000, 100], [2000, 10])
    r = simulate(PoolSpec(prof, 1, 10_000), req, level="engine", warmup_fraction=0.0)
    assert r.fleet.rejected == 1 and r.fleet.completed == 1


def test_engine_and_slot_agree_at_low_load_for_reserve() -> None:
    req = Requests(np.arange(50) * 30.0, np.full(50, 2000), np.full(50, 100))
    e = simulate(PoolSpec(H100, 1, 8192), req, level="engine", warmup_fraction=0.0)
    assert e.fleet.ttft.p50.value == pytest.approx(float(H100.prefill_s(2000)), rel=1e-6)
    assert e.fleet.wait.mean.value == 0.0


# ---------------------------------------------------------------------------- the attention term


def _explicit(it: IterationModel, k: int, p: int, d: int, c0: int) -> float:
    """``sum_{j<k} t(p, d, c0 + j d)`` by the iteration model itself."""
    j = np.arange(k, dtype=np.float64)
    return float(np.sum(it.time_s(p, d, c0 + j * d)))


@settings(max_examples=200, deadline=None)
@given(k=st.integers(0, 3000), p=st.integers(0, 4096), d=st.integers(0, 512),
       c0=st.integers(0, 10**6), mem=st.floats(0, 1e-7), attn=st.floats(0, 1e-7),
       comp=st.floats(0, 1e-4), base=st.floats(0, 0.02))
def test_seg_time_equals_the_explicit_sum(k, p, d, c0, mem, attn, comp, base) -> None:
    it = IterationModel(c0_s=0.001, per_token_s=1e-7, per_prefill_token_s=1e-7, mem_base_s=base,
                        mem_per_ctx_token_s=mem, compute_per_token_s=comp,
                        attn_per_ctx_token_s=attn)
    row = iteration_row(it)
    assert row.shape == (NIT,)
    want = _explicit(it, k, p, d, c0)
    assert seg_time(k, p, d, float(c0), row) == pytest.approx(want, rel=1e-9, abs=1e-12)
    if attn == 0.0:  # a 6-column row (no attention term) gives the same
        assert seg_time(k, p, d, float(c0), row[:6].copy()) == pytest.approx(want, rel=1e-9,
                                                                              abs=1e-12)


@pytest.mark.parametrize("profile", [paged_profile(attn=True), ROOF], ids=["toy", "roofline"])
def test_engine_iterations_follow_the_iteration_model(profile: ReplicaProfile) -> None:
    """A request alone and a batch arriving together: every iteration is ``time_s``."""
    it = profile.iteration
    assert it.attn_per_ctx_token_s > 0 and it.mem_per_ctx_token_s == 0
    prompt, out = 50, 120
    alone = simulate(PoolSpec(profile, 1, 4096), Requests([0.0], [prompt], [out]),
                     level="engine", warmup_fraction=0.0, record=True).records[0].columns
    ttft = float(profile.prefill_s(prompt))
    decode = _explicit(it, out - 1, 0, 1, prompt + 1)
    assert alone["first_token_s"][0] == pytest.approx(ttft, rel=1e-12)
    assert alone["finish_s"][0] == pytest.approx(ttft + decode, rel=1e-12)
    # n requests prefilled in one iteration, then decoded together with contexts n (prompt+1+j)
    n = 8
    assert n * prompt < profile.chunk_tokens
    batch = simulate(PoolSpec(profile, 1, 4096),
                     Requests(np.zeros(n), np.full(n, prompt), np.full(n, out)),
                     level="engine", warmup_fraction=0.0, record=True).records[0].columns
    first = float(it.time_s(n * prompt, 0, 0))
    fin = first + _explicit(it, out - 1, 0, n, n * (prompt + 1))
    assert np.allclose(batch["first_token_s"], first, rtol=1e-12)
    assert np.allclose(batch["finish_s"], fin, rtol=1e-12)


def test_decode_pool_follows_the_attention_term() -> None:
    it = paged_profile(attn=True).iteration
    fin = decode_pool(np.array([0.0]), np.array([2000]), np.array([50]), 1, 4, 0, it)
    assert fin[0] == pytest.approx(_explicit(it, 50, 0, 1, 2000), rel=1e-12)
