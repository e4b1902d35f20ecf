"""Charts and sentences in the article's script: a Simplified article's titles, labels, legends and notes in
Simplified, its quotation marks as it prints them; on articles written for these tests."""

import pytest
from articles import write_article
from matplotlib.text import Text

from analysis import load_article, quoted_phrases, word_frequencies
from analysis.reading.script import quote_marks, to_simplified
from analysis.reports.charting import display_width, wrapped
from analysis.reports.findings import quoted_finding
from analysis.reports.word_charts import plot_quoted_phrases, plot_top_words, plot_word_cloud

PARAGRAPHS = [
    "社區推廣「學習強國」，志願者上門講解「學習強國」的用法。",
    "街道組建「文化輕騎兵」，又以『比學趕幫超』激勵黨員，「學習強國」註冊人數逐月增加。",
]


def simplified_quotes(paragraph: str) -> str:
    """A paragraph as a mainland outlet prints it: Simplified script, “” and ‘’ quotation marks."""
    return to_simplified(paragraph, "tw2s").translate(str.maketrans("「」『』", "“”‘’"))


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The same article in Traditional with 「」 and in Simplified with “”."""
    folder = tmp_path_factory.mktemp("scripts")
    traditional = write_article(folder / "traditional.txt", "社區推廣學習強國", PARAGRAPHS)
    simplified = write_article(folder / "simplified.txt", to_simplified("社區推廣學習強國"),
                               [simplified_quotes(p) for p in PARAGRAPHS])
    return {"traditional": load_article(traditional), "simplified": load_article(simplified)}


def charts(article, folder):
    """The word-frequency charts of an article."""
    frequencies = word_frequencies(article)
    return [plot_top_words(article, frequencies, folder), plot_word_cloud(article, frequencies, folder),
            plot_quoted_phrases(article, quoted_phrases(article), folder)]


def texts_of(fig) -> list[str]:
    """Every text drawn on a figure."""
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_quote_marks_are_the_ones_the_text_prints(articles):
    assert quote_marks(articles["traditional"].text) == ("「」", "『』")
    assert quote_marks(articles["simplified"].text) == ("“”", "‘’")


def test_a_simplified_articles_charts_are_in_simplified_with_its_quotation_marks(articles, tmp_path):
    for fig in charts(articles["simplified"], tmp_path):
        texts = texts_of(fig)
        assert all(to_simplified(t) == t for t in texts), [t for t in texts if to_simplified(t) != t]
        assert not any(mark in t for t in texts for mark in "「」『』")
    top, cloud, quoted = (texts_of(fig) for fig in charts(articles["simplified"], tmp_path))
    assert "出现最多的" in " ".join(top) and "词云" in cloud and "引号里的口号" in quoted
    assert "“”" in quoted and any(t.startswith("‘’") for t in quoted)


def test_a_traditional_articles_charts_stay_in_traditional(articles, tmp_path):
    top, cloud, quoted = (texts_of(fig) for fig in charts(articles["traditional"], tmp_path))
    assert "出現最多的" in " ".join(top) and "詞雲" in cloud and "引號裏的口號" in quoted
    assert "「」" in quoted


def test_quoted_finding_quotes_in_the_articles_marks(articles):
    simplified = articles["simplified"]
    sentence = quoted_finding(quoted_phrases(simplified), quote_marks(simplified.text))
    assert "“学习强国” 3 times" in sentence and "「" not in sentence
    assert "「學習強國」 3 times" in quoted_finding(quoted_phrases(articles["traditional"]))


@pytest.mark.parametrize("text", [
    "Source: 香港商報網, 2021-07-29, 【中共百年 深圳故事】深圳傳承百年大黨「精神譜系」的「西鄉示範」. Segmented by "
    "jieba-fast-dat, identical to jieba 0.42.1, via OpenCC Simplified, with the project's user dictionary.",
    "「自「學習強國」學習平台上線以來，西鄉街道註冊人數達41550人，其中黨員5071人，群眾36479人，總共26個黨委和24個黨支部。」",
])
def test_a_source_note_is_wrapped_by_the_room_its_characters_take(text):
    lines = wrapped(text, 60)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, only spaces at the breaks
    assert all(display_width(line) <= 60 + 2 for line in lines)  # a closing mark may stay with its line
    assert all(line[0] not in "，。」』" for line in lines)
    assert display_width("深圳") == 4 and display_width("ab 1") == 4
