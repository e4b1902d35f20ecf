"""People, places and organisations as jieba tags them, with the person tag kept only where a word can be a name; on
an article written for these tests, in both scripts."""

import pytest
from articles import write_article

from analysis import extract_statistics, load_article, tokenize
from analysis.reading.script import to_simplified
from analysis.reports.reader import marks
from analysis.words.keyterms import entities

PARAGRAPHS = [
    "財政司司長陳茂波昨日在深圳市表示，施政報告明白指出，要弘揚文明新風。",
    "民政事務總署署長李小明說，街坊都明白活動的意義。居民王娜說，活動很好。",
]


@pytest.fixture(params=["traditional", "simplified"])
def article(request, tmp_path):
    convert = str if request.param == "traditional" else to_simplified
    return load_article(write_article(tmp_path / "a.txt", convert("施政報告"), [convert(p) for p in PARAGRAPHS]))


def test_people_are_names_not_the_common_words_jieba_tags_as_names(article):
    table = entities(article)
    people = {to_simplified(w) for w in table[table["kind"] == "person"]["word"]}
    assert {"王娜", "陈茂波", "李小明"} <= people
    tagged = {to_simplified(t.word) for t in tokenize(article.text) if t.pos == "nr"}
    assert {"施政", "明白", "弘扬", "文明"} <= tagged and not people & {"施政", "明白", "弘扬", "文明"}
    assert "深圳市" in set(table[table["kind"] == "place"]["word"].map(to_simplified))


def test_the_reader_marks_the_same_people_as_the_table(article):
    found = marks(article, extract_statistics(article))
    marked = {article.text[row.start : row.end] for row in found[found["kind"] == "person"].itertuples()}
    table = entities(article)
    assert marked == set(table[table["kind"] == "person"]["word"])
