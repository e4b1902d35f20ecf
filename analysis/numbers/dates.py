"""Date expressions in an article (2019年1月, 7月22日, 8月10日至15日, 1-5月, 今年上半年, 去年底, 11日, 2021-07-29) and
their ISO dates.

The `date` column holds ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD; a range or a part of a year is an interval
start/end in the same precision (2019至2021年 → 2019/2021, 1-5月 → 2021-01/2021-05, 8月10日至15日 →
2021-08-10/2021-08-15, 上半年 → 2021-01/2021-06, 下半年 → 2021-07/2021-12). 年初 is the year's first month, 年底
its last, 4月底 and 4月初 the month itself (YYYY-04); 去年同期 is the date just before it in the sentence one year
back, or the year alone. Relative dates (今年, 去年, a month or day without a year) are read from the publication
date; a bare month or day later than it is the previous year's or month's, unless the sentence speaks of what is
still to come (將, 預計, 計劃: this year's, or the next month's). With no publication date (published
None) relative dates stay unresolved (''), absolute ones still resolve; a date that does not exist (2月30日) is
still a date expression, with date ''. Patterns are written in Traditional and matched on the Simplified text.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.reading.script import to_simplified

RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
TO = r"(?:至|到|－|-|—|–|~|～)"
YEAR = r"(?:19|20)\d\d"
MONTH = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# a date starts with a digit, 前去今明 or 上下 (上半年), not after 第 (第12日 counts days); without the lookahead this
# all-optional pattern matches at every character. A range's first part may leave out its mark (1-5月, 10-15日,
# 2019至2021年). A bare day is not one of days counted (3日內, 5日遊, 7日以上).
DATE = re.compile(to_simplified(
    rf"(?<![\d.第])(?=[0-9前去今明上下])"
    rf"(?:(?P<year>{YEAR})(?:年?{TO}(?P<year_to>{YEAR}))?年|(?P<relative>前年|去年|今年|明年))?"
    r"(?:(?P<half>上半年|下半年)|(?P<edge>年?[初底])|(?P<same>同期)"
    rf"|(?P<month>{MONTH})(?=月|{TO}{MONTH}月)月?(?:{TO}(?P<month_to>{MONTH})月)?"
    rf"(?:(?P<day>{DAY})(?=[日號]|{TO}(?:{MONTH}月)?{DAY}[日號])[日號]?"
    rf"(?:{TO}(?:(?P<day_month_to>{MONTH})月)?(?P<day_to>{DAY})[日號])?|(?P<month_edge>[初底]))?"
    rf"|(?P<bare_day>{DAY})(?=日(?![內遊以])|{TO}{DAY}日)日?(?:{TO}(?P<bare_day_to>{DAY})日)?)?"
    r"(?P<suffix>以來)?"
))
# 年底 on its own is the end of the publication year; 年初 and 年終 on their own are left alone, as in 年終考核 they
# name a yearly routine, not a date
YEAR_END = re.compile(r"(?<![前去今明年\d])年底")  # not in 今年年底 or 2020年年底 (found by DATE), nor 每年年底
YEAR_IN_DATE = re.compile(r"(?<![\d-])\d{4}")
# a sentence that speaks of what is still to come (8月10日至15日将举办): written in Simplified, as matched
FUTURE = re.compile(r"将|即将|预计|计划|拟|届时|下月")
# a date written with digits only (2021-07-29, 2021.7.29, 2021/07/29), as a dateline or a notice prints it
NUMERIC_DATE = re.compile(rf"(?<![\d.])({YEAR})([-/.])({MONTH})\2({DAY})(?![\d.])")


def resolve_date(match: re.Match, published: date | None, future: bool = False) -> str:
    """ISO date or interval of a DATE match (see the module's docstring), '' when it cannot be known; `future` when
    the sentence speaks of what is to come (將舉辦), so a bare date later than publication is this year's."""
    if match["year"]:
        year = int(match["year"])
    elif published is None:
        return ""  # 今年, 3月, 11日: relative to a publication date we do not have
    else:
        year = published.year + RELATIVE_YEARS.get(match["relative"], 0)
    try:
        return iso_date(match, year, published, future)
    except ValueError:
        return ""  # a day that does not exist (2月30日)


def iso_date(match: re.Match, year: int, published: date | None, future: bool = False) -> str:
    """resolve_date once the year is known; ValueError for a day that does not exist."""
    if match["year_to"]:
        return f"{year:04d}/{int(match['year_to']):04d}"
    if match["half"]:
        return f"{year:04d}-01/{year:04d}-06" if match["half"] == "上半年" else f"{year:04d}-07/{year:04d}-12"
    if match["edge"]:
        return f"{year:04d}-01" if match["edge"].endswith("初") else f"{year:04d}-12"
    if match["bare_day"]:
        return day_range(*day_month(published, int(match["bare_day"]), future), match["bare_day_to"], None)
    if not match["month"]:
        return f"{year:04d}"
    month, day = int(match["month"]), int(match["day"]) if match["day"] else None
    bare = not (match["year"] or match["relative"])
    if bare and not future and (month, day or 1) > (published.month, published.day):
        year -= 1  # a bare month and day later than the publication date is last year's, unless still to come
    if match["month_to"]:
        return f"{year:04d}-{month:02d}/{year:04d}-{int(match['month_to']):02d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return day_range(year, month, day, match["day_to"], match["day_month_to"])


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
    return f"{start}/{date(year, int(month_to) if month_to else month, int(day_to)).isoformat()}"


def same_period(resolved: str, year: int) -> str:
    """The period `resolved` moved to `year` (去年同期 after 今年上半年: 2021-01/2021-06 → 2020-01/2020-06)."""
    shift = year - int(resolved[:4])
    return YEAR_IN_DATE.sub(lambda y: f"{int(y.group()) + shift:04d}", resolved)


def find_dates(text: str, published: date | None, simple: str | None = None) -> list[dict]:
    """Date expressions in text with their ISO dates; `simple` is text's Simplified form when the caller has it."""
    simple = to_simplified(text) if simple is None else simple
    future, found = bool(FUTURE.search(simple)), []
    for match in DATE.finditer(simple):
        if not (match["year"] or match["relative"] or match["month"] or match["half"] or match["bare_day"]):
            continue
        resolved = resolve_date(match, published, future)
        if match["same"] and resolved:
            earlier = [d["date"] for d in found if d["date"]]
            resolved = same_period(earlier[-1], int(resolved)) if earlier else resolved
        found.append({"text": text[match.start():match.end()], "start": match.start(), "end": match.end(),
                      "qualifier": text[match.start("suffix"):match.end("suffix")], "date": resolved})
    for match in NUMERIC_DATE.finditer(simple):
        year, _, month, day = match.groups()
        try:
            resolved = date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            resolved = ""
        found.append({"text": text[match.start():match.end()], "start": match.start(), "end": match.end(),
                      "qualifier": "", "date": resolved})
    for match in YEAR_END.finditer(simple):
        found.append({"text": text[match.start():match.end()], "start": match.start(), "end": match.end(),
                      "qualifier": "", "date": f"{published.year:04d}-12" if published else ""})
    return sorted(found, key=lambda d: d["start"])
