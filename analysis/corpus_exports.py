"""Corpus exports other tools read: segmented texts (AntConc, Voyant), an AntConc word list, a document-term matrix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.exporting import atomic_path, write_text

WORD_LIST = "antconc_word_list.txt"
MATRIX = "document_term.mtx"
VOCABULARY = "document_term_vocabulary.txt"
DOCUMENTS = "document_term_documents.txt"


def write_segmented_text(folder: Path, article: str, lines: list[str]) -> Path:
    """An article's tokens separated by spaces, one paragraph a line, UTF-8: AntConc and Voyant read it as it is."""
    return write_text(folder / f"{Path(article).stem}.txt", "".join(f"{line}\n" for line in lines))


def word_list_text(counts: list[tuple[str, int]]) -> str:
    """An AntConc 3 word list as its "Save Output" writes it: word types, tokens and search hits, then one
    tab-separated line per word: rank, frequency, word."""
    header = [f"#Word Types: {len(counts)}", f"#Word Tokens: {sum(n for _, n in counts)}", "#Search Hits: 0"]
    rows = [f"{rank}\t{n}\t{word}" for rank, (word, n) in enumerate(counts, 1)]
    return "".join(f"{line}\n" for line in header + rows)


def write_document_term_matrix(out: Path, vocabulary: list[str]) -> Path:
    """The counts of word_frequencies_by_article.csv as a sparse Matrix Market file (rows: the articles of
    articles.csv, columns: the words of word_frequencies.csv), with its document and vocabulary lists."""
    import numpy as np
    import scipy.io
    import scipy.sparse

    documents = pd.read_csv(out / "articles.csv", usecols=["article"], dtype=str, keep_default_na=False)["article"]
    row_of = {name: i for i, name in enumerate(documents)}
    column_of = {word: i for i, word in enumerate(vocabulary)}
    rows, columns, counts = [], [], []
    frequencies = pd.read_csv(out / "word_frequencies_by_article.csv", dtype={"article": str, "word": str},
                              keep_default_na=False, chunksize=500_000)
    for chunk in frequencies:
        rows.append(chunk["article"].map(row_of).to_numpy(dtype=np.int64))
        columns.append(chunk["word"].map(column_of).to_numpy(dtype=np.int64))
        counts.append(chunk["count"].to_numpy(dtype=np.int64))
    joined = [np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64) for parts in (rows, columns, counts)]
    matrix = scipy.sparse.coo_matrix((joined[2], (joined[0], joined[1])), shape=(len(documents), len(vocabulary)))
    write_text(out / DOCUMENTS, "".join(f"{name}\n" for name in documents))
    write_text(out / VOCABULARY, "".join(f"{word}\n" for word in vocabulary))
    # to an open file: given a path, mmwrite adds .mtx to a name that does not end in it (the temporary one)
    with atomic_path(out / MATRIX) as tmp, tmp.open("wb") as file:
        scipy.io.mmwrite(file, matrix, field="integer")
    return out / MATRIX


def write_exports(out: Path, counts: list[tuple[str, int]]) -> None:
    """The word list and the document-term matrix of a corpus run, from its overall counts in word_frequencies.csv's
    order (the segmented texts are written per partition)."""
    write_text(out / WORD_LIST, word_list_text(counts))
    write_document_term_matrix(out, [word for word, _ in counts])
