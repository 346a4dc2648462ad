"""What the benchmark readers share: the known formats, checked numbers, and the keyword options
that fill in what a file does not record.

Every check raises :class:`~optfleet.errors.InputError` with one line that starts with where the
bad value is (``file``, ``file:line`` or ``file[i]``) and names the value.

Examples
--------
>>> parse_number("12.5", "step_ms", "steps.csv:3")
12.5
>>> parse_number("abc", "step_s", "steps.csv:7")
Traceback (most recent call last):
...
optfleet.errors.InputError: steps.csv:7: step_s must be a finite positive number, got 'abc'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from optfleet.errors import InputError

__all__ = [
    "KINDS",
    "UNKNOWN",
    "Options",
    "json_count",
    "json_number",
    "parse_count",
    "parse_number",
    "parse_rate",
    "resolve",
]

#: The formats :func:`optfleet.calibration.readers.read_measurements` reads, by ``kind`` name.
KINDS: tuple[str, ...] = ("serving-json", "serving-text", "latency-json", "steps-csv",
                          "prefill-csv")

class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


#: A file that does not record a value (as opposed to recording None, e.g. no concurrency limit).
UNKNOWN: Any = _Unknown()


def _bound(allow_zero: bool) -> str:
    return "non-negative" if allow_zero else "positive"


def _ok(x: float, allow_zero: bool, allow_inf: bool) -> bool:
    if math.isnan(x) or (math.isinf(x) and not allow_inf):
        return False
    return x >= 0 if allow_zero else x > 0


def parse_number(text: str, name: str, where: str, *, allow_zero: bool = False,
                 allow_inf: bool = False) -> float:
    """``text`` (a CSV cell or printed value) as a finite positive float, else InputError."""
    try:
        x = float(text)
    except (TypeError, ValueError):
        x = math.nan
    if not _ok(x, allow_zero, allow_inf):
        fin = "" if allow_inf else "finite "
        raise InputError(f"{where}: {name} must be a {fin}{_bound(allow_zero)} number, "
                         f"got {text!r}")
    return x


def parse_count(text: str, name: str, where: str, *, allow_zero: bool = False) -> int:
    """``text`` as a positive integer (``128`` or ``128.0``), else InputError."""
    try:
        x = float(text)
        ok = math.isfinite(x) and x == int(x) and (x >= 0 if allow_zero else x >= 1)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise InputError(f"{where}: {name} must be a {_bound(allow_zero)} integer, got {text!r}")
    return int(x)


def parse_rate(text: str, name: str, where: str) -> float:
    """A request rate as vLLM prints or saves it: a positive number or ``inf``."""
    return parse_number(text, name, where, allow_inf=True)


def json_number(value: Any, name: str, where: str, *, allow_zero: bool = False,
                allow_inf: bool = False) -> float:
    """A JSON value that must be a number (not a bool, not a string), finite and positive."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{where}: {name} must be a number, got {value!r}")
    if not _ok(float(value), allow_zero, allow_inf):
        fin = "" if allow_inf else "finite "
        raise InputError(f"{where}: {name} must be a {fin}{_bound(allow_zero)} number, "
                         f"got {value!r}")
    return float(value)


def json_count(value: Any, name: str, where: str, *, allow_zero: bool = False) -> int:
    """A JSON value that must be a positive integer (``3`` or ``3.0``, not ``true``)."""
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    ok = ok and math.isfinite(value) and value == int(value)
    ok = ok and (value >= 0 if allow_zero else value >= 1)
    if not ok:
        raise InputError(f"{where}: {name} must be a {_bound(allow_zero)} integer, got {value!r}")
    return int(value)


@dataclass(frozen=True)
class Options:
    """What the caller knows of a benchmark that its file may not record (the CLI's options);
    None: not given."""

    batch_size: int | None = None
    input_len: int | None = None
    output_len: int | None = None
    request_rate_per_s: float | None = None
    max_concurrency: int | None = None

    def __post_init__(self) -> None:
        for name in ("batch_size", "input_len", "output_len", "max_concurrency"):
            v = getattr(self, name)
            if v is not None:
                json_count(v, name, f"--{name.replace('_', '-')}")
        if self.request_rate_per_s is not None:
            json_number(self.request_rate_per_s, "request rate", "--request-rate",
                        allow_inf=True)


def resolve(name: str, option: str, in_file: Any, given: Any, where: str, *,
            rel_tol: float = 1e-9, abs_tol: float = 0.0) -> Any:
    """The value of ``name``: the file's (``in_file``, or :data:`UNKNOWN`) or the option's
    (``given``, None when not given); an option that contradicts the file is an InputError.

    When both agree within the tolerance the option wins (a printed value is rounded).
    """
    if given is None:
        return in_file
    if in_file is UNKNOWN:
        return given
    same = in_file == given or (
        isinstance(in_file, int | float) and isinstance(given, int | float)
        and math.isclose(in_file, given, rel_tol=rel_tol, abs_tol=abs_tol)
    )
    if not same:
        raise InputError(f"{where}: {option} {given} contradicts the file's {name} {in_file}")
    return given
