"""The time-indexed fleet program: one layout, many periods, capacity bought in tiers
(builds, never solves).

For a layout's roles ``r`` (pool demand shares ``s_r``), eligible GPU types ``j`` with capacity
tables ``Lambda_rj[k]`` (the same tables as the single-period program), periods ``t`` of length
``d_t`` with interactive rate ``lambda_t``, and batch work ``W_b`` requests releasable in periods
``T_b``:

* ``z[t,r,j,k]`` binary, one-hot: ``k`` replicas of ``j`` in pool ``r`` during ``t``;
  ``n[t,r,j] = sum_k k z[t,r,j,k]``;
* ``L[t,r,j] >= 0`` the load sent to ``j``: ``sum_j L[t,r,j] = s_r (lambda_t + sum_b
  beta[b,t])`` and ``L[t,r,j] <= sum_k Lambda_rj[k] z[t,r,j,k]`` (the SLO table);
* ``beta[b,t] >= 0`` the rate of batch work ``b`` placed in ``t in T_b``:
  ``sum_t beta[b,t] d_t = W_b`` (every batch request served before its deadline);
* GPUs per period ``G[t,j] = sum_r g_j n[t,r,j]`` covered by tiers: ``R_j + O[t,j] + S[t,j] >=
  G[t,j]`` with reserved ``R_j`` constant over the horizon, on-demand ``O`` and spot ``S`` per
  period, each capped;
* starts ``u[t,j] >= (O + S)[t,j] - (O + S)[t-1,j]`` (``(O + S)[-1] = 0``), charged the
  per-GPU start cost;
* objective: ``sum_j p^R_j R_j H + sum_t (d_t / 3600) sum_j (p^O_j O[t,j] + p^S_j S[t,j]) +
  sum_t,j c_j u[t,j]`` (prices per GPU-hour; ``H`` the horizon in hours).

Every variable sits in a dict keyed by its domain tuple (``("R", gpu)``, ``("n", t, role,
gpu)``...); :func:`read_schedule` maps a solve's values back by those keys.

Examples
--------
>>> from optfleet.formulation.records import CapacityOption, Layout, Role
>>> lay = Layout("one", (Role("all", 10.0),))
>>> opt = CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0)
>>> hp = HorizonProblem(lay, (opt,), 10.0, (Period("night", 3600, 4.0), Period("day", 3600,
...     10.0)), {"H100": TierPrices(reserved=3.0, on_demand=4.0)})
>>> m = build_horizon_model(hp)
>>> sorted(k for k in m.variables if k[0] == "R")
[('R', 'H100')]
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from optfleet.errors import InputError
from optfleet.formulation._checks import finite_nonneg
from optfleet.formulation.records import CapacityOption, Layout

__all__ = ["BatchWork", "HorizonModel", "HorizonProblem", "Period", "TierPrices",
           "build_horizon_model", "read_schedule"]

TIERS = ("reserved", "on_demand", "spot")


@dataclass(frozen=True)
class Period:
    """One period of the horizon: its label, length (s) and interactive arrival rate."""

    name: str
    duration_s: float
    rate_per_s: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.duration_s) and self.duration_s > 0):
            raise InputError(f"period {self.name!r}: duration_s must be positive, "
                             f"got {self.duration_s!r}")
        finite_nonneg(self.rate_per_s, f"rate_per_s of period {self.name!r}")


@dataclass(frozen=True)
class TierPrices:
    """One GPU type's prices per GPU-hour by tier (None: tier not offered) and caps (GPUs).

    ``start_usd`` is charged per GPU started (on-demand or spot GPUs added from one period to
    the next; cold starts).
    """

    reserved: float | None = None
    on_demand: float | None = None
    spot: float | None = None
    max_reserved: int | None = None
    max_on_demand: int | None = None
    max_spot: int | None = None
    start_usd: float = 0.0

    def __post_init__(self) -> None:
        for k in TIERS:
            v = getattr(self, k)
            if v is not None:
                finite_nonneg(v, f"{k} price")
        if all(getattr(self, k) is None for k in TIERS):
            raise InputError("a GPU type needs a price in at least one tier")
        finite_nonneg(self.start_usd, "start_usd")

    def price(self, tier: str) -> float | None:
        return getattr(self, tier)

    def cap(self, tier: str) -> int | None:
        return getattr(self, f"max_{tier}")


@dataclass(frozen=True)
class BatchWork:
    """Deferrable requests (the interactive mix) served in any period of ``periods``."""

    name: str
    requests: float
    periods: tuple[int, ...]

    def __post_init__(self) -> None:
        finite_nonneg(self.requests, f"requests of batch {self.name!r}")
        if not self.periods:
            raise InputError(f"batch {self.name!r}: no period before its deadline")


@dataclass(frozen=True)
class HorizonProblem:
    """The horizon question for one layout in plain numbers (validated at construction).

    ``peak_rate_per_s`` is the rate the layout's role demands were computed at: a role's demand
    in period ``t`` is ``role.rate_per_s / peak_rate_per_s x`` the period's total rate.  It also
    bounds every period's total rate (interactive plus batch placed): the replica counts
    offered are those up to the one that carries it.
    """

    layout: Layout
    options: tuple[CapacityOption, ...]
    peak_rate_per_s: float
    periods: tuple[Period, ...]
    prices: Mapping[str, TierPrices]
    batch: tuple[BatchWork, ...] = ()
    min_replicas_per_pool: int = 0
    min_replicas_at: Mapping[tuple[int, str], int] = field(default_factory=dict)
    """Least replicas of a pool in a period (verification feeds them back)."""
    max_gpus: Mapping[str, int] = field(default_factory=dict)
    """Most GPUs of a type in service in any period (the scenario's ``constraints.max_gpus``)."""

    def __post_init__(self) -> None:
        if not self.periods:
            raise InputError("the horizon has no period")
        if not (math.isfinite(self.peak_rate_per_s) and self.peak_rate_per_s > 0):
            raise InputError(f"peak_rate_per_s must be positive, got {self.peak_rate_per_s!r}")
        gpus = {o.gpu for o in self.options}
        missing = sorted(gpus - set(self.prices))
        if missing:
            raise InputError(f"no tier prices for GPU types {missing}")
        for b in self.batch:
            bad = [t for t in b.periods if not 0 <= t < len(self.periods)]
            if bad:
                raise InputError(f"batch {b.name!r}: period indices {bad} out of range")
        for o in self.options:
            if o.layout != self.layout.name:
                raise InputError(f"option {o.layout}/{o.role}/{o.gpu} is not of layout "
                                 f"{self.layout.name!r}")

    @property
    def hours(self) -> float:
        return sum(p.duration_s for p in self.periods) / 3600.0


@dataclass
class HorizonModel:
    """The PuLP model and its variables keyed by domain tuples."""

    problem: HorizonProblem
    lp: Any
    variables: dict[Hashable, Any]


def _demand_share(hp: HorizonProblem) -> dict[str, float]:
    return {r.name: r.rate_per_s / hp.peak_rate_per_s for r in hp.layout.roles}


def _counts(o: CapacityOption, peak_demand: float) -> range:
    """Candidate replica counts ``1..k`` of an option: up to the first count whose capacity
    (the table, then its tail) covers the role's largest demand; more is never needed."""
    k = o.k_full(peak_demand)
    return range(1, max(k if k is not None else o.max_replicas, 1) + 1)


def build_horizon_model(hp: HorizonProblem) -> HorizonModel:
    """Build the time-indexed program of :class:`HorizonProblem` (see the module)."""
    import pulp

    lp = pulp.LpProblem("optfleet_horizon", pulp.LpMinimize)
    v: dict[Hashable, Any] = {}
    share = _demand_share(hp)
    periods = range(len(hp.periods))
    top_rate = hp.peak_rate_per_s
    by_role: dict[str, list[CapacityOption]] = {r.name: [] for r in hp.layout.roles}
    for o in hp.options:
        if o.capacity(o.max_replicas + 1) > 0:  # an option that serves nothing is not offered
            by_role[o.role].append(o)
    for b in hp.batch:
        for t in b.periods:
            v[("beta", b.name, t)] = lp.add_variable(f"beta_{len(v)}", 0)
        lp += (pulp.lpSum(v[("beta", b.name, t)] * hp.periods[t].duration_s
                          for t in b.periods) == b.requests, f"batch_{b.name}")
    gpu_terms: dict[tuple[int, str], list[Any]] = {}
    for t in periods:
        for role, opts in by_role.items():
            batch_rate = pulp.lpSum(v[("beta", b.name, t)] for b in hp.batch if t in b.periods)
            load_terms, rep_terms = [], []
            for o in opts:
                ks = _counts(o, share[role] * top_rate)
                fed_k = hp.min_replicas_at.get((t, role), 0)
                if fed_k >= ks.stop:
                    ks = range(1, fed_k + 1)
                z = {k: lp.add_variable(f"z_{len(v)}_{k}", cat="Binary") for k in ks}
                for k in ks:
                    v[("z", t, role, o.gpu, k)] = z[k]
                lp += pulp.lpSum(z.values()) <= 1
                n = pulp.lpSum(k * z[k] for k in ks)
                load = lp.add_variable(f"L_{len(v)}", 0)
                v[("L", t, role, o.gpu)] = load
                lp += load <= pulp.lpSum(o.capacity(k) * z[k] for k in ks)
                load_terms.append(load)
                rep_terms.append(n)
                gpu_terms.setdefault((t, o.gpu), []).append(o.gpus_per_replica * n)
            demand = share[role] * hp.periods[t].rate_per_s
            lp += pulp.lpSum(load_terms) == demand + share[role] * batch_rate
            pool_min = max(hp.min_replicas_per_pool, next(
                r.min_replicas for r in hp.layout.roles if r.name == role))
            if pool_min and (demand > 0 or hp.batch):
                lp += pulp.lpSum(rep_terms) >= pool_min
            fed = hp.min_replicas_at.get((t, role), 0)
            if fed:
                lp += pulp.lpSum(rep_terms) >= fed
    cost = _tiers(lp, v, hp, gpu_terms)
    lp += cost
    return HorizonModel(hp, lp, v)


def _tiers(lp: Any, v: dict[Hashable, Any], hp: HorizonProblem,
           gpu_terms: dict[tuple[int, str], list[Any]]) -> Any:
    """Reserved, on-demand and spot GPUs covering every period's GPUs, and their cost."""
    import pulp

    cost = []
    gpus = sorted({g for _, g in gpu_terms})
    for g in gpus:
        tp = hp.prices[g]
        if tp.reserved is not None:
            v[("R", g)] = lp.add_variable(f"R_{g}", 0, tp.max_reserved, cat="Integer")
            cost.append(tp.reserved * hp.hours * v[("R", g)])
        prev = None
        for t, p in enumerate(hp.periods):
            have = [v[("R", g)]] if ("R", g) in v else []
            rented = []
            for tier, key in (("on_demand", "O"), ("spot", "S")):
                price = tp.price(tier)
                if price is None:
                    continue
                x = lp.add_variable(f"{key}_{g}_{t}", 0, tp.cap(tier), cat="Integer")
                v[(key, t, g)] = x
                cost.append(price * p.duration_s / 3600.0 * x)
                rented.append(x)
            have += rented
            lp += pulp.lpSum(have) >= pulp.lpSum(gpu_terms.get((t, g), [])), f"cover_{g}_{t}"
            if g in hp.max_gpus:
                lp += pulp.lpSum(gpu_terms.get((t, g), [])) <= hp.max_gpus[g], f"cap_{g}_{t}"
            if tp.start_usd > 0 and rented:
                u = lp.add_variable(f"u_{g}_{t}", 0)
                v[("u", t, g)] = u
                lp += u >= pulp.lpSum(rented) - (prev if prev is not None else 0)
                cost.append(tp.start_usd * u)
            prev = pulp.lpSum(rented) if rented else None
    return pulp.lpSum(cost)


def read_schedule(hp: HorizonProblem, values: Mapping[Hashable, float]) -> dict[str, Any]:
    """A solve's values by domain: replicas per (period, role, GPU), loads, batch rates and
    GPUs per tier (integers rounded)."""
    out: dict[str, Any] = {"replicas": {}, "load_per_s": {}, "batch_per_s": {}, "tiers": {},
                           "starts": {}}
    for key, x in values.items():
        kind = key[0]
        if kind == "z" and x > 0.5:
            _, t, role, gpu, k = key
            out["replicas"][(t, role, gpu)] = k
        elif kind == "L":
            out["load_per_s"][key[1:]] = float(x)
        elif kind == "beta":
            out["batch_per_s"][key[1:]] = float(x)
        elif kind in ("R", "O", "S"):
            out["tiers"][key] = int(round(x))
        elif kind == "u":
            out["starts"][key[1:]] = float(x)
    return out
