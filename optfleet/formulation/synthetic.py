"""Synthetic planning problems and a brute-force reference solver.

These exist for tests, the conformance instances (``solvers/instances``) and the benchmark
(``benchmarks/formulation.py``); the planner never uses them.

* :func:`synthetic_table` - ``Lambda[k] = max(0, k mu - beta sqrt(k mu))`` (square-root staffing:
  capacity per replica grows with the pool, as Erlang-C tables do), optionally with random
  non-convex bumps;
* :func:`random_problem` - small random problems for the brute-force tests;
* :func:`fleet_problem` - the benchmark grid: 3 GPU types x thresholds x gammas x 2 pools plus
  the one-pool layout, with realistic tables;
* :func:`brute_force` - exact optimum by enumeration (layouts x per-role count vectors);
* :func:`write_conformance_instances` - the seed files of ``solvers/instances``.

Nothing here solves: the build + solve timings of the benchmark grid (``time_formulation``) are
in ``benchmarks/formulation.py``.

Examples
--------
>>> from optfleet.formulation.synthetic import random_problem, brute_force
>>> p = random_problem(0)
>>> brute_force(p) is None or brute_force(p).cost_usd_per_hour > 0
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from optfleet.formulation.counts import candidate_counts, tail_bound
from optfleet.formulation.model import write_mps
from optfleet.formulation.presolve import count_range
from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import CapacityOption, Layout, Role


def _rng(seed: int | np.random.Generator | np.random.SeedSequence) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def synthetic_table(
    mu_per_s: float,
    k_max: int,
    beta: float = 1.0,
    jitter: float = 0.0,
    seed: int | np.random.Generator | np.random.SeedSequence = 0,
) -> tuple[float, ...]:
    """A capacity table ``Lambda[0..k_max]``: ``max(0, k mu - beta sqrt(k mu))``, non-decreasing.

    ``jitter > 0`` multiplies each increment by a random factor in ``[1 - jitter, 1 + jitter]``
    (so the table is no longer convex) - useful to test the formulation on arbitrary tables.

    Examples
    --------
    >>> [round(v, 2) for v in synthetic_table(4.0, 3)]
    [0.0, 2.0, 5.17, 8.54]
    """
    k = np.arange(k_max + 1, dtype=float)
    lam = np.maximum(0.0, k * mu_per_s - beta * np.sqrt(k * mu_per_s))
    if jitter > 0:
        inc = np.diff(lam) * _rng(seed).uniform(1 - jitter, 1 + jitter, size=k_max)
        lam = np.concatenate([[0.0], np.cumsum(inc)])
    lam[0] = 0.0
    return tuple(float(v) for v in np.maximum.accumulate(lam))


# --------------------------------------------------------------------------------------------
# Random small problems (for brute force)
# --------------------------------------------------------------------------------------------

_GPU_NAMES = ("A10G", "A100", "H100")


def random_problem(
    seed: int | np.random.Generator | np.random.SeedSequence,
    *,
    n_gpus: int | None = None,
    n_layouts: int | None = None,
    max_count: int = 30,
    split: str = "split",
    constraints: bool = True,
) -> PlanningProblem:
    """A small random problem: 2-3 GPU types, 1-6 layouts of 1-2 roles, tables of length <= 30.

    Prices are in cents (so tie-breaking is on), some tables are jittered (non-convex), some
    roles have a minimum replica count, and - with ``constraints`` - random GPU caps, budget
    and power budget are drawn around a single-type plan's needs (sometimes binding, sometimes
    infeasible).

    Examples
    --------
    >>> p = random_problem(1)
    >>> 2 <= len(p.gpus) <= 3
    True
    """
    rng = _rng(seed)
    J = int(n_gpus or rng.integers(2, 4))
    L = int(n_layouts or rng.integers(1, 7))
    gpus = _GPU_NAMES[:J]
    price = {g: round(float(rng.uniform(0.5, 5.0)), 2) for g in gpus}
    gpr = {g: int(rng.choice([1, 1, 2])) for g in gpus}
    power = {g: float(rng.choice([150, 300, 400, 700])) for g in gpus}
    speed = {g: float(rng.uniform(0.5, 3.0)) for g in gpus}
    layouts = []
    options = []
    for li in range(L):
        n_roles = 1 if li == 0 else int(rng.integers(1, 3))
        roles = []
        for ri in range(n_roles):
            name = "all" if n_roles == 1 else ("short", "long")[ri]
            rate = float(rng.uniform(1.0, 12.0))
            if rng.random() < 0.1 and ri == 1:
                rate = 0.0
            mr = int(rng.integers(0, 8)) if rng.random() < 0.2 else 0
            roles.append(Role(name, rate, mr))
            for g in gpus:
                if rng.random() < 0.15:
                    continue  # no option for this type
                K = int(rng.integers(3, max_count + 1))
                mu = speed[g] * float(rng.uniform(0.5, 1.5))
                table = synthetic_table(
                    mu, K, beta=float(rng.uniform(0.0, 1.5)),
                    jitter=float(rng.choice([0.0, 0.0, 0.5])), seed=rng,
                )
                options.append(CapacityOption(f"L{li}", name, g, table, price[g], gpr[g], power[g]))
        layouts.append(Layout(f"L{li}", tuple(roles), threshold_tokens=1024 * (li + 1)))
    # ensure every role with demand has an option
    have = {(o.layout, o.role) for o in options}
    for lay in layouts:
        for r in lay.roles:
            if r.rate_per_s > 0 and (lay.name, r.name) not in have:
                g = gpus[0]
                options.append(CapacityOption(lay.name, r.name, g,
                                              synthetic_table(speed[g], max_count), price[g],
                                              gpr[g], power[g]))
    kwargs: dict[str, Any] = {}
    if constraints:
        if rng.random() < 0.4:
            g = gpus[int(rng.integers(0, J))]
            kwargs["max_gpus"] = {g: int(rng.integers(0, 16))}
        if rng.random() < 0.3:
            kwargs["budget_usd_per_hour"] = float(rng.uniform(5.0, 60.0))
        if rng.random() < 0.3:
            kwargs["power_budget_w"] = float(rng.uniform(1000.0, 8000.0))
        if rng.random() < 0.2:
            kwargs["min_replicas_per_pool"] = int(rng.integers(1, 6))
    return PlanningProblem(tuple(layouts), tuple(options), split=split, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Brute force
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BruteForcePlan:
    """A plan found by :func:`brute_force` (or listed by :func:`brute_force_plans`)."""

    layout: str
    counts: tuple[tuple[str, str, int], ...]
    cost_usd_per_hour: float
    gpus: int
    power_w: float

    @property
    def sort_key(self) -> tuple[float, int, float]:
        return (round(self.cost_usd_per_hour, 9), self.gpus, round(self.power_w, 6))


def _role_vectors(
    problem: PlanningProblem, layout: str, role: Role, restricted: bool, minimal: bool
) -> tuple[list[str], np.ndarray]:
    """All feasible count vectors of one role: (gpu names, matrix rows = counts per gpu)."""
    opts = [o for o in problem.eligible_options() if o.layout == layout and o.role == role.name]
    if role.rate_per_s <= 0:
        return [o.gpu for o in opts], np.zeros((1, len(opts)), dtype=np.int64)
    need = problem.role_min_replicas(layout, role.name)
    if restricted:
        ranges = [count_range(o, candidate_counts(problem, o), tail_bound(problem, o))
                  for o in opts]
    else:
        ranges = []
        for o in opts:
            top = max(o.max_replicas, need)
            if o.has_tail:  # no type needs more than it takes to serve the role alone
                top = max(o.k_full(role.rate_per_s) or o.max_replicas, need)
            cap = problem.max_gpus.get(o.gpu)
            if cap is not None:
                top = min(top, cap // o.gpus_per_replica)
            ranges.append(np.arange(top + 1, dtype=np.int64))
    if not opts:
        return [], np.zeros((0, 0), dtype=np.int64)
    grids = np.meshgrid(*ranges, indexing="ij")
    vecs = np.stack([g.ravel() for g in grids], axis=1)
    caps = np.zeros(len(vecs))
    for j, o in enumerate(opts):
        caps_j = o.capacities(vecs[:, j])
        if problem.split == "single":
            caps = np.maximum(caps, np.where(vecs[:, j] > 0, caps_j, 0.0))
        else:
            caps += caps_j
    ok = caps >= role.rate_per_s
    if problem.split == "single":
        ok &= (vecs > 0).sum(axis=1) == 1
    ok &= vecs.sum(axis=1) >= need
    vecs = vecs[ok]
    if minimal and problem.split == "split" and len(vecs):
        feasible = {tuple(v) for v in vecs.tolist()}
        keep = []
        for v in vecs.tolist():
            dominated = False
            for j in range(len(v)):
                if v[j] > 0:
                    w = list(v)
                    w[j] -= 1
                    if tuple(w) in feasible:
                        dominated = True
                        break
            if not dominated:
                keep.append(v)
        vecs = np.array(keep, dtype=np.int64).reshape(-1, len(opts))
    return [o.gpu for o in opts], vecs


def brute_force_plans(
    problem: PlanningProblem, restricted: bool = False, minimal: bool = False
) -> list[BruteForcePlan]:
    """Every feasible plan, sorted by (cost, GPUs, power).

    ``restricted`` enumerates only the model's candidate counts (what top-K ranks);
    otherwise every count ``0..max(K, min_replicas)`` per type (an option with a tail:
    ``0..max(k_full, min_replicas)``, ``k_full`` counted with the tail).  ``minimal`` keeps
    only count vectors from which no replica can be removed (enough for the optimum, since
    every replica costs at least one GPU).
    """
    out: list[BruteForcePlan] = []
    opts = {o.key: o for o in problem.options}
    for lay in problem.layouts:
        per_role = [(r, *_role_vectors(problem, lay.name, r, restricted, minimal))
                    for r in lay.roles]
        if any(r.rate_per_s > 0 and len(v) == 0 for r, _, v in per_role):
            continue
        # combine roles: cost / power / gpus-per-type arrays, broadcast over the product
        cost = np.zeros(1)
        power = np.zeros(1)
        gpu_use: dict[str, np.ndarray] = {}
        choices: list[np.ndarray] = []
        for r, names, vecs in per_role:
            if r.rate_per_s <= 0:
                continue
            c = sum(vecs[:, j] * opts[(lay.name, r.name, g)].price_usd_per_replica_hour
                    for j, g in enumerate(names))
            w = sum(vecs[:, j] * opts[(lay.name, r.name, g)].replica_power_w
                    for j, g in enumerate(names))
            cost = (cost[:, None] + c[None, :]).ravel()
            power = (power[:, None] + w[None, :]).ravel()
            for g in set(problem.gpus):
                use = np.zeros(len(vecs), dtype=np.int64)
                for j, gg in enumerate(names):
                    if gg == g:
                        use += vecs[:, j] * opts[(lay.name, r.name, g)].gpus_per_replica
                prev = gpu_use.get(g, np.zeros(1, dtype=np.int64))
                gpu_use[g] = (prev[:, None] + use[None, :]).ravel()
            choices.append(vecs)
        total_gpus = sum(gpu_use.values()) if gpu_use else np.zeros(1, dtype=np.int64)
        ok = np.ones(len(cost), dtype=bool)
        for g, cap in problem.max_gpus.items():
            if g in gpu_use:
                ok &= gpu_use[g] <= cap
        if problem.budget_usd_per_hour is not None:
            ok &= cost <= problem.budget_usd_per_hour * (1 + 1e-9)
        if problem.power_budget_w is not None:
            ok &= power <= problem.power_budget_w * (1 + 1e-9)
        shape = [len(v) for v in choices]
        for flat in np.flatnonzero(ok):
            idx = np.unravel_index(flat, shape) if shape else ()
            counts = []
            vi = 0
            for r, names, _ in per_role:
                if r.rate_per_s <= 0:
                    continue
                row = choices[vi][idx[vi]]
                counts.extend((r.name, g, int(n)) for g, n in zip(names, row, strict=True)
                              if n > 0)
                vi += 1
            key = (lay.name, tuple(sorted(counts)))
            if key in problem.forbidden:
                continue
            out.append(BruteForcePlan(lay.name, key[1], float(cost[flat]),
                                      int(np.asarray(total_gpus).ravel()[flat]
                                          if np.ndim(total_gpus) else total_gpus),
                                      float(power[flat])))
    out.sort(key=lambda p: p.sort_key)
    return out


def brute_force(problem: PlanningProblem) -> BruteForcePlan | None:
    """The optimum (cheapest, then fewest GPUs, then least power) by enumeration; None if none.

    Enumerates layouts x, per role, every minimal feasible count vector over all types and
    counts ``0..max(K, min_replicas)`` (``sum_j Lambda_j(n_j) >= lambda`` is exactly the
    condition for feasible shares).  Exponential: small problems only.
    """
    plans = brute_force_plans(problem, restricted=False, minimal=True)
    return plans[0] if plans else None


# --------------------------------------------------------------------------------------------
# The benchmark grid
# --------------------------------------------------------------------------------------------

#: (price USD/h per replica, GPUs per replica, W per replica, requests/s per replica on short
#: requests) - round, realistic numbers for an 8B model.
BENCH_GPUS: dict[str, tuple[float, int, float, float]] = {
    "A10G": (1.01, 1, 300.0, 3.0),
    "A100-80GB": (3.67, 1, 400.0, 9.0),
    "H100-SXM": (4.02, 1, 700.0, 17.0),
}


def fleet_problem(
    rate_per_s: float = 100.0,
    n_thresholds: int = 18,
    n_gammas: int = 11,
    gpus: Sequence[str] = tuple(BENCH_GPUS),
    split: str = "split",
    table_slack: float = 0.25,
    compress_share: float = 0.75,
    **constraints: Any,
) -> PlanningProblem:
    """The benchmark grid: one-pool layout + ``n_thresholds x n_gammas`` two-pool layouts.

    Request lengths follow a log-normal (median 1000 tokens); a pool's per-replica rate falls
    with its mean request length; tables are :func:`synthetic_table` up to
    ``(1 + table_slack) * k_full + 5`` replicas (as a capacity-table builder would stop a little
    past the demand).

    Examples
    --------
    >>> p = fleet_problem(n_thresholds=2, n_gammas=2)
    >>> len(p.layouts), len(p.options)
    (5, 27)
    """
    from scipy.stats import lognorm

    dist = lognorm(s=1.0, scale=1000.0)
    max_ctx = 65536.0
    thresholds = np.geomspace(512, 32768, n_thresholds) if n_thresholds else np.array([])
    gammas = np.linspace(1.0, 2.0, n_gammas) if n_gammas else np.array([])

    def mean_len(lo: float, hi: float) -> float:
        xs = np.geomspace(max(lo, 1.0), hi, 64)
        w = np.diff(dist.cdf(xs))
        mid = np.sqrt(xs[1:] * xs[:-1])
        return float((w * mid).sum() / max(w.sum(), 1e-12))

    def options_for(
        layout: str, role: str, rate: float, mean_tokens: float
    ) -> list[CapacityOption]:
        out = []
        for g in gpus:
            price, gpr, watts, mu_short = BENCH_GPUS[g]
            mu = mu_short * 1000.0 / max(mean_tokens, 200.0)
            kf = math.ceil(rate / mu) + 2
            k_max = int(math.ceil((1 + table_slack) * kf)) + 5
            table = synthetic_table(mu, k_max, beta=1.0)
            while table[-1] < rate:  # make sure the table reaches the demand
                k_max = int(k_max * 1.5) + 1
                table = synthetic_table(mu, k_max, beta=1.0)
            out.append(CapacityOption(layout, role, g, table, price, gpr, watts))
        return out

    layouts = [Layout("one pool", (Role("all", rate_per_s),))]
    options = options_for("one pool", "all", rate_per_s, mean_len(1, max_ctx))
    for t in thresholds:
        for gamma in gammas:
            f_t = float(dist.cdf(t))
            alpha = f_t + compress_share * (float(dist.cdf(min(gamma * t, max_ctx))) - f_t)
            name = f"two pools B={int(t)} gamma={gamma:.1f}"
            short, long_ = alpha * rate_per_s, (1 - alpha) * rate_per_s
            layouts.append(Layout(name, (Role("short", short), Role("long", long_)),
                                  threshold_tokens=int(t), gamma=float(round(gamma, 3))))
            options += options_for(name, "short", short, mean_len(1, t))
            if long_ > 0:
                options += options_for(name, "long", long_, mean_len(t, max_ctx))
    return PlanningProblem(tuple(layouts), tuple(options), split=split, **constraints)  # type: ignore[arg-type]


def write_conformance_instances(
    folder: str | Path, seeds: Sequence[int] = (4, 5, 9), split: str = "split"
) -> list[dict[str, Any]]:
    """Write ``seed<N>.mps`` for small random problems plus ``index.json`` with their optima.

    Each optimum comes from :func:`brute_force` (independent of any solver); the recorded
    ``objective`` is the MIP objective ``cost + gpu_weight * GPUs + power_weight * W`` of the
    exported (unpruned) model.  Seeds whose problem is infeasible are skipped.
    """
    import json

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    for seed in seeds:
        problem = random_problem(seed, split=split)
        best = brute_force(problem)
        if best is None:
            continue
        name = f"seed{seed}.mps"
        model = write_mps(problem, folder / name, prune=False)
        tb = model.tie_break
        objective = (best.cost_usd_per_hour + tb.gpu_weight * best.gpus
                     + tb.power_weight * best.power_w)
        index.append({
            "file": name,
            "objective": objective,
            "cost_usd_per_hour": best.cost_usd_per_hour,
            "gpus": best.gpus,
            "source": f"optfleet.formulation.synthetic.random_problem({seed}, split={split!r})",
            "verified_by": "brute force (optfleet.formulation.synthetic.brute_force)",
        })
    (folder / "index.json").write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    return index


__all__ = [
    "BENCH_GPUS",
    "BruteForcePlan",
    "brute_force",
    "brute_force_plans",
    "fleet_problem",
    "random_problem",
    "synthetic_table",
    "write_conformance_instances",
]
