"""Date expressions in an article (2019年1月, 7月22日, 今年, 去年3月, 年底) and their ISO dates."""

from __future__ import annotations

import re
from datetime import datetime

RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
# a date starts with a digit or 前去今明; without the lookahead this all-optional pattern matches at every character
DATE = re.compile(
    r"(?=[0-9前去今明])(?:(?P<year>(?:19|20)\d\d)年|(?P<relative>前年|去年|今年|明年))?"
    r"(?:(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])[日號])?)?"
    r"(?P<end>底)?(?P<suffix>以來)?"
)
# 年底 on its own is the end of the publication year; 年初 and 年終 are left alone, as in 年終考核 they name a
# yearly routine, not a date
YEAR_END = re.compile(r"(?<![前去今明\d])年底")


def resolve_date(match: re.Match, published: datetime) -> str:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a date expression, relative ones read from the publication date."""
    year = int(match["year"]) if match["year"] else published.year + RELATIVE_YEARS.get(match["relative"], 0)
    if match["end"]:
        return f"{year:04d}-12"
    if not match["month"]:
        return f"{year:04d}"
    month = int(match["month"])
    day = int(match["day"]) if match["day"] else None
    if not (match["year"] or match["relative"]) and (month, day or 1) > (published.month, published.day):
        year -= 1  # a bare month and day later than the publication date is last year's
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_dates(text: str, published: datetime) -> list[dict]:
    """Date expressions in text: 2019年1月, 7月22日, 今年, 去年3月, 年底, with their ISO dates."""
    found = []
    for match in DATE.finditer(text):
        has_year = match["year"] or match["relative"]
        if not (has_year or match["month"]) or (match["end"] and not has_year):
            continue
        qualifier = match["suffix"] or ""
        found.append({"text": match.group(), "start": match.start(), "end": match.end(), "qualifier": qualifier,
                      "date": resolve_date(match, published)})
    for match in YEAR_END.finditer(text):
        found.append({"text": match.group(), "start": match.start(), "end": match.end(), "qualifier": "",
                      "date": f"{published.year:04d}-12"})
    return found
