"""``optfleet calibrate``: fit a replica profile to vLLM benchmark results and show the fit."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import FormatOpt, OutputFormat
from optfleet.cli.render import emit_json, render_table
from optfleet.errors import InputError

_SERVING = "Serving options the benchmarks ran with"
_READER = "For files that do not record it"


def calibrate(
    files: Annotated[list[Path], typer.Argument(
        help="Benchmark files: vLLM serving JSON (--save-result) or printed result text, "
             "latency JSON, step/prefill CSVs, or a runs.yaml manifest of them.")],
    gpu: Annotated[str | None, typer.Option("--gpu", help="GPU type measured (catalog name).")]
    = None,
    model: Annotated[str | None, typer.Option("--model", help="Model measured (catalog name "
                                              "or config.json).")] = None,
    tp: Annotated[int | None, typer.Option("--tp", help="GPUs per replica (tensor parallel).",
                                           rich_help_panel=_SERVING)] = None,
    dtype: Annotated[str | None, typer.Option("--dtype", help="Weight precision (bf16, fp8, "
                                              "...).", rich_help_panel=_SERVING)] = None,
    max_num_seqs: Annotated[int | None, typer.Option(
        "--max-num-seqs", help="vLLM --max-num-seqs.", rich_help_panel=_SERVING)] = None,
    chunk: Annotated[int | None, typer.Option(
        "--max-num-batched-tokens", help="vLLM's chunked-prefill size, tokens.",
        rich_help_panel=_SERVING)] = None,
    memory: Annotated[float | None, typer.Option(
        "--gpu-memory-utilization", help="vLLM --gpu-memory-utilization.",
        rich_help_panel=_SERVING)] = None,
    fit: Annotated[str | None, typer.Option(
        "--fit", help="Constants to fit, comma-separated (default: bandwidth_fraction, "
        "flop_fraction, iteration_overhead_s; + interconnect_fraction for tp > 1; "
        "+ request_latency_s for serving runs).")] = None,
    holdout: Annotated[float, typer.Option(
        "--holdout", help="Share of the runs held out of the fit and scored apart, in [0, 1).")]
    = 0.0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulations and the holdout.")]
    = 0,
    name: Annotated[str | None, typer.Option("--name", help="The profile's label.")] = None,
    out: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write the profile file here (NAME.profile.yaml).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Read every file as this format.",
                                             rich_help_panel=_READER)] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", rich_help_panel=_READER,
                                                   help="Latency runs: batch size.")] = None,
    input_len: Annotated[int | None, typer.Option("--input-len", rich_help_panel=_READER,
                                                  help="Latency runs: prompt tokens.")] = None,
    output_len: Annotated[int | None, typer.Option("--output-len", rich_help_panel=_READER,
                                                   help="Latency runs: output tokens.")] = None,
    request_rate: Annotated[str | None, typer.Option(
        "--request-rate", rich_help_panel=_READER,
        help="Serving runs: request rate, requests/s (inf: all at once).")] = None,
    max_concurrency: Annotated[int | None, typer.Option(
        "--max-concurrency", rich_help_panel=_READER,
        help="Serving runs: closed-loop users.")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Fit a replica's performance profile to your own vLLM benchmarks; print every measured
    value against the model's, the constants with standard errors, and the fit's warnings."""
    from optfleet.calibration.api import calibrate as run

    serving = {k: v for k, v in (("tensor_parallel_size", tp), ("dtype", dtype),
                                 ("max_num_seqs", max_num_seqs),
                                 ("chunked_prefill_tokens", chunk),
                                 ("gpu_memory_utilization", memory)) if v is not None}
    params = None if fit is None else [p.strip() for p in fit.split(",") if p.strip()]
    cal = run(files, gpu=gpu, model=model, serving=serving, parameters=params,
              holdout=holdout, seed=seed, name=name, kind=kind, batch_size=batch_size,
              input_len=input_len, output_len=output_len,
              request_rate_per_s=_rate(request_rate), max_concurrency=max_concurrency)
    if out is not None:
        from optfleet._files import write_text_atomic
        from optfleet.calibration.api import profile_file_text

        write_text_atomic(out, profile_file_text(cal.profile), "profile file")
    if fmt is OutputFormat.json:
        doc = cal.to_dict()
        doc["written"] = None if out is None else str(out)
        emit_json(doc)
        return
    render_calibration(cal, out)


def _rate(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"--request-rate must be a number or inf, got {text!r}") from None
    if math.isnan(value) or value <= 0:
        raise InputError(f"--request-rate must be positive or inf, got {text!r}")
    return value


def _value(metric: str, x: float) -> str:
    if metric.endswith("_per_s"):
        return f"{x:.4g}/s"
    if metric.endswith("_s"):
        return f"{x:.4g} s" if x >= 10 else f"{x * 1e3:.4g} ms"
    return f"{x:.4g}"


def render_calibration(cal: Any, out: Path | None) -> None:
    """The per-point table, the constants, the summary and the warnings."""
    fit = cal.fit
    rows = []
    for p in fit.points:
        use = "held out" if p.held_out else ("fit" if p.fitted else "compared")
        rows.append([Path(p.source).name, p.metric, _value(p.metric, p.measured),
                     _value(p.metric, p.start), _value(p.metric, p.fitted_value),
                     f"{p.relative_error:+.1%}", use])
    render_table("Measured against the model (before and after the fit)",
                 ["source", "metric", "measured", "roofline", "fitted", "error", "use"], rows)
    prow = []
    for k, p in fit.parameters.items():
        se = "n/a" if p.std_error is None else f"{p.std_error:.3g}"
        prow.append([k, f"{p.start:.4g}", f"{p.value:.4g}", se, f"[{p.lower:g}, {p.upper:g}]",
                     "yes" if p.at_bound else ""])
    for k, v in fit.fixed.items():
        prow.append([k, f"{v:.4g}", f"{v:.4g}", "not fitted", "", ""])
    render_table("Fitted constants", ["constant", "start", "fitted", "std error", "bounds",
                                      "on bound"], prow)
    used = sum(p.fitted and not p.held_out for p in fit.points)
    held = sum(p.fitted and p.held_out for p in fit.points)
    summary = [["values fitted", used], ["rms relative error (fit)",
                                         f"{fit.rms_relative_error:.1%}"],
               ["max relative error (fit)", f"{fit.max_relative_error:.1%}"]]
    if fit.holdout_rms_relative_error is not None:
        summary.append([f"rms relative error (held out, {held} values)",
                        f"{fit.holdout_rms_relative_error:.1%}"])
    summary += [["failed or empty requests dropped (counted)", cal.failed_requests],
                ["model evaluations", fit.evaluations],
                ["profile written", str(out) if out is not None else "(no -o given)"]]
    render_table(f"Fit of {cal.profile.name}", ["", ""], summary)
    for w in fit.warnings:
        typer.echo(f"warning: {w}")
