"""Backend-neutral solve options, results and the backend protocol.

A backend knows PuLP, not GPUs: it takes a :class:`pulp.LpProblem` plus a mapping from *any*
hashable key to the problem's variables, and returns a :class:`SolveResult` whose ``values`` are
keyed the same way.  The caller (the formulation) chooses the keys, e.g. ``("n", layout, role,
gpu)``, so nobody ever parses an LP variable name back.

Two status axes (see docs/formulation.md, "Solver status"):

``termination``
    why the solver stopped: ``"optimal"`` (proved optimal within the requested relative gap),
    ``"time_limit"``, ``"infeasible"``, ``"unbounded"``, ``"infeasible_or_unbounded"``,
    ``"node_limit"``, ``"interrupted"`` or ``"error"``.
``solution``
    what came back: ``"optimal"``, ``"feasible"`` (an incumbent, not proved optimal) or
    ``"none"``.

Examples
--------
>>> from optfleet.backends.base import relative_gap, SolveOptions
>>> relative_gap(10.0, 9.0)
0.1
>>> SolveOptions(time_limit_s=5.0).time_limit_s
5.0
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from optfleet.errors import InputError, UnknownNameError

TERMINATIONS = (
    "optimal",
    "time_limit",
    "node_limit",
    "infeasible",
    "unbounded",
    "infeasible_or_unbounded",
    "interrupted",
    "error",
)
SOLUTIONS = ("optimal", "feasible", "none")

#: Default wall-clock limit of one solve (seconds).  A solve stopped by it with an incumbent
#: reports ``termination="time_limit"``, ``solution="feasible"`` and its ``gap``; pass
#: ``time_limit_s=None`` for no limit.
DEFAULT_TIME_LIMIT_S = 60.0


@dataclass(frozen=True)
class SolveOptions:
    """Options every backend understands (a backend ignores what it can not do).

    ``time_limit_s`` (default :data:`DEFAULT_TIME_LIMIT_S`, 60 s; None = no limit), ``gap_rel``
    (relative MIP gap at which to stop; None = the solver's default, 0 = prove optimality),
    ``threads`` (None = solver default),
    ``warm_start`` (start from the variables' current values, where supported) and ``msg``
    (let the solver print its log; off by default - the library never prints).

    Examples
    --------
    >>> SolveOptions.from_dict({"time_limit_s": 10, "gap_rel": 0.01}).gap_rel
    0.01
    >>> SolveOptions().time_limit_s, SolveOptions(time_limit_s=None).time_limit_s
    (60.0, None)
    """

    time_limit_s: float | None = DEFAULT_TIME_LIMIT_S
    gap_rel: float | None = 0.0
    threads: int | None = None
    warm_start: bool = False
    msg: bool = False

    def __post_init__(self) -> None:
        for name in ("time_limit_s", "gap_rel"):
            v = getattr(self, name)
            if v is not None and (not math.isfinite(v) or v < 0):
                raise InputError(f"solve option {name} must be finite and >= 0, got {v!r}")
        if self.threads is not None and (not isinstance(self.threads, int) or self.threads < 1):
            raise InputError(f"solve option threads must be an integer >= 1, got {self.threads!r}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SolveOptions:
        """Build options from a mapping (unknown keys are an :class:`InputError`)."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known - {"description"})
        if unknown:
            raise InputError(f"unknown solve option(s) {unknown}; known: {sorted(known)}")
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_(self, **changes: Any) -> SolveOptions:
        """A copy with some fields changed."""
        return replace(self, **changes)


#: Built-in option presets; ``solvers/options/<name>.json`` publish the same values.
SOLVE_PRESETS: dict[str, SolveOptions] = {
    "exact": SolveOptions(time_limit_s=300.0, gap_rel=0.0),
    "fast": SolveOptions(time_limit_s=10.0, gap_rel=0.01),
}


def get_solve_options(name_or_path: str | Path | SolveOptions | None = None) -> SolveOptions:
    """Return a named option preset (``"exact"``, ``"fast"``), or load a JSON file of options.

    Examples
    --------
    >>> get_solve_options("fast").gap_rel
    0.01
    >>> get_solve_options().gap_rel  # default: exact
    0.0
    """
    if name_or_path is None:
        return SOLVE_PRESETS["exact"]
    if isinstance(name_or_path, SolveOptions):
        return name_or_path
    key = str(name_or_path)
    if key in SOLVE_PRESETS:
        return SOLVE_PRESETS[key]
    path = Path(key)
    if path.suffix == ".json":
        if not path.is_file():
            raise InputError(f"solve options file not found: {path}")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"can not parse {path}: {exc.msg}") from None
        if not isinstance(data, dict):
            raise InputError(f"{path} must hold a JSON object of solve options")
        return SolveOptions.from_dict(data)
    raise UnknownNameError(
        f"unknown solve options preset {key!r}; known: {', '.join(sorted(SOLVE_PRESETS))} "
        "(or a path to a .json file)"
    )


def relative_gap(objective: float | None, best_bound: float | None) -> float | None:
    """Relative MIP gap ``|objective - bound| / max(|objective|, 1e-9)``; None if either is None.

    This is the definition both CBC (``ratioGap``) and HiGHS (``mip_rel_gap``) use, up to the
    guard against a zero objective.

    Examples
    --------
    >>> relative_gap(0.0, 0.0)
    0.0
    >>> relative_gap(5.0, None) is None
    True
    """
    if objective is None or best_bound is None:
        return None
    if not (math.isfinite(objective) and math.isfinite(best_bound)):
        return math.inf
    return abs(objective - best_bound) / max(abs(objective), 1e-9)


@dataclass(frozen=True)
class SolveResult:
    """What one solve returned (immutable; :meth:`to_dict` is JSON-ready).

    ``values`` maps the caller's keys to variable values (empty when ``solution == "none"``).
    ``objective`` is the incumbent's objective, ``best_bound`` the proven lower bound (for a
    minimisation), ``gap`` their :func:`relative_gap`.
    """

    backend: str
    termination: str
    solution: str
    objective: float | None
    best_bound: float | None
    gap: float | None
    solve_time_s: float
    values: Mapping[Hashable, float] = field(default_factory=dict, compare=False, repr=False)
    detail: str = ""

    def __post_init__(self) -> None:
        if self.termination not in TERMINATIONS:
            raise InputError(f"unknown termination {self.termination!r}; known: {TERMINATIONS}")
        if self.solution not in SOLUTIONS:
            raise InputError(f"unknown solution status {self.solution!r}; known: {SOLUTIONS}")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @property
    def has_solution(self) -> bool:
        """True when ``values`` hold a feasible (maybe optimal) solution."""
        return self.solution != "none"

    @property
    def is_infeasible(self) -> bool:
        """True when the solver proved (or could not rule out) infeasibility and found nothing."""
        return self.solution == "none" and self.termination in (
            "infeasible",
            "infeasible_or_unbounded",
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuple keys of ``values`` become lists in ``[key, value]`` pairs)."""
        return {
            "backend": self.backend,
            "termination": self.termination,
            "solution": self.solution,
            "objective": self.objective,
            "best_bound": self.best_bound,
            "gap": self.gap,
            "solve_time_s": self.solve_time_s,
            "detail": self.detail,
            "values": [[list(k) if isinstance(k, tuple) else k, v] for k, v in self.values.items()],
        }


@runtime_checkable
class Backend(Protocol):
    """A MIP solver reachable through PuLP, with declared capabilities."""

    name: str
    supports_mip: bool
    supports_time_limit: bool
    supports_gap: bool
    supports_threads: bool
    supports_warm_start: bool

    def available(self) -> bool:
        """True when the solver is installed and runnable."""
        ...

    def solve(
        self,
        problem: Any,
        variables: Mapping[Hashable, Any] | None = None,
        options: SolveOptions | None = None,
    ) -> SolveResult:
        """Solve ``problem`` (a :class:`pulp.LpProblem`, minimisation) and return a result."""
        ...


def collect_values(variables: Mapping[Hashable, Any] | None) -> dict[Hashable, float]:
    """Read the current values of ``{key: pulp variable}`` (None values read as 0.0)."""
    if not variables:
        return {}
    out: dict[Hashable, float] = {}
    for key, var in variables.items():
        v = var.varValue
        out[key] = 0.0 if v is None else float(v)
    return out


def objective_value(problem: Any) -> float | None:
    """The objective of ``problem`` at the variables' current values (None if unset)."""
    obj = problem.objective
    if obj is None:
        return 0.0
    total = float(obj.constant)
    for var, coef in obj.items():
        if var.varValue is None:
            return None
        total += coef * var.varValue
    return total
