"""CLI: version/help/schema, JSON outputs, and one clear line + exit code 2 for bad input."""

from __future__ import annotations

import json

import pytest

from optfleet import __version__


def test_version_and_help(cli) -> None:
    r = cli("--version")
    assert r.code == 0 and r.out.strip() == f"optfleet {__version__}"
    r = cli("--help")
    assert r.code == 0
    for command in ("plan", "size", "profile", "schema", "workload"):
        assert command in r.out


def test_schema_is_scenario_json_schema(cli) -> None:
    r = cli("schema")
    assert r.code == 0
    schema = r.json()
    assert schema["title"] == "Scenario" and "slo" in schema["properties"]


def test_presets_json(cli) -> None:
    r = cli("presets", "--format", "json")
    assert r.code == 0
    assert [p["name"] for p in r.json()] == ["default", "fleet-sim"]


def test_catalog_json(cli) -> None:
    gpus = cli("gpus", "--format", "json").json()
    names = {g["name"] for g in gpus}
    assert {"A10G", "L4", "L40S", "A100-80GB", "H100-SXM", "H200", "B200", "MI300X"} <= names
    assert all(g["source"] for g in gpus)
    models = cli("models", "--format", "json").json()
    assert len(models) >= 7 and all(m["source"] for m in models)


def test_workload_json(cli) -> None:
    r = cli("workload", "lmsys", "--format", "json")
    assert r.code == 0
    info = r.json()
    assert info["knots"][-1] == [65536, 1.0]
    r = cli("workload", "azure_conv", "--format", "json")
    assert r.code == 0 and r.json()["requests"] == 19366 and r.json()["dropped_rows"] == 0


def test_size_fleet_sim_json(cli) -> None:
    r = cli(
        "size",
        "--workload",
        "lmsys",
        "--rate",
        "100",
        "--ttft-p99-ms",
        "500",
        "--gpu",
        "A100",
        "--preset",
        "fleet-sim",
        "--threshold",
        "4096",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    out = r.json()
    assert [p["role"] for p in out["pools"]] == ["short", "long"]
    assert [p["gpus"] for p in out["pools"]] == [3, 5]  # published: 3 + 5


def _one_line_error(r, code: int = 2) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 1, r.err
    assert "Traceback" not in r.err
    return lines[0]


def test_bad_cdf_decreasing_fraction(cli, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([[64, 0.2], [128, 0.5], [256, 0.4], [512, 1.0]]))
    line = _one_line_error(cli("workload", str(bad)))
    assert "256" in line  # names the bad knot
    line = _one_line_error(cli("size", "--workload", str(bad), "--gpu", "H100"))
    assert "256" in line


def test_missing_file(cli, tmp_path) -> None:
    line = _one_line_error(cli("workload", str(tmp_path / "nope.json")))
    assert "nope.json" in line


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["size", "--gpu", "Z100"], "Z100"),
        (["size", "--model", "gpt-17"], "gpt-17"),
        (["size", "--rate", "-5"], "rate"),
        (["size", "--ttft-p99-ms", "0"], "ttft_p99_s"),
        (["size", "--preset", "nope"], "nope"),
        (["profile", "Z100"], "Z100"),
        (["profile", "H100", "no-such-model"], "no-such-model"),
    ],
)
def test_bad_input_exit_2(cli, args: list[str], needle: str) -> None:
    line = _one_line_error(cli(*args))
    assert needle in line


def test_usage_error_exit_2(cli) -> None:
    r = cli("size", "--no-such-flag")
    assert r.code == 2 and "Traceback" not in r.err


def test_size_table_total_in_k_usd_per_year(cli):
    """The size table's total line (the published lmsys split: 8 A100 at $2.21/h each)."""
    r = cli("size", "--preset", "fleet-sim", "--workload", "lmsys", "--gpus", "A100",
            "--threshold", "4096")
    assert r.code == 0, r.err
    assert "total: 8 GPUs, $155K/yr" in r.out  # 8 x 2.21 $/h x 8 760 h = $154.9K
