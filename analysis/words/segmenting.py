"""Word segmentation of Chinese in either script: jieba 0.42.1's segmentation on an OpenCC Simplified bridge, offsets
in the original script, with a gazetteer of places, the text's own new words and runs of lone characters joined,
numbers cut from measure words and made whole, and dates joined (analysis.newwords);
run by jieba-fast-dat (compiled, the same tokens and tags) with HMM off, by jieba with it on."""

from __future__ import annotations

import copy
import importlib
import importlib.util
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import jieba_fast_dat
import jieba_fast_dat.posseg

from analysis import config
from analysis.files import atomic_path
from analysis.reading.characters import is_word
from analysis.reading.script import to_simplified
from analysis.wordlists import read_user_dictionary, read_word_list
from analysis.words.newwords import segment

if TYPE_CHECKING:
    import jieba
    import jieba.posseg
    import pandas as pd

USER_DICTIONARY = config.LEXICON / "userdict.txt"
# places down to sub-districts and townships (data/lexicon/places.txt, Simplified), added with jieba's lowest
# frequency, 1: a name is kept whole where jieba would cut it into pieces it rarely sees together (西乡|街道, 公馆|乡,
# 中山|区) and left to jieba where its pieces are common words (新|社区, a new community before Taichung's 新社区;
# 和平|区). On the SIGHAN 2005 sets and the development pages 1, 30 and 300 score alike
PLACES = config.LEXICON / "places.txt"
PLACE_FREQUENCY = 1
# compounds of jieba's dictionary cut in two (信息技术 → 信息/技术; data/lexicon/compounds.txt says which and why):
# taken out of the dictionary, as jieba's del_word takes a word out (frequency 0)
COMPOUNDS = config.LEXICON / "compounds.txt"
# jieba 0.42.1's dictionary, which both engines segment with (fast-dat bundles a different one), found without
# importing jieba
DICTIONARY = Path(importlib.util.find_spec("jieba").origin).with_name("dict.txt")
# jieba's new-word guessing (HMM) is off: through the bridge, with compounds cut, places, new words and runs of lone
# characters joined, it scores word F1 0.875 against 0.888 on SIGHAN 2005's AS set, 0.864 against 0.871 on CityU and
# 0.879 against 0.894 on PKU (benchmarks/sighan.py), at a fraction of the speed (jieba itself, not fast-dat, runs
# it); measured on this article in notebook 01, it adds odd words
HMM = False
# OpenCC's tw2s is its t2s with Taiwan's variant characters first made standard: 隨著, 接著, 看著 → 随着, 接着, 看着
# (t2s leaves 著, which jieba knows only in 著名, 著作 …, so it cut 随/著); on the SIGHAN 2005 sets it scores as t2s
# and hk2s otherwise. Only the segmenter reads with it: it is slower, and elsewhere 著 changes nothing
BRIDGE = "tw2s"
# fullwidth letters, digits, point and percent sign as the ASCII characters jieba joins into numbers and words;
# only runs of them are translated (translating every character of a text costs as much as segmenting it)
FULLWIDTH_RUN = re.compile("[０-９Ａ-Ｚａ-ｚ．％]+")
FULLWIDTH = {code: code - 0xFEE0 for code in map(ord, "０１２３４５６７８９．％")} | {
    code: code - 0xFEE0 for code in range(ord("Ａ"), ord("ｚ") + 1) if chr(code - 0xFEE0).isalpha()}

# fast-dat logs its loading at DEBUG level, as jieba does (jieba_dictionary()); reports must carry no stderr
jieba_fast_dat.setLogLevel(logging.WARNING)


class Token(NamedTuple):
    """A word of a text: text[start:end] == word, in the text's own script; pos is jieba's tag ('' if not tagged)."""

    word: str
    start: int
    end: int
    pos: str


@dataclass(frozen=True)
class Segmenter:
    """A tokenizer and the name of the posseg module of the same engine (jieba_fast_dat, or jieba with HMM on)."""

    tokenizer: jieba_fast_dat.Tokenizer | jieba.Tokenizer
    posseg: str  # the engine's posseg module, imported with the tagger: jieba's reads its 350,000 tags on import

    @cached_property
    def tagger(self) -> jieba_fast_dat.posseg.POSTokenizer | jieba.posseg.POSTokenizer:
        """The part-of-speech tagger on this tokenizer, built on first use."""
        return importlib.import_module(self.posseg).POSTokenizer(self.tokenizer)


def segmenter(user_dictionary: bool = True, hmm: bool = HMM) -> Segmenter:
    """This process's segmenter for HMM on or off, built once, with the words of the user dictionary (user_words) or
    without."""
    return _segmenter(bool(user_dictionary), bool(hmm))


@cache  # keyed by the values alone: @cache on segmenter() built one for segmenter() and another for segmenter(True)
def _segmenter(user_dictionary: bool, hmm: bool) -> Segmenter:
    """segmenter(), built once for each pair of values: by jieba itself with HMM on, by jieba-fast-dat with it off."""
    seg = jieba_segmenter() if hmm else compiled_segmenter()
    for word, freq, tag in user_words() if user_dictionary else []:
        seg.tokenizer.add_word(word, freq, tag)
    return seg


def place_words() -> list[tuple[str, int, str]]:
    """The places of data/lexicon/places.txt as a segmenter adds them, (word, freq, tag)."""
    return [(place, PLACE_FREQUENCY, "ns") for place in read_word_list(PLACES)]


def user_words() -> list[tuple[str, int | None, str | None]]:
    """The words a segmenter adds to jieba's dictionary, (word, freq, tag): the compounds it cuts in two, with
    frequency 0 (listed in Simplified, as the bridge gives them), then the user dictionary's entries, each as the
    bridge gives it to the segmenter (bridged) and as written (for segmenting without the bridge), then the places
    (place_words)."""
    removed = [(word, 0, None) for word in sorted(compounds())]
    entries = read_user_dictionary(USER_DICTIONARY)
    words = [(form, e.freq, e.tag) for e in entries for form in dict.fromkeys((bridged(e.word), e.word))]
    # a word jieba lists keeps jieba's tag when added without one, where fast-dat would tag it x: give both that tag
    tags = listed_tags({word for word, _, tag in words if not tag})
    return removed + [(word, freq, tag or tags.get(word)) for word, freq, tag in words] + place_words()


@cache
def compounds() -> frozenset[str]:
    """The compounds of jieba's dictionary the segmenter cuts in two (data/lexicon/compounds.txt), in Simplified."""
    return frozenset(read_word_list(COMPOUNDS))


def cut_compound(first: str, second: str) -> bool:
    """True when two words, in either script, are one compound of jieba's dictionary that the segmenter cuts in two
    (註冊|人數 is jieba's 註冊人數)."""
    return bridged(first + second) in compounds()


def listed_tags(words: set[str]) -> dict[str, str]:
    """The part-of-speech tags jieba's dictionary gives those of `words` it lists."""
    if not words:
        return {}
    with DICTIONARY.open(encoding="utf-8") as lines:
        return {word: tag for word, _, tag in (line.strip().split(" ") for line in lines) if word in words}


def compiled_dictionary() -> Path:
    """jieba's dictionary as jieba-fast-dat compiles it, kept in the cache folder: compiled by the first process that
    needs it, while any other waits for it instead of compiling it again (most of a second each)."""
    cached = config.CACHE / f"jieba-{version('jieba')}-fast-dat-{version('jieba-fast-dat')}.dat"

    def current() -> bool:
        return cached.is_file() and cached.stat().st_mtime > DICTIONARY.stat().st_mtime  # fast-dat's test

    if not current():
        from filelock import FileLock

        cached.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(cached.with_name(cached.name + ".lock")):
            if not current():
                tokenizer = jieba_fast_dat.Tokenizer(DICTIONARY)
                # fast-dat writes its cache in place, where a process starting meanwhile could load it half written
                with atomic_path(cached) as partial:
                    tokenizer.cache_file = str(partial)
                    tokenizer.initialize(force_rebuild=True)
    return cached


def compiled_segmenter() -> Segmenter:
    """A new jieba-fast-dat segmenter on jieba's dictionary, loaded from its compiled form (compiled_dictionary)."""
    tokenizer = jieba_fast_dat.Tokenizer(DICTIONARY)
    tokenizer.cache_file = str(compiled_dictionary())
    tokenizer.initialize()
    # fast-dat counts the word listed twice (B超) once; jieba's total counts every line and enters every word's score
    tokenizer.total = reference_total()
    return Segmenter(tokenizer, "jieba_fast_dat.posseg")


def jieba_segmenter() -> Segmenter:
    """A new segmenter of jieba itself: a copy of the tokenizer loaded once, with word tables of its own, so adding
    words to it leaves the loaded one as it was."""
    tokenizer = copy.copy(jieba_dictionary())
    tokenizer.FREQ, tokenizer.user_word_tag_tab = dict(tokenizer.FREQ), dict(tokenizer.user_word_tag_tab)
    return Segmenter(tokenizer, "jieba.posseg")


@cache
def jieba_dictionary() -> jieba.Tokenizer:
    """jieba's own tokenizer on its dictionary, loaded once per process (the slow part of a jieba segmenter)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it logs "Building prefix dict ..." to stderr; reports must carry no stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def dictionary_frequency(word: str, user_dictionary: bool = True) -> int:
    """How often the segmenters' dictionary (jieba's, and ours unless told not to) counts `word` as it is given;
    0 if it does not list it. Both engines hold the same words and frequencies."""
    return segmenter(user_dictionary, hmm=False).tokenizer.get_freq(word)


def reference_frequency(word: str) -> int:
    """How often jieba's dictionary counts `word` (either script); 0 if it does not list it."""
    return dictionary_frequency(bridged(word), user_dictionary=False)


@cache
def reference_total() -> int:
    """The number of words jieba's dictionary counts in all, summed as jieba sums it: a word listed twice, twice."""
    with DICTIONARY.open("rb") as lines:
        return sum(int(line.split(b" ")[1]) for line in lines)


def tokenize(text: str, *, pos: bool = True, hmm: bool = HMM, bridge: bool = True, user_dictionary: bool = True,
             new_words: bool = True) -> list[Token]:
    """Segment `text` into tokens (punctuation, spaces and numbers included) with offsets into `text`.

    pos=False skips part-of-speech tagging (the fast path for counting); bridge=False segments the text as it is
    instead of its Simplified form; hmm and user_dictionary switch jieba's new-word guessing and our dictionary;
    new_words=False keeps jieba's pieces as they are (see analysis.newwords: numbers cut from measure words, names
    and the text's recurring words joined).
    """
    seg = segmenter(user_dictionary, hmm)
    source = bridged(text) if bridge else text
    if pos:
        pieces = [(p.word, p.flag) for p in seg.tagger.cut(source, HMM=hmm)]
    else:
        pieces = [(w, "") for w in seg.tokenizer.cut(source, HMM=hmm)]
    tokens, position = [], 0
    for piece, tag in segment(pieces) if new_words else pieces:
        # jieba returns the text in order and whole; find() keeps offsets right even if it ever skipped a character
        start = source.find(piece, position)
        if start < 0:
            continue
        position = start + len(piece)
        tokens.append(Token(text[start:position], start, position, tag))
    return tokens


def cut(text: str) -> list[str]:
    """The words of tokenize(text, pos=False) without their offsets: the fast path for counting."""
    source = bridged(text)
    found = [piece for piece, _ in segment([(w, "") for w in segmenter().tokenizer.cut(source, HMM=HMM)])]
    if source == text:
        return found
    # the pieces are the source's, whole and in order: the text's words are its slices of the same lengths
    ends = list(itertools.accumulate(map(len, found)))
    return [text[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def bridged(text: str) -> str:
    """The text as the segmenter reads it: in Simplified script, fullwidth letters, digits and signs as ASCII
    (jieba cuts ＡＢＣ and ２０２１ into single characters), character for character, so offsets are the text's."""
    return FULLWIDTH_RUN.sub(lambda run: run[0].translate(FULLWIDTH), to_simplified(text, BRIDGE))


def words(text: str, **options) -> list[Token]:
    """The tokens of `text` that are words (see is_word), without part-of-speech tags unless pos=True."""
    return [t for t in tokenize(text, **({"pos": False} | options)) if is_word(t.word)]


def made_up(tokens: list[Token], bridge: bool = True, user_dictionary: bool = True) -> list[str]:
    """The words jieba made up among `tokens` (segmented with or without the bridge): listed in neither its dictionary
    nor, unless told not to look, ours; in order of first appearance. With HMM on, its guesses."""
    as_segmented = bridged if bridge else str
    found = (t.word for t in tokens if len(t.word) > 1)
    return list(dict.fromkeys(w for w in found if not dictionary_frequency(as_segmented(w), user_dictionary)))


def compare_segmentations(text: str, terms: list[str]) -> pd.DataFrame:
    """For each choice of bridge, HMM and user dictionary: how many occurrences of each term come out whole,
    and how many words jieba made up."""
    import pandas as pd

    rows = []
    for user_dictionary, bridge, hmm in itertools.product((False, True), repeat=3):
        options = {"bridge": bridge, "hmm": hmm, "user_dictionary": user_dictionary}
        tokens = words(text, **options)
        found = Counter(t.word for t in tokens)
        whole = {term: found[term] for term in terms}
        guessed = made_up(tokens, bridge, user_dictionary)
        rows.append({
            **options,
            "whole": sum(whole.values()),
            "terms always whole": sum(found[t] == text.count(t) for t in terms),
            "new words": len(guessed),
            "examples of new words": "、".join(guessed[:8]),
            **{term: f"{n}/{text.count(term)}" for term, n in whole.items()},
        })
    return pd.DataFrame(rows)
