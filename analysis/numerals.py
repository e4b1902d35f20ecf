"""Numbers as an article writes them: numerals (Arabic or Chinese digits, with 萬 and 億), the measure words and
qualifiers around them, and what a qualifier says about the number."""

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


# measure words and signs, longest first so 個月 wins over 個
UNITS = sorted([
    "人", "名", "位", "個", "篇", "次", "項", "組", "場", "支", "家", "所", "間", "條", "部", "期", "件", "隊", "團",
    "套", "本", "張", "元", "戶", "座", "棟", "幢", "輛", "台", "臺", "屆", "批", "輪", "節", "堂", "門", "頁", "份",
    "類", "種", "處", "宗", "例", "倍", "歲", "年", "天", "週", "周", "個月", "小時", "分鐘", "公里", "平方米",
    "個百分點", "百分點", "萬元", "億元", "港元", "美元",
], key=len, reverse=True)
DURATION_UNITS = {"年", "天", "週", "周", "個月", "小時", "分鐘"}
MONEY_UNITS = {"元", "萬元", "億元", "港元", "美元"}
PERSON_UNITS = {"人", "名", "位"}

# how a qualifier bounds the number it goes with
LOWER = ("超過", "至少", "不少於", "多達", "逾", "餘", "多", "以上")
UPPER = ("不足", "不到", "將近", "近", "以下", "以內")  # 近千名: nearly a thousand, so not more
APPROXIMATE = ("大約", "約", "左右")
# 多 only between number and unit (330多人); after a unit it starts a word too often (人多, 最多)
PREFIX = "|".join(q for q in LOWER + UPPER + APPROXIMATE if q not in ("餘", "多", "以上", "以下", "以內", "左右"))
INNER = "餘|多"
SUFFIX = "以上|以下|以內|左右"

NUMBER = re.compile(
    rf"(?P<prefix>{PREFIX})?(?P<ordinal>第)?(?P<percent_of>百分之)?(?P<numeral>{NUMERAL})(?P<inner>{INNER})?"
    rf"(?P<unit>%|成(?![立為功員果效績長就本熟交型分])|{'|'.join(UNITS)})?(?P<suffix>{SUFFIX})?"
)


def bound(qualifier: str) -> str:
    """exact, lower, upper or approximate: what a qualifier says about the number."""
    words = qualifier.split()
    if any(w in LOWER for w in words):
        return "lower"
    if any(w in UPPER for w in words):
        return "upper"
    return "approximate" if any(w in APPROXIMATE for w in words) else "exact"


def read_number(match: re.Match) -> tuple[float, str, str] | None:
    """value, unit and kind of a number match; None for what only looks like a number."""
    numeral, unit = match["numeral"], match["unit"] or ""
    chinese = is_chinese_numeral(numeral)
    if chinese and not (unit or match["percent_of"] or match["ordinal"]):
        return None  # 四史, 一督: a Chinese numeral with no measure word is part of a name or a set phrase
    if numeral == "一" and not (match["ordinal"] or match["prefix"] or match["inner"]):
        return None  # 一套, 一個: the indefinite article, not a reported count
    try:
        value = number_value(numeral)
    except ValueError:
        return None
    if match["ordinal"]:
        return value, unit, "ordinal"
    if match["percent_of"] or unit == "%":
        return value, "%", "percent"
    if unit == "成":
        return value * 10, "%", "percent"  # 成 counts tenths: 三成 is 30 %
    if unit in DURATION_UNITS:
        return value, unit, "duration"
    if unit in MONEY_UNITS:
        return value, unit, "amount"
    return value, unit, "count"
