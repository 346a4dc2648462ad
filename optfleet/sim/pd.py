"""Simulating a disaggregated fleet: a prefill pool feeding a decode pool.

* **Prefill pool** — the slot level of :func:`optfleet.sim.simulate` with one slot per replica
  (a prefill replica runs one prompt at a time), each request holding it for its prefill time
  (:meth:`ReplicaProfile.prefill_s`), join-shortest-queue balancing.  ``TTFT = wait + prefill +
  KV transfer``.
* **Decode pool** — a decode-only continuous-batching engine (:func:`decode_pool`): a request
  arrives when its KV cache has been transferred, joins the shortest queue, is admitted at the
  next iteration boundary of its replica (FCFS, at most ``slots`` running sequences and, under
  paged KV, only if the final contexts of all running sequences fit the replica's KV capacity:
  no preemption is ever needed), and then produces one token per iteration for ``l_out - 1``
  iterations.  An iteration with ``d`` sequences attending ``C`` context tokens takes
  ``iteration.time_s(0, d, C)`` (the engine level's iteration model).  ``TPOT = (finish - decode
  arrival) / (l_out - 1)``: time per output token after the first, waiting included.

Replications use ``numpy.random.SeedSequence(seed).spawn``; the first ``warmup_fraction`` of the
arrivals is excluded from the statistics.

Examples
--------
>>> import numpy as np
>>> from optfleet.physics import calibrated_profile
>>> it = calibrated_profile("H100").iteration
>>> fin = decode_pool(np.array([0.0, 0.0]), np.array([100, 100]), np.array([10, 10]), 1, 4,
...                   10**9, it)
>>> bool(0 < fin[0] < fin[1])  # the second joins at the first iteration boundary
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numba import njit
from numpy.typing import NDArray

from optfleet.errors import InputError, SimulationError
from optfleet.sim._core import iteration_row, seg_time

__all__ = ["PDSimResult", "decode_pool", "simulate_disaggregated"]


# long: numba kernel, one event loop; a split into jitted helpers costs speed
@njit(cache=True)
def _decode_kernel(arr, ctx0, iters, n_rep, cap, kvcap, it, fin):  # pragma: no cover - numba
    n = arr.size
    big = np.inf
    nsys = np.zeros(n_rep, dtype=np.int64)
    nrun = np.zeros(n_rep, dtype=np.int64)
    csum = np.zeros(n_rep, dtype=np.int64)  # context tokens of the running sequences
    kvres = np.zeros(n_rep, dtype=np.int64)  # final contexts reserved (paged admission)
    nxt_t = np.full(n_rep, big)  # next iteration boundary (inf: idle)
    run = np.full((n_rep, cap), -1, dtype=np.int64)
    left = np.zeros(n, dtype=np.int64)
    cur = np.zeros(n, dtype=np.int64)
    # FIFO queues as linked lists
    qh = np.full(n_rep, -1, dtype=np.int64)
    qt = np.full(n_rep, -1, dtype=np.int64)
    nx = np.full(n, -1, dtype=np.int64)
    ai = 0
    done = 0
    while done < n:
        # next replica boundary
        r = -1
        tb = big
        for k in range(n_rep):
            if nxt_t[k] < tb:
                tb = nxt_t[k]
                r = k
        ta = arr[ai] if ai < n else big
        if ai < n and ta <= tb:
            i = ai
            ai += 1
            best = 0
            for k in range(1, n_rep):
                if nsys[k] < nsys[best]:
                    best = k
            nsys[best] += 1
            if qt[best] < 0:
                qh[best] = i
            else:
                nx[qt[best]] = i
            qt[best] = i
            r = best
            if nxt_t[r] < big:
                continue  # busy: admitted at its next boundary
            t = ta
        else:
            if r < 0:
                return -1  # nothing can progress: cannot happen with consistent state
            t = tb
            # one iteration of replica r ends at t: every running sequence gains a token
            d = nrun[r]
            j = 0
            for idx in range(d):
                v = run[r, idx]
                left[v] -= 1
                cur[v] += 1
                csum[r] += 1
                if left[v] == 0:
                    fin[v] = t
                    csum[r] -= cur[v]
                    kvres[r] -= ctx0[v] + iters[v]
                    nsys[r] -= 1
                    done += 1
                else:
                    run[r, j] = v
                    j += 1
            nrun[r] = j
        # admit FCFS at this boundary
        while qh[r] >= 0 and nrun[r] < cap:
            v = qh[r]
            need = ctx0[v] + iters[v]
            if kvcap > 0 and kvres[r] + need > kvcap and nrun[r] > 0:
                break
            qh[r] = nx[v]
            if qh[r] < 0:
                qt[r] = -1
            run[r, nrun[r]] = v
            nrun[r] += 1
            left[v] = iters[v]
            cur[v] = ctx0[v]
            csum[r] += ctx0[v]
            kvres[r] += need
        if nrun[r] > 0:
            nxt_t[r] = t + seg_time(1, 0, nrun[r], float(csum[r]), it)
        else:
            nxt_t[r] = big
    return 0


def decode_pool(
    arrival_s: NDArray[np.float64],
    context_tokens: NDArray[np.int64],
    decode_iterations: NDArray[np.int64],
    replicas: int,
    slots: int,
    kv_capacity_tokens: int,
    iteration: Any,
) -> NDArray[np.float64]:
    """Finish times of decode-only requests on ``replicas`` continuous-batching replicas.

    Parameters
    ----------
    arrival_s
        When each request's KV cache is on the decode side (non-decreasing).
    context_tokens
        Its context at arrival (prompt + first token).
    decode_iterations
        Iterations it needs (``l_out - 1``, at least 1).
    replicas, slots
        Replicas and running sequences per replica.
    kv_capacity_tokens
        KV tokens per replica (admission reserves each sequence's final context; 0: no limit).
    iteration
        The replica's :class:`~optfleet.physics.IterationModel`.
    """
    t = np.ascontiguousarray(arrival_s, dtype=np.float64)
    c = np.ascontiguousarray(context_tokens, dtype=np.int64)
    k = np.ascontiguousarray(decode_iterations, dtype=np.int64)
    if not (t.shape == c.shape == k.shape) or t.ndim != 1:
        raise InputError("arrival_s, context_tokens and decode_iterations must be 1-d, same size")
    if t.size and ((np.diff(t) < 0).any() or (k < 1).any() or (c < 1).any()):
        raise InputError("arrivals must be sorted; contexts and iterations >= 1")
    if replicas < 1 or slots < 1:
        raise InputError("replicas and slots must be >= 1")
    it = iteration_row(iteration)
    fin = np.full(t.size, np.nan)
    if t.size == 0:
        return fin
    rc = _decode_kernel(t, c, k, int(replicas), int(slots), int(kv_capacity_tokens), it, fin)
    if rc != 0:
        raise SimulationError("decode-pool simulation stalled (internal error)")
    return fin


@dataclass(frozen=True)
class PDSimResult:
    """The TTFT and TPOT quantile (seconds; ``quantile``, default P99) of a disaggregated
    fleet over replications, and SLO attainment."""

    ttft_p99_s: Any  # optfleet.sim.results.Estimate
    tpot_p99_s: Any
    ttft_attainment: Any
    tpot_attainment: Any
    replications: int
    n_requests: int


def simulate_disaggregated(
    *,
    mix: Any,
    arrival_spec: Any,
    prefill_profile: Any,
    n_prefill: int,
    decode_profile: Any,
    n_decode: int,
    decode_slots: int,
    transfer_s_per_prompt_token: float,
    max_ctx_tokens: int,
    ttft_slo_s: float,
    tpot_slo_s: float,
    n_requests: int = 20_000,
    replications: int = 5,
    seed: int = 0,
    warmup_fraction: float = 0.1,
    quantile: float = 0.99,
) -> PDSimResult:
    """Simulate prefill pool -> KV transfer -> decode pool (module docstring), with CIs.

    ``transfer_s_per_prompt_token`` is ``kv_bytes_per_token / link_bytes_per_s``.
    """
    from optfleet.sim.api import simulate
    from optfleet.sim.results import Estimate
    from optfleet.sim.spec import PoolSpec, Requests
    from optfleet.workloads import arrival_times

    if replications < 1 or n_requests < 10:
        raise InputError("need replications >= 1 and n_requests >= 10")
    kvcap = (
        int(decode_profile.kv_capacity_tokens) if decode_profile.kv_policy == "paged" else 0
    )
    ttft_q, tpot_q, ttft_ok, tpot_ok = [], [], [], []
    for child in np.random.SeedSequence(int(seed)).spawn(replications):
        rng = np.random.default_rng(child)
        prompt, output, routing = mix.sample(n_requests, seed=rng)
        arr = arrival_times(arrival_spec, n=n_requests, seed=rng)
        pre = np.asarray(prefill_profile.prefill_s(prompt), dtype=np.float64)
        res = simulate(
            PoolSpec(prefill_profile, int(n_prefill), int(max_ctx_tokens), name="prefill",
                     slots=1),
            Requests(arr, prompt, output, routing_tokens=routing, hold_s=pre, prefill_s=pre),
            level="slot",
            warmup_fraction=0.0,
            record=True,
            seed=int(child.generate_state(1)[0]),
        )
        cols = res.records[0].columns
        ttft = np.asarray(cols["ttft_s"], dtype=np.float64) + prompt * transfer_s_per_prompt_token
        ttft = np.where(np.isfinite(ttft), ttft, np.inf)
        d_arr = arr + ttft
        order = np.argsort(d_arr, kind="stable")
        iters = np.maximum(output - 1, 1)
        fin = np.empty(n_requests)
        fin[order] = decode_pool(d_arr[order], (prompt + 1)[order], iters[order], int(n_decode),
                                 int(decode_slots), kvcap, decode_profile.iteration)
        tpot = (fin - d_arr) / iters
        m = slice(int(np.floor(warmup_fraction * n_requests)), None)
        ttft_q.append(float(np.quantile(ttft[m], quantile)))
        tpot_q.append(float(np.quantile(tpot[m], quantile)))
        ttft_ok.append(float(np.mean(ttft[m] <= ttft_slo_s)))
        tpot_ok.append(float(np.mean(tpot[m] <= tpot_slo_s)))
    return PDSimResult(
        Estimate.from_samples(ttft_q, scale="log"),  # positive: the interval on the log scale
        Estimate.from_samples(tpot_q, scale="log"),
        Estimate.from_samples(ttft_ok, scale="logit"),  # shares: on the logit scale, in [0, 1]
        Estimate.from_samples(tpot_ok, scale="logit"),
        replications,
        n_requests,
    )
