"""The value of a numeral as the article writes it: Arabic or Chinese digits, with 萬 and 億."""

from __future__ import annotations

import re
from functools import cache

from analysis.script import to_simplified

CHINESE_DIGITS = "零〇一二三四五六七八九十百千兩"
MULTIPLIERS = "萬億"
# Arabic digits with optional thousands separators and decimals, or a run of Chinese numeral characters;
# either may end in 萬 or 億 (58萬, 2.3萬, 五十八萬). A Chinese numeral never starts with 萬 or 億 (萬一, 億萬).
NUMERAL = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?[{MULTIPLIERS}]?"
    rf"|[{CHINESE_DIGITS}][{CHINESE_DIGITS}{MULTIPLIERS}]*)"
)
_NUMERAL = re.compile(NUMERAL)


def is_chinese_numeral(numeral: str) -> bool:
    """True when the numeral is written in Chinese characters (四十八), not digits (48, 58萬)."""
    return not numeral[0].isdigit()


@cache
def number_value(numeral: str) -> float:
    """The value of a numeral: 41,550 → 41550, 五十八萬 → 580000, 2.3萬 → 23000, 兩 → 2, 百 → 100."""
    if not _NUMERAL.fullmatch(numeral):
        raise ValueError(f"not a numeral: {numeral!r}")
    # cn2an reads Simplified forms only (兩 → 两, 萬 → 万) and wants 一百, not 百
    plain = to_simplified(numeral.replace(",", ""))
    if plain[0] in "百千":
        plain = "一" + plain
    import cn2an

    return float(cn2an.cn2an(plain, "smart"))

