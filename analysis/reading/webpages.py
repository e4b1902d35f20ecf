"""Saved web pages: the article in an .html/.htm file as text (trafilatura for the main text, title and author, htmldate
for the date), read offline, laid out as a text page so the loader reads it like any other."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
from trafilatura import bare_extraction, baseline
from trafilatura.metadata import extract_metadata
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
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# a kicker or subtitle; a shorter line above a headline is a channel's name (深圳, 大公評論), which is left out
TITLE_PART_MIN_CHARS, TITLE_PART_MAX_CHARS = 5, 40
TITLE_SEARCH_LINES = 3  # how far above the date line a headline found by its place is looked for
# the browser's note of where a page was saved from: <!-- saved from url=(0062)https://… -->
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<address>\S+)\s*-->")
SITE_LOGOS = (
    "//*[contains(translate(@class, 'LOGO', 'logo'), 'logo') or contains(translate(@id, 'LOGO', 'logo'), 'logo')]"
    "|//header//h1|//a[@href='/' or @href='./' or @href='index.html' or @href='index.htm']"
)
# the <meta> tags that state when a page was published (their name, property or itemprop, lower case)
DATE_META = {
    "article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date", "datepublished",
    "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
}
# a date in an address or a stamp: /2019-10/13/, /20191013/, /2019/10/13/, 2019-10-13T10:55
ADDRESS_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/_]?(?P<month>0[1-9]|1[0-2])[-/_]?(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)
EXTRACTION = {
    "url": None, "with_metadata": True, "include_comments": False, "include_images": False,
    # old sites lay pages out in tables, which trafilatura would repeat as a table
    "include_tables": False, "deduplicate": False, "date_extraction_params": DATE_SEARCH,
}
# precision first (sidebars, comments out); its balanced settings where that finds too little. favor_recall was
# measured on the test pages of tests/articles.py and left out: on a table layout it runs the paragraphs together.
EXTRACTIONS = ({"favor_precision": True}, {})
MIN_BODY_CHARS = 40
LINK_MIN_CHARS = 4
# a line of links with what lists print between them: ranks, view counts, bullets, dates
LIST_FURNITURE = re.compile(r"[\d\s|｜·•,，、:：()（）\[\]【】<>《》-]+")
OWN_TEXT_SHARE = 0.25
LIST_HEADING_MAX_CHARS = 12
# site names: what a <title> or og:title prints after the headline, and og:site_name
TITLE_META = ("og:title", "twitter:title", "ArticleTitle", "title", "headline")


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


def block_text(element) -> str:
    """An element's text, whitespace squeezed."""
    return squeeze(element.text_content())


def container(tree, body: list[str]):
    """The innermost element that holds every element whose text is a line of the main text; the tree's body when
    none is found."""
    lines = set(map(squeeze, body))
    matched = [e for e in tree.iter("p", "div", "td", "li", "section", "article") if block_text(e) in lines]
    if not matched:
        return tree
    ancestors = [set(e.iterancestors()) | {e} for e in matched]
    common = set.intersection(*ancestors)
    return max(common, key=lambda e: len(list(e.iterancestors())))


def with_captions_and_headings(tree, body: list[str], title: str) -> list[str]:
    """The main text with what trafilatura leaves out put back where the page prints it: each photo caption
    (<figcaption>) after the paragraph it follows, each subheading (<h2>…<h6> inside the text's own container, between
    two of its paragraphs) before the paragraph it heads."""
    lines = {squeeze(line): i for i, line in reversed(list(enumerate(body)))}
    holder = container(tree, body)
    after: dict[int, list[str]] = {}
    last, pending = -1, []
    for element in holder.iter("p", "div", "td", "li", "figcaption", "h2", "h3", "h4", "h5", "h6"):
        text = block_text(element)
        if not text or text == squeeze(title):
            continue
        if element.tag == "figcaption":
            if text not in lines:
                after.setdefault(last, []).append(text)
        elif element.tag in HEADINGS:
            if text not in lines and last >= 0:
                pending.append(text)
        elif text in lines:
            if lines[text] > last:
                after.setdefault(last, []).extend(pending)
            pending, last = [], max(last, lines[text])
    joined = after.get(-1, [])
    for i, line in enumerate(body):
        joined += [line, *after.get(i, [])]
    return joined


def link_texts(tree) -> set[str]:
    """The texts of the page's links, long enough to be an article's title (related news, hot lists)."""
    return {text for a in tree.iter("a") if len(text := block_text(a)) >= LINK_MIN_CHARS}


def is_link_list(line: str, links: set[str]) -> bool:
    """Whether a line is made of links to other articles (with their ranks and view counts run together:
    1多岁老人坚持义务宣讲十年81537), not text of its own."""
    rest = squeeze(line)
    for link in links:
        if link in rest:
            rest = rest.replace(link, "")
    rest = LIST_FURNITURE.sub("", rest)
    return len(rest) < OWN_TEXT_SHARE * len(squeeze(line))


def main_text(html: str, links: set[str], titles: set[str]):
    """trafilatura's document (the page's metadata) and the main text's lines, less lines made of links: by
    precision first; where that finds too little, by trafilatura's balanced settings, then by its baseline (the
    page's <article>, or every paragraph); a short text only from the precise run (the others take a menu for one);
    None when no text is found."""
    first = None
    for settings in EXTRACTIONS:
        found = bare_extraction(html, **EXTRACTION, **settings)
        lines = article_lines(found.text if found else "", links, titles)
        if sum(map(len, lines)) >= MIN_BODY_CHARS:
            return found, lines
        first = first or (found, lines)
    _, text, _ = baseline(html)
    lines = article_lines(text, links, titles)
    if sum(map(len, lines)) >= MIN_BODY_CHARS:
        return extract_metadata(html, date_config=DATE_SEARCH, extensive=False), lines
    return first if first and first[1] else None


def article_lines(text: str, links: set[str], titles: set[str]) -> list[str]:
    """The non-blank lines of an extracted text, less the headline (printed again), lines made of links and the
    short heading of such a list (热门推荐); the bars trafilatura draws around a table cell taken off."""
    lines = [line.strip().strip("|").strip() for line in (text or "").splitlines()]
    lines = [line for line in lines if line and squeeze(line) not in titles]
    listed = [is_link_list(line, links) for line in lines]
    return [
        line for i, line in enumerate(lines)
        if not listed[i] and not (len(line) <= LIST_HEADING_MAX_CHARS and i + 1 < len(lines) and listed[i + 1])
    ]


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


def site_names(tree, head_title: str) -> set[str]:
    """What names the site rather than the article: og:site_name, its logo (an element whose class or id says logo,
    an <h1> in the page's <header>, a link to the home page) and what the <title> prints after a separator."""
    names = {squeeze(m.get("content", "")) for m in tree.xpath('//meta[@property="og:site_name"]')}
    names |= {block_text(e) for e in tree.xpath(SITE_LOGOS)}
    title = head_title
    while (suffix := SITE_SUFFIX.search(title)) and suffix.start() > 0:
        names.add(suffix.group().strip(" _|｜-–—"))
        title = title[: suffix.start()]
    return {name for name in names if name}


def meta_titles(tree) -> list[str]:
    """The headlines the page's metadata gives (og:title, ArticleTitle…), in TITLE_META's order."""
    found = []
    for key in TITLE_META:
        for m in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]'):
            if text := squeeze(m.get("content", "")):
                found.append(text)
    return found


def headline_forms(titles: list[str]) -> set[str]:
    """Each title the page's metadata gives, with and without each site name after it."""
    forms = set()
    for title in titles:
        title = squeeze(title)
        while title:
            forms.add(title)
            suffix = SITE_SUFFIX.search(title)
            title = title[: suffix.start()] if suffix and suffix.start() > 0 else ""
    return forms


def page_title(titles: list[str], page: list[str], sites: set[str]) -> str:
    """The article's headline: the first candidate the page prints as a line of its own, less a site's name after a
    separator (标题_新华网), never the site's name (a logo's <h1>); else the first candidate that is not one."""
    visible = set(page)
    candidates = [title for title in titles if title and title not in sites]
    for title in candidates:
        while title not in visible and (suffix := SITE_SUFFIX.search(title)) and suffix.start() > 0:
            title = title[: suffix.start()]
        if title in visible and title not in sites:
            return title
    return next(iter(candidates), "")


def line_above_date(fields: list[tuple[str, dict]], sites: set[str], layout) -> str:
    """The headline where neither the metadata nor an <h1> gives it: the line printed just above the first date line,
    unless it is the site's name or furniture; '' if there is none."""
    dated = next((i for i, (_, found) in enumerate(fields) if "published" in found), 0)
    for line, found in reversed(fields[max(0, dated - TITLE_SEARCH_LINES) : dated]):
        if not found and line not in sites and not layout.is_boilerplate(clean_line(line)) and line[-1] not in "。":
            return line
    return ""


def title_element(tree, title: str):
    """The element that prints the headline (an <h1>, a table cell), or None."""
    for element in tree.iter("h1", "h2", "h3", "div", "td", "p", "span", "strong"):
        if block_text(element) == title and not any(block_text(c) == title for c in element):
            return element
    return None


def beside_title(tree, title: str) -> tuple[str, str]:
    """The kicker (引題) printed just above the headline's element and the subtitle (副題) just below it: a short
    line in the same parent, not a date or furniture line; a subtitle is an <h2> or opens with a dash."""
    element = title_element(tree, title)
    if element is None:
        return "", ""
    kicker = subtitle = ""
    before = element.getprevious()
    if before is not None and is_title_part(text := block_text(before)) and before.tag != "a":
        kicker = text
    after = element.getnext()
    if after is not None and is_title_part(text := block_text(after)) and (after.tag == "h2" or text[:1] in "—─"):
        subtitle = text
    return kicker, subtitle


def is_title_part(text: str) -> bool:
    """Whether a line may be a kicker or subtitle: short, not a sentence, no date or label on it."""
    from analysis.reading.layouts import FALLBACK

    line = clean_line(text)
    return (
        TITLE_PART_MIN_CHARS <= len(line) <= TITLE_PART_MAX_CHARS and line[-1] not in "。！？!?"
        and FALLBACK.read_fields(line) is None and not FALLBACK.is_boilerplate(line)
    )


def metadata_dates(tree) -> list[date]:
    """The publication dates the page's <meta> tags and <time datetime> attributes state (htmldate's date may be a
    guess from the visible text, so a year missing from a date line is never taken from it)."""
    values = [m.get("content", "") for m in tree.xpath("//meta") if (m.get("property") or m.get("name") or
              m.get("itemprop") or "").lower() in DATE_META]
    values += tree.xpath("//time/@datetime")
    return address_dates(values)


def address_dates(texts: list[str]) -> list[date]:
    """The dates written in addresses or ISO stamps (/2019-10/13/, 20191013, 2019-10-13T10:55)."""
    found = []
    for text in texts:
        if m := ADDRESS_DATE.search(text):
            try:
                found.append(date(int(m["year"]), int(m["month"]), int(m["day"])))
            except ValueError:
                continue
    return found


def read_web_page(path: Path) -> tuple[str, str, list[tuple[date, str]]]:
    """The text of a saved web page: kicker, title and subtitle, date and source lines, the main text, the editor's
    and author's lines; the Article's raw_text and offsets are this text; and the dates the page holds outside it
    (metadata, address). Nothing is fetched: trafilatura and htmldate read the file."""
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    html, encoding = decode_page(path, data)
    saved_from = SAVED_FROM.findall(html)
    tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", html))  # lxml refuses text that declares one
    head_title = " ".join(tree.findtext(".//title", "").split())
    sites = site_names(tree, head_title)
    titles = meta_titles(tree)
    stamps = [(stamp, "the page's metadata") for stamp in metadata_dates(tree)]
    addresses = [*tree.xpath('//link[@rel="canonical"]/@href'), *tree.xpath('//meta[@property="og:url"]/@content')]
    stamps += [(stamp, "the page's address") for stamp in address_dates([*addresses, *saved_from])]
    links = link_texts(tree)
    extracted = main_text(html, links, headline_forms([*titles, head_title]))
    if extracted is None:
        raise ArticleError(f"{path}: no article text found in the web page")
    document, text_lines = extracted
    for hidden in tree.xpath("//script|//style|//noscript|//head"):
        hidden.drop_tree()
    page = visible_lines(tree)
    layout = choose_layout([clean_line(line) for line in page])
    fields = [(line, layout.read_fields(clean_line(line)) or {}) for line in page]
    h1s = [block_text(h) for h in tree.iter("h1")]
    title = page_title([*titles, head_title, (document.title or "").strip(), *h1s], page, sites) or line_above_date(
        fields, sites, layout
    )
    kicker, subtitle = beside_title(tree, title)
    heads = {title, kicker, subtitle}
    body = [line for line in with_captions_and_headings(tree, text_lines, title) if line.strip() not in heads]
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
    top = [line for line in (kicker, title, subtitle) if line]
    return "\n".join([*top, *header, "", *body, "", *footer]).rstrip(), encoding, stamps
