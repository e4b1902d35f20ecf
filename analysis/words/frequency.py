"""Word counts of an article: stop words, frequencies, counts at each step, concordance and quoted phrases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pandas as pd

from analysis.reading.characters import INNER_QUOTES, QUOTES, is_han, is_word
from analysis.words.segmenting import cut, tokenize, words
from analysis.words.stopwords import is_stop_word

# a quote and a quote within a quote: corner brackets in Traditional text, curly quotes in Simplified text, each
# counted under its corner-bracket column
QUOTE_MARKS = {
    column: [re.compile(f"{pair[0]}([^{pair}\n]+){pair[1]}") for pair in pairs]
    for column, pairs in (("「」", QUOTES), ("『』", INNER_QUOTES))
}


def pieces(text: str) -> Iterator[str]:
    """The pieces of `text` in its own script, punctuation and spaces included: tokenize(text, pos=False)'s words."""
    return iter(cut(text))


def counted(counts: Counter[str]) -> Counter[str]:
    """The counts of the words the study counts: no punctuation, whitespace, bare numbers or stop words."""
    return Counter({word: n for word, n in counts.items() if is_word(word) and not is_stop_word(word)})


def word_counts(text: str) -> Counter[str]:
    """How often each word of `text` that the study counts occurs."""
    return counted(Counter(pieces(text)))


def frequency_table(counts: Counter) -> pd.DataFrame:
    """word, count, share of all counted words; most frequent first, ties in word order."""
    table = pd.DataFrame(sorted(counts.items(), key=lambda item: (-item[1], item[0])), columns=["word", "count"])
    table["share"] = table["count"] / table["count"].sum()
    return table


def word_frequencies(article) -> pd.DataFrame:
    """How often each word of article.text occurs, stop words removed, most frequent first."""
    return frequency_table(word_counts(article.text))


def text_counts(article) -> pd.DataFrame:
    """Tokens, types and vocabulary density (types per token) at each step from characters to counted words."""
    text = article.text
    characters = [c for c in text if not c.isspace()]
    tokens = [t.word for t in tokenize(text, pos=False) if not t.word.isspace()]
    word_tokens = [w for w in tokens if is_word(w)]
    steps = {
        "characters (no whitespace)": characters,
        "Han characters": [c for c in characters if is_han(c)],
        "jieba tokens (no whitespace)": tokens,
        "words (no punctuation or bare numbers)": word_tokens,
        "words after stop words": list(word_counts(text).elements()),
    }
    table = pd.DataFrame(
        [(step, len(items), len(set(items))) for step, items in steps.items()], columns=["step", "tokens", "types"]
    )
    table["density"] = (table["types"] / table["tokens"]).round(3)
    return table


def concordance(article, word: str, width: int = 15) -> pd.DataFrame:
    """Keyword in context: each occurrence of `word` as a token, with `width` characters either side on its line."""
    text = article.text
    rows = []
    for token in words(text):
        if token.word != word:
            continue
        line_start = text.rfind("\n", 0, token.start) + 1
        line_end = text.find("\n", token.end) % (len(text) + 1)
        part, paragraph = article.part_at(token.start)
        rows.append({
            "left": text[max(line_start, token.start - width):token.start],
            "word": token.word,
            "right": text[token.end:min(line_end, token.end + width)],
            "paragraph": paragraph,
            "part": part,
            "raw_line": article.raw_line(token.start),
        })
    table = pd.DataFrame(rows, columns=["left", "word", "right", "paragraph", "part", "raw_line"])
    return table.astype({"paragraph": "Int64"})


def quotations(text: str) -> dict[str, Counter[str]]:
    """How often each phrase of `text` is quoted, under each column of QUOTE_MARKS."""
    return {column: Counter(phrase for pattern in patterns for phrase in pattern.findall(text))
            for column, patterns in QUOTE_MARKS.items()}


def quoted_phrases(article) -> pd.DataFrame:
    """Every phrase in 「…」 or “…” (column 「」) and 『…』 or ‘…’ (column 『』, a quote within a quote) with how
    often it is quoted in each; most quoted first. An article that quotes nothing gives an empty table with the
    same columns and types."""
    counts = quotations(article.text)
    phrases = sorted(set().union(*counts.values()))
    table = pd.DataFrame({
        "phrase": pd.Series(phrases, dtype=str),
        **{marks: pd.Series([counts[marks][p] for p in phrases], dtype="int64") for marks in QUOTE_MARKS},
    })
    table.insert(1, "count", table[list(QUOTE_MARKS)].sum(axis=1).astype("int64"))
    table["characters"] = pd.Series([len(p) for p in phrases], dtype="int64")
    return table.sort_values(["count", "phrase"], ascending=[False, True], ignore_index=True)
