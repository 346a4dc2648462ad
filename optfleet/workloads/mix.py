"""Request mixes: the exact discrete joint distribution of (routing, prompt, output) lengths.

Physics and queueing work on a :class:`RequestMix`, never on samples.  Builders:

- :func:`mix_from_cdf`: a total-length CDF split by the ratio rule ``l_in = max(1, int(f L))``,
  ``l_out = max(1, L - l_in)`` (``f = 0.8``: the reference system's 80/20 rule); the routing length
  is ``L`` itself (so ``L = 1`` gives prompt 1, output 1, routing 1).
- :func:`mix_from_separate`: independent prompt and output CDFs; each marginal is compressed to at
  most ``max_classes_per_side`` classes (see the function); routing = prompt + output.
- :func:`mix_from_trace`: the empirical distribution of a trace's (prompt, output) pairs.

:func:`load_workload` turns a scenario's workload spec into a :class:`Workload`.

Examples
--------
>>> from optfleet.workloads import builtin_cdf, mix_from_cdf
>>> m = mix_from_cdf(builtin_cdf("azure"))
>>> short, share = m.restrict(0, 2048)
>>> round(share, 4), short.routing_tokens.max()
(0.7798, np.int64(2048))
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.scenario import CDFWorkload, RatioSplit, SeparateCDFWorkload, TraceWorkload
from optfleet.workloads.cdf import LengthCDF, SeedLike, as_generator, check_count
from optfleet.workloads.cdf_sources import builtin_cdf, cdf_from_pmf, load_cdf
from optfleet.workloads.prefix import (
    MOONCAKE_BLOCK_TOKENS,
    PrefixTrace,
    builtin_prefix_trace,
    load_mooncake,
)
from optfleet.workloads.traces import (
    Trace,
    builtin_trace,
    load_azure2023,
    load_jsonl,
    load_splitwise_csv,
)

PROB_TOL = 1e-9


def _ro(a: Any, dtype: Any) -> NDArray[Any]:
    out = np.array(a, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class RequestMix:
    """A discrete distribution over request classes.

    Parameters
    ----------
    routing_tokens : array_like of int
        The length a router sees (the CDF's total ``L``, or prompt + output).
    prompt_tokens, output_tokens : array_like of int
        Per-class lengths, each >= 1.
    prob : array_like of float
        Class probabilities: finite, >= 0, summing to 1 within 1e-9 (then renormalised).
    name : str
        A label.

    Examples
    --------
    >>> m = RequestMix([10, 20], [8, 16], [2, 4], [0.25, 0.75], name="toy")
    >>> m.mean_total_tokens, m.n_classes
    (17.5, 2)
    """

    routing_tokens: NDArray[np.int64]
    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    prob: NDArray[np.float64]
    name: str = "mix"

    def __post_init__(self) -> None:
        arrs = {}
        for nm in ("routing_tokens", "prompt_tokens", "output_tokens"):
            v = np.asarray(getattr(self, nm))
            if v.ndim != 1:
                raise InputError(f"request mix {self.name!r}: {nm} must be 1-D")
            if not np.issubdtype(v.dtype, np.integer):
                if v.size and (not np.isfinite(v).all() or (v != np.floor(v)).any()):
                    raise InputError(f"request mix {self.name!r}: {nm} must be integers")
            if v.size and v.min() < 1:
                raise InputError(f"request mix {self.name!r}: {nm} must be >= 1, got {v.min()}")
            arrs[nm] = v
        p = np.asarray(self.prob, dtype=np.float64)
        n = p.size
        if p.ndim != 1 or any(a.size != n for a in arrs.values()):
            raise InputError(f"request mix {self.name!r}: all arrays must be 1-D of equal length")
        if n == 0:
            raise InputError(f"request mix {self.name!r} has no classes")
        if not np.isfinite(p).all() or (p < 0).any():
            raise InputError(f"request mix {self.name!r}: probabilities must be finite and >= 0")
        s = p.sum()
        if abs(s - 1.0) > PROB_TOL:
            raise InputError(f"request mix {self.name!r}: probabilities sum to {s!r}, not 1")
        for nm, v in arrs.items():
            object.__setattr__(self, nm, _ro(v, np.int64))
        object.__setattr__(self, "prob", _ro(p / s, np.float64))

    def __repr__(self) -> str:
        return (
            f"RequestMix(name={self.name!r}, classes={self.n_classes}, "
            f"mean_prompt={self.mean_prompt_tokens:.1f}, mean_output={self.mean_output_tokens:.1f})"
        )

    @property
    def n_classes(self) -> int:
        """Number of classes (zero-probability classes included)."""
        return int(self.prob.size)

    @property
    def mean_prompt_tokens(self) -> float:
        """``E[prompt]``."""
        return float(np.dot(self.prob, self.prompt_tokens))

    @property
    def mean_output_tokens(self) -> float:
        """``E[output]``."""
        return float(np.dot(self.prob, self.output_tokens))

    @property
    def mean_total_tokens(self) -> float:
        """``E[prompt + output]`` (not the routing length: they differ for ``L = 1``)."""
        return self.mean_prompt_tokens + self.mean_output_tokens

    @property
    def mean_routing_tokens(self) -> float:
        """``E[routing]``."""
        return float(np.dot(self.prob, self.routing_tokens))

    def restrict(self, lo_excl: float, hi_incl: float) -> tuple[RequestMix | None, float]:
        """The mix conditioned on ``lo_excl < routing <= hi_incl``, and that event's probability.

        Returns ``(None, 0.0)`` when no class with positive probability falls in the range.

        Examples
        --------
        >>> m = RequestMix([10, 20], [8, 16], [2, 4], [0.25, 0.75])
        >>> sub, mass = m.restrict(10, math.inf)
        >>> mass, sub.prompt_tokens.tolist()
        (0.75, [16])
        """
        for nm, v in (("lo_excl", lo_excl), ("hi_incl", hi_incl)):
            try:
                if math.isnan(float(v)):
                    raise ValueError
            except (TypeError, ValueError):
                raise InputError(f"restrict: {nm} must be a number, got {v!r}") from None
        mask = (self.routing_tokens > lo_excl) & (self.routing_tokens <= hi_incl) & (self.prob > 0)
        mass = float(self.prob[mask].sum())
        if mass <= 0:
            return None, 0.0
        sub = RequestMix(
            self.routing_tokens[mask],
            self.prompt_tokens[mask],
            self.output_tokens[mask],
            self.prob[mask] / mass,
            name=f"{self.name}|({lo_excl:g},{hi_incl:g}]",
        )
        return sub, min(mass, 1.0)

    def sample(
        self, n: int, seed: SeedLike = 0
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
        """Draw ``n`` requests: ``(prompt, output, routing)`` int64 arrays.

        Examples
        --------
        >>> m = RequestMix([10, 20], [8, 16], [2, 4], [0.25, 0.75])
        >>> p, o, r = m.sample(5, seed=0)
        >>> bool(((p + o) == r).all())
        True
        """
        n = check_count("n", n)
        rng = as_generator(seed)
        cum = np.cumsum(self.prob)
        idx = np.searchsorted(cum, rng.random(n) * cum[-1], side="right")
        idx = np.minimum(idx, self.prob.size - 1)
        return self.prompt_tokens[idx], self.output_tokens[idx], self.routing_tokens[idx]

    def routing_cdf(self, knots: Any = None) -> LengthCDF:
        """The CDF of the routing length on a knot grid (see :func:`cdf_from_pmf`)."""
        return cdf_from_pmf(self.routing_tokens, self.prob, knots=knots, name=self.name)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of the arrays."""
        return {
            "name": self.name,
            "routing_tokens": self.routing_tokens.tolist(),
            "prompt_tokens": self.prompt_tokens.tolist(),
            "output_tokens": self.output_tokens.tolist(),
            "prob": self.prob.tolist(),
        }


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def ratio_split(
    total_tokens: ArrayLike, prompt_fraction: float = 0.8
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """``l_in = max(1, int(f L))`` (``f L`` in float64, floored), ``l_out = max(1, L - l_in)``.

    Examples
    --------
    >>> p, o = ratio_split([1, 10, 64])
    >>> p.tolist(), o.tolist()
    ([1, 8, 51], [1, 2, 13])
    """
    if not (0 < prompt_fraction < 1):
        raise InputError(f"prompt_fraction must be in (0, 1), got {prompt_fraction!r}")
    L = np.asarray(total_tokens, dtype=np.int64)
    l_in = np.maximum(1, np.floor(float(prompt_fraction) * L.astype(np.float64)).astype(np.int64))
    l_out = np.maximum(1, L - l_in)
    return l_in, l_out


def mix_from_cdf(
    cdf: LengthCDF, split: RatioSplit = RatioSplit(), name: str | None = None
) -> RequestMix:
    """The exact mix of a total-length CDF: one class per length ``L`` with positive mass.

    Examples
    --------
    >>> from optfleet.workloads.cdf import LengthCDF
    >>> m = mix_from_cdf(LengthCDF([10], [1.0]))
    >>> m.n_classes, m.prompt_tokens[:3].tolist(), m.output_tokens[:3].tolist()
    (10, [1, 1, 2], [1, 1, 1])
    """
    L, p = cdf.pmf()
    keep = p > 0
    L, p = L[keep], p[keep]
    l_in, l_out = ratio_split(L, split.prompt_fraction)
    return RequestMix(L, l_in, l_out, p / p.sum(), name=name or cdf.name)


def _compress_marginal(
    lengths: NDArray[np.int64], probs: NDArray[np.float64], max_classes: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """At most ``max_classes`` classes with the same mean (exactly) and total mass.

    Classes are grouped into ``max_classes // 2`` quantile buckets of about equal mass (a class
    heavier than a bucket keeps its own bucket); each bucket with mean ``m`` becomes the two
    integers ``floor(m)`` and ``ceil(m)`` weighted to keep ``m`` exactly.
    """
    keep = probs > 0
    lengths, probs = lengths[keep], probs[keep] / probs[keep].sum()
    if lengths.size <= max_classes:
        return lengths, probs
    n_buckets = max(1, max_classes // 2)
    mid = np.cumsum(probs) - probs / 2.0
    bucket = np.minimum((mid * n_buckets).astype(np.int64), n_buckets - 1)
    mass = np.bincount(bucket, weights=probs, minlength=n_buckets)
    tot = np.bincount(bucket, weights=probs * lengths, minlength=n_buckets)
    ok = mass > 0
    mass, mean = mass[ok], tot[ok] / mass[ok]
    lo = np.floor(mean)
    w_hi = mean - lo
    vals = np.concatenate((lo, lo + 1)).astype(np.int64)
    ws = np.concatenate((mass * (1 - w_hi), mass * w_hi))
    vals, inv = np.unique(vals, return_inverse=True)
    ws = np.bincount(inv, weights=ws)
    pos = ws > 0
    return vals[pos], ws[pos] / ws[pos].sum()


def mix_from_separate(
    prompt_cdf: LengthCDF,
    output_cdf: LengthCDF,
    max_classes_per_side: int = 256,
    name: str | None = None,
) -> RequestMix:
    """Independent prompt and output lengths; routing length = prompt + output.

    Each marginal's exact pmf is compressed to at most ``max_classes_per_side`` classes: the
    classes are grouped into ``max_classes_per_side // 2`` buckets of about equal probability
    (quantile buckets), and each bucket is replaced by the two integers around its mean,
    weighted so that the bucket's mass and mean are kept exactly.  The mix's mean prompt and
    output lengths are therefore exact; shape within a bucket (including the extreme tail) is
    smoothed.  The product has at most ``max_classes_per_side ** 2`` classes.

    Examples
    --------
    >>> from optfleet.workloads.cdf import LengthCDF
    >>> m = mix_from_separate(LengthCDF([1000], [1.0]), LengthCDF([200], [1.0]), 16)
    >>> m.n_classes <= 256, round(m.mean_prompt_tokens, 6), round(m.mean_output_tokens, 6)
    (True, 500.5, 100.5)
    """
    if isinstance(max_classes_per_side, bool) or not isinstance(max_classes_per_side, int):
        raise InputError(f"max_classes_per_side must be an integer, got {max_classes_per_side!r}")
    if max_classes_per_side < 2:
        raise InputError(f"max_classes_per_side must be >= 2, got {max_classes_per_side}")
    lp, pp = _compress_marginal(*prompt_cdf.pmf(), max_classes_per_side)
    lo, po = _compress_marginal(*output_cdf.pmf(), max_classes_per_side)
    P = np.repeat(lp, lo.size)
    O = np.tile(lo, lp.size)  # noqa: E741 - O is the output-length grid
    prob = np.outer(pp, po).ravel()
    return RequestMix(
        P + O, P, O, prob / prob.sum(), name=name or f"{prompt_cdf.name}+{output_cdf.name}"
    )


def mix_from_trace(trace: Trace, name: str | None = None) -> RequestMix:
    """The empirical mix of a trace: unique (prompt, output) pairs weighted by their counts.

    Examples
    --------
    >>> from optfleet.workloads.traces import Trace
    >>> m = mix_from_trace(Trace([0, 1, 2], [5, 5, 9], [1, 1, 2]))
    >>> m.prompt_tokens.tolist(), m.prob.tolist()
    ([5, 9], [0.6666666666666666, 0.3333333333333333])
    """
    pairs = np.stack((trace.prompt_tokens, trace.output_tokens), axis=1)
    uniq, counts = np.unique(pairs, axis=0, return_counts=True)
    p, o = uniq[:, 0], uniq[:, 1]
    return RequestMix(p + o, p, o, counts / counts.sum(), name=name or trace.name)


# --------------------------------------------------------------------------------------------
# Workloads
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Workload:
    """A loaded workload: its request mix, routing-length CDF and (for traces) the trace.

    ``cdf`` is the total-length CDF for CDF workloads; for separate CDFs and traces it is the
    CDF of the routing length (prompt + output) on the default knot grid.
    """

    name: str
    mix: RequestMix
    cdf: LengthCDF
    trace: Trace | None = None
    dropped_rows: int = 0
    prefix: Any = None
    """The prompt-reuse source of a scenario with ``prefix_caching``
    (:class:`optfleet.workloads.prefix_source.ReuseSource`); None otherwise."""


def _load_cdf_spec(spec: CDFWorkload) -> LengthCDF:
    if spec.name is not None:
        return builtin_cdf(spec.name)
    if spec.path is not None:
        return load_cdf(spec.path)
    assert spec.knots is not None
    return LengthCDF.from_knots(spec.knots, name="inline")


def load_trace_spec(spec: TraceWorkload) -> Trace:
    """The :class:`Trace` a :class:`~optfleet.scenario.TraceWorkload` names (built-in or file).

    A Mooncake trace (``format: mooncake``) gives its lengths and times here; its prompt blocks
    are :func:`mooncake_spec_trace`'s.
    """
    if spec.format == "mooncake":
        pt = mooncake_spec_trace(spec)
        return Trace(pt.arrival_s, pt.prompt_tokens, pt.output_tokens, name=pt.name)
    if spec.name is not None:
        return builtin_trace(spec.name)
    assert spec.path is not None
    if spec.format == "azure2023":
        return load_azure2023(spec.path, on_bad_row=spec.on_bad_row)
    if spec.format == "splitwise":
        return load_splitwise_csv(spec.path, on_bad_row=spec.on_bad_row)
    return load_jsonl(
        spec.path,
        spec.time_field,
        spec.prompt_field,
        spec.output_field,
        spec.time_unit_s,
        on_bad_row=spec.on_bad_row,
    )


def mooncake_spec_trace(spec: TraceWorkload, block_tokens: int = MOONCAKE_BLOCK_TOKENS
                        ) -> PrefixTrace:
    """The :class:`~optfleet.workloads.PrefixTrace` of a ``format: mooncake`` trace workload
    (the built-in sample by name, or a file).

    Examples
    --------
    >>> t = mooncake_spec_trace(TraceWorkload(format="mooncake", name="mooncake_conversation"))
    >>> t.n_requests
    328
    """
    if spec.name is not None:
        t = builtin_prefix_trace(spec.name)
        if t.blocks.block_tokens != block_tokens:
            raise InputError(f"trace {spec.name!r} has blocks of {t.blocks.block_tokens} tokens, "
                             f"not {block_tokens} (prefix_caching.block_tokens)")
        return t
    assert spec.path is not None
    return load_mooncake(spec.path, block_tokens=block_tokens)


@lru_cache(maxsize=64)
def _builtin_cdf_workload(name: str, prompt_fraction: float) -> Workload:
    cdf = builtin_cdf(name)
    return Workload(cdf.name, mix_from_cdf(cdf, RatioSplit(prompt_fraction=prompt_fraction)), cdf)


def _trace_workload(trace: Trace) -> Workload:
    mix = mix_from_trace(trace)
    cdf = cdf_from_pmf(trace.total_tokens, np.ones(trace.n_requests), name=trace.name)
    return Workload(trace.name, mix, cdf, trace, trace.dropped_rows)


@lru_cache(maxsize=8)
def _builtin_trace_workload(name: str) -> Workload:
    return _trace_workload(builtin_trace(name))


def load_workload(spec: CDFWorkload | SeparateCDFWorkload | TraceWorkload) -> Workload:
    """Load the workload a scenario spec describes (built-ins are cached).

    Examples
    --------
    >>> from optfleet.scenario import CDFWorkload, TraceWorkload
    >>> w = load_workload(CDFWorkload(name="lmsys"))
    >>> w.name, w.mix.n_classes, w.trace is None
    ('lmsys', 65536, True)
    >>> load_workload(TraceWorkload(name="azure_conv")).trace.n_requests
    19366
    """
    if isinstance(spec, CDFWorkload):
        if spec.name is not None:
            return _builtin_cdf_workload(builtin_cdf(spec.name).name, spec.split.prompt_fraction)
        cdf = _load_cdf_spec(spec)
        return Workload(cdf.name, mix_from_cdf(cdf, spec.split), cdf)
    if isinstance(spec, SeparateCDFWorkload):
        pc, oc = _load_cdf_spec(spec.prompt), _load_cdf_spec(spec.output)
        mix = mix_from_separate(pc, oc)
        return Workload(mix.name, mix, mix.routing_cdf())
    if isinstance(spec, TraceWorkload):
        if spec.name is not None and spec.format != "mooncake":
            return _builtin_trace_workload(builtin_trace(spec.name).name)
        return _trace_workload(load_trace_spec(spec))
    raise InputError(f"unknown workload spec {type(spec).__name__}")


__all__ = [
    "RequestMix",
    "Workload",
    "load_trace_spec",
    "load_workload",
    "mix_from_cdf",
    "mooncake_spec_trace",
    "mix_from_separate",
    "mix_from_trace",
    "ratio_split",
]
