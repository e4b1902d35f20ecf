"""Every number an article reports: value, unit, qualifier, kind, subject, date and the sentence it came from."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.article import Article
from analysis.numbers import CHINESE_DIGITS, NUMERAL, is_chinese_numeral, number_value
from analysis.script import to_simplified
from analysis.segmenting import Token, segmenter, tokenize

COLUMNS = [
    "text", "value", "unit", "qualifier", "bound", "kind", "subject", "period", "date", "part",
    "sentence", "sentence_start", "start", "end", "raw_start", "raw_end", "raw_line",
]

# measure words and signs, longest first so 個月 wins over 個
UNITS = sorted([
    "人", "名", "位", "個", "篇", "次", "項", "組", "場", "支", "家", "所", "間", "條", "部", "期", "件", "隊", "團",
    "套", "本", "張", "元", "戶", "座", "棟", "幢", "輛", "台", "臺", "屆", "批", "輪", "節", "堂", "門", "頁", "份",
    "類", "種", "處", "宗", "例", "倍", "歲", "年", "天", "週", "周", "個月", "小時", "分鐘", "公里", "平方米",
    "個百分點", "百分點", "萬元", "億元", "港元", "美元",
], key=len, reverse=True)
DURATION_UNITS = {"年", "天", "週", "周", "個月", "小時", "分鐘"}
MONEY_UNITS = {"元", "萬元", "億元", "港元", "美元"}
PERSON_UNITS = {"人", "名", "位"}

# how a qualifier bounds the number it goes with
LOWER = ("超過", "至少", "不少於", "多達", "逾", "餘", "多", "以上")
UPPER = ("不足", "不到", "將近", "近", "以下", "以內")  # 近千名: nearly a thousand, so not more
APPROXIMATE = ("大約", "約", "左右")
# 多 only between number and unit (330多人); after a unit it starts a word too often (人多, 最多)
PREFIX = "|".join(q for q in LOWER + UPPER + APPROXIMATE if q not in ("餘", "多", "以上", "以下", "以內", "左右"))
INNER = "餘|多"
SUFFIX = "以上|以下|以內|左右"

NUMBER = re.compile(
    rf"(?P<prefix>{PREFIX})?(?P<ordinal>第)?(?P<percent_of>百分之)?(?P<numeral>{NUMERAL})(?P<inner>{INNER})?"
    rf"(?P<unit>%|成(?![立為功員果效績長就本熟交型分])|{'|'.join(UNITS)})?(?P<suffix>{SUFFIX})?"
)
RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
# a date starts with a digit or 前去今明; without the lookahead this all-optional pattern matches at every character
DATE = re.compile(
    r"(?=[0-9前去今明])(?:(?P<year>(?:19|20)\d\d)年|(?P<relative>前年|去年|今年|明年))?"
    r"(?:(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])[日號])?)?"
    r"(?P<end>底)?(?P<suffix>以來)?"
)
# 年底 on its own is the end of the publication year; 年初 and 年終 are left alone, as in 年終考核 they name a
# yearly routine, not a date
YEAR_END = re.compile(r"(?<![前去今明\d])年底")
SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[」』）)]*)?")
CLAUSE_BREAK = "，,；;：:。！？!?、\n（）()【】 "
ADMINISTRATIVE = {"街道", "社區", "區", "市", "鎮", "村", "縣", "省"}
# words that link a subject to its number (註冊人數達41550人, 覆蓋率為100%) and are skipped when looking left
LINKS = {"達", "達到", "為", "是", "有", "共", "共有", "計", "共計", "總共", "合計", "總計", "約為", "已", "已有", "僅",
         "其中", "了", "逾", "近", "約", "超過"}


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's text and where it starts."""

    text: str
    start: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text: up to 。！？ (with any closing quote) or the end of a line."""
    return [Sentence(m.group(), m.start()) for m in SENTENCE.finditer(text)]


def bound(qualifier: str) -> str:
    """exact, lower, upper or approximate: what a qualifier says about the number."""
    words = qualifier.split()
    if any(w in LOWER for w in words):
        return "lower"
    if any(w in UPPER for w in words):
        return "upper"
    return "approximate" if any(w in APPROXIMATE for w in words) else "exact"


def resolve_date(match: re.Match, published: datetime) -> str:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a date expression, relative ones read from the publication date."""
    year = int(match["year"]) if match["year"] else published.year + RELATIVE_YEARS.get(match["relative"], 0)
    if match["end"]:
        return f"{year:04d}-12"
    if not match["month"]:
        return f"{year:04d}"
    month = int(match["month"])
    day = int(match["day"]) if match["day"] else None
    if not (match["year"] or match["relative"]) and (month, day or 1) > (published.month, published.day):
        year -= 1  # a bare month and day later than the publication date is last year's
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_dates(text: str, published: datetime) -> list[dict]:
    """Date expressions in text: 2019年1月, 7月22日, 今年, 去年3月, 年底, with their ISO dates."""
    found = []
    for match in DATE.finditer(text):
        has_year = match["year"] or match["relative"]
        if not (has_year or match["month"]) or (match["end"] and not has_year):
            continue
        qualifier = match["suffix"] or ""
        found.append({"text": match.group(), "start": match.start(), "end": match.end(), "qualifier": qualifier,
                      "date": resolve_date(match, published)})
    for match in YEAR_END.finditer(text):
        found.append({"text": match.group(), "start": match.start(), "end": match.end(), "qualifier": "",
                      "date": f"{published.year:04d}-12"})
    return found


@lru_cache(maxsize=4096)  # bounded: over a large corpus most clauses are new, and each entry is about 1.5 KB
def clause_tokens(clause: str) -> tuple[Token, ...]:
    """The clause's tokens with parts of speech (a clause recurs across a corpus, so recent ones are cached)."""
    return tuple(tokenize(clause))


def is_noun(token: Token) -> bool:
    """Nouns of any kind, verbal nouns (活動), abbreviations (黨委) and set phrases (活躍度)."""
    return token.pos.startswith("n") or token.pos in {"vn", "j", "l"}


def is_punctuation(token: Token) -> bool:
    """Punctuation or whitespace: where a subject phrase stops."""
    return token.pos == "x" or not token.word.strip()


def noun_run(tokens: list[Token]) -> list[Token]:
    """The nouns at the start of tokens."""
    run = []
    for token in tokens:
        if not is_noun(token):
            break
        run.append(token)
    return run


def subject_after(after: list[Token]) -> str:
    """What a number counts, read from the words after it: 26個黨委, 501人的巾幗宣講隊, 135篇被…採用."""
    if after and after[0].word == "的":
        return "".join(t.word for t in noun_run(after[1:]))
    if after and after[0].word == "被":
        # passive: the number counts what had the verb done to it (已有135篇被「學習強國」採用)
        return "".join(t.word for t in after)
    if len(after) > 1 and after[0].pos == "a" and len(after[0].word) == 1 and is_noun(after[1]):
        return after[0].word + after[1].word  # 百年大黨: a one-character adjective and its noun
    # one noun, extended only by an organisation's abbreviation (社區黨委); jieba tags too many words as nouns
    # (網民圍觀, 隊員精彩) for a longer run to be safe
    run = noun_run(after)[:2]
    if len(run) == 2 and run[1].pos != "j":
        run = run[:1]
    return "".join(t.word for t in run)


def subject_before(before: list[Token]) -> str:
    """What a number counts, read from the words before it: 註冊人數達41550人, 其中黨員5071人, 點擊量達15000餘次."""
    words = list(before)
    while words and words[-1].word in LINKS:
        words.pop()
    run = noun_run(words[::-1])[::-1]
    if len(run) == 1 and len(run[0].word) == 1 and len(words) > 1 and not is_punctuation(words[-2]):
        run = words[-2:]  # a one-character noun is a suffix (點擊|量, 上|稿): keep the word it completes
    places = [i for i, t in enumerate(run[:-1]) if t.pos == "ns" or (i and t.word in ADMINISTRATIVE)]
    if places:
        run = run[places[-1] + 1 :]  # 西鄉街道註冊人數, 新安|街道|註冊人數: the place is where, not what
    if len(run) > 1 and len(words) > len(run) and is_count_word(words[-len(run) - 1]):
        run = run[1:]  # 24個黨支部黨員覆蓋率: 黨支部 is what the number before counts
    return "".join(t.word for t in run)


def is_count_word(token: Token) -> bool:
    """A numeral or measure word as jieba tags it (41550, 四十八, 個)."""
    return token.pos in {"m", "q", "eng", "zg"}


def subject_of(clause: str, start: int, end: int) -> str:
    """What the number at clause[start:end] counts: the words after it, else the words before it."""
    # each side segmented on its own, so no token straddles the number (第一天|職 would leave 職)
    after, before = list(clause_tokens(clause[end:])), list(clause_tokens(clause[:start]))
    found = subject_after(after) if after and not is_punctuation(after[0]) else ""
    if not found and before and before[-1].word in "「『":
        # a number that opens a quotation (「四個最多」): the rest of the quotation is what it counts
        found = "".join(t.word for t in itertools.takewhile(lambda t: t.word not in "」』", after))
    if not found and before and is_count_word(before[-1]):
        before = []  # the words before belong to the number before this one
    return found or subject_before(before)


def clause_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause of text that holds text[start:end] (between commas, quotes and stops), and where it starts."""
    left = max((text.rfind(c, 0, start) for c in CLAUSE_BREAK), default=-1) + 1
    right = min((i for c in CLAUSE_BREAK if (i := text.find(c, end)) >= 0), default=len(text))
    return text[left:right], left


def starts_word(text: str, offset: int) -> bool:
    """True when the character at offset and the next form a word of jieba's dictionary (天職 in 第一天職)."""
    return bool(segmenter().tokenizer.FREQ.get(to_simplified(text[offset : offset + 2])))


def token_ends(clause: str) -> set[int]:
    """Offsets in clause where a token ends: a unit must end on one (第一天職 is 第一 + 天職, not 第一天)."""
    return {t.end for t in clause_tokens(clause)}


def read_number(match: re.Match) -> tuple[float, str, str] | None:
    """value, unit and kind of a number match; None for what only looks like a number."""
    numeral, unit = match["numeral"], match["unit"] or ""
    chinese = is_chinese_numeral(numeral)
    if chinese and not (unit or match["percent_of"] or match["ordinal"]):
        return None  # 四史, 一督: a Chinese numeral with no measure word is part of a name or a set phrase
    if numeral == "一" and not (match["ordinal"] or match["prefix"] or match["inner"]):
        return None  # 一套, 一個: the indefinite article, not a reported count
    try:
        value = number_value(numeral)
    except ValueError:
        return None
    if match["ordinal"]:
        return value, unit, "ordinal"
    if match["percent_of"] or unit == "%":
        return value, "%", "percent"
    if unit == "成":
        return value * 10, "%", "percent"  # 成 counts tenths: 三成 is 30 %
    if unit in DURATION_UNITS:
        return value, unit, "duration"
    if unit in MONEY_UNITS:
        return value, unit, "amount"
    return value, unit, "count"


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


def photo_figures(article: Article) -> pd.DataFrame:
    """The photo captions as a table: position, label, caption, credit and the paragraph each follows."""
    rows = []
    for position, caption in enumerate(article.captions, start=1):
        # after_paragraph is -1 for a caption printed before the first paragraph
        after = article.paragraphs[caption.after_paragraph] if caption.after_paragraph >= 0 else None
        rows.append({
            "position": position, "label": caption.label, "caption": caption.text, "credit": caption.credit,
            "after_paragraph": caption.after_paragraph + 1, "paragraph_opening": after.text[:24] if after else "",
            "start": caption.start, "end": caption.end, "raw_line": article.raw_line(caption.start),
        })
    columns = ["position", "label", "caption", "credit", "after_paragraph", "paragraph_opening", "start", "end",
               "raw_line"]
    return pd.DataFrame(rows, columns=columns)


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
