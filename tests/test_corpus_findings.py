"""The corpus reports' sentences, on small tables: true for a corpus with undated articles, none dated, no shared
phrase, no claim; the undated articles named, and why no pair of reported numbers made a claim."""

import pandas as pd

from analysis.corpus.findings import (
    NAMED,
    claims_finding,
    corpus_finding,
    errors_finding,
    keyness_finding,
    lengths_finding,
    months_finding,
    rows_shown,
    slogans_finding,
    term_finding,
    trends_finding,
    undated_finding,
)
from analysis.corpus.study import articles_by_month, claim_candidates, shared_slogans, term_in_articles, term_trends

ARTICLES = pd.DataFrame({
    "article": ["a_1.txt", "b.txt", "c.txt"],
    "title": ["龍華區推廣「學習強國」", "深圳社區宣講", "南山區讀書會"],
    "published": ["2021-01-05T09:00:00+08:00", "2021-04-20", ""],
    "source": ["香港商報網", "新华网", "文匯網"],
    "outlet": ["香港商報", "新華社", "香港文匯報"],
    "script": ["traditional", "simplified", "traditional"],
    "chars": [120, 80, 51],
    "words": [40, 30, 20],
})
ARTICLES["month"] = ARTICLES["published"].str[:7]
NO_ERRORS = pd.DataFrame(columns=["article", "error"])
BY_ARTICLE = pd.DataFrame([("a_1.txt", "黨員", 4), ("a_1.txt", "街道", 36), ("b.txt", "党员", 6), ("b.txt", "社区", 24),
                           ("c.txt", "黨員", 2), ("c.txt", "讀書", 18)], columns=["article", "word", "count"])


def test_the_corpus_is_counted_and_its_undated_articles_named():
    text = corpus_finding(ARTICLES, NO_ERRORS)
    assert "3 articles from 3 outlets, 2 in Traditional script and 1 in Simplified script" in text
    assert "2 are dated, from 2021-01-05 to 2021-04-20" in text
    assert "1 article gives no publication date" in text and "c.txt (香港文匯報, 「南山區讀書會」)" in text
    assert "a\\_1.txt" not in undated_finding(ARTICLES), "only the undated are named"
    assert "could not be read" not in text
    errors = pd.DataFrame([("x.txt", "the file is empty")], columns=["article", "error"])
    assert "1 file could not be read" in corpus_finding(ARTICLES, errors)
    assert errors_finding(NO_ERRORS) == "Every file of the folder was read as an article."


def test_many_undated_articles_are_named_up_to_a_limit_and_counted():
    many = pd.DataFrame({"article": [f"{i}.txt" for i in range(NAMED + 5)], "title": "題", "published": "",
                         "source": "文匯網", "outlet": "香港文匯報", "script": "traditional", "chars": 10, "words": 3})
    text = undated_finding(many)
    assert text == "No article gives a publication date, so nothing can be placed in time."
    mixed = pd.concat([ARTICLES.drop(columns="month"), many], ignore_index=True)
    text = undated_finding(mixed)
    assert text.startswith(f"{NAMED + 6} articles give no publication date")
    assert text.count(".txt (") == NAMED and text.endswith("and 6 more, listed in articles.csv.")
    assert "is dated, on 2021-01-05" in corpus_finding(mixed[mixed["published"] != "2021-04-20"], NO_ERRORS)


def test_months_and_lengths():
    assert months_finding(articles_by_month(ARTICLES)) == (
        "The dated articles fall in 2 of the 4 months from 2021-01 to 2021-04; the most in one month is 1 article "
        "(2021-01 and 2021-04).")
    assert months_finding(articles_by_month(ARTICLES[ARTICLES["published"] == ""])) == ""
    assert lengths_finding(ARTICLES) == ("Articles run from 51 to 120 characters of cleaned text (median 80) and "
                                         "from 20 to 40 counted words (median 30).")


def test_a_table_shown_in_part_says_how_much_and_where_the_rest_is():
    assert rows_shown(30, 110, "row", "keyness.csv", "../../keyness.csv") == \
        "The first 30 of 110 rows; the whole table is in [keyness.csv](../../keyness.csv)."
    assert rows_shown(30, 1, "month", "t.csv", "t.csv").startswith("All 1 month;")
    assert rows_shown(2, 3, "article using it", "t.csv", "t.csv", "articles using it").startswith(
        "The first 2 of 3 articles using it;")


def test_terms_over_time_and_a_term_explored():
    trends = term_trends(BY_ARTICLE, ARTICLES, ["黨員", "學習"])
    text = trends_finding(trends, ["黨員", "學習"])
    assert "黨員 occurs 10 times, most often in 2021-04 (2,000 per 10,000 of that month's 30 words)" in text
    assert "學習 does not occur in a dated article" in text
    assert trends_finding(term_trends(BY_ARTICLE, ARTICLES.assign(month=""), ["黨員"]), ["黨員"]) == \
        "No article is dated, so no term can be followed over time."
    assert trends_finding(trends.iloc[:0], []).startswith("The corpus has no counted word")
    text = term_finding("党员", trends[trends["term"] == "黨員"], term_in_articles("党员", BY_ARTICLE, ARTICLES))
    assert text.startswith("党员 occurs 12 times in 3 articles of 3, written 党员 and 黨員.")
    assert "2 uses are in undated articles" in text and "2,000 per 10,000 words, in 2021-04" in text
    assert term_finding("學習", trends.iloc[:0], term_in_articles("學習", BY_ARTICLE, ARTICLES)) == \
        "學習 (compared in Simplified script) occurs in no article of the corpus."


def test_keyness_and_slogans_say_what_there_is():
    keyness = pd.DataFrame([("a_1.txt", 1, "街道", 36, 0, 50.04), ("b.txt", 1, "社区", 27, 0, 40.0)],
                           columns=["article", "rank", "word", "count", "rest", "g2"])
    assert keyness_finding(keyness).endswith("the most distinctive of all is 街道 in a\\_1.txt (36 times there, 0 in "
                                             "all the others; G² 50.0).")
    assert keyness_finding(keyness.iloc[:0]).startswith("No article uses any word more")
    quoted = pd.DataFrame([("a_1.txt", "學習強國", 2), ("b.txt", "学习强国", 1), ("c.txt", "四史", 1)],
                          columns=["article", "phrase", "count"])
    slogans = shared_slogans(quoted, ARTICLES)
    assert slogans_finding(slogans, quoted, 2) == (
        "**Result.** 1 phrase is quoted by 2 or more articles. The most widely quoted is 「學習強國」 "
        "(written 學習強國 / 学习强国): in 2 articles, 3 times in all, first in a\\_1.txt (2021-01-05).")
    assert slogans_finding(shared_slogans(quoted, ARTICLES, 3), quoted, 3) == (
        "**Result.** No phrase is quoted by 3 or more articles: 3 articles quote 2 distinct phrases (both scripts "
        "compared in Simplified form), none in more than 2 articles.")
    assert "No article quotes a phrase" in slogans_finding(slogans.iloc[:0], quoted.iloc[:0], 2)
    undated_only = shared_slogans(quoted.assign(article="c.txt").iloc[:1], ARTICLES, 1)
    assert "in undated articles only" in slogans_finding(undated_only, quoted, 1)


def numbers(*rows):
    """A reported_numbers table from (subject, unit, place, article) rows."""
    return pd.DataFrame(rows, columns=["subject", "unit", "place", "article"])


def test_without_claims_the_report_says_what_was_compared_and_why_no_pair_qualified():
    figures = numbers(("党员", "人", "龙华区", "a_1.txt"), ("党员", "人", "南山区", "b.txt"),
                      ("活动", "场", "福田区", "a_1.txt"), ("活动", "%", "福田区", "c.txt"),
                      ("学生", "人", "", "b.txt"))
    no_claims, no_flags = pd.DataFrame(columns=["claim", "article"]), pd.DataFrame(columns=["claim"])
    text = claims_finding(no_claims, no_flags, figures, claim_candidates(figures))
    assert text.startswith("**Result.** 0 claims reported by several articles.")
    assert "the corpus has 5 reported numbers in 3 articles, with 3 distinct subjects" in text
    assert ("2 subjects have reported numbers in several articles, but never with the same unit and place: 1 subject "
            "with same unit, different places and 1 subject with different units") in text
    alone = numbers(("党员", "人", "龙华区", "a_1.txt"), ("学生", "人", "", "b.txt"))
    assert claims_finding(no_claims, no_flags, alone, claim_candidates(alone)).endswith(
        "No subject has reported numbers in more than one article, so no pair could match.")
    assert "nothing to compare" in claims_finding(no_claims, no_flags, alone.iloc[:0], claim_candidates(alone.iloc[:0]))
    claims = pd.DataFrame({"claim": [1, 1], "article": ["a_1.txt", "b.txt"]})
    text = claims_finding(claims, no_flags, figures, claim_candidates(figures))
    assert text.startswith("**Result.** 1 claim reported by several articles, 0 contradictions: 2 reported numbers "
                           "from 2 articles")
