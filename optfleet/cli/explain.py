"""Reading saved plans: ``explain`` (why this plan), ``compare`` (plans side by side) and the
``--from`` re-run of ``plan`` (:func:`plan_again`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import FormatOpt, OutputFormat, QuietOpt
from optfleet.cli.render import emit_json, kusd_year, progress, render_table
from optfleet.errors import InputError

PlanFileArg = Annotated[Path, typer.Argument(help="A plan JSON (optfleet plan -o plan.json).")]
PlanFilesArg = Annotated[
    list[Path],
    typer.Argument(metavar="PLAN_FILES...",
                   help="Two or more plan JSON files (optfleet plan -o)."),
]
AlternativesOpt = Annotated[
    int,
    typer.Option("--alternatives", min=0, max=12,
                 help="Fewest alternatives to show; a plan holding fewer is re-solved."),
]
ResolveOpt = Annotated[
    bool,
    typer.Option("--resolve/--no-resolve",
                 help="Re-solve the plan's question when it holds too few alternatives."),
]

# ------------------------------------------------------------------------------------------
# explain
# ------------------------------------------------------------------------------------------


def explain(
    plan_file: PlanFileArg,
    alternatives: AlternativesOpt = 5,
    resolve: ResolveOpt = True,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Why this plan: binding constraints per pool, cost breakdown, next-cheapest alternatives."""
    from optfleet.analysis.explain import explain as run_explain
    from optfleet.planning.loop import load_plan

    p = load_plan(plan_file)
    simulates = bool(p.provenance and p.provenance.options.verify)
    with progress(f"explaining {plan_file}\u2026", quiet=quiet, simulates=simulates) as report:
        e = run_explain(p, min_alternatives=alternatives, resolve=resolve, progress=report)
    if fmt is OutputFormat.json:
        emit_json(e.to_dict())
        return
    render_explanation(e)


def render_explanation(e: Any) -> None:
    """The tables of an :class:`~optfleet.analysis.explain.Explanation`."""
    render_table(
        f"optfleet explain - {e.scenario_name} ({e.preset} preset): {e.layout}",
        ["pool", "replicas", "GPUs", "binds", "why", "$/h", "$K/yr", "share"],
        [[p.pool, p.replicas, p.gpus, ", ".join(p.binding), p.why, usd(p.cost_usd_per_hour),
          kusd_year(p.cost_usd_per_hour), f"{p.share_of_cost:.0%}"] for p in e.pools],
        notes=[f"total: {e.gpus} GPUs, ${e.cost_usd_per_hour:,.2f}/h = "
               f"${kusd_year(e.cost_usd_per_hour)}K/yr (with spares "
               f"${e.cost_with_spares_usd_per_hour:,.2f}/h)"] + list(e.fleet_binding),
    )
    render_table(
        "cost per GPU type",
        ["GPU", "GPUs", "spare GPUs", "$/h", "$K/yr", "$/h with spares", "share"],
        [[c.name, c.gpus, c.spare_gpus, usd(c.cost_usd_per_hour), kusd_year(c.cost_usd_per_hour),
          usd(c.cost_with_spares_usd_per_hour), f"{c.share_of_cost:.0%}"]
         for c in e.cost_by_gpu],
    )
    if not e.alternatives:
        render_notes(["alternatives: none recorded", *e.notes])
        return
    render_table(
        "alternatives, cheapest first",
        ["rank", "$/h", "vs plan", "layout", "GPUs", "outcome", "sim TTFT ms", "sim TPOT ms",
         "why it lost"],
        [alternative_row(a, e.cost_usd_per_hour) for a in e.alternatives],
        notes=list(e.notes),
    )


def usd(x: float) -> str:
    """Dollars in a table cell.

    Examples
    --------
    >>> usd(40.2), kusd_year(40.2)
    ('40.20', '352')
    """
    return f"{x:,.2f}"


def render_notes(lines: list[str]) -> None:
    """Lines under the tables (no table)."""
    for line in lines:
        typer.echo(line)


def alternative_row(a: Any, chosen_usd_per_hour: float) -> list[Any]:
    """The table row of one :class:`~optfleet.planning.record.Alternative`."""
    diff = a.cost_usd_per_hour - chosen_usd_per_hour
    return [
        a.rank,
        usd(a.cost_usd_per_hour),
        f"{'+' if diff >= -5e-3 else '-'}${abs(diff):,.2f}",
        a.layout.split(" (threshold")[0],
        " + ".join(f"{n} {g}" for g, n in a.gpus.items()),
        a.outcome.replace("_", " ") + ("" if a.outcome != "dearer" else " (not simulated)"),
        "-" if a.simulated_p99_ttft_s is None else f"{a.simulated_p99_ttft_s * 1000:.0f}",
        "-" if a.simulated_p99_tpot_s is None else f"{a.simulated_p99_tpot_s * 1000:.1f}",
        a.reason,
    ]


# ------------------------------------------------------------------------------------------
# compare
# ------------------------------------------------------------------------------------------


def compare(
    plan_files: PlanFilesArg,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Plans side by side: cost, GPUs, layout, latency, headroom, power; '*' marks differences."""
    from optfleet.analysis.compare import compare as run_compare
    from optfleet.planning.loop import load_plan

    if len(plan_files) < 2:
        raise InputError(f"compare needs at least two plan files, got {len(plan_files)}")
    plans = [load_plan(f) for f in plan_files]
    labels = [str(f) for f in plan_files]
    if len({f.name for f in plan_files}) == len(plan_files):
        labels = [f.name for f in plan_files]
    c = run_compare(plans, labels=labels)
    if fmt is OutputFormat.json:
        emit_json(c.to_dict())
        return
    render_table(
        "optfleet compare (* = differs)",
        ["", "row", *c.labels],
        [["*" if r.differs else "", _row_label(r), *(_cell(v, r.unit) for v in r.values)]
         for r in c.rows],
        notes=list(c.notes) or ["the plans answer the same question"],
    )


#: Row labels of the compare table (the JSON keeps the field names).
LABELS = {
    "scenario_name": "scenario", "threshold_tokens": "threshold tokens",
    "rate_per_s": "req/s", "cost_usd_per_hour": "$/h", "cost_usd_per_year": "$K/yr",
    "cost_with_spares_usd_per_hour": "$/h with spares", "gpus": "GPUs",
    "gpus_with_spares": "GPUs with spares", "power_w": "power kW (full batch)",
    "verification_level": "verification level", "rejected_share": "rejected share",
    "utilisation": "utilisation (headroom)", "analytic_p99_ttft_s": "P99 TTFT ms (model)",
    "simulated_p99_ttft_s": "P99 TTFT ms (simulated)",
    "analytic_p99_tpot_s": "P99 TPOT ms (model)", "simulated_p99_tpot_s": "P99 TPOT ms "
    "(simulated)", "binding_slo": "binds",
}


def _row_label(r: Any) -> str:
    if r.section == "gpus":
        return f"GPUs {r.key}"
    label = LABELS.get(r.key, r.key)
    return label if r.section == "plan" else f"{r.section.removeprefix('pool ')}: {label}"


def _cell(v: Any, unit: str) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if not isinstance(v, int | float):
        return str(v)
    if unit == "s":
        return f"{v * 1000:,.1f}"
    if unit == "usd_per_hour":
        return f"{v:,.2f}"
    if unit == "usd_per_year":
        return f"{v / 1000:,.0f}"
    if unit == "w":
        return f"{v / 1000:,.2f}"
    if unit == "fraction":
        return f"{v:.1%}"
    return f"{v:g}" if isinstance(v, float) else str(v)


# ------------------------------------------------------------------------------------------
# plan --from
# ------------------------------------------------------------------------------------------

def plan_again(
    from_file: Path,
    scenario_file: Path | None,
    out: Path | None,
    fmt: OutputFormat,
    quiet: bool,
    render: Callable[[Any], None],
    override: Callable[[Any], Any],
    call: dict[str, Any],
) -> None:
    """``optfleet plan --from plan.json``: ask the saved plan's question again.

    Its scenario (``override`` applies the scenario flags given), seed and call options; a call
    option of ``call`` (``plan``'s ``--backend``, ``--top-k``, ``--verify/--no-verify``,
    ``--level``, ``--sim-requests``, ``--time-limit``) the user gave replaces the saved one.
    A scenario file as well is a usage error (exit 2).
    """
    import click

    from optfleet.planning.loop import load_plan, replan
    from optfleet.scenario import Scenario, validate_model

    if scenario_file is not None:
        raise click.UsageError(
            f"--from re-runs the question saved in {from_file}; give no scenario file "
            f"({scenario_file}) with it"
        )
    saved = load_plan(from_file)
    if saved.question is None:
        raise InputError(f"plan {from_file} does not record its question (written before "
                         "optfleet recorded it): plan its scenario file instead")
    given = dict(call)  # the options the user gave (the others are None and left out)
    if given.get("level", "engine") not in ("engine", "slot"):
        raise InputError(f"unknown simulation level {given['level']!r}; known: engine, slot")
    scenario = override(validate_model(Scenario, saved.question,
                                       f"the question of plan {from_file}"))
    verify = given.get("verify", saved.provenance.options.verify if saved.provenance else True)
    with progress(f"re-planning the question of {from_file}\u2026", quiet=quiet,
                  simulates=verify) as report:
        result = replan(saved, scenario=scenario, progress=report, **given)
    if out is not None:
        result.save(out)
    if fmt is OutputFormat.json:
        emit_json(result.to_dict())
        return
    render(result)
