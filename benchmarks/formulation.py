"""Benchmark the fleet integer program alone (no queueing, no simulation).

Prints build / solve times of the benchmark grid - 3 GPU types x 18 thresholds x 11 gammas x
2 pools plus the one-pool layout, synthetic square-root-staffing tables - at 100 req/s (target
<= 2 s with CBC) and at 10 000 req/s (thousands of GPUs), in "split" (traffic shared across
types) and "single" (one type per pool) modes, pruned (default) and unpruned, and with compact
tables (``optfleet.formulation.compact_problem``: an exact head and a linear tail, so the
program's size no longer grows with the replica count) up to 10^5 req/s.
:func:`time_formulation` times one build + solve (it lives here, not in optfleet.formulation,
which never solves).

Run: /work/venv/bin/python benchmarks/formulation.py [--quick]
"""

from __future__ import annotations

import sys
import time
from typing import Any

from optfleet.backends import get_backend, get_solve_options, list_backends
from optfleet.formulation import PlanningProblem, build_model, compact_problem
from optfleet.formulation.synthetic import fleet_problem


def time_formulation(
    problem: PlanningProblem,
    backend: Any = "cbc",
    options: Any = None,
    max_counts_per_option: int | None = None,
    prune: bool = True,
) -> dict[str, Any]:
    """Time building and solving one problem; returns a JSON-ready dict of figures.

    Keys: ``build_s``, ``solve_s`` (the backend's wall time, including PuLP writing the model for
    CBC), ``total_s``, ``variables``, ``binaries``, ``constraints``, ``nonzeros``,
    ``termination``, ``solution``, ``cost_usd_per_hour``, ``gpus``, ``layout``, ``exact``.

    Examples
    --------
    >>> t = time_formulation(fleet_problem(n_thresholds=2, n_gammas=2))
    >>> t["termination"]
    'optimal'
    """
    be = get_backend(backend)
    opts = get_solve_options(options)
    t0 = time.perf_counter()
    model = build_model(problem, max_counts_per_option, prune=prune)
    t1 = time.perf_counter()
    result = be.solve(model.lp, model.variables, opts)
    t2 = time.perf_counter()
    sol = model.solution(result)
    st = model.stats()
    return {
        "backend": be.name,
        "build_s": t1 - t0,
        "solve_s": t2 - t1,
        "total_s": t2 - t0,
        "variables": st.variables,
        "binaries": st.binaries,
        "constraints": st.constraints,
        "nonzeros": st.nonzeros,
        "termination": result.termination,
        "solution": result.solution,
        "gap": result.gap,
        "cost_usd_per_hour": None if sol is None else sol.cost_usd_per_hour,
        "gpus": None if sol is None else sol.gpus,
        "layout": None if sol is None else sol.layout,
        "exact": model.exact,
    }


def row(label: str, figures: dict) -> str:
    cost = figures["cost_usd_per_hour"]
    return (
        f"{label:<44} {figures['backend']:<6} build {figures['build_s']:6.2f} s  "
        f"solve {figures['solve_s']:6.2f} s  total {figures['total_s']:6.2f} s  "
        f"bin {figures['binaries']:>7}  rows {figures['constraints']:>7}  "
        f"{figures['termination']:<10} cost {cost if cost is None else round(cost, 2)}  "
        f"gpus {figures['gpus']}  exact {figures['exact']}"
    )


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    cases = [
        ("100 req/s split (pruned)", 100.0, "split", {}),
        ("100 req/s single (pruned)", 100.0, "single", {}),
        ("100 req/s split, H100<=4, budget 60", 100.0, "split",
         {"max_gpus": {"H100-SXM": 4}, "budget_usd_per_hour": 60.0}),
        ("10000 req/s split (pruned)", 10000.0, "split", {}),
        ("10000 req/s single (pruned)", 10000.0, "single", {}),
        ("10000 req/s split, H100<=300", 10000.0, "split", {"max_gpus": {"H100-SXM": 300}}),
    ]
    for label, rate, split, constraints in cases:
        t0 = time.perf_counter()
        problem = fleet_problem(rate, split=split, **constraints)
        gen = time.perf_counter() - t0
        for backend in list_backends():
            figures = time_formulation(problem, backend, "exact")
            print(row(label, figures) + f"  (tables {gen:.2f} s)")
    if quick:
        return
    # the unpruned models: the raw size of the grid
    for label, rate, split, kw in [
        ("100 req/s split, unpruned", 100.0, "split", {}),
        ("100 req/s single, unpruned", 100.0, "single", {}),
        ("10000 req/s single, unpruned", 10000.0, "single", {}),
        ("10000 req/s split, unpruned, <=32 counts", 10000.0, "split",
         {"max_counts_per_option": 32}),
    ]:
        problem = fleet_problem(rate, split=split)
        figures = time_formulation(problem, "cbc", "fast", prune=False, **kw)
        print(row(label, figures) + "  (fast preset)")
    # compact tables: at most K0 binaries and one integer per option, whatever the rate
    for rate in (10_000.0, 100_000.0):
        problem, gaps = compact_problem(fleet_problem(rate))
        figures = time_formulation(problem, "cbc", "exact")
        label = f"{rate:.0f} req/s split, compact tables"
        print(row(label, figures) + f"  (gap bound <= {max(gaps.values()):.3f})")


if __name__ == "__main__":
    main(sys.argv[1:])
