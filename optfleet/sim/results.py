"""Simulation results: estimates with confidence intervals, per-pool and fleet statistics, and
per-request records.  All frozen, all JSON-serialisable (``to_dict`` / ``to_json``).

Non-finite numbers in JSON: ``+inf`` (a percentile reached by unfinished requests) is written as
the string ``"inf"``, NaN (undefined, e.g. a confidence interval from one replication) as
``null``.

Confidence intervals respect the quantity (:meth:`Estimate.from_samples`): a non-negative
quantity (a latency, a percentile, a rate) gets its interval on the log scale, so it never has a
negative end; a share (SLO attainment, a utilisation) on the logit scale, so it stays in [0, 1].

Examples
--------
>>> e = Estimate.from_samples([1.0, 2.0, 3.0])
>>> e.value, round(e.low, 3), round(e.high, 3), e.n
(2.0, 0.578, 6.926, 3)
>>> Estimate.from_samples([5.0]).to_dict()
{'value': 5.0, 'low': None, 'high': None, 'n': 1, 'n_nan': 0}
>>> Estimate.from_samples([0.2, float("nan"), 0.3]).n_nan
1
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import stdtrit as _t_ppf

__all__ = ["SCALES", "Estimate", "GroupStats", "LatencyStats", "RequestRecords", "SimResult",
           "nan_notes"]

QUANTILES: tuple[tuple[str, float], ...] = (
    ("p50", 0.50),
    ("p90", 0.90),
    ("p99", 0.99),
    ("p999", 0.999),
)


def _j(x: Any) -> Any:
    """JSON-safe scalar: inf -> "inf"/"-inf", NaN -> None, numpy -> python."""
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float):
        if math.isnan(x):
            return None
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
    return x


def _jdeep(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _jdeep(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jdeep(v) for v in x]
    return _j(x)


#: The scales :meth:`Estimate.from_samples` can build an interval on.
SCALES = ("auto", "log", "logit", "linear")


@dataclass(frozen=True)
class Estimate:
    """A point estimate over independent replications with a two-sided confidence interval.

    ``value`` is the mean of the per-replication values and ``n`` the number of replications
    behind it; ``low``/``high`` the ``level`` interval, NaN (JSON ``null``) with one replication -
    a single run has no interval - and ``high = +inf`` when a replication's value is ``+inf``.
    ``n_nan`` counts the replications whose value was NaN (undefined, e.g. a percentile of no
    request): they are left out of ``value`` and ``n`` and counted here, never dropped silently.
    """

    value: float
    low: float
    high: float
    n: int
    level: float = 0.95
    n_nan: int = 0

    @classmethod
    def from_samples(cls, xs: ArrayLike, level: float = 0.95, *, scale: str = "auto"
                     ) -> Estimate:
        """The estimate of per-replication values ``xs``.

        The interval is the Student-t interval of the mean, built on a scale that respects the
        quantity, by the delta method (``se`` = standard error of the mean ``m``, ``t`` the
        Student-t quantile with ``n - 1`` degrees of freedom):

        * ``"log"`` (non-negative quantities: latencies, percentiles, rates):
          ``m exp(-t se / m) .. m exp(+t se / m)`` - never a negative end, and close to
          ``m -/+ t se`` when the interval is narrow;
        * ``"logit"`` (shares in [0, 1]: SLO attainment, utilisations, probabilities):
          ``logit(m) -/+ t se / (m (1 - m))`` mapped back - inside [0, 1];
        * ``"linear"``: ``m -/+ t se`` (quantities that can be negative);
        * ``"auto"`` (default): ``"log"`` when every value is >= 0, else ``"linear"``.

        Both ends equal ``m`` when ``m`` is at the edge of its range (all values 0, or all 1 on
        the logit scale) - the replications then agree exactly.

        Examples
        --------
        >>> e = Estimate.from_samples([0.97, 0.99, 0.995], scale="logit")
        >>> round(e.value, 4), e.high < 1.0
        (0.985, True)
        """
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {', '.join(SCALES)}, got {scale!r}")
        a = np.asarray(xs, dtype=np.float64).ravel()
        nan = np.isnan(a)
        n_nan = int(nan.sum())
        a = a[~nan]
        n = int(a.size)
        if n == 0:
            return cls(math.nan, math.nan, math.nan, 0, level, n_nan)
        if np.isinf(a).any():
            both = np.isposinf(a).any() and np.isneginf(a).any()
            v = math.nan if both else float(a.mean())
            if n == 1:
                return cls(v, math.nan, math.nan, 1, level, n_nan)
            return cls(v, float(a.min()), math.inf, n, level, n_nan)
        m = float(a.mean())
        if n == 1:
            return cls(m, math.nan, math.nan, 1, level, n_nan)
        if scale == "auto":
            scale = "log" if float(a.min()) >= 0.0 else "linear"
        se = float(a.std(ddof=1)) / math.sqrt(n)
        t = float(_t_ppf(n - 1, 0.5 + level / 2))
        low, high = _interval(m, t * se, scale)
        return cls(m, low, high, n, level, n_nan)

    def contains(self, x: float) -> bool:
        """``low <= x <= high`` (False without an interval)."""
        return bool(self.low <= x <= self.high)

    def to_dict(self) -> dict[str, Any]:
        return {"value": _j(self.value), "low": _j(self.low), "high": _j(self.high), "n": self.n,
                "n_nan": self.n_nan}


def _interval(m: float, h: float, scale: str) -> tuple[float, float]:
    """The ends of an interval of half-width ``h`` around the mean ``m`` on ``scale``."""
    if scale == "linear" or h == 0.0:
        return m - h, m + h
    if scale == "log":
        if m <= 0.0:
            return m, m
        r = h / m
        return m * math.exp(-r), (m * math.exp(r) if r < 700.0 else math.inf)
    # logit
    if not 0.0 < m < 1.0:
        return m, m
    z = math.log(m / (1.0 - m))
    r = h / (m * (1.0 - m))
    return _expit(z - r), _expit(z + r)


def _expit(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@dataclass(frozen=True)
class LatencyStats:
    """Mean and percentiles (P50/P90/P99/P99.9, nearest rank) of one latency, in seconds.

    ``population`` says which requests enter: for TTFT, E2E and queue wait every measured
    (post-warm-up, not rejected) request, unfinished ones as ``+inf`` unless they already had
    their first token (TTFT) or were admitted (wait); for TPOT the completed requests with at
    least two output tokens (engine) or one (slot).
    """

    mean: Estimate
    p50: Estimate
    p90: Estimate
    p99: Estimate
    p999: Estimate
    population: str

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {k: getattr(self, k).to_dict() for k in ("mean", "p50", "p90", "p99",
                                                                     "p999")}
        d["population"] = self.population
        return d


@dataclass(frozen=True)
class GroupStats:
    """Statistics of one pool, or of the whole fleet (``name == "fleet"``).

    Counts are totals over all replications and all requests (warm-up included);
    ``arrivals == completed + rejected + unfinished``.  ``measured`` is the number of
    post-warm-up, non-rejected requests behind the latency statistics.  Utilisations are time
    averages over the measurement window (first measured arrival to last arrival): slot = running
    sequences / concurrency cap, KV = KV tokens held / KV capacity (slot level: slots x max_ctx),
    busy = fraction of time a replica has work, availability = fraction of replica-time up.
    ``slo_attainment`` is the share of measured arrivals (rejected and unfinished count as
    misses) meeting every SLO target; ``wait_probability`` the share of measured requests that
    queued (wait > 0, unfinished-and-never-admitted included).  ``ttft_growth`` is the mean
    TTFT of the last third of the measured requests over that of the middle third (arrival
    order): near 1 in steady state, above it while the pool's queue is still growing.
    ``prefix_hit_rate`` (a group
    with a ``prefix_caching`` pool; None, and left out of ``to_dict``, otherwise) is the share
    of the prompt tokens of its measured, admitted requests found in the prefix cache (at each
    request's last admission).
    """

    name: str
    replicas: int
    slots_per_replica: int
    cost_usd_per_hour: float
    arrivals: int
    completed: int
    rejected: int
    unfinished: int
    measured: int
    preemptions: int
    retries: int
    failures: int
    ttft: LatencyStats
    tpot: LatencyStats
    e2e: LatencyStats
    wait: LatencyStats
    slo_attainment: Estimate | None
    wait_probability: Estimate
    throughput_per_s: Estimate
    output_tokens_per_s: Estimate
    slot_utilisation: Estimate
    kv_utilisation: Estimate
    busy_utilisation: Estimate
    availability: Estimate
    ttft_growth: Estimate
    prefix_hit_rate: Estimate | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None and f.name == "prefix_hit_rate":
                continue
            out[f.name] = v.to_dict() if hasattr(v, "to_dict") else _j(v)
        return out


def nan_notes(groups: Any) -> list[str]:
    """One note per group statistic some replications of which were NaN (left out, counted).

    Examples
    --------
    >>> nan_notes([])
    []
    """
    out = []
    for g in groups:
        for f in fields(g):
            v = getattr(g, f.name)
            stats = ([(f"{f.name} {k}", getattr(v, k)) for k in ("mean", "p50", "p90", "p99",
                                                                 "p999")]
                     if isinstance(v, LatencyStats) else [(f.name, v)])
            for label, e in stats:
                if isinstance(e, Estimate) and e.n_nan:
                    out.append(f"{g.name}: {e.n_nan} of {e.n + e.n_nan} replications gave no "
                               f"value for {label} (NaN); the estimate uses the other {e.n}")
    return out


@dataclass(frozen=True, eq=False)
class RequestRecords:
    """Per-request records of one replication (arrays of equal length, request order = arrival
    order).  ``status``: 1 completed, 2 rejected, 3 unfinished, 0 not arrived (horizon).
    Times in seconds; NaN where undefined.  ``pool``/``replica``: -1 if none.  With a prefix
    cache, ``cached_tokens``: the prompt tokens found cached at the request's last admission.

    Examples
    --------
    >>> import numpy as np
    >>> r = RequestRecords.from_arrays(replication=0, arrival_s=np.array([0.0]),
    ...     prompt_tokens=np.array([5]), output_tokens=np.array([2]), pool=np.array([0]),
    ...     replica=np.array([0]), status=np.array([1]), admit_s=np.array([0.0]),
    ...     first_token_s=np.array([0.1]), finish_s=np.array([0.2]),
    ...     preemptions=np.array([0]), retries=np.array([0]), measured=np.array([True]))
    >>> r.n, r.columns["ttft_s"].tolist()
    (1, [0.1])
    """

    replication: int
    columns: dict[str, NDArray[Any]]

    STATUS = {0: "not_arrived", 1: "completed", 2: "rejected", 3: "unfinished"}

    @classmethod
    def from_arrays(cls, replication: int, **cols: NDArray[Any]) -> RequestRecords:
        a = cols["arrival_s"]
        c = {"request_id": np.arange(a.size)}
        c.update(cols)
        c["ttft_s"] = cols["first_token_s"] - a
        c["e2e_s"] = cols["finish_s"] - a
        c["wait_s"] = cols["admit_s"] - a
        return cls(replication, c)

    @property
    def n(self) -> int:
        return int(self.columns["arrival_s"].size)

    def _rows(self):
        names = list(self.columns)
        cols = [self.columns[k] for k in names]
        for i in range(self.n):
            row = {}
            for k, col in zip(names, cols, strict=True):
                v = col[i].item()
                if k == "status":
                    v = self.STATUS.get(int(v), str(v))
                row[k] = _j(v)
            yield row

    def to_jsonl(self, path: str | Path) -> Path:
        """Write one JSON object per request atomically (temporary file, then rename); returns
        the path.  InputError when ``path`` can not be written; nothing partial is left."""
        from optfleet._files import atomic_open

        p = Path(path)
        with atomic_open(p, "records") as fh:
            for row in self._rows():
                fh.write(json.dumps(row) + "\n")
        return p

    def to_csv(self, path: str | Path) -> Path:
        """Write a CSV with a header row (empty cells for undefined values) atomically; returns
        the path.  InputError when ``path`` can not be written; nothing partial is left."""
        from optfleet._files import atomic_open

        p = Path(path)
        with atomic_open(p, "records", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(self.columns))
            w.writeheader()
            for row in self._rows():
                w.writerow({k: ("" if v is None else v) for k, v in row.items()})
        return p


@dataclass(frozen=True)
class SimResult:
    """The result of :func:`optfleet.sim.simulate`.

    ``fleet`` and ``pools`` hold the statistics; ``records`` (per replication, only with
    ``record=True``) is excluded from equality and from ``to_dict``.  Same inputs and seed give
    an equal result.  A closed-loop run (:class:`~optfleet.scenario.ClosedLoopClients`) has
    ``closed_loop`` (its ``users``, ``think_time_s`` and ``think``) and ``offered_rate_per_s``
    (requests sent / time from the first send to the last, per replication); both are None,
    and left out of ``to_dict``, for open arrivals.
    """

    level: str
    n_requests: int
    replications: int
    seed: int
    warmup_fraction: float
    router: str
    balancer: str
    slo: dict[str, float] | None
    slo_met: bool | None
    cost_usd_per_hour: float
    fleet: GroupStats
    pools: tuple[GroupStats, ...]
    events: int
    end_time_s: Estimate
    notes: tuple[str, ...] = ()
    records: tuple[RequestRecords, ...] | None = field(default=None, compare=False, repr=False)
    closed_loop: dict[str, Any] | None = None
    offered_rate_per_s: Estimate | None = None

    def __post_init__(self) -> None:
        # replications whose statistic was NaN are counted in a note, never dropped silently
        extra = tuple(n for n in nan_notes((self.fleet, *self.pools)) if n not in self.notes)
        if extra:
            object.__setattr__(self, "notes", tuple(self.notes) + extra)

    def pool(self, name: str) -> GroupStats:
        """The statistics of pool ``name``."""
        for p in self.pools:
            if p.name == name:
                return p
        from optfleet.errors import UnknownNameError

        raise UnknownNameError(
            f"unknown pool {name!r}; known pools: {', '.join(p.name for p in self.pools)}"
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "records" or (v is None and f.name in ("closed_loop",
                                                                 "offered_rate_per_s")):
                continue
            if f.name == "pools":
                out[f.name] = [p.to_dict() for p in v]
            elif hasattr(v, "to_dict"):
                out[f.name] = v.to_dict()
            else:
                out[f.name] = _jdeep(v)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)
