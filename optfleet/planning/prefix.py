"""Prefix caching in the planner: the tables' prefill counts, the simulated requests and pools.

With ``prefix_caching`` in the scenario the planning context's workload carries its reuse
source (:class:`~optfleet.workloads.prefix_source.ReuseSource`, ``ctx.workload.prefix``):

* the tables summarise each pool's mix with per-class *prefill* tokens, the prompt minus its
  expected cached tokens (:func:`mix_summary`; :mod:`optfleet.physics.batching`, "Prefix
  caching"), and the plan reports that expected share (:func:`analytic_hit_rate`);
* the small-pool calibration and the verifying simulation run pools with ``prefix_caching``
  under the scenario's router as the balancer, on requests that carry their prompt blocks
  (:func:`pool_requests`, :func:`sim_options`).

Without ``prefix_caching`` every function here gives exactly what the planner used before
(:func:`mix_summary` is ``MixSummary.from_mix`` of the mix).

Examples
--------
>>> from optfleet.planning import PoolContext
>>> ctx = PoolContext.from_names(workload="azure")
>>> d = ctx.demands(None)[0]
>>> analytic_hit_rate(ctx, d.mix) is None, sim_options(ctx)
(True, {})
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from optfleet.physics.batching import MixSummary

__all__ = ["analytic_hit_rate", "caching", "mix_summary", "pool_requests", "sim_options",
           "with_simulated_hit_rates"]


def _source(ctx: Any) -> Any:
    return getattr(ctx.workload, "prefix", None)


def caching(ctx: Any) -> bool:
    """Whether the context's replicas cache prefixes (``prefix_caching`` given and enabled)."""
    src = _source(ctx)
    return src is not None and src.enabled


def mix_summary(ctx: Any, mix: Any) -> MixSummary:
    """The replica model's summary of a pool's ``mix``: with caching, each class prefills its
    prompt minus its expected cached tokens."""
    if not caching(ctx):
        return MixSummary.from_mix(mix.prompt_tokens, mix.output_tokens, mix.prob)
    return MixSummary.from_mix(mix.prompt_tokens, mix.output_tokens, mix.prob,
                               prefill_tokens=_source(ctx).prefill_tokens(mix))


def analytic_hit_rate(ctx: Any, mix: Any) -> float | None:
    """The expected cached share of a pool's prompt tokens the tables use (None without
    caching)."""
    if not caching(ctx):
        return None
    return _source(ctx).hit_rate(mix)


def sim_options(ctx: Any) -> dict[str, Any]:
    """Extra :func:`optfleet.sim.simulate` arguments: the balancer (``{}`` without a reuse
    source, so a call is exactly the one without caching)."""
    src = _source(ctx)
    return {} if src is None else {"balancer": src.balancer}


def draw(ctx: Any, n: int, rng: np.random.Generator) -> tuple[Any, Any, Any, Any]:
    """``n`` requests of the scenario in order, ``(prompt, output, routing, blocks)``: with a
    reuse source its draw (routing = prompt + output), else the mix's sample (blocks None)."""
    src = _source(ctx)
    if src is None:
        prompt, output, routing = ctx.mix.sample(n, seed=rng)
        return prompt, output, routing, None
    prompt, output, blocks = src.draw(n, rng)
    return prompt, output, prompt + output, blocks


def pool_requests(ctx: Any, mix: Any, rate_per_s: float, n: int, rng: np.random.Generator
                  ) -> Any:
    """``n`` Poisson-arriving requests of one pool (those of the source whose routing length is
    in the pool's range, in order) with their prompt blocks: the calibration's workload."""
    from optfleet.scenario import PoissonArrivals
    from optfleet.sim import Requests
    from optfleet.workloads import arrival_times

    src = _source(ctx)
    lo, hi = src.pool_range(mix)
    total = src.prompt_tokens + src.output_tokens
    share = max(float(np.mean((total > lo) & (total <= hi))), 1e-6)
    m = int(math.ceil(1.1 * n / share)) + 100
    while True:
        prompt, output, blocks = src.draw(m, rng)
        tot = prompt + output
        sel = np.flatnonzero((tot > lo) & (tot <= hi))
        if sel.size >= n or m > 50 * n / share:
            break
        m *= 2
    sel = sel[:n]
    arrivals = arrival_times(PoissonArrivals(rate_per_s=rate_per_s), n=sel.size, seed=rng)
    return Requests(arrivals, prompt[sel], output[sel], prefix=blocks.take(sel))


def with_simulated_hit_rates(verdict: Any, result: Any) -> Any:
    """``verdict`` with each pool's simulated prefix hit rate stored in its plan (unchanged
    when no pool cached)."""
    from dataclasses import replace

    pools, changed = [], False
    for pp in verdict.plan.pools:
        est = result.sim.pool(result.names[(pp.role, pp.gpu)]).prefix_hit_rate
        if est is not None and math.isfinite(float(est.value)):
            pp = pp.model_copy(update={"simulated_prefix_hit_rate": float(est.value)})
            changed = True
        pools.append(pp)
    if not changed:
        return verdict
    return replace(verdict, plan=verdict.plan.model_copy(update={"pools": tuple(pools)}))
