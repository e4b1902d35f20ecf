"""Charts of the numbers an article reports, drawn from the extraction (statistics.csv) and its audit (audit.csv).

Every bar is a row of the extraction, chosen by kind, unit, subject or an audit relation, never a number typed in.
Lower bounds (餘, 以上) are drawn as bars with an open, dashed end and a ≥ label; upper bounds (近) with ≤.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.numbers.auditing import Relation
from analysis.numbers.numerals import KIND_OF_UNIT, PERSON_UNITS
from analysis.reading.characters import CLAUSE_BREAKS
from analysis.reading.script import to_simplified
from analysis.reports import style
from analysis.reports.charting import (
    add_source_note,
    article_source,
    count_axis,
    in_article_script,
    new_figure,
    save_chart,
    set_titles,
)

SIGNS = {"lower": "≥ ", "upper": "≤ ", "approximate": "≈ ", "exact": ""}
EXACT, BOUND, REFERENCE = style.PALETTE[0], style.PALETTE[4], style.PALETTE[2]
BOUND_NOTE = "Dashed open ends mark lower bounds (餘, 以上): the article says at least this many."
ARABIC = re.compile(r"(\d+)(\D*)")  # a number written in plain digits, and its unit: 41550人


def relation_rows(found: list[Relation], kind: str) -> list[tuple[int, ...]]:
    """The statistics rows of each relation of one kind, in the audit's order."""
    return [r.rows for r in found if r.kind == kind]


def value_label(row) -> str:
    """A number as the chart prints it: as written, Arabic digits with thousands separators (41,550人), and with
    ≥ / ≤ / ≈ and the value when it is a bound."""
    if row.bound != "exact":
        return f"{SIGNS[row.bound]}{row.value:,.0f}（{row.text}）"
    digits = ARABIC.fullmatch(row.text)
    return f"{int(digits.group(1)):,}{digits.group(2)}" if digits else row.text


def ratio_label(per: float, bound: str) -> str:
    """A ratio as the chart prints it: 1 : 423, 1 : ≥ 600, 1 : 7.2."""
    return f"1 : {SIGNS[bound]}{per:,.1f}".removesuffix(".0")


def draw_bar(ax, y: float, value: float, bound: str, colour: str, reach: float, **options) -> float:
    """One horizontal bar; a lower bound gets a dashed arrow past its end. Returns where its label starts."""
    ax.barh(y, value, color=colour if bound == "exact" else BOUND, height=0.6, **options)
    if bound != "lower":
        return value
    end = value * reach if ax.get_xscale() == "log" else value + reach
    ax.annotate("", xy=(end, y), xytext=(value, y),
                arrowprops={"arrowstyle": "-|>", "linestyle": "--", "color": BOUND, "lw": 1.4, "shrinkA": 0})
    return end


def draw_counts(ax, rows: pd.DataFrame, labels, headroom: float) -> None:
    """Statistics rows as labelled horizontal bars, first row at the top, each with its value as printed; the x axis
    reaches `headroom` times the largest value, leaving room for the labels."""
    top = rows["value"].max()
    for y, row in zip(range(len(rows))[::-1], rows.itertuples(), strict=True):
        end = draw_bar(ax, y, row.value, row.bound, EXACT, 0.12 * top)
        ax.text(end, y, f"  {value_label(row)}", va="center", fontsize=9)
    ax.set_yticks(range(len(rows))[::-1], list(labels))
    count_axis(ax)
    ax.set_xlim(0, top * headroom)


def chart_data(rows: pd.DataFrame, **extra) -> pd.DataFrame:
    """The CSV saved beside a chart: the rows drawn, with where each came from."""
    columns = ["label", "text", "value", "share", "unit", "qualifier", "bound", "subject", "period", "raw_line",
               "sentence"]
    return rows.assign(**extra)[[c for c in columns if c in rows or c in extra]].reset_index(drop=True)


def sentences_of(rows: pd.DataFrame) -> list[str]:
    """The distinct source sentences of some rows, in order."""
    return list(dict.fromkeys(rows["sentence"]))


def total_and_parts(statistics: pd.DataFrame, found: list[Relation]) -> pd.DataFrame:
    """The first total the article splits into parts (其中…) and its parts, each with its share of the total;
    empty when the article splits no total. Parts are counts, money or measures in the total's unit, never rates of
    change."""
    sums = relation_rows(found, "sum")
    if not sums:
        return chart_data(statistics.iloc[:0], label=[], share=[])
    rows = statistics.loc[list(sums[0])]
    total = rows["value"].iloc[0]
    return chart_data(rows, label=rows["subject"], share=rows["value"] / total if total else None)


def plot_total_and_parts(article, statistics: pd.DataFrame, found: list[Relation], directory: str | Path):
    """A stated total above, the parts the article splits it into stacked below, with the sum check. None when
    the article splits no total."""
    data = total_and_parts(statistics, found)
    if data.empty:
        return None
    check = next(r for r in found if r.kind == "sum")
    total, parts = data.iloc[0], data.iloc[1:]
    fig, ax = new_figure(8, 3.6)
    end = draw_bar(ax, 1, total.value, total.bound, EXACT, 0.12 * total.value)
    ax.text(end, 1, f"  {value_label(total)}", va="center", fontsize=9)
    left = 0.0
    for number, part in enumerate(parts.itertuples()):
        draw_bar(ax, 0, part.value, part.bound, style.PALETTE[number % 2 + 1], 0, left=left)
        ax.text(left + part.value / 2, -0.42, f"{part.label} {value_label(part)}\n{part.share:.1%}", ha="center",
                va="top", fontsize=9)
        left += part.value
    ax.set_yticks([1, 0], [total.label, " + ".join(parts["label"])])
    ax.set_ylim(-1.2, 1.5)
    count_axis(ax)
    money = KIND_OF_UNIT.get(to_simplified(total.unit)) == "amount"
    ax.set_xlabel(f"{'金額 Amount' if money else '數量 Count'} ({total.unit})")
    ax.text(0.99, 0.98, f"{check.values}: {check.status}", transform=ax.transAxes, ha="right", va="top",
            fontsize=9, color=EXACT if check.status == "holds" else style.PALETTE[1])
    set_titles(ax, f"{total.label}及其構成", "A stated total and the parts the article splits it into "
               "(其中 …); the audit's sum check at the top right")
    add_source_note(ax, article_source(article), sentences_of(data))
    in_article_script(fig, article)
    save_chart(fig, data, directory, "total_and_parts")
    return fig


def quoted_groups(statistics: pd.DataFrame) -> pd.DataFrame:
    """Counts of people that open a quotation naming a group: 「501人的巾幗宣講隊」, 「7000餘名樓棟長」."""
    people = statistics[(statistics["kind"] == "count") & statistics["unit"].isin(PERSON_UNITS)]
    opens = pd.Series([row.sentence[row.start - row.sentence_start - 1 : row.start - row.sentence_start] == "「"
                       for row in people.itertuples()], index=people.index, dtype=bool)
    return chart_data(people[opens], label=people.loc[opens, "subject"])


def plot_groups_by_size(article, statistics: pd.DataFrame, directory: str | Path):
    """The groups the article names in quotation marks, by their stated size. None when it names none."""
    data = quoted_groups(statistics)
    if data.empty:
        return None
    fig, ax = new_figure(8, 1.2 + 0.55 * len(data))
    draw_counts(ax, data, data["label"], headroom=1.45)
    ax.set_xlabel("人數 People")
    set_titles(ax, "引號中點名的群體及其人數", "Groups the article names in quotation marks, by stated size")
    add_source_note(ax, f"{article_source(article)}. {BOUND_NOTE}", sentences_of(data))
    in_article_script(fig, article)
    save_chart(fig, data, directory, "groups_by_size")
    return fig


def lead_in(row, longest: int = 8) -> str:
    """The words before a number in its clause (網上分享 in 網上分享超過800篇), for a number with no subject."""
    before = row.sentence[: row.start - row.sentence_start]
    clause = max((before.rfind(c) for c in CLAUSE_BREAKS), default=-1) + 1
    return before[clause:][-longest:]


def pieces_published(statistics: pd.DataFrame, found: list[Relation]) -> pd.DataFrame:
    """Counts of pieces published (unit 篇), labelled by period and by what happened to them; a part of a stated
    total is marked 其中."""
    pieces = statistics[(statistics["kind"] == "count") & (statistics["unit"] == "篇")]
    within = {rows[1] for rows in relation_rows(found, "subset")}
    labels = [("其中 " if index in within else "") + f"{row.period} {row.subject or lead_in(row)}".strip()
              for index, row in pieces.iterrows()]
    return chart_data(pieces, label=labels)


def plot_pieces_published(article, statistics: pd.DataFrame, found: list[Relation], directory: str | Path):
    """Pieces published, by period and by what happened to them. None when the article counts no pieces."""
    data = pieces_published(statistics, found)
    if data.empty:
        return None
    fig, ax = new_figure(8, 1.4 + 0.6 * len(data))
    draw_counts(ax, data, data["label"], headroom=1.3)
    ax.set_xlabel("篇數 Pieces published")
    parts = data["label"].str.startswith("其中").any()
    set_titles(ax, "發表的稿件", "Pieces published, by period and by what happened to them"
               + ("; 其中 marks a part of the bar above" if parts else ""))
    add_source_note(ax, f"{article_source(article)}. Bars of different periods or platforms are not a trend.",
                    sentences_of(data))
    in_article_script(fig, article)
    save_chart(fig, data, directory, "pieces_published")
    return fig


def ratios_led(statistics: pd.DataFrame, found: list[Relation]) -> pd.DataFrame:
    """People led per leader in each example the audit found (2名黨員帶領846名保安) and, in grey, the same
    group's ratio across the stated total, as the audit computed it."""
    ratios = [r for r in found if r.kind == "ratio"]
    rows = []
    for relation in ratios:
        lead, led = statistics.loc[relation.rows[0]], statistics.loc[relation.rows[1]]
        rows.append({"label": f"{lead.text}{lead.subject}帶領{led.text}{led.subject}", "per": led.value / lead.value,
                     "bound": led.bound, "reference": False, "rows": f"{relation.rows[0]}, {relation.rows[1]}",
                     "sentence": lead.sentence})
    reference = next((r for r in ratios if r.reference is not None), None)
    leader = statistics.loc[reference.rows[0], "subject"] if reference else None
    split = next((r for r in found if r.kind == "sum" and leader in set(statistics.loc[list(r.rows[1:]), "subject"])),
                 None)
    if reference and split:
        parts = statistics.loc[list(split.rows[1:])]
        others = "、".join(parts.loc[parts["subject"] != leader, "subject"])
        rows.append({"label": f"全部：{leader}對{others}", "per": reference.reference, "bound": "exact",
                     "reference": True, "rows": ", ".join(map(str, split.rows[1:])), "sentence": split.sentences[0]})
    return pd.DataFrame(rows, columns=["label", "per", "bound", "reference", "rows", "sentence"])


def plot_ratios_led(article, statistics: pd.DataFrame, found: list[Relation], directory: str | Path):
    """People led per leader in each example, against the same ratio across the stated total, on a log scale.
    None when the article gives no such example."""
    data = ratios_led(statistics, found)
    if data.empty:
        return None
    leader = statistics.loc[next(r for r in found if r.kind == "ratio").rows[0], "subject"]
    fig, ax = new_figure(8, 1.4 + 0.6 * len(data))
    ax.set_xscale("log")
    for y, row in zip(range(len(data))[::-1], data.itertuples(), strict=True):
        end = draw_bar(ax, y, row.per, row.bound, REFERENCE if row.reference else EXACT, 1.5)
        ax.text(end, y, f"  {ratio_label(row.per, row.bound)}", va="center", fontsize=9)
    ax.set_yticks(range(len(data))[::-1], list(data["label"]))
    ax.set_xlim(1, data["per"].max() * 6)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel(f"每名{leader}帶領的人數 People per {leader} (log scale)")
    set_titles(ax, f"{leader}帶領他人的比例", f"People led per {leader} in the article's examples, "
               "and across the whole stated total (grey)")
    add_source_note(ax, f"{article_source(article)}. {BOUND_NOTE}", sentences_of(data))
    in_article_script(fig, article)
    save_chart(fig, data, directory, "ratios_led")
    return fig
