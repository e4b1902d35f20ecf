"""Atomic, byte-reproducible writes of files, text, tables and JSON."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

# the lock file of an output folder, beside the build's staging folders
LOCK = Path(".build", "lock")

if TYPE_CHECKING:  # pandas is only needed by callers; `python -m analysis report` must start fast
    import pandas as pd

NAME_BYTES = 255  # the longest file name Linux, macOS and Windows file systems take, in bytes of UTF-8
# a cell a spreadsheet would evaluate as a formula (OWASP's CSV injection): =, +, -, @, tab or CR first, after any
# quotes escaping added before; one more ' makes it text, and restored() takes that one off
FORMULA = re.compile(r"'*[=+\-@\t\r]")


def fitted(name: str, limit: int = NAME_BYTES) -> str:
    """A file name that fits in `limit` bytes: as it is, or cut, with a hash of the whole name before its suffix."""
    data = name.encode("utf-8", "surrogateescape")
    if len(data) <= limit:
        return name
    stem, suffix = os.path.splitext(name)
    tag = f"-{hashlib.sha256(data).hexdigest()[:8]}{suffix}"
    kept = stem.encode("utf-8", "surrogateescape")[: limit - len(tag.encode("utf-8", "surrogateescape"))]
    return kept.decode("utf-8", "ignore") + tag


def inside(root: str | Path, rel: str) -> Path:
    """root/rel resolved; ValueError when that leaves root (an absolute path, `..`, a symbolic link out) or is root."""
    root = Path(root).resolve()
    path = (root / rel).resolve()
    if path == root or not path.is_relative_to(root):
        raise ValueError(f"{rel!r} is not inside {root}")
    return path


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp adds a dot, eight random characters and the suffix: the name stays within the file system's limit
    prefix = f".{fitted(path.name, NAME_BYTES - 16)}."
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".part")
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


def neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a ' before each text cell a spreadsheet would evaluate as a formula (FORMULA), so that it opens
    as text; numbers stay numbers."""
    escaped = {}
    for column in table.select_dtypes(include=["object", "string"]).columns:
        cells = table[column]
        risky = cells.map(lambda cell: isinstance(cell, str) and FORMULA.match(cell) is not None).astype(bool)
        if risky.any():
            escaped[column] = cells.where(~risky, "'" + cells[risky])
    return table.assign(**escaped) if escaped else table


def restored(table: pd.DataFrame) -> pd.DataFrame:
    """A table read back from a CSV written by write_csv, its cells as they were before neutralised()."""
    escaped = {}
    for column in table.select_dtypes(include=["object", "string"]).columns:
        cells = table[column]
        quoted = cells.map(lambda cell: isinstance(cell, str) and cell[:1] == "'" and bool(FORMULA.match(cell, 1)))
        if quoted.astype(bool).any():
            escaped[column] = cells.where(~quoted.astype(bool), cells.str[1:])
    return table.assign(**escaped) if escaped else table


def write_csv(path: str | Path, table: pd.DataFrame) -> Path:
    """Write a table as UTF-8 CSV without the index, atomically, with a byte-order mark: without one, Excel opens a
    double-clicked CSV in the machine's legacy code page and garbles the Chinese (pandas reads the mark as nothing).
    Text a spreadsheet would run as a formula is written after a ' (neutralised; restored() reads it back)."""
    return write_text(path, "\ufeff" + neutralised(table).to_csv(index=False, lineterminator="\n"))


def write_json(path: str | Path, data) -> Path:
    """Write data as indented UTF-8 JSON (Chinese kept readable), atomically."""
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def one_line(message: str) -> str:
    """A message with its line breaks and other control characters escaped (a file name may hold a newline), so that
    it stays one line."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in message)


@contextmanager
def locked(out: Path, wait_seconds: float, notify: Callable[[str], None], error: type[Exception] = OSError):
    """Hold the lock of an output folder (one writer at a time: a report build or a corpus run); wait for another
    holding it (at most wait_seconds, < 0: forever), saying so through notify; `error` for a folder held too long or
    that cannot be written."""
    from filelock import FileLock, Timeout

    path = out / LOCK
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if wait_seconds == 0:
                raise error(f"another build is writing to {out}; run again when it has finished") from None
            notify(f"another build is writing to {out}; waiting for it to finish")
            try:
                lock.acquire(timeout=wait_seconds)
            except Timeout:
                raise error(f"another build was still writing to {out} after {wait_seconds:g} s") from None
    except OSError as failure:
        raise error(f"cannot write to {out}: {failure.strerror or failure}") from None
    try:
        yield
    finally:
        lock.release()
