"""The agent-heavy case of SEED_SYSTEM.md section 4 under three verification protocols.

Prints, for the one-pool fleet (24 H100, 65536 ctx) and the two-pool fleet (2 x 4096 + 23 x
65536) at 20 req/s, SLO P99 TTFT 1 s, fleet-sim assumptions:

1. the reference's protocol (one run of 40 000 requests after 8 000 warm-up, pooled queue) for
   seeds 0..N-1: how often it fails, and the P99 at its own seed 42;
2. optfleet's slot level, long run: 40 replications x 200 000 requests, per-replication P99s,
   the pooled P99 and the share of TTFTs above 1 s;
3. optfleet's engine level: 5 replications x 200 000 requests.

Usage: ``python benchmarks/agent_heavy_protocols.py [N_SEEDS]`` (default 50; about 1 minute).
"""

from __future__ import annotations

import sys
import time

import numpy as np

from optfleet._data import data_path
from optfleet.sim.fleetfile import load_fleet, replay_fleet, simulate_fleet


def main(n_seeds: int = 50) -> None:
    for name in ("one_pool", "two_pools"):
        cfg = load_fleet(data_path("examples", f"agent_heavy_{name}.fleet.yaml"))
        print(f"== {cfg.name}: {sum(p.replicas for p in cfg.pools)} H100")
        t0 = time.perf_counter()
        at42 = replay_fleet(cfg, seed=42)
        worst = []
        for seed in range(n_seeds):
            worst.append(max(p.p99_ttft_s for p in replay_fleet(cfg, seed=seed).pools))
        w = np.array(worst) * 1000
        print(
            "  fleet-sim protocol: seed 42 P99 "
            + " / ".join(f"{p.p99_ttft_s * 1000:.0f}" for p in at42.pools)
            + f" ms; seeds 0..{n_seeds - 1}: fails {int((w > 1000).sum())}/{n_seeds}, "
            f"worst-pool P99 median {np.median(w):.0f} ms, max {w.max():.0f} ms "
            f"({time.perf_counter() - t0:.1f} s)"
        )
        t0 = time.perf_counter()
        per, above, measured = [], 0, 0
        for chunk in range(4):
            r = simulate_fleet(cfg, level="slot", n_requests=200_000, replications=10,
                               seed=100 + chunk, record=True)
            for rec in r.records or ():
                x = np.asarray(rec.columns["ttft_s"])[20_000:]
                per.append(np.quantile(x, 0.99))
                above += int((x > 1.0).sum())
                measured += x.size
        p = np.array(per) * 1000
        print(
            f"  optfleet slot level, 40 x 200k: per-replication P99 median {np.median(p):.0f} ms, "
            f"{int((p > 1000).sum())}/40 above 1 s; share of TTFT > 1 s "
            f"{above / measured:.4%} (P99 <= 1 s needs <= 1 %) "
            f"({time.perf_counter() - t0:.1f} s)"
        )
        t0 = time.perf_counter()
        e = simulate_fleet(cfg, level="engine", n_requests=200_000, replications=5, seed=1)
        pools = [*e.pools, e.fleet] if len(e.pools) > 1 else [e.fleet]
        print(
            "  optfleet engine level, 5 x 200k: "
            + "; ".join(
                f"{g.name} P99 {g.ttft.p99.value * 1000:.0f} ms "
                f"[{g.ttft.p99.low * 1000:.0f}, {g.ttft.p99.high * 1000:.0f}]"
                for g in pools
            )
            + f" ({time.perf_counter() - t0:.1f} s)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
