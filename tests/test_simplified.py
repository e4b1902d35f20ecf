"""Numbers and words in either script: the same article in Traditional and Simplified gives the same rows."""

from collections import Counter

import opencc
import pandas as pd
import pytest
from articles import write_article

from analysis import config, extract_statistics, load_article, quoted_phrases, tokenize
from analysis.numbers.extracting import numerals_left_out
from analysis.reading.script import HK_SIMPLIFIED, HK_VARIANTS, to_simplified, word_key
from analysis.words.frequency import QUOTE_MARKS, word_counts

# (sentence in Traditional, in Simplified as a mainland outlet prints it, the number's text in Traditional,
#  value, unit in Traditional, qualifier, kind)
SENTENCES = [
    ("全市常住人口達9671.2萬名。", "全市常住人口达9671.2万名。", "9671.2萬名", 96_712_000, "名", "", "count"),
    ("全年接待遊客1.5億人次。", "全年接待游客1.5亿人次。", "1.5億人次", 150_000_000, "人次", "", "count"),
    ("參觀者累計26萬人次。", "参观者累计26万人次。", "26萬人次", 260_000, "人次", "", "count"),
    ("共有600餘個志願團隊。", "共有600余个志愿团队。", "600餘個", 600, "個", "餘", "count"),
    ("舉辦講座48場。", "举办讲座48场。", "48場", 48, "場", "", "count"),
    ("新增項目35項。", "新增项目35项。", "35項", 35, "項", "", "count"),
    ("組建宣講隊12組。", "组建宣讲队12组。", "12組", 12, "組", "", "count"),
    ("出台措施20條。", "出台措施20条。", "20條", 20, "條", "", "count"),
    ("年滿60歲的老人。", "年满60岁的老人。", "60歲", 60, "歲", "", "age"),  # an age is a kind of its own, not a count
    ("發表論文15篇。", "发表论文15篇。", "15篇", 15, "篇", "", "count"),
    ("失業率下降0.5個百分點。", "失业率下降0.5个百分点。", "0.5個百分點", 0.5, "個百分點", "", "percentage_points"),
    ("增速回落2百分點。", "增速回落2百分点。", "2百分點", 2, "百分點", "", "percentage_points"),
    ("轄區面積約300平方公里。", "辖区面积约300平方公里。", "約300平方公里", 300, "平方公里", "約", "measure"),
    ("新建綠地12公頃。", "新建绿地12公顷。", "12公頃", 12, "公頃", "", "measure"),
    ("修建步道8.5公里。", "修建步道8.5公里。", "8.5公里", 8.5, "公里", "", "measure"),
    ("改造場地3000平方米。", "改造场地3000平方米。", "3000平方米", 3000, "平方米", "", "measure"),
    ("總投資2.3億元。", "总投资2.3亿元。", "2.3億元", 230_000_000, "元", "", "amount"),
    ("吸引外資5億美元。", "吸引外资5亿美元。", "5億美元", 500_000_000, "美元", "", "amount"),
    ("補貼300萬元。", "补贴300万元。", "300萬元", 3_000_000, "元", "", "amount"),
    ("資助80萬港元。", "资助80万港元。", "80萬港元", 800_000, "港元", "", "amount"),
    ("志願服務時長2.6萬小時。", "志愿服务时长2.6万小时。", "2.6萬小時", 26_000, "小時", "", "duration"),
    ("參與人數突破5000人。", "参与人数突破5000人。", "突破5000人", 5000, "人", "突破", "count"),
    ("報名者超3000人。", "报名者超3000人。", "超3000人", 3000, "人", "超", "count"),
    ("受訪者少於200人。", "受访者少于200人。", "少於200人", 200, "人", "少於", "count"),
    # a bound word before a currency's name keeps its bound
    ("共籌得超過港幣四億三千萬元善款。", "共筹得超过港币四亿三千万元善款。", "超過港幣四億三千萬元", 430_000_000, "元",
     "超過", "amount"),
    ("投資逾人民幣5億元。", "投资逾人民币5亿元。", "逾人民幣5億元", 500_000_000, "元", "逾", "amount"),
    ("預算近新台幣3000萬元。", "预算近新台币3000万元。", "近新台幣3000萬元", 30_000_000, "元", "近", "amount"),
    # within a duration or a count: an upper bound (內 beginning a word, 內地, is not one)
    ("力爭在48小時內完成。", "力争在48小时内完成。", "48小時內", 48, "小時", "內", "duration"),
    ("須於3天以內回覆。", "须于3天以内回复。", "3天以內", 3, "天", "以內", "duration"),
    ("一年內建成。", "一年内建成。", "一年內", 1, "年", "內", "duration"),
    ("三天之內完成。", "三天之内完成。", "三天之內", 3, "天", "之內", "duration"),
    ("2名內地旅客受傷。", "2名内地旅客受伤。", "2名", 2, "名", "", "count"),
    # more bound words: at least, at most, about
    ("最少100人受傷。", "最少100人受伤。", "最少100人", 100, "人", "最少", "count"),
    ("起碼10人排隊。", "起码10人排队。", "起碼10人", 10, "人", "起碼", "count"),
    ("罪案多於200宗。", "罪案多于200宗。", "多於200宗", 200, "宗", "多於", "count"),
    ("增幅高於30%。", "增幅高于30%。", "高於30%", 30, "%", "高於", "percent"),
    ("損失超出100萬元。", "损失超出100万元。", "超出100萬元", 1_000_000, "元", "超出", "amount"),
    ("每組最多5人。", "每组最多5人。", "最多5人", 5, "人", "最多", "count"),
    ("失業率低於5%。", "失业率低于5%。", "低於5%", 5, "%", "低於", "percent"),
    ("每團不多於20人。", "每团不多于20人。", "不多於20人", 20, "人", "不多於", "count"),
    ("違者罰款最高5000元。", "违者罚款最高5000元。", "最高5000元", 5000, "元", "最高", "amount"),
    ("時薪最低37.5元。", "时薪最低37.5元。", "最低37.5元", 37.5, "元", "最低", "amount"),
    ("每團多至5人。", "每团多至5人。", "多至5人", 5, "人", "多至", "count"),
    ("未滿18歲人士不得進入。", "未满18岁人士不得进入。", "未滿18歲", 18, "歲", "未滿", "age"),
    ("年齡50歲上下。", "年龄50岁上下。", "50歲上下", 50, "歲", "上下", "age"),
    ("車程3小時前後。", "车程3小时前后。", "3小時前後", 3, "小時", "前後", "duration"),
    ("每日5萬人上下班。", "每日5万人上下班。", "5萬人", 50_000, "人", "", "count"),  # 上下班 is a word
    # Arabic digits before 千 or 百, 萬 alone before 多, 成多, 來, a space before %, a currency's sign
    ("現場4千多人參加。", "现场4千多人参加。", "4千多人", 4000, "人", "多", "count"),
    ("全程5千米。", "全程5千米。", "5千米", 5, "千米", "", "measure"),
    ("吸引萬多人入場。", "吸引万多人入场。", "萬多人", 10_000, "人", "多", "count"),
    ("兩成多市民支持。", "两成多市民支持。", "兩成多", 20, "%", "多", "percent"),
    ("共有二十來人到場。", "共有二十来人到场。", "二十來人", 20, "人", "來", "count"),
    ("全年增長5 %。", "全年增长5 %。", "5 %", 5, "%", "", "percent"),
    ("票價為HK$500。", "票价为HK$500。", "HK$500", 500, "HK$", "", "amount"),
    ("捐出逾US$1,000。", "捐出逾US$1,000。", "逾US$1,000", 1000, "US$", "逾", "amount"),
    ("售價約NT$300元。", "售价约NT$300元。", "約NT$300元", 300, "元", "約", "amount"),
    # more measure words: floors, doses, districts, households, nights, weeks and hours, square feet, Hong Kong dollars
    ("大廈樓高三層。", "大厦楼高三层。", "三層", 3, "層", "", "count"),
    ("已接種兩劑疫苗。", "已接种两剂疫苗。", "兩劑", 2, "劑", "", "count"),
    ("項目提供300伙單位。", "项目提供300伙单位。", "300伙", 300, "伙", "", "count"),
    ("旅客留宿三晚。", "旅客留宿三晚。", "三晚", 3, "晚", "", "count"),
    ("兩個星期後開幕。", "两个星期后开幕。", "兩個星期", 2, "個星期", "", "duration"),
    ("會議長達兩個小時。", "会议长达两个小时。", "兩個小時", 2, "個小時", "", "duration"),
    ("單位面積800平方呎。", "单位面积800平方呎。", "800平方呎", 800, "平方呎", "", "measure"),
    ("車費只需5蚊。", "车费只需5蚊。", "5蚊", 5, "蚊", "", "amount"),
    # doubled: a rise of 100 %
    ("節目時數須增加一倍。", "节目时数须增加一倍。", "一倍", 100, "%", "", "percent"),
    ("收入增長了近一倍。", "收入增长了近一倍。", "近一倍", 100, "%", "近", "percent"),
    ("房價升至原來的3倍。", "房价升至原来的3倍。", "3倍", 3, "倍", "", "count"),
    # one or more: at least the number
    ("在一個或多個頻道播放。", "在一个或多个频道播放。", "一個或多個", 1, "個", "或多個", "count"),
    ("三人或以上同住。", "三人或以上同住。", "三人或以上", 3, "人", "或以上", "count"),
    ("畢業學生超過1千萬。", "毕业学生超过1千万。", "超過1千萬", 10_000_000, "", "超過", "count"),
    # a count of digits: at least the smallest number with as many (a percent before a word of growth)
    ("出口錄得兩位數字增幅。", "出口录得两位数字增幅。", "兩位數字", 10, "%", "兩位數字", "percent"),
    ("訪客人數達三位數。", "访客人数达三位数。", "三位數", 100, "", "三位數", "count"),
    ("每周播半小時節目。", "每周播半小时节目。", "半小時", 0.5, "小時", "", "duration"),
    ("從就業、人口三方面分析。", "从就业、人口三方面分析。", "三方面", 3, "方面", "", "count"),
    ("學員不足50人。", "学员不足50人。", "不足50人", 50, "人", "不足", "count"),
    ("觀眾逾萬人。", "观众逾万人。", "逾萬人", 10_000, "人", "逾", "count"),
    ("點擊量高達12萬次。", "点击量高达12万次。", "高達12萬次", 120_000, "次", "高達", "count"),
    ("病床不超過80張。", "病床不超过80张。", "不超過80張", 80, "張", "不超過", "count"),
    ("受惠居民10餘萬人。", "受惠居民10余万人。", "10餘萬人", 100_000, "人", "餘", "count"),
    ("吸引遊客30多萬名。", "吸引游客30多万名。", "30多萬名", 300_000, "名", "多", "count"),
    ("經濟總量3.5萬億元。", "经济总量3.5万亿元。", "3.5萬億元", 3_500_000_000_000, "元", "", "amount"),
    ("動員千餘人參與。", "动员千余人参与。", "千餘人", 1000, "人", "餘", "count"),
    ("上萬名群眾到場。", "上万名群众到场。", "上萬名", 10_000, "名", "上", "count"),
    ("數百人參加。", "数百人参加。", "數百人", 100, "人", "數", "count"),
    ("惠及數十萬居民。", "惠及数十万居民。", "數十萬", 100_000, "", "數", "count"),
    ("組建十幾個小組。", "组建十几个小组。", "十幾個", 10, "個", "幾", "count"),
    ("受訪者中三成支持。", "受访者中三成支持。", "三成", 30, "%", "", "percent"),
    ("支持度升至三成五。", "支持度升至三成五。", "三成五", 35, "%", "", "percent"),  # tenths, then hundredths
    ("出口增長一成二。", "出口增长一成二。", "一成二", 12, "%", "", "percent"),
    ("一成市民反對。", "一成市民反对。", "一成", 10, "%", "", "percent"),  # 一成 is a tenth, not an article
    ("逾七成半市民支持。", "逾七成半市民支持。", "逾七成半", 75, "%", "逾", "percent"),
    ("首季罪案數字跌成四。", "首季罪案数字跌成四。", "成四", 14, "%", "", "percent"),  # 一成四, as headlines print it
    ("覆蓋率達百分之九十五。", "覆盖率达百分之九十五。", "百分之九十五", 95, "%", "", "percent"),
    ("全年增長6.5%。", "全年增长6.5%。", "6.5%", 6.5, "%", "", "percent"),
]
BOUNDS = {"": "exact", "餘": "lower", "多": "lower", "上": "lower", "數": "lower", "幾": "lower",
          "約": "approximate", "突破": "lower", "超": "lower", "超過": "lower", "近": "upper", "內": "upper",
          "以內": "upper", "之內": "upper", "或多個": "lower", "或以上": "lower", "兩位數字": "lower",
          "三位數": "lower", "最少": "lower", "起碼": "lower", "多於": "lower", "高於": "lower", "超出": "lower",
          "最多": "upper", "最高": "upper", "最低": "lower", "多至": "upper", "低於": "upper", "不多於": "upper",
          "未滿": "upper", "上下": "approximate",
          "前後": "approximate", "來": "approximate",
          "少於": "upper", "不足": "upper", "逾": "lower", "高達": "lower", "不超過": "upper"}


def one_row(tmp_path, sentence):
    """The single number row of an article made of one sentence."""
    table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [sentence])))
    numbers = table[table["kind"] != "date"]
    assert len(numbers) == 1, numbers[["text", "kind"]]
    return numbers.iloc[0]


@pytest.mark.parametrize(("traditional", "simplified", "text", "value", "unit", "qualifier", "kind"), SENTENCES)
def test_each_number_reads_the_same_in_either_script(tmp_path, traditional, simplified, text, value, unit,
                                                     qualifier, kind):
    for sentence, convert in ((traditional, str), (simplified, to_simplified)):
        row = one_row(tmp_path, sentence)
        assert (row.text, row.value, row.unit, row.qualifier, row.kind, row.bound) == (
            convert(text), pytest.approx(value), convert(unit), convert(qualifier), kind, BOUNDS[qualifier])


@pytest.mark.parametrize(("sentence", "ends"), [
    ("每隊20-30人。", [("20", 20, "人", "-30", "lower"), ("30人", 30, "人", "20-", "upper")]),
    ("為期三至五年。", [("三", 3, "年", "至五", "lower"), ("五年", 5, "年", "三至", "upper")]),
    ("補貼5~10萬元。", [("5", 50_000, "元", "~10萬", "lower"), ("10萬元", 100_000, "元", "5~", "upper")]),
    ("投資1億到2億元。",
     [("1億", 100_000_000, "元", "到2億", "lower"), ("2億元", 200_000_000, "元", "1億到", "upper")]),
    ("招募100至200名長者。", [("100", 100, "名", "至200", "lower"), ("200名", 200, "名", "100至", "upper")]),
    ("年齡四十至四十九歲。", [("四十", 40, "歲", "至四十九", "lower"), ("四十九歲", 49, "歲", "四十至", "upper")]),
    ("預測全年增長2%至3%。", [("2%", 2, "%", "至3%", "lower"), ("3%", 3, "%", "2%至", "upper")]),
    ("加薪15%-20%。", [("15%", 15, "%", "-20%", "lower"), ("20%", 20, "%", "15%-", "upper")]),
    # not ranges: a change and the level it reaches, a fall to a lower figure
    ("失業人數增加6,700人至14萬1,700人。",
     [("6,700人", 6700, "人", "", "exact"), ("14萬1,700人", 141_700, "人", "", "exact")]),
    ("失業率下降5%至3%。", [("5%", 5, "%", "", "exact"), ("3%", 3, "%", "", "exact")]),
    ("人數增加300至5000人。", [("300", 300, "人", "", "exact"), ("5000人", 5000, "人", "", "exact")]),
])
def test_a_range_is_its_lower_and_its_upper_end(tmp_path, sentence, ends):
    for written, convert in ((sentence, str), (to_simplified(sentence), to_simplified)):
        table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [written])))
        numbers = table[table["kind"] != "date"]
        assert [(r.text, r.value, r.unit, r.qualifier, r.bound) for r in numbers.itertuples()] == [
            (convert(text), pytest.approx(value), convert(unit), convert(qualifier), bound)
            for text, value, unit, qualifier, bound in ends]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("註冊人數達1200人。", "注册人数"),
    ("其中黨員300人。", "党员"),
    ("新建了15所學校。", "学校"),
    ("已有12篇被採用。", "被采用"),
    ("全區點擊量達2萬次。", "点击量"),
    ("共有志願者3200名。", "志愿者"),
    ("培訓教師450人次。", "培训教师"),
    ("開展3項信息技術培訓。", "信息技术"),  # a compound the segmenter cuts (信息|技術) is one subject
])
def test_subjects_read_the_same_in_either_script(tmp_path, sentence, subject):
    traditional = one_row(tmp_path, sentence).subject
    simplified = one_row(tmp_path, to_simplified(sentence)).subject
    assert to_simplified(traditional) == simplified == subject


@pytest.mark.parametrize(("sentence", "dates"), [
    ("8月10日至15日，街道舉辦活動30場。", ["8月10日至15日"]),
    ("1-5月，全區新增企業120家。", ["1-5月"]),
    ("1至5月，全區新增企業120家。", ["1至5月"]),
    ("2019至2021年，全市建成公園45個。", ["2019至2021年"]),
    ("2019-2021年，全市建成公園45個。", ["2019-2021年"]),
    ("11日，市委召開會議，200名代表出席。", ["11日"]),
])
def test_date_ranges_and_bare_days_are_dates_never_counts(tmp_path, sentence, dates):
    for written in (sentence, to_simplified(sentence)):
        table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [written])))
        assert list(table.loc[table["kind"] == "date", "text"]) == [to_simplified(d) if written != sentence else d
                                                                    for d in dates]
        assert len(table[table["kind"] != "date"]) == 1


@pytest.fixture(scope="module")
def simplified_seed(tmp_path_factory):
    """The study's article converted to Simplified script with OpenCC, as a mainland reprint would print it."""
    path = tmp_path_factory.mktemp("simplified") / "simplified.txt"
    path.write_text(to_simplified(config.ARTICLE.read_text(encoding="utf-8")), encoding="utf-8")
    return load_article(path)


def test_a_simplified_copy_of_the_article_gives_the_same_numbers(article, simplified_seed):
    columns = ["value", "unit", "qualifier", "bound", "kind", "subject", "period", "date"]
    traditional, simplified = extract_statistics(article), extract_statistics(simplified_seed)
    for column in ["unit", "qualifier", "subject", "period"]:
        traditional[column] = traditional[column].map(to_simplified)
    assert traditional[columns].equals(simplified[columns])
    assert [simplified_seed.text[r.start:r.end] for r in simplified.itertuples()] == list(simplified["text"])
    assert list(simplified["text"]) == [to_simplified(t) for t in extract_statistics(article)["text"]]


@pytest.mark.parametrize("term", ["學習強國", "西鄉街道", "精神譜系", "巾幗宣講隊"])
def test_dictionary_terms_stay_whole_in_a_simplified_copy(article, simplified_seed, term):
    for text in (simplified_seed.text, to_simplified(article.text)):
        words = [t.word for t in tokenize(text, pos=False)]
        assert words.count(to_simplified(term)) == text.count(to_simplified(term)) > 0


def test_word_counts_are_the_same_in_either_script(article):
    simplified = word_counts(to_simplified(article.text))
    assert simplified["学习强国"] == 34 and simplified["西乡街道"] == 17
    by_word = Counter()
    for word, count in word_counts(article.text).items():
        by_word[to_simplified(word)] += count
    assert by_word == simplified


@pytest.mark.parametrize("sentence", [
    "我們的街道已經開展了各種活動，並且也組織了大家一起學習。",
    "這些社區都在積極推動居民參與，因為他們認為這樣很重要。",
])
def test_stop_words_are_dropped_in_either_script(sentence):
    traditional, simplified = word_counts(sentence), word_counts(to_simplified(sentence))
    assert {to_simplified(w) for w in traditional} == set(simplified)
    assert not {"的", "了", "我们", "并且", "也", "这些", "都", "在", "因为", "他们", "这样"} & set(simplified)
    assert {"街道", "活动", "社区", "居民"} & set(simplified)


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("他說：“學習強國”是好平台，“學習強國”很受歡迎，‘初心’不改。", {("學習強國", "「」"): 2, ("初心", "『』"): 1}),
    ("他说：“学习强国”是好平台，引用「雙減」和『四史』。",
     {("学习强国", "「」"): 1, ("雙減", "「」"): 1, ("四史", "『』"): 1}),
    ("“深圳故事”裏的「深圳故事」，“說‘三個’”。",
     {("深圳故事", "「」"): 2, ("說‘三個’", "「」"): 1, ("三個", "『』"): 1}),
    ("不成對的“引號不算，「括號也不算。", {}),
])
def test_quoted_phrases_in_curly_quotes_too(tmp_path, paragraph, expected):
    table = quoted_phrases(load_article(write_article(tmp_path / "a.txt", "標題", [paragraph]))).set_index("phrase")
    found = {(phrase, marks): row[marks] for phrase, row in table.iterrows() for marks in QUOTE_MARKS if row[marks]}
    assert found == expected
    assert (table["count"] == table[list(QUOTE_MARKS)].sum(axis=1)).all()


def test_an_article_with_no_quotation_marks_gives_an_empty_table(tmp_path):
    phrases = quoted_phrases(load_article(write_article(tmp_path / "a.txt", "標題", ["街道開展活動，居民參加。"])))
    assert phrases.empty
    assert list(phrases.columns) == ["phrase", "count", "「」", "『』", "characters"]
    assert pd.api.types.is_string_dtype(phrases["phrase"]) and phrases["characters"].dtype == "int64"
    assert phrases["phrase"].str.len().empty
    assert phrases["count"].dtype == "int64"


@pytest.mark.parametrize("paragraph", [
    "大家一起學習「四史」，一切為了群眾，街道組建了12支隊伍。",
    "大家一起学习“四史”，一切为了群众，街道组建了12支队伍。",
])
def test_words_with_a_numeral_left_out_in_either_script(tmp_path, paragraph):
    article = load_article(write_article(tmp_path / "a.txt", "標題", [paragraph]))
    statistics = extract_statistics(article)
    assert list(statistics["text"]) == ["12支"]
    assert {to_simplified(w) for w in numerals_left_out(article, statistics)["word"]} == {"一起", "四史", "一切"}


@pytest.mark.parametrize(("sentence", "numbers"), [
    ("第1名的2號作品獲1771票。", [("第1名", "ordinal"), ("1771票", "count")]),  # 2號 names the entry
    ("乘坐1號線到達會場。", []),
    ("(市民1)多做一點善事。", []),  # a speaker's label
    ("「義工獎頒獎禮暨論壇2025」今日舉行，共有300人出席。", [("300人", "count")]),
    ("騰訊（700）股價升2%。", [("2%", "percent")]),  # a stock's code
    ("1、加強宣傳，培訓義工50名。", [("50名", "count")]),  # a list's marker
    ("（2）完善制度。", []),
    ("《2023年區議會(修訂)條例》通過後，全港共有88個選區。", [("88個", "count")]),  # a law's title is a name
    ("根據《區議會條例》(第547章)，全港共有18區。", [("18區", "count")]),  # and so is the chapter cited after it
    ("會場位於中環廣場3樓1201室，共有300人出席。", [("300人", "count")]),  # a floor and a room
    ("查詢熱線：2833 0011，電話：(853)28123456。", []),  # telephone numbers
    ("查詢人數達300000人次，編號0011。", [("300000人次", "count")]),  # a code with a leading zero
])
def test_labels_and_titles_print_no_figures(tmp_path, sentence, numbers):
    for written, convert in ((sentence, str), (to_simplified(sentence), to_simplified)):
        table = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", [written])))
        assert [(r.text, r.kind) for r in table.itertuples() if r.kind != "date" or r.text[0].isdigit()] == [
            (convert(text), kind) for text, kind in numbers]


def test_hong_kong_variants_are_the_characters_only_hk2s_makes_simplified():
    # OpenCC's t2s and tw2s leave Hong Kong's variants (衞, 枱 …) as they are; hk2s converts them
    hk2s, tw2s = opencc.OpenCC("hk2s"), opencc.OpenCC("tw2s")
    han = [chr(code) for code in range(0x4E00, 0xA000)]
    expected = {c: hk2s.convert(c) for c in han if tw2s.convert(c) == c != hk2s.convert(c)}
    assert dict(zip(HK_VARIANTS, HK_VARIANTS.translate(HK_SIMPLIFIED), strict=True)) == expected


def test_a_hong_kong_variant_is_the_same_word_as_the_standard_form():
    # 衞生 as Hong Kong's government prints it, 衛生 as Taiwan's, 卫生 as the mainland's
    assert word_key("衞生") == word_key("衛生") == word_key("卫生") == "卫生"
    hong_kong, standard = "衞生署呼籲市民注意衞生，餐枱衹放兩張椅子。", "衛生署呼籲市民注意衛生，餐台只放兩張椅子。"
    assert [len(t.word) for t in tokenize(hong_kong)] == [len(t.word) for t in tokenize(standard)]
