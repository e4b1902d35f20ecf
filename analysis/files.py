"""Atomic, byte-reproducible writes of files, text, tables and JSON."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is only needed by callers; `python -m analysis report` must start fast
    import pandas as pd

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
