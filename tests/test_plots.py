"""Plots: label placement that never overprints, cost steps, the SVG primitives, the matplotlib
figures of ``pareto`` / ``whatif`` / the latency CDFs, ``--plot`` on ``plan``, ``simulate`` and
``grid-flex``, and latency samples that agree with the simulator's own statistics.

matplotlib (``optfleet[plot]``) is needed: without it the matplotlib tests FAIL unless
``OPTFLEET_NO_PLOT=1`` says to skip them.
"""

from __future__ import annotations

import os
import re
import sys
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import optfleet
from optfleet.analysis.plotting import overlaps, place_labels, steps_path
from optfleet.analysis.report.figures import ecdf_points
from optfleet.analysis.report.svg import Axis, Chart, nice_ticks, text_width


@pytest.fixture()
def mpl():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        if os.environ.get("OPTFLEET_NO_PLOT") == "1":
            pytest.skip("OPTFLEET_NO_PLOT=1: matplotlib tests skipped")
        pytest.fail("matplotlib is not installed: pip install -e '.[plot]' (or set "
                    "OPTFLEET_NO_PLOT=1 to skip)")
    from optfleet.analysis.plotting import pyplot

    return pyplot()


# ------------------------------------------------------------------------------------------
# label placement and steps (plain Python)
# ------------------------------------------------------------------------------------------

points = st.lists(st.tuples(st.floats(0, 300), st.floats(0, 200)), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(points, st.integers(10, 80))
def test_placed_labels_never_overlap_labels_markers_or_leave_the_box(anchors, width) -> None:
    bounds = (0.0, 0.0, 300.0, 200.0)
    sizes = [(float(width), 10.0)] * len(anchors)
    obstacle = (140.0, 90.0, 160.0, 110.0)
    boxes = place_labels(anchors, sizes, bounds, [obstacle], marker=4.0)
    placed = [b for b in boxes if b is not None]
    for a, b in combinations(placed, 2):
        assert not overlaps(a, b)
    for b in placed:
        assert bounds[0] <= b[0] and b[2] <= bounds[2] and bounds[1] <= b[1] and b[3] <= bounds[3]
        assert not overlaps(b, obstacle)
        for x, y in anchors:
            assert not overlaps(b, (x - 4, y - 4, x + 4, y + 4))
    for b, (w, h) in zip(boxes, sizes, strict=True):
        if b is not None:
            assert b[2] - b[0] == pytest.approx(w) and b[3] - b[1] == pytest.approx(h)


def test_labels_are_all_placed_when_there_is_room_even_for_coincident_points() -> None:
    anchors = [(100.0, 100.0)] * 4 + [(20.0, 20.0), (280.0, 180.0)]
    boxes = place_labels(anchors, [(30.0, 10.0)] * 6, (0.0, 0.0, 300.0, 200.0))
    assert all(b is not None for b in boxes)
    for a, b in combinations(boxes, 2):
        assert not overlaps(a, b)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(1, 100), st.floats(0, 50), st.floats(0, 30)),
                min_size=1, max_size=12))
def test_steps_are_the_cheapest_plan_serving_each_rate(rows) -> None:
    pts = [(r, c, r + extra) for r, c, extra in rows]
    segs = steps_path(pts)
    assert segs[0][0] == min(r for r, _, _ in pts)
    for (_, b, c), (a2, _, c2) in zip(segs, segs[1:], strict=False):
        assert b == a2 and c2 > c  # contiguous, stepping up only
    if len(segs) == 1 and segs[0][0] == segs[0][1]:  # no headroom at all: one point
        assert max(h for _, _, h in pts) == segs[0][0]
        return
    for a, b, c in segs:
        assert a < b
        mid = (a + b) / 2
        assert c == min(cc for _, cc, h in pts if h >= b)  # serves the whole segment
        assert c == min(cc for _, cc, h in pts if h >= mid)
    assert segs[-1][1] == max(h for _, _, h in pts)


def test_steps_example_and_unbounded_headroom() -> None:
    assert steps_path([(25, 12.0, 28.2), (50, 20.1, 50.5), (75, 30.3, 75.8)]) == [
        (25.0, 28.2, 12.0), (28.2, 50.5, 20.1), (50.5, 75.8, 30.3)]
    assert steps_path([(10, 1.0, float("inf")), (20, 2.0, 21)]) == [(10.0, 21.0, 1.0)]
    assert steps_path([]) == []


def test_nice_ticks_are_round_and_cover_the_range() -> None:
    assert nice_ticks(0, 0.5) == [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    assert nice_ticks(0, 37) == [0.0, 10.0, 20.0, 30.0]
    assert nice_ticks(12, 97)[0] >= 12 and nice_ticks(12, 97)[-1] <= 97
    assert Axis(0, 0.5, "t", scale=1000, suffix=" ms").tick_values()[-1] == pytest.approx(0.5)


def test_ecdf_points_follow_the_samples_and_stop_at_the_axis() -> None:
    x = np.sort(np.random.default_rng(0).exponential(1.0, 5000))
    xs, ys = ecdf_points(x, 2.0)
    assert xs[-1] == 2.0 and ys[-1] == pytest.approx(np.mean(x <= 2.0))
    assert all(a <= b for a, b in zip(xs, xs[1:], strict=False))
    assert all(a <= b for a, b in zip(ys, ys[1:], strict=False)) and len(xs) <= 402


def test_svg_steps_are_horizontal_and_vertical_only() -> None:
    c = Chart(Axis(0, 100, "rate", suffix=" req/s"), Axis(0, 50, "cost", prefix="$"))
    c.steps(steps_path([(10, 5.0, 20), (30, 9.0, 45), (60, 20.0, 70)]), name="best")
    d = re.search(r'class="of-steps" d="([^"]+)"', c.render()).group(1)
    assert re.fullmatch(r"(?:[MHV][-0-9.,]+\s*)+", d) and d.count("M") == 1 and "V" in d


def test_svg_labels_of_a_crowded_scatter_do_not_overlap() -> None:
    c = Chart(Axis(0, 1, "p99", scale=1000, suffix=" ms"), Axis(0, 10, "cost", prefix="$"))
    xs = [0.5 + 0.002 * i for i in range(20)]
    ys = [5 + 0.02 * i for i in range(20)]
    c.points(xs, ys, labels=[f"#{i}" for i in range(20)], shorts=None)
    svg = c.render()
    boxes = []
    for x, y, text in re.findall(r'<text class="of-label" x="([-0-9.]+)" y="([-0-9.]+)"[^>]*>'
                                 r"([^<]*)</text>", svg):
        x0, base = float(x), float(y)
        boxes.append((x0, base - 11, x0 + text_width(text, 11), base + 3))
    assert len(boxes) >= 10  # most labels find room
    for a, b in combinations(boxes, 2):
        assert not overlaps(a, b)


# ------------------------------------------------------------------------------------------
# matplotlib figures
# ------------------------------------------------------------------------------------------


def test_pareto_labels_do_not_overprint(mpl) -> None:
    from optfleet.analysis.pareto import pareto, pareto_figure
    from optfleet.scenario import CDFWorkload, Scenario

    s = Scenario(workload=CDFWorkload(name="lmsys"), preset="fleet-sim", gpus=("A100",))
    fig = pareto_figure(pareto(s))
    ax = fig.axes[0]
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "of-point-label"]
    assert len(labels) >= 10
    boxes = [t.get_window_extent(r) for t in labels]
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), "two labels overprint"
    frame = ax.get_window_extent(r)
    pts = [ax.transData.transform(o) for coll in ax.collections for o in coll.get_offsets()]
    for b in boxes:
        assert frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1
        for x, y in pts:
            assert not (b.x0 < x < b.x1 and b.y0 < y < b.y1), "a label covers a point"
    mpl.close(fig)


def test_whatif_plot_draws_steps_not_slanted_lines(mpl, tmp_path) -> None:
    from optfleet.analysis.whatif import plot_whatif, whatif, whatif_figure

    res = whatif(optfleet.Scenario(gpus=("H100-SXM", "A100-80GB")), [30, 60, 90])
    fig = whatif_figure(res)
    lines = [ln for ln in fig.axes[0].lines if ln.get_gid() == "of-steps"]
    assert len(lines) == 3
    for ln in lines:
        xy = ln.get_xydata()
        for (x0, y0), (x1, y1) in zip(xy, xy[1:], strict=False):
            assert x0 == x1 or y0 == y1, "a slanted segment joins two costs"
    mpl.close(fig)
    plot_whatif(res, tmp_path / "w.svg")
    assert (tmp_path / "w.svg").read_text().lstrip().startswith("<?xml")


# ------------------------------------------------------------------------------------------
# latency samples agree with the simulator
# ------------------------------------------------------------------------------------------


def test_plan_samples_have_the_simulators_quantiles() -> None:
    from optfleet.analysis.report import plan_latency
    from optfleet.planning import PlanningTables, PoolContext, simulate_plan

    s = optfleet.Scenario(rate_per_s=20, gpus=("H100-SXM",))
    p = optfleet.plan(s, verify=False)
    lat = plan_latency(s, p, n_requests=3000, seed=7)
    sim = simulate_plan(s, PlanningTables(PoolContext.from_scenario(s)), p, n_requests=3000,
                        replications=1, seed=7)
    for pp in p.pools:
        stats = sim.sim.pool(sim.names[(pp.role, pp.gpu)])
        name = f"{pp.role}/{pp.gpu}"
        assert lat.quantile(name, "ttft", 0.99) == pytest.approx(stats.ttft.p99.value)
        assert lat.quantile(name, "tpot", 0.5) == pytest.approx(stats.tpot.p50.value)
        assert lat.values(name, "ttft").size == stats.measured
    with pytest.raises(optfleet.InputError, match="n_requests"):
        plan_latency(s, p, n_requests=50)


def test_gridflex_samples_are_the_windows_of_the_sweep() -> None:
    from optfleet.analysis.gridflex import gridflex
    from optfleet.analysis.report import gridflex_latency

    s = optfleet.Scenario(rate_per_s=20, gpus=("H100-SXM",))
    res = gridflex(s, depths=(0.0, 0.3), window_s=20, seed=7)  # not the default seed
    assert res.seed == 7
    lat = gridflex_latency(s, res)
    simulated = [r for r in res.rows if r.simulated_p99_ttft_s is not None]
    assert lat.pools == tuple(f"depth {r.depth:.0%}" for r in simulated) and simulated
    for r in simulated:
        assert lat.quantile(f"depth {r.depth:.0%}", "ttft", 0.99) == pytest.approx(
            r.simulated_p99_ttft_s)
    with pytest.raises(optfleet.InputError, match="no event window"):
        gridflex_latency(s, gridflex(s, depths=(0.0,), simulate_window=False))


# ------------------------------------------------------------------------------------------
# --plot on the commands
# ------------------------------------------------------------------------------------------


def test_plot_on_plan_simulate_and_grid_flex(cli, tmp_path, mpl) -> None:
    png = tmp_path / "plan.png"
    r = cli("plan", "--rate", "10", "--no-verify", "--sim-requests", "1000", "--plot", str(png),
            "--format", "json")
    assert r.code == 0, r.err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    svg = tmp_path / "sim.svg"
    r = cli("simulate", "--requests", "500", "--replications", "2", "--plot", str(svg),
            "--format", "json")
    assert r.code == 0, r.err
    text = svg.read_text()
    assert text.count('id="of-cdf') == 2  # TTFT and TPOT of the one pool
    gf = tmp_path / "gf.svg"
    r = cli("grid-flex", "--rate", "20", "--gpu", "H100-SXM", "--window-s", "20", "--depths",
            "0,0.3", "--plot", str(gf), "--format", "json")
    assert r.code == 0, r.err
    simulated = [row for row in r.json()["rows"] if row["event_ok"] is not None]
    assert gf.read_text().count('id="of-cdf') == 2 * len(simulated)


def test_plot_without_matplotlib_is_one_line_exit_2_before_the_work(cli, tmp_path,
                                                                     monkeypatch) -> None:
    import optfleet.planning

    def refuse(*args, **kwargs):
        raise AssertionError("planned before checking --plot")

    monkeypatch.setattr(optfleet.planning, "plan", refuse)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    for argv in (["plan", "--plot", str(tmp_path / "p.png")],
                 ["simulate", "--plot", str(tmp_path / "s.png")],
                 ["grid-flex", "--plot", str(tmp_path / "g.png")],
                 ["pareto", "--plot", str(tmp_path / "p.svg")]):
        r = cli(*argv)
        assert r.code == 2 and r.err.strip() == "optfleet: error: install optfleet[plot] for --plot"
    r = cli("plan", "--plot", str(tmp_path / "p.pdf"))
    assert r.code == 2 and ".png or .svg" in r.err
    assert list(tmp_path.iterdir()) == []
