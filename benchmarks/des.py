"""Discrete-event simulator benchmark: requests simulated per second and peak memory.

Cases (calibrated fleet-sim H100 profiles, max_ctx 8192, Poisson arrivals, azure CDF):

1. 12 replicas, lam 200/s, 1 000 000 requests, engine level (target <= 4 s);
2. the same at slot level (target <= 1 s);
3. 600 replicas, lam 12 000/s, 20 000 requests, engine and slot level (target <= 1 s);
4. closed loop (``ClosedLoopClients``): 12 replicas, 256 users, exponential think 1 s,
   1 000 000 requests, engine and slot level (no target; compare with case 1 and 2).

Numba compile (or cache load) time is measured separately by a tiny warm-up run.  Memory:
``tracemalloc`` peak of the timed call (numpy arrays: the simulation's data) and the process'
peak RSS (``ru_maxrss``, includes the interpreter, numpy/scipy and numba/LLVM, ~200 MB).

Run: ``python benchmarks/des.py``
"""

from __future__ import annotations

import resource
import time
import tracemalloc

from optfleet.physics import calibrated_profile
from optfleet.scenario import ClosedLoopClients
from optfleet.sim import PoolSpec, simulate
from optfleet.workloads import builtin_cdf, mix_from_cdf


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    mix = mix_from_cdf(builtin_cdf("azure"))
    h100 = calibrated_profile("H100")
    t0 = time.perf_counter()
    for level in ("engine", "slot"):
        simulate(PoolSpec(h100, 2, 8192), mix, 10.0, level=level, n_requests=200, seed=0)
    print(f"numba compile / cache load + warm-up: {time.perf_counter() - t0:.2f} s "
          f"(RSS after: {rss_mb():.0f} MB)")
    cases = [
        ("azure, 12 x H100, lam 200/s, 1M requests", 12, 200.0, 1_000_000, "engine", 4.0),
        ("azure, 12 x H100, lam 200/s, 1M requests", 12, 200.0, 1_000_000, "slot", 1.0),
        ("azure, 600 x H100, lam 12000/s, 20k requests", 600, 12_000.0, 20_000, "engine", 1.0),
        ("azure, 600 x H100, lam 12000/s, 20k requests", 600, 12_000.0, 20_000, "slot", 1.0),
    ]
    closed = ClosedLoopClients(users=256, think_time_s=1.0, think="exponential")
    cases += [("azure, 12 x H100, closed loop 256 users, think exp 1 s, 1M requests", 12, closed,
               1_000_000, level, None) for level in ("engine", "slot")]
    for name, reps, lam, n, level, target in cases:
        tracemalloc.start()
        t = time.perf_counter()
        r = simulate(PoolSpec(h100, reps, 8192), mix, lam, level=level, n_requests=n, seed=1)
        dt = time.perf_counter() - t
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        f = r.fleet
        goal = "" if target is None else f" (target <= {target:g} s)"
        print(
            f"{level:6s} {name}: {dt:.2f} s{goal}, {n / dt:,.0f} requests/s, "
            f"{r.events:,} events; peak traced {peak / 2**20:.0f} MB, process peak RSS "
            f"{rss_mb():.0f} MB; P99 TTFT {f.ttft.p99.value * 1e3:.1f} ms, "
            f"slot util {f.slot_utilisation.value:.3f}, unfinished {f.unfinished}"
        )


if __name__ == "__main__":
    main()
