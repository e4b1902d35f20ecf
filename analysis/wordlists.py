"""Reading the committed word lists: plain lists (stop words) and jieba's user dictionary, each line checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# jieba's part-of-speech tags: those its bundled dictionary uses, plus eng (its tag for Latin words) and the tags of
# its paddle mode (nw, xc, w, PER, LOC, ORG, TIME)
TAGS = frozenset({
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq", "n",
    "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
    "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
    "eng", "nw", "xc", "w", "PER", "LOC", "ORG", "TIME",
})
NUMBER_LIKE = re.compile(r"[-+]?[\d.]+")


class WordListError(ValueError):
    """A word list that cannot be read; the message is `path:line: problem` (or `path: problem`)."""


@dataclass(frozen=True)
class UserWord:
    """An entry of the user dictionary: the word as written (Traditional), jieba's frequency (None: jieba's
    suggestion) and its part-of-speech tag."""

    word: str
    freq: int | None
    tag: str | None


def read_lines(path: str | Path) -> list[str]:
    """The lines of a word list, which must be UTF-8 text."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        raise WordListError(f"{path}:{line}: not UTF-8 text (byte {error.start} cannot be decoded)") from None
    except OSError as error:
        raise WordListError(f"{path}: cannot be read ({error.strerror})") from None


def read_word_list(path: str | Path) -> list[str]:
    """The words of a committed word list: one per line, `#` comments and blank lines skipped."""
    words = []
    for number, line in enumerate(read_lines(path), 1):
        fields = line.split("#", 1)[0].split()
        if len(fields) > 1:
            raise WordListError(f"{path}:{number}: one word per line, found {len(fields)} fields: {line.strip()!r}")
        words.extend(fields)
    return words


def read_user_dictionary(path: str | Path) -> list[UserWord]:
    """The entries of a user dictionary: `word [freq] [tag]` per line, `#` comments and blank lines skipped; a
    frequency must be a positive integer (jieba deletes a word of frequency 0) and a tag one of jieba's (TAGS)."""
    entries = []
    for number, line in enumerate(read_lines(path), 1):
        fields = line.split("#", 1)[0].split()
        if fields:
            entries.append(user_word(fields, f"{path}:{number}"))
    return entries


def user_word(fields: list[str], where: str) -> UserWord:
    """The entry of one line's fields; WordListError naming `where` (path:line) and the problem."""
    word, rest = fields[0], fields[1:]
    freq = None
    if rest and NUMBER_LIKE.fullmatch(rest[0]):
        if not rest[0].isdigit() or int(rest[0]) == 0:
            raise WordListError(f"{where}: the frequency of {word} must be a positive integer, not {rest[0]}")
        freq = int(rest.pop(0))
    tag = rest.pop(0) if rest else None
    if tag is not None and tag not in TAGS:
        raise WordListError(f"{where}: {tag!r} is not one of jieba's part-of-speech tags (n, nr, ns, nt, nz, v …)")
    if rest:
        raise WordListError(f"{where}: expected `word [frequency] [tag]`, found a stray field {rest[0]!r}")
    return UserWord(word, freq, tag)
