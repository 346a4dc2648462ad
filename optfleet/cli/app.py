"""The Typer application: the ``optfleet`` command, its global options, its commands and its
error handling.

Each command (in the modules beside this one, by subject) parses its options, calls one public
library function and renders the result as a table (default) or JSON (``--format json``).  This
module registers them on :data:`app`; the command modules do not import it.

Errors and exit codes, each with one line on stderr and never a traceback:

* 2: bad input (an :class:`~optfleet.errors.InputError`, a usage error, a file that can not be
  read or written, a file that is not UTF-8 text);
* 1: a well-formed question with no answer (:class:`~optfleet.errors.InfeasibleError`) or
  another error optfleet raises on purpose;
* 130 / 143: interrupted by SIGINT (Ctrl-C) / SIGTERM; child processes are ended and no partial
  output file is left (outputs are written atomically, :mod:`optfleet._files`);
* 70: an unexpected exception, i.e. a bug (``OPTFLEET_DEBUG=1`` shows its traceback instead).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from optfleet._version import __version__
from optfleet.cli import (
    calibrate,
    catalog,
    disagg,
    explain,
    plan,
    power,
    reliability,
    report,
    routers,
    simulate,
    tradeoffs,
)
from optfleet.cli.signals import Interrupted, end_children, quiet_signals, signals_raise
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
    ("calibrate", calibrate.calibrate),
    ("workload", catalog.workload),
    ("size", plan.size),
    ("plan", plan.plan),
    ("explain", explain.explain),
    ("compare", explain.compare),
    ("report", report.report),
    ("backends", catalog.backends),
    ("examples", catalog.examples),
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

    Exit 2 for bad input (files that can not be read or written and text that is not UTF-8
    included), 1 for anything else optfleet raises on purpose.
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
        except BrokenPipeError:  # stdout closed (``| head``): click exits quietly
            raise
        except OSError as exc:  # a safety net: the library names the file where it can
            where = f" {exc.filename}" if exc.filename else ""
            _fail(f"can not access{where}: {exc.strerror or exc}", 2)
        except UnicodeDecodeError as exc:
            _fail(f"a file is not UTF-8 text ({exc.reason} at byte {exc.start})", 2)
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
    """Run the CLI with ``argv`` and return the exit code (used by ``main`` and by tests).

    SIGINT and SIGTERM (in the main thread) end the command with 130 / 143 and one line; an
    unexpected exception prints one line and returns 70, or is re-raised with ``OPTFLEET_DEBUG=1``.
    """
    try:
        with signals_raise():
            return invoke(argv)
    except (Interrupted, KeyboardInterrupt) as exc:
        stop = exc if isinstance(exc, Interrupted) else Interrupted(2)
        with quiet_signals():
            end_children()
            typer.echo(f"optfleet: {stop.message}", err=True)
        return stop.code
    except Exception as exc:  # noqa: BLE001 - a bug: one line, not a traceback
        if os.environ.get("OPTFLEET_DEBUG", "") not in ("", "0"):
            raise
        text = " ".join(str(exc).split())
        typer.echo(
            f"optfleet: internal error: {type(exc).__name__}: {text} "
            "(run with OPTFLEET_DEBUG=1 for the traceback)",
            err=True,
        )
        return 70


def invoke(argv: list[str] | None) -> int:
    """Run the Typer app; usage errors become one line and their exit code."""
    try:
        result = app(args=argv, prog_name="optfleet", standalone_mode=False)
    except SystemExit as exc:  # pragma: no cover - typer may still sys.exit
        return int(exc.code or 0)
    except Exception as exc:
        code = getattr(exc, "exit_code", None)
        show = getattr(exc, "format_message", None)
        if code is None or show is None:
            if type(exc).__name__ == "Abort":
                return 1
            raise
        typer.echo(f"optfleet: error: {show()}", err=True)
        return int(code)
    return int(result) if isinstance(result, int) else 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run(sys.argv[1:]))
