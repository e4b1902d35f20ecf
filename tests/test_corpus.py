"""The corpus command: a folder of articles into corpus tables; a bad file is listed and skipped, not fatal."""

import subprocess
import sys

import pandas as pd
import pytest
from articles import XINAN, write_article

from analysis import config, extract_statistics, load_article, word_frequencies
from analysis import corpus as corpus_module
from analysis.__main__ import main
from analysis.corpus import analyse_file, run_corpus

FUYONG = {
    "title": "【基層治理】寶安區福永街道「學習強國」進社區",
    "paragraphs": [
        "寶安區福永街道把「學習強國」推廣列入黨工委工作報告。(記者 張文)",
        "自2019年1月上線以來,福永街道註冊人數達8,200人,其中黨員2100人,群眾6100人。",
        "今年以來,已有45篇被「學習強國」採用,街道組建了三十人的宣講隊。",
    ],
}
GOOD = ["a_xinan.txt", "b_xinan_big5.txt", "c_fuyong.txt"]
BAD = {"d_empty.txt": "the file is empty", "e_binary.txt": "cannot be decoded"}
TABLES = ["word_frequencies_by_article", "word_frequencies", "statistics", "errors"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three articles (one in Big5-HKSCS), an empty file, a binary file and a file that is not *.txt."""
    folder = tmp_path_factory.mktemp("corpus")
    write_article(folder / GOOD[0], XINAN["title"], XINAN["paragraphs"], XINAN["captions"])
    write_article(folder / GOOD[1], XINAN["title"], XINAN["paragraphs"][:2], encoding="big5hkscs")
    write_article(folder / GOOD[2], FUYONG["title"], FUYONG["paragraphs"])
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def command(corpus, tmp_path_factory):
    """The corpus command run from the command line, in two worker processes."""
    out = tmp_path_factory.mktemp("corpus-out")
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", str(corpus), "--out", str(out), "--jobs", "2", "--quiet"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        check=False,
    )
    return run, out


@pytest.fixture(scope="module")
def tables(command):
    """The tables the command wrote, by name."""
    return {name: pd.read_csv(command[1] / f"{name}.csv", keep_default_na=False) for name in TABLES}


def test_command_succeeds_and_names_the_skipped_files(command):
    run, out = command
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    assert "3 articles analysed, 2 skipped" in run.stderr
    for name, problem in BAD.items():
        assert f"skipped {name}: {problem}" in run.stderr
    assert "Traceback" not in run.stderr


def test_errors_table_lists_each_bad_file_with_its_problem(corpus, tables):
    errors = tables["errors"]
    assert list(errors.columns) == ["article", "error"]
    assert sorted(errors["article"]) == sorted(BAD)
    for name, error in zip(errors["article"], errors["error"], strict=True):
        assert BAD[name] in error
        assert str(corpus) not in error, "the table names the file; the message is the problem, not a machine path"


def test_frequencies_per_article_are_the_studys_word_frequencies(corpus, tables):
    by_article = tables["word_frequencies_by_article"]
    assert list(by_article.columns) == ["article", "word", "count"]
    assert sorted(set(by_article["article"])) == GOOD
    for name in GOOD:
        expected = word_frequencies(load_article(corpus / name))[["word", "count"]]
        rows = by_article[by_article["article"] == name][["word", "count"]].reset_index(drop=True)
        pd.testing.assert_frame_equal(rows, expected, check_dtype=False)


def test_overall_counts_are_the_sum_of_the_articles_counts(tables):
    by_article, overall = tables["word_frequencies_by_article"], tables["word_frequencies"]
    assert list(overall.columns) == ["word", "count", "articles"]
    summed = by_article.groupby("word").agg(count=("count", "sum"), articles=("article", "nunique"))
    assert overall.set_index("word").sort_index().equals(summed.sort_index())
    assert overall["count"].is_monotonic_decreasing
    assert overall.set_index("word").loc["學習強國", "articles"] == 3


def test_statistics_carry_the_article_they_came_from(corpus, tables):
    statistics = tables["statistics"]
    assert statistics.columns[0] == "article"
    assert sorted(set(statistics["article"])) == GOOD
    for name in GOOD:
        assert (statistics["article"] == name).sum() == len(extract_statistics(load_article(corpus / name)))
    fuyong = statistics[statistics["article"] == "c_fuyong.txt"].set_index("text")
    assert float(fuyong.loc["8,200人", "value"]) == 8200 and fuyong.loc["8,200人", "subject"] == "註冊人數"
    assert fuyong.loc["2100人", "subject"] == "黨員"


def test_one_process_writes_the_same_tables(corpus, command, tmp_path):
    assert run_corpus(corpus, tmp_path, jobs=1, quiet=True) == 0
    for name in TABLES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (command[1] / f"{name}.csv").read_bytes(), name


def test_an_article_the_analysis_fails_on_is_listed_not_raised(monkeypatch):
    def fail(article):
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(corpus_module, "extract_statistics", fail)
    result = analyse_file(config.ARTICLE)
    assert result.error == "analysis failed: RuntimeError: deliberate failure"
    assert result.statistics is None and not result.counts


def test_folder_without_articles_exits_2(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert main(["corpus", str(tmp_path), "--quiet"]) == 2
    assert "no article files" in capsys.readouterr().err
    assert not (tmp_path.parent / f"{tmp_path.name}-corpus").exists()
