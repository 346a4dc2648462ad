"""The report page: one self-contained HTML document (inline CSS and SVG; no script, no font,
no image and no link to fetch), assembled from tables and :class:`~.figures.Figure` s."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

__all__ = ["page", "section", "table"]

CSS = """
:root { color-scheme: light; }
body { font-family: sans-serif; margin: 24px auto; max-width: 1100px; color: #222;
       line-height: 1.4; padding: 0 16px; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.of-sub { color: #555; margin-top: 0; }
table.of-table { border-collapse: collapse; margin: 8px 0 12px; font-size: 0.9em; }
table.of-table th, table.of-table td { border: 1px solid #ddd; padding: 3px 8px;
       text-align: left; vertical-align: top; }
table.of-table th { background: #f4f4f4; }
table.of-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.of-figure { margin: 12px 0 20px; }
figure.of-figure svg { max-width: 100%; height: auto; background: #fff; }
figcaption { color: #444; font-size: 0.9em; max-width: 900px; }
.of-notes li { margin: 2px 0; }
.of-warn { background: #fff4e0; border-left: 4px solid #e69f00; padding: 6px 10px; }
footer { color: #777; font-size: 0.85em; margin-top: 32px; }
"""


def cell(value: Any) -> str:
    """One ``<td>``; numbers are right-aligned."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<td class="num">{escape(str(value))}</td>'
    return f"<td>{escape(str(value))}</td>"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, css_id: str = "") -> str:
    """An HTML table of pre-formatted cells (numbers may be given as text)."""
    ident = f' id="{css_id}"' if css_id else ""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(cell(v) for v in r) + "</tr>" for r in rows)
    return f'<table class="of-table"{ident}>\n<tr>{head}</tr>\n{body}\n</table>'


def section(title: str, *parts: str, css_id: str = "") -> str:
    """An ``<section>`` with a heading."""
    ident = f' id="{css_id}"' if css_id else ""
    return f"<section{ident}>\n<h2>{escape(title)}</h2>\n" + "\n".join(parts) + "\n</section>"


def bullets(items: Sequence[str], css: str = "of-notes") -> str:
    """A ``<ul>`` of text items (nothing for no items)."""
    if not items:
        return ""
    return f'<ul class="{css}">' + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def warning(text: str) -> str:
    return f'<p class="of-warn">{escape(text)}</p>'


def page(title: str, subtitle: str, sections: Sequence[str], footer: str) -> str:
    """The whole document."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<h1>{escape(title)}</h1>\n<p class="of-sub">{escape(subtitle)}</p>\n'
        + "\n".join(sections)
        + f"\n<footer>{escape(footer)}</footer>\n</body>\n</html>\n"
    )
