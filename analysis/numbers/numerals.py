"""Numbers as an article writes them: numerals (Arabic or Chinese digits, banker's numerals, the two mixed, with 萬
and 億), the measure words and qualifiers around them, and what a qualifier says about the number.

Patterns are written once, in Traditional script as the study's articles are, and matched against the text's
Simplified form (script.to_simplified keeps offsets), so an article in either script gives the same rows; units and
qualifiers are stored as printed. The pattern finds where a numeral is; cn2an reads it (壹拾壹, 零點一, 100萬三千,
1百01, 廿二, 七萬二千四百○九). A sign is kept (負一, 零下四攝氏度, -12.5%). Kinds of number:

- ``count``: people, pieces, events … (人, 名, 個, 篇, 場, 人次 …, or no measure word);
- ``percent``: ``%``, 百分之…, 成 (tenths, stored as %);
- ``percentage_points``: a change in percentage points (個百分點, 百分點);
- ``fraction``: 二分之一, 千分之五, 1/3 (value 0.5, 0.005, 0.333…);
- ``amount``: money (元, 萬元 read as 萬 + 元, 港元, 美元, 人民幣 …; 壹拾壹元壹角壹分 with its 角 and 分);
- ``duration``: time (年, 天, 個月, 小時, 分鐘 …; 百年);
- ``measure``: area, length, weight and temperature (平方公里, 公頃, 公里, 米, 畝, 噸, 公斤, 攝氏度 …);
- ``anniversary``: 建黨100週年; ``age``: 35歲 (neither a duration nor a count);
- ``ordinal``: 第一, 第3;
- ``date``: dates, found by analysis.numbers.dates.

Qualifiers and their bounds: at least (``lower``) 超過, 超, 突破, 逾, 至少, 最少, 最低, 起碼, 多於, 高於, 超出,
不低於, 不少於, 多達, 高達, 餘, 多, 幾 (十幾個), 以上, 及以上, 9年多, 或以上, 或多個 (一個或多個), and before 十, 百,
千, 萬 or 億: 上 (上萬名), 數 (數百人, several hundred: at least one hundred), 幾 (幾十家), 破 (破億) and 過 (過百萬);
at most (``upper``) 不足, 不到, 少於, 低於, 不多於, 不超過, 最多, 未滿, 將近, 近, 以下, 及以下, 以內, 之內, and 內
after a unit (48小時內); ``approximate`` 約, 約有, 大約, 左右, and after a unit 上下 and 前後. A currency named
between a qualifier and its number keeps the bound (超過港幣四億元). A range (20-30人, 三至五年, 5-10萬元) is matched
as one number, its lower end (a 萬 or 億 after the upper end scales both) with the rest (-30, 至五) as its qualifier:
the extraction splits it into its two ends. An approximate pair (一兩元, 兩三百人: 1 and 200, qualifier 一兩 and
兩三百, bound approximate), a vague magnitude (成千上萬: 1000, at least) and a count of digits (兩位數: 10, at least)
are never the number their digits spell. 成 counts tenths and a digit after it hundredths (三成五 is 35 %; 跌成四, for
一成四, 14 %). 達 alone ("reaches") only links a subject to its figure (註冊人數達41550人), so it is not a qualifier:
the figure is the one reached.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache

from analysis.reading.script import to_simplified

CHINESE_DIGITS = "零〇○一二三四五六七八九十百千兩"
# banker's numerals (壹拾壹, 伍仟元整) and the old forms of twenty and thirty (廿二, 卅一)
BANKERS_DIGITS = "壹貳叁肆伍陸柒捌玖拾佰仟廿卅"
MULTIPLIERS = "萬億"


def simplified(words) -> list[str]:
    """The Simplified forms of words written in Traditional script, as the patterns here match them."""
    return [to_simplified(w) for w in words]


def alternatives(words) -> str:
    """A regular-expression alternation of words in Simplified script, longest first (個月 before 個)."""
    return "|".join(re.escape(w) for w in sorted(set(simplified(words)), key=len, reverse=True))


# Arabic digits with optional thousands separators and decimals, or a run of Chinese numeral characters, or the two
# mixed as cn2an reads them (100萬三千, 1萬600, 1百01, 200億零四千230, 一百點123); any may end in 萬 or 億 (58萬,
# 9671.2萬, 3.5萬億, 五十八萬, 1千萬) and a Chinese one may have a decimal part after 點 (零點一, 一點五七). A Chinese
# numeral never starts with 萬 or 億 (萬一, 億萬).
_DIGITS = to_simplified(CHINESE_DIGITS + BANKERS_DIGITS)
_MULTIPLIERS = to_simplified(MULTIPLIERS)
SCALE = {"万": 10_000, "亿": 100_000_000}
# a character every number holds (in Simplified script): a sentence without one holds no number, and is not searched
ANY_NUMERAL = re.compile(f"[0-9０-９{_DIGITS}{_MULTIPLIERS}半几数]")
NUMERAL_REACH = 16  # characters a number may print before its first numeral (逾港幣 HK$ …): 4 in all our texts
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PART = rf"(?:{_ARABIC}|[{_DIGITS}]+)"
NUMERAL = (
    rf"(?:{_PART}(?:[{_MULTIPLIERS}百千]{{1,2}}零?{_PART}|(?<=[千百])\d+)*(?:点(?:\d+|[{_DIGITS}]+))?"
    rf"(?:(?<=\d)(?:千(?![米克瓦卡])|百(?!分)))?[{_MULTIPLIERS}]{{0,2}})"
)
_NUMERAL = re.compile(NUMERAL)
# one or two neighbouring digits with an optional order of magnitude (一兩, 三五, 兩三百, 七八千): a range, never
# the number their digits spell
PAIR = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]*)")
_DIGIT_VALUES = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"两": 2}
# vague magnitudes: at least the smaller order (成千上萬 is thousands, at least 1000)
VAGUE = {to_simplified(w): n for w, n in (("成千上萬", 1000), ("成百上千", 100), ("成千成萬", 1000),
                                           ("千千萬萬", 1000), ("數以萬計", 10_000), ("數以千計", 1000),
                                           ("數以百計", 100), ("數以億計", 100_000_000))}
# a count of digits (兩位數增長, 三位數): at least the smallest number with that many, 10 and 100; a percent before
# words of growth
PLACES = r"(?:[一二两三四五六七八九]|[2-9])位数字?"
GROWTH = to_simplified("增長|增幅|增速|升幅|漲幅|跌幅|降幅|上升|上漲|下跌|下降|增加|減少")
# the percent sign, its full-width form and its small form (13.9﹪, as some Macao pages print it)
PERCENT_SIGNS = "%％﹪"
# a sign: 負一, -12.5%, 零下四攝氏度
SIGN = "负|零下|-|−"


def scale(multipliers: str) -> int:
    """What a run of 萬 and 億 (either script) multiplies by: 萬 10⁴, 億 10⁸, 萬億 10¹²; 1 for none."""
    return math.prod(SCALE[m] for m in to_simplified(multipliers))


def is_chinese_numeral(numeral: str) -> bool:
    """True when the numeral is written in Chinese characters (四十八), not digits (48, 58萬)."""
    return not numeral[0].isdigit()


def pair_range(numeral: str) -> tuple[float, float] | None:
    """The ends of an approximate pair (兩三百 → 200, 300; 一兩 → 1, 2); None for any other numeral."""
    found = PAIR.fullmatch(to_simplified(numeral))
    if not found:
        return None
    low, high, order = _DIGIT_VALUES[found[1]], _DIGIT_VALUES[found[2]], found[3]
    if not 0 < high - low <= 2:
        return None  # 一五 or 九二 are digits read one by one, not a pair
    try:
        magnitude = number_value("一" + order) if order else 1
    except ValueError:
        return None  # 三四百百: no order of magnitude
    return low * magnitude, high * magnitude


@lru_cache(maxsize=4096)  # bounded: a long article or a corpus has many distinct numerals
def number_value(numeral: str) -> float:
    """The value of a numeral in either script: 41,550 → 41550, 五十八萬 → 580000, 9671.2万 → 96712000, 兩 → 2,
    萬 alone → 10000 (逾萬人), 壹拾壹 → 11, 零點一 → 0.1, 100萬三千 → 1003000, 七萬二千四百○九 → 72409."""
    plain = to_simplified(numeral.replace(",", "")).replace("○", "〇").replace("卅", "三十")
    if not plain or not (_NUMERAL.fullmatch(plain) or plain in _MULTIPLIERS):
        raise ValueError(f"not a numeral: {numeral!r}")
    digits = plain.rstrip(_MULTIPLIERS)
    if not digits or re.fullmatch(r"[\d.]+", digits):
        # Arabic digits times their multipliers, in decimal so 9671.2萬 is exactly 96712000 (cn2an reads no 萬億)
        return float(Decimal(digits or "1") * scale(plain[len(digits):]))
    # cn2an wants 一百, not 百, and reads Simplified forms only (兩 → 两, 萬 → 万)
    if plain[0] in "百千佰仟":
        plain = "一" + plain
    import cn2an

    try:
        return float(cn2an.cn2an(plain, "smart"))
    except (KeyError, IndexError, ValueError):  # cn2an raises KeyError on some ill-formed runs (千億八)
        raise ValueError(f"not a numeral: {numeral!r}") from None


def fraction_value(fraction: str) -> float:
    """The value of a fraction: 二分之一 → 0.5, 千分之五 → 0.005, 1/3 → 0.333…"""
    if "/" in fraction:
        top, bottom = fraction.split("/")
    else:
        bottom, top = to_simplified(fraction).split("分之")
    denominator = number_value(bottom)
    if not denominator:
        raise ValueError(f"not a fraction: {fraction!r}")
    return number_value(top) / denominator


COUNT_UNITS = [
    "人", "名", "位", "個", "篇", "次", "人次", "項", "組", "場", "支", "家", "所", "間", "條", "部", "期", "件", "隊",
    "團", "套", "本", "張", "戶", "座", "棟", "幢", "輛", "台", "臺", "屆", "批", "輪", "節", "堂", "門", "頁", "份",
    "類", "種", "處", "宗", "例", "倍", "架", "艘", "株", "棵", "頭", "隻", "筆", "方面", "票",
    "層", "劑", "針", "首", "區", "口", "晚", "伙", "集", "段", "單", "案", "顆", "粒", "幅", "架次", "班次",
]
DURATION_UNITS = ["年", "天", "日", "週", "周", "個月", "小時", "個小時", "鐘頭", "個鐘頭", "星期", "個星期", "分鐘",
                  "秒"]
MONEY_UNITS = ["元", "圓", "港元", "美元", "歐元", "英鎊", "日元", "澳門元", "港幣", "人民幣", "新台幣", "台幣", "美金",
               "塊錢", "塊", "蚊"]
MEASURE_UNITS = [
    "平方公里", "平方千米", "平方米", "公頃", "畝", "公里", "千米", "米", "厘米", "公分", "公斤", "千克", "克", "噸",
    "立方米", "斤", "攝氏度", "℃", "平方呎", "呎", "英尺", "英里", "公升", "毫升", "毫米", "公噸",
]
POINT_UNITS = ["個百分點", "百分點"]
# an anniversary (建黨100週年) and an age (35歲及以下) are kinds of their own, neither a duration nor a count
ANNIVERSARY_UNITS = ["週年", "周年"]
AGE_UNITS = ["歲", "週歲", "周歲"]
UNITS = COUNT_UNITS + DURATION_UNITS + MONEY_UNITS + MEASURE_UNITS + POINT_UNITS + ANNIVERSARY_UNITS + AGE_UNITS
KIND_OF_UNIT = {
    to_simplified(unit): kind
    for kind, units in (("count", COUNT_UNITS), ("duration", DURATION_UNITS), ("amount", MONEY_UNITS),
                        ("measure", MEASURE_UNITS), ("percentage_points", POINT_UNITS),
                        ("anniversary", ANNIVERSARY_UNITS), ("age", AGE_UNITS))
    for unit in units
}
PERSON_UNITS = {"人", "名", "位"}

# how a qualifier bounds the number it goes with
LOWER = ("超過", "超", "突破", "破", "過", "至少", "最少", "起碼", "不少於", "不低於", "多於", "高於", "超出", "最低",
         "多達", "高達", "逾", "餘", "多", "幾", "以上", "及以上", "上", "數")
# 近千名: nearly a thousand; 內 only after a unit (48小時內); 未滿18歲: under 18; 罰款最高5萬元: at most
UPPER = ("不足", "不到", "少於", "低於", "不多於", "不高於", "不超過", "最多", "最高", "多至", "未滿", "未夠", "將近",
         "近", "以下", "及以下", "以內", "之內", "內")
# 50歲上下, 3小時前後: about
APPROXIMATE = ("大約", "約", "約有", "左右", "上下", "前後", "來")  # 二十來人: twenty or so
BOUNDS = {to_simplified(q): name for name, words in (("lower", LOWER), ("upper", UPPER), ("approximate", APPROXIMATE))
          for q in words}
# 多, 餘, 幾 and 來 only between number and unit (330多人, 十幾個, 二十來人); after a unit 多 starts a word too often
# (人多, 最多), except after 年 or 成 (9年多, 兩成多)
INNER = ("餘", "多", "幾", "來")
SUFFIX = ("以上", "及以上", "以下", "及以下", "以內", "之內", "左右")
# 上下 and 前後 after a unit, unless they start a word (上下班, 上下游, 前後門)
ABOUT = rf"上下(?![{to_simplified('班車游遊文級樓床')}])|{to_simplified('前後')}(?![{to_simplified('門台')}])"
# one or more (一個或多個, 三人或以上, 5次或更多): at least the number
OR_MORE = rf"或(?:以上|更多|多(?:{alternatives(COUNT_UNITS)}))"
# 內 after a unit is within (48小時內, 3天內), unless it starts a word (2名內地旅客, 內容, 內部)
WITHIN = rf"(?<=\w)内(?![{to_simplified('地容部外閣政涵心在科蒙陸務')}])"
# 上 (reaching), 數 and 幾 (several), 破 (breaking) and 過 (passing) only before 十, 百, 千, 萬 or 億 (上萬名, 數百人,
# 幾十個, 破億, 過百萬): elsewhere they are other words
BEFORE_TENS = ("上", "數", "幾", "破", "過")
PREFIX = tuple(q for q in LOWER + UPPER + APPROXIMATE
               if q not in INNER + SUFFIX + BEFORE_TENS + ("內", "上下", "前後"))
# a currency named between a qualifier and its number (超過港幣四億元, 逾人民幣5億元, 近新台幣3000萬元)
# a currency's sign or code before its number (HK$500, US$1,000, NT$300, MOP 500, ¥80): an amount in it
DOLLAR = r"(?:HK|US|NT|MOP|RMB|A|C|S)?\$|(?:MOP|RMB|HKD|USD)\s?|[¥￥€£]"
CURRENCIES = ["港幣", "港元", "人民幣", "新台幣", "台幣", "澳門幣", "美金", "美元", "歐元", "日元", "英鎊"]
# a range (20-30人, 三至五年) is one number: its lower end, with the mark and the upper end as its qualifier (至30)
RANGE_MARKS = "至|到|-|－|—|–|~|～"
# money in 元 with its 角 and 分 (壹拾壹元壹角壹分), or 整 (伍仟元整)
CENTS = rf"(?<=[元圆])(?:[{_DIGITS}]角(?:[{_DIGITS}]分)?|[{_DIGITS}]分|[整正](?![常式在确面规当好]))"

# tenths and hundredths (三成五 is 35 %, 七成半 75 %), and, after a verb of change, 成四 for 一成四 (跌成四: down 14 %)
TENTH = rf"(?<=成)[一二三四五六七八九半](?![十百千{_MULTIPLIERS}成个年月日天名人位项次])"
ONE_TENTHS = rf"(?<=[升跌增减加降涨])成(?={TENTH})"
# half a unit of time (半小時, 半天, 近半年), not the halves of a year (上半年, 下半年) or a word (大半天)
HALF = rf"(?<![上下前后大多])半(?={alternatives(['小時', '天', '個月', '年', '分鐘'])})"
# matched against the Simplified form of the text; 成 is a tenth unless it starts a word (成立, 成為, 成功 …); 萬 or
# 億 alone is a number only after a qualifier (逾萬人, 近億元), as 萬人 alone starts idioms (萬人空巷); 萬 or 億 after
# 餘 or 多 scales the number before (10餘萬人 is more than 100000 people). A fraction (二分之一, 千分之五, 1/3) is
# read before the numerals it is made of.
NUMBER = re.compile(
    # every number holds a numeral within its first few characters (a bound word, a currency, a sign before it):
    # looked for first, so that the alternatives below are tried only where one is near
    rf"(?=[^\n]{{0,{NUMERAL_REACH}}}?{ANY_NUMERAL.pattern})"
    rf"(?:(?P<vague>{alternatives(VAGUE)})|(?P<one_tenths>{ONE_TENTHS})|(?P<places>{PLACES})(?P<growth>(?=的?(?:{GROWTH})))?"
    rf"|(?P<prefix>{alternatives(PREFIX)}|(?:{alternatives(BEFORE_TENS)})(?=[十百千{_MULTIPLIERS}]))?"
    rf"(?(prefix)(?:{alternatives(CURRENCIES)})?)(?P<dollar>{DOLLAR})?(?P<ordinal>第)?(?P<sign>{SIGN})?(?P<percent_of>百分之)?(?P<inner_sign>负)?"
    rf"(?:(?P<fraction>{_PART}分之{_PART}(?:点(?:\d+|[{_DIGITS}]+))?|(?<![\d/.])\d+/\d+(?![\d/.]))"
    rf"|(?P<half>{HALF})|(?P<numeral>{NUMERAL}|(?(prefix)[{_MULTIPLIERS}]|[{_MULTIPLIERS}](?=[多余几]))))"
    rf"(?P<upper>(?:{RANGE_MARKS})(?:{SIGN})?{NUMERAL})?"
    rf"(?P<inner>{alternatives(INNER)})?(?P<scale>[{_MULTIPLIERS}]{{1,2}})?)"
    rf"(?:[ \u00a0](?=[{PERCENT_SIGNS}]))?"  # 5 %: a space before the sign
    rf"(?P<unit>[{PERCENT_SIGNS}]|成(?![{to_simplified('立為功員果效績長就本熟交型分')}])|{alternatives(UNITS)})?"
    rf"(?P<tenth>{TENTH})?(?P<cents>{CENTS})?"
    rf"(?P<suffix>{alternatives(SUFFIX)}|{OR_MORE}|(?(unit)(?:{ABOUT})|(?!))|(?(unit){WITHIN}|(?!))|(?<=[年成])多(?![{to_simplified('次個項種名位家人件少')}]))?"
)
# what 一 counts after (共有一人, 僅一名): a count, not the indefinite article
TOTALS = re.compile(to_simplified(r"(?:共有|共|合計|總計|計|僅有|僅|只有|達)$"))


def bound(qualifier: str) -> str:
    """exact, lower, upper or approximate: what a qualifier (in either script) says about the number; the rest of a
    range (至30) or a vague magnitude (成千上萬, 兩位數) makes a lower bound, the start of a range (20至) an upper one,
    and an approximate pair (兩三, 一兩) an approximate number: its ends are loose (兩三年 may be two and a half)."""
    found = {word_bound(word) for word in qualifier.split()}
    for name in ("lower", "upper", "approximate"):
        if name in found:
            return name
    return "exact"


def word_bound(word: str) -> str | None:
    """What one word of a qualifier says: lower, upper, approximate, or None for a word that says nothing."""
    plain = to_simplified(word)
    if PAIR.fullmatch(plain):
        return "approximate"
    if (re.match(RANGE_MARKS, word) or plain in VAGUE or re.fullmatch(PLACES, plain)
            or re.fullmatch(OR_MORE, plain)):
        return "lower"
    if re.search(f"(?:{RANGE_MARKS})$", word):
        return "upper"
    return BOUNDS.get(plain)


def tenths(digit: str | None) -> float:
    """The percent a digit after 成 adds: 五 in 三成五 is 5, 半 in 七成半 is 5; 0 for none."""
    return 5.0 if digit == "半" else float(number_value(digit)) if digit else 0.0


def cents_value(cents: str) -> float:
    """角 and 分 after 元 (壹角捌分 → 0.18); 0 for 整."""
    value = 0.0
    for digit, place in re.findall(r"(.)([角分])", cents):
        value += number_value(digit) * (0.1 if place == "角" else 0.01)
    return value


def read_number(match: re.Match, text: str | None = None, counted: bool = False) -> tuple[float, str, str] | None:
    """value, unit and kind of a NUMBER match on the Simplified text; None for what only looks like a number.
    With the text as printed, the unit is given as printed there; a percent's unit is always %. `counted` when a
    word of totals comes just before (共有一人), so that 一 is a count, not the indefinite article."""
    unit = match["unit"] or ""
    printed = text[match.start("unit"):match.end("unit")] if text is not None and unit else unit
    kind = KIND_OF_UNIT.get(unit, "count")
    if match["dollar"] and not unit:
        printed = (text[match.start("dollar"):match.end("dollar")] if text is not None else match["dollar"]).strip()
        kind = "amount"
    if match["vague"]:
        return float(VAGUE[match["vague"]]), printed, kind
    if match["one_tenths"]:
        return 10 + tenths(match["tenth"]), "%", "percent"
    if match["places"]:
        value = 10.0 ** (number_value(match["places"][0]) - 1)
        return (value, "%", "percent") if match["growth"] is not None else (value, "", "count")
    if match["fraction"]:
        try:
            value = fraction_value(match["fraction"])
        except ValueError:
            return None
        if "/" in match["fraction"] and value >= 1:
            return None  # 7/1 is a day (1 July), 2023/24 a school year: a fraction printed with a slash is proper
        return (value * 100, "%", "percent") if unit and unit in PERCENT_SIGNS else (value, printed, "fraction")
    if match["half"]:
        return 0.5, printed, kind
    numeral = match["numeral"]
    chinese = is_chinese_numeral(numeral)
    rounded = match["prefix"] and any(c in numeral for c in "十百千" + _MULTIPLIERS)  # 數十萬, 近百, not 超一流
    if chinese and not (unit or match["percent_of"] or match["ordinal"] or rounded):
        return None  # 四史, 一督: a Chinese numeral with no measure word is part of a name or a set phrase
    if numeral == "一" and unit != "成" and not (match["ordinal"] or match["prefix"] or match["inner"] or match["upper"]
                                or match["suffix"] or counted):
        return None  # 一套, 一個: the indefinite article, not a reported count
    if len(numeral) == 1 and numeral in to_simplified("陸伍拾"):
        return None  # 陸家嘴, 伍家嶺, 拾金不昧: a lone banker's numeral in a name or set phrase
    pair = pair_range(numeral)
    # 5-10萬元 is 50000 to 100000: the upper end's 萬 or 億 scales a lower end that has none
    shared = match["upper"][len(match["upper"].rstrip(_MULTIPLIERS)):] if match["upper"] else ""
    try:
        value = pair[0] if pair else number_value(numeral)
        value *= scale((match["scale"] or "") + ("" if numeral[-1] in _MULTIPLIERS else shared))
    except ValueError:
        return None
    if not math.isfinite(value):
        return None  # beyond what a float holds (a 400-digit number): left out, and listed as such, not `inf`
    if match["sign"] or match["inner_sign"]:
        value = -value
    if match["cents"]:
        value += cents_value(match["cents"])
    if match["ordinal"]:
        return value, printed, "ordinal"
    if match["percent_of"] or (unit and unit in PERCENT_SIGNS):
        return value, "%", "percent"
    if unit == "成":
        return value * 10 + tenths(match["tenth"]), "%", "percent"  # 成 counts tenths: 三成 is 30 %
    return value, printed, kind
