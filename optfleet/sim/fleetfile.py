"""Fleet files: a fixed fleet to simulate, described in YAML or JSON (``optfleet simulate``).

A fleet file names its pools (GPU type, replicas, max_ctx, optional tensor parallelism and
model), the workload, arrival process, router, balancer, SLO and optional failures::

    preset: default
    model: llama-3.1-8b
    workload: {kind: cdf, name: agent_heavy}
    rate_per_s: 20
    slo: {ttft_p99_s: 1.0}
    router: {kind: threshold}
    balancer: jsq
    pools:
      - {name: short, gpu: H100-SXM, replicas: 2, max_ctx_tokens: 4096}
      - {name: long, gpu: H100-SXM, replicas: 23, max_ctx_tokens: 65536}

Examples
--------
>>> from optfleet.sim.fleetfile import FleetConfig, build_simulation
>>> cfg = FleetConfig(pools=[{"gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 8192}],
...                   rate_per_s=5)
>>> sim = build_simulation(cfg)
>>> sim.fleet.replicas
2
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import model_validator

from optfleet.errors import InputError
from optfleet.scenario import (
    SLO,
    CDFWorkload,
    Frozen,
    ModelSpec,
    PositiveFloat,
    ServingConfig,
    SimArrivalSpec,
    WorkloadSpec,
    read_mapping,
    validate_model,
)
from optfleet.scenario.checks import unknown_keys_message
from optfleet.scenario.files import resolve_file_paths
from optfleet.scenario.limits import (
    Gamma,
    NonNegFloat,
    PositiveReplicas,
    RatePerS,
    Seed,
    Share01,
    TensorParallel,
    Tokens,
)
from optfleet.scenario.prefix import PrefixCaching, check_prefix_caching
from optfleet.scenario.presets import get_preset


class PoolConfig(Frozen):
    """One simulated pool."""

    name: str | None = None
    gpu: str
    replicas: PositiveReplicas
    max_ctx_tokens: Tokens
    tensor_parallel_size: TensorParallel | None = None
    model: str | ModelSpec | None = None
    profile: Path | None = None


class RouterConfig(Frozen):
    """Routing between pools (see :class:`optfleet.sim.RouterSpec`)."""

    kind: Literal[
        "threshold", "compress_and_route", "random", "least_loaded", "spillover", "label"
    ] = "threshold"
    thresholds: tuple[Tokens, ...] | None = None
    gamma: Gamma = 1.0
    share: Share01 = 0.75
    weights: tuple[NonNegFloat, ...] | None = None


class FailureConfig(Frozen):
    """Replica failures: exponential time to failure and repair (seconds)."""

    mttf_s: PositiveFloat
    mttr_s: PositiveFloat


class FleetConfig(Frozen):
    """A fixed fleet plus the traffic to simulate it under."""

    name: str = "fleet"
    preset: str = "default"
    model: str | ModelSpec = "llama-3.1-8b"
    serving: ServingConfig = ServingConfig()
    workload: WorkloadSpec = CDFWorkload(name="azure")
    arrivals: SimArrivalSpec | None = None
    rate_per_s: RatePerS = 10.0
    slo: SLO = SLO(ttft_p99_s=0.5)
    router: RouterConfig = RouterConfig()
    balancer: Literal["jsq", "power_of_two", "round_robin", "random", "cache_affinity"] = "jsq"
    pools: tuple[PoolConfig, ...]
    failures: FailureConfig | None = None
    prices_usd_per_hour: dict[str, NonNegFloat] = {}
    profiles: dict[str, Path] = {}
    seed: Seed = 0
    prefix_caching: PrefixCaching | None = None
    """Every pool caches prompt prefixes (engine level, paged KV) and the requests carry their
    prompt blocks from the reuse source; the balancer is ``prefix_caching.router``
    (:mod:`optfleet.scenario.prefix`)."""

    @model_validator(mode="after")
    def _names(self) -> FleetConfig:
        check_prefix_caching(self)
        if self.prefix_caching is not None and self.balancer not in (
                "jsq", self.prefix_caching.router):
            raise ValueError(f"balancer {self.balancer!r} with prefix_caching: the balancer is "
                             "prefix_caching.router (cache_affinity or jsq)")
        gpus = list(dict.fromkeys(p.gpu for p in self.pools))
        msg = unknown_keys_message("prices_usd_per_hour", self.prices_usd_per_hour, gpus,
                                   "the pools' GPU types")
        if msg:
            raise ValueError(msg)
        msg = unknown_keys_message("profiles", self.profiles, gpus, "the pools' GPU types")
        if msg:
            raise ValueError(msg)
        names = [p.name for p in self.pools if p.name is not None]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"pool names must be unique, repeated: {dup}")
        return self


def load_fleet(path: str | Path) -> FleetConfig:
    """Load a :class:`FleetConfig` from YAML or JSON (relative paths: against the file)."""
    from optfleet._data import input_path

    p = input_path(path)
    cfg = validate_model(FleetConfig, read_mapping(p), f"fleet file {p}")
    base = p.resolve().parent
    cfg = resolve_file_paths(cfg, base)
    pools = tuple(resolve_file_paths(pc, base) for pc in cfg.pools)
    return cfg.model_copy(update={"pools": pools})


@dataclass(frozen=True)
class Simulation:
    """Everything :func:`optfleet.sim.simulate` needs for a fleet file."""

    fleet: Any  # FleetSpec
    mix: Any  # RequestMix
    arrivals: Any
    router: Any  # RouterSpec
    balancer: str
    slo: SLO
    failures: Any
    seed: int


def pool_profile(cfg: FleetConfig, pc: PoolConfig, preset: Any) -> Any:
    """The replica profile of one pool of a fleet file: the pool's calibrated profile file, else
    the fleet's for its GPU type, else computed (or the reference's constants, per the preset).
    """
    from optfleet.physics import calibrated_profile, computed_profile
    from optfleet.physics.fitted import load_profile_use, profile_from_file
    from optfleet.scenario.catalog import get_gpu, resolve_model

    price = cfg.prices_usd_per_hour.get(pc.gpu)
    path = pc.profile if pc.profile is not None else cfg.profiles.get(pc.gpu)
    if preset.profile_set == "calibrated":
        if path is not None:
            raise InputError(
                f"preset {preset.name!r} uses the reference planner's constants; a calibrated "
                f"profile ({path}) needs a preset that computes profiles"
            )
        return calibrated_profile(pc.gpu, price_usd_per_hour=price)
    serving = cfg.serving.model_copy(update={"kv_policy": preset.kv_policy})
    if pc.tensor_parallel_size is not None:
        serving = serving.model_copy(update={"tensor_parallel_size": pc.tensor_parallel_size})
    model = resolve_model(pc.model if pc.model is not None else cfg.model)
    gpu = get_gpu(pc.gpu, price_usd_per_hour=price)
    if path is None:
        return computed_profile(gpu, model, serving)
    pf, use = load_profile_use(pc.gpu, path)
    return profile_from_file(pf, gpu, model, serving, use)


def build_simulation(cfg: FleetConfig) -> Simulation:
    """Resolve profiles (per the preset) and the workload of a fleet file."""
    from optfleet.sim import FailureSpec, FleetSpec, PoolSpec, RouterSpec
    from optfleet.workloads import load_workload

    preset = get_preset(cfg.preset)
    src = _reuse_source(cfg)
    pools = []
    for i, pc in enumerate(cfg.pools):
        prof = pool_profile(cfg, pc, preset)
        pools.append(
            PoolSpec(
                prof, pc.replicas, pc.max_ctx_tokens, pc.name or f"pool{i}", preset.service_model,
                prefix_caching=src is not None and src.enabled,
            )
        )
    r = cfg.router
    router = RouterSpec(
        r.kind, thresholds=r.thresholds, gamma=r.gamma, share=r.share, weights=r.weights
    )
    failures = (
        None if cfg.failures is None else FailureSpec(cfg.failures.mttf_s, cfg.failures.mttr_s)
    )
    arrivals = cfg.arrivals if cfg.arrivals is not None else float(cfg.rate_per_s)
    workload = load_workload(cfg.workload).mix if src is None else None
    if src is not None:
        workload, arrivals = _PrefixRequests(src, arrivals), _closed_only(arrivals)
    return Simulation(
        FleetSpec(tuple(pools)),
        workload,
        arrivals,
        router,
        cfg.balancer if src is None else src.balancer,
        cfg.slo,
        failures,
        cfg.seed,
    )


def _reuse_source(cfg: FleetConfig) -> Any:
    """The fleet's :class:`~optfleet.workloads.prefix_source.ReuseSource` (None without
    ``prefix_caching``); the parametric model's conversations fit the longest pool."""
    if cfg.prefix_caching is None:
        return None
    from types import SimpleNamespace

    from optfleet.workloads import load_workload
    from optfleet.workloads.prefix_source import prefix_workload

    like = SimpleNamespace(
        prefix_caching=cfg.prefix_caching, preset=cfg.preset, disaggregation="off",
        long_max_ctx_tokens=max(p.max_ctx_tokens for p in cfg.pools), max_rejected_share=1.0,
        seed=cfg.seed, workload=cfg.workload)
    return prefix_workload(like, load_workload(cfg.workload)).prefix


def _closed_only(arrivals: Any) -> Any:
    """A closed loop stays the simulator's; an open process is drawn with the requests."""
    from optfleet.scenario import ClosedLoopClients

    return arrivals if isinstance(arrivals, ClosedLoopClients) else None


@dataclass(frozen=True)
class _PrefixRequests:
    """``(n, rng) -> Requests``: the reuse source's requests in order with their prompt blocks,
    arriving by the fleet's open process (a closed loop sends them itself)."""

    source: Any
    arrivals: Any

    def __call__(self, n: int, rng: Any) -> Any:
        from optfleet.scenario import ClosedLoopClients, PoissonArrivals
        from optfleet.sim import Requests
        from optfleet.workloads import arrival_times

        prompt, output, blocks = self.source.draw(n, rng)
        a = self.arrivals
        if isinstance(a, ClosedLoopClients):
            t = np.zeros(n)
        else:
            spec = PoissonArrivals(rate_per_s=a) if isinstance(a, float) else a
            t = arrival_times(spec, n=n, seed=rng)
        return Requests(t, prompt, output, prefix=blocks)


def simulate_fleet(
    cfg: FleetConfig,
    *,
    level: str = "engine",
    n_requests: int = 20_000,
    replications: int = 3,
    seed: int | None = None,
    record: bool = False,
    executor: Any = None,
) -> Any:
    """Simulate the fleet of a fleet file; returns a :class:`optfleet.sim.SimResult`."""
    from optfleet.sim import simulate

    s = build_simulation(cfg)
    return simulate(
        s.fleet,
        s.mix,
        s.arrivals,
        level=level,
        n_requests=n_requests,
        seed=s.seed if seed is None else seed,
        replications=replications,
        router=s.router,
        balancer=s.balancer,
        failures=s.failures,
        slo=s.slo,
        record=record,
        executor=executor,
    )


def load_fleet_spec(path: str | Path) -> Any:
    """The :class:`optfleet.sim.FleetSpec` of a fleet file: its pools, profiles resolved per its
    preset (see :func:`build_simulation`).

    Examples
    --------
    >>> from optfleet._data import data_path
    >>> load_fleet_spec(data_path("examples", "agent_heavy_two_pools.fleet.yaml")).replicas
    25
    """
    return build_simulation(load_fleet(path)).fleet


def preset_protocol(cfg: FleetConfig, level: str) -> str:
    """The protocol the fleet's preset simulates it by at ``level``.

    At the slot level, with a length-CDF workload and Poisson arrivals (traffic the reference
    planner's protocol can replay, see :func:`replay_fleet`), the preset's
    ``slot_verification`` (``"replications"`` or ``"fleet-sim"``); otherwise ``"replications"``
    (:func:`simulate_fleet`).

    Examples
    --------
    >>> cfg = FleetConfig(preset="fleet-sim", rate_per_s=5,
    ...                   pools=[{"gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 8192}])
    >>> preset_protocol(cfg, "slot"), preset_protocol(cfg, "engine")
    ('fleet-sim', 'replications')
    """
    replayable = cfg.workload.kind == "cdf" and (
        cfg.arrivals is None or cfg.arrivals.kind == "poisson"
    )
    return (
        get_preset(cfg.preset).slot_verification
        if level == "slot" and replayable
        else "replications"
    )


def replay_fleet(cfg: FleetConfig, *, n_requests: int = 40_000, seed: int = 42) -> Any:
    """The reference planner's slot-level verification protocol applied to a fleet file.

    See :func:`optfleet.sim.replay.fleet_sim_replay`.  The fleet must be one pool, or two pools
    split by length (the shorter max_ctx is the short pool; ``router.thresholds[0]`` or, if
    absent, the short pool's max_ctx is ``B_short``; a ``compress_and_route`` router supplies
    gamma and share); the workload must be a length CDF and the arrivals Poisson.

    Raises
    ------
    InputError
        For any other fleet, workload or arrival process.

    Examples
    --------
    >>> from optfleet._data import data_path
    >>> cfg = load_fleet(data_path("examples", "agent_heavy_one_pool.fleet.yaml"))
    >>> r = replay_fleet(cfg, n_requests=1000)
    >>> r.pools[0].servers
    384
    """
    from optfleet.errors import InputError
    from optfleet.sim.replay import ReplayPoolSpec, fleet_sim_replay
    from optfleet.workloads import load_workload

    if cfg.workload.kind != "cdf":
        raise InputError("the fleet-sim protocol needs a length-CDF workload")
    if cfg.arrivals is not None and cfg.arrivals.kind != "poisson":
        raise InputError("the fleet-sim protocol simulates Poisson arrivals only")
    if not 1 <= len(cfg.pools) <= 2:
        raise InputError(
            f"the fleet-sim protocol simulates one or two pools, got {len(cfg.pools)}"
        )
    sim = build_simulation(cfg)
    specs = sorted(zip(cfg.pools, sim.fleet.pools, strict=True), key=lambda x: x[0].max_ctx_tokens)
    r = cfg.router
    threshold = None
    gamma, share = 1.0, 0.75
    if len(specs) == 1:
        roles = ["all"]
    else:
        roles = ["short", "long"]
        threshold = int(r.thresholds[0]) if r.thresholds else int(specs[0][0].max_ctx_tokens)
        if r.kind == "compress_and_route":
            gamma, share = float(r.gamma), float(r.share)
        elif r.kind != "threshold":
            raise InputError(
                f"the fleet-sim protocol routes by length; router {r.kind!r} is not supported"
            )
    rate = float(cfg.rate_per_s if cfg.arrivals is None else cfg.arrivals.rate_per_s)
    pools = [
        ReplayPoolSpec(role, pc.gpu, ps.profile, pc.replicas, pc.max_ctx_tokens)
        for role, (pc, ps) in zip(roles, specs, strict=True)
    ]
    return fleet_sim_replay(
        load_workload(cfg.workload).cdf,
        pools,
        rate_per_s=rate,
        threshold_tokens=threshold,
        gamma=gamma,
        compress_share=share,
        prompt_fraction=cfg.workload.split.prompt_fraction,
        slo_ttft_p99_s=cfg.slo.ttft_p99_s,
        n_requests=n_requests,
        seed=seed,
    )
