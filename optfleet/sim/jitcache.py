"""Whether the simulator's numba kernels are compiled and cached, found out without compiling.

The kernels (:mod:`optfleet.sim._core`, :mod:`optfleet.sim.pd`) are compiled on first use and
cached on disk (``cache=True``: beside the sources, or under ``NUMBA_CACHE_DIR``); the first
simulation after installing optfleet (or after a kernel changed) takes about half a minute, the
next ones load the cache.  The CLI says so once, before that first run (``optfleet: compiling
the simulator ...``).

Examples
--------
>>> isinstance(kernels_cached(), bool)
True
"""

from __future__ import annotations

__all__ = ["kernels_cached"]


def kernels_cached() -> bool:
    """True if numba's cache holds a compiled entry kernel of the simulator for its current
    source (the cache index is read; nothing is compiled).

    Importing the kernel module imports numba (a fraction of a second), which any simulation
    does anyway.  If numba's cache can not be inspected (its internals changed), True: better
    say nothing than announce a compilation that does not happen.
    """
    from optfleet.sim import _core

    try:
        index = _core.run_core._cache._cache_file._load_index()
    except Exception:  # noqa: BLE001 - numba internals: unknown means "do not announce"
        return True
    return bool(index)
