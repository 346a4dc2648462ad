"""Benchmark capacity tables: 3 GPU types x 18 pools (length thresholds) x 2 SLOs, k = 1..2000.

Each pool covers the prompts between two length thresholds of a 65536-token length pmf, so its
prefill-time distribution has hundreds to tens of thousands of support points.  Prints the wall
time (single-threaded and on 2 threads), tables per second, Erlang-C evaluations, and the
largest relative change of a table when the prefill distribution is kept exactly instead of
being gridded (``max_prefill_points``).

Run: ``/work/venv/bin/python benchmarks/queueing.py``
"""

from __future__ import annotations

import time

import numpy as np

from optfleet.queueing import Criterion, capacity_tables

K_MAX = 2000
GPUS = {  # name: (prefill tokens/s, per-token decode speed factor)
    "A100": (9_000.0, 1.0),
    "H100": (18_000.0, 0.6),
    "L40S": (5_000.0, 1.5),
}


def _length_pmf() -> np.ndarray:
    tokens = np.arange(1, 65_537, dtype=np.float64)
    logpdf = -((np.log(tokens) - np.log(1200.0)) ** 2) / (2 * 1.1**2) - np.log(tokens)
    pmf = np.exp(logpdf - logpdf.max())
    return pmf / pmf.sum()


def _pools(max_prefill_points: int = 4096) -> list[Criterion]:
    pmf = _length_pmf()
    tokens = np.arange(1, 65_537, dtype=np.float64)
    thresholds = np.unique(np.rint(np.geomspace(256, 65_536, 18)).astype(int))
    assert thresholds.size == 18
    crits = []
    for tok_per_s, decode in GPUS.values():
        lo = 0
        for i, hi in enumerate(thresholds):
            sel = slice(lo, hi)
            p = pmf[sel]
            x = 0.02 + tokens[sel] / tok_per_s
            servers = int(np.clip(256 >> (i // 3), 16, 256))
            mean_service = float(np.interp(i, [0, 17], [1.0, 60.0]) * decode)
            scv = float(np.interp(i, [0, 17], [0.2, 3.0]))
            for slack in (1.2, 2.0):  # tight and loose TTFT SLO
                slo = max(1.0, slack * float(x.max()))
                crits.append(
                    Criterion(
                        servers_per_replica=servers,
                        mean_service_s=mean_service,
                        scv=scv,
                        slo_s=slo,
                        q=0.99,
                        util_cap=1.0 if i % 2 else 0.9,
                        prefill_s=x,
                        prefill_prob=p,
                        max_prefill_points=max_prefill_points,
                    )
                )
            lo = hi
    return crits


def main() -> None:
    t0 = time.perf_counter()
    crits = _pools()
    t_build = time.perf_counter() - t0
    support = [int(np.count_nonzero(np.asarray(c.prefill_prob) > 0)) for c in crits]
    print(
        f"{len(crits)} pools, prefill support {min(support)}..{max(support)} points; "
        f"criteria built in {t_build:.3f} s"
    )
    capacity_tables(K_MAX, crits[:2])  # warm-up
    best = float("inf")
    for workers in (1, 2):
        t0 = time.perf_counter()
        tables = capacity_tables(K_MAX, crits, workers=workers)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        print(
            f"workers={workers}: {len(crits)} tables x {K_MAX} counts in {dt:.3f} s "
            f"({len(crits) / dt:.0f} tables/s, {len(crits) * K_MAX / dt / 1e6:.2f} M entries/s)"
        )
    assert np.all(np.diff(tables, axis=1) >= 0)
    print(f"total incl. building the criteria (best of the two): {t_build + best:.3f} s")
    # gridding of large prefill supports: compare with the exact distribution
    big = [i for i, s in enumerate(support) if s > 4096][:4]
    if big:
        exact = capacity_tables(K_MAX, [_pools(10**9)[i] for i in big], workers=2)
        pos = exact > 0
        rel = np.max(np.abs(tables[big][pos] - exact[pos]) / exact[pos])
        print(
            f"gridded vs exact prefill ({len(big)} pools, > 4096 points): max rel. diff {rel:.2e} "
            f"(gridded <= exact: {bool(np.all(tables[big] <= exact * (1 + 1e-12)))})"
        )


if __name__ == "__main__":
    main()
