"""The HTML report (``optfleet report``): self-contained, every figure drawn, numbers from the plan,
older plans handled, the CLI's exit codes - and the page rendered in headless Chromium with no
script error, no resource fetched, no overprinted text, and a screenshot kept as an artefact.

The browser tests need Debian's ``chromium`` (``.ci/run`` installs it); without it they FAIL,
unless ``OPTFLEET_NO_BROWSER=1`` says to skip them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import optfleet
from optfleet.analysis.report import FIGURE_IDS, render_report, report, resolve_scenario
from optfleet.errors import InputError
from optfleet.planning.record import Alternative, AlternativePool
from optfleet.planning.results import Interval

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
SIM_REQUESTS = 2000
RATES = [5.0, 10.0, 15.0]


@pytest.fixture(scope="module")
def scenario():
    return optfleet.Scenario(rate_per_s=10, gpus=("A100-80GB", "H100-SXM"))


@pytest.fixture(scope="module")
def base_plan(scenario):
    return optfleet.plan(scenario, verify=False, alternatives=3)


def crowd(plan):
    """The plan as if verified, with 11 alternatives of every outcome crowded around it (a hard
    case for label placement: near-equal costs and P99s)."""
    pools = tuple(
        p.model_copy(update={"simulated_p99_ttft_s": Interval(value=0.21, low=0.2, high=0.22,
                                                              n=3),
                             "simulated_p99_tpot_s": Interval(value=0.02, low=0.019,
                                                              high=0.021, n=3)})
        for p in plan.pools
    )
    alts = []
    for i in range(11):
        outcome = ("rejected_in_simulation", "dearer", "infeasible")[i % 3]
        alts.append(Alternative(
            rank=i + 1, cost_usd_per_hour=round(plan.cost_usd_per_hour + 0.01 * (i // 2), 2),
            layout=f"split {256 * (i + 1)}", threshold_tokens=256 * (i + 1),
            gpus={"H100-SXM": 1 + i % 2}, pools=(AlternativePool(role="all", gpu="H100-SXM",
                                                                 replicas=1),),
            outcome=outcome, reason=f"reason {i}",
            simulated_p99_ttft_s=None if i == 10 else 0.2 + 0.004 * i,
            simulated_p99_tpot_s=None if i == 10 else 0.02,
        ))
    return plan.model_copy(update={"pools": pools, "alternatives": tuple(alts),
                                   "verified": True, "verification_level": "engine"})


@pytest.fixture(scope="module")
def crowded(base_plan):
    return crowd(base_plan)


@pytest.fixture(scope="module")
def page(crowded):
    return render_report(crowded, sim_requests=SIM_REQUESTS, rates=RATES)


def figure(page: str, fid: str) -> str:
    m = re.search(rf'<figure class="of-figure" id="{fid}">(.*?)</figure>', page, re.S)
    assert m is not None, f"no figure {fid}"
    return m.group(1)


# ------------------------------------------------------------------------------------------
# the HTML itself
# ------------------------------------------------------------------------------------------


def test_the_page_is_self_contained(page) -> None:
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    for attr in re.findall(r'\b(?:src|href|xlink:href|action|data)\s*=\s*"([^"]*)"', page):
        assert not re.match(r"(?i)(https?:)?//", attr), attr
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert "@import" not in page and "url(" not in page


def test_every_figure_is_present_with_a_drawn_svg(page) -> None:
    ids = re.findall(r'<figure class="of-figure" id="([^"]+)"', page)
    assert tuple(ids) == FIGURE_IDS
    for fid in FIGURE_IDS:
        body = figure(page, fid)
        assert body.count("<svg") == 1 and "</svg>" in body
        drawn = re.findall(r'<path class="(?!of-frame|of-grid)[^"]*" d="M[^"]+"', body)
        assert drawn or "<rect" in body, f"{fid} draws nothing but its axes"
        assert "<figcaption>" in body


def test_the_question_and_provenance_are_shown(page, crowded, scenario) -> None:
    q = re.search(r'<table class="of-table" id="question">(.*?)</table>', page, re.S).group(1)
    for text in ("llama-3.1-8b", "azure", "10 req/s", "P99 TTFT &lt;= 500 ms",
                 "A100-80GB, H100-SXM", "default", "H100-SXM: 1 GPUs per replica",
                 f"{crowded.provenance.optfleet_version} (plan)",
                 crowded.provenance.created_utc):
        assert text in q, text


def test_the_cost_breakdown_matches_the_plan(page, crowded) -> None:
    cost = figure(page, "fig-cost")
    total = crowded.cost_usd_per_hour
    assert f"${total:,.2f}/h = ${total * 8760 / 1000:,.0f}K/yr" in cost
    gpus = re.search(r'id="cost-gpus">(.*?)</table>', page, re.S).group(1)
    assert f"${crowded.cost_with_spares_usd_per_hour:,.2f}" in gpus


def test_alternatives_are_points_with_the_chosen_plan_and_the_slo(page, crowded) -> None:
    alt = figure(page, "fig-alternatives")
    simulated = [a for a in crowded.alternatives if a.simulated_p99_ttft_s is not None]
    markers = re.findall(r'class="of-point"', alt)
    assert len(markers) == len(simulated) + 1  # + the chosen plan
    assert "chosen plan" in alt and "SLO 500 ms" in alt
    table = re.search(r'id="alternatives-table">(.*?)</table>', page, re.S).group(1)
    assert table.count("<tr>") == len(crowded.alternatives) + 1
    assert "reason 10" in table  # the unsimulated one is listed


def test_no_alternatives_still_draws_the_figure_with_a_note(base_plan) -> None:
    html = render_report(base_plan.model_copy(update={"alternatives": ()}),
                         sim_requests=SIM_REQUESTS, rates=RATES)
    alt = figure(html, "fig-alternatives")
    svg = alt[alt.index("<svg"):alt.index("</svg>")]
    notes = " ".join(re.findall(r'<text class="of-legend"[^>]*>([^<]*)</text>', svg))
    assert "no alternatives recorded" in notes  # visible in the figure
    assert "No alternatives recorded." in alt[alt.index("<figcaption>"):]


def test_the_whatif_curve_is_steps_with_the_rate_and_headroom(page, crowded) -> None:
    body = figure(page, "fig-whatif")
    paths = re.findall(r'<path class="of-steps" d="([^"]+)"', body)
    assert paths
    for d in paths:  # moves, horizontal and vertical segments only: no slanted joins
        assert re.fullmatch(r"(?:[MHV][-0-9.,]+\s*)+", d), d
        assert "L" not in d
    assert f"plan {crowded.rate_per_s:g} req/s" in body
    assert re.search(r"headroom [0-9.]+", body)


def test_cdfs_are_the_report_simulation(page, crowded, scenario) -> None:
    from optfleet.analysis.report import plan_latency

    lat = plan_latency(scenario, crowded, n_requests=SIM_REQUESTS)
    p99 = lat.quantile(lat.pools[0], "ttft", 0.99)
    ttft = figure(page, "fig-ttft")
    assert f"{p99 * 1000:.0f} ms" in ttft and "TTFT SLO 500 ms" in ttft
    assert f"{SIM_REQUESTS} requests" in ttft
    assert "no TPOT SLO" in figure(page, "fig-tpot")


def test_a_plan_without_question_is_rebuilt_only_for_the_default_scenario(base_plan) -> None:
    old = base_plan.model_copy(update={"question": None, "provenance": None,
                                       "alternatives": ()})
    sc, source, notes = resolve_scenario(old)
    assert source == "default" and sc.rate_per_s == old.rate_per_s and notes
    html = render_report(old, sim_requests=SIM_REQUESTS, rates=RATES)
    assert "not recorded (plan)" in html and 'class="of-warn"' in html
    other = old.model_copy(update={"scenario_name": "mine"})
    with pytest.raises(InputError, match="--scenario"):
        resolve_scenario(other)
    sc2, source2, _ = resolve_scenario(other, optfleet.Scenario(rate_per_s=10))
    assert source2 == "scenario" and sc2.rate_per_s == 10


def test_report_writes_the_file_it_describes(tmp_path, base_plan) -> None:
    out = tmp_path / "r.html"
    rep = report(base_plan, out, sim_requests=SIM_REQUESTS, rates=RATES)
    assert rep.path == str(out) and out.stat().st_size == rep.html_bytes
    assert rep.figures == FIGURE_IDS and rep.sim_requests == SIM_REQUESTS
    assert json.loads(json.dumps(rep.to_dict()))["question_source"] == "plan"
    with pytest.raises(InputError, match="n_requests"):
        report(base_plan, tmp_path / "x.html", sim_requests=10)
    assert not (tmp_path / "x.html").exists()


# ------------------------------------------------------------------------------------------
# the command
# ------------------------------------------------------------------------------------------


def test_cli_report_json_and_errors(cli, tmp_path, base_plan) -> None:
    plan_file = tmp_path / "plan.json"
    base_plan.save(plan_file)
    out = tmp_path / "out.html"
    r = cli("report", str(plan_file), "-o", str(out), "--sim-requests", str(SIM_REQUESTS),
            "--rates", "5,10,15", "--format", "json")
    assert r.code == 0, r.err
    assert r.json()["figures"] == list(FIGURE_IDS) and out.read_text().count("<figure") == 6
    bad = tmp_path / "bad.json"
    bad.write_text('{"scenario_name": "x",')
    r = cli("report", str(bad), "-o", str(tmp_path / "b.html"))
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "bad.json" in r.err
    assert not (tmp_path / "b.html").exists()
    bad.write_text('{"scenario_name": "x"}')
    r = cli("report", str(bad))
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    r = cli("report", str(plan_file), "-o", str(tmp_path / "no" / "x.html"))
    assert r.code == 2 and "--out" in r.err


# ------------------------------------------------------------------------------------------
# in a real browser
# ------------------------------------------------------------------------------------------

#: Prepended to a copy of the report: records errors, fetched resources, and overlapping text
#: (real rendered boxes) into a <pre> that ``--dump-dom`` prints.
HARNESS = """<script>
window.__errors = [];
window.addEventListener("error", e => window.__errors.push("error: " + e.message));
console.error = (...a) => window.__errors.push("console.error: " + a.join(" "));
window.addEventListener("load", () => {
  const out = {errors: window.__errors, figures: [], overlaps: [],
               resources: performance.getEntriesByType("resource").map(r => r.name)};
  const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
                        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  document.querySelectorAll("figure.of-figure").forEach(f => {
    const svg = f.querySelector("svg");
    const texts = svg ? [...svg.querySelectorAll("text")] : [];
    const boxes = texts.map(t => t.getBoundingClientRect());
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (boxes[i].width > 0 && boxes[j].width > 0 && hit(boxes[i], boxes[j]))
          out.overlaps.push([f.id, texts[i].textContent, texts[j].textContent]);
    const marks = svg ? [...svg.querySelectorAll(".of-point")] : [];
    texts.filter(t => t.classList.contains("of-label")).forEach(t => {
      const b = t.getBoundingClientRect();
      marks.forEach(m => { if (hit(b, m.getBoundingClientRect()))
        out.overlaps.push([f.id, t.textContent, "a marker"]); });
    });
    const paths = svg ? [...svg.querySelectorAll("path")] : [];
    out.figures.push({id: f.id, width: svg ? svg.getBoundingClientRect().width : 0,
                      drawn: paths.filter(p => p.getTotalLength() > 0).length,
                      texts: texts.length});
  });
  const pre = document.createElement("pre");
  pre.id = "of-test-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def chromium() -> str:
    """The chromium binary; a failure (not a skip) when missing, unless OPTFLEET_NO_BROWSER=1."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("OPTFLEET_NO_BROWSER") == "1":
            pytest.skip("OPTFLEET_NO_BROWSER=1: browser tests skipped")
        pytest.fail("chromium is not installed (apt-get install chromium; .ci/run does), or "
                    "set OPTFLEET_NO_BROWSER=1 to skip the browser tests")
    return exe


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--proxy-server=127.0.0.1:9", "--enable-logging=stderr",
           "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def test_browser_renders_every_figure_without_errors_or_overprinted_text(page, tmp_path):
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("<head>", "<head>\n" + HARNESS, 1), encoding="utf-8")
    done = run_chromium("--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    m = re.search(r'<pre id="of-test-result">(.*?)</pre>', done.stdout, re.S)
    assert m is not None, done.stdout[-2000:]
    result = json.loads(m.group(1).replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&quot;", '"'))
    assert result["errors"] == []
    assert result["resources"] == []  # nothing fetched: the page is self-contained
    assert [f["id"] for f in result["figures"]] == list(FIGURE_IDS)
    for f in result["figures"]:
        assert f["width"] > 300 and f["drawn"] >= 2 and f["texts"] >= 5, f
    assert result["overlaps"] == []
    # the report alone: no console output at all (no script, nothing failed to load)
    plain = tmp_path / "report.html"
    plain.write_text(page, encoding="utf-8")
    done = run_chromium("--dump-dom", plain.as_uri())
    assert done.returncode == 0 and "<figure" in done.stdout
    assert [ln for ln in done.stderr.splitlines() if ":CONSOLE" in ln] == []


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the inflated scanlines of a PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", (0, 0)
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    return size[0], size[1], zlib.decompress(idat)


def test_browser_screenshot_is_a_real_picture(page, tmp_path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    html = ARTIFACTS / "report.html"
    shot = ARTIFACTS / "report.png"
    html.write_text(page, encoding="utf-8")
    shot.unlink(missing_ok=True)
    done = run_chromium(f"--screenshot={shot}", "--window-size=1280,2400", html.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    print(f"screenshot: {shot}")
    data = shot.read_bytes()
    width, height, raw = png_pixels(data)
    assert (width, height) == (1280, 2400)
    assert len(data) > 40_000  # one colour, or a blank page, compresses to a few KB
    assert len(set(raw)) > 32  # many distinct byte values: text, lines and colours


def test_the_browser_probe_catches_errors_fetches_and_overprinting(tmp_path) -> None:
    """The checks above can fail: a page with each fault is reported with each."""
    bad = ('<!DOCTYPE html><html><head></head><body><figure class="of-figure" id="fig-x">'
           '<svg width="400" height="200"><path d="M0,0 L100,100"/>'
           '<text x="10" y="20">one label</text><text x="20" y="22">another label</text>'
           '</svg></figure><img src="https://example.com/x.png"><script>nosuch();</script>'
           "</body></html>")
    probe = tmp_path / "bad.html"
    probe.write_text(bad.replace("<head>", "<head>\n" + HARNESS, 1), encoding="utf-8")
    done = run_chromium("--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    m = re.search(r'<pre id="of-test-result">(.*?)</pre>', done.stdout, re.S)
    assert m is not None, done.stdout[-2000:]
    result = json.loads(m.group(1).replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&quot;", '"'))
    assert result["overlaps"] == [["fig-x", "one label", "another label"]]
    assert any("nosuch" in e for e in result["errors"])
    assert result["resources"] == ["https://example.com/x.png"]
