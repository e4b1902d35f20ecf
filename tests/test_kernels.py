"""Kernels forked from a warm process: each notebook in a process of its own, started with the imports done, and the
same outputs as a kernel started from nothing."""

import json
import os
import select
import subprocess
import sys

import nbformat
import pytest
from conftest import Watched
from tiny_notebooks import tiny_notebook

from analysis import config
from analysis.pipeline import kernels
from analysis.pipeline.building import build, relative_files

pytestmark = pytest.mark.skipif(not kernels.supported(), reason="kernels are forked only where pidfds exist (Linux)")

# what a notebook's kernel looked like when its first line ran, and whether an earlier notebook left anything behind
REPORTS_ITS_PROCESS = (
    "import json, os, sys\nfrom analysis import config\n"
    "from ipykernel.connect import get_connection_info\n"
    "seen = {'pid': os.getpid(), 'parent': os.getppid(), 'pyplot': 'matplotlib.pyplot' in sys.modules,\n"
    "        'left_behind': getattr(config, 'LEFT_BEHIND', None),\n"
    "        'transport': get_connection_info(unpack=True)['transport']}\n"
    "config.LEFT_BEHIND = 'NAME'\n"
    "paths = config.article_paths(article_path, out)\n"
    "paths.processed.mkdir(parents=True, exist_ok=True)\n"
    "(paths.processed / 'NAME.json').write_text(json.dumps(seen))"
)

DRAWS_A_CHART = (
    "import matplotlib.pyplot as plt\nimport pandas as pd\n"
    "fig, ax = plt.subplots(figsize=(3, 2))\n"
    "ax.bar(['西鄉', '寶安'], [41550, 9000])\n"
    "pd.DataFrame({'詞': ['學習強國'], 'count': [34]})"
)


def test_each_notebook_gets_a_process_of_its_own_with_the_imports_done(tmp_path):
    steps = [tiny_notebook(tmp_path / f"0{n}_{name}.ipynb", REPORTS_ITS_PROCESS.replace("NAME", name))
             for n, name in ((1, "first"), (2, "second"))]
    out = tmp_path / "out"
    build([config.ARTICLE], out, steps=steps, jobs=1)
    processed = config.output_paths(config.slug(config.ARTICLE), out).processed
    first, second = (json.loads((processed / f"{name}.json").read_text()) for name in ("first", "second"))
    assert first["pid"] != second["pid"] and os.getpid() not in (first["pid"], second["pid"])
    assert first["parent"] == second["parent"] != os.getpid(), "both forked from the warm process"
    assert first["pyplot"] and second["pyplot"], "the warm process had imported matplotlib.pyplot"
    assert first["left_behind"] is None and second["left_behind"] is None, "nothing of one notebook in the next"
    assert first["transport"] == second["transport"] == "ipc", "Unix sockets, not TCP ports another process may take"


def test_a_forked_kernel_gives_the_outputs_a_fresh_kernel_gives(tmp_path, monkeypatch):
    step = tiny_notebook(tmp_path / "01_chart.ipynb", DRAWS_A_CHART)
    build([config.ARTICLE], tmp_path / "forked", steps=[step])
    monkeypatch.setattr(kernels, "supported", lambda: False)
    build([config.ARTICLE], tmp_path / "fresh", steps=[step])
    forked, fresh = relative_files(tmp_path / "forked"), relative_files(tmp_path / "fresh")
    assert sorted(forked) == sorted(fresh)
    assert {rel: p.read_bytes() for rel, p in forked.items()} == {rel: p.read_bytes() for rel, p in fresh.items()}
    page = next(p for rel, p in forked.items() if rel.endswith("01_chart.html")).read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "學習強國" in page, "the chart and the table reached the report"


def test_a_build_starts_its_kernels_the_usual_way_when_the_warm_process_has_ended(tmp_path, monkeypatch):
    warm = kernels.WarmProcess([])
    warm.process.kill()
    warm.process.wait()
    with pytest.raises(RuntimeError, match="the warm process has ended"):
        warm.fork([], {}, str(tmp_path))
    warm.close()

    def ended(self, *args):
        raise RuntimeError("the warm process has ended (exit code -9)")

    monkeypatch.setattr(kernels.WarmProcess, "fork", ended)
    step = tiny_notebook(tmp_path / "01_first.ipynb", REPORTS_ITS_PROCESS.replace("NAME", "first"))
    build([config.ARTICLE], tmp_path / "out", steps=[step])
    processed = config.output_paths(config.slug(config.ARTICLE), tmp_path / "out").processed
    assert not json.loads((processed / "first.json").read_text())["pyplot"], "a kernel started from nothing"


def test_the_warm_process_imports_what_the_notebooks_import(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("import not_code"),
        nbformat.v4.new_code_cell("import pandas as pd, numpy\nfrom analysis.reports.findings import say"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport skipped_with_its_magic"),
        nbformat.v4.new_code_cell("from . import relative\nfrom analysis.reports.findings import quote\nimport pandas"),
    ]
    nbformat.write(nb, tmp_path / "a.ipynb")
    assert kernels.imported_modules([tmp_path / "a.ipynb"]) == ["pandas", "numpy", "analysis.reports.findings"]


def test_a_kernel_is_watched_and_signalled_through_its_pidfd():
    ended = subprocess.Popen(["true"])
    ended.wait()
    assert kernels.ForkedKernel(ended.pid).poll() is not None, "a process that has ended is never taken for a kernel"
    running = subprocess.Popen(["sleep", "30"])
    kernel = kernels.ForkedKernel(running.pid)
    assert kernel.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        kernel.wait(0.1)
    kernel.kill()
    assert kernel.wait(5) is not None
    assert running.wait(5) == -9


def test_the_warm_process_and_its_kernels_end_with_a_killed_build(tmp_path):
    # the notebook's kernel says who it is through a pipe, then never ends by itself
    pipe = tmp_path / "pids"
    os.mkfifo(pipe)
    tiny_notebook(tmp_path / "01_hangs.ipynb", f"import os, threading\nwith open({str(pipe)!r}, 'w') as pids:\n"
                  "    pids.write(f'{os.getpid()} {os.getppid()}')\nthreading.Event().wait()")
    code = ("import sys; from pathlib import Path; sys.path.insert(0, 'tests')\n"
            "from tiny_notebooks import step_of\nfrom analysis import config\n"
            "from analysis.pipeline.building import build\n"
            f"build([config.ARTICLE], Path({str(tmp_path / 'out')!r}), steps=[step_of(Path({str(tmp_path)!r}, "
            "'01_hangs.ipynb'))], html=False)")
    building = subprocess.Popen([sys.executable, "-c", code], cwd=config.ROOT)
    pids = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        # whichever comes first: the kernel's pids, or the build's end (a failure)
        ready = select.select([pids, Watched(building.pid).pidfd], [], [])[0]
        assert pids in ready, "the build ended before its notebook ran"
        kernel, warm = (Watched(int(pid)) for pid in os.read(pids, 100).split())
    finally:
        building.kill()
        building.wait()
        os.close(pids)
    assert warm.ended(timeout=60) and kernel.ended(timeout=60), "neither lives on without the build"
