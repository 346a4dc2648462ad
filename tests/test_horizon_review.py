"""Review of #15 (planning over time): reproductions of problems found in review.

Every test here is fast (no engine simulation of a whole horizon): where the planner would
simulate, the simulation is replaced by a stub or the judging function is fed synthetic
records.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest

from optfleet.errors import InputError
from optfleet.planning.horizon import plan_horizon
from optfleet.scenario import Scenario


def _ns_plan(durations: list[float]) -> SimpleNamespace:
    return SimpleNamespace(periods=[SimpleNamespace(name=f"p{i}", duration_s=d)
                                    for i, d in enumerate(durations)])


# ------------------------------------------------------------------ peak sizing


def test_peak_sizing_takes_each_batch_class_at_its_own_rate() -> None:
    """Two batch classes of W requests each, same window, must be sized like one class of 2W.
    ``_peak`` divides the summed requests by the *summed* windows (planning/horizon.py,
    ``window = sum(sum(...) for b in batch)``), halving the batch rate: the peak fleet comes out
    smaller than the horizon plan's busiest hour and the "saving" negative."""
    def s(batch: list[dict]) -> Scenario:
        return Scenario(gpus=("H100-SXM",), horizon={
            "demand": {"hourly_rates_per_s": [10.0] * 4}, "batch": batch})

    one = plan_horizon(s([{"name": "b", "requests": 600_000, "deadline_s": 14_400}]),
                       verify=False)
    two = plan_horizon(s([{"name": "a", "requests": 300_000, "deadline_s": 14_400},
                          {"name": "b", "requests": 300_000, "deadline_s": 14_400}]),
                       verify=False)
    assert two.peak.gpus == one.peak.gpus
    assert two.saving_usd >= -1e-6  # peak sizing can never be cheaper than the optimum here


def test_peak_sizing_feedback_adds_capacity_when_its_verification_fails(monkeypatch) -> None:
    """When the peak fleet fails its simulation, ``_peak`` feeds ``failing`` back with
    ``fed[lay].update(failing)``: keys ``(role, gpu, replicas) -> load`` where
    ``min_replicas_at`` wants ``(period, role) -> replicas``, so the re-solve is the same fleet
    (4 times) and the peak sizing stays unverified and undersized."""
    import optfleet.planning.horizon as H
    import optfleet.planning.horizon_verify as V

    seen: list[int] = []

    def fake_verify(base, tables, problem, best, sim_requests, replications):
        periods = best.hp.periods
        sched = best.schedule
        if len(periods) == 1 and periods[0].name == "peak":
            seen.append(sum(sched["replicas"].values()))
            if len(seen) == 1:  # the first peak fleet fails: each pool carried half its load
                failing = {(r, g, k): 0.5 * sched["load_per_s"][(t, r, g)]
                           for (t, r, g), k in sched["replicas"].items()}
                return {0: (False, 1.0, "fake: failed")}, failing
            return {0: (True, 0.1, "fake: passed")}, {}
        return {t: (True, 0.1, "fake") for t in range(len(periods))}, {}

    monkeypatch.setattr(V, "verify_periods", fake_verify)
    monkeypatch.setattr(H, "_calibrate", lambda base, tables, problem, best, progress:
                        (problem, False))
    s = Scenario(gpus=("H100-SXM",), horizon={"demand": {"hourly_rates_per_s": [10.0, 30.0]}})
    plan_horizon(s, verify=True, replay=False)
    assert len(seen) >= 2
    assert seen[-1] > seen[0], f"peak fleet after a failed verification unchanged: {seen}"


# ------------------------------------------------------------------ the schedule's costs


def test_period_costs_add_up_to_the_total_with_start_costs() -> None:
    """``PeriodPlan.cost_usd`` is documented to include the period's start costs; write_back
    leaves them out, so the periods do not add up to ``cost_usd`` (the objective)."""
    s = Scenario(gpus=("H100-SXM",), horizon={
        "demand": {"hourly_rates_per_s": [5.0, 40.0, 5.0, 40.0]},
        "tiers": {"H100-SXM": {"start_usd_per_gpu": 50.0}}})
    hp = plan_horizon(s, verify=False)
    assert sum(p.cost_usd for p in hp.periods) == pytest.approx(hp.cost_usd, rel=1e-6)


# ------------------------------------------------------------------ the replay's judging


def test_replay_judges_each_batch_class_against_its_own_deadline() -> None:
    """Class a (deadline 1 h) runs in hour 0, class b (released at 1 h, deadline 2 h) in
    hour 1.  ``_batch_on_time`` checks every batch request against the *earliest* deadline,
    so b's requests, all done by 1.4 h, are reported late and the plan unverified."""
    from optfleet.planning.horizon_replay import _batch_on_time

    s = Scenario(gpus=("H100-SXM",), horizon={
        "demand": {"hourly_rates_per_s": [1.0, 1.0]},
        "batch": [{"name": "a", "requests": 10, "deadline_s": 3600},
                  {"name": "b", "requests": 10, "release_s": 3600, "deadline_s": 7200}]})
    plan = _ns_plan([3600.0, 3600.0])
    starts, lengths = np.array([0.0, 300.0]), np.array([300.0, 300.0])
    arrival = np.array([10.0, 20.0, 30.0, 310.0, 320.0, 330.0])
    cols = {"status": np.ones(6, dtype=int), "arrival_s": arrival, "e2e_s": np.full(6, 1.0)}
    classes = np.array([0, 0, 0, 1, 1, 1])  # a's requests in hour 0, b's in hour 1
    out = _batch_on_time(s, plan, cols, classes, np.array([0, 0, 0, 1, 1, 1]),
                         starts, lengths)
    assert all(b["on_time_share"] == 1.0 for b in out), out


def test_replay_judges_the_tpot_slo_of_the_interactive_class() -> None:
    """An interactive class with a TPOT SLO: the replay's ``_judge`` looks at TTFT only, so a
    period whose every request streams at 0.5 s/token against a 0.05 s SLO is 'met'."""
    from optfleet.planning.horizon_replay import _judge

    s = Scenario(gpus=("H100-SXM",), slo={"ttft_p99_s": 0.5, "tpot_p99_s": 0.05},
                 horizon={"demand": {"hourly_rates_per_s": [1.0]}})
    n = 200
    arrival = np.linspace(0.0, 290.0, n)
    first = arrival + 0.1
    finish = first + 100 * 0.5  # 101 output tokens at 0.5 s each after the first
    cols = {"ttft_s": first - arrival, "status": np.ones(n, dtype=int),
            "pool": np.zeros(n, dtype=int), "arrival_s": arrival, "first_token_s": first,
            "finish_s": finish, "e2e_s": finish - arrival,
            "output_tokens": np.full(n, 101), "prompt_tokens": np.full(n, 100)}
    out = _judge(s, _ns_plan([3600.0]), cols, np.full(n, -1), np.zeros(n, dtype=int),
                 np.array([0.0]), np.array([300.0]), 0, ["all/H100-SXM"])
    assert not out["slo_met_every_period"]


def test_replay_result_is_json_when_no_batch_request_arrives() -> None:
    """A small batch class can get no arrival in the compressed replay (Poisson); then
    ``latest_completion_s`` is NaN, which ``--format json`` (allow_nan=False) refuses with an
    exception and ``-o`` writes as the non-JSON token NaN."""
    from optfleet.planning.horizon_replay import _batch_on_time

    s = Scenario(gpus=("H100-SXM",), horizon={
        "demand": {"hourly_rates_per_s": [5.0, 20.0]},
        "batch": [{"name": "b", "requests": 1, "deadline_s": 7200}]})
    cols = {"status": np.ones(3, dtype=int), "arrival_s": np.array([1.0, 2.0, 3.0]),
            "e2e_s": np.ones(3)}
    out = _batch_on_time(s, _ns_plan([3600.0, 3600.0]), cols, np.full(3, -1),
                         np.zeros(3, dtype=int), np.array([0.0, 300.0]),
                         np.array([300.0, 300.0]))
    json.dumps(out, allow_nan=False)


def test_disaggregated_plans_are_replayed_as_prefill_and_decode(monkeypatch) -> None:
    """``disaggregation: only`` with ``horizon`` is accepted, but the replay treats the prefill
    and decode pools as two colocated pools and routes every request to the first role by name
    ("decode"): the prefill pool gets no traffic and the replay checks another system.  Either
    refuse the combination (InputError) or replay it as the disaggregated simulation."""
    import optfleet.planning.horizon as H
    import optfleet.planning.horizon_replay as R
    import optfleet.planning.horizon_verify as V

    got: dict[str, object] = {}

    def fake_replay(scenario, tables, plan, **kw):
        pools = R._pools(plan)
        lengths = np.array([R.compressed(p.duration_s, 30.0) for p in plan.periods])
        starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
        req, _, _ = R._requests(scenario, tables, plan, pools, starts, lengths,
                                np.random.default_rng(0))
        got["roles"] = {pools[i][0] for i in np.unique(req.label)}
        got["all"] = {r for r, _, _ in pools}
        return {"failing": [], "slo_met_every_period": True, "batch_on_time": True}

    monkeypatch.setattr(V, "verify_periods", lambda base, tables, problem, best, n, r: (
        {t: (True, 0.1, "fake") for t in range(len(best.hp.periods))}, {}))
    monkeypatch.setattr(H, "_calibrate", lambda base, tables, problem, best, progress:
                        (problem, False))
    monkeypatch.setattr(R, "replay_horizon", fake_replay)
    s = Scenario(gpus=("H100-SXM",), disaggregation="only",
                 horizon={"demand": {"hourly_rates_per_s": [5.0, 20.0]}})
    try:
        plan_horizon(s, verify=True)
    except InputError:
        return
    assert got["all"] == {"prefill", "decode"}
    assert got["roles"] == got["all"], f"roles receiving requests in the replay: {got['roles']}"


# ------------------------------------------------------------------ demand profiles


def test_a_seasonal_forecast_honours_planned_period_s(tmp_path) -> None:
    """``planned_period_s`` (and ``n_periods``) are silently ignored with ``season_s``:
    ``_seasonal`` uses ``period_s * time_scale`` for every period's length."""
    from optfleet.scenario.horizon import DemandProfile
    from optfleet.workloads.profile import demand_periods

    rows, day_s = [], 4 * 3600.0
    for day in range(2):
        for hour, rate in enumerate((1.0, 2.0, 3.0, 4.0)):
            n = int(rate * 3600)
            start = day * day_s + hour * 3600.0
            rows += [start + (i + 0.5) * 3600.0 / n for i in range(n)]
    f = tmp_path / "t.jsonl"
    f.write_text("".join(json.dumps({"timestamp": x, "prompt_tokens": 100,
                                     "output_tokens": 10}) + "\n" for x in rows))
    trace = {"kind": "trace", "path": str(f), "format": "jsonl"}
    try:
        got = demand_periods(DemandProfile(trace=trace, period_s=3600.0, season_s=day_s,
                                           planned_period_s=1800.0))
    except (InputError, ValueError):
        return  # refusing the combination is fine too
    assert {p.duration_s for p in got} == {1800.0}


# ------------------------------------------------------------------ scenario constraints


def test_the_scenarios_gpu_caps_bind_every_period() -> None:
    """``constraints.max_gpus`` ("caps and budgets the plan must respect") is not passed to the
    time-indexed program: the horizon plan holds more H100s than the cap in its busy hour
    (refusing the scenario, or an InfeasibleError, would be acceptable too)."""
    from optfleet.errors import InfeasibleError

    s = Scenario(gpus=("A100-80GB", "H100-SXM"), constraints={"max_gpus": {"H100-SXM": 1}},
                 horizon={"demand": {"hourly_rates_per_s": [5.0, 40.0]}})
    try:
        hp = plan_horizon(s, verify=False)
    except (InputError, InfeasibleError):
        return
    assert all(p.gpus.get("H100-SXM", 0) <= 1 for p in hp.periods), [p.gpus for p in hp.periods]
