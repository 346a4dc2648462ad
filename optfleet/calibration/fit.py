"""Fit a replica's free constants to measurements: ``scipy.optimize.least_squares`` on the
relative errors of every fitted value, the serving benchmarks simulated inside the fit.

The free constants are the roofline's (:class:`~optfleet.physics.roofline.Efficiency`): the
achieved bandwidth and FLOP fractions, the fixed cost of an engine step and, for tensor-parallel
replicas, the interconnect fraction and the all-reduce latency.  Each is searched in log space
between physical bounds; the residual of a value is ``log(predicted / measured)``, so a 10 %
miss weighs the same on a 5 ms step as on a 2 s TTFT.  Simulations inside the fit use one seed
for every evaluation (common random numbers), so the fit is deterministic and its finite
differences see the constants, not the noise.

Examples
--------
>>> from optfleet.calibration.measurements import StepTiming
>>> from optfleet.scenario import ServingConfig
>>> from optfleet.calibration.model import Replica
>>> target = Replica.of("H100", "llama-3.1-8b", ServingConfig())
>>> truth = target.profile({"bandwidth_fraction": 0.6, "iteration_overhead_s": 0.002})
>>> steps = [StepTiming(p, d, d * 2000, float(truth.iteration.time_s(p, d, d * 2000)), "s")
...          for p, d in [(0, 1), (0, 64), (2048, 0), (512, 32), (0, 256)]]
>>> fit = fit_profile(steps, target, parameters=("bandwidth_fraction", "iteration_overhead_s"))
>>> round(fit.parameters["bandwidth_fraction"].value, 4)
0.6
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from optfleet.calibration.measurements import Measurement, ServingRun
from optfleet.calibration.model import (
    FIT_BOUNDS,
    FitResult,
    Replica,
    default_parameters,
    predict_all,
    residuals,
)
from optfleet.calibration.solve import solve
from optfleet.errors import InputError

__all__ = ["fit_profile"]

def _split(n: int, holdout: float, seed: int) -> np.ndarray:
    """Held-out flags of ``n`` measurements (whole runs): ``round(holdout n)``, at least one
    when ``holdout > 0``, drawn with ``seed``; at least one run stays in the fit."""
    flags = np.zeros(n, dtype=bool)
    if holdout <= 0:
        return flags
    k = min(max(1, round(holdout * n)), n - 1)
    if k < 1:
        raise InputError("--holdout needs at least two measurements (runs or rows)")
    flags[np.random.default_rng(seed).permutation(n)[:k]] = True
    return flags


def fit_profile(
    measurements: Sequence[Measurement],
    replica: Replica,
    *,
    parameters: Sequence[str] | None = None,
    holdout: float = 0.0,
    seed: int = 0,
    max_evaluations: int = 200,
) -> FitResult:
    """Fit ``parameters`` of ``replica``'s profile to ``measurements``.

    Parameters
    ----------
    measurements
        Records from :func:`optfleet.calibration.readers.read_measurements`.
    replica
        The measured replica (:class:`Replica`).
    parameters
        Constants to fit (keys of :data:`FIT_BOUNDS`; default :func:`default_parameters`).
        Constants no fitted value is sensitive to are left at their start and named in a
        warning.
    holdout
        Share of the measurements (whole serving runs, CSV rows, latency runs) held out of the
        fit and reported apart, in [0, 1).
    seed
        Seed of the simulations inside the fit and of the holdout draw.

    Raises
    ------
    InputError
        No measurements, unknown parameters, a bad holdout, or a measurement the replica can
        not serve.
    """
    names = _check_parameters(parameters, replica, measurements)
    if not measurements:
        raise InputError("no measurements to fit")
    if not (0 <= holdout < 1):
        raise InputError(f"--holdout must be in [0, 1), got {holdout!r}")
    held = _split(len(measurements), holdout, seed)
    train = [m for m, h in zip(measurements, held, strict=True) if not h]
    start = replica.start(names)
    active, warn = _sensitive(train, replica, names, start, seed)
    return solve(measurements, held, train, replica, names, active, start, seed,
                 max_evaluations, warn)


def _check_parameters(parameters: Sequence[str] | None, replica: Replica,
                      measurements: Sequence[Measurement]) -> tuple[str, ...]:
    names = tuple(parameters) if parameters is not None else default_parameters(replica.serving)
    if parameters is None and any(isinstance(m, ServingRun) for m in measurements):
        names += ("request_latency_s",)
    unknown = [n for n in names if n not in FIT_BOUNDS]
    if unknown or not names:
        raise InputError(
            f"unknown fit parameters {unknown or '(none given)'}; known: {', '.join(FIT_BOUNDS)}"
        )
    if len(set(names)) != len(names):
        raise InputError(f"fit parameters repeated: {list(names)}")
    given = set(replica.serving.efficiency.given())
    both = sorted(given & set(names))
    if both:
        raise InputError(f"{both} are both fixed by serving.efficiency and asked to be fitted")
    return names


def _sensitive(train: Sequence[Measurement], replica: Replica, names: tuple[str, ...],
               start: dict[str, float], seed: int) -> tuple[tuple[str, ...], list[str]]:
    """The constants some fitted value moves by more than 0.1 % when the constant moves 5 %;
    the others stay at their start, with a warning each."""
    base = residuals(train, predict_all(train, replica, start, seed))
    if base.size == 0:
        raise InputError("no measured value can be fitted (none of the metrics is predicted)")
    active, warn = [], []
    for k in names:
        moved = dict(start)
        up = start[k] * 1.05
        moved[k] = up if up <= FIT_BOUNDS[k][1] else start[k] / 1.05
        r = residuals(train, predict_all(train, replica, moved, seed))
        if np.max(np.abs(r - base)) > 1e-3:
            active.append(k)
        else:
            warn.append(f"{k}: no measurement depends on it; kept at {start[k]:.4g}")
    if not active:
        raise InputError("none of the fit parameters changes any measured value")
    return tuple(active), warn
