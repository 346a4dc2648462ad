"""Prefix-caching benchmark: the engine simulator on a multi-turn chat workload.

12 toy paged-KV replicas (400 000 KV tokens each, the iteration model of
``tests/prefix_cases.py``), 200 000 requests drawn by ``multi_turn_workload`` (azure lengths
for the user turns and the answers, a 2 000-token system prompt, half of the requests continue a
conversation), Poisson arrivals at 60/s.  Three runs: caching off, on with JSQ, on with cache
affinity; each prints its wall time, hit rate and TTFT.

Then the planner on ``data/examples/prefix_heavy.scenario.yaml`` (a 6 000-token system prompt,
a fifth of the requests continuing a conversation, 12 req/s) and on
``data/examples/mooncake.scenario.yaml`` (the Mooncake conversation sample, 3 req/s): the
verified plan with caching modelled and with ``prefix_caching.enabled: false`` (the same
requests, no cache) - GPUs, cost and the analytic and simulated hit rates.

Run: ``python benchmarks/prefix_cache.py`` (``plans``: the planner part only)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from optfleet.physics import IterationModel, ReplicaProfile
from optfleet.sim import PoolSpec, Requests, simulate
from optfleet.workloads import builtin_cdf, mix_from_cdf, multi_turn_workload


def profile() -> ReplicaProfile:
    it = IterationModel(c0_s=0.003, per_token_s=1e-6, per_prefill_token_s=2e-6, mem_base_s=0.005,
                        mem_per_ctx_token_s=4e-8, compute_per_token_s=2e-5)
    return ReplicaProfile(
        name="toy-paged", gpu="toy", model="toy", gpus_per_replica=2, price_usd_per_hour=3.0,
        kv_policy="paged", kv_capacity_tokens=400_000, max_num_seqs=64, max_model_len=32_768,
        chunk_tokens=512, iteration=it, idle_w=100.0, nominal_w=400.0, power_k=1.0,
        power_x0=3.0,
    )


def main() -> None:
    mix = mix_from_cdf(builtin_cdf("azure"))
    n = 200_000
    t0 = time.perf_counter()
    w = multi_turn_workload(n, lambda k, rng: mix.sample(k, seed=rng)[0],
                            lambda k, rng: mix.sample(k, seed=rng)[1], system_prompt_tokens=2000,
                            continue_share=0.5, max_ctx_tokens=32_768, seed=1)
    print(f"drawn {n:,} requests ({w.blocks.ids.size:,} blocks) in "
          f"{time.perf_counter() - t0:.2f} s; unbounded-cache hit rate "
          f"{w.analytic_hit_rate():.3f}")
    t = np.cumsum(np.random.default_rng(2).exponential(1 / 60.0, n))
    req = Requests(t, w.prompt_tokens, w.output_tokens, prefix=w.blocks)
    prof = profile()
    simulate(PoolSpec(prof, 2, 32_768, prefix_caching=True), Requests(
        t[:200], w.prompt_tokens[:200], w.output_tokens[:200]), level="engine")  # compile
    for on, bal in ((False, "jsq"), (True, "jsq"), (True, "cache_affinity")):
        t1 = time.perf_counter()
        r = simulate(PoolSpec(prof, 12, 32_768, "p", prefix_caching=on), req, level="engine",
                     seed=1, balancer=bal)
        dt = time.perf_counter() - t1
        h = r.fleet.prefix_hit_rate
        print(f"caching {'on ' if on else 'off'} {bal:14s}: {dt:.2f} s, {n / dt:,.0f} requests/s, "
              f"hit rate {'-' if h is None else f'{h.value:.3f}'}, TTFT mean "
              f"{r.fleet.ttft.mean.value:.3f} s, P99 {r.fleet.ttft.p99.value:.3f} s")


def plans() -> None:
    """The examples planned with caching modelled and without."""
    for name in ("prefix_heavy", "mooncake"):
        _plans(name)


def _plans(name: str) -> None:
    """``data/examples/<name>.scenario.yaml`` planned with caching and with it disabled."""
    import optfleet
    from optfleet.scenario import load_scenario

    s = load_scenario(Path(__file__).resolve().parents[1] / "data" / "examples"
                      / f"{name}.scenario.yaml")
    off = s.model_copy(update={"prefix_caching": s.prefix_caching.model_copy(
        update={"enabled": False})})
    for label, sc in ((f"{name}, caching modelled", s), (f"{name}, no caching", off)):
        t0 = time.perf_counter()
        p = optfleet.plan(sc)
        pools = ", ".join(
            f"{pp.gpu} x{pp.replicas}" + (
                "" if pp.analytic_prefix_hit_rate is None else
                f" (hit rate analytic {pp.analytic_prefix_hit_rate:.3f}, simulated "
                f"{pp.simulated_prefix_hit_rate:.3f})")
            for pp in p.pools)
        print(f"plan, {label:30s}: {p.gpus} GPUs, ${p.cost_usd_per_hour:.2f}/h, verified "
              f"{p.verified} [{pools}] in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    if sys.argv[1:] != ["plans"]:
        main()
    plans()
