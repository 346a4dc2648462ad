"""Assumption presets: named bundles of modelling assumptions.

``default``
    optfleet's own physics: profiles computed from GPU + model + serving config (tensor-parallel
    replicas priced per GPU), paged KV, capacity tables from the continuous-batching replica the
    engine simulator runs (TTFT and TPOT quantiles, whichever binds, each pool option corrected
    by a small-pool simulation) and binomial N+k spares.

``fleet-sim``
    The reference planner's assumptions, to reproduce its published numbers: its calibrated
    profiles (each priced as one GPU), KV reserved for max_ctx per sequence, full-batch service
    time, the SLO checked on its P99-wait formula (reported TTFT adds the *mean* prefill),
    utilisation <= 0.85, compress-and-route share 0.75, and ``ceil(n / A)`` spares.  Like the
    reference it estimates each pool's service-time moments from 3 000 lengths drawn with a fixed
    seed (42) rather than exactly, starts its SLO search one replica above the offered load, and
    verifies at slot level by its own protocol: one run of 40 000 requests (after 8 000 warm-up)
    per pool against a single pooled queue.  These three choices are what make its published
    counts come out; :mod:`optfleet.workloads.reference` and
    :func:`optfleet.sim.replay.fleet_sim_replay` document them.

Examples
--------
>>> from optfleet.scenario.presets import get_preset
>>> get_preset("fleet-sim").util_cap
0.85
>>> get_preset("default").kv_policy
'paged'
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from optfleet.errors import UnknownNameError
from optfleet.scenario import Frozen

GAMMA_GRID = tuple(round(1.0 + 0.1 * i, 1) for i in range(11))


class AssumptionPreset(Frozen):
    """A named set of modelling assumptions (see the module docstring and docs/presets.md)."""

    name: str
    description: str
    profile_set: Literal["calibrated", "computed"]
    kv_policy: Literal["reserve", "paged"]
    service_model: Literal["fleet-sim", "default"]
    tail_method: Literal["fleet-sim", "ttft-tail"]
    util_cap: Annotated[float, Field(gt=0, le=1)]
    compress_share: Annotated[float, Field(ge=0, le=1)]
    reliability_rule: Literal["ceil-n-over-a", "binomial"]
    gammas: tuple[float, ...] = GAMMA_GRID
    """Compress-and-route factors swept when the scenario gives none.  Compression is lossy, so
    the default preset does not compress unless asked; the reference sweeps 1.0..2.0."""
    moments: Literal["exact", "sampled"] = "exact"
    """``exact``: a pool's service-time moments are integrated over its request mix.
    ``sampled``: estimated from ``moment_samples`` lengths drawn as the reference planner draws
    them (Python's Mersenne Twister seeded ``moment_seed``; CDF workloads only — other
    workloads use the exact moments)."""
    moment_samples: Annotated[int, Field(ge=1)] = 3000
    moment_seed: Annotated[int, Field(ge=0)] = 42
    headroom_replicas: Annotated[int, Field(ge=0)] = 0
    """A pool needs at least ``ceil(offered load in replicas) + headroom_replicas`` replicas
    (the reference starts its SLO search one replica above the offered load)."""
    replica_model: Literal["slot", "engine"] = "slot"
    """What the capacity tables model.  ``engine``: the continuous-batching replica the
    engine-level simulator runs (batch fixed point, prefill stage under shared iterations, TTFT
    and TPOT quantiles; :mod:`optfleet.planning.engine_tables`), each option corrected by a
    small-pool engine simulation before it is used (:mod:`optfleet.planning.calibrate`).
    ``slot``: each replica is ``c`` servers of an M/G/c queue (the reference's model)."""
    slot_verification: Literal["replications", "fleet-sim"] = "replications"
    """How slot-level verification judges a plan.  ``replications``: optfleet's protocol
    (independent replications, the whole 95 % CI of each pool's P99 within the SLO).
    ``fleet-sim``: the reference's protocol (see :func:`optfleet.sim.replay.fleet_sim_replay`)."""


PRESETS: dict[str, AssumptionPreset] = {
    "default": AssumptionPreset(
        name="default",
        description=(
            "computed profiles (tp replicas priced per GPU), paged KV, continuous-batching "
            "replica tables (TTFT and TPOT quantiles, small-pool engine calibration), binomial "
            "spares"
        ),
        profile_set="computed",
        kv_policy="paged",
        service_model="default",
        tail_method="ttft-tail",
        util_cap=0.95,
        compress_share=0.75,
        reliability_rule="binomial",
        gammas=(1.0,),
        replica_model="engine",
    ),
    "fleet-sim": AssumptionPreset(
        name="fleet-sim",
        description=(
            "the reference planner's assumptions: calibrated A10G/A100/H100 profiles priced per "
            "GPU, KV reserved per slot, full-batch service, its P99-wait formula (+ mean prefill), "
            "utilisation <= 0.85, compress share 0.75, ceil(n/A) spares; moments from 3000 "
            "seeded draws, one replica above the offered load, its slot-level verification run"
        ),
        profile_set="calibrated",
        kv_policy="reserve",
        service_model="fleet-sim",
        tail_method="fleet-sim",
        util_cap=0.85,
        compress_share=0.75,
        reliability_rule="ceil-n-over-a",
        moments="sampled",
        headroom_replicas=1,
        slot_verification="fleet-sim",
    ),
}


def get_preset(name: str | AssumptionPreset) -> AssumptionPreset:
    """Return the preset called ``name`` (a preset object passes through).

    Raises
    ------
    UnknownNameError
        If no preset has that name.
    """
    if isinstance(name, AssumptionPreset):
        return name
    key = name.strip().lower().replace("_", "-")
    if key in ("fleetsim", "fleet-sim", "reference", "vllm-sr-sim"):
        key = "fleet-sim"
    try:
        return PRESETS[key]
    except KeyError:
        raise UnknownNameError(
            f"unknown assumptions preset {name!r}; known: {', '.join(sorted(PRESETS))}"
        ) from None


def list_presets() -> list[AssumptionPreset]:
    """All built-in presets, default first."""
    return [PRESETS["default"], PRESETS["fleet-sim"]]
