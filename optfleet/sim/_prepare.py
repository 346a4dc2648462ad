"""One replication's inputs, prepared for the event core.

The workload drawn as :class:`~optfleet.sim.spec.Requests` (:func:`draw_requests`), the static
routing between pools (:func:`route_requests`), the slot level's per-pool hold and prefill times
(:func:`slot_service`) and the replicas' failure schedule (:func:`failure_schedule`), all as the
plain arrays :mod:`optfleet.sim._core` takes.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from optfleet.errors import InputError
from optfleet.scenario import ClosedLoopClients, PoissonArrivals
from optfleet.sim import _core
from optfleet.sim.service import default_service, fleet_sim_service, service_arrays
from optfleet.sim.spec import FailureSpec, FleetSpec, Requests, RouterSpec

__all__ = ["check_schedule", "draw_requests", "failure_horizon", "failure_schedule",
           "route_requests", "slot_service", "think_times"]


def draw_requests(workload: Any, arrivals: Any, n_requests: int | None,
                  s_work: np.random.SeedSequence, s_arr: np.random.SeedSequence) -> Requests:
    """The replication's requests: ``workload`` as given, sampled or called (see ``simulate``).

    With :class:`~optfleet.scenario.ClosedLoopClients` a RequestMix's arrival times are zeros
    (placeholders: the event core sends the requests).
    """
    w = workload
    if isinstance(w, Requests):
        return w
    if hasattr(w, "sample") and hasattr(w, "prob"):
        from optfleet.workloads.arrivals import arrival_times

        n = n_requests
        assert n is not None
        prompt, output, routing = w.sample(n, seed=s_work)
        arr = arrivals
        if isinstance(arr, ClosedLoopClients):
            return Requests(np.zeros(n), prompt, output, routing)
        if isinstance(arr, int | float) and not isinstance(arr, bool):
            arr = PoissonArrivals(rate_per_s=float(arr))
        t = arrival_times(arr, n=n, seed=s_arr)
        return Requests(t, prompt, output, routing)
    if callable(w):
        r = w(n_requests, np.random.default_rng(s_work))
        if not isinstance(r, Requests):
            raise InputError(f"the workload callable must return Requests, got {type(r).__name__}")
        return r
    raise InputError(
        f"workload must be a RequestMix, Requests or a callable, got {type(w).__name__}"
    )


def route_requests(fleet: FleetSpec, req: Requests, router: RouterSpec, rng: np.random.Generator):
    """Static routing: (route, elig, mode, prompt, output); route -1 reject, -2 dynamic."""
    n = req.n
    pools = fleet.pools
    npool = len(pools)
    prompt = req.prompt_tokens
    output = req.output_tokens
    routing = req.routing_tokens
    maxctx = np.array([p.max_ctx_tokens for p in pools], dtype=np.int64)
    elig = np.zeros(0, dtype=np.int64)
    mode = _core.ROUTE_STATIC
    kind = router.kind
    if kind in ("threshold", "compress_and_route"):
        th = router.thresholds
        if th is None:
            th = tuple(int(x) for x in maxctx[:-1])
        if len(th) not in (npool - 1, npool):
            raise InputError(
                f"router thresholds need {npool - 1} (or {npool}) values for {npool} pools, "
                f"got {len(th)}"
            )
        route = np.searchsorted(np.asarray(th, dtype=np.int64), routing, side="left")
        route = route.astype(np.int64)
        route[route >= npool] = -1
        if kind == "compress_and_route" and npool >= 2 and router.share > 0 and router.gamma > 1:
            b = int(th[0])
            band = (routing > b) & (routing <= math.floor(router.gamma * b))
            pick = band & (rng.random(n) < router.share)
            prompt, output = prompt.copy(), output.copy()
            out_c = np.minimum(output[pick], max(1, b - 1))
            prompt[pick] = np.maximum(1, np.minimum(prompt[pick], b - out_c))
            output[pick] = out_c
            route[pick] = 0
    elif kind == "random":
        w = np.ones(npool) if router.weights is None else np.asarray(router.weights, float)
        if w.size != npool:
            raise InputError(f"random router: {npool} weights needed, got {w.size}")
        fits = (prompt + output)[:, None] <= maxctx[None, :]
        ww = fits * w[None, :]
        tot = ww.sum(axis=1)
        cum = np.cumsum(ww, axis=1)
        u = rng.random(n) * tot
        route = (cum <= u[:, None]).sum(axis=1).astype(np.int64)
        route = np.minimum(route, npool - 1)
        route[tot <= 0] = -1
    elif kind in ("least_loaded", "spillover"):
        if npool > 62:
            raise InputError(f"the {kind} router supports at most 62 pools, got {npool}")
        fits = (prompt + output)[:, None] <= maxctx[None, :]
        elig = (fits * (np.int64(1) << np.arange(npool, dtype=np.int64))[None, :]).sum(axis=1)
        elig = elig.astype(np.int64)
        route = np.where(elig > 0, -2, -1).astype(np.int64)
        mode = _core.ROUTE_LEAST_LOADED if kind == "least_loaded" else _core.ROUTE_SPILLOVER
    else:  # label
        if req.label is None:
            raise InputError("the label router needs requests with labels")
        assert router.label_pools is not None
        lut = {k: fleet.index(v) for k, v in router.label_pools.items()}
        labels = np.unique(req.label)
        missing = [int(x) for x in labels if int(x) not in lut]
        if missing:
            raise InputError(f"label router: no pool for labels {missing[:10]}")
        keys = np.array(sorted(lut), dtype=np.int64)
        vals = np.array([lut[k] for k in sorted(lut)], dtype=np.int64)
        route = vals[np.searchsorted(keys, req.label)]
    return route, elig, mode, prompt, output


_SERVICE_CHUNK = 65_536


def slot_service(fleet: FleetSpec, req: Requests, route, elig, prompt, output):
    """Per-pool slots and the (rows, N) hold / prefill arrays of the slot level."""
    npool = len(fleet.pools)
    n = req.n
    if req.hold_s is not None:
        caps = [p.slots_at("slot") for p in fleet.pools]
        return caps, req.hold_s[None, :], req.prefill_s[None, :]
    dynamic = elig.size > 0
    rows = npool if dynamic else 1
    hold = np.zeros((rows, n))
    pre = np.zeros((rows, n))
    caps = []
    for k, pool in enumerate(fleet.pools):
        mine = ((elig >> k) & 1).astype(bool) if dynamic else route == k
        mine &= (prompt + output) <= pool.max_ctx_tokens
        svc = pool.service
        if svc == "fleet-sim":
            fn = fleet_sim_service(pool.profile, pool.max_ctx_tokens)
        elif svc == "default":
            fn = default_service(pool.profile, pool.max_ctx_tokens, prompt[mine], output[mine])
        else:
            fn = svc
        caps.append(int(pool.slots) if pool.slots is not None
                    else int(getattr(fn, "slots", pool.slots_at("slot"))))
        row = k if dynamic else 0
        idx = np.flatnonzero(mine)
        del mine
        for start in range(0, idx.size, _SERVICE_CHUNK):  # bounded temporaries at 1 M requests
            sel = idx[start:start + _SERVICE_CHUNK]
            h, pf = service_arrays(fn, prompt[sel], output[sel])
            hold[row, sel] = h
            pre[row, sel] = pf
    return caps, hold, pre


def think_times(clients: ClosedLoopClients, n: int, s_arr: np.random.SeedSequence
                ) -> np.ndarray:
    """Closed loop: the think time after request ``i`` leaves, per request (drawn up front from
    the replication's arrival stream, so they do not depend on the order of events)."""
    z = float(clients.think_time_s)
    if clients.think == "exponential" and z > 0:
        return np.random.default_rng(s_arr).exponential(z, n)
    return np.full(n, z)


def failure_horizon(failures: FailureSpec | None, t_last: float) -> float:
    """How far :func:`failure_schedule` draws random failures for a last arrival at
    ``t_last`` (inf without random failures)."""
    if failures is None or failures.mttf_s is None:
        return math.inf
    assert failures.mttr_s is not None
    return max(10.0 * t_last, t_last + 20.0 * (failures.mttf_s + failures.mttr_s))


def check_schedule(fleet: FleetSpec, failures: FailureSpec | None) -> list[tuple[int, ...]]:
    """The schedule's entries as ``(replica id, start_s, end_s, is_drain)`` (fleet-wide replica
    ids); an unknown pool or a replica index out of range is an :class:`InputError`."""
    out: list[tuple[int, ...]] = []
    if failures is None:
        return out
    first = np.concatenate(([0], np.cumsum([p.replicas for p in fleet.pools])))
    for j, (pool, idx, f, rr, kind) in enumerate(failures.schedule):
        try:
            k = fleet.index(pool)
        except InputError as e:
            raise type(e)(f"failure schedule[{j}]: {e.args[0]}") from None
        if idx >= fleet.pools[k].replicas:
            raise InputError(f"failure schedule[{j}]: pool {fleet.pools[k].name!r} has "
                             f"{fleet.pools[k].replicas} replicas, got index {idx}")
        out.append((int(first[k]) + idx, f, rr, int(kind == "drain")))
    return out


def _merged(spans: list[tuple[float, float]]) -> list[list[float]]:
    """Union of the intervals ``spans``, sorted (touching intervals are joined)."""
    merged: list[list[float]] = []
    for f, rr in sorted(spans):
        if merged and f <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], rr)
        else:
            merged.append([f, rr])
    return merged


def _minus(spans: list[list[float]], cuts: list[list[float]]) -> list[list[float]]:
    """The parts of the disjoint sorted intervals ``spans`` outside the disjoint sorted
    ``cuts``."""
    out: list[list[float]] = []
    for f, rr in spans:
        lo = f
        for cf, cr in cuts:
            if cr <= lo or cf >= rr:
                continue
            if cf > lo:
                out.append([lo, cf])
            lo = max(lo, cr)
            if lo >= rr:
                break
        if lo < rr:
            out.append([lo, rr])
    return out


def failure_schedule(fleet: FleetSpec, failures: FailureSpec | None, t_last: float,
                     rng: np.random.Generator):
    """Per-replica ``(ptr, start_s, end_s, kind)`` of its outages, sorted and disjoint: random
    failures and scheduled failures merged (kind 0), and drains merged and cut where a failure
    overlaps them (kind 1: the failure wins).  Consecutive outages may touch (a drain ending as
    a failure starts, or the other way round)."""
    nrep = fleet.replicas
    per: list[list[tuple[float, float]]] = [[] for _ in range(nrep)]
    drains: list[list[tuple[float, float]]] = [[] for _ in range(nrep)]
    if failures is not None and failures.mttf_s is not None:
        assert failures.mttr_s is not None
        horizon = failure_horizon(failures, t_last)
        for r in range(nrep):
            t = 0.0
            while True:
                t += rng.exponential(failures.mttf_s)
                if t > horizon:
                    break
                rep = t + rng.exponential(failures.mttr_s)
                per[r].append((t, rep))
                t = rep
    for r, f, rr, drain in check_schedule(fleet, failures):
        (drains if drain else per)[r].append((f, rr))
    ptr = np.zeros(nrep + 1, dtype=np.int64)
    rows: list[tuple[float, float, int]] = []
    for r in range(nrep):
        down = _merged(per[r])
        mine = [(f, rr, 0) for f, rr in down]
        mine += [(f, rr, 1) for f, rr in _minus(_merged(drains[r]), down)]
        rows.extend(sorted(mine))
        ptr[r + 1] = len(rows)
    ft = np.array([x[0] for x in rows], dtype=np.float64)
    rt = np.array([x[1] for x in rows], dtype=np.float64)
    kind = np.array([x[2] for x in rows], dtype=np.int8)
    return ptr, ft, rt, kind
