"""Measure how well each way of finding a saved web page's main text keeps the article's paragraphs and nothing else,
on the web pages of tests/articles.py (pages in the shapes of news sites, portals with hot lists and comments, a
table-layout government portal), in both scripts. Prints pooled character precision and recall (Han characters and
digits) and the share of the article's paragraphs found whole, as one line.

Each way: trafilatura with favor_precision, its balanced settings, favor_recall, its baseline; the chain the loader
uses (analysis.webpages.main_text: precision, then balanced, then baseline, lines of links left out) and the same chain
with favor_recall in place of the balanced settings; and the loaded Article's paragraphs and captions (after the
layouts leave out date lines, bylines and furniture, and subheadings and captions are put back).
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

import lxml.html
from trafilatura import bare_extraction, baseline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from articles import HTML_PAGES, in_script

from analysis import load_article
from analysis.reading import webpages
from analysis.reading.cleaning import clean_line
from analysis.reading.webpages import EXTRACTION, headline_forms, link_texts, main_text, meta_titles


def characters(lines: list[str]) -> Counter:
    """The Han characters and digits of some lines, counted (what precision and recall are measured on)."""
    return Counter(c for line in lines for c in clean_line(line) if c.isdigit() or "\u4e00" <= c <= "\u9fff")


def ways(html: str) -> dict[str, list[str]]:
    """The main text's lines by each way of finding it."""
    tree = lxml.html.document_fromstring(html)
    found = {}
    for name, settings in (("precision", {"favor_precision": True}), ("balanced", {}),
                           ("recall", {"favor_recall": True})):
        document = bare_extraction(html, **EXTRACTION, **settings)
        found[name] = (document.text or "").splitlines() if document else []
    found["baseline"] = baseline(html)[1].splitlines()
    titles = headline_forms([*meta_titles(tree), " ".join(tree.findtext(".//title", "").split())])
    chain = main_text(html, link_texts(tree), titles)
    found["loader chain"] = chain[1] if chain else []
    saved = webpages.EXTRACTIONS
    webpages.EXTRACTIONS = ({"favor_precision": True}, {"favor_recall": True})
    chain = main_text(html, link_texts(tree), titles)
    webpages.EXTRACTIONS = saved
    found["chain, recall"] = chain[1] if chain else []
    return found


def loaded(html: str) -> list[str]:
    """The paragraphs and captions of the Article the loader reads from a page."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(html, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = load_article(path)
    return [p.text for p in article.paragraphs] + [c.text for c in article.captions]


def main() -> None:
    """Print pooled precision and recall of each way over every test web page in both scripts."""
    totals: dict[str, list[int]] = {}
    for _name, build in HTML_PAGES.items():
        for script in ("traditional", "simplified"):
            (html,), expected = in_script([build()[0]], build()[1], script)
            gold = characters(expected["paragraphs"]) + characters([c[0] for c in expected["captions"]])
            for way, lines in (ways(html) | {"loaded article": loaded(html)}).items():
                got = characters(lines)
                kept = sum((got & gold).values())
                total = totals.setdefault(way, [0, 0, 0, 0, 0])
                total[0] += kept
                total[1] += sum(got.values())
                total[2] += sum(gold.values())
                lines = {clean_line(line).strip() for line in lines}
                total[3] += sum(paragraph in lines for paragraph in expected["paragraphs"])
                total[4] += len(expected["paragraphs"])
    print(f"{'way':14s} precision recall paragraphs whole  ({len(HTML_PAGES)} pages, two scripts)")
    for way, (kept, got, gold, whole, paragraphs) in totals.items():
        print(f"{way:14s} {kept / got if got else 0:9.3f} {kept / gold:6.3f} {whole / paragraphs:17.3f}")


if __name__ == "__main__":
    main()
