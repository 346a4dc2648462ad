"""The fit's vocabulary: the measured replica, the free constants and their bounds, the points
and the result (:mod:`optfleet.calibration.fit` runs the fit).

Examples
--------
>>> Replica.of("H100", "llama-3.1-8b", ServingConfig()).start(["iteration_overhead_s"])
{'iteration_overhead_s': 0.001}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from optfleet.calibration.measurements import Measurement, ServingRun
from optfleet.calibration.predict import Predicted, predict_points
from optfleet.scenario import GPUSpec, ModelSpec, ServingConfig

__all__ = ["FIT_BOUNDS", "LARGE_ERROR", "OUTSIDE_REPLICA", "FitResult", "FittedParameter",
           "Point", "Replica", "default_parameters", "measured_value", "predict_all", "residuals"]

#: Search bounds of every free constant (its unit).
FIT_BOUNDS: dict[str, tuple[float, float]] = {
    "bandwidth_fraction": (0.05, 1.0),
    "flop_fraction": (0.02, 1.0),
    "iteration_overhead_s": (1e-5, 0.05),
    "interconnect_fraction": (0.02, 1.0),
    "allreduce_latency_s": (1e-7, 1e-3),
    "request_latency_s": (1e-4, 5.0),
}
#: Constants outside the replica: a fixed latency every served request's TTFT and end-to-end
#: time carry besides the engine's work (the API server, tokenisation, the network, the
#: client).  Fitted to serving benchmarks; a plan does not add it (its SLOs are the engine's).
OUTSIDE_REPLICA = ("request_latency_s",)
#: Relative RMS error above which the fit warns that the model does not describe the data.
LARGE_ERROR = 0.15


@dataclass(frozen=True)
class Replica:
    """The replica that was measured: GPU type, model and serving configuration (``tp``)."""

    gpu: GPUSpec
    model: ModelSpec
    serving: ServingConfig

    @classmethod
    def of(cls, gpu: GPUSpec | str, model: ModelSpec | str, serving: ServingConfig) -> Replica:
        from optfleet.scenario.catalog import resolve_gpu, resolve_model

        return cls(resolve_gpu(gpu), resolve_model(model), serving)

    def profile(self, constants: dict[str, float]) -> object:
        """The replica's roofline profile with ``constants`` replacing the defaults."""
        from optfleet.physics import computed_profile
        from optfleet.scenario.physics_input import EfficiencyOverrides

        inside = {k: v for k, v in constants.items() if k not in OUTSIDE_REPLICA}
        eff = EfficiencyOverrides(**{**self.serving.efficiency.given(), **inside})
        return computed_profile(self.gpu, self.model,
                                self.serving.model_copy(update={"efficiency": eff}))

    def start(self, names: Sequence[str]) -> dict[str, float]:
        """The constants' values before the fit (the roofline's, with the GPU type's own)."""
        from optfleet.physics.roofline import resolve_efficiency

        eff = {**resolve_efficiency(self.gpu, self.serving).to_dict(), "request_latency_s": 0.01}
        return {k: float(eff[k]) for k in names}


def default_parameters(serving: ServingConfig) -> tuple[str, ...]:
    """The constants fitted by default: bandwidth and FLOP fractions and the step overhead, plus
    the interconnect fraction for a tensor-parallel replica (the all-reduce latency adds to the
    step overhead in every step, so the two can not be told apart; it keeps its default)."""
    base = ("bandwidth_fraction", "flop_fraction", "iteration_overhead_s")
    return base + (("interconnect_fraction",) if serving.tensor_parallel_size > 1 else ())


@dataclass(frozen=True)
class Point:
    """One measured value against the model's, before and after the fit."""

    source: str
    group: int
    metric: str
    measured: float
    start: float
    fitted_value: float
    fitted: bool
    held_out: bool = False

    @property
    def relative_error(self) -> float:
        """``fitted_value / measured - 1`` (no unit)."""
        return self.fitted_value / self.measured - 1.0


@dataclass(frozen=True)
class FittedParameter:
    """A fitted constant with its standard error (None: not estimable) and bounds."""

    value: float
    start: float
    std_error: float | None
    lower: float
    upper: float
    at_bound: bool


@dataclass(frozen=True)
class FitResult:
    """A fit: the constants, every point, the errors and the warnings a reader must see."""

    parameters: dict[str, FittedParameter]
    fixed: dict[str, float]
    points: tuple[Point, ...]
    rms_relative_error: float
    max_relative_error: float
    holdout_rms_relative_error: float | None
    seed: int
    evaluations: int
    warnings: tuple[str, ...] = field(default=())

    @property
    def constants(self) -> dict[str, float]:
        """Every constant the profile file records (fitted and fixed)."""
        return {**self.fixed, **{k: p.value for k, p in self.parameters.items()}}


def measured_value(m: Measurement, metric: str) -> float:
    if isinstance(m, ServingRun):
        return m.metrics[metric]
    return float(getattr(m, metric))


def predict_all(ms: Sequence[Measurement], replica: Replica, constants: dict[str, float],
                 seed: int) -> list[list[Predicted]]:
    prof = replica.profile(constants)
    latency = constants.get("request_latency_s", 0.0)
    return [predict_points(m, prof, seed=seed, request_latency_s=latency) for m in ms]


def residuals(ms: Sequence[Measurement], preds: list[list[Predicted]]) -> np.ndarray:
    out = [math.log(p.value / measured_value(m, p.metric))
           for m, ps in zip(ms, preds, strict=True) for p in ps if p.fitted]
    return np.asarray(out)
