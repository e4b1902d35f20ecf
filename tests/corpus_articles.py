"""A small corpus of generated articles for the corpus tests: several layouts (the Hong Kong Commercial Daily page in
UTF-8, Big5-HKSCS and CRLF line ends), both scripts, spread over two years; two sub-districts report their cumulative
registrations at different dates, one report contradicts an earlier one; and a few files that are not articles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from articles import write_article

from analysis.corpus.analysing import PARTITIONS
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
    """Every file a run wrote under out, except its partitions, by path relative to out."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and PARTITIONS not in p.parts}
