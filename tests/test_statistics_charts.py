"""Charts of the reported statistics: every bar is an extracted row, bounds are drawn open, no data draws nothing."""

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from articles import write_article

from analysis import extract_statistics, load_article
from analysis.files import write_csv
from analysis.numbers.auditing import audit_table, read_audit, relations
from analysis.reports.statistics_charts import (
    plot_groups_by_size,
    plot_pieces_published,
    plot_ratios_led,
    plot_total_and_parts,
    total_and_parts,
)

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def tables(article):
    """The article's statistics and audit relations."""
    statistics = extract_statistics(article)
    return statistics, relations(statistics)


@pytest.fixture(autouse=True)
def close_figures():
    """Free each test's figures."""
    yield
    plt.close("all")


def open_ends(fig) -> int:
    """How many bars the chart draws with an open (arrowed) end."""
    return sum(1 for text in fig.axes[0].texts if getattr(text, "arrow_patch", None) is not None)


def drawn_text(fig) -> str:
    """Every text on a chart: titles, notes, labels and tick labels."""
    ax = fig.axes[0]
    return " ".join(t.get_text() for t in [*ax.texts, *ax.get_yticklabels(), *ax.get_xticklabels()])


def test_total_and_parts_is_the_audited_total_and_its_parts(article, tables, tmp_path):
    statistics, found = tables
    fig = plot_total_and_parts(article, statistics, found, tmp_path)
    data = pd.read_csv(tmp_path / "total_and_parts.csv")
    drawn = list(zip(data["label"], data["value"], strict=True))
    assert drawn == [("註冊人數", 41550), ("黨員", 5071), ("群眾", 36479)]
    assert list(data["share"].round(3)) == [1.0, round(5071 / 41550, 3), round(36479 / 41550, 3)]
    assert "holds" in drawn_text(fig)
    assert "12.2%" in drawn_text(fig) and "40,000" in drawn_text(fig), "shares as percentages, axis thousands separated"
    assert "41,550人" in drawn_text(fig) and "36,479人" in drawn_text(fig), "labels with thousands separators"
    assert (tmp_path / "total_and_parts.png").stat().st_size > 0


def test_groups_are_the_quoted_teams_with_their_bounds(article, tables, tmp_path):
    statistics, _ = tables
    fig = plot_groups_by_size(article, statistics, tmp_path)
    data = pd.read_csv(tmp_path / "groups_by_size.csv", keep_default_na=False)
    assert list(data["label"]) == ["巾幗宣講隊", "文化鐘點工", "樓棟長", "老年人體育協會粉絲團"]
    assert list(data["value"]) == [501, 76, 7000, 330]
    assert list(data["bound"]) == ["exact", "exact", "lower", "lower"]
    assert open_ends(fig) == 2
    assert "≥ 7,000（7000餘名）" in drawn_text(fig)


def test_pieces_published_mark_the_part_of_a_total(article, tables, tmp_path):
    statistics, found = tables
    plot_pieces_published(article, statistics, found, tmp_path)
    data = pd.read_csv(tmp_path / "pieces_published.csv")
    assert list(data["value"]) == [206, 135, 19]
    assert list(data["label"]) == [
        "2020年 上稿", "今年以來 被「學習強國」採用", "其中 今年以來 被「學習強國」全國學習平台採用"]


def test_ratios_come_from_the_audit_with_the_article_wide_reference(article, tables, tmp_path):
    statistics, found = tables
    fig = plot_ratios_led(article, statistics, found, tmp_path)
    data = pd.read_csv(tmp_path / "ratios_led.csv")
    assert list(data["per"].round(1)) == [423.0, 600.0, round(36479 / 5071, 1)]
    assert list(data["reference"]) == [False, False, True]
    assert open_ends(fig) == 1


def test_ratios_read_back_from_audit_csv_draw_the_same(article, tables, tmp_path):
    statistics, found = tables
    write_csv(tmp_path / "audit.csv", audit_table(found))
    assert read_audit(tmp_path / "audit.csv") == found
    plot_ratios_led(article, statistics, read_audit(tmp_path / "audit.csv"), tmp_path / "a")
    plot_ratios_led(article, statistics, found, tmp_path / "b")
    assert (tmp_path / "a" / "ratios_led.csv").read_text() == (tmp_path / "b" / "ratios_led.csv").read_text()


def test_an_article_without_such_numbers_draws_nothing(tmp_path):
    article = load_article(write_article(tmp_path / "a.txt", "標題", ["街道開展「學習強國」推廣活動。"]))
    statistics = extract_statistics(article)
    found = relations(statistics)
    figures = tmp_path / "figures"
    assert plot_total_and_parts(article, statistics, found, figures) is None
    assert plot_groups_by_size(article, statistics, figures) is None
    assert plot_pieces_published(article, statistics, found, figures) is None
    assert plot_ratios_led(article, statistics, found, figures) is None
    assert not figures.exists()


@pytest.mark.parametrize("text", [
    "街道會員人數達1000人，其中青年比去年同期增加三成，黨員300人。",
    "街道會員人數達1000人，其中黨員人數增加200人。",
    "街道活動達1000場，其中黨員300人，群眾700人。",
])
def test_a_change_or_another_unit_is_never_a_part_of_a_total(tmp_path, text):
    statistics = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text])))
    found = relations(statistics)
    data = total_and_parts(statistics, found)
    assert "%" not in set(data["unit"]), "a rate of change is never drawn as a share of a whole"
    assert not any(r.kind == "sum" and "增加" in r.relation for r in found)
    assert all(u in ("", "人", "名", "位") for u in data["unit"]) if "場" not in text else data.empty


@pytest.mark.parametrize(("text", "parts"), [
    ("全區有10個街道，其中建成25個黨群服務中心。", []),
    ("全區共有25個社區，其中老舊社區8個。", [("社區", 25), ("社區", 8)]),
])
def test_a_generic_measure_word_pairs_only_the_same_kind_of_thing(tmp_path, text, parts):
    statistics = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text])))
    found = relations(statistics)
    paired = [[(statistics.loc[i, "subject"], statistics.loc[i, "value"]) for i in r.rows] for r in found
              if r.kind in ("sum", "subset")]
    assert paired == ([parts] if parts else [])


@pytest.mark.parametrize("title", ["HK$5億 另撥HK$3000萬", r"$\href{x}{y}$ 與 $x^2$"])
def test_article_text_is_drawn_literally(tmp_path, title):
    paragraph = "街道註冊人數達1000人，其中黨員300人，群眾700人。"
    article = load_article(write_article(tmp_path / "a.txt", title, [paragraph]))
    statistics = extract_statistics(article)
    fig = plot_total_and_parts(article, statistics, relations(statistics), tmp_path)
    fig.canvas.draw()  # with mathtext on, `$\href{x}{y}$` raises here and `HK$5億 另撥HK$3000萬` loses its $ signs
    notes = [t for t in fig.axes[0].texts if title in t.get_text()]
    assert notes, "the source note cites the title as written"
    assert not [t for t in fig.axes[0].texts if t.get_parse_math()], "every text is drawn literally"
    svg = (tmp_path / "total_and_parts.svg").read_text(encoding="utf-8")
    assert svg.count("<path") > 0


def test_a_short_count_axis_has_whole_distinct_ticks(tmp_path):
    from analysis.reports.word_charts import plot_top_words

    article = load_article(write_article(tmp_path / "a.txt", "短訊", ["閱讀"]))
    frequencies = pd.DataFrame({"word": ["短訊", "閱讀"], "count": [1, 1], "share": [0.5, 0.5]})
    fig = plot_top_words(article, frequencies, tmp_path)
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert len(ticks) == len(set(ticks)) and all(t.replace(",", "").isdigit() for t in ticks)
    assert pd.read_csv(tmp_path / "top_words.csv")["word"].tolist() == ["短訊", "閱讀"]


def test_a_count_without_a_subject_is_labelled_by_the_words_before_it(tmp_path):
    from analysis.reports.statistics_charts import pieces_published

    text = ["街道推出閱讀計劃，網上分享超過800篇。"]
    statistics = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", text)))
    data = pieces_published(statistics, relations(statistics))
    assert list(data["text"]) == ["超過800篇"]
    assert data["label"].iloc[0].endswith("網上分享")


def test_measuring_each_content_box_once_a_save_draws_the_same_chart(tables, article, tmp_path):
    import io

    from analysis.reports.charting import measured_once

    statistics, found = tables
    fig = plot_total_and_parts(article, statistics, found, tmp_path)

    def saved(form):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=form, metadata={"Software": None} if form == "png" else {"Date": None})
        return buffer.getvalue()

    plain = {form: saved(form) for form in ("png", "svg")}
    with measured_once():
        once = {form: saved(form) for form in ("png", "svg")}
    assert once == plain
    assert (tmp_path / "total_and_parts.png").read_bytes() == plain["png"], "save_chart measures once too"
