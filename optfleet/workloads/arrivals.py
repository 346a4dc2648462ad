"""Arrival processes: Poisson, gamma renewal, piecewise-constant Poisson and trace replay.

:func:`arrival_times` returns sorted arrival times (s) for exactly one of ``n`` (that many
arrivals) or ``horizon_s`` (every arrival in ``[0, horizon_s]``).  All generators are exact and
vectorised; same seed, same output.

Examples
--------
>>> from optfleet.scenario import PoissonArrivals
>>> t = arrival_times(PoissonArrivals(rate_per_s=10.0), n=5, seed=1)
>>> t.shape, bool((t[1:] >= t[:-1]).all())
((5,), True)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError
from optfleet.scenario import (
    GammaArrivals,
    PiecewiseArrivals,
    PoissonArrivals,
    TraceReplayArrivals,
    TraceWorkload,
)
from optfleet.workloads.cdf import SeedLike, as_generator, check_count
from optfleet.workloads.traces import Trace


def _rate(name: str, v: Any, *, allow_zero: bool = False) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {v!r}") from None
    if not math.isfinite(x) or x < 0 or (x == 0 and not allow_zero):
        kind = "non-negative" if allow_zero else "positive"
        raise InputError(f"{name} must be a finite {kind} number, got {v!r}")
    return x


def _n_or_horizon(n: Any, horizon_s: Any) -> tuple[int | None, float | None]:
    if (n is None) == (horizon_s is None):
        raise InputError("give exactly one of n and horizon_s")
    if n is not None:
        return check_count("n", n), None
    return None, _rate("horizon_s", horizon_s, allow_zero=True)


def _poisson(
    rate: float, n: int | None, horizon: float | None, rng: np.random.Generator
) -> NDArray[np.float64]:
    if n is not None:
        return np.cumsum(rng.exponential(1.0 / rate, n))
    assert horizon is not None
    k = int(rng.poisson(rate * horizon))
    return np.sort(rng.random(k) * horizon)


def _gamma(
    rate: float, cv: float, n: int | None, horizon: float | None, rng: np.random.Generator
) -> NDArray[np.float64]:
    shape, scale = 1.0 / cv**2, cv**2 / rate
    if n is not None:
        return np.cumsum(rng.gamma(shape, scale, n))
    assert horizon is not None
    mean_n = rate * horizon
    chunk = int(mean_n + 6.0 * cv * math.sqrt(mean_n + 1.0) + 16)
    parts: list[NDArray[np.float64]] = []
    last = 0.0
    while True:
        t = last + np.cumsum(rng.gamma(shape, scale, chunk))
        parts.append(t)
        last = float(t[-1])
        if last > horizon:
            break
    out = np.concatenate(parts)
    return out[out <= horizon]


def _piecewise(
    spec: PiecewiseArrivals, n: int | None, horizon: float | None, rng: np.random.Generator
) -> NDArray[np.float64]:
    starts = np.asarray(spec.start_s, dtype=np.float64)
    rates = np.asarray(
        [_rate(f"rates_per_s[{i}]", r, allow_zero=True) for i, r in enumerate(spec.rates_per_s)]
    )
    if (
        starts.size != rates.size
        or starts.size == 0
        or starts[0] != 0
        or (np.diff(starts) <= 0).any()
    ):
        raise InputError(
            "piecewise arrivals: start_s must start at 0 and increase strictly, "
            "with one rate per start"
        )
    if not (rates > 0).any():
        raise InputError("piecewise arrivals: at least one rate must be positive")
    cum = np.concatenate(([0.0], np.cumsum(rates[:-1] * np.diff(starts))))  # Lambda(start_i)

    def lam(t: float) -> float:
        i = int(np.searchsorted(starts, t, side="right") - 1)
        return float(cum[i] + rates[i] * (t - starts[i]))

    if n is not None:
        y = np.cumsum(rng.exponential(1.0, n))
        if rates[-1] == 0 and y.size and y[-1] > cum[-1]:
            raise InputError(
                "piecewise arrivals: the last rate is 0, so the process ends; give horizon_s "
                "instead of n"
            )
    else:
        assert horizon is not None
        total = lam(horizon)
        y = np.sort(rng.random(int(rng.poisson(total))) * total)
    # Invert Lambda: segment = last start whose cumulative value is <= y (zero-rate segments
    # are skipped because a later segment with the same cumulative value is chosen).
    i = np.searchsorted(cum, y, side="right") - 1
    t = starts[i] + (y - cum[i]) / rates[i]
    return np.sort(t) if t.size else t


def _load_trace(spec: TraceReplayArrivals | TraceWorkload | Trace) -> Trace:
    if isinstance(spec, Trace):
        return spec
    if isinstance(spec, TraceReplayArrivals):
        spec = spec.trace
    if isinstance(spec, TraceWorkload):
        from optfleet.workloads.mix import load_trace_spec

        return load_trace_spec(spec)
    raise InputError(
        f"expected a trace, TraceWorkload or TraceReplayArrivals, got {type(spec).__name__}"
    )


def _replay_indices(
    trace: Trace, rate_scale: float, n: int | None, horizon: float | None
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Scaled, tiled replay times and the trace row of each arrival."""
    base = trace.arrival_s - trace.arrival_s[0]
    m = base.size
    gap = trace.mean_gap_s if m > 1 and trace.mean_gap_s > 0 else 1.0
    period = float(base[-1]) + gap  # one copy of the trace, then one mean gap
    if n is not None:
        idx = np.arange(n, dtype=np.int64)
    else:
        assert horizon is not None
        unscaled = horizon * rate_scale
        copies = int(math.floor(unscaled / period)) + 1
        idx = np.arange(copies * m, dtype=np.int64)
    rows = idx % m
    t = (base[rows] + (idx // m) * period) / rate_scale
    if horizon is not None:
        keep = t <= horizon
        t, rows = t[keep], rows[keep]
    return t, rows


def trace_requests(
    spec: TraceReplayArrivals | TraceWorkload | Trace,
    n: int | None = None,
    horizon_s: float | None = None,
    rate_scale: float | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """Replay a trace: ``(arrival_s, prompt_tokens, output_tokens)`` of each replayed request.

    Times are the trace's (relative to its first request) divided by ``rate_scale`` (the spec's,
    unless given; 2 = twice the rate).  With ``n`` larger than the trace, or a horizon past its
    end, the trace is **tiled**: copy ``k`` is shifted by ``k * (duration + mean gap)`` before
    scaling, so the gap between copies is the trace's mean gap.  Deterministic (no seed).

    Examples
    --------
    >>> from optfleet.workloads.traces import Trace
    >>> tr = Trace([0.0, 1.0, 3.0], [10, 20, 30], [1, 2, 3])
    >>> t, p, o = trace_requests(tr, n=5, rate_scale=2.0)
    >>> t.tolist(), p.tolist()
    ([0.0, 0.5, 1.5, 2.25, 2.75], [10, 20, 30, 10, 20])
    """
    n_, h = _n_or_horizon(n, horizon_s)
    if rate_scale is None:
        rate_scale = spec.rate_scale if isinstance(spec, TraceReplayArrivals) else 1.0
    scale = _rate("rate_scale", rate_scale)
    trace = _load_trace(spec)
    t, rows = _replay_indices(trace, scale, n_, h)
    return t, trace.prompt_tokens[rows], trace.output_tokens[rows]


def arrival_times(
    spec: PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals,
    n: int | None = None,
    horizon_s: float | None = None,
    seed: SeedLike = 0,
) -> NDArray[np.float64]:
    """Sorted arrival times (s) of an arrival process: ``n`` arrivals or all in ``[0, horizon_s]``.

    - ``poisson``: exponential gaps of mean ``1 / rate``; with ``horizon_s``, a Poisson count of
      sorted uniforms (exact).
    - ``gamma``: a renewal process started at 0 (the first gap is a full gamma gap) with
      ``shape = 1 / cv**2``, ``scale = cv**2 / rate`` (mean ``1 / rate``, CV ``cv``).
    - ``piecewise``: non-homogeneous Poisson with piecewise-constant rate, exact: unit-rate
      Poisson points mapped through the inverse of the cumulative rate ``Lambda(t)``.  With ``n``
      and a last rate of 0 the process may end before ``n`` arrivals (InputError).
    - ``trace``: the trace's timestamps divided by ``rate_scale``, tiled if needed (see
      :func:`trace_requests`, which also returns the request lengths); ``seed`` is unused.

    Examples
    --------
    >>> from optfleet.scenario import PiecewiseArrivals
    >>> spec = PiecewiseArrivals(start_s=(0.0, 10.0), rates_per_s=(0.0, 5.0))
    >>> t = arrival_times(spec, horizon_s=20.0, seed=3)
    >>> bool(t.min() >= 10.0 and t.max() <= 20.0)
    True
    """
    n_, h = _n_or_horizon(n, horizon_s)
    if isinstance(spec, TraceReplayArrivals):
        return trace_requests(spec, n=n_, horizon_s=h)[0]
    rng = as_generator(seed)
    if isinstance(spec, PoissonArrivals):
        out = _poisson(_rate("rate_per_s", spec.rate_per_s), n_, h, rng)
    elif isinstance(spec, GammaArrivals):
        out = _gamma(_rate("rate_per_s", spec.rate_per_s), _rate("cv", spec.cv), n_, h, rng)
    elif isinstance(spec, PiecewiseArrivals):
        out = _piecewise(spec, n_, h, rng)
    elif getattr(spec, "kind", None) == "closed":
        raise InputError("closed-loop clients have no arrival times of their own: the "
                         "simulator (optfleet.sim.simulate) sends their requests")
    else:
        raise InputError(f"unknown arrival spec {type(spec).__name__}")
    return np.asarray(out, dtype=np.float64)


__all__ = ["arrival_times", "trace_requests"]
