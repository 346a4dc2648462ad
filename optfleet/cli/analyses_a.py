"""Analysis commands (registered on the shared Typer app): pareto, whatif, compare-routers,
reliability."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.app import (
    FormatOpt,
    LevelOpt,
    OutputFormat,
    ReplicationsOpt,
    RequestsOpt,
    SeedOpt,
    app,
    emit_json,
    handles_errors,
    render_table,
)
from optfleet.errors import InputError

ScenarioArg = Annotated[
    Path | None, typer.Argument(help="Scenario YAML/JSON; omit for the built-in default.")
]
WorkloadOpt = Annotated[
    str | None, typer.Option("--workload", "-w", help="Workload: built-in name or file.")
]
RateOpt = Annotated[float | None, typer.Option("--rate", "-r", help="Arrival rate, req/s.")]
TTFTOpt = Annotated[float | None, typer.Option("--ttft-p99-ms", help="P99 TTFT SLO, ms.")]
PresetOpt = Annotated[
    str | None, typer.Option("--preset", "-p", help="Assumptions preset: default or fleet-sim.")
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model.")]
PlotOpt = Annotated[
    Path | None, typer.Option("--plot", help="Also draw a PNG here (needs matplotlib).")
]


def _scenario(
    scenario_file: Path | None,
    *,
    workload: str | None = None,
    rate: float | None = None,
    ttft_p99_ms: float | None = None,
    preset: str | None = None,
    model: str | None = None,
    gpus: tuple[str, ...] | None = None,
) -> Any:
    """A scenario from a file (or the default) with the given flags applied."""
    from optfleet.cli.commands import workload_spec
    from optfleet.scenario import Scenario, load_scenario, validate_model

    base = load_scenario(scenario_file) if scenario_file is not None else Scenario()
    data = base.model_dump()
    if workload is not None:
        data["workload"] = workload_spec(workload)
    if rate is not None:
        data["rate_per_s"] = rate
    if ttft_p99_ms is not None:
        data["slo"] = {**data["slo"], "ttft_p99_s": ttft_p99_ms / 1000.0}
    if preset is not None:
        data["preset"] = preset
    if model is not None:
        data["model"] = model
    if gpus:
        data["gpus"] = gpus
    return validate_model(Scenario, data, "options")


def _ms(x: float | None) -> float:
    return float("nan") if x is None or not math.isfinite(x) else x * 1000.0


def _csv(value: str, what: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    if not items:
        raise InputError(f"{what} must be a comma-separated list, got {value!r}")
    return items


def _floats(value: str, what: str) -> list[float]:
    out = []
    for v in _csv(value, what):
        try:
            out.append(float(v))
        except ValueError:
            raise InputError(f"{what}: {v!r} is not a number") from None
    return out


# ------------------------------------------------------------------------------------------
# pareto
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def pareto(
    scenario_file: ScenarioArg = None,
    workload: WorkloadOpt = None,
    rate: RateOpt = None,
    ttft_p99_ms: TTFTOpt = None,
    gpu: Annotated[
        str | None, typer.Option("--gpu", "-g", help="GPU type (default: the scenario's first).")
    ] = None,
    preset: PresetOpt = None,
    model: ModelOpt = None,
    plot: PlotOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Cost against P99 TTFT for every split threshold on one GPU type (analytic)."""
    from optfleet.analysis.pareto import pareto as run_pareto
    from optfleet.analysis.pareto import plot_pareto

    sc = _scenario(
        scenario_file,
        workload=workload,
        rate=rate,
        ttft_p99_ms=ttft_p99_ms,
        preset=preset,
        model=model,
        gpus=(gpu,) if gpu else None,
    )
    result = run_pareto(sc, gpu)
    if plot is not None:
        plot_pareto(result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    rows = []
    for r in result.rows:
        g = r.gpus_by_role
        p99 = {p.role: p.p99_ttft_s for p in r.pools}
        rows.append(
            [
                r.layout,
                "-" if r.alpha is None else f"{r.alpha:.1%}",
                g.get("short", g.get("all", "-")) if r.feasible else "-",
                g.get("long", "-") if r.feasible else "-",
                r.gpus if r.feasible else "-",
                r.cost_usd_per_hour,
                None if r.cost_usd_per_year is None else r.cost_usd_per_year / 1000,
                _ms(p99.get("short", p99.get("all"))),
                _ms(p99.get("long")),
                "-" if r.saving_vs_one_pool is None else f"{r.saving_vs_one_pool:.1%}",
                ("*" if r.pareto else "") + (" best" if r.recommended else ""),
                "" if r.feasible else "infeasible",
            ]
        )
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
        rows,
        notes=notes,
    )


# ------------------------------------------------------------------------------------------
# whatif
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def whatif(
    scenario_file: ScenarioArg = None,
    rates: Annotated[
        str, typer.Option("--rates", help="Comma-separated arrival rates, req/s.")
    ] = "25,50,100,200",
    gpus: Annotated[
        str | None,
        typer.Option("--gpus", help="Comma-separated GPU types to compare (default: the menu)."),
    ] = None,
    workload: WorkloadOpt = None,
    ttft_p99_ms: TTFTOpt = None,
    preset: PresetOpt = None,
    model: ModelOpt = None,
    verify: Annotated[
        bool, typer.Option("--verify/--no-verify", help="Simulate the best-mix plans (slow).")
    ] = False,
    backend: Annotated[str, typer.Option("--backend", help="Solver backend.")] = "cbc",
    plot: PlotOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Optimal plans over a range of rates, their headroom, and each GPU type alone."""
    from optfleet.analysis.whatif import plot_whatif
    from optfleet.analysis.whatif import whatif as run_whatif

    sc = _scenario(
        scenario_file, workload=workload, ttft_p99_ms=ttft_p99_ms, preset=preset, model=model
    )
    compare = tuple(_csv(gpus, "--gpus")) if gpus else None
    result = run_whatif(sc, _floats(rates, "--rates"), compare, verify=verify, backend=backend)
    if plot is not None:
        plot_whatif(result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return

    def pools_txt(p: Any) -> str:
        return ", ".join(f"{q.role} {q.replicas}x{q.gpu}" for q in p.pools) or "-"

    rows = [
        [
            p.rate_per_s,
            p.layout or "-",
            pools_txt(p),
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


# ------------------------------------------------------------------------------------------
# compare-routers
# ------------------------------------------------------------------------------------------


@app.command("compare-routers")
@handles_errors
def compare_routers(
    fleet_file: Annotated[
        Path | None,
        typer.Argument(help="Fleet YAML/JSON; omit for the bundled agent-heavy two-pool fleet."),
    ] = None,
    routers: Annotated[
        str | None,
        typer.Option("--routers", help="Comma-separated routers (default: all but label)."),
    ] = None,
    level: LevelOpt = "engine",
    requests: RequestsOpt = 20_000,
    replications: ReplicationsOpt = 3,
    seed: SeedOpt = None,
    plot: PlotOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate one fleet under each router (same requests for each), metrics side by side."""
    from optfleet._data import data_path
    from optfleet.analysis.routers import compare_routers as run_compare
    from optfleet.analysis.routers import plot_routers
    from optfleet.sim.fleetfile import load_fleet

    path = fleet_file or data_path("examples", "agent_heavy_two_pools.fleet.yaml")
    cfg = load_fleet(path)
    names = _csv(routers, "--routers") if routers else None
    result = run_compare(
        cfg, names, level=level, n_requests=requests, replications=replications, seed=seed
    )
    if plot is not None:
        plot_routers(result, plot)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return

    def ci(e: Any) -> str:
        if e is None:
            return "-"
        lo = "-" if not math.isfinite(e.low) else f"{e.low * 1000:.0f}"
        hi = "-" if not math.isfinite(e.high) else f"{e.high * 1000:.0f}"
        return f"{e.value * 1000:.0f} [{lo}, {hi}]"

    def pct(e: Any) -> str:
        if e is None:
            return "-"
        lo = "-" if not math.isfinite(e.low) else f"{e.low:.2%}"
        hi = "-" if not math.isfinite(e.high) else f"{e.high:.2%}"
        return f"{e.value:.2%} [{lo}, {hi}]"

    rows = []
    for r in result.runs:
        f = r.fleet
        tp = f.throughput_per_s
        rows.append(
            [
                r.router,
                ci(f.ttft.p50),
                ci(f.ttft.p99),
                ci(f.tpot.p99),
                pct(f.slo_attainment),
                f.rejected,
                f"{tp.value:.2f} [{tp.low:.2f}, {tp.high:.2f}]",
                " / ".join(str(p.arrivals) for p in r.result.pools),
            ]
        )
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
        rows,
        notes=notes,
    )


# ------------------------------------------------------------------------------------------
# reliability
# ------------------------------------------------------------------------------------------


def _pools_arg(value: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in _csv(value, "--pools"):
        name, sep, n = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--pools items must be name=replicas, got {item!r}")
        try:
            k = int(n)
        except ValueError:
            raise InputError(f"--pools {name}: {n!r} is not an integer") from None
        if k < 0:
            raise InputError(f"--pools {name}: replicas must be >= 0, got {k}")
        out[name.strip()] = k
    return out


@app.command()
@handles_errors
def reliability(
    scenario_file: Annotated[
        Path | None, typer.Argument(help="Scenario: size spares for its plan (not simulated).")
    ] = None,
    pools: Annotated[
        str | None, typer.Option("--pools", help="Pool sizes, e.g. short=3,long=5.")
    ] = None,
    failures_per_node_day: Annotated[
        float, typer.Option("--failures-per-node-day", help="Failure rate r_f.")
    ] = 0.0065,
    mttr_hours: Annotated[float, typer.Option("--mttr-hours", help="Repair time, hours.")] = 24.0,
    availability: Annotated[
        float | None, typer.Option("--availability", help="Give A directly instead.")
    ] = None,
    target: Annotated[
        float, typer.Option("--target", help="Binomial rule: P(enough healthy) target.")
    ] = 0.999,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Availability from failure rate and repair time; spares per pool by two rules."""
    from optfleet.analysis.reliability_report import reliability_report
    from optfleet.scenario import load_scenario

    if scenario_file is not None and pools is not None:
        raise InputError("give --pools or a scenario file, not both")
    result = reliability_report(
        _pools_arg(pools) if pools is not None else None,
        failures_per_node_day=failures_per_node_day,
        mttr_hours=mttr_hours,
        availability=availability,
        target=target,
        scenario=load_scenario(scenario_file) if scenario_file is not None else None,
    )
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    how = (
        f"given A = {result.availability:.5f}"
        if result.failures_per_node_day is None
        else f"A = 1/(1 + {result.failures_per_node_day:g} x {result.mttr_hours:g}/24) = "
        f"{result.availability:.5f}"
    )
    rows = [
        [
            p.pool,
            p.needed,
            p.spares_binomial,
            f"{p.prob_enough_binomial:.5f}",
            p.spares_ceil,
            f"{p.prob_enough_ceil:.5f}",
        ]
        for p in result.pools
    ]
    notes = [how]
    if result.pools:
        notes.append(
            "P(every pool has enough healthy replicas): binomial "
            f"{result.fleet_prob_enough_binomial:.5f}, "
            f"ceil(n/A) {result.fleet_prob_enough_ceil:.5f}"
        )
    render_table(
        f"spares ({result.source}), binomial target {result.target:g}",
        ["pool", "needed", "spares N+k", "P(enough) N+k", "spares ceil(n/A)", "P(enough) ceil"],
        rows,
        notes=notes,
    )
