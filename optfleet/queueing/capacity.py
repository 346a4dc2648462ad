"""Pool criteria and capacity tables.

A *replica* has ``s`` servers (slots), per-server mean service time ``E[S]`` (``mu = 1/E[S]``)
and service-time SCV ``cs2``; ``k`` replicas form an M/G/c queue with ``c = k s`` servers.  A
:class:`Criterion` says when such a pool meets its latency objective at arrival rate ``lam``.
Both methods have the same shape, ``C(c, lam/mu) L(theta) <= eps`` with ``theta = (c mu - lam)
/ f``:

``method="ttft-tail"`` (default)
    ``P(W + X > slo) <= 1 - q`` — the ``q``-quantile of TTFT (wait ``W`` + prefill ``X``) is
    within the SLO.  With the M/G/c wait model of :mod:`optfleet.queueing.mgc`,
    ``P(W + X > slo) = P(X > slo) + C E[exp(-theta (slo - X)); X <= slo]``, so
    ``eps = 1 - q - P(X > slo)``, ``L(theta) = E[exp(-theta (slo - X)); X <= slo]`` and ``f`` the
    Allen–Cunneen/Cosmetatos factor.  Checking the tail *at* ``t = slo`` avoids an inner
    quantile search.  If ``eps < 0`` no number of replicas works (:class:`InfeasibleError`).
``method="fleet-sim"``
    the reference planner's ``P99 wait <= slo``, i.e. ``C exp(-theta slo) <= 0.01`` with
    ``f = (1 + max(cs2, 0.01)) / 2`` — algebraically identical to
    :func:`optfleet.queueing.mgc.fleet_sim_p99_wait_s` ``<= slo``.

Both also require ``lam <= util_cap * c * mu`` (and ``lam < c mu`` strictly), and, with
``headroom_replicas = h > 0``, ``lam <= (k - h) s mu``: at least ``h`` replicas above the
offered load (the reference planner starts its search at ``ceil(lam / (s mu)) + 1``).

Prefill distribution.  ``L(theta)`` is evaluated, as a conservative upper bound, from a table
built once per criterion (:class:`optfleet.queueing.tail.GapTable`).

Capacity tables.  ``Lambda[k]`` is the largest rate ``k`` replicas serve within the criterion.
``G(lam) = ln C + ln L(theta) - ln eps`` is solved for all ``k`` at once by a safeguarded
Newton iteration (analytic derivative, bisection fallback inside a maintained bracket).  The
starting points come from solving ~50 geometrically spaced ``k`` first and interpolating
``ln(1 - rho*)`` in ``ln k`` (PCHIP), so most ``k`` need three evaluations of Erlang C.  Every
returned ``Lambda[k]`` was evaluated feasible, and lies within a relative ``rtol`` (``1e-9``) of
the boundary.  :func:`capacity_tables` builds many tables, optionally on several threads (the
special functions release the GIL).  Pool sizing (:func:`~optfleet.queueing.sizing.min_replicas`,
:func:`~optfleet.queueing.sizing.meets_slo`) is in :mod:`optfleet.queueing.sizing`.

Examples
--------
>>> from optfleet.queueing.capacity import Criterion, capacity_table
>>> crit = Criterion(servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0,
...                  method="ttft-tail", q=0.99, prefill_s=[0.0], prefill_prob=[1.0])
>>> table = capacity_table(8, crit)
>>> bool(table[6] < 5.0 <= table[7])
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.queueing.erlang import erlang_b_c
from optfleet.queueing.mgc import SCV_FLOOR, mgc_factor
from optfleet.queueing.tail import GapTable
from optfleet.queueing.validation import check_prefill

FloatArray = NDArray[np.float64]
Method = Literal["ttft-tail", "fleet-sim"]

#: Stability margin: even with ``util_cap = 1`` a pool must have ``lam < c mu``.
STABILITY_CAP = 1.0 - 1e-9


@dataclass(frozen=True)
class Criterion:
    """When does a pool of ``k`` replicas meet its objective at a rate?  (See the module docstring.)

    Parameters
    ----------
    servers_per_replica : int
        Servers (slots) per replica, ``s >= 1``.
    mean_service_s : float
        Per-server mean service time ``E[S] > 0`` (``mu = 1 / E[S]``).
    scv : float
        Squared coefficient of variation of the service time, ``>= 0``.
    slo_s : float
        The latency objective: TTFT (``ttft-tail``) or P99 wait (``fleet-sim``), ``> 0``.
    method : {"ttft-tail", "fleet-sim"}
    util_cap : float
        Require ``lam <= util_cap * c * mu``; in ``(0, 1]``.
    q : float
        TTFT quantile (``ttft-tail`` only; ``fleet-sim`` is always P99).
    prefill_s, prefill_prob : array-like, optional
        Discrete prefill-time distribution (``ttft-tail``); default: prefill 0.
    max_prefill_points : int
        Distinct prefill values kept exactly; more are rounded up to a grid (conservative).
    headroom_replicas : int
        Require ``lam <= (k - headroom_replicas) s mu`` (``>= 0``; 0 disables).

    Examples
    --------
    >>> crit = Criterion(servers_per_replica=4, mean_service_s=2.0, scv=0.5, slo_s=1.0,
    ...                  prefill_s=[0.1, 0.3], prefill_prob=[0.5, 0.5])
    >>> bool(crit.meets(3, 3.7)), bool(crit.meets(3, 3.8))
    (True, False)
    """

    servers_per_replica: int
    mean_service_s: float
    scv: float
    slo_s: float
    method: Method = "ttft-tail"
    util_cap: float = 1.0
    q: float = 0.99
    prefill_s: ArrayLike | None = field(default=None, compare=False)
    prefill_prob: ArrayLike | None = field(default=None, compare=False)
    max_prefill_points: int = 4096
    headroom_replicas: int = 0
    _above: float = field(init=False, repr=False, compare=False)
    _log_eps: float = field(init=False, repr=False, compare=False)
    _gaps: GapTable | None = field(init=False, repr=False, compare=False)  # None: fleet-sim

    def __post_init__(self) -> None:
        s = self.servers_per_replica
        if isinstance(s, bool) or not isinstance(s, int | np.integer) or s < 1:
            raise InputError(f"servers_per_replica must be an integer >= 1, got {s!r}")
        for name in ("mean_service_s", "slo_s"):
            v = getattr(self, name)
            if not (
                isinstance(v, int | float | np.integer | np.floating) and math.isfinite(v) and v > 0
            ):
                raise InputError(f"{name} must be a finite positive number, got {v!r}")
        if not (math.isfinite(self.scv) and self.scv >= 0):
            raise InputError(f"scv must be a finite non-negative number, got {self.scv!r}")
        if not (0 < self.util_cap <= 1):
            raise InputError(f"util_cap must be in (0, 1], got {self.util_cap!r}")
        if not (0 < self.q < 1):
            raise InputError(f"q must be in (0, 1), got {self.q!r}")
        if self.method not in ("ttft-tail", "fleet-sim"):
            raise InputError(f"unknown method {self.method!r}; known: ttft-tail, fleet-sim")
        m = self.max_prefill_points
        if isinstance(m, bool) or not isinstance(m, int | np.integer) or m < 1:
            raise InputError(f"max_prefill_points must be an integer >= 1, got {m!r}")
        h = self.headroom_replicas
        if isinstance(h, bool) or not isinstance(h, int | np.integer) or h < 0:
            raise InputError(f"headroom_replicas must be an integer >= 0, got {h!r}")
        object.__setattr__(self, "headroom_replicas", int(h))
        object.__setattr__(self, "servers_per_replica", int(s))
        slo = float(self.slo_s)
        gaps = None
        if self.method == "fleet-sim":
            above, eps = 0.0, 0.01
        else:
            if self.prefill_s is None or self.prefill_prob is None:
                x, p = np.zeros(1), np.ones(1)
            else:
                x, p = check_prefill(self.prefill_s, self.prefill_prob)
            above = float(p[x > slo].sum())
            eps = (1.0 - self.q) - above
            gaps = GapTable.from_prefill(slo, x, p, m)
        object.__setattr__(self, "_above", above)
        object.__setattr__(self, "_log_eps", math.log(eps) if eps > 1e-15 else -math.inf)
        object.__setattr__(self, "_gaps", gaps)

    @property
    def mu_per_s(self) -> float:
        """Per-server service rate ``1 / E[S]``."""
        return 1.0 / float(self.mean_service_s)

    @property
    def prefill_tail(self) -> float:
        """``P(prefill > slo)`` (0 for ``fleet-sim``)."""
        return self._above

    @property
    def feasible_at_zero_load(self) -> bool:
        """Whether the objective can be met at all (prefill alone within the SLO tail)."""
        return self._log_eps > -math.inf

    def max_rate(self, k: ArrayLike) -> FloatArray:
        """Rate ceiling of ``k`` replicas from stability, the utilisation cap and the headroom."""
        kk = np.asarray(k, dtype=np.float64)
        per = self.servers_per_replica * self.mu_per_s
        top = kk * per * min(self.util_cap, STABILITY_CAP)
        if self.headroom_replicas:
            top = np.minimum(top, np.maximum(kk - self.headroom_replicas, 0.0) * per)
        return top

    def _log_l(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``(ln L(theta), d ln L / d theta)``; an upper bound on ``L`` (:mod:`.tail`)."""
        if self._gaps is None:  # fleet-sim: L(theta) = exp(-theta slo)
            return -theta * float(self.slo_s), np.full(theta.shape, -float(self.slo_s))
        return self._gaps.log_l(theta)

    def _g(self, k: FloatArray, lam: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``(G, dG/dlam)``: ``G <= 0`` iff the objective (not the cap) is met; no checks."""
        c = k * self.servers_per_replica
        mu = self.mu_per_s
        gap = c * mu - lam
        ok = (gap > 0) & (lam > 0) & (c >= 1)
        cs = np.where(ok, c, 1.0)
        a = np.where(ok, lam / mu, 0.5)
        rho = a / cs
        with np.errstate(all="ignore"):
            b, cc = erlang_b_c(cs, a)
            log_c = np.log(cc)
            dlog_b = cs / a - 1.0 + b
            d = (1.0 - rho) + rho * b
            dd = (b - 1.0) / cs + rho * b * dlog_b
            dlog_c = (dlog_b - dd / d) / mu
            if self.method == "fleet-sim":
                f = np.full(c.shape, 0.5 * (1.0 + max(self.scv, SCV_FLOOR)))
                df = np.zeros(c.shape)
            else:
                f, df = mgc_factor(cs, rho, self.scv)
            gp = np.where(ok, gap, 1.0)
            theta = gp / f
            dtheta = -1.0 / f - gp * df / (f * f * cs * mu)
            log_l, dlog_l = self._log_l(theta)
            g = log_c + log_l - self._log_eps
            dg = dlog_c + dlog_l * dtheta
        g = np.where(ok, g, np.where(lam <= 0, -np.inf, np.inf))
        return g, np.where(ok, dg, 0.0)

    def excess(self, k: ArrayLike, lam: ArrayLike) -> FloatArray:
        """``ln(C L(theta) / eps)``: ``<= 0`` where ``k`` replicas meet the objective at ``lam``.

        The utilisation cap is not included (see :meth:`meets`).
        """
        kk, ll = np.broadcast_arrays(
            np.asarray(k, dtype=np.float64), np.asarray(lam, dtype=np.float64)
        )
        shape = kk.shape
        return self._g(kk.ravel(), ll.ravel())[0].reshape(shape)

    def meets(self, k: ArrayLike, lam: ArrayLike) -> NDArray[np.bool_]:
        """Whether ``k`` replicas meet the objective and the cap at ``lam`` (no input checks)."""
        kk, ll = np.broadcast_arrays(
            np.asarray(k, dtype=np.float64), np.asarray(lam, dtype=np.float64)
        )
        ok = (ll <= self.max_rate(kk)) & (self.excess(kk, ll) <= 0)
        return (ll <= 0) | ok

    def _solve(self, k: FloatArray, x0: FloatArray, rtol: float, max_iter: int = 200) -> FloatArray:
        """Largest feasible rate for each ``k`` (safeguarded Newton; see the module docstring)."""
        cap = self.max_rate(k)
        lo = np.zeros_like(cap)
        hi = cap.copy()
        bad = np.zeros(cap.shape, dtype=bool)  # hi known infeasible
        x = np.clip(np.where(np.isfinite(x0), x0, 0.5 * cap), 1e-12 * cap, cap)
        res = np.zeros_like(cap)
        act = np.flatnonzero(cap > 0)
        for _ in range(max_iter):
            if act.size == 0:
                break
            xx = x[act]
            g, dg = self._g(k[act], xx)
            feas = g <= 0
            lo_a = np.where(feas, xx, lo[act])
            hi_a = np.where(feas, hi[act], xx)
            bad_a = bad[act] | ~feas
            with np.errstate(all="ignore"):
                step = -g / dg
                newton = xx + step
            small = np.abs(step) <= 0.5 * rtol * xx
            done = (
                (feas & (xx >= cap[act])) | (feas & small) | (bad_a & (hi_a - lo_a <= rtol * hi_a))
            )
            res[act[done]] = lo_a[done]
            near = np.abs(step) <= 1e-6 * xx
            nxt = np.where(near, newton * (1.0 - 0.25 * rtol), newton)
            fin = np.isfinite(nxt)
            inside = fin & (nxt > lo_a) & (nxt < hi_a)
            # outside the bracket: try the cap while it is unverified, else bisect
            nxt = np.where(inside, nxt, np.where(bad_a, 0.5 * (lo_a + hi_a), hi_a))
            lo[act], hi[act], bad[act], x[act] = lo_a, hi_a, bad_a, nxt
            act = act[~done]
        res[act] = lo[act]
        return res

    def _table_raw(self, k_max: int, rtol: float) -> FloatArray:
        """``Lambda[1..k_max]`` before the monotone envelope.

        One vectorised evaluation at the utilisation cap first: every ``k`` that meets the
        objective there gets ``Lambda[k] = cap`` (with real pools — hundreds of slots per
        replica, ``util_cap`` 0.95 — that is all but the first few dozen counts); only
        ``1..m``, ``m`` the largest count that misses it, are solved.
        """
        if k_max == 0 or not self.feasible_at_zero_load:
            return np.zeros(k_max)
        k = np.arange(1, k_max + 1, dtype=np.float64)
        top = self.max_rate(k)
        at_cap = self._g(k, top)[0] <= 0
        if at_cap.all():
            return top
        m = int(np.flatnonzero(~at_cap)[-1]) + 1
        out = top.copy()
        out[:m] = np.where(at_cap[:m], top[:m], self._solve_first(m, rtol))
        return out

    def _solve_first(self, k_max: int, rtol: float) -> FloatArray:
        """``Lambda[1..k_max]`` by the safeguarded Newton iteration (module docstring)."""
        k = np.arange(1, k_max + 1, dtype=np.float64)
        cmu = k * self.servers_per_replica * self.mu_per_s
        if k_max <= 64:
            return self._solve(k, 0.5 * self.max_rate(k), rtol)
        ks = np.unique(
            np.concatenate((np.arange(1, 9), np.rint(np.geomspace(1, k_max, 48))))
        ).astype(np.float64)
        from scipy.interpolate import PchipInterpolator  # imported where used (slow import)

        sub = self._solve(ks, 0.5 * self.max_rate(ks), rtol)
        rho = np.clip(sub / (ks * self.servers_per_replica * self.mu_per_s), 0.0, 1.0 - 1e-15)
        y = PchipInterpolator(np.log(ks), np.log1p(-rho))(np.log(k))
        return self._solve(k, -np.expm1(y) * cmu, rtol)


def as_criterion(
    crit: Criterion | None,
    servers_per_replica: int | None,
    mean_service_s: float | None,
    scv: float | None,
    slo_s: float | None,
    **kw: object,
) -> Criterion:
    """``crit`` itself if given (it must be a :class:`Criterion`), else one built from the fields
    and ``kw`` (the keyword form of :func:`capacity_table` and :mod:`optfleet.queueing.sizing`)."""
    if crit is not None:
        if not isinstance(crit, Criterion):
            raise InputError(f"criterion must be a Criterion, got {type(crit).__name__}")
        return crit
    if None in (servers_per_replica, mean_service_s, scv, slo_s):
        raise InputError("give a Criterion or servers_per_replica, mean_service_s, scv and slo_s")
    return Criterion(
        servers_per_replica=servers_per_replica,  # type: ignore[arg-type]
        mean_service_s=mean_service_s,  # type: ignore[arg-type]
        scv=scv,  # type: ignore[arg-type]
        slo_s=slo_s,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def _check_k_max(k_max: int) -> int:
    if isinstance(k_max, bool) or not isinstance(k_max, int | np.integer) or k_max < 0:
        raise InputError(f"k_max must be an integer >= 0, got {k_max!r}")
    return int(k_max)


def _check_rtol(rtol: float) -> float:
    if not (math.isfinite(rtol) and 1e-14 <= rtol < 0.1):
        raise InputError(f"rtol must be in [1e-14, 0.1), got {rtol!r}")
    return float(rtol)


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
    """``Lambda[0..k_max]``: the largest rate (req/s) ``k`` replicas serve within the criterion.

    ``Lambda[0] = 0``; non-decreasing in ``k``; every ``Lambda[k]`` is itself feasible
    (``meets(k, Lambda[k])``) and within ``rtol`` (relative) of the largest feasible rate.  All
    zeros if the prefill alone breaks the SLO.

    Examples
    --------
    >>> t = capacity_table(3, servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0)
    >>> t.round(4).tolist()
    [0.0, 0.0649, 0.6354, 1.4534]
    """
    crit = as_criterion(criterion, servers_per_replica, mean_service_s, scv, slo_s, **kw)
    k_max = _check_k_max(k_max)
    out = np.zeros(k_max + 1)
    out[1:] = np.maximum.accumulate(crit._table_raw(k_max, _check_rtol(rtol)))
    return out


def capacity_tables(
    k_max: int, criteria: Sequence[Criterion], *, rtol: float = 1e-9, workers: int = 1
) -> FloatArray:
    """Capacity tables of many pools at once: row ``i`` is ``capacity_table(k_max, criteria[i])``.

    ``workers > 1`` builds them on that many threads (the heavy lifting is in numpy/scipy
    kernels that release the GIL).

    Examples
    --------
    >>> crits = [Criterion(servers_per_replica=s, mean_service_s=1.0, scv=1.0, slo_s=2.0)
    ...          for s in (1, 2)]
    >>> capacity_tables(2, crits).shape
    (2, 3)
    """
    k_max = _check_k_max(k_max)
    rtol = _check_rtol(rtol)
    crits = list(criteria)
    for c in crits:
        if not isinstance(c, Criterion):
            raise InputError(f"criteria must be Criterion objects, got {type(c).__name__}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InputError(f"workers must be an integer >= 1, got {workers!r}")
    out = np.zeros((len(crits), k_max + 1))

    def one(i: int) -> None:
        out[i, 1:] = np.maximum.accumulate(crits[i]._table_raw(k_max, rtol))

    if workers == 1 or len(crits) <= 1:
        for i in range(len(crits)):
            one(i)
    else:
        with ThreadPoolExecutor(max_workers=workers) as ex:
            list(ex.map(one, range(len(crits))))
    return out


__all__ = ["STABILITY_CAP", "Criterion", "as_criterion", "capacity_table", "capacity_tables"]
