"""Benchmark the corpus command: throughput of the local pool and of Dask against plain jieba.lcut, peak memory of
the parent and of the workers, the parent's memory at a tenth of the corpus and at all of it; and the project's
segmenter (jieba-fast-dat, HMM off) against jieba 0.42.1 itself: how many texts get the same tokens and the same
tags, and how much faster it cuts, tags and loads.

    python benchmarks/corpus_bench.py --articles 100000 [--jobs 2]

The corpus command runs with --tables-only: the throughput is the analysis's, not the corpus notebooks'. The plain
jieba.lcut floor and the segmenter comparison run on the tenth of the corpus: a rate and an identity check over
10,000 articles say what they would over 100,000, in a fraction of the time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.files import write_json

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "corpus_results.json"

# run in a fresh interpreter: the corpus command, then its wall time and the peak memory of the process and of its
# children (pool workers, Dask nannies and their workers)
RUN = """
import json, resource, sys, time
from analysis.__main__ import main
start = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - start,
                  "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

def run_command(corpus: Path, out: Path, jobs: int, scheduler: str = "local") -> dict:
    """Run the corpus command in a fresh interpreter; its time, peak memory and characters per second."""
    args = [str(corpus), "--out", str(out), "--jobs", str(jobs), "--quiet", "--tables-only", "--scheduler", scheduler]
    run = subprocess.run([sys.executable, "-c", RUN, "corpus", *args], capture_output=True, text=True, check=False,
                         cwd=ROOT)
    if run.returncode:
        raise RuntimeError(f"corpus {scheduler} failed:\n{run.stderr}")
    result = json.loads(run.stdout.splitlines()[-1])
    import pandas as pd

    result["chars"] = int(pd.read_csv(out / "articles.csv")["chars"].sum())
    result["chars_per_s"] = result["chars"] / result["seconds"]
    return result


def jieba_rate(corpus: Path) -> float:
    """Characters per second of plain jieba.lcut over the corpus's texts, its dictionary loaded, in this process."""
    import jieba

    from analysis.reading.loading import load_article

    texts = [load_article(f).text for f in sorted(corpus.glob("*.txt"))]
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def timed(work):
    """The result of work() and the seconds it took."""
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def first_difference(expected: list[list], found: list[list]) -> list | None:
    """Where two segmentations of the same texts first differ: five tokens of each from there; None if nowhere."""
    for a, b in zip(expected, found, strict=True):
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            return [a[at : at + 5], b[at : at + 5]]
    return None


def compare_segmenters(corpus: Path) -> dict:
    """jieba 0.42.1 itself and the project's segmenter for HMM off (analysis.words.segmenting: jieba-fast-dat), both
    with the user dictionary, over the corpus's texts on the Simplified bridge: how many texts get the same tokens and
    the same tags, and the seconds each takes to load, to cut and to tag."""
    import jieba
    import jieba.posseg

    from analysis.reading.loading import load_article
    from analysis.reading.script import to_simplified
    from analysis.words.segmenting import segmenter, user_words

    texts = [to_simplified(load_article(f).text) for f in sorted(corpus.glob("*.txt"))]

    def load_jieba():
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word, freq, tag in user_words():
            tokenizer.add_word(word, freq, tag)
        return tokenizer, jieba.posseg.POSTokenizer(tokenizer)

    def load_project():
        seg = segmenter(hmm=False)
        return seg.tokenizer, seg.tagger

    def measure(load) -> tuple[list, list, dict[str, float]]:
        """Load a segmenter, then cut and tag every text: the tokens, the (word, tag) pairs and each step's seconds."""
        (tokenizer, tagger), load_seconds = timed(load)
        cut, cut_seconds = timed(lambda: [list(tokenizer.cut(t, HMM=False)) for t in texts])
        tags, tag_seconds = timed(lambda: [[(p.word, p.flag) for p in tagger.cut(t, HMM=False)] for t in texts])
        return cut, tags, {"load": load_seconds, "cut": cut_seconds, "tag": tag_seconds}

    jieba_cut, jieba_tags, jieba_seconds = measure(load_jieba)
    cut, tags, seconds = measure(load_project)
    return {
        "texts": len(texts),
        "tokens": sum(map(len, jieba_cut)),
        "identical_cut": sum(a == b for a, b in zip(jieba_cut, cut, strict=True)),
        "identical_tags": sum(a == b for a, b in zip(jieba_tags, tags, strict=True)),
        "first_difference": first_difference(jieba_tags, tags),
        "seconds": {"jieba": jieba_seconds, "project": seconds},
        "speed_up": {step: jieba_seconds[step] / seconds[step] for step in seconds},
    }


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run every measure, print the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import make_corpus

    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as scratch:
        work = Path(scratch)
        tenth = make_corpus(work / "tenth", max(1, args.articles // 10))
        corpus = make_corpus(work / "corpus", args.articles)
        results = {
            "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
            "articles": args.articles,
            "jobs": args.jobs,
            "jieba_lcut_chars_per_s": jieba_rate(tenth),
            "local": run_command(corpus, work / "local", args.jobs),
            "local_tenth": run_command(tenth, work / "local-tenth", args.jobs),
            "dask": run_command(corpus, work / "dask", args.jobs, "dask"),
        }
        same = all((work / "local" / f).read_bytes() == (work / "dask" / f).read_bytes()
                   for f in ("word_frequencies.csv", "statistics.csv", "claims.csv", "document_term.mtx"))
        results["dask_tables_identical"] = same
        results["segmenters"] = compare_segmenters(tenth)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    write_json(RESULTS, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
