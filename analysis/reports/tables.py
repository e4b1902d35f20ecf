"""Tables as the reports show them: article text escaped, numbers with thousands separators, shares as percentages."""

from __future__ import annotations

import hashlib
import math
import numbers

import pandas as pd

# columns that hold a fraction of a whole, shown as a percentage wherever they appear
SHARE_COLUMNS = frozenset({"share"})
# text columns whose cells are at most this long are kept on one line (41550人, 今年以來); longer ones wrap
SHORT_TEXT = 16


def number_text(value) -> str:
    """A number as a table prints it: 41,550 · 2.3 · 0.125; empty for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def share_text(value) -> str:
    """A fraction as a percentage with one decimal: 0.052 → 5.2%; empty for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.1%}"


def show_table(table: pd.DataFrame, shares: tuple[str, ...] = (), right: tuple[str, ...] = ()):
    """A Styler for a report: every cell and label HTML-escaped, numbers with separators, `share` columns (and
    `shares`) as percentages, text left-aligned (the columns in `right` right-aligned) and a stable element id."""
    table = table.copy()
    # labels can be article text (terms as column names, words as the index): make them strings to escape them
    table.columns = [str(c) for c in table.columns]
    percent = [c for c in table.columns if c in SHARE_COLUMNS or c in shares]
    numeric = [c for c in table.columns if c not in percent and pd.api.types.is_numeric_dtype(table[c])
               and not pd.api.types.is_bool_dtype(table[c])]
    text = [c for c in table.columns if c not in percent and c not in numeric]
    # the same table gives the same id, so reports stay byte-identical from run to run
    uuid = hashlib.sha256(table.to_csv().encode()).hexdigest()[:10]
    styler = table.style.set_uuid(uuid).format(escape="html", na_rep="")
    styler = styler.format(number_text, subset=numeric).format(share_text, subset=percent)
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    left = [c for c in text if c not in right]
    if left:
        styler = styler.set_properties(subset=left, **{"text-align": "left"})
    short = [c for c in text if len(table) and table[c].astype(str).str.len().max() <= SHORT_TEXT]
    if short:
        styler = styler.set_properties(subset=short, **{"white-space": "nowrap"})
    if right:
        styler = styler.set_properties(subset=list(right), **{"text-align": "right"})
    return styler.set_table_styles([{"selector": "th", "props": [("text-align", "left"), ("white-space", "nowrap")]}])
