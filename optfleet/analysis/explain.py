"""Why this plan: what binds each pool, where the money goes, and what the next plans lost on.

:func:`explain` reads a :class:`~optfleet.planning.results.Plan` and returns an
:class:`Explanation`:

* per pool, the constraint(s) that size it — the TTFT or TPOT SLO, the replicas' throughput
  (saturation or the preset's utilisation cap), a GPU availability cap (``max_gpus``), the
  per-pool replica minimum — with a one-line why; fleet-wide, the budget or power cap when one
  binds (``Plan.binding_constraints``);
* the cost per pool and per GPU type ($/h, with spares, share of the total);
* at least ``min_alternatives`` next-cheapest distinct alternatives, each with its outcome and
  why it lost (:class:`~optfleet.planning.record.Alternative`).  A plan holding fewer has its
  question asked again (:func:`~optfleet.planning.loop.replan`, same scenario, seed and
  options) with the planner solving for more after its choice; those extra alternatives are
  "dearer" by the tables and were not simulated.

Examples
--------
>>> import optfleet
>>> p = optfleet.plan(optfleet.Scenario(rate_per_s=5), verify=False, alternatives=5)
>>> e = explain(p)
>>> len(e.alternatives) >= 5, e.pools[0].binding[0] in ("TTFT", "TPOT", "throughput")
(True, True)
"""

from __future__ import annotations

import math
from typing import Any

from optfleet.planning.record import MAX_ALTERNATIVES, Alternative
from optfleet.planning.results import Plan
from optfleet.scenario import HOURS_PER_YEAR, Frozen, Scenario, validate_model

#: How many alternatives an explanation shows at least (when the program has that many).
MIN_ALTERNATIVES = 5


class PoolExplanation(Frozen):
    """What sizes one pool and what it costs."""

    pool: str
    """``role/gpu`` (``model/role/gpu`` in a multi-model plan)."""
    role: str
    gpu: str
    replicas: int
    gpus: int
    binding: tuple[str, ...]
    """What binds: ``"TTFT"``, ``"TPOT"``, ``"throughput"``, ``"utilisation cap"``,
    ``"max_gpus[<gpu>]"``, ``"min_replicas"``."""
    why: str
    cost_usd_per_hour: float
    cost_with_spares_usd_per_hour: float
    share_of_cost: float


class CostLine(Frozen):
    """One line of a cost breakdown (a pool or a GPU type)."""

    name: str
    gpus: int
    spare_gpus: int
    cost_usd_per_hour: float
    cost_with_spares_usd_per_hour: float
    share_of_cost: float

    @property
    def cost_usd_per_year(self) -> float:
        return self.cost_usd_per_hour * HOURS_PER_YEAR


class Explanation(Frozen):
    """:func:`explain`'s answer (see the module docstring)."""

    scenario_name: str
    preset: str
    layout: str
    cost_usd_per_hour: float
    cost_with_spares_usd_per_hour: float
    gpus: int
    verified: bool
    pools: tuple[PoolExplanation, ...]
    fleet_binding: tuple[str, ...] = ()
    """Fleet-wide constraints at their limit (budget, power cap), one line each."""
    cost_by_pool: tuple[CostLine, ...] = ()
    cost_by_gpu: tuple[CostLine, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    re_solved: bool = False
    """True when the alternatives come from asking the plan's question again."""
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def explain(
    plan: Plan,
    *,
    min_alternatives: int = MIN_ALTERNATIVES,
    resolve: bool = True,
    progress: Any = None,
) -> Explanation:
    """Explain ``plan``: binding constraints per pool, cost breakdown, alternatives.

    Parameters
    ----------
    plan
        A plan (:func:`optfleet.plan`, :meth:`~optfleet.planning.results.Plan.load`).
    min_alternatives
        Fewest alternatives to show (at most
        :data:`~optfleet.planning.record.MAX_ALTERNATIVES`).  When the plan holds fewer and
        ``resolve`` is True, its question is asked again for more (as slow as the original
        ``optfleet plan``, simulation included; skipped when the planner already looked for that
        many, or the plan does not record its question).
    progress
        Called with one-line messages while re-solving.

    Examples
    --------
    >>> import optfleet
    >>> p = optfleet.plan(optfleet.Scenario(rate_per_s=5), verify=False)
    >>> e = explain(p, resolve=False)
    >>> e.cost_by_gpu[0].name, e.re_solved
    ('H100-SXM', False)
    """
    from optfleet.errors import InputError

    if isinstance(min_alternatives, bool) or not isinstance(min_alternatives, int) or not (
        0 <= min_alternatives <= MAX_ALTERNATIVES
    ):
        raise InputError(f"min_alternatives must be an integer in [0, {MAX_ALTERNATIVES}], got "
                         f"{min_alternatives!r}")
    notes: list[str] = [
        f"profile of {r.model} on {r.gpu}: calibrated file {r.profile_file} (fit rms error "
        f"{r.fit_rms_relative_error:.1%})" if r.fit_rms_relative_error is not None else
        f"profile of {r.model} on {r.gpu}: hand-written file {r.profile_file}"
        for r in (plan.provenance.profiles if plan.provenance is not None else ())
        if r.kind == "fitted"
    ]
    alternatives, re_solved = _alternatives(plan, min_alternatives, resolve, progress, notes)
    if any(a.outcome == "dearer" for a in alternatives):
        notes.append("'dearer' alternatives were not simulated: they lost on cost (or the "
                     "tie-break) by the tables alone")
    total = plan.cost_usd_per_hour
    pools = tuple(_pool(plan, pp, _slos(plan, pp), total) for pp in plan.pools)
    return Explanation(
        scenario_name=plan.scenario_name,
        preset=plan.preset,
        layout=plan.layout,
        cost_usd_per_hour=total,
        cost_with_spares_usd_per_hour=plan.cost_with_spares_usd_per_hour,
        gpus=plan.gpus,
        verified=plan.verified,
        pools=pools,
        fleet_binding=_fleet_binding(plan),
        cost_by_pool=tuple(
            CostLine(name=p.pool, gpus=pp.gpus, spare_gpus=pp.spare_gpus,
                     cost_usd_per_hour=pp.cost_usd_per_hour,
                     cost_with_spares_usd_per_hour=pp.cost_with_spares_usd_per_hour,
                     share_of_cost=_share(pp.cost_usd_per_hour, total))
            for p, pp in zip(pools, plan.pools, strict=True)
        ),
        cost_by_gpu=_cost_by_gpu(plan),
        alternatives=alternatives,
        re_solved=re_solved,
        notes=tuple(notes),
    )


def _alternatives(
    plan: Plan, want: int, resolve: bool, progress: Any, notes: list[str]
) -> tuple[tuple[Alternative, ...], bool]:
    """The plan's alternatives, or a re-solve's when the plan holds fewer than ``want``."""
    have = plan.alternatives
    if len(have) >= want or not resolve:
        return have, False
    if plan.question is None:
        notes.append(f"the plan holds {len(have)} alternative(s) and does not record its "
                     "question, so it can not be re-solved for more")
        return have, False
    looked = plan.provenance.options.alternatives if plan.provenance is not None else 0
    if looked >= want:
        notes.append(f"the program holds only {len(have)} distinct alternative(s)")
        return have, False
    from optfleet.planning.loop import replan

    if progress:
        progress(f"re-solving the plan's question for {want} alternatives")
    again = replan(plan, alternatives=want, progress=progress)
    if _signature(again) != _signature(plan):
        notes.append(
            f"asked again, the question gave a different plan ({again.layout}, "
            f"${again.cost_usd_per_hour:,.2f}/h): optfleet or its data changed since this plan "
            "was written; showing the plan's own alternatives only")
        return have, False
    notes.append(f"re-solved the plan's question (same scenario, seed and options) for "
                 f"{want} alternatives")
    if len(again.alternatives) < want:
        notes.append(f"the program holds only {len(again.alternatives)} distinct "
                     "alternative(s)")
    return again.alternatives, True


def _signature(p: Plan) -> tuple[Any, ...]:
    return (p.layout, round(p.cost_usd_per_hour, 6),
            tuple((pp.role, pp.gpu, pp.replicas) for pp in p.pools))


def _slos(plan: Plan, pp: Any) -> tuple[float | None, float | None]:
    """``(ttft_slo_s, tpot_slo_s)`` of a pool, from the plan's question (None if unknown)."""
    if plan.question is None:
        return None, None
    try:
        sc = validate_model(Scenario, plan.question, "the plan's question")
    except ValueError:
        return None, None
    if pp.model is not None:
        sc = next((sc.for_model(m) for m in sc.models if m.name == pp.model), sc)
    return sc.slo.ttft_p99_s, sc.slo.tpot_p99_s


def _pool(plan: Plan, pp: Any, slos: tuple[float | None, float | None],
          total: float) -> PoolExplanation:
    """One pool's binding constraints and the line that says why."""
    label = f"{pp.role}/{pp.gpu}"
    binding = [_slo_binding(plan, pp)]
    why = [_slo_why(plan, pp, binding[0], slos)]
    if f"max_gpus[{pp.gpu}]" in plan.binding_constraints:
        cap = ((plan.question or {}).get("constraints", {}).get("max_gpus", {}).get(pp.gpu))
        binding.append(f"max_gpus[{pp.gpu}]")
        why.append(f"GPU availability cap: every available {pp.gpu} is used"
                   + (f" ({cap})" if cap is not None else ""))
    role = pp.role.split("/", 1)[1] if pp.model else pp.role
    if any(b in (f"min_replicas[{pp.role}]", f"min_replicas[{role}]")
           for b in plan.binding_constraints):
        binding.append("min_replicas")
        why.append("at the scenario's minimum replicas per pool")
    return PoolExplanation(
        pool=label if pp.model is None or pp.role.startswith(f"{pp.model}/")
        else f"{pp.model}/{label}",
        role=pp.role, gpu=pp.gpu, replicas=pp.replicas, gpus=pp.gpus, binding=tuple(binding),
        why="; ".join(why), cost_usd_per_hour=pp.cost_usd_per_hour,
        cost_with_spares_usd_per_hour=pp.cost_with_spares_usd_per_hour,
        share_of_cost=_share(pp.cost_usd_per_hour, total),
    )


def _slo_binding(plan: Plan, pp: Any) -> str:
    """What the pool's capacity table was sized by."""
    if pp.binding_slo:
        return pp.binding_slo
    kind = pp.role.rsplit("/", 1)[-1]
    if kind == "decode":
        return "TPOT"
    if kind == "prefill":
        return "TTFT"
    cap = (plan.provenance.preset.get("util_cap") if plan.provenance is not None else None)
    if cap is not None and pp.utilisation >= float(cap) - 0.02:
        return "utilisation cap"
    return "TTFT"


def _slo_why(plan: Plan, pp: Any, binding: str, slos: tuple[float | None, float | None]
             ) -> str:
    slo_q = ((plan.question or {}).get("slo") or {}).get("quantile", 0.99)
    q = f"P{round(float(slo_q) * 100, 3):g}"  # the SLO's quantile (fields keep the p99 name)
    if binding in ("TTFT", "TPOT"):
        metric = binding
        analytic = pp.analytic_p99_ttft_s if metric == "TTFT" else pp.analytic_p99_tpot_s
        sim = pp.simulated_p99_ttft_s if metric == "TTFT" else pp.simulated_p99_tpot_s
        slo = slos[0] if metric == "TTFT" else slos[1]
        digits = 0 if metric == "TTFT" else 1
        parts = [f"{metric} SLO binds: {q} {metric}"]
        if analytic is not None:
            parts.append(f" {analytic * 1000:.{digits}f} ms by the model")
        if sim is not None:
            parts.append(f", {sim.value * 1000:.{digits}f} ms simulated")
        if slo is not None and math.isfinite(slo):
            parts.append(f", SLO {slo * 1000:.{digits}f} ms")
        return "".join(parts)
    if binding == "utilisation cap":
        cap = plan.provenance.preset.get("util_cap") if plan.provenance is not None else None
        return (f"utilisation cap binds: the replicas run at {pp.utilisation:.0%} of their "
                f"capacity (the preset allows {float(cap):.0%})")
    return (f"throughput binds: the replicas run at {pp.utilisation:.0%} of the model's "
            "saturation rate (the tables stop at the preset's utilisation cap of it), with both "
            "SLOs met below it")


def _fleet_binding(plan: Plan) -> tuple[str, ...]:
    cons = (plan.question or {}).get("constraints", {})
    out = []
    if "budget" in plan.binding_constraints:
        b = cons.get("budget_usd_per_hour")
        out.append(f"budget binds: ${plan.cost_usd_per_hour:,.2f}/h"
                   + (f" of ${b:,.2f}/h" if b is not None else "")
                   + "; no further replica fits")
    if "power" in plan.binding_constraints:
        w = cons.get("power_budget_w")
        used = f"{plan.power_w / 1000:,.1f} kW" if plan.power_w is not None else "the fleet"
        out.append(f"power cap binds: {used}" + (f" of {w / 1000:,.1f} kW" if w else "")
                   + "; no further replica fits")
    return tuple(out)


def _cost_by_gpu(plan: Plan) -> tuple[CostLine, ...]:
    total = plan.cost_usd_per_hour
    by: dict[str, list[float]] = {}
    for pp in plan.pools:
        row = by.setdefault(pp.gpu, [0, 0, 0.0, 0.0])
        row[0] += pp.gpus
        row[1] += pp.spare_gpus
        row[2] += pp.cost_usd_per_hour
        row[3] += pp.cost_with_spares_usd_per_hour
    return tuple(
        CostLine(name=g, gpus=int(r[0]), spare_gpus=int(r[1]), cost_usd_per_hour=round(r[2], 9),
                 cost_with_spares_usd_per_hour=round(r[3], 9),
                 share_of_cost=_share(r[2], total))
        for g, r in sorted(by.items(), key=lambda kv: -kv[1][2])
    )


def _share(part: float, total: float) -> float:
    return part / total if total > 0 else 0.0
