"""The CJK font and the chart style: the one place charts, the word cloud and the reports' fonts take them from."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from analysis import config

FONT_FAMILY = "Noto Sans CJK TC"
DPI = 200
# matplotlib hashes SVG element ids with this salt; fixed so the same chart gives the same bytes
SVG_HASHSALT = "analysis"
PALETTE = ["#1f4e79", "#c0504d", "#7f7f7f", "#9bbb59", "#f79646", "#4bacc6"]


def font_collection() -> Path:
    """Path of the Noto Sans CJK collection shipped by the noto-cjk-sans-otc wheel."""
    import noto_cjk_sans_otc

    return Path(str(noto_cjk_sans_otc.FONT_PATH))


@cache
def font_number() -> int:
    """Which face of the Noto Sans CJK collection is the TC face."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(font_collection()), lazy=True)
    names = ({n.toUnicode() for n in face["name"].names if n.nameID == 1} for face in collection.fonts)
    return next(number for number, family in enumerate(names) if FONT_FAMILY in family)


@cache
def font_file() -> Path:
    """A single-face font file of Noto Sans CJK TC, for tools (wordcloud) that open face 0 of a TTC."""
    from fontTools.ttLib import TTFont

    target = config.CACHE / "NotoSansCJKtc-Regular.otf"
    if target.exists():
        return target
    # read lazily, the tables are copied as they are: the same bytes as decompiling them, in half the time; in the
    # order fontTools writes them fastest (sorting them writes the file twice, for readers that look tables up by tag)
    face = TTFont(str(font_collection()), fontNumber=font_number(), recalcTimestamp=False, lazy=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    face.save(str(partial), reorderTables=None)
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
