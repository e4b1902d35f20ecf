"""Shared chart furniture: a styled figure, a Chinese title over an English subtitle, and the source note."""

from __future__ import annotations

import textwrap
from contextlib import contextmanager

from analysis import config
from analysis.script import quote_marks, script_of, to_simplified

NOTE_WIDTH = 70  # characters per line of the source note (CJK characters are wide)


def new_figure(width: float = 8.0, height: float = 4.5):
    """A figure and axes in the project's style, with the CJK font registered."""
    config.use_project_style()
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
    lines = textwrap.wrap(f"Source: {source}", NOTE_WIDTH + 30)
    for quote in quotes:
        lines += textwrap.wrap(f"「{quote}」", NOTE_WIDTH)
    ax.annotate("\n".join(lines), xy=(0, 0), xycoords=content_box(ax), xytext=(0, -8), textcoords="offset points",
                ha="left", va="top", fontsize=7.5, color="#555555", linespacing=1.5)


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


def publication_date(published) -> str:
    """An article's publication date as charts and reports print it: 2021-07-29, or "undated"."""
    return f"{published:%Y-%m-%d}" if published else "undated"


def article_source(article) -> str:
    """How charts cite an article: where it came from, when, and its title."""
    return f"{article.source}, {publication_date(article.published)}, {article.title}"


def chart_title(fig) -> str:
    """A figure's title as text: its suptitle, else its axes' titles, else the titles set_titles draws above the
    axes (annotations placed above their anchor; the source note goes below)."""
    from matplotlib.text import Annotation

    if fig._suptitle is not None and fig._suptitle.get_text():
        return fig._suptitle.get_text()
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
    import io

    from PIL import Image

    from analysis.exporting import PNG_METADATA, SAVED_PNG

    saved = SAVED_PNG.get(fig)
    if saved is None:
        buffer = io.BytesIO()
        with measured_once():
            fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches="tight", metadata=PNG_METADATA)
        return buffer.getvalue(), Image.open(buffer).width
    small = Image.open(io.BytesIO(saved)).reduce(max(1, round(config.DPI / fig.dpi)))  # each pixel: a box's mean
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
