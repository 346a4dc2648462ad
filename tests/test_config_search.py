"""The configuration search in the planner (issue #14): serving configurations as options of the
integer program, the dominated ones pruned, and the plan saying how to run each pool."""

from __future__ import annotations

import json

import numpy as np
import pytest

import optfleet
from optfleet.errors import InputError
from optfleet.planning import tabulate
from optfleet.planning.config_options import _dominates
from optfleet.scenario import ConfigSearch, Scenario
from optfleet.scenario.catalog import get_gpu
from optfleet.scenario.config_search import gpu_type

SMALL = ConfigSearch(tensor_parallel_sizes=(1, 2), max_num_seqs=(64, 256),
                     chunked_prefill_tokens=(2048,), dtypes=("bf16", "fp8"))


def _scenario(**kw):
    base = dict(rate_per_s=20.0, gpus=("H100-SXM", "A100-80GB"), thresholds_tokens=())
    base.update(kw)
    return Scenario(**base)


@pytest.mark.parametrize("kw", [
    dict(rate_per_s=20.0),
    dict(rate_per_s=60.0, slo={"ttft_p99_s": 0.5, "tpot_p99_s": 0.03}),
    dict(rate_per_s=8.0, workload={"kind": "cdf", "name": "lmsys"}, gpus=("A100-80GB",),
         serving={"max_num_seqs": 128}),
])
def test_the_search_is_never_dearer_than_the_fixed_configuration_it_contains(kw):
    fixed = _scenario(**kw)
    searched = fixed.model_copy(update={"config_search": SMALL})
    a = optfleet.plan(fixed, verify=False)
    b = optfleet.plan(searched, verify=False)
    assert b.cost_usd_per_hour <= a.cost_usd_per_hour + 1e-9
    # the fixed configuration is among the options (its tables are exactly the fixed ones)
    t_fixed, t_search = tabulate(fixed), tabulate(searched)
    for (lay, role, gpu), opt in t_fixed.options.items():
        same = [o for (l2, r2, g2), o in t_search.options.items()
                if (l2, r2) == (lay, role) and gpu_type(g2) == gpu
                and np.array_equal(o.table[: len(opt.table)], opt.table[: len(o.table)])]
        dominated = any(_dominates(o, opt) for (l2, r2, g2), o in t_search.options.items()
                        if (l2, r2) == (lay, role) and gpu_type(g2) == gpu)
        assert same or dominated, (lay, role, gpu)


def test_fp8_is_never_offered_on_a_gpu_without_it_and_kv_holds_the_longest_request():
    s = _scenario(config_search=SMALL, gpus=("H100-SXM", "A100-80GB", "A10G"))
    t = tabulate(s)
    names = {g for (_, _, g) in t.options}
    assert any("fp8" in g for g in names if gpu_type(g) == "H100-SXM")
    for g in names:
        if get_gpu(gpu_type(g)).fp8_flop_per_s is None:
            assert "fp8" not in g, g
    longest = t.ctx.long_ctx_tokens
    for gpu, cands in t.ctx.config_candidates.items():
        for c in cands.kept:
            from optfleet.scenario.config_search import variant_name

            prof = t.ctx.profile(variant_name(gpu, c))
            assert prof.kv_capacity_tokens >= longest, (gpu, c)
        assert len(cands.kept) + sum(cands.pruned.values()) >= cands.considered
    assert any("configuration search: candidates" in n for n in t.notes)


def test_dominated_options_are_left_out_and_counted():
    t = tabulate(_scenario(config_search=SMALL, rate_per_s=40.0))
    note = next(n for n in t.notes if n.startswith("configuration search"))
    assert "dominated" in note
    # no option left is dominated by another of the same pool, GPU type and price
    keys = list(t.options)
    for a in keys:
        for b in keys:
            if a == b or a[:2] != b[:2] or gpu_type(a[2]) != gpu_type(b[2]):
                continue
            oa, ob = t.options[a], t.options[b]
            if oa.profile.price_usd_per_hour != ob.profile.price_usd_per_hour:
                continue
            assert not (_dominates(oa, ob) and not _dominates(ob, oa)), (a, b)


def test_a_70b_model_gets_a_configuration_that_fits():
    """The fixed config (tp 1) can not hold Llama-3.1-70B on one 80 GB card; the search finds
    tensor-parallel or fp8 configurations and the plan says how to run them."""
    s = Scenario(model="llama-3.1-70b", rate_per_s=5.0, gpus=("H100-SXM",),
                 thresholds_tokens=(), config_search=SMALL)
    p = optfleet.plan(s, verify=False)
    for pp in p.pools:
        assert pp.serving is not None and pp.serving.gpu_type == "H100-SXM"
        cfg = pp.serving
        assert cfg.tensor_parallel_size == pp.gpus_per_replica
        assert cfg.tensor_parallel_size > 1 or cfg.dtype == "fp8"
        flags = " ".join(cfg.vllm_flags)
        assert f"--tensor-parallel-size {cfg.tensor_parallel_size}" in flags
        assert f"--max-num-seqs {cfg.max_num_seqs}" in flags
        assert f"--max-model-len {pp.max_ctx_tokens}" in flags
        assert cfg.vllm_command.startswith("vllm serve ")


def test_a_searched_plan_is_verified_by_simulating_its_configurations():
    s = _scenario(config_search=SMALL, rate_per_s=10.0, gpus=("H100-SXM",))
    p = optfleet.plan(s, sim_requests=4000, replications=2, calibrate=False)
    assert p.verification and p.verification[-1].accepted
    assert all(pp.simulated_p99_ttft_s is not None for pp in p.pools)


@pytest.mark.parametrize("update, what", [
    (dict(constraints={"max_gpus": {"H100-SXM": 4}}), "constraints.max_gpus"),
    (dict(disaggregation="also"), "disaggregation"),
    (dict(preset="fleet-sim"), "fleet-sim"),
])
def test_unsupported_combinations_are_refused_in_one_line(update, what):
    s = Scenario(**{**dict(rate_per_s=10.0, gpus=("H100-SXM",), config_search=SMALL), **update})
    with pytest.raises(InputError, match="config_search can not be combined") as e:
        tabulate(s)
    assert what in str(e.value) and "\n" not in str(e.value)


def test_cli_config_search_emits_vllm_scripts(tmp_path):
    from typer.testing import CliRunner

    from optfleet.cli import app

    runner = CliRunner()
    d = tmp_path / "vllm"
    r = runner.invoke(app, ["plan", "--rate", "10", "--gpu", "H100-SXM", "--config-search",
                            "--no-verify", "--emit", "vllm", "--emit-dir", str(d),
                            "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    files = sorted(d.glob("*.sh"))
    assert len(files) == len(data["pools"])
    for pool in data["pools"]:
        assert pool["serving"]["vllm_command"].startswith("vllm serve")
        assert "@" in pool["gpu"]  # a configuration-search option
    assert all("vllm serve" in f.read_text() for f in files)
    bad = runner.invoke(app, ["plan", "--no-verify", "--emit", "yaml"])
    assert bad.exit_code == 2 and "unknown --emit format" in bad.output


def test_option_names_are_not_menu_names():
    """'@' marks a configuration-search option: a malformed one is an unknown GPU, and the menu
    names GPU types only (no silent resolution of 'H100@junk' to an H100)."""
    from optfleet.errors import UnknownNameError

    assert get_gpu("H100-SXM@tp2-fp8-s256-c2048").name == "H100-SXM"
    with pytest.raises(UnknownNameError, match="H100@junk"):
        get_gpu("H100@junk")
    with pytest.raises(Exception, match="configuration-search option"):
        Scenario(gpus=("H100-SXM@tp2-fp8-s256-c2048",))
