"""Planning over time: the loop of :func:`plan_horizon` (check -> tabulate -> build and solve
the time-indexed program per layout -> verify every period by simulation, feeding failures back
-> replay the horizon -> write the schedule back).

The capacity tables are the single-period planner's, tabulated once at a rate above every
period's (the interactive peak plus twice the batch work's mean rate), so every period's load
lies inside them.  The program (:mod:`optfleet.formulation.horizon`) chooses, per period, the
replicas of every pool and GPU type, the batch work placed in it, and the GPUs bought in each
tier; the reserved count is one number for the whole horizon.

Examples
--------
>>> import optfleet
>>> s = optfleet.Scenario(gpus=("H100-SXM",), horizon={
...     "demand": {"hourly_rates_per_s": [10.0] * 12 + [40.0] * 12},
...     "tiers": {"H100-SXM": {"reserved_usd_per_gpu_hour": 2.5}}})
>>> hp = plan_horizon(s, verify=False)
>>> hp.reserved_gpus["H100-SXM"] > 0 and hp.saving_usd > 0
True
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from optfleet.errors import InfeasibleError, InputError
from optfleet.formulation.horizon import (
    BatchWork,
    HorizonProblem,
    Period,
    TierPrices,
    build_horizon_model,
    read_schedule,
)
from optfleet.planning.horizon_results import HorizonPlan, PeakSizing
from optfleet.planning.horizon_writeback import write_back
from optfleet.scenario import Scenario

__all__ = ["plan_horizon"]

Progress = Callable[[str], None]

#: Relative gap of the horizon solves: the plan's cost is within 0.5 % of the optimum (the
#: solver's bound is reported); once simulation has corrected the tables, proving the last
#: 0.1 % took HiGHS over 20 s on the bundled example, 0.5 % well under a second.
HORIZON_GAP = 5e-3
#: Wall-clock limit of one horizon solve, s (the plan reports the gap when it binds).
HORIZON_TIME_LIMIT_S = 20.0
#: Requests per replication of each period's verification (3 replications): 30 000 requests
#: put about 300 in a P99's tail; periods with the same pools and load share one simulation.
HORIZON_SIM_REQUESTS = 10_000
#: Each verification round scales a failing option's table by this besides capping it below
#: the load it failed to carry (as the single-period planner's feedback does).
TIGHTEN_EACH_ROUND = 0.9
#: A pool that misses the SLO carrying less than this share of its table's capacity is not
#: corrected but left out of the layout (e.g. a long-prompt pool whose prefill tail alone
#: breaks the TTFT quantile on that GPU type): capping it again and again would creep down.
#: The same holds for an option that fails again after a correction (:data:`STRIKES`).  A
#: pool's last option is never left out, only corrected.
DROP_BELOW = 0.5
#: An option that fails in this many verification rounds (corrected in between) is left out.
STRIKES = 2
#: Whole-horizon replays: a period pool that misses the SLO in the replay (spot interruptions,
#: capacity changing at a boundary) gets one more replica, and the horizon is replayed again.
REPLAY_ROUNDS = 3


@dataclass
class _Solved:
    hp: HorizonProblem
    result: Any
    schedule: dict[str, Any]


def horizon_backend() -> str:
    """The default solver of the time-indexed program: HiGHS when installed, else CBC.

    The program has one block per period coupled by the reserved counts and the batch work;
    on the bundled diurnal example (24 periods, 3 GPU types, 3 tiers) HiGHS proves the optimum
    in about a second, CBC stops at its 20 s limit about 7 % from it.
    """
    from optfleet.backends import get_backend
    from optfleet.errors import SolverError

    try:
        get_backend("highs")
    except SolverError:  # not installed: CBC, with its time limit and the gap reported
        return "cbc"
    return "highs"


def _periods(scenario: Scenario) -> tuple[Period, ...]:
    from optfleet.workloads.profile import demand_periods

    assert scenario.horizon is not None
    return tuple(Period(p.name or f"p{i}", p.duration_s, p.rate_per_s)
                 for i, p in enumerate(demand_periods(scenario.horizon.demand)))


def _batch(scenario: Scenario, periods: tuple[Period, ...]) -> tuple[BatchWork, ...]:
    """Each batch class on the periods that lie wholly inside its window."""
    assert scenario.horizon is not None
    starts = [sum(p.duration_s for p in periods[:i]) for i in range(len(periods))]
    out = []
    for b in scenario.horizon.batch:
        inside = tuple(i for i, (s, p) in enumerate(zip(starts, periods, strict=True))
                       if s >= b.release_s - 1e-9 and s + p.duration_s <= b.deadline_s + 1e-9)
        if not inside:
            raise InputError(f"batch {b.name!r}: no whole period lies between release_s "
                             f"{b.release_s:g} and deadline_s {b.deadline_s:g}")
        out.append(BatchWork(b.name, b.requests, inside))
    return tuple(out)


def _prices(scenario: Scenario, problem: Any) -> dict[str, TierPrices]:
    """Per GPU type: the scenario's tiers, on-demand at the catalog (or scenario) price by
    default."""
    assert scenario.horizon is not None
    per_gpu: dict[str, float] = {}
    for o in problem.options:
        per_gpu.setdefault(o.gpu, o.price_usd_per_replica_hour / o.gpus_per_replica)
    out = {}
    for g, base in per_gpu.items():
        t = scenario.horizon.tiers.get(g)
        if t is None:
            out[g] = TierPrices(on_demand=base)
            continue
        od = t.on_demand_usd_per_gpu_hour if t.on_demand_usd_per_gpu_hour is not None else base
        out[g] = TierPrices(reserved=t.reserved_usd_per_gpu_hour, on_demand=od,
                            spot=t.spot_usd_per_gpu_hour, max_reserved=t.max_reserved_gpus,
                            max_on_demand=t.max_on_demand_gpus, max_spot=t.max_spot_gpus,
                            start_usd=t.start_usd_per_gpu)
    return out


def _solve(hp: HorizonProblem, solver: Any, opts: Any) -> _Solved | None:
    m = build_horizon_model(hp)
    r = solver.solve(m.lp, m.variables, opts)
    if not r.has_solution:
        return None
    return _Solved(hp, r, read_schedule(hp, r.values))


def _best_layout(problem: Any, layouts: list[str], tab_rate: float,
                 periods: tuple[Period, ...], prices: dict[str, TierPrices],
                 batch: tuple[BatchWork, ...], solver: Any, opts: Any,
                 fed: dict[str, dict[tuple[int, str], int]]) -> _Solved:
    """The cheapest horizon plan over ``layouts`` (each solved on its own)."""
    best: _Solved | None = None
    for lay in problem.layouts:
        if lay.name not in layouts:
            continue
        options = tuple(o for o in problem.options if o.layout == lay.name)
        hp = HorizonProblem(lay, options, tab_rate, periods, prices, batch,
                            min_replicas_per_pool=problem.min_replicas_per_pool,
                            min_replicas_at=fed.get(lay.name, {}), max_gpus=dict(problem.max_gpus))
        got = _solve(hp, solver, opts)
        if got is not None and (best is None or got.result.objective < best.result.objective):
            best = got
    if best is None:
        raise InfeasibleError("no layout serves every period within the tiers' caps")
    return best


@dataclass
class _Loop:
    """The verification state of one :func:`plan_horizon` call: what it simulates with, the
    problem as simulation corrected it, and the replica minima the replay fed back."""

    base: Scenario
    tables: Any
    problem: Any
    tab_rate: float
    periods: tuple[Period, ...]
    prices: dict[str, TierPrices]
    batch: tuple[BatchWork, ...]
    solver: Any
    opts: Any
    fed: dict[str, dict[tuple[int, str], int]]
    sim_requests: int | None
    replications: int
    progress: Progress | None
    dropped: list[str] = field(default_factory=list)
    strikes: dict[tuple[str, str], int] = field(default_factory=dict)

    def resolve(self, best: _Solved) -> _Solved:
        lay = best.hp.layout.name
        options = tuple(o for o in self.problem.options if o.layout == lay)
        again = _solve(HorizonProblem(best.hp.layout, options, self.tab_rate, self.periods,
                                      self.prices, self.batch, best.hp.min_replicas_per_pool,
                                      dict(self.fed.get(lay, {})), dict(best.hp.max_gpus)),
                       self.solver, self.opts)
        if again is None:
            raise InfeasibleError("once corrected by simulation, no plan serves every period "
                                  "within the tiers' caps")
        return again

    def tighten(self, best: _Solved, failing: dict[tuple[str, str, int], float]) -> _Solved:
        """Cap each failing option's table below the load it failed to carry (at every count up
        to the failing one), scale it by :data:`TIGHTEN_EACH_ROUND`, re-solve the layout."""
        import numpy as np

        lay = best.hp.layout.name
        caps: dict[tuple[str, str], list[tuple[int, float]]] = {}
        for (role, gpu, k), carried in failing.items():
            caps.setdefault((role, gpu), []).append((k, carried))
        tables = {}
        for (role, gpu), items in caps.items():
            opt = self.problem.option(lay, role, gpu)
            table = np.array(opt.capacity_per_s, dtype=float) * TIGHTEN_EACH_ROUND
            self.strikes[(role, gpu)] = self.strikes.get((role, gpu), 0) + 1
            others = [o for o in self.problem.options if o.layout == lay and o.role == role
                      and o.gpu != gpu and o.capacity(o.max_replicas + 1) > 0]
            if others and (self.strikes[(role, gpu)] >= STRIKES or any(
                    c < DROP_BELOW * opt.capacity(k) for k, c in items)):
                table[:] = 0.0  # corrected and failing again: the analytics err in kind
                self.dropped.append(f"{role}/{gpu}")
            for k, carried in items:
                upto = min(k, len(table) - 1)
                table[: upto + 1] = np.minimum(table[: upto + 1], carried * (1 - 1e-6))
            tables[(lay, role, gpu)] = np.maximum.accumulate(table)
        self.problem = self.problem.with_tables(
            tables, reason="a period's simulation missed the SLO (planning over time)")
        return self.resolve(best)

    def verify_rounds(self, best: _Solved, rounds: int, notes: list[str]) -> tuple[Any, _Solved]:
        """Simulate every period; feed failing pools back until all pass (or ``rounds``)."""
        from optfleet.planning.horizon_verify import verify_periods

        for rnd in range(1, rounds + 1):
            verdicts, failing = verify_periods(self.base, self.tables, self.problem, best,
                                               self.sim_requests, self.replications)
            if self.progress:
                self.progress(f"verification round {rnd}: {len(failing)} pool option(s) "
                              "failed a period's simulation"
                              + "".join(f"; {r}/{g} x{k} at {c:.3g} req/s"
                                        for (r, g, k), c in sorted(failing.items())))
            if not failing:
                return verdicts, best
            best = self.tighten(best, failing)
        notes.append(f"verification stopped after {rounds} rounds with failing periods")
        verdicts, _ = verify_periods(self.base, self.tables, self.problem, best,
                                     self.sim_requests, self.replications)
        return verdicts, best

    def replay_rounds(self, scenario: Scenario, best: _Solved, verdicts: Any, rounds: int,
                      notes: list[str], peak: PeakSizing) -> tuple[_Solved, Any, Any]:
        """Replay the horizon; a period pool that misses the SLO gets one more replica, then
        every period is verified again, up to :data:`REPLAY_ROUNDS` replays."""
        from optfleet.planning.horizon_replay import replay_horizon

        replayed = None
        for rnd in range(1, REPLAY_ROUNDS + 1):
            plan = write_back(scenario, self.tables, best, self.periods, self.batch,
                               verdicts[0], [], peak)
            replayed = replay_horizon(scenario, self.tables, plan)
            if not replayed["failing"] or rnd == REPLAY_ROUNDS:
                break
            if self.progress:
                self.progress(f"replay {rnd}: {len(replayed['failing'])} period pool(s) missed "
                              "the SLO; one more replica each")
            lay = best.hp.layout.name
            mine = self.fed.setdefault(lay, {})
            for t, role in replayed["failing"]:
                have = sum(k for (tt, r, _), k in best.schedule["replicas"].items()
                           if tt == t and r == role)
                mine[(t, role)] = max(mine.get((t, role), 0), have + 1)
            best = self.resolve(best)
            verdicts = self.verify_rounds(best, rounds, notes)
            best = verdicts[1]
        return best, verdicts, replayed


def _screen(problem: Any, solver: Any, opts: Any, n_layouts: int) -> list[str]:
    """The layouts the horizon program is solved for: those of the cheapest single-period plans
    at the tables' rate (distinct, at most ``n_layouts``), and the one-pool layout.

    The single-period ranking is made at the busiest load; a split that wins at the peak can
    lose over a day whose hours are mostly lighter (on the bundled example the one pool costs
    13 % less over the day than the split the peak prefers), and the one-pool program is the
    quickest to solve.
    """
    from optfleet.planning.solve import ranked_candidates

    out: list[str] = []
    for c in ranked_candidates(problem, solver, opts, 2 * n_layouts):
        if c.solution.layout not in out:
            out.append(c.solution.layout)
        if len(out) == n_layouts:
            break
    one = [lay.name for lay in problem.layouts if len(lay.roles) == 1 and lay.name not in out]
    return out + one[:1]


def _calibrate(base: Scenario, tables: Any, problem: Any, best: _Solved,
               progress: Progress | None) -> tuple[Any, int]:
    """Calibrate (small-pool engine simulation) the options the plan's busiest period uses."""
    from optfleet.planning.calibrate import calibrate_plan_options

    sched = best.schedule["replicas"]
    busiest = max(range(len(best.hp.periods)),
                  key=lambda t: sum(k for (tt, _, _), k in sched.items() if tt == t))
    counts = {(role, gpu): k for (t, role, gpu), k in sched.items() if t == busiest}
    return calibrate_plan_options(base, tables, problem, best.hp.layout.name, counts, progress)


# long: the loop reads top to bottom (tabulate, solve, calibrate, verify, replay, write back)
def plan_horizon(
    scenario: Scenario,
    *,
    backend: str | None = None,
    verify: bool = True,
    sim_requests: int | None = None,
    replications: int = 3,
    max_rounds: int = 4,
    n_layouts: int = 1,
    replay: bool = True,
    progress: Progress | None = None,
) -> HorizonPlan:
    """Plan ``scenario`` over its ``horizon``: what to reserve, and what to rent when.

    Parameters
    ----------
    scenario
        A scenario with ``horizon`` (:class:`~optfleet.scenario.horizon.Horizon`).
    backend
        Solver backend (None: :func:`horizon_backend`).
    sim_requests, replications
        Each period's verification (default :data:`HORIZON_SIM_REQUESTS` requests, 3
        replications).
    verify
        Simulate every period at its planned load and capacity (engine level) and feed a
        failing pool back (one more replica in that period) until all pass or ``max_rounds``.
    replay
        After verification, replay the whole horizon in one simulation
        (:func:`optfleet.planning.horizon_replay.replay_horizon`): capacity changing at the
        period boundaries, batch work checked against its deadline.

    Raises
    ------
    InputError
        No horizon, or batch work whose window holds no whole period.
    InfeasibleError
        No layout serves every period within the caps.
    """
    from optfleet.backends import SolveOptions, get_backend
    from optfleet.planning.build import build_problem
    from optfleet.planning.tabulate import tabulate

    if scenario.horizon is None:
        raise InputError("the scenario has no horizon: use optfleet.plan")
    if scenario.models:
        raise InputError("planning over time takes one model (no models: list)")
    if scenario.disaggregation != "off":
        raise InputError("planning over time plans aggregated layouts: set disaggregation: off")
    cons = scenario.constraints
    if cons.budget_usd_per_hour is not None or cons.power_budget_w is not None:
        raise InputError("planning over time applies constraints.max_gpus (per period), not a "
                         "budget or power cap: drop budget_usd_per_hour / power_budget_w")
    t0 = time.perf_counter()
    periods = _periods(scenario)
    batch = _batch(scenario, periods)
    window = {b.name: sum(periods[t].duration_s for t in b.periods) for b in batch}
    peak = max(p.rate_per_s for p in periods)
    tab_rate = peak + 2.0 * sum(b.requests / window[b.name] for b in batch)
    base = scenario.model_copy(update={"rate_per_s": tab_rate, "arrivals": None,
                                       "horizon": None})
    tables = tabulate(base, progress=progress)
    problem = build_problem(base, tables)
    notes: list[str] = []
    if verify:
        from optfleet.planning.feedback import drop_prefill_bound

        problem, dropped = drop_prefill_bound(base, tables, problem)
        if dropped:
            notes.append(f"{dropped} pool option(s) left out: their prefill time alone exceeds "
                         "the SLO for more requests than the quantile allows")
    prices = _prices(scenario, problem)
    solver = get_backend(backend if backend is not None else horizon_backend())
    opts = SolveOptions(gap_rel=HORIZON_GAP, time_limit_s=HORIZON_TIME_LIMIT_S)
    t_tab = time.perf_counter()
    fed: dict[str, dict[tuple[int, str], int]] = {}
    layouts = _screen(problem, solver, opts, n_layouts)
    best = _best_layout(problem, layouts, tab_rate, periods, prices, batch, solver, opts, fed)
    if verify and tables.ctx.preset.replica_model == "engine":
        for _ in range(2):  # calibrate the chosen layout's options; re-choose once
            problem, changed = _calibrate(base, tables, problem, best, progress)
            if not changed:
                break
            best = _best_layout(problem, layouts, tab_rate, periods, prices, batch, solver,
                                opts, fed)
    t_solve = time.perf_counter()
    sim_requests = HORIZON_SIM_REQUESTS if sim_requests is None else sim_requests
    run = _Loop(base, tables, problem, tab_rate, periods, prices, batch, solver, opts, fed,
                sim_requests, replications, progress)
    verdicts = run.verify_rounds(best, max_rounds, notes) if verify else ({}, best)
    best = verdicts[1]
    t_verify = time.perf_counter()
    peak_sizing, peak_detail = _peak(base, tables, run.problem, layouts, tab_rate, periods,
                                     prices, batch, solver, opts, verify, sim_requests,
                                     replications)
    notes.append(f"peak sizing ({sum(peak_sizing.gpus.values())} GPUs all horizon): "
                 f"{peak_detail}")
    t_peak = time.perf_counter()
    replayed = None
    if verify and replay:
        best, verdicts, replayed = run.replay_rounds(scenario, best, verdicts, max_rounds, notes,
                                                     peak_sizing)
    if run.dropped:
        notes.append("left out after failing simulation again once corrected: "
                     + ", ".join(sorted(set(run.dropped))))
    plan = write_back(scenario, tables, best, periods, batch, verdicts[0], notes, peak_sizing)
    t_end = time.perf_counter()
    return plan.model_copy(update={
        "replay": replayed,
        "verified": plan.verified and (replayed is None or bool(
            replayed["slo_met_every_period"] and replayed["batch_on_time"])),
        "timings_s": {"tabulate": t_tab - t0, "solve": t_solve - t_tab,
                      "verify": t_verify - t_solve, "peak_sizing": t_peak - t_verify,
                      "replay": t_end - t_peak,
                      "total": t_end - t0},
    })


def _peak(base: Scenario, tables: Any, problem: Any, layouts: list[str], tab_rate: float,
          periods: tuple[Period, ...], prices: dict[str, TierPrices],
          batch: tuple[BatchWork, ...], solver: Any, opts: Any, verify: bool,
          sim_requests: int | None, replications: int) -> tuple[PeakSizing, str]:
    """Peak sizing: the cheapest fleet for the busiest period's interactive rate plus the batch
    work at its mean rate, from the same (calibrated) tables, verified the same way, held for
    the whole horizon at the cheapest tier that can be held (reserved, else on-demand)."""
    hours = sum(p.duration_s for p in periods) / 3600.0
    rate = max(p.rate_per_s for p in periods) + sum(
        b.requests / sum(periods[t].duration_s for t in b.periods) for b in batch)
    one = (Period("peak", 3600.0, rate),)
    held = {g: TierPrices(on_demand=min(x for x in (t.reserved, t.on_demand, t.spot)
                                        if x is not None)) for g, t in prices.items()}
    for g, t in prices.items():
        if t.reserved is not None or t.on_demand is not None:
            held[g] = TierPrices(on_demand=min(x for x in (t.reserved, t.on_demand)
                                               if x is not None))
    fed: dict[str, dict[tuple[int, str], int]] = {}
    best = _best_layout(problem, layouts, tab_rate, one, held, (), solver, opts, fed)
    detail = "not simulated"
    if verify:
        from optfleet.planning.horizon_verify import verify_periods

        for _ in range(4):
            verdicts, failing = verify_periods(base, tables, problem, best, sim_requests,
                                               replications)
            detail = verdicts[0][2]
            if not failing:
                break
            lay = best.hp.layout.name
            mine = fed.setdefault(lay, {})
            for role, _gpu, _k in failing:
                have = sum(k for (_, r, _), k in best.schedule["replicas"].items() if r == role)
                mine[(0, role)] = max(mine.get((0, role), 0), have + 1)
            again = _solve(HorizonProblem(best.hp.layout, best.hp.options, tab_rate, one, held,
                                          (), best.hp.min_replicas_per_pool, dict(fed[lay]),
                                          dict(best.hp.max_gpus)), solver, opts)
            if again is None:
                break
            best = again
    from optfleet.planning.spares import spares_needed

    gpus: dict[str, int] = {}
    spare_cost = 0.0
    av = base.availability
    for (_, role, gpu), k in best.schedule["replicas"].items():
        o = next(o for o in best.hp.options if o.gpu == gpu and o.role == role)
        gpus[gpu] = gpus.get(gpu, 0) + k * o.gpus_per_replica
        if av is not None:
            spare = spares_needed(k, av.replica_availability, target=av.target)
            spare_cost += spare * o.gpus_per_replica * (prices[gpu].on_demand or 0.0) * hours
    cost = sum(n * (held[g].on_demand or 0.0) * hours for g, n in gpus.items())
    return PeakSizing(gpus=gpus, cost_usd=cost, gpu_hours=sum(gpus.values()) * hours,
                      cost_with_spares_usd=cost + spare_cost), detail
