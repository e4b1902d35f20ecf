"""The corpus notebooks' computations: the corpus's outlets and dates (undated articles named, not dropped), words
over time and per article (terms found in either script through their Simplified form), the terms' collocates and the
co-occurrence network over the segmented texts (the article's measures, analysis.words.collocations), keyness against
the rest of the corpus, slogans shared by several articles, and why reported numbers did or did not make claims. The
build runs the notebooks (analysis.pipeline.building.build_corpus)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.partitions import TEXTS
from analysis.files import restored
from analysis.reading.characters import is_word
from analysis.reading.script import to_simplified, word_key
from analysis.reading.sentences import token_sentences
from analysis.words.collocations import (
    WINDOW,
    collocate_table,
    cooccurrence_table,
    run_positions,
    window_counts,
)
from analysis.words.keyterms import log_likelihood

TABLES = ["articles", "errors", "word_frequencies", "word_frequencies_by_article", "quoted_phrases",
          "reported_numbers", "claims", "contradictions"]
WRITES = "`python -m analysis corpus DIR --out TABLES` writes the corpus tables"
NO_OUTLET = "(no outlet named)"  # a page without a source line: an outlet of its own in every table and chart


@dataclass(frozen=True)
class ReportFolders:
    """Where the corpus notebooks write: their charts (PNG, SVG, CSV) and the whole tables their reports show in
    part, kept out of the tables folder itself so that the corpus run's tables stay only its own."""

    figures: Path
    processed: Path


def report_folders(tables: str | Path, out: str | Path | None = None) -> ReportFolders:
    """The corpus notebooks' output folders under `out` (None: the tables folder): figures/corpus/ and
    processed/corpus/, which the reports in reports/corpus/ link to as ../../figures/corpus/ and
    ../../processed/corpus/."""
    out = Path(out if out is not None else tables)
    return ReportFolders(out / "figures" / "corpus", out / "processed" / "corpus")


def read_corpus(tables: str | Path | None) -> dict[str, pd.DataFrame]:
    """The tables a corpus run wrote, by name, with each article's month of publication ('' when undated) and an
    article without an outlet under NO_OUTLET; FileNotFoundError names what is missing and the command that writes
    it."""
    if tables is None:
        raise FileNotFoundError(f"no folder of corpus tables given: set `tables`; {WRITES}")
    tables = Path(tables)
    if not tables.is_dir():
        raise FileNotFoundError(f"{tables}: no such folder; {WRITES}")
    missing = [name for name in TABLES if not (tables / f"{name}.csv").is_file()]
    if missing:
        raise FileNotFoundError(f"{tables}: no {missing[0]}.csv; `python -m analysis corpus DIR --out {tables}` "
                                "writes the corpus tables")
    read = {name: restored(pd.read_csv(tables / f"{name}.csv", keep_default_na=False)) for name in TABLES}
    read["articles"]["month"] = read["articles"]["published"].str[:7]
    read["articles"]["outlet"] = read["articles"]["outlet"].replace("", NO_OUTLET)
    return read


def undated(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles without a publication date, in file order."""
    return articles[articles["published"] == ""].reset_index(drop=True)


def outlets(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet, most articles first (ties by name): its articles in each script, dated and undated, and
    their length in characters and counted words."""
    rows = articles.assign(traditional=articles["script"] == "traditional",
                           simplified=articles["script"] == "simplified", undated=articles["published"] == "")
    table = rows.groupby("outlet").agg(articles=("article", "size"), traditional=("traditional", "sum"),
                                       simplified=("simplified", "sum"), undated=("undated", "sum"),
                                       characters=("chars", "sum"), words=("words", "sum"))
    table = table.reset_index()
    return table.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def articles_by_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per month of publication (a month with none is a zero row) and outlet, outlets in the order of
    outlets(); undated articles are not in it (undated() names them)."""
    dated = articles[articles["month"] != ""]
    if dated.empty:
        return pd.DataFrame(columns=["month"])
    table = dated.pivot_table(index="month", columns="outlet", values="article", aggfunc="count", fill_value=0)
    months = pd.period_range(table.index.min(), table.index.max(), freq="M").strftime("%Y-%m")
    order = [o for o in outlets(articles)["outlet"] if o in table.columns]
    return table.reindex(index=months, columns=order, fill_value=0).rename_axis("month").reset_index() \
        .rename_axis(columns=None)


def simplified_forms(words: pd.Series) -> pd.Series:
    """Each word's Simplified form, converting each distinct word once."""
    distinct = words.drop_duplicates()
    return words.map(dict(zip(distinct, map(to_simplified, distinct), strict=True)))


def term_families(frequencies: pd.DataFrame, top: int = 5) -> list[str]:
    """The `top` most frequent words of the corpus, counting a word's forms in both scripts as one (黨員 and 党员),
    each given in its most frequent form."""
    if frequencies.empty:
        return []
    family = frequencies.assign(key=simplified_forms(frequencies["word"]))
    totals = family.groupby("key", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
    shown = family.drop_duplicates("key").set_index("key")["word"]  # frequencies are most frequent first
    return [shown[key] for key in totals.index[:top]]


def term_trends(by_article: pd.DataFrame, articles: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Each term's relative frequency by month (Voyant's Trends), in either script (words are compared on their
    Simplified form): count, the month's counted words, and the count per 10,000 words; months with dated articles
    only."""
    month = by_article.merge(articles[["article", "month"]], on="article")
    month = month[month["month"] != ""]
    words = month.groupby("month")["count"].sum()
    keys = {to_simplified(term): term for term in terms}
    chosen = month.assign(key=simplified_forms(month["word"]))
    chosen = chosen[chosen["key"].isin(keys)].assign(term=lambda t: t["key"].map(keys))
    counts = chosen.pivot_table(index="month", columns="term", values="count", aggfunc="sum", fill_value=0)
    counts = counts.reindex(index=words.index, columns=list(keys.values()), fill_value=0)
    table = counts.stack().rename("count").reset_index()
    table["words"] = table["month"].map(words)
    table["per_10000"] = table["count"] / table["words"] * 10_000
    return table.sort_values(["term", "month"], key=lambda s: s.map(terms.index) if s.name == "term" else s,
                             ignore_index=True)[["month", "term", "count", "words", "per_10000"]]


def term_in_articles(term: str, by_article: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One term in every article, in either script (compared on its Simplified form): the forms it is written in,
    its count, the article's counted words and the count per 10,000 of them; undated articles too, most uses
    first."""
    key = to_simplified(term)
    found = by_article[simplified_forms(by_article["word"]) == key]
    forms = found.groupby("article")["word"].agg(lambda w: " / ".join(dict.fromkeys(w))).rename("forms")
    counts = found.groupby("article")["count"].sum().rename("count")
    size = by_article.groupby("article")["count"].sum().rename("words")
    table = articles[["article", "published", "outlet"]].join(forms, on="article").join(counts, on="article") \
        .join(size, on="article")
    table = table.fillna({"forms": "", "count": 0, "words": 0}).astype({"count": int, "words": int})
    table["per_10000"] = (table["count"] / table["words"].where(table["words"] > 0) * 10_000).fillna(0.0)
    return table.sort_values(["count", "article"], ascending=[False, True], ignore_index=True)


def for_reading(table: pd.DataFrame) -> pd.DataFrame:
    """A table as a report shows it: publication times to the minute (2021-03-02 20:15; the CSV keeps the time zone)
    and fractional numbers (G², rates) to one decimal."""
    table = table.copy()
    for column in table.columns:
        if column.endswith("published"):
            table[column] = table[column].str[:16].str.replace("T", " ")
        elif pd.api.types.is_float_dtype(table[column]):
            table[column] = table[column].round(1)
    return table


def corpus_keyness(by_article: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Each article's most distinctive words against the rest of the corpus: Dunning's log-likelihood G² of words
    the article uses more than the rest does, top `top` per article. Words are compared on their Simplified form, so
    an article is not set apart by the script it is written in; each is given in the article's most used form."""
    folded = by_article.assign(key=simplified_forms(by_article["word"]))
    counts = folded.groupby(["article", "key"], sort=False)["count"].sum().reset_index()
    own = folded.sort_values(["count", "word"], ascending=[False, True], kind="stable") \
        .drop_duplicates(["article", "key"]).set_index(["article", "key"])["word"]
    totals = counts.groupby("key")["count"].sum()
    size = counts.groupby("article")["count"].sum()
    everything = int(size.sum())
    rows = []
    for article, words in counts.groupby("article", sort=False):
        c, d = int(size[article]), everything - int(size[article])
        for key, a in zip(words["key"], words["count"], strict=True):
            b = int(totals[key]) - a
            if d and a / c > b / d:
                rows.append((article, own[(article, key)], a, b, log_likelihood(a, b, c, d)))
    table = pd.DataFrame(rows, columns=["article", "word", "count", "rest", "g2"])
    table = table.sort_values(["article", "g2", "word"], ascending=[True, False, True], kind="stable")
    table = table.groupby("article", sort=False).head(top).reset_index(drop=True)
    table.insert(1, "rank", table.groupby("article").cumcount() + 1)
    return table


def shared_slogans(quoted: pd.DataFrame, articles: pd.DataFrame, least: int = 2) -> pd.DataFrame:
    """Quoted phrases in at least `least` articles, a phrase's forms in both scripts together (compared on their
    Simplified form): its most quoted form, all its forms, how many articles, how often in all, first appearance
    (an undated article is never first)."""
    dated = quoted.merge(articles[["article", "published"]], on="article")
    dated = dated.assign(key=simplified_forms(dated["phrase"]))
    dated = dated.sort_values(["published", "article"], key=lambda s: s.replace("", "9999") if s.name ==
                              "published" else s, kind="stable")
    forms = dated.groupby(["key", "phrase"], sort=False)["count"].sum().reset_index() \
        .sort_values(["key", "count", "phrase"], ascending=[True, False, True], kind="stable")
    named = forms.groupby("key", sort=False)["phrase"].agg(lambda p: " / ".join(p))
    table = dated.groupby("key", sort=False).agg(articles=("article", "nunique"), count=("count", "sum"),
                                                 first_published=("published", "first"),
                                                 first_article=("article", "first"))
    table.insert(0, "forms", named)
    table.insert(0, "phrase", named.str.split(" / ").str[0])
    table = table[table["articles"] >= least].reset_index(drop=True)
    return table.sort_values(["articles", "count", "phrase"], ascending=[False, False, True], ignore_index=True)


def claim_candidates(numbers: pd.DataFrame) -> pd.DataFrame:
    """Why reported numbers did or did not become claims: every subject (Simplified script) that several articles
    report a number of, with how many articles, its unit families and places, and the outcome: `claim` when some
    articles share its unit and place, else `same unit, different places` or `different units`."""
    rows = []
    for subject, reported in numbers.groupby("subject", sort=True):
        if reported["article"].nunique() < 2:
            continue
        keyed = reported.groupby(["unit", "place"])["article"].nunique()
        units = reported.groupby("unit")["article"].nunique()
        outcome = ("claim" if (keyed > 1).any() else "same unit, different places" if (units > 1).any()
                   else "different units")
        rows.append({"subject": subject, "articles": reported["article"].nunique(), "numbers": len(reported),
                     "units": " / ".join(u or "(none)" for u in dict.fromkeys(reported["unit"])),
                     "places": " / ".join(p or "(none)" for p in dict.fromkeys(reported["place"])),
                     "outcome": outcome})
    table = pd.DataFrame(rows, columns=["subject", "articles", "numbers", "units", "places", "outcome"])
    return table.sort_values(["articles", "subject"], ascending=[False, True], ignore_index=True)



def read_texts(tables: str | Path) -> list[list[list[str]]]:
    """The corpus run's segmented texts (texts/*.txt under the tables folder, by file name): each article's lines,
    each line its tokens."""
    return [[line.split(" ") for line in path.read_text(encoding="utf-8").splitlines() if line]
            for path in sorted((Path(tables) / TEXTS).glob("*.txt"))]


def shown_forms(frequencies: pd.DataFrame) -> dict[str, str]:
    """Each word's key (word_key) and the form the corpus tables show it in, the most frequent first."""
    shown = {}
    for word in frequencies["word"]:
        shown.setdefault(word_key(word), word)
    return shown


def corpus_collocates(texts: list[list[list[str]]], frequencies: pd.DataFrame, nodes: list[str],
                      left: int = WINDOW[0], right: int = WINDOW[1]) -> pd.DataFrame:
    """The collocates of each of `nodes` across the corpus, by the article's measures (window_counts and
    collocate_table) with each article's windows and counts added up: a window never crosses from one article into
    the next; words in either script are one word (word_key), named as the corpus tables show them."""
    shown = shown_forms(frequencies)
    streams = [[word_key(t) for line in article for t in line if is_word(t)] for article in texts]

    def named(counts: Counter) -> Counter:
        return Counter({shown.get(key, key): n for key, n in counts.items()})

    everywhere = named(sum((Counter(words) for words in streams), Counter()))
    tables = [collocate_table(node, named(sum((window_counts(words, run_positions(words, node), left, right)
                                                for words in streams), Counter())), everywhere, left, right)
              for node in nodes]
    return pd.concat(tables, ignore_index=True) if tables else collocate_table("", Counter(), everywhere, left, right)


def corpus_cooccurrences(texts: list[list[list[str]]], frequencies: pd.DataFrame, terms: int = 30, top: int = 40,
                         minimum: int = 2) -> pd.DataFrame:
    """The co-occurrence network of the corpus's most frequent words (word_frequencies.csv), by the article's measure
    (cooccurrence_table) over every sentence of every article (a line of a segmented text split after 。！？), words
    in either script one word (word_key), named as the corpus tables show them."""
    shown = shown_forms(frequencies)
    counts = Counter()
    for word, count in zip(frequencies["word"], frequencies["count"], strict=True):
        counts[shown[word_key(word)]] += int(count)
    held = defaultdict(set)  # word -> the sentences it is in, numbered across the corpus
    sentence = 0
    for article in texts:
        for line in article:
            for words in token_sentences(line):
                sentence += 1
                for key in map(word_key, words):
                    if key in shown:
                        held[shown[key]].add(sentence)
    return cooccurrence_table(held, counts, terms, top, minimum)
