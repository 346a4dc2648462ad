"""Reader of the result block ``vllm bench serve`` prints (``benchmarks/benchmark_serving.py``):
the console output, alone or inside a longer log, one or several blocks.

A block starts at the ``==== Serving Benchmark Result ====`` line and ends at the next line of
``=`` only.  Read from it (vLLM's ``"{:<40} {:<10}"`` lines): ``Successful requests:``,
``Failed requests:``, ``Maximum request concurrency:``, ``Request rate configured (RPS):``,
``Benchmark duration (s):``, ``Total input tokens:``, ``Total generated tokens:``,
``Request throughput (req/s):``, ``Output token throughput (tok/s):`` and the ``Mean``,
``Median`` and ``P99`` lines of ``TTFT``, ``TPOT``, ``ITL`` and ``E2EL`` (ms); other lines
(other percentiles, goodput, peak throughput, client queueing) are ignored.  Before the block,
vLLM prints ``Traffic request rate: R``, ``Burstiness factor: B (...)`` and
``Maximum request concurrency: C`` (``None``: no limit); those are read too.

The request rate and concurrency come from the block, else from the lines before it; a block
that states one of them (vLLM's newer layout prints the rate when finite and the concurrency when
set) implies the other's absence means ``inf`` / no limit.  What the text does not say comes
from the options; a rate still unknown is an InputError asking for ``--request-rate``.  The
lengths are the printed totals over the completed requests (``lengths_exact=False``).

Examples
--------
>>> text = '''Traffic request rate: 4.0
... Maximum request concurrency: None
... ============ Serving Benchmark Result ============
... Successful requests:                     10
... Total input tokens:                      2000
... Total generated tokens:                  1000
... Mean TTFT (ms):                          25.50
... =================================================='''
>>> [(r.request_rate_per_s, r.max_concurrency, r.input_tokens[0], r.metrics)
...  for r in serving_runs_from_text(text, "log.txt", Options())]
[(4.0, None, 200, {'mean_ttft_s': 0.0255})]
"""

from __future__ import annotations

import math
import re
from typing import Any

from optfleet.calibration.measurements import ServingRun
from optfleet.calibration.readers_common import (
    UNKNOWN,
    Options,
    parse_count,
    parse_number,
    parse_rate,
    resolve,
)
from optfleet.calibration.readers_vllm import SERVING_METRIC_NAMES, metric_name
from optfleet.errors import InputError

__all__ = ["BLOCK_TITLE", "has_result_block", "serving_runs_from_text"]

#: The title of the block ``vllm bench serve`` prints.
BLOCK_TITLE = "Serving Benchmark Result"

_HEADER = re.compile(r"=+\s*" + BLOCK_TITLE + r"\s*=+")
_END = re.compile(r"^\s*={10,}\s*$")
_METRIC = re.compile(r"(?:^|\s)(Mean|Median|P99) (" + "|".join(m.upper() for m in
                     SERVING_METRIC_NAMES) + r") \(ms\):\s+(\S+)")

#: Block labels -> (field, parser kind).
_LABELS: dict[str, tuple[str, str]] = {
    "Successful requests:": ("completed", "count0"),
    "Failed requests:": ("failed", "count0"),
    "Maximum request concurrency:": ("concurrency", "concurrency"),
    "Request rate configured (RPS):": ("rate", "rate"),
    "Benchmark duration (s):": ("duration", "number"),
    "Total input tokens:": ("total_input", "count"),
    "Total generated tokens:": ("total_output", "count"),
    "Request throughput (req/s):": ("request_throughput_per_s", "metric"),
    "Output token throughput (tok/s):": ("output_throughput_tokens_per_s", "metric"),
}
#: Lines printed before the block -> field.
_BEFORE: dict[str, str] = {
    "Traffic request rate:": "rate",
    "Maximum request concurrency:": "concurrency",
    "Burstiness factor:": "burstiness",
}
_PATTERNS = {label: re.compile(r"(?:^|\s)" + re.escape(label) + r"\s*(\S+)")
             for label in {*_LABELS, *_BEFORE}}


def has_result_block(text: str) -> bool:
    """Whether ``text`` holds a ``Serving Benchmark Result`` block."""
    return any(_HEADER.search(line) for line in text.splitlines())


def _value(kind: str, raw: str, label: str, where: str) -> Any:
    name = label.rstrip(":")
    if kind == "concurrency":
        return None if raw == "None" else parse_count(raw, name, where)
    if kind == "rate":
        return parse_rate(raw, name, where)
    if kind in ("count", "count0"):
        return parse_count(raw, name, where, allow_zero=kind == "count0")
    return parse_number(raw, name, where, allow_zero=kind == "metric")


def _read_before(lines: list[str], start: int, first: int, name: str) -> dict[str, Any]:
    """The rate, concurrency and burstiness lines printed before the block (nearest wins)."""
    found: dict[str, Any] = {}
    for i in range(start - 1, first - 1, -1):
        line, at = lines[i], f"{name}:{i + 1}"
        if "ramp-up strategy:" in line:
            raise InputError(f"{at}: a ramp-up run has no single request rate; calibrate "
                             "with constant-rate runs")
        for label, key in _BEFORE.items():
            m = _PATTERNS[label].search(line)
            if m and key not in found:
                kind = key if key in ("rate", "concurrency") else "number"
                found[key] = _value(kind, m.group(1), label, at)
    return found


def _read_block(lines: list[str], start: int, end: int, name: str) -> dict[str, Any]:
    """The labelled values of block lines ``start..end`` (``name:line`` in errors)."""
    found: dict[str, Any] = {"metrics": {}}
    for i in range(start, end):
        line, at = lines[i], f"{name}:{i + 1}"
        m = _METRIC.search(line)
        if m:
            stat, metric, raw = m.groups()
            ms = parse_number(raw, f"{stat} {metric} (ms)", at, allow_zero=True)
            if ms > 0:  # vLLM prints 0 for a metric it could not measure
                found["metrics"][metric_name(stat.lower(), metric.lower())] = ms / 1000.0
            continue
        for label, (key, kind) in _LABELS.items():
            m = _PATTERNS[label].search(line)
            if m and key not in found:
                value = _value(kind, m.group(1), label, at)
                if kind != "metric":
                    found[key] = value
                elif value > 0:
                    found["metrics"][key] = value
                break
    return found


def _traffic(block: dict[str, Any], before: dict[str, Any], where: str,
             options: Options) -> tuple[float, int | None]:
    """The request rate and concurrency: the block, the lines before it, then the options."""
    rate = block.get("rate", before.get("rate", UNKNOWN))
    conc = block.get("concurrency", before.get("concurrency", UNKNOWN))
    if "rate" in block or "concurrency" in block:  # vLLM's newer layout states what is set
        rate = math.inf if rate is UNKNOWN else rate
        conc = None if conc is UNKNOWN else conc
    elif "rate" in before and conc is UNKNOWN:  # vLLM before --max-concurrency existed
        conc = None
    # printed with 2 decimals: an option within the rounding agrees
    rate = resolve("request rate", "--request-rate", rate, options.request_rate_per_s, where,
                   abs_tol=0.005 + 1e-9)
    conc = resolve("max concurrency", "--max-concurrency", conc, options.max_concurrency, where)
    if rate is UNKNOWN:
        raise InputError(f"{where}: the text does not state the request rate: pass "
                         "--request-rate (inf if all requests were sent at once) and "
                         "--max-concurrency if the run had one")
    return rate, None if conc is UNKNOWN else conc


def _run(block: dict[str, Any], before: dict[str, Any], where: str,
         options: Options) -> ServingRun:
    for name, label in (("completed", "Successful requests:"),
                        ("total_input", "Total input tokens:"),
                        ("total_output", "Total generated tokens:")):
        if name not in block:
            raise InputError(f"{where}: the result block has no {label!r} line")
    completed = block["completed"]
    if completed == 0:
        raise InputError(f"{where}: no request completed")
    rate, conc = _traffic(block, before, where, options)
    mean_in = max(1, round(block["total_input"] / completed))
    mean_out = max(1, round(block["total_output"] / completed))
    return ServingRun(
        request_rate_per_s=rate,
        max_concurrency=conc,
        burstiness=before.get("burstiness", 1.0),
        input_tokens=(mean_in,) * completed,
        output_tokens=(mean_out,) * completed,
        metrics=block["metrics"],
        lengths_exact=False,
        duration_s=block.get("duration"),
        source=where,
        failed=block.get("failed", 0),
    )


def serving_runs_from_text(text: str, name: str, options: Options) -> tuple[ServingRun, ...]:
    """Every ``Serving Benchmark Result`` block of ``text`` as a :class:`ServingRun`
    (``source``: ``name:line`` of the block's title).

    Raises
    ------
    InputError
        No block, a block without the successful-request or token-total lines, a malformed
        number (naming the file and line), or a request rate neither printed nor given.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _HEADER.search(line)]
    if not starts:
        raise InputError(f"{name}: no '{BLOCK_TITLE}' block (the summary vllm bench serve "
                         "prints)")
    runs, first = [], 0
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        end = next((i for i in range(start + 1, stop) if _END.match(lines[i])), stop)
        before = _read_before(lines, start, first, name)
        block = _read_block(lines, start + 1, end, name)
        runs.append(_run(block, before, f"{name}:{start + 1}", options))
        first = end
    return tuple(runs)
