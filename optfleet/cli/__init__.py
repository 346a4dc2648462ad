"""optfleet's command line: a thin layer that parses, calls the library and renders."""

from optfleet.cli import commands  # noqa: F401,E402 - registers the commands on ``app``
from optfleet.cli import analyses_a, analyses_b  # noqa: F401,E402 - analysis commands
from optfleet.cli.app import app, main, run

__all__ = ["app", "main", "run"]
