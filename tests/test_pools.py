"""Analytic pool sizing: the reference planner's published rows under the fleet-sim preset, and
the default preset's physics."""

from __future__ import annotations

import pytest

from optfleet.errors import InfeasibleError, InputError
from optfleet.pools import PoolContext, layout_pools, rejected_share, size_layout

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


@pytest.mark.parametrize("b_short", [1024, 2048, 4096])
def test_lmsys_pareto_rows_within_one_gpu(lmsys_fleet_sim: PoolContext, b_short: int) -> None:
    alpha, n_s, n_l = PARETO_ROWS[b_short]
    sizing = size_layout(lmsys_fleet_sim, "A100", b_short)
    short, long = sizing.pools
    assert short.share == pytest.approx(alpha, abs=0.0006)
    assert abs(short.gpus - n_s) <= 1, (short.gpus, n_s)
    assert abs(long.gpus - n_l) <= 1, (long.gpus, n_l)


def test_lmsys_pareto_p99_columns(lmsys_fleet_sim: PoolContext) -> None:
    """The reported P99 TTFT (P99 wait + mean prefill) of the published rows, within 10 %."""
    published = {1024: (0.010, 0.036), 2048: (0.012, 0.063), 4096: (0.013, 0.108)}
    for b, (p_s, p_l) in published.items():
        short, long = size_layout(lmsys_fleet_sim, "A100", b).pools
        assert short.p99_ttft_s == pytest.approx(p_s, rel=0.1)
        assert long.p99_ttft_s == pytest.approx(p_l, rel=0.1)


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
