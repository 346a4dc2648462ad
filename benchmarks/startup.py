"""Start-up cost of the CLI: what a command pays before (and, for a quick plan, besides) its work.

Prints, as the median of ``--runs`` runs (5) after one warm-up run, each in a fresh
subprocess:

* ``optfleet --help``: wall time and CPU time (user + system);
* ``python -c "import optfleet"``: wall time and CPU time;
* ``optfleet plan --no-verify`` on the default scenario: wall time, CPU time and peak RSS;

then the slowest imports of that plan (``python -X importtime``, cumulative, top level).

Targets (issue #12): ``--help`` <= 0.3 s, ``plan --no-verify`` <= 1 s warm.  Wall times on a
shared machine move with its load; CPU times move less.

Usage::

    python benchmarks/startup.py [--runs 5] [--no-imports]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def optfleet_command() -> list[str]:
    """The ``optfleet`` console script of this interpreter (or one on PATH, or a stand-in)."""
    beside = Path(sys.executable).parent / "optfleet"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("optfleet")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from optfleet.cli import main; main()"]


def run_once(argv: list[str]) -> tuple[float, float, float]:
    """One run of ``argv``, its output discarded: ``(wall s, CPU s, peak RSS MB)``."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "COLUMNS": "100"})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def measure(argv: list[str], runs: int) -> tuple[float, float, float]:
    """Medians of ``runs`` runs after one warm-up: ``(wall s, CPU s, peak RSS MB)``."""
    run_once(argv)
    samples = [run_once(argv) for _ in range(runs)]
    return tuple(statistics.median(s[k] for s in samples) for k in range(3))  # type: ignore[return-value]


def slowest_imports(argv: list[str], top: int = 12) -> list[tuple[float, str]]:
    """The top-level imports of ``argv`` (a ``python -c`` command) by cumulative time, s."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True,
                          text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split(":", 1)[1].split("|")
        if len(name) - len(name.lstrip()) <= 1:  # top level: imported by optfleet's own code
            rows.append((int(cumulative) / 1e6, name.strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="measured runs per command (median)")
    ap.add_argument("--no-imports", action="store_true", help="skip the importtime listing")
    args = ap.parse_args()
    cli = optfleet_command()
    cases = [
        ("optfleet --help", [*cli, "--help"], 0.3),
        ('python -c "import optfleet"', [sys.executable, "-c", "import optfleet"], None),
        ("optfleet plan --no-verify", [*cli, "plan", "--no-verify", "--quiet"], 1.0),
    ]
    print(f"start-up, median of {args.runs} runs after a warm-up ({os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f})")
    print(f"{'command':<30} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}  target")
    for label, argv, target in cases:
        wall, cpu, rss = measure(argv, args.runs)
        goal = "" if target is None else f"<= {target:g} s wall: " + (
            "met" if wall <= target else "missed")
        print(f"{label:<30} {wall:8.3f} {cpu:8.3f} {rss:12.1f}  {goal}")
    if not args.no_imports:
        code = "import sys; from optfleet.cli import run; run(['plan', '--no-verify', '-q'])"
        print("\nslowest imports of 'optfleet plan --no-verify' (cumulative, s):")
        for seconds, name in slowest_imports(["-c", code]):
            print(f"  {seconds:6.3f}  {name}")


if __name__ == "__main__":
    main()
