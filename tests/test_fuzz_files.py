"""Hypothesis fuzz of scenario and fleet files: no traceback, no hang, whatever the file holds.

Documents are generated from the JSON schemas (``optfleet.scenario.scenario_json_schema()`` and
``FleetConfig.model_json_schema()``), then mutated: values of the wrong type (booleans, text,
lists, mappings, null), out of range (NaN, inf, negative, zero, huge, beyond 64 bits), unknown
names (GPU, model, preset, workload), unknown or missing keys, changed nesting, and truncated or
non-UTF-8 files.  Each example is written as YAML or JSON and loaded; loading may succeed or raise
an :class:`~optfleet.errors.OptfleetError` (the CLI's exit 2 / 1) and nothing else.  A smaller
number of near-valid examples is then run through the CLI in-process (``plan FILE --no-verify``,
``simulate FILE``): exit code 0, 1 or 2, no exception escapes, no traceback text, within a
wall-clock guard (SIGALRM).  ``derandomize=True``: the same examples on every run.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import signal
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from optfleet.cli import run
from optfleet.errors import OptfleetError
from optfleet.scenario import load_scenario, scenario_json_schema
from optfleet.sim.fleetfile import FleetConfig, build_simulation, load_fleet

SCENARIO_SCHEMA = scenario_json_schema()
FLEET_SCHEMA = FleetConfig.model_json_schema()

#: Wall-clock bound of loading one file, and of one CLI run on a file that validated, s.
LOAD_BOUND_S = 5.0
RUN_BOUND_S = 25.0

GPUS = ["H100-SXM", "A100-80GB", "A10G", "L4", "Z100", "h100-sxm", ""]
NAMES: dict[str, list[Any]] = {
    "gpu": GPUS,
    "gpus": GPUS,
    "model": ["llama-3.1-8b", "qwen3-32b", "deepseek-v3", "nope-7b"],
    "preset": ["default", "fleet-sim", "nopreset"],
    "name": ["azure", "lmsys", "agent_heavy", "azure_conv", "noload", "a", "b"],
    "path": ["c.json", "t.csv", "t.jsonl", "nothere.json", "sub", "/", ""],
}
WILD: list[Any] = [
    True, False, None, "", "text", "5", -1, 0, 1, -1e-9, 1e308, -1e308, math.nan, math.inf,
    -math.inf, 2**63, 2**70, 10**25, 1e-300, 0.5, [], {}, [1, 2], {"x": 1}, [[1, 2]], "Z100",
    "nope-7b",
]
CDF_FILE = json.dumps([[128, 0.2], [1024, 0.7], [8192, 1.0]])
TRACE_FILE = "TIMESTAMP,ContextTokens,GeneratedTokens\n" + "".join(
    f"2023-11-16 18:17:{i:02d}.0000000,{100 + i},{10 + i}\n" for i in range(20)
)
JSONL_FILE = "".join(
    json.dumps({"timestamp": i, "prompt_tokens": 50 + i, "output_tokens": 5}) + "\n"
    for i in range(20)
)


# ------------------------------------------------------------------------------------------
# documents from a JSON schema
# ------------------------------------------------------------------------------------------


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _number(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    lo = schema.get("minimum", schema.get("exclusiveMinimum"))
    hi = schema.get("maximum", schema.get("exclusiveMaximum"))
    lo = 0 if lo is None else lo
    hi = (lo + 64 if integer else lo + 100.0) if hi is None else min(hi, lo + 1000)
    if integer:
        lo_i = int(math.floor(lo)) + (1 if "exclusiveMinimum" in schema else 0)
        hi_i = int(math.ceil(hi)) - (1 if "exclusiveMaximum" in schema else 0)
        return st.integers(lo_i, max(lo_i, hi_i))
    return st.floats(
        lo, hi, allow_nan=False, allow_infinity=False,
        exclude_min="exclusiveMinimum" in schema, exclude_max="exclusiveMaximum" in schema,
    )


def from_schema(
    schema: dict[str, Any], root: dict[str, Any], key: str = "", depth: int = 0
) -> st.SearchStrategy[Any]:
    """Mostly valid values of ``schema`` (names drawn from catalogs plus unknown ones)."""
    schema = _resolve(schema, root)
    for union in ("oneOf", "anyOf"):
        if union in schema:
            return st.one_of([from_schema(s, root, key, depth) for s in schema[union]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return st.sampled_from(NAMES[key]) if key in NAMES else st.text(max_size=6)
    if kind in ("number", "integer"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        if "prefixItems" in schema:
            parts = [from_schema(s, root, key, depth) for s in schema["prefixItems"]]
            return st.tuples(*parts).map(list)
        items = schema.get("items", {})
        return st.lists(from_schema(items, root, key, depth + 1), min_size=1, max_size=3)
    if kind == "object" and "properties" in schema:
        if depth > 3:
            return st.just({})
        props = schema["properties"]
        required = set(schema.get("required", ())) | {
            k for k, v in props.items() if "const" in _resolve(v, root)
        }
        fixed = {k: from_schema(props[k], root, k, depth + 1) for k in props if k in required}
        optional = {
            k: from_schema(props[k], root, k, depth + 1) for k in props if k not in required
        }
        return st.fixed_dictionaries(fixed, optional=optional)
    if kind == "object":
        values = schema.get("additionalProperties", {})
        return st.dictionaries(
            st.sampled_from(GPUS + ["short", "long", "all"]),
            from_schema(values, root, key, depth + 1) if values else st.integers(0, 4),
            max_size=2,
        )
    return st.sampled_from(WILD)


# ------------------------------------------------------------------------------------------
# mutations: types, ranges, names, keys, nesting
# ------------------------------------------------------------------------------------------


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


MUTATIONS = ("wild", "wrap-list", "wrap-map", "unwrap", "unknown-key", "rename-key", "drop-key")


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[Any], most: int = 3) -> Any:
    """A document of ``base`` with up to ``most`` mutations at random places."""
    doc = json.loads(json.dumps(draw(base)))  # a private, plain copy
    for _ in range(draw(st.integers(0, most))):
        path = draw(st.sampled_from(_paths(doc)))
        value = _get(doc, path)
        how = draw(st.sampled_from(MUTATIONS))
        if how == "wild":
            doc = _set(doc, path, draw(st.sampled_from(WILD)))
        elif how == "wrap-list":
            doc = _set(doc, path, [value])
        elif how == "wrap-map":
            doc = _set(doc, path, {"value": value})
        elif how == "unwrap" and isinstance(value, dict | list) and value:
            inner = next(iter(value.values())) if isinstance(value, dict) else value[0]
            doc = _set(doc, path, inner)
        elif isinstance(value, dict):
            keys = sorted(value, key=str)
            if how == "unknown-key" or not keys:
                value["bogus_key"] = draw(st.sampled_from(WILD))
            else:
                key = draw(st.sampled_from(keys))
                item = value.pop(key)
                if how == "rename-key":
                    value[f"{key}_s"] = item
    return doc


# ------------------------------------------------------------------------------------------
# writing, loading, running, with a wall-clock guard
# ------------------------------------------------------------------------------------------


class Hang(Exception):
    """Raised by the SIGALRM guard."""


@contextlib.contextmanager
def wall_clock(bound_s: float, what: str):
    def _alarm(signum: int, frame: Any) -> None:
        raise Hang(f"{what}: no answer within {bound_s:g} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, bound_s)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def write_doc(folder: Path, stem: str, doc: Any, fmt: str, damage: str) -> Path:
    """Write ``doc`` as YAML or JSON, perhaps truncated or with bytes that are not UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "c.json").write_text(CDF_FILE)
    (folder / "t.csv").write_text(TRACE_FILE)
    (folder / "t.jsonl").write_text(JSONL_FILE)
    (folder / "sub").mkdir(exist_ok=True)
    path = folder / f"{stem}.{fmt}"
    text = json.dumps(doc) if fmt == "json" else yaml.safe_dump(doc, sort_keys=False)
    data = text.encode()
    if damage == "truncate":
        data = data[: max(0, len(data) * 2 // 3)]
    elif damage == "non-utf8":
        data = data + b"\n# \xff\xfe caf\xe9\n"
    path.write_bytes(data)
    return path


def describe(path: Path) -> str:
    return f"{path.name}:\n{path.read_bytes()[:1500]!r}"


def load_checked(loader: Any, path: Path) -> Any:
    """``loader(path)``: its result, or None for an optfleet error; anything else fails."""
    start = time.perf_counter()
    try:
        with wall_clock(LOAD_BOUND_S, f"loading {path.name}"):
            return loader(path)
    except OptfleetError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg.strip(), f"not one line: {msg!r}\n{describe(path)}"
        return None
    except Hang as exc:
        pytest.fail(f"{exc}\n{describe(path)}")
    except Exception as exc:  # noqa: BLE001 - the point: nothing else may escape
        pytest.fail(f"{type(exc).__name__} escaped: {exc}\n{describe(path)}")
    finally:
        assert time.perf_counter() - start < LOAD_BOUND_S + 1


def run_checked(argv: list[str], path: Path) -> int:
    """The CLI in-process on ``argv``: exit 0, 1 or 2, no exception, no traceback text."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with wall_clock(RUN_BOUND_S, f"optfleet {' '.join(argv)}"), contextlib.redirect_stdout(
            out
        ), contextlib.redirect_stderr(err):
            code = run(argv)
    except Hang as exc:
        pytest.fail(f"hang: {exc}\n{describe(path)}")
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - SystemExit included: run() returns codes
        pytest.fail(f"{type(exc).__name__} escaped optfleet {argv}: {exc}\n{describe(path)}")
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text, f"traceback in output\n{text[-2000:]}\n{describe(path)}"
    assert code in (0, 1, 2), f"exit {code}\n{err.getvalue()[-500:]}\n{describe(path)}"
    if code:
        lines = [ln for ln in err.getvalue().splitlines() if ln.strip()]
        assert len(lines) == 1, f"stderr: {lines[:3]!r}\n{describe(path)}"
    return code


FILE_FORMAT = st.sampled_from(["yaml", "json"])
DAMAGE = st.sampled_from(["none"] * 8 + ["truncate", "non-utf8"])
LOAD_SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RUN_SETTINGS = settings(
    LOAD_SETTINGS, phases=(Phase.explicit, Phase.generate)  # no shrinking: runs are costly
)

SCENARIO_DOCS = from_schema(SCENARIO_SCHEMA, SCENARIO_SCHEMA)
FLEET_DOCS = from_schema(FLEET_SCHEMA, FLEET_SCHEMA)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(LOAD_SETTINGS, max_examples=200)
@given(doc=mutated(SCENARIO_DOCS), fmt=FILE_FORMAT, damage=DAMAGE)
def test_fuzzed_scenario_files_load_or_raise_one_line(
    folder: Path, doc: Any, fmt: str, damage: str
) -> None:
    path = write_doc(folder / "scenario", "s", doc, fmt, damage)
    load_checked(load_scenario, path)


@settings(LOAD_SETTINGS, max_examples=150)
@given(doc=mutated(FLEET_DOCS), fmt=FILE_FORMAT, damage=DAMAGE)
def test_fuzzed_fleet_files_load_or_raise_one_line(
    folder: Path, doc: Any, fmt: str, damage: str
) -> None:
    path = write_doc(folder / "fleet", "f", doc, fmt, damage)
    cfg = load_checked(load_fleet, path)
    if cfg is not None:  # resolving profiles and the workload must fail cleanly too
        load_checked(lambda _p: build_simulation(cfg), path)


# Near-valid documents: a cheap base with one field drawn from the schema and at most one
# mutation, so that most of them validate and reach the planner or the simulator.

BASE_SCENARIO = {"rate_per_s": 5, "slo": {"ttft_p99_s": 1.0}, "gpus": ["H100-SXM"]}
BASE_FLEET = {
    "rate_per_s": 5,
    "pools": [{"name": "p", "gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 65536}],
}


@st.composite
def near_valid(draw: st.DrawFn, schema: dict[str, Any], base: dict[str, Any]) -> Any:
    doc = dict(base)
    skip = {"models", "gpu_overrides", "model", "arrivals"}  # costly or rarely valid
    key = draw(st.sampled_from(sorted(k for k in schema["properties"] if k not in skip)))
    doc[key] = draw(from_schema(schema["properties"][key], schema, key))
    return draw(mutated(st.just(doc), most=1))


@settings(RUN_SETTINGS, max_examples=15)
@given(doc=near_valid(SCENARIO_SCHEMA, BASE_SCENARIO))
def test_fuzzed_scenarios_plan_without_traceback_or_hang(folder: Path, doc: Any) -> None:
    path = write_doc(folder / "plan", "s", doc, "yaml", "none")
    if load_checked(load_scenario, path) is not None:
        run_checked(["plan", str(path), "--no-verify", "-f", "json"], path)


@settings(RUN_SETTINGS, max_examples=15)
@given(doc=near_valid(FLEET_SCHEMA, BASE_FLEET))
def test_fuzzed_fleets_simulate_without_traceback_or_hang(folder: Path, doc: Any) -> None:
    path = write_doc(folder / "sim", "f", doc, "yaml", "none")
    if load_checked(load_fleet, path) is not None:
        argv = ["simulate", str(path), "--requests", "200", "--replications", "1", "-f", "json"]
        run_checked(argv, path)
