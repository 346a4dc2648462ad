"""Slice verification of large pools (optfleet.planning.simulate): conservative and reported."""

from __future__ import annotations

import pytest

import optfleet
from optfleet.errors import InputError
from optfleet.planning import simulate_plan, tabulate
from optfleet.planning.layouts import layout_key
from optfleet.planning.simulate import SLICE_MAX_REPLICAS, default_sim_requests, slice_sizes
from optfleet.scenario import Scenario

GPU = "H100-SXM"


@pytest.fixture(scope="module")
def base():
    """A one-pool H100 plan (38 replicas at 400 req/s) and its scenario's tables."""
    scenario = Scenario(rate_per_s=400, gpus=(GPU,))
    plan = optfleet.plan(scenario, verify=False)
    assert [pp.role for pp in plan.pools] == ["all"]
    return plan, tabulate(scenario)


def with_pools(plan, *pools):
    """``plan`` with its pool replaced by ``(gpu, replicas, rate_per_s, share)`` pools."""
    template = plan.pools[0]
    return plan.model_copy(update={"pools": tuple(
        template.model_copy(update={"gpu": g, "replicas": k, "rate_per_s": rate, "share": share})
        for g, k, rate, share in pools
    )})


def test_a_slice_is_conservative(base):
    plan, tables = base
    table = tables.options[(layout_key(plan), "all", GPU)].table
    cap40 = float(table[40]) if len(table) > 40 else float(table[-1]) / (len(table) - 1) * 40
    for load in (0.7, 1.0, 1.1):  # of the tabulated SLO capacity of 40 replicas
        rate = load * cap40
        scenario = Scenario(rate_per_s=rate, gpus=(GPU,))
        forty = with_pools(plan, (GPU, 40, rate, 1.0))
        kw = dict(level="engine", n_requests=60_000, replications=6)
        full = simulate_plan(scenario, tables, forty, slice_max_replicas=None, **kw)
        part = simulate_plan(scenario, tables, forty, slice_max_replicas=10, **kw)
        assert full.slices == {} and part.slices == {("all", GPU): (10, 40)}
        assert part.sim.pool(f"all/{GPU}").replicas == 10
        f, s = full.pool_ttft("all", GPU), part.pool_ttft("all", GPU)
        # the 10-replica slice's P99 TTFT is never significantly below the whole pool's ...
        assert s.high >= f.low and s.value >= 0.98 * f.value, (load, s, f)
    assert s.low > f.high, (s, f)  # ... and clearly above it once the pool queues


def test_a_large_pool_is_simulated_as_a_reported_slice(base):
    plan, tables = base
    scenario = Scenario(rate_per_s=2200.0, gpus=(GPU, "A100-80GB"))
    # 200 H100 replicas carry 2000/s, 10 A100 replicas 200/s (the second pool is not sliced)
    big = with_pools(plan, (GPU, 200, 2000.0, 10 / 11), ("A100-80GB", 10, 200.0, 1 / 11))
    assert slice_sizes(big) == {("all", GPU): (SLICE_MAX_REPLICAS, 200)}
    sliced = default_sim_requests(big, tables, cap=10**9)
    whole = default_sim_requests(big, tables, cap=10**9, slice_max_replicas=None)
    assert sliced < 0.5 * whole  # the simulated rate falls from 2200/s to 840/s
    r = simulate_plan(scenario, tables, big, level="slot", n_requests=20_000, replications=2)
    assert r.slices == {("all", GPU): (64, 200)}
    assert r.sim.pool(f"all/{GPU}").replicas == 64 <= SLICE_MAX_REPLICAS
    assert r.sim.pool("all/A100-80GB").replicas == 10
    assert "all/H100-SXM (200 replicas) by 64" in r.slice_note
    assert r.sim.fleet.arrivals == 2 * 20_000  # n_requests counts the simulated requests
    # the slice keeps 64/200 of its pool's requests, the A100 pool all of its own
    h, a = r.sim.pool(f"all/{GPU}").arrivals, r.sim.pool("all/A100-80GB").arrivals
    assert h / a == pytest.approx(2000 * 64 / 200 / 200, rel=0.1)


def test_small_plans_are_not_sliced(base):
    plan, tables = base
    assert slice_sizes(plan) == {}
    assert default_sim_requests(plan, tables) == default_sim_requests(
        plan, tables, slice_max_replicas=None)
    scenario = Scenario(rate_per_s=400, gpus=(GPU,))
    r = simulate_plan(scenario, tables, plan, level="slot", n_requests=5000, replications=1)
    assert r.slices == {} and r.slice_note == ""
    assert r.sim.fleet.arrivals == 5000
    for bad in (0, -3, 2.5, True):
        with pytest.raises(InputError, match="slice_max_replicas"):
            slice_sizes(plan, bad)
