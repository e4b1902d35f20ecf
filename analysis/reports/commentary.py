"""A researcher's commentary on one article: data/commentary/<article>.md, one `## <notebook>` section per notebook.

Interpretation only a reader can give (what a platform is, why a ratio matters) lives there, and each report shows
its own section of its own article's file; an article without a file shows none.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis import config

COMMENTARY = config.DATA / "commentary"
SECTION = re.compile(r"^## +(\S+) *$", re.MULTILINE)


def commentary_file(slug: str) -> Path:
    """Where the commentary on the article with this output name is kept."""
    return COMMENTARY / f"{slug}.md"


def read_commentary(path: str | Path) -> dict[str, str]:
    """The sections of a commentary file by notebook name; text before the first section is a note to editors,
    not shown. Missing file: no sections."""
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text (byte {error.start})") from None
    known = {p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    headings = list(SECTION.finditer(text))
    sections = {}
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        name = heading.group(1)
        if name not in known:
            raise ValueError(f"{path}: section `## {name}` names no notebook (one of {', '.join(sorted(known))})")
        if name in sections:
            raise ValueError(f"{path}: section `## {name}` appears twice")
        sections[name] = text[heading.end() : following.start() if following else len(text)].strip()
    return sections


def commentary(slug: str, notebook: str) -> str:
    """The researcher's commentary on one article for one notebook, or "" when there is none."""
    return read_commentary(commentary_file(slug)).get(notebook, "")


def show_commentary(slug: str, notebook: str) -> None:
    """Display the commentary for this article and notebook under its own heading; nothing when there is none."""
    text = commentary(slug, notebook)
    if text:
        from IPython.display import Markdown, display

        display(Markdown(f"## Commentary\n\n*A reader's interpretation of this article, kept in "
                         f"`data/commentary/{slug}.md`.*\n\n{text}"))
