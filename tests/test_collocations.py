"""Collocations: collocates within a window (observed, expected, MI, G² against values worked out by hand), clusters
around a word, and the sentence co-occurrence network of the main words with its chart; the same measures over a
corpus's segmented texts, both scripts one word."""

import hashlib
import itertools
import math
from collections import Counter

import pandas as pd
import pytest
from report_articles import SHORT, write

from analysis import load_article, tokenize, word_frequencies
from analysis.corpus.charts import plot_corpus_network
from analysis.corpus.partitions import segmented_lines
from analysis.corpus.study import corpus_collocates, corpus_cooccurrences
from analysis.reading.sentences import token_sentences
from analysis.reports.findings import collocation_finding, network_finding
from analysis.reports.word_charts import label_box, plot_cooccurrence_network, separated
from analysis.words.collocations import (
    COLUMNS,
    association,
    clusters,
    collocates,
    cooccurrences,
    main_collocates,
    matches,
    run_positions,
)
from analysis.words.frequency import frequency_table

# eight words, no stop word: cat at positions 0, 3 and 6
ANIMALS = "cat dog fish cat bird dog cat fish"


def test_association_of_a_two_by_two_table_worked_by_hand():
    # O11 = 2 in a window of R1 = 5 positions, C1 = 2 in N = 8: E11 = 5·2/8 = 1.25, MI = log2(2/1.25) = log2 1.6;
    # the other cells: O12 = 3 (E 5·6/8 = 3.75), O21 = 0 (E 3·2/8 = 0.75), O22 = 3 (E 3·6/8 = 2.25)
    expected, mi, g2 = association(2, 5, 2, 8)
    assert expected == 1.25
    assert mi == pytest.approx(0.678072, abs=1e-6)
    assert g2 == pytest.approx(2 * (2 * math.log(1.6) + 3 * math.log(0.8) + 3 * math.log(3 / 2.25)))
    assert g2 == pytest.approx(2.267246, abs=1e-6)  # 2 (0.940007 − 0.669431 + 0.863046)


def test_collocates_one_word_either_side_by_hand():
    # windows of cat (1L-1R): {1}, {2, 4}, {5, 7} → 5 positions: dog at 1 and 5, fish at 2 and 7, bird at 4
    table = collocates(ANIMALS, "cat", 1, 1)
    assert list(table.columns) == COLUMNS
    rows = {r.collocate: (r.window, r.observed, r.expected, r.mi, r.log_likelihood) for r in table.itertuples()}
    assert rows == {"dog": ("1L-1R", 2, 1.25, 0.678, 2.267), "fish": ("1L-1R", 2, 1.25, 0.678, 2.267),
                    # bird: O11 = 1, E11 = 5·1/8 = 0.625; O12 = 4 (E 4.375), O21 = 0, O22 = 3 (E 3·7/8 = 2.625)
                    "bird": ("1L-1R", 1, 0.625, 0.678, 1.024)}
    assert list(table["collocate"]) == ["dog", "fish", "bird"], "strongest first, ties by word"


def test_overlapping_windows_count_each_position_once_and_never_the_node():
    # cat at 0 and 1: windows {1} and {0, 2} less the node's own positions → {2}: R1 = 1, N = 3, dog once in all;
    # E = 1/3, MI = log2 3, G² = 2 (1·ln 3 + 2·ln(2 / (2·2/3)))
    table = collocates("cat cat dog", "cat", 1, 1)
    assert list(table["collocate"]) == ["dog"]
    row = table.iloc[0]
    assert (row.observed, row.expected, row.mi) == (1, 0.333, 1.585)
    assert row.log_likelihood == pytest.approx(2 * (math.log(3) + 2 * math.log(1.5)), abs=1e-3)


def test_a_window_to_one_side_only():
    # two words to the left of each cat: {} at 0, {1, 2} at 3, {4, 5} at 6
    table = collocates(ANIMALS, "cat", 2, 0)
    assert dict(zip(table["collocate"], table["observed"], strict=True)) == {"dog": 2, "fish": 1, "bird": 1}
    assert set(table["window"]) == {"2L-0R"}
    assert table.set_index("collocate").loc["fish", "expected"] == pytest.approx(4 * 2 / 8)


def test_the_node_is_found_in_either_script_and_only_as_whole_words():
    text = "黨員學習強國，黨員工作。党员学习。"
    tokens = tokenize(text, pos=False)
    assert matches(text, tokens, "党员") == matches(text, tokens, "黨員") == [(0, 2), (7, 9), (12, 14)]
    assert matches(text, tokens, "學習") == [(14, 16)], "學習 inside 學習強國 is part of a longer word"
    assert matches(text, tokens, "學習", whole=False) == [(2, 4), (14, 16)]
    assert matches(text, tokens, " ") == []


def test_collocates_on_the_article_follow_its_windows(article):
    table = collocates(article.text, "學習強國")
    assert table["observed"].ge(1).all() and table["expected"].gt(0).all()
    assert not table["collocate"].eq("學習強國").any()
    # MI is log2(observed / expected), within the rounding of both
    assert (table["mi"] - (table["observed"] / table["expected"]).map(math.log2)).abs().max() < 0.01
    assert table["log_likelihood"].is_monotonic_decreasing


def test_clusters_hold_the_node_within_a_clause_with_frequency_and_range():
    # clauses: [cat dog fish] [cat dog fish] on line 1, [cat dog bird] [dog cat dog] on line 2
    table = clusters("cat dog fish, cat dog fish.\ncat dog bird, dog cat dog", "dog")
    rows = {r.cluster: (r.words, r.frequency, r.range) for r in table.itertuples()}
    # "dog cat dog" holds dog twice but is one cluster, seen once: not recurrent
    assert rows == {"cat dog": (2, 4, 2), "cat dog fish": (3, 2, 1), "dog fish": (2, 2, 1)}
    assert list(table["cluster"]) == ["cat dog", "cat dog fish", "dog fish"]
    assert clusters("fish, dog", "dog").empty


def test_cooccurrence_edges_are_jaccard_of_sentences_by_hand():
    # sentences: cat dog | cat dog fish | fish bird | cat dog fish | bird
    text = "cat dog。cat dog fish。fish bird。cat dog fish。bird。"
    table = cooccurrences(text)
    rows = {(r.source, r.target): (r.sentences, r.jaccard) for r in table.itertuples()}
    # cat, dog {0, 1, 3}; fish {1, 2, 3}; bird {2, 4}: fish and bird share one sentence only
    assert rows == {("cat", "dog"): (3, 1.0), ("cat", "fish"): (2, 0.5), ("dog", "fish"): (2, 0.5)}
    assert list(cooccurrences(text, terms=2)[["source", "target"]].itertuples(index=False, name=None)) == [
        ("cat", "dog")]
    assert len(cooccurrences(text, top=1)) == 1


def test_network_chart_is_the_same_bytes_every_time(article, tmp_path):
    edges = cooccurrences(article.text)
    digests = []
    for run in ("a", "b"):
        plot_cooccurrence_network(article, edges, tmp_path / run)
        digests.append([hashlib.sha256((tmp_path / run / f"cooccurrence_network.{ext}").read_bytes()).hexdigest()
                        for ext in ("png", "svg", "csv")])
    assert digests[0] == digests[1]
    drawn = pd.read_csv(tmp_path / "a" / "cooccurrence_network.csv")
    assert len(drawn) == len(edges) == 40


def test_the_networks_words_are_moved_apart_until_no_two_labels_overlap():
    # three words laid out on top of one another, and one far away that stays where it was
    layout = {"甲": (0.0, 0.0), "乙乙乙乙": (0.01, 0.0), "丙": (0.0, 0.01), "丁": (0.9, 0.9)}
    boxes = {word: label_box(word, 150) for word in layout}
    moved = separated(layout, boxes)
    for a, b in itertools.combinations(moved, 2):
        assert any(abs(moved[a][axis] - moved[b][axis]) >= boxes[a][axis] + boxes[b][axis] - 1e-9 for axis in (0, 1))
    assert moved["丁"] == layout["丁"]
    assert separated(layout, boxes) == moved
    assert label_box("乙乙乙乙", 150)[0] > label_box("甲", 150)[0]  # a longer label takes more room


def test_findings_follow_the_tables(article):
    frequencies = word_frequencies(article)
    table = main_collocates(article.text, list(frequencies["word"].head(2)))
    text = collocation_finding(table)
    top = table[(table["node"] == frequencies["word"].iloc[0]) & (table["observed"] >= 2)].iloc[0]
    assert f"{top.node}: {top.collocate}, seen {top.observed} times in the 5 words before and 5 after it" in text
    edges = cooccurrences(article.text)
    strongest = edges.iloc[0]
    assert f"The strongest pair is {strongest.source} and {strongest.target}" in network_finding(edges)


def test_an_article_with_too_few_words_has_no_network_and_says_so(tmp_path):
    short = load_article(write(tmp_path, "short", SHORT))
    edges = cooccurrences(short.text)
    assert edges.empty
    assert plot_cooccurrence_network(short, edges, tmp_path) is None
    assert not list(tmp_path.glob("cooccurrence_network.*"))
    assert network_finding(edges).startswith("**Result.** No two of the article's most frequent words share")
    assert "no collocates" in collocation_finding(main_collocates(short.text, []))
    # 閱讀 has the title's one word near it, once
    once = main_collocates(short.text, ["閱讀"])
    assert list(once["observed"]) == [1]
    assert "閱讀: no word occurs 2 times or more in the 5 words before and 5 after it." in collocation_finding(once)


def corpus_of(*texts: str) -> list[list[list[str]]]:
    """Segmented texts as a corpus run writes them (texts/*.txt): each article's lines of tokens."""
    return [[line.split(" ") for line in segmented_lines(text)[0]] for text in texts]


def test_the_corpus_measures_are_the_articles_on_the_same_tokens(article):
    # one article as a corpus: its segmented text and its counts give the article's own tables, row for row
    lines, counts = segmented_lines(article.text)
    frequencies = frequency_table(counts)
    nodes = list(frequencies["word"].head(5))
    texts = [[line.split(" ") for line in lines]]
    assert corpus_collocates(texts, frequencies, nodes).equals(main_collocates(article.text, nodes))
    assert corpus_cooccurrences(texts, frequencies).equals(cooccurrences(article.text))
    # and the worked example: the same numbers as collocates()
    assert corpus_collocates(corpus_of(ANIMALS), frequency_table(Counter(ANIMALS.split())),
                             ["cat"], 1, 1).equals(collocates(ANIMALS, "cat", 1, 1))


def test_corpus_windows_add_up_articles_and_never_cross_from_one_into_the_next():
    # cat dog fish cat | bird fish: windows (1L-1R) {dog}, {fish} in the first only; read as one text, the second
    # cat's window would take bird. R1 = 2, N = 6: dog O 1, C 1, E 2·1/6; fish O 1, C 2, E 2·2/6
    texts = [[["cat", "dog", "fish", "cat"]], [["bird", "fish"]]]
    frequencies = pd.DataFrame({"word": ["cat", "fish", "bird", "dog"], "count": [2, 2, 1, 1]})
    rows = {r.collocate: (r.observed, r.expected, r.mi) for r in
            corpus_collocates(texts, frequencies, ["cat"], 1, 1).itertuples()}
    assert rows == {"dog": (1, 0.333, 1.585), "fish": (1, 0.667, 0.585)}


def test_both_scripts_are_one_word_in_the_corpus_by_hand():
    # 黨員 學習 平台 | 党员 学习 。 学习 — node either form, 1L-1R: 学习 twice in R1 = 2 positions; C1 = 3, N = 6:
    # E = 1, MI = 1; G² = 2 (2 ln 2 + 1 ln(1/2) + 3 ln(3/2)) over the cells O11 2, O12 0, O21 1 (E 2), O22 3 (E 2)
    texts = [[["黨員", "學習", "平台"]], [["党员", "学习", "。", "学习"]]]
    frequencies = pd.DataFrame({"word": ["學習", "黨員", "平台"], "count": [3, 2, 1]})
    for node in ("党员", "黨員"):
        table = corpus_collocates(texts, frequencies, [node], 1, 1)
        assert list(table["collocate"]) == ["學習"], "one word, in the form the corpus tables show"
        row = table.iloc[0]
        assert (row.observed, row.expected, row.mi) == (2, 1.0, 1.0)
        assert row.log_likelihood == pytest.approx(2 * (math.log(2) + 3 * math.log(1.5)), abs=1e-3)
    assert run_positions(["党员", "学习", "强国"], "學習強國") == [range(1, 3)], "a phrase is a run of words"
    # sentences: 黨員 學習 。| 黨員 學習 ！？| 党员 学习 。: both words in all three
    edges = corpus_cooccurrences([[["黨員", "學習", "。", "黨員", "學習", "！", "？"]], [["党员", "学习", "。"]]],
                                 pd.DataFrame({"word": ["黨員", "學習"], "count": [3, 3]}))
    assert edges[["source", "target", "sentences", "jaccard"]].values.tolist() == [["學習", "黨員", 3, 1.0]]


def test_a_line_of_tokens_splits_into_sentences_after_their_end_marks():
    found = token_sentences(["甲", "。", "」", "乙", "！", "？", "丙"])
    assert found == [["甲", "。"], ["」", "乙", "！", "？"], ["丙"]]
    assert token_sentences([]) == []


def test_corpus_network_chart_is_the_same_bytes_every_time(article, tmp_path):
    lines, counts = segmented_lines(article.text)
    edges = corpus_cooccurrences([*corpus_of(article.text), [line.split(" ") for line in lines]],
                                 frequency_table(counts + counts))
    digests = []
    for run in ("a", "b"):
        plot_corpus_network(edges, tmp_path / run)
        digests.append([hashlib.sha256((tmp_path / run / f"cooccurrence_network.{ext}").read_bytes()).hexdigest()
                        for ext in ("png", "svg", "csv")])
    assert digests[0] == digests[1]
    drawn = pd.read_csv(tmp_path / "a" / "cooccurrence_network.csv")
    twice = 2 * cooccurrences(article.text)["sentences"]
    assert drawn["sentences"].tolist() == edges["sentences"].tolist() == twice.tolist(), "the article twice"
    assert plot_corpus_network(edges.iloc[:0], tmp_path / "none") is None
