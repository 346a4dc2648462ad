"""The docs are part of the product: README's set-up commands, the CLI reference, the guides."""

from __future__ import annotations

import re
from pathlib import Path

from optfleet.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    names = []
    for c in app.registered_commands:
        names.append(c.name or c.callback.__name__.replace("_", "-"))
    return names


def test_readme_starts_with_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block is not None
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert lines[0].endswith("optfleet plan")
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "README.md" in ci  # CI runs README's test command


def test_cli_reference_lists_every_command() -> None:
    ref = (ROOT / "docs" / "cli.md").read_text()
    for name in _commands():
        assert f"optfleet {name}" in ref, f"docs/cli.md misses `optfleet {name}`: regenerate it"


def test_guides_exist() -> None:
    for name in ("tutorial", "presets", "physics", "workloads", "queueing", "formulation",
                 "simulation", "cli"):
        path = ROOT / "docs" / f"{name}.md"
        assert path.is_file() and len(path.read_text()) > 500, name
