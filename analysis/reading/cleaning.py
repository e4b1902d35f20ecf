"""Character-level cleaning of article lines: one character in, one character out, so offsets survive."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from analysis.reading.characters import is_cjk

# Punctuation a Chinese web page writes either as ASCII or as its fullwidth form. In Chinese
# prose it is shown in the Chinese (fullwidth) form; between digits or Latin letters (10:24) in ASCII.
_PAIRED = dict(zip(",:;!?()", "，：；！？（）", strict=True))
_ASCII_OF = {v: k for k, v in _PAIRED.items()} | {k: k for k in _PAIRED}


def fold_width(char: str) -> str:
    """Map a fullwidth digit, Latin letter or ％ to ASCII and any space or tab to a plain space."""
    code = ord(char)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or char == "％":
        return chr(code - 0xFEE0)
    if char == "\t" or unicodedata.category(char) == "Zs":
        return " "
    return char


def _touches_cjk(chars: list[str], index: int) -> bool:
    """Whether the nearest real character on either side of chars[index] is CJK."""
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(chars) and (chars[i] in _ASCII_OF or chars[i] == " "):
            i += step
        if 0 <= i < len(chars) and is_cjk(chars[i]):
            return True
    return False


@cache
def fold_table() -> dict[int, str]:
    """fold_width as a str.translate table, built on first use (every character it changes is in the BMP)."""
    return str.maketrans({c: fold_width(c) for c in map(chr, range(0x10000)) if fold_width(c) != c})


_AMBIGUOUS = re.compile(f"[{re.escape(''.join(_ASCII_OF))}]")


def clean_line(line: str) -> str:
    """Fold widths and spaces and set each ambiguous punctuation mark by its context; keeps the length."""
    folded = line.translate(fold_table())
    chars = list(folded)
    for match in _AMBIGUOUS.finditer(folded):
        i = match.start()
        ascii_form = _ASCII_OF[chars[i]]
        chars[i] = _PAIRED[ascii_form] if _touches_cjk(chars, i) else ascii_form
    return "".join(chars)


def strip_span(line: str) -> tuple[int, int]:
    """Start and end of a cleaned line without its leading and trailing spaces."""
    start = len(line) - len(line.lstrip(" "))
    return start, len(line.rstrip(" "))
