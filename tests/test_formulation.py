"""Tests of the fleet integer program (optfleet.formulation) against brute force and by hand."""

from __future__ import annotations

import math

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


def opt(gpu, table, price, gpr=1, power=0.0, layout="one", role="all"):
    return CapacityOption(layout, role, gpu, tuple(table), price, gpr, power)


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
