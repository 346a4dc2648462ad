"""The Typer application.  Each command parses its options, calls one public library function and
renders the result as a table (default) or JSON (``--format json``).

Errors: an :class:`~optfleet.errors.InputError` prints one line and exits 2; an
:class:`~optfleet.errors.InfeasibleError` prints one line and exits 1; no traceback is shown for
either.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from optfleet._version import __version__
from optfleet.errors import InfeasibleError, InputError, OptfleetError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="optfleet",
    help="Plan the cheapest GPU fleet that meets LLM-inference latency SLOs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):  # noqa: UP042 - typer needs a str-valued Enum
    table = "table"
    json = "json"


FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: table or json.")
]


LevelOpt = Annotated[str, typer.Option("--level", help="Simulation level: engine or slot.")]
RequestsOpt = Annotated[int, typer.Option("--requests", min=10, help="Requests per replication.")]
ReplicationsOpt = Annotated[
    int, typer.Option("--replications", min=1, help="Independent replications.")
]
SeedOpt = Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")]


def _fail(message: str, code: int) -> None:
    typer.echo(f"optfleet: error: {message}", err=True)
    raise typer.Exit(code)


def handles_errors(func: F) -> F:
    """Turn optfleet's exceptions into one line on stderr and an exit code.

    Exit 2 for bad input, 1 for anything else optfleet raises on purpose.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            _fail(str(exc), 2)
        except InfeasibleError as exc:
            _fail(str(exc), 1)
        except OptfleetError as exc:
            _fail(str(exc), 1)
        except MemoryError:
            _fail("out of memory: try fewer requests or a smaller fleet", 1)
        return None

    return wrapper  # type: ignore[return-value]


def emit_json(obj: Any, out: Path | None = None) -> None:
    text = json.dumps(obj, indent=2, sort_keys=False, allow_nan=False, default=_json_default)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
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
    """Render rows with rich (plain text when not a terminal)."""
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
        table.add_row(*[_cell(v) for v in row])
    console = Console(width=max(100, min(200, _term_width())), soft_wrap=False)
    console.print(table)
    for note in notes:
        console.print(note, highlight=False)


def _term_width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 40)).columns


def _cell(v: Any) -> str:
    if isinstance(v, float):
        if v != v:
            return "-"
        return f"{v:,.3f}" if abs(v) < 1000 else f"{v:,.0f}"
    return "-" if v is None else str(v)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"optfleet {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Plan the cheapest GPU fleet that meets LLM-inference latency SLOs."""


def register_commands() -> None:
    """Import the command modules (each adds its commands to ``app``)."""
    from optfleet.cli import commands  # noqa: F401


def run(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` and return the exit code (used by ``main`` and by tests)."""
    register_commands()
    try:
        result = app(args=argv, prog_name="optfleet", standalone_mode=False)
    except SystemExit as exc:  # pragma: no cover - typer may still sys.exit
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - usage errors from the vendored click
        code = getattr(exc, "exit_code", None)
        show = getattr(exc, "format_message", None)
        if code is not None and show is not None:
            typer.echo(f"optfleet: error: {show()}", err=True)
            return int(code)
        if type(exc).__name__ == "Abort":
            return 1
        raise
    return int(result) if isinstance(result, int) else 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run(sys.argv[1:]))
