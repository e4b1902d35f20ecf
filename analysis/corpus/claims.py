"""Claims across articles: the same subject, unit and place reported in several articles, and the pairs of figures
that cannot both be true."""

from __future__ import annotations

import contextlib
import itertools
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.files import atomic_path, neutralised, restored
from analysis.numbers.numerals import PERSON_UNITS
from analysis.reading.script import to_simplified
from analysis.words.segmenting import tokenize

# what makes a count cumulative: it can only grow from one report to the next (compared in Simplified script)
CUMULATIVE = ("累计", "注册人数", "总数", "以来")
# the kinds of figure a claim is made of
CLAIMED = ("count", "amount", "percent")
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


def claim_numbers(statistics: dict[str, list], article: str, title: str, published: str) -> list[dict]:
    """The counts, amounts and percentages with a subject of one article's statistics (statistics_columns' lists),
    each with what it is matched on (subject and unit family in Simplified script, place), whether it is cumulative,
    its publication time and the values it allows: rows of CLAIM_COLUMNS[1:]. Run on the workers: finding places
    segments the sentences."""
    rows = []
    for values in zip(*statistics.values(), strict=True):
        row = dict(zip(statistics, values, strict=True))
        if row["kind"] not in CLAIMED or row["subject"] == "":
            continue
        offset = row["start"] - row["sentence_start"]
        lead = to_simplified(row["sentence"][:offset])
        subject = to_simplified(row["subject"])
        value = float(row["value"])
        low, high = interval(value, row["bound"])
        rows.append({
            "subject": subject, "unit": unit_family(row["unit"], row["kind"]),
            "place": place_of(row["sentence"], offset, title),
            "cumulative": any(w in subject or w in lead for w in CUMULATIVE),
            "article": article, "published": published, "text": row["text"],
            "value": value, "bound": row["bound"], "low": low, "high": high, "sentence": row["sentence"],
        })
    return rows


def flag(reason: str, first, second) -> dict:
    """A row of the contradictions table: two figures of one claim, the earlier report first."""
    return {
        "claim": first.claim, "subject": first.subject, "unit": first.unit, "place": first.place, "reason": reason,
        "article": first.article, "published": first.published, "text": first.text,
        "other_article": second.article, "other_published": second.published, "other_text": second.text,
    }


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Pairs of figures of one claim, from different articles, that cannot both be true: the same count published
    the same day with figures that do not overlap, or a cumulative count later smaller than earlier (ClaimChecker).

    An article that gives several figures of one claim (群眾 9000人 registered, 近千名 群眾 watching) counts different
    things under one name there, so its figures are shown but not compared; nor are those of an article without a
    full date."""
    alone = claims.groupby(["claim", "article"])["value"].transform("size") == 1
    ordered = claims.assign(alone=alone, day=claims["published"].str[:10]).sort_values(["claim", "day"], kind="stable")
    checker = ClaimChecker()
    flags = [found for row in ordered.itertuples(index=False) for found in checker.add(row)]
    return pd.DataFrame(flags + checker.end_claim(), columns=FLAG_COLUMNS)


class ClaimChecker:
    """The contradictions of claims, one figure at a time, each claim's figures together and by publication day,
    with `alone` set (the article gives one figure of the claim). Each figure is compared with the running bounds of
    the earlier ones (intervals on a line agree when every pair does), so a claim costs time in proportion to its
    reports, not their pairs, and memory for one day's cumulative figures and the claim's shrinking totals."""

    def __init__(self):
        self.claim = self.day = None
        self.highest_low = self.lowest_high = self.largest = None
        self.today: list = []  # the current day's cumulative figures, compared with earlier days' once it is over
        self.shrinking: list[dict] = []  # the claim's shrinking totals, listed after its same-day flags

    def add(self, row) -> list[dict]:
        """Take the next figure; the flags that can be given out now: same-day ones as they come, the claim's
        shrinking totals when it ends."""
        done = self.end_claim() if row.claim != self.claim else []
        self.claim = row.claim
        if not row.alone or row.published == "":
            return done
        if row.published[:10] != self.day:
            self.end_day()
            self.day, self.highest_low, self.lowest_high = row.published[:10], None, None
        if self.highest_low is not None and row.high < self.highest_low.low:
            done.append(flag("same date, figures differ", self.highest_low, row))
        elif self.lowest_high is not None and row.low > self.lowest_high.high:
            done.append(flag("same date, figures differ", self.lowest_high, row))
        if self.highest_low is None or row.low > self.highest_low.low:
            self.highest_low = row
        if self.lowest_high is None or row.high < self.lowest_high.high:
            self.lowest_high = row
        if row.cumulative:
            self.today.append(row)
        return done

    def end_day(self) -> None:
        """Compare the day's cumulative figures with the largest of earlier days, then let them count as earlier."""
        if self.largest is not None:
            self.shrinking += [flag("cumulative count smaller than an earlier report", self.largest, r)
                               for r in self.today if r.high < self.largest.low]
        for row in self.today:
            if self.largest is None or row.low > self.largest.low:
                self.largest = row
        self.today = []

    def end_claim(self) -> list[dict]:
        """Close the claim: its flags of the second kind."""
        self.end_day()
        done, self.shrinking = self.shrinking, []
        self.day = self.largest = None
        return done


ROWS = {"header": False, "index": False, "lineterminator": "\n"}  # a batch of rows of a CSV file written in batches


def write_claims(out: Path, batch: int = 50_000) -> tuple[Path, Path]:
    """claims.csv and contradictions.csv of a corpus run, from its reported_numbers table: the figures whose subject,
    unit and place several articles report, numbered by claim and sorted by subject, unit, place, publication date
    and article (ties in file order), and the pairs conflicts() flags. Written as the figures stream out of an
    on-disk sort (SQLite, whose binary order of UTF-8 text is Python's order of strings), so that memory does not
    grow with the corpus."""
    import sqlite3
    import tempfile

    key, columns = "subject, unit, place", ", ".join(f'"{c}"' for c in CLAIM_COLUMNS[1:])
    query = (f"SELECT {columns}, COUNT(*) OVER (PARTITION BY {key}, article) = 1 AS alone FROM numbers "
             f"WHERE ({key}) IN (SELECT {key} FROM numbers GROUP BY {key} HAVING COUNT(DISTINCT article) > 1) "
             f"ORDER BY {key}, published, article, seq")
    checker, claim, last = ClaimChecker(), 0, None
    with (tempfile.TemporaryDirectory(prefix=".claims-", dir=out) as scratch,
          contextlib.closing(sqlite3.connect(Path(scratch) / "numbers.sqlite")) as db,
          atomic_path(out / "claims.csv") as claims_tmp, claims_tmp.open("w", encoding="utf-8", newline="") as claims,
          atomic_path(out / "contradictions.csv") as flags_tmp,
          flags_tmp.open("w", encoding="utf-8", newline="") as flags):
        for rows in pd.read_csv(out / "reported_numbers.csv", chunksize=batch, keep_default_na=False, dtype=str):
            restored(rows).to_sql("numbers", db, if_exists="append", index_label="seq")
        claims.write("\ufeff" + ",".join(CLAIM_COLUMNS) + "\n")
        flags.write("\ufeff" + ",".join(FLAG_COLUMNS) + "\n")
        cursor = db.execute(query) if db.execute("SELECT name FROM sqlite_master").fetchone() else iter(())
        while figures := [*itertools.islice(cursor, batch)]:
            table = pd.DataFrame(figures, columns=[*CLAIM_COLUMNS[1:], "alone"])
            numbers = table[["value", "low", "high"]].replace("", None).astype(float)
            table = table.assign(**numbers, cumulative=table["cumulative"] == "True", alone=table["alone"] == 1)
            keys = list(zip(table["subject"], table["unit"], table["place"], strict=True))
            numbering = []
            for k in keys:
                claim, last = (claim + 1, k) if k != last else (claim, last)
                numbering.append(claim)
            table.insert(0, "claim", numbering)
            neutralised(table.drop(columns="alone")).to_csv(claims, **ROWS)
            found = [f for row in table.itertuples(index=False) for f in checker.add(row)]
            neutralised(pd.DataFrame(found, columns=FLAG_COLUMNS)).to_csv(flags, **ROWS)
        remaining = checker.end_claim()
        neutralised(pd.DataFrame(remaining, columns=FLAG_COLUMNS)).to_csv(flags, **ROWS)
    return out / "claims.csv", out / "contradictions.csv"
