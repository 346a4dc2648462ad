"""Why a planning problem has no plan: diagnosis by plain arithmetic (no solver).

:func:`unservable_roles` lists the pools no eligible option can serve at all;
:func:`explain_infeasible` adds the layouts whose cheapest (least-power) way to serve their
pools already breaks the budget (power budget), and the constraints that together leave no plan.

Examples
--------
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
>>> p = PlanningProblem((Layout("one", (Role("all", 50.0),)),),
...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
>>> [(u.role, u.max_capacity_per_s) for u in unservable_roles(p)]
[('all', 9.0)]
>>> explain_infeasible(p)[0].startswith("pool 'all' of layout 'one' needs 50 req/s")
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import CapacityOption, Layout


@dataclass(frozen=True)
class UnservableRole:
    """A pool no eligible option can serve, even using every type at its table's end."""

    layout: str
    layout_label: str
    role: str
    rate_per_s: float
    max_capacity_per_s: float

    @property
    def message(self) -> str:
        return (
            f"pool {self.role!r} of layout {self.layout_label!r} needs "
            f"{self.rate_per_s:g} req/s but its eligible GPU types serve at most "
            f"{self.max_capacity_per_s:g} req/s within the SLO"
        )


def unservable_roles(problem: PlanningProblem) -> tuple[UnservableRole, ...]:
    """Roles that can not be served at all, whatever the constraints.

    In ``"split"`` mode a role is unservable when the sum over its eligible options of
    ``Lambda[K]`` is below its rate; in ``"single"`` mode when no single option has
    ``Lambda[K] >= rate``.  An option with a positive tail serves any rate with enough
    replicas (its capacity counts as unbounded here).

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> p = PlanningProblem((Layout("one", (Role("all", 50.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
    >>> unservable_roles(p)[0].max_capacity_per_s
    9.0
    """
    out = []
    opts = problem.eligible_options()
    for lay in problem.layouts:
        for r in lay.roles:
            if r.rate_per_s <= 0:
                continue
            caps = [o.capacity_per_s[-1] if not o.tail_per_replica_per_s else math.inf
                    for o in opts if o.layout == lay.name and o.role == r.name]
            best = sum(caps) if problem.split == "split" else max(caps, default=0.0)
            if best < r.rate_per_s:
                out.append(UnservableRole(lay.name, lay.label, r.name, r.rate_per_s, best))
    return tuple(out)


def explain_infeasible(problem: PlanningProblem) -> tuple[str, ...]:
    """One-line reasons why no plan exists (best effort; empty when nothing obvious is found).

    Checks, per layout: unservable pools; and whether the cheapest / least-GPU / least-power
    way to serve every pool (each pool on its own, ignoring the other constraints) already
    breaks the budget, a GPU type's availability or the power budget.

    Examples
    --------
    >>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
    >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 4.0),),
    ...                     budget_usd_per_hour=1.0)
    >>> explain_infeasible(p)[0]
    "layout 'one': serving its pools costs at least 6.66667 USD/h > budget 1 USD/h"
    """
    bad = unservable_roles(problem)
    reasons = [u.message for u in bad]
    bad_layouts = {u.layout for u in bad}
    opts = problem.eligible_options()
    for lay in problem.layouts:
        if lay.name in bad_layouts:
            continue
        min_cost = 0.0
        min_power = 0.0
        for r in lay.roles:
            if r.rate_per_s <= 0:
                continue
            ro = [o for o in opts if o.layout == lay.name and o.role == r.name]
            costs, powers = [], []
            for o in ro:
                k = o.k_full(r.rate_per_s)
                if k is None:
                    continue
                k = max(k, problem.role_min_replicas(lay.name, r.name))
                costs.append(k * o.price_usd_per_replica_hour)
                powers.append(k * o.replica_power_w)
            if costs and problem.split == "single":
                min_cost += min(costs)
                min_power += min(powers)
        if problem.split == "single":
            if problem.budget_usd_per_hour is not None and min_cost > problem.budget_usd_per_hour:
                reasons.append(
                    f"layout {lay.label!r}: the cheapest way to serve its pools costs "
                    f"{min_cost:g} USD/h > budget {problem.budget_usd_per_hour:g} USD/h"
                )
            if problem.power_budget_w is not None and min_power > problem.power_budget_w:
                reasons.append(
                    f"layout {lay.label!r}: the least power to serve its pools is "
                    f"{min_power:g} W > power budget {problem.power_budget_w:g} W"
                )
        else:
            lb_cost, lb_power = _split_lower_bounds(problem, lay, opts)
            if problem.budget_usd_per_hour is not None and lb_cost > problem.budget_usd_per_hour:
                reasons.append(
                    f"layout {lay.label!r}: serving its pools costs at least {lb_cost:g} USD/h "
                    f"> budget {problem.budget_usd_per_hour:g} USD/h"
                )
            if problem.power_budget_w is not None and lb_power > problem.power_budget_w:
                reasons.append(
                    f"layout {lay.label!r}: serving its pools needs at least {lb_power:g} W "
                    f"> power budget {problem.power_budget_w:g} W"
                )
    if problem.max_gpus and not reasons:
        reasons.append(
            "no layout fits the GPUs available ("
            + ", ".join(f"{g}: {n}" for g, n in sorted(problem.max_gpus.items()))
            + ") together with the other constraints"
        )
    capped = problem.budget_usd_per_hour is not None or problem.power_budget_w is not None
    if not reasons and capped:
        reasons.append("the budget and power caps together exclude every plan")
    if not reasons and problem.forbidden:
        reasons.append(f"all remaining plans are forbidden ({len(problem.forbidden)} forbidden)")
    return tuple(reasons)


def _split_lower_bounds(
    problem: PlanningProblem, lay: Layout, opts: Sequence[CapacityOption]
) -> tuple[float, float]:
    """Lower bounds on cost and power of serving a layout with shared traffic.

    Each type delivers at most ``max_k Lambda[k]/k`` req/s per replica, so a role needs at least
    ``rate * min_j (price_j / best_rate_j)`` USD/h (and likewise for power).
    """
    cost = power = 0.0
    for r in lay.roles:
        if r.rate_per_s <= 0:
            continue
        ro = [o for o in opts if o.layout == lay.name and o.role == r.name]
        c_best = p_best = math.inf
        for o in ro:
            arr = np.asarray(o.capacity_per_s[1:])
            if arr.size == 0:
                continue
            per = float(np.max(arr / np.arange(1, arr.size + 1)))
            if per <= 0:
                continue
            c_best = min(c_best, o.price_usd_per_replica_hour / per)
            p_best = min(p_best, o.replica_power_w / per)
        if math.isfinite(c_best):
            cost += r.rate_per_s * c_best
            power += r.rate_per_s * p_best
    return cost, power
