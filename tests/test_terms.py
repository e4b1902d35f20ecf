"""Candidate terms per article: which of the article's own terms the segmentation splits, so a researcher sees what
to add to the user dictionary."""

import pytest
from articles import write_article
from report_articles import LIBRARY, write

from analysis import load_article
from analysis.words.terms import check_terms, terms_to_add


@pytest.fixture(scope="module")
def seed_terms(article):
    """The study's article's candidate terms, checked."""
    return check_terms(article).set_index("term")


def test_the_user_dictionary_keeps_the_seeds_terms_whole(seed_terms):
    for term, n in (("學習強國", 34), ("西鄉街道", 17), ("精神譜系", 5)):
        row = seed_terms.loc[term]
        assert (row.occurrences, row.whole, row.split) == (n, n, 0)
        assert "user dictionary" in row.source


def test_a_name_inside_a_longer_name_is_not_a_split(seed_terms):
    row = seed_terms.loc["西鄉"]
    assert row.source == "name" and row.split == 0 and row.whole + row.inside_longer == row.occurrences


def test_repeated_runs_of_nouns_are_candidates(article, seed_terms):
    row = seed_terms.loc["深圳市寶安區"]
    assert (row.source, row.occurrences, row.split, row.split_as) == ("repeated", 6, 6, "深圳市/寶安區")
    to_add = set(terms_to_add(check_terms(article))["term"])
    assert "深圳市寶安區" in to_add and "學習強國" not in to_add and "西鄉" not in to_add


def test_a_new_articles_quoted_term_that_jieba_splits_is_listed(tmp_path):
    checked = check_terms(load_article(write(tmp_path, "library", LIBRARY)))
    row = terms_to_add(checked).set_index("term").loc["閱讀同行"]
    assert (row.source, row.occurrences, row.whole, row.split, row.split_as) == ("quoted", 5, 0, 5, "閱讀/同行")
    assert "學習強國" not in set(checked["term"]), "only the article's own terms are checked"


def test_a_term_split_fewer_than_three_times_is_not_proposed(tmp_path):
    text = ["區議會推出「共享空間」計劃。", "共享空間今年開放。"]
    checked = check_terms(load_article(write_article(tmp_path / "a.txt", "標題", text)))
    assert checked.set_index("term").loc["共享空間", "split"] == 2
    assert terms_to_add(checked).empty
    assert list(terms_to_add(checked, min_count=2)["term"]) == ["共享空間"]
