"""Tables that describe an article: its parts, what cleaning changed, what was left out, and its photos."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.reading.article import Article


def article_parts(article: Article, first_chars: int = 20) -> pd.DataFrame:
    """One row per part of the cleaned text, in reading order: kind, length and first words."""
    rows = [{"kind": "title", "chars": len(article.title), "first_words": article.title[:first_chars], "start": 0}]
    for p in article.paragraphs:
        rows.append(
            {
                "kind": "heading" if p.is_heading else "paragraph",
                "chars": len(p.text),
                "first_words": p.text[:first_chars],
                "start": p.start,
            }
        )
    for c in article.captions:
        kind = f"caption ({c.label})" if c.label else "caption"
        rows.append({"kind": kind, "chars": len(c.text), "first_words": c.text[:first_chars], "start": c.start})
    table = pd.DataFrame(rows).sort_values("start", kind="stable").reset_index(drop=True)
    table["raw_line"] = [article.raw_line(s) for s in table["start"]]
    return table


def character_changes(article: Article) -> pd.DataFrame:
    """Each character that cleaning replaced, what it became and how often."""
    changes = Counter()
    for span in article.spans:
        raw = article.raw_text[span.raw_start : span.raw_start + span.end - span.start]
        changes.update((r, c) for r, c in zip(raw, article.text[span.start : span.end], strict=True) if r != c)
    rows = [
        {"raw": f"{r} (U+{ord(r):04X})", "clean": f"{c} (U+{ord(c):04X})", "count": n} for (r, c), n in changes.items()
    ]
    return pd.DataFrame(rows, columns=["raw", "clean", "count"]).sort_values(
        ["count", "raw"], ascending=[False, True], ignore_index=True
    )


def left_out_lines(article: Article) -> pd.DataFrame:
    """The raw lines, or parts of lines, that the cleaned text leaves out (credits, metadata, boilerplate)."""
    kept = [0] * (len(article.raw_text) + 1)
    for span in article.spans:
        kept[span.raw_start : span.raw_start + span.end - span.start] = [1] * (span.end - span.start)
    rows, start = [], 0
    for number, line in enumerate(article.raw_text.split("\n"), start=1):
        dropped = "".join(ch for ch, k in zip(line, kept[start : start + len(line)], strict=True) if not k).strip(
            " \r\t\u00a0\u3000"
        )
        if dropped:
            rows.append({"raw_line": number, "left_out": dropped})
        start += len(line) + 1
    return pd.DataFrame(rows, columns=["raw_line", "left_out"])


def photos(article: Article) -> pd.DataFrame:
    """The photo captions as a table: position, label, caption, credit and the paragraph each follows."""
    rows = []
    for position, caption in enumerate(article.captions, start=1):
        # after_paragraph is -1 for a caption printed before the first paragraph
        after = article.paragraphs[caption.after_paragraph] if caption.after_paragraph >= 0 else None
        rows.append({
            "position": position, "label": caption.label, "caption": caption.text, "credit": caption.credit,
            "after_paragraph": caption.after_paragraph + 1, "paragraph_opening": after.text[:24] if after else "",
            "start": caption.start, "end": caption.end, "raw_line": article.raw_line(caption.start),
        })
    columns = ["position", "label", "caption", "credit", "after_paragraph", "paragraph_opening", "start", "end",
               "raw_line"]
    return pd.DataFrame(rows, columns=columns)
