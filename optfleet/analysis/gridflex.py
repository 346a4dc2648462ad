"""Grid flexibility: how deep can a pool curtail its power and still meet the TTFT SLO?

Power model (per GPU, from the replica profile): ``P(b) = P_idle + (P_nom - P_idle) / (1 +
exp(-k (log2 b - x0)))`` for a batch of ``b >= 1`` running sequences, ``P_idle`` at ``b = 0``; a
replica draws ``gpus_per_replica x P(b)``.  Calibrated profiles carry fleet-sim's constants (H100
300/600 W, k 1.0, x0 4.2; A100 175/385/1.0/2.5; A10G 75/120/0.7/3.0); computed profiles their own.

Batch cap by EXACT inversion (:func:`batch_cap`): the largest integer ``b`` with replica power
``P(b) <= target``.  The logistic is inverted analytically, ``log2 b = x0 - ln(1/f - 1) / k`` with
``f = (target / gpus - P_idle) / (P_nom - P_idle)``, then the integers around ``floor(2^...)``
are checked so that ``P(b*) <= target < P(b* + 1)`` holds exactly in floating point.  The logistic
never reaches ``P_nom``: a target ``>= P_nom`` (``f >= 1``) allows any batch, i.e. the
maximum cap ``max_batch`` (the replica's slots, 256 for the calibrated H100 at 4096 tokens /
``max_num_seqs``); a target below ``P(1)`` gives cap 0 (the replica can serve nothing).

Curtailment depth ``d`` means a replica power target ``(1 - d) x gpus x P_nom`` (depth is
measured from the nominal draw).

Sustained safe depth (analytic): with the batch capped, the pool's slots per replica become the
cap; the service-time statistics are recomputed at that batch (smaller batches iterate faster)
and the queueing model (:func:`optfleet.planning.pool_latency`) must still meet the P99 TTFT SLO and
the utilisation cap at the load.  The deepest depth that does is the sustained safe depth.

Event-window safe depth (simulated): the pool is simulated with ``PoolSpec(slots=cap)`` for a
window (default 15 min of arrivals at the scenario's rate, Poisson); the depth is safe when the
simulated P99 TTFT is within the SLO.  Depths are tried from shallow to deep and the search stops
at the first unsafe depth (safety is assumed monotone in depth).

Examples
--------
>>> from optfleet.physics import calibrated_profile
>>> batch_cap(calibrated_profile("H100"), 600.0, max_batch=256)
256
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from optfleet.errors import InfeasibleError, InputError, ModelDoesNotFitError
from optfleet.physics.profiles import ReplicaProfile
from optfleet.scenario import Scenario
from optfleet.scenario.limits import check

__all__ = [
    "DEFAULT_DEPTHS",
    "CurtailmentRow",
    "GridFlexResult",
    "batch_cap",
    "gridflex",
]

#: Curtailment depths swept by default (fractions of nominal power shed).
DEFAULT_DEPTHS: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(11))


def batch_cap(profile: ReplicaProfile, target_w: float, max_batch: int | None = None) -> int:
    """The largest integer batch ``b`` whose replica power ``profile.power_w(b) <= target_w``.

    Exact: analytic inversion of the logistic, then an integer check (see the module docstring).
    ``max_batch`` (default ``profile.max_num_seqs``) caps the answer; a target at or above the
    nominal replica power returns ``max_batch``; a target below ``power_w(1)`` returns 0.

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> p = calibrated_profile("H100")
    >>> b = batch_cap(p, 450.0, max_batch=256)
    >>> float(p.power_w(b)) <= 450.0 < float(p.power_w(b + 1))
    True
    """
    t = check("non_negative", "target_w", target_w)
    cap = int(profile.max_num_seqs if max_batch is None else check("count", "max_batch", max_batch))
    if cap < 1:
        raise InputError(f"max_batch must be a positive integer, got {max_batch!r}")
    g = float(profile.gpus_per_replica)
    idle, nom = float(profile.idle_w), float(profile.nominal_w)

    def power(b: int) -> float:
        return float(profile.power_w(b))

    if t < power(1):
        return 0
    span = nom - idle
    f = (t / g - idle) / span if span > 0 else 1.0
    if f >= 1.0 or span <= 0:
        b = cap
    else:
        if f <= 0:
            return 0
        k = float(profile.power_k)
        if k <= 0:  # flat curve: P(b) = idle + span / 2 for every b >= 1
            return cap if t >= power(1) else 0
        x = float(profile.power_x0) - math.log(1.0 / f - 1.0) / k
        b = int(min(math.floor(2.0**x), cap)) if x < 64 else cap
        b = max(b, 1)
    # integer check around the analytic root (floating-point guard)
    while b > 0 and power(b) > t:
        b -= 1
    while b < cap and power(b + 1) <= t:
        b += 1
    return int(b)


@dataclass(frozen=True)
class CurtailmentRow:
    """One curtailment depth: target power, batch cap and whether the pool stays within SLO."""

    depth: float
    target_replica_w: float
    batch_cap: int
    replica_power_at_cap_w: float
    pool_power_at_cap_w: float
    analytic_p99_ttft_s: float
    analytic_utilisation: float
    sustained_ok: bool
    simulated_p99_ttft_s: float | None
    event_ok: bool | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                for k, v in d.items()}


@dataclass(frozen=True)
class GridFlexResult:
    """Curtailment sweep of one pool."""

    gpu: str
    replicas: int
    gpus_per_replica: int
    max_ctx_tokens: int
    rate_per_s: float
    slo_s: float
    max_batch: int
    power_model: dict[str, float]
    window_s: float
    level: str
    rows: tuple[CurtailmentRow, ...]
    sustained_safe_depth: float | None
    event_safe_depth: float | None
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "rows"}
        d["rows"] = [r.to_dict() for r in self.rows]
        return d


def _capped(profile: ReplicaProfile, cap: int) -> ReplicaProfile:
    """The profile with at most ``cap`` running sequences (no fleet-sim slot scaling)."""
    return replace(profile, max_num_seqs=int(cap), slot_ref_ctx_tokens=None)


def gridflex(
    scenario: Scenario,
    *,
    gpu: str | None = None,
    replicas: int | None = None,
    depths: tuple[float, ...] = DEFAULT_DEPTHS,
    window_s: float = 900.0,
    simulate_window: bool = True,
    level: str = "engine",
    seed: int = 0,
) -> GridFlexResult:
    """Curtailment sweep of the scenario's one-pool fleet on one GPU type.

    Parameters
    ----------
    scenario
        Workload, rate, SLO, preset, model.
    gpu
        GPU type (default: the cheapest one-pool sizing over the scenario's menu).
    replicas
        Pool size (default: the analytic one-pool sizing at the scenario's rate).
    depths
        Curtailment depths in ``[0, 1)`` (fractions of nominal power).
    window_s
        Length of the simulated event window (seconds of arrivals).
    simulate_window
        Run the event-window simulations (otherwise only the analytic part).
    level
        Simulation level, ``"engine"`` (continuous batching with at most ``cap`` running
        sequences per replica) or ``"slot"`` (M/G/c with ``slots = cap``).
    seed
        Simulation seed.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> r = gridflex(Scenario(rate_per_s=20, gpus=("H100-SXM",)), simulate_window=False)
    >>> r.rows[0].batch_cap == r.max_batch
    True
    """
    from optfleet.planning import PoolContext, pool_service

    if not isinstance(scenario, Scenario):
        raise InputError(f"scenario must be a Scenario, got {type(scenario).__name__}")
    ds = _check_depths(depths)
    window_s = check("positive", "window_s", window_s)
    seed = check("seed", "seed", seed)
    if replicas is not None and check("replicas", "replicas", replicas) < 1:
        raise InputError(f"replicas must be a positive integer, got {replicas!r}")
    if level not in ("slot", "engine"):
        raise InputError(f"unknown simulation level {level!r}; known: slot, engine")
    ctx = PoolContext.from_scenario(scenario)
    rate = float(scenario.rate_per_s)
    slo = scenario.slo
    preset = ctx.preset
    gpu, sized = _one_pool(ctx, scenario.gpus, gpu)
    n = int(sized if replicas is None else replicas)
    if n < 1:
        raise InputError(f"replicas must be a positive integer, got {replicas!r}")
    if simulate_window:  # the event window draws rate x window_s requests
        check("sim_requests", "rate_per_s x window_s (requests simulated)",
              max(200, round(rate * window_s)))
    profile = ctx.profile(gpu)
    demand = ctx.demands(None)[0]
    base_stats = pool_service(profile, demand, preset)
    max_batch = int(base_stats.servers_per_replica)
    rows = _sweep(profile, demand, preset, slo, n, rate, ds, max_batch,
                  window=(window_s, level, seed) if simulate_window else None)
    sustained = _deepest(rows, "sustained_ok")
    event = _deepest(rows, "event_ok") if simulate_window else None
    return GridFlexResult(
        gpu=gpu,
        replicas=n,
        gpus_per_replica=int(profile.gpus_per_replica),
        max_ctx_tokens=int(demand.max_ctx_tokens),
        rate_per_s=rate,
        slo_s=float(slo.ttft_p99_s),
        max_batch=max_batch,
        power_model={
            "idle_w": float(profile.idle_w),
            "nominal_w": float(profile.nominal_w),
            "k": float(profile.power_k),
            "x0": float(profile.power_x0),
        },
        window_s=float(window_s),
        level=level,
        seed=int(seed),
        rows=tuple(rows),
        sustained_safe_depth=sustained,
        event_safe_depth=event,
    )


def _check_depths(depths: tuple[float, ...]) -> tuple[float, ...]:
    """The curtailment depths, checked to lie in ``[0, 1)``, sorted and without repeats."""
    if isinstance(depths, str | bytes) or not hasattr(depths, "__iter__"):
        raise InputError(f"depths must be a sequence of numbers in [0, 1), got {depths!r}")
    ds = tuple(check("share", "depths", d) for d in depths)
    if not ds or any(d >= 1 for d in ds):
        raise InputError(f"depths must be non-empty numbers in [0, 1), got {depths!r}")
    return tuple(sorted(set(ds)))


def _one_pool(ctx: Any, menu: tuple[str, ...], gpu: str | None) -> tuple[str, int]:
    """``(GPU, replicas)`` of the analytic one-pool sizing (``gpu=None``: cheapest of ``menu``)."""
    from optfleet.planning import size_layout

    if gpu is not None:
        return gpu, size_layout(ctx, gpu, None).pools[0].replicas
    best = None
    for g in menu:
        try:
            s = size_layout(ctx, g, None)
        except (InfeasibleError, ModelDoesNotFitError):
            continue
        if best is None or s.cost_usd_per_hour < best.cost_usd_per_hour:
            best = s
    if best is None:
        raise InfeasibleError("no GPU type of the menu can serve the scenario in one pool")
    return best.gpu, best.pools[0].replicas


def _sweep(
    profile: ReplicaProfile, demand: Any, preset: Any, slo: Any, n: int, rate: float,
    ds: tuple[float, ...], max_batch: int, window: tuple[float, str, int] | None,
) -> list[CurtailmentRow]:
    """One row per depth; ``window = (window_s, level, seed)`` simulates the event windows
    (until the first depth that misses the SLO), ``None`` does not."""
    from optfleet.planning import pool_latency, pool_service

    nominal_replica_w = float(profile.gpus_per_replica) * float(profile.nominal_w)
    rows: list[CurtailmentRow] = []
    sim_stop = window is None
    for d in ds:
        target = (1.0 - d) * nominal_replica_w
        cap = batch_cap(profile, target, max_batch=max_batch)
        if cap < 1:
            rows.append(CurtailmentRow(d, target, 0, float(profile.power_w(0)),
                                       n * float(profile.power_w(0)), math.inf, math.inf,
                                       False, None, False if not sim_stop else None))
            sim_stop = True
            continue
        prof_c = _capped(profile, cap)
        stats = pool_service(prof_c, demand, preset)
        slots = int(stats.servers_per_replica)
        util = rate * float(stats.mean_service_s) / (n * slots)
        _, ttft = pool_latency(stats, n, rate, slo, preset)
        ok = bool(util <= preset.util_cap and ttft <= slo.ttft_p99_s)
        sim_ttft: float | None = None
        event_ok: bool | None = None
        if not sim_stop and window is not None:
            window_s, level, seed = window
            sim_ttft = _simulate_window(prof_c, n, demand, rate, cap, window_s, level, seed)
            event_ok = bool(sim_ttft <= slo.ttft_p99_s)
            sim_stop = not event_ok
        rows.append(CurtailmentRow(
            d, target, cap, float(profile.power_w(cap)), n * float(profile.power_w(cap)),
            float(ttft), float(util), ok, sim_ttft, event_ok))
    return rows


def _deepest(rows: list[CurtailmentRow], key: str) -> float | None:
    """The deepest depth such that it and every shallower depth are safe."""
    out = None
    for r in rows:
        if getattr(r, key):
            out = r.depth
        else:
            break
    return out


def _simulate_window(
    profile: ReplicaProfile, n: int, demand: Any, rate: float, cap: int, window_s: float,
    level: str, seed: int,
) -> float:
    from optfleet.sim import PoolSpec, simulate

    n_req = max(200, int(round(rate * window_s)))
    pool = PoolSpec(profile, n, int(demand.max_ctx_tokens), "pool", slots=int(cap))
    res = simulate(pool, demand.mix, rate, level=level, n_requests=n_req, seed=seed,
                   replications=1, horizon_s=window_s * 4.0 + 600.0)
    v = res.fleet.ttft.p99.value
    return float(v) if np.isfinite(v) else math.inf
