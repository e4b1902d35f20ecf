"""Benchmark the corpus command: throughput of the local pool and of Dask against plain jieba.lcut, peak memory of
the parent and of the workers, the parent's memory at a tenth of the corpus and at all of it; and whether a compiled
jieba (jieba-fast-dat) segments token for token as jieba 0.42.1 does with our dictionary, HMM off, and how much faster.

    python benchmarks/corpus_bench.py --articles 2000 [--jobs 2] [--segmenter-python /tmp/venv/bin/python]

The issue's figure is 100,000 articles; the machine this was written on is shared, so it was run with at most 2,000
(docs/scaling.md). `--segmenter-python` names an interpreter with jieba==0.42.1 and jieba-fast-dat installed (kept out
of requirements.txt); without it the comparison is left out.
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

ROOT = Path(__file__).resolve().parent.parent

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

# run in the interpreter that has both segmenters: the same dictionary, HMM off, over the same bridged texts
SEGMENTERS = """
import json, os, sys, time
import jieba, jieba_fast_dat
texts, entries = json.load(open(sys.argv[1], encoding="utf-8"))
# both on jieba 0.42.1's own dict.txt, so a difference is the segmenter's, not its bundled dictionary's
DICTIONARY = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
def build(module):
    tokenizer = module.Tokenizer(DICTIONARY)
    tokenizer.initialize()
    for word, freq, tag in entries:
        tokenizer.add_word(word, freq, tag)
    return tokenizer
result = {}
for name, module in (("jieba", jieba), ("jieba_fast_dat", jieba_fast_dat)):
    tokenizer = build(module)
    start = time.perf_counter()
    tokens = [list(tokenizer.cut(text, HMM=False)) for text in texts]
    result[name] = {"seconds": time.perf_counter() - start, "tokens": tokens}
same = sum(a == b for a, b in zip(result["jieba"]["tokens"], result["jieba_fast_dat"]["tokens"]))
count = sum(map(len, result["jieba"]["tokens"]))
differ = next(([a, b] for a, b in zip(result["jieba"]["tokens"], result["jieba_fast_dat"]["tokens"]) if a != b), None)
if differ:
    first = next(i for i, (x, y) in enumerate(zip(*differ)) if x != y)
    differ = [differ[0][first:first + 5], differ[1][first:first + 5]]
print(json.dumps({"texts": len(texts), "identical_texts": same, "tokens": count,
                  "jieba_seconds": result["jieba"]["seconds"], "fast_seconds": result["jieba_fast_dat"]["seconds"],
                  "first_difference": differ, "version": jieba_fast_dat.__version__
                  if hasattr(jieba_fast_dat, "__version__") else ""}, ensure_ascii=False))
"""


def run_command(corpus: Path, out: Path, jobs: int, scheduler: str = "local") -> dict:
    """Run the corpus command in a fresh interpreter; its time, peak memory and characters per second."""
    args = [str(corpus), "--out", str(out), "--jobs", str(jobs), "--quiet", "--scheduler", scheduler]
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

    from analysis.loading import load_article

    texts = [load_article(f).text for f in sorted(corpus.glob("*.txt"))]
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def compare_segmenters(corpus: Path, python: str, work: Path) -> dict:
    """jieba 0.42.1 and jieba-fast-dat, both with our user dictionary (the forms segmenter() adds), HMM off, over the
    corpus's texts on the Simplified bridge: how many texts segment identically, and the time each takes."""
    from analysis.loading import load_article
    from analysis.script import to_simplified
    from analysis.segmenting import USER_DICTIONARY
    from analysis.wordlists import read_user_dictionary

    texts = [to_simplified(load_article(f).text) for f in sorted(corpus.glob("*.txt"))]
    entries = [(form, e.freq, e.tag) for e in read_user_dictionary(USER_DICTIONARY)
               for form in dict.fromkeys((to_simplified(e.word), e.word))]
    data = work / "segmenter-input.json"
    data.write_text(json.dumps([texts, entries], ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([python, "-c", SEGMENTERS, str(data)], capture_output=True, text=True, check=False)
    if run.returncode:
        raise RuntimeError(f"segmenter comparison failed:\n{run.stderr}")
    result = json.loads(run.stdout.splitlines()[-1])
    result["speed_up"] = result["jieba_seconds"] / result["fast_seconds"]
    return result


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run every measure, print the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--segmenter-python", help="interpreter with jieba==0.42.1 and jieba-fast-dat installed")
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
            "jieba_lcut_chars_per_s": jieba_rate(corpus),
            "local": run_command(corpus, work / "local", args.jobs),
            "local_tenth": run_command(tenth, work / "local-tenth", args.jobs),
            "dask": run_command(corpus, work / "dask", args.jobs, "dask"),
        }
        same = all((work / "local" / f).read_bytes() == (work / "dask" / f).read_bytes()
                   for f in ("word_frequencies.csv", "statistics.csv", "claims.csv", "document_term.mtx"))
        results["dask_tables_identical"] = same
        if args.segmenter_python:
            results["segmenters"] = compare_segmenters(corpus, args.segmenter_python, work)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
