"""The report's figures, each an SVG chart (:mod:`optfleet.analysis.report.svg`) with a stable
id: cost breakdown, alternatives, TTFT and TPOT CDFs, the what-if step curve, utilisation.

Every function returns a :class:`Figure`; a figure with nothing to draw still has its axes and
a visible note saying why, so a report always has all of :data:`FIGURE_IDS`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from optfleet.analysis.report.svg import PALETTE, Axis, Chart, hbars
from optfleet.scenario import HOURS_PER_YEAR

__all__ = [
    "FIGURE_IDS",
    "Figure",
    "alternatives_figure",
    "cdf_figure",
    "cost_figure",
    "utilisation_figure",
    "whatif_figure",
]

#: The figures of a report, in page order.
FIGURE_IDS = ("fig-cost", "fig-alternatives", "fig-ttft", "fig-tpot", "fig-whatif",
              "fig-utilisation")

#: Colour of each alternative's outcome.
OUTCOME_COLORS = {"rejected_in_simulation": PALETTE[1], "dearer": PALETTE[0],
                  "infeasible": "#888888"}
CHOSEN_COLOR = PALETTE[2]


@dataclass(frozen=True)
class Figure:
    """One figure: its id, caption and ``<svg>``."""

    id: str
    caption: str
    svg: str

    def html(self) -> str:
        from html import escape

        return (f'<figure class="of-figure" id="{self.id}">\n{self.svg}\n'
                f"<figcaption>{escape(self.caption)}</figcaption>\n</figure>")


def money_axis(lo: float, hi: float, label: str = "cost") -> Axis:
    return Axis(lo, hi, f"{label} ($/h)", prefix="$", suffix="/h")


def ms_axis(hi: float, label: str) -> Axis:
    return Axis(0.0, hi, f"{label} (ms)", scale=1000.0, suffix=" ms")


def pool_name(p: Any) -> str:
    return f"{p.role}/{p.gpu}"


def cost_figure(plan: Any) -> Figure:
    """$/h of each pool, SLO-sized and with spares, with $K/yr beside each bar."""
    pools = list(plan.pools)
    cats = [f"{pool_name(p)} x{p.replicas}" for p in pools]
    base = [float(p.cost_usd_per_hour) for p in pools]
    spare = [float(p.cost_with_spares_usd_per_hour) for p in pools]
    top = max([*base, *spare, 1e-9])

    def text(v: float) -> str:
        return f"${v:,.2f}/h = ${v * HOURS_PER_YEAR / 1000:,.0f}K/yr"

    svg = hbars(
        cats or ["(no pools)"],
        [("SLO-sized replicas", base or [0.0]), ("with spares", spare or [0.0])],
        money_axis(0.0, top * 1.6),
        title="cost per pool",
        value_text=[[text(v) for v in base] or [""], [text(v) for v in spare] or [""]],
    )
    total = float(plan.cost_usd_per_hour)
    return Figure("fig-cost", f"Cost per pool: ${total:,.2f}/h = "
                  f"${total * HOURS_PER_YEAR / 1000:,.0f}K/yr for the SLO-sized replicas, "
                  f"${float(plan.cost_with_spares_usd_per_hour):,.2f}/h with spares.", svg)


def alternatives_figure(
    plan: Any, alternatives: Sequence[dict[str, Any]], slo_s: float | None,
    chosen_p99_s: float | None,
) -> Figure:
    """Cost against simulated P99 TTFT of the chosen plan and the alternatives that were
    simulated; the SLO as a vertical line; labels ``#rank`` placed without overlap."""
    shown = [a for a in alternatives if _finite(a.get("simulated_p99_ttft_s"))]
    xs = [a["simulated_p99_ttft_s"] for a in shown]
    costs = [a["cost_usd_per_hour"] for a in shown] + [float(plan.cost_usd_per_hour)]
    hi_x = max([*xs, *([chosen_p99_s] if _finite(chosen_p99_s) else []),
                *([slo_s] if _finite(slo_s) else []), 1e-3]) * 1.25
    lo, hi = min(costs), max(costs)
    pad = (hi - lo) * 0.2 or max(hi * 0.1, 1.0)
    chart = Chart(ms_axis(hi_x, "simulated P99 TTFT, worst pool"),
                  money_axis(max(0.0, lo - pad), hi + pad), title="chosen plan and alternatives")
    if _finite(slo_s):
        chart.vline(float(slo_s), f"SLO {float(slo_s) * 1000:g} ms")
        chart.legend("dash", "#444", "TTFT SLO")
    if _finite(chosen_p99_s):
        chart.points([float(chosen_p99_s)], [float(plan.cost_usd_per_hour)], name="chosen plan",
                     color=CHOSEN_COLOR, shape="diamond", labels=["chosen"],
                     titles=[f"chosen: {plan.layout}, ${float(plan.cost_usd_per_hour):,.2f}/h"])
    for outcome, color in OUTCOME_COLORS.items():
        group = [a for a in shown if a.get("outcome") == outcome]
        if group:
            chart.points([a["simulated_p99_ttft_s"] for a in group],
                         [a["cost_usd_per_hour"] for a in group],
                         name=outcome.replace("_", " "), color=color,
                         labels=[f"#{a['rank']}" for a in group],
                         titles=[f"#{a['rank']} {a['layout']}: {a.get('reason', '')}"
                                 for a in group])
    if not alternatives:
        chart.note("no alternatives recorded")
        chart.note("(plans from before alternatives were kept, or none was considered)")
    elif not shown:
        chart.note(f"{len(alternatives)} alternative(s) recorded, none simulated")
    if not _finite(chosen_p99_s):
        chart.note("the chosen plan has no simulated P99 (not verified)")
    left = len(alternatives) - len(shown)
    caption = (f"Cost against simulated P99 TTFT: the chosen plan and {len(shown)} simulated "
               f"alternative(s)" + (f"; {left} not simulated are listed in the table" if left
                                    else "") + "."
               + ("" if alternatives else " No alternatives recorded."))
    return Figure("fig-alternatives", caption, chart.render())


def _finite(v: Any) -> bool:
    return v is not None and math.isfinite(float(v))


def cdf_figure(samples: Any, metric: str, slo_s: float | None, quantile: float,
               why_not: str | None = None) -> Figure:
    """The CDF of ``metric`` (``"ttft"`` or ``"tpot"``) of every pool, the SLO as a vertical
    line, the SLO quantile as a horizontal one, and each pool's quantile marked."""
    fid = f"fig-{metric}"
    label = metric.upper()
    qname = f"P{quantile * 100:g}"
    if samples is None or not samples.pools:
        chart = Chart(ms_axis(1.0, label), Axis(0, 1, "share of requests", scale=100,
                                                suffix=" %"), title=f"{label} distribution")
        chart.note(f"not drawn: {why_not or 'no simulation'}")
        return Figure(fid, f"{label} distribution per pool: not drawn ({why_not}).",
                      chart.render())
    tails = [t for p in samples.pools if math.isfinite(t := samples.quantile(p, metric, 0.999))]
    if not tails:  # most requests unfinished: scale to the slowest finished one
        tails = [float(v[np.isfinite(v)].max()) for p in samples.pools
                 if np.isfinite(v := samples.values(p, metric)).any()]
    hi = max([*tails, *([float(slo_s)] if _finite(slo_s) else []), 1e-3]) * 1.15
    chart = Chart(ms_axis(hi, label), Axis(0, 1, "share of requests at or below", scale=100,
                                           suffix=" %"), title=f"{label} distribution per pool")
    if _finite(slo_s):
        chart.vline(float(slo_s), f"{label} SLO {float(slo_s) * 1000:g} ms")
        chart.legend("dash", "#444", f"{label} SLO")
    else:
        chart.legend("text", "#444", f"no {label} SLO")
    chart.hline(quantile, qname)
    qx, qy, qlabels, colors = [], [], [], []
    for i, p in enumerate(samples.pools):
        color = PALETTE[i % len(PALETTE)]
        xs, ys = ecdf_points(samples.values(p, metric), hi)
        chart.line(xs, ys, name=p, color=color, css="of-cdf")
        v = samples.quantile(p, metric, quantile)
        if math.isfinite(v) and v <= hi:
            qx.append(v)
            qy.append(quantile)
            qlabels.append(f"{v * 1000:.0f} ms" if metric == "ttft" else f"{v * 1000:.1f} ms")
            colors.append(color)
    for x, y, text, color in zip(qx, qy, qlabels, colors, strict=True):
        chart.points([x], [y], color=color, labels=[text], size=3.5,
                     titles=[f"{qname} {text}"])
    caption = (f"Simulated {label} per pool ({samples.level} level, {samples.n_requests} "
               f"requests, seed {samples.seed}); {qname} of each pool marked.")
    return Figure(fid, caption, chart.render())


def ecdf_points(values: np.ndarray, hi: float, n: int = 400) -> tuple[list[float], list[float]]:
    """At most ``n + 2`` points ``(latency, share at or below)`` of the sorted ``values``' CDF,
    cut at ``hi`` (the curve then ends at ``hi`` at the share reached there).

    Examples
    --------
    >>> ecdf_points(np.array([1.0, 2.0, 3.0, 4.0]), 5.0, n=4)
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 0.25, 0.5, 0.75, 1.0, 1.0])
    >>> ecdf_points(np.array([1.0, 2.0, np.inf, np.inf]), 5.0)
    ([1.0, 1.0, 2.0, 5.0], [0.0, 0.25, 0.5, 0.5])
    """
    size = values.size
    if size == 0 or not math.isfinite(float(values[0])) or float(values[0]) > hi:
        return [], []
    ranks = np.unique(np.linspace(0, size - 1, min(n, size)).round().astype(np.int64))
    xs = [float(values[0])]
    ys = [0.0]
    for r in ranks:
        x = float(values[r])
        if not (math.isfinite(x) and x <= hi):
            break
        xs.append(x)
        ys.append(float(r + 1) / size)
    reached = float(np.searchsorted(values, hi, side="right")) / size
    if xs[-1] < hi:
        xs.append(hi)
        ys.append(reached)
    return xs, ys


def whatif_figure(
    steps: dict[str, list[tuple[float, float, float]]], plan: Any, headroom_per_s: float | None,
    why_not: str | None = None,
) -> Figure:
    """Cost against arrival rate as steps per GPU menu, the plan's rate and its headroom."""
    rate = float(plan.rate_per_s)
    cost = float(plan.cost_usd_per_hour)
    xs = [v for segs in steps.values() for a, b, _ in segs for v in (a, b)]
    ys = [c for segs in steps.values() for _, _, c in segs]
    hi_x = max([*xs, rate, *([headroom_per_s] if _finite(headroom_per_s) else []), 1.0]) * 1.05
    hi_y = max([*ys, cost, 1.0]) * 1.15
    chart = Chart(Axis(0.0, hi_x, "arrival rate (req/s)", suffix=" req/s"),
                  money_axis(0.0, hi_y), title="cost against traffic")
    for i, (name, segs) in enumerate(steps.items()):
        chart.steps(segs, name=name, color=PALETTE[i % len(PALETTE)], width=2.5 if i == 0
                    else 1.3)
    if _finite(headroom_per_s) and float(headroom_per_s) > rate:
        chart.band(rate, float(headroom_per_s))
        chart.legend("box", "#cfe8df", f"headroom to {float(headroom_per_s):,.1f} req/s")
        chart.vline(float(headroom_per_s), f"headroom {float(headroom_per_s):,.1f}",
                    color=PALETTE[2])
    chart.vline(rate, f"plan {rate:g} req/s")
    chart.points([rate], [cost], color="#222", shape="diamond", labels=[f"${cost:,.2f}/h"],
                 name="this plan", titles=[f"this plan: {rate:g} req/s, ${cost:,.2f}/h"])
    if why_not:
        chart.note(f"what-if not computed: {why_not}")
    caption = ("Cheapest plan for each arrival rate (the IP per rate): flat while the cheaper "
               "plan has headroom, a step where it runs out; the plan's rate and its headroom "
               "(add capacity before it) marked.")
    return Figure("fig-whatif", caption, chart.render())


def utilisation_figure(plan: Any, samples: Any) -> Figure:
    """Planned (analytic) and simulated utilisation of each pool."""
    pools = list(plan.pools)
    cats = [pool_name(p) for p in pools] or ["(no pools)"]
    series = [("planned (analytic)", [float(p.utilisation) for p in pools] or [0.0])]
    util = getattr(samples, "utilisation", None) or {}
    if util:
        series.append(("simulated: slots busy",
                       [util.get(pool_name(p), {}).get("slot", math.nan) for p in pools]))
        series.append(("simulated: replica busy",
                       [util.get(pool_name(p), {}).get("busy", math.nan) for p in pools]))
    texts = [["-" if not math.isfinite(v) else f"{v:.0%}" for v in vals] for _, vals in series]
    axis = Axis(0.0, 1.25, "utilisation", scale=100, suffix=" %")
    svg = hbars(cats, series, axis, title="utilisation per pool", value_text=texts)
    caption = ("Utilisation per pool: the planner's analytic figure"
               + (" and the time averages of the report's simulation (share of the replicas' "
                  "sequence slots in use; share of time a replica has work)" if util else "")
               + ".")
    return Figure("fig-utilisation", caption, svg)
