"""Energy and cost efficiency: output tokens per joule and USD per million output tokens.

For one replica profile at a batch of ``b`` running (decoding) sequences of mean context ``Cbar``:
``tokens/s = b / t(b)`` with ``t(b) = iteration.time_s(0, b, b Cbar)`` (a decode-only iteration
emits one token per sequence), power ``= profile.power_w(b)`` - the WHOLE replica, i.e.
``gpus_per_replica x`` the per-GPU logistic - so ``tokens/J = tokens/s / W`` and
``USD per 1e6 tokens = price_usd_per_hour / 3600 / tokens/s x 1e6``.

Against utilisation: ``b = max(1, u x slots)`` with ``slots`` the pool's concurrency
(:func:`optfleet.physics.service_stats` on the scenario's one-pool mix) and ``Cbar`` the pool's
mean decode context.  Multi-pool fleets sum over pools: ``sum tokens/s / sum W`` (every replica of
a pool at the same utilisation) and ``sum USD/h / sum tokens/s``.

Examples
--------
>>> from optfleet.physics import calibrated_profile
>>> pt = replica_point(calibrated_profile("H100"), 64, 2000.0)
>>> pt.power_w > 300 and pt.tokens_per_joule > 0
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from optfleet.errors import InputError, ModelDoesNotFitError
from optfleet.physics.profiles import ReplicaProfile
from optfleet.scenario import Scenario
from optfleet.scenario.limits import check

__all__ = [
    "DEFAULT_UTILISATIONS",
    "EfficiencyPoint",
    "TokPerWattResult",
    "fleet_point",
    "replica_point",
    "tok_per_watt",
]

#: Utilisations swept by default.
DEFAULT_UTILISATIONS: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 0.9, 1.0)


@dataclass(frozen=True)
class EfficiencyPoint:
    """Efficiency of one replica (or a fleet: ``name`` ``fleet``) at one operating point."""

    name: str
    utilisation: float
    batch: float
    replicas: int
    gpus: int
    tokens_per_s: float
    power_w: float
    cost_usd_per_hour: float

    @property
    def tokens_per_joule(self) -> float:
        return self.tokens_per_s / self.power_w if self.power_w > 0 else math.nan

    @property
    def usd_per_million_tokens(self) -> float:
        if self.tokens_per_s <= 0:
            return math.inf
        return self.cost_usd_per_hour / 3600.0 / self.tokens_per_s * 1e6

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tokens_per_joule"] = self.tokens_per_joule
        d["usd_per_million_tokens"] = self.usd_per_million_tokens
        return d


def replica_point(
    profile: ReplicaProfile,
    batch: float,
    mean_context_tokens: float,
    *,
    utilisation: float = math.nan,
    name: str | None = None,
) -> EfficiencyPoint:
    """Tokens/s, power and price of ONE replica decoding ``batch`` sequences.

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> replica_point(calibrated_profile("A10G"), 1, 0.0).tokens_per_s  # 1 / 12 ms
    83.33333333333333
    """
    b = check("positive", "batch", batch)
    c = check("non_negative", "mean_context_tokens", mean_context_tokens)
    t = float(profile.iteration.time_s(0.0, b, b * c))
    return EfficiencyPoint(
        name=name or profile.gpu,
        utilisation=float(utilisation),
        batch=b,
        replicas=1,
        gpus=int(profile.gpus_per_replica),
        tokens_per_s=b / t,
        power_w=float(profile.power_w(b)),
        cost_usd_per_hour=float(profile.price_usd_per_hour),
    )


def fleet_point(points: Sequence[tuple[EfficiencyPoint, int]], utilisation: float = math.nan
                ) -> EfficiencyPoint:
    """Sum ``(replica point, replicas)`` pairs into one fleet point (sum tokens / sum power).

    Examples
    --------
    >>> from optfleet.physics import calibrated_profile
    >>> a = replica_point(calibrated_profile("H100"), 32, 1000.0)
    >>> f = fleet_point([(a, 3)])
    >>> round(f.tokens_per_joule / a.tokens_per_joule, 12)
    1.0
    """
    if not points:
        raise InputError("fleet_point needs at least one (point, replicas) pair")
    tok = sum(p.tokens_per_s * n for p, n in points)
    pw = sum(p.power_w * n for p, n in points)
    cost = sum(p.cost_usd_per_hour * n for p, n in points)
    reps = sum(n for _, n in points)
    gpus = sum(p.gpus * n for p, n in points)
    batch = sum(p.batch * n for p, n in points) / reps if reps else math.nan
    return EfficiencyPoint("fleet", float(utilisation), batch, reps, gpus, tok, pw, cost)


@dataclass(frozen=True)
class TokPerWattResult:
    """Per-GPU-type (and optional fleet) efficiency against utilisation."""

    model: str
    mean_context_tokens: dict[str, float]
    slots: dict[str, int]
    points: tuple[EfficiencyPoint, ...]
    skipped: tuple[str, ...] = ()

    def best_by_tokens_per_joule(self, utilisation: float) -> EfficiencyPoint:
        cands = [p for p in self.points if p.utilisation == utilisation and p.name != "fleet"]
        if not cands:
            raise InputError(f"no point at utilisation {utilisation!r}")
        return max(cands, key=lambda p: p.tokens_per_joule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "mean_context_tokens": dict(self.mean_context_tokens),
            "slots": dict(self.slots),
            "points": [p.to_dict() for p in self.points],
            "skipped": list(self.skipped),
        }


def _pool_operating(
    profile: ReplicaProfile, mix: Any, max_ctx: int, mode: str
) -> tuple[int, float]:
    """(slots, mean decode context) of a pool of ``profile`` serving ``mix``."""
    from optfleet.physics import service_stats

    s = service_stats(profile, mix.prompt_tokens, mix.output_tokens, mix.prob, max_ctx, mode=mode)
    return int(s.servers_per_replica), float(s.mean_context_tokens)


def tok_per_watt(
    scenario: Scenario,
    *,
    utilisations: Sequence[float] = DEFAULT_UTILISATIONS,
    fleet: Any = None,
) -> TokPerWattResult:
    """Output tokens per joule and USD per million output tokens for each GPU of the menu.

    Parameters
    ----------
    scenario
        Model, GPU menu, workload (for the mean context and slots) and preset (calibrated or
        computed profiles).
    utilisations
        Load fractions in ``(0, 1]``: batch ``= max(1, u x slots)``.
    fleet
        Optional :class:`optfleet.sim.FleetSpec` (or sequence of PoolSpecs): its pools are summed
        into ``fleet`` points (each pool at the same utilisation, its own mix-free mean context =
        the scenario mix restricted to the pool's ``max_ctx``).

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> r = tok_per_watt(Scenario(gpus=("H100-SXM",)), utilisations=(0.5, 1.0))
    >>> [round(p.utilisation, 2) for p in r.points]
    [0.5, 1.0]
    """
    from optfleet.planning import PoolContext

    if not isinstance(scenario, Scenario):
        raise InputError(f"scenario must be a Scenario, got {type(scenario).__name__}")
    if isinstance(utilisations, str | bytes) or not hasattr(utilisations, "__iter__"):
        raise InputError(f"utilisations must be numbers in (0, 1], got {utilisations!r}")
    us = tuple(check("fraction", "utilisations", u) for u in utilisations)
    if not us:
        raise InputError(f"utilisations must be non-empty numbers in (0, 1], got {utilisations!r}")
    ctx = PoolContext.from_scenario(scenario)
    mode = ctx.preset.service_model
    demand = ctx.demands(None)[0]
    points: list[EfficiencyPoint] = []
    slots_of: dict[str, int] = {}
    ctx_of: dict[str, float] = {}
    skipped: list[str] = []
    for gpu in scenario.gpus:
        try:
            prof = ctx.profile(gpu)
            slots, cbar = _pool_operating(prof, demand.mix, int(demand.max_ctx_tokens), mode)
        except ModelDoesNotFitError as exc:
            skipped.append(f"{gpu}: {exc}")
            continue
        slots_of[gpu], ctx_of[gpu] = slots, cbar
        for u in us:
            points.append(replica_point(prof, max(1.0, u * slots), cbar, utilisation=u, name=gpu))
    if fleet is not None:
        from optfleet.sim.spec import as_fleet

        fs = as_fleet(fleet)
        per_pool = []
        for pool in fs.pools:
            sub, _ = ctx.mix.restrict(0, pool.max_ctx_tokens)
            if sub is None:
                raise InputError(f"pool {pool.name!r}: no request of the workload fits its max_ctx")
            slots, cbar = _pool_operating(pool.profile, sub, int(pool.max_ctx_tokens), mode)
            per_pool.append((pool, slots, cbar))
        for u in us:
            pts = [(replica_point(p.profile, max(1.0, u * s), c, utilisation=u, name=p.name),
                    p.replicas) for p, s, c in per_pool]
            points.append(fleet_point(pts, u))
    if not points:
        raise InputError("no GPU type of the menu can hold the model: " + "; ".join(skipped))
    return TokPerWattResult(ctx.model.name, ctx_of, slots_of, tuple(points), tuple(skipped))
