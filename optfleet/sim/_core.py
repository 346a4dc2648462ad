"""The numba event core shared by the slot and engine levels (internal).

Everything here works on plain typed arrays; the public wrapper is :mod:`optfleet.sim.api`.

State layout
------------
* per request (``N``): linked-list pointer ``nxt``, ``phase``, engine progress arrays;
* per replica (``R``): an int64 matrix ``RI[field, r]`` and a float64 matrix ``RF[field, r]``;
* per pool (``P``): an int64 matrix ``PI[field, p]`` and the iteration model ``PIT[p, NIT]``
  (:func:`iteration_row`: ``c0, per_token, per_prefill_token, mem_base, mem_per_ctx_token,
  compute_per_token, attn_per_ctx_token``; a 6-column table means no attention term).
* prefix cache (engine, pools with ``P_PFX``; see "prefix cache" below): entries ``CE[field,
  e]``, a hash table ``htab`` and per-request ``RQ[field, i]``; without a caching pool they are
  one-element placeholders that no code path touches.

Events
------
Three sources merged by time, ties broken by event type (0 replica/completion events, 1
failures/repairs, 2 arrivals) and then by id (replica id or request id):

* an indexed binary heap of replica events (engine: one segment end per busy replica; slot: one
  completion per request in service, keyed by request id);
* an indexed heap of the next outage start or end of each replica: its outages are
  ``fail_t[k], repair_t[k]`` for ``k`` in ``fail_ptr[r]:fail_ptr[r + 1]``, sorted and disjoint,
  ``fail_kind[k]`` 0 for a failure (what the replica holds is lost and retried) or 1 for a
  drain (the replica takes nothing new but serves what it holds); when one ends as the next
  starts, the replica goes straight from one to the other;
* the sorted arrival array (open loop), or a lazy heap of pending sends (closed loop).

Closed loop (``users > 0``, :class:`~optfleet.scenario.ClosedLoopClients`): ``arr_t`` is an
output, filled as requests are sent.  At t = 0 the first ``users`` sends are pending; when
request ``i`` leaves (completes or is rejected) one more send is scheduled at ``t +
think_s[i]`` while fewer than ``N`` are scheduled.  A send takes the next unsent request index,
so requests are sent in index order and ``arr_t`` is non-decreasing.  The measurement window
is not known in advance: ``w0`` (``w1``) is set when request ``n_warm`` (the last request) is
sent; until then it is ``+inf``, which is exact because events are processed in time order.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# ------------------------------------------------------------------ constants (compile-time)

LEVEL_SLOT = 0
LEVEL_ENGINE = 1

ROUTE_STATIC = 0
ROUTE_LEAST_LOADED = 1
ROUTE_SPILLOVER = 2

BAL_JSQ = 0
BAL_P2C = 1
BAL_RR = 2
BAL_RANDOM = 3
BAL_AFFINITY = 4  # cache affinity: the least prefill work counting cached prefixes, else JSQ

# request phase
PH_NONE = 0
PH_WAIT = 1  # in a replica's waiting queue
PH_ORPHAN = 2  # in a pool queue (no replica of the pool up)
PH_PREFILL = 3  # engine: running, prefilling
PH_DECODE = 4  # engine: running, decoding
PH_SERVE = 5  # slot: in service
PH_DONE = 6

# request status (output)
ST_NOT_ARRIVED = 0
ST_DONE = 1
ST_REJECTED = 2
ST_UNFINISHED = 3

# replica state ``RI[R_UP, r]``: only an up replica takes new requests
UP_NO = 0  # failed: empty
UP_YES = 1
UP_DRAIN = 2  # draining: serves what it holds, takes nothing new

# per-replica int fields
R_UP = 0
R_NSYS = 1
R_QH = 2
R_QT = 3
R_NRUN = 4
R_IT = 5
R_D = 6
R_C = 7
R_KV = 8
R_PAL = 9
R_RP = 10
R_SK = 11
R_SP = 12
R_SD = 13
R_SC0 = 14
R_SKV0 = 15
R_POOL = 16
R_NFAIL = 17
R_FIDX = 18
R_NPRE = 19
# prefix cache (engine, pools with P_PFX): tokens in cached blocks (pinned or not), in pinned
# blocks (used by a running sequence), the LRU list of unpinned blocks (head = next evicted),
# the free-entry list, and counters: blocks evicted, and blocks found missing when a sequence
# released them (a block in use evicted: must stay 0)
R_CKV = 20
R_CPIN = 21
R_LRUH = 22
R_LRUT = 23
R_CFREE = 24
R_CEVICT = 25
R_CLOST = 26
R_QTOK = 27  # engine: prompt tokens the requests in the replica's waiting queue must prefill
NRI = 28

# per-replica float fields
F_T0 = 0
F_LAST = 1
F_BUSY = 2
F_SLOT = 3
F_KV = 4
F_DOWN = 5
F_DSINCE = 6
NRF = 7

# per-pool int fields
P_FIRST = 0
P_END = 1
P_CAP = 2
P_MAXCTX = 3
P_CHUNK = 4
P_KVCAP = 5
P_RES = 6
P_OQH = 7
P_OQT = 8
P_NSYS = 9
P_UP = 10
P_RR = 11
P_PFX = 12  # 1: the pool caches prompt prefixes (engine, paged KV)
P_BLK = 13  # tokens per prefix block
NPI = 14

# prefix-cache entry fields ``CE[field, e]`` (entries ``ce_ptr[r]:ce_ptr[r + 1]`` belong to
# replica ``r``; ``CE_REP`` is -1 for a free entry) and per-request fields ``RQ[field, i]``:
# usable (whole, cacheable) blocks, blocks found cached at the current admission, blocks pinned
# now (the first ``Q_PIN`` of its blocks), cached prompt tokens at its last admission
CE_ID = 0
CE_REF = 1
CE_PREV = 2
CE_NEXT = 3
CE_REP = 4
NCE = 5
Q_BN = 0
Q_HIT = 1
Q_PIN = 2
Q_HTOK = 3
Q_QW = 4  # its prompt tokens not cached on its replica when it joined the queue (in R_QTOK)
NQ = 5

ERR_NONE = 0
ERR_MAX_EVENTS = 1
ERR_INTERNAL = 2

#: Columns of the per-pool iteration table ``PIT`` (:func:`iteration_row`).
NIT = 7


def iteration_row(iteration) -> np.ndarray:
    """An :class:`~optfleet.physics.IterationModel` as the core's ``PIT`` row (``NIT`` floats)."""
    return np.array(
        [iteration.c0_s, iteration.per_token_s, iteration.per_prefill_token_s,
         iteration.mem_base_s, iteration.mem_per_ctx_token_s, iteration.compute_per_token_s,
         getattr(iteration, "attn_per_ctx_token_s", 0.0)],
        dtype=np.float64,
    )

BIG = np.int64(1) << np.int64(62)


# ------------------------------------------------------------------ indexed heap


@njit(cache=True, _nrt=False)
def _less(t1, i1, t2, i2):
    return t1 < t2 or (t1 == t2 and i1 < i2)


@njit(cache=True, _nrt=False)
def _sift_up(ht, hid, pos, k):
    t = ht[k]
    i = hid[k]
    while k > 0:
        par = (k - 1) >> 1
        if _less(t, i, ht[par], hid[par]):
            ht[k] = ht[par]
            hid[k] = hid[par]
            pos[hid[k]] = k
            k = par
        else:
            break
    ht[k] = t
    hid[k] = i
    pos[i] = k


@njit(cache=True, _nrt=False)
def _sift_down(ht, hid, pos, k, n):
    t = ht[k]
    i = hid[k]
    while True:
        c = 2 * k + 1
        if c >= n:
            break
        if c + 1 < n and _less(ht[c + 1], hid[c + 1], ht[c], hid[c]):
            c += 1
        if _less(ht[c], hid[c], t, i):
            ht[k] = ht[c]
            hid[k] = hid[c]
            pos[hid[k]] = k
            k = c
        else:
            break
    ht[k] = t
    hid[k] = i
    pos[i] = k


@njit(cache=True, _nrt=False)
def _hset(ht, hid, pos, size, i, t):
    """Insert id ``i`` with time ``t``, or move it to ``t`` if present."""
    k = pos[i]
    if k < 0:
        n = size[0]
        ht[n] = t
        hid[n] = i
        pos[i] = n
        size[0] = n + 1
        _sift_up(ht, hid, pos, n)
    else:
        old = ht[k]
        ht[k] = t
        if t < old:
            _sift_up(ht, hid, pos, k)
        else:
            _sift_down(ht, hid, pos, k, size[0])


@njit(cache=True, _nrt=False)
def _hremove(ht, hid, pos, size, i):
    k = pos[i]
    if k < 0:
        return
    n = size[0] - 1
    size[0] = n
    pos[i] = -1
    if k == n:
        return
    ht[k] = ht[n]
    hid[k] = hid[n]
    moved = hid[k]
    pos[moved] = k
    _sift_up(ht, hid, pos, k)
    _sift_down(ht, hid, pos, pos[moved], n)


@njit(cache=True, _nrt=False)
def _lpush(ht, hid, hat, size, i, t, att):
    """Push onto a lazy (non-indexed) heap; returns False when full."""
    k = size[0]
    if k >= ht.shape[0]:
        return False
    size[0] = k + 1
    while k > 0:
        par = (k - 1) >> 1
        if _less(t, i, ht[par], hid[par]):
            ht[k] = ht[par]
            hid[k] = hid[par]
            hat[k] = hat[par]
            k = par
        else:
            break
    ht[k] = t
    hid[k] = i
    hat[k] = att
    return True


@njit(cache=True, _nrt=False)
def _lpop(ht, hid, hat, size):
    n = size[0] - 1
    size[0] = n
    if n == 0:
        return
    t = ht[n]
    i = hid[n]
    a = hat[n]
    k = 0
    while True:
        c = 2 * k + 1
        if c >= n:
            break
        if c + 1 < n and _less(ht[c + 1], hid[c + 1], ht[c], hid[c]):
            c += 1
        if _less(ht[c], hid[c], t, i):
            ht[k] = ht[c]
            hid[k] = hid[c]
            hat[k] = hat[c]
            k = c
        else:
            break
    ht[k] = t
    hid[k] = i
    hat[k] = a


# ------------------------------------------------------------------ small helpers


@njit(cache=True, _nrt=False)
def _rand(state):
    """splitmix64 -> uniform [0, 1)."""
    state[0] += np.uint64(0x9E3779B97F4A7C15)
    z = state[0]
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return float(z >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@njit(cache=True, _nrt=False)
def _send_next(i, t, think_s, st, sid, sat, ssize, sched):
    """Closed loop: request ``i`` left at ``t``; its user sends the next unsent request (if any
    is left) after ``think_s[i]``."""
    if sched[0] < think_s.shape[0]:
        sched[0] += 1
        _lpush(st, sid, sat, ssize, i, t + think_s[i], 0)


@njit(cache=True, _nrt=False)
def _q_push_back(nxt, heads, tails, q, i):
    nxt[i] = -1
    if tails[q] < 0:
        heads[q] = i
    else:
        nxt[tails[q]] = i
    tails[q] = i


@njit(cache=True, _nrt=False)
def _q_push_front(nxt, heads, tails, q, i):
    nxt[i] = heads[q]
    heads[q] = i
    if tails[q] < 0:
        tails[q] = i


@njit(cache=True, _nrt=False)
def _q_pop(nxt, heads, tails, q):
    i = heads[q]
    if i >= 0:
        heads[q] = nxt[i]
        if heads[q] < 0:
            tails[q] = -1
    return i


# ------------------------------------------------------------------ prefix cache
#
# Per replica, the blocks it holds: entries ``CE[:, e]`` found through one open-addressing hash
# table ``htab`` (linear probing, at most half full, backward-shift deletion) keyed by (block
# id, replica).  A block is pinned while running sequences use it (``CE_REF`` of them) and then
# sits in its replica's LRU list; only unpinned blocks are evicted, least recently released
# first.  A sequence releases its blocks last block first, so a chain is evicted from its tail.


@njit(cache=True, _nrt=False)
def _cslot(bid, r, mask):
    z = np.uint64(bid) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(r + 1) * np.uint64(
        0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(31))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(29))
    return np.int64(z & np.uint64(mask))


@njit(cache=True, _nrt=False)
def _cfind(bid, r, CE, htab):
    """The entry of block ``bid`` on replica ``r``, or -1."""
    mask = htab.shape[0] - 1
    s = _cslot(bid, r, mask)
    while True:
        e = htab[s]
        if e < 0:
            return -1
        if CE[CE_ID, e] == bid and CE[CE_REP, e] == r:
            return e
        s = (s + 1) & mask


@njit(cache=True, _nrt=False)
def _cput(e, CE, htab):
    mask = htab.shape[0] - 1
    s = _cslot(CE[CE_ID, e], CE[CE_REP, e], mask)
    while htab[s] >= 0:
        s = (s + 1) & mask
    htab[s] = e


@njit(cache=True, _nrt=False)
def _cdel(e, CE, htab):
    """Remove entry ``e`` from the table (backward shift: no tombstones)."""
    mask = htab.shape[0] - 1
    s = _cslot(CE[CE_ID, e], CE[CE_REP, e], mask)
    while htab[s] != e:
        s = (s + 1) & mask
    j = s
    while True:
        j = (j + 1) & mask
        f = htab[j]
        if f < 0:
            break
        k = _cslot(CE[CE_ID, f], CE[CE_REP, f], mask)
        if s <= j:
            stays = s < k and k <= j
        else:
            stays = k > s or k <= j
        if not stays:
            htab[s] = f
            s = j
    htab[s] = -1


@njit(cache=True, _nrt=False)
def _lru_add(r, e, RI, CE):
    t = RI[R_LRUT, r]
    CE[CE_PREV, e] = t
    CE[CE_NEXT, e] = -1
    if t < 0:
        RI[R_LRUH, r] = e
    else:
        CE[CE_NEXT, t] = e
    RI[R_LRUT, r] = e


@njit(cache=True, _nrt=False)
def _lru_drop(r, e, RI, CE):
    a = CE[CE_PREV, e]
    b = CE[CE_NEXT, e]
    if a < 0:
        RI[R_LRUH, r] = b
    else:
        CE[CE_NEXT, a] = b
    if b < 0:
        RI[R_LRUT, r] = a
    else:
        CE[CE_PREV, b] = a


@njit(cache=True, _nrt=False)
def _cache_reset(r, ce_ptr, RI, CE):
    """Empty replica ``r``'s cache (its entries must be out of the table already)."""
    RI[R_CKV, r] = 0
    RI[R_CPIN, r] = 0
    RI[R_LRUH, r] = -1
    RI[R_LRUT, r] = -1
    RI[R_CFREE, r] = -1
    for e in range(ce_ptr[r + 1] - 1, ce_ptr[r] - 1, -1):
        CE[CE_REP, e] = -1
        CE[CE_REF, e] = 0
        CE[CE_NEXT, e] = RI[R_CFREE, r]
        RI[R_CFREE, r] = e


@njit(cache=True, _nrt=False)
def _cache_wipe(r, ce_ptr, RI, CE, htab):
    """A failure: replica ``r`` loses every cached block."""
    for e in range(ce_ptr[r], ce_ptr[r + 1]):
        if CE[CE_REP, e] >= 0:
            _cdel(e, CE, htab)
    _cache_reset(r, ce_ptr, RI, CE)


@njit(cache=True, _nrt=False)
def _evict(r, bt, RI, CE, htab):
    """Evict replica ``r``'s least recently released unpinned block; False if it has none."""
    e = RI[R_LRUH, r]
    if e < 0:
        return False
    _lru_drop(r, e, RI, CE)
    _cdel(e, CE, htab)
    if CE[CE_REF, e] != 0:
        RI[R_CLOST, r] += 1  # cannot happen: the LRU list holds unpinned blocks only
    CE[CE_REP, e] = -1
    CE[CE_NEXT, e] = RI[R_CFREE, r]
    RI[R_CFREE, r] = e
    RI[R_CKV, r] -= bt
    RI[R_CEVICT, r] += 1
    return True


@njit(cache=True, _nrt=False)
def _probe(i, r, blk_ptr, blk_ids, RQ, CE, htab):
    """``(h, unpinned)``: request ``i``'s blocks cached on replica ``r`` (the longest prefix of
    its usable blocks) and how many of those are not pinned."""
    base = blk_ptr[i]
    m = RQ[Q_BN, i]
    h = 0
    nu = 0
    while h < m:
        e = _cfind(blk_ids[base + h], r, CE, htab)
        if e < 0:
            break
        if CE[CE_REF, e] == 0:
            nu += 1
        h += 1
    return h, nu


@njit(cache=True, _nrt=False)
def _pin(e, r, bt, RI, CE):
    if CE[CE_REF, e] == 0:
        _lru_drop(r, e, RI, CE)
        RI[R_CPIN, r] += bt
    CE[CE_REF, e] += 1


@njit(cache=True, _nrt=False)
def _pin_hits(i, r, h, bt, blk_ptr, blk_ids, RQ, RI, CE, htab):
    """Admission of request ``i`` on ``r``: pin its ``h`` cached blocks."""
    base = blk_ptr[i]
    for j in range(h):
        _pin(_cfind(blk_ids[base + j], r, CE, htab), r, bt, RI, CE)
    RQ[Q_HIT, i] = h
    RQ[Q_PIN, i] = h


@njit(cache=True, _nrt=False)
def _cache_prompt(i, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab):
    """Request ``i``'s prefill is done: its usable blocks past the hits enter ``r``'s cache,
    pinned (a block cached meanwhile by another sequence is shared, this copy freed); their
    tokens leave the sequence's own KV."""
    base = blk_ptr[i]
    for j in range(RQ[Q_PIN, i], RQ[Q_BN, i]):
        bid = blk_ids[base + j]
        e = _cfind(bid, r, CE, htab)
        if e < 0:
            if RI[R_CFREE, r] < 0 and not _evict(r, bt, RI, CE, htab):
                break
            e = RI[R_CFREE, r]
            RI[R_CFREE, r] = CE[CE_NEXT, e]
            CE[CE_ID, e] = bid
            CE[CE_REP, e] = r
            CE[CE_REF, e] = 0
            _cput(e, CE, htab)
            RI[R_CKV, r] += bt
            RI[R_CPIN, r] += bt
            CE[CE_REF, e] = 1
        else:
            _pin(e, r, bt, RI, CE)
        RI[R_KV, r] -= bt
        RQ[Q_PIN, i] = j + 1


@njit(cache=True, _nrt=False)
def _unpin(i, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab):
    """Request ``i`` leaves ``r`` (finished or preempted): its pinned blocks are released, last
    block first, and stay cached."""
    base = blk_ptr[i]
    for j in range(RQ[Q_PIN, i] - 1, -1, -1):
        e = _cfind(blk_ids[base + j], r, CE, htab)
        if e < 0:
            RI[R_CLOST, r] += 1
            continue
        CE[CE_REF, e] -= 1
        if CE[CE_REF, e] == 0:
            _lru_add(r, e, RI, CE)
            RI[R_CPIN, r] -= bt
    RQ[Q_PIN, i] = 0
    RQ[Q_HIT, i] = 0


@njit(cache=True, _nrt=False)
def _acc(RF, r, t0, t1, nrun, kv0, kv1, w0, w1):
    """Add ``[t0, t1]`` clipped to the window ``[w0, w1]`` to replica ``r``'s integrals."""
    a = max(t0, w0)
    b = min(t1, w1)
    if b <= a:
        return
    dt = b - a
    if nrun > 0:
        RF[F_BUSY, r] += dt
    RF[F_SLOT, r] += nrun * dt
    RF[F_KV, r] += 0.5 * (kv0 + kv1) * dt


@njit(cache=True, _nrt=False)
def seg_time(k, p, d, c0, it):
    """Time of ``k`` iterations: ``p`` prefill tokens, ``d`` decodes, context ``c0 + j d``.

    ``t_j = A + attn (c0 + j d) + max(M0 + g j, E)``; the max kinks at most once (``M``
    increases in ``j``); the attention term sums to ``attn (k c0 + d k (k - 1) / 2)``.  ``it``
    is a ``PIT`` row (:func:`iteration_row`; a 6-long row has no attention term).
    """
    if k <= 0:
        return 0.0
    n = p + d
    a = it[0] + it[1] * n + it[2] * p
    attn = it[6] if it.shape[0] > 6 else 0.0
    e = it[5] * n
    m0 = it[3] + it[4] * c0
    g = it[4] * d
    if m0 >= e:
        js = 0
    elif g <= 0.0:
        js = k
    else:
        x = np.ceil((e - m0) / g)  # in float: a tiny g must not overflow the integer
        if x >= k:
            js = k
        elif x <= 0.0:
            js = 0
        else:
            js = np.int64(x)
    tot = k * a + js * e
    m = k - js
    if m > 0:
        tot += m * m0 + g * (js + k - 1) * m * 0.5
    if attn != 0.0:
        tot += attn * (k * (c0 * 1.0) + d * (k * (k - 1.0)) * 0.5)
    return tot


# ------------------------------------------------------------------ balancing and routing


@njit(cache=True, _nrt=False)
def _draw_up(a, b, RI, rng):
    n = b - a
    for _ in range(64):
        r = a + np.int64(_rand(rng) * n)
        if r >= b:
            r = b - 1
        if RI[R_UP, r] == 1:
            return r
    for r in range(a, b):
        if RI[R_UP, r] == 1:
            return r
    return -1


@njit(cache=True, _nrt=False)
def _queued_work(i, r, p, pre_len, PI, blk_ptr, blk_ids, RQ, CE, htab):
    """Request ``i`` joins replica ``r``'s queue: the prompt tokens it will prefill there (its
    blocks cached on ``r`` now skipped; kept in ``Q_QW`` to be taken off at admission)."""
    if PI[P_PFX, p] == 0:
        return pre_len[i]
    h, _ = _probe(i, r, blk_ptr, blk_ids, RQ, CE, htab)
    w = pre_len[i] - min(h * PI[P_BLK, p], pre_len[i] - 1)
    RQ[Q_QW, i] = w
    return w


@njit(cache=True, _nrt=False)
def _affinity(i, p, best, PI, RI, blk_ptr, blk_ids, RQ, CE, htab):
    """Cache affinity, load-aware: among the up replicas of pool ``p``, the one where request
    ``i`` would find the least prefill work ahead of and in its own prefill.

    A replica's cost is its prefill backlog (``R_RP``: prompt tokens its admitted sequences
    have yet to prefill, plus ``R_QTOK``: the prompts waiting in its queue) plus the request's
    own prompt tokens it would not find cached there (``h`` cached blocks save ``h * block``
    tokens).  So a cached prefix wins while the replica holding it is behind the others by
    less than the prefill work the hit saves.  Ties: fewest requests, then lowest index.
    ``best`` (the JSQ pick) when the pool does not cache, the request has no usable blocks or
    no replica holds any of them.

    Why work and not requests: a request count says nothing of prefill work when prompts
    range to 120 000 tokens (seconds of prefill each).  The SGLang gateway's count guard this
    replaced (JSQ only past 64 requests more than the shortest and 1.5 times as many) let the
    Mooncake trace's conversations, which share a few system-prompt blocks, queue tens of
    seconds of prefill on one replica holding a handful of requests (P99 TTFT 26 s on 17
    replicas where JSQ meets 5 s on 3).  Ray Serve's ``KVAwareRouter`` and NVIDIA Dynamo's KV
    router score replicas the same way (the prefill left after the cache overlap plus the
    replica's load); decode work is left out, prefill dominating TTFT (docs/simulation.md)."""
    if PI[P_PFX, p] == 0 or RQ[Q_BN, i] == 0:
        return best
    bt = PI[P_BLK, p]
    anyhit = False
    ba = -1
    bc = BIG
    for r in range(PI[P_FIRST, p], PI[P_END, p]):
        if RI[R_UP, r] != 1:
            continue
        h, _ = _probe(i, r, blk_ptr, blk_ids, RQ, CE, htab)
        if h > 0:
            anyhit = True
        c = RI[R_RP, r] + RI[R_QTOK, r] - h * bt
        if c < bc or (c == bc and RI[R_NSYS, r] < RI[R_NSYS, ba]):
            bc = c
            ba = r
    if not anyhit:
        return best
    return ba


@njit(cache=True, _nrt=False)
def _pick(i, p, PI, RI, bal, rng, blk_ptr, blk_ids, RQ, CE, htab):
    a = PI[P_FIRST, p]
    b = PI[P_END, p]
    if PI[P_UP, p] <= 0:
        return -1
    if bal == BAL_JSQ or bal == BAL_AFFINITY:
        best = -1
        bn = BIG
        for r in range(a, b):
            if RI[R_UP, r] == 1 and RI[R_NSYS, r] < bn:
                best = r
                bn = RI[R_NSYS, r]
        if bal == BAL_AFFINITY:
            return _affinity(i, p, best, PI, RI, blk_ptr, blk_ids, RQ, CE, htab)
        return best
    if bal == BAL_RR:
        n = b - a
        for k in range(n):
            r = a + (PI[P_RR, p] + k) % n
            if RI[R_UP, r] == 1:
                PI[P_RR, p] = (r - a + 1) % n
                return r
        return -1
    r1 = _draw_up(a, b, RI, rng)
    if bal == BAL_RANDOM:
        return r1
    r2 = _draw_up(a, b, RI, rng)
    if RI[R_NSYS, r2] < RI[R_NSYS, r1]:
        return r2
    return r1


@njit(cache=True, _nrt=False)
def _route_dynamic(mask, mode, PI):
    npool = PI.shape[1]
    first = -1
    best = -1
    bl = np.inf
    for p in range(npool):
        if (mask >> p) & 1 == 0:
            continue
        if first < 0:
            first = p
        capn = PI[P_UP, p] * PI[P_CAP, p]
        if mode == ROUTE_SPILLOVER:
            if PI[P_NSYS, p] < capn:
                return p
        else:
            if capn > 0:
                load = PI[P_NSYS, p] / capn
                if load < bl:
                    bl = load
                    best = p
    if best >= 0:
        return best
    return first


# ------------------------------------------------------------------ the kernel


@njit(cache=True, _nrt=False, nogil=True)
def run_core(
    level,
    arr_t,
    prompt,
    output,
    route,
    elig,
    route_mode,
    hold,
    prefill,
    bal,
    rng_seed,
    PI,
    PIT,
    rep_pool,
    run_width,
    fail_ptr,
    fail_t,
    repair_t,
    fail_kind,
    w0,
    w1,
    horizon,
    max_events,
    users,
    think_s,
    n_warm,
    status,
    pool_of,
    rep_of,
    admit_t,
    first_t,
    finish_t,
    n_pre,
    n_retry,
    RF,
    RI,
    info,
    rng,
    win,
    nxt,
    phase,
    pre_len,
    pf_rem,
    gen_done,
    dec_start,
    ctx_start,
    dec_end,
    run_pos,
    run,
    ht,
    hid,
    hpos,
    hat,
    hsize,
    ft,
    fid,
    fpos,
    fsize,
    st,
    sid,
    sat,
    ssize,
    sched,
    blk_ptr,
    blk_ids,
    ce_ptr,
    RQ,
    CE,
    htab,
):
    """Run one replication; every array is allocated by :func:`allocate` (no allocation here,
    compiled without reference counting).  ``users > 0``: closed loop; outages ``fail_ptr``,
    ``fail_t``, ``repair_t``, ``fail_kind`` (module docstring).  Prefix caching (pools with
    ``P_PFX``): request ``i``'s block ids ``blk_ids[blk_ptr[i]:]`` (``RQ[Q_BN, i]`` of them
    usable), replica ``r``'s cache entries ``ce_ptr[r]:ce_ptr[r + 1]`` of ``CE``, the hash
    table ``htab`` (all -1, a power of two at least twice the entries)."""
    n = arr_t.shape[0]
    nrep = rep_pool.shape[0]
    engine = level == LEVEL_ENGINE
    rng[0] = np.uint64(rng_seed)
    for r in range(nrep):
        RI[R_UP, r] = 1
        RI[R_QH, r] = -1
        RI[R_QT, r] = -1
        RI[R_POOL, r] = rep_pool[r]
        RI[R_FIDX, r] = 0
        RI[R_QTOK, r] = 0
        _cache_reset(r, ce_ptr, RI, CE)
    npool = PI.shape[1]
    for p in range(npool):
        PI[P_UP, p] = PI[P_END, p] - PI[P_FIRST, p]
        PI[P_OQH, p] = -1
        PI[P_OQT, p] = -1
        PI[P_NSYS, p] = 0
        PI[P_RR, p] = 0
    hsize[0] = 0
    fsize[0] = 0
    for r in range(nrep):
        if fail_ptr[r + 1] > fail_ptr[r]:
            _hset(ft, fid, fpos, fsize, r, fail_t[fail_ptr[r]])

    closed = users > 0
    ssize[0] = 0
    sched[0] = 0
    if closed:
        for k in range(min(users, n)):
            sched[0] += 1
            _lpush(st, sid, sat, ssize, k, 0.0, 0)
    remaining = n
    ai = 0
    nev = 0
    t = 0.0
    err = ERR_NONE

    while remaining > 0:
        te = ht[0] if hsize[0] > 0 else np.inf
        tf = ft[0] if fsize[0] > 0 else np.inf
        if closed:
            ta = st[0] if ssize[0] > 0 else np.inf
        else:
            ta = arr_t[ai] if ai < n else np.inf
        if te <= tf and te <= ta:
            kind = 0
            tn = te
        elif tf <= ta:
            kind = 1
            tn = tf
        else:
            kind = 2
            tn = ta
        if tn == np.inf or tn > horizon:
            break
        t = tn
        nev += 1
        if nev > max_events:
            err = ERR_MAX_EVENTS
            break

        if kind == 0:
            x = hid[0]
            if engine:
                _hremove(ht, hid, hpos, hsize, x)
                r = x
                remaining -= _eng_apply(
                    r, t, PI, PIT, RI, RF, run, phase, pre_len, pf_rem, gen_done, dec_start,
                    ctx_start, dec_end, output, status, first_t, finish_t, w0, w1,
                    closed, think_s, st, sid, sat, ssize, sched, blk_ptr, blk_ids, RQ, CE, htab,
                )
                _eng_boundary(
                    r, t, PI, PIT, RI, run, nxt, phase, prompt, pre_len, pf_rem, gen_done,
                    dec_start, ctx_start, dec_end, admit_t, n_pre, ht, hid, hpos, hsize, RF,
                    blk_ptr, blk_ids, RQ, CE, htab,
                )
            else:
                i = x
                att = hat[0]
                _lpop(ht, hid, hat, hsize)
                nev -= 1
                if phase[i] != PH_SERVE or n_retry[i] != att:
                    continue  # stale: the request was lost in a failure
                nev += 1
                r = rep_of[i]
                p = RI[R_POOL, r]
                _acc(RF, r, RF[F_LAST, r], t, RI[R_NRUN, r], RI[R_NRUN, r] * PI[P_MAXCTX, p],
                     RI[R_NRUN, r] * PI[P_MAXCTX, p], w0, w1)
                RF[F_LAST, r] = t
                k = run_pos[i]
                last = RI[R_NRUN, r] - 1
                j = run[r, last]
                run[r, k] = j
                run_pos[j] = k
                RI[R_NRUN, r] = last
                phase[i] = PH_DONE
                status[i] = ST_DONE
                finish_t[i] = t
                RI[R_NSYS, r] -= 1
                PI[P_NSYS, p] -= 1
                remaining -= 1
                if closed:
                    _send_next(i, t, think_s, st, sid, sat, ssize, sched)
                j = _q_pop(nxt, RI[R_QH], RI[R_QT], r)
                if j >= 0:
                    if not _slot_start(j, r, t, p, hold, prefill, RI, run, run_pos, phase,
                                       admit_t, first_t, ht, hid, hat, hsize, n_retry):
                        err = ERR_INTERNAL
                        break
        elif kind == 1:
            r = fid[0]
            _hremove(ft, fid, fpos, fsize, r)
            p = RI[R_POOL, r]
            fi = RI[R_FIDX, r]
            j = fail_ptr[r] + fi
            state = RI[R_UP, r]
            if state != UP_YES:
                # ---- end of outage j
                fi += 1
                RI[R_FIDX, r] = fi
                j += 1
                if not (j < fail_ptr[r + 1] and fail_t[j] == t):
                    # ---- repair or end of a drain: back in service
                    RI[R_UP, r] = UP_YES
                    PI[P_UP, p] += 1
                    a = max(RF[F_DSINCE, r], w0)
                    b = min(t, w1)
                    if b > a:
                        RF[F_DOWN, r] += b - a
                    if state == UP_NO:
                        RF[F_LAST, r] = t  # empty since the failure
                    if j < fail_ptr[r + 1]:
                        _hset(ft, fid, fpos, fsize, r, fail_t[j])
                    while True:
                        i = _q_pop(nxt, PI[P_OQH], PI[P_OQT], p)
                        if i < 0:
                            break
                        PI[P_NSYS, p] -= 1
                        _dispatch(
                            i, p, t, level, bal, rng, PI, PIT, RI, RF, run, run_pos, nxt, phase,
                            prompt, pre_len, pf_rem, gen_done, dec_start, ctx_start, dec_end,
                            hold, prefill, rep_of, admit_t, first_t, n_pre, ht, hid, hpos, hat,
                            hsize, n_retry, win, blk_ptr, blk_ids, RQ, CE, htab,
                        )
                    continue
                # the next outage starts as this one ends: straight into it
            # ---- start of outage j, from service or from the outage before it
            if state == UP_YES:
                PI[P_UP, p] -= 1
                RF[F_DSINCE, r] = t
            _hset(ft, fid, fpos, fsize, r, repair_t[j])
            if fail_kind[j] == 1:
                # ---- drain: no new work; what is on the replica goes on being served
                RI[R_UP, r] = UP_DRAIN
                if state == UP_NO:
                    RF[F_LAST, r] = t  # empty since the failure
                continue
            # ---- failure: everything on the replica is lost and retried in the pool
            RI[R_UP, r] = UP_NO
            RI[R_NFAIL, r] += 1
            if engine:
                if hpos[r] >= 0:
                    kvs = RI[R_SKV0, r] + RI[R_CPIN, r]
                    _acc(RF, r, RF[F_T0, r], t, RI[R_NRUN, r], kvs, kvs, w0, w1)
                    _hremove(ht, hid, hpos, hsize, r)
                if PI[P_PFX, p] != 0:
                    _cache_wipe(r, ce_ptr, RI, CE, htab)
            else:
                _acc(RF, r, RF[F_LAST, r], t, RI[R_NRUN, r],
                     RI[R_NRUN, r] * PI[P_MAXCTX, p], RI[R_NRUN, r] * PI[P_MAXCTX, p],
                     w0, w1)
                RF[F_LAST, r] = t
            # collect the lost requests in a temporary list (running first, then queued)
            lh = RI[R_QH, r]
            lt = RI[R_QT, r]
            for k in range(RI[R_NRUN, r] - 1, -1, -1):
                i = run[r, k]
                nxt[i] = lh
                lh = i
                if lt < 0:
                    lt = i
            c = RI[R_NSYS, r]
            RI[R_QH, r] = -1
            RI[R_QT, r] = -1
            RI[R_NRUN, r] = 0
            RI[R_NSYS, r] = 0
            RI[R_QTOK, r] = 0
            RI[R_D, r] = 0
            RI[R_C, r] = 0
            RI[R_KV, r] = 0
            RI[R_PAL, r] = 0
            RI[R_RP, r] = 0
            PI[P_NSYS, p] -= c
            i = lh
            while i >= 0:
                if engine:
                    gen_done[i] = 0
                    pre_len[i] = prompt[i]
                    if PI[P_PFX, p] != 0:
                        RQ[Q_HIT, i] = 0
                        RQ[Q_PIN, i] = 0
                        RQ[Q_HTOK, i] = 0
                phase[i] = PH_NONE
                n_retry[i] += 1
                first_t[i] = np.nan
                admit_t[i] = np.nan
                rep_of[i] = -1
                i = nxt[i]
            while lh >= 0:
                i = lh
                lh = nxt[i]
                _dispatch(
                    i, p, t, level, bal, rng, PI, PIT, RI, RF, run, run_pos, nxt,
                    phase, prompt, pre_len, pf_rem, gen_done, dec_start, ctx_start, dec_end,
                    hold, prefill, rep_of, admit_t, first_t, n_pre, ht, hid, hpos, hat, hsize,
                    n_retry, win, blk_ptr, blk_ids, RQ, CE, htab,
                )
        else:
            i = ai
            ai += 1
            if closed:
                _lpop(st, sid, sat, ssize)
                arr_t[i] = t
                if i == n_warm:
                    w0 = t
                    win[0] = t
                if i == n - 1:
                    w1 = t
                    win[1] = t
            p = route[i]
            if p == -2:
                p = _route_dynamic(elig[i], route_mode, PI)
            pool_of[i] = p
            if p >= 0 and prompt[i] + output[i] > PI[P_MAXCTX, p]:
                p = -1
            if p < 0:
                status[i] = ST_REJECTED
                remaining -= 1
                if closed:
                    _send_next(i, t, think_s, st, sid, sat, ssize, sched)
                continue
            status[i] = ST_UNFINISHED
            if engine:
                pre_len[i] = prompt[i]
                gen_done[i] = 0
            _dispatch(
                i, p, t, level, bal, rng, PI, PIT, RI, RF, run, run_pos, nxt, phase, prompt,
                pre_len, pf_rem, gen_done, dec_start, ctx_start, dec_end, hold, prefill, rep_of,
                admit_t, first_t, n_pre, ht, hid, hpos, hat, hsize, n_retry, win, blk_ptr,
                blk_ids, RQ, CE, htab,
            )

    # ---- close the integrals at the end time
    t_end = t
    for r in range(nrep):
        p = RI[R_POOL, r]
        if RI[R_UP, r] != UP_YES:
            a = max(RF[F_DSINCE, r], w0)
            b = min(t_end, w1)
            if b > a:
                RF[F_DOWN, r] += b - a
        if RI[R_UP, r] == UP_NO:
            continue
        if engine:
            if hpos[r] >= 0:
                kvs = RI[R_SKV0, r] + RI[R_CPIN, r]
                _acc(RF, r, RF[F_T0, r], t_end, RI[R_NRUN, r], kvs, kvs, w0, w1)
        else:
            kvs = RI[R_NRUN, r] * PI[P_MAXCTX, p]
            _acc(RF, r, RF[F_LAST, r], t_end, RI[R_NRUN, r], kvs, kvs, w0, w1)
    info[0] = t_end
    info[1] = nev
    info[2] = err
    info[3] = ai


def allocate(level: int, n: int, nrep: int, run_width: int, users: int = 0) -> dict:
    """Work arrays of :func:`run_core` (keyword arguments); ``users > 0``: closed loop."""
    engine = level == LEVEL_ENGINE
    scap = max(min(users, n), 1)
    m = n if engine else 1
    hcap = max(nrep if engine else n + nrep * run_width + 16, 1)
    return {
        "rng": np.zeros(1, dtype=np.uint64),
        "win": np.zeros(2),
        "nxt": np.full(n, -1, dtype=np.int32),
        "phase": np.zeros(n, dtype=np.int8),
        "pre_len": np.zeros(m, dtype=np.int32),
        "pf_rem": np.zeros(m, dtype=np.int32),
        "gen_done": np.zeros(m, dtype=np.int32),
        "dec_start": np.zeros(m, dtype=np.int64),
        "ctx_start": np.zeros(m, dtype=np.int32),
        "dec_end": np.zeros(m, dtype=np.int64),
        "run_pos": np.zeros(1 if engine else n, dtype=np.int32),
        "run": np.full((nrep, run_width), -1, dtype=np.int32),
        "ht": np.empty(hcap),
        "hid": np.empty(hcap, dtype=np.int64),
        "hpos": np.full(max(nrep if engine else 1, 1), -1, dtype=np.int64),
        "hat": np.zeros(1 if engine else hcap, dtype=np.int32),
        "hsize": np.zeros(1, dtype=np.int64),
        "ft": np.empty(max(nrep, 1)),
        "fid": np.empty(max(nrep, 1), dtype=np.int64),
        "fpos": np.full(max(nrep, 1), -1, dtype=np.int64),
        "fsize": np.zeros(1, dtype=np.int64),
        "st": np.empty(scap),
        "sid": np.empty(scap, dtype=np.int64),
        "sat": np.zeros(scap, dtype=np.int32),
        "ssize": np.zeros(1, dtype=np.int64),
        "sched": np.zeros(1, dtype=np.int64),
    }


@njit(cache=True, _nrt=False)
def _slot_start(i, r, t, p, hold, prefill, RI, run, run_pos, phase, admit_t, first_t, ht, hid,
                hat, hsize, n_retry):
    row = p if hold.shape[0] > 1 else 0
    phase[i] = PH_SERVE
    admit_t[i] = t
    first_t[i] = t + prefill[row, i]
    k = RI[R_NRUN, r]
    run[r, k] = i
    run_pos[i] = k
    RI[R_NRUN, r] = k + 1
    return _lpush(ht, hid, hat, hsize, i, t + hold[row, i], n_retry[i])


@njit(cache=True, _nrt=False)
def _dispatch(i, p, t, level, bal, rng, PI, PIT, RI, RF, run, run_pos, nxt, phase, prompt,
              pre_len, pf_rem, gen_done, dec_start, ctx_start, dec_end, hold, prefill, rep_of,
              admit_t, first_t, n_pre, ht, hid, hpos, hat, hsize, n_retry, win, blk_ptr, blk_ids,
              RQ, CE, htab):
    PI[P_NSYS, p] += 1
    r = _pick(i, p, PI, RI, bal, rng, blk_ptr, blk_ids, RQ, CE, htab)
    if r < 0:
        phase[i] = PH_ORPHAN
        rep_of[i] = -1
        _q_push_back(nxt, PI[P_OQH], PI[P_OQT], p, i)
        return
    rep_of[i] = r
    RI[R_NSYS, r] += 1
    if level == LEVEL_SLOT:
        if RI[R_NRUN, r] < PI[P_CAP, p] and RI[R_QH, r] < 0:
            kvs = RI[R_NRUN, r] * PI[P_MAXCTX, p]
            _acc(RF, r, RF[F_LAST, r], t, RI[R_NRUN, r], kvs, kvs, win[0], win[1])
            RF[F_LAST, r] = t
            if not _slot_start(i, r, t, p, hold, prefill, RI, run, run_pos, phase, admit_t,
                               first_t, ht, hid, hat, hsize, n_retry):
                raise RuntimeError("slot heap overflow")
        else:
            phase[i] = PH_WAIT
            _q_push_back(nxt, RI[R_QH], RI[R_QT], r, i)
        return
    # engine
    phase[i] = PH_WAIT
    was_empty = RI[R_QH, r] < 0
    _q_push_back(nxt, RI[R_QH], RI[R_QT], r, i)
    RI[R_QTOK, r] += _queued_work(i, r, p, pre_len, PI, blk_ptr, blk_ids, RQ, CE, htab)
    if hpos[r] < 0:
        # idle replica: a boundary now
        RF[F_T0, r] = t
        RI[R_SK, r] = 0
        _eng_boundary(r, t, PI, PIT, RI, run, nxt, phase, prompt, pre_len, pf_rem, gen_done,
                      dec_start, ctx_start, dec_end, admit_t, n_pre, ht, hid, hpos, hsize, RF,
                      blk_ptr, blk_ids, RQ, CE, htab)
        return
    if not was_empty:
        return
    # busy replica: cut the running segment at the next iteration boundary if the newcomer
    # could be admitted there
    if RI[R_NRUN, r] >= PI[P_CAP, p]:
        return
    d = RI[R_SD, r]
    b = PI[P_CHUNK, p] - d
    if b < 0:
        b = 0
    if RI[R_SP, r] >= b or b - RI[R_RP, r] <= 0:
        return
    t0 = RF[F_T0, r]
    kseg = RI[R_SK, r]
    it = PIT[p]
    lo = 0
    hi = kseg
    while lo < hi:
        mid = (lo + hi) >> 1
        if t0 + seg_time(mid, RI[R_SP, r], d, RI[R_SC0, r], it) >= t:
            hi = mid
        else:
            lo = mid + 1
    kc = lo
    if kc >= kseg:
        return
    if PI[P_RES, p] == 0:
        kv_cut = RI[R_SKV0, r] + kc * d
        need = pre_len[i] + 1
        if PI[P_PFX, p] != 0:  # its cached blocks need no new memory, but get pinned
            h, nu = _probe(i, r, blk_ptr, blk_ids, RQ, CE, htab)
            need += RI[R_CPIN, r] + (nu - h) * PI[P_BLK, p]
        if kv_cut + need + d > PI[P_KVCAP, p]:
            return
    RI[R_SK, r] = kc
    _hset(ht, hid, hpos, hsize, r, t0 + seg_time(kc, RI[R_SP, r], d, RI[R_SC0, r], it))


@njit(cache=True, _nrt=False)
def _eng_apply(r, t, PI, PIT, RI, RF, run, phase, pre_len, pf_rem, gen_done, dec_start,
               ctx_start, dec_end, output, status, first_t, finish_t, w0, w1, closed, think_s,
               st, sid, sat, ssize, sched, blk_ptr, blk_ids, RQ, CE, htab):
    """Apply the ``R_SK`` iterations of replica ``r``'s segment ending at ``t``; returns the
    number of requests that finished (closed loop: each schedules its user's next send).
    Prefix caching: a finished prefill's blocks enter the cache; a finished sequence's blocks
    are released (they stay cached)."""
    p = RI[R_POOL, r]
    paged = PI[P_RES, p] == 0
    pfx = PI[P_PFX, p] != 0
    bt = PI[P_BLK, p]
    k = RI[R_SK, r]
    pp = RI[R_SP, r]
    d = RI[R_SD, r]
    nrun = RI[R_NRUN, r]
    kv0 = RI[R_KV, r]
    RI[R_IT, r] += k
    RI[R_C, r] += k * d
    if paged:
        RI[R_KV, r] += k * d
    if nrun > 0:
        cp = RI[R_CPIN, r]  # pinned blocks are KV held by running sequences
        _acc(RF, r, RF[F_T0, r], t, nrun, kv0 + cp, RI[R_KV, r] + cp, w0, w1)
    if pp > 0 and k > 0:
        tokens = k * pp
        for idx in range(nrun):
            i = run[r, idx]
            if phase[i] == PH_PREFILL and pf_rem[i] > 0:
                take = min(pf_rem[i], tokens)
                pf_rem[i] -= take
                RI[R_RP, r] -= take
                tokens -= take
                if tokens == 0:
                    break
    itc = RI[R_IT, r]
    j = 0
    done = 0
    maxctx = PI[P_MAXCTX, p]
    for idx in range(nrun):
        i = run[r, idx]
        keep = True
        if phase[i] == PH_PREFILL and pf_rem[i] == 0:
            if np.isnan(first_t[i]):
                first_t[i] = t
            iters = output[i] - gen_done[i] - 1
            need = pre_len[i] + 1
            if paged:
                RI[R_PAL, r] -= need
            if pfx:
                _cache_prompt(i, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab)
            if iters <= 0:
                if pfx:
                    RI[R_KV, r] -= need - RQ[Q_PIN, i] * bt
                    _unpin(i, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab)
                elif paged:
                    RI[R_KV, r] -= need
                keep = False
            else:
                phase[i] = PH_DECODE
                dec_start[i] = itc
                ctx_start[i] = need
                dec_end[i] = itc + iters
                RI[R_D, r] += 1
                RI[R_C, r] += need
        elif phase[i] == PH_DECODE and dec_end[i] == itc:
            ctx = ctx_start[i] + (itc - dec_start[i])
            RI[R_C, r] -= ctx
            RI[R_D, r] -= 1
            if pfx:
                RI[R_KV, r] -= ctx - RQ[Q_PIN, i] * bt
                _unpin(i, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab)
            elif paged:
                RI[R_KV, r] -= ctx
            keep = False
        if keep:
            run[r, j] = i
            j += 1
        else:
            phase[i] = PH_DONE
            status[i] = ST_DONE
            finish_t[i] = t
            RI[R_NSYS, r] -= 1
            PI[P_NSYS, p] -= 1
            done += 1
            if closed:
                _send_next(i, t, think_s, st, sid, sat, ssize, sched)
    RI[R_NRUN, r] = j
    if not paged:
        RI[R_KV, r] = j * maxctx
    RF[F_T0, r] = t
    RI[R_SK, r] = 0
    return done


@njit(cache=True, _nrt=False)
def _eng_boundary(r, t, PI, PIT, RI, run, nxt, phase, prompt, pre_len, pf_rem, gen_done,
                  dec_start, ctx_start, dec_end, admit_t, n_pre, ht, hid, hpos, hsize, RF,
                  blk_ptr, blk_ids, RQ, CE, htab):
    """At an iteration boundary of replica ``r``: preempt if KV is short, admit FCFS, plan the
    next segment and schedule its end.  Prefix caching: unpinned cached blocks count as free
    memory; they are evicted (LRU) here when the running sequences or an admission need it."""
    p = RI[R_POOL, r]
    paged = PI[P_RES, p] == 0
    pfx = PI[P_PFX, p] != 0
    bt = PI[P_BLK, p]
    kvcap = PI[P_KVCAP, p]
    chunk = PI[P_CHUNK, p]
    cap = PI[P_CAP, p]
    maxctx = PI[P_MAXCTX, p]
    itc = RI[R_IT, r]
    preempted = False
    if pfx:
        while RI[R_KV, r] + RI[R_CKV, r] + RI[R_D, r] > kvcap and _evict(r, bt, RI, CE, htab):
            pass
    if paged:
        while (RI[R_D, r] > 0 and RI[R_KV, r] + RI[R_CPIN, r] + RI[R_D, r] > kvcap
               and RI[R_NRUN, r] > 1):
            last = RI[R_NRUN, r] - 1
            v = run[r, last]
            run[r, last] = -1
            RI[R_NRUN, r] = last
            if phase[v] == PH_PREFILL:
                need = pre_len[v] + 1
                RI[R_RP, r] -= pf_rem[v]
                RI[R_PAL, r] -= need
                RI[R_KV, r] -= need - RQ[Q_PIN, v] * bt if pfx else need
            else:
                ctx = ctx_start[v] + (itc - dec_start[v])
                RI[R_C, r] -= ctx
                RI[R_D, r] -= 1
                RI[R_KV, r] -= ctx - RQ[Q_PIN, v] * bt if pfx else ctx
                gen_done[v] = ctx - prompt[v]
                pre_len[v] = ctx
            if pfx:
                _unpin(v, r, bt, blk_ptr, blk_ids, RQ, RI, CE, htab)
            pf_rem[v] = 0
            phase[v] = PH_WAIT
            n_pre[v] += 1
            RI[R_NPRE, r] += 1
            _q_push_front(nxt, RI[R_QH], RI[R_QT], r, v)
            RI[R_QTOK, r] += _queued_work(v, r, p, pre_len, PI, blk_ptr, blk_ids, RQ, CE, htab)
            preempted = True
    if not preempted:
        while True:
            i = RI[R_QH, r]
            if i < 0 or RI[R_NRUN, r] >= cap:
                break
            b = chunk - RI[R_D, r]
            if b - RI[R_RP, r] <= 0:
                break
            need = pre_len[i] + 1
            own = need  # new KV the sequence takes (its cached blocks need none)
            skip = 0  # prompt tokens it need not prefill
            if pfx:
                h, nu = _probe(i, r, blk_ptr, blk_ids, RQ, CE, htab)
                own = need - h * bt
                if RI[R_KV, r] + RI[R_CPIN, r] + nu * bt + own + RI[R_D, r] > kvcap:
                    break
                _pin_hits(i, r, h, bt, blk_ptr, blk_ids, RQ, RI, CE, htab)
                while (RI[R_KV, r] + RI[R_CKV, r] + own + RI[R_D, r] > kvcap
                       and _evict(r, bt, RI, CE, htab)):
                    pass
                skip = min(h * bt, pre_len[i] - 1)
                RQ[Q_HTOK, i] = skip
            elif paged:
                if RI[R_KV, r] + need + RI[R_D, r] > kvcap:
                    break
            _q_pop(nxt, RI[R_QH], RI[R_QT], r)
            RI[R_QTOK, r] -= RQ[Q_QW, i] if pfx else pre_len[i]
            phase[i] = PH_PREFILL
            pf_rem[i] = pre_len[i] - skip
            RI[R_RP, r] += pre_len[i] - skip
            if paged:
                RI[R_PAL, r] += need
                RI[R_KV, r] += own
            else:
                RI[R_KV, r] += maxctx
            admit_t[i] = t
            run[r, RI[R_NRUN, r]] = i
            RI[R_NRUN, r] += 1
    # ---- plan the next segment
    nrun = RI[R_NRUN, r]
    RF[F_T0, r] = t
    if nrun == 0:
        _hremove(ht, hid, hpos, hsize, r)
        RI[R_SK, r] = 0
        return
    d = RI[R_D, r]
    rp = RI[R_RP, r]
    b = chunk - d
    if b < 0:
        b = 0
    k = BIG
    if d > 0:
        for idx in range(nrun):
            i = run[r, idx]
            if phase[i] == PH_DECODE:
                rem = dec_end[i] - itc
                if rem < k:
                    k = rem
    pp = 0
    if rp > 0 and b > 0:
        r1 = 0
        for idx in range(nrun):
            i = run[r, idx]
            if phase[i] == PH_PREFILL and pf_rem[i] > 0:
                r1 = pf_rem[i]
                break
        if r1 > b:
            kk = (r1 - 1) // b
            if kk < k:
                k = kk
            pp = b
        else:
            k = 1
            pp = min(b, rp)
    if paged and d > 0:
        kk = (kvcap - RI[R_KV, r] - RI[R_CPIN, r]) // d
        if kk < k:
            k = kk
    if k <= 0 or k >= BIG:
        k = 1  # defensive: never stall (cannot happen with consistent state)
    RI[R_SK, r] = k
    RI[R_SP, r] = pp
    RI[R_SD, r] = d
    RI[R_SC0, r] = RI[R_C, r]
    RI[R_SKV0, r] = RI[R_KV, r]
    _hset(ht, hid, hpos, hsize, r, t + seg_time(k, pp, d, RI[R_C, r], PIT[p]))
