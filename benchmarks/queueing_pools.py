"""Benchmark capacity tables built from real pool statistics.

3 GPU types (A100-80GB, H100-SXM, L40S) x the 18 CDF breakpoints of the lmsys workload as
thresholds (the short pool of each two-pool layout; the one pool where the threshold leaves no
long pool) x 2 methods ("ttft-tail", the default preset's, and "fleet-sim") = 108 tables of
k = 1..2000 replica counts.  Prints the pool-statistics setup time separately from the table
time, tables/s and counts/s (target: all 108 tables in < 0.5 s on 2 cores), then checks that
every ``Lambda[k]`` is feasible under the exact criterion (outside the timing).

Run: /work/venv/bin/python benchmarks/queueing.py [--repeat N] [--k-max K]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

import numpy as np

from optfleet.planning import PoolContext, criterion, layout_pools, pool_service
from optfleet.queueing import Criterion, capacity_table

GPUS = ("A100-80GB", "H100-SXM", "L40S")


def build_criteria() -> tuple[list[Criterion], list[str]]:
    """The ttft-tail criteria of the 54 pools (the default preset's method)."""
    ctx = PoolContext.from_names(workload="lmsys", preset="default", gpus=GPUS)
    thresholds = [int(t) for t in ctx.workload.cdf.breakpoints]
    crits: list[Criterion] = []
    labels: list[str] = []
    for gpu in GPUS:
        profile = ctx.profile(gpu)
        for b in thresholds:
            pools = layout_pools(ctx.mix, b, ctx.long_ctx_tokens)
            pool = next((p for p in pools if p.role == "short"), pools[-1])
            stats = pool_service(profile, pool, ctx.preset)
            crits.append(criterion(stats, ctx.scenario.slo, ctx.preset))
            labels.append(f"{gpu}/{b}/{pool.role}")
    return crits, labels


def fleet_sim(crit: Criterion) -> Criterion:
    """The same pool under the reference planner's P99-wait formula."""
    return dataclasses.replace(crit, method="fleet-sim", prefill_s=None, prefill_prob=None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--repeat", type=int, default=5, help="timed repetitions (best and median shown)"
    )
    ap.add_argument("--k-max", type=int, default=2000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    ttft, labels = build_criteria()
    crits = {"ttft-tail": ttft, "fleet-sim": [fleet_sim(c) for c in ttft]}
    setup = time.perf_counter() - t0
    n_pts = [np.unique(np.asarray(c.prefill_s)).size for c in ttft]
    print(
        f"pool statistics + criteria: {setup:.3f} s  ({len(ttft)} pools, distinct prefill values "
        f"{min(n_pts)}..{max(n_pts)}, servers/replica "
        f"{min(c.servers_per_replica for c in ttft)}..{max(c.servers_per_replica for c in ttft)})"
    )

    k_max = args.k_max
    capacity_table(k_max, ttft[0])  # warm-up (imports, first calls)
    times: dict[str, list[float]] = {m: [] for m in crits}
    tables: dict[str, list[np.ndarray]] = {}
    for _ in range(args.repeat):
        for method, cs in crits.items():
            t = time.perf_counter()
            tables[method] = [capacity_table(k_max, c) for c in cs]
            times[method].append(time.perf_counter() - t)
    total_best = sum(min(v) for v in times.values())
    total_med = sum(statistics.median(v) for v in times.values())
    n_tables = sum(len(cs) for cs in crits.values())
    for method, v in times.items():
        n = len(crits[method])
        print(
            f"{method:<10} {n} tables x {k_max} counts: best {min(v):.3f} s, median "
            f"{statistics.median(v):.3f} s  ({n / min(v):,.0f} tables/s, "
            f"{n * k_max / min(v):,.0f} counts/s)"
        )
    print(
        f"all        {n_tables} tables x {k_max} counts: best {total_best:.3f} s, median "
        f"{total_med:.3f} s  ({n_tables / total_best:,.0f} tables/s, "
        f"{n_tables * k_max / total_best:,.0f} counts/s)  target < 0.5 s"
    )

    # safety check (not timed): every entry feasible under the exact criterion, non-decreasing
    k = np.arange(1, k_max + 1)
    worst = 0
    for method, cs in crits.items():
        for c, table, label in zip(cs, tables[method], labels, strict=True):
            ok = c.meets(k, table[1:])
            if not ok.all() or np.any(np.diff(table) < 0):
                worst += 1
                print(f"  NOT FEASIBLE/MONOTONE: {method} {label}")
            capped = int(np.sum(table[1:] >= c.max_rate(k) * (1 - 1e-12)))
            if method == "ttft-tail" and label.endswith(("/64/short", "/65536/all")):
                print(
                    f"  {method:<10} {label:<22} Lambda[1] {table[1]:9.3f}  Lambda[{k_max}] "
                    f"{table[-1]:11.1f} req/s  at the utilisation cap: {capped}/{k_max}"
                )
    print(
        "every Lambda[k] feasible and tables non-decreasing"
        if worst == 0
        else f"{worst} BAD tables"
    )


if __name__ == "__main__":
    main()
