"""optfleet's command line: a thin layer that parses, calls the library and renders.

:mod:`optfleet.cli.app` holds the Typer app and registers the commands of the modules by subject
(:mod:`~optfleet.cli.catalog`, :mod:`~optfleet.cli.plan`, :mod:`~optfleet.cli.simulate`,
:mod:`~optfleet.cli.tradeoffs`, :mod:`~optfleet.cli.routers`, :mod:`~optfleet.cli.reliability`,
:mod:`~optfleet.cli.disagg`, :mod:`~optfleet.cli.power`), which share
:mod:`~optfleet.cli.options` and :mod:`~optfleet.cli.render`.
"""

from optfleet.cli.app import app, main, run

__all__ = ["app", "main", "run"]
