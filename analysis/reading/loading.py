"""Read an article file (text in the encodings Chinese news sites use, or a saved web page) and parse it into an
Article; what each line of a page is comes from the page's layout (analysis.reading.layouts)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from charset_normalizer import from_bytes

from analysis.reading.article import Article, ArticleError, ArticleWarning, Caption, Paragraph, Span
from analysis.reading.characters import BIDI_CONTROLS, is_han
from analysis.reading.cleaning import clean_line, strip_span
from analysis.reading.layouts import choose_layout
from analysis.reading.layouts.common import DATE_TIME, NAMES, NEWS_LEAD, DateLine, LineReading, is_heading, is_names
from analysis.reading.outlets import Outlet, file_outlet, find_outlet

ENCODINGS = ["utf_8", "utf_16", "big5hkscs", "gb18030"]
WEB_PAGES = (".html", ".htm")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than tab and line ends
# characters that show nothing but change what a reader or a segmenter sees: zero-width spaces and joiners (學\u200b習
# would be two words), the soft hyphen, the byte-order mark, and bidirectional controls (a U+202E turns a title round)
INVISIBLE = re.compile(f"[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff{BIDI_CONTROLS}]")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# a date in the file name (2021-07-29_hkcd_….txt) gives the year of a wire dateline that has only month and day
FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
# 標題\作者、作者: the authors printed after the title
TITLE_AUTHORS = re.compile(rf"(?P<title>.+?)\s*[\\＼]\s*(?P<names>{NAMES})")
SENTENCE_END = "。！？!?"
# what a text's lead adds to the outlet's name: brackets, a date, 訊, 電, 報導 (【大纪元3月2日报导】)
LEAD_WORDS = re.compile(r"[【】\[\]\s]|\d{1,2}月\d{1,2}日|[電电訊讯]$|[報报][導导道]$")
# a subtitle (副題) opens with a dash: ——來自廣東深圳的調查
SUBTITLE = re.compile(r"[—─－-]{1,2}")
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 5, 100
# a site's menu or breadcrumbs (首頁 | 新聞, 首頁 > 深圳): short names between bars or arrows, not a paragraph
NAVIGATION = re.compile(r"\w{1,8}(?:\s*[|｜>＞»/]\s*\w{1,8})+")


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


def clean_lines(raw: str) -> list[tuple[str, Sequence[int]]]:
    """Each non-blank line, cleaned and trimmed, its INVISIBLE characters taken out, with the offset in `raw` of each
    of its characters; \\r\\n, \\n and a lone \\r each end a line."""
    lines = []
    for match in LINE.finditer(raw):
        text = match.group().rstrip("\r\n")
        offsets: Sequence[int] = range(match.start(), match.start() + len(text))
        if INVISIBLE.search(text):
            offsets = [offset for offset, char in zip(offsets, text, strict=True) if not INVISIBLE.match(char)]
            text = INVISIBLE.sub("", text)
        cleaned = clean_line(text)
        start, end = strip_span(cleaned)
        if end > start:
            lines.append((cleaned[start:end], offsets[start:end]))
    return lines


def raw_runs(line: str, offsets: Sequence[int], start: int, end: int) -> list[tuple[str, int]]:
    """line[start:end] in runs that are each a copy of the raw text (split where an invisible character was taken
    out), each with its offset in the raw text."""
    if isinstance(offsets, range) or end <= start:
        return [(line[start:end], offsets[0] + start)]
    runs, first = [], start
    for i in range(start + 1, end + 1):
        if i == end or offsets[i] != offsets[i - 1] + 1:
            runs.append((line[first:i], offsets[first]))
            first = i
    return runs


def line_number(raw: str, offset: int) -> int:
    """1-based line number in `raw` of the character at `offset`."""
    return sum(1 for _ in re.finditer(r"\r\n?|\n", raw[:offset])) + 1


def publication(line: DateLine, year: int, zone: ZoneInfo, day_first: bool, where: str) -> datetime | date:
    """The date (and time, in the outlet's zone) a date line gives, in `year`; ArticleError if no such date exists."""
    month, day = line.ordered(day_first)
    try:
        if line.hour is not None:
            return datetime(year, month, day, line.hour, line.minute, line.second or 0, tzinfo=zone)
        return date(year, month, day)
    except ValueError as error:
        raise ArticleError(f"{where}: impossible publication date ({error})") from None


def file_stamp(path: Path) -> date | None:
    """The date in the file's name (2021-07-02_….txt), if it is a real one."""
    if found := FILE_DATE.search(path.name):
        try:
            return date(*(int(g) for g in found.groups()))
        except ValueError:
            return None
    return None


def text_events(pieces: list) -> list[date]:
    """The full dates (with a year, in year-first order) the article's paragraphs speak of."""
    events = []
    for kind, segments, _ in pieces:
        if kind != "paragraph":
            continue
        text = "".join(content for content, _ in segments)
        for found in DATE_TIME.finditer(text):
            try:
                events.append(date(int(found["year"]), int(found["month"]), int(found["day"])))
            except ValueError:
                continue
    return events


def year_of(month: int, day: int, full_dates: list[date], stamps: list[tuple[date, str]], path: Path,
            pieces: list) -> tuple[int, str] | None:
    """The year of a month and day the page prints without one, and where it comes from: another date line of the
    page on that day; a stamp of the saved page (its metadata, its address, the file name: the page was published on
    or before it); the latest date the text speaks of (it was published on or after it); None when there is none."""
    for full in full_dates:
        if (full.month, full.day) == (month, day):
            return full.year, f"the page's other date line ({full.isoformat()})"
    if (found := file_stamp(path)) is not None:
        stamps = [*stamps, (found, "the file name")]
    for stamp, source in stamps:
        return stamp.year - ((month, day) > (stamp.month, stamp.day)), f"{source} ({stamp.isoformat()})"
    if events := text_events(pieces):
        latest = max(events)
        return latest.year + ((month, day) < (latest.month, latest.day)), f"the latest date in the text ({latest})"
    return None


def load_article(path: str | Path) -> Article:
    """Read and parse an article file (.txt in any of ENCODINGS, or a saved .html/.htm page) into an Article.

    ArticleError names the file and what is wrong; an ArticleWarning says when the page gives no full date, or when
    the year of its date line comes from elsewhere on the page."""
    path = Path(path)
    if path.exists() and not path.is_file():  # reading a pipe or a device would wait for ever
        raise ArticleError(f"{path}: not a regular file (a folder, a pipe or a device)")
    stamps: list[tuple[date, str]] = []
    if path.suffix.lower() in WEB_PAGES:
        from analysis.reading.webpages import read_web_page  # trafilatura takes a second to import: only for web pages

        raw, encoding, stamps = read_web_page(path)
    else:
        raw, encoding = read_text(path)
    return parse_article(path, raw, encoding, stamps)


def parse_article(path: Path, raw: str, encoding: str, stamps: list[tuple[date, str]] = ()) -> Article:
    """The Article in a page's text: its layout chosen by what the page prints, each line read by that layout;
    `stamps` are dates the saved page holds outside its text (metadata, address), for a date line without a year."""
    lines = clean_lines(raw)
    layout = choose_layout([line for line, _ in lines])
    meta = {"source": "", "cited_source": "", "reporter": "", "editor": "", "original_title": "", "dateline": ""}
    heads = {"kicker": "", "subtitle": ""}
    dated_lines: list[tuple[DateLine, str]] = []  # date lines below the title, where each is
    header_dates: list[tuple[DateLine, str]] = []  # date lines above it: a site may print today's date there
    dateline, title, in_body, paragraphs_seen, skip = None, None, False, False, 0
    furniture: list[str] = []  # the site's lines around the article (its logo, copyright): they may name the outlet
    pieces: list[tuple[str, list[tuple[str, int]], dict]] = []
    readings = [layout.read(line) for line, _ in lines]
    for number, ((line, offsets), reading) in enumerate(zip(lines, readings, strict=True)):
        raw_start = offsets[0]
        if skip:
            skip -= 1
            continue
        if title is None:
            if (
                reading.kind in ("boilerplate", "trailer") or is_channel_name(lines, readings, number)
                or (reading.kind == "body" and not any(is_han(c) for c in line))  # a player's 0:00 / 0:00
            ):
                furniture.append(line)
                continue
            if reading.kind != "body":
                if "published" in reading.fields:
                    header_dates.append((reading.fields["published"], where_in(path, raw, raw_start, line)))
                merge(meta, reading.fields)
                continue
            block = title_block(lines, readings, number)
            parts = title_parts(block)
            title = read_title(parts["title"][0], bool(header_dates), path, meta)
            pieces.append(("title", raw_runs(title, parts["title"][1], 0, len(title)), {}))
            for key in ("kicker", "subtitle"):
                if key in parts:
                    text, where = parts[key]
                    heads[key] = text
                    pieces.append(("head", raw_runs(text, where, 0, len(text)), {}))
            skip = len(block) - 1
            continue
        if reading.kind == "trailer":
            break
        if reading.kind == "boilerplate":
            furniture.append(line)
            continue
        if reading.kind == "meta":
            if "published" in reading.fields:
                dated_lines.append((reading.fields["published"], where_in(path, raw, raw_start, line)))
            if "credit" in reading.fields:
                credit_previous_caption(pieces, reading.fields["credit"])
            merge(meta, reading.fields)
            continue
        if not in_body and is_names(line):  # 標題 / 作者、作者: the authors printed under the title
            merge(meta, {"reporter": line})
            continue
        segments = [run for start, end in reading.keep for run in raw_runs(line, offsets, start, end)]
        in_body = True
        if reading.kind == "caption":
            pieces.append(("caption", segments, {"credit": reading.credit, "label": reading.label}))
            continue
        merge(meta, reading.fields)
        if segments and not paragraphs_seen and not heads["subtitle"] and is_subtitle(line, reading):
            heads["subtitle"] = line  # ——來自深圳的調查 under the date line: the subtitle, not a subheading
            pieces.append(("head", segments, {}))
            continue
        if segments:
            if not paragraphs_seen and not is_heading("".join(c for c, _ in segments)):
                # only the first paragraph (not a subheading) opens with a wire dateline: the agency, place and
                # day it was filed (新华社北京6月29日电) are the page's metadata, not the article's words or numbers
                dateline, paragraphs_seen = reading.fields.get("wire_dateline"), True
                if dateline:
                    meta["dateline"] = dateline.group().strip()
                    segments = after_cut(segments, raw_offset(offsets, dateline.end()))
            if segments:
                pieces.append(("paragraph", segments, {}))
    if title is None:
        raise ArticleError(f"{path}: no title line (every line is a date, a label or site furniture)")
    outlet = page_outlet(meta["source"], meta["dateline"], furniture, pieces, path)
    zone, day_first = (outlet.zone, outlet.day_first) if outlet else (layout.zone, True)
    notes: list[str] = []
    # the first date line below the title; one above it is the last resort
    published = publication_date(dated_lines + header_dates, dateline, stamps, zone, day_first, path, pieces, notes)
    meta |= heads | {"outlet": outlet.name if outlet else meta["source"].strip(), "year_note": "; ".join(notes)}
    article = assemble(path, raw, encoding, layout, title, published, meta, pieces)
    warn_about_date(path, published, notes)  # only once the page is an article: a refused one is not warned about
    return article


def publication_date(
    dated: list[tuple[DateLine, str]], dateline: re.Match | None, stamps: list[tuple[date, str]], zone: ZoneInfo,
    day_first: bool, path: Path, pieces: list, notes: list[str],
) -> datetime | date | None:
    """The publication date of the first date line, else a wire dateline's month and day; a date without a year
    takes it from the page's own evidence (year_of), and `notes` say where it came from or that there was none."""
    if dated:
        line, where = dated[0]
        if line.year is not None:
            return publication(line, line.year, zone, day_first, where)
        full_dates = [date(d.year, *d.ordered(day_first)) for d, _ in dated[1:] if d.year is not None and valid(d)]
        month, day = line.ordered(day_first)
        printed = where.partition(", line ")[2].split(" ", 1)[1]  # the raw line after its number
        if found := year_of(month, day, full_dates, list(stamps), path, pieces):
            notes.append(f"the date line {printed} gives no year; {found[0]} is taken from {found[1]}")
            return publication(line, found[0], zone, day_first, where)
        notes.append(f"the date line {printed} gives no year and the page gives none")
        return None
    if dateline is not None:
        month, day = int(dateline["month"]), int(dateline["day"])
        if found := year_of(month, day, [], list(stamps), path, pieces):
            try:
                return date(found[0], month, day)
            except ValueError:
                return None
    return None


def valid(line: DateLine) -> bool:
    """Whether a date line with a year names a day that exists."""
    try:
        date(line.year, *line.ordered(True))
    except ValueError:
        return False
    return True


def title_block(lines: list[tuple[str, Sequence[int]]], readings: list[LineReading],
                number: int) -> list[tuple[str, Sequence[int]]]:
    """The title's lines: the first line that reads as text and, when a date, label or byline line follows, up to two
    more lines that read as titles (a kicker above the headline, a subtitle below it)."""
    block = [lines[number]]
    following = number + 1
    while (
        len(block) < 3 and following < len(lines) and readings[following].kind == "body"
        and is_title_like(lines[following][0]) and is_title_like(lines[number][0])
    ):
        block.append(lines[following])
        following += 1
    if len(block) > 1 and not (following < len(lines) and readings[following].kind == "meta"):
        # no metadata below: the lines after the first are the text's own subheadings, unless one is a subtitle
        return block[:2] if SUBTITLE.match(block[1][0]) else block[:1]
    return block


def title_parts(block: list[tuple[str, Sequence[int]]]) -> dict[str, tuple[str, Sequence[int]]]:
    """Kicker, title and subtitle of a title block: a line opening with a dash (——來自深圳的調查) is the subtitle
    of the line above it; of two plain lines the first is the kicker."""
    if len(block) == 1:
        return {"title": block[0]}
    if SUBTITLE.match(block[1][0]):
        return {"title": block[0], "subtitle": block[1]}
    parts = {"kicker": block[0], "title": block[1]}
    if len(block) == 3:
        parts["subtitle"] = block[2]
    return parts


def raw_offset(offsets: Sequence[int], index: int) -> int:
    """The offset in the raw text of a line's character at `index`, or just after its last one."""
    return offsets[index] if index < len(offsets) else offsets[-1] + 1


def after_cut(segments: list[tuple[str, int]], raw_cut: int) -> list[tuple[str, int]]:
    """A line's kept runs less what lies before `raw_cut` (an offset in the raw text), and the spaces after it."""
    kept = []
    for content, raw_start in segments:
        skip = max(0, min(len(content), raw_cut - raw_start))
        content, raw_start = content[skip:], raw_start + skip
        stripped = content.lstrip(" ") if skip else content
        if stripped:
            kept.append((stripped, raw_start + len(content) - len(stripped)))
    return kept


def is_subtitle(line: str, reading: LineReading) -> bool:
    """Whether a whole line opens with a dash and reads as a title: a subtitle (副題)."""
    return bool(SUBTITLE.match(line)) and reading.keep == ((0, len(line)),) and is_title_like(line)


def is_title_like(line: str) -> bool:
    """Whether a line may be part of a title: short, no full stop (a caption's), not a list of names."""
    return len(line) <= TITLE_MAX_CHARS and line[-1] not in SENTENCE_END and "。" not in line and not is_names(line)


def page_outlet(source: str, dateline: str, furniture: list[str], pieces: list, path: Path) -> Outlet | None:
    """The registered outlet the source line names; without a source line, the one the text's lead names
    (【文匯網訊】, 【大纪元3月2日报导】, 新华社北京6月29日电), the site's own lines (its logo, its copyright) or the
    file's name (2021-07-29_hkcd_….txt)."""
    if source:
        return find_outlet(source)
    first = dateline or next(("".join(c for c, _ in pieces_) for kind, pieces_, _ in pieces if kind == "paragraph"), "")
    if (lead := NEWS_LEAD.match(first)) and (found := find_outlet(LEAD_WORDS.sub("", lead.group()))):
        return found
    if found := next((found for line in furniture if (found := find_outlet(line))), None):
        return found
    return file_outlet(path.stem)


def where_in(path: Path, raw: str, raw_start: int, line: str) -> str:
    """The file, the line's number and its raw text, for messages."""
    return f"{path}, line {line_number(raw, raw_start)} {raw[raw_start : raw_start + len(line)]!r}"


def is_channel_name(lines: list[tuple[str, Sequence[int]]], readings: list[LineReading], number: int) -> bool:
    """Whether a short line is a channel's or column's name above the title (深圳, 大公評論): the next line reads as a
    title too."""
    following = number + 1
    return (
        len(lines[number][0]) < TITLE_MIN_CHARS
        and following < len(lines)
        and readings[following].kind == "body"
        and lines[following][0][-1] not in SENTENCE_END
    )


def read_title(line: str, dated: bool, path: Path, meta: dict) -> str:
    """The title line, less authors printed after a backslash; ArticleError if a date line comes first and the first
    line after it reads as a sentence, not a title."""
    if dated and (line[-1] in SENTENCE_END or len(line) > TITLE_MAX_CHARS):
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


def warn_about_date(path: Path, published: datetime | date | None, notes: list[str]) -> None:
    """Warn when the page gives no publication date, a date without the time of day, or a year taken from elsewhere
    on the page (`notes` say where)."""
    said = "; ".join(notes)
    if published is None:
        message = f"no publication date on the page{f' ({said})' if said else ''}; published is None"
    elif not isinstance(published, datetime):
        message = f"publication date {published.isoformat()} has no time of day; published is a date"
        message += f" ({said})" if said else ""
    elif said:
        message = f"publication date {published.isoformat()}: {said}"
    else:
        return
    warnings.warn(f"{path}: {message}", ArticleWarning, stacklevel=4)


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
        if kind in ("paragraph", "head"):
            paragraphs.append(Paragraph(content, kind == "head" or is_heading(content), start, offset))
        elif kind == "caption":
            captions.append(Caption(content, extra["credit"], extra["label"], len(paragraphs) - 1, start, offset))
        offset += 1
    if not any(kind == "paragraph" for kind, _, _ in pieces):
        raise ArticleError(f"{path}: no body paragraphs after the title and publication line")
    if all(NAVIGATION.fullmatch(paragraph.text) for paragraph in paragraphs):
        raise ArticleError(f"{path}: no body paragraphs, only a site's menu ({paragraphs[0].text})")
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
