"""What if the traffic grows? Optimal plans over a range of rates (``optfleet whatif``).

For each rate, the optimal plan over the scenario's GPU menu and, for comparison, the optimal
plan on each GPU type alone.  Each plan also says when it runs out of headroom: the largest total
rate ``X`` at which every pool, keeping its traffic share, stays within its capacity
``Lambda_pool(n)`` (the largest rate ``n`` replicas serve within the SLO):
``X = min over pools of Lambda_pool(n) / share`` - "add capacity before lam = X".

The fast path (``verify=False``) tabulates the capacity tables once, at the largest rate (a
table ``Lambda[k]`` does not depend on the rate; only its length does), and solves the integer
program per rate and GPU menu.  ``verify=True`` runs :func:`optfleet.planning.plan` with
simulation for each rate of the full menu (slow); the per-GPU comparison stays analytic.

Examples
--------
>>> from optfleet.analysis.whatif import whatif
>>> from optfleet.scenario import Scenario
>>> r = whatif(Scenario(gpus=("H100-SXM",)), [50, 100])
>>> [p.gpus for p in r.plans]
[5, 10]
>>> all(p.headroom_rate_per_s >= p.rate_per_s for p in r.plans)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from optfleet.analysis.plotting import pyplot, steps_path
from optfleet.errors import InfeasibleError, InputError
from optfleet.scenario import HOURS_PER_YEAR, Scenario
from optfleet.scenario.limits import check

__all__ = [
    "WhatIfPlan",
    "WhatIfPool",
    "WhatIfResult",
    "cost_steps",
    "headroom_rate",
    "plot_whatif",
    "whatif",
    "whatif_figure",
]


@dataclass(frozen=True)
class WhatIfPool:
    """One pool of a plan with its capacity and the total rate at which it saturates."""

    role: str
    gpu: str
    replicas: int
    gpus: int
    share: float
    rate_per_s: float
    capacity_per_s: float
    headroom_rate_per_s: float

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        d = asdict(self)
        if not math.isfinite(d["headroom_rate_per_s"]):
            d["headroom_rate_per_s"] = None
        return d


@dataclass(frozen=True)
class WhatIfPlan:
    """The optimal plan at one rate for one GPU menu (``feasible=False``: none, see reason)."""

    rate_per_s: float
    menu: tuple[str, ...]
    feasible: bool
    reason: str | None = None
    layout: str | None = None
    threshold_tokens: int | None = None
    gamma: float = 1.0
    pools: tuple[WhatIfPool, ...] = ()
    cost_usd_per_hour: float | None = None
    verified: bool = False

    @property
    def gpus(self) -> int | None:
        return sum(p.gpus for p in self.pools) if self.feasible else None

    @property
    def cost_usd_per_year(self) -> float | None:
        c = self.cost_usd_per_hour
        return None if c is None else c * HOURS_PER_YEAR

    @property
    def headroom_rate_per_s(self) -> float | None:
        """Add capacity before the total rate reaches this (None when infeasible)."""
        if not self.feasible:
            return None
        return min((p.headroom_rate_per_s for p in self.pools), default=math.inf)

    def to_dict(self) -> dict[str, Any]:
        h = self.headroom_rate_per_s
        return {
            "rate_per_s": self.rate_per_s,
            "menu": list(self.menu),
            "feasible": self.feasible,
            "reason": self.reason,
            "layout": self.layout,
            "threshold_tokens": self.threshold_tokens,
            "gamma": self.gamma,
            "gpus": self.gpus,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "cost_usd_per_year": self.cost_usd_per_year,
            "headroom_rate_per_s": None if h is None or not math.isfinite(h) else h,
            "verified": self.verified,
            "pools": [p.to_dict() for p in self.pools],
        }


@dataclass(frozen=True)
class WhatIfResult:
    """Plans per rate (``plans``, full menu) and per GPU type alone (``by_gpu``)."""

    scenario_name: str
    preset: str
    rates_per_s: tuple[float, ...]
    gpus: tuple[str, ...]
    plans: tuple[WhatIfPlan, ...]
    by_gpu: tuple[WhatIfPlan, ...]

    def gpu_plan(self, gpu: str, rate_per_s: float) -> WhatIfPlan:
        for p in self.by_gpu:
            if p.menu == (gpu,) and p.rate_per_s == rate_per_s:
                return p
        raise InputError(f"no plan for GPU {gpu!r} at rate {rate_per_s:g}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario_name": self.scenario_name,
            "preset": self.preset,
            "rates_per_s": list(self.rates_per_s),
            "gpus": list(self.gpus),
            "plans": [p.to_dict() for p in self.plans],
            "by_gpu": [p.to_dict() for p in self.by_gpu],
        }


def _check_rates(rates: Sequence[float]) -> tuple[float, ...]:
    if isinstance(rates, str | bytes) or not hasattr(rates, "__iter__"):
        raise InputError(f"rates must be a sequence of rates, got {rates!r}")
    out = [check("rate_per_s", "rates", r) for r in rates]
    if not out:
        raise InputError("give at least one rate")
    return tuple(sorted(set(out)))


def _pools_from(
    plan: Any, capacity: dict[tuple[str, str], float], rate_per_s: float
) -> tuple[WhatIfPool, ...]:
    """The pools of ``plan`` (planned for the total ``rate_per_s``) with their headroom.

    A pool's share is its rate over ``rate_per_s`` - the total this plan was made for, not the
    rate its tables were built at (the whatif fast path builds them once, at the largest rate).
    """
    out = []
    for pp in plan.pools:
        cap = float(capacity[(pp.role, pp.gpu)])
        share = float(pp.rate_per_s) / rate_per_s
        h = cap / share if share > 0 else math.inf
        out.append(
            WhatIfPool(pp.role, pp.gpu, pp.replicas, pp.gpus, share, pp.rate_per_s, cap, h)
        )
    return tuple(out)


def headroom_rate(scenario: Scenario, plan: Any) -> tuple[WhatIfPool, ...]:
    """Capacity ``Lambda(n)`` and saturation rate of each pool of ``plan`` (a Plan).

    Recomputes each pool's capacity by the preset's replica model
    (:func:`optfleet.planning.sizing.pool_capacity`, uncalibrated).

    Examples
    --------
    >>> from optfleet.planning import plan
    >>> s = Scenario(gpus=("H100-SXM",), rate_per_s=50)
    >>> pools = headroom_rate(s, plan(s, verify=False))
    >>> min(p.headroom_rate_per_s for p in pools) >= 50
    True
    """
    from optfleet.planning import PoolContext
    from optfleet.planning.sizing import pool_capacity

    ctx = PoolContext.from_scenario(scenario)
    demands = {
        d.role: d
        for d in ctx.demands(plan.threshold_tokens, plan.gamma)
    }
    cap = {}
    for pp in plan.pools:
        cap[(pp.role, pp.gpu)] = pool_capacity(ctx.profile(pp.gpu), demands[pp.role],
                                               scenario.slo, ctx.preset, pp.replicas)
    return _pools_from(plan, cap, float(plan.rate_per_s))


def _restrict(tables: Any, factor: float, menu: tuple[str, ...]) -> Any:
    """The planning tables scaled to ``factor`` x the tabulated rate, options of ``menu`` only."""
    from optfleet.planning import PlanningTables

    options = {k: v for k, v in tables.options.items() if k[2] in menu}
    layouts = []
    for lay in tables.layouts:
        if all(any((lay.name, r.name, g) in options for g in menu) for r in lay.roles):
            roles = tuple(replace(r, rate_per_s=r.rate_per_s * factor) for r in lay.roles)
            layouts.append(replace(lay, roles=roles))
    names = {lay.name for lay in layouts}
    options = {k: v for k, v in options.items() if k[0] in names}
    return PlanningTables(tables.ctx, layouts, options, list(tables.excluded))


def _solve(scenario: Scenario, tables: Any, menu: tuple[str, ...], backend: str) -> WhatIfPlan:
    from optfleet.backends import SolveOptions, get_backend
    from optfleet.formulation import build_model, enumerate_plans, explain_infeasible
    from optfleet.planning import build_problem, plan_from_solution

    rate = float(scenario.rate_per_s)
    if not tables.layouts:
        return WhatIfPlan(rate, menu, False, reason="no layout can be served on " + ", ".join(menu))
    problem = build_problem(scenario, tables)
    solver = get_backend(backend)
    opts = SolveOptions()
    ranked = enumerate_plans(
        build_model(problem), 1, lambda m: solver.solve(m.lp, m.variables, opts)
    )
    if not ranked:
        reasons = explain_infeasible(problem) or ("the constraints leave no feasible plan",)
        return WhatIfPlan(rate, menu, False, reason="; ".join(reasons))
    p = plan_from_solution(scenario, tables, ranked[0].solution, ranked[0].result)
    cap = {
        (pp.role, pp.gpu): float(tables.options[(ranked[0].solution.layout, pp.role, pp.gpu)]
                                 .table[pp.replicas])
        for pp in p.pools
    }
    return _from_plan(rate, menu, p, _pools_from(p, cap, rate), verified=False)


def _from_plan(
    rate: float, menu: tuple[str, ...], p: Any, pools: tuple[WhatIfPool, ...], *, verified: bool
) -> WhatIfPlan:
    return WhatIfPlan(
        rate_per_s=rate,
        menu=menu,
        feasible=True,
        layout=p.layout,
        threshold_tokens=p.threshold_tokens,
        gamma=p.gamma,
        pools=pools,
        cost_usd_per_hour=float(p.cost_usd_per_hour),
        verified=verified,
    )


def whatif(
    scenario: Scenario,
    rates: Sequence[float],
    gpus: Sequence[str] | None = None,
    *,
    verify: bool = False,
    backend: str = "cbc",
) -> WhatIfResult:
    """Optimal plans at each rate, their headroom, and a per-GPU-type comparison.

    Parameters
    ----------
    scenario
        The question; its ``rate_per_s`` is replaced by each of ``rates``.
    rates
        Total arrival rates (requests/s), positive; sorted and de-duplicated.
    gpus
        GPU types for the one-type-alone comparison (default: the scenario's menu).
    verify
        Verify the full-menu plans by simulation (:func:`optfleet.planning.plan`; slow).
    backend
        Solver backend.

    Examples
    --------
    >>> r = whatif(Scenario(gpus=("H100-SXM",)), [100])
    >>> r.plans[0].gpus == r.gpu_plan("H100-SXM", 100).gpus
    True
    """
    from optfleet.planning import plan as make_plan
    from optfleet.planning import tabulate

    rs = _check_rates(rates)
    if scenario.models or scenario.disaggregation != "off":
        raise InputError(
            "whatif sweeps one model's aggregated plan; drop `models` and `disaggregation` "
            "(plan those with `optfleet plan`)"
        )
    menu_all = tuple(scenario.gpus)
    compare = tuple(gpus) if gpus else menu_all
    unknown = [g for g in compare if g not in menu_all]
    if unknown:
        scenario = scenario.model_copy(update={"gpus": menu_all + tuple(unknown)})
    top = max(rs)
    tables = tabulate(scenario.model_copy(update={"rate_per_s": top}))
    plans: list[WhatIfPlan] = []
    by_gpu: list[WhatIfPlan] = []
    for rate in rs:
        sc = scenario.model_copy(update={"rate_per_s": rate})
        if verify:
            sc_menu = sc.model_copy(update={"gpus": menu_all})
            try:
                p = make_plan(sc_menu, backend=backend, verify=True)
                plans.append(_from_plan(rate, menu_all, p, headroom_rate(sc_menu, p),
                                        verified=True))
            except InfeasibleError as exc:
                plans.append(WhatIfPlan(rate, menu_all, False, reason=str(exc)))
        else:
            plans.append(_solve(sc, _restrict(tables, rate / top, menu_all), menu_all, backend))
        for g in compare:
            by_gpu.append(_solve(sc, _restrict(tables, rate / top, (g,)), (g,), backend))
    return WhatIfResult(
        scenario_name=scenario.name,
        preset=tables.ctx.preset.name,
        rates_per_s=rs,
        gpus=compare,
        plans=tuple(plans),
        by_gpu=tuple(by_gpu),
    )


def cost_steps(plans: Sequence[WhatIfPlan]) -> list[tuple[float, float, float]]:
    """The cost of each rate as steps ``(rate_from, rate_to, cost_usd_per_hour)``.

    Each feasible plan, sized for its rate, serves every rate up to its headroom; the curve is
    the cheapest of them serving each rate (:func:`optfleet.analysis.plotting.steps_path`): flat
    between steps, stepping up where the cheaper plan runs out of headroom.

    Examples
    --------
    >>> r = whatif(Scenario(gpus=("H100-SXM",)), [50, 100])
    >>> [round(c, 2) for _, _, c in cost_steps(r.plans)]
    [20.1, 40.2]
    """
    return steps_path(
        [(p.rate_per_s, float(p.cost_usd_per_hour or 0.0), p.headroom_rate_per_s)
         for p in plans if p.feasible]
    )


def whatif_figure(result: WhatIfResult, *, mark_rate_per_s: float | None = None) -> Any:
    """The matplotlib figure of :func:`plot_whatif` (callers close it): cost against rate as
    steps (:func:`cost_steps`) for the full menu and each GPU type alone, the sized rates as
    points; ``mark_rate_per_s`` draws a vertical line at that rate."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    series = [("best mix", result.plans)] + [
        (g, [p for p in result.by_gpu if p.menu == (g,)]) for g in result.gpus
    ]
    for i, (label, ps) in enumerate(series):
        segs = cost_steps(ps)
        if not segs:
            continue
        xs: list[float] = []
        ys: list[float] = []
        for a, b, c in segs:
            xs += [a, b]
            ys += [c, c]
        ok = [p for p in ps if p.feasible]
        (line,) = ax.plot(xs, ys, lw=2.5 if i == 0 else 1.2, label=label, gid="of-steps")
        ax.plot([p.rate_per_s for p in ok], [p.cost_usd_per_hour for p in ok], ls="none",
                marker="o", ms=4, color=line.get_color())
    if mark_rate_per_s is not None:
        ax.axvline(mark_rate_per_s, color="k", ls="--", lw=0.8,
                   label=f"{mark_rate_per_s:g} req/s")
    ax.set_xlabel("arrival rate (req/s)")
    ax.set_ylabel("cost ($/h)")
    ax.set_title(f"{result.scenario_name}: cost against traffic (steps at each plan's headroom)")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig


def plot_whatif(result: WhatIfResult, path: Any) -> None:
    """Write the figure of :func:`whatif_figure` (PNG or SVG, by the file's suffix)."""
    plt = pyplot()
    fig = whatif_figure(result)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
