"""Numerals as the field's own test suites write them, and as news pages print them, read through the public path
(load_article → extract_statistics): cn2an reads the numeral, the extraction keeps its sign, bound and kind."""

import math

import pytest
from articles import write_article

from analysis import extract_statistics, load_article
from analysis.numbers.numerals import number_value


def numbers(tmp_path, sentence: str) -> list[tuple]:
    """(text, value, unit, qualifier, bound, kind) of each number of a one-sentence article, dates left out."""
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [sentence])))
    return [(r.text, r.value, r.unit, r.qualifier, r.bound, r.kind) for r in table.itertuples() if r.kind != "date"]


def value_of(tmp_path, sentence: str) -> float:
    """The value of the one number of a sentence."""
    found = numbers(tmp_path, sentence)
    assert len(found) == 1, found
    return found[0][1]


# strings of Ailln/cn2an, cn2an/cn2an_test.py (strict, normal and smart cases) and their values
CN2AN_STRINGS = [
    ("壹拾壹", 11), ("壹佰壹拾壹", 111), ("壹仟壹佰壹拾壹万壹仟壹佰壹拾壹", 11111111),
    ("壹拾万零叁仟肆佰伍拾叁", 103453),
    ("一千零十一", 1011), ("一万零一百一十一", 10111), ("一千零一亿一千零一万一千零一", 100110011001),
    ("零点零一", 0.01), ("零点一", 0.1), ("负十一", -11), ("负一十一", -11), ("廿二", 22), ("一七二零点一", 1720.1),
    ("负零点一零", -0.1), ("负一七二零", -1720), ("三万五", 35000), ("两千六", 2600), ("兩千六", 2600),
    ("一百二十万三", 1203000), ("一亿五千万零六千三百五十五", 150006355), ("100万三千", 1003000),
    ("200亿零四千230", 20000004230), ("一百点123", 100.123), ("-10.1万", -101000), ("1百01", 101), ("1万600", 10600),
    ("16.4亿", 1640000000), ("-10.1", -10.1),
]
# money strings of the same file, printed as an amount
CN2AN_MONEY = [("壹拾壹元整", 11), ("壹佰壹拾壹圆整", 111), ("壹拾壹元壹角壹分", 11.11),
               ("玖仟陆佰陆拾伍圆壹角捌分", 9665.18), ("壹佰捌拾壹圆柒角", 181.7)]


@pytest.mark.parametrize(("numeral", "value"), CN2AN_STRINGS)
def test_cn2an_strings_are_read_in_a_sentence(tmp_path, numeral, value):
    assert math.isclose(value_of(tmp_path, f"本次活動共有{numeral}人參加。"), value)


@pytest.mark.parametrize(("numeral", "value"), CN2AN_MONEY)
def test_cn2an_money_is_read_with_its_jiao_and_fen(tmp_path, numeral, value):
    (text, read, unit, qualifier, bound, kind), = numbers(tmp_path, f"合同金額為{numeral}。")
    assert (text, read, qualifier, bound, kind) == (numeral, pytest.approx(value), "", "exact", "amount")
    assert unit in ("元", "圆")  # the unit as printed


# sentences of Ailln/cn2an, cn2an/transform_test.py (Chinese side), and the numbers of their Arabic side
@pytest.mark.parametrize(("sentence", "expected"), [
    ("小王捡了一百块钱", [(100, "amount")]),
    ("用户增长最快的三个城市", [(3, "count")]),
    ("今天股价上涨了百分之八", [(8, "percent")]),
    ("第二天股价下降了百分之负三点八", [(2, "ordinal"), (-3.8, "percent")]),
    ("抛出去的硬币为正面的概率是二分之一", [(0.5, "fraction")]),
    ("现在室内温度为三十九摄氏度，很热啊！", [(39, "measure")]),
    ("支票上金额应写为：伍仟元整", [(5000, "amount")]),
    ("零下四摄氏度", [(-4, "measure")]),
    ("两千米", [(2000, "measure")]),
])
def test_cn2an_sentences(tmp_path, sentence, expected):
    assert [(value, kind) for _, value, _, _, _, kind in numbers(tmp_path, sentence + "。")] == expected


@pytest.mark.parametrize(("sentence", "iso"), [  # the same file: Chinese-numeral dates are dates, not durations
    ("小王的生日是二零零一年三月四日", "2001-03-04"),
    ("小王的生日是二零一二年十二月十二日", "2012-12-12"),
    ("二〇〇二年的第一场雪", "2002"),
])
def test_cn2an_dates_are_dates(tmp_path, sentence, iso):
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [sentence + "。"])))
    assert list(table.loc[table["kind"] == "date", "date"]) == [iso]
    assert "duration" not in set(table["kind"])


def test_an_empty_numeral_is_an_error():
    with pytest.raises(ValueError):
        number_value("")


# our own sentences, as Hong Kong (Traditional) and mainland (Simplified) pages print them
@pytest.mark.parametrize(("sentence", "expected"), [
    ("該市常住人口破億，城鎮人口過百萬的縣有12個。", [("破億", 1e8, "", "破", "lower", "count"),
                                                   ("過百萬", 1e6, "", "過", "lower", "count"),
                                                   ("12個", 12, "個", "", "exact", "count")]),
    ("货架上摆满一两元的小商品。", [("一两元", 1, "元", "一两", "approximate", "amount")]),
    ("成千上萬的市民湧上街頭。", [("成千上萬", 1000, "", "成千上萬", "lower", "count")]),
    ("两三百名志愿者参加。", [("两三百名", 200, "名", "两三百", "approximate", "count")]),
    ("十幾個社區和幾十家企業參與。", [("十幾個", 10, "個", "幾", "lower", "count"),
                                    ("幾十家", 10, "家", "幾", "lower", "count")]),
    ("数千名群众和上百名志愿者到场。", [("数千名", 1000, "名", "数", "lower", "count"),
                                      ("上百名", 100, "名", "上", "lower", "count")]),
    ("出口增長率為-12.5%。", [("-12.5%", -12.5, "%", "", "exact", "percent")]),
    ("三分之一的受访者表示支持。", [("三分之一", 1 / 3, "", "", "exact", "fraction")]),
    ("約1/4的企業已復工。", [("約1/4", 0.25, "", "約", "approximate", "fraction")]),
    ("慶祝建黨100週年。", [("100週年", 100, "週年", "", "exact", "anniversary")]),
    ("35岁及以下青年党员。", [("35岁及以下", 35, "岁", "及以下", "upper", "age")]),
    ("累計服務七萬二千四百○九次。", [("七萬二千四百○九次", 72409, "次", "", "exact", "count")]),
    ("他在該行業工作9年多。", [("9年多", 9, "年", "多", "lower", "duration")]),
    ("全年接待游客约有6亿人次。", [("约有6亿人次", 6e8, "人次", "约有", "approximate", "count")]),
    ("下午3點，共有一人到場。", [("一人", 1, "人", "", "exact", "count")]),
    ("不到三成的商戶已登記。", [("不到三成", 30, "%", "不到", "upper", "percent")]),
    ("整體罪案上升13.9﹪。", [("13.9﹪", 13.9, "%", "", "exact", "percent")]),  # the small percent sign
])
def test_news_numbers_keep_sign_bound_and_kind(tmp_path, sentence, expected):
    assert numbers(tmp_path, sentence) == [pytest.approx(row) for row in expected]


@pytest.mark.parametrize("sentence", ["城乡居民收入分别提高13.2、5.6、0.7个百分点。",
                                      "城鄉居民收入分別提高13.2、5.6、0.7個百分點。"])
def test_items_of_a_list_carry_the_unit_printed_after_the_last(tmp_path, sentence):
    found = numbers(tmp_path, sentence)
    assert [(value, kind) for _, value, _, _, _, kind in found] == [
        (13.2, "percentage_points"), (5.6, "percentage_points"), (0.7, "percentage_points")]
    assert len({unit for _, _, unit, _, _, _ in found}) == 1


@pytest.mark.parametrize("sentence", ["陸家嘴金融區舉辦活動。", "隊伍整齊。", "大陸與香港。"])
def test_a_lone_bankers_numeral_in_a_name_is_not_a_number(tmp_path, sentence):
    assert numbers(tmp_path, sentence) == []
