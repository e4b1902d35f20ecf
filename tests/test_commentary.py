"""The researcher's commentary: shown per article and per notebook, and every number or ranking it states about the
study's article holds in the committed tables of data/processed/ (the code asserts the facts the text states)."""

import json
import re

import pandas as pd
import pytest

from analysis import config
from analysis.reports.commentary import commentary, commentary_file, read_commentary

SLUG = config.slug(config.ARTICLE)
PROCESSED = config.PROCESSED / SLUG


def table(name: str) -> pd.DataFrame:
    """A committed processed table of the study's article."""
    return pd.read_csv(PROCESSED / name, keep_default_na=False)


@pytest.fixture(scope="module")
def sections():
    """The study's article's commentary, by notebook."""
    return read_commentary(commentary_file(SLUG))


@pytest.fixture(scope="module")
def words():
    """word_frequencies.csv."""
    return table("word_frequencies.csv")


@pytest.fixture(scope="module")
def ranks():
    """keywords.csv as {method: [word, …]} in rank order."""
    keywords = table("keywords.csv").sort_values(["method", "rank"])
    return {method: list(rows["word"]) for method, rows in keywords.groupby("method")}


@pytest.fixture(scope="module")
def numbers():
    """statistics.csv, values as numbers (empty for dates)."""
    numbers = table("statistics.csv")
    return numbers.assign(value=pd.to_numeric(numbers["value"]))


@pytest.fixture(scope="module")
def checks():
    """audit.csv."""
    return table("audit.csv")


def value(numbers, text: str) -> float:
    """The value of the one number printed as `text`."""
    rows = numbers[numbers["text"] == text]
    assert len(rows) >= 1, text
    return float(rows["value"].iloc[0])


# every number the commentary states, each asserted by a test below; a new number in the text needs a new test
CHECKED = {"01_load_and_clean": set(),
           "02_word_frequency": {"20", "30"},
           "03_figure_extraction": {"5071", "36479", "41550", "423", "600", "700", "1", "7", "135", "19", "100",
                                    "75", "2020", "206", "15000"},
           "04_reported_statistics": {"7000", "330", "2020"}}


def test_every_number_in_the_commentary_is_checked(sections):
    assert set(sections) == set(CHECKED), "one section per notebook"
    for notebook, text in sections.items():
        stated = set(re.findall(r"\d+", text))
        assert stated <= CHECKED[notebook], f"{notebook}: numbers without a test: {stated - CHECKED[notebook]}"


def test_01_byline_and_top_caption():
    article = json.loads((PROCESSED / "article.json").read_text(encoding="utf-8"))
    assert article["reporter"] == "王娜"
    assert article["captions"][-1]["label"] == "頂圖", "the page prints the 頂圖 caption last"


def test_01_hmm_guesses_the_misprint_as_a_word():
    from analysis import load_article
    from analysis.words.segmenting import made_up, words

    text = load_article(config.ARTICLE).text
    assert "發場" in text and "發場" in made_up(words(text, hmm=True))


def test_02_the_apps_name_is_almost_twice_as_frequent_as_the_next(words):
    assert words["word"].iloc[0] == "學習強國"
    assert 1.8 * words["count"].iloc[1] <= words["count"].iloc[0] <= 2 * words["count"].iloc[1]


def test_02_places_bodies_and_people_fill_the_top_30(words):
    top = set(words["word"].head(30))
    assert {"西鄉街道", "寶安區", "深圳市", "黨", "黨員", "黨工委", "黨組織", "黨委", "群眾"} <= top


def test_02_keyword_ranks(ranks):
    assert ranks["tf-idf"][:2] == ["學習強國", "西鄉街道"]
    assert ranks["keyness"][:2] == ["學習強國", "西鄉街道"]
    assert ranks["textrank"][0] == "西鄉街道"
    assert "學習強國" not in ranks["textrank"] and len(ranks["textrank"]) == 20, "left out of TextRank's top 20"
    lifted = {"寶安區", "黨工委", "精神譜系", "西鄉示範"}
    assert lifted <= set(ranks["keyness"]) and lifted <= set(ranks["tf-idf"])
    assert {"新時代", "初心"} <= set(ranks["keyness"]) and not {"新時代", "初心"} & set(ranks["tf-idf"])
    assert {"工作", "學習", "群眾", "宣傳", "推廣"} <= set(ranks["textrank"])


def test_02_textrank_leaves_the_app_out_because_of_its_tag():
    from analysis.wordlists import read_user_dictionary
    from analysis.words.keyterms import TEXTRANK_POS

    tags = {entry.word: entry.tag for entry in read_user_dictionary(config.LEXICON / "userdict.txt")}
    assert tags["學習強國"] == "nz" and "nz" not in TEXTRANK_POS
    assert set(TEXTRANK_POS) == {"ns", "n", "vn", "v"}


def test_02_quoted_phrases(words):
    phrases = table("quoted_phrases.csv")
    assert phrases["phrase"].iloc[0] == "學習強國"
    assert phrases["count"].iloc[0] >= 5 * phrases["count"].iloc[1], "quoted far more than anything else"
    quoted, counted = phrases["count"].iloc[0], words.loc[words["word"] == "學習強國", "count"].iloc[0]
    assert quoted >= 0.8 * counted, "nearly every time"
    assert set(phrases.loc[phrases["count"] > 1, "phrase"]) == {"學習強國", "精神譜系", "西鄉示範", "利器", "教材"}


def test_02_user_dictionary_corrects_the_five_tags():
    from analysis.wordlists import read_user_dictionary

    words = {entry.word for entry in read_user_dictionary(config.LEXICON / "userdict.txt")}
    assert {"向心力", "榮譽", "滿懷", "青春", "青"} <= words


def test_03_registration_sum_and_its_shares(numbers, checks):
    members, others, total = value(numbers, "5071人"), value(numbers, "36479人"), value(numbers, "41550人")
    assert members + others == total
    assert 7.5 < total / members < 8.5, "about one registered user in eight"
    assert checks.loc[checks["kind"] == "sum", "status"].tolist() == ["holds"]


def test_03_showcase_ratios(numbers, checks):
    assert value(numbers, "846名") / value(numbers, "2名") == 423
    assert value(numbers, "600餘名") == 600 and "600 to 700" in checks["detail"].str.cat()
    assert round(value(numbers, "36479人") / value(numbers, "5071人")) == 7, "about 1 : 7"
    assert value(numbers, "1位") == 1


def test_03_pieces_and_percentages(numbers, checks):
    assert value(numbers, "135篇") == 135 and value(numbers, "19篇") == 19
    assert checks.loc[checks["kind"] == "subset", "values"].tolist() == ["19篇 ≤ 135篇"]
    shares = checks[checks["kind"] == "share"]
    assert sorted(shares["values"]) == ["100%", "75%以上"] and set(shares["status"]) == {"cannot tell"}
    assert value(numbers, "206篇") == 206
    pieces = numbers[numbers["text"] == "206篇"].iloc[0]
    assert pieces["period"] == "2020年" and "廣東學習平台" in pieces["sentence"]
    clicks = numbers[numbers["text"] == "15000餘次"].iloc[0]
    assert value(numbers, "15000餘次") == 15000 and clicks["period"] == "2020年"


def test_04_team_sizes_and_ratios(numbers, checks):
    teams = {"501人", "76名", "7000餘名", "330餘人"}
    rows = numbers[numbers["text"].isin(teams)]
    assert len(rows) == 4
    assert set(rows.loc[rows["bound"] == "lower", "text"]) == {"7000餘名", "330餘人"}, "two of four are lower bounds"
    assert rows.loc[rows["value"].idxmax(), "subject"] == "樓棟長", "the building heads dwarf the others"
    reference = value(numbers, "36479人") / value(numbers, "5071人")
    assert 55 < 423 / reference < 65 and 600 / reference > 80 and 700 / reference <= 100, "sixty to a hundred times"
    assert "例如" in numbers[numbers["text"] == "846名"].iloc[0]["sentence"]


def test_commentary_is_shown_only_for_its_own_article():
    assert commentary(SLUG, "02_word_frequency").startswith("The app's name")
    assert commentary("another-article", "02_word_frequency") == ""


def test_bad_commentary_files_are_one_line_errors(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("## 02_word_freqency\n\ntext\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.md: section `## 02_word_freqency` names no notebook"):
        read_commentary(bad)
    bad.write_text("## 02_word_frequency\n\na\n\n## 02_word_frequency\n\nb\n", encoding="utf-8")
    with pytest.raises(ValueError, match="appears twice"):
        read_commentary(bad)
    bad.write_bytes(b"## 02_word_frequency\n\n" + "學習".encode("big5"))
    with pytest.raises(ValueError, match=r"bad\.md: not UTF-8"):
        read_commentary(bad)
    assert read_commentary(tmp_path / "missing.md") == {}


def test_each_notebook_shows_its_own_section():
    import nbformat

    for path in sorted(config.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert f'show_commentary(paths.processed.name, "{path.stem}")' in code, path.name
