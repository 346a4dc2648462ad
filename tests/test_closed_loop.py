"""Closed-loop clients (``ClosedLoopClients``, ``vllm bench serve --max-concurrency``) in the
simulator: exact finite-source theory (M/M/c//N), the response-time law, the loop's mechanics
(send order, think times, concurrency, rejections, horizon) and the CLI flags."""

from __future__ import annotations

import json

import numpy as np
import pytest

from optfleet.physics import calibrated_profile
from optfleet.scenario import ClosedLoopClients
from optfleet.sim import FailureSpec, FleetSpec, PoolSpec, Requests, RouterSpec, simulate
from optfleet.workloads import builtin_cdf, mix_from_cdf

H100 = calibrated_profile("H100")
MIX = mix_from_cdf(builtin_cdf("azure"))


def machine_repairman(users: int, servers: int, think_s: float, mu_per_s: float = 1.0
                      ) -> tuple[float, float]:
    """Throughput and mean response time of M/M/c//N (N users, c exponential servers of rate
    mu, mean think Z), exact from the birth-death chain of the number of requests in service
    or queued: birth rate (N - k) / Z, death rate min(k, c) mu."""
    if think_s == 0:
        x = min(users, servers) * mu_per_s
        return x, users / x
    p = np.ones(users + 1)
    for k in range(users):
        p[k + 1] = p[k] * ((users - k) / think_s) / (min(k + 1, servers) * mu_per_s)
    p /= p.sum()
    k = np.arange(users + 1)
    x = float((p * np.minimum(k, servers)).sum() * mu_per_s)
    in_system = float((p * k).sum())
    r = in_system / x  # Little's law at the service station
    assert abs(users / x - think_s - r) < 1e-9 * users  # the response-time law, exactly
    return x, r


def _exp_service(n: int, rng: np.random.Generator) -> Requests:
    """One-token requests with exponential(1) slot-level service (arrival times ignored)."""
    one = np.ones(n, dtype=np.int64)
    return Requests(np.zeros(n), one, one, hold_s=rng.exponential(1.0, n))


def _close(est, x: float, rel: float = 0.03) -> bool:
    """Inside the 95 % CI or within two half-widths of it, and within ``rel`` of ``x``."""
    h = max(est.high - est.value, est.value - est.low)
    return abs(est.value - x) <= max(2 * h, 1e-12) and abs(est.value - x) <= rel * x


def _in_flight_max(rec) -> int:
    """Most requests sent and not yet left (finished, or rejected on arrival) at any instant;
    a leave at ``t`` is counted before a send at ``t``."""
    c = rec.columns
    sent = c["arrival_s"][~np.isnan(c["arrival_s"])]
    left = np.where(c["status"] == 2, c["arrival_s"], c["finish_s"])
    fin = left[~np.isnan(left)]
    times = np.concatenate([fin, sent])
    delta = np.concatenate([-np.ones(fin.size), np.ones(sent.size)])
    order = np.lexsort((delta, times))
    return int(np.cumsum(delta[order]).max())


def test_machine_repairman_oracle() -> None:
    """The oracle itself: one user alternates think and service; many servers never queue."""
    x, r = machine_repairman(1, 1, 3.0)
    assert x == pytest.approx(1 / 4) and r == pytest.approx(1.0)
    x, r = machine_repairman(5, 5, 2.0)
    assert r == pytest.approx(1.0) and x == pytest.approx(5 / 3)
    x, r = machine_repairman(6, 1, 2.0)
    assert r > 3.0  # one server, six users: heavy queueing


@pytest.mark.parametrize(
    ("users", "servers", "think_s", "think"),
    [(10, 4, 5.0, "exponential"), (6, 1, 2.0, "exponential"), (8, 2, 0.0, "fixed"),
     (16, 4, 2.0, "fixed")],
)
def test_slot_level_matches_finite_source_theory(users, servers, think_s, think) -> None:
    """Slot level, exponential service: throughput and mean response time of M/M/c//N.  The
    finite-source queue is insensitive to the think-time distribution (a closed product-form
    network with an infinite-server think station), so fixed think times obey it too."""
    r = simulate(PoolSpec(H100, 1, 4096, slots=servers), _exp_service,
                 ClosedLoopClients(users=users, think_time_s=think_s, think=think),
                 level="slot", n_requests=20_000, replications=5, seed=users + servers)
    x, resp = machine_repairman(users, servers, think_s)
    f = r.fleet
    assert f.completed == 5 * 20_000 and f.rejected == 0 and f.unfinished == 0
    assert _close(f.throughput_per_s, x), (f.throughput_per_s, x)
    assert _close(f.e2e.mean, resp), (f.e2e.mean, resp)
    assert r.offered_rate_per_s is not None
    assert r.offered_rate_per_s.value == pytest.approx(x, rel=0.03)


@pytest.mark.parametrize("think", ["fixed", "exponential"])
def test_engine_level_response_time_law(think: str) -> None:
    """Engine level: N = X (R + Z) (throughput X, mean response time R, think time Z)."""
    users, z = 12, 0.5
    r = simulate(PoolSpec(H100, 2, 8192), MIX,
                 ClosedLoopClients(users=users, think_time_s=z, think=think),
                 level="engine", n_requests=3000, replications=2, seed=3)
    f = r.fleet
    assert f.completed + f.rejected == 6000 and f.rejected < 20
    n_est = f.throughput_per_s.value * (f.e2e.mean.value + z)
    assert n_est == pytest.approx(users, rel=0.03)
    assert r.closed_loop == {"users": users, "think_time_s": z, "think": think}
    assert any(n.startswith(f"closed loop: {users} users") for n in r.notes)


def test_deterministic_and_seeded() -> None:
    loop = ClosedLoopClients(users=6, think_time_s=0.3, think="exponential")
    a, b, c = (simulate(PoolSpec(H100, 2, 8192), MIX, loop, level=lv, n_requests=400,
                        replications=2, seed=s).to_dict()
               for lv, s in (("engine", 1), ("engine", 1), ("engine", 2)))
    assert a == b
    assert a != c
    s1, s2 = (simulate(PoolSpec(H100, 2, 8192), MIX, loop, level="slot", n_requests=400,
                       seed=5, executor=ex).to_json() for ex in ("sequential", "threads"))
    assert s1 == s2


def test_think_fixed_and_exponential() -> None:
    """Sends after the first N are the first n - N leave times plus the leaving request's think
    time: exactly Z each for fixed, exponential draws of mean Z otherwise."""
    users, z, n = 4, 0.7, 2000
    for think in ("fixed", "exponential"):
        r = simulate(PoolSpec(H100, 1, 8192), MIX,
                     ClosedLoopClients(users=users, think_time_s=z, think=think),
                     level="engine", n_requests=n, seed=4, record=True, warmup_fraction=0.0)
        c = r.records[0].columns
        sent = c["arrival_s"]
        assert (sent[:users] == 0).all() and (sent[users] > 0)
        assert (np.diff(sent) >= 0).all()  # sent in index order
        leaves = np.sort(c["finish_s"])[: n - users]
        gaps = np.sort(sent[users:]) - (leaves + z)
        if think == "fixed":
            np.testing.assert_allclose(gaps, 0.0, atol=1e-9)
        else:
            assert np.abs(gaps).max() > 0.1  # not a fixed think time
            mean_think = (sent[users:].sum() - leaves.sum()) / (n - users)
            assert mean_think == pytest.approx(z, rel=0.08)


@pytest.mark.parametrize("level", ["slot", "engine"])
def test_never_more_than_users_in_flight(level: str) -> None:
    users = 5
    r = simulate(PoolSpec(H100, 3, 8192), MIX, ClosedLoopClients(users=users), level=level,
                 n_requests=1500, seed=2, record=True)
    rec = r.records[0]
    assert _in_flight_max(rec) == users  # think time 0: always exactly N in the system
    c = rec.columns
    done = c["status"] == 1
    assert done.sum() > 1400 and (c["ttft_s"][done] >= 0).all()
    assert (c["arrival_s"][:users] == 0).all()


def test_requests_lengths_used_in_order_arrivals_ignored() -> None:
    """One user, slot level, given service times: request i is sent when i - 1 ends, so the send
    times are the running sums of the hold times in index order."""
    hold = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0])
    prompt = np.arange(10, 16)
    req = Requests(np.arange(6) * 100.0, prompt, np.full(6, 2), hold_s=hold)
    r = simulate(PoolSpec(H100, 1, 4096), req, ClosedLoopClients(users=1, think_time_s=0.5),
                 level="slot", record=True, warmup_fraction=0.0)
    c = r.records[0].columns
    np.testing.assert_allclose(c["arrival_s"], np.concatenate([[0.0], np.cumsum(hold[:-1] + 0.5)]))
    np.testing.assert_allclose(c["e2e_s"], hold)
    assert c["prompt_tokens"].tolist() == prompt.tolist()
    r2 = simulate(PoolSpec(H100, 1, 4096), req, ClosedLoopClients(users=2), level="slot",
                  record=True, warmup_fraction=0.0)
    assert r2.records[0].columns["arrival_s"].tolist() == [0.0, 0.0, 1.0, 3.0, 4.0, 5.0]


def test_rejections_do_not_hang() -> None:
    """Every request longer than the pool's max_ctx, no think time: all are sent and rejected at
    time 0; with some rejected, the loop goes on and the counts add up."""
    one = PoolSpec(H100, 1, 4096)
    long = Requests(np.zeros(500), np.full(500, 8000), np.full(500, 10))
    r = simulate(one, long, ClosedLoopClients(users=3), level="engine", record=True)
    assert r.fleet.rejected == 500 and r.fleet.arrivals == 500
    assert np.nanmax(r.records[0].columns["arrival_s"]) == 0.0
    for level in ("slot", "engine"):
        r = simulate(PoolSpec(H100, 2, 2048), MIX, ClosedLoopClients(users=4), level=level,
                     n_requests=1000, seed=1, replications=2)
        f = r.fleet
        assert 0 < f.rejected < f.arrivals == 2000
        assert f.arrivals == f.completed + f.rejected


def test_horizon_counts_unsent_requests_honestly() -> None:
    r = simulate(PoolSpec(H100, 1, 8192), MIX, ClosedLoopClients(users=4, think_time_s=1.0),
                 level="engine", n_requests=2000, seed=1, horizon_s=30.0, record=True)
    f = r.fleet
    c = r.records[0].columns
    assert f.arrivals == f.completed + f.rejected + f.unfinished
    unsent = c["status"] == 0
    assert 0 < unsent.sum() == 2000 - f.arrivals
    assert np.isnan(c["arrival_s"][unsent]).all()
    assert (c["arrival_s"][~unsent] <= 30.0).all()
    assert f.unfinished <= 4
    assert f"{2000 - f.arrivals} requests not sent before the horizon (not arrivals)" in r.notes


@pytest.mark.parametrize("balancer", ["jsq", "power_of_two", "round_robin", "random"])
@pytest.mark.parametrize("level", ["slot", "engine"])
def test_routers_balancers_and_failures(level: str, balancer: str) -> None:
    fleet = FleetSpec((PoolSpec(H100, 2, 2048, "short"), PoolSpec(H100, 2, 8192, "long")))
    users = 6
    for router in ("threshold", "least_loaded"):
        r = simulate(fleet, MIX, ClosedLoopClients(users=users, think_time_s=0.2,
                                                   think="exponential"),
                     level=level, n_requests=600, seed=7, router=RouterSpec(router),
                     balancer=balancer, failures=FailureSpec(mttf_s=20.0, mttr_s=5.0),
                     record=True)
        f = r.fleet
        assert f.arrivals == f.completed + f.rejected + f.unfinished == 600
        assert f.failures > 0
        assert _in_flight_max(r.records[0]) <= users


def test_failures_last_the_whole_closed_run() -> None:
    """The run's length is unknown before it ends: the failure schedule, drawn for a first guess
    (here ~50 s), is drawn again further out, so failures go on for the whole run (~2400 s)."""
    r = simulate(PoolSpec(H100, 2, 8192), MIX, ClosedLoopClients(users=4), level="engine",
                 n_requests=2000, seed=1, record=True,
                 failures=FailureSpec(mttf_s=2.0, mttr_s=0.5))
    c = r.records[0].columns
    assert r.end_time_s.value > 500
    assert r.fleet.availability.value == pytest.approx(2.0 / 2.5, rel=0.05)
    late = c["arrival_s"] > 0.9 * r.end_time_s.value
    assert c["retries"][late].sum() > 0


# ------------------------------------------------------------------------------------ CLI


def _one_line(r) -> str:
    assert r.code == 2, (r.code, r.out, r.err)
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.err, r.err
    return lines[0]


def test_cli_users_flags(cli) -> None:
    r = cli("simulate", "--users", "4", "--think-time-ms", "200", "--think", "exponential",
            "--requests", "200", "--replications", "2", "--quiet", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["closed_loop"] == {"users": 4, "think_time_s": 0.2, "think": "exponential"}
    assert out["offered_rate_per_s"]["value"] > 0
    assert out["fleet"]["arrivals"] == 400
    assert any(n.startswith("closed loop: 4 users, think 0.2 s exponential") for n in out["notes"])
    open_ = cli("simulate", "--requests", "200", "--replications", "2", "--quiet", "--format",
                "json").json()
    assert "closed_loop" not in open_ and "offered_rate_per_s" not in open_


def test_cli_fleet_file_closed_arrivals(cli, tmp_path) -> None:
    f = tmp_path / "closed.fleet.yaml"
    f.write_text(json.dumps({
        "arrivals": {"kind": "closed", "users": 3, "think_time_s": 0.1},
        "pools": [{"name": "p", "gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 8192}],
    }))
    r = cli("simulate", str(f), "--requests", "100", "--replications", "2", "--quiet",
            "--format", "json")
    assert r.code == 0, r.err
    assert r.json()["closed_loop"] == {"users": 3, "think_time_s": 0.1, "think": "fixed"}
    r = cli("simulate", str(f), "--think-time-ms", "0", "--requests", "100", "--replications",
            "1", "--quiet", "--format", "json")
    assert r.code == 0, r.err
    assert r.json()["closed_loop"] == {"users": 3, "think_time_s": 0.0, "think": "fixed"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--users", "0"], "--users"),
        (["--users", "2", "--rate", "5"], "--rate"),
        (["--think-time-ms", "100"], "--users"),
        (["--users", "2", "--think-time-ms", "-1"], "--think-time-ms"),
        (["--users", "2", "--think", "gamma"], "think"),
    ],
)
def test_cli_bad_closed_loop_flags(cli, args: list[str], needle: str) -> None:
    assert needle in _one_line(cli("simulate", *args, "--requests", "100", "--quiet"))
