"""Several models in one integer program: exact combination, shared constraints, eligibility by
model, verification model by model."""

from __future__ import annotations

import pytest

import optfleet
from optfleet import ModelLoad, Scenario
from optfleet._data import data_path
from optfleet.errors import InputError
from optfleet.planning.results import Plan

CHAT = ModelLoad(name="chat", model="llama-3.1-8b", rate_per_s=40)
CODE = ModelLoad(
    name="code", model="qwen3-32b", workload={"kind": "cdf", "name": "lmsys"}, rate_per_s=5,
    slo={"ttft_p99_s": 1.0}, long_max_ctx_tokens=40960,
    tensor_parallel={"A100-80GB": 2, "H100-SXM": 2},
)
GPUS = ("A100-80GB", "H100-SXM")


def test_entry_overrides_the_scenario() -> None:
    s = Scenario(rate_per_s=7, arrivals={"kind": "poisson", "rate_per_s": 7}, models=(CODE,))
    sub = s.for_model(CODE)
    assert (sub.rate_per_s, sub.arrivals, sub.model, sub.slo.ttft_p99_s) == (5, None,
                                                                              "qwen3-32b", 1.0)
    assert sub.gpus == s.gpus and sub.preset == s.preset and sub.models == ()


def test_names_are_checked() -> None:
    with pytest.raises(InputError, match="unique"):
        optfleet.scenario.validate_model(
            Scenario, {"models": [{"name": "a"}, {"name": "a"}]}, "scenario")
    with pytest.raises(InputError):
        optfleet.scenario.validate_model(Scenario, {"models": [{"name": "a/b"}]}, "scenario")


def test_without_shared_constraints_the_joint_plan_is_the_sum() -> None:
    s = Scenario(gpus=GPUS, models=(CHAT, CODE))
    joint = optfleet.plan(s, verify=False)
    alone = [optfleet.plan(s.for_model(m), verify=False) for m in s.models]
    assert joint.cost_usd_per_hour == pytest.approx(sum(p.cost_usd_per_hour for p in alone))
    assert {p.model for p in joint.pools} == {"chat", "code"}
    assert all(p.role.startswith(f"{p.model}/") for p in joint.pools)
    assert joint.rate_per_s == pytest.approx(45.0)


def test_a_shared_gpu_cap_couples_the_models() -> None:
    code_h100 = {"code": ("H100-SXM",)}
    free = optfleet.plan(Scenario(gpus=GPUS, models=(CHAT, CODE),
                                  constraints={"eligible": code_h100}), verify=False)
    h100 = sum(p.gpus for p in free.pools if p.gpu == "H100-SXM")
    assert all(p.gpu == "H100-SXM" for p in free.pools if p.model == "code")
    capped = optfleet.plan(
        Scenario(gpus=GPUS, models=(CHAT, CODE),
                 constraints={"eligible": code_h100, "max_gpus": {"H100-SXM": h100 - 1}}),
        verify=False,
    )
    assert sum(p.gpus for p in capped.pools if p.gpu == "H100-SXM") <= h100 - 1
    assert capped.cost_usd_per_hour > free.cost_usd_per_hour
    assert any("max_gpus" in b for b in capped.binding_constraints)


def test_infeasible_model_is_named() -> None:
    bad = ModelLoad(name="tiny-slo", slo={"ttft_p99_s": 0.001})
    with pytest.raises(optfleet.InfeasibleError, match="model 'tiny-slo'"):
        optfleet.plan(Scenario(gpus=GPUS, models=(CHAT, bad)), verify=False)


def test_verified_model_by_model() -> None:
    s = Scenario(gpus=("H100-SXM",), models=(
        ModelLoad(name="a", rate_per_s=10), ModelLoad(name="b", rate_per_s=5,
                                                      workload={"kind": "cdf", "name": "lmsys"}),
    ))
    p = optfleet.plan(s)
    assert p.verified
    assert "a: engine-level" in p.verification[-1].detail
    assert "b: engine-level" in p.verification[-1].detail
    assert all(pp.simulated_p99_ttft_s is not None for pp in p.pools)
    assert Plan.from_json(p.to_json()) == p


def test_cli_multi_model_example(cli) -> None:
    r = cli("plan", str(data_path("examples", "multi_model.scenario.yaml")), "--no-verify",
            "--format", "json")
    assert r.code == 0, r.err
    d = r.json()
    assert {p["model"] for p in d["pools"]} == {"chat", "code"}
    assert d["layout"].startswith("chat: ") and " + code: " in d["layout"]
    h100 = sum(p["gpus"] for p in d["pools"] if p["gpu"] == "H100-SXM")
    assert h100 <= 6


def test_unknown_eligibility_names_are_errors(cli, tmp_path) -> None:
    with pytest.raises(InputError, match="names no pool or model"):
        optfleet.plan(Scenario(gpus=GPUS, models=(CHAT,), constraints={"eligible": {"x": GPUS}}),
                      verify=False)
    with pytest.raises(InputError, match="not in the menu"):
        optfleet.plan(Scenario(gpus=GPUS, constraints={"eligible": {"all": ("A10G",)}}),
                      verify=False)
    f = tmp_path / "s.yaml"
    f.write_text("gpus: [H100-SXM]\nconstraints: {eligible: {nope: [H100-SXM]}}\n")
    r = cli("plan", str(f), "--no-verify")
    assert r.code == 2 and "nope" in r.err


def test_single_model_commands_refuse_several_models(cli) -> None:
    path = str(data_path("examples", "multi_model.scenario.yaml"))
    for args in (("pareto", path), ("whatif", path, "--rates", "45,90"), ("disagg", path),
                 ("plan", path, "--rate", "400")):
        r = cli(*args)
        assert r.code == 2, (args, r.err)
        assert len(r.err.strip().splitlines()) == 1
