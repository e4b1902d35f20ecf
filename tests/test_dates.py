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
    "3號線", "第12日", "3日內完成", "5日遊", "7日以上", "5G網絡", "年初部署", "每年年底", "12.5日", "13月", "32日",
    "前兩個月銷量下降", "時至今日", "坚守24年", "服務了15年", "陸家嘴"])
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
    ("須在3日內完成。", [("3日內", "duration")]),  # within three days: an upper bound
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


# cases of dongrixinyu/JioNLP, test/test_time_parser.py, with its time base 2021-06-14 (its _ts_1): the phrase and
# the suite's interval, written as our ISO date (its "now" end of 起 and 至今, or start of 以前, is the open end ..)
JIONLP_BASE = datetime(2021, 6, 14, 1, 6, 40)


@pytest.mark.parametrize(("phrase", "iso"), [
    ("20240307", "2024-03-07"), ("2019.9.6", "2019-09-06"), ("1999.08-2002.02", "1999-08/2002-02"),
    ("15年3月2日", "2015-03-02"), ("91年5月", "1991-05"), ("二零零三年十二月", "2003-12"),
    ("二〇〇六年十二月", "2006-12"),
    ("2021年前两个季度", "2021-01/2021-06"), ("2022年首季度", "2022-01/2022-03"), ("一季度", "2021-01/2021-03"),
    ("今年前三季度", "2021-01/2021-09"), ("上个季度", "2021-01/2021-03"), ("2013年一季度末", "2013-03"),
    ("去年四季度初", "2020-10"), ("本季度", "2021-04/2021-06"), ("1993年上半年", "1993-01/1993-06"),
    ("上个月15号", "2021-05-15"), ("下月九号", "2021-07-09"), ("本月9日", "2021-06-09"), ("当月", "2021-06"),
    ("上世纪80年代", "1980/1989"), ("十九世纪七十年代", "1870/1879"), ("18世纪", "1700/1799"),
    ("2022年前十一个月", "2022-01/2022-11"), ("今年前五个月", "2021-01/2021-05"), ("上一年", "2020"),
    ("二〇一九年5月8日起", "2019-05-08/.."), ("从去年9月起", "2020-09/.."), ("从2001年起至今", "2001/.."),
    ("2017年8月15日至2018年3月29日", "2017-08-15/2018-03-29"), ("从2008年——2018年", "2008/2018"),
    ("2018年2——4月", "2018-02/2018-04"), ("2025年前", "../2025"), ("二零四九年十月一号以前", "../2049-10-01"),
    ("前年11月到去年3月", "2019-11/2020-03"), ("2019年4月12-19日", "2019-04-12/2019-04-19"), ("前天", "2021-06-12"),
    ("大大后天", "2021-06-18"),
])
def test_jionlp_calendar_cases(tmp_path, phrase, iso):
    article = load_article(write_article(tmp_path / "a.txt", "標題", [f"{phrase}，街道开展了活动。"]))
    table = extract_statistics(dataclasses.replace(article, published=JIONLP_BASE))
    assert list(zip(table["text"], table["kind"], table["date"], strict=True))[:1] == [
        (phrase.removeprefix("从"), "date", iso)]


@pytest.mark.parametrize(("phrase", "iso"), [  # the same file, other time bases: a two-digit year's century
    ("98年4月", "1998-04"),  # its time base 1997-07-01
    ("九七年一季度", "1997-01/1997-03"),  # 1999-09-02
    ("零七年八月二十九号", "2007-08-29"),  # 2017-10-30
])
def test_a_two_digit_year_is_of_the_century_nearer_publication(phrase, iso):
    base = {"98年4月": date(1997, 7, 1), "九七年一季度": date(1999, 9, 2), "零七年八月二十九号": date(2017, 10, 30)}
    assert [(d["text"], d["date"]) for d in find_dates(f"{phrase}，", base[phrase])] == [(phrase, iso)]


# our own sentences, in both scripts: what a date is, and what it is not
@pytest.mark.parametrize(("sentence", "rows"), [
    ("今年一季度，全市GDP同比增長5.2%。", [("今年一季度", "date", "2023-01/2023-03"), ("5.2%", "percent", "")]),
    ("1-8月，全省新增就业98.6万人，上年同期为91.2万人。",
     [("1-8月", "date", "2023-01/2023-08"), ("98.6万人", "count", ""), ("上年同期", "date", "2022-01/2022-08"),
      ("91.2万人", "count", "")]),
    ("2019年以來，已累計投入資金3.6億元。", [("2019年以來", "date", "2019/.."), ("3.6億元", "amount", "")]),
    ("二〇二二年，全区新建学校12所。", [("二〇二二年", "date", "2022"), ("12所", "count", "")]),
    ("上月底，共有3家企業入駐。", [("上月底", "date", "2023-08"), ("3家", "count", "")]),
    ("6月中旬至7月上旬，降雨量達歷史同期的1.5倍。",
     [("6月中旬至7月上旬", "date", "2023-06-11/2023-07-10"), ("1.5倍", "count", "")]),
    ("上世纪90年代末，这里还是一片农田。", [("上世纪90年代末", "date", "1998/1999")]),
    ("该项目将于2025年前完工。", [("2025年前", "date", "../2025")]),
    ("今明兩年將新增床位800張。", [("今明兩年", "date", "2023/2024"), ("800張", "count", "")]),
    # 季 without 度 is a quarter after a year, as Hong Kong prints it; alone it is a season of a show
    ("2024年第二季受僱人士增加3萬人。", [("2024年第二季", "date", "2024-04/2024-06"), ("3萬人", "count", "")]),
    ("今年首季罪案下跌5%。", [("今年首季", "date", "2023-01/2023-03"), ("5%", "percent", "")]),
    ("劇集第二季開播。", [("第二", "ordinal", "")]),
    # a time of day after a date is in the date's span, never a count; a part of the day may stand for the day
    ("10月24日晚11時，街道通知居民。", [("10月24日晚11時", "date", "2022-10-24")]),
    ("團體昨晨9時組織逾百市民。", [("昨晨9時", "date", "2023-09-13"), ("逾百", "count", "")]),
    ("今晚報記者報道。", []),  # a newspaper's name
    # the Republic of China's years, as Taiwan prints them: after 民國, or of three digits before a month or 度
    ("民國112年預算增加5%。", [("民國112年", "date", "2023"), ("5%", "percent", "")]),
    ("民國九十五年共有七百六十二萬五千人。", [("民國九十五年", "date", "2006"), ("七百六十二萬五千人", "count", "")]),
    ("114年1月1日起實施。", [("114年1月1日起", "date", "2025-01-01/..")]),
    ("113年度預算。", [("113年", "date", "2024")]),
    ("這棵古樹已有124年。", [("124年", "duration", "")]),
    # two years joined with no unit after them are a span of years; 7/1 is a day, not a fraction of seven
    ("《澳門城市總體規劃(2020-2040)》諮詢。", []),  # inside a title: a name
    ("發展規劃(2020-2040)草案。", [("2020-2040", "date", "2020/2040")]),
    ("2023-24年度財政預算增加5%。", [("2023-24", "date", "2023/2024"), ("5%", "percent", "")]),
    ("2023/24學年共有300名學生。", [("2023/24", "date", "2023/2024"), ("300名", "count", "")]),
    ("人數由2000-2020人不等。", [("2000", "count", ""), ("2020人", "count", "")]),
    ("7/1回歸紀念日。", []),
    # a year alone before its event's quoted name is a year, not a count of what comes before it
    ("圖為2023「長者日」啟動儀式，2023人出席。", [("2023", "date", "2023"), ("2023人", "count", "")]),
    # a relative day with its day of the month, as Macao's government prints it
    ("活動明(15)日舉行，今（14）日起報名。",
     [("明（15）日", "date", "2023-09-15"), ("今（14）日起", "date", "2023-09-14/..")]),
])
def test_dates_in_news_sentences(tmp_path, sentence, rows):
    table = extract_statistics(dataclasses.replace(
        load_article(write_article(tmp_path / "a.txt", "標題", [sentence])), published=PUBLISHED[0]))
    assert list(zip(table["text"], table["kind"], table["date"], strict=True)) == rows
