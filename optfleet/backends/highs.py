"""HiGHS through PuLP's ``pulp.HiGHS`` (the highspy API; install ``optfleet[highs]``).

PuLP 3.3 offers two HiGHS interfaces: ``HiGHS`` (in-process, via ``highspy``) and
``HiGHS_CMD`` (a ``highs`` executable).  optfleet uses ``HiGHS``: after the solve PuLP leaves the
``highspy.Highs`` object on ``problem.solverModel``, so the termination comes from HiGHS's own
model status and the bound from ``info.mip_dual_bound`` - PuLP maps ``kTimeLimit`` to
"Optimal", which optfleet does not trust.  See :func:`highs_status`.

Examples
--------
>>> from optfleet.backends.highs import highs_status
>>> highs_status("kTimeLimit", has_solution=True)
('time_limit', 'feasible')
>>> highs_status("kOptimal", has_solution=True)
('optimal', 'optimal')
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from collections.abc import Hashable, Iterator, Mapping
from typing import Any

from optfleet.backends.base import (
    SolveOptions,
    SolveResult,
    collect_values,
    objective_value,
    relative_gap,
)
from optfleet.errors import SolverError

_LIMITS = {
    "kTimeLimit": "time_limit",
    "kIterationLimit": "node_limit",
    "kSolutionLimit": "node_limit",
    "kInterrupt": "interrupted",
    "kObjectiveBound": "interrupted",
    "kObjectiveTarget": "interrupted",
}


def highs_status(model_status: str, has_solution: bool) -> tuple[str, str]:
    """Map a HiGHS model status name (``HighsModelStatus.<name>``) to ``(termination, solution)``.

    ``has_solution`` is ``info.primal_solution_status == 2`` (a feasible primal solution).

    ==========================  ==========================================
    HiGHS model status          (termination, solution)
    ==========================  ==========================================
    kOptimal                    ("optimal", "optimal")
    kInfeasible                 ("infeasible", "none")
    kUnbounded                  ("unbounded", "none")
    kUnboundedOrInfeasible      ("infeasible_or_unbounded", "none")
    kTimeLimit                  ("time_limit", feasible or none)
    kIterationLimit, kSolution  ("node_limit", feasible or none)
    kInterrupt, kObjective*     ("interrupted", feasible or none)
    anything else               ("error", "none")
    ==========================  ==========================================
    """
    name = model_status.split(".")[-1]
    if name == "kOptimal":
        return "optimal", "optimal"
    if name == "kInfeasible":
        return "infeasible", "none"
    if name == "kUnbounded":
        return "unbounded", "none"
    if name == "kUnboundedOrInfeasible":
        return "infeasible_or_unbounded", "none"
    if name in _LIMITS:
        return _LIMITS[name], "feasible" if has_solution else "none"
    return "error", "none"


@contextlib.contextmanager
def _quiet_stdout(quiet: bool) -> Iterator[None]:
    """Silence file descriptor 1 while HiGHS runs: highspy prints its banner from C, whatever
    ``output_flag`` says, and it would land in a command's JSON output."""
    if not quiet:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class HighsBackend:
    """HiGHS via ``pulp.HiGHS`` (needs ``highspy``)."""

    name = "highs"
    supports_mip = True
    supports_time_limit = True
    supports_gap = True
    supports_threads = True
    supports_warm_start = False  # pulp.HiGHS rebuilds the model; no MIP start is passed

    def available(self) -> bool:
        try:
            import pulp

            return bool(pulp.HiGHS(msg=False).available())
        except Exception:
            return False

    def solver(self, options: SolveOptions) -> Any:
        """The configured ``pulp.HiGHS`` instance."""
        import pulp

        kwargs: dict[str, Any] = {"msg": options.msg}
        if options.time_limit_s is not None:
            kwargs["timeLimit"] = options.time_limit_s
        if options.gap_rel is not None:
            kwargs["gapRel"] = options.gap_rel
        if options.threads is not None:
            kwargs["threads"] = options.threads
        return pulp.HiGHS(**kwargs)

    def solve(
        self,
        problem: Any,
        variables: Mapping[Hashable, Any] | None = None,
        options: SolveOptions | None = None,
    ) -> SolveResult:
        """Solve a minimisation ``problem`` with HiGHS.

        Examples
        --------
        >>> import pulp
        >>> b = HighsBackend()
        >>> p = pulp.LpProblem("t", pulp.LpMinimize)
        >>> x = p.add_variable("x", 0, 10, cat="Integer")
        >>> p += 3 * x
        >>> p += 2 * x >= 3
        >>> r = b.solve(p, {"x": x}) if b.available() else None
        >>> r is None or (r.termination, r.objective) == ("optimal", 6.0)
        True
        """
        import pulp

        if not self.available():
            raise SolverError("HiGHS is not installed: pip install 'optfleet[highs]' (highspy)")
        options = options or SolveOptions()
        t0 = time.perf_counter()
        try:
            with _quiet_stdout(not options.msg):
                problem.solve(self.solver(options))
        except pulp.PulpSolverError as exc:
            raise SolverError(f"HiGHS failed: {exc}") from None
        elapsed = time.perf_counter() - t0
        h = problem.solverModel
        info = h.getInfo()
        status = h.getModelStatus()
        has_solution = int(getattr(info, "primal_solution_status", 0)) == 2
        termination, solution = highs_status(getattr(status, "name", str(status)), has_solution)
        objective = objective_value(problem) if solution != "none" else None
        best_bound: float | None = None
        is_mip = any(v.cat == pulp.LpInteger for v in problem.variables())
        if is_mip:
            bound = float(info.mip_dual_bound)
            if math.isfinite(bound):
                best_bound = bound + _constant(problem)
        if termination == "optimal" and objective is not None and (
            best_bound is None or not is_mip
        ):
            best_bound = objective
        if best_bound is not None and objective is not None and best_bound > objective:
            best_bound = objective
        return SolveResult(
            backend=self.name,
            termination=termination,
            solution=solution,
            objective=objective,
            best_bound=best_bound,
            gap=relative_gap(objective, best_bound),
            solve_time_s=elapsed,
            values=collect_values(variables) if solution != "none" else {},
            detail=h.modelStatusToString(status),
        )


def _constant(problem: Any) -> float:
    obj = problem.objective
    return float(obj.constant) if obj is not None else 0.0
