"""Spares: binomial N+k against brute force, the reference's ceil(n/A) rule, named values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optfleet.errors import InputError
from optfleet.planning.spares import (
    NAMED_AVAILABILITY,
    availability,
    plan_spares,
    prob_enough_healthy,
    spares_needed,
)


def test_named_availabilities() -> None:
    assert NAMED_AVAILABILITY["a100-mttr4h"] == pytest.approx(0.99892, abs=5e-6)
    assert NAMED_AVAILABILITY["a100-mttr48h"] == pytest.approx(0.98717, abs=5e-6)
    assert availability(0.0065, 4) == pytest.approx(0.99892, abs=5e-6)


def _brute(n: int, a: float, target: float) -> int:
    m = n
    while True:
        p = sum(math.comb(m, j) * a**j * (1 - a) ** (m - j) for j in range(n, m + 1))
        if p >= target:
            return m - n
        m += 1


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 60),
    a=st.floats(0.8, 0.9999),
    target=st.sampled_from([0.9, 0.99, 0.999, 0.9999]),
)
def test_binomial_matches_brute_force(n: int, a: float, target: float) -> None:
    k = spares_needed(n, a, target=target)
    assert k == _brute(n, a, target)
    assert prob_enough_healthy(n + k, n, a) >= target
    if k > 0:
        assert prob_enough_healthy(n + k - 1, n, a) < target


def test_ceil_rule() -> None:
    assert spares_needed(24, 0.95, rule="ceil-n-over-a") == math.ceil(24 / 0.95) - 24
    assert spares_needed(8, 0.99892, rule="ceil-n-over-a") == 1


def test_more_needed_never_fewer_total() -> None:
    totals = [n + spares_needed(n, 0.97, target=0.999) for n in range(0, 80)]
    assert all(b >= a for a, b in zip(totals, totals[1:], strict=False))


def test_plan_spares_fleet_probability() -> None:
    r = plan_spares({"short": 3, "long": 20}, 0.95, target=0.99)
    assert r.fleet_prob_enough_healthy == pytest.approx(
        r.pools[0].prob_enough_healthy * r.pools[1].prob_enough_healthy
    )
    assert all(p.prob_enough_healthy >= 0.99 for p in r.pools)
    assert r.to_dict()["pools"][1]["total"] == r.pools[1].total


@pytest.mark.parametrize("bad", [0.0, 1.5, float("nan")])
def test_bad_availability(bad: float) -> None:
    with pytest.raises(InputError):
        spares_needed(3, bad)
    with pytest.raises(InputError):
        availability(-1, 4)
