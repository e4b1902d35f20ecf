"""The loader: known facts of the article, every encoding it may come in, and bad input."""

import hashlib
from datetime import datetime, timedelta

import pytest

from analysis import ArticleError, config, load_article

RAW = config.ARTICLE.read_text(encoding="utf-8")
FULLWIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def chinese_punctuation(text: str) -> str:
    """The raw text as a Big5 site would write it: fullwidth digits, commas, colons; ideographic spaces."""
    return (
        text.translate(FULLWIDTH)
        .replace(",", "，")
        .replace(";", "；")
        .replace("\xa0", "\u3000")
        .replace("來源:", "來源：")
    )


VARIANTS = {
    "big5hkscs-fullwidth-crlf": lambda: chinese_punctuation(RAW).replace("\n", "\r\n").encode("big5hkscs"),
    "gb18030": lambda: RAW.encode("gb18030"),
    "utf-16": lambda: RAW.encode("utf-16"),
    "utf-8-bom": lambda: RAW.encode("utf-8-sig"),
}


def test_raw_file_is_the_published_copy():
    assert hashlib.sha256(config.ARTICLE.read_bytes()).hexdigest() == config.ARTICLE_SHA256


def test_metadata(article):
    assert article.title == "【中共百年 深圳故事】深圳傳承百年大黨「精神譜系」的「西鄉示範」"
    assert article.published == datetime(2021, 7, 29, 10, 24, tzinfo=article.published.tzinfo)
    assert article.published.utcoffset() == timedelta(hours=8)
    assert (article.source, article.cited_source) == ("香港商報網", "《中國新聞周刊》")
    assert (article.reporter, article.editor) == ("王娜", "黃鶯")


def test_paragraphs_and_headings(article):
    assert len(article.paragraphs) == 12
    headings = [p.text for p in article.paragraphs if p.is_heading]
    assert headings == ["深圳傳承百年大黨「精神譜系」的「西鄉示範」", "「學習強國」是加強思想政治工作的最好「教材」"]
    assert article.paragraphs[0].text.startswith("深圳市寶安區近年來把「學習強國」")
    assert article.paragraphs[-1].text.endswith("提供了更多的「示範經驗」。"), "the reporter's byline is metadata"


def test_captions_with_credits(article):
    assert len(article.captions) == 4
    assert [c.credit for c in article.captions] == ["供圖/西鄉街道"] * 3 + ["西鄉/街道供圖"]
    assert [c.label for c in article.captions] == ["", "", "", "頂圖"]
    assert article.captions[0].text.startswith("7月22日，深圳市寶安區西鄉街道開展")
    assert article.captions[-1].text.endswith("進行年初部署和年終總結。")
    assert [c.after_paragraph for c in article.captions] == [0, 4, 8, 11]


def test_text_is_title_paragraphs_and_captions_in_reading_order(article):
    lines = article.text.split("\n")
    assert lines[0] == article.title
    assert len(lines) == 1 + len(article.paragraphs) + len(article.captions)
    assert lines[2] == article.captions[0].text
    assert article.text.count("學習強國") == 34
    for part in (*article.paragraphs, *article.captions):
        assert article.text[part.start : part.end] == part.text


@pytest.mark.parametrize(
    "left_out", ["來源", "供圖", "記者", "責任編輯", "版權作品", "相關新聞", "網友評論", "資料來源", "2021-07-29"]
)
def test_text_leaves_out_credits_and_boilerplate(article, left_out):
    assert left_out not in article.text


def test_cleaning(article):
    assert "\xa0" not in article.text and "\u3000" not in article.text and "\r" not in article.text
    assert "41550人，其中黨員5071人" in article.text
    assert "覆蓋率為100%。" in article.text
    assert "「學習強國——講師團」" in article.text


def test_every_offset_maps_back_to_the_raw_file(article):
    punctuation = dict(zip("，：；！？（）", ",:;!?()", strict=True))
    for offset, char in enumerate(article.text):
        if char != "\n":
            assert article.raw_text[article.raw_offset(offset)] == punctuation.get(char, char)
    start = article.text.index("41550")
    raw_start, raw_end = article.raw_span(start, start + 5)
    assert article.raw_text[raw_start:raw_end] == "41550"
    assert article.raw_line(start) == 16


@pytest.mark.parametrize("variant", VARIANTS)
def test_same_article_in_every_encoding(article, tmp_path, variant):
    path = tmp_path / f"{variant}.txt"
    path.write_bytes(VARIANTS[variant]())
    other = load_article(path)
    assert other == article
    assert other.text == article.text
    assert other.paragraphs == article.paragraphs and other.captions == article.captions
    start = article.text.index("7000餘名")
    raw_start, raw_end = other.raw_span(start, start + 6)
    assert other.raw_text[raw_start:raw_end] in ("7000餘名", "７０００餘名")


BAD_INPUT = {
    "empty": (b"", "empty"),
    "whitespace": (b" \n\r\n\t \n", "empty"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    "corrupt-utf8": (
        config.ARTICLE.read_bytes()[:3000] + b"\x80\xff" + config.ARTICLE.read_bytes()[3000:],
        "cannot be decoded",
    ),
    "truncated-utf8": (config.ARTICLE.read_bytes()[:1001], "cannot be decoded"),
    "impossible-date": (RAW.replace("2021-07-29 10:24", "2021-02-30 10:24").encode(), "impossible publication date"),
    "no-title": ("2021-07-29 10:24\n來源:香港商報網\n 正文。\n".encode(), "no title"),
    "no-body": ("標題\n\n2021-07-29 10:24\n來源:香港商報網\n".encode(), "no body"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_names_the_file_and_the_problem(tmp_path, case):
    data, problem = BAD_INPUT[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert str(path) in str(error.value) and problem in str(error.value)
    assert "\n" not in str(error.value), "one line"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name], "loading writes nothing"


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_article(tmp_path / "missing.txt")


def test_invisible_characters_are_taken_out_and_offsets_still_point_into_the_raw_text(tmp_path):
    from articles import XINAN, write_article
    from test_layouts import check_offsets

    from analysis import word_frequencies

    title = "\u202e" + XINAN["title"] + "\u202c"
    paragraphs = [p.replace("學習強國", "學\u200b習\ufeff強\u200d國", 1) for p in XINAN["paragraphs"]]
    article = load_article(write_article(tmp_path / "a.txt", title, paragraphs, XINAN["captions"]))
    plain = load_article(write_article(tmp_path / "b.txt", XINAN["title"], XINAN["paragraphs"], XINAN["captions"]))
    assert (article.title, article.text) == (plain.title, plain.text)
    assert not any(c in article.text for c in "\u200b\u200d\ufeff\u202e\u202c")
    check_offsets(article)
    start = article.text.index("學習強國", len(article.title))
    raw_start, raw_end = article.raw_span(start, start + 4)
    assert article.raw_text[raw_start:raw_end] == "學\u200b習\ufeff強\u200d國"
    words = word_frequencies(article).set_index("word")["count"]
    assert words["學習強國"] == word_frequencies(plain).set_index("word")["count"]["學習強國"]


@pytest.mark.parametrize("menu", ["首頁 | 新聞", "首頁 | 新聞 | 深圳\n關於我們 | 聯繫我們", "首頁 > 深圳 > 寶安"])
def test_a_page_of_only_a_sites_menu_is_not_an_article(tmp_path, menu):
    path = tmp_path / "menu.txt"
    path.write_text(f"首頁 | 新聞\n{menu}\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"menu\.txt: no body paragraphs"):
        load_article(path)
