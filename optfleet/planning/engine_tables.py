"""Capacity tables of the engine-level replica model: TTFT and TPOT quantiles, whichever binds.

A pool option's :class:`EngineCriterion` joins the batching fixed point of
:mod:`optfleet.physics.batching` with the tails of :mod:`optfleet.queueing.engine`.  On a grid of
per-replica rates ``lam`` (up to the replica's saturation rate) it evaluates once

* ``P(X + r > slo)`` and the waiting term ``rho E[exp(-theta (slo - X - r))]`` of the prefill
  stage, and
* ``P(TPOT > tpot_slo)``;

``k`` replicas then carry ``k lam`` for the largest grid ``lam`` with ``above + adm(k) + a(k)
wait <= 1 - q`` (:func:`~optfleet.queueing.engine.jsq_factor`; ``adm(k)`` the probability of
waiting for a running place, Erlang C over the ``k`` replicas' places, which join-the-shortest-
queue routing pools) and the TPOT tail within ``1 - q``.  The table
is ``Lambda[k] = correction x k r(k)``: ``correction`` (1 until a small-pool simulation calibrates
the option, :mod:`optfleet.planning.calibrate`) scales the per-replica capacity.  ``r(k)``
is non-decreasing in ``k`` (``a(k)`` and ``adm(k)`` are non-increasing), so ``Lambda[k] >= k
r(K0)`` for ``k >= K0`` — the property the compact formulation relies on — and constant beyond
the verification slice (64 replicas), so large-``k`` tables are linear.  Grid rounding is
downwards (a grid point that meets the SLO), so a table entry is never above the model's
capacity.

Examples
--------
>>> from optfleet.physics.calibrated import calibrated_profile
>>> from optfleet.physics.batching import BatchingModel
>>> from optfleet.scenario import SLO
>>> m = BatchingModel.from_mix(calibrated_profile("H100"), [1000], [200], [1.0])
>>> crit = EngineCriterion.build(m, SLO(ttft_p99_s=0.5))
>>> t = crit.table(4)
>>> bool(t[0] == 0 and t[1] > 0 and t[4] >= 4 * t[1])
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InfeasibleError
from optfleet.physics.batching import BatchingModel, MixSummary, can_stack, stacked
from optfleet.planning.simulate import SLICE_MAX_REPLICAS
from optfleet.queueing import erlang_c
from optfleet.queueing.engine import jsq_factor, prefill_stage_tail, tpot_tail
from optfleet.scenario import SLO

FloatArray = NDArray[np.float64]

#: Points of the per-replica rate grid (uniform on ``(0, saturation]``): the table is at most one
#: step (``1 / GRID_POINTS`` of the saturation rate per replica) below the model's capacity.
GRID_POINTS = 96


#: How far above the model's saturation rate a small-pool calibration may raise an option's
#: per-replica capacity (the model's saturation agrees with the engine's within about 10 %).
CEILING_FACTOR = 1.10


@dataclass(frozen=True)
class EngineCriterion:
    """The engine-level model of one pool option, evaluated on a rate grid (module docstring).

    ``ttft_above`` / ``ttft_wait`` / ``tpot_tail`` are per grid rate; ``eps`` is ``1 - q``.
    """

    model: BatchingModel
    slo: SLO
    rates_per_s: FloatArray
    ttft_above: FloatArray
    ttft_wait: FloatArray
    tpot_tail: FloatArray
    saturation_per_s: float
    """The top of the rate grid: ``util_cap`` x the model's saturation rate (divide by the
    preset's ``util_cap`` for the saturation rate itself, as utilisations do)."""
    admission: FloatArray
    """``(SLICE_MAX_REPLICAS, grid)``: the probability of waiting for a running place, row
    ``k - 1`` for a pool of ``k`` replicas."""
    correction: float = 1.0
    stability_per_s: float = math.nan
    """The model's saturation rate itself (``util_cap`` = 1): the ceiling of a calibrated
    per-replica capacity (NaN: the grid's top, ``saturation_per_s``)."""

    @classmethod
    def build(cls, model: BatchingModel, slo: SLO, util_cap: float = 1.0) -> EngineCriterion:
        """Evaluate ``model`` on the rate grid (up to ``util_cap`` x the saturation rate)
        against ``slo``."""
        return cls.build_many([model], slo, util_cap)[0]

    @classmethod
    def build_many(
        cls, models: list[BatchingModel], slo: SLO, util_cap: float = 1.0
    ) -> list[EngineCriterion]:
        """:meth:`build` of each model, the models of one request mix evaluated together
        (:func:`~optfleet.physics.batching.stacked`: the same numbers, one evaluation)."""
        if len(models) > 1 and not can_stack(models):
            return _by_chunk(cls, models, slo, util_cap)
        g = len(models)
        raw = _saturations(models)
        sats = raw * float(util_cap)
        rates = (sats[:, None] * np.arange(1, GRID_POINTS + 1) / GRID_POINTS).ravel()
        big = models[0] if g == 1 else stacked(models, [GRID_POINTS] * g)
        st = big.state(rates)
        x = st.prefill_s
        t = float(slo.ttft_p99_s)
        hold = rates * (st.mean_prefill_s + big.mean_decode_steps * st.iteration_s)
        n_run = np.repeat([max(int(math.floor(m.max_running)), 1) for m in models],
                          GRID_POINTS).astype(np.float64)
        hold = np.minimum(np.nan_to_num(hold, nan=n_run), n_run * (1 - 1e-12))
        w = st.stage_work_s
        above = prefill_stage_tail(t, 0.0, rates, x, big.prob, st.residual_s, w)
        full = prefill_stage_tail(t, 1.0, rates, x, big.prob, st.residual_s, w)
        if slo.tpot_p99_s is None:
            tp = np.zeros(rates.shape)
        else:
            tp = tpot_tail(float(slo.tpot_p99_s), st.decode_iteration_s, st.prefill_iteration_s,
                           st.prefill_fraction, big.burst_iterations(st), big.decode_steps,
                           big.decode_prob)
        bad = ~st.stable
        above = np.where(bad, 1.0, above)
        wait = np.where(bad, 1.0, np.maximum(full - above, 0.0))
        tp = np.where(bad, 1.0, tp)
        # admission: a sequence waits for one of max_running places, and join-the-shortest-
        # queue routing pools the places of the replicas it balances over (Erlang C over k x
        # max_running, holding time = time in the replica); counted in full against the tail
        kk = np.arange(1, SLICE_MAX_REPLICAS + 1, dtype=np.float64)[:, None]
        adm = erlang_c(kk * n_run[None, :], kk * hold[None, :])
        out = []
        for i, m in enumerate(models):
            sl = slice(i * GRID_POINTS, (i + 1) * GRID_POINTS)
            out.append(cls(m, slo, rates[sl], above[sl], wait[sl], tp[sl], float(sats[i]),
                           adm[:, sl], stability_per_s=float(raw[i])))
        return out

    @property
    def eps(self) -> float:
        return 1.0 - float(self.slo.quantile)

    def with_correction(self, correction: float) -> EngineCriterion:
        """The same criterion with its per-replica capacity scaled by ``correction``."""
        return replace(self, correction=float(correction))

    @property
    def ceiling_per_s(self) -> float:
        """The largest per-replica rate a calibration may credit: :data:`CEILING_FACTOR` x the
        model's saturation rate when it is known, else the grid top.  The simulated judge's
        steady-state rule keeps an overloaded pool from passing, so neither the preset's
        ``util_cap`` margin nor the model's own saturation (within about 10 % of the engine's)
        needs to bound what a simulation measures."""
        s = self.stability_per_s
        if math.isfinite(s) and s > 0:
            return CEILING_FACTOR * float(s)
        return float(self.rates_per_s[-1])

    def _ok(self) -> NDArray[np.bool_]:
        """``(SLICE_MAX_REPLICAS, grid)``: whether a pool of ``k`` replicas (row ``k - 1``) at
        each grid rate meets both SLOs (cached)."""
        cached = self.__dict__.get("_ok_cache")
        if cached is None:
            a = jsq_factor(np.arange(1, SLICE_MAX_REPLICAS + 1))[:, None]
            ttft = self.ttft_above[None, :] + self.admission + a * self.ttft_wait[None, :]
            cached = (ttft <= self.eps) & (self.tpot_tail <= self.eps)[None, :]
            object.__setattr__(self, "_ok_cache", cached)
        return cached

    def per_replica_per_s(self, replicas: NDArray[np.int64]) -> FloatArray:
        """``r(k)`` before the correction: the largest grid rate meeting both SLOs at ``k``
        (every smaller grid rate meeting them too).  Constant beyond
        :data:`~optfleet.planning.simulate.SLICE_MAX_REPLICAS`: a larger pool is verified by
        a slice of that many replicas at its per-replica load, so no more pooling is credited."""
        k = np.atleast_1d(np.asarray(replicas, dtype=np.float64))
        ok = self._ok()
        # leading grid points that pass, per k; non-decreasing in k (a(k) and the pooled
        # admission probability are non-increasing)
        lead = np.where(ok.all(axis=1), ok.shape[1], np.argmin(ok, axis=1))
        lead = np.maximum.accumulate(lead)
        n_ok = lead[np.clip(k, 1, SLICE_MAX_REPLICAS).astype(np.int64) - 1]
        return np.where(n_ok > 0, self.rates_per_s[np.maximum(n_ok - 1, 0)], 0.0)

    def table(self, k_max: int) -> FloatArray:
        """``Lambda[k]`` for ``k = 0..k_max`` (``Lambda[0] = 0``)."""
        k = np.arange(1, int(k_max) + 1)
        # a calibration may raise the tail's level, never beyond the model's saturation rate
        r = np.minimum(self.per_replica_per_s(k) * self.correction, self.ceiling_per_s)
        r = np.maximum.accumulate(r)
        return np.concatenate(([0.0], k * r))

    def binding(self, replicas: int) -> str:
        """Which objective limits ``replicas``: ``"TTFT"``, ``"TPOT"`` or ``"throughput"`` (the
        replica's saturation), the first to fail as the per-replica rate grows."""
        kk = min(max(int(replicas), 1), SLICE_MAX_REPLICAS)
        a = float(jsq_factor(kk))
        ttft_ok = self.ttft_above + self.admission[kk - 1] + a * self.ttft_wait <= self.eps
        tpot_ok = self.tpot_tail <= self.eps
        n = len(self.rates_per_s)
        i_ttft, i_tpot = _last_ok(ttft_ok), _last_ok(tpot_ok)
        if i_ttft >= n - 1 and i_tpot >= n - 1:
            return "throughput"
        return "TPOT" if i_tpot < i_ttft else "TTFT"

    def latency_s(self, replicas: int, rate_per_s: float) -> tuple[float, float]:
        """Model ``(TTFT quantile, TPOT quantile)`` of ``replicas`` at ``rate_per_s`` (the
        correction applied as a load scale: the model at ``rate / correction``)."""
        k = max(int(replicas), 1)
        lam = float(rate_per_s) / k / max(self.correction, 1e-12)
        m = self.model
        st = m.state(lam)
        if not st.stable[0]:
            return float("inf"), float("inf")
        x, _ = m.prefill_times(st.iteration_s, st.decoding_seqs, st.prefill_budget_tokens)
        a = float(jsq_factor(min(k, SLICE_MAX_REPLICAS)))
        w = st.stage_work_s
        q_ttft = _quantile(lambda t: prefill_stage_tail(t, a, lam, x, m.prob, st.residual_s,
                                                        w)[0],
                           self.eps, float(x.max() + st.residual_s[0]) * 4 + 1.0)
        hi = float(st.prefill_iteration_s[0]) + 1e-9
        q_tpot = _quantile(lambda t: tpot_tail(t, st.decode_iteration_s, st.prefill_iteration_s,
                                               st.prefill_fraction, m.burst_iterations(st),
                                               m.decode_steps, m.decode_prob)[0],
                           self.eps, hi)
        return q_ttft, q_tpot


def _last_ok(ok: NDArray[np.bool_]) -> int:
    """Index of the last grid point before the first failure (-1 if the first fails)."""
    return int(np.argmin(ok)) - 1 if not ok.all() else len(ok) - 1


def _quantile(tail, eps: float, hi: float) -> float:
    """The smallest ``t`` with ``tail(t) <= eps`` by bisection on ``[0, hi]`` (grown if needed)."""
    lo = 0.0
    for _ in range(60):
        if tail(hi) <= eps:
            break
        lo, hi = hi, hi * 2.0
    for _ in range(50):
        mid = 0.5 * (lo + hi)
        if tail(mid) <= eps:
            hi = mid
        else:
            lo = mid
    return hi


def _by_chunk(cls: Any, models: list[BatchingModel], slo: SLO, util_cap: float
              ) -> list[EngineCriterion]:
    """:meth:`EngineCriterion.build_many` of models that do not all stack: each group of one
    chunk size stacked (a configuration search's options), else one model at a time."""
    groups: dict[int, list[int]] = {}
    for i, m in enumerate(models):
        groups.setdefault(int(m.profile.chunk_tokens), []).append(i)
    if len(groups) == 1 or not all(can_stack([models[i] for i in g]) for g in groups.values()):
        return [cls.build_many([m], slo, util_cap)[0] for m in models]
    out: list[Any] = [None] * len(models)
    for g in groups.values():
        for i, crit in zip(g, cls.build_many([models[i] for i in g], slo, util_cap), strict=True):
            out[i] = crit
    return out


def _saturations(models: list[BatchingModel]) -> FloatArray:
    """Per model, the largest per-replica rate at which the replica model is stable: a
    geometric grid, then a linear grid between the last stable point and the next (about 1 %
    precise); the models evaluated together (:meth:`EngineCriterion.build_many`)."""
    g = len(models)
    grid = np.geomspace(1e-4, 1e7, 40)
    # (fewer root-search steps here, 12 and 16, than the 24 this search once used: the
    # saturation rates came out identical on every option of the default scenario)
    big = models[0] if g == 1 else stacked(models, [grid.size] * g)
    ok = big.state(np.tile(grid, g), steps=12).stable.reshape(g, grid.size)
    last = np.where(ok.all(axis=1), grid.size - 1, np.argmin(ok, axis=1) - 1)
    sats = np.where(ok[:, 0], grid[np.clip(last, 0, grid.size - 1)], 1e-12)
    refine = ok[:, 0] & (last < grid.size - 1)
    if not refine.any():
        return sats
    i = np.clip(last, 0, grid.size - 2)
    fine = np.linspace(grid[i], grid[i + 1], 65, axis=1)  # (g, 65)
    big = models[0] if g == 1 else stacked(models, [65] * g)
    ok = big.state(fine.ravel(), steps=16).stable.reshape(g, 65)
    j = np.where(ok.all(axis=1), 64, np.argmin(ok, axis=1) - 1)
    return np.where(refine, fine[np.arange(g), np.maximum(j, 0)], sats)


def engine_criterion(
    profile: Any, mix: Any, slo: SLO, summary: MixSummary | None = None, util_cap: float = 1.0
) -> EngineCriterion:
    """The :class:`EngineCriterion` of ``profile`` serving a pool's request ``mix`` (or its
    precomputed ``summary``, shared by every GPU type)."""
    if summary is None:
        summary = MixSummary.from_mix(mix.prompt_tokens, mix.output_tokens, mix.prob)
    return EngineCriterion.build(BatchingModel.from_summary(profile, summary), slo, util_cap)


def engine_k_full(crit: EngineCriterion, rate_per_s: float) -> int:
    """The fewest replicas whose table entry reaches ``rate_per_s``.

    Raises
    ------
    InfeasibleError
        No count serves the pool within the SLO: the message says which objective fails
        (the prefill tail, or the TPOT SLO against a lone sequence's decode step).
    """
    if rate_per_s <= 0:
        return 0
    k = 1
    while True:
        r = min(float(crit.per_replica_per_s(np.array([k]))[0]) * crit.correction,
                crit.ceiling_per_s)
        if r > 0:
            break
        if k >= 1 << 24:
            raise InfeasibleError(_why_infeasible(crit))
        k *= 2
    # r(k) is non-decreasing: ceil(rate / r(k)) replicas (or k) always suffice
    top = max(k, int(math.ceil(rate_per_s / r)))
    table = crit.table(top)
    return int(np.searchsorted(table, rate_per_s * (1.0 - 1e-12), side="left"))


def _why_infeasible(crit: EngineCriterion) -> str:
    """One line on why no replica count meets the SLO (the objective that fails at low load)."""
    eps = crit.eps
    q = f"P{100 * float(crit.slo.quantile):g}"
    if crit.tpot_tail[0] > eps and crit.slo.tpot_p99_s is not None:
        t1 = float(crit.model.profile.decode_iteration_s(1, crit.model.mean_context_tokens))
        return (
            f"the {q} TPOT SLO of {1e3 * float(crit.slo.tpot_p99_s):g} ms can not be met: even "
            f"at the lowest load a decode step takes {1e3 * t1:.3g} ms at batch 1 and prefill "
            "iterations interleave"
        )
    share = float(crit.ttft_above[0])
    return (
        f"{100 * share:.4f}% of requests have a prefill time above the TTFT SLO of "
        f"{1e3 * float(crit.slo.ttft_p99_s):g} ms, more than the {100 * eps:.4g}% the {q} allows, "
        "whatever the number of replicas"
    )
