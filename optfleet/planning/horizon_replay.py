"""The whole-horizon replay of a plan over time: one engine-level simulation of every period in
sequence, with the capacity changing at the period boundaries and spot GPUs interrupted.

Time is compressed: each period is replayed over ``replay_period_s`` simulated seconds (200 by
default) at its planned rates, so a day of 24 hour-long periods is 24 minutes of traffic.
Replicas out of service in a period (a smaller count than the period with most) are drained:
from the period's start they take no new request and finish the ones they hold, as a scale-down
does.  Spot replicas are
interrupted at ``spot_interruptions_per_gpu_hour`` (per GPU, scaled to the compressed clock),
each for ``spot_recovery_s`` compressed alike.  Batch requests arrive as a Poisson stream at the
rate the program placed in each period; a batch request is on time when its completion, mapped
back to the planned clock (arrival stretched, latency not), is before its class's deadline.

Examples
--------
>>> compressed(3600.0, 60.0)
60.0
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

from optfleet.scenario import Scenario

__all__ = ["compressed", "replay_horizon"]

#: Simulated seconds per period in the replay.
REPLAY_PERIOD_S = 200.0
#: Planned seconds before a batch deadline after which no batch request is sent (a batch
#: scheduler stops submitting so that the last requests finish in time); applied in the period
#: that ends at the deadline, at most half of it.
BATCH_DRAIN_S = 60.0


def compressed(duration_s: float, replay_period_s: float = REPLAY_PERIOD_S) -> float:
    """Simulated length of a period (never longer than the period itself)."""
    return min(duration_s, replay_period_s)


def _pools(plan: Any) -> list[tuple[str, str, int]]:
    top: dict[tuple[str, str], int] = {}
    for p in plan.periods:
        for x in p.pools:
            top[(x.role, x.gpu)] = max(top.get((x.role, x.gpu), 0), x.replicas)
    return [(r, g, k) for (r, g), k in sorted(top.items())]


def _requests(scenario: Scenario, tables: Any, plan: Any, pools: list[tuple[str, str, int]],
              starts: np.ndarray, lengths: np.ndarray, rng: np.random.Generator) -> Any:
    """Interactive and batch arrivals of every period, routed to a pool by the layout and, within
    a pool's GPU types, in proportion to their capacity (as each period was verified);
    ``(requests, batch class index or -1, period)``."""
    from optfleet.sim import Requests

    index = {(r, g): i for i, (r, g, _) in enumerate(pools)}
    arr, batch_of, period_of = [], [], []
    assert scenario.horizon is not None
    classes = {b.name: i for i, b in enumerate(scenario.horizon.batch)}
    deadline = {b.name: b.deadline_s for b in scenario.horizon.batch}
    real_end = 0.0
    for t, p in enumerate(plan.periods):
        real_end += p.duration_s
        streams = [(p.interactive_rate_per_s, -1, 0.0)]
        for name, rate in sorted(p.batch_by_class_per_s.items()):
            d = deadline[name]
            last = abs(real_end - d) < 1e-6 or real_end > d > real_end - p.duration_s
            streams.append((rate, classes[name],
                            min(0.5, BATCH_DRAIN_S / p.duration_s) if last else 0.0))
        for rate, cls, cut in streams:
            n = rng.poisson(rate * lengths[t])
            arr.append(starts[t] + np.sort(rng.random(n)) * lengths[t] * (1.0 - cut))
            batch_of.append(np.full(n, cls))
            period_of.append(np.full(n, t))
    t_all = np.concatenate(arr)
    order = np.argsort(t_all, kind="stable")
    t_all = t_all[order]
    is_batch = np.concatenate(batch_of)[order]  # the batch class's index, -1 interactive
    period = np.concatenate(period_of)[order]
    prompt, output, routing = tables.ctx.mix.sample(t_all.size, seed=rng)
    label = np.empty(t_all.size, dtype=np.int64)
    u = rng.random(t_all.size)
    for t, p in enumerate(plan.periods):
        sel_t = period == t
        roles = sorted({x.role for x in p.pools})
        if plan.threshold_tokens is not None and "short" in roles:
            role_of = np.where(routing <= plan.threshold_tokens, "short", "long")
        else:
            role_of = np.full(t_all.size, roles[0] if roles else "all")
        for role in roles:
            members = [x for x in p.pools if x.role == role]
            w = np.array([max(x.capacity_per_s, 1e-12) for x in members])  # as verified
            cum = np.cumsum(w / w.sum())
            sel = sel_t & (role_of == role)
            pick = np.minimum(np.searchsorted(cum, u[sel], side="right"), len(members) - 1)
            label[sel] = [index[(members[j].role, members[j].gpu)] for j in pick]
    return Requests(t_all, prompt, output, routing_tokens=routing, label=label), is_batch, period


def _outages(scenario: Scenario, plan: Any, pools: list[tuple[str, str, int]],
             starts: np.ndarray, lengths: np.ndarray, rng: np.random.Generator) -> list[Any]:
    """Scheduled outages: replicas out of service in a period, and spot interruptions."""
    assert scenario.horizon is not None
    out = []
    end = float(starts[-1] + lengths[-1])
    for role, gpu, top in pools:
        name = f"{role}/{gpu}"
        tier = scenario.horizon.tiers.get(gpu)
        for t, p in enumerate(plan.periods):
            have = next((x.replicas for x in p.pools if x.role == role and x.gpu == gpu), 0)
            lo, hi = float(starts[t]), float(starts[t] + lengths[t])
            for r in range(have, top):  # out of service: drained, its requests finish
                out.append((name, r, lo, hi if t < len(plan.periods) - 1 else end + 1.0,
                            "drain"))
            spot = p.spot_gpus.get(gpu, 0)
            rate = tier.spot_interruptions_per_gpu_hour if tier is not None else 0.0
            if spot and rate > 0 and have:
                scale = lengths[t] / p.duration_s
                own = np.random.default_rng([scenario.seed, t, zlib.crc32(gpu.encode())])
                n = own.poisson(rate * spot * p.duration_s / 3600.0)
                down = max(tier.spot_recovery_s * scale, 1e-3)
                for when in lo + own.random(n) * lengths[t]:
                    out.append((name, int(own.integers(0, have)), float(when),
                                float(when) + down))
    return out


def replay_horizon(scenario: Scenario, tables: Any, plan: Any, *, seed: int | None = None,
                   replay_period_s: float = REPLAY_PERIOD_S) -> dict[str, Any]:
    """Replay ``plan`` over its whole horizon (see the module); per period the interactive
    P99 TTFT and SLO attainment, and every batch class's on-time share."""
    from optfleet.sim import FailureSpec, FleetSpec, PoolSpec, RouterSpec, simulate

    assert scenario.horizon is not None
    rng = np.random.default_rng(np.random.SeedSequence(scenario.seed if seed is None else seed))
    lengths = np.array([compressed(p.duration_s, replay_period_s) for p in plan.periods])
    starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
    pools = _pools(plan)
    ctx = tables.ctx
    max_ctx = {(o.role, o.gpu): o.max_ctx_tokens for o in _options(tables, plan)}
    specs = [PoolSpec(ctx.profile(g), k, max_ctx[(r, g)], name=f"{r}/{g}",
                      service=ctx.preset.service_model) for r, g, k in pools]
    req, is_batch, period = _requests(scenario, tables, plan, pools, starts, lengths, rng)
    outages = tuple(_outages(scenario, plan, pools, starts, lengths, rng))
    res = simulate(FleetSpec(tuple(specs)), req, level="engine", seed=scenario.seed,
                   warmup_fraction=0.0, router=RouterSpec(
                       "label", label_pools={i: i for i in range(len(specs))}),
                   failures=FailureSpec(schedule=outages) if outages else None,
                   executor="sequential", record=True)
    cols = res.records[0].columns
    return _judge(scenario, plan, cols, is_batch, period, starts, lengths, len(outages),
                  [f"{r}/{g}" for r, g, _ in pools])


def _options(tables: Any, plan: Any) -> list[Any]:
    from types import SimpleNamespace

    out = []
    for (layout, role, gpu), opt in tables.options.items():
        if layout == plan.layout:
            out.append(SimpleNamespace(role=role, gpu=gpu,
                                       max_ctx_tokens=opt.demand.max_ctx_tokens))
    return out


def _judge(scenario: Scenario, plan: Any, cols: dict[str, np.ndarray], is_batch: np.ndarray,
           period: np.ndarray, starts: np.ndarray, lengths: np.ndarray, outages: int,
           pool_names: list[str]) -> dict[str, Any]:
    slo = scenario.slo.ttft_p99_s
    tpot_slo = scenario.slo.tpot_p99_s
    q = float(scenario.slo.quantile)
    ttft = cols["ttft_s"]
    out_tok = cols["output_tokens"]
    with np.errstate(divide="ignore", invalid="ignore"):
        tpot = (cols["e2e_s"] - ttft) / np.maximum(out_tok - 1, 1)
    done = cols["status"] == 1
    per = []
    roles = np.array([name.split("/")[0] for name in pool_names])
    failing = []
    for t, p in enumerate(plan.periods):
        sel = (period == t) & (is_batch < 0)
        got = ttft[sel & done]
        lost = int(np.count_nonzero(sel & ~done))
        p99 = float(np.quantile(got, q)) if got.size else None
        tp = tpot[sel & done & (out_tok > 1)]
        tp99 = float(np.quantile(tp, q)) if tp.size else None
        tpot_ok = tpot_slo is None or tp99 is None or tp99 <= tpot_slo
        per.append({"period": p.name, "interactive_requests": int(np.count_nonzero(sel)),
                    "not_completed": lost, "p99_ttft_s": p99, "p99_tpot_s": tp99,
                    "slo_attainment": float(np.mean(got <= slo)) if got.size else None,
                    "slo_met": (p99 is None or p99 <= slo) and tpot_ok and lost == 0})
        for role in sorted(set(roles)):
            mine = sel & done & (roles[np.maximum(cols["pool"], 0)] == role)
            late = mine.any() and float(np.quantile(ttft[mine], q)) > slo
            slow = tpot_slo is not None and (mine & (out_tok > 1)).any() and float(
                np.quantile(tpot[mine & (out_tok > 1)], q)) > tpot_slo
            if late or slow:
                failing.append([t, role])
    batch = _batch_on_time(scenario, plan, cols, is_batch, period, starts, lengths)
    return {"replay_period_s": float(lengths.max()), "requests": int(ttft.size),
            "outages": outages, "periods": per, "batch": batch, "failing": failing,
            "slo_met_every_period": all(x["slo_met"] for x in per),
            "batch_on_time": all(b["on_time_share"] == 1.0 for b in batch)}


def _batch_on_time(scenario: Scenario, plan: Any, cols: dict[str, np.ndarray],
                   batch_class: np.ndarray, period: np.ndarray, starts: np.ndarray,
                   lengths: np.ndarray) -> list[dict[str, Any]]:
    """Each batch class's requests, their completion on the planned clock (arrival stretched,
    latency not) against the class's own deadline."""
    assert scenario.horizon is not None
    real_start = np.concatenate([[0.0], np.cumsum([p.duration_s for p in plan.periods])[:-1]])
    durations = np.array([p.duration_s for p in plan.periods])
    out = []
    for i, b in enumerate(scenario.horizon.batch):
        sel = np.flatnonzero(batch_class == i)
        done = cols["status"][sel] == 1
        t = period[sel]
        real_arrival = real_start[t] + (cols["arrival_s"][sel] - starts[t]) * durations[t] / (
            lengths[t])
        real_finish = real_arrival + cols["e2e_s"][sel]
        ok = done & (real_finish <= b.deadline_s + 1e-9)
        latest = float(np.max(real_finish[done])) if done.any() else None
        out.append({"class": b.name, "requests": int(sel.size), "completed": int(done.sum()),
                    "deadline_s": b.deadline_s, "latest_completion_s": latest,
                    "on_time_share": float(ok.mean()) if sel.size else 1.0})
    return out
