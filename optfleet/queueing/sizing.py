"""Pool sizing: whether ``k`` replicas meet a :class:`~optfleet.queueing.capacity.Criterion` at
a rate, and the fewest replicas that do.

Examples
--------
>>> from optfleet.queueing.capacity import Criterion
>>> from optfleet.queueing.sizing import min_replicas
>>> crit = Criterion(servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0,
...                  method="ttft-tail", q=0.99, prefill_s=[0.0], prefill_prob=[1.0])
>>> min_replicas(5.0, crit)
7
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet._search import smallest_true
from optfleet.errors import InfeasibleError, InputError
from optfleet.queueing.capacity import STABILITY_CAP, Criterion, as_criterion


def _infeasible_message(crit: Criterion) -> str:
    return (
        f"{crit.prefill_tail:.4%} of requests have a prefill time above the SLO of "
        f"{crit.slo_s:g} s, at least the {1 - crit.q:.4%} the P{crit.q * 100:g} allows, "
        "whatever the number of replicas"
    )


def meets_slo(
    k: ArrayLike,
    lam_per_s: ArrayLike,
    criterion: Criterion | None = None,
    *,
    servers_per_replica: int | None = None,
    mean_service_s: float | None = None,
    scv: float | None = None,
    slo_s: float | None = None,
    **kw: object,
) -> NDArray[np.bool_]:
    """Whether ``k`` replicas serve ``lam_per_s`` within the criterion (broadcast, vectorised).

    Examples
    --------
    >>> meets_slo([6, 7], 5.0, servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0)
    array([False,  True])
    """
    crit = as_criterion(criterion, servers_per_replica, mean_service_s, scv, slo_s, **kw)
    kk = np.asarray(k, dtype=np.float64)
    lam = np.asarray(lam_per_s, dtype=np.float64)
    if np.any(~np.isfinite(kk) | (kk < 0) | (kk != np.floor(kk))):
        raise InputError(f"replica counts k must be integers >= 0, got {k!r}")
    if np.any(~np.isfinite(lam) | (lam < 0)):
        raise InputError(f"arrival rate must be finite and non-negative, got {lam_per_s!r}")
    return crit.meets(kk, lam)


def min_replicas(
    lam_per_s: float,
    criterion: Criterion | None = None,
    *,
    servers_per_replica: int | None = None,
    mean_service_s: float | None = None,
    scv: float | None = None,
    slo_s: float | None = None,
    k_max: int = 10**6,
    **kw: object,
) -> int:
    """The fewest replicas that serve ``lam_per_s`` within the criterion (0 for no load).

    Give a :class:`Criterion` or its fields as keywords.  Monotone: more load or a tighter SLO
    never needs fewer replicas.

    Raises
    ------
    InfeasibleError
        If no number of replicas can (the prefill alone breaks the SLO tail — detected before
        any search), or more than ``k_max`` would be needed.

    Examples
    --------
    >>> min_replicas(5.0, servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0)
    7
    """
    crit = as_criterion(criterion, servers_per_replica, mean_service_s, scv, slo_s, **kw)
    lam = float(lam_per_s)
    if not math.isfinite(lam) or lam < 0:
        raise InputError(f"arrival rate must be a finite non-negative number, got {lam_per_s!r}")
    if isinstance(k_max, bool) or not isinstance(k_max, int | np.integer) or k_max < 1:
        raise InputError(f"k_max must be an integer >= 1, got {k_max!r}")
    if lam == 0:
        return 0
    if not crit.feasible_at_zero_load:
        raise InfeasibleError(_infeasible_message(crit))
    per = crit.servers_per_replica * crit.mu_per_s * min(crit.util_cap, STABILITY_CAP)
    lo = max(1, math.ceil(lam / per * (1 - 1e-12)))
    while lam > float(crit.max_rate(lo)):
        lo += 1
    if lo > k_max:
        raise InfeasibleError(f"more than {k_max} replicas would be needed for {lam:g} req/s")

    def ok(n: int) -> bool:
        return bool(crit.meets(n, lam))

    n = smallest_true(ok, lo, int(k_max))
    if n is None:
        raise InfeasibleError(f"more than {k_max} replicas would be needed for {lam:g} req/s")
    return n


__all__ = ["meets_slo", "min_replicas"]
