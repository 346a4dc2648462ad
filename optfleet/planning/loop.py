"""The planner's loop: check -> tabulate -> build -> solve -> verify -> feed back -> spares.

:func:`plan` answers one :class:`~optfleet.scenario.Scenario`:

1. **resolve and tabulate** (:mod:`~optfleet.planning.tabulate`) — preset, workload, GPU menu
   and model are resolved; every candidate layout (one pool, a split at each CDF breakpoint
   times each compress-and-route gamma, prefill/decode pairs, or combinations of several
   models' layouts) is cut into pools, and each (layout, pool, GPU type) gets its service-time
   statistics and capacity table ``Lambda[k]``;
2. **build** (:mod:`~optfleet.planning.build`) — one integer program over every layout, GPU
   type, replica count and traffic share (:mod:`optfleet.formulation`);
3. **solve** (:mod:`~optfleet.planning.solve`) — the top-K distinct plans by no-good cuts,
   through a backend (:mod:`optfleet.backends`);
4. **verify** (:mod:`~optfleet.planning.verify`) — each candidate, cheapest first, is simulated
   (:mod:`optfleet.sim`); a plan whose simulated SLO quantile misses the SLO in some pool is
   never reported;
5. **feed back** (:mod:`~optfleet.planning.feedback`) — a failing pool is probed or its table
   tightened and the program re-solved, up to ``max_iterations`` rounds; every round is recorded
   in the plan;
6. **spares and write back** (:mod:`~optfleet.planning.assemble`) — spares per pool and an
   immutable :class:`~optfleet.planning.results.Plan`.

Examples
--------
>>> import optfleet
>>> p = optfleet.plan(optfleet.Scenario(rate_per_s=20), verify=False)
>>> p.solver.termination, p.cost_usd_per_hour > 0
('optimal', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optfleet.errors import InfeasibleError, InputError
from optfleet.planning.assemble import exclusion_notes, finish_plan, plan_from_solution
from optfleet.planning.build import build_problem
from optfleet.planning.calibrate import calibrate_plan_options
from optfleet.planning.feedback import drop_prefill_bound, feed_back, probe_failing
from optfleet.planning.record import (
    MAX_ALTERNATIVES,
    CandidateLog,
    PlanOptions,
    build_provenance,
    pool_slos,
)
from optfleet.planning.results import Plan, VerificationStep
from optfleet.planning.simulate import quantile_field
from optfleet.planning.solve import more_candidates, one_pool_cost, ranked_candidates
from optfleet.planning.tables import PlanningTables, Progress
from optfleet.planning.tabulate import tabulate
from optfleet.planning.verify import verify_plan
from optfleet.scenario import Scenario, validate_model
from optfleet.scenario.limits import check


def plan(
    scenario: Scenario | None = None,
    *,
    backend: str = "cbc",
    top_k: int = 3,
    verify: bool = True,
    level: str = "engine",
    sim_requests: int | None = None,
    replications: int = 5,
    max_iterations: int = 6,
    time_limit_s: float | None = None,
    gap: float | None = None,
    progress: Progress | None = None,
    probe: bool = True,
    calibrate: bool | None = None,
    alternatives: int = 0,
) -> Plan:
    """Plan the cheapest fleet for ``scenario`` (the built-in default when None).

    Parameters
    ----------
    scenario
        The question; ``Scenario()`` is the built-in default (azure, 100 req/s, P99 TTFT
        500 ms, A10G/A100/H100).
    backend
        Solver backend (``optfleet backends`` lists the installed ones).
    top_k
        How many distinct plans to verify per solve, cheapest first.
    verify, level, sim_requests, replications
        Simulation of the candidates (``level`` ``"engine"`` or ``"slot"``); ``verify=False``
        skips it (the plan says so).
    max_iterations
        Cap on verification rounds (solve -> simulate -> feed back).
    probe
        When a pool fails simulation, find by simulation (growing step, then bisection) how many
        replicas it needs for the load it was given, and feed that count back (single-model
        plans of at most :data:`~optfleet.planning.feedback.PROBE_MAX_REPLICAS` replicas);
        otherwise, or if False, its table is capped and scaled by
        :data:`~optfleet.planning.feedback.TIGHTEN`.
    calibrate
        Under an engine-level preset, calibrate each option a cheapest candidate uses by a
        small-pool engine simulation (:mod:`optfleet.planning.calibrate`) and re-solve until
        the cheapest candidate uses calibrated options only.  None (default): when verifying;
        ``verify=False`` then answers from the analytic tables alone.
    time_limit_s, gap
        Solver options (default: the backend's
        :data:`~optfleet.backends.base.DEFAULT_TIME_LIMIT_S`, 60 s, with the gap reported).
    progress
        Called with one-line messages as the loop advances.
    alternatives
        Fewest alternatives the plan should list (``Plan.alternatives``).  The plan always
        lists every distinct candidate the loop saw (rejected, infeasible once corrected, or
        dearer); when they are fewer, the next cheapest plans of the final program are solved
        for after the choice (they do not change it, and are not simulated).

    Raises
    ------
    InfeasibleError
        If no plan meets the SLO and constraints; the message names the pool and threshold.

    Examples
    --------
    >>> import optfleet
    >>> p = optfleet.plan(optfleet.Scenario(rate_per_s=20), verify=False)
    >>> p.verified, [pp.gpu for pp in p.pools]
    (False, ['H100-SXM'])
    """
    from optfleet.backends import SolveOptions, get_backend

    scenario = scenario or Scenario()
    if scenario.horizon is not None:
        raise InputError("the scenario plans over time (horizon:): call "
                         "optfleet.plan_horizon, or optfleet plan on the command line")
    calibrate = verify if calibrate is None else bool(calibrate)
    _check_options(sim_requests, replications, top_k, max_iterations, alternatives)
    tables = tabulate(scenario, progress=progress)
    problem = build_problem(scenario, tables)
    solver = get_backend(backend)
    opts = SolveOptions(gap_rel=gap)  # default time limit (DEFAULT_TIME_LIMIT_S) unless given
    if time_limit_s is not None:
        opts = opts.with_(time_limit_s=time_limit_s)
    run = _Run(scenario, tables, solver, opts, progress, CandidateLog(), PlanOptions(
        backend=solver.name, top_k=top_k, verify=verify, level=level, sim_requests=sim_requests,
        replications=replications, max_iterations=max_iterations,
        time_limit_s=opts.time_limit_s, gap=gap, probe=probe, calibrate=calibrate,
        alternatives=alternatives))
    if verify:
        for sub in [scenario, *(scenario.for_model(m) for m in scenario.models)]:
            quantile_field(sub.slo.quantile)  # raises for a quantile simulation can not judge
    notes: list[str] = exclusion_notes(tables.excluded) + tables.notes
    if not verify:
        problem, ranked = _calibrated_ranking(scenario, tables, problem, solver, opts, 1,
                                              notes, progress, calibrate, run.log)
        _report(progress, 1, ranked)
        p = plan_from_solution(scenario, tables, ranked[0].solution, ranked[0].result)
        extra = [] if calibrate or tables.ctx.preset.replica_model != "engine" else [
            "tables not calibrated by simulation (analytic engine model only)"]
        return _finish(run, problem, p, ranked[0].solution, [],
                       notes + ["not verified by simulation"] + extra, verified=False, level=None)
    problem, dropped = drop_prefill_bound(scenario, tables, problem)
    if dropped:
        notes.append(
            f"{dropped} pool option(s) left out before simulation: their prefill time alone "
            "exceeds the SLO for more requests than the quantile allows, so no replica count "
            "can pass verification (the preset's analytics do not check the prefill tail)"
        )
    return _verify_rounds(run, problem, notes)


@dataclass
class _Run:
    """One call of :func:`plan`: the question, its tables, the solver and what the loop saw."""

    scenario: Scenario
    tables: PlanningTables
    solver: Any
    opts: Any  # backends.SolveOptions
    progress: Progress | None
    log: CandidateLog
    options: PlanOptions


def _verify_rounds(run: _Run, problem: Any, notes: list[str]) -> Plan:
    """Steps 3-5, round by round: solve, simulate each candidate cheapest first, feed back."""
    scenario, tables, o, progress = run.scenario, run.tables, run.options, run.progress
    steps: list[VerificationStep] = []
    verify_kw = dict(level=o.level, n_requests=o.sim_requests, replications=o.replications)
    qlabel = f"P{round(float(scenario.slo.quantile) * 100, 3):g}"
    for iteration in range(1, o.max_iterations + 1):
        problem, ranked = _calibrated_ranking(scenario, tables, problem, run.solver, run.opts,
                                              o.top_k, notes, progress, o.calibrate, run.log)
        _report(progress, iteration, ranked)
        for rp in ranked:
            candidate = plan_from_solution(scenario, tables, rp.solution, rp.result)
            if progress:
                progress(
                    f"simulating candidate {rp.rank}: {candidate.layout}, "
                    f"{candidate.gpus} GPUs, ${candidate.cost_usd_per_hour:,.2f}/h"
                )
            verdict = verify_plan(scenario, tables, candidate, **verify_kw)
            probed = {}
            if not verdict.accepted and o.probe:
                probed = probe_failing(scenario, tables, problem, rp.solution.layout,
                                       candidate, verdict, progress, **verify_kw)
            steps.append(_step(iteration, rp.rank, candidate, verdict, probed))
            if verdict.accepted:
                return _finish(run, problem, verdict.plan, rp.solution, steps, notes,
                               verified=True, level=_level_label(candidate, o.level))
            run.log.add_rejection(rp.solution, verdict.plan, verdict.failing,
                                  pool_slos(scenario, tables, rp.solution.layout, verdict.plan),
                                  qlabel)
            problem = feed_back(tables, problem, rp.solution.layout, verdict, probed)
    raise InfeasibleError(
        f"no candidate passed simulation within {o.max_iterations} rounds; last: "
        + (steps[-1].detail if steps else "none")
    )


def _finish(run: _Run, problem: Any, p: Plan, chosen: Any, steps: list[VerificationStep],
            notes: list[str], *, verified: bool, level: str | None) -> Plan:
    """The reported plan: ``p`` (chosen solution ``chosen``) with its record, alternatives,
    baseline, spares and provenance."""
    alts, skipped = run.log.alternatives(chosen, problem)
    want = run.options.alternatives
    if len(alts) < want:
        if run.progress:
            run.progress(f"solving for {want - len(alts)} more alternative(s)")
        run.log.add_ranking(more_candidates(problem, run.solver, run.opts,
                                            [*run.log.seen, chosen.key], want - len(alts)))
        alts, skipped = run.log.alternatives(chosen, problem)
    if skipped:
        notes = notes + [
            f"{skipped} candidate(s) cheaper than this plan came from a solve stopped before "
            "optimality and were not simulated; they are not listed as alternatives"]
    return finish_plan(run.scenario, run.tables, p, steps, notes, verified=verified,
                       level=level, one_pool_cost=one_pool_cost(problem, run.solver, run.opts),
                       alternatives=alts,
                       provenance=build_provenance(run.scenario, run.tables, run.options))


def load_plan(path: str | Path) -> Plan:
    """Load a plan saved by :meth:`Plan.save` (``optfleet plan -o``), validating it.

    Raises
    ------
    InputError
        If the file is missing, is not JSON or is not a plan (the message names the file).

    Examples
    --------
    >>> import optfleet, os, tempfile
    >>> p = optfleet.plan(optfleet.Scenario(rate_per_s=5), verify=False)
    >>> path = os.path.join(tempfile.mkdtemp(), "plan.json")
    >>> p.save(path)
    >>> load_plan(path) == p
    True
    """
    return Plan.load(path)


def replan(
    saved: Plan | str | Path,
    *,
    scenario: Scenario | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> Plan:
    """Ask a saved plan's question again: its scenario, preset, seed and call options.

    ``saved`` is a :class:`Plan` or the path of one.  ``scenario`` replaces the question (e.g.
    with a field changed); ``options`` replace call options of :func:`plan` (the names of
    :class:`~optfleet.planning.record.PlanOptions`).  With neither, the answer is the saved
    plan (its pools, cost and layout; the timestamp differs).

    Raises
    ------
    InputError
        If the plan does not record its question (written before optfleet recorded it), the
        question is not a valid scenario, or an option is unknown.

    Examples
    --------
    >>> import optfleet
    >>> p = optfleet.plan(optfleet.Scenario(rate_per_s=5), verify=False)
    >>> q = replan(p)
    >>> (q.pools, q.layout, q.cost_usd_per_hour) == (p.pools, p.layout, p.cost_usd_per_hour)
    True
    """
    where = f"plan {saved}" if not isinstance(saved, Plan) else "the plan"
    p = saved if isinstance(saved, Plan) else load_plan(saved)
    unknown = sorted(set(options) - set(PlanOptions.model_fields))
    if unknown:
        raise InputError(f"unknown plan option(s) {', '.join(unknown)}; known: "
                         + ", ".join(PlanOptions.model_fields))
    if scenario is None:
        if p.question is None:
            raise InputError(f"{where} does not record its question (written before optfleet "
                             "recorded it): plan its scenario file instead")
        scenario = validate_model(Scenario, p.question, f"the question of {where}")
    base = p.provenance.options if p.provenance is not None else PlanOptions()
    if "verify" in options and "calibrate" not in options:
        # the saved calibrate was resolved from the saved verify: follow the new verify
        options = {**options, "calibrate": options["verify"]}
    kw = validate_model(PlanOptions, {**base.model_dump(), **options}, "plan options")
    return plan(scenario, progress=progress, **kw.model_dump())


#: Most re-solves while calibrating the options of the cheapest candidate.
MAX_CALIBRATION_ROUNDS = 8


def _calibrated_ranking(
    scenario: Scenario, tables: Any, problem: Any, solver: Any, opts: Any, top_k: int,
    notes: list[str], progress: Progress | None, calibrate: bool, log: CandidateLog,
) -> tuple[Any, list[Any]]:
    """The ranked candidates, after calibrating the options of the cheapest one (re-solving
    while calibration changes them); ``(problem, ranked)``.  Every ranking goes in ``log``."""
    ranked = ranked_candidates(problem, solver, opts, top_k, notes)
    log.add_ranking(ranked)
    if not calibrate or tables.ctx.preset.replica_model != "engine" or tables.models:
        return problem, ranked
    best = None  # the latest ranking whose cheapest plan is calibrated and still feasible
    for _ in range(MAX_CALIBRATION_ROUNDS):
        top = ranked[0].solution
        if best is not None and top.cost_usd_per_hour >= best[0].solution.cost_usd_per_hour:
            return problem, best  # a tie (or worse) with a calibrated plan: keep that one
        counts = {(pa.role, pa.gpu): int(pa.replicas) for pa in top.pools if pa.replicas}
        problem, changed = calibrate_plan_options(scenario, tables, problem, top.layout,
                                                  counts, progress)
        if not changed:
            return problem, ranked
        if problem.evaluate(top.layout, counts).feasible:
            best = ranked
        try:
            ranked = ranked_candidates(problem, solver, opts, top_k, notes)
            log.add_ranking(ranked)
        except InfeasibleError as exc:
            dead = [k for k, (c, _) in tables.calibrations.items() if c <= 0]
            if not dead:
                raise
            lay, role, gpu = dead[0]
            raise InfeasibleError(
                f"pool {role!r} of layout {lay!r} on {gpu} fails the SLO in the engine "
                "simulation even at a light load (small-pool calibration), and no other "
                f"option is left: {exc}"
            ) from None
    return problem, ranked


def _check_options(
    sim_requests: int | None, replications: int, top_k: int, max_iterations: int,
    alternatives: int = 0,
) -> None:
    """The loop's own numbers, by the rules of :mod:`optfleet.scenario.limits`."""
    if sim_requests is not None:
        check("sim_requests", "sim_requests (requests per replication)", sim_requests)
    check("replications", "replications", replications)
    check("count", "top_k", top_k)
    check("count", "max_iterations", max_iterations)
    if alternatives != 0 or isinstance(alternatives, bool):
        check("count", "alternatives", alternatives)
        if alternatives > MAX_ALTERNATIVES:
            raise InputError(f"alternatives must be at most {MAX_ALTERNATIVES}, got "
                             f"{alternatives}")


def _report(progress: Progress | None, iteration: int, ranked: list[Any]) -> None:
    if progress:
        progress(
            f"round {iteration}: {len(ranked)} candidate plan(s), cheapest "
            f"${ranked[0].solution.cost_usd_per_hour:,.2f}/h"
        )


def _step(
    iteration: int,
    rank: int,
    candidate: Plan,
    verdict: Any,
    probed: dict[tuple[str, str], int | None],
) -> VerificationStep:
    """The plan's record of one candidate's verification (and its probes)."""
    detail = verdict.detail + "".join(
        f"; probe: {r}/{g} needs "
        + (f"{k} replicas" if k is not None else "more replicas than tabulated")
        for (r, g), k in probed.items()
    )
    return VerificationStep(
        iteration=iteration,
        candidate=rank,
        candidate_cost_usd_per_hour=candidate.cost_usd_per_hour,
        accepted=verdict.accepted,
        detail=detail,
    )


def _level_label(candidate: Plan, level: str) -> str:
    """The verification level a plan reports: ``level``, or disaggregated where it applies."""
    kinds = {pp.role.rsplit("/", 1)[-1] in ("prefill", "decode") for pp in candidate.pools}
    return {
        frozenset({True}): "disaggregated",
        frozenset({True, False}): f"{level} + disaggregated",
    }.get(frozenset(kinds), level)

