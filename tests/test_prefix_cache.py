"""Prefix caching (issue #14): the reuse data on requests, the engine simulator's per-replica
prefix cache and the cache-affinity balancer."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from prefix_cases import GOLDEN, cases, paged_profile, run_case

from optfleet.errors import InputError
from optfleet.sim import FailureSpec, FleetSpec, PoolSpec, Requests, RouterSpec, simulate
from optfleet.sim._replication import Job, run_replication
from optfleet.workloads import (
    PrefixBlocks,
    builtin_prefix_trace,
    load_mooncake,
    multi_turn_workload,
)

BIG = paged_profile(kv_tokens=2_000_000, max_len=131_072)


def _chat(n: int = 2000, share: float = 0.5, seed: int = 4, rate_per_s: float = 2.0,
          max_ctx: int = 32_768):
    """A multi-turn workload (system prompt 1500 tokens) as Requests with its block ids."""
    w = multi_turn_workload(n, np.arange(50, 800), np.arange(20, 300), system_prompt_tokens=1500,
                            continue_share=share, max_ctx_tokens=max_ctx, seed=seed)
    t = np.cumsum(np.random.default_rng(seed + 1).exponential(1 / rate_per_s, n))
    return w, Requests(t, w.prompt_tokens, w.output_tokens, prefix=w.blocks)


def _replicate(pool: PoolSpec, req: Requests, balancer: str = "jsq",
               failures: FailureSpec | None = None) -> dict:
    """One replication's raw summary of the pool (with the cache counters)."""
    job = Job(FleetSpec((pool,)), req, None, "engine", None, np.random.SeedSequence(1), 0, 0.0,
              RouterSpec(), balancer, failures, None, False, math.inf, None)
    return run_replication(job)["groups"][pool.name]


# --------------------------------------------------------------------------------------------
# Reuse data: the Mooncake reader, the bundled sample, the multi-turn model
# --------------------------------------------------------------------------------------------


def _write(tmp_path: Path, *lines: str) -> Path:
    f = tmp_path / "trace.jsonl"
    f.write_text("\n".join(lines) + "\n")
    return f


GOOD = '{"timestamp": 2000, "input_length": 1100, "output_length": 7, "hash_ids": [0, 1, 2]}'


def test_mooncake_reader_sorts_and_converts_ms(tmp_path: Path) -> None:
    f = _write(tmp_path, GOOD, "",
               '{"timestamp": 500, "input_length": 10, "output_length": 3, "hash_ids": [0]}')
    t = load_mooncake(f)
    assert t.arrival_s.tolist() == [0.0, 1.5]
    assert t.prompt_tokens.tolist() == [10, 1100] and t.output_tokens.tolist() == [3, 7]
    assert t.blocks.of(0).tolist() == [0] and t.blocks.of(1).tolist() == [0, 1, 2]


@pytest.mark.parametrize("bad, why", [
    ("not json", "malformed row"),
    ("[1, 2]", "not a JSON object"),
    ('{"timestamp": 0, "input_length": 10, "output_length": 3}', "missing field 'hash_ids'"),
    ('{"timestamp": -1, "input_length": 10, "output_length": 3, "hash_ids": [0]}', "timestamp"),
    ('{"timestamp": 0, "input_length": 0, "output_length": 3, "hash_ids": []}', "input_length"),
    ('{"timestamp": 0, "input_length": 10, "output_length": 2.5, "hash_ids": [0]}',
     "output_length"),
    ('{"timestamp": 0, "input_length": 10, "output_length": 3, "hash_ids": [-4]}', "hash_ids"),
    ('{"timestamp": 0, "input_length": 10, "output_length": 3, "hash_ids": "0"}', "hash_ids"),
    ('{"timestamp": 0, "input_length": 1100, "output_length": 3, "hash_ids": [0, 1]}',
     "2 hash_ids, but input_length 1100 spans 3 blocks of 512 tokens"),
])
def test_mooncake_reader_names_file_and_line(tmp_path: Path, bad: str, why: str) -> None:
    f = _write(tmp_path, GOOD, bad)
    with pytest.raises(InputError) as e:
        load_mooncake(f)
    msg = str(e.value)
    assert f"trace file {f}, line 2: malformed row" in msg and why in msg
    assert "\n" not in msg


def test_mooncake_reader_other_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_mooncake(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="no rows"):
        load_mooncake(_write(tmp_path, ""))
    with pytest.raises(InputError, match="block_tokens"):
        load_mooncake(_write(tmp_path, GOOD), block_tokens=0)
    # another block size changes how many ids a prompt needs
    assert load_mooncake(_write(tmp_path, GOOD), block_tokens=400).blocks.counts.tolist() == [3]


def test_bundled_mooncake_sample() -> None:
    t = builtin_prefix_trace("mooncake_conversation")
    assert t.n_requests == 328 and t.duration_s == pytest.approx(113.999)
    assert (t.prompt_tokens[0], t.output_tokens[0]) == (6758, 500)
    assert t.blocks.of(0).tolist() == list(range(14))
    # every prompt starts with block 0; record 323 resends record 266's prompt
    assert all(t.blocks.of(i)[0] == 0 for i in range(t.n_requests))
    assert t.blocks.of(322).tolist() == t.blocks.of(265).tolist()
    hit = t.blocks.ideal_hit_tokens(t.prompt_tokens)
    assert hit.sum() / t.prompt_tokens.sum() == pytest.approx(0.1109, abs=5e-4)
    assert int((hit > 512).sum()) == 33


def test_prefix_blocks_checks() -> None:
    with pytest.raises(InputError, match="offsets"):
        PrefixBlocks(np.array([0, 3]), np.array([1, 2]))
    with pytest.raises(InputError, match=">= 0"):
        PrefixBlocks.from_lists([[-1]])
    b = PrefixBlocks.from_lists([[5, 6, 7], [5, 6]], block_tokens=10)
    assert b.usable([25, 100]).tolist() == [2, 2]
    # an exact resend of a cached prompt still prefills one token
    assert PrefixBlocks.from_lists([[1, 2], [1, 2]], 10).ideal_hit_tokens([20, 20]).tolist() == [
        0, 19]


def test_multi_turn_model_structure_and_analytic_rate() -> None:
    w = multi_turn_workload(3000, np.arange(50, 800), np.arange(20, 300),
                            system_prompt_tokens=1500, continue_share=0.5,
                            max_ctx_tokens=16_384, seed=9)
    assert ((w.prompt_tokens + w.output_tokens) <= 16_384).all()
    cont = w.parent >= 0
    assert 0.4 < cont.mean() < 0.55  # some continuations hit the cap and start anew
    j = w.parent[cont]
    assert (j < np.flatnonzero(cont)).all()
    assert (w.prompt_tokens[cont] > w.prompt_tokens[j] + w.output_tokens[j]).all()
    for i in np.flatnonzero(cont)[:50]:  # a continuation repeats its parent's whole blocks
        k = int(w.prompt_tokens[w.parent[i]]) // 512
        assert w.blocks.of(i)[:k].tolist() == w.blocks.of(w.parent[i])[:k].tolist()
    # the formula and a replay of the block ids through an unbounded cache agree exactly
    assert (w.analytic_hit_tokens() == w.blocks.ideal_hit_tokens(w.prompt_tokens)).all()
    # no continuation: every request after the first hits the system prompt's 2 whole blocks
    w0 = multi_turn_workload(50, [100], [10], system_prompt_tokens=1500, continue_share=0.0)
    assert w0.analytic_hit_tokens().tolist() == [0] + [1024] * 49


def test_multi_turn_model_is_seeded_and_checked() -> None:
    a = multi_turn_workload(500, np.arange(1, 300), [8, 16], system_prompt_tokens=700,
                            continue_share=0.7, seed=3)
    b = multi_turn_workload(500, np.arange(1, 300), [8, 16], system_prompt_tokens=700,
                            continue_share=0.7, seed=3)
    c = multi_turn_workload(500, np.arange(1, 300), [8, 16], system_prompt_tokens=700,
                            continue_share=0.7, seed=4)
    assert (a.prompt_tokens == b.prompt_tokens).all() and (a.blocks.ids == b.blocks.ids).all()
    assert not (a.prompt_tokens == c.prompt_tokens).all()
    with pytest.raises(InputError, match="continue_share"):
        multi_turn_workload(5, [1], [1], system_prompt_tokens=10, continue_share=1.5)
    with pytest.raises(InputError, match="exceeds max_ctx_tokens"):
        multi_turn_workload(5, [100], [10], system_prompt_tokens=1000, continue_share=0.0,
                            max_ctx_tokens=512)


# --------------------------------------------------------------------------------------------
# The simulator: unchanged without reuse, hit rates, eviction, determinism
# --------------------------------------------------------------------------------------------


def _golden() -> dict:
    return json.loads(GOLDEN.read_text())


def _same(d: dict) -> dict:
    return json.loads(json.dumps(d, sort_keys=True))


def test_without_caching_results_are_unchanged() -> None:
    """The reference results were recorded on the simulator before prefix caching."""
    gold = _golden()
    for name, case in cases().items():
        assert _same(run_case(case)) == gold[name], name


def _unique_blocks(req: Requests) -> Requests:
    """The same requests with block ids that never repeat (zero reuse)."""
    counts = req.prompt_tokens // 512
    off = np.concatenate(([0], np.cumsum(counts)))
    return Requests(req.arrival_s, req.prompt_tokens, req.output_tokens,
                    prefix=PrefixBlocks(off, np.arange(off[-1]), 512))


def test_zero_reuse_equals_the_results_without_caching() -> None:
    """Caching on, with block ids that never repeat or with none: bit for bit the reference
    (the blocks enter the cache and are evicted, but no admission changes) - unless a sequence
    is preempted: readmitted, it finds its own prompt blocks (the recompute is spared)."""
    gold = _golden()

    def caching_pool(prof, k, ctx, name):
        return PoolSpec(prof, k, ctx, name, prefix_caching=prof.kv_policy == "paged")

    for name, case in cases(caching_pool).items():
        if isinstance(case["workload"], Requests):
            case["workload"] = _unique_blocks(case["workload"])
        d = _same(run_case(case))
        hits = []
        for g in [d["fleet"], *d["pools"]]:
            hit = g.pop("prefix_hit_rate", None)
            hits.append(0.0 if hit is None else hit["value"])
        if name == "paged_jsq_preempting":
            assert d != gold[name] and min(hits) > 0.05
            continue
        assert hits == [0.0] * len(hits), name
        assert d == gold[name], name
    # the preempting case's hits are all readmissions of preempted requests
    case = cases(caching_pool)["paged_jsq_preempting"]
    req = _unique_blocks(case["workload"])
    rec = simulate(case["fleet"], req, level="engine", seed=7, record=True).records[0].columns
    hit = rec["cached_tokens"] > 0
    assert hit.any() and (rec["preemptions"][hit] > 0).all()


def test_hit_rate_matches_the_analytic_rate() -> None:
    w, req = _chat()
    pool = PoolSpec(BIG, 1, 32_768, "p", prefix_caching=True)
    r = simulate(pool, req, level="engine", warmup_fraction=0.0, seed=1)
    sim = r.pool("p").prefix_hit_rate.value
    ana = w.analytic_hit_rate()
    assert abs(sim - ana) < 0.02, f"simulated {sim:.4f}, analytic {ana:.4f}"
    assert r.fleet.prefix_hit_rate.value == sim
    assert 0.6 < ana < 0.75
    # skipping the cached prefill shortens the time to first token
    off = simulate(PoolSpec(BIG, 1, 32_768, "p"), req, level="engine", warmup_fraction=0.0,
                   seed=1)
    assert r.fleet.ttft.mean.value < 0.6 * off.fleet.ttft.mean.value
    assert "prefix_hit_rate" not in off.to_dict()["fleet"]


def test_small_kv_evicts_and_never_evicts_a_running_sequences_block() -> None:
    w, req = _chat(3000, share=0.6, rate_per_s=8.0, max_ctx=16_384)
    rates = {}
    for kv in (2_000_000, 200_000, 20_000):
        pool = PoolSpec(paged_profile(kv_tokens=kv, max_len=16_384), 1, 16_384, "p",
                        prefix_caching=True)
        g = _replicate(pool, req)
        rates[kv] = g["prefix_hit"]
        assert g["completed"] == 3000
        assert g["cache_lost"] == 0  # no block in use was ever evicted
        assert g["cache_pinned_end"] == 0  # every pin released
        if kv == 2_000_000:
            assert g["cache_evicted"] == 0
            assert abs(g["prefix_hit"] - w.analytic_hit_rate()) < 0.02
        else:
            assert g["cache_evicted"] > 1000
    assert rates[200_000] < rates[2_000_000] - 0.1, rates
    assert rates[20_000] < rates[2_000_000] - 0.1, rates
    # under KV pressure sequences are preempted and failures wipe a replica's cache
    pool = PoolSpec(paged_profile(kv_tokens=20_000, max_len=16_384), 2, 16_384, "p",
                    prefix_caching=True)
    g = _replicate(pool, req, failures=FailureSpec(mttf_s=60.0, mttr_s=5.0))
    assert g["preemptions"] > 0 and g["failures"] > 0 and g["retries"] > 0
    assert g["completed"] == 3000 and g["cache_lost"] == 0 and g["cache_pinned_end"] == 0


def _mooncake(balancer: str, replicas: int = 4):
    t = builtin_prefix_trace("mooncake_conversation")
    req = Requests(t.arrival_s, t.prompt_tokens, t.output_tokens, prefix=t.blocks)
    pool = PoolSpec(BIG, replicas, 131_072, "p", prefix_caching=True)
    return simulate(pool, req, level="engine", warmup_fraction=0.0, seed=1, balancer=balancer)


def test_cache_affinity_raises_the_hit_rate_over_jsq() -> None:
    """Measured: cache_affinity 0.0952, jsq 0.0527, one unbounded cache 0.1109 (the balancer
    gives up a hit when the replica holding it is further behind on prefill than it saves)."""
    jsq = _mooncake("jsq").pool("p").prefix_hit_rate.value
    aff = _mooncake("cache_affinity").pool("p").prefix_hit_rate.value
    ideal = 0.1109
    msg = f"Mooncake sample, 4 replicas: cache_affinity {aff:.4f}, jsq {jsq:.4f}"
    assert aff > jsq + 0.03, msg
    assert aff <= ideal + 1e-3, msg  # never above an unbounded cache on one replica
    assert aff > 0.8 * ideal, msg


@pytest.mark.parametrize("replicas", [3, 4])
def test_cache_affinity_costs_no_ttft_over_jsq(replicas: int) -> None:
    """At a load JSQ serves (the sample's own arrivals, ~2.9 req/s), affinity must not buy its
    hits with a queue of long prefills on one replica: its P99 TTFT is within 20 % of JSQ's
    (measured: 3.24 s against 4.34 s on 3 replicas, 2.69 s against 3.49 s on 4; the request
    count guard it replaced gave 4.52 s and 3.49 s) and its hit rate is higher."""
    jsq = _mooncake("jsq", replicas).pool("p")
    aff = _mooncake("cache_affinity", replicas).pool("p")
    j99, a99 = jsq.ttft.p99.value, aff.ttft.p99.value
    msg = (f"{replicas} replicas: P99 TTFT cache_affinity {a99:.3f} s, jsq {j99:.3f} s; hit "
           f"rate {aff.prefix_hit_rate.value:.4f}, {jsq.prefix_hit_rate.value:.4f}")
    assert a99 <= 1.2 * j99, msg
    assert aff.prefix_hit_rate.value > jsq.prefix_hit_rate.value, msg


def test_cache_affinity_without_cache_is_jsq() -> None:
    gold = _golden()
    case = cases()["paged_jsq_preempting"]
    case["kwargs"]["balancer"] = "cache_affinity"
    d = _same(run_case(case))
    d["balancer"] = "jsq"
    assert d == gold["paged_jsq_preempting"]


def test_same_seed_same_answer() -> None:
    _, req = _chat(1500, share=0.6, rate_per_s=30.0, max_ctx=16_384)
    pool = PoolSpec(paged_profile(kv_tokens=60_000, max_len=16_384), 3, 16_384, "p",
                    prefix_caching=True)
    kw = dict(level="engine", seed=5, replications=2, balancer="cache_affinity",
              failures=FailureSpec(mttf_s=30.0, mttr_s=3.0))
    a = simulate(pool, req, **kw)
    b = simulate(pool, req, executor="sequential", **kw)
    assert a.to_dict() == b.to_dict()
    assert a.pool("p").prefix_hit_rate.n == 2
    c = simulate(pool, req, **{**kw, "seed": 6})
    assert c.to_dict() != a.to_dict()


def test_caching_refusals() -> None:
    h100 = cases()["two_pools_least_loaded_drain"]["fleet"][1].profile  # reserve policy
    with pytest.raises(InputError, match="paged-KV"):
        PoolSpec(h100, 1, 8192, prefix_caching=True)
    with pytest.raises(InputError, match="True or False"):
        PoolSpec(BIG, 1, 8192, prefix_caching="yes")
    _, req = _chat(10)
    with pytest.raises(InputError, match="level='engine'"):
        simulate(PoolSpec(BIG, 1, 32_768, prefix_caching=True), req, level="slot")
    with pytest.raises(InputError, match="PrefixBlocks of 3"):
        Requests([0.0, 1.0, 2.0], [5, 5, 5], [1, 1, 1], prefix=PrefixBlocks.from_lists([[1]]))
