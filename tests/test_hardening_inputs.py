"""Regression tests of issue 11, INPUTS part: every number and name entering through scenario,
fleet, workload and trace files and library calls is checked (one test per defect)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from optfleet.errors import InfeasibleError, InputError
from optfleet.scenario import Scenario, ServingConfig, load_scenario
from optfleet.scenario.catalog import get_gpu, get_model
from optfleet.scenario.limits import MAX_RATE_PER_S, MAX_TOKENS

#: A cheap valid scenario: a bad value added to it is the only problem.
SCEN = "rate_per_s: 5\nslo: {ttft_p99_s: 1.0}\ngpus: [H100-SXM]\n"
FLEET = "rate_per_s: 5\npools:\n  - {name: p, gpu: H100-SXM, replicas: 2, max_ctx_tokens: 65536}\n"


def _write(d: Path, name: str, text: str | bytes) -> Path:
    p = d / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text)
    return p


def _cli(*argv: str, cwd: Path | None = None, timeout: float = 20) -> tuple[int, str, float]:
    t0 = time.perf_counter()
    r = subprocess.run(
        [str(Path(sys.executable).parent / "optfleet"), *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )
    return r.returncode, r.stderr, time.perf_counter() - t0


def _bad_scenario(tmp_path: Path, extra: str) -> str:
    p = _write(tmp_path, "s.yaml", SCEN + extra)
    with pytest.raises(InputError) as exc:
        load_scenario(p)
    return str(exc.value)


# -- numbers in scenario files ---------------------------------------------------------------


def test_huge_rate_in_scenario_file_is_rejected_at_once(tmp_path: Path) -> None:
    msg = _bad_scenario(tmp_path, "rate_per_s: 1.0e+308\n".replace("rate_per_s: 5\n", ""))
    assert "rate_per_s" in msg


def test_huge_rate_in_scenario_file_exits_2_at_once(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.yaml", "rate_per_s: 1.0e+308\n")
    code, err, took = _cli("plan", str(p), "--no-verify")
    assert code == 2 and "rate_per_s" in err and len(err.strip().splitlines()) == 1
    assert took < 15


def test_huge_min_replicas_per_pool_is_rejected(tmp_path: Path) -> None:
    msg = _bad_scenario(tmp_path, "constraints: {min_replicas_per_pool: 1000000}\n")
    assert "min_replicas_per_pool" in msg


def test_boolean_rate_is_rejected() -> None:
    with pytest.raises(ValidationError, match="boolean"):
        Scenario(rate_per_s=True)


def test_boolean_token_count_is_rejected(tmp_path: Path) -> None:
    assert "long_max_ctx_tokens" in _bad_scenario(tmp_path, "long_max_ctx_tokens: true\n")
    assert "boolean" in _bad_scenario(tmp_path, "thresholds_tokens: [true]\n")
    with pytest.raises(ValidationError, match="boolean"):
        ServingConfig(max_model_len=True)


def test_text_number_is_rejected() -> None:
    with pytest.raises(ValidationError, match="text"):
        Scenario(rate_per_s="5 req/s")


def test_quoted_number_is_rejected_as_text(tmp_path: Path) -> None:
    assert "text" in _bad_scenario(tmp_path, "rate_per_s: '5'\n".replace("rate_per_s: 5\n", ""))


def test_yaml_exponent_without_dot_is_still_a_number(tmp_path: Path) -> None:
    # PyYAML (YAML 1.1) reads ``1e3`` as text; optfleet's loader reads it as the number
    p = _write(tmp_path, "s.yaml", "rate_per_s: 1e3\n")
    assert load_scenario(p).rate_per_s == 1000.0


def test_validation_error_names_the_bad_value(tmp_path: Path) -> None:
    assert "1e+308" in _bad_scenario(tmp_path, "slo: {ttft_p99_s: 1.0e+308}\n")


def test_boolean_token_in_cdf_file_is_rejected(tmp_path: Path) -> None:
    from optfleet.workloads import load_cdf

    p = _write(tmp_path, "c.json", "[[true, 0.5], [200, 1.0]]")
    with pytest.raises(InputError, match="True"):
        load_cdf(p)


def test_boolean_cdf_knot_is_rejected() -> None:
    with pytest.raises(ValidationError, match="boolean"):
        Scenario(workload={"kind": "cdf", "knots": [[True, 1.0]]})


def test_defaults_stay_valid() -> None:
    s = Scenario()
    assert s.rate_per_s == 100.0 and Scenario.model_validate(s.model_dump()) == s
    assert s.rate_per_s <= MAX_RATE_PER_S


def test_schema_command_still_works() -> None:
    from optfleet.scenario import scenario_json_schema

    schema = scenario_json_schema()
    assert schema["properties"]["rate_per_s"]["maximum"] == MAX_RATE_PER_S


# -- names in every map ----------------------------------------------------------------------


def test_misspelt_gpu_in_max_gpus_is_rejected(tmp_path: Path) -> None:
    msg = _bad_scenario(tmp_path, "constraints: {max_gpus: {Z100: 3}}\n")
    assert "Z100" in msg and "H100-SXM" in msg


def test_misspelt_gpu_in_tensor_parallel_is_rejected(tmp_path: Path) -> None:
    assert "Z100" in _bad_scenario(tmp_path, "tensor_parallel: {Z100: 2}\n")


def test_misspelt_gpu_in_prices_is_rejected(tmp_path: Path) -> None:
    assert "Z100" in _bad_scenario(tmp_path, "prices_usd_per_hour: {Z100: 2.0}\n")


def test_misspelt_gpu_in_fleet_prices_is_rejected(tmp_path: Path) -> None:
    from optfleet.sim.fleetfile import load_fleet

    p = _write(tmp_path, "f.yaml", FLEET + "prices_usd_per_hour: {Z100: 2.0}\n")
    with pytest.raises(InputError, match="Z100"):
        load_fleet(p)


def test_misspelt_pool_in_eligible_is_rejected() -> None:
    from optfleet.planning import build_problem
    from optfleet.planning.tabulate import tabulate

    s = Scenario(rate_per_s=5, gpus=("H100-SXM",), thresholds_tokens=(4096,),
                 constraints={"eligible": {"shrot": ["H100-SXM"]}})
    with pytest.raises(InputError, match="shrot"):
        build_problem(s, tabulate(s))


# -- tensor parallelism ----------------------------------------------------------------------


def test_impossible_tensor_parallel_size_is_rejected(tmp_path: Path) -> None:
    assert "tensor_parallel" in _bad_scenario(tmp_path, "tensor_parallel: {H100-SXM: 1024}\n")


def test_tensor_parallel_must_divide_heads() -> None:
    from optfleet.physics import computed_profile

    with pytest.raises(InputError, match="attention heads"):
        computed_profile("H100", "llama-3.1-8b", ServingConfig(tensor_parallel_size=3))


def test_tensor_parallel_must_fit_a_node() -> None:
    from optfleet.physics import check_tensor_parallel, computed_profile

    with pytest.raises(InputError, match="node"):
        computed_profile("H100", "llama-3.1-405b", ServingConfig(tensor_parallel_size=16))
    big_node = get_gpu("H100").model_copy(update={"gpus_per_node": 16})
    assert check_tensor_parallel(big_node, get_model("llama-3.1-405b"), 16) == 16


def test_tensor_parallel_of_a_plan_is_checked_not_planned() -> None:
    from optfleet.planning.tabulate import tabulate

    with pytest.raises(InputError, match="tensor_parallel_size 16"):
        tabulate(Scenario(rate_per_s=5, gpus=("H100-SXM",), tensor_parallel={"H100-SXM": 16}))


def test_fleet_file_tensor_parallel_is_checked(tmp_path: Path) -> None:
    from optfleet.sim.fleetfile import build_simulation, load_fleet

    p = _write(tmp_path, "f.yaml", FLEET.replace("replicas: 2", "replicas: 2, "
                                                 "tensor_parallel_size: 6"))
    with pytest.raises(InputError, match="tensor_parallel_size 6"):
        build_simulation(load_fleet(p))


# -- thresholds and gamma --------------------------------------------------------------------


def test_split_threshold_above_max_context_is_rejected(tmp_path: Path) -> None:
    msg = _bad_scenario(tmp_path, "long_max_ctx_tokens: 65536\nthresholds_tokens: [100000]\n")
    assert "threshold" in msg and "65536" in msg


@pytest.mark.parametrize("threshold", [-5, 0, 10**12, float("nan"), True, 65536, 100000])
def test_size_scenario_rejects_bad_threshold(threshold: object) -> None:
    from optfleet.planning import size_scenario

    s = Scenario(rate_per_s=5, gpus=("H100-SXM",))
    with pytest.raises(InputError, match="threshold_tokens"):
        size_scenario(s, "H100-SXM", threshold, 1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("gamma", [-1, 0, float("nan"), 1e9, 0.5])
def test_size_scenario_rejects_bad_gamma(gamma: float) -> None:
    from optfleet.planning import size_scenario

    s = Scenario(rate_per_s=5, gpus=("H100-SXM",))
    with pytest.raises(InputError, match="gamma"):
        size_scenario(s, "H100-SXM", 4096, gamma)


@pytest.mark.parametrize(
    "flags",
    [("--threshold", "-5"), ("--gamma", "nan"), ("--rate", "1e308")],
)
def test_size_flags_exit_2_with_one_line(flags: tuple[str, str]) -> None:
    code, err, took = _cli("size", "--workload", "lmsys", *flags)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert took < 15


# -- files: encodings, huge numbers, one-row traces ------------------------------------------


def test_non_utf8_scenario_file_is_input_error(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.yaml", b"rate_per_s: 5\n# \xff\xfe\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_scenario(p)


def test_non_utf8_fleet_file_is_input_error(tmp_path: Path) -> None:
    from optfleet.sim.fleetfile import load_fleet

    p = _write(tmp_path, "f.yaml", FLEET.encode() + b"# \xff\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_fleet(p)


def test_non_utf8_trace_file_is_input_error(tmp_path: Path) -> None:
    from optfleet.workloads.traces import load_azure2023, load_jsonl

    p = _write(tmp_path, "t.csv", b"TIMESTAMP,ContextTokens,GeneratedTokens\n"
               b"2023-11-16 18:15:46.6805900,374,44\xff\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_azure2023(p)
    line = b'{"timestamp": 0, "prompt_tokens": 1, "output_tokens": 1}'
    q = _write(tmp_path, "t.jsonl", line + b"\xff\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_jsonl(q)


def test_non_utf8_cdf_file_is_input_error(tmp_path: Path) -> None:
    from optfleet.workloads import load_cdf

    p = _write(tmp_path, "c.json", b'{"cdf": [[100, 1.0]]} \xff')
    with pytest.raises(InputError):
        load_cdf(p)


@pytest.mark.parametrize("tokens", ["1e30", "123456789012345678901234567890", str(MAX_TOKENS + 1)])
def test_cdf_token_count_beyond_64_bit_is_input_error(tmp_path: Path, tokens: str) -> None:
    from optfleet.workloads import load_cdf

    p = _write(tmp_path, "c.json", f'{{"cdf": [[100, 0.5], [{tokens}, 1.0]]}}')
    with pytest.raises(InputError, match="at most"):
        load_cdf(p)


def test_trace_token_count_beyond_bound_is_a_bad_row(tmp_path: Path) -> None:
    from optfleet.workloads.traces import load_jsonl

    rows = [{"timestamp": i, "prompt_tokens": 10**30 if i == 1 else 5, "output_tokens": 5}
            for i in range(3)]
    p = _write(tmp_path, "t.jsonl", "\n".join(json.dumps(r) for r in rows))
    with pytest.raises(InputError):
        load_jsonl(p)
    assert load_jsonl(p, on_bad_row="skip").dropped_rows == 1


@pytest.mark.parametrize(
    "rows",
    [["2023-11-16 18:15:46.6805900,374,44"],
     ["2023-11-16 18:15:46.6805900,374,44", "2023-11-16 18:15:46.6805900,10,4"]],
    ids=["one-row", "equal-timestamps"],
)
def test_workload_json_of_one_row_trace_is_input_error(tmp_path: Path, rows: list[str]) -> None:
    p = _write(tmp_path, "t.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n" + "\n".join(rows))
    code, err, _ = _cli("workload", str(p), "-f", "json")
    assert code == 2 and "t.csv" in err and len(err.strip().splitlines()) == 1
    assert "nan" not in err.lower().replace("nanosecond", "")


# -- relative paths --------------------------------------------------------------------------


def _cdf_text() -> str:
    return '{"cdf": [[512, 0.5], [2048, 1.0]]}'


def test_relative_paths_in_scenario_file_resolve_against_its_folder(tmp_path: Path) -> None:
    _write(tmp_path, "cfg/c.json", _cdf_text())
    _write(tmp_path, "cfg/t.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n"
           "2023-11-16 18:15:46.6805900,374,44\n2023-11-16 18:15:47.6805900,100,4\n")
    p = _write(tmp_path, "cfg/s.yaml",
               "workload: {kind: cdf, path: c.json}\n"
               "arrivals: {kind: trace, trace: {kind: trace, path: t.csv}}\n"
               "models:\n  - {name: a, workload: {kind: cdf, path: c.json}}\n")
    s = load_scenario(p)
    assert s.workload.path == tmp_path / "cfg" / "c.json"
    assert s.arrivals.trace.path == tmp_path / "cfg" / "t.csv"
    assert s.models[0].workload.path == tmp_path / "cfg" / "c.json"


def test_relative_paths_in_fleet_file_resolve_against_its_folder(tmp_path: Path) -> None:
    from optfleet.sim.fleetfile import load_fleet

    _write(tmp_path, "cfg/t.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n"
           "2023-11-16 18:15:46.6805900,374,44\n2023-11-16 18:15:47.6805900,100,4\n")
    _write(tmp_path, "cfg/p.json", _cdf_text())
    p = _write(tmp_path, "cfg/f.yaml", FLEET + "arrivals: {kind: trace, trace: {kind: trace, "
               "path: t.csv}}\nworkload: {kind: separate, prompt: {path: p.json}, "
               "output: {path: p.json}}\n")
    cfg = load_fleet(p)
    assert cfg.arrivals.trace.path == tmp_path / "cfg" / "t.csv"
    assert cfg.workload.prompt.path == tmp_path / "cfg" / "p.json"


def test_relative_model_config_path_resolves_against_the_file(tmp_path: Path) -> None:
    cfg = dict(num_hidden_layers=2, hidden_size=64, num_attention_heads=4,
               intermediate_size=128, vocab_size=1000)
    _write(tmp_path, "cfg/tiny/config.json", json.dumps(cfg))
    p = _write(tmp_path, "cfg/s.yaml", "model: tiny/config.json\n")
    assert load_scenario(p).model == str(tmp_path / "cfg" / "tiny" / "config.json")
    q = _write(tmp_path, "cfg/s2.yaml", "model: meta-llama/Llama-3.1-8B-Instruct\n")
    assert load_scenario(q).model == "meta-llama/Llama-3.1-8B-Instruct"


# -- eligibility ------------------------------------------------------------------------------


def test_eligible_gpu_that_cannot_meet_prefill_slo_is_infeasible_not_bad_input() -> None:
    from optfleet import plan

    s = Scenario(constraints={"eligible": {"all": ["A10G"], "short": ["A10G"],
                                           "long": ["A10G"]}})
    with pytest.raises(InfeasibleError, match="A10G"):
        plan(s, verify=False)


def test_eligible_names_pools_tabulation_left_out() -> None:
    from optfleet import plan

    # the one-pool layout is not servable on A10G: it is left out, the split layouts remain
    p = plan(Scenario(rate_per_s=20, constraints={"eligible": {"all": ["A10G"]}}), verify=False)
    assert p.threshold_tokens is not None


def test_eligible_infeasible_exits_1_in_cli(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.yaml", "constraints: {eligible: {all: [A10G], short: [A10G], "
               "long: [A10G]}}\n")
    code, err, _ = _cli("plan", str(p), "--no-verify", timeout=60)
    assert code == 1 and "A10G" in err and "'all'" in err
