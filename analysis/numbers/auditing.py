"""Check the relations an article's numbers imply: parts of a total, bounds, ratios and percentages."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.numbers.numerals import PERSON_UNITS
from analysis.reading.characters import has_clause_break

COLUMNS = ["relation", "kind", "status", "detail", "values", "rows", "sentences", "reference"]
HOLDS, FAILS, UNKNOWN = "holds", "does not hold", "cannot tell"
# 其中 introduces the parts of the total before it (註冊人數達41550人，其中黨員5071人，群眾36479人)
PARTS_MARKER = "其中"
# verbs by which one group leads another (2名黨員帶領846名保安學習)
LEADS = re.compile(r"帶領|帶動|帶著|聯繫|幫扶|結對|指導")
# words that make a number a change, not a part of a total (其中黨員比去年增加三成)
CHANGE = re.compile(r"增加|增長|增幅|提高|提升|上升|下降|減少|降低|同比|環比")
# measure words that count anything: a part counted in one must name something of the total's kind
GENERIC_UNITS = {"個", "項", "次", "種", "家", "間", "場", "處", "批", "條"}
# 餘 and 多 after a number: more than it, but less than the next step of its last non-zero digit
ODD = {"餘", "多"}


@dataclass(frozen=True)
class Reading:
    """One extracted count and the interval its qualifier allows (approximate numbers allow anything)."""

    index: int
    text: str
    value: float
    unit: str
    subject: str
    low: float
    high: float
    sentence: str
    sentence_start: int
    start: int
    end: int

    @classmethod
    def of(cls, index: int, row) -> Reading:
        """The reading of a statistics row."""
        low, high = {
            "exact": (row.value, row.value),
            "lower": (row.value, math.inf),
            "upper": (0.0, row.value),
        }.get(row.bound, (0.0, math.inf))
        if set(row.qualifier.split()) & ODD and row.bound == "lower":
            high = row.value + odd_step(row.value)
        return cls(index, row.text, row.value, row.unit, row.subject, low, high, row.sentence, row.sentence_start,
                   row.start, row.end)

    @property
    def label(self) -> str:
        """The number as written, with what it counts: 5071人 黨員."""
        return f"{self.text} {self.subject}".strip()


@dataclass(frozen=True)
class Relation:
    """One relation the numbers imply, checked: the rows of statistics.csv it rests on (0-based) and, for a ratio
    of one group leading another, the same group's ratio across the article's stated total (None if none)."""

    relation: str
    kind: str
    status: str
    detail: str
    values: str
    rows: tuple[int, ...]
    sentences: tuple[str, ...]
    reference: float | None = None

    def as_row(self) -> dict:
        """The relation as a row of audit.csv: rows `, `-separated, sentences ` | `-separated."""
        return {
            "relation": self.relation, "kind": self.kind, "status": self.status, "detail": self.detail,
            "values": self.values, "rows": ", ".join(map(str, self.rows)), "sentences": " | ".join(self.sentences),
            "reference": "" if self.reference is None else repr(self.reference),  # repr reads back exactly
        }

    @classmethod
    def of_row(cls, row: dict) -> Relation:
        """A relation read back from a row of audit.csv."""
        return cls(row["relation"], row["kind"], row["status"], row["detail"], row["values"],
                   tuple(int(i) for i in row["rows"].split(", ") if i), tuple(row["sentences"].split(" | ")),
                   float(row["reference"]) if row.get("reference") else None)


def odd_step(value: float) -> float:
    """How far 餘 or 多 can reach past a round number: 600餘 is under 700, 330餘 under 340, 15000餘 under 16000."""
    step = 1
    while value and value % (step * 10) == 0:
        step *= 10
    return step - 1e-9 if value % 1 == 0 else math.inf


def same_measure(a: Reading, b: Reading) -> bool:
    """True when two counts are in the same unit (人, 名 and 位 all count people); numbers without a unit are
    never taken to count the same thing."""
    return bool(a.unit) and (a.unit == b.unit or {a.unit, b.unit} <= PERSON_UNITS)


def part_of(part: Reading, total: Reading) -> bool:
    """True when a count can be a part of a total: the same measure and, for a measure word that counts anything
    (個, 項 …), a subject sharing a character with the total's (老舊社區8個 of 25個社區, not 25個服務中心 of
    10個街道)."""
    if not same_measure(part, total):
        return False
    return part.unit not in GENERIC_UNITS or bool(set(part.subject) & set(total.subject))


def within(part_low: float, part_high: float, low: float, high: float) -> str:
    """holds when [part_low, part_high] fits under [low, high] for certain, does not hold when it cannot."""
    if part_high <= low:
        return HOLDS
    if part_low > high:
        return FAILS
    return UNKNOWN


def fmt(value: float) -> str:
    """A number for a detail line: 41550, 12.2."""
    return f"{value:g}" if value < 1e6 else f"{value:,.0f}"


def relation_row(relation: str, kind: str, status: str, detail: str, values: str, readings: list[Reading],
                 reference: float | None = None) -> Relation:
    """One relation, naming the statistics rows and the sentences it rests on."""
    return Relation(relation, kind, status, detail, values, tuple(r.index for r in readings),
                    tuple(dict.fromkeys(r.sentence for r in readings)), reference)


def totals_and_parts(statistics: pd.DataFrame) -> list[tuple[Reading, list[Reading]]]:
    """Each total that 其中 splits into parts, with its parts: the counts in the same unit that follow 其中."""
    found = []
    counts = statistics[statistics["kind"] == "count"]
    for sentence_start, group in counts.groupby("sentence_start", sort=True):
        sentence = group["sentence"].iloc[0]
        for marker in re.finditer(PARTS_MARKER, sentence):
            at = sentence_start + marker.start()
            before = [Reading.of(i, r) for i, r in group.iterrows() if r.end <= at]
            after = [Reading.of(i, r) for i, r in group.iterrows() if r.start >= at]
            if not before or not after:
                continue
            total, parts = before[-1], []
            for reading in after:
                lead_in = sentence[reading.start - sentence_start - 6 : reading.start - sentence_start]
                if not part_of(reading, total) or CHANGE.search(lead_in):
                    break
                parts.append(reading)
            if parts:
                found.append((total, parts))
    return found


def check_parts(total: Reading, parts: list[Reading]) -> Relation:
    """A sum (two or more parts) or a subset (one part) of a stated total."""
    low, high = sum(p.low for p in parts), sum(p.high for p in parts)
    names = " + ".join(p.subject or p.text for p in parts)
    values = " + ".join(p.text for p in parts) + f" = {fmt(low)}" + ("" if low == high else " or more")
    shares = ", ".join(f"{p.subject or p.text} {p.value / total.value:.1%}" for p in parts if total.value)
    if len(parts) == 1:
        status = within(low, high, total.low, total.high)
        detail = f"{parts[0].label} is part of {total.label}: {shares} of it"
        return relation_row(f"{names} ⊆ {total.subject}", "subset", status, detail,
                            f"{parts[0].text} ≤ {total.text}", [total, *parts])
    if low == high == total.low == total.high:
        status, detail = HOLDS, f"the parts add up to the total exactly; shares: {shares}"
    elif low > total.high:
        status, detail = FAILS, f"the parts add up to {fmt(low)}, more than the total {total.text}"
    elif high < total.low:
        status = UNKNOWN
        detail = (f"the parts add up to {fmt(high)}, {fmt(total.low - high)} short of {total.text}: "
                  "the list may not be exhaustive")
    else:
        status, detail = UNKNOWN, "a qualifier (餘, 以上, 約 …) leaves the sum open"
    return relation_row(f"{names} = {total.subject}", "sum", status, detail, f"{values} vs {total.text}",
                        [total, *parts])


def check_bounds(statistics: pd.DataFrame, sums: list[tuple[Reading, list[Reading]]]) -> list[Relation]:
    """Counts elsewhere of a group whose total the article states: none may exceed it."""
    stated = {r.subject: r for total, parts in sums for r in (total, *parts) if r.subject}
    used = {r.index for total, parts in sums for r in (total, *parts)}
    rows = []
    for index, row in statistics[statistics["kind"] == "count"].iterrows():
        reading = Reading.of(index, row)
        whole = stated.get(reading.subject)
        if index in used or whole is None or not same_measure(reading, whole):
            continue
        status = within(reading.low, reading.high, whole.low, whole.high)
        detail = f"{reading.label} cannot be more than the {whole.label} the article states"
        rows.append(relation_row(f"{reading.subject} within the stated total", "bound", status, detail,
                                 f"{reading.text} ≤ {whole.text}", [reading, whole]))
    return rows


def check_ratios(statistics: pd.DataFrame, bounds: list[Relation], sums: list[tuple[Reading, list[Reading]]],
                 ) -> list[Relation]:
    """Ratios of one group leading another within a clause (2名黨員帶領846名保安), with their bounds' status."""
    counts = [Reading.of(i, r) for i, r in statistics[statistics["kind"] == "count"].iterrows()]
    rows = []
    for leader, led in itertools.pairwise(counts):
        if leader.sentence_start != led.sentence_start or not {leader.unit, led.unit} <= PERSON_UNITS:
            continue
        between = leader.sentence[leader.end - leader.sentence_start : led.start - leader.sentence_start]
        if not LEADS.search(between) or has_clause_break(between) or not leader.value:
            continue
        checks = [b.status for b in bounds if leader.index in b.rows or led.index in b.rows]
        status = FAILS if FAILS in checks else HOLDS if checks and set(checks) == {HOLDS} else UNKNOWN
        per = led.value / leader.value
        reach = f"{fmt(per)} to {fmt(round(led.high / leader.value))}" if led.high > led.low else fmt(round(per, 1))
        detail = f"1 {leader.subject} per {reach} {led.subject}"
        scale = article_wide(leader, sums)
        if scale:
            mine, others, reference = scale
            names = "、".join(p.subject for p in others)
            detail += (f" (across the article: {mine.text} {leader.subject} to {fmt(sum(p.value for p in others))} "
                       f"{names}, 1 : {reference:.1f})")
        detail += "; checked against the stated totals" if checks else "; no stated total to check it against"
        rows.append(relation_row(f"{leader.subject} : {led.subject}", "ratio", status, detail,
                                 f"{leader.text} : {led.text} = 1 : {fmt(round(per, 1))}", [leader, led],
                                 scale[2] if scale else None))
    return rows


def article_wide(leader: Reading, sums: list[tuple[Reading, list[Reading]]],
                 ) -> tuple[Reading, list[Reading], float] | None:
    """The leader's group and the others in the first stated total that splits them (5071 黨員 against 36479
    群眾), with the others per member of the group; None when no total splits the group from others."""
    for _, parts in sums:
        mine = [p for p in parts if p.subject == leader.subject]
        others = [p for p in parts if p.subject != leader.subject]
        if mine and others and mine[0].value:
            return mine[0], others, sum(p.value for p in others) / mine[0].value
    return None


def check_percentages(statistics: pd.DataFrame) -> list[Relation]:
    """Percentages: more than 100 % of a rate cannot hold; with no stated base the rest cannot be checked."""
    rows = []
    for index, row in statistics[statistics["kind"] == "percent"].iterrows():
        reading = Reading.of(index, row)
        if reading.low > 100:
            status, detail = FAILS, "a share cannot be more than 100 %"
        else:
            status, detail = UNKNOWN, "the article states no base for this percentage, so it cannot be checked"
        rows.append(relation_row(f"{reading.subject} ≤ 100 %", "share", status, detail, reading.text, [reading]))
    return rows


def read_audit(path: str | Path) -> list[Relation]:
    """The relations of an audit.csv, as relations() gave them."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no audit table; notebook 03_figure_extraction writes it")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: not an audit table (no column {', '.join(sorted(missing))})")
    return [Relation.of_row(row) for row in table.to_dict("records")]


def relations(statistics: pd.DataFrame) -> list[Relation]:
    """The relations the extracted numbers imply, each checked: holds, does not hold or cannot tell."""
    sums = totals_and_parts(statistics)
    bounds = check_bounds(statistics, sums)
    found = [check_parts(total, parts) for total, parts in sums]
    return found + bounds + check_ratios(statistics, bounds, sums) + check_percentages(statistics)


def audit_table(found: list[Relation]) -> pd.DataFrame:
    """Relations as the table audit.csv holds (formatted here, and only here)."""
    return pd.DataFrame([r.as_row() for r in found], columns=COLUMNS)


def audit(statistics: pd.DataFrame) -> pd.DataFrame:
    """The audit of the extracted numbers as a table: audit_table(relations(statistics))."""
    return audit_table(relations(statistics))
