"""Disaggregated serving: separate prefill and decode pools, each queued, and their sizing.

Model (one scenario, one (prefill GPU, decode GPU) pair, ``n_p`` prefill and ``n_d`` decode
replicas, Poisson arrivals at ``lam``):

Prefill pool — M/G/c with ``c = n_p``
    A prefill replica runs ONE prompt at a time, chunk by chunk (``ceil(l_in / chunk)``
    chunk iterations, :meth:`ReplicaProfile.prefill_s`); it does not batch several prompts into a
    chunk (conservative: short prompts could share a chunk).  Service ``S = prefill_s(l_in)``,
    exact mean and SCV over the request mix; the wait is the M/G/c wait of the default preset
    (:mod:`optfleet.queueing.mgc`).
``TTFT = W + prefill(l_in) + KV transfer(l_in)``
    The transfer moves ``l_in x kv_bytes_per_token`` bytes from the prefill to the decode replica.
    The link is chosen per pair (``link="auto"``): the same GPU type is assumed co-located in one
    node and uses the GPU's scale-up link (the catalog figure; NVLink figures are aggregate
    bidirectional, so one direction is half of it); different GPU types sit in different nodes
    and use a network link (default 400 Gb/s InfiniBand = 50e9 B/s per GPU).  A tensor-parallel
    replica moves its KV shards in parallel over ``min(tp_p, tp_d)`` links.  The TTFT quantile is
    the exact quantile of wait + (prefill + transfer), the latter a discrete per-class
    distribution (:func:`optfleet.queueing.ttft_quantile_s`).
Decode pool — batch from Little's law, solved as a fixed point
    A request holds a decode slot for ``(l_out - 1)`` iterations (the first token came from
    prefill; at least one iteration).  Per replica the mean batch ``b`` satisfies
    ``b = lam E[l_out - 1] t(b) / n_d`` with ``t(b) = iteration.time_s(0, b, b Cbar)`` (decode-only
    iteration at the mean decode context ``Cbar``); solved by bisection.  The number of requests a
    replica holds is Poisson with mean ``b`` (M/G/infinity), so the P99 batch is its Poisson
    ``q``-quantile and ``TPOT_p99 = t(b_q)``.  The pool meets its SLO when ``b_q <= slots`` (no
    queueing for a slot) and ``TPOT_p99 <= tpot SLO`` (``scenario.slo.tpot_p99_s``, default
    :data:`DEFAULT_TPOT_SLO_S`); utilisation is ``b / slots``.

Sizing: TTFT depends only on ``n_p`` and TPOT only on ``n_d``, so for each pair the cheapest
``(n_p, n_d)`` is the smallest ``n_p`` meeting the TTFT SLO (and the preset's utilisation cap)
plus the smallest ``n_d`` meeting the decode SLO; both are found by a doubling + bisection
enumeration of counts (the checks are monotone in the count).  The cheapest pair wins; it is
compared with the best aggregated plan (:func:`optfleet.planning.plan` without verification).

Examples
--------
>>> from optfleet.scenario import Scenario
>>> from optfleet.analysis.disagg import disagg
>>> r = disagg(Scenario(rate_per_s=20, gpus=("H100-SXM",)), compare_aggregated=False)
>>> r.best.n_prefill >= 1 and r.best.n_decode >= 1
True
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from optfleet._search import smallest_true
from optfleet.errors import InfeasibleError, InputError, ModelDoesNotFitError
from optfleet.planning.disaggregation import (
    DEFAULT_TPOT_SLO_S,
    NETWORK_BANDWIDTH_BYTES_PER_S,
    LinkKind,
)
from optfleet.planning.disaggregation import PDSide as _Side
from optfleet.planning.disaggregation import decode_check as _decode_check
from optfleet.planning.disaggregation import pd_link as _link
from optfleet.planning.disaggregation import pd_side as _side
from optfleet.planning.disaggregation import prefill_check as _prefill_check
from optfleet.planning.disaggregation import tpot_slo_s as _tpot_slo
from optfleet.planning.disaggregation import ttft_classes as _ttft_classes
from optfleet.scenario import HOURS_PER_YEAR, Scenario
from optfleet.scenario.limits import check

__all__ = [
    "DEFAULT_TPOT_SLO_S",
    "NETWORK_BANDWIDTH_BYTES_PER_S",
    "DisaggEvaluation",
    "DisaggPair",
    "DisaggResult",
    "disagg",
    "disagg_evaluate",
]

@dataclass(frozen=True)
class DisaggEvaluation:
    """Latency of one disaggregated fleet at one rate (seconds, requests/s, watts-free)."""

    prefill_gpu: str
    decode_gpu: str
    n_prefill: int
    n_decode: int
    rate_per_s: float
    link: str
    link_bandwidth_bytes_per_s: float
    mean_kv_transfer_s: float
    prefill_utilisation: float
    ttft_quantile_s: float
    decode_batch_mean: float
    decode_batch_quantile: int
    decode_slots: int
    decode_utilisation: float
    tpot_mean_s: float
    tpot_quantile_s: float
    quantile: float
    ttft_slo_s: float
    tpot_slo_s: float
    prefill_ok: bool
    decode_ok: bool

    @property
    def meets_slo(self) -> bool:
        return self.prefill_ok and self.decode_ok

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["meets_slo"] = self.meets_slo
        return {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                for k, v in d.items()}


@dataclass(frozen=True)
class DisaggPair:
    """The cheapest counts for one (prefill GPU, decode GPU) pair, or why there are none."""

    prefill_gpu: str
    decode_gpu: str
    n_prefill: int
    n_decode: int
    prefill_gpus: int
    decode_gpus: int
    cost_usd_per_hour: float
    evaluation: DisaggEvaluation | None
    note: str = ""

    @property
    def feasible(self) -> bool:
        return self.evaluation is not None

    @property
    def pd_ratio(self) -> float:
        """Prefill GPUs per decode GPU."""
        return self.prefill_gpus / self.decode_gpus if self.decode_gpus else math.nan

    def to_dict(self) -> dict[str, Any]:
        return {
            "prefill_gpu": self.prefill_gpu,
            "decode_gpu": self.decode_gpu,
            "feasible": self.feasible,
            "n_prefill": self.n_prefill,
            "n_decode": self.n_decode,
            "prefill_gpus": self.prefill_gpus,
            "decode_gpus": self.decode_gpus,
            "pd_ratio": None if not math.isfinite(self.pd_ratio) else self.pd_ratio,
            "cost_usd_per_hour": self.cost_usd_per_hour if self.feasible else None,
            "cost_usd_per_year": self.cost_usd_per_hour * HOURS_PER_YEAR if self.feasible
            else None,
            "evaluation": None if self.evaluation is None else self.evaluation.to_dict(),
            "note": self.note,
        }


@dataclass(frozen=True)
class DisaggResult:
    """Disaggregated sizing of a scenario: every pair, the cheapest, and the aggregated plan."""

    rate_per_s: float
    ttft_slo_s: float
    tpot_slo_s: float
    pairs: tuple[DisaggPair, ...]
    best: DisaggPair
    aggregated_cost_usd_per_hour: float | None
    aggregated_gpus: int | None
    aggregated_note: str

    @property
    def saving_vs_aggregated(self) -> float | None:
        """Relative saving of the best disaggregated fleet (positive: disaggregation is cheaper)."""
        if self.aggregated_cost_usd_per_hour is None or self.aggregated_cost_usd_per_hour <= 0:
            return None
        return 1.0 - self.best.cost_usd_per_hour / self.aggregated_cost_usd_per_hour

    def to_dict(self) -> dict[str, Any]:
        return {
            "rate_per_s": self.rate_per_s,
            "ttft_slo_s": self.ttft_slo_s,
            "tpot_slo_s": self.tpot_slo_s,
            "best": self.best.to_dict(),
            "pd_ratio": self.best.to_dict()["pd_ratio"],
            "aggregated_cost_usd_per_hour": self.aggregated_cost_usd_per_hour,
            "aggregated_gpus": self.aggregated_gpus,
            "aggregated_note": self.aggregated_note,
            "saving_vs_aggregated": self.saving_vs_aggregated,
            "pairs": [p.to_dict() for p in self.pairs],
        }


# ------------------------------------------------------------------------------------ setup


def _served_mix(ctx: Any) -> Any:
    from optfleet.planning import layout_pools

    return layout_pools(
        ctx.mix, None, ctx.long_ctx_tokens, max_rejected_share=ctx.scenario.max_rejected_share
    )[0].mix


def _evaluate(
    ctx: Any,
    mix: Any,
    p: _Side,
    d: _Side,
    n_p: int,
    n_d: int,
    lam: float,
    link: LinkKind,
    network_bw: float,
    tpot_slo: float,
    classes: tuple[np.ndarray, np.ndarray, float] | None = None,
) -> DisaggEvaluation:
    slo = ctx.scenario.slo
    q = float(slo.quantile)
    link_name, bw = _link(p, d, link, network_bw)
    values, probs, transfer = classes or _ttft_classes(ctx, mix, p, bw)
    rho, ttft = _prefill_check(p, n_p, lam, q, values, probs)
    b, bq, tpot_mean, tpot_q = _decode_check(d, n_d, lam, q)
    cap = float(ctx.preset.util_cap)
    return DisaggEvaluation(
        prefill_gpu=p.gpu,
        decode_gpu=d.gpu,
        n_prefill=n_p,
        n_decode=n_d,
        rate_per_s=lam,
        link=link_name,
        link_bandwidth_bytes_per_s=bw,
        mean_kv_transfer_s=transfer,
        prefill_utilisation=rho,
        ttft_quantile_s=ttft,
        decode_batch_mean=b,
        decode_batch_quantile=bq,
        decode_slots=d.slots,
        decode_utilisation=b / d.slots if math.isfinite(b) else math.inf,
        tpot_mean_s=tpot_mean,
        tpot_quantile_s=tpot_q,
        quantile=q,
        ttft_slo_s=float(slo.ttft_p99_s),
        tpot_slo_s=tpot_slo,
        prefill_ok=bool(rho <= cap and ttft <= slo.ttft_p99_s),
        decode_ok=bool(bq <= d.slots and tpot_q <= tpot_slo),
    )


def _context(scenario: Scenario) -> tuple[Any, Any]:
    from optfleet.planning import PoolContext

    if not isinstance(scenario, Scenario):
        raise InputError(f"scenario must be a Scenario, got {type(scenario).__name__}")
    ctx = PoolContext.from_scenario(scenario)
    return ctx, _served_mix(ctx)


def _fitting_sides(ctx: Any, gpus: Any, mix: Any) -> dict[str, _Side]:
    """The side of every GPU type of the menu that can hold the model (none: infeasible)."""
    sides: dict[str, _Side] = {}
    skipped: list[str] = []
    for gpu in gpus:
        try:
            sides[gpu] = _side(ctx, gpu, mix)
        except ModelDoesNotFitError as exc:
            skipped.append(f"{gpu}: {exc}")
    if not sides:
        raise InfeasibleError("no GPU type of the menu can hold the model: " + "; ".join(skipped))
    return sides


@dataclass(frozen=True)
class _PairSearch:
    """The cheapest counts of each (prefill GPU, decode GPU) pair of one :func:`disagg` call."""

    ctx: Any
    mix: Any
    lam: float
    slo: Any
    tpot_slo: float
    link: LinkKind
    network_bw: float
    max_replicas: int

    @property
    def q(self) -> float:
        return float(self.slo.quantile)

    @property
    def cap(self) -> float:
        return float(self.ctx.preset.util_cap)

    def decode_count(self, d: _Side) -> int | None:
        """The fewest decode replicas meeting the decode SLO (None: more than the maximum)."""
        lam, q = self.lam, self.q
        start = max(1, math.ceil(lam * d.mean_decode_iters * float(d.profile.iteration.time_s(
            0.0, 1.0, d.mean_ctx_tokens)) / d.slots))

        def dec_ok(n: int) -> bool:
            _, bq, _, tq = _decode_check(d, n, lam, q)
            return bq <= d.slots and tq <= self.tpot_slo

        return smallest_true(dec_ok, start, self.max_replicas)

    def prefill_count(self, p: _Side, values: Any, probs: Any) -> tuple[int | None, str]:
        """The fewest prefill replicas meeting the TTFT SLO, and why there may be none."""
        lam, q, cap, slo = self.lam, self.q, self.cap, self.slo

        def pre_ok(n: int) -> bool:
            rho, ttft = _prefill_check(p, n, lam, q, values, probs)
            return rho <= cap and ttft <= slo.ttft_p99_s

        cum = np.cumsum(probs)
        x_q = float(values[min(int(np.searchsorted(cum, q - 1e-12)), values.size - 1)])
        if x_q > slo.ttft_p99_s:
            return None, (
                f"prefill + KV transfer alone (P{q * 100:g} {x_q * 1000:.0f} ms) exceed the "
                f"TTFT SLO {slo.ttft_p99_s * 1000:g} ms"
            )
        n_p = smallest_true(pre_ok, math.ceil(lam * p.prefill_mean_s / cap), self.max_replicas)
        return n_p, f"prefill pool needs more than {self.max_replicas} replicas"

    def pair(self, p: _Side, d: _Side, nd: int | None) -> DisaggPair:
        """The pair of prefill side ``p`` and decode side ``d`` (``nd`` decode replicas)."""
        tp_p, tp_d = p.profile.gpus_per_replica, d.profile.gpus_per_replica
        _, bw = _link(p, d, self.link, self.network_bw)
        classes = _ttft_classes(self.ctx, self.mix, p, bw)
        values, probs, _ = classes
        n_p, why = self.prefill_count(p, values, probs)
        if n_p is None or nd is None:
            note = why if n_p is None else (
                f"decode pool misses the TPOT SLO {self.tpot_slo * 1000:g} ms up to "
                f"{self.max_replicas} replicas")
            return DisaggPair(p.gpu, d.gpu, 0, 0, 0, 0, math.inf, None, note)
        ev = _evaluate(self.ctx, self.mix, p, d, n_p, nd, self.lam, self.link,
                       self.network_bw, self.tpot_slo, classes)
        cost = n_p * float(p.profile.price_usd_per_hour) + nd * float(
            d.profile.price_usd_per_hour)
        return DisaggPair(p.gpu, d.gpu, n_p, nd, n_p * tp_p, nd * tp_d, cost, ev)


def _aggregated(
    scenario: Scenario, aggregated_layouts: Literal["all", "one-pool"]
) -> tuple[float | None, int | None, str]:
    """``(cost, GPUs, note)`` of the aggregated plan the disaggregated fleet is compared with."""
    from optfleet.planning import plan

    sc = scenario
    if aggregated_layouts == "one-pool":
        sc = scenario.model_copy(
            update={"thresholds_tokens": (int(scenario.long_max_ctx_tokens),)})
    try:
        agg = plan(sc, verify=False)
    except InfeasibleError as exc:
        return None, None, f"aggregated plan infeasible: {exc}"
    agg_note = (
        f"optfleet.planning.plan(verify=False), {aggregated_layouts} layouts; "
        "TTFT SLO only (the aggregated model has no TPOT constraint)"
    )
    return float(agg.cost_usd_per_hour), int(sum(pp.gpus for pp in agg.pools)), agg_note


# ------------------------------------------------------------------------------------ public


def disagg_evaluate(
    scenario: Scenario,
    prefill_gpu: str,
    decode_gpu: str,
    n_prefill: int,
    n_decode: int,
    *,
    rate_per_s: float | None = None,
    link: LinkKind = "auto",
    network_bandwidth_bytes_per_s: float = NETWORK_BANDWIDTH_BYTES_PER_S,
) -> DisaggEvaluation:
    """TTFT and TPOT of a fixed disaggregated fleet (see the module docstring for the model).

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> e = disagg_evaluate(Scenario(rate_per_s=10), "H100-SXM", "H100-SXM", 2, 2)
    >>> e.ttft_quantile_s > e.mean_kv_transfer_s > 0
    True
    """
    for name, v in (("n_prefill", n_prefill), ("n_decode", n_decode)):
        if check("replicas", name, v) < 1:
            raise InputError(f"{name} must be a positive integer, got {v!r}")
    check("positive", "network_bandwidth_bytes_per_s", network_bandwidth_bytes_per_s)
    ctx, mix = _context(scenario)
    lam = scenario.rate_per_s if rate_per_s is None else check("rate_per_s", "rate_per_s",
                                                                 rate_per_s)
    p = _side(ctx, prefill_gpu, mix)
    d = p if decode_gpu == prefill_gpu else _side(ctx, decode_gpu, mix)
    return _evaluate(ctx, mix, p, d, int(n_prefill), int(n_decode), float(lam), link,
                     float(network_bandwidth_bytes_per_s), _tpot_slo(scenario))


def disagg(
    scenario: Scenario,
    *,
    link: LinkKind = "auto",
    network_bandwidth_bytes_per_s: float = NETWORK_BANDWIDTH_BYTES_PER_S,
    max_replicas: int = 4096,
    compare_aggregated: bool = True,
    aggregated_layouts: Literal["all", "one-pool"] = "all",
) -> DisaggResult:
    """Size a disaggregated (prefill + decode pools) fleet for every GPU pair; pick the cheapest.

    Parameters
    ----------
    scenario
        The planning question (rate, workload, SLO: ``ttft_p99_s`` for the prefill side,
        ``tpot_p99_s`` - default :data:`DEFAULT_TPOT_SLO_S` - for the decode side).
    link
        ``"auto"`` (scale-up within a node for the same GPU type, network otherwise),
        ``"scale-up"`` or ``"network"`` for every pair.
    network_bandwidth_bytes_per_s
        Per-GPU network bandwidth between nodes (default 400 Gb/s).
    max_replicas
        Largest count tried per pool.
    compare_aggregated
        Also plan the aggregated fleet (:func:`optfleet.planning.plan`, ``verify=False``).
    aggregated_layouts
        ``"all"``: the planner's full layout search; ``"one-pool"``: only the one-pool layout
        (much faster).

    Raises
    ------
    InfeasibleError
        No pair meets both SLOs within ``max_replicas``.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> r = disagg(Scenario(rate_per_s=20, gpus=("A100-80GB", "H100-SXM")),
    ...            compare_aggregated=False)
    >>> len(r.pairs), r.best.cost_usd_per_hour == min(p.cost_usd_per_hour for p in r.pairs)
    (4, True)
    """
    check("positive", "network_bandwidth_bytes_per_s", network_bandwidth_bytes_per_s)
    if check("replicas", "max_replicas", max_replicas) < 1:
        raise InputError(f"max_replicas must be a positive integer, got {max_replicas!r}")
    max_replicas = int(max_replicas)
    if aggregated_layouts not in ("all", "one-pool"):
        raise InputError(
            f"aggregated_layouts must be 'all' or 'one-pool', got {aggregated_layouts!r}"
        )
    ctx, mix = _context(scenario)
    lam = float(scenario.rate_per_s)
    tpot_slo = _tpot_slo(scenario)
    slo = scenario.slo
    sides = _fitting_sides(ctx, scenario.gpus, mix)
    search = _PairSearch(ctx, mix, lam, slo, tpot_slo, link,
                         float(network_bandwidth_bytes_per_s), max_replicas)
    # decode counts depend only on the decode GPU
    n_dec = {gpu: search.decode_count(d) for gpu, d in sides.items()}
    pairs = [search.pair(p, d, n_dec[dg]) for p in sides.values() for dg, d in sides.items()]
    feasible = [p for p in pairs if p.feasible]
    if not feasible:
        raise InfeasibleError(
            "no (prefill, decode) GPU pair meets the SLOs: "
            + "; ".join(f"{p.prefill_gpu}->{p.decode_gpu}: {p.note}" for p in pairs)
        )
    best = min(feasible, key=lambda x: (x.cost_usd_per_hour, x.prefill_gpus + x.decode_gpus))
    agg_cost: float | None = None
    agg_gpus: int | None = None
    agg_note = "not compared"
    if compare_aggregated:
        agg_cost, agg_gpus, agg_note = _aggregated(scenario, aggregated_layouts)
    return DisaggResult(lam, float(slo.ttft_p99_s), tpot_slo, tuple(pairs), best, agg_cost,
                        agg_gpus, agg_note)
