"""Stop words: stopwordsiso's Chinese list and the project's own (data/lexicon/stopwords.txt), in either script."""

from __future__ import annotations

from functools import cache

from analysis import config
from analysis.reading.script import to_simplified, to_traditional, word_key
from analysis.wordlists import read_word_list

PROJECT_STOP_WORDS = config.LEXICON / "stopwords.txt"


@cache
def stop_words() -> frozenset[str]:
    """stopwordsiso's Chinese list (Simplified) and the project's list (Traditional), each also in the other
    script."""
    import stopwordsiso

    listed, project = stopwordsiso.stopwords("zh"), set(read_word_list(PROJECT_STOP_WORDS))
    return frozenset(listed | {to_traditional(w) for w in listed} | project | {to_simplified(w) for w in project})


@cache
def is_stop_word(word: str) -> bool:
    """True for a stop word, in either script."""
    stop = stop_words()
    # OpenCC's s2t writes its own standard forms (为 -> 爲, not 為), so also look the word up by its key (隨著 → 随着)
    return word in stop or word_key(word) in stop
