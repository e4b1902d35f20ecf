"""Analyse a folder of articles into corpus tables, one process per core, skipping (and listing) bad files."""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.article import ArticleError
from analysis.exporting import write_csv
from analysis.frequency import word_frequencies
from analysis.loading import load_article
from analysis.segmenting import tokenize
from analysis.statistics import extract_statistics


@dataclass
class ArticleResult:
    """What one article gave: its word frequencies and statistics, or the error that stopped it."""

    article: str
    chars: int = 0
    frequencies: pd.DataFrame | None = None
    statistics: pd.DataFrame | None = None
    error: str = ""


def analyse_file(path: Path) -> ArticleResult:
    """Load, clean, segment, count and extract the statistics of one article file."""
    try:
        article = load_article(path)
    except (ArticleError, OSError) as error:
        return ArticleResult(path.name, error=str(error))
    frequencies = word_frequencies(article)[["word", "count"]]
    return ArticleResult(path.name, len(article.text), frequencies, extract_statistics(article))


def warm_up() -> None:
    """Load the segmenter's dictionary once in a worker process, before it takes any article."""
    tokenize("西鄉街道")


def analyse_files(files: list[Path], jobs: int = 1, progress: bool = False) -> list[ArticleResult]:
    """Analyse files in order, in `jobs` processes; each process loads the dictionary once."""
    from tqdm import tqdm

    bar = tqdm(total=len(files), desc="articles", unit="article", file=sys.stderr, disable=not progress)
    with bar:
        if jobs <= 1:
            warm_up()
            results = []
            for path in files:
                results.append(analyse_file(path))
                bar.update(1)
            return results
        with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up) as pool:
            results = []
            for result in pool.map(analyse_file, files, chunksize=max(1, len(files) // (jobs * 8))):
                results.append(result)
                bar.update(1)
            return results


def corpus_tables(results: list[ArticleResult]) -> dict[str, pd.DataFrame]:
    """Word frequencies per article and overall, statistics with an article column, and the load errors."""
    good = [r for r in results if not r.error]
    by_article = pd.concat(
        [r.frequencies.assign(article=r.article) for r in good] or [pd.DataFrame(columns=["word", "count", "article"])],
        ignore_index=True,
    )[["article", "word", "count"]]
    overall = (
        by_article.groupby("word", as_index=False)
        .agg(count=("count", "sum"), articles=("article", "nunique"))
        .sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    )
    statistics = pd.concat(
        [r.statistics.assign(article=r.article) for r in good if len(r.statistics)] or [pd.DataFrame()]
    )
    if len(statistics):
        statistics = statistics[["article", *[c for c in statistics.columns if c != "article"]]].reset_index(drop=True)
    errors = pd.DataFrame(
        [{"article": r.article, "error": r.error} for r in results if r.error], columns=["article", "error"]
    )
    return {
        "word_frequencies_by_article": by_article,
        "word_frequencies": overall,
        "statistics": statistics,
        "errors": errors,
    }


def run_corpus(directory: Path, out: Path | None = None, jobs: int | None = None, quiet: bool = False) -> int:
    """The `corpus` command: analyse every *.txt in a folder into corpus tables; 2 if there is none."""
    import os

    files = sorted(p for p in directory.glob("*.txt") if p.is_file()) if directory.is_dir() else []
    if not files:
        print(f"corpus: no article files (*.txt) in {directory}", file=sys.stderr)
        return 2
    out = out or directory.parent / f"{directory.name}-corpus"
    results = analyse_files(files, jobs or os.cpu_count() or 1, progress=not quiet)
    for name, table in corpus_tables(results).items():
        write_csv(out / f"{name}.csv", table)
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"corpus: skipped {r.error}", file=sys.stderr)
    print(
        f"corpus: {len(results) - len(failed)} articles analysed, {len(failed)} skipped; tables in {out}",
        file=sys.stderr,
    )
    return 0
