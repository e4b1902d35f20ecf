"""The corpus notebooks' computations: articles by month, term trends, keyness against the rest of the corpus, shared
slogans; and the notebooks themselves on the generated corpus (slow)."""

import math

import pandas as pd
import pytest
from corpus_articles import write_corpus

from analysis.corpus.analysing import run_corpus
from analysis.corpus.study import (
    articles_by_month,
    corpus_keyness,
    read_corpus,
    shared_slogans,
    term_trends,
)
from analysis.words.keyterms import log_likelihood

ARTICLES = pd.DataFrame({
    "article": ["a.txt", "b.txt", "c.txt", "d.txt"],
    "published": ["2021-01-05T09:00:00+08:00", "2021-01-20T09:00:00+08:00", "2021-03-02T09:00:00+08:00", ""],
    "source": ["香港商報網", "文匯網", "香港商报", "香港商報網"],
    "outlet": ["香港商報", "香港文匯報", "香港商報", "香港商報"],
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


def test_term_trends_are_counts_per_10000_words_of_the_month():
    trends = term_trends(BY_ARTICLE, ARTICLES, ["黨員", "群眾"])
    row = trends[(trends["term"] == "黨員") & (trends["month"] == "2021-01")].iloc[0]
    assert (row["count"], row["words"]) == (8, 20) and row["per_10000"] == 4000
    assert trends[(trends["term"] == "群眾") & (trends["month"] == "2021-03")]["count"].item() == 0
    assert trends["term"].tolist()[:2] == ["黨員", "黨員"], "terms in the order asked"
    assert "2021-02" not in set(trends["month"]), "a month without articles has no words to divide by"


def test_keyness_compares_each_article_with_the_rest():
    table = corpus_keyness(BY_ARTICLE, top=5)
    b = table[table["article"] == "b.txt"]
    assert b["word"].tolist() == ["群眾"], "b uses 黨員 less than the rest does"
    assert math.isclose(b["g2"].item(), log_likelihood(8, 0, 10, 29))
    for _, ranks in table.groupby("article")["rank"]:
        assert ranks.tolist() == list(range(1, len(ranks) + 1))
    a = table[table["article"] == "a.txt"]
    assert a["g2"].is_monotonic_decreasing


def test_shared_slogans_count_articles_and_first_appearance():
    quoted = pd.DataFrame([("c.txt", "學習強國", 3), ("a.txt", "學習強國", 2), ("b.txt", "西鄉示範", 1),
                           ("d.txt", "學習強國", 1), ("d.txt", "西鄉示範", 1), ("a.txt", "四史", 1)],
                          columns=["article", "phrase", "count"])
    table = shared_slogans(quoted, ARTICLES).set_index("phrase")
    assert sorted(table.index) == ["學習強國", "西鄉示範"]
    assert table.loc["學習強國"].to_dict() == {"articles": 3, "count": 6, "first_published": ARTICLES["published"][0],
                                             "first_article": "a.txt"}
    assert table.loc["西鄉示範", "first_article"] == "b.txt", "an undated article is never first"


def test_reading_a_folder_without_tables_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"{tmp_path}: no articles.csv"):
        read_corpus(tmp_path)


@pytest.mark.slow
def test_corpus_command_writes_the_corpus_reports(tmp_path):
    folder = write_corpus(tmp_path / "corpus")
    assert run_corpus(folder, tmp_path / "tables", jobs=1, quiet=True, reports=True) == 0
    pages = sorted((tmp_path / "tables" / "reports" / "corpus").glob("*.html"))
    assert [p.stem for p in pages] == ["c01_corpus", "c02_words_over_time", "c03_slogans", "c04_claims"]
    claims = pages[-1].read_text(encoding="utf-8")
    assert "4 claims reported by several articles, 1 flagged" in claims
    assert claims.count("<img") == 4 and 'data-mime-type="application/vnd.jupyter.stderr"' not in claims
    index = (tmp_path / "tables" / "reports" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="corpus/{p.name}"' in index for p in pages)
