"""What a character is: Han, CJK, part of a word, or a break between clauses. The one home for these tests."""

from __future__ import annotations

import unicodedata

# bidirectional controls: a U+202E turns the rest of a line round, and shows nothing itself
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# the marks of a quote and of a quote within a quote: corner brackets (Traditional texts) and curly quotes (Simplified)
QUOTES = ("「」", "“”")
INNER_QUOTES = ("『』", "‘’")
# where a clause ends: commas, stops, colons, enumeration commas, brackets, line ends and spaces
CLAUSE_BREAKS = "，,；;：:。！？!?、\n（）()【】 "


def is_cjk(char: str) -> bool:
    """True for Han characters, kana, CJK punctuation and fullwidth forms."""
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFE30 <= code <= 0xFE4F or 0xFF00 <= code <= 0xFFEF


def is_han(character: str) -> bool:
    """True for a CJK ideograph (basic block and extension A)."""
    return "\u4e00" <= character <= "\u9fff" or "\u3400" <= character <= "\u4dbf"


def is_han_text(text: str) -> bool:
    """True for a non-empty string of Han characters only."""
    return bool(text) and all(is_han(c) for c in text)


def is_word(token: str) -> bool:
    """True for a word; False for punctuation, whitespace and bare numbers (no letter or Han character in it)."""
    return any(unicodedata.category(c).startswith("L") for c in token)


def has_clause_break(text: str) -> bool:
    """True when text crosses from one clause into another."""
    return any(c in CLAUSE_BREAKS for c in text)
