"""The word-frequency study: segmentation of the article's Traditional text, counts, concordance and quotations."""

from collections import Counter

import pytest

from analysis import concordance, load_article, quoted_phrases, tokenize, word_frequencies
from analysis.reading.characters import is_word
from analysis.words.frequency import word_counts
from analysis.words.stopwords import is_stop_word

INSTITUTIONAL_TERMS = ["寶安區", "黨工委", "黨員", "群眾", "西鄉街道"]


@pytest.fixture(scope="module")
def tokens(article):
    """The article's tokens with parts of speech."""
    return tokenize(article.text)


@pytest.fixture(scope="module")
def frequencies(article):
    """The article's word frequencies."""
    return word_frequencies(article)


def test_app_name_is_one_token_counted_at_every_occurrence(article, tokens, frequencies):
    starts = {t.start for t in tokens if t.word == "學習強國"}
    assert starts == {i for i in range(len(article.text)) if article.text.startswith("學習強國", i)}
    count = frequencies.set_index("word").loc["學習強國", "count"]
    assert count == article.text.count("學習強國") == 34


@pytest.mark.parametrize("term", INSTITUTIONAL_TERMS)
def test_institutional_terms_are_whole_tokens(tokens, term):
    assert term in {t.word for t in tokens}


def test_party_work_committee_is_whole_at_all_seven_places(article, tokens):
    assert sum(t.word == "黨工委" for t in tokens) == article.text.count("黨工委") == 7


def test_top_30_has_no_stop_word_punctuation_or_digit(frequencies):
    top = frequencies.head(30)["word"]
    assert not [w for w in top if is_stop_word(w) or not is_word(w) or any(c.isdigit() for c in w)]


def test_app_name_is_the_most_frequent_word(frequencies):
    assert frequencies.iloc[0]["word"] == "學習強國"
    assert frequencies.iloc[0]["count"] > frequencies.iloc[1]["count"]


def test_frequencies_are_sorted_and_shares_sum_to_one(frequencies):
    assert list(frequencies.itertuples(index=False)) == sorted(
        frequencies.itertuples(index=False), key=lambda row: (-row.count, row.word))
    assert frequencies["share"].sum() == pytest.approx(1)


def test_token_offsets_slice_the_traditional_text(article, tokens):
    assert all(article.text[t.start:t.end] == t.word for t in tokens)
    assert "".join(t.word for t in tokens) == article.text


def test_fast_path_gives_the_same_tokens_as_the_tagged_path(article, tokens):
    fast = tokenize(article.text, pos=False)
    assert [(t.word, t.start) for t in fast] == [(t.word, t.start) for t in tokens]


def test_big5_with_fullwidth_punctuation_gives_the_same_frequencies(article, frequencies, tmp_path):
    fullwidth_digits = str.maketrans("0123456789", "０１２３４５６７８９")
    text = article.raw_text.replace("\xa0", "\u3000").replace(",", "，").translate(fullwidth_digits)
    path = tmp_path / "article-big5.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("big5hkscs"))
    assert word_frequencies(load_article(path)).equals(frequencies)


@pytest.mark.parametrize("word", ["學習強國", "黨員"])
def test_concordance_has_the_word_at_the_centre(article, word):
    lines = concordance(article, word)
    assert len(lines) == sum(t.word == word for t in tokenize(article.text, pos=False))
    for row in lines.itertuples():
        assert row.word == word
        assert f"{row.left}{row.word}{row.right}" in article.text
        assert len(row.left) <= 15 and len(row.right) <= 15


def test_quoted_phrase_counts_match_the_text(article):
    phrases = quoted_phrases(article)
    for row in phrases.itertuples():
        assert row.count == article.text.count(f"「{row.phrase}」") + article.text.count(f"『{row.phrase}』")
    top = phrases.set_index("phrase")["count"]
    assert top["學習強國"] == 28
    assert {"西鄉示範", "精神譜系", "四史"} <= set(top.index)


def test_fast_counts_agree_with_the_tokens(article):
    tokens = tokenize(article.text, pos=False)
    expected = Counter(t.word for t in tokens if is_word(t.word) and not is_stop_word(t.word))
    assert word_counts(article.text) == expected
