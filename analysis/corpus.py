"""Analyse a folder of articles into corpus tables, one process per core, skipping (and listing) bad files."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.exporting import write_csv
from analysis.extracting import COLUMNS, extract_statistics
from analysis.frequency import word_counts
from analysis.loading import load_article
from analysis.numerals import number_value
from analysis.segmenting import tokenize


@dataclass
class ArticleResult:
    """What one article gave: its word counts and statistics, or the error that stopped it."""

    article: str
    chars: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    statistics: pd.DataFrame | None = None
    error: str = ""


def analyse_file(path: Path) -> ArticleResult:
    """Load, clean, segment, count and extract the statistics of one article file; a problem is recorded, not raised."""
    try:
        article = load_article(path)
    except OSError as error:
        return ArticleResult(path.name, error=error.strerror or str(error))
    except ValueError as error:  # ArticleError, and anything else the text makes impossible (a 30 February)
        return ArticleResult(path.name, error=str(error).removeprefix(f"{path}: "))
    except Exception as error:  # one odd article must not stop a run over thousands
        return ArticleResult(path.name, error=f"loading failed: {type(error).__name__}: {error}")
    try:
        return ArticleResult(path.name, len(article.text), word_counts(article.text), extract_statistics(article))
    except Exception as error:  # one odd article must not stop a run over thousands
        return ArticleResult(path.name, error=f"analysis failed: {type(error).__name__}: {error}")


def warm_up() -> None:
    """Run each step once on a few words, so that jieba's dictionaries, the tagger, the stop words and cn2an are
    loaded before the first article."""
    word_counts("西鄉街道")
    tokenize("西鄉街道")
    number_value("五十八萬")


def tracked(results: Iterable[ArticleResult], total: int, progress: bool) -> list[ArticleResult]:
    """The results as a list, with a progress bar on stderr while they come in."""
    from tqdm import tqdm

    return list(tqdm(results, total=total, desc="articles", unit="article", file=sys.stderr, disable=not progress))


def analyse_files(files: list[Path], jobs: int = 1, progress: bool = False) -> list[ArticleResult]:
    """Analyse files in order, in `jobs` processes; each process loads the dictionaries once."""
    if jobs <= 1:
        warm_up()
        return tracked(map(analyse_file, files), len(files), progress)
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up) as pool:
        # map() starts the workers, so they are forked before the progress bar starts its thread
        results = pool.map(analyse_file, files, chunksize=max(1, len(files) // (jobs * 8)))
        return tracked(results, len(files), progress)


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Words and counts, most frequent first, ties in word order (as word_frequencies orders them)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def corpus_tables(results: list[ArticleResult]) -> dict[str, pd.DataFrame]:
    """Word frequencies per article and overall, statistics with an article column, and the articles skipped."""
    good = [r for r in results if not r.error]
    by_article = pd.DataFrame(
        [(r.article, word, n) for r in good for word, n in ranked(r.counts)], columns=["article", "word", "count"]
    )
    total, articles = Counter(), Counter()
    for r in good:
        total.update(r.counts)
        articles.update(r.counts.keys())
    overall = pd.DataFrame(
        [(word, n, articles[word]) for word, n in ranked(total)], columns=["word", "count", "articles"]
    )
    tables = [r.statistics.assign(article=r.article) for r in good if len(r.statistics)]
    statistics = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=["article", *COLUMNS])
    statistics = statistics[["article", *COLUMNS]]
    errors = pd.DataFrame([(r.article, r.error) for r in results if r.error], columns=["article", "error"])
    return {
        "word_frequencies_by_article": by_article,
        "word_frequencies": overall,
        "statistics": statistics,
        "errors": errors,
    }


def run_corpus(directory: Path, out: Path | None = None, jobs: int | None = None, quiet: bool = False) -> int:
    """The `corpus` command: analyse every *.txt in a folder into corpus tables; 2 if there is none."""
    files = sorted(p for p in directory.glob("*.txt") if p.is_file()) if directory.is_dir() else []
    if not files:
        print(f"corpus: no article files (*.txt) in {directory}", file=sys.stderr)
        return 2
    out = out or directory.parent / f"{directory.name}-corpus"
    results = analyse_files(files, min(jobs or os.cpu_count() or 1, len(files)), progress=not quiet)
    try:
        for name, table in corpus_tables(results).items():
            write_csv(out / f"{name}.csv", table)
    except OSError as error:
        print(f"corpus: cannot write the tables to {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"corpus: skipped {r.article}: {r.error}", file=sys.stderr)
    print(
        f"corpus: {len(results) - len(failed)} articles analysed, {len(failed)} skipped; tables in {out}",
        file=sys.stderr,
    )
    return 0
