"""The study's steps: the numbered notebooks in order, their titles and summaries, the parameters every notebook
takes, and which notebook reads which one's output. The build and the reports' index both read them from here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis import config

# the one cell tagged `parameters` in every notebook sets these; the build passes them (papermill overrides them)
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


def study_steps(directory: Path = config.NOTEBOOKS) -> list[Step]:
    """The study's four notebooks, in the order they run (a notebook may read only earlier ones' outputs)."""
    return [
        Step(
            directory / "01_load_and_clean.ipynb",
            "01 · Load, clean and segment the article",
            "What exactly is the text we study: the article's parts, what cleaning changed, what was left out, and "
            "how it is cut into words.",
        ),
        Step(
            directory / "02_word_frequency.ipynb",
            "02 · Word frequency: what the article talks about",
            "Which words carry the article, and which slogans does it quote?",
        ),
        Step(
            directory / "03_figure_extraction.ipynb",
            "03 · Figure extraction: every number the article reports",
            "What does the article claim in numbers, what does each count, and do the numbers agree?",
        ),
        Step(
            directory / "04_reported_statistics.ipynb",
            "04 · Reported statistics: the article's numbers as charts",
            "How big are the numbers the article reports, next to each other?",
            reads=("03_figure_extraction",),
        ),
    ]


def corpus_steps(directory: Path = config.NOTEBOOKS / "corpus") -> list[Step]:
    """The corpus study's notebooks, in order; each reads the tables of `python -m analysis corpus`."""
    return [
        Step(directory / "c01_corpus.ipynb", "c01 · The corpus: what was read",
             "Which articles the corpus holds: outlets, dates, length, script, and the files that could not be read."),
        Step(directory / "c02_words_over_time.ipynb", "c02 · Words over time and each article's own words",
             "How the vocabulary moves over time, and what each article says that the others do not."),
        Step(directory / "c03_slogans.ipynb", "c03 · Slogans shared by several articles",
             "Which quoted phrases travel from article to article, and when each first appeared."),
        Step(directory / "c04_claims.ipynb", "c04 · Claims across articles",
             "Where several articles report the same figure: do they agree, and where can two not both be true?"),
    ]


def neighbours(steps: list[Step], name: str) -> tuple[Step | None, Step | None]:
    """The steps before and after the named one, None at either end."""
    names = [step.name for step in steps]
    at = names.index(name)
    return (steps[at - 1] if at > 0 else None, steps[at + 1] if at + 1 < len(steps) else None)
