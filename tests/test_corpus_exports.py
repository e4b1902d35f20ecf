"""Corpus exports other tools read: segmented texts, the AntConc word list and the document-term matrix agree with
the per-article frequencies."""

from collections import Counter

import pandas as pd
import pytest
import scipy.io
from corpus_articles import ARTICLES, write_corpus

from analysis import load_article, word_frequencies
from analysis.corpus.analysing import run_corpus
from analysis.corpus.exports import DOCUMENTS, MATRIX, VOCABULARY, WORD_LIST, word_list_text
from analysis.reading.characters import is_word
from analysis.reading.script import word_key
from analysis.words.stopwords import is_stop_word

GOOD = [a.name for a in ARTICLES]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The generated corpus (both scripts, three encodings and line ends, bad files) run in one process."""
    folder = write_corpus(tmp_path_factory.mktemp("exports") / "corpus")
    out = folder.parent / "out"
    assert run_corpus(folder, out, jobs=1, quiet=True) == 0
    return folder, out


def read(out, name):
    """A table of the run."""
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False)


def test_segmented_text_is_the_article_line_by_line_with_spaces_between_tokens(run):
    folder, out = run
    assert sorted(p.name for p in (out / "texts").iterdir()) == GOOD
    by_article = read(out, "word_frequencies_by_article")
    for name in GOOD:
        article = load_article(folder / name)
        raw = (out / "texts" / name).read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        lines = raw.decode("utf-8").splitlines()
        expected = [line for line in article.text.split("\n") if line.strip()]
        assert [line.replace(" ", "") for line in lines] == [line.replace(" ", "") for line in expected]
        assert all("  " not in line and line == line.strip() for line in lines)
        # the text in the article's script, the table in the corpus's: the same words under their keys
        tokens = Counter(word_key(t) for line in lines for t in line.split() if is_word(t) and not is_stop_word(t))
        rows = by_article[by_article["article"] == name]
        assert tokens == Counter(dict(zip(rows["word"].map(word_key), rows["count"], strict=True))), name


def test_word_list_is_antconcs_layout_of_the_overall_frequencies(run):
    _, out = run
    overall = read(out, "word_frequencies")
    lines = (out / WORD_LIST).read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [f"#Word Types: {len(overall)}", f"#Word Tokens: {overall['count'].sum()}", "#Search Hits: 0"]
    rows = [line.split("\t") for line in lines[3:]]
    assert [int(rank) for rank, _, _ in rows] == list(range(1, len(overall) + 1))
    assert [(word, int(n)) for _, n, word in rows] == list(zip(overall["word"], overall["count"], strict=True))


def test_word_list_of_nothing_has_only_its_header():
    assert word_list_text([]) == "#Word Types: 0\n#Word Tokens: 0\n#Search Hits: 0\n"
    assert word_list_text([("黨員", 3), ("街道", 3), ("學習", 1)]).splitlines()[3:] == [
        "1\t3\t黨員", "2\t3\t街道", "3\t1\t學習"]


def test_document_term_matrix_holds_every_count_of_every_article(run):
    _, out = run
    documents = (out / DOCUMENTS).read_text(encoding="utf-8").splitlines()
    vocabulary = (out / VOCABULARY).read_text(encoding="utf-8").splitlines()
    assert documents == read(out, "articles")["article"].tolist()
    assert vocabulary == read(out, "word_frequencies")["word"].tolist()
    matrix = scipy.io.mmread(out / MATRIX).tocsr()
    assert matrix.shape == (len(documents), len(vocabulary))
    assert matrix.dtype.kind == "i"
    by_article = read(out, "word_frequencies_by_article")
    assert matrix.nnz == len(by_article)
    for name, word, count in by_article.itertuples(index=False):
        assert matrix[documents.index(name), vocabulary.index(word)] == count
    assert matrix.sum(axis=0).A1.tolist() == read(out, "word_frequencies")["count"].tolist()
    assert matrix.sum(axis=1).A1.tolist() == read(out, "articles")["words"].tolist()


def test_document_term_matrix_is_written_as_scipy_writes_it(run, tmp_path):
    import io

    import scipy.sparse

    _, out = run
    documents = read(out, "articles")["article"].tolist()
    vocabulary = read(out, "word_frequencies")["word"].tolist()
    by_article = read(out, "word_frequencies_by_article")
    rows = [documents.index(name) for name in by_article["article"]]
    columns = [vocabulary.index(word) for word in by_article["word"]]
    counts = scipy.sparse.coo_matrix((by_article["count"], (rows, columns)), shape=(len(documents), len(vocabulary)))
    written = io.BytesIO()
    scipy.io.mmwrite(written, counts, field="integer")
    assert (out / MATRIX).read_bytes() == written.getvalue()


def test_frequencies_of_both_scripts_are_the_studys(run):
    folder, out = run
    by_article = read(out, "word_frequencies_by_article")
    articles = read(out, "articles").set_index("article")
    shown = set(read(out, "word_frequencies")["word"])
    for generated in ARTICLES:
        expected = word_frequencies(load_article(folder / generated.name))
        rows = by_article[by_article["article"] == generated.name]
        # the corpus counts each word under one key, shown in one form whatever the article's script
        assert dict(zip(rows["word"].map(word_key), rows["count"], strict=True)) == dict(
            zip(expected["word"].map(word_key), expected["count"], strict=True))
        assert set(rows["word"]) <= shown
        assert articles.loc[generated.name, "script"] == generated.script
