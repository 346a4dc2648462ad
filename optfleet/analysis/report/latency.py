"""Simulated latency distributions: per-request TTFT and TPOT of each pool, for CDFs.

:class:`LatencySamples` holds the measured requests' latencies (sorted, seconds) of each
simulated pool, read from the simulator's per-request records
(:class:`optfleet.sim.RequestRecords`) with the simulator's own definitions: TTFT ``+inf`` for a
request still waiting for its first token at the end, TPOT of completed requests (engine
level: over ``output - 1`` tokens, requests of one token left out; slot level: over ``output``
tokens).  Quantiles are nearest-rank, as the simulator reports them, so the P99 of a CDF is the
P99 of the same run's statistics.

Three sources:

* :func:`plan_latency` re-simulates a plan's fleet (:func:`optfleet.planning.simulate_plan`,
  its level, its seed, one replication of ``n_requests``);
* :func:`sim_latency` reads a :func:`optfleet.sim.simulate` result run with ``record=True``;
* :func:`gridflex_latency` re-runs the event windows of a grid-flex sweep
  (:func:`optfleet.analysis.gridflex.gridflex`) with the same fleet, window and seed, so each
  depth's CDF has exactly the P99 of its row.

Examples
--------
>>> import optfleet
>>> s = optfleet.Scenario(rate_per_s=10, gpus=("H100-SXM",))
>>> lat = plan_latency(s, optfleet.plan(s, verify=False), n_requests=1000)
>>> lat.pools
('all/H100-SXM',)
>>> 0 < lat.quantile("all/H100-SXM", "ttft", 0.5) < lat.quantile("all/H100-SXM", "ttft", 0.99)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError
from optfleet.scenario import Scenario
from optfleet.scenario.limits import check

__all__ = ["LatencySamples", "gridflex_latency", "plan_latency", "sim_latency"]

#: Requests simulated for a plan's CDFs unless told otherwise: a smooth CDF and, for a pool with
#: a tenth of the traffic, a P99 from ~18 requests above it (the simulator's default run).
DEFAULT_SIM_REQUESTS = 20_000
#: Fewer requests than this leave no useful CDF (a tenth of them warm up).
MIN_SIM_REQUESTS = 200


@dataclass(frozen=True, eq=False)
class LatencySamples:
    """Sorted per-request latencies (seconds) of each simulated pool (see the module docs)."""

    level: str
    n_requests: int
    seed: int
    ttft_s: dict[str, NDArray[np.float64]]
    tpot_s: dict[str, NDArray[np.float64]]
    utilisation: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per pool: the run's time-average ``slot``, ``kv`` and ``busy`` utilisation."""

    @property
    def pools(self) -> tuple[str, ...]:
        return tuple(self.ttft_s)

    def values(self, pool: str, metric: str) -> NDArray[np.float64]:
        """The sorted samples of ``metric`` (``"ttft"`` or ``"tpot"``) of ``pool``."""
        table = {"ttft": self.ttft_s, "tpot": self.tpot_s}.get(metric)
        if table is None:
            raise InputError(f"unknown latency {metric!r}; known: ttft, tpot")
        if pool not in table:
            raise InputError(f"unknown pool {pool!r}; known: {', '.join(table)}")
        return table[pool]

    def quantile(self, pool: str, metric: str, q: float) -> float:
        """Nearest-rank ``q`` quantile (NaN without samples; may be ``inf``)."""
        x = self.values(pool, metric)
        if x.size == 0:
            return math.nan
        return float(x[max(int(math.ceil(q * x.size)) - 1, 0)])

    def to_dict(self) -> dict[str, Any]:
        """Counts and P50/P90/P99 per pool (``None`` for a missing or unbounded figure)."""

        def fig(v: float) -> float | None:
            return v if math.isfinite(v) else None

        return {
            "level": self.level,
            "n_requests": self.n_requests,
            "seed": self.seed,
            "pools": {
                p: {
                    f"{m}_samples": int(self.values(p, m).size)
                    for m in ("ttft", "tpot")
                }
                | {
                    f"{m}_p{int(q * 100)}_s": fig(self.quantile(p, m, q))
                    for m in ("ttft", "tpot")
                    for q in (0.5, 0.9, 0.99)
                }
                for p in self.pools
            },
        }


def samples_from_records(
    records: Sequence[Any], names: Sequence[str], level: str, n_requests: int, seed: int
) -> LatencySamples:
    """:class:`LatencySamples` of per-request records (all replications pooled); pool ``i`` of
    the records is named ``names[i]``."""
    ttft: dict[str, list[NDArray[np.float64]]] = {n: [] for n in names}
    tpot: dict[str, list[NDArray[np.float64]]] = {n: [] for n in names}
    for rec in records:
        c = rec.columns
        measured = np.asarray(c["measured"], dtype=bool)
        done = np.asarray(c["status"]) == 1
        t = np.array(c["ttft_s"], dtype=np.float64)
        t[np.isnan(t)] = np.inf
        out = np.asarray(c["output_tokens"], dtype=np.float64)
        span = np.asarray(c["finish_s"], dtype=np.float64) - np.asarray(c["first_token_s"])
        with np.errstate(invalid="ignore", divide="ignore"):
            if level == "engine":
                tp = np.where(out > 1, span / np.maximum(out - 1, 1), np.nan)
            else:
                tp = span / out
        pool = np.asarray(c["pool"])
        for i, name in enumerate(names):
            sel = measured & (pool == i)
            ttft[name].append(t[sel])
            tsel = sel & done & ~np.isnan(tp)
            tpot[name].append(tp[tsel])

    def joined(parts: list[NDArray[np.float64]]) -> NDArray[np.float64]:
        return np.sort(np.concatenate(parts)) if parts else np.empty(0)

    return LatencySamples(
        level=level,
        n_requests=int(n_requests),
        seed=int(seed),
        ttft_s={n: joined(v) for n, v in ttft.items()},
        tpot_s={n: joined(v) for n, v in tpot.items()},
    )


def sim_latency(result: Any) -> LatencySamples:
    """The samples of a :class:`optfleet.sim.SimResult` simulated with ``record=True``.

    Raises
    ------
    InputError
        When the result kept no records.

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> from optfleet.sim import PoolSpec, simulate
    >>> from optfleet.workloads import builtin_cdf, mix_from_cdf
    >>> r = simulate(PoolSpec(calibrated_profile("H100"), 1, 8192),
    ...              mix_from_cdf(builtin_cdf("azure")), 2.0, level="slot", n_requests=500,
    ...              seed=0, record=True)
    >>> s = sim_latency(r)
    >>> s.quantile(s.pools[0], "ttft", 0.99) == r.pools[0].ttft.p99.value
    True
    """
    if not result.records:
        raise InputError("the simulation kept no per-request records: simulate with record=True")
    out = samples_from_records(result.records, [p.name for p in result.pools], result.level,
                               result.n_requests, result.seed)
    util = {
        p.name: {"slot": float(p.slot_utilisation.value), "kv": float(p.kv_utilisation.value),
                 "busy": float(p.busy_utilisation.value)}
        for p in result.pools
    }
    return replace(out, utilisation=util)


def plan_level(plan: Any) -> str:
    """The simulation level a plan was verified at (``"engine"`` if it was not).

    Examples
    --------
    >>> plan_level(type("P", (), {"verification_level": "slot"})())
    'slot'
    """
    level = getattr(plan, "verification_level", None) or ""
    return "slot" if "slot" in level and "engine" not in level else "engine"


def can_resimulate(plan: Any) -> str | None:
    """Why the plan's fleet can not be re-simulated pool by pool (``None``: it can)."""
    if any(p.role in ("prefill", "decode") or p.role.endswith(("/prefill", "/decode"))
           for p in plan.pools):
        return "a disaggregated plan's prefill and decode pools are simulated together"
    if any(p.model is not None for p in plan.pools):
        return "a multi-model plan's pools share GPUs across models"
    if not plan.pools:
        return "the plan has no pools"
    return None


def plan_latency(
    scenario: Scenario,
    plan: Any,
    *,
    n_requests: int = DEFAULT_SIM_REQUESTS,
    seed: int | None = None,
    level: str | None = None,
) -> LatencySamples:
    """Re-simulate ``plan``'s fleet under ``scenario`` and keep every request's latencies.

    Parameters
    ----------
    scenario
        The question the plan answers (workload, arrival process, SLO, preset).
    plan
        An aggregated, one-model :class:`~optfleet.planning.Plan`.
    n_requests
        Requests simulated (one replication; the first 10 % warm up).
    seed
        Random seed (default: the scenario's, as verification uses).
    level
        ``"engine"`` or ``"slot"`` (default: the level the plan was verified at).

    Raises
    ------
    InputError
        For a plan that can not be re-simulated pool by pool (:func:`can_resimulate`) or a bad
        request count.
    """
    from optfleet.planning import PlanningTables, PoolContext, simulate_plan

    why = can_resimulate(plan)
    if why is not None:
        raise InputError(f"can not draw latency distributions: {why}")
    n = check("sim_requests", "n_requests", n_requests)
    if n < MIN_SIM_REQUESTS:
        raise InputError(f"n_requests must be at least {MIN_SIM_REQUESTS}, got {n_requests!r}")
    lvl = plan_level(plan) if level is None else level
    if lvl not in ("engine", "slot"):
        raise InputError(f"unknown simulation level {lvl!r}; known: engine, slot")
    sd = scenario.seed if seed is None else check("seed", "seed", seed)
    tables = PlanningTables(PoolContext.from_scenario(scenario))  # only its context is used
    res = simulate_plan(scenario, tables, plan, level=lvl, n_requests=int(n), replications=1,
                        seed=sd, record=True)
    out = sim_latency(res.sim)
    names = {res.names[(p.role, p.gpu)]: f"{p.role}/{p.gpu}" for p in plan.pools}
    return replace(
        out,
        ttft_s={names[k]: v for k, v in out.ttft_s.items()},
        tpot_s={names[k]: v for k, v in out.tpot_s.items()},
        utilisation={names[k]: v for k, v in out.utilisation.items()},
    )


def gridflex_latency(scenario: Scenario, result: Any) -> LatencySamples:
    """TTFT and TPOT samples of each simulated event window of a grid-flex sweep.

    ``result`` is :func:`optfleet.analysis.gridflex.gridflex` of ``scenario``; each depth whose
    window was simulated is simulated again with the same pool (batch capped), window, level
    and seed - the same run, so its CDF's P99 is the row's - and named ``"depth 15%"``.

    Raises
    ------
    InputError
        When no window was simulated (``simulate_window=False``).

    Examples
    --------
    >>> from optfleet.analysis.gridflex import gridflex
    >>> s = Scenario(rate_per_s=5, gpus=("H100-SXM",))
    >>> r = gridflex(s, depths=(0.0,), window_s=10)
    >>> lat = gridflex_latency(s, r)
    >>> lat.pools, lat.quantile("depth 0%", "ttft", 0.99) == r.rows[0].simulated_p99_ttft_s
    (('depth 0%',), True)
    """
    from optfleet.planning import PoolContext
    from optfleet.sim import PoolSpec, simulate

    rows = [r for r in result.rows if r.simulated_p99_ttft_s is not None or r.event_ok is not None]
    if not any(r.batch_cap >= 1 for r in rows):
        raise InputError("the grid-flex sweep simulated no event window (drop --no-sim)")
    ctx = PoolContext.from_scenario(scenario)
    profile = ctx.profile(result.gpu)
    demand = ctx.demands(None)[0]
    rate = float(scenario.rate_per_s)
    n_req = max(200, int(round(rate * result.window_s)))
    seed = int(result.seed)
    ttft: dict[str, NDArray[np.float64]] = {}
    tpot: dict[str, NDArray[np.float64]] = {}
    for r in rows:
        if r.batch_cap < 1:
            continue
        capped = replace(profile, max_num_seqs=int(r.batch_cap), slot_ref_ctx_tokens=None)
        pool = PoolSpec(capped, result.replicas, int(demand.max_ctx_tokens), "pool",
                        slots=int(r.batch_cap))
        res = simulate(pool, demand.mix, rate, level=result.level, n_requests=n_req, seed=seed,
                       replications=1, horizon_s=result.window_s * 4.0 + 600.0, record=True)
        one = sim_latency(res)
        name = f"depth {r.depth:.0%}"
        ttft[name] = one.ttft_s["pool"]
        tpot[name] = one.tpot_s["pool"]
    return LatencySamples(result.level, n_req, seed, ttft, tpot)
