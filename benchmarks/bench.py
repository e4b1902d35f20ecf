"""Benchmark the build and the analysis pipeline on this machine; prints a table, writes benchmarks/results.json.

1. A cold `python -m analysis report` against the naive way (`jupyter nbconvert --execute --to html` on each notebook),
   each run five times in alternation (medians), and where a cold build's time goes: imports, the segmenter,
   saving a chart, rendering a report.
2. A rebuild with nothing changed, and one after editing one notebook.
3. The pipeline (load, clean, segment, count, extract statistics) over a generated corpus, in characters per second,
   against plain `jieba.lcut` over the same text, in one process and in all cores. The corpus is made of the study
   article's sentences with fresh numbers in each article, so cached clauses help only as they would on real articles.

Builds run on throwaway copies of the project (PYTHONPATH points the kernels at the copy), so nothing here is touched.
`--only build` or `--only pipeline` runs one part and keeps the other part's numbers from the last results.json.
The table also goes into docs/scaling.md, between its bench markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import config  # noqa: E402
from analysis.corpus.analysing import analyse_files, warm_up  # noqa: E402
from analysis.files import write_json, write_text  # noqa: E402
from analysis.reading.loading import load_article  # noqa: E402

COPIED = ["analysis", "notebooks", "data/raw", "data/lexicon", "data/commentary", "requirements.txt", "pyproject.toml"]
TARGETS = {
    "cold_ratio": ("≤", 0.35),  # issue 22: at most 0.35 of the naive nbconvert run, a no-op rebuild under 0.5 s
    "noop_seconds": ("≤", 0.5),
    "one_process_vs_jieba": ("≥", 0.7),
    "all_cores_speedup": ("≥", 1.7),
}
RESULTS = ROOT / "benchmarks" / "results.json"
DOC = ROOT / "docs" / "scaling.md"
DOC_START, DOC_END = "<!-- bench:start -->", "<!-- bench:end -->"
BUILD_PLACEHOLDER = "<!-- build numbers: filled from benchmarks/results.json after the full bench -->"
# an Arabic number that is not a year, month or day: dates keep their form, so they are still read as dates
COUNT = re.compile(r"\d+(?![\d年月日號])")


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


def children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process and their children (kernels included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, cache: Path, cpu: list[float] | None = None) -> float:
    """Seconds a command takes, run in a project copy with its own font cache; its CPU seconds go on `cpu`."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "ANALYSIS_CACHE": str(cache)}
    start, start_cpu = time.perf_counter(), children_cpu()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if cpu is not None:
        cpu.append(children_cpu() - start_cpu)
    return time.perf_counter() - start


def build_speed(work: Path, repeat: int) -> dict:
    """Cold and naive builds `repeat` times, alternating so that both meet the same load on a shared machine; then a
    no-op rebuild and a rebuild after editing one notebook. Seconds; medians where repeated."""
    python = sys.executable
    jupyter = str(Path(python).parent / "jupyter")
    report = [python, "-m", "analysis", "report", "--quiet"]
    colds, naives, cold_cpu, naive_cpu = [], [], [], []
    for run in range(repeat):
        ours, naive = copy_project(work / f"ours-{run}"), copy_project(work / f"naive-{run}")
        notebooks = sorted(naive.glob("notebooks/[0-9][0-9]_*.ipynb"))
        naives.append(
            sum(
                timed(
                    [jupyter, "nbconvert", "--execute", "--to", "html", str(nb), "--output-dir", str(work / "html")],
                    naive,
                    work / f"cache-naive-{run}",
                    cpu=naive_cpu,
                )
                for nb in notebooks
            )
        )
        colds.append(timed(report, ours, work / f"cache-ours-{run}", cpu=cold_cpu))
    noop = timed(report, ours, work / f"cache-ours-{run}")
    edited = ours / "notebooks" / notebooks[1].name
    nb = json.loads(edited.read_text(encoding="utf-8"))
    nb["cells"][0]["source"].append("\n\n(An edit to the text.)")
    edited.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    one_edit = timed(report, ours, work / f"cache-ours-{run}")
    return {
        "notebooks": len(notebooks),
        "runs": repeat,
        "naive_seconds": statistics.median(naives),
        "cold_seconds": statistics.median(colds),
        "cold_ratio": statistics.median(c / n for c, n in zip(colds, naives, strict=True)),
        # CPU seconds: what the work costs, whatever else the machine is doing (a naive run is four commands)
        "naive_cpu_seconds": statistics.median(map(sum, zip(*[iter(naive_cpu)] * len(notebooks), strict=True))),
        "cold_cpu_seconds": statistics.median(cold_cpu),
        "noop_seconds": noop,
        "one_notebook_edit_seconds": one_edit,
    }


IMPORTED = ["pandas", "matplotlib.pyplot", "jieba.posseg", "analysis", "nbconvert"]


def import_seconds(module: str) -> float:
    """Median seconds a fresh interpreter takes to import a module (three interpreters)."""
    code = f"import time; start = time.perf_counter(); import {module}; print(time.perf_counter() - start)"
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in range(3)]
    return statistics.median(float(run.stdout.split()[-1]) for run in runs)


def median_seconds(run, times: int = 3) -> float:
    """Median seconds of a call made `times` times."""
    return statistics.median(seconds(run) for _ in range(times))


def measure_parts(cache: str) -> dict:
    """Where a cold build's time goes, measured in a fresh interpreter with an empty cache folder: importing the
    libraries every notebook imports, loading the segmenter's dictionary and tagger, saving one chart (PNG, SVG, and the
    PNG the notebook shows), and rendering one report (nbconvert, and cutting the CJK web font for its page)."""
    os.environ["ANALYSIS_CACHE"] = cache
    config.CACHE = Path(cache)
    parts = {f"import_{name.split('.')[0]}": import_seconds(name) for name in IMPORTED}
    from analysis.words import segmenting

    parts["jieba_dictionary_with_user_words"] = seconds(lambda: segmenting.segmenter(True).tagger)
    parts["jieba_dictionary_without"] = seconds(lambda: segmenting.segmenter(False).tagger)

    import io

    import matplotlib

    matplotlib.use("agg")
    from analysis import extract_statistics
    from analysis.numbers.auditing import relations
    from analysis.reports import charting
    from analysis.reports.charting import PNG_METADATA, SVG_METADATA
    from analysis.reports.statistics_charts import plot_total_and_parts

    article = load_article(config.ARTICLE)
    table = extract_statistics(article)
    with tempfile.TemporaryDirectory() as folder:
        fig = plot_total_and_parts(article, table, relations(table), folder)
    parts["chart_png"] = median_seconds(lambda: fig.savefig(io.BytesIO(), format="png", metadata=PNG_METADATA))
    parts["chart_svg"] = median_seconds(lambda: fig.savefig(io.BytesIO(), format="svg", metadata=SVG_METADATA))
    parts["chart_shown"] = median_seconds(lambda: charting.notebook_png(fig))

    import nbformat

    from analysis.pipeline.rendering import cjk_font_subset, render_html
    from analysis.pipeline.steps import study_steps

    steps = study_steps()
    nb = nbformat.read(steps[0].path, as_version=4)
    chars = "".join(sorted({c for c in article.text if ord(c) > 0x2E7F}))
    parts["report_font_subset_cold"] = seconds(lambda: cjk_font_subset(chars))
    parts["report_html_with_font_cached"] = median_seconds(lambda: render_html(nb, steps[0], steps))
    return parts


def fresh_numbers(sentence: str, rng: random.Random) -> str:
    """The sentence with each number that is not a date replaced by a random one of as many digits."""
    return COUNT.sub(lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), sentence)


def make_corpus(folder: Path, articles: int, vary: bool = True, seed: int = 20210729) -> Path:
    """A folder of article files made by shuffling the study article's sentences, each about as long as the article;
    with vary, every sentence drawn gets fresh numbers."""
    article = load_article(config.ARTICLE)
    sentences = [s for p in article.paragraphs for s in re.findall(r"[^。！？]+[。！？]?", p.text) if s.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        body, size = [], 0
        while size < len(article.text):
            paragraph = "".join(fresh_numbers(s, rng) if vary else s for s in rng.sample(sentences, 4))
            body.append(f" {paragraph}")
            size += len(paragraph)
        text = f"【語料】{rng.choice(sentences)[:20]}\n\n2021-07-29 10:24\n來源:香港商報網\n\n" + "\n\n".join(body)
        (folder / f"article_{number:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def seconds(run) -> float:
    """Seconds a call takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure_jieba(folder: str) -> dict:
    """Characters per second of plain jieba.lcut over the texts of the articles in folder, its dictionary loaded."""
    import jieba

    texts = [load_article(f).text for f in sorted(Path(folder).glob("*.txt"))]
    chars = sum(len(t) for t in texts)
    jieba.initialize()
    return {"chars": chars, "chars_per_s": chars / seconds(lambda: [jieba.lcut(t) for t in texts])}


def measure_pipeline(folder: str, jobs: int) -> dict:
    """Seconds to load the dictionaries, then characters per second of analyse_files over the articles in folder
    (workers forked with the dictionaries loaded), and the peak memory of a process that did the work."""
    files = sorted(Path(folder).glob("*.txt"))
    start_up = seconds(warm_up)
    start = time.perf_counter()
    results = analyse_files(files, jobs=jobs)
    rate = sum(r.chars for r in results) / (time.perf_counter() - start)
    worker = resource.RUSAGE_SELF if jobs <= 1 else resource.RUSAGE_CHILDREN
    return {"start_up_seconds": start_up, "chars_per_s": rate, "peak_mb": resource.getrusage(worker).ru_maxrss / 1024}


def fresh(function: str, *args) -> dict:
    """Run one of the measure_* functions in a new interpreter, so that no run inherits another's warm caches."""
    code = f"import json, bench; print(json.dumps(bench.{function}(*{args!r})))"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent)}
    run = subprocess.run([sys.executable, "-c", code], env=env, check=False, capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(f"{function}{args} failed:\n{run.stderr}")
    return json.loads(run.stdout.splitlines()[-1])


def throughput(work: Path, articles: int, jobs: int) -> dict:
    """Characters per second of plain jieba.lcut and of the pipeline in one process and in `jobs` processes, each in
    a fresh interpreter with its dictionaries loaded (that start-up is measured on its own)."""
    corpus = str(make_corpus(work / "corpus", articles))
    floor = fresh("measure_jieba", corpus)
    one, many = fresh("measure_pipeline", corpus, 1), fresh("measure_pipeline", corpus, jobs)
    repeated = fresh("measure_pipeline", str(make_corpus(work / "repeated", articles, vary=False)), 1)
    return {
        "articles": articles,
        "chars": floor["chars"],
        "jieba_chars_per_s": floor["chars_per_s"],
        "one_process_chars_per_s": one["chars_per_s"],
        "all_cores_chars_per_s": many["chars_per_s"],
        "jobs": jobs,
        "one_process_vs_jieba": one["chars_per_s"] / floor["chars_per_s"],
        "all_cores_speedup": many["chars_per_s"] / one["chars_per_s"],
        "repeated_numbers_one_process_chars_per_s": repeated["chars_per_s"],
        "start_up_seconds": one["start_up_seconds"],
        "worker_peak_mb": many["peak_mb"],
    }


# --- extraction scaling (issue 12, "Size"): time per character of extract_statistics from 2 kB to 20 MB ---------
SCALING = [("paragraphs", 2_000), ("paragraphs", 200_000), ("paragraphs", 2_000_000), ("paragraphs", 20_000_000),
           ("one line", 200_000)]


def measure_extraction(folder: str, shape: str, size: int) -> dict:
    """CPU seconds, characters per second and memory growth of extract_statistics on an article of about `size`
    characters: the study's sentences with fresh numbers in paragraphs, or in one line with no full stop."""
    from analysis.numbers.extracting import extract_statistics

    article = load_article(config.ARTICLE)
    sentences = [s for p in article.paragraphs for s in re.findall(r"[^。！？]+[。！？]?", p.text) if s.strip()]
    rng, body, length = random.Random(size), [], 0
    while length < size:
        paragraph = "".join(fresh_numbers(s, rng) for s in rng.sample(sentences, 4))
        body.append(paragraph.replace("。", "，") if shape == "one line" else paragraph)
        length += len(paragraph)
    path = Path(folder) / f"scaling_{size}.txt"
    joined = ("" if shape == "one line" else "\n\n ").join(body)
    path.write_text(f"標題\n\n2021-07-29 10:24\n來源:香港商報網\n\n {joined}\n", encoding="utf-8")
    extract_statistics(article)  # dictionaries loaded before the clock starts
    article = load_article(path)
    before, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.process_time()
    rows = len(extract_statistics(article))
    cpu = time.process_time() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return {"shape": shape, "chars": len(article.text), "rows": rows, "cpu_seconds": cpu,
            "chars_per_s": len(article.text) / cpu, "memory_growth_mb": grown,
            "text_mb": len(article.text.encode("utf-8")) / 2**20}


def extraction_scaling(work: Path) -> list[dict]:
    """measure_extraction at each size of SCALING, each in a fresh interpreter."""
    folder = work / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    return [fresh("measure_extraction", str(folder), shape, size) for shape, size in SCALING]
# --- end of extraction scaling -------------------------------------------------------------------------------------


def target(section: dict, key: str) -> str:
    """The target of a measure and whether this run met it: '≥ 0.7 (met)'."""
    sign, bound = TARGETS[key]
    met = section[key] <= bound if sign == "≤" else section[key] >= bound
    return f"{sign} {bound} ({'met' if met else 'missed'})"


def table(results: dict) -> list[tuple[str, str, str]]:
    """The rows (measure, result, target) of the parts that have been measured."""
    rows = []
    if "build" in results:
        b = results["build"]
        runs = b.get("runs", 1)
        rows += [
            (f"naive build (nbconvert --execute, each notebook), median of {runs}", f"{b['naive_seconds']:.1f} s", ""),
            (f"cold build (python -m analysis report), median of {runs}", f"{b['cold_seconds']:.1f} s", ""),
            ("cold build / naive, median of the paired runs", f"{b['cold_ratio']:.2f}", target(b, "cold_ratio")),
            *(
                [
                    ("CPU of the naive build (user + system, kernels included)", f"{b['naive_cpu_seconds']:.1f} s", ""),
                    ("CPU of the cold build", f"{b['cold_cpu_seconds']:.1f} s", ""),
                ]
                if "cold_cpu_seconds" in b
                else []
            ),
            ("rebuild, nothing changed", f"{b['noop_seconds']:.2f} s", target(b, "noop_seconds")),
            ("rebuild, one notebook edited", f"{b['one_notebook_edit_seconds']:.1f} s", ""),
        ]
    if "parts" in results:
        labels = {
            "import_pandas": "import pandas (fresh interpreter, median of 3; also below)",
            "import_matplotlib": "import matplotlib.pyplot",
            "import_jieba": "import jieba.posseg",
            "import_analysis": "import analysis (the package: pandas, jieba, OpenCC, cn2an …)",
            "jieba_dictionary_with_user_words": "segmenter (jieba-fast-dat, jieba's dictionary), user dictionary in",
            "jieba_dictionary_without": "segmenter without the user dictionary (notebook 01 compares)",
            "chart_png": "one chart saved as PNG (200 dpi), median of 3",
            "chart_svg": "one chart saved as SVG (text as paths), median of 3",
            "chart_shown": "the same chart shown in the notebook (PNG halved), median of 3",
            "import_nbconvert": "import nbconvert",
            "report_font_subset_cold": "CJK web font cut for one report, cold cache",
            "report_html_with_font_cached": "one report rendered, font cached, median of 3",
        }
        rows += [(label, f"{results['parts'][key]:.2f} s", "") for key, label in labels.items()]
    if "pipeline" in results:
        p = results["pipeline"]
        rows += [
            (
                f"plain jieba.lcut ({p['articles']:,} articles, {p['chars']:,} chars)",
                f"{p['jieba_chars_per_s']:,.0f} chars/s",
                "",
            ),
            ("pipeline, one process", f"{p['one_process_chars_per_s']:,.0f} chars/s", ""),
            ("pipeline / jieba, one process", f"{p['one_process_vs_jieba']:.2f}", target(p, "one_process_vs_jieba")),
            (f"pipeline, {p['jobs']} processes", f"{p['all_cores_chars_per_s']:,.0f} chars/s", ""),
            (f"speed-up with {p['jobs']} processes", f"{p['all_cores_speedup']:.2f}", target(p, "all_cores_speedup")),
            (
                "pipeline, one process, same numbers in every article",
                f"{p['repeated_numbers_one_process_chars_per_s']:,.0f} chars/s",
                "",
            ),
            ("start-up per process (dictionaries, stop words)", f"{p['start_up_seconds']:.1f} s", ""),
            ("peak memory of a worker process", f"{p['worker_peak_mb']:,.0f} MB", ""),
        ]
    return rows


def per_core(p: dict) -> str:
    """What the one-process rate means for a large corpus of articles like these."""
    article = p["chars"] / p["articles"]
    per_hour = float(f"{p['one_process_chars_per_s'] * 3600 / article:.2g}")
    return (
        f"At the one-process rate an article of {article:,.0f} characters takes "
        f"{1000 * article / p['one_process_chars_per_s']:.0f} ms: one core analyses about {per_hour:,.0f} articles an "
        f"hour, and a million articles take about {1e6 / per_hour:,.0f} core-hours."
    )


def print_table(rows: list[tuple[str, str, str]]) -> None:
    """Print the rows as an aligned text table."""
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>22}  target")
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:>22}  {goal}")


def update_doc(results: dict) -> None:
    """Write the table into docs/scaling.md between its markers (a placeholder where the build is not measured)."""
    if not DOC.is_file():
        return
    machine = results["machine"]
    lines = [
        DOC_START,
        f"Measured on {machine['cores']} cores, Python {machine['python']}, {machine['system']} "
        "(benchmarks/results.json, written by `make bench`):",
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *(f"| {name} | {value} | {goal} |" for name, value, goal in table(results)),
        *(["", per_core(results["pipeline"])] if "pipeline" in results else []),
        *([] if "build" in results else ["", BUILD_PLACEHOLDER]),
        DOC_END,
    ]
    text = DOC.read_text(encoding="utf-8")
    before, _, rest = text.partition(DOC_START)
    _, _, after = rest.partition(DOC_END)
    write_text(DOC, before + "\n".join(lines) + after)


def main() -> int:
    """Run the benchmarks, print the table, write benchmarks/results.json and the table in docs/scaling.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run")
    parser.add_argument("--only", choices=["build", "pipeline"], help="run one part, keep the other's last numbers")
    parser.add_argument("--repeat", type=int, default=5, help="cold and naive builds, each (the median is kept)")
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if args.only and RESULTS.is_file() else {}
    results["machine"] = {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.system()}
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        work = Path(tmp)
        if args.only != "build":
            results["pipeline"] = throughput(work, args.articles, args.jobs)
            results["extraction_scaling"] = extraction_scaling(work)
        if args.only != "pipeline":
            results["parts"] = fresh("measure_parts", str(work / "parts-cache"))
            results["build"] = build_speed(work, args.repeat)
    print_table(table(results))
    write_json(RESULTS, results)
    update_doc(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
