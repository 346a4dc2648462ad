"""The judge's steady-state rule: a finite run of an overloaded pool must not pass.

Near saturation a finite simulation ends before the queue shows in the tail; the judge compares
the mean TTFT of the last third of the run with that of the middle third
(:attr:`optfleet.sim.GroupStats.ttft_growth`) and fails a pool still growing after a run four
times longer (:data:`optfleet.planning.simulate.GROWTH_LIMIT`).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import optfleet
from optfleet.physics.batching import BatchingModel
from optfleet.physics.calibrated import calibrated_profile
from optfleet.planning import tabulate, verify_plan
from optfleet.planning.engine_tables import CEILING_FACTOR, EngineCriterion
from optfleet.planning.simulate import GROWTH_LIMIT
from optfleet.scenario import SLO, Scenario
from optfleet.sim import PoolSpec, Requests, simulate


@pytest.fixture(scope="module")
def h100_sat():
    prof = calibrated_profile("H100")
    bm = BatchingModel.from_mix(prof, [300], [100], [1.0])
    return prof, EngineCriterion.build(bm, SLO(ttft_p99_s=2.0)).saturation_per_s


def _run(prof, lam: float, seed: int = 1):
    n = 20_000
    rng = np.random.default_rng(seed)
    req = Requests(np.cumsum(rng.exponential(1 / lam, n)), np.full(n, 300), np.full(n, 100))
    return simulate(PoolSpec(prof, 1, 4096), req, level="engine", seed=seed).fleet


def test_growth_is_near_one_in_steady_state_and_large_when_overloaded(h100_sat):
    prof, sat = h100_sat
    stable = _run(prof, 0.5 * sat).ttft_growth.value
    over = _run(prof, 1.3 * sat).ttft_growth.value
    assert 0.8 < stable < 1.2
    assert over > 1.5  # the queue grows linearly: the last third waits longer than the middle
    assert over > GROWTH_LIMIT > stable


def test_growth_is_nan_with_too_few_requests(h100_sat):
    prof, sat = h100_sat
    req = Requests(np.arange(20) * 0.1, np.full(20, 300), np.full(20, 10))
    g = simulate(PoolSpec(prof, 1, 4096), req, level="engine", seed=0).fleet.ttft_growth
    assert g.n_nan == 1 and math.isnan(g.value)


def test_the_judge_fails_an_overloaded_pool_whose_quantile_passes():
    """A generous TTFT SLO (1 000 s) that the overloaded pool's finite-run P99 meets: the
    quantile rule alone would accept it; the steady-state rule does not."""
    sc = Scenario(workload={"kind": "cdf", "name": "azure"}, rate_per_s=10.0,
                  gpus=("H100-SXM",), thresholds_tokens=(), slo={"ttft_p99_s": 1000.0})
    tables = tabulate(sc)
    p = optfleet.plan(sc, verify=False)
    assert p.pools[0].replicas == 1
    opt = next(o for o in tables.options.values() if o.engine is not None)
    sat = opt.engine.stability_per_s

    def judge(lam: float):
        s2 = sc.model_copy(update={"rate_per_s": lam})
        pools = tuple(q.model_copy(update={"rate_per_s": lam}) for q in p.pools)
        cand = p.model_copy(update={"pools": pools, "rate_per_s": lam})
        return verify_plan(s2, tabulate(s2), cand, n_requests=20_000, replications=2)

    v = judge(1.1 * sat)  # 10 % above the model's saturation
    assert not v.accepted
    assert "still growing" in v.detail
    # the quantile itself was within the SLO: only the rule failed it
    assert v.plan.pools[0].simulated_p99_ttft_s.value < 1000.0
    # the same pool at half its saturation rate passes
    ok = judge(0.5 * sat)
    assert ok.accepted and "still growing" not in ok.detail, ok.detail


def test_calibration_never_credits_beyond_the_ceiling(h100_sat):
    prof, sat = h100_sat
    bm = BatchingModel.from_mix(prof, [300], [100], [1.0])
    crit = EngineCriterion.build(bm, SLO(ttft_p99_s=2.0), util_cap=0.95)
    assert crit.saturation_per_s == pytest.approx(0.95 * crit.stability_per_s)
    assert crit.ceiling_per_s == pytest.approx(CEILING_FACTOR * crit.stability_per_s)
    boosted = crit.with_correction(10.0).table(100)
    assert np.all(np.diff(boosted) <= crit.ceiling_per_s * (1 + 1e-12))
    assert boosted[100] == pytest.approx(100 * crit.ceiling_per_s)
