"""Reading word lists: the committed lists load, and a bad line is refused with its file and line named."""

import re

import pytest

from analysis import config
from analysis.wordlists import UserWord, WordListError, read_user_dictionary, read_word_list


def write(path, text, encoding="utf-8"):
    """Write a word list and return its path."""
    path.write_bytes(text.encode(encoding))
    return path


def test_the_committed_lists_load():
    entries = read_user_dictionary(config.LEXICON / "userdict.txt")
    assert UserWord("學習強國", None, "nz") in entries
    assert UserWord("向心力", 49, "n") in entries
    assert "名" in read_word_list(config.LEXICON / "stopwords.txt")


def test_entries_of_every_shape(tmp_path):
    path = write(tmp_path / "dict.txt", "# 說明\n\n社区网格员\n數字鄉村 12\n新質生產力 nz  # 新詞\n大灣區 300 ns\n")
    assert read_user_dictionary(path) == [
        UserWord("社区网格员", None, None), UserWord("數字鄉村", 12, None), UserWord("新質生產力", None, "nz"),
        UserWord("大灣區", 300, "ns")]


@pytest.mark.parametrize(("line", "problem"), [
    ("學習強國 0 nz", "frequency of 學習強國 must be a positive integer, not 0"),
    ("學習強國 -5", "frequency of 學習強國 must be a positive integer, not -5"),
    ("學習強國 1.5 n", "frequency of 學習強國 must be a positive integer, not 1.5"),
    ("學習強國 abc", "'abc' is not one of jieba's part-of-speech tags"),
    ("學習強國 nz n", "stray field 'n'"),
    ("學習強國 5 nz extra", "stray field 'extra'"),
    ("學習強國 名詞", "'名詞' is not one of jieba's part-of-speech tags"),
])
def test_a_bad_line_is_refused_with_its_file_and_line(tmp_path, line, problem):
    path = write(tmp_path / "dict.txt", f"# 說明\n西鄉街道 ns\n{line}\n")
    with pytest.raises(WordListError, match=rf"^{re.escape(f'{path}:3: ')}.*{re.escape(problem)}"):
        read_user_dictionary(path)


@pytest.mark.parametrize("reader", [read_user_dictionary, read_word_list])
def test_a_file_that_is_not_utf8_is_refused_naming_the_file(tmp_path, reader):
    path = write(tmp_path / "list.txt", "學習強國 nz\n", encoding="big5")
    with pytest.raises(WordListError, match=rf"^{re.escape(str(path))}:1: not UTF-8 text"):
        reader(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(WordListError, match=rf"^{re.escape(str(tmp_path / 'none.txt'))}: cannot be read"):
        read_word_list(tmp_path / "none.txt")


def test_a_stop_word_list_has_one_word_per_line(tmp_path):
    path = write(tmp_path / "stop.txt", "的\n了 # 助詞\n我們 他們\n")
    with pytest.raises(WordListError, match=re.escape(f"{path}:3: one word per line, found 2 fields")):
        read_word_list(path)
