"""What a plan records about itself: the question's provenance and the alternatives it beat.

A :class:`~optfleet.planning.results.Plan` carries

* ``question`` — the scenario with every default filled (its JSON dump), enough to ask it again
  (:func:`optfleet.planning.loop.replan`);
* ``provenance`` — a :class:`Provenance`: the resolved preset, the replica profile of each GPU
  type and where its numbers come from, the small-pool calibrations, the planner's call options
  that change the answer (:class:`PlanOptions`), optfleet, solver and Python versions, the seed
  and a UTC timestamp;
* ``alternatives`` — :class:`Alternative` plans the loop saw and did not choose, cheapest first,
  each with why it lost: ``"rejected_in_simulation"`` (simulated and missed an SLO),
  ``"infeasible"`` (the tables, once corrected by simulation, say it can not carry the load) or
  ``"dearer"`` (feasible by the tables, not simulated, and costlier than the chosen plan — or as
  cheap and ranked after it by the tie-break).

:class:`CandidateLog` is the loop's notebook: every ranking and verdict goes in, the plan's
alternatives come out.

Examples
--------
>>> a = Alternative(rank=1, cost_usd_per_hour=8.04, layout="one pool", threshold_tokens=None,
...                 gpus={"H100-SXM": 2}, pools=(AlternativePool(role="all", gpu="H100-SXM",
...                 replicas=2),), outcome="dearer", reason="dearer by $4.02/h (+100.0 %)")
>>> Alternative.model_validate_json(a.model_dump_json()) == a
True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any, Literal

from optfleet.scenario import Frozen

#: Most alternatives a plan keeps (the cheapest ones).
MAX_ALTERNATIVES = 12

Outcome = Literal["rejected_in_simulation", "infeasible", "dearer"]


class PlanOptions(Frozen):
    """The planner's call options that change the answer (:func:`optfleet.plan`'s arguments).

    ``calibrate`` is resolved (``None`` became ``verify``) and ``time_limit_s`` is the solver's
    limit in force (the backend default when none was given), so calling the planner with these
    options asks exactly the same question.
    """

    backend: str = "cbc"
    top_k: int = 3
    verify: bool = True
    level: str = "engine"
    sim_requests: int | None = None
    replications: int = 5
    max_iterations: int = 6
    time_limit_s: float | None = None
    gap: float | None = None
    probe: bool = True
    calibrate: bool = True
    alternatives: int = 0
    """Fewest alternatives the plan should hold; more are solved for after the choice."""


class ProfileRecord(Frozen):
    """The replica profile the planner used for one (model, GPU type)."""

    gpu: str
    model: str
    name: str
    kind: Literal["derived", "calibrated", "fitted"]
    """``derived``: computed from GPU and model specs (roofline); ``calibrated``: the reference
    planner's hand-calibrated constants (the ``fleet-sim`` preset); ``fitted``: the roofline with
    the constants of a profile file (``optfleet calibrate``)."""
    gpus_per_replica: int
    price_usd_per_replica_hour: float
    kv_capacity_tokens: int
    max_num_seqs: int
    source: str
    """Where the numbers come from (datasheets, measurements, the reference's constants)."""
    notes: str = ""
    profile_file: str | None = None
    """The profile file (``fitted`` only), as the scenario named it."""
    profile_sha256: str | None = None
    fit_date: str | None = None
    fit_rms_relative_error: float | None = None
    """Root-mean-square relative error of the fit on its own measurements (no unit)."""
    holdout_rms_relative_error: float | None = None
    """The same on the measurements held out of the fit (None: no holdout)."""


class CalibrationRecord(Frozen):
    """One pool option corrected by a small-pool engine simulation before it was used."""

    layout: str
    role: str
    gpu: str
    correction: float
    """Simulated over modelled per-replica rate at the SLO (0: fails even at a light load)."""
    replicas_simulated: int


class Provenance(Frozen):
    """Everything besides the scenario that the answer depends on, and when it was given."""

    optfleet_version: str
    python_version: str
    platform: str = ""
    solver_backend: str
    solver_version: str
    seed: int
    options: PlanOptions
    preset: dict[str, Any]
    """The assumption preset's resolved fields."""
    profiles: tuple[ProfileRecord, ...] = ()
    calibrations: tuple[CalibrationRecord, ...] = ()
    created_utc: str
    """ISO 8601 UTC timestamp, e.g. ``2025-01-31T12:00:00Z``."""


class AlternativePool(Frozen):
    """One pool of an alternative, in short."""

    role: str
    gpu: str
    replicas: int


class Alternative(Frozen):
    """A distinct plan the planner saw and did not choose, and why (see the module docstring).

    ``simulated_p99_ttft_s`` / ``simulated_p99_tpot_s`` are the worst pool's simulated
    quantiles (the pool furthest above its SLO) of a simulated alternative, else None.
    """

    rank: int
    """1 = the cheapest alternative."""
    cost_usd_per_hour: float
    layout: str
    threshold_tokens: int | None
    gamma: float = 1.0
    gpus: dict[str, int]
    """GPU type -> GPUs."""
    pools: tuple[AlternativePool, ...]
    outcome: Outcome
    reason: str
    simulated_p99_ttft_s: float | None = None
    simulated_p99_tpot_s: float | None = None
    power_w: float | None = None


# --------------------------------------------------------------------------------------------
# provenance
# --------------------------------------------------------------------------------------------


def build_provenance(
    scenario: Any, tables: Any, options: PlanOptions, created_utc: str | None = None
) -> Provenance:
    """The provenance of a plan answered from ``tables`` with ``options``.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> from optfleet.planning.tabulate import tabulate
    >>> sc = Scenario(rate_per_s=5, gpus=("H100-SXM",), thresholds_tokens=())
    >>> prov = build_provenance(sc, tabulate(sc), PlanOptions())
    >>> prov.preset["name"], prov.profiles[0].gpu, prov.profiles[0].kind
    ('default', 'H100-SXM', 'derived')
    """
    import datetime
    import platform
    import sys

    from optfleet._version import __version__

    if created_utc is None:
        now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        created_utc = now.isoformat().replace("+00:00", "Z")
    return Provenance(
        optfleet_version=__version__,
        python_version=sys.version.split()[0],
        platform=f"{platform.system()}-{platform.machine()}",
        solver_backend=options.backend,
        solver_version=solver_version(options.backend),
        seed=int(scenario.seed),
        options=options,
        preset=tables.ctx.preset.model_dump(mode="json"),
        profiles=_profiles(tables),
        calibrations=tuple(
            CalibrationRecord(layout=lay, role=role, gpu=gpu, correction=float(corr),
                              replicas_simulated=int(k))
            for (lay, role, gpu), (corr, k) in sorted(tables.calibrations.items())
        ),
        created_utc=created_utc,
    )


def _profiles(tables: Any) -> tuple[ProfileRecord, ...]:
    """The profile of every tabulated (model, GPU type), once each."""
    parts = [(None, tables)] if not tables.models else [
        (m, t) for m, (_, t) in tables.models.items()]
    out: dict[tuple[str, str], ProfileRecord] = {}
    for _, t in parts:
        base = "calibrated" if t.ctx.preset.profile_set == "calibrated" else "derived"
        uses = t.ctx.profile_uses
        for opt in t.options.values():
            prof = opt.profile
            if prof is None or (prof.model, prof.gpu) in out:
                continue
            use = uses[prof.gpu][1] if prof.gpu in uses else None
            fitted = {} if use is None else {
                "profile_file": use.file, "profile_sha256": use.sha256, "fit_date": use.fit_date,
                "fit_rms_relative_error": use.rms_relative_error,
                "holdout_rms_relative_error": use.holdout_rms_relative_error,
            }
            out[(prof.model, prof.gpu)] = ProfileRecord(
                gpu=prof.gpu, model=prof.model, name=prof.name,
                kind="fitted" if use is not None else base, **fitted,
                gpus_per_replica=int(prof.gpus_per_replica),
                price_usd_per_replica_hour=float(prof.price_usd_per_hour),
                kv_capacity_tokens=int(prof.kv_capacity_tokens),
                max_num_seqs=int(prof.max_num_seqs), source=prof.source, notes=prof.notes,
            )
    return tuple(out[k] for k in sorted(out))


@functools.cache
def solver_version(backend: str) -> str:
    """``"pulp 3.3.2 / CBC 2.10.3"`` or ``"pulp 3.3.2 / HiGHS 1.16.0"`` (``?`` when unknown).

    Examples
    --------
    >>> solver_version("cbc").startswith("pulp ")
    True
    """
    from importlib import metadata

    def dist(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    if backend == "highs":
        return f"pulp {dist('pulp')} / HiGHS {dist('highspy')}"
    if backend == "cbc":
        return f"pulp {dist('pulp')} / CBC {_cbc_version()}"
    return f"pulp {dist('pulp')} / {backend}"


def _cbc_version() -> str:
    """The bundled CBC binary's version, from its banner (``?`` if it can not be run)."""
    import re
    import subprocess
    import warnings

    try:
        import pulp

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            path = pulp.PULP_CBC_CMD(msg=False).path
        out = subprocess.run([path, "-quit"], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except Exception:  # noqa: BLE001 - a version string is informative only
        return "?"
    m = re.search(r"Version:\s*(\S+)", out)
    return m.group(1) if m else "?"


# --------------------------------------------------------------------------------------------
# alternatives
# --------------------------------------------------------------------------------------------


@dataclass
class _Seen:
    solution: Any  # formulation.FleetSolution
    order: int
    reason: str = ""
    ttft_s: float | None = None
    tpot_s: float | None = None


@dataclass
class CandidateLog:
    """The distinct candidates the loop saw (rankings) and judged (verdicts), by plan key."""

    seen: dict[Any, _Seen] = field(default_factory=dict)

    def add_ranking(self, ranked: Any) -> None:
        """Note every candidate of a ranking (:class:`~optfleet.formulation.RankedPlan`\\ s)."""
        for rp in ranked:
            if rp.solution.key not in self.seen:
                self.seen[rp.solution.key] = _Seen(rp.solution, len(self.seen))

    def add_rejection(self, solution: Any, simulated: Any, failing: Any, slos: Any,
                      qlabel: str = "P99") -> None:
        """Note a candidate that failed simulation: ``simulated`` is the plan with its
        simulated quantiles, ``failing`` the verdict's failing pools, ``slos`` maps ``(role,
        gpu)`` to ``(ttft_slo_s, tpot_slo_s)``."""
        seen = self.seen.setdefault(solution.key, _Seen(solution, len(self.seen)))
        seen.reason = rejection_reason(simulated, failing, slos, qlabel)
        seen.ttft_s, seen.tpot_s = worst_simulated(simulated, slos)

    def alternatives(self, chosen: Any, problem: Any,
                     limit: int = MAX_ALTERNATIVES) -> tuple[tuple[Alternative, ...], int]:
        """The alternatives to ``chosen`` (a FleetSolution) under the final ``problem``,
        cheapest first, and how many cheaper unverified candidates were left out (a solve
        stopped before optimality can rank a plan after a dearer one)."""
        rows: list[tuple[float, int, Outcome, str, _Seen]] = []
        skipped = 0
        for key, s in self.seen.items():
            if key == chosen.key:
                continue
            sol = s.solution
            if s.reason:
                outcome: Outcome = "rejected_in_simulation"
                reason = s.reason
            else:
                ev = problem.evaluate(sol.layout, sol.counts())
                if not ev.feasible:
                    outcome = "infeasible"
                    reason = ("infeasible once simulation corrected the tables: "
                              + "; ".join(ev.violations))
                elif sol.cost_usd_per_hour < chosen.cost_usd_per_hour - 1e-9:
                    skipped += 1
                    continue
                else:
                    outcome, reason = "dearer", dearer_reason(sol, chosen)
            rows.append((round(sol.cost_usd_per_hour, 9), s.order, outcome, reason, s))
        rows.sort(key=lambda r: (r[0], r[1]))
        out = tuple(
            _alternative(i, s, outcome, reason)
            for i, (_, _, outcome, reason, s) in enumerate(rows[:limit], start=1)
        )
        return out, skipped


def _alternative(rank: int, s: _Seen, outcome: Outcome, reason: str) -> Alternative:
    sol = s.solution
    gpus: dict[str, int] = {}
    for pa in sol.pools:
        gpus[pa.gpu] = gpus.get(pa.gpu, 0) + int(pa.gpus)
    return Alternative(
        rank=rank,
        cost_usd_per_hour=round(float(sol.cost_usd_per_hour), 9),
        layout=sol.layout_label,
        threshold_tokens=sol.threshold_tokens,
        gamma=float(sol.gamma),
        gpus=dict(sorted(gpus.items())),
        pools=tuple(AlternativePool(role=pa.role, gpu=pa.gpu, replicas=int(pa.replicas))
                    for pa in sol.pools),
        outcome=outcome,
        reason=reason,
        simulated_p99_ttft_s=s.ttft_s,
        simulated_p99_tpot_s=s.tpot_s,
        power_w=float(sol.power_w),
    )


def dearer_reason(sol: Any, chosen: Any) -> str:
    """Why a feasible, unsimulated alternative lost to ``chosen`` (both FleetSolutions): it
    costs more, or as much with more GPUs or power (the tie-break), or it is an exact tie.

    Examples
    --------
    >>> from types import SimpleNamespace as S
    >>> dearer_reason(S(cost_usd_per_hour=43.4, gpus=10, power_w=1.0),
    ...               S(cost_usd_per_hour=40.2, gpus=10, power_w=1.0))
    'dearer by $3.20/h (+8.0 %)'
    >>> dearer_reason(S(cost_usd_per_hour=40.2, gpus=11, power_w=1.0),
    ...               S(cost_usd_per_hour=40.2, gpus=10, power_w=1.0))
    'as cheap ($40.20/h) but more GPUs (11 vs 10): the tie-break prefers fewer'
    """
    c, c0 = float(sol.cost_usd_per_hour), float(chosen.cost_usd_per_hour)
    if c - c0 > 1e-9 * max(1.0, c0):
        pct = f" (+{(c - c0) / c0:.1%})".replace("%", " %") if c0 > 0 else ""
        return f"dearer by ${c - c0:,.2f}/h{pct}"
    head = f"as cheap (${c:,.2f}/h)"
    if sol.gpus > chosen.gpus:
        return f"{head} but more GPUs ({sol.gpus} vs {chosen.gpus}): the tie-break prefers fewer"
    if sol.gpus == chosen.gpus and sol.power_w > chosen.power_w * (1 + 1e-3):
        return (f"{head}, as many GPUs, more power ({sol.power_w / 1000:,.2f} kW vs "
                f"{chosen.power_w / 1000:,.2f} kW): the tie-break prefers less")
    return f"{head} with {sol.gpus} GPUs: a tie the solver resolved for the chosen plan"


def rejection_reason(simulated: Any, failing: Any, slos: Any, qlabel: str = "P99") -> str:
    """``rejected in simulation: pool short on A100-80GB P99 TTFT 612 ms > SLO 500 ms``.

    A pool whose point value meets the SLO but whose confidence interval does not is shown with
    the interval's upper end.

    Examples
    --------
    >>> from types import SimpleNamespace as S
    >>> iv = S(value=0.612, high=0.65)
    >>> pool = S(role="short", gpu="A100-80GB", replicas=2, simulated_p99_ttft_s=iv,
    ...          simulated_p99_tpot_s=None)
    >>> rejection_reason(S(pools=(pool,)), [("short", "A100-80GB", 2, 9.0)],
    ...                  {("short", "A100-80GB"): (0.5, None)})
    'rejected in simulation: pool short on A100-80GB x2 P99 TTFT 612 ms > SLO 500 ms'
    """
    bad = {(r, g) for r, g, *_ in failing}
    parts = []
    for pp in simulated.pools:
        if (pp.role, pp.gpu) not in bad:
            continue
        ttft_slo, tpot_slo = slos.get((pp.role, pp.gpu), (None, None))
        for metric, iv, slo, digits in (("TTFT", pp.simulated_p99_ttft_s, ttft_slo, 0),
                                        ("TPOT", pp.simulated_p99_tpot_s, tpot_slo, 1)):
            if iv is None or slo is None or not math.isfinite(slo):
                continue
            what = f"pool {pp.role} on {pp.gpu} x{pp.replicas} {qlabel} {metric}"
            if iv.value > slo:
                parts.append(f"{what} {iv.value * 1000:.{digits}f} ms > SLO "
                             f"{slo * 1000:.{digits}f} ms")
            elif iv.high is not None and iv.high > slo:
                parts.append(f"{what} {iv.value * 1000:.{digits}f} ms, 95 % CI up to "
                             f"{iv.high * 1000:.{digits}f} ms > SLO {slo * 1000:.{digits}f} ms")
    if not parts:
        parts = [f"pool {r} on {g} x{n} misses its SLO" for r, g, n, *_ in failing]
    return "rejected in simulation: " + "; ".join(parts)


def worst_simulated(simulated: Any, slos: Any) -> tuple[float | None, float | None]:
    """The simulated TTFT and TPOT quantiles of the pool furthest above (or nearest to) its SLO
    (the largest value where there is no SLO); None where nothing was simulated."""

    def worst(attr: str, idx: int) -> float | None:
        best: tuple[float, float] | None = None
        for pp in simulated.pools:
            iv = getattr(pp, attr)
            if iv is None:
                continue
            slo = slos.get((pp.role, pp.gpu), (None, None))[idx]
            score = iv.value / slo if slo and math.isfinite(slo) else iv.value
            if best is None or score > best[0]:
                best = (score, float(iv.value))
        return None if best is None else best[1]

    return worst("simulated_p99_ttft_s", 0), worst("simulated_p99_tpot_s", 1)


def pool_slos(scenario: Any, tables: Any, layout: str, plan: Any) -> dict[tuple[str, str], Any]:
    """``(role, gpu) -> (ttft_slo_s, tpot_slo_s)`` of each pool of ``plan`` (its model's SLO
    in a multi-model plan; a disaggregated decode pool's TPOT target)."""
    out: dict[tuple[str, str], Any] = {}
    for pp in plan.pools:
        sub = scenario
        if tables.models and pp.model in tables.models:
            sub = tables.models[pp.model][0]
        ttft, tpot = sub.slo.ttft_p99_s, sub.slo.tpot_p99_s
        opt = tables.options.get((layout, pp.role, pp.gpu))
        if opt is not None and opt.pd is not None:
            ttft, tpot = (ttft, None) if opt.pd.kind == "prefill" else (None, opt.pd.tpot_slo_s)
        out[(pp.role, pp.gpu)] = (ttft, tpot)
    return out
