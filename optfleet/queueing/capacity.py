"""Sizing pools and building capacity tables.

A *replica* has ``s`` servers (slots), per-server mean service time ``E[S]`` (``mu = 1/E[S]``)
and service-time SCV ``cs2``; ``k`` replicas form an M/G/c queue with ``c = k s`` servers.  A
:class:`Criterion` says when such a pool meets its latency objective at arrival rate ``lam``:

``method="ttft-tail"`` (default)
    ``P(W + X > slo) <= 1 - q`` — the ``q``-quantile of TTFT (wait + prefill ``X``) is within
    the SLO (:mod:`optfleet.queueing.mgc`).  Checking the tail *at* ``t = slo`` avoids an inner
    quantile search.
``method="fleet-sim"``
    the reference planner's P99-wait formula ``<= slo``.

Both also require ``lam <= util_cap * c * mu`` (and ``lam < c mu``).

Prefill distribution.  The tail check needs ``sum_i p_i exp(-theta (slo - x_i))`` over the prefill
values ``x_i <= slo``.  When a pool has more than ``max_prefill_points`` distinct values they are
rounded **up** to a grid of ``max_prefill_points`` cells on ``[0, slo]`` — each request's
prefill is over-stated by less than ``slo / max_prefill_points`` (0.1 % of the SLO by default),
so a pool found feasible is feasible for the exact distribution.  Values above the SLO enter
exactly as the atom ``P(X > slo)``.

Capacity tables.  ``Lambda[k]`` is the largest rate ``k`` replicas serve within the criterion.
It is found for all ``k`` at once by a vectorised, bracketed Illinois (regula falsi) iteration
on ``lam``; the result is feasible (the lower end of the final bracket) and within a relative
``1e-9`` of the boundary.

Examples
--------
>>> from optfleet.queueing.capacity import Criterion, capacity_table, min_replicas
>>> crit = Criterion(servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0,
...                  method="ttft-tail", q=0.99, prefill_s=[0.0], prefill_prob=[1.0])
>>> min_replicas(5.0, crit)
7
>>> table = capacity_table(8, crit)
>>> bool(table[6] < 5.0 <= table[7])
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InfeasibleError, InputError
from optfleet.queueing.erlang import erlang_c
from optfleet.queueing.mgc import SCV_FLOOR, _check_prefill

FloatArray = NDArray[np.float64]
Method = Literal["ttft-tail", "fleet-sim"]

#: Stability margin: even with ``util_cap = 1`` a pool must have ``lam < c mu``.
_STABILITY = 1.0 - 1e-9


@dataclass(frozen=True)
class Criterion:
    """When does a pool of replicas meet its objective?  (See the module docstring.)"""

    servers_per_replica: int
    mean_service_s: float
    scv: float
    slo_s: float
    method: Method = "ttft-tail"
    util_cap: float = 1.0
    q: float = 0.99
    prefill_s: ArrayLike | None = field(default=None, compare=False)
    prefill_prob: ArrayLike | None = field(default=None, compare=False)
    max_prefill_points: int = 1024
    _gaps: FloatArray = field(init=False, repr=False, compare=False)
    _gap_probs: FloatArray = field(init=False, repr=False, compare=False)
    _above: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        s = self.servers_per_replica
        if isinstance(s, bool) or not isinstance(s, int | np.integer) or s < 1:
            raise InputError(f"servers_per_replica must be an integer >= 1, got {s!r}")
        for name in ("mean_service_s", "slo_s"):
            v = getattr(self, name)
            if not (isinstance(v, int | float | np.floating) and math.isfinite(v) and v > 0):
                raise InputError(f"{name} must be a finite positive number, got {v!r}")
        if not (math.isfinite(self.scv) and self.scv >= 0):
            raise InputError(f"scv must be a finite non-negative number, got {self.scv!r}")
        if not (0 < self.util_cap <= 1):
            raise InputError(f"util_cap must be in (0, 1], got {self.util_cap!r}")
        if not (0 < self.q < 1):
            raise InputError(f"q must be in (0, 1), got {self.q!r}")
        if self.method not in ("ttft-tail", "fleet-sim"):
            raise InputError(f"unknown method {self.method!r}; known: ttft-tail, fleet-sim")
        object.__setattr__(self, "servers_per_replica", int(s))
        if self.method == "ttft-tail":
            if self.prefill_s is None or self.prefill_prob is None:
                x, p = np.zeros(1), np.ones(1)
            else:
                x, p = _check_prefill(self.prefill_s, self.prefill_prob)
            slo = float(self.slo_s)
            above = float(p[x > slo].sum())
            keep = x <= slo
            gaps, probs = slo - x[keep], p[keep]
            if gaps.size > self.max_prefill_points:
                # round prefill UP (gap down) to the grid: conservative
                width = slo / self.max_prefill_points
                cells = np.floor(gaps / width).astype(np.int64)
                probs = np.bincount(cells, weights=probs)
                nz = probs > 0
                gaps = (np.arange(probs.size) * width)[nz]
                probs = probs[nz]
            object.__setattr__(self, "_gaps", gaps)
            object.__setattr__(self, "_gap_probs", probs)
            object.__setattr__(self, "_above", above)
        else:
            object.__setattr__(self, "_gaps", np.zeros(0))
            object.__setattr__(self, "_gap_probs", np.zeros(0))
            object.__setattr__(self, "_above", 0.0)

    @property
    def mu_per_s(self) -> float:
        return 1.0 / float(self.mean_service_s)

    @property
    def feasible_at_zero_load(self) -> bool:
        """Whether the objective can be met at all (prefill alone within the SLO tail)."""
        return self.method == "fleet-sim" or self._above <= 1.0 - self.q + 1e-15

    def max_rate(self, k: ArrayLike) -> FloatArray:
        """Rate ceiling of ``k`` replicas from stability and the utilisation cap."""
        c = np.asarray(k, dtype=np.float64) * self.servers_per_replica
        return c * self.mu_per_s * min(self.util_cap, _STABILITY)

    def excess(self, k: ArrayLike, lam: ArrayLike) -> FloatArray:
        """Signed violation: ``<= 0`` where ``k`` replicas meet the objective at ``lam``.

        ``ttft-tail``: ``P(TTFT > slo) - (1 - q)``; ``fleet-sim``: ``P99 wait - slo``.  The
        utilisation cap is not included (see :meth:`meets`).
        """
        kk, lam = np.broadcast_arrays(np.asarray(k, dtype=np.float64), np.asarray(lam, dtype=np.float64))
        c = kk * self.servers_per_replica
        mu = self.mu_per_s
        gap = c * mu - lam
        stable = (gap > 0) & (kk >= 1)
        a = np.where(stable, lam / mu, 0.0)
        C = erlang_c(np.maximum(c, 1.0), a)
        out = np.full(kk.shape, np.inf)
        if self.method == "fleet-sim":
            cv2 = max(self.scv, SCV_FLOOR)
            with np.errstate(divide="ignore", invalid="ignore"):
                w = np.log(C / 0.01) / (2.0 * gap / (1.0 + cv2))
            w = np.where(C <= 0.01, 0.0, w)
            out = np.where(stable, w - self.slo_s, np.inf)
            return out
        # default M/G/c: P(W > t) = C exp(-theta t), theta = C / E[Wq]
        cs2 = self.scv
        rho = np.where(stable, lam / np.maximum(c * mu, 1e-300), 0.0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            w_mm = C / gap
            corr = 1.0 + (1.0 - rho) * (c - 1.0) * (np.sqrt(4.0 + 5.0 * c) - 2.0) / (16.0 * rho * c)
            corr = np.where(rho > 0, corr, 1.0)
            mean = (1.0 - cs2) * 0.5 * corr * w_mm + cs2 * w_mm if cs2 < 1 else 0.5 * (1.0 + cs2) * w_mm
            # theta = C / E[Wq] = gap / factor, independent of C
            theta = np.where(C > 0, C / mean, np.inf)
        g, p = self._gaps, self._gap_probs
        if g.size == 0:
            tail = np.full(kk.shape, self._above)
        else:
            with np.errstate(over="ignore", invalid="ignore"):
                terms = np.exp(-theta[..., None] * g)
            terms = np.where(g == 0, 1.0, terms)
            terms = np.where(np.isfinite(theta)[..., None], terms, (g == 0).astype(float))
            tail = self._above + C * (terms @ p)
        return np.where(stable, tail - (1.0 - self.q), np.inf)

    def meets(self, k: ArrayLike, lam: ArrayLike) -> NDArray[np.bool_]:
        """Whether ``k`` replicas meet the objective and the utilisation cap at ``lam``."""
        kk = np.asarray(k, dtype=np.float64)
        lam_a = np.asarray(lam, dtype=np.float64)
        ok_cap = (lam_a <= self.max_rate(kk)) | (lam_a <= 0)
        return ok_cap & ((self.excess(np.maximum(kk, 1), lam_a) <= 0) | (lam_a <= 0)) & ((kk >= 1) | (lam_a <= 0))


def _criterion(
    crit: Criterion | None,
    servers_per_replica: int | None,
    mean_service_s: float | None,
    scv: float | None,
    slo_s: float | None,
    **kw: object,
) -> Criterion:
    if crit is not None:
        return crit
    if None in (servers_per_replica, mean_service_s, scv, slo_s):
        raise InputError("give a Criterion or servers_per_replica, mean_service_s, scv and slo_s")
    pf = kw.pop("prefill_s", None)
    pp = kw.pop("prefill_prob", None)
    return Criterion(
        servers_per_replica=int(servers_per_replica),  # type: ignore[arg-type]
        mean_service_s=float(mean_service_s),  # type: ignore[arg-type]
        scv=float(scv),  # type: ignore[arg-type]
        slo_s=float(slo_s),  # type: ignore[arg-type]
        prefill_s=pf,  # type: ignore[arg-type]
        prefill_prob=pp,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def min_replicas(
    lam_per_s: float,
    criterion: Criterion | None = None,
    *,
    servers_per_replica: int | None = None,
    mean_service_s: float | None = None,
    scv: float | None = None,
    slo_s: float | None = None,
    k_max: int = 10**7,
    **kw: object,
) -> int:
    """The fewest replicas that serve ``lam_per_s`` within the criterion.

    Raises
    ------
    InfeasibleError
        If no number of replicas can (the prefill alone breaks the SLO tail), or more than
        ``k_max`` would be needed.
    """
    crit = _criterion(criterion, servers_per_replica, mean_service_s, scv, slo_s, **kw)
    lam = float(lam_per_s)
    if not math.isfinite(lam) or lam < 0:
        raise InputError(f"arrival rate must be a finite non-negative number, got {lam_per_s!r}")
    if lam == 0:
        return 0
    if not crit.feasible_at_zero_load:
        raise InfeasibleError(
            f"{crit._above:.2%} of requests have a prefill time above the SLO of "
            f"{crit.slo_s * 1000:g} ms, more than the {1 - crit.q:.2%} the P{crit.q * 100:g} allows, "
            "whatever the number of replicas"
        )
    per = crit.servers_per_replica * crit.mu_per_s * min(crit.util_cap, _STABILITY)
    lo = max(1, math.ceil(lam / per - 1e-12))
    while lam > float(crit.max_rate(lo)):
        lo += 1
    if bool(crit.meets(lo, lam)):
        return lo
    hi = lo
    step = max(1, lo // 8)
    while not bool(crit.meets(hi, lam)):
        lo = hi
        hi = hi + step
        step *= 2
        if hi > k_max:
            raise InfeasibleError(f"more than {k_max} replicas would be needed for {lam:g} req/s")
    # lo fails, hi meets
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if bool(crit.meets(mid, lam)):
            hi = mid
        else:
            lo = mid
    return hi


def capacity_table(
    k_max: int,
    criterion: Criterion | None = None,
    *,
    servers_per_replica: int | None = None,
    mean_service_s: float | None = None,
    scv: float | None = None,
    slo_s: float | None = None,
    rtol: float = 1e-9,
    **kw: object,
) -> FloatArray:
    """``Lambda[0..k_max]``: the largest rate ``k`` replicas serve within the criterion.

    ``Lambda[0] = 0``; non-decreasing in ``k``; every ``Lambda[k]`` is itself feasible
    (``meets(k, Lambda[k])``) and within ``rtol`` (relative) of the largest feasible rate.
    """
    crit = _criterion(criterion, servers_per_replica, mean_service_s, scv, slo_s, **kw)
    if isinstance(k_max, bool) or not isinstance(k_max, int | np.integer) or k_max < 0:
        raise InputError(f"k_max must be an integer >= 0, got {k_max!r}")
    out = np.zeros(int(k_max) + 1)
    if k_max == 0 or not crit.feasible_at_zero_load:
        return out
    k = np.arange(1, k_max + 1, dtype=np.float64)
    hi = crit.max_rate(k)
    f_hi = crit.excess(k, hi)
    done = f_hi <= 0
    lo = np.zeros_like(hi)
    # excess at lam -> 0+: the no-wait tail minus (1 - q) (or -slo): negative when feasible
    f_lo = crit.excess(k, np.full_like(hi, 1e-300))
    result = np.where(done, hi, 0.0)
    active = ~done
    side = np.zeros(hi.shape, dtype=np.int8)
    for _ in range(200):
        if not active.any():
            break
        ia = np.flatnonzero(active)
        a_lo, a_hi, fl, fh = lo[ia], hi[ia], f_lo[ia], f_hi[ia]
        # Illinois step, guarded to stay inside the bracket; fall back to bisection when the
        # upper value is infinite (unstable end)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            x = a_hi - fh * (a_hi - a_lo) / (fh - fl)
        bad = ~np.isfinite(x) | (x <= a_lo) | (x >= a_hi)
        x = np.where(bad, 0.5 * (a_lo + a_hi), x)
        # keep at least a 1 % step from each end to guarantee shrinkage
        width = a_hi - a_lo
        x = np.clip(x, a_lo + 0.01 * width, a_hi - 0.01 * width)
        fx = crit.excess(k[ia], x)
        feas = fx <= 0
        # update bracket
        new_lo = np.where(feas, x, a_lo)
        new_hi = np.where(feas, a_hi, x)
        new_fl = np.where(feas, fx, fl)
        new_fh = np.where(feas, fh, fx)
        s = side[ia]
        # Illinois: halve the retained end's value when the same end is kept twice
        keep_hi = feas  # x replaced lo, hi retained
        new_fh = np.where(keep_hi & (s == 1), new_fh * 0.5, new_fh)
        new_fl = np.where(~keep_hi & (s == -1), new_fl * 0.5, new_fl)
        side[ia] = np.where(keep_hi, 1, -1)
        lo[ia], hi[ia], f_lo[ia], f_hi[ia] = new_lo, new_hi, new_fl, new_fh
        conv = (hi[ia] - lo[ia]) <= rtol * hi[ia]
        active[ia[conv]] = False
    result = np.where(done, result, lo)
    out[1:] = np.maximum.accumulate(result)
    return out


__all__ = ["Criterion", "capacity_table", "min_replicas"]
