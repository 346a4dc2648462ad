"""Per-pool analytics: service statistics, the queueing criterion, capacity tables and sizes.

The physics (a replica profile's service-time distribution over a pool's mix) feeds the queueing
maths (Erlang-C / M/G/c tail) here; :mod:`optfleet.planning.pools` says which requests each
pool serves.

Examples
--------
>>> from optfleet.planning import PoolContext, size_layout
>>> ctx = PoolContext.from_names(workload="lmsys", preset="fleet-sim", gpus=("A100",),
...                              slo={"ttft_p99_s": 0.5})
>>> [p.gpus for p in size_layout(ctx, "A100", 4096).pools]  # published: 3 + 5
[3, 5]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from optfleet.errors import InfeasibleError, InputError
from optfleet.planning.pools import PoolContext, PoolDemand, rejected_share
from optfleet.scenario import HOURS_PER_YEAR, SLO
from optfleet.scenario.limits import check
from optfleet.scenario.presets import AssumptionPreset


def pool_service(profile: Any, demand: PoolDemand, preset: AssumptionPreset) -> Any:
    """Service-time statistics of one pool on one replica profile.

    Exact over the pool's mix, or over its sampled mix under ``moments="sampled"`` (when the
    demand carries one, see :meth:`PoolContext.demands`).
    """
    from optfleet.physics import pool_service_stats

    m = demand.mix
    if preset.moments == "sampled" and demand.sample_mix is not None:
        m = demand.sample_mix
    return pool_service_stats(
        profile,
        m.prompt_tokens,
        m.output_tokens,
        m.prob,
        max_ctx_tokens=demand.max_ctx_tokens,
        mode=preset.service_model,
    )


def criterion(stats: Any, slo: SLO, preset: AssumptionPreset) -> Any:
    """The queueing criterion of a pool: when do ``k`` replicas meet the SLO at a rate?"""
    from optfleet.queueing import Criterion

    kw: dict[str, Any] = {}
    if preset.tail_method == "ttft-tail":
        kw = {
            "q": float(slo.quantile),
            "prefill_s": stats.prefill_values_s,
            "prefill_prob": stats.prefill_probs,
        }
    return Criterion(
        servers_per_replica=int(stats.servers_per_replica),
        mean_service_s=float(stats.mean_service_s),
        scv=float(stats.scv),
        slo_s=float(slo.ttft_p99_s),
        method=preset.tail_method,
        util_cap=float(preset.util_cap),
        headroom_replicas=int(preset.headroom_replicas),
        **kw,
    )


def capacity_table(stats: Any, slo: SLO, preset: AssumptionPreset, k_max: int) -> np.ndarray:
    """``Lambda[k]``: the largest rate ``k`` replicas serve within the SLO (``k = 0..k_max``)."""
    from optfleet.queueing import capacity_table as _table

    return _table(int(k_max), criterion(stats, slo, preset))


def pool_capacity(
    profile: Any, demand: PoolDemand, slo: SLO, preset: AssumptionPreset, replicas: int
) -> float:
    """``Lambda[replicas]``: the largest rate ``replicas`` replicas serve within the SLO, by the
    preset's replica model (engine-level, uncalibrated; or the slot model)."""
    n = int(replicas)
    if n <= 0:
        return 0.0
    if preset.replica_model == "engine":
        from optfleet.planning.engine_tables import engine_criterion

        crit = engine_criterion(profile, demand.mix, slo, util_cap=preset.util_cap)
        return float(crit.table(n)[n])
    return float(capacity_table(pool_service(profile, demand, preset), slo, preset, n)[n])


def min_replicas(stats: Any, rate_per_s: float, slo: SLO, preset: AssumptionPreset) -> int:
    """The fewest replicas that serve ``rate_per_s`` within the SLO (raises InfeasibleError)."""
    from optfleet.queueing import min_replicas as _min

    if rate_per_s <= 0:
        return 0
    return int(_min(rate_per_s, criterion(stats, slo, preset)))


@dataclass(frozen=True)
class PoolSizing:
    """An analytically sized pool."""

    role: str
    gpu: str
    max_ctx_tokens: int
    share: float
    rate_per_s: float
    replicas: int
    gpus: int
    slots_per_replica: int
    cost_usd_per_hour: float
    utilisation: float
    p99_wait_s: float
    p99_ttft_s: float
    mean_prefill_s: float
    mean_service_s: float
    p99_tpot_s: float | None = None
    binding_slo: str | None = None

    @property
    def cost_usd_per_year(self) -> float:
        return self.cost_usd_per_hour * HOURS_PER_YEAR

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        d = asdict(self)
        d["cost_usd_per_year"] = self.cost_usd_per_year
        return d


def pool_latency(
    stats: Any, replicas: int, rate_per_s: float, slo: SLO, preset: AssumptionPreset
) -> tuple[float, float]:
    """(P99 wait, P99 TTFT) in seconds of ``replicas`` replicas at ``rate_per_s``.

    Under ``fleet-sim`` the TTFT is the reference's: P99 wait + *mean* prefill.
    """
    from optfleet import queueing as q

    c = replicas * int(stats.servers_per_replica)
    mu = 1.0 / float(stats.mean_service_s)
    if rate_per_s <= 0:
        return 0.0, float(
            stats.mean_prefill_s
            if preset.tail_method == "fleet-sim"
            else stats.prefill_values_s.max()
        )
    if rate_per_s >= c * mu:
        return math.inf, math.inf
    if preset.tail_method == "fleet-sim":
        w = float(q.fleet_sim_p99_wait_s(c, rate_per_s, mu, float(stats.scv)))
        return w, w + float(stats.mean_prefill_s)
    w = float(q.mgc_wait_quantile_s(slo.quantile, c, rate_per_s, mu, float(stats.scv)))
    t = float(
        q.ttft_quantile_s(
            slo.quantile,
            c,
            rate_per_s,
            mu,
            float(stats.scv),
            stats.prefill_values_s,
            stats.prefill_probs,
        )
    )
    return w, t


def size_pool(
    profile: Any,
    demand: PoolDemand,
    total_rate_per_s: float,
    slo: SLO,
    preset: AssumptionPreset,
    *,
    gpu: str | None = None,
) -> PoolSizing:
    """Size one pool analytically: the fewest replicas meeting the SLO and the utilisation cap.

    Under a preset with ``replica_model="engine"`` the engine-level replica model sizes it
    (TTFT and TPOT, uncalibrated: ``optfleet plan`` calibrates by simulation).
    """
    check("rate_per_s", "rate_per_s", total_rate_per_s)
    stats = pool_service(profile, demand, preset)
    rate = demand.rate_per_s(total_rate_per_s)
    try:
        if preset.replica_model == "engine":
            return _size_engine_pool(profile, demand, rate, slo, preset, stats, gpu)
        n = min_replicas(stats, rate, slo, preset)
    except InfeasibleError as exc:
        raise InfeasibleError(
            f"pool {demand.role!r} (requests up to {demand.max_ctx_tokens} tokens) on "
            f"{gpu or profile.gpu}: {exc}"
        ) from None
    slots = int(stats.servers_per_replica)
    mu_replica = slots / float(stats.mean_service_s)
    wait, ttft = pool_latency(stats, n, rate, slo, preset)
    return PoolSizing(
        role=demand.role,
        gpu=gpu or profile.gpu,
        max_ctx_tokens=demand.max_ctx_tokens,
        share=demand.share,
        rate_per_s=rate,
        replicas=n,
        gpus=n * int(profile.gpus_per_replica),
        slots_per_replica=slots,
        cost_usd_per_hour=n * float(profile.price_usd_per_hour),
        utilisation=rate / (n * mu_replica) if n else 0.0,
        p99_wait_s=wait,
        p99_ttft_s=ttft,
        mean_prefill_s=float(stats.mean_prefill_s),
        mean_service_s=float(stats.mean_service_s),
    )


def _size_engine_pool(
    profile: Any, demand: PoolDemand, rate: float, slo: SLO, preset: AssumptionPreset,
    stats: Any, gpu: str | None,
) -> PoolSizing:
    """:func:`size_pool` by the engine-level replica model."""
    from optfleet.planning.engine_tables import engine_criterion, engine_k_full

    crit = engine_criterion(profile, demand.mix, slo, util_cap=preset.util_cap)
    n = engine_k_full(crit, rate)
    ttft, tpot = crit.latency_s(n, rate) if n else (0.0, 0.0)
    sat = crit.saturation_per_s / float(preset.util_cap)  # the model's, as in a plan
    return PoolSizing(
        role=demand.role,
        gpu=gpu or profile.gpu,
        max_ctx_tokens=demand.max_ctx_tokens,
        share=demand.share,
        rate_per_s=rate,
        replicas=n,
        gpus=n * int(profile.gpus_per_replica),
        slots_per_replica=int(profile.max_num_seqs),
        cost_usd_per_hour=n * float(profile.price_usd_per_hour),
        utilisation=rate / (n * sat) if n else 0.0,
        p99_wait_s=max(ttft - float(stats.mean_prefill_s), 0.0),
        p99_ttft_s=ttft,
        mean_prefill_s=float(stats.mean_prefill_s),
        mean_service_s=float(stats.mean_service_s),
        p99_tpot_s=tpot,
        binding_slo=crit.binding(n) if n else None,
    )


@dataclass(frozen=True)
class LayoutSizing:
    """All pools of one layout on one GPU type, sized analytically."""

    gpu: str
    threshold_tokens: int | None
    gamma: float
    pools: tuple[PoolSizing, ...]
    rejected_share: float = 0.0

    @property
    def gpus(self) -> int:
        return sum(p.gpus for p in self.pools)

    @property
    def cost_usd_per_hour(self) -> float:
        return sum(p.cost_usd_per_hour for p in self.pools)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gpu": self.gpu,
            "threshold_tokens": self.threshold_tokens,
            "gamma": self.gamma,
            "rejected_share": self.rejected_share,
            "gpus": self.gpus,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "cost_usd_per_year": self.cost_usd_per_hour * HOURS_PER_YEAR,
            "pools": [p.to_dict() for p in self.pools],
        }


def size_layout(
    ctx: PoolContext,
    gpu: str,
    threshold_tokens: int | None,
    gamma: float = 1.0,
    rate_per_s: float | None = None,
) -> LayoutSizing:
    """Size every pool of one layout on one GPU type.

    Examples
    --------
    >>> from optfleet.planning import PoolContext, size_layout
    >>> ctx = PoolContext.from_names(workload="lmsys", preset="fleet-sim", gpus=("A100",),
    ...                              slo={"ttft_p99_s": 0.5})
    >>> [p.gpus for p in size_layout(ctx, "A100", 4096).pools]  # published: 3 + 5
    [3, 5]
    """
    sc = ctx.scenario
    rate = ctx.planning_rate_per_s if rate_per_s is None else rate_per_s
    rate = check("rate_per_s", "rate_per_s", rate)
    gamma = check("gamma", "gamma", gamma)
    if threshold_tokens is not None:
        threshold_tokens = check_split_threshold(ctx, threshold_tokens)
    profile = ctx.profile(gpu)
    demands = ctx.demands(threshold_tokens, gamma)
    pools = tuple(size_pool(profile, d, rate, sc.slo, ctx.preset, gpu=gpu) for d in demands)
    return LayoutSizing(gpu, threshold_tokens, gamma, pools, rejected_share(demands))


def check_split_threshold(ctx: PoolContext, threshold_tokens: Any) -> int:
    """``threshold_tokens`` as a whole number of tokens below the long pool's max context, else
    :class:`InputError` (a threshold at or above it would silently size one pool)."""
    t = int(check("tokens", "threshold_tokens", threshold_tokens))
    longest = int(ctx.long_ctx_tokens)
    if t >= longest:
        configured = int(ctx.scenario.long_max_ctx_tokens)
        why = (
            f"long_max_ctx_tokens={configured}"
            if longest == configured
            else f"the longest request of the workload ({longest} tokens, "
            f"long_max_ctx_tokens={configured})"
        )
        raise InputError(
            f"threshold_tokens {t} splits nothing: it must be below {why}; omit it for one pool"
        )
    return t


def size_scenario(
    scenario: Any, gpu: str, threshold_tokens: int | None = None, gamma: float = 1.0
) -> LayoutSizing:
    """:func:`size_layout` of one layout of ``scenario`` on one GPU type (``optfleet size``).

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> s = Scenario(workload={"kind": "cdf", "name": "lmsys"}, preset="fleet-sim",
    ...              gpus=("A100",))
    >>> size_scenario(s, "A100", 4096).gpus
    8
    """
    return size_layout(PoolContext.from_scenario(scenario), gpu, threshold_tokens, gamma)

