"""Outlets and scripts: one canonical name per outlet whatever its printed form, a registry a new outlet extends in
one line, and a page's script decided by the share of each script's own characters."""

import warnings

import pytest
from articles import write_page

from analysis import load_article
from analysis.reading import outlets
from analysis.reading.outlets import file_outlet, find_outlet
from analysis.reading.script import script_of


@pytest.mark.parametrize("printed", ["香港商報網", "香港商報网", "香港商报", "香港商报网", "香港商報", "hkcd.com"])
def test_every_form_of_an_outlets_name_is_one_outlet(printed):
    outlet = find_outlet(printed)
    assert outlet is not None and outlet.name == "香港商報" and outlet.region == "HK"


@pytest.mark.parametrize(
    ("printed", "name"),
    [("人民網－人民日報", "人民日報"), ("新华网", "新華社"), ("中新网广东", "中新社"), ("央视新闻客户端", "央視"),
     ("《大公報》", "大公報"), ("DW", "德國之聲")],
)
def test_a_printed_source_names_its_outlet(printed, name):
    assert find_outlet(printed).name == name


def test_an_unlisted_outlet_is_none():
    assert find_outlet("某某晚報") is None
    assert file_outlet("2021-07-29_unknown_slug") is None
    assert file_outlet("2021-07-29_hkcd_xixiang-xuexi-qiangguo").name == "香港商報"


def test_four_printed_forms_are_one_outlet_in_articles(tmp_path):
    forms = ["香港商報網", "香港商報网", "香港商报", "香港商报网"]
    names = set()
    for number, form in enumerate(forms):
        lines = ["西鄉街道推廣學習平台", f"2021-07-29 10:24 來源:{form}", "街道註冊人數達41550人。"]
        article = load_article(write_page(tmp_path / f"{number}.txt", lines))
        assert article.source == form
        assert article.to_dict()["outlet"] == article.outlet
        names.add(article.outlet)
    assert names == {"香港商報"}


def test_a_sites_code_in_the_source_field_names_no_source(tmp_path):
    # a repost's source field holds the site's code; the dispatch's dateline names the outlet
    lines = ["澳门特区长者日系列活动启动", "发布时间:2024-11-24 17:48:17 来源: sp20241124",
             "人民网澳门10月22日电 (记者富子梅)澳门特区长者日系列活动于21日启动。"]
    article = load_article(write_page(tmp_path / "a.txt", lines))
    assert not article.source and article.outlet == "人民日報"


def test_a_new_outlet_is_one_line_of_the_registry(tmp_path, monkeypatch):
    registry = tmp_path / "outlets.tsv"
    line = "東京新聞\t東京新聞網,tokyo-np.co.jp\tJP\tAsia/Tokyo\n"
    registry.write_text(outlets.REGISTRY.read_text(encoding="utf-8") + line, encoding="utf-8")
    monkeypatch.setattr(outlets, "REGISTRY", registry)
    outlets.registry.cache_clear()
    try:
        page = ["標題", "2021-07-29 10:24 來源:東京新聞網", "正文，共有3人。"]
        article = load_article(write_page(tmp_path / "a.txt", page))
        assert article.outlet == "東京新聞" and article.published.utcoffset().total_seconds() == 9 * 3600
    finally:
        outlets.registry.cache_clear()


def test_a_bad_registry_line_is_named(tmp_path, monkeypatch):
    registry = tmp_path / "outlets.tsv"
    registry.write_text("# comment\n東京新聞\tJP\n", encoding="utf-8")
    monkeypatch.setattr(outlets, "REGISTRY", registry)
    outlets.registry.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"outlets.tsv:2: expected 4 tab-separated fields"):
            outlets.registry()
    finally:
        outlets.registry.cache_clear()


@pytest.mark.parametrize(
    ("text", "script"),
    [("新华社北京电，深水埗一处劏房住户增加，记者了解到这里的居民生活条件有所改善。", "simplified"),
     ("深水埗劏房住戶增至2.1萬，社區中心表示會加開服務，協助區內居民。", "traditional"),
     ("香港平台里的资料", "simplified"), ("香港平台裡的資料", "traditional"), ("2021", "")],
)
def test_script_is_decided_by_the_share_of_each_scripts_own_characters(text, script):
    assert script_of(text) == script


def test_the_outlets_region_decides_an_open_all_digit_date(tmp_path):
    def published(source):
        lines = ["標題", f"09/07/2019 10:24 來源：{source}", "正文，共有3人。"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_article(write_page(tmp_path / "a.txt", lines)).published
    assert (published("明報").month, published("明報").day) == (7, 9), "Hong Kong prints the day first"
    assert (published("美國之音").month, published("美國之音").day) == (9, 7), "a US outlet the month first"
    assert published("美國之音").utcoffset().total_seconds() == -4 * 3600, "in the outlet's own zone"


@pytest.mark.parametrize("line", ["24/09/2019 10:24", "09/24/2019 10:24"])
def test_a_day_or_month_over_12_settles_the_order_whatever_the_region(tmp_path, line):
    for source in ("明報", "美國之音"):
        article = load_article(write_page(tmp_path / "a.txt", ["標題", f"{line} 來源：{source}", "正文，共有3人。"]))
        assert (article.published.month, article.published.day) == (9, 24)
