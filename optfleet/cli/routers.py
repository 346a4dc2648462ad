"""``compare-routers``: one fleet simulated under each router, metrics side by side."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    LevelOpt,
    OutputFormat,
    OverridePresetOpt,
    PlotOpt,
    QuietOpt,
    ReplicationsOpt,
    RequestsOpt,
    SeedOpt,
    output_path,
    split_list,
    write_plot,
)
from optfleet.cli.render import emit_json, progress, render_table

FleetFileArg = Annotated[
    Path | None,
    typer.Argument(
        help="Fleet YAML/JSON or example:NAME; omit for the bundled agent-heavy two-pool fleet."
    ),
]
RoutersOpt = Annotated[
    str | None,
    typer.Option("--routers", help="Comma-separated routers (default: all but label)."),
]


def compare_routers(
    fleet_file: FleetFileArg = None,
    routers: RoutersOpt = None,
    level: LevelOpt = "engine",
    requests: RequestsOpt = 20_000,
    replications: ReplicationsOpt = 3,
    seed: SeedOpt = None,
    plot: PlotOpt = None,
    preset: OverridePresetOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate one fleet under each router (same requests for each), metrics side by side."""
    from optfleet._data import data_path
    from optfleet.analysis.routers import compare_routers as run_compare
    from optfleet.analysis.routers import plot_routers
    from optfleet.scenario import validate_model
    from optfleet.sim.fleetfile import FleetConfig, load_fleet

    plot = output_path(plot, "--plot")
    path = fleet_file or data_path("examples", "agent_heavy_two_pools.fleet.yaml")
    cfg = load_fleet(path)
    if preset is not None:
        cfg = validate_model(FleetConfig, {**cfg.model_dump(), "preset": preset}, "options")
    names = split_list(routers, "--routers") if routers else None
    which = ", ".join(names) if names else "each router"
    with progress(f"simulating {cfg.name} under {which} ({replications} x {requests} "
                  f"requests, {level} level)\u2026", quiet=quiet, simulates=True):
        result = run_compare(
            cfg, names, level=level, n_requests=requests, replications=replications, seed=seed
        )
    write_plot(plot_routers, result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    notes = [
        f"fleet {result.fleet_name}: ${result.cost_usd_per_hour:,.2f}/h; seed {result.seed} "
        "(every router sees the same requests)"
    ]
    if plot is not None:
        notes.append(f"plot written to {plot}")
    render_table(
        f"routers, {result.level}-level simulation ({result.replications} x "
        f"{result.n_requests} requests), 95% CIs",
        ["router", "P50 TTFT ms", "P99 TTFT ms", "P99 TPOT ms", "SLO met", "rejected",
         "req/s", "arrivals per pool"],
        [router_row(r) for r in result.runs],
        notes=notes,
    )


def router_row(r: Any) -> list[Any]:
    """The table row of one router's run."""
    f = r.fleet
    tp = f.throughput_per_s
    return [
        r.router,
        _ci(f.ttft.p50),
        _ci(f.ttft.p99),
        _ci(f.tpot.p99),
        _pct(f.slo_attainment),
        f.rejected,
        f"{tp.value:.2f} [{tp.low:.2f}, {tp.high:.2f}]",
        " / ".join(str(p.arrivals) for p in r.result.pools),
    ]


def _ci(e: Any) -> str:
    if e is None:
        return "-"
    lo = "-" if not math.isfinite(e.low) else f"{e.low * 1000:.0f}"
    hi = "-" if not math.isfinite(e.high) else f"{e.high * 1000:.0f}"
    return f"{e.value * 1000:.0f} [{lo}, {hi}]"


def _pct(e: Any) -> str:
    if e is None:
        return "-"
    lo = "-" if not math.isfinite(e.low) else f"{e.low:.2%}"
    hi = "-" if not math.isfinite(e.high) else f"{e.high:.2%}"
    return f"{e.value:.2%} [{lo}, {hi}]"
