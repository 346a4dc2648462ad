"""The library entry point :func:`simulate`: argument checks, one job per replication, the
executors that run them (:mod:`optfleet.sim._replication`) and the aggregation of their summaries
(:mod:`optfleet.sim._aggregate`).

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
from typing import TYPE_CHECKING, Any

import numpy as np

from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario import (
    SLO,
    ClosedLoopClients,
    GammaArrivals,
    PiecewiseArrivals,
    PoissonArrivals,
    TraceReplayArrivals,
)
from optfleet.scenario.limits import check
from optfleet.sim._aggregate import sim_result
from optfleet.sim._threads import run_threads, thread_count
from optfleet.sim.results import SimResult
from optfleet.sim.spec import (
    BALANCERS,
    FailureSpec,
    FleetSpec,
    PoolSpec,
    Requests,
    RouterSpec,
    as_fleet,
)

if TYPE_CHECKING:  # the numba kernels are imported by the first simulation, not by import
    from optfleet.sim._replication import Job

__all__ = ["LEVELS", "simulate"]

#: Fidelity levels.
LEVELS: tuple[str, ...] = ("slot", "engine")

ArrivalLike = (PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals
               | ClosedLoopClients | float)
WorkloadLike = Any  # RequestMix | Requests | Callable[[int, np.random.Generator], Requests]


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
        Poisson rate (requests/s).  :class:`~optfleet.scenario.ClosedLoopClients` is a closed
        loop (``vllm bench serve --max-concurrency``) with any workload: ``users`` requests are
        sent at time 0, and each request that completes or is rejected has its user send the
        next unsent request (index order) after a think time; the lengths of a RequestMix are
        sampled, those of a ``Requests`` (or a callable's) are used in order and its arrival
        times ignored.  The records' ``arrival_s`` are the send times; a request not yet sent
        when ``horizon_s`` is reached counts as not arrived (``status`` 0, NaN send time).
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
        Share of the first arrivals excluded from latency statistics and utilisation (0 <= f < 1);
        closed loop: of the first requests sent.
    router, balancer
        Between pools (name or :class:`RouterSpec`) and between a pool's replicas
        (``jsq``, ``power_of_two``, ``round_robin``, ``random``, ``cache_affinity``).
        ``cache_affinity`` (engine level, pools with ``prefix_caching``): the up replica with
        the least prefill work for the request - its prefill backlog plus the request's prompt
        tokens not cached on it (a cached prefix wins while its replica is behind by less
        than the hit saves); fewest requests on ties, JSQ when no replica holds any of the
        request's blocks (docs/simulation.md).
    failures
        Replica failures (:class:`FailureSpec`), or None.
    slo
        SLO targets for the attainment figures (an ``optfleet.scenario.SLO`` or a TTFT target).
    executor
        None or ``"threads"`` (in-process, replications in parallel on up to
        ``min(CPUs, 4)`` threads — the kernel releases the GIL; ``OPTFLEET_SIM_THREADS=1`` runs
        them in sequence), ``"sequential"``, ``"process"`` (a ProcessPoolExecutor) or any
        ``concurrent.futures.Executor`` (e.g. a Dask ``client.get_executor()``); the workload must
        then be picklable.  The result does not depend on the executor.
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

    The same requests from two users in a closed loop (their arrival times are ignored):

    >>> from optfleet.scenario import ClosedLoopClients
    >>> r = simulate(PoolSpec(calibrated_profile("H100"), 1, 4096), req, ClosedLoopClients(users=2),
    ...              level="engine", warmup_fraction=0.0)
    >>> r.closed_loop["users"], r.fleet.completed
    (2, 10)
    """
    from optfleet.sim._prefix import check_level
    from optfleet.sim._prepare import check_schedule
    from optfleet.sim._replication import Job

    fl = as_fleet(fleet)
    _check_names(level, balancer)
    check_level(fl, level)
    rt = _as_router(router)
    slo_ = _as_slo(slo)
    wf, hz = _check_run(replications, warmup_fraction, seed, horizon_s, failures)
    check_schedule(fl, failures)
    n = _check_workload(workload, arrivals, n_requests)
    children = np.random.SeedSequence(int(seed)).spawn(replications)
    jobs = [
        Job(fl, workload, arrivals, level, n, children[k], k, wf, rt, balancer, failures, slo_,
            record, hz, max_events)
        for k in range(replications)
    ]
    reps = _execute(jobs, executor)
    return sim_result(reps, fl, level=level, n_requests=n, seed=seed, warmup_fraction=wf,
                      router=rt, balancer=balancer, slo=slo_, record=record,
                      closed=arrivals if isinstance(arrivals, ClosedLoopClients) else None)


def _check_names(level: str, balancer: str) -> None:
    if level not in LEVELS:
        raise UnknownNameError(f"unknown level {level!r}; known: {', '.join(LEVELS)}")
    if balancer not in BALANCERS:
        raise UnknownNameError(f"unknown balancer {balancer!r}; known: {', '.join(BALANCERS)}")


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


def _check_run(replications: Any, warmup_fraction: Any, seed: Any, horizon_s: Any,
               failures: Any) -> tuple[float, float]:
    """Check the run's settings; the warm-up fraction and horizon as floats."""
    check("replications", "replications", replications)
    wf = float(warmup_fraction)
    if not (0 <= wf < 1):
        raise InputError(f"warmup_fraction must be in [0, 1), got {warmup_fraction!r}")
    if not isinstance(seed, int | np.integer):
        raise InputError(f"seed must be a whole number >= 0, got {seed!r}")
    check("seed", "seed", seed)
    hz = math.inf if horizon_s is None else float(horizon_s)
    if math.isnan(hz) or hz <= 0:
        raise InputError(f"horizon_s must be positive, got {horizon_s!r}")
    if failures is not None and not isinstance(failures, FailureSpec):
        raise InputError(f"failures must be a FailureSpec, got {type(failures).__name__}")
    return wf, hz


def _check_workload(workload: Any, arrivals: Any, n_requests: Any) -> int:
    """Check the workload's arguments; the number of requests per replication."""
    is_mix = hasattr(workload, "sample") and hasattr(workload, "prob")
    if isinstance(workload, Requests):
        n = workload.n
    else:
        if not isinstance(n_requests, int | np.integer):
            raise InputError(f"n_requests must be a whole number >= 1, got {n_requests!r}")
        n = check("sim_requests", "n_requests (requests per replication)", n_requests)
        if is_mix and arrivals is None:
            raise InputError("a RequestMix workload needs arrivals (a spec or a Poisson rate)")
    if isinstance(arrivals, int | float) and not isinstance(arrivals, bool):
        if not (math.isfinite(arrivals) and arrivals > 0):
            raise InputError(f"arrival rate must be a finite positive number, got {arrivals!r}")
    return n


def _execute(jobs: list[Job], executor: Executor | str | None) -> list[dict[str, Any]]:
    from optfleet.sim._replication import run_replication

    if executor is None or (isinstance(executor, str) and executor == "threads"):
        threads = thread_count(len(jobs))
        if threads > 1:
            return run_threads(run_replication, jobs, threads)
        return [run_replication(j) for j in jobs]
    if isinstance(executor, str) and executor == "sequential":
        return [run_replication(j) for j in jobs]
    if isinstance(executor, str):
        if executor != "process":
            raise UnknownNameError(
                f"unknown executor {executor!r}; known: threads, sequential, process (or an "
                "Executor)"
            )
        import multiprocessing

        before = set(multiprocessing.active_children())
        ex = ProcessPoolExecutor(initializer=worker_signals)
        try:
            results = [f.result() for f in [ex.submit(run_replication, j) for j in jobs]]
        except BaseException:  # an error, Ctrl-C or SIGTERM: end the workers, do not wait
            end_workers(ex)
            _end_new_children(before)
            raise
        ex.shutdown(wait=True)
        return results
    if not hasattr(executor, "submit"):
        raise InputError(f"executor must be a concurrent.futures.Executor, got {executor!r}")
    futures = [executor.submit(run_replication, j) for j in jobs]
    try:
        return [f.result() for f in futures]
    except BaseException:
        for f in futures:
            f.cancel()
        raise


def worker_signals() -> None:
    """Initialiser of optfleet's worker processes: Ctrl-C is the parent's to handle (it ends the
    workers), SIGTERM ends a worker at once (no handler inherited from the parent)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def end_workers(ex: ProcessPoolExecutor, timeout_s: float = 5.0) -> None:
    """Cancel the pending jobs of ``ex`` and end its worker processes (SIGTERM, then SIGKILL)."""
    # The standard library offers no public way to end a pool's workers before Python 3.14.
    workers = getattr(ex, "_processes", None)
    procs = list(workers.values()) if isinstance(workers, dict) else []
    ex.shutdown(wait=False, cancel_futures=True)
    terminate_processes(procs, timeout_s)


def _end_new_children(before: set[Any], rounds: int = 20) -> None:
    """End the child processes started since ``before`` was taken, until none is left: the
    pool's manager thread can still be starting a worker while the interrupted pool is ended."""
    import multiprocessing
    import time

    for _ in range(rounds):
        new = [c for c in multiprocessing.active_children() if c not in before]
        if not new:
            return
        terminate_processes(new)
        time.sleep(0.01)


def terminate_processes(procs: Sequence[Any], timeout_s: float = 5.0) -> None:
    """End ``multiprocessing`` processes: SIGTERM, then SIGKILL after ``timeout_s``."""
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout_s)
        if p.is_alive():
            p.kill()
            p.join(timeout_s)
