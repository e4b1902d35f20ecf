"""An article's candidate terms, and which of them the segmentation splits: how a researcher sees what to add to the
user dictionary for a new article."""

from __future__ import annotations

import bisect
from collections import Counter

import pandas as pd

from analysis.reading.characters import is_han_text
from analysis.wordlists import read_user_dictionary
from analysis.words.frequency import quoted_phrases
from analysis.words.keyterms import ENTITY_KINDS
from analysis.words.segmenting import USER_DICTIONARY, tokenize
from analysis.words.stopwords import is_stop_word

COLUMNS = ["term", "source", "occurrences", "whole", "inside_longer", "split", "split_as"]


def is_noun_run(run: list) -> bool:
    """True for tokens that read as one name: nouns (tags n…) ending the run, no verb but a verbal noun (vn), no
    stop word (社區/黨委, 思想/政治/工作; not 帶領/群眾 or 學習/和/運用)."""
    return run[-1].pos.startswith("n") and all(
        t.pos in ("vn", "") or not t.pos.startswith("v") for t in run) and not any(is_stop_word(t.word) for t in run)


def repeated_splits(tokens: list, min_count: int = 3, longest: int = 8, most_tokens: int = 4) -> Counter[str]:
    """Strings of 3 to `longest` Han characters that occur at least `min_count` times as a run of two to
    `most_tokens` tagged tokens that read as one name (see is_noun_run); only the longest of strings that occur
    equally often."""
    runs = Counter()
    for i in range(len(tokens)):
        for n in range(2, most_tokens + 1):
            run = tokens[i : i + n]
            text = "".join(t.word for t in run)
            if len(run) < n or len(text) > longest or not is_han_text(text):
                break
            if len(text) >= 3 and is_noun_run(run):
                runs[text] += 1
    frequent = {text: n for text, n in runs.items() if n >= min_count}
    # a string inside a longer frequent one that occurs as often is the same candidate, cut short
    covered = {part for text, n in frequent.items() for size in range(3, len(text))
               for i in range(len(text) - size + 1) if frequent.get(part := text[i : i + size]) == n}
    return Counter({text: n for text, n in frequent.items() if text not in covered})


def candidate_terms(article, min_count: int = 3) -> dict[str, list[str]]:
    """The article's candidate terms with where each comes from: user-dictionary entries found in the text,
    short quoted phrases, names jieba tags (people, places, organisations) and repeated strings jieba splits."""
    text = article.text
    found: dict[str, list[str]] = {}

    def add(term: str, source: str) -> None:
        if term in text and source not in found.setdefault(term, []):
            found[term].append(source)

    for entry in read_user_dictionary(USER_DICTIONARY):
        if len(entry.word) >= 2:  # one-character entries only correct a tag (青 in 工、青、婦)
            add(entry.word, "user dictionary")
    phrases = quoted_phrases(article)
    for phrase in phrases["phrase"]:
        if 2 <= len(phrase) <= 8 and is_han_text(phrase):
            add(phrase, "quoted")
    tagged = tokenize(text)
    for token in tagged:
        if len(token.word) >= 2 and token.pos[:2] in ENTITY_KINDS:
            add(token.word, "name")
    for term in repeated_splits(tagged, min_count):
        add(term, "repeated")
    return found


def check_terms(article, min_count: int = 3) -> pd.DataFrame:
    """Each candidate term: where it comes from, how often it occurs, how often it is one token (`whole`), part of a
    longer token (`inside_longer`: 西鄉 in 西鄉街道, which is right) or split across tokens (`split`), and how jieba
    splits it the first time it does. Split terms first, most often split first."""
    text = article.text
    tokens = tokenize(text, pos=False)
    starts = [t.start for t in tokens]

    def covering(offset: int) -> int:
        """The index of the token that holds the character at offset."""
        return bisect.bisect_right(starts, offset) - 1

    rows = []
    for term, sources in candidate_terms(article, min_count).items():
        counts, split_as, at = Counter(), "", text.find(term)
        while at >= 0:
            first, last = covering(at), covering(at + len(term) - 1)
            if first != last:
                counts["split"] += 1
                split_as = split_as or "/".join(t.word for t in tokens[first : last + 1])
            else:
                counts["whole" if tokens[first].word == term else "inside_longer"] += 1
            at = text.find(term, at + len(term))
        rows.append({"term": term, "source": ", ".join(sources), "occurrences": counts.total(),
                     "whole": counts["whole"], "inside_longer": counts["inside_longer"], "split": counts["split"],
                     "split_as": split_as})
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["split", "occurrences", "term"], ascending=[False, False, True], ignore_index=True)


def terms_to_add(checked: pd.DataFrame, min_count: int = 3) -> pd.DataFrame:
    """The candidate terms that occur at least `min_count` times and come out split at least once."""
    return checked[(checked["occurrences"] >= min_count) & (checked["split"] > 0)].reset_index(drop=True)
