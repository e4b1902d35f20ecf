"""Keywords of an article three ways (TF-IDF, TextRank, log-likelihood keyness) and its names by part of speech."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pandas as pd

from analysis.reading.characters import is_word
from analysis.reading.script import to_simplified
from analysis.words.newwords import surnames
from analysis.words.segmenting import Token, reference_frequency, reference_total, tokenize
from analysis.words.stopwords import is_stop_word

METHODS = ("tf-idf", "textrank", "keyness")
# jieba.analyse's own settings: TextRank links candidate words up to 4 tokens apart among these parts of speech.
# Kept as jieba has them, so the scores are jieba.analyse.textrank's; words the user dictionary tags nz, nt or nr
# (an app's name, an organisation, a person) therefore never enter TextRank's graph, which notebook 02 says.
TEXTRANK_POS = ("ns", "n", "vn", "v")
TEXTRANK_SPAN = 5
ENTITY_KINDS = {"nr": "person", "ns": "place", "nt": "organisation"}


def is_candidate(word: str) -> bool:
    """A keyword candidate as jieba.analyse takes it: a word of two or more characters that is not a stop word."""
    return len(word) >= 2 and is_word(word) and not is_stop_word(word)


def tfidf(tokens: list[Token]) -> dict[str, float]:
    """TF-IDF weights with jieba.analyse's IDF table (looked up in Simplified; unknown words get its median IDF)."""
    import jieba.analyse

    idf, median = jieba.analyse.default_tfidf.idf_freq, jieba.analyse.default_tfidf.median_idf
    counts = Counter(t.word for t in tokens if is_candidate(t.word))
    total = sum(counts.values())
    return {w: n / total * idf.get(to_simplified(w), median) for w, n in counts.items()}


def textrank(tokens: list[Token]) -> dict[str, float]:
    """TextRank scores with jieba.analyse's word graph, over our tokens (same segmentation as the counts)."""
    from jieba.analyse.textrank import UndirectWeightedGraph

    def linked(token: Token) -> bool:
        return token.pos in TEXTRANK_POS and is_candidate(token.word)

    cooccurrences = defaultdict(int)
    for i, token in enumerate(tokens):
        if linked(token):
            for other in tokens[i + 1:i + TEXTRANK_SPAN]:
                if linked(other):
                    cooccurrences[token.word, other.word] += 1
    graph = UndirectWeightedGraph()
    for (a, b), weight in cooccurrences.items():
        graph.addEdge(a, b, weight)
    return graph.rank() if cooccurrences else {}


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood G² for a word seen a times in c tokens of the text and b times in d of the reference."""
    expected_a, expected_b = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, expected_a), (b, expected_b)) if o)


def keyness(tokens: list[Token]) -> dict[str, float]:
    """G² of each word the text uses more than jieba's dictionary frequencies (the reference corpus) would predict."""
    counts = Counter(t.word for t in tokens if is_word(t.word))
    c, d = sum(counts.values()), reference_total()
    scores = {}
    for word, a in counts.items():
        b = reference_frequency(word)
        if not is_stop_word(word) and a / c > b / d:
            scores[word] = log_likelihood(a, b, c, d)
    return scores


def keywords(article, top: int = 20) -> pd.DataFrame:
    """The top keywords by TF-IDF, TextRank and keyness: method, rank, word, score, count in the article."""
    tokens = tokenize(article.text)
    counts = Counter(t.word for t in tokens)
    rows = []
    for method, scores in zip(METHODS, (tfidf(tokens), textrank(tokens), keyness(tokens)), strict=True):
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]
        rows += [(method, rank, word, score, counts[word]) for rank, (word, score) in enumerate(ranked, 1)]
    return pd.DataFrame(rows, columns=["method", "rank", "word", "score", "count"])


def keywords_by_rank(table: pd.DataFrame) -> pd.DataFrame:
    """The keyword table side by side: one row per rank, one column of words per method (empty where a method
    found fewer words)."""
    wide = table.pivot(index="rank", columns="method", values="word") if len(table) else pd.DataFrame()
    return wide.reindex(columns=list(METHODS)).astype(object).fillna("").rename_axis(columns=None)


def entity_kind(token: Token) -> str | None:
    """The kind of name a token is as jieba tags it (nr*, ns, nt: person, place, organisation), or None; a word
    tagged as a person only where it can be a name (see could_be_person)."""
    kind = ENTITY_KINDS.get(token.pos[:2])
    return None if kind == "person" and not could_be_person(token) else kind


def could_be_person(token: Token) -> bool:
    """True for a word of two characters or more that starts with a surname (data/lexicon/surnames.txt) and is not
    one of the two-character words jieba's dictionary tags nr, most of them common words (明白, 文明, 弘扬, 施政).
    On the development pages 32 of the 38 words it keeps are people, against 35 of the 89 that jieba tags nr."""
    word, family = to_simplified(token.word), surnames()
    if len(word) < 2 or not (word[0] in family or word[:2] in family):
        return False
    return not (len(word) == 2 and token.pos == "nr" and reference_frequency(word))


def entities(article) -> pd.DataFrame:
    """People, places and organisations as jieba tags them (see entity_kind): word, pos, kind, count."""
    found = Counter((t.word, t.pos, kind) for t in tokenize(article.text) if (kind := entity_kind(t)))
    table = pd.DataFrame([(*key, n) for key, n in found.items()], columns=["word", "pos", "kind", "count"])
    order = {kind: i for i, kind in enumerate(ENTITY_KINDS.values())}
    table = table.sort_values(["kind", "count", "word"], ascending=[True, False, True], key=lambda s: (
        s.map(order) if s.name == "kind" else s))
    return table.reset_index(drop=True)
