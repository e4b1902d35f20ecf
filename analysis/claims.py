"""Claims across articles: the same subject, unit and place reported in several articles, and the pairs of figures
that cannot both be true."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.exporting import write_csv
from analysis.numerals import PERSON_UNITS
from analysis.script import to_simplified
from analysis.segmenting import tokenize

# what makes a count cumulative: it can only grow from one report to the next (compared in Simplified script)
CUMULATIVE = ("累计", "注册人数", "总数", "以来")
# a place word ends in an administrative unit (新安街道, 寶安區), compared in Simplified script
PLACE_ENDINGS = ("街道", "社区", "区", "市", "镇", "村", "县", "省")
# how far an approximate figure (約, 左右) may be from the truth and still be true
APPROXIMATE_SPREAD = 0.1
CLAIM_COLUMNS = ["claim", "subject", "unit", "place", "cumulative", "article", "published", "text", "value", "bound",
                 "low", "high", "sentence"]
FLAG_COLUMNS = ["claim", "subject", "unit", "place", "reason", "article", "published", "text", "other_article",
                "other_published", "other_text"]


@lru_cache(maxsize=4096)  # the figures of one sentence share its places; bounded over a large corpus
def places(text: str) -> tuple[tuple[str, int], ...]:
    """The place words of a text (Simplified script) and where each ends: runs of place names (jieba's ns) closed by
    an administrative unit, so 寶安區福永街道 gives 宝安区 and 福永街道."""
    found, run, run_end = [], "", 0
    for token in tokenize(text):
        word = to_simplified(token.word)
        if token.pos.startswith("ns") or (run and word in PLACE_ENDINGS):
            run, run_end = run + word, token.end
            if word.endswith(PLACE_ENDINGS):
                found.append((run, run_end))
                run = ""
            continue
        if len(run) > 1:
            found.append((run, run_end))
        run = ""
    if len(run) > 1:
        found.append((run, run_end))
    return tuple(found)


def place_of(sentence: str, offset: int, title: str) -> str:
    """Where a number at `offset` in a sentence is: the last place word before it, else the first after it, else the
    title's last place word, else ''."""
    found = places(sentence)
    before = [p for p, end in found if end <= offset]
    if before:
        return before[-1]
    if found:
        return found[0][0]
    in_title = places(title)
    return in_title[-1][0] if in_title else ""


def unit_family(unit: str, kind: str) -> str:
    """Units that count the same thing: 人, 名 and 位 all count people; a percentage is a percentage."""
    if kind == "percent":
        return "%"
    return "人" if unit in PERSON_UNITS else to_simplified(unit)


def interval(value: float, bound: str) -> tuple[float, float]:
    """The values a figure allows: exact, at least (餘, 以上), at most (近, 不足) or about (約)."""
    if bound == "lower":
        return value, math.inf
    if bound == "upper":
        return -math.inf, value
    if bound == "approximate":
        return value * (1 - APPROXIMATE_SPREAD), value * (1 + APPROXIMATE_SPREAD)
    return value, value


def claim_numbers(statistics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The counts, amounts and percentages with a subject, each with what it is matched on (subject and unit family in
    Simplified script, place), whether it is cumulative, its publication time and the values it allows. Run per
    partition, on the workers: finding places segments the sentences."""
    meta = articles.set_index("article")
    rows = []
    wanted = statistics["kind"].isin(["count", "amount", "percent"]) & (statistics["subject"] != "")
    for row in statistics[wanted].itertuples(index=False):
        offset = row.start - row.sentence_start
        lead = to_simplified(row.sentence[:offset])
        subject = to_simplified(row.subject)
        low, high = interval(row.value, row.bound)
        rows.append({
            "subject": subject, "unit": unit_family(row.unit, row.kind),
            "place": place_of(row.sentence, offset, meta.at[row.article, "title"]),
            "cumulative": any(w in subject or w in lead for w in CUMULATIVE),
            "article": row.article, "published": meta.at[row.article, "published"], "text": row.text,
            "value": row.value, "bound": row.bound, "low": low, "high": high, "sentence": row.sentence,
        })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])


def read_reported_numbers(path: Path) -> pd.DataFrame:
    """The reported numbers a corpus run wrote, with the types claim_numbers gave it."""
    numbers = {"value", "low", "high", "cumulative"}
    return pd.read_csv(path, keep_default_na=False, na_values={"value": [""]},
                       dtype={c: str for c in CLAIM_COLUMNS[1:] if c not in numbers} | {"cumulative": bool})


def find_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures whose subject, unit family and place another article also reports, grouped into numbered claims
    (by subject, unit and place), each claim's figures by publication date."""
    key = ["subject", "unit", "place"]
    shared = figures.groupby(key)["article"].transform("nunique") > 1
    table = figures[shared].sort_values([*key, "published", "article"], kind="stable", ignore_index=True)
    table.insert(0, "claim", table.groupby(key, sort=False).ngroup() + 1)
    return table


def flag(reason: str, first, second) -> dict:
    """A row of the contradictions table: two figures of one claim, the earlier report first."""
    return {
        "claim": first.claim, "subject": first.subject, "unit": first.unit, "place": first.place, "reason": reason,
        "article": first.article, "published": first.published, "text": first.text,
        "other_article": second.article, "other_published": second.published, "other_text": second.text,
    }


def same_day_conflicts(reports: pd.DataFrame) -> list[dict]:
    """Figures published the same day that no single value satisfies: each against the earlier one with the highest
    lower end and the one with the lowest upper end (intervals on a line agree when every pair does)."""
    flags = []
    for _, day in reports.groupby(reports["published"].str[:10], sort=True):
        highest_low = lowest_high = None
        for row in day.itertuples(index=False):
            if highest_low is not None and row.high < highest_low.low:
                flags.append(flag("same date, figures differ", highest_low, row))
            elif lowest_high is not None and row.low > lowest_high.high:
                flags.append(flag("same date, figures differ", lowest_high, row))
            if highest_low is None or row.low > highest_low.low:
                highest_low = row
            if lowest_high is None or row.high < lowest_high.high:
                lowest_high = row
    return flags


def shrinking_totals(reports: pd.DataFrame) -> list[dict]:
    """Cumulative figures below the largest cumulative figure of an earlier day."""
    flags, largest = [], None
    cumulative = reports[reports["cumulative"]]
    for _, day in cumulative.groupby(cumulative["published"].str[:10], sort=True):
        rows = list(day.itertuples(index=False))
        if largest is not None:
            flags += [flag("cumulative count smaller than an earlier report", largest, r) for r in rows
                      if r.high < largest.low]
        for row in rows:
            if largest is None or row.low > largest.low:
                largest = row
    return flags


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Pairs of figures of one claim, from different articles, that cannot both be true: the same count published
    the same day with figures that do not overlap, or a cumulative count later smaller than earlier.

    An article that gives several figures of one claim (群眾 9000人 registered, 近千名 群眾 watching) counts different
    things under one name there, so its figures are shown but not compared; nor are those of an article without a
    full date. Each figure is compared with the earlier ones that bound it, so a claim costs time in proportion to
    its reports, not their pairs."""
    flags = []
    for _, claim in claims.groupby("claim", sort=True):
        alone = claim.groupby("article")["value"].transform("size") == 1
        reports = claim[alone & (claim["published"] != "")]
        flags += same_day_conflicts(reports) + shrinking_totals(reports)
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def write_claims(out: Path) -> tuple[Path, Path]:
    """claims.csv and contradictions.csv of a corpus run, from its reported_numbers table."""
    claims = find_claims(read_reported_numbers(out / "reported_numbers.csv"))
    return write_csv(out / "claims.csv", claims), write_csv(out / "contradictions.csv", conflicts(claims))
