"""Plans side by side: cost, GPUs, layout, latency, headroom and power, differences flagged.

:func:`compare` lines up two or more :class:`~optfleet.planning.results.Plan`\\ s row by row —
cost, GPUs by type, layout and threshold, and per pool (matched by model, role and GPU type)
replicas, utilisation (the headroom), analytic and simulated P99 TTFT and TPOT, spares and
cost; power when a plan has it.  Each :class:`CompareRow` says whether its values differ.
Plans of different questions can be compared: :attr:`Comparison.same_question` and
:attr:`Comparison.question_differences` say whether and where their questions differ.

Values are in base units (seconds, USD/hour, watts, fractions); a pool a plan does not have is
``None``.

Examples
--------
>>> import optfleet
>>> a = optfleet.plan(optfleet.Scenario(rate_per_s=5), verify=False)
>>> b = optfleet.plan(optfleet.Scenario(rate_per_s=20), verify=False)
>>> c = compare([a, b], labels=["5/s", "20/s"])
>>> c.same_question, c.question_differences[0]
(False, 'rate_per_s: 5 | 20')
>>> row = c.row("cost_usd_per_hour")
>>> row.values, row.differs
((4.02, 8.04), True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from optfleet.errors import InputError
from optfleet.planning.results import Plan
from optfleet.scenario import HOURS_PER_YEAR, Frozen

Value = bool | int | float | str | None


class CompareRow(Frozen):
    """One row of a comparison: a quantity across the plans and whether it differs."""

    section: str
    """``"plan"``, ``"gpus"`` or ``"pool <model/role/gpu>"``."""
    key: str
    """The quantity (a :class:`~optfleet.planning.results.Plan` or pool field name, or a GPU
    type in the ``gpus`` section)."""
    unit: str
    """``"s"``, ``"usd_per_hour"``, ``"usd_per_year"``, ``"w"``, ``"fraction"``, ``"gpus"`` or
    ``""``."""
    values: tuple[Value, ...]
    differs: bool


class Comparison(Frozen):
    """:func:`compare`'s answer."""

    labels: tuple[str, ...]
    rows: tuple[CompareRow, ...]
    same_question: bool | None
    """None when some plan does not record its question."""
    question_differences: tuple[str, ...] = ()
    """``field: value A | value B ...`` for every field of the questions that differs."""
    notes: tuple[str, ...] = ()

    def row(self, key: str, section: str = "plan") -> CompareRow:
        """The row of ``key`` in ``section`` (KeyError if absent)."""
        for r in self.rows:
            if r.key == key and r.section == section:
                return r
        raise KeyError(f"{section}/{key}")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


#: Plan-level rows: (field, unit).
PLAN_ROWS: tuple[tuple[str, str], ...] = (
    ("scenario_name", ""),
    ("preset", ""),
    ("layout", ""),
    ("threshold_tokens", ""),
    ("gamma", ""),
    ("rate_per_s", ""),
    ("cost_usd_per_hour", "usd_per_hour"),
    ("cost_usd_per_year", "usd_per_year"),
    ("cost_with_spares_usd_per_hour", "usd_per_hour"),
    ("gpus", "gpus"),
    ("gpus_with_spares", "gpus"),
    ("power_w", "w"),
    ("verified", ""),
    ("verification_level", ""),
    ("rejected_share", "fraction"),
)

#: Pool rows: (field, unit); simulated quantiles are their point values.
POOL_ROWS: tuple[tuple[str, str], ...] = (
    ("replicas", ""),
    ("rate_per_s", ""),
    ("utilisation", "fraction"),
    ("analytic_p99_ttft_s", "s"),
    ("simulated_p99_ttft_s", "s"),
    ("analytic_p99_tpot_s", "s"),
    ("simulated_p99_tpot_s", "s"),
    ("binding_slo", ""),
    ("spares", ""),
    ("cost_usd_per_hour", "usd_per_hour"),
)


def compare(plans: Sequence[Plan], labels: Sequence[str] | None = None) -> Comparison:
    """Compare ``plans`` side by side (see the module docstring).

    Raises
    ------
    InputError
        Fewer than two plans, or ``labels`` of another length.
    """
    plans = list(plans)
    if len(plans) < 2:
        raise InputError(f"compare needs at least two plans, got {len(plans)}")
    labels = [f"plan {i}" for i in range(1, len(plans) + 1)] if labels is None else list(labels)
    if len(labels) != len(plans):
        raise InputError(f"{len(labels)} labels for {len(plans)} plans")
    rows = [_row("plan", key, unit, [_plan_value(p, key) for p in plans])
            for key, unit in PLAN_ROWS
            if key != "power_w" or any(p.power_w is not None for p in plans)]
    types = sorted({pp.gpu for p in plans for pp in p.pools})
    rows += [_row("gpus", g, "gpus", [sum(pp.gpus for pp in p.pools if pp.gpu == g)
                                      for p in plans]) for g in types]
    for key in _pool_keys(plans):
        pools = [next((pp for pp in p.pools if _pool_key(pp) == key), None) for p in plans]
        rows += [_row(f"pool {key}", f, unit, [_pool_value(pp, f) for pp in pools])
                 for f, unit in POOL_ROWS]
    same, diffs = _questions(plans)
    notes = []
    if same is False:
        notes.append("the plans answer different questions: " + "; ".join(diffs[:5])
                     + (f" (and {len(diffs) - 5} more)" if len(diffs) > 5 else ""))
    elif same is None:
        notes.append("some plan does not record its question: whether the questions differ "
                     "is unknown")
    return Comparison(labels=tuple(labels), rows=tuple(rows), same_question=same,
                      question_differences=tuple(diffs), notes=tuple(notes))


def _row(section: str, key: str, unit: str, values: list[Value]) -> CompareRow:
    return CompareRow(section=section, key=key, unit=unit, values=tuple(values),
                      differs=_differ(values))


def _differ(values: Sequence[Value]) -> bool:
    first = values[0]
    for v in values[1:]:
        if isinstance(first, float | int) and isinstance(v, float | int) and not (
            isinstance(first, bool) or isinstance(v, bool)
        ):
            if not math.isclose(float(first), float(v), rel_tol=1e-9, abs_tol=1e-12):
                return True
        elif v != first or type(v) is not type(first):
            return True
    return False


def _plan_value(p: Plan, key: str) -> Value:
    if key == "cost_usd_per_year":
        return p.cost_usd_per_hour * HOURS_PER_YEAR
    return getattr(p, key)


def _pool_key(pp: Any) -> str:
    role = pp.role if pp.model is None or pp.role.startswith(f"{pp.model}/") else (
        f"{pp.model}/{pp.role}")
    return f"{role}/{pp.gpu}"


def _pool_keys(plans: Sequence[Plan]) -> list[str]:
    return list(dict.fromkeys(_pool_key(pp) for p in plans for pp in p.pools))


def _pool_value(pp: Any, key: str) -> Value:
    if pp is None:
        return None
    v = getattr(pp, key)
    return v.value if hasattr(v, "value") and not isinstance(v, str) else v


def _questions(plans: Sequence[Plan]) -> tuple[bool | None, list[str]]:
    """Whether the plans' questions are the same, and the fields where they differ."""
    if any(p.question is None for p in plans):
        return None, []
    flat = [_flatten(p.question) for p in plans]
    keys = list(dict.fromkeys(k for f in flat for k in f))
    diffs = [f"{k}: " + " | ".join(_show(f.get(k)) for f in flat)
             for k in keys if _differ([f.get(k) for f in flat])]
    return not diffs, diffs


def _flatten(data: Any, prefix: str = "") -> dict[str, Value]:
    """Dotted keys of nested dicts; lists are kept whole (as their text)."""
    out: dict[str, Value] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(_flatten(v, f"{prefix}{k}."))
        return out
    if isinstance(data, list):
        return {prefix[:-1]: str(data)}
    return {prefix[:-1]: data}


def _show(v: Value) -> str:
    return "-" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
