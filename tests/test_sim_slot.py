"""Slot level against exact queueing theory, and the reference agent-heavy case."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import special

from optfleet.physics import calibrated_profile
from optfleet.queueing import erlang_c as q_erlang_c
from optfleet.queueing import mmc_mean_wait_s, mmc_wait_quantile_s
from optfleet.sim import FleetSpec, PoolSpec, Requests, simulate
from optfleet.workloads import builtin_cdf, mix_from_cdf

H100 = calibrated_profile("H100")


def erlang_c(c: int, a: float) -> float:
    """Erlang C, computed in log space (stable for c = 512)."""
    k = np.arange(c)
    logt = k * math.log(a) - special.gammaln(k + 1)
    logc = c * math.log(a) - special.gammaln(c + 1) + math.log(c / (c - a))
    m = max(float(logt.max()), logc)
    return math.exp(logc - m) / (float(np.exp(logt - m).sum()) + math.exp(logc - m))


def _mmc_workload(lam: float, service: str):
    def gen(n: int, rng: np.random.Generator) -> Requests:
        t = np.cumsum(rng.exponential(1.0 / lam, n))
        hold = rng.exponential(1.0, n) if service == "exp" else np.ones(n)
        one = np.ones(n, dtype=np.int64)
        return Requests(t, one, one, hold_s=hold)

    return gen


def _near(est, x: float) -> bool:
    """Within twice the CI half-width of the estimate."""
    h = max(est.high - est.value, est.value - est.low)
    return abs(est.value - x) <= 2 * h


def test_mmc_matches_erlang_c() -> None:
    """M/M/c, c in {1, 8, 64, 512}, rho in {0.5, 0.8, 0.95}: P(wait), E[W] and P99 wait inside
    the 95 % replication CI (10 replications).

    36 intervals at 95 % miss about 1.8 times by chance, so the family may miss at most 3
    (P(>= 4 misses) = 0.03 under correct coverage) and every miss must be within 2 half-widths.
    A 20-seed coverage study of the heaviest cases gave 95-100 % coverage and no significant bias.
    """
    misses = []
    for c in (1, 8, 64, 512):
        for rho in (0.5, 0.8, 0.95):
            lam = rho * c  # mu = 1
            n = 200_000 if c < 64 else 100_000
            r = simulate(PoolSpec(H100, 1, 4096, slots=c), _mmc_workload(lam, "exp"),
                         level="slot", n_requests=n, seed=c * 100 + int(rho * 100),
                         replications=10, warmup_fraction=0.1)
            f = r.fleet
            assert f.completed == 10 * n and f.unfinished == 0 and f.rejected == 0
            C = float(q_erlang_c(c, lam))
            theory = {"p_wait": C, "mean": float(mmc_mean_wait_s(c, lam, 1.0)),
                      "p99": float(mmc_wait_quantile_s(0.99, c, lam, 1.0))}
            # optfleet.queueing against the closed forms
            assert C == pytest.approx(erlang_c(c, lam), rel=1e-9)
            assert theory["mean"] == pytest.approx(C / (c - lam), rel=1e-9)
            assert theory["p99"] == pytest.approx(
                max(0.0, math.log(C / 0.01) / (c - lam)), rel=1e-9, abs=1e-12)
            est = {"p_wait": f.wait_probability, "mean": f.wait.mean, "p99": f.wait.p99}
            # zero waits observed is consistent with theory when C x N < 3 (rule of three);
            # the replication t-interval is then degenerate at 0
            none_expected = f.wait_probability.high == 0 and C * f.measured < 3
            for k in theory:
                if not (est[k].contains(theory[k]) or none_expected):
                    misses.append((c, rho, k, theory[k], est[k]))
                    assert _near(est[k], theory[k]), misses[-1]
    assert len(misses) <= 3, misses


def test_md1_mean_wait() -> None:
    # M/D/1 at rho 0.75: E[W] = rho / (2 mu (1 - rho)) = 1.5 service times
    r = simulate(PoolSpec(H100, 1, 4096, slots=1), _mmc_workload(0.75, "det"), level="slot",
                 n_requests=1_000_000, seed=3, replications=4)
    assert r.fleet.wait.mean.value == pytest.approx(1.5, rel=0.02)


def test_ttft_is_wait_plus_prefill() -> None:
    req = Requests([0.0, 0.1], [10, 10], [1, 1], hold_s=[1.0, 1.0], prefill_s=[0.2, 0.3])
    r = simulate(PoolSpec(H100, 1, 4096, slots=1), req, level="slot", warmup_fraction=0.0,
                 record=True)
    cols = r.records[0].columns
    assert cols["ttft_s"].tolist() == pytest.approx([0.2, 0.9 + 0.3])
    assert cols["wait_s"].tolist() == pytest.approx([0.0, 0.9])


AGENT = mix_from_cdf(builtin_cdf("agent_heavy"))


def test_agent_heavy_fleet_sim_assumptions() -> None:
    """The reference's agent-heavy case (lam 20/s, calibrated H100, fleet-sim service).

    Two pools reproduce the reference (P99 TTFT 17 ms short / 147 ms long).  One pool of 24:
    the reference's 1052 ms is one seeded 40 000-request run (reproduced exactly by its own
    protocol in test_fleet_sim_protocol.py); with replications the M/G/c simulation gives
    ~135 ms: Erlang C is only 0.0076 at rho = 0.878 with 384 servers, so fewer than 1 % of
    requests wait at all and the one-pool fleet meets the 1000 ms SLO under the reference's own
    service model (see docs/simulation.md).
    """
    one = FleetSpec((PoolSpec(H100, 24, 65536, "all", service="fleet-sim"),))
    two = FleetSpec((PoolSpec(H100, 2, 4096, "short", service="fleet-sim"),
                     PoolSpec(H100, 23, 65536, "long", service="fleet-sim")))
    r1 = simulate(one, AGENT, 20.0, level="slot", n_requests=200_000, seed=7, replications=4,
                  slo=1.0)
    r2 = simulate(two, AGENT, 20.0, level="slot", n_requests=200_000, seed=7, replications=4,
                  slo=1.0)
    assert r1.pools[0].slots_per_replica == 16
    assert r2.pool("short").slots_per_replica == 256
    assert r1.fleet.slot_utilisation.value == pytest.approx(0.878, abs=0.02)
    assert 0.05 < r1.fleet.ttft.p99.value < 0.5
    assert r1.fleet.wait_probability.value < 0.02
    assert r2.pool("short").ttft.p99.value == pytest.approx(0.017, rel=0.1)
    assert r2.pool("long").ttft.p99.value == pytest.approx(0.147, rel=0.1)
    assert r2.slo_met and r1.slo_met
    assert r2.fleet.rejected == 0 and r1.fleet.rejected == 0


def test_default_service_matches_physics() -> None:
    """The slot level's default model agrees with optfleet.physics.service_stats."""
    from optfleet.physics import service_stats
    from optfleet.sim import default_service

    mix = mix_from_cdf(builtin_cdf("azure"))
    keep = (mix.prompt_tokens + mix.output_tokens) <= 8192
    rng = np.random.default_rng(0)
    idx = rng.choice(np.flatnonzero(keep), size=50_000, p=mix.prob[keep] / mix.prob[keep].sum())
    p, o = mix.prompt_tokens[idx], mix.output_tokens[idx]
    fn = default_service(H100, 8192, p, o)
    hold, pre = fn(p, o)
    pairs, counts = np.unique(np.stack((p, o), 1), axis=0, return_counts=True)
    st = service_stats(H100, pairs[:, 0], pairs[:, 1], counts / counts.sum(), 8192)
    assert fn.slots == st.servers_per_replica
    assert hold.mean() == pytest.approx(st.mean_service_s, rel=1e-9)
    assert pre.mean() == pytest.approx(st.mean_prefill_s, rel=1e-9)
