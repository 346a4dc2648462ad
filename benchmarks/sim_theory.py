"""The slot level against exact queueing theory (the acceptance table of the simulator).

M/M/c with c in {1, 8, 64, 512} at utilisation 0.5, 0.8, 0.95 (mu = 1): simulated P(wait),
mean wait and P99 wait with 95 % replication CIs next to the Erlang-C values; M/D/1 at 0.75
(theory: mean wait 1.5 service times).  Same configuration as tests/test_sim_slot.py.

Usage: ``python benchmarks/sim_theory.py`` (about a minute).
"""

from __future__ import annotations

import time

import numpy as np

from optfleet.physics import calibrated_profile
from optfleet.queueing import erlang_c, mmc_mean_wait_s, mmc_wait_quantile_s
from optfleet.sim import PoolSpec, Requests, simulate

H100 = calibrated_profile("H100")


def workload(lam: float, service: str):
    def gen(n: int, rng: np.random.Generator) -> Requests:
        t = np.cumsum(rng.exponential(1.0 / lam, n))
        hold = rng.exponential(1.0, n) if service == "exp" else np.ones(n)
        one = np.ones(n, dtype=np.int64)
        return Requests(t, one, one, hold_s=hold)

    return gen


def fmt(e) -> str:
    return f"{e.value:.4g} [{e.low:.4g}, {e.high:.4g}]"


def main() -> None:
    t0 = time.perf_counter()
    inside = total = 0
    print(f"{'c':>4} {'rho':>5}  {'P(wait) theory':>14} {'sim [95% CI]':>30}  {'E[W] theory':>11} "
          f"{'sim':>30}  {'P99 W theory':>12} {'sim':>30}")
    for c in (1, 8, 64, 512):
        for rho in (0.5, 0.8, 0.95):
            lam = rho * c
            n = 200_000 if c < 64 else 100_000
            r = simulate(PoolSpec(H100, 1, 4096, slots=c), workload(lam, "exp"), level="slot",
                         n_requests=n, seed=c * 100 + int(rho * 100), replications=10,
                         warmup_fraction=0.1)
            f = r.fleet
            th = (float(erlang_c(c, lam)), float(mmc_mean_wait_s(c, lam, 1.0)),
                  float(mmc_wait_quantile_s(0.99, c, lam, 1.0)))
            est = (f.wait_probability, f.wait.mean, f.wait.p99)
            for x, e in zip(th, est, strict=True):
                total += 1
                inside += e.contains(x) or (e.high == 0 and x * f.measured < 3)
            print(f"{c:>4} {rho:>5}  {th[0]:>14.4g} {fmt(est[0]):>30}  {th[1]:>11.4g} "
                  f"{fmt(est[1]):>30}  {th[2]:>12.4g} {fmt(est[2]):>30}")
    print(f"{inside}/{total} theory values inside the 95 % CIs")
    r = simulate(PoolSpec(H100, 1, 4096, slots=1), workload(0.75, "det"), level="slot",
                 n_requests=1_000_000, seed=3, replications=4)
    print(f"M/D/1 rho 0.75: mean wait {fmt(r.fleet.wait.mean)} service times (theory 1.5)")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
