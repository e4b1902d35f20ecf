"""Claims across articles: the same subject, unit and place in several articles, and figures that cannot both be
true, on a generated corpus of two sub-districts over two years."""

import math

import pandas as pd
import pytest
from corpus_articles import ARTICLES, BAD, CONTRADICTION, NOT_AN_ARTICLE, write_corpus

from analysis.corpus.analysing import run_corpus
from analysis.corpus.claims import CLAIM_COLUMNS, conflicts, interval, place_of, places, unit_family


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """The corpus command's output for the generated corpus, in two processes."""
    folder = write_corpus(tmp_path_factory.mktemp("claims") / "corpus")
    assert run_corpus(folder, folder.parent / "out", jobs=2, quiet=True) == 0
    return folder.parent / "out"


def read(out, name):
    """A table of the run."""
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False)


def test_bad_files_are_listed_with_their_problem(out):
    errors = read(out, "errors").set_index("article")["error"]
    assert sorted(errors.index) == sorted([*BAD, NOT_AN_ARTICLE])
    for name, problem in BAD.items():
        assert problem in errors[name]
    assert "2021-02-30" in errors[NOT_AN_ARTICLE] and "line" in errors[NOT_AN_ARTICLE]


def test_claims_find_the_registrations_each_sub_district_reports_over_time(out):
    claims = read(out, "claims")
    assert list(claims.columns) == CLAIM_COLUMNS
    registered = claims[claims["subject"] == "注册人数"]
    for place in ("新安街道", "福永街道"):
        reports = registered[registered["place"] == place]
        assert reports["claim"].nunique() == 1, "one claim per place"
        names = [a.name for a in ARTICLES if a.place == place and a.script == "traditional"]
        assert set(names) <= set(reports["article"]), place
        assert reports["published"].is_monotonic_increasing
        assert reports["cumulative"].all()
        for row in reports.itertuples():
            assert row.text in row.sentence and "累" in row.sentence
            generated = next(a for a in ARTICLES if a.name == row.article)
            assert row.value == float(generated.registered.replace(",", ""))
    assert set(registered["place"]) == {"新安街道", "福永街道"}, "the two sub-districts are not one claim"


def test_the_contradicting_pair_is_flagged_and_nothing_else(out):
    flags = read(out, "contradictions")
    assert len(flags) == 1, flags.to_string()
    flag = flags.iloc[0]
    assert (flag["article"], flag["other_article"]) == CONTRADICTION
    assert flag["reason"] == "cumulative count smaller than an earlier report"
    assert (flag["subject"], flag["unit"], flag["place"]) == ("注册人数", "人", "新安街道")
    assert (flag["text"], flag["other_text"]) == ("12,500人", "9,800人")
    assert flag["published"] < flag["other_published"]


def figures(*rows):
    """A claims table of one claim from (article, published, value, bound, cumulative) rows."""
    table = []
    for article, published, value, bound, cumulative in rows:
        low, high = interval(value, bound)
        table.append({"claim": 1, "subject": "黨員", "unit": "人", "place": "西乡街道", "cumulative": cumulative,
                      "article": article, "published": published, "text": f"{value:g}人", "value": value,
                      "bound": bound, "low": low, "high": high, "sentence": ""})
    return pd.DataFrame(table, columns=CLAIM_COLUMNS)


def test_same_day_figures_conflict_only_when_none_can_both_be_true():
    day = "2021-07-29T10:24:00+08:00"
    assert conflicts(figures(("a", day, 5071, "exact", False), ("b", day, 5071, "exact", False))).empty
    assert conflicts(figures(("a", day, 5000, "lower", False), ("b", day, 5071, "exact", False))).empty
    assert conflicts(figures(("a", day, 5000, "approximate", False), ("b", day, 5071, "exact", False))).empty
    # several figures of one subject in one article count different things: not compared
    assert conflicts(figures(("a", day, 2, "exact", False), ("a", day, 5071, "exact", False),
                             ("b", day, 4000, "exact", False))).empty
    three = conflicts(figures(("a", day, 5000, "lower", False), ("b", day, 5100, "upper", False),
                              ("c", day, 5200, "exact", False)))
    assert three[["article", "other_article"]].values.tolist() == [["b", "c"]]
    flagged = conflicts(figures(("a", day, 5071, "exact", False), ("b", day, 4800, "exact", False)))
    assert flagged[["article", "other_article", "reason"]].values.tolist() == [["a", "b", "same date, figures differ"]]


def test_only_a_cumulative_count_must_not_shrink():
    early, late = "2021-01-05T09:00:00+08:00", "2022-01-05T09:00:00+08:00"
    assert len(conflicts(figures(("a", early, 900, "exact", True), ("b", late, 800, "exact", True)))) == 1
    assert conflicts(figures(("a", early, 900, "exact", False), ("b", late, 800, "exact", False))).empty
    assert conflicts(figures(("a", early, 900, "exact", True), ("b", late, 800, "lower", True))).empty
    assert conflicts(figures(("a", early, 900, "upper", True), ("b", late, 800, "exact", True))).empty
    assert conflicts(figures(("a", early, 900, "exact", True), ("b", "", 800, "exact", True))).empty
    growing = [(f"a{i}", f"2021-{i:02d}-01T09:00:00+08:00", 100 * i, "exact", True) for i in range(1, 10)]
    assert conflicts(figures(*growing)).empty
    dip = conflicts(figures(*growing, ("z", "2021-12-01T09:00:00+08:00", 850, "exact", True)))
    assert dip[["article", "text", "other_article"]].values.tolist() == [["a9", "900人", "z"]]


def test_place_words_are_split_at_each_administrative_unit():
    assert [p for p, _ in places("深圳市寶安區福永街道註冊人數達8,200人")] == ["深圳市", "宝安区", "福永街道"]
    sentence = "寶安區新安街道有3500名黨員,福永街道有2100名"
    assert place_of(sentence, sentence.index("3500"), "") == "新安街道"
    assert place_of(sentence, sentence.index("2100"), "") == "福永街道"
    assert place_of("全體黨員有120人", 5, "【基層治理】寶安區西鄉街道推廣") == "西乡街道"
    assert place_of("全體黨員有120人", 5, "") == ""


def test_units_of_one_family_match():
    assert unit_family("名", "count") == unit_family("位", "count") == unit_family("人", "count") == "人"
    assert unit_family("", "percent") == "%"
    assert unit_family("個", "count") == "个"
    assert interval(10, "lower") == (10, math.inf) and interval(10, "upper") == (-math.inf, 10)
