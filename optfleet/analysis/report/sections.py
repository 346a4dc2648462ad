"""The report's tables: the question, the plan's pools, cost, alternatives, latency quantiles and
the what-if sweep.  Figures are converted from base units (seconds, USD/hour) here, for display
only.  Plan fields added in later versions (``question``, ``provenance``, ``alternatives``) are
read with fallbacks, so older plan files still make a report."""

from __future__ import annotations

import math
from html import escape
from typing import Any

from optfleet.analysis.report import html as H
from optfleet.scenario import HOURS_PER_YEAR, Scenario

__all__ = [
    "alternatives",
    "alternatives_table",
    "cost_tables",
    "latency_table",
    "plan_section",
    "question_section",
    "whatif_table",
    "worst_simulated_ttft",
]


def ms(v: float | None, digits: int = 0) -> str:
    """Seconds as milliseconds text (``-`` for none, ``inf`` for unbounded)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if not math.isfinite(v):
        return "inf"
    return f"{v * 1000:,.{digits}f}"


def usd(v: float) -> str:
    return f"${v:,.2f}"


def kusd_year(v_per_hour: float) -> str:
    return f"${v_per_hour * HOURS_PER_YEAR / 1000:,.0f}K"


def _value(v: Any) -> float | None:
    """A float of an Interval, a float or None."""
    if v is None:
        return None
    v = getattr(v, "value", v)
    return float(v)


def alternatives(plan: Any) -> list[dict[str, Any]]:
    """The plan's alternatives as plain dicts (empty for plans written before they were kept)."""
    out = []
    for a in getattr(plan, "alternatives", None) or ():
        out.append({
            "rank": int(getattr(a, "rank", len(out) + 1)),
            "cost_usd_per_hour": float(getattr(a, "cost_usd_per_hour", math.nan)),
            "layout": str(getattr(a, "layout", "?")),
            "gpus": dict(getattr(a, "gpus", {}) or {}),
            "outcome": str(getattr(a, "outcome", "?")),
            "reason": str(getattr(a, "reason", "")),
            "simulated_p99_ttft_s": _value(getattr(a, "simulated_p99_ttft_s", None)),
            "simulated_p99_tpot_s": _value(getattr(a, "simulated_p99_tpot_s", None)),
        })
    return out


def worst_simulated_ttft(plan: Any) -> float | None:
    """The largest simulated P99 TTFT of the plan's pools (None if it was not simulated)."""
    vs = [_value(p.simulated_p99_ttft_s) for p in plan.pools
          if p.simulated_p99_ttft_s is not None]
    return max(vs) if vs else None  # type: ignore[type-var]


def _tensor_parallel(plan: Any, sc: Scenario) -> str:
    used = {p.gpu: p.gpus_per_replica for p in plan.pools}
    parts = [f"{g}: {tp}" for g, tp in sorted(used.items())]
    given = dict(sc.tensor_parallel or {})
    base = f"{sc.serving.tensor_parallel_size} unless set per GPU"
    if given:
        base += " (" + ", ".join(f"{g} {tp}" for g, tp in sorted(given.items())) + ")"
    return f"{', '.join(parts)} GPUs per replica; scenario: {base}"


def _slo_text(sc: Scenario) -> str:
    q = f"P{sc.slo.quantile * 100:g}"
    text = f"{q} TTFT <= {sc.slo.ttft_p99_s * 1000:g} ms"
    if sc.slo.tpot_p99_s is not None:
        text += f", {q} TPOT <= {sc.slo.tpot_p99_s * 1000:g} ms"
    return text


def question_section(plan: Any, sc: Scenario, source: str, notes: list[str]) -> str:
    """The question: model, workload, rate, SLOs, GPU menu, preset, tensor parallelism,
    versions."""
    from optfleet._version import __version__

    prov = getattr(plan, "provenance", None)
    models = ", ".join(m.name for m in sc.models) if sc.models else str(sc.model)
    arrivals = type(sc.arrival_spec).__name__.replace("Arrivals", "")
    rows = [
        ["scenario", plan.scenario_name],
        ["model", models],
        ["workload", sc.workload_label],
        ["arrivals", f"{arrivals}, {plan.rate_per_s or sc.rate_per_s:g} req/s"
                     + (" (peak)" if arrivals == "Piecewise" else "")],
        ["SLO", _slo_text(sc)],
        ["GPU menu", ", ".join(sc.gpus)],
        ["preset", plan.preset],
        ["tensor parallelism", _tensor_parallel(plan, sc)],
        ["disaggregation", sc.disaggregation],
        ["seed", str(getattr(prov, "seed", sc.seed))],
        ["optfleet", (f"{prov.optfleet_version} (plan)" if prov is not None
                      else "not recorded (plan)") + f", {__version__} (report)"],
    ]
    if prov is not None:
        rows += [["solver", f"{prov.solver_backend}: {prov.solver_version}"],
                 ["planned at", prov.created_utc]]
    where = {"plan": "the question recorded in the plan", "scenario": "the scenario given",
             "default": "the built-in default scenario (rebuilt)"}[source]
    warn = H.warning(notes[0]) if source == "default" and notes else ""
    return H.section("The question", f"<p>From {escape(where)}.</p>", warn,
                     H.table(["", ""], rows, css_id="question"), css_id="question-section")


def plan_section(plan: Any) -> str:
    """The pools of the plan with their analytic and simulated quantiles."""
    rows = []
    for p in plan.pools:
        rows.append([
            p.role, p.gpu, p.replicas, p.gpus, p.gpus_per_replica, f"{p.share:.1%}",
            f"{p.rate_per_s:,.2f}", f"{p.utilisation:.0%}", ms(p.analytic_p99_ttft_s),
            ms(_value(p.simulated_p99_ttft_s)), ms(p.analytic_p99_tpot_s, 1),
            ms(_value(p.simulated_p99_tpot_s), 1), p.binding_slo or "-", p.spares,
            usd(p.cost_usd_per_hour),
        ])
    verified = (f"verified by {plan.verification_level} simulation" if plan.verified
                else "not verified by simulation")
    noun = "GPU" if plan.gpus == 1 else "GPUs"
    head = (f"<p>{escape(plan.layout)}; {plan.gpus} {noun} (+{plan.gpus_with_spares - plan.gpus}"
            f" spare); {usd(plan.cost_usd_per_hour)}/h = {kusd_year(plan.cost_usd_per_hour)}/yr;"
            f" {escape(verified)}; solver {escape(plan.solver.backend)} "
            f"{escape(plan.solver.termination)}.</p>")
    return H.section("The plan", head, H.table(
        ["pool", "GPU", "replicas", "GPUs", "GPUs/replica", "share", "req/s", "util",
         "P99 TTFT ms", "sim P99 TTFT ms", "P99 TPOT ms", "sim P99 TPOT ms", "binds", "spares",
         "$/h"], rows, css_id="pools"), css_id="plan")


def cost_tables(plan: Any) -> str:
    """$/h and $K/yr per pool and per GPU type, SLO-sized and with spares."""
    rows = [[f"{p.role}/{p.gpu}", p.replicas, p.spares, usd(p.cost_usd_per_hour),
             kusd_year(p.cost_usd_per_hour), usd(p.cost_with_spares_usd_per_hour),
             kusd_year(p.cost_with_spares_usd_per_hour)] for p in plan.pools]
    by_gpu: dict[str, list[float]] = {}
    for p in plan.pools:
        acc = by_gpu.setdefault(p.gpu, [0, 0, 0.0, 0.0])
        acc[0] += p.gpus
        acc[1] += p.spare_gpus
        acc[2] += p.cost_usd_per_hour
        acc[3] += p.cost_with_spares_usd_per_hour
    gpu_rows = [[g, int(a[0]), int(a[1]), usd(a[2]), kusd_year(a[2]), usd(a[3]),
                 kusd_year(a[3])] for g, a in sorted(by_gpu.items())]
    total = [["total", plan.gpus, plan.gpus_with_spares - plan.gpus, usd(plan.cost_usd_per_hour),
              kusd_year(plan.cost_usd_per_hour), usd(plan.cost_with_spares_usd_per_hour),
              kusd_year(plan.cost_with_spares_usd_per_hour)]]
    return (H.table(["pool", "replicas", "spares", "$/h", "$/yr", "$/h with spares",
                     "$/yr with spares"], rows, css_id="cost-pools")
            + H.table(["GPU type", "GPUs", "spare GPUs", "$/h", "$/yr", "$/h with spares",
                       "$/yr with spares"], gpu_rows + total, css_id="cost-gpus"))


def alternatives_table(alts: list[dict[str, Any]]) -> str:
    """Every recorded alternative with why it lost."""
    if not alts:
        return "<p>No alternatives recorded.</p>"
    rows = [[f"#{a['rank']}", a["layout"],
             ", ".join(f"{n}x{g}" for g, n in sorted(a["gpus"].items())),
             usd(a["cost_usd_per_hour"]), a["outcome"].replace("_", " "),
             ms(a["simulated_p99_ttft_s"]), ms(a["simulated_p99_tpot_s"], 1), a["reason"]]
            for a in alts]
    return H.table(["rank", "layout", "GPUs", "$/h", "outcome", "sim P99 TTFT ms",
                    "sim P99 TPOT ms", "why not chosen"], rows, css_id="alternatives-table")


def latency_table(plan: Any, lat: Any, quantile: float) -> str:
    """Quantiles of the report's simulation beside the plan's verified ones."""
    if lat is None:
        return ""
    verified = {f"{p.role}/{p.gpu}": p for p in plan.pools}
    rows = []
    for name in lat.pools:
        p = verified.get(name)
        rows.append([
            name, int(lat.values(name, "ttft").size),
            ms(lat.quantile(name, "ttft", 0.5)), ms(lat.quantile(name, "ttft", 0.9)),
            ms(lat.quantile(name, "ttft", quantile)),
            ms(None if p is None else _value(p.simulated_p99_ttft_s)),
            ms(lat.quantile(name, "tpot", 0.5), 1), ms(lat.quantile(name, "tpot", quantile), 1),
            ms(None if p is None else _value(p.simulated_p99_tpot_s), 1),
        ])
    q = f"P{quantile * 100:g}"
    return H.table(["pool", "requests", "P50 TTFT ms", "P90 TTFT ms", f"{q} TTFT ms",
                    "verified P99 TTFT ms", "P50 TPOT ms", f"{q} TPOT ms",
                    "verified P99 TPOT ms"], rows, css_id="latency-table")


def whatif_table(result: Any, headroom: float | None) -> str:
    """The what-if sweep's best-mix plans."""
    if result is None:
        return ""
    rows = [[f"{p.rate_per_s:g}", p.layout or "-", p.gpus if p.feasible else "-",
             usd(p.cost_usd_per_hour) if p.feasible else "infeasible",
             "-" if p.headroom_rate_per_s is None or not math.isfinite(p.headroom_rate_per_s)
             else f"{p.headroom_rate_per_s:,.1f}"] for p in result.plans]
    note = ("" if headroom is None else
            f"<p>This plan's headroom: add capacity before {headroom:,.1f} req/s (each pool's "
            "capacity by the preset's replica model, uncalibrated).</p>")
    return note + H.table(["req/s", "layout", "GPUs", "$/h", "add capacity before req/s"],
                          rows, css_id="whatif-table")
