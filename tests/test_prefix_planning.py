"""Prefix caching in the planner (#14): tables, plans, verification, fleet files and the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from optfleet.physics.batching import MixSummary
from optfleet.planning import PoolContext
from optfleet.planning.prefix import analytic_hit_rate, mix_summary
from optfleet.scenario import Scenario, TraceWorkload, load_scenario

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "prefix_heavy.scenario.yaml"
MOONCAKE = ROOT / "data" / "examples" / "mooncake.scenario.yaml"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def heavy() -> Scenario:
    return load_scenario(EXAMPLE)


@pytest.fixture(scope="module")
def plans(heavy: Scenario):
    """The example planned with caching and without (the same requests, ``enabled: false``)."""
    import optfleet

    off = heavy.model_copy(update={"prefix_caching": heavy.prefix_caching.model_copy(
        update={"enabled": False})})
    return optfleet.plan(heavy), optfleet.plan(off)


def test_null_prefix_caching_plans_the_golden_default(cli, tmp_path: Path) -> None:
    """``prefix_caching: null`` written out: the default plan, field for field its golden."""
    from test_golden import _canonical

    f = tmp_path / "null.yaml"
    f.write_text("prefix_caching: null\n")
    r = cli("plan", str(f), "--format", "json")
    assert r.code == 0, r.err
    assert _canonical(r.out) == (GOLDEN / "default_plan.json").read_text()


def test_tables_without_caching_are_the_plain_summary() -> None:
    """Without caching the tables' mix summary is MixSummary.from_mix of the mix, bit for bit,
    and prefill_tokens=None is the old call."""
    ctx = PoolContext.from_scenario(Scenario())
    for d in ctx.demands(None) + ctx.demands(4096):
        m = d.mix
        a = mix_summary(ctx, m)
        b = MixSummary.from_mix(m.prompt_tokens, m.output_tokens, m.prob, prefill_tokens=None)
        for f in ("prompt_tokens", "prompt_prob", "decode_steps", "decode_prob"):
            assert np.array_equal(getattr(a, f), getattr(b, f))
        assert (a.mean_prompt_tokens, a.mean_context_tokens, a.mean_tokens_held) == (
            b.mean_prompt_tokens, b.mean_context_tokens, b.mean_tokens_held)
        assert analytic_hit_rate(ctx, m) is None


def test_prefill_separate_from_context(heavy: Scenario) -> None:
    """A cached prefix skips prefill; the KV a sequence holds stays its whole prompt."""
    ctx = PoolContext.from_scenario(heavy)
    m = ctx.demands(None)[0].mix
    on = mix_summary(ctx, m)
    off = MixSummary.from_mix(m.prompt_tokens, m.output_tokens, m.prob)
    hit = ctx.workload.prefix.hit_tokens(m)
    assert on.mean_prompt_tokens == pytest.approx(float(m.prob @ (m.prompt_tokens - hit)),
                                                  abs=1.0)
    assert on.mean_prompt_tokens < 0.3 * off.mean_prompt_tokens
    assert (on.mean_context_tokens, on.mean_tokens_held) == (off.mean_context_tokens,
                                                            off.mean_tokens_held)


def test_analytic_hit_rate_is_the_parametric_formula(heavy: Scenario) -> None:
    """The one-pool table's hit rate is MultiTurnWorkload.analytic_hit_rate of the planning
    sample, and with no continuations the closed form floor(S / B) B / prompt."""
    ctx = PoolContext.from_scenario(heavy)
    src = ctx.workload.prefix
    m = ctx.demands(None)[0].mix
    assert analytic_hit_rate(ctx, m) == pytest.approx(src.sample.analytic_hit_rate(), rel=1e-12)
    s = Scenario(prefix_caching={"reuse": {"kind": "parametric", "system_prompt_tokens": 3000},
                                 "sample_requests": 2000})
    c = PoolContext.from_scenario(s)
    p = c.workload.prefix.prompt_tokens
    want = float(np.minimum((3000 // 512) * 512, p[1:] - 1).sum() / p.sum())
    assert analytic_hit_rate(c, c.demands(None)[0].mix) == pytest.approx(want, rel=1e-12)


def test_caching_lowers_the_cost_and_verifies(plans) -> None:
    on, off = plans
    assert on.verified and off.verified
    assert on.cost_usd_per_hour < off.cost_usd_per_hour
    for pp in on.pools:
        assert pp.analytic_prefix_hit_rate is not None
        assert pp.simulated_prefix_hit_rate is not None
        assert abs(pp.simulated_prefix_hit_rate - pp.analytic_prefix_hit_rate) < 0.06
    for pp in off.pools:  # the baseline caches nothing and says nothing about it
        assert pp.analytic_prefix_hit_rate is None and pp.simulated_prefix_hit_rate is None
        assert "prefix_hit_rate" not in off.to_json()


def test_plan_json_round_trips_the_hit_rates(plans) -> None:
    from optfleet.planning.results import Plan

    on, _ = plans
    again = Plan.from_json(on.to_json())
    assert [p.simulated_prefix_hit_rate for p in again.pools] == [
        p.simulated_prefix_hit_rate for p in on.pools]


@pytest.mark.parametrize("body", [
    "prefix_caching: {reuse: {kind: parametric, system_prompt_tokens: -5}}\n",
    "prefix_caching: {reuse: {kind: trace}}\n",  # the workload is not a Mooncake trace
    "prefix_caching: {reuse: {kind: parametric, system_prompt_tokens: 100}, router: lru}\n",
    "prefix_caching: {reuse: {kind: parametric, system_prompt_tokens: 100}, typo: 1}\n",
    "preset: fleet-sim\nprefix_caching: {reuse: {kind: parametric, system_prompt_tokens: 9}}\n",
])
def test_malformed_prefix_caching_exits_2_with_one_line(cli, tmp_path: Path, body: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    r = cli("plan", str(f))
    assert r.code == 2
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 1, r.err
    assert "prefix_caching" in lines[0] or "preset" in lines[0]


def test_mooncake_trace_workload_and_its_one_cache_hit_rate() -> None:
    """format mooncake: the trace's lengths are the workload; one unbounded cache over the
    sample caches 11.09 % of its prompt tokens."""
    s = Scenario(workload=TraceWorkload(format="mooncake", name="mooncake_conversation"),
                 long_max_ctx_tokens=131072, prefix_caching={"reuse": {"kind": "trace"}})
    ctx = PoolContext.from_scenario(s)
    assert ctx.workload.trace.n_requests == 328
    rate = analytic_hit_rate(ctx, ctx.demands(None)[0].mix)
    assert rate == pytest.approx(0.1109, abs=5e-4)


def test_fleet_file_turns_caching_on() -> None:
    from optfleet.sim.fleetfile import FleetConfig, build_simulation, simulate_fleet

    cfg = FleetConfig(pools=[{"gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 32768}],
                      rate_per_s=4.0, prefix_caching={
                          "reuse": {"kind": "parametric", "system_prompt_tokens": 4096}})
    sim = build_simulation(cfg)
    assert sim.balancer == "cache_affinity" and sim.fleet.pools[0].prefix_caching
    res = simulate_fleet(cfg, n_requests=1500, replications=2)
    assert res.fleet.prefix_hit_rate.value > 0.5
    with pytest.raises(ValueError, match="balancer"):
        FleetConfig(pools=cfg.pools, balancer="round_robin", prefix_caching=cfg.prefix_caching)


def test_mooncake_example_plans_and_verifies_with_affinity() -> None:
    """The Mooncake sample (prompts to 120 000 tokens) with cache_affinity plans and verifies
    in the engine simulator (the request-count guard it replaced sent requests to a replica
    tens of seconds behind on prefill: every candidate failed, the last of 17 replicas at P99
    TTFT 26 s); it needs no more GPUs than JSQ or no caching (3 H100s each at 3 req/s)."""
    import optfleet

    s = load_scenario(MOONCAKE)
    assert s.prefix_caching.router == "cache_affinity"
    p = optfleet.plan(s, sim_requests=1500, replications=2)
    assert p.verified and p.verification_level == "engine", p.verification
    assert p.gpus <= 3, p.verification
    for pp in p.pools:
        assert pp.simulated_prefix_hit_rate is not None and pp.simulated_prefix_hit_rate > 0
