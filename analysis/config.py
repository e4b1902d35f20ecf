"""Project paths, the CJK font and the chart style: the one place notebooks and modules take them from."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
LEXICON = DATA / "lexicon"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
CACHE = Path(os.environ.get("XIXIANG_CACHE", ROOT / ".cache"))

ARTICLE = RAW / "2021-07-29_hkcd_xixiang-xuexi-qiangguo.txt"
ARTICLE_SHA256 = "39e27ec2771e4a8f7d7fdf285e13693f95610c5c70da5771b20a6271eee8ef0e"

FONT_FAMILY = "Noto Sans CJK TC"
DPI = 200
# matplotlib hashes SVG element ids with this salt; fixed so the same chart gives the same bytes
SVG_HASHSALT = "xixiang"
PALETTE = ["#1f4e79", "#c0504d", "#7f7f7f", "#9bbb59", "#f79646", "#4bacc6"]


def font_collection() -> Path:
    """Path of the Noto Sans CJK collection shipped by the noto-cjk-sans-otc wheel."""
    import noto_cjk_sans_otc

    return Path(str(noto_cjk_sans_otc.FONT_PATH))


@cache
def font_file() -> Path:
    """A single-face font file of Noto Sans CJK TC, for tools (wordcloud) that open face 0 of a TTC."""
    from fontTools.ttLib import TTCollection

    target = CACHE / "NotoSansCJKtc-Regular.otf"
    if target.exists():
        return target
    collection = TTCollection(str(font_collection()), recalcTimestamp=False)  # same bytes on every machine
    face = next(f for f in collection.fonts if FONT_FAMILY in {n.toUnicode() for n in f["name"].names if n.nameID == 1})
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    face.save(str(partial))
    partial.replace(target)
    return target


@cache
def use_project_style() -> None:
    """Register the CJK font with matplotlib and set the project's chart style (once per process)."""
    import matplotlib
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_collection()))
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 13,
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
            "svg.hashsalt": SVG_HASHSALT,
            "svg.fonttype": "path",
            # article text is drawn as written: `HK$5億 另撥HK$3000萬` is money, not mathematics
            "text.parse_math": False,
        }
    )


def slug(path: str | Path) -> str:
    """A safe folder name for an article file: its stem with anything but letters, digits, - and _ replaced."""
    name = re.sub(r"[^\w\-]+", "_", Path(path).stem, flags=re.ASCII).strip("._")
    if not name:
        raise ValueError(f"{path}: no usable name for an output folder")
    return name[:100]


@dataclass(frozen=True)
class ArticlePaths:
    """Where one article's processed tables, figures and reports go."""

    article: Path
    processed: Path
    figures: Path
    reports: Path


def article_paths(article: str | Path | None = None, out: str | Path | None = None) -> ArticlePaths:
    """The output folders for an article (default: the study's article) under `out` (default: the project)."""
    article = ROOT / article if article else ARTICLE  # relative paths are taken from the project root
    out = ROOT / out if out else ROOT
    name = slug(article)
    return ArticlePaths(article, out / "data" / "processed" / name, out / "figures" / name, out / "reports" / name)
