"""Command line: `python -m analysis report [ARTICLE ...] [--out DIR]`, `python -m analysis corpus DIR`."""

from __future__ import annotations

import argparse
import gc
import sys
import warnings
from functools import partial
from pathlib import Path

from analysis import config
from analysis.files import one_line


def report(args: argparse.Namespace) -> int:
    """Build the notebooks, figures and reports for the given articles (default: every article in data/raw/)."""
    from tqdm import tqdm

    from analysis.pipeline.building import BuildError, build
    from analysis.pipeline.steps import study_steps
    from analysis.reading.loading import load_article

    if args.jobs is not None and args.jobs < 1:
        print(f"report: --jobs must be at least 1, not {args.jobs}", file=sys.stderr)
        return 2
    articles = list(dict.fromkeys(Path(a).resolve() for a in args.articles)) or config.article_files(config.RAW)
    if not articles:
        print(f"report: no article files (.txt, .html) in {config.RAW}", file=sys.stderr)
        return 2
    for article in articles:
        try:
            load_article(article)
        except (ValueError, OSError) as error:  # ArticleError is a ValueError; so is an impossible date
            message = str(error) if str(article) in str(error) else f"{article}: {error}"
            print(f"report: {one_line(message)}", file=sys.stderr)
            return 2
    out = Path(args.out).resolve() if args.out else config.ROOT
    total = len(articles) * len(study_steps())
    with tqdm(total=total, desc="notebooks", unit="nb", file=sys.stderr, disable=args.quiet) as bar:

        def progress(message: str) -> None:
            bar.set_postfix_str(message, refresh=False)
            bar.update(1)

        def notify(message: str) -> None:
            bar.write(f"report: {message}", file=sys.stderr)

        try:
            outcome = build(
                articles, out, html=not args.figures_only, jobs=args.jobs, progress=progress, notify=notify,
                wait_seconds=args.wait,
            )
        except BuildError as error:
            bar.close()
            print(f"report: {one_line(str(error))}", file=sys.stderr)
            return 1
    if not args.quiet:
        for slug, name in outcome.executed:
            print(f"report: rebuilt {slug}/{name}", file=sys.stderr)
        print(f"report: {len(outcome.executed)} notebooks executed, {len(outcome.skipped)} up to date", file=sys.stderr)
    return 0


def corpus(args: argparse.Namespace) -> int:
    """Analyse every article in a folder into corpus-level tables, then build the corpus reports from them."""
    from analysis.corpus.analysing import default_out, run_corpus

    directory = Path(args.directory)
    out = (Path(args.out) if args.out else default_out(directory)).resolve()
    code = run_corpus(directory, out, jobs=args.jobs, quiet=args.quiet, scheduler=args.scheduler,
                      address=args.scheduler_address, wait_seconds=args.wait)
    if code or args.tables_only:
        return code
    from analysis.pipeline.building import BuildError, build_corpus

    def notify(message: str) -> None:
        print(f"corpus: {message}", file=sys.stderr)

    try:  # the report build takes the folder's lock again, as every build does
        outcome = build_corpus(out, wait_seconds=args.wait, notify=notify)
    except BuildError as error:
        print(f"corpus: {one_line(str(error))}", file=sys.stderr)
        return 1
    print(f"corpus: reports in {out / 'reports'} ({len(outcome.executed)} notebooks run, {len(outcome.skipped)} up "
          "to date)", file=sys.stderr)
    return 0


def one_line_warning(command: str, message, category, filename, lineno, file=None, line=None) -> None:
    """Print a warning as the command's other messages are printed: one line, without the source line."""
    print(f"{command}: {one_line(str(message))}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("report", help="run the notebooks, export figures/ and render reports/")
    build_parser.add_argument("articles", nargs="*", help="article files (default: every .txt and .html in data/raw/)")
    build_parser.add_argument("--out", help="write data/processed/, figures/ and reports/ under this folder")
    build_parser.add_argument("--figures-only", action="store_true", help="re-export tables and figures, not reports")
    build_parser.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: cores)")
    build_parser.add_argument("--quiet", action="store_true", help="no progress bar")
    build_parser.add_argument(
        "--wait", type=float, default=-1, help="seconds to wait for another build of the same --out (default: no limit)"
    )
    build_parser.set_defaults(run=report)

    corpus_parser = commands.add_parser("corpus", help="analyse every article in a folder into corpus tables")
    corpus_parser.add_argument("directory", help="folder of article files")
    corpus_parser.add_argument("--out", help="folder for the corpus tables (default: DIRECTORY-corpus beside it)")
    corpus_parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    corpus_parser.add_argument("--quiet", action="store_true", help="no progress bar")
    corpus_parser.add_argument("--scheduler", choices=["local", "dask"], default="local",
                               help="local process pool, or Dask (a LocalCluster unless --scheduler-address)")
    corpus_parser.add_argument("--tables-only", action="store_true", help="write the tables, not the corpus reports")
    corpus_parser.add_argument("--scheduler-address", help="a Dask scheduler to run on, e.g. tcp://scheduler:8786")
    corpus_parser.add_argument(
        "--wait", type=float, default=-1, help="seconds to wait for another run on the same --out (default: no limit)"
    )
    corpus_parser.set_defaults(run=corpus)

    args = parser.parse_args(argv)
    warnings.showwarning = partial(one_line_warning, args.command)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: what was published stays; a build's staging is removed by the next one
        print(f"{args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    code = main()
    # Python's garbage collections on the way out walk everything the command imported (pandas, nbconvert,
    # matplotlib): a third of a second at the end of a build, with nothing left to free that matters
    gc.freeze()
    sys.exit(code)
