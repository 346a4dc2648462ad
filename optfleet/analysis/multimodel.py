"""Multi-model fleets: N pools serving several models, simulated at the engine level.

Every model has its own workload (length CDF), Poisson rate and SLO; every pool serves one model
(GPU type, tensor parallelism, replicas, max_ctx).  Requests of a model are labelled with one of
that model's pools and routed there by the simulator's ``label`` router.  Balancing among a
model's pools is static: each request picks a pool at random with probability proportional to
the pool's ``replicas`` (``balance: replicas``) or its ``replicas x slots`` (``balance:
capacity``).  Requests longer than their pool's ``max_ctx`` are rejected (and count as SLO misses).

Arrivals of each model are a Poisson process over a common window ``T = n_requests / sum of
rates``; the simulated time is bounded (``horizon_s = 2 T + 300``: requests still running then are
unfinished and count as misses), so a badly overloaded fleet cannot hang the run.  Per-model
metrics (P50/P99 TTFT, P99 TPOT, SLO attainment against the model's own SLO, throughput) are
computed per replication from the request records and carry 95 % t-intervals over replications;
per-pool metrics come from the simulator's pool statistics plus the owning model's SLO attainment.

Example file (``data/examples/multi_model.fleet.yaml``)::

    models:
      - {name: llama-3.1-8b, workload: {kind: cdf, name: azure}, rate_per_s: 30,
         slo: {ttft_p99_s: 0.5}}
    pools:
      - {name: llama-h100, model: llama-3.1-8b, gpu: H100-SXM, replicas: 3,
         max_ctx_tokens: 16384}

Examples
--------
>>> cfg = MultiModelFleet(
...     models=[{"name": "llama-3.1-8b", "rate_per_s": 5, "slo": {"ttft_p99_s": 0.5}}],
...     pools=[{"model": "llama-3.1-8b", "gpu": "H100-SXM", "replicas": 1,
...             "max_ctx_tokens": 16384}])
>>> r = simulate_multi_model(cfg, n_requests=500, replications=2)
>>> r.models[0].name, r.models[0].arrivals > 0
('llama-3.1-8b', True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from optfleet.analysis.multimodel_records import ReplicationRecords
from optfleet.errors import InputError
from optfleet.scenario import (
    SLO,
    CDFWorkload,
    Frozen,
    NonNegInt,
    PositiveFloat,
    PositiveInt,
    ServingConfig,
    WorkloadSpec,
    read_mapping,
    validate_model,
)
from optfleet.scenario.limits import check

__all__ = [
    "ModelTraffic",
    "ModelStats",
    "MultiModelFleet",
    "MultiModelPool",
    "MultiModelResult",
    "PoolStats",
    "load_multi_model_fleet",
    "simulate_multi_model",
]


class ModelTraffic(Frozen):
    """One model's traffic: catalog model name, workload, Poisson rate and SLO."""

    name: str
    workload: WorkloadSpec = CDFWorkload(name="azure")
    rate_per_s: PositiveFloat
    slo: SLO = SLO(ttft_p99_s=0.5)


class MultiModelPool(Frozen):
    """One pool: serves ``model`` on ``replicas`` replicas of ``gpu`` (tp GPUs each)."""

    name: str | None = None
    model: str
    gpu: str
    replicas: PositiveInt
    max_ctx_tokens: PositiveInt
    tensor_parallel_size: PositiveInt | None = None
    profile: Path | None = None
    """A calibrated profile file (``optfleet calibrate``) for this pool's replicas."""


class MultiModelFleet(Frozen):
    """A multi-model fleet file: models with traffic, pools serving them."""

    name: str = "multi-model fleet"
    preset: Literal["default"] = "default"
    serving: ServingConfig = ServingConfig()
    models: tuple[ModelTraffic, ...]
    pools: tuple[MultiModelPool, ...]
    balance: Literal["replicas", "capacity"] = "replicas"
    balancer: Literal["jsq", "power_of_two", "round_robin", "random"] = "jsq"
    prices_usd_per_hour: dict[str, PositiveFloat] = {}
    seed: NonNegInt = 0

    def model_post_init(self, _ctx: Any) -> None:
        names = [m.name for m in self.models]
        if not names:
            raise ValueError("models must not be empty")
        if len(set(names)) != len(names):
            raise ValueError(f"model names must be unique, got {names}")
        if not self.pools:
            raise ValueError("pools must not be empty")
        for i, p in enumerate(self.pools):
            if p.model not in names:
                raise ValueError(f"pools[{i}].model {p.model!r} is not one of the models {names}")
        served = {p.model for p in self.pools}
        orphan = [n for n in names if n not in served]
        if orphan:
            raise ValueError(f"models without a pool: {orphan}")
        pnames = [p.name or f"pool{i}" for i, p in enumerate(self.pools)]
        if len(set(pnames)) != len(pnames):
            raise ValueError(f"pool names must be unique, got {pnames}")


def load_multi_model_fleet(path: str | Path) -> MultiModelFleet:
    """Load a :class:`MultiModelFleet` from YAML or JSON (raises InputError when invalid)."""
    from optfleet._data import input_path

    p = input_path(path)
    cfg = validate_model(MultiModelFleet, read_mapping(p), f"multi-model fleet file {p}")
    models = []
    for m in cfg.models:
        w = m.workload
        if getattr(w, "path", None) is not None and not w.path.is_absolute():  # type: ignore[union-attr]
            m = m.model_copy(update={"workload": w.model_copy(update={"path": p.parent / w.path})})  # type: ignore[union-attr]
        models.append(m)
    pools = tuple(
        pc.model_copy(update={"profile": p.parent / pc.profile})
        if pc.profile is not None and not pc.profile.is_absolute() else pc
        for pc in cfg.pools
    )
    return cfg.model_copy(update={"models": tuple(models), "pools": pools})


@dataclass(frozen=True)
class ModelStats:
    """Per-model simulated metrics (Estimates over replications)."""

    name: str
    rate_per_s: float
    ttft_slo_s: float
    tpot_slo_s: float | None
    pools: tuple[str, ...]
    arrivals: int
    rejected: int
    unfinished: int
    ttft_p50_s: Any
    ttft_p99_s: Any
    tpot_p99_s: Any
    slo_attainment: Any
    throughput_per_s: Any

    @property
    def slo_met(self) -> bool:
        """P99 TTFT (and TPOT if set) point estimates within the model's SLO."""
        ok = self.ttft_p99_s.value <= self.ttft_slo_s
        if self.tpot_slo_s is not None:
            ok = ok and self.tpot_p99_s.value <= self.tpot_slo_s
        return bool(ok)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            out[k] = v.to_dict() if hasattr(v, "to_dict") else (list(v) if isinstance(v, tuple)
                                                                 else v)
        out["slo_met"] = self.slo_met
        return out


@dataclass(frozen=True)
class PoolStats:
    """One pool: its configuration, the simulator's statistics and the model-SLO attainment."""

    name: str
    model: str
    gpu: str
    replicas: int
    gpus: int
    cost_usd_per_hour: float
    slo_attainment: Any
    sim: Any  # optfleet.sim.GroupStats

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "model": self.model,
            "gpu": self.gpu,
            "replicas": self.replicas,
            "gpus": self.gpus,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "slo_attainment": self.slo_attainment.to_dict(),
            "sim": self.sim.to_dict(),
        }


@dataclass(frozen=True)
class MultiModelResult:
    """Result of :func:`simulate_multi_model`."""

    name: str
    level: str
    n_requests: int
    replications: int
    duration_s: float
    cost_usd_per_hour: float
    models: tuple[ModelStats, ...]
    pools: tuple[PoolStats, ...]
    events: int

    @property
    def all_slos_met(self) -> bool:
        return all(m.slo_met for m in self.models)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "level": self.level,
            "n_requests": self.n_requests,
            "replications": self.replications,
            "duration_s": self.duration_s,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "all_slos_met": self.all_slos_met,
            "events": self.events,
            "models": [m.to_dict() for m in self.models],
            "pools": [p.to_dict() for p in self.pools],
        }


def simulate_multi_model(
    cfg: MultiModelFleet,
    *,
    n_requests: int = 20_000,
    replications: int = 3,
    seed: int | None = None,
    warmup_fraction: float = 0.1,
) -> MultiModelResult:
    """Simulate a multi-model fleet at the engine level (see the module docstring).

    Parameters
    ----------
    cfg
        The fleet.
    n_requests
        Expected requests per replication over all models (sets the window length).
    replications
        Independent replications (>= 2 for confidence intervals).
    seed
        Seed (default ``cfg.seed``); replication ``k`` uses ``SeedSequence(seed).spawn(n)[k]``.
    warmup_fraction
        Share of the first arrivals excluded from the statistics.
    """
    from optfleet.sim import FleetSpec, RouterSpec, simulate
    from optfleet.workloads import load_workload

    if not isinstance(cfg, MultiModelFleet):
        raise InputError(f"cfg must be a MultiModelFleet, got {type(cfg).__name__}")
    if check("sim_requests", "n_requests", n_requests) < 10:
        raise InputError(f"n_requests must be an integer >= 10, got {n_requests!r}")
    replications = check("replications", "replications", replications)
    seed = cfg.seed if seed is None else check("seed", "seed", seed)
    specs = _pool_specs(cfg)
    fleet = FleetSpec(tuple(specs))
    models = cfg.models
    mixes = [load_workload(m.workload).mix for m in models]
    total_rate = sum(m.rate_per_s for m in models)
    duration = n_requests / total_rate
    pool_ids, pool_w = _pool_choice(cfg, specs)
    drawn: list[tuple[np.ndarray, np.ndarray]] = []  # (arrival_s, model index) per replication
    workload = _labelled_workload(models, mixes, duration, pool_ids, pool_w, drawn)
    router = RouterSpec("label", label_pools={i: s.name for i, s in enumerate(specs)})
    res = simulate(fleet, workload, level="engine", n_requests=n_requests, seed=seed,
                   replications=replications, warmup_fraction=warmup_fraction, router=router,
                   balancer=cfg.balancer, record=True, horizon_s=2.0 * duration + 300.0)
    records = res.records or ()
    # per replication, per model / per pool numbers
    per_model: list[list[dict[str, float]]] = [[] for _ in models]
    per_pool_slo: list[list[float]] = [[] for _ in specs]
    counts = [{"arrivals": 0, "rejected": 0, "unfinished": 0} for _ in models]
    model_of_pool = [next(k for k, m in enumerate(models) if m.name == pc.model)
                     for pc in cfg.pools]
    for rec in records:
        r = ReplicationRecords.from_record(rec, drawn)
        for k, m in enumerate(models):
            for key, v in r.model_counts(k).items():
                counts[k][key] += v
            per_model[k].append(r.model_metrics(k, m.slo))
        for j in range(len(specs)):
            per_pool_slo[j].append(r.pool_slo(j, models[model_of_pool[j]].slo))
    return MultiModelResult(
        name=cfg.name,
        level="engine",
        n_requests=n_requests,
        replications=replications,
        duration_s=duration,
        cost_usd_per_hour=fleet.cost_usd_per_hour,
        models=_model_stats(models, specs, pool_ids, counts, per_model),
        pools=_pool_stats(cfg, specs, per_pool_slo, res),
        events=int(res.events),
    )


def _pool_specs(cfg: MultiModelFleet) -> list[Any]:
    """The simulator's pool of every pool of the file (computed profiles, or the pool's
    calibrated profile file)."""
    from optfleet.physics import computed_profile
    from optfleet.physics.fitted import load_profile_use, profile_from_file
    from optfleet.scenario.catalog import get_gpu, resolve_model
    from optfleet.sim import PoolSpec

    specs: list[PoolSpec] = []
    for i, pc in enumerate(cfg.pools):
        serving = cfg.serving
        if pc.tensor_parallel_size is not None:
            serving = serving.model_copy(update={"tensor_parallel_size": pc.tensor_parallel_size})
        price = cfg.prices_usd_per_hour.get(pc.gpu)
        gpu = get_gpu(pc.gpu, price_usd_per_hour=price)
        if pc.profile is None:
            prof = computed_profile(gpu, resolve_model(pc.model), serving)
        else:
            pf, use = load_profile_use(pc.gpu, pc.profile)
            prof = profile_from_file(pf, gpu, resolve_model(pc.model), serving, use)
        specs.append(PoolSpec(prof, pc.replicas, pc.max_ctx_tokens, pc.name or f"pool{i}"))
    return specs


def _pool_choice(
    cfg: MultiModelFleet, specs: list[Any]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per model: the indices of its pools and the probability of a request picking each."""
    pool_ids: list[np.ndarray] = []
    pool_w: list[np.ndarray] = []
    for m in cfg.models:
        ids = np.array([i for i, p in enumerate(cfg.pools) if p.model == m.name], dtype=np.int64)
        if cfg.balance == "replicas":
            w = np.array([specs[i].replicas for i in ids], dtype=np.float64)
        else:
            w = np.array([specs[i].replicas * specs[i].slots_at("engine") for i in ids], float)
        pool_ids.append(ids)
        pool_w.append(w / w.sum())
    return pool_ids, pool_w


def _labelled_workload(
    models: tuple[ModelTraffic, ...],
    mixes: list[Any],
    duration: float,
    pool_ids: list[np.ndarray],
    pool_w: list[np.ndarray],
    drawn: list[tuple[np.ndarray, np.ndarray]],
) -> Callable[[Any, np.random.Generator], Any]:
    """The simulator's workload callback: every model's Poisson arrivals over ``duration``,
    each request labelled with a pool of its model; appends ``(arrival_s, model index)`` of
    every replication to ``drawn``."""
    from optfleet.scenario import PoissonArrivals
    from optfleet.sim import Requests
    from optfleet.workloads import arrival_times

    def workload(_n: Any, rng: np.random.Generator) -> Requests:
        ts, ps, os_, labs, mods = [], [], [], [], []
        for k, m in enumerate(models):
            t = arrival_times(PoissonArrivals(rate_per_s=m.rate_per_s), horizon_s=duration,
                              seed=rng)
            pr, out, _ = mixes[k].sample(t.size, seed=rng)
            lab = pool_ids[k][rng.choice(pool_ids[k].size, size=t.size, p=pool_w[k])]
            ts.append(t)
            ps.append(pr)
            os_.append(out)
            labs.append(lab)
            mods.append(np.full(t.size, k, dtype=np.int64))
        t = np.concatenate(ts)
        order = np.argsort(t, kind="stable")
        req = Requests(t[order], np.concatenate(ps)[order], np.concatenate(os_)[order],
                       label=np.concatenate(labs)[order])
        drawn.append((req.arrival_s, np.concatenate(mods)[order]))
        return req

    return workload


def _model_stats(
    models: tuple[ModelTraffic, ...],
    specs: list[Any],
    pool_ids: list[np.ndarray],
    counts: list[dict[str, int]],
    per_model: list[list[dict[str, float]]],
) -> tuple[ModelStats, ...]:
    from optfleet.sim.results import Estimate

    def est(k: int, key: str) -> Any:  # a share's interval on the logit scale, in [0, 1]
        return Estimate.from_samples([r[key] for r in per_model[k]],
                                     scale="logit" if key == "slo" else "auto")

    return tuple(
        ModelStats(
            name=m.name,
            rate_per_s=float(m.rate_per_s),
            ttft_slo_s=float(m.slo.ttft_p99_s),
            tpot_slo_s=None if m.slo.tpot_p99_s is None else float(m.slo.tpot_p99_s),
            pools=tuple(specs[i].name for i in pool_ids[k]),
            arrivals=counts[k]["arrivals"],
            rejected=counts[k]["rejected"],
            unfinished=counts[k]["unfinished"],
            ttft_p50_s=est(k, "p50"),
            ttft_p99_s=est(k, "p99"),
            tpot_p99_s=est(k, "tpot99"),
            slo_attainment=est(k, "slo"),
            throughput_per_s=est(k, "thr"),
        )
        for k, m in enumerate(models)
    )


def _pool_stats(
    cfg: MultiModelFleet, specs: list[Any], per_pool_slo: list[list[float]], res: Any
) -> tuple[PoolStats, ...]:
    from optfleet.sim.results import Estimate

    return tuple(
        PoolStats(
            name=s.name,
            model=cfg.pools[j].model,
            gpu=s.profile.gpu,
            replicas=s.replicas,
            gpus=s.gpus,
            cost_usd_per_hour=s.cost_usd_per_hour,
            slo_attainment=Estimate.from_samples(per_pool_slo[j], scale="logit"),
            sim=res.pool(s.name),
        )
        for j, s in enumerate(specs)
    )
