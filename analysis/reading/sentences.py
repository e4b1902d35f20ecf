"""The sentences of a text: the unit numbers are read in and words are counted together in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[」』）)]*)?")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's text and where it starts."""

    text: str
    start: int


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of a text, one at a time: up to 。！？ (with any closing quote) or the end of a line."""
    return (Sentence(m.group(), m.start()) for m in SENTENCE.finditer(text))
