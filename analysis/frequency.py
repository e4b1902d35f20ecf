"""Word counts of an article: stop words, frequencies, counts at each step, concordance and quoted phrases."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pandas as pd

from analysis import config
from analysis.characters import is_han, is_word
from analysis.script import to_simplified, to_traditional
from analysis.segmenting import HMM, segmenter, tokenize, words
from analysis.wordlists import read_word_list

PROJECT_STOP_WORDS = config.LEXICON / "stopwords.txt"
QUOTE_MARKS = {"「」": re.compile(r"「([^「」\n]+)」"), "『』": re.compile(r"『([^『』\n]+)』")}


@cache
def stop_words() -> frozenset[str]:
    """stopwordsiso's Chinese list as it is and in Traditional script, plus the project's list."""
    import stopwordsiso

    listed = stopwordsiso.stopwords("zh")
    return frozenset(listed | {to_traditional(w) for w in listed} | set(read_word_list(PROJECT_STOP_WORDS)))


@cache
def is_stop_word(word: str) -> bool:
    """True for a stop word, in either script."""
    stop = stop_words()
    # OpenCC's s2t writes its own standard forms (为 -> 爲, not 為), so also look the word up through the bridge
    return word in stop or to_simplified(word) in stop


def word_counts(text: str) -> Counter[str]:
    """How often each word of `text` that the study counts occurs: no punctuation, whitespace, bare numbers or stop
    words. The same segmentation as tokenize(text, pos=False), without building a token per word."""
    counts, position = Counter(), 0
    # jieba returns the text whole and in order, so each piece's offset is the sum of the lengths before it
    for piece in segmenter().tokenizer.cut(to_simplified(text), HMM=HMM):
        counts[text[position : position + len(piece)]] += 1
        position += len(piece)
    return Counter({word: n for word, n in counts.items() if is_word(word) and not is_stop_word(word)})


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


def quoted_phrases(article) -> pd.DataFrame:
    """Every phrase in 「…」 or 『…』 with how often it is quoted in each kind of mark; most quoted first."""
    counts = {marks: Counter(pattern.findall(article.text)) for marks, pattern in QUOTE_MARKS.items()}
    phrases = set().union(*counts.values())
    table = pd.DataFrame({
        "phrase": sorted(phrases),
        **{marks: [counts[marks][p] for p in sorted(phrases)] for marks in QUOTE_MARKS},
    })
    table.insert(1, "count", table[list(QUOTE_MARKS)].sum(axis=1))
    table["characters"] = table["phrase"].str.len()
    return table.sort_values(["count", "phrase"], ascending=[False, True], ignore_index=True)
