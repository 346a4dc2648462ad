"""Readers of benchmark files (issue 13): vLLM serving JSON / JSONL / printed text, vLLM latency
JSON, step and prefill CSVs -> measurement records; every malformed input is one InputError line.

The fixtures in ``tests/data/calibration/`` are in the exact shapes vLLM writes (keys of
``vllm/benchmarks/serve.py`` and ``benchmark_latency.py``, the printed block through vLLM's own
``"{:<40} {:<10}"`` format strings), their numbers computed as vLLM computes them.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from optfleet.calibration.measurements import (
    SERVING_METRICS,
    LatencyRun,
    PrefillTiming,
    ServingRun,
    StepTiming,
)
from optfleet.calibration.readers import KINDS, detect_kind, read_measurements
from optfleet.errors import InputError, UnknownNameError

DATA = Path(__file__).parent / "data" / "calibration"
DETAILED = DATA / "serve_detailed.json"
LAT = dict(batch_size=8, input_len=32, output_len=128)


def _write(d: Path, name: str, text: str | bytes) -> Path:
    p = d / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def _error(path: Path | str, **kw: object) -> str:
    """The message of the InputError reading ``path`` raises: one line naming the file."""
    with pytest.raises(InputError) as info:
        read_measurements(path, **kw)  # type: ignore[arg-type]
    msg = str(info.value)
    assert "\n" not in msg and "Traceback" not in msg
    assert Path(path).name in msg
    return msg


def _detailed() -> dict:
    return json.loads(DETAILED.read_text())


def _block(*lines: str) -> str:
    """A result block in vLLM's printed layout with the given extra lines after the first."""
    body = ["{s:{c}^{n}}".format(s=" Serving Benchmark Result ", n=50, c="="),
            "{:<40} {:<10}".format("Successful requests:", 10), *lines,
            "{:<40} {:<10}".format("Total input tokens:", 2000),
            "{:<40} {:<10}".format("Total generated tokens:", 1001),
            "{:<40} {:<10.2f}".format("Mean TTFT (ms):", 25.5), "=" * 50]
    return "\n".join(body) + "\n"


# ---------------------------------------------------------------- serving JSON


def test_detailed_serving_json_keeps_completed_requests_and_counts_failed() -> None:
    raw = _detailed()
    (run,) = read_measurements(DETAILED)
    assert isinstance(run, ServingRun)
    assert raw["errors"][2] and raw["output_lens"][2] == 0  # the fixture's failed request
    assert run.input_tokens == (512, 630, 700, 555, 610)
    assert run.output_tokens == (128, 120, 128, 96, 128)
    assert run.failed == 1 and run.completed == raw["completed"] == 5
    assert run.lengths_exact and run.duration_s == raw["duration"]
    assert run.request_rate_per_s == 2.0 and run.max_concurrency is None
    assert run.burstiness == 1.0 and not run.closed_loop
    assert run.source == str(DETAILED)
    assert run.metrics["mean_ttft_s"] == pytest.approx(raw["mean_ttft_ms"] / 1000)
    assert run.metrics["p99_itl_s"] == pytest.approx(raw["p99_itl_ms"] / 1000)
    assert run.metrics["request_throughput_per_s"] == raw["request_throughput"]
    assert run.metrics["output_throughput_tokens_per_s"] == raw["output_throughput"]
    # vLLM saves no E2EL unless asked (--percentile-metrics): nothing invented
    assert set(run.metrics) == set(SERVING_METRICS) - {"mean_e2el_s", "median_e2el_s",
                                                        "p99_e2el_s"}


def test_jsonl_of_appended_summary_results_gives_one_run_per_line() -> None:
    path = DATA / "serve_sweep.jsonl"
    runs = read_measurements(path)
    assert detect_kind(path) == "serving-json"
    assert [r.max_concurrency for r in runs] == [4, 8]
    assert all(r.request_rate_per_s == math.inf and r.closed_loop for r in runs)
    assert all(not r.lengths_exact and r.input_tokens == (256,) * 8 for r in runs)
    assert [r.source for r in runs] == [f"{path}:1", f"{path}:2"]


def test_json_list_of_results_and_float_infinity_rate(tmp_path: Path) -> None:
    a, b = _detailed(), _detailed()
    b["request_rate"] = math.inf  # json writes Infinity
    p = _write(tmp_path, "two.json", json.dumps([a, b]))
    runs = read_measurements(p)
    assert [r.request_rate_per_s for r in runs] == [2.0, math.inf]
    assert [r.source for r in runs] == [f"{p}[0]", f"{p}[1]"]


def test_old_vllm_result_without_failed_burstiness_or_concurrency_keys(tmp_path: Path) -> None:
    doc = _detailed()
    for key in ("failed", "burstiness", "max_concurrency", "latencies", "start_times"):
        del doc[key]
    doc["request_goodput:"] = None  # an old version's misspelt key: ignored
    (run,) = read_measurements(_write(tmp_path, "old.json", json.dumps(doc)))
    assert run.failed == 1 and run.burstiness == 1.0 and run.max_concurrency is None


def test_summary_json_rebuilds_mean_lengths_and_reads_failed(tmp_path: Path) -> None:
    doc = {k: v for k, v in _detailed().items()
           if k not in ("input_lens", "output_lens", "errors", "ttfts", "itls")}
    (run,) = read_measurements(_write(tmp_path, "s.json", json.dumps(doc)))
    assert not run.lengths_exact and run.failed == 1
    assert run.input_tokens == (round(3007 / 5),) * 5 and run.output_tokens == (120,) * 5
    del doc["failed"]  # older: failures are the prompts not completed
    (run,) = read_measurements(_write(tmp_path, "s2.json", json.dumps(doc)))
    assert run.failed == doc["num_prompts"] - doc["completed"] == 1


def test_errors_absent_a_zero_output_length_marks_a_failed_request(tmp_path: Path) -> None:
    doc = _detailed()
    del doc["errors"]
    (run,) = read_measurements(_write(tmp_path, "e.json", json.dumps(doc)))
    assert run.failed == 1 and 480 not in run.input_tokens


@pytest.mark.parametrize("form", [[[50, 10.0], [99, 42.0]], {"50": 10.0, "99": 42.0}])
def test_percentiles_keys_give_p99(tmp_path: Path, form: object) -> None:
    doc = _detailed()
    del doc["p99_ttft_ms"]
    doc["percentiles_ttft_ms"] = form
    doc["some_future_key"] = {"nested": [1, 2]}
    (run,) = read_measurements(_write(tmp_path, "p.json", json.dumps(doc)))
    assert run.metrics["p99_ttft_s"] == pytest.approx(0.042)


def test_a_metric_saved_as_zero_is_not_measured_and_left_out(tmp_path: Path) -> None:
    doc = _detailed()
    doc["mean_itl_ms"] = 0.0  # vLLM writes 0 when the endpoint did not stream
    (run,) = read_measurements(_write(tmp_path, "z.json", json.dumps(doc)))
    assert "mean_itl_s" not in run.metrics and "median_itl_s" in run.metrics


def test_serving_options_agree_or_contradict(tmp_path: Path) -> None:
    (run,) = read_measurements(DETAILED, request_rate_per_s=2.0)
    assert run.request_rate_per_s == 2.0
    assert "--request-rate 4.0 contradicts" in _error(DETAILED, request_rate_per_s=4.0)
    assert "--max-concurrency 8 contradicts" in _error(DETAILED, max_concurrency=8)


@pytest.mark.parametrize(("change", "expected"), [
    ({"completed": None}, r"missing key 'completed'"),
    ({"request_rate": None}, r"missing key 'request_rate'"),
    ({"completed": "five"}, r"completed must be a non-negative integer, got 'five'"),
    ({"completed": 0}, r"no request completed"),
    ({"completed": 4}, r"completed is 4 .* 5 of the 6 saved requests succeeded"),
    ({"failed": 3}, r"failed 3"),
    ({"request_rate": "fast"}, r"request_rate must be a positive number, got 'fast'"),
    ({"request_rate": -1}, r"request_rate must be a positive number, got -1"),
    ({"max_concurrency": 0}, r"max_concurrency must be a positive integer, got 0"),
    ({"burstiness": math.nan}, r"burstiness must be a finite positive number, got nan"),
    ({"mean_ttft_ms": math.nan}, r"mean_ttft_ms must be a finite non-negative number"),
    ({"mean_ttft_ms": -3.0}, r"mean_ttft_ms must be a finite non-negative number, got -3.0"),
    ({"mean_ttft_ms": True}, r"mean_ttft_ms must be a number, got True"),
    ({"p99_ttft_ms": "12"}, r"p99_ttft_ms must be a number, got '12'"),
    ({"duration": -2.0}, r"duration must be a finite positive number"),
    ({"input_lens": 5}, r"input_lens must be a list, got int"),
    ({"input_lens": [1, 2]}, r"must be of equal length \(got 2, 6, 6, 6\)"),
    ({"output_lens": [128, 120, 0, 128, 96, -1]}, r"output_lens\[5\] must be a non-negative"),
    ({"ramp_up_strategy": "linear"}, r"ramp-up run"),
])
def test_bad_serving_json_is_one_input_error(tmp_path: Path, change: dict,
                                             expected: str) -> None:
    doc = _detailed()
    for k, v in change.items():
        if v is None:
            del doc[k]
        else:
            doc[k] = v
    p = _write(tmp_path, "bad.json", json.dumps(doc))
    with pytest.raises(InputError, match=expected):
        read_measurements(p)
    _error(p)


def test_lengths_without_totals_missing_totals_names_the_key(tmp_path: Path) -> None:
    doc = {"completed": 3, "request_rate": 1.0, "total_input_tokens": 30}
    msg = _error(_write(tmp_path, "t.json", json.dumps(doc)))
    assert "missing key 'total_output_tokens'" in msg


# ---------------------------------------------------------------- serving text


def test_log_with_two_printed_blocks() -> None:
    path = DATA / "serve_log.txt"
    assert detect_kind(path) == "serving-text"
    old, new = read_measurements(path)
    # old layout: rate, burstiness and concurrency printed before the block
    assert (old.request_rate_per_s, old.max_concurrency, old.failed) == (2.0, None, 0)
    assert old.input_tokens == (601,) * 5 and old.output_tokens == (120,) * 5
    assert not old.lengths_exact and old.duration_s == 3.21
    assert old.metrics["p99_ttft_s"] == pytest.approx(0.08088)
    assert old.metrics["mean_e2el_s"] == pytest.approx(2.56821)
    assert old.metrics["request_throughput_per_s"] == 1.56
    assert set(old.metrics) == set(SERVING_METRICS)  # P50/P90 lines ignored, not misread
    # new layout: failed requests and concurrency inside the block
    assert (new.request_rate_per_s, new.max_concurrency, new.failed) == (math.inf, 4, 1)
    assert new.completed == 7 and new.input_tokens[0] == 256
    assert (old.source, new.source) == (f"{path}:9", f"{path}:50")


def test_new_layout_block_alone_implies_what_it_does_not_print(tmp_path: Path) -> None:
    rate = "{:<40} {:<10.2f}".format("Request rate configured (RPS):", 4.0)
    (run,) = read_measurements(_write(tmp_path, "a.txt", _block(rate)))
    assert (run.request_rate_per_s, run.max_concurrency) == (4.0, None)
    assert run.input_tokens == (200,) * 10 and run.output_tokens == (100,) * 10
    conc = "{:<40} {:<10}".format("Maximum request concurrency:", 16)
    (run,) = read_measurements(_write(tmp_path, "b.txt", _block(conc)))
    assert (run.request_rate_per_s, run.max_concurrency) == (math.inf, 16)


def test_block_without_traffic_lines_needs_the_options(tmp_path: Path) -> None:
    p = _write(tmp_path, "bare.txt", "some log line\n" + _block())
    msg = _error(p)
    assert "--request-rate" in msg and "--max-concurrency" in msg
    (run,) = read_measurements(p, request_rate_per_s=3.0)
    assert (run.request_rate_per_s, run.max_concurrency) == (3.0, None)
    (run,) = read_measurements(p, request_rate_per_s=math.inf, max_concurrency=16)
    assert (run.request_rate_per_s, run.max_concurrency) == (math.inf, 16)


def test_text_options_agree_within_printed_rounding(tmp_path: Path) -> None:
    rate = "{:<40} {:<10.2f}".format("Request rate configured (RPS):", 1 / 3)
    p = _write(tmp_path, "r.txt", _block(rate))
    (run,) = read_measurements(p, request_rate_per_s=1 / 3)
    assert run.request_rate_per_s == 1 / 3  # the option's precision, not the printed 0.33
    assert "--request-rate 0.5 contradicts" in _error(p, request_rate_per_s=0.5)
    assert "--max-concurrency 4 contradicts" in _error(p, max_concurrency=4)


def test_queue_inclusive_e2el_line_is_not_read_as_e2el(tmp_path: Path) -> None:
    line = "{:<40} {:<10.2f}".format("Mean E2EL incl. Client Queue (ms):", 999.0)
    (run,) = read_measurements(_write(tmp_path, "q.txt", _block(line)),
                               request_rate_per_s=1.0)
    assert "mean_e2el_s" not in run.metrics


@pytest.mark.parametrize(("text", "expected"), [
    (_block("{:<40} {:<10}".format("Failed requests:", "x")),
     r"bad.txt:3: Failed requests must be a non-negative integer, got 'x'"),
    (_block().replace("2000", "-5"),
     r"bad.txt:3: Total input tokens must be a positive integer, got '-5'"),
    (_block().replace("25.50", "nan"), r"bad.txt:5: Mean TTFT \(ms\) must be a finite"),
    (_block().replace("Total generated tokens:", "Total produced tokens:"),
     r"bad.txt:1: the result block has no 'Total generated tokens:' line"),
    (_block().replace("Successful requests:                     10 ",
                      "Successful requests:                     0  "),
     r"bad.txt:1: no request completed"),
    ("Traffic ramp-up strategy: linear.\n" + _block(), r"bad.txt:1: a ramp-up run"),
])
def test_bad_text_block_is_one_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           text: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "bad.txt", text)
    with pytest.raises(InputError, match=expected):
        read_measurements("bad.txt", request_rate_per_s=1.0)


def test_text_without_a_block(tmp_path: Path) -> None:
    p = _write(tmp_path, "log.txt", "INFO starting server\nINFO done\n")
    assert "not a known benchmark format" in _error(p)
    assert "no 'Serving Benchmark Result' block" in _error(p, kind="serving-text")


# ---------------------------------------------------------------- latency JSON


def test_latency_json_takes_shape_from_options() -> None:
    path = DATA / "latency.json"
    raw = json.loads(path.read_text())
    (run,) = read_measurements(path, **LAT)
    assert isinstance(run, LatencyRun) and detect_kind(path) == "latency-json"
    assert (run.batch_size, run.input_tokens, run.output_tokens) == (8, 32, 128)
    assert run.latency_s == raw["avg_latency"] and run.latencies_s == tuple(raw["latencies"])


def test_latency_json_without_shape_names_the_missing_options() -> None:
    path = DATA / "latency.json"
    assert "pass --batch-size, --input-len, --output-len" in _error(path)
    msg = _error(path, batch_size=8)
    assert "pass --input-len, --output-len" in msg and "--batch-size" not in msg


def test_latency_json_recording_its_args_and_the_pytorch_format(tmp_path: Path) -> None:
    doc = json.loads((DATA / "latency.json").read_text())
    p = _write(tmp_path, "a.json", json.dumps({**doc, "batch_size": 4, "input_len": 1024,
                                               "output_len": 16}))
    (run,) = read_measurements(p)
    assert (run.batch_size, run.input_tokens, run.output_tokens) == (4, 1024, 16)
    assert "--batch-size 8 contradicts the file's batch_size 4" in _error(p, batch_size=8)
    args = {"model": "m", "batch_size": 2, "input_len": 64, "output_len": 256, "n": 1,
            "use_beam_search": False, "tensor_parallel_size": 1}
    rec = {"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": args}},
           "model": {"name": "m"},
           "metric": {"name": "latency", "benchmark_values": [2.0, 2.2],
                      "extra_info": {"avg_latency": 2.1, "percentiles": {"50": 2.1}}}}
    pt = _write(tmp_path, "lat.pytorch.json", json.dumps([rec]))
    assert detect_kind(pt) == "latency-json"
    (run,) = read_measurements(pt)
    assert (run.batch_size, run.output_tokens, run.latency_s) == (2, 256, 2.1)
    beam = _write(tmp_path, "beam.pytorch.json", json.dumps([{**rec, "benchmark": {
        "name": "b", "extra_info": {"args": {**args, "n": 4}}}}]))
    assert "n > 1" in _error(beam)


def test_pytorch_copy_of_a_serving_result_points_to_the_main_json(tmp_path: Path) -> None:
    rec = {"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": {}}},
           "model": {"name": "m"},
           "metric": {"name": "median_ttft_ms", "benchmark_values": [12.0], "extra_info": {}}}
    p = _write(tmp_path, "run.pytorch.json", json.dumps([rec]))
    assert "reads the main --save-result JSON" in _error(p)


@pytest.mark.parametrize(("change", "expected"), [
    ({"avg_latency": math.nan}, r"avg_latency must be a finite positive number, got nan"),
    ({"avg_latency": "1.5"}, r"avg_latency must be a number, got '1.5'"),
    ({"latencies": [1.5, -1.0]}, r"latencies\[1\] must be a finite positive number"),
    ({"latencies": 1.5}, r"latencies must be a list"),
])
def test_bad_latency_json(tmp_path: Path, change: dict, expected: str) -> None:
    doc = {**json.loads((DATA / "latency.json").read_text()), **change}
    p = _write(tmp_path, "lat.json", json.dumps(doc))
    with pytest.raises(InputError, match=expected):
        read_measurements(p, **LAT)


def test_forced_kind_reads_the_format_named(tmp_path: Path) -> None:
    assert "missing key 'avg_latency'" in _error(DETAILED, kind="latency-json")
    assert "missing key 'completed'" in _error(DATA / "latency.json", kind="serving-json")
    with pytest.raises(UnknownNameError, match="known: serving-json"):
        read_measurements(DETAILED, kind="csv")


# ---------------------------------------------------------------- CSVs


def test_steps_csv_with_comment_and_ms_column() -> None:
    path = DATA / "steps.csv"
    steps = read_measurements(path)
    assert detect_kind(path) == "steps-csv" and all(isinstance(s, StepTiming) for s in steps)
    assert [(s.decode_seqs, s.context_tokens, s.prefill_tokens) for s in steps] == [
        (1, 1024, 0), (8, 8192, 0), (32, 65536, 0), (0, 0, 2048), (16, 16384, 512)]
    assert steps[0].step_s == pytest.approx(0.0079)
    assert steps[0].source == f"{path}:3"  # the comment and header lines count


def test_prefill_csv_case_insensitive_header_and_extra_column() -> None:
    path = DATA / "prefill.csv"
    rows = read_measurements(path)
    assert detect_kind(path) == "prefill-csv" and all(isinstance(r, PrefillTiming) for r in rows)
    assert [r.prompt_tokens for r in rows] == [128, 1024, 4096]
    assert [r.prefill_s for r in rows] == pytest.approx([0.0142, 0.0615, 0.232])


def test_csv_aliases_seconds_and_optional_prefill_column(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.csv", "decode_seqs,kv_tokens,step_s\n4,4000,0.01\n\n2,100,0.008\n")
    steps = read_measurements(p)
    assert [(s.decode_seqs, s.prefill_tokens, s.step_s) for s in steps] == [
        (4, 0, 0.01), (2, 0, 0.008)]
    p = _write(tmp_path, "p.csv", "input_len,prefill_s\n512,0.05\n")
    (row,) = read_measurements(p)
    assert (row.prompt_tokens, row.prefill_s) == (512, 0.05)


@pytest.mark.parametrize(("text", "expected"), [
    ("batch,context_tokens,prefill_tokens,step_s\n" + "1,10,0,0.1\n" * 5 + "1,10,0,abc\n",
     "steps.csv:7: step_s must be a finite positive number, got 'abc'"),
    ("batch,context_tokens,step_ms\n1,10,-2\n",
     "steps.csv:2: step_ms must be a finite positive number, got '-2'"),
    ("batch,context_tokens,step_s\n1,10,nan\n",
     "steps.csv:2: step_s must be a finite positive number, got 'nan'"),
    ("batch,context_tokens,step_s\n1.5,10,0.1\n",
     "steps.csv:2: batch must be a non-negative integer, got '1.5'"),
    ("batch,context_tokens,step_s\n1,10\n", "steps.csv:2: expected at least 3 fields, got 2"),
    ("batch,context_tokens,step_s\n0,0,0.1\n",
     "steps.csv:2: a step needs prefill tokens or decoding sequences"),
    ("batch,context_tokens,step_s,step_ms\n1,1,1,1\n", "steps.csv:1: several (step_s, step_ms)"),
    ("batch,step_s\n1,0.1\n", "steps.csv:1: no 'context_tokens' column"),
    ("batch,context_tokens,step_s\n", "steps.csv: no data rows after the header"),
    ("batch,context_tokens,step_s\n\"1,10,0.1\n", "steps.csv:"),
])
def test_bad_steps_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                       expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "steps.csv", text)
    with pytest.raises(InputError) as info:
        read_measurements("steps.csv")
    assert str(info.value).startswith(expected) and "\n" not in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("prompt_tokens,prefill_ms\n0,12\n", "p.csv:2: prompt_tokens must be a positive integer"),
    ("prompt_tokens,prefill_ms\n12,inf\n", "p.csv:2: prefill_ms must be a finite positive"),
    ("prompt_tokens,latency\n12,1\n", "p.csv:1: no time column; give one of prefill_s"),
])
def test_bad_prefill_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                         expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "p.csv", text)
    with pytest.raises(InputError) as info:
        read_measurements("p.csv")
    assert str(info.value).startswith(expected)


def test_csv_of_unknown_header_lists_the_formats(tmp_path: Path) -> None:
    msg = _error(_write(tmp_path, "x.csv", "gpu,tokens_per_s\nH100,900\n"))
    assert "CSV header 'gpu,tokens_per_s' of unknown columns" in msg
    assert all(k in msg for k in KINDS)


# ---------------------------------------------------------------- any file


@pytest.mark.parametrize(("content", "expected"), [
    ("", "empty file"),
    ("  \n\n", "empty file"),
    (b"\xef\xbb\xbf", "empty file"),
    (b'{"completed": \xff}', "not UTF-8 text"),
    ('{"completed": 3,\n "request_rate": }', "f.json:2: malformed JSON (Expecting value"),
    ('{"completed": 3}\n{"completed": ', "f.json:2: malformed JSON"),
    ("[" * 100_000, "f.json: JSON nested too deeply"),
    ("[]", "an empty JSON list holds no result"),
    ("[1, 2]", "f.json[0]: JSON int is neither a vllm bench serve result"),
    ('{"model": "m"}', "JSON an object with keys ['model'] is neither"),
    ('[{"completed": 1, "request_rate": 1}, {"avg_latency": 1}]', "mixes serving and latency"),
    ("just words", "not a known benchmark format; known: serving-json"),
])
def test_malformed_files_are_one_input_error(tmp_path: Path, content: str | bytes,
                                             expected: str) -> None:
    p = _write(tmp_path, "f.json", content)
    assert expected in _error(p)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "can not read benchmark file" in _error(tmp_path / "nope.json")
    assert "can not read benchmark file" in _error(tmp_path)


@pytest.mark.parametrize(("kw", "expected"), [
    ({"request_rate_per_s": math.nan}, "--request-rate: request rate must be a positive"),
    ({"request_rate_per_s": 0.0}, "--request-rate: request rate must be a positive"),
    ({"batch_size": 0}, "--batch-size: batch_size must be a positive integer"),
    ({"max_concurrency": 2.5}, "--max-concurrency: max_concurrency must be a positive"),
])
def test_bad_options(kw: dict, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        read_measurements(DETAILED, **kw)


def test_requests_completed_with_no_token_are_counted_and_left_out(tmp_path: Path) -> None:
    """vLLM counts a request that ended at once (no token, no error) as completed with a TTFT
    of 0: left out of the lengths, counted, and its 0 left out of the TTFT metrics."""
    import numpy as np

    doc = json.loads((DATA / "serve_detailed.json").read_text())
    doc["errors"] = ["", "", "", "", "", ""]
    doc["completed"], doc["failed"] = 6, 0
    ttfts = doc["ttfts"]
    doc["mean_ttft_ms"] = float(np.mean(ttfts)) * 1000  # vLLM's mean counts the 0
    (run,) = read_measurements(_write(tmp_path, "empty.json", json.dumps(doc)))
    assert run.empty == 1 and run.failed == 0 and run.completed == 5
    kept = [t for t, o in zip(ttfts, doc["output_lens"], strict=True) if o > 0]
    assert run.metrics["mean_ttft_s"] == pytest.approx(float(np.mean(kept)))
    assert run.metrics["mean_ttft_s"] > doc["mean_ttft_ms"] / 1000
