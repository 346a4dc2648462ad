"""What to simulate: pools, fleets, routers, balancers, failures and explicit request sets.

Examples
--------
>>> from optfleet.physics import calibrated_profile
>>> from optfleet.sim import FleetSpec, PoolSpec
>>> h100 = calibrated_profile("H100")
>>> fleet = FleetSpec((PoolSpec(h100, 2, 4096, "short"), PoolSpec(h100, 23, 65536, "long")))
>>> fleet.replicas, round(fleet.cost_usd_per_hour, 2)
(25, 100.5)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError, UnknownNameError
from optfleet.physics.profiles import ReplicaProfile
from optfleet.workloads.prefix import PrefixBlocks

__all__ = [
    "BALANCERS",
    "OUTAGE_KINDS",
    "ROUTERS",
    "SERVICE_MODES",
    "FailureSpec",
    "FleetSpec",
    "PoolSpec",
    "Requests",
    "RouterSpec",
    "ServiceFn",
]

#: Router names (between pools).
ROUTERS: tuple[str, ...] = (
    "threshold",
    "compress_and_route",
    "random",
    "least_loaded",
    "spillover",
    "label",
)
#: Balancer names (between the replicas of one pool).
BALANCERS: tuple[str, ...] = ("jsq", "power_of_two", "round_robin", "random", "cache_affinity")
#: Built-in slot-level service models (see :mod:`optfleet.sim.service`).
SERVICE_MODES: tuple[str, ...] = ("fleet-sim", "default")

#: ``(prompt_tokens, output_tokens) -> (hold_s, prefill_s)`` per-request arrays.
ServiceFn = Callable[[NDArray[np.int64], NDArray[np.int64]], tuple[ArrayLike, ArrayLike]]


def _pos_int(name: str, v: Any, *, allow_zero: bool = False) -> int:
    if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < (0 if allow_zero else 1):
        kind = "non-negative" if allow_zero else "positive"
        raise InputError(f"{name} must be a {kind} integer, got {v!r}")
    return int(v)


def _pos_float(name: str, v: Any) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {v!r}") from None
    if not math.isfinite(x) or x <= 0:
        raise InputError(f"{name} must be a finite positive number, got {v!r}")
    return x


@dataclass(frozen=True)
class PoolSpec:
    """One pool: ``replicas`` identical replicas of ``profile`` serving requests up to
    ``max_ctx_tokens`` (prompt + output).

    Attributes
    ----------
    profile
        The replica's :class:`~optfleet.physics.ReplicaProfile`.
    replicas
        Number of replicas (>= 1).
    max_ctx_tokens
        Longest request (prompt + output tokens) the pool accepts; at most the profile's
        ``max_model_len`` and leaving at least one slot.
    name
        Pool label (default ``pool<i>``, set by :class:`FleetSpec`).
    service
        Slot level only: ``"default"`` (optfleet's full-batch model, the analytics' default),
        ``"fleet-sim"`` (the reference planner's formula) or a callable ``(prompt, output) ->
        (hold_s, prefill_s)`` arrays.  Ignored when the requests carry their own ``hold_s``.
    slots
        Override of the concurrency per replica: the servers per replica at slot level, the
        running-sequence cap at engine level.  Default: from the service model (slot) or
        ``max_num_seqs`` / the reserve-policy slots (engine).
    prefix_caching
        Engine level, paged KV only: each replica keeps the prompt blocks of the requests it
        served (requests with :attr:`Requests.prefix` block ids) and a request skips the prefill
        of its longest cached prefix (``optfleet.sim._core``, "prefix cache").  Off by default;
        off, or without block ids, the simulation is exactly the one without caching.

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> PoolSpec(calibrated_profile("H100"), 4, 8192).slots_at("slot")
    128
    """

    profile: ReplicaProfile
    replicas: int
    max_ctx_tokens: int
    name: str = ""
    service: str | ServiceFn = "default"
    slots: int | None = None
    prefix_caching: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.profile, ReplicaProfile):
            raise InputError(f"profile must be a ReplicaProfile, got {type(self.profile).__name__}")
        if not isinstance(self.prefix_caching, bool | np.bool_):
            raise InputError(f"prefix_caching must be True or False, got {self.prefix_caching!r}")
        if self.prefix_caching and self.profile.kv_policy != "paged":
            raise InputError(f"prefix caching needs a paged-KV profile; {self.profile.name!r} "
                             "reserves max_ctx per sequence (kv_policy 'reserve')")
        _pos_int("replicas", self.replicas)
        _pos_int("max_ctx_tokens", self.max_ctx_tokens)
        if self.slots is not None:
            _pos_int("slots", self.slots)
        if isinstance(self.service, str):
            if self.service not in SERVICE_MODES:
                raise UnknownNameError(
                    f"unknown service model {self.service!r}; known: {', '.join(SERVICE_MODES)}"
                )
        elif not callable(self.service):
            raise InputError(f"service must be a name or a callable, got {self.service!r}")
        # raises ModelDoesNotFitError when max_ctx does not fit the profile
        self.profile.slots(int(self.max_ctx_tokens))

    def slots_at(self, level: str) -> int:
        """Default concurrency per replica at ``level`` (``"slot"`` or ``"engine"``).

        Slot level with the ``fleet-sim`` model: the reserve-policy slots; otherwise the
        profile's own policy at ``max_ctx_tokens`` (worst case for paged).  Engine level: reserve
        -> reserve slots, paged -> ``max_num_seqs``.  ``slots`` overrides both.  (The slot
        level's ``default`` service model refines this from the pool's request mix; see
        :func:`optfleet.sim.service.default_service`.)
        """
        if self.slots is not None:
            return int(self.slots)
        prof = self.profile
        if level == "engine":
            if prof.kv_policy == "reserve":
                return prof.slots(int(self.max_ctx_tokens))
            return int(prof.max_num_seqs)
        if self.service == "fleet-sim":
            return prof.slots(int(self.max_ctx_tokens), policy="reserve")
        return prof.slots(int(self.max_ctx_tokens))

    @property
    def cost_usd_per_hour(self) -> float:
        """``replicas x`` the replica's price."""
        return self.replicas * float(self.profile.price_usd_per_hour)

    @property
    def gpus(self) -> int:
        return self.replicas * int(self.profile.gpus_per_replica)


@dataclass(frozen=True)
class FleetSpec:
    """An ordered tuple of pools (order matters for the threshold and spillover routers).

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> f = FleetSpec((PoolSpec(calibrated_profile("A10G"), 3, 4096),))
    >>> f.pools[0].name, f.replicas
    ('pool0', 3)
    """

    pools: tuple[PoolSpec, ...]

    def __post_init__(self) -> None:
        pools = tuple(self.pools) if not isinstance(self.pools, PoolSpec) else (self.pools,)
        if not pools:
            raise InputError("a fleet needs at least one pool")
        named = []
        for i, p in enumerate(pools):
            if not isinstance(p, PoolSpec):
                raise InputError(f"pools[{i}] must be a PoolSpec, got {type(p).__name__}")
            if not p.name:
                p = PoolSpec(p.profile, p.replicas, p.max_ctx_tokens, f"pool{i}", p.service,
                             p.slots, p.prefix_caching)
            named.append(p)
        names = [p.name for p in named]
        if len(set(names)) != len(names):
            raise InputError(f"pool names must be unique, got {names}")
        object.__setattr__(self, "pools", tuple(named))

    @property
    def replicas(self) -> int:
        return sum(p.replicas for p in self.pools)

    @property
    def cost_usd_per_hour(self) -> float:
        return sum(p.cost_usd_per_hour for p in self.pools)

    def index(self, name: str | int) -> int:
        """Index of a pool given by name or index."""
        if isinstance(name, int | np.integer) and not isinstance(name, bool):
            if 0 <= name < len(self.pools):
                return int(name)
            raise InputError(f"pool index {name} out of range 0..{len(self.pools) - 1}")
        for i, p in enumerate(self.pools):
            if p.name == name:
                return i
        raise UnknownNameError(
            f"unknown pool {name!r}; known pools: {', '.join(p.name for p in self.pools)}"
        )


@dataclass(frozen=True)
class RouterSpec:
    """How requests are routed between pools.

    kind
        ``threshold``: pool ``i`` takes ``thresholds[i-1] < routing_tokens <= thresholds[i]``
        (default thresholds: the pools' ``max_ctx_tokens``), the last pool takes the rest.
        ``compress_and_route``: as ``threshold``, and a request of pool 1 with ``B < L <= gamma
        B`` (``B = thresholds[0]``) goes, with probability ``share``, to pool 0 with its prompt
        compressed so that prompt + output = ``B`` (output kept, capped at ``B - 1``).
        ``random``: pool drawn with probabilities ``weights`` among the pools it fits.
        ``least_loaded``: the fitting pool with the smallest (requests present) / (up replicas x
        slots).  ``spillover``: the first fitting pool (in order) whose requests present are
        below its capacity (up replicas x slots), else the first fitting pool.
        ``label``: pool ``label_pools[label]`` of the request's label.
    A request longer (prompt + output) than its pool's ``max_ctx_tokens`` - or than every pool
    for the load-aware routers - is rejected and counted.

    Examples
    --------
    >>> RouterSpec("compress_and_route", thresholds=(4096,), gamma=1.5, share=0.75).kind
    'compress_and_route'
    """

    kind: str = "threshold"
    thresholds: tuple[int, ...] | None = None
    gamma: float = 1.0
    share: float = 0.75
    weights: tuple[float, ...] | None = None
    label_pools: Mapping[Any, str | int] | None = field(default=None, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in ROUTERS:
            raise UnknownNameError(f"unknown router {self.kind!r}; known: {', '.join(ROUTERS)}")
        if self.thresholds is not None:
            th = tuple(_pos_int("thresholds", x) for x in self.thresholds)
            if any(b <= a for a, b in zip(th, th[1:], strict=False)):
                raise InputError(f"thresholds must increase strictly, got {th}")
            object.__setattr__(self, "thresholds", th)
        g = float(self.gamma)
        if not math.isfinite(g) or g < 1:
            raise InputError(f"gamma must be a finite number >= 1, got {self.gamma!r}")
        s = float(self.share)
        if not (0 <= s <= 1):
            raise InputError(f"share must be in [0, 1], got {self.share!r}")
        if self.weights is not None:
            w = np.asarray(self.weights, dtype=np.float64)
            if w.ndim != 1 or not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
                raise InputError(f"weights must be finite, >= 0 and not all 0, got {self.weights}")
        if self.kind == "label" and not self.label_pools:
            raise InputError("the label router needs label_pools (label -> pool)")


@dataclass(frozen=True)
class FailureSpec:
    """Replica failures: exponential time to failure and to repair, and/or a given schedule.

    Attributes
    ----------
    mttf_s, mttr_s
        Mean time to failure and mean time to repair (seconds) of every replica, exponential;
        both or neither.
    schedule
        Explicit outages ``(pool, replica_index, start_s, end_s)`` or ``(pool, replica_index,
        start_s, end_s, kind)``, ``kind`` ``"fail"`` (the default) or ``"drain"``; used in
        addition.  Stored as 5-tuples.

    On a failure, every request on the replica (running or queued) is lost and retried: it goes
    back to its pool's balancer at the failure time, restarting from scratch (its TTFT is then
    the first token of the attempt that completes).  If no replica of the pool is up, requests
    wait in a pool queue until a repair.

    A drain (a graceful scale-down) takes the replica out of dispatch from ``start_s`` to
    ``end_s``: the balancers send it nothing new (a pool whose replicas are all drained or down
    holds new requests in its pool queue), but what is already on it, running or in its own
    queue, is served to completion.  Where a drain and a failure of the same replica overlap, the
    failure wins for its interval (what is on the replica is lost; the drain goes on after the
    repair if it lasts longer).  ``availability`` in the results counts a draining replica as
    down (not available for new work); ``failures`` counts failures only.

    Examples
    --------
    >>> FailureSpec(mttf_s=3600.0, mttr_s=600.0).availability
    0.8571428571428571
    >>> FailureSpec(schedule=(("p", 0, 10, 20, "drain"), ("p", 1, 5, 8))).schedule
    (('p', 0, 10.0, 20.0, 'drain'), ('p', 1, 5.0, 8.0, 'fail'))
    """

    mttf_s: float | None = None
    mttr_s: float | None = None
    schedule: tuple[tuple[Any, ...], ...] = ()

    def __post_init__(self) -> None:
        if (self.mttf_s is None) != (self.mttr_s is None):
            raise InputError("give both mttf_s and mttr_s, or neither")
        if self.mttf_s is not None:
            _pos_float("mttf_s", self.mttf_s)
            _pos_float("mttr_s", self.mttr_s)
        sched = []
        for k, item in enumerate(self.schedule):
            sched.append(_outage(k, item))
        object.__setattr__(self, "schedule", tuple(sched))

    @property
    def availability(self) -> float | None:
        """``mttf / (mttf + mttr)`` of the exponential process (None without one)."""
        if self.mttf_s is None or self.mttr_s is None:
            return None
        return self.mttf_s / (self.mttf_s + self.mttr_s)


#: Kinds of a scheduled outage (:class:`FailureSpec`).
OUTAGE_KINDS: tuple[str, ...] = ("fail", "drain")


def _outage(k: int, item: Any) -> tuple[str | int, int, float, float, str]:
    """Entry ``k`` of a failure schedule, checked, as ``(pool, replica, start_s, end_s, kind)``."""
    if not isinstance(item, tuple | list) or len(item) not in (4, 5):
        raise InputError(f"schedule[{k}] must be (pool, replica, start_s, end_s[, kind]), "
                         f"got {item!r}")
    pool, rep, f, r = item[:4]
    kind = item[4] if len(item) == 5 else "fail"
    if not isinstance(kind, str) or kind not in OUTAGE_KINDS:
        raise InputError(f"schedule[{k}]: unknown kind {kind!r}; known: "
                         f"{', '.join(OUTAGE_KINDS)}")
    if isinstance(pool, bool) or not isinstance(pool, str | int | np.integer):
        raise InputError(f"schedule[{k}]: the pool must be a name or an index, got {pool!r}")
    _pos_int(f"schedule[{k}] replica", rep, allow_zero=True)
    try:
        f, r = float(f), float(r)
    except (TypeError, ValueError):
        raise InputError(f"schedule[{k}]: start_s and end_s must be numbers, got "
                         f"{item[2]!r}, {item[3]!r}") from None
    if not (math.isfinite(f) and math.isfinite(r) and 0 <= f < r):
        raise InputError(f"schedule[{k}] needs 0 <= start_s < end_s, got {f}, {r}")
    return (pool if isinstance(pool, str) else int(pool), int(rep), f, r, kind)


def _int_array(name: str, v: ArrayLike | None, n: int) -> NDArray[np.int64] | None:
    if v is None:
        return None
    a = np.asarray(v)
    if a.shape != (n,):
        raise InputError(f"{name} must have shape ({n},), got {a.shape}")
    if not np.issubdtype(a.dtype, np.integer):
        if not np.isfinite(a).all() or (a != np.floor(a)).any():
            raise InputError(f"{name} must be integers")
    return a.astype(np.int64, copy=False)


@dataclass(frozen=True, eq=False)
class Requests:
    """An explicit set of requests (for traces, tests and custom service times).

    Attributes
    ----------
    arrival_s
        Arrival times, non-decreasing, finite, >= 0.
    prompt_tokens, output_tokens
        Per-request lengths (>= 1).
    routing_tokens
        The length routers see (default prompt + output).
    label
        Integer labels for the ``label`` router (e.g. model or class id).
    hold_s, prefill_s
        Slot level: per-request service (slot holding) time and prefill time; when given they
        replace every pool's service model.
    prefix
        Each request's prompt block ids (:class:`~optfleet.workloads.PrefixBlocks`), for the
        pools with ``prefix_caching``.  A request whose prompt a router compresses loses them.

    Examples
    --------
    >>> r = Requests([0.0, 0.5], [10, 20], [5, 5])
    >>> r.n, r.routing_tokens.tolist()
    (2, [15, 25])
    """

    arrival_s: NDArray[np.float64]
    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    routing_tokens: NDArray[np.int64] | None = None
    label: NDArray[np.int64] | None = None
    hold_s: NDArray[np.float64] | None = None
    prefill_s: NDArray[np.float64] | None = None
    prefix: PrefixBlocks | None = None

    def __post_init__(self) -> None:
        t = np.asarray(self.arrival_s, dtype=np.float64)
        if t.ndim != 1:
            raise InputError("arrival_s must be one-dimensional")
        n = t.size
        if not np.isfinite(t).all() or (n and t.min() < 0):
            raise InputError("arrival_s must be finite and >= 0")
        if n > 1 and (np.diff(t) < 0).any():
            raise InputError("arrival_s must be non-decreasing (sort the requests first)")
        # writable arrays (a read-only one, e.g. a trace's, would compile another kernel)
        object.__setattr__(self, "arrival_s", np.require(t, requirements="W"))
        for nm in ("prompt_tokens", "output_tokens"):
            a = _int_array(nm, getattr(self, nm), n)
            assert a is not None
            if n and a.min() < 1:
                raise InputError(f"{nm} must be >= 1, got {a.min()}")
            object.__setattr__(self, nm, np.require(a, requirements="W"))
        rt = _int_array("routing_tokens", self.routing_tokens, n)
        if rt is None:
            rt = self.prompt_tokens + self.output_tokens
        object.__setattr__(self, "routing_tokens", rt)
        object.__setattr__(self, "label", _int_array("label", self.label, n))
        if self.prefix is not None and (not isinstance(self.prefix, PrefixBlocks)
                                        or self.prefix.n != n):
            raise InputError(f"prefix must be PrefixBlocks of {n} requests")
        if self.prefill_s is not None and self.hold_s is None:
            raise InputError("prefill_s needs hold_s")
        if self.hold_s is not None:
            arrs = {}
            for nm in ("hold_s", "prefill_s"):
                v = getattr(self, nm)
                a = np.zeros(n) if v is None else np.asarray(v, dtype=np.float64)
                if a.shape != (n,) or not np.isfinite(a).all() or (a < 0).any():
                    raise InputError(f"{nm} must be finite, >= 0 and of shape ({n},)")
                arrs[nm] = a
            if (arrs["prefill_s"] > arrs["hold_s"]).any():
                raise InputError("prefill_s must not exceed hold_s")
            for nm, a in arrs.items():
                object.__setattr__(self, nm, a)

    @property
    def n(self) -> int:
        return int(self.arrival_s.size)


def as_fleet(fleet: FleetSpec | PoolSpec | Sequence[PoolSpec]) -> FleetSpec:
    """A :class:`FleetSpec` from a fleet, one pool or a sequence of pools."""
    if isinstance(fleet, FleetSpec):
        return fleet
    if isinstance(fleet, PoolSpec):
        return FleetSpec((fleet,))
    if isinstance(fleet, Sequence):
        return FleetSpec(tuple(fleet))
    raise InputError(f"fleet must be a FleetSpec or PoolSpecs, got {type(fleet).__name__}")
