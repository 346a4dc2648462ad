"""Prefix caching in a scenario: where prompt reuse comes from, the block size, the balancer.

``prefix_caching:`` (:attr:`optfleet.scenario.Scenario.prefix_caching`; null: no caching, every
table and plan exactly as without the field) turns on each replica's automatic prefix cache in
the tables, the calibration and the verifying simulation.  The request lengths and the reuse
always come from one source, so they agree:

* ``reuse: {kind: trace}``: the scenario's workload must be a Mooncake trace (``workload:
  {kind: trace, format: mooncake, name: mooncake_conversation}`` or ``path: FILE.jsonl``); its
  lengths and ``hash_ids`` are the requests and their prompt blocks (the trace's arrival times
  too, with ``arrivals: {kind: trace, trace: <the same workload>}``; else the scenario's
  arrival process).
* ``reuse: {kind: parametric, system_prompt_tokens: S, continue_share: p}``: the workload's
  prompt lengths are the *user turns*; every prompt starts with the same system prompt of ``S``
  tokens and a share ``p`` of requests continue an earlier conversation, resending its last
  prompt and answer (:func:`optfleet.workloads.multi_turn_workload`).  The planned lengths are
  these grown prompts.

``enabled: false`` keeps the requests (the same lengths and prefixes) and turns the cache off:
the baseline that shows what caching saves.

Examples
--------
>>> p = PrefixCaching(reuse={"kind": "parametric", "system_prompt_tokens": 4000,
...                          "continue_share": 0.2})
>>> p.block_tokens, p.router, p.reuse.kind
(512, 'cache_affinity', 'parametric')
>>> PrefixCaching(reuse={"kind": "parametric", "system_prompt_tokens": -1})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for PrefixCaching
...
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from optfleet.scenario.hardware import Frozen, described
from optfleet.scenario.limits import NonNegInt, Tokens

__all__ = ["ParametricReuse", "PrefixCaching", "ReuseSpec", "TraceReuse",
           "check_prefix_caching"]

_KIND = "Discriminator of the reuse sources (no unit)."

#: A share in [0, 1] (``limits.Fraction01`` excludes 0).
_Share = Annotated[float, Field(ge=0.0, le=1.0)]


class TraceReuse(Frozen):
    """Reuse from the scenario's Mooncake trace workload (its ``hash_ids``)."""

    kind: Literal["trace"] = described(_KIND, "trace")


class ParametricReuse(Frozen):
    """A shared system prompt for every request, and multi-turn conversations."""

    kind: Literal["parametric"] = described(_KIND, "parametric")
    system_prompt_tokens: NonNegInt = described(
        "Tokens of the system prompt every request starts with, tokens.")
    continue_share: _Share = described(
        "Share of requests that continue an earlier conversation (resending its last prompt and "
        "answer before their own turn), in [0, 1].", 0.0)


ReuseSpec = Annotated[TraceReuse | ParametricReuse, Field(discriminator="kind")]


class PrefixCaching(Frozen):
    """Automatic prefix caching on every replica (see the module docstring)."""

    reuse: ReuseSpec = described(
        "Where prompt reuse comes from: the Mooncake trace workload (kind trace) or a system "
        "prompt + multi-turn model (kind parametric).")
    block_tokens: Tokens = described(
        "Tokens per cached block (a Mooncake trace: its block size, 512), tokens.", 512)
    router: Literal["cache_affinity", "jsq"] = described(
        "Balancer inside each pool: cache_affinity (the replica with the least prefill work "
        "for the request, its cached prefix counted) or jsq.", "cache_affinity")
    enabled: bool = described(
        "Whether replicas cache (false: the same requests without a cache, a baseline).", True)
    sample_requests: Annotated[int, Field(ge=100, le=1_000_000)] = described(
        "Parametric reuse: requests drawn (seeded by the scenario's seed) for the planned "
        "lengths and hit rates, requests.", 20_000)


def check_prefix_caching(scenario: object) -> None:
    """Raise ``ValueError`` when ``prefix_caching`` does not fit the rest of the scenario: trace
    reuse needs a Mooncake trace workload.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> Scenario(prefix_caching={"reuse": {"kind": "trace"}})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Scenario
    ...
    """
    pc = getattr(scenario, "prefix_caching", None)
    if pc is None or pc.reuse.kind != "trace":
        return
    w = getattr(scenario, "workload", None)
    if getattr(w, "kind", None) != "trace" or getattr(w, "format", None) != "mooncake":
        raise ValueError(
            "prefix_caching.reuse kind trace takes the prompt blocks of the workload: the "
            "workload must be a Mooncake trace ({kind: trace, format: mooncake, name: "
            "mooncake_conversation} or path: FILE.jsonl)")
