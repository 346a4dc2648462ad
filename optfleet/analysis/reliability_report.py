"""Availability and spares, two rules side by side (``optfleet reliability``).

Availability from a failure rate ``r_f`` (failures per node-day) and a repair time ``MTTR``
(hours), the reference formula ``A = 1 / (1 + r_f MTTR_h / 24)``; then per pool the spares by
the binomial ``N + k`` rule (``P(Binomial(n + k, A) >= n) >= target``) and by the reference's
``ceil(n / A)`` rule, with the probability each leaves the pool enough healthy replicas.  The
pools are given (name -> replicas) or come from a scenario's plan (planned without simulation).

Examples
--------
>>> from optfleet.analysis.reliability_report import reliability_report
>>> r = reliability_report({"short": 3, "long": 5}, mttr_hours=4.0)
>>> round(r.availability, 5), [(p.spares_binomial, p.spares_ceil) for p in r.pools]
(0.99892, [(1, 1), (1, 1)])
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from optfleet.errors import InputError
from optfleet.planning.spares import availability as _availability
from optfleet.planning.spares import prob_enough_healthy, spares_needed
from optfleet.scenario.limits import check

__all__ = ["PoolReliability", "ReliabilityReport", "reliability_report"]


@dataclass(frozen=True)
class PoolReliability:
    """Spares of one pool by both rules."""

    pool: str
    needed: int
    spares_binomial: int
    prob_enough_binomial: float
    spares_ceil: int
    prob_enough_ceil: float

    @property
    def total_binomial(self) -> int:
        return self.needed + self.spares_binomial

    @property
    def total_ceil(self) -> int:
        return self.needed + self.spares_ceil

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["total_binomial"] = self.total_binomial
        d["total_ceil"] = self.total_ceil
        return d


@dataclass(frozen=True)
class ReliabilityReport:
    """Availability and spares per pool (``source``: ``"pools"`` or the scenario's name)."""

    failures_per_node_day: float | None
    mttr_hours: float | None
    availability: float
    target: float
    source: str
    pools: tuple[PoolReliability, ...] = ()

    @property
    def fleet_prob_enough_binomial(self) -> float:
        return math.prod(p.prob_enough_binomial for p in self.pools)

    @property
    def fleet_prob_enough_ceil(self) -> float:
        return math.prod(p.prob_enough_ceil for p in self.pools)

    def to_dict(self) -> dict[str, Any]:
        return {
            "failures_per_node_day": self.failures_per_node_day,
            "mttr_hours": self.mttr_hours,
            "availability": self.availability,
            "target": self.target,
            "source": self.source,
            "spares_binomial": sum(p.spares_binomial for p in self.pools),
            "spares_ceil": sum(p.spares_ceil for p in self.pools),
            "fleet_prob_enough_binomial": self.fleet_prob_enough_binomial,
            "fleet_prob_enough_ceil": self.fleet_prob_enough_ceil,
            "pools": [p.to_dict() for p in self.pools],
        }


def reliability_report(
    pools: Mapping[str, int] | None = None,
    *,
    failures_per_node_day: float = 0.0065,
    mttr_hours: float = 24.0,
    availability: float | None = None,
    target: float = 0.999,
    scenario: Any = None,
    backend: str = "cbc",
) -> ReliabilityReport:
    """Availability and spares per pool by the binomial and the ``ceil(n/A)`` rules.

    Parameters
    ----------
    pools
        Pool name -> replicas needed healthy.  With ``scenario`` instead, the pools of its plan
        (``planner.plan(verify=False)``), named ``role/gpu``.  Neither: availability only.
    failures_per_node_day, mttr_hours
        Failure rate and repair time for ``A = 1 / (1 + r_f MTTR_h / 24)``.
    availability
        Give ``A`` directly instead (then the two above are not used).
    target
        Binomial rule: the probability a pool keeps enough healthy replicas, in (0, 1).

    Examples
    --------
    >>> r = reliability_report({"pool": 10}, availability=0.95)
    >>> r.pools[0].spares_binomial, r.pools[0].spares_ceil
    (4, 1)
    """
    if pools is not None and scenario is not None:
        raise InputError("give pools or a scenario, not both")
    if check("fraction", "target", target) >= 1:
        raise InputError(f"target must be in (0, 1), got {target!r}")
    if availability is None:
        rf = check("non_negative", "failures_per_node_day", failures_per_node_day)
        mttr = check("non_negative", "mttr_hours", mttr_hours)
        a = _availability(rf, mttr)
    else:
        a = check("fraction", "availability", availability)
        rf = mttr = None
    source = "pools"
    needed: dict[str, int] = {}
    if scenario is not None:
        from optfleet.planning import plan

        p = plan(scenario, backend=backend, verify=False)
        needed = {f"{pp.role}/{pp.gpu}": pp.replicas for pp in p.pools}
        source = f"scenario {scenario.name}"
    elif pools is not None:
        needed = {name: check("replicas", f"pool {name!r}: replicas", n)
                  for name, n in pools.items()}
    rows = []
    for name, n in needed.items():
        kb = spares_needed(n, a, target=target, rule="binomial")
        kc = spares_needed(n, a, rule="ceil-n-over-a")
        pb = prob_enough_healthy(n + kb, n, a)
        pc = prob_enough_healthy(n + kc, n, a)
        rows.append(PoolReliability(name, n, kb, pb, kc, pc))
    return ReliabilityReport(rf, mttr, a, float(target), source, tuple(rows))
