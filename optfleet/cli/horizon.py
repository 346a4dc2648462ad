"""``optfleet plan`` on a scenario with ``horizon:``: the schedule, the reserved commitment and
the saving against peak sizing (thin: call :func:`optfleet.planning.horizon.plan_horizon`,
render)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from optfleet.cli.options import OutputFormat
from optfleet.cli.render import emit_json, progress, render_table


def plan_over_time(scenario: Any, *, verify: bool, quiet: bool, out: Path | None,
                   fmt: OutputFormat, plot: Path | None, sim_requests: int | None,
                   backend: str | None) -> None:
    """Plan ``scenario`` over its horizon and print (or write) the result."""
    from optfleet.planning.horizon import plan_horizon

    with progress("planning over time\u2026", quiet=quiet, simulates=verify) as report:
        result = plan_horizon(scenario, verify=verify, sim_requests=sim_requests,
                              backend=backend, progress=report)
    if out is not None:
        result.save(out)
    if plot is not None:
        write_horizon_plot(result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.model_dump(mode="json"))
        return
    render_horizon(result)


def _tier_cell(d: dict[str, int]) -> str:
    return ", ".join(f"{n} {g}" for g, n in sorted(d.items()) if n) or "-"


def render_horizon(p: Any) -> None:
    """The schedule table and the summary lines."""
    rows = []
    for per in p.periods:
        pools = "; ".join(f"{x.role}: {x.replicas}x{x.gpu}" for x in per.pools) or "-"
        sim = "-" if per.simulated_p99_ttft_s is None else f"{per.simulated_p99_ttft_s * 1e3:.0f}"
        ok = {True: "yes", False: "NO", None: "-"}[per.slo_met]
        rows.append([per.name, f"{per.interactive_rate_per_s:.4g}",
                     f"{per.batch_rate_per_s:.3g}", pools, _tier_cell(per.reserved_gpus),
                     _tier_cell(per.on_demand_gpus), _tier_cell(per.spot_gpus),
                     f"{per.utilisation:.0%}", sim, ok, f"{per.cost_usd:,.2f}"])
    notes = [
        f"layout: {p.layout}; reserve {_tier_cell(p.reserved_gpus)} for the whole horizon",
        f"cost over {p.horizon_hours:g} h: ${p.cost_usd:,.2f} (${p.cost_usd_per_hour:,.2f}/h), "
        f"{p.gpu_hours:,.0f} GPU-hours",
        f"peak sizing ({_tier_cell(p.peak.gpus)} all horizon): ${p.peak.cost_usd:,.2f}, "
        f"{p.peak.gpu_hours:,.0f} GPU-hours; saving ${p.saving_usd:,.2f} "
        f"({p.saving_share:.1%}), {p.peak.gpu_hours - p.gpu_hours:,.0f} GPU-hours",
    ]
    spares = sum(sum(per.spare_gpus.values()) for per in p.periods)
    if spares:
        notes.append(f"spares (reliability pass, spot interruptions as extra unavailability): "
                     f"{max(sum(per.spare_gpus.values()) for per in p.periods)} GPUs at most; "
                     f"with spares ${p.cost_with_spares_usd:,.2f} (peak sizing with spares "
                     f"${p.peak.cost_with_spares_usd:,.2f})")
    for name, n in p.batch_requests.items():
        notes.append(f"batch {name}: {n:,.0f} requests placed before the deadline")
    notes.append(f"verified: {'yes' if p.verified else 'no'} (each period simulated at the "
                 "engine level at its planned load)")
    if p.replay is not None:
        r = p.replay
        late = [b for b in r["batch"] if b["on_time_share"] < 1.0]
        notes.append(
            f"replay: {r['requests']:,} requests over the horizon ({r['replay_period_s']:g} s "
            f"per period, {r['outages']} outages); SLO met in every period: "
            f"{'yes' if r['slo_met_every_period'] else 'NO'}; batch on time: "
            f"{'yes' if not late else 'NO'}")
    notes.append(f"solver: {p.solver.get('backend')} termination={p.solver.get('termination')} "
                 f"gap={p.solver.get('gap')}; time "
                 + ", ".join(f"{k} {v:.1f} s" for k, v in p.timings_s.items()))
    notes.extend(p.notes)
    render_table(f"optfleet plan over time - {p.scenario_name}",
                 ["period", "req/s", "batch req/s", "pools", "reserved", "on-demand", "spot",
                  "util", "sim P99 TTFT ms", "SLO", "$"], rows, notes=notes)


def write_horizon_plot(p: Any, path: Path) -> None:
    """Demand (interactive + batch) against the capacity at the SLO, per period."""
    from optfleet.analysis.plotting import require_matplotlib

    require_matplotlib("--plot")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from optfleet._files import atomic_path

    hours = [per.start_s / 3600.0 for per in p.periods]
    fig, ax = plt.subplots(figsize=(9, 4))
    inter = [per.interactive_rate_per_s for per in p.periods]
    total = [per.interactive_rate_per_s + per.batch_rate_per_s for per in p.periods]
    cap = [sum(x.capacity_per_s for x in per.pools) for per in p.periods]
    ax.step(hours, inter, where="post", label="interactive demand")
    ax.step(hours, total, where="post", label="interactive + batch placed")
    ax.step(hours, cap, where="post", label="capacity at the SLO", linestyle="--")
    ax.set_xlabel("hours from the horizon's start")
    ax.set_ylabel("requests/s")
    ax.set_title(f"{p.scenario_name}: demand and capacity")
    ax.legend()
    with atomic_path(path, "--plot") as tmp:
        fig.savefig(tmp, format=path.suffix.lstrip(".").lower())
    plt.close(fig)
    typer.echo(f"wrote {path}", err=True)
