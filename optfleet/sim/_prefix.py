"""The event core's prefix-cache inputs and the hit rates of a finished run (internal).

:func:`prefix_inputs` turns the requests' block ids (:class:`~optfleet.workloads.PrefixBlocks`)
and the pools' ``prefix_caching`` into the arrays :func:`optfleet.sim._core.run_core` takes;
without a caching pool or without block ids they are one-element placeholders and the core's
prefix code never runs (the simulation is then exactly the one without caching).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from optfleet.errors import InputError
from optfleet.sim import _core
from optfleet.sim.spec import FleetSpec, Requests

__all__ = ["caching_on", "check_level", "hit_rate", "prefix_inputs"]


def caching_on(fleet: FleetSpec, req: Requests, engine: bool) -> bool:
    """Whether the core simulates a prefix cache: engine level, block ids, a caching pool."""
    return engine and req.prefix is not None and any(p.prefix_caching for p in fleet.pools)


def check_level(fleet: FleetSpec, level: str) -> None:
    """Prefix caching is an engine-level model: InputError at the slot level."""
    if level != "engine" and any(p.prefix_caching for p in fleet.pools):
        names = ", ".join(p.name for p in fleet.pools if p.prefix_caching)
        raise InputError(f"prefix caching (pools {names}) is simulated at level='engine' only")


def prefix_inputs(fleet: FleetSpec, req: Requests, prompt: NDArray[np.int64], engine: bool,
                  PI: NDArray[np.int64]) -> dict[str, Any]:
    """The core's prefix arguments (``blk_ptr, blk_ids, ce_ptr, RQ, CE, htab``); sets the pools'
    ``P_PFX`` / ``P_BLK`` rows of ``PI``.  ``prompt`` is the routed prompt: a request whose
    prompt a router compressed has no usable blocks (its content changed).

    Each caching replica gets ``kv_capacity_tokens // block + 2`` cache entries (its cache never
    holds more blocks than its KV memory); the hash table is a power of two at least twice the
    entries.
    """
    if not caching_on(fleet, req, engine):
        return {
            "blk_ptr": np.zeros(2, dtype=np.int64),
            "blk_ids": np.zeros(1, dtype=np.int64),
            "ce_ptr": np.zeros(fleet.replicas + 1, dtype=np.int64),
            "RQ": np.zeros((_core.NQ, 1), dtype=np.int64),
            "CE": np.zeros((_core.NCE, 1), dtype=np.int64),
            "htab": np.full(2, -1, dtype=np.int64),
        }
    blocks = req.prefix
    assert blocks is not None
    bt = blocks.block_tokens
    per_rep = []
    for k, pool in enumerate(fleet.pools):
        on = bool(pool.prefix_caching)
        PI[_core.P_PFX, k] = int(on)
        PI[_core.P_BLK, k] = bt
        per_rep += [pool.profile.kv_capacity_tokens // bt + 2 if on else 0] * pool.replicas
    ce_ptr = np.zeros(fleet.replicas + 1, dtype=np.int64)
    ce_ptr[1:] = np.cumsum(per_rep)
    total = int(ce_ptr[-1])
    size = 2
    while size < 2 * total:
        size *= 2
    RQ = np.zeros((_core.NQ, req.n), dtype=np.int64)
    usable = blocks.usable(prompt)
    usable[prompt != req.prompt_tokens] = 0
    RQ[_core.Q_BN] = usable
    return {
        "blk_ptr": np.array(blocks.offsets),  # writable copies: one compiled signature
        "blk_ids": np.array(blocks.ids) if blocks.ids.size else np.zeros(1, dtype=np.int64),
        "ce_ptr": ce_ptr,
        "RQ": RQ,
        "CE": np.zeros((_core.NCE, max(total, 1)), dtype=np.int64),
        "htab": np.full(size, -1, dtype=np.int64),
    }


def hit_rate(RQ: NDArray[np.int64], prompt: NDArray[np.int64], sel: NDArray[np.bool_]
             ) -> float:
    """Cached / prompt tokens of the requests ``sel`` (0 without block ids, NaN without
    requests)."""
    tot = int(prompt[sel].sum())
    if tot == 0:
        return float("nan")
    if RQ.shape[1] != prompt.size:
        return 0.0
    return int(RQ[_core.Q_HTOK][sel].sum()) / tot
