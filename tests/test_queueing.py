"""Tests of optfleet.queueing: exact Erlang oracles, mpmath references, M/G/c facts, sizing."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import poisson

from optfleet.errors import InfeasibleError, InputError
from optfleet.queueing import (
    Criterion,
    capacity_table,
    capacity_tables,
    erlang_b,
    erlang_c,
    fleet_sim_p99_wait_s,
    meets_slo,
    mgc_mean_wait_s,
    mgc_wait_quantile_s,
    mgc_wait_tail,
    min_replicas,
    mmc_mean_wait_s,
    mmc_prob_wait,
    mmc_wait_quantile_s,
    mmc_wait_tail,
    ttft_quantile_s,
    ttft_tail_prob,
)

# ---------------------------------------------------------------------------------------------
# Erlang B / C
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("c", "a", "expected", "tol"),
    [
        (1, 0.3, 0.3, 1e-15),
        (1, 0.97, 0.97, 1e-15),
        (2, 1.0, 1 / 3, 1e-15),
        (14, 10.0, 0.1741319336, 1e-10),
        (15, 10.0, 0.1020, 5e-5),
        (10, 8.0, 0.409180, 5e-7),
        (100, 90.0, 0.216940, 5e-7),
    ],
)
def test_erlang_c_oracles(c: int, a: float, expected: float, tol: float) -> None:
    assert abs(float(erlang_c(c, a)) - expected) <= tol


def test_mm3_textbook_example() -> None:
    lam, mu = 0.1, 0.05
    wq = float(mmc_mean_wait_s(3, lam, mu))
    assert round(lam * wq, 3) == 0.889
    assert abs(wq + 1 / mu - 28.88) < 0.01
    assert float(mmc_prob_wait(3, lam, mu)) == pytest.approx(float(erlang_c(3, 2.0)), rel=1e-15)


def _mp_erlang(c: int, a: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    with mpmath.workdps(40):
        cm, am = mpmath.mpf(c), mpmath.mpf(a)
        log_pmf = cm * mpmath.log(am) - am - mpmath.loggamma(cm + 1)
        b = mpmath.exp(log_pmf) / mpmath.gammainc(cm + 1, am, mpmath.inf, regularized=True)
        rho = am / cm
        return b, b / (1 - rho + rho * b)


@pytest.mark.parametrize("c", [1, 10, 1000, 10**5, 10**6])
@pytest.mark.parametrize("rho", [0.5, 0.9, 0.999])
def test_erlang_matches_mpmath(c: int, rho: float) -> None:
    a = c * rho
    b_ref, c_ref = (float(v) for v in _mp_erlang(c, a))
    for got, ref in ((float(erlang_b(c, a)), b_ref), (float(erlang_c(c, a)), c_ref)):
        assert abs(got - ref) <= 1e-9
        if ref > 1e-200:
            assert abs(got - ref) <= 1e-9 * ref


def test_erlang_vectorised_broadcast_and_unstable() -> None:
    c = np.array([[1], [10], [1000]])
    a = np.array([0.5, 5.0, 2000.0])
    out = erlang_c(c, a)
    assert out.shape == (3, 3)
    for i in range(3):
        for j in range(3):
            assert out[i, j] == pytest.approx(float(erlang_c(int(c[i, 0]), float(a[j]))), rel=1e-14)
    assert out[0, 1] == 1.0 and out[1, 2] == 1.0  # a >= c
    assert float(erlang_c(5, 0.0)) == 0.0
    assert 0 < float(erlang_b(3, 1e6)) <= 1.0


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5000), st.floats(0.01, 0.999))
def test_erlang_c_properties(c: int, rho: float) -> None:
    a = c * rho
    val = float(erlang_c(c, a))
    assert 0.0 <= val <= 1.0
    assert float(erlang_c(c + 1, a)) <= val  # more servers, less waiting
    assert float(erlang_c(c, min(a * 1.01, c * 0.9999))) >= val  # more load, more waiting
    assert float(erlang_b(c, a)) <= val + 1e-15  # B <= C


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 2000), st.floats(0.05, 0.995), st.floats(0.5, 0.9999))
def test_mmc_quantile_consistent_with_tail(c: int, rho: float, q: float) -> None:
    mu = 0.5
    lam = rho * c * mu
    t = float(mmc_wait_quantile_s(q, c, lam, mu))
    if t > 0:
        assert float(mmc_wait_tail(t, c, lam, mu)) == pytest.approx(1 - q, rel=1e-9)
    else:
        assert float(mmc_wait_tail(0.0, c, lam, mu)) <= 1 - q + 1e-15
    assert float(mmc_wait_tail(-1.0, c, lam, mu)) == 1.0


# ---------------------------------------------------------------------------------------------
# M/G/c
# ---------------------------------------------------------------------------------------------


def _md_c_mean_wait(c: int, rho: float, nmax: int = 500) -> float:
    """Exact M/D/c mean wait (D = 1): N(t + D) = max(N(t) - c, 0) + Poisson(c rho) arrivals."""
    a = c * rho
    pa = poisson.pmf(np.arange(nmax + 1), a)
    p = np.zeros((nmax + 1, nmax + 1))
    for n in range(nmax + 1):
        base = max(n - c, 0)
        p[n, base:] = pa[: nmax + 1 - base]
        p[n, -1] += 1 - p[n].sum()
    m = p.T - np.eye(nmax + 1)
    m[-1, :] = 1.0
    rhs = np.zeros(nmax + 1)
    rhs[-1] = 1.0
    pi = np.linalg.solve(m, rhs)
    return float((pi @ np.arange(nmax + 1) - a) / a)


def test_md1_pollaczek_khinchine_exact() -> None:
    # M/D/1 at rho 0.75: E[Wq] = rho / (2 (1 - rho)) E[S] = 1.5 E[S]
    for es in (1.0, 2.5):
        assert float(mgc_mean_wait_s(1, 0.75 / es, 1 / es, 0.0)) == pytest.approx(
            1.5 * es, rel=1e-14
        )
    assert _md_c_mean_wait(1, 0.75) == pytest.approx(1.5, rel=1e-6)  # the oracle itself


@settings(max_examples=40, deadline=None)
@given(st.floats(0.01, 0.99), st.floats(0.0, 5.0))
def test_mg1_is_pollaczek_khinchine(rho: float, scv: float) -> None:
    es = 2.0
    pk = rho / (1 - rho) * (1 + scv) / 2 * es
    assert float(mgc_mean_wait_s(1, rho / es, 1 / es, scv)) == pytest.approx(pk, rel=1e-12)


def test_allen_cunneen_and_cosmetatos_against_exact_mdc() -> None:
    c = 8
    exact = _md_c_mean_wait(c, 0.75)
    ac = 0.5 * float(mmc_mean_wait_s(c, 0.75 * c, 1.0))
    assert -0.10 < ac / exact - 1 < -0.06  # Allen-Cunneen ~ -8 % for deterministic service
    for rho in (0.5, 0.7, 0.8, 0.9, 0.95):
        exact = _md_c_mean_wait(c, rho)
        assert float(mgc_mean_wait_s(c, rho * c, 1.0, 0.0)) == pytest.approx(exact, rel=0.015)


def test_mgc_is_mmc_for_exponential_service_and_cap_keeps_md_below_mm() -> None:
    c, lam, mu = np.array([1, 5, 200]), np.array([0.5, 4.0, 190.0]), 1.0
    np.testing.assert_allclose(
        mgc_mean_wait_s(c, lam, mu, 1.0), mmc_mean_wait_s(c, lam, mu), rtol=1e-14
    )
    np.testing.assert_allclose(
        mgc_wait_tail(0.3, c, lam, mu, 1.0), mmc_wait_tail(0.3, c, lam, mu), rtol=1e-14
    )
    rho = np.linspace(0.01, 0.99, 50)
    for cc in (2, 64, 10_000):
        md = mgc_mean_wait_s(cc, rho * cc, 1.0, 0.0)
        assert np.all(md <= mmc_mean_wait_s(cc, rho * cc, 1.0) * (1 + 1e-12))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 500), st.floats(0.05, 0.99), st.floats(0.0, 4.0), st.floats(0.5, 0.999))
def test_mgc_tail_mean_and_quantile(c: int, rho: float, scv: float, q: float) -> None:
    mu = 1.0
    lam = rho * c
    mean = float(mgc_mean_wait_s(c, lam, mu, scv))
    # the exponential tail has the right mean: int_0^inf C exp(-C t / m) dt = m
    cw = float(erlang_c(c, lam))
    if mean > 1e-9 and cw > 1e-9:
        t = np.linspace(0, 50 * mean / cw, 100_001)
        tail = mgc_wait_tail(t, c, lam, mu, scv)
        assert float(np.trapezoid(tail, t)) == pytest.approx(mean, rel=1e-3)
    assert float(mgc_wait_tail(0.0, c, lam, mu, scv)) == pytest.approx(
        float(erlang_c(c, lam)), rel=1e-14
    )
    w = float(mgc_wait_quantile_s(q, c, lam, mu, scv))
    if w > 0:
        assert float(mgc_wait_tail(w, c, lam, mu, scv)) == pytest.approx(1 - q, rel=1e-9)


def test_fleet_sim_formula_hand_checked() -> None:
    # c = 14, lam = 10, mu = 1: C = 0.1741319336; scv 0.5 -> ln(17.41319336) / (2 * 4 / 1.5)
    expected = math.log(0.1741319336 / 0.01) / (2 * 4.0 / 1.5)
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 0.5)) == pytest.approx(expected, rel=1e-9)
    # scv floored at 0.01
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 0.0)) == pytest.approx(
        math.log(17.41319336) / (2 * 4.0 / 1.01), rel=1e-9
    )
    assert float(fleet_sim_p99_wait_s(14, 1.0, 1.0, 1.0)) == 0.0  # C <= 0.01
    assert float(fleet_sim_p99_wait_s(14, 14.0, 1.0, 1.0)) == math.inf


def test_ttft_tail_and_quantile() -> None:
    x, p = np.array([0.1, 0.4, 3.0]), np.array([0.7, 0.295, 0.005])
    c, lam, mu, scv = 4, 3.0, 1.0, 0.5
    C = float(erlang_c(c, lam))
    t = 1.0
    by_hand = 0.005 + sum(
        pi * float(mgc_wait_tail(t - xi, c, lam, mu, scv))
        for xi, pi in zip(x[:2], p[:2], strict=True)
    )
    assert float(ttft_tail_prob(t, c, lam, mu, scv, x, p)) == pytest.approx(by_hand, rel=1e-13)
    assert by_hand < C + 0.005
    q99 = ttft_quantile_s(0.99, c, lam, mu, scv, x, p)
    assert float(ttft_tail_prob(q99, c, lam, mu, scv, x, p)) == pytest.approx(0.01, rel=1e-7)
    assert float(ttft_tail_prob(q99 * 0.999, c, lam, mu, scv, x, p)) > 0.01
    # quantile falling on the prefill atom beyond the wait
    light = 1.0
    assert float(ttft_tail_prob(3.0, c, light, mu, scv, x, p)) < 0.004
    assert ttft_quantile_s(0.996, c, light, mu, scv, x, p) == pytest.approx(3.0, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# Sizing and capacity tables
# ---------------------------------------------------------------------------------------------

_RNG = np.random.default_rng(12345)
_PX = 0.6 * _RNG.random(700) ** 2
_PP = _RNG.random(700)
_PP /= _PP.sum()


def _crit(slo: float = 2.0, method: str = "ttft-tail", **kw: object) -> Criterion:
    base: dict[str, object] = dict(
        servers_per_replica=32,
        mean_service_s=12.0,
        scv=0.6,
        slo_s=slo,
        method=method,
        prefill_s=_PX,
        prefill_prob=_PP,
    )
    base.update(kw)
    return Criterion(**base)  # type: ignore[arg-type]


def _exact_boundary(crit: Criterion, k: int) -> float:
    """Largest feasible rate by bisection on the exact (ungridded) public tail functions."""
    c, mu = k * crit.servers_per_replica, crit.mu_per_s
    cap = c * mu * min(crit.util_cap, 1 - 1e-9)

    def ok(lam: float) -> bool:
        if crit.method == "fleet-sim":
            return float(fleet_sim_p99_wait_s(c, lam, mu, crit.scv)) <= crit.slo_s
        return float(ttft_tail_prob(crit.slo_s, c, lam, mu, crit.scv, _PX, _PP)) <= 1 - crit.q

    if ok(cap):
        return cap
    lo, hi = 0.0, cap
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


@pytest.mark.parametrize("method", ["ttft-tail", "fleet-sim"])
@pytest.mark.parametrize("util_cap", [1.0, 0.85])
def test_capacity_table_against_exact_bisection(method: str, util_cap: float) -> None:
    crit = _crit(method=method, util_cap=util_cap, scv=0.3 if method == "fleet-sim" else 0.6)
    table = capacity_table(300, crit)
    assert table[0] == 0.0
    for k in (1, 2, 7, 40, 299, 300):
        ref = _exact_boundary(crit, k)
        assert table[k] <= ref * (1 + 1e-12)  # feasible side
        assert table[k] == pytest.approx(ref, rel=2e-9)
        assert bool(crit.meets(k, table[k]))


@pytest.mark.parametrize("method", ["ttft-tail", "fleet-sim"])
def test_capacity_table_raw_monotone_and_consistent_with_min_replicas(method: str) -> None:
    crit = _crit(method=method)
    raw = crit._table_raw(1500, 1e-9)
    assert np.all(np.diff(raw) >= -2e-9 * raw[1:])  # monotone without the envelope
    table = capacity_table(1500, crit)
    np.testing.assert_allclose(table[1:], raw, rtol=2e-9)
    for k in (1, 3, 10, 77, 500, 1499):
        assert min_replicas(table[k] * (1 - 1e-6), crit) <= k
        assert min_replicas(table[k] * (1 + 1e-6), crit) > k


def test_capacity_tables_batch_matches_single() -> None:
    crits = [_crit(), _crit(slo=1.0, scv=2.0), _crit(method="fleet-sim", servers_per_replica=7)]
    batch = capacity_tables(400, crits)
    threaded = capacity_tables(400, crits, workers=2)
    for i, c in enumerate(crits):
        np.testing.assert_array_equal(batch[i], capacity_table(400, c))
    np.testing.assert_array_equal(batch, threaded)


@settings(max_examples=25, deadline=None)
@given(st.floats(0.01, 500.0), st.floats(1.0001, 3.0), st.floats(0.7, 5.0), st.floats(0.5, 0.95))
def test_min_replicas_monotone_in_load_and_slo(
    lam: float, more: float, slo: float, tighter: float
) -> None:
    crit = _crit(slo=slo)
    n = min_replicas(lam, crit)
    assert n >= 1 and bool(crit.meets(n, lam)) and not bool(crit.meets(n - 1, lam))
    assert min_replicas(lam * more, crit) >= n
    tight = _crit(slo=max(slo * tighter, 0.61))
    assert min_replicas(lam, tight) >= n


def test_min_replicas_hand_example_and_zero_load() -> None:
    # M/M/1 servers, no prefill: P(W > 2) = C exp(-(k - 5) 2) <= 0.01
    crit = Criterion(servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=2.0)
    n = min_replicas(5.0, crit)
    assert n == 7
    assert float(mmc_wait_tail(2.0, 7, 5.0, 1.0)) <= 0.01 < float(mmc_wait_tail(2.0, 6, 5.0, 1.0))
    assert min_replicas(0.0, crit) == 0
    assert list(meets_slo([0, 6, 7], 5.0, crit)) == [False, False, True]


def test_infeasible_slo_raises_before_searching() -> None:
    x, p = np.array([0.5, 3.0]), np.array([0.98, 0.02])  # 2 % of prefills exceed a 2 s SLO
    crit = Criterion(
        servers_per_replica=8, mean_service_s=5.0, scv=1.0, slo_s=2.0, prefill_s=x, prefill_prob=p
    )
    assert not crit.feasible_at_zero_load
    with pytest.raises(InfeasibleError, match="prefill"):
        min_replicas(1.0, crit, k_max=10**12)
    assert np.all(capacity_table(50, crit) == 0.0)
    ok = Criterion(
        servers_per_replica=8,
        mean_service_s=5.0,
        scv=1.0,
        slo_s=2.0,
        q=0.95,
        prefill_s=x,
        prefill_prob=p,
    )
    assert min_replicas(1.0, ok) >= 1
    with pytest.raises(InfeasibleError, match="more than"):
        min_replicas(1e6, ok, k_max=10)


def test_gridded_prefill_is_conservative_and_close() -> None:
    x = np.linspace(0.0, 1.5, 20_000)
    p = np.exp(-x)
    exact = Criterion(
        servers_per_replica=16,
        mean_service_s=10.0,
        scv=0.5,
        slo_s=2.0,
        prefill_s=x,
        prefill_prob=p,
        max_prefill_points=10**6,
    )
    grid = Criterion(
        servers_per_replica=16,
        mean_service_s=10.0,
        scv=0.5,
        slo_s=2.0,
        prefill_s=x,
        prefill_prob=p,
        max_prefill_points=2048,
    )
    te, tg = capacity_table(200, exact), capacity_table(200, grid)
    assert np.all(tg <= te * (1 + 1e-12))
    np.testing.assert_allclose(tg, te, rtol=1e-4)


@pytest.mark.parametrize(
    "call",
    [
        lambda: erlang_c(0, 1.0),
        lambda: erlang_c(2.5, 1.0),
        lambda: erlang_c(3, float("nan")),
        lambda: erlang_b(3, -1.0),
        lambda: mmc_mean_wait_s(3, 1.0, 0.0),
        lambda: mmc_wait_tail(float("nan"), 3, 1.0, 1.0),
        lambda: mmc_wait_quantile_s(1.0, 3, 1.0, 1.0),
        lambda: mgc_mean_wait_s(3, 1.0, 1.0, -0.5),
        lambda: ttft_tail_prob(1.0, 3, 1.0, 1.0, 1.0, [0.1, -0.2], [0.5, 0.5]),
        lambda: ttft_tail_prob(1.0, 3, 1.0, 1.0, 1.0, [0.1], [0.5, 0.5]),
        lambda: Criterion(servers_per_replica=0, mean_service_s=1.0, scv=1.0, slo_s=1.0),
        lambda: Criterion(servers_per_replica=2, mean_service_s=float("nan"), scv=1.0, slo_s=1.0),
        lambda: Criterion(
            servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0, util_cap=1.5
        ),
        lambda: Criterion(
            servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0, method="magic"
        ),
        lambda: min_replicas(
            float("nan"), servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0
        ),
        lambda: min_replicas(-1.0, servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0),
        lambda: capacity_table(-1, servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0),
        lambda: meets_slo(
            1, float("nan"), servers_per_replica=2, mean_service_s=1.0, scv=1.0, slo_s=1.0
        ),
    ],
)
def test_bad_input_raises_input_error(call: object) -> None:
    with pytest.raises(InputError):
        call()  # type: ignore[operator]


def test_binom_sf_equals_scipy_stats():
    """The planner's binomial tail (on scipy.special, light to import) is scipy.stats's."""
    from scipy.stats import binom

    from optfleet.queueing.binomial import binom_sf

    rng = np.random.default_rng(0)
    n = rng.integers(1, 3000, 5000)
    k = np.floor(rng.uniform(-0.1, 1.1, 5000) * n)
    p = rng.uniform(0, 1, 5000)
    p[:20], p[20:40] = 0.0, 1.0
    np.testing.assert_allclose(binom_sf(k, n, p), binom.sf(k, n, p), rtol=1e-9, atol=1e-12)
    assert np.isnan(binom_sf(1, 3, np.nan)) and binom_sf(-1, 3, 0.5) == 1.0
