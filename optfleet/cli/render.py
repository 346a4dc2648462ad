"""Rendering shared by the commands: JSON, rich tables, numbers in table cells, a progress line.

Every command renders through these, so that tables and JSON look the same everywhere.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer


def emit_json(obj: Any, out: Path | None = None) -> None:
    """Print ``obj`` as indented JSON (or write it to ``out``); NaN and infinities are refused."""
    text = json.dumps(obj, indent=2, sort_keys=False, allow_nan=False, default=_json_default)
    if out is not None:
        from optfleet._files import write_text_atomic

        write_text_atomic(out, text + "\n")
    else:
        typer.echo(text)


def _json_default(obj: Any) -> Any:
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def render_table(
    title: str, columns: list[str], rows: list[list[Any]], notes: list[str] = ()
) -> None:
    """Render rows with rich (plain text when not a terminal), then the notes, one a line.

    A column is right-aligned when the first row holds a number there.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    first = rows[0] if rows else []
    for i, col in enumerate(columns):
        numeric = (
            i < len(first) and isinstance(first[i], int | float) and not isinstance(first[i], bool)
        )
        table.add_column(col, justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*[cell(v) for v in row])
    console = Console(width=max(100, min(200, _term_width())), soft_wrap=False)
    console.print(table)
    for note in notes:
        console.print(note, highlight=False)


def _term_width() -> int:
    """The terminal's width; 160 when the output is not a terminal (files, pipes, CI logs)."""
    import shutil

    return shutil.get_terminal_size((160, 40)).columns


def cell(v: Any) -> str:
    """A table cell: floats to 3 decimals (no decimals from 1000 on), NaN and None as ``-``.

    Examples
    --------
    >>> cell(1.5), cell(12345.6), cell(float("nan")), cell(None), cell(7)
    ('1.500', '12,346', '-', '-', '7')
    """
    if isinstance(v, float):
        if v != v:
            return "-"
        return f"{v:,.3f}" if abs(v) < 1000 else f"{v:,.0f}"
    return "-" if v is None else str(v)


def ms(x: float | None) -> float:
    """Seconds to milliseconds; ``None`` becomes NaN (shown as ``-``).

    Examples
    --------
    >>> ms(0.25), ms(None)
    (250.0, nan)
    """
    return float("nan") if x is None else x * 1000.0


def finite_ms(x: float | None) -> float:
    """Seconds to milliseconds; ``None`` and non-finite values become NaN (shown as ``-``).

    Examples
    --------
    >>> finite_ms(0.25), finite_ms(float("inf"))
    (250.0, nan)
    """
    return float("nan") if x is None or not math.isfinite(x) else x * 1000.0


def ci_ms(est: Any, digits: int = 0, *, n: bool = True) -> str:
    """``value [low, high] (n=N)`` of an estimate (``value``, ``low``, ``high`` in seconds) in ms.

    The number of replications ``n`` is shown with the interval; without an interval (one run:
    ends ``None`` or NaN) only the value and ``(n=1)`` are shown, an unbounded value or end as
    ``inf``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> ci_ms(SimpleNamespace(value=0.1, low=0.09, high=0.12, n=3))
    '100 [90, 120] (n=3)'
    >>> ci_ms(SimpleNamespace(value=0.372, low=None, high=None, n=1))
    '372 (n=1)'
    >>> ci_ms(SimpleNamespace(value=0.0251, low=0.0249, high=0.0253, n=5), 1)
    '25.1 [24.9, 25.3] (n=5)'
    """
    count = getattr(est, "n", None)
    tag = "" if count is None or not n else f" (n={count})"
    if not _has_end(est.low) or not _has_end(est.high):
        return f"{_ms0(est.value, digits)}{tag}"
    return (f"{_ms0(est.value, digits)} [{_ms0(est.low, digits)}, {_ms0(est.high, digits)}]"
            f"{tag}")


def _has_end(x: float | None) -> bool:
    return x is not None and not math.isnan(x)


def _ms0(x: float, digits: int = 0) -> str:
    return "inf" if math.isinf(x) else f"{x * 1000:.{digits}f}"


@contextlib.contextmanager
def progress_status(message: str, enabled: bool) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr while the block runs, if ``enabled``; yields the function that updates
    its text (``None`` when not enabled)."""
    if not enabled:
        yield None
        return
    from rich.console import Console

    status = Console(stderr=True).status(message)
    status.start()

    def progress(msg: str) -> None:
        status.update(msg)

    try:
        yield progress
    finally:
        status.stop()
