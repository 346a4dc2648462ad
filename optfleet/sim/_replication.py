"""One replication: the event core run on one draw of the workload, summarised per group.

:func:`run_replication` takes a :class:`Job` (what :func:`optfleet.sim.simulate` hands each
replication; picklable, for process executors), prepares the core's inputs
(:mod:`optfleet.sim._prepare`), runs :func:`optfleet.sim._core.run_core` and returns plain
per-group summaries (``{"groups": {name: {figure: value}}, "caps", "events", "end_time"}`` and
``"records"`` if asked) that :mod:`optfleet.sim._aggregate` turns into statistics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import SimulationError
from optfleet.scenario import SLO, ClosedLoopClients
from optfleet.sim import _core
from optfleet.sim._prefix import hit_rate, prefix_inputs
from optfleet.sim._prepare import (
    draw_requests,
    failure_horizon,
    failure_schedule,
    route_requests,
    slot_service,
    think_times,
)
from optfleet.sim.results import QUANTILES, RequestRecords
from optfleet.sim.spec import FailureSpec, FleetSpec, Requests, RouterSpec

__all__ = ["Job", "run_replication"]

_BAL_CODE = {
    "jsq": _core.BAL_JSQ,
    "power_of_two": _core.BAL_P2C,
    "round_robin": _core.BAL_RR,
    "random": _core.BAL_RANDOM,
    "cache_affinity": _core.BAL_AFFINITY,
}


@dataclass(frozen=True)
class Job:
    """One replication's arguments, checked by ``simulate``; ``seed`` is its own child seed."""

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


@dataclass(frozen=True)
class _Outcome:
    """What the event core writes: per request, per replica (``RF``, ``RI``) and ``info``."""

    status: NDArray[np.int8]
    pool_of: NDArray[np.int32]
    rep_of: NDArray[np.int32]
    admit: NDArray[np.float64]
    first_t: NDArray[np.float64]
    finish: NDArray[np.float64]
    n_pre: NDArray[np.int32]
    n_retry: NDArray[np.int32]
    RF: NDArray[np.float64]
    RI: NDArray[np.int64]
    info: NDArray[np.float64]
    RQ: NDArray[np.int64] | None = None  # prefix cache per request (``_core.Q_*``)

    @classmethod
    def empty(cls, n: int, nrep: int) -> _Outcome:
        return cls(
            status=np.zeros(n, dtype=np.int8),
            pool_of=np.full(n, -1, dtype=np.int32),
            rep_of=np.full(n, -1, dtype=np.int32),
            admit=np.full(n, np.nan),
            first_t=np.full(n, np.nan),
            finish=np.full(n, np.nan),
            n_pre=np.zeros(n, dtype=np.int32),
            n_retry=np.zeros(n, dtype=np.int32),
            RF=np.zeros((_core.NRF, nrep)),
            RI=np.zeros((_core.NRI, nrep), dtype=np.int64),
            info=np.zeros(4),
        )


@dataclass(frozen=True)
class _Measures:
    """Per-request figures behind the summaries (latencies: +inf where never reached)."""

    after_warm: NDArray[np.bool_]
    measured: NDArray[np.bool_]
    done: NDArray[np.bool_]
    tpot: NDArray[np.float64]
    in_win: NDArray[np.bool_]
    ttft: NDArray[np.float64]
    e2e: NDArray[np.float64]
    wait: NDArray[np.float64]
    ok: NDArray[np.bool_] | None
    window: float


def run_replication(job: Job) -> dict[str, Any]:
    """Run one replication and summarise it (module docstring)."""
    s_work, s_arr, s_route, s_fail, s_core = job.seed.spawn(5)
    req = draw_requests(job.workload, job.arrivals, job.n_requests, s_work, s_arr)
    route, elig, mode, prompt, output = route_requests(job.fleet, req, job.router,
                                                      np.random.default_rng(s_route))
    n_warm, w0, w1 = _window(req, job.warmup_fraction)
    loop = None
    if isinstance(job.arrivals, ClosedLoopClients):  # send times come out of the core
        loop = _Loop(job.arrivals.users, think_times(job.arrivals, req.n, s_arr), n_warm,
                     np.full(req.n, np.nan))
        w0 = w1 = math.inf
    caps, PI, rep_pool, res, (w0, w1) = _run_core(
        job, req, (route, elig, mode, prompt, output), (w0, w1), s_fail, s_core, loop)
    t_arr = req.arrival_s if loop is None else loop.sent_s
    ms = _measures(job, t_arr, output, res, n_warm, (w0, w1))
    out: dict[str, Any] = {
        "groups": _summaries(job.fleet, ms, res, (prompt, output), PI, rep_pool),
        "caps": caps,
        "events": int(res.info[1]),
        "end_time": float(res.info[0]),
    }
    if loop is not None:
        sent = t_arr[~np.isnan(t_arr)]
        span = float(sent[-1] - sent[0]) if sent.size else 0.0
        out["offered_rate"] = sent.size / span if span > 0 else math.nan
    if job.record:
        cached = {}
        if res.RQ is not None and res.RQ.shape[1] == req.n:  # a prefix cache was simulated
            cached["cached_tokens"] = res.RQ[_core.Q_HTOK].copy()
        out["records"] = RequestRecords.from_arrays(
            replication=job.index,
            arrival_s=t_arr,
            prompt_tokens=prompt,
            output_tokens=output,
            pool=res.pool_of,
            replica=res.rep_of,
            status=res.status,
            admit_s=res.admit,
            first_token_s=res.first_t,
            finish_s=res.finish,
            preemptions=res.n_pre,
            retries=res.n_retry,
            measured=ms.measured,
            **cached,
        )
    return out


@dataclass(frozen=True)
class _Loop:
    """Closed-loop inputs of the core: users, think time after each request, the first measured
    request, and the send times the core fills in (NaN: never sent)."""

    users: int
    think_s: NDArray[np.float64]
    n_warm: int
    sent_s: NDArray[np.float64]


def _window(req: Requests, warmup_fraction: float) -> tuple[int, float, float]:
    """Warm-up arrivals and the measurement window (first measured to last arrival)."""
    n = req.n
    t_arr = req.arrival_s
    n_warm = min(int(math.floor(warmup_fraction * n)), max(n - 1, 0))
    w0 = float(t_arr[n_warm]) if n else 0.0
    w1 = float(t_arr[-1]) if n else 0.0
    return n_warm, w0, w1


def _pool_tables(fleet: FleetSpec, caps: list[int]):
    """The core's per-pool integer and iteration-model tables and each replica's pool."""
    npool = len(fleet.pools)
    PI = np.zeros((_core.NPI, npool), dtype=np.int64)
    PIT = np.zeros((npool, _core.NIT), dtype=np.float64)
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
        PIT[k] = _core.iteration_row(prof.iteration)
    return PI, PIT, rep_pool


def _run_core(job: Job, req: Requests, routed: tuple, win: tuple[float, float],
              s_fail: np.random.SeedSequence, s_core: np.random.SeedSequence,
              loop: _Loop | None = None):
    """``(caps, PI, rep_pool, outcome, window)`` of the event core on the routed requests.

    The slot level's hold / prefill arrays live only here: they are freed before the summaries.
    Closed loop (``loop``): the window comes out of the core, and random failures, drawn up to a
    guess of the run's length, are drawn again further out while the run outlasts them.
    """
    route, elig, mode, prompt, output = routed
    n = req.n
    fleet = job.fleet
    engine = job.level == "engine"
    if engine:
        caps = [p.slots_at("engine") for p in fleet.pools]
        hold = np.zeros((1, 1))
        pre = np.zeros((1, 1))
    else:
        caps, hold, pre = slot_service(fleet, req, route, elig, prompt, output)
    PI, PIT, rep_pool = _pool_tables(fleet, caps)
    pfx = prefix_inputs(fleet, req, prompt, engine, PI)
    max_events = job.max_events if job.max_events is not None else 2000 * n + 10_000_000
    seed_core = int(s_core.generate_state(1, np.uint64)[0]) & (2**63 - 1)
    lvl = _core.LEVEL_ENGINE if engine else _core.LEVEL_SLOT
    t_last = win[1]
    if loop is not None:
        t_last = job.horizon_s if math.isfinite(job.horizon_s) else max(
            1.0, float(loop.think_s.mean()) * n / loop.users)
    while True:
        fptr, ft, rt, fk = failure_schedule(fleet, job.failures, t_last,
                                            np.random.default_rng(s_fail))
        res = _Outcome.empty(n, fleet.replicas)
        work = _core.allocate(lvl, n, fleet.replicas, max(caps), 0 if loop is None else loop.users)
        work["win"][:] = win
        if loop is not None:
            loop.sent_s[:] = np.nan
        _core.run_core(
            lvl, req.arrival_s if loop is None else loop.sent_s, prompt, output, route, elig, mode,
            hold, pre, _BAL_CODE[job.balancer], seed_core, PI, PIT, rep_pool, max(caps), fptr, ft,
            rt, fk, win[0], win[1], job.horizon_s, max_events,
            0 if loop is None else loop.users,
            np.zeros(1) if loop is None else loop.think_s,
            0 if loop is None else loop.n_warm,
            res.status, res.pool_of, res.rep_of, res.admit, res.first_t, res.finish, res.n_pre,
            res.n_retry, res.RF, res.RI, res.info, **work, **pfx,
        )
        w0, w1 = (float(x) for x in work["win"])
        del work
        if int(res.info[2]) == _core.ERR_MAX_EVENTS:
            raise SimulationError(f"the simulation exceeded max_events={max_events}")
        if loop is None or float(res.info[0]) <= failure_horizon(job.failures, t_last):
            break
        t_last = float(res.info[0])
    if loop is not None:  # the window ends at the last send, or (never sent) at the end
        t_end = float(res.info[0])
        w1 = min(w1, t_end)
        w0 = min(w0, w1)
    return caps, PI, rep_pool, replace(res, RQ=pfx["RQ"]), (w0, w1)


def _measures(job: Job, t_arr: NDArray[np.float64], output: NDArray[np.int64], res: _Outcome,
              n_warm: int, win: tuple[float, float]) -> _Measures:
    """Per-request latencies, measurement masks and SLO verdicts of a finished run."""
    w0, w1 = win
    n = t_arr.size
    status = res.status
    first_t, finish, admit = res.first_t, res.finish, res.admit
    after_warm = np.zeros(n, dtype=bool)
    after_warm[n_warm:] = True
    measured = after_warm & ((status == 1) | (status == 3))
    done = status == 1
    with np.errstate(invalid="ignore", divide="ignore"):
        if job.level == "engine":
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
    slo = job.slo
    ok = None
    if slo is not None:
        ok = (ttft <= slo.ttft_p99_s)
        if slo.tpot_p99_s is not None:
            ok &= ~(tpot > slo.tpot_p99_s)
    return _Measures(after_warm, measured, done, tpot, in_win, ttft, e2e, wait, ok, w1 - w0)


def _summaries(fleet: FleetSpec, ms: _Measures, res: _Outcome,
               lengths: tuple[NDArray[np.int64], NDArray[np.int64]], PI: NDArray[np.int64],
               rep_pool: NDArray[np.int64]) -> dict[str, dict[str, Any]]:
    """The summary of the whole fleet (``"fleet"``) and of each pool, by name.

    A group with a prefix-caching pool also has ``prefix_hit`` (cached / prompt tokens of its
    measured, admitted requests) and the cache counters ``cache_evicted``, ``cache_lost``
    (released blocks found evicted: 0 unless a bug) and ``cache_pinned_end`` (pinned tokens
    left at the end).
    """
    prompt, output = lengths
    n = res.status.size
    groups: dict[str, dict[str, Any]] = {}
    for gi in range(-1, len(fleet.pools)):
        if gi < 0:
            sel = np.ones(n, dtype=bool)
            reps = np.arange(fleet.replicas)
            name = "fleet"
            caching = any(p.prefix_caching for p in fleet.pools)
        else:
            sel = res.pool_of == gi
            reps = np.arange(PI[_core.P_FIRST, gi], PI[_core.P_END, gi])
            name = fleet.pools[gi].name
            caching = fleet.pools[gi].prefix_caching
        cap_slots = sum(PI[_core.P_CAP, rep_pool[r]] for r in reps)
        cap_kv = sum(PI[_core.P_KVCAP, rep_pool[r]] for r in reps)
        groups[name] = _group_summary(ms, res, output, sel, reps, cap_slots, cap_kv)
        if caching and res.RQ is not None:
            groups[name].update({
                "prefix_hit": hit_rate(res.RQ, prompt, ms.measured & sel & np.isfinite(ms.wait)),
                "cache_evicted": int(res.RI[_core.R_CEVICT, reps].sum()),
                "cache_lost": int(res.RI[_core.R_CLOST, reps].sum()),
                "cache_pinned_end": int(res.RI[_core.R_CPIN, reps].sum()),
            })
    return groups


def _group_summary(ms: _Measures, res: _Outcome, output: NDArray[np.int64],
                   sel: NDArray[np.bool_], reps: NDArray[np.int64], cap_slots: Any, cap_kv: Any
                   ) -> dict[str, Any]:
    """Counts, latency mean + quantiles and utilisations of the requests ``sel`` and the
    replicas ``reps``."""
    status, RF = res.status, res.RF
    m = ms.measured & sel
    tp_sel = m & ms.done & ~np.isnan(ms.tpot)
    denom = ms.window if ms.window > 0 else math.nan
    arrived_m = ms.after_warm & sel & (status != 0)
    ok = ms.ok
    return {
        "arrivals": int(((status != 0) & sel).sum()),
        "completed": int((ms.done & sel).sum()),
        "rejected": int(((status == 2) & sel).sum()),
        "unfinished": int(((status == 3) & sel).sum()),
        "measured": int(m.sum()),
        "preemptions": int(res.n_pre[sel].sum()),
        "retries": int(res.n_retry[sel].sum()),
        "failures": int(res.RI[_core.R_NFAIL, reps].sum()),
        "ttft": _lat(ms.ttft[m]),
        "growth": _growth(ms.ttft[m]),
        "tpot": _lat(ms.tpot[tp_sel]),
        "e2e": _lat(ms.e2e[m]),
        "wait": _lat(ms.wait[m]),
        "slo": (float(ok[arrived_m].mean()) if ok is not None and arrived_m.any()
                else math.nan),
        "p_wait": float((ms.wait[m] > 0).mean()) if m.any() else math.nan,
        "throughput": float(ms.in_win[sel].sum()) / denom,
        "tokens": float(output[ms.in_win & sel].sum()) / denom,
        "slot_util": float(RF[_core.F_SLOT, reps].sum()) / (denom * cap_slots),
        "kv_util": float(RF[_core.F_KV, reps].sum()) / (denom * cap_kv),
        "busy": float(RF[_core.F_BUSY, reps].sum()) / (denom * reps.size),
        "avail": 1.0 - float(RF[_core.F_DOWN, reps].sum()) / (denom * reps.size),
    }


def _growth(ttft: NDArray[np.float64]) -> float:
    """Mean TTFT of the last third of the measured requests (arrival order) over that of the
    middle third: about 1 in steady state, growing without bound in an overloaded pool (``inf``
    when the last third holds a request that never got its first token, NaN with fewer than 30
    requests).  The first third is left out: it is still warming up."""
    n = ttft.size
    if n < 30:
        return math.nan
    a, b = n // 3, (2 * n) // 3
    mid, last = ttft[a:b], ttft[b:]
    if not np.isfinite(last).all():
        return math.inf
    m_mid = float(np.mean(mid))
    if not math.isfinite(m_mid):
        return math.inf
    return float(np.mean(last)) / m_mid if m_mid > 0 else math.nan


def _quantiles(x: NDArray[np.float64]) -> list[float]:
    """Nearest-rank quantiles of ``x``; partitions ``x`` in place (callers pass a fresh masked
    copy), which is linear time where a sort is not."""
    if x.size == 0:
        return [math.nan] * len(QUANTILES)
    ks = [max(int(math.ceil(q * x.size)) - 1, 0) for _, q in QUANTILES]
    x.partition(sorted(set(ks)))
    return [float(x[k]) for k in ks]


def _lat(x: NDArray[np.float64]) -> list[float]:
    if x.size == 0:
        return [math.nan] * (1 + len(QUANTILES))
    with np.errstate(invalid="ignore"):
        mean = float(np.mean(x))
    return [mean, *_quantiles(x)]
