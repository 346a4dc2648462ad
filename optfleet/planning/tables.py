"""The planning tables: what the planner knows about every (layout, pool role, GPU type).

:func:`optfleet.planning.tabulate` fills a :class:`PlanningTables`; the program is built from it
(:mod:`optfleet.planning.build`), solutions are written back through it
(:mod:`optfleet.planning.assemble`) and verification reads it (:mod:`optfleet.planning.verify`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from optfleet.planning.pools import PoolContext, PoolDemand
from optfleet.scenario import Scenario

#: A callable that receives one-line progress messages.
Progress = Callable[[str], None]

#: Most combined layouts a multi-model program enumerates exactly (the product of the models'
#: layout counts); beyond it each model keeps only its cheapest standalone layouts.
MAX_COMBINED_LAYOUTS = 2000


def headroom(k: int) -> int:
    """How many replica counts a capacity table holds beyond the analytic minimum ``k``."""
    return k + max(2, k // 4)


@dataclass(frozen=True)
class PDStats:
    """The two service figures the planner reads from a disaggregated pool option."""

    servers_per_replica: int
    mean_service_s: float


@dataclass(frozen=True)
class PDOption:
    """A pool of a disaggregated layout (see :mod:`optfleet.planning.disaggregation`)."""

    kind: str  # "prefill" or "decode"
    prefill: Any  # PDSide of the prefill GPU
    decode: Any  # PDSide of the decode GPU
    link: str
    bandwidth_bytes_per_s: float
    values: np.ndarray  # prefill + transfer distribution
    probs: np.ndarray
    tpot_slo_s: float


@dataclass
class Option:
    """What the planner knows about one (layout, role, gpu) beyond its capacity table."""

    demand: PoolDemand
    stats: Any
    profile: Any
    table: np.ndarray
    pd: PDOption | None = None
    engine: Any = None  # EngineCriterion under replica_model="engine"


@dataclass
class PlanningTables:
    """Everything tabulated for one scenario: layouts, pool demands, options and exclusions."""

    ctx: PoolContext
    layouts: list[Any] = field(default_factory=list)  # formulation.Layout
    options: dict[tuple[str, str, str], Option] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)  # one line per (pool, gpu) left out
    build_time_s: float = 0.0
    # multi-model scenarios: model -> (its scenario, its tables); combined layout -> {model:
    # that model's layout}; notes on how the combination was built
    models: dict[str, tuple[Scenario, PlanningTables]] = field(default_factory=dict)
    combined: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    verdicts: dict[Any, Any] = field(default_factory=dict)  # a model's sub-plan -> its Verdict
    # engine-level options calibrated by simulation: key -> (correction, replicas simulated)
    calibrations: dict[tuple[str, str, str], tuple[float, int]] = field(default_factory=dict)

    def split_role(self, role: str) -> tuple[str | None, str]:
        """``("model", "role")`` of a combined role ``"model/role"``; ``(None, role)`` else."""
        if self.models and "/" in role:
            m, r = role.split("/", 1)
            return m, r
        return None, role
