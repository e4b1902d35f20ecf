"""Corpus exports other tools read: segmented texts (AntConc, Voyant), an AntConc word list, a document-term matrix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.files import atomic_path, write_text

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


def write_document_term_matrix(out: Path, vocabulary: list[str], pairs: int) -> Path:
    """The counts of word_frequencies_by_article.csv as a sparse Matrix Market file (rows: the articles of
    articles.csv, columns: the words of word_frequencies.csv; `pairs`: how many (article, word) counts there are),
    with its document and vocabulary lists. Written as it is read, a chunk at a time, so memory does not grow with
    the corpus: the layout scipy.io.mmwrite gives, which scipy.io.mmread and R's Matrix::readMM read."""
    documents = pd.read_csv(out / "articles.csv", usecols=["article"], dtype=str, keep_default_na=False)["article"]
    row_of = {name: i for i, name in enumerate(documents, 1)}
    column_of = {word: i for i, word in enumerate(vocabulary, 1)}
    write_text(out / DOCUMENTS, "".join(f"{name}\n" for name in documents))
    write_text(out / VOCABULARY, "".join(f"{word}\n" for word in vocabulary))
    frequencies = pd.read_csv(out / "word_frequencies_by_article.csv", dtype={"article": str, "word": str},
                              keep_default_na=False, chunksize=500_000)
    with atomic_path(out / MATRIX) as tmp, tmp.open("w", encoding="ascii", newline="\n") as file:
        file.write(f"%%MatrixMarket matrix coordinate integer general\n%\n{len(documents)} {len(vocabulary)} {pairs}\n")
        for chunk in frequencies:
            rows, columns = chunk["article"].map(row_of), chunk["word"].map(column_of)
            file.writelines(f"{i} {j} {n}\n" for i, j, n in zip(rows, columns, chunk["count"], strict=True))
    return out / MATRIX


def write_exports(out: Path, counts: list[tuple[str, int]], pairs: int) -> None:
    """The word list and the document-term matrix of a corpus run, from its overall counts in word_frequencies.csv's
    order and the number of (article, word) counts (the segmented texts are written per partition)."""
    write_text(out / WORD_LIST, word_list_text(counts))
    write_document_term_matrix(out, [word for word, _ in counts], pairs)
