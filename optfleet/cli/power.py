"""Power and energy commands: ``grid-flex`` (power curtailment) and ``tok-per-watt`` (tokens per
joule, $ per million tokens)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from optfleet.cli.options import (
    FormatOpt,
    OutputFormat,
    OverrideGpusOpt,
    OverridePresetOpt,
    OverrideRateOpt,
    OverrideWorkloadOpt,
    QuietOpt,
    ScenarioArg,
    gpu_menu,
    number_tuple,
    scenario_from_flags,
)
from optfleet.cli.plots import LatencyPlotOpt, plot_output, write_latency_plot
from optfleet.cli.render import emit_json, ms, percent, progress, render_table

# ------------------------------------------------------------------------------------------
# grid-flex
# ------------------------------------------------------------------------------------------

GpuOpt = Annotated[
    str | None, typer.Option("--gpu", "-g", help="GPU type (default: cheapest one-pool).")
]
ReplicasOpt = Annotated[
    int | None, typer.Option("--replicas", "-n", min=1, help="Pool size (default: sized).")
]
DepthsOpt = Annotated[
    str | None, typer.Option("--depths", help="Comma-separated depths in [0, 1).")
]
WindowOpt = Annotated[float, typer.Option("--window-s", help="Simulated event window, s.")]
NoSimOpt = Annotated[bool, typer.Option("--no-sim", help="Skip the window simulations.")]
GridLevelOpt = Annotated[str, typer.Option("--level", help="engine or slot.")]


def grid_flex(
    scenario_file: ScenarioArg = None,
    rate: OverrideRateOpt = None,
    workload: OverrideWorkloadOpt = None,
    gpu: GpuOpt = None,
    replicas: ReplicasOpt = None,
    depths: DepthsOpt = None,
    window_s: WindowOpt = 900.0,
    no_sim: NoSimOpt = False,
    level: GridLevelOpt = "engine",
    preset: OverridePresetOpt = None,
    plot: LatencyPlotOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Power curtailment: batch cap per depth, sustained and event-window safe depths."""
    from optfleet.analysis.gridflex import DEFAULT_DEPTHS, gridflex

    plot = plot_output(plot, without="--no-sim" if no_sim else None)  # CDFs of the windows
    sc = scenario_from_flags(scenario_file, workload=workload, rate_per_s=rate, preset=preset)
    ds = DEFAULT_DEPTHS if depths is None else number_tuple(depths, "--depths")
    what = "" if no_sim else f", simulating {window_s:g} s event windows ({level} level)"
    with progress(f"sizing the pool and its batch cap at {len(ds)} depths{what}\u2026",
                  quiet=quiet, simulates=not no_sim):
        res = gridflex(sc, gpu=gpu, replicas=replicas, depths=ds, window_s=window_s,
                       simulate_window=not no_sim, level=level)
    if plot is not None:
        from optfleet.analysis.report import gridflex_latency

        write_latency_plot(gridflex_latency(sc, res), plot, f"grid flex: {res.replicas} x "
                           f"{res.gpu}, simulated {res.window_s:g} s event windows per depth",
                           sc.slo)
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    rows = [
        [f"{r.depth:.0%}", r.target_replica_w, r.batch_cap, r.pool_power_at_cap_w,
         ms(r.analytic_p99_ttft_s), r.sustained_ok,
         ms(r.simulated_p99_ttft_s), "-" if r.event_ok is None else r.event_ok]
        for r in res.rows
    ]
    render_table(
        f"grid flex: {res.replicas} x {res.gpu} at {res.rate_per_s:g} req/s, "
        f"P99 TTFT SLO {res.slo_s * 1000:g} ms",
        ["depth", "target W", "batch cap", "pool W", "analytic P99 ms", "sustained ok",
         "sim P99 ms", "event ok"],
        rows,
        [f"sustained safe depth: {percent(res.sustained_safe_depth)}; event-window "
         f"({res.window_s:g} s, {res.level}) safe depth: {percent(res.event_safe_depth)}"],
    )


# ------------------------------------------------------------------------------------------
# tok-per-watt
# ------------------------------------------------------------------------------------------

ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Override the model.")]
UtilisationsOpt = Annotated[
    str | None, typer.Option("--utilisations", help="Comma-separated load fractions.")
]
FleetOpt = Annotated[
    Path | None, typer.Option("--fleet", help="Fleet file: add fleet-wide (summed) rows.")
]


def tok_per_watt(
    scenario_file: ScenarioArg = None,
    workload: OverrideWorkloadOpt = None,
    gpus: OverrideGpusOpt = None,
    model: ModelOpt = None,
    utilisations: UtilisationsOpt = None,
    fleet: FleetOpt = None,
    preset: OverridePresetOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Output tokens per joule and $ per million output tokens, per GPU type, vs utilisation."""
    from optfleet.analysis.tokperwatt import DEFAULT_UTILISATIONS
    from optfleet.analysis.tokperwatt import tok_per_watt as run
    from optfleet.sim.fleetfile import load_fleet_spec

    sc = scenario_from_flags(scenario_file, workload=workload, gpus=gpu_menu(gpus), model=model,
                             preset=preset)
    us = (
        DEFAULT_UTILISATIONS
        if utilisations is None
        else number_tuple(utilisations, "--utilisations")
    )
    res = run(sc, utilisations=us, fleet=None if fleet is None else load_fleet_spec(fleet))
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    rows = [
        [p.name, f"{p.utilisation:.0%}", p.batch, p.tokens_per_s, p.power_w, p.tokens_per_joule,
         p.usd_per_million_tokens]
        for p in res.points
    ]
    render_table(
        f"output tokens per joule: {res.model}",
        ["GPU / fleet", "util", "batch", "tok/s", "W", "tok/J", "$/M tok"],
        rows,
        [f"skipped: {s}" for s in res.skipped],
    )
