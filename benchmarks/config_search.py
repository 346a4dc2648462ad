"""Benchmark the configuration search (issue #14): serving configurations as decisions.

Prints, for Llama-3.1-70B on an H100 / H200 / A100 menu at 10 and 100 req/s (azure mix, P99
TTFT 1 s, P99 TPOT 50 ms), the plan with the configuration search off (the serving config fixed
at tensor-parallel 8, bf16, max_num_seqs 256, chunk 2048 — a common way to serve a 70B model)
and on (the default candidate sets: every fitting tp in 1, 2, 4, 8; max_num_seqs 64 / 128 / 256;
chunk 2048 / 8192; bf16 and fp8 where the GPU has it): cost, GPUs, the chosen configuration of
each pool, the options the program chose among, the time to build the tables and the program
and to solve it, and whether the engine-level simulation accepted the plan.

Then, if the prefix-caching benchmark is present (``benchmarks/prefix_cache.py``), its figures:
a prefix-heavy workload planned with caching modelled and not, with the simulated hit rate.

Run: ``python benchmarks/config_search.py [--no-verify] [--rates 10,100]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from optfleet.planning import build_problem, plan, tabulate
from optfleet.scenario import ConfigSearch, Scenario

MENU = ("H100-SXM", "H200", "A100-80GB")
FIXED = {"tensor_parallel_size": 8, "dtype": "bf16", "max_num_seqs": 256,
         "chunked_prefill_tokens": 2048}


def scenario(rate: float, search: bool) -> Scenario:
    return Scenario(
        model="llama-3.1-70b", rate_per_s=rate, gpus=MENU, serving=FIXED,
        slo={"ttft_p99_s": 1.0, "tpot_p99_s": 0.05},
        config_search=ConfigSearch() if search else None,
    )


def run(rate: float, search: bool, verify: bool) -> None:
    s = scenario(rate, search)
    t0 = time.perf_counter()
    tables = tabulate(s)
    t_tab = time.perf_counter() - t0
    t0 = time.perf_counter()
    problem = build_problem(s, tables)
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    p = plan(s, verify=verify)
    t_plan = time.perf_counter() - t0
    label = "search on " if search else "search off"
    verdict = ("verified" if p.verification and p.verification[-1].accepted else
               "not verified" if not verify else "REJECTED")
    print(f"{rate:6g} req/s  {label}  ${p.cost_usd_per_hour:9,.2f}/h  {p.gpus:4d} GPUs  "
          f"options {len(problem.options):4d}  tables {t_tab:6.2f} s  program {t_build:5.2f} s  "
          f"solve {p.solver.solve_time_s:5.2f} s  plan (all steps) {t_plan:6.1f} s  {verdict}")
    for pp in p.pools:
        cfg = pp.serving.config if pp.serving else "fixed reference profile"
        print(f"{'':14s}{pp.role:6s} {pp.gpu.split('@')[0]:10s} x{pp.replicas:<4d} ({cfg})  "
              f"{pp.rate_per_s / max(pp.replicas, 1):6.2f} req/s per replica")
    for n in tables.notes:
        if n.startswith("configuration search"):
            print(f"{'':14s}{n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-verify", action="store_true", help="plan without simulation")
    ap.add_argument("--rates", default="10,100")
    args = ap.parse_args(argv)
    print("Llama-3.1-70B, azure, P99 TTFT 1 s / TPOT 50 ms, menu " + ", ".join(MENU))
    for rate in (float(x) for x in args.rates.split(",")):
        for search in (False, True):
            run(rate, search, not args.no_verify)
    prefix = Path(__file__).with_name("prefix_cache.py")
    if prefix.exists():
        print()
        print("prefix caching (benchmarks/prefix_cache.py):", flush=True)
        import runpy

        sys.argv = [str(prefix)]
        runpy.run_path(str(prefix), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
