"""Bad-input corpus: every command that reads a file or a number, fed what a user might feed it.

Each case runs the real console script in a subprocess - the honest check for tracebacks (an
uncaught exception prints one) and hangs (the process can be killed at its time bound).  Start-up
is cheap (lazy imports, ~0.3 s), so every case is a subprocess; they run two at a time: the first
case test starts all the selected cases in a thread pool, each test then asserts on its own case.

Every case asserts: the exit code (2 for bad input; 1 where the question is well formed but has no
answer - the ``infeasible-*`` group; 0 for the ``relative-*`` cases that must work), exactly one
non-empty line on stderr naming the bad thing, no ``Traceback`` anywhere, and a time bound.
Output-path cases also assert that no file (and no temporary file) is left behind.

Case ids are ``<group>-<command>-<what>``; groups: names, numbers, files, output, relative,
infeasible.  ``{d}`` in an argument is the case's own temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

#: Default time bound of one case, s: bad input must be refused quickly, not after the work.
BOUND_S = 15.0


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    #: Substrings the stderr line must contain (case-insensitive); "a|b" means a or b.
    need: tuple[str, ...] = ()
    files: dict[str, str | bytes] = field(default_factory=dict)
    code: int = 2
    timeout_s: float = BOUND_S
    #: Working directory relative to the case folder (None: the case folder).
    cwd: str | None = None
    #: Output cases: the case folder must hold exactly ``files`` afterwards.
    clean: bool = False


# ------------------------------------------------------------------------------------------
# file contents
# ------------------------------------------------------------------------------------------

#: A cheap valid scenario (one GPU type, low rate): a bad value in it is the only problem.
SCEN = "rate_per_s: 5\nslo: {ttft_p99_s: 1.0}\ngpus: [H100-SXM]\n"
#: A cheap valid fleet file.
FLEET = "rate_per_s: 5\npools:\n  - {name: p, gpu: H100-SXM, replicas: 2, max_ctx_tokens: 65536}\n"
MULTI = (
    "models:\n  - {name: a, workload: {kind: cdf, name: azure}, rate_per_s: 5,"
    " slo: {ttft_p99_s: 0.5}}\n"
    "pools:\n  - {name: pa, model: a, gpu: H100-SXM, replicas: 2, max_ctx_tokens: 65536}\n"
)
CDF_OK = json.dumps([[128, 0.2], [1024, 0.7], [8192, 1.0]])
TRACE_HEAD = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
TRACE_OK = TRACE_HEAD + "".join(
    f"2023-11-16 18:17:{i:02d}.0000000,{100 + i},{10 + i}\n" for i in range(20)
)
HF_CONFIG = json.dumps(
    {
        "num_hidden_layers": 32,
        "hidden_size": 4096,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "intermediate_size": 14336,
        "vocab_size": 128256,
    }
)
NON_UTF8 = b"rate_per_s: 5\nname: caf\xe9 \xff\xfe\n"


def scen(extra: str) -> dict[str, str]:
    """The cheap scenario with ``extra`` YAML lines (later keys replace earlier ones)."""
    return {"s.yaml": SCEN + extra}


def fleet(text: str) -> dict[str, str]:
    return {"f.yaml": text}


PLAN = ("plan", "{d}/s.yaml", "--no-verify")
SIM = ("simulate", "{d}/f.yaml", "--requests", "200", "--replications", "1")
SIZE = ("size", "--gpu", "H100-SXM")


#: A flag's error may name the flag or the field it sets (``--rate`` or ``rate_per_s``).
FLAG_FIELDS = {
    "--rate": "rate_per_s",
    "--rates": "rates",
    "--threshold": "threshold",
    "--gamma": "gamma",
    "--ttft-p99-ms": "ttft",
    "--tpot-p99-ms": "tpot",
    "--long-max-ctx": "long_max_ctx",
    "--time-limit": "time_limit",
    "--sim-requests": "requests",
    "--requests": "requests",
    "--replications": "replications",
    "--seed": "seed",
    "--max-ctx": "max_ctx",
    "--replicas": "replicas",
    "--failures-per-node-day": "failures_per_node_day",
    "--mttr-hours": "mttr",
    "--availability": "availability",
    "--target": "target",
    "--pools": "pool",
    "--depths": "depth",
    "--window-s": "window",
    "--utilisations": "utilisation",
    "--network-gbps": "network",
}


def c(id_: str, argv: tuple[str, ...], *need: str, **kw: object) -> Case:
    wants = tuple(f"{w}|{FLAG_FIELDS[w]}" if w in FLAG_FIELDS else w for w in need)
    return Case(id_, tuple(argv), wants, **kw)  # type: ignore[arg-type]


def pool(**kw: object) -> str:
    base: dict[str, object] = {
        "name": "p",
        "gpu": "H100-SXM",
        "replicas": 2,
        "max_ctx_tokens": 65536,
    }
    base.update(kw)
    return json.dumps({"rate_per_s": 5, "pools": [base]})


def fleet_json(**kw: object) -> dict[str, str]:
    base: dict[str, object] = {
        "rate_per_s": 5,
        "pools": [{"name": "p", "gpu": "H100-SXM", "replicas": 2, "max_ctx_tokens": 65536}],
    }
    base.update(kw)
    return {"f.json": json.dumps(base)}


SIMJ = ("simulate", "{d}/f.json", "--requests", "200", "--replications", "1")

# ------------------------------------------------------------------------------------------
# names: unknown GPU, model, preset, workload, backend, router, level, pool, role
# ------------------------------------------------------------------------------------------

NAMES = [
    c("names-size-gpu", ("size", "--gpu", "Z100"), "Z100"),
    c("names-profile-gpu", ("profile", "Z100"), "Z100"),
    c("names-simulate-gpu", ("simulate", "--gpu", "Z100", "--requests", "200"), "Z100"),
    c("names-pareto-gpu", ("pareto", "--gpu", "Z100"), "Z100"),
    c("names-grid-flex-gpu", ("grid-flex", "--gpu", "Z100", "--no-sim"), "Z100"),
    c("names-whatif-gpus", ("whatif", "--rates", "25", "--gpus", "Z100"), "Z100"),
    c("names-disagg-gpus", ("disagg", "--gpus", "H100-SXM,Z100"), "Z100"),
    c("names-tok-per-watt-gpus", ("tok-per-watt", "--gpus", "Z100"), "Z100"),
    c("names-profile-model", ("profile", "H100-SXM", "nope-7b"), "nope-7b"),
    c("names-size-model", (*SIZE, "--model", "nope-7b"), "nope-7b"),
    c("names-simulate-model", ("simulate", "--model", "nope-7b", "--requests", "200"), "nope-7b"),
    c("names-tok-per-watt-model", ("tok-per-watt", "--model", "nope-7b"), "nope-7b"),
    c("names-size-preset", (*SIZE, "--preset", "nopreset"), "nopreset"),
    c("names-plan-preset", ("plan", "--preset", "nopreset", "--no-verify"), "nopreset"),
    c("names-simulate-preset", ("simulate", "--preset", "nopreset"), "nopreset"),
    c("names-size-workload", (*SIZE, "--workload", "noload"), "noload"),
    c("names-workload-name", ("workload", "noload"), "noload"),
    c("names-plan-backend", ("plan", "--backend", "nosolver", "--no-verify"), "nosolver"),
    c("names-whatif-backend", ("whatif", "--rates", "25", "--backend", "nosolver"), "nosolver"),
    c("names-plan-level", ("plan", "--level", "nolevel"), "nolevel"),
    c("names-simulate-level", ("simulate", "--level", "nolevel"), "nolevel"),
    c("names-simulate-protocol", ("simulate", "--protocol", "noproto"), "noproto"),
    c("names-plan-disaggregation", ("plan", "--disaggregation", "sometimes"),
      "sometimes|disaggregation"),
    c("names-compare-routers-router", ("compare-routers", "--routers", "norouter"), "norouter"),
    c("names-disagg-link", ("disagg", "--link", "nolink"), "nolink"),
    c("names-disagg-aggregated", ("disagg", "--aggregated", "noagg"), "noagg"),
    c("names-profile-dtype", ("profile", "H100-SXM", "--dtype", "fp7"), "fp7|dtype"),
    c("names-profile-kv-policy", ("profile", "H100-SXM", "--kv-policy", "nokv"), "nokv|kv_policy"),
    c("names-file-gpu-menu", PLAN, "Z100", files=scen("gpus: [Z100]\n")),
    c("names-file-max-gpus", PLAN, "Z100", files=scen("constraints: {max_gpus: {Z100: 3}}\n")),
    c("names-file-tensor-parallel-gpu", PLAN, "Z100", files=scen("tensor_parallel: {Z100: 2}\n")),
    c("names-file-prices-gpu", PLAN, "Z100", files=scen("prices_usd_per_hour: {Z100: 1.0}\n")),
    c("names-file-model", PLAN, "nope-7b", files=scen("model: nope-7b\n")),
    c("names-file-preset", PLAN, "nopreset", files=scen("preset: nopreset\n")),
    c("names-file-workload", PLAN, "noload", files=scen("workload: {kind: cdf, name: noload}\n")),
    c("names-file-eligible-role", PLAN, "norole",
      files=scen("constraints: {eligible: {norole: [H100-SXM]}}\n")),
    c("names-file-eligible-gpu", PLAN, "Z100",
      files=scen("thresholds_tokens: [4096]\nconstraints: {eligible: {short: [Z100]}}\n")),
    c("names-file-models-entry-model", PLAN, "nope-7b",
      files=scen("models:\n  - {name: a, model: nope-7b, rate_per_s: 2}\n")),
    c("names-fleet-pool-gpu", SIMJ, "Z100", files={"f.json": pool(gpu="Z100")}),
    c("names-fleet-pool-model", SIMJ, "nope-7b", files={"f.json": pool(model="nope-7b")}),
    c("names-fleet-router", SIMJ, "norouter|router.kind",
      files=fleet_json(router={"kind": "norouter"})),
    c("names-fleet-balancer", SIMJ, "nobal|balancer", files=fleet_json(balancer="nobal")),
    c("names-fleet-preset", SIMJ, "nopreset", files=fleet_json(preset="nopreset")),
    c("names-simulate-fleet-pool-model", ("simulate-fleet", "{d}/m.yaml", "--requests", "200"),
      "nomodel", files={"m.yaml": MULTI.replace("model: a,", "model: nomodel,")}),
    c("names-tok-per-watt-fleet-gpu", ("tok-per-watt", "--fleet", "{d}/f.json"), "Z100",
      files={"f.json": pool(gpu="Z100")}),
]

# ------------------------------------------------------------------------------------------
# numbers: NaN, inf, negative, zero, huge, booleans and text in files
# ------------------------------------------------------------------------------------------

NUMBERS_FILES = [
    c("numbers-file-rate-nan", PLAN, "rate_per_s", files=scen("rate_per_s: .nan\n")),
    c("numbers-file-rate-inf", PLAN, "rate_per_s", files=scen("rate_per_s: .inf\n")),
    c("numbers-file-rate-negative", PLAN, "rate_per_s", files=scen("rate_per_s: -5\n")),
    c("numbers-file-rate-zero", PLAN, "rate_per_s", files=scen("rate_per_s: 0\n")),
    c("numbers-file-rate-huge", PLAN, "rate_per_s", files=scen("rate_per_s: 1.0e+308\n")),
    c("numbers-file-rate-bool", PLAN, "rate_per_s", "bool", files=scen("rate_per_s: true\n")),
    c("numbers-file-rate-text", PLAN, "rate_per_s", files=scen("rate_per_s: fast\n")),
    c("numbers-file-rate-numeric-text", PLAN, "rate_per_s", files=scen("rate_per_s: '5'\n")),
    c("numbers-file-tokens-bool", PLAN, "long_max_ctx_tokens", "bool",
      files=scen("long_max_ctx_tokens: true\n")),
    c("numbers-file-tokens-beyond-64bit", PLAN, "long_max_ctx_tokens",
      files=scen("long_max_ctx_tokens: 99999999999999999999999\n")),
    c("numbers-file-threshold-above-max-ctx", PLAN, "threshold",
      files=scen("long_max_ctx_tokens: 65536\nthresholds_tokens: [100000]\n")),
    c("numbers-file-ttft-zero", PLAN, "ttft_p99_s", files=scen("slo: {ttft_p99_s: 0}\n")),
    c("numbers-file-ttft-nan", PLAN, "ttft_p99_s", files=scen("slo: {ttft_p99_s: .nan}\n")),
    c("numbers-file-min-replicas-huge", PLAN, "min_replicas_per_pool",
      files=scen("constraints: {min_replicas_per_pool: 1000000}\n")),
    c("numbers-file-tensor-parallel-1024", PLAN, "tensor",
      files=scen("tensor_parallel: {H100-SXM: 1024}\n")),
    c("numbers-file-tensor-parallel-not-divisor", PLAN, "tensor",
      files=scen("tensor_parallel: {H100-SXM: 3}\n")),
    c("numbers-file-tensor-parallel-bool", PLAN, "tensor",
      files=scen("tensor_parallel: {H100-SXM: true}\n")),
    c("numbers-file-seed-negative", PLAN, "seed", files=scen("seed: -1\n")),
    c("numbers-file-gamma-below-one", PLAN, "gammas", files=scen("gammas: [0.5]\n")),
    c("numbers-file-price-negative", PLAN, "prices_usd_per_hour",
      files=scen("prices_usd_per_hour: {H100-SXM: -1}\n")),
    c("numbers-file-memory-utilisation-above-one", PLAN, "gpu_memory_utilization",
      files=scen("serving: {gpu_memory_utilization: 1.5}\n")),
    c("numbers-file-inline-knots-nan", PLAN, "knots",
      files=scen("workload: {kind: cdf, knots: [[100, .nan], [200, 1.0]]}\n")),
    c("numbers-file-budget-bool", PLAN, "budget_usd_per_hour",
      files=scen("constraints: {budget_usd_per_hour: true}\n")),
    c("numbers-fleet-replicas-zero", SIMJ, "replicas", files={"f.json": pool(replicas=0)}),
    c("numbers-fleet-replicas-bool", SIMJ, "replicas", "bool",
      files={"f.json": pool(replicas=True)}),
    c("numbers-fleet-replicas-huge", SIMJ, "replicas", files={"f.json": pool(replicas=10**6)}),
    c("numbers-fleet-max-ctx-zero", SIMJ, "max_ctx_tokens",
      files={"f.json": pool(max_ctx_tokens=0)}),
    c("numbers-fleet-max-ctx-beyond-64bit", SIMJ, "max_ctx",
      files={"f.json": pool(max_ctx_tokens=10**25)}),
    c("numbers-fleet-tensor-parallel-1024", SIMJ, "tensor_parallel",
      files={"f.json": pool(tensor_parallel_size=1024)}),
    c("numbers-fleet-rate-nan", SIM, "rate_per_s", files=fleet(FLEET + "rate_per_s: .nan\n")),
    c("numbers-fleet-rate-huge", SIM, "rate_per_s", files=fleet(FLEET + "rate_per_s: 1.0e+308\n")),
    c("numbers-fleet-failures-mttf-zero", SIMJ, "mttf_s",
      files=fleet_json(failures={"mttf_s": 0, "mttr_s": 10})),
    c("numbers-fleet-router-gamma-below-one", SIMJ, "gamma",
      files=fleet_json(router={"kind": "compress_and_route", "gamma": 0.5})),
    c("numbers-fleet-router-share-above-one", SIMJ, "share",
      files=fleet_json(router={"kind": "compress_and_route", "share": 1.5})),
]

NUMBERS_FLAGS = [
    c("numbers-size-rate-nan", (*SIZE, "--rate", "nan"), "--rate", "nan"),
    c("numbers-size-rate-inf", (*SIZE, "--rate", "inf"), "--rate", "inf"),
    c("numbers-size-rate-negative", (*SIZE, "--rate", "-5"), "--rate", "-5"),
    c("numbers-size-rate-zero", (*SIZE, "--rate", "0"), "--rate"),
    c("numbers-size-rate-huge", (*SIZE, "--rate", "1e308"), "--rate"),
    c("numbers-size-threshold-negative", (*SIZE, "--threshold", "-5"), "--threshold", "-5"),
    c("numbers-size-threshold-zero", (*SIZE, "--threshold", "0"), "--threshold"),
    c("numbers-size-threshold-huge", (*SIZE, "--threshold", "1000000000000"), "--threshold"),
    c("numbers-size-threshold-above-max-ctx",
      (*SIZE, "--threshold", "100000", "--long-max-ctx", "65536"), "threshold"),
    c("numbers-size-gamma-nan", (*SIZE, "--gamma", "nan"), "--gamma"),
    c("numbers-size-gamma-zero", (*SIZE, "--gamma", "0"), "--gamma"),
    c("numbers-size-gamma-negative", (*SIZE, "--gamma", "-2"), "--gamma"),
    c("numbers-size-gamma-huge", (*SIZE, "--gamma", "1e9"), "--gamma"),
    c("numbers-size-ttft-nan", (*SIZE, "--ttft-p99-ms", "nan"), "--ttft-p99-ms"),
    c("numbers-size-ttft-zero", (*SIZE, "--ttft-p99-ms", "0"), "--ttft-p99-ms"),
    c("numbers-size-tp-not-divisor", (*SIZE, "--tp", "3"), "tp|tensor"),
    c("numbers-size-tp-above-node", (*SIZE, "--tp", "16"), "tp|tensor"),
    c("numbers-size-long-max-ctx-huge", (*SIZE, "--long-max-ctx", "10000000000"),
      "--long-max-ctx"),
    c("numbers-plan-rate-nan", ("plan", "--rate", "nan", "--no-verify"), "--rate"),
    c("numbers-plan-rate-huge", ("plan", "--rate", "1e308", "--no-verify"), "--rate"),
    c("numbers-plan-time-limit-negative", ("plan", "--time-limit", "-1", "--no-verify"),
      "--time-limit"),
    c("numbers-plan-time-limit-nan", ("plan", "--time-limit", "nan", "--no-verify"),
      "--time-limit"),
    c("numbers-plan-sim-requests-huge", ("plan", "--sim-requests", "100000000000"),
      "--sim-requests"),
    c("numbers-simulate-rate-nan", ("simulate", "--rate", "nan"), "--rate"),
    c("numbers-simulate-rate-huge", ("simulate", "--rate", "1e308"), "--rate"),
    c("numbers-simulate-requests-huge", ("simulate", "--requests", "1000000000000"),
      "--requests"),
    c("numbers-simulate-replications-huge", ("simulate", "--replications", "100000"),
      "--replications"),
    c("numbers-simulate-seed-beyond-64bit", ("simulate", "--seed", str(2**70)), "--seed"),
    c("numbers-simulate-max-ctx-huge", ("simulate", "--max-ctx", "1000000000000"), "--max-ctx"),
    c("numbers-simulate-replicas-huge", ("simulate", "--replicas", "10000000"), "--replicas"),
    c("numbers-simulate-ttft-nan", ("simulate", "--ttft-p99-ms", "nan"), "--ttft-p99-ms"),
    c("numbers-whatif-rates-nan", ("whatif", "--rates", "25,nan"), "--rates", "nan"),
    c("numbers-whatif-rates-negative", ("whatif", "--rates", "25,-1"), "--rates"),
    c("numbers-whatif-rates-empty", ("whatif", "--rates", ","), "--rates"),
    c("numbers-whatif-rates-huge", ("whatif", "--rates", "1e308"), "--rates"),
    c("numbers-whatif-rates-text", ("whatif", "--rates", "25,fast"), "--rates", "fast"),
    c("numbers-pareto-rate-inf", ("pareto", "--rate", "inf"), "--rate"),
    c("numbers-pareto-ttft-negative", ("pareto", "--ttft-p99-ms", "-5"), "--ttft-p99-ms"),
    c("numbers-reliability-failures-negative", ("reliability", "--failures-per-node-day", "-1"),
      "--failures-per-node-day"),
    c("numbers-reliability-failures-nan", ("reliability", "--failures-per-node-day", "nan"),
      "--failures-per-node-day"),
    c("numbers-reliability-mttr-nan", ("reliability", "--mttr-hours", "nan"), "--mttr-hours"),
    c("numbers-reliability-availability-above-one", ("reliability", "--availability", "1.5"),
      "--availability"),
    c("numbers-reliability-availability-zero", ("reliability", "--availability", "0"),
      "--availability"),
    c("numbers-reliability-target-one", ("reliability", "--target", "1"), "--target"),
    c("numbers-reliability-target-nan", ("reliability", "--target", "nan"), "--target"),
    c("numbers-reliability-pools-negative", ("reliability", "--pools", "short=-3"), "--pools"),
    c("numbers-reliability-pools-text", ("reliability", "--pools", "short=abc"), "--pools"),
    c("numbers-reliability-pools-huge", ("reliability", "--pools", "short=1000000000000"),
      "--pools"),
    c("numbers-grid-flex-depth-above-one", ("grid-flex", "--depths", "0.2,1.5", "--no-sim"),
      "--depths"),
    c("numbers-grid-flex-depth-nan", ("grid-flex", "--depths", "nan", "--no-sim"), "--depths"),
    c("numbers-grid-flex-window-zero", ("grid-flex", "--window-s", "0"), "--window-s"),
    c("numbers-grid-flex-window-nan", ("grid-flex", "--window-s", "nan"), "--window-s"),
    c("numbers-grid-flex-window-huge", ("grid-flex", "--window-s", "1e12"), "--window-s"),
    c("numbers-grid-flex-replicas-huge", ("grid-flex", "--replicas", "10000000", "--no-sim"),
      "--replicas"),
    c("numbers-tok-per-watt-utilisation-zero", ("tok-per-watt", "--utilisations", "0"),
      "--utilisations"),
    c("numbers-tok-per-watt-utilisation-above-one", ("tok-per-watt", "--utilisations", "1.5"),
      "--utilisations"),
    c("numbers-tok-per-watt-utilisation-nan", ("tok-per-watt", "--utilisations", "nan"),
      "--utilisations"),
    c("numbers-disagg-tpot-zero", ("disagg", "--tpot-p99-ms", "0"), "--tpot-p99-ms"),
    c("numbers-disagg-tpot-nan", ("disagg", "--tpot-p99-ms", "nan"), "--tpot-p99-ms"),
    c("numbers-disagg-network-zero", ("disagg", "--network-gbps", "0"), "--network-gbps"),
    c("numbers-disagg-network-nan", ("disagg", "--network-gbps", "nan"), "--network-gbps"),
    c("numbers-profile-tp-not-divisor", ("profile", "H100-SXM", "--tp", "3"), "tp|tensor"),
    c("numbers-profile-tp-above-node", ("profile", "H100-SXM", "--tp", "16"), "tp|tensor"),
    c("numbers-profile-max-ctx-huge", ("profile", "H100-SXM", "--max-ctx", "1000000000000"),
      "--max-ctx"),
    c("numbers-compare-routers-requests-huge", ("compare-routers", "--requests", "1000000000000"),
      "--requests"),
    c("numbers-simulate-fleet-requests-huge",
      ("simulate-fleet", "{d}/m.yaml", "--requests", "1000000000000"), "--requests",
      files={"m.yaml": MULTI}),
]

# ------------------------------------------------------------------------------------------
# files: missing, directory, non-UTF-8, empty, not a mapping, unknown keys, wrong nesting,
# truncated, malformed CDFs, traces and model configs
# ------------------------------------------------------------------------------------------

W = ("workload", "-f", "json")
FILES = [
    c("files-plan-missing", ("plan", "{d}/nothere.yaml"), "nothere.yaml"),
    c("files-simulate-missing", ("simulate", "{d}/nothere.yaml"), "nothere.yaml"),
    c("files-simulate-fleet-missing", ("simulate-fleet", "{d}/nothere.yaml"), "nothere.yaml"),
    c("files-compare-routers-missing", ("compare-routers", "{d}/nothere.yaml"), "nothere.yaml"),
    c("files-tok-per-watt-fleet-missing", ("tok-per-watt", "--fleet", "{d}/nothere.yaml"),
      "nothere.yaml"),
    c("files-reliability-missing", ("reliability", "{d}/nothere.yaml"), "nothere.yaml"),
    c("files-workload-missing", ("workload", "{d}/nothere.json"), "nothere.json"),
    c("files-profile-config-missing", ("profile", "H100-SXM", "{d}/nothere.json"),
      "nothere.json"),
    c("files-plan-directory", ("plan", "{d}/sub"), "sub", files={"sub/x.txt": "x"}),
    c("files-simulate-directory", ("simulate", "{d}/sub"), "sub", files={"sub/x.txt": "x"}),
    c("files-workload-directory", ("workload", "{d}/sub"), "sub", files={"sub/x.txt": "x"}),
    c("files-plan-non-utf8", ("plan", "{d}/s.yaml"), "s.yaml", files={"s.yaml": NON_UTF8}),
    c("files-simulate-non-utf8", ("simulate", "{d}/f.yaml"), "f.yaml", files={"f.yaml": NON_UTF8}),
    c("files-simulate-fleet-non-utf8", ("simulate-fleet", "{d}/m.yaml"), "m.yaml",
      files={"m.yaml": NON_UTF8}),
    c("files-workload-cdf-non-utf8", (*W, "{d}/c.json"), "c.json",
      files={"c.json": b"[[100, 0.5], [200, 1.0]] \xff\xfe"}),
    c("files-workload-trace-non-utf8", (*W, "{d}/t.csv"), "t.csv",
      files={"t.csv": TRACE_OK.encode() + b"2023-11-16 18:18:00.0000000,1\xff,2\n"}),
    c("files-profile-config-non-utf8", ("profile", "H100-SXM", "{d}/config.json"), "config.json",
      files={"config.json": HF_CONFIG.encode()[:-1] + b', "x": "\xff"}'}),
    c("files-plan-empty", ("plan", "{d}/s.yaml"), "s.yaml", files={"s.yaml": ""}),
    c("files-workload-cdf-empty", (*W, "{d}/c.json"), "c.json", files={"c.json": ""}),
    c("files-workload-trace-empty", (*W, "{d}/t.csv"), "t.csv", files={"t.csv": ""}),
    c("files-workload-trace-header-only", (*W, "{d}/t.csv"), "t.csv", files={"t.csv": TRACE_HEAD}),
    c("files-plan-not-a-mapping", ("plan", "{d}/s.yaml"), "s.yaml", files={"s.yaml": "- 1\n- 2\n"}),
    c("files-simulate-scalar", ("simulate", "{d}/f.yaml"), "f.yaml", files={"f.yaml": "42\n"}),
    c("files-plan-unknown-key", PLAN, "rate_per_sec", files=scen("rate_per_sec: 5\n")),
    c("files-simulate-unknown-key", SIM, "replica_count|replicas",
      files=fleet(FLEET.replace("replicas: 2", "replica_count: 2"))),
    c("files-plan-wrong-nesting-slo", PLAN, "slo", files=scen("slo: 0.5\n")),
    c("files-plan-wrong-nesting-workload", PLAN, "workload", files=scen("workload: [azure]\n")),
    c("files-plan-wrong-nesting-gpus", PLAN, "gpus", files=scen("gpus: {H100-SXM: 1}\n")),
    c("files-simulate-wrong-nesting-pools", SIM, "pools",
      files=fleet("rate_per_s: 5\npools: {gpu: H100-SXM, replicas: 2, max_ctx_tokens: 4096}\n")),
    c("files-simulate-no-pools", SIM, "pool", files=fleet("rate_per_s: 5\npools: []\n")),
    c("files-plan-truncated-json", ("plan", "{d}/s.json"), "s.json",
      files={"s.json": '{"rate_per_s": 5, "slo": {"ttft_p99_s"'}),
    c("files-plan-truncated-yaml", ("plan", "{d}/s.yaml"), "s.yaml",
      files={"s.yaml": "rate_per_s: 5\nslo: {ttft_p99_s: 0.5\n"}),
    c("files-simulate-truncated-yaml", ("simulate", "{d}/f.yaml"), "f.yaml",
      files={"f.yaml": FLEET[:-12]}),
    c("files-cdf-non-monotone", (*W, "{d}/c.json"), "c.json",
      files={"c.json": json.dumps([[100, 0.5], [200, 0.3], [300, 1.0]])}),
    c("files-cdf-tokens-non-increasing", (*W, "{d}/c.json"), "c.json",
      files={"c.json": json.dumps([[300, 0.5], [200, 0.7], [400, 1.0]])}),
    c("files-cdf-beyond-64bit", (*W, "{d}/c.json"), "c.json",
      files={"c.json": "[[100, 0.5], [99999999999999999999999, 1.0]]"}),
    c("files-cdf-not-ending-at-one", (*W, "{d}/c.json"), "c.json",
      files={"c.json": json.dumps([[100, 0.5], [200, 0.9]])}),
    c("files-cdf-a-mapping", (*W, "{d}/c.json"), "c.json", files={"c.json": '{"100": 1.0}'}),
    c("files-cdf-truncated", (*W, "{d}/c.json"), "c.json", files={"c.json": "[[100, 0.5], [2"}),
    c("files-cdf-bool-tokens", (*W, "{d}/c.json"), "c.json",
      files={"c.json": "[[true, 0.5], [200, 1.0]]"}),
    c("files-trace-one-row", (*W, "{d}/one_row.csv"), "one_row.csv",
      files={"one_row.csv": TRACE_HEAD + "2023-11-16 18:17:03.9799600,4808,10\n"}),
    c("files-trace-equal-timestamps", (*W, "{d}/same_time.csv"), "same_time.csv",
      files={"same_time.csv": TRACE_HEAD + "2023-11-16 18:17:03.0000000,100,10\n" * 5}),
    c("files-trace-negative-tokens", (*W, "{d}/t.csv"), "t.csv",
      files={"t.csv": TRACE_OK + "2023-11-16 18:18:00.0000000,-4,10\n"}),
    c("files-trace-missing-column", (*W, "{d}/t.csv"), "t.csv",
      files={"t.csv": "TIMESTAMP,ContextTokens\n2023-11-16 18:17:03.0000000,100\n"}),
    c("files-trace-beyond-64bit", (*W, "{d}/t.csv"), "t.csv",
      files={"t.csv": TRACE_OK + "2023-11-16 18:18:00.0000000,99999999999999999999999,10\n"}),
    c("files-trace-bad-timestamp", (*W, "{d}/t.csv"), "t.csv",
      files={"t.csv": TRACE_OK + "yesterday,100,10\n"}),
    c("files-trace-jsonl-bad-line", (*W, "{d}/t.jsonl"), "t.jsonl",
      files={"t.jsonl": '{"timestamp": 0, "prompt_tokens": 5, "output_tokens": 2}\n{"timest\n'}),
    c("files-profile-config-malformed", ("profile", "H100-SXM", "{d}/config.json"),
      "config.json", files={"config.json": json.dumps({"hidden_size": 4096})}),
    c("files-profile-config-truncated", ("profile", "H100-SXM", "{d}/config.json"),
      "config.json", files={"config.json": HF_CONFIG[:40]}),
    c("files-scenario-cdf-path-missing", PLAN, "nothere.json",
      files=scen("workload: {kind: cdf, path: nothere.json}\n")),
    c("files-scenario-cdf-malformed", PLAN, "c.json",
      files={**scen("workload: {kind: cdf, path: c.json}\n"), "c.json": "[[100, 0.7], [50, 1.0]]"}),
    c("files-size-workload-cdf-malformed", (*SIZE, "--workload", "{d}/c.json"), "c.json",
      files={"c.json": json.dumps([[100, 0.5], [200, 0.3], [300, 1.0]])}),
]

# ------------------------------------------------------------------------------------------
# output paths: missing folder, a folder, under a regular file, unwritable
# ------------------------------------------------------------------------------------------

OUT = {"s.yaml": SCEN, "afile": "x"}
OUTPUT = [
    c("output-plan-out-missing-dir", (*PLAN, "--out", "{d}/nodir/plan.json"), "nodir",
      files=OUT, clean=True),
    c("output-plan-out-directory", (*PLAN, "--out", "{d}/adir"), "adir",
      files={**OUT, "adir/keep.txt": "x"}, clean=True),
    c("output-plan-out-under-file", (*PLAN, "--out", "{d}/afile/plan.json"), "afile",
      files=OUT, clean=True),
    c("output-plan-out-unwritable", (*PLAN, "--out", "/proc/optfleet-plan.json"), "/proc",
      files=OUT, clean=True),
    c("output-simulate-records-missing-dir",
      ("simulate", "--requests", "200", "--replications", "1", "--records", "{d}/nodir/r.csv"),
      "nodir", files={"afile": "x"}, clean=True),
    c("output-simulate-records-directory",
      ("simulate", "--requests", "200", "--replications", "1", "--records", "{d}/adir"),
      "adir", files={"adir/keep.txt": "x"}, clean=True),
    c("output-simulate-records-under-file",
      ("simulate", "--requests", "200", "--replications", "1", "--records", "{d}/afile/r.csv"),
      "afile", files={"afile": "x"}, clean=True),
    c("output-simulate-records-bad-suffix",
      ("simulate", "--requests", "200", "--replications", "1", "--records", "{d}/r.xlsx"),
      "r.xlsx", files={"afile": "x"}, clean=True),
    c("output-pareto-plot-missing-dir", ("pareto", "--plot", "{d}/nodir/p.png"),
      "nodir|matplotlib", files={"afile": "x"}, clean=True),
    c("output-whatif-plot-missing-dir", ("whatif", "--rates", "25", "--plot", "{d}/nodir/p.png"),
      "nodir|matplotlib", files={"afile": "x"}, clean=True),
    c("output-compare-routers-plot-under-file",
      ("compare-routers", "--requests", "200", "--plot", "{d}/afile/p.png"),
      "afile|matplotlib", files={"afile": "x"}, clean=True),
]

# ------------------------------------------------------------------------------------------
# relative paths inside files resolve against the file's folder, not the working directory
# ------------------------------------------------------------------------------------------

RELATIVE = [
    c("relative-scenario-cdf-beside-file-works", ("plan", "sub/s.yaml", "--no-verify"),
      files={"sub/s.yaml": SCEN + "workload: {kind: cdf, path: c.json}\n", "sub/c.json": CDF_OK},
      code=0, timeout_s=60),
    c("relative-scenario-cdf-only-in-cwd", ("plan", "sub/s.yaml", "--no-verify"), "c.json",
      files={"sub/s.yaml": SCEN + "workload: {kind: cdf, path: c.json}\n", "c.json": CDF_OK}),
    c("relative-fleet-cdf-beside-file-works",
      ("simulate", "sub/f.yaml", "--requests", "200", "--replications", "1"),
      files={"sub/f.yaml": FLEET + "workload: {kind: cdf, path: c.json}\n", "sub/c.json": CDF_OK},
      code=0, timeout_s=60),
    c("relative-fleet-arrivals-trace-beside-file-works",
      ("simulate", "sub/f.yaml", "--requests", "15", "--replications", "1"),
      files={"sub/f.yaml": FLEET + "arrivals: {kind: trace, trace: {kind: trace, path: t.csv}}\n",
             "sub/t.csv": TRACE_OK},
      code=0, timeout_s=60),
    c("relative-scenario-arrivals-trace-only-in-cwd", ("plan", "sub/s.yaml", "--no-verify"),
      "t.csv",
      files={"sub/s.yaml": SCEN + "arrivals: {kind: trace, trace: {kind: trace, path: t.csv}}\n",
             "t.csv": TRACE_OK}),
    c("relative-scenario-trace-workload-only-in-cwd", ("plan", "sub/s.yaml", "--no-verify"),
      "t.csv",
      files={"sub/s.yaml": SCEN + "workload: {kind: trace, path: t.csv}\n", "t.csv": TRACE_OK}),
]

# ------------------------------------------------------------------------------------------
# infeasible: well-formed questions with no answer exit 1 (not 2), naming what can not be met
# ------------------------------------------------------------------------------------------

INFEASIBLE = [
    c("infeasible-size-ttft-1ms", (*SIZE, "--ttft-p99-ms", "1"), "slo|ttft|pool",
      code=1, timeout_s=60),
    c("infeasible-plan-ttft-1ms", PLAN, "slo|ttft|pool", files=scen("slo: {ttft_p99_s: 0.001}\n"),
      code=1, timeout_s=60),
    c("infeasible-plan-budget", PLAN, "budget",
      files=scen("constraints: {budget_usd_per_hour: 0.01}\n"), code=1, timeout_s=60),
    c("infeasible-plan-max-gpus-zero", PLAN, "H100-SXM|max_gpus",
      files=scen("constraints: {max_gpus: {H100-SXM: 0}}\n"), code=1, timeout_s=60),
    c("infeasible-plan-a10g-prefill-slo", ("plan", "{d}/s.yaml", "--no-verify"), "A10G",
      files={"s.yaml": "rate_per_s: 5\nslo: {ttft_p99_s: 0.05}\ngpus: [A10G]\n"},
      code=1, timeout_s=60),
]

CASES: list[Case] = NAMES + NUMBERS_FILES + NUMBERS_FLAGS + FILES + OUTPUT + RELATIVE + INFEASIBLE
_BY_ID = {case.id: case for case in CASES}
assert len(_BY_ID) == len(CASES), "case ids must be unique"


# ------------------------------------------------------------------------------------------
# running the cases: every selected case in a subprocess, two at a time
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: int | None  # None: killed at the time bound
    out: str
    err: str
    elapsed_s: float
    leftovers: tuple[str, ...]  # files in the case folder that the case did not create


def _command() -> list[str]:
    script = Path(sys.executable).parent / ("optfleet.exe" if os.name == "nt" else "optfleet")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from optfleet.cli import main; main()"]


def _listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _run_case(case: Case, folder: Path) -> Outcome:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in case.files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    before = _listing(folder)
    argv = [a.replace("{d}", str(folder)) for a in case.argv]
    cwd = folder / case.cwd if case.cwd else folder
    env = {**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1"}
    env.pop("PYTHONWARNINGS", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*_command(), *argv],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=case.timeout_s)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    elapsed = time.perf_counter() - start
    leftovers = tuple(sorted(_listing(folder) - before))
    return Outcome(code, out, err, elapsed, leftovers)


class _Runner:
    """Runs the selected cases two at a time, on first demand; each test waits for its own."""

    def __init__(self, cases: list[Case], root: Path) -> None:
        self._lock = threading.Lock()
        self._cases, self._root = cases, root
        self._futures: dict[str, object] | None = None
        self._pool: ThreadPoolExecutor | None = None

    def outcome(self, case: Case) -> Outcome:
        with self._lock:
            if self._futures is None:
                self._pool = ThreadPoolExecutor(max_workers=2)
                order = sorted(self._cases, key=lambda k: -k.timeout_s)  # long ones first
                self._futures = {
                    k.id: self._pool.submit(_run_case, k, self._root / k.id) for k in order
                }
            if case.id not in self._futures:
                self._futures[case.id] = self._pool.submit(  # type: ignore[union-attr]
                    _run_case, case, self._root / case.id
                )
            future = self._futures[case.id]
        return future.result()  # type: ignore[attr-defined,no-any-return]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="module")
def runner(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    selected = [
        _BY_ID[item.callspec.params["case"].id]
        for item in request.session.items
        if getattr(item, "module", None) is request.module
        and hasattr(item, "callspec")
        and isinstance(item.callspec.params.get("case"), Case)
    ]
    r = _Runner(selected, tmp_path_factory.mktemp("bad_input"))
    yield r
    r.close()


def _problems(case: Case, o: Outcome) -> list[str]:
    """What is wrong with one case's outcome (empty: it behaved)."""
    if o.code is None:
        return [f"hang: no answer within {case.timeout_s:g} s (killed)"]
    problems = []
    if "Traceback" in o.out or "Traceback" in o.err:
        last = [ln for ln in o.err.splitlines() if ln.strip()][-1:]
        problems.append(f"traceback: {last[0] if last else '?'}")
    if o.code != case.code:
        problems.append(f"exit {o.code}, expected {case.code}")
    lines = [ln for ln in o.err.splitlines() if ln.strip()]
    if case.code == 0:
        if lines:
            problems.append(f"stderr not empty: {lines[0]!r}")
    else:
        if len(lines) != 1:
            problems.append(f"{len(lines)} non-empty stderr lines, expected 1: {lines[:3]!r}")
        line = (lines[0] if lines else "").lower()
        for want in case.need:
            if not any(alt.lower() in line for alt in want.split("|")):
                problems.append(f"stderr line does not name {want!r}: {lines[:1]!r}")
    if case.clean and o.leftovers:
        problems.append(f"left files behind: {list(o.leftovers)}")
    if o.elapsed_s > case.timeout_s:
        problems.append(f"took {o.elapsed_s:.1f} s > {case.timeout_s:g} s")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[k.id for k in CASES])
def test_bad_input_case(case: Case, runner: _Runner) -> None:
    o = runner.outcome(case)
    problems = _problems(case, o)
    assert not problems, f"{case.id}: optfleet {' '.join(case.argv)}\n  " + "\n  ".join(problems)


def test_corpus_size_and_groups() -> None:
    """At least 60 cases, every group present, every command that reads a file or a number."""
    groups = {k.id.split("-")[0] for k in CASES}
    assert {"names", "numbers", "files", "output", "relative", "infeasible"} <= groups
    assert sum(k.code == 2 for k in CASES) >= 60
    commands = {k.argv[0] for k in CASES}
    for command in (
        "plan", "size", "simulate", "simulate-fleet", "pareto", "whatif", "compare-routers",
        "disagg", "grid-flex", "tok-per-watt", "reliability", "profile", "workload",
    ):
        assert command in commands, command
