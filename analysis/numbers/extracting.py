"""Every number an article reports: value, unit, qualifier, kind, subject, date and the sentence it came from. A range
prints two numbers and is two rows: its lower end (bound lower) and its upper end (bound upper)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import pandas as pd

from analysis.files import restored
from analysis.numbers.dates import find_dates
from analysis.numbers.numerals import (
    ANY_NUMERAL,
    CHINESE_DIGITS,
    NUMBER,
    RANGE_MARKS,
    TOTALS,
    bound,
    number_value,
    pair_range,
    read_number,
)
from analysis.numbers.subjects import subject_of
from analysis.reading.article import Article
from analysis.reading.characters import CLAUSE_BREAKS, is_han
from analysis.reading.script import to_simplified
from analysis.reading.sentences import sentences
from analysis.words.frequency import word_counts
from analysis.words.segmenting import dictionary_frequency, tokenize

COLUMNS = [
    "text", "value", "unit", "qualifier", "bound", "kind", "subject", "period", "date", "part",
    "sentence", "sentence_start", "start", "end", "raw_start", "raw_end", "raw_line",
]

CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
# a time of day (9:30, 20：15, 10時30分, 8时, 下午3點半): matched on the Simplified text, never a count
TIME_OF_DAY = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-4])(?:[:：][0-5]\d(?![\d.])|[时点](?:[0-5]?\d分|半)?)")
# a time of day just after a date (10月24日晚11時, 昨晨9時, 12日午夜 12時) belongs to the date's span
AT_TIME = re.compile(rf"\s?(?:早上|上午|中午|下午|傍晚|晚上|深夜|凌晨|午夜|早|晨|晚)?\s?{TIME_OF_DAY.pattern}")
# words of comparison just before a date (比上年, 較1-5月, 與去年同期相比), matched on the Simplified text
COMPARED = re.compile(r"(?:比|较|与|同|相比|对比)$")
CONTINUES = re.compile(r"\s*(?:其中|包括)")
# a verb of growth before 一倍 (增加一倍, 翻了一倍): doubled, a rise of 100 %; matched on the Simplified text (other
# multiples are left as printed: 增加3倍 is read as three times or four times)
GROWS = re.compile(r"(?:增加|增长|提高|上升|上涨|翻|多)了?$")
RANGE_MARK = re.compile(RANGE_MARKS)
# a verb of change just before a figure (增加6700人至…, 下降5%至3%): on the Simplified text
CHANGED = re.compile(r"(?:增加|增长|上升|上涨|下降|下跌|减少|提高|降低|回落|升|跌|增|减|降|涨)了?约?$")
# the title of a law, a plan, a book or a programme (《2023年區議會(修訂)條例》), with the chapter cited after it
# (《區議會條例》(第547章)): its numbers are part of a name
TITLE = re.compile(r"(?:《[^《》]*》|〈[^〈〉]*〉)(?:[(（][^()（）]{1,12}[)）])?")
# what a number names rather than counts, when it prints no unit: a house, a line or an exit (2號, 1號線), a floor
# (3樓), a room (1201室); matched on the Simplified text
LABELLED = ("号", "楼", "室")
# a telephone or fax number after its label (查詢熱線：2833 0011, 電話：(853)28123456); on the Simplified text
PHONE = re.compile(r"(?:(?:电话|热线|传真|手机)(?:号码)?\s*[:：]?|(?:查询|联络|联系|[Tt]el|TEL)\s*[:：])"
                   r"\s*[\d\s()（）+\-－]{6,}")
# a number with no unit glued to a name before a closing bracket or quote ((市民1), 「論壇2025」) labels the name
LABEL_END = re.compile(r"[)）」』]")


def clause_breaks(text: str) -> list[int]:
    """Offsets of the clause breaks in text, in order: found once per sentence, so each number's clause is a
    bisection away (a search for every break character from every number is quadratic on a long line)."""
    return [m.start() for m in CLAUSE_BREAK.finditer(text)]


def clause_around(text: str, start: int, end: int, breaks: list[int]) -> tuple[str, int]:
    """The clause of text that holds text[start:end] (between commas, quotes and stops), and where it starts;
    breaks are clause_breaks(text)."""
    before = bisect_left(breaks, start)
    left = breaks[before - 1] + 1 if before else 0
    after = bisect_left(breaks, end)
    right = breaks[after] if after < len(breaks) else len(text)
    return text[left:right], left


def starts_word(text: str, offset: int) -> bool:
    """True when the character at offset and the next form a word of jieba's dictionary (天職 in 第一天職)."""
    return bool(dictionary_frequency(to_simplified(text[offset : offset + 2])))


@lru_cache(maxsize=4096)  # a clause with several numbers is asked about once per number
def token_ends(clause: str) -> frozenset[int]:
    """Offsets in clause where a token ends: a unit must end on one (第一天職 is 第一 + 天職, not 第一天). Untagged
    segmentation, which is faster and cuts the same (tests/test_word_frequency.py)."""
    return frozenset(t.end for t in tokenize(clause, pos=False, new_words=False))


def find_numbers(text: str, taken: list[tuple[int, int]], simple: str | None = None) -> list[dict]:
    """Numbers in one sentence outside the spans already taken by dates (not overlapping) and times of day; `simple`
    is the sentence's Simplified form when the caller has it."""
    simple = to_simplified(text) if simple is None else simple
    if not ANY_NUMERAL.search(simple):
        return []
    taken = sorted([*taken, *(m.span() for m in TIME_OF_DAY.finditer(simple)),
                    *(m.span() for m in PHONE.finditer(simple))])
    breaks, found, next_taken = clause_breaks(text), [], 0
    for match in NUMBER.finditer(simple):
        start, end = match.span()
        while next_taken < len(taken) and taken[next_taken][1] <= start:
            next_taken += 1
        if next_taken < len(taken) and taken[next_taken][0] < end:
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before.isascii() and before.isalnum()) or before == "." or (after.isascii() and after.isalpha()):
            continue  # part of a code or a name (5G, COVID-19)
        if not (match["unit"] or match["ordinal"] or match["suffix"] or match["prefix"]) and (
                simple[end:end + 1] in LABELLED or (bool(before) and is_han(before) and LABEL_END.match(text, end))
                or re.match(r"0\d", simple[start:end]) or (bool(before) and before in "(（" and after in ")）")
                or (not text[:start].strip() and bool(after) and after in "、.．)）")):
            # a number's label (2號, 1號線, 3樓, 1201室, 市民1), a code (0011, 騰訊(700)) or a list's marker (1、, (1)),
            # not a figure
            continue
        clause, clause_start = clause_around(text, start, end, breaks)
        if match["unit"] and (end - clause_start not in token_ends(clause)
                              or (match["ordinal"] and starts_word(text, end - 1))):
            # the measure word begins a longer word (第一天職): read the number without it
            match = NUMBER.match(simple[: match.start("unit")], start)
            end = match.end()
        doubled = simple[start:end].endswith("一倍") and bool(GROWS.search(simple[max(0, start - 3):start]))
        reading = read_number(match, text, doubled or bool(TOTALS.search(simple[max(0, start - 2):start])))
        if reading is None:
            continue
        value, unit, kind = reading if not doubled else (100.0, "%", "percent")
        # an approximate pair (兩三百) or a vague magnitude (成千上萬) is its own qualifier: it is a range
        pair = "numeral" if match["numeral"] and pair_range(match["numeral"]) else None
        groups = ("vague", "places", "prefix", pair, "upper", "inner", "suffix")
        qualifier = " ".join(text[match.start(q):match.end(q)] for q in groups if q and match[q])
        row = {"text": text[start:end], "value": value, "unit": unit, "qualifier": qualifier, "kind": kind,
               "subject": subject_of(clause, start - clause_start, end - clause_start), "date": "",
               "start": start, "end": end}
        found.extend(range_ends(row, match, text, clause, clause_start) if match["upper"] and not pair else [row])
    return ranges_of_figures(text, shared_units(text, found))


def range_ends(row: dict, match: re.Match, text: str, clause: str, clause_start: int) -> list[dict]:
    """A range (100至200名, 16-24歲) as two rows: the lower end (its own span, with the unit the two share and the
    rest of the range, 至200, as its qualifier: bound lower) and the upper end (200名, with the start, 100至, as its
    qualifier: bound upper)."""
    mark = RANGE_MARK.match(match["upper"])
    upper_start = match.start("upper") + mark.end()
    upper = NUMBER.match(match.string, upper_start, match.end())
    reading = read_number(upper, text, counted=True) if upper else None
    if reading is None:
        return [row]
    start, end = row["start"], row["end"]
    prefix = text[match.start("prefix"):match.end("prefix")] if match["prefix"] else ""
    rest = text[match.start("upper"):match.end("upper")]
    lower = row | {"text": text[start:match.start("upper")], "qualifier": " ".join(filter(None, (prefix, rest))),
                   "end": match.start("upper"),
                   "subject": subject_of(clause, start - clause_start, match.start("upper") - clause_start)}
    suffix = text[match.start("suffix"):match.end("suffix")] if match["suffix"] else ""
    value, unit, kind = reading
    higher = row | {"text": text[upper_start:end], "value": value, "unit": unit, "kind": kind, "start": upper_start,
                    "qualifier": " ".join(filter(None, (text[start:upper_start], suffix))),
                    "subject": subject_of(clause, upper_start - clause_start, end - clause_start)}
    if not is_range(row["value"], value, match.string[:start]):
        lower["qualifier"], higher["qualifier"] = prefix, suffix  # 增加6700至141700人: a change, then a level
    return [lower, higher]


def is_range(low: float, high: float, before: str) -> bool:
    """Whether two figures joined by 至 or a dash are a range's ends: the second is the larger, and not a level
    reached after a change by the first (失業人數增加6700人至141700人; `before` is the Simplified text before)."""
    return high > low and not (CHANGED.search(before) and high > 10 * low)


def ranges_of_figures(text: str, found: list[dict]) -> list[dict]:
    """Two figures of one unit joined by a range mark, each printing its unit (15%至20%, 5萬元至10萬元), are the ends
    of a range: the first a lower bound, the second an upper one."""
    for first, second in pairwise(found):
        between = text[first["end"]:second["start"]]
        if not between and second["text"][0] in "-−" and first["unit"] == second["unit"]:
            # 15%-20%: the hyphen read as the second's sign is the range's mark
            between = second["text"][0]
            second.update(text=second["text"][1:], value=-second["value"], start=second["start"] + 1)
        if (RANGE_MARK.fullmatch(between) and first["unit"] and first["unit"] == second["unit"]
                and not first["qualifier"] and not second["qualifier"]
                and is_range(first["value"], second["value"], to_simplified(text[:first["start"]]))):
            first["qualifier"] = between + second["text"]
            second["qualifier"] = first["text"] + between
    return found


# a list of figures that share the unit printed after the last (提高13.2、5.6、0.7個百分點; 分別為3、5、8人)
LIST_MARK = re.compile(r"[、和及与與]|以及")


def shared_units(text: str, found: list[dict]) -> list[dict]:
    """Numbers of a list separated by 、 (or 和, 及) that print no unit take the unit of the list's last item."""
    for n in range(len(found) - 2, -1, -1):
        item, following = found[n], found[n + 1]
        if (not item["unit"] and item["kind"] == "count" and following["unit"]
                and LIST_MARK.fullmatch(text[item["end"]:following["start"]])):
            item["unit"], item["kind"] = following["unit"], following["kind"]
            if following["kind"] == "percent":
                item["unit"] = "%"
    return found


def cut_off(number: dict, offset: int, text: str) -> bool:
    """True for a bare number that ends a text stopping mid-sentence (撥出2, as a stored excerpt ends): its digits
    and its unit may be cut, so it is no figure. `offset` is where the number's sentence starts in text."""
    return not (number["unit"] or number["qualifier"] or text[offset + number["end"]:].strip())


def with_time(date: dict, text: str, simple: str) -> dict:
    """A date row with the time of day printed just after it, if any, in its span (the ISO date stays the day's)."""
    time = AT_TIME.match(simple, date["end"])
    return date | {"text": text[date["start"]:time.end()], "end": time.end()} if time else date


def extract_statistics(article: Article) -> pd.DataFrame:
    """One row per numeric expression in article.text, in reading order (see COLUMNS and the README)."""
    return statistics_table(statistics_columns(article))


def statistics_table(columns: dict[str, list]) -> pd.DataFrame:
    """A table of statistics_columns' lists (after any column that leads them, as a corpus's article)."""
    table = pd.DataFrame(columns)
    table["value"] = table["value"].astype(float)  # float even with no rows
    return table


def statistics_columns(article: Article) -> dict[str, list]:
    """extract_statistics' table as a list per column (COLUMNS, in order): what a corpus run carries per article."""
    # built column by column, sentence by sentence: a list of row dicts would hold the table several times over
    columns: dict[str, list] = {column: [] for column in COLUMNS}
    period = ""
    for sentence in sentences(article.text):
        simple = to_simplified(sentence.text)
        titles = [m.span() for m in TITLE.finditer(sentence.text)]
        dates = [with_time(d, sentence.text, simple) for d in find_dates(sentence.text, article.published, simple)
                 if not any(start <= d["start"] < end for start, end in titles)]
        numbers = [n for n in find_numbers(sentence.text, [(d["start"], d["end"]) for d in dates] + titles, simple)
                   if not cut_off(n, sentence.start, article.text)]
        date_rows = [d | {"value": float("nan"), "unit": "", "kind": "date", "subject": ""} for d in dates]
        # a sentence that opens with 其中 or 包括 goes on with the figures of the sentence before, in its period
        period = period if CONTINUES.match(simple) else ""
        for row in sorted(date_rows + numbers, key=lambda row: row["start"]):
            if row["kind"] == "date":
                if not COMPARED.search(simple[:row["start"]]):
                    period = row["text"]  # the date of a comparison (比上年, 較1-5月) is not the figures' period
                row["period"] = ""
            else:
                row["period"] = period
            start, end = sentence.start + row["start"], sentence.start + row["end"]
            raw_start, raw_end = article.raw_span(start, end)
            row |= {
                "bound": bound(row["qualifier"]), "part": article.part_at(start)[0], "sentence": sentence.text,
                "sentence_start": sentence.start, "start": start, "end": end, "raw_start": raw_start,
                "raw_end": raw_end, "raw_line": article.raw_line(start),
            }
            for column, values in columns.items():
                values.append(row[column])
    return columns


def read_statistics(path: str | Path) -> pd.DataFrame:
    """statistics.csv as extract_statistics gave it: text columns as strings ('' when empty), value as float."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no statistics table; notebook 03_figure_extraction writes it")
    text = {c: str for c in COLUMNS if c not in {"value", "sentence_start", "start", "end", "raw_start", "raw_end",
                                                 "raw_line"}}
    return restored(pd.read_csv(path, dtype=text, keep_default_na=False, na_values={"value": [""]}))


def numerals_left_out(article: Article, statistics: pd.DataFrame) -> pd.DataFrame:
    """Words with a numeral character that the extraction did not read as a number (一切, 四史), with counts."""
    taken = set()
    for start, end in zip(statistics["start"], statistics["end"], strict=True):
        taken.update(range(start, end))
    # banker's numerals are left out: their characters are mostly other words (隊伍, 大陸, 收拾)
    numeral_characters = set(to_simplified(CHINESE_DIGITS)) | set("0123456789")
    found: dict[str, list[int]] = {}
    for token in tokenize(article.text, pos=False):
        offsets = [token.start + i for i, c in enumerate(to_simplified(token.word)) if c in numeral_characters]
        if offsets and not taken.intersection(offsets):
            found.setdefault(token.word, []).append(article.raw_line(token.start))
    rows = [{"word": word, "count": len(lines), "raw_lines": ", ".join(map(str, lines))}
            for word, lines in found.items()]
    return pd.DataFrame(rows, columns=["word", "count", "raw_lines"])


def warm_up() -> None:
    """Run each step once on a few words, so that jieba's dictionaries, the tagger, the stop words and cn2an are
    loaded before the first article (in a corpus worker, or in the process the notebooks' kernels are forked from)."""
    word_counts("西鄉街道")
    tokenize("西鄉街道")
    number_value("五十八萬")
