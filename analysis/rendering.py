"""Render executed notebooks as self-contained, byte-reproducible HTML, and the index page linking them."""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
from datetime import datetime
from pathlib import Path

from analysis import config
from analysis.exporting import atomic_path, write_text

TEMPLATES = Path(__file__).parent / "templates"


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


def render_html(nb, title: str) -> str:
    """HTML of an executed notebook: outputs shown, code folded, no scripts, its own CJK font."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)], exclude_anchor_links=True)
    body, _ = exporter.from_notebook_node(stable_notebook(nb, title))
    return embed_cjk_font(body)


def cjk_font_subset(chars: str) -> bytes:
    """Noto Sans CJK TC cut down to the given characters (cached on disk: the full face takes a second to read)."""
    # keyed by this module's code too, so a change to how subsets are cut never reuses an old one
    key = hashlib.sha256(Path(__file__).read_bytes() + chars.encode()).hexdigest()
    cached = config.CACHE / "font-subsets" / f"{key}.otf"
    if cached.is_file():
        return cached.read_bytes()
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(config.font_file()), recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs, options.hinting, options.desubroutinize = ["*"], False, True
    # horizontal text in the TC face needs none of the OpenType layout tables (vertical forms, other regions'
    # glyphs); without them the subset is half the size and takes half the time
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    with atomic_path(cached) as tmp:
        tmp.write_bytes(buffer.getvalue())
    return buffer.getvalue()


# the CJK face comes first but covers only CJK code points (unicode-range), so Latin text keeps the system font;
# last in the stack, Chromium drew some short CJK runs in a table with a fallback font that has no glyphs (boxes)
FONT_STACK = '"Report CJK", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif'
CODE_FONT_STACK = '"Report CJK", SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace'
CJK_RANGE = "U+2E80-10FFFF"


def embed_cjk_font(page: str) -> str:
    """Embed the CJK glyphs a page uses as a web font, so it reads right on machines with no Chinese fonts."""
    chars = "".join(sorted({c for c in page if ord(c) > 0x2E7F}))
    if not chars:
        return page
    data = base64.b64encode(cjk_font_subset(chars)).decode("ascii")
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


def article_entries(out: Path) -> list[dict]:
    """Title, date and reports of every article built under `out`, in name order."""
    entries = []
    for folder in sorted((out / "reports").iterdir()) if (out / "reports").is_dir() else []:
        meta = out / "data" / "processed" / folder.name / "article.json"
        pages = sorted(folder.glob("*.html"))
        if folder.is_dir() and meta.is_file() and pages:
            article = json.loads(meta.read_text(encoding="utf-8"))
            entries.append(
                {"slug": folder.name, "title": article["title"], "published": article["published"], "pages": pages}
            )
    return entries


INDEX = """<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>Xixiang article study — reports</title>
<style>
  body {{ max-width: 860px;
         margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #222; }}
  h2 {{ margin-bottom: 0.2em; }} .date {{ color: #666; margin-top: 0; }} li {{ margin: 0.4em 0; }}
</style>
</head>
<body>
<h1>Xixiang article study — reports</h1>
<p>One report per notebook, for each article studied. Each report shows the notebook's results; its code is folded
under “Code”.</p>
{articles}
</body>
</html>
"""


def write_index(out: Path) -> Path:
    """Write reports/index.html under `out`, linking every article's reports with its title and date."""
    from analysis.building import read_notebooks

    notebooks = {nb.name: nb for nb in read_notebooks()}
    sections = []
    for entry in article_entries(out):
        slug = html.escape(entry["slug"])
        items = []
        for page in entry["pages"]:
            nb = notebooks.get(page.stem)
            label = html.escape(nb.title if nb else page.stem)
            summary = f" — {html.escape(nb.summary)}" if nb else ""
            items.append(f'<li><a href="{slug}/{html.escape(page.name)}">{label}</a>{summary}</li>')
        published = datetime.fromisoformat(entry["published"])
        date = f"Published {published:%Y-%m-%d %H:%M} ({published.tzname()})"
        sections.append(
            f"<section>\n<h2>{html.escape(entry['title'])}</h2>\n"
            f'<p class="date">{date} · <code>{slug}</code></p>\n'
            "<ul>\n" + "\n".join(items) + "\n</ul>\n</section>"
        )
    return write_text(out / "reports" / "index.html", embed_cjk_font(INDEX.format(articles="\n".join(sections))))
