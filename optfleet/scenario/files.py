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

from optfleet._data import input_path
from optfleet._files import read_utf8
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
    got = ""
    value = first.get("input")
    if isinstance(value, bool | int | float | str) and first["type"] != "value_error":
        got = f", got {value!r}"
    return f"invalid {what}: {loc}: {first['msg']}{got}{extra}"


def yaml_loader() -> Any:
    """PyYAML's safe loader, reading ``1e3`` as the number it spells (YAML 1.2), not as text.

    Examples
    --------
    >>> import yaml
    >>> yaml.load("a: 1e3\\nb: '5'", Loader=yaml_loader())
    {'a': 1000.0, 'b': '5'}
    """
    import re

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
        list("-+0123456789"),
    )
    return Loader


def read_mapping(path: str | Path) -> dict[str, Any]:
    """Read a YAML or JSON file holding a mapping; raise :class:`InputError` if it can not.

    ``path`` may be ``example:NAME``, a bundled example (:func:`optfleet._data.input_path`).
    """
    p = input_path(path)
    if not p.is_file():
        raise InputError(f"file not found: {p}")
    text = read_utf8(p, "file")
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.load(text, Loader=yaml_loader())  # noqa: S506 - a SafeLoader
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
    p = input_path(path)
    data = read_mapping(p)
    scenario = validate_model(Scenario, data, f"scenario {p}")
    base = p.resolve().parent
    scenario = resolve_file_paths(scenario, base)
    models = tuple(resolve_file_paths(m, base) for m in scenario.models)
    return scenario.model_copy(update={"models": models}) if models else scenario


def _fix_workload(w: Any, base: Path) -> Any:
    if isinstance(w, CDFWorkload | TraceWorkload) and w.path is not None and not (
        w.path.is_absolute()
    ):
        return w.model_copy(update={"path": base / w.path})
    if isinstance(w, SeparateCDFWorkload):
        prompt, output = _fix_workload(w.prompt, base), _fix_workload(w.output, base)
        return w.model_copy(update={"prompt": prompt, "output": output})
    return w


def _fix_model(model: Any, base: Path) -> Any:
    """A model given as a relative ``config.json`` path (not a catalog name): against ``base``."""
    if not isinstance(model, str):
        return model
    from optfleet.errors import UnknownNameError
    from optfleet.scenario.catalog import get_model

    p = Path(model).expanduser()
    if p.is_absolute() or not (model.endswith(".json") or "/" in model or "\\" in model):
        return model
    try:
        get_model(model)
        return model  # a catalog name or alias (``meta-llama/Llama-3.1-8B``)
    except UnknownNameError:
        pass
    candidate = base / p
    if candidate.is_file() or (candidate / "config.json").is_file() or model.endswith(".json"):
        return str(candidate)
    return model


def _against(path: Path, base: Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else base / p


def resolve_file_paths(spec: Any, base: Path) -> Any:
    """``spec`` (a scenario, a fleet file, a model entry or a pool) with every relative file path
    it holds (``workload.path``, separate CDFs, ``arrivals.trace.path``, a ``model`` given as a
    ``config.json`` path, calibrated ``profiles``) made relative to ``base``, the folder of the
    file that holds it.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> s = Scenario(workload={"kind": "cdf", "path": "c.json"})
    >>> str(resolve_file_paths(s, Path("/data")).workload.path)
    '/data/c.json'
    """
    update: dict[str, Any] = {}
    fields = type(spec).model_fields
    if "workload" in fields and getattr(spec, "workload", None) is not None:
        update["workload"] = _fix_workload(spec.workload, base)
    arrivals = getattr(spec, "arrivals", None)
    if isinstance(arrivals, TraceReplayArrivals):
        update["arrivals"] = arrivals.model_copy(
            update={"trace": _fix_workload(arrivals.trace, base)}
        )
    if "model" in fields and getattr(spec, "model", None) is not None:
        update["model"] = _fix_model(spec.model, base)
    for name in ("profiles", "profile"):
        value = getattr(spec, name, None) if name in fields else None
        if isinstance(value, dict) and value:
            update[name] = {k: _against(v, base) for k, v in value.items()}
        elif isinstance(value, Path):
            update[name] = _against(value, base)
    return spec.model_copy(update=update) if update else spec


def scenario_json_schema() -> dict[str, Any]:
    """The JSON schema of :class:`Scenario` (what ``optfleet schema`` prints)."""
    return Scenario.model_json_schema()
