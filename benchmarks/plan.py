"""Benchmark the planner end to end and the integer program alone.

Prints:
1. default ``optfleet plan`` end to end (tables, program, verification of the top 3 by
   engine-level simulation, reliability) — target <= 10 s;
2. the program alone for 3 GPU types x 18 thresholds x 11 gammas x 2 pools (+ the one-pool
   layout), with the real capacity tables of that scenario, solved by CBC — target <= 2 s;
3. lam = 10 000 req/s (thousands of GPUs) end to end without verification, and with it —
   target <= 30 s.

Run: python benchmarks/plan.py [--quick]
"""

from __future__ import annotations

import sys
import time

from optfleet.backends import get_backend
from optfleet.formulation import build_model
from optfleet.planning import build_problem, plan, tabulate
from optfleet.scenario import Scenario


def timed(label: str, fn):  # noqa: ANN001, ANN201
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    print(f"{label:<64} {dt:7.2f} s")
    return out, dt


def main(argv: list[str]) -> None:
    # warm the numba cache so compile time is not counted as planning time
    timed("warm-up (numba compile/cache load, small plan)", lambda: plan(Scenario(rate_per_s=5)))

    p, _ = timed("1. default `optfleet plan` end to end (verify top 3, engine)", lambda: plan())
    print(
        f"   -> {p.layout}: {p.gpus} GPUs ({p.gpus_with_spares} with spares), "
        f"${p.cost_usd_per_hour:,.2f}/h, verified={p.verified}, "
        f"candidates simulated={len(p.verification)}"
    )

    grid = Scenario(
        gpus=("A10G", "A100-80GB", "H100-SXM"),
        workload={"kind": "cdf", "name": "lmsys"},
        gammas=tuple(round(1 + 0.1 * i, 1) for i in range(11)),
        slo={"ttft_p99_s": 1.0},
    )
    tables, dt_tab = timed(
        "2a. tables for 3 GPUs x 18 thresholds x 11 gammas x 2 pools", lambda: tabulate(grid)
    )
    print(f"   -> {len(tables.layouts)} layouts, {len(tables.options)} (layout, pool, GPU) options")
    problem, _ = timed("2b. build the planning problem", lambda: build_problem(grid, tables))
    cbc = get_backend("cbc")

    def solve():  # noqa: ANN202
        m = build_model(problem)
        return m, cbc.solve(m.lp, m.variables)

    (m, res), dt = timed("2c. the program alone (build model + CBC solve)", solve)
    sol = m.solution(res)
    print(
        f"   -> termination={res.termination} solution={res.solution} gap={res.gap} "
        f"cost=${sol.cost_usd_per_hour:,.2f}/h layout={sol.layout_label}"
    )

    if "--quick" in argv:
        return
    big = Scenario(rate_per_s=10_000)
    p2, _ = timed("3a. lam = 10 000 req/s, no verification", lambda: plan(big, verify=False))
    print(
        f"   -> {p2.layout}: {p2.gpus} GPUs, ${p2.cost_usd_per_hour:,.0f}/h, "
        f"termination={p2.solver.termination}"
    )
    p3, _ = timed("3b. lam = 10 000 req/s, verified (engine, top 3)", lambda: plan(big))
    print(f"   -> {p3.layout}: {p3.gpus} GPUs, verified={p3.verified}")

    from optfleet import ModelLoad

    two = Scenario(
        preset="fleet-sim", gpus=("A100", "H100"),
        models=(ModelLoad(name="a", workload={"kind": "cdf", "name": "lmsys"}, rate_per_s=50),
                ModelLoad(name="b", workload={"kind": "cdf", "name": "azure"}, rate_per_s=30)),
    )
    p4, _ = timed("4. two models x 188 layouts (1 936 combined), no verif.",
                  lambda: plan(two, verify=False))
    print(f"   -> {p4.layout}: {p4.gpus} GPUs, ${p4.cost_usd_per_hour:,.2f}/h")
    pd = Scenario(rate_per_s=100, disaggregation="also")
    p5, _ = timed("5. default scenario with disaggregated layouts, verified", lambda: plan(pd))
    print(f"   -> {p5.layout}: {p5.gpus} GPUs, ${p5.cost_usd_per_hour:,.2f}/h")


if __name__ == "__main__":
    main(sys.argv[1:])
