"""simulate(): conservation, determinism, routing, balancing, failures, records, executors."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optfleet.errors import InputError, UnknownNameError
from optfleet.physics import IterationModel, ReplicaProfile, calibrated_profile
from optfleet.scenario import SLO, GammaArrivals
from optfleet.sim import (
    BALANCERS,
    FailureSpec,
    FleetSpec,
    PoolSpec,
    Requests,
    RouterSpec,
    simulate,
)
from optfleet.workloads import builtin_cdf, mix_from_cdf

H100 = calibrated_profile("H100")
A10G = calibrated_profile("A10G")
AZURE = mix_from_cdf(builtin_cdf("azure"))
LMSYS = mix_from_cdf(builtin_cdf("lmsys"))


def paged(kv: int = 60_000, seqs: int = 32) -> ReplicaProfile:
    it = IterationModel(c0_s=0.004, per_prefill_token_s=1e-6, mem_base_s=0.004,
                        mem_per_ctx_token_s=3e-8, compute_per_token_s=1e-5)
    return ReplicaProfile("p", "g", "m", 1, 1.0, "paged", kv, seqs, 16384, 256, it, 1.0, 2.0,
                          1.0, 1.0)


def conserved(r) -> bool:
    groups = (r.fleet, *r.pools)
    return all(g.arrivals == g.completed + g.rejected + g.unfinished for g in groups)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    level=st.sampled_from(["slot", "engine"]),
    n=st.integers(1, 400),
    rate=st.floats(0.5, 400.0),
    reps=st.integers(1, 3),
    kv=st.integers(20_000, 80_000),
    router=st.sampled_from(["threshold", "least_loaded", "spillover", "random"]),
    balancer=st.sampled_from(list(BALANCERS)),
    fail=st.booleans(),
    horizon=st.one_of(st.none(), st.floats(0.5, 50.0)),
    seed=st.integers(0, 2**31),
)
def test_conservation_property(level, n, rate, reps, kv, router, balancer, fail, horizon, seed):
    fleet = FleetSpec((PoolSpec(paged(kv), 2, 4096), PoolSpec(H100, 1, 12000)))
    failures = FailureSpec(mttf_s=5.0, mttr_s=2.0) if fail else None
    r = simulate(fleet, LMSYS, rate, level=level, n_requests=n, seed=seed, replications=reps,
                 router=router, balancer=balancer, failures=failures, horizon_s=horizon)
    assert conserved(r)
    assert r.fleet.arrivals <= n * reps
    if horizon is None:
        assert r.fleet.arrivals == n * reps and r.fleet.unfinished == 0
    assert r.fleet.rejected == sum(p.rejected for p in r.pools) or router != "threshold"


def test_same_seed_same_result_and_json() -> None:
    kw = dict(level="engine", n_requests=3000, seed=11, replications=3, slo=SLO(ttft_p99_s=0.5))
    a = simulate(PoolSpec(H100, 2, 8192), AZURE, 40.0, **kw)
    b = simulate(PoolSpec(H100, 2, 8192), AZURE, 40.0, **kw)
    c = simulate(PoolSpec(H100, 2, 8192), AZURE, 40.0, **{**kw, "seed": 12})
    assert a.to_json() == b.to_json()
    assert a.to_json() != c.to_json()
    d = json.loads(a.to_json())
    assert d["fleet"]["ttft"]["p99"]["n"] == 3
    assert d["cost_usd_per_hour"] == pytest.approx(2 * 4.02)
    assert 0 <= d["fleet"]["slo_attainment"]["value"] <= 1


def test_unfinished_count_as_inf_in_percentiles() -> None:
    # one slot, service 10 s, arrivals every 1 s, stop at 20 s: most requests are unfinished
    req = Requests(np.arange(20.0), np.ones(20, int), np.ones(20, int), hold_s=np.full(20, 10.0))
    r = simulate(PoolSpec(H100, 1, 4096, slots=1), req, level="slot", warmup_fraction=0.0,
                 horizon_s=20.0)
    f = r.fleet
    assert f.unfinished == 18 and f.completed == 2
    assert f.e2e.p50.value == np.inf and f.wait.p50.value == np.inf
    assert json.loads(r.to_json())["fleet"]["e2e"]["p50"]["value"] == "inf"


def test_threshold_router_and_rejection() -> None:
    fleet = FleetSpec((PoolSpec(H100, 1, 2048, "short"), PoolSpec(H100, 2, 8192, "long")))
    r = simulate(fleet, LMSYS, 20.0, level="slot", n_requests=5000, seed=1, record=True)
    cols = r.records[0].columns
    tot = cols["prompt_tokens"] + cols["output_tokens"]
    assert (tot[cols["pool"] == 0] <= 2048).all()
    assert (tot[cols["pool"] == 1] > 2048).all()
    assert r.fleet.rejected == int((tot > 8192).sum()) > 0
    assert r.pool("long").rejected == r.fleet.rejected
    assert (cols["status"][tot > 8192] == 2).all()


def test_compress_and_route() -> None:
    fleet = FleetSpec((PoolSpec(H100, 2, 2048), PoolSpec(H100, 2, 8192)))
    rt = RouterSpec("compress_and_route", thresholds=(2048,), gamma=2.0, share=1.0)
    r = simulate(fleet, LMSYS, 20.0, level="slot", n_requests=4000, seed=2, router=rt,
                 record=True)
    cols = r.records[0].columns
    tot = cols["prompt_tokens"] + cols["output_tokens"]
    assert (tot[cols["pool"] == 0] <= 2048).all()
    assert (tot[cols["pool"] == 1] > 4096).all()  # the band (2048, 4096] went short
    base = simulate(fleet, LMSYS, 20.0, level="slot", n_requests=4000, seed=2)
    assert r.pools[0].arrivals > base.pools[0].arrivals


def test_random_router_weights() -> None:
    fleet = FleetSpec((PoolSpec(H100, 1, 8192), PoolSpec(H100, 1, 8192)))
    r = simulate(fleet, AZURE, 10.0, level="slot", n_requests=20000, seed=3,
                 router=RouterSpec("random", weights=(0.2, 0.8)))
    assert r.pools[0].arrivals / 20000 == pytest.approx(0.2, abs=0.01)


def test_spillover_and_least_loaded() -> None:
    fleet = FleetSpec((PoolSpec(A10G, 1, 8192), PoolSpec(A10G, 1, 8192)))
    lo = simulate(fleet, AZURE, 2.0, level="slot", n_requests=3000, seed=4, router="spillover")
    hi = simulate(fleet, AZURE, 60.0, level="slot", n_requests=3000, seed=4, router="spillover")
    ll = simulate(fleet, AZURE, 60.0, level="slot", n_requests=3000, seed=4,
                  router="least_loaded")
    assert lo.pools[1].arrivals == 0  # never full at low load
    assert hi.pools[1].arrivals > 0
    assert abs(ll.pools[0].arrivals - ll.pools[1].arrivals) < 0.1 * 3000


def test_label_router() -> None:
    fleet = FleetSpec((PoolSpec(H100, 1, 8192, "a"), PoolSpec(A10G, 1, 8192, "b")))
    n = 100
    req = Requests(np.arange(n) * 0.5, np.full(n, 100), np.full(n, 10),
                   label=np.arange(n) % 2)
    r = simulate(fleet, req, level="engine", router=RouterSpec("label", label_pools={0: "a",
                                                                                     1: "b"}))
    assert r.pool("a").arrivals == r.pool("b").arrivals == 50
    with pytest.raises(InputError):
        simulate(fleet, req, router=RouterSpec("label", label_pools={0: "a"}))


def test_unknown_names_list_known_ones() -> None:
    pool = PoolSpec(H100, 1, 8192)
    with pytest.raises(UnknownNameError, match="least_loaded"):
        simulate(pool, AZURE, 1.0, n_requests=10, router="nearest")
    with pytest.raises(UnknownNameError, match="jsq"):
        simulate(pool, AZURE, 1.0, n_requests=10, balancer="fastest")
    with pytest.raises(UnknownNameError, match="engine"):
        simulate(pool, AZURE, 1.0, n_requests=10, level="packet")
    with pytest.raises(InputError):
        simulate(pool, AZURE, 1.0, n_requests=10, warmup_fraction=1.0)
    with pytest.raises(InputError):
        simulate(pool, AZURE, float("nan"), n_requests=10)


@pytest.mark.parametrize("balancer", BALANCERS)
def test_balancers_spread_load(balancer: str) -> None:
    r = simulate(PoolSpec(H100, 4, 8192), AZURE, 50.0, level="engine", n_requests=4000, seed=5,
                 balancer=balancer, record=True)
    counts = np.bincount(r.records[0].columns["replica"], minlength=4)
    assert counts.min() > 0.15 * 4000 and conserved(r)


def test_failures_retry_and_slo() -> None:
    pool = PoolSpec(H100, 4, 8192)
    base = simulate(pool, AZURE, 30.0, level="engine", n_requests=6000, seed=6, slo=0.3)
    f = simulate(pool, AZURE, 30.0, level="engine", n_requests=6000, seed=6, slo=0.3,
                 failures=FailureSpec(mttf_s=60.0, mttr_s=30.0))
    assert f.fleet.failures > 0 and f.fleet.retries > 0
    assert f.fleet.completed == 6000 and conserved(f)
    assert f.fleet.availability.value < 0.9
    assert f.fleet.slo_attainment.value <= base.fleet.slo_attainment.value
    assert base.fleet.retries == 0 and base.fleet.availability.value == 1.0


def test_failure_schedule_orphans_wait_for_repair() -> None:
    req = Requests(np.arange(10.0), np.full(10, 100), np.full(10, 5))
    fs = FailureSpec(schedule=(("p", 0, 2.5, 30.0),))
    r = simulate(PoolSpec(H100, 1, 4096, "p"), req, level="engine", warmup_fraction=0.0,
                 failures=fs, record=True)
    cols = r.records[0].columns
    assert r.fleet.completed == 10 and r.fleet.failures == 1
    late = cols["arrival_s"] > 2.5
    assert (cols["first_token_s"][late] >= 30.0).all()
    assert (cols["first_token_s"][~late] < 2.5).all()


def test_records_csv_jsonl(tmp_path) -> None:
    r = simulate(PoolSpec(H100, 1, 8192), AZURE, GammaArrivals(rate_per_s=5.0, cv=2.0),
                 level="slot", n_requests=200, seed=1, replications=2, record=True)
    assert len(r.records) == 2 and r.records[1].replication == 1
    p = r.records[0].to_csv(tmp_path / "r.csv")
    lines = p.read_text().splitlines()
    assert len(lines) == 201 and lines[0].startswith("request_id,arrival_s")
    q = r.records[0].to_jsonl(tmp_path / "r.jsonl")
    rows = [json.loads(x) for x in q.read_text().splitlines()]
    assert rows[0]["status"] == "completed" and rows[5]["ttft_s"] > 0
    assert "records" not in r.to_dict()


def test_executors_give_identical_results() -> None:
    kw = dict(level="engine", n_requests=1500, seed=9, replications=3)
    seq = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, **kw)
    with ThreadPoolExecutor(2) as ex:
        thr = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, executor=ex, **kw)
    assert seq.to_json() == thr.to_json()


def test_default_threads_equal_sequential_and_errors_propagate(monkeypatch) -> None:
    from optfleet.sim._threads import run_threads, thread_count

    kw = dict(level="engine", n_requests=1500, seed=4, replications=4)
    thr = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, executor="threads", **kw)
    seq = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, executor="sequential", **kw)
    assert seq.to_json() == thr.to_json()
    monkeypatch.setenv("OPTFLEET_SIM_THREADS", "1")
    assert thread_count(8) == 1
    monkeypatch.setenv("OPTFLEET_SIM_THREADS", "3")
    assert thread_count(2) <= 2 and thread_count(8) <= 3

    def boom(j: int) -> int:
        if j == 2:
            raise ValueError("job 2")
        return j * j

    assert run_threads(lambda j: j * j, list(range(7)), 3) == [j * j for j in range(7)]
    with pytest.raises(ValueError, match="job 2"):
        run_threads(boom, list(range(7)), 3)


def test_process_executor() -> None:
    kw = dict(level="slot", n_requests=1000, seed=9, replications=2)
    seq = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, **kw)
    proc = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, executor="process", **kw)
    assert seq.to_json() == proc.to_json()


def test_dask_executor() -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2) as client:
        kw = dict(level="slot", n_requests=1000, seed=9, replications=2)
        seq = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, **kw)
        dsk = simulate(PoolSpec(H100, 2, 8192), AZURE, 30.0, executor=client.get_executor(),
                       **kw)
    assert seq.to_json() == dsk.to_json()
