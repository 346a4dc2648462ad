"""The planning problem as plain numbers: candidate layouts, capacity options, user constraints.

:class:`PlanningProblem` bundles the candidate layouts (exactly one is chosen), the capacity
options (:mod:`optfleet.formulation.records`) and the user constraints; it validates everything
at construction and is immutable - :meth:`PlanningProblem.with_table` and
:meth:`PlanningProblem.forbid` return changed copies and keep a record of what changed, and
:meth:`PlanningProblem.evaluate` checks a plan by plain arithmetic.

Examples
--------
>>> from optfleet.formulation import CapacityOption, Layout, PlanningProblem, Role
>>> p = PlanningProblem(
...     layouts=(Layout("one pool", (Role("all", 10.0),)),),
...     options=(CapacityOption("one pool", "all", "H100", (0.0, 4.0, 9.0, 15.0), 4.0),),
... )
>>> p.k_full("one pool", "all", "H100")
3
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from optfleet.errors import InputError, UnknownNameError
from optfleet.formulation._checks import finite_nonneg, nonneg_int
from optfleet.formulation.records import (
    CapacityOption,
    Layout,
    OptionKey,
    PlanEvaluation,
    PlanKey,
    ProblemChange,
    Role,
    SplitMode,
    plan_key,
)


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
            max_gpus[str(gpu)] = nonneg_int(cap, f"max_gpus[{gpu!r}]")
        for name in ("budget_usd_per_hour", "power_budget_w"):
            v = getattr(self, name)
            if v is not None:
                object.__setattr__(self, name, finite_nonneg(v, name))
        object.__setattr__(
            self,
            "min_replicas_per_pool",
            nonneg_int(self.min_replicas_per_pool, "min_replicas_per_pool"),
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
        ``base`` is ``table`` if given, else the current table.  An option's tail
        (``tail_per_replica_per_s``) keeps its ratio to the table's end rate ``Lambda[K] / K``:
        it is multiplied by ``new end rate / old end rate``, which never credits a count above
        the table more than the scaled and shifted old capacity did.  The change is appended
        to :attr:`changes`.

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
        scale = finite_nonneg(scale, "scale")
        shift = finite_nonneg(shift_per_s, "shift_per_s")
        new_opts: dict[OptionKey, CapacityOption] = {}
        changes = []
        for key, table in tables.items():
            old = self.option(*key)
            base = np.asarray(old.capacity_per_s if table is None else table, dtype=float)
            new = np.maximum(0.0, scale * base - shift)
            if new.size:
                new[0] = 0.0
            tail = scaled_tail(old, new)
            new_opts[key] = replace(old, capacity_per_s=tuple(float(v) for v in new),
                                    tail_per_replica_per_s=tail)
            parts = []
            if tail != old.tail_per_replica_per_s:
                parts.append(f"tail {tail:g}/s per replica above K")
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


def scaled_tail(old: CapacityOption, table: np.ndarray) -> float | None:
    """The tail of ``old`` for a new table: scaled by the ratio of the tables' end rates
    ``Lambda[K] / K`` (None without a tail or for a table with no count).

    Examples
    --------
    >>> o = CapacityOption("l", "r", "g", (0, 2, 4), 1.0, tail_per_replica_per_s=1.5)
    >>> scaled_tail(o, np.array([0.0, 1.8, 3.6]))
    1.35
    """
    if old.tail_per_replica_per_s is None or table.size < 2:
        return None
    old_end = old.capacity_per_s[-1] / old.max_replicas
    new_end = float(table[-1]) / (table.size - 1)
    if old_end <= 0 or new_end <= 0:
        return 0.0
    return min(new_end, old.tail_per_replica_per_s * (new_end / old_end))


# The records are re-exported: ``optfleet.formulation.problem`` keeps naming the whole input.
__all__ = [
    "CapacityOption",
    "Layout",
    "OptionKey",
    "PlanEvaluation",
    "PlanKey",
    "PlanningProblem",
    "ProblemChange",
    "Role",
    "SplitMode",
    "plan_key",
]
