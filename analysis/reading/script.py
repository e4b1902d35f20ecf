"""Traditional ↔ Simplified script conversion with OpenCC, keeping offsets."""

from __future__ import annotations

from functools import cache, lru_cache

import opencc

from analysis.reading.characters import INNER_QUOTES, QUOTES

# Hong Kong's variant characters that OpenCC's t2s and tw2s leave as they are and its hk2s makes Simplified (衞生 →
# 卫生, 餐枱 → 餐台, 敍述 → 叙述): made Simplified here too, so that 衞生 and 衛生 are one word to the segmenter and
# one key in a corpus (tests/test_simplified.py derives the list from OpenCC again)
HK_VARIANTS = "衞枱敍衹粧糭"
HK_SIMPLIFIED = str.maketrans(HK_VARIANTS, "卫台叙只妆粽")


@cache
def _converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration, built once per process."""
    return opencc.OpenCC(config)


def converted(text: str, config: str) -> str:
    """OpenCC's conversion of `text` by `config`, with Hong Kong's variants made Simplified (HK_VARIANTS)."""
    text = _converter(config).convert(text)
    # most texts hold none of them: looking for each is far quicker than translating every character
    return text.translate(HK_SIMPLIFIED) if any(char in text for char in HK_VARIANTS) else text


def to_simplified(text: str, config: str = "t2s") -> str:
    """Text in Simplified script, character for character, so offsets into it are offsets into `text`; `config` is
    OpenCC's configuration (the segmenter's bridge reads with tw2s: see analysis.words.segmenting.bridged)."""
    if len(text) <= SHORT:
        return short_simplified(text, config)
    return converted_whole(text, config)


# a word or a unit is converted again and again (the extraction and the claims ask for the same ones): remembered
SHORT = 8


@lru_cache(maxsize=65536)
def short_simplified(text: str, config: str) -> str:
    """to_simplified of a short text, remembered."""
    return converted_whole(text, config)


def converted_whole(text: str, config: str) -> str:
    """to_simplified without remembering."""
    whole = converted(text, config)
    if len(whole) == len(text):
        return whole
    # a phrase rule changed the length: convert character by character instead
    return "".join(c if len(s := converted(c, config)) != 1 else s for c in text)


@cache
def word_key(word: str) -> str:
    """The key a corpus counts a word under, whatever its script: the word in Simplified script, converted whole
    (OpenCC tw2s: phrase rules apply, 隨著 and 随着, 志願者 and 志愿者, 佔 and 占, 衞生 and 衛生 share a key)."""
    return converted(word, "tw2s")


def to_traditional(text: str) -> str:
    """Text in Traditional script (OpenCC s2t)."""
    return _converter("s2t").convert(text)


@cache
def script_specific(char: str) -> tuple[bool, bool]:
    """Whether a character is written only in Traditional script (OpenCC t2s changes it) and whether only in
    Simplified (s2t changes it); a character both scripts share is neither."""
    return _converter("t2s").convert(char) != char, _converter("s2t").convert(char) != char


def script_of(text: str) -> str:
    """traditional or simplified by which script's own characters the text holds more of (one 劏 in a Simplified page
    does not make it Traditional); simplified when it holds neither; '' with no Han character."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
    if not han:
        return ""
    traditional = simplified = 0
    for char in han:
        only_traditional, only_simplified = script_specific(char)
        traditional += only_traditional
        simplified += only_simplified
    return "traditional" if traditional > simplified else "simplified"


def quote_marks(text: str) -> tuple[str, str]:
    """The quotation marks a text prints, a quote's and a quote within a quote's: “” and ‘’ when it opens more
    quotes with “ than with 「, else 「」 and 『』."""
    corner, curly = zip(QUOTES, INNER_QUOTES, strict=True)
    return curly if text.count("“") > text.count("「") else corner
