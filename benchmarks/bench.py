"""Benchmark the build and the analysis pipeline on this machine; prints a table, writes benchmarks/results.json.

1. A cold `python -m analysis report` against the naive way (`jupyter nbconvert --execute --to html` on each notebook).
2. A rebuild with nothing changed, and one after editing one notebook.
3. The pipeline (load, clean, segment, count, extract statistics) over a generated corpus, in characters per second,
   against plain `jieba.lcut` over the same text, in one process and in all cores.

Builds run on throwaway copies of the project (PYTHONPATH points the kernels at the copy), so nothing here is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import config  # noqa: E402
from analysis.corpus import analyse_files  # noqa: E402
from analysis.exporting import write_json  # noqa: E402
from analysis.loading import load_article  # noqa: E402

COPIED = ["analysis", "notebooks", "data/raw", "data/lexicon", "requirements.txt", "pyproject.toml"]
TARGETS = {"cold_ratio": 0.5, "noop_seconds": 1.0, "one_process_vs_jieba": 0.7, "all_cores_speedup": 1.7}


def copy_project(target: Path) -> Path:
    """A copy of the project's sources and raw data, without any outputs."""
    for name in COPIED:
        source, dest = ROOT / name, target / name
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)
    return target


def timed(command: list[str], cwd: Path, cache: Path) -> float:
    """Seconds a command takes, run in a project copy with its own font cache."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "XIXIANG_CACHE": str(cache)}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def build_speed(work: Path) -> dict:
    """Cold build, naive build, no-op rebuild and rebuild after one notebook edit, in seconds."""
    python = sys.executable
    jupyter = str(Path(python).parent / "jupyter")
    ours, naive = copy_project(work / "ours"), copy_project(work / "naive")
    report = [python, "-m", "analysis", "report", "--quiet"]
    cold = timed(report, ours, work / "cache-ours")
    notebooks = sorted(naive.glob("notebooks/[0-9][0-9]_*.ipynb"))
    naive_seconds = sum(
        timed(
            [jupyter, "nbconvert", "--execute", "--to", "html", str(nb), "--output-dir", str(work / "naive-html")],
            naive,
            work / "cache-naive",
        )
        for nb in notebooks
    )
    noop = timed(report, ours, work / "cache-ours")
    edited = ours / "notebooks" / notebooks[1].name
    nb = json.loads(edited.read_text(encoding="utf-8"))
    nb["cells"][0]["source"].append("\n\n(An edit to the text.)")
    edited.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    one_edit = timed(report, ours, work / "cache-ours")
    return {
        "notebooks": len(notebooks),
        "naive_seconds": naive_seconds,
        "cold_seconds": cold,
        "cold_ratio": cold / naive_seconds,
        "noop_seconds": noop,
        "one_notebook_edit_seconds": one_edit,
    }


def make_corpus(folder: Path, articles: int, seed: int = 20210729) -> list[Path]:
    """Article files made by shuffling the study article's sentences, each about as long as the article."""
    article = load_article(config.ARTICLE)
    sentences = [s for p in article.paragraphs for s in re.findall(r"[^。！？]+[。！？]?", p.text) if s.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(articles):
        body, size = [], 0
        while size < len(article.text):
            paragraph = "".join(rng.sample(sentences, 4))
            body.append(f" {paragraph}")
            size += len(paragraph)
        text = (
            f"【語料{number:04d}】{rng.choice(sentences)[:20]}\n\n2021-07-29 10:24\n來源:香港商報網\n\n"
            + "\n\n".join(body)
        )
        files.append(folder / f"article_{number:04d}.txt")
        files[-1].write_text(text + "\n", encoding="utf-8")
    return files


def throughput(work: Path, articles: int, jobs: int) -> dict:
    """Characters per second of plain jieba.lcut, of the pipeline in one process and in `jobs` processes."""
    import jieba

    files = make_corpus(work / "corpus", articles)
    texts = [load_article(f).text for f in files]
    chars = sum(len(t) for t in texts)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    jieba_rate = chars / (time.perf_counter() - start)
    rates = {}
    for n in (1, jobs):
        start = time.perf_counter()
        results = analyse_files(files, jobs=n)
        rates[n] = sum(r.chars for r in results) / (time.perf_counter() - start)
    return {
        "articles": articles,
        "chars": chars,
        "jieba_chars_per_s": jieba_rate,
        "one_process_chars_per_s": rates[1],
        "all_cores_chars_per_s": rates[jobs],
        "jobs": jobs,
        "one_process_vs_jieba": rates[1] / jieba_rate,
        "all_cores_speedup": rates[jobs] / rates[1],
    }


def main() -> int:
    """Run the benchmarks, print the table and write benchmarks/results.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run")
    parser.add_argument("--skip-build", action="store_true", help="only the pipeline throughput")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xixiang-bench-") as tmp:
        work = Path(tmp)
        results = {
            "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.system()}
        }
        if not args.skip_build:
            results["build"] = build_speed(work)
        results["pipeline"] = throughput(work, args.articles, args.jobs)
    rows = []
    if "build" in results:
        b = results["build"]
        rows += [
            ("naive build (nbconvert --execute, each notebook)", f"{b['naive_seconds']:.1f} s", ""),
            ("cold build (python -m analysis report)", f"{b['cold_seconds']:.1f} s", ""),
            ("cold build / naive", f"{b['cold_ratio']:.2f}", f"≤ {TARGETS['cold_ratio']}"),
            ("rebuild, nothing changed", f"{b['noop_seconds']:.2f} s", f"≤ {TARGETS['noop_seconds']} s"),
            ("rebuild, one notebook edited", f"{b['one_notebook_edit_seconds']:.1f} s", ""),
        ]
    p = results["pipeline"]
    rows += [
        (
            f"plain jieba.lcut ({p['articles']} articles, {p['chars']:,} chars)",
            f"{p['jieba_chars_per_s']:,.0f} chars/s",
            "",
        ),
        ("pipeline, one process", f"{p['one_process_chars_per_s']:,.0f} chars/s", ""),
        ("pipeline / jieba, one process", f"{p['one_process_vs_jieba']:.2f}", f"≥ {TARGETS['one_process_vs_jieba']}"),
        (f"pipeline, {p['jobs']} processes", f"{p['all_cores_chars_per_s']:,.0f} chars/s", ""),
        (f"speed-up with {p['jobs']} processes", f"{p['all_cores_speedup']:.2f}", f"≥ {TARGETS['all_cores_speedup']}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>22}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>22}  {target}")
    write_json(ROOT / "benchmarks" / "results.json", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
