"""The word explorer: what it shows for any word or phrase typed in either script — how often it occurs, where it
falls in the article (AntConc's Plot), its concordance lines with their sentence and paragraph, its collocates and
clusters — and the text box that wires JupyterLab to it. The functions compute; the widgets only call them."""

from __future__ import annotations

import html
from bisect import bisect_right

import pandas as pd

from analysis.reading.sentences import sentences
from analysis.reports import style
from analysis.reports.charting import new_figure, set_titles, show
from analysis.reports.findings import listing, plural, quote, say
from analysis.reports.tables import number_text, show_table
from analysis.words.collocations import clusters, collocates, matches
from analysis.words.segmenting import tokenize

WIDTH = 15  # characters either side of a concordance line's match, as notebook 02's concordance
SHOWN = 15  # collocates and clusters shown
OCCURRENCE_COLUMNS = ["form", "start", "end", "position", "part", "paragraph", "sentence", "raw_line"]
LINE_COLUMNS = ["left", "match", "right", "sentence", "paragraph", "part", "raw_line"]


def occurrences(article, query: str) -> pd.DataFrame:
    """Each whole occurrence of `query` (a word or a run of words, in either script) in article.text: the form as
    written, start and end, position (start / the text's length: 0 its first character, 1 past its last), part,
    paragraph (1-based), the sentence it is in and the raw file's line."""
    text = article.text
    starts = [s.start for s in sentences(text)]
    found = list(sentences(text))
    rows = []
    for start, end in matches(text, tokenize(text, pos=False), query):
        part, paragraph = article.part_at(start)
        rows.append((text[start:end], start, end, start / len(text), part, paragraph,
                     found[bisect_right(starts, start) - 1].text, article.raw_line(start)))
    return pd.DataFrame(rows, columns=OCCURRENCE_COLUMNS).astype({"start": "int64", "end": "int64", "position": float,
                                                                   "paragraph": "Int64", "raw_line": "int64"})


def inside_longer(article, query: str) -> int:
    """How often `query` occurs in either script inside a longer word, not counted by occurrences()."""
    tokens = tokenize(article.text, pos=False)
    return len(matches(article.text, tokens, query, whole=False)) - len(matches(article.text, tokens, query))


def concordance_lines(article, query: str, width: int = WIDTH) -> pd.DataFrame:
    """Keyword in context for a word or phrase: `width` characters either side on its line, with the whole sentence,
    paragraph, part and raw line of each occurrence."""
    text = article.text
    rows = []
    for row in occurrences(article, query).itertuples():
        line_start = text.rfind("\n", 0, row.start) + 1
        line_end = text.find("\n", row.end) % (len(text) + 1)
        rows.append((text[max(line_start, row.start - width):row.start], row.form,
                     text[row.end:min(line_end, row.end + width)], row.sentence, row.paragraph, row.part,
                     row.raw_line))
    return pd.DataFrame(rows, columns=LINE_COLUMNS).astype({"paragraph": "Int64", "raw_line": "int64"})


def summary(article, query: str, found: pd.DataFrame) -> str:
    """What the explorer says of a word or phrase in one sentence: its count, how many paragraphs it is in, where it
    first and last occurs, and how often it is part of a longer word."""
    paragraphs = len(article.paragraphs)
    longer = inside_longer(article, query)
    extra = f" It also occurs {plural(longer, 'time')} inside longer words." if longer else ""
    if found.empty:
        return f"**{quote(query.strip())}** does not occur as a word or run of words in the article.{extra}"
    held = found["paragraph"].dropna().nunique()
    forms = [form for form in dict.fromkeys(found["form"]) if form != query.strip()]
    written = f" (written {listing([quote(form) for form in forms], 'or')})" if forms else ""
    return (f"**{quote(query.strip())}**{written} occurs {plural(len(found), 'time')} as a word or run of words, in "
            f"{number_text(held)} of the article's {plural(paragraphs, 'paragraph')} and subheadings; first "
            f"{found['position'].iloc[0]:.0%} and last {found['position'].iloc[-1]:.0%} of the way through the "
            f"text.{extra}")


def plot_dispersion(article, query: str, found: pd.DataFrame):
    """AntConc's Plot: a strip as long as the article, a line at each occurrence of the word by character offset, the
    paragraphs' starts marked beneath. None when the word does not occur."""
    if found.empty:
        return None
    fig, ax = new_figure(8, 1.6)
    ax.vlines(found["position"], 0, 1, color=style.PALETTE[0], linewidth=1.2)
    length = len(article.text)
    ax.plot([p.start / length for p in article.paragraphs], [-0.08] * len(article.paragraphs), "|",
            color=style.PALETTE[2], markersize=5)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.15, 1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.set_xlabel("文中位置 Position in the text (by character; grey ticks: paragraphs' starts)")
    set_titles(ax, f"「{query.strip()}」在文中的位置", f"Where it occurs: {plural(len(found), 'occurrence')}")
    return fig


def explore(article, query: str) -> None:
    """Show everything the explorer shows for a word or phrase: the sentence, the plot, the concordance lines, its
    strongest collocates and its recurrent clusters."""
    from IPython.display import Markdown, display

    found = occurrences(article, query)
    say(summary(article, query, found))
    if found.empty:
        return
    show(plot_dispersion(article, query, found), "")
    display(show_table(concordance_lines(article, query), right=("left",)))
    near = collocates(article.text, query)
    display(Markdown(f"Strongest collocates ({number_text(min(SHOWN, len(near)))} of {number_text(len(near))}, "
                     "five words either side; observed and expected counts, MI and log-likelihood G²):"
                     if len(near) else "No counted word occurs within five words of it."))
    if len(near):
        display(show_table(near.head(SHOWN).drop(columns=["node"])))
    runs = clusters(article.text, query)
    display(Markdown(f"Clusters of two to four words around it, seen twice or more: {plural(len(runs), 'cluster')}"
                     + ("." if runs.empty else f" (the first {number_text(min(SHOWN, len(runs)))} shown).")))
    if len(runs):
        display(show_table(runs.head(SHOWN).drop(columns=["node"])))


def text_box(show_word, first: str, what: str = "word or phrase"):
    """An explorer in a notebook: `show_word(first)` shown as output, which a report keeps, then a text box that
    calls `show_word` for any `what` typed into it in JupyterLab (a report, which runs no scripts, keeps a line saying
    so instead of the box). Returns the box and its output area."""
    from IPython.display import display
    from ipywidgets import Layout, Output, Text, VBox

    show_word(first)
    box = Text(value="", placeholder=f"e.g. {first}", description=f"{what[0].upper()}{what[1:]}:",
               continuous_update=False, style={"description_width": "initial"}, layout=Layout(width="28em"))
    shown = Output()

    def update(change) -> None:
        shown.clear_output()
        if change["new"].strip():
            with shown:
                show_word(change["new"])

    box.observe(update, names="value")
    explorer_box = VBox([box, shown])
    view = explorer_box._repr_mimebundle_()
    note = (f"<p><em>In JupyterLab a box here takes any {what}, in either script, and shows the same for it as above "
            f"for {html.escape(first)}.</em></p>")
    display({**{k: v for k, v in view.items() if k != "text/plain"}, "text/html": note}, raw=True)
    return explorer_box


def explorer(article, first: str):
    """The article's word explorer (explore) in a notebook, first for `first`, then for any word or phrase typed into
    its box in JupyterLab (text_box)."""
    return text_box(lambda query: explore(article, query), first)
