"""A small SVG plotting module for the report: linear axes with round ticks in display units,
lines, steps, scatter points with labels that never overprint, reference lines, horizontal
bars and a legend beside the plot.

Data stay in base units (seconds, USD/hour, requests/s); an :class:`Axis` converts them for its
ticks only (``scale=1000, suffix=" ms"``).  Text is measured by an estimate of its width
(:func:`text_width`, deliberately generous for a sans-serif font), and every label of a point or
a reference line goes through :func:`optfleet.analysis.plotting.place_labels`: a label with no
free room is drawn as a number keyed in the legend, or not at all (the report's tables list
every point).  Output is deterministic text (no ids drawn from memory or time).

Examples
--------
>>> c = Chart(Axis(0, 1, "x"), Axis(0, 2, "y", prefix="$", suffix="/h"), title="t")
>>> c.line([0, 1], [0, 2], name="a")
>>> svg = c.render()
>>> svg.startswith("<svg") and "$2/h" in svg and "<path" in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from optfleet.analysis.plotting import Box, overlaps, place_labels

__all__ = ["PALETTE", "Axis", "Chart", "hbars", "nice_ticks", "text_width"]

#: Series colours (colour-blind safe, Okabe-Ito order).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000")
FONT_PX = 12.0
SMALL_PX = 11.0
#: A white outline under text, so that a line it crosses does not show through.
HALO = ' stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"'
#: Room above the plot (title, then the y axis label) and below it (ticks, the x axis label).
TOP_PX = 48.0
BOTTOM_PX = 52.0


def text_width(text: str, size_px: float = FONT_PX) -> float:
    """A generous estimate of the rendered width of ``text`` in a sans-serif font.

    Examples
    --------
    >>> text_width("100 ms") > text_width("1 ms")
    True
    """
    wide = sum(1 for ch in text if ch.isupper() or ch in "mwMW%$@")
    return size_px * (0.62 * len(text) + 0.18 * wide) + 2.0


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 x 10^k steps) covering ``[lo, hi]``, about ``n`` of them.

    Examples
    --------
    >>> nice_ticks(0, 1)
    [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    >>> nice_ticks(3, 3)
    [3.0]
    """
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [float(lo)] if math.isfinite(lo) else []
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9)
    out = []
    k = first
    while k * step <= hi + step * 1e-9:
        out.append(round(k * step, 12) + 0.0)
        k += 1
    return out


@dataclass(frozen=True)
class Axis:
    """A linear axis over ``[lo, hi]`` (base units); ticks show ``prefix + value * scale +
    suffix`` with the value rounded to ``digits`` significant figures."""

    lo: float
    hi: float
    label: str
    scale: float = 1.0
    prefix: str = ""
    suffix: str = ""
    ticks: int = 5

    def fmt(self, value: float) -> str:
        v = value * self.scale
        text = f"{v:,.6g}" if abs(v) >= 1000 else f"{v:.6g}"
        return f"{self.prefix}{text}{self.suffix}"

    def tick_values(self) -> list[float]:
        vs = nice_ticks(self.lo * self.scale, self.hi * self.scale, self.ticks)
        return [v / self.scale for v in vs]


@dataclass
class _Label:
    x: float
    y: float
    text: str
    color: str
    short: str | None = None  # drawn instead when the text has no room (keyed in the legend)


@dataclass
class Chart:
    """One plot: axes, series, labels and a legend at the right (see the module docstring)."""

    x: Axis
    y: Axis
    title: str = ""
    width: float = 720.0
    height: float = 360.0
    legend_width: float = 170.0
    left_margin: float | None = None
    """Width left of the plot (default: room for the y tick labels)."""
    y_ticks: bool = True
    _body: list[str] = field(default_factory=list)
    _obstacles: list[Box] = field(default_factory=list)
    _labels: list[_Label] = field(default_factory=list)
    _legend: list[tuple[str, str, str]] = field(default_factory=list)
    _notes: list[str] = field(default_factory=list)
    _empty: bool = True  # no data drawn yet: notes go in the middle of the plot

    # -- geometry ---------------------------------------------------------------------------

    @property
    def frame(self) -> Box:
        """The plot area ``(x0, y0, x1, y1)`` in SVG pixels (y grows downwards)."""
        left = self.left_margin
        if left is None:
            left = 14 + max((text_width(self.y.fmt(t), SMALL_PX)
                             for t in self.y.tick_values()), default=20) + 18
        return (left, TOP_PX, self.width - self.legend_width - 10, self.height - BOTTOM_PX)

    def px(self, x: float) -> float:
        x0, _, x1, _ = self.frame
        span = self.x.hi - self.x.lo or 1.0
        return x0 + (min(max(x, self.x.lo), self.x.hi) - self.x.lo) / span * (x1 - x0)

    def py(self, y: float) -> float:
        _, y0, _, y1 = self.frame
        span = self.y.hi - self.y.lo or 1.0
        return y1 - (min(max(y, self.y.lo), self.y.hi) - self.y.lo) / span * (y1 - y0)

    # -- series -----------------------------------------------------------------------------

    def line(self, xs: Sequence[float], ys: Sequence[float], *, name: str | None = None,
             color: str | None = None, width: float = 2.0, dash: str | None = None,
             css: str = "of-line") -> None:
        """A polyline through the points (non-finite points are skipped)."""
        color = color or self._next_color()
        pts = [(self.px(x), self.py(y)) for x, y in zip(xs, ys, strict=True)
               if math.isfinite(x) and math.isfinite(y)]
        if not pts:
            return
        d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        self._path(d, color, width, dash, css)
        self._avoid(pts)
        self._empty = False
        if name:
            self._legend.append(("line", color, name))

    def steps(self, segments: Sequence[tuple[float, float, float]], *, name: str | None = None,
              color: str | None = None, width: float = 2.0, css: str = "of-steps") -> None:
        """Horizontal segments ``(x_from, x_to, y)`` joined by vertical risers only."""
        color = color or self._next_color()
        if not segments:
            return
        parts = []
        end = None
        pts: list[tuple[float, float]] = []
        for a, b, c in segments:  # a riser where one segment ends and the next starts
            start = f"M{self.px(a):.1f},{self.py(c):.1f}"
            parts.append(f"V{self.py(c):.1f}" if a == end else start)
            parts.append(f"H{self.px(b):.1f}")
            if a != end:
                self._avoid(pts)
                pts = []
            pts += [(self.px(a), self.py(c)), (self.px(b), self.py(c))]
            end = b
        self._avoid(pts)
        self._path(" ".join(parts), color, width, None, css)
        self._empty = False
        if name:
            self._legend.append(("line", color, name))

    def points(self, xs: Sequence[float], ys: Sequence[float], *, name: str | None = None,
               color: str | None = None, labels: Sequence[str] | None = None,
               shorts: Sequence[str] | None = None, size: float = 4.0, shape: str = "circle",
               titles: Sequence[str] | None = None, css: str = "of-point") -> None:
        """Scatter markers, optionally labelled (labels are placed at :meth:`render`)."""
        color = color or self._next_color()
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            cx, cy = self.px(x), self.py(y)
            tip = f"<title>{escape(titles[i])}</title>" if titles else ""
            if shape == "diamond":
                s = size * 1.5
                self._body.append(
                    f'<path class="{css}" d="M{cx:.1f},{cy - s:.1f} L{cx + s:.1f},{cy:.1f} '
                    f'L{cx:.1f},{cy + s:.1f} L{cx - s:.1f},{cy:.1f} Z" fill="{color}" '
                    f'stroke="#222" stroke-width="1">{tip}</path>')
            else:
                self._body.append(
                    f'<circle class="{css}" cx="{cx:.1f}" cy="{cy:.1f}" r="{size:.1f}" '
                    f'fill="{color}" stroke="#fff" stroke-width="1">{tip}</circle>')
            self._empty = False
            if labels:
                short = shorts[i] if shorts else None
                self._labels.append(_Label(cx, cy, labels[i], "#222", short))
        if name:
            self._legend.append(("diamond" if shape == "diamond" else "dot", color, name))

    def vline(self, x: float, text: str, *, color: str = "#444", dash: str = "5,4") -> None:
        """A vertical reference line across the plot, its label at the top."""
        if not math.isfinite(x) or not (self.x.lo <= x <= self.x.hi):
            return
        _, y0, _, y1 = self.frame
        cx = self.px(x)
        self._path(f"M{cx:.1f},{y0:.1f} V{y1:.1f}", color, 1.2, dash, "of-refline")
        self._avoid([(cx, y0), (cx, y1)])
        self._labels.insert(0, _Label(cx, y0 + 2, text, color))

    def hline(self, y: float, text: str, *, color: str = "#444", dash: str = "2,3") -> None:
        """A horizontal reference line across the plot, its label at the right end."""
        if not math.isfinite(y) or not (self.y.lo <= y <= self.y.hi):
            return
        x0, _, x1, _ = self.frame
        cy = self.py(y)
        self._path(f"M{x0:.1f},{cy:.1f} H{x1:.1f}", color, 1.0, dash, "of-refline")
        self._avoid([(x0, cy), (x1, cy)])
        self._labels.insert(0, _Label(x1 - 2, cy, text, color))

    def band(self, x_from: float, x_to: float, *, color: str = "#009E73",
             opacity: float = 0.12) -> None:
        """A shaded vertical band (e.g. the headroom between two rates)."""
        _, y0, _, y1 = self.frame
        a, b = sorted((self.px(x_from), self.px(x_to)))
        self._body.insert(0, f'<rect class="of-band" x="{a:.1f}" y="{y0:.1f}" '
                             f'width="{b - a:.1f}" height="{y1 - y0:.1f}" fill="{color}" '
                             f'fill-opacity="{opacity}"/>')

    def note(self, text: str) -> None:
        """A line of text in the middle of the plot (e.g. "no data")."""
        self._notes.append(text)

    def legend(self, kind: str, color: str, text: str) -> None:
        """An extra legend entry (``kind``: line, dot, diamond, box, text)."""
        self._legend.append((kind, color, text))

    # -- output -----------------------------------------------------------------------------

    def render(self) -> str:
        """The ``<svg>`` element."""
        x0, y0, x1, y1 = self.frame
        out = [f'<svg class="of-chart" '
               f'viewBox="0 0 {self.width:.0f} {self.height:.0f}" width="{self.width:.0f}" '
               f'height="{self.height:.0f}" role="img" font-family="sans-serif" '
               f'font-size="{FONT_PX:.0f}">']
        if self.title:
            out.append(f'<text class="of-title" x="{x0:.1f}" y="16" font-weight="bold">'
                       f"{escape(self.title)}</text>")
        out += self._axes(x0, y0, x1, y1)
        out += self._body
        keys = self._place_labels(out)
        if self._notes and self._empty:
            cy = (y0 + y1) / 2 - 8 * (len(self._notes) - 1)
            for i, n in enumerate(self._notes):
                out.append(f'<text class="of-note" x="{(x0 + x1) / 2:.1f}" '
                           f'y="{cy + 16 * i:.1f}" text-anchor="middle" fill="#666"{HALO}>'
                           f"{escape(n)}</text>")
        notes = [] if self._empty else self._notes
        out += self._legend_svg(x1 + 16, y0, keys + notes)
        out.append("</svg>")
        return "\n".join(out)

    def _next_color(self) -> str:
        used = len([e for e in self._legend if e[0] != "text"])
        return PALETTE[used % len(PALETTE)]

    def _avoid(self, pts: Sequence[tuple[float, float]]) -> None:
        """Keep labels off the segments of a drawn line (their bounding boxes)."""
        for (ax_, ay), (bx, by) in zip(pts, pts[1:], strict=False):
            self._obstacles.append((min(ax_, bx) - 1, min(ay, by) - 1, max(ax_, bx) + 1,
                                    max(ay, by) + 1))

    def _path(self, d: str, color: str, width: float, dash: str | None, css: str) -> None:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        self._body.append(f'<path class="{css}" d="{d}" fill="none" stroke="{color}" '
                          f'stroke-width="{width:g}"{dash_attr} stroke-linejoin="round"/>')

    def _axes(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        out = [f'<path class="of-frame" d="M{x0:.1f},{y0:.1f} V{y1:.1f} H{x1:.1f}" '
               f'fill="none" stroke="#333" stroke-width="1"/>']
        grid = []
        last_right = -math.inf
        for t in self.x.tick_values():
            cx = self.px(t)
            label = self.x.fmt(t)
            w = text_width(label, SMALL_PX)
            if cx - w / 2 < last_right + 6:  # thin the ticks rather than overprint
                continue
            last_right = cx + w / 2
            grid.append(f"M{cx:.1f},{y0:.1f} V{y1:.1f}")
            out.append(f'<text class="of-tick" x="{cx:.1f}" y="{y1 + 16:.1f}" '
                       f'text-anchor="middle" font-size="{SMALL_PX:.0f}">{escape(label)}</text>')
        last_top = math.inf
        for t in self.y.tick_values() if self.y_ticks else ():
            cy = self.py(t)
            if cy + SMALL_PX / 2 > last_top - 3:
                continue
            last_top = cy - SMALL_PX / 2
            grid.append(f"M{x0:.1f},{cy:.1f} H{x1:.1f}")
            out.append(f'<text class="of-tick" x="{x0 - 6:.1f}" y="{cy + 4:.1f}" '
                       f'text-anchor="end" font-size="{SMALL_PX:.0f}">'
                       f"{escape(self.y.fmt(t))}</text>")
        if grid:
            out.insert(0, f'<path class="of-grid" d="{" ".join(grid)}" fill="none" '
                          f'stroke="#e3e3e3" stroke-width="1"/>')
        out.append(f'<text class="of-axis-label" x="{(x0 + x1) / 2:.1f}" '
                   f'y="{self.height - 12:.1f}" text-anchor="middle">'
                   f"{escape(self.x.label)}</text>")
        out.append(f'<text class="of-axis-label" x="{x0:.1f}" y="{y0 - 10:.1f}" '
                   f'text-anchor="start" font-size="{SMALL_PX:.0f}" fill="#444">'
                   f"{escape(self.y.label)}</text>")
        return out

    def _place_labels(self, out: list[str]) -> list[str]:
        """Draw the labels that fit; returns legend keys for those drawn as numbers."""
        x0, y0, x1, y1 = self.frame
        h = SMALL_PX + 3
        obstacles: list[Box] = list(self._obstacles)
        if self._notes and self._empty:
            cy = (y0 + y1) / 2
            w = max(text_width(n) for n in self._notes)
            obstacles.append(((x0 + x1 - w) / 2, cy - 8 * len(self._notes) - 6,
                              (x0 + x1 + w) / 2, cy + 8 * len(self._notes) + 6))
        labels = self._labels
        boxes = place_labels([(lb.x, lb.y) for lb in labels],
                             [(text_width(lb.text, SMALL_PX), h) for lb in labels],
                             (x0, y0, x1, y1), obstacles)
        keys = []
        for i, lb in enumerate(labels):
            text = lb.text
            box = boxes[i]
            if box is None and lb.short:
                taken = [b for b in boxes if b is not None] + obstacles
                box = place_labels([(lb.x, lb.y)], [(text_width(lb.short, SMALL_PX), h)],
                                   (x0, y0, x1, y1), taken)[0]
                if box is not None and not any(overlaps(box, b, 1.0) for b in taken):
                    boxes[i] = box
                    text = lb.short
                    keys.append(f"{lb.short} {lb.text}")
            if box is None:
                continue
            out.append(f'<text class="of-label" x="{box[0] + 1:.1f}" y="{box[3] - 4:.1f}" '
                       f'font-size="{SMALL_PX:.0f}" fill="{lb.color}"{HALO}>{escape(text)}</text>')
        return keys

    def _legend_svg(self, x: float, y: float, keys: list[str]) -> list[str]:
        out = []
        entries = [*self._legend, *(("text", "#222", k) for k in keys)]
        cy = y + 6
        limit = self.legend_width - 30
        for kind, color, text in entries:
            for j, part in enumerate(_wrap(text, limit)):
                if j == 0:
                    out.append(_swatch(kind, color, x, cy))
                out.append(f'<text class="of-legend" x="{x + 24:.1f}" y="{cy + 4:.1f}" '
                           f'font-size="{SMALL_PX:.0f}">{escape(part)}</text>')
                cy += SMALL_PX + 5
            cy += 3
        return out


def _swatch(kind: str, color: str, x: float, y: float) -> str:
    if kind == "line":
        return (f'<path class="of-swatch" d="M{x:.1f},{y:.1f} H{x + 18:.1f}" stroke="{color}" '
                'stroke-width="2.5" fill="none"/>')
    if kind == "dash":
        return (f'<path class="of-swatch" d="M{x:.1f},{y:.1f} H{x + 18:.1f}" stroke="{color}" '
                'stroke-width="1.2" stroke-dasharray="5,4" fill="none"/>')
    if kind == "dot":
        return f'<circle class="of-swatch" cx="{x + 9:.1f}" cy="{y:.1f}" r="4" fill="{color}"/>'
    if kind == "diamond":
        return (f'<path class="of-swatch" d="M{x + 9:.1f},{y - 6:.1f} L{x + 15:.1f},{y:.1f} '
                f'L{x + 9:.1f},{y + 6:.1f} L{x + 3:.1f},{y:.1f} Z" fill="{color}"/>')
    if kind == "box":
        return (f'<rect class="of-swatch" x="{x + 2:.1f}" y="{y - 5:.1f}" width="14" '
                f'height="10" fill="{color}"/>')
    return ""


def _wrap(text: str, width_px: float) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width_px`` (estimated)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and text_width(trial, SMALL_PX) > width_px:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return [*lines, cur] if cur else lines or [""]


def hbars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    axis: Axis,
    *,
    title: str = "",
    value_text: Sequence[Sequence[str]] | None = None,
    reference: tuple[float, str] | None = None,
    width: float = 720.0,
) -> str:
    """Horizontal grouped bars: one group per category, one bar per series, each bar's value
    (``value_text``, default the axis format) written right of it; ``reference`` draws a
    vertical line ``(value, label)``.  The axis's ``hi`` should leave room for the texts."""
    n = max(len(series), 1)
    bar_h = 14.0
    group_h = n * (bar_h + 3) + 12
    left = 14 + max((text_width(c) for c in categories), default=40)
    chart = Chart(axis, Axis(0, 1, ""), title=title, width=width,
                  height=TOP_PX + BOTTOM_PX + group_h * max(len(categories), 1),
                  left_margin=left,
                  y_ticks=False)
    x0, y0, _, _ = chart.frame
    body = chart._body
    for gi, cat in enumerate(categories):
        gy = y0 + 6 + gi * group_h
        body.append(f'<text class="of-category" x="{x0 - 8:.1f}" y="{gy + group_h / 2:.1f}" '
                    f'text-anchor="end">{escape(cat)}</text>')
        for si, (_, values) in enumerate(series):
            v = float(values[gi])
            by = gy + si * (bar_h + 3)
            color = PALETTE[si % len(PALETTE)]
            w = max(chart.px(v) - x0, 0.0) if math.isfinite(v) else 0.0
            body.append(f'<rect class="of-bar" x="{x0:.1f}" y="{by:.1f}" width="{w:.1f}" '
                        f'height="{bar_h:.1f}" fill="{color}"/>')
            chart._obstacles.append((x0, by, x0 + w, by + bar_h))
            label = value_text[si][gi] if value_text else axis.fmt(v)
            body.append(f'<text class="of-value" x="{x0 + w + 4:.1f}" y="{by + bar_h - 3:.1f}" '
                        f'font-size="{SMALL_PX:.0f}">{escape(label)}</text>')
            chart._obstacles.append((x0 + w + 2, by - 1, x0 + w + 6 + text_width(label, SMALL_PX),
                                     by + bar_h + 1))
    chart._empty = False
    for si, (name, _) in enumerate(series):
        if name:
            chart.legend("box", PALETTE[si % len(PALETTE)], name)
    if reference is not None:
        chart.vline(reference[0], reference[1])
    return chart.render()
