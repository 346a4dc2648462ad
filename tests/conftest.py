"""Shared test helpers."""

from __future__ import annotations

import json
from typing import Any

import pytest

from optfleet.cli import run


class CLIResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process: ``cli("plan", "--format", "json")`` -> CLIResult."""

    def _run(*argv: str) -> CLIResult:
        code = run(list(argv))
        captured = capsys.readouterr()
        return CLIResult(code, captured.out, captured.err)

    return _run
