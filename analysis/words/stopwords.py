"""Stop words: stopwordsiso's Chinese list and the project's own (data/lexicon/stopwords.txt), in either script."""

from __future__ import annotations

import re
from functools import cache

from analysis import config
from analysis.reading.script import to_simplified, to_traditional, word_key
from analysis.wordlists import read_word_list

PROJECT_STOP_WORDS = config.LEXICON / "stopwords.txt"
# a number written in Chinese numerals, or in digits with its magnitude, and the approximation that may follow it
# (三万, 万余, 十来, 两千, 500万, 3.5亿, 八十七%), or an ordinal (第一, 第3): not a word, as a number in digits is not
# (多, 半 and 数 alone are words: many, half, number); Simplified, as word_key gives it
NUMERALS = "〇零一二三四五六七八九十百千万亿两几廿卅"
CHINESE_NUMBER = re.compile(f"第?[0-9０-９.．]*[{NUMERALS}][{NUMERALS}半多数余来.．‧·]*[%％]?|第[0-9０-９]+")
# a date or a time of day: a year of four digits or two to four Chinese digits (2021年, 一九九八年, 二〇二一年; 20年
# is as often twenty years), a month, a day (7月, 十二月, 29日, 廿九日), an hour and its minutes in digits (9时, 30分);
# one token, as the SIGHAN standards write it, but not a word to count; Simplified, as word_key gives it
DATE = re.compile("(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{2,4})年"
                  "|(?:[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})[月日]|[0-9０-９]{1,2}[时分]")


@cache
def stop_words() -> frozenset[str]:
    """stopwordsiso's Chinese list (Simplified) and the project's list (Traditional), each also in the other
    script."""
    import stopwordsiso

    listed, project = stopwordsiso.stopwords("zh"), set(read_word_list(PROJECT_STOP_WORDS))
    return frozenset(listed | {to_traditional(w) for w in listed} | project | {to_simplified(w) for w in project})


@cache
def is_stop_word(word: str) -> bool:
    """True for a stop word, in either script, for a number in Chinese numerals (三萬, 萬餘, 500萬: see
    CHINESE_NUMBER) and for a date (2021年, 七月: DATE)."""
    stop, key = stop_words(), word_key(word)
    # OpenCC's s2t writes its own standard forms (为 -> 爲, not 為), so also look the word up by its key (隨著 → 随着)
    return word in stop or key in stop or bool(CHINESE_NUMBER.fullmatch(key) or DATE.fullmatch(key))
