"""The corpus notebooks' computations: outlets, articles by month, term trends and a term across the corpus (both
scripts), keyness against the rest of the corpus, shared slogans, why reported numbers did not make claims; and the
notebooks themselves on the generated corpora (slow)."""

import math
import re

import pandas as pd
import pytest
from corpus_articles import REPORTS, write_corpus, write_report_corpus

from analysis.__main__ import main
from analysis.corpus.study import (
    NO_OUTLET,
    TABLES,
    articles_by_month,
    claim_candidates,
    corpus_keyness,
    for_reading,
    outlets,
    read_corpus,
    report_folders,
    shared_slogans,
    term_families,
    term_in_articles,
    term_trends,
    undated,
)
from analysis.pipeline.building import build_corpus
from analysis.pipeline.rendering import TABLES_SCRIPT
from analysis.words.keyterms import log_likelihood

ARTICLES = pd.DataFrame({
    "article": ["a.txt", "b.txt", "c.txt", "d.txt"],
    "title": ["甲", "乙", "丙", "丁"],
    "published": ["2021-01-05T09:00:00+08:00", "2021-01-20T09:00:00+08:00", "2021-03-02T09:00:00+08:00", ""],
    "source": ["香港商報網", "文匯網", "香港商报", "香港商報網"],
    "outlet": ["香港商報", "香港文匯報", "香港商報", "香港商報"],
    "script": ["traditional", "traditional", "simplified", "traditional"],
    "chars": [100, 80, 60, 40],
    "words": [10, 10, 10, 9],
})
ARTICLES["month"] = ARTICLES["published"].str[:7]
BY_ARTICLE = pd.DataFrame(
    [("a.txt", "黨員", 6), ("a.txt", "街道", 4), ("b.txt", "黨員", 2), ("b.txt", "群眾", 8), ("c.txt", "街道", 5),
     ("c.txt", "黨員", 5), ("d.txt", "黨員", 9)],
    columns=["article", "word", "count"],
)


def test_articles_by_month_fills_empty_months_and_leaves_out_undated():
    table = articles_by_month(ARTICLES)
    assert table["month"].tolist() == ["2021-01", "2021-02", "2021-03"]
    assert table.set_index("month").loc["2021-01"].to_dict() == {"香港文匯報": 1, "香港商報": 1}
    assert table.set_index("month").loc["2021-03"].to_dict() == {"香港文匯報": 0, "香港商報": 1}, "one outlet, any form"
    assert table.drop(columns="month").to_numpy().sum() == 3
    assert list(table.columns) == ["month", "香港商報", "香港文匯報"], "outlets with the most articles first"
    assert undated(ARTICLES)["article"].tolist() == ["d.txt"]
    assert articles_by_month(ARTICLES[ARTICLES["published"] == ""]).empty


def test_outlets_count_scripts_and_undated_articles():
    table = outlets(ARTICLES).set_index("outlet")
    assert table.index.tolist() == ["香港商報", "香港文匯報"]
    assert table.loc["香港商報"].to_dict() == {"articles": 3, "traditional": 2, "simplified": 1, "undated": 1,
                                               "characters": 200, "words": 29}


def test_term_trends_are_counts_per_10000_words_of_the_month():
    trends = term_trends(BY_ARTICLE, ARTICLES, ["黨員", "群眾"])
    row = trends[(trends["term"] == "黨員") & (trends["month"] == "2021-01")].iloc[0]
    assert (row["count"], row["words"]) == (8, 20) and row["per_10000"] == 4000
    assert trends[(trends["term"] == "群眾") & (trends["month"] == "2021-03")]["count"].item() == 0
    assert trends["term"].tolist()[:2] == ["黨員", "黨員"], "terms in the order asked"
    assert "2021-02" not in set(trends["month"]), "a month without articles has no words to divide by"


# the same words in both scripts: c.txt is a Simplified page
SCRIPTS = pd.DataFrame(
    [("a.txt", "黨員", 6), ("a.txt", "街道", 4), ("b.txt", "黨員", 2), ("b.txt", "群眾", 8), ("c.txt", "党员", 5),
     ("c.txt", "街道", 5), ("d.txt", "黨員", 9)],
    columns=["article", "word", "count"],
)


def test_terms_are_followed_in_both_scripts():
    trends = term_trends(SCRIPTS, ARTICLES, ["党员"]).set_index("month")
    assert trends.loc["2021-03", "count"] == 5 and trends.loc["2021-01", "count"] == 8
    assert set(trends["term"]) == {"党员"}, "the term as asked"
    frequencies = pd.DataFrame({"word": ["黨員", "群眾", "党员", "街道"], "count": [17, 8, 5, 9]})
    assert term_families(frequencies, top=2) == ["黨員", "街道"], "黨員 and 党员 count as one, 22 times"
    assert term_families(frequencies.iloc[:0]) == []


def test_a_term_in_every_article_dated_or_not():
    table = term_in_articles("党员", SCRIPTS, ARTICLES).set_index("article")
    assert table["count"].to_dict() == {"d.txt": 9, "a.txt": 6, "c.txt": 5, "b.txt": 2}
    assert table.loc["c.txt", "forms"] == "党员" and table.loc["a.txt", "forms"] == "黨員"
    assert table.loc["a.txt", "per_10000"] == 6000
    assert (term_in_articles("群众", SCRIPTS, ARTICLES)["count"] > 0).sum() == 1
    absent = term_in_articles("學習強國", SCRIPTS, ARTICLES)
    assert len(absent) == 4 and absent["count"].sum() == 0 and (absent["per_10000"] == 0).all()


def test_keyness_compares_each_article_with_the_rest():
    table = corpus_keyness(BY_ARTICLE, top=5)
    b = table[table["article"] == "b.txt"]
    assert b["word"].tolist() == ["群眾"], "b uses 黨員 less than the rest does"
    assert math.isclose(b["g2"].item(), log_likelihood(8, 0, 10, 29))
    for _, ranks in table.groupby("article")["rank"]:
        assert ranks.tolist() == list(range(1, len(ranks) + 1))
    a = table[table["article"] == "a.txt"]
    assert a["g2"].is_monotonic_decreasing
    assert for_reading(table)["g2"].tolist() == [round(g, 1) for g in table["g2"]]
    shown = for_reading(ARTICLES.assign(first_published=ARTICLES["published"]))
    assert shown["published"].tolist() == ["2021-01-05 09:00", "2021-01-20 09:00", "2021-03-02 09:00", ""]
    assert shown["first_published"].tolist() == shown["published"].tolist()


def test_keyness_does_not_set_an_article_apart_by_its_script():
    table = corpus_keyness(SCRIPTS, top=5)
    c = table[table["article"] == "c.txt"]
    assert "党员" not in set(c["word"]), "c uses 党员 (5 of 10) less than the rest uses 黨員 (17 of 29)"
    b = table[table["article"] == "b.txt"].iloc[0]
    assert (b["word"], b["count"], b["rest"]) == ("群眾", 8, 0)
    mixed = pd.DataFrame([("a.txt", "黨員", 2), ("a.txt", "党员", 1), ("a.txt", "群眾", 1), ("b.txt", "街道", 4)],
                         columns=["article", "word", "count"])
    a = corpus_keyness(mixed).set_index("word")
    assert a.loc["黨員", "count"] == 3, "both forms counted, the article's most used one shown"


def test_shared_slogans_count_articles_and_first_appearance():
    quoted = pd.DataFrame([("c.txt", "學習強國", 3), ("a.txt", "學習強國", 2), ("b.txt", "西鄉示範", 1),
                           ("d.txt", "學習強國", 1), ("d.txt", "西鄉示範", 1), ("a.txt", "四史", 1)],
                          columns=["article", "phrase", "count"])
    table = shared_slogans(quoted, ARTICLES).set_index("phrase")
    assert sorted(table.index) == ["學習強國", "西鄉示範"]
    assert table.loc["學習強國"].to_dict() == {"forms": "學習強國", "articles": 3, "count": 6,
                                             "first_published": ARTICLES["published"][0], "first_article": "a.txt"}
    assert table.loc["西鄉示範", "first_article"] == "b.txt", "an undated article is never first"


def test_a_slogan_in_both_scripts_is_one_slogan():
    quoted = pd.DataFrame([("c.txt", "学习强国", 3), ("a.txt", "學習強國", 2), ("b.txt", "學習強國", 1),
                           ("d.txt", "四史", 1)], columns=["article", "phrase", "count"])
    table = shared_slogans(quoted, ARTICLES)
    assert table[["phrase", "forms", "articles", "count"]].values.tolist() == [
        ["学习强国", "学习强国 / 學習強國", 3, 6]]
    assert shared_slogans(quoted.iloc[:0], ARTICLES).empty


def test_claim_candidates_say_why_a_subject_made_no_claim():
    numbers = pd.DataFrame([("党员", "人", "龙华区", "a.txt"), ("党员", "人", "南山区", "b.txt"),
                            ("活动", "场", "福田区", "a.txt"), ("活动", "%", "福田区", "c.txt"),
                            ("用户", "人", "龙华区", "a.txt"), ("用户", "人", "龙华区", "c.txt"),
                            ("学生", "人", "", "b.txt")], columns=["subject", "unit", "place", "article"])
    table = claim_candidates(numbers).set_index("subject")
    assert table["outcome"].to_dict() == {"党员": "same unit, different places", "活动": "different units",
                                          "用户": "claim"}
    assert table.loc["党员", "places"] == "龙华区 / 南山区" and table.loc["活动", "units"] == "场 / %"
    assert claim_candidates(numbers.iloc[:0]).empty


def test_the_reports_write_under_out_or_else_the_tables_folder(tmp_path):
    assert report_folders(tmp_path).figures == tmp_path / "figures" / "corpus"
    assert report_folders(tmp_path, tmp_path / "stage").processed == tmp_path / "stage" / "processed" / "corpus"


def test_an_article_without_an_outlet_is_read_under_a_name_of_its_own(tmp_path):
    for name in TABLES:
        (tmp_path / f"{name}.csv").write_text("article\n", encoding="utf-8")
    ARTICLES.assign(outlet=["", "香港文匯報", "", "香港商報"]).drop(columns="month").to_csv(tmp_path / "articles.csv",
                                                                                          index=False)
    articles = read_corpus(tmp_path)["articles"]
    assert articles["outlet"].tolist() == [NO_OUTLET, "香港文匯報", NO_OUTLET, "香港商報"]
    assert articles["month"].tolist() == ["2021-01", "2021-01", "2021-03", ""]


def test_reading_a_folder_without_tables_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"{tmp_path}: no articles.csv"):
        read_corpus(tmp_path)
    with pytest.raises(FileNotFoundError, match=f"{tmp_path / 'nowhere'}: no such folder"):
        read_corpus(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="set `tables`"):
        read_corpus(None)


@pytest.mark.slow
def test_corpus_command_writes_the_corpus_reports(tmp_path):
    folder = write_corpus(tmp_path / "corpus")
    assert main(["corpus", str(folder), "--out", str(tmp_path / "tables"), "--jobs", "1", "--quiet"]) == 0
    pages = sorted((tmp_path / "tables" / "reports" / "corpus").glob("*.html"))
    assert [p.stem for p in pages] == ["c01_corpus", "c02_words_over_time", "c03_slogans", "c04_claims"]
    claims = pages[-1].read_text(encoding="utf-8")
    assert "4 claims reported by several articles, 1 contradiction" in claims
    assert claims.count("<img") == 4 and 'data-mime-type="application/vnd.jupyter.stderr"' not in claims
    index = (tmp_path / "tables" / "reports" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="corpus/{p.name}"' in index for p in pages)
    # the article build's runner: staged, published with a manifest, rebuilt only when the tables change
    again = build_corpus(tmp_path / "tables")
    assert again.executed == [] and len(again.skipped) == 4
    assert [p.name for p in (tmp_path / "tables" / ".build").iterdir()] == ["lock"], "no staging folder is left"
    with (tmp_path / "tables" / "claims.csv").open("a", encoding="utf-8") as claims_table:
        claims_table.write("\n")
    assert len(build_corpus(tmp_path / "tables").executed) == 4


@pytest.mark.slow
def test_corpus_reports_name_undated_articles_and_show_whole_tables(tmp_path):
    folder = write_report_corpus(tmp_path / "corpus")
    assert main(["corpus", str(folder), "--out", str(tmp_path / "tables"), "--jobs", "1", "--quiet"]) == 0
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "tables" / "reports" / "corpus").glob("*.html")}
    for report in REPORTS:
        if not report.published:
            assert report.name in pages["c01_corpus"], report.name
    assert all("<td>...</td>" not in page and "rows ×" not in page for page in pages.values()), "no table cut"
    assert all('data-mime-type="application/vnd.jupyter.stderr"' not in page for page in pages.values())
    assert "(written 学习强国 / 學習強國)" in pages["c03_slogans"]
    figures = {p.name for p in (tmp_path / "tables" / "figures" / "corpus").iterdir()}
    assert {f"{name}.{ext}" for name in ("articles_by_month", "term_trends", "explored_term", "shared_phrases",
                                         "cooccurrence_network") for ext in ("png", "svg", "csv")} <= figures
    processed = {p.name for p in (tmp_path / "tables" / "processed" / "corpus").iterdir()}
    assert processed == {"keyness.csv", "shared_phrases.csv", "claim_candidates.csv", "explored_term.csv",
                         "collocations.csv"}
    words = pages["c02_words_over_time"]
    assert 'href="../../processed/corpus/keyness.csv"' in words
    # collocations and the network: the section, its sentences from the tables, the whole table linked
    collocations = pd.read_csv(tmp_path / "tables" / "processed" / "corpus" / "collocations.csv")
    terms = term_families(pd.read_csv(tmp_path / "tables" / "word_frequencies.csv"))
    assert list(dict.fromkeys(collocations["node"])) == terms
    top = collocations[(collocations["node"] == terms[0]) & (collocations["observed"] >= 2)].iloc[0]
    assert "Collocations and co-occurrence</h2>" in words and 'href="../../processed/corpus/collocations.csv"' in words
    assert f"{top.node}: {top.collocate}, seen {top.observed} times in the 5 words before and 5 after it" in words
    edges = pd.read_csv(tmp_path / "tables" / "figures" / "corpus" / "cooccurrence_network.csv")
    assert f"The strongest pair is {edges['source'][0]} and {edges['target'][0]}" in words
    # the term explorer: its first state and a line for the box, no widget and no script but the tables' own
    assert f"In JupyterLab a box here takes any word, in either script, and shows the same for it as above for " \
           f"{terms[0]}." in words
    assert set(re.findall(r"<script\b[^>]*>(.*?)</script>", words, re.DOTALL)) <= {TABLES_SCRIPT}
    assert "application/vnd.jupyter.widget" not in words and "Text(value=" not in words
