"""Disaggregated prefill/decode layouts in the planner: capacity tables against the analytic
checks, the decode-pool simulator against hand-computed oracles, plans against `optfleet disagg`."""

from __future__ import annotations

import math

import numpy as np
import pytest

import optfleet
from optfleet.analysis.disagg import disagg
from optfleet.physics import calibrated_profile
from optfleet.planning import disaggregation as pdm
from optfleet.planning import tabulate
from optfleet.planning.results import Plan
from optfleet.sim.pd import decode_pool

H100 = calibrated_profile("H100")


def _iter(d: int, ctx: float) -> float:
    return float(H100.iteration.time_s(0.0, d, ctx))


# ------------------------------------------------------------------------- decode simulator


def test_decode_pool_single_request_is_the_sum_of_its_iterations() -> None:
    fin = decode_pool(np.array([1.0]), np.array([100]), np.array([10]), 1, 8, 0, H100.iteration)
    want = 1.0 + sum(_iter(1, 100 + j) for j in range(10))
    assert fin[0] == pytest.approx(want, rel=1e-12)


def test_decode_pool_balances_and_batches() -> None:
    # two replicas: simultaneous requests go to different replicas and finish together
    fin = decode_pool(np.zeros(2), np.array([50, 50]), np.array([5, 5]), 2, 4, 0, H100.iteration)
    assert fin[0] == fin[1] == pytest.approx(sum(_iter(1, 50 + j) for j in range(5)))
    # one replica, cap 2: the second joins at the first iteration boundary and the two then
    # share iterations (batch 2, contexts 51 + 50 growing by 2 per iteration)
    fin = decode_pool(np.zeros(2), np.array([50, 50]), np.array([5, 5]), 1, 2, 0, H100.iteration)
    first = _iter(1, 50) + sum(_iter(2, 101 + 2 * j) for j in range(4))
    assert fin.tolist() == pytest.approx([first, first + _iter(1, 54)], rel=1e-12)
    # cap 1: the second waits for the first
    fin = decode_pool(np.zeros(2), np.array([50, 50]), np.array([5, 5]), 1, 1, 0, H100.iteration)
    one = sum(_iter(1, 50 + j) for j in range(5))
    assert fin.tolist() == pytest.approx([one, 2 * one])


def test_decode_pool_kv_admission_never_overcommits() -> None:
    # final contexts 60 + 40 = 100 each; KV for 150 tokens admits one at a time
    fin = decode_pool(np.zeros(2), np.array([60, 60]), np.array([40, 40]), 1, 8, 150,
                      H100.iteration)
    assert fin[1] > fin[0] * 1.9
    # a request larger than the whole KV still runs alone (guaranteed progress)
    fin = decode_pool(np.array([0.0]), np.array([500]), np.array([5]), 1, 8, 100, H100.iteration)
    assert np.isfinite(fin[0])


def test_decode_pool_rejects_bad_input() -> None:
    with pytest.raises(optfleet.InputError):
        decode_pool(np.array([1.0, 0.5]), np.array([1, 1]), np.array([1, 1]), 1, 1, 0,
                    H100.iteration)


# ---------------------------------------------------------------------------- capacity tables


@pytest.fixture(scope="module")
def pd_tables():
    s = optfleet.Scenario(rate_per_s=20, gpus=("H100-SXM", "A100-80GB"), disaggregation="only")
    return s, tabulate(s)


def test_layouts_one_per_gpu_pair(pd_tables) -> None:
    _, t = pd_tables
    names = sorted(lay.name for lay in t.layouts)
    assert names == sorted(f"disagg {p}/{d}" for p in ("H100-SXM", "A100-80GB")
                           for d in ("H100-SXM", "A100-80GB"))
    assert all([r.name for r in lay.roles] == ["prefill", "decode"] for lay in t.layouts)


def test_prefill_table_matches_the_analytic_check(pd_tables) -> None:
    s, t = pd_tables
    opt = t.options[("disagg H100-SXM/A100-80GB", "prefill", "H100-SXM")]
    pd = opt.pd
    q, cap = s.slo.quantile, t.ctx.preset.util_cap
    for k in range(1, len(opt.table)):
        lam = opt.table[k]
        rho, ttft = pdm.prefill_check(pd.prefill, k, lam, q, pd.values, pd.probs)
        assert rho <= cap + 1e-12 and ttft <= s.slo.ttft_p99_s + 1e-9, k
        rho2, ttft2 = pdm.prefill_check(pd.prefill, k, lam * 1.01, q, pd.values, pd.probs)
        assert rho2 > cap or ttft2 > s.slo.ttft_p99_s, k


def test_decode_table_matches_the_analytic_check(pd_tables) -> None:
    s, t = pd_tables
    opt = t.options[("disagg H100-SXM/A100-80GB", "decode", "A100-80GB")]
    side, tpot = opt.pd.decode, opt.pd.tpot_slo_s
    for k in range(1, len(opt.table)):
        _, bq, _, tq = pdm.decode_check(side, k, opt.table[k], s.slo.quantile)
        assert bq <= side.slots and tq <= tpot, k
        _, bq2, _, tq2 = pdm.decode_check(side, k, opt.table[k] * 1.02, s.slo.quantile)
        assert bq2 > bq or tq2 > tq, k  # the quantile batch grows past the limit


# ------------------------------------------------------------------------------------ plans


def test_disaggregated_plan_matches_the_disagg_analysis_and_verifies() -> None:
    base = dict(rate_per_s=20, gpus=("H100-SXM", "A100-80GB"))
    p = optfleet.plan(optfleet.Scenario(disaggregation="only", **base))
    r = disagg(optfleet.Scenario(**base), compare_aggregated=False)
    assert p.layout == f"disagg {r.best.prefill_gpu}/{r.best.decode_gpu}"
    by = {x.role: x for x in p.pools}
    assert (by["prefill"].replicas, by["decode"].replicas) == (r.best.n_prefill, r.best.n_decode)
    assert p.cost_usd_per_hour == pytest.approx(r.best.cost_usd_per_hour)
    assert p.verified and p.verification_level == "disaggregated"
    assert by["prefill"].simulated_p99_ttft_s.high <= 0.5
    assert by["decode"].simulated_p99_tpot_s.high <= pdm.DEFAULT_TPOT_SLO_S
    assert by["decode"].analytic_p99_ttft_s is None and by["decode"].analytic_p99_tpot_s > 0
    assert p.rejected_share == pytest.approx(0.0, abs=1e-9)
    assert Plan.from_json(p.to_json()) == p


def test_also_is_never_dearer_than_aggregated_only() -> None:
    base = dict(rate_per_s=60, gpus=("H100-SXM", "A100-80GB"), slo={"ttft_p99_s": 1.0})
    agg = optfleet.plan(optfleet.Scenario(**base), verify=False)
    both = optfleet.plan(optfleet.Scenario(disaggregation="also", **base), verify=False)
    only = optfleet.plan(optfleet.Scenario(disaggregation="only", **base), verify=False)
    assert both.cost_usd_per_hour <= min(agg.cost_usd_per_hour, only.cost_usd_per_hour) + 1e-9


def test_impossible_tpot_is_explained() -> None:
    s = optfleet.Scenario(rate_per_s=20, gpus=("H100-SXM",), disaggregation="only",
                          slo={"ttft_p99_s": 0.5, "tpot_p99_s": 1e-4})
    with pytest.raises(optfleet.InfeasibleError, match="TPOT SLO"):
        optfleet.plan(s, verify=False)


def test_cli_plan_disaggregation_json(cli) -> None:
    r = cli("plan", "--rate", "20", "--disaggregation", "only", "--no-verify", "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    assert d["layout"].startswith("disagg ")
    roles = {p["role"]: p for p in d["pools"]}
    assert set(roles) == {"prefill", "decode"}
    assert roles["decode"]["analytic_p99_tpot_s"] > 0 and roles["decode"]["kv_link"]
    assert not math.isnan(roles["prefill"]["analytic_p99_ttft_s"])
    assert cli("plan", "--disaggregation", "sideways").code == 2


def test_a_gpu_that_can_not_hold_the_context_is_left_out_not_fatal() -> None:
    # agent_heavy reaches 65536 tokens: more than Llama-3.1-8B's KV fits on an L4
    s = optfleet.Scenario(rate_per_s=5, gpus=("L4", "H100-SXM"), disaggregation="also",
                          workload={"kind": "cdf", "name": "agent_heavy"},
                          thresholds_tokens=(), slo={"ttft_p99_s": 2.0})
    t = tabulate(s)
    assert any("disaggregated pools on L4" in e for e in t.excluded)
    assert all("L4" not in lay.name for lay in t.layouts if lay.name.startswith("disagg"))
    assert optfleet.plan(s, verify=False).gpus >= 1
