"""Traditional ↔ Simplified script conversion with OpenCC, keeping offsets."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration, built once per process."""
    return opencc.OpenCC(config)


# OpenCC's tw2s is its t2s with Taiwan's variant characters first made standard: 隨著, 接著, 看著 → 随着, 接着, 看着
# (t2s leaves 著, which jieba knows only in 著名, 著作 …, so it cut 随/著); measured on the SIGHAN 2005 sets, the
# same as t2s and hk2s otherwise
TO_SIMPLIFIED = "tw2s"


def to_simplified(text: str) -> str:
    """Text in Simplified script, character for character, so offsets into it are offsets into `text`."""
    converted = _converter(TO_SIMPLIFIED).convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase rule changed the length: convert character by character instead
    convert = _converter(TO_SIMPLIFIED).convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in text)


def to_traditional(text: str) -> str:
    """Text in Traditional script (OpenCC s2t)."""
    return _converter("s2t").convert(text)
