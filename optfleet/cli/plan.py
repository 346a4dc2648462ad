"""Planning commands: ``size`` (the pools of one layout, analytically) and ``plan`` (the cheapest
fleet: integer program, simulation check, spares)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    OutputFormat,
    OverridePresetOpt,
    OverrideRateOpt,
    QuietOpt,
    ScenarioArg,
    ScenarioFlags,
    base_scenario,
    output_path,
    override_scenario,
    scenario_options,
)
from optfleet.cli.overrides import apply_to_scenario
from optfleet.cli.plots import LatencyPlotOpt, check_plan_plot, plot_output, write_plan_plot
from optfleet.cli.render import ci_ms, emit_json, kusd_year, ms, progress, render_table
from optfleet.errors import InputError

# ------------------------------------------------------------------------------------------
# size
# ------------------------------------------------------------------------------------------

ThresholdOpt = Annotated[
    int | None,
    typer.Option("--threshold", "-t", help="B_short split threshold; omit for one pool."),
]
GammaOpt = Annotated[float, typer.Option("--gamma", help="Compress-and-route factor (>= 1).")]
#: Sized when neither ``--gpus`` nor a scenario file names GPU types.
SIZE_DEFAULT_GPU = "H100-SXM"


@scenario_options(helps={
    "gpus": "GPU types to size on, comma-separated, one table each (default: the scenario "
    f"file's menu, or {SIZE_DEFAULT_GPU}).",
})
def size(
    scenario_file: ScenarioArg = None,
    rate: OverrideRateOpt = None,
    flags: ScenarioFlags = ScenarioFlags(),
    preset: OverridePresetOpt = None,
    threshold: ThresholdOpt = None,
    gamma: GammaOpt = 1.0,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Size the pools of one layout on one GPU type analytically (queueing maths only).

    JSON: one sizing for one GPU type, a list of them for several.
    """
    from dataclasses import replace

    from optfleet.planning import size_scenario
    from optfleet.scenario.presets import get_preset

    scenario = base_scenario(scenario_file)
    if scenario.models:
        raise InputError("size sizes one model; a scenario with models: is planned by 'plan'")
    if scenario_file is None and flags.gpus is None:
        flags = replace(flags, gpus=(SIZE_DEFAULT_GPU,))
    scenario = override_scenario(
        apply_to_scenario(scenario, flags), preset=preset, rate_per_s=rate
    )
    results = [size_scenario(scenario, gpu, threshold, gamma) for gpu in scenario.gpus]
    if fmt is OutputFormat.json:
        emit_json(results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results])
        return
    for gpu, result in zip(scenario.gpus, results, strict=True):
        render_size(scenario, get_preset(scenario.preset).name, gpu, result, threshold, gamma)


def render_size(
    scenario: Any, preset: str, gpu: str, result: Any, threshold: int | None, gamma: float
) -> None:
    """The table of one :func:`~optfleet.planning.size_scenario` result."""
    render_table(
        f"{preset}: {scenario.workload_label} at {scenario.rate_per_s:g} req/s on {gpu}, "
        f"threshold {threshold or 'none'}, gamma {gamma:g}",
        [
            "pool",
            "max ctx tokens",
            "share",
            "req/s",
            "replicas",
            "GPUs",
            "slots",
            "util",
            "P99 TTFT ms",
            "P99 TPOT ms",
            "binds",
            "$K/yr",
        ],
        [size_row(p) for p in result.pools],
        notes=[f"total: {result.gpus} GPUs, ${kusd_year(result.cost_usd_per_hour)}K/yr"],
    )


def size_row(p: Any) -> list[Any]:
    """The table row of one sized pool."""
    return [
        p.role,
        p.max_ctx_tokens,
        f"{p.share:.1%}",
        p.rate_per_s,
        p.replicas,
        p.gpus,
        p.slots_per_replica,
        f"{p.utilisation:.1%}",
        ms(p.p99_ttft_s),
        "-" if p.p99_tpot_s is None else f"{p.p99_tpot_s * 1000:.1f}",
        p.binding_slo or "-",
        p.cost_usd_per_year / 1000,
    ]


# ------------------------------------------------------------------------------------------
# plan
# ------------------------------------------------------------------------------------------

PlanPresetOpt = OverridePresetOpt
# The call options default to None ("not given"), so that ``--from`` can tell an option the user
# typed (which replaces the saved one) from one left at its default (the saved one stays).
BackendOpt = Annotated[
    str | None, typer.Option("--backend", help="Solver backend: cbc or highs [default: cbc].")
]
TopKOpt = Annotated[
    int | None, typer.Option("--top-k", min=1, help="Candidates verified per solve [default: 3].")
]
VerifyOpt = Annotated[
    bool | None,
    typer.Option("--verify/--no-verify", help="Simulate the candidates [default: verify]."),
]
PlanLevelOpt = Annotated[
    str | None,
    typer.Option("--level", help="Simulation level: engine or slot [default: engine]."),
]
SimRequestsOpt = Annotated[
    int | None, typer.Option("--sim-requests", min=100, help="Requests per replication.")
]
TimeLimitOpt = Annotated[float | None, typer.Option("--time-limit", help="Solver time limit, s.")]
DisaggregationOpt = Annotated[
    str | None,
    typer.Option(
        "--disaggregation",
        help="Prefill/decode disaggregated layouts: off, also or only (default: the "
        "scenario's, off).",
    ),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Also write the plan as JSON here.")
]
FromOpt = Annotated[
    Path | None,
    typer.Option("--from", help="Re-run the question saved in a plan JSON (its scenario, seed "
                 "and call options); no scenario file with it."),
]

EmitOpt = Annotated[
    str | None,
    typer.Option("--emit", help="Also write how to run each pool: vllm (one `vllm serve` "
                 "script per pool, in --emit-dir)."),
]
EmitDirOpt = Annotated[
    Path, typer.Option("--emit-dir", help="Folder --emit writes into [default: optfleet-vllm].")
]
ConfigSearchOpt = Annotated[
    bool,
    typer.Option("--config-search", help="Choose each pool's serving configuration too (every "
                 "fitting tensor-parallel size, batch cap, chunk size, bf16/fp8): the scenario's "
                 "config_search, or its defaults."),
]


# long: a Typer command's signature lists each of its 20 options (the body is ~40 lines)
@scenario_options()
def plan(
    scenario_file: ScenarioArg = None,
    preset: PlanPresetOpt = None,
    rate: OverrideRateOpt = None,
    flags: ScenarioFlags = ScenarioFlags(),
    backend: BackendOpt = None,
    top_k: TopKOpt = None,
    verify: VerifyOpt = None,
    level: PlanLevelOpt = None,
    sim_requests: SimRequestsOpt = None,
    time_limit_s: TimeLimitOpt = None,
    disaggregation: DisaggregationOpt = None,
    out: OutOpt = None,
    plot: LatencyPlotOpt = None,
    from_plan: FromOpt = None,
    emit: EmitOpt = None,
    emit_dir: EmitDirOpt = Path("optfleet-vllm"),
    config_search: ConfigSearchOpt = False,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Plan the cheapest fleet meeting the SLO: integer program, simulation check, spares."""
    from optfleet.planning import plan as make_plan
    from optfleet.planning.emit import EMIT_FORMATS

    if emit is not None and emit not in EMIT_FORMATS:
        raise InputError(f"unknown --emit format {emit!r}; known: {', '.join(EMIT_FORMATS)}")
    out = output_path(out, "--out")
    plot = plot_output(plot, without="--from" if from_plan is not None else None)
    if from_plan is not None:  # re-ask a saved plan's question (optfleet.cli.explain)
        from optfleet.cli.explain import plan_again

        return plan_again(from_plan, scenario_file, out, fmt, quiet, render_plan, lambda s: (
            override_scenario(apply_to_scenario(s, flags), preset=preset, rate_per_s=rate,
                              disaggregation=disaggregation)), {k: v for k, v in dict(
            backend=backend, top_k=top_k, verify=verify, level=level, sim_requests=sim_requests,
            time_limit_s=time_limit_s).items() if v is not None})
    chosen_backend = backend  # None: each planner's default
    backend = "cbc" if backend is None else backend
    top_k_given, level_given = top_k, level
    top_k = 3 if top_k is None else top_k
    verify = True if verify is None else verify
    level = "engine" if level is None else level
    scenario = base_scenario(scenario_file)
    if rate is not None and scenario.models:
        raise InputError("--rate applies to one-model scenarios; set rate_per_s per model")
    scenario = override_scenario(
        apply_to_scenario(scenario, flags), preset=preset, rate_per_s=rate,
        disaggregation=disaggregation,
    )
    scenario = _with_config_search(scenario, config_search)
    if level not in ("engine", "slot"):
        raise InputError(f"unknown simulation level {level!r}; known: engine, slot")
    if scenario.horizon is not None:
        from optfleet.cli.horizon import plan_over_time

        ignored = [f for f, v in (("--rate", rate), ("--top-k", top_k_given),
                                  ("--level", level_given), ("--time-limit", time_limit_s))
                   if v is not None]
        if ignored:
            raise InputError(f"{', '.join(ignored)} do not apply to a scenario that plans over "
                             "time (horizon:): its rates are the demand profile's")

        return plan_over_time(scenario, verify=verify, quiet=quiet, out=out, fmt=fmt,
                              plot=plot, sim_requests=sim_requests, backend=chosen_backend)
    check_plan_plot(scenario, plot)
    start = f"tabulating pool options on {', '.join(scenario.gpus)}\u2026"
    with progress(start, quiet=quiet, simulates=verify) as report:
        result = make_plan(
            scenario,
            backend=backend,
            top_k=top_k,
            verify=verify,
            level=level,
            sim_requests=sim_requests,
            time_limit_s=time_limit_s,
            progress=report,
        )
    if out is not None:
        result.save(out)
    _emit(result, emit, emit_dir, quiet or fmt is OutputFormat.json)
    write_plan_plot(scenario, result, plot, sim_requests)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    render_plan(result)


def _with_config_search(scenario: Any, on: bool) -> Any:
    """``--config-search``: the scenario's own search, or the default candidate sets."""
    if not on or scenario.config_search is not None:
        return scenario
    from optfleet.scenario import ConfigSearch

    return scenario.model_copy(update={"config_search": ConfigSearch()})


def _emit(result: Any, emit: str | None, emit_dir: Path, quiet: bool) -> None:
    """``--emit vllm``: one ``vllm serve`` script per pool in ``emit_dir``."""
    if emit != "vllm":
        return
    from optfleet.planning.emit import write_vllm_scripts

    written = write_vllm_scripts(result, emit_dir)
    if not quiet:
        typer.echo(f"wrote {len(written)} vLLM script(s) to {emit_dir}/: "
                   + ", ".join(f.name for f in written), err=True)


def render_plan(p: Any) -> None:
    """The table of a :class:`~optfleet.planning.Plan`: one row a pool, then notes."""
    q = "P99"
    render_table(
        f"optfleet plan - {p.scenario_name} ({p.preset} preset)",
        [
            "pool",
            "GPU",
            "replicas",
            "GPUs",
            "req/s",
            "util",
            f"{q} TTFT ms",
            "sim TTFT ms",
            f"{q} TPOT ms",
            "sim TPOT ms",
            "binds",
            "spares",
            "$/h",
        ],
        [plan_row(pool) for pool in p.pools],
        notes=plan_notes(p),
    )


def plan_row(pool: Any) -> list[Any]:
    """The table row of one pool of a plan: analytic and simulated TTFT and TPOT quantiles and
    the objective that binds (a decode pool of a disaggregated plan has no TTFT)."""
    tpot = pool.analytic_p99_tpot_s
    return [
        pool.role,
        pool.gpu,
        pool.replicas,
        pool.gpus,
        pool.rate_per_s,
        f"{pool.utilisation:.0%}",
        "-" if pool.analytic_p99_ttft_s is None else f"{pool.analytic_p99_ttft_s * 1000:.0f}",
        "-" if pool.simulated_p99_ttft_s is None else ci_ms(pool.simulated_p99_ttft_s, n=False),
        "-" if tpot is None else f"{tpot * 1000:.1f}",
        "-" if pool.simulated_p99_tpot_s is None
        else ci_ms(pool.simulated_p99_tpot_s, None, n=False),
        pool.binding_slo or "-",
        pool.spares,
        pool.cost_usd_per_hour,
    ]


def plan_notes(p: Any) -> list[str]:
    """The notes under a plan's table: totals, solver, savings, verification, spares."""
    notes = [
        f"layout: {p.layout}; {p.gpus} GPUs (+{p.gpus_with_spares - p.gpus} spare), "
        f"${p.cost_usd_per_hour:,.2f}/h = ${p.cost_usd_per_year / 1000:,.0f}K/yr",
        f"solver: {p.solver.backend} termination={p.solver.termination} "
        f"solution={p.solver.solution} gap={p.solver.gap if p.solver.gap is not None else '-'} "
        f"({p.solver.solve_time_s:.2f} s)",
    ]
    if p.one_pool_cost_usd_per_hour and p.threshold_tokens is not None:
        notes.append(one_pool_note(p))
    if p.rejected_share > 1e-9:
        notes.append(
            f"rejected: {p.rejected_share:.4%} of requests are longer than every pool's max_ctx "
            "(counted, not served)"
        )
    if p.binding_constraints:
        notes.append("binding: " + "; ".join(p.binding_constraints))
    notes.extend(profile_notes(p))
    notes.append(verified_note(p))
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
    return notes


def profile_notes(p: Any) -> list[str]:
    """``profile: ...`` for each GPU type that used a calibrated profile file."""
    out = []
    for r in getattr(p.provenance, "profiles", ()) if p.provenance is not None else ():
        if r.kind != "fitted":
            continue
        if r.fit_rms_relative_error is None:
            out.append(f"profile: {r.model} on {r.gpu} from {r.profile_file} (hand-written)")
            continue
        held = ("" if r.holdout_rms_relative_error is None
                else f", held out {r.holdout_rms_relative_error:.1%}")
        out.append(f"profile: {r.model} on {r.gpu} from {r.profile_file} (fitted {r.fit_date}, "
                   f"rms error {r.fit_rms_relative_error:.1%}{held})")
    return out


def one_pool_note(p: Any) -> str:
    """How a split plan compares with the best one-pool plan."""
    saving = 1 - p.cost_usd_per_hour / p.one_pool_cost_usd_per_hour
    if abs(saving) < 5e-5:  # equal to the cent: a tie, not a saving or a loss
        return (f"best one-pool plan: ${p.one_pool_cost_usd_per_hour:,.2f}/h, as cheap as this "
                "plan (a tie)")
    if saving >= 0:
        return f"best one-pool plan: ${p.one_pool_cost_usd_per_hour:,.2f}/h (saving {saving:.1%})"
    return (
        f"cheapest one-pool plan by the tables: ${p.one_pool_cost_usd_per_hour:,.2f}/h (not "
        f"simulated); this plan costs {-saving:.1%} more because calibration or simulation "
        "rejected cheaper ones"
    )


def verified_note(p: Any) -> str:
    """``verified: ...``: whether, and at which level, simulation checked the plan."""
    return (
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
        + ("; sim columns: value [95% interval over replications]"
           if any(pp.simulated_p99_ttft_s is not None for pp in p.pools) else "")
    )
