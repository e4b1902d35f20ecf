"""Figure extraction: every number of the article with unit, qualifier and subject; dates; photo figures; audit."""

import time
from datetime import date

import cn2an
import pytest
from articles import XINAN, write_article
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import audit, extract_statistics, load_article, photos
from analysis.numbers.dates import find_dates
from analysis.numbers.extracting import COLUMNS, find_numbers, numerals_left_out
from analysis.reading.script import to_traditional

# every number the article reports, in reading order: text, value, unit, qualifier, kind, subject
ARTICLE_NUMBERS = [
    ("百年", 100, "年", "", "duration", "中共"),
    ("百年", 100, "年", "", "duration", "大黨"),
    ("百年", 100, "年", "", "duration", "大黨"),
    ("60組", 60, "組", "", "count", "隊員"),
    ("58萬", 580000, "", "", "count", "網民"),
    ("百年", 100, "年", "", "duration", "大黨"),
    ("第一", 1, "", "", "ordinal", "天職"),
    ("74個", 74, "個", "", "count", "街道辦"),
    ("四個", 4, "個", "", "count", "最多"),
    ("41550人", 41550, "人", "", "count", "註冊人數"),
    ("5071人", 5071, "人", "", "count", "黨員"),
    ("36479人", 36479, "人", "", "count", "群眾"),
    ("26個", 26, "個", "", "count", "黨委"),
    ("24個", 24, "個", "", "count", "黨支部"),
    ("100%", 100, "%", "", "percent", "黨員覆蓋率"),
    ("75%以上", 75, "%", "以上", "percent", "活躍度"),
    ("25個", 25, "個", "", "count", "社區黨委"),
    ("25個", 25, "個", "", "count", "單位"),
    ("2名", 2, "名", "", "count", "黨員"),
    ("846名", 846, "名", "", "count", "保安"),
    ("1位", 1, "位", "", "count", "黨員"),
    ("600餘名", 600, "名", "餘", "count", "群眾"),
    ("501人", 501, "人", "", "count", "巾幗宣講隊"),
    ("76名", 76, "名", "", "count", "文化鐘點工"),
    ("7000餘名", 7000, "名", "餘", "count", "樓棟長"),
    ("330餘人", 330, "人", "餘", "count", "老年人體育協會粉絲團"),
    ("130項", 130, "項", "", "count", "活動"),
    ("206篇", 206, "篇", "", "count", "上稿"),
    ("15000餘次", 15000, "次", "餘", "count", "點擊量"),
    ("135篇", 135, "篇", "", "count", "被「學習強國」採用"),
    ("19篇", 19, "篇", "", "count", "被「學習強國」全國學習平台採用"),
]
ARTICLE_DATES = [("7月22日", "2021-07-22"), ("2019年1月", "2019-01"), ("今年", "2021"), ("2020年", "2020"),
                 ("今年以來", "2021/..")]  # since the start of the year: an interval open at its end


@pytest.fixture(scope="module")
def statistics(article):
    """The article's extracted numbers."""
    return extract_statistics(article)


@pytest.fixture(scope="module")
def xinan(tmp_path_factory):
    """The second test article: another street, Chinese numerals, 成, 萬 with decimals, separators, qualifiers."""
    path = tmp_path_factory.mktemp("xinan") / "2022-03-15_xinan.txt"
    return load_article(write_article(path, XINAN["title"], XINAN["paragraphs"], XINAN["captions"]))


def rows(table, kind=None):
    """(text, value, unit, qualifier, kind, subject) of each number row, dates left out."""
    numbers = table[table["kind"] != "date"] if kind is None else table[table["kind"] == kind]
    return [(r.text, r.value, r.unit, r.qualifier, r.kind, r.subject) for r in numbers.itertuples()]


def test_every_number_of_the_article_is_extracted(statistics):
    assert rows(statistics) == ARTICLE_NUMBERS


def test_dates_are_resolved_against_the_publication_date(statistics):
    dates = statistics[statistics["kind"] == "date"]
    assert list(zip(dates["text"], dates["date"], strict=True)) == ARTICLE_DATES
    assert dates["value"].isna().all()


def test_lower_bounds_are_kept(statistics):
    lower = statistics[statistics["bound"] == "lower"]
    assert list(lower["text"]) == ["75%以上", "600餘名", "7000餘名", "330餘人", "15000餘次"]
    assert (statistics.loc[statistics["qualifier"] == "", "bound"] == "exact").all()


def test_counts_are_tied_to_the_date_in_their_sentence(statistics):
    period = dict(zip(statistics["text"], statistics["period"], strict=False))
    assert period["206篇"] == "2020年"
    assert period["135篇"] == period["19篇"] == "今年以來"
    assert period["41550人"] == ""


def test_every_row_points_at_its_place_in_the_text_and_the_raw_file(article, statistics):
    assert list(statistics.columns) == COLUMNS
    for row in statistics.itertuples():
        assert article.text[row.start:row.end] == row.text
        assert row.text in row.sentence
        assert article.text[row.sentence_start:].startswith(row.sentence)
        assert article.raw_text[row.raw_start:row.raw_end] == row.text
        assert (row.raw_line, row.part) == (article.raw_line(row.start), article.part_at(row.start)[0])


def test_rows_of_an_article_with_captions_and_long_lines_point_at_their_place(tmp_path):
    paragraphs = [f"第{n}段，街道組建了{n}0支隊伍，服務{n}00名居民。" * (n % 3 + 1) for n in range(1, 30)]
    captions = tuple(f"圖{n}：{n}名志願者參加活動。" for n in range(1, 6))
    article = load_article(write_article(tmp_path / "a.txt", "標題有3個數字", paragraphs, captions))
    table = extract_statistics(article)
    assert set(table["part"]) == {"title", "paragraph", "caption"}
    for row in table.itertuples():
        assert article.raw_text[row.raw_start:row.raw_end] == row.text == article.text[row.start:row.end]
        assert (row.raw_line, row.part) == (article.raw_line(row.start), article.part_at(row.start)[0])


def cpu_seconds_per_character(path, size: int, line: bool, first: int) -> float:
    """CPU time per character of extract_statistics on an article about `size` long, of sentences numbered from
    `first` on (no two calls share a sentence, so no call gains from another's caches)."""
    sentences = [f"第{n}組志願者{n % 997 + 10}人參加了{n % 50 + 2}場活動，點擊量達{n * 13}次。"
                 for n in range(first, first + size // 30)]
    if line:
        paragraphs = ["".join(sentences).replace("。", "，")]
    else:
        paragraphs = ["".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    article = load_article(write_article(path, "標題", paragraphs))
    start = time.process_time()
    extract_statistics(article)
    return (time.process_time() - start) / len(article.text)


@pytest.mark.parametrize("line", [False, True], ids=["paragraphs", "one line with no full stop"])
def test_extraction_time_per_character_stays_flat(tmp_path, line):
    small = min(cpu_seconds_per_character(tmp_path / "a.txt", 5_000, line, first) for first in (10_000, 20_000))
    large = cpu_seconds_per_character(tmp_path / "a.txt", 50_000, line, 30_000)
    assert large < 2.5 * small, (large, small)  # quadratic work would make it about 10 times


@pytest.mark.parametrize("sentence", [
    "思想政治工作是一切工作的生命線。", "帶領群眾一起學習。", "為了進一步加強工作。", "這是主要工作之一。",
    "形成了一套行之有效的機制。", "一直在思考和實踐。", "開展「四史」知識競賽。", "每日一督、每周一曬、每月一比。",
    "年初部署和年終總結。", "這是超一流的服務。", "一年四季都有活動。", "幾個人上前幫忙。", "數一數二的企業。",
])
def test_words_that_only_contain_a_numeral_give_nothing(tmp_path, sentence):
    article = load_article(write_article(tmp_path / "a.txt", "標題", [sentence]))
    assert extract_statistics(article).empty


def test_the_article_leaves_out_only_the_words_judged_not_numbers(article, statistics):
    left_out = set(numerals_left_out(article, statistics)["word"])
    assert left_out == {"四史", "一直", "進一步", "百姓家", "一切", "一起", "一", "之一"}


def test_second_article_extracts_fully(xinan):
    statistics = extract_statistics(xinan)
    assert rows(statistics) == [
        ("近千名", 1000, "名", "近", "count", "群眾"),
        ("12,500人", 12500, "人", "", "count", "註冊人數"),
        ("3500人", 3500, "人", "", "count", "黨員"),
        ("9000人", 9000, "人", "", "count", "群眾"),
        ("100%", 100, "%", "", "percent", "黨員覆蓋率"),
        ("三百二十人", 320, "人", "", "count", "志願服務隊"),
        ("四十八場", 48, "場", "", "count", "活動"),
        ("2.3萬名", 23000, "名", "", "count", "居民"),
        ("約八成以上", 80, "%", "約 以上", "percent", "社區"),
        ("一百二十篇", 120, "篇", "", "count", "上稿"),
        ("60篇", 60, "篇", "", "count", "被採用"),
        ("12篇", 12, "篇", "", "count", "被全國學習平台採用"),
    ]
    dates = statistics[statistics["kind"] == "date"]
    assert list(zip(dates["text"], dates["date"], strict=True)) == [
        ("2019年1月", "2019-01"), ("去年3月以來", "2021-03/.."), ("2020年", "2020"), ("今年以來", "2022/..")]
    assert list(statistics.loc[statistics["text"] == "近千名", "part"]) == ["caption"]


@pytest.mark.parametrize(("phrase", "value", "unit", "qualifier", "bound"), [
    ("逾三千人", 3000, "人", "逾", "lower"),
    ("超過1,200名", 1200, "名", "超過", "lower"),
    ("約1.5萬人", 15000, "人", "約", "approximate"),
    ("三成", 30, "%", "", "exact"),
    ("百分之四十", 40, "%", "", "exact"),
    ("330多人", 330, "人", "多", "lower"),
    ("500人左右", 500, "人", "左右", "approximate"),
    ("不足百人", 100, "人", "不足", "upper"),
    ("兩萬名", 20000, "名", "", "exact"),
    ("1億人", 100_000_000, "人", "", "exact"),
])
def test_qualifiers_multipliers_and_tenths(tmp_path, phrase, value, unit, qualifier, bound):
    article = load_article(write_article(tmp_path / "a.txt", "標題", [f"街道共有{phrase}參加。"]))
    row = extract_statistics(article).iloc[0]
    assert (row.text, row.value, row.unit, row.qualifier, row.bound) == (phrase, value, unit, qualifier, bound)


@pytest.mark.parametrize(("phrase", "iso"), [
    ("2019年1月", "2019-01"), ("7月22日", "2021-07-22"), ("12月1日", "2020-12-01"), ("去年3月", "2020-03"),
    ("今年", "2021"), ("年底", "2021-12"), ("去年底", "2020-12"), ("2018年5月4日", "2018-05-04"),
])
def test_relative_dates(tmp_path, phrase, iso):
    path = write_article(tmp_path / "a.txt", "標題", [f"{phrase}，街道開展活動。"])
    text = path.read_text(encoding="utf-8").replace("2022-03-15 09:30", "2021-07-29 10:24")
    path.write_text(text, encoding="utf-8")
    dates = extract_statistics(load_article(path))
    assert list(zip(dates["text"], dates["date"], strict=True)) == [(phrase, iso)]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=99_999_999))
def test_chinese_numerals_and_digits_give_the_same_count(tmp_path_factory, n):
    # 2 and up: a lone 一 before a measure word is read as the indefinite article, by design
    chinese = to_traditional(cn2an.an2cn(n))
    path = tmp_path_factory.mktemp("numerals")
    values = []
    for written in (str(n), f"{n:,}", chinese):
        article = load_article(write_article(path / "a.txt", "標題", [f"街道組建了{written}名志願者隊伍。"]))
        values.append(tuple(extract_statistics(article)[["value", "unit"]].itertuples(index=False, name=None)))
    assert values == [((n, "名"),)] * 3


def test_photos(article):
    figures = photos(article)
    assert list(figures["position"]) == [1, 2, 3, 4]
    assert list(figures["label"]) == ["", "", "", "頂圖"]
    assert set(figures["credit"]) == {"供圖/西鄉街道", "西鄉/街道供圖"}
    assert figures["caption"].iloc[0].startswith("7月22日")
    assert all(1 <= n <= len(article.paragraphs) for n in figures["after_paragraph"])


@pytest.fixture(scope="module")
def checks(statistics):
    """The article's consistency audit."""
    return audit(statistics)


def test_audit_finds_the_registration_sum_and_it_holds(checks):
    sums = checks[checks["kind"] == "sum"]
    assert len(sums) == 1
    row = sums.iloc[0]
    assert row.status == "holds"
    assert "5071人 + 36479人 = 41550" in row["values"]
    assert "其中黨員5071人" in row.sentences


def test_audit_finds_the_leading_ratios(checks):
    ratios = checks[checks["kind"] == "ratio"]
    assert list(ratios["values"]) == ["2名 : 846名 = 1 : 423", "1位 : 600餘名 = 1 : 600"]
    assert list(ratios["status"]) == ["holds", "holds"]


def test_audit_cannot_check_percentages_without_a_base(checks):
    shares = checks[checks["kind"] == "share"]
    assert list(shares["status"]) == ["cannot tell", "cannot tell"]


@pytest.mark.parametrize(("parts", "status"), [
    ("黨員300人，群眾700人", "holds"),
    ("黨員300人，群眾800人", "does not hold"),
    ("黨員300餘人，群眾700人", "cannot tell"),  # 300餘 is 300 to 399: the sum may be 1000
    ("黨員310餘人，群眾700人", "does not hold"),  # at least 1010
    ("黨員300人，群眾600人", "cannot tell"),  # 100 short: the list may not be exhaustive
])
def test_audit_checks_sums_with_their_qualifiers(tmp_path, parts, status):
    text = f"街道註冊人數達1000人，其中{parts}。"
    table = audit(extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [text]))))
    assert list(table[table["kind"] == "sum"]["status"]) == [status]


NUMBER_LIKE = ("零〇一二三四五六七八九十百千兩萬億万亿0123456789,.%％成第百分之餘余多幾上數約近逾超過"
               "以上左右人個年月日號至-～時:元，。的")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NUMBER_LIKE, max_size=30))
def test_any_run_of_numeral_characters_reads_without_error(text):
    for published in (date(2021, 7, 29), None):
        dates = find_dates(text, published)
        for row in dates + find_numbers(text, [(d["start"], d["end"]) for d in dates]):
            assert text[row["start"]:row["end"]] == row["text"]


def test_raw_lines_count_lone_carriage_returns(tmp_path):
    path = write_article(tmp_path / "a.txt", "標題", ["街道開展活動。", "街道共有300人參加。"])
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    article = load_article(path)
    row = extract_statistics(article).iloc[0]
    assert article.raw_text.split("\r")[row.raw_line - 1].strip() == "街道共有300人參加。"


@pytest.mark.parametrize(("last", "numbers"), [
    ("今年共編列1975萬元、7311", ["1975萬元"]),  # a stored excerpt that stops inside a figure
    ("每年從黨費中撥出2", []),
    ("今年共編列1975萬元、7311萬元。", ["1975萬元", "7311萬元"]),
])
def test_a_bare_number_cut_off_at_the_end_of_the_text_is_no_figure(tmp_path, last, numbers):
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", ["活動共有300人參加。", last])))
    assert list(table.loc[table["kind"] != "date", "text"]) == ["300人", *numbers]


def test_eight_digits_before_a_measure_word_are_a_count_not_a_date(tmp_path):
    # found by the property test above: 19660101名 spells 1 January 1966, yet counts volunteers
    text = "街道組建了19660101名志願者隊伍，20240307發布。"
    article = load_article(write_article(tmp_path / "a.txt", "標題", [text]))
    rows = extract_statistics(article)
    assert list(zip(rows["text"], rows["kind"], strict=True)) == [("19660101名", "count"), ("20240307", "date")]
