"""A plan a person can read, question, compare and share (#12, part A): the plan records its
question and provenance, ``plan --from`` asks it again, ``explain`` says why, ``compare`` lines
plans up."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import optfleet
from optfleet import Scenario
from optfleet.analysis.compare import compare
from optfleet.analysis.explain import explain
from optfleet.errors import InputError
from optfleet.planning.loop import load_plan, replan
from optfleet.planning.results import Plan
from optfleet.scenario.presets import get_preset

OUTCOMES = {"rejected_in_simulation", "infeasible", "dearer"}
#: lmsys at 20 req/s on A100/H100, tables not calibrated: the analytic tables put the cheapest
#: candidates on too few replicas (long prompts block the prefill stage), and the engine-level
#: simulation rejects them.
LMSYS = dict(workload={"kind": "cdf", "name": "lmsys"}, rate_per_s=20.0,
             gpus=("A100-80GB", "H100-SXM"), thresholds_tokens=(2048, 4096))


def _one_line_error(r, code: int = 2) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.err, r.err
    return lines[0]


@pytest.fixture(scope="module")
def rejected() -> Plan:
    """Verified at engine level (3 replications); its cheapest candidates fail simulation."""
    return optfleet.plan(Scenario(**LMSYS), calibrate=False, replications=3, alternatives=5)


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict[str, Path]:
    """Two unverified plans written by the CLI: 5 and 20 req/s on the default menu."""
    from optfleet.cli import run

    d = tmp_path_factory.mktemp("plans")
    out = {}
    for rate in ("5", "20"):
        out[rate] = d / f"rate{rate}.json"
        assert run(["plan", "--rate", rate, "--no-verify", "-q", "-o", str(out[rate])]) == 0
    return out


# ------------------------------------------------------------------------------ provenance


def test_plan_json_carries_its_question_and_provenance(saved) -> None:
    data = json.loads(saved["5"].read_text())
    assert data["question"] == Scenario(rate_per_s=5).model_dump(mode="json")
    prov = data["provenance"]
    assert prov["seed"] == 0 and prov["solver_backend"] == "cbc"
    assert prov["solver_version"].startswith("pulp ") and "CBC" in prov["solver_version"]
    assert prov["optfleet_version"] == optfleet.__version__ and prov["python_version"]
    assert prov["options"] == {
        "backend": "cbc", "top_k": 3, "verify": False, "level": "engine", "sim_requests": None,
        "replications": 5, "max_iterations": 6, "time_limit_s": 60.0, "gap": None,
        "probe": True, "calibrate": False, "alternatives": 0,
    }
    assert prov["preset"] == get_preset("default").model_dump(mode="json")
    gpus = {p["gpu"] for p in prov["profiles"]}
    assert gpus and gpus <= set(Scenario().gpus)
    assert all(p["kind"] == "derived" and "datasheet" in p["source"] for p in prov["profiles"])
    when = datetime.datetime.fromisoformat(prov["created_utc"].replace("Z", "+00:00"))
    now = datetime.datetime.now(datetime.UTC)
    assert abs((now - when).total_seconds()) < 3600
    # loading keeps the question whole (a nested "gpus" key is not a computed field)
    p = load_plan(saved["5"])
    assert p.question == data["question"] and p.provenance.preset["name"] == "default"


def test_calibrated_profiles_and_calibrations_are_recorded() -> None:
    fs = optfleet.plan(optfleet.load_scenario(
        Path(__file__).resolve().parents[1] / "data/examples/lmsys_pareto.scenario.yaml"),
        verify=False)
    assert {p.kind for p in fs.provenance.profiles} == {"calibrated"}
    assert fs.provenance.calibrations == ()  # slot tables: nothing calibrated by simulation
    assert fs.provenance.preset["name"] == "fleet-sim"


def test_a_plan_written_before_the_record_still_loads(tmp_path, saved) -> None:
    data = json.loads(saved["5"].read_text())
    for key in ("question", "provenance", "alternatives", "power_w"):
        del data[key]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    old = load_plan(path)
    assert old.question is None and old.alternatives == () and old.pools
    with pytest.raises(InputError, match="does not record its question"):
        replan(old)
    e = explain(old)
    assert e.alternatives == () and not e.re_solved
    assert any("does not record its question" in n for n in e.notes)


# ------------------------------------------------------------------------------ plan --from


def test_plan_from_gives_the_same_plan(cli, tmp_path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("workload: {kind: cdf, name: lmsys}\nrate_per_s: 20\n"
                        "gpus: [H100-SXM]\nthresholds_tokens: []\nseed: 7\n")
    first = tmp_path / "a.json"
    r = cli("plan", str(scenario), "--sim-requests", "2000", "-q", "-o", str(first),
            "--format", "json")
    assert r.code == 0, r.err
    a = r.json()
    assert a["verified"] and a["provenance"]["options"]["sim_requests"] == 2000
    assert a["provenance"]["seed"] == 7
    r = cli("plan", "--from", str(first), "-q", "--format", "json")
    assert r.code == 0, r.err
    b = r.json()
    # same pools (simulated quantiles included: same seed and simulation options), cost, layout
    assert b["pools"] == a["pools"]
    assert (b["cost_usd_per_hour"], b["layout"], b["threshold_tokens"]) == (
        a["cost_usd_per_hour"], a["layout"], a["threshold_tokens"])
    assert b["question"] == a["question"] and b["verification"] == a["verification"]
    assert b["provenance"]["options"] == a["provenance"]["options"]
    # a call option given again replaces the saved one
    r = cli("plan", "--from", str(first), "--no-verify", "-q", "--format", "json")
    assert r.code == 0 and not r.json()["verified"]
    # ... also when the value given is the default: --verify on a saved --no-verify plan
    second = tmp_path / "b.json"
    r = cli("plan", "--from", str(first), "--no-verify", "-q", "-o", str(second))
    assert r.code == 0, r.err
    r = cli("plan", "--from", str(second), "--verify", "-q", "--format", "json")
    assert r.code == 0 and r.json()["verified"]
    assert r.json()["provenance"]["options"]["calibrate"] is True
    r = cli("plan", "--from", str(second), "-q", "--format", "json")
    assert r.code == 0 and not r.json()["verified"]
    assert r.json()["provenance"]["options"]["calibrate"] is False


def test_plan_from_with_a_scenario_or_a_bad_file_is_a_usage_error(cli, tmp_path, saved) -> None:
    line = _one_line_error(cli("plan", "data/examples/agent_heavy.scenario.yaml", "--from",
                               str(saved["5"])))
    assert "--from" in line and "scenario" in line
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert str(bad) in _one_line_error(cli("plan", "--from", str(bad)))


# ------------------------------------------------------------------------------ explain


def test_rejected_candidates_are_alternatives_with_their_simulated_p99(rejected) -> None:
    rej = [a for a in rejected.alternatives if a.outcome == "rejected_in_simulation"]
    assert rej, rejected.alternatives
    cheapest = rej[0]
    first = rejected.verification[0]
    assert not first.accepted and cheapest.cost_usd_per_hour == pytest.approx(
        first.candidate_cost_usd_per_hour)
    assert cheapest.cost_usd_per_hour < rejected.cost_usd_per_hour
    assert cheapest.simulated_p99_ttft_s is not None and cheapest.simulated_p99_ttft_s > 0.5
    assert cheapest.reason.startswith("rejected in simulation: pool ")
    assert "> SLO 500 ms" in cheapest.reason
    # every rejected step of the verification record is an alternative
    assert len(rej) == sum(not s.accepted for s in rejected.verification)


def test_explain_lists_five_sorted_alternatives_with_reasons(rejected) -> None:
    e = explain(rejected)
    assert not e.re_solved and len(e.alternatives) >= 5
    costs = [a.cost_usd_per_hour for a in e.alternatives]
    assert costs == sorted(costs)
    assert [a.rank for a in e.alternatives] == list(range(1, len(costs) + 1))
    keys = set()
    for a in e.alternatives:
        assert a.outcome in OUTCOMES and a.reason
        if a.outcome == "dearer":
            assert a.cost_usd_per_hour >= rejected.cost_usd_per_hour
            assert a.reason.startswith(("dearer by $", "as cheap ($"))
            assert a.simulated_p99_ttft_s is None
        keys.add((a.layout, tuple((p.role, p.gpu, p.replicas) for p in a.pools)))
        assert sum(a.gpus.values()) >= 1
    assert len(keys) == len(e.alternatives)  # distinct
    chosen = (rejected.layout, tuple((p.role, p.gpu, p.replicas) for p in rejected.pools))
    assert chosen not in keys
    assert any("not simulated" in n for n in e.notes)
    # the cost breakdown adds up
    assert sum(c.cost_usd_per_hour for c in e.cost_by_gpu) == pytest.approx(
        rejected.cost_usd_per_hour)
    assert all(p.binding and p.why for p in e.pools)


def test_explain_cli_table_and_json(cli, tmp_path, rejected) -> None:
    path = tmp_path / "p.json"
    rejected.save(path)
    r = cli("explain", str(path), "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert len(out["alternatives"]) >= 5 and not out["re_solved"]
    assert {"rank", "cost_usd_per_hour", "layout", "gpus", "outcome", "reason",
            "simulated_p99_ttft_s", "simulated_p99_tpot_s"} <= set(out["alternatives"][0])
    r = cli("explain", str(path))
    assert r.code == 0, r.err
    assert "rejected in simulation" in r.out and "cost per GPU type" in r.out


def test_explain_re_solves_a_plan_holding_too_few(cli, saved) -> None:
    p = load_plan(saved["5"])
    assert len(p.alternatives) < 5  # --no-verify ranks one candidate
    r = cli("explain", str(saved["5"]), "-q", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["re_solved"] and len(out["alternatives"]) >= 5
    assert all(a["outcome"] == "dearer" and a["cost_usd_per_hour"] >= p.cost_usd_per_hour
               for a in out["alternatives"])
    assert any("not simulated" in n for n in out["notes"])
    r = cli("explain", str(saved["5"]), "--no-resolve", "--format", "json")
    assert r.code == 0 and not r.json()["re_solved"]
    assert len(r.json()["alternatives"]) == len(p.alternatives)


def test_explain_names_a_binding_gpu_cap() -> None:
    sc = Scenario(rate_per_s=20, gpus=("A100-80GB", "H100-SXM"),
                  constraints={"max_gpus": {"H100-SXM": 1}})
    p = optfleet.plan(sc, verify=False)
    assert "max_gpus[H100-SXM]" in p.binding_constraints
    e = explain(p, resolve=False)
    h100 = [x for x in e.pools if x.gpu == "H100-SXM"]
    assert h100 and all("max_gpus[H100-SXM]" in x.binding for x in h100)
    assert all("max_gpus[H100-SXM]" not in x.binding for x in e.pools if x.gpu != "H100-SXM")
    assert "GPU availability cap" in h100[0].why


# ------------------------------------------------------------------------------ compare


def test_compare_flags_the_rows_that_differ(cli, saved) -> None:
    r = cli("compare", str(saved["5"]), str(saved["20"]), "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    rows = {(row["section"], row["key"]): row for row in out["rows"]}
    assert rows[("plan", "cost_usd_per_hour")]["differs"]
    assert rows[("plan", "rate_per_s")]["values"] == [5.0, 20.0]
    assert not rows[("plan", "preset")]["differs"]
    assert out["same_question"] is False
    assert any(d.startswith("rate_per_s:") for d in out["question_differences"])
    pool_rows = [row for row in out["rows"] if row["section"].startswith("pool ")]
    assert {row["key"] for row in pool_rows} >= {
        "analytic_p99_ttft_s", "simulated_p99_ttft_s", "analytic_p99_tpot_s",
        "simulated_p99_tpot_s", "utilisation"}
    r = cli("compare", str(saved["5"]), str(saved["20"]))
    assert r.code == 0, r.err
    marked = {ln.split("│")[2].strip() for ln in r.out.splitlines()
              if ln.count("│") > 3 and ln.split("│")[1].strip() == "*"}
    assert "$/h" in marked and "preset" not in marked
    assert "different questions" in r.out


def test_compare_of_a_plan_with_itself_differs_nowhere(saved) -> None:
    p = load_plan(saved["20"])
    c = compare([p, p])
    assert c.same_question is True and not any(row.differs for row in c.rows)
    with pytest.raises(InputError):
        compare([p])


@pytest.mark.parametrize("text", ["{not json", '{"pools": 3}', ""])
def test_a_malformed_plan_file_is_one_line_exit_2(cli, tmp_path, saved, text) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert str(bad) in _one_line_error(cli("explain", str(bad)))
    assert str(bad) in _one_line_error(cli("compare", str(saved["5"]), str(bad)))
    missing = tmp_path / "missing.json"
    assert str(missing) in _one_line_error(cli("explain", str(missing)))
