"""The configuration search's options (issue #14): every GPU type of the menu offered under each
fitting serving configuration, and the dominated options pruned before the program is built.

With ``Scenario.config_search`` set, :func:`config_candidates` enumerates the candidates of each
GPU type (:func:`optfleet.physics.configs.enumerate_configs`: every fitting tensor-parallel size,
batch cap, chunk size and precision; each pruned point counted by reason) and adds the scenario's
own serving config, so the search always contains the fixed configuration.  Each candidate is an
option name ``GPU@tp2-fp8-s128-c2048`` (:func:`optfleet.scenario.config_search.variant_name`)
with its own replica profile and its own tables; the integer program chooses among them as among
GPU types.  :func:`prune_dominated` then drops, per pool, every option another option of the
same GPU type, GPUs per replica and price serves at least as well at every replica count (its
capacity table is no larger anywhere, its power no lower): the program never needs it.

Examples
--------
>>> from optfleet.scenario import ConfigSearch, Scenario
>>> from optfleet.planning import tabulate
>>> search = ConfigSearch(max_num_seqs=(128, 256), chunked_prefill_tokens=(2048,))
>>> s = Scenario(rate_per_s=10, gpus=("H100-SXM",), thresholds_tokens=(), config_search=search)
>>> t = tabulate(s)
>>> "H100-SXM@tp1-bf16-s256-c2048" in t.ctx.variants  # the scenario's own config is a candidate
True
>>> all(g.startswith("H100-SXM@") for (_, _, g) in t.options)
True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from optfleet.errors import InputError

__all__ = ["config_candidates", "prune_dominated", "search_note"]


def _check_supported(scenario: Any, preset: Any) -> None:
    """The configuration search plans one model's aggregated layouts with computed profiles."""
    what = []
    if preset.profile_set == "calibrated":
        what.append(f"preset {preset.name!r} (the reference planner's fixed profiles)")
    if scenario.profiles:
        what.append("calibrated profile files (their serving config is the one measured)")
    if scenario.disaggregation != "off":
        what.append("disaggregation")
    if scenario.horizon is not None:
        what.append("planning over time (horizon)")
    if scenario.constraints.max_gpus:
        what.append("constraints.max_gpus")
    if scenario.constraints.eligible:
        what.append("constraints.eligible")
    if scenario.tensor_parallel:
        what.append("tensor_parallel per GPU type (the search chooses it)")
    if what:
        raise InputError("config_search can not be combined with " + ", ".join(what)
                         + " yet; plan without config_search, or drop them")


def config_candidates(ctx: Any) -> dict[str, Any]:
    """GPU type -> :class:`~optfleet.physics.configs.ConfigCandidates` of the search, the
    scenario's own serving config added when it fits (empty without a search)."""
    from optfleet.errors import ModelDoesNotFitError
    from optfleet.physics.configs import ConfigCandidates, config_label, enumerate_configs
    from optfleet.scenario.catalog import get_gpu

    scenario = ctx.scenario
    search = scenario.config_search
    if search is None:
        return {}
    _check_supported(scenario, ctx.preset)
    out: dict[str, Any] = {}
    for gpu in scenario.gpus:
        price = scenario.prices_usd_per_hour.get(gpu)
        spec = next((g for g in scenario.gpu_overrides if g.name == gpu), None)
        spec = spec or get_gpu(gpu, price_usd_per_hour=price)
        base = ctx.serving_for(gpu)
        cands = enumerate_configs(spec, ctx.model, base, search,
                                  max_model_len_tokens=ctx.long_ctx_tokens)
        kept = list(cands.kept)
        try:
            ctx.profile(gpu)  # the fixed configuration fits: the search contains it
            label = config_label(base)
            kept = [base] + [c for c in kept if config_label(c) != label]
        except ModelDoesNotFitError:
            pass
        out[gpu] = ConfigCandidates(gpu=cands.gpu, kept=tuple(kept), pruned=cands.pruned,
                                    model=cands.model,
                                    max_model_len_tokens=cands.max_model_len_tokens,
                                    considered=cands.considered)
    return out


def prune_dominated(tables: Any) -> int:
    """Drop every option another option of the same pool dominates (module docstring); returns
    how many were dropped.  Compared on the model's tables, before any calibration."""
    from optfleet.scenario.config_search import gpu_type

    groups: dict[tuple[Any, ...], list[tuple[str, str, str]]] = {}
    for key, opt in tables.options.items():
        if opt.pd is not None:
            continue
        prof = opt.profile
        g = (key[0], key[1], gpu_type(key[2]), int(prof.gpus_per_replica),
             round(float(prof.price_usd_per_hour), 9))
        groups.setdefault(g, []).append(key)
    dropped = 0
    for keys in groups.values():
        alive = list(keys)
        for b in keys:
            if any(a != b and a in alive and _dominates(tables.options[a], tables.options[b])
                   for a in alive):
                alive.remove(b)
                del tables.options[b]
                dropped += 1
    return dropped


def _dominates(a: Any, b: Any) -> bool:
    """Does option ``a`` serve at least ``b``'s rate at every count, alone reach the rate ``b``'s
    table ends at, and draw no more power per replica?"""
    ta, tb = np.asarray(a.table, dtype=float), np.asarray(b.table, dtype=float)
    n = min(ta.size, tb.size)
    if np.any(ta[:n] < tb[:n]) or ta[-1] < tb[-1]:
        return False
    pa = float(np.asarray(a.profile.power_w(max(1, int(a.stats.servers_per_replica)))))
    pb = float(np.asarray(b.profile.power_w(max(1, int(b.stats.servers_per_replica)))))
    return pa <= pb


def search_note(ctx: Any, dropped: int) -> str:
    """One line on the search: candidates per GPU type, pruned points by reason, dominated."""
    parts = []
    pruned: dict[str, int] = {}
    for gpu, c in ctx.config_candidates.items():
        parts.append(f"{gpu} {len(c.kept)}")
        for r, n in c.pruned.items():
            pruned[r] = pruned.get(r, 0) + int(n)
    why = ", ".join(f"{n} {r}" for r, n in pruned.items() if n)
    return (f"configuration search: candidates {', '.join(parts)} (of "
            f"{sum(c.considered for c in ctx.config_candidates.values())} points; pruned: "
            f"{why or 'none'}); {dropped} pool option(s) dominated by another of the same GPU "
            "type and price left out before the program was built")
