"""One partition of a corpus run: each article loaded, segmented, counted and its statistics extracted, the
partition's tables and segmented texts written, and only overall counts and errors returned to the parent."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.corpus.claims import CLAIM_COLUMNS, claim_numbers
from analysis.corpus.exports import text_names, write_segmented_text
from analysis.files import write_csv
from analysis.numbers.extracting import COLUMNS, statistics_columns, statistics_table
from analysis.reading.article import Article, ArticleWarning
from analysis.reading.loading import load_article
from analysis.reading.script import script_of, word_key
from analysis.words.frequency import counted, pieces, quotations

PARTITIONS = "partitions"
TEXTS = "texts"
ARTICLE_COLUMNS = ["article", "title", "published", "source", "outlet", "script", "chars", "words"]
# the tables written per partition and assembled, in partition order, into one file each
PARTITION_TABLES = {
    "articles": ARTICLE_COLUMNS,
    "word_frequencies_by_article": ["article", "word", "count"],
    "statistics": ["article", *COLUMNS],
    "reported_numbers": CLAIM_COLUMNS[1:],
    "quoted_phrases": ["article", "phrase", "count"],
}


@dataclass
class ArticleResult:
    """What one article gave, as plain lists and dicts (partition_tables makes the tables): its word counts,
    statistics (statistics_columns), metadata, segmented lines, quoted phrases (ranked) and the figures claims are
    matched on (claim_numbers), or the error that stopped it."""

    article: str
    chars: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    statistics: dict[str, list] | None = None
    error: str = ""
    metadata: dict = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    quoted: list[tuple[str, int]] = field(default_factory=list)
    numbers: list[dict] = field(default_factory=list)


@dataclass
class Summary:
    """What the parent keeps of a run: overall word counts and articles per word (under each word's key, whatever its
    script: word_key), how often each form of a word is written, how many articles are in each script, errors (file
    order) and sizes."""

    counts: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    scripts: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    analysed: int = 0
    chars: int = 0
    undated: int = 0

    def add(self, other: Summary) -> Summary:
        """Fold another summary into this one (its errors after this one's) and return this one."""
        self.counts.update(other.counts)
        self.articles.update(other.articles)
        self.forms.update(other.forms)
        self.scripts.update(other.scripts)
        self.errors.extend(other.errors)
        self.analysed += other.analysed
        self.chars += other.chars
        self.undated += other.undated
        return self


def merged(summaries: Iterable[Summary]) -> Summary:
    """One new summary of several, in the order given."""
    total = Summary()
    for summary in summaries:
        total.add(summary)
    return total


def keyed(counts: Counter[str]) -> Counter[str]:
    """Word counts under each word's key, whatever its script (志願者 and 志愿者 counted together)."""
    total = Counter()
    for word, n in counts.items():
        total[word_key(word)] += n
    return total


def segmented_lines(text: str) -> tuple[list[str], Counter[str]]:
    """The text's tokens separated by spaces, one line of the text a line, and the counts word_counts gives, from one
    segmentation."""
    lines, line, counts = [], [], Counter()
    for word in pieces(text):
        if "\n" in word:
            lines.append(" ".join(line))
            line = []
        elif not word.isspace():
            line.append(word.strip())
            counts[word] += 1
    lines.append(" ".join(line))
    return [line for line in lines if line], counted(counts)


def article_row(article: Article, counts: Counter[str]) -> dict:
    """The article's row of the articles table."""
    published = article.published
    return {
        "title": article.title,
        "published": published.isoformat() if isinstance(published, date) else "",
        "source": article.source,
        "outlet": article.outlet,
        "script": script_of(article.text),
        "chars": len(article.text),
        "words": sum(counts.values()),
    }


def analyse_file(path: Path) -> ArticleResult:
    """Load, clean, segment, count and extract the statistics of one article file; a problem is recorded, not raised."""
    try:
        with warnings.catch_warnings():  # an undated article is counted in the run's summary, not warned mid-bar
            warnings.simplefilter("ignore", ArticleWarning)
            article = load_article(path)
    except OSError as error:
        return ArticleResult(path.name, error=error.strerror or str(error))
    except ValueError as error:  # ArticleError, and anything else the text makes impossible (a 30 February)
        # the table names the file: the message is the problem, without the path (`PATH: …`, `PATH, line 3 …`)
        return ArticleResult(path.name, error=str(error).removeprefix(str(path)).lstrip(":, "))
    except Exception as error:  # one odd article must not stop a run over thousands
        return ArticleResult(path.name, error=f"loading failed: {type(error).__name__}: {error}")
    try:
        lines, counts = segmented_lines(article.text)
        statistics, metadata = statistics_columns(article), article_row(article, counts)
        numbers = claim_numbers(statistics, path.name, metadata["title"], metadata["published"])
        quoted = ranked(sum(quotations(article.text).values(), Counter()))
        return ArticleResult(path.name, len(article.text), counts, statistics, metadata=metadata, lines=lines,
                             quoted=quoted, numbers=numbers)
    except Exception as error:  # one odd article must not stop a run over thousands
        return ArticleResult(path.name, error=f"analysis failed: {type(error).__name__}: {error}")


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Words and counts, most frequent first, ties in word order (as word_frequencies orders them)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def partition_tables(results: list[ArticleResult]) -> dict[str, pd.DataFrame]:
    """The per-article tables of some results, articles in the order given: what they are, their word counts, their
    statistics, the numbers claims are matched on and the phrases they quote."""
    good = [r for r in results if not r.error]
    articles = pd.DataFrame([{"article": r.article, **r.metadata} for r in good], columns=ARTICLE_COLUMNS)
    # under each word's key: the corpus's shown forms replace them once every article is counted (show_forms)
    by_article = pd.DataFrame(
        [(r.article, word, n) for r in good for word, n in ranked(keyed(r.counts))],
        columns=["article", "word", "count"],
    )
    statistics = statistics_table({
        "article": [r.article for r in good for _ in r.statistics["text"]],
        **{column: [value for r in good for value in r.statistics[column]] for column in COLUMNS},
    })
    quoted = pd.DataFrame([(r.article, phrase, n) for r in good for phrase, n in r.quoted],
                          columns=PARTITION_TABLES["quoted_phrases"])
    numbers = pd.DataFrame([row for r in good for row in r.numbers], columns=CLAIM_COLUMNS[1:])
    return {"articles": articles, "word_frequencies_by_article": by_article, "statistics": statistics,
            "reported_numbers": numbers, "quoted_phrases": quoted}


def partition_path(out: Path, table: str, number: int) -> Path:
    """Where partition `number` of a table is written."""
    return out / PARTITIONS / f"{table}-{number:05d}.csv"


def analyse_partition(out: Path, number: int, paths: list[Path], texts: dict[str, str] | None = None) -> Summary:
    """Analyse a chunk of files, write its tables as partition `number` and each article's segmented text (in the file
    `texts` names, by default text_names of the chunk; all atomically, so a retried partition replaces its files), and
    return only its overall counts and errors."""
    texts = texts or text_names([path.name for path in paths])
    results = [analyse_file(path) for path in paths]
    for name, table in partition_tables(results).items():
        write_csv(partition_path(out, name, number), table)
    summary = Summary(errors=[(r.article, r.error) for r in results if r.error])
    for r in results:
        if not r.error:
            write_segmented_text(out / TEXTS / texts[r.article], r.lines)
            counts = keyed(r.counts)
            summary.counts.update(counts)
            summary.articles.update(counts.keys())
            summary.forms.update(r.counts)
            summary.scripts[r.metadata["script"]] += 1
            summary.analysed += 1
            summary.chars += r.chars
            summary.undated += not r.metadata["published"]
    return summary
