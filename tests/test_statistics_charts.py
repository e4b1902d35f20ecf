"""Charts of the reported statistics: every bar is an extracted row, bounds are drawn open, no data draws nothing."""

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from articles import write_article

from analysis import audit, extract_statistics, load_article
from analysis.statistics_charts import plot_composition, plot_groups, plot_publications, plot_ratios

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def tables(article):
    """The article's statistics and audit."""
    statistics = extract_statistics(article)
    return statistics, audit(statistics)


@pytest.fixture(autouse=True)
def close_figures():
    """Free each test's figures."""
    yield
    plt.close("all")


def open_ends(fig) -> int:
    """How many bars the chart draws with an open (arrowed) end."""
    return sum(1 for text in fig.axes[0].texts if getattr(text, "arrow_patch", None) is not None)


def test_composition_is_the_audited_total_and_its_parts(article, tables, tmp_path):
    statistics, checks = tables
    fig = plot_composition(article, statistics, checks, tmp_path)
    data = pd.read_csv(tmp_path / "registered_users_composition.csv")
    drawn = list(zip(data["label"], data["value"], strict=True))
    assert drawn == [("註冊人數", 41550), ("黨員", 5071), ("群眾", 36479)]
    assert "holds" in " ".join(t.get_text() for t in fig.axes[0].texts)
    assert (tmp_path / "registered_users_composition.png").stat().st_size > 0


def test_groups_are_the_quoted_teams_with_their_bounds(article, tables, tmp_path):
    statistics, _ = tables
    fig = plot_groups(article, statistics, tmp_path)
    data = pd.read_csv(tmp_path / "outreach_teams_by_size.csv", keep_default_na=False)
    assert list(data["label"]) == ["巾幗宣講隊", "文化鐘點工", "樓棟長", "老年人體育協會粉絲團"]
    assert list(data["value"]) == [501, 76, 7000, 330]
    assert list(data["bound"]) == ["exact", "exact", "lower", "lower"]
    assert open_ends(fig) == 2


def test_publications_mark_the_part_of_a_total(article, tables, tmp_path):
    statistics, checks = tables
    plot_publications(article, statistics, checks, tmp_path)
    data = pd.read_csv(tmp_path / "publication_output.csv")
    assert list(data["value"]) == [206, 135, 19]
    assert list(data["label"]) == [
        "2020年 上稿", "今年以來 被「學習強國」採用", "其中 今年以來 被「學習強國」全國學習平台採用"]


def test_ratios_come_from_the_audit_with_the_article_wide_reference(article, tables, tmp_path):
    statistics, checks = tables
    fig = plot_ratios(article, statistics, checks, tmp_path)
    data = pd.read_csv(tmp_path / "mobilisation_ratios.csv")
    assert list(data["per"].round(1)) == [423.0, 600.0, round(36479 / 5071, 1)]
    assert list(data["reference"]) == [False, False, True]
    assert open_ends(fig) == 1


def test_an_article_without_such_numbers_draws_nothing(tmp_path):
    article = load_article(write_article(tmp_path / "a.txt", "標題", ["街道開展「學習強國」推廣活動。"]))
    statistics = extract_statistics(article)
    checks = audit(statistics)
    figures = tmp_path / "figures"
    assert plot_composition(article, statistics, checks, figures) is None
    assert plot_groups(article, statistics, figures) is None
    assert plot_publications(article, statistics, checks, figures) is None
    assert plot_ratios(article, statistics, checks, figures) is None
    assert not figures.exists()
