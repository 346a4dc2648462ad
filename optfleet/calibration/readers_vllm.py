"""Readers of the JSON results vLLM's benchmarks save: ``vllm bench serve --save-result``
(``benchmarks/benchmark_serving.py``) and ``vllm bench latency --output-json``
(``benchmarks/benchmark_latency.py``), every version's keys.

Each function takes one parsed JSON object and the place it came from, and returns one record.

Serving result (``--save-result``; keys read, others ignored)
    ``completed`` and ``request_rate`` (a number, ``"inf"`` or ``Infinity``) are required;
    ``max_concurrency`` (absent before vLLM had the option: None), ``burstiness`` (default 1),
    ``duration`` (s), ``failed``; the lengths from ``input_lens``/``output_lens``/``errors``
    (saved with ``--save-detailed`` or by older versions: one entry per request sent, a failed
    request has a non-empty error and output length 0) or, without them, the means of
    ``total_input_tokens``/``total_output_tokens`` over ``completed``; the metrics
    ``{mean,median,p99}_{ttft,tpot,itl,e2el}_ms`` (or ``percentiles_<metric>_ms`` as
    ``[[99, v], ...]`` or ``{"99": v}``), ``request_throughput``, ``output_throughput``.  A
    metric vLLM saved as 0 (it writes 0 for one it could not measure, e.g. TTFT without
    streaming) is left out.
Latency result (``--output-json``)
    ``avg_latency`` (s, required), ``latencies`` (s); ``batch_size``, ``input_len``,
    ``output_len`` when present (top level or under ``args``), else from the options.  Also the
    PyTorch-benchmark-format file vLLM writes beside it (``*.pytorch.json``, a list of records
    with ``benchmark.extra_info.args``), which does record the arguments.

Examples
--------
>>> run = serving_run_from_json({"completed": 2, "request_rate": "inf", "max_concurrency": 2,
...     "total_input_tokens": 200, "total_output_tokens": 100, "mean_ttft_ms": 25.0},
...     "run.json", Options())
>>> run.max_concurrency, run.input_tokens, run.metrics, run.lengths_exact
(2, (100, 100), {'mean_ttft_s': 0.025}, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from optfleet.calibration.measurements import LatencyRun, ServingRun
from optfleet.calibration.readers_common import (
    UNKNOWN,
    Options,
    json_count,
    json_number,
    parse_rate,
    resolve,
)
from optfleet.errors import InputError

__all__ = [
    "SERVING_METRIC_NAMES",
    "is_latency_result",
    "is_pytorch_records",
    "is_serving_result",
    "latency_run_from_json",
    "latency_runs_from_pytorch",
    "metric_name",
    "serving_run_from_json",
]

#: vLLM's metric names (``ttft``, ...) whose mean, median and P99 a serving run carries.
SERVING_METRIC_NAMES: tuple[str, ...] = ("ttft", "tpot", "itl", "e2el")


def metric_name(stat: str, metric: str) -> str:
    """The :data:`~optfleet.calibration.measurements.SERVING_METRICS` key of a vLLM statistic:
    ``metric_name("p99", "ttft") == "p99_ttft_s"``."""
    return f"{stat}_{metric}_s"


def is_serving_result(doc: Any) -> bool:
    """Whether a JSON object looks like a ``vllm bench serve`` result."""
    return isinstance(doc, dict) and ("completed" in doc or "request_rate" in doc)


def is_latency_result(doc: Any) -> bool:
    """Whether a JSON object looks like a ``vllm bench latency`` result."""
    return isinstance(doc, dict) and "avg_latency" in doc and "completed" not in doc


def is_pytorch_records(doc: Any) -> bool:
    """Whether a JSON document is vLLM's PyTorch-benchmark-format list of records."""
    return (isinstance(doc, list) and bool(doc) and isinstance(doc[0], dict)
            and "benchmark" in doc[0] and "metric" in doc[0])


def _require(doc: dict[str, Any], key: str, where: str, what: str) -> Any:
    if key not in doc:
        raise InputError(f"{where}: missing key {key!r} (every {what} result has it)")
    return doc[key]


def _rate(value: Any, where: str) -> float:
    if isinstance(value, str):
        return parse_rate(value.strip(), "request_rate", where)
    return json_number(value, "request_rate", where, allow_inf=True)


def _list(doc: dict[str, Any], key: str, where: str) -> list[Any]:
    values = doc[key]
    if not isinstance(values, list):
        raise InputError(f"{where}: {key} must be a list, got {type(values).__name__}")
    return values


@dataclass(frozen=True)
class _Kept:
    """The requests of a detailed result that produced tokens, and what was left out."""

    ins: tuple[int, ...]
    outs: tuple[int, ...]
    failed: int
    empty: int
    ttfts: tuple[float, ...] | None  # the kept requests' TTFTs, s (None: not saved)


def _exact_lengths(doc: dict[str, Any], completed: int, where: str) -> _Kept:
    """Per-request lengths of the requests that completed with tokens; how many failed and how
    many completed with no token (vLLM counts them completed, with a TTFT of 0)."""
    ins, outs = _list(doc, "input_lens", where), _list(doc, "output_lens", where)
    errors = _list(doc, "errors", where) if "errors" in doc else None
    ttfts = _list(doc, "ttfts", where) if "ttfts" in doc else None
    if len(ins) != len(outs) or (errors is not None and len(errors) != len(ins)) or (
        ttfts is not None and len(ttfts) != len(ins)
    ):
        raise InputError(f"{where}: input_lens, output_lens, errors and ttfts must be of equal "
                         f"length (got {len(ins)}, {len(outs)}, {len(errors or [])}, "
                         f"{len(ttfts or [])})")
    keep_in: list[int] = []
    keep_out: list[int] = []
    keep_ttft: list[float] = []
    empty = 0
    for i, (n_in, n_out) in enumerate(zip(ins, outs, strict=True)):
        n_out = json_count(n_out, f"output_lens[{i}]", where, allow_zero=True)
        if errors is not None and errors[i]:
            continue
        if n_out == 0:
            empty += errors is not None  # no errors list: an empty output is vLLM's failure
            continue
        keep_in.append(json_count(n_in, f"input_lens[{i}]", where))
        keep_out.append(n_out)
        if ttfts is not None:
            keep_ttft.append(json_number(ttfts[i], f"ttfts[{i}]", where))
    failed = len(ins) - len(keep_in) - empty
    if len(keep_in) + empty != completed or doc.get("failed", failed) != failed:
        raise InputError(f"{where}: completed is {completed} and failed {doc.get('failed')} but "
                         f"{len(keep_in) + empty} of the {len(ins)} saved requests succeeded")
    if not keep_in:
        raise InputError(f"{where}: no request produced a token")
    return _Kept(tuple(keep_in), tuple(keep_out), failed, empty,
                 tuple(keep_ttft) if ttfts is not None else None)


def _ttft_without(metrics: dict[str, float], kept: _Kept) -> dict[str, float]:
    """The TTFT metrics recomputed over the kept requests (vLLM's own definitions) when some
    completed with no token; without saved TTFTs the metrics stay as measured."""
    if not kept.empty or kept.ttfts is None:
        return metrics
    import numpy as np

    t = np.asarray(kept.ttfts)
    out = dict(metrics)
    for name, value in (("mean_ttft_s", np.mean(t)), ("median_ttft_s", np.median(t)),
                        ("p99_ttft_s", np.percentile(t, 99))):
        if name in out:
            out[name] = float(value)
    return out


def _failed_from_counts(doc: dict[str, Any], completed: int, where: str) -> int:
    if "failed" in doc:
        return json_count(doc["failed"], "failed", where, allow_zero=True)
    prompts = doc.get("num_prompts")
    if isinstance(prompts, int) and not isinstance(prompts, bool) and prompts >= completed:
        return prompts - completed
    return 0


def _mean_lengths(doc: dict[str, Any], completed: int,
                  where: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    lengths = []
    for key in ("total_input_tokens", "total_output_tokens"):
        total = json_count(_require(doc, key, where, "vllm bench serve"), key, where)
        lengths.append((max(1, round(total / completed)),) * completed)
    return lengths[0], lengths[1]


def _percentile_99(value: Any) -> Any:
    """P99 from ``percentiles_<metric>_ms``: ``[[99.0, v], ...]`` or ``{"99": v}``."""
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list):
        return None
    for pair in value:
        if isinstance(pair, list | tuple) and len(pair) == 2:
            try:
                if float(pair[0]) == 99.0:
                    return pair[1]
            except (TypeError, ValueError):
                continue
    return None


def _serving_metrics(doc: dict[str, Any], where: str) -> dict[str, float]:
    """vLLM's summary metrics in seconds; absent, null or 0 (not measured) ones left out."""
    found: dict[str, tuple[str, Any]] = {}
    for metric in SERVING_METRIC_NAMES:
        for stat in ("mean", "median", "p99"):
            key = f"{stat}_{metric}_ms"
            if doc.get(key) is not None:
                found[metric_name(stat, metric)] = (key, doc[key])
        pkey = f"percentiles_{metric}_ms"
        p99 = _percentile_99(doc.get(pkey))
        if metric_name("p99", metric) not in found and p99 is not None:
            found[metric_name("p99", metric)] = (f"{pkey}[99]", p99)
    metrics = {}
    for name, (key, value) in found.items():
        ms = json_number(value, key, where, allow_zero=True)
        if ms > 0:
            metrics[name] = ms / 1000.0
    for key, name in (("request_throughput", "request_throughput_per_s"),
                      ("output_throughput", "output_throughput_tokens_per_s")):
        if doc.get(key) is not None:
            x = json_number(doc[key], key, where, allow_zero=True)
            if x > 0:
                metrics[name] = x
    return metrics


def serving_run_from_json(doc: dict[str, Any], where: str, options: Options) -> ServingRun:
    """One ``vllm bench serve --save-result`` result as a :class:`ServingRun` (see the module).

    Raises
    ------
    InputError
        A required key missing, a value of the wrong type, NaN or negative, no completed
        request, a ramp-up run, or an option that contradicts the file.
    """
    completed = json_count(_require(doc, "completed", where, "vllm bench serve"), "completed",
                           where, allow_zero=True)
    rate = _rate(_require(doc, "request_rate", where, "vllm bench serve"), where)
    if doc.get("ramp_up_strategy") is not None:
        raise InputError(f"{where}: a ramp-up run ({doc['ramp_up_strategy']!r}) has no single "
                         "request rate; calibrate with constant-rate runs")
    concurrency = doc.get("max_concurrency")
    if concurrency is not None:
        concurrency = json_count(concurrency, "max_concurrency", where)
    rate = resolve("request_rate", "--request-rate", rate, options.request_rate_per_s, where)
    concurrency = resolve("max_concurrency", "--max-concurrency", concurrency,
                          options.max_concurrency, where)
    if completed == 0:
        raise InputError(f"{where}: no request completed")
    metrics = _serving_metrics(doc, where)
    empty = 0
    unfittable: tuple[str, ...] = ()
    if "input_lens" in doc and "output_lens" in doc:
        kept = _exact_lengths(doc, completed, where)
        ins, outs, failed, empty, exact = kept.ins, kept.outs, kept.failed, kept.empty, True
        metrics = _ttft_without(metrics, kept)
        if empty:
            biased = ("e2el", "throughput") + (() if kept.ttfts is not None else ("ttft",))
            unfittable = tuple(k for k in metrics if any(b in k for b in biased))
    else:
        ins, outs = _mean_lengths(doc, completed, where)
        failed, exact = _failed_from_counts(doc, completed, where), False
    duration = doc.get("duration")
    return ServingRun(
        request_rate_per_s=rate,
        max_concurrency=concurrency,
        burstiness=json_number(doc.get("burstiness", 1.0), "burstiness", where),
        input_tokens=ins,
        output_tokens=outs,
        metrics=metrics,
        lengths_exact=exact,
        duration_s=None if duration is None else json_number(duration, "duration", where),
        source=where,
        failed=failed,
        empty=empty,
        unfittable=unfittable,
    )


_LATENCY_ARGS = (("batch_size", "--batch-size"), ("input_len", "--input-len"),
                 ("output_len", "--output-len"))


def _latency_shape(args: dict[str, Any], where: str, options: Options) -> dict[str, int]:
    """Batch size and lengths: recorded in ``args``, or from the options, or an InputError."""
    if args.get("use_beam_search") or json_count(args.get("n", 1), "n", where) != 1:
        raise InputError(f"{where}: a latency run with beam search or n > 1 samples per prompt "
                         "is not supported")
    shape: dict[str, Any] = {}
    for key, option in _LATENCY_ARGS:
        in_file = json_count(args[key], key, where) if key in args else UNKNOWN
        shape[key] = resolve(key, option, in_file, getattr(options, key), where)
    missing = [option for key, option in _LATENCY_ARGS if shape[key] is UNKNOWN]
    if missing:
        raise InputError(f"{where}: the latency result does not record the batch size and "
                         f"lengths: pass {', '.join(missing)}")
    return shape


def _latency_run(avg: Any, latencies: Any, args: dict[str, Any], where: str,
                 options: Options) -> LatencyRun:
    if not isinstance(latencies, list):
        raise InputError(f"{where}: latencies must be a list, got {type(latencies).__name__}")
    lat = tuple(json_number(x, f"latencies[{i}]", where) for i, x in enumerate(latencies))
    shape = _latency_shape(args, where, options)
    return LatencyRun(
        batch_size=shape["batch_size"],
        input_tokens=shape["input_len"],
        output_tokens=shape["output_len"],
        latency_s=json_number(avg, "avg_latency", where),
        latencies_s=lat,
        source=where,
    )


def latency_run_from_json(doc: dict[str, Any], where: str, options: Options) -> LatencyRun:
    """One ``vllm bench latency --output-json`` result as a :class:`LatencyRun`.

    Examples
    --------
    >>> latency_run_from_json({"avg_latency": 1.5, "latencies": [1.4, 1.6]}, "lat.json",
    ...                       Options(batch_size=8, input_len=32, output_len=128)).latency_s
    1.5
    """
    avg = _require(doc, "avg_latency", where, "vllm bench latency")
    args = doc.get("args") if isinstance(doc.get("args"), dict) else doc
    return _latency_run(avg, doc.get("latencies", []), args, where, options)


def latency_runs_from_pytorch(records: list[Any], where: str,
                              options: Options) -> tuple[LatencyRun, ...]:
    """The latency records of vLLM's PyTorch-benchmark-format file (``*.pytorch.json``)."""
    runs = []
    for i, rec in enumerate(records):
        at = f"{where}[{i}]"
        try:
            metric, args = rec["metric"], rec["benchmark"]["extra_info"]["args"]
            name, values, extra = metric["name"], metric["benchmark_values"], metric["extra_info"]
        except (KeyError, TypeError):
            raise InputError(f"{at}: not a PyTorch-benchmark-format record (metric.name, "
                             "metric.benchmark_values, benchmark.extra_info.args)") from None
        if name != "latency":
            raise InputError(f"{at}: a PyTorch-format {name!r} record: optfleet reads the "
                             "main --save-result JSON of a serving run, not this copy")
        if not isinstance(args, dict) or not isinstance(extra, dict):
            raise InputError(f"{at}: benchmark.extra_info.args and metric.extra_info must be "
                             "objects")
        avg = extra.get("avg_latency", UNKNOWN)
        if avg is UNKNOWN:
            ok = isinstance(values, list) and values and all(
                isinstance(x, int | float) and not isinstance(x, bool) for x in values)
            avg = math.fsum(values) / len(values) if ok else values
        runs.append(_latency_run(avg, values, args, at, options))
    return tuple(runs)
