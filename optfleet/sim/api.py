"""The library entry point :func:`simulate`.

Examples
--------
>>> from optfleet.physics import calibrated_profile
>>> from optfleet.scenario import PoissonArrivals
>>> from optfleet.sim import PoolSpec, simulate
>>> from optfleet.workloads import builtin_cdf, mix_from_cdf
>>> mix = mix_from_cdf(builtin_cdf("azure"))
>>> res = simulate(PoolSpec(calibrated_profile("H100"), 2, 8192), mix,
...                PoissonArrivals(rate_per_s=5.0), level="engine", n_requests=2000, seed=1)
>>> res.fleet.arrivals == res.fleet.completed + res.fleet.rejected + res.fleet.unfinished
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError, SimulationError, UnknownNameError
from optfleet.scenario import (
    SLO,
    GammaArrivals,
    PiecewiseArrivals,
    PoissonArrivals,
    TraceReplayArrivals,
)
from optfleet.sim import _core
from optfleet.sim.results import (
    QUANTILES,
    Estimate,
    GroupStats,
    LatencyStats,
    RequestRecords,
    SimResult,
)
from optfleet.sim.service import default_service, fleet_sim_service, service_arrays
from optfleet.sim.spec import (
    BALANCERS,
    FailureSpec,
    FleetSpec,
    PoolSpec,
    Requests,
    RouterSpec,
    as_fleet,
)

__all__ = ["LEVELS", "simulate"]

#: Fidelity levels.
LEVELS: tuple[str, ...] = ("slot", "engine")

_BAL_CODE = {
    "jsq": _core.BAL_JSQ,
    "power_of_two": _core.BAL_P2C,
    "round_robin": _core.BAL_RR,
    "random": _core.BAL_RANDOM,
}

ArrivalLike = PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals | float
WorkloadLike = Any  # RequestMix | Requests | Callable[[int, np.random.Generator], Requests]


# ------------------------------------------------------------------ one replication


@dataclass(frozen=True)
class _Job:
    fleet: FleetSpec
    workload: Any
    arrivals: Any
    level: str
    n_requests: int | None
    seed: np.random.SeedSequence
    index: int
    warmup_fraction: float
    router: RouterSpec
    balancer: str
    failures: FailureSpec | None
    slo: SLO | None
    record: bool
    horizon_s: float
    max_events: int | None


def _requests(job: _Job, s_work: np.random.SeedSequence, s_arr: np.random.SeedSequence
              ) -> Requests:
    w = job.workload
    if isinstance(w, Requests):
        return w
    if hasattr(w, "sample") and hasattr(w, "prob"):
        from optfleet.workloads.arrivals import arrival_times

        n = job.n_requests
        assert n is not None
        prompt, output, routing = w.sample(n, seed=s_work)
        arr = job.arrivals
        if isinstance(arr, int | float) and not isinstance(arr, bool):
            arr = PoissonArrivals(rate_per_s=float(arr))
        t = arrival_times(arr, n=n, seed=s_arr)
        return Requests(t, prompt, output, routing)
    if callable(w):
        r = w(job.n_requests, np.random.default_rng(s_work))
        if not isinstance(r, Requests):
            raise InputError(f"the workload callable must return Requests, got {type(r).__name__}")
        return r
    raise InputError(
        f"workload must be a RequestMix, Requests or a callable, got {type(w).__name__}"
    )


def _route(fleet: FleetSpec, req: Requests, router: RouterSpec, rng: np.random.Generator):
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


def _slot_service(fleet: FleetSpec, req: Requests, route, elig, prompt, output):
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


def _failure_schedule(fleet: FleetSpec, failures: FailureSpec | None, t_last: float,
                      rng: np.random.Generator):
    nrep = fleet.replicas
    per: list[list[tuple[float, float]]] = [[] for _ in range(nrep)]
    first = np.concatenate(([0], np.cumsum([p.replicas for p in fleet.pools])))
    if failures is not None:
        if failures.mttf_s is not None:
            assert failures.mttr_s is not None
            horizon = max(10.0 * t_last, t_last + 20.0 * (failures.mttf_s + failures.mttr_s))
            for r in range(nrep):
                t = 0.0
                while True:
                    t += rng.exponential(failures.mttf_s)
                    if t > horizon:
                        break
                    rep = t + rng.exponential(failures.mttr_s)
                    per[r].append((t, rep))
                    t = rep
        for pool, idx, f, rr in failures.schedule:
            k = fleet.index(pool)
            if idx >= fleet.pools[k].replicas:
                raise InputError(f"failure schedule: pool {fleet.pools[k].name!r} has "
                                 f"{fleet.pools[k].replicas} replicas, got index {idx}")
            per[int(first[k]) + idx].append((f, rr))
    ptr = np.zeros(nrep + 1, dtype=np.int64)
    ft: list[float] = []
    rt: list[float] = []
    for r in range(nrep):
        merged: list[list[float]] = []
        for f, rr in sorted(per[r]):
            if merged and f <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], rr)
            else:
                merged.append([f, rr])
        for f, rr in merged:
            ft.append(f)
            rt.append(rr)
        ptr[r + 1] = len(ft)
    return ptr, np.asarray(ft, dtype=np.float64), np.asarray(rt, dtype=np.float64)


def _quantiles(x: NDArray[np.float64]) -> list[float]:
    """Quantiles of ``x``; sorts ``x`` in place (callers pass a fresh masked copy)."""
    if x.size == 0:
        return [math.nan] * len(QUANTILES)
    x.sort()
    s = x
    out = []
    for _, q in QUANTILES:
        k = max(int(math.ceil(q * s.size)) - 1, 0)
        out.append(float(s[k]))
    return out


def _lat(x: NDArray[np.float64]) -> list[float]:
    if x.size == 0:
        return [math.nan] * (1 + len(QUANTILES))
    with np.errstate(invalid="ignore"):
        mean = float(np.mean(x))
    return [mean, *_quantiles(x)]


def _run_replication(job: _Job) -> dict[str, Any]:
    s_work, s_arr, s_route, s_fail, s_core = job.seed.spawn(5)
    req = _requests(job, s_work, s_arr)
    n = req.n
    fleet = job.fleet
    npool = len(fleet.pools)
    route, elig, mode, prompt, output = _route(fleet, req, job.router,
                                               np.random.default_rng(s_route))
    engine = job.level == "engine"
    if engine:
        caps = [p.slots_at("engine") for p in fleet.pools]
        hold = np.zeros((1, 1))
        pre = np.zeros((1, 1))
    else:
        caps, hold, pre = _slot_service(fleet, req, route, elig, prompt, output)
    PI = np.zeros((_core.NPI, npool), dtype=np.int64)
    PIT = np.zeros((npool, 6), dtype=np.float64)
    first = 0
    rep_pool = np.zeros(fleet.replicas, dtype=np.int64)
    for k, pool in enumerate(fleet.pools):
        prof = pool.profile
        PI[_core.P_FIRST, k] = first
        PI[_core.P_END, k] = first + pool.replicas
        rep_pool[first:first + pool.replicas] = k
        first += pool.replicas
        PI[_core.P_CAP, k] = caps[k]
        PI[_core.P_MAXCTX, k] = pool.max_ctx_tokens
        PI[_core.P_CHUNK, k] = prof.chunk_tokens
        PI[_core.P_KVCAP, k] = prof.kv_capacity_tokens
        PI[_core.P_RES, k] = 1 if prof.kv_policy == "reserve" else 0
        it = prof.iteration
        PIT[k] = (it.c0_s, it.per_token_s, it.per_prefill_token_s, it.mem_base_s,
                  it.mem_per_ctx_token_s, it.compute_per_token_s)
    t_arr = req.arrival_s
    n_warm = min(int(math.floor(job.warmup_fraction * n)), max(n - 1, 0))
    w0 = float(t_arr[n_warm]) if n else 0.0
    w1 = float(t_arr[-1]) if n else 0.0
    t_last = w1
    fptr, ft, rt = _failure_schedule(fleet, job.failures, t_last, np.random.default_rng(s_fail))
    status = np.zeros(n, dtype=np.int8)
    pool_of = np.full(n, -1, dtype=np.int32)
    rep_of = np.full(n, -1, dtype=np.int32)
    admit = np.full(n, np.nan)
    first_t = np.full(n, np.nan)
    finish = np.full(n, np.nan)
    n_pre = np.zeros(n, dtype=np.int32)
    n_retry = np.zeros(n, dtype=np.int32)
    RF = np.zeros((_core.NRF, fleet.replicas))
    RI = np.zeros((_core.NRI, fleet.replicas), dtype=np.int64)
    info = np.zeros(4)
    max_events = job.max_events if job.max_events is not None else 2000 * n + 10_000_000
    seed_core = int(s_core.generate_state(1, np.uint64)[0]) & (2**63 - 1)
    lvl = _core.LEVEL_ENGINE if engine else _core.LEVEL_SLOT
    work = _core.allocate(lvl, n, fleet.replicas, max(caps))
    work["win"][:] = (w0, w1)
    _core.run_core(
        lvl,
        t_arr,
        prompt,
        output,
        route,
        elig,
        mode,
        hold,
        pre,
        _BAL_CODE[job.balancer],
        seed_core,
        PI,
        PIT,
        rep_pool,
        max(caps),
        fptr,
        ft,
        rt,
        w0,
        w1,
        job.horizon_s,
        max_events,
        status,
        pool_of,
        rep_of,
        admit,
        first_t,
        finish,
        n_pre,
        n_retry,
        RF,
        RI,
        info,
        **work,
    )
    del work
    if int(info[2]) == _core.ERR_MAX_EVENTS:
        raise SimulationError(f"the simulation exceeded max_events={max_events}")
    del hold, pre

    # ---------------------------------------------------------------- summaries
    after_warm = np.zeros(n, dtype=bool)
    after_warm[n_warm:] = True
    measured = after_warm & ((status == 1) | (status == 3))
    done = status == 1
    with np.errstate(invalid="ignore", divide="ignore"):
        if engine:
            tpot = np.where(output > 1, (finish - first_t) / np.maximum(output - 1, 1), np.nan)
        else:
            tpot = (finish - first_t) / output
    in_win = done & (finish >= w0) & (finish <= w1)
    if job.record:  # keep the absolute times for the records
        ttft, e2e, wait = first_t - t_arr, finish - t_arr, admit - t_arr
    else:  # 1 M requests: reuse the arrays instead of allocating three more
        ttft, e2e, wait = first_t, finish, admit
        ttft -= t_arr
        e2e -= t_arr
        wait -= t_arr
    for a in (ttft, e2e, wait):
        a[np.isnan(a)] = np.inf
    window = w1 - w0
    slo = job.slo
    ok = None
    if slo is not None:
        ok = (ttft <= slo.ttft_p99_s)
        if slo.tpot_p99_s is not None:
            ok &= ~(tpot > slo.tpot_p99_s)
    groups: dict[str, dict[str, Any]] = {}
    for gi in range(-1, npool):
        if gi < 0:
            sel = np.ones(n, dtype=bool)
            reps = np.arange(fleet.replicas)
            name = "fleet"
        else:
            sel = pool_of == gi
            reps = np.arange(PI[_core.P_FIRST, gi], PI[_core.P_END, gi])
            name = fleet.pools[gi].name
        m = measured & sel
        tp_sel = m & done & ~np.isnan(tpot)
        cap_slots = sum(PI[_core.P_CAP, rep_pool[r]] for r in reps)
        cap_kv = sum(PI[_core.P_KVCAP, rep_pool[r]] for r in reps)
        denom = window if window > 0 else math.nan
        arrived_m = after_warm & sel & (status != 0)
        g = {
            "arrivals": int(((status != 0) & sel).sum()),
            "completed": int((done & sel).sum()),
            "rejected": int(((status == 2) & sel).sum()),
            "unfinished": int(((status == 3) & sel).sum()),
            "measured": int(m.sum()),
            "preemptions": int(n_pre[sel].sum()),
            "retries": int(n_retry[sel].sum()),
            "failures": int(RI[_core.R_NFAIL, reps].sum()),
            "ttft": _lat(ttft[m]),
            "tpot": _lat(tpot[tp_sel]),
            "e2e": _lat(e2e[m]),
            "wait": _lat(wait[m]),
            "slo": (float(ok[arrived_m].mean()) if ok is not None and arrived_m.any()
                    else math.nan),
            "p_wait": float((wait[m] > 0).mean()) if m.any() else math.nan,
            "throughput": float(in_win[sel].sum()) / denom,
            "tokens": float(output[in_win & sel].sum()) / denom,
            "slot_util": float(RF[_core.F_SLOT, reps].sum()) / (denom * cap_slots),
            "kv_util": float(RF[_core.F_KV, reps].sum()) / (denom * cap_kv),
            "busy": float(RF[_core.F_BUSY, reps].sum()) / (denom * reps.size),
            "avail": 1.0 - float(RF[_core.F_DOWN, reps].sum()) / (denom * reps.size),
        }
        groups[name] = g
    out: dict[str, Any] = {
        "groups": groups,
        "caps": caps,
        "events": int(info[1]),
        "end_time": float(info[0]),
    }
    if job.record:
        out["records"] = RequestRecords.from_arrays(
            replication=job.index,
            arrival_s=t_arr,
            prompt_tokens=prompt,
            output_tokens=output,
            pool=pool_of,
            replica=rep_of,
            status=status,
            admit_s=admit,
            first_token_s=first_t,
            finish_s=finish,
            preemptions=n_pre,
            retries=n_retry,
            measured=measured,
        )
    return out


# ------------------------------------------------------------------ aggregation


def _latency(reps: list[dict[str, Any]], name: str, key: str, population: str) -> LatencyStats:
    vals = np.array([r["groups"][name][key] for r in reps], dtype=np.float64)
    est = [Estimate.from_samples(vals[:, j]) for j in range(vals.shape[1])]
    return LatencyStats(*est, population=population)


def _group(reps: list[dict[str, Any]], name: str, replicas: int, slots: int, cost: float,
           level: str, has_slo: bool) -> GroupStats:
    def tot(k: str) -> int:
        return int(sum(r["groups"][name][k] for r in reps))

    def est(k: str) -> Estimate:
        return Estimate.from_samples([r["groups"][name][k] for r in reps])

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
    )


def _as_router(router: str | RouterSpec) -> RouterSpec:
    if isinstance(router, RouterSpec):
        return router
    if isinstance(router, str):
        if router == "label":
            raise InputError("the label router needs a RouterSpec with label_pools")
        return RouterSpec(router)
    raise InputError(f"router must be a name or a RouterSpec, got {router!r}")


def _as_slo(slo: SLO | float | None) -> SLO | None:
    if slo is None or isinstance(slo, SLO):
        return slo
    if isinstance(slo, int | float) and not isinstance(slo, bool):
        return SLO(ttft_p99_s=float(slo))
    raise InputError(f"slo must be an SLO or a TTFT target in seconds, got {slo!r}")


def simulate(
    fleet: FleetSpec | PoolSpec | Sequence[PoolSpec],
    workload: WorkloadLike,
    arrivals: ArrivalLike | None = None,
    *,
    level: str = "engine",
    n_requests: int | None = None,
    seed: int = 0,
    replications: int = 1,
    warmup_fraction: float = 0.1,
    router: str | RouterSpec = "threshold",
    balancer: str = "jsq",
    failures: FailureSpec | None = None,
    slo: SLO | float | None = None,
    executor: Executor | str | None = None,
    record: bool = False,
    horizon_s: float | None = None,
    max_events: int | None = None,
) -> SimResult:
    """Simulate a fleet under a workload: independent replications, statistics with 95 % CIs.

    Parameters
    ----------
    fleet
        A :class:`FleetSpec` (or one :class:`PoolSpec`, or a sequence of them).
    workload
        A :class:`~optfleet.workloads.RequestMix` (sampled, with ``arrivals``, ``n_requests``
        per replication), a fixed :class:`Requests`, or a callable ``(n_requests, rng) ->
        Requests`` drawing a fresh request set per replication.
    arrivals
        Arrival process for a RequestMix workload: an ``optfleet.scenario`` arrival spec or a
        Poisson rate (requests/s).
    level
        ``"engine"`` (continuous batching, per-iteration physics) or ``"slot"`` (``c`` servers
        per replica, each request holds one for its service time: M/G/c).
    n_requests
        Requests per replication (RequestMix and callable workloads).
    seed
        Replication ``k`` uses ``numpy.random.SeedSequence(seed).spawn(replications)[k]``.
    replications
        Independent replications (>= 1); confidence intervals need >= 2.
    warmup_fraction
        Share of the first arrivals excluded from latency statistics and utilisation (0 <= f < 1).
    router, balancer
        Between pools (name or :class:`RouterSpec`) and between a pool's replicas
        (``jsq``, ``power_of_two``, ``round_robin``, ``random``).
    failures
        Replica failures (:class:`FailureSpec`), or None.
    slo
        SLO targets for the attainment figures (an ``optfleet.scenario.SLO`` or a TTFT target).
    executor
        None (sequential, in-process), ``"process"`` (a ProcessPoolExecutor) or any
        ``concurrent.futures.Executor`` (e.g. a Dask ``client.get_executor()``); the workload must
        then be picklable.
    record
        Keep per-request records (``SimResult.records``) for CSV/JSONL export.
    horizon_s
        Stop at this simulated time (unfinished requests are counted); default: run until
        every request has completed or been rejected.
    max_events
        Safety limit on events per replication (SimulationError beyond it).

    Returns
    -------
    SimResult

    Raises
    ------
    InputError, UnknownNameError
        Bad arguments (unknown router / balancer / level names list the known ones).
    SimulationError
        The event limit was exceeded.

    Examples
    --------
    >>> import numpy as np
    >>> from optfleet.physics import calibrated_profile
    >>> from optfleet.sim import PoolSpec, Requests, simulate
    >>> req = Requests(np.arange(10) * 1.0, np.full(10, 100), np.full(10, 10))
    >>> r = simulate(PoolSpec(calibrated_profile("H100"), 1, 4096), req, level="engine",
    ...              warmup_fraction=0.0)
    >>> r.fleet.completed, r.fleet.rejected
    (10, 0)
    """
    fl = as_fleet(fleet)
    if level not in LEVELS:
        raise UnknownNameError(f"unknown level {level!r}; known: {', '.join(LEVELS)}")
    if balancer not in BALANCERS:
        raise UnknownNameError(f"unknown balancer {balancer!r}; known: {', '.join(BALANCERS)}")
    rt = _as_router(router)
    slo_ = _as_slo(slo)
    if isinstance(replications, bool) or not isinstance(replications, int) or replications < 1:
        raise InputError(f"replications must be a positive integer, got {replications!r}")
    wf = float(warmup_fraction)
    if not (0 <= wf < 1):
        raise InputError(f"warmup_fraction must be in [0, 1), got {warmup_fraction!r}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError(f"seed must be a non-negative integer, got {seed!r}")
    hz = math.inf if horizon_s is None else float(horizon_s)
    if math.isnan(hz) or hz <= 0:
        raise InputError(f"horizon_s must be positive, got {horizon_s!r}")
    if failures is not None and not isinstance(failures, FailureSpec):
        raise InputError(f"failures must be a FailureSpec, got {type(failures).__name__}")
    is_mix = hasattr(workload, "sample") and hasattr(workload, "prob")
    if isinstance(workload, Requests):
        n = workload.n
    else:
        if isinstance(n_requests, bool) or not isinstance(n_requests, int | np.integer) \
                or n_requests < 1:
            raise InputError(f"n_requests must be a positive integer, got {n_requests!r}")
        n = int(n_requests)
        if is_mix and arrivals is None:
            raise InputError("a RequestMix workload needs arrivals (a spec or a Poisson rate)")
    if isinstance(arrivals, int | float) and not isinstance(arrivals, bool):
        if not (math.isfinite(arrivals) and arrivals > 0):
            raise InputError(f"arrival rate must be a finite positive number, got {arrivals!r}")
    children = np.random.SeedSequence(int(seed)).spawn(replications)
    jobs = [
        _Job(fl, workload, arrivals, level, n, children[k], k, wf, rt, balancer, failures, slo_,
             record, hz, max_events)
        for k in range(replications)
    ]
    reps = _execute(jobs, executor)
    caps = reps[0]["caps"]
    has_slo = slo_ is not None
    pools = tuple(
        _group(reps, p.name, p.replicas, int(caps[k]), p.cost_usd_per_hour, level, has_slo)
        for k, p in enumerate(fl.pools)
    )
    fleet_stats = _group(reps, "fleet", fl.replicas, int(max(caps)), fl.cost_usd_per_hour, level,
                         has_slo)
    slo_met = None
    slo_dict = None
    if slo_ is not None:
        slo_dict = {"ttft_p99_s": slo_.ttft_p99_s}
        if slo_.tpot_p99_s is not None:
            slo_dict["tpot_p99_s"] = slo_.tpot_p99_s
        slo_met = bool(fleet_stats.ttft.p99.value <= slo_.ttft_p99_s) and (
            slo_.tpot_p99_s is None or bool(fleet_stats.tpot.p99.value <= slo_.tpot_p99_s)
        )
    notes = []
    if fleet_stats.unfinished:
        notes.append(f"{fleet_stats.unfinished} requests unfinished at the end (counted as +inf)")
    if fleet_stats.rejected:
        notes.append(f"{fleet_stats.rejected} requests rejected (longer than their pool's max_ctx)")
    return SimResult(
        level=level,
        n_requests=n,
        replications=replications,
        seed=int(seed),
        warmup_fraction=wf,
        router=rt.kind,
        balancer=balancer,
        slo=slo_dict,
        slo_met=slo_met,
        cost_usd_per_hour=fl.cost_usd_per_hour,
        fleet=fleet_stats,
        pools=pools,
        events=int(sum(r["events"] for r in reps)),
        end_time_s=Estimate.from_samples([r["end_time"] for r in reps]),
        notes=tuple(notes),
        records=tuple(r["records"] for r in reps) if record else None,
    )


def _execute(jobs: list[_Job], executor: Executor | str | None) -> list[dict[str, Any]]:
    if executor is None or (isinstance(executor, str) and executor == "sequential"):
        return [_run_replication(j) for j in jobs]
    if isinstance(executor, str):
        if executor != "process":
            raise UnknownNameError(
                f"unknown executor {executor!r}; known: sequential, process (or an Executor)"
            )
        with ProcessPoolExecutor() as ex:
            return list(ex.map(_run_replication, jobs))
    if not hasattr(executor, "submit"):
        raise InputError(f"executor must be a concurrent.futures.Executor, got {executor!r}")
    futures = [executor.submit(_run_replication, j) for j in jobs]
    return [f.result() for f in futures]
