"""The least-squares solve of a fit and its honest report (used by
:func:`optfleet.calibration.fit.fit_profile`).

The search runs in log space (every constant is positive) with ``scipy.optimize.least_squares``
(trust-region reflective, bounds); standard errors come from the Jacobian at the solution,
``cov = s^2 (J^T J)^-1`` with ``s^2`` the residual variance, mapped back from log space.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from optfleet.calibration.measurements import Measurement, ServingRun
from optfleet.calibration.model import (
    FIT_BOUNDS,
    LARGE_ERROR,
    FitResult,
    FittedParameter,
    Point,
    Replica,
    measured_value,
    predict_all,
    residuals,
)
from optfleet.calibration.predict import BURST_RATIO, bursty_itl
from optfleet.errors import InputError

__all__ = ["solve"]

#: Log-space finite-difference steps, coarse to fine: a simulated metric is a step function of
#: the constants at the scale of single events (an admission one step earlier or later), so
#: the search first follows 10 % moves, then 3 %, then 1 % (central differences).
DIFF_STEPS = (0.1, 0.03, 0.01)


def solve(measurements: Sequence[Measurement], held: np.ndarray, train: Sequence[Measurement],
          replica: Replica, names: tuple[str, ...], active: tuple[str, ...],
          start: dict[str, float], seed: int, max_evaluations: int,
          warnings: list[str]) -> FitResult:
    """Fit ``active`` on ``train``; every point of ``measurements`` before and after."""
    from scipy.optimize import least_squares

    lo = np.log([FIT_BOUNDS[k][0] for k in active])
    hi = np.log([FIT_BOUNDS[k][1] for k in active])
    x0 = np.clip(np.log([start[k] for k in active]), lo + 1e-9, hi - 1e-9)
    fixed = {k: start[k] for k in names if k not in active}
    count = [0]

    def constants(x: np.ndarray) -> dict[str, float]:
        return {**fixed, **{k: float(math.exp(v)) for k, v in zip(active, x, strict=True)}}

    def fun(x: np.ndarray) -> np.ndarray:
        count[0] += 1
        return residuals(train, predict_all(train, replica, constants(x), seed))

    try:
        x = x0
        for step in DIFF_STEPS:
            sol = least_squares(fun, x, bounds=(lo, hi), method="trf", jac="3-point",
                                diff_step=step, max_nfev=max_evaluations)
            x = sol.x
    except InputError:
        raise
    except ValueError as exc:  # scipy's own complaints (e.g. a non-finite residual)
        raise InputError(f"the fit failed: {exc}") from None
    if sol.status <= 0:
        warnings.append(f"the search stopped before converging ({sol.message}); raise "
                        "max_evaluations")
    final = predict_all(train, replica, constants(sol.x), seed)
    groups = np.concatenate([np.full(sum(q.fitted for q in ps), i)
                             for i, ps in enumerate(final)]).astype(int)
    noise = fun(sol.x) - residuals(train, predict_all(train, replica, constants(sol.x), seed + 1))
    params = _parameters(sol, active, start, lo, hi, warnings, noise, groups)
    fitted = constants(sol.x)
    points = _points(measurements, held, replica, start, fitted, seed)
    return _result(points, params, fixed, seed, count[0], warnings, measurements)


def _parameters(sol: object, active: tuple[str, ...], start: dict[str, float], lo: np.ndarray,
                hi: np.ndarray, warnings: list[str], noise: np.ndarray,
                groups: np.ndarray) -> dict[str, FittedParameter]:
    """The fitted constants with standard errors (:func:`_covariance`); a constant on a bound
    has none (the data pushed it there; its uncertainty is one-sided)."""
    at_bound = (sol.x - lo < 1e-3) | (hi - sol.x < 1e-3)
    free = np.flatnonzero(~at_bound)
    cov = _covariance(sol.jac[:, free], sol.fun, noise, groups, warnings) if free.size else None
    se_log = np.full(len(active), np.nan)
    if cov is not None:
        se_log[free] = np.sqrt(np.clip(np.diag(cov), 0.0, None))
        _correlations(cov, tuple(active[i] for i in free), warnings)
    out: dict[str, FittedParameter] = {}
    for i, k in enumerate(active):
        v = float(math.exp(sol.x[i]))
        se = None if not math.isfinite(se_log[i]) else float(v * se_log[i])
        if at_bound[i]:
            warnings.append(f"{k} = {v:.4g} sits on its bound "
                            f"[{FIT_BOUNDS[k][0]:g}, {FIT_BOUNDS[k][1]:g}]: the model can not "
                            "reach the data with it inside")
        elif se is not None and se > 0.5 * v:
            warnings.append(f"{k} = {v:.4g} is poorly determined (standard error {se:.2g})")
        out[k] = FittedParameter(v, start[k], se, FIT_BOUNDS[k][0], FIT_BOUNDS[k][1],
                                 bool(at_bound[i]))
    return out


def _covariance(J: np.ndarray, r: np.ndarray, noise: np.ndarray, groups: np.ndarray,
                warnings: list[str]) -> np.ndarray | None:
    """Covariance of the free constants (log space), robust to the values of one run being
    correlated: ``A B A`` with ``A = (J^T J)^-1`` and ``B = sum over runs g of J_g^T (r_g r_g^T
    + n_g n_g^T / 2) J_g`` (``n``: the residuals' change when the simulations' seed changes,
    their own noise), times ``G / (G - p)`` for ``G`` runs and ``p`` constants."""
    p = J.shape[1]
    n_groups = int(np.unique(groups).size)
    jtj = J.T @ J
    if np.linalg.matrix_rank(jtj) < p:
        warnings.append("the measurements do not separate the fitted constants "
                        "(their effects are collinear); standard errors not estimable")
        return None
    if n_groups <= p:
        warnings.append(f"{n_groups} measurements (runs or rows) for {p} free constants: no "
                        "standard errors (add measurements)")
        return None
    a = np.linalg.inv(jtj)
    meat = np.zeros((p, p))
    for g in np.unique(groups):
        sel = groups == g
        jg = J[sel]
        u, v = jg.T @ r[sel], jg.T @ noise[sel]
        meat += np.outer(u, u) + 0.5 * np.outer(v, v)
    return a @ meat @ a * (n_groups / (n_groups - p))


def _correlations(cov: np.ndarray, active: tuple[str, ...], warnings: list[str]) -> None:
    sd = np.sqrt(np.diag(cov))
    for i in range(len(active)):
        for j in range(i + 1, len(active)):
            if sd[i] > 0 and sd[j] > 0:
                rho = cov[i, j] / (sd[i] * sd[j])
                if abs(rho) > 0.95:
                    warnings.append(f"{active[i]} and {active[j]} are correlated ({rho:+.2f}): "
                                    "the data fix a combination of the two, not each")


def _points(measurements: Sequence[Measurement], held: np.ndarray, replica: Replica,
            start: dict[str, float], fitted: dict[str, float], seed: int) -> tuple[Point, ...]:
    before = predict_all(measurements, replica, {**fitted, **start}, seed)
    after = predict_all(measurements, replica, fitted, seed)
    out = []
    for g, (m, b, a) in enumerate(zip(measurements, before, after, strict=True)):
        for pb, pa in zip(b, a, strict=True):
            out.append(Point(m.source, g, pa.metric, measured_value(m, pa.metric), pb.value,
                             pa.value, pa.fitted, bool(held[g])))
    return tuple(out)


def _rms(errors: list[float]) -> float:
    return float(math.sqrt(sum(e * e for e in errors) / len(errors))) if errors else 0.0


def _result(points: tuple[Point, ...], params: dict[str, FittedParameter],
            fixed: dict[str, float], seed: int, evaluations: int, warnings: list[str],
            measurements: Sequence[Measurement]) -> FitResult:
    train = [p.relative_error for p in points if p.fitted and not p.held_out]
    test = [p.relative_error for p in points if p.fitted and p.held_out]
    rms = _rms(train)
    if rms > LARGE_ERROR:
        warnings.append(f"the fit's rms error is {rms:.0%}: the replica model does not "
                        "describe these measurements well; read the per-point table")
    held_rms = _rms(test) if test else None
    if held_rms is not None and held_rms > max(2.0 * rms, 0.05):
        warnings.append(f"the held-out error ({held_rms:.0%}) is more than twice the fit's "
                        f"({rms:.0%}): the constants describe the runs they saw, not the replica")
    open_loop = sum(isinstance(m, ServingRun) and not math.isinf(m.request_rate_per_s)
                    for m in measurements)
    if open_loop:
        warnings.append(f"{open_loop} serving runs were open loop at a finite rate: vLLM saves "
                        "no send times, so the fit simulates other arrivals of the same rate; "
                        "the standard errors understate that noise (sweep --max-concurrency, "
                        "or send more prompts per run)")
    inexact = sum(isinstance(m, ServingRun) and not m.lengths_exact for m in measurements)
    if inexact:
        warnings.append(f"{inexact} serving runs gave totals only: every request simulated at "
                        "the mean prompt and output length")
    bursty = sum(isinstance(m, ServingRun) and bursty_itl(m) for m in measurements)
    if bursty:
        warnings.append(f"{bursty} serving runs delivered tokens in bursts (mean ITL above "
                        f"{BURST_RATIO:g} x mean TPOT: multi-step scheduling or stream "
                        "intervals): their ITL is compared, not fitted")
    empty = sum(m.empty for m in measurements if isinstance(m, ServingRun))
    if empty:
        warnings.append(f"{empty} requests completed with no token: left out of the lengths "
                        "(and of the TTFT metrics where per-request TTFTs were saved)")
    approx = sum(isinstance(m, ServingRun) and m.max_concurrency is not None
                 and not math.isinf(m.request_rate_per_s) for m in measurements)
    if approx:
        warnings.append(f"{approx} serving runs had both a finite rate and a max concurrency: "
                        "simulated open loop at the rate (the cap assumed not to bind)")
    return FitResult(
        parameters=params,
        fixed=fixed,
        points=points,
        rms_relative_error=rms,
        max_relative_error=float(max((abs(e) for e in train), default=0.0)),
        holdout_rms_relative_error=_rms(test) if test else None,
        seed=seed,
        evaluations=evaluations,
        warnings=tuple(warnings),
    )
