"""Prompt reuse: the prefix blocks of each request, from a Mooncake trace or a multi-turn model.

A request's prompt is cut into consecutive blocks of ``block_tokens`` tokens (512 in the
Mooncake traces); each block has an integer id, and two blocks have the same id exactly when
their content - and everything before them in the prompt - is the same.  A cache that holds a
request's first ``h`` blocks spares it the prefill of those ``h x block_tokens`` tokens.  Only
whole blocks are ever cached (as in vLLM), so a request's usable blocks are its first
``floor(prompt_tokens / block_tokens)``; an exact resend of a cached prompt still prefills one
token.

Two sources:

* :func:`load_mooncake`: the Mooncake trace JSONL format (``timestamp`` in milliseconds,
  ``input_length``, ``output_length``, ``hash_ids``); :func:`builtin_prefix_trace` has the
  bundled sample of its conversation trace.
* :func:`multi_turn_workload`: a shared system prompt of ``S`` tokens for every request, and a
  share ``p`` of requests that continue an earlier conversation, resending its last prompt and
  answer before their own turn (seeded).  :meth:`MultiTurnWorkload.analytic_hit_rate` is its
  token hit rate with an unbounded cache.

:meth:`PrefixBlocks.ideal_hit_tokens` replays any block data through an unbounded cache.

Examples
--------
>>> b = PrefixBlocks.from_lists([[7, 8], [7, 9]], block_tokens=4)
>>> b.ideal_hit_tokens([8, 9]).tolist()
[0, 4]
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet._files import read_utf8
from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario.limits import MAX_TOKENS
from optfleet.workloads.cdf import SeedLike, as_generator, check_count

__all__ = [
    "BUILTIN_PREFIX_TRACES",
    "MOONCAKE_BLOCK_TOKENS",
    "MultiTurnWorkload",
    "PrefixBlocks",
    "PrefixTrace",
    "builtin_prefix_trace",
    "load_mooncake",
    "multi_turn_workload",
]

#: Block size of the Mooncake traces' ``hash_ids`` (tokens).
MOONCAKE_BLOCK_TOKENS = 512

#: Built-in prefix traces: name -> one-line description (files in ``data/traces/``).
BUILTIN_PREFIX_TRACES: MappingProxyType[str, str] = MappingProxyType(
    {"mooncake_conversation": "Mooncake conversation trace, first 328 records (114 s)"}
)
_BUILTIN_FILES = {"mooncake_conversation": "mooncake_conversation_sample.jsonl"}


def _ro(a: Any, dtype: Any) -> NDArray[Any]:
    out = np.array(a, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


def _block_tokens(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 1:
        raise InputError(f"block_tokens must be a positive integer, got {v!r}")
    return int(v)


@dataclass(frozen=True, eq=False)
class PrefixBlocks:
    """The block ids of ``n`` requests, CSR style: request ``i`` has
    ``ids[offsets[i]:offsets[i + 1]]``, its blocks in prompt order.

    Attributes
    ----------
    offsets
        ``n + 1`` non-decreasing int64 offsets, from 0 to ``ids.size``.
    ids
        The flat block ids (int64, >= 0).
    block_tokens
        Tokens per block.

    Examples
    --------
    >>> b = PrefixBlocks.from_lists([[0, 1], [], [0, 2, 3]], block_tokens=16)
    >>> b.n, b.counts.tolist(), b.of(2).tolist()
    (3, [2, 0, 3], [0, 2, 3])
    """

    offsets: NDArray[np.int64]
    ids: NDArray[np.int64]
    block_tokens: int = MOONCAKE_BLOCK_TOKENS

    def __post_init__(self) -> None:
        off = np.asarray(self.offsets)
        ids = np.asarray(self.ids)
        if off.ndim != 1 or off.size < 1 or ids.ndim != 1:
            raise InputError("prefix blocks: offsets (n + 1 values) and ids must be 1-D arrays")
        for nm, a in (("offsets", off), ("ids", ids)):
            if a.size and not np.issubdtype(a.dtype, np.integer):
                raise InputError(f"prefix blocks: {nm} must be integers")
        if off[0] != 0 or off[-1] != ids.size or (np.diff(off) < 0).any():
            raise InputError("prefix blocks: offsets must rise from 0 to the number of ids")
        if ids.size and ids.min() < 0:
            raise InputError(f"prefix blocks: ids must be >= 0, got {int(ids.min())}")
        object.__setattr__(self, "offsets", _ro(off, np.int64))
        object.__setattr__(self, "ids", _ro(ids, np.int64))
        object.__setattr__(self, "block_tokens", _block_tokens(self.block_tokens))

    @classmethod
    def from_lists(cls, lists: Any, block_tokens: int = MOONCAKE_BLOCK_TOKENS) -> PrefixBlocks:
        """From one sequence of block ids per request."""
        seqs = [np.asarray(x, dtype=np.int64).ravel() for x in lists]
        off = np.zeros(len(seqs) + 1, dtype=np.int64)
        off[1:] = np.cumsum([s.size for s in seqs])
        ids = np.concatenate(seqs) if seqs else np.zeros(0, dtype=np.int64)
        return cls(off, ids, block_tokens)

    @property
    def n(self) -> int:
        """Number of requests."""
        return int(self.offsets.size - 1)

    @property
    def counts(self) -> NDArray[np.int64]:
        """Blocks per request."""
        return np.diff(self.offsets)

    def of(self, i: int) -> NDArray[np.int64]:
        """The block ids of request ``i``."""
        return self.ids[self.offsets[i]:self.offsets[i + 1]]

    def take(self, idx: ArrayLike, *, drop: ArrayLike | None = None) -> PrefixBlocks:
        """The blocks of requests ``idx``, in that order; those where ``drop`` (a mask over
        ``idx``) is True get none (e.g. a prompt a router compressed).

        Examples
        --------
        >>> b = PrefixBlocks.from_lists([[0, 1], [2], [3, 4]], block_tokens=4)
        >>> b.take([2, 0], drop=[False, True]).counts.tolist()
        [2, 0]
        """
        i = np.asarray(idx, dtype=np.int64).ravel()
        counts = self.counts[i]
        if drop is not None:
            counts = np.where(np.asarray(drop, dtype=bool).ravel(), 0, counts)
        off = np.zeros(i.size + 1, dtype=np.int64)
        off[1:] = np.cumsum(counts)
        flat = np.repeat(self.offsets[i] - off[:-1], counts) + np.arange(off[-1])
        return PrefixBlocks(off, self.ids[flat], self.block_tokens)

    def usable(self, prompt_tokens: ArrayLike) -> NDArray[np.int64]:
        """Cacheable blocks per request: its whole blocks, ``min(count, prompt // block)``."""
        p = np.asarray(prompt_tokens, dtype=np.int64)
        if p.shape != (self.n,):
            raise InputError(f"prefix blocks of {self.n} requests, got {p.size} prompt lengths")
        return np.minimum(self.counts, p // self.block_tokens)

    def ideal_hit_tokens(self, prompt_tokens: ArrayLike) -> NDArray[np.int64]:
        """Cached prompt tokens per request with an unbounded cache, one replica and the
        requests served one after the other in order: request ``i`` finds the longest prefix
        of its usable blocks among those of requests ``0 .. i-1``; at most ``prompt - 1``.

        Examples
        --------
        >>> b = PrefixBlocks.from_lists([[1, 2, 3], [1, 2, 4], [1, 2, 3]], block_tokens=2)
        >>> b.ideal_hit_tokens([6, 6, 6]).tolist()
        [0, 4, 5]
        """
        p = np.asarray(prompt_tokens, dtype=np.int64)
        use = self.usable(p)
        seen: set[int] = set()
        out = np.zeros(self.n, dtype=np.int64)
        for i in range(self.n):
            blocks = self.of(i)[:use[i]].tolist()
            h = 0
            while h < len(blocks) and blocks[h] in seen:
                h += 1
            out[i] = min(h * self.block_tokens, p[i] - 1)
            seen.update(blocks)
        return out


@dataclass(frozen=True, eq=False)
class PrefixTrace:
    """A trace whose requests carry their prefix blocks: arrival times (s, first = 0), lengths
    and :class:`PrefixBlocks`.

    Examples
    --------
    >>> t = builtin_prefix_trace("mooncake_conversation")
    >>> t.n_requests, t.blocks.block_tokens, round(t.duration_s)
    (328, 512, 114)
    """

    arrival_s: NDArray[np.float64]
    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    blocks: PrefixBlocks
    name: str = "trace"

    def __post_init__(self) -> None:
        a = np.asarray(self.arrival_s, dtype=np.float64)
        n = a.size
        if a.ndim != 1 or n == 0 or not np.isfinite(a).all() or (np.diff(a) < 0).any():
            raise InputError(f"trace {self.name!r}: arrival_s must be 1-D, finite and sorted")
        for nm in ("prompt_tokens", "output_tokens"):
            v = np.asarray(getattr(self, nm))
            if v.shape != (n,) or not np.issubdtype(v.dtype, np.integer) or (v < 1).any():
                raise InputError(f"trace {self.name!r}: {nm} must be {n} integers >= 1")
            object.__setattr__(self, nm, _ro(v, np.int64))
        if not isinstance(self.blocks, PrefixBlocks) or self.blocks.n != n:
            raise InputError(f"trace {self.name!r}: blocks must be PrefixBlocks of {n} requests")
        object.__setattr__(self, "arrival_s", _ro(a, np.float64))

    @property
    def n_requests(self) -> int:
        return int(self.arrival_s.size)

    @property
    def duration_s(self) -> float:
        """Time from the first to the last arrival."""
        return float(self.arrival_s[-1] - self.arrival_s[0])


def _int_field(obj: dict[str, Any], name: str, low: int) -> int:
    v = obj[name]
    if isinstance(v, bool) or not isinstance(v, int) or not (low <= v <= MAX_TOKENS):
        raise ValueError(f"{name} must be an integer in {low}..{MAX_TOKENS}, got {v!r}")
    return v


def _mooncake_row(line: str, block_tokens: int) -> tuple[float, int, int, list[int]]:
    """``(timestamp_ms, input, output, hash_ids)`` of one line; ValueError says what is wrong."""
    obj = json.loads(line)
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    for fld in ("timestamp", "input_length", "output_length", "hash_ids"):
        if fld not in obj:
            raise ValueError(f"missing field {fld!r}")
    ts = obj["timestamp"]
    if isinstance(ts, bool) or not isinstance(ts, int | float) or not math.isfinite(ts) or ts < 0:
        raise ValueError(f"timestamp must be a finite number >= 0 (ms), got {ts!r}")
    pt = _int_field(obj, "input_length", 1)
    ot = _int_field(obj, "output_length", 1)
    ids = obj["hash_ids"]
    if not isinstance(ids, list) or any(
        isinstance(x, bool) or not isinstance(x, int) or x < 0 or x >= 2**63 for x in ids
    ):
        raise ValueError("hash_ids must be a list of integers >= 0")
    want = -(-pt // block_tokens)
    if len(ids) != want:
        raise ValueError(f"{len(ids)} hash_ids, but input_length {pt} spans {want} blocks of "
                         f"{block_tokens} tokens")
    return float(ts), pt, ot, ids


def load_mooncake(path: str | Path, *, block_tokens: int = MOONCAKE_BLOCK_TOKENS,
                  name: str | None = None) -> PrefixTrace:
    """Load a Mooncake trace (JSON lines: ``timestamp`` in milliseconds, ``input_length``,
    ``output_length``, ``hash_ids``, the ids of the prompt's ``ceil(input_length /
    block_tokens)`` consecutive blocks).

    Requests are sorted by time (stably) and times made relative to the first, in seconds.
    Blank lines are ignored; a malformed line raises :class:`~optfleet.errors.InputError`
    naming the file and the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
    >>> _ = f.write_text('{"timestamp": 1500, "input_length": 600, "output_length": 9, '
    ...                  '"hash_ids": [0, 1]}\\n')
    >>> t = load_mooncake(f)
    >>> t.arrival_s.tolist(), t.blocks.of(0).tolist()
    ([0.0], [0, 1])
    """
    bt = _block_tokens(block_tokens)
    p = Path(path)
    if not p.is_file():
        raise InputError(f"trace file not found: {p}")
    rows: list[tuple[float, int, int, list[int]]] = []
    with io.StringIO(read_utf8(p, "trace file")) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(_mooncake_row(line, bt))
            except (ValueError, TypeError) as exc:
                msg = str(exc).splitlines()[0]
                raise InputError(f"trace file {p}, line {lineno}: malformed row ({msg})") from None
    if not rows:
        raise InputError(f"trace file {p} has no rows")
    t_ms = np.array([r[0] for r in rows])
    order = np.argsort(t_ms, kind="stable")
    t = (t_ms[order] - t_ms[order[0]]) / 1000.0
    blocks = PrefixBlocks.from_lists([rows[k][3] for k in order], bt)
    return PrefixTrace(t, np.array([rows[k][1] for k in order], dtype=np.int64),
                       np.array([rows[k][2] for k in order], dtype=np.int64), blocks,
                       name=name or p.stem)


@cache
def _builtin_cached(key: str) -> PrefixTrace:
    from optfleet._data import data_path

    return load_mooncake(data_path("traces", _BUILTIN_FILES[key]), name=key)


def builtin_prefix_trace(name: str) -> PrefixTrace:
    """A built-in prefix trace by name (cached): ``mooncake_conversation``, the first 328
    records of the Mooncake conversation trace (``data/README.md``).

    Examples
    --------
    >>> int(builtin_prefix_trace("mooncake_conversation").prompt_tokens[0])
    6758
    """
    key = str(name).strip().lower().replace("-", "_")
    if key not in BUILTIN_PREFIX_TRACES:
        raise UnknownNameError(f"unknown built-in prefix trace {name!r}; known: "
                               f"{', '.join(sorted(BUILTIN_PREFIX_TRACES))}")
    return _builtin_cached(key)


@dataclass(frozen=True, eq=False)
class MultiTurnWorkload:
    """The request lengths and prefix blocks drawn by :func:`multi_turn_workload`.

    ``parent[i]`` is the request whose prompt and answer request ``i`` resends (-1: a new
    conversation, whose prompt is the system prompt and the user's turn).
    """

    prompt_tokens: NDArray[np.int64]
    output_tokens: NDArray[np.int64]
    parent: NDArray[np.int64]
    blocks: PrefixBlocks
    system_prompt_tokens: int

    @property
    def n(self) -> int:
        return int(self.prompt_tokens.size)

    def analytic_hit_tokens(self) -> NDArray[np.int64]:
        """Cached prompt tokens per request with an unbounded cache on one replica, each
        request's prompt blocks cached before the next request is admitted: none for the first
        request; ``B floor(S / B)`` (the system prompt's whole blocks, ``B`` the block size) for
        a new conversation; ``B floor(prompt_parent / B)`` (the previous prompt's whole blocks -
        answers are not cached) for a continued one; at most ``prompt - 1``.
        """
        bt = self.blocks.block_tokens
        prev = np.where(self.parent >= 0, self.prompt_tokens[np.maximum(self.parent, 0)],
                        self.system_prompt_tokens)
        hit = (prev // bt) * bt
        if hit.size:
            hit[0] = 0
        return np.minimum(hit, self.prompt_tokens - 1)

    def analytic_hit_rate(self, start: int = 0) -> float:
        """Cached / prompt tokens of requests ``start ..`` by :meth:`analytic_hit_tokens`.

        Examples
        --------
        >>> w = multi_turn_workload(200, [100], [50], system_prompt_tokens=1024,
        ...                         continue_share=0.0, seed=1)
        >>> round(w.analytic_hit_rate(1), 4)  # 1024 of 1124 tokens for every later request
        0.911
        """
        h = self.analytic_hit_tokens()[start:]
        return float(h.sum() / self.prompt_tokens[start:].sum())


def _lengths(source: Any, n: int, rng: np.random.Generator) -> NDArray[np.int64]:
    """``n`` lengths: a sequence is drawn from uniformly, a callable is called ``(n, rng)``."""
    if callable(source):
        v = np.asarray(source(n, rng))
    else:
        pool = np.asarray(source)
        if pool.ndim != 1 or pool.size == 0:
            raise InputError("lengths must be a non-empty 1-D sequence or a callable (n, rng)")
        v = pool[rng.integers(0, pool.size, n)]
    if v.shape != (n,) or not np.issubdtype(v.dtype, np.integer) or (v < 1).any():
        raise InputError(f"lengths must be {n} integers >= 1")
    return v.astype(np.int64)


# long: one sequential pass that draws each request's conversation and its block ids together
def multi_turn_workload(n: int, user_tokens: Any, output_tokens: Any, *,
                        system_prompt_tokens: int, continue_share: float,
                        block_tokens: int = MOONCAKE_BLOCK_TOKENS,
                        max_ctx_tokens: int | None = None, seed: SeedLike = 0
                        ) -> MultiTurnWorkload:
    """Draw ``n`` chat requests that reuse prompts.

    Every prompt starts with the same system prompt of ``system_prompt_tokens`` tokens.  Request
    ``i`` continues, with probability ``continue_share``, a conversation drawn uniformly among
    those started so far: its prompt is that conversation's last prompt, the answer to it, and a
    new user turn.  Otherwise it starts a conversation: the system prompt and a user turn.  A
    continuation whose prompt + output would exceed ``max_ctx_tokens`` starts a conversation
    instead.  User-turn and output lengths come from ``user_tokens`` / ``output_tokens``: a
    sequence drawn from uniformly, or a callable ``(n, rng) -> lengths``.

    Block ids: the system prompt's whole blocks are ids ``0 ..``, shared by every request; a
    continuation repeats its parent's whole prompt blocks; every other block gets a fresh id.

    Examples
    --------
    >>> w = multi_turn_workload(4, [600], [100], system_prompt_tokens=1024, continue_share=1.0,
    ...                         block_tokens=512, seed=0)
    >>> w.parent.tolist(), w.prompt_tokens.tolist()
    ([-1, 0, 1, 2], [1624, 2324, 3024, 3724])
    >>> w.blocks.of(1).tolist()  # the system prompt (0, 1), the first prompt's block 2, a new 3
    [0, 1, 2, 3]
    """
    n = check_count("n", n)
    s = system_prompt_tokens
    if isinstance(s, bool) or not isinstance(s, int | np.integer) or s < 0:
        raise InputError(f"system_prompt_tokens must be an integer >= 0, got {s!r}")
    share = float(continue_share)
    if not 0.0 <= share <= 1.0:
        raise InputError(f"continue_share must be in [0, 1], got {continue_share!r}")
    bt = _block_tokens(block_tokens)
    cap = math.inf if max_ctx_tokens is None else int(max_ctx_tokens)
    rng = as_generator(seed)
    user = _lengths(user_tokens, n, rng)
    out = _lengths(output_tokens, n, rng)
    cont = rng.random(n) < share
    pick = rng.random(n)
    n_sys = int(s) // bt
    next_id = n_sys
    prompt = np.zeros(n, dtype=np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    last: list[int] = []  # latest request of each conversation
    lists: list[NDArray[np.int64]] = []
    for i in range(n):
        j = -1
        if cont[i] and last:
            c = min(int(pick[i] * len(last)), len(last) - 1)
            j = last[c]
            pt = int(prompt[j] + out[j] + user[i])
            if pt + out[i] > cap:
                j = -1
        if j < 0:
            pt = int(s + user[i])
            keep = np.arange(n_sys, dtype=np.int64)
            last.append(i)
        else:
            keep = lists[j][:int(prompt[j]) // bt]
            last[c] = i
            parent[i] = j
        if pt + out[i] > cap:
            raise InputError(f"request {i}: system prompt + user turn + output = "
                             f"{pt + int(out[i])} tokens exceeds max_ctx_tokens {cap}")
        prompt[i] = pt
        fresh = pt // bt - keep.size
        lists.append(np.concatenate((keep, np.arange(next_id, next_id + fresh, dtype=np.int64))))
        next_id += fresh
    blocks = PrefixBlocks.from_lists(lists, bt)
    return MultiTurnWorkload(_ro(prompt, np.int64), _ro(out, np.int64), _ro(parent, np.int64),
                             blocks, int(s))
