"""Catalog and inspection commands: schema, presets, gpus, models, profile, workload, backends."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from optfleet.cli.options import FormatOpt, OutputFormat, workload_spec
from optfleet.cli.render import emit_json, render_table


def schema() -> None:
    """Print the JSON schema of scenario files (YAML or JSON)."""
    from optfleet.scenario import scenario_json_schema

    emit_json(scenario_json_schema())


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
    render_table("solver backends", list(rows[0]), [list(r.values()) for r in rows])
