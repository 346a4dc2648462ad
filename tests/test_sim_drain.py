"""Graceful drains of replicas in the discrete-event simulator (``FailureSpec`` schedule entries
of kind ``"drain"``): a drained replica takes no new request but serves what it holds, at the
slot and at the engine level, and is back in service at the drain's end."""

from __future__ import annotations

import numpy as np
import pytest

from optfleet.errors import InputError
from optfleet.physics import calibrated_profile
from optfleet.sim import FailureSpec, FleetSpec, PoolSpec, Requests, simulate

H100 = calibrated_profile("H100")
T0, T1 = 1.5, 30.0  # the drain
LEVELS = ("slot", "engine")


def _requests() -> Requests:
    """A backlog at t < 1 (two slots per replica, so queues build), a trickle during the drain
    and more after it."""
    arr = np.concatenate([np.linspace(0.0, 0.9, 12), np.linspace(3.0, 25.0, 8),
                          np.linspace(32.0, 40.0, 8)])
    n = arr.size
    return Requests(arr, np.full(n, 400), np.full(n, 500), hold_s=np.full(n, 2.0),
                    prefill_s=np.full(n, 0.1))


def _run(level: str, entries: tuple, replicas: int = 2, req: Requests | None = None):
    pool = PoolSpec(H100, replicas, 8192, "p", slots=2)
    r = simulate(pool, _requests() if req is None else req, level=level, warmup_fraction=0.0,
                 failures=FailureSpec(schedule=entries) if entries else None, record=True)
    return r, r.records[0].columns


@pytest.mark.parametrize("level", LEVELS)
def test_drain_loses_nothing_where_a_failure_retries(level: str) -> None:
    d, dc = _run(level, (("p", 0, T0, T1, "drain"),))
    f, fc = _run(level, (("p", 0, T0, T1, "fail"),))
    f4, _ = _run(level, (("p", 0, T0, T1),))  # four elements: a failure
    n = dc["arrival_s"].size
    assert d.fleet.completed == n and d.fleet.retries == 0 and d.fleet.failures == 0
    assert (dc["retries"] == 0).all()
    assert f.fleet.completed == n and f.fleet.retries > 0 and f.fleet.failures == 1
    assert (fc["retries"][fc["replica"] != 0] > 0).any()  # lost on replica 0, served on 1
    assert f4.fleet.retries == f.fleet.retries
    # a draining replica counts as down in the availability, like a failed one
    assert d.fleet.availability.value == pytest.approx(f.fleet.availability.value)
    assert d.fleet.availability.value < 1.0


@pytest.mark.parametrize("level", LEVELS)
def test_no_new_request_reaches_a_draining_replica(level: str) -> None:
    _, c = _run(level, (("p", 0, T0, T1, "drain"),))
    on0 = c["replica"] == 0
    during = (c["arrival_s"] >= T0) & (c["arrival_s"] < T1)
    assert during.any() and not (on0 & during).any()
    # what replica 0 starts during the drain was already queued on it (it arrived before t0),
    # and there is such work: its queue goes on being served as slots free
    started = on0 & (c["admit_s"] > T0) & (c["admit_s"] < T1)
    assert started.any() and (c["arrival_s"][started] < T0).all()
    # what it held at t0 finishes there, after t0
    assert (on0 & (c["arrival_s"] < T0) & (c["finish_s"] > T0)).sum() >= 2


@pytest.mark.parametrize("level", LEVELS)
def test_back_in_service_at_the_drain_end(level: str) -> None:
    _, c = _run(level, (("p", 0, T0, T1, "drain"),))
    after = c["arrival_s"] >= T1
    assert (c["replica"][after] == 0).any()
    # one replica, drained: new requests wait in the pool queue and start at t1
    r, c1 = _run(level, (("p", 0, T0, T1, "drain"),), replicas=1)
    during = (c1["arrival_s"] >= T0) & (c1["arrival_s"] < T1)
    assert r.fleet.completed == c1["arrival_s"].size and r.fleet.retries == 0
    assert (c1["admit_s"][during] >= T1).all()
    assert c1["admit_s"][during].min() == pytest.approx(T1)


@pytest.mark.parametrize("level", LEVELS)
def test_a_failure_inside_a_drain_wins_for_its_interval(level: str) -> None:
    entries = (("p", 0, T0, T1, "drain"), ("p", 0, 2.0, 4.0, "fail"))
    r, c = _run(level, entries)
    on0 = c["replica"] == 0
    assert r.fleet.failures == 1 and r.fleet.retries > 0
    assert r.fleet.completed == c["arrival_s"].size
    # nothing reaches replica 0 between the failure's repair and the drain's end
    assert not (on0 & (c["arrival_s"] >= T0) & (c["arrival_s"] < T1)).any()
    assert not (on0 & (c["admit_s"] > 2.0) & (c["admit_s"] < T1)).any()
    # the same outages the other way round: a drain inside a failure is a failure throughout
    r2, c2 = _run(level, (("p", 0, T0, T1, "fail"), ("p", 0, 2.0, 4.0, "drain")))
    f, _ = _run(level, (("p", 0, T0, T1, "fail"),))
    assert r2.fleet.retries == f.fleet.retries
    assert r2.fleet.availability.value == pytest.approx(f.fleet.availability.value)


@pytest.mark.parametrize("level", LEVELS)
def test_drain_then_failure_back_to_back(level: str) -> None:
    """A drain ending as a failure starts (and a drain right after a repair): no request is
    handed to the replica in between."""
    entries = (("p", 0, T0, 10.0, "drain"), ("p", 0, 10.0, 12.0), ("p", 0, 12.0, T1, "drain"))
    r, c = _run(level, entries)
    on0 = c["replica"] == 0
    assert r.fleet.failures == 1 and r.fleet.completed == c["arrival_s"].size
    assert not (on0 & (c["arrival_s"] >= T0) & (c["arrival_s"] < T1)).any()
    assert (c["replica"][c["arrival_s"] >= T1] == 0).any()
    # one replica: what waits in the pool queue is not handed over at 10 s or 12 s
    r1, c1 = _run(level, entries, replicas=1)
    during = (c1["arrival_s"] >= T0) & (c1["arrival_s"] < T1)
    assert r1.fleet.completed == c1["arrival_s"].size and r1.fleet.retries > 0
    assert (c1["retries"][during] == 0).all() and (c1["admit_s"][during] >= T1).all()


@pytest.mark.parametrize("entry, msg", [
    (("p", 0, 1.0, 2.0, "pause"), "unknown kind 'pause'; known: fail, drain"),
    (("p", 0, 2.0, 2.0, "drain"), "needs 0 <= start_s < end_s"),
    (("p", 0, 3.0, 2.0), "needs 0 <= start_s < end_s"),
    (("p", 0, 1.0), "must be (pool, replica, start_s, end_s[, kind])"),
    (("p", 0, 1.0, 2.0, "drain", 1), "must be (pool, replica, start_s, end_s[, kind])"),
    (("p", -1, 1.0, 2.0, "drain"), "replica must be a non-negative integer"),
])
def test_bad_entries(entry: tuple, msg: str) -> None:
    with pytest.raises(InputError) as e:
        FailureSpec(schedule=(entry,))
    assert msg in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("entry, msg", [
    (("q", 0, 1.0, 2.0, "drain"), "failure schedule[0]: unknown pool 'q'; known pools: p"),
    (("p", 5, 1.0, 2.0, "drain"), "failure schedule[0]: pool 'p' has 2 replicas, got index 5"),
    ((3, 0, 1.0, 2.0), "failure schedule[0]: pool index 3 out of range 0..0"),
])
def test_bad_pools_are_input_errors_before_the_run(entry: tuple, msg: str) -> None:
    with pytest.raises(InputError) as e:
        _run("slot", (entry,))
    assert str(e.value) == msg


def test_schedule_is_stored_with_its_kind() -> None:
    fs = FailureSpec(schedule=(("p", 0, 1, 2), ["p", 1, 3.0, 4.0, "drain"]))
    assert fs.schedule == (("p", 0, 1.0, 2.0, "fail"), ("p", 1, 3.0, 4.0, "drain"))


@pytest.mark.parametrize("level", LEVELS)
def test_same_seed_same_result(level: str) -> None:
    fleet = FleetSpec((PoolSpec(H100, 3, 8192, "a", slots=4), PoolSpec(H100, 2, 8192, "b")))
    rng = np.random.default_rng(3)
    n = 600
    req = Requests(np.sort(rng.uniform(0.0, 60.0, n)), rng.integers(50, 3000, n),
                   rng.integers(10, 400, n))
    fs = FailureSpec(mttf_s=30.0, mttr_s=5.0,
                     schedule=(("a", 0, 5.0, 40.0, "drain"), ("a", 1, 10.0, 20.0, "drain"),
                               ("b", 1, 0.0, 50.0, "drain"), ("a", 2, 15.0, 16.0)))

    def go(seed: int):
        r = simulate(fleet, req, level=level, router="least_loaded", balancer="power_of_two",
                     warmup_fraction=0.0, failures=fs, record=True, seed=seed)
        return r, r.records[0].columns

    a, ca = go(7)
    b, cb = go(7)
    _, cc = go(8)
    assert a.fleet.completed == n and a.fleet.failures > 0
    for k in ca:
        np.testing.assert_array_equal(ca[k], cb[k])
    assert a.fleet.availability.value == b.fleet.availability.value
    assert not np.array_equal(ca["finish_s"], cc["finish_s"])  # the seed matters
