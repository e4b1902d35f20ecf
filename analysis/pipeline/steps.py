"""The study's steps: the numbered notebooks in order, the parameters every notebook takes, and which notebook reads
which one's output; each notebook's title and summary are read from its first cell. The build and the reports'
index both read them from here."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from analysis import config

# the one cell tagged `parameters` in every notebook sets these; the build passes them (papermill overrides them)
# a notebook's summary: the first sentence of the question it opens with
QUESTION = re.compile(r"\*\*Question\.\*\*\s+(.+?[?.])(?=\s|$)", re.S)
PARAMETERS = {
    "article_path": "the article file, relative to the project root (None: the study's article)",
    "out": "the folder data/processed/, figures/ and reports/ go under (None: the project for an article of data/raw/, "
           "studies/ for any other)",
}


@dataclass(frozen=True)
class Step:
    """A numbered notebook: its file, its title, a one-line summary and the steps whose outputs it reads."""

    path: Path
    title: str
    summary: str
    reads: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The notebook's file name without .ipynb, e.g. 01_load_and_clean."""
        return self.path.stem


def notebook_step(path: Path, reads: tuple[str, ...] = ()) -> Step:
    """A notebook's step, its title and summary read from the notebook itself (one place for both): the title is its
    first cell's heading, the summary the first sentence of its **Question.**"""
    first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"]
    text = "".join(first) if isinstance(first, list) else first
    title = text.splitlines()[0].removeprefix("# ").strip()
    question = QUESTION.search(text)
    if not title or question is None:
        raise ValueError(f"{path}: the first cell must open with '# <title>' and hold a '**Question.**' paragraph")
    return Step(path, title, " ".join(question.group(1).split()), reads)


def study_steps(directory: Path = config.NOTEBOOKS) -> list[Step]:
    """The study's four notebooks, in the order they run (a notebook may read only earlier ones' outputs)."""
    return [
        notebook_step(directory / "01_load_and_clean.ipynb"),
        notebook_step(directory / "02_word_frequency.ipynb"),
        notebook_step(directory / "03_figure_extraction.ipynb"),
        notebook_step(directory / "04_reported_statistics.ipynb", reads=("03_figure_extraction",)),
    ]


def corpus_steps(directory: Path = config.NOTEBOOKS / "corpus") -> list[Step]:
    """The corpus study's notebooks, in order; each reads the tables of `python -m analysis corpus`."""
    names = ("c01_corpus", "c02_words_over_time", "c03_slogans", "c04_claims")
    return [notebook_step(directory / f"{name}.ipynb") for name in names]


def neighbours(steps: list[Step], name: str) -> tuple[Step | None, Step | None]:
    """The steps before and after the named one, None at either end."""
    names = [step.name for step in steps]
    at = names.index(name)
    return (steps[at - 1] if at > 0 else None, steps[at + 1] if at + 1 < len(steps) else None)
