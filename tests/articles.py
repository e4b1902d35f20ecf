"""Small articles in the raw file's layout, written by tests that need an article other than the study's."""

from pathlib import Path


def write_article(
    path: Path, title: str, paragraphs: list[str], captions: tuple[str, ...] = (), encoding: str = "utf-8"
) -> Path:
    """Write an article file laid out like the Hong Kong Commercial Daily page the study's article comes from."""
    body = []
    for number, paragraph in enumerate(paragraphs):
        body.append(f" {paragraph}")
        if number < len(captions):
            body.append(f"\xa0\xa0\xa0 {captions[number]}供圖/新安街道")
    lines = [
        title,
        "",
        "2022-03-15 09:30",
        "來源:香港商報網",
        "",
        *"\n\n".join(body).split("\n"),
        "",
        " 資料來源:《寶安日報》",
        "",
        "[責任編輯:陳明]",
        "香港商報版權作品,轉載須註明出處。",
        "相關新聞",
        "",
        "",
        "網友評論",
    ]
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


XINAN = {
    "title": "【基層治理】寶安區新安街道推廣「學習強國」成效顯著",
    "paragraphs": [
        "寶安區新安街道近年來把「學習強國」作為黨員教育的重要平台。(記者 李華)",
        "自2019年1月上線以來,新安街道註冊人數達12,500人,其中黨員3500人,群眾9000人,黨員覆蓋率為100%。",
        "街道組建了「三百二十人的志願服務隊」,去年3月以來開展宣講活動四十八場,吸引了2.3萬名居民參與,約八成以上社區參與。",
        "2020年新安街道在學習平台上稿一百二十篇,今年以來已有60篇被採用,其中12篇被全國學習平台採用。",
    ],
    "captions": ("新安街道開展「學習強國」知識競賽,近千名群眾觀看。",),
}


# Pages in the layouts outlets print, written for the tests (the text is ours, the shapes are the outlets'). Each
# builder gives the page's lines and what the loader must read from them, in the script the page is written in;
# `in_script` converts both to the other script.
PAGES = {}


def page(name):
    """Register a page builder under a name."""

    def register(builder):
        PAGES[name] = builder
        return builder

    return register


@page("hkcd-editor-on-date-line")
def hkcd_editor_on_date_line():
    """Newer Hong Kong Commercial Daily layout: editor, date with seconds and source on one line."""
    lines = [
        "【灣區觀察】前海推動「學習強國」線下體驗空間建設",
        "責任編輯:李麗 2022-03-21 11:55:30 來源:香港商報網",
        "",
        "香港商報網訊(記者 陳思)前海管理局近日宣布,線下體驗空間已接待市民3.2萬人次。",
        "空間設有閱讀區、展覽區兩個部分,每日開放8小時。",
        "   前海線下體驗空間外景。供圖/前海管理局",
        "打造學習新地標",
        "管理局表示,今年將再建設5個同類空間。",
        "分享到:",
        "相關新聞",
        "前海另一條新聞",
    ]
    expected = {
        "title": lines[0], "published": (2022, 3, 21, 11, 55, 30), "source": "香港商報網", "editor": "李麗",
        "reporter": "陳思", "captions": [("前海線下體驗空間外景。", "供圖/前海管理局", "")],
        "paragraphs": [
            "香港商報網訊前海管理局近日宣布，線下體驗空間已接待市民3.2萬人次。",
            "空間設有閱讀區、展覽區兩個部分，每日開放8小時。",
            "打造學習新地標",
            "管理局表示，今年將再建設5個同類空間。",
        ],
        "headings": ["打造學習新地標"],
    }
    return lines, expected


@page("hkcd-source-beside-date")
def hkcd_source_beside_date():
    """Hong Kong Commercial Daily print edition page: date and the paper's name on one line, byline opening the text."""
    lines = [
        "深圳寶安區黨員志願者服務時長突破2.6萬小時",
        "2021-08-18 00:12    香港商報",
        "【香港商報網訊】記者 王娜 報道:寶安區黨員志願者今年服務時長突破2.6萬小時。",
        "全區共組建志願服務隊120支,參與黨員逾8000名。",
        "頂圖:寶安區志願者在社區服務。 寶安區委組織部供圖",
        "香港商報版權作品,轉載須註明出處。",
    ]
    expected = {
        "title": lines[0], "published": (2021, 8, 18, 0, 12, 0), "source": "香港商報", "editor": "",
        "reporter": "王娜", "captions": [("寶安區志願者在社區服務。", "寶安區委組織部供圖", "頂圖")],
        "paragraphs": ["【香港商報網訊】寶安區黨員志願者今年服務時長突破2.6萬小時。",
                       "全區共組建志願服務隊120支，參與黨員逾8000名。"],
        "headings": [],
    }
    return lines, expected


@page("hkcd-date-label")
def hkcd_date_label():
    """A page giving only the date, labelled 發布日期; the byline closes the text."""
    lines = [
        "龍華區推廣學習平台 註冊用戶達5.6萬",
        "發布日期:2022-03-06",
        "來源:香港商報網",
        "龍華區各街道推廣學習平台,註冊用戶達5.6萬人,其中黨員1.2萬人。(記者 劉洋)",
        "[責任編輯:周文]",
    ]
    expected = {
        "title": lines[0], "published": (2022, 3, 6), "source": "香港商報網", "editor": "周文", "reporter": "劉洋",
        "captions": [], "paragraphs": ["龍華區各街道推廣學習平台，註冊用戶達5.6萬人，其中黨員1.2萬人。"],
        "headings": [],
    }
    return lines, expected


@page("xinhua-wire")
def xinhua_wire():
    """A Xinhua wire story on xinhuanet: date and source line, dateline and byline, 摄 captions, 纠错 and editor."""
    lines = [
        "首页 > 时政 > 正文",
        "全国学习平台用户数突破9671.2万",
        "2021-06-29 20:15:31 来源：新华网",
        "【字号 大 中 小】 【打印】 【关闭】",
        "新华社北京6月29日电（记者 张三、李四）记者从有关部门获悉，学习平台注册用户已突破9671.2万名。",
        "6月28日，市民在北京一处社区体验学习平台。新华社记者 李钢 摄",
        "平台今年开展线上活动300余场，参与人次超过1.5亿。",
        "（完）",
        "【纠错】 【责任编辑：王萌】",
        "分享到：微信 微博 QQ空间",
        "相关新闻",
        "另一条新闻的标题",
    ]
    expected = {
        "title": lines[1], "published": (2021, 6, 29, 20, 15, 31), "source": "新华网", "editor": "王萌",
        "reporter": "张三、李四", "captions": [("6月28日，市民在北京一处社区体验学习平台。", "新华社记者 李钢 摄", "")],
        "dateline": "新华社北京6月29日电",
        "paragraphs": ["记者从有关部门获悉，学习平台注册用户已突破9671.2万名。",
                       "平台今年开展线上活动300余场，参与人次超过1.5亿。"],
        "headings": [],
    }
    return lines, expected


@page("peoples-daily-big5-reprint")
def peoples_daily_reprint():
    """A People's Daily story on the BIG5 site: date with time and no separator, 原標題, 責編 at the end."""
    lines = [
        "基層黨組織用好學習平台",
        "——來自廣東深圳的調查",
        "2020年07月30日09:29 | 來源：人民網－人民日報",
        "小字號",
        "原標題：學習平台走進千家萬戶",
        "本報深圳7月29日電 （記者 吳敏）深圳市各區推廣學習平台，截至6月底註冊黨員達25萬名。",
        "各區組建宣講隊伍500餘支。",
        "（責編：王某、李某）",
        "分享到：",
        "人民網版權所有，未經書面授權禁止使用",
    ]
    expected = {
        "title": lines[0], "published": (2020, 7, 30, 9, 29, 0), "source": "人民網－人民日報", "editor": "王某、李某",
        "reporter": "吳敏", "original_title": "學習平台走進千家萬戶", "captions": [], "subtitle": lines[1],
        "dateline": "本報深圳7月29日電",
        "paragraphs": ["——來自廣東深圳的調查", "深圳市各區推廣學習平台，截至6月底註冊黨員達25萬名。",
                       "各區組建宣講隊伍500餘支。"],
        "headings": ["——來自廣東深圳的調查"],
    }
    return lines, expected


@page("shenzhen-special-zone-daily")
def shenzhen_special_zone_daily():
    """A Shenzhen Special Zone Daily page: Chinese date without time, byline line, 图片来源, 编辑 and 审读."""
    lines = [
        "宝安区“学习强国”线下体验空间开放",
        "2021年7月29日",
        "来源：深圳特区报",
        "深圳特区报记者 张三 通讯员 李四",
        "7月28日，宝安区首个线下体验空间正式开放，首日接待市民1200人次。",
        "体验空间面积约300平方米，设有阅读区和展示区。",
        "市民在体验空间参观。图片来源：宝安区委宣传部",
        "编辑：王五  审读：赵六",
    ]
    expected = {
        "title": lines[0], "published": (2021, 7, 29), "source": "深圳特区报", "editor": "王五",
        "reporter": "张三", "captions": [("市民在体验空间参观。", "图片来源：宝安区委宣传部", "")],
        "paragraphs": lines[4:6], "headings": [],
    }
    return lines, expected


@page("ta-kung-pao")
def ta_kung_pao():
    """A Ta Kung Pao column: 時間 and 來源 run together, reporter line, 攝 caption, a name under a portrait."""
    lines = [
        "大灣區觀察：基層治理的數字化之路",
        "時間:2025-09-16 05:02:12來源:大公报",
        "大公報記者 黃寧",
        "深圳多個街道把學習平台用於基層治理，超過七成社區設有宣講點。",
        "大公報記者黃寧攝",
        "何志明",
        "社區黨委書記何志明表示，明年將再增設20個宣講點。",
        "責任編輯：鄭凱",
    ]
    expected = {
        "title": lines[0], "published": (2025, 9, 16, 5, 2, 12), "source": "大公报", "editor": "鄭凱",
        "reporter": "黃寧", "captions": [("何志明", "", "")],
        "paragraphs": [lines[3], lines[6]], "headings": [],
    }
    return lines, expected


@page("wen-wei-po")
def wen_wei_po():
    """A Wen Wei Po page: date and the paper's name after a bar, 訊 and byline opening the text, caption label 圖:."""
    lines = [
        "文匯網",
        "深圳街道推廣學習平台 黨員帶頭講",
        "2021-07-29 04:21:02 | 香港文匯報",
        "字號：大 中 小",
        "香港文匯報訊(記者 張三 深圳報道)西鄉街道推廣學習平台,今年已開展宣講活動130場。",
        "圖:街道黨員在社區宣講。 香港文匯報記者張三 攝",
        "街道黨工委表示,下半年將再組建宣講隊伍12支。",
        "責任編輯: 李四",
        "延伸閱讀",
        "另一條新聞",
    ]
    expected = {
        "title": lines[1], "published": (2021, 7, 29, 4, 21, 2), "source": "香港文匯報", "editor": "李四",
        "reporter": "張三", "captions": [("街道黨員在社區宣講。", "香港文匯報記者張三 攝", "圖")],
        "paragraphs": ["香港文匯報訊西鄉街道推廣學習平台，今年已開展宣講活動130場。",
                       "街道黨工委表示，下半年將再組建宣講隊伍12支。"],
        "headings": [],
    }
    return lines, expected


@page("peoples-daily-kicker-and-subtitle")
def peoples_daily_kicker_and_subtitle():
    """A People's Daily local edition page: kicker (引題) above the headline, subtitle (副題) below it, the byline,
    then the date with the print page and section beside it."""
    lines = [
        "人民网 >> 广东频道",
        "聚焦基层治理 推动高质量发展",
        "宝安区推广学习平台 注册党员逾2.5万",
        "——来自深圳基层的调查",
        "本报记者 吴敏",
        "2019年09月24日05:49  |  来源：人民网－人民日报  |  第11版：地方",
        "宝安区各街道推广学习平台，截至8月底注册党员逾2.5万名。",
        "街道今年开展宣讲活动130场，较去年增加40场。",
        "（责编：王某）",
    ]
    expected = {
        "title": lines[2], "kicker": lines[1], "subtitle": lines[3], "published": (2019, 9, 24, 5, 49, 0),
        "source": "人民网－人民日报", "outlet": "人民日報", "editor": "王某", "reporter": "吴敏", "captions": [],
        "paragraphs": [lines[1], lines[3], lines[6], lines[7]], "headings": [lines[1], lines[3]],
        "statistics": ["逾2.5万", "8月底", "逾2.5万名", "今年", "130场", "去年", "40场"],
    }
    return lines, expected


@page("sing-tao-day-first")
def sing_tao_day_first():
    """A Hong Kong paper's page printing the day first (09/07/2019 is 9 July), the section beside the date, and a
    counter."""
    lines = [
        "星島日報",
        "深水埗劏房住戶增至2.1萬 社區中心加開服務",
        "港聞  |  09/07/2019 06:30  |  星島日報  |  閱讀 1523",
        "社區中心表示，深水埗劏房住戶增至2.1萬戶，比去年多約1500戶。",
        "中心每周開放6日，今年已服務居民逾8000人次。",
    ]
    expected = {
        "title": lines[1], "published": (2019, 7, 9, 6, 30, 0), "source": "星島日報", "outlet": "星島日報",
        "editor": "", "reporter": "", "captions": [], "paragraphs": lines[3:5], "headings": [],
        "statistics": ["2.1萬", "2.1萬戶", "去年", "約1500戶", "6日", "今年", "逾8000人次"],
    }
    return lines, expected


@page("counters-on-the-date-line")
def counters_on_the_date_line():
    """A mainland portal's page: date with seconds, a compiler's note and reading and comment counters on one line."""
    lines = [
        "首页 > 新闻中心 > 本地新闻",
        "中山市推广学习平台 注册用户超过12万",
        "2019-02-01 05:49:41 网络整理 阅读:59 评论:0",
        "中山市各镇街推广学习平台，注册用户超过12万人，其中党员3.4万人。",
        "各镇街组建宣讲队伍86支。",
        "上一篇：中山另一条新闻",
    ]
    expected = {
        "title": lines[1], "published": (2019, 2, 1, 5, 49, 41), "source": "", "outlet": "", "editor": "",
        "reporter": "", "captions": [], "paragraphs": lines[3:5], "headings": [],
        "statistics": ["超过12万", "超过12万人", "3.4万人", "86支"],
    }
    return lines, expected


@page("date-above-the-title")
def date_above_the_title():
    """A city government portal: the date and weekday printed above the headline, a spaced date form below it."""
    lines = [
        "2019年4月2日 星期二",
        "长江日报",
        "武汉市推广学习平台 党员用户达46万",
        "2019 年 04 月 02 日   来源：长江日报",
        "武汉市各区推广学习平台，党员用户达46万名，占全市党员的九成。",
        "全市共设线下学习点320个。",
    ]
    expected = {
        "title": lines[2], "published": (2019, 4, 2), "source": "长江日报", "outlet": "長江日報", "editor": "",
        "reporter": "", "captions": [], "paragraphs": lines[4:6], "headings": [],
        "statistics": ["46万", "46万名", "九成", "320个"],
    }
    return lines, expected


@page("yearless-date-line")
def yearless_date_line():
    """A wire page printing month, day and time without the year; the text's dated events give it."""
    lines = [
        "全国学习平台新增线下体验空间1200个",
        "10-13 10:55:46 来源:新华社",
        "新华社北京10月13日电 截至2019年10月12日，全国已建成线下体验空间1200个，比年初增加300个。",
        "体验空间每日开放8小时。",
    ]
    expected = {
        "title": lines[0], "published": (2019, 10, 13, 10, 55, 46), "source": "新华社", "outlet": "新華社",
        "editor": "", "reporter": "", "captions": [], "dateline": "新华社北京10月13日电",
        "paragraphs": [lines[2].removeprefix("新华社北京10月13日电 "), lines[3]], "headings": [],
        "statistics": ["1200个", "2019年10月12日", "1200个", "300个", "8小时"], "warned": True,
    }
    return lines, expected


def in_script(lines: list[str], expected: dict, script: str) -> tuple[list[str], dict]:
    """The page and its expected reading in `script` ('traditional' or 'simplified'), converted with OpenCC."""
    from analysis.reading.script import to_simplified, to_traditional

    convert = to_simplified if script == "simplified" else to_traditional

    def converted(value):
        if isinstance(value, str):
            return convert(value)
        if isinstance(value, list | tuple):
            return type(value)(converted(v) for v in value)
        return value

    # the outlet's name is the registry's, whatever the page's script
    return [convert(line) for line in lines], {
        key: value if key == "outlet" else converted(value) for key, value in expected.items()
    }


def write_page(path: Path, lines: list[str], encoding: str = "utf-8", newline: str = "\n") -> Path:
    """Write a page's lines to a file."""
    path.write_bytes(newline.join(lines).encode(encoding))
    return path


def html_page(title: str, date_line: str, body: list[str], kicker: str = "") -> str:
    """A saved web page around a page's lines: navigation, the kicker in <h3> and the title in <h1>, the date line in
    a div of spans, the text in <p>, share buttons, related links and a footer, as news sites lay them out."""
    from html import escape

    nav = "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(["首頁", "要聞", "深圳", "評論"]))
    related = "".join(f'<li><a href="/r{i}">{n}</a></li>' for i, n in enumerate(["另一條新聞甲", "另一條新聞乙"]))
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in body)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_新聞網</title>
<script>var tracker = "不應出現在正文";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="top"><ul class="nav">{nav}</ul></div>
<div class="main">{f"<h3>{escape(kicker)}</h3>" if kicker else ""}<h1>{escape(title)}</h1>
<div class="info"><span>{escape(date_line)}</span></div>
<div class="article-content">
{paragraphs}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h3>相關新聞</h3><ul>{related}</ul></div></div>
<div class="footer">Copyright © 2026 版權所有</div></body></html>
"""


# Saved web pages in the shapes of three outlets' article pages: navigation, share buttons, related links and a
# footer around the article. The text is ours.
HTML_PAGES = {}


def html_fixture(name):
    """Register a web page builder under a name."""

    def register(builder):
        HTML_PAGES[name] = builder
        return builder

    return register


FOOTER = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">Facebook</a></div>
<div class="related"><h3>相關新聞</h3><ul><li><a href="/n/1.html">另一條新聞：前海再建五個學習空間</a></li>
<li><a href="/n/2.html">另一條新聞：寶安區志願者服務時長創新高</a></li></ul></div>
<div class="footer"><p>Copyright © 2026 版權所有 不得轉載</p></div>
<script>var tracker = "統計代碼";</script>"""


@html_fixture("hkcd")
def hkcd_html():
    """A Hong Kong Commercial Daily article page (Traditional): table layout, date and source under the title."""
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>深圳西鄉街道推廣學習平台 註冊人數達4.1萬 - 香港商報網</title></head>
<body><div class="topnav"><a href="/">首頁</a> | <a href="/hk">港聞</a> | <a href="/sz">深圳</a> |
<a href="/op">評論</a></div>
<table class="main"><tr><td>
<h1 class="title">深圳西鄉街道推廣學習平台 註冊人數達4.1萬</h1>
<div class="msg"><span class="date">2021-07-29 10:24</span>&nbsp;&nbsp;<span class="src">來源:香港商報網</span></div>
<div class="content" id="content">
<p>&nbsp;香港商報網訊(記者 王娜)深圳市寶安區西鄉街道近年來推廣學習平台,註冊人數達41550人,其中黨員5071人。</p>
<p>&nbsp;&nbsp;&nbsp; 7月22日,西鄉街道開展知識競賽,60組隊員參賽,吸引了58萬網民圍觀。供圖/西鄉街道</p>
<p>&nbsp;黨員帶頭學習</p>
<p>&nbsp;街道組建了宣講隊伍,今年已策劃了130項活動,深入社區、企業開展宣講,每日活躍度達75%以上。</p>
<p>&nbsp;資料來源:《中國新聞周刊》</p>
<p>[責任編輯:黃鶯]</p>
</div></td></tr></table>
{FOOTER}</body></html>"""
    expected = {
        "title": "深圳西鄉街道推廣學習平台 註冊人數達4.1萬", "published": (2021, 7, 29, 10, 24, 0),
        "source": "香港商報網", "editor": "黃鶯", "reporter": "王娜",
        "captions": [("7月22日，西鄉街道開展知識競賽，60組隊員參賽，吸引了58萬網民圍觀。", "供圖/西鄉街道", "")],
        "paragraphs": ["香港商報網訊深圳市寶安區西鄉街道近年來推廣學習平台，註冊人數達41550人，其中黨員5071人。",
                       "黨員帶頭學習",
                       "街道組建了宣講隊伍，今年已策劃了130項活動，深入社區、企業開展宣講，每日活躍度達75%以上。"],
        "headings": ["黨員帶頭學習"],
    }
    return html, expected


@html_fixture("xinhua")
def xinhua_html():
    """A Xinhua article page (Simplified): h1, an info bar of spans, the text in div#detail, 纠错 and editor below."""
    lead = ("新华社北京6月29日电（记者 张三、李四）记者从有关部门获悉，全国学习平台注册用户已突破9671.2万名，"
            "其中党员用户超过四成。")
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>全国学习平台注册用户突破9671.2万-新华网</title>
<meta name="keywords" content="学习平台"></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/politics/">时政</a></li>
<li><a href="/local/">地方</a></li></ul></div>
<div class="head-line"><h1><span class="title">全国学习平台注册用户突破9671.2万</span></h1>
<div class="header-cont"><div class="info"><span class="year"><em>2021</em></span>
<span class="day">2021-06-29 20:15:31</span> <span class="source">来源：新华网</span></div></div></div>
<div class="main-left"><div id="detail">
<p>　　{lead}</p>
<p style="text-align:center"><img src="https://example.invalid/photo.jpg" alt=""></p>
<p style="text-align:center">　　6月28日，市民在北京一处社区体验学习平台。新华社记者 李钢 摄</p>
<p>　　平台今年以来开展线上活动300余场，参与人次超过1.5亿，较去年同期增长约20%。</p>
</div>
<div id="articleEdit"><span class="tiyi1"><a href="#">【纠错】</a></span>
<span class="editor">【责任编辑：王萌】</span></div>
</div>
{FOOTER}</body></html>"""
    expected = {
        "title": "全国学习平台注册用户突破9671.2万", "published": (2021, 6, 29, 20, 15, 31), "source": "新华网",
        "editor": "王萌", "reporter": "张三、李四",
        "captions": [("6月28日，市民在北京一处社区体验学习平台。", "新华社记者 李钢 摄", "")],
        "dateline": "新华社北京6月29日电",
        "paragraphs": ["记者从有关部门获悉，全国学习平台注册用户已突破9671.2万名，其中党员用户超过四成。",
                       "平台今年以来开展线上活动300余场，参与人次超过1.5亿，较去年同期增长约20%。"],
        "headings": [],
    }
    return html, expected


@html_fixture("takungpao")
def takungpao_html():
    """A Ta Kung Pao article page (Traditional): 時間 and 來源 in one div, reporter line, photo with credit."""
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>大灣區觀察：基層治理的數字化之路 - 大公網</title>
<meta property="article:published_time" content="2025-09-16T05:02:12+08:00"></head>
<body><nav><a href="/">首頁</a><a href="/news">新聞</a><a href="/gba">大灣區</a></nav>
<div class="tkp_con"><h1 class="tkp_con_title">大灣區觀察：基層治理的數字化之路</h1>
<div class="tkp_con_author"><span>時間:2025-09-16 05:02:12</span><span>來源:大公报</span></div>
<div class="tkp_content">
<p>大公報記者 黃寧</p>
<p>深圳多個街道把學習平台用於基層治理，超過七成社區設有宣講點，覆蓋居民約120萬人。</p>
<figure><img src="a.jpg"><figcaption>社區工作人員向居民講解學習平台。大公報記者黃寧攝</figcaption></figure>
<p>社區黨委書記何志明表示，明年將再增設20個宣講點，並培訓宣講員300名。</p>
<p>責任編輯：鄭凱</p>
</div></div>
{FOOTER}</body></html>"""
    expected = {
        "title": "大灣區觀察：基層治理的數字化之路", "published": (2025, 9, 16, 5, 2, 12), "source": "大公报",
        "editor": "鄭凱", "reporter": "黃寧",
        "captions": [("社區工作人員向居民講解學習平台。", "大公報記者黃寧攝", "")],
        "paragraphs": ["深圳多個街道把學習平台用於基層治理，超過七成社區設有宣講點，覆蓋居民約120萬人。",
                       "社區黨委書記何志明表示，明年將再增設20個宣講點，並培訓宣講員300名。"],
        "headings": [],
    }
    return html, expected


def hot_list(heading: str, titles: list[str], views: list[int]) -> str:
    """A sidebar's ranked list of popular articles with their view counts, as portals print them beside the text."""
    items = "".join(
        f'<li><em class="rank">{rank}</em><a href="/hot/{rank}.html">{title}</a><span class="views">{count}</span></li>'
        for rank, (title, count) in enumerate(zip(titles, views, strict=True), 1)
    )
    return f'<div class="sidebar-box"><h2 class="box-title">{heading}</h2><ul class="hot">{items}</ul></div>'


HOT_TITLES = ["多岁老人坚持义务宣讲十年", "市民排队体验线下学习空间", "街道党员志愿者服务时长创新高",
              "社区书记谈基层治理新办法", "学习平台推出新栏目"]


@html_fixture("netease")
def netease_html():
    """A portal's article page (Simplified): the text in div.post_body among share bars, a right column of hot lists
    with ranks and view counts (热门推荐, 热点新闻), and a comment box under the text."""
    hot = hot_list("热门推荐", HOT_TITLES, [81537, 72015, 60422, 51230, 40118])
    news = hot_list("热点新闻", HOT_TITLES[::-1], [99321, 88410, 77502, 66013, 55120])
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>中山市学习平台注册用户超过12万_网易新闻</title>
<meta property="og:title" content="中山市学习平台注册用户超过12万">
<meta property="article:published_time" content="2019-02-01T05:49:41+08:00"></head>
<body><div class="N-nav-channel"><a href="/">网易首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a>
<a href="/ent">娱乐</a> <a href="/money">财经</a></div>
<div class="container"><div class="post_main">
<h1 class="post_title">中山市学习平台注册用户超过12万</h1>
<div class="post_info">2019-02-01 05:49:41 来源: <a href="#">中山日报</a> <a href="#comments">参与评论 35</a></div>
<div class="post_body">
<p>中山市各镇街近年推广学习平台，截至今年1月底，注册用户超过12万人，其中党员3.4万人。</p>
<p>全市组建宣讲队伍86支，去年开展宣讲活动1200多场，参与群众约9.5万人次。</p>
<p>市委宣传部表示，今年将在各镇街新建线下学习点40个，每个学习点配备讲解员2名。</p>
<p class="otitle">（原标题：中山学习平台用户超12万）</p>
<div class="post_btns"><a href="#">分享到：</a><a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<p class="ep-editor">责任编辑：李明_NN1234</p>
</div>
<div class="post_comment" id="comments"><h3>网友评论</h3><div class="tie-list">
<div class="tie"><span class="user">网易网友 [广东省中山市]</span><p>好事情，我们社区也有学习点，每周去2次。</p>
<span class="vote">顶 128</span></div>
<div class="tie"><span class="user">网易网友 [广东省广州市]</span><p>希望多办几场宣讲，去年参加过3场。</p>
<span class="vote">顶 56</span></div></div></div>
</div>
<div class="post_side">{hot}{news}</div></div>
{FOOTER}</body></html>"""
    expected = {
        "title": "中山市学习平台注册用户超过12万", "published": (2019, 2, 1, 5, 49, 41), "source": "中山日报",
        "editor": "李明", "reporter": "", "captions": [], "original_title": "中山学习平台用户超12万",
        "paragraphs": ["中山市各镇街近年推广学习平台，截至今年1月底，注册用户超过12万人，其中党员3.4万人。",
                       "全市组建宣讲队伍86支，去年开展宣讲活动1200多场，参与群众约9.5万人次。",
                       "市委宣传部表示，今年将在各镇街新建线下学习点40个，每个学习点配备讲解员2名。"],
        "headings": [],
    }
    return html, expected


@html_fixture("government-portal")
def government_portal_html():
    """A provincial government portal (Simplified): the site's logo in an <h1>, the article in nested tables, the
    title in a td, the date and source in the next row, the text with <h3> subheadings that carry numbers."""
    html = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>山西省推进基层学习平台建设 - 山西省人民政府网站</title>
<meta name="ArticleTitle" content="山西省推进基层学习平台建设"></head>
<body><div class="header"><h1 class="logo"><a href="/">山西省人民政府网站</a></h1>
<div class="nav"><a href="/">首页</a> | <a href="/zw">政务公开</a> | <a href="/fw">政务服务</a> |
<a href="/hd">互动交流</a></div></div>
<table width="1000" class="outer"><tr><td width="700" valign="top">
<table width="100%"><tr><td class="position">当前位置：首页 &gt; 政务公开 &gt; 要闻动态</td></tr>
<tr><td class="bt" align="center">山西省推进基层学习平台建设</td></tr>
<tr><td class="xx" align="center">发布时间：2022年12月08日23:44:23 来源：山西日报 【字体：大 中 小】
【打印本页】</td></tr>
<tr><td id="zoom" class="zw">
<p>全省各市县推进基层学习平台建设，截至11月底建成学习点2600个，覆盖乡镇1196个。</p>
<h3>一、2022年新建学习点860个</h3>
<p>今年全省新建学习点860个，其中农村学习点占六成以上，投入资金1.2亿元。</p>
<h3>二、宣讲队伍扩大到3200支</h3>
<p>各地组建宣讲队伍3200支，全年开展宣讲活动4.5万场，参与群众超过300万人次。</p>
</td></tr></table></td>
<td width="300" valign="top" class="right"><div class="box"><h2>热点新闻</h2><ul>
<li><a href="/a1">省政府召开常务会议</a></li><li><a href="/a2">全省经济运行情况通报</a></li></ul></div>
</td></tr></table>
{FOOTER}</body></html>"""
    expected = {
        "title": "山西省推进基层学习平台建设", "published": (2022, 12, 8, 23, 44, 23), "source": "山西日报",
        "editor": "", "reporter": "", "captions": [],
        "paragraphs": ["全省各市县推进基层学习平台建设，截至11月底建成学习点2600个，覆盖乡镇1196个。",
                       "一、2022年新建学习点860个",
                       "今年全省新建学习点860个，其中农村学习点占六成以上，投入资金1.2亿元。",
                       "二、宣讲队伍扩大到3200支",
                       "各地组建宣讲队伍3200支，全年开展宣讲活动4.5万场，参与群众超过300万人次。"],
        "headings": ["一、2022年新建学习点860个", "二、宣讲队伍扩大到3200支"],
    }
    return html, expected


@html_fixture("hong-kong-portal")
def hong_kong_portal_html():
    """A Hong Kong news portal (Traditional): nested wrappers, the date printed day first, a kicker above the
    headline, the text in an <article>, a ranked 熱門 list with view counts after it."""
    hot = hot_list("熱門新聞", ["長者每日排隊領飯盒", "劏房租金再升", "港鐵新線通車", "天文台發出預警", "新盤開售"],
                   [81537, 72015, 60422, 51230, 40118])
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>深水埗劏房住戶增至2.1萬 社區中心加開服務 | 香港01</title>
<meta property="og:title" content="深水埗劏房住戶增至2.1萬 社區中心加開服務 | 香港01">
<meta property="og:site_name" content="香港01"></head>
<body><header><div class="logo"><h1>香港01</h1></div><nav><a href="/">首頁</a><a href="/news">港聞</a>
<a href="/china">中國</a><a href="/world">國際</a></nav></header>
<div id="root"><div class="layout"><div class="wrapper"><div class="inner">
<article>
<div class="kicker">劏房問題持續 社區支援加強</div>
<h1 class="headline">深水埗劏房住戶增至2.1萬 社區中心加開服務</h1>
<div class="meta"><span class="section">港聞</span> <time>09/07/2019 06:30</time> <span>來源：香港01</span></div>
<div class="body">
<p>社區中心表示，深水埗劏房住戶增至2.1萬戶，比去年多約1500戶。</p>
<p>中心每周開放6日，今年已服務居民逾8000人次，下月起加開夜間服務。</p>
</div>
</article>
{hot}
</div></div></div></div>
{FOOTER}</body></html>"""
    expected = {
        "title": "深水埗劏房住戶增至2.1萬 社區中心加開服務", "kicker": "劏房問題持續 社區支援加強",
        "published": (2019, 7, 9, 6, 30, 0), "source": "香港01", "outlet": "香港01",
        "editor": "", "reporter": "", "captions": [],
        "paragraphs": ["劏房問題持續 社區支援加強", "社區中心表示，深水埗劏房住戶增至2.1萬戶，比去年多約1500戶。",
                       "中心每周開放6日，今年已服務居民逾8000人次，下月起加開夜間服務。"],
        "headings": ["劏房問題持續 社區支援加強"],
    }
    return html, expected
