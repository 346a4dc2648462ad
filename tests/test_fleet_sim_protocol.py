"""The fleet-sim preset's three reference assumptions that set its published numbers: sampled
service moments, one replica of headroom above the offered load, and its slot-level verification
protocol (SEED_SYSTEM.md section 4, agent-heavy case)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

import optfleet
from optfleet._data import data_path
from optfleet.errors import InputError
from optfleet.queueing import Criterion, capacity_table, min_replicas
from optfleet.sim.fleetfile import load_fleet, replay_fleet
from optfleet.workloads import LengthCDF, builtin_cdf
from optfleet.workloads.reference import fleet_sim_lengths, fleet_sim_stream, sub_cdf

ONE_POOL = data_path("examples", "agent_heavy_one_pool.fleet.yaml")
TWO_POOLS = data_path("examples", "agent_heavy_two_pools.fleet.yaml")


# ---------------------------------------------------------------------------- sampled lengths


def test_sampler_follows_the_bin_scheme() -> None:
    """Each draw: u = random(); the first knot with u <= F; a uniform integer in that bin."""
    cdf = LengthCDF.from_knots([(10, 0.25), (20, 1.0)], name="toy")
    got = fleet_sim_lengths(cdf, 0, 20, n=200, seed=7)
    rng = random.Random(7)
    want = []
    for _ in range(200):
        u = rng.random()
        want.append(rng.randint(1, 10) if u <= 0.25 else rng.randint(11, 20))
    assert got.tolist() == want


def test_long_pool_sub_cdf_is_renormalised_above_the_split() -> None:
    cdf = LengthCDF.from_knots([(10, 0.25), (20, 0.5), (40, 1.0)], name="toy")
    # F(15) = 0.375 (interpolated): (0.5 - 0.375) / 0.625 = 0.2
    assert sub_cdf(cdf, 15, 40) == [(20, pytest.approx(0.2)), (40, 1.0)]
    L = fleet_sim_lengths(cdf, 15, 40, n=2000, seed=1)
    assert L.min() >= 15 and L.max() <= 40  # the estimator's first long bin starts at the split
    with pytest.raises(InputError):
        sub_cdf(cdf, 40, 80)  # nothing above 40 tokens


def test_sampler_is_deterministic_and_read_only() -> None:
    cdf = builtin_cdf("lmsys")
    a = fleet_sim_lengths(cdf, 0, 4096, n=3000, seed=42)
    b = fleet_sim_lengths(cdf, 0, 4096, n=3000, seed=42)
    c = fleet_sim_lengths(cdf, 0, 4096, n=3000, seed=43)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert not a.flags.writeable
    with pytest.raises(InputError):
        fleet_sim_lengths(cdf, 0, 4096, n=0)


def test_stream_is_poisson_at_the_rate() -> None:
    t, L = fleet_sim_stream(random.Random(3), builtin_cdf("azure"), 0, 8192, 50.0, 20_000)
    assert np.all(np.diff(t) >= 0) and L.min() >= 1 and L.max() <= 8192
    assert 20_000 / t[-1] == pytest.approx(50.0, rel=0.03)


def test_sampled_moments_differ_from_exact_by_sampling_error_only() -> None:
    from optfleet.planning import PoolContext, pool_service
    from optfleet.scenario.presets import get_preset

    ctx = PoolContext.from_names(workload="azure", preset="fleet-sim", gpus=("H100",),
                                 long_max_ctx_tokens=8192)
    (d,) = ctx.demands(None)
    assert d.sample_mix is not None and d.sample_mix.n_classes == 3000
    prof = ctx.profile("H100")
    sampled = pool_service(prof, d, ctx.preset)
    exact = pool_service(prof, d, get_preset("fleet-sim").model_copy(update={"moments": "exact"}))
    rel = sampled.mean_service_s / exact.mean_service_s - 1
    assert rel != 0 and abs(rel) < 0.05  # 3000 draws: a few per cent at most


# ---------------------------------------------------------------------------------- headroom


@pytest.mark.parametrize("lam", [0.3, 1.0, 2.7, 5.0, 9.99, 40.0])
def test_headroom_puts_one_replica_above_the_offered_load(lam: float) -> None:
    kw = dict(servers_per_replica=4, mean_service_s=2.0, scv=1.0, slo_s=5.0,
              method="fleet-sim", util_cap=0.85)
    per_replica = 4 / 2.0
    n0 = min_replicas(lam, Criterion(**kw))
    n1 = min_replicas(lam, Criterion(**kw, headroom_replicas=1))
    assert n1 == max(n0, math.ceil(lam / per_replica) + 1)
    table = capacity_table(50, Criterion(**kw, headroom_replicas=1))
    k = np.arange(51)
    assert table[1] == 0.0 and np.all(table <= np.maximum(k - 1, 0) * per_replica + 1e-12)
    assert table[n1] >= lam > table[n1 - 1]
    with pytest.raises(InputError):
        Criterion(**kw, headroom_replicas=-1)


# ----------------------------------------------------------------- the verification protocol


def test_replay_reproduces_the_published_agent_heavy_figures() -> None:
    """SEED_SYSTEM.md section 4: one pool of 24 H100 simulated P99 TTFT 1 052 ms (fails); two
    pools 2 + 23: 17 ms / 147 ms (pass)."""
    one = replay_fleet(load_fleet(ONE_POOL))
    assert [(p.role, p.servers, p.measured) for p in one.pools] == [("all", 384, 40_000)]
    assert round(one.pools[0].p99_ttft_s * 1000) == 1052
    assert one.slo_met is False
    two = replay_fleet(load_fleet(TWO_POOLS))
    assert [round(p.p99_ttft_s * 1000) for p in two.pools] == [17, 147]
    assert two.slo_met is True


def test_replay_verdict_depends_on_the_seed() -> None:
    """One sample path: the one-pool verdict is not robust (why optfleet replicates)."""
    cfg = load_fleet(ONE_POOL)
    p99 = [replay_fleet(cfg, seed=s).pools[0].p99_ttft_s for s in (1, 2, 3, 7)]
    assert min(p99) < 0.3 and max(p99) > 1.0  # seeds 1-3 pass easily, seed 7 fails


def test_replay_rejects_unsupported_fleets() -> None:
    cfg = load_fleet(TWO_POOLS)
    with pytest.raises(InputError, match="routes by length"):
        replay_fleet(cfg.model_copy(update={"router": cfg.router.model_copy(
            update={"kind": "random"})}))


def test_planner_rejects_one_pool_and_chooses_25_gpus_with_slot_verification() -> None:
    s = optfleet.load_scenario(data_path("examples", "agent_heavy.scenario.yaml"))
    p = optfleet.plan(s, level="slot")
    first = p.verification[0]
    assert not first.accepted and "all/H100-SXM x24" in first.detail and "1052 ms" in first.detail
    assert p.layout.startswith("split 4096")
    assert [(x.role, x.replicas) for x in p.pools] == [("short", 2), ("long", 23)]
    assert p.gpus == 25
    assert [round(x.simulated_p99_ttft_s.value * 1000) for x in p.pools] == [17, 147]


def test_one_pool_passes_under_optfleet_protocols() -> None:
    """optfleet's own protocol (independent replications, 95 % CI) accepts the one-pool fleet at
    slot level, and so does the engine level: the published failure is a sampling artefact."""
    from optfleet.sim.fleetfile import simulate_fleet

    cfg = load_fleet(ONE_POOL)
    slot = simulate_fleet(cfg, level="slot", n_requests=100_000, replications=4, seed=1)
    # P99 <= 1 s  <=>  at most 1 % of TTFTs above 1 s: the pooled exceedance is the stable
    # statistic under heavy tails (one of these replications has a congestion episode)
    assert slot.fleet.slo_attainment.value >= 0.99
    assert slot.fleet.ttft.p99.value < 1.0
    engine = simulate_fleet(cfg, level="engine", n_requests=50_000, replications=3, seed=1)
    assert engine.fleet.ttft.p99.high < 1.0 and engine.fleet.unfinished == 0


def test_cli_simulate_protocols(cli) -> None:
    r = cli("simulate", str(ONE_POOL), "--level", "slot", "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    assert d["protocol"] == "fleet-sim" and d["slo_met"] is False
    assert round(d["pools"][0]["p99_ttft_s"] * 1000) == 1052
    r = cli("simulate", str(ONE_POOL), "--level", "slot", "--protocol", "replications",
            "--requests", "20000", "--replications", "2", "--format", "json")
    assert r.code == 0, r.err
    assert "protocol" not in r.json() and r.json()["replications"] == 2
    bad = cli("simulate", str(ONE_POOL), "--protocol", "fleet-sim")  # engine level
    assert bad.code == 2 and "--level slot" in bad.err
    assert cli("simulate", str(ONE_POOL), "--level", "slot", "--protocol", "x").code == 2


# ------------------------------------------------------------------ review fixes (stop 7)


def test_protocol_falls_back_to_replications_when_it_does_not_apply() -> None:
    from optfleet.planning import replay_applies

    base = dict(preset="fleet-sim", rate_per_s=5, gpus=("H100",), slo={"ttft_p99_s": 1.0})
    assert replay_applies(optfleet.Scenario(**base))
    bursty = optfleet.Scenario(**base, arrivals={"kind": "gamma", "rate_per_s": 5, "cv": 3})
    trace = optfleet.Scenario(**base, workload={"kind": "trace", "name": "azure_code"})
    assert not replay_applies(bursty) and not replay_applies(trace)
    p = optfleet.plan(trace, level="slot", sim_requests=4000, replications=2)
    assert p.verified and "fleet-sim protocol" not in p.verification[-1].detail


def test_prefill_bound_options_are_left_out_before_simulation() -> None:
    """lmsys under fleet-sim: long pools whose prefill alone breaks 500 ms at P99 can never pass
    simulation; they are dropped up front, and the reference's own protocol then rejects the
    8-GPU split at 4096 (long pool P99 2.8 s) and accepts the published split 2048 (2 + 7)."""
    s = optfleet.load_scenario(data_path("examples", "lmsys_pareto.scenario.yaml"))
    p = optfleet.plan(s, level="slot")
    assert any("left out before simulation" in n for n in p.notes)
    assert "2823 ms MISSES" in p.verification[0].detail
    assert p.layout.startswith("split 2048") and p.gpus == 9
    assert optfleet.plan(s, verify=False).gpus == 8  # the analytic (published) answer


def test_verification_judges_the_slo_quantile() -> None:
    from optfleet.planning import quantile_field

    assert quantile_field(0.999) == "p999" and quantile_field(0.9) == "p90"
    s = optfleet.Scenario(rate_per_s=10, gpus=("H100-SXM",),
                          slo={"ttft_p99_s": 0.5, "quantile": 0.95})
    with pytest.raises(InputError, match="no-verify"):
        optfleet.plan(s)
    assert optfleet.plan(s, verify=False).gpus >= 1
    s999 = s.model_copy(update={"slo": optfleet.SLO(ttft_p99_s=0.5, quantile=0.999)})
    p = optfleet.plan(s999, sim_requests=20_000, replications=3)
    assert "P99.9 TTFT" in p.verification[-1].detail


def test_replay_counts_requests_that_do_not_fit() -> None:
    from optfleet.physics import calibrated_profile
    from optfleet.planning import ReplayPoolSpec, fleet_sim_replay

    a100 = calibrated_profile("A100")
    cdf = builtin_cdf("lmsys")
    pools = [ReplayPoolSpec("short", "A100", a100, 3, 4096),
             ReplayPoolSpec("long", "A100", a100, 12, 32768)]
    r = fleet_sim_replay(cdf, pools, rate_per_s=100.0, threshold_tokens=4096, n_requests=5000,
                         slo_ttft_p99_s=0.5)
    assert r.rejected_share == pytest.approx(1 - float(cdf.cdf(32768)))
    long = r.pool("long", "A100")
    assert long.result.fleet.rejected > 0  # drawn above 32768 as the reference draws: rejected
    assert math.isfinite(long.p99_ttft_s) and 0 < 5000 - long.measured <= long.result.fleet.rejected
