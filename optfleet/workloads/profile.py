"""Demand profiles over time: the periods of a scenario's ``horizon.demand``.

Given as periods or hourly rates, the profile is read as written.  With ``season_s`` (a
forecast from history) the trace is folded into cycles: period ``i`` of a day (or week) gets
the mean, or the ``quantile``, of period ``i`` over the trace's whole cycles - the seasonal
statistic per hour-of-day or hour-of-week, enough for capacity planning without a forecasting
dependency.  Derived from a trace, each
period's rate is the trace's arrivals in that period divided by its length, or - with
``quantile`` - that quantile of the rates of ``sub_windows`` equal sub-windows of the period
(planning a period for its busy minutes, not its mean).  ``time_scale`` stretches the trace's
clock: 24 makes an hour-long trace stand for a day (each 150 s of trace is one hour-long
period, at the rate that window had), which keeps the trace's shape and level of demand and
says nothing measured about a real day.

Examples
--------
>>> from optfleet.scenario.horizon import DemandProfile
>>> d = DemandProfile(trace={"kind": "trace", "name": "azure_conv"}, period_s=600.0)
>>> ps = demand_periods(d)
>>> len(ps), ps[0].duration_s
(5, 600.0)
"""

from __future__ import annotations

import numpy as np

from optfleet.errors import InputError
from optfleet.scenario.horizon import DemandProfile, PeriodSpec

__all__ = ["demand_periods"]


def _seasonal(demand: DemandProfile, trace: object) -> tuple[PeriodSpec, ...]:
    """A forecast from history: period ``i`` of the cycle gets the mean (or ``quantile``) of
    the rates of period ``i`` in every whole cycle the trace holds."""
    assert demand.season_s is not None
    if demand.n_periods is not None:
        raise InputError("season_s folds the trace into cycles of period_s periods: drop "
                         "n_periods")
    per_cycle = int(round(demand.season_s / demand.period_s))
    if per_cycle < 1 or abs(per_cycle * demand.period_s - demand.season_s) > 1e-6:
        raise InputError(f"season_s {demand.season_s:g} must be a whole number of periods of "
                         f"{demand.period_s:g} s")
    # a cycle counts when the trace covers 99 % of it (its first and last arrivals sit inside)
    cycles = int(np.floor(trace.duration_s / demand.season_s + 0.01))
    if cycles < 1:
        raise InputError(f"the trace lasts {trace.duration_s:.0f} s, less than one cycle of "
                         f"{demand.season_s:g} s")
    t = np.asarray(trace.arrival_s, dtype=np.float64)
    edges = np.arange(cycles * per_cycle + 1) * demand.period_s
    rates = np.histogram(t, bins=edges)[0].reshape(cycles, per_cycle) / demand.period_s
    stat = (rates.mean(axis=0) if demand.quantile is None
            else np.quantile(rates, demand.quantile, axis=0))
    planned = (demand.planned_period_s if demand.planned_period_s is not None
               else demand.period_s * demand.time_scale)
    return tuple(PeriodSpec(name=f"c{i:03d}", duration_s=planned,
                            rate_per_s=float(r) * demand.rate_scale)
                 for i, r in enumerate(stat))


def demand_periods(demand: DemandProfile) -> tuple[PeriodSpec, ...]:
    """The periods of ``demand`` (named, scaled, in planned seconds).

    Raises
    ------
    InputError
        A trace shorter than one period, or a profile with no positive rate.
    """
    if demand.trace is None:
        return demand.periods_list()
    from optfleet.workloads.mix import load_trace_spec

    trace = load_trace_spec(demand.trace)
    if demand.season_s is not None:
        return _seasonal(demand, trace)
    t = np.asarray(trace.arrival_s, dtype=np.float64)
    period_s = demand.period_s
    if demand.n_periods is not None:
        period_s = trace.duration_s / demand.n_periods
    n_periods = demand.n_periods or int(np.floor(trace.duration_s / period_s + 1e-9))
    if n_periods < 1 or period_s <= 0:
        raise InputError(f"the trace lasts {trace.duration_s:.0f} s, less than one period of "
                         f"{period_s:g} s")
    planned = (demand.planned_period_s if demand.planned_period_s is not None
               else period_s * demand.time_scale)
    out = []
    for i in range(n_periods):
        lo, hi = i * period_s, (i + 1) * period_s
        if demand.quantile is None:
            inside = (t >= lo) & ((t < hi) if i < n_periods - 1 else (t <= hi))
            rate = np.count_nonzero(inside) / period_s
        else:
            edges = np.linspace(lo, hi, demand.sub_windows + 1)
            counts = np.histogram(t, bins=edges)[0]
            rate = float(np.quantile(counts / np.diff(edges), demand.quantile))
        scaled = rate * demand.rate_scale
        out.append(PeriodSpec(name=f"p{i:02d}", duration_s=planned, rate_per_s=scaled))
    if not any(p.rate_per_s > 0 for p in out):
        raise InputError("the trace gives no period a positive rate")
    return tuple(out)
