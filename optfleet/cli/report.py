"""``report``: a plan's self-contained HTML report (question, cost, alternatives, simulated
latency CDFs, what-if step curve, utilisation)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from optfleet.cli.options import FormatOpt, OutputFormat, output_path, parse_floats
from optfleet.cli.render import emit_json

PlanArg = Annotated[Path, typer.Argument(help="Plan JSON (written by `optfleet plan --out`).")]
ReportOutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="HTML file to write (default: the plan's name, .html)."),
]
ReportScenarioOpt = Annotated[
    Path | None,
    typer.Option("--scenario", "-s",
                 help="Scenario file the plan answers (default: the question the plan records)."),
]
ReportSimRequestsOpt = Annotated[
    int, typer.Option("--sim-requests", min=200,
                      help="Requests of the report's re-simulation of the fleet (the CDFs).")
]
ReportRatesOpt = Annotated[
    str | None,
    typer.Option("--rates", help="What-if rates, comma-separated req/s (default: 0.25x to 2x "
                                 "the plan's rate)."),
]
ReportSeedOpt = Annotated[
    int | None, typer.Option("--seed", min=0, help="Simulation seed (default: the plan's).")
]


def report(
    plan_file: PlanArg,
    out: ReportOutOpt = None,
    scenario_file: ReportScenarioOpt = None,
    sim_requests: ReportSimRequestsOpt = 20_000,
    rates: ReportRatesOpt = None,
    seed: ReportSeedOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Write a plan's HTML report: one file, no network needed to open it."""
    from optfleet.analysis.report import report as make_report
    from optfleet.planning.results import Plan
    from optfleet.scenario import load_scenario

    target = output_path(out if out is not None else plan_file.with_suffix(".html"), "--out")
    if target.resolve() == plan_file.resolve():
        from optfleet.errors import InputError

        raise InputError(f"--out {target} would overwrite the plan")
    plan = Plan.load(plan_file)
    scenario = None if scenario_file is None else load_scenario(scenario_file)
    rs = None if rates is None else parse_floats(rates, "--rates")
    rep = make_report(plan, target, scenario=scenario, sim_requests=sim_requests, rates=rs,
                      seed=seed)
    if fmt is OutputFormat.json:
        emit_json(rep.to_dict())
        return
    sim = (f"{rep.sim_requests} requests simulated (seed {rep.seed})" if rep.sim_requests
           else "no simulation")
    typer.echo(f"report written to {rep.path}: {len(rep.figures)} figures, "
               f"{rep.html_bytes / 1024:,.0f} KiB, {sim}")
    for note in rep.notes:
        typer.echo(f"note: {note}")
