"""Tests of the disagg, grid-flex, tok-per-watt and multi-model analyses (issue 5 items 4-7)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optfleet._data import data_path
from optfleet.analysis.disagg import disagg, disagg_evaluate
from optfleet.analysis.gridflex import batch_cap
from optfleet.analysis.multimodel import MultiModelFleet, simulate_multi_model
from optfleet.analysis.tokperwatt import replica_point, tok_per_watt
from optfleet.errors import InputError
from optfleet.physics import calibrated_profile
from optfleet.scenario import CDFWorkload, RatioSplit, Scenario

H100 = ("H100-SXM",)
FLEET = str(data_path("examples", "multi_model.fleet.yaml"))

# ------------------------------------------------------------------ disagg


def test_disagg_ttft_rises_with_load() -> None:
    sc = Scenario(gpus=H100)
    ttft = [disagg_evaluate(sc, "H100-SXM", "H100-SXM", 3, 4, rate_per_s=r).ttft_quantile_s
            for r in (10.0, 60.0, 100.0)]
    assert ttft[0] < ttft[1] < ttft[2]


def test_disagg_pd_ratio_follows_prompt_share() -> None:
    def ratio(f: float) -> float:
        sc = Scenario(gpus=H100, workload=CDFWorkload(name="azure",
                                                      split=RatioSplit(prompt_fraction=f)))
        return disagg(sc, compare_aggregated=False).best.pd_ratio

    assert ratio(0.95) > ratio(0.5)


def test_disagg_best_is_cheapest_and_meets_slo() -> None:
    r = disagg(Scenario(rate_per_s=30, gpus=("A100-80GB", "H100-SXM")),
               aggregated_layouts="one-pool")
    feas = [p for p in r.pairs if p.feasible]
    assert r.best.cost_usd_per_hour == min(p.cost_usd_per_hour for p in feas)
    assert r.best.evaluation is not None and r.best.evaluation.meets_slo
    assert r.aggregated_cost_usd_per_hour is not None
    # one fewer prefill replica misses the TTFT SLO (minimality)
    if r.best.n_prefill > 1:
        e = disagg_evaluate(Scenario(rate_per_s=30, gpus=("A100-80GB", "H100-SXM")),
                            r.best.prefill_gpu, r.best.decode_gpu, r.best.n_prefill - 1,
                            r.best.n_decode)
        assert not e.prefill_ok


def test_disagg_rejects_bad_counts() -> None:
    with pytest.raises(InputError):
        disagg_evaluate(Scenario(gpus=H100), "H100-SXM", "H100-SXM", 0, 1)


# ------------------------------------------------------------------ grid flex

_H = calibrated_profile("H100")


def test_batch_cap_reference_values() -> None:
    assert batch_cap(_H, 600.0, max_batch=256) == 256  # logistic never reaches P_nominal
    assert batch_cap(_H, 10_000.0, max_batch=256) == 256
    assert batch_cap(_H, 300.0, max_batch=256) == 0  # below P(1)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=300.0, max_value=700.0, allow_nan=False))
def test_batch_cap_is_exact_inverse(target: float) -> None:
    b = batch_cap(_H, target, max_batch=256)
    if b > 0:
        assert float(_H.power_w(b)) <= target
    else:
        assert float(_H.power_w(1)) > target
    if b < 256:
        assert target < float(_H.power_w(b + 1))


def test_batch_cap_counts_all_gpus_of_a_replica() -> None:
    tp2 = dataclasses.replace(_H, gpus_per_replica=2)
    assert batch_cap(tp2, 2 * 450.0, 256) == batch_cap(_H, 450.0, 256)


def test_gridflex_cli_json(cli) -> None:
    r = cli("grid-flex", "--rate", "20", "--depths", "0,0.1,0.3", "--replicas", "3",
            "--window-s", "120", "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    caps = [row["batch_cap"] for row in d["rows"]]
    assert caps == sorted(caps, reverse=True) and caps[0] == d["max_batch"]
    assert d["sustained_safe_depth"] is not None
    assert cli("grid-flex", "--depths", "1.5").code == 2


# ------------------------------------------------------------------ tok per watt


def test_tp2_replica_draws_twice_the_power() -> None:
    tp2 = dataclasses.replace(_H, gpus_per_replica=2)
    a, b = replica_point(_H, 32, 1000.0), replica_point(tp2, 32, 1000.0)
    assert b.power_w == pytest.approx(2 * a.power_w)


def test_tokens_per_joule_rises_with_utilisation() -> None:
    r = tok_per_watt(Scenario(), utilisations=(0.1, 0.5, 1.0))
    for gpu in r.slots:
        tpj = [p.tokens_per_joule for p in r.points if p.name == gpu]
        assert tpj == sorted(tpj) and tpj[0] < tpj[-1]


def test_tok_per_watt_cli_json_with_fleet(cli) -> None:
    fleet = str(data_path("examples", "agent_heavy_two_pools.fleet.yaml"))
    r = cli("tok-per-watt", "--utilisations", "0.5,1", "--fleet", fleet, "--format", "json")
    assert r.code == 0, r.err
    pts = r.json()["points"]
    assert {p["name"] for p in pts} >= {"H100-SXM", "fleet"}
    assert all(p["tokens_per_joule"] > 0 for p in pts)


# ------------------------------------------------------------------ multi-model


def test_multi_model_routes_by_model() -> None:
    cfg = MultiModelFleet(
        models=[{"name": "llama-3.1-8b", "rate_per_s": 10, "slo": {"ttft_p99_s": 0.5}},
                {"name": "qwen3-32b", "workload": {"kind": "cdf", "name": "lmsys"},
                 "rate_per_s": 2, "slo": {"ttft_p99_s": 1.0}}],
        pools=[{"name": "a", "model": "llama-3.1-8b", "gpu": "H100-SXM", "replicas": 1,
                "max_ctx_tokens": 65536},
               {"name": "b", "model": "llama-3.1-8b", "gpu": "A100-80GB", "replicas": 1,
                "max_ctx_tokens": 65536},
               {"name": "c", "model": "qwen3-32b", "gpu": "H100-SXM", "tensor_parallel_size": 2,
                "replicas": 1, "max_ctx_tokens": 40960}],
    )
    r = simulate_multi_model(cfg, n_requests=2000, replications=2)
    pools = {p.name: p for p in r.pools}
    llama, qwen = r.models
    assert llama.arrivals == pools["a"].sim.arrivals + pools["b"].sim.arrivals
    assert qwen.arrivals == pools["c"].sim.arrivals
    assert llama.arrivals > 3 * qwen.arrivals
    assert pools["c"].gpus == 2


def test_multi_model_config_rejects_unknown_model() -> None:
    with pytest.raises(ValueError):
        MultiModelFleet(models=[{"name": "m", "rate_per_s": 1}],
                        pools=[{"model": "x", "gpu": "H100-SXM", "replicas": 1,
                                "max_ctx_tokens": 4096}])


def test_simulate_fleet_cli_json(cli) -> None:
    r = cli("simulate-fleet", FLEET, "--requests", "3000", "--replications", "2",
            "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    assert [m["name"] for m in d["models"]] == ["llama-3.1-8b", "qwen3-32b"]
    for m in d["models"]:
        assert 0 <= m["slo_attainment"]["value"] <= 1
        assert m["ttft_p99_s"]["n"] == 2
    assert len(d["pools"]) == 2
    assert cli("simulate-fleet", "no/such/file.yaml").code == 2


def test_disagg_cli_json(cli) -> None:
    r = cli("disagg", "--rate", "20", "--gpus", "H100-SXM", "--aggregated", "one-pool",
            "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    assert d["best"]["feasible"] and d["pd_ratio"] > 0
    assert d["aggregated_cost_usd_per_hour"] > 0
    assert cli("disagg", "--link", "pigeon").code == 2
