"""Atomic, byte-reproducible writes of tables, JSON and charts (PNG + SVG + the CSV of their data)."""

from __future__ import annotations

import io
import json
import os
import tempfile
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is only needed by callers; `python -m analysis report` must start fast
    import pandas as pd

# matplotlib stamps the date and its version into files unless told not to
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically, with LF line ends."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_csv(path: str | Path, table: pd.DataFrame) -> Path:
    """Write a table as UTF-8 CSV without the index, atomically, with a byte-order mark: without one, Excel opens a
    double-clicked CSV in the machine's legacy code page and garbles the Chinese (pandas reads the mark as nothing)."""
    return write_text(path, "\ufeff" + table.to_csv(index=False, lineterminator="\n"))


def write_json(path: str | Path, data) -> Path:
    """Write data as indented UTF-8 JSON (Chinese kept readable), atomically."""
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# the PNG each figure was saved as, so that showing it in the notebook does not draw it a third time
SAVED_PNG: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tight_box(fig):
    """The box `bbox_inches="tight"` would save at the project's resolution, measured once for both files: a tight
    save draws the whole figure once to measure it and again to save it, images resampled each time. "tight"
    (savefig measures) for a figure with a layout engine, which lays it out while saving."""
    import matplotlib

    if fig.get_layout_engine() is not None:
        return "tight"
    dpi = fig.dpi
    fig.set_dpi(matplotlib.rcParams["savefig.dpi"])
    try:
        box = fig.get_tightbbox(fig.canvas.get_renderer())
    finally:
        fig.set_dpi(dpi)
    return box.padded(matplotlib.rcParams["savefig.pad_inches"])


def save_chart(fig, data: pd.DataFrame, directory: str | Path, name: str) -> list[Path]:
    """Save a figure as PNG and SVG and its data as CSV under one name; same inputs give the same bytes."""
    from analysis.charting import measured_once

    directory = Path(directory)
    png = io.BytesIO()
    with measured_once():
        box = tight_box(fig)
        fig.savefig(png, format="png", bbox_inches=box, metadata=PNG_METADATA)
        SAVED_PNG[fig] = png.getvalue()
        written = [write_bytes(directory / f"{name}.png", png.getvalue())]
        with atomic_path(directory / f"{name}.svg") as tmp:
            fig.savefig(tmp, format="svg", bbox_inches=box, metadata=SVG_METADATA)
    written.append(directory / f"{name}.svg")
    written.append(write_csv(directory / f"{name}.csv", data))
    return written
