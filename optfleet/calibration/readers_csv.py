"""Readers of CSV timings: engine steps of a known batch, and prompts prefilled alone.

A header line, then one row per measurement; column names are matched case-insensitively
(surrounding spaces ignored), other columns are ignored, blank lines and lines starting with
``#`` are skipped.

Step timings (``steps-csv``)
    ``batch`` (aliases ``decode_seqs``, ``batch_size``): decoding sequences in the step;
    ``context_tokens`` (``kv_tokens``): KV tokens those sequences attend, in total;
    ``prefill_tokens`` (``chunk_tokens``; optional, default 0): prompt tokens prefilled in the
    step; and the time, one of ``step_s`` or ``step_ms``.
Prefill timings (``prefill-csv``)
    ``prompt_tokens`` (``input_tokens``, ``input_len``, ``prompt_len``): the prompt's length;
    and the time, one of ``prefill_s``, ``prefill_ms``, ``ttft_s`` or ``ttft_ms``.

Examples
--------
>>> steps_from_csv("batch,context_tokens,step_ms\\n8,8000,12.5\\n", "steps.csv")[0].step_s
0.0125
>>> prefills_from_csv("prompt_tokens,ttft_ms\\n2048,180\\n", "p.csv")[0].prefill_s
0.18
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from optfleet.calibration.measurements import PrefillTiming, StepTiming
from optfleet.calibration.readers_common import parse_count, parse_number
from optfleet.errors import InputError

__all__ = [
    "PREFILL_COLUMNS",
    "STEP_COLUMNS",
    "csv_kind",
    "prefills_from_csv",
    "steps_from_csv",
]

#: Step-timing columns: field -> accepted names (the first is the documented one).
STEP_COLUMNS: dict[str, tuple[str, ...]] = {
    "batch": ("batch", "decode_seqs", "batch_size"),
    "context_tokens": ("context_tokens", "kv_tokens"),
    "prefill_tokens": ("prefill_tokens", "chunk_tokens"),
}
#: Step time columns -> what divides them into seconds (ms: 1000).
STEP_TIMES: dict[str, float] = {"step_s": 1.0, "step_ms": 1000.0}
#: Prefill-timing columns: field -> accepted names.
PREFILL_COLUMNS: dict[str, tuple[str, ...]] = {
    "prompt_tokens": ("prompt_tokens", "input_tokens", "input_len", "prompt_len"),
}
#: Prefill time columns -> divisor to seconds.
PREFILL_TIMES: dict[str, float] = {"prefill_s": 1.0, "prefill_ms": 1000.0, "ttft_s": 1.0,
                                   "ttft_ms": 1000.0}

_EXPECTED = ("expected step timings (batch, context_tokens[, prefill_tokens], step_s|step_ms) "
             "or prefill timings (prompt_tokens, prefill_s|prefill_ms|ttft_ms)")


def _rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(1-based line, cells) of every non-blank, non-comment line."""
    lines = text.splitlines()
    try:
        for i, cells in enumerate(csv.reader(lines), start=1):
            cells = [c.strip() for c in cells]
            if any(cells) and not cells[0].startswith("#"):
                yield i, cells
    except csv.Error as exc:
        raise InputError(f"{name}: malformed CSV: {exc}") from None


def _header(text: str, name: str) -> tuple[int, list[str]]:
    for i, cells in _rows(text, name):
        return i, [c.lower() for c in cells]
    raise InputError(f"{name}: empty CSV file ({_EXPECTED})")


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    hits = [header.index(n) for n in names if n in header]
    return hits[0] if hits else None


def _time_column(header: list[str], times: dict[str, float], name: str) -> tuple[int, str, float]:
    hits = [t for t in times if t in header]
    if len(hits) != 1:
        what = "no" if not hits else f"several ({', '.join(hits)})"
        raise InputError(f"{name}: {what} time column; give one of {', '.join(times)}")
    return header.index(hits[0]), hits[0], times[hits[0]]


def csv_kind(text: str, name: str) -> str | None:
    """``steps-csv`` or ``prefill-csv`` by the header line; None if it names neither's columns."""
    _, header = _header(text, name)
    if _find(header, STEP_COLUMNS["batch"]) is not None or any(t in header for t in STEP_TIMES):
        return "steps-csv"
    if _find(header, PREFILL_COLUMNS["prompt_tokens"]) is not None:
        return "prefill-csv"
    return None


def _columns(text: str, name: str, required: dict[str, tuple[str, ...]],
             optional: dict[str, tuple[str, ...]], times: dict[str, float]
             ) -> tuple[int, dict[str, int | None], tuple[int, str, float]]:
    line, header = _header(text, name)
    cols: dict[str, int | None] = {}
    for field, names in {**required, **optional}.items():
        cols[field] = _find(header, names)
        if cols[field] is None and field in required:
            raise InputError(f"{name}:{line}: no {field!r} column in header {header}; "
                             f"{_EXPECTED}")
    return line, cols, _time_column(header, times, f"{name}:{line}")


def _data(text: str, name: str, header_line: int,
          width_min: int) -> Iterator[tuple[str, list[str]]]:
    count = 0
    for i, cells in _rows(text, name):
        if i <= header_line:
            continue
        if len(cells) < width_min:
            raise InputError(f"{name}:{i}: expected at least {width_min} fields, got "
                             f"{len(cells)}")
        count += 1
        yield f"{name}:{i}", cells
    if count == 0:
        raise InputError(f"{name}: no data rows after the header")


def steps_from_csv(text: str, name: str) -> tuple[StepTiming, ...]:
    """The rows of a step-timing CSV (see the module) as :class:`StepTiming` records."""
    req = {k: v for k, v in STEP_COLUMNS.items() if k != "prefill_tokens"}
    line, cols, (t_col, t_name, divisor) = _columns(
        text, name, req, {"prefill_tokens": STEP_COLUMNS["prefill_tokens"]}, STEP_TIMES)
    width = 1 + max(t_col, *(c for c in cols.values() if c is not None))
    out = []
    for at, cells in _data(text, name, line, width):
        pre = cols["prefill_tokens"]
        out.append(StepTiming(
            prefill_tokens=0 if pre is None else parse_count(cells[pre], "prefill_tokens", at,
                                                             allow_zero=True),
            decode_seqs=parse_count(cells[cols["batch"] or 0], "batch", at, allow_zero=True),
            context_tokens=parse_count(cells[cols["context_tokens"] or 0], "context_tokens", at,
                                       allow_zero=True),
            step_s=parse_number(cells[t_col], t_name, at) / divisor,
            source=at,
        ))
    return tuple(out)


def prefills_from_csv(text: str, name: str) -> tuple[PrefillTiming, ...]:
    """The rows of a prefill-timing CSV (see the module) as :class:`PrefillTiming` records."""
    line, cols, (t_col, t_name, divisor) = _columns(text, name, PREFILL_COLUMNS, {},
                                                   PREFILL_TIMES)
    p_col = cols["prompt_tokens"] or 0
    out = []
    for at, cells in _data(text, name, line, 1 + max(t_col, p_col)):
        out.append(PrefillTiming(
            prompt_tokens=parse_count(cells[p_col], "prompt_tokens", at),
            prefill_s=parse_number(cells[t_col], t_name, at) / divisor,
            source=at,
        ))
    return tuple(out)
