"""Sentences that state what the tables show, so a report is true for whatever article it was built from.

Each function takes a table the notebooks compute (or read back from data/processed/) and returns Markdown; article
text in it is escaped, so a word or a quoted phrase can never become markup in a report.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from analysis.files import restored
from analysis.reports.tables import number_text

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}()#+!|~>-])")
BOUND_WORDS = {"lower": ("is a lower bound (at least)", "are lower bounds (at least)"),
               "upper": ("is an upper bound (at most)", "are upper bounds (at most)"),
               "approximate": ("is approximate", "are approximate")}
KIND_WORDS = {"count": ("count", "counts"), "percent": ("percentage", "percentages"), "date": ("date", "dates"),
              "duration": ("duration", "durations"), "amount": ("amount of money", "amounts of money"),
              "ordinal": ("ordinal", "ordinals"), "measure": ("measure", "measures"),
              "percentage_points": ("change in percentage points", "changes in percentage points"),
              "fraction": ("fraction", "fractions"), "anniversary": ("anniversary", "anniversaries"),
              "age": ("age", "ages")}
# audit relations stated one by one: every sum, subset and ratio, and the shares and changes that could be checked
SPELLED_OUT = ("sum", "subset", "ratio")


def say(text: str) -> None:
    """Display a finding in the notebook as Markdown; nothing when there is nothing to say."""
    if text:
        from IPython.display import Markdown, display

        display(Markdown(text))


def quote(text: str) -> str:
    """Article text made safe for Markdown: HTML escaped and Markdown's marks taken literally."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))


def plural(n: int, one: str, many: str | None = None) -> str:
    """`1 word`, `2 words`, with thousands separators."""
    return f"{number_text(n)} {one if n == 1 else many or one + 's'}"


def listing(items: list[str], conjunction: str = "and") -> str:
    """a, b and c."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def article_summary(article) -> str:
    """What the cleaned article is made of, in one sentence, and what a reader should know about its date."""
    headings = sum(p.is_heading for p in article.paragraphs)
    when = f", published {article.published_text}," if article.published else ""
    visible = sum(not c.isspace() for c in article.text)
    summary = (f"**Result.** The article{when} has {plural(len(article.paragraphs) - headings, 'paragraph')} and "
               f"{plural(headings, 'subheading')}, {plural(len(article.captions), 'photo caption')} and "
               f"{plural(len(article.text), 'character')} of cleaned text, line breaks included "
               f"({number_text(visible)} without whitespace, as notebook 02 counts them).")
    return f"{summary} **Note.** {article.date_note}" if article.date_note else summary


def reading_caveats(article) -> str:
    """Notebook 01's caveats, each only where it applies to the article: a 頂圖 caption, a bracketed byline."""
    caveats = []
    if any(c.label == "頂圖" for c in article.captions):
        caveats.append("A caption labelled 頂圖 belongs to the photo at the top of the web page; wherever the source "
                       "file puts it, the cleaned text keeps the file's order.")
    caveats.append("A subheading is recognised as a short line with no sentence punctuation; a longer heading, or one "
                   "ending in a full stop, would be read as a paragraph.")
    if article.reporter:
        caveats.append(f"The reporter's byline ({quote(article.reporter)}) is taken out of the text: it is metadata, "
                       "not part of the story.")
    caveats.append("jieba's accuracy is below the state of the art, in Traditional script above all (CKIP reports F1 "
                   "97.3 on the Academia Sinica set, against 89.8 for jieba with a Traditional dictionary). The user "
                   "dictionary repairs the terms it lists; other words may still be split, which the terms table "
                   "above shows.")
    caveats.append("The user dictionary grows article by article; a new article's terms need the same check.")
    return "\n".join(f"* {caveat}" for caveat in caveats)


def segmentation_finding(choices: pd.DataFrame, terms: list[str]) -> str:
    """How often the article's candidate terms come out whole under each choice, and what HMM adds."""
    if not terms:
        return "**Result.** The article has no candidate terms to check, so the choices cannot be compared on it."

    def row(bridge: bool, user_dictionary: bool, hmm: bool) -> pd.Series:
        options = {"bridge": bridge, "user_dictionary": user_dictionary, "hmm": hmm}
        return choices[(choices[list(options)] == pd.Series(options)).all(axis=1)].iloc[0]

    chosen, plain, no_dictionary, guessing = row(True, True, False), row(False, True, False), row(True, False, False), \
        row(True, True, True)
    occurrences = sum(int(chosen[t].split("/")[1]) for t in terms)
    return (
        f"**Result.** The article's {plural(len(terms), 'candidate term')} "
        f"{'occurs' if len(terms) == 1 else 'occur'} {plural(occurrences, 'time')}. "
        f"With the bridge and the user dictionary, HMM off, {number_text(chosen['whole'])} of them come out whole "
        f"and {number_text(chosen['terms always whole'])} of the {plural(len(terms), 'term')} are always whole; "
        f"without the bridge {number_text(plain['whole'])}, without the user dictionary "
        f"{number_text(no_dictionary['whole'])}. Switching HMM on keeps {number_text(guessing['whole'])} whole "
        f"and adds {plural(guessing['new words'], 'made-up word')}"
        + (f" ({quote(guessing['examples of new words'])})." if guessing["new words"] else ".")
    )


def count_steps_finding(counts: pd.DataFrame) -> str:
    """From characters to counted words, in one line."""
    steps = dict(zip(counts["step"], zip(counts["tokens"], counts["types"], strict=True), strict=True))
    characters, tokens = steps["characters (no whitespace)"][0], steps["jieba tokens (no whitespace)"][0]
    words, (kept, distinct) = steps["words (no punctuation or bare numbers)"][0], steps["words after stop words"]
    return (f"{plural(characters, 'character')} → {plural(tokens, 'jieba token')} → {plural(words, 'word')} → "
            f"{number_text(kept)} after stop words ({number_text(distinct)} distinct).")


def top_words_finding(frequencies: pd.DataFrame, shown: int = 5) -> str:
    """The most frequent words with their counts and shares, and how far the first leads the second."""
    if frequencies.empty:
        return "**Result.** No word is left to count once punctuation, numbers and stop words are removed."
    total = int(frequencies["count"].sum())
    first = frequencies.iloc[0]
    text = (f"**Result.** The most frequent word is {quote(first.word)}: {number_text(first['count'])} of "
            f"{plural(total, 'counted word')} ({first.share:.1%})")
    if len(frequencies) == 1:
        return text + ", the only word counted."
    second = frequencies.iloc[1]
    lead = first["count"] / second["count"]
    text += (", as often as the next" if lead == 1 else f", {lead:.1f} times the next") + \
        f", {quote(second.word)} ({number_text(second['count'])})."
    rest = frequencies.iloc[2:shown]
    if not rest.empty:
        text += " Then " + listing([f"{quote(r.word)} ({number_text(r.count)})" for r in rest.itertuples()]) + "."
    return text


def keyword_finding(keyword_table: pd.DataFrame, frequencies: pd.DataFrame, top: int = 5) -> str:
    """Which words all three keyword methods rank high, and where each method puts the most frequent word."""
    from analysis.words.keyterms import METHODS  # here, not at the top: headlines() must not load jieba

    methods = list(dict.fromkeys(keyword_table["method"]))
    if keyword_table.empty:
        return "No method finds a keyword: the article has no word of two or more characters outside the stop words."
    tops = [set(keyword_table[(keyword_table["method"] == m) & (keyword_table["rank"] <= top)]["word"])
            for m in methods]
    shared = sorted(set.intersection(*tops)) if len(methods) == len(METHODS) else []
    text = (f"Words in the top {top} of all three methods: {listing([quote(w) for w in shared])}. " if shared
            else f"No word is in the top {top} of every method. ")
    if not frequencies.empty:
        word = frequencies["word"].iloc[0]
        ranks, absent = [], []
        for method in METHODS:
            rank = keyword_table[(keyword_table["method"] == method) & (keyword_table["word"] == word)]["rank"]
            (ranks.append(f"{rank.iloc[0]} by {method}") if len(rank) else absent.append(method))
        missing = f"is not in the {listing(absent, 'or')} list" if absent else ""
        if not ranks:
            text += f"The most frequent word, {quote(word)}, is in none of the methods' lists."
        else:
            text += f"The most frequent word, {quote(word)}, ranks {listing(ranks)}" + (f" and {missing}." if absent
                                                                                        else ".")
    return text


def quoted_finding(phrases: pd.DataFrame, marks: tuple[str, str] = ("「」", "『』")) -> str:
    """How many phrases the article quotes and which it quotes most, quoted in the marks it prints (quote_marks)."""
    if phrases.empty:
        return "The article quotes no phrase in 「」, “”, 『』 or ‘’."
    total = int(phrases["count"].sum())
    text = f"The article quotes {plural(len(phrases), 'distinct phrase')} ({plural(total, 'quotation')} in all)"
    repeated = phrases[phrases["count"] > 1]
    if repeated.empty:
        return text + "; none is quoted twice."
    shown = [f"{marks[0][0]}{quote(r.phrase)}{marks[0][1]} {plural(r.count, 'time')}"
             for r in repeated.head(5).itertuples()]
    return text + f"; {plural(len(repeated), 'phrase is', 'phrases are')} quoted more than once: {listing(shown)}."


def entity_finding(entities: pd.DataFrame) -> str:
    """How many people, places and organisations jieba tags, and the most frequent of each."""
    if entities.empty:
        return "jieba tags no word of the article as a person, place or organisation."
    parts = []
    for kind, rows in entities.groupby("kind", sort=False):
        top = rows.iloc[0]
        parts.append(f"{plural(len(rows), kind)} (most often {quote(top.word)}, {plural(top['count'], 'time')})")
    return f"jieba tags {listing(parts)}."


def kinds_of(statistics: pd.DataFrame) -> str:
    """How many numbers of each kind, in reading order of the kinds: 24 counts, 2 percentages and 5 dates."""
    counts = statistics["kind"].value_counts(sort=False).items()
    return listing([plural(n, *KIND_WORDS.get(kind, (kind, kind))) for kind, n in counts])


def numbers_finding(statistics: pd.DataFrame) -> str:
    """How many numbers of each kind the article reports, and which are bounds rather than exact figures."""
    if statistics.empty:
        return "**Result.** The article reports no numbers."
    text = f"**Result.** The article reports {plural(len(statistics), 'number')}: {kinds_of(statistics)}."
    for kind, (one, many) in BOUND_WORDS.items():
        rows = statistics[statistics["bound"] == kind]
        if len(rows):
            text += f" {number_text(len(rows))} {one if len(rows) == 1 else many}: "
            text += listing([quote(t) for t in rows["text"]]) + "."
    if not statistics["bound"].isin(BOUND_WORDS).any():
        text += " Every number is stated as exact."
    return text


def photos_finding(photos: pd.DataFrame) -> str:
    """How many photo captions the article has, and how they are labelled."""
    if photos.empty:
        return "The article has no photo captions."
    labelled = photos[photos["label"] != ""]
    text = f"The article has {plural(len(photos), 'photo caption')}"
    if len(labelled):
        labels = listing(sorted({quote(label) for label in labelled["label"]}))
        text += f", {number_text(len(labelled))} with a label of its own ({labels})"
    return text + "."


def audit_finding(checks: pd.DataFrame) -> str:
    """What the audit found, relation by relation for sums, subsets, ratios and the shares and changes it could
    check, in summary for the rest."""
    if checks.empty:
        return "**Result.** The audit finds no relation to check: no stated total split into parts, no ratio, " \
               "no percentage."
    lines = [f"**Result.** The audit checks {plural(len(checks), 'relation')}: " + listing(
        [f"{number_text(n)} {status}" for status, n in checks["status"].value_counts(sort=False).items()]) + "."]
    spelled = checks["kind"].isin(SPELLED_OUT) | (checks["kind"].isin(["share", "change"])
                                                 & (checks["status"] != "cannot tell"))
    for row in checks[spelled].itertuples():
        lines.append(f"- {quote(row.relation)} ({row.kind}): **{row.status}**; {quote(row.detail)}.")
    others = checks[~spelled]
    for kind, rows in others.groupby("kind", sort=False):
        statuses = listing([f"{number_text(n)} {s}" for s, n in rows["status"].value_counts(sort=False).items()])
        lines.append(f"- {plural(len(rows), kind + ' check')}: {statuses}.")
    return "\n".join(lines)


def total_and_parts_finding(data: pd.DataFrame, found: list) -> str:
    """What the total-and-parts chart shows, with the audit's sum check (found: the audit's relations)."""
    if data.empty:
        return ""
    total, parts = data.iloc[0], data.iloc[1:]
    status = next(r.status for r in found if r.kind == "sum")
    shares = listing([f"{quote(p.label)} {quote(p.text)} ({p.share:.1%})" for p in parts.itertuples()])
    return f"{quote(total.label)} ({quote(total.text)}) splits into {shares}; the audit's sum check: **{status}**."


def groups_finding(data: pd.DataFrame) -> str:
    """What the groups-by-size chart shows."""
    if data.empty:
        return ""
    largest = data.loc[data["value"].idxmax()]
    bounds = data[data["bound"] != "exact"]
    text = (f"{plural(len(data), 'group')} named in quotation marks; the largest is {quote(largest.label)} "
            f"({quote(largest.text)}).")
    if len(bounds):
        text += (f" {number_text(len(bounds))} of the {plural(len(data), 'size')} "
                 f"{'is a bound' if len(bounds) == 1 else 'are bounds'}, not exact: "
                 f"{listing([quote(t) for t in bounds['text']])}.")
    return text


def pieces_finding(data: pd.DataFrame) -> str:
    """What the pieces-published chart shows."""
    if data.empty:
        return ""
    counts = listing([f"{quote(r.text)} ({quote(r.label)})" for r in data.itertuples()])
    return f"{plural(len(data), 'count')} of pieces published: {counts}."


def ratios_finding(data: pd.DataFrame) -> str:
    """What the ratios-led chart shows."""
    if data.empty:
        return ""
    examples, reference = data[~data["reference"]], data[data["reference"]]
    low, high = examples["per"].min(), examples["per"].max()
    reach = f"1 : {low:,.0f}" if low == high else f"1 : {low:,.0f} to 1 : {high:,.0f}"
    text = f"The article's {plural(len(examples), 'example')} of one person leading others: {reach}"
    if len(reference):
        ratio = reference["per"].iloc[0]
        text += (f", against 1 : {ratio:,.1f} across the stated total ({low / ratio:,.0f} to {high / ratio:,.0f} "
                 "times as many people per leader)" if low != high else
                 f", against 1 : {ratio:,.1f} across the stated total ({low / ratio:,.0f} times as many)")
    return text + "."


def read_table(path: Path) -> pd.DataFrame | None:
    """A processed table, or None when it is not there."""
    return restored(pd.read_csv(path, keep_default_na=False)) if path.is_file() else None


def headlines(processed: Path) -> list[str]:
    """Three headline findings of one article, from its processed tables: its words, its numbers, its audit."""
    processed = Path(processed)
    found = []
    words = read_table(processed / "word_frequencies.csv")
    if words is None:
        found.append("No word table (word_frequencies.csv) was written.")
    elif words.empty:
        found.append("No word is left to count once stop words are removed.")
    else:
        first = words.iloc[0]
        found.append(f"Most frequent word: {first.word} ({number_text(first['count'])} of "
                     f"{number_text(words['count'].sum())} counted words, {float(first.share):.1%}).")
    statistics = read_table(processed / "statistics.csv")
    if statistics is None:
        found.append("No table of numbers (statistics.csv) was written.")
    elif statistics.empty:
        found.append("The article reports no numbers.")
    else:
        bounds = int((statistics["bound"] != "exact").sum())
        found.append(f"{plural(len(statistics), 'number')} reported ({kinds_of(statistics)}), {number_text(bounds)} "
                     "of them bounds or approximations rather than exact figures.")
    checks = read_table(processed / "audit.csv")
    if checks is None:
        found.append("No audit table (audit.csv) was written.")
    elif checks.empty:
        found.append("The audit finds no relation between the numbers to check.")
    else:
        statuses = listing([f"{number_text(n)} {s}" for s, n in checks["status"].value_counts(sort=False).items()])
        found.append(f"Audit of {plural(len(checks), 'relation')} between the numbers: {statuses}.")
    return found


def collocation_finding(collocations: pd.DataFrame, minimum: int = 2) -> str:
    """Each node's strongest collocate by log-likelihood among those seen at least `minimum` times in its window."""
    if collocations.empty:
        return "**Result.** No word is counted, or none has a word near it, so there are no collocates."
    lines = []
    for node, rows in collocations.groupby("node", sort=False):
        before, after = re.fullmatch(r"(\d+)L-(\d+)R", rows["window"].iloc[0]).groups()
        window = f"{plural(int(before), 'word')} before and {after} after"
        recurring = rows[rows["observed"] >= minimum]
        if recurring.empty:
            lines.append(f"- {quote(node)}: no word occurs {plural(minimum, 'time')} or more in the {window} it.")
            continue
        top = recurring.iloc[0]
        lines.append(f"- {quote(node)}: {quote(top.collocate)}, seen {plural(top.observed, 'time')} in the {window} "
                     f"it, where {top.expected:.1f} would be expected (MI {top.mi:.2f}, G² {top.log_likelihood:.1f})"
                     f"; {plural(len(recurring), 'collocate')} seen {plural(minimum, 'time')} or more.")
    return ("**Result.** The strongest collocate of each main word by log-likelihood, among words seen "
            f"{plural(minimum, 'time')} or more near it:\n" + "\n".join(lines))


def network_finding(edges: pd.DataFrame, whose: str = "the article's") -> str:
    """What the co-occurrence network shows: how many words and pairs, the strongest pair, the most connected word;
    or that no two of `whose` most frequent words share two sentences."""
    if edges.empty:
        return (f"**Result.** No two of {whose} most frequent words share two sentences, so there is no "
                "co-occurrence network.")
    words = pd.concat([edges["source"], edges["target"]])
    degree = words.value_counts()
    most = degree[degree == degree.max()].index.sort_values()
    strongest = edges.iloc[0]
    return (f"**Result.** The network joins {plural(words.nunique(), 'word')} by {plural(len(edges), 'pair')} that "
            f"share two sentences or more. The strongest pair is {quote(strongest.source)} and "
            f"{quote(strongest.target)}: {number_text(strongest.sentences)} of the "
            f"{plural(strongest.source_sentences + strongest.target_sentences - strongest.sentences, 'sentence')} "
            f"with either have both (Jaccard {strongest.jaccard:.2f}). "
            f"{listing([quote(w) for w in most])} {'is' if len(most) == 1 else 'are'} joined to the most other words "
            f"({number_text(degree.max())}).")


def reader_finding(marks: pd.DataFrame) -> str:
    """What the reader view marks: how many numbers, names by kind and quoted phrases."""
    numbers, names = marks[marks["layer"] == 2], marks[marks["layer"] == 1]
    quotes = int((marks["layer"] == 0).sum())
    kinds = listing([plural(n, kind, "people" if kind == "person" else None)
                     for kind, n in names["kind"].value_counts(sort=False).items()])
    linked = (f"{plural(len(numbers), 'number')}, each linked to its row of the table under it and back"
              if len(numbers) else "no number")
    return (f"**Result.** The text below marks {linked}, {plural(len(names), 'name')}"
            + (f" ({kinds})" if len(names) else "") + f" and {plural(quotes, 'quoted phrase')}.")
