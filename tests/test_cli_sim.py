"""`optfleet simulate` and `optfleet plan` on files: JSON outputs, records, bad input."""

from __future__ import annotations

from optfleet._data import data_path


def test_simulate_flags_json(cli) -> None:
    r = cli("simulate", "--rate", "10", "--replicas", "2", "--requests", "2000",
            "--replications", "2", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    fleet = out["fleet"]
    assert fleet["arrivals"] == fleet["completed"] + fleet["rejected"] + fleet["unfinished"]
    assert out["level"] == "engine"
    assert fleet["ttft"]["p99"]["value"] > 0


def test_simulate_fleet_file_slot_level(cli) -> None:
    path = data_path("examples", "agent_heavy_two_pools.fleet.yaml")
    r = cli("simulate", str(path), "--level", "slot", "--protocol", "replications",
            "--requests", "20000", "--format", "json")
    assert r.code == 0, r.err
    pools = {p["name"]: p for p in r.json()["pools"]}
    assert set(pools) == {"short", "long"}
    # short pool: P99 TTFT about 17 ms (reference: 17 ms)
    assert 0.010 < pools["short"]["ttft"]["p99"]["value"] < 0.030


def test_simulate_records(cli, tmp_path) -> None:
    out = tmp_path / "req.csv"
    r = cli("simulate", "--rate", "5", "--replicas", "1", "--requests", "300",
            "--replications", "1", "--records", str(out))
    assert r.code == 0, r.err
    lines = out.read_text().splitlines()
    assert len(lines) == 301  # header + one line per request


def test_simulate_bad_input(cli, tmp_path) -> None:
    r = cli("simulate", "--gpu", "Z100")
    assert r.code == 2 and "Z100" in r.err
    bad = tmp_path / "f.yaml"
    bad.write_text("pools: [{gpu: H100-SXM, replicas: -1, max_ctx_tokens: 4096}]\n")
    r = cli("simulate", str(bad))
    assert r.code == 2 and "replicas" in r.err
    r = cli("simulate", "--records", str(tmp_path / "x.txt"))
    assert r.code == 2


def test_plan_example_scenario(cli) -> None:
    path = data_path("examples", "lmsys_pareto.scenario.yaml")
    r = cli("plan", str(path), "--no-verify", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["preset"] == "fleet-sim" and out["gpus"] == 8
