"""Tabulation of disaggregated layouts: prefill and decode pools on their own GPU types.

One layout per (prefill GPU, decode GPU), roles ``prefill`` and ``decode`` each carrying the
whole rate; the prefill pool's table comes from its TTFT criterion (prefill + KV transfer), the
decode pool's from its TPOT-bounded rate per replica (:mod:`optfleet.planning.disaggregation`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from optfleet.errors import InfeasibleError, ModelDoesNotFitError
from optfleet.planning import disaggregation as pdm
from optfleet.planning.layouts import pd_layout_name
from optfleet.planning.pools import PoolDemand
from optfleet.planning.tables import Option, PDOption, PDStats, PlanningTables, headroom
from optfleet.queueing import capacity_table, min_replicas
from optfleet.scenario import Scenario


def tabulate_disaggregated(
    scenario: Scenario, tables: PlanningTables, profiles: dict[str, Any]
) -> None:
    """Add every (prefill GPU, decode GPU) layout of ``scenario`` to ``tables``."""
    from optfleet.formulation import Layout, Role

    ctx = tables.ctx
    demand = ctx.demands(None)[0]
    rate = demand.rate_per_s(ctx.planning_rate_per_s)  # requests that fit (others rejected)
    tpot = pdm.tpot_slo_s(scenario)
    sides = {}
    for gpu in profiles:
        try:
            sides[gpu] = pdm.pd_side(ctx, gpu, demand.mix)
        except ModelDoesNotFitError as exc:
            tables.excluded.append(f"disaggregated pools on {gpu}: {exc}")
    decode_rate = {
        gpu: pdm.decode_rate_per_replica(side, float(scenario.slo.quantile), tpot)
        for gpu, side in sides.items()
    }
    min_rep = scenario.constraints.min_replicas_per_pool
    for gp, ps in sides.items():
        for gd, ds in sides.items():
            name = pd_layout_name(gp, gd)
            pair = _pair_options(scenario, tables, demand, rate, tpot, name, (gp, ps),
                                 (gd, ds), decode_rate[gd])
            if pair is None:
                continue
            tables.options[(name, "prefill", gp)], tables.options[(name, "decode", gd)] = pair
            tables.layouts.append(
                Layout(name, (Role("prefill", rate, min_rep), Role("decode", rate, min_rep)))
            )


def _pair_options(
    scenario: Scenario,
    tables: PlanningTables,
    demand: PoolDemand,
    rate: float,
    tpot: float,
    name: str,
    prefill: tuple[str, Any],
    decode: tuple[str, Any],
    per_decode_replica: float,
) -> tuple[Option, Option] | None:
    """The prefill and decode options of one layout, or None (reason recorded)."""
    ctx = tables.ctx
    (gp, ps), (gd, ds) = prefill, decode
    link, bw = pdm.pd_link(ps, ds)
    values, probs, _ = pdm.ttft_classes(ctx, demand.mix, ps, bw)
    crit = pdm.prefill_criterion(ps, values, probs, scenario.slo, ctx.preset.util_cap)
    try:
        k_p = min_replicas(rate, crit)
    except InfeasibleError as exc:
        tables.excluded.append(f"pool 'prefill' of layout {name!r} on {gp}: {exc}")
        return None
    if per_decode_replica <= 0:
        t1 = float(ds.profile.iteration.time_s(0.0, 1.0, ds.mean_ctx_tokens))
        tables.excluded.append(
            f"pool 'decode' of layout {name!r} on {gd}: one decode iteration takes "
            f"{t1 * 1000:.1f} ms, above the TPOT SLO of {tpot * 1000:g} ms"
        )
        return None
    k_d = math.ceil(rate / per_decode_replica)
    common = dict(prefill=ps, decode=ds, link=link, bandwidth_bytes_per_s=bw,
                  values=values, probs=probs, tpot_slo_s=tpot)
    pre_demand = PoolDemand("prefill", demand.max_ctx_tokens, demand.share, demand.mix)
    dec_demand = PoolDemand("decode", demand.max_ctx_tokens, demand.share, demand.mix)
    pre = Option(
        pre_demand,
        PDStats(1, ps.prefill_mean_s),
        ps.profile,
        capacity_table(headroom(k_p), crit),
        PDOption("prefill", **common),
    )
    b_time = ds.mean_decode_iters * float(
        ds.profile.iteration.time_s(0.0, ds.slots, ds.slots * ds.mean_ctx_tokens)
    )
    dec = Option(
        dec_demand,
        PDStats(int(ds.slots), b_time),
        ds.profile,
        per_decode_replica * np.arange(headroom(k_d) + 1, dtype=np.float64),
        PDOption("decode", **common),
    )
    return pre, dec
