"""The structured, cleaned article every analysis reads, and the map from its text back to the raw file."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

LINE_BREAK = re.compile(r"\r\n?|\n")
# the plain names of the zones outlets print their times in (a zone's abbreviation, CST, says China to some readers
# and the US Midwest to others)
ZONE_NAMES = {"Asia/Hong_Kong": "Hong Kong time", "Asia/Shanghai": "Beijing time", "Asia/Macau": "Macao time",
              "Asia/Taipei": "Taipei time", "Asia/Singapore": "Singapore time"}


def utc_offset(moment: datetime) -> str:
    """A moment's offset from UTC as people write it: UTC+8, UTC-3:30, UTC."""
    minutes = round(moment.utcoffset().total_seconds() / 60)
    if not minutes:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def published_text(published: datetime | date | None, time: bool = True) -> str:
    """A publication date as every report, chart and index writes it: `2021-07-29 10:24 UTC+8 (Hong Kong time)`,
    `2021-07-29` for a date alone (or when `time` is False), `undated` for none."""
    if published is None:
        return "undated"
    if not isinstance(published, datetime) or not time:
        return f"{published:%Y-%m-%d}"
    if published.utcoffset() is None:
        return f"{published:%Y-%m-%d %H:%M} (local time)"
    zone = ZONE_NAMES.get(getattr(published.tzinfo, "key", ""))
    return f"{published:%Y-%m-%d %H:%M} {utc_offset(published)}" + (f" ({zone})" if zone else "")


def published_from_iso(text: str | None) -> datetime | date | None:
    """A publication date read back from article.json: a datetime, a date (10 characters), or None."""
    if not text:
        return None
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message names the file and the problem."""


class ArticleWarning(UserWarning):
    """An article that loads but lacks something a reader should check (a full publication date); names the file."""


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph or subheading; start and end are offsets into Article.text."""

    text: str
    is_heading: bool
    start: int
    end: int


@dataclass(frozen=True)
class Caption:
    """A photo caption with its credit; label is the caption's own tag (頂圖 for the top image) or ''."""

    text: str
    credit: str
    label: str
    after_paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A run of Article.text that is a character-for-character copy of the raw text at raw_start."""

    start: int
    end: int
    raw_start: int


@dataclass(frozen=True)
class Article:
    """One news article: metadata, paragraphs, captions and the cleaned text, comparable across encodings.

    published is a time-zone-aware datetime when the page gives date and time, a date when it gives only the date,
    None when it gives no full date. outlet is the canonical name of the outlet `source` names (reading.outlets), or
    `source` as printed when the registry does not list it; kicker (引題) and subtitle (副題) are the lines printed
    above and below the headline, also kept in the text as its first headings; dateline is the wire's opening of the
    first paragraph (新华社北京6月29日电), left out of the text; year_note says where the year of a date line printed
    without one came from, or that the page gives none. raw_text is the decoded file, or for a saved web page the
    text extracted from it (title, date line, main text), which is what the offsets index."""

    title: str
    published: datetime | date | None
    source: str
    cited_source: str
    reporter: str
    editor: str
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...]
    text: str
    path: Path = field(compare=False)
    encoding: str = field(compare=False)
    raw_text: str = field(compare=False, repr=False)
    spans: tuple[Span, ...] = field(compare=False, repr=False)
    original_title: str = ""
    layout: str = field(default="", compare=False)
    outlet: str = ""
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""
    year_note: str = field(default="", compare=False)

    @property
    def published_text(self) -> str:
        """The publication date as the reports write it (see published_text)."""
        return published_text(self.published)

    @property
    def date_note(self) -> str:
        """What a reader should know about the publication date, in plain words; empty when the page gives date and
        time."""
        year = f" {self.year_note[0].upper()}{self.year_note[1:]}." if self.year_note else ""
        if self.published is None:
            return ("The page gives no publication date, so relative dates such as 今年 or 去年 are left "
                    "unresolved." + year)
        if not isinstance(self.published, datetime):
            return "The page gives a publication date but no time of day." + year
        return year.strip()

    def raw_offset(self, offset: int) -> int:
        """Offset in raw_text (the decoded raw file) of the character at `offset` in text."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} is outside the text (0..{len(self.text)})")
        span = self.spans[max(bisect_right(self.spans, offset, key=lambda s: s.start) - 1, 0)]
        return span.raw_start + min(offset, span.end) - span.start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Start and end in raw_text of text[start:end]."""
        if end <= start:
            return self.raw_offset(start), self.raw_offset(start)
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def part_at(self, offset: int) -> tuple[str, int | None]:
        """The part of the article the character at `offset` in text is in (title, paragraph, heading or caption),
        and the paragraph's 1-based number."""
        at = bisect_right(self._parts, offset, key=lambda part: part[0]) - 1
        if at >= 0 and offset < self._parts[at][1]:
            return self._parts[at][2:]
        return "title", None

    @cached_property
    def _parts(self) -> list[tuple[int, int, str, int | None]]:
        """Start, end, kind and paragraph number of every paragraph, heading and caption, in text order."""
        parts = [(p.start, p.end, "heading" if p.is_heading else "paragraph", number)
                 for number, p in enumerate(self.paragraphs, 1)]
        return sorted(parts + [(c.start, c.end, "caption", None) for c in self.captions])

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets in raw_text where each line after the first starts (after \\n, \\r\\n or a lone \\r)."""
        return [m.end() for m in LINE_BREAK.finditer(self.raw_text)]

    def raw_line(self, offset: int) -> int:
        """1-based line number in the raw file of the character at `offset` in text."""
        return bisect_right(self._line_starts, self.raw_offset(offset)) + 1

    def to_dict(self) -> dict:
        """A JSON-ready dict of the article: metadata, paragraphs, captions, text and offset spans."""
        return {
            "path": self.path.name,
            "encoding": self.encoding,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "original_title": self.original_title,
            "layout": self.layout,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "year_note": self.year_note,
            "source": self.source,
            "cited_source": self.cited_source,
            "reporter": self.reporter,
            "editor": self.editor,
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "captions": [asdict(c) for c in self.captions],
            "text": self.text,
            "spans": [asdict(s) for s in self.spans],
        }
