"""optfleet's commands. Each: parse -> one library call -> render (table or JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.app import (
    FormatOpt,
    LevelOpt,
    OutputFormat,
    ReplicationsOpt,
    SeedOpt,
    app,
    emit_json,
    handles_errors,
    render_table,
)
from optfleet.errors import InputError

# ------------------------------------------------------------------------------------------
# shared option parsing
# ------------------------------------------------------------------------------------------

WorkloadOpt = Annotated[
    str,
    typer.Option(
        "--workload",
        "-w",
        help="Built-in workload (azure, lmsys, agent_heavy, azure_code, azure_conv) or a CDF file.",
    ),
]
PresetOpt = Annotated[
    str, typer.Option("--preset", "-p", help="Assumptions preset: default or fleet-sim.")
]


def workload_spec(value: str) -> Any:
    """A workload given on the command line: a built-in name or a file path."""
    from optfleet.scenario import CDFWorkload, TraceWorkload
    from optfleet.workloads import BUILTIN_CDFS, BUILTIN_TRACES

    if value in BUILTIN_CDFS:
        return CDFWorkload(name=value)
    if value in BUILTIN_TRACES:
        return TraceWorkload(name=value)
    path = Path(value)
    if not path.exists():
        known = ", ".join(sorted(set(BUILTIN_CDFS) | set(BUILTIN_TRACES)))
        raise InputError(f"workload {value!r} is neither a built-in ({known}) nor an existing file")
    if path.suffix.lower() in (".csv",):
        return TraceWorkload(path=path, format="azure2023")
    if path.suffix.lower() in (".jsonl",):
        return TraceWorkload(path=path, format="jsonl")
    return CDFWorkload(path=path)


def _ci_ms(est: Any) -> str:
    """``value [low, high]`` of an estimate in ms."""
    return f"{est.value * 1000:.0f} [{est.low * 1000:.0f}, {est.high * 1000:.0f}]"


def _ms(x: float) -> float:
    return float("nan") if x is None else x * 1000.0


# ------------------------------------------------------------------------------------------
# schema, presets, catalogs
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def schema() -> None:
    """Print the JSON schema of scenario files (YAML or JSON)."""
    from optfleet.scenario import scenario_json_schema

    emit_json(scenario_json_schema())


@app.command()
@handles_errors
def presets(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the assumption presets."""
    from optfleet.scenario.presets import list_presets

    items = list_presets()
    if fmt is OutputFormat.json:
        emit_json([p.model_dump(mode="json") for p in items])
        return
    render_table(
        "assumption presets",
        ["name", "profiles", "KV", "SLO check", "util cap", "description"],
        [
            [p.name, p.profile_set, p.kv_policy, p.tail_method, p.util_cap, p.description]
            for p in items
        ],
    )


@app.command()
@handles_errors
def gpus(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the GPU catalog."""
    from optfleet.scenario.catalog import list_gpus

    items = list_gpus()
    if fmt is OutputFormat.json:
        emit_json([g.model_dump(mode="json") for g in items])
        return
    render_table(
        "GPU catalog",
        ["name", "memory GB", "HBM GB/s", "BF16 TFLOP/s", "TDP W", "link", "$/GPU-h", "source"],
        [
            [
                g.name,
                g.memory_bytes / 1e9,
                g.memory_bandwidth_bytes_per_s / 1e9,
                g.bf16_flop_per_s / 1e12,
                g.tdp_w,
                g.interconnect,
                g.price_usd_per_hour,
                g.source,
            ]
            for g in items
        ],
    )


@app.command()
@handles_errors
def models(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the model catalog."""
    from optfleet.physics import kv_bytes_per_token, param_count
    from optfleet.scenario.catalog import list_models

    items = list_models()
    if fmt is OutputFormat.json:
        emit_json([m.model_dump(mode="json") for m in items])
        return
    render_table(
        "model catalog",
        ["name", "layers", "hidden", "heads/kv", "params B", "KV bytes/token (bf16)", "kind"],
        [
            [
                m.name,
                m.num_layers,
                m.hidden_size,
                f"{m.num_attention_heads}/{m.num_kv_heads}",
                param_count(m) / 1e9,
                int(kv_bytes_per_token(m, "bf16")),
                ("MoE " if m.is_moe else "")
                + ("MLA" if m.is_mla else ("dense" if not m.is_moe else "")),
            ]
            for m in items
        ],
    )


# ------------------------------------------------------------------------------------------
# profile: one replica
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def profile(
    gpu: Annotated[str, typer.Argument(help="GPU type, e.g. H100-SXM.")],
    model: Annotated[
        str, typer.Argument(help="Model name or path to a Hugging Face config.json.")
    ] = "llama-3.1-8b",
    tp: Annotated[
        int, typer.Option("--tp", min=1, help="Tensor-parallel size (GPUs per replica).")
    ] = 1,
    dtype: Annotated[
        str, typer.Option("--dtype", help="Weights dtype: bf16, fp16, fp8, ...")
    ] = "bf16",
    max_num_seqs: Annotated[int, typer.Option("--max-num-seqs", min=1)] = 256,
    kv_policy: Annotated[str, typer.Option("--kv-policy", help="paged or reserve")] = "paged",
    calibrated: Annotated[
        bool, typer.Option("--calibrated", help="The fleet-sim calibrated profile.")
    ] = False,
    max_ctx: Annotated[
        int, typer.Option("--max-ctx", min=1, help="Context for the slot count.")
    ] = 8192,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Show a replica's performance profile (computed from specs, or the calibrated one)."""
    from optfleet.physics import calibrated_profile, computed_profile, profile_summary
    from optfleet.scenario import ServingConfig, validate_model
    from optfleet.scenario.catalog import get_gpu, resolve_model

    if calibrated:
        prof = calibrated_profile(gpu)
    else:
        serving = validate_model(
            ServingConfig,
            {
                "tensor_parallel_size": tp,
                "dtype": dtype,
                "max_num_seqs": max_num_seqs,
                "kv_policy": kv_policy,
            },
            "serving options",
        )
        prof = computed_profile(get_gpu(gpu), resolve_model(model), serving)
    summary = profile_summary(prof, max_ctx_tokens=max_ctx)
    if fmt is OutputFormat.json:
        emit_json(summary)
        return
    render_table(
        f"replica profile {prof.name}", ["quantity", "value"], [[k, v] for k, v in summary.items()]
    )


# ------------------------------------------------------------------------------------------
# workload: inspect a CDF or trace
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def workload(
    name: Annotated[
        str, typer.Argument(help="Built-in workload name or a CDF/trace file.")
    ] = "azure",
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Validate and summarise a workload (length CDF or trace)."""
    from optfleet.workloads import load_workload

    w = load_workload(workload_spec(name))
    cdf = w.cdf
    mix = w.mix
    info: dict[str, Any] = {
        "name": w.name,
        "mean_total_tokens": float(mix.mean_total_tokens),
        "mean_prompt_tokens": float(mix.mean_prompt_tokens),
        "mean_output_tokens": float(mix.mean_output_tokens),
        "p50_total_tokens": float(cdf.quantile(0.5)),
        "p99_total_tokens": float(cdf.quantile(0.99)),
        "max_tokens": int(cdf.tokens[-1]),
        "knots": [[int(t), float(f)] for t, f in zip(cdf.tokens, cdf.fractions, strict=True)],
    }
    if w.trace is not None:
        info.update(
            requests=int(w.trace.prompt_tokens.size),
            dropped_rows=int(w.trace.dropped_rows),
            duration_s=float(w.trace.duration_s),
            rate_per_s=float(w.trace.rate_per_s),
            interarrival_cv=float(w.trace.interarrival_cv),
        )
    if fmt is OutputFormat.json:
        emit_json(info)
        return
    rows = [[k, v] for k, v in info.items() if k != "knots"]
    render_table(f"workload {w.name}", ["quantity", "value"], rows)
    render_table("length CDF", ["tokens <=", "fraction"], [[t, f] for t, f in info["knots"]])


# ------------------------------------------------------------------------------------------
# size: analytic pool sizes for one layout
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def size(
    workload_name: WorkloadOpt = "azure",
    rate: Annotated[float, typer.Option("--rate", "-r", help="Arrival rate, requests/s.")] = 100.0,
    ttft_p99_ms: Annotated[float, typer.Option("--ttft-p99-ms", help="P99 TTFT SLO, ms.")] = 500.0,
    gpu: Annotated[str, typer.Option("--gpu", "-g", help="GPU type.")] = "H100-SXM",
    model: Annotated[
        str, typer.Option("--model", "-m", help="Model (default preset).")
    ] = "llama-3.1-8b",
    tp: Annotated[int, typer.Option("--tp", min=1, help="Tensor-parallel size.")] = 1,
    preset: PresetOpt = "default",
    threshold: Annotated[
        int | None,
        typer.Option("--threshold", "-t", help="B_short split threshold; omit for one pool."),
    ] = None,
    gamma: Annotated[
        float, typer.Option("--gamma", help="Compress-and-route factor (>= 1).")
    ] = 1.0,
    long_max_ctx: Annotated[
        int, typer.Option("--long-max-ctx", help="Longest request, tokens.")
    ] = 65536,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Size the pools of one layout on one GPU type analytically (queueing maths only)."""
    from optfleet.planning import PoolContext, size_layout
    from optfleet.scenario import Scenario, validate_model

    scenario = validate_model(
        Scenario,
        {
            "workload": workload_spec(workload_name),
            "rate_per_s": rate,
            "slo": {"ttft_p99_s": ttft_p99_ms / 1000.0},
            "gpus": (gpu,),
            "model": model,
            "tensor_parallel": {gpu: tp},
            "preset": preset,
            "long_max_ctx_tokens": long_max_ctx,
        },
        "options",
    )
    ctx = PoolContext.from_scenario(scenario)
    result = size_layout(ctx, gpu, threshold, gamma)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    rows = [
        [
            p.role,
            p.max_ctx_tokens,
            f"{p.share:.1%}",
            p.rate_per_s,
            p.replicas,
            p.gpus,
            p.slots_per_replica,
            f"{p.utilisation:.1%}",
            _ms(p.p99_ttft_s),
            p.cost_usd_per_year / 1000,
        ]
        for p in result.pools
    ]
    render_table(
        f"{ctx.preset.name}: {scenario.workload_label} at {rate:g} req/s on {gpu}, "
        f"threshold {threshold or 'none'}, gamma {gamma:g}",
        [
            "pool",
            "max ctx",
            "share",
            "req/s",
            "replicas",
            "GPUs",
            "slots",
            "util",
            "P99 TTFT ms",
            "$K/yr",
        ],
        rows,
        notes=[f"total: {result.gpus} GPUs, ${result.cost_usd_per_hour * 8.76:,.0f}K/yr"],
    )


def _load_json_arg(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}") from None


# ------------------------------------------------------------------------------------------
# plan
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def plan(
    scenario_file: Annotated[
        Path | None, typer.Argument(help="Scenario YAML/JSON; omit for the built-in default.")
    ] = None,
    preset: Annotated[
        str | None, typer.Option("--preset", "-p", help="Override the preset.")
    ] = None,
    rate: Annotated[
        float | None, typer.Option("--rate", "-r", help="Override the rate, req/s.")
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", help="Solver backend: cbc or highs.")
    ] = "cbc",
    top_k: Annotated[
        int, typer.Option("--top-k", min=1, help="Candidates verified per solve.")
    ] = 3,
    verify: Annotated[
        bool, typer.Option("--verify/--no-verify", help="Simulate the candidates.")
    ] = True,
    level: Annotated[
        str, typer.Option("--level", help="Simulation level: engine or slot.")
    ] = "engine",
    sim_requests: Annotated[
        int | None, typer.Option("--sim-requests", min=100, help="Requests per replication.")
    ] = None,
    time_limit_s: Annotated[
        float | None, typer.Option("--time-limit", help="Solver time limit, s.")
    ] = None,
    disaggregation: Annotated[
        str | None,
        typer.Option(
            "--disaggregation",
            help="Prefill/decode disaggregated layouts: off, also or only (default: the "
            "scenario's, off).",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the plan as JSON here.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Plan the cheapest fleet meeting the SLO: integer program, simulation check, spares."""
    import sys

    from optfleet.planning import plan as make_plan
    from optfleet.scenario import Scenario, load_scenario

    scenario = load_scenario(scenario_file) if scenario_file is not None else Scenario()
    update: dict[str, Any] = {}
    if preset is not None:
        update["preset"] = preset
    if rate is not None:
        if scenario.models:
            raise InputError("--rate applies to one-model scenarios; set rate_per_s per model")
        update["rate_per_s"] = rate
    if disaggregation is not None:
        update["disaggregation"] = disaggregation
    if update:
        from optfleet.scenario import validate_model

        scenario = validate_model(Scenario, {**scenario.model_dump(), **update}, "options")
    if level not in ("engine", "slot"):
        raise InputError(f"unknown simulation level {level!r}; known: engine, slot")

    progress = None
    status = None
    if fmt is OutputFormat.table and sys.stderr.isatty():
        from rich.console import Console

        status = Console(stderr=True).status("planning ...")
        status.start()

        def progress(msg: str) -> None:
            status.update(msg)

    try:
        result = make_plan(
            scenario,
            backend=backend,
            top_k=top_k,
            verify=verify,
            level=level,
            sim_requests=sim_requests,
            time_limit_s=time_limit_s,
            progress=progress,
        )
    finally:
        if status is not None:
            status.stop()
    if out is not None:
        result.save(out)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    render_plan(result)


def render_plan(p: Any) -> None:
    rows = []
    for pool in p.pools:
        sim = pool.simulated_p99_ttft_s
        analytic: Any = _ms(pool.analytic_p99_ttft_s)
        if pool.analytic_p99_ttft_s is None and pool.analytic_p99_tpot_s is not None:
            # a decode pool of a disaggregated plan: its SLO is the time per output token
            analytic = f"TPOT {pool.analytic_p99_tpot_s * 1000:.1f}"
            sim = pool.simulated_p99_tpot_s
        rows.append(
            [
                pool.role,
                pool.gpu,
                pool.replicas,
                pool.gpus,
                f"{pool.share:.1%}",
                pool.rate_per_s,
                f"{pool.utilisation:.0%}",
                analytic,
                "-"
                if sim is None
                else f"{sim.value * 1000:.0f} [{sim.low * 1000:.0f}, {sim.high * 1000:.0f}]",
                pool.spares,
                pool.cost_usd_per_hour,
                pool.cost_usd_per_year / 1000,
            ]
        )
    notes = [
        f"layout: {p.layout}; {p.gpus} GPUs (+{p.gpus_with_spares - p.gpus} spare), "
        f"${p.cost_usd_per_hour:,.2f}/h = ${p.cost_usd_per_year / 1000:,.0f}K/yr",
        f"solver: {p.solver.backend} termination={p.solver.termination} "
        f"solution={p.solver.solution} gap={p.solver.gap if p.solver.gap is not None else '-'} "
        f"({p.solver.solve_time_s:.2f} s)",
    ]
    if p.one_pool_cost_usd_per_hour and p.threshold_tokens is not None:
        saving = 1 - p.cost_usd_per_hour / p.one_pool_cost_usd_per_hour
        if saving >= 0:
            notes.append(
                f"best one-pool plan: ${p.one_pool_cost_usd_per_hour:,.2f}/h (saving {saving:.1%})"
            )
        else:
            notes.append(
                f"cheapest one-pool plan by the analytics: ${p.one_pool_cost_usd_per_hour:,.2f}/h;"
                f" this plan costs {-saving:.1%} more because simulation rejected cheaper ones"
            )
    if p.rejected_share > 1e-9:
        notes.append(
            f"rejected: {p.rejected_share:.4%} of requests are longer than every pool's max_ctx "
            "(counted, not served)"
        )
    if p.binding_constraints:
        notes.append("binding: " + "; ".join(p.binding_constraints))
    notes.append(
        "verified: "
        + (
            (
                "yes, disaggregated simulation (prefill slot level + decode engine)"
                if p.verification_level == "disaggregated"
                else f"yes, {p.verification_level.replace(' + ', '-level + ')} simulation"
                if "disaggregated" in (p.verification_level or "")
                else f"yes, {p.verification_level}-level simulation"
            )
            if p.verified
            else "no"
        )
        + (f" ({len(p.verification)} candidate(s) simulated)" if p.verification else "")
    )
    for step in p.verification:
        notes.append(
            f"  round {step.iteration} candidate {step.candidate}: "
            f"{'accepted' if step.accepted else 'rejected'} - {step.detail}"
        )
    if p.reliability_rule:
        notes.append(
            f"spares: {p.reliability_rule} rule, target {p.reliability_target}, "
            f"P(all pools healthy enough) = {p.fleet_prob_enough_healthy:.5f}"
        )
    notes.extend(
        n for n in p.notes if n != "not verified by simulation"  # said by "verified: no"
    )
    render_table(
        f"optfleet plan - {p.scenario_name} ({p.preset} preset)",
        [
            "pool",
            "GPU",
            "replicas",
            "GPUs",
            "share",
            "req/s",
            "util",
            "P99 TTFT ms",
            "sim P99 ms [95% CI]",
            "spares",
            "$/h",
            "$K/yr",
        ],
        rows,
        notes=notes,
    )


# ------------------------------------------------------------------------------------------
# backends
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def backends(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the solver backends and what each can do."""
    from optfleet.backends import get_backend, known_backends

    rows = []
    for name in known_backends():
        b = get_backend(name) if name else None
        rows.append(
            {
                "name": name,
                "installed": bool(b.available()),
                "mip": bool(b.supports_mip),
                "time_limit": bool(b.supports_time_limit),
                "gap": bool(b.supports_gap),
            }
        )
    if fmt is OutputFormat.json:
        emit_json(rows)
        return
    render_table("solver backends", list(rows[0]), [list(r.values()) for r in rows])


# ------------------------------------------------------------------------------------------
# simulate
# ------------------------------------------------------------------------------------------


@app.command()
@handles_errors
def simulate(
    fleet_file: Annotated[
        Path | None, typer.Argument(help="Fleet YAML/JSON (pools, workload, router...).")
    ] = None,
    gpu: Annotated[
        str, typer.Option("--gpu", "-g", help="GPU type (fleet from flags).")
    ] = "H100-SXM",
    replicas: Annotated[int, typer.Option("--replicas", "-n", min=1, help="Replicas.")] = 4,
    max_ctx: Annotated[int, typer.Option("--max-ctx", min=2, help="Pool max_ctx, tokens.")] = 16384,
    model: Annotated[str, typer.Option("--model", "-m", help="Model.")] = "llama-3.1-8b",
    tp: Annotated[int, typer.Option("--tp", min=1, help="Tensor-parallel size.")] = 1,
    workload_name: WorkloadOpt = "azure",
    rate: Annotated[
        float, typer.Option("--rate", "-r", help="Poisson arrival rate, req/s.")
    ] = 20.0,
    ttft_p99_ms: Annotated[
        float, typer.Option("--ttft-p99-ms", help="SLO for attainment, ms.")
    ] = 500.0,
    preset: Annotated[
        str | None, typer.Option("--preset", "-p", help="Assumptions preset.")
    ] = None,
    level: LevelOpt = "engine",
    requests: Annotated[
        int | None,
        typer.Option(
            "--requests", min=10, help="Requests per replication [20000; fleet-sim protocol 40000]."
        ),
    ] = None,
    replications: ReplicationsOpt = 3,
    seed: SeedOpt = None,
    protocol: Annotated[
        str,
        typer.Option(
            "--protocol",
            help="Slot level: 'replications' (optfleet: independent replications, 95% CIs), "
            "'fleet-sim' (the reference planner's single seeded run, pooled queue) or 'preset' "
            "(the preset's choice).",
        ),
    ] = "preset",
    records: Annotated[
        Path | None, typer.Option("--records", help="Write per-request records (.csv or .jsonl).")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Simulate a fixed fleet (from a fleet file or flags) with the discrete-event simulator."""
    from optfleet.scenario import validate_model
    from optfleet.scenario.presets import get_preset
    from optfleet.sim.fleetfile import FleetConfig, load_fleet, replay_fleet, simulate_fleet

    if fleet_file is not None:
        cfg = load_fleet(fleet_file)
        if preset is not None:
            cfg = validate_model(FleetConfig, {**cfg.model_dump(), "preset": preset}, "options")
    else:
        cfg = validate_model(
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
    if records is not None and records.suffix.lower() not in (".csv", ".jsonl"):
        raise InputError(f"--records must end in .csv or .jsonl, got {records.name}")
    if protocol not in ("preset", "replications", "fleet-sim"):
        raise InputError(
            f"unknown protocol {protocol!r}; known: preset, replications, fleet-sim"
        )
    if protocol == "fleet-sim" and level != "slot":
        raise InputError("the fleet-sim protocol is a slot-level protocol: add --level slot")
    if protocol == "preset":
        replayable = cfg.workload.kind == "cdf" and (
            cfg.arrivals is None or cfg.arrivals.kind == "poisson"
        )
        protocol = (
            get_preset(cfg.preset).slot_verification
            if level == "slot" and replayable
            else "replications"
        )
    if protocol == "fleet-sim":
        if records is not None:
            raise InputError("--records is not available with the fleet-sim protocol")
        replay = replay_fleet(
            cfg, n_requests=requests or 40_000, seed=42 if seed is None else seed
        )
        _render_replay(cfg.name, replay, fmt)
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
    groups = [*result.pools, result.fleet] if len(result.pools) > 1 else [result.fleet]
    rows = []
    for g in groups:
        rows.append(
            [
                g.name,
                g.replicas,
                g.arrivals,
                g.completed,
                g.rejected,
                g.unfinished,
                _ms(g.ttft.p50.value),
                _ci_ms(g.ttft.p99),
                _ms(g.tpot.p99.value),
                "-" if g.slo_attainment is None else f"{g.slo_attainment.value:.2%}",
                f"{g.busy_utilisation.value:.0%}",
                g.preemptions,
            ]
        )
    render_table(
        f"{result.level}-level simulation: {cfg.name} "
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


def _render_replay(name: str, replay: Any, fmt: OutputFormat) -> None:
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
            _ms(p.p99_ttft_s),
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
