"""SIGINT and SIGTERM in the CLI: the signal becomes an exception that unwinds the command (so
that ``finally`` blocks run and no temporary or partial file is left), then optfleet's child
processes (simulation workers, a solver) are ended and the command exits 130 or 143 with one
line on stderr.

Examples
--------
>>> import signal
>>> exc = Interrupted(signal.SIGTERM)
>>> exc.code, exc.message
(143, 'terminated (SIGTERM)')
>>> Interrupted(signal.SIGINT).code
130
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["Interrupted", "end_children", "quiet_signals", "signals_raise"]

#: The signals the CLI turns into :class:`Interrupted`.
SIGNALS: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):  # noqa: N818 - not an error: the user asked to stop
    """Raised in the main thread when SIGINT or SIGTERM arrives.

    A ``BaseException``, like ``KeyboardInterrupt``, so that ``except Exception`` in library code
    does not swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def code(self) -> int:
        """The exit code: 128 + the signal number (130 for SIGINT, 143 for SIGTERM)."""
        return 128 + self.signum

    @property
    def message(self) -> str:
        """What the CLI prints (after ``optfleet: ``)."""
        if self.signum == signal.SIGINT:
            return "interrupted"
        return f"terminated ({signal.Signals(self.signum).name})"


def _raise(signum: int, frame: Any) -> None:
    raise Interrupted(signum)


def _install(handler: Any) -> dict[int, Any]:
    """Set ``handler`` for :data:`SIGNALS`; the previous handlers (empty off the main thread).

    A signal the process was started ignoring (e.g. SIGINT in a background job) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        return {}
    old = {}
    for s in SIGNALS:
        current = signal.getsignal(s)
        if current == signal.SIG_IGN:
            continue
        old[s] = current
        signal.signal(s, handler)
    return old


def _restore(old: dict[int, Any]) -> None:
    for s, h in old.items():
        signal.signal(s, signal.SIG_DFL if h is None else h)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM raise :class:`Interrupted` (main thread only;
    elsewhere this does nothing; a signal ignored from the start stays ignored)."""
    old = _install(_raise)
    try:
        yield
    finally:
        _restore(old)


@contextlib.contextmanager
def quiet_signals() -> Iterator[None]:
    """While the block runs (the clean-up after an interruption), SIGINT and SIGTERM are
    ignored, so that a second Ctrl-C can not interrupt the clean-up with a traceback."""
    old = _install(signal.SIG_IGN)
    try:
        yield
    finally:
        _restore(old)


def _child_pids() -> set[int]:
    """The direct children of this process (Linux ``/proc``; empty where it is not available)."""
    pids: set[int] = set()
    with contextlib.suppress(OSError):
        for task in Path("/proc/self/task").iterdir():
            with contextlib.suppress(OSError, ValueError):
                pids.update(int(p) for p in (task / "children").read_text().split())
    return pids


def end_children(timeout_s: float = 3.0) -> None:
    """End this process's children: multiprocessing workers, then any other direct child (e.g. a
    solver run by PuLP): SIGTERM, then SIGKILL after ``timeout_s``."""
    from optfleet.sim.api import terminate_processes

    terminate_processes(multiprocessing.active_children(), timeout_s)
    others = _child_pids()
    for pid in others:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while others and time.monotonic() < deadline:
        for pid in list(others):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                others.discard(pid)
        if others:
            time.sleep(0.02)
    for pid in others:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
