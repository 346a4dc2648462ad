"""What a benchmark measured, in optfleet's base units: the records the readers produce and the
fit consumes.

Four kinds, one per benchmark shape:

* :class:`StepTiming` - one engine step of a known batch (a CSV row of step timings);
* :class:`PrefillTiming` - one prompt prefilled alone (a CSV row of prefill timings);
* :class:`LatencyRun` - ``vllm bench latency``: a batch of ``batch_size`` identical requests sent
  together, end-to-end latency of the whole batch;
* :class:`ServingRun` - ``vllm bench serve``: requests at a rate (open loop) or from
  ``max_concurrency`` users (closed loop), with the summary metrics the benchmark printed.

Every record names where it came from (``source``: file and row or record), so a fit's table can
point at the line a bad point came from.

Examples
--------
>>> StepTiming(prefill_tokens=0, decode_seqs=8, context_tokens=8000, step_s=0.012,
...            source="steps.csv:2").decode_seqs
8
>>> ServingRun(request_rate_per_s=4.0, max_concurrency=None, burstiness=1.0,
...            input_tokens=(100, 200), output_tokens=(50, 60),
...            metrics={"mean_ttft_s": 0.05}, source="run.json").closed_loop
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from optfleet.errors import InputError

__all__ = [
    "SERVING_METRICS",
    "LatencyRun",
    "Measurement",
    "PrefillTiming",
    "ServingRun",
    "StepTiming",
]

#: The serving metrics a :class:`ServingRun` may carry (seconds, requests/s, tokens/s), named as
#: ``vllm bench serve`` names them with the unit in optfleet's base unit.
SERVING_METRICS: tuple[str, ...] = (
    "mean_ttft_s",
    "median_ttft_s",
    "p99_ttft_s",
    "mean_tpot_s",
    "median_tpot_s",
    "p99_tpot_s",
    "mean_itl_s",
    "median_itl_s",
    "p99_itl_s",
    "mean_e2el_s",
    "median_e2el_s",
    "p99_e2el_s",
    "request_throughput_per_s",
    "output_throughput_tokens_per_s",
)


def _positive(name: str, value: float, source: str, *, allow_zero: bool = False) -> None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    ok = ok and (value >= 0 if allow_zero else value > 0)
    if not ok:
        bound = "non-negative" if allow_zero else "positive"
        raise InputError(f"{source}: {name} must be a finite {bound} number, got {value!r}")


def _count(name: str, value: int, source: str, *, allow_zero: bool = False) -> None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    ok = ok and (value >= 0 if allow_zero else value >= 1)
    if not ok:
        bound = "non-negative" if allow_zero else "positive"
        raise InputError(f"{source}: {name} must be a {bound} integer, got {value!r}")


@dataclass(frozen=True)
class StepTiming:
    """One engine step: ``prefill_tokens`` prompt tokens plus ``decode_seqs`` decoding sequences
    attending ``context_tokens`` KV tokens in total, measured ``step_s`` seconds."""

    prefill_tokens: int
    decode_seqs: int
    context_tokens: int
    step_s: float
    source: str = ""

    def __post_init__(self) -> None:
        for k in ("prefill_tokens", "decode_seqs", "context_tokens"):
            _count(k, getattr(self, k), self.source, allow_zero=True)
        if self.prefill_tokens + self.decode_seqs == 0:
            raise InputError(f"{self.source}: a step needs prefill tokens or decoding sequences")
        _positive("step_s", self.step_s, self.source)


@dataclass(frozen=True)
class PrefillTiming:
    """One prompt of ``prompt_tokens`` tokens prefilled alone on an idle replica in
    ``prefill_s`` seconds (chunked as the engine chunks it)."""

    prompt_tokens: int
    prefill_s: float
    source: str = ""

    def __post_init__(self) -> None:
        _count("prompt_tokens", self.prompt_tokens, self.source)
        _positive("prefill_s", self.prefill_s, self.source)


@dataclass(frozen=True)
class LatencyRun:
    """``vllm bench latency``: ``batch_size`` requests of ``input_tokens`` prompt and
    ``output_tokens`` output tokens sent together; ``latency_s`` is the mean end-to-end time of
    the batch (``latencies_s``: every iteration's, when saved)."""

    batch_size: int
    input_tokens: int
    output_tokens: int
    latency_s: float
    latencies_s: tuple[float, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        for k in ("batch_size", "input_tokens", "output_tokens"):
            _count(k, getattr(self, k), self.source)
        _positive("latency_s", self.latency_s, self.source)
        for x in self.latencies_s:
            _positive("latencies_s", x, self.source)


@dataclass(frozen=True)
class ServingRun:
    """``vllm bench serve``: one run's traffic and the summary metrics it measured.

    Attributes
    ----------
    request_rate_per_s
        The configured request rate (``inf``: every request at once, or as fast as
        ``max_concurrency`` allows).
    max_concurrency
        Users of a closed loop (``--max-concurrency``), or None (open loop).
    burstiness
        vLLM's gamma shape of the inter-arrival times (1: Poisson).
    input_tokens, output_tokens
        Per-request prompt and output lengths, in send order (all requests the benchmark
        completed; when only totals were printed, the mean repeated ``completed`` times).
    metrics
        Measured summary metrics, keys from :data:`SERVING_METRICS`.
    lengths_exact
        False when the lengths are means rebuilt from totals (the text block, or a JSON saved
        without ``--save-detailed``).
    duration_s
        The benchmark's wall time, s (None: not given).
    failed
        Requests the benchmark sent that failed (an error, no output): left out of the lengths
        and of vLLM's metrics, counted here so a fit can report them.
    empty
        Requests that completed without error but produced no token (the model ended at
        once): left out of the lengths, counted here; their TTFT of 0 is left out of the TTFT
        metrics when the per-request TTFTs were saved (the metrics are recomputed without them).
    """

    request_rate_per_s: float
    max_concurrency: int | None
    burstiness: float
    input_tokens: tuple[int, ...]
    output_tokens: tuple[int, ...]
    metrics: dict[str, float] = field(default_factory=dict)
    lengths_exact: bool = True
    duration_s: float | None = None
    source: str = ""
    failed: int = 0
    empty: int = 0
    unfittable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        rate = self.request_rate_per_s
        if not (isinstance(rate, int | float) and not math.isnan(rate) and rate > 0):
            raise InputError(f"{self.source}: request rate must be positive or inf, got {rate!r}")
        if self.max_concurrency is not None:
            _count("max_concurrency", self.max_concurrency, self.source)
        _positive("burstiness", self.burstiness, self.source)
        if not self.input_tokens or len(self.input_tokens) != len(self.output_tokens):
            raise InputError(
                f"{self.source}: input and output lengths must be non-empty and of equal length "
                f"(got {len(self.input_tokens)} and {len(self.output_tokens)})"
            )
        for x in self.input_tokens:
            _count("input length", x, self.source)
        for x in self.output_tokens:
            _count("output length", x, self.source)
        unknown = sorted(set(self.metrics) - set(SERVING_METRICS))
        if unknown:
            raise InputError(f"{self.source}: unknown serving metrics {unknown}")
        for k, v in self.metrics.items():
            _positive(k, v, self.source)
        if self.duration_s is not None:
            _positive("duration_s", self.duration_s, self.source)
        _count("failed", self.failed, self.source, allow_zero=True)
        _count("empty", self.empty, self.source, allow_zero=True)

    @property
    def closed_loop(self) -> bool:
        """Whether the benchmark held ``max_concurrency`` requests in flight (closed loop)."""
        return self.max_concurrency is not None

    @property
    def completed(self) -> int:
        return len(self.input_tokens)


Measurement = StepTiming | PrefillTiming | LatencyRun | ServingRun
