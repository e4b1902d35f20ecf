"""The corpus reports' charts: a colour per outlet however many, months on a real date axis with gaps as gaps,
legends beside the axes, and every chart saved as PNG + SVG + CSV."""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

from analysis.corpus.charts import (
    distinct_colours,
    month_middles,
    plot_articles_by_month,
    plot_claim,
    plot_shared_slogans,
    plot_term_trends,
)
from analysis.corpus.explorer import explore_term, term_explorer
from analysis.corpus.study import report_folders
from analysis.reports import style

MONTHLY = pd.DataFrame({"month": ["2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12", "2021-01"],
                        **{f"報{i}": [1 if m == i % 7 else 0 for m in range(7)] for i in range(9)}})


def legend_is_beside(fig) -> bool:
    """True when the axes' legend starts right of the axes, covering none of the data."""
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    return ax.get_legend().get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1


def test_every_name_gets_its_own_colour():
    names = [f"outlet {i}" for i in range(60)]
    colours = distinct_colours(names)
    assert len(set(colours.values())) == 60
    assert list(colours.values())[:len(style.PALETTE)] == [c.lower() for c in style.PALETTE]
    assert distinct_colours(names[:3]) == {n: colours[n] for n in names[:3]}


def test_articles_by_month_are_bars_on_a_date_axis_one_colour_per_outlet(tmp_path):
    fig = plot_articles_by_month(MONTHLY, undated=2, folder=tmp_path)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert len({p.get_facecolor() for p in bars}) == 9, "nine outlets, nine colours"
    middles = {round(mdates.date2num(d)) for d in month_middles(MONTHLY["month"])}
    assert {round(p.get_x() + p.get_width() / 2) for p in bars} == middles, "a bar where its month falls"
    assert isinstance(ax.xaxis.get_major_locator(), mdates.AutoDateLocator)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(label[:4].isdigit() and label[4] == "-" for label in labels), "every month with its year"
    assert legend_is_beside(fig)
    notes = " ".join(t.get_text() for t in ax.texts)
    assert "9 dated articles; 2 undated, not on the time axis" in notes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles_by_month.csv", "articles_by_month.png",
                                                         "articles_by_month.svg"]
    plt.close(fig)
    assert plot_articles_by_month(MONTHLY.iloc[:0], undated=3, folder=tmp_path) is None


def test_terms_over_time_are_points_that_never_join_across_a_gap(tmp_path):
    trends = pd.DataFrame({"month": ["2020-07", "2021-03", "2020-07", "2021-03"],
                           "term": ["黨員", "黨員", "街道", "街道"],
                           "count": [4, 2, 1, 0], "words": [40, 50, 40, 50], "per_10000": [1000, 400, 250, 0]})
    fig = plot_term_trends(trends, tmp_path)
    ax = fig.axes[0]
    assert [line.get_linestyle() for line in ax.lines] == ["None", "None"]
    assert list(ax.lines[0].get_xdata()) == list(month_middles(trends["month"][:2]))
    assert len({line.get_color() for line in ax.lines}) == 2 and legend_is_beside(fig)
    assert (tmp_path / "term_trends.csv").is_file()
    plt.close(fig)
    assert plot_term_trends(trends.iloc[:0], tmp_path) is None


@pytest.mark.parametrize("published", [["2021-01-05T09:00:00+08:00", "2021-09-01", ""], ["", "", ""]])
def test_a_claim_is_drawn_over_its_dated_reports(tmp_path, published):
    claim = pd.DataFrame({"claim": 3, "subject": "注册人数", "unit": "人", "place": "新安街道",
                          "article": ["a", "b", "c"], "published": published,
                          "text": ["8,000人", "逾1萬人", "9,000人"], "value": [8000, 10000, 9000],
                          "bound": ["exact", "lower", "exact"]})
    fig = plot_claim(claim, tmp_path)
    if not any(published):
        assert fig is None
        return
    ax = fig.axes[0]
    assert legend_is_beside(fig) and ax.get_ylim()[1] > 10000
    assert "1 without a date not drawn" in " ".join(t.get_text() for t in ax.texts)
    assert (tmp_path / "claim_0003.svg").is_file()
    plt.close(fig)


def test_shared_slogans_chart_names_both_forms(tmp_path):
    slogans = pd.DataFrame({"phrase": ["学习强国"], "forms": ["学习强国 / 學習強國"], "articles": [3], "count": [6],
                            "first_published": [""], "first_article": ["a"]})
    fig = plot_shared_slogans(slogans, tmp_path)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["学习强国 / 學習強國"]
    plt.close(fig)
    assert plot_shared_slogans(slogans.iloc[:0], tmp_path) is None


def test_exploring_a_term_draws_it_and_writes_every_article(tmp_path, capsys):
    articles = pd.DataFrame({"article": ["a.txt", "b.txt", "c.txt"], "source": "文匯網", "outlet": "香港文匯報",
                             "published": ["2021-01-05T09:00:00+08:00", "2021-06-01", ""]})
    articles["month"] = articles["published"].str[:7]
    by_article = pd.DataFrame([("a.txt", "黨員", 4), ("a.txt", "街道", 6), ("b.txt", "党员", 1), ("b.txt", "社区", 9),
                               ("c.txt", "街道", 3)], columns=["article", "word", "count"])
    folders = report_folders(tmp_path)
    explore_term("党员", {"articles": articles, "word_frequencies_by_article": by_article}, folders)
    shown = capsys.readouterr().out.splitlines()
    assert [line.split()[0].rsplit(".", 1)[-1] for line in shown] == ["Markdown", "Markdown", "Image", "Markdown",
                                                                     "Styler"], "heading, sentence, chart, table"
    assert (folders.figures / "explored_term.png").is_file()
    written = pd.read_csv(folders.processed / "explored_term.csv", keep_default_na=False)
    assert written["count"].tolist() == [4, 1, 0], "every article, most uses first"
    plt.close("all")


def test_the_term_explorer_shows_its_first_term_and_its_box_explores_any_other(tmp_path, monkeypatch):
    bundles = []
    monkeypatch.setattr(InteractiveShell.instance().display_pub, "publish", lambda data, **_: bundles.append(data))
    articles = pd.DataFrame({"article": ["a.txt", "b.txt"], "source": "文匯網", "outlet": "香港文匯報",
                             "published": ["2021-01-05T09:00:00+08:00", ""]})
    articles["month"] = articles["published"].str[:7]
    by_article = pd.DataFrame([("a.txt", "黨員", 4), ("a.txt", "街道", 6), ("b.txt", "街道", 3)],
                              columns=["article", "word", "count"])
    tables = {"articles": articles, "word_frequencies_by_article": by_article}
    box = term_explorer("党员", tables, report_folders(tmp_path))
    assert bundles[0]["text/markdown"] == "### 党员", "the first term shown as output"
    note = bundles[-1]
    assert "application/vnd.jupyter.widget-view+json" in note and "text/plain" not in note
    assert "In JupyterLab a box here takes any word, in either script" in note["text/html"]
    before = len(bundles)
    box.children[0].value = "街道"
    assert bundles[before]["text/markdown"] == "### 街道"
    assert pd.read_csv(tmp_path / "processed" / "corpus" / "explored_term.csv")["count"].tolist() == [6, 3]
    plt.close("all")
