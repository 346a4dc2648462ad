"""Checks across a scenario's fields: names in every map, thresholds against the context.

Every map keyed by a GPU type (``tensor_parallel``, ``prices_usd_per_hour``,
``constraints.max_gpus``, ``profiles``, and each model's ``tensor_parallel`` and ``profiles``)
must name GPU types of the scenario's menu exactly as the menu spells them; otherwise the number
the user meant would be silently unused.  Every split threshold must be below the longest
context it splits.

Examples
--------
>>> from optfleet.scenario import Scenario
>>> Scenario(constraints={"max_gpus": {"Z100": 3}})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Scenario
...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def unknown_keys_message(what: str, keys: Iterable[str], known: Iterable[str], noun: str) -> str:
    """One line naming the keys of ``what`` that are not in ``known`` (empty: none are).

    Examples
    --------
    >>> unknown_keys_message("max_gpus", ["Z100", "A10G"], ["A10G"], "the GPU menu")
    "max_gpus names GPU types not in the GPU menu: ['Z100']; the GPU menu: ['A10G']"
    """
    known = list(known)
    bad = sorted(str(k) for k in keys if k not in known)
    if not bad:
        return ""
    return f"{what} names GPU types not in {noun}: {bad}; {noun}: {known}"


def _gpu_maps(scenario: Any) -> list[tuple[str, Mapping[str, Any]]]:
    maps: list[tuple[str, Mapping[str, Any]]] = [
        ("tensor_parallel", scenario.tensor_parallel),
        ("prices_usd_per_hour", scenario.prices_usd_per_hour),
        ("constraints.max_gpus", scenario.constraints.max_gpus),
        ("profiles", scenario.profiles),
    ]
    if scenario.horizon is not None:
        maps.append(("horizon.tiers", scenario.horizon.tiers))
    for m in scenario.models:
        if m.tensor_parallel:
            maps.append((f"models[{m.name}].tensor_parallel", m.tensor_parallel))
        if m.profiles:
            maps.append((f"models[{m.name}].profiles", m.profiles))
    return maps


def check_thresholds(
    what: str, thresholds: Iterable[int] | None, long_max_ctx_tokens: int
) -> None:
    """Raise ``ValueError`` if a split threshold is not below ``long_max_ctx_tokens``.

    Examples
    --------
    >>> check_thresholds("thresholds_tokens", [4096], 65536)
    >>> check_thresholds("thresholds_tokens", [100000], 65536)
    Traceback (most recent call last):
    ...
    ValueError: thresholds_tokens: a split threshold must be below long_max_ctx_tokens=65536 \
(the longest request a pool serves), got [100000]
    """
    bad = sorted(int(t) for t in thresholds or () if int(t) >= long_max_ctx_tokens)
    if bad:
        raise ValueError(
            f"{what}: a split threshold must be below long_max_ctx_tokens={long_max_ctx_tokens} "
            f"(the longest request a pool serves), got {bad}"
        )


def check_scenario_names(scenario: Any) -> None:
    """Raise ``ValueError`` (pydantic turns it into a validation error) for a GPU-keyed map
    naming a GPU type outside the menu, or a threshold at or above the longest context."""
    menu = list(scenario.gpus)
    for what, mapping in _gpu_maps(scenario):
        msg = unknown_keys_message(what, mapping, menu, "the GPU menu")
        if msg:
            raise ValueError(msg)
    check_thresholds("thresholds_tokens", scenario.thresholds_tokens, scenario.long_max_ctx_tokens)
    for m in scenario.models:
        ctx = m.long_max_ctx_tokens or scenario.long_max_ctx_tokens
        thresholds = m.thresholds_tokens if m.thresholds_tokens is not None else (
            scenario.thresholds_tokens
        )
        check_thresholds(f"models[{m.name}].thresholds_tokens", thresholds, ctx)


__all__ = ["check_scenario_names", "check_thresholds", "unknown_keys_message"]
