"""Golden outputs: the CLI's JSON for the default plan and the published scenarios.

Each case runs one command in-process and compares its ``--format json`` output with the file
in ``tests/golden/`` field by field, after removing wall-clock fields (``*time_s``) and the
fields of a plan's record that are not pinned (:data:`UNPINNED`).  A
restructuring of the code must leave these byte-identical; a deliberate change of behaviour
regenerates them with ``python tests/test_golden.py`` and says so in its commit message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"

CASES: dict[str, list[str]] = {
    "default_plan": ["plan"],
    "disaggregation_also_rate20": ["plan", "--rate", "20", "--disaggregation", "also"],
    "multi_model_no_verify": [
        "plan", str(EXAMPLES / "multi_model.scenario.yaml"), "--no-verify"
    ],
    "lmsys_fleet_sim_no_verify": [
        "plan", str(EXAMPLES / "lmsys_pareto.scenario.yaml"), "--no-verify"
    ],
    "pareto_lmsys_fleet_sim": [
        "pareto", "--workload", "lmsys", "--rate", "100", "--ttft-p99-ms", "500",
        "--gpu", "A100", "--preset", "fleet-sim",
    ],
    "simulate_agent_heavy_one_pool_slot": [
        "simulate", str(EXAMPLES / "agent_heavy_one_pool.fleet.yaml"), "--level", "slot"
    ],
    "whatif_azure": ["whatif", "--workload", "azure", "--rates", "25,50,100"],
    "size_lmsys_fleet_sim_4096": [
        "size", "--workload", "lmsys", "--rate", "100", "--ttft-p99-ms", "500", "--gpu", "A100",
        "--preset", "fleet-sim", "--threshold", "4096",
    ],
}


def _strip_timing(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_timing(v) for k, v in data.items() if not k.endswith("time_s")}
    if isinstance(data, list):
        return [_strip_timing(v) for v in data]
    return data


#: Plan fields the goldens do not pin: the question and its provenance (versions, a timestamp),
#: the alternatives and the power recorded with them (#12); tests/test_explain.py checks them.
UNPINNED = {"question", "provenance", "alternatives", "power_w"}


def _canonical(text: str) -> str:
    data = _strip_timing(json.loads(text))
    if isinstance(data, dict) and "pools" in data:
        data = {k: v for k, v in data.items() if k not in UNPINNED}
    return json.dumps(data, indent=1, sort_keys=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(cli, name: str) -> None:
    r = cli(*CASES[name], "--format", "json")
    assert r.code == 0, r.err
    expected = (GOLDEN / f"{name}.json").read_text()
    assert _canonical(r.out) == expected


def _regenerate() -> None:  # pragma: no cover - a maintainer's tool
    import contextlib
    import io

    from optfleet.cli import run

    GOLDEN.mkdir(exist_ok=True)
    for name, argv in CASES.items():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = run([*argv, "--format", "json"])
        if code != 0:
            raise SystemExit(f"{name}: exit {code}")
        (GOLDEN / f"{name}.json").write_text(_canonical(buf.getvalue()))


if __name__ == "__main__":  # pragma: no cover
    _regenerate()
    sys.exit(0)
