"""optfleet's command line: a thin layer that parses, calls the library and renders."""

# isort: off
# Importing the command modules registers their commands on ``app``; core commands first so
# ``optfleet --help`` lists them first.
from optfleet.cli import commands  # noqa: F401
from optfleet.cli import analyses_a, analyses_b  # noqa: F401
from optfleet.cli.app import app, main, run

# isort: on

__all__ = ["app", "main", "run"]
