"""``--plot FILE`` of ``plan``, ``simulate``, ``grid-flex`` (latency CDFs), ``pareto`` and
``whatif``: the file is checked before any work - a ``.png`` or ``.svg`` name in a writable
folder, and matplotlib importable (else one line, ``install optfleet[plot] for --plot``, exit 2)
- and written atomically once drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from optfleet.cli.options import output_path, write_plot
from optfleet.errors import InputError

LatencyPlotOpt = Annotated[
    Path | None,
    typer.Option("--plot", help="Also draw latency CDFs here (.png or .svg; optfleet[plot])."),
]
FigurePlotOpt = Annotated[
    Path | None, typer.Option("--plot", help="Also draw the figure here (.png or .svg; "
                                             "optfleet[plot]).")
]


def plot_output(path: Path | None, without: str | None = None) -> Path | None:
    """``--plot``'s path checked before the work starts (``None`` stays ``None``); ``without``
    names a flag given that ``--plot`` can not be combined with.

    Examples
    --------
    >>> plot_output(None) is None
    True
    """
    from optfleet.analysis.plotting import PLOT_SUFFIXES, require_matplotlib

    if path is None:
        return None
    if without:
        raise InputError(f"--plot can not be combined with {without}")
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise InputError(f"--plot must name a .png or .svg file, got {path.name!r}")
    require_matplotlib("--plot")
    return output_path(path, "--plot")


def write_latency_plot(samples: Any, path: Path | None, title: str, slo: Any) -> None:
    """Draw the CDFs of ``samples`` (:class:`optfleet.analysis.report.LatencySamples`) into
    ``path`` (nothing for ``None``); ``slo`` is an SLO, a dict of its fields, or None."""
    from optfleet.analysis.report import plot_latency_cdfs

    if path is None:
        return
    get = (lambda k: slo.get(k)) if isinstance(slo, dict) else (lambda k: getattr(slo, k, None))

    def draw(s: Any, tmp: Path) -> None:
        plot_latency_cdfs(s, tmp, title=title, ttft_slo_s=get("ttft_p99_s"),
                          tpot_slo_s=get("tpot_p99_s"), quantile=get("quantile") or 0.99)

    write_plot(draw, samples, path)


def check_plan_plot(scenario: Any, path: Path | None) -> None:
    """``plan --plot`` draws one model's aggregated pools: refuse other scenarios up front."""
    if path is None:
        return
    if scenario.models or scenario.disaggregation != "off":
        raise InputError("--plot draws the latency CDFs of one model's aggregated plan; drop "
                         "`models` / --disaggregation, or use `optfleet report`")


def write_plan_plot(scenario: Any, plan: Any, path: Path | None,
                    sim_requests: int | None) -> None:
    """``plan --plot``: re-simulate the plan's fleet (its level and seed) and draw the CDFs."""
    from optfleet.analysis.report import DEFAULT_SIM_REQUESTS, plan_latency

    if path is None:
        return
    lat = plan_latency(scenario, plan, n_requests=sim_requests or DEFAULT_SIM_REQUESTS)
    write_latency_plot(lat, path, f"{plan.scenario_name}: {plan.layout}, simulated latency "
                                  f"({lat.level} level, {lat.n_requests} requests)",
                       scenario.slo)
