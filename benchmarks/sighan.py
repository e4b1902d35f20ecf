"""Score the project's segmentation on the SIGHAN 2005 bakeoff (icwb2-data), by the bakeoff's rule: a word is right
when its span of characters is the gold word's span. Prints word precision, recall and F1, and the recall of words
outside each set's training vocabulary (OOV), for analysis.tokenize and for plain jieba with HMM on and off.

    python benchmarks/sighan.py --icwb2 DIR [--sets as pku cityu] [--only project]

DIR is a copy of icwb2-data (gold/<set>_test*_gold.utf8, gold/<set>_training_words.utf8: the text segmented is the
gold's own, its words joined);
the bakeoff's data is not shipped with the project. The table goes to stdout and nothing is written.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import tokenize  # noqa: E402  (before jieba: it silences the warning jieba's import gives)

# the bakeoff's three sets the study's scripts need: AS (Traditional, Taiwan), CityU (Traditional, Hong Kong),
# PKU (Simplified, mainland); gold files as icwb2-data names them
SETS = {
    "as": ("gold/as_testing_gold.utf8", "gold/as_training_words.utf8"),
    "cityu": ("gold/cityu_test_gold.utf8", "gold/cityu_training_words.utf8"),
    "pku": ("gold/pku_test_gold.utf8", "gold/pku_training_words.utf8"),
}


def read(path: Path) -> list[str]:
    """The file's lines, without line ends; the bakeoff's files are UTF-8, some with a byte-order mark."""
    return path.read_text(encoding="utf-8-sig").splitlines()


def spans(words: list[str]) -> set[tuple[int, int]]:
    """The (start, end) character spans of consecutive words, whitespace left out."""
    found, position = set(), 0
    for word in words:
        found.add((position, position + len(word)))
        position += len(word)
    return found


def score(gold: list[list[str]], found: list[list[str]], vocabulary: set[str]) -> dict[str, float]:
    """Word precision, recall, F1 and OOV recall of `found` against `gold`, sentence by sentence."""
    right = gold_total = found_total = oov = oov_right = 0
    for gold_words, found_words in zip(gold, found, strict=True):
        if "".join(gold_words) != "".join(found_words):
            raise ValueError(f"the segmentation changed the text: {''.join(found_words)[:40]!r}")
        gold_spans, found_spans = spans(gold_words), spans(found_words)
        right += len(gold_spans & found_spans)
        gold_total, found_total = gold_total + len(gold_spans), found_total + len(found_spans)
        position = 0
        for word in gold_words:
            if word not in vocabulary:
                oov += 1
                oov_right += (position, position + len(word)) in found_spans
            position += len(word)
    precision, recall = right / found_total, right / gold_total
    return {"P": precision, "R": recall, "F1": 2 * precision * recall / (precision + recall),
            "OOV": oov / gold_total, "OOV_R": oov_right / oov}


def by_line(words: list[str], lines: list[str]) -> list[list[str]]:
    """The words of the lines' text, joined by line ends, back into one list per line."""
    found, words = [], iter(words)
    for line in lines:
        line_words, length = [], 0
        while length < len(line):
            line_words.append(word := next(words))
            length += len(word)
        found.append(line_words)
    return found


def segmenters() -> dict:
    """The segmenters compared: name → function from the set's lines to their words (whitespace left out). The
    project is run on each line alone (no context, as for a one-sentence text) and on the set as one text, as it
    runs on an article: the words it finds recurring in the text (analysis.newwords) join its segmentation."""
    import jieba

    jieba.setLogLevel(logging.WARNING)

    def project(text: str) -> list[str]:
        return [t.word for t in tokenize(text, pos=False) if not t.word.isspace()]

    return {
        "project": lambda lines: [project(line) for line in lines],
        "project, one text": lambda lines: by_line(project("\n".join(lines)), lines),
        "jieba HMM on": lambda lines: [[w for w in jieba.lcut(line, HMM=True) if not w.isspace()] for line in lines],
        "jieba HMM off": lambda lines: [[w for w in jieba.lcut(line, HMM=False) if not w.isspace()] for line in lines],
    }


def main(argv: list[str] | None = None) -> int:
    """Print the table of scores for the sets and segmenters asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icwb2", type=Path, required=True, help="folder of the icwb2-data copy")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--only", nargs="+", help="segmenters to run (default: all)")
    args = parser.parse_args(argv)
    chosen = {name: cut for name, cut in segmenters().items() if not args.only or name in args.only}
    print(f"{'set':6} {'segmenter':17} {'P':>6} {'R':>6} {'F1':>6} {'OOV rate':>8} {'OOV R':>6} {'seconds':>7}")
    for name in args.sets:
        gold_file, vocabulary_file = (args.icwb2 / part for part in SETS[name])
        gold = [line.split() for line in read(gold_file)]
        # the gold's own text is segmented: the test files differ from it in a few characters (AS: ｉc for ｉｃ)
        lines = ["".join(words) for words in gold]
        vocabulary = set(read(vocabulary_file)) - {""}
        for segmenter, cut in chosen.items():
            start = time.perf_counter()
            found = cut(lines)
            seconds = time.perf_counter() - start
            s = score(gold, found, vocabulary)
            print(f"{name:6} {segmenter:17} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {s['OOV']:8.3f} "
                  f"{s['OOV_R']:6.3f} {seconds:7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
