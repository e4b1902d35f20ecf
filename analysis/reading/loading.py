"""Read an article file (text in the encodings Chinese news sites use, or a saved web page) and parse it into an
Article; what each line of a page is comes from the page's layout (analysis.reading.layouts)."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from analysis.reading.article import Article, ArticleError, ArticleWarning, Caption, Paragraph, Span
from analysis.reading.cleaning import clean_line, strip_span
from analysis.reading.layouts import Layout, choose_layout
from analysis.reading.layouts.common import NAMES, Reading, is_heading, is_names

ENCODINGS = ["utf_8", "utf_16", "big5hkscs", "gb18030"]
WEB_PAGES = (".html", ".htm")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than tab and line ends
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# a date in the file name (2021-07-29_hkcd_….txt) gives the year of a wire dateline that has only month and day
FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
# 標題\作者、作者: the authors printed after the title
TITLE_AUTHORS = re.compile(rf"(?P<title>.+?)\s*[\\＼]\s*(?P<names>{NAMES})")
SENTENCE_END = "。！？!?"
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 5, 100


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
    """Each non-blank line, cleaned and trimmed, with the offset in `raw` where it starts; \\r\\n, \\n and a lone \\r
    each end a line."""
    lines = []
    for match in LINE.finditer(raw):
        cleaned = clean_line(match.group().rstrip("\r\n"))
        start, end = strip_span(cleaned)
        if end > start:
            lines.append((cleaned[start:end], match.start() + start))
    return lines


def line_number(raw: str, offset: int) -> int:
    """1-based line number in `raw` of the character at `offset`."""
    return sum(1 for _ in re.finditer(r"\r\n?|\n", raw[:offset])) + 1


def publication(match: re.Match, layout: Layout, where: str) -> datetime | date:
    """The date (and time, in the layout's zone) a matched date line gives; ArticleError if no such date exists."""
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    try:
        if match["hour"]:
            second = int(match["second"] or 0)
            return datetime(year, month, day, int(match["hour"]), int(match["minute"]), second, tzinfo=layout.zone)
        return date(year, month, day)
    except ValueError as error:
        raise ArticleError(f"{where}: impossible publication date ({error})") from None


def dateline_date(dateline: re.Match, path: Path) -> date | None:
    """The date of a wire dateline (6月29日电), its year taken from a date in the file name; None without one."""
    found = FILE_DATE.search(path.name)
    if not found:
        return None
    year, month, day = (int(g) for g in found.groups())
    wire = int(dateline["month"]), int(dateline["day"])
    try:
        # a page is saved after it is published: a dateline later in the year than the file's date is last year's
        return date(year - (wire > (month, day)), *wire)
    except ValueError:
        return None


def load_article(path: str | Path) -> Article:
    """Read and parse an article file (.txt in any of ENCODINGS, or a saved .html/.htm page) into an Article.

    ArticleError names the file and what is wrong; an ArticleWarning says when the page gives no full date."""
    path = Path(path)
    if path.suffix.lower() in WEB_PAGES:
        from analysis.reading.webpages import read_web_page  # trafilatura takes a second to import: only for web pages

        raw, encoding = read_web_page(path)
    else:
        raw, encoding = read_text(path)
    return parse_article(path, raw, encoding)


def parse_article(path: Path, raw: str, encoding: str) -> Article:
    """The Article in a page's text: its layout chosen by what the page prints, each line read by that layout."""
    lines = clean_lines(raw)
    layout = choose_layout([line for line, _ in lines])
    meta = {"source": "", "cited_source": "", "reporter": "", "editor": "", "original_title": ""}
    published, dated_header, dateline, title, in_body, paragraphs_seen = None, None, None, None, False, False
    pieces: list[tuple[str, list[tuple[str, int]], dict]] = []
    readings = [layout.read(line) for line, _ in lines]
    for number, ((line, raw_start), reading) in enumerate(zip(lines, readings, strict=True)):
        if title is None:
            if reading.kind in ("boilerplate", "trailer") or is_channel_name(lines, readings, number):
                continue
            if reading.kind != "body":
                if "published" in reading.fields and dated_header is None:
                    dated_header = publication_of(reading, layout, path, raw, raw_start, line)
                merge(meta, reading.fields)
                continue
            title = read_title(line, raw_start, dated_header, path, meta)
            pieces.append(("title", [(title, raw_start)], {}))
            continue
        if reading.kind == "trailer":
            break
        if reading.kind == "boilerplate":
            continue
        if reading.kind == "meta":
            if "published" in reading.fields and published is None:
                published = publication_of(reading, layout, path, raw, raw_start, line)
            if "credit" in reading.fields:
                credit_previous_caption(pieces, reading.fields["credit"])
            merge(meta, reading.fields)
            continue
        if not in_body and is_names(line):  # 標題 / 作者、作者: the authors printed under the title
            merge(meta, {"reporter": line})
            continue
        segments = [(line[start:end], raw_start + start) for start, end in reading.keep]
        in_body = True
        if reading.kind == "caption":
            pieces.append(("caption", segments, {"credit": reading.credit, "label": reading.label}))
            continue
        merge(meta, reading.fields)
        if segments:
            if not paragraphs_seen and not is_heading("".join(c for c, _ in segments)):
                # only the first paragraph (not a subtitle) opens with a wire dateline
                dateline, paragraphs_seen = reading.fields.get("dateline"), True
            pieces.append(("paragraph", segments, {}))
    if title is None:
        raise ArticleError(f"{path}: no title line (every line is a date, a label or site furniture)")
    # a date above the title is the page's header (a site may print today's date there): the last resort
    published = published or dated_header
    if published is None and dateline is not None:
        published = dateline_date(dateline, path)
    warn_about_date(path, published)
    return assemble(path, raw, encoding, layout, title, published, meta, pieces)


def publication_of(
    reading: Reading, layout: Layout, path: Path, raw: str, raw_start: int, line: str
) -> datetime | date:
    """The publication date of a date line, or ArticleError naming the file and the raw line."""
    where = f"{path}, line {line_number(raw, raw_start)} {raw[raw_start : raw_start + len(line)]!r}"
    return publication(reading.fields["published"], layout, where)


def is_channel_name(lines: list[tuple[str, int]], readings: list[Reading], number: int) -> bool:
    """Whether a short line is a channel's or column's name above the title (深圳, 大公評論): the next line reads as a
    title too."""
    following = number + 1
    return (
        len(lines[number][0]) < TITLE_MIN_CHARS
        and following < len(lines)
        and readings[following].kind == "body"
        and lines[following][0][-1] not in SENTENCE_END
    )


def read_title(line: str, raw_start: int, published: datetime | date | None, path: Path, meta: dict) -> str:
    """The title line, less authors printed after a backslash; ArticleError if a date line comes first and the first
    line after it reads as a sentence, not a title."""
    if published is not None and (line[-1] in SENTENCE_END or len(line) > TITLE_MAX_CHARS):
        raise ArticleError(f"{path}: no title line before the publication line")
    if m := TITLE_AUTHORS.fullmatch(line):
        meta["reporter"] = meta["reporter"] or m["names"]
        return m["title"]
    return line


def merge(meta: dict, fields: dict) -> None:
    """Take each metadata field a line gives, unless an earlier line gave it."""
    for key in meta:
        if fields.get(key) and not meta[key]:
            meta[key] = fields[key]


def credit_previous_caption(pieces: list, credit: str) -> None:
    """Give a credit printed on its own line to the caption just before it, if that has none (else it is left out)."""
    if pieces and pieces[-1][0] == "caption" and not pieces[-1][2]["credit"]:
        pieces[-1][2]["credit"] = credit


def warn_about_date(path: Path, published: datetime | date | None) -> None:
    """Warn when the page gives no publication date, or a date without the time of day."""
    if published is None:
        warnings.warn(f"{path}: no publication date on the page; published is None", ArticleWarning, stacklevel=4)
    elif not isinstance(published, datetime):
        warnings.warn(
            f"{path}: publication date {published.isoformat()} has no time of day; published is a date",
            ArticleWarning,
            stacklevel=4,
        )


def assemble(path, raw, encoding, layout, title, published, meta, pieces) -> Article:
    """Join the pieces into the Article's text, with the spans that map it back to the raw text."""
    text_parts, spans, paragraphs, captions = [], [], [], []
    offset = 0
    for kind, segments, extra in pieces:
        start = offset
        for content, raw_start in segments:
            spans.append(Span(offset, offset + len(content), raw_start))
            offset += len(content)
        content = "".join(c for c, _ in segments)
        text_parts.append(content)
        if kind == "paragraph":
            paragraphs.append(Paragraph(content, is_heading(content), start, offset))
        elif kind == "caption":
            captions.append(Caption(content, extra["credit"], extra["label"], len(paragraphs) - 1, start, offset))
        offset += 1
    if not paragraphs:
        raise ArticleError(f"{path}: no body paragraphs after the title and publication line")
    return Article(
        title=title,
        published=published,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        text="\n".join(text_parts),
        path=path,
        encoding=encoding,
        raw_text=raw,
        spans=tuple(spans),
        layout=layout.name,
        **meta,
    )
