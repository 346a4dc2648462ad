"""``disagg``: disaggregated prefill/decode pools per GPU pair, against the aggregated plan."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from optfleet.cli.options import (
    FormatOpt,
    OutputFormat,
    OverrideGpusOpt,
    OverridePresetOpt,
    OverrideRateOpt,
    OverrideWorkloadOpt,
    QuietOpt,
    ScenarioArg,
    gpu_menu,
    scenario_from_flags,
    seconds_from_ms,
)
from optfleet.cli.render import emit_json, ms, progress, render_table
from optfleet.errors import InputError

TPOTOpt = Annotated[
    float | None, typer.Option("--tpot-p99-ms", help="Decode P99 TPOT SLO, ms (default 100).")
]
LinkOpt = Annotated[str, typer.Option("--link", help="KV link: auto, scale-up or network.")]
NetworkOpt = Annotated[
    float, typer.Option("--network-gbps", help="Network link per GPU, Gb/s.")
]
AggregatedOpt = Annotated[
    str, typer.Option("--aggregated", help="Aggregated comparison: all, one-pool or none.")
]


def disagg(
    scenario_file: ScenarioArg = None,
    rate: OverrideRateOpt = None,
    workload: OverrideWorkloadOpt = None,
    gpus: OverrideGpusOpt = None,
    tpot_p99_ms: TPOTOpt = None,
    link: LinkOpt = "auto",
    network_gbps: NetworkOpt = 400.0,
    aggregated: AggregatedOpt = "all",
    preset: OverridePresetOpt = None,
    quiet: QuietOpt = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Size disaggregated prefill/decode pools per GPU pair; compare with the aggregated plan."""
    from optfleet.analysis.disagg import disagg as run

    tpot_s = seconds_from_ms(tpot_p99_ms, "--tpot-p99-ms", "slo.tpot_p99_s")
    sc = scenario_from_flags(scenario_file, workload=workload, rate_per_s=rate, gpus=gpu_menu(gpus),
                             preset=preset, slo={"tpot_p99_s": tpot_s})
    if link not in ("auto", "scale-up", "network"):
        raise InputError(f"unknown link {link!r}; known: auto, scale-up, network")
    if aggregated not in ("all", "one-pool", "none"):
        raise InputError(f"unknown --aggregated {aggregated!r}; known: all, one-pool, none")
    pairs = len(sc.gpus) ** 2
    with progress(f"sizing {pairs} prefill/decode GPU pair(s)"
                  + (" and the aggregated plan" if aggregated != "none" else "") + "\u2026",
                  quiet=quiet):
        res = run(sc, link=link, network_bandwidth_bytes_per_s=network_gbps * 1e9 / 8.0,  # type: ignore[arg-type]
                  compare_aggregated=aggregated != "none",
                  aggregated_layouts="one-pool" if aggregated == "one-pool" else "all")
    if fmt is OutputFormat.json:
        emit_json(res.to_dict())
        return
    agg = res.aggregated_cost_usd_per_hour
    notes = [
        f"best: {res.best.prefill_gpu} x{res.best.n_prefill} prefill -> {res.best.decode_gpu} "
        f"x{res.best.n_decode} decode, P:D (GPUs) {res.best.pd_ratio:.2f}, "
        f"${res.best.cost_usd_per_hour:,.2f}/h",
        "aggregated: " + (f"${agg:,.2f}/h ({res.aggregated_gpus} GPUs)" if agg is not None
                          else "-") + f" - {res.aggregated_note}",
    ]
    render_table(
        f"disaggregated prefill/decode at {res.rate_per_s:g} req/s "
        f"(TTFT {res.ttft_slo_s * 1000:g} ms, TPOT {res.tpot_slo_s * 1000:g} ms)",
        ["prefill", "decode", "n_p", "n_d", "P:D", "P99 TTFT ms", "P99 TPOT ms", "link", "$/h",
         ""],
        [pair_row(p, p is res.best) for p in res.pairs], notes,
    )


def pair_row(p: Any, best: bool) -> list[Any]:
    """The table row of one (prefill GPU, decode GPU) pair; ``best`` marks it ``*``."""
    e = p.evaluation
    return [
        p.prefill_gpu, p.decode_gpu,
        p.n_prefill if p.feasible else "-", p.n_decode if p.feasible else "-",
        f"{p.pd_ratio:.2f}" if p.feasible else "-",
        ms(e.ttft_quantile_s) if e else float("nan"),
        ms(e.tpot_quantile_s) if e else float("nan"),
        e.link if e else "-",
        p.cost_usd_per_hour if p.feasible else float("nan"),
        "*" if best else (p.note or ""),
    ]
