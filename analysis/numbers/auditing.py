"""Check the relations an article's numbers imply: parts of a total, bounds, ratios, shares and changes.

Parts follow 其中, 包括, 分別為 or 分別是 and are counted in their total's unit (the total in the same sentence, or the
sentence before when the marker opens the sentence); figures printed with decimals add up within the rounding of
their last digit. A percentage after 佔 is a share of a base the article states: the latest figure in the part's
unit, in the same or an earlier sentence, whose subject shares a word with the part's and which is not itself a part
or a change. A percentage after a word of change (增長, 提高, 下降, 同比, 環比, 較…, 比上年) is a change from its base
period, never a share, checked where the sentence gives both levels (9671.2萬, 比上年淨增343.4萬, 增加3.7%);
percentage points are changes of a share."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from analysis.files import restored
from analysis.numbers.numerals import PERSON_UNITS, RANGE_MARKS, pair_range
from analysis.reading.characters import CLAUSE_BREAKS, has_clause_break
from analysis.reading.script import to_simplified

COLUMNS = ["relation", "kind", "status", "detail", "values", "rows", "sentences", "reference"]
HOLDS, FAILS, UNKNOWN = "holds", "does not hold", "cannot tell"
# 其中 (and 包括, 分別為) introduces the parts of the total before it (註冊人數達41550人，其中黨員5071人，群眾36479人);
# matched on the Simplified sentence
PARTS_MARKER = re.compile(to_simplified("其中|包括|分別為|分別是|分别为|分别是"))
# what can be split into parts: counts, money and measures (外貿進出口739.1億元，其中出口419.6億元)
PARTABLE = ("count", "amount", "measure")
# verbs by which one group leads another (2名黨員帶領846名保安學習)
LEADS = re.compile(r"帶領|帶動|帶著|聯繫|幫扶|結對|指導")
# words that make a number a change, not a part of a total (其中黨員比去年增加三成) nor a share; matched on the
# Simplified text
CHANGE = re.compile(to_simplified(
    r"增加|增長|增幅|降幅|提高|提升|上升|下降|下滑|回落|減少|降低|淨增|同比|環比|較|比上年|比去年"))
FALLS = re.compile(to_simplified(r"下降|下滑|回落|減少|降低|降幅"))
# the base period a change is measured from
BASE_PERIODS = ((re.compile("同比"), "the same period a year before"), (re.compile("环比"), "the period before"),
                (re.compile("[比较]上年|[比较]去年"), "the year before"))
# how a range's upper end's qualifier ends (100至 of 100至200名)
RANGE_END = re.compile(f"(?:{RANGE_MARKS})$")
# 佔 introduces a share of a base (大專及以上學歷黨員5146.1萬名，佔53.2%)
SHARE = re.compile(to_simplified("佔|占"))
# measure words that count anything: a part counted in one must name something of the total's kind
GENERIC_UNITS = {"個", "項", "次", "種", "家", "間", "場", "處", "批", "條"}
# 餘 and 多 after a number: more than it, but less than the next step of its last non-zero digit
ODD = {"餘", "多"}


@dataclass(frozen=True)
class Statistic:
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
    def of(cls, index: int, row) -> Statistic:
        """The reading of a statistics row."""
        low, high = {
            "exact": (row.value, row.value),
            "lower": (row.value, math.inf),
            "upper": (0.0, row.value),
        }.get(row.bound, (0.0, math.inf))
        if set(row.qualifier.split()) & ODD and row.bound == "lower":
            high = row.value + odd_step(row.value)
        pairs = [ends for word in row.qualifier.split() if (ends := pair_range(word))]
        if pairs and row.bound == "approximate":
            low, high = pairs[0]  # 兩三百名: between 200 and 300
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


def same_measure(a: Statistic, b: Statistic) -> bool:
    """True when two counts are in the same unit (人, 名 and 位 all count people); numbers without a unit are
    never taken to count the same thing."""
    return bool(a.unit) and (a.unit == b.unit or {a.unit, b.unit} <= PERSON_UNITS)


def part_of(part: Statistic, total: Statistic) -> bool:
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


def relation_row(relation: str, kind: str, status: str, detail: str, values: str, readings: list[Statistic],
                 reference: float | None = None) -> Relation:
    """One relation, naming the statistics rows and the sentences it rests on."""
    return Relation(relation, kind, status, detail, values, tuple(r.index for r in readings),
                    tuple(dict.fromkeys(r.sentence for r in readings)), reference)


def is_range(lower, upper) -> bool:
    """True when two statistics rows are the ends of one range (100 and 200名 of 100至200名)."""
    opening = upper.qualifier.split()[0] if upper.qualifier else ""
    return (lower.bound == "lower" and upper.bound == "upper" and 0 < upper.start - lower.end <= 1
            and bool(RANGE_END.search(opening)))


def readings(statistics: pd.DataFrame, kinds: tuple[str, ...]) -> list[Statistic]:
    """The readings of the rows of some kinds, in reading order; a range's two ends are one reading, between them
    (its row is the lower end's)."""
    found, rows = [], list(statistics[statistics["kind"].isin(kinds)].iterrows())
    for (index, row), following in itertools.zip_longest(rows, rows[1:]):
        if found and found[-1].end > row.start:
            continue  # the upper end of the range just read
        reading = Statistic.of(index, row)
        if following is not None and is_range(row, following[1]):
            upper = following[1]
            reading = replace(reading, text=f"{row.text}{upper.qualifier.split()[0][len(row.text):]}{upper.text}",
                              high=upper.value, end=upper.end)
        found.append(reading)
    return found


def lead_in(reading: Statistic, since: int) -> str:
    """The Simplified text of the reading's clause before it, from `since` (an offset in the text) on."""
    sentence = to_simplified(reading.sentence)
    at = reading.start - reading.sentence_start
    start = max(since - reading.sentence_start, 0,
                *(sentence.rfind(c, 0, at) + 1 for c in CLAUSE_BREAKS if c not in "、"))
    return sentence[start:at]


def totals_and_parts(statistics: pd.DataFrame) -> list[tuple[Statistic, list[Statistic]]]:
    """Each total that 其中 (包括, 分別為) splits into parts, with its parts: the figures in the total's unit that
    follow the marker in its sentence."""
    found = []
    every = readings(statistics, PARTABLE)
    sentence_starts = sorted({r.sentence_start for r in every})
    for sentence_start in sentence_starts:
        group = [r for r in every if r.sentence_start == sentence_start]
        sentence = to_simplified(group[0].sentence)
        for marker in PARTS_MARKER.finditer(sentence):
            at = sentence_start + marker.start()
            after = [r for r in group if r.start >= at]
            before = [r for r in group if r.end <= at and same_measure(r, after[0])] if after else []
            if after and not before and not sentence[:marker.start()].strip(" ，,:：、"):
                # 其中 opens the sentence: the total is in the sentence before
                earlier = [s for s in sentence_starts if s < sentence_start]
                before = [r for r in every if earlier and r.sentence_start == earlier[-1] and same_measure(r, after[0])]
            before = [r for r in before if not CHANGE.search(lead_in(r, r.sentence_start))]  # 淨增86.3萬 is no total
            if not before:
                continue
            total, parts = before[-1], []
            for reading in after:
                if not part_of(reading, total) or CHANGE.search(lead_in(reading, (parts or [total])[-1].end)):
                    break
                parts.append(reading)
            if parts:
                found.append((total, parts))
    return found


def rounding(reading: Statistic) -> float:
    """Half the step of the printed figure's last digit, in its value (419.6億 → 0.05億); 0 when it cannot tell."""
    digits = re.search(r"\d+(?:,\d{3})*(?:\.(\d+))?", reading.text)
    if not digits or not reading.value:
        return 0.0
    printed = float(digits.group().replace(",", ""))
    if not printed:
        return 0.0
    decimals = len(digits.group(1) or "")
    return abs(reading.value / printed) * 0.5 * 10 ** -decimals


def check_parts(total: Statistic, parts: list[Statistic]) -> Relation:
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
    slack = sum(rounding(r) for r in (total, *parts))
    if low == high == total.low == total.high:
        status, detail = HOLDS, f"the parts add up to the total exactly; shares: {shares}"
    elif low == high and total.low == total.high and abs(low - total.value) <= slack:
        status, detail = HOLDS, f"the parts add up to the total within the rounding of the printed figures; " \
                                f"shares: {shares}"
    elif low > total.high + slack:
        status, detail = FAILS, f"the parts add up to {fmt(low)}, more than the total {total.text}"
    elif high < total.low:
        status = UNKNOWN
        detail = (f"the parts add up to {fmt(high)}, {fmt(total.low - high)} short of {total.text}: "
                  "the list may not be exhaustive")
    else:
        status, detail = UNKNOWN, "a qualifier (餘, 以上, 約 …) leaves the sum open"
    return relation_row(f"{names} = {total.subject}", "sum", status, detail, f"{values} vs {total.text}",
                        [total, *parts])


def check_bounds(statistics: pd.DataFrame, sums: list[tuple[Statistic, list[Statistic]]]) -> list[Relation]:
    """Counts elsewhere of a group whose total the article states: none may exceed it."""
    # a part that names only its total's subject (35歲及以下志願者 of 志願者) is no group of its own
    stated = {r.subject: r for total, parts in sums for r in (total, *parts)
              if r.subject and (r is total or r.subject != total.subject)}
    used = {r.index for total, parts in sums for r in (total, *parts)}
    rows = []
    for index, row in statistics[statistics["kind"] == "count"].iterrows():
        reading = Statistic.of(index, row)
        whole = stated.get(reading.subject)
        if index in used or whole is None or not same_measure(reading, whole):
            continue
        status = within(reading.low, reading.high, whole.low, whole.high)
        detail = f"{reading.label} cannot be more than the {whole.label} the article states"
        rows.append(relation_row(f"{reading.subject} within the stated total", "bound", status, detail,
                                 f"{reading.text} ≤ {whole.text}", [reading, whole]))
    return rows


def check_ratios(statistics: pd.DataFrame, bounds: list[Relation], sums: list[tuple[Statistic, list[Statistic]]],
                 ) -> list[Relation]:
    """Ratios of one group leading another within a clause (2名黨員帶領846名保安), with their bounds' status."""
    counts = [Statistic.of(i, r) for i, r in statistics[statistics["kind"] == "count"].iterrows()]
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


def article_wide(leader: Statistic, sums: list[tuple[Statistic, list[Statistic]]],
                 ) -> tuple[Statistic, list[Statistic], float] | None:
    """The leader's group and the others in the first stated total that splits them (5071 黨員 against 36479
    群眾), with the others per member of the group; None when no total splits the group from others."""
    for _, parts in sums:
        mine = [p for p in parts if p.subject == leader.subject]
        others = [p for p in parts if p.subject != leader.subject]
        if mine and others and mine[0].value:
            return mine[0], others, sum(p.value for p in others) / mine[0].value
    return None


def previous_figure(reading: Statistic, figures: list[Statistic]) -> Statistic | None:
    """The figure just before a reading in its sentence, None if there is none."""
    before = [f for f in figures if f.sentence_start == reading.sentence_start and f.end <= reading.start]
    return before[-1] if before else None


def base_period(text: str) -> str:
    """What a change is measured from, as its words say (同比: the same period a year before)."""
    for pattern, period in BASE_PERIODS:
        if pattern.search(text):
            return period
    compared = re.search(r"[比较]([^，,。；;]{1,12}?)(?:增长|增加|提高|上升|下降|减少|降低|回落|下滑|净增|$)", text)
    return compared.group(1) if compared else "an earlier level the article does not name"


def check_percentages(statistics: pd.DataFrame, sums: list[tuple[Statistic, list[Statistic]]] = ()) -> list[Relation]:
    """Percentages and percentage points: changes (增長30.8%, 提高0.7個百分點) from their base period, checked
    against the two levels the sentence gives; shares (佔53.2%) against the base the article states; any other
    percentage a share of a base the article does not state (more than 100 % cannot hold). A part of a stated total
    (sums, from totals_and_parts) has that total as its base."""
    totals = {part.index: total for total, parts in sums for part in parts}
    figures = readings(statistics, PARTABLE)
    percents = readings(statistics, ("percent", "percentage_points"))
    leads = {p.index: lead_in(p, previous_end(p, figures + percents)) for p in percents}
    parts = {previous_figure(p, figures).index for p in percents
             if SHARE.search(leads[p.index]) and previous_figure(p, figures)}
    changed = {f.index for f in figures if CHANGE.search(lead_in(f, previous_end(f, figures + percents)))}
    rows = []
    for reading in percents:
        lead = leads[reading.index]
        if reading.unit != "%" or CHANGE.search(lead):
            rows.append(check_change(reading, lead, figures, changed))
        elif SHARE.search(lead) and previous_figure(reading, figures):
            rows.append(check_share(reading, previous_figure(reading, figures), figures, parts | changed, totals))
        elif reading.low > 100:
            rows.append(relation_row(f"{reading.subject} ≤ 100 %", "share", FAILS, "a share cannot be more than 100 %",
                                     reading.text, [reading]))
        else:
            rows.append(relation_row(f"{reading.subject} ≤ 100 %", "share", UNKNOWN,
                                     "the article states no base for this percentage, so it cannot be checked",
                                     reading.text, [reading]))
    return rows


def previous_end(reading: Statistic, others: list[Statistic]) -> int:
    """Where the figure before a reading in its sentence ends (the sentence's start if none)."""
    ends = [o.end for o in others if o.sentence_start == reading.sentence_start and o.end <= reading.start]
    return max(ends, default=reading.sentence_start)


def check_share(share: Statistic, part: Statistic, figures: list[Statistic], not_bases: set[int],
                totals: dict[int, Statistic]) -> Relation:
    """A share (佔53.2%) of the part before it against the base the article states: the total the part is a part of,
    else the latest figure before the part, in its unit, of the same subject family (a word in common), not itself a
    part or a change."""
    family = [totals[part.index]] if part.index in totals else [
        f for f in figures if f.index < part.index and f.index not in not_bases and same_measure(f, part)
        and f.value > part.value and common_word(f.subject, part.subject)]
    if not family:
        return relation_row(f"{part.subject} share", "share", UNKNOWN,
                            f"{share.text} of what: the article states no base for {part.label}", share.text,
                            [part, share])
    base = family[-1]
    low = (part.value - rounding(part)) / (base.value + rounding(base)) * 100
    high = (part.value + rounding(part)) / (base.value - rounding(base)) * 100
    computed, slack = part.value / base.value * 100, rounding(share)
    status = HOLDS if low - slack <= share.value <= high + slack else FAILS
    detail = f"{part.label} is {computed:.2f} % of {base.label}; the article prints {share.text}"
    return relation_row(f"{part.subject} / {base.subject}", "share", status, detail,
                        f"{part.text} / {base.text} = {computed:.2f} % vs {share.text}", [base, part, share])


def common_word(a: str, b: str) -> bool:
    """True when two subjects share two characters in a row (黨員總數, 大專及以上學歷黨員: 黨員)."""
    return any(a[i:i + 2] in b for i in range(len(a) - 1))


def check_change(change: Statistic, lead: str, figures: list[Statistic], changed: set[int]) -> Relation:
    """A change (增長3.7%, 提高0.7個百分點) from its base period, checked where the sentence gives the level and the
    change in its unit (9671.2萬名, 比上年淨增343.4萬名, 增加3.7%: 343.4 / (9671.2 − 343.4) = 3.68 %)."""
    period = base_period(to_simplified(change.sentence[:change.start - change.sentence_start]))
    falls = bool(FALLS.search(lead))
    what = "a change of a share in percentage points" if change.unit != "%" else "a change in per cent"
    relation = f"{change.subject or 'change'} {'−' if falls else '+'}{change.text}"
    before = [f for f in figures if f.sentence_start == change.sentence_start and f.end <= change.start]
    steps = [f for f in before if f.index in changed]
    levels = [f for f in before if f.index not in changed]
    if change.unit == "%" and steps and levels and same_measure(steps[-1], levels[-1]):
        step, level = steps[-1], levels[-1]
        earlier = level.value + step.value if falls else level.value - step.value
        if earlier > 0:
            computed = step.value / earlier * 100
            margin = (rounding(step) / earlier + step.value * rounding(level) / earlier ** 2) * 100 + rounding(change)
            status = HOLDS if abs(computed - change.value) <= margin else FAILS
            detail = (f"a change from {period}: {step.text} on an earlier level of {fmt(earlier)} "
                      f"({level.text} {'+' if falls else '−'} {step.text}) is {computed:.2f} %; the article prints "
                      f"{change.text}")
            return relation_row(relation, "change", status, detail,
                                f"{step.text} / ({level.text} {'+' if falls else '−'} {step.text}) = {computed:.2f} %",
                                [level, step, change])
    detail = f"{what} from {period}, not a share; the article does not give both levels, so it cannot be checked"
    return relation_row(relation, "change", UNKNOWN, detail, change.text, [change])


def read_audit(path: str | Path) -> list[Relation]:
    """The relations of an audit.csv, as relations() gave them."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no audit table; notebook 03_figure_extraction writes it")
    table = restored(pd.read_csv(path, dtype=str, keep_default_na=False))
    missing = set(COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: not an audit table (no column {', '.join(sorted(missing))})")
    return [Relation.of_row(row) for row in table.to_dict("records")]


def relations(statistics: pd.DataFrame) -> list[Relation]:
    """The relations the extracted numbers imply, each checked: holds, does not hold or cannot tell."""
    sums = totals_and_parts(statistics)
    bounds = check_bounds(statistics, sums)
    found = [check_parts(total, parts) for total, parts in sums]
    return found + bounds + check_ratios(statistics, bounds, sums) + check_percentages(statistics, sums)


def audit_table(found: list[Relation]) -> pd.DataFrame:
    """Relations as the table audit.csv holds (formatted here, and only here)."""
    return pd.DataFrame([r.as_row() for r in found], columns=COLUMNS)


def audit(statistics: pd.DataFrame) -> pd.DataFrame:
    """The audit of the extracted numbers as a table: audit_table(relations(statistics))."""
    return audit_table(relations(statistics))
