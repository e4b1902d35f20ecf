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


def read_tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The statistics (counts, amounts and percentages with a subject) and articles tables of a corpus run."""
    columns = ["article", "text", "value", "unit", "bound", "kind", "subject", "sentence", "sentence_start", "start"]
    statistics = pd.read_csv(out / "statistics.csv", usecols=columns, keep_default_na=False,
                             dtype={c: str for c in columns if c not in {"value", "sentence_start", "start"}},
                             na_values={"value": [""]})
    statistics = statistics[statistics["kind"].isin(["count", "amount", "percent"]) & (statistics["subject"] != "")]
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    return statistics, articles


def find_claims(statistics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every figure whose subject, unit family and place another article also reports, grouped into numbered claims
    (by subject, unit and place), each claim's figures by publication date."""
    meta = articles.set_index("article")
    rows = []
    for row in statistics.itertuples(index=False):
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
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    key = ["subject", "unit", "place"]
    shared = table.groupby(key)["article"].transform("nunique") > 1
    table = table[shared].sort_values([*key, "published", "article"], kind="stable", ignore_index=True)
    table.insert(0, "claim", table.groupby(key, sort=False).ngroup() + 1)
    return table


def overlap(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """True when some figure of a and some figure of b can both be true."""
    return any(x.low <= y.high and y.low <= x.high for x in a.itertuples() for y in b.itertuples())


def conflict(earlier: pd.DataFrame, later: pd.DataFrame) -> tuple[str, pd.Series, pd.Series] | None:
    """Why two articles' figures of one claim cannot both be true, with the two figures; None when they can.

    An article may give several figures of a claim (群眾 9000人 registered, 近千名 群眾 watching): on the same day
    they conflict only when none of one article's figures fits one of the other's; over time, a cumulative count
    conflicts when the later article's largest is below the earlier article's largest."""
    published, other = earlier["published"].iloc[0], later["published"].iloc[0]
    if not (published and other):
        return None  # an article without a full date is compared with none
    if published[:10] == other[:10]:
        if overlap(earlier, later):
            return None
        return "same date, figures differ", earlier.iloc[0], later.iloc[0]
    before, after = earlier[earlier["cumulative"]], later[later["cumulative"]]
    if before.empty or after.empty:
        return None
    largest_before, largest_after = before.loc[before["low"].idxmax()], after.loc[after["high"].idxmax()]
    if largest_after["high"] < largest_before["low"]:
        return "cumulative count smaller than an earlier report", largest_before, largest_after
    return None


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Pairs of articles whose figures of one claim cannot both be true: the same count published the same day with
    figures that do not overlap, or a cumulative count later smaller than earlier."""
    flags = []
    for _, claim in claims.groupby("claim", sort=True):
        reports = [figures for _, figures in claim.groupby("article", sort=False)]  # by publication date
        for i, later in enumerate(reports):
            for earlier in reports[:i]:
                found = conflict(earlier, later)
                if found is None:
                    continue
                reason, first, second = found
                flags.append({
                    "claim": first["claim"], "subject": first["subject"], "unit": first["unit"],
                    "place": first["place"], "reason": reason, "article": first["article"],
                    "published": first["published"], "text": first["text"], "other_article": second["article"],
                    "other_published": second["published"], "other_text": second["text"],
                })
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def write_claims(out: Path) -> tuple[Path, Path]:
    """claims.csv and contradictions.csv of a corpus run, from its statistics and articles tables."""
    claims = find_claims(*read_tables(out))
    return write_csv(out / "claims.csv", claims), write_csv(out / "contradictions.csv", conflicts(claims))
