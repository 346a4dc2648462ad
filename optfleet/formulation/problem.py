"""The planning problem as plain numbers: layouts, roles, capacity tables, user constraints.

Nothing here knows about queueing or GPUs' physics: a :class:`CapacityOption` carries a capacity
table ``Lambda[0..K]`` (requests/s that ``k`` replicas serve within the SLO for that role's
request mix), a replica price, GPUs and power per replica.  :class:`PlanningProblem` bundles the
candidate layouts (exactly one is chosen), the options and the user constraints; it validates
everything at construction and is immutable - :meth:`PlanningProblem.with_table` and
:meth:`PlanningProblem.forbid` return changed copies and keep a record of what changed.

Examples
--------
>>> from optfleet.formulation.problem import CapacityOption, Layout, PlanningProblem, Role
>>> p = PlanningProblem(
...     layouts=(Layout("one pool", (Role("all", 10.0),)),),
...     options=(CapacityOption("one pool", "all", "H100", (0.0, 4.0, 9.0, 15.0), 4.0),),
... )
>>> p.k_full("one pool", "all", "H100")
3
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError, UnknownNameError

OptionKey = tuple[str, str, str]  # (layout, role, gpu)
SplitMode = Literal["split", "single"]

# --------------------------------------------------------------------------------------------
# Domain records
# --------------------------------------------------------------------------------------------


def _finite_nonneg(value: float, what: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be a number, got {value!r}") from None
    if not math.isfinite(v) or v < 0:
        raise InputError(f"{what} must be finite and >= 0, got {value!r}")
    return v


def _nonneg_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise InputError(f"{what} must be an integer >= 0, got {value!r}")
    return int(value)


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
            self, "rate_per_s", _finite_nonneg(self.rate_per_s, f"rate_per_s of role {self.name!r}")
        )
        object.__setattr__(
            self,
            "min_replicas",
            _nonneg_int(self.min_replicas, f"min_replicas of role {self.name!r}"),
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
    the role's request mix (``capacity_per_s[0] == 0``, non-decreasing).  A table that does not
    reach the role's rate means the type can not serve the role alone at any count up to ``K``;
    counts above ``K`` are never considered.
    """

    layout: str
    role: str
    gpu: str
    capacity_per_s: tuple[float, ...]
    price_usd_per_replica_hour: float
    gpus_per_replica: int = 1
    replica_power_w: float = 0.0

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
            _finite_nonneg(self.price_usd_per_replica_hour, f"{what}: price"),
        )
        gpr = self.gpus_per_replica
        if isinstance(gpr, bool) or not isinstance(gpr, int | np.integer) or gpr < 1:
            raise InputError(f"{what}: gpus_per_replica must be an integer >= 1, got {gpr!r}")
        object.__setattr__(self, "gpus_per_replica", int(gpr))
        object.__setattr__(
            self, "replica_power_w", _finite_nonneg(self.replica_power_w, f"{what}: power")
        )

    @property
    def key(self) -> OptionKey:
        return (self.layout, self.role, self.gpu)

    @property
    def max_replicas(self) -> int:
        """``K``: the largest count the table covers."""
        return len(self.capacity_per_s) - 1

    def capacity(self, replicas: int) -> float:
        """``Lambda[min(replicas, K)]`` (a count above ``K`` is credited ``Lambda[K]``)."""
        if replicas <= 0:
            return 0.0
        return self.capacity_per_s[min(int(replicas), self.max_replicas)]

    def k_full(self, rate_per_s: float) -> int | None:
        """The smallest ``k`` with ``Lambda[k] >= rate_per_s`` (None if the table never gets there).

        Examples
        --------
        >>> CapacityOption("l", "r", "g", (0, 1, 2.5, 4), 1.0).k_full(2.0)
        2
        """
        if rate_per_s <= 0:
            return 0
        arr = self.capacity_per_s
        i = int(np.searchsorted(np.asarray(arr), rate_per_s, side="left"))
        return i if i < len(arr) else None


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


def _normalise_eligibility(
    eligibility: Any, role_names: set[str], gpu_names: set[str]
) -> frozenset[tuple[str, str]] | None:
    """A networkx graph (or iterable of pairs) -> frozenset of (role, gpu) pairs."""
    if eligibility is None:
        return None
    if isinstance(eligibility, frozenset) and all(
        isinstance(e, tuple) and len(e) == 2 for e in eligibility
    ):
        edges: Iterable[Any] = eligibility
    elif hasattr(eligibility, "edges"):
        edges = list(eligibility.edges())
    else:
        edges = list(eligibility)
    pairs: set[tuple[str, str]] = set()
    for edge in edges:
        if not (isinstance(edge, tuple | list) and len(edge) == 2):
            raise InputError(f"eligibility edge must be a (role, gpu) pair, got {edge!r}")
        u, v = edge
        u_role, v_role = u in role_names, v in role_names
        u_gpu, v_gpu = u in gpu_names, v in gpu_names
        if u_role and v_gpu and not (v_role and u_gpu):
            pairs.add((u, v))
        elif v_role and u_gpu and not (u_role and v_gpu):
            pairs.add((v, u))
        elif (u_role and v_gpu) and (v_role and u_gpu):
            raise InputError(
                f"eligibility edge {edge!r} is ambiguous: both ends name a role and a GPU"
            )
        else:
            # an edge about roles or GPUs this problem does not have is harmless
            continue
    return frozenset(pairs)


@dataclass(frozen=True)
class PlanningProblem:
    """The whole integer-programming question in plain numbers (validated, immutable).

    Parameters
    ----------
    layouts
        Candidate layouts; exactly one is chosen.
    options
        One :class:`CapacityOption` per eligible (layout, role, gpu).
    split
        ``"split"`` (default): a role's traffic may be shared by several GPU types (Melange
        style); ``"single"``: each role is served by exactly one type.
    max_gpus
        GPU type -> most GPUs available (sum over the chosen layout's pools of
        ``replicas * gpus_per_replica``); types not listed are unlimited.
    budget_usd_per_hour, power_budget_w
        Caps on the fleet's cost and power (None = no cap).
    min_replicas_per_pool
        Least replicas of every pool with demand (combined with each role's own
        ``min_replicas`` by ``max``).
    eligibility
        A networkx graph (or iterable of ``(role, gpu)`` pairs) whose edges say which GPU types
        may serve which role (by role name, in every layout); None = everything eligible.
    forbidden
        Plans (:func:`plan_key`) the model must not return.
    tie_break
        ``"weights"``: among plans of equal cost prefer fewer GPUs, then lower power, through
        objective weights computed from the data (docs/formulation.md); ``"none"``: cost only.
    changes
        The record of :meth:`with_table` / :meth:`forbid` calls that produced this problem.
    """

    layouts: tuple[Layout, ...]
    options: tuple[CapacityOption, ...]
    split: SplitMode = "split"
    max_gpus: Mapping[str, int] = field(default_factory=dict)
    budget_usd_per_hour: float | None = None
    power_budget_w: float | None = None
    min_replicas_per_pool: int = 0
    eligibility: Any = None
    forbidden: tuple[PlanKey, ...] = ()
    tie_break: Literal["weights", "none"] = "weights"
    changes: tuple[ProblemChange, ...] = ()

    def __post_init__(self) -> None:
        layouts = tuple(self.layouts)
        options = tuple(self.options)
        if not layouts:
            raise InputError("a planning problem needs at least one layout")
        counts_by_name = Counter(lay.name for lay in layouts)
        dup = sorted(n for n, c in counts_by_name.items() if c > 1)
        if dup:
            raise InputError(f"duplicate layout names {dup}")
        if self.split not in ("split", "single"):
            raise InputError(f"split must be 'split' or 'single', got {self.split!r}")
        if self.tie_break not in ("weights", "none"):
            raise InputError(f"tie_break must be 'weights' or 'none', got {self.tie_break!r}")
        by_name = {lay.name: lay for lay in layouts}
        seen: set[OptionKey] = set()
        for opt in options:
            if not isinstance(opt, CapacityOption):
                raise InputError(
                    f"options must be CapacityOption records, got {type(opt).__name__}"
                )
            lay = by_name.get(opt.layout)
            if lay is None:
                raise UnknownNameError(
                    f"option for unknown layout {opt.layout!r}; layouts: {sorted(by_name)}"
                )
            lay.role(opt.role)  # raises for an unknown role
            if opt.key in seen:
                raise InputError(f"duplicate option {opt.key!r}")
            seen.add(opt.key)
        max_gpus = {}
        for gpu, cap in dict(self.max_gpus or {}).items():
            max_gpus[str(gpu)] = _nonneg_int(cap, f"max_gpus[{gpu!r}]")
        for name in ("budget_usd_per_hour", "power_budget_w"):
            v = getattr(self, name)
            if v is not None:
                object.__setattr__(self, name, _finite_nonneg(v, name))
        object.__setattr__(
            self,
            "min_replicas_per_pool",
            _nonneg_int(self.min_replicas_per_pool, "min_replicas_per_pool"),
        )
        role_names = {r.name for lay in layouts for r in lay.roles}
        gpu_names = {o.gpu for o in options}
        elig = _normalise_eligibility(self.eligibility, role_names, gpu_names)
        object.__setattr__(self, "layouts", layouts)
        object.__setattr__(self, "options", options)
        object.__setattr__(self, "max_gpus", MappingProxyType(max_gpus))
        object.__setattr__(self, "eligibility", elig)
        object.__setattr__(self, "forbidden", tuple(self.forbidden))
        object.__setattr__(self, "changes", tuple(self.changes))
        # a role with demand must have at least one eligible option
        usable: set[tuple[str, str]] = {(o.layout, o.role) for o in self.eligible_options()}
        for lay in layouts:
            for role in lay.roles:
                if role.rate_per_s > 0 and (lay.name, role.name) not in usable:
                    raise InputError(
                        f"role {role.name!r} of layout {lay.label!r} has demand "
                        f"{role.rate_per_s:g}/s but no eligible GPU type"
                    )

    # ---------------------------------------------------------------------------- queries
    def __hash__(self) -> int:  # MappingProxyType is not hashable
        return hash((self.layouts, self.options, self.split, tuple(sorted(self.max_gpus.items())),
                     self.budget_usd_per_hour, self.power_budget_w, self.min_replicas_per_pool,
                     self.eligibility, self.forbidden, self.tie_break))

    @property
    def gpus(self) -> tuple[str, ...]:
        """GPU type names, in first-seen order."""
        return tuple(dict.fromkeys(o.gpu for o in self.options))

    @cached_property
    def _layouts_by_name(self) -> dict[str, Layout]:
        return {lay.name: lay for lay in self.layouts}

    @cached_property
    def options_by_key(self) -> dict[tuple[str, str, str], CapacityOption]:
        """The options keyed by ``(layout, role, gpu)`` (built once)."""
        return {o.key: o for o in self.options}

    def layout(self, name: str) -> Layout:
        lay = self._layouts_by_name.get(name)
        if lay is None:
            raise UnknownNameError(
                f"unknown layout {name!r}; layouts: {[lay.name for lay in self.layouts]}"
            )
        return lay

    def option(self, layout: str, role: str, gpu: str) -> CapacityOption:
        o = self.options_by_key.get((layout, role, gpu))
        if o is None:
            raise UnknownNameError(f"no option for ({layout!r}, {role!r}, {gpu!r})")
        return o

    def is_eligible(self, role: str, gpu: str) -> bool:
        return self.eligibility is None or (role, gpu) in self.eligibility

    def eligible_options(self) -> tuple[CapacityOption, ...]:
        """Options whose (role, gpu) pair is eligible."""
        return tuple(o for o in self.options if self.is_eligible(o.role, o.gpu))

    def role_min_replicas(self, layout: str, role: str) -> int:
        """Effective minimum replicas of a pool: ``max(role.min_replicas, min_replicas_per_pool)``
        for a role with demand, 0 otherwise."""
        r = self.layout(layout).role(role)
        if r.rate_per_s <= 0:
            return 0
        return max(r.min_replicas, self.min_replicas_per_pool)

    def k_full(self, layout: str, role: str, gpu: str) -> int | None:
        """Smallest count of ``gpu`` replicas serving the role alone (None: not in the table)."""
        return self.option(layout, role, gpu).k_full(self.layout(layout).role(role).rate_per_s)

    # ---------------------------------------------------------------------------- changes
    def with_table(
        self,
        layout: str,
        role: str,
        gpu: str,
        *,
        table: Sequence[float] | None = None,
        scale: float = 1.0,
        shift_per_s: float = 0.0,
        reason: str = "",
    ) -> PlanningProblem:
        """A copy in which one option's table is replaced, scaled and/or shifted down.

        The new table is ``max(0, scale * base - shift_per_s)`` (``Lambda[0]`` stays 0), where
        ``base`` is ``table`` if given, else the current table.  The change is appended to
        :attr:`changes`.

        Examples
        --------
        >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
        ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
        >>> q = p.with_table("one", "all", "H100", scale=0.9, reason="sim P99 too high")
        >>> q.option("one", "all", "H100").capacity_per_s, q.changes[0].kind
        ((0.0, 2.7, 5.4, 8.1), 'table')
        """
        return self.with_tables(
            {(layout, role, gpu): table}, scale=scale, shift_per_s=shift_per_s, reason=reason
        )

    def with_tables(
        self,
        tables: Mapping[OptionKey, Sequence[float] | None],
        *,
        scale: float = 1.0,
        shift_per_s: float = 0.0,
        reason: str = "",
    ) -> PlanningProblem:
        """:meth:`with_table` for many options at once (one copy of the problem).

        ``tables`` maps option keys to a replacement table (or None: the current one); each
        change is recorded.

        Examples
        --------
        >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
        ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
        >>> q = p.with_tables({("one", "all", "H100"): (0, 1, 2, 3)}, reason="measured")
        >>> q.option("one", "all", "H100").capacity_per_s
        (0.0, 1.0, 2.0, 3.0)
        """
        scale = _finite_nonneg(scale, "scale")
        shift = _finite_nonneg(shift_per_s, "shift_per_s")
        new_opts: dict[OptionKey, CapacityOption] = {}
        changes = []
        for key, table in tables.items():
            old = self.option(*key)
            base = np.asarray(old.capacity_per_s if table is None else table, dtype=float)
            new = np.maximum(0.0, scale * base - shift)
            if new.size:
                new[0] = 0.0
            new_opts[key] = replace(old, capacity_per_s=tuple(float(v) for v in new))
            parts = []
            if table is not None:
                parts.append(f"table replaced (K={len(new) - 1})")
            if scale != 1.0:
                parts.append(f"scaled by {scale:g}")
            if shift:
                parts.append(f"shifted down by {shift:g}/s")
            layout, role, gpu = key
            changes.append(ProblemChange(
                kind="table",
                key=key,
                detail=f"{gpu} for role {role!r} of layout {layout!r}: "
                + (", ".join(parts) or "unchanged"),
                reason=reason,
            ))
        options = tuple(new_opts.get(o.key, o) for o in self.options)
        return replace(self, options=options, changes=self.changes + tuple(changes),
                       max_gpus=dict(self.max_gpus))

    def forbid(self, plan: PlanKey, reason: str = "") -> PlanningProblem:
        """A copy that excludes one plan (a :func:`plan_key`); recorded in :attr:`changes`.

        Examples
        --------
        >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
        ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
        >>> p.forbid(plan_key("one", {("all", "H100"): 2})).forbidden
        (('one', (('all', 'H100', 2),)),)
        """
        layout, items = plan
        self.layout(layout)
        canon = plan_key(layout, {(r, g): n for r, g, n in items})
        change = ProblemChange(
            kind="forbid",
            detail=f"plan {canon!r} forbidden",
            reason=reason,
        )
        return replace(self, forbidden=self.forbidden + (canon,), changes=self.changes + (change,),
                       max_gpus=dict(self.max_gpus))

    # ---------------------------------------------------------------------------- evaluation
    def evaluate(self, layout: str, counts: Mapping[tuple[str, str], int]) -> PlanEvaluation:
        """Check a plan by plain arithmetic (no solver): capacity, constraints, cost, GPUs, power.

        Shares are feasible iff, for every role with demand, the sum over its types of
        ``Lambda(n)`` reaches the role's rate (``"single"`` mode: one type must reach it alone).

        Examples
        --------
        >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
        ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 2.0),))
        >>> e = p.evaluate("one", {("all", "H100"): 2})
        >>> e.feasible, e.cost_usd_per_hour, e.gpus
        (True, 4.0, 2)
        """
        lay = self.layout(layout)
        violations: list[str] = []
        cost = 0.0
        power = 0.0
        gpus_by_type: dict[str, int] = {}
        per_role: dict[str, list[tuple[CapacityOption, int]]] = {r.name: [] for r in lay.roles}
        for (role, gpu), n in counts.items():
            n = int(n)
            if n < 0:
                violations.append(f"negative count for ({role}, {gpu})")
                continue
            if n == 0:
                continue
            opt = self.option(layout, role, gpu)
            if not self.is_eligible(role, gpu):
                violations.append(f"{gpu} is not eligible for role {role!r}")
            per_role[role].append((opt, n))
            cost += n * opt.price_usd_per_replica_hour
            power += n * opt.replica_power_w
            gpus_by_type[gpu] = gpus_by_type.get(gpu, 0) + n * opt.gpus_per_replica
        for r in lay.roles:
            used = per_role[r.name]
            if r.rate_per_s <= 0:
                continue
            caps = [o.capacity(n) for o, n in used]
            if self.split == "single":
                if len(used) != 1 or caps[0] < r.rate_per_s:
                    violations.append(f"role {r.name!r} not served by one type")
            elif sum(caps) < r.rate_per_s:
                violations.append(
                    f"role {r.name!r} capacity {sum(caps):g}/s < demand {r.rate_per_s:g}/s"
                )
            need = self.role_min_replicas(layout, r.name)
            if sum(n for _, n in used) < need:
                violations.append(f"role {r.name!r} has fewer than {need} replicas")
        for gpu, g in gpus_by_type.items():
            if gpu in self.max_gpus and g > self.max_gpus[gpu]:
                violations.append(f"{g} {gpu} GPUs > max {self.max_gpus[gpu]}")
        if self.budget_usd_per_hour is not None and cost > self.budget_usd_per_hour * (1 + 1e-9):
            violations.append(f"cost {cost:g} > budget {self.budget_usd_per_hour:g}")
        if self.power_budget_w is not None and power > self.power_budget_w * (1 + 1e-9):
            violations.append(f"power {power:g} W > budget {self.power_budget_w:g} W")
        key = plan_key(layout, counts)
        if key in self.forbidden:
            violations.append("plan is forbidden")
        return PlanEvaluation(
            feasible=not violations,
            violations=tuple(violations),
            cost_usd_per_hour=cost,
            gpus=sum(gpus_by_type.values()),
            power_w=power,
        )


@dataclass(frozen=True)
class PlanEvaluation:
    """Result of :meth:`PlanningProblem.evaluate`."""

    feasible: bool
    violations: tuple[str, ...]
    cost_usd_per_hour: float
    gpus: int
    power_w: float


# --------------------------------------------------------------------------------------------
# Infeasibility diagnosis (no solver)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnservableRole:
    """A pool no eligible option can serve, even using every type at its table's end."""

    layout: str
    layout_label: str
    role: str
    rate_per_s: float
    max_capacity_per_s: float

    @property
    def message(self) -> str:
        return (
            f"pool {self.role!r} of layout {self.layout_label!r} needs "
            f"{self.rate_per_s:g} req/s but its eligible GPU types serve at most "
            f"{self.max_capacity_per_s:g} req/s within the SLO"
        )


def unservable_roles(problem: PlanningProblem) -> tuple[UnservableRole, ...]:
    """Roles that can not be served at all, whatever the constraints.

    In ``"split"`` mode a role is unservable when the sum over its eligible options of
    ``Lambda[K]`` is below its rate; in ``"single"`` mode when no single option has
    ``Lambda[K] >= rate``.

    Examples
    --------
    >>> p = PlanningProblem((Layout("one", (Role("all", 50.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 1.0),))
    >>> unservable_roles(p)[0].max_capacity_per_s
    9.0
    """
    out = []
    opts = problem.eligible_options()
    for lay in problem.layouts:
        for r in lay.roles:
            if r.rate_per_s <= 0:
                continue
            caps = [o.capacity_per_s[-1] for o in opts if o.layout == lay.name and o.role == r.name]
            best = sum(caps) if problem.split == "split" else max(caps, default=0.0)
            if best < r.rate_per_s:
                out.append(UnservableRole(lay.name, lay.label, r.name, r.rate_per_s, best))
    return tuple(out)


def explain_infeasible(problem: PlanningProblem) -> tuple[str, ...]:
    """One-line reasons why no plan exists (best effort; empty when nothing obvious is found).

    Checks, per layout: unservable pools; and whether the cheapest / least-GPU / least-power
    way to serve every pool (each pool on its own, ignoring the other constraints) already
    breaks the budget, a GPU type's availability or the power budget.

    Examples
    --------
    >>> p = PlanningProblem((Layout("one", (Role("all", 5.0),)),),
    ...                     (CapacityOption("one", "all", "H100", (0, 3, 6, 9), 4.0),),
    ...                     budget_usd_per_hour=1.0)
    >>> explain_infeasible(p)[0]
    "layout 'one': serving its pools costs at least 6.66667 USD/h > budget 1 USD/h"
    """
    bad = unservable_roles(problem)
    reasons = [u.message for u in bad]
    bad_layouts = {u.layout for u in bad}
    opts = problem.eligible_options()
    for lay in problem.layouts:
        if lay.name in bad_layouts:
            continue
        min_cost = 0.0
        min_power = 0.0
        for r in lay.roles:
            if r.rate_per_s <= 0:
                continue
            ro = [o for o in opts if o.layout == lay.name and o.role == r.name]
            costs, powers = [], []
            for o in ro:
                k = o.k_full(r.rate_per_s)
                if k is None:
                    continue
                k = max(k, problem.role_min_replicas(lay.name, r.name))
                costs.append(k * o.price_usd_per_replica_hour)
                powers.append(k * o.replica_power_w)
            if costs and problem.split == "single":
                min_cost += min(costs)
                min_power += min(powers)
        if problem.split == "single":
            if problem.budget_usd_per_hour is not None and min_cost > problem.budget_usd_per_hour:
                reasons.append(
                    f"layout {lay.label!r}: the cheapest way to serve its pools costs "
                    f"{min_cost:g} USD/h > budget {problem.budget_usd_per_hour:g} USD/h"
                )
            if problem.power_budget_w is not None and min_power > problem.power_budget_w:
                reasons.append(
                    f"layout {lay.label!r}: the least power to serve its pools is "
                    f"{min_power:g} W > power budget {problem.power_budget_w:g} W"
                )
        else:
            lb_cost, lb_power = _split_lower_bounds(problem, lay, opts)
            if problem.budget_usd_per_hour is not None and lb_cost > problem.budget_usd_per_hour:
                reasons.append(
                    f"layout {lay.label!r}: serving its pools costs at least {lb_cost:g} USD/h "
                    f"> budget {problem.budget_usd_per_hour:g} USD/h"
                )
            if problem.power_budget_w is not None and lb_power > problem.power_budget_w:
                reasons.append(
                    f"layout {lay.label!r}: serving its pools needs at least {lb_power:g} W "
                    f"> power budget {problem.power_budget_w:g} W"
                )
    if problem.max_gpus and not reasons:
        reasons.append(
            "no layout fits the GPUs available ("
            + ", ".join(f"{g}: {n}" for g, n in sorted(problem.max_gpus.items()))
            + ") together with the other constraints"
        )
    capped = problem.budget_usd_per_hour is not None or problem.power_budget_w is not None
    if not reasons and capped:
        reasons.append("the budget and power caps together exclude every plan")
    if not reasons and problem.forbidden:
        reasons.append(f"all remaining plans are forbidden ({len(problem.forbidden)} forbidden)")
    return tuple(reasons)


def _split_lower_bounds(
    problem: PlanningProblem, lay: Layout, opts: Sequence[CapacityOption]
) -> tuple[float, float]:
    """Lower bounds on cost and power of serving a layout with shared traffic.

    Each type delivers at most ``max_k Lambda[k]/k`` req/s per replica, so a role needs at least
    ``rate * min_j (price_j / best_rate_j)`` USD/h (and likewise for power).
    """
    cost = power = 0.0
    for r in lay.roles:
        if r.rate_per_s <= 0:
            continue
        ro = [o for o in opts if o.layout == lay.name and o.role == r.name]
        c_best = p_best = math.inf
        for o in ro:
            arr = np.asarray(o.capacity_per_s[1:])
            if arr.size == 0:
                continue
            per = float(np.max(arr / np.arange(1, arr.size + 1)))
            if per <= 0:
                continue
            c_best = min(c_best, o.price_usd_per_replica_hour / per)
            p_best = min(p_best, o.replica_power_w / per)
        if math.isfinite(c_best):
            cost += r.rate_per_s * c_best
            power += r.rate_per_s * p_best
    return cost, power
