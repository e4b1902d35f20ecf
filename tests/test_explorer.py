"""The word explorer's functions (the widgets only wire a text box to them): count, dispersion, concordance lines with
their sentence and paragraph, collocates; for a word or a phrase typed in either script."""

import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from report_articles import SHORT, write

from analysis import load_article, word_frequencies
from analysis.reports.explorer import (
    concordance_lines,
    explore,
    explorer,
    inside_longer,
    occurrences,
    plot_dispersion,
    summary,
)


def test_a_word_is_counted_as_the_frequency_table_counts_it_in_either_script(article):
    counts = word_frequencies(article).set_index("word")["count"]
    for word in ("學習強國", "西鄉街道", "黨員"):
        assert len(occurrences(article, word)) == counts[word]
    simplified = occurrences(article, "学习强国")
    assert len(simplified) == 34 and set(simplified["form"]) == {"學習強國"}
    assert "**学习强国** (written 學習強國) occurs 34 times" in summary(article, "学习强国", simplified)


def test_positions_are_character_offsets_normalised_to_the_text(article):
    found = occurrences(article, "學習強國")
    assert list(found["start"]) == sorted(found["start"])
    assert all(article.text[r.start:r.end] == r.form for r in found.itertuples())
    assert list(found["position"]) == [start / len(article.text) for start in found["start"]]
    assert found["position"].min() >= 0 and found["position"].max() < 1


def test_a_phrase_of_several_tokens_and_marks_is_found_whole(article):
    quoted = occurrences(article, "「學習強國」")
    assert len(quoted) == article.text.count("「學習強國」")
    assert len(quoted) < len(occurrences(article, "學習強國"))


def test_a_word_inside_longer_words_is_counted_apart(tmp_path):
    text = "學習強國推廣學習。"
    short = load_article(write(tmp_path, "study", {"title": "短訊", "paragraphs": [text], "captions": ()}))
    assert len(occurrences(short, "學習")) == 1, "學習 as a word, not inside 學習強國"
    assert inside_longer(short, "学习") == 1
    assert summary(short, "學習", occurrences(short, "學習")).endswith("It also occurs 1 time inside longer words.")


def test_concordance_lines_carry_their_sentence_paragraph_and_raw_line(article):
    lines = concordance_lines(article, "西鄉街道")
    found = occurrences(article, "西鄉街道")
    assert len(lines) == len(found) == 17
    for line, hit in zip(lines.itertuples(), found.itertuples(), strict=True):
        assert article.text[hit.start - len(line.left):hit.end + len(line.right)] == line.left + "西鄉街道" + line.right
        assert len(line.left) <= 15 and len(line.right) <= 15 and "\n" not in line.left + line.right
        around = article.text.find(line.sentence, max(0, hit.end - len(line.sentence)))
        assert around >= 0 and around <= hit.start and hit.end <= around + len(line.sentence)
        assert "西鄉街道" in article.raw_text.splitlines()[line.raw_line - 1]
        assert (line.part, line.paragraph) == article.part_at(hit.start) or (
            pd.isna(line.paragraph) and article.part_at(hit.start)[1] is None)


def test_dispersion_plot_draws_one_line_per_occurrence(article):
    found = occurrences(article, "黨員")
    fig = plot_dispersion(article, "黨員", found)
    (lines,) = fig.axes[0].collections
    assert len(lines.get_segments()) == len(found)
    assert plot_dispersion(article, "不在文中", occurrences(article, "不在文中")) is None


def test_a_word_that_is_not_there_says_so(article):
    missing = occurrences(article, "量子")
    assert missing.empty
    assert summary(article, "量子", missing) == "**量子** does not occur as a word or run of words in the article."


@pytest.fixture
def shown(monkeypatch):
    """What the explorer displays, as the MIME bundles a notebook would receive."""
    bundles = []
    shell = InteractiveShell.instance()
    monkeypatch.setattr(shell.display_pub, "publish", lambda data, **_: bundles.append(data))
    return bundles


def test_the_first_state_is_static_output_and_the_box_is_no_dead_widget(article, shown):
    explorer(article, "學習強國")
    kinds = [set(bundle) for bundle in shown]
    assert "image/png" in set().union(*kinds), "the dispersion plot is shown as a picture"
    assert sum("text/html" in k for k in kinds) >= 3, "summary, concordance, collocates and clusters are shown"
    box = shown[-1]
    assert "application/vnd.jupyter.widget-view+json" in box and "text/plain" not in box
    assert "In JupyterLab a box here" in box["text/html"]


def test_typing_a_word_in_the_box_explores_it(article, shown):
    box = explorer(article, "學習強國")
    before = len(shown)
    box.children[0].value = "党员"  # Simplified, in a Traditional article
    texts = [b.get("text/markdown", "") for b in shown[before:]]
    assert texts[0].startswith(f"**党员** (written 黨員) occurs {len(occurrences(article, '黨員'))} times")
    box.children[0].value = "  "
    assert len(shown) == before + len(texts), "an empty box shows nothing new"


def test_explore_an_article_with_too_few_words(tmp_path, shown):
    short = load_article(write(tmp_path, "short", SHORT))
    explore(short, "閱讀")
    texts = " ".join(b.get("text/markdown", "") for b in shown)
    assert "**閱讀** occurs 1 time as a word or run of words" in texts
    assert "No counted word occurs within five words of it." not in texts, "the title's word is near it"
    assert "0 clusters." in texts
