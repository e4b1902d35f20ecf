"""Findings: every sentence a report states about an article is computed from its tables, for any article."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from articles import write_article
from report_articles import LIBRARY, SHORT, write

from analysis import audit, extract_statistics, load_article, photos, quoted_phrases, word_frequencies
from analysis.files import write_csv
from analysis.numbers.auditing import relations
from analysis.reading.article import published_from_iso, published_text
from analysis.reports.findings import (
    article_summary,
    audit_finding,
    groups_finding,
    headlines,
    keyword_finding,
    numbers_finding,
    photos_finding,
    quote,
    quoted_finding,
    ratios_finding,
    reading_caveats,
    top_words_finding,
    total_and_parts_finding,
)
from analysis.reports.statistics_charts import quoted_groups, ratios_led, total_and_parts
from analysis.words.keyterms import keywords, keywords_by_rank

HONG_KONG = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Another article: a library's reading scheme, two captions, a rate of change, no 其中-total."""
    return load_article(write(tmp_path_factory.mktemp("library"), "library", LIBRARY))


@pytest.fixture(scope="module")
def short(tmp_path_factory):
    """The shortest article: one word, no number, no caption, no quotation."""
    return load_article(write(tmp_path_factory.mktemp("short"), "short", SHORT))


@pytest.mark.parametrize(("published", "expected"), [
    (datetime(2021, 7, 29, 10, 24, tzinfo=ZoneInfo("Asia/Hong_Kong")), "2021-07-29 10:24 UTC+8 (Hong Kong time)"),
    (datetime(2021, 7, 29, 10, 24, tzinfo=ZoneInfo("Asia/Shanghai")), "2021-07-29 10:24 UTC+8 (Beijing time)"),
    (datetime(2021, 7, 29, 10, 24, tzinfo=HONG_KONG), "2021-07-29 10:24 UTC+8"),
    (datetime(2021, 7, 29, 10, 24, tzinfo=timezone(timedelta(hours=-3, minutes=-30))), "2021-07-29 10:24 UTC-3:30"),
    (datetime(2021, 7, 29, 10, 24, tzinfo=UTC), "2021-07-29 10:24 UTC"),
    (date(2021, 7, 29), "2021-07-29"),
    (None, "undated"),
])
def test_publication_date_is_worded_one_way_for_datetime_date_or_none(published, expected):
    assert published_text(published) == expected
    assert published_text(published_from_iso(published.isoformat() if published else None)).startswith(
        expected.split(" (")[0])


def test_article_summary_counts_the_articles_own_parts(article, library):
    assert "4 photo captions" in article_summary(article)
    seed = article_summary(article)
    assert "2,263 characters of cleaned text, line breaks included (2,246 without whitespace" in seed
    summary = article_summary(library)
    assert "2 photo captions" in summary and "5 paragraphs" in summary and "2022-03-15 09:30" in summary
    assert "Note." not in summary
    undated = article_summary(replace(library, published=None))
    assert undated.startswith("**Result.** The article has 5 paragraphs")
    assert "published" not in undated.split("Note")[0]
    assert "**Note.** The page gives no publication date" in undated
    assert "no time of day" in article_summary(replace(library, published=date(2022, 3, 15)))


def test_top_words_are_the_tables_own(article, library, short):
    seed = top_words_finding(word_frequencies(article))
    assert "學習強國: 34 of 663 counted words (5.1%), 1.9 times the next" in seed
    other = top_words_finding(word_frequencies(library))
    first = word_frequencies(library).iloc[0]
    assert f"{first.word}: {first['count']} of" in other and "學習強國" not in other
    assert "50.0%" in top_words_finding(word_frequencies(short))
    assert "No word" in top_words_finding(word_frequencies(short).iloc[:0])
    one = pd.DataFrame({"word": ["閱讀"], "count": [1], "share": [1.0]})
    assert top_words_finding(one).endswith("the only word counted.")


def test_keyword_finding_says_where_the_most_frequent_word_ranks(article):
    table = keywords(article)
    text = keyword_finding(table, word_frequencies(article))
    assert "學習強國, ranks 1 by tf-idf and 1 by keyness and is not in the textrank list." in text
    top = word_frequencies(article).head(1)
    assert keyword_finding(table[table["word"] != "學習強國"], top).endswith(
        "學習強國, is in none of the methods' lists.")


def test_keywords_side_by_side_survive_an_empty_method(short):
    table = keywords(short)
    wide = keywords_by_rank(table)
    assert list(wide.columns) == ["tf-idf", "textrank", "keyness"]
    assert keyword_finding(table.iloc[:0], word_frequencies(short)).startswith("No method finds a keyword")


def test_quoted_finding_for_quotes_and_for_none(article, library):
    assert "「學習強國」 28 times" in quoted_finding(quoted_phrases(article))
    assert "「閱讀同行」 5 times" in quoted_finding(quoted_phrases(library))
    empty = pd.DataFrame(columns=["phrase", "count", "「」", "『』", "characters"])
    assert quoted_finding(empty) == "The article quotes no phrase in 「」, “”, 『』 or ‘’."


def test_numbers_finding_counts_kinds_and_bounds(article, library, short):
    seed = numbers_finding(extract_statistics(article))
    assert "36 numbers" in seed and "24 counts" in seed and "2 percentages" in seed
    assert "5 are lower bounds (at least): 75%以上, 600餘名, 7000餘名, 330餘人 and 15000餘次." in seed
    other = numbers_finding(extract_statistics(library))
    assert "1 is a lower bound (at least): 超過800篇." in other and "1 is an upper bound (at most): 近千名." in other
    assert numbers_finding(extract_statistics(short)) == "**Result.** The article reports no numbers."


def test_photos_finding(article, library, short):
    assert photos_finding(photos(article)) == "The article has 4 photo captions, 1 with a label of its own (頂圖)."
    assert photos_finding(photos(library)) == "The article has 2 photo captions."
    assert photos_finding(photos(short)) == "The article has no photo captions."


def test_audit_finding_states_each_relation(article, library, short):
    seed = audit_finding(audit(extract_statistics(article)))
    assert "9 relations: 7 holds and 2 cannot tell" in seed
    assert "黨員 \\+ 群眾 = 註冊人數 (sum): **holds**" in seed
    other = audit_finding(audit(extract_statistics(library)))
    assert "1 relation: 1 cannot tell" in other and "註冊" not in other
    assert "finds no relation" in audit_finding(audit(extract_statistics(short)))


def test_chart_findings_follow_the_chart_data(article, library):
    statistics = extract_statistics(article)
    found = relations(statistics)
    assert total_and_parts_finding(total_and_parts(statistics, found), found) == (
        "註冊人數 (41550人) splits into 黨員 5071人 (12.2%) and 群眾 36479人 (87.8%); "
        "the audit's sum check: **holds**.")
    assert "the largest is 樓棟長 (7000餘名)" in groups_finding(quoted_groups(statistics))
    assert "1 : 423 to 1 : 600, against 1 : 7.2" in ratios_finding(ratios_led(statistics, found))
    other = extract_statistics(library)
    assert total_and_parts_finding(total_and_parts(other, relations(other)), relations(other)) == ""
    assert groups_finding(quoted_groups(other)) == (
        "1 group named in quotation marks; the largest is 故事姐姐隊 (80人).")


def test_article_text_in_a_finding_is_never_markup(tmp_path):
    assert quote("<h1>INJ</h1>") == "&lt;h1&gt;INJ&lt;/h1&gt;"
    assert quote("*a* [b](c)") == "\\*a\\* \\[b\\]\\(c\\)"
    article = load_article(write_article(tmp_path / "a.txt", "標題", ["「<u>U</u>」和「<u>U</u>」都是口號。"]))
    assert "<u>" not in quoted_finding(quoted_phrases(article))


def test_headlines_are_three_findings_from_the_processed_tables(article, tmp_path):
    statistics = extract_statistics(article)
    write_csv(tmp_path / "word_frequencies.csv", word_frequencies(article))
    write_csv(tmp_path / "statistics.csv", statistics)
    write_csv(tmp_path / "audit.csv", audit(statistics))
    assert headlines(tmp_path) == [
        "Most frequent word: 學習強國 (34 of 663 counted words, 5.1%).",
        "36 numbers reported (4 durations, 5 dates, 24 counts, 1 ordinal and 2 percentages), 5 of them bounds or "
        "approximations rather than exact figures.",
        "Audit of 9 relations between the numbers: 7 holds and 2 cannot tell.",
    ]


def test_headlines_of_an_article_without_words_or_numbers(short, tmp_path):
    statistics = extract_statistics(short)
    write_csv(tmp_path / "word_frequencies.csv", word_frequencies(short).iloc[:0])
    write_csv(tmp_path / "statistics.csv", statistics)
    write_csv(tmp_path / "audit.csv", audit(statistics))
    assert headlines(tmp_path) == [
        "No word is left to count once stop words are removed.",
        "The article reports no numbers.",
        "The audit finds no relation between the numbers to check.",
    ]
    assert len(headlines(tmp_path / "missing")) == 3


def test_tables_escape_text_and_format_numbers():
    from html.parser import HTMLParser

    from analysis.reports.tables import show_table

    table = pd.DataFrame({"<h1>w</h1>": ["<u>U</u>", "b"], "count": [41550, 3], "share": [0.052, 1.0],
                          "value": [2.5, None]}, index=["<i>x</i>", "y"])
    page = show_table(table).to_html()

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text = set(), []

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)

        def handle_data(self, data):
            self.text.append(data.strip())

    parsed = Tags()
    parsed.feed(page)
    assert parsed.tags <= {"style", "table", "thead", "tbody", "tr", "th", "td"}
    assert {"<u>U</u>", "<h1>w</h1>", "<i>x</i>", "41,550", "5.2%", "100.0%", "2.5"} <= set(parsed.text)
    assert show_table(table).to_html() == page, "the same table gives the same HTML"


def test_every_kind_of_number_is_named_in_words():
    from analysis.reports.findings import kinds_of

    kinds = ["percentage_points", "measure", "amount", "count", "count"]
    assert kinds_of(pd.DataFrame({"kind": kinds})) == (
        "1 change in percentage points, 1 measure, 1 amount of money and 2 counts")


def test_reading_caveats_are_said_only_where_they_apply(article):
    seed = reading_caveats(article)
    assert "頂圖" in seed and "王娜" in seed
    bare = reading_caveats(replace(article, captions=(), reporter=""))
    assert "頂圖" not in bare and "byline" not in bare and "subheading" in bare
