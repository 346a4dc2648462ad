"""Simulation commands: ``simulate`` (a fixed fleet, from a fleet file or flags) and
``simulate-fleet`` (a multi-model fleet)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    LevelOpt,
    OutputFormat,
    ReplicationsOpt,
    SeedOpt,
    WorkloadOpt,
    output_path,
    workload_spec,
)
from optfleet.cli.render import ci_ms, emit_json, ms, render_table
from optfleet.errors import InputError

# ------------------------------------------------------------------------------------------
# simulate
# ------------------------------------------------------------------------------------------

FleetFileArg = Annotated[
    Path | None, typer.Argument(help="Fleet YAML/JSON (pools, workload, router...).")
]
GpuOpt = Annotated[str, typer.Option("--gpu", "-g", help="GPU type (fleet from flags).")]
ReplicasOpt = Annotated[int, typer.Option("--replicas", "-n", min=1, help="Replicas.")]
MaxCtxOpt = Annotated[int, typer.Option("--max-ctx", min=2, help="Pool max_ctx, tokens.")]
ModelOpt = Annotated[str, typer.Option("--model", "-m", help="Model.")]
TPOpt = Annotated[int, typer.Option("--tp", min=1, help="Tensor-parallel size.")]
RateOpt = Annotated[float, typer.Option("--rate", "-r", help="Poisson arrival rate, req/s.")]
TTFTOpt = Annotated[float, typer.Option("--ttft-p99-ms", help="SLO for attainment, ms.")]
PresetOpt = Annotated[str | None, typer.Option("--preset", "-p", help="Assumptions preset.")]
SimRequestsOpt = Annotated[
    int | None,
    typer.Option(
        "--requests", min=10, help="Requests per replication [20000; fleet-sim protocol 40000]."
    ),
]
ProtocolOpt = Annotated[
    str,
    typer.Option(
        "--protocol",
        help="Slot level: 'replications' (optfleet: independent replications, 95% CIs), "
        "'fleet-sim' (the reference planner's single seeded run, pooled queue) or 'preset' "
        "(the preset's choice).",
    ),
]
RecordsOpt = Annotated[
    Path | None, typer.Option("--records", help="Write per-request records (.csv or .jsonl).")
]


def simulate(
    fleet_file: FleetFileArg = None,
    gpu: GpuOpt = "H100-SXM",
    replicas: ReplicasOpt = 4,
    max_ctx: MaxCtxOpt = 16384,
    model: ModelOpt = "llama-3.1-8b",
    tp: TPOpt = 1,
    workload_name: WorkloadOpt = "azure",
    rate: RateOpt = 20.0,
    ttft_p99_ms: TTFTOpt = 500.0,
    preset: PresetOpt = None,
    level: LevelOpt = "engine",
    requests: SimRequestsOpt = None,
    replications: ReplicationsOpt = 3,
    seed: SeedOpt = None,
    protocol: ProtocolOpt = "preset",
    records: RecordsOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a fixed fleet (from a fleet file or flags) with the discrete-event simulator."""
    from optfleet.sim.fleetfile import replay_fleet, simulate_fleet

    cfg = fleet_config(
        fleet_file, preset, gpu, replicas, max_ctx, model, tp, workload_name, rate, ttft_p99_ms
    )
    if records is not None and records.suffix.lower() not in (".csv", ".jsonl"):
        raise InputError(f"--records must end in .csv or .jsonl, got {records.name}")
    records = output_path(records, "--records")
    protocol = resolve_protocol(cfg, level, protocol)
    if protocol == "fleet-sim":
        if records is not None:
            raise InputError("--records is not available with the fleet-sim protocol")
        replay = replay_fleet(
            cfg, n_requests=requests or 40_000, seed=42 if seed is None else seed
        )
        render_replay(cfg.name, replay, fmt)
        return
    result = simulate_fleet(
        cfg,
        level=level,
        n_requests=requests or 20_000,
        replications=replications,
        seed=seed,
        record=records is not None,
    )
    if records is not None and result.records:
        rec = result.records[0]
        (rec.to_csv if records.suffix.lower() == ".csv" else rec.to_jsonl)(records)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    render_simulation(cfg.name, result)


def fleet_config(
    fleet_file: Path | None,
    preset: str | None,
    gpu: str,
    replicas: int,
    max_ctx: int,
    model: str,
    tp: int,
    workload_name: str,
    rate: float,
    ttft_p99_ms: float,
) -> Any:
    """The fleet to simulate: the fleet file's (its preset overridden by ``preset``), or else one
    pool built from the flags."""
    from optfleet.scenario import validate_model
    from optfleet.sim.fleetfile import FleetConfig, load_fleet

    if fleet_file is not None:
        cfg = load_fleet(fleet_file)
        if preset is not None:
            cfg = validate_model(FleetConfig, {**cfg.model_dump(), "preset": preset}, "options")
        return cfg
    return validate_model(
        FleetConfig,
        {
            "preset": preset or "default",
            "model": model,
            "workload": workload_spec(workload_name),
            "rate_per_s": rate,
            "slo": {"ttft_p99_s": ttft_p99_ms / 1000.0},
            "pools": [
                {
                    "name": "pool",
                    "gpu": gpu,
                    "replicas": replicas,
                    "max_ctx_tokens": max_ctx,
                    "tensor_parallel_size": tp,
                }
            ],
        },
        "options",
    )


def resolve_protocol(cfg: Any, level: str, protocol: str) -> str:
    """``--protocol`` checked against ``--level``; ``preset`` resolved to the preset's choice."""
    from optfleet.sim.fleetfile import preset_protocol

    if protocol not in ("preset", "replications", "fleet-sim"):
        raise InputError(
            f"unknown protocol {protocol!r}; known: preset, replications, fleet-sim"
        )
    if protocol == "fleet-sim" and level != "slot":
        raise InputError("the fleet-sim protocol is a slot-level protocol: add --level slot")
    return preset_protocol(cfg, level) if protocol == "preset" else protocol


def render_simulation(name: str, result: Any) -> None:
    """The table of a :class:`~optfleet.sim.SimResult`: each pool (if several), then the fleet."""
    groups = [*result.pools, result.fleet] if len(result.pools) > 1 else [result.fleet]
    rows = [
        [
            g.name,
            g.replicas,
            g.arrivals,
            g.completed,
            g.rejected,
            g.unfinished,
            ms(g.ttft.p50.value),
            ci_ms(g.ttft.p99),
            ms(g.tpot.p99.value),
            "-" if g.slo_attainment is None else f"{g.slo_attainment.value:.2%}",
            f"{g.busy_utilisation.value:.0%}",
            g.preemptions,
        ]
        for g in groups
    ]
    render_table(
        f"{result.level}-level simulation: {name} "
        f"({result.replications} x {result.n_requests} requests)",
        [
            "pool",
            "replicas",
            "arrivals",
            "done",
            "rejected",
            "unfinished",
            "P50 TTFT ms",
            "P99 TTFT ms [95% CI]",
            "P99 TPOT ms",
            "SLO met",
            "busy",
            "preempt",
        ],
        rows,
        notes=[f"cost ${result.cost_usd_per_hour:,.2f}/h; SLO met: {result.slo_met}"]
        + (list(result.notes) if result.notes else []),
    )


def render_replay(name: str, replay: Any, fmt: OutputFormat) -> None:
    """The result of the fleet-sim protocol, as JSON or a table."""
    if fmt is OutputFormat.json:
        emit_json(replay.to_dict())
        return
    slo = replay.slo_ttft_p99_s
    rows = [
        [
            f"{p.role}/{p.gpu}",
            p.replicas,
            p.servers,
            f"{p.rate_per_s:.3g}",
            p.measured,
            ms(p.p99_ttft_s),
            "-" if p.slo_attainment is None else f"{p.slo_attainment:.2%}",
            "-" if slo is None else ("ok" if p.p99_ttft_s <= slo else "MISSES"),
        ]
        for p in replay.pools
    ]
    render_table(
        f"slot-level simulation, fleet-sim protocol: {name} (one run of {replay.n_requests} "
        f"requests after {replay.warmup_requests} warm-up, seed {replay.seed})",
        ["pool", "replicas", "servers", "req/s", "measured", "P99 TTFT ms", "SLO met", "verdict"],
        rows,
        notes=[
            f"SLO met: {replay.slo_met}",
            "one sample path, as the reference planner verifies; --protocol replications gives "
            "optfleet's independent replications with 95% CIs",
        ]
        + (
            [f"{replay.rejected_share:.4%} of requests are longer than every pool's max_ctx: "
             "rejected, not simulated"]
            if replay.rejected_share > 1e-9
            else []
        ),
    )


# ------------------------------------------------------------------------------------------
# simulate-fleet: a multi-model fleet
# ------------------------------------------------------------------------------------------

MultiFleetArg = Annotated[Path, typer.Argument(help="Multi-model fleet YAML/JSON.")]
MultiRequestsOpt = Annotated[
    int, typer.Option("--requests", min=10, help="Requests per replication (all models).")
]
BareReplicationsOpt = Annotated[int, typer.Option("--replications", min=1)]
BareSeedOpt = Annotated[int | None, typer.Option("--seed", min=0)]


def simulate_fleet(
    fleet_file: MultiFleetArg,
    requests: MultiRequestsOpt = 20_000,
    replications: BareReplicationsOpt = 3,
    seed: BareSeedOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a multi-model fleet (engine level): per-model and per-pool metrics with CIs."""
    from optfleet.analysis.multimodel import load_multi_model_fleet, simulate_multi_model

    cfg = load_multi_model_fleet(fleet_file)
    res = simulate_multi_model(cfg, n_requests=requests, replications=replications, seed=seed)
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    render_table(
        f"multi-model engine simulation: {res.name} ({res.replications} x {res.n_requests})",
        ["model", "req/s", "arrivals", "rejected", "P50 TTFT ms", "P99 TTFT ms [95% CI]",
         "P99 TPOT ms", "SLO attain", "SLO met"],
        [[m.name, m.rate_per_s, m.arrivals, m.rejected, ms(m.ttft_p50_s.value), ci_ms(m.ttft_p99_s),
          ms(m.tpot_p99_s.value), f"{m.slo_attainment.value:.2%}", m.slo_met]
         for m in res.models],
    )
    render_table(
        "pools",
        ["pool", "model", "GPU", "replicas", "GPUs", "P99 TTFT ms [95% CI]", "SLO attain",
         "busy", "$/h"],
        [[p.name, p.model, p.gpu, p.replicas, p.gpus, ci_ms(p.sim.ttft.p99),
          f"{p.slo_attainment.value:.2%}", f"{p.sim.busy_utilisation.value:.0%}",
          p.cost_usd_per_hour] for p in res.pools],
        [f"cost ${res.cost_usd_per_hour:,.2f}/h; all model SLOs met: {res.all_slos_met}"],
    )
