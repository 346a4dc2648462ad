"""A solved plan in domain terms: its pools, costs and the user constraints it binds.

:func:`solution_from_counts` turns a layout and its replica counts into a
:class:`FleetSolution` by plain arithmetic (:meth:`~optfleet.formulation.PlanningProblem.evaluate`
re-checks the plan); :class:`~optfleet.formulation.FleetModel` uses it to read a solve back.

Examples
--------
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
>>> p = PlanningProblem((Layout("one", (Role("all", 10.0),)),),
...                     (CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0),))
>>> sol = solution_from_counts(p, "one", {("all", "H100"): 3})
>>> sol.cost_usd_per_hour, sol.gpus, sol.key
(12.0, 3, ('one', (('all', 'H100', 3),)))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import PlanKey, plan_key


@dataclass(frozen=True)
class PoolAssignment:
    """One (role, GPU type) pool of a solution."""

    role: str
    gpu: str
    replicas: int
    gpus: int
    share: float
    rate_per_s: float
    capacity_per_s: float
    price_usd_per_replica_hour: float
    cost_usd_per_hour: float
    power_w: float

    @property
    def utilisation(self) -> float:
        return self.rate_per_s / self.capacity_per_s if self.capacity_per_s > 0 else 0.0


@dataclass(frozen=True)
class FleetSolution:
    """A plan read back from a solve, in domain terms (costs recomputed by arithmetic).

    ``share`` of a pool is capacity-proportional, ``Lambda_j(n_j) / sum_i Lambda_i(n_i)``: every
    type of a role then runs at the same fraction of its SLO capacity, and ``share * rate <=
    Lambda_j(n_j)`` holds because the capacities sum to at least the rate.
    """

    layout: str
    layout_label: str
    threshold_tokens: int | None
    gamma: float
    pools: tuple[PoolAssignment, ...]
    cost_usd_per_hour: float
    gpus: int
    power_w: float
    objective: float | None
    feasible: bool
    violations: tuple[str, ...] = ()
    binding: tuple[str, ...] = ()

    @property
    def key(self) -> PlanKey:
        """The plan's identity (:func:`plan_key`)."""
        return plan_key(self.layout, {(p.role, p.gpu): p.replicas for p in self.pools})

    def counts(self) -> dict[tuple[str, str], int]:
        return {(p.role, p.gpu): p.replicas for p in self.pools}


def solution_from_counts(
    problem: PlanningProblem,
    layout: str,
    counts: Mapping[tuple[str, str], int],
    objective: float | None = None,
) -> FleetSolution:
    """Build a :class:`FleetSolution` from a layout and counts (pure arithmetic)."""
    opts = problem.options_by_key
    lay = problem.layout(layout)
    ev = problem.evaluate(layout, counts)
    pools = []
    for role in lay.roles:
        used = [(g, n) for (r, g), n in counts.items() if r == role.name and n > 0]
        caps = {g: opts[(layout, role.name, g)].capacity(n) for g, n in used}
        total = sum(caps.values())
        for g, n in sorted(used):
            o = opts[(layout, role.name, g)]
            share = caps[g] / total if total > 0 else 1.0 / len(used)
            pools.append(PoolAssignment(
                role=role.name, gpu=g, replicas=n, gpus=n * o.gpus_per_replica,
                share=share, rate_per_s=share * role.rate_per_s, capacity_per_s=caps[g],
                price_usd_per_replica_hour=o.price_usd_per_replica_hour,
                cost_usd_per_hour=n * o.price_usd_per_replica_hour,
                power_w=n * o.replica_power_w,
            ))
    return FleetSolution(
        layout=layout, layout_label=lay.label, threshold_tokens=lay.threshold_tokens,
        gamma=lay.gamma, pools=tuple(pools), cost_usd_per_hour=ev.cost_usd_per_hour,
        gpus=ev.gpus, power_w=ev.power_w, objective=objective, feasible=ev.feasible,
        violations=ev.violations, binding=binding_constraints(problem, layout, counts, ev),
    )


def binding_constraints(
    problem: PlanningProblem, layout: str, counts: Mapping[tuple[str, str], int], ev: Any
) -> tuple[str, ...]:
    """User constraints at their limit: no further replica of any (eligible) type would fit."""
    p = problem
    opts = p.options_by_key  # the options keyed by (layout, role, gpu)
    out = []
    used: dict[str, int] = {}
    for (r, g), n in counts.items():
        used[g] = used.get(g, 0) + n * opts[(layout, r, g)].gpus_per_replica
    for g, cap in sorted(p.max_gpus.items()):
        per = [o.gpus_per_replica for o in p.options if o.gpu == g and o.layout == layout]
        if per and cap - used.get(g, 0) < min(per):
            out.append(f"max_gpus[{g}]")
    lay_opts = [o for o in p.options if o.layout == layout]
    if p.budget_usd_per_hour is not None and lay_opts:
        cheapest = min(o.price_usd_per_replica_hour for o in lay_opts)
        if p.budget_usd_per_hour - ev.cost_usd_per_hour < cheapest:
            out.append("budget")
    if p.power_budget_w is not None and lay_opts:
        least = min(o.replica_power_w for o in lay_opts)
        if p.power_budget_w - ev.power_w < least:
            out.append("power")
    for r in p.layout(layout).roles:
        m = p.role_min_replicas(layout, r.name)
        if m > 0 and sum(n for (rr, _), n in counts.items() if rr == r.name) == m:
            out.append(f"min_replicas[{r.name}]")
    return tuple(out)
