"""The Typer application: the ``optfleet`` command, its global options, its commands and its
error handling.

Each command (in the modules beside this one, by subject) parses its options, calls one public
library function and renders the result as a table (default) or JSON (``--format json``).  This
module registers them on :data:`app`; the command modules do not import it.

Errors: an :class:`~optfleet.errors.InputError` prints one line and exits 2; an
:class:`~optfleet.errors.InfeasibleError` prints one line and exits 1; no traceback is shown for
either.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from optfleet._version import __version__
from optfleet.cli import (
    catalog,
    disagg,
    plan,
    power,
    reliability,
    routers,
    simulate,
    tradeoffs,
)
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

#: The commands, in the order ``optfleet --help`` lists them.
COMMANDS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("schema", catalog.schema),
    ("presets", catalog.presets),
    ("gpus", catalog.gpus),
    ("models", catalog.models),
    ("profile", catalog.profile),
    ("workload", catalog.workload),
    ("size", plan.size),
    ("plan", plan.plan),
    ("backends", catalog.backends),
    ("simulate", simulate.simulate),
    ("pareto", tradeoffs.pareto),
    ("whatif", tradeoffs.whatif),
    ("compare-routers", routers.compare_routers),
    ("reliability", reliability.reliability),
    ("disagg", disagg.disagg),
    ("grid-flex", power.grid_flex),
    ("tok-per-watt", power.tok_per_watt),
    ("simulate-fleet", simulate.simulate_fleet),
)


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


for _name, _command in COMMANDS:
    app.command(name=_name)(handles_errors(_command))


def version_callback(value: bool) -> None:
    """``--version``: print the version and exit."""
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


def run(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` and return the exit code (used by ``main`` and by tests)."""
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
