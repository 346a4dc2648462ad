"""An analytic model of one continuous-batching replica: the batch it runs at a given load.

This is the replica the engine-level simulator runs (:mod:`optfleet.sim`, ``level="engine"``):
every iteration carries one token of each decoding sequence and up to ``chunk - d`` prompt tokens
of the prefilling ones (chunked prefill, in admission order); the iteration takes the profile's
``t(p, d, c)``.  Given a per-replica arrival rate ``lam`` and a request mix (prompt ``l_in``,
output ``l_out``, probabilities ``p``), :meth:`BatchingModel.state` solves the fixed point

* decoding sequences ``D = lam E[l_out - 1] T`` (Little's law: each request decodes for
  ``l_out - 1`` iterations after its first token, each of mean length ``T``);
* prefill budget ``b = floor(chunk - D)`` whole tokens; a prompt takes ``n_i = ceil(l_in /
  b)`` chunk iterations;
* prompts share chunk iterations (the next waiting prompt fills the budget the current one
  leaves), so a prompt costs ``g = E[l_in] / b + (1 - f)(E[n] - E[l_in] / b)`` prefill
  iterations and the fraction of iterations that carry prompt tokens is ``f = lam g T`` (at
  most 1, solved in closed form), with ``E[l_in] / g`` prompt tokens each;
* decode-only and prefill iteration times ``T_dec = t(0, D, D Cbar)``, ``T_pre = t(E[l_in] /
  g, D, D Cbar)`` with ``Cbar`` the time-average context of a decoding sequence;
* the mean iteration ``T = (1 - f) T_dec + f T_pre``,

solved for ``T`` by bisection (the right side grows with ``T``; no root means the replica is
saturated).  From the state: each class's prefill time once admitted ``X_i = (n_i - 1) t(b, D,
.) + t(last_i, D, .)`` (a prompt's own sojourn in the replica's prefill stage, an FCFS single
server whose work per prompt is its token share ``S_i`` of ``g`` prefill iterations, utilisation
``rho = lam E[S]``), the mean residual of the iteration in progress at an arrival
``E[T^2] / 2 E[T]``, the sequences in the replica ``D + lam E[X]`` and the KV they hold.  The
derivation and its assumptions are in ``docs/queueing.md`` ("The engine-level replica").

**Prefix caching.**  With an automatic prefix cache a class's prompt splits into the tokens the
cache holds and the ``prefill_tokens`` it still prefills: every prefill quantity above (``l_in``
in ``n_i``, ``g``, ``S_i``, ``X_i``) is the prefill count, while the context ``Cbar`` a decoding
sequence attends over and the KV it holds (hence ``max_running``) stay those of the whole
prompt.  The model assumes the cached blocks that no running sequence uses fit in the KV memory
the running sequences leave free (they are evicted first, never from a running sequence), i.e.
the hot prefix set - a shared system prompt, the live conversations - is small next to the KV
budget; shared blocks held by several running sequences are counted once per sequence (a
conservative KV count).  ``docs/physics.md`` ("Prefix caching").

Examples
--------
>>> from optfleet.physics.calibrated import calibrated_profile
>>> m = BatchingModel.from_mix(calibrated_profile("H100"), [1000], [200], [1.0])
>>> s = m.state(2.0)
>>> bool(s.stable[0]), round(float(s.decoding_seqs[0]), 1) > 0
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.physics.profiles import ReplicaProfile

__all__ = ["BatchState", "BatchingModel", "MixSummary", "can_stack", "stacked"]

FloatArray = NDArray[np.float64]

#: Steps of the fixed point's bracketing (Illinois) root search.
_STEPS = 16
#: Halving steps before the regula falsi (the initial bracket spans orders of magnitude).
_BISECT = 10


@dataclass(frozen=True)
class BatchState:
    """The steady state of a replica at per-replica rates ``rate_per_s`` (arrays, one per rate).

    ``stable`` is False where the replica can not keep up (no fixed point, prefill stage at or
    over utilisation 1, or more sequences than it can run); the other fields are then NaN.
    """

    rate_per_s: FloatArray
    stable: NDArray[np.bool_]
    iteration_s: FloatArray
    decode_iteration_s: FloatArray
    prefill_iteration_s: FloatArray
    prefill_fraction: FloatArray
    decoding_seqs: FloatArray
    running_seqs: FloatArray
    prefill_budget_tokens: FloatArray
    prefill_utilisation: FloatArray
    mean_prefill_s: FloatArray
    residual_s: FloatArray
    prefill_s: FloatArray | None = None
    """Per state (rows) and prompt class (columns): the prefill time once admitted."""
    stage_work_s: FloatArray | None = None
    """Per state and class: the prefill stage's busy time a prompt causes when prompts share
    chunks (its token share of ``prefill_iterations`` prefill iterations)."""
    prefill_iterations: FloatArray | None = None
    """Per state: mean prefill iterations per prompt (``E[ceil(l_in / b)]`` at low load,
    ``E[l_in] / b`` when prompts always share chunks)."""


@dataclass(frozen=True)
class MixSummary:
    """What the replica model needs of a request mix: its means and two marginals (prompt
    lengths; decode steps ``l_out - 1``), each compressed conservatively (:func:`_marginal`)."""

    prompt_tokens: FloatArray
    prompt_prob: FloatArray
    decode_steps: FloatArray
    decode_prob: FloatArray
    mean_prompt_tokens: float
    mean_decode_steps: float
    mean_context_tokens: float
    mean_tokens_held: float

    @classmethod
    def from_mix(cls, prompt_tokens: ArrayLike, output_tokens: ArrayLike,
                 prob: ArrayLike, prefill_tokens: ArrayLike | None = None) -> MixSummary:
        """Summarise a mix (see :meth:`BatchingModel.from_mix` for the checks).

        ``prefill_tokens`` (per class, ``1 <= prefill <= prompt``; None: the prompts) are the
        prompt tokens a class prefills when a prefix cache holds the rest: the prefill marginal
        and ``mean_prompt_tokens`` are theirs, while the context and KV a sequence holds stay
        those of its whole prompt.

        Examples
        --------
        >>> s = MixSummary.from_mix([1000], [101], [1.0], prefill_tokens=[200])
        >>> s.mean_prompt_tokens, s.mean_context_tokens
        (200.0, 1050.5)
        """
        l_in = np.asarray(prompt_tokens, dtype=np.float64).ravel()
        l_out = np.asarray(output_tokens, dtype=np.float64).ravel()
        p = np.asarray(prob, dtype=np.float64).ravel()
        if not (l_in.size == l_out.size == p.size) or l_in.size == 0:
            raise InputError("prompt_tokens, output_tokens and prob must be non-empty and equal")
        if not (np.all(np.isfinite(l_in)) and np.all(np.isfinite(l_out))
                and np.all(np.isfinite(p))):
            raise InputError("the request mix must be finite (found NaN or inf)")
        if np.any(l_in < 1) or np.any(l_out < 1) or np.any(p < 0) or not p.sum() > 0:
            raise InputError("token counts must be >= 1 and probabilities >= 0 with a positive sum")
        pre = l_in if prefill_tokens is None else _prefill(prefill_tokens, l_in)
        keep = p > 0
        l_in, l_out, p, pre = l_in[keep], l_out[keep], p[keep] / p[keep].sum(), pre[keep]
        steps = l_out - 1.0
        e_steps = float(p @ steps)
        # time-average context of a decoding sequence (each decode step weighted equally)
        ctx = float(p @ (steps * l_in + steps * (steps + 1.0) / 2.0)) / max(e_steps, 1e-12)
        held = float(p @ (l_out * l_in + l_out * (l_out + 1.0) / 2.0)) / float(p @ l_out)
        prompts, prompt_p = _marginal(pre, p, up=True)
        outs, out_p = _marginal(steps, p, up=False)
        return cls(prompts, prompt_p, outs, out_p, float(p @ pre), e_steps, ctx, held)


def _prefill(prefill_tokens: ArrayLike, l_in: FloatArray) -> FloatArray:
    """Checked per-class prefill tokens: whole numbers in ``[1, prompt]``."""
    pre = np.asarray(prefill_tokens, dtype=np.float64).ravel()
    if pre.shape != l_in.shape or not np.all(np.isfinite(pre)):
        raise InputError("prefill_tokens must be finite, one per class")
    if np.any(pre < 1) or np.any(pre > l_in):
        raise InputError("prefill_tokens must be in [1, prompt tokens] for every class")
    return np.ceil(pre)


@dataclass(frozen=True)
class BatchingModel:
    """A replica profile and a pool's request mix, reduced to what the fixed point needs.

    Build with :meth:`from_mix`.  The mix is kept as its means and two marginals: prompt lengths
    (``prompt_tokens``, ``prob``) for the prefill stage and decode steps ``l_out - 1``
    (``decode_steps``, ``decode_prob``) for TPOT.  ``max_running`` is the most sequences the
    replica runs at once (``max_num_seqs``, or the KV budget over the mean tokens a sequence holds).
    """

    profile: ReplicaProfile
    prompt_tokens: FloatArray
    prob: FloatArray
    decode_steps: FloatArray
    decode_prob: FloatArray
    mean_prompt_tokens: float
    mean_decode_steps: float
    mean_context_tokens: float
    mean_tokens_held: float
    max_running: float

    @classmethod
    def from_mix(
        cls, profile: ReplicaProfile, prompt_tokens: ArrayLike, output_tokens: ArrayLike,
        prob: ArrayLike, prefill_tokens: ArrayLike | None = None,
    ) -> BatchingModel:
        """The model of ``profile`` serving the mix (``prob`` normalised; zero classes dropped).

        ``prefill_tokens`` (per class; None: the whole prompts) are what each class prefills
        when a prefix cache holds the rest of its prompt (:meth:`MixSummary.from_mix`; module
        docstring, "Prefix caching").

        Raises
        ------
        InputError
            Empty, unequal-length, non-finite or non-positive inputs.
        """
        return cls.from_summary(profile, MixSummary.from_mix(prompt_tokens, output_tokens, prob,
                                                             prefill_tokens))

    @classmethod
    def from_summary(cls, profile: ReplicaProfile, mix: MixSummary) -> BatchingModel:
        """The model of ``profile`` serving a summarised mix (one summary serves every GPU)."""
        cap = float(profile.max_num_seqs)
        if profile.kv_policy == "paged":
            cap = min(cap, profile.kv_capacity_tokens / max(mix.mean_tokens_held, 1.0))
        return cls(profile, mix.prompt_tokens, mix.prompt_prob, mix.decode_steps,
                   mix.decode_prob, mix.mean_prompt_tokens, mix.mean_decode_steps,
                   mix.mean_context_tokens, mix.mean_tokens_held, cap)

    # ------------------------------------------------------------------ the fixed point

    def _rhs(self, lam: FloatArray, t: FloatArray) -> tuple[FloatArray, ...]:
        """``(T', D, b, f, T_dec, T_pre)`` for guessed mean iteration times ``t``."""
        it = self.profile.iteration
        chunk = float(self.profile.chunk_tokens)
        d = lam * self.mean_decode_steps * t
        b = np.maximum(np.floor(chunk - d), 1.0)  # whole tokens: never more than the budget
        e_n = self._mean_chunks()[b.astype(np.int64)]
        packed = self.mean_prompt_tokens / b
        # prefill iterations per prompt g = packed + (1 - f)(E[n] - packed): the budget a
        # prompt's last chunk leaves is filled by the next prompt when one waits (probability
        # ~ f, the stage busy); with f = lam g T this solves in closed form
        x = lam * t
        f = np.minimum(x * e_n / (1.0 + x * (e_n - packed)), 1.0)
        g = np.where(x > 0, f / np.where(x > 0, x, 1.0), e_n)
        ptok = np.minimum(self.mean_prompt_tokens / g, b)
        c = d * self.mean_context_tokens
        t_dec = it.time_s(0.0, d, c)
        t_pre = it.time_s(ptok, d, c)
        return (1.0 - f) * t_dec + f * t_pre, d, b, f, t_dec, t_pre, g

    def _mean_chunks(self) -> FloatArray:
        """``E[ceil(l_in / b)]`` for every whole budget ``b = 0..chunk`` (index 0 unused);
        see :func:`mean_chunks` (cached on the model)."""
        cached = self.__dict__.get("_chunks")
        if cached is None:
            cached = mean_chunks(self.prompt_tokens, self.prob, int(self.profile.chunk_tokens))
            object.__setattr__(self, "_chunks", cached)
        return cached

    def state(self, rate_per_s: ArrayLike, *, steps: int = _STEPS) -> BatchState:
        """The replica's steady state at each per-replica rate (vectorised; see the module).

        Examples
        --------
        >>> from optfleet.physics.calibrated import calibrated_profile
        >>> m = BatchingModel.from_mix(calibrated_profile("H100"), [1000], [200], [1.0])
        >>> s = m.state([0.0, 1e6])
        >>> s.stable.tolist(), round(float(s.iteration_s[0]), 6)
        ([True, False], 0.004)
        """
        lam = np.atleast_1d(np.asarray(rate_per_s, dtype=np.float64))
        if np.any(~np.isfinite(lam)) or np.any(lam < 0):
            raise InputError("rate_per_s must be finite and non-negative")
        it = self.profile.iteration
        lo = np.array(np.broadcast_to(it.time_s(0.0, 0.0, 0.0), lam.shape), dtype=np.float64)
        # the largest meaningful T: the replica runs at most max_running sequences
        d_max = self.max_running
        hi_t = it.time_s(float(self.profile.chunk_tokens), d_max,
                         d_max * self.mean_context_tokens)
        hi = np.array(np.broadcast_to(np.maximum(hi_t, lo) * 4.0, lam.shape), dtype=np.float64)
        g_hi = self._rhs(lam, hi)[0] - hi
        ok_hi = g_hi <= 0
        g_lo = self._rhs(lam, lo)[0] - lo  # >= 0: an iteration is never shorter than c0
        side = np.zeros(lam.shape)
        for _ in range(_BISECT):  # first narrow the wide bracket by halving
            mid = 0.5 * (lo + hi)
            g = self._rhs(lam, mid)[0] - mid
            up = g > 0
            lo, g_lo = np.where(up, mid, lo), np.where(up, g, g_lo)
            hi, g_hi = np.where(up, hi, mid), np.where(up, g_hi, g)
        for _ in range(steps):  # Illinois regula falsi on g(T) = T'(T) - T, bracket kept
            denom = g_lo - g_hi
            mid = np.where(denom > 0, hi + g_hi * (hi - lo) / np.where(denom > 0, denom, 1.0),
                           0.5 * (lo + hi))
            mid = np.clip(mid, lo + 1e-3 * (hi - lo), hi - 1e-3 * (hi - lo))
            g = self._rhs(lam, mid)[0] - mid
            up = g > 0  # T' > T: the root is above mid
            lo = np.where(up, mid, lo)
            hi = np.where(up, hi, mid)
            g_hi = np.where(up, np.where(side > 0, 0.5 * g_hi, g_hi), g)
            g_lo = np.where(up, g, np.where(side < 0, 0.5 * g_lo, g_lo))
            side = np.where(up, 1.0, -1.0)
        t = hi
        # the upper end of the final bracket: where a chunk-count step makes T'(T) jump across
        # T, this is the conservative side (T'(t) <= t: D and the iterations are those at t)
        _, d, b, f, t_dec, t_pre, n_it = self._rhs(lam, t)
        t_bar = t
        x, _ = self.prefill_times(t_bar, d, b)
        mean_x = x @ self.prob
        # the stage's work per prompt with packing: its share of g prefill iterations
        work = (self.prompt_tokens / self.mean_prompt_tokens)[None, :] * (n_it * t_pre)[:, None]
        rho = lam * (work @ self.prob)
        running = d + lam * mean_x
        resid = ((1.0 - f) * t_dec**2 + f * t_pre**2) / (2.0 * np.maximum(t_bar, 1e-300))
        stable = ok_hi & (rho < 1.0) & (f < 1.0) & (running <= self.max_running)
        nan = np.where(stable, 1.0, np.nan)
        return BatchState(
            rate_per_s=lam, stable=stable, iteration_s=t_bar * nan,
            decode_iteration_s=t_dec * nan, prefill_iteration_s=t_pre * nan,
            prefill_fraction=f * nan, decoding_seqs=d * nan, running_seqs=running * nan,
            prefill_budget_tokens=b * nan, prefill_utilisation=rho * nan,
            mean_prefill_s=mean_x * nan, residual_s=resid * nan, prefill_s=x,
            stage_work_s=work, prefill_iterations=n_it * nan,
        )

    def prefill_times(
        self, t_bar: FloatArray, d: FloatArray, b: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """Per class (columns) and state (rows): prefill time once admitted, and chunk count.

        ``X_i = (n_i - 1) t(b, D, D Cbar) + t(last_i, D, D Cbar)`` with ``n_i = ceil(l_in /
        b)`` and ``last_i = l_in - (n_i - 1) b``.
        """
        it = self.profile.iteration
        d = np.atleast_1d(d)[:, None]
        b = np.floor(np.atleast_1d(b))[:, None]
        c = d * self.mean_context_tokens
        n = np.ceil(self.prompt_tokens[None, :] / b)
        last = self.prompt_tokens[None, :] - (n - 1.0) * b
        full = it.time_s(b, d, c)
        return (n - 1.0) * full + it.time_s(last, d, c), n

    def burst_iterations(self, state: BatchState) -> FloatArray:
        """Mean length, in iterations, of a run of consecutive prefill iterations.

        A prefill busy period of the replica's FCFS prefill stage lasts ``E[X] / (1 - rho)``
        (M/G/1), i.e. ``E[n] / (1 - rho)`` chunk iterations; decode iterations of a sequence that
        fall in such a run are not independent draws, so the TPOT tail counts runs, not
        iterations.
        """
        if state.prefill_iterations is not None:
            e_n = np.nan_to_num(state.prefill_iterations, nan=1.0)
        else:
            b = np.maximum(np.nan_to_num(state.prefill_budget_tokens, nan=1.0), 1.0)
            e_n = self._mean_chunks()[np.floor(b).astype(np.int64)]
        return np.maximum(e_n / np.maximum(1.0 - state.prefill_utilisation, 1e-9), 1.0)


def stacked(models: list[BatchingModel], counts: list[int]) -> BatchingModel:
    """One model evaluating several models of the same request mix at once: element ``j`` of
    a rate array belongs to ``models[i]`` for the ``counts[i]`` consecutive elements of ``i``.

    :meth:`BatchingModel.state` is elementwise in the rates, so each element's state is exactly
    (bit for bit) the one its own model gives; stacking only saves the per-call overhead (the
    planner evaluates every GPU type of a pool together).  The models must share the mix
    summary and the chunk size (:func:`can_stack`).
    """
    if not can_stack(models):
        raise InputError("only models of one request mix and one chunk size stack")
    first = models[0]
    reps = np.asarray(counts, dtype=np.int64)
    its = [m.profile.iteration for m in models]
    params = {f: np.repeat(np.array([getattr(i, f) for i in its], dtype=np.float64), reps)
              for f in _ITERATION_FIELDS}
    prof = _StackedProfile(_StackedIteration(**params), int(first.profile.chunk_tokens))
    running = np.repeat(np.array([m.max_running for m in models], dtype=np.float64), reps)
    out = replace(first, profile=prof, max_running=running)
    chunks = first.__dict__.get("_chunks")
    if chunks is not None:
        object.__setattr__(out, "_chunks", chunks)
    return out


def can_stack(models: list[BatchingModel]) -> bool:
    """Whether ``models`` share their mix summary and chunk size (so :func:`stacked` applies)."""
    if not models:
        return False
    f = models[0]
    return all(m.prompt_tokens is f.prompt_tokens and m.decode_steps is f.decode_steps
               and int(m.profile.chunk_tokens) == int(f.profile.chunk_tokens)
               and isinstance(m.profile, ReplicaProfile) for m in models)


_ITERATION_FIELDS = ("c0_s", "per_token_s", "per_prefill_token_s", "mem_base_s",
                     "mem_per_ctx_token_s", "compute_per_token_s", "attn_per_ctx_token_s")


@dataclass(frozen=True)
class _StackedIteration:
    """:class:`~optfleet.physics.profiles.IterationModel` with one parameter set per element
    (the same arithmetic, in the same order; 2-D inputs take the parameters per row)."""

    c0_s: FloatArray
    per_token_s: FloatArray
    per_prefill_token_s: FloatArray
    mem_base_s: FloatArray
    mem_per_ctx_token_s: FloatArray
    compute_per_token_s: FloatArray
    attn_per_ctx_token_s: FloatArray

    def time_s(self, prefill_tokens: ArrayLike, decode_seqs: ArrayLike,
               ctx_tokens: ArrayLike) -> FloatArray:
        p = np.asarray(prefill_tokens, dtype=np.float64)
        d = np.asarray(decode_seqs, dtype=np.float64)
        c = np.asarray(ctx_tokens, dtype=np.float64)
        two_d = max(p.ndim, d.ndim, c.ndim) == 2
        v = {f: (getattr(self, f)[:, None] if two_d else getattr(self, f))
             for f in _ITERATION_FIELDS}
        n = p + d
        mem = v["mem_base_s"] + v["mem_per_ctx_token_s"] * c
        comp = v["compute_per_token_s"] * n
        return (
            v["c0_s"]
            + v["per_token_s"] * n
            + v["per_prefill_token_s"] * p
            + v["attn_per_ctx_token_s"] * c
            + np.maximum(mem, comp)
        )


@dataclass(frozen=True)
class _StackedProfile:
    """What :meth:`BatchingModel.state` reads of a profile, for :func:`stacked`."""

    iteration: _StackedIteration
    chunk_tokens: int


#: Most distinct values a marginal keeps exactly; beyond it values are rounded to a geometric
#: grid of ratio :data:`_GRID_RATIO` (prompts up: longer prefill; decode steps down: a wider TPOT
#: spread), which can only over-state the tails.
_MAX_CLASSES = 2048
_GRID_RATIO = 1.005


_CHUNK_CACHE: dict[tuple[int, int, int], tuple[FloatArray, FloatArray]] = {}


def mean_chunks(prompt_tokens: FloatArray, prob: FloatArray, chunk: int) -> FloatArray:
    """``E[ceil(l / b)]`` for ``b = 0..chunk`` (index 0 is inf) of a prompt marginal.

    ``E[ceil(l / b)] = sum_{j >= 0} P(l > j b)``: with the survival function on whole tokens
    this costs ``max(l) x ln(chunk)`` operations.  Memoised on the marginal's identity (the
    marginal of one pool is shared by every GPU type's model).
    """
    key = (id(prompt_tokens), id(prob), int(chunk))
    hit = _CHUNK_CACHE.get(key)
    if hit is not None and hit[0] is prompt_tokens:
        return hit[1]
    top = int(prompt_tokens.max())
    mass = np.zeros(top + 1)
    np.add.at(mass, prompt_tokens.astype(np.int64), prob)
    surv = np.maximum(np.concatenate((1.0 - np.cumsum(mass)[:-1], [0.0])), 0.0)
    out = np.empty(int(chunk) + 1)
    out[0] = np.inf
    for b in range(1, int(chunk) + 1):
        out[b] = surv[::b].sum()
    if len(_CHUNK_CACHE) > 256:
        _CHUNK_CACHE.clear()
    _CHUNK_CACHE[key] = (prompt_tokens, out)
    return out


def _marginal(values: FloatArray, p: FloatArray, *, up: bool) -> tuple[FloatArray, FloatArray]:
    """Distinct ``values`` (whole tokens) with summed probabilities, rounded conservatively to a
    geometric grid when there are more than :data:`_MAX_CLASSES`."""
    v = values.astype(np.int64)
    mass = np.bincount(v, weights=p) if v.max() <= 1 << 22 else None
    if mass is not None:
        u = np.flatnonzero(mass > 0)
        w = mass[u]
    else:
        u, inv = np.unique(v, return_inverse=True)
        w = np.bincount(inv, weights=p)
    if u.size <= _MAX_CLASSES:
        return u.astype(np.float64), w
    lg = np.log(np.maximum(u, 1)) / np.log(_GRID_RATIO)
    g = np.exp((np.ceil(lg) if up else np.floor(lg)) * np.log(_GRID_RATIO))
    g = np.ceil(g - 1e-9) if up else np.floor(g + 1e-9)
    g = np.where(u < 1, u, g)
    uu, inv = np.unique(g, return_inverse=True)
    return uu.astype(np.float64), np.bincount(inv, weights=w)
