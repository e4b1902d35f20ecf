"""The corpus reports' charts, each saved as PNG + SVG + the CSV of its data: time on a real date axis (a month is
drawn where it falls, so gaps between months show as gaps), one colour per outlet, legends beside the axes and not
over the data, and the articles a chart leaves out said under it."""

from __future__ import annotations

import colorsys
from pathlib import Path

import pandas as pd

from analysis.reports import style
from analysis.reports.charting import add_source_note, new_figure, save_chart, set_titles
from analysis.reports.word_charts import METHOD_NOTE, draw_network

# the marker of a reported number by its bound: filled when exact, open when the article gave only a bound
MARKERS = {"exact": ("o", "full"), "lower": ("^", "none"), "upper": ("v", "none"), "approximate": ("o", "none")}
MARKER_CYCLE = ["o", "s", "D", "^", "v", "P", "X", "*"]
GOLDEN = 0.618033988749895  # hue steps of the golden ratio spread any number of colours round the wheel


def distinct_colours(names: list[str]) -> dict[str, str]:
    """A colour for each name, no two alike however many: the project's palette, then matplotlib's tab10 and tab20
    colours, then hues spread by the golden ratio."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    # tab10's colours least like the palette's first, then tab20's light ones
    strong, light = colormaps["tab10"].colors, colormaps["tab20"].colors[1::2]
    colours = list(dict.fromkeys([c.lower() for c in style.PALETTE]
                                 + [to_hex(strong[i]) for i in (4, 5, 6, 8, 9, 2, 3, 1, 0)]
                                 + [to_hex(c) for c in light]))
    hue = 0.0
    while len(colours) < len(names):
        hue = (hue + GOLDEN) % 1
        colour = to_hex(colorsys.hsv_to_rgb(hue, 0.65, 0.55 + 0.35 * (len(colours) % 2)))
        if colour not in colours:
            colours.append(colour)
    return dict(zip(names, colours, strict=False))


def month_middles(months: pd.Series) -> pd.Series:
    """Each month ('2021-03') as the date in its middle, where a bar or point of that month is drawn."""
    return pd.to_datetime(months + "-01") + pd.Timedelta(days=14)


def date_axis(ax) -> None:
    """An x axis of dates, ticks where matplotlib's date locator puts them for the span, each label whole: 2021 for
    years, 2021-03 for months, 2021-03-02 for days (a bare "Mar" leaves the reader to find its year)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    formatter = mdates.AutoDateFormatter(locator)
    formatter.scaled = {365.0: "%Y", 30.0: "%Y-%m", 1.0: "%Y-%m-%d", 1 / 24: "%Y-%m-%d %H:%M"}
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def legend_beside(ax, title: str) -> None:
    """The legend to the right of the axes, outside them, so that it covers no data; a column for every 16 entries."""
    entries = len(ax.get_legend_handles_labels()[0])
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False, fontsize=8, title_fontsize=8,
              alignment="left", ncols=1 + (entries - 1) // 16)


def plot_articles_by_month(monthly: pd.DataFrame, undated: int, folder: str | Path):
    """Articles per month of publication as bars on a date axis, stacked by outlet, one colour each; the undated
    articles counted under the chart. None when no article is dated."""
    if monthly.empty:
        return None
    from matplotlib.ticker import MaxNLocator

    names = [c for c in monthly.columns if c != "month"]
    colours = distinct_colours(names)
    x, bottom = month_middles(monthly["month"]), pd.Series(0, index=monthly.index)
    fig, ax = new_figure(9, 4)
    for name in names:
        ax.bar(x, monthly[name], bottom=bottom, width=24, color=colours[name], label=name, linewidth=0)
        bottom = bottom + monthly[name]
    date_axis(ax)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("文章 Articles")
    set_titles(ax, "每月文章數", "Articles per month of publication, by outlet")
    legend_beside(ax, "Outlet")
    dated = int(bottom.sum())
    note = f"{dated} dated articles" + (f"; {undated} undated, not on the time axis" if undated else "")
    add_source_note(ax, f"the corpus tables (articles.csv), {note}.")
    save_chart(fig, monthly, folder, "articles_by_month")
    return fig


def plot_term_trends(trends: pd.DataFrame, folder: str | Path, name: str = "term_trends"):
    """Each term's count per 10,000 counted words by month, as points on a date axis (months without articles have
    none, so nothing joins across a gap), saved under `name`. None when no article is dated."""
    if trends.empty:
        return None
    fig, ax = new_figure(9, 4.5)
    colours = distinct_colours(list(dict.fromkeys(trends["term"])))
    for number, (term, rows) in enumerate(trends.groupby("term", sort=False)):
        ax.plot(month_middles(rows["month"]), rows["per_10000"], linestyle="none", marker=MARKER_CYCLE[number % 8],
                markersize=6, label=term, color=colours[term], clip_on=False)  # a zero sits whole on the axis
    date_axis(ax)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("per 10,000 counted words")
    set_titles(ax, "詞語走勢", "Chosen terms by month of publication (either script)")
    legend_beside(ax, "Term")
    add_source_note(ax, "word_frequencies_by_article.csv and articles.csv; dated articles only.")
    save_chart(fig, trends, folder, name)
    return fig


def plot_shared_slogans(slogans: pd.DataFrame, folder: str | Path, top: int = 15):
    """The `top` most widely quoted shared phrases as bars of how many articles quote them. None when none is
    shared."""
    if slogans.empty:
        return None
    from analysis.reports.charting import count_axis

    shown = slogans.head(top).iloc[::-1]
    fig, ax = new_figure(8, 0.35 * len(shown) + 1.8)
    ax.barh(shown["forms"], shown["articles"], color=style.PALETTE[0])
    count_axis(ax)
    ax.set_xlabel("articles quoting it")
    set_titles(ax, "多篇文章引用的口號", "Quoted phrases shared by several articles (both scripts together)")
    more = f"; the {top} most widely quoted of {len(slogans)}" if len(slogans) > top else ""
    add_source_note(ax, f"quoted_phrases.csv{more}.")
    save_chart(fig, slogans.head(top), folder, "shared_phrases")
    return fig


def plot_claim(claim: pd.DataFrame, folder: str | Path):
    """One claim's reported numbers over publication date on a date axis; bounds drawn open (▲ at least, ▼ at most,
    ○ about), exact numbers filled; the reports without a date counted under the chart. None when no report is dated."""
    dated = claim[claim["published"] != ""].copy()
    if dated.empty:
        return None
    dated["date"] = pd.to_datetime(dated["published"].str[:10])
    fig, ax = new_figure(8, 4)
    ax.plot(dated["date"], dated["value"], color="#999999", linewidth=0.8, zorder=1)
    labels = {"exact": "exact", "lower": "at least", "upper": "at most", "approximate": "about"}
    for bound, (marker, fill) in MARKERS.items():
        shown = dated[dated["bound"] == bound]
        if len(shown):
            ax.plot(shown["date"], shown["value"], linestyle="none", marker=marker, fillstyle=fill, markersize=8,
                    color="#b2182b", label=labels[bound], zorder=2)
    first = claim.iloc[0]
    set_titles(ax, f"{first['place'] or '（無地點）'} {first['subject']}（{first['unit'] or '無單位'}）",
               f"Claim {first['claim']}: the number as each article reported it")
    legend_beside(ax, "Reported as")
    ax.set_ylim(0, dated["value"].max() * 1.1)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    date_axis(ax)
    left_out = len(claim) - len(dated)
    add_source_note(ax, f"claims.csv, {len(dated)} dated reports in {dated['article'].nunique()} articles"
                    + (f"; {left_out} without a date not drawn" if left_out else "") + ".")
    save_chart(fig, claim, folder, f"claim_{int(first['claim']):04d}")
    return fig


def plot_corpus_network(edges: pd.DataFrame, folder: str | Path):
    """The co-occurrence network of the corpus's main words (word_charts.draw_network), saved as
    cooccurrence_network. None when no pair qualifies."""
    return draw_network(edges, folder, "the corpus's", "texts/ of the corpus tables, each line split into sentences "
                        f"after 。！？; a word's forms in both scripts counted as one. {METHOD_NOTE}")
