"""Saved web pages: the article in an .html/.htm file as text (trafilatura for the main text, title and author, htmldate
for the date), read offline, laid out as a text page so the loader reads it like any other."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
from trafilatura import bare_extraction
from trafilatura.utils import detect_encoding

from analysis.reading.article import ArticleError
from analysis.reading.cleaning import clean_line
from analysis.reading.layouts import choose_layout
from analysis.reading.layouts.common import surnames

# elements after which a browser starts a new line: the page's visible lines are read to find its date line
BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "section", "article",
          "header", "footer", "figcaption", "time", "dd", "dt"}
AUTHOR_MAX_CHARS = 30
# htmldate reads the page's metadata only: the visible date lines are the layouts' to read, and its search of the free
# text guesses (a footer's copyright year becomes 1 January of that year)
DATE_SEARCH = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# pages declare the older, smaller encodings but are written in their supersets (a GBK character on a "gb2312" page)
SITE_SUFFIX = re.compile(r"\s*[_|｜\-–—]+\s*[^_|｜\-–—]{1,20}$")
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


def decode_page(path: Path, data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it declares or the detector finds; ArticleError if none decodes it."""
    for declared in detect_encoding(data):
        encoding = SUPERSETS.get(declared.lower().replace("_", "-"), declared)
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    raise ArticleError(f"{path}: the web page cannot be decoded (binary or corrupt?)")


def squeeze(text: str) -> str:
    """Text with runs of whitespace made one space, for comparing a page's markup with trafilatura's lines."""
    return " ".join(text.split())


def with_captions(tree, body: list[str]) -> list[str]:
    """The main text with each photo caption (<figcaption>, which trafilatura leaves out) after the paragraph it
    follows on the page."""
    lines = {squeeze(line): i for i, line in reversed(list(enumerate(body)))}
    after: dict[int, list[str]] = {}
    last = -1
    for element in tree.iter("p", "div", "figcaption", "h2", "h3"):
        text = squeeze(element.text_content())
        if element.tag == "figcaption":
            if text and text not in lines:
                after.setdefault(last, []).append(text)
        elif text in lines:
            last = lines[text]
    joined = after.get(-1, [])
    for i, line in enumerate(body):
        joined += [line, *after.get(i, [])]
    return joined


def visible_lines(tree) -> list[str]:
    """The page's text as a browser would show it, one line per block, blank lines dropped."""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return [line.strip() for line in tree.text_content().splitlines() if line.strip()]


def page_date(found: str | None, zone: ZoneInfo) -> str:
    """htmldate's date (from the page's metadata) as a date line in the layout's zone; the date alone when htmldate
    found no time (it gives midnight then)."""
    if not found:
        return ""
    moment = datetime.fromisoformat(found)
    if moment.tzinfo:
        return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S}"
    return f"{moment:%Y-%m-%d}" if moment.time() == time() else f"{moment:%Y-%m-%d %H:%M:%S}"


def page_title(titles: list[str], page: list[str]) -> str:
    """The article's title: the first of trafilatura's and the <title> element's that the page prints, less a site's
    name after a separator (标题_新华网); else the first given."""
    visible = set(page)
    for title in titles:
        while title not in visible and (suffix := SITE_SUFFIX.search(title)) and suffix.start() > 0:
            title = title[: suffix.start()]
        if title in visible:
            return title
    return next((title for title in titles if title), "")


def read_web_page(path: Path) -> tuple[str, str, list[tuple[date, str]]]:
    """The text of a saved web page: title, date and source lines, the main text, the editor's and author's lines;
    the Article's raw_text and offsets are this text. Nothing is fetched: trafilatura and htmldate read the file."""
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    html, encoding = decode_page(path, data)
    document = bare_extraction(
        html,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=False,  # old sites lay pages out in tables, which trafilatura would repeat as a table
        deduplicate=False,
        favor_precision=True,
        date_extraction_params=DATE_SEARCH,
    )
    if document is None or not (document.text or "").strip():
        raise ArticleError(f"{path}: no article text found in the web page")
    tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", html))  # lxml refuses text that declares one
    head_title = " ".join(tree.findtext(".//title", "").split())
    for hidden in tree.xpath("//script|//style|//noscript|//head"):
        hidden.drop_tree()
    body = with_captions(tree, [line for line in document.text.splitlines() if line.strip()])
    page = visible_lines(tree)
    title = page_title([(document.title or "").strip(), head_title], page)
    body = [line for line in body if line.strip() != title]
    layout = choose_layout([clean_line(line) for line in page])
    fields = [(line, layout.read_fields(clean_line(line)) or {}) for line in page]
    # the page's date, source and editor lines, read from below the title first: a site's header may print today's
    # date above it; htmldate's date (from the page's metadata) when no line gives one
    below_title = next((i for i, line in enumerate(page) if title and title in line), 0)
    ordered = fields[below_title:] + fields[:below_title]
    first = {key: next((line for line, f in ordered if key in f), "") for key in ("published", "source", "editor")}
    first["published"] = first["published"] or page_date(document.date, layout.zone)
    author = (document.author or "").strip()
    # trafilatura's author comes from the page's markup and may be any word there: taken when it reads as a name,
    # after the text, so that a byline printed in the text wins
    author_line = f"作者：{author}" if author[:1] in surnames() and len(author) <= AUTHOR_MAX_CHARS else ""
    header = [line for line in dict.fromkeys((first["published"], first["source"])) if line and line not in body]
    footer = [line for line in (first["editor"], author_line) if line and line not in body and line not in header]
    stamps = [(datetime.fromisoformat(document.date).date(), "the page's metadata")] if document.date else []
    return "\n".join([title, *header, "", *body, "", *footer]).rstrip(), encoding, stamps
