"""Simulation commands: ``simulate`` (a fixed fleet, from a fleet file or flags) and
``simulate-fleet`` (a multi-model fleet)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    LevelOpt,
    OutputFormat,
    QuietOpt,
    ReplicationsOpt,
    ScenarioFlags,
    SeedOpt,
    output_path,
    scenario_options,
)
from optfleet.cli.overrides import apply_to_fleet, check_rejected_share
from optfleet.cli.plots import LatencyPlotOpt, plot_output, write_latency_plot
from optfleet.cli.render import cell, ci_ms, emit_json, ms, progress, render_table
from optfleet.errors import InputError

# ------------------------------------------------------------------------------------------
# simulate
# ------------------------------------------------------------------------------------------

FleetFileArg = Annotated[
    Path | None,
    typer.Argument(help="Fleet YAML/JSON (pools, workload, router...) or example:NAME."),
]
ReplicasOpt = Annotated[
    int, typer.Option("--replicas", "-n", min=1, help="Replicas (fleet from flags).")
]
RateOpt = Annotated[
    float | None,
    typer.Option("--rate", "-r", help="Poisson arrival rate, req/s [fleet from flags: 20]."),
]
UsersOpt = Annotated[
    int | None,
    typer.Option("--users", help="Closed loop: concurrent users, each sending its next request "
                 "when its last one ends (vllm bench serve --max-concurrency); not with --rate."),
]
ThinkTimeOpt = Annotated[
    float | None,
    typer.Option("--think-time-ms", help="Closed loop: a user's think time between a response "
                 "and its next request, ms [0]."),
]
ThinkOpt = Annotated[
    str | None,
    typer.Option("--think", help="Closed loop: think-time distribution, fixed or exponential "
                 "(mean --think-time-ms) [fixed]."),
]
#: The one pool simulated when no fleet file is given (each flag given replaces its value).
FLAGS_FLEET: dict[str, Any] = {
    "gpu": "H100-SXM", "max_ctx_tokens": 16384, "rate_per_s": 20.0, "ttft_p99_s": 0.5,
}
SIM_FLAG_HELP = {
    "gpus": "GPU type of the pools: one for all, or one per pool of the fleet file "
    f"[fleet from flags: {FLAGS_FLEET['gpu']}].",
    "long_max_ctx": "max_ctx of the pool serving the longest requests, tokens [fleet from "
    f"flags: {FLAGS_FLEET['max_ctx_tokens']}].",
    "ttft_p99_ms": "SLO for attainment: P99 TTFT, ms [fleet from flags: 500].",
    "max_rejected_share": "Refuse to simulate when more of the requests than this share are "
    "longer than every pool's max_ctx.",
}
SIM_FLAG_NAMES = {"long_max_ctx": ("--long-max-ctx", "--max-ctx")}
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


@scenario_options(helps=SIM_FLAG_HELP, names=SIM_FLAG_NAMES)
def simulate(
    fleet_file: FleetFileArg = None,
    replicas: ReplicasOpt = 4,
    rate: RateOpt = None,
    users: UsersOpt = None,
    think_time_ms: ThinkTimeOpt = None,
    think: ThinkOpt = None,
    flags: ScenarioFlags = ScenarioFlags(),
    preset: PresetOpt = None,
    level: LevelOpt = "engine",
    requests: SimRequestsOpt = None,
    replications: ReplicationsOpt = 3,
    seed: SeedOpt = None,
    protocol: ProtocolOpt = "preset",
    records: RecordsOpt = None,
    plot: LatencyPlotOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a fixed fleet (from a fleet file or flags) with the discrete-event simulator."""
    from optfleet.sim.fleetfile import replay_fleet, simulate_fleet

    cfg = fleet_config(fleet_file, preset, replicas, rate, flags)
    cfg = closed_loop_config(cfg, rate, users, think_time_ms, think)
    check_rejected_share(cfg, flags.max_rejected_share)
    if records is not None and records.suffix.lower() not in (".csv", ".jsonl"):
        raise InputError(f"--records must end in .csv or .jsonl, got {records.name}")
    records = output_path(records, "--records")
    protocol = resolve_protocol(cfg, level, protocol)
    plot = plot_output(plot, without="the fleet-sim protocol" if protocol == "fleet-sim" else None)
    if protocol == "fleet-sim":
        if records is not None:
            raise InputError("--records is not available with the fleet-sim protocol")
        n = requests or 40_000
        with progress(f"simulating {n} requests (slot level, fleet-sim protocol)\u2026",
                      quiet=quiet):
            replay = replay_fleet(cfg, n_requests=n, seed=42 if seed is None else seed)
        render_replay(cfg.name, replay, fmt)
        return
    n = requests or 20_000
    with progress(f"simulating {replications} x {n} requests ({level} level)\u2026",
                  quiet=quiet, simulates=True):
        result = simulate_fleet(
            cfg,
            level=level,
            n_requests=n,
            replications=replications,
            seed=seed,
            record=records is not None or plot is not None,
        )
    if plot is not None:
        from optfleet.analysis.report import sim_latency

        write_latency_plot(sim_latency(result), plot, f"{cfg.name}: {result.level}-level "
                           f"simulation ({result.replications} x {result.n_requests} requests)",
                           result.slo)
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
    replicas: int,
    rate: float | None,
    flags: ScenarioFlags,
) -> Any:
    """The fleet to simulate: the fleet file's, or else one pool built from the flags
    (:data:`FLAGS_FLEET`), with ``--preset``, ``--rate`` and the scenario flags applied."""
    from optfleet.scenario import validate_model
    from optfleet.sim.fleetfile import FleetConfig, load_fleet

    if fleet_file is not None:
        cfg = load_fleet(fleet_file)
    else:
        d = FLAGS_FLEET
        pool = {"name": "pool", "gpu": d["gpu"], "replicas": replicas,
                "max_ctx_tokens": d["max_ctx_tokens"]}
        cfg = validate_model(
            FleetConfig,
            {"rate_per_s": d["rate_per_s"], "slo": {"ttft_p99_s": d["ttft_p99_s"]},
             "pools": [pool]},
            "options",
        )
    update = {k: v for k, v in (("preset", preset), ("rate_per_s", rate)) if v is not None}
    if update:
        cfg = validate_model(FleetConfig, {**cfg.model_dump(), **update}, "options")
    return apply_to_fleet(cfg, flags, from_file=fleet_file is not None)


def closed_loop_config(cfg: Any, rate: float | None, users: int | None,
                       think_time_ms: float | None, think: str | None) -> Any:
    """The fleet with ``--users``, ``--think-time-ms`` and ``--think`` applied: a closed loop
    (:class:`~optfleet.scenario.ClosedLoopClients`) replacing the arrivals.  The think flags alone
    change a fleet file's closed loop; InputError with ``--rate`` or without a closed loop."""
    from optfleet.scenario import validate_model
    from optfleet.scenario.limits import MAX_LATENCY_S
    from optfleet.sim.fleetfile import FleetConfig

    if users is None and think_time_ms is None and think is None:
        return cfg
    if rate is not None:
        raise InputError("--rate is an open-loop rate: give it or --users/--think-time-ms/"
                         "--think (closed loop), not both")
    loop: dict[str, Any] = {}
    if cfg.arrivals is not None and cfg.arrivals.kind == "closed":
        loop = cfg.arrivals.model_dump()
    elif users is None:
        raise InputError("--think-time-ms and --think need a closed loop: add --users N")
    if users is not None:
        if users < 1:
            raise InputError(f"--users must be a whole number >= 1, got {users}")
        loop["users"] = users
    if think_time_ms is not None:
        top = MAX_LATENCY_S * 1000.0
        if not (math.isfinite(think_time_ms) and 0.0 <= think_time_ms <= top):
            raise InputError(f"--think-time-ms must be a finite number of milliseconds >= 0 and "
                             f"<= {top:.0f}, got {think_time_ms:g}")
        loop["think_time_s"] = think_time_ms / 1000.0
    if think is not None:
        loop["think"] = think
    loop["kind"] = "closed"
    return validate_model(FleetConfig, {**cfg.model_dump(), "arrivals": loop}, "options")


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
            ci_ms(g.ttft.p99, n=False),  # the title gives the replications
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
        notes=[f"cost ${result.cost_usd_per_hour:,.2f}/h; SLO met: {cell(result.slo_met)}"]
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
            f"SLO met: {cell(replay.slo_met)}",
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

MultiFleetArg = Annotated[
    Path, typer.Argument(help="Multi-model fleet YAML/JSON, or example:NAME.")
]
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
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a multi-model fleet (engine level): per-model and per-pool metrics with CIs."""
    from optfleet.analysis.multimodel import load_multi_model_fleet, simulate_multi_model

    cfg = load_multi_model_fleet(fleet_file)
    with progress(f"simulating {replications} x {requests} requests (engine level, "
                  f"{len(cfg.models)} models)\u2026", quiet=quiet, simulates=True):
        res = simulate_multi_model(cfg, n_requests=requests, replications=replications,
                                   seed=seed)
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
        [f"cost ${res.cost_usd_per_hour:,.2f}/h; all model SLOs met: {cell(res.all_slos_met)}"],
    )
