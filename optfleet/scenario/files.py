"""Reading scenario files: YAML or JSON mappings, one-line validation errors, relative paths.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "s.json").write_text('{"rate_per_s": 5}')
>>> load_scenario(d / "s.json").rate_per_s
5.0
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from optfleet.errors import InputError
from optfleet.scenario.schema import (
    CDFWorkload,
    Scenario,
    SeparateCDFWorkload,
    TraceReplayArrivals,
    TraceWorkload,
)


def _format_validation_error(exc: ValidationError, what: str) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
    extra = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid {what}: {loc}: {first['msg']}{extra}"


def read_mapping(path: str | Path) -> dict[str, Any]:
    """Read a YAML or JSON file holding a mapping; raise :class:`InputError` if it can not."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"file not found: {p}")
    text = p.read_text(encoding="utf-8")
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # noqa: BLE001 - any parse error is bad input
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"can not parse {p}: {msg}") from None
    if not isinstance(data, dict):
        raise InputError(f"{p} must hold a mapping at the top level")
    return data


def validate_model(cls: type[BaseModel], data: Any, what: str) -> Any:
    """Validate ``data`` as ``cls``; turn pydantic's error into a one-line :class:`InputError`."""
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise InputError(_format_validation_error(exc, what)) from None


def load_scenario(path: str | Path) -> Scenario:
    """Load a :class:`Scenario` from a YAML or JSON file.

    Relative file paths inside the scenario are resolved against the scenario file's folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "s.yaml").write_text("rate_per_s: 20\\nslo: {ttft_p99_s: 1.0}\\n")
    >>> load_scenario(d / "s.yaml").rate_per_s
    20.0
    """
    p = Path(path)
    data = read_mapping(p)
    scenario = validate_model(Scenario, data, f"scenario {p}")
    return _resolve_paths(scenario, p.resolve().parent)


def _resolve_paths(scenario: Scenario, base: Path) -> Scenario:
    def fix(w: Any) -> Any:
        if (
            isinstance(w, CDFWorkload | TraceWorkload)
            and w.path is not None
            and not w.path.is_absolute()
        ):
            return w.model_copy(update={"path": base / w.path})
        if isinstance(w, SeparateCDFWorkload):
            return w.model_copy(update={"prompt": fix(w.prompt), "output": fix(w.output)})
        return w

    update: dict[str, Any] = {"workload": fix(scenario.workload)}
    if isinstance(scenario.arrivals, TraceReplayArrivals):
        update["arrivals"] = scenario.arrivals.model_copy(
            update={"trace": fix(scenario.arrivals.trace)}
        )
    return scenario.model_copy(update=update)


def scenario_json_schema() -> dict[str, Any]:
    """The JSON schema of :class:`Scenario` (what ``optfleet schema`` prints)."""
    return Scenario.model_json_schema()
