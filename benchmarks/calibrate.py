"""Speed and quality of ``optfleet calibrate``: fit time, model evaluations and errors.

Prints, per case, the wall time of the whole calibration (read, fit, profile), the model
evaluations (each serving run simulated once per evaluation), the rms relative error on the fit
set and on the held-out runs, and, for the synthetic cases, the largest relative error of a
recovered constant:

* the two bundled public sweeps (``data/calibration/*/runs.yaml``), holdout 0.25;
* synthetic step timings from a known profile (exact recovery expected);
* synthetic serving runs simulated from a known profile with their own seed: bursts and closed
  loops (no random arrivals), and Poisson runs (whose arrivals the fit can not replay).

Usage::

    python benchmarks/calibrate.py
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from optfleet.calibration.api import calibrate
from optfleet.calibration.fit import fit_profile
from optfleet.calibration.measurements import ServingRun, StepTiming
from optfleet.calibration.model import Replica
from optfleet.calibration.predict import FITTED_SERVING_METRICS, predict_points
from optfleet.scenario import ServingConfig

ROOT = Path(__file__).resolve().parents[1]
TRUTH = {"bandwidth_fraction": 0.6, "flop_fraction": 0.5, "iteration_overhead_s": 0.003}


def _row(name: str, seconds: float, fit, recovered: float | None = None) -> None:
    held = fit.holdout_rms_relative_error
    print(f"{name:<34} {seconds:8.2f} s {fit.evaluations:6d} evals  "
          f"rms fit {fit.rms_relative_error:6.1%}  "
          f"held out {'-' if held is None else f'{held:.1%}':>6}  "
          f"constants off by {'-' if recovered is None else f'{recovered:.2%}'}")


def _worst(fit, truth: dict[str, float]) -> float:
    return max(abs(fit.parameters[k].value / v - 1) for k, v in truth.items())


def synthetic_serving(replica: Replica, open_loop: bool) -> list[ServingRun]:
    """Runs simulated from TRUTH with their own seed (2; the fit uses 0): bursts and closed
    loops, or Poisson runs at finite rates."""
    prof = replica.profile(TRUTH)
    rng = np.random.default_rng(5)
    runs = []
    if open_loop:
        shapes = [((100, 500, 100, 500), r, None) for r in (2.0, 10.0, 25.0)]
        shapes += [((2000, 6000, 20, 100), r, None) for r in (2.0, 10.0)]
        shapes += [((6000, 12000, 300, 600), 4.0, None)]
    else:
        inf = float("inf")
        shapes = [((100, 500, 100, 500), inf, u) for u in (1, 8, 32)]
        shapes += [((2000, 6000, 20, 100), inf, u) for u in (2, 16)]
        shapes += [((6000, 12000, 300, 600), inf, 8), ((200, 1000, 50, 300), inf, None)]
    for (a, b, c, d), rate, users in shapes:
        inp = tuple(int(x) for x in rng.integers(a, b, 300))
        out = tuple(int(x) for x in rng.integers(c, d, 300))
        metrics = dict.fromkeys(FITTED_SERVING_METRICS, 1.0)
        stub = ServingRun(rate, users, 1.0, inp, out, metrics=metrics, source="stub")
        got = predict_points(stub, prof, seed=2)
        runs.append(ServingRun(rate, users, 1.0, inp, out,
                               metrics={p.metric: p.value for p in got}, source=f"run{len(runs)}"))
    return runs


def main() -> None:
    for manifest in sorted((ROOT / "data" / "calibration").glob("*/runs.yaml")):
        t = time.perf_counter()
        cal = calibrate([manifest], holdout=0.25, seed=0)
        _row(manifest.parent.name[:34], time.perf_counter() - t, cal.fit)
    replica = Replica.of("H100", "llama-3.1-8b", ServingConfig())
    prof = replica.profile(TRUTH)
    steps = [StepTiming(p, d, c, float(prof.iteration.time_s(p, d, c)), "steps")
             for p, d, c in [(0, 1, 500), (0, 16, 16_000), (0, 64, 128_000), (0, 256, 256_000),
                             (2048, 0, 0), (1024, 32, 64_000), (512, 128, 200_000)]]
    t = time.perf_counter()
    fit = fit_profile(steps, replica, seed=0)
    _row("synthetic step timings", time.perf_counter() - t, fit, _worst(fit, TRUTH))
    for open_loop in (False, True):
        runs = synthetic_serving(replica, open_loop)
        t = time.perf_counter()
        fit = fit_profile(runs, replica, seed=0,
                          parameters=["bandwidth_fraction", "flop_fraction",
                                      "iteration_overhead_s"])
        label = "open loop" if open_loop else "bursts, closed loops"
        _row(f"synthetic serving ({label})", time.perf_counter() - t, fit, _worst(fit, TRUTH))


if __name__ == "__main__":
    main()
