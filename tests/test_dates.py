"""Date expressions and their resolution against the publication date: a datetime, a date alone, or none."""

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest
from articles import write_article

from analysis import extract_statistics, load_article
from analysis.numbers.dates import find_dates
from analysis.reading.script import to_simplified

HONG_KONG = timezone(timedelta(hours=8))
PUBLISHED = [datetime(2023, 9, 14, 8, 5, tzinfo=HONG_KONG), date(2023, 9, 14)]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("phrase", "iso"), [
    ("今年4月底", "2023-04"),
    ("2022年11月底", "2022-11"),
    ("去年6月初", "2022-06"),
    ("3月底", "2023-03"),
    ("今年底", "2023-12"),
    ("今年年底", "2023-12"),
    ("去年底", "2022-12"),
    ("2021年底", "2021-12"),
    ("年底", "2023-12"),
    ("今年初", "2023-01"),
    ("今年年初", "2023-01"),
    ("前年初", "2021-01"),
    ("今年上半年", "2023-01/2023-06"),
    ("去年下半年", "2022-07/2022-12"),
    ("上半年", "2023-01/2023-06"),
    ("2020年上半年", "2020-01/2020-06"),
    ("去年同期", "2022"),
    ("5月10日至12日", "2023-05-10/2023-05-12"),
    ("10月3日至8日", "2022-10-03/2022-10-08"),  # later in the year than the publication date: last year's
    ("6月28日至7月3日", "2023-06-28/2023-07-03"),
    ("2-8月", "2023-02/2023-08"),
    ("3至6月", "2023-03/2023-06"),
    ("2022年1-10月", "2022-01/2022-10"),
    ("2016至2020年", "2016/2020"),
    ("2016—2020年", "2016/2020"),
    ("2016年至2020年", "2016/2020"),
    ("12日", "2023-09-12"),
    ("20日", "2023-08-20"),  # later in the month than the publication date: last month's
    ("5-7日", "2023-09-05/2023-09-07"),
    ("2023年9月", "2023-09"),
    ("明年3月", "2024-03"),
])
def test_date_expressions_resolve_against_the_publication_date(published, phrase, iso):
    for text in (f"{phrase}，全區新建驛站。", to_simplified(f"{phrase}，全區新建驛站。")):
        found = find_dates(text, published)
        assert [(d["text"], d["date"]) for d in found] == [(text[: len(phrase)], iso)]


@pytest.mark.parametrize(("sentence", "dates"), [
    ("今年上半年，客流比去年同期增長兩成。", ["2023-01/2023-06", "2022-01/2022-06"]),
    ("2023年1-8月，收入較去年同期上升。", ["2023-01/2023-08", "2022-01/2022-08"]),
    ("8月，成交量比去年同期回落。", ["2023-08", "2022-08"]),
])
def test_same_period_last_year_follows_the_period_before_it(sentence, dates):
    assert [d["date"] for d in find_dates(sentence, PUBLISHED[0])] == dates


@pytest.mark.parametrize(("phrase", "iso"), [
    ("今年", ""), ("去年3月", ""), ("7月22日", ""), ("11日", ""), ("上半年", ""), ("年底", ""), ("去年同期", ""),
    ("1-5月", ""), ("2019年1月", "2019-01"), ("2018年5月4日", "2018-05-04"), ("2019至2021年", "2019/2021"),
    ("2020年上半年", "2020-01/2020-06"), ("2021年底", "2021-12"),
])
def test_without_a_publication_date_only_absolute_dates_resolve(phrase, iso):
    found = find_dates(f"{phrase}，街道開展活動。", None)
    assert [(d["text"], d["date"]) for d in found] == [(phrase, iso)]


@pytest.mark.parametrize("published", [*PUBLISHED, None])
@pytest.mark.parametrize("phrase", ["2月30日", "2023年2月29日", "4月31日", "2月28日至30日"])
def test_a_day_that_does_not_exist_is_a_date_with_no_iso_form(published, phrase):
    found = find_dates(f"{phrase}，全區新建驛站。", published)
    assert [(d["text"], d["date"]) for d in found] == [(phrase, "")]


def test_a_leap_day_exists_in_a_leap_year():
    assert [d["date"] for d in find_dates("2024年2月29日，街道開展活動。", None)] == ["2024-02-29"]


@pytest.mark.parametrize("text", [
    "3號線", "第12日", "3日內完成", "5日遊", "7日以上", "5G網絡", "年初部署", "每年年底", "12.5日", "13月", "32日"])
def test_what_is_not_a_date(text):
    assert find_dates(text, PUBLISHED[0]) == []


@pytest.mark.parametrize("published", [*PUBLISHED, None])
def test_extraction_takes_any_kind_of_publication_date(tmp_path, published):
    article = load_article(write_article(tmp_path / "a.txt", "標題", [
        "今年4月底，街道已建成驛站12個，2019年1月起累計服務3萬人次。", "2月30日，共有80名志願者參加。"]))
    table = extract_statistics(dataclasses.replace(article, published=published))
    dates = table[table["kind"] == "date"]
    resolved = "2023-04" if published else ""
    assert list(zip(dates["text"], dates["date"], strict=True)) == [
        ("今年4月底", resolved), ("2019年1月起", "2019-01/.."), ("2月30日", "")]
    counts = table[table["kind"] == "count"]
    assert list(zip(counts["text"], counts["value"], counts["period"], strict=True)) == [
        ("12個", 12, "今年4月底"), ("3萬人次", 30000, "2019年1月起"), ("80名", 80, "2月30日")]


@pytest.mark.parametrize(("phrase", "iso"), [
    ("2023-09-01", "2023-09-01"), ("2023.9.1", "2023-09-01"), ("2023/09/01", "2023-09-01"), ("2023-02-29", ""),
])
def test_dates_in_digits_only_are_one_date(tmp_path, phrase, iso):
    for text in (f"{phrase} 街道舉辦講座，共有35人參加。", f"街道於{phrase}舉辦講座，共有35人参加。"):
        table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text])))
        assert list(zip(table["text"], table["kind"], table["date"], strict=True)) == [
            (phrase, "date", iso), ("35人", "count", "")]


@pytest.mark.parametrize("text", [
    "上午9:30，35人到場。", "晚上20：15，35人到場。", "上午10時30分，35人到場。", "晚上8时，35人到场。"])
def test_a_time_of_day_is_not_a_number(tmp_path, text):
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text])))
    assert list(table["text"]) == ["35人"]


@pytest.mark.parametrize(("text", "rows"), [
    ("須在3日內完成。", [("3日", "duration")]),
    ("推出5日遊線路。", [("5日", "duration")]),
    ("11日，3名代表發言。", [("11日", "date"), ("3名", "count")]),
])
def test_days_counted_are_durations_and_a_bare_day_is_a_date(tmp_path, text, rows):
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text])))
    assert list(zip(table["text"], table["kind"], strict=True)) == rows


@pytest.mark.parametrize(("sentence", "iso"), [
    ("8月10日至15日將舉辦網上知識競賽。", "2021-08-10/2021-08-15"),  # still to come: this year
    ("8月10日至15日舉辦了網上知識競賽。", "2020-08-10/2020-08-15"),  # done: last year's
    ("预计12月底前完工。", "../2021-12"),  # before the end of December: open at its start
    ("3日将召开大会。", "2021-08-03"),  # a bare day still to come, earlier than the 29th: next month's
])
def test_a_date_still_to_come_is_not_last_years(sentence, iso):
    published = datetime(2021, 7, 29, 10, 24)
    assert [d["date"] for d in find_dates(sentence, published)] == [iso]
