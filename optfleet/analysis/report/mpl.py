"""Latency CDFs with matplotlib, for the ``--plot`` option of ``plan``, ``simulate`` and
``grid-flex`` (PNG or SVG by the file's suffix; matplotlib is imported only here, lazily, on the
``Agg`` backend)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from optfleet.analysis.plotting import pyplot
from optfleet.analysis.report.latency import LatencySamples

__all__ = ["latency_cdf_figure", "plot_latency_cdfs"]


def latency_cdf_figure(
    samples: LatencySamples,
    *,
    title: str = "",
    ttft_slo_s: float | None = None,
    tpot_slo_s: float | None = None,
    quantile: float = 0.99,
) -> Any:
    """Two panels, TTFT and TPOT: the CDF of each pool (ms), the SLOs as vertical lines and
    the SLO quantile as a horizontal one; legends beside the panels (callers close it)."""
    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), dpi=120)
    qname = f"P{quantile * 100:g}"
    for ax, metric, slo in ((axes[0], "ttft", ttft_slo_s), (axes[1], "tpot", tpot_slo_s)):
        top = 0.0
        for name in samples.pools:
            x = samples.values(name, metric)
            if x.size == 0:
                continue
            fin = x[np.isfinite(x)]
            if fin.size == 0:
                continue
            y = np.arange(1, x.size + 1, dtype=np.float64)[: fin.size] / x.size
            ax.step(fin * 1000, y, where="post", lw=1.6, label=name, gid="of-cdf")
            t = samples.quantile(name, metric, 0.999)
            top = max(top, t if math.isfinite(t) else float(fin[-1]))
        if slo is not None and math.isfinite(slo):
            ax.axvline(slo * 1000, color="k", ls="--", lw=0.9,
                       label=f"SLO {slo * 1000:g} ms")
            top = max(top, slo)
        ax.axhline(quantile, color="0.5", ls=":", lw=0.9, label=qname)
        ax.set_xlim(0, max(top, 1e-3) * 1000 * 1.15)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(f"{metric.upper()} (ms)")
        ax.set_ylabel("share of requests at or below")
        ax.set_title(f"{metric.upper()} per pool")
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.suptitle(title or f"simulated latency ({samples.level} level, seed {samples.seed})")
    fig.tight_layout()
    return fig


def plot_latency_cdfs(
    samples: LatencySamples,
    path: Any,
    *,
    title: str = "",
    ttft_slo_s: float | None = None,
    tpot_slo_s: float | None = None,
    quantile: float = 0.99,
) -> None:
    """Write :func:`latency_cdf_figure` to ``path`` (PNG or SVG, by its suffix).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from optfleet.analysis.plotting import matplotlib_available
    >>> s = LatencySamples("slot", 3, 0, {"a": np.array([0.1, 0.2, 0.3])},
    ...                    {"a": np.array([0.01, 0.02, 0.02])})
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "cdf.svg"
    >>> if matplotlib_available():
    ...     plot_latency_cdfs(s, out, ttft_slo_s=0.25)
    ...     assert out.read_text().count("<svg") == 1
    """
    plt = pyplot()
    fig = latency_cdf_figure(samples, title=title, ttft_slo_s=ttft_slo_s,
                             tpot_slo_s=tpot_slo_s, quantile=quantile)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
