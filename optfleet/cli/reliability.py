"""``reliability``: availability from failure rate and repair time; spares per pool by two rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from optfleet.cli.options import (
    FormatOpt,
    OutputFormat,
    OverridePresetOpt,
    QuietOpt,
    base_scenario,
    override_scenario,
    split_list,
)
from optfleet.cli.render import emit_json, progress, render_table
from optfleet.errors import InputError

ScenarioArg = Annotated[
    Path | None,
    typer.Argument(
        help="Scenario (or example:NAME): size spares for its plan (not simulated)."
    ),
]
PoolsOpt = Annotated[str | None, typer.Option("--pools", help="Pool sizes, e.g. short=3,long=5.")]
FailureRateOpt = Annotated[
    float, typer.Option("--failures-per-node-day", help="Failure rate r_f.")
]
MTTROpt = Annotated[float, typer.Option("--mttr-hours", help="Repair time, hours.")]
AvailabilityOpt = Annotated[
    float | None, typer.Option("--availability", help="Give A directly instead.")
]
TargetOpt = Annotated[
    float, typer.Option("--target", help="Binomial rule: P(enough healthy) target.")
]


def pool_sizes(value: str) -> dict[str, int]:
    """``--pools``: ``name=replicas`` items, comma-separated.

    Examples
    --------
    >>> pool_sizes("short=3, long=5")
    {'short': 3, 'long': 5}
    """
    out: dict[str, int] = {}
    for item in split_list(value, "--pools"):
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


def reliability(
    scenario_file: ScenarioArg = None,
    pools: PoolsOpt = None,
    failures_per_node_day: FailureRateOpt = 0.0065,
    mttr_hours: MTTROpt = 24.0,
    availability: AvailabilityOpt = None,
    target: TargetOpt = 0.999,
    preset: OverridePresetOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Availability from failure rate and repair time; spares per pool by two rules."""
    from optfleet.analysis.reliability_report import reliability_report

    if scenario_file is not None and pools is not None:
        raise InputError("give --pools or a scenario file, not both")
    if preset is not None and scenario_file is None:
        raise InputError("--preset applies to the plan of a scenario file: give one")
    scenario = None
    if scenario_file is not None:
        scenario = override_scenario(base_scenario(scenario_file), preset=preset)
    with progress("planning the scenario's fleet (not simulated)\u2026",
                  quiet=quiet or scenario is None):
        result = reliability_report(
            pool_sizes(pools) if pools is not None else None,
            failures_per_node_day=failures_per_node_day,
            mttr_hours=mttr_hours,
            availability=availability,
            target=target,
            scenario=scenario,
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
