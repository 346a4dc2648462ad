"""Tests of optfleet.workloads: CDFs, request mixes, traces and arrival processes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario import (
    CDFWorkload,
    GammaArrivals,
    PiecewiseArrivals,
    PoissonArrivals,
    RatioSplit,
    SeparateCDFWorkload,
    TraceReplayArrivals,
    TraceWorkload,
)
from optfleet.workloads import (
    BUILTIN_CDFS,
    BUILTIN_TRACES,
    LengthCDF,
    RequestMix,
    Trace,
    arrival_times,
    builtin_cdf,
    builtin_trace,
    cdf_from_samples,
    load_azure2023,
    load_cdf,
    load_jsonl,
    load_splitwise_csv,
    load_workload,
    mix_from_cdf,
    mix_from_separate,
    mix_from_trace,
    trace_requests,
)

GRID = [64, 128, 256, 512, 768, 1024]

# --------------------------------------------------------------------------------------------
# LengthCDF validation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tokens", "fractions", "pattern"),
    [
        (GRID, [0.1, 0.2, 0.3, 0.36, 0.31, 1.0], r"knot 5 \(tokens=768\): fraction 0.31 is below"),
        (GRID, [0.1, 0.2, 1.2, 1.0, 1.0, 1.0], r"knot 3 \(tokens=256\): fraction 1.2 is above 1"),
        (
            GRID,
            [0.1, 0.2, 0.3, 0.4, 0.5, 0.9],
            r"knot 6 \(tokens=1024\): the last fraction must be 1",
        ),
        (
            [64, 128, 128, 512],
            [0.1, 0.2, 0.3, 1.0],
            r"knot 3 \(tokens=128\): tokens must be strictly",
        ),
        (
            [64, 32, 128, 512],
            [0.1, 0.2, 0.3, 1.0],
            r"knot 2 \(tokens=32\): tokens must be strictly",
        ),
        (GRID, [0.1, float("nan"), 0.3, 0.4, 0.5, 1.0], r"knot 2 \(tokens=128\): fraction nan"),
        (GRID, [-0.1, 0.2, 0.3, 0.4, 0.5, 1.0], r"knot 1 \(tokens=64\): fraction -0.1 is negative"),
        ([0, 64], [0.5, 1.0], r"knot 1 \(tokens=0\): tokens must be a positive integer"),
        ([10.5, 64], [0.5, 1.0], r"knot 1 \(tokens=10.5\): tokens must be a positive integer"),
        ([10, float("inf")], [0.5, 1.0], r"knot 2 \(tokens=inf\): tokens must be a positive"),
    ],
)
def test_cdf_validation_names_the_bad_knot(tokens, fractions, pattern):
    with pytest.raises(InputError, match=pattern):
        LengthCDF(tokens, fractions)


def test_cdf_validation_shapes_and_tolerance():
    with pytest.raises(InputError, match="no knots"):
        LengthCDF.from_knots([])
    with pytest.raises(InputError, match="equal length"):
        LengthCDF([1, 2], [1.0])
    with pytest.raises(InputError, match=r"knot 2: expected a \[tokens, fraction\] pair"):
        LengthCDF.from_knots([[1, 0.5], [2, 1.0, 3]])
    c = LengthCDF([10, 20], [0.5, 1 - 5e-10])
    assert c.fractions[-1] == 1.0
    assert not c.tokens.flags.writeable and not c.fractions.flags.writeable
    with pytest.raises(ValueError):
        c.tokens[0] = 3
    assert c.tokens.dtype == np.int64 and c.fractions.dtype == np.float64


def test_cdf_equality_and_hash():
    a = LengthCDF([10, 20], [0.5, 1.0])
    b = LengthCDF.from_knots([(10, 0.5), (20, 1.0)])
    assert a == b and hash(a) == hash(b)
    assert a != LengthCDF([10, 20], [0.4, 1.0])


# --------------------------------------------------------------------------------------------
# LengthCDF semantics
# --------------------------------------------------------------------------------------------


def test_cdf_semantics_piecewise_uniform_on_integers():
    c = LengthCDF([4, 8], [0.5, 1.0])
    assert c.cdf(1) == pytest.approx(0.125)  # first bin 1..4 from 1
    assert c.cdf(0.99) == 0.0
    assert c.cdf(4) == 0.5 and c.cdf(4.7) == 0.5
    assert c.cdf(5) == pytest.approx(0.625)
    assert c.cdf(8) == 1.0 and c.cdf(1e9) == 1.0
    assert c.mass(4, 8) == pytest.approx(0.5)
    assert c.mass(2, 6) == pytest.approx(0.5)
    assert c.mean_tokens == pytest.approx(4.5)  # uniform on 1..8
    assert c.quantile(0.5) == 4 and c.quantile(0.5000001) == 5 and c.quantile(1.0) == 8
    assert c.breakpoints == (4, 8)
    with pytest.raises(InputError):
        c.quantile(1.5)
    with pytest.raises(InputError):
        c.cdf(float("nan"))


@pytest.mark.parametrize("name", sorted(BUILTIN_CDFS))
def test_builtin_cdfs_pmf_exact(name):
    c = builtin_cdf(name)
    assert c.breakpoints[0] == 64 and c.max_tokens == 65536 and len(c.breakpoints) == 18
    L, p = c.pmf()
    assert L[0] == 1 and L[-1] == 65536 and L.dtype == np.int64
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    cum = np.cumsum(p)
    # exact up to float64 summation error over 65536 terms
    np.testing.assert_allclose(cum[c.tokens - 1], c.fractions, rtol=0, atol=1e-10)
    # cdf() agrees with the pmf everywhere, including between knots
    xs = np.array([1, 63, 65, 100, 700, 5000, 40000])
    np.testing.assert_allclose(c.cdf(xs), cum[xs - 1], atol=1e-10)
    assert c.mean_tokens == pytest.approx(float(np.dot(L, p)), rel=1e-12)
    # quantile is the smallest x with cdf(x) >= q
    for q in (0.01, 0.5, 0.9, 0.99, 0.999):
        x = c.quantile(q)
        assert c.cdf(x) >= q and (x == 1 or c.cdf(x - 1) < q)
        assert cum[x - 1] >= q - 1e-10


def test_builtin_facts():
    azure = builtin_cdf("azure")
    assert azure.cdf(8192) == pytest.approx(0.99996452, abs=1e-8)
    assert azure.mass(8192, 12288) == 0.0
    assert builtin_cdf("lmsys").mass(49152, 65536) > 0
    assert builtin_cdf("Agent-Heavy") is builtin_cdf("agent_heavy")  # cached, name normalised
    with pytest.raises(UnknownNameError, match="agent_heavy, azure, lmsys"):
        builtin_cdf("sharegpt")


def test_sample_consistent_with_pmf():
    c = builtin_cdf("lmsys")
    n = 200_000
    x = c.sample(n, seed=7)
    assert x.dtype == np.int64 and x.min() >= 1 and x.max() <= 65536
    L, p = c.pmf()
    sd = math.sqrt(float(np.dot(p, (L - c.mean_tokens) ** 2)))
    assert abs(x.mean() - c.mean_tokens) < 3 * sd / math.sqrt(n)
    for k in (64, 512, 4096):
        frac = (x <= k).mean()
        f = c.cdf(k)
        assert abs(frac - f) < 4 * math.sqrt(f * (1 - f) / n)
    np.testing.assert_array_equal(c.sample(100, seed=3), c.sample(100, seed=3))
    g = np.random.default_rng(3)
    assert c.sample(10, seed=g).shape == (10,)
    assert c.sample(0, seed=1).size == 0
    with pytest.raises(InputError):
        c.sample(-1)


def test_sample_never_hits_zero_mass_bins():
    c = LengthCDF([10, 20, 30], [0.5, 0.5, 1.0])
    x = c.sample(20_000, seed=0)
    assert not ((x > 10) & (x <= 20)).any()


def test_load_cdf_formats(tmp_path: Path):
    knots = [[100, 0.25], [200, 1.0]]
    (tmp_path / "a.json").write_text(json.dumps(knots))
    (tmp_path / "b.json").write_text(json.dumps({"cdf": knots, "source": "test"}))
    (tmp_path / "c.yaml").write_text("cdf:\n  - [100, 0.25]\n  - [200, 1.0]\n")
    (tmp_path / "d.yml").write_text("- [100, 0.25]\n- [200, 1.0]\n")
    cdfs = [load_cdf(tmp_path / f) for f in ("a.json", "b.json", "c.yaml", "d.yml")]
    for c in cdfs:
        assert c.knots() == knots
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(InputError, match="bad.json"):
        load_cdf(tmp_path / "bad.json")
    (tmp_path / "nokey.json").write_text('{"knots": []}')
    with pytest.raises(InputError, match="nokey.json.*'cdf' key"):
        load_cdf(tmp_path / "nokey.json")
    (tmp_path / "dec.json").write_text("[[100, 0.5], [200, 0.4], [300, 1.0]]")
    with pytest.raises(InputError, match=r"dec.json: CDF knot 2 \(tokens=200\)"):
        load_cdf(tmp_path / "dec.json")
    with pytest.raises(InputError, match="not found"):
        load_cdf(tmp_path / "missing.json")


def test_cdf_from_samples():
    c = cdf_from_samples([10, 20, 100, 5000])
    assert c.breakpoints[:2] == (64, 128) and c.max_tokens == 65536
    assert c.cdf(64) == 0.5 and c.cdf(4096) == 0.75 and c.cdf(6144) == 1.0
    big = cdf_from_samples([100, 200_000])
    assert big.max_tokens >= 200_000 and 98304 in big.breakpoints and 131072 in big.breakpoints
    custom = cdf_from_samples([1, 2, 3, 4], knots=[2, 4])
    assert custom.knots() == [[2, 0.5], [4, 1.0]]
    with pytest.raises(InputError):
        cdf_from_samples([0, 5])


# --------------------------------------------------------------------------------------------
# Request mixes
# --------------------------------------------------------------------------------------------


def test_ratio_split_exact():
    m = mix_from_cdf(LengthCDF([64], [1.0]))
    by_len = {
        int(r): (int(p), int(o))
        for r, p, o in zip(m.routing_tokens, m.prompt_tokens, m.output_tokens, strict=True)
    }
    assert by_len[1] == (1, 1)
    assert by_len[2] == (1, 1)
    assert by_len[10] == (8, 2)
    assert by_len[64] == (51, 13)
    assert by_len[5] == (4, 1)
    # reference rule in plain Python float arithmetic
    for L in range(1, 65):
        l_in = max(1, int(0.8 * L))
        assert by_len[L] == (l_in, max(1, L - l_in))
    m2 = mix_from_cdf(LengthCDF([10], [1.0]), RatioSplit(prompt_fraction=0.5))
    assert (m2.prompt_tokens[-1], m2.output_tokens[-1]) == (5, 5)


def test_mix_from_builtin_cdf_matches_cdf():
    c = builtin_cdf("azure")
    m = mix_from_cdf(c)
    assert m.prob.sum() == pytest.approx(1.0, abs=1e-12)
    assert (m.prob > 0).all() and (m.prompt_tokens >= 1).all() and (m.output_tokens >= 1).all()
    assert m.mean_routing_tokens == pytest.approx(c.mean_tokens, rel=1e-12)
    for lo, hi in ((0, 2048), (2048, 8192), (64, 65536), (8192, 65536), (100, 101)):
        sub, mass = m.restrict(lo, hi)
        assert mass == pytest.approx(c.mass(lo, hi), abs=1e-12)
        assert sub is not None and sub.prob.sum() == pytest.approx(1.0)
        assert sub.routing_tokens.min() > lo and sub.routing_tokens.max() <= hi
    none, zero = m.restrict(8192, 12288)
    assert none is None and zero == 0.0
    with pytest.raises(InputError):
        m.restrict(float("nan"), 10)
    assert not m.prob.flags.writeable


def test_restrict_small():
    m = RequestMix([10, 20, 30], [8, 16, 24], [2, 4, 6], [0.2, 0.3, 0.5], name="t")
    sub, mass = m.restrict(10, 30)
    assert mass == pytest.approx(0.8)
    np.testing.assert_allclose(sub.prob, [0.375, 0.625])
    assert sub.mean_prompt_tokens == pytest.approx(0.375 * 16 + 0.625 * 24)
    assert m.mean_total_tokens == pytest.approx(0.2 * 10 + 0.3 * 20 + 0.5 * 30)


def test_request_mix_validation():
    with pytest.raises(InputError, match="sum to"):
        RequestMix([1], [1], [1], [0.5])
    with pytest.raises(InputError, match=">= 1"):
        RequestMix([1], [0], [1], [1.0])
    with pytest.raises(InputError, match="equal length"):
        RequestMix([1, 2], [1], [1], [1.0])
    with pytest.raises(InputError, match="finite"):
        RequestMix([1, 2], [1, 1], [1, 1], [np.nan, 1.0])


def test_mix_sample():
    m = mix_from_cdf(builtin_cdf("azure"))
    p, o, r = m.sample(100_000, seed=11)
    assert p.dtype == o.dtype == r.dtype == np.int64
    sd = math.sqrt(float(np.dot(m.prob, (m.routing_tokens - m.mean_routing_tokens) ** 2)))
    assert abs(r.mean() - m.mean_routing_tokens) < 3 * sd / math.sqrt(r.size)
    for a, b in zip(m.sample(50, seed=2), m.sample(50, seed=2), strict=True):
        np.testing.assert_array_equal(a, b)


def test_mix_from_separate_keeps_means():
    pc, oc = builtin_cdf("lmsys"), LengthCDF([64, 512, 2048], [0.3, 0.9, 1.0], name="out")
    m = mix_from_separate(pc, oc, max_classes_per_side=64)
    assert m.n_classes <= 64 * 64
    assert m.mean_prompt_tokens == pytest.approx(pc.mean_tokens, rel=1e-9)
    assert m.mean_output_tokens == pytest.approx(oc.mean_tokens, rel=1e-9)
    np.testing.assert_array_equal(m.routing_tokens, m.prompt_tokens + m.output_tokens)
    # independence: P(prompt<=x, output<=y) = P(prompt<=x) P(output<=y)
    px = m.prob[m.prompt_tokens <= 600].sum()
    py = m.prob[m.output_tokens <= 600].sum()
    both = m.prob[(m.prompt_tokens <= 600) & (m.output_tokens <= 600)].sum()
    assert both == pytest.approx(px * py, rel=1e-12)
    small = mix_from_separate(LengthCDF([4], [1.0]), LengthCDF([2], [1.0]))
    assert small.n_classes == 8  # no compression needed: exact product
    with pytest.raises(InputError):
        mix_from_separate(pc, oc, max_classes_per_side=1)


# --------------------------------------------------------------------------------------------
# Traces
# --------------------------------------------------------------------------------------------


def test_builtin_trace_facts():
    code, conv = builtin_trace("azure_code"), builtin_trace("azure_conv")
    assert code.n_requests == 8819 and conv.n_requests == 19366
    assert code.dropped_rows == 0 and conv.dropped_rows == 0
    # np.percentile default (linear) method
    assert np.median(code.prompt_tokens) == 1469 and np.percentile(code.prompt_tokens, 99) == 7436
    assert np.median(code.output_tokens) == 13
    assert np.percentile(code.output_tokens, 99) == pytest.approx(251, abs=1)
    assert np.median(conv.prompt_tokens) == 1020 and np.percentile(conv.prompt_tokens, 99) == 4142
    assert np.median(conv.output_tokens) == 129 and np.percentile(conv.output_tokens, 99) == 601
    assert code.interarrival_cv == pytest.approx(13, abs=0.5)
    assert conv.interarrival_cv == pytest.approx(1.1, abs=0.05)
    assert code.arrival_s[0] == 0.0 and (np.diff(code.arrival_s) >= 0).all()
    assert 3000 < code.duration_s < 3600 and 3000 < conv.duration_s < 3600
    # exact 7-digit timestamps: 18:17:04.0319600 - 18:17:03.9799600
    assert code.arrival_s[1] == pytest.approx(0.052, abs=1e-9)
    assert sorted(BUILTIN_TRACES) == ["azure_code", "azure_conv"]
    with pytest.raises(UnknownNameError, match="azure_code, azure_conv"):
        builtin_trace("azure_2024")


def test_load_azure2023_bad_rows(tmp_path: Path):
    f = tmp_path / "t.csv"
    f.write_text(
        "TIMESTAMP,ContextTokens,GeneratedTokens\n"
        "2023-11-16 18:17:04.5000000,10,2\n"
        "2023-11-16 18:17:03.2500000,20,3\n"
        "not-a-time,5,5\n"
        "2023-11-16 18:17:05.0000001,7,0\n"
        "2023-11-16 18:17:06,8,1\n"
    )
    with pytest.raises(InputError, match=r"t.csv, line 4"):
        load_azure2023(f)
    t = load_azure2023(f, on_bad_row="skip")
    assert t.dropped_rows == 2 and t.n_requests == 3
    np.testing.assert_allclose(t.arrival_s, [0.0, 1.25, 2.75])
    assert t.prompt_tokens.tolist() == [20, 10, 8]
    (tmp_path / "cols.csv").write_text("time,ContextTokens,GeneratedTokens\n1,2,3\n")
    with pytest.raises(InputError, match="missing column 'TIMESTAMP'"):
        load_azure2023(tmp_path / "cols.csv")


def test_load_splitwise_and_jsonl(tmp_path: Path):
    f = tmp_path / "s.csv"
    f.write_text("TIMESTAMP,ContextTokens,GeneratedTokens\n10.0,5,1\n12.5,6,2\nx,1,1\n")
    with pytest.raises(InputError, match="line 4"):
        load_splitwise_csv(f)
    t = load_splitwise_csv(f, on_bad_row="skip")
    assert t.arrival_s.tolist() == [0.0, 2.5] and t.dropped_rows == 1
    j = tmp_path / "t.jsonl"
    j.write_text('{"ts": 2000, "in": 5, "out": 3}\n\n{"ts": 500, "in": 7, "out": 1}\n{"ts": 1}\n')
    with pytest.raises(InputError, match="line 4.*missing field 'in'"):
        load_jsonl(j, "ts", "in", "out", time_unit_s=0.001)
    t = load_jsonl(j, "ts", "in", "out", time_unit_s=0.001, on_bad_row="skip")
    assert t.arrival_s.tolist() == [0.0, 1.5] and t.prompt_tokens.tolist() == [7, 5]
    assert t.dropped_rows == 1
    spec = TraceWorkload(
        path=j, format="jsonl", time_field="ts", prompt_field="in", output_field="out"
    )
    with pytest.raises(InputError, match="line 4"):  # load_workload does not skip bad rows
        load_workload(spec)
    j.write_text('{"ts": 2000, "in": 5, "out": 3}\n{"ts": 500, "in": 7, "out": 1}\n')
    w = load_workload(spec.model_copy(update={"time_unit_s": 0.001}))
    assert w.trace is not None and w.trace.arrival_s.tolist() == [0.0, 1.5]
    assert w.mix.n_classes == 2 and w.cdf.cdf(64) == 1.0
    f.write_text("TIMESTAMP,ContextTokens,GeneratedTokens\n10.0,5,1\n12.5,6,2\n")
    sw = load_workload(TraceWorkload(path=f, format="splitwise"))
    assert sw.trace is not None and sw.trace.arrival_s.tolist() == [0.0, 2.5]


def test_mix_from_trace():
    tr = builtin_trace("azure_conv")
    m = mix_from_trace(tr)
    assert m.mean_prompt_tokens == pytest.approx(tr.prompt_tokens.mean(), rel=1e-12)
    assert m.mean_output_tokens == pytest.approx(tr.output_tokens.mean(), rel=1e-12)
    np.testing.assert_array_equal(m.routing_tokens, m.prompt_tokens + m.output_tokens)
    assert m.n_classes <= tr.n_requests


# --------------------------------------------------------------------------------------------
# load_workload
# --------------------------------------------------------------------------------------------


def test_load_workload_dispatch(tmp_path: Path):
    w = load_workload(CDFWorkload(name="azure"))
    assert w.name == "azure" and w.trace is None and w.cdf is builtin_cdf("azure")
    assert load_workload(CDFWorkload(name="azure")) is w  # cached
    inline = load_workload(CDFWorkload(knots=((100, 0.5), (200, 1.0))))
    assert inline.mix.n_classes == 200 and inline.cdf.max_tokens == 200
    (tmp_path / "x.json").write_text("[[100, 0.5], [200, 1.0]]")
    assert load_workload(CDFWorkload(path=tmp_path / "x.json")).cdf == LengthCDF(
        [100, 200], [0.5, 1.0], name="x"
    )
    sep = load_workload(
        SeparateCDFWorkload(
            prompt=CDFWorkload(name="lmsys"), output=CDFWorkload(knots=((512, 1.0),))
        )
    )
    assert sep.mix.mean_output_tokens == pytest.approx(256.5)
    assert sep.cdf.cdf(65536 + 512) == 1.0
    tw = load_workload(TraceWorkload(name="azure_code"))
    assert tw.trace is not None and tw.trace.n_requests == 8819 and tw.dropped_rows == 0
    assert tw.cdf.cdf(64) == pytest.approx((tw.trace.total_tokens <= 64).mean())
    with pytest.raises(UnknownNameError):
        load_workload(CDFWorkload(name="nope"))


# --------------------------------------------------------------------------------------------
# Arrivals
# --------------------------------------------------------------------------------------------


def _cv(t: np.ndarray) -> float:
    g = np.diff(t)
    return float(g.std() / g.mean())


def test_poisson_arrivals():
    spec = PoissonArrivals(rate_per_s=50.0)
    t = arrival_times(spec, n=100_000, seed=1)
    assert (np.diff(t) >= 0).all() and t[0] > 0
    assert t.size / t[-1] == pytest.approx(50.0, rel=0.02)
    assert _cv(t) == pytest.approx(1.0, abs=0.02)
    h = arrival_times(spec, horizon_s=1000.0, seed=2)
    assert h.max() <= 1000.0 and abs(h.size - 50_000) < 5 * math.sqrt(50_000)
    np.testing.assert_array_equal(
        arrival_times(spec, n=100, seed=9), arrival_times(spec, n=100, seed=9)
    )
    assert not np.array_equal(
        arrival_times(spec, n=100, seed=9), arrival_times(spec, n=100, seed=10)
    )
    ss = np.random.SeedSequence(4)
    np.testing.assert_array_equal(
        arrival_times(spec, n=10, seed=ss), arrival_times(spec, n=10, seed=4)
    )


@pytest.mark.parametrize("cv", [0.5, 2.0, 4.0])
def test_gamma_arrivals(cv):
    spec = GammaArrivals(rate_per_s=20.0, cv=cv)
    t = arrival_times(spec, n=200_000, seed=3)
    assert t.size / t[-1] == pytest.approx(20.0, rel=0.05)
    assert _cv(t) == pytest.approx(cv, rel=0.05)
    h = arrival_times(spec, horizon_s=500.0, seed=3)
    assert h.max() <= 500.0 and h.size == pytest.approx(10_000, rel=0.25)


def test_piecewise_arrivals_counts_per_segment():
    spec = PiecewiseArrivals(start_s=(0.0, 100.0, 200.0, 300.0), rates_per_s=(10.0, 0.0, 50.0, 5.0))
    t = arrival_times(spec, horizon_s=400.0, seed=5)
    counts = np.histogram(t, bins=[0, 100, 200, 300, 400])[0]
    for c, expected in zip(counts, (1000, 0, 5000, 500), strict=True):
        assert abs(c - expected) <= 5 * math.sqrt(max(expected, 1))
    assert counts[1] == 0
    tn = arrival_times(spec, n=6000, seed=6)
    assert tn.size == 6000 and (np.diff(tn) >= 0).all()
    assert not ((tn > 100) & (tn < 200)).any()
    ends = PiecewiseArrivals(start_s=(0.0, 10.0), rates_per_s=(1.0, 0.0))
    with pytest.raises(InputError, match="last rate is 0"):
        arrival_times(ends, n=1000, seed=0)


def test_trace_replay_scaling_and_tiling():
    tr = builtin_trace("azure_conv")
    spec = TraceReplayArrivals(trace=TraceWorkload(name="azure_conv"), rate_scale=2.0)
    t = arrival_times(spec, n=tr.n_requests)
    np.testing.assert_allclose(t, tr.arrival_s / 2.0)
    t2, p, o = trace_requests(spec, n=tr.n_requests + 3)
    assert t2.size == tr.n_requests + 3 and (np.diff(t2) > 0).all()
    period = tr.duration_s + tr.mean_gap_s
    assert t2[tr.n_requests] == pytest.approx(period / 2.0)
    assert p[tr.n_requests] == tr.prompt_tokens[0] and o[-1] == tr.output_tokens[2]
    th, _, _ = trace_requests(spec, horizon_s=tr.duration_s)  # 2x rate: two copies in this time
    assert th.max() <= tr.duration_s and th.size in (2 * tr.n_requests - 1, 2 * tr.n_requests)
    small = Trace([0.0, 1.0, 3.0], [10, 20, 30], [1, 2, 3])
    ts, ps, _ = trace_requests(small, n=5, rate_scale=2.0)
    assert ts.tolist() == [0.0, 0.5, 1.5, 2.25, 2.75] and ps.tolist() == [10, 20, 30, 10, 20]


def test_arrival_validation():
    spec = PoissonArrivals(rate_per_s=1.0)
    with pytest.raises(InputError, match="exactly one"):
        arrival_times(spec)
    with pytest.raises(InputError, match="exactly one"):
        arrival_times(spec, n=3, horizon_s=1.0)
    with pytest.raises(InputError, match="horizon_s"):
        arrival_times(spec, horizon_s=float("nan"))
    with pytest.raises(InputError, match="n must be"):
        arrival_times(spec, n=-1)
    for bad in (-1.0, float("nan"), 0.0):
        with pytest.raises(InputError, match="rate_per_s"):
            arrival_times(PoissonArrivals.model_construct(rate_per_s=bad), n=3)
    with pytest.raises(InputError, match="cv"):
        arrival_times(GammaArrivals.model_construct(rate_per_s=1.0, cv=float("nan")), n=3)
    bad_pw = PiecewiseArrivals.model_construct(start_s=(0.0, 1.0), rates_per_s=(1.0, -2.0))
    with pytest.raises(InputError, match=r"rates_per_s\[1\]"):
        arrival_times(bad_pw, horizon_s=5.0)
    with pytest.raises(InputError, match="rate_scale"):
        trace_requests(Trace([0.0, 1.0], [1, 1], [1, 1]), n=2, rate_scale=-1.0)
    with pytest.raises(InputError, match="seed"):
        arrival_times(spec, n=3, seed="abc")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Property: any valid knot list round-trips and its pmf sums to 1
# --------------------------------------------------------------------------------------------


@st.composite
def knot_lists(draw):
    k = draw(st.integers(1, 12))
    gaps = draw(st.lists(st.integers(1, 3000), min_size=k, max_size=k))
    tokens = np.cumsum(gaps).tolist()
    raw = draw(st.lists(st.floats(0, 1, allow_nan=False), min_size=k, max_size=k))
    fr = sorted(raw)
    fr[-1] = 1.0
    return list(zip(tokens, fr, strict=True))


@settings(max_examples=60, deadline=None)
@given(knot_lists())
def test_property_knots_round_trip(knots):
    c = LengthCDF.from_knots(knots)
    assert c.knots() == [[int(t), float(f)] for t, f in knots]
    assert LengthCDF.from_knots(c.knots()) == c
    L, p = c.pmf()
    assert p.sum() == pytest.approx(1.0, abs=1e-9) and (p >= 0).all()
    np.testing.assert_allclose(np.cumsum(p)[c.tokens - 1], c.fractions, atol=1e-9)
    m = mix_from_cdf(c)
    assert m.mean_routing_tokens == pytest.approx(c.mean_tokens, rel=1e-9)
    x = c.sample(50, seed=0)
    assert x.min() >= 1 and x.max() <= c.max_tokens
    assert c.cdf(x).min() > 0
