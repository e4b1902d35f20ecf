"""Sentences that state what the corpus tables show, true for any corpus: one without a dated article, a shared
phrase or a claim included. Each takes a table of analysis.corpus.study and returns Markdown, article text
escaped."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.study import simplified_forms
from analysis.reports.findings import listing, plural, quote
from analysis.reports.tables import number_text

NAMED = 10  # articles named in a sentence at most; the rest are counted


def named(articles: pd.DataFrame) -> str:
    """The articles as a list of `file` (outlet, 「title」), the first NAMED of them and a count of the rest."""
    names = [f"{quote(r.article)} ({quote(r.outlet)}, 「{quote(r.title)}」)" for r in articles.head(NAMED).itertuples()]
    if len(articles) > NAMED:
        names.append(f"{number_text(len(articles) - NAMED)} more, listed in articles.csv")
    return listing(names)


def corpus_finding(articles: pd.DataFrame, errors: pd.DataFrame) -> str:
    """How many articles from how many outlets, in which script, over which dates; the undated ones named; how
    many files could not be read."""
    if articles.empty:
        return "**Result.** No article could be read" + (f": {plural(len(errors), 'file')} failed." if len(errors)
                                                         else ".")
    scripts = articles["script"].value_counts()
    in_scripts = listing([f"{number_text(scripts[s])} in {s.capitalize()} script" for s in
                          ("traditional", "simplified") if s in scripts])
    text = (f"**Result.** The corpus holds {plural(len(articles), 'article')} from "
            f"{plural(articles['outlet'].nunique(), 'outlet')}" + (f", {in_scripts}" if in_scripts else "") + ".")
    dated = articles[articles["published"] != ""]
    if len(dated):
        first, last = dated["published"].min()[:10], dated["published"].max()[:10]
        span = f"on {first}" if first == last else f"from {first} to {last}"
        text += f" {number_text(len(dated))} {'is' if len(dated) == 1 else 'are'} dated, {span}."
    text += " " + undated_finding(articles)
    if len(errors):
        text += f" {plural(len(errors), 'file')} could not be read (listed below)."
    return text


def undated_finding(articles: pd.DataFrame) -> str:
    """Which articles give no publication date: they are counted everywhere but cannot be placed in time."""
    missing = articles[articles["published"] == ""]
    if missing.empty:
        return "Every article gives its publication date."
    if len(missing) == len(articles):
        return "No article gives a publication date, so nothing can be placed in time."
    verb = "gives" if len(missing) == 1 else "give"
    return (f"{plural(len(missing), 'article')} {verb} no publication date and {'is' if len(missing) == 1 else 'are'} "
            f"left off every time axis (but counted in every other table): {named(missing)}.")


def months_finding(monthly: pd.DataFrame) -> str:
    """How many months the dated articles fall in, of how many in their span, and the busiest month."""
    if monthly.empty:
        return ""
    per_month = monthly.drop(columns="month").sum(axis=1)
    busiest = per_month.max()
    months = listing(list(monthly.loc[per_month == busiest, "month"]))
    span = f"{monthly['month'].iloc[0]} to {monthly['month'].iloc[-1]}"
    return (f"The dated articles fall in {number_text((per_month > 0).sum())} of the "
            f"{plural(len(monthly), 'month')} from {span}; the most in one month is "
            f"{plural(int(busiest), 'article')} ({months}).")


def lengths_finding(articles: pd.DataFrame) -> str:
    """The shortest, median and longest article in characters of cleaned text and counted words."""
    if articles.empty:
        return ""
    chars, words = articles["chars"], articles["words"]
    return (f"Articles run from {number_text(chars.min())} to {plural(int(chars.max()), 'character')} of cleaned text "
            f"(median {number_text(round(chars.median()))}) and from {number_text(words.min())} to "
            f"{plural(int(words.max()), 'counted word')} (median {number_text(round(words.median()))}).")


def errors_finding(errors: pd.DataFrame) -> str:
    """Which files could not be read, or that every file was."""
    if errors.empty:
        return "Every file of the folder was read as an article."
    return f"{plural(len(errors), 'file')} could not be read; each problem is in `errors.csv`:"


def rows_shown(shown: int, total: int, what: str, csv: str, link: str, many: str | None = None) -> str:
    """A sentence over a table that shows only its first rows: how many of how many `what` (plural `many`), and
    where the whole table is."""
    if total <= shown:
        return f"All {plural(total, what, many)}; the table is also in [{csv}]({link})."
    return f"The first {number_text(shown)} of {plural(total, what, many)}; the whole table is in [{csv}]({link})."


def trends_finding(trends: pd.DataFrame, terms: list[str]) -> str:
    """For each term drawn: how often it occurs in the dated articles and the month of its highest rate."""
    if not terms:
        return "The corpus has no counted word, so there is no term to follow."
    if trends.empty:
        return "No article is dated, so no term can be followed over time."
    parts = []
    for term, rows in trends.groupby("term", sort=False):
        total = int(rows["count"].sum())
        if not total:
            parts.append(f"{quote(term)} does not occur in a dated article")
            continue
        peak = rows.loc[rows["per_10000"].idxmax()]
        parts.append(f"{quote(term)} occurs {plural(total, 'time')}, most often in {peak['month']} "
                     f"({peak['per_10000']:,.0f} per 10,000 of that month's {plural(int(peak['words']), 'word')})")
    return "**Result.** " + "; ".join(parts) + "."


def term_finding(term: str, by_month: pd.DataFrame, in_articles: pd.DataFrame) -> str:
    """One term across the corpus: its forms, how many articles use it, how often, and its dated and undated uses."""
    used = in_articles[in_articles["count"] > 0]
    if used.empty:
        return f"{quote(term)} (compared in Simplified script) occurs in no article of the corpus."
    forms = listing(sorted({f for cell in used["forms"] for f in cell.split(" / ")}))
    text = (f"{quote(term)} occurs {plural(int(used['count'].sum()), 'time')} in "
            f"{plural(len(used), 'article')} of {number_text(len(in_articles))}, written {quote(forms)}.")
    undated = used[used["published"] == ""]
    if len(undated):
        text += f" {plural(int(undated['count'].sum()), 'use')} {'is' if undated['count'].sum() == 1 else 'are'} " \
                f"in undated articles, not on the time axis."
    if len(by_month) and by_month["count"].sum():
        top = by_month.loc[by_month["per_10000"].idxmax()]
        text += f" Its highest monthly rate is {top['per_10000']:,.0f} per 10,000 words, in {top['month']}."
    return text


def keyness_finding(keyness: pd.DataFrame) -> str:
    """How many articles have a distinctive word, and the most distinctive of all."""
    if keyness.empty:
        return "No article uses any word more than the rest of the corpus does (a corpus of one article has no rest)."
    top = keyness.loc[keyness["g2"].idxmax()]
    articles = keyness["article"].nunique()
    return (f"**Result.** {plural(articles, 'article')} {'has' if articles == 1 else 'have'} "
            f"words they use more than the rest of the corpus; the most distinctive of all is {quote(top['word'])} in "
            f"{quote(top['article'])} ({number_text(top['count'])} times there, {number_text(top['rest'])} in all "
            f"the others; G² {top['g2']:,.1f}).")


def slogans_finding(slogans: pd.DataFrame, quoted: pd.DataFrame, least: int) -> str:
    """How many quoted phrases several articles share, the most widely shared, and when it first appeared; when none
    is shared, what was compared."""
    if quoted.empty:
        return "**Result.** No article quotes a phrase in 「」, “”, 『』 or ‘’, so no slogan can be shared."
    if slogans.empty:
        families = simplified_forms(quoted["phrase"])
        reach = int(quoted.groupby(families)["article"].nunique().max())
        return (f"**Result.** No phrase is quoted by {number_text(least)} or more articles: "
                f"{plural(quoted['article'].nunique(), 'article')} quote "
                f"{plural(families.nunique(), 'distinct phrase')} (both scripts compared in Simplified form), "
                f"none in more than {plural(reach, 'article')}.")
    top = slogans.iloc[0]
    first = (f"first in {quote(top['first_article'])} ({top['first_published'][:10]})" if top["first_published"]
             else "in undated articles only")
    forms = f" (written {quote(top['forms'])})" if " / " in top["forms"] else ""
    return (f"**Result.** {plural(len(slogans), 'phrase is', 'phrases are')} quoted by {number_text(least)} or more "
            f"articles. The most widely quoted is 「{quote(top['phrase'])}」{forms}: in "
            f"{plural(int(top['articles']), 'article')}, {plural(int(top['count']), 'time')} in all, {first}.")


def claims_finding(claims: pd.DataFrame, flags: pd.DataFrame, numbers: pd.DataFrame,
                   candidates: pd.DataFrame) -> str:
    """How many claims several articles report and how many pairs are flagged; when there is no claim, what was
    compared and why no pair of reported numbers qualified."""
    compared = (f"Reported numbers are the counts, amounts and percentages with a subject: the corpus has "
                f"{plural(len(numbers), 'reported number')} in {plural(numbers['article'].nunique(), 'article')}"
                f", with {plural(numbers['subject'].nunique(), 'distinct subject')} (in Simplified script).")
    if len(claims):
        articles = claims["article"].nunique()
        text = (f"**Result.** {plural(claims['claim'].nunique(), 'claim')} reported by several articles, "
                f"{plural(len(flags), 'contradiction')}: {plural(len(claims), 'reported number')} from "
                f"{plural(articles, 'article')} share a subject, unit and place with one of another article. ")
        return text + compared
    if numbers.empty:
        return ("**Result.** 0 claims reported by several articles: no article gives a count, amount or percentage "
                "with a subject, so there is nothing to compare.")
    text = f"**Result.** 0 claims reported by several articles. {compared} "
    if candidates.empty:
        return text + "No subject has reported numbers in more than one article, so no pair could match."
    outcomes = candidates["outcome"].value_counts()
    reasons = listing([f"{plural(int(outcomes[o]), 'subject')} with {o}" for o in
                       ("same unit, different places", "different units") if o in outcomes])
    return text + (f"{plural(len(candidates), 'subject has', 'subjects have')} reported numbers in several articles, "
                   f"but never with the same unit and place: {reasons} (the table below).")
