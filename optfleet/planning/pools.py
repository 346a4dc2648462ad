"""The resolved question: preset, workload, model and GPU profiles, and the pools of a layout.

:class:`PoolContext` resolves a scenario once (its replica profiles are cached); a *layout*'s
pools say which requests each serves (:func:`layout_pools`).  Per-pool service statistics,
capacity tables and sizes are :mod:`optfleet.planning.sizing`'s.

A *layout* splits the traffic into pools by total request length:

* one pool (``threshold=None``) serving every request up to ``long_max_ctx_tokens``;
* two pools split at ``B_short``: the short pool serves ``L <= B_short`` with ``max_ctx =
  B_short``, the long pool ``B_short < L <= long_max_ctx``.  With compress-and-route factor
  ``gamma > 1`` a share ``p`` (the preset's ``compress_share``) of the requests with
  ``B_short < L <= gamma * B_short`` is compressed to fit and sent to the short pool
  (``alpha' = alpha + p (F(gamma B) - alpha)``).  optfleet shortens a compressed request's
  prompt so that its total is exactly ``B_short`` (the most a short pool can hold), keeping its
  output length.

Examples
--------
>>> from optfleet.planning import PoolContext, layout_pools
>>> ctx = PoolContext.from_names(workload="lmsys", preset="fleet-sim", gpus=("A100",))
>>> [round(p.share, 3) for p in layout_pools(ctx.mix, 4096, 65536)]
[0.984, 0.016]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from optfleet.errors import InputError
from optfleet.scenario import (
    CDFWorkload,
    ModelSpec,
    Scenario,
    ServingConfig,
)
from optfleet.scenario.config_search import VARIANT_SEPARATOR
from optfleet.scenario.presets import AssumptionPreset, get_preset

# --------------------------------------------------------------------------------------------
# Layouts: which requests go to which pool
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolDemand:
    """The traffic one pool of a layout receives (before choosing a GPU type).

    ``share`` is the fraction of all requests; ``mix`` the (renormalised) request mix of the pool;
    ``max_ctx_tokens`` the longest request the pool accepts.
    """

    role: str
    max_ctx_tokens: int
    share: float
    mix: Any  # optfleet.workloads.RequestMix
    sample_mix: Any = None
    """The reference planner's sampled mix for this pool (presets with ``moments="sampled"``)."""

    def rate_per_s(self, total_rate_per_s: float) -> float:
        return self.share * total_rate_per_s


def _mix_class() -> Any:
    from optfleet.workloads import RequestMix

    return RequestMix


def _combine(parts: Sequence[tuple[Any, float]], name: str) -> Any:
    """A mixture of request mixes with the given weights (weights renormalised)."""
    parts = [(m, w) for m, w in parts if m is not None and w > 0]
    total = sum(w for _, w in parts)
    if not parts or total <= 0:
        return None
    if len(parts) == 1:
        return parts[0][0]
    cls = _mix_class()
    return cls(
        routing_tokens=np.concatenate([m.routing_tokens for m, _ in parts]),
        prompt_tokens=np.concatenate([m.prompt_tokens for m, _ in parts]),
        output_tokens=np.concatenate([m.output_tokens for m, _ in parts]),
        prob=np.concatenate([m.prob * (w / total) for m, w in parts]),
        name=name,
    )


def _compress_to(mix: Any, b_short: int) -> Any:
    """Shorten prompts so every request's total is at most ``b_short`` (output kept)."""
    out = np.minimum(mix.output_tokens, max(1, b_short - 1))
    prompt = np.maximum(1, np.minimum(mix.prompt_tokens, b_short - out))
    cls = _mix_class()
    return cls(
        routing_tokens=np.minimum(mix.routing_tokens, b_short),
        prompt_tokens=prompt,
        output_tokens=out,
        prob=mix.prob,
        name=f"{mix.name}|compressed<={b_short}",
    )


def layout_pools(
    mix: Any,
    threshold_tokens: int | None,
    long_max_ctx_tokens: int,
    gamma: float = 1.0,
    compress_share: float = 0.75,
    max_rejected_share: float = 0.001,
) -> list[PoolDemand]:
    """Split a request mix into the pools of one layout.

    Parameters
    ----------
    mix : RequestMix
        The whole workload.
    threshold_tokens : int or None
        ``B_short``; ``None`` for the one-pool layout.
    long_max_ctx_tokens : int
        The longest request the (long or only) pool accepts.  Longer requests are rejected and
        counted: the pools' shares then sum to less than 1 (see :func:`rejected_share`).
    max_rejected_share : float
        More rejected requests than this share is an :class:`InputError`.
    gamma, compress_share : float
        Compress-and-route factor and share (only with a threshold).

    Returns
    -------
    list of PoolDemand
        One pool (role ``"all"``) or two (``"short"``, ``"long"``); a pool with no traffic is
        omitted.
    """
    served, served_mass = mix.restrict(0, long_max_ctx_tokens)
    rejected = 1.0 - served_mass
    if served is None or rejected > max_rejected_share + 1e-12:
        raise InputError(
            f"{rejected:.4%} of the requests are longer than long_max_ctx_tokens="
            f"{long_max_ctx_tokens} (at most {max_rejected_share:.4%} may be rejected); "
            "raise long_max_ctx_tokens or max_rejected_share"
        )
    mix = served
    if threshold_tokens is None or threshold_tokens >= long_max_ctx_tokens:
        return [PoolDemand("all", int(long_max_ctx_tokens), served_mass, mix)]
    b = int(threshold_tokens)
    if gamma < 1:
        raise InputError(f"gamma must be >= 1, got {gamma}")
    short, a_short = mix.restrict(0, b)
    pools: list[PoolDemand] = []
    if gamma > 1 and compress_share > 0:
        upper = min(int(math.floor(gamma * b)), long_max_ctx_tokens)
        band, a_band = mix.restrict(b, upper)
        tail, a_tail = mix.restrict(upper, long_max_ctx_tokens)
        moved = compress_share * a_band
        short_mix = _combine(
            [(short, a_short), (_compress_to(band, b) if band is not None else None, moved)],
            f"{mix.name}|short<={b}|gamma={gamma:g}",
        )
        long_mix = _combine(
            [(band, a_band - moved), (tail, a_tail)], f"{mix.name}|long>{b}|gamma={gamma:g}"
        )
        s_share, l_share = a_short + moved, a_band - moved + a_tail
    else:
        long_mix, l_share = mix.restrict(b, long_max_ctx_tokens)
        short_mix, s_share = short, a_short
    if short_mix is not None and s_share > 0:
        pools.append(PoolDemand("short", b, float(s_share * served_mass), short_mix))
    if long_mix is not None and l_share > 0:
        pools.append(
            PoolDemand("long", int(long_max_ctx_tokens), float(l_share * served_mass), long_mix)
        )
    return pools


def rejected_share(pools: Sequence[PoolDemand]) -> float:
    """The share of requests no pool of a layout accepts (longer than every pool's max_ctx)."""
    return max(0.0, 1.0 - sum(p.share for p in pools))


# --------------------------------------------------------------------------------------------
# Context: scenario + preset resolved into profiles and mixes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolContext:
    """A scenario resolved for analytic work: preset, request mix, a profile per GPU type."""

    scenario: Scenario
    preset: AssumptionPreset
    workload: Any  # optfleet.workloads.Workload
    _profiles: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> PoolContext:
        """Resolve one model's scenario.

        Raises
        ------
        InputError
            If the scenario has several models (:attr:`Scenario.models`): only the planner
            combines them; every other analysis takes one model (``Scenario.for_model``).
        """
        from optfleet.workloads import load_workload

        if scenario.models:
            raise InputError(
                f"scenario {scenario.name!r} has {len(scenario.models)} models; this command "
                "takes one model (`optfleet plan` and `optfleet reliability` plan several)"
            )
        from optfleet.workloads.prefix_source import prefix_workload

        return cls(scenario, get_preset(scenario.preset),
                   prefix_workload(scenario, load_workload(scenario.workload)))

    @classmethod
    def from_names(
        cls,
        *,
        workload: str = "azure",
        preset: str = "default",
        gpus: Sequence[str] = ("A10G", "A100-80GB", "H100-SXM"),
        **kw: Any,
    ) -> PoolContext:
        scenario = Scenario(
            workload=CDFWorkload(name=workload), preset=preset, gpus=tuple(gpus), **kw
        )
        return cls.from_scenario(scenario)

    @property
    def mix(self) -> Any:
        return self.workload.mix

    @cached_property
    def model(self) -> ModelSpec:
        from optfleet.scenario.catalog import resolve_model

        return resolve_model(self.scenario.model)

    @cached_property
    def long_ctx_tokens(self) -> int:
        """The max_ctx of the long (or only) pool.

        Under ``reserve`` KV accounting it is the configured ``long_max_ctx_tokens`` (each slot
        reserves it, as in the reference); under ``paged`` accounting a pool needs no more than
        the longest request it can receive, so it is the smaller of the two.
        """
        configured = int(self.scenario.long_max_ctx_tokens)
        if self.preset.kv_policy == "reserve":
            return configured
        longest = int(self.mix.routing_tokens[self.mix.prob > 0].max())
        return min(configured, longest)

    @cached_property
    def planning_rate_per_s(self) -> float:
        """The arrival rate the analytics size pools for.

        ``rate_per_s`` when the scenario gives no arrival process; the rate of a Poisson or
        gamma process; the **peak** rate of a piecewise-constant one (the SLO must hold at the
        peak); the replayed trace's mean rate times ``rate_scale``.
        """
        from optfleet.scenario import PiecewiseArrivals, TraceReplayArrivals

        a = self.scenario.arrivals
        if a is None:
            return float(self.scenario.rate_per_s)
        if isinstance(a, PiecewiseArrivals):
            return float(max(a.rates_per_s))
        if isinstance(a, TraceReplayArrivals):
            from optfleet.scenario.limits import check
            from optfleet.workloads.mix import load_trace_spec

            rate = load_trace_spec(a.trace).rate_per_s * a.rate_scale
            return float(check("rate_per_s", "the replayed trace's rate x rate_scale", rate))
        return float(a.rate_per_s)

    @cached_property
    def config_candidates(self) -> dict[str, Any]:
        """The configuration search's candidates per GPU type of the menu
        (:class:`~optfleet.physics.configs.ConfigCandidates`; empty without a search)."""
        from optfleet.planning.config_options import config_candidates

        return config_candidates(self)

    @cached_property
    def variants(self) -> dict[str, tuple[str, ServingConfig]]:
        """Option name (``H100-SXM@tp2-fp8-s128-c2048``) -> (GPU type, serving config) of every
        configuration-search candidate (empty without a search)."""
        from optfleet.scenario.config_search import variant_name

        return {variant_name(gpu, c): (gpu, c) for gpu, cands in self.config_candidates.items()
                for c in cands.kept}

    def serving_for(self, gpu: str) -> ServingConfig:
        """The serving config for one GPU type (tensor parallelism may differ per type), or of
        one configuration-search option (:attr:`variants`)."""
        if VARIANT_SEPARATOR in gpu and gpu in self.variants:
            return self.variants[gpu][1].model_copy(update={"kv_policy": self.preset.kv_policy})
        s = self.scenario.serving
        tp = self.scenario.tensor_parallel.get(gpu)
        update: dict[str, Any] = {"kv_policy": self.preset.kv_policy}
        if tp is not None:
            update["tensor_parallel_size"] = tp
        return s.model_copy(update=update)

    def profile(self, gpu: str) -> Any:
        """The replica profile of ``gpu`` under this context's preset (cached)."""
        if gpu in self._profiles:
            return self._profiles[gpu]
        if VARIANT_SEPARATOR in gpu and gpu in self.variants:  # a configuration-search option
            return self._variant_profile(gpu)
        price = self.scenario.prices_usd_per_hour.get(gpu)
        if gpu in self.scenario.profiles:
            prof = self._fitted_profile(gpu, price)
        elif self.preset.profile_set == "calibrated":
            from optfleet.physics import calibrated_profile

            prof = calibrated_profile(gpu, price_usd_per_hour=price)
        else:
            from optfleet.physics import computed_profile
            from optfleet.scenario.catalog import get_gpu

            spec = next((g for g in self.scenario.gpu_overrides if g.name == gpu), None)
            spec = spec or get_gpu(gpu, price_usd_per_hour=price)
            prof = computed_profile(spec, self.model, self.serving_for(gpu))
        self._profiles[gpu] = prof
        return prof

    def _variant_profile(self, name: str) -> Any:
        from optfleet.physics import computed_profile
        from optfleet.scenario.catalog import get_gpu

        gpu = self.variants[name][0]
        price = self.scenario.prices_usd_per_hour.get(gpu)
        spec = next((g for g in self.scenario.gpu_overrides if g.name == gpu), None)
        spec = spec or get_gpu(gpu, price_usd_per_hour=price)
        prof = computed_profile(spec, self.model, self.serving_for(name))
        self._profiles[name] = prof
        return prof

    @cached_property
    def profile_uses(self) -> dict[str, Any]:
        """The calibrated profile file each GPU type uses (:class:`ProfileUse`), read once."""
        from optfleet.physics.fitted import load_profile_use

        return {gpu: load_profile_use(gpu, path) for gpu, path in self.scenario.profiles.items()}

    def _fitted_profile(self, gpu: str, price: float | None) -> Any:
        from optfleet.physics.fitted import profile_from_file
        from optfleet.scenario.catalog import get_gpu

        if self.preset.profile_set == "calibrated":
            raise InputError(
                f"preset {self.preset.name!r} uses the reference planner's constants; a "
                f"calibrated profile (for {gpu}) needs a preset that computes profiles"
            )
        pf, use = self.profile_uses[gpu]
        spec = next((g for g in self.scenario.gpu_overrides if g.name == gpu), None)
        spec = spec or get_gpu(gpu, price_usd_per_hour=price)
        return profile_from_file(pf, spec, self.model, self.serving_for(gpu), use)

    def demands(self, threshold_tokens: int | None, gamma: float = 1.0) -> list[PoolDemand]:
        """The pools of one layout (:func:`layout_pools`) on this context's workload.

        Under a preset with ``moments="sampled"`` and a CDF workload each pool also carries the
        reference planner's sampled mix (:mod:`optfleet.workloads.reference`): the short (or
        only) pool samples lengths up to its max_ctx, the long pool those above
        ``int(gamma * B_short)``.  A pool whose reference sub-CDF has no mass (only traffic
        moved in by compression) keeps its exact moments.
        """
        sc = self.scenario
        demands = layout_pools(
            self.mix,
            threshold_tokens,
            self.long_ctx_tokens,
            gamma,
            self.preset.compress_share,
            sc.max_rejected_share,
        )
        if self.preset.moments != "sampled" or sc.workload.kind != "cdf":
            return demands
        from dataclasses import replace

        from optfleet.workloads.mix import ratio_split
        from optfleet.workloads.reference import fleet_sim_lengths

        out = []
        for d in demands:
            lo = int(gamma * threshold_tokens) if d.role == "long" and threshold_tokens else 0
            try:
                L = fleet_sim_lengths(
                    self.workload.cdf,
                    lo,
                    d.max_ctx_tokens,
                    n=self.preset.moment_samples,
                    seed=self.preset.moment_seed,
                )
            except InputError:  # the reference's sub-CDF is empty: keep the exact moments
                out.append(d)
                continue
            l_in, l_out = ratio_split(L, sc.workload.split.prompt_fraction)
            sample = _mix_class()(
                routing_tokens=L,
                prompt_tokens=l_in,
                output_tokens=l_out,
                prob=np.full(L.size, 1.0 / L.size),
                name=f"{d.mix.name}|fleet-sim sample",
            )
            out.append(replace(d, sample_mix=sample))
        return out

    def layouts(self, *, include_gammas: bool = True) -> list[tuple[int | None, float]]:
        """Candidate (threshold, gamma) layouts: the one-pool layout and every CDF breakpoint."""
        sc = self.scenario
        cands = (
            sc.thresholds_tokens
            if sc.thresholds_tokens is not None
            else tuple(int(t) for t in self.workload.cdf.breakpoints)
        )
        cands = sorted({int(t) for t in cands if t < sc.long_max_ctx_tokens})
        gammas = (sc.gammas or self.preset.gammas) if include_gammas else (1.0,)
        out: list[tuple[int | None, float]] = [(None, 1.0)]
        for t in cands:
            for g in gammas:
                out.append((t, float(g)))
        return out
