"""The report frame: no prompts, readable tables, alt text on charts, links between reports and to the files each
notebook wrote, a contents list, and an index for the study that lists each article's outlet, date and findings."""

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import nbformat
import pytest

from analysis import config
from analysis.pipeline import rendering
from analysis.pipeline.rendering import INDEX_TITLE, render_html, write_index
from analysis.pipeline.steps import PARAMETERS, Step, corpus_steps, neighbours, notebook_step, study_steps
from analysis.reports import charting, findings

PNG = (  # a 1×1 transparent PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

SCRIPTS = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL)


class Page(HTMLParser):
    """The start tags of a page with their attributes, and its text."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        """Attributes of every element with this tag."""
        return [attrs for name, attrs in self.tags if name == tag]


def executed_notebook():
    """An executed notebook as papermill returns it: headings, a table, a chart with alt text and one without."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    table = (
        "<table><thead><tr><th>word</th><th>count</th><th>share</th></tr></thead><tbody>"
        "<tr><td>學習強國</td><td>34</td><td>5.2%</td></tr><tr><td>西鄉 2021</td><td>1,270</td><td>0.1</td></tr>"
        "</tbody></table>"
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 02 · Words\n\n## Method\n\nText.\n\n## Result: words & counts"),
        nbformat.v4.new_code_cell(
            "frequencies",
            execution_count=3,
            outputs=[
                nbformat.v4.new_output("execute_result", {"text/html": table, "text/plain": "t"}, execution_count=3)
            ],
        ),
        nbformat.v4.new_code_cell(
            "show(fig)",
            execution_count=4,
            outputs=[
                nbformat.v4.new_output(
                    "display_data", {"image/png": PNG}, metadata={"image/png": {"alt": "詞頻 — Top words"}}
                ),
                nbformat.v4.new_output("display_data", {"image/png": PNG}),
            ],
        ),
    ]
    return nb


STEPS = [
    Step(config.NOTEBOOKS / "01_a.ipynb", "01 · First", "The first."),
    Step(config.NOTEBOOKS / "02_words.ipynb", "02 · Words", "The words."),
    Step(config.NOTEBOOKS / "03_c.ipynb", "03 · Third", "The third.", reads=("02_words",)),
]
WRITTEN = [
    "data/processed/x/word_frequencies.csv",
    "figures/x/top30_words.png",
    "figures/x/top30_words.svg",
    "figures/x/top30_words.csv",
]


@pytest.fixture(scope="module")
def report():
    """The example notebook rendered as the second of three reports."""
    text = render_html(executed_notebook(), STEPS[1], STEPS, WRITTEN)
    return text, Page(text)


def test_no_prompts_beside_code_or_outputs(report):
    body = report[0].split("<body", 1)[1]
    assert "Out[" not in body and "In&nbsp;[" not in body and "jp-OutputPrompt" not in body


def test_every_chart_has_alt_text_from_its_title(report):
    _, page = report
    alts = [img.get("alt") for img in page.all("img")]
    assert alts == ["詞頻 — Top words", "Chart (no description given)"]


def test_previous_next_and_index_links(report):
    _, page = report
    links = {a.get("rel"): a["href"] for a in page.all("a") if a.get("rel")}
    assert links == {"prev": "01_a.html", "next": "03_c.html"}
    assert "../index.html" in [a["href"] for a in page.all("a")]


def test_contents_list_links_to_each_section(report):
    text, page = report
    targets = [a["href"] for a in page.all("a") if a["href"].startswith("#")]
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    assert len(targets) == 3 and all(t[1:] in ids for t in targets)  # Method, Result, Files
    assert "Result: words &amp; counts</a>" in text


def test_links_to_the_files_the_notebook_wrote(report):
    _, page = report
    files = [a["href"] for a in page.all("a") if a["href"].startswith("../../")]
    assert files == [f"../../{rel}" for rel in WRITTEN]


def test_numbers_right_text_left_in_tables(report):
    text, _ = report
    assert re.findall(r'<td class="num">([^<]*)</td>', text) == ["34", "5.2%", "1,270", "0.1"]
    assert "<td>學習強國</td>" in text and "<td>西鄉 2021</td>" in text
    assert "text-align: left" in text and "overflow-x: auto" in text


def test_every_cell_and_output_can_be_reached_from_the_keyboard_and_every_image_is_described():
    nb = executed_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("print(1); 1 / 0", execution_count=5, outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="1\n"),
        nbformat.v4.new_output("display_data", {"image/jpeg": PNG}),
        nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=["Trace"]),
    ]))
    text = render_html(nb, STEPS[1], STEPS, WRITTEN)
    assert text.count('tabindex="0"') == 4 + 6, "the input of the four cells and the six outputs"
    assert [img.get("alt") for img in Page(text).all("img")][-1] == "Image (no description given)"


def test_markup_in_the_code_is_shown_as_text():
    nb = executed_notebook()
    nb.cells.append(nbformat.v4.new_code_cell('label = "<img src=x onerror=alert(1)><b>bold</b>"  # <script>'))
    text = render_html(nb, STEPS[1], STEPS, WRITTEN)
    page = Page(text)
    assert not [attrs for attrs in page.all("img") if attrs.get("src") == "x"] and not page.all("b")
    assert SCRIPTS.findall(text) == [rendering.TABLES_SCRIPT], "the one script is the table script"
    assert '"<img src=x onerror=alert(1)><b>bold</b>"' in "".join(page.text), "the code, highlighted, as written"


def test_a_report_without_neighbours_or_files_has_no_such_links():
    only = Step(config.NOTEBOOKS / "01_a.ipynb", "01 · Only", "Alone.")
    page = Page(render_html(executed_notebook(), only, [only], []))
    assert not [a for a in page.all("a") if a.get("rel") or a["href"].startswith("../../")]


def test_a_report_renders_the_same_after_another_and_in_a_new_thread():
    from concurrent.futures import ThreadPoolExecutor

    first = render_html(executed_notebook(), STEPS[1], STEPS, WRITTEN)
    other = render_html(executed_notebook(), STEPS[0], STEPS, [])  # this thread's exporter, used for another page
    again = render_html(executed_notebook(), STEPS[1], STEPS, WRITTEN)
    with ThreadPoolExecutor(1) as pool:  # a thread with an exporter of its own
        fresh = pool.submit(render_html, executed_notebook(), STEPS[1], STEPS, WRITTEN).result()
    assert first == again == fresh != other


def test_show_displays_the_chart_with_alt_text(monkeypatch, capsys):
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig, ax = charting.new_figure()
    ax.bar([1, 2], [3, 4])
    charting.set_titles(ax, "黨員與群眾", "Party members and others")
    charting.add_source_note(ax, "a source", ["a sentence"])
    charting.show(fig, "nothing")
    fig, ax = charting.new_figure()
    ax.set_title("A plain title")
    charting.show(fig, "nothing", alt="Explicit description")
    charting.show(None, "The article splits no total into parts.")
    assert [image.metadata["alt"] for image in shown] == [
        "黨員與群眾 — Party members and others",
        "Explicit description",
    ]
    assert all(image.data.startswith(b"\x89PNG") for image in shown)
    assert capsys.readouterr().out == "The article splits no total into parts.\n"


def built_article(out, slug, published, pages, source="香港商報網"):
    """The outputs of an article as the index reads them: article.json and report pages."""
    paths = config.output_paths(slug, out)
    paths.processed.mkdir(parents=True)
    meta = {"title": f"<{slug}> 的標題", "source": source, "published": published}
    paths.metadata.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    paths.reports.mkdir(parents=True)
    for name in pages:
        paths.report(name).write_text("<html></html>", encoding="utf-8")


def test_index_is_for_the_study_and_lists_each_article(tmp_path, monkeypatch):
    monkeypatch.setattr(findings, "headlines", lambda processed: [f"{processed.name} finding <{n}>" for n in range(3)])
    built_article(tmp_path, "a", None, ["03_c", "01_a"])
    built_article(tmp_path, "b", "2022-03-15", ["01_a"], source="")
    text = write_index(tmp_path, STEPS).read_text(encoding="utf-8")
    page = Page(text)
    assert f"<title>{INDEX_TITLE}</title>" in text and "Xixiang" not in text
    assert [a["href"] for a in page.all("a")] == ["a/01_a.html", "a/03_c.html", "b/01_a.html"]
    assert "01 · First" in text and "The third." in text, "titles of the steps built, not the project's notebooks"
    body = "".join(page.text)
    assert "<a> 的標題" in body and "香港商報網 · undated" in body and "outlet unknown · 2022-03-15" in body
    assert "a finding <2>" in body and "&lt;2&gt;" in text


def test_the_study_steps_are_in_order_and_read_only_earlier_steps():
    steps = study_steps()
    assert [s.name for s in steps] == sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    names = [s.name for s in steps]
    for at, step in enumerate(steps):
        assert step.path.is_file() and step.title and step.summary
        assert all(names.index(dep) < at for dep in step.reads)
    assert neighbours(steps, names[0])[0] is None and neighbours(steps, names[-1])[1] is None


def test_every_notebook_has_the_parameters_cell():
    for step in study_steps():
        nb = nbformat.read(step.path, as_version=4)
        cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(cells) == 1, step.name
        assigned = set(re.findall(r"^(\w+)\s*=", cells[0].source, flags=re.MULTILINE))
        assert assigned == set(PARAMETERS), step.name


def test_show_reuses_the_png_the_chart_was_saved_as(tmp_path, monkeypatch):
    import io

    import pandas as pd
    from PIL import Image

    from analysis.reports.charting import save_chart

    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig, ax = charting.new_figure()
    ax.bar([1, 2], [3, 4])
    save_chart(fig, pd.DataFrame({"value": [3, 4]}), tmp_path, "bars")
    monkeypatch.setattr(fig, "savefig", lambda *a, **k: pytest.fail("the chart was drawn again"))
    charting.show(fig, "nothing", alt="Two bars")
    saved = Image.open(tmp_path / "bars.png")
    displayed = Image.open(io.BytesIO(shown[0].data))
    assert displayed.size == (-(-saved.width // 2), -(-saved.height // 2))  # half, odd pixels rounded up
    assert shown[0].metadata == {"alt": "Two bars"}


@pytest.mark.parametrize("likely", ["", "西鄉街道學習強國黨員群眾註冊人數", "西鄉"])
def test_font_cut_from_a_likely_subset_is_the_same_as_from_the_full_face(tmp_path, monkeypatch, likely):
    chars = "學習強國西鄉"
    monkeypatch.setattr(config, "CACHE", tmp_path / "direct")
    direct = rendering.cjk_font_subset(chars)
    monkeypatch.setattr(config, "CACHE", tmp_path / "via")
    assert rendering.cjk_font_subset(chars, likely) == direct
    assert rendering.cjk_characters("a 西鄉 b 西") == "西鄉"


def test_bidirectional_controls_never_reach_a_report():
    nb = executed_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("name", execution_count=9, outputs=[nbformat.v4.new_output(
        "execute_result", {"text/plain": "'\u202etxt.exe'", "text/html": "<b>\u2067學習\u2069\u200f</b>"},
        execution_count=9)]))
    page = render_html(nb, STEPS[1], STEPS, WRITTEN)
    assert "<b>學習</b>" in page
    assert not any(c in page for c in "\u202e\u2067\u2069\u200f\u061c")


def test_a_steps_title_and_summary_are_read_from_its_notebook(tmp_path):
    for notebook in study_steps() + corpus_steps():
        first = "".join(nbformat.read(notebook.path, as_version=4).cells[0].source)
        assert first.startswith(f"# {notebook.title}\n") and notebook.summary.endswith(("?", "."))
        assert " ".join(first.split()).count(notebook.summary) == 1
    bare = tmp_path / "01_bare.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# 01 · Bare\n\nNo question here.")]
    nbformat.write(notebook, bare)
    with pytest.raises(ValueError, match=r"01_bare\.ipynb: the first cell must open"):
        notebook_step(bare)


def table_notebook():
    """An executed notebook whose one output is a table as the reports show it (show_table), Traditional words."""
    import pandas as pd

    from analysis.reports.tables import show_table

    table = pd.DataFrame({"word": ["學習強國", "西鄉", "学习"], "count": [34, 1270, 5]})
    nb = executed_notebook()
    nb.cells[1].outputs = [nbformat.v4.new_output(
        "execute_result", {"text/html": show_table(table).to_html(), "text/plain": "t"}, execution_count=3)]
    return nb


def test_a_report_with_tables_holds_the_table_script_and_only_it_allowed_by_its_hash():
    text = render_html(table_notebook(), STEPS[1], STEPS, WRITTEN)
    page = Page(text)
    scripts = SCRIPTS.findall(text)
    assert scripts == [rendering.TABLES_SCRIPT] and len(page.all("script")) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    (csp,) = [m["content"] for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    sources = dict(rule.strip().split(" ", 1) for rule in csp.split(";"))
    assert sources["script-src"] == f"'sha256-{digest}'", "the hash of the script as inlined, and nothing else"
    assert sources["default-src"] == "'none'" and "unsafe-inline" not in sources["script-src"]
    assert text == render_html(table_notebook(), STEPS[1], STEPS, WRITTEN), "byte-identical from render to render"


def test_the_fold_map_turns_a_tables_traditional_characters_into_simplified():
    (script,) = Page(render_html(table_notebook(), STEPS[1], STEPS, WRITTEN)).all("script")
    pairs = script["data-fold"]
    fold = dict(zip(pairs[::2], pairs[1::2], strict=True))
    assert "".join(fold.get(c, c) for c in "學習強國") == "学习强国"
    assert fold["鄉"] == "乡" and "学" not in fold, "the table's characters, Traditional ones only"


def test_a_report_without_tables_has_no_script_and_a_csp_that_forbids_scripts():
    nb = executed_notebook()
    del nb.cells[1]
    text = render_html(nb, STEPS[1], STEPS, WRITTEN)
    assert "<script" not in text and "script-src" not in text


# what a reader does, run in the page after the table script: search in Simplified, clear, sort by count
READER = """(function () {
  var box = document.querySelector(".table-search input");
  function words() {
    return Array.from(document.querySelectorAll("tbody tr")).filter(function (r) { return !r.hidden; })
      .map(function (r) { return r.cells[1].textContent.trim(); });
  }
  box.value = "学习强国"; box.dispatchEvent(new Event("input"));
  var found = words();
  box.value = "學習"; box.dispatchEvent(new Event("input"));
  var either = words();
  box.value = ""; box.dispatchEvent(new Event("input"));
  var count = Array.from(document.querySelectorAll("th.sortable")).filter(function (h) {
    return h.textContent.trim() === "count"; })[0];
  count.click();
  var ascending = words();
  count.click();
  document.body.setAttribute("data-check", JSON.stringify([found, either, ascending, words()]));
})();"""


@pytest.mark.slow
def test_a_reader_searches_either_script_and_sorts_numbers_in_chromium(tmp_path):
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    text = render_html(table_notebook(), STEPS[1], STEPS, WRITTEN)
    digest = base64.b64encode(hashlib.sha256(READER.encode()).digest()).decode()
    text = text.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    text = text.replace("</body>", f"<script>{READER}</script></body>", 1)
    page = tmp_path / "report.html"
    page.write_text(text, encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    (body,) = Page(dom).all("body")
    found, either, ascending, descending = json.loads(body["data-check"])
    assert found == ["學習強國"], "a Simplified query finds the Traditional row"
    assert either == ["學習強國", "学习"], "a Traditional query finds both scripts' forms, in the table's order"
    assert ascending == ["学习", "學習強國", "西鄉"] and descending == ["西鄉", "學習強國", "学习"], "5 < 34 < 1,270"
