"""The reader view: the article as published with its numbers, names and quoted phrases marked, the statistics rows
linked to their place in the text and back, every character of the article escaped."""

import html
import re
from html.parser import HTMLParser

import pytest
from report_articles import HOSTILE, SHORT, write

from analysis import extract_statistics, load_article
from analysis.reports.findings import reader_finding
from analysis.reports.reader import marks, reader_view

BACK_LINK = re.compile(r'<a class="back" href="#reader-number-row-\d+"[^>]*>\d+</a>')


class Links(HTMLParser):
    """The ids, links and tags of a page, and whether its tags nest."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links, self.tags, self.open = [], [], set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.open.append(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a":
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        assert self.open.pop() == tag, f"</{tag}> closes another tag"


@pytest.fixture(scope="module")
def statistics(article):
    """The study's numbers."""
    return extract_statistics(article)


@pytest.fixture(scope="module")
def page(article, statistics):
    """The study's reader view."""
    return reader_view(article, statistics)


def text_of(page: str) -> str:
    """The article text a reader sees in the view: back links, the legend, the table and tags removed."""
    body = page.split('<p class="reader-legend">', 1)[1].split("</p>", 1)[1].split('<p class="reader-caption">')[0]
    lines = re.findall(r"<p class=\"part-[a-z]+\">(.*?)</p>", BACK_LINK.sub("", body))
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", line)) for line in lines)


def test_the_view_is_the_article_text_exactly(article, page):
    assert text_of(page) == article.text


def test_every_row_links_to_its_number_and_every_number_back_to_its_row(statistics, page):
    links = Links(page)
    assert len(links.ids) == len(set(links.ids)), "ids are unique"
    for row in statistics.itertuples():
        assert f"reader-number-row-{row.Index}" in links.ids and f"reader-number-{row.Index}" in links.ids
        assert links.links.count(f"#reader-number-{row.Index}") == 1
        assert links.links.count(f"#reader-number-row-{row.Index}") == 1
        marked = re.search(f'<span class="number[^"]*" id="reader-number-{row.Index}">(.*?)</span>', page).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == row.text or row.text.startswith(
            html.unescape(re.sub(r"<[^>]+>", "", marked))), "the anchor is on the number's first piece"
    assert {link for link in links.links} <= {f"#{i}" for i in links.ids}, "no link leads nowhere"


def test_names_and_quoted_phrases_link_to_their_rows_and_back(article, statistics, page):
    links = Links(page)
    found = marks(article, statistics)
    for layer, name in ((0, "quote"), (1, "name")):
        keys = found[found["layer"] == layer]["key"]
        assert sorted(set(keys)) == list(range(keys.nunique()))
        for key in set(keys):
            assert f"reader-{name}-row-{key}" in links.ids and f"reader-{name}-{key}" in links.ids
            assert links.links.count(f"#reader-{name}-{key}") == 1, "the row links to the first place"
            assert links.links.count(f"#reader-{name}-row-{key}") >= 1, "the text links back to the row"
    quoted = found[found["layer"] == 0]
    assert quoted["key"].nunique() == len({article.text[r.start:r.end] for r in quoted.itertuples()})
    phrase = re.search(r'<tr id="reader-quote-row-(\d+)"><td><a href="#reader-quote-\1">\1</a></td>'
                       r"<td>「學習強國」</td><td>(\d+)</td></tr>", page)
    assert int(phrase.group(2)) == article.text.count("「學習強國」")


def test_bounds_and_kinds_are_told_apart_by_class(statistics, page):
    for row in statistics.itertuples():
        assert re.search(f'class="number kind-{row.kind} bound-{row.bound}" id="reader-number-{row.Index}"', page)
    lower = statistics[statistics["text"] == "7000餘名"].index[0]
    assert f'class="number kind-count bound-lower" id="reader-number-{lower}"' in page


def test_quotes_and_names_are_marked(article, statistics, page):
    found = marks(article, statistics)
    quotes = found[found["layer"] == 0]
    assert len(quotes) == article.text.count("「") + article.text.count("『")
    assert len(re.findall(r'<a class="quote"[^>]*>「學習強國」</a>', page)) == article.text.count("「學習強國」")
    assert re.search(r'<a class="name name-place" (id="reader-name-\d+" )?href="#reader-name-row-\d+">西鄉街道</a>',
                     page)
    assert reader_finding(found).startswith(f"**Result.** The text below marks {len(statistics)} numbers")


def test_no_article_markup_reaches_the_view_and_tags_nest(tmp_path):
    hostile = load_article(write(tmp_path, "hostile", HOSTILE))
    page = reader_view(hostile, extract_statistics(hostile))
    links = Links(page)  # asserts that every tag closes the one it opened
    assert links.tags <= {"style", "div", "p", "span", "a", "table", "thead", "tbody", "tr", "th", "td"}
    assert "<u>" not in page and "<h1>" not in page and "&lt;h1&gt;INJ&lt;/h1&gt;" in page
    assert "<script" not in page
    assert text_of(page) == hostile.text


def test_an_article_without_numbers_or_quotes(tmp_path):
    short = load_article(write(tmp_path, "short", SHORT))
    statistics = extract_statistics(short)
    page = reader_view(short, statistics)
    assert "The article reports no numbers." in page and "Quoted phrases, as written: none." in page
    assert text_of(page) == short.text
    assert reader_finding(marks(short, statistics)) == \
        "**Result.** The text below marks no number, 0 names and 0 quoted phrases."
