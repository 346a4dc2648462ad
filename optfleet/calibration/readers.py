"""Read benchmark files into measurement records: :func:`read_measurements`.

Five formats (``kind``), told apart by their content when not named:

``serving-json``
    ``vllm bench serve --save-result`` (or ``benchmarks/benchmark_serving.py``): one JSON
    result, a JSON list of results, or JSON Lines (``--append-result``), one
    :class:`~optfleet.calibration.measurements.ServingRun` each
    (:mod:`optfleet.calibration.readers_vllm`).
``serving-text``
    The ``Serving Benchmark Result`` block ``vllm bench serve`` prints, alone or in a longer
    log; one run per block (:mod:`optfleet.calibration.readers_text`).
``latency-json``
    ``vllm bench latency --output-json`` (or its ``*.pytorch.json`` copy): one
    :class:`~optfleet.calibration.measurements.LatencyRun` per result.
``steps-csv``, ``prefill-csv``
    CSV timings of engine steps / lone prefills (:mod:`optfleet.calibration.readers_csv`).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> p = Path(tempfile.mkdtemp()) / "steps.csv"
>>> _ = p.write_text("batch,context_tokens,prefill_tokens,step_s\\n8,8000,0,0.012\\n")
>>> read_measurements(p)[0].decode_seqs, detect_kind(p)
(8, 'steps-csv')
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from optfleet._files import read_utf8
from optfleet.calibration.measurements import Measurement
from optfleet.calibration.readers_common import KINDS, Options
from optfleet.calibration.readers_csv import csv_kind, prefills_from_csv, steps_from_csv
from optfleet.calibration.readers_text import has_result_block, serving_runs_from_text
from optfleet.calibration.readers_vllm import (
    is_latency_result,
    is_pytorch_records,
    is_serving_result,
    latency_run_from_json,
    latency_runs_from_pytorch,
    serving_run_from_json,
)
from optfleet.errors import InputError, UnknownNameError

__all__ = ["KINDS", "detect_kind", "read_measurements"]

_WHAT = "benchmark file"
_KNOWN = ("serving-json (vllm bench serve --save-result), serving-text (its printed "
          "'Serving Benchmark Result' block), latency-json (vllm bench latency --output-json), "
          "steps-csv (batch,context_tokens,prefill_tokens,step_s), "
          "prefill-csv (prompt_tokens,prefill_s)")


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    """(text, name) of the file; InputError if missing, unreadable, not UTF-8 or empty."""
    name = os.fspath(path)
    text = read_utf8(Path(path), _WHAT).removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text, name


def _json_error(name: str, exc: json.JSONDecodeError, line_offset: int = 0) -> InputError:
    return InputError(f"{name}:{exc.lineno + line_offset}: malformed JSON ({exc.msg}, "
                      f"column {exc.colno})")


def _loads(text: str, name: str, line_offset: int = 0) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _json_error(name, exc, line_offset) from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None


def _is_json_line(line: str) -> bool:
    try:
        json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _json_documents(text: str, name: str) -> list[tuple[Any, str]]:
    """The JSON results of ``text``: (document, where) for a JSON value or each JSON line."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as whole:
        lines = [(i, s) for i, s in enumerate(text.splitlines(), start=1) if s.strip()]
        if len(lines) < 2 or not _is_json_line(lines[0][1]):
            raise _json_error(name, whole) from None
        return [(_loads(s, name, i - 1), f"{name}:{i}") for i, s in lines]
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None
    if isinstance(doc, list) and not is_pytorch_records(doc):
        if not doc:
            raise InputError(f"{name}: an empty JSON list holds no result")
        return [(d, f"{name}[{i}]") for i, d in enumerate(doc)]
    return [(doc, name)]


def _json_kind(doc: Any, where: str) -> str:
    if is_pytorch_records(doc) or is_latency_result(doc):
        return "latency-json"
    if is_serving_result(doc):
        return "serving-json"
    shape = type(doc).__name__ if not isinstance(doc, dict) else \
        f"an object with keys {sorted(doc)[:6]}"
    raise InputError(f"{where}: JSON {shape} is neither a vllm bench serve result (keys "
                     "completed, request_rate, ...) nor a vllm bench latency result (avg_latency)")


def _detect(text: str, name: str) -> str:
    if text.lstrip()[:1] in ("{", "["):
        kinds = {_json_kind(doc, where) for doc, where in _json_documents(text, name)}
        if len(kinds) > 1:
            raise InputError(f"{name}: mixes serving and latency results; one kind per file")
        return kinds.pop()
    if has_result_block(text):
        return "serving-text"
    lines = [s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")]
    first = lines[0] if lines else ""
    kind = csv_kind(text, name) if "," in first else None
    if kind is None:
        what = f"a CSV header {first[:60]!r} of unknown columns" if "," in first else \
            "not a known benchmark format"
        raise InputError(f"{name}: {what}; known: {_KNOWN}")
    return kind


def detect_kind(path: str | os.PathLike[str]) -> str:
    """Which of :data:`KINDS` the file at ``path`` is, by its content.

    Raises
    ------
    InputError
        A missing, unreadable, empty or malformed file, or one of no known format (the message
        lists the formats).
    """
    text, name = _read(path)
    return _detect(text, name)


def _from_json(text: str, name: str, kind: str, options: Options) -> tuple[Measurement, ...]:
    out: list[Measurement] = []
    for doc, where in _json_documents(text, name):
        if not isinstance(doc, dict | list):
            raise InputError(f"{where}: a result must be a JSON object, got "
                             f"{type(doc).__name__}")
        if kind == "latency-json" and is_pytorch_records(doc):
            out.extend(latency_runs_from_pytorch(doc, where, options))
        elif not isinstance(doc, dict):
            raise InputError(f"{where}: a result must be a JSON object, got a list")
        elif kind == "latency-json":
            out.append(latency_run_from_json(doc, where, options))
        else:
            out.append(serving_run_from_json(doc, where, options))
    return tuple(out)


def read_measurements(
    path: str | os.PathLike[str],
    *,
    kind: str | None = None,
    batch_size: int | None = None,
    input_len: int | None = None,
    output_len: int | None = None,
    request_rate_per_s: float | None = None,
    max_concurrency: int | None = None,
) -> tuple[Measurement, ...]:
    """The measurements a benchmark file holds, in file order.

    Parameters
    ----------
    path
        A file of one of :data:`KINDS` (see the module).
    kind
        Read the file as this format instead of detecting it.
    batch_size, input_len, output_len
        A latency run's shape, for the files that do not record it (vLLM's latency JSON does
        not); an option that contradicts the file is an InputError.
    request_rate_per_s, max_concurrency
        A serving run's traffic, for text that does not print it (``math.inf``: all at once);
        also checked against what a file records.

    Returns
    -------
    tuple of Measurement
        ``ServingRun``, ``LatencyRun``, ``StepTiming`` or ``PrefillTiming`` records, each
        naming its ``source`` (``file``, ``file:line`` or ``file[index]``).

    Raises
    ------
    InputError
        A one-line message naming the file (and line, row or key): missing or unreadable file,
        malformed JSON or CSV, a missing key or column, a wrong type, NaN or negative number,
        an unknown format, or a value neither in the file nor given.
    UnknownNameError
        ``kind`` is not one of :data:`KINDS`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> p = Path(tempfile.mkdtemp()) / "lat.json"
    >>> _ = p.write_text('{"avg_latency": 1.5, "latencies": [1.4, 1.6]}')
    >>> read_measurements(p, batch_size=8, input_len=32, output_len=128)[0].batch_size
    8
    """
    if kind is not None and kind not in KINDS:
        raise UnknownNameError(f"unknown benchmark format {kind!r}; known: {', '.join(KINDS)}")
    options = Options(batch_size, input_len, output_len, request_rate_per_s, max_concurrency)
    text, name = _read(path)
    kind = kind or _detect(text, name)
    if kind in ("serving-json", "latency-json"):
        return _from_json(text, name, kind, options)
    if kind == "serving-text":
        return serving_runs_from_text(text, name, options)
    if kind == "steps-csv":
        return steps_from_csv(text, name)
    return prefills_from_csv(text, name)
