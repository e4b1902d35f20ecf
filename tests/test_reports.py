"""Reports of articles other than the study's: true for the article they show, safe with hostile text, and complete
for the shortest article. Built end to end by the command line, as a researcher would."""

import re
import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest
from report_articles import HOSTILE, LIBRARY, SHORT, write

from analysis import config

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
# words and numbers of the study's article that no other article's report may show
SEED_ONLY = ["學習強國", "西鄉", "寶安", "深圳", "黨工委", "王娜", "黃鶯", "李金宇", "彭震粵", "巾幗宣講隊", "樓棟長",
             "精神譜系", "中國新聞周刊", "41550", "41,550", "5071", "5,071", "36479", "36,479", "846", "7000餘",
             "15000餘", "600餘", "58萬", "2019年1月", "7月22日", "10:24", "每日一督", "年終考核", "2021-07-29",
             "20210729", "Xixiang"]
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "a href=#reader-…"}


def report(tmp_path_factory, articles: dict) -> object:
    """Articles built by one `python -m analysis report` into a temporary --out, as a researcher would."""
    folder = tmp_path_factory.mktemp("articles")
    paths = [write(folder, name, article) for name, article in articles.items()]
    out = tmp_path_factory.mktemp("out")
    run = subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, paths), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, cwd=config.ROOT, check=False)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Another article and a hostile one, built together."""
    return report(tmp_path_factory, {"library": LIBRARY, "hostile": HOSTILE})


@pytest.fixture(scope="module")
def short_built(tmp_path_factory):
    """The shortest article, built on its own."""
    return report(tmp_path_factory, {"short": SHORT})


class Page(HTMLParser):
    """A report as a browser reads it: its tags, the tags inside each table, the cells' text and the visible text
    (no style sheets, scripts, fold map or data: URIs)."""

    def __init__(self, text: str):
        super().__init__()
        self.tags, self.in_tables, self.cells, self.visible = [], [], [], []
        self.depth, self.style, self.cell = 0, False, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.style = self.style or tag in ("style", "script")
        if self.depth:
            # the reader view's rows link to their places in the text: the only tag a table may hold besides its own
            link = tag == "a" and dict(attrs).get("href", "").startswith("#reader-")
            self.in_tables.append("a href=#reader-…" if link else tag)
        self.depth += tag == "table"
        if tag in ("td", "th"):
            self.cell = []
        self.visible += [v for k, v in attrs if v and not v.startswith("data:") and k != "data-fold"]

    def handle_endtag(self, tag):
        self.depth -= tag == "table"
        self.style = self.style and tag not in ("style", "script")
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if not self.style:
            self.visible.append(data)


def pages(out, slug):
    """The four reports of one article, parsed."""
    found = {p.stem: Page(p.read_text(encoding="utf-8")) for p in (out / "reports" / slug).glob("*.html")}
    assert sorted(found) == NOTEBOOKS
    return found


def test_every_table_of_every_report_escapes_article_text(built):
    payload_cells = 0
    for name, page in pages(built, "hostile").items():
        assert "u" not in page.tags, f"{name}: article markup became a tag"
        assert set(page.in_tables) <= TABLE_TAGS, f"{name}: tags inside a table: {set(page.in_tables) - TABLE_TAGS}"
        payload_cells += sum("<h1>INJ</h1>" in cell or "<u>U</u>" in cell for cell in page.cells)
    assert payload_cells >= 5, "the payload sits in tabulated text (concordance, numbers, quoted phrases, captions)"


def test_a_short_article_runs_through_every_notebook(short_built):
    built = short_built
    reports = pages(built, "short")
    text = {name: " ".join(page.visible) for name, page in reports.items()}
    assert "The article reports no numbers." in text["03_figure_extraction"]
    assert "The article has no photo captions." in text["03_figure_extraction"]
    assert "there is no chart of quoted phrases" in text["02_word_frequency"]
    assert text["02_word_frequency"].count("quotes no phrase") == 1, "the missing quotes are said once"
    for line in ("there is no chart of a total and its parts", "there is no chart of groups",
                 "there is no chart of them", "there is no chart of ratios"):
        assert line in text["04_reported_statistics"]
    assert not list((built / "figures" / "short").glob("total_and_parts.*"))
    assert "so there is no co-occurrence network" in text["02_word_frequency"]
    assert not list((built / "figures" / "short").glob("cooccurrence_network.*"))
    assert (built / "data" / "processed" / "short" / "keywords.csv").is_file()


def test_another_articles_reports_speak_only_of_it(built):
    for name, page in pages(built, "library").items():
        visible = " ".join(page.visible)
        assert not [term for term in SEED_ONLY if term in visible], f"{name} shows the study's article"
        assert "Commentary" not in visible, "no commentary file, no commentary"
    text = " ".join(pages(built, "library")["03_figure_extraction"].visible)
    assert "The article has 2 photo captions." in text
    assert "1 is an upper bound (at most): 近千名." in text


def test_another_articles_charts_choose_their_own_subjects(built):
    figures = built / "figures" / "library"
    drawn = sorted(p.stem for p in figures.glob("*.png"))
    assert drawn == ["cooccurrence_network", "groups_by_size", "pieces_published", "quoted_phrases", "top_words",
                     "word_cloud"]
    groups = pd.read_csv(figures / "groups_by_size.csv")
    assert list(zip(groups["label"], groups["value"], strict=True)) == [("故事姐姐隊", 80)]
    charted = [pd.read_csv(p, keep_default_na=False) for p in figures.glob("*.csv")]
    assert not [t for data in charted if "text" in data for t in data["text"] if "三成" in t], \
        "a rate of change is never charted"
    pieces = pd.read_csv(figures / "pieces_published.csv", keep_default_na=False)
    assert list(pieces["text"]) == ["超過800篇"] and list(pieces["bound"]) == ["lower"]
    assert (built / "data" / "processed" / "library" / "photos.csv").is_file()
    assert not (built / "data" / "processed" / "library" / "figures.csv").exists()


def test_another_articles_terms_table_shows_what_to_add_to_the_dictionary(built):
    terms = pd.read_csv(built / "data" / "processed" / "library" / "terms.csv", keep_default_na=False)
    row = terms.set_index("term").loc["閱讀同行"]
    assert (row.occurrences, row.whole, row.split, row.split_as) == (5, 0, 5, "閱讀/同行")
    assert terms["term"].iloc[0] == "閱讀同行", "split terms first"
    text = " ".join(pages(built, "library")["01_load_and_clean"].visible)
    assert f"The article's {len(terms)} candidate terms occur {terms['occurrences'].sum()} times" in text


def test_the_word_explorer_shows_its_first_state_and_no_widget_or_script(built):
    page = pages(built, "library")["02_word_frequency"]
    visible = " ".join("".join(page.visible).split())
    assert page.tags.count("script") == 1, "the table script only, no widget's"
    processed = built / "data" / "processed" / "library"
    first = pd.read_csv(processed / "word_frequencies.csv")["word"].iloc[0]
    assert f"{first} occurs" in visible and f"「{first}」在文中的位置" in visible, "its sentence and its plot"
    assert f"In JupyterLab a box here takes any word or phrase, in either script, and shows the same for it as " \
           f"above for {first}." in visible
    assert "Text(value=" not in visible and "VBox(" not in visible, "no widget's text stands in for the box"
    collocations = pd.read_csv(processed / "collocations.csv")
    assert list(collocations.columns) == ["node", "collocate", "window", "observed", "expected", "mi",
                                          "log_likelihood"]


def test_every_table_cell_of_a_traditional_report_folds_to_simplified_in_the_page(built):
    from analysis.reading.script import script_specific

    text = (built / "reports" / "library" / "02_word_frequency.html").read_text(encoding="utf-8")
    (pairs,) = re.findall(r'<script data-fold="([^"]*)">', text)
    fold = dict(zip(pairs[::2], pairs[1::2], strict=True))
    cells = Page(text).cells
    folded = ["".join(fold.get(c, c) for c in cell) for cell in cells]
    assert any(cell != original for cell, original in zip(folded, cells, strict=True)), "a Traditional page"
    assert not [c for cell in folded for c in cell if script_specific(c)[0]], "no Traditional-only character left"
