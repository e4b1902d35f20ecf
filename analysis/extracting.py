"""Every number an article reports: value, unit, qualifier, kind, subject, date and the sentence it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.article import Article
from analysis.characters import CLAUSE_BREAKS
from analysis.dates import find_dates
from analysis.numerals import CHINESE_DIGITS, NUMBER, bound, read_number
from analysis.script import to_simplified
from analysis.segmenting import segmenter, tokenize
from analysis.subjects import clause_tokens, subject_of

COLUMNS = [
    "text", "value", "unit", "qualifier", "bound", "kind", "subject", "period", "date", "part",
    "sentence", "sentence_start", "start", "end", "raw_start", "raw_end", "raw_line",
]

SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[」』）)]*)?")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's text and where it starts."""

    text: str
    start: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text: up to 。！？ (with any closing quote) or the end of a line."""
    return [Sentence(m.group(), m.start()) for m in SENTENCE.finditer(text)]


def clause_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause of text that holds text[start:end] (between commas, quotes and stops), and where it starts."""
    left = max((text.rfind(c, 0, start) for c in CLAUSE_BREAKS), default=-1) + 1
    right = min((i for c in CLAUSE_BREAKS if (i := text.find(c, end)) >= 0), default=len(text))
    return text[left:right], left


def starts_word(text: str, offset: int) -> bool:
    """True when the character at offset and the next form a word of jieba's dictionary (天職 in 第一天職)."""
    return bool(segmenter().tokenizer.FREQ.get(to_simplified(text[offset : offset + 2])))


def token_ends(clause: str) -> set[int]:
    """Offsets in clause where a token ends: a unit must end on one (第一天職 is 第一 + 天職, not 第一天)."""
    return {t.end for t in clause_tokens(clause)}


def find_numbers(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    """Numbers in one sentence outside the spans already taken by dates."""
    found = []
    for match in NUMBER.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before.isascii() and before.isalnum()) or before == "." or (after.isascii() and after.isalpha()):
            continue  # part of a code or a name (5G, COVID-19)
        clause, clause_start = clause_around(text, start, end)
        ends_word = end - clause_start in token_ends(clause)
        if match["unit"] and (not ends_word or (match["ordinal"] and starts_word(text, end - 1))):
            # the measure word begins a longer word (第一天職): read the number without it
            match = NUMBER.match(text[: match.start("unit")], start)
            end = match.end()
        reading = read_number(match)
        if reading is None:
            continue
        value, unit, kind = reading
        qualifier = " ".join(q for q in (match["prefix"], match["inner"], match["suffix"]) if q)
        found.append({
            "text": text[start:end], "value": value, "unit": unit, "qualifier": qualifier, "kind": kind,
            "subject": subject_of(clause, start - clause_start, end - clause_start), "date": "",
            "start": start, "end": end,
        })
    return found


def extract_statistics(article: Article) -> pd.DataFrame:
    """One row per numeric expression in article.text, in reading order (see COLUMNS and the README)."""
    rows = []
    for sentence in sentences(article.text):
        dates = find_dates(sentence.text, article.published)
        numbers = find_numbers(sentence.text, [(d["start"], d["end"]) for d in dates])
        date_rows = [d | {"value": float("nan"), "unit": "", "kind": "date", "subject": ""} for d in dates]
        found = sorted(date_rows + numbers, key=lambda row: row["start"])
        period = ""
        for row in found:
            if row["kind"] == "date":
                period = row["text"]
                row["period"] = ""
            else:
                row["period"] = period
            start, end = sentence.start + row["start"], sentence.start + row["end"]
            raw_start, raw_end = article.raw_span(start, end)
            rows.append(row | {
                "bound": bound(row["qualifier"]), "part": article.part_at(start)[0], "sentence": sentence.text,
                "sentence_start": sentence.start, "start": start, "end": end, "raw_start": raw_start,
                "raw_end": raw_end, "raw_line": article.raw_line(start),
            })
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["value"] = table["value"].astype(float)  # float even with no rows; astype on the whole frame is slower
    return table


def read_statistics(path: str | Path) -> pd.DataFrame:
    """statistics.csv as extract_statistics gave it: text columns as strings ('' when empty), value as float."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no statistics table; notebook 03_figure_extraction writes it")
    text = {c: str for c in COLUMNS if c not in {"value", "sentence_start", "start", "end", "raw_start", "raw_end",
                                                 "raw_line"}}
    return pd.read_csv(path, dtype=text, keep_default_na=False, na_values={"value": [""]})


def numerals_left_out(article: Article, statistics: pd.DataFrame) -> pd.DataFrame:
    """Words with a numeral character that the extraction did not read as a number (一切, 四史), with counts."""
    taken = set()
    for start, end in zip(statistics["start"], statistics["end"], strict=True):
        taken.update(range(start, end))
    numeral_characters = set(CHINESE_DIGITS) | set("0123456789")
    found: dict[str, list[int]] = {}
    for token in tokenize(article.text, pos=False):
        offsets = [token.start + i for i, c in enumerate(token.word) if c in numeral_characters]
        if offsets and not taken.intersection(offsets):
            found.setdefault(token.word, []).append(token.start)
    rows = [{"word": word, "count": len(starts), "raw_lines": ", ".join(str(article.raw_line(s)) for s in starts)}
            for word, starts in found.items()]
    return pd.DataFrame(rows, columns=["word", "count", "raw_lines"])
