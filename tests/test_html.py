"""Saved web pages: the article read from .html/.htm files shaped like real news pages, in both scripts, offline."""

import re
import socket
import warnings
from datetime import date, datetime

import pytest
from articles import HTML_PAGES, PAGES, html_page, in_script
from test_layouts import check_offsets, check_reading

from analysis import ArticleError, load_article
from analysis.__main__ import main


def load(path):
    """Load a page, ignoring date warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_article(path)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Reading a saved page must not reach the network."""

    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize("name", HTML_PAGES)
def test_news_page_as_html(tmp_path, name, script):
    html, expected = HTML_PAGES[name]()
    (html,), expected = in_script([html], expected, script)
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    article = load(path)
    check_reading(article, expected)
    check_offsets(article)
    top = "".join(f"{expected[key]}\n" for key in ("kicker", "title") if expected.get(key))
    assert article.raw_text.startswith(top), "raw_text is the text extracted from the page"
    for furniture in ("微博", "另一條新聞", "另一条新闻", "Copyright", "tracker", "首頁", "首页", "熱門", "热门",
                      "熱點", "热点", "81537", "網友", "网友", "評論", "评论"):
        assert furniture not in article.text


@pytest.mark.parametrize("name", PAGES)
def test_text_page_saved_as_html_reads_the_same(tmp_path, name):
    lines, expected = PAGES[name]()
    after_title = lines[lines.index(expected["title"]) + 1 :]
    date_line = next(line for line in after_title if re.search(r"\d{4}", line))
    path = tmp_path / f"{name}.htm"
    body = [n for n in after_title if n != date_line]
    path.write_text(html_page(expected["title"], date_line, body, expected.get("kicker", "")), "utf-8")
    check_reading(load(path), expected)


def test_todays_date_in_the_site_header_is_not_the_publication_date(tmp_path):
    html, expected = HTML_PAGES["xinhua"]()
    path = tmp_path / "page.html"
    today = '<div class="header"><div class="today">2026年11月25日 星期三</div>'
    path.write_text(html.replace('<div class="header">', today), "utf-8")
    check_reading(load(path), expected)


@pytest.mark.parametrize(
    ("meta", "published"),
    [('<meta property="article:published_time" content="2025-09-15T21:02:12Z">', datetime(2025, 9, 16, 5, 2, 12)),
     ('<meta name="publishdate" content="2025-09-16">', date(2025, 9, 16)),
     ("", None)],
)
def test_page_without_a_date_line_takes_the_date_from_its_metadata(tmp_path, meta, published):
    html, expected = HTML_PAGES["takungpao"]()
    html = html.replace('<span>時間:2025-09-16 05:02:12</span>', "")
    html = re.sub(r'<meta property="article:published_time"[^>]*>', meta, html)
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path)
    if isinstance(published, datetime):
        assert article.published.replace(tzinfo=None) == published and article.published.utcoffset()
        assert not caught
    else:
        assert article.published == published and type(article.published) is not datetime and len(caught) == 1
    assert article.title == expected["title"] and article.source == "大公报"


@pytest.mark.parametrize("suffix", ["_新華網", " - 香港商報網", " | 大公網"])
def test_site_name_after_the_title_is_dropped_when_the_page_prints_the_title_without_it(tmp_path, suffix):
    html, expected = HTML_PAGES["hkcd"]()
    title = expected["title"]
    html = html.replace(f"<title>{title} - 香港商報網</title>", f"<title>{title}{suffix}</title>")
    html = html.replace(f'<h1 class="title">{title}</h1>', f'<div class="title">{title}</div>')
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    assert load(path).title == title


def test_xhtml_page_with_an_xml_declaration(tmp_path):
    html, expected = HTML_PAGES["hkcd"]()
    path = tmp_path / "page.html"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + html.removeprefix("<!DOCTYPE html>\n"), "utf-8")
    check_reading(load(path), expected)


@pytest.mark.parametrize("encoding", ["gb18030", "big5hkscs"])
def test_page_in_a_legacy_encoding_declared_in_its_meta_tag(tmp_path, encoding):
    html, expected = HTML_PAGES["xinhua"]()
    script = "simplified" if encoding == "gb18030" else "traditional"
    (html,), expected = in_script([html], expected, script)
    path = tmp_path / "page.html"
    html = html.replace('charset="utf-8"', f'charset="{encoding}"').replace("©", "&copy;")
    path.write_bytes(html.encode(encoding))
    article = load(path)
    check_reading(article, expected)
    assert article.encoding.replace("-", "").replace("_", "").lower() == encoding.replace("_", "").lower()


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b"<html><body><div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa0\x81</a></div></body></html>",
      "no article text")],
)
def test_page_without_an_article_names_the_file(tmp_path, data, problem):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert str(path) in str(error.value) and problem in str(error.value)


def test_report_command_accepts_a_web_page(tmp_path, monkeypatch, capsys):
    html, _ = HTML_PAGES["hkcd"]()
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    from analysis.pipeline import building

    built = []
    monkeypatch.setattr(building, "build", lambda articles, out, **kwargs: built.append(articles) or None)
    main(["report", str(page), "--out", str(tmp_path / "out"), "--quiet"])
    assert built == [[page.resolve()]]


@pytest.mark.parametrize(
    ("head", "said"),
    [('<meta property="article:published_time" content="2019-10-13T10:55:46+08:00">', "the page's metadata"),
     ('<link rel="canonical" href="https://www.example.cn/2019-10/13/c_1125098.htm">', "the page's address"),
     ("<!-- saved from url=(0050)https://www.example.cn/2019-10/13/c_1125098.htm -->", "the page's address"),
     ("", "")],
)
def test_a_yearless_date_line_in_a_web_page_takes_its_year_from_the_pages_metadata_or_address(tmp_path, head, said):
    html, _ = HTML_PAGES["xinhua"]()
    html = html.replace("2021-06-29 20:15:31", "10-13 10:55:46").replace("<title>", f"{head}<title>")
    html = html.replace('<span class="year"><em>2021</em></span>', "")  # a year printed alone is no evidence
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path)
    if said:
        assert article.published.replace(tzinfo=None) == datetime(2019, 10, 13, 10, 55, 46)
        assert len(caught) == 1 and said in str(caught[0].message)
    else:
        assert article.published is None and "gives no year" in str(caught[0].message)


def test_lines_made_of_links_ranks_and_view_counts_are_not_text():
    from analysis.reading.webpages import article_lines

    links = {"多岁老人坚持义务宣讲十年", "市民排队体验线下学习空间"}
    text = "热门推荐\n1多岁老人坚持义务宣讲十年81537\n2 市民排队体验线下学习空间 72015\n正文说，20多岁的青年有300人。"
    assert article_lines(text, links, set()) == ["正文说，20多岁的青年有300人。"]


def test_a_table_layout_page_is_read_by_the_fallback(tmp_path):
    from trafilatura import bare_extraction

    from analysis.reading.webpages import EXTRACTION

    html, expected = HTML_PAGES["government-portal"]()
    assert bare_extraction(html, **EXTRACTION, favor_precision=True) is None, "the precise run finds nothing"
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    check_reading(load(path), expected)


def test_a_page_whose_body_is_only_link_lists_fails_in_one_line(tmp_path):
    from articles import HOT_TITLES, hot_list

    html = f"""<html><head><title>标题 - 新闻网</title></head><body><h1>标题</h1>
{hot_list("热门推荐", HOT_TITLES, [81537, 72015, 60422, 51230, 40118])}</body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert str(error.value) == f"{path}: no article text found in the web page"


def test_a_logos_h1_is_not_the_headline_even_when_the_title_element_names_only_the_site(tmp_path):
    html, expected = HTML_PAGES["government-portal"]()
    html = html.replace("<title>山西省推进基层学习平台建设 - 山西省", "<title>山西省")
    html = html.replace('<meta name="ArticleTitle" content="山西省推进基层学习平台建设">', "")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    assert load(path).title == expected["title"]
