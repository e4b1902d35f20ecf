"""What a number counts: the subject read from the words around it, as jieba tags them."""

from __future__ import annotations

import itertools
from functools import lru_cache

from analysis.reading.script import to_simplified
from analysis.words.segmenting import Token, cut_compound, tokenize

# word lists written in Traditional script and kept in Simplified, the form words are looked up in (is_one_of),
# so that either script matches
ADMINISTRATIVE = {to_simplified(w) for w in ("街道", "社區", "區", "市", "鎮", "村", "縣", "省")}
# words that link a subject to its number (註冊人數達41550人, 覆蓋率為100%) and are skipped when looking left
LINKS = {to_simplified(w) for w in (
    "達", "達到", "為", "是", "有", "共", "共有", "計", "共計", "總共", "合計", "總計", "約為", "已", "已有", "僅",
    "其中", "了", "逾", "近", "約", "超過")}
OPENING_QUOTES, CLOSING_QUOTES = "「『“‘", "」』”’"


@lru_cache(maxsize=4096)  # bounded: over a large corpus most clauses are new, and each entry is about 1.5 KB
def clause_tokens(clause: str) -> tuple[Token, ...]:
    """The clause's tokens with parts of speech (a clause recurs across a corpus, so recent ones are cached)."""
    return tuple(tokenize(clause))


def is_one_of(token: Token, words: set[str]) -> bool:
    """True when the token, in either script, is one of words (a list kept in Simplified script)."""
    return to_simplified(token.word) in words


def is_noun(token: Token) -> bool:
    """Nouns of any kind, verbal nouns (活動), abbreviations (黨委) and set phrases (活躍度)."""
    return token.pos.startswith("n") or token.pos in {"vn", "j", "l"}


def is_punctuation(token: Token) -> bool:
    """Punctuation or whitespace: where a subject phrase stops."""
    return token.pos == "x" or not token.word.strip()


def noun_run(tokens: list[Token]) -> list[Token]:
    """The nouns at the start of tokens."""
    run = []
    for token in tokens:
        if not is_noun(token):
            break
        run.append(token)
    return run


def subject_after(after: list[Token]) -> str:
    """What a number counts, read from the words after it: 26個黨委, 501人的巾幗宣講隊, 135篇被…採用."""
    if after and after[0].word == "的":
        return "".join(t.word for t in noun_run(after[1:]))
    if after and after[0].word == "被":
        # passive: the number counts what had the verb done to it (已有135篇被「學習強國」採用)
        return "".join(t.word for t in after)
    if len(after) > 1 and after[0].pos == "a" and len(after[0].word) == 1 and is_noun(after[1]):
        return after[0].word + after[1].word  # 百年大黨: a one-character adjective and its noun
    # one noun, extended only by an organisation's abbreviation (社區黨委) or the other half of a compound the
    # segmenter cut in two (信息|技術); jieba tags too many words as nouns (網民圍觀, 隊員精彩) for a longer run to be
    # safe
    run = noun_run(after)[:2]
    if len(run) == 2 and run[1].pos != "j" and not cut_compound(run[0].word, run[1].word):
        run = run[:1]
    return "".join(t.word for t in run)


def subject_before(before: list[Token]) -> str:
    """What a number counts, read from the words before it: 註冊人數達41550人, 其中黨員5071人, 點擊量達15000餘次."""
    words = list(before)
    while words and is_one_of(words[-1], LINKS):
        words.pop()
    run = noun_run(words[::-1])[::-1]
    while run and len(words) > len(run) and cut_compound(words[-len(run) - 1].word, run[0].word):
        run = words[-len(run) - 1 :]  # 註冊|人數: a compound the segmenter cut in two is one subject
    if len(run) == 1 and len(run[0].word) == 1 and len(words) > 1 and not is_punctuation(words[-2]):
        run = words[-2:]  # a one-character noun is a suffix (點擊|量, 上|稿): keep the word it completes
    places = [i for i, t in enumerate(run[:-1]) if t.pos == "ns" or (i and is_one_of(t, ADMINISTRATIVE))]
    if places:
        run = run[places[-1] + 1 :]  # 西鄉街道註冊人數, 新安|街道|註冊人數: the place is where, not what
    if len(run) > 1 and len(words) > len(run) and is_count_word(words[-len(run) - 1]):
        run = run[1:]  # 24個黨支部黨員覆蓋率: 黨支部 is what the number before counts
    return "".join(t.word for t in run)


def is_count_word(token: Token) -> bool:
    """A numeral or measure word as jieba tags it (41550, 四十八, 個)."""
    return token.pos in {"m", "q", "eng", "zg"}


def subject_of(clause: str, start: int, end: int) -> str:
    """What the number at clause[start:end] counts: the words after it, else the words before it."""
    # each side segmented on its own, so no token straddles the number (第一天|職 would leave 職)
    after, before = list(clause_tokens(clause[end:])), list(clause_tokens(clause[:start]))
    found = subject_after(after) if after and not is_punctuation(after[0]) else ""
    if not found and before and before[-1].word in OPENING_QUOTES:
        # a number that opens a quotation (「四個最多」): the rest of the quotation is what it counts
        found = "".join(t.word for t in itertools.takewhile(lambda t: t.word not in CLOSING_QUOTES, after))
    if not found and before and is_count_word(before[-1]):
        before = []  # the words before belong to the number before this one
    return found or subject_before(before)
