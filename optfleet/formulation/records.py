"""The records of a planning problem: layouts, roles, capacity options, changes, plan keys.

Nothing here knows about queueing or GPUs' physics: a :class:`CapacityOption` carries a capacity
table ``Lambda[0..K]`` (requests/s that ``k`` replicas serve within the SLO for that role's
request mix), a replica price, GPUs and power per replica.  :class:`Layout` groups the
:class:`Role` pools of one candidate split of the traffic; :class:`ProblemChange` records one
change to a problem, :func:`plan_key` names a plan and :class:`PlanEvaluation` is the verdict of
:meth:`~optfleet.formulation.PlanningProblem.evaluate`.  Every record validates itself at
construction and is immutable.

Examples
--------
>>> from optfleet.formulation.records import CapacityOption
>>> CapacityOption("one pool", "all", "H100", (0.0, 4.0, 9.0, 15.0), 4.0).k_full(10.0)
3
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError, UnknownNameError
from optfleet.formulation._checks import finite_nonneg, nonneg_int

OptionKey = tuple[str, str, str]  # (layout, role, gpu)
SplitMode = Literal["split", "single"]

# --------------------------------------------------------------------------------------------
# Domain records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """One pool of a layout: its name (``"all"``, ``"short"``, ``"prefill"``...) and demand.

    ``min_replicas`` is the least number of replicas the pool must have in total (over all GPU
    types serving it) when its layout is chosen; it applies only to roles with demand > 0 (a
    role with zero demand is no pool at all and needs no replicas).
    """

    name: str
    rate_per_s: float
    min_replicas: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InputError(f"role name must be a non-empty string, got {self.name!r}")
        object.__setattr__(
            self, "rate_per_s", finite_nonneg(self.rate_per_s, f"rate_per_s of role {self.name!r}")
        )
        object.__setattr__(
            self,
            "min_replicas",
            nonneg_int(self.min_replicas, f"min_replicas of role {self.name!r}"),
        )


@dataclass(frozen=True)
class Layout:
    """A candidate split of the traffic into pools (roles).

    ``threshold_tokens`` and ``gamma`` are descriptive (they name the layout in messages and
    plans); the formulation only uses the roles.
    """

    name: str
    roles: tuple[Role, ...]
    threshold_tokens: int | None = None
    gamma: float = 1.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InputError(f"layout name must be a non-empty string, got {self.name!r}")
        roles = tuple(self.roles)
        if not roles:
            raise InputError(f"layout {self.name!r} has no roles")
        names = [r.name for r in roles]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise InputError(f"layout {self.name!r} has duplicate roles {dup}")
        object.__setattr__(self, "roles", roles)

    def role(self, name: str) -> Role:
        for r in self.roles:
            if r.name == name:
                return r
        raise UnknownNameError(
            f"layout {self.name!r} has no role {name!r}; roles: {[r.name for r in self.roles]}"
        )

    @property
    def label(self) -> str:
        """A human label: the name plus threshold and gamma when set."""
        extra = []
        if self.threshold_tokens is not None:
            extra.append(f"threshold {self.threshold_tokens} tokens")
        if self.gamma != 1.0:
            extra.append(f"gamma {self.gamma:g}")
        return f"{self.name} ({', '.join(extra)})" if extra else self.name


@dataclass(frozen=True)
class CapacityOption:
    """One way to serve a role: a GPU type with its capacity table and per-replica figures.

    ``capacity_per_s[k]`` is the largest arrival rate ``k`` replicas serve within the SLO for
    the role's request mix (``capacity_per_s[0] == 0``, non-decreasing), ``k = 0..K``.

    ``tail_per_replica_per_s`` (optional) extends the table linearly: counts above ``K`` are
    allowed and credited ``Lambda[K] + (k - K) * tail``.  It must be finite, ``>= 0`` and at
    most ``Lambda[K] / K`` (the per-replica rate at the table's end), so that it is
    conservative for tables whose per-replica rate ``Lambda[k] / k`` never falls as ``k`` grows
    (more replicas never multiplex worse; :mod:`optfleet.formulation.compact` relies on it).
    Without a tail, a table that does not reach the role's rate means the type can not serve
    the role alone, and counts above ``K`` earn no capacity (they are considered only to meet
    a pool's minimum replica count).

    Examples
    --------
    >>> o = CapacityOption("l", "r", "g", (0, 1, 2.5, 4), 1.0, tail_per_replica_per_s=1.2)
    >>> o.capacity(5), o.k_full(6.0), o.max_replicas
    (6.4, 5, 3)
    """

    layout: str
    role: str
    gpu: str
    capacity_per_s: tuple[float, ...]
    price_usd_per_replica_hour: float
    gpus_per_replica: int = 1
    replica_power_w: float = 0.0
    tail_per_replica_per_s: float | None = None

    def __post_init__(self) -> None:
        what = f"option ({self.layout!r}, {self.role!r}, {self.gpu!r})"
        if not isinstance(self.gpu, str) or not self.gpu:
            raise InputError(f"{what}: gpu must be a non-empty string")
        try:
            arr = np.asarray(self.capacity_per_s, dtype=float).ravel()
        except (TypeError, ValueError):
            raise InputError(f"{what}: capacity table must be numbers") from None
        if arr.size < 1:
            raise InputError(f"{what}: capacity table is empty")
        if not np.all(np.isfinite(arr)):
            raise InputError(f"{what}: capacity table has NaN or inf at index "
                             f"{int(np.flatnonzero(~np.isfinite(arr))[0])}")
        if np.any(arr < 0):
            raise InputError(f"{what}: capacity table has a negative entry at index "
                             f"{int(np.flatnonzero(arr < 0)[0])}")
        if arr[0] != 0.0:
            raise InputError(f"{what}: capacity table must start with Lambda[0] = 0, got {arr[0]}")
        drops = np.diff(arr)
        scale = max(float(arr.max()), 1.0)
        if np.any(drops < -1e-9 * scale):
            i = int(np.flatnonzero(drops < -1e-9 * scale)[0]) + 1
            raise InputError(
                f"{what}: capacity table must be non-decreasing; Lambda[{i}] = {arr[i]} < "
                f"Lambda[{i - 1}] = {arr[i - 1]}"
            )
        arr = np.maximum.accumulate(arr)  # remove float noise below 1e-9 relative
        object.__setattr__(self, "capacity_per_s", tuple(float(v) for v in arr))
        object.__setattr__(
            self,
            "price_usd_per_replica_hour",
            finite_nonneg(self.price_usd_per_replica_hour, f"{what}: price"),
        )
        gpr = self.gpus_per_replica
        if isinstance(gpr, bool) or not isinstance(gpr, int | np.integer) or gpr < 1:
            raise InputError(f"{what}: gpus_per_replica must be an integer >= 1, got {gpr!r}")
        object.__setattr__(self, "gpus_per_replica", int(gpr))
        object.__setattr__(
            self, "replica_power_w", finite_nonneg(self.replica_power_w, f"{what}: power")
        )
        if self.tail_per_replica_per_s is not None:
            object.__setattr__(self, "tail_per_replica_per_s", self._checked_tail(what, arr))

    def _checked_tail(self, what: str, arr: np.ndarray) -> float:
        """The tail as a float: finite, ``>= 0`` and ``<= Lambda[K] / K`` (1e-9 relative slack
        for rounding, then clipped to the bound)."""
        tail = finite_nonneg(self.tail_per_replica_per_s, f"{what}: tail_per_replica_per_s")
        k = arr.size - 1
        if k < 1:
            raise InputError(f"{what}: a tail needs a table with at least one count (K >= 1)")
        end_rate = float(arr[-1]) / k
        if tail > end_rate * (1 + 1e-9):
            raise InputError(
                f"{what}: tail_per_replica_per_s {tail:g} exceeds the table's end rate "
                f"Lambda[K]/K = {end_rate:g} (K = {k}); a tail must be conservative"
            )
        return min(tail, end_rate)

    @property
    def key(self) -> OptionKey:
        return (self.layout, self.role, self.gpu)

    @property
    def max_replicas(self) -> int:
        """``K``: the last count the table lists (``len(capacity_per_s) - 1``).

        Without a tail, counts above ``K`` earn no capacity beyond ``Lambda[K]``; with a tail
        (:attr:`has_tail`) they are allowed without limit (GPU caps and the role's demand bound
        them) and earn ``tail_per_replica_per_s`` each.
        """
        return len(self.capacity_per_s) - 1

    @property
    def has_tail(self) -> bool:
        """True when counts above ``K`` are credited by ``tail_per_replica_per_s``."""
        return self.tail_per_replica_per_s is not None

    def capacity(self, replicas: int) -> float:
        """``Lambda[k]`` for ``k <= K``; above ``K``, ``Lambda[K] + (k - K) * tail`` (no tail:
        ``Lambda[K]``)."""
        if replicas <= 0:
            return 0.0
        k, top = int(replicas), self.max_replicas
        if k <= top:
            return self.capacity_per_s[k]
        tail = self.tail_per_replica_per_s or 0.0
        return self.capacity_per_s[top] + (k - top) * tail

    def capacities(self, replicas: Any) -> np.ndarray:
        """:meth:`capacity` of every count of an array (vectorised; the same floats).

        Examples
        --------
        >>> o = CapacityOption("l", "r", "g", (0, 1, 2.5, 4), 1.0, tail_per_replica_per_s=1.0)
        >>> o.capacities([0, 2, 3, 5]).tolist()
        [0.0, 2.5, 4.0, 6.0]
        """
        k = np.asarray(replicas, dtype=np.int64)
        top = self.max_replicas
        table = self.table_array
        out = table[np.clip(k, 0, top)]
        if self.has_tail:
            above = k > top
            if np.any(above):
                out = np.where(above, table[top] + (k - top) * self.tail_per_replica_per_s, out)
        return np.where(k <= 0, 0.0, out)

    @cached_property
    def table_array(self) -> np.ndarray:
        """``capacity_per_s`` as a read-only float array (built once)."""
        arr = np.asarray(self.capacity_per_s, dtype=float)
        arr.flags.writeable = False
        return arr

    def k_full(self, rate_per_s: float) -> int | None:
        """The smallest ``k`` with ``capacity(k) >= rate_per_s`` (None if no count gets there).

        Above the table, with a tail ``t > 0``: ``K + ceil((rate - Lambda[K]) / t)``.

        Examples
        --------
        >>> CapacityOption("l", "r", "g", (0, 1, 2.5, 4), 1.0).k_full(2.0)
        2
        >>> o = CapacityOption("l", "r", "g", (0, 1, 2.5, 4), 1.0, tail_per_replica_per_s=1.0)
        >>> o.k_full(9.0)
        8
        """
        if rate_per_s <= 0:
            return 0
        arr = self.capacity_per_s
        i = int(np.searchsorted(self.table_array, rate_per_s, side="left"))
        if i < len(arr):
            return i
        tail = self.tail_per_replica_per_s
        if not tail:
            return None
        top = self.max_replicas
        k = top + max(1, math.ceil((rate_per_s - arr[top]) / tail))
        while self.capacity(k) < rate_per_s:  # guard the float division
            k += 1
        while k - 1 > top and self.capacity(k - 1) >= rate_per_s:
            k -= 1
        return k


@dataclass(frozen=True)
class ProblemChange:
    """One recorded change to a problem: a tightened table or a forbidden plan."""

    kind: Literal["table", "forbid"]
    detail: str
    reason: str = ""
    key: OptionKey | None = None


PlanKey = tuple[str, tuple[tuple[str, str, int], ...]]
"""A plan's identity: ``(layout, ((role, gpu, replicas), ...))`` sorted, replicas > 0."""


def plan_key(layout: str, counts: Mapping[tuple[str, str], int]) -> PlanKey:
    """Canonical identity of a plan: layout plus its sorted positive (role, gpu) -> count.

    Examples
    --------
    >>> plan_key("two", {("long", "A100"): 2, ("short", "H100"): 3, ("short", "A10G"): 0})
    ('two', (('long', 'A100', 2), ('short', 'H100', 3)))
    """
    items = tuple(sorted((r, g, int(n)) for (r, g), n in counts.items() if int(n) > 0))
    return (layout, items)


@dataclass(frozen=True)
class PlanEvaluation:
    """Result of :meth:`~optfleet.formulation.PlanningProblem.evaluate`."""

    feasible: bool
    violations: tuple[str, ...]
    cost_usd_per_hour: float
    gpus: int
    power_w: float

