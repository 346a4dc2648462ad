"""Spare replicas for failures.

Two rules:

``binomial`` (default)
    Replicas fail independently; each is up with probability ``A``. A pool that needs ``n``
    healthy replicas to meet its SLO gets the smallest ``m >= n`` with
    ``P(Binomial(m, A) >= n) >= target``.  The fleet-level probability that *every* pool keeps
    enough healthy replicas is the product over pools and is reported too.

``ceil-n-over-a`` (the reference planner's rule, in the ``fleet-sim`` preset)
    ``m = ceil(n / A)``: enough replicas that the *expected* number up is ``n`` — which leaves the
    pool short about half of the time when ``n A`` is not an integer.

Availability from a failure rate ``r_f`` (failures per node-day) and a repair time ``MTTR``
(hours): ``A = 1 / (1 + r_f MTTR / 24)``.

Examples
--------
>>> from optfleet.planning.spares import availability, spares_needed
>>> round(availability(0.0065, 4.0), 5)
0.99892
>>> spares_needed(10, 0.95, target=0.999)
4
>>> spares_needed(10, 0.95, rule="ceil-n-over-a")
1
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError
from optfleet.queueing.binomial import binom_sf

Rule = Literal["binomial", "ceil-n-over-a"]

#: Named availabilities quoted by the reference planner.
NAMED_AVAILABILITY: dict[str, float] = {
    "a100-mttr4h": 1.0 / (1.0 + 0.0065 * 4.0 / 24.0),
    "a100-mttr48h": 1.0 / (1.0 + 0.0065 * 48.0 / 24.0),
    "h100-rule-of-thumb": 0.95,
}


def availability(failures_per_node_day: float, mttr_hours: float) -> float:
    """Steady-state availability ``1 / (1 + r_f * MTTR_h / 24)``."""
    for name, v in (("failures_per_node_day", failures_per_node_day), ("mttr_hours", mttr_hours)):
        if not math.isfinite(v) or v < 0:
            raise InputError(f"{name} must be a finite non-negative number, got {v!r}")
    return 1.0 / (1.0 + failures_per_node_day * mttr_hours / 24.0)


def _check_a(a: float) -> None:
    if not (0 < a <= 1) or not math.isfinite(a):
        raise InputError(f"availability must be in (0, 1], got {a!r}")


def prob_enough_healthy(total: int, needed: int, a: float) -> float:
    """``P(Binomial(total, a) >= needed)``."""
    _check_a(a)
    if needed <= 0:
        return 1.0
    if total < needed:
        return 0.0
    return float(binom_sf(needed - 1, total, a))


def spares_needed(needed: int, a: float, *, target: float = 0.999, rule: Rule = "binomial") -> int:
    """Spare replicas a pool needing ``needed`` healthy ones should carry."""
    _check_a(a)
    if needed < 0:
        raise InputError(f"needed replicas must be >= 0, got {needed}")
    if needed == 0:
        return 0
    if rule == "ceil-n-over-a":
        return int(math.ceil(needed / a - 1e-12)) - needed
    if rule != "binomial":
        raise InputError(f"unknown spares rule {rule!r}; known: binomial, ceil-n-over-a")
    if not 0 < target < 1:
        raise InputError(f"target must be in (0, 1), got {target!r}")
    if a == 1.0:
        return 0
    # P(Bin(m, a) >= n) rises with m; search a window, doubling until the target is met.
    lo = needed
    width = max(8, int(4 * math.sqrt(needed * (1 - a) / a) + needed * (1 - a) / a) + 8)
    while True:
        m = np.arange(lo, lo + width)
        p = binom_sf(needed - 1, m, a)
        ok = np.nonzero(p >= target)[0]
        if ok.size:
            return int(m[ok[0]]) - needed
        lo += width
        width *= 2


@dataclass(frozen=True)
class PoolSpares:
    """Spares for one pool."""

    pool: str
    needed: int
    spares: int
    availability: float
    prob_enough_healthy: float

    @property
    def total(self) -> int:
        return self.needed + self.spares

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["total"] = self.total
        return d


@dataclass(frozen=True)
class ReliabilityResult:
    """Spares per pool and the fleet-level probability that every pool has enough."""

    rule: str
    target: float
    pools: tuple[PoolSpares, ...]

    @property
    def fleet_prob_enough_healthy(self) -> float:
        return float(np.prod([p.prob_enough_healthy for p in self.pools])) if self.pools else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "target": self.target,
            "fleet_prob_enough_healthy": self.fleet_prob_enough_healthy,
            "pools": [p.to_dict() for p in self.pools],
        }


def plan_spares(
    needed: dict[str, int],
    a: float | dict[str, float],
    *,
    target: float = 0.999,
    rule: Rule = "binomial",
) -> ReliabilityResult:
    """Spares for several pools (``needed`` maps pool name -> healthy replicas required).

    Examples
    --------
    >>> r = plan_spares({"short": 3, "long": 5}, 0.99892, target=0.999)
    >>> [p.spares for p in r.pools]
    [1, 1]
    """
    out = []
    for name, n in needed.items():
        av = a[name] if isinstance(a, dict) else a
        k = spares_needed(n, av, target=target, rule=rule)
        out.append(PoolSpares(name, n, k, av, prob_enough_healthy(n + k, n, av)))
    return ReliabilityResult(rule, target, tuple(out))
