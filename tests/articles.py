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
