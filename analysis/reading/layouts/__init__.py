"""Page layouts: one module per family of page furniture, and the registry that picks one for a page.

To support a new outlet, add a module with a `LAYOUT = Layout(...)` (see hkcd.py) and list it in LAYOUTS."""

from __future__ import annotations

from analysis.reading.layouts import generic, hkcd, hongkong, mainland
from analysis.reading.layouts.common import Layout, LineReading

LAYOUTS: tuple[Layout, ...] = (hkcd.LAYOUT, mainland.LAYOUT, hongkong.LAYOUT)
FALLBACK = generic.LAYOUT


def choose_layout(lines: list[str]) -> Layout:
    """The layout whose markers match most of the page's lines (the first listed on a tie); generic if none do."""
    best = max(LAYOUTS, key=lambda layout: layout.score(lines))
    return best if best.score(lines) else FALLBACK


__all__ = ["FALLBACK", "LAYOUTS", "Layout", "LineReading", "choose_layout"]
