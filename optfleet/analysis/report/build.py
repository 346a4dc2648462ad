"""Build a plan's HTML report: resolve its question, re-simulate its fleet, run the what-if sweep
around its rate, draw the figures and assemble the page (see :mod:`optfleet.analysis.report`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from optfleet.analysis.report import html as H
from optfleet.analysis.report import sections as S
from optfleet.analysis.report.figures import (
    FIGURE_IDS,
    alternatives_figure,
    cdf_figure,
    cost_figure,
    utilisation_figure,
    whatif_figure,
)
from optfleet.analysis.report.latency import (
    DEFAULT_SIM_REQUESTS,
    can_resimulate,
    plan_latency,
)
from optfleet.errors import InputError, OptfleetError
from optfleet.scenario import Frozen, Scenario, validate_model

__all__ = ["WHATIF_FACTORS", "Report", "render_report", "report", "resolve_scenario"]

#: The what-if sweep's rates, as multiples of the plan's rate.
WHATIF_FACTORS = (0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


class Report(Frozen):
    """What :func:`report` wrote (the HTML itself is in the file, or :func:`render_report`)."""

    path: str | None = None
    title: str
    figures: tuple[str, ...]
    question_source: str
    """``"plan"`` (its recorded question), ``"scenario"`` (given) or ``"default"`` (rebuilt)."""
    sim_requests: int
    sim_level: str | None
    seed: int
    whatif_rates_per_s: tuple[float, ...] = ()
    notes: tuple[str, ...] = ()
    html_bytes: int

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def resolve_scenario(plan: Any, scenario: Scenario | None = None) -> tuple[Scenario, str,
                                                                          list[str]]:
    """The question a plan answers: ``scenario`` if given, else the plan's recorded
    ``question``, else - for a plan of the built-in default scenario written before questions
    were recorded - the default scenario at the plan's rate and preset.

    Returns ``(scenario, source, notes)``; raises InputError when there is nothing to go on.
    """
    question = getattr(plan, "question", None)
    notes: list[str] = []
    if scenario is not None:
        if not isinstance(scenario, Scenario):
            raise InputError(f"scenario must be a Scenario, got {type(scenario).__name__}")
        if question and scenario.model_dump(mode="json") != question:
            notes.append("the scenario given differs from the question the plan records; "
                         "the report uses the scenario given")
        sc, source = scenario, "scenario"
    elif question:
        sc, source = validate_model(Scenario, question, "the plan's recorded question"), "plan"
    elif plan.scenario_name == Scenario().name:
        update: dict[str, Any] = {"preset": plan.preset}
        if plan.rate_per_s > 0:
            update["rate_per_s"] = plan.rate_per_s
        sc = validate_model(Scenario, {**Scenario().model_dump(), **update}, "the plan")
        source = "default"
        notes.append("the plan records no question (written before optfleet recorded it): "
                     "the report assumes the built-in default scenario at the plan's rate and "
                     "preset; give the scenario file (--scenario) if it was another")
    else:
        raise InputError(
            f"the plan records no question (written before optfleet recorded it) and its "
            f"scenario {plan.scenario_name!r} is not the default: give its scenario file "
            "(--scenario FILE)"
        )
    if (plan.rate_per_s > 0 and not sc.models
            and not math.isclose(sc.rate_per_s, plan.rate_per_s, rel_tol=1e-9)):
        notes.append(f"the scenario's rate {sc.rate_per_s:g} req/s is not the plan's "
                     f"{plan.rate_per_s:g} req/s (a time-varying rate plans for its peak)")
    return sc, source, notes


def _load(plan: Any) -> Any:
    from optfleet.planning.results import Plan

    if isinstance(plan, str | Path):
        return Plan.load(plan)
    if not isinstance(plan, Plan):
        raise InputError(f"plan must be a Plan or a plan file, got {type(plan).__name__}")
    return plan


def _whatif(sc: Scenario, plan: Any, rates: Sequence[float] | None) -> tuple[Any, Any, str | None]:
    """``(WhatIfResult or None, plan headroom or None, why not)`` for the what-if figure."""
    from optfleet.analysis.whatif import headroom_rate, whatif

    if sc.models or sc.disaggregation != "off" or can_resimulate(plan):
        return None, None, "the what-if sweep covers one model's aggregated plans"
    base = plan.rate_per_s or sc.rate_per_s
    rs = list(rates) if rates is not None else [round(base * f, 6) for f in WHATIF_FACTORS]
    try:
        result = whatif(sc.model_copy(update={"rate_per_s": base}), rs)
    except OptfleetError as exc:
        return None, None, str(exc)
    try:
        pools = headroom_rate(sc.model_copy(update={"rate_per_s": base}), plan)
        head = min((p.headroom_rate_per_s for p in pools), default=math.inf)
    except (OptfleetError, KeyError) as exc:  # a pool the preset's model can not size
        return result, None, f"no headroom for the plan: {exc}"
    return result, (head if math.isfinite(head) else None), None


# long: one straight sequence - gather, draw, assemble - reads best in one place
def _build(plan: Any, scenario: Scenario | None, sim_requests: int,
           rates: Sequence[float] | None, seed: int | None) -> tuple[str, Report]:
    from optfleet._version import __version__
    from optfleet.analysis.whatif import cost_steps

    sc, source, notes = resolve_scenario(plan, scenario)
    prov = getattr(plan, "provenance", None)
    sd = seed if seed is not None else int(getattr(prov, "seed", sc.seed))
    why_not = can_resimulate(plan)
    lat = None if why_not else plan_latency(sc, plan, n_requests=sim_requests, seed=sd)
    if why_not:
        notes.append(f"latency distributions not drawn: {why_not}")
    alts = S.alternatives(plan)
    chosen_p99 = S.worst_simulated_ttft(plan)
    if chosen_p99 is None and lat is not None:
        q = sc.slo.quantile
        chosen_p99 = max(lat.quantile(p, "ttft", q) for p in lat.pools)
        notes.append("the plan was not verified: its point in the alternatives figure is the "
                     "report's simulation")
    result, head, whatif_why = _whatif(sc, plan, rates)
    steps: dict[str, list[tuple[float, float, float]]] = {}
    if result is not None:
        steps["best mix"] = cost_steps(result.plans)
        for g in result.gpus:
            segs = cost_steps([p for p in result.by_gpu if p.menu == (g,)])
            if segs:
                steps[f"{g} alone"] = segs
    if whatif_why:
        notes.append(f"what-if: {whatif_why}")
    slo = sc.slo
    figs = [
        cost_figure(plan),
        alternatives_figure(plan, alts, slo.ttft_p99_s, chosen_p99),
        cdf_figure(lat, "ttft", slo.ttft_p99_s, slo.quantile, why_not),
        cdf_figure(lat, "tpot", slo.tpot_p99_s, slo.quantile, why_not),
        whatif_figure(steps, plan, head, None if result is not None else whatif_why),
        utilisation_figure(plan, lat),
    ]
    assert tuple(f.id for f in figs) == FIGURE_IDS
    by_id = {f.id: f.html() for f in figs}
    title = f"optfleet plan report: {plan.scenario_name}"
    sections = [
        S.question_section(plan, sc, source, notes),
        S.plan_section(plan),
        H.section("Cost", by_id["fig-cost"], S.cost_tables(plan), css_id="cost"),
        H.section("Alternatives", by_id["fig-alternatives"], S.alternatives_table(alts),
                  css_id="alternatives"),
        H.section("Latency", by_id["fig-ttft"], by_id["fig-tpot"],
                  S.latency_table(plan, lat, slo.quantile), css_id="latency"),
        H.section("What if the traffic changes", by_id["fig-whatif"],
                  S.whatif_table(result, head), css_id="whatif"),
        H.section("Utilisation", by_id["fig-utilisation"], css_id="utilisation"),
        H.section("Notes", H.bullets([*plan.notes, *notes]) or "<p>none</p>", css_id="notes"),
    ]
    made = getattr(prov, "optfleet_version", None)
    footer = (f"Report by optfleet {__version__}"
              + (f"; plan made by optfleet {made} at {prov.created_utc}" if made else "")
              + f"; report simulation seed {sd}.")
    noun = "GPU" if plan.gpus == 1 else "GPUs"
    subtitle = (f"{plan.layout}: {plan.gpus} {noun}, ${plan.cost_usd_per_hour:,.2f}/h "
                f"for {sc.workload_label} at {plan.rate_per_s or sc.rate_per_s:g} req/s")
    text = H.page(title, subtitle, sections, footer)
    rep = Report(
        title=title, figures=FIGURE_IDS, question_source=source,
        sim_requests=0 if lat is None else lat.n_requests,
        sim_level=None if lat is None else lat.level, seed=sd,
        whatif_rates_per_s=() if result is None else tuple(result.rates_per_s),
        notes=tuple(notes), html_bytes=len(text.encode("utf-8")),
    )
    return text, rep


def render_report(
    plan: Any,
    *,
    scenario: Scenario | None = None,
    sim_requests: int = DEFAULT_SIM_REQUESTS,
    rates: Sequence[float] | None = None,
    seed: int | None = None,
) -> str:
    """The HTML report of ``plan`` as a string (see :func:`report`).

    Examples
    --------
    >>> import optfleet
    >>> s = optfleet.Scenario(rate_per_s=10, gpus=("H100-SXM",))
    >>> page = render_report(optfleet.plan(s, verify=False), scenario=s, sim_requests=1000,
    ...                      rates=[5, 10, 20])
    >>> page.count('<figure class="of-figure"'), "https://" in page
    (6, False)
    """
    return _build(_load(plan), scenario, sim_requests, rates, seed)[0]


def report(
    plan: Any,
    path: str | Path | None = None,
    *,
    scenario: Scenario | None = None,
    sim_requests: int = DEFAULT_SIM_REQUESTS,
    rates: Sequence[float] | None = None,
    seed: int | None = None,
) -> Report:
    """Write a plan's self-contained HTML report to ``path`` (atomically) and describe it.

    Parameters
    ----------
    plan
        A :class:`~optfleet.planning.Plan` or the path of a plan file.
    path
        Where to write the HTML (None: write nothing, only describe).
    scenario
        The question the plan answers (default: the one the plan records; see
        :func:`resolve_scenario`).
    sim_requests
        Requests of the report's re-simulation of the plan's fleet (the CDFs).
    rates
        Arrival rates of the what-if sweep (default: :data:`WHATIF_FACTORS` x the plan's rate).
    seed
        Seed of the re-simulation (default: the plan's, i.e. its verification's).

    Returns
    -------
    Report
        The figures drawn, the question's source, the simulation's size and the notes.

    Examples
    --------
    >>> import optfleet, tempfile, pathlib
    >>> s = optfleet.Scenario(rate_per_s=10, gpus=("H100-SXM",))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "plan.html"
    >>> r = report(optfleet.plan(s, verify=False), out, scenario=s, sim_requests=1000,
    ...            rates=[5, 10, 20])
    >>> r.figures[0], out.stat().st_size == r.html_bytes
    ('fig-cost', True)
    """
    from optfleet._files import check_writable, write_text_atomic

    target = None if path is None else check_writable(path, "report")
    text, rep = _build(_load(plan), scenario, sim_requests, rates, seed)
    if target is None:
        return rep
    write_text_atomic(target, text, "report")
    return rep.model_copy(update={"path": str(target)})
