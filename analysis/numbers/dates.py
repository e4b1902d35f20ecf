"""Date expressions in an article (2019年1月, 7月22日, 8月10日至15日, 1-5月, 今年上半年, 去年底, 11日, 2021-07-29,
一季度, 6月上旬, 上世紀80年代, 二〇一九年5月8日起) and their ISO dates.

The `date` column holds ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD; a range or a part of a year is an interval start/end in
the same precision (2019至2021年 → 2019/2021, 1-5月 → 2021-01/2021-05, 8月10日至15日 → 2021-08-10/2021-08-15, 上半年 →
2021-01/2021-06, 下半年 → 2021-07/2021-12, 一季度 → 2021-01/2021-03, 前三季度 → 2021-01/2021-09, 今年前五個月 →
2021-01/2021-05, 6月上旬 → 2021-06-01/2021-06-10, 上世紀80年代 → 1980/1989). An open interval has `..` at its open
end: 起, 以來 and 至今 open its end (二〇一九年5月8日起 → 2019-05-08/.., 今年以來 → 2021/..), 以前, 之前 and 前 its
start (2025年前 → ../2025). Two dates joined by 至, 到 or a dash are one interval (2017年8月15日至2018年3月29日); so
are two years joined with no unit after them (規劃(2020-2040) → 2020/2040, 2023-24年度 and 2023/24學年 → 2023/2024).
年初 is the year's first month, 年底 and 年末 its last, 4月底 and 4月初 the month itself (YYYY-04); 去年同期 is the
date just before it in the sentence one year back, or the year alone. Relative dates (今年, 去年, 上年, 上個月, 本月,
下月, 今天, 前天, 上季度, a month or day without a year, a year of two digits: 15年3月 is 2015's, 98年4月 1998's, the
century nearer the publication date) are read from the publication date; a bare month or day later than it is the
previous year's or month's, unless the sentence speaks of what is still to come (將, 預計, 計劃: this year's, or the
next month's). Two years named together are one interval (今明兩年 → 2021/2022). A year in Chinese numerals
(二〇一九年) is a year, never a duration; so is a year of the Republic of China, as Taiwan prints it (民國112年 →
2023; 114年1月1日, 113年度 with three digits). With no publication date (published None) relative dates stay
unresolved (''), absolute ones still resolve; a date that does not exist (2月30日) is still a date expression, with
date ''.
A relative day may print its day of the month (今(12)日, 明（13）日, as Macao's government does).
Patterns are written in Traditional and matched on the Simplified text.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from analysis.numbers.numerals import UNITS, alternatives, number_value
from analysis.reading.script import to_simplified

RELATIVE_YEARS = {"前年": -2, "去年": -1, "上年": -1, "上一年": -1, "今年": 0, "本年": 0, "这一年": 0, "明年": 1}
RELATIVE_MONTHS = {"上个月": -1, "上一个月": -1, "上月": -1, "本月": 0, "这个月": 0, "当月": 0, "同月": 0, "下个月": 1,
                   "下月": 1}
# with the part of the day some pages print instead (昨晨9時: yesterday morning at nine)
RELATIVE_DAYS = {"大前天": -3, "前天": -2, "前晚": -2, "昨天": -1, "昨日": -1, "昨晨": -1, "昨晚": -1, "昨夜": -1,
                 "今天": 0, "今日": 0, "本日": 0, "今晨": 0, "今早": 0, "今晚": 0, "明天": 1, "明日": 1, "明晚": 1,
                 "后天": 2, "大后天": 3, "大大后天": 4}
RELATIVE_QUARTERS = {"上个季度": -1, "上季度": -1, "本季度": 0, "这个季度": 0, "这季度": 0, "下个季度": 1,
                     "下季度": 1}
TO = r"(?:至|到|－|-|—{1,2}|–|~|～)"
YEAR = r"(?:19|20)\d\d"
MONTH = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
CN_DIGIT = "〇零一二三四五六七八九"
CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
CN_DAY = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
ANY_MONTH, ANY_DAY = rf"(?:{MONTH}|{CN_MONTH})", rf"(?:{DAY}|{CN_DAY})"
FEW = r"(?:[1-9]|1[01]|[一二两三四五六七八九]|十一?)"
# what follows a year of two digits that makes it a year, not a count of years (15年3月2日, 19年底, 07年第三季度)
AFTER_SHORT_YEAR = rf"(?={ANY_MONTH}月|[初底末]|上半年|下半年|第?[一二三四1-4]季度|首|前{FEW}个?[月季])"
# 季度 is a quarter; 季 alone only after a year (2024年第二季, 今年首季: Hong Kong's usage), else a season (第二季)
QUARTER_END = r"(?(any_year)度?|度)"
# a day needs 日 or 號, or ends a clause (1月3, 四月十三)
DAY_END = rf"(?=[日号]|{TO}(?:{ANY_MONTH}月)?{ANY_DAY}(?![\d年])|[，,。；;、\s]|$)"
# a date starts with a digit, a Chinese numeral or a relative word, not after 第 (第12日 counts days); without the
# lookahead this all-optional pattern matches at every character. A range's first part may leave out its mark (1-5月,
# 10-15日, 2019至2021年). A bare day is not one of days counted (3日內, 5日遊, 7日以上).
DATE = re.compile(
    rf"(?<![\d.第])(?=[0-9{CN_DIGIT}十前去今明上下本这当同首头后第民])"
    rf"(?P<any_year>(?P<year>{YEAR})(?:年?{TO}(?P<year_to>{YEAR}))?年|(?P<cn_year>[{CN_DIGIT}]{{4}})年"
    rf"|(?P<short_year>\d\d|[{CN_DIGIT}]{{2}})年{AFTER_SHORT_YEAR}"
    rf"|民国(?P<roc_year>\d{{1,3}}|[{CN_DIGIT}十百]{{1,6}})年|(?P<roc_short>1[0-4]\d)年(?:(?=度)|{AFTER_SHORT_YEAR})"
    rf"|(?P<relative>{'|'.join(sorted(RELATIVE_YEARS, key=len, reverse=True))}))?"
    r"(?:(?P<half>上半年|下半年)|(?P<edge>年?[初底末]|伊始)|(?P<same>同期)"
    rf"|(?P<quarter>第?(?P<q>[一二三四1-4])季{QUARTER_END}|(?P<q_first>首)季{QUARTER_END}|前(?P<q_n>[一二两三])个?季度)(?P<q_edge>[初末])?"
    rf"|(?P<rel_quarter>{'|'.join(sorted(RELATIVE_QUARTERS, key=len, reverse=True))})(?P<rq_edge>[初末])?"
    rf"|(?:前|头)(?P<first_n>{FEW})个?月|(?P<first_month>首月)|后(?P<last_n>{FEW})个?月"
    rf"|(?:(?P<month>{ANY_MONTH})(?=月|{TO}{ANY_MONTH}月)月?(?:份)?(?:{TO}(?P<month_to>{ANY_MONTH})月(?:份)?)?"
    rf"|(?P<rel_month>{'|'.join(sorted(RELATIVE_MONTHS, key=len, reverse=True))}))"
    rf"(?:(?P<day>{ANY_DAY}){DAY_END}[日号]?"
    rf"(?:{TO}(?:(?P<day_month_to>{ANY_MONTH})月)?(?P<day_to>{ANY_DAY})(?![\d年])[日号]?)?"
    rf"|月?(?P<month_edge>[初底])|(?P<xun>[上中下])旬|前(?P<first_days>{FEW})天|最后(?P<last_days>{FEW})天)?"
    rf"|(?P<bare_day>{DAY})(?=日(?![内遊游以])|{TO}{DAY}日)日?(?:{TO}(?P<bare_day_to>{DAY})日)?)?"
    r"(?P<suffix>以来|起至今|至今|起(?![草来步诉飞义])|以前|之前|前(?![0-9一二两三四五六七八九十个夕往进行])|以后|之后)?"
)
# a relative day with its day of the month in brackets, as Macao's government prints it (今(12)日, 明（13）日)
NAMED_DAY = re.compile(r"([今明昨])[(（](\d{1,2})[)）]日(?P<suffix>起(?![草来步诉飞义])|以来)?")
NAMED_OFFSETS = {"昨": -1, "今": 0, "明": 1}
# two years named together (今明兩年, 去今兩年): the first and the second, one interval
TWO_YEARS = re.compile(r"(前去|去今|今明|明后)两年")
RELATIVE_DAY = re.compile(rf"(?<!时至)(?:{'|'.join(sorted(RELATIVE_DAYS, key=len, reverse=True))})(?![头条报])")
# 上世紀80年代, 十九世紀七十年代, 18世紀, 二十世紀九十年代末期, 80年代
DECADE = re.compile(
    r"(?:(?P<last_century>上世纪)|(?P<century>\d{1,2}|[一二三四五六七八九十]{1,3})世纪)"
    r"(?:(?P<decade>[1-9]0|[一二三四五六七八九]十)年代)?(?P<edge>初期?|前期|中期|末期?|后期)?"
    r"|(?<![\d世])(?P<bare_decade>[1-9]0|[二三四五六七八九]十)年代(?P<bare_edge>初期?|前期|中期|末期?|后期)?"
)
# 年底 on its own is the end of the publication year; 年初 and 年終 on their own are left alone, as in 年終考核 they
# name a yearly routine, not a date
YEAR_END = re.compile(r"(?<![前去今明年\d上本这])年[底末](?P<suffix>前)?")  # not in 今年年底, 2020年年底 nor 每年年底
YEAR_IN_DATE = re.compile(r"(?<![\d-])\d{4}")
# a sentence that speaks of what is still to come (8月10日至15日将举办): written in Simplified, as matched
FUTURE = re.compile(r"将|即将|预计|计划|拟|届时|下月")
# a date written with digits only (2021-07-29, 2021.7.29, 2021/07/29, 1994.01-19, 20240307, 2022 11 23), as a dateline
# or a notice prints it; a year and month (1999.08); a month and day joined by a middle dot (6·30). Eight digits in a
# row before a measure word are a count that happens to spell a day (19660101名), not a date
NUMERIC_DATE = re.compile(
    rf"(?<![\d.])(?:({YEAR})([-/.])({MONTH})[-/.]({DAY})|({YEAR}) ({MONTH}) ({DAY})"
    rf"|((?:19|20)\d\d)(1[0-2]|0[1-9])(3[01]|[12]\d|0[1-9])(?!\s*(?:{alternatives(UNITS)})))"
    r"(?![\d.])")
NUMERIC_MONTH = re.compile(rf"(?<![\d.])({YEAR})\.(1[0-2]|0[1-9])(?![\d.])")
DOT_DAY = re.compile(rf"(?<![\d.])({MONTH})·({DAY})(?![\d.])")
# two years joined by a dash, with no unit after them (規劃(2020-2030), 2023-24年度, 2023/24學年): a span of years
YEAR_SPAN = re.compile(rf"(?<![\d.,，/第])({YEAR})(?:{TO}({YEAR}|\d\d)|/(\d\d))(?=[)）」》，,。；;、\s]|年|学年|$)")
# a year printed alone (2018，), or before the quoted name of the year's event (2023「長者日」), not a count: nothing
# after it that makes it one
BARE_YEAR = re.compile(rf"(?<![\d.,，/第])({YEAR})(?=[，,。；;、\s「『“《]|$)")
# two dates joined into one interval (2017年8月15日至2018年3月29日, 自2020-05-26起至2020-05-29止)
JOIN = re.compile(rf"起?{TO}")
OPENS_END = ("以来", "起至今", "至今", "起", "以后", "之后")
OPENS_START = ("以前", "之前", "前")
XUN = {"上": (1, 10), "中": (11, 20), "下": (21, None)}
# the tenths of a century or decade its start or end covers (二十世紀九十年代末期 → 1998/1999)
EDGES = {"初": (0, 1), "前期": (0, 2), "中期": (4, 6), "末": (8, 9), "后期": (7, 9)}


def chinese_int(numeral: str) -> int:
    """An integer from Arabic digits or a Chinese numeral (十二 → 12, 二〇一九 digit by digit → 2019)."""
    if numeral.isdigit():
        return int(numeral)
    if all(c in CN_DIGIT for c in numeral):
        return int("".join(str(CN_DIGIT.index(c) - (c != "〇")) if c != "〇" else "0" for c in numeral))
    return int(number_value(numeral))


def year_of(match: re.Match, published: date | None) -> int | None:
    """The year a DATE match names, the publication year's when it names none; None when that cannot be known."""
    if match["year"]:
        return int(match["year"])
    if match["cn_year"]:
        return chinese_int(match["cn_year"])
    if match["roc_year"] or match["roc_short"]:
        return 1911 + chinese_int(match["roc_year"] or match["roc_short"])  # the Republic of China's years
    if match["short_year"]:
        short = chinese_int(match["short_year"])
        if published is None:
            return short + (2000 if short < 50 else 1900)
        # the century that puts the year nearer the publication date (98年 in 1997 is 1998; 15年 in 2021 is 2015)
        return min((century + short for century in (1900, 2000)), key=lambda y: abs(y - published.year))
    if published is None:
        return None
    return published.year + RELATIVE_YEARS.get(match["relative"], 0)


def resolve_date(match: re.Match, published: date | None, future: bool = False) -> str:
    """ISO date or interval of a DATE match (see the module's docstring), '' when it cannot be known; `future` when
    the sentence speaks of what is to come (將舉辦), so a bare date later than publication is this year's."""
    year = year_of(match, published)
    if year is None or (published is None and (match["rel_month"] or match["rel_quarter"])):
        return ""  # 今年, 3月, 11日: relative to a publication date we do not have
    try:
        return opened(iso_date(match, year, published, future), match["suffix"])
    except ValueError:
        return ""  # a day that does not exist (2月30日)


def opened(iso: str, suffix: str | None) -> str:
    """The interval a date opens with its suffix: 起, 以來 → from its start on, 以前, 前 → up to its end."""
    if not iso or not suffix:
        return iso
    start, _, end = iso.partition("/")
    if suffix in OPENS_END:
        return f"{start}/.."
    return f"../{end or start}"


def month_end(year: int, month: int) -> int:
    """The last day of a month."""
    return calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The month `months` after (or before) year-month."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_date(match: re.Match, year: int, published: date | None, future: bool = False) -> str:
    """resolve_date once the year is known; ValueError for a day that does not exist."""
    if match["year_to"]:
        return f"{year:04d}/{int(match['year_to']):04d}"
    if match["half"]:
        return f"{year:04d}-01/{year:04d}-06" if match["half"] == "上半年" else f"{year:04d}-07/{year:04d}-12"
    if match["edge"]:
        return f"{year:04d}-12" if match["edge"][-1] in "底末" else f"{year:04d}-01"
    if match["quarter"] or match["rel_quarter"]:
        return quarter(match, year, published)
    if match["first_n"]:
        return f"{year:04d}-01/{year:04d}-{chinese_int(match['first_n']):02d}"
    if match["first_month"]:
        return f"{year:04d}-01"
    if match["last_n"]:
        return f"{year:04d}-{13 - chinese_int(match['last_n']):02d}/{year:04d}-12"
    if match["bare_day"]:
        return day_range(*day_month(published, int(match["bare_day"]), future), match["bare_day_to"], None)
    if match["rel_month"]:
        year, month = shift_month(published.year, published.month, RELATIVE_MONTHS[match["rel_month"]])
    elif match["month"]:
        month = chinese_int(match["month"])
    else:
        return f"{year:04d}"
    day = chinese_int(match["day"]) if match["day"] else None
    bare = not (match["any_year"] or match["rel_month"])
    if bare and not future and (month, day or 1) > (published.month, published.day):
        year -= 1  # a bare month and day later than the publication date is last year's, unless still to come
    if match["month_to"]:
        return f"{year:04d}-{month:02d}/{year:04d}-{chinese_int(match['month_to']):02d}"
    if match["first_days"] or match["last_days"]:
        last = month_end(year, month)
        first, last = ((1, chinese_int(match["first_days"])) if match["first_days"]
                       else (last - chinese_int(match["last_days"]) + 1, last))
        return f"{date(year, month, first).isoformat()}/{date(year, month, last).isoformat()}"
    if match["xun"]:
        first, last = XUN[match["xun"]]
        return f"{date(year, month, first).isoformat()}/{date(year, month, last or month_end(year, month)).isoformat()}"
    if day is None:
        date(year, month, 1)  # a month that does not exist (13月) is no date
        return f"{year:04d}-{month:02d}"
    return day_range(year, month, day, match["day_to"], match["day_month_to"])


def quarter(match: re.Match, year: int, published: date | None) -> str:
    """The months of a quarter (一季度 → YYYY-01/YYYY-03), of the first quarters (前三季度 → YYYY-01/YYYY-09), or of
    its first or last month (一季度末 → YYYY-03)."""
    if match["rel_quarter"]:
        current = (published.month - 1) // 3 + year * 4 + RELATIVE_QUARTERS[match["rel_quarter"]]
        year, number, edge = current // 4, current % 4 + 1, match["rq_edge"]
    elif match["q_n"]:
        return f"{year:04d}-01/{year:04d}-{chinese_int(match['q_n'].replace('两', '二')) * 3:02d}"
    else:
        number, edge = (1 if match["q_first"] else chinese_int(match["q"])), match["q_edge"]
    if edge:
        return f"{year:04d}-{number * 3 - (2 if edge == '初' else 0):02d}"
    return f"{year:04d}-{number * 3 - 2:02d}/{year:04d}-{number * 3:02d}"


def day_month(published: date, day: int, future: bool = False) -> tuple[int, int, int]:
    """Year, month and day of a bare day (11日): the publication month's, or the month before when later (the next
    month when still to come and earlier)."""
    year, month = published.year, published.month
    if future and day < published.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif not future and day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return year, month, day


def day_range(year: int, month: int, day: int, day_to: str | None, month_to: str | None) -> str:
    """YYYY-MM-DD, or the interval to day_to (of month_to, else the same month); ValueError for a day that does
    not exist."""
    start = date(year, month, day).isoformat()
    if not day_to:
        return start
    return f"{start}/{date(year, chinese_int(month_to) if month_to else month, chinese_int(day_to)).isoformat()}"


def decade(match: re.Match, published: date | None) -> str:
    """The years of a century or a decade (上世紀80年代 → 1980/1989, 18世紀 → 1700/1799), or of its start or end."""
    if match["bare_decade"]:
        tens = chinese_int(match["bare_decade"])
        now = published.year if published else 2000
        start = 2000 + tens if 2000 + tens <= now else 1900 + tens
        span, edge = 10, match["bare_edge"]
    else:
        if match["last_century"]:
            if published is None:
                return ""
            century = published.year // 100 - 1
        else:
            century = chinese_int(match["century"]) - 1
        start, span, edge = century * 100, 100, match["edge"]
        if match["decade"]:
            start, span = start + chinese_int(match["decade"]), 10
    if edge:
        low, high = EDGES[edge.rstrip("期") if edge in ("初期", "末期") else edge]
        step = span // 10
        start, span = start + low * step, (high - low + 1) * step
    return f"{start:04d}/{start + span - 1:04d}"


def same_period(resolved: str, year: int) -> str:
    """The period `resolved` moved to `year` (去年同期 after 今年上半年: 2021-01/2021-06 → 2020-01/2020-06)."""
    shift = year - int(resolved[:4])
    return YEAR_IN_DATE.sub(lambda y: f"{int(y.group()) + shift:04d}", resolved)


def found_date(text: str, match: re.Match, resolved: str, qualifier: str = "") -> dict:
    """A row of find_dates."""
    return {"text": text[match.start():match.end()], "start": match.start(), "end": match.end(),
            "qualifier": qualifier, "date": resolved}


def numeric_date(match: re.Match) -> str:
    """The ISO date of a NUMERIC_DATE match, '' for a day that does not exist."""
    year, month, day = [g for g in match.groups() if g and g not in "-/."][:3]
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


# a character every date expression holds (a digit, or a word of the calendar): a sentence without one is not searched
DATE_CHARACTER = re.compile(r"[0-9０-９年月日号天季旬周晚晨早夜纪代宵午]")


def find_dates(text: str, published: date | None, simple: str | None = None) -> list[dict]:
    """Date expressions in text with their ISO dates; `simple` is text's Simplified form when the caller has it."""
    simple = to_simplified(text) if simple is None else simple
    if not DATE_CHARACTER.search(simple):
        return []
    future, found = bool(FUTURE.search(simple)), []
    for match in DATE.finditer(simple):
        if not any(match[g] for g in ("any_year", "month", "half", "bare_day", "quarter", "rel_quarter", "rel_month",
                                      "first_n", "first_month", "last_n")):
            continue
        if (match["first_n"] or match["last_n"] or match["first_month"]) and not match["any_year"]:
            continue  # 前兩個月 alone may be the last two months: only a year's first months are a date (今年前兩個月)
        resolved = resolve_date(match, published, future)
        if match["same"] and resolved:
            earlier = [d["date"] for d in found if d["date"]]
            resolved = same_period(earlier[-1], int(resolved)) if earlier else resolved
        found.append(found_date(text, match, resolved, text[match.start("suffix"):match.end("suffix")]))
    for match in RELATIVE_DAY.finditer(simple):
        day = (date(published.year, published.month, published.day) + timedelta(days=RELATIVE_DAYS[match.group()])
               if published else None)
        found.append(found_date(text, match, day.isoformat() if day else ""))
    for match in NAMED_DAY.finditer(simple):
        day = (date(published.year, published.month, published.day) + timedelta(days=NAMED_OFFSETS[match[1]])
               if published else None)
        resolved = day.isoformat() if day and day.day == int(match[2]) else ""
        found.append(found_date(text, match, opened(resolved, match["suffix"]), match["suffix"] or ""))
    for match in TWO_YEARS.finditer(simple):
        first = published.year + RELATIVE_YEARS[match[1][0] + "年"] if published else None
        found.append(found_date(text, match, f"{first:04d}/{first + 1:04d}" if first else ""))
    for match in DECADE.finditer(simple):
        found.append(found_date(text, match, decade(match, published), text[match.start("edge"):match.end("edge")]
                                if match["edge"] else ""))
    for match in NUMERIC_DATE.finditer(simple):
        found.append(found_date(text, match, numeric_date(match)))
    for match in NUMERIC_MONTH.finditer(simple):
        found.append(found_date(text, match, f"{match[1]}-{match[2]}"))
    for match in DOT_DAY.finditer(simple):
        year = published.year if published else None
        try:
            found.append(found_date(text, match, date(year, int(match[1]), int(match[2])).isoformat() if year else ""))
        except ValueError:
            found.append(found_date(text, match, ""))
    for match in YEAR_SPAN.finditer(simple):
        first, last = int(match[1]), match[2] or match[3]
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last > first:
            found.append(found_date(text, match, f"{first:04d}/{last:04d}"))
    for match in BARE_YEAR.finditer(simple):
        found.append(found_date(text, match, match[1]))
    for match in YEAR_END.finditer(simple):
        resolved = f"{published.year:04d}-12" if published else ""
        found.append(found_date(text, match, opened(resolved, match["suffix"]), match["suffix"] or ""))
    return joined(simple, text, without_overlaps(found))


def without_overlaps(found: list[dict]) -> list[dict]:
    """The rows in reading order, a row inside an earlier or longer one left out."""
    kept = []
    for row in sorted(found, key=lambda d: (d["start"], -d["end"])):
        if kept and row["start"] < kept[-1]["end"]:
            continue
        kept.append(row)
    return kept


def joined(simple: str, text: str, found: list[dict]) -> list[dict]:
    """Two dates joined by 至, 到 or a dash made one interval, from the first's start to the second's end."""
    rows = []
    for row in found:
        before = rows[-1] if rows else None
        if (before and before["date"] and row["date"] and not before["qualifier"] and ".." not in row["date"]
                and JOIN.fullmatch(simple[before["end"]:row["start"]])):
            start, end = before["date"].partition("/")[0], row["date"].rpartition("/")[2]
            if start <= end or len(start) != len(end):
                rows[-1] = before | {"text": text[before["start"]:row["end"]], "end": row["end"],
                                     "qualifier": row["qualifier"], "date": f"{start}/{end}"}
                continue
        rows.append(row)
    return rows
