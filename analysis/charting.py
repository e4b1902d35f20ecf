"""Shared chart furniture: a styled figure, a Chinese title over an English subtitle, and the source note."""

from __future__ import annotations

import textwrap

from analysis import config

NOTE_WIDTH = 70  # characters per line of the source note (CJK characters are wide)


def new_figure(width: float = 8.0, height: float = 4.5):
    """A figure and axes in the project's style, with the CJK font registered."""
    config.use_project_style()
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height))


def set_titles(fig, ax, chinese: str, english: str) -> None:
    """A Chinese title with its English subtitle beneath, both flush left (the CJK font has one weight, regular)."""
    fig.suptitle(chinese, x=0.01, ha="left", fontsize=15)
    ax.set_title(english, loc="left", fontsize=10, color="#555555", fontweight="normal", pad=10)


def add_source_note(fig, source: str, quotes: list[str] = ()) -> None:
    """Cite the source under the chart, with the sentences the numbers were taken from."""
    lines = textwrap.wrap(f"Source: {source}", NOTE_WIDTH + 30)
    for quote in quotes:
        lines += textwrap.wrap(f"「{quote}」", NOTE_WIDTH)
    fig.text(0.01, -0.01, "\n".join(lines), ha="left", va="top", fontsize=7.5, color="#555555", linespacing=1.5)


def article_source(article) -> str:
    """How charts cite an article: where it came from, when, and its title."""
    return f"{article.source}, {article.published:%Y-%m-%d}, {article.title}"
