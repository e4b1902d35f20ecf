"""The reader view: the article as published with every extracted number, name and quoted phrase marked, and the
statistics table linked to the text both ways (each row to its number, each number back to its row). HTML and CSS
only, every character of the article escaped: reports run no scripts."""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pandas as pd

from analysis.words.frequency import QUOTE_MARKS
from analysis.words.keyterms import entity_kind
from analysis.words.segmenting import tokenize

LAYERS = ("quote", "name", "number")  # outermost first: a number may sit inside a quoted phrase
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
.reader a.quote, .reader a.name { color: inherit; text-decoration: none; }
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
          "in the table of numbers below; a name or quoted phrase links to its row in the tables of names and quoted "
          "phrases, and each row links to the first place it occurs.</p>")


def css_name(value: str) -> str:
    """A value as a CSS class name: letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9-]+", "-", str(value).lower()).strip("-") or "none"


def marks(article, statistics: pd.DataFrame) -> pd.DataFrame:
    """Every mark of the reader view in text order: quoted phrases (「」, “” and, inside them, 『』, ‘’), the names
    jieba tags (nr, ns, nt: see entity_kind) and the rows of the statistics table, with their CSS classes; `key` is
    the mark's row in its table (quoted phrases and names by their text, in order of first appearance; numbers by
    statistics row)."""
    rows = []
    for column, patterns in QUOTE_MARKS.items():
        classes = "quote quote-inner" if column == "『』" else "quote"
        rows += [(m.start(), m.end(), 0, "quote", classes, m.group()) for pattern in patterns
                 for m in pattern.finditer(article.text)]
    for token in tokenize(article.text):
        kind = entity_kind(token)
        if kind:
            rows.append((token.start, token.end, 1, kind, f"name name-{kind}", token.word))
    for row in statistics.itertuples():
        rows.append((row.start, row.end, 2, row.kind, f"number kind-{css_name(row.kind)} bound-{css_name(row.bound)}",
                     row.Index))
    table = pd.DataFrame(rows, columns=["start", "end", "layer", "kind", "classes", "text"])
    table = table.astype({"start": "int64", "end": "int64", "layer": "int64"}).sort_values(
        ["start", "layer", "end"], ignore_index=True)
    keys = {layer: {} for layer in range(len(LAYERS))}
    table["key"] = [row.text if row.layer == 2 else keys[row.layer].setdefault((row.text, row.kind),
                                                                                 len(keys[row.layer]))
                    for row in table.itertuples()]
    table["first"] = ~table.duplicated(["layer", "key"])
    return table.drop(columns="text").astype({"key": "int64"})


def target(layer: int, key: int) -> str:
    """The id of the first place a mark's row occurs in the text."""
    return f"reader-{LAYERS[layer]}-{key}"


def row_id(layer: int, key: int) -> str:
    """The id of a mark's row in its table."""
    return f"reader-{LAYERS[layer]}-row-{key}"


def marked_line(text: str, start: int, end: int, found: pd.DataFrame) -> str:
    """text[start:end] as escaped HTML with the marks that fall in it: a mark cut by another is closed and reopened
    around it, so the tags always nest. The first place of each row has its anchor. A quoted phrase or name links to
    its row (in each piece, the innermost one, as links cannot nest); a number links back by the row number after
    it."""
    inside = found[(found["start"] < end) & (found["end"] > start)]
    points = sorted({start, end, *[p for p in [*inside["start"], *inside["end"]] if start < p < end]})
    pieces = []
    for a, b in pairwise(points):
        active = list(inside[(inside["start"] <= a) & (inside["end"] >= b)].sort_values(
            ["layer", "start", "end"], ascending=[True, True, False]).itertuples())
        linking = [mark for mark in active if mark.layer < LAYERS.index("number")][-1:]
        piece = html.escape(text[a:b])
        for mark in reversed(active):
            anchor = f' id="{target(mark.layer, mark.key)}"' if mark.first and mark.start == a else ""
            if mark in linking:
                piece = f'<a class="{mark.classes}"{anchor} href="#{row_id(mark.layer, mark.key)}">{piece}</a>'
            else:
                piece = f'<span class="{mark.classes}"{anchor}>{piece}</span>'
        pieces.append(piece)
        for mark in inside[(inside["end"] == b) & (inside["layer"] == LAYERS.index("number"))].itertuples():
            pieces.append(f'<a class="back" href="#{row_id(mark.layer, mark.key)}" title="row {mark.key} of the '
                          f'table">{mark.key}</a>')
    return "".join(pieces)


def linked_table(table: pd.DataFrame, columns: list[str], layer: int) -> str:
    """A table of the reader view: each row with its id and, in its first cell, a link to its first place in the
    text; every cell escaped."""
    header = "".join(f"<th>{html.escape(column)}</th>" for column in ["row", *columns])
    body = []
    for key, row in zip(table.index, table.itertuples(), strict=True):
        cells = "".join(f"<td>{html.escape(str(getattr(row, column)))}</td>" for column in columns)
        body.append(f'<tr id="{row_id(layer, key)}"><td><a href="#{target(layer, key)}">{key}</a></td>{cells}</tr>')
    return f'<table class="reader-rows"><thead><tr>{header}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def reader_view(article, statistics: pd.DataFrame) -> str:
    """The article as published, marked, followed by its numbers, names and quoted phrases as tables linked to it
    both ways: one self-contained HTML string (a style sheet and markup, no script)."""
    found = marks(article, statistics)
    text, lines, position = article.text, [], 0
    for line in text.split("\n"):
        part = article.part_at(position)[0] if line else "paragraph"
        lines.append(f'<p class="part-{part}">{marked_line(text, position, position + len(line), found)}</p>')
        position += len(line) + 1
    tables = ['<p class="reader-caption">Numbers (the rows of statistics.csv):</p>' + (
        linked_table(statistics, ROW_COLUMNS, LAYERS.index("number")) if len(statistics) else
        "<p>The article reports no numbers.</p>")]
    for layer, title, columns in ((1, "Names, as jieba tags them", ["name", "kind", "count"]),
                                  (0, "Quoted phrases, as written", ["phrase", "count"])):
        rows = found[found["layer"] == layer]
        if rows.empty:
            tables.append(f"<p>{title}: none.</p>")
            continue
        first = rows[rows["first"]].set_index("key").sort_index()
        listed = pd.DataFrame({columns[0]: [text[r.start:r.end] for r in first.itertuples()],
                               "kind": first["kind"], "count": rows.groupby("key").size()}, index=first.index)
        tables.append(f'<p class="reader-caption">{title}:</p>' + linked_table(listed, columns, layer))
    return f'<style>{CSS}</style><div class="reader">{LEGEND}{"".join(lines)}{"".join(tables)}</div>'
