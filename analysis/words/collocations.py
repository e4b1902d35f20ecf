"""Words in company: where a word or phrase occurs (either script), its collocates within a window with observed and
expected counts, pointwise MI and log-likelihood G², the recurrent clusters (n-grams) around it, and which of the
article's main words share sentences (the edges of a co-occurrence network)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import combinations

import pandas as pd

from analysis.reading.characters import has_clause_break, is_word
from analysis.reading.script import to_simplified, word_key
from analysis.reading.sentences import sentences
from analysis.words.frequency import frequency_table, word_counts
from analysis.words.segmenting import Token, tokenize
from analysis.words.stopwords import is_stop_word

WINDOW = (5, 5)  # words left and right of the node, AntConc's default span
CLUSTER_SIZES = (2, 3, 4)
COLUMNS = ["node", "collocate", "window", "observed", "expected", "mi", "log_likelihood"]
CLUSTER_COLUMNS = ["node", "cluster", "words", "frequency", "range"]
EDGE_COLUMNS = ["source", "target", "sentences", "jaccard", "source_sentences", "target_sentences", "source_count",
                "target_count"]


def matches(text: str, tokens: list[Token], query: str, whole: bool = True) -> list[tuple[int, int]]:
    """Start and end of each place `query` occurs in `text`, in either script, left to right without overlaps;
    whole=True keeps those that begin at a token's start and end at a token's end (a word or a run of words, not part
    of a longer word)."""
    key = to_simplified(query.strip())
    if not key:
        return []
    # conversion keeps every character in place, so offsets in the Simplified form are offsets in the text
    simple = to_simplified(text)
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    found, at = [], simple.find(key)
    while at >= 0:
        end = at + len(key)
        if not whole or (at in starts and end in ends):
            found.append((at, end))
            at = simple.find(key, end)
        else:
            at = simple.find(key, at + 1)
    return found


def run_positions(words: list[str], node: str) -> list[range]:
    """Where `node` occurs in a list of words (a corpus's segmented text, each word under its word_key): the runs of
    whole words that make it up, left to right without overlaps."""
    key = word_key(node.strip())
    found, at = [], 0
    while key and at < len(words):
        run, end = "", at
        while end < len(words) and len(run) < len(key) and key.startswith(run + words[end]):
            run, end = run + words[end], end + 1
        if run == key:
            found.append(range(at, end))
            at = end
        else:
            at += 1
    return found


def word_stream(text: str) -> tuple[list[Token], list[Token]]:
    """All tokens of `text` and its words (no punctuation, whitespace or bare numbers), the positions windows count."""
    tokens = tokenize(text, pos=False)
    return tokens, [t for t in tokens if is_word(t.word)]


def node_positions(stream: list[Token], spans: list[tuple[int, int]]) -> list[range]:
    """For each occurrence (start, end) of the node, the positions in `stream` of the words it is made of."""
    starts = [t.start for t in stream]
    return [range(bisect_left(starts, start), bisect_left(starts, end)) for start, end in spans]


def association(observed: int, window: int, collocate: int, total: int) -> tuple[float, float, float]:
    """Expected count, pointwise MI and log-likelihood G² of a collocate seen `observed` times among the `window`
    positions around a node and `collocate` times among all `total` positions: Evert's 2×2 table of surface
    co-occurrence (O11 = observed, R1 = window, C1 = collocate, N = total; E = R·C/N), MI = log2(O11/E11) and
    G² = 2 Σ O ln(O/E) over the four cells."""
    outside = total - window
    cells = [(observed, window, collocate), (window - observed, window, total - collocate),
             (collocate - observed, outside, collocate), (outside - collocate + observed, outside, total - collocate)]
    expected = window * collocate / total
    g2 = 2 * sum(o * math.log(o / (row * column / total)) for o, row, column in cells if o)
    return expected, math.log2(observed / expected), g2


def window_counts(words: list[str], nodes: list[range], left: int = WINDOW[0], right: int = WINDOW[1]) -> Counter:
    """The words within `left` words before and `right` words after each occurrence of the node (its positions in
    `words`): each position counted once, however many occurrences' windows hold it, and never the node's own; the
    window's size is the counts' total."""
    inside = {at for occurrence in nodes for at in occurrence}
    window = {at for occurrence in nodes
              for at in [*range(max(0, occurrence.start - left), occurrence.start),
                         *range(occurrence.stop, min(len(words), occurrence.stop + right))]} - inside
    return Counter(words[at] for at in window)


def collocate_table(node: str, seen: Counter, everywhere: Counter, left: int = WINDOW[0],
                    right: int = WINDOW[1]) -> pd.DataFrame:
    """The collocates of `node` from the words seen in its windows (window_counts) and every word's count among all
    positions, with observed and expected counts, MI and G²; strongest by G² first. Stop words are counted as
    positions but not listed."""
    window, total = sum(seen.values()), sum(everywhere.values())
    rows = []
    for word, observed in seen.items():
        if is_stop_word(word):
            continue
        expected, mi, g2 = association(observed, window, everywhere[word], total)
        rows.append((node, word, f"{left}L-{right}R", observed, round(expected, 3), round(mi, 3), round(g2, 3)))
    table = pd.DataFrame(rows, columns=COLUMNS).astype({"observed": "int64", "expected": float, "mi": float,
                                                        "log_likelihood": float})
    return table.sort_values(["log_likelihood", "observed", "collocate"], ascending=[False, False, True],
                             ignore_index=True)


def collocates(text: str, node: str, left: int = WINDOW[0], right: int = WINDOW[1]) -> pd.DataFrame:
    """The words within `left` words before and `right` words after each whole occurrence of `node` (either script),
    with observed and expected counts, MI and G² (collocate_table)."""
    tokens, stream = word_stream(text)
    words = [t.word for t in stream]
    nodes = node_positions(stream, matches(text, tokens, node))
    return collocate_table(node, window_counts(words, nodes, left, right), Counter(words), left, right)


def main_collocates(text: str, nodes: list[str], left: int = WINDOW[0], right: int = WINDOW[1]) -> pd.DataFrame:
    """collocates() of each of `nodes`, one table, node by node in the order given."""
    tables = [collocates(text, node, left, right) for node in nodes]
    return pd.concat(tables, ignore_index=True) if tables else collocates(text, "", left, right)


def clusters(text: str, node: str, sizes: tuple[int, ...] = CLUSTER_SIZES, minimum: int = 2) -> pd.DataFrame:
    """AntConc's clusters: runs of `sizes` words holding a whole occurrence of `node` anywhere in them, within one
    clause (no comma or stop inside), seen at least `minimum` times; with their frequency and range (the number of
    lines — title, paragraphs, headings, captions — they occur in). Words are joined by spaces."""
    tokens, stream = word_stream(text)
    clause = 0
    clause_of = {}
    for token in tokens:
        # a space between words (Latin words, names) does not end a clause; a line end does
        if "\n" in token.word or has_clause_break(token.word.strip()):
            clause += 1
        elif is_word(token.word):
            clause_of[token.start] = clause
    found = defaultdict(set)  # cluster -> the starts of its occurrences
    for occurrence in node_positions(stream, matches(text, tokens, node)):
        for size in sizes:
            for first in range(occurrence.stop - size, occurrence.start + 1):
                words = stream[first:first + size] if first >= 0 else []
                if len(words) == size and len({clause_of[w.start] for w in words}) == 1:
                    found[tuple(w.word for w in words)].add(words[0].start)
    rows = [(node, " ".join(words), len(words), len(starts), len({text.count("\n", 0, s) for s in starts}))
            for words, starts in found.items() if len(starts) >= minimum]
    table = pd.DataFrame(rows, columns=CLUSTER_COLUMNS).astype({"words": "int64", "frequency": "int64",
                                                                "range": "int64"})
    return table.sort_values(["frequency", "words", "cluster"], ascending=[False, False, True], ignore_index=True)


def cooccurrence_table(held: dict[str, set[int]], counts: Counter, terms: int = 30, top: int = 40,
                       minimum: int = 2) -> pd.DataFrame:
    """KH Coder's co-occurrence network from the sentences each counted word is in (`held`) and the words' counts: of
    the `terms` most frequent words found in at least `minimum` sentences, the `top` pairs by Jaccard coefficient
    (sentences with both / sentences with either) among those sharing at least `minimum` sentences; with each word's
    sentences and count."""
    ranked = [w for w in frequency_table(counts)["word"] if len(held.get(w, ())) >= minimum][:terms]
    rows = []
    for a, b in combinations(ranked, 2):
        both = len(held[a] & held[b])
        if both >= minimum:
            rows.append((a, b, both, both / len(held[a] | held[b]), len(held[a]), len(held[b]), counts[a], counts[b]))
    table = pd.DataFrame(rows, columns=EDGE_COLUMNS).astype({column: "int64" for column in EDGE_COLUMNS
                                                             if column not in ("source", "target", "jaccard")})
    table = table.astype({"jaccard": float}).sort_values(["jaccard", "sentences", "source", "target"],
                                                          ascending=[False, False, True, True], ignore_index=True)
    table["jaccard"] = table["jaccard"].round(3)
    return table.head(top)


def cooccurrences(text: str, terms: int = 30, top: int = 40, minimum: int = 2) -> pd.DataFrame:
    """The co-occurrence network of the text's counted words, sentence by sentence (cooccurrence_table)."""
    counts = word_counts(text)
    breaks = [s.start for s in sentences(text)]
    held = defaultdict(set)  # word -> the sentences it is in
    for token in tokenize(text, pos=False):
        if token.word in counts:
            held[token.word].add(bisect_right(breaks, token.start))
    return cooccurrence_table(held, counts, terms, top, minimum)
