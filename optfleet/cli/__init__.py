"""optfleet's command line: a thin layer that parses, calls the library and renders."""

from optfleet.cli import (  # noqa: F401,E402 - analysis commands
    analyses_a,
    analyses_b,
    commands,  # noqa: F401,E402 - registers the commands on ``app``
)
from optfleet.cli.app import app, main, run

__all__ = ["app", "main", "run"]
