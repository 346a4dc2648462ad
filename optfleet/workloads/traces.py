"""Request traces: arrival times and per-request prompt/output lengths.

Loaders for the Azure LLM inference trace 2023 format (``TIMESTAMP`` datetimes with 7 fractional
digits, ``ContextTokens``, ``GeneratedTokens``), the Splitwise CSV format (numeric seconds) and JSON
lines with configurable field names.  Built-ins: ``azure_code`` and ``azure_conv``.

Every loader sorts the requests by time (stably) and makes times relative to the first request.
A malformed row raises :class:`~optfleet.errors.InputError` naming the file and line, unless
``on_bad_row="skip"``: it is then skipped and counted in :attr:`Trace.dropped_rows`.  A row with a
prompt or output of fewer than 1 token is malformed.

Examples
--------
>>> from optfleet.workloads.traces import builtin_trace
>>> t = builtin_trace("azure_conv")
>>> t.n_requests, int(t.arrival_s[0])
(19366, 0)
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from optfleet._files import read_utf8
from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario.limits import MAX_TOKENS

BadRow = Literal["raise", "skip"]

#: Built-in traces: name -> one-line description (files in ``data/traces/``).
BUILTIN_TRACES: MappingProxyType[str, str] = MappingProxyType(
    {
        "azure_code": "Azure LLM inference trace 2023, code completion (8 819 requests, 1 hour)",
        "azure_conv": "Azure LLM inference trace 2023, conversation (19 366 requests, 1 hour)",
    }
)
_BUILTIN_FILES = {"azure_code": "azure_llm_code_2023.csv", "azure_conv": "azure_llm_conv_2023.csv"}


def _readonly(a: Any, dtype: Any) -> NDArray[Any]:
    out = np.array(a, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class Trace:
    """A request trace: sorted arrival times (s, first = 0) with prompt and output lengths.

    Parameters
    ----------
    arrival_s : array_like of float
        Arrival times in seconds, finite, non-decreasing, relative to the first request.
    prompt_tokens, output_tokens : array_like of int
        Per-request lengths, each >= 1.
    name : str
        A label.
    dropped_rows : int
        Rows the loader skipped (``on_bad_row="skip"``).

    Examples
    --------
    >>> t = Trace([0.0, 1.0, 3.0], [10, 20, 30], [1, 2, 3], name="toy")
    >>> t.n_requests, t.duration_s, t.rate_per_s
    (3, 3.0, 0.6666666666666666)
    """

    arrival_s: NDArray[np.float64]
    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    name: str = "trace"
    dropped_rows: int = 0

    def __post_init__(self) -> None:
        a = np.asarray(self.arrival_s, dtype=np.float64)
        p = np.asarray(self.prompt_tokens)
        o = np.asarray(self.output_tokens)
        if a.ndim != 1 or a.shape != p.shape or a.shape != o.shape:
            raise InputError(
                f"trace {self.name!r}: arrival_s, prompt_tokens and output_tokens must be 1-D of "
                f"equal length, got {a.shape}, {p.shape}, {o.shape}"
            )
        if a.size == 0:
            raise InputError(f"trace {self.name!r} has no requests")
        if not np.isfinite(a).all():
            raise InputError(f"trace {self.name!r}: arrival times must be finite")
        if (np.diff(a) < 0).any():
            raise InputError(f"trace {self.name!r}: arrival times must be sorted")
        for nm, v in (("prompt_tokens", p), ("output_tokens", o)):
            if not np.issubdtype(v.dtype, np.integer):
                if not np.isfinite(v).all() or (v != np.floor(v)).any():
                    raise InputError(f"trace {self.name!r}: {nm} must be integers")
            if (v < 1).any():
                raise InputError(f"trace {self.name!r}: {nm} must be >= 1, got {v.min()}")
        if isinstance(self.dropped_rows, bool) or int(self.dropped_rows) < 0:
            raise InputError(f"trace {self.name!r}: dropped_rows must be >= 0")
        object.__setattr__(self, "arrival_s", _readonly(a, np.float64))
        object.__setattr__(self, "prompt_tokens", _readonly(p, np.int64))
        object.__setattr__(self, "output_tokens", _readonly(o, np.int64))
        object.__setattr__(self, "dropped_rows", int(self.dropped_rows))

    def __repr__(self) -> str:
        return (
            f"Trace(name={self.name!r}, requests={self.n_requests}, "
            f"duration_s={self.duration_s:.1f}, dropped_rows={self.dropped_rows})"
        )

    @property
    def n_requests(self) -> int:
        """Number of requests."""
        return int(self.arrival_s.size)

    @property
    def total_tokens(self) -> NDArray[np.int64]:
        """``prompt_tokens + output_tokens`` per request."""
        return self.prompt_tokens + self.output_tokens

    @property
    def duration_s(self) -> float:
        """Time from the first to the last arrival."""
        return float(self.arrival_s[-1] - self.arrival_s[0])

    @property
    def interarrival_s(self) -> NDArray[np.float64]:
        """The ``n - 1`` gaps between consecutive arrivals."""
        return np.diff(self.arrival_s)

    @property
    def rate_per_s(self) -> float:
        """``(n - 1) / duration_s`` = 1 / mean inter-arrival gap (``nan`` if undefined)."""
        d = self.duration_s
        return (self.n_requests - 1) / d if d > 0 else math.nan

    @property
    def mean_gap_s(self) -> float:
        """Mean inter-arrival gap (``nan`` for a single request)."""
        g = self.interarrival_s
        return float(g.mean()) if g.size else math.nan

    @property
    def interarrival_cv(self) -> float:
        """Coefficient of variation of the inter-arrival gaps (population std / mean)."""
        g = self.interarrival_s
        if g.size == 0 or g.mean() <= 0:
            return math.nan
        return float(g.std() / g.mean())


# --------------------------------------------------------------------------------------------
# Parsing helpers
# --------------------------------------------------------------------------------------------

_TS_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?\s*$")


def _check_bad_row(on_bad_row: str) -> None:
    if on_bad_row not in ("raise", "skip"):
        raise InputError(f"on_bad_row must be 'raise' or 'skip', got {on_bad_row!r}")


def _positive_int(text: Any) -> int:
    if isinstance(text, bool):
        raise ValueError("boolean")
    if isinstance(text, int):
        v = text
    else:
        f = float(text)
        if not math.isfinite(f) or f != math.floor(f):
            raise ValueError("not an integer")
        v = int(f)
    if v < 1:
        raise ValueError("must be >= 1")
    if v > MAX_TOKENS:
        raise ValueError(f"more than {MAX_TOKENS} tokens")
    return v


def _finalise(
    t_ns_or_s: NDArray[Any],
    prompt: list[int],
    output: list[int],
    name: str,
    dropped: int,
    path: Path,
) -> Trace:
    if len(prompt) == 0:
        raise InputError(f"trace file {path} has no usable rows")
    order = np.argsort(t_ns_or_s, kind="stable")
    t = t_ns_or_s[order]
    if len(prompt) < 2 or t[-1] == t[0]:
        what = "one usable row" if len(prompt) < 2 else f"{len(prompt)} rows at one timestamp"
        raise InputError(
            f"trace file {path} has {what}: a trace needs at least two distinct arrival times "
            "(its arrival rate is undefined otherwise)"
        )
    t = t - t[0]
    arrival = t.astype(np.float64) / 1e9 if t.dtype == np.int64 else t.astype(np.float64)
    p = np.asarray(prompt, dtype=np.int64)[order]
    o = np.asarray(output, dtype=np.int64)[order]
    return Trace(arrival, p, o, name=name, dropped_rows=dropped)


def _open_csv(path: Path) -> tuple[Any, csv.DictReader]:  # type: ignore[type-arg]
    if not path.is_file():
        raise InputError(f"trace file not found: {path}")
    fh = io.StringIO(read_utf8(path, "trace file"), newline="")
    return fh, csv.DictReader(fh)


def _columns(reader: csv.DictReader, path: Path, wanted: tuple[str, ...]) -> dict[str, str]:  # type: ignore[type-arg]
    header = reader.fieldnames or []
    by_lower = {h.strip().lower(): h for h in header}
    cols: dict[str, str] = {}
    for w in wanted:
        if w.lower() not in by_lower:
            raise InputError(
                f"trace file {path}: missing column {w!r} (found: {', '.join(header) or 'none'})"
            )
        cols[w] = by_lower[w.lower()]
    return cols


# --------------------------------------------------------------------------------------------
# Loaders
# --------------------------------------------------------------------------------------------


def load_azure2023(
    path: str | Path, *, on_bad_row: BadRow = "raise", name: str | None = None
) -> Trace:
    """Load an Azure LLM inference trace 2023 CSV (``TIMESTAMP,ContextTokens,GeneratedTokens``).

    Timestamps like ``2023-11-16 18:17:03.9799600`` (7 fractional digits, which
    ``datetime.strptime`` can not parse) are parsed exactly to the nanosecond: the date-time part
    with ``numpy.datetime64`` and the fraction as an integer.  Column names are matched
    case-insensitively.

    Examples
    --------
    >>> from optfleet._data import data_path
    >>> t = load_azure2023(data_path("traces", "azure_llm_code_2023.csv"))
    >>> t.n_requests, int(t.prompt_tokens[0]), round(float(t.arrival_s[1]), 3)
    (8819, 4808, 0.052)
    """
    _check_bad_row(on_bad_row)
    p = Path(path)
    fh, reader = _open_csv(p)
    with fh:
        cols = _columns(reader, p, ("TIMESTAMP", "ContextTokens", "GeneratedTokens"))
        stamps: list[str] = []
        frac_ns: list[int] = []
        prompt: list[int] = []
        output: list[int] = []
        dropped = 0
        for row in reader:
            try:
                m = _TS_RE.match(row[cols["TIMESTAMP"]] or "")
                if m is None:
                    raise ValueError(f"bad TIMESTAMP {row[cols['TIMESTAMP']]!r}")
                pt = _positive_int(row[cols["ContextTokens"]])
                ot = _positive_int(row[cols["GeneratedTokens"]])
            except (ValueError, TypeError) as exc:
                if on_bad_row == "skip":
                    dropped += 1
                    continue
                raise InputError(
                    f"trace file {p}, line {reader.line_num}: malformed row ({exc})"
                ) from None
            stamps.append(f"{m.group(1)}T{m.group(2)}")
            frac_ns.append(int((m.group(3) or "0").ljust(9, "0")))
            prompt.append(pt)
            output.append(ot)
    if not stamps:
        raise InputError(f"trace file {p} has no usable rows")
    try:
        secs = np.array(stamps, dtype="datetime64[s]").astype(np.int64)
    except ValueError as exc:  # e.g. month 13: regex-valid, calendar-invalid
        raise InputError(f"trace file {p}: invalid TIMESTAMP ({exc})") from None
    t_ns = secs * 1_000_000_000 + np.asarray(frac_ns, dtype=np.int64)
    return _finalise(t_ns, prompt, output, name or p.stem, dropped, p)


def load_splitwise_csv(
    path: str | Path, *, on_bad_row: BadRow = "raise", name: str | None = None
) -> Trace:
    """Load a Splitwise-style CSV: ``TIMESTAMP`` in (numeric) seconds, ``ContextTokens``,
    ``GeneratedTokens``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_text("TIMESTAMP,ContextTokens,GeneratedTokens\\n5.5,100,10\\n5.0,200,20\\n")
    >>> t = load_splitwise_csv(f)
    >>> t.arrival_s.tolist(), t.prompt_tokens.tolist()
    ([0.0, 0.5], [200, 100])
    """
    _check_bad_row(on_bad_row)
    p = Path(path)
    fh, reader = _open_csv(p)
    with fh:
        cols = _columns(reader, p, ("TIMESTAMP", "ContextTokens", "GeneratedTokens"))
        times: list[float] = []
        prompt: list[int] = []
        output: list[int] = []
        dropped = 0
        for row in reader:
            try:
                ts = float(row[cols["TIMESTAMP"]])
                if not math.isfinite(ts):
                    raise ValueError(f"bad TIMESTAMP {row[cols['TIMESTAMP']]!r}")
                pt = _positive_int(row[cols["ContextTokens"]])
                ot = _positive_int(row[cols["GeneratedTokens"]])
            except (ValueError, TypeError) as exc:
                if on_bad_row == "skip":
                    dropped += 1
                    continue
                raise InputError(
                    f"trace file {p}, line {reader.line_num}: malformed row ({exc})"
                ) from None
            times.append(ts)
            prompt.append(pt)
            output.append(ot)
    return _finalise(
        np.asarray(times, dtype=np.float64), prompt, output, name or p.stem, dropped, p
    )


def load_jsonl(
    path: str | Path,
    time_field: str = "timestamp",
    prompt_field: str = "prompt_tokens",
    output_field: str = "output_tokens",
    time_unit_s: float = 1.0,
    *,
    on_bad_row: BadRow = "raise",
    name: str | None = None,
) -> Trace:
    """Load a JSON-lines trace: one object per line with a numeric time and two token counts.

    ``time_unit_s`` converts the time field to seconds (0.001 for milliseconds).  Blank lines are
    ignored.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
    >>> _ = f.write_text('{"t": 1000, "p": 5, "o": 2}\\n{"t": 3000, "p": 7, "o": 1}\\n')
    >>> load_jsonl(f, "t", "p", "o", time_unit_s=0.001).arrival_s.tolist()
    [0.0, 2.0]
    """
    _check_bad_row(on_bad_row)
    if not (
        isinstance(time_unit_s, int | float) and math.isfinite(time_unit_s) and time_unit_s > 0
    ):
        raise InputError(f"time_unit_s must be a finite positive number, got {time_unit_s!r}")
    p = Path(path)
    if not p.is_file():
        raise InputError(f"trace file not found: {p}")
    times: list[float] = []
    prompt: list[int] = []
    output: list[int] = []
    dropped = 0
    with io.StringIO(read_utf8(p, "trace file")) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                for fld in (time_field, prompt_field, output_field):
                    if fld not in obj:
                        raise ValueError(f"missing field {fld!r}")
                ts = float(obj[time_field]) * time_unit_s
                if not math.isfinite(ts) or isinstance(obj[time_field], bool):
                    raise ValueError(f"bad {time_field} {obj[time_field]!r}")
                pt = _positive_int(obj[prompt_field])
                ot = _positive_int(obj[output_field])
            except (ValueError, TypeError) as exc:
                if on_bad_row == "skip":
                    dropped += 1
                    continue
                msg = str(exc).splitlines()[0]
                raise InputError(f"trace file {p}, line {lineno}: malformed row ({msg})") from None
            times.append(ts)
            prompt.append(pt)
            output.append(ot)
    return _finalise(
        np.asarray(times, dtype=np.float64), prompt, output, name or p.stem, dropped, p
    )


@cache
def _builtin_trace_cached(key: str) -> Trace:
    from optfleet._data import data_path

    return load_azure2023(data_path("traces", _BUILTIN_FILES[key]), name=key)


def builtin_trace(name: str) -> Trace:
    """A built-in trace by name: ``azure_code`` or ``azure_conv`` (cached).

    Examples
    --------
    >>> builtin_trace("azure_code").n_requests
    8819
    """
    key = str(name).strip().lower().replace("-", "_")
    if key not in BUILTIN_TRACES:
        raise UnknownNameError(
            f"unknown built-in trace {name!r}; known: {', '.join(sorted(BUILTIN_TRACES))}"
        )
    return _builtin_trace_cached(key)


__all__ = [
    "BUILTIN_TRACES",
    "Trace",
    "builtin_trace",
    "load_azure2023",
    "load_jsonl",
    "load_splitwise_csv",
]
