"""CBC through PuLP (``pulp.PULP_CBC_CMD``, the CBC binary bundled with PuLP).

PuLP's own ``status`` says "Optimal" when CBC stops on a time limit with an incumbent, so the
termination is derived from CBC itself:

1. PuLP's ``sol_status`` (read from the first line of CBC's solution file) tells whether a
   solution came back: 1 = proved optimal, 2 = integer feasible but search stopped, 0 = none,
   -1 = infeasible, -2 = unbounded.
2. CBC's log (written to a private temporary file, never printed) tells *why* it stopped:
   ``Result - Optimal solution found``, ``Result - Stopped on time limit``, ``Result - Stopped
   on iterations``/``nodes``/``solutions``, ``Result - Problem proven infeasible``, ... and
   gives the best bound (``Lower bound:``, ``best possible``, or ``Exiting as integer gap of``).

See :func:`cbc_status` for the exact mapping.

Examples
--------
>>> from optfleet.backends.cbc import cbc_status
>>> cbc_status(2, "Result - Stopped on time limit\\nObjective value: 3\\n")
('time_limit', 'feasible')
>>> cbc_status(1, "Result - Optimal solution found\\n")
('optimal', 'optimal')
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import time
import warnings
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from optfleet.backends.base import (
    SolveOptions,
    SolveResult,
    collect_values,
    objective_value,
    relative_gap,
)
from optfleet.errors import SolverError

_NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf)"


@dataclass(frozen=True)
class CbcLog:
    """What :func:`parse_cbc_log` extracts from a CBC log."""

    result: str  # the text after "Result - ", or "" when CBC stopped before the search
    objective: float | None
    best_bound: float | None
    gap_exit_abs: float | None  # "Exiting as integer gap of G": CBC stopped on the gap option
    search_completed: bool


def parse_cbc_log(text: str) -> CbcLog:
    """Extract the result line, objective and best bound from CBC's log text.

    Examples
    --------
    >>> log = parse_cbc_log("Result - Stopped on time limit\\n\\nObjective value:  2.0\\n"
    ...                     "Lower bound:  0.5\\n")
    >>> log.result, log.objective, log.best_bound
    ('Stopped on time limit', 2.0, 0.5)
    """
    m = re.search(r"Result - (.+)", text)
    result = m.group(1).strip() if m else ""
    obj = re.search(r"Objective value:\s+" + _NUM, text)
    lower = re.search(r"Lower bound:\s+" + _NUM, text)
    possibles = re.findall(r"best possible " + _NUM, text)
    gap_exit = re.search(r"Exiting as integer gap of " + _NUM, text)
    best_bound: float | None = None
    if lower:
        best_bound = float(lower.group(1))
    elif possibles:
        best_bound = float(possibles[-1])
    return CbcLog(
        result=result,
        objective=float(obj.group(1)) if obj else None,
        best_bound=best_bound,
        gap_exit_abs=float(gap_exit.group(1)) if gap_exit else None,
        search_completed="Search completed" in text,
    )


def cbc_status(sol_status: int, log_text: str, lp_status: int | None = None) -> tuple[str, str]:
    """Map PuLP's ``sol_status`` (and ``status``) and CBC's log to ``(termination, solution)``.

    ======================================  =================================
    CBC says                                (termination, solution)
    ======================================  =================================
    ``Optimal solution found``              ("optimal", "optimal")
    ``Stopped on time ...``                 ("time_limit", feasible or none)
    ``Stopped on iterations/nodes/...``     ("node_limit", feasible or none)
    ``Stopped on ctrl-c``                   ("interrupted", feasible or none)
    ``... infeasible`` / (sol_)status -1    ("infeasible", "none")
    ``... unbounded`` / (sol_)status -2     ("unbounded", "none")
    no result line, sol_status 1            ("optimal", "optimal")  (solved in preprocessing)
    anything else                           ("error", "none")
    ======================================  =================================

    "feasible or none" is "feasible" when ``sol_status == 2`` (PuLP's "integer feasible") or
    the log reports an ``Objective value``; "none" when it says ``No feasible solution found``.
    """
    log = parse_cbc_log(log_text)
    result = log.result.lower()
    has_incumbent = sol_status in (1, 2) or (
        log.objective is not None and "no feasible solution" not in log_text.lower()
    )
    incumbent = "feasible" if has_incumbent else "none"
    # PuLP's status -1 also covers "Integer infeasible" found in CBC's preprocessing (no log)
    if "infeasible" in result or sol_status == -1 or lp_status == -1:
        return "infeasible", "none"
    if "unbounded" in result or sol_status == -2 or lp_status == -2:
        return "unbounded", "none"
    if result.startswith("optimal"):
        return "optimal", "optimal"
    if result.startswith("stopped on time"):
        return "time_limit", incumbent
    if result.startswith("stopped on ctrl"):
        return "interrupted", incumbent
    if result.startswith("stopped"):
        return "node_limit", incumbent
    if not result and sol_status == 1:
        return "optimal", "optimal"
    if not result and sol_status == 2:
        return "time_limit", "feasible"
    return "error", "none"


class CbcBackend:
    """CBC via ``pulp.PULP_CBC_CMD`` (bundled with PuLP, so always available)."""

    name = "cbc"
    supports_mip = True
    supports_time_limit = True
    supports_gap = True
    supports_threads = True
    supports_warm_start = True

    def available(self) -> bool:

        try:
            return bool(self.solver(SolveOptions()).available())
        except Exception:  # pragma: no cover - a broken install
            return False

    def solver(self, options: SolveOptions, log_path: str | None = None) -> Any:
        """The configured ``pulp.PULP_CBC_CMD`` instance."""
        import pulp

        kwargs: dict[str, Any] = {"msg": options.msg}
        if options.time_limit_s is not None:
            kwargs["timeLimit"] = options.time_limit_s
        if options.gap_rel is not None:
            kwargs["gapRel"] = options.gap_rel
        if options.threads is not None:
            kwargs["threads"] = options.threads
        if options.warm_start:
            kwargs["warmStart"] = True
        if log_path is not None and not options.msg:
            kwargs["logPath"] = log_path
        with warnings.catch_warnings():
            # PuLP 3.3 deprecates PULP_CBC_CMD for 4.0; the bundled binary is what we want now.
            warnings.simplefilter("ignore", DeprecationWarning)
            return pulp.PULP_CBC_CMD(**kwargs)

    def solve(
        self,
        problem: Any,
        variables: Mapping[Hashable, Any] | None = None,
        options: SolveOptions | None = None,
    ) -> SolveResult:
        """Solve a minimisation ``problem`` with CBC.

        Examples
        --------
        >>> import pulp
        >>> p = pulp.LpProblem("t", pulp.LpMinimize)
        >>> x = p.add_variable("x", 0, 10, cat="Integer")
        >>> p += 3 * x
        >>> p += 2 * x >= 3
        >>> r = CbcBackend().solve(p, {"x": x})
        >>> r.termination, r.objective, r.values["x"]
        ('optimal', 6.0, 2.0)
        """
        import pulp

        options = options or SolveOptions()
        with tempfile.TemporaryDirectory(prefix="optfleet-cbc-") as tmp:
            log_path = os.path.join(tmp, "cbc.log")
            solver = self.solver(options, log_path)
            t0 = time.perf_counter()
            try:
                problem.solve(solver)
            except pulp.PulpSolverError as exc:
                raise SolverError(f"CBC failed: {exc}") from None
            elapsed = time.perf_counter() - t0
            log_text = ""
            if os.path.exists(log_path):
                with open(log_path, encoding="utf-8", errors="replace") as fh:
                    log_text = fh.read()
        termination, solution = cbc_status(int(problem.sol_status), log_text, int(problem.status))
        log = parse_cbc_log(log_text)
        objective = objective_value(problem) if solution != "none" else None
        best_bound = None
        if termination == "optimal" and objective is not None:
            if log.gap_exit_abs is not None:
                best_bound = objective - log.gap_exit_abs
            elif log.best_bound is not None and not log.search_completed:
                best_bound = _shift(log.best_bound, log.objective, objective)
            else:
                best_bound = objective
        elif log.best_bound is not None:
            best_bound = _shift(log.best_bound, log.objective, objective)
        if best_bound is not None and objective is not None and best_bound > objective:
            best_bound = objective  # CBC rounds its printed bound
        return SolveResult(
            backend=self.name,
            termination=termination,
            solution=solution,
            objective=objective,
            best_bound=best_bound,
            gap=relative_gap(objective, best_bound),
            solve_time_s=elapsed,
            values=collect_values(variables) if solution != "none" else {},
            detail=log.result,
        )


def _shift(bound: float, cbc_objective: float | None, objective: float | None) -> float:
    """Move CBC's printed bound by the objective constant PuLP keeps out of the MPS file."""
    if cbc_objective is None or objective is None or not math.isfinite(bound):
        return bound
    return bound + (objective - cbc_objective)
