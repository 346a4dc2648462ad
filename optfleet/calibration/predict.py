"""What optfleet's replica model predicts for each measurement: the values a fit compares.

* :class:`~optfleet.calibration.measurements.StepTiming` - the iteration model itself;
* :class:`~optfleet.calibration.measurements.PrefillTiming` - the chunked prefill of one prompt;
* :class:`~optfleet.calibration.measurements.LatencyRun` - the engine-level simulation of the
  batch (every request at time 0), the time its last request finishes;
* :class:`~optfleet.calibration.measurements.ServingRun` - the engine-level simulation of the
  benchmark itself: one replica, the run's own request lengths in send order, arrivals at its
  rate (gamma inter-arrival times of shape ``burstiness``, as vLLM draws them; all at time 0 for
  an infinite rate) or a closed loop of its ``max_concurrency`` users, seeded, and the metrics
  computed from the simulated requests as vLLM computes them from the measured ones.

Examples
--------
>>> from optfleet.calibration.measurements import StepTiming
>>> from optfleet.physics import computed_profile
>>> prof = computed_profile("H100", "llama-3.1-8b")
>>> p = predict_points(StepTiming(0, 8, 8000, 0.01, "x"), prof, seed=0)
>>> [(q.metric, round(q.value, 5)) for q in p]
[('step_s', 0.00772)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from optfleet.calibration.measurements import (
    LatencyRun,
    Measurement,
    PrefillTiming,
    ServingRun,
    StepTiming,
)
from optfleet.errors import InputError

__all__ = ["BURST_RATIO", "FITTED_SERVING_METRICS", "Predicted", "bursty_itl", "predict_points",
           "serving_requests"]

#: Serving metrics the fit uses; the others a run carries are compared but not fitted (tails
#: hold what the model leaves out: tokenisation, networking, the client) or not predicted
#: (percentiles of per-token gaps, which the simulator does not keep).
FITTED_SERVING_METRICS: tuple[str, ...] = (
    "mean_ttft_s",
    "median_ttft_s",
    "mean_tpot_s",
    "median_tpot_s",
    "mean_itl_s",
    "mean_e2el_s",
    "median_e2el_s",
)
_CLOSED_LOOP_METRICS = ("request_throughput_per_s", "output_throughput_tokens_per_s")
_COMPARED_ONLY = ("p99_ttft_s", "p99_tpot_s", "p99_e2el_s")


@dataclass(frozen=True)
class Predicted:
    """One predicted value: ``metric`` of a measurement, and whether a fit uses it."""

    metric: str
    value: float
    fitted: bool = True


def predict_points(m: Measurement, profile: object, *, seed: int,
                   request_latency_s: float = 0.0) -> list[Predicted]:
    """The model's values for every metric of ``m`` it predicts (``profile``: a
    :class:`~optfleet.physics.ReplicaProfile`; ``request_latency_s``: a fixed latency outside
    the engine that a serving benchmark's TTFT and end-to-end times carry)."""
    if isinstance(m, StepTiming):
        t = profile.iteration.time_s(m.prefill_tokens, m.decode_seqs, m.context_tokens)
        return [Predicted("step_s", float(t))]
    if isinstance(m, PrefillTiming):
        return [Predicted("prefill_s", float(profile.prefill_s(m.prompt_tokens)))]
    if isinstance(m, LatencyRun):
        return [Predicted("latency_s", _latency(m, profile))]
    if isinstance(m, ServingRun):
        return _serving(m, profile, seed, request_latency_s)
    raise InputError(f"not a measurement: {type(m).__name__}")


def _simulate(profile: object, prompt: np.ndarray, output: np.ndarray, arrival: np.ndarray,
              users: int | None, think_time_s: float = 0.0) -> dict[str, np.ndarray]:
    """One replica's engine simulation of these requests (a closed loop of ``users`` whose
    cycle also holds ``think_time_s``, the latency outside the engine), every record kept."""
    from optfleet.scenario import ClosedLoopClients
    from optfleet.sim import PoolSpec, Requests, simulate

    max_ctx = int(np.max(prompt + output))
    if max_ctx > profile.max_model_len:
        raise InputError(
            f"a measured request of {max_ctx} tokens exceeds the replica's max_model_len "
            f"{profile.max_model_len}; pass the benchmark's --max-model-len"
        )
    req = Requests(arrival, prompt, output)
    arrivals = None if users is None else ClosedLoopClients(users=users,
                                                            think_time_s=think_time_s)
    res = simulate(PoolSpec(profile, 1, max_ctx), req, arrivals, level="engine",
                   warmup_fraction=0.0, executor="sequential", record=True)
    cols = res.records[0].columns
    if np.any(cols["status"] != 1):
        bad = int(np.sum(cols["status"] != 1))
        raise InputError(f"{bad} simulated requests did not complete (rejected or unfinished)")
    return cols


def _latency(m: LatencyRun, profile: object) -> float:
    b = m.batch_size
    cols = _simulate(profile, np.full(b, m.input_tokens, dtype=np.int64),
                     np.full(b, m.output_tokens, dtype=np.int64), np.zeros(b), None)
    return float(np.max(cols["finish_s"]))


def serving_requests(run: ServingRun, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Prompt and output lengths and send times of a run's simulation (send times unused by a
    closed loop).  Open loop: gamma inter-arrival times of shape ``burstiness`` and mean
    ``1 / rate`` from a generator seeded by ``seed``, the first request at time 0 (vLLM's
    client); an infinite rate sends every request at time 0.

    Examples
    --------
    >>> run = ServingRun(2.0, None, 1.0, (10, 20, 30), (5, 5, 5), source="r")
    >>> serving_requests(run, 0)[2].round(3).tolist()
    [0.0, 0.34, 0.85]
    """
    prompt = np.asarray(run.input_tokens, dtype=np.int64)
    output = np.asarray(run.output_tokens, dtype=np.int64)
    n = prompt.size
    if math.isinf(run.request_rate_per_s):
        return prompt, output, np.zeros(n)
    rng = np.random.default_rng(seed)
    shape = run.burstiness
    gaps = rng.gamma(shape, 1.0 / (run.request_rate_per_s * shape), size=n - 1)
    return prompt, output, np.concatenate([[0.0], np.cumsum(gaps)])


def _serving(run: ServingRun, profile: object, seed: int,
             request_latency_s: float) -> list[Predicted]:
    prompt, output, arrival = serving_requests(run, seed)
    users = run.max_concurrency if math.isinf(run.request_rate_per_s) else None
    cols = _simulate(profile, prompt, output, arrival, users, request_latency_s)
    if request_latency_s:
        cols = dict(cols, ttft_s=cols["ttft_s"] + request_latency_s,
                    e2e_s=cols["e2e_s"] + request_latency_s)
    values = serving_metrics(cols)
    fitted = FITTED_SERVING_METRICS + (_CLOSED_LOOP_METRICS if users is not None else ())
    if bursty_itl(run):
        fitted = tuple(k for k in fitted if k != "mean_itl_s")
    if run.completed == 1:  # one request: its median is its mean, one value not two
        fitted = tuple(k for k in fitted if not k.startswith("median_"))
    fitted = tuple(k for k in fitted if k not in run.unfittable)
    out = []
    for k in run.metrics:
        if k in values:
            out.append(Predicted(k, values[k], fitted=k in fitted))
    return out


#: Mean ITL over mean TPOT above which tokens arrived in bursts (several per gap).
BURST_RATIO = 1.5


def bursty_itl(run: ServingRun) -> bool:
    """Whether the run's tokens reached the client in bursts: a mean inter-token gap well above
    the mean time per output token (multi-step scheduling, stream intervals, a buffering
    proxy).  Each gap then spans several tokens, so the mean ITL is not a step time and the
    fit only compares it.

    Examples
    --------
    >>> r = ServingRun(1.0, None, 1.0, (10,), (20,), {"mean_itl_s": 0.07, "mean_tpot_s": 0.007})
    >>> bursty_itl(r)
    True
    """
    itl, tpot = run.metrics.get("mean_itl_s"), run.metrics.get("mean_tpot_s")
    return itl is not None and tpot is not None and itl > BURST_RATIO * tpot


def serving_metrics(cols: dict[str, np.ndarray]) -> dict[str, float]:
    """vLLM's summary metrics of simulated requests (seconds, requests/s, tokens/s).

    TPOT is ``(e2e - ttft) / (output - 1)`` per request with more than one output token; the
    mean inter-token latency weighs every token gap alike, ``sum(e2e - ttft) / sum(output -
    1)``; throughputs divide by the time from the first send to the last finish.
    """
    ttft = cols["ttft_s"]
    e2e = cols["e2e_s"]
    out = cols["output_tokens"].astype(np.float64)
    multi = out > 1
    tpot = (e2e[multi] - ttft[multi]) / (out[multi] - 1.0)
    span = float(np.max(cols["arrival_s"] + e2e) - np.min(cols["arrival_s"]))
    values = {
        "mean_ttft_s": float(np.mean(ttft)),
        "median_ttft_s": float(np.median(ttft)),
        "p99_ttft_s": float(np.percentile(ttft, 99)),
        "mean_e2el_s": float(np.mean(e2e)),
        "median_e2el_s": float(np.median(e2e)),
        "p99_e2el_s": float(np.percentile(e2e, 99)),
        "request_throughput_per_s": ttft.size / span,
        "output_throughput_tokens_per_s": float(np.sum(out)) / span,
    }
    if tpot.size:
        values.update(
            mean_tpot_s=float(np.mean(tpot)),
            median_tpot_s=float(np.median(tpot)),
            p99_tpot_s=float(np.percentile(tpot, 99)),
            mean_itl_s=float(np.sum(e2e[multi] - ttft[multi]) / np.sum(out[multi] - 1.0)),
        )
    return values
