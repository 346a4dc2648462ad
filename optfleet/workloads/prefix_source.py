"""The prompt-reuse source of a scenario with ``prefix_caching``: its requests and hit rates.

:func:`prefix_workload` turns a scenario's loaded workload into the one the planner plans when
``prefix_caching`` is set (docs/physics.md, "Prefix caching"):

* a Mooncake trace (``reuse: {kind: trace}``): the trace's own lengths, and its ``hash_ids``;
* the parametric model (``reuse: {kind: parametric}``): ``sample_requests`` requests drawn by
  :func:`~optfleet.workloads.multi_turn_workload` (seeded by the scenario's seed) on the
  workload's lengths (prompt = the user's turn), whose empirical mix is the planned workload.

The :class:`ReuseSource` it attaches (``Workload.prefix``) draws request sequences with their
prompt blocks for the simulations (:meth:`ReuseSource.draw`) and gives each pool's expected
cached tokens per request class (:meth:`ReuseSource.prefill_tokens`): the planning sample's
requests that fall in the pool (its routing-length range) replayed through one unbounded
cache (:meth:`~optfleet.workloads.PrefixBlocks.ideal_hit_tokens`), averaged per (prompt,
output) class.

Examples
--------
>>> from optfleet.scenario import Scenario
>>> from optfleet.workloads import load_workload
>>> s = Scenario(prefix_caching={"reuse": {"kind": "parametric", "system_prompt_tokens": 2048},
...                              "sample_requests": 500})
>>> w = prefix_workload(s, load_workload(s.workload))
>>> src = w.prefix
>>> round(src.hit_rate(w.mix), 3) == round(src.sample.analytic_hit_rate(), 3)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError
from optfleet.workloads.cdf_sources import cdf_from_pmf
from optfleet.workloads.mix import RequestMix, Workload, mix_from_trace, mooncake_spec_trace
from optfleet.workloads.prefix import (
    MultiTurnWorkload,
    PrefixBlocks,
    PrefixTrace,
    multi_turn_workload,
)
from optfleet.workloads.traces import Trace

__all__ = ["ReuseSource", "prefix_workload", "tile_trace"]


def _keys(prompt: NDArray[np.int64], output: NDArray[np.int64]) -> NDArray[np.int64]:
    return np.asarray(prompt, dtype=np.int64) * (1 << 32) + np.asarray(output, dtype=np.int64)


def tile_trace(trace: PrefixTrace, n: int) -> tuple[NDArray[np.int64], NDArray[np.int64],
                                                      PrefixBlocks]:
    """The first ``n`` requests of the trace repeated end to end: ``(prompt, output, blocks)``.

    Each repetition's block ids are shifted past the previous one's, so a repetition shares no
    prefix with the one before (it is a fresh stretch of the same kind of traffic).

    Examples
    --------
    >>> b = PrefixBlocks.from_lists([[0, 1], [0, 2]], block_tokens=4)
    >>> t = PrefixTrace([0.0, 1.0], [8, 8], [1, 1], b)
    >>> p, o, blocks = tile_trace(t, 3)
    >>> p.tolist(), blocks.of(2).tolist()
    ([8, 8, 8], [3, 4])
    """
    m = trace.n_requests
    idx = np.arange(int(n), dtype=np.int64) % m
    lap = np.arange(int(n), dtype=np.int64) // m
    ids = trace.blocks.ids
    span = int(ids.max()) + 1 if ids.size else 1
    counts = trace.blocks.counts[idx]
    off = np.zeros(int(n) + 1, dtype=np.int64)
    off[1:] = np.cumsum(counts)
    laps = int(lap[-1]) + 1 if n else 0
    flat = (ids[None, :] + (np.arange(laps, dtype=np.int64) * span)[:, None]).ravel()[:off[-1]]
    blocks = PrefixBlocks(off, flat, trace.blocks.block_tokens)
    return trace.prompt_tokens[idx], trace.output_tokens[idx], blocks


@dataclass(frozen=True, eq=False)
class ReuseSource:
    """The reuse data of one scenario: a planning sample of requests with their prompt blocks,
    and how to draw more (see the module docstring).

    ``sample`` is the parametric draw (:class:`~optfleet.workloads.MultiTurnWorkload`, None for a
    trace); ``prompt_tokens`` / ``output_tokens`` / ``blocks`` the planning sample, in order.
    """

    spec: Any  # optfleet.scenario.PrefixCaching
    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    blocks: PrefixBlocks
    max_ctx_tokens: int
    trace: PrefixTrace | None = None
    base_mix: RequestMix | None = None
    sample: MultiTurnWorkload | None = None
    _hits: dict[tuple[int, int], tuple[NDArray[np.int64], NDArray[np.float64]]] = field(
        default_factory=dict, repr=False)

    @property
    def enabled(self) -> bool:
        """Whether the replicas cache (``prefix_caching.enabled``)."""
        return bool(self.spec.enabled)

    @property
    def balancer(self) -> str:
        """The balancer inside each pool: the scenario's router when caching, else ``jsq``."""
        return str(self.spec.router) if self.enabled else "jsq"

    def draw(self, n: int, rng: np.random.Generator
             ) -> tuple[NDArray[np.int64], NDArray[np.int64], PrefixBlocks]:
        """``n`` requests in order, ``(prompt, output, blocks)``: the trace from its start
        (:func:`tile_trace`), or a fresh parametric draw from ``rng``."""
        if self.trace is not None:
            return tile_trace(self.trace, n)
        assert self.base_mix is not None
        w = _multi_turn(self.spec, self.base_mix, n, self.max_ctx_tokens, rng)
        return w.prompt_tokens, w.output_tokens, w.blocks

    @staticmethod
    def pool_range(mix: RequestMix) -> tuple[int, int]:
        """``(lo_excl, hi_incl)``: the routing lengths of a pool's mix (its classes with
        positive probability)."""
        r = mix.prompt_tokens[mix.prob > 0] + mix.output_tokens[mix.prob > 0]
        return int(r.min()) - 1, int(r.max())

    def _class_hits(self, lo: int, hi: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Sorted class keys of the sample requests in ``(lo, hi]`` and their mean cached
        tokens, those requests replayed in order through one unbounded cache (cached)."""
        got = self._hits.get((lo, hi))
        if got is not None:
            return got
        total = self.prompt_tokens + self.output_tokens
        sel = np.flatnonzero((total > lo) & (total <= hi))
        if sel.size == 0:
            got = (np.zeros(0, dtype=np.int64), np.zeros(0))
        else:
            sub = PrefixBlocks.from_lists([self.blocks.of(int(i)) for i in sel],
                                          self.blocks.block_tokens)
            hit = sub.ideal_hit_tokens(self.prompt_tokens[sel]) if self.enabled else (
                np.zeros(sel.size, dtype=np.int64))
            keys, inv = np.unique(_keys(self.prompt_tokens[sel], self.output_tokens[sel]),
                                  return_inverse=True)
            mean = np.bincount(inv, weights=hit) / np.bincount(inv)
            got = (keys, mean)
        self._hits[(lo, hi)] = got
        return got

    def hit_tokens(self, mix: RequestMix) -> NDArray[np.float64]:
        """Expected cached prompt tokens per class of a pool's ``mix`` (0 for a class the
        sample does not hold in the pool's range, e.g. a compressed prompt)."""
        keys, mean = self._class_hits(*self.pool_range(mix))
        out = np.zeros(mix.n_classes)
        if keys.size:
            k = _keys(mix.prompt_tokens, mix.output_tokens)
            pos = np.minimum(np.searchsorted(keys, k), keys.size - 1)
            out = np.where(keys[pos] == k, mean[pos], 0.0)
        return np.minimum(out, mix.prompt_tokens - 1.0)

    def prefill_tokens(self, mix: RequestMix) -> NDArray[np.float64]:
        """Prompt tokens each class of ``mix`` prefills: its prompt minus its expected cached
        tokens (at least 1)."""
        return np.maximum(mix.prompt_tokens - self.hit_tokens(mix), 1.0)

    def hit_rate(self, mix: RequestMix) -> float:
        """Expected cached share of a pool's prompt tokens (the analytic hit rate)."""
        return float(mix.prob @ self.hit_tokens(mix) / (mix.prob @ mix.prompt_tokens))


def _multi_turn(spec: Any, base: RequestMix, n: int, cap: int, rng: Any) -> MultiTurnWorkload:
    """``n`` parametric requests on ``base``'s lengths (prompt = the user's turn)."""
    p, o, _ = base.sample(n, seed=rng)
    r = spec.reuse
    return multi_turn_workload(n, lambda k, g: p, lambda k, g: o,
                               system_prompt_tokens=int(r.system_prompt_tokens),
                               continue_share=float(r.continue_share),
                               block_tokens=int(spec.block_tokens), max_ctx_tokens=cap, seed=rng)


def _base_mix(scenario: Any, mix: RequestMix) -> RequestMix:
    """The workload's requests that still fit ``long_max_ctx_tokens`` after the system prompt."""
    sys_tokens = int(scenario.prefix_caching.reuse.system_prompt_tokens)
    room = int(scenario.long_max_ctx_tokens) - sys_tokens
    keep = (mix.prompt_tokens + mix.output_tokens <= room) & (mix.prob > 0)
    lost = float(mix.prob[~keep].sum())
    if not keep.any() or lost > float(scenario.max_rejected_share) + 1e-12:
        raise InputError(
            f"{lost:.4%} of the requests do not fit long_max_ctx_tokens="
            f"{scenario.long_max_ctx_tokens} after the {sys_tokens}-token system prompt "
            "(prefix_caching.reuse); raise long_max_ctx_tokens or max_rejected_share")
    return RequestMix(mix.routing_tokens[keep], mix.prompt_tokens[keep], mix.output_tokens[keep],
                      mix.prob[keep] / mix.prob[keep].sum(), name=mix.name)


def prefix_workload(scenario: Any, workload: Workload) -> Workload:
    """The workload the planner plans for ``scenario`` (unchanged without ``prefix_caching``),
    with its :class:`ReuseSource` (see the module docstring).

    Raises
    ------
    InputError
        A preset whose tables are not the engine-level model (prefix caching is modelled by the
        continuous-batching replica only), a non-paged KV policy, disaggregated layouts, or
        requests that do not fit with the system prompt.
    """
    pc = getattr(scenario, "prefix_caching", None)
    if pc is None:
        return workload
    from optfleet.scenario.presets import get_preset

    preset = get_preset(scenario.preset)
    if preset.replica_model != "engine" or preset.kv_policy != "paged":
        raise InputError(f"prefix_caching needs the engine-level tables and paged KV; preset "
                         f"{preset.name!r} has replica_model {preset.replica_model!r} and "
                         f"kv_policy {preset.kv_policy!r} (use preset default)")
    if scenario.disaggregation != "off":
        raise InputError("prefix_caching is planned for aggregated layouts only; set "
                         "disaggregation: off")
    cap = int(scenario.long_max_ctx_tokens)
    if pc.reuse.kind == "trace":
        t = mooncake_spec_trace(scenario.workload, int(pc.block_tokens))
        src = ReuseSource(pc, t.prompt_tokens, t.output_tokens, t.blocks, cap, trace=t)
        return Workload(workload.name, workload.mix, workload.cdf, workload.trace,
                        workload.dropped_rows, prefix=src)
    base = _base_mix(scenario, workload.mix)
    rng = np.random.default_rng(int(scenario.seed))
    w = _multi_turn(pc, base, int(pc.sample_requests), cap, rng)
    src = ReuseSource(pc, w.prompt_tokens, w.output_tokens, w.blocks, cap, base_mix=base,
                      sample=w)
    n = w.n
    name = f"{workload.name}+system prompt {pc.reuse.system_prompt_tokens}"
    mix = mix_from_trace(Trace(np.arange(n, dtype=np.float64), w.prompt_tokens,
                               w.output_tokens), name=name)
    cdf = cdf_from_pmf(w.prompt_tokens + w.output_tokens, np.ones(n), name=name)
    return Workload(name, mix, cdf, None, 0, prefix=src)
