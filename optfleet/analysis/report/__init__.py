"""A plan's report: one self-contained HTML page with the question, the cost breakdown, the
alternatives, the simulated latency distributions, the what-if step curve and utilisation.

:func:`report` writes it (:func:`render_report` returns the text).  The page needs no network:
CSS and SVG are inline, there is no script, font or image to fetch.  Its figures are SVG drawn
by :mod:`optfleet.analysis.report.svg` (ticks in display units, labels placed so that none
overprints another); each is a ``<figure class="of-figure">`` with a stable id
(:data:`FIGURE_IDS`).  The latency distributions come from re-simulating the plan's fleet at
report time (:func:`plan_latency`, the plan's level and seed); the what-if curve from
:func:`optfleet.analysis.whatif.whatif` around the plan's rate.

The same per-request samples feed the ``--plot`` CDFs of ``plan``, ``simulate`` and
``grid-flex`` (:func:`plot_latency_cdfs`, matplotlib).

Modules: ``build`` (the calls), ``sections`` (tables), ``figures`` (the SVG figures), ``svg``
(the plotting primitives), ``html`` (the page), ``latency`` (samples), ``mpl`` (PNG/SVG CDFs).

Examples
--------
>>> from optfleet.analysis.report import FIGURE_IDS
>>> FIGURE_IDS[0]
'fig-cost'
"""

from optfleet.analysis.report.build import (
    WHATIF_FACTORS,
    Report,
    render_report,
    report,
    resolve_scenario,
)
from optfleet.analysis.report.figures import FIGURE_IDS
from optfleet.analysis.report.latency import (
    DEFAULT_SIM_REQUESTS,
    LatencySamples,
    gridflex_latency,
    plan_latency,
    sim_latency,
)
from optfleet.analysis.report.mpl import plot_latency_cdfs

__all__ = [
    "DEFAULT_SIM_REQUESTS",
    "FIGURE_IDS",
    "WHATIF_FACTORS",
    "LatencySamples",
    "Report",
    "gridflex_latency",
    "plan_latency",
    "plot_latency_cdfs",
    "render_report",
    "report",
    "resolve_scenario",
    "sim_latency",
]
