"""Simulation results: estimates with confidence intervals, per-pool and fleet statistics, and
per-request records.  All frozen, all JSON-serialisable (``to_dict`` / ``to_json``).

Non-finite numbers in JSON: ``+inf`` (a percentile reached by unfinished requests) is written as
the string ``"inf"``, NaN (undefined, e.g. a confidence interval from one replication) as
``null``.

Examples
--------
>>> e = Estimate.from_samples([1.0, 2.0, 3.0])
>>> e.value, round(e.low, 3), round(e.high, 3)
(2.0, -0.484, 4.484)
>>> Estimate.from_samples([5.0]).to_dict()
{'value': 5.0, 'low': None, 'high': None, 'n': 1}
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

__all__ = ["Estimate", "GroupStats", "LatencyStats", "RequestRecords", "SimResult"]

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


@dataclass(frozen=True)
class Estimate:
    """A point estimate over independent replications with a two-sided t confidence interval.

    ``value`` is the mean of the per-replication values; ``low``/``high`` the ``level`` Student-t
    interval (NaN with one replication; +inf when a replication's value is +inf).
    """

    value: float
    low: float
    high: float
    n: int
    level: float = 0.95

    @classmethod
    def from_samples(cls, xs: ArrayLike, level: float = 0.95) -> Estimate:
        a = np.asarray(xs, dtype=np.float64)
        a = a[~np.isnan(a)]
        n = int(a.size)
        if n == 0:
            return cls(math.nan, math.nan, math.nan, 0, level)
        if np.isinf(a).any():
            v = float(a.mean()) if not (np.isposinf(a).any() and np.isneginf(a).any()) else math.nan
            return cls(v, float(a.min()), math.inf, n, level)
        m = float(a.mean())
        if n == 1:
            return cls(m, math.nan, math.nan, 1, level)
        s = float(a.std(ddof=1))
        h = float(_t_ppf(n - 1, 0.5 + level / 2)) * s / math.sqrt(n)
        return cls(m, m - h, m + h, n, level)

    def contains(self, x: float) -> bool:
        """``low <= x <= high``."""
        return bool(self.low <= x <= self.high)

    def to_dict(self) -> dict[str, Any]:
        return {"value": _j(self.value), "low": _j(self.low), "high": _j(self.high), "n": self.n}


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
    queued (wait > 0, unfinished-and-never-admitted included).
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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.to_dict() if hasattr(v, "to_dict") else _j(v)
        return out


@dataclass(frozen=True, eq=False)
class RequestRecords:
    """Per-request records of one replication (arrays of equal length, request order = arrival
    order).  ``status``: 1 completed, 2 rejected, 3 unfinished, 0 not arrived (horizon).
    Times in seconds; NaN where undefined.  ``pool``/``replica``: -1 if none.

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
        """Write one JSON object per request; returns the path."""
        p = Path(path)
        with p.open("w", encoding="utf-8") as fh:
            for row in self._rows():
                fh.write(json.dumps(row) + "\n")
        return p

    def to_csv(self, path: str | Path) -> Path:
        """Write a CSV with a header row (empty cells for undefined values); returns the path."""
        p = Path(path)
        with p.open("w", encoding="utf-8", newline="") as fh:
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
    an equal result.
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
            if f.name == "records":
                continue
            v = getattr(self, f.name)
            if f.name == "pools":
                out[f.name] = [p.to_dict() for p in v]
            elif hasattr(v, "to_dict"):
                out[f.name] = v.to_dict()
            else:
                out[f.name] = _jdeep(v)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)
