"""Render executed notebooks as self-contained, byte-reproducible HTML, and the index page linking them."""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
import threading
from functools import cache
from pathlib import Path

from analysis import config
from analysis.files import atomic_path, write_text
from analysis.pipeline.steps import Step, corpus_steps, neighbours
from analysis.reading.article import published_from_iso, published_text
from analysis.reading.characters import BIDI_CONTROLS
from analysis.reports import style

TEMPLATES = Path(__file__).parent / "templates"
# reports render in the build's worker threads; two threads importing nbconvert at once can see it half-initialised
IMPORTING = threading.Lock()
EXPORTERS = threading.local()


def stable_notebook(nb, title: str):
    """The notebook as a reader sees it: no injected parameters, numbered cell ids, no run-time metadata."""
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    for number, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{number:02d}"  # nbformat 5 gives random ids otherwise
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    nb.metadata = {"title": title, "kernelspec": nb.metadata.get("kernelspec", {}), "language_info": {"name": "python"}}
    return nb


H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# a table cell holding only a number (pandas and Styler cells alike): right-aligned, the rest left-aligned
NUMBER_CELL = re.compile(r"<td((?: [^>]*)?)>(\s*[-+−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*%?\s*)</td>")
CONTENTS_MARK = "<!-- report-contents -->"


def number_cell(match: re.Match) -> str:
    """A table cell marked as holding a number."""
    attributes = match.group(1)
    if 'class="' in attributes:
        attributes = attributes.replace('class="', 'class="num ', 1)
    else:
        attributes += ' class="num"'
    return f"<td{attributes}>{match.group(2)}</td>"


def with_contents(page: str) -> str:
    """The page with an id on each section heading (h2) and, at its mark, a list of links to them."""
    headings = []

    def anchor(match: re.Match) -> str:
        headings.append(TAG.sub("", match.group(1)).strip())
        return f'<h2 id="section-{len(headings)}">{match.group(1)}</h2>'

    page = H2.sub(anchor, page)
    items = "".join(f'<li><a href="#section-{n}">{text}</a></li>' for n, text in enumerate(headings, start=1))
    contents = f'<nav class="report-contents" aria-label="Contents"><ol>{items}</ol></nav>' if headings else ""
    return page.replace(CONTENTS_MARK, contents, 1)


def file_links(written: list[str]) -> str:
    """Links from a report (in reports/<article>/) to the tables and charts its notebook wrote, charts by name."""
    tables = [rel for rel in written if rel.startswith("data/")]
    charts: dict[str, list[str]] = {}
    for rel in written:
        if rel.startswith("figures/"):
            charts.setdefault(rel.rsplit(".", 1)[0], []).append(rel)
    items = [f'<li><a href="../../{html.escape(rel)}">{html.escape(rel.rsplit("/", 1)[-1])}</a></li>' for rel in tables]
    for stem, files in charts.items():
        links = " ".join(
            f'<a href="../../{html.escape(rel)}">{html.escape(rel.rsplit(".", 1)[-1].upper())}</a>' for rel in files
        )
        items.append(f"<li>chart {html.escape(stem.rsplit('/', 1)[-1])}: {links}</li>")
    if not items:
        return ""
    return '<section class="report-files"><h2>Files this notebook wrote</h2><ul>' + "".join(items) + "</ul></section>"


def step_links(step: Step, steps: list[Step]) -> str:
    """The links at the top of a report: all reports, the previous and the next one."""
    before, after = neighbours(steps, step.name)
    links = ['<a href="../index.html">All reports</a>']
    if before:
        links.append(f'<a rel="prev" href="{html.escape(before.name)}.html">← {html.escape(before.title)}</a>')
    if after:
        links.append(f'<a rel="next" href="{html.escape(after.name)}.html">{html.escape(after.title)} →</a>')
    return " · ".join(links)


def prepare_index() -> None:
    """Import what the index's findings need (pandas) now, not when the index, the build's last step, waits for it."""
    import analysis.reports.findings  # noqa: F401


def exporter_class():
    """nbconvert's HTML exporter, imported under IMPORTING (two threads importing jupyter's modules at once can find
    them half-initialised)."""
    with IMPORTING:
        from nbconvert import HTMLExporter
    return HTMLExporter


def report_exporter():
    """This thread's nbconvert exporter for reports, made on first use: a new one would load and compile every
    template again (an exporter is not shared between threads)."""
    exporter = getattr(EXPORTERS, "report", None)
    if exporter is None:
        exporter = EXPORTERS.report = exporter_class()(
            template_name="report",
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_anchor_links=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )
    return exporter


# shown, a bidirectional control turns the text after it round (a file name, an output of an earlier build): dropped
SHOWN_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def render_html(nb, step: Step, steps: list[Step], written: list[str] = (), likely: str = "") -> str:
    """HTML of an executed notebook: outputs shown, code folded, no prompts, links to the other reports and to the
    files it wrote, a contents list, its own CJK font, and one script (allowed by its hash) to search and sort its
    tables."""
    resources = {"report": {"links": step_links(step, steps), "contents": CONTENTS_MARK, "files": file_links(written)}}
    body, _ = report_exporter().from_notebook_node(stable_notebook(nb, step.title), resources=resources)
    page = embed_cjk_font(with_contents(NUMBER_CELL.sub(number_cell, SHOWN_BIDI.sub("", body))), likely)
    return with_table_script(page)


TABLES_SCRIPT = (TEMPLATES / "report" / "tables.js").read_text(encoding="utf-8")
TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
REPORT_CSP = "default-src 'none';"


def script_hash(script: str) -> str:
    """A script's CSP source: 'sha256-' and the base64 of the SHA-256 of its text, as a browser computes it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def fold_map(text: str) -> str:
    """The Traditional characters of a text each followed by its Simplified form (OpenCC t2s, character by
    character), in code point order: what the table script folds a query and the cells with."""
    from analysis.reading.script import to_simplified

    pairs = ((c, to_simplified(c)) for c in sorted(set(text)) if ord(c) > 0x2E7F)
    return "".join(c + s for c, s in pairs if s != c)


def with_table_script(page: str) -> str:
    """The page with the table script before </body> and its hash allowed in the page's Content-Security-Policy;
    a page without tables is left without a script. The fold map covers the characters of the page's tables."""
    tables = TABLE.findall(page)
    if not tables:
        return page
    fold = html.escape(fold_map(html.unescape(TAG.sub("", "".join(tables)))))
    page = page.replace(REPORT_CSP, f"{REPORT_CSP} script-src {script_hash(TABLES_SCRIPT)};", 1)
    head, _, tail = page.rpartition("</body>")
    return f'{head}<script data-fold="{fold}">{TABLES_SCRIPT}</script>\n</body>{tail}'


def cut_font(font, chars: str, recut: bool = False) -> bytes:
    """A font cut down to the given characters, as OpenType bytes. recut: the font is itself a cut, so it has no
    hints or subroutines left, and looking for them again (a third of the time) is skipped: the same bytes."""
    from fontTools import subset

    options = subset.Options()
    options.name_IDs, options.hinting, options.desubroutinize = ["*"], recut, not recut
    # horizontal text in the TC face needs none of the OpenType layout tables (vertical forms, other regions'
    # glyphs); without them the subset is half the size and takes half the time
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def full_face():
    """The TC face straight from the Noto collection, read lazily (as fast as from an extracted face, same bytes).
    Subsets keep its bounding boxes, an outer bound of their glyphs: recomputing them took a third of each cut."""
    from fontTools.ttLib import TTFont

    return TTFont(str(style.font_collection()), fontNumber=style.font_number(), recalcTimestamp=False,
                  recalcBBoxes=False, lazy=True)


@cache
def likely_font(likely: str) -> bytes:
    """The TC face cut down to a build's likely characters (see cjk_font_subset), cut once and kept in memory while
    the build renders its reports."""
    return cut_font(full_face(), "".join(sorted(set(likely))))


def cjk_font_subset(chars: str, likely: str = "") -> bytes:
    """Noto Sans CJK TC cut down to the given characters (cached on disk: the full face takes a second to cut).
    When `likely` holds every one of them, the cut is made from a subset to those characters: the same bytes (a
    subset of a subset is the subset), several times faster for each report after the first."""
    # keyed by this module's code too, so a change to how subsets are cut never reuses an old one
    key = hashlib.sha256(Path(__file__).read_bytes() + chars.encode()).hexdigest()
    cached = config.CACHE / "font-subsets" / f"{key}.otf"
    if cached.is_file():
        return cached.read_bytes()
    from fontTools.ttLib import TTFont

    if likely and set(chars) <= set(likely):
        font = TTFont(io.BytesIO(likely_font(likely)), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
        data = cut_font(font, chars, recut=True)
    else:
        data = cut_font(full_face(), chars)
    with atomic_path(cached) as tmp:
        tmp.write_bytes(data)
    return data


# the CJK face comes first but covers only CJK code points (unicode-range), so Latin text keeps the system font;
# last in the stack, Chromium drew some short CJK runs in a table with a fallback font that has no glyphs (boxes)
FONT_STACK = '"Report CJK", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif'
CODE_FONT_STACK = '"Report CJK", SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace'
CJK_RANGE = "U+2E80-10FFFF"


def cjk_characters(text: str) -> str:
    """The distinct characters of a text the CJK web font covers, in code point order."""
    return "".join(sorted(c for c in set(text) if ord(c) > 0x2E7F))


def embed_cjk_font(page: str, likely: str = "") -> str:
    """Embed the CJK glyphs a page uses as a web font, so it reads right on machines with no Chinese fonts (`likely`:
    see cjk_font_subset)."""
    chars = cjk_characters(page)
    if not chars:
        return page
    data = base64.b64encode(cjk_font_subset(chars, likely)).decode("ascii")
    style = (
        "<style>\n"
        f'@font-face {{ font-family: "Report CJK"; src: url(data:font/otf;base64,{data}) format("opentype"); '
        f"unicode-range: {CJK_RANGE}; }}\n"
        f":root {{ --jp-content-font-family: {FONT_STACK}; --jp-ui-font-family: {FONT_STACK}; "
        f"--jp-code-font-family: {CODE_FONT_STACK}; }}\n"
        f"body {{ font-family: {FONT_STACK}; }}\n"
        "</style>\n"
    )
    return page.replace("</head>", style + "</head>", 1)


def article_entries(out: Path, steps: list[Step]) -> list[dict]:
    """Title, outlet, date, findings and reports (in the steps' order) of every article built under `out`."""
    from analysis.reports.findings import headlines  # pandas: loaded only when an index is written

    order = {step.name: number for number, step in enumerate(steps)}
    entries = []
    for folder in sorted((out / "reports").iterdir()) if (out / "reports").is_dir() else []:
        paths = config.output_paths(folder.name, out)
        pages = sorted(folder.glob("*.html"), key=lambda page: (order.get(page.stem, len(order)), page.stem))
        if folder.is_dir() and paths.metadata.is_file() and pages:
            article = json.loads(paths.metadata.read_text(encoding="utf-8"))
            entries.append(
                {
                    "slug": folder.name,
                    "title": article["title"],
                    "source": article.get("outlet") or article.get("source", ""),
                    "published": article.get("published"),
                    "findings": headlines(paths.processed),
                    "pages": pages,
                }
            )
    return entries


INDEX = """<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>{title}</title>
<style>
  body {{ max-width: 860px;
         margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #222; }}
  h2 {{ margin-bottom: 0.2em; }} .meta {{ color: #666; margin-top: 0; }} li {{ margin: 0.4em 0; }}
  .findings li {{ margin: 0.2em 0; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>A study of Chinese news articles: for each article, what it says in words and in numbers. One report per
notebook; each shows the notebook's results, its code folded under “Code”.</p>
{articles}
</body>
</html>
"""
INDEX_TITLE = "Chinese news article study — reports"


def write_index(out: Path, steps: list[Step], likely: str = "") -> Path:
    """Write reports/index.html under `out`: per article its title, outlet, date, headline findings and reports
    (`likely`: see cjk_font_subset)."""
    titles = {step.name: step for step in steps}
    sections = []
    for entry in article_entries(out, steps):
        slug = html.escape(entry["slug"])
        items = []
        for page in entry["pages"]:
            step = titles.get(page.stem)
            label = html.escape(step.title if step else page.stem)
            summary = f" — {html.escape(step.summary)}" if step else ""
            items.append(f'<li><a href="{slug}/{html.escape(page.name)}">{label}</a>{summary}</li>')
        outlet = html.escape(entry["source"]) if entry["source"] else "outlet unknown"
        meta = [outlet, published_text(published_from_iso(entry["published"]))]
        findings = "".join(f"<li>{html.escape(line)}</li>" for line in entry["findings"])
        sections.append(
            f"<section>\n<h2>{html.escape(entry['title'])}</h2>\n"
            f'<p class="meta">{" · ".join(meta)} · <code>{slug}</code></p>\n'
            + (f'<ul class="findings">{findings}</ul>\n' if findings else "")
            + "<p>Reports:</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>"
        )
    corpus = sorted((out / "reports" / "corpus").glob("c*.html"))
    if corpus:
        titles = {step.name: step for step in corpus_steps()}
        items = [f'<li><a href="corpus/{html.escape(page.name)}">{html.escape(titles[page.stem].title)}</a> — '
                 f"{html.escape(titles[page.stem].summary)}</li>" for page in corpus if page.stem in titles]
        sections.append("<section>\n<h2>The corpus</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>")
    page = INDEX.format(title=INDEX_TITLE, articles=SHOWN_BIDI.sub("", "\n".join(sections)))
    return write_text(out / "reports" / "index.html", embed_cjk_font(page, likely))
