"""Tests of the fleet integer program (optfleet.formulation) against brute force and by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import networkx as nx
import numpy as np
import pytest

from optfleet.backends import get_backend, list_backends
from optfleet.errors import InputError, UnknownNameError
from optfleet.formulation import (
    CapacityOption,
    Layout,
    PlanningProblem,
    Role,
    build_model,
    candidate_counts,
    compact_problem,
    compact_table,
    enumerate_plans,
    explain_infeasible,
    plan_key,
    price_resolution,
    unservable_roles,
    write_mps,
)
from optfleet.formulation.synthetic import (
    brute_force,
    brute_force_plans,
    fleet_problem,
    random_problem,
    synthetic_table,
)

CBC = get_backend("cbc")


def solve(problem, backend=CBC, **kw):
    model = build_model(problem, **kw)
    result = backend.solve(model.lp, model.variables)
    return model, result, model.solution(result)


def one_pool(rate, *options, **kw):
    return PlanningProblem((Layout("one", (Role("all", rate),)),), tuple(options), **kw)


def opt(gpu, table, price, gpr=1, power=0.0, layout="one", role="all", tail=None):
    return CapacityOption(layout, role, gpu, tuple(table), price, gpr, power, tail)


# ------------------------------------------------------------------------------ optimality


@pytest.mark.parametrize("split", ["split", "single"])
def test_matches_brute_force_on_random_instances(split):
    n = 60 if split == "split" else 25
    infeasible = 0
    for seed in range(n):
        problem = random_problem(1000 + seed, split=split)
        best = brute_force(problem)
        model, result, sol = solve(problem)
        if best is None:
            infeasible += 1
            assert result.termination == "infeasible" and sol is None, seed
            continue
        assert result.termination == "optimal", seed
        assert sol.feasible, (seed, sol.violations)
        assert math.isclose(sol.cost_usd_per_hour, best.cost_usd_per_hour, abs_tol=1e-6), seed
        assert sol.gpus == best.gpus, seed  # tie-break: fewest GPUs among the cheapest
        assert math.isclose(sol.power_w, best.power_w, abs_tol=1e-6), seed
    assert infeasible < n // 2  # the generator mostly makes feasible problems


def test_unpruned_and_onehot_models_agree():
    for seed in range(15):
        problem = random_problem(2000 + seed)
        best = brute_force(problem)
        variants = ({"prune": False}, {"encoding": "onehot"},
                    {"encoding": "onehot", "prune": False})
        for kw in variants:
            _, result, sol = solve(problem, **kw)
            if best is None:
                assert sol is None
            else:
                assert math.isclose(sol.cost_usd_per_hour, best.cost_usd_per_hour, abs_tol=1e-6)


def test_share_splitting_beats_single_type():
    # 10 req/s: H100 x2 = 9 is short by 1; one cheap A10G tops it up
    p = one_pool(10.0, opt("H100", (0, 4, 9, 15), 4.0), opt("A10G", (0, 1.5, 3.5), 1.0))
    _, _, sol = solve(p)
    assert sol.counts() == {("all", "H100"): 2, ("all", "A10G"): 1}
    shares = {pool.gpu: pool.share for pool in sol.pools}
    assert math.isclose(sum(shares.values()), 1.0)
    for pool in sol.pools:  # capacity-proportional shares respect each type's table
        assert pool.rate_per_s <= pool.capacity_per_s + 1e-9
    _, _, single = solve(one_pool(10.0, opt("H100", (0, 4, 9, 15), 4.0),
                                  opt("A10G", (0, 1.5, 3.5), 1.0), split="single"))
    assert single.counts() == {("all", "H100"): 3}


# ------------------------------------------------------------------------------ piecewise table


@pytest.mark.parametrize("encoding", ["incremental", "onehot"])
@pytest.mark.parametrize("jitter", [0.0, 0.6])
def test_capacity_table_exact_at_every_breakpoint(encoding, jitter):
    import pulp

    table = synthetic_table(2.5, 14, beta=1.2, jitter=jitter, seed=3)
    rate = table[-1] * 2  # unreachable: every count 1..K is a candidate
    problem = one_pool(rate, opt("g", table, 1.0))
    for k in range(len(table)):
        model = build_model(problem, encoding=encoding, prune=False)
        key = ("one", "all", "g")
        lp = model.lp
        lp._constraints.pop("share_0_0")  # free the share so we can maximise it
        n = model.n[key]
        n.lowBound = n.upBound = k
        y = model.y["one"]
        y.lowBound = 1
        lp.setObjective(pulp.LpAffineExpression([(model.x[key], -rate)]))  # max served rate
        result = CBC.solve(lp, model.variables)
        if k > 0 and table[k] == table[k - 1] and k not in model.counts[key]:
            continue  # a count that adds no capacity is not a candidate
        assert result.termination == "optimal", k
        served = result.values[("x", *key)] * rate
        assert math.isclose(served, table[k], rel_tol=1e-7, abs_tol=1e-7), (k, served, table[k])


def test_k_ranges_are_pruned_to_k_full():
    table = synthetic_table(3.0, 40)
    problem = one_pool(20.0, opt("g", table, 1.0))
    kf = problem.k_full("one", "all", "g")
    assert table[kf] >= 20.0 > table[kf - 1]
    assert max(candidate_counts(problem, problem.options[0])) == kf
    assert candidate_counts(PlanningProblem(problem.layouts, problem.options, split="single"),
                            problem.options[0]) == (kf,)


# ------------------------------------------------------------------------------ constraints


def test_max_gpus_forces_a_second_type():
    base = (opt("H100", (0, 5, 10, 15, 20), 4.0, power=700), opt("A100", (0, 3, 6, 9, 12), 3.0))
    _, _, free = solve(one_pool(14.0, *base))
    assert free.counts() == {("all", "H100"): 3}
    _, _, capped = solve(one_pool(14.0, *base, max_gpus={"H100": 1}))
    assert capped.counts() == {("all", "H100"): 1, ("all", "A100"): 3}
    assert capped.feasible and "max_gpus[H100]" in capped.binding
    _, res, none = solve(one_pool(14.0, *base, max_gpus={"H100": 0, "A100": 2}))
    assert res.termination == "infeasible" and none is None


def test_gpus_per_replica_counts_against_max_gpus():
    o = opt("H100", (0, 5, 10, 15), 4.0, gpr=2)
    _, res, _ = solve(one_pool(12.0, o, max_gpus={"H100": 5}))  # needs 3 replicas = 6 GPUs
    assert res.termination == "infeasible"
    _, _, sol = solve(one_pool(12.0, o, max_gpus={"H100": 6}))
    assert sol.gpus == 6


def test_budget_and_power_enforced():
    opts = (opt("H100", (0, 5, 10, 15), 4.0, power=700), opt("A10G", (0, 2, 4, 6, 8, 10), 1.5,
                                                              power=150))
    _, _, cheap = solve(one_pool(9.0, *opts))
    assert cheap.counts() == {("all", "H100"): 1, ("all", "A10G"): 2}  # 7 USD/h, 1000 W
    _, _, powered = solve(one_pool(9.0, *opts, power_budget_w=800))
    assert powered.counts() == {("all", "A10G"): 5}  # 7.5 USD/h, 750 W
    assert "power" in powered.binding
    p = one_pool(9.0, *opts, budget_usd_per_hour=5.0)
    _, res, sol = solve(p)
    assert res.termination == "infeasible" and sol is None
    assert any("budget" in r for r in explain_infeasible(p))


def test_min_replicas_per_pool():
    o = opt("H100", (0, 5, 10, 15), 4.0)
    _, _, sol = solve(one_pool(4.0, o, min_replicas_per_pool=3))
    assert sol.counts() == {("all", "H100"): 3}
    assert "min_replicas[all]" in sol.binding
    # beyond the table: extra replicas earn no extra capacity but satisfy the minimum
    _, _, sol = solve(one_pool(4.0, o, min_replicas_per_pool=5))
    assert sol.counts() == {("all", "H100"): 5}
    # a role without demand needs no replicas, even with a minimum
    p = PlanningProblem((Layout("two", (Role("short", 4.0), Role("long", 0.0, 2))),),
                        (opt("H100", (0, 5, 10), 4.0, layout="two", role="short"),
                         opt("H100", (0, 5, 10), 4.0, layout="two", role="long")))
    _, _, sol = solve(p)
    assert sol.counts() == {("short", "H100"): 1}


def test_eligibility_graph():
    opts = (opt("H100", (0, 5, 10, 15), 4.0), opt("A10G", (0, 2, 4, 6, 8, 10), 1.0))
    g = nx.Graph()
    g.add_edge("all", "H100")
    _, _, sol = solve(one_pool(7.0, *opts, eligibility=g))
    assert set(sol.counts()) == {("all", "H100")}
    g2 = nx.Graph()
    g2.add_edge("A10G", "other-role")
    with pytest.raises(InputError, match="role 'all' of layout 'one'"):
        one_pool(7.0, *opts, eligibility=g2)


def test_input_validation():
    with pytest.raises(InputError, match="non-decreasing"):
        opt("g", (0, 3, 2), 1.0)
    with pytest.raises(InputError, match="Lambda\\[0\\] = 0"):
        opt("g", (1, 3), 1.0)
    with pytest.raises(InputError, match="NaN"):
        opt("g", (0, float("nan")), 1.0)
    with pytest.raises(InputError, match="price"):
        opt("g", (0, 1), -1.0)
    with pytest.raises(InputError, match="rate_per_s"):
        Role("all", float("inf"))
    with pytest.raises(UnknownNameError, match="unknown layout"):
        one_pool(1.0, opt("g", (0, 1), 1.0, layout="nope"))
    with pytest.raises(InputError, match="no eligible GPU"):
        PlanningProblem((Layout("one", (Role("all", 1.0),)),), ())


def test_unservable_roles_named():
    p = PlanningProblem(
        (Layout("one", (Role("all", 5.0),)),
         Layout("two", (Role("short", 3.0), Role("long", 40.0)), threshold_tokens=4096)),
        (opt("g", (0, 4, 8), 1.0), opt("g", (0, 4, 8), 1.0, layout="two", role="short"),
         opt("g", (0, 4, 8), 1.0, layout="two", role="long")),
    )
    bad = unservable_roles(p)
    assert [(u.layout, u.role) for u in bad] == [("two", "long")]
    assert "'long'" in bad[0].message and "4096" in bad[0].message
    _, _, sol = solve(p)
    assert sol.layout == "one"


# ------------------------------------------------------------------------------ tie-breaking


def test_tie_break_prefers_fewer_gpus_then_less_power():
    t = (0, 5, 10, 15)
    # same price and capacity, but the "big" type uses 2 GPUs per replica
    p = one_pool(9.0, opt("big", t, 2.0, gpr=2, power=100), opt("small", t, 2.0, gpr=1,
                                                                   power=900))
    _, _, sol = solve(p)
    assert sol.counts() == {("all", "small"): 2}
    # same price, same GPUs: less power wins
    p = one_pool(9.0, opt("hot", t, 2.0, power=900), opt("cool", t, 2.0, power=300))
    _, _, sol = solve(p)
    assert sol.counts() == {("all", "cool"): 2}
    # tie-breaking never beats a cheaper plan: 1 cent cheaper with many more GPUs
    p = one_pool(9.0, opt("big", t, 1.99, gpr=8), opt("small", t, 2.0, gpr=1))
    _, _, sol = solve(p)
    assert sol.counts() == {("all", "big"): 2}


def test_price_resolution_and_weights_bound():
    assert price_resolution([4.02, 1.01]) == pytest.approx(0.01)
    assert price_resolution([math.pi]) == pytest.approx(math.pi)  # costs are multiples of pi
    assert price_resolution([math.pi, math.e]) is None
    problem = random_problem(5)
    model = build_model(problem)
    tb = model.tie_break
    assert tb.gpu_weight * tb.max_gpus + tb.power_weight * tb.max_power_w < tb.cost_resolution
    assert tb.power_weight * tb.max_power_w < tb.gpu_weight


# ------------------------------------------------------------------------------ top-K, hooks


def test_top_k_distinct_ordered_and_match_brute_force():
    for seed in (4, 7, 21):
        problem = random_problem(seed, n_layouts=2, max_count=8, constraints=False)
        k = 6
        plans = enumerate_plans(build_model(problem), k,
                                lambda m: CBC.solve(m.lp, m.variables))
        keys = [p.solution.key for p in plans]
        assert len(set(keys)) == len(keys)
        costs = [p.solution.cost_usd_per_hour for p in plans]
        assert costs == sorted(costs)
        ref = brute_force_plans(problem, restricted=True)[:k]
        assert np.allclose(costs, [r.cost_usd_per_hour for r in ref], atol=1e-6), seed


def test_top_k_reopens_pruned_layouts():
    # layout "b" is a little dearer: pruned for the optimum, needed for the 2nd plan
    p = PlanningProblem(
        (Layout("a", (Role("all", 9.0),)), Layout("b", (Role("all", 9.0),))),
        (opt("g", (0, 5, 10), 2.0, layout="a"), opt("g", (0, 5, 10), 2.1, layout="b")),
    )
    model = build_model(p)
    assert model.pruned == {"b"}
    plans = enumerate_plans(model, 2, lambda m: CBC.solve(m.lp, m.variables))
    assert [pl.solution.layout for pl in plans] == ["a", "b"]


def test_tighten_table_and_forbid_plan_are_recorded():
    p = one_pool(9.0, opt("H100", (0, 5, 10, 15), 4.0), opt("A100", (0, 3, 6, 9, 12), 3.0))
    _, _, first = solve(p)
    assert first.counts() == {("all", "H100"): 2}
    q = p.with_table("one", "all", "H100", scale=0.8, reason="simulated P99 over SLO")
    assert q.option("one", "all", "H100").capacity_per_s == (0.0, 4.0, 8.0, 12.0)
    _, _, second = solve(q)
    assert second.key != first.key and second.feasible
    r = p.forbid(first.key, reason="rejected by simulation")
    _, _, third = solve(r)
    assert third.key != first.key
    assert [c.kind for c in q.changes] == ["table"] and "0.8" in q.changes[0].detail
    assert r.changes[0].reason == "rejected by simulation"
    assert r.forbidden == (plan_key("one", {("all", "H100"): 2}),)


def test_thinned_counts_give_a_feasible_restriction():
    problem = fleet_problem(2000.0, n_thresholds=2, n_gammas=2)
    model = build_model(problem, max_counts_per_option=16)
    assert not model.exact
    result = CBC.solve(model.lp, model.variables)
    sol = model.solution(result)
    assert sol.feasible
    exact = build_model(problem)
    ref = exact.solution(CBC.solve(exact.lp, exact.variables))
    assert sol.cost_usd_per_hour >= ref.cost_usd_per_hour - 1e-9


def test_write_mps_roundtrip(tmp_path):
    from optfleet.backends import solve_mps

    problem = random_problem(5)
    model = write_mps(problem, tmp_path / "p.mps")
    direct = CBC.solve(model.lp, model.variables)
    from_file = solve_mps(tmp_path / "p.mps", "cbc")
    assert math.isclose(direct.objective, from_file.objective, rel_tol=1e-8)


@pytest.mark.skipif("highs" not in list_backends(), reason="highspy not installed")
def test_highs_and_cbc_agree():
    highs = get_backend("highs")
    for seed in range(12):
        problem = random_problem(3000 + seed)
        _, r1, s1 = solve(problem, CBC)
        _, r2, s2 = solve(problem, highs)
        assert r1.termination == r2.termination
        if s1 is not None:
            assert math.isclose(s1.cost_usd_per_hour, s2.cost_usd_per_hour, abs_tol=1e-6)
            assert s1.gpus == s2.gpus


# ------------------------------------------------------------------------------ tails, compact


def tail_problem(seed, split="split", **kw):
    """A random problem whose tables are cut to K = 1..4 and continued by a random tail."""
    p = random_problem(seed, split=split, **kw)
    rng = np.random.default_rng(seed)
    opts = []
    for o in p.options:
        if rng.random() < 0.8:
            k = int(rng.integers(1, 5))
            t = o.capacity_per_s[: k + 1]
            if t[-1] > 0:
                o = replace(o, capacity_per_s=t,
                            tail_per_replica_per_s=t[-1] / k * float(rng.uniform(0.6, 1.0)))
        opts.append(o)
    return replace(p, options=tuple(opts), max_gpus=dict(p.max_gpus))


def above_table(problem, layout, counts):
    opts = problem.options_by_key
    return any(n > opts[(layout, r, g)].max_replicas for r, g, n in counts)


def test_tail_capacity_and_validation():
    o = opt("g", (0, 2, 5, 9), 1.0)
    t = replace(o, tail_per_replica_per_s=2.5)
    assert t.has_tail and not o.has_tail
    assert [t.capacity(k) for k in (0, 3, 4, 7)] == [0.0, 9.0, 11.5, 19.0]
    assert [o.capacity(k) for k in (3, 4, 7)] == [9.0, 9.0, 9.0]
    assert t.capacities([0, 1, 3, 4, 7]).tolist() == [0.0, 2.0, 9.0, 11.5, 19.0]
    assert t.k_full(9.0) == 3 and t.k_full(9.01) == 4 and t.k_full(19.0) == 7
    assert o.k_full(9.01) is None and replace(o, tail_per_replica_per_s=0.0).k_full(9.01) is None
    for k in range(1, 200):  # k_full is the least count whose capacity reaches the rate
        rate = k * 0.37 + 9.0
        kf = t.k_full(rate)
        assert t.capacity(kf) >= rate > t.capacity(kf - 1)
    with pytest.raises(InputError, match="exceeds the table's end rate"):
        replace(o, tail_per_replica_per_s=3.01)  # Lambda[K]/K = 3
    for bad in (float("nan"), -1.0, float("inf"), "x"):
        with pytest.raises(InputError, match="tail_per_replica_per_s"):
            replace(o, tail_per_replica_per_s=bad)
    with pytest.raises(InputError, match="K >= 1"):
        opt("g", (0,), 1.0, tail=0.0)


@pytest.mark.parametrize("split", ["split", "single"])
def test_tail_matches_brute_force(split):
    above = 0
    for seed in range(20):
        problem = tail_problem(4000 + seed, split=split)
        best = brute_force(problem)
        if best is not None and above_table(problem, best.layout, best.counts):
            above += 1
        variants = ({}, {"encoding": "onehot"}, {"prune": False}) if split == "split" else ({},)
        for kw in variants:
            _, result, sol = solve(problem, **kw)
            if best is None:
                assert sol is None and result.termination == "infeasible", (seed, kw)
                continue
            assert sol.feasible, (seed, kw, sol.violations)
            assert math.isclose(sol.cost_usd_per_hour, best.cost_usd_per_hour, abs_tol=1e-6), (
                seed, kw)
            assert sol.gpus == best.gpus, (seed, kw)
    assert above >= 4  # the optimum often lies above some table's end


def test_tail_keeps_counts_within_the_table():
    table = synthetic_table(3.0, 12)
    o = opt("H100", table, 4.0, tail=table[-1] / 12)
    sizes = []
    for rate in (30.0, 3000.0, 300000.0):
        problem = one_pool(rate, o, opt("A10G", synthetic_table(1.0, 8), 1.01,
                                        tail=synthetic_table(1.0, 8)[-1] / 8))
        model = build_model(problem, prune=False)
        assert all(max(ks) <= 12 for ks in model.counts.values())
        sizes.append(model.stats().binaries)
        _, _, sol = solve(problem)
        assert sol.feasible and sol.cost_usd_per_hour > 0
    assert sizes[1] == sizes[2]  # the program no longer grows with the replica count
    capped = one_pool(300.0, o, max_gpus={"H100": 60})  # 60 H100 serve about 180/s: too few
    _, result, _ = solve(capped)
    assert result.termination == "infeasible"
    capped = one_pool(150.0, o, max_gpus={"H100": 60})
    model, _, sol = solve(capped)
    assert model.tails[("one", "all", "H100")] == 60 - 12
    assert sol.feasible and sol.gpus <= 60


def test_tail_serves_a_minimum_above_the_table():
    o = opt("H100", (0, 5, 10, 15), 4.0, tail=5.0)
    _, _, sol = solve(one_pool(4.0, o, min_replicas_per_pool=9))
    assert sol.counts() == {("all", "H100"): 9}
    _, _, sol = solve(one_pool(4.0, o, min_replicas_per_pool=9, split="single"))
    assert sol.counts() == {("all", "H100"): 9}


def test_nogood_cut_above_the_table_excludes_exactly_one_plan():
    # capacity 5 h + a for h H100 (4 USD/h) and a A10G (1 USD/h); both tables end at K <= 3
    h100 = opt("H100", (0, 5, 10, 15), 4.0, tail=5.0)
    a10g = opt("A10G", (0, 1, 2), 1.0, tail=1.0)
    p = one_pool(42.0, h100, a10g)

    def counts(plan):  # (H100, A10G) of a FleetSolution or a brute-force plan
        c = plan.counts() if callable(plan.counts) else {(r, g): n for r, g, n in plan.counts}
        return c.get(("all", "H100"), 0), c.get(("all", "A10G"), 0)

    want = [counts(r) for r in brute_force_plans(p, restricted=True)[:5]]
    assert want[:3] == [(8, 2), (8, 3), (7, 7)]  # 34 USD/h, then 35 with 11 and 14 GPUs

    for encoding in ("incremental", "onehot"):
        plans = enumerate_plans(build_model(p, encoding=encoding), 5,
                                lambda m: CBC.solve(m.lp, m.variables))
        assert [counts(pl.solution) for pl in plans] == want, encoding
        for i in range(3):  # forbidding a plan above the tables removes it and only it
            q = p.forbid(plan_key("one", {("all", "H100"): want[i][0],
                                          ("all", "A10G"): want[i][1]}))
            plans = enumerate_plans(build_model(q, encoding=encoding), 4,
                                    lambda m: CBC.solve(m.lp, m.variables))
            assert [counts(pl.solution) for pl in plans] == want[:i] + want[i + 1:], (encoding, i)
    q = one_pool(14.0, h100, a10g).forbid(plan_key("one", {("all", "H100"): 3}))  # n = K
    _, _, sol = solve(q)
    assert counts(sol) == (2, 4)


def test_tail_top_k_matches_brute_force():
    for seed in (0, 2, 5, 8):
        problem = tail_problem(seed, n_layouts=2, max_count=8, constraints=False)
        ref = brute_force_plans(problem, restricted=True)[:8]
        for encoding in ("incremental", "onehot"):
            plans = enumerate_plans(build_model(problem, encoding=encoding), 8,
                                    lambda m: CBC.solve(m.lp, m.variables))
            keys = [p.solution.key for p in plans]
            assert len(set(keys)) == len(keys)
            costs = [p.solution.cost_usd_per_hour for p in plans]
            assert np.allclose(costs, [r.cost_usd_per_hour for r in ref], atol=1e-6), seed
            assert any(above_table(problem, *k) for k in keys), seed


def test_with_table_scales_the_tail():
    o = opt("H100", (0, 4, 8), 1.0, tail=3.0)  # end rate 4, tail 3
    p = one_pool(20.0, o)
    q = p.with_table("one", "all", "H100", scale=0.5)
    assert q.options[0].tail_per_replica_per_s == pytest.approx(1.5)
    q = p.with_table("one", "all", "H100", table=(0, 1, 2, 3, 4))
    assert q.options[0].tail_per_replica_per_s == pytest.approx(0.75)
    assert "tail" in q.changes[0].detail
    q = p.with_table("one", "all", "H100", shift_per_s=100.0)
    assert q.options[0].tail_per_replica_per_s == 0.0
    for k in range(1, 40):  # never more than the scaled and shifted old capacity
        r = p.with_table("one", "all", "H100", scale=0.7, shift_per_s=1.0)
        assert r.options[0].capacity(k) <= max(0.0, 0.7 * o.capacity(k) - 1.0) + 1e-9


def test_unservable_roles_with_a_tail():
    p = one_pool(50.0, opt("H100", (0, 3, 6, 9), 1.0, tail=3.0))
    assert unservable_roles(p) == ()
    assert p.evaluate("one", {("all", "H100"): 17}).feasible
    assert not p.evaluate("one", {("all", "H100"): 16}).feasible


def monotone_table(rng, k_max, mu):
    """``Lambda[k] = k r(k)`` with a random non-decreasing per-replica rate ``r``."""
    steps = rng.exponential(1.0, size=k_max) / np.arange(1, k_max + 1) ** rng.uniform(1.0, 2.0)
    r = np.cumsum(steps)
    r = mu * (0.4 + 0.6 * r / r[-1])
    return (0.0,) + tuple(float(v) for v in np.arange(1, k_max + 1) * r)


def test_compact_table_choice_and_conservatism():
    rng = np.random.default_rng(7)
    for _ in range(40):
        k_max = int(rng.integers(20, 400))
        table = monotone_table(rng, k_max, float(rng.uniform(0.5, 5.0)))
        tol = float(rng.choice([0.0, 0.01, 0.05, 0.2]))
        k_exact = int(rng.integers(1, 30))
        short, tail, gap = compact_table(table, tol=tol, k_exact=k_exact)
        k0 = len(short) - 1
        assert min(k_exact, k_max) <= k0 <= min(4 * k_exact, k_max)
        assert short == table[: k0 + 1] and tail == pytest.approx(table[k0] / k0)
        o = opt("g", short, 1.0, tail=tail)
        ks = np.arange(k_max + 1)
        comp = o.capacities(ks)
        assert np.all(comp <= np.asarray(table) + 1e-9)  # never credits more than the table
        ratio = np.asarray(table[k0 + 1:]) / comp[k0 + 1:]
        assert gap == pytest.approx(max(0.0, float(ratio.max(initial=1.0)) - 1.0), abs=1e-12)
        if k0 < min(4 * k_exact, k_max):
            assert gap <= tol + 1e-12  # K0 stops as soon as the bound is within tol
        if k0 > k_exact:  # and not earlier
            _, _, g_prev = compact_table(table, tol=tol, k_exact=k0 - 1, k_max=k0 - 1)
            assert g_prev > tol
    with pytest.raises(InputError, match="non-decreasing"):
        compact_table((0, 2, 1))
    with pytest.raises(InputError, match="k_max"):
        compact_table((0, 1, 2), k_exact=4, k_max=2)
    assert compact_table((0.0,)) == ((0.0,), None, 0.0)


def test_compact_program_is_feasible_and_within_its_bound():
    rng = np.random.default_rng(11)
    checked = 0
    for trial in range(25):
        gpus = {"A": (1.01, 1.0), "B": (3.67, 3.2)}
        layouts = [Layout("one", (Role("all", float(rng.uniform(5, 60))),))]
        roles = [("one", "all")]
        if rng.random() < 0.5:
            a = float(rng.uniform(5, 40))
            layouts.append(Layout("two", (Role("short", a), Role("long", a / 2))))
            roles += [("two", "short"), ("two", "long")]
        options = []
        for lay, role in roles:
            for g, (price, speed) in gpus.items():
                table = monotone_table(rng, 60, speed * float(rng.uniform(0.7, 1.3)))
                options.append(CapacityOption(lay, role, g, table, price,
                                              tail_per_replica_per_s=table[-1] / 60))
        full = PlanningProblem(tuple(layouts), tuple(options), tie_break="none")
        compact, gaps = compact_problem(full, tol=float(rng.choice([0.02, 0.1])),
                                        k_exact=int(rng.integers(3, 10)))
        best = brute_force(full)
        _, result, sol = solve(compact)
        assert result.termination == "optimal"
        ev = full.evaluate(sol.layout, sol.counts())
        assert ev.feasible, (trial, ev.violations)  # compact plans are feasible for the full table
        assert sol.cost_usd_per_hour >= best.cost_usd_per_hour - 1e-9
        # the full optimum, each pool above K0 grown until the compact table carries its load
        bound = 0.0
        for role, g, n in best.counts:
            f, c = full.option(best.layout, role, g), compact.option(best.layout, role, g)
            m = n
            while c.capacity(m) < f.capacity(n) - 1e-12:
                m += 1
            assert m <= math.ceil(n * (1 + gaps[c.key]) - 1e-9)
            bound += m * c.price_usd_per_replica_hour
        assert sol.cost_usd_per_hour <= bound + 1e-9, trial
        k0 = min(o.max_replicas for o in compact.options)
        assert sol.cost_usd_per_hour <= best.cost_usd_per_hour * (
            1 + max(gaps.values()) + 1 / (k0 + 1)) + 1e-9
        checked += sol.cost_usd_per_hour > best.cost_usd_per_hour + 1e-9
    assert checked >= 1  # compaction did cost something somewhere: the bound was exercised
