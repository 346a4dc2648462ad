"""Tie-breaking weights: among plans of equal cost prefer fewer GPUs, then lower power.

The weights come from the data (docs/formulation.md): :func:`price_resolution` finds the
resolution ``rho`` of the replica prices, :func:`tie_break_weights` scales the GPU and power
weights below it so that the cost ranking never changes.

Examples
--------
>>> price_resolution([4.02, 1.01])
0.01
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from optfleet.formulation.problem import PlanningProblem
from optfleet.formulation.records import OptionKey


@dataclass(frozen=True)
class TieBreak:
    """Objective weights: ``cost + gpu_weight * GPUs + power_weight * W``.

    ``cost_resolution`` is ``rho``: every replica price is an integer multiple of it, so two
    plans of different cost differ by at least ``rho``.  With ``G`` and ``W`` bounds on any
    plan's GPUs and watts, ``gpu_weight = rho / (2 (G + 1))`` and ``power_weight = gpu_weight /
    (2 (W + 1))`` give ``gpu_weight * G + power_weight * W < rho`` (so the cost ranking can not
    change) and ``power_weight * W < gpu_weight`` (so one GPU outweighs any power difference).
    """

    gpu_weight: float
    power_weight: float
    cost_resolution: float | None
    max_gpus: int
    max_power_w: float
    note: str = ""


def price_resolution(prices: list[float], max_denominator: int = 10**6) -> float | None:
    """The largest ``rho = 1/L`` (``L <= max_denominator``) with every price a multiple of it.

    Returns None when some price is not a fraction with denominator ``<= max_denominator``
    (within ``1e-12`` relative), or the common denominator exceeds it - e.g. two unrelated
    irrational prices.

    Examples
    --------
    >>> price_resolution([4.02, 1.01])
    0.01
    >>> price_resolution([4.02, 1.5, 2.0])  # every price is a multiple of 0.02
    0.02
    >>> price_resolution([1 / 3, 1.0])
    0.3333333333333333
    """
    lcm = 1
    for p in prices:
        f = Fraction(p).limit_denominator(max_denominator)
        if abs(float(f) - p) > 1e-12 * max(1.0, abs(p)):
            return None
        lcm = math.lcm(lcm, f.denominator)
        if lcm > max_denominator:
            return None
    # rho = gcd of the prices as fractions = gcd(numerators scaled) / lcm
    nums = [int(round(Fraction(p).limit_denominator(max_denominator) * lcm)) for p in prices]
    g = 0
    for n in nums:
        g = math.gcd(g, n)
    if g == 0:
        return None
    return g / lcm


def tie_break_weights(
    problem: PlanningProblem,
    counts: Mapping[OptionKey, tuple[int, ...]],
    tails: Mapping[OptionKey, int] | None = None,
) -> TieBreak:
    """Compute :class:`TieBreak` weights from the data (zero weights if ``tie_break="none"``).

    An option's most replicas is its largest candidate count plus, with a tail variable, the
    most replicas above its table (``tails``, :func:`~optfleet.formulation.counts.tail_bound`).
    """
    opts = problem.options_by_key
    tails = tails or {}
    g_by: dict[str, int] = {}
    w_by: dict[str, float] = {}
    for key, ks in counts.items():
        if not ks:
            continue
        o = opts[key]
        most = max(ks) + tails.get(key, 0)
        g_by[key[0]] = g_by.get(key[0], 0) + o.gpus_per_replica * most
        w_by[key[0]] = w_by.get(key[0], 0.0) + o.replica_power_w * most
    g_max = max((g_by.get(lay.name, 0) for lay in problem.layouts), default=0)
    w_max = max((w_by.get(lay.name, 0.0) for lay in problem.layouts), default=0.0)
    if problem.tie_break == "none":
        return TieBreak(0.0, 0.0, None, g_max, w_max, "tie-breaking off")
    prices = [opts[k].price_usd_per_replica_hour for k, ks in counts.items() if ks]
    rho = price_resolution(prices) if prices else None
    if rho is None:
        return TieBreak(
            0.0, 0.0, None, g_max, w_max,
            "tie-breaking off: replica prices have no common resolution >= 1e-6 USD/h",
        )
    gw = rho / (2.0 * (g_max + 1))
    pw = gw / (2.0 * (w_max + 1.0))
    note = ""
    if gw < 1e-9:
        note = f"GPU tie-break weight {gw:.3g} is below solver tolerances; ties may be arbitrary"
    return TieBreak(gw, pw, rho, g_max, w_max, note)
