"""The sentences of a text: the unit numbers are read in and words are counted together in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ENDS = "。！？!?"  # the marks that end a sentence
SENTENCE = re.compile(f"[^{ENDS}\\n]+(?:[{ENDS}]+[」』）)]*)?")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's text and where it starts."""

    text: str
    start: int


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of a text, one at a time: up to 。！？ (with any closing quote) or the end of a line."""
    return (Sentence(m.group(), m.start()) for m in SENTENCE.finditer(text))


def token_sentences(line: list[str]) -> list[list[str]]:
    """The sentences of a line of tokens (a corpus's segmented text): split after each token of sentence-ending marks
    only, as sentences() splits a text; no empty sentence."""
    found, sentence = [], []
    for token in line:
        ends = bool(token) and all(c in ENDS for c in token)
        if ends and not sentence and found:
            found[-1].append(token)  # ！？ as two tokens ends one sentence
            continue
        sentence.append(token)
        if ends:
            found.append(sentence)
            sentence = []
    return [*found, sentence] if sentence else found
