"""Benchmark the planner end to end and the integer program alone.

Prints:
1. default ``optfleet plan`` end to end (tables, program, verification of the top 3 by
   engine-level simulation, reliability) — target <= 10 s;
2. the program alone for 3 GPU types x 18 thresholds x 11 gammas x 2 pools (+ the one-pool
   layout), with the real capacity tables of that scenario, solved by CBC — target <= 2 s;
3. lam = 10 000 req/s (thousands of GPUs) end to end without verification, and with it —
   target <= 30 s.

With ``--rates 1e5,1e6`` it prints instead, per planning rate: GPUs, cost, the time to tabulate,
build (problem, compaction, model), solve and verify the cheapest plan (engine level; pools
above 64 replicas by a slice), the solver's termination and gap, and the compact tables' gap
bound (``optfleet.formulation.compact_problem``: the largest over all options, and over the
plan's pools; "n/a" when the tables already carry tails).  A rate the scenario schema refuses
is reported and the synthetic benchmark grid (``optfleet.formulation.synthetic.fleet_problem``)
is planned at that rate instead, without verification.

Run: python benchmarks/plan.py [--quick] [--rates 1e5,1e6]
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


def rates_arg(argv: list[str]) -> list[float] | None:
    """The ``--rates a,b,...`` (or ``--rates=a,b``) of the command line, None if absent."""
    for i, arg in enumerate(argv):
        if arg == "--rates" and i + 1 < len(argv):
            return [float(v) for v in argv[i + 1].split(",") if v.strip()]
        if arg.startswith("--rates="):
            return [float(v) for v in arg.split("=", 1)[1].split(",") if v.strip()]
    return None


def large_rate(rate: float) -> None:
    """Plan one large rate step by step and print its figures (see the module docstring).

    This is the step-by-step breakdown of the *uncalibrated* analytic tables (no small-pool
    calibration, one verification of their cheapest plan): it shows where time goes; the
    planner's own answer is :func:`end_to_end`'s."""
    from optfleet.backends import SolveOptions
    from optfleet.formulation import compact_problem
    from optfleet.formulation.synthetic import fleet_problem
    from optfleet.planning.assemble import plan_from_solution
    from optfleet.planning.verify import verify_plan

    t0 = time.perf_counter()
    try:
        scenario = Scenario(rate_per_s=rate)
    except ValueError as exc:  # InputError and pydantic's ValidationError are ValueErrors
        first = str(exc).splitlines()
        print(f"{rate:>10.3g} req/s: the scenario schema refuses it ({first[-2].strip()}); "
              "the synthetic benchmark grid instead, not verified")
        scenario, tables = None, None
        problem = fleet_problem(rate)
    else:
        tables = tabulate(scenario)
        problem = build_problem(scenario, tables)
    t_tab = time.perf_counter() - t0
    t1 = time.perf_counter()
    gaps: dict | None = None
    if not any(o.has_tail for o in problem.options):
        problem, gaps = compact_problem(problem)
    model = build_model(problem)
    t_build = time.perf_counter() - t1
    res = get_backend("cbc").solve(model.lp, model.variables, SolveOptions())
    sol = model.solution(res)
    t_verify, verified = 0.0, "not verified"
    if sol is not None and scenario is not None:
        t2 = time.perf_counter()
        candidate = plan_from_solution(scenario, tables, sol, res)
        verdict = verify_plan(scenario, tables, candidate, replications=3)
        t_verify = time.perf_counter() - t2
        verified = "passes" if verdict.accepted else "fails"
    gpus = "-" if sol is None else f"{sol.gpus}"
    cost = "-" if sol is None else f"${sol.cost_usd_per_hour:,.0f}/h"
    gap = "-" if res.gap is None else f"{res.gap:.2e}"
    gap_bound = "n/a"
    if gaps is not None:
        used = [gaps[(sol.layout, pa.role, pa.gpu)] for pa in sol.pools] if sol else []
        gap_bound = (f"{max(gaps.values(), default=0.0):.4f} (plan's pools "
                     f"{max(used, default=0.0):.4f})")
    print(
        f"{rate:>10.3g} req/s: {gpus:>7} GPUs {cost:>14}  tabulate {t_tab:6.2f} s  build "
        f"{t_build:6.2f} s  solve {res.solve_time_s:6.2f} s  verify {t_verify:7.2f} s "
        f"({verified})  termination {res.termination}  gap {gap}  "
        f"binaries {model.stats().binaries}  compact-table gap bound {gap_bound}"
    )


def end_to_end(rate: float) -> None:
    """``optfleet.plan`` at ``rate`` with the default scenario otherwise: tables, calibration,
    program and engine-level verification (large pools by a slice), end to end."""
    p, dt = timed(f"`optfleet plan` at {rate:g} req/s end to end (calibrated, verified)",
                  lambda: plan(Scenario(rate_per_s=rate)))
    first = p.verification[0] if p.verification else None
    print(
        f"   -> {p.layout}: {p.gpus} GPUs, ${p.cost_usd_per_hour:,.2f}/h, verified={p.verified}, "
        f"round-1 candidate 1 accepted={bool(first and first.accepted)}, "
        f"candidates simulated={len(p.verification)}, solver {p.solver.termination} "
        f"gap={p.solver.gap}"
    )
    for pp in p.pools:
        print(f"      {pp.role}/{pp.gpu} x{pp.replicas}: sim P99 TTFT "
              f"{pp.simulated_p99_ttft_s.value * 1e3:.0f} ms, binds {pp.binding_slo}")


def main(argv: list[str]) -> None:
    # warm the numba cache so compile time is not counted as planning time
    timed("warm-up (numba compile/cache load, small plan)", lambda: plan(Scenario(rate_per_s=5)))
    rates = rates_arg(argv)
    if rates is not None:
        for rate in rates:
            end_to_end(rate)
            print("   step by step, uncalibrated analytic tables (where the time goes):")
            large_rate(rate)
        return

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
