"""What the ``plot_*`` functions of :mod:`optfleet.analysis` share: the matplotlib loader, a
label placer that never overprints, and the step envelope of a cost curve.

matplotlib is an optional dependency (``optfleet[plot]``); it is imported on first use, with the
non-interactive ``Agg`` backend, so that importing an analysis module never needs it.
:func:`place_labels` and :func:`steps_path` are plain Python, used by the matplotlib figures
and by the report's SVG figures (:mod:`optfleet.analysis.report`) alike.

Examples
--------
>>> boxes = place_labels([(10.0, 10.0), (12.0, 10.0)], [(30.0, 10.0), (30.0, 10.0)],
...                      (0.0, 0.0, 200.0, 100.0))
>>> boxes[0] is not None and boxes[1] is not None and not overlaps(boxes[0], boxes[1])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from math import isfinite
from typing import Any

from optfleet.errors import InputError

__all__ = [
    "PLOT_SUFFIXES",
    "Box",
    "annotate_points",
    "matplotlib_available",
    "overlaps",
    "place_labels",
    "pyplot",
    "require_matplotlib",
    "steps_path",
]

#: A rectangle ``(x0, y0, x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1`` (any consistent units).
Box = tuple[float, float, float, float]

#: File types ``--plot`` writes (matplotlib picks the format from the suffix).
PLOT_SUFFIXES = (".png", ".svg")


def matplotlib_available() -> bool:
    """Whether matplotlib can be imported (without importing pyplot)."""
    import importlib.util

    try:
        return importlib.util.find_spec("matplotlib") is not None
    except (ImportError, ValueError):  # a broken or blocked install
        return False


def require_matplotlib(flag: str = "--plot") -> None:
    """Raise the one-line InputError ``install optfleet[plot] for <flag>`` unless matplotlib
    imports; commands call it before any work.

    Examples
    --------
    >>> require_matplotlib() if matplotlib_available() else None
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise InputError(f"install optfleet[plot] for {flag}") from None


def pyplot() -> Any:
    """``matplotlib.pyplot`` on the ``Agg`` backend.

    Raises
    ------
    InputError
        If matplotlib is not installed.
    """
    require_matplotlib()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def overlaps(a: Box, b: Box, pad: float = 0.0) -> bool:
    """Whether two boxes overlap (``pad`` widens both on every side).

    Examples
    --------
    >>> overlaps((0, 0, 10, 10), (10, 0, 20, 10)), overlaps((0, 0, 10, 10), (9, 9, 12, 12))
    (False, True)
    """
    return not (
        a[2] + pad <= b[0] - pad
        or b[2] + pad <= a[0] - pad
        or a[3] + pad <= b[1] - pad
        or b[3] + pad <= a[1] - pad
    )


#: Where a label may go around its point, in order of preference: right, left, above, below
#: and the four diagonals.
_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))
#: Distances from the point tried, in multiples of ``gap``.
_RINGS = (1.0, 3.0, 6.0, 10.0, 15.0)


def _candidate(x: float, y: float, w: float, h: float, d: tuple[int, int], r: float) -> Box:
    dx, dy = d
    x0 = x + r if dx > 0 else x - r - w if dx < 0 else x - w / 2
    y0 = y + r if dy > 0 else y - r - h if dy < 0 else y - h / 2
    return (x0, y0, x0 + w, y0 + h)


def place_labels(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    bounds: Box,
    obstacles: Sequence[Box] = (),
    *,
    marker: float = 4.0,
    gap: float = 3.0,
) -> list[Box | None]:
    """Boxes for labels of the given sizes near their anchor points, none overlapping another
    label, any anchor's marker or an obstacle, all inside ``bounds``.

    Greedy, in the order given (put the most important label first): each label tries the eight
    directions around its point at growing distances and takes the first free box; a label
    with no free box gets ``None`` (the caller shows it some other way, e.g. in a table).

    Parameters
    ----------
    anchors
        The labelled points ``(x, y)``.
    sizes
        ``(width, height)`` of each label, in the units of ``anchors``.
    bounds
        The box every label must lie inside.
    obstacles
        Boxes no label may touch (other text, legends, line labels).
    marker
        Half-size of the box around every anchor that no label may cover.
    gap
        The smallest distance between a label and its marker, and the step of the search.

    Examples
    --------
    >>> place_labels([(5.0, 5.0)], [(50.0, 8.0)], (0.0, 0.0, 20.0, 20.0))
    [None]
    """
    if len(anchors) != len(sizes):
        raise InputError(f"{len(anchors)} anchors but {len(sizes)} label sizes")
    taken: list[Box] = list(obstacles)
    taken += [(x - marker, y - marker, x + marker, y + marker) for x, y in anchors]
    out: list[Box | None] = []
    for (x, y), (w, h) in zip(anchors, sizes, strict=True):
        found: Box | None = None
        for ring in _RINGS:
            for d in _DIRECTIONS:
                box = _candidate(x, y, w, h, d, marker + gap * ring)
                inside = (box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2]
                          and box[3] <= bounds[3])
                if inside and not any(overlaps(box, t, pad=1.0) for t in taken):
                    found = box
                    break
            if found is not None:
                break
        out.append(found)
        if found is not None:
            taken.append(found)
    return out


def steps_path(
    points: Sequence[tuple[float, float, float | None]],
) -> list[tuple[float, float, float]]:
    """The cost of a rate as horizontal segments ``(rate_from, rate_to, cost)``.

    ``points`` are ``(rate, cost, headroom)`` of plans sized for ``rate`` that serve every rate
    up to ``headroom`` (``None``: unknown, taken as ``rate``).  The curve is the cheapest known
    plan serving each rate, ``C(x) = min{cost_i : headroom_i >= x}`` for ``x`` from the smallest
    rate to the largest headroom: non-decreasing, constant between steps, and it steps up
    exactly where the cheaper plan runs out of headroom - never a slanted line between rates.

    Examples
    --------
    >>> steps_path([(10, 1.0, 12), (20, 2.0, 25)])
    [(10.0, 12.0, 1.0), (12.0, 25.0, 2.0)]
    >>> steps_path([(10, 1.0, 30), (20, 2.0, 25)])  # the cheaper plan serves 20 too
    [(10.0, 30.0, 1.0)]
    """
    if not points:
        return []
    finite = [float(v) for r, _, h in points for v in (r, h) if v is not None and isfinite(v)]
    top = max(finite)  # an unbounded headroom is drawn to the largest finite figure
    pts = sorted(
        (float(r), float(c), float(r) if h is None else max(min(float(h), top), float(r)))
        for r, c, h in points
    )
    ends = sorted({h for _, _, h in pts})
    out: list[tuple[float, float, float]] = []
    x = pts[0][0]
    for end in ends:
        if end <= x:
            continue
        cost = min(c for _, c, h in pts if h >= end)
        if out and out[-1][2] == cost:
            out[-1] = (out[-1][0], end, cost)
        else:
            out.append((x, end, cost))
        x = end
    if not out:  # no headroom anywhere: one point, drawn as a zero-length step
        out.append((x, x, min(c for _, c, _ in pts)))
    return out


def annotate_points(
    ax: Any, points: Sequence[tuple[float, float]], labels: Sequence[str], *, fontsize: float = 7
) -> list[str]:
    """Label data points of a matplotlib axes without overprinting; returns the key entries.

    Points within 2 pixels of each other share one label (their texts joined).  Labels are
    placed by :func:`place_labels` in the axes' pixel box, measured with the figure's renderer
    (so call this after the limits and the layout are final); a label with no room is tried as
    a number ``[k]``, whose text is returned as a key entry ``"[k] label"`` for the legend.
    """
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    groups: list[tuple[tuple[float, float], tuple[float, float], list[str]]] = []
    for (x, y), text in zip(points, labels, strict=True):
        px = tuple(float(v) for v in ax.transData.transform((x, y)))
        for g in groups:
            if abs(g[1][0] - px[0]) <= 2 and abs(g[1][1] - px[1]) <= 2:
                g[2].append(text)
                break
        else:
            groups.append(((x, y), (px[0], px[1]), [text]))
    frame = ax.get_window_extent(renderer)
    bounds = (frame.x0, frame.y0, frame.x1, frame.y1)

    def size(text: str) -> tuple[float, float]:
        t = ax.text(0, 0, text, fontsize=fontsize)
        bb = t.get_window_extent(renderer)
        t.remove()
        return (bb.width + 2, bb.height + 2)

    texts = [", ".join(g[2]) for g in groups]
    anchors = [g[1] for g in groups]
    boxes = place_labels(anchors, [size(t) for t in texts], bounds)
    todo = [i for i, b in enumerate(boxes) if b is None]
    numbers = [f"[{k + 1}]" for k in range(len(todo))]
    placed = [b for b in boxes if b is not None]
    second = place_labels([anchors[i] for i in todo], [size(n) for n in numbers], bounds,
                          placed + [(x - 4, y - 4, x + 4, y + 4) for x, y in anchors])
    keys = []
    for i, num, box in zip(todo, numbers, second, strict=True):
        boxes[i] = box
        texts[i] = num if box is not None else texts[i]
        keys.append(f"{num} {', '.join(groups[i][2])}" if box is not None
                    else f"(not labelled) {', '.join(groups[i][2])}")
    w, h = fig.bbox.width, fig.bbox.height
    for (xy, _, _), text, box in zip(groups, texts, boxes, strict=True):
        if box is None:
            continue
        ax.annotate(text, xy=xy, xycoords="data", xytext=(box[0] / w, box[1] / h),
                    textcoords="figure fraction", ha="left", va="bottom", fontsize=fontsize,
                    annotation_clip=False, gid="of-point-label")
    return keys
