"""Reading the committed word lists: plain lists (stop words) and jieba's user dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class UserWord:
    """An entry of the user dictionary: the word as written (Traditional), jieba's frequency (None: jieba's
    suggestion) and its part-of-speech tag."""

    word: str
    freq: int | None
    tag: str | None


def read_word_list(path: str | Path) -> list[str]:
    """The words of a committed word list: one per line, `#` comments and blank lines skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if (w := line.split("#", 1)[0].strip())]


def read_user_dictionary(path: str | Path) -> list[UserWord]:
    """The entries of a user dictionary: `word [freq] [tag]` per line, `#` comments and blank lines skipped."""
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        word, rest = fields[0], fields[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        entries.append(UserWord(word, freq, rest[0] if rest else None))
    return entries
