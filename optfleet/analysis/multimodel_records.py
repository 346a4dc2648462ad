"""The request records of one replication of a multi-model simulation, reduced to per-model and
per-pool numbers (see :mod:`optfleet.analysis.multimodel`).

Status codes of the simulator's records: 1 completed, 2 rejected, 3 unfinished, 0 not arrived.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from optfleet.errors import InputError
from optfleet.scenario import SLO

__all__ = ["ReplicationRecords"]


def _q(x: np.ndarray, q: float) -> float:
    """Nearest-rank quantile (NaN for an empty array)."""
    if x.size == 0:
        return math.nan
    s = np.sort(x)
    return float(s[min(s.size - 1, max(0, math.ceil(q * s.size) - 1))])


def _within_slo(slo: SLO, ttft: np.ndarray, tpot: np.ndarray) -> np.ndarray:
    """Requests whose TTFT (and TPOT, if ``slo`` has a TPOT objective) meet ``slo``."""
    ok = ttft <= slo.ttft_p99_s
    if slo.tpot_p99_s is not None:
        ok &= ~(tpot > slo.tpot_p99_s)
    return ok


@dataclass(frozen=True)
class ReplicationRecords:
    """The request records of one replication, matched to the generated requests' models."""

    model: np.ndarray  # model index of each request
    status: np.ndarray
    pool: np.ndarray
    ttft: np.ndarray
    tpot: np.ndarray
    measured: np.ndarray
    arrived: np.ndarray
    span: float

    @classmethod
    def from_record(
        cls, rec: Any, drawn: list[tuple[np.ndarray, np.ndarray]]
    ) -> ReplicationRecords:
        """The simulator's record ``rec``; ``drawn`` holds ``(arrival_s, model index)`` of the
        requests generated for each replication."""
        c = rec.columns
        arr = c["arrival_s"]
        match = next((mod for t, mod in drawn if t.size == arr.size and np.array_equal(t, arr)),
                     None)
        if match is None:  # pragma: no cover - the simulator keeps the request order
            raise InputError("could not match simulator records to the generated requests")
        status = c["status"]
        ttft = np.where(np.isnan(c["ttft_s"]), np.inf, c["ttft_s"])
        out = c["output_tokens"]
        with np.errstate(invalid="ignore", divide="ignore"):
            tpot = np.where(out > 1, (c["finish_s"] - c["first_token_s"]) / np.maximum(out - 1, 1),
                            np.nan)
        measured = c["measured"].astype(bool) | (status == 2)
        arrived = status != 0
        span = float(arr.max() - arr[measured].min()) if measured.any() else math.nan
        return cls(match, status, c["pool"], ttft, tpot, measured, arrived, span)

    def model_counts(self, k: int) -> dict[str, int]:
        """Arrived, rejected and unfinished requests of model ``k``."""
        sel = (self.model == k) & self.arrived
        return {
            "arrivals": int(sel.sum()),
            "rejected": int((sel & (self.status == 2)).sum()),
            "unfinished": int((sel & (self.status == 3)).sum()),
        }

    def model_metrics(self, k: int, slo: SLO) -> dict[str, float]:
        """Model ``k``'s TTFT and TPOT quantiles, attainment of its ``slo`` and throughput."""
        status, ttft, tpot, span = self.status, self.ttft, self.tpot, self.span
        sel = (self.model == k) & self.arrived
        ms = sel & self.measured
        ok = _within_slo(slo, ttft, tpot)
        ok &= status != 2
        served = ms & (status != 2)
        tp = tpot[served & (status == 1) & ~np.isnan(tpot)]
        return {
            "p50": _q(ttft[served], 0.5),
            "p99": _q(ttft[served], 0.99),
            "tpot99": _q(tp, 0.99),
            "slo": float(ok[ms].mean()) if ms.any() else math.nan,
            "thr": float((ms & (status == 1)).sum()) / span if span > 0 else math.nan,
        }

    def pool_slo(self, j: int, slo: SLO) -> float:
        """Attainment of ``slo`` (its model's) by pool ``j``'s measured requests."""
        sel = self.measured & self.arrived & (self.pool == j)
        ok = _within_slo(slo, self.ttft, self.tpot)
        return float(ok[sel].mean()) if sel.any() else math.nan
