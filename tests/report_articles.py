"""Articles of other shapes for the report tests: another topic, a hostile one, a very short one."""

from pathlib import Path

from articles import write_article

# another outlet's topic: a library's reading scheme; two captions, a rate of change, no 其中-total, no 學習強國
LIBRARY = {
    "title": "【社區新聞】荃灣公共圖書館推出「閱讀同行」計劃",
    "paragraphs": [
        "荃灣公共圖書館今年推出「閱讀同行」計劃，邀請居民每月借閱兩本書，並在網上分享讀後感。(記者 張敏)",
        "計劃推出以來，已有3,200名居民登記參加，借閱量比去年同期增加三成，網上分享超過800篇。",
        "圖書館組建了「80人的故事姐姐隊」，到12間小學舉辦講座，吸引近千名學生參加。",
        "館長陳美玲表示，「閱讀同行」計劃明年將擴展到葵青區的圖書館，讓更多家庭受惠。",
        "不少家長認為，「閱讀同行」讓孩子養成了閱讀習慣。",
    ],
    "captions": ("故事姐姐隊在小學講故事。", "居民在圖書館登記參加「閱讀同行」計劃。"),
}

# markup next to words that the reports tabulate (a frequent word, a number, a quoted phrase, the title)
HOSTILE = {
    "title": "【測試】<u>U</u>西鄉街道推廣<h1>INJ</h1>學習強國",
    "paragraphs": [
        "西鄉街道推廣<h1>INJ</h1>學習強國<u>U</u>,註冊人數達41550人。",
        "西鄉街道推廣「<u>U</u>學習強國」,「<h1>INJ</h1>」,註冊人數達41550人,其中黨員5071人,群眾36479人。",
    ],
    "captions": ("西鄉街道<u>U</u>推廣學習強國。",),
}

# the shortest valid article: one word, no keyword, no number, no caption, no quotation
SHORT = {"title": "短訊", "paragraphs": ["閱讀"], "captions": ()}


def write(folder: Path, name: str, article: dict) -> Path:
    """Write one of the articles above under `folder` as `name`.txt, with a cited source of its own."""
    path = write_article(folder / f"{name}.txt", article["title"], article["paragraphs"], article["captions"])
    path.write_bytes(path.read_bytes().replace("《寶安日報》".encode(), "《社區週報》".encode()))
    return path
