"""Options shared by several commands, and the parsing of flag values into library inputs.

A value that fails to parse raises :class:`~optfleet.errors.InputError` (exit code 2).  The
flags that change a scenario (``--model``, ``--workload`` and its trace fields, ``--gpus``,
``--ttft-p99-ms``, ``--tpot-p99-ms``, ``--tp``, ``--long-max-ctx``, ``--max-rejected-share``)
are declared once, here: a command asks for them with :func:`scenario_options` and receives
them as one :class:`ScenarioFlags`, which :mod:`optfleet.cli.overrides` applies to a scenario or
a fleet file.  Milliseconds become seconds here, at parse time (the library takes ``_s``).
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
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
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Show no progress on stderr (errors still show).")
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
    Path | None,
    typer.Argument(
        help="Scenario YAML/JSON, or example:NAME (optfleet examples); omit for the built-in "
        "default."
    ),
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
OverridePresetOpt = Annotated[
    str | None,
    typer.Option("--preset", "-p", help="Override the assumptions preset: default or fleet-sim."),
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

#: Trace formats a ``--workload`` file may be read as (``--trace-format``).
TRACE_FORMATS = ("azure2023", "splitwise", "jsonl")


@dataclass(frozen=True)
class ScenarioFlags:
    """The scenario flags of one command line (``None``: keep the scenario's value).

    Milliseconds are already seconds; numbers are checked, names are checked where they are
    applied (:mod:`optfleet.cli.overrides`), against the scenario they change.

    Examples
    --------
    >>> ScenarioFlags.parse(ttft_p99_ms=800).ttft_p99_s
    0.8
    >>> ScenarioFlags.parse(gpus="A100-80GB, H100-SXM").gpus
    ('A100-80GB', 'H100-SXM')
    """

    model: str | None = None
    workload: str | None = None
    trace_format: str | None = None
    prompt_field: str | None = None
    output_field: str | None = None
    time_field: str | None = None
    time_unit_s: float | None = None
    gpus: tuple[str, ...] | None = None
    ttft_p99_s: float | None = None
    tpot_p99_s: float | None = None
    tp: int | None = None
    long_max_ctx: int | None = None
    max_rejected_share: float | None = None
    profile: tuple[str, ...] | None = None

    @classmethod
    def parse(
        cls,
        *,
        ttft_p99_ms: float | None = None,
        tpot_p99_ms: float | None = None,
        gpus: str | None = None,
        labels: dict[str, str] | None = None,
        **values: Any,
    ) -> ScenarioFlags:
        """The flags as typed on the command line, checked and converted to base units.

        ``labels``: how error messages name a flag, when a command spells it otherwise (e.g.
        ``--long-max-ctx/--max-ctx``).
        """
        from optfleet.scenario.limits import check

        label = {"tp": "--tp", "long_max_ctx": "--long-max-ctx", "time_unit_s": "--time-unit-s",
                 **(labels or {})}
        if values.get("tp") is not None:
            values["tp"] = check("tensor_parallel", label["tp"], values["tp"])
        if values.get("long_max_ctx") is not None:
            values["long_max_ctx"] = check("tokens", label["long_max_ctx"],
                                           values["long_max_ctx"])
        if values.get("time_unit_s") is not None:
            values["time_unit_s"] = check("positive", label["time_unit_s"],
                                          values["time_unit_s"])
        share = values.get("max_rejected_share")
        if share is not None and not (math.isfinite(share) and 0.0 <= share < 1.0):
            raise InputError(
                f"--max-rejected-share must be a finite number >= 0 and < 1 (a share of the "
                f"requests; it sets max_rejected_share), got {share:g}"
            )
        if values.get("profile") is not None:
            values["profile"] = tuple(values["profile"]) or None
        fmt = values.get("trace_format")
        if fmt is not None and fmt not in TRACE_FORMATS:
            raise InputError(f"unknown --trace-format {fmt!r}; known: {', '.join(TRACE_FORMATS)}")
        return cls(
            ttft_p99_s=seconds_from_ms(ttft_p99_ms, "--ttft-p99-ms", "slo.ttft_p99_s"),
            tpot_p99_s=seconds_from_ms(tpot_p99_ms, "--tpot-p99-ms", "slo.tpot_p99_s"),
            gpus=None if gpus is None else tuple(split_list(gpus, "--gpus")),
            **values,
        )

    @property
    def trace_fields(self) -> dict[str, Any]:
        """The trace options set (``TraceWorkload`` field names)."""
        keys = ("prompt_field", "output_field", "time_field", "time_unit_s")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


def seconds_from_ms(value_ms: float | None, flag: str, field: str) -> float | None:
    """A latency flag in ms as seconds (``None`` stays ``None``); InputError names the flag and
    the field it sets.

    Examples
    --------
    >>> seconds_from_ms(500, "--ttft-p99-ms", "slo.ttft_p99_s")
    0.5
    >>> seconds_from_ms(float("nan"), "--ttft-p99-ms", "slo.ttft_p99_s")
    Traceback (most recent call last):
    ...
    optfleet.errors.InputError: --ttft-p99-ms must be a finite number of milliseconds > 0 and \
<= 3600000 (it sets slo.ttft_p99_s), got nan
    """
    from optfleet.scenario.limits import MAX_LATENCY_S

    if value_ms is None:
        return None
    top = MAX_LATENCY_S * 1000.0
    if not (math.isfinite(value_ms) and 0.0 < value_ms <= top):
        raise InputError(
            f"{flag} must be a finite number of milliseconds > 0 and <= {top:.0f} "
            f"(it sets {field}), got {value_ms:g}"
        )
    return value_ms / 1000.0


#: The scenario flags: parameter name -> (type, option names, help).  ``scenario_options``
#: adds them to a command; help texts may be replaced per command.
SCENARIO_FLAGS: dict[str, tuple[Any, tuple[str, ...], str]] = {
    "model": (str | None, ("--model", "-m"), "Model: catalog name or config.json path."),
    "workload": (
        str | None, ("--workload", "-w"),
        "Workload: built-in name (azure, lmsys, agent_heavy, azure_code, azure_conv), a CDF "
        "file (.json/.yaml), or a trace (.csv, .jsonl).",
    ),
    "trace_format": (
        str | None, ("--trace-format",),
        "Trace file format: azure2023, splitwise or jsonl (default: by suffix).",
    ),
    "prompt_field": (str | None, ("--prompt-field",), "JSONL trace: prompt-token field."),
    "output_field": (str | None, ("--output-field",), "JSONL trace: output-token field."),
    "time_field": (str | None, ("--time-field",), "JSONL trace: arrival-time field."),
    "time_unit_s": (
        float | None, ("--time-unit-s",), "JSONL trace: seconds per time unit (0.001: ms)."
    ),
    "gpus": (
        str | None, ("--gpus", "--gpu", "-g"), "GPU types, comma-separated (the GPU menu)."
    ),
    "ttft_p99_ms": (float | None, ("--ttft-p99-ms",), "SLO: P99 time to first token, ms."),
    "tpot_p99_ms": (float | None, ("--tpot-p99-ms",), "SLO: P99 time per output token, ms."),
    "tp": (int | None, ("--tp",), "Tensor-parallel size: GPUs per replica, every GPU type."),
    "long_max_ctx": (
        int | None, ("--long-max-ctx",), "Longest request served, tokens (longer: rejected)."
    ),
    "max_rejected_share": (
        float | None, ("--max-rejected-share",),
        "Largest share of requests longer than --long-max-ctx, in [0, 1).",
    ),
    "profile": (
        list[str] | None, ("--profile",),
        "Calibrated profile file (optfleet calibrate -o) for the GPU type it names; repeatable.",
    ),
}


def scenario_options(
    helps: dict[str, str] | None = None,
    names: dict[str, tuple[str, ...]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the scenario flags of :data:`SCENARIO_FLAGS`.

    The command declares a parameter ``flags: ScenarioFlags`` where the options should appear
    in its help; it is called with them parsed into one :class:`ScenarioFlags`.  ``helps`` and
    ``names`` replace the help text or option names of some flags for this command.
    """
    helps, names = helps or {}, names or {}

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(func, eval_str=True)
        params: list[inspect.Parameter] = []
        for p in sig.parameters.values():
            if p.name != "flags":
                params.append(p.replace(kind=inspect.Parameter.KEYWORD_ONLY))
                continue
            for name, (kind, decls, text) in SCENARIO_FLAGS.items():
                option = typer.Option(*names.get(name, decls), help=helps.get(name, text))
                params.append(inspect.Parameter(
                    name, inspect.Parameter.KEYWORD_ONLY, default=None,
                    annotation=Annotated[kind, option],
                ))

        labels = {k: "/".join(d for d in v if d.startswith("--")) for k, v in names.items()}

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> Any:
            values = {name: kwargs.pop(name, None) for name in SCENARIO_FLAGS}
            return func(**kwargs, flags=ScenarioFlags.parse(labels=labels, **values))

        wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return wrapper

    return decorate


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


def workload_spec(
    value: str,
    *,
    trace_format: str | None = None,
    prompt_field: str | None = None,
    output_field: str | None = None,
    time_field: str | None = None,
    time_unit_s: float | None = None,
) -> Any:
    """A workload given on the command line: a built-in name or a file path.

    A ``.csv`` file is a trace (Azure 2023 format unless ``trace_format`` says ``splitwise``), a
    ``.jsonl`` file a JSON-lines trace whose field names the other arguments give; any other
    file is a length CDF.  Trace options on a workload that is not a trace are an InputError.
    """
    from optfleet.scenario import CDFWorkload, TraceWorkload, validate_model
    from optfleet.workloads import BUILTIN_CDFS, BUILTIN_TRACES

    trace = {"prompt_field": prompt_field, "output_field": output_field,
             "time_field": time_field, "time_unit_s": time_unit_s}
    trace = {k: v for k, v in trace.items() if v is not None}
    if value in BUILTIN_CDFS or value in BUILTIN_TRACES:
        given = [*(["trace_format"] if trace_format else []), *trace]
        if given:
            raise InputError(
                f"--{given[0].replace('_', '-')} applies to a trace file given with --workload, "
                f"not to the built-in workload {value!r}"
            )
        return CDFWorkload(name=value) if value in BUILTIN_CDFS else TraceWorkload(name=value)
    path = Path(value)
    if not path.exists():
        known = ", ".join(sorted(set(BUILTIN_CDFS) | set(BUILTIN_TRACES)))
        raise InputError(f"workload {value!r} is neither a built-in ({known}) nor an existing file")
    fmt = trace_format or {".csv": "azure2023", ".jsonl": "jsonl"}.get(path.suffix.lower())
    if fmt is None:
        if trace:
            raise InputError(trace_option_error(next(iter(trace)), f"the CDF file {path}"))
        return CDFWorkload(path=path)
    if fmt != "jsonl" and trace:
        raise InputError(trace_option_error(next(iter(trace)), f"the {fmt} trace {path}"))
    return validate_model(TraceWorkload, {"path": path, "format": fmt, **trace}, "--workload")


def trace_option_error(field: str, what: str) -> str:
    """The message for a JSONL trace option given for a workload that is not a JSONL trace.

    Examples
    --------
    >>> trace_option_error("prompt_field", "the CDF file c.json")
    '--prompt-field applies to a JSONL trace (a .jsonl file or --trace-format jsonl), not to \
the CDF file c.json'
    """
    return (
        f"--{field.replace('_', '-')} applies to a JSONL trace (a .jsonl file or "
        f"--trace-format jsonl), not to {what}"
    )


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
    return None if value is None else tuple(split_list(value, "--gpus"))


def base_scenario(path: Path | None) -> Any:
    """The scenario of a file (or ``example:NAME``), or the built-in default when none is
    given."""
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
    slo: dict[str, float | None] | None = None,
    revalidate: bool = False,
    **fields: Any,
) -> Any:
    """The scenario of ``path`` (or the default) with the flags given applied.

    ``workload`` is parsed by :func:`workload_spec`, ``ttft_p99_ms`` replaces the SLO's P99 TTFT
    and ``slo`` other fields of the SLO; the other ``fields`` are scenario fields (``None``
    keeps the scenario's value).
    """
    ttft = seconds_from_ms(ttft_p99_ms, "--ttft-p99-ms", "slo.ttft_p99_s")
    return override_scenario(
        base_scenario(path),
        workload=None if workload is None else workload_spec(workload),
        slo={**(slo or {}), "ttft_p99_s": ttft},
        revalidate=revalidate,
        **fields,
    )
