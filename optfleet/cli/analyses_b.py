"""Analysis commands (registered on the shared Typer app): disagg, grid-flex, tok-per-watt,
simulate-fleet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.app import FormatOpt, OutputFormat, app, emit_json, handles_errors, render_table
from optfleet.errors import InputError

ScenarioArg = Annotated[
    Path | None, typer.Argument(help="Scenario YAML/JSON; omit for the built-in default.")
]
RateOpt = Annotated[float | None, typer.Option("--rate", "-r", help="Override the rate, req/s.")]
WorkloadOpt = Annotated[
    str | None, typer.Option("--workload", "-w", help="Override the workload (built-in or file).")
]
GpusOpt = Annotated[
    str | None, typer.Option("--gpus", help="Override the GPU menu (comma-separated).")
]


def _scenario(path: Path | None, rate: float | None, workload: str | None, gpus: str | None,
              **extra: Any) -> Any:
    from optfleet.cli.commands import workload_spec
    from optfleet.scenario import Scenario, load_scenario, validate_model

    sc = load_scenario(path) if path is not None else Scenario()
    update: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if rate is not None:
        update["rate_per_s"] = rate
    if workload is not None:
        update["workload"] = workload_spec(workload)
    if gpus is not None:
        update["gpus"] = tuple(g.strip() for g in gpus.split(",") if g.strip())
    if update:
        data = sc.model_dump()
        data.update(update)
        sc = validate_model(Scenario, data, "options")
    return sc


def _ms(x: float | None) -> float:
    return float("nan") if x is None else x * 1000.0


@app.command()
@handles_errors
def disagg(
    scenario_file: ScenarioArg = None,
    rate: RateOpt = None,
    workload: WorkloadOpt = None,
    gpus: GpusOpt = None,
    tpot_p99_ms: Annotated[
        float | None, typer.Option("--tpot-p99-ms", help="Decode P99 TPOT SLO, ms (default 100).")
    ] = None,
    link: Annotated[
        str, typer.Option("--link", help="KV link: auto, scale-up or network.")
    ] = "auto",
    network_gbps: Annotated[
        float, typer.Option("--network-gbps", help="Network link per GPU, Gb/s.")
    ] = 400.0,
    aggregated: Annotated[
        str, typer.Option("--aggregated", help="Aggregated comparison: all, one-pool or none.")
    ] = "all",
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Size disaggregated prefill/decode pools per GPU pair; compare with the aggregated plan."""
    from optfleet.analysis.disagg import disagg as run
    from optfleet.scenario import Scenario, validate_model

    sc = _scenario(scenario_file, rate, workload, gpus)
    if tpot_p99_ms is not None:
        data = sc.model_dump()
        data["slo"] = {**data["slo"], "tpot_p99_s": tpot_p99_ms / 1000.0}
        sc = validate_model(Scenario, data, "options")
    if link not in ("auto", "scale-up", "network"):
        raise InputError(f"unknown link {link!r}; known: auto, scale-up, network")
    if aggregated not in ("all", "one-pool", "none"):
        raise InputError(f"unknown --aggregated {aggregated!r}; known: all, one-pool, none")
    res = run(sc, link=link, network_bandwidth_bytes_per_s=network_gbps * 1e9 / 8.0,  # type: ignore[arg-type]
              compare_aggregated=aggregated != "none",
              aggregated_layouts="one-pool" if aggregated == "one-pool" else "all")
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    rows = []
    for p in res.pairs:
        e = p.evaluation
        rows.append([
            p.prefill_gpu, p.decode_gpu,
            p.n_prefill if p.feasible else "-", p.n_decode if p.feasible else "-",
            f"{p.pd_ratio:.2f}" if p.feasible else "-",
            _ms(e.ttft_quantile_s) if e else float("nan"),
            _ms(e.tpot_quantile_s) if e else float("nan"),
            e.link if e else "-",
            p.cost_usd_per_hour if p.feasible else float("nan"),
            "*" if p is res.best else (p.note or ""),
        ])
    agg = res.aggregated_cost_usd_per_hour
    notes = [
        f"best: {res.best.prefill_gpu} x{res.best.n_prefill} prefill -> {res.best.decode_gpu} "
        f"x{res.best.n_decode} decode, P:D (GPUs) {res.best.pd_ratio:.2f}, "
        f"${res.best.cost_usd_per_hour:,.2f}/h",
        "aggregated: " + (f"${agg:,.2f}/h ({res.aggregated_gpus} GPUs)" if agg is not None
                          else "-") + f" - {res.aggregated_note}",
    ]
    render_table(
        f"disaggregated prefill/decode at {res.rate_per_s:g} req/s "
        f"(TTFT {res.ttft_slo_s * 1000:g} ms, TPOT {res.tpot_slo_s * 1000:g} ms)",
        ["prefill", "decode", "n_p", "n_d", "P:D", "P99 TTFT ms", "P99 TPOT ms", "link", "$/h",
         ""],
        rows, notes,
    )


@app.command("grid-flex")
@handles_errors
def grid_flex(
    scenario_file: ScenarioArg = None,
    rate: RateOpt = None,
    workload: WorkloadOpt = None,
    gpu: Annotated[
        str | None, typer.Option("--gpu", "-g", help="GPU type (default: cheapest one-pool).")
    ] = None,
    replicas: Annotated[
        int | None, typer.Option("--replicas", "-n", min=1, help="Pool size (default: sized).")
    ] = None,
    depths: Annotated[
        str | None, typer.Option("--depths", help="Comma-separated depths in [0, 1).")
    ] = None,
    window_s: Annotated[
        float, typer.Option("--window-s", help="Simulated event window, s.")
    ] = 900.0,
    no_sim: Annotated[bool, typer.Option("--no-sim", help="Skip the window simulations.")] = False,
    level: Annotated[str, typer.Option("--level", help="engine or slot.")] = "engine",
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Power curtailment: batch cap per depth, sustained and event-window safe depths."""
    from optfleet.analysis.gridflex import DEFAULT_DEPTHS, gridflex

    sc = _scenario(scenario_file, rate, workload, None)
    ds = DEFAULT_DEPTHS
    if depths is not None:
        try:
            ds = tuple(float(x) for x in depths.split(",") if x.strip())
        except ValueError:
            raise InputError(f"--depths must be comma-separated numbers, got {depths!r}") from None
    res = gridflex(sc, gpu=gpu, replicas=replicas, depths=ds, window_s=window_s,
                   simulate_window=not no_sim, level=level)
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    rows = [
        [f"{r.depth:.0%}", r.target_replica_w, r.batch_cap, r.pool_power_at_cap_w,
         _ms(r.analytic_p99_ttft_s), r.sustained_ok,
         _ms(r.simulated_p99_ttft_s), "-" if r.event_ok is None else r.event_ok]
        for r in res.rows
    ]
    render_table(
        f"grid flex: {res.replicas} x {res.gpu} at {res.rate_per_s:g} req/s, "
        f"P99 TTFT SLO {res.slo_s * 1000:g} ms",
        ["depth", "target W", "batch cap", "pool W", "analytic P99 ms", "sustained ok",
         "sim P99 ms", "event ok"],
        rows,
        [f"sustained safe depth: {res.sustained_safe_depth}; event-window ({res.window_s:g} s, "
         f"{res.level}) safe depth: {res.event_safe_depth}"],
    )


@app.command("tok-per-watt")
@handles_errors
def tok_per_watt(
    scenario_file: ScenarioArg = None,
    workload: WorkloadOpt = None,
    gpus: GpusOpt = None,
    model: Annotated[str | None, typer.Option("--model", "-m", help="Override the model.")] = None,
    utilisations: Annotated[
        str | None, typer.Option("--utilisations", help="Comma-separated load fractions.")
    ] = None,
    fleet: Annotated[
        Path | None, typer.Option("--fleet", help="Fleet file: add fleet-wide (summed) rows.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Output tokens per joule and $ per million output tokens, per GPU type, vs utilisation."""
    from optfleet.analysis.tokperwatt import DEFAULT_UTILISATIONS
    from optfleet.analysis.tokperwatt import tok_per_watt as run

    sc = _scenario(scenario_file, None, workload, gpus, model=model)
    us = DEFAULT_UTILISATIONS
    if utilisations is not None:
        try:
            us = tuple(float(x) for x in utilisations.split(",") if x.strip())
        except ValueError:
            raise InputError(
                f"--utilisations must be comma-separated numbers, got {utilisations!r}"
            ) from None
    fleet_spec = None
    if fleet is not None:
        from optfleet.sim.fleetfile import build_simulation, load_fleet

        fleet_spec = build_simulation(load_fleet(fleet)).fleet
    res = run(sc, utilisations=us, fleet=fleet_spec)
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


@app.command("simulate-fleet")
@handles_errors
def simulate_fleet(
    fleet_file: Annotated[Path, typer.Argument(help="Multi-model fleet YAML/JSON.")],
    requests: Annotated[
        int, typer.Option("--requests", min=10, help="Requests per replication (all models).")
    ] = 20_000,
    replications: Annotated[int, typer.Option("--replications", min=1)] = 3,
    seed: Annotated[int | None, typer.Option("--seed", min=0)] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a multi-model fleet (engine level): per-model and per-pool metrics with CIs."""
    from optfleet.analysis.multimodel import load_multi_model_fleet, simulate_multi_model

    cfg = load_multi_model_fleet(fleet_file)
    res = simulate_multi_model(cfg, n_requests=requests, replications=replications, seed=seed)
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return

    def ci(e: Any) -> str:
        return f"{e.value * 1000:.0f} [{e.low * 1000:.0f}, {e.high * 1000:.0f}]"

    render_table(
        f"multi-model engine simulation: {res.name} ({res.replications} x {res.n_requests})",
        ["model", "req/s", "arrivals", "rejected", "P50 TTFT ms", "P99 TTFT ms [95% CI]",
         "P99 TPOT ms", "SLO attain", "SLO met"],
        [[m.name, m.rate_per_s, m.arrivals, m.rejected, _ms(m.ttft_p50_s.value), ci(m.ttft_p99_s),
          _ms(m.tpot_p99_s.value), f"{m.slo_attainment.value:.2%}", m.slo_met]
         for m in res.models],
    )
    render_table(
        "pools",
        ["pool", "model", "GPU", "replicas", "GPUs", "P99 TTFT ms [95% CI]", "SLO attain",
         "busy", "$/h"],
        [[p.name, p.model, p.gpu, p.replicas, p.gpus, ci(p.sim.ttft.p99),
          f"{p.slo_attainment.value:.2%}", f"{p.sim.busy_utilisation.value:.0%}",
          p.cost_usd_per_hour] for p in res.pools],
        [f"cost ${res.cost_usd_per_hour:,.2f}/h; all model SLOs met: {res.all_slos_met}"],
    )
