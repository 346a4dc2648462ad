"""Physics of LLM serving: memory, iteration-time profiles and exact service-time statistics.

Layering: physics knows GPUs and models (``optfleet.scenario``, ``optfleet.scenario.catalog``);
it never imports ``optfleet.queueing`` or anything above it.

Examples
--------
>>> from optfleet.physics import calibrated_profile, computed_profile, service_stats
>>> calibrated_profile("A10G").slots(8192)
64
"""

from optfleet.physics.calibrated import (
    CALIBRATED_GPUS,
    CALIBRATION_CTX_TOKENS,
    CalibratedConstants,
    calibrated_constants,
    calibrated_profile,
)
from optfleet.physics.memory import (
    MemoryPlan,
    active_param_count,
    bytes_per_element,
    check_tensor_parallel,
    kv_bytes_per_token,
    kv_bytes_per_token_per_gpu,
    memory_plan,
    param_count,
    weights_bytes,
    workspace_bytes,
)
from optfleet.physics.profiles import IterationModel, ReplicaProfile, profile_summary
from optfleet.physics.roofline import Efficiency, computed_profile
from optfleet.physics.service import SCV_FLOOR, ServiceStats, pool_service_stats, service_stats

__all__ = [
    "CALIBRATED_GPUS",
    "CALIBRATION_CTX_TOKENS",
    "SCV_FLOOR",
    "CalibratedConstants",
    "Efficiency",
    "IterationModel",
    "MemoryPlan",
    "ReplicaProfile",
    "ServiceStats",
    "active_param_count",
    "bytes_per_element",
    "check_tensor_parallel",
    "calibrated_constants",
    "calibrated_profile",
    "computed_profile",
    "kv_bytes_per_token",
    "kv_bytes_per_token_per_gpu",
    "memory_plan",
    "param_count",
    "pool_service_stats",
    "profile_summary",
    "service_stats",
    "weights_bytes",
    "workspace_bytes",
]
