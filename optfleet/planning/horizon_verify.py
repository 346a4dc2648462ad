"""Verification of a plan over time, period by period: each period's fleet simulated at the
engine level under that period's load (interactive plus the batch work placed in it), judged
as a single-period plan is (:func:`optfleet.planning.verify.verify_plan`).

Periods with the same pools and the same load are simulated once.  A pool that fails is fed
back as the single-period planner feeds it back: its option's table is capped below the load
it failed to carry at every count up to the one that failed, and scaled down a little (every
period then sees the corrected table).
"""

from __future__ import annotations

import math
from typing import Any

from optfleet.formulation import PlanningProblem
from optfleet.formulation.records import Layout, Role
from optfleet.formulation.solution import solution_from_counts
from optfleet.planning.assemble import plan_from_solution
from optfleet.planning.verify import verify_plan

__all__ = ["verify_periods"]


def _period_plan(base: Any, tables: Any, best: Any, t: int, rate: float) -> Any:
    """The single-period plan of period ``t``: its counts, its roles scaled to its load."""
    hp = best.hp
    lay = hp.layout
    scale = rate / hp.peak_rate_per_s
    scaled = Layout(lay.name, tuple(Role(r.name, r.rate_per_s * scale, r.min_replicas)
                                    for r in lay.roles), *_layout_rest(lay))
    problem = PlanningProblem(layouts=(scaled,), options=hp.options)
    counts = {(role, gpu): k for (tt, role, gpu), k in best.schedule["replicas"].items()
              if tt == t}
    sol = solution_from_counts(problem, lay.name, counts)
    scenario = base.model_copy(update={"rate_per_s": rate})
    plan = plan_from_solution(scenario, tables, sol, best.result)
    return scenario, plan.model_copy(update={"rate_per_s": rate}), counts


def _layout_rest(lay: Layout) -> tuple[Any, ...]:
    """The Layout fields after ``name`` and ``roles`` (threshold, gamma, ...), as given."""
    from dataclasses import fields

    return tuple(getattr(lay, f.name) for f in fields(lay)[2:])


def verify_periods(base: Any, tables: Any, problem: Any, best: Any, sim_requests: int | None,
                   replications: int) -> tuple[dict[int, tuple[bool, float | None, str]],
                                               dict[tuple[str, str, int], float]]:
    """Simulate every period with demand; the verdicts ``{t: (ok, worst P99 TTFT, detail)}``
    and the failing pools ``{(role, gpu, replicas): least load they failed to carry}``."""
    verdicts: dict[int, tuple[bool, float | None, str]] = {}
    failing: dict[tuple[str, str, int], float] = {}
    seen: dict[Any, Any] = {}
    for t, period in enumerate(best.hp.periods):
        beta = sum(v for (_, tt), v in best.schedule["batch_per_s"].items() if tt == t)
        rate = period.rate_per_s + beta
        if rate <= 0:
            verdicts[t] = (True, None, "no demand")
            continue
        scenario, plan, counts = _period_plan(base, tables, best, t, rate)
        key = (round(rate, 9), tuple(sorted(counts.items())))
        if key not in seen:
            seen[key] = verify_plan(scenario, tables, plan, level="engine",
                                    n_requests=sim_requests, replications=replications)
        v = seen[key]
        p99 = [pp.simulated_p99_ttft_s.value for pp in v.plan.pools
               if pp.simulated_p99_ttft_s is not None]
        verdicts[t] = (v.accepted, max(p99) if p99 else None, v.detail)
        for role, gpu, k, carried in v.failing:
            key = (role, gpu, int(k))
            failing[key] = min(failing.get(key, math.inf), float(carried))
    return verdicts, failing
