"""Issue 11, numbers that mislead: whatif's headroom, confidence intervals of positive
quantities, one-run intervals and verification, NaN replications, Erlang B/C that raise instead
of masking, and the analyses' numeric arguments.  Each test is named after the defect it fixes.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from typer.testing import CliRunner

from optfleet.analysis.disagg import disagg_evaluate
from optfleet.analysis.gridflex import gridflex
from optfleet.analysis.reliability_report import reliability_report
from optfleet.analysis.tokperwatt import replica_point, tok_per_watt
from optfleet.analysis.whatif import whatif
from optfleet.cli import app
from optfleet.cli.render import ci_ms
from optfleet.errors import InputError, NumericalError
from optfleet.planning import Interval, PoolContext, size_pool
from optfleet.planning.verify import POINT_VALUE_NOTE, _judge  # noqa: F401 (the judge itself)
from optfleet.queueing import erlang, erlang_b, erlang_c
from optfleet.scenario import CDFWorkload, Scenario
from optfleet.sim.results import Estimate

AZURE = Scenario(workload=CDFWorkload(name="azure"))


# ------------------------------------------------------------------------ whatif's headroom


@pytest.fixture(scope="module")
def azure_sweep():
    return whatif(AZURE, [25, 50, 100, 200])


def _replicas_needed(scenario: Scenario, plan, total_rate: float) -> list[tuple[int, int]]:
    """(replicas the plan has, replicas the analytic sizing needs) per pool at ``total_rate``,
    each pool keeping its share of the traffic."""
    ctx = PoolContext.from_scenario(scenario)
    demands = {d.role: d for d in ctx.demands(plan.threshold_tokens, plan.gamma)}
    out = []
    for p in plan.pools:
        d = demands[p.role]
        sized = size_pool(ctx.profile(p.gpu), d, p.share * total_rate / d.share, scenario.slo,
                          ctx.preset)
        out.append((p.replicas, sized.replicas))
    return out


def test_whatif_headroom_is_not_scaled_by_the_largest_rate_of_the_sweep(azure_sweep) -> None:
    """Each row's "add capacity before" is the largest total rate at which THAT fleet still
    meets the SLO: at it every pool suffices, one step above some pool needs more replicas."""
    for row in azure_sweep.plans:
        x = row.headroom_rate_per_s
        assert row.rate_per_s <= x < 2 * row.rate_per_s  # was ~8x for 25 req/s in a 25..200 sweep
        assert math.isclose(sum(p.share for p in row.pools), 1.0, rel_tol=1e-9)
        at = _replicas_needed(AZURE, row, x * (1 - 1e-9))
        assert all(need <= have for have, need in at), (row.rate_per_s, at)
        above = _replicas_needed(AZURE, row, x * (1 + 1e-6))
        assert any(need > have for have, need in above), (row.rate_per_s, above)


def test_whatif_headroom_asked_alone_equals_the_sweep_row(azure_sweep) -> None:
    for rate in (25, 50, 200):
        single = whatif(AZURE, [rate])
        alone = single.plans[0]
        row = next(p for p in azure_sweep.plans if p.rate_per_s == rate)
        fleet = [(p.gpu, p.replicas) for p in row.pools]
        assert [(p.gpu, p.replicas) for p in alone.pools] == fleet
        assert alone.headroom_rate_per_s == pytest.approx(row.headroom_rate_per_s, rel=1e-12)
        for g in azure_sweep.gpus:
            a, b = single.gpu_plan(g, rate), azure_sweep.gpu_plan(g, rate)
            assert a.feasible == b.feasible
            if b.feasible:
                assert a.headroom_rate_per_s == pytest.approx(b.headroom_rate_per_s, rel=1e-12)


# ------------------------------------------------------------------- confidence intervals


def test_interval_of_a_positive_quantity_has_no_negative_end() -> None:
    """The issue's "4002 ms [-4152, 12156]": three P99s of very different size."""
    e = Estimate.from_samples([0.30, 0.80, 10.9])
    lin = e.value - 4.302652729911275 * float(np.std([0.30, 0.80, 10.9], ddof=1)) / math.sqrt(3)
    assert lin < 0  # the plain t interval would go negative
    assert 0 < e.low < e.value < e.high and e.n == 3
    assert "-" not in ci_ms(e)
    # a narrow interval is (nearly) the t interval
    t = Estimate.from_samples([1.00, 1.01, 0.99, 1.00])
    assert t.low == pytest.approx(1 - 0.0129904, rel=1e-3) and t.high == pytest.approx(
        1 + 0.0129904, rel=1e-3)


def test_interval_of_a_share_stays_in_zero_one() -> None:
    e = Estimate.from_samples([0.97, 0.999, 1.0], scale="logit")
    assert 0 < e.low < e.value < e.high < 1
    assert Estimate.from_samples([1.0, 1.0], scale="logit").to_dict()["high"] == 1.0


def test_single_run_shows_no_interval() -> None:
    e = Estimate.from_samples([0.372])
    assert e.to_dict() == {"value": 0.372, "low": None, "high": None, "n": 1, "n_nan": 0}
    assert ci_ms(e) == "372 (n=1)"  # not "372 [372, 372]"
    assert ci_ms(Interval(value=0.372, low=None, high=None, n=1)) == "372 (n=1)"
    assert ci_ms(Estimate.from_samples([0.1, 0.12])).endswith("(n=2)")
    inf1 = Estimate.from_samples([math.inf])
    assert math.isnan(inf1.low) and math.isnan(inf1.high)


def _pool(role: str = "all"):
    from optfleet.planning import PlanPool

    return PlanPool(role=role, gpu="H100-SXM", replicas=2, gpus_per_replica=1,
                    price_usd_per_replica_hour=4.0, share=1.0, rate_per_s=10.0,
                    max_ctx_tokens=8192, analytic_p99_ttft_s=0.3, utilisation=0.5)


def _candidate():
    from optfleet.planning import Plan, SolverStatus

    return Plan(scenario_name="x", preset="default", layout="one pool", threshold_tokens=None,
                gamma=1.0, pools=(_pool(),),
                solver=SolverStatus(backend="cbc", termination="optimal", solution="optimal",
                                    objective=8.0, gap=0.0, solve_time_s=0.0))


def test_one_replication_passes_on_its_point_value_with_a_note() -> None:
    from optfleet.planning import Plan

    one = _judge(_candidate(), lambda pp: (0.4, math.nan, math.nan, 1, 0.99, 0.5, "TTFT"), "h: ")
    assert one.accepted
    assert POINT_VALUE_NOTE in one.plan.notes
    assert "no confidence interval" in one.detail
    iv = one.plan.pools[0].simulated_p99_ttft_s
    assert (iv.value, iv.low, iv.high, iv.n) == (0.4, None, None, 1)
    assert Plan.from_json(one.plan.to_json()) == one.plan
    three = _judge(_candidate(), lambda pp: (0.4, 0.35, 0.45, 3, 0.99, 0.5, "TTFT"), "h: ")
    assert three.accepted and POINT_VALUE_NOTE not in three.plan.notes
    assert "[350, 450] (n=3)" in three.detail
    wide = _judge(_candidate(), lambda pp: (0.4, 0.2, 0.6, 3, 0.99, 0.5, "TTFT"), "h: ")
    assert not wide.accepted  # the whole interval must be within the SLO


def test_one_replication_plan_says_it_was_judged_on_point_values() -> None:
    import optfleet

    s = Scenario(rate_per_s=2, gpus=("H100-SXM",))
    p = optfleet.plan(s, replications=1, sim_requests=2000, level="slot", top_k=1)
    assert p.verified and POINT_VALUE_NOTE in p.notes
    assert all(pp.simulated_p99_ttft_s.low is None and pp.simulated_p99_ttft_s.n == 1
               for pp in p.pools)
    q = optfleet.plan(s, replications=2, sim_requests=2000, level="slot", top_k=1)
    assert POINT_VALUE_NOTE not in q.notes
    assert all(pp.simulated_p99_ttft_s.low is not None and pp.simulated_p99_ttft_s.n == 2
               for pp in q.pools)


# ------------------------------------------------------------------------ NaN replications


def test_nan_replications_are_counted_not_dropped_silently() -> None:
    e = Estimate.from_samples([0.2, math.nan, 0.3, math.nan])
    assert (e.n, e.n_nan) == (2, 2) and e.to_dict()["n_nan"] == 2
    assert Estimate.from_samples([math.nan]).to_dict() == {
        "value": None, "low": None, "high": None, "n": 0, "n_nan": 1}


def test_nan_replications_are_noted_in_the_simulation_result() -> None:
    from optfleet.physics import calibrated_profile
    from optfleet.sim import PoolSpec, Requests, simulate

    n = 200
    t = np.cumsum(np.full(n, 0.05))
    one = np.ones(n, dtype=np.int64)  # one output token: TPOT is undefined in every replication
    r = simulate(PoolSpec(calibrated_profile("H100"), 1, 4096),
                 lambda k, rng: Requests(t[:k], one[:k] * 100, one[:k]), n_requests=n,
                 replications=2, seed=1)
    assert r.fleet.tpot.p99.n_nan == 2 and r.fleet.tpot.p99.n == 0
    assert any("2 of 2 replications gave no value for tpot p99" in x for x in r.notes)
    assert '"n_nan": 2' in r.to_json()


# ---------------------------------------------------------------------------------- Erlang


def _mp_b(c: int, a: float) -> float:
    with mpmath.workdps(50):
        cm, am = mpmath.mpf(c), mpmath.mpf(a)
        log_pmf = cm * mpmath.log(am) - am - mpmath.loggamma(cm + 1)
        return float(mpmath.exp(log_pmf) / mpmath.gammainc(cm + 1, am, mpmath.inf,
                                                           regularized=True))


@pytest.mark.parametrize(("c", "a"), [(100, 5000.0), (3, 1e6), (10**6, 1.1e6), (20, 1e4)])
def test_erlang_b_overloaded_is_computed_not_replaced_by_an_approximation(c: int,
                                                                          a: float) -> None:
    """P(N <= c) underflows here; the old code substituted 1 - c/a (0.98 for c=100, a=5000)."""
    assert float(erlang_b(c, a)) == pytest.approx(_mp_b(c, a), rel=1e-12)


def test_erlang_broken_value_raises_instead_of_being_clipped(monkeypatch) -> None:
    real = erlang.special

    class Broken:
        gammaln = staticmethod(real.gammaln)
        xlogy = staticmethod(real.xlogy)

        @staticmethod
        def gammaincc(s, x):
            return real.gammaincc(s, x) * 1e-3  # P(N <= c) 1000x too small: B > 1

    monkeypatch.setattr(erlang, "special", Broken)
    with pytest.raises(NumericalError, match=r"Erlang B\(10, 5\) came out as .* outside \[0, 1\]"):
        erlang_b(10, 5.0)
    with pytest.raises(NumericalError):
        erlang_c(10, 5.0)


def test_erlang_b_of_an_infinite_load_is_an_input_error() -> None:
    with pytest.raises(InputError, match="finite"):
        erlang_b(3, math.inf)
    assert float(erlang_c(3, math.inf)) == 1.0  # unstable: waits for sure (a >= c)


# --------------------------------------------------------------- analyses' numeric arguments


BAD_ANALYSIS_CALLS = {
    "whatif rate true": lambda: whatif(AZURE, [True]),
    "whatif rate nan": lambda: whatif(AZURE, [float("nan")]),
    "whatif rate negative": lambda: whatif(AZURE, [-5]),
    "whatif rate huge": lambda: whatif(AZURE, [1e308]),
    "whatif rate text": lambda: whatif(AZURE, ["fast"]),
    "whatif rates scalar": lambda: whatif(AZURE, 25),
    "gridflex depth nan": lambda: gridflex(AZURE, depths=(float("nan"),)),
    "gridflex depth true": lambda: gridflex(AZURE, depths=(True,)),
    "gridflex depth one": lambda: gridflex(AZURE, depths=(1.0,)),
    "gridflex window nan": lambda: gridflex(AZURE, window_s=float("nan")),
    "gridflex window huge": lambda: gridflex(AZURE.model_copy(update={"rate_per_s": 1e5}),
                                             window_s=1e6),
    "gridflex replicas true": lambda: gridflex(AZURE, replicas=True),
    "gridflex seed negative": lambda: gridflex(AZURE, seed=-1),
    "reliability availability nan": lambda: reliability_report({"p": 3},
                                                               availability=float("nan")),
    "reliability availability true": lambda: reliability_report({"p": 3}, availability=True),
    "reliability target one": lambda: reliability_report({"p": 3}, target=1.0),
    "reliability mttr negative": lambda: reliability_report({"p": 3}, mttr_hours=-1.0),
    "reliability replicas huge": lambda: reliability_report({"p": 10**9}, availability=0.9),
    "disagg n_prefill true": lambda: disagg_evaluate(AZURE, "H100-SXM", "H100-SXM", True, 2),
    "disagg n_decode huge": lambda: disagg_evaluate(AZURE, "H100-SXM", "H100-SXM", 2, 10**9),
    "disagg rate inf": lambda: disagg_evaluate(AZURE, "H100-SXM", "H100-SXM", 2, 2,
                                               rate_per_s=math.inf),
    "disagg bandwidth nan": lambda: disagg_evaluate(
        AZURE, "H100-SXM", "H100-SXM", 2, 2, network_bandwidth_bytes_per_s=float("nan")),
    "tokperwatt utilisation zero": lambda: tok_per_watt(AZURE, utilisations=(0.0,)),
    "tokperwatt utilisation true": lambda: tok_per_watt(AZURE, utilisations=(True,)),
    "tokperwatt batch nan": lambda: replica_point(_h100(), float("nan"), 10.0),
}


def _h100():
    from optfleet.physics import calibrated_profile

    return calibrated_profile("H100")


@pytest.mark.parametrize("name", list(BAD_ANALYSIS_CALLS))
def test_analysis_numeric_argument_is_a_one_line_input_error(name: str) -> None:
    with pytest.raises(InputError) as info:
        BAD_ANALYSIS_CALLS[name]()
    assert "\n" not in str(info.value) and str(info.value)


@pytest.mark.parametrize("rates", ["1e308", "nan", "-3", "0"])
def test_whatif_cli_bad_rate_is_exit_2_with_one_line(rates: str) -> None:
    r = CliRunner().invoke(app, ["whatif", "--rates", rates])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
