"""The question: scenario schema (frozen pydantic models), assumption presets, GPU and model
catalogs, and reading scenario files.

``optfleet.scenario`` re-exports the schema and the file readers; presets and catalogs are
:mod:`optfleet.scenario.presets` and :mod:`optfleet.scenario.catalog`.

Examples
--------
>>> from optfleet.scenario import Scenario
>>> Scenario().slo.ttft_p99_s
0.5
"""

from optfleet.scenario.config_search import ConfigSearch
from optfleet.scenario.files import (
    load_scenario,
    read_mapping,
    scenario_json_schema,
    validate_model,
)
from optfleet.scenario.limits import PositiveInt, check_finite_positive
from optfleet.scenario.schema import (
    BYTES_PER_ELEMENT,
    HOURS_PER_YEAR,
    SLO,
    ArrivalSpec,
    Availability,
    CDFWorkload,
    ClosedLoopClients,
    Constraints,
    DType,
    Fraction01,
    Frozen,
    GammaArrivals,
    GPUSpec,
    ModelLoad,
    ModelSpec,
    NonNegFloat,
    NonNegInt,
    PiecewiseArrivals,
    PoissonArrivals,
    PositiveFloat,
    PrefixCaching,
    RatioSplit,
    Scenario,
    SeparateCDFWorkload,
    ServingConfig,
    SimArrivalSpec,
    TraceReplayArrivals,
    TraceWorkload,
    WorkloadSpec,
)

__all__ = [
    "BYTES_PER_ELEMENT",
    "HOURS_PER_YEAR",
    "SLO",
    "ArrivalSpec",
    "ClosedLoopClients",
    "ConfigSearch",
    "SimArrivalSpec",
    "Availability",
    "CDFWorkload",
    "Constraints",
    "DType",
    "Fraction01",
    "Frozen",
    "GPUSpec",
    "GammaArrivals",
    "ModelLoad",
    "ModelSpec",
    "NonNegFloat",
    "NonNegInt",
    "PiecewiseArrivals",
    "PoissonArrivals",
    "PositiveFloat",
    "PositiveInt",
    "PrefixCaching",
    "RatioSplit",
    "Scenario",
    "SeparateCDFWorkload",
    "ServingConfig",
    "TraceReplayArrivals",
    "TraceWorkload",
    "WorkloadSpec",
    "check_finite_positive",
    "load_scenario",
    "read_mapping",
    "scenario_json_schema",
    "validate_model",
]
