"""Analytic pool sizing: the reference planner's published rows under the fleet-sim preset, and
the default preset's physics."""

from __future__ import annotations

import pytest

from optfleet.errors import InfeasibleError, InputError
from optfleet.planning import PoolContext, layout_pools, rejected_share, size_layout

# SEED_SYSTEM.md section 4: lmsys, lam 100, SLO 500 ms, A100, long_max_ctx 65536.
PARETO_ROWS = {  # B_short: (alpha, n_short, n_long)
    512: (0.638, 2, 13),
    1024: (0.831, 2, 10),
    2048: (0.948, 2, 7),
    4096: (0.984, 3, 5),
    8192: (0.997, 4, 4),
}


@pytest.fixture(scope="module")
def lmsys_fleet_sim() -> PoolContext:
    return PoolContext.from_names(
        workload="lmsys",
        preset="fleet-sim",
        gpus=("A100",),
        rate_per_s=100.0,
        slo={"ttft_p99_s": 0.5},
        long_max_ctx_tokens=65536,
    )


@pytest.mark.parametrize("b_short", sorted(PARETO_ROWS))
def test_lmsys_pareto_rows_exact(lmsys_fleet_sim: PoolContext, b_short: int) -> None:
    alpha, n_s, n_l = PARETO_ROWS[b_short]
    sizing = size_layout(lmsys_fleet_sim, "A100", b_short)
    short, long = sizing.pools
    assert short.share == pytest.approx(alpha, abs=0.0006)
    assert (short.gpus, long.gpus) == (n_s, n_l)


def test_lmsys_pareto_p99_columns(lmsys_fleet_sim: PoolContext) -> None:
    """The reported P99 TTFT (P99 wait + mean prefill) of every published row, to the ms."""
    published = {512: (9, 25), 1024: (10, 36), 2048: (12, 63), 4096: (13, 108), 8192: (14, 212)}
    for b, (p_s, p_l) in published.items():
        short, long = size_layout(lmsys_fleet_sim, "A100", b).pools
        assert (round(short.p99_ttft_s * 1000), round(long.p99_ttft_s * 1000)) == (p_s, p_l), b


def test_agent_heavy_counts_exact() -> None:
    """SEED_SYSTEM.md section 4, agent-heavy, H100, lam 20, SLO 1 s: one pool 24, two pools
    4096/65536 2 + 23 (analytically both feasible)."""
    ctx = PoolContext.from_names(
        workload="agent_heavy", preset="fleet-sim", gpus=("H100",), rate_per_s=20.0,
        slo={"ttft_p99_s": 1.0}, long_max_ctx_tokens=65536,
    )
    assert [p.gpus for p in size_layout(ctx, "H100", None).pools] == [24]
    assert [p.gpus for p in size_layout(ctx, "H100", 4096).pools] == [2, 23]


def test_exact_moments_move_boundary_counts() -> None:
    """Without the reference's sampled moments and one-replica headroom the same rows differ:
    proof that those two assumptions, not the queueing maths, set the published counts."""
    from optfleet.scenario.presets import get_preset

    exact = get_preset("fleet-sim").model_copy(
        update={"name": "fleet-sim-exact", "moments": "exact", "headroom_replicas": 0}
    )
    ctx = PoolContext.from_names(
        workload="lmsys", preset="fleet-sim", gpus=("A100",), rate_per_s=100.0,
        slo={"ttft_p99_s": 0.5}, long_max_ctx_tokens=65536,
    )
    ctx_exact = PoolContext(ctx.scenario, exact, ctx.workload)
    assert [p.gpus for p in size_layout(ctx_exact, "A100", 4096).pools] == [2, 6]
    assert [p.gpus for p in size_layout(ctx, "A100", 4096).pools] == [3, 5]


def test_fleet_sim_slot_counts_reach_the_queue(lmsys_fleet_sim: PoolContext) -> None:
    short, long = size_layout(lmsys_fleet_sim, "A100", 4096).pools
    assert (short.slots_per_replica, long.slots_per_replica) == (256, 16)


def test_shares_and_rejections() -> None:
    ctx = PoolContext.from_names(workload="azure", preset="fleet-sim", gpus=("H100",))
    pools = layout_pools(ctx.mix, None, 8192)
    # the azure CDF has 0.0035 % of its mass between 12288 and 16384 tokens
    assert rejected_share(pools) == pytest.approx(3.548e-5, rel=1e-3)
    with pytest.raises(InputError, match="longer than long_max_ctx_tokens=4096"):
        layout_pools(ctx.mix, None, 4096)


def test_compress_and_route_moves_share(lmsys_fleet_sim: PoolContext) -> None:
    mix = lmsys_fleet_sim.mix
    base = layout_pools(mix, 1024, 65536)
    comp = layout_pools(mix, 1024, 65536, gamma=2.0, compress_share=0.75)
    f_b, f_gb = base[0].share, 1 - layout_pools(mix, 2048, 65536)[1].share
    assert comp[0].share == pytest.approx(f_b + 0.75 * (f_gb - f_b), rel=1e-9)
    assert comp[0].share + comp[1].share == pytest.approx(1.0)
    assert int(comp[0].mix.routing_tokens.max()) <= 1024
    assert int((comp[0].mix.prompt_tokens + comp[0].mix.output_tokens).max()) <= 1024


def test_more_load_never_fewer_gpus() -> None:
    ctx = PoolContext.from_names(workload="azure", preset="default", gpus=("H100-SXM",))
    gpus = [
        size_layout(ctx, "H100-SXM", None, rate_per_s=r).gpus for r in (5, 20, 50, 100, 200, 400)
    ]
    assert gpus == sorted(gpus) and gpus[-1] > gpus[0]


def test_tighter_slo_never_cheaper() -> None:
    costs = []
    for slo in (5.0, 2.0, 1.0, 0.8, 0.7):
        ctx = PoolContext.from_names(
            workload="azure", preset="default", gpus=("A100-80GB",), slo={"ttft_p99_s": slo}
        )
        costs.append(size_layout(ctx, "A100-80GB", None).cost_usd_per_hour)
    assert costs == sorted(costs)


def test_impossible_slo_names_pool() -> None:
    ctx = PoolContext.from_names(
        workload="azure", preset="default", gpus=("A10G",), slo={"ttft_p99_s": 0.001}
    )
    with pytest.raises(InfeasibleError, match="pool 'all'.*A10G"):
        size_layout(ctx, "A10G", None)
