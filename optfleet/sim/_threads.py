"""Replications on threads: the event kernel releases the GIL (``nogil``), so independent
replications run in parallel in one process, with no start-up or pickling cost.

Each replication keeps its own seed and arrays, and results are returned in job order, so the
answer does not depend on the number of threads.  The threads are daemons and the caller waits
in short, interruptible joins: Ctrl-C or SIGTERM in the main thread ends the wait at once (a
kernel still running is abandoned with the process).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

#: Environment variable: the most threads replications use (1: sequential).
THREADS_ENV = "OPTFLEET_SIM_THREADS"
#: Default cap on threads (also bounded by the CPUs and the number of replications).
MAX_THREADS = 4


def thread_count(jobs: int) -> int:
    """Threads for ``jobs`` replications: ``min(jobs, CPUs, cap)``, the cap from
    :data:`THREADS_ENV` (default :data:`MAX_THREADS`); 1 means run them in sequence."""
    raw = os.environ.get(THREADS_ENV, "").strip()
    try:
        cap = int(raw) if raw else MAX_THREADS
    except ValueError:
        cap = MAX_THREADS
    return max(1, min(int(jobs), os.cpu_count() or 1, cap))


def run_threads(func: Callable[[Any], Any], jobs: Sequence[Any], threads: int) -> list[Any]:
    """``[func(j) for j in jobs]`` on ``threads`` daemon threads (the first error re-raised)."""
    results: list[Any] = [None] * len(jobs)
    errors: list[tuple[int, BaseException]] = []
    lock = threading.Lock()
    state = {"next": 0}

    def worker() -> None:
        while True:
            with lock:
                i = state["next"]
                state["next"] += 1
            if i >= len(jobs) or errors:
                return
            try:
                results[i] = func(jobs[i])
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
                with lock:
                    errors.append((i, exc))
                return

    pool = [threading.Thread(target=worker, daemon=True, name=f"optfleet-sim-{t}")
            for t in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        while t.is_alive():
            t.join(0.05)
    if errors:
        raise min(errors, key=lambda e: e[0])[1]
    return results
