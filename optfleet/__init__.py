"""optfleet: plan the cheapest GPU fleet that meets LLM-inference latency SLOs.

The public surface is small; everything else lives in sub-modules:

- scenarios: :class:`Scenario`, :func:`load_scenario`, :class:`SLO`, :class:`ServingConfig`
- assumptions: :func:`get_preset` (``"default"`` and ``"fleet-sim"``)
- catalogs: :func:`get_gpu`, :func:`get_model`, :func:`load_hf_config`
- physics: :func:`computed_profile`, :func:`calibrated_profile`
- calibration: :func:`calibrate` (benchmark files in, a fitted :class:`ProfileFile` out),
  :func:`load_profile_file`
- workloads: :func:`load_workload`, :func:`builtin_cdf`, :func:`arrival_times`
- analytics: :func:`size_layout` (:mod:`optfleet.planning`), queueing maths in
  :mod:`optfleet.queueing`
- planning and simulation: :func:`plan`, :func:`plan_horizon` (planning over time: reserved /
  on-demand / spot, batch work), :func:`simulate` (imported lazily)
- reports: :func:`report`, a plan's self-contained HTML report (imported lazily)
- errors: :class:`OptfleetError` and its sub-classes

Examples
--------
>>> import optfleet
>>> optfleet.Scenario().rate_per_s
100.0
"""

from __future__ import annotations

from typing import Any

from optfleet._version import __version__
from optfleet.errors import (
    InfeasibleError,
    InputError,
    ModelDoesNotFitError,
    OptfleetError,
    SimulationError,
    SolverError,
    UnknownNameError,
)

#: Public names imported on first use (``import optfleet`` stays cheap: the CLI's start-up).
_LAZY = {
    "SLO": "optfleet.scenario",
    "Availability": "optfleet.scenario",
    "Constraints": "optfleet.scenario",
    "GPUSpec": "optfleet.scenario",
    "ModelLoad": "optfleet.scenario",
    "ModelSpec": "optfleet.scenario",
    "Scenario": "optfleet.scenario",
    "ServingConfig": "optfleet.scenario",
    "load_scenario": "optfleet.scenario",
    "AssumptionPreset": "optfleet.scenario.presets",
    "get_preset": "optfleet.scenario.presets",
    "list_presets": "optfleet.scenario.presets",
    "get_gpu": "optfleet.scenario.catalog",
    "get_model": "optfleet.scenario.catalog",
    "list_gpus": "optfleet.scenario.catalog",
    "list_models": "optfleet.scenario.catalog",
    "load_hf_config": "optfleet.scenario.catalog",
    "computed_profile": "optfleet.physics",
    "calibrated_profile": "optfleet.physics",
    "load_workload": "optfleet.workloads",
    "builtin_cdf": "optfleet.workloads",
    "arrival_times": "optfleet.workloads",
    "size_layout": "optfleet.planning",
    "PoolContext": "optfleet.planning",
    "plan": "optfleet.planning",
    "Plan": "optfleet.planning.results",
    "Alternative": "optfleet.planning.record",
    "Provenance": "optfleet.planning.record",
    "load_plan": "optfleet.planning.loop",
    "replan": "optfleet.planning.loop",
    "explain": "optfleet.analysis.explain",
    "Explanation": "optfleet.analysis.explain",
    "compare": "optfleet.analysis.compare",
    "Comparison": "optfleet.analysis.compare",
    "simulate": "optfleet.sim",
    "plan_horizon": "optfleet.planning.horizon",
    "HorizonPlan": "optfleet.planning.horizon_results",
    "calibrate": "optfleet.calibration.api",
    "Calibration": "optfleet.calibration.api",
    "ClosedLoopClients": "optfleet.scenario",
    "ProfileFile": "optfleet.scenario.profile_file",
    "load_profile_file": "optfleet.scenario.profile_file",
    "report": "optfleet.analysis.report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'optfleet' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "InfeasibleError",
    "InputError",
    "ModelDoesNotFitError",
    "OptfleetError",
    "SimulationError",
    "SolverError",
    "UnknownNameError",
    "__version__",
    *sorted(_LAZY),
]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
