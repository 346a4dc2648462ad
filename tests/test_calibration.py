"""Calibration: the fit recovers the constants that generated its measurements, reports its
errors honestly, and a profile file changes what plan and simulate use (and is recorded)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from optfleet.calibration.api import calibrate, profile_file_text
from optfleet.calibration.fit import fit_profile
from optfleet.calibration.measurements import LatencyRun, ServingRun, StepTiming
from optfleet.calibration.model import Replica
from optfleet.calibration.predict import FITTED_SERVING_METRICS, predict_points
from optfleet.errors import InputError
from optfleet.scenario import Scenario, ServingConfig
from optfleet.scenario.profile_file import load_profile_file

TRUTH = {"bandwidth_fraction": 0.6, "flop_fraction": 0.5, "iteration_overhead_s": 0.003}
REPLICA = Replica.of("H100", "llama-3.1-8b", ServingConfig())
BUNDLED = Path(__file__).resolve().parents[1] / "data" / "calibration"


def _steps(truth: dict[str, float]) -> list[StepTiming]:
    prof = REPLICA.profile(truth)
    shapes = [(0, 1, 500), (0, 16, 16_000), (0, 64, 128_000), (0, 256, 256_000),
              (2048, 0, 0), (1024, 32, 64_000), (512, 128, 200_000), (4096, 8, 4000)]
    return [StepTiming(p, d, c, float(prof.iteration.time_s(p, d, c)), f"steps.csv:{i + 2}")
            for i, (p, d, c) in enumerate(shapes)]


def _write_steps(path: Path, steps: list[StepTiming]) -> Path:
    rows = ["prefill_tokens,batch,context_tokens,step_s"]
    rows += [f"{s.prefill_tokens},{s.decode_seqs},{s.context_tokens},{s.step_s!r}"
             for s in steps]
    path.write_text("\n".join(rows) + "\n")
    return path


def _serving_runs(truth: dict[str, float], latency: float = 0.0, *, gen_seed: int = 2,
                  open_loop: bool = False) -> list[ServingRun]:
    """Serving runs whose metrics are the engine simulation of ``truth``, generated with their
    own seed (not the fit's): bursts (rate inf) and closed loops at several concurrencies,
    short and long prompts; ``open_loop``: Poisson runs at finite rates instead."""
    prof = REPLICA.profile(truth)
    rng = np.random.default_rng(5)
    runs = []
    if open_loop:
        shapes = [((100, 500, 100, 500), r, None) for r in (2.0, 10.0, 25.0)]
        shapes += [((2000, 6000, 20, 100), r, None) for r in (2.0, 10.0)]
        shapes += [((6000, 12000, 300, 600), 4.0, None)]
    else:
        shapes = [((100, 500, 100, 500), math.inf, u) for u in (1, 8, 32)]
        shapes += [((2000, 6000, 20, 100), math.inf, u) for u in (2, 16)]
        shapes += [((6000, 12000, 300, 600), math.inf, 8)]  # long contexts: the KV reads show
        shapes += [((200, 1000, 50, 300), math.inf, None)]  # one burst
    for (a, b, c, d), rate, users in shapes:
        n = 150
        inp = tuple(int(x) for x in rng.integers(a, b, n))
        out = tuple(int(x) for x in rng.integers(c, d, n))
        metrics = dict.fromkeys(FITTED_SERVING_METRICS + ("p99_ttft_s",), 1.0)
        if users:
            metrics["request_throughput_per_s"] = 1.0
        stub = ServingRun(rate, users, 1.0, inp, out, metrics=metrics, source="stub")
        got = predict_points(stub, prof, seed=gen_seed, request_latency_s=latency)
        runs.append(ServingRun(rate, users, 1.0, inp, out,
                               metrics={p.metric: p.value for p in got},
                               source=f"run{len(runs)}.json"))
    return runs


def _close(fit, truth: dict[str, float], tol: float) -> None:
    for k, v in truth.items():
        got = fit.parameters[k].value
        assert abs(got / v - 1) < tol, (k, got, v)


def test_step_timings_recover_every_constant_exactly() -> None:
    fit = fit_profile(_steps(TRUTH), REPLICA, seed=0)
    _close(fit, TRUTH, 1e-4)
    assert fit.rms_relative_error < 1e-6
    assert not any(p.at_bound for p in fit.parameters.values())
    # the points show the roofline before the fit, far from the truth
    assert max(abs(p.start / p.measured - 1) for p in fit.points) > 0.2


def test_serving_runs_recover_the_constants_within_two_percent() -> None:
    """Bursts and closed loops (the runs vLLM's benchmark makes without a rate) have no random
    arrivals: generated with another seed than the fit's, they are recovered."""
    truth = {**TRUTH, "request_latency_s": 0.05}
    runs = _serving_runs(TRUTH, latency=0.05, gen_seed=2)
    fit = fit_profile(runs, REPLICA, seed=0)
    assert set(fit.parameters) == set(truth)
    _close(fit, truth, 0.02)
    assert fit.rms_relative_error < 0.01
    # closed-loop throughput is fitted, the P99 TTFT only compared
    used = {(p.metric, p.fitted) for p in fit.points}
    assert ("request_throughput_per_s", True) in used and ("p99_ttft_s", False) in used
    assert not any("open loop" in w for w in fit.warnings)


def test_open_loop_runs_are_noisier_and_say_so() -> None:
    """Poisson runs: vLLM saves no send times, so the fit simulates other arrivals; the
    constants land near the truth (within 25 % with 150 requests a run), not on it, and the
    fit warns."""
    runs = _serving_runs(TRUTH, latency=0.05, gen_seed=2, open_loop=True)
    fit = fit_profile(runs, REPLICA, seed=0)
    _close(fit, {**TRUTH, "request_latency_s": 0.05}, 0.25)
    assert any("open loop at a finite rate" in w for w in fit.warnings)


def test_latency_runs_are_simulated_batches() -> None:
    prof = REPLICA.profile(TRUTH)
    runs = []
    for b, i, o in [(1, 128, 128), (8, 512, 256), (32, 1024, 128), (64, 128, 512)]:
        stub = LatencyRun(b, i, o, 1.0, source="lat.json")
        runs.append(LatencyRun(b, i, o, predict_points(stub, prof, seed=0)[0].value,
                               source="lat.json"))
    # one sequence of o tokens costs at least o decode steps
    assert runs[0].latency_s > 128 * float(prof.decode_iteration_s(1, 128))
    fit = fit_profile(runs, REPLICA, seed=0)
    _close(fit, {"bandwidth_fraction": 0.6, "iteration_overhead_s": 0.003}, 0.02)


def test_the_fit_is_deterministic_and_the_seed_matters() -> None:
    runs = _serving_runs(TRUTH, open_loop=True)[:3]
    a = fit_profile(runs, REPLICA, seed=3, parameters=["bandwidth_fraction"])
    b = fit_profile(runs, REPLICA, seed=3, parameters=["bandwidth_fraction"])
    c = fit_profile(runs, REPLICA, seed=4, parameters=["bandwidth_fraction"])
    assert a.parameters == b.parameters and a.points == b.points
    assert a.points != c.points


def test_holdout_scores_held_out_runs_apart() -> None:
    steps = _steps(TRUTH)
    fit = fit_profile(steps, REPLICA, holdout=0.25, seed=1)
    held = [p for p in fit.points if p.held_out]
    assert len(held) == 2 and fit.holdout_rms_relative_error is not None
    assert fit.holdout_rms_relative_error < 1e-4  # the model is exact on its own data
    # a model that can not describe the data scores worse on the held-out points than zero
    bad = [StepTiming(s.prefill_tokens, s.decode_seqs, s.context_tokens,
                      s.step_s * (1.5 if i % 2 else 0.7), s.source)
           for i, s in enumerate(steps)]
    worse = fit_profile(bad, REPLICA, holdout=0.25, seed=1)
    assert worse.holdout_rms_relative_error > 0.05
    assert any("rms error" in w for w in worse.warnings)


def test_a_constant_on_its_bound_or_unseen_is_named() -> None:
    # weights streamed at 3 % of the datasheet bandwidth: below the search's lower bound
    slow = _steps({**TRUTH, "bandwidth_fraction": 0.03})
    fit = fit_profile(slow, REPLICA, seed=0)
    assert fit.parameters["bandwidth_fraction"].at_bound
    assert any("bandwidth_fraction" in w and "bound" in w for w in fit.warnings)
    # decode-only steps at batch 1 never reach the compute roofline: flop_fraction is unseen
    tiny = [s for s in _steps(TRUTH) if s.prefill_tokens == 0 and s.decode_seqs <= 16]
    fit = fit_profile(tiny, REPLICA, seed=0)
    assert "flop_fraction" not in fit.parameters and "flop_fraction" in fit.fixed
    assert any(w.startswith("flop_fraction: no measurement depends on it") for w in fit.warnings)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"parameters": ["warp_speed"]}, "unknown fit parameters"),
    ({"parameters": ["bandwidth_fraction", "bandwidth_fraction"]}, "repeated"),
    ({"holdout": 1.0}, "--holdout"),
    ({"holdout": -0.1}, "--holdout"),
])
def test_bad_fit_options_are_input_errors(kwargs, message) -> None:
    with pytest.raises(InputError, match=message):
        fit_profile(_steps(TRUTH), REPLICA, **kwargs)


# ------------------------------------------------------------------ profile files in use


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cal")
    slow = {"bandwidth_fraction": 0.35, "flop_fraction": 0.3, "iteration_overhead_s": 0.004}
    csv = _write_steps(d / "steps.csv", _steps(slow))
    cal = calibrate([csv], gpu="H100-SXM", model="llama-3.1-8b")
    out = d / "h100.profile.yaml"
    out.write_text(profile_file_text(cal.profile))
    return out


def test_profile_file_round_trip(profile_path: Path) -> None:
    pf = load_profile_file(profile_path)
    assert pf.gpu == "H100-SXM" and pf.model == "llama-3.1-8b"
    assert abs(pf.efficiency.bandwidth_fraction / 0.35 - 1) < 1e-3
    assert pf.fit is not None and pf.fit.points == 8 and pf.fit.sources[0].kind == "steps-csv"
    assert len(pf.fit.sources[0].sha256) == 64


def test_a_calibrated_profile_changes_the_plan_and_is_recorded(profile_path: Path) -> None:
    from optfleet import plan

    base = Scenario(gpus=("H100-SXM",), rate_per_s=20.0)
    before = plan(base, verify=False)
    after = plan(base.model_copy(update={"profiles": {"H100-SXM": profile_path}}), verify=False)
    assert after.gpus > before.gpus  # a slower replica: more GPUs
    rec = {p.kind: p for p in after.provenance.profiles}
    assert set(rec) == {"fitted"}
    fitted = rec["fitted"]
    assert fitted.profile_file == str(profile_path) and fitted.fit_date
    assert fitted.fit_rms_relative_error is not None and fitted.fit_rms_relative_error < 1e-4
    assert {p.kind for p in before.provenance.profiles} == {"derived"}


def test_a_profile_for_another_replica_is_refused(profile_path: Path) -> None:
    from optfleet import plan

    s = Scenario(gpus=("H100-SXM",), profiles={"H100-SXM": profile_path})
    with pytest.raises(InputError, match="tensor parallelism 1, but this replica uses 2"):
        plan(s.model_copy(update={"tensor_parallel": {"H100-SXM": 2}}), verify=False)
    with pytest.raises(InputError, match="model llama-3.1-8b"):
        plan(s.model_copy(update={"model": "qwen3-32b"}), verify=False)
    with pytest.raises(InputError, match="reference planner's constants"):
        plan(s.model_copy(update={"preset": "fleet-sim", "gpus": ("H100-SXM",)}), verify=False)
    with pytest.raises(InputError, match="fitted on H100-SXM, but is named for GPU type A10G"):
        plan(Scenario(gpus=("A10G",), profiles={"A10G": profile_path}), verify=False)


def test_cli_calibrate_writes_the_profile_and_plan_takes_it(cli, tmp_path, profile_path) -> None:
    csv = _write_steps(tmp_path / "steps.csv", _steps(TRUTH))
    out = tmp_path / "p.profile.yaml"
    r = cli("calibrate", str(csv), "--gpu", "H100", "--model", "llama-3.1-8b",
            "--holdout", "0.25", "-o", str(out), "--format", "json")
    assert r.code == 0, r.err
    doc = r.json()
    assert doc["written"] == str(out) and out.is_file()
    fit = doc["profile"]["fit"]
    assert fit["holdout_points"] == 2 and fit["holdout_rms_relative_error"] < 1e-4
    assert len(doc["points"]) == 8
    assert {p["metric"] for p in doc["points"]} == {"step_s"}
    table = cli("calibrate", str(csv), "--gpu", "H100", "--model", "llama-3.1-8b")
    assert table.code == 0 and "Measured against the model" in table.out
    assert "rms relative error (fit)" in table.out
    p = cli("plan", "--gpus", "H100-SXM", "--profile", str(profile_path), "--no-verify",
            "--format", "json")
    assert p.code == 0, p.err
    kinds = {x["kind"] for x in p.json()["provenance"]["profiles"]}
    assert kinds == {"fitted"}


@pytest.mark.parametrize(("args", "message"), [
    (["--gpu", "H100"], "--gpu and --model"),
    (["--gpu", "H100", "--model", "llama-3.1-8b", "--holdout", "2"], "--holdout"),
    (["--gpu", "Z100", "--model", "llama-3.1-8b"], "Z100"),
    (["--gpu", "H100", "--model", "llama-3.1-8b", "--fit", "warp"], "unknown fit parameters"),
])
def test_cli_bad_options_exit_2_with_one_line(cli, tmp_path, args, message) -> None:
    csv = _write_steps(tmp_path / "steps.csv", _steps(TRUTH))
    r = cli("calibrate", str(csv), *args)
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1


def test_cli_malformed_file_exit_2(cli, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"completed": 3, "request_rate": ')
    r = cli("calibrate", str(bad), "--gpu", "H100", "--model", "llama-3.1-8b")
    assert r.code == 2 and "bad.json" in r.err and len(r.err.strip().splitlines()) == 1


def test_cli_profile_names_its_gpu_once(cli, profile_path) -> None:
    r = cli("plan", "--profile", str(profile_path), "--profile", str(profile_path),
            "--no-verify")
    assert r.code == 2 and "two files for H100-SXM" in r.err


def test_simulate_uses_a_fleet_files_profile(tmp_path, profile_path) -> None:
    from optfleet.sim.fleetfile import build_simulation, load_fleet

    fleet = tmp_path / "f.fleet.yaml"
    fleet.write_text(json.dumps({
        "pools": [{"gpu": "H100-SXM", "replicas": 1, "max_ctx_tokens": 8192}],
        "profiles": {"H100-SXM": str(profile_path)},
    }))
    sim = build_simulation(load_fleet(fleet))
    prof = sim.fleet.pools[0].profile
    assert "calibrated profile" in prof.source
    assert abs(prof.iteration.c0_s - 0.004) < 1e-5


def _start_rms(cal) -> float:
    return float(np.sqrt(np.mean([(p.start / p.measured - 1) ** 2
                                  for p in cal.fit.points if p.fitted])))


def test_bundled_mi300x_sweep_fits() -> None:
    """dstack's vLLM sweep (Llama-3.1-405B, 8x MI300X, printed blocks): every block read, the
    fit far better than the roofline on it, and its error stated."""
    manifest = BUNDLED / "dstack_mi300x_llama31_405b_tp8" / "runs.yaml"
    cal = calibrate([manifest], holdout=0.0, seed=0,
                    parameters=["flop_fraction", "iteration_overhead_s", "request_latency_s"])
    assert len(cal.measurements) == 21
    assert cal.fit.rms_relative_error < 0.5 * _start_rms(cal)
    assert cal.profile.gpu == "MI300X" and cal.profile.tensor_parallel_size == 8
    assert any("totals only" in w for w in cal.fit.warnings)


def test_bundled_h100_sweep_fits() -> None:
    """Lambda's vLLM sweep (Llama-3-8B, 1x H100, detailed JSON, multi-step scheduling): the
    empty completions are counted, the bursty ITLs compared, not fitted."""
    manifest = BUNDLED / "lambda_h100_llama3_8b" / "runs.yaml"
    cal = calibrate([manifest], seed=0)
    assert len(cal.measurements) == 6 and cal.failed_requests == 26
    assert all(m.lengths_exact for m in cal.measurements)
    assert any("bursts" in w for w in cal.fit.warnings)
    assert not any(p.fitted for p in cal.fit.points if p.metric == "mean_itl_s")
    assert cal.fit.rms_relative_error < 0.5 * _start_rms(cal)
    assert cal.profile.measured_serving.max_model_len == 2048


def test_plan_and_explain_name_the_profile_and_its_extrapolation(cli, tmp_path,
                                                                  profile_path) -> None:
    out = tmp_path / "plan.json"
    r = cli("plan", "--gpus", "H100-SXM", "--profile", str(profile_path), "--no-verify",
            "--rate", "20", "-o", str(out))
    assert r.code == 0, r.err
    assert f"profile: llama-3.1-8b on H100-SXM from {profile_path}" in r.out
    e = cli("explain", str(out))
    assert e.code == 0 and f"calibrated file {profile_path}" in e.out
    doc = json.loads(out.read_text())
    (rec,) = doc["provenance"]["profiles"]
    assert rec["kind"] == "fitted" and rec["profile_sha256"]
    # the scenario serves with the benchmark's own settings: nothing extrapolated
    assert "extrapolated" not in rec["notes"]
    r = cli("plan", "--gpus", "H100-SXM", "--profile", str(profile_path), "--no-verify",
            "--rate", "20", "--format", "json")
    assert r.code == 0


def test_serving_settings_unlike_the_benchmarks_are_noted(profile_path) -> None:
    from optfleet.physics.fitted import profile_from_file

    pf = load_profile_file(profile_path)
    prof = profile_from_file(pf, "H100", "llama-3.1-8b", ServingConfig(max_num_seqs=64))
    assert "served with max_num_seqs 64, measured with 256 (extrapolated)" in prof.notes


def test_profile_command_shows_the_fitted_replica(cli, profile_path) -> None:
    plain = cli("profile", "H100-SXM", "--format", "json").json()
    fitted = cli("profile", "H100-SXM", "--profile", str(profile_path), "--format", "json")
    assert fitted.code == 0
    doc = fitted.json()
    assert abs(doc["iteration.c0_s"] - 0.004) < 1e-5 and plain["iteration.c0_s"] == 0.001
    assert "calibrated profile" in doc["source"]


def test_multi_model_fleet_pools_take_a_profile(tmp_path, profile_path) -> None:
    from optfleet.analysis.multimodel import _pool_specs, load_multi_model_fleet

    f = tmp_path / "mm.yaml"
    f.write_text(json.dumps({
        "models": [{"name": "llama-3.1-8b", "rate_per_s": 1.0}],
        "pools": [{"model": "llama-3.1-8b", "gpu": "H100-SXM", "replicas": 1,
                   "max_ctx_tokens": 8192, "profile": str(profile_path)}],
    }))
    (spec,) = _pool_specs(load_multi_model_fleet(f))
    assert abs(spec.profile.iteration.c0_s - 0.004) < 1e-5
