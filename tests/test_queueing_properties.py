"""Tests of optfleet.queueing: exact oracles, an mpmath reference, properties, capacity tables."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from optfleet.errors import InfeasibleError, InputError
from optfleet.queueing import (
    Criterion,
    capacity_table,
    erlang_b,
    erlang_c,
    fleet_sim_p99_wait_s,
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

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------------------
# Erlang B / C and M/M/c: exact oracles
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("a", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_erlang_c_single_server_is_utilisation(a: float) -> None:
    assert float(erlang_c(1, a)) == pytest.approx(a, abs=1e-15)


def test_erlang_known_values() -> None:
    assert float(erlang_c(2, 1.0)) == pytest.approx(1 / 3, abs=1e-15)
    assert float(erlang_c(14, 10.0)) == pytest.approx(0.1741319336, abs=5e-11)
    assert round(float(erlang_c(15, 10.0)), 4) == 0.1020
    assert round(float(erlang_c(10, 8.0)), 6) == 0.409180
    assert round(float(erlang_c(100, 90.0)), 6) == 0.216940
    assert float(erlang_b(1, 1.0)) == pytest.approx(0.5, abs=1e-15)
    assert float(erlang_b(2, 1.0)) == pytest.approx(0.2, abs=1e-15)  # (1/2) / (1 + 1 + 1/2)


def test_mm3_textbook_example() -> None:
    # M/M/3, lam = 0.1/s, mu = 0.05/s: a = 2, C = 4/9, Wq = C / (c mu - lam) = 80/9 s
    wq = float(mmc_mean_wait_s(3, 0.1, 0.05))
    assert 0.1 * wq == pytest.approx(8 / 9, rel=1e-12)  # Lq = 0.889
    assert round(0.1 * wq, 3) == 0.889
    w = wq + 1 / 0.05  # sojourn 28.888... (28.88 truncated, 28.89 rounded)
    assert w == pytest.approx(260 / 9, rel=1e-12)
    assert math.floor(w * 100) / 100 == 28.88
    assert float(mmc_prob_wait(3, 0.1, 0.05)) == pytest.approx(4 / 9, rel=1e-12)


def _mp_erlang_c(c: int, a: float) -> float:
    """Erlang C from the Poisson pmf / cdf at 50 digits."""
    with mp.workdps(50):
        cm, am = mp.mpf(c), mp.mpf(a)
        pmf = mp.exp(cm * mp.log(am) - am - mp.loggamma(cm + 1))
        cdf = mp.gammainc(cm + 1, am, mp.inf, regularized=True)
        b = pmf / cdf
        return float(b / (1 - (am / cm) * (1 - b)))


@pytest.mark.parametrize("c", [1, 10, 1000, 10**5, 10**6])
@pytest.mark.parametrize("util", [0.5, 0.9, 0.999])
def test_erlang_c_matches_mpmath(c: int, util: float) -> None:
    a = c * util
    got = float(erlang_c(c, a))
    ref = _mp_erlang_c(c, a)
    assert math.isfinite(got)
    assert abs(got - ref) <= 1e-9
    if ref > 1e-300:
        assert got == pytest.approx(ref, rel=1e-10)


def test_erlang_vectorised_and_unstable() -> None:
    c = np.array([1, 5, 50, 5000])
    a = np.array([0.5, 4.0, 45.0, 4900.0])
    v = erlang_c(c, a)
    assert v.shape == (4,)
    assert np.allclose(
        v, [float(erlang_c(ci, ai)) for ci, ai in zip(c, a, strict=True)], rtol=1e-14
    )
    assert float(erlang_c(3, 3.0)) == 1.0 and float(erlang_c(3, 7.0)) == 1.0
    assert float(mmc_mean_wait_s(3, 3.0, 1.0)) == math.inf
    assert float(mmc_mean_wait_s(3, 4.0, 1.0)) == math.inf
    assert float(erlang_c(7, 0.0)) == 0.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: erlang_c(float("nan"), 1.0),
        lambda: erlang_c(3, float("nan")),
        lambda: erlang_c(0, 1.0),
        lambda: erlang_c(2.5, 1.0),
        lambda: erlang_b(3, -1.0),
        lambda: mmc_mean_wait_s(3, -0.1, 1.0),
        lambda: mmc_mean_wait_s(3, 0.1, 0.0),
        lambda: mmc_wait_quantile_s(1.0, 3, 1.0, 1.0),
        lambda: mmc_wait_quantile_s(0.0, 3, 1.0, 1.0),
        lambda: mgc_mean_wait_s(3, 1.0, 1.0, -0.5),
        lambda: mgc_wait_quantile_s(1.5, 3, 1.0, 1.0, 1.0),
        lambda: ttft_quantile_s(1.0, 3, 1.0, 1.0, 1.0, [0.1], [1.0]),
        lambda: ttft_tail_prob(0.5, 3, 1.0, 1.0, 1.0, [0.1, float("nan")], [0.5, 0.5]),
        lambda: ttft_tail_prob(0.5, 3, 1.0, 1.0, 1.0, [0.1, 0.2], [1.0]),
        lambda: fleet_sim_p99_wait_s(3, float("nan"), 1.0, 1.0),
    ],
)
def test_bad_inputs_raise_input_error(call) -> None:
    with pytest.raises(InputError):
        call()


@FAST
@given(c=st.integers(1, 2000), a=st.floats(0.0, 3000.0))
def test_erlang_c_is_a_probability(c: int, a: float) -> None:
    v = float(erlang_c(c, a))
    assert 0.0 <= v <= 1.0
    assert float(erlang_b(c, a)) <= v + 1e-15  # B <= C


@FAST
@given(c=st.integers(1, 500), extra=st.integers(1, 50), util=st.floats(0.01, 0.999))
def test_erlang_c_falls_with_servers(c: int, extra: int, util: float) -> None:
    a = c * util
    assert float(erlang_c(c + extra, a)) <= float(erlang_c(c, a)) * (1 + 1e-12)


@FAST
@given(c=st.integers(1, 500), u1=st.floats(0.01, 0.999), u2=st.floats(0.01, 0.999))
def test_erlang_c_rises_with_load(c: int, u1: float, u2: float) -> None:
    lo, hi = sorted((u1, u2))
    assert float(erlang_c(c, c * lo)) <= float(erlang_c(c, c * hi)) * (1 + 1e-12)


@FAST
@given(
    c=st.integers(1, 200),
    util=st.floats(0.05, 0.995),
    mu=st.floats(0.01, 100.0),
    q=st.floats(0.5, 0.9999),
)
def test_mmc_quantile_matches_tail(c: int, util: float, mu: float, q: float) -> None:
    lam = c * mu * util
    w = float(mmc_wait_quantile_s(q, c, lam, mu))
    C = float(mmc_prob_wait(c, lam, mu))
    if C > 1 - q:
        assert w > 0
        assert float(mmc_wait_tail(w, c, lam, mu)) == pytest.approx(1 - q, rel=1e-9)
    else:
        assert w == 0.0
    # the M/G/c model with scv = 1 is the M/M/c model
    assert float(mgc_wait_quantile_s(q, c, lam, mu, 1.0)) == pytest.approx(w, rel=1e-9, abs=1e-15)
    assert float(mgc_wait_tail(w, c, lam, mu, 1.0)) == pytest.approx(
        float(mmc_wait_tail(w, c, lam, mu)), rel=1e-9, abs=1e-300
    )


# --------------------------------------------------------------------------------------------
# M/G/c approximations
# --------------------------------------------------------------------------------------------


def test_md1_is_pollaczek_khinchine() -> None:
    for es in (0.2, 1.0, 7.0):
        mu = 1 / es
        assert float(mgc_mean_wait_s(1, 0.75 * mu, mu, 0.0)) == pytest.approx(1.5 * es, rel=1e-12)


@FAST
@given(util=st.floats(0.01, 0.99), es=st.floats(0.01, 100.0), scv=st.floats(0.0, 10.0))
def test_single_server_is_pollaczek_khinchine(util: float, es: float, scv: float) -> None:
    mu = 1 / es
    pk = util * es * (1 + scv) / (2 * (1 - util))
    assert float(mgc_mean_wait_s(1, util * mu, mu, scv)) == pytest.approx(pk, rel=1e-9)


@FAST
@given(c=st.integers(1, 300), util=st.floats(0.05, 0.99), scv=st.floats(1.0, 10.0))
def test_allen_cunneen_above_scv_one(c: int, util: float, scv: float) -> None:
    mm = float(mmc_mean_wait_s(c, c * util, 1.0))
    assert float(mgc_mean_wait_s(c, c * util, 1.0, scv)) == pytest.approx(
        0.5 * (1 + scv) * mm, rel=1e-12
    )


@FAST
@given(
    c=st.integers(1, 300),
    util=st.floats(0.05, 0.99),
    s1=st.floats(0.0, 1.0),
    s2=st.floats(0.0, 1.0),
)
def test_mgc_mean_wait_between_md_and_mm(c: int, util: float, s1: float, s2: float) -> None:
    lo, hi = sorted((s1, s2))
    mm = float(mmc_mean_wait_s(c, c * util, 1.0))
    w_lo = float(mgc_mean_wait_s(c, c * util, 1.0, lo))
    w_hi = float(mgc_mean_wait_s(c, c * util, 1.0, hi))
    assert 0 <= w_lo <= w_hi * (1 + 1e-12) <= mm * (1 + 1e-9)


def test_fleet_sim_p99_by_hand() -> None:
    C = 0.1741319336  # erlang_c(14, 10)
    # (1 + cv2) / (2 (c mu - lam)) with c mu - lam = 4
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 1.0)) == pytest.approx(
        math.log(C / 0.01) / 4, rel=1e-9
    )
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 3.0)) == pytest.approx(
        math.log(C / 0.01) / 2, rel=1e-9
    )
    # scv floored at 0.01
    want = math.log(C / 0.01) * 1.01 / 8
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 0.0)) == pytest.approx(want, rel=1e-9)
    # C <= 1 %: no wait at P99; unstable: inf
    assert float(fleet_sim_p99_wait_s(30, 10.0, 1.0, 1.0)) == 0.0
    assert float(fleet_sim_p99_wait_s(10, 10.0, 1.0, 1.0)) == math.inf
    # it is the M/M/c P99 wait with the decay rate scaled by 2 / (1 + cv2)
    assert float(fleet_sim_p99_wait_s(14, 10.0, 1.0, 1.0)) == pytest.approx(
        float(mmc_wait_quantile_s(0.99, 14, 10.0, 1.0)), rel=1e-9
    )


def test_ttft_tail_by_hand() -> None:
    c, lam, mu, scv = 4, 3.0, 1.0, 1.0
    C = float(erlang_c(c, lam / mu))
    theta = c * mu - lam  # M/M/c: decay rate c mu - lam
    x, p = [0.1, 0.4, 2.0], [0.5, 0.3, 0.2]
    t = 1.0
    want = 0.2 + C * (0.5 * math.exp(-theta * 0.9) + 0.3 * math.exp(-theta * 0.6))
    assert float(ttft_tail_prob(t, c, lam, mu, scv, x, p)) == pytest.approx(want, rel=1e-12)
    # an atom exactly at t counts as waiting > 0 (probability C)
    want0 = C * 1.0
    assert float(ttft_tail_prob(0.5, c, lam, mu, scv, [0.5], [1.0])) == pytest.approx(
        want0, rel=1e-12
    )


@FAST
@given(
    c=st.integers(1, 64),
    util=st.floats(0.05, 0.98),
    scv=st.floats(0.0, 4.0),
    q=st.floats(0.5, 0.999),
    xs=st.lists(st.floats(0.0, 3.0), min_size=1, max_size=6),
    data=st.data(),
)
def test_ttft_quantile_consistent_with_tail(c, util, scv, q, xs, data) -> None:
    ps = data.draw(st.lists(st.floats(0.01, 1.0), min_size=len(xs), max_size=len(xs)))
    lam = c * util
    tq = ttft_quantile_s(q, c, lam, 1.0, scv, xs, ps)
    assert math.isfinite(tq) and tq >= 0
    assert float(ttft_tail_prob(tq, c, lam, 1.0, scv, xs, ps)) <= (1 - q) * (1 + 1e-9) + 1e-15
    if tq > 1e-9:
        below = tq * (1 - 1e-6)
        assert float(ttft_tail_prob(below, c, lam, 1.0, scv, xs, ps)) > 1 - q
    # TTFT >= prefill: the quantile is at least the prefill quantile and the wait quantile
    assert tq >= float(mgc_wait_quantile_s(q, c, lam, 1.0, scv)) * (1 - 1e-9) - 1e-12


def test_ttft_quantile_unstable_is_inf() -> None:
    assert ttft_quantile_s(0.99, 2, 2.5, 1.0, 1.0, [0.1], [1.0]) == math.inf


# --------------------------------------------------------------------------------------------
# Capacity: Criterion, min_replicas, capacity_table
# --------------------------------------------------------------------------------------------


def _crit(
    method: str = "ttft-tail",
    s: int = 2,
    es: float = 1.0,
    scv: float = 1.0,
    slo: float = 2.0,
    q: float = 0.99,
    util_cap: float = 1.0,
    x: tuple[float, ...] = (0.1, 0.3),
    p: tuple[float, ...] = (0.7, 0.3),
) -> Criterion:
    kw: dict = {}
    if method == "ttft-tail":
        kw = {"q": q, "prefill_s": list(x), "prefill_prob": list(p)}
    return Criterion(
        servers_per_replica=s,
        mean_service_s=es,
        scv=scv,
        slo_s=slo,
        method=method,
        util_cap=util_cap,
        **kw,
    )


def _exact_ok(crit: Criterion, k: int, lam: float) -> bool:
    """The objective from the mgc functions directly (no prefill compression or bounds)."""
    if lam <= 0:
        return True
    c = k * crit.servers_per_replica
    mu = 1 / crit.mean_service_s
    if lam > crit.util_cap * c * mu * (1 + 1e-12):
        return False
    if crit.method == "fleet-sim":
        return float(fleet_sim_p99_wait_s(c, lam, mu, crit.scv)) <= crit.slo_s * (1 + 1e-9)
    tail = float(
        ttft_tail_prob(crit.slo_s, c, lam, mu, crit.scv, crit.prefill_s, crit.prefill_prob)
    )
    return tail <= (1 - crit.q) + 1e-12


METHODS = ["ttft-tail", "fleet-sim"]

crit_params = st.fixed_dictionaries(
    {
        "s": st.integers(1, 8),
        "es": st.floats(0.05, 5.0),
        "scv": st.floats(0.0, 4.0),
        "slo_mult": st.floats(0.3, 6.0),
        "util_cap": st.floats(0.6, 1.0),
        "x_frac": st.lists(st.floats(0.0, 0.9), min_size=1, max_size=5),
    }
)


def _crit_from(method: str, d: dict, slo_mult: float | None = None) -> Criterion:
    slo = d["es"] * (slo_mult if slo_mult is not None else d["slo_mult"])
    x = tuple(f * d["es"] * d["slo_mult"] for f in d["x_frac"])  # prefill fixed across slo changes
    p = tuple(1.0 for _ in x)
    return _crit(
        method, s=d["s"], es=d["es"], scv=d["scv"], slo=slo, util_cap=d["util_cap"], x=x, p=p
    )


@pytest.mark.parametrize("method", METHODS)
@FAST
@given(d=crit_params, r1=st.floats(0.0, 200.0), r2=st.floats(0.0, 200.0))
def test_min_replicas_monotone_in_rate(method: str, d: dict, r1: float, r2: float) -> None:
    crit = _crit_from(method, d)
    mu = 1 / crit.mean_service_s
    lo, hi = sorted((r1 * mu, r2 * mu))
    n_lo, n_hi = min_replicas(lo, crit), min_replicas(hi, crit)
    assert n_lo <= n_hi
    for lam, n in ((lo, n_lo), (hi, n_hi)):
        assert bool(crit.meets(n, lam)) and _exact_ok(crit, n, lam)
        if n > 0:
            assert not bool(crit.meets(n - 1, lam))


@pytest.mark.parametrize("method", METHODS)
@FAST
@given(d=crit_params, m1=st.floats(0.95, 6.0), m2=st.floats(0.95, 6.0), r=st.floats(0.01, 100.0))
def test_min_replicas_monotone_in_slo(method: str, d: dict, m1: float, m2: float, r: float) -> None:
    tight, loose = sorted((m1, m2))
    c_tight = _crit_from(method, d, tight)
    c_loose = _crit_from(method, d, loose)
    lam = r / d["es"]

    def need(crit: Criterion) -> float:
        try:
            return min_replicas(lam, crit)
        except InfeasibleError:  # prefill alone breaks the SLO: no count is enough
            return math.inf

    n_tight, n_loose = need(c_tight), need(c_loose)
    assert n_tight >= n_loose
    if n_tight == math.inf:
        assert not c_tight.feasible_at_zero_load


def _check_table(crit: Criterion, table: np.ndarray, exact_every: int = 1) -> None:
    assert table[0] == 0.0
    assert np.all(np.diff(table) >= 0)
    k = np.arange(1, table.size)
    assert np.all(table[1:] <= crit.max_rate(k) * (1 + 1e-15))
    assert np.all(crit.meets(k, table[1:]))
    for kk in range(1, table.size, exact_every):
        lam = float(table[kk])
        assert _exact_ok(crit, kk, lam), (kk, lam)
        if lam <= 0:
            continue
        assert min_replicas(lam, crit) <= kk
        up = lam * (1 + 1e-6)
        plateau = kk + 1 < table.size and table[kk + 1] == lam
        if not plateau:
            assert min_replicas(up, crit) > kk, (kk, lam)


@pytest.mark.parametrize("method", METHODS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=crit_params, k_max=st.sampled_from([1, 7, 40, 120]))
def test_capacity_table_consistent_with_min_replicas(method: str, d: dict, k_max: int) -> None:
    crit = _crit_from(method, d)
    assume(crit.feasible_at_zero_load)
    table = capacity_table(k_max, crit)
    assert table.shape == (k_max + 1,)
    _check_table(crit, table, exact_every=max(1, k_max // 15))


@pytest.mark.parametrize("method", METHODS)
def test_capacity_table_realistic_pool(method: str) -> None:
    # 256 slots/replica, multi-second service, many prefill values, utilisation cap 0.95
    rng = np.random.default_rng(7)
    x = np.sort(rng.gamma(2.0, 0.05, size=3000))
    p = rng.random(3000)
    crit = _crit(method, s=256, es=8.0, scv=1.3, slo=0.5, util_cap=0.95, x=tuple(x), p=tuple(p))
    table = capacity_table(300, crit)
    _check_table(crit, table, exact_every=23)
    k = np.arange(1, 301)
    assert np.sum(table[1:] >= crit.max_rate(k) * (1 - 1e-12)) > 250  # the cap binds for most k


def test_capacity_table_known_small_case() -> None:
    # s = 1, E[S] = 1, M/M/c, prefill 0, slo 2 s: P(W > 2) = C exp(-2 (c - lam)) <= 0.01
    crit = _crit("ttft-tail", s=1, slo=2.0, x=(0.0,), p=(1.0,))
    table = capacity_table(12, crit)
    for k in range(1, 13):
        lam = float(table[k])
        tail = float(erlang_c(k, lam)) * math.exp(-2 * (k - lam))
        assert tail <= 0.01 * (1 + 1e-9)
        tail_up = float(erlang_c(k, lam * (1 + 1e-7))) * math.exp(-2 * (k - lam * (1 + 1e-7)))
        assert tail_up > 0.01
    assert min_replicas(5.0, crit) == 7
    assert table[6] < 5.0 <= table[7]


def test_fleet_sim_criterion_matches_formula() -> None:
    crit = _crit("fleet-sim", s=3, es=0.5, scv=2.0, slo=0.4)
    table = capacity_table(30, crit)
    mu = 2.0
    for k in (1, 5, 30):
        lam = float(table[k])
        assert float(fleet_sim_p99_wait_s(3 * k, lam, mu, 2.0)) <= 0.4 * (1 + 1e-9)
        assert float(fleet_sim_p99_wait_s(3 * k, lam * (1 + 1e-6), mu, 2.0)) > 0.4


def test_infeasible_slo() -> None:
    # 2 % of requests have prefill above the SLO: P99 of TTFT can never be within it
    crit = _crit("ttft-tail", slo=0.5, x=(0.1, 0.7), p=(0.98, 0.02))
    assert not crit.feasible_at_zero_load
    with pytest.raises(InfeasibleError):
        min_replicas(1.0, crit)
    assert min_replicas(0.0, crit) == 0
    assert np.all(capacity_table(50, crit) == 0.0)
    # 0.5 % above: feasible
    ok = _crit("ttft-tail", slo=0.5, x=(0.1, 0.7), p=(0.995, 0.005))
    assert ok.feasible_at_zero_load and min_replicas(1.0, ok) >= 1


def test_min_replicas_k_max_exceeded() -> None:
    with pytest.raises(InfeasibleError):
        min_replicas(1e6, _crit("ttft-tail", s=1), k_max=100)


@pytest.mark.parametrize(
    "kw",
    [
        {"q": 1.0},
        {"q": 0.0},
        {"q": float("nan")},
        {"s": 0},
        {"es": float("nan")},
        {"es": -1.0},
        {"slo": 0.0},
        {"slo": float("inf")},
        {"scv": -0.1},
        {"scv": float("nan")},
        {"util_cap": 0.0},
        {"util_cap": 1.5},
        {"x": (0.1, float("nan"))},
        {"p": (1.0, -1.0)},
    ],
)
def test_criterion_bad_inputs(kw: dict) -> None:
    with pytest.raises(InputError):
        _crit(**kw)


def test_sizing_bad_inputs() -> None:
    crit = _crit()
    for lam in (float("nan"), -1.0, float("inf")):
        with pytest.raises(InputError):
            min_replicas(lam, crit)
    with pytest.raises(InputError):
        capacity_table(-1, crit)
    with pytest.raises(InputError):
        Criterion(servers_per_replica=1, mean_service_s=1.0, scv=1.0, slo_s=1.0, method="nope")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        min_replicas(1.0)  # neither a Criterion nor its fields


def test_keyword_form_equals_criterion_form() -> None:
    kw = {"servers_per_replica": 2, "mean_service_s": 1.0, "scv": 0.5, "slo_s": 1.5}
    crit = Criterion(**kw)
    assert min_replicas(3.0, **kw) == min_replicas(3.0, crit)
    assert np.array_equal(capacity_table(10, **kw), capacity_table(10, crit))
