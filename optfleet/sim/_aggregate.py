"""Replication summaries (:func:`optfleet.sim._replication.run_replication`) into a
:class:`~optfleet.sim.results.SimResult`: totals, estimates with confidence intervals, the SLO
verdict and notes."""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet.scenario import SLO, ClosedLoopClients
from optfleet.sim.results import Estimate, GroupStats, LatencyStats, SimResult
from optfleet.sim.spec import FleetSpec, RouterSpec

__all__ = ["closed_loop_note", "group_stats", "sim_result"]


def _latency(reps: list[dict[str, Any]], name: str, key: str, population: str) -> LatencyStats:
    vals = np.array([r["groups"][name][key] for r in reps], dtype=np.float64)
    est = [Estimate.from_samples(vals[:, j]) for j in range(vals.shape[1])]
    return LatencyStats(*est, population=population)


def group_stats(reps: list[dict[str, Any]], name: str, replicas: int, slots: int, cost: float,
                level: str, has_slo: bool) -> GroupStats:
    """The statistics of group ``name`` (a pool, or ``"fleet"``) over the replications."""

    def tot(k: str) -> int:
        return int(sum(r["groups"][name][k] for r in reps))

    def est(k: str) -> Estimate:  # shares get their interval on the logit scale (in [0, 1])
        shares = ("slo", "p_wait", "slot_util", "kv_util", "busy", "avail", "prefix_hit")
        scale = "logit" if k in shares else "auto"
        return Estimate.from_samples([r["groups"][name][k] for r in reps], scale=scale)

    pop = "measured requests; unfinished = +inf unless already served that far"
    tpop = ("completed requests with >= 2 output tokens" if level == "engine"
            else "completed requests; (hold - prefill) / output tokens")
    return GroupStats(
        name=name,
        replicas=replicas,
        slots_per_replica=slots,
        cost_usd_per_hour=cost,
        arrivals=tot("arrivals"),
        completed=tot("completed"),
        rejected=tot("rejected"),
        unfinished=tot("unfinished"),
        measured=tot("measured"),
        preemptions=tot("preemptions"),
        retries=tot("retries"),
        failures=tot("failures"),
        ttft=_latency(reps, name, "ttft", pop),
        tpot=_latency(reps, name, "tpot", tpop),
        e2e=_latency(reps, name, "e2e", pop),
        wait=_latency(reps, name, "wait", pop),
        slo_attainment=est("slo") if has_slo else None,
        wait_probability=est("p_wait"),
        throughput_per_s=est("throughput"),
        output_tokens_per_s=est("tokens"),
        slot_utilisation=est("slot_util"),
        kv_utilisation=est("kv_util"),
        busy_utilisation=est("busy"),
        availability=est("avail"),
        ttft_growth=est("growth"),
        prefix_hit_rate=est("prefix_hit") if "prefix_hit" in reps[0]["groups"][name] else None,
    )


def _slo_verdict(slo: SLO | None, fleet_stats: GroupStats
                 ) -> tuple[dict[str, float] | None, bool | None]:
    """The SLO as a dict and whether the fleet's P99s meet it (None, None without an SLO)."""
    if slo is None:
        return None, None
    slo_dict = {"ttft_p99_s": slo.ttft_p99_s}
    if slo.tpot_p99_s is not None:
        slo_dict["tpot_p99_s"] = slo.tpot_p99_s
    slo_met = bool(fleet_stats.ttft.p99.value <= slo.ttft_p99_s) and (
        slo.tpot_p99_s is None or bool(fleet_stats.tpot.p99.value <= slo.tpot_p99_s)
    )
    return slo_dict, slo_met


def sim_result(reps: list[dict[str, Any]], fleet: FleetSpec, *, level: str, n_requests: int,
               seed: int, warmup_fraction: float, router: RouterSpec, balancer: str,
               slo: SLO | None, record: bool, closed: ClosedLoopClients | None = None
               ) -> SimResult:
    """The :class:`SimResult` of the replication summaries ``reps`` (in replication order);
    ``closed``: the closed loop that sent the requests, if any."""
    caps = reps[0]["caps"]
    has_slo = slo is not None
    pools = tuple(
        group_stats(reps, p.name, p.replicas, int(caps[k]), p.cost_usd_per_hour, level, has_slo)
        for k, p in enumerate(fleet.pools)
    )
    fleet_stats = group_stats(reps, "fleet", fleet.replicas, int(max(caps)),
                              fleet.cost_usd_per_hour, level, has_slo)
    slo_dict, slo_met = _slo_verdict(slo, fleet_stats)
    notes = []
    if fleet_stats.unfinished:
        notes.append(f"{fleet_stats.unfinished} requests unfinished at the end (counted as +inf)")
    if fleet_stats.rejected:
        notes.append(f"{fleet_stats.rejected} requests rejected (longer than their pool's max_ctx)")
    loop, rate = None, None
    if closed is not None:
        loop = {"users": closed.users, "think_time_s": closed.think_time_s,
                "think": closed.think}
        rate = Estimate.from_samples([r["offered_rate"] for r in reps])
        notes.append(closed_loop_note(closed, rate.value))
        unsent = n_requests * len(reps) - fleet_stats.arrivals
        if unsent:
            notes.append(f"{unsent} requests not sent before the horizon (not arrivals)")
    return SimResult(
        level=level,
        n_requests=n_requests,
        replications=len(reps),
        seed=int(seed),
        warmup_fraction=warmup_fraction,
        router=router.kind,
        balancer=balancer,
        slo=slo_dict,
        slo_met=slo_met,
        cost_usd_per_hour=fleet.cost_usd_per_hour,
        fleet=fleet_stats,
        pools=pools,
        events=int(sum(r["events"] for r in reps)),
        end_time_s=Estimate.from_samples([r["end_time"] for r in reps]),
        notes=tuple(notes),
        records=tuple(r["records"] for r in reps) if record else None,
        closed_loop=loop,
        offered_rate_per_s=rate,
    )


def closed_loop_note(closed: ClosedLoopClients, rate_per_s: float) -> str:
    """The note of a closed-loop run: users, think time and the measured offered rate.

    Examples
    --------
    >>> closed_loop_note(ClosedLoopClients(users=4, think_time_s=0.5), 3.21)
    'closed loop: 4 users, think 0.5 s fixed; offered rate 3.21 req/s (sent / send span)'
    """
    think = (f"think {closed.think_time_s:g} s {closed.think}" if closed.think_time_s > 0
             else "no think time")
    return (f"closed loop: {closed.users} users, {think}; offered rate {rate_per_s:.3g} req/s "
            "(sent / send span)")
