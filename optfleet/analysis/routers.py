"""One fleet, several routers, side by side (``optfleet compare-routers``).

Each router of :data:`optfleet.sim.ROUTERS` that applies is simulated on the same fleet with the
same seed: every call to :func:`optfleet.sim.simulate` draws a fresh request stream from the
seed, so each router sees the same requests and the result of a router does not depend on which
routers ran before it.  Routers:

* ``threshold`` - by length, at the pools' ``max_ctx`` (or the fleet file's thresholds);
* ``compress_and_route`` - as threshold, plus compression of the band ``(B, gamma B]`` into the
  first pool (the fleet file's gamma if > 1, else 1.5; its share);
* ``random`` - a pool drawn among those a request fits, weights from the fleet file or else
  proportional to the pools' replicas;
* ``least_loaded``, ``spillover`` - load-aware (see :class:`optfleet.sim.RouterSpec`);
* ``label`` - only when ``label_pools`` is given (the requests must carry labels).

Examples
--------
>>> from optfleet.analysis.routers import compare_routers
>>> from optfleet.sim.fleetfile import FleetConfig
>>> cfg = FleetConfig(pools=[{"name": "short", "gpu": "H100-SXM", "replicas": 1,
...                           "max_ctx_tokens": 4096},
...                          {"name": "long", "gpu": "H100-SXM", "replicas": 2,
...                           "max_ctx_tokens": 65536}], rate_per_s=5)
>>> r = compare_routers(cfg, ["threshold", "spillover"], n_requests=500, replications=2)
>>> [run.router for run in r.runs]
['threshold', 'spillover']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from optfleet.analysis.plotting import pyplot
from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario.limits import check

__all__ = ["DEFAULT_ROUTERS", "RouterComparison", "RouterRun", "compare_routers"]

#: The routers compared by default (``label`` needs labelled requests).
DEFAULT_ROUTERS: tuple[str, ...] = (
    "threshold",
    "compress_and_route",
    "random",
    "least_loaded",
    "spillover",
)


@dataclass(frozen=True)
class RouterRun:
    """One router's simulation (``result`` is the full :class:`~optfleet.sim.SimResult`)."""

    router: str
    spec: Any  # optfleet.sim.RouterSpec
    result: Any  # optfleet.sim.SimResult

    @property
    def fleet(self) -> Any:
        return self.result.fleet

    def metrics(self) -> dict[str, Any]:
        """The side-by-side figures: TTFT P50/P99, TPOT P99, attainment, rejected, throughput."""
        f = self.result.fleet
        return {
            "ttft_p50_s": f.ttft.p50.to_dict(),
            "ttft_p99_s": f.ttft.p99.to_dict(),
            "tpot_p99_s": f.tpot.p99.to_dict(),
            "slo_attainment": None if f.slo_attainment is None else f.slo_attainment.to_dict(),
            "rejected": f.rejected,
            "unfinished": f.unfinished,
            "throughput_per_s": f.throughput_per_s.to_dict(),
            "pool_ttft_p99_s": {p.name: p.ttft.p99.to_dict() for p in self.result.pools},
            "pool_arrivals": {p.name: p.arrivals for p in self.result.pools},
        }

    def to_dict(self) -> dict[str, Any]:
        s = self.spec
        return {
            "router": self.router,
            "thresholds": None if s.thresholds is None else list(s.thresholds),
            "gamma": s.gamma,
            "share": s.share,
            "weights": None if s.weights is None else list(s.weights),
            **self.metrics(),
            "slo_met": self.result.slo_met,
        }


@dataclass(frozen=True)
class RouterComparison:
    """The routers of one fleet, simulated on the same request streams."""

    fleet_name: str
    level: str
    n_requests: int
    replications: int
    seed: int
    cost_usd_per_hour: float
    runs: tuple[RouterRun, ...]

    def run(self, router: str) -> RouterRun:
        for r in self.runs:
            if r.router == router:
                return r
        raise UnknownNameError(
            f"router {router!r} was not compared; compared: "
            + ", ".join(r.router for r in self.runs)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "fleet_name": self.fleet_name,
            "level": self.level,
            "n_requests": self.n_requests,
            "replications": self.replications,
            "seed": self.seed,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "routers": [r.to_dict() for r in self.runs],
        }


def _spec_for(kind: str, sim: Any, label_pools: Mapping[Any, str | int] | None) -> Any:
    from optfleet.sim import RouterSpec

    base = sim.router
    if kind == "threshold":
        return RouterSpec("threshold", thresholds=base.thresholds)
    if kind == "compress_and_route":
        gamma = base.gamma if base.gamma > 1 else 1.5
        return RouterSpec(kind, thresholds=base.thresholds, gamma=gamma, share=base.share)
    if kind == "random":
        weights = base.weights or tuple(float(p.replicas) for p in sim.fleet.pools)
        return RouterSpec(kind, weights=weights)
    if kind == "label":
        if not label_pools:
            raise InputError("the label router needs label_pools (label -> pool)")
        return RouterSpec(kind, label_pools=dict(label_pools))
    return RouterSpec(kind)


def compare_routers(
    fleet_config: Any,
    routers: Sequence[str] | None = None,
    *,
    level: str = "engine",
    n_requests: int = 20_000,
    replications: int = 3,
    seed: int | None = None,
    label_pools: Mapping[Any, str | int] | None = None,
) -> RouterComparison:
    """Simulate one fleet under each router, same seed (same requests) for every router.

    Parameters
    ----------
    fleet_config
        A :class:`~optfleet.sim.fleetfile.FleetConfig` (pools, workload, rate, SLO, preset).
    routers
        Router names (default :data:`DEFAULT_ROUTERS`; ``label`` only with ``label_pools``).
    level, n_requests, replications, seed
        Simulation settings (seed default: the fleet file's).
    label_pools
        For the ``label`` router: request label -> pool.

    Examples
    --------
    >>> from optfleet.sim.fleetfile import FleetConfig
    >>> cfg = FleetConfig(pools=[{"gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 16384}],
    ...                   rate_per_s=5)
    >>> r = compare_routers(cfg, ["threshold", "random"], n_requests=400, replications=2)
    >>> r.run("threshold").fleet.arrivals == r.run("random").fleet.arrivals
    True
    """
    from optfleet.sim import LEVELS, ROUTERS, simulate
    from optfleet.sim.fleetfile import build_simulation

    if level not in LEVELS:
        raise UnknownNameError(f"unknown simulation level {level!r}; known: {', '.join(LEVELS)}")
    names = tuple(routers) if routers else DEFAULT_ROUTERS + (("label",) if label_pools else ())
    if not names:
        raise InputError("give at least one router")
    for name in names:
        if name not in ROUTERS:
            raise UnknownNameError(f"unknown router {name!r}; known: {', '.join(ROUTERS)}")
    if len(set(names)) != len(names):
        raise InputError(f"routers must not repeat, got {list(names)}")
    n_requests = check("sim_requests", "n_requests", n_requests)
    replications = check("replications", "replications", replications)
    sim = build_simulation(fleet_config)
    s = sim.seed if seed is None else check("seed", "seed", seed)
    runs = []
    for name in names:
        spec = _spec_for(name, sim, label_pools)
        result = simulate(
            sim.fleet,
            sim.mix,
            sim.arrivals,
            level=level,
            n_requests=n_requests,
            seed=s,
            replications=replications,
            router=spec,
            balancer=sim.balancer,
            failures=sim.failures,
            slo=sim.slo,
        )
        runs.append(RouterRun(name, spec, result))
    return RouterComparison(
        fleet_name=fleet_config.name,
        level=level,
        n_requests=int(n_requests),
        replications=int(replications),
        seed=s,
        cost_usd_per_hour=float(sim.fleet.cost_usd_per_hour),
        runs=tuple(runs),
    )


def plot_routers(result: RouterComparison, path: Any) -> None:
    """Write a PNG: P99 TTFT per router with its 95 % confidence interval."""
    import math

    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 4))
    xs = list(range(len(result.runs)))
    vals, lo, hi = [], [], []
    for r in result.runs:
        e = r.fleet.ttft.p99
        v = e.value * 1000
        vals.append(v)
        lo.append(0.0 if not math.isfinite(e.low) else max(0.0, v - e.low * 1000))
        hi.append(0.0 if not math.isfinite(e.high) else max(0.0, e.high * 1000 - v))
    ax.bar(xs, vals, yerr=[lo, hi], capsize=4, color="C0")
    ax.set_xticks(xs, [r.router for r in result.runs], rotation=20)
    ax.set_ylabel("fleet P99 TTFT (ms)")
    ax.set_title(f"{result.fleet_name}: routers ({result.level} level)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
