"""Tests of the pareto, whatif, compare-routers and reliability analyses (library and CLI)."""

from __future__ import annotations

import pytest

from optfleet.analysis.pareto import pareto
from optfleet.analysis.reliability_report import reliability_report
from optfleet.analysis.routers import compare_routers
from optfleet.analysis.whatif import whatif
from optfleet.errors import InputError
from optfleet.scenario import CDFWorkload, Scenario
from optfleet.sim.fleetfile import FleetConfig

# The reference planner's published lmsys rows (A100, 100 req/s, P99 TTFT 500 ms, fleet-sim):
# B_short -> (short GPUs, long GPUs); one pool 14 GPUs.
SEED_ROWS = {512: (2, 13), 1024: (2, 10), 2048: (2, 7), 4096: (3, 5), 8192: (4, 4)}
SEED_ONE_POOL = 14


@pytest.fixture(scope="module")
def lmsys_pareto():
    s = Scenario(workload=CDFWorkload(name="lmsys"), preset="fleet-sim", gpus=("A100",))
    return pareto(s)


def test_pareto_matches_seed_rows_exactly(lmsys_pareto) -> None:
    for b, (n_s, n_l) in SEED_ROWS.items():
        row = lmsys_pareto.row(b)
        assert row.feasible
        assert row.gpus_by_role == {"short": n_s, "long": n_l}, b
    assert lmsys_pareto.row(None).gpus == SEED_ONE_POOL


def test_pareto_flags_and_recommendation(lmsys_pareto) -> None:
    rows = [r for r in lmsys_pareto.rows if r.feasible]
    rec = lmsys_pareto.recommended
    assert rec is not None and sum(r.recommended for r in lmsys_pareto.rows) == 1
    cheapest = min(r.cost_usd_per_hour for r in rows)
    assert rec.cost_usd_per_hour == pytest.approx(cheapest)
    ties = [r for r in rows if abs(r.cost_usd_per_hour - cheapest) < 1e-9]
    assert rec.worst_p99_ttft_s == min(r.worst_p99_ttft_s for r in ties)
    assert rec.pareto
    for r in rows:
        dominated = any(
            s.cost_usd_per_hour <= r.cost_usd_per_hour
            and s.worst_p99_ttft_s <= r.worst_p99_ttft_s
            and (
                s.cost_usd_per_hour < r.cost_usd_per_hour - 1e-9
                or s.worst_p99_ttft_s < r.worst_p99_ttft_s - 1e-12
            )
            for s in rows
        )
        assert r.pareto == (not dominated), r.threshold_tokens
    # saving against the one-pool layout
    base = lmsys_pareto.row(None).cost_usd_per_hour
    assert rec.saving_vs_one_pool == pytest.approx(1 - rec.cost_usd_per_hour / base)
    # alpha grows with the threshold
    alphas = [r.alpha for r in lmsys_pareto.rows[1:]]
    assert alphas == sorted(alphas)


def test_pareto_infeasible_rows_are_counted_not_dropped() -> None:
    # A10G can not meet 500 ms for long prompts: rows stay, marked infeasible with a reason
    r = pareto(Scenario(gpus=("A10G",)))
    assert r.infeasible > 0
    assert len(r.rows) == r.infeasible + sum(x.feasible for x in r.rows)
    bad = [x for x in r.rows if not x.feasible]
    assert all(x.reason and "A10G" in x.reason for x in bad)
    assert all(x.gpus is None and not x.pareto for x in bad)


def test_pareto_cli_json(cli) -> None:
    res = cli(
        "pareto", "--workload", "lmsys", "--rate", "100", "--ttft-p99-ms", "500", "--gpu",
        "A100", "--preset", "fleet-sim", "--format", "json",
    )
    assert res.code == 0, res.err
    d = res.json()
    rows = {r["threshold_tokens"]: r for r in d["rows"]}
    for b, (n_s, n_l) in SEED_ROWS.items():
        assert rows[b]["gpus_by_role"] == {"short": n_s, "long": n_l}
    assert rows[None]["gpus"] == SEED_ONE_POOL
    assert d["recommended_threshold_tokens"] in rows
    assert d["infeasible_rows"] == 0


def test_pareto_cli_bad_gpu(cli) -> None:
    res = cli("pareto", "--gpu", "NOPE-GPU", "--format", "json")
    assert res.code == 2
    assert "NOPE-GPU" in res.err


# ------------------------------------------------------------------------------------------
# whatif
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_whatif():
    return whatif(Scenario(), [25, 50, 100, 200])


def test_whatif_headroom_and_monotone(default_whatif) -> None:
    plans = default_whatif.plans
    assert [p.rate_per_s for p in plans] == [25, 50, 100, 200]
    assert all(p.feasible for p in plans)
    for p in plans:
        assert p.headroom_rate_per_s >= p.rate_per_s * (1 - 1e-9)
        # the headroom is where the tightest pool saturates
        assert p.headroom_rate_per_s == pytest.approx(
            min(q.capacity_per_s / q.share for q in p.pools)
        )
        assert all(q.capacity_per_s >= q.rate_per_s * (1 - 1e-9) for q in p.pools)
    gpus = [p.gpus for p in plans]
    assert gpus == sorted(gpus)
    costs = [p.cost_usd_per_hour for p in plans]
    assert costs == sorted(costs)


def test_whatif_best_mix_no_dearer_than_any_single_type(default_whatif) -> None:
    r = default_whatif
    for p in r.plans:
        for g in r.gpus:
            alone = r.gpu_plan(g, p.rate_per_s)
            if alone.feasible:
                assert p.cost_usd_per_hour <= alone.cost_usd_per_hour + 1e-9
                assert alone.headroom_rate_per_s >= p.rate_per_s * (1 - 1e-9)
    # A10G alone can not meet the SLO (long prefills): reported, not an error
    assert not r.gpu_plan("A10G", 100).feasible


def test_whatif_matches_planner() -> None:
    from optfleet.planning import plan

    s = Scenario(rate_per_s=50)
    p = plan(s, verify=False)
    w = whatif(s, [50]).plans[0]
    assert w.cost_usd_per_hour == pytest.approx(p.cost_usd_per_hour)


def test_whatif_rejects_bad_rates() -> None:
    with pytest.raises(InputError):
        whatif(Scenario(), [10, -5])


def test_whatif_cli_json(cli) -> None:
    res = cli("whatif", "--rates", "50,100", "--gpus", "H100-SXM", "--format", "json")
    assert res.code == 0, res.err
    d = res.json()
    assert [p["rate_per_s"] for p in d["plans"]] == [50, 100]
    for p in d["plans"] + d["by_gpu"]:
        assert p["headroom_rate_per_s"] >= p["rate_per_s"]
    assert {p["menu"][0] for p in d["by_gpu"]} == {"H100-SXM"}
    bad = cli("whatif", "--rates", "50,abc")
    assert bad.code == 2


# ------------------------------------------------------------------------------------------
# compare-routers
# ------------------------------------------------------------------------------------------


def _two_pool_fleet() -> FleetConfig:
    return FleetConfig(
        workload=CDFWorkload(name="agent_heavy"),
        rate_per_s=4,
        slo={"ttft_p99_s": 1.0},
        pools=[
            {"name": "short", "gpu": "H100-SXM", "replicas": 1, "max_ctx_tokens": 4096},
            {"name": "long", "gpu": "H100-SXM", "replicas": 5, "max_ctx_tokens": 65536},
        ],
    )


def test_compare_routers_deterministic_and_order_free() -> None:
    cfg = _two_pool_fleet()
    kw = {"n_requests": 1500, "replications": 2}
    a = compare_routers(cfg, **kw)
    b = compare_routers(cfg, **kw)
    assert a == b
    assert a.to_dict() == b.to_dict()
    names = [r.router for r in a.runs]
    assert names == ["threshold", "compress_and_route", "random", "least_loaded", "spillover"]
    rev = compare_routers(cfg, list(reversed(names)), **kw)
    for r in rev.runs:
        assert r.result == a.run(r.router).result
    # every router sees the same request stream
    assert len({r.fleet.arrivals for r in a.runs}) == 1
    # routing differs: compression sends more requests to the short pool than the threshold
    arr = {r.router: r.result.pool("short").arrivals for r in a.runs}
    assert arr["compress_and_route"] > arr["threshold"]


def test_compare_routers_bad_router() -> None:
    from optfleet.errors import UnknownNameError

    with pytest.raises(UnknownNameError):
        compare_routers(_two_pool_fleet(), ["threshold", "teleport"], n_requests=200)
    with pytest.raises(InputError):
        compare_routers(_two_pool_fleet(), ["label"], n_requests=200)


def test_compare_routers_cli_json(cli, tmp_path) -> None:
    import yaml

    f = tmp_path / "fleet.yaml"
    f.write_text(yaml.safe_dump(_two_pool_fleet().model_dump(mode="json")))
    args = ("compare-routers", str(f), "--requests", "1000", "--replications", "2")
    res = cli(*args, "--routers", "threshold,spillover", "--format", "json")
    assert res.code == 0, res.err
    d = res.json()
    assert [r["router"] for r in d["routers"]] == ["threshold", "spillover"]
    for r in d["routers"]:
        for k in ("ttft_p50_s", "ttft_p99_s", "tpot_p99_s", "slo_attainment", "throughput_per_s"):
            assert {"value", "low", "high"} <= set(r[k])
        assert r["rejected"] >= 0
    again = cli(*args, "--routers", "spillover,threshold", "--format", "json").json()
    assert again["routers"][1] == d["routers"][0]
    assert cli(*args, "--routers", "nope").code != 0


# ------------------------------------------------------------------------------------------
# reliability
# ------------------------------------------------------------------------------------------


def test_reliability_reference_availabilities() -> None:
    assert round(reliability_report(mttr_hours=4.0).availability, 5) == 0.99892
    assert round(reliability_report(mttr_hours=48.0).availability, 5) == 0.98717


def test_reliability_rules_side_by_side() -> None:
    r = reliability_report({"pool": 10}, availability=0.95, target=0.999)
    p = r.pools[0]
    assert (p.spares_binomial, p.spares_ceil) == (4, 1)
    assert p.prob_enough_binomial >= 0.999 > p.prob_enough_ceil
    assert p.total_binomial == 14 and p.total_ceil == 11
    with pytest.raises(InputError):
        reliability_report({"pool": -1})
    with pytest.raises(InputError):
        reliability_report({"pool": 1}, target=1.5)


def test_reliability_cli_json(cli) -> None:
    res = cli("reliability", "--pools", "short=3,long=5", "--mttr-hours", "4", "--format", "json")
    assert res.code == 0, res.err
    d = res.json()
    assert round(d["availability"], 5) == 0.99892
    assert [p["pool"] for p in d["pools"]] == ["short", "long"]
    assert [p["spares_binomial"] for p in d["pools"]] == [1, 1]
    assert [p["spares_ceil"] for p in d["pools"]] == [1, 1]
    res48 = cli("reliability", "--mttr-hours", "48", "--format", "json")
    assert round(res48.json()["availability"], 5) == 0.98717
    assert cli("reliability", "--pools", "short=x").code == 2


def test_reliability_cli_scenario(cli) -> None:
    from optfleet._data import data_path

    path = data_path("examples", "agent_heavy.scenario.yaml")
    res = cli("reliability", str(path), "--format", "json")
    assert res.code == 0, res.err
    d = res.json()
    assert d["source"].startswith("scenario")
    # unverified, the analytics pick the published one-pool fleet of 24 H100 (SEED_SYSTEM.md §4)
    assert [(p["pool"], p["needed"]) for p in d["pools"]] == [("all/H100-SXM", 24)]
    for p in d["pools"]:
        assert p["prob_enough_binomial"] >= d["target"]
