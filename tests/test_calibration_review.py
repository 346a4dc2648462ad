"""Review of issue #13 (calibration): reproductions of what a demanding user hits, plus checks
of what works (closed loop inside the fit, determinism, one-line errors).  Fast (< 60 s)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from optfleet.calibration.api import calibrate, profile_file_text
from optfleet.calibration.fit import fit_profile
from optfleet.calibration.measurements import ServingRun, StepTiming
from optfleet.calibration.model import Replica
from optfleet.calibration.predict import FITTED_SERVING_METRICS, predict_points
from optfleet.scenario import ServingConfig

REPLICA = Replica.of("H100", "llama-3.1-8b", ServingConfig())
TRUTH = {"bandwidth_fraction": 0.6, "flop_fraction": 0.5, "iteration_overhead_s": 0.003}
LAMBDA = Path(__file__).resolve().parents[1] / "data" / "calibration" / "lambda_h100_llama3_8b"
DATA = Path(__file__).resolve().parent / "data" / "calibration"


def _steps_csv(path: Path) -> Path:
    prof = REPLICA.profile(TRUTH)
    rows = ["prefill_tokens,batch,context_tokens,step_s"]
    for p, d, c in [(0, 1, 500), (0, 16, 16_000), (0, 64, 128_000), (0, 256, 256_000),
                    (2048, 0, 0), (1024, 32, 64_000), (512, 128, 200_000), (4096, 8, 4000)]:
        rows.append(f"{p},{d},{c},{float(prof.iteration.time_s(p, d, c))!r}")
    path.write_text("\n".join(rows) + "\n")
    return path


def _one_line_exit_2(r) -> None:
    assert r.code == 2, (r.code, r.err)
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err


# --------------------------------------------------------------------------- CLI: exit codes


@pytest.mark.parametrize("args", [
    ["--tp", "0"],
    ["--gpu-memory-utilization", "2"],
    ["--max-num-batched-tokens", "0"],
    ["--max-num-seqs", "0"],
    ["--dtype", "int3"],
])
def test_out_of_range_serving_option_is_exit_2_not_an_internal_error(cli, tmp_path,
                                                                       args) -> None:
    """FAILS now: api._replica's ServingConfig.model_validate raises a pydantic ValidationError
    that reaches the CLI as 'internal error', exit 70."""
    csv = _steps_csv(tmp_path / "steps.csv")
    r = cli("calibrate", str(csv), "--gpu", "H100", "--model", "llama-3.1-8b", *args)
    _one_line_exit_2(r)


def test_negative_seed_is_exit_2(cli, tmp_path) -> None:
    """FAILS now: --seed -1 reaches FitRecord(seed: NonNegInt) -> internal error, exit 70."""
    csv = _steps_csv(tmp_path / "steps.csv")
    r = cli("calibrate", str(csv), "--gpu", "H100", "--model", "llama-3.1-8b", "--seed", "-1")
    _one_line_exit_2(r)


@pytest.mark.parametrize(("name", "content", "extra"), [
    ("adir", None, []),
    ("bin.json", b"\x87\x01\xff\x00garbage", []),
    ("nan.csv", "batch,context_tokens,prefill_tokens,step_s\n8,8000,0,nan\n", []),
    ("mixed.json", json.dumps([{"completed": 1, "request_rate": "inf",
                                "total_input_tokens": 10, "total_output_tokens": 10},
                               {"avg_latency": 1.0, "latencies": [1.0]}]), []),
    ("lat.json", json.dumps({"avg_latency": 1.0, "latencies": [1.0]}), []),
    ("one.csv", "batch,context_tokens,step_s\n8,8000,0.01\n", ["--holdout", "0.5"]),
    ("empty.json", "", []),
])
def test_malformed_inputs_are_one_line_exit_2(cli, tmp_path, name, content, extra) -> None:
    """Passes: verified, kept as a regression guard."""
    p = tmp_path / name
    if content is None:
        p.mkdir()
    elif isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content)
    r = cli("calibrate", str(p), "--gpu", "H100", "--model", "llama-3.1-8b", *extra)
    _one_line_exit_2(r)


def test_output_into_a_missing_folder_is_exit_2(cli, tmp_path) -> None:
    csv = _steps_csv(tmp_path / "steps.csv")
    r = cli("calibrate", str(csv), "--gpu", "H100", "--model", "llama-3.1-8b",
            "-o", str(tmp_path / "nope" / "x.profile.yaml"))
    _one_line_exit_2(r)


# --------------------------------------------------------------------------- manifests


def _manifest(tmp_path: Path, body: str) -> Path:
    for f in ("prompt_10.json", "prompt_20.json"):
        (tmp_path / f).write_bytes((LAMBDA / f).read_bytes())
    m = tmp_path / "runs.yaml"
    m.write_text(body)
    return m


def test_command_line_rate_contradicting_the_manifest_is_an_error(cli, tmp_path) -> None:
    """FAILS now: docs/calibration.md says 'a command-line option that contradicts the manifest
    is an error', but api._expand merges {**manifest_entry, **cli_options}: --request-rate 4
    silently replaces the manifest's inf for a text block that does not print its rate."""
    src = (Path(__file__).resolve().parents[1] / "data" / "calibration"
           / "dstack_mi300x_llama31_405b_tp8" / "serving_benchmarks_vllm_80.txt")
    lines = src.read_text().splitlines()[1:43]  # the first two printed result blocks
    (tmp_path / "two.txt").write_text("\n".join(lines) + "\n")
    m = tmp_path / "runs.yaml"
    m.write_text("files:\n  - {file: two.txt, gpu: MI300X, model: llama-3.1-405b, tp: 8, "
                 "request_rate_per_s: inf}\n")
    r = cli("calibrate", str(m), "--request-rate", "4", "--fit", "iteration_overhead_s")
    _one_line_exit_2(r)


def test_command_line_serving_option_contradicting_the_manifest_is_an_error(cli, tmp_path
                                                                            ) -> None:
    """FAILS now: --max-num-seqs 64 silently replaces the manifest's serving.max_num_seqs 256
    (api._replica: {**manifest.serving, **cli}); only tp and dtype are checked."""
    m = _manifest(tmp_path, "serving: {max_num_seqs: 256}\nfiles:\n"
                  "  - {file: prompt_10.json, gpu: H100-SXM, model: llama-3.1-8b}\n")
    r = cli("calibrate", str(m), "--max-num-seqs", "64", "--fit", "flop_fraction")
    _one_line_exit_2(r)


def test_manifest_serving_tp_contradicting_its_files_is_an_error(tmp_path) -> None:
    """FAILS now: serving.tensor_parallel_size 2 is silently replaced by the files' tp 1."""
    from optfleet.errors import InputError

    m = _manifest(tmp_path, "serving: {tensor_parallel_size: 2}\nfiles:\n"
                  "  - {file: prompt_10.json, gpu: H100-SXM, model: llama-3.1-8b}\n")
    with pytest.raises(InputError):
        calibrate([m], parameters=["flop_fraction"])


def test_tp_contradiction_names_the_option_the_user_typed(cli, tmp_path) -> None:
    """FAILS now: the message says '--tensor-parallel-size 2', the option is --tp."""
    m = _manifest(tmp_path, "files:\n  - {file: prompt_10.json, gpu: H100-SXM, "
                  "model: llama-3.1-8b}\n")
    r = cli("calibrate", str(m), "--tp", "2")
    _one_line_exit_2(r)
    assert "--tp " in r.err, r.err


def test_malformed_yaml_manifest_reports_the_yaml_error(cli, tmp_path) -> None:
    """FAILS now: manifest.is_manifest swallows the YAML error, so a broken runs.yaml is
    reported as 'name the measured replica: --gpu and --model' (or, with them, as 'not a known
    benchmark format')."""
    m = _manifest(tmp_path, "files:\n  - {file: prompt_10.json, gpu: H100-SXM\n")
    r = cli("calibrate", str(m))
    _one_line_exit_2(r)
    assert "--gpu and --model" not in r.err, r.err


def test_the_same_file_twice_is_not_silently_double_weighted(tmp_path) -> None:
    """FAILS now (judgement call): a file given twice (or by two manifests) is fitted twice."""
    from optfleet.errors import InputError

    m = _manifest(tmp_path, "files:\n  - {file: prompt_10.json, gpu: H100-SXM, "
                  "model: llama-3.1-8b}\n")
    with pytest.raises(InputError):
        calibrate([m, m], parameters=["flop_fraction"])


# --------------------------------------------------------------------------- the profile file


def test_profile_file_keeps_the_efficiency_the_fit_ran_with(tmp_path) -> None:
    """FAILS now: the fit runs with the manifest's serving.efficiency (here a 0.5 ms all-reduce
    latency), but _profile_file writes only the fitted constants to `efficiency`; a plan using
    the profile then takes the default all-reduce latency, so its steps are not the fitted
    model's steps."""
    from optfleet.physics.fitted import profile_from_file
    from optfleet.scenario.profile_file import load_profile_file

    csv = _steps_csv(tmp_path / "steps.csv")
    m = tmp_path / "runs.yaml"
    m.write_text("serving: {efficiency: {allreduce_latency_s: 0.0005}}\nfiles:\n"
                 f"  - {{file: {csv.name}, gpu: H100-SXM, model: llama-3.1-8b, tp: 2}}\n")
    cal = calibrate([m], parameters=["iteration_overhead_s"])
    out = tmp_path / "p.profile.yaml"
    out.write_text(profile_file_text(cal.profile))
    fitted_model = cal.replica.profile(cal.fit.constants)
    used = profile_from_file(load_profile_file(out), "H100-SXM", "llama-3.1-8b",
                             ServingConfig(tensor_parallel_size=2))
    for p, d, c in [(0, 8, 8000), (2048, 0, 0)]:
        assert float(used.iteration.time_s(p, d, c)) == pytest.approx(
            float(fitted_model.iteration.time_s(p, d, c)), rel=1e-9)


def test_profile_file_is_deterministic_except_the_date(tmp_path) -> None:
    """Passes: same inputs, same seed -> same file but the fit date."""
    csv = _steps_csv(tmp_path / "steps.csv")
    kw = {"gpu": "H100", "model": "llama-3.1-8b", "holdout": 0.25, "seed": 3}
    a = profile_file_text(calibrate([csv], **kw).profile).splitlines()
    b = profile_file_text(calibrate([csv], **kw).profile).splitlines()
    assert [x for x in a if "date:" not in x] == [x for x in b if "date:" not in x]


# --------------------------------------------------------------------------- closed loop


def _run(users: int | None, n: int = 24, seed: int = 1) -> ServingRun:
    rng = np.random.default_rng(seed)
    inp = tuple(int(x) for x in rng.integers(800, 1200, n))
    out = tuple(int(x) for x in rng.integers(50, 80, n))
    metrics = dict.fromkeys(FITTED_SERVING_METRICS, 1.0)
    metrics["request_throughput_per_s"] = 1.0
    return ServingRun(math.inf, users, 1.0, inp, out, metrics=metrics, source="r.json")


def _values(run: ServingRun, latency: float = 0.0) -> dict[str, tuple[float, bool]]:
    prof = REPLICA.profile(TRUTH)
    return {p.metric: (p.value, p.fitted)
            for p in predict_points(run, prof, seed=0, request_latency_s=latency)}


def test_max_concurrency_run_is_simulated_as_a_closed_loop() -> None:
    """Passes: with one user every prompt is prefilled alone (TTFT = lone prefill + one step at
    most), the burst of the same requests queues; the closed loop fits its throughput."""
    prof = REPLICA.profile(TRUTH)
    one, burst = _values(_run(1)), _values(_run(None))
    lone = float(np.mean([prof.prefill_s(p) for p in _run(1).input_tokens]))
    assert one["mean_ttft_s"][0] == pytest.approx(lone, rel=0.25)
    assert burst["mean_ttft_s"][0] > 3 * one["mean_ttft_s"][0]
    assert one["request_throughput_per_s"][1] and not burst["request_throughput_per_s"][1]
    # one user: throughput is 1 / mean end-to-end time
    assert one["request_throughput_per_s"][0] == pytest.approx(
        1.0 / one["mean_e2el_s"][0], rel=0.02)


def test_closed_loop_request_latency_is_in_the_cycle() -> None:
    """Passes: a latency outside the engine adds to TTFT and e2e and slows each user's cycle."""
    lat = 0.5
    base, slow = _values(_run(1)), _values(_run(1), latency=lat)
    assert slow["mean_ttft_s"][0] == pytest.approx(base["mean_ttft_s"][0] + lat, rel=1e-6)
    assert slow["mean_e2el_s"][0] == pytest.approx(base["mean_e2el_s"][0] + lat, rel=1e-6)
    assert slow["request_throughput_per_s"][0] == pytest.approx(
        1.0 / slow["mean_e2el_s"][0], rel=0.02)


# --------------------------------------------------------------------------- the fit's honesty


def test_empty_completions_do_not_bias_a_fitted_e2e_latency(tmp_path) -> None:
    """FAILS now: requests that completed with no token are dropped from the simulated
    requests and the TTFT metrics are recomputed without them, but vLLM's mean/median e2el
    still average them in (no per-request latencies are saved), and the fit uses them."""
    from optfleet.calibration.readers import read_measurements

    doc = json.loads((DATA / "serve_detailed.json").read_text())
    doc["errors"] = [""] * 6
    doc["completed"], doc["failed"] = 6, 0
    doc["mean_e2el_ms"], doc["median_e2el_ms"] = 2000.0, 2100.0
    p = tmp_path / "empty.json"
    p.write_text(json.dumps(doc))
    (run,) = read_measurements(p)
    assert run.empty == 1
    fitted = {k for k, (_, f) in _values(run).items() if f}
    assert "mean_e2el_s" not in fitted and "median_e2el_s" not in fitted


def _serving_runs(gen_seed: int) -> list[ServingRun]:
    """As tests/test_calibration.py's _serving_runs, but the measurements are generated with
    their own seed (a real benchmark does not share the fit's random numbers)."""
    prof = REPLICA.profile(TRUTH)
    rng = np.random.default_rng(5)
    runs = []
    shapes = [((100, 500, 100, 500), r, None) for r in (2.0, 10.0, 25.0)]
    shapes += [((2000, 6000, 20, 100), r, None) for r in (2.0, 10.0)]
    shapes += [((6000, 12000, 300, 600), 4.0, None)]
    shapes += [((200, 1000, 50, 300), float("inf"), 16)]
    for (a, b, c, d), rate, users in shapes:
        inp = tuple(int(x) for x in rng.integers(a, b, 150))
        out = tuple(int(x) for x in rng.integers(c, d, 150))
        metrics = dict.fromkeys(FITTED_SERVING_METRICS + ("p99_ttft_s",), 1.0)
        if users:
            metrics["request_throughput_per_s"] = 1.0
        stub = ServingRun(rate, users, 1.0, inp, out, metrics=metrics, source="stub")
        got = predict_points(stub, prof, seed=gen_seed, request_latency_s=0.05)
        runs.append(ServingRun(rate, users, 1.0, inp, out,
                               metrics={p.metric: p.value for p in got},
                               source=f"run{len(runs)}.json"))
    return runs


def test_open_loop_data_with_its_own_seed_is_flagged() -> None:
    """Open-loop runs generated with seed 2 and fitted with seed 0: vLLM saves no send times,
    so the fit can not replay the data's arrivals; the constants stay within 15 % and the fit
    says why its standard errors understate the noise."""
    truth = {**TRUTH, "request_latency_s": 0.05}
    fit = fit_profile(_serving_runs(gen_seed=2), REPLICA, seed=0)
    for k, v in truth.items():
        assert abs(fit.parameters[k].value / v - 1) < 0.15, (k, fit.parameters[k].value, v)
    assert any("open loop at a finite rate" in w for w in fit.warnings)


def test_steps_exact_recovery_still_holds() -> None:
    """Passes: step timings of the model itself are recovered exactly."""
    prof = REPLICA.profile(TRUTH)
    steps = [StepTiming(p, d, c, float(prof.iteration.time_s(p, d, c)), f"s:{i}")
             for i, (p, d, c) in enumerate([(0, 1, 500), (0, 64, 128_000), (2048, 0, 0),
                                            (1024, 32, 64_000), (0, 256, 256_000)])]
    fit = fit_profile(steps, REPLICA, seed=0)
    for k, v in TRUTH.items():
        assert fit.parameters[k].value == pytest.approx(v, rel=1e-4)
