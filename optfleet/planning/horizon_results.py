"""What a plan over time says: the schedule per period, the reserved commitment, the cost
against peak sizing, and how the simulation judged each period (immutable, JSON).

Examples
--------
>>> p = PeriodPool(role="all", gpu="H100-SXM", replicas=2, gpus=2, rate_per_s=5.0)
>>> p.gpus
2
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from optfleet.scenario.hardware import Frozen

__all__ = ["HorizonPlan", "PeakSizing", "PeriodPlan", "PeriodPool"]


class PeriodPool(Frozen):
    """One pool on one GPU type during one period."""

    role: str
    gpu: str
    replicas: int
    gpus: int
    rate_per_s: float
    """Requests/s the program sends it (interactive plus batch)."""
    capacity_per_s: float = 0.0
    """Requests/s its replicas serve within the SLO (the table)."""


class PeriodPlan(Frozen):
    """One period of the schedule."""

    name: str
    start_s: float
    duration_s: float
    interactive_rate_per_s: float
    batch_rate_per_s: float
    batch_by_class_per_s: dict[str, float] = {}
    """The batch rate placed in the period, per class."""
    pools: tuple[PeriodPool, ...]
    gpus: dict[str, int]
    """GPUs in service per GPU type."""
    reserved_gpus: dict[str, int]
    on_demand_gpus: dict[str, int]
    spot_gpus: dict[str, int]
    cost_usd: float = 0.0
    """What the period costs: its on-demand, spot and start costs plus its share of the reserved
    GPUs (their hourly price over the period); the periods add up to the plan's cost."""
    utilisation: float
    """Offered load / the pools' capacity at the SLO (0 when idle)."""
    simulated_p99_ttft_s: float | None = None
    slo_met: bool | None = None
    verification: str = ""
    spare_gpus: dict[str, int] = {}
    """Spares per GPU type (the reliability pass: replica availability, spot interruptions as
    extra unavailability), held on demand; not in ``cost_usd``."""


class PeakSizing(Frozen):
    """The comparison: one fleet sized for the peak, held for the whole horizon."""

    gpus: dict[str, int]
    cost_usd: float
    gpu_hours: float
    cost_with_spares_usd: float = 0.0
    """With the reliability pass's spares, on demand (as the horizon plan's)."""


class HorizonPlan(Frozen):
    """A plan over time (:func:`optfleet.planning.horizon.plan_horizon`)."""

    scenario_name: str
    layout: str
    threshold_tokens: int | None
    periods: tuple[PeriodPlan, ...]
    reserved_gpus: dict[str, int]
    """The commitment: reserved GPUs per type, held over the whole horizon."""
    cost_usd: float
    horizon_hours: float
    gpu_hours: float
    peak: PeakSizing
    saving_usd: float
    saving_share: float
    batch_requests: dict[str, float]
    """Batch requests placed per class (all of each class, before its deadline)."""
    verified: bool
    cost_with_spares_usd: float = 0.0
    """``cost_usd`` plus every period's spares at the on-demand price."""
    replay: dict[str, Any] | None = None
    """The whole-horizon replay: per-period interactive attainment, batch completion."""
    solver: dict[str, Any] = {}
    timings_s: dict[str, float] = {}
    notes: tuple[str, ...] = ()

    @property
    def cost_usd_per_hour(self) -> float:
        return self.cost_usd / self.horizon_hours

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=2)

    def save(self, path: str | Path) -> Path:
        from optfleet._files import write_text_atomic

        return write_text_atomic(path, self.to_json() + "\n", "plan")
