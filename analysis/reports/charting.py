"""Shared chart furniture (a styled figure, a Chinese title over an English subtitle, the source note) and the one
way charts are saved: PNG + SVG + the CSV of their data, byte-reproducible."""

from __future__ import annotations

import io
import unicodedata
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.files import atomic_path, write_bytes, write_csv
from analysis.reading.article import published_text
from analysis.reading.script import quote_marks, script_of, to_simplified
from analysis.reports import style

if TYPE_CHECKING:  # pandas is only needed by callers
    import pandas as pd

# matplotlib stamps the date and its version into files unless told not to
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}
# columns per line of the source note, a CJK character counting two: 110 Latin characters or 55 Chinese take about
# as much room
NOTE_COLUMNS = 110
# marks that close a phrase or a clause: never the first character of a line (they stay with the line before)
CLOSING_MARKS = frozenset("，。、；：！？」』）》〉”’,.;:!?)")


def new_figure(width: float = 8.0, height: float = 4.5):
    """A figure and axes in the project's style, with the CJK font registered."""
    style.use_project_style()
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height))


def count_axis(ax) -> None:
    """An x axis of counts: whole-number ticks (no 0, 0, 1, 1 on a short axis) with thousands separators, few enough
    that labels of nine digits (120,000,000) do not run into each other."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.xaxis.set_major_formatter("{x:,.0f}")


# content boxes measured during one save (see measured_once), by renderer, axes and where the axes are
_measured: dict | None = None


@contextmanager
def measured_once():
    """While saving a chart, measure each axes' content box once per renderer and layout: drawing asks for it once
    for every annotation placed on it and again for the tight bounding box, each time measuring every tick label."""
    global _measured
    _measured = {}
    try:
        yield
    finally:
        _measured = None


def content_box(ax):
    """Annotation coordinates: the box around the axes with their tick and axis labels, measured when drawn (after
    the aspect ratio and log scales have moved things)."""

    def box(renderer):
        if _measured is None:
            return ax.get_tightbbox(renderer, bbox_extra_artists=[])
        # the renderer is kept with its box, so that its id is not reused for another while the save lasts
        key = (id(renderer), id(ax), ax.bbox.bounds, ax.viewLim.bounds)
        if key not in _measured:
            _measured[key] = (renderer, ax.get_tightbbox(renderer, bbox_extra_artists=[]))
        return _measured[key][1]

    return box


def set_titles(ax, chinese: str, english: str) -> None:
    """A Chinese title with its English subtitle beneath, above the axes and flush with their labels' left edge
    (the CJK font has one weight, regular, so size sets the title apart)."""
    where = {"xy": (0, 1), "xycoords": content_box(ax), "textcoords": "offset points", "ha": "left", "va": "bottom"}
    ax.annotate(chinese, xytext=(0, 30), fontsize=15, **where)
    ax.annotate(english, xytext=(0, 12), fontsize=10, color="#555555", **where)


def add_source_note(ax, source: str, quotes: list[str] = ()) -> None:
    """Cite the source under the chart, below the axis label, with the sentences the numbers were taken from."""
    lines = wrapped(f"Source: {source}", NOTE_COLUMNS)
    for quote in quotes:
        lines += wrapped(f"「{quote}」", NOTE_COLUMNS)
    ax.annotate("\n".join(lines), xy=(0, 0), xycoords=content_box(ax), xytext=(0, -8), textcoords="offset points",
                ha="left", va="top", fontsize=7.5, color="#555555", linespacing=1.5)


def display_width(text: str) -> int:
    """How many columns `text` takes: two for a wide (CJK) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns (see display_width), broken at a space or next to a wide character,
    never before a closing mark; a word longer than a line stays whole."""
    pieces, word = [], ""
    for char in text:
        if char.isspace() or display_width(char) == 2:
            pieces += [word, char] if word else [char]
            word = ""
        else:
            word += char
    pieces += [word] if word else []
    lines, line, used = [], "", 0
    for piece in pieces:
        if line and used + display_width(piece) > width and not piece.isspace() and piece[0] not in CLOSING_MARKS:
            lines.append(line.rstrip())
            line, used = "", 0
        if line or not piece.isspace():
            line, used = line + piece, used + display_width(piece)
    return [*lines, line.rstrip()] if line.strip() else lines


def in_article_script(fig, article) -> None:
    """Every text of a chart (titles, axis labels, legend, notes) in the article's script and with its quotation
    marks: a Simplified article's chart in Simplified, “” where it prints “”, 『』 as ‘’ likewise."""
    from matplotlib.text import Text

    simplified = script_of(article.text) == "simplified"
    marks = dict(zip("「」『』", "".join(quote_marks(article.text)), strict=True))
    for text in fig.findobj(Text):
        shown = text.get_text()
        changed = (to_simplified(shown) if simplified else shown).translate(str.maketrans(marks))
        if changed != shown:
            text.set_text(changed)


def article_source(article) -> str:
    """How charts cite an article: where it came from, the day it was published, and its title."""
    return f"{article.source}, {published_text(article.published, time=False)}, {article.title}"


def chart_title(fig) -> str:
    """A figure's title as text: its suptitle, else its axes' titles, else the titles set_titles draws above the
    axes (annotations placed above their anchor; the source note goes below)."""
    from matplotlib.text import Annotation

    if fig.get_suptitle():
        return fig.get_suptitle()
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    if not titles:
        titles = [
            text.get_text()
            for ax in fig.axes
            for text in ax.texts
            if isinstance(text, Annotation) and text.get_text() and text.xyann[1] > 0
        ]
    return " — ".join(titles)


def notebook_png(fig) -> tuple[bytes, int]:
    """The chart as the notebook shows it: PNG bytes and width in pixels at the figure's own dpi (halved from the
    PNG save_chart wrote when there is one: resampling is far quicker than drawing it again)."""
    from PIL import Image

    saved = SAVED_PNG.get(fig)
    if saved is None:
        buffer = io.BytesIO()
        with measured_once():
            fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches="tight", metadata=PNG_METADATA)
        return buffer.getvalue(), Image.open(buffer).width
    small = Image.open(io.BytesIO(saved)).reduce(max(1, round(style.DPI / fig.dpi)))  # each pixel: a box's mean
    buffer = io.BytesIO()
    small.save(buffer, format="png")
    return buffer.getvalue(), small.width


def show(fig, missing: str, alt: str | None = None) -> None:
    """Show a chart in the notebook as a PNG with alt text (`alt`, else the chart's title) and free it; print
    `missing` instead when there was nothing to chart."""
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    if fig is None:
        print(missing)
        return
    data, _ = notebook_png(fig)
    alt = alt or chart_title(fig) or "Chart"
    plt.close(fig)
    display(Image(data=data, format="png", metadata={"alt": alt}))


# the PNG each figure was saved as, so that showing it in the notebook does not draw it a third time
SAVED_PNG: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tight_box(fig):
    """The box `bbox_inches="tight"` would save at the project's resolution, measured once for both files: a tight
    save draws the whole figure once to measure it and again to save it, images resampled each time. "tight"
    (savefig measures) for a figure with a layout engine, which lays it out while saving."""
    import matplotlib

    if fig.get_layout_engine() is not None:
        return "tight"
    dpi = fig.dpi
    fig.set_dpi(matplotlib.rcParams["savefig.dpi"])
    try:
        box = fig.get_tightbbox(fig.canvas.get_renderer())
    finally:
        fig.set_dpi(dpi)
    return box.padded(matplotlib.rcParams["savefig.pad_inches"])


def save_chart(fig, data: pd.DataFrame, directory: str | Path, name: str) -> list[Path]:
    """Save a figure as PNG and SVG and its data as CSV under one name; same inputs give the same bytes."""
    directory = Path(directory)
    png = io.BytesIO()
    with measured_once():
        box = tight_box(fig)
        fig.savefig(png, format="png", bbox_inches=box, metadata=PNG_METADATA)
        SAVED_PNG[fig] = png.getvalue()
        written = [write_bytes(directory / f"{name}.png", png.getvalue())]
        with atomic_path(directory / f"{name}.svg") as tmp:
            fig.savefig(tmp, format="svg", bbox_inches=box, metadata=SVG_METADATA)
    written.append(directory / f"{name}.svg")
    written.append(write_csv(directory / f"{name}.csv", data))
    return written
