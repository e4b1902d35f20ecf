"""The reader view: the article as published with every extracted number, name and quoted phrase marked, and the
statistics table linked to the text both ways (each row to its number, each number back to its row). HTML and CSS
only, every character of the article escaped: reports run no scripts."""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pandas as pd

from analysis.words.frequency import QUOTE_MARKS
from analysis.words.keyterms import ENTITY_KINDS
from analysis.words.segmenting import tokenize

LAYERS = ("quote", "name", "number")  # outermost first: a number may sit inside a quoted phrase
MARK_COLUMNS = ["start", "end", "layer", "kind", "classes", "anchor", "row"]
ROW_COLUMNS = ["text", "kind", "bound", "subject", "raw_line"]
CSS = """
.reader { line-height: 2.1; max-width: 50em; }
.reader p { margin: 0.4em 0; }
.reader .part-title { font-size: 1.2em; }
.reader .part-heading { font-weight: bold; }
.reader .part-caption { color: #555; font-size: 0.92em; }
.reader .quote { background: #fff1bf; }
.reader .quote-inner { background: #ffe08a; }
.reader .name { border-bottom: 2px solid #7f7f7f; }
.reader .name-person { border-bottom-color: #9bbb59; }
.reader .name-place { border-bottom-color: #4bacc6; }
.reader .name-organisation { border-bottom-color: #f79646; }
.reader .number { background: #d6e4f2; padding: 0 1px; }
.reader .kind-percent { background: #f4d3d2; }
.reader .kind-date { background: #dfeccf; }
.reader .bound-exact { text-decoration: underline solid #1f4e79 2px; }
.reader .bound-lower { text-decoration: underline dashed #c0504d 2px; }
.reader .bound-upper { text-decoration: underline dotted #c0504d 2px; }
.reader .bound-approximate { text-decoration: underline wavy #7f7f7f 1px; }
.reader a.back { font-size: 0.7em; vertical-align: super; color: #1f4e79; text-decoration: none; margin: 0 1px; }
.reader :target { outline: 2px solid #c0504d; }
.reader-rows td, .reader-rows th { text-align: left; }
"""
LEGEND = ("<p class=\"reader-legend\">Marks: <span class=\"quote\">「quoted phrase」</span> "
          "<span class=\"quote-inner\">『quote within a quote』</span> · names underlined by kind: "
          "<span class=\"name name-person\">person</span> <span class=\"name name-place\">place</span> "
          "<span class=\"name name-organisation\">organisation</span> · numbers shaded by kind "
          "(<span class=\"number\">count and others</span> <span class=\"number kind-percent\">percentage</span> "
          "<span class=\"number kind-date\">date</span>) and underlined by bound: "
          "<span class=\"number bound-exact\">exact</span> <span class=\"number bound-lower\">lower (at least)</span> "
          "<span class=\"number bound-upper\">upper (at most)</span> "
          "<span class=\"number bound-approximate\">approximate</span>; the small number after each is its row "
          "in the table below, which links back.</p>")


def css_name(value: str) -> str:
    """A value as a CSS class name: letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9-]+", "-", str(value).lower()).strip("-") or "none"


def marks(article, statistics: pd.DataFrame) -> pd.DataFrame:
    """Every mark of the reader view: quoted phrases (「」, “” and, inside them, 『』, ‘’), the names jieba tags (nr,
    ns, nt) and the rows of the statistics table, with their CSS classes, in text order."""
    rows = []
    for column, patterns in QUOTE_MARKS.items():
        inner = column == "『』"
        for pattern in patterns:
            rows += [(m.start(), m.end(), 0, "quote", "quote-inner" if inner else "quote", "", pd.NA)
                     for m in pattern.finditer(article.text)]
    for token in tokenize(article.text):
        kind = ENTITY_KINDS.get(token.pos[:2])
        if kind:
            rows.append((token.start, token.end, 1, kind, f"name name-{kind}", "", pd.NA))
    for row in statistics.itertuples():
        rows.append((row.start, row.end, 2, row.kind, f"number kind-{css_name(row.kind)} bound-{css_name(row.bound)}",
                     f"reader-number-{row.Index}", row.Index))
    table = pd.DataFrame(rows, columns=MARK_COLUMNS).astype({"start": "int64", "end": "int64", "layer": "int64",
                                                            "row": "Int64"})
    return table.sort_values(["start", "layer", "end"], ignore_index=True)


def marked_line(text: str, start: int, end: int, found: pd.DataFrame) -> str:
    """text[start:end] as escaped HTML with the marks that fall in it: a mark cut by another is closed and reopened
    around it, so the tags always nest; a number's anchor is on its first piece and its link back after its last."""
    inside = found[(found["start"] < end) & (found["end"] > start)]
    points = sorted({start, end, *[p for p in [*inside["start"], *inside["end"]] if start < p < end]})
    pieces = []
    for a, b in pairwise(points):
        active = inside[(inside["start"] <= a) & (inside["end"] >= b)].sort_values(["layer", "start", "end"],
                                                                                    ascending=[True, True, False])
        piece = html.escape(text[a:b])
        for mark in reversed(list(active.itertuples())):
            anchor = f' id="{mark.anchor}"' if mark.anchor and mark.start == a else ""
            piece = f'<span class="{mark.classes}"{anchor}>{piece}</span>'
        pieces.append(piece)
        for mark in inside[(inside["end"] == b) & inside["row"].notna()].itertuples():
            pieces.append(f'<a class="back" href="#reader-row-{mark.row}" title="row {mark.row} of the table">'
                          f"{mark.row}</a>")
    return "".join(pieces)


def rows_table(statistics: pd.DataFrame) -> str:
    """The statistics table as the reader view lists it: each row with its anchor and a link to its number."""
    header = "".join(f"<th>{html.escape(column)}</th>" for column in ["row", *ROW_COLUMNS])
    body = []
    for row in statistics.itertuples():
        cells = "".join(f"<td>{html.escape(str(getattr(row, column)))}</td>" for column in ROW_COLUMNS)
        body.append(f'<tr id="reader-row-{row.Index}"><td><a href="#reader-number-{row.Index}">{row.Index}</a></td>'
                    f"{cells}</tr>")
    return f'<table class="reader-rows"><thead><tr>{header}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def reader_view(article, statistics: pd.DataFrame) -> str:
    """The article as published, marked, followed by the linked statistics table: one self-contained HTML string
    (a style sheet and markup, no script)."""
    found = marks(article, statistics)
    text, lines, position = article.text, [], 0
    for line in text.split("\n"):
        part = article.part_at(position)[0] if line else "paragraph"
        lines.append(f'<p class="part-{part}">{marked_line(text, position, position + len(line), found)}</p>')
        position += len(line) + 1
    table = rows_table(statistics) if len(statistics) else "<p>The article reports no numbers, so no row links.</p>"
    return f'<style>{CSS}</style><div class="reader">{LEGEND}{"".join(lines)}{table}</div>'
