"""What every page layout shares: date forms, labels in both scripts, bylines and captions; a Layout reads lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from zoneinfo import ZoneInfo

from analysis import config
from analysis.reading.characters import is_han_text
from analysis.wordlists import read_word_list

TIME = r"(?:\s*(?P<hour>\d{1,2})\s*[:：]\s*(?P<minute>\d{2})(?:\s*[:：]\s*(?P<second>\d{2}))?(?!\d))"
DATE_TIME = re.compile(
    r"(?<!\d)(?P<year>\d{4})\s*(?:[-/.－／．]|年)\s*(?P<month>\d{1,2})\s*(?:[-/.－／．]|月)\s*(?P<day>\d{1,2})(?!\d)\s*日?"
    + TIME + "?"
)
# 09/07/2019 (Hong Kong, Macao, Taiwan and most overseas outlets print the day first, US outlets the month): which
# is which is decided by the digits when one exceeds 12, else by the outlet's region
NUMERIC_DATE_TIME = re.compile(
    r"(?<![\d/.\-])(?P<first>\d{1,2})\s*(?P<mark>[-/.])\s*(?P<second_part>\d{1,2})\s*(?P=mark)\s*(?P<year>\d{4})(?!\d)"
    + TIME + "?"
)
# a date without its year, always printed with a time on a date line (10-13 10:55:46, 10月13日 10:55): the year is
# the page's to give (a dateline, the page's metadata or address, the text's dated events), never guessed
YEARLESS_DATE_TIME = re.compile(
    r"(?<![\d/.\-])(?P<month>\d{1,2})\s*(?:[-/]|月)\s*(?P<day>\d{1,2})(?![\d/.\-])\s*日?\s*" + TIME
)


@dataclass(frozen=True)
class DateLine:
    """A date (and time) printed on a line: year None when the line gives none; when the order of an all-digit date
    is open (09/07/2019), month and day are as printed and order_open says the day may come first."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    order_open: bool = False

    def ordered(self, day_first: bool) -> tuple[int, int]:
        """Month and day, an open order read day first or not as the outlet prints."""
        if self.order_open and day_first:
            return self.day, self.month
        return self.month, self.day


def find_date(line: str, start: int = 0) -> DateLine | None:
    """The first date printed on a line, year first (2021-07-29, 2021年7月29日), day or month first (09/07/2019) or
    without a year (10-13 10:55:46); None if there is none."""
    found = []
    for pattern in (DATE_TIME, NUMERIC_DATE_TIME, YEARLESS_DATE_TIME):
        if m := pattern.search(line, start):
            found.append(m)
    if not found:
        return None
    m = min(found, key=lambda m: (m.start(), -(m.end() - m.start())))
    clock = [int(m[g]) if m[g] else None for g in ("hour", "minute", "second")]
    if clock[0] is not None and clock[2] is None:
        clock[2] = 0
    if m.re is DATE_TIME:
        return DateLine(m.start(), m.end(), int(m["year"]), int(m["month"]), int(m["day"]), *clock)
    if m.re is YEARLESS_DATE_TIME:
        return DateLine(m.start(), m.end(), None, int(m["month"]), int(m["day"]), *clock)
    first, second = int(m["first"]), int(m["second_part"])
    if first > 12:  # 24/09/2019: only the day can be 24
        return DateLine(m.start(), m.end(), int(m["year"]), second, first, *clock)
    return DateLine(m.start(), m.end(), int(m["year"]), first, second, *clock, order_open=second <= 12)


# A field label and what it gives; longer labels first, so 責任編輯 is not read as 編輯, nor 資料來源 as 來源.
LABELS = {
    "cited_source": "資料來源|资料来源|數據來源|数据来源",
    "credit": "圖片來源|图片来源",
    "source": "本文來源|本文来源|文章來源|文章来源|信息來源|信息来源|來源|来源|稿源|出處|出处",
    "editor": "責任編輯|责任编辑|值班編輯|值班编辑|責編|责编|編輯|编辑|編審|编审",
    "reporter": "作者|記者|记者|撰文|撰稿|文",
    "updated": "更新時間|更新时间|更新日期|修改時間|修改时间",
    "published": "發布日期|发布日期|發佈日期|發布時間|发布时间|發佈時間|發表時間|发表时间|時間|时间|日期",
    "ignored": "瀏覽次數|浏览次数|閱讀數|阅读数|閱讀量|阅读量|點擊數|点击数|點擊量|点击量|評論數|评论数|"
    "審讀|审读|審核|审核|審校|审校|校對|校对|簽發|签发|監製|监制|統籌|统筹|瀏覽|浏览|閱讀|阅读|點擊|点击|評論|评论|"
    "點贊|点赞|人氣|人气",
}
LABEL = re.compile(
    "(?P<label>" + "|".join(LABELS.values()) + r")\s*(?:[:：]|(?<=文)[/／])\s*"
)
KEY_OF = {label: key for key, labels in LABELS.items() for label in labels.split("|")}
# what ends a field's value: a bar, a bracket or a wide gap
VALUE_END = re.compile(r"\s*[|｜【】\[\]]\s*|\s{2,}")
# what separates the unlabelled parts of a date line: 港聞 | 09/07/2019 06:30 | 星島日報 | 閱讀 1523
BETWEEN_FIELDS = re.compile(r"\s*[|｜]\s*|\s{2,}")
WRAPPERS = " []【】()（）|｜/"
SENTENCE_MARKS = re.compile(r"[。？！；，?!;]")
# a print edition's page and section beside its date: A05版：要闻, 第04版
PAGE = re.compile(r"第?\s*[A-Z]?\d{1,3}\s*版(?:\s*[:：]\s*[^\s，。]{1,8})?")
# a page's counters beside its date: 阅读 59, 59次浏览, 评论(0), 👍 12
COUNTER = re.compile(
    r"(?:參與|参与)?(?:瀏覽|浏览|閱讀|阅读|點擊|点击|評論|评论|點贊|点赞|贊|赞|人氣|人气|收藏|分享)(?:次數|次数|數|数|量)?\s*[(（]?\s*\d+\s*[)）]?"
    r"|\d+\s*(?:次|人)?(?:瀏覽|浏览|閱讀|阅读|點擊|点击|評論|评论)"
)
COUNTERS = re.compile(rf"(?:{COUNTER.pattern})(?:[\s|｜/·]*(?:{COUNTER.pattern}))*")
COUNTER_AFTER = re.compile(rf"\s+(?:{COUNTER.pattern})")
# a portal's code for its editor after the name: 李明_NN1234
EDITOR_CODE = re.compile(r"\s*_?[A-Za-z]{1,4}\d{2,}$")
# a site's own code where a source should be (来源: sp20241124): letters and a date or serial number, naming no outlet
SOURCE_CODE = re.compile(r"[A-Za-z_]{0,4}\d{6,}")
# a section's name or a link's text beside a date (港聞 | 2019-09-24 | 進入論壇): a few characters, no digits, set off
# from the date by a bar or a wide gap
SECTION = re.compile(r"[\u4e00-\u9fff]{2,8}")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
FOREIGN_WORDS = 3
# the site's address printed beside the date: http://www.sina.com.cn
ADDRESS = re.compile(r"(?:https?://|www\.)[\w./%?=&-]+", re.ASCII)
REPORTER_TITLE = re.compile(r"^[^\s，。]{0,10}?[記记]者\s*")
# a newspaper or website name printed on the date line without a label (2021-08-18 00:12    香港商报)
OUTLET = re.compile(
    r"[\u4e00-\u9fffA-Za-z·－\-]{2,16}(?:報|报|網|网|社|台|電視|电视|新聞|新闻|週刊|周刊|客戶端|客户端)"
)

NAME = r"[\u4e00-\u9fff·]{2,4}"
NAMES = rf"{NAME}(?:\s*[、，,/ ]\s*(?!通[訊讯][員员]){NAME})*"
# (記者 王娜), （新华社记者 张三、李四）, (文/記者 王娜), （大公報記者 張三 通訊員 李四）, (記者 張三 深圳報道)
BYLINE_PAREN = re.compile(
    r"[(（](?:文\s*[/／]\s*)?[^()（）。，記记]{0,10}[記记]者\s*(?P<names>[^()（）。]{2,40}?)"
    # … 深圳報道), or a wire's place and day: (中央社記者王小明台北14日電)
    r"(?:\s+[^()（）\s。]{0,6}[報报][道導导]|\s*[^()（）\s。\d]{2}[\d一二三四五六七八九十]{1,3}日[電电])?\s*[)）]"
)
# 記者 王娜 深圳報道： / 香港商報記者王娜報道 at a paragraph's start; the name is read short, then lengthened
BYLINE_LEAD = re.compile(
    r"[^()（）。，\s]{0,10}[記记]者\s*(?P<names>[\u4e00-\u9fff·]{2,3}?(?:\s*[、，, ]\s*[\u4e00-\u9fff·]{2,3}?)*)"
    r"\s*(?P<place>[^，。\s]{0,6}?)[報报][道導导][:：，]?\s*"
)
# what may open a paragraph before its byline: 香港商報網訊, 【大公報訊】, 新华社北京6月29日电
NEWS_LEAD = re.compile(r"[【\[]?[^，。()（）\s【】\[\]]{0,16}?(?:[電电訊讯]|[報报][導导道])[】\]]?\s*")
# a line that is only a byline: 大公報記者 張三, 本报记者 张三 李四, 文/張三, 文、圖/張三
BYLINE_LINE = re.compile(
    rf"[■●▲◆]?\s*(?:[^()（）。，\s]{{0,10}}[記记]者|文\s*[、/／]\s*(?:[圖图]\s*[/／])?|[圖图]文\s*[/／])\s*(?P<names>{NAMES})"
    rf"(?:\s*[^，。\s]{{0,6}}[報报][道導导])?(?:\s+通[訊讯][員员]\s*{NAMES})?(?:\s*文\s*[/／、]\s*[圖图]|\s*[攝摄]影)?"
)
# a byline with what the author did: 李明（综合报道）, 張三(編譯)
BYLINE_NOTE = re.compile(rf"(?P<names>{NAMES})\s*[(（](?:[綜综]合)?(?:[報报][導导道]|[編编][譯译])[)）]")
# a wire dateline opening the first paragraph: 新华社北京6月29日电, 本報深圳7月28日訊
DATELINE = re.compile(
    r"[^，。()（）\s]{0,16}?(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:[電电訊讯]|[報报][導导道])[】\]]?"
)
BYLINE_TRAILING = re.compile(BYLINE_PAREN.pattern + "$")
TAIL_CHARS = 80
EDITOR_TRAILING = re.compile(
    r"\s*[(（\[［【](?:責任編輯|责任编辑|責編|责编|編輯|编辑)[:：]\s*(?P<names>[^()（）。]{1,40}?)[)）\]］】]$"
)
ORIGINAL_TITLE = re.compile(r"[(（【\[]?原[標标][題题][:：]\s*(?P<title>.+?)[)）】\]]?")
PHOTOGRAPHERS = r"[\u4e00-\u9fff·]{2,4}(?:\s*[、/ ]\s*[\u4e00-\u9fff·]{2,4})*"
# captions: a credit at the end, or a label at the start
CREDIT = re.compile(
    r"\s*[(（]?(?P<credit>"
    r"供[圖图]\s*[/／:：]\s*\S+"
    r"|[^\s，。()（）]{1,16}供[圖图]"
    r"|(?<=[(（])[^\s，。()（）]{1,16}提供(?=[)）])"
    r"|[圖图]片?(?:來源|来源)\s*[:：/／]\s*[^。()（）]{1,30}"
    r"|[^\s，。()（）]{0,8}社[發发](?:\s*[(（]?[^()（）。]{2,20}[攝摄][)）]?)?"
    r"|(?:[資资]料|[網网][絡络]|[視视][頻频]截)[圖图]片?"
    rf"|(?:[^\s，。()（）]{{0,10}}[記记]者\s*)?(?<![\u4e00-\u9fff]){PHOTOGRAPHERS}\s*[攝摄]"
    rf"|[^\s，。()（）]{{0,10}}[記记]者\s*{PHOTOGRAPHERS}\s*[攝摄]"
    r")[)）]?$"
)
CREDIT_WORDS = re.compile("供[圖图]|[攝摄]|來源|来源|社[發发]|提供[)）]$|[圖图]片?[)）]?$")
CAPTION_LABEL = re.compile(r"(?P<label>頂圖|顶图|上圖|上图|下圖|下图|左圖|左图|右圖|右图|圖|图)\s*[:：]\s*|▲\s*")
HEADING_MAX_CHARS = 40
END_LINES = 40
BOILERPLATE_MAX_CHARS = 120
NAMES_MAX_CHARS = 20
SENTENCE_PUNCTUATION = re.compile(r"[。，,；;！!？?：:]")

# furniture every news site prints, whatever the outlet: share and print buttons, font size, navigation, weekdays and
# page numbers beside a date, the wire's end mark (完)
SHARED_FRAGMENTS = (
    "分享到|分享|轉發|转发|打印|列印|關閉|关闭|收藏|返回|返回頂部|返回顶部|字號|字号|小字號|小字号|大|中|小|"
    "微信|微博|朋友圈|QQ|QQ空間|QQ空间|Facebook|Twitter|WhatsApp|LINE|複製鏈接|复制链接|掃一掃|扫一扫|"
    "二維碼|二维码|首頁|首页|正文|當前位置|当前位置|您的位置|您所在的位置|>|›|»|"
    "星期[一二三四五六日天]|[周週][一二三四五六日]|第?[A-Z]?\\d{1,3}版|完|手[机機]看新[闻聞]|在手[机機]上?打[开開]|[当當]前[页頁]|"
    "[扫掃]描二[维維]碼|[扫掃]描二维码|[关關][注註]我[们們]|字[体體]|打印本[页頁]|[关關][闭閉]窗口|[網网][絡络]整理|"
    "[綜综]合整理|[綜综]合報道|综合报道|原創|原创|聽新聞|听新闻|[發发][表佈布]|"
    # a page's skip links, numbered: 1. 跳转至内容
    "\\d{1,2}\\.|跳[转轉][至到][^\\s]{1,12}"
)
# what every site prints after the text: lists of other articles, ranked by views, and the readers' comments
SHARED_TRAILER = (
    "熱門推薦|热门推荐|熱點新聞|热点新闻|熱門新聞|热门新闻|熱門文章|热门文章|熱門排行|热门排行|點擊排行|点击排行|排行榜|"
    "相關新聞|相关新闻|相關閱讀|相关阅读|網友評論|网友评论|最新評論|最新评论|猜你喜歡|猜你喜欢|"
    "更多(?:要聞|要闻|新聞|新闻|報道|报道)\\S{0,2}"
)
SHARED_COPYRIGHT = r"版權所有|版权所有|Copyright|©|未經授權|未经授权|不得轉載|不得转载|All Rights Reserved"
# the links to the site's previous and next articles, which follow the text: 上一篇：…, 下一篇：…
PREVIOUS_NEXT = re.compile(r"(?:上一篇|下一篇|上一[條条]|下一[條条])\s*[:：]")
# a row of short links: 首页 | 时政 | 国际 | 财经
NAVIGATION = re.compile(r"[^，。|｜]{1,8}(?:\s*[|｜]\s*[^，。|｜]{1,8}){2,}")
# 首页 > 时政 > 正文, 人民網>>時政: a trail of short links (never with a <, so text holding markup is not one)
BREADCRUMB = re.compile(r"[^，。<>›»]{1,12}(?:\s*(?:>>?|›|»)\s*[^，。<>›»]{1,12})+")
PIECES = re.compile(r"[\s|｜/【】\[\]()（）:：、,，]+")


@dataclass(frozen=True)
class LineReading:
    """What one line of a page is: its kind, the metadata it gives and the runs of the line that are article text.

    kind is 'meta', 'caption', 'body', 'boilerplate' or 'trailer'; keep holds (start, end) runs of the line."""

    kind: str
    fields: dict = field(default_factory=dict)
    keep: tuple[tuple[int, int], ...] = ()
    credit: str = ""
    label: str = ""


@cache
def surnames() -> frozenset[str]:
    """Common Chinese surnames in both scripts (the committed list data/lexicon/surnames.txt)."""
    return frozenset(read_word_list(config.LEXICON / "surnames.txt"))


def is_names(line: str) -> bool:
    """Whether a line is only people's names (one to four, 2 or 3 characters each, separated by spaces or 、)."""
    if len(line) > NAMES_MAX_CHARS:
        return False
    names = re.split(r"\s*[、，,/]\s*|\s+", line)
    return 0 < len(names) <= 4 and all(
        2 <= len(n) <= 3 and n[0] in surnames() and is_han_text(n) for n in names
    )


def is_heading(text: str) -> bool:
    """A short line without sentence punctuation is a subheading."""
    return len(text) <= HEADING_MAX_CHARS and not SENTENCE_PUNCTUATION.search(text)


def is_furniture_beside_date(piece: str, date: DateLine | None, set_off: bool) -> bool:
    """Whether what is left of a date line beside its fields is the page's furniture: a second date, a print page
    (A05版), a counter (阅读 59), or a section's or site's name `set_off` as such (港聞 | 2019-09-24; a timeline's
    heading, 2019年3月5日 启动仪式, is text)."""
    if (other := find_date(piece)) and other.start == 0 and other.end == len(piece):
        return True
    if PAGE.fullmatch(piece) or COUNTERS.fullmatch(piece) or ADDRESS.fullmatch(piece):
        return True
    return date is not None and set_off and bool(SECTION.fullmatch(piece))


def is_foreign(line: str) -> bool:
    """Whether a line is in a Latin-script language, with no Han character: an image's alt text (Eine Frau liest am
    Sonntag …), a player's notice (Your browser doesn't support HTML5); a Chinese article's own lines hold Han."""
    return not HAN.search(line) and len(LATIN_WORD.findall(line)) >= FOREIGN_WORDS


def trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    """start and end of line[start:end] without surrounding spaces."""
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] == " ":
        end -= 1
    return start, end


@dataclass(frozen=True)
class Layout:
    """A family of page furniture: how to recognise its pages, what it prints around an article, its time zone.

    markers: lines that show a page is in this layout; boilerplate: fragments of site furniture lines (joined by
    separators); copyright: what marks a copyright line; trailer: a line from which on the page is site furniture."""

    name: str
    zone: ZoneInfo
    markers: re.Pattern | None = None
    boilerplate: str = ""
    copyright: str = ""
    trailer: str = ""

    @cached_property
    def _fragment(self) -> re.Pattern:
        """One or more furniture fragments run together (人民網首頁), this layout's and the shared ones."""
        return re.compile("(?:" + "|".join(p for p in (self.boilerplate, SHARED_FRAGMENTS) if p) + ")+")

    @cached_property
    def _copyright(self) -> re.Pattern:
        """What marks a copyright line, this layout's and the shared ones."""
        return re.compile("|".join(p for p in (self.copyright, SHARED_COPYRIGHT) if p), re.IGNORECASE)

    @cached_property
    def _trailer(self) -> re.Pattern:
        """A line that starts the trailer, bracketed or not."""
        trailer = "|".join(p for p in (self.trailer, SHARED_TRAILER) if p)
        return re.compile(rf"[【\[]?(?:{trailer})[】\]]?[:：]?")

    def score(self, lines: list[str]) -> int:
        """How many of the page's first and last lines (where the furniture is) show this layout (0: generic)."""
        ends = lines if len(lines) <= 2 * END_LINES else lines[:END_LINES] + lines[-END_LINES:]
        return sum(1 for line in ends if self.markers and self.markers.search(line))

    def is_trailer(self, line: str) -> bool:
        """Whether everything from this line on is site furniture (related news, comments, the links to the previous
        and next articles)."""
        return bool(self._trailer.fullmatch(line) or PREVIOUS_NEXT.match(line))

    def is_boilerplate(self, line: str) -> bool:
        """Whether a line is site furniture: share and print buttons, navigation, copyright."""
        if len(line) > BOILERPLATE_MAX_CHARS:
            return False
        if self._copyright.search(line) or BREADCRUMB.fullmatch(line) or NAVIGATION.fullmatch(line) or (
            PAGE.fullmatch(line)  # a print edition's page and section on a line of its own: 第A05版：要闻
            or ADDRESS.fullmatch(line)  # the page's short link: https://p.example.com/p/3xQ9a
        ):
            return True
        pieces = [p for p in PIECES.split(line) if p]
        return bool(pieces) and all(self._fragment.fullmatch(p) for p in pieces)

    def read_fields(self, line: str) -> dict | None:
        """The metadata of a line made only of labelled fields, a date and an outlet name; None for any other line."""
        marks = []
        date = find_date(line)
        if date:
            marks.append((date.start, date.end, "date"))
        for m in LABEL.finditer(line):
            if not (date and date.start <= m.start() < date.end):
                marks.append((m.start(), m.end(), KEY_OF[m["label"]]))
        if not marks:
            return None
        marks.sort()
        fields, leftover = {}, [line[: marks[0][0]]]
        for i, (_, end, key) in enumerate(marks):
            stop = marks[i + 1][0] if i + 1 < len(marks) else len(line)
            if key == "date":
                fields["published"] = date
                leftover.append(line[end:stop])
                continue
            gap = VALUE_END.search(line, end, stop)
            value_end = gap.start() if gap else stop
            if counter := COUNTER_AFTER.search(line, end, value_end):  # 来源: 中山日报 参与评论 35
                value_end = counter.start()
            value = line[end:value_end].strip(WRAPPERS)
            leftover.append(line[value_end:stop])
            if SENTENCE_MARKS.search(value) or len(value) > 40 or (value and key in ("published", "updated")):
                return None  # a sentence, or a time label followed by something other than a date (活動時間：下午)
            if key == "reporter":
                value = REPORTER_TITLE.sub("", value)  # 作者：本报记者 张三
            if key == "editor":
                value = EDITOR_CODE.sub("", value)  # 责任编辑：李明_NN1234
            if key == "source" and SOURCE_CODE.fullmatch(value):
                value = ""
            if value and key != "ignored":
                fields.setdefault(key, value)
        before_date = [key for start, _, key in marks if date and start < date.start]
        if before_date and before_date[-1] == "updated":  # the date says when the page was updated, not published
            fields.pop("published", None)
        # a section's or site's name stands before the date, after a time of day, or set off by a bar or a wide gap
        # (港聞 09/07/2019, 2005年04月28日11:12 今日扬州, 2019-09-24 | 港聞); a timeline's heading is text
        clocked = date is not None and date.hour is not None
        first_is_date = marks[0][2] == "date"
        pieces = [
            (piece.strip(WRAPPERS), clocked or bool(BETWEEN_FIELDS.search(part)) or (number == 0 and first_is_date))
            for number, part in enumerate(ADDRESS.sub("  ", part) for part in leftover)
            for piece in BETWEEN_FIELDS.split(part)
        ]
        for piece, set_off in pieces:
            if OUTLET.fullmatch(piece.strip("《》 ")) and "source" not in fields:
                fields["source"] = piece.strip("《》 ")
            elif date and (byline := BYLINE_LINE.fullmatch(piece)) and byline["names"][0] in surnames():
                fields.setdefault("reporter", byline["names"].strip())  # 2025/10/02 14:22 記者林美玲／高雄報導
            elif piece and not is_furniture_beside_date(piece, date, set_off) and not any(
                self.is_boilerplate(form) for form in (piece, piece.replace(" ", ""))  # 第 04 版
            ):
                return None
        return fields

    def read(self, line: str) -> LineReading:
        """What a line after the title is: metadata, a caption, body text, boilerplate or the start of the trailer."""
        if self.is_trailer(line):
            return LineReading("trailer")
        if m := ORIGINAL_TITLE.fullmatch(line):
            return LineReading("meta", {"original_title": m["title"].strip()})
        if (fields := self.read_fields(line)) is not None:
            return LineReading("meta", fields)
        if self.is_boilerplate(line) or is_foreign(line):
            return LineReading("boilerplate")
        if (m := BYLINE_LINE.fullmatch(line) or BYLINE_NOTE.fullmatch(line)) and m["names"][0] in surnames():
            return LineReading("meta", {"reporter": m["names"].strip()})
        if caption := self.read_caption(line):
            return caption
        return self.read_body(line)

    def read_caption(self, line: str) -> LineReading | None:
        """A photo caption: text with a credit (供圖, 攝, 圖片來源) or a label (頂圖:), or a name under a portrait."""
        label = CAPTION_LABEL.match(line)
        start = label.end() if label else 0
        tail = max(start, len(line) - TAIL_CHARS)
        # the regular expression is slow to fail; a credit always holds one of these words
        credit = CREDIT.search(line, tail) if CREDIT_WORDS.search(line, tail) else None
        if credit and credit.start() == start:  # a credit alone: nothing to caption
            return LineReading("meta", {"credit": credit["credit"]})
        if credit or label:
            end = credit.start() if credit else len(line)
            return LineReading(
                "caption",
                keep=(trimmed(line, start, end),),
                credit=credit["credit"] if credit else "",
                label=(label["label"] or "") if label else "",
            )
        if is_names(line):  # a name under a portrait (right under the title, the loader reads it as the authors)
            return LineReading("caption", keep=((0, len(line)),))
        return None

    def read_body(self, line: str) -> LineReading:
        """A body paragraph, less the byline at either end and a trailing (責編:…); those become metadata."""
        fields, end, cuts = {}, len(line), []
        tail = max(0, end - TAIL_CHARS)  # bylines are short: searching only the tail keeps long lines linear
        if m := EDITOR_TRAILING.search(line, tail):
            fields["editor"] = m["names"].strip()
            end = m.start()
        if m := BYLINE_TRAILING.search(line, max(0, end - TAIL_CHARS), end):
            fields["reporter"] = m["names"].strip()
            end = m.start()
        if dateline := DATELINE.match(line, 0, end):
            fields["wire_dateline"] = dateline
        lead = NEWS_LEAD.match(line, 0, end)
        for start in dict.fromkeys((lead.end() if lead else 0, 0)):
            if m := BYLINE_PAREN.match(line, start, end):
                fields.setdefault("reporter", m["names"].strip())
            elif m := BYLINE_LEAD.match(line, start, end):
                names, place = m["names"], m["place"]
                if len(place) % 2:  # 王小娜報道, 王小娜深圳報道: a place is two characters, the rest is the name
                    names += place[0]
                fields.setdefault("reporter", names.strip())
            else:
                continue
            cuts.append((m.start(), m.end()))
            break
        keep, position = [], 0
        for cut_start, cut_end in [*cuts, (end, end)]:
            run = trimmed(line, position, cut_start)
            if run[1] > run[0]:
                keep.append(run)
            position = cut_end
        return LineReading("body", fields, tuple(keep))
