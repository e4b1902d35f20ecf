"""How well the project reads real pages: title, date, outlet and every reported number, against the hand-made gold of
the development pages (tests/pages/gold.json; see tests/pages/README.md).

    python benchmarks/pages.py [--pages DIR] [--json OUT] [--verbose]

A gold number is found when a row of `extract_statistics` covers its span (the one text holds the other) with the
same value (a change by its size: the gold signs decreases, the extraction keeps the number as printed and says
the direction in the audit); a row found for no gold number is a false positive (a date line, a byline, a name's
number …). The gold lists dates only where they print a numeral: the relative dates the extraction keeps as dates
of their own (今年, 昨日, 上月) are left out of the score. Precision and recall are pooled over the pages; bounds
are scored on the found numbers whose gold bound is not exact. A gold name (person, place, organisation,
campaign) is whole when `analysis.tokenize` gives it as one token wherever the text prints it."""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
import warnings
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import extract_statistics, load_article, tokenize
from analysis.reading.article import ArticleWarning

NUMERAL = re.compile(r"[0-9０-９〇○零一二兩两三四五六七八九十百千萬万億亿廿卅壹貳贰參叁肆伍陸陆柒捌玖拾佰仟]")
PAGES = Path(__file__).resolve().parents[1] / "tests" / "pages"


def same_value(gold, found, kind: str = "") -> bool:
    """Whether a gold value and an extracted one agree (both missing counts as agreeing; a change by its size)."""
    if gold is None or found is None or (isinstance(found, float) and math.isnan(found)):
        return gold is None
    if kind == "change":
        gold, found = abs(float(gold)), abs(float(found))
    return math.isclose(float(gold), float(found), rel_tol=1e-9, abs_tol=1e-9)


def has_numeral(text: str) -> bool:
    """Whether a span prints a number: a digit or a Chinese numeral."""
    return bool(NUMERAL.search(text))


def folded(text: str) -> str:
    """Text whatever the width of its punctuation (cleaning makes ASCII marks beside Chinese fullwidth: 明(13)日 is
    printed 明（13）日) and its spacing."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def covers(a: str, b: str) -> bool:
    """Whether one span holds the other, whatever the width of their punctuation."""
    a, b = folded(a), folded(b)
    return bool(a) and bool(b) and (a in b or b in a)


def same_text(found: str, gold: str) -> bool:
    """Whether two titles are the same text, whatever the width of their punctuation and their spacing."""
    return folded(found) == folded(gold)


def published_matches(gold: str | None, found) -> bool:
    """Whether the date read is the gold's, to the precision the gold gives (a date, or date and time)."""
    if gold is None:
        return found is None
    if found is None:
        return False
    if len(gold) == 10:
        return (found.date() if isinstance(found, datetime) else found) == date.fromisoformat(gold)
    moment = datetime.fromisoformat(gold)
    return isinstance(found, datetime) and found.replace(second=0) == moment.replace(second=0)


def score_page(page: dict, folder: Path) -> dict:
    """One page's reading against its gold."""
    path = folder / page["file"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ArticleWarning)
            article = load_article(path)
    except (ValueError, OSError) as error:
        return {"file": page["file"], "error": str(error), "gold": len(page["numbers"])}
    rows = extract_statistics(article)
    rows = rows[(rows["kind"] != "date") | rows["text"].map(has_numeral)]
    used, missed, bounds = set(), [], []
    for number in page["numbers"]:
        for index, row in rows.iterrows():
            if index in used or not covers(number["text"], row["text"]):
                continue
            if number["kind"] != "date" and not same_value(number["value"], row["value"], number["kind"]):
                continue
            used.add(index)
            if number["bound"] != "exact":
                bounds.append(number["bound"] == row["bound"])
            break
        else:
            missed.append(number["text"])
    tokens = {token.word for token in tokenize(article.text)}
    printed = [name for kind in page["names"].values() for name in kind if name in article.text]
    outlet = getattr(article, "outlet", None) or article.source
    return {
        "file": page["file"],
        "title": page["title"] is None or same_text(article.title, page["title"]),
        "published": published_matches(page["published"], article.published),
        "outlet": outlet == page["outlet"],
        "gold": len(page["numbers"]),
        "rows": len(rows),
        "found": len(page["numbers"]) - len(missed),
        "bounds": bounds,
        "unmatched_rows": [row["text"] for index, row in rows.iterrows() if index not in used],
        "missed": missed,
        "names": len(printed),
        "names_whole": sum(name in tokens for name in printed),
        "names_split": [name for name in printed if name not in tokens],
    }


def summary(scores: list[dict]) -> dict:
    """Pooled figures over the pages."""
    read = [s for s in scores if "error" not in s]
    gold = sum(s["gold"] for s in scores)
    rows = sum(s["rows"] for s in read)
    found = sum(s["found"] for s in read)
    bounds = [b for s in read for b in s["bounds"]]
    return {
        "pages": len(scores),
        "loaded": len(read),
        "title": sum(s["title"] for s in read),
        "published": sum(s["published"] for s in read),
        "outlet": sum(s["outlet"] for s in read),
        "recall": round(found / gold, 3) if gold else None,
        "precision": round(found / rows, 3) if rows else None,
        "bounds": round(sum(bounds) / len(bounds), 3) if bounds else None,
        "names_whole": round(sum(s["names_whole"] for s in read) / max(1, sum(s["names"] for s in read)), 3),
    }


def main(argv: list[str] | None = None) -> int:
    """Score every development page and print the pooled figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--json", type=Path, help="write every page's scores here")
    parser.add_argument("--verbose", action="store_true", help="list each page's misses and extra rows")
    args = parser.parse_args(argv)
    gold = json.loads((args.pages / "gold.json").read_text(encoding="utf-8"))
    scores = [score_page(page, args.pages) for page in gold]
    for s in scores:
        if "error" in s:
            print(f"{s['file']}: not loaded: {s['error']}")
        elif args.verbose:
            flags = " ".join(k for k in ("title", "published", "outlet") if not s[k])
            wrong = f" wrong: {flags}" if flags else ""
            print(f"{s['file']}: {s['found']}/{s['gold']} found, {s['rows']} rows{wrong}")
            print(f"    missed: {s['missed']}\n    extra: {s['unmatched_rows']}\n    names split: {s['names_split']}")
    total = summary(scores)
    print(json.dumps(total, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"summary": total, "pages": scores}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
