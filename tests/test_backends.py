"""Tests of the solver backends: status mapping, time limits, conformance over solvers/instances."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pulp
import pytest

from optfleet.backends import (
    DEFAULT_TIME_LIMIT_S,
    SOLVE_PRESETS,
    SolveOptions,
    SolveResult,
    backend_capabilities,
    cbc_status,
    get_backend,
    get_solve_options,
    highs_status,
    list_backends,
    relative_gap,
    solve_mps,
)
from optfleet.errors import InputError, SolverError, UnknownNameError

ROOT = Path(__file__).resolve().parents[1]
INSTANCES = ROOT / "solvers" / "instances"
BACKENDS = list_backends()


def market_split(m: int, n: int, seed: int, slack: bool) -> pulp.LpProblem:
    """Cornuejols-Dawande market split: tiny, and very hard for branch and bound."""
    rng = random.Random(seed)
    p = pulp.LpProblem("market_split", pulp.LpMinimize)
    x = [p.add_variable(f"x{i}", cat="Binary") for i in range(n)]
    obj = []
    for i in range(m):
        a = [rng.randint(0, 99) for _ in range(n)]
        row = pulp.lpSum(ai * xi for ai, xi in zip(a, x, strict=True))
        if slack:
            sp, sm = p.add_variable(f"sp{i}", 0), p.add_variable(f"sm{i}", 0)
            obj += [sp, sm]
            p += row + sp - sm == sum(a) // 2
        else:
            p += row == sum(a) // 2
    p += pulp.lpSum(obj) if slack else pulp.lpSum(x)
    return p


def small_mip():
    p = pulp.LpProblem("small", pulp.LpMinimize)
    x = p.add_variable("x", 0, 10, cat="Integer")
    y = p.add_variable("y", 0, 10, cat="Integer")
    p += 3 * x + 5 * y
    p += 2 * x + 4 * y >= 7
    return p, {("x",): x, ("y",): y}


def test_registry():
    assert "cbc" in BACKENDS
    with pytest.raises(UnknownNameError, match="known: cbc, highs"):
        get_backend("gurobi")
    caps = backend_capabilities("cbc")
    assert caps["supports_time_limit"] and caps["supports_gap"] and caps["supports_mip"]
    assert get_backend(" CBC ").name == "cbc"


def test_option_presets_match_published_json():
    for name, opts in SOLVE_PRESETS.items():
        path = ROOT / "solvers" / "options" / f"{name}.json"
        assert get_solve_options(path) == opts
    with pytest.raises(UnknownNameError, match="exact, fast"):
        get_solve_options("quick")
    with pytest.raises(InputError, match="gap_rel"):
        SolveOptions(gap_rel=-0.1)
    with pytest.raises(InputError, match="unknown solve option"):
        SolveOptions.from_dict({"timelimit": 3})


@pytest.mark.parametrize("name", BACKENDS)
def test_optimal_values_by_key(name):
    p, variables = small_mip()
    r = get_backend(name).solve(p, variables)
    assert (r.termination, r.solution) == ("optimal", "optimal")
    assert r.objective == pytest.approx(10.0)  # x = 0, y = 2
    assert r.values[("x",)] == pytest.approx(0.0) and r.values[("y",)] == pytest.approx(2.0)
    assert r.gap == pytest.approx(0.0) and r.best_bound == pytest.approx(10.0)
    json.dumps(r.to_dict())


@pytest.mark.parametrize("name", BACKENDS)
def test_infeasible_and_unbounded(name):
    be = get_backend(name)
    p = pulp.LpProblem("inf", pulp.LpMinimize)
    a = p.add_variable("a", 0, 3, cat="Integer")
    p += a
    p += 2 * a == 3
    r = be.solve(p)
    assert r.termination in ("infeasible", "infeasible_or_unbounded") and r.solution == "none"
    assert r.is_infeasible and r.objective is None
    q = pulp.LpProblem("unb", pulp.LpMinimize)
    b = q.add_variable("b", cat="Integer")
    c = q.add_variable("c", 0, 1, cat="Integer")
    q += b + c
    q += b <= 5
    r = be.solve(q)
    assert r.termination in ("unbounded", "infeasible_or_unbounded") and r.solution == "none"


@pytest.mark.parametrize("name", BACKENDS)
def test_time_limit_is_not_reported_as_optimal(name):
    be = get_backend(name)
    r = be.solve(market_split(4, 34, 0, slack=True), options=SolveOptions(time_limit_s=0.3))
    assert r.termination == "time_limit"
    assert r.solution in ("feasible", "none")
    if r.solution == "feasible":
        assert r.best_bound is not None and r.best_bound <= r.objective
        assert r.gap == pytest.approx(relative_gap(r.objective, r.best_bound))
    r = be.solve(market_split(4, 34, 0, slack=False), options=SolveOptions(time_limit_s=0.3))
    assert r.termination == "time_limit" and r.solution == "none" and r.objective is None


@pytest.mark.parametrize("name", BACKENDS)
def test_default_time_limit_reports_the_gap(name):
    assert SolveOptions().time_limit_s == DEFAULT_TIME_LIMIT_S == 60.0
    assert SolveOptions(time_limit_s=None).time_limit_s is None  # no limit, on request
    be = get_backend(name)
    assert be.solver(SolveOptions()).timeLimit == DEFAULT_TIME_LIMIT_S
    assert be.solver(SolveOptions(time_limit_s=None)).timeLimit is None
    # with slack every point is feasible, so an incumbent exists when the limit stops the search
    r = be.solve(market_split(4, 34, 1, slack=True), options=SolveOptions(time_limit_s=0.5))
    assert (r.termination, r.solution) == ("time_limit", "feasible")
    assert r.objective is not None and r.best_bound is not None
    assert r.gap is not None and 0.0 <= r.gap == pytest.approx(
        relative_gap(r.objective, r.best_bound))
    assert r.to_dict()["gap"] == r.gap


def test_cbc_status_mapping():
    assert cbc_status(1, "Result - Optimal solution found\n") == ("optimal", "optimal")
    log = "Result - Stopped on time limit\n\nObjective value: 2.0\nLower bound: 0.0\n"
    assert cbc_status(2, log) == ("time_limit", "feasible")
    assert cbc_status(0, "Result - Stopped on time limit\n\nNo feasible solution found\n") == (
        "time_limit", "none")
    assert cbc_status(0, "Result - Stopped on iterations or time\n")[0] == "node_limit"
    assert cbc_status(0, "Result - Problem proven infeasible\n") == ("infeasible", "none")
    assert cbc_status(0, "", lp_status=-1) == ("infeasible", "none")
    assert cbc_status(0, "Result - Linear relaxation unbounded\n") == ("unbounded", "none")
    assert cbc_status(0, "garbage") == ("error", "none")


def test_highs_status_mapping():
    assert highs_status("HighsModelStatus.kOptimal", True) == ("optimal", "optimal")
    assert highs_status("kTimeLimit", True) == ("time_limit", "feasible")
    assert highs_status("kTimeLimit", False) == ("time_limit", "none")
    assert highs_status("kInfeasible", False) == ("infeasible", "none")
    assert highs_status("kUnboundedOrInfeasible", False) == ("infeasible_or_unbounded", "none")
    assert highs_status("kSolveError", False) == ("error", "none")


def test_solve_result_validates():
    with pytest.raises(InputError):
        SolveResult("cbc", "done", "optimal", 1.0, 1.0, 0.0, 0.1)
    assert relative_gap(10.0, 9.0) == pytest.approx(0.1)
    assert relative_gap(0.0, 0.0) == 0.0
    assert math.isinf(relative_gap(1.0, float("-inf")))


def test_unavailable_backend_is_a_solver_error(monkeypatch):
    from optfleet.backends.highs import HighsBackend

    monkeypatch.setattr(HighsBackend, "available", lambda self: False)
    with pytest.raises(SolverError, match="not installed"):
        get_backend("highs")
    assert "highs" not in list_backends()


@pytest.mark.parametrize("name", BACKENDS)
def test_conformance_instances(name):
    index = json.loads((INSTANCES / "index.json").read_text())
    assert len(index) >= 2
    for entry in index:
        r = solve_mps(INSTANCES / entry["file"], name, "exact")
        assert r.termination == "optimal", entry["file"]
        assert r.objective == pytest.approx(entry["objective"], rel=1e-7), entry["file"]


def test_highs_prints_nothing_on_stdout() -> None:
    """highspy prints its banner from C (file descriptor 1), whatever output_flag says; the
    backend silences it, so ``--format json`` output stays JSON (checked on the real console
    script: capsys does not see writes to the descriptor)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from optfleet.backends import HighsBackend

    if not HighsBackend().available():
        pytest.skip("highspy not installed")
    script = Path(sys.executable).parent / ("optfleet.exe" if os.name == "nt" else "optfleet")
    out = subprocess.run([str(script), "plan", "--backend", "highs", "--no-verify", "--rate",
                          "20", "--format", "json"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["solver"]["backend"] == "highs"
    assert out.stdout.lstrip().startswith("{") and "Running HiGHS" not in out.stdout
