"""Scenario models: frozen, extra keys forbidden, validated, YAML/JSON round trip."""

from __future__ import annotations

import json

import pydantic
import pytest

from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario import (
    SLO,
    Availability,
    CDFWorkload,
    PiecewiseArrivals,
    Scenario,
    ServingConfig,
    load_scenario,
    scenario_json_schema,
)
from optfleet.scenario.presets import get_preset


def test_frozen_and_extra_forbidden() -> None:
    s = Scenario()
    with pytest.raises(pydantic.ValidationError):
        s.rate_per_s = 3  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Scenario(rate_per_sec=3)  # a typo is an error, not ignored


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_slo_must_be_positive_finite(bad: float) -> None:
    with pytest.raises(pydantic.ValidationError):
        SLO(ttft_p99_s=bad)


def test_serving_config_fields() -> None:
    s = ServingConfig(
        tensor_parallel_size=8,
        dtype="fp16",
        max_num_seqs=128,
        max_model_len=8192,
        chunked_prefill_tokens=512,
        gpu_memory_utilization=0.85,
    )
    assert s.kv_dtype == "fp16"
    with pytest.raises(pydantic.ValidationError):
        ServingConfig(gpu_memory_utilization=1.5)


def test_yaml_and_json_round_trip(tmp_path) -> None:
    y = tmp_path / "s.yaml"
    y.write_text(
        "name: t\nrate_per_s: 20\nslo: {ttft_p99_s: 1.0}\nworkload: {kind: cdf, name: lmsys}\n"
        "gpus: [H100-SXM]\npreset: fleet-sim\n"
    )
    s = load_scenario(y)
    assert s.rate_per_s == 20 and s.slo.ttft_p99_s == 1.0 and s.gpus == ("H100-SXM",)
    j = tmp_path / "s.json"
    j.write_text(s.model_dump_json())
    assert load_scenario(j) == s


def test_relative_paths_resolve_against_scenario_file(tmp_path) -> None:
    (tmp_path / "sub").mkdir()
    y = tmp_path / "sub" / "s.yaml"
    y.write_text("workload: {kind: cdf, path: my.json}\n")
    s = load_scenario(y)
    assert isinstance(s.workload, CDFWorkload)
    assert s.workload.path == tmp_path / "sub" / "my.json"


def test_bad_files_raise_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_scenario(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rate_per_s: -5\n")
    with pytest.raises(InputError, match="rate_per_s"):
        load_scenario(bad)
    worse = tmp_path / "worse.json"
    worse.write_text("{not json")
    with pytest.raises(InputError, match="can not parse"):
        load_scenario(worse)


def test_schema_is_json() -> None:
    schema = scenario_json_schema()
    assert schema["title"] == "Scenario"
    assert "rate_per_s" in schema["properties"]
    json.dumps(schema)


def test_availability_formula() -> None:
    a = Availability(failures_per_node_day=0.0065, mttr_hours=4)
    assert a.replica_availability == pytest.approx(0.99892, abs=1e-5)
    assert Availability(
        failures_per_node_day=0.0065, mttr_hours=48
    ).replica_availability == pytest.approx(0.98717, abs=1e-5)
    with pytest.raises(pydantic.ValidationError):
        Availability(mttr_hours=4)


def test_piecewise_arrivals_validated() -> None:
    with pytest.raises(pydantic.ValidationError):
        PiecewiseArrivals(start_s=(0, 10, 5), rates_per_s=(1, 2, 3))
    p = PiecewiseArrivals(start_s=(0, 10), rates_per_s=(1, 3))
    assert p.rate_per_s == pytest.approx(2.0)


def test_presets() -> None:
    fs = get_preset("fleet-sim")
    assert (fs.util_cap, fs.kv_policy, fs.profile_set, fs.compress_share) == (
        0.85,
        "reserve",
        "calibrated",
        0.75,
    )
    assert get_preset("default").kv_policy == "paged"
    with pytest.raises(UnknownNameError, match="known: default, fleet-sim"):
        get_preset("nope")
