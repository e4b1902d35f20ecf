"""Analyse a folder of articles into corpus tables, in partitions written as they finish, skipping (and listing) bad
files: the parent keeps only overall word counts and errors, so its memory grows with the vocabulary, not the corpus."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.corpus.claims import write_claims
from analysis.corpus.exports import text_names, write_exports
from analysis.corpus.partitions import (
    PARTITION_TABLES,
    PARTITIONS,
    TEXTS,
    ArticleResult,
    Summary,
    analyse_file,
    analyse_partition,
    partition_path,
    partition_tables,
)
from analysis.files import atomic_path, inside, locked, one_line, write_csv, write_json
from analysis.numbers.extracting import warm_up
from analysis.reading.script import word_key

# the files under partitions/ and texts/ the last run in a folder wrote: the only files a run removes
RECORD = ".corpus.json"
OUTSIDE = "a link to a file outside the folder: not read"
DIED = "the process analysing its partition died twice (out of memory, or killed)"
# articles per partition at most: a partition's results are what a worker holds before writing them
PARTITION_SIZE = 200


def shown_forms(summary: Summary) -> dict[str, str]:
    """For each word's key, the form the corpus tables show: its form most written in the script most of the
    corpus's articles are in (its form most written at all, if no article writes it in that script)."""
    traditional = summary.scripts["traditional"] > summary.scripts["simplified"]
    best: dict[str, tuple[bool, int, str]] = {}
    for form, n in summary.forms.items():
        key = word_key(form)
        rank = ((form != key) == traditional, n, form)
        if key not in best or rank > best[key]:
            best[key] = rank
    return {key: rank[2] for key, rank in best.items()}


def start_worker() -> None:
    """A worker process: Ctrl-C is the parent's to handle (one line, not a traceback from each worker); warmed up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


def chunked(files: list[Path], jobs: int) -> list[list[Path]]:
    """Files in consecutive chunks of at most PARTITION_SIZE, at least a few per worker so that a slow one does not
    hold up the end."""
    per_chunk = max(1, min(PARTITION_SIZE, -(-len(files) // (jobs * 4))))
    return [files[i : i + per_chunk] for i in range(0, len(files), per_chunk)]


def run_local(out: Path, chunks: list[list[Path]], jobs: int, texts: dict[str, str]) -> Iterator[Summary]:
    """Each chunk's summary as it finishes, from `jobs` processes that load the dictionaries once; a chunk whose
    process died (out of memory, killed) comes last, retried alone (see retried)."""
    numbers = range(len(chunks))
    if jobs <= 1:
        warm_up()
        yield from map(analyse_partition, repeat(out), numbers, chunks, repeat(texts))
        return
    lost = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker) as pool:
        futures = [pool.submit(analyse_partition, out, number, chunk, texts) for number, chunk in enumerate(chunks)]
        for number, future in enumerate(futures):
            try:
                yield future.result()
            except BrokenProcessPool:  # one process died: every chunk not yet done is lost with it
                lost.append(number)
    for number in lost:
        yield retried(out, number, chunks[number], texts)


def retried(out: Path, number: int, paths: list[Path], texts: dict[str, str]) -> Summary:
    """A partition whose process died, run again alone in a new process (so that a death is its own); if that dies
    too, its tables are written empty, its segmented texts removed and its files listed as errors."""
    with ProcessPoolExecutor(max_workers=1, initializer=start_worker) as pool:
        try:
            return pool.submit(analyse_partition, out, number, paths, texts).result()
        except BrokenProcessPool:
            pass
    for name, table in partition_tables([]).items():
        write_csv(partition_path(out, name, number), table)
    for path in paths:
        (out / TEXTS / texts[path.name]).unlink(missing_ok=True)
    return Summary(errors=[(path.name, DIED) for path in paths])


def analyse_files(files: list[Path], jobs: int = 1) -> list[ArticleResult]:
    """Every file's result in memory, in order (for measuring one article's cost, not for a large corpus)."""
    if jobs <= 1:
        warm_up()
        return list(map(analyse_file, files))
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up) as pool:
        return list(pool.map(analyse_file, files, chunksize=max(1, len(files) // (jobs * 8))))


def assemble(out: Path, table: str, partitions: int) -> Path:
    """One table from its partition files, in partition order, streamed: the same bytes as writing it whole."""
    path = out / f"{table}.csv"
    with atomic_path(path) as tmp, tmp.open("wb") as whole:
        for number in range(partitions):
            with partition_path(out, table, number).open("rb") as part:
                header = part.readline()
                if number == 0:
                    whole.write(header)
                shutil.copyfileobj(part, whole)
    return path


def show_forms(out: Path, partitions: int, shown: dict[str, str]) -> None:
    """Rewrite each partition of word_frequencies_by_article with the words in their shown forms, each article's
    words in word_frequencies' order again (most frequent first, ties in word order)."""
    for number in range(partitions):
        path = partition_path(out, "word_frequencies_by_article", number)
        table = pd.read_csv(path, dtype={"article": str, "word": str}, keep_default_na=False)
        table["word"] = table["word"].map(shown)
        order = table.groupby("article", sort=False).ngroup()
        table = table.assign(order=order).sort_values(["order", "count", "word"], ascending=[True, False, True])
        write_csv(path, table.drop(columns="order"))


def overall_tables(summary: Summary, shown: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Overall word frequencies (with the number of articles each word is in), each word in its shown form, and the
    articles skipped."""
    overall = pd.DataFrame(
        [(shown[key], n, summary.articles[key]) for key, n in summary.counts.items()],
        columns=["word", "count", "articles"],
    ).sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    errors = pd.DataFrame(summary.errors, columns=["article", "error"])
    return {"word_frequencies": overall, "errors": errors}


def remove_previous(out: Path) -> None:
    """Remove the partition files and segmented texts the previous run in `out` recorded writing (only those, and
    only under partitions/ and texts/ of `out`), so that none is taken for this run's."""
    try:
        written = json.loads((out / RECORD).read_text(encoding="utf-8"))["written"]
        paths = [inside(out, rel) for rel in written if rel.startswith((f"{PARTITIONS}/", f"{TEXTS}/"))]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # no record (a first run), or one that cannot be trusted: nothing here is known to be a run's
    for path in paths:
        if path.is_file():
            path.unlink()


def record_written(out: Path, partitions: int, texts: dict[str, str]) -> None:
    """Record what this run writes under partitions/ and texts/, before it writes it (a killed run's files too)."""
    parts = [partition_path(Path(), table, n).as_posix() for n in range(partitions) for table in PARTITION_TABLES]
    write_json(out / RECORD, {"written": parts + [f"{TEXTS}/{name}" for name in texts.values()]})


def overlap(directory: Path, out: Path) -> str:
    """How the output folder overlaps the folder of articles ('' when it does not): a run must neither read its own
    outputs nor remove its inputs."""
    if out.is_relative_to(directory):
        return "is" if out == directory else "lies inside"
    return "holds" if directory.is_relative_to(out) else ""


class FolderBusy(RuntimeError):
    """The output folder is held by another run, or cannot be written; the message names it."""


def default_out(directory: Path) -> Path:
    """Where a corpus run on a folder writes when not told: a folder beside it, `<folder>-corpus`."""
    return directory.parent / f"{directory.name}-corpus"


def run_corpus(directory: Path, out: Path | None = None, jobs: int | None = None, quiet: bool = False,
               scheduler: str = "local", address: str | None = None, wait_seconds: float = -1) -> int:
    """The `corpus` command's tables: analyse every article file of a folder into corpus tables and exports; 2 if
    there is no article or the output folder overlaps the folder. It holds the output folder's lock (waiting at most
    wait_seconds for a build writing there, < 0: forever)."""

    listed = config.article_files(directory) if directory.is_dir() else []
    # a link in the folder to a file elsewhere (a system file) is not the researcher's article
    outside = {path for path in listed if not path.resolve().is_relative_to(directory.resolve())}
    files = [path for path in listed if path not in outside]
    if not files:
        links = f" ({len(outside)} links to files outside it not read)" if outside else ""
        print(f"corpus: no article files (.txt, .html) in {directory}{links}", file=sys.stderr)
        return 2
    if jobs is not None and jobs < 1:
        print(f"corpus: --jobs must be at least 1, not {jobs}", file=sys.stderr)
        return 2
    out = (out or default_out(directory)).resolve()
    if how := overlap(directory.resolve(), out):
        print(f"corpus: the output folder {out} {how} the folder of articles {directory.resolve()}: choose another "
              "--out", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"corpus: cannot write the tables to {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    def notify(message: str) -> None:
        """Say on stderr that another build holds the folder."""
        print(f"corpus: {message}", file=sys.stderr)

    try:
        with locked(out, wait_seconds, notify, FolderBusy):
            return analyse_corpus(directory, listed, outside, out, jobs, quiet, scheduler, address)
    except FolderBusy as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # the output folder's fault (a full disk): reading an article is analyse_file's concern
        print(f"corpus: cannot write the tables to {out}: {error.strerror or error}", file=sys.stderr)
        return 1


def analyse_corpus(directory: Path, listed: list[Path], outside: set[Path], out: Path, jobs: int | None, quiet: bool,
                   scheduler: str, address: str | None) -> int:
    """run_corpus once it holds the output folder: the tables and the exports of the files listed but those `outside`
    (listed as errors); 1 when no article could be read."""
    from tqdm import tqdm

    files = [path for path in listed if path not in outside]
    jobs = min(jobs or os.cpu_count() or 1, len(files))
    chunks = chunked(files, jobs)
    texts = text_names([path.name for path in files])
    remove_previous(out)
    record_written(out, len(chunks), texts)
    (out / PARTITIONS).mkdir(parents=True, exist_ok=True)
    if scheduler == "dask":
        from distributed import KilledWorker

        from analysis.corpus.dask_runner import run_dask

        try:
            summary = run_dask(out, chunks, jobs, texts, address)
        except (OSError, TimeoutError) as error:
            print(f"corpus: cannot run on the Dask scheduler {address or '(local cluster)'}: {error}", file=sys.stderr)
            return 1
        except KilledWorker as error:  # Dask retries a task on its own terms (allowed-failures), then gives up
            print(f"corpus: Dask workers died {error.allowed_failures + 1} times running {error.task} (out of memory, "
                  "or killed); no tables written", file=sys.stderr)
            return 1
    else:
        summary = Summary()
        with tqdm(total=len(files), desc="articles", unit="article", file=sys.stderr, disable=quiet) as bar:
            for part in run_local(out, chunks, jobs, texts):
                summary.add(part)
                bar.update(part.analysed + len(part.errors))
    summary.errors += [(path.name, OUTSIDE) for path in outside]
    order = {path.name: i for i, path in enumerate(listed)}
    summary.errors.sort(key=lambda error: order[error[0]])  # a retried partition's come last
    shown = shown_forms(summary)
    show_forms(out, len(chunks), shown)
    for table in PARTITION_TABLES:
        assemble(out, table, len(chunks))
    tables = overall_tables(summary, shown)
    for name, table in tables.items():
        write_csv(out / f"{name}.csv", table)
    overall = tables["word_frequencies"]
    write_exports(out, list(zip(overall["word"], overall["count"], strict=True)), sum(summary.articles.values()))
    write_claims(out)
    for article, error in summary.errors:
        print(f"corpus: skipped {one_line(article)}: {one_line(error)}", file=sys.stderr)
    undated = f", {summary.undated} of them undated (published empty in articles.csv)" if summary.undated else ""
    print(
        f"corpus: {summary.analysed} articles analysed{undated}, {len(summary.errors)} skipped; tables in {out}",
        file=sys.stderr,
    )
    return 0 if summary.analysed else 1
