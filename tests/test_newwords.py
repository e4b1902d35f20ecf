"""Words jieba's dictionary lacks, found in the text itself: people's names, places and organisations a text repeats,
numbers apart from their measure words; in both scripts, on sentences written for these tests (not the study's
article)."""

import pytest
from articles import write_article

from analysis import concordance, load_article, tokenize, word_frequencies
from analysis.reading.characters import is_han_text
from analysis.reading.script import to_simplified
from analysis.wordlists import read_word_list
from analysis.words.newwords import join_runs, names, recurring, split_counts
from analysis.words.segmenting import PLACES, dictionary_frequency

# a report on a district none of the project's word lists names: 坪山區 recurs, cut 坪/山區 by jieba alone
PINGSHAN = [
    "坪山區近年發展迅速，記者日前走訪坪山區多個社區。",
    "不少坪山區居民表示，新建的公園十分方便。",
    "坪山區政府計劃明年再建三座公園，惠及兩萬名居民。",
    "香港中聯辦主任駱惠寧表示，中聯辦支持兩地交流；中聯辦負責人說，各界反應熱烈。",
]


def words_of(text: str) -> list[str]:
    """The words tokenize gives for `text`."""
    return [t.word for t in tokenize(text, pos=False)]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize(("sentence", "name"), [
    ("記者陳茂波報道。", "陳茂波"),            # a title before the name
    ("財政司司長陳茂波昨日說，經濟正在復甦。", "陳茂波"),  # a title before, speech after
    ("駱惠寧表示，將繼續支持。", "駱惠寧"),      # jieba cuts 駱惠/寧
    ("會上，黃偉明主任指出問題所在。", "黃偉明"),  # a title after the name
    ("居民張小玲說，公園很方便。", "張小玲"),     # a title (居民) before, speech after
    ("記者王娜攝", "王娜"),                      # two characters
])
def test_a_persons_name_is_one_token(sentence, name, script):
    text, expected = (sentence, name) if script == "traditional" else (to_simplified(sentence), to_simplified(name))
    assert expected in words_of(text)


def test_a_name_found_once_is_whole_wherever_the_text_prints_it():
    text = "記者陳茂波報道。陳茂波昨日抵達，陳茂波隨後離開。"
    assert words_of(text).count("陳茂波") == 3


def test_two_names_joined_by_and_stay_apart():
    # 王娜和 starts with a surname and is three characters, but 和 is grammar, not a given name
    assert names(["记者", "王", "娜", "和", "李", "明", "报道"]) == {"王娜", "李明"}


def test_no_name_without_a_given_name_or_across_the_context_word():
    assert names(["他", "对", "李", "说"]) == set()
    assert names(["记者", "王", "娜", "摄"]) == {"王娜"}


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_place_the_text_repeats_is_one_token(script, tmp_path):
    paragraphs = PINGSHAN if script == "traditional" else [to_simplified(p) for p in PINGSHAN]
    text = "\n".join(paragraphs)
    place, office = ("坪山區", "中聯辦") if script == "traditional" else ("坪山区", "中联办")
    found = words_of(text)
    assert found.count(place) == text.count(place) == 4
    assert found.count(office) == text.count(office) == 3
    assert "坪" not in found and "聯辦" not in found and "联办" not in found


def test_concordance_finds_a_discovered_place(tmp_path):
    article = load_article(write_article(tmp_path / "pingshan.txt", "坪山區的新公園", PINGSHAN))
    rows = concordance(article, "坪山區")
    assert len(rows) == article.text.count("坪山區") == 5
    assert set(rows["word"]) == {"坪山區"}


def test_top_words_are_words_not_fragments_or_counts(tmp_path):
    article = load_article(write_article(tmp_path / "pingshan.txt", "坪山區的新公園", PINGSHAN))
    top = list(word_frequencies(article)["word"][:10])
    assert top[0] == "坪山區"
    assert not {"坪", "聯辦", "惠", "寧", "萬名"} & set(top)


def test_recurring_needs_cohesion_and_varied_contexts():
    # 坪 is never seen without 山区, and 坪山区 is seen among different neighbours: a word
    pieces = ["坪", "山区", "发展", "，", "走访", "坪", "山区", "社区", "。", "坪", "山区", "政府"]
    assert recurring(pieces) == {"坪山区"}
    # the same string always inside one longer phrase has no free boundary: not a word of its own
    phrase = ["他", "说", "坪", "山区", "好"] * 3
    assert "坪山区" not in recurring(phrase)
    # a character seen mostly on its own (果 three times alone, twice in 果园) is not a fragment of one word
    loose = ["果", "园", "很", "大", "，", "果", "园", "很", "小", "，", "果", "，", "果", "，", "果", "，", "果"]
    assert "果园" not in recurring(loose)


@pytest.mark.parametrize(("pieces", "expected"), [
    (["三万名"], ["三万", "名"]),
    (["两个"], ["两", "个"]),
    (["万余名"], ["万余", "名"]),            # an approximation stays with its count
    (["600", "余个"], ["600", "余个"]),  # 余 is a qualifier, not a numeral: left to the number extraction
    (["一起"], ["一起"]),                # not a count
    (["一年"], ["一", "年"]),              # a small count of years, days or weeks is a count
    (["两天"], ["两", "天"]),
    (["百年"], ["百年"]),                # a century, not a count; 多年 and 半天 are words too
    (["多年"], ["多年"]),
    (["1", ".", "5", "%"], ["1.5%"]),
    (["85", "%"], ["85%"]),
    (["500", "万", "人"], ["500万", "人"]),   # a magnitude stays with its number
    (["3", ".", "5", "亿", "元"], ["3.5亿", "元"]),
    (["两", "万"], ["两万"]),
    (["两万人"], ["两万", "人"]),
    # the cases below follow the SIGHAN 2005 standards, as the training word lists of icwb2-data show them
    # (gold/*_training_words.utf8): numbers whole (as: 三百四十萬, 二．六％; pku: 第二十二), units apart
    (["55.6", "亿元"], ["55.6亿", "元"]),   # a magnitude jieba joined to the unit goes to its number
    (["67", "万吨"], ["67万", "吨"]),
    (["第一个"], ["第一", "个"]),          # an ordinal is cut from its measure word as a count is
    (["第二", "十一届"], ["第二十一", "届"]),
    (["三十年"], ["三十", "年"]),          # a count of years, however large
    (["几千年"], ["几千", "年"]),
    (["二百四十", "八", "人"], ["二百四十八", "人"]),  # a number in Chinese numerals jieba cut is made whole
    (["三", ".", "六", "%"], ["三.六%"]),
    (["14", "·", "9", "%"], ["14·9%"]),
    (["一", "片"], ["一", "片"]),
])
def test_numbers_are_cut_from_measure_words_and_kept_whole(pieces, expected):
    assert [p for p, _ in split_counts([(p, "") for p in pieces])] == expected


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_counts_are_not_words(script):
    text = "全區共有兩萬名黨員、三萬個家庭參與。"
    text = text if script == "traditional" else to_simplified(text)
    found = words_of(text)
    assert not {"萬名", "万名", "萬個", "万个"} & set(found)
    assert ("名" in found) and ("個" in found or "个" in found)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_numbers_in_chinese_numerals_are_not_counted_as_words(script, tmp_path):
    text = "全市5.5萬餘名黨員、兩千名志願者和十來個社區參與，多半居民支持，投資500萬元。"
    text = text if script == "traditional" else to_simplified(text)
    counted = set(word_frequencies(load_article(write_article(tmp_path / "a.txt", "標題", [text])))["word"])
    assert not {"萬餘", "万余", "兩千", "两千", "十來", "十来", "500萬", "500万"} & counted
    assert {"黨員", "党员"} & counted and {"社區", "社区"} & counted


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_dates_and_times_are_one_token(script):
    # as the SIGHAN 2005 standards write them (icwb2-data gold/pku_training_words.utf8: ２０００年, １２月, ２５日,
    # ９时, ２８分; as_training_words.utf8: 一九九八年); a dateline's 日電 is the day and 電
    text = "新華社北京7月28日電 2021年7月29日上午9時30分，一九九八年十二月三十一日。"
    text = text if script == "traditional" else to_simplified(text)
    found = words_of(text)
    for date in ["28日", "2021年", "7月", "29日", "9時", "30分", "一九九八年", "十二月", "三十一日"]:
        assert (date if script == "traditional" else to_simplified(date)) in found
    assert found[found.index("28日") + 1] in {"電", "电"}


@pytest.mark.parametrize("text", ["已有20年。", "他得了30分。", "全年共3年"])
def test_a_duration_or_a_score_is_no_date(text):
    # two digits before 年 are as often twenty years as a year; minutes only after an hour
    assert not {"20年", "30分", "3年"} & set(words_of(text))


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_dates_and_numbers_are_not_counted_as_words(script, tmp_path):
    text = "2021年7月29日上午9時30分，二〇二一年七月，全區有八十七％的居民和二百四十八名黨員參與，第一天就有三十名。"
    text = text if script == "traditional" else to_simplified(text)
    counted = set(word_frequencies(load_article(write_article(tmp_path / "a.txt", "標題", [text])))["word"])
    assert counted.isdisjoint({"2021年", "7月", "29日", "9時", "9时", "30分", "二〇二一年", "七月", "八十七％",
                               "二百四十八", "第一"})
    assert {"黨員", "党员"} & counted and {"居民"} & counted


@pytest.mark.parametrize(("text", "word"), [
    ("隨著經濟發展，就業增加。", "隨著"),   # OpenCC's t2s leaves 著, which cut 隨/著
    ("接著，他又說。", "接著"),
    ("增長１．５％。", "１．５％"),          # fullwidth, as Hong Kong pages print numbers
    ("ＡＢＣ公司", "ＡＢＣ"),
])
def test_the_bridge_reads_variants_and_fullwidth_forms(text, word):
    assert word in words_of(text)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize(("sentence", "place"), [
    ("深水埗區居民表示歡迎。", "深水埗區"),       # jieba: 深水/埗/區
    ("他在坪山區碧嶺街道工作。", "碧嶺街道"),     # a sub-district after a district, not 山區碧嶺街道
    ("住在石硤尾邨的居民", "石硤尾邨"),           # a public housing estate
    ("城關區酒泉路街道楊家園社區一位居民", "楊家園社區"),  # a community: jieba 楊/家園/社區
])
def test_a_place_with_its_suffix_is_one_token(sentence, place, script):
    text, expected = (sentence, place) if script == "traditional" else (to_simplified(sentence), to_simplified(place))
    assert expected in words_of(text)


def test_an_adjective_before_a_place_word_is_no_place():
    assert "本區" in words_of("本區和全市")
    assert "新社區" not in words_of("元朗區的新社區")


def test_a_name_after_a_title_ending_a_longer_word_or_across_a_space_is_whole():
    assert names(["本报记者", " ", "史", "怡", " ", "本报讯"]) == {"史怡"}
    assert names(["通讯员", " ", "田", "晓", "辉"]) == {"田晓辉"}


def test_the_names_of_a_list_are_whole():
    pieces = ["名单", "是", "：", "刘", "志成", "、", "郝", "玉", "芬", "、", "王东升", "、", "王", "永", "海", "。"]
    assert names(pieces) == {"刘志成", "郝玉芬", "王永海"}
    # a list of things, not people: no item starts with a surname, so none is taken for a name
    assert names(["买", "了", "苹", "果", "、", "香", "蕉", "、", "西瓜", "。"]) == set()


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize(("sentence", "word"), [
    ("市民在中環遮打花園聚集。", "遮打"),          # jieba: 遮/打/花園
    ("團體代表黃笑珊現場抽獎。", "黃笑珊"),        # jieba: 黃/笑/珊
    ("她住在大連周水子街道。", "周水子街道"),      # a sub-district of the gazetteer (data/lexicon/places.txt)
    ("苗栗縣公館鄉衛生所", "公館鄉"),              # a Taiwanese township
    ("台北市大安區的居民", "大安區"),
    ("廣東省深圳市", "廣東省"),                    # listed by jieba: its own count is kept
    ("根據統計處數字，失業率上升。", "統計處"),      # an office jieba leaves alone joins the word before it
    ("通訊局在進行調查。", "通訊局"),
])
def test_words_jieba_leaves_in_single_characters_or_lacks_are_whole(sentence, word, script):
    text, expected = (sentence, word) if script == "traditional" else (to_simplified(sentence), to_simplified(word))
    assert expected in words_of(text)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_characters_that_stand_alone_are_not_joined(script):
    text = "他在書中寫道，才會明白。她說你會來嗎"
    found = words_of(text if script == "traditional" else to_simplified(text))
    assert found.count("中") == 1 and found.count("會" if script == "traditional" else "会") == 2
    assert not any(len(w) == 2 and w[1] in "中會会" for w in found)


def test_a_verb_or_particle_after_a_word_is_no_office():
    assert words_of("政府會支持，學院所有老師") == ["政府", "會", "支持", "，", "學院", "所有", "老師"]


def test_runs_of_four_lone_characters_or_more_are_left_as_cut():
    pieces = [(p, "") for p in ["选手", "科", "瓦", "契", "奇", "夺冠"]]
    assert join_runs(pieces) == pieces
    assert [p for p, _ in join_runs([(p, "nr") for p in ["科", "瓦", "奇", "夺冠"]])] == ["科瓦奇", "夺冠"]


@pytest.mark.parametrize("text", ["學習強國——青年說", "他說……好吧", "A--B", "他說．．．好吧", "等等..."])
def test_a_dash_or_ellipsis_of_repeated_characters_is_one_token(text):
    mark = next(m for m in ("——", "……", "--", "．．．", "...") if m in text)
    assert mark in words_of(text)
    assert "3.5%" in words_of("增長3.5%。")  # a point between digits stays in its number


def test_the_gazetteer_holds_names_jieba_does_not_list():
    places = read_word_list(PLACES)
    assert len(places) > 30000 and len(set(places)) == len(places) and places == sorted(places)
    assert all(len(p) >= 3 and is_han_text(p) for p in places)
    assert not any(dictionary_frequency(p, user_dictionary=False) for p in places)
    assert {"西乡街道", "周水子街道", "深水埗区", "油尖旺区", "花地玛堂区", "公馆乡"} <= set(places)


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_a_name_the_text_quotes_is_whole_wherever_it_is_printed(script):
    text = "團體「維港之聲」昨日舉行活動，維港之聲成員表示歡迎。「黨員家庭」掛牌。"
    found = words_of(text if script == "traditional" else to_simplified(text))
    name = "維港之聲" if script == "traditional" else to_simplified("維港之聲")
    assert found.count(name) == 2
    assert "黨員家庭" not in found and "党员家庭" not in found  # whole words in quotation marks stay cut


def test_a_quote_within_a_quote_keeps_its_marks_apart():
    assert words_of("「『學習強國』」") == ["「", "『", "學習強國", "』", "」"]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize(("text", "short"), [
    ("選舉管理委員會（選管會）今日公布分界，詳情見選管會網站。", "選管會"),        # jieba: 選管/會
    ("澳門街坊會聯合總會（街總）舉辦活動，街總理事長致辭。", "街總"),             # jieba: 街/總
    ("中央人民政府駐香港特別行政區聯絡辦公室（簡稱中聯辦）表示，中聯辦支持。", "中聯辦"),
])
def test_a_short_form_given_in_brackets_is_whole_wherever_it_is_printed(text, short, script):
    convert = str if script == "traditional" else to_simplified
    assert words_of(convert(text)).count(convert(short)) == 2


def test_brackets_that_hold_no_short_form_of_the_name_before_are_left_as_cut():
    # 左二 is no short form of 參加者: its characters are not taken from it
    assert words_of("參加者（左二）表示") == ["參加者", "（", "左", "二", "）", "表示"]
