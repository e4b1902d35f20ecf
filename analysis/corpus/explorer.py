"""Any term across the corpus, in a notebook: its rate by month on the date axis and its count in every article, in
either script (compared on its Simplified form). The computations are analysis.corpus.study's; this shows them."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.charts import plot_term_trends
from analysis.corpus.findings import rows_shown, term_finding
from analysis.corpus.study import ReportFolders, for_reading, term_in_articles, term_trends
from analysis.files import write_csv
from analysis.reports.charting import show
from analysis.reports.explorer import text_box
from analysis.reports.findings import quote, say
from analysis.reports.tables import show_table


def explore_term(term: str, tables: dict[str, pd.DataFrame], folders: ReportFolders, shown: int = 30) -> None:
    """Show one term across the corpus (`tables` as read_corpus gives them): a sentence, its rate by month (chart
    `explored_term`) and the articles that use it, most uses first (all articles in processed/corpus/
    explored_term.csv)."""
    from IPython.display import display

    articles, by_article = tables["articles"], tables["word_frequencies_by_article"]
    in_articles = term_in_articles(term, by_article, articles)
    by_month = term_trends(by_article, articles, [term])
    say(f"### {quote(term)}")
    say(term_finding(term, by_month, in_articles))
    used = in_articles[in_articles["count"] > 0]
    if used.empty:
        return
    show(plot_term_trends(by_month, folders.figures, "explored_term"),
         "No article is dated, so there is no chart of it.")
    write_csv(folders.processed / "explored_term.csv", in_articles)
    say(rows_shown(shown, len(used), "article using it", "explored_term.csv",
                   "../../processed/corpus/explored_term.csv", "articles using it"))
    display(show_table(for_reading(used.head(shown))))


def term_explorer(first: str, tables: dict[str, pd.DataFrame], folders: ReportFolders, shown: int = 30):
    """The corpus's term explorer (explore_term) in a notebook, first for `first`, then for any term typed into its
    box in JupyterLab (whose chart and table then replace the first term's under figures/ and processed/)."""
    return text_box(lambda term: explore_term(term, tables, folders, shown), first, "word")
