"""Charts of the numbers an article reports, drawn from the extraction (statistics.csv) and its audit (audit.csv).

Every bar is a row of the extraction, chosen by kind, unit, subject or an audit relation, never a number typed in.
Lower bounds (餘, 以上) are drawn as bars with an open, dashed end and a ≥ label; upper bounds (近) with ≤.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import config
from analysis.charting import add_source_note, article_source, new_figure, set_titles
from analysis.exporting import save_chart
from analysis.numerals import PERSON_UNITS

SIGNS = {"lower": "≥ ", "upper": "≤ ", "approximate": "≈ ", "exact": ""}
EXACT, BOUND, REFERENCE = config.PALETTE[0], config.PALETTE[4], config.PALETTE[2]
BOUND_NOTE = "Dashed open ends mark lower bounds (餘, 以上): the article says at least this many."


def audit_rows(checks: pd.DataFrame, kind: str) -> list[list[int]]:
    """The statistics rows of each audit relation of one kind, in the audit's order."""
    return [[int(i) for i in rows.split(", ")] for rows in checks.loc[checks["kind"] == kind, "rows"]]


def value_label(row) -> str:
    """A number as the chart prints it: the text as written, with ≥ / ≤ / ≈ and the value when it is a bound."""
    if row.bound == "exact":
        return row.text
    return f"{SIGNS[row.bound]}{row.value:,.0f}（{row.text}）"


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
    ax.set_yticks(range(len(rows))[::-1], labels)
    ax.set_xlim(0, top * headroom)


def chart_data(rows: pd.DataFrame, **extra) -> pd.DataFrame:
    """The CSV saved beside a chart: the rows drawn, with where each came from."""
    columns = ["label", "text", "value", "unit", "qualifier", "bound", "subject", "period", "raw_line", "sentence"]
    return rows.assign(**extra)[[c for c in columns if c in rows or c in extra]].reset_index(drop=True)


def sentences_of(rows: pd.DataFrame) -> list[str]:
    """The distinct source sentences of some rows, in order."""
    return list(dict.fromkeys(rows["sentence"]))


def plot_composition(article, statistics: pd.DataFrame, checks: pd.DataFrame, directory: str | Path):
    """The first total the article splits into parts (其中…), total above and parts stacked below, with the sum
    check. None when the article splits no total."""
    sums = audit_rows(checks, "sum")
    if not sums:
        return None
    total, parts = statistics.loc[sums[0][0]], statistics.loc[sums[0][1:]]
    check = checks[checks["kind"] == "sum"].iloc[0]
    fig, ax = new_figure(8, 3.6)
    end = draw_bar(ax, 1, total.value, total.bound, EXACT, 0.12 * total.value)
    ax.text(end, 1, f"  {value_label(total)}", va="center", fontsize=9)
    left = 0.0
    for number, part in enumerate(parts.itertuples()):
        draw_bar(ax, 0, part.value, part.bound, config.PALETTE[number % 2 + 1], 0, left=left)
        share = part.value / total.value
        ax.text(left + part.value / 2, -0.42, f"{part.subject} {value_label(part)}\n{share:.1%}", ha="center",
                va="top", fontsize=9)
        left += part.value
    ax.set_yticks([1, 0], [total.subject, " + ".join(parts["subject"])])
    ax.set_ylim(-1.2, 1.5)
    ax.set_xlabel(f"人數 People ({total.unit})")
    ax.text(0.99, 0.98, f"{check['values']}: {check['status']}", transform=ax.transAxes, ha="right", va="top",
            fontsize=9, color=EXACT if check["status"] == "holds" else config.PALETTE[1])
    set_titles(ax, f"{total.subject}及其構成", "A stated total and the parts the article splits it into "
               "(其中 …); the audit's sum check at the top right")
    add_source_note(ax, article_source(article), sentences_of(statistics.loc[sums[0]]))
    labels = [total.subject, *parts["subject"]]
    shares = [1.0, *(parts["value"] / total.value)]
    save_chart(fig, chart_data(statistics.loc[sums[0]], label=labels, share=shares), directory,
               "registered_users_composition")
    return fig


def quoted_groups(statistics: pd.DataFrame) -> pd.DataFrame:
    """Counts of people that open a quotation naming a group: 「501人的巾幗宣講隊」, 「7000餘名樓棟長」."""
    people = statistics[(statistics["kind"] == "count") & statistics["unit"].isin(PERSON_UNITS)]
    opens = [row.sentence[row.start - row.sentence_start - 1 : row.start - row.sentence_start] == "「"
             for row in people.itertuples()]
    return people[opens]


def plot_groups(article, statistics: pd.DataFrame, directory: str | Path):
    """The groups the article names in quotation marks, by their stated size. None when it names none."""
    groups = quoted_groups(statistics)
    if groups.empty:
        return None
    fig, ax = new_figure(8, 1.2 + 0.55 * len(groups))
    draw_counts(ax, groups, groups["subject"], headroom=1.45)
    ax.set_xlabel("人數 People")
    set_titles(ax, "引號中點名的隊伍及其人數", "Groups the article names in quotation marks, by stated size")
    add_source_note(ax, f"{article_source(article)}. {BOUND_NOTE}", sentences_of(groups))
    save_chart(fig, chart_data(groups, label=groups["subject"]), directory, "outreach_teams_by_size")
    return fig


def plot_publications(article, statistics: pd.DataFrame, checks: pd.DataFrame, directory: str | Path):
    """Pieces published (unit 篇), labelled by period and by what happened to them; a part of a stated total is
    marked 其中. None when the article counts no pieces."""
    pieces = statistics[(statistics["kind"] == "count") & (statistics["unit"] == "篇")]
    if pieces.empty:
        return None
    within = {rows[1] for rows in audit_rows(checks, "subset")}
    labels = [("其中 " if index in within else "") + f"{row.period} {row.subject}".strip()
              for index, row in pieces.iterrows()]
    fig, ax = new_figure(8, 1.4 + 0.6 * len(pieces))
    draw_counts(ax, pieces, labels, headroom=1.3)
    ax.set_xlabel("篇數 Pieces published")
    set_titles(ax, "發表的稿件", "Pieces published, by period and by what happened to them; "
               "其中 marks a part of the bar above")
    add_source_note(ax, f"{article_source(article)}. Bars on different platforms are not a trend.",
                    sentences_of(pieces))
    save_chart(fig, chart_data(pieces, label=labels), directory, "publication_output")
    return fig


def plot_ratios(article, statistics: pd.DataFrame, checks: pd.DataFrame, directory: str | Path):
    """People led per leader in each example (2名黨員帶領846名保安), against the same ratio across the stated
    total, on a log scale. None when the article gives no such example."""
    pairs = audit_rows(checks, "ratio")
    if not pairs:
        return None
    leader = statistics.loc[pairs[0][0], "subject"]
    rows = []
    for first, second in pairs:
        lead, led = statistics.loc[first], statistics.loc[second]
        rows.append({"label": f"{lead.text}{lead.subject}帶領{led.text}{led.subject}", "per": led.value / lead.value,
                     "bound": led.bound, "reference": False, "rows": f"{first}, {second}", "sentence": lead.sentence})
    for parts in audit_rows(checks, "sum"):
        mine = [i for i in parts[1:] if statistics.loc[i, "subject"] == leader]
        others = [i for i in parts[1:] if i not in mine]
        if mine and others:
            them = statistics.loc[others]
            me = statistics.loc[mine[0]]
            rows.append({"label": f"全部：{me.text}{leader}對{'、'.join(them['subject'])}",
                         "per": them["value"].sum() / me.value, "bound": "exact", "reference": True,
                         "rows": ", ".join(map(str, parts[1:])), "sentence": me.sentence})
    data = pd.DataFrame(rows)
    fig, ax = new_figure(8, 1.4 + 0.6 * len(data))
    ax.set_xscale("log")
    for y, row in zip(range(len(data))[::-1], data.itertuples(), strict=True):
        end = draw_bar(ax, y, row.per, row.bound, REFERENCE if row.reference else EXACT, 1.5)
        ax.text(end, y, f"  1 : {SIGNS[row.bound]}{row.per:,.1f}".removesuffix(".0"), va="center", fontsize=9)
    ax.set_yticks(range(len(data))[::-1], data["label"])
    ax.set_xlim(1, data["per"].max() * 6)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel(f"每名{leader}帶領的人數 People per {leader} (log scale)")
    set_titles(ax, f"{leader}帶領群眾的比例", f"People led per {leader} in the article's examples, "
               "and across the whole stated total (grey)")
    add_source_note(ax, f"{article_source(article)}. {BOUND_NOTE}", sentences_of(data))
    save_chart(fig, data, directory, "mobilisation_ratios")
    return fig
