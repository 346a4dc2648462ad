"""Cost trade-off commands: ``pareto`` (cost against P99 TTFT over split thresholds) and
``whatif`` (optimal plans over a range of rates, and each GPU type alone)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    OutputFormat,
    QuietOpt,
    ScenarioArg,
    parse_floats,
    scenario_from_flags,
    split_list,
    write_plot,
)
from optfleet.cli.plots import FigurePlotOpt as PlotOpt
from optfleet.cli.plots import plot_output
from optfleet.cli.render import emit_json, finite_ms, progress, render_table

WorkloadOpt = Annotated[
    str | None, typer.Option("--workload", "-w", help="Workload: built-in name or file.")
]
RateOpt = Annotated[float | None, typer.Option("--rate", "-r", help="Arrival rate, req/s.")]
TTFTOpt = Annotated[float | None, typer.Option("--ttft-p99-ms", help="P99 TTFT SLO, ms.")]
PresetOpt = Annotated[
    str | None, typer.Option("--preset", "-p", help="Assumptions preset: default or fleet-sim.")
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model.")]

# ------------------------------------------------------------------------------------------
# pareto
# ------------------------------------------------------------------------------------------

ParetoGpuOpt = Annotated[
    str | None, typer.Option("--gpu", "-g", help="GPU type (default: the scenario's first).")
]


def pareto(
    scenario_file: ScenarioArg = None,
    workload: WorkloadOpt = None,
    rate: RateOpt = None,
    ttft_p99_ms: TTFTOpt = None,
    gpu: ParetoGpuOpt = None,
    preset: PresetOpt = None,
    model: ModelOpt = None,
    plot: PlotOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Cost against P99 TTFT for every split threshold on one GPU type (analytic)."""
    from optfleet.analysis.pareto import pareto as run_pareto
    from optfleet.analysis.pareto import plot_pareto

    plot = plot_output(plot)
    sc = scenario_from_flags(
        scenario_file,
        workload=workload,
        rate_per_s=rate,
        ttft_p99_ms=ttft_p99_ms,
        preset=preset,
        model=model,
        gpus=(gpu,) if gpu else None,
        revalidate=True,
    )
    with progress(f"sizing every split threshold on {gpu or sc.gpus[0]}\u2026", quiet=quiet):
        result = run_pareto(sc, gpu)
    write_plot(plot_pareto, result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    rec = result.recommended
    notes = [
        "recommended: "
        + ("none (no threshold is feasible)" if rec is None else
           f"{rec.layout}, {rec.gpus} GPUs, ${rec.cost_usd_per_hour:,.2f}/h"),
        f"{result.infeasible} infeasible threshold(s); * = Pareto-optimal in (cost, worst P99)",
    ]
    bad = [r for r in result.rows if not r.feasible]
    if bad:
        notes.append(f"first infeasible ({bad[0].layout}): {bad[0].reason}")
    if plot is not None:
        notes.append(f"plot written to {plot}")
    render_table(
        f"{result.preset}: {sc.workload_label} at {result.rate_per_s:g} req/s on {result.gpu}, "
        f"P99 TTFT <= {result.slo_ttft_s * 1000:g} ms",
        [
            "layout", "alpha", "short/all GPUs", "long GPUs", "GPUs", "$/h", "$K/yr",
            "P99 short ms", "P99 long ms", "saving", "pareto", "note",
        ],
        [pareto_row(r) for r in result.rows],
        notes=notes,
    )


def pareto_row(r: Any) -> list[Any]:
    """The table row of one threshold of a Pareto sweep."""
    g = r.gpus_by_role
    p99 = {p.role: p.p99_ttft_s for p in r.pools}
    return [
        r.layout,
        "-" if r.alpha is None else f"{r.alpha:.1%}",
        g.get("short", g.get("all", "-")) if r.feasible else "-",
        g.get("long", "-") if r.feasible else "-",
        r.gpus if r.feasible else "-",
        r.cost_usd_per_hour,
        None if r.cost_usd_per_year is None else r.cost_usd_per_year / 1000,
        finite_ms(p99.get("short", p99.get("all"))),
        finite_ms(p99.get("long")),
        "-" if r.saving_vs_one_pool is None else f"{r.saving_vs_one_pool:.1%}",
        ("*" if r.pareto else "") + (" best" if r.recommended else ""),
        "" if r.feasible else "infeasible",
    ]


# ------------------------------------------------------------------------------------------
# whatif
# ------------------------------------------------------------------------------------------

RatesOpt = Annotated[str, typer.Option("--rates", help="Comma-separated arrival rates, req/s.")]
CompareGpusOpt = Annotated[
    str | None,
    typer.Option("--gpus", help="Comma-separated GPU types to compare (default: the menu)."),
]
VerifyOpt = Annotated[
    bool, typer.Option("--verify/--no-verify", help="Simulate the best-mix plans (slow).")
]
BackendOpt = Annotated[str, typer.Option("--backend", help="Solver backend.")]


def whatif(
    scenario_file: ScenarioArg = None,
    rates: RatesOpt = "25,50,100,200",
    gpus: CompareGpusOpt = None,
    workload: WorkloadOpt = None,
    ttft_p99_ms: TTFTOpt = None,
    preset: PresetOpt = None,
    model: ModelOpt = None,
    verify: VerifyOpt = False,
    backend: BackendOpt = "cbc",
    plot: PlotOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Optimal plans over a range of rates, their headroom, and each GPU type alone."""
    from optfleet.analysis.whatif import plot_whatif
    from optfleet.analysis.whatif import whatif as run_whatif

    plot = plot_output(plot)
    sc = scenario_from_flags(
        scenario_file,
        workload=workload,
        ttft_p99_ms=ttft_p99_ms,
        preset=preset,
        model=model,
        revalidate=True,
    )
    compare = tuple(split_list(gpus, "--gpus")) if gpus else None
    rate_list = parse_floats(rates, "--rates")
    with progress(f"planning at {len(rate_list)} rate(s), the best mix and each GPU type "
                  f"alone{' (verified by simulation)' if verify else ''}\u2026",
                  quiet=quiet, simulates=verify):
        result = run_whatif(sc, rate_list, compare, verify=verify, backend=backend)
    write_plot(plot_whatif, result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    rows = [
        [
            p.rate_per_s,
            p.layout or "-",
            ", ".join(f"{q.role} {q.replicas}x{q.gpu}" for q in p.pools) or "-",
            p.gpus if p.feasible else "-",
            p.cost_usd_per_hour,
            None if p.cost_usd_per_year is None else p.cost_usd_per_year / 1000,
            p.headroom_rate_per_s,
            "yes" if p.verified else "no",
        ]
        for p in result.plans
    ]
    render_table(
        f"what if: {result.scenario_name} ({result.preset} preset), best GPU mix",
        ["req/s", "layout", "pools", "GPUs", "$/h", "$K/yr", "add capacity before req/s",
         "verified"],
        rows,
    )
    render_gpu_comparison(result, plot)


def render_gpu_comparison(result: Any, plot: Any) -> None:
    """The second table of ``whatif``: each GPU type alone, at each rate."""
    cmp_rows = []
    for rate in result.rates_per_s:
        row: list[Any] = [rate]
        for g in result.gpus:
            p = result.gpu_plan(g, rate)
            row.append(
                f"{p.gpus} GPUs ${p.cost_usd_per_hour:,.2f}/h (<{p.headroom_rate_per_s:,.0f})"
                if p.feasible
                else "infeasible"
            )
        cmp_rows.append(row)
    first = [result.gpu_plan(g, result.rates_per_s[0]) for g in result.gpus]
    notes = [f"{p.menu[0]}: {p.reason}" for p in first if not p.feasible]
    if plot is not None:
        notes.append(f"plot written to {plot}")
    render_table(
        "each GPU type alone (GPUs, cost, add capacity before req/s)",
        ["req/s", *result.gpus],
        cmp_rows,
        notes=notes,
    )
