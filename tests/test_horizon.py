"""Planning over time: the time-indexed program, its properties, and the planner around it."""

from __future__ import annotations

import json

import numpy as np
import pytest

import optfleet
from optfleet.backends import get_backend
from optfleet.errors import InputError
from optfleet.formulation.horizon import (
    BatchWork,
    HorizonProblem,
    Period,
    TierPrices,
    build_horizon_model,
    read_schedule,
)
from optfleet.formulation.records import CapacityOption, Layout, Role
from optfleet.planning.horizon import plan_horizon
from optfleet.scenario import Scenario

LAYOUT = Layout("one", (Role("all", 39.0),))  # one pool: all of the peak rate
#: Per-replica capacity grows with the count (pooling): 4, 4.5, 5, 5.25 ... req/s per replica.
TABLE = (0.0, 4.0, 9.0, 15.0, 21.0, 27.0, 33.0, 39.0)


def _option(gpu: str, scale: float = 1.0, gpus: int = 1) -> CapacityOption:
    return CapacityOption("one", "all", gpu, tuple(x * scale for x in TABLE), 1.0,
                          gpus_per_replica=gpus)


def _solve(hp: HorizonProblem) -> tuple[float, dict]:
    m = build_horizon_model(hp)
    r = get_backend("cbc").solve(m.lp, m.variables)
    assert r.termination == "optimal"
    return float(r.objective), read_schedule(hp, r.values)


def _gpus(hp: HorizonProblem, sched: dict, t: int, gpu: str) -> int:
    o = next(o for o in hp.options if o.gpu == gpu)
    return sum(k * o.gpus_per_replica for (tt, _, g), k in sched["replicas"].items()
               if tt == t and g == gpu)


def _brute_force(hp: HorizonProblem) -> float:
    """Cheapest cost by enumeration: every count per period, then the best reserved level
    (one GPU type, reserved + on-demand, no batch)."""
    (o,) = hp.options
    p = hp.prices[o.gpu]
    need = [o.k_full(per.rate_per_s) or 0 for per in hp.periods]
    best = np.inf
    for r in range(max(need) + 1):
        cost = p.reserved * r * hp.hours + sum(
            per.duration_s / 3600 * p.on_demand * max(0, k - r)
            for per, k in zip(hp.periods, need, strict=True))
        best = min(best, cost)
    return float(best)


@pytest.mark.parametrize("rates", [(4.0, 20.0, 30.0), (9.0, 9.0, 33.0, 2.0), (0.0, 15.0)])
def test_program_matches_brute_force(rates) -> None:
    periods = tuple(Period(f"p{i}", 3600.0, r) for i, r in enumerate(rates))
    hp = HorizonProblem(LAYOUT, (_option("G"),), 39.0, periods,
                        {"G": TierPrices(reserved=2.0, on_demand=3.0)})
    cost, _ = _solve(hp)
    assert cost == pytest.approx(_brute_force(hp))


def test_reserved_never_below_the_minimum_demand_when_cheaper() -> None:
    """Property: with reserved cheaper than on-demand (no caps), every GPU in service in every
    period is reserved: the reserved count is at least each type's least demand."""
    rng = np.random.default_rng(0)
    for _ in range(12):
        rates = rng.uniform(0.0, 35.0, size=int(rng.integers(2, 6)))
        periods = tuple(Period(f"p{i}", float(rng.choice([1800.0, 3600.0])), float(r))
                        for i, r in enumerate(rates))
        od_a, od_b = rng.uniform(2.0, 5.0, 2)
        prices = {"A": TierPrices(reserved=od_a * rng.uniform(0.3, 0.95), on_demand=od_a),
                  "B": TierPrices(reserved=od_b * rng.uniform(0.3, 0.95), on_demand=od_b,
                                  spot=od_b * 0.9, max_spot=1)}
        hp = HorizonProblem(LAYOUT, (_option("A"), _option("B", 1.3, gpus=2)), 39.0, periods,
                            prices)
        _, sched = _solve(hp)
        for g in ("A", "B"):
            least = min(_gpus(hp, sched, t, g) for t in range(len(periods)))
            assert sched["tiers"].get(("R", g), 0) >= least - (1 if g == "B" else 0)


def test_batch_is_placed_before_its_deadline_at_least_as_cheaply_as_any_one_period() -> None:
    periods = (Period("night", 3600.0, 2.0), Period("day", 3600.0, 30.0),
               Period("late", 3600.0, 2.0))
    prices = {"G": TierPrices(reserved=2.0, on_demand=3.0)}

    def solve(window: tuple[int, ...]) -> tuple[float, dict]:
        return _solve(HorizonProblem(LAYOUT, (_option("G"),), 39.0, periods, prices,
                                     batch=(BatchWork("b", 3600.0 * 6.0, window),)))

    cost, sched = solve((0, 1))
    placed = {t: v for (_, t), v in sched["batch_per_s"].items()}
    assert 2 not in placed  # after the deadline: never offered
    assert placed[0] * 3600 + placed[1] * 3600 == pytest.approx(3600.0 * 6.0)
    assert cost <= solve((0,))[0] + 1e-9 and cost <= solve((1,))[0] + 1e-9


def test_a_cheaper_tier_is_used_up_to_its_cap() -> None:
    periods = tuple(Period(f"p{i}", 3600.0, r) for i, r in enumerate((30.0, 30.0)))
    hp = HorizonProblem(LAYOUT, (_option("G"),), 39.0, periods,
                        {"G": TierPrices(on_demand=3.0, spot=1.0, max_spot=2)})
    _, sched = _solve(hp)
    assert all(sched["tiers"][("S", t, "G")] == 2 for t in range(2))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"periods": ()}, "no period"),
    ({"prices": {}}, "no tier prices"),
    ({"batch": (BatchWork("b", 10.0, (5,)),)}, "out of range"),
])
def test_bad_problems_are_input_errors(kwargs, message) -> None:
    base = {"layout": LAYOUT, "options": (_option("G"),), "peak_rate_per_s": 39.0,
            "periods": (Period("p", 3600.0, 1.0),), "prices": {"G": TierPrices(on_demand=1.0)}}
    with pytest.raises(InputError, match=message):
        HorizonProblem(**{**base, **kwargs})


# ------------------------------------------------------------------ the planner


def test_a_flat_profile_is_the_single_period_plan() -> None:
    flat = Scenario(gpus=("A100-80GB", "H100-SXM"), rate_per_s=30.0,
                    horizon={"demand": {"hourly_rates_per_s": [30.0] * 4}})
    hp = plan_horizon(flat, verify=False)
    one = optfleet.plan(flat.model_copy(update={"horizon": None}), verify=False)
    assert hp.cost_usd_per_hour == pytest.approx(one.cost_usd_per_hour, rel=1e-6)
    assert hp.saving_usd == pytest.approx(0.0, abs=1e-6)
    assert {p.gpu for p in one.pools} == set(hp.periods[0].gpus) - {
        g for g, n in hp.periods[0].gpus.items() if n == 0}


def test_diurnal_demand_buys_less_than_the_peak() -> None:
    s = Scenario(gpus=("H100-SXM",), horizon={
        "demand": {"hourly_rates_per_s": [10.0] * 12 + [40.0] * 12},
        "batch": [{"name": "nightly", "requests": 100_000, "deadline_s": 43_200}],
        "tiers": {"H100-SXM": {"reserved_usd_per_gpu_hour": 2.5}}})
    hp = plan_horizon(s, verify=False)
    assert 0 < hp.cost_usd < hp.peak.cost_usd and hp.saving_share > 0.05
    night = [p.batch_rate_per_s for p in hp.periods[:12]]
    assert sum(night) * 3600 == pytest.approx(100_000, rel=1e-6)
    assert all(p.batch_rate_per_s == 0 for p in hp.periods[12:])  # after the deadline
    assert hp.reserved_gpus["H100-SXM"] >= min(p.gpus["H100-SXM"] for p in hp.periods)


def test_plan_refuses_a_horizon_scenario() -> None:
    s = Scenario(horizon={"demand": {"hourly_rates_per_s": [1.0]}})
    with pytest.raises(InputError, match="plan_horizon"):
        optfleet.plan(s, verify=False)


@pytest.mark.parametrize(("horizon", "message"), [
    ({"demand": {}}, "exactly one of"),
    ({"demand": {"hourly_rates_per_s": [0.0, 0.0]}}, "positive rate"),
    ({"demand": {"hourly_rates_per_s": [1.0]}, "tiers": {"Z100": {}}}, "Z100"),
    ({"demand": {"hourly_rates_per_s": [1.0]},
      "batch": [{"name": "b", "requests": 5, "deadline_s": 10, "release_s": 20}]}, "after"),
])
def test_bad_horizons_are_one_line_errors(cli, tmp_path, horizon, message) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"gpus": ["H100-SXM"], "horizon": horizon}))
    r = cli("plan", str(f), "--no-verify")
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1


def test_batch_window_without_a_whole_period_is_an_error(cli, tmp_path) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"gpus": ["H100-SXM"], "horizon": {
        "demand": {"hourly_rates_per_s": [5.0, 5.0]},
        "batch": [{"name": "b", "requests": 100, "release_s": 600, "deadline_s": 3000}]}}))
    r = cli("plan", str(f), "--no-verify")
    assert r.code == 2 and "no whole period" in r.err


def test_cli_prints_the_schedule_and_json(cli) -> None:
    r = cli("plan", "example:diurnal", "--no-verify", "--format", "json")
    assert r.code == 0, r.err
    doc = r.json()
    assert len(doc["periods"]) == 24 and doc["saving_usd"] > 0
    assert set(doc["reserved_gpus"]) <= {"A10G", "A100-80GB", "H100-SXM"}
    placed = sum(p["batch_rate_per_s"] * p["duration_s"] for p in doc["periods"])
    assert placed == pytest.approx(500_000, rel=1e-6)
    t = cli("plan", "example:diurnal", "--no-verify")
    assert t.code == 0 and "optfleet plan over time" in t.out and "peak sizing" in t.out


def test_trace_profiles_take_their_shape_from_the_trace() -> None:
    from optfleet.scenario.horizon import DemandProfile
    from optfleet.workloads.profile import demand_periods

    mean = demand_periods(DemandProfile(trace={"kind": "trace", "name": "azure_conv"},
                                        period_s=300.0))
    busy = demand_periods(DemandProfile(trace={"kind": "trace", "name": "azure_conv"},
                                        period_s=300.0, quantile=0.9))
    assert len(mean) == len(busy) >= 10
    assert all(b.rate_per_s >= m.rate_per_s for m, b in zip(mean, busy, strict=True))
    from optfleet.scenario import TraceWorkload
    from optfleet.workloads.mix import load_trace_spec

    trace = load_trace_spec(TraceWorkload(name="azure_conv"))
    counted = sum(m.rate_per_s * m.duration_s for m in mean)
    assert counted <= trace.n_requests and counted > 0.9 * trace.n_requests


def test_replay_serves_batch_before_its_deadline() -> None:
    s = Scenario(gpus=("H100-SXM",), horizon={
        "demand": {"periods": [{"duration_s": 3600, "rate_per_s": r} for r in (5.0, 25.0, 5.0)]},
        "batch": [{"name": "b", "requests": 40_000, "deadline_s": 7200}]})
    hp = plan_horizon(s, verify=True, sim_requests=4000, replications=2)
    r = hp.replay
    assert r is not None and r["batch"][0]["requests"] > 0
    assert r["batch_on_time"] and r["batch"][0]["latest_completion_s"] <= 7200
    assert hp.verified


def test_a_forecast_from_history_folds_the_trace_into_cycles(tmp_path) -> None:
    """Three 'days' of 4 one-hour periods each (rates 1, 2, 3, 4 req/s, day 2 doubled): the
    seasonal mean per hour-of-day is the mean over the days, the quantile their quantile."""
    from optfleet.scenario.horizon import DemandProfile
    from optfleet.workloads.profile import demand_periods

    rows, day_s = [], 4 * 3600.0
    for day, scale in enumerate((1.0, 2.0, 1.0)):
        for hour, rate in enumerate((1.0, 2.0, 3.0, 4.0)):
            n = int(rate * scale * 3600)
            start = day * day_s + hour * 3600.0
            rows += [start + (i + 0.5) * 3600.0 / n for i in range(n)]
    f = tmp_path / "t.jsonl"
    f.write_text("".join(json.dumps({"timestamp": x, "prompt_tokens": 100,
                                     "output_tokens": 10}) + "\n" for x in rows))
    trace = {"kind": "trace", "path": str(f), "format": "jsonl"}
    mean = demand_periods(DemandProfile(trace=trace, period_s=3600.0, season_s=day_s))
    # (the trace's clock starts at its first request, half a gap in: rates to 1e-3)
    assert [p.rate_per_s for p in mean] == pytest.approx([4 / 3, 8 / 3, 4.0, 16 / 3], rel=1e-3)
    top = demand_periods(DemandProfile(trace=trace, period_s=3600.0, season_s=day_s,
                                       quantile=0.99))
    assert all(t.rate_per_s > m.rate_per_s for t, m in zip(top, mean, strict=True))
    with pytest.raises(InputError, match="whole number of periods"):
        demand_periods(DemandProfile(trace=trace, period_s=3600.0, season_s=5000.0))


def test_plot_draws_demand_against_capacity(cli, tmp_path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "day.png"
    r = cli("plan", "example:diurnal", "--no-verify", "--plot", str(out))
    assert r.code == 0, r.err
    assert out.stat().st_size > 10_000 and out.read_bytes()[:4] == b"\x89PNG"
