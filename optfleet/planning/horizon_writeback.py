"""Writing a solved horizon back as a :class:`~optfleet.planning.horizon_results.HorizonPlan`:
per period its pools, GPUs per tier, cost, utilisation, verdict and spares (the reliability
pass), and the totals against peak sizing."""

from __future__ import annotations

import math
from typing import Any

from optfleet.formulation.horizon import BatchWork, Period
from optfleet.planning.horizon_results import HorizonPlan, PeakSizing, PeriodPlan, PeriodPool
from optfleet.scenario import Scenario

__all__ = ["write_back"]


def _spares(scenario: Scenario, pools: list[PeriodPool], spot: dict[str, int],
            in_use: dict[str, int]) -> dict[str, int]:
    """The reliability pass of one period: per pool the binomial rule's spares at the replica
    availability, lowered on a GPU type's spot share by its interruptions (each down for
    ``spot_recovery_s``); summed as GPUs per type."""
    from optfleet.planning.spares import spares_needed

    assert scenario.horizon is not None
    base = scenario.availability
    if base is None:
        return {}
    out: dict[str, int] = {}
    for x in pools:
        a = base.replica_availability
        tier = scenario.horizon.tiers.get(x.gpu)
        if tier is not None and spot.get(x.gpu) and in_use.get(x.gpu):
            rate_h = tier.spot_interruptions_per_gpu_hour * (x.gpus // max(x.replicas, 1))
            a_spot = 1.0 / (1.0 + rate_h * tier.spot_recovery_s / 3600.0)
            share = min(1.0, spot[x.gpu] / in_use[x.gpu])
            a *= 1.0 - share * (1.0 - a_spot)
        extra = spares_needed(x.replicas, a, target=base.target)
        out[x.gpu] = out.get(x.gpu, 0) + extra * (x.gpus // max(x.replicas, 1))
    return out


def write_back(scenario: Scenario, tables: Any, best: Any, periods: tuple[Period, ...],
                batch: tuple[BatchWork, ...], verdicts: dict[int, tuple[bool, float | None, str]],
                notes: list[str], peak: PeakSizing) -> HorizonPlan:
    hp, sched = best.hp, best.schedule
    tiers = sched["tiers"]
    gpus_by = sorted({o.gpu for o in hp.options})
    reserved = {g: tiers.get(("R", g), 0) for g in gpus_by if ("R", g) in tiers}
    out, start, gpu_hours, spare_cost = [], 0.0, 0.0, 0.0
    for t, p in enumerate(periods):
        pools = []
        for o in hp.options:
            k = sched["replicas"].get((t, o.role, o.gpu), 0)
            load = sched["load_per_s"].get((t, o.role, o.gpu), 0.0)
            if k:
                pools.append(PeriodPool(role=o.role, gpu=o.gpu, replicas=k,
                                        gpus=k * o.gpus_per_replica, rate_per_s=load,
                                        capacity_per_s=o.capacity(k)))
        in_use = {g: sum(x.gpus for x in pools if x.gpu == g) for g in gpus_by}
        od = {g: tiers.get(("O", t, g), 0) for g in gpus_by if ("O", t, g) in tiers}
        spot = {g: tiers.get(("S", t, g), 0) for g in gpus_by if ("S", t, g) in tiers}
        cost = p.duration_s / 3600.0 * sum(
            reserved.get(g, 0) * (hp.prices[g].reserved or 0.0)
            + od.get(g, 0) * (hp.prices[g].on_demand or 0.0)
            + spot.get(g, 0) * (hp.prices[g].spot or 0.0) for g in gpus_by)
        by_class = {b: v for (b, tt), v in sched["batch_per_s"].items() if tt == t and v > 0}
        beta = sum(by_class.values())
        cost += sum(hp.prices[g].start_usd * u for (tt, g), u in sched["starts"].items()
                    if tt == t)
        cap = sum(x.capacity_per_s for x in pools)
        ok, p99, detail = verdicts.get(t, (None, None, "not simulated"))
        spare = _spares(scenario, pools, spot, in_use)
        spare_cost += p.duration_s / 3600.0 * sum(
            n * (hp.prices[g].on_demand or hp.prices[g].reserved or 0.0)
            for g, n in spare.items())
        out.append(PeriodPlan(
            name=p.name, start_s=start, duration_s=p.duration_s,
            interactive_rate_per_s=p.rate_per_s, batch_rate_per_s=beta,
            batch_by_class_per_s=by_class, pools=tuple(pools),
            gpus=in_use, reserved_gpus=reserved, on_demand_gpus=od, spot_gpus=spot,
            cost_usd=cost, utilisation=(p.rate_per_s + beta) / cap if cap > 0 else 0.0,
            simulated_p99_ttft_s=p99, slo_met=ok, verification=detail, spare_gpus=spare))
        start += p.duration_s
        gpu_hours += sum(in_use.values()) * p.duration_s / 3600.0
    total = float(best.result.objective)
    layout = hp.layout.name
    threshold = hp.layout.threshold_tokens
    verified = bool(verdicts) and all(v[0] for v in verdicts.values())
    return HorizonPlan(
        scenario_name=scenario.name, layout=layout, threshold_tokens=threshold,
        periods=tuple(out), reserved_gpus=reserved, cost_usd=total,
        horizon_hours=sum(p.duration_s for p in periods) / 3600.0, gpu_hours=gpu_hours,
        peak=peak, saving_usd=peak.cost_usd - total,
        saving_share=(peak.cost_usd - total) / peak.cost_usd if peak.cost_usd > 0 else 0.0,
        batch_requests={b.name: b.requests for b in batch}, verified=verified,
        cost_with_spares_usd=total + spare_cost,
        solver={"backend": best.result.backend, "termination": best.result.termination,
                "solution": best.result.solution, "gap": best.result.gap,
                "solve_time_s": best.result.solve_time_s},
        notes=tuple(notes) + (() if math.isfinite(total) else ("no finite cost",)),
    )
