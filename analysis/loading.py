"""Read an article file in any of the encodings Chinese news sites use and parse it into an Article."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from charset_normalizer import from_bytes

from analysis.article import Article, ArticleError, Caption, Paragraph, Span
from analysis.cleaning import clean_line, strip_span

ENCODINGS = ["utf_8", "utf_16", "big5hkscs", "gb18030"]
HONG_KONG = ZoneInfo("Asia/Hong_Kong")

PUBLISHED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2}) +(\d{1,2}):(\d{2})")
SOURCE = re.compile(r"來源[:：](.+)")
CITED_SOURCE = re.compile(r"資料來源[:：](.+)")
EDITOR = re.compile(r"[\[［【]責任編輯[:：](.+?)[\]］】]")
REPORTER = re.compile(r" *[(（]記者 *([^)）]+)[)）]$")
CREDIT = re.compile(r" *(供圖/\S+|\S+供圖)$")
CAPTION_LABEL = re.compile(r"^(頂圖)[:：]")
COPYRIGHT = re.compile(r"版權作品")
# The page's trailer: everything from the related-news list on is site furniture, not the article.
TRAILER = ("相關新聞", "網友評論")
SENTENCE_PUNCTUATION = re.compile(r"[。，,；;！!？?：:]")
HEADING_MAX_CHARS = 40
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than tab and line ends


def read_text(path: Path) -> tuple[str, str]:
    """The decoded text of a file and the encoding the detector found; ArticleError if it is not text."""
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    match = from_bytes(data, cp_isolation=ENCODINGS).best()
    if match is None:
        raise ArticleError(f"{path}: cannot be decoded as UTF-8, UTF-16, Big5-HKSCS or GB18030 (binary or corrupt?)")
    text = str(match)
    controls = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    if controls:
        raise ArticleError(f"{path}: holds control characters {', '.join(controls[:5])}; this looks like a binary file")
    if not text.strip():
        raise ArticleError(f"{path}: holds only whitespace")
    return text, match.encoding


def clean_lines(raw: str) -> list[tuple[str, int]]:
    """Each non-blank line, cleaned and trimmed, with the offset in `raw` where it starts."""
    lines, offset = [], 0
    for line in raw.split("\n"):
        cleaned = clean_line(line.removesuffix("\r"))
        start, end = strip_span(cleaned)
        if end > start:
            lines.append((cleaned[start:end], offset + start))
        offset += len(line) + 1
    return lines


def published_at(match: re.Match) -> datetime:
    """The publication time of a matched date line, in Hong Kong time."""
    year, month, day, hour, minute = map(int, match.groups())
    return datetime(year, month, day, hour, minute, tzinfo=HONG_KONG)


def load_article(path: str | Path) -> Article:
    """Read and parse an article file into an Article; ArticleError names the file and what is wrong."""
    path = Path(path)
    raw, encoding = read_text(path)
    lines = clean_lines(raw)
    header = next((i for i, (line, _) in enumerate(lines) if PUBLISHED.fullmatch(line)), None)
    if header is None:
        raise ArticleError(f"{path}: no publication line of the form 'YYYY-MM-DD HH:MM'")
    if header == 0:
        raise ArticleError(f"{path}: no title line before the publication line")

    meta = {"source": "", "cited_source": "", "reporter": "", "editor": ""}
    pieces: list[tuple[str, str, int, dict]] = [("title", lines[0][0], lines[0][1], {})]
    for line, raw_start in lines[header + 1 :]:
        if line in TRAILER:
            break
        if m := CITED_SOURCE.fullmatch(line):
            meta["cited_source"] = m.group(1).strip()
        elif m := SOURCE.fullmatch(line):
            meta["source"] = m.group(1).strip()
        elif m := EDITOR.fullmatch(line):
            meta["editor"] = m.group(1).strip()
        elif COPYRIGHT.search(line):
            continue
        elif "供圖" in line and (m := CREDIT.search(line)):  # the search alone takes time quadratic in the line
            label = CAPTION_LABEL.match(line)
            start = label.end() if label else 0
            extra = {"credit": m.group(1), "label": label.group(1) if label else ""}
            pieces.append(("caption", line[start : m.start()], raw_start + start, extra))
        else:
            if m := REPORTER.search(line):
                meta["reporter"] = m.group(1).strip()
                line = line[: m.start()]
            is_heading = len(line) <= HEADING_MAX_CHARS and not SENTENCE_PUNCTUATION.search(line)
            pieces.append(("paragraph", line, raw_start, {"is_heading": is_heading}))

    text_parts, spans, paragraphs, captions = [], [], [], []
    offset = 0
    for kind, content, raw_start, extra in pieces:
        end = offset + len(content)
        spans.append(Span(offset, end, raw_start))
        text_parts.append(content)
        if kind == "paragraph":
            paragraphs.append(Paragraph(content, extra["is_heading"], offset, end))
        elif kind == "caption":
            captions.append(Caption(content, extra["credit"], extra["label"], len(paragraphs) - 1, offset, end))
        offset = end + 1
    if not paragraphs:
        raise ArticleError(f"{path}: no body paragraphs after the publication line")
    return Article(
        title=lines[0][0],
        published=published_at(PUBLISHED.fullmatch(lines[header][0])),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        text="\n".join(text_parts),
        path=path,
        encoding=encoding,
        raw_text=raw,
        spans=tuple(spans),
        **meta,
    )
