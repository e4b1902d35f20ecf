"""The build: every notebook runs from a clean kernel, exports are reproducible and committed, reports are safe."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import nbformat
import pytest
from articles import XINAN, write_article
from tiny_notebooks import tiny_notebook

from analysis import config
from analysis.pipeline import kernels
from analysis.pipeline.building import (
    CHART_WEIGHT,
    BuildError,
    build,
    estimated_cost,
    likely_characters,
    relative_files,
)
from analysis.pipeline.rendering import INDEX_TITLE, TABLES_SCRIPT, cjk_characters
from analysis.pipeline.steps import Step, study_steps

EXPORTS = ("data/processed", "figures", "reports")
# a report's scripts and what each holds: only the table script, allowed by its hash, may run in a report
SCRIPTS = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
XSS_TITLE = '【測試】<script>document.title="pwned"</script>新安街道'
XSS_BODY = "新安街道<img src=x onerror=\"document.title='pwned'\">註冊人數達3000人,其中黨員1000人,群眾2000人。"

pytestmark = pytest.mark.slow


def exports(out):
    """Every exported file under out, by relative path, with its bytes."""
    return {f"{d}/{rel}": p.read_bytes() for d in EXPORTS for rel, p in relative_files(out / d).items()}


@pytest.fixture(scope="session")
def study_build(tmp_path_factory):
    """A fresh build of the study's article, every notebook run from a clean kernel."""
    out = tmp_path_factory.mktemp("study")
    outcome = build(sorted(config.RAW.glob("*.txt")), out)
    return out, outcome


@pytest.fixture(scope="session")
def xss_article(tmp_path_factory):
    """A second, hostile article: another street, other numbers, markup in its title and body."""
    folder = tmp_path_factory.mktemp("hostile")
    paragraphs = [*XINAN["paragraphs"][:3], XSS_BODY]
    # a name with Chinese, a space and markup: its output folder keeps the Chinese and adds a hash
    return write_article(folder / "2022-03-15_新安 <b>.txt", XSS_TITLE, paragraphs, XINAN["captions"])


@pytest.fixture(scope="session")
def xss_build(tmp_path_factory, xss_article):
    """The hostile article built end to end by the command line into a temporary --out."""
    out = tmp_path_factory.mktemp("hostile-out")
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(xss_article), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", "a quiet build prints nothing, not even a library's warning"
    return out


def test_every_notebook_runs_from_a_clean_kernel(study_build):
    out, outcome = study_build
    notebooks = sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) >= 4
    assert sorted(name for _, name in outcome.executed) == notebooks
    slug = config.slug(config.ARTICLE)
    assert sorted(p.stem for p in (out / "reports" / slug).glob("*.html")) == notebooks


def test_committed_exports_hold_only_the_studys_articles():
    articles = {config.slug(path) for path in config.article_files(config.RAW)}
    stray = sorted(f"{d}/{p.name}/" for d in EXPORTS for p in (config.ROOT / d).iterdir()
                   if p.is_dir() and p.name not in articles)
    assert not stray, f"folders of no article in data/raw/ (a run by hand on another article?): delete {stray}"


def test_committed_exports_are_what_the_code_produces_now(study_build):
    fresh, committed = exports(study_build[0]), exports(config.ROOT)
    assert sorted(fresh) == sorted(committed), "run `make report` and commit figures/, reports/ and data/processed/"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"run `make report` and commit: {changed}"


def test_reports_have_no_errors_warnings_or_machine_paths(study_build):
    for page in (study_build[0] / "reports").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in text, f"{page.name} shows an error or a warning"
        assert str(study_build[0]) not in text and str(config.ROOT) not in text
        assert set(SCRIPTS.findall(text)) <= {TABLES_SCRIPT} and text.lower().count("<script") <= 1, page.name


def test_second_article_end_to_end(xss_build, xss_article):
    slug = config.slug(xss_article)
    assert "/" not in slug and ".." not in slug and " " not in slug and slug.startswith("2022-03-15_新安_b-")
    pages = sorted((xss_build / "reports" / slug).glob("*.html"))
    assert len(pages) == len(list(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
    statistics = (xss_build / "data" / "processed" / slug / "statistics.csv").read_text(encoding="utf-8")
    assert "12500" in statistics and "3500" in statistics
    assert [p.name for p in xss_article.parent.iterdir()] == [xss_article.name], "nothing is written beside an article"


def test_a_build_leaves_the_raw_article_as_published(study_build):
    assert hashlib.sha256(config.ARTICLE.read_bytes()).hexdigest() == config.ARTICLE_SHA256


class TagCollector(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser would see them."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_article_markup_is_escaped(xss_build):
    index = (xss_build / "reports" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=" in index
    for page in (xss_build / "reports").rglob("*.html"):
        parser = TagCollector()
        parser.feed(page.read_text(encoding="utf-8"))
        assert len([tag for tag, _ in parser.tags if tag == "script"]) <= 1, page
        assert set(SCRIPTS.findall(page.read_text(encoding="utf-8"))) <= {TABLES_SCRIPT}, page
        assert not [(tag, a) for tag, a in parser.tags if any(name.startswith("on") for name in a)], page
        assert not [a for tag, a in parser.tags if tag == "img" and a.get("src") == "x"], page


def test_rebuild_is_byte_identical(xss_build, xss_article, tmp_path):
    build([xss_article], tmp_path)
    assert exports(tmp_path) == exports(xss_build)


@pytest.fixture
def small_project(tmp_path):
    """Two small steps, the second reading what the first writes."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(config.NOTEBOOKS / "01_load_and_clean.ipynb", notebooks)
    tiny_notebook(
        notebooks / "02_reads_01.ipynb",
        "import json\nfrom analysis import config\nfrom analysis.files import write_json\n"
        "paths = config.article_paths(article_path, out)\n"
        "meta = json.loads(paths.metadata.read_text(encoding='utf-8'))\n"
        "_ = write_json(paths.processed / 'title.json', {'title': meta['title']})",
    )
    steps = [
        Step(notebooks / "01_load_and_clean.ipynb", "01 · Load", "Loads the article."),
        Step(notebooks / "02_reads_01.ipynb", "02 · Reads 01", "Reads what 01 wrote.", reads=("01_load_and_clean",)),
    ]
    return steps, tmp_path / "out"


def test_incremental_rebuild_runs_only_what_changed(small_project):
    steps, out = small_project
    notebooks = steps[0].path.parent
    first = build([config.ARTICLE], out, steps=steps)
    assert len(first.executed) == 2
    assert build([config.ARTICLE], out, steps=steps).executed == []

    nb = nbformat.read(notebooks / "01_load_and_clean.ipynb", as_version=4)
    nb.cells[0].source += "\n\nAn edit to the text that changes no output."
    nbformat.write(nb, notebooks / "01_load_and_clean.ipynb")
    again = build([config.ARTICLE], out, steps=steps)
    assert [name for _, name in again.executed] == ["01_load_and_clean"], "02 reads unchanged bytes: not re-run"

    (out / "data" / "processed" / config.slug(config.ARTICLE) / "title.json").unlink()
    assert [name for _, name in build([config.ARTICLE], out, steps=steps).executed] == ["02_reads_01"]


def test_a_cell_that_shows_a_chart_weighs_more_in_a_notebooks_estimated_cost(tmp_path):
    plain = tiny_notebook(tmp_path / "01_plain.ipynb", "x = 1")
    nb = nbformat.read(plain.path, as_version=4)
    nb.cells += [nbformat.v4.new_code_cell(f"y = {n}") for n in range(6)]
    nbformat.write(nb, plain.path)
    charts = tiny_notebook(tmp_path / "02_charts.ipynb", "show(plot_top_words(article, frequencies, figures), 'none')")
    assert estimated_cost(plain) == 8, "each code cell, the parameters cell too"
    assert estimated_cost(charts) == 1 + CHART_WEIGHT
    costs = {step.name: estimated_cost(step) for step in study_steps()}
    assert costs["02_word_frequency"] > costs["01_load_and_clean"], "the study's longest notebook is started first"


@pytest.mark.skipif(not kernels.supported(), reason="kernels are forked only where pidfds exist (Linux)")
def test_a_failing_notebook_stops_the_build_and_no_kernel_outlives_it(tmp_path, build_processes):
    done = f"from pathlib import Path\nPath({str(tmp_path)!r}, 'NAME').mkdir()"
    steps = [tiny_notebook(tmp_path / "01_fails.ipynb", "raise ValueError('boom')")]
    steps += [tiny_notebook(tmp_path / f"0{n}_waits.ipynb", done.replace("NAME", f"ran{n}")) for n in (2, 3)]
    with pytest.raises(BuildError, match=r"01_fails.ipynb .* ValueError: boom"):
        build([config.ARTICLE], tmp_path / "out", steps=steps, jobs=1)
    assert not list(tmp_path.glob("ran*")), "no notebook started after the failure"
    assert len(build_processes) == 2, "the warm process and the failing notebook's kernel"
    assert not [p for p in build_processes if p.alive()], "no kernel, and no warm process, outlives the build"


@pytest.mark.skipif(sys.platform != "linux", reason="a thread has a priority of its own on Linux")
def test_reports_render_in_a_thread_that_yields_the_cores_to_the_kernels():
    from analysis.pipeline.building import in_the_gaps

    with ThreadPoolExecutor(1, initializer=in_the_gaps) as renderer:
        niceness = renderer.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())).result()
    assert niceness > os.getpriority(os.PRIO_PROCESS, 0), "lower than the build's own"


def test_a_table_moved_to_another_notebook_is_kept(tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "out"
    notebooks.mkdir()
    write = "from analysis import config\nfrom analysis.files import write_json\n" \
            "paths = config.article_paths(article_path, out)\n"
    steps = [tiny_notebook(notebooks / "01_a.ipynb", write), tiny_notebook(notebooks / "02_b.ipynb", write +
             "_ = write_json(paths.processed / 'moved.json', {'by': 'b'})")]
    build([config.ARTICLE], out, steps=steps)
    tiny_notebook(notebooks / "01_a.ipynb", write + "_ = write_json(paths.processed / 'moved.json', {'by': 'a'})")
    tiny_notebook(notebooks / "02_b.ipynb", write + "# no longer writes it")
    assert len(build([config.ARTICLE], out, steps=steps).executed) == 2
    moved = out / "data" / "processed" / config.slug(config.ARTICLE) / "moved.json"
    assert json.loads(moved.read_text(encoding="utf-8")) == {"by": "a"}


def test_failing_notebook_names_the_cell_and_keeps_previous_outputs(small_project):
    steps, out = small_project
    notebooks = steps[0].path.parent
    build([config.ARTICLE], out, steps=steps)
    before = exports(out)
    (notebooks / "01_load_and_clean.ipynb").write_text(
        (notebooks / "01_load_and_clean.ipynb").read_text(encoding="utf-8").replace("Question", "Question!"),
        encoding="utf-8",
    )
    tiny_notebook(notebooks / "02_reads_01.ipynb", "raise RuntimeError('deliberate failure')")
    with pytest.raises(
        BuildError, match=r"02_reads_01\.ipynb for .* failed at cell \[3\] .*RuntimeError: deliberate failure"
    ):
        build([config.ARTICLE], out, steps=steps)
    assert exports(out) == before, "the notebook that did succeed is not published either"
    assert [p.name for p in (out / ".build").iterdir()] == ["lock"], "no staging folder is left"
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]


@pytest.mark.parametrize("content", [b"", "標題\n\n2021-02-30 10:24\n 正文。\n".encode()])
def test_command_line_reports_bad_input_without_traceback(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(bad), "--out", str(tmp_path / "out"), "--quiet"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        check=False,
    )
    assert run.returncode == 2
    assert str(bad) in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, installed here when absent and this is a root CI machine; else the test is skipped."""
    path = shutil.which("chromium")
    if not path and os.geteuid() == 0 and shutil.which("apt-get") and os.environ.get("CI"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env, capture_output=True)
        path = shutil.which("chromium")
    if not path:
        pytest.skip("Debian chromium is not installed (apt-get install chromium) and this is not a root CI machine")
    return path


def dump_dom(chromium, page, tmp_path):
    """The DOM of a page after Chromium has loaded it and run whatever scripts it would run."""
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    run = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    )
    return run.stdout


def test_reports_open_in_chromium_and_hostile_markup_does_not_run(chromium, xss_build, study_build, tmp_path):
    dom = dump_dom(chromium, xss_build / "reports" / "index.html", tmp_path)
    assert f"<title>{INDEX_TITLE}" in dom and "pwned" not in dom.split("</title>")[0]
    assert "&lt;script&gt;" in dom, "the hostile title is shown as text"
    for page in sorted((xss_build / "reports").rglob("*/*.html")):
        dom = dump_dom(chromium, page, tmp_path)
        assert "<title>pwned</title>" not in dom
        assert "jp-OutputArea-output" in dom and 'data-mime-type="application/vnd.jupyter.stderr"' not in dom
    study_page = next((study_build[0] / "reports").rglob("01_*.html"))
    assert "香港商報網" in dump_dom(chromium, study_page, tmp_path)


def test_build_manifest_records_inputs_and_outputs(study_build):
    manifest = json.loads((study_build[0] / "data/processed" / config.slug(config.ARTICLE) / "build.json").read_text())
    for entry in manifest.values():
        assert len(entry["inputs"]) == 64
        assert all((study_build[0] / rel).is_file() for rel in entry["outputs"])


def test_reports_show_only_characters_the_build_expected(study_build):
    # each report's font is then cut from the build's likely characters, not again from the full face (slower)
    likely = set(likely_characters(config.ARTICLE, study_steps()))
    for page in (study_build[0] / "reports").rglob("*/*.html"):
        # the table script's fold map holds Simplified forms the page does not show
        assert set(cjk_characters(SCRIPTS.sub("", page.read_text(encoding="utf-8")))) <= likely, page.name


def test_embedded_font_is_the_same_from_a_cold_cache(tmp_path, monkeypatch):
    from analysis.pipeline import rendering
    from analysis.reports import style

    subsets = []
    for day, name in enumerate(("first", "second")):
        # fontTools stamps the time into a font it saves; SOURCE_DATE_EPOCH stands in for two machines' clocks
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1_700_000_000 + day * 86_400))
        monkeypatch.setattr(config, "CACHE", tmp_path / name)
        style.font_file.cache_clear()
        subsets.append(rendering.cjk_font_subset("西鄉街道學習強國"))
    style.font_file.cache_clear()
    assert subsets[0] == subsets[1]


def test_report_links_resolve_and_every_chart_has_alt_text(study_build):
    out = study_build[0]
    for page in (out / "reports").rglob("*/*.html"):
        parser = TagCollector()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.tags:
            if tag == "img":
                assert attrs.get("alt"), f"{page.name}: an image without alt text"
            href = attrs.get("href", "") if tag == "a" else ""
            if href and not href.startswith(("#", "http")):
                assert (page.parent / href).resolve().is_file(), f"{page.name}: broken link {href}"
        assert "Out[" not in page.read_text(encoding="utf-8").split("<body", 1)[1]
