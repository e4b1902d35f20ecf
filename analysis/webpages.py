"""Saved web pages: the article in an .html/.htm file as text (trafilatura for the main text, title and author, htmldate
for the date), read offline, laid out as a text page so the loader reads it like any other."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from trafilatura import bare_extraction
from trafilatura.utils import detect_encoding

from analysis.article import ArticleError
from analysis.cleaning import clean_line
from analysis.layouts import choose_layout

# elements after which a browser starts a new line: the page's visible lines are read to find its date line
BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "section", "article",
          "header", "footer", "figcaption", "time", "dd", "dt"}
AUTHOR_MAX_CHARS = 30


def decode_page(path: Path, data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it declares or the detector finds; ArticleError if none decodes it."""
    for encoding in detect_encoding(data):
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    raise ArticleError(f"{path}: the web page cannot be decoded (binary or corrupt?)")


def visible_lines(html: str) -> list[str]:
    """The page's text as a browser would show it, one line per block, blank lines dropped."""
    tree = lxml.html.fromstring(html)
    for hidden in tree.xpath("//script|//style|//noscript|//head"):
        hidden.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return [line.strip() for line in tree.text_content().splitlines() if line.strip()]


def read_web_page(path: Path) -> tuple[str, str]:
    """The text of a saved web page: title, date line, author, the main text and the editor's line, one per line;
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
        include_tables=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    if document is None or not (document.text or "").strip():
        raise ArticleError(f"{path}: no article text found in the web page")
    page = visible_lines(html)
    layout = choose_layout([clean_line(line) for line in page])
    fields = [(line, layout.read_fields(clean_line(line)) or {}) for line in page]
    date_line = next((line for line, f in fields if "published" in f), document.date or "")
    editor_line = next((line for line, f in fields if "editor" in f and "published" not in f), "")
    title = (document.title or "").strip()
    body = [line for line in document.text.splitlines() if line.strip() and line.strip() != title]
    author = (document.author or "").strip()
    author_line = f"作者：{author}" if author and len(author) <= AUTHOR_MAX_CHARS else ""
    lines = [title, date_line, author_line, "", *body, "", editor_line]
    return "\n".join(line for i, line in enumerate(lines) if line or lines[i - 1]), encoding
