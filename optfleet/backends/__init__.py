"""Solver backends: run a PuLP model with CBC or HiGHS and report a two-axis status.

Backends know PuLP, not GPUs.  :func:`list_backends` names the installed ones (for
``optfleet backends``), :func:`get_backend` returns one by name, :func:`solve_mps` solves an
``.mps`` file (the conformance test over ``solvers/instances``).

Examples
--------
>>> from optfleet.backends import get_backend, list_backends
>>> "cbc" in list_backends()
True
>>> get_backend("cbc").supports_time_limit
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from optfleet.backends.base import (
    DEFAULT_TIME_LIMIT_S,
    SOLUTIONS,
    SOLVE_PRESETS,
    TERMINATIONS,
    Backend,
    SolveOptions,
    SolveResult,
    get_solve_options,
    relative_gap,
)
from optfleet.backends.cbc import CbcBackend, cbc_status, parse_cbc_log
from optfleet.backends.highs import HighsBackend, highs_status
from optfleet.errors import InputError, SolverError, UnknownNameError

_BACKENDS: dict[str, type] = {"cbc": CbcBackend, "highs": HighsBackend}
DEFAULT_BACKEND = "cbc"


def known_backends() -> tuple[str, ...]:
    """Every backend optfleet knows, installed or not."""
    return tuple(_BACKENDS)


def list_backends() -> tuple[str, ...]:
    """The installed backends, default first.

    Examples
    --------
    >>> list_backends()[0]
    'cbc'
    """
    return tuple(name for name, cls in _BACKENDS.items() if cls().available())


def backend_table() -> list[dict[str, object]]:
    """Every known backend, installed or not, with what it can do (``optfleet backends``).

    Examples
    --------
    >>> caps = backend_table()
    >>> caps[0]["name"], caps[0]["installed"], caps[0]["mip"]
    ('cbc', True, True)
    """
    rows: list[dict[str, object]] = []
    for name, cls in _BACKENDS.items():
        b = cls()
        rows.append(
            {
                "name": name,
                "installed": bool(b.available()),
                "mip": bool(b.supports_mip),
                "time_limit": bool(b.supports_time_limit),
                "gap": bool(b.supports_gap),
            }
        )
    return rows


def get_backend(name: str | Backend | None = None) -> Backend:
    """Return the backend called ``name`` (None: the default, CBC).

    Raises
    ------
    UnknownNameError
        If optfleet knows no backend of that name (the message lists the known ones).
    SolverError
        If the backend is known but not installed.

    Examples
    --------
    >>> get_backend().name
    'cbc'
    """
    if name is None:
        name = DEFAULT_BACKEND
    if not isinstance(name, str):
        return name
    key = name.strip().lower()
    cls = _BACKENDS.get(key)
    if cls is None:
        raise UnknownNameError(
            f"unknown solver backend {name!r}; known: {', '.join(known_backends())}"
        )
    backend = cls()
    if not backend.available():
        hint = " (pip install 'optfleet[highs]')" if key == "highs" else ""
        raise SolverError(f"solver backend {key!r} is not installed{hint}")
    return backend


def backend_capabilities(name: str) -> dict[str, Any]:
    """The declared capabilities of one backend, as a JSON-ready dict.

    Examples
    --------
    >>> backend_capabilities("cbc")["supports_gap"]
    True
    """
    cls = _BACKENDS.get(name)
    if cls is None:
        raise UnknownNameError(
            f"unknown solver backend {name!r}; known: {', '.join(known_backends())}"
        )
    b = cls()
    return {
        "name": b.name,
        "available": b.available(),
        "supports_mip": b.supports_mip,
        "supports_time_limit": b.supports_time_limit,
        "supports_gap": b.supports_gap,
        "supports_threads": b.supports_threads,
        "supports_warm_start": b.supports_warm_start,
    }


def solve_mps(
    path: str | Path,
    backend: str | Backend | None = None,
    options: SolveOptions | str | None = None,
) -> SolveResult:
    """Read a minimisation model from an ``.mps`` file and solve it.

    The result's ``values`` are keyed by the MPS column names.

    Examples
    --------
    >>> import tempfile, pulp, os
    >>> p = pulp.LpProblem("t", pulp.LpMinimize)
    >>> x = p.add_variable("x", 0, 10, cat="Integer")
    >>> p += 3 * x
    >>> p += 2 * x >= 3
    >>> d = tempfile.mkdtemp()
    >>> _ = p.writeMPS(os.path.join(d, "t.mps"))
    >>> solve_mps(os.path.join(d, "t.mps")).objective
    6.0
    """
    import pulp

    p = Path(path)
    if not p.is_file():
        raise InputError(f"MPS file not found: {p}")
    try:
        variables, problem = pulp.LpProblem.fromMPS(str(p))
    except Exception as exc:  # pulp raises bare exceptions on malformed files
        raise InputError(f"can not read MPS file {p}: {exc}") from None
    return get_backend(backend).solve(problem, variables, get_solve_options(options))


__all__ = [
    "DEFAULT_BACKEND",
    "DEFAULT_TIME_LIMIT_S",
    "SOLUTIONS",
    "SOLVE_PRESETS",
    "TERMINATIONS",
    "Backend",
    "CbcBackend",
    "HighsBackend",
    "SolveOptions",
    "SolveResult",
    "SolverError",
    "backend_capabilities",
    "cbc_status",
    "backend_capabilities",
    "get_backend",
    "get_solve_options",
    "highs_status",
    "known_backends",
    "list_backends",
    "parse_cbc_log",
    "relative_gap",
    "solve_mps",
]
