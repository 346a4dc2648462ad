"""The scenario flags (:class:`~optfleet.cli.options.ScenarioFlags`) applied to a scenario or
to a fleet file: each flag given replaces the file's value (or the built-in default's).

Names are checked here, against what they change: an unknown GPU type, model or workload is an
InputError (exit 2) naming it.  Narrowing the GPU menu (``--gpus``) drops the entries of the
scenario's GPU-keyed maps (prices, tensor parallelism, ``max_gpus``, ``eligible``) for the types
left out, so that a file written for a wider menu still answers the narrower question.
"""

from __future__ import annotations

from typing import Any

from optfleet.cli.options import ScenarioFlags, override_scenario, workload_spec
from optfleet.errors import InputError

#: Flags that describe one model's traffic: a multi-model scenario sets them per model.
PER_MODEL = ("model", "workload", "ttft_p99_s", "tpot_p99_s", "tp", "long_max_ctx")


def apply_to_scenario(scenario: Any, flags: ScenarioFlags) -> Any:
    """``scenario`` with the flags given applied (itself when none is).

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> s = apply_to_scenario(Scenario(), ScenarioFlags.parse(gpus="A100-80GB", tp=2))
    >>> s.gpus, s.serving.tensor_parallel_size
    (('A100-80GB',), 2)
    """
    if scenario.models:
        per_model = [f for f in PER_MODEL if getattr(flags, f) is not None]
        if per_model:
            flag = "--" + per_model[0].replace("_s", "_ms").replace("_", "-")
            raise InputError(
                f"{flag} applies to one-model scenarios; set it per model in the file's models:"
            )
    update: dict[str, Any] = {}
    if flags.model is not None:
        check_model(flags.model)
        update["model"] = flags.model
    workload = workload_from_flags(flags, scenario.workload)
    if workload is not None:
        update["workload"] = workload
    if flags.gpus is not None:
        update.update(narrowed_menu(scenario, flags.gpus))
    if flags.tp is not None:
        update["serving"] = {**scenario.serving.model_dump(), "tensor_parallel_size": flags.tp}
        update["tensor_parallel"] = {}
    if flags.profile:
        update["profiles"] = {**scenario.profiles, **profile_files(flags.profile)}
    update["long_max_ctx_tokens"] = flags.long_max_ctx
    update["max_rejected_share"] = flags.max_rejected_share
    slo = {"ttft_p99_s": flags.ttft_p99_s, "tpot_p99_s": flags.tpot_p99_s}
    return override_scenario(scenario, slo=slo, **update)


def workload_from_flags(flags: ScenarioFlags, current: Any) -> Any:
    """The workload the flags give (``None``: keep ``current``): ``--workload`` parsed with the
    trace options, or the trace options applied to ``current`` when it is a trace."""
    fmt, trace = flags.trace_format, flags.trace_fields
    if flags.workload is not None:
        return workload_spec(flags.workload, trace_format=fmt, **trace)
    if fmt is None and not trace:
        return None
    from optfleet.cli.options import trace_option_error
    from optfleet.scenario import TraceWorkload, validate_model

    if not isinstance(current, TraceWorkload) or current.path is None:
        flag = "--trace-format" if fmt is not None else f"--{next(iter(trace))}"
        raise InputError(
            f"{flag.replace('_', '-')} applies to a trace file (give --workload FILE); the "
            "scenario's workload is not one"
        )
    data = {**current.model_dump(), **({"format": fmt} if fmt else {}), **trace}
    if data["format"] != "jsonl" and trace:
        raise InputError(trace_option_error(next(iter(trace)), f"the {data['format']} trace"))
    return validate_model(TraceWorkload, data, "options")


def check_model(model: str) -> None:
    """Raise an InputError unless ``model`` is a catalog name or a readable ``config.json``."""
    from optfleet.scenario.catalog import resolve_model

    resolve_model(model)


def canonical_gpu(name: str, custom: set[str]) -> str:
    """The catalog's name of a GPU type (aliases allowed), or ``name`` for a type the scenario
    defines itself (``gpu_overrides``); an unknown name is an InputError listing the known.

    Examples
    --------
    >>> canonical_gpu("a100", set())
    'A100-80GB'
    """
    if name in custom:
        return name
    from optfleet.scenario.catalog import get_gpu

    return get_gpu(name).name


def narrowed_menu(scenario: Any, gpus: tuple[str, ...]) -> dict[str, Any]:
    """The scenario fields that make ``gpus`` its menu (spelled as given, a type named twice
    once): the menu, and the GPU-keyed maps with the entries of types not on it dropped (keys
    respelled as the menu spells them)."""
    custom = {g.name for g in scenario.gpu_overrides}
    menu: dict[str, str] = {}
    for g in gpus:
        menu.setdefault(canonical_gpu(g, custom), g)

    def keep(mapping: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in mapping.items():
            try:
                name = canonical_gpu(key, custom)
            except InputError:
                continue
            if name in menu:
                out[menu[name]] = value
        return out

    def keep_list(names: Any) -> list[str]:
        return [menu[c] for c in (canonical_gpu(g, custom) for g in names) if c in menu]

    cons = scenario.constraints.model_dump()
    cons["max_gpus"] = keep(cons["max_gpus"])
    cons["eligible"] = {k: keep_list(v) for k, v in cons["eligible"].items()}
    models = [m.model_dump() for m in scenario.models]
    for m in models:
        if m.get("tensor_parallel"):
            m["tensor_parallel"] = keep(m["tensor_parallel"])
    return {
        "gpus": tuple(menu.values()),
        "prices_usd_per_hour": keep(scenario.prices_usd_per_hour),
        "tensor_parallel": keep(scenario.tensor_parallel),
        "constraints": cons,
        "models": models,
    }


def apply_to_fleet(cfg: Any, flags: ScenarioFlags, *, from_file: bool) -> Any:
    """A fleet file (:class:`~optfleet.sim.fleetfile.FleetConfig`) with the flags applied.

    ``--gpus`` names one type for every pool or one per pool; ``--tp`` and ``--model`` apply to
    every pool; ``--long-max-ctx`` is the context of the pool(s) serving the longest requests.
    ``--max-rejected-share`` is checked by the command (:func:`check_rejected_share`).
    """
    from optfleet.scenario import validate_model
    from optfleet.sim.fleetfile import FleetConfig

    data = cfg.model_dump()
    pools = data["pools"]
    if flags.model is not None:
        check_model(flags.model)
        data["model"] = flags.model
        for p in pools:
            p["model"] = None
    workload = workload_from_flags(flags, cfg.workload)
    if workload is not None:
        data["workload"] = workload
    if flags.gpus is not None:
        if len(flags.gpus) not in (1, len(pools)):
            what = "the fleet from flags has one pool" if not from_file else (
                f"the fleet file has {len(pools)} pools")
            raise InputError(f"--gpus names {len(flags.gpus)} GPU types but {what}: give one "
                             "type for every pool or one per pool")
        names = flags.gpus * len(pools) if len(flags.gpus) == 1 else flags.gpus
        for p, g in zip(pools, names, strict=True):
            p["gpu"] = canonical_gpu(g, set())
        data["prices_usd_per_hour"] = {
            k: v for k, v in data["prices_usd_per_hour"].items() if k in {p["gpu"] for p in pools}
        }
    if flags.tp is not None:
        data["serving"] = {**data["serving"], "tensor_parallel_size": flags.tp}
        for p in pools:
            p["tensor_parallel_size"] = flags.tp
    if flags.long_max_ctx is not None:
        longest = max(p["max_ctx_tokens"] for p in pools)
        others = [p["max_ctx_tokens"] for p in pools if p["max_ctx_tokens"] != longest]
        if others and flags.long_max_ctx <= max(others):
            raise InputError(
                f"--long-max-ctx {flags.long_max_ctx} must exceed the other pools' max_ctx "
                f"({max(others)} tokens)"
            )
        for p in pools:
            if p["max_ctx_tokens"] == longest:
                p["max_ctx_tokens"] = flags.long_max_ctx
    if flags.profile:
        data["profiles"] = {**data["profiles"], **profile_files(flags.profile)}
    slo = {k: v for k, v in (("ttft_p99_s", flags.ttft_p99_s), ("tpot_p99_s", flags.tpot_p99_s))
           if v is not None}
    data["slo"] = {**data["slo"], **slo}
    return validate_model(FleetConfig, data, "options")


def profile_files(paths: tuple[str, ...]) -> dict[str, Any]:
    """``--profile`` files keyed by the GPU type each was fitted on (read to learn it); two
    files for one GPU type are an InputError."""
    from pathlib import Path

    from optfleet.scenario.catalog import get_gpu
    from optfleet.scenario.profile_file import load_profile_file

    out: dict[str, Any] = {}
    for path in paths:
        gpu = get_gpu(load_profile_file(path).gpu).name
        if gpu in out:
            raise InputError(f"--profile names two files for {gpu}: {out[gpu]} and {path}")
        out[gpu] = Path(path).resolve()
    return out


def check_rejected_share(cfg: Any, limit: float | None) -> None:
    """InputError if more than ``limit`` of the fleet's requests are longer than every pool's
    max_ctx (they would be rejected); no check for ``None``."""
    if limit is None:
        return
    from optfleet.workloads import load_workload

    longest = max(p.max_ctx_tokens for p in cfg.pools)
    cdf = load_workload(cfg.workload).cdf
    share = 1.0 - float(cdf.cdf(longest))
    if share > limit:
        raise InputError(
            f"{share:.4%} of the requests are longer than the longest pool's max_ctx "
            f"({longest} tokens), above --max-rejected-share {limit:g}"
        )
