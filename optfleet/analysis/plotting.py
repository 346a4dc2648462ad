"""The matplotlib loader shared by the ``plot_*`` functions of :mod:`optfleet.analysis`.

matplotlib is an optional dependency (``optfleet[plot]``); it is imported on first use, with the
non-interactive ``Agg`` backend, so that importing an analysis module never needs it.
"""

from __future__ import annotations

from typing import Any

from optfleet.errors import InputError

__all__ = ["pyplot"]


def pyplot() -> Any:
    """``matplotlib.pyplot`` on the ``Agg`` backend.

    Raises
    ------
    InputError
        If matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise InputError("plotting needs matplotlib: install optfleet[plot]") from None
    return plt
