"""Rendering shared by the commands: JSON, rich tables, numbers in table cells, a progress line.

Every command renders through these, so that tables and JSON look the same everywhere.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sys
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

    A column is right-aligned when the first row holds a number there.  No cell is broken
    inside a word, and numbers and intervals (``value [low, high]``) are never broken: when the
    table is wider than the terminal (``COLUMNS``), headers and text wrap between words, the
    widest columns first, and the table drops its vertical rules; if even that does not fit, it
    is printed wider.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    texts = [[cell(v) for v in row] for row in rows]
    first = rows[0] if rows else []
    widths, gap, total = column_widths(columns, rows, texts, max(40, min(200, _term_width())))
    table = Table(title=title, show_lines=False) if gap == 3 else Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
        padding=(0, gap - 1, 0, 0),
    )
    for i, col in enumerate(columns):
        numeric = (
            i < len(first) and isinstance(first[i], int | float) and not isinstance(first[i], bool)
        )
        table.add_column(col, justify="right" if numeric else "left", width=widths[i],
                         overflow="fold")
    for row in texts:
        table.add_row(*row)
    console = Console(width=max(total, min(200, _term_width())), soft_wrap=False)
    console.print(table)
    for note in notes:
        console.print(note, highlight=False, markup=False)


def column_widths(
    columns: list[str], rows: list[list[Any]], texts: list[list[str]], width: int
) -> tuple[list[int], int, int]:
    """Widths of a table's columns within ``width``: ``(widths, gap, total width)``.

    Each column starts at its content's width and shrinks, widest first, down to its longest
    word (a number or an interval counts as one word).  ``gap`` 3: the table keeps its rules
    (3 characters a column and one more); 2 or 1: no vertical rules, columns that many spaces
    apart, the widest gap that fits.

    Examples
    --------
    >>> column_widths(["a b c"], [["x"]], [["x"]], 40)
    ([5], 3, 9)
    >>> column_widths(["pool", "P99 TTFT ms"], [["all", "1 [0, 2]"]], [["all", "1 [0, 2]"]], 14)
    ([4, 8], 2, 14)
    """
    n = len(columns)
    natural, mins = [], []
    for i, col in enumerate(columns):
        cells = [(t[i], raw[i]) for t, raw in zip(texts, rows, strict=True) if i < len(t)]
        words = [w for t, _ in cells for w in t.split()]
        whole = [len(t) for t, raw in cells if _unbreakable(raw)]
        natural.append(max([len(col), *(len(t) for t, _ in cells)]))
        mins.append(max([1, *map(len, col.split()), *map(len, words), *whole]))
    gap = next((g for g in (3, 2) if sum(mins) + _overhead(g, n) <= width), 1)
    overhead = _overhead(gap, n)
    widths = list(natural)
    while sum(widths) + overhead > width:
        slack = [i for i in range(n) if widths[i] > mins[i]]
        if not slack:
            break
        widths[max(slack, key=lambda i: widths[i])] -= 1
    return widths, gap, sum(widths) + overhead


def _overhead(gap: int, n: int) -> int:
    """Characters of a table of ``n`` columns besides its cells: rules (3) or gaps (2, 1)."""
    return 3 * n + 1 if gap == 3 else gap * (n - 1)


def percent(x: float | None, digits: int = 0) -> str:
    """A share as a percentage; ``None`` as ``none``.

    Examples
    --------
    >>> percent(0.25), percent(None), percent(0.1234, 1)
    ('25%', 'none', '12.3%')
    """
    return "none" if x is None else f"{x:.{digits}%}"


def _unbreakable(v: Any) -> bool:
    """A cell that must stay on one line: a number, or a value with its interval."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        return True
    return isinstance(v, str) and _INTERVAL.fullmatch(v) is not None


#: A value and its interval, as :func:`ci_ms` and the commands write them.
_INTERVAL = re.compile(r"[^\[\]\s]+ \[[^\[\]]+\](?: \(n=\d+\))?")


def _term_width() -> int:
    """The terminal's width (``COLUMNS`` if set); 160 when the output is not a terminal."""
    import shutil

    return shutil.get_terminal_size((160, 40)).columns


#: Shown for an unbounded number (an infinite float) in a table cell.
INFINITY = "\u221e"


def cell(v: Any) -> str:
    """A table cell: whole numbers without decimals, others to 4 significant digits (no
    decimals from 1000 on), booleans as yes/no, infinity as its sign, NaN and None as ``-``.

    Examples
    --------
    >>> cell(1.5), cell(12345.6), cell(float("nan")), cell(None), cell(7), cell(25.0)
    ('1.5', '12,346', '-', '-', '7', '25')
    >>> cell(36.18), cell(214.069), cell(0.0004), cell(2.041e-5), cell(True)
    ('36.18', '214.1', '0.0004', '2.041e-05', 'yes')
    >>> cell(float("inf")) == INFINITY
    True
    """
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if v != v:
            return "-"
        if math.isinf(v):
            return INFINITY if v > 0 else "-" + INFINITY
        if v.is_integer() or abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:.4g}"
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


def ci_ms(est: Any, digits: int | None = 0, *, n: bool = True) -> str:
    """``value [low, high] (n=N)`` of an estimate (``value``, ``low``, ``high`` in seconds) in ms.

    ``digits`` decimals; ``None``: one below 10 ms, none from 10 ms on (narrow columns).

    The number of replications ``n`` is shown with the interval; without an interval (one run:
    ends ``None`` or NaN) only the value and ``(n=1)`` are shown, an unbounded value or end as
    :data:`INFINITY`.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> ci_ms(SimpleNamespace(value=0.1, low=0.09, high=0.12, n=3))
    '100 [90, 120] (n=3)'
    >>> ci_ms(SimpleNamespace(value=0.372, low=None, high=None, n=1))
    '372 (n=1)'
    >>> ci_ms(SimpleNamespace(value=0.0251, low=0.0249, high=0.0253, n=5), 1)
    '25.1 [24.9, 25.3] (n=5)'
    >>> ci_ms(SimpleNamespace(value=0.0251, low=0.0249, high=0.0253, n=5), None, n=False)
    '25 [25, 25]'
    """
    if digits is None:
        digits = 1 if abs(est.value) < 0.01 else 0
    count = getattr(est, "n", None)
    tag = "" if count is None or not n else f" (n={count})"
    if not _has_end(est.low) or not _has_end(est.high):
        return f"{_ms0(est.value, digits)}{tag}"
    return (f"{_ms0(est.value, digits)} [{_ms0(est.low, digits)}, {_ms0(est.high, digits)}]"
            f"{tag}")


def _has_end(x: float | None) -> bool:
    return x is not None and not math.isnan(x)


def _ms0(x: float, digits: int = 0) -> str:
    return INFINITY if math.isinf(x) else f"{x * 1000:.{digits}f}"


# ------------------------------------------------------------------------------------------
# progress on stderr
# ------------------------------------------------------------------------------------------

#: Without a terminal, progress lines start once a command has run this long, so that quick
#: commands (and errors found early) leave stderr empty or with their one error line.
PLAIN_DELAY_S = 5.0
#: What a command that simulates says first when the simulator's kernels are not compiled yet.
COMPILE_NOTE = "compiling the simulator (first run only, ~30 s)\u2026"


def ignore(message: str) -> None:
    """A progress callback that shows nothing (``--quiet``)."""


class PlainProgress:
    """Progress as plain ``optfleet: ...`` lines on stderr (no terminal: a log, a pipe, CI).

    Nothing is written during the first :data:`PLAIN_DELAY_S`; then the notes and the latest
    message, and from then on each new message as it comes.  A timer thread writes the first
    lines, so that they appear while the main thread is busy (compiling, simulating).
    """

    def __init__(self, message: str, notes: list[str], delay_s: float | None = None) -> None:
        import threading

        self._lock = threading.Lock()
        self._current, self._notes = message, list(notes)
        self._live = self._stopped = False
        self._last: str | None = None
        delay = PLAIN_DELAY_S if delay_s is None else delay_s
        self._timer = threading.Timer(delay, self._go_live)
        self._timer.daemon = True

    def _write(self, message: str) -> None:
        if message != self._last:
            self._last = message
            print(f"optfleet: {message}", file=sys.stderr, flush=True)

    def _go_live(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._live = True
            for note in self._notes:
                self._write(note)
            self._write(self._current)

    def start(self) -> None:
        """Start the delay (an immediate start when it is 0)."""
        self._timer.start()

    def update(self, message: str) -> None:
        """The latest message: written now if lines have started, else kept for the first."""
        with self._lock:
            self._current = message
            if self._live and not self._stopped:
                self._write(message)

    def stop(self) -> None:
        """No more lines (the command is done or failed)."""
        with self._lock:
            self._stopped = True
        self._timer.cancel()


@contextlib.contextmanager
def progress(
    message: str, *, quiet: bool = False, simulates: bool = False
) -> Iterator[Callable[[str], None]]:
    """Progress on stderr while the block runs; yields the callback that takes new messages
    (the library's ``progress`` hook takes it as is).

    A rich spinner when stderr is a terminal, :class:`PlainProgress` lines otherwise, nothing
    with ``quiet``.  ``simulates``: the command runs the simulator; when its compiled kernels
    are not cached yet (:func:`optfleet.sim.jitcache.kernels_cached`), :data:`COMPILE_NOTE` is
    said first, once.
    """
    if quiet:
        yield ignore
        return
    notes = []
    if simulates:
        from optfleet.sim.jitcache import kernels_cached

        if not kernels_cached():
            notes.append(COMPILE_NOTE)
    if not sys.stderr.isatty():
        plain = PlainProgress(message, notes)
        plain.start()
        try:
            yield plain.update
        finally:
            plain.stop()
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(stderr=True)
    for note in notes:
        console.print(f"optfleet: {note}", highlight=False, markup=False)
    status = console.status(Text(message))
    status.start()
    try:
        yield lambda msg: status.update(Text(msg))
    finally:
        status.stop()


def kusd_year(usd_per_hour: float) -> str:
    """$/h as $K/yr in a table cell (``HOURS_PER_YEAR`` hours a year)."""
    from optfleet.scenario.schema import HOURS_PER_YEAR

    return f"{usd_per_hour * HOURS_PER_YEAR / 1000:,.0f}"
