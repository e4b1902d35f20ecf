"""The structured, cleaned article every analysis reads, and the map from its text back to the raw file."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message names the file and the problem."""


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
    """One news article: metadata, paragraphs, captions and the cleaned text, comparable across encodings."""

    title: str
    published: datetime
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

    def raw_offset(self, offset: int) -> int:
        """Offset in raw_text (the decoded raw file) of the character at `offset` in text."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} is outside the text (0..{len(self.text)})")
        span = self.spans[max(bisect_right([s.start for s in self.spans], offset) - 1, 0)]
        return span.raw_start + min(offset, span.end) - span.start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Start and end in raw_text of text[start:end]."""
        if end <= start:
            return self.raw_offset(start), self.raw_offset(start)
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def part_at(self, offset: int) -> tuple[str, int | None]:
        """The part of the article the character at `offset` in text is in (title, paragraph, heading or caption),
        and the paragraph's 1-based number."""
        for number, paragraph in enumerate(self.paragraphs, 1):
            if paragraph.start <= offset < paragraph.end:
                return ("heading" if paragraph.is_heading else "paragraph"), number
        if any(c.start <= offset < c.end for c in self.captions):
            return "caption", None
        return "title", None

    def raw_line(self, offset: int) -> int:
        """1-based line number in the raw file of the character at `offset` in text."""
        return self.raw_text.count("\n", 0, self.raw_offset(offset)) + 1

    def to_dict(self) -> dict:
        """A JSON-ready dict of the article: metadata, paragraphs, captions, text and offset spans."""
        return {
            "path": self.path.name,
            "encoding": self.encoding,
            "title": self.title,
            "published": self.published.isoformat(),
            "source": self.source,
            "cited_source": self.cited_source,
            "reporter": self.reporter,
            "editor": self.editor,
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "captions": [asdict(c) for c in self.captions],
            "text": self.text,
            "spans": [asdict(s) for s in self.spans],
        }
