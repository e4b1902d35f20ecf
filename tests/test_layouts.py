"""Page layouts: pages in the shapes outlets print, in both scripts, read to the same title, date, labels, captions
and paragraphs; the registry picks the layout by what the page prints; odd dates and line ends."""

import unicodedata
import warnings
from datetime import date, datetime, timedelta

import pytest
from articles import PAGES, XINAN, in_script, write_article, write_page
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import ArticleError, config, extract_statistics, load_article
from analysis.reading.article import ArticleWarning
from analysis.reading.layouts import FALLBACK, LAYOUTS, choose_layout
from analysis.reading.layouts.common import Layout

SCRIPTS = ["traditional", "simplified"]
LAYOUT_OF = {
    "hkcd-editor-on-date-line": "hkcd", "hkcd-source-beside-date": "hkcd", "hkcd-date-label": "hkcd",
    "xinhua-wire": "mainland", "peoples-daily-big5-reprint": "mainland", "shenzhen-special-zone-daily": "mainland",
    "ta-kung-pao": "hongkong", "wen-wei-po": "hongkong", "peoples-daily-kicker-and-subtitle": "mainland",
    "sing-tao-day-first": "generic", "counters-on-the-date-line": "generic", "date-above-the-title": "generic",
    "yearless-date-line": "mainland",
}


def load_quietly(path):
    """Load an article, returning it with the ArticleWarnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path)
    return article, [w for w in caught if issubclass(w.category, ArticleWarning)]


def check_reading(article, expected):
    """Assert every part of an article against what its page builder expects."""
    assert article.title == expected["title"]
    published = expected["published"]
    if len(published) == 3:
        assert type(article.published) is date and article.published == date(*published)
    else:
        assert isinstance(article.published, datetime)
        assert article.published.replace(tzinfo=None) == datetime(*published)
        assert article.published.utcoffset() == timedelta(hours=8)
    for key in ("source", "editor", "reporter"):
        assert getattr(article, key) == expected[key], key
    assert article.original_title == expected.get("original_title", "")
    for key in ("kicker", "subtitle", "outlet", "dateline"):
        if key in expected:
            assert getattr(article, key) == expected[key], key
    assert [(c.text, c.credit, c.label) for c in article.captions] == [tuple(c) for c in expected["captions"]]
    assert [p.text for p in article.paragraphs] == list(expected["paragraphs"])
    assert [p.text for p in article.paragraphs if p.is_heading] == list(expected["headings"])
    for part in (*article.paragraphs, *article.captions):
        assert article.text[part.start : part.end] == part.text
        assert part.text.strip() == part.text and part.text
    assert article.text.split("\n")[0] == article.title


def check_offsets(article):
    """Every character of the cleaned text is the raw character it maps to, up to width and the form of spaces."""

    def fold(char):
        return " " if char.isspace() else unicodedata.normalize("NFKC", char)

    for offset, char in enumerate(article.text):
        if char != "\n":
            assert fold(article.raw_text[article.raw_offset(offset)]) == fold(char)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_in_each_layout_and_script(tmp_path, name, script):
    lines, expected = in_script(*PAGES[name](), script)
    article, caught = load_quietly(write_page(tmp_path / f"{name}.txt", lines))
    check_reading(article, expected)
    check_offsets(article)
    assert article.layout == LAYOUT_OF[name]
    assert len(caught) == (len(expected["published"]) == 3 or expected.get("warned", False)), (
        "a warning exactly when the page gives no time, or its year comes from elsewhere"
    )
    if "statistics" in expected:  # no digit of a date line, byline, counter or page furniture is a statistic
        assert extract_statistics(article)["text"].tolist() == expected["statistics"]


@pytest.mark.parametrize("name", PAGES)
def test_page_read_the_same_in_big5_gb18030_and_utf16(tmp_path, name):
    lines, expected = PAGES[name]()
    for encoding, script in (("big5hkscs", "traditional"), ("gb18030", "simplified"), ("utf-16", "simplified")):
        page_lines, page_expected = in_script(lines, expected, script)
        article, _ = load_quietly(write_page(tmp_path / f"{encoding}.txt", page_lines, encoding))
        check_reading(article, page_expected)


@pytest.mark.parametrize("newline", ["\r", "\r\n", "mixed"])
def test_cr_only_and_mixed_line_ends(tmp_path, newline):
    lines, expected = PAGES["xinhua-wire"]()
    if newline == "mixed":
        data = "".join(line + ("\r", "\n", "\r\n")[i % 3] for i, line in enumerate(lines))
        path = tmp_path / "page.txt"
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path = write_page(tmp_path / "page.txt", lines, newline=newline)
    article, _ = load_quietly(path)
    check_reading(article, expected)
    check_offsets(article)
    start = article.text.index("注册用户已突破")
    assert article.raw_line(start) == 5, "the paragraph is the page's fifth line, however lines end"
    caption = article.captions[0]
    assert article.raw_line(caption.start) == 6


def test_seed_article_in_simplified_script_reads_to_the_same_parts(article, tmp_path):
    from analysis.reading.script import to_simplified

    path = tmp_path / "simplified.txt"
    path.write_text(to_simplified(config.ARTICLE.read_text(encoding="utf-8")), encoding="utf-8")
    other = load_article(path)
    assert other.layout == article.layout == "hkcd"
    for key in ("title", "source", "reporter", "editor", "cited_source"):
        assert getattr(other, key) == to_simplified(getattr(article, key)), key
    assert other.published == article.published
    assert [(p.text, p.is_heading) for p in other.paragraphs] == [
        (to_simplified(p.text), p.is_heading) for p in article.paragraphs
    ]
    assert [(c.text, c.credit, c.label) for c in other.captions] == [
        (to_simplified(c.text), to_simplified(c.credit), to_simplified(c.label)) for c in article.captions
    ]
    assert other.text == to_simplified(article.text)


def test_seed_article_with_cr_only_lines_is_the_same_article(article, tmp_path):
    raw = config.ARTICLE.read_text(encoding="utf-8")
    path = tmp_path / "cr.txt"
    path.write_bytes(raw.replace("\n", "\r").encode())
    other = load_article(path)
    assert other == article
    start = article.text.index("41550")
    assert other.raw_line(start) == article.raw_line(start) == 16


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("2021-07-29 10:24", datetime(2021, 7, 29, 10, 24)),
        ("2021-07-29 10:24:05", datetime(2021, 7, 29, 10, 24, 5)),
        ("2020年07月30日09:29", datetime(2020, 7, 30, 9, 29)),
        ("2020年7月30日 9:29", datetime(2020, 7, 30, 9, 29)),
        ("2021/07/29 10:24", datetime(2021, 7, 29, 10, 24)),
        ("发布时间：2021-07-29 10:24", datetime(2021, 7, 29, 10, 24)),
        ("時間:2025-09-16 05:02:12來源:大公报", datetime(2025, 9, 16, 5, 2, 12)),
        ("２０２１－０７－２９　１０：２４", datetime(2021, 7, 29, 10, 24)),
        ("2022-03-06", date(2022, 3, 6)),
        ("2021年7月29日", date(2021, 7, 29)),
        ("日期：2021年7月29日 来源：深圳特区报", date(2021, 7, 29)),
    ],
)
def test_date_forms(tmp_path, date_line, published):
    path = write_page(tmp_path / "a.txt", ["標題", date_line, "正文第一段，西鄉街道註冊人數達41550人。"])
    article, caught = load_quietly(path)
    if isinstance(published, datetime):
        assert article.published.replace(tzinfo=None) == published and article.published.utcoffset()
        assert not caught
    else:
        assert type(article.published) is date and article.published == published
        assert len(caught) == 1 and str(path) in str(caught[0].message) and "no time" in str(caught[0].message)
    assert [p.text for p in article.paragraphs] == ["正文第一段，西鄉街道註冊人數達41550人。"]


def test_a_date_above_the_title_is_the_last_resort(tmp_path):
    header = ["2026年11月25日 星期三", "首頁 | 要聞 | 深圳 | 評論"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", [*header, "標題", "2021-07-29 10:24", "正文，共有3人。"]))
    assert article.title == "標題" and article.published.replace(tzinfo=None) == datetime(2021, 7, 29, 10, 24)
    article, caught = load_quietly(write_page(tmp_path / "b.txt", [*header, "標題", "正文，共有3人。"]))
    assert article.published == date(2026, 11, 25) and len(caught) == 1


def test_a_channel_name_above_the_title_is_left_out(tmp_path):
    article, _ = load_quietly(write_page(tmp_path / "a.txt", ["大公評論", "基層治理的數字化", "2021-07-29", "正文。"]))
    assert article.title == "基層治理的數字化"


def test_print_edition_header_above_the_title(tmp_path):
    lines = ["深圳特区报  2021年07月29日   A05版：要闻", "宝安区推广学习平台", "作者：本报记者 张三", "街道共有3人。"]
    article, caught = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert (article.title, article.source, article.reporter) == ("宝安区推广学习平台", "深圳特区报", "张三")
    assert article.published == date(2021, 7, 29) and len(caught) == 1


def test_update_time_is_not_the_publication_time(tmp_path):
    lines = ["標題", "更新時間：2021-08-01 09:00", "發布時間：2021-07-29 10:24", "正文，共有3人。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.published.replace(tzinfo=None) == datetime(2021, 7, 29, 10, 24)


@pytest.mark.parametrize(
    ("date_line", "raw_line"),
    [("2021-02-30 10:24", 3), ("2021年13月01日 09:00", 3), ("來源:香港商報網 2021-04-31", 3), ("2021-07-29 25:61", 3)],
)
def test_impossible_date_names_the_file_and_the_line(tmp_path, date_line, raw_line):
    path = write_page(tmp_path / "bad.txt", ["標題", "", date_line, "正文，共有3人。"])
    with pytest.raises(ArticleError) as error:
        load_article(path)
    message = str(error.value)
    assert str(path) in message and "impossible publication date" in message
    assert f"line {raw_line}" in message and date_line in message and "\n" not in message


def test_date_less_page_loads_with_a_warning(tmp_path):
    lines = ["西鄉街道推廣學習平台", "來源:香港商報網", "西鄉街道註冊人數達41550人。"]
    path = write_page(tmp_path / "undated.txt", lines)
    article, caught = load_quietly(path)
    assert article.published is None and article.to_dict()["published"] is None
    assert len(caught) == 1 and str(path) in str(caught[0].message) and "no publication date" in str(caught[0].message)
    assert article.source == "香港商報網" and [p.text for p in article.paragraphs] == ["西鄉街道註冊人數達41550人。"]
    with pytest.warns(ArticleWarning) as warned:
        load_article(path)
    assert warned[0].filename == __file__, "the warning points at the code that loaded the article"


@pytest.mark.parametrize(
    ("file_name", "published"),
    [("2021-07-02_xinhua_wire.txt", date(2021, 6, 29)), ("20210102-xinhua.txt", date(2020, 6, 29)),
     ("xinhua_wire.txt", None)],
)
def test_wire_dateline_gives_month_and_day_and_the_file_name_the_year(tmp_path, file_name, published):
    lines = ["学习平台用户数突破九千万", "新华社北京6月29日电（记者 张三）学习平台注册用户已突破9671.2万名。"]
    article, caught = load_quietly(write_page(tmp_path / file_name, lines))
    assert article.published == published and type(article.published) is not datetime
    assert article.reporter == "张三" and len(caught) == 1


def test_dateline_does_not_override_the_date_line(tmp_path):
    lines = ["標題", "2021-07-01 08:00", "新華社北京6月29日電（記者 張三）學習平台註冊用戶已突破9671.2萬名。"]
    article, _ = load_quietly(write_page(tmp_path / "2021-07-02_a.txt", lines))
    assert article.published.replace(tzinfo=None) == datetime(2021, 7, 1, 8)


def test_title_with_authors_after_a_backslash(tmp_path):
    lines = ["西鄉街道的「學習強國」故事\\王娜、陳思", "2021-07-29 10:24", "正文，共有3人。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.title == "西鄉街道的「學習強國」故事" and article.reporter == "王娜、陳思"
    assert article.text.startswith("西鄉街道的「學習強國」故事\n")


@pytest.mark.parametrize("authors", ["王娜、陳思", "王娜 陳思", "王娜"])
def test_authors_on_the_line_under_the_title(tmp_path, authors):
    lines = ["西鄉街道的「學習強國」故事", authors, "2021-07-29 10:24", "正文，共有3人。", "李金宇", "第二段。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.reporter == authors
    assert [c.text for c in article.captions] == ["李金宇"], "further down, a name is a portrait's caption"
    assert [p.text for p in article.paragraphs] == ["正文，共有3人。", "第二段。"]


@pytest.mark.parametrize(
    ("line", "caption", "credit", "label"),
    [
        ("社區居民參加活動。供圖/西鄉街道", "社區居民參加活動。", "供圖/西鄉街道", ""),
        ("社区居民参加活动。 西乡街道供图", "社区居民参加活动。", "西乡街道供图", ""),
        ("社區居民參加活動。(記者 王娜 攝)", "社區居民參加活動。", "記者 王娜 攝", ""),
        ("社区居民参加活动。新华社记者 李钢 摄", "社区居民参加活动。", "新华社记者 李钢 摄", ""),
        ("社區居民參加活動。大公報記者黃寧攝", "社區居民參加活動。", "大公報記者黃寧攝", ""),
        ("社區居民參加活動。圖片來源：西鄉街道", "社區居民參加活動。", "圖片來源：西鄉街道", ""),
        ("頂圖:社區居民參加活動。", "社區居民參加活動。", "", "頂圖"),
        ("上图：社区居民参加活动。 张三 摄", "社区居民参加活动。", "张三 摄", "上图"),
    ],
)
def test_captions_and_credits_are_not_paragraphs(tmp_path, line, caption, credit, label):
    lines = ["標題", "2021-07-29 10:24", "第一段，共有3人。", line, "第二段，共有5人。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [(c.text, c.credit, c.label) for c in article.captions] == [(caption, credit, label)]
    assert [p.text for p in article.paragraphs] == ["第一段，共有3人。", "第二段，共有5人。"]
    assert article.captions[0].after_paragraph == 0


def test_a_name_under_a_portrait_is_a_caption_a_short_phrase_is_a_heading(tmp_path):
    lines = ["標題", "2021-07-29 10:24", "第一段，共有3人。", "李金宇", "黨員帶頭", "第二段，共有5人。",
             "彭震粵 李金宇"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [c.text for c in article.captions] == ["李金宇", "彭震粵 李金宇"]
    assert [p.text for p in article.paragraphs if p.is_heading] == ["黨員帶頭"]


def test_a_credit_on_its_own_line_goes_to_the_caption_above(tmp_path):
    lines = ["標題", "2021-07-29 10:24", "第一段，共有3人。", "頂圖：社區居民參加活動。", "新华社记者 李钢 摄",
             "第二段。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [(c.text, c.credit) for c in article.captions] == [("社區居民參加活動。", "新华社记者 李钢 摄")]
    assert "李钢" not in article.text


@pytest.mark.parametrize(
    "line",
    ["記者：你們怎麼看待這個平台？", "活動時間：下午三點", "記者從西鄉街道了解到，註冊人數達41550人。", "記者手記",
     "記者 觀察", "作者認為，平台推廣成效顯著。"],
)
def test_body_lines_that_look_like_labels_stay_body(tmp_path, line):
    lines = ["標題", "2021-07-29 10:24", line, "第二段，共有5人。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.paragraphs[0].text == line
    assert article.reporter == ""


def test_registry_picks_the_layout_whose_furniture_the_page_prints():
    assert choose_layout(["標題", "2021-07-29 10:24", "來源:香港商報網", "正文", "[責任編輯:黃鶯]"]).name == "hkcd"
    assert choose_layout(["标题", "2021-07-29 10:24 来源：新华网", "新华社北京电", "【纠错】"]).name == "mainland"
    assert choose_layout(["標題", "時間:2025-09-16 05:02:12來源:大公报", "大公報記者 張三"]).name == "hongkong"
    assert choose_layout(["標題", "2021-07-29 10:24", "正文。"]) is FALLBACK
    assert {layout.name for layout in LAYOUTS} == {"hkcd", "mainland", "hongkong"}
    assert all(layout.zone.key in ("Asia/Hong_Kong", "Asia/Shanghai") for layout in (*LAYOUTS, FALLBACK))


def test_a_new_layout_is_one_layout_object(tmp_path, monkeypatch):
    from zoneinfo import ZoneInfo

    from analysis.reading import layouts

    tokyo = Layout(name="tokyo", zone=ZoneInfo("Asia/Tokyo"), markers=__import__("re").compile("東京新聞"),
                   boilerplate="いいね", trailer="関連記事")
    monkeypatch.setattr(layouts, "LAYOUTS", (*layouts.LAYOUTS, tokyo))
    lines = ["標題", "2021-07-29 10:24 東京新聞", "正文，共有3人。", "いいね", "関連記事", "他の記事。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.layout == "tokyo" and article.published.utcoffset() == timedelta(hours=9)
    assert [p.text for p in article.paragraphs] == ["正文，共有3人。"] and article.source == "東京新聞"


def test_seed_layout_builder_still_reads(tmp_path):
    article = load_article(write_article(tmp_path / "x.txt", XINAN["title"], XINAN["paragraphs"], XINAN["captions"]))
    assert article.layout == "hkcd" and article.reporter == "李華" and article.editor == "陳明"
    assert len(article.captions) == 1 and len(article.paragraphs) == 4


def test_long_single_line_loads_in_linear_time(tmp_path):
    import time

    sentence = "西鄉街道註冊人數達41550人，其中黨員5071人。"
    timings = []
    for repeat in (2_000, 20_000):
        path = write_page(tmp_path / f"{repeat}.txt", ["標題", "2021-07-29 10:24", sentence * repeat])
        start = time.perf_counter()
        load_article(path)
        timings.append(time.perf_counter() - start)
    assert timings[1] < 10 * timings[0] * 2.5 + 0.5, timings


POOL = [
    *sorted({line for build in PAGES.values() for line in build()[0]}),
    "", "  ", "\t", "2021-02-30 10:24", "0000-00-00", "時間：", "來源：", "（記者 ）", "▲", "頂圖：", "供圖/", "攝",
    "（完）", "相關新聞", "\\", "標題\\", "——", "【】", "[責任編輯:]", "9999年99月99日99:99", "新华社北京13月40日电",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(POOL), st.text(max_size=30)), min_size=1, max_size=12))
def test_any_page_loads_or_says_why_in_one_line(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fuzz") / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        article, _ = load_quietly(path)
    except ArticleError as error:
        assert str(path) in str(error) and "\n" not in str(error)
        return
    assert article.title and article.paragraphs
    for part in (*article.paragraphs, *article.captions):
        assert article.text[part.start : part.end] == part.text
    check_offsets(article)


YEARLESS = ["全国学习平台新增线下体验空间", "10-13 10:55:46 来源:新华社", "全国已建成线下体验空间1200个。"]


@pytest.mark.parametrize(
    ("file_name", "lines", "year", "said"),
    [
        ("2019-10-14_xinhua.txt", YEARLESS, 2019, "the file name (2019-10-14)"),
        ("20200105_xinhua.txt", YEARLESS, 2019, "the file name (2020-01-05)"),
        ("xinhua.txt", ["2019年10月13日 星期日", *YEARLESS], 2019, "the page's other date line (2019-10-13)"),
        ("xinhua.txt", [*YEARLESS, "截至2018年12月31日，已建成1000个。"], 2019,
         "the latest date in the text (2018-12-31)"),
        ("xinhua.txt", [*YEARLESS, "截至2019年9月30日，已建成1100个。"], 2019, "the latest date in the text"),
    ],
)
def test_a_yearless_date_line_takes_its_year_from_the_page_and_says_so(tmp_path, file_name, lines, year, said):
    article, caught = load_quietly(write_page(tmp_path / file_name, lines))
    assert article.published.replace(tzinfo=None) == datetime(year, 10, 13, 10, 55, 46)
    assert article.source == "新华社" and article.outlet == "新華社"
    assert len(caught) == 1 and "gives no year" in str(caught[0].message) and said in str(caught[0].message)
    assert said in article.year_note and said in article.date_note
    assert article.to_dict()["year_note"] == article.year_note


def test_a_yearless_date_line_without_evidence_is_unknown_with_a_warning(tmp_path):
    article, caught = load_quietly(write_page(tmp_path / "xinhua.txt", YEARLESS))
    assert article.published is None
    message = str(caught[0].message)
    assert len(caught) == 1 and "10-13 10:55:46" in message and "the page gives none" in message
    assert "the page gives none" in article.date_note and "10-13 10:55:46" in article.year_note
    assert extract_statistics(article)["text"].tolist() == ["1200个"], "no digit of the date line is a statistic"


@pytest.mark.parametrize(
    "line",
    ["2019-02-01 05:49:41 网络整理 阅读:59 评论:0", "2019-02-01 05:49:41 | 阅读 59 | 评论(0)",
     "港闻 | 2019-02-01 05:49:41 | 第A05版", "2019-02-01 05:49:41 http://www.example.cn 中山日报",
     "发布时间：2019-02-01 05:49:41 | 进入论坛 | 来源：中山日报 | 手机看新闻", "2019-02-01 05:49:41 今日中山"],
)
def test_counters_sections_pages_and_links_beside_a_date_are_furniture(tmp_path, line):
    article, _ = load_quietly(write_page(tmp_path / "a.txt", ["标题", line, "正文，共有3人。"]))
    assert article.published.replace(tzinfo=None) == datetime(2019, 2, 1, 5, 49, 41)
    assert extract_statistics(article)["text"].tolist() == ["3人"]


def test_a_byline_beside_the_date(tmp_path):
    lines = ["高雄市推廣學習平台", "2021/07/29 10:24 記者林美玲／高雄報導", "市府表示，今年已開辦課程3項。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert article.reporter == "林美玲" and article.published.replace(tzinfo=None) == datetime(2021, 7, 29, 10, 24)
    assert [p.text for p in article.paragraphs] == [lines[2]]


@pytest.mark.parametrize(
    ("lines", "kicker", "title", "subtitle"),
    [
        (["聚焦基層治理", "寶安區推廣學習平台", "2021-07-29 10:24", "正文。"], "聚焦基層治理", "寶安區推廣學習平台",
         ""),
        (["寶安區推廣學習平台", "——來自深圳的調查", "正文。"], "", "寶安區推廣學習平台", "——來自深圳的調查"),
        (["寶安區推廣學習平台", "2021-07-29 10:24", "——來自深圳的調查", "正文。"], "", "寶安區推廣學習平台",
         "——來自深圳的調查"),
        (["寶安區推廣學習平台", "黨員帶頭學習", "正文。"], "", "寶安區推廣學習平台", ""),
    ],
)
def test_kicker_and_subtitle_beside_the_headline(tmp_path, lines, kicker, title, subtitle):
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert (article.kicker, article.title, article.subtitle) == (kicker, title, subtitle)
    assert article.text.split("\n")[0] == title and article.paragraphs[-1].text == "正文。"
    if not (kicker or subtitle):
        assert article.paragraphs[0].text == "黨員帶頭學習" and article.paragraphs[0].is_heading, "a subheading"


@pytest.mark.parametrize("furniture", ["0:00 / 0:00", "1. 跳转至内容", "第A05版：要闻"])
def test_player_times_skip_links_and_print_pages_are_not_titles(tmp_path, furniture):
    article, _ = load_quietly(write_page(tmp_path / "a.txt", [furniture, "标题是这一行", "正文，共有3人。"]))
    assert article.title == "标题是这一行"


@pytest.mark.parametrize(
    "furniture",
    ["https://p.example.com/p/3xQ9a", "Eine Frau liest am Montag (12.03.2018) auf dem Markt, 300 Stände.",
     "Your browser does not support the video tag"],
)
def test_a_short_link_or_a_line_in_another_language_is_not_text(tmp_path, furniture):
    lines = ["學習平台在歐洲的讀者", "2018年3月14日", furniture, "受訪的讀者中，45%每天使用學習平台。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [p.text for p in article.paragraphs] == [lines[3]]
    assert extract_statistics(article)["text"].tolist() == ["45%"]


def test_a_more_news_list_ends_the_text(tmp_path):
    lines = ["西鄉街道舉辦學習平台知識競賽", "[2021.07.29] 發表", "西鄉街道昨日舉辦知識競賽，約有600人參加。",
             "更多要聞一", "【本報訊】寶安區3.2萬名黨員將在下周一（2日）參加培訓。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [p.text for p in article.paragraphs] == [lines[2]]
    assert article.published == date(2021, 7, 29)


@pytest.mark.parametrize(
    ("line", "reporter"),
    [("【大紀元3月2日報導】（中央社記者王小明台北2日電）內政部統計，去年共有3,200人申請。", "王小明"),
     ("（中央社記者陳美華高雄十四日電）內政部統計，去年共有3,200人申請。", "陳美華")],
)
def test_a_wire_byline_with_its_place_and_day_is_metadata(tmp_path, line, reporter):
    article, _ = load_quietly(write_page(tmp_path / "2021-03-05_a.txt", ["內政部公布申請統計", line]))
    assert article.reporter == reporter
    assert [p.text for p in article.paragraphs] == ["內政部統計，去年共有3,200人申請。"]
    assert [t for t in extract_statistics(article)["text"] if t[0].isdigit()] == ["3,200人"]


def test_a_timelines_dated_heading_is_text_not_a_date_line(tmp_path):
    lines = ["宝安区学习平台大事记", "2021-07-29 10:24", "2019年3月5日 启动仪式", "平台在全区启动，首批用户1200人。"]
    article, _ = load_quietly(write_page(tmp_path / "a.txt", lines))
    assert [p.text for p in article.paragraphs] == lines[2:]
    assert article.published.replace(tzinfo=None) == datetime(2021, 7, 29, 10, 24)
