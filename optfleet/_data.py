"""Locate the data files shipped with optfleet (built-in workloads, traces, catalogs).

The files live once, in the repository's top-level ``data/`` folder; the wheel carries them as
``optfleet/_data``.  An editable install or a source checkout finds the top-level folder.
"""

from __future__ import annotations

from pathlib import Path

from optfleet.errors import InputError

_PKG = Path(__file__).resolve().parent


def data_dir() -> Path:
    """Return the folder holding optfleet's built-in data files."""
    for candidate in (_PKG / "_data", _PKG.parent / "data"):
        if (candidate / "workloads").is_dir():
            return candidate
    raise InputError("optfleet's built-in data files are missing: reinstall optfleet")


def data_path(*parts: str) -> Path:
    """Return the path of one built-in data file.

    Example: ``data_path("workloads", "azure_cdf.json")``.
    """
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise InputError(f"built-in data file not found: {'/'.join(parts)}")
    return path
