"""CLI (issue #12, part C): the scenario flags of plan/size/simulate, ``--preset`` on every
analysis command, bundled examples and ``example:NAME``, schema descriptions, progress on
stderr (``--quiet``, plain lines without a terminal, the first-compilation note) and tables
(integers as integers, yes/no and the infinity sign, intervals unbroken at 100 columns)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from optfleet._data import data_dir, list_examples
from optfleet.cli import render

ROOT = Path(__file__).resolve().parents[1]
NO_VERIFY = ("--no-verify", "--quiet", "--format", "json")
#: A small plan: one GPU type, 20 req/s.
SMALL = ("--rate", "20", "--gpus", "H100-SXM")


def one_line_error(r, code: int = 2) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.err, r.err
    return lines[0]


# -- plan, size, simulate: the scenario flags ------------------------------------------------


def test_plan_gpus_and_ttft_flags_narrow_the_menu_and_set_the_slo(cli):
    r = cli("plan", "--gpus", "A100-80GB", "--ttft-p99-ms", "800", *NO_VERIFY)
    assert r.code == 0, r.err
    plan = r.json()
    assert plan["pools"] and {p["gpu"] for p in plan["pools"]} == {"A100-80GB"}
    assert plan["question"]["slo"]["ttft_p99_s"] == pytest.approx(0.8)
    assert plan["question"]["gpus"] == ["A100-80GB"]


def test_plan_tp_flag_sets_gpus_per_replica(cli):
    r = cli("plan", *SMALL, "--tp", "2", *NO_VERIFY)
    assert r.code == 0, r.err
    pools = r.json()["pools"]
    assert pools and all(p["gpus_per_replica"] == 2 for p in pools)
    assert all(p["gpus"] == 2 * p["replicas"] for p in pools)


def test_tighter_tpot_never_makes_the_plan_cheaper(cli):
    loose = cli("plan", *SMALL, "--tpot-p99-ms", "100", *NO_VERIFY).json()
    tight = cli("plan", *SMALL, "--tpot-p99-ms", "20", *NO_VERIFY).json()
    assert tight["question"]["slo"]["tpot_p99_s"] == pytest.approx(0.02)
    assert tight["cost_usd_per_hour"] >= loose["cost_usd_per_hour"]
    assert "TPOT" in {p["binding_slo"] for p in tight["pools"]}  # the flag reached the tables


def test_flags_override_a_scenario_file(cli, tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text("rate_per_s: 20\ngpus: [A100-80GB]\nslo: {ttft_p99_s: 2.0}\n"
                 "prices_usd_per_hour: {A100-80GB: 1.0}\n")
    r = cli("size", str(f), "--gpus", "H100-SXM", "--ttft-p99-ms", "400", "--long-max-ctx",
            "8192", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["gpu"] == "H100-SXM" and max(p["max_ctx_tokens"] for p in out["pools"]) == 8192
    kept = cli("size", str(f), "--format", "json").json()
    assert kept["gpu"] == "A100-80GB"  # the file's menu when --gpus is not given
    assert kept["cost_usd_per_hour"] == pytest.approx(sum(p["gpus"] for p in kept["pools"]))


def test_size_sizes_each_gpu_named(cli):
    r = cli("size", "--gpus", "A100-80GB,H100-SXM", "--tp", "2", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert [o["gpu"] for o in out] == ["A100-80GB", "H100-SXM"]
    assert all(p["gpus"] == 2 * p["replicas"] for o in out for p in o["pools"])


def test_simulate_flags_build_the_pool_and_override_a_fleet_file(cli):
    r = cli("simulate", "--gpus", "A100-80GB", "--tp", "2", "--long-max-ctx", "8192",
            "--ttft-p99-ms", "300", "--requests", "300", "--replications", "1", "-q",
            "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["slo"]["ttft_p99_s"] == pytest.approx(0.3)
    assert out["cost_usd_per_hour"] == pytest.approx(4 * 2 * 2.21)  # 4 replicas x tp 2 x A100
    base = cli("simulate", "example:agent_heavy_two_pools", "--level", "slot", "--requests",
               "300", "--format", "json").json()
    r = cli("simulate", "example:agent_heavy_two_pools", "--gpus", "A100-80GB,H100-SXM",
            "--level", "slot", "--requests", "300", "--format", "json")
    assert r.code == 0, r.err
    assert [p["gpu"] for p in r.json()["pools"]] == ["A100-80GB", "H100-SXM"]
    assert r.json()["pools"][0]["p99_ttft_s"] > base["pools"][0]["p99_ttft_s"]  # A100 slower


def test_jsonl_trace_fields(cli, tmp_path):
    trace = tmp_path / "t.jsonl"
    trace.write_text("".join(json.dumps({"at": i * 0.1, "in": 100 + i, "out": 20})
                             + "\n" for i in range(50)))
    r = cli("size", "--workload", str(trace), "--prompt-field", "in", "--output-field", "out",
            "--time-field", "at", "--format", "json")
    assert r.code == 0, r.err
    line = one_line_error(cli("size", "--workload", str(trace)))  # default field names
    assert "prompt_tokens" in line or "timestamp" in line
    line = one_line_error(cli("size", "--workload", "azure", "--prompt-field", "in"))
    assert "--prompt-field" in line


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", "--ttft-p99-ms", "-5"], "--ttft-p99-ms"),
        (["plan", "--tpot-p99-ms", "nan"], "--tpot-p99-ms"),
        (["size", "--ttft-p99-ms", "inf"], "--ttft-p99-ms"),
        (["plan", "--gpus", "Z100"], "Z100"),
        (["simulate", "--gpus", "Z100"], "Z100"),
        (["plan", "--model", "gpt-17"], "gpt-17"),
        (["simulate", "--model", "gpt-17"], "gpt-17"),
        (["size", "--workload", "nope"], "nope"),
        (["plan", "--tp", "0"], "--tp"),
        (["size", "--long-max-ctx", "-1"], "--long-max-ctx"),
        (["plan", "--max-rejected-share", "1.5"], "--max-rejected-share"),
        (["plan", "--max-rejected-share", "nan"], "--max-rejected-share"),
        (["plan", "--trace-format", "csv2"], "csv2"),
        (["plan", "example:multi_model.scenario", "--model", "qwen3-32b"], "--model"),
        (["simulate", "example:agent_heavy_two_pools", "--gpus", "A10G,L4,L40S"], "--gpus"),
    ],
)
def test_bad_flag_values_exit_2_with_one_line(cli, args, needle):
    assert needle in one_line_error(cli(*args))


def test_simulate_max_rejected_share(cli):
    args = ("simulate", "--long-max-ctx", "1024", "--requests", "200", "--replications", "1")
    assert "max-rejected-share" in one_line_error(cli(*args, "--max-rejected-share", "0.01"))
    assert cli(*args, "-q", "--format", "json").code == 0  # no limit unless asked


# -- --preset on every analysis command ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["disagg", "--rate", "10", "--gpus", "H100-SXM", "--aggregated", "none"],
        ["grid-flex", "--no-sim", "--depths", "0,0.1"],
        ["tok-per-watt", "--gpus", "H100-SXM", "--utilisations", "0.5"],
        ["compare-routers", "--routers", "random", "--requests", "300", "--replications", "1"],
    ],
)
def test_preset_flag_changes_the_answer(cli, args):
    answers = []
    for preset in ("default", "fleet-sim"):
        r = cli(*args, "--preset", preset, "--format", "json")
        assert r.code == 0, r.err
        answers.append(r.json())
    assert answers[0] != answers[1]
    assert "nope" in one_line_error(cli(*args, "--preset", "nope"))


# -- bundled examples ------------------------------------------------------------------------


def test_examples_lists_every_bundled_file(cli):
    r = cli("examples", "--format", "json")
    assert r.code == 0, r.err
    files = {e["file"] for e in r.json()}
    assert files == {p.name for p in (ROOT / "data" / "examples").glob("*.yaml")}
    assert all(e["command"].startswith("optfleet ") and e["description"] for e in r.json())
    assert "lmsys_pareto" in cli("examples").out


def test_examples_copy_and_example_paths(cli, tmp_path):
    r = cli("examples", "lmsys_pareto", "-o", str(tmp_path))
    assert r.code == 0, r.err
    copied = tmp_path / "lmsys_pareto.scenario.yaml"
    assert copied.read_text() == (data_dir() / "examples" / copied.name).read_text()
    assert "exists" in one_line_error(cli("examples", "lmsys_pareto", "-o", str(tmp_path)))
    by_name = cli("plan", "example:lmsys_pareto", *NO_VERIFY).json()
    by_path = cli("plan", str(copied), *NO_VERIFY).json()
    assert by_name["scenario_name"] == "lmsys-pareto"
    assert by_name["cost_usd_per_hour"] == by_path["cost_usd_per_hour"]
    assert "several" in one_line_error(cli("plan", "example:multi_model"))
    assert "is no example" in one_line_error(cli("simulate", "example:nope"))


def test_examples_are_found_without_the_source_tree(tmp_path):
    """The wheel carries data/ as optfleet/_data: a copy of the package with its data there
    (and no top-level data/ beside it) still lists and reads the examples."""
    import shutil

    pkg = tmp_path / "site" / "optfleet"
    shutil.copytree(ROOT / "optfleet", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", pkg / "_data")
    code = ("import optfleet._data as d, sys; assert '_data' in str(d.data_dir()), d.data_dir();"
            " print(sorted(d.list_examples())); print(d.input_path('example:lmsys_pareto'))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "site",
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert str(sorted(list_examples())) in done.stdout and "_data" in done.stdout


# -- schema descriptions ---------------------------------------------------------------------


def undescribed(schema: dict) -> list[str]:
    """Every property of a JSON schema (top level and ``$defs``) without a description."""
    models = {schema.get("title", "top"): schema, **schema.get("$defs", {})}
    return [f"{name}.{field}" for name, model in models.items()
            for field, prop in model.get("properties", {}).items() if not prop.get("description")]


def test_every_scenario_field_has_a_description(cli):
    from pydantic import BaseModel

    class Bare(BaseModel):
        x: int = 1

    assert undescribed(Bare.model_json_schema()) == ["Bare.x"]  # the walker finds a gap
    r = cli("schema")
    assert r.code == 0
    schema = r.json()
    assert len(schema["$defs"]) >= 10 and undescribed(schema) == []
    slo = schema["$defs"]["SLO"]["properties"]
    assert ", s" in slo["ttft_p99_s"]["description"]  # the unit is named
    table = cli("schema", "--format", "table")
    assert table.code == 0 and "ttft_p99_s" in table.out and "USD/hour" in table.out


# -- progress on stderr ----------------------------------------------------------------------


def test_progress_lines_without_a_terminal_and_quiet(cli, monkeypatch):
    monkeypatch.setattr(render, "PLAIN_DELAY_S", 0.0)
    r = cli("plan", *SMALL, "--no-verify", "--format", "json")
    assert r.code == 0, r.err
    lines = r.err.splitlines()
    assert lines and all(ln.startswith("optfleet: ") for ln in lines)
    assert lines[0].startswith("optfleet: tabulating pool options on H100-SXM")
    assert any("tabulated" in ln for ln in lines)  # the planner's own progress messages
    json.loads(r.out)  # stdout is the JSON alone
    quiet = cli("plan", *SMALL, "--no-verify", "--quiet", "--format", "json")
    assert quiet.code == 0 and quiet.err == ""


def test_plain_progress_waits_before_its_first_line(capsys):
    quick = render.PlainProgress("working", [], delay_s=60.0)
    quick.start()
    quick.update("still working")
    quick.stop()
    assert capsys.readouterr().err == ""  # a command done before the delay says nothing
    slow = render.PlainProgress("first", ["a note"], delay_s=0.0)
    slow.start()
    slow._timer.join(5)
    slow.update("second")
    slow.update("second")
    slow.stop()
    slow.update("after stop")
    assert capsys.readouterr().err.splitlines() == [
        "optfleet: a note", "optfleet: first", "optfleet: second"]


def test_first_compilation_is_announced_once(cli, monkeypatch):
    import optfleet.sim.jitcache as jit

    monkeypatch.setattr(render, "PLAIN_DELAY_S", 0.0)
    monkeypatch.setattr(jit, "kernels_cached", lambda: False)
    r = cli("simulate", "--requests", "200", "--replications", "1", "--format", "json")
    assert r.code == 0, r.err
    assert r.err.count("compiling the simulator (first run only") == 1
    monkeypatch.setattr(jit, "kernels_cached", lambda: True)
    r = cli("simulate", "--requests", "200", "--replications", "1", "--format", "json")
    assert "compiling" not in r.err and "simulating 1 x 200 requests" in r.err


def test_cold_numba_cache_is_detected_without_compiling(tmp_path, cli):
    assert cli("simulate", "--requests", "100", "--replications", "1", "-q").code == 0
    code = "from optfleet.sim.jitcache import kernels_cached; print(kernels_cached())"
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False,
                          env={**__import__("os").environ, "NUMBA_CACHE_DIR": str(tmp_path)})
    assert warm.stdout.strip() == "True", warm.stderr
    assert cold.stdout.strip() == "False", cold.stderr
    assert list(tmp_path.rglob("*.nb?")) == []  # nothing was compiled into the empty cache


# -- tables ----------------------------------------------------------------------------------


def test_integers_render_as_integers(cli):
    r = cli("size", "--rate", "25")
    assert r.code == 0, r.err
    row = next(ln for ln in r.out.splitlines() if ln.strip("│ ").startswith("all"))
    cells = [c.strip() for c in re.split(r"[│┃]|\s{2,}", row) if c.strip()]
    assert "25" in cells and not any(re.fullmatch(r"\d+\.0+", c) for c in cells), cells
    assert render.cell(25.0) == "25" and render.cell(3) == "3" and render.cell(1.25) == "1.25"


def test_grid_flex_prints_no_python_booleans_or_inf(cli):
    r = cli("grid-flex", "--no-sim", "--depths", "0,0.2,0.5")
    assert r.code == 0, r.err
    assert not re.search(r"\b(True|False|inf|None)\b", r.out), r.out
    assert re.search(r"\b(yes|no)\b", r.out) and "safe depth: " in r.out


def test_intervals_do_not_wrap_at_100_columns(cli, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    r = cli("simulate", "--requests", "400", "--replications", "3", "-q")
    assert r.code == 0, r.err
    assert max(map(len, r.out.splitlines())) <= 100, r.out
    assert re.search(r" \d+ \[\d+, \d+\] ", r.out), r.out  # P99 TTFT [95% CI] on one line
    # a plan-shaped table: thirteen columns, two of them intervals
    row = ["all", "H100-SXM", 10, 10, 100.0, "95%", "338", "271 [267, 274]", "30.4",
           "33 [32, 34]", "throughput", 2, 40.2]
    cols = ["pool", "GPU", "replicas", "GPUs", "req/s", "util", "P99 TTFT ms", "sim TTFT ms",
            "P99 TPOT ms", "sim TPOT ms", "binds", "spares", "$/h"]
    render.render_table("plan", cols, [row])
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 100, out
    assert "271 [267, 274]" in out and "33 [32, 34]" in out and " 100 " in out
