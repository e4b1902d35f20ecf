"""A small corpus of generated articles for the corpus tests: several layouts (the Hong Kong Commercial Daily page in
UTF-8, Big5-HKSCS and CRLF line ends), both scripts, spread over two years; two sub-districts report their cumulative
registrations at different dates, one report contradicts an earlier one; and a few files that are not articles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from articles import write_article

from analysis.corpus.partitions import PARTITIONS
from analysis.reading.script import to_simplified


@dataclass(frozen=True)
class Generated:
    """One article of the corpus: file name, publication time, place, figures and how the file is written."""

    name: str
    published: str
    place: str
    registered: str
    members: str
    teams: int
    script: str = "traditional"
    encoding: str = "utf-8"
    newline: str = "\n"
    outlet: str = "香港商報網"


ARTICLES = [
    Generated("a_2021-03_xinan.txt", "2021-03-10 08:15", "新安街道", "8,000", "2,600", 12),
    Generated("b_2021-09_xinan_simplified.txt", "2021-09-20 11:00", "新安街道", "10,500", "3,100", 15,
              script="simplified"),
    Generated("c_2022-01_xinan_big5.txt", "2022-01-18 09:30", "新安街道", "12,500", "3,500", 18,
              encoding="big5hkscs"),
    # registrations "down" from 12,500 to 9,800 though counted since the launch: the contradiction
    Generated("d_2022-06_xinan_crlf.txt", "2022-06-01 16:45", "新安街道", "9,800", "3,600", 20, newline="\r\n"),
    Generated("e_2021-05_fuyong.txt", "2021-05-06 10:00", "福永街道", "5,000", "1,700", 8, outlet="文匯網"),
    Generated("f_2022-11_fuyong.txt", "2022-11-30 14:20", "福永街道", "6,200", "2,050", 9),
]
# files that are not articles, and the problem each must be reported with
BAD = {
    "x_empty.txt": "the file is empty",
    "y_binary.txt": "cannot be decoded",
}
# a page whose date line names a day that does not exist: refused, the other articles go on
NOT_AN_ARTICLE = "z_impossible_date.txt"
CONTRADICTION = ("c_2022-01_xinan_big5.txt", "d_2022-06_xinan_crlf.txt")


def paragraphs(article: Generated) -> tuple[str, list[str]]:
    """Title and body of a generated article, in its script."""
    month = article.published[5:7].lstrip("0")
    title = f"【基層治理】寶安區{article.place}推廣「學習強國」"
    body = [
        f"寶安區{article.place}把「學習強國」作為黨員教育的平台。(記者 李華)",
        f"截至今年{month}月,寶安區{article.place}「學習強國」累計註冊人數達{article.registered}人,"
        f"其中黨員{article.members}人。",
        f"街道組建了{article.teams}支宣講隊,深入社區開展宣講。",
    ]
    if article.script == "simplified":
        return to_simplified(title), [to_simplified(p) for p in body]
    return title, body


def write_generated(folder: Path, article: Generated) -> Path:
    """Write one generated article in its layout, encoding and line ends."""
    path = write_article(folder / article.name, *paragraphs(article), encoding=article.encoding)
    text = path.read_bytes().decode(article.encoding)
    text = text.replace("2022-03-15 09:30", article.published).replace("香港商報網", article.outlet, 1)
    path.write_bytes(text.replace("\n", article.newline).encode(article.encoding))
    return path


def write_corpus(folder: Path) -> Path:
    """Write the whole corpus, good and bad files, into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in ARTICLES:
        write_generated(folder, article)
    (folder / "x_empty.txt").write_bytes(b"")
    (folder / "y_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    write_generated(folder, replace(ARTICLES[0], name=NOT_AN_ARTICLE, published="2021-02-30 10:24"))
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def written(out):
    """Every file a run wrote under out, except its partitions and its bookkeeping (the lock, the record of what it
    wrote), by path relative to out."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and PARTITIONS not in p.parts and not p.relative_to(out).parts[0].startswith(".")}


@dataclass(frozen=True)
class Report:
    """An article of the report corpus: file name, outlet, publication time ('' for a page without a date line),
    script, title and paragraphs (written in Traditional script; a Simplified page is converted, its quotation marks
    “” as mainland pages print them)."""

    name: str
    outlet: str
    published: str
    script: str
    title: str
    body: tuple[str, ...]


# Pages of eight outlets over three years with long gaps between months, in both scripts, three without a date line;
# the same slogans quoted in both scripts, and Longhua's registrations reported in Traditional, then in Simplified
# script. The text is ours, in the shape of the outlets' reports.
REPORTS = [
    Report("r01_hkcd_2020-07.txt", "香港商報網", "2020-07-08 09:30", "traditional",
           "【基層治理】龍華區黨員帶頭學「學習強國」",
           ("龍華區各街道把「學習強國」作為黨員教育的主陣地,全區黨員註冊率達到九成。",
            "街道組建宣講隊伍36支,開展「不忘初心、牢記使命」主題宣講120場,覆蓋居民2.1萬人次。",
            "社區黨委書記表示,將繼續推動學習平台進社區、進樓棟。")),
    Report("r02_wenwei_2020-08.txt", "文匯網", "2020-08-19 11:05", "traditional",
           "深圳社區宣講隊走進樓棟",
           ("深圳多個社區組建黨員宣講隊,把「學習強國」的內容帶進樓棟和工業園區。",
            "福田區今年已開展宣講活動86場,參與群眾逾5000人。",
            "宣講員多為退休黨員,平均年齡62歲。")),
    Report("r03_takung_2021-01.txt", "大公網", "2021-01-12 08:00", "traditional",
           "龍華區推廣「學習強國」 註冊用戶達5.6萬",
           ("龍華區各街道推廣「學習強國」,截至去年底累計註冊用戶達5.6萬人,其中黨員1.2萬人。",
            "區委組織部表示,將以「我為群眾辦實事」為主線,推動學習成果轉化為服務群眾的實效。",
            "全區今年計劃新建宣講點30個。")),
    Report("r04_xinhua_2021-03.txt", "新華網", "2021-03-02 20:15", "simplified",
           "深圳基层党组织用好学习平台",
           ("深圳市各区推广「學習強國」学习平台,基层党组织把学习与服务结合起来。",
            "各区开展「我為群眾辦實事」实践活动,已为群众解决实际问题3200余件。",
            "有关负责人表示,将推动党史学习教育走深走实。")),
    Report("r05_people_2021-03.txt", "人民網", "2021-03-28 09:29", "simplified",
           "党史学习教育在深圳社区扎实开展",
           ("深圳社区把党史学习教育同「學習強國」平台结合,组织党员线上线下共同学习。",
            "南山区举办「不忘初心、牢記使命」读书分享会48场,参与党员2600人。",
            "社区居民表示,身边的宣讲更接地气。")),
    Report("r06_southcn_2021-11.txt", "南方網", "2021-11-02 10:00", "simplified",
           "龙华区“学习强国”注册用户突破6万",
           ("龙华区持续推广「學習強國」,截至10月底龍華區累計註冊用戶達6.1萬人,其中黨員1.4萬人。",
            "区里把「我為群眾辦實事」清单化,已办结民生实事860件。",
            "下一步将在工业园区增设学习驿站。")),
    Report("r07_sztqb_2022-06.txt", "深圳特區報", "2022-06-15 07:40", "simplified",
           "宝安区学习驿站开放",
           ("宝安区首个学习驿站正式开放,首日接待市民1200人次。",
            "驿站设有阅读区和展示区,面积约300平方米。",
            "市民可在驿站体验「學習強國」的线下课程。")),
    Report("r08_paper_2023-02.txt", "澎湃新聞", "2023-02-20 16:20", "simplified",
           "深圳社区宣讲员的一天",
           ("清晨七点,社区宣讲员已经在楼栋门口摆好了宣传展板。",
            "她所在的宣讲队三年来开展宣讲活动400余场,受众超过3万人次。",
            "她说,「不忘初心、牢記使命」不是口号,而是每天的工作。")),
    Report("r09_hkcd_undated.txt", "香港商報網", "", "traditional",
           "寶安區志願者服務時長突破2.6萬小時",
           ("寶安區黨員志願者今年服務時長突破2.6萬小時,參與黨員逾8000名。",
            "志願者在社區開展「我為群眾辦實事」服務,幫助長者使用「學習強國」。")),
    Report("r10_wenwei_undated.txt", "文匯網", "", "traditional",
           "南山區讀書會走進校園",
           ("南山區讀書分享會走進中小學,今年已舉辦32場。",
            "參與學生逾1500人,家長反響熱烈。")),
    Report("r11_xinhua_undated.txt", "新華網", "", "simplified",
           "深圳学习驿站覆盖全部街道",
           ("深圳学习驿站已覆盖全市74个街道,累计服务市民超过50万人次。",
            "驿站提供「學習強國」线下体验和党史读物借阅。")),
    Report("r12_takung_2021-01.txt", "大公網", "2021-01-30 18:45", "traditional",
           "福田區宣講隊伍擴至50支",
           ("福田區宣講隊伍擴至50支,全年開展宣講活動210場。",
            "宣講內容涵蓋「不忘初心、牢記使命」和基層治理經驗。")),
]


def report_lines(report: Report) -> list[str]:
    """A page of the report corpus in the Hong Kong Commercial Daily layout: title, date line (none when undated),
    source line, paragraphs and the editor, in the page's script."""
    title, body, editor = report.title, list(report.body), "[責任編輯:周文]"
    if report.script == "simplified":
        def convert(text: str) -> str:
            return to_simplified(text).replace("「", "“").replace("」", "”")

        title, body, editor = convert(title), [convert(p) for p in body], convert(editor)
    date = [report.published] if report.published else []
    source = "来源:" + to_simplified(report.outlet) if report.script == "simplified" else "來源:" + report.outlet
    return [title, "", *date, source, "", *(f" {p}" for p in body), "", editor]


def write_report_corpus(folder: Path) -> Path:
    """Write the report corpus into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for report in REPORTS:
        (folder / report.name).write_text("\n".join(report_lines(report)), encoding="utf-8")
    return folder
