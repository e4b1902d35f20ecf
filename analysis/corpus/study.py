"""The corpus notebooks' computations and charts: articles over time, words over time, keyness against the rest of
the corpus, slogans shared by several articles, claims over publication date; and running the notebooks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import config
from analysis.words.keyterms import log_likelihood

TABLES = ["articles", "errors", "word_frequencies", "word_frequencies_by_article", "quoted_phrases", "claims",
          "contradictions"]
# the marker of a figure by its bound: filled when exact, open when the article gave only a bound
MARKERS = {"exact": ("o", "full"), "lower": ("^", "none"), "upper": ("v", "none"), "approximate": ("o", "none")}


def read_corpus(tables: str | Path) -> dict[str, pd.DataFrame]:
    """The tables a corpus run wrote, by name; FileNotFoundError names the folder and the command that writes them."""
    tables = Path(tables)
    missing = [name for name in TABLES if not (tables / f"{name}.csv").is_file()]
    if missing:
        raise FileNotFoundError(f"{tables}: no {missing[0]}.csv; `python -m analysis corpus DIR --out {tables}` "
                                "writes the corpus tables")
    read = {name: pd.read_csv(tables / f"{name}.csv", keep_default_na=False) for name in TABLES}
    read["articles"]["month"] = read["articles"]["published"].str[:7]
    return read


def articles_by_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per month of publication and outlet (a month with none is a zero row; no date: left out)."""
    dated = articles[articles["month"] != ""]
    if dated.empty:
        return pd.DataFrame(columns=["month"])
    table = dated.pivot_table(index="month", columns="outlet", values="article", aggfunc="count", fill_value=0)
    months = pd.period_range(table.index.min(), table.index.max(), freq="M").strftime("%Y-%m")
    return table.reindex(months, fill_value=0).rename_axis("month").reset_index()


def term_trends(by_article: pd.DataFrame, articles: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Each term's relative frequency by month (Voyant's Trends): count, the month's counted words, and the count
    per 10,000 words."""
    month = by_article.merge(articles[["article", "month"]], on="article")
    month = month[month["month"] != ""]
    words = month.groupby("month")["count"].sum()
    counts = month[month["word"].isin(terms)].pivot_table(index="month", columns="word", values="count",
                                                           aggfunc="sum", fill_value=0)
    counts = counts.reindex(index=words.index, columns=terms, fill_value=0)
    table = counts.stack().rename("count").reset_index().rename(columns={"word": "term"})
    table["words"] = table["month"].map(words)
    table["per_10000"] = table["count"] / table["words"] * 10_000
    return table.sort_values(["term", "month"], key=lambda s: s.map(terms.index) if s.name == "term" else s,
                             ignore_index=True)


def corpus_keyness(by_article: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Each article's most distinctive words against the rest of the corpus: Dunning's log-likelihood G² of words
    the article uses more than the rest does, top `top` per article."""
    totals = by_article.groupby("word")["count"].sum()
    size = by_article.groupby("article")["count"].sum()
    everything = int(size.sum())
    rows = []
    for article, words in by_article.groupby("article", sort=False):
        c, d = int(size[article]), everything - int(size[article])
        for word, a in zip(words["word"], words["count"], strict=True):
            b = int(totals[word]) - a
            if d and a / c > b / d:
                rows.append((article, word, a, b, log_likelihood(a, b, c, d)))
    table = pd.DataFrame(rows, columns=["article", "word", "count", "rest", "g2"])
    table = table.sort_values(["article", "g2", "word"], ascending=[True, False, True], kind="stable")
    table = table.groupby("article", sort=False).head(top).reset_index(drop=True)
    table.insert(1, "rank", table.groupby("article").cumcount() + 1)
    return table


def shared_slogans(quoted: pd.DataFrame, articles: pd.DataFrame, least: int = 2) -> pd.DataFrame:
    """Quoted phrases in at least `least` articles: how many articles, how often in all, first appearance."""
    dated = quoted.merge(articles[["article", "published"]], on="article")
    dated = dated.sort_values(["published", "article"], key=lambda s: s.replace("", "9999") if s.name ==
                              "published" else s)
    table = dated.groupby("phrase", sort=False).agg(articles=("article", "nunique"), count=("count", "sum"),
                                                    first_published=("published", "first"),
                                                    first_article=("article", "first"))
    table = table[table["articles"] >= least].reset_index()
    return table.sort_values(["articles", "count", "phrase"], ascending=[False, False, True], ignore_index=True)


def plot_articles_by_month(monthly: pd.DataFrame):
    """Articles per month of publication, stacked by outlet, whole-number counts and at most 12 month labels; None
    when no article has a full date."""
    if monthly.empty:
        return None
    from matplotlib.ticker import MaxNLocator

    from analysis.reports.charting import new_figure, set_titles

    fig, ax = new_figure(9, 4)
    monthly.set_index("month").plot.bar(stacked=True, ax=ax, width=0.8, legend=True)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = -(-len(monthly) // 12)
    ax.set_xticks(range(0, len(monthly), step), monthly["month"].iloc[::step], rotation=0)
    ax.set_xlabel("")
    ax.set_ylabel("文章 Articles")
    set_titles(ax, "每月文章數", "Articles per month of publication, by outlet")
    return fig


def plot_claim(claim: pd.DataFrame):
    """One claim's figures over publication date, a line per article order; bounds drawn open (▲ at least,
    ▼ at most, ○ about), exact figures filled."""
    from analysis.reports.charting import new_figure, set_titles

    dated = claim[claim["published"] != ""].copy()
    if dated.empty:
        return None
    dated["date"] = pd.to_datetime(dated["published"].str[:10])
    fig, ax = new_figure(8, 4)
    ax.plot(dated["date"], dated["value"], color="#999999", linewidth=0.8, zorder=1)
    for bound, (marker, fill) in MARKERS.items():
        shown = dated[dated["bound"] == bound]
        if len(shown):
            ax.plot(shown["date"], shown["value"], linestyle="none", marker=marker, fillstyle=fill, markersize=8,
                    color="#b2182b", label=bound, zorder=2)
    first = claim.iloc[0]
    set_titles(ax, f"{first['place']} {first['subject']}（{first['unit']}）",
               f"Claim {first['claim']}: the figure as each article reported it")
    ax.legend(frameon=False, fontsize=8)
    ax.set_ylim(bottom=0)
    fig.autofmt_xdate()
    return fig


def write_corpus_reports(tables: str | Path, corpus: str | Path = "") -> list[Path]:
    """Run the corpus notebooks on a corpus run's tables and render each as an HTML report in `tables`/reports/corpus/,
    listed on `tables`/reports/index.html; RuntimeError names the notebook that failed."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.files import write_text
    from analysis.pipeline.rendering import render_html, write_index
    from analysis.pipeline.steps import corpus_steps, study_steps

    tables, steps, written = Path(tables).resolve(), corpus_steps(), []
    for step in steps:
        try:
            nb = papermill.execute_notebook(
                str(step.path), None, parameters={"tables": str(tables), "corpus": str(corpus)}, cwd=str(config.ROOT),
                progress_bar=False, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        except PapermillExecutionError as error:
            failed = f"{step.path.name} failed at cell [{error.exec_count}]: {error.ename}: {error.evalue}"
            raise RuntimeError(failed) from None
        written.append(write_text(tables / "reports" / "corpus" / f"{step.name}.html", render_html(nb, step, steps)))
    write_index(tables, study_steps())
    return written
