"""Planning over time: a demand profile, deferrable batch work and capacity bought in tiers.

A scenario with ``horizon:`` asks "what do I reserve, and what do I rent when?" instead of "what
serves the peak?":

* ``demand``: the interactive rate per period, given as periods (``duration_s`` and
  ``rate_per_s`` each), as hourly rates, or derived from a trace (its per-period rates, or a
  quantile of the rates of sub-windows of each period);
* ``batch``: classes of deferrable requests (the scenario's length mix) with a release time and a
  deadline; the program places them in any period between the two;
* ``tiers``: per GPU type, prices per GPU-hour for reserved capacity (a constant count paid over
  the whole horizon), on-demand and spot capacity (per period), caps per tier, a per-GPU start
  cost, and spot's interruption rate.

Examples
--------
>>> h = Horizon(demand={"hourly_rates_per_s": [5.0] * 12 + [20.0] * 12})
>>> [p.rate_per_s for p in h.demand.periods_list()][:2], len(h.demand.periods_list())
([5.0, 5.0], 24)
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from optfleet.scenario.hardware import Frozen, described
from optfleet.scenario.limits import (
    NonNegFloat,
    PositiveFloat,
    RateOrZeroPerS,
    open_interval,
)
from optfleet.scenario.traffic import TraceWorkload

__all__ = ["BatchClass", "DemandProfile", "Horizon", "PeriodSpec", "TierSpec"]

Quantile = open_interval(0.0, 1.0)
GPUCount = Annotated[int, Field(ge=0, le=10_000_000)]


class PeriodSpec(Frozen):
    """One period of the horizon."""

    name: str | None = described("Label (default p<index>).", None)
    duration_s: PositiveFloat = described("Length of the period, s.", 3600.0)
    rate_per_s: RateOrZeroPerS = described("Interactive arrival rate in the period, requests/s.")


class DemandProfile(Frozen):
    """The interactive rate over the horizon: exactly one of ``periods``,
    ``hourly_rates_per_s`` or ``trace``."""

    periods: tuple[PeriodSpec, ...] | None = described("Periods in order.", None)
    hourly_rates_per_s: tuple[RateOrZeroPerS, ...] | None = described(
        "One rate per hour, requests/s (24: a day, 168: a week).", None
    )
    trace: TraceWorkload | None = described(
        "A trace whose arrivals give the rate of each period (see period_s, quantile).", None
    )
    period_s: PositiveFloat = described("trace: period length, s (in the trace's time, "
                                        "before time_scale).", 3600.0)
    n_periods: Annotated[int, Field(ge=1, le=100_000)] | None = described(
        "trace: split the whole trace into this many equal periods (replaces period_s).", None
    )
    planned_period_s: PositiveFloat | None = described(
        "trace: the planned length of each period, s (replaces time_scale: a 1-hour trace in 24 "
        "periods of 3600 s stands for a day).", None
    )
    time_scale: PositiveFloat = described(
        "trace: planned seconds per trace second (24: a one-hour trace stands for a day; the "
        "rates stay the trace's).", 1.0
    )
    quantile: Quantile | None = described(
        "trace: plan each period for this quantile of the rates of its sub-windows (null: the "
        "period's mean rate).", None
    )
    sub_windows: Annotated[int, Field(ge=2, le=10_000)] = described(
        "trace, with quantile: sub-windows per period.", 10
    )
    season_s: PositiveFloat | None = described(
        "trace: a forecast from history: the length of one cycle, s (86400: a day, 604800: a "
        "week); each period's rate is the mean (or the quantile) over the trace's cycles of "
        "that period of the cycle (null: the trace's periods in sequence).", None
    )
    rate_scale: PositiveFloat = described("Multiplier of every rate (no unit).", 1.0)

    @model_validator(mode="after")
    def _one(self) -> DemandProfile:
        given = sum(x is not None for x in (self.periods, self.hourly_rates_per_s, self.trace))
        if given != 1:
            raise ValueError("demand needs exactly one of periods, hourly_rates_per_s or trace")
        rates = self.hourly_rates_per_s or tuple(p.rate_per_s for p in self.periods or ())
        if self.trace is None and not rates:
            raise ValueError("demand has no period")
        if self.trace is None and not any(r > 0 for r in rates):
            raise ValueError("demand: at least one period needs a positive rate")
        return self

    def periods_list(self) -> tuple[PeriodSpec, ...]:
        """The periods, named and scaled (a trace's are derived by the workloads layer)."""
        if self.hourly_rates_per_s is not None:
            base = tuple(PeriodSpec(name=f"h{i:02d}", duration_s=3600.0, rate_per_s=r)
                         for i, r in enumerate(self.hourly_rates_per_s))
        elif self.periods is not None:
            base = tuple(p if p.name else p.model_copy(update={"name": f"p{i}"})
                         for i, p in enumerate(self.periods))
        else:
            raise ValueError("a trace profile's periods come from optfleet.workloads")
        return tuple(p.model_copy(update={"rate_per_s": p.rate_per_s * self.rate_scale})
                     for p in base)


class BatchClass(Frozen):
    """Deferrable work: ``requests`` requests of the scenario's length mix, served between
    ``release_s`` and ``deadline_s`` (from the horizon's start); no latency SLO."""

    name: str = Field(min_length=1, description="Label of the class.")
    requests: PositiveFloat = described("Requests to serve, requests.")
    release_s: NonNegFloat = described("Earliest start, s from the horizon's start.", 0.0)
    deadline_s: PositiveFloat = described("Latest completion, s from the horizon's start.")

    @model_validator(mode="after")
    def _window(self) -> BatchClass:
        if self.deadline_s <= self.release_s:
            raise ValueError(f"batch {self.name!r}: deadline_s must be after release_s")
        return self


class TierSpec(Frozen):
    """One GPU type's capacity tiers (prices per GPU-hour; null: tier not offered)."""

    reserved_usd_per_gpu_hour: NonNegFloat | None = described(
        "Reserved: a constant count paid for the whole horizon, $/GPU-h.", None
    )
    on_demand_usd_per_gpu_hour: NonNegFloat | None = described(
        "On-demand, per period, $/GPU-h (null: the GPU's catalog or scenario price).", None
    )
    spot_usd_per_gpu_hour: NonNegFloat | None = described("Spot, per period, $/GPU-h.", None)
    spot_interruptions_per_gpu_hour: NonNegFloat = described(
        "Spot interruptions per GPU-hour (enter the simulation as replica failures).", 0.0
    )
    spot_recovery_s: PositiveFloat = described("Time to replace an interrupted spot GPU, s.",
                                               300.0)
    max_reserved_gpus: GPUCount | None = described("Most reserved GPUs.", None)
    max_on_demand_gpus: GPUCount | None = described("Most on-demand GPUs in a period.", None)
    max_spot_gpus: GPUCount | None = described("Most spot GPUs in a period.", None)
    start_usd_per_gpu: NonNegFloat = described(
        "Cost of starting one on-demand or spot GPU (cold start), $.", 0.0
    )


class Horizon(Frozen):
    """Planning over time (see the module)."""

    demand: DemandProfile = described("The interactive rate per period.")
    batch: tuple[BatchClass, ...] = described("Deferrable work.", ())
    tiers: dict[str, TierSpec] = described(
        "Capacity tiers per GPU type (GPU type -> tiers); a GPU type of the menu not listed is "
        "on-demand only, at its price.", {}
    )
