"""Word segmentation of Traditional Chinese: jieba on an OpenCC Simplified bridge, offsets in the original script."""

from __future__ import annotations

import copy
import itertools
import logging
import marshal
import os
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import jieba
import jieba.posseg

from analysis import config
from analysis.characters import is_word
from analysis.script import to_simplified
from analysis.wordlists import read_user_dictionary

if TYPE_CHECKING:
    import pandas as pd

USER_DICTIONARY = config.LEXICON / "userdict.txt"
# jieba's new-word guessing (HMM) is off: it scores lower on the SIGHAN sets (fxsjy/jieba#340) and, measured on
# this article in notebook 02, only adds odd words once the user dictionary is in
HMM = False

# jieba logs "Building prefix dict ..." to stderr at DEBUG level; reports must carry no stderr
jieba.setLogLevel(logging.WARNING)


class Token(NamedTuple):
    """A word of a text: text[start:end] == word, in the text's own script; pos is jieba's tag ('' if not tagged)."""

    word: str
    start: int
    end: int
    pos: str


@dataclass(frozen=True)
class Segmenter:
    """A jieba tokenizer with its part-of-speech tagger."""

    tokenizer: jieba.Tokenizer
    tagger: jieba.posseg.POSTokenizer


def segmenter(user_dictionary: bool = True) -> Segmenter:
    """This process's jieba tokenizer and tagger, built once, with the user dictionary added in Simplified script
    (the form the bridge gives jieba) and as written (for segmenting without the bridge)."""
    return _segmenter(bool(user_dictionary))


@cache
def bundled_dictionary() -> jieba.Tokenizer:
    """A tokenizer with jieba's bundled dictionary, loaded once per process (the slow part of a segmenter)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@cache  # keyed by the value alone: @cache on segmenter() built one for segmenter() and another for segmenter(True)
def _segmenter(user_dictionary: bool) -> Segmenter:
    """segmenter(), built once for each value of user_dictionary."""
    # a copy with its own word tables, so adding the user dictionary leaves the bundled one as it was
    tokenizer = copy.copy(bundled_dictionary())
    tokenizer.FREQ, tokenizer.user_word_tag_tab = dict(tokenizer.FREQ), dict(tokenizer.user_word_tag_tab)
    entries = read_user_dictionary(USER_DICTIONARY) if user_dictionary else []
    for form, entry in ((form, e) for e in entries for form in dict.fromkeys((to_simplified(e.word), e.word))):
        tokenizer.add_word(form, entry.freq, entry.tag)
    return Segmenter(tokenizer, tagger(tokenizer))


@cache
def bundled_tags() -> dict[str, str]:
    """The part-of-speech tag of every word in jieba's bundled dictionary, kept in the cache folder: reading them from
    the dictionary's 350,000 lines, as jieba does for every tagger, takes most of a second."""
    cached = config.CACHE / f"jieba-{jieba.__version__}-tags.marshal"
    if cached.is_file():
        return marshal.loads(cached.read_bytes())
    tags = jieba.posseg.POSTokenizer(bundled_dictionary()).word_tag_tab
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(marshal.dumps(tags))
    partial.replace(cached)
    return tags


def tagger(tokenizer: jieba.Tokenizer) -> jieba.posseg.POSTokenizer:
    """A part-of-speech tagger on a tokenizer, as jieba.posseg.POSTokenizer(tokenizer) but with the tags read once."""
    # POSTokenizer.__init__ only reads the tags; its own copy, since it adds the user dictionary's tags on first use
    result = object.__new__(jieba.posseg.POSTokenizer)
    result.tokenizer, result.word_tag_tab = tokenizer, dict(bundled_tags())
    return result


def reference_frequency(word: str) -> int:
    """How often jieba's bundled dictionary counts `word` (either script); 0 if it does not list it."""
    return bundled_dictionary().FREQ.get(to_simplified(word), 0) or 0


def reference_total() -> int:
    """The number of words jieba's bundled dictionary counts in all."""
    return bundled_dictionary().total


def tokenize(text: str, *, pos: bool = True, hmm: bool = HMM, bridge: bool = True, user_dictionary: bool = True,
             ) -> list[Token]:
    """Segment `text` into tokens (punctuation, spaces and numbers included) with offsets into `text`.

    pos=False skips part-of-speech tagging (the fast path for counting); bridge=False segments the text as it is
    instead of its Simplified form; hmm and user_dictionary switch jieba's new-word guessing and our dictionary.
    """
    seg = segmenter(user_dictionary)
    source = to_simplified(text) if bridge else text
    if pos:
        pieces = ((p.word, p.flag) for p in seg.tagger.cut(source, HMM=hmm))
    else:
        pieces = ((w, "") for w in seg.tokenizer.cut(source, HMM=hmm))
    tokens, position = [], 0
    for piece, tag in pieces:
        # jieba returns the text in order and whole; find() keeps offsets right even if it ever skipped a character
        start = source.find(piece, position)
        if start < 0:
            continue
        position = start + len(piece)
        tokens.append(Token(text[start:position], start, position, tag))
    return tokens


def words(text: str, **options) -> list[Token]:
    """The tokens of `text` that are words (see is_word), without part-of-speech tags unless pos=True."""
    return [t for t in tokenize(text, **({"pos": False} | options)) if is_word(t.word)]


def new_words(text: str, **options) -> list[str]:
    """Words jieba made up (in neither its dictionary nor ours), in order of first appearance: HMM's guesses."""
    seg = segmenter(options.get("user_dictionary", True))
    bridged = options.get("bridge", True)
    found = (t.word for t in words(text, **options) if len(t.word) > 1)
    return list(dict.fromkeys(w for w in found if not seg.tokenizer.FREQ.get(to_simplified(w) if bridged else w)))


def compare_segmentations(text: str, terms: list[str]) -> pd.DataFrame:
    """For each choice of bridge, HMM and user dictionary: how many occurrences of each term come out whole,
    and how many words jieba made up."""
    import pandas as pd

    rows = []
    for user_dictionary, bridge, hmm in itertools.product((False, True), repeat=3):
        options = {"bridge": bridge, "hmm": hmm, "user_dictionary": user_dictionary}
        found = Counter(t.word for t in words(text, **options))
        whole = {term: found[term] for term in terms}
        made_up = new_words(text, **options)
        rows.append({
            **options,
            "whole": sum(whole.values()),
            "terms always whole": sum(found[t] == text.count(t) for t in terms),
            "new words": len(made_up),
            "examples of new words": "、".join(made_up[:8]),
            **{term: f"{n}/{text.count(term)}" for term, n in whole.items()},
        })
    return pd.DataFrame(rows)
