"""Catalog and inspection commands: schema, presets, gpus, models, profile, workload, backends,
examples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import FormatOpt, OutputFormat, workload_spec
from optfleet.cli.render import emit_json, render_table
from optfleet.errors import InputError

SchemaFormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="json (the JSON schema) or table (one table a model)."),
]


def schema(fmt: SchemaFormatOpt = OutputFormat.json) -> None:
    """Print the JSON schema of scenario files (YAML or JSON): every field, its unit, its
    default."""
    from optfleet.scenario import scenario_json_schema

    doc = scenario_json_schema()
    if fmt is OutputFormat.json:
        emit_json(doc)
        return
    models = {"Scenario": doc, **doc.get("$defs", {})}
    for name, model in models.items():
        rows = [[field, schema_type(p), schema_default(p), p.get("description", "")]
                for field, p in model.get("properties", {}).items()]
        required = set(model.get("required", ()))
        rows = [[f + (" *" if f in required else ""), *rest] for f, *rest in rows]
        about = " ".join(model.get("description", "").split("\n\n")[0].split())
        render_table(f"{name}: {about}" if about else name,
                     ["field (* required)", "type", "default", "description (unit)"], rows)


def schema_type(p: dict[str, Any]) -> str:
    """A short type of one JSON-schema property (``number | null``, ``list of SLO``...).

    Examples
    --------
    >>> schema_type({"anyOf": [{"type": "number"}, {"type": "null"}]})
    'number | null'
    >>> schema_type({"type": "array", "items": {"$ref": "#/$defs/GPUSpec"}})
    'list of GPUSpec'
    """
    if "$ref" in p:
        return p["$ref"].rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in p:
            return " | ".join(dict.fromkeys(schema_type(q) for q in p[key]))
    if "const" in p:
        return repr(p["const"])
    if "enum" in p:
        return " | ".join(repr(v) for v in p["enum"])
    kind = p.get("type", "any")
    if kind == "array":
        items = p.get("items") or (p.get("prefixItems") or [{}])[0]
        return f"list of {schema_type(items)}"
    if kind == "object" and isinstance(p.get("additionalProperties"), dict):
        return f"map to {schema_type(p['additionalProperties'])}"
    return str(kind)


def schema_default(p: dict[str, Any]) -> str:
    """A property's default, short (``-`` when required; nested defaults as ``{...}``)."""
    if "default" not in p:
        return "-"
    v = p["default"]
    if isinstance(v, dict):
        return "{...}" if v else "{}"
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]" if len(str(v)) < 40 else "[...]"
    return "null" if v is None else str(v)


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
    profile_file: Annotated[
        Path | None, typer.Option("--profile", help="A calibrated profile file (optfleet "
                                  "calibrate -o): the roofline with its fitted constants.")
    ] = None,
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
        if profile_file is None:
            prof = computed_profile(get_gpu(gpu), resolve_model(model), serving)
        else:
            from optfleet.physics.fitted import load_profile_use, profile_from_file

            pf, use = load_profile_use(gpu, profile_file)
            prof = profile_from_file(pf, get_gpu(gpu), resolve_model(model), serving, use)
    summary = profile_summary(prof, max_ctx_tokens=max_ctx)
    if fmt is OutputFormat.json:
        emit_json(summary)
        return
    render_table(
        f"replica profile {prof.name}", ["quantity", "value"], [[k, v] for k, v in summary.items()]
    )


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


def backends(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the solver backends and what each can do."""
    from optfleet.backends import backend_table

    rows = backend_table()
    if fmt is OutputFormat.json:
        emit_json(rows)
        return
    # True/False as backend_table gives them (tests/test_hardening_cli.py reads "False")
    render_table("solver backends", list(rows[0]), [[str(v) for v in r.values()] for r in rows])


# ------------------------------------------------------------------------------------------
# examples
# ------------------------------------------------------------------------------------------

ExampleArg = Annotated[
    str | None, typer.Argument(help="An example's name: print it (or copy it with --out).")
]
ExampleOutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Copy the example into this folder.")
]


def examples(
    name: ExampleArg = None,
    out: ExampleOutOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List the bundled example scenario and fleet files; print or copy one.

    Any command that reads a scenario or fleet file also takes example:NAME.
    """
    from optfleet._data import example_description, example_path, list_examples

    if name is None:
        if out is not None:
            raise InputError("--out copies one example: name it (optfleet examples NAME -o DIR)")
        rows = [example_info(n, p, example_description(p)) for n, p in list_examples().items()]
        if fmt is OutputFormat.json:
            emit_json(rows)
            return
        render_table(
            "bundled examples: optfleet COMMAND example:NAME (optfleet examples NAME -o DIR "
            "copies one)",
            ["NAME", "COMMAND", "about"],
            [[r["command"].rsplit(":", 1)[1], r["command"].split()[1], r["description"]]
             for r in rows],
        )
        return
    path = example_path(name)
    if out is None:
        text = path.read_text(encoding="utf-8")
        emit_json({"name": path.name[:-5], "file": path.name, "text": text}) \
            if fmt is OutputFormat.json else typer.echo(text, nl=False)
        return
    target = copy_example(path, out)
    if fmt is OutputFormat.json:
        emit_json({"name": path.name[:-5], "path": str(target)})
        return
    typer.echo(f"copied {path.name} to {target}")


def example_info(name: str, path: Path, description: str) -> dict[str, str]:
    """What ``optfleet examples`` says of one example: its kind and the command that runs it."""
    from optfleet._data import example_short_name
    from optfleet.scenario import read_mapping

    if name.endswith(".scenario"):
        kind, command = "scenario", "plan"
    elif "models" in read_mapping(path):
        kind, command = "multi-model fleet", "simulate-fleet"
    else:
        kind, command = "fleet", "simulate"
    return {"name": name, "kind": kind, "file": path.name, "command":
            f"optfleet {command} example:{example_short_name(name)}", "description": description}


def copy_example(path: Path, folder: Path) -> Path:
    """Copy one example file into ``folder`` (which must exist); an existing file is kept and
    is an InputError."""
    from optfleet._files import write_text_atomic

    if not folder.is_dir():
        raise InputError(f"--out {folder}: not an existing folder")
    target = folder / path.name
    if target.exists():
        raise InputError(f"{target} already exists: remove it or copy elsewhere")
    return write_text_atomic(target, path.read_text(encoding="utf-8"), "--out")
