"""Options shared by several commands, and the parsing of flag values into library inputs.

A value that fails to parse raises :class:`~optfleet.errors.InputError` (exit code 2).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.errors import InputError


class OutputFormat(str, Enum):  # noqa: UP042 - typer needs a str-valued Enum
    """What a command prints: a table (default) or JSON."""

    table = "table"
    json = "json"


FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: table or json.")
]

# ------------------------------------------------------------------------------------------
# simulation
# ------------------------------------------------------------------------------------------

LevelOpt = Annotated[str, typer.Option("--level", help="Simulation level: engine or slot.")]
RequestsOpt = Annotated[int, typer.Option("--requests", min=10, help="Requests per replication.")]
ReplicationsOpt = Annotated[
    int, typer.Option("--replications", min=1, help="Independent replications.")
]
SeedOpt = Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")]

# ------------------------------------------------------------------------------------------
# a scenario, a workload, and overrides of a scenario's fields
# ------------------------------------------------------------------------------------------

ScenarioArg = Annotated[
    Path | None, typer.Argument(help="Scenario YAML/JSON; omit for the built-in default.")
]
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
OverrideRateOpt = Annotated[
    float | None, typer.Option("--rate", "-r", help="Override the rate, req/s.")
]
OverrideWorkloadOpt = Annotated[
    str | None, typer.Option("--workload", "-w", help="Override the workload (built-in or file).")
]
OverrideGpusOpt = Annotated[
    str | None, typer.Option("--gpus", help="Override the GPU menu (comma-separated).")
]
PlotOpt = Annotated[
    Path | None, typer.Option("--plot", help="Also draw a PNG here (needs matplotlib).")
]


def output_path(path: Path | None, flag: str) -> Path | None:
    """``path`` checked to be writable before the work starts (``None`` stays ``None``).

    A missing folder, a folder given as the file, or a folder that can not be written is an
    InputError (exit 2) naming ``flag``; the file itself is written atomically later.

    Examples
    --------
    >>> output_path(None, "--out") is None
    True
    """
    from optfleet._files import check_writable

    return None if path is None else check_writable(path, flag)


def write_plot(draw: Any, result: Any, path: Path | None) -> None:
    """``draw(result, tmp)`` into a temporary file renamed to ``path`` once complete (no-op for
    ``None``)."""
    from optfleet._files import atomic_path

    if path is None:
        return
    with atomic_path(path, "--plot") as tmp:
        draw(result, tmp)


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


def split_list(value: str, what: str) -> list[str]:
    """The non-empty items of a comma-separated list; an empty list is an error.

    Examples
    --------
    >>> split_list("a, b,,c", "--x")
    ['a', 'b', 'c']
    """
    items = [v.strip() for v in value.split(",") if v.strip()]
    if not items:
        raise InputError(f"{what} must be a comma-separated list, got {value!r}")
    return items


def parse_floats(value: str, what: str) -> list[float]:
    """A non-empty comma-separated list of numbers; the message names the item that is not one.

    Examples
    --------
    >>> parse_floats("25, 50", "--rates")
    [25.0, 50.0]
    """
    out = []
    for v in split_list(value, what):
        try:
            out.append(float(v))
        except ValueError:
            raise InputError(f"{what}: {v!r} is not a number") from None
    return out


def number_tuple(value: str, flag: str) -> tuple[float, ...]:
    """A comma-separated list of numbers (possibly empty); the message names the whole list.

    Examples
    --------
    >>> number_tuple("0.1,0.5,", "--depths")
    (0.1, 0.5)
    """
    try:
        return tuple(float(x) for x in value.split(",") if x.strip())
    except ValueError:
        raise InputError(f"{flag} must be comma-separated numbers, got {value!r}") from None


def gpu_menu(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated GPU menu (``None``: keep the scenario's).

    Examples
    --------
    >>> gpu_menu("H100-SXM, A100-80GB")
    ('H100-SXM', 'A100-80GB')
    """
    return None if value is None else tuple(g.strip() for g in value.split(",") if g.strip())


def base_scenario(path: Path | None) -> Any:
    """The scenario of a file, or the built-in default when no file is given."""
    from optfleet.scenario import Scenario, load_scenario

    return load_scenario(path) if path is not None else Scenario()


def override_scenario(
    scenario: Any,
    *,
    slo: dict[str, float | None] | None = None,
    revalidate: bool = False,
    **fields: Any,
) -> Any:
    """``scenario`` with fields (and fields of its SLO) replaced; a ``None`` value keeps one.

    The result is validated again (errors name "options") when anything changed, or always with
    ``revalidate``; with nothing to change and no ``revalidate``, ``scenario`` itself is returned.
    """
    from optfleet.scenario import Scenario, validate_model

    update = {k: v for k, v in fields.items() if v is not None}
    slo_update = {k: v for k, v in (slo or {}).items() if v is not None}
    if not (update or slo_update or revalidate):
        return scenario
    data = {**scenario.model_dump(), **update}
    if slo_update:
        data["slo"] = {**data["slo"], **slo_update}
    return validate_model(Scenario, data, "options")


def scenario_from_flags(
    path: Path | None,
    *,
    workload: str | None = None,
    ttft_p99_ms: float | None = None,
    revalidate: bool = False,
    **fields: Any,
) -> Any:
    """The scenario of ``path`` (or the default) with the flags given applied.

    ``workload`` is parsed by :func:`workload_spec`, ``ttft_p99_ms`` replaces the SLO's P99 TTFT;
    the other ``fields`` are scenario fields (``None`` keeps the scenario's value).
    """
    return override_scenario(
        base_scenario(path),
        workload=None if workload is None else workload_spec(workload),
        slo={"ttft_p99_s": None if ttft_p99_ms is None else ttft_p99_ms / 1000.0},
        revalidate=revalidate,
        **fields,
    )
