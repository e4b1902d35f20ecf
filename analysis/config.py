"""Project paths and the names of article files: the one place notebooks and modules take them from."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
LEXICON = DATA / "lexicon"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
# where a notebook run by hand on an article outside data/raw/ writes (git-ignored), never into the committed study
STUDIES = ROOT / "studies"
CACHE = Path(os.environ.get("ANALYSIS_CACHE", ROOT / ".cache"))

ARTICLE = RAW / "2021-07-29_hkcd_xixiang-xuexi-qiangguo.txt"
# the files a folder of articles is read for: pages saved as text or from the browser
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
ARTICLE_SHA256 = "39e27ec2771e4a8f7d7fdf285e13693f95610c5c70da5771b20a6271eee8ef0e"

SLUG_LENGTH = 80


def slug(path: str | Path) -> str:
    """The output folder name of an article file: its stem when that is a safe name (letters of any script, digits,
    - and _), else the stem made safe plus a short hash of it, so that names differing only in unsafe characters
    (`a b`, `a.b`) never share a folder; never empty."""
    stem = Path(path).stem
    name = re.sub(r"[^\w\-]+", "_", stem).strip("_-")[:SLUG_LENGTH]
    if name == stem and name:
        return name
    digest = hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{name}-{digest}" if name else f"article-{digest}"


@dataclass(frozen=True)
class ArticlePaths:
    """Where one article's outputs go: its processed tables (with article.json and build.json), charts and reports."""

    article: Path
    processed: Path
    figures: Path
    reports: Path

    @property
    def metadata(self) -> Path:
        """article.json: the article's text and metadata as notebook 01 wrote them."""
        return self.processed / "article.json"

    @property
    def manifest(self) -> Path:
        """build.json: the hashes of every notebook's inputs and outputs, for incremental builds."""
        return self.processed / "build.json"

    def report(self, notebook: str) -> Path:
        """The HTML report of a notebook (by name, e.g. 01_load_and_clean)."""
        return self.reports / f"{notebook}.html"


def output_paths(name: str, out: str | Path) -> ArticlePaths:
    """The output folders of the article whose folder name is `name`, under `out`."""
    out = Path(out)
    return ArticlePaths(Path(), out / "data" / "processed" / name, out / "figures" / name, out / "reports" / name)


def article_paths(article: str | Path | None = None, out: str | Path | None = None) -> ArticlePaths:
    """The output folders for an article (default: the study's article) under `out`; without `out`, the project for
    an article of data/raw/ and studies/ for any other, so a lab run never writes into the committed study."""
    article = ROOT / article if article else ARTICLE  # relative paths are taken from the project root
    committed = article.resolve().parent == RAW.resolve()
    out = ROOT / out if out else ROOT if committed else STUDIES
    return replace(output_paths(slug(article), out), article=article)


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder (text and saved web pages), in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
