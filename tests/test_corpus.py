"""The corpus command: a folder of articles into corpus tables, written partition by partition; a bad file is listed
and skipped, not fatal."""

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from articles import HTML_PAGES, XINAN, write_article
from corpus_articles import written

from analysis import config, extract_statistics, load_article, quoted_phrases, word_frequencies
from analysis.__main__ import main
from analysis.corpus import analysing as corpus_module
from analysis.corpus import partitions as partition_module
from analysis.corpus.analysing import RECORD, chunked, run_corpus
from analysis.corpus.partitions import (
    PARTITIONS,
    analyse_file,
    analyse_partition,
    article_row,
    keyed,
    partition_tables,
)
from analysis.numbers.extracting import COLUMNS
from analysis.reading.script import to_simplified
from analysis.words.frequency import word_counts

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
TABLES = ["articles", "word_frequencies_by_article", "word_frequencies", "statistics", "reported_numbers",
          "quoted_phrases", "errors", "claims", "contradictions"]
EXPORTS = ["antconc_word_list.txt", "document_term.mtx", "document_term_documents.txt", "document_term_vocabulary.txt"]


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
        [sys.executable, "-m", "analysis", "corpus", str(corpus), "--out", str(out), "--jobs", "2", "--quiet",
         "--tables-only"],
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
    expected = [*(f"{n}.csv" for n in TABLES), *EXPORTS, PARTITIONS, "texts", RECORD, ".build"]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert not list(out.rglob("*.part")), "no temporary file is left behind"
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


def test_a_partitions_statistics_are_extract_statistics_of_each_article(corpus):
    tables = partition_tables([analyse_file(corpus / name) for name in GOOD])
    expected = [extract_statistics(load_article(corpus / name)).assign(article=name) for name in GOOD]
    pd.testing.assert_frame_equal(tables["statistics"], pd.concat(expected, ignore_index=True)[["article", *COLUMNS]])


def test_one_process_writes_the_same_tables(corpus, command, tmp_path):
    assert run_corpus(corpus, tmp_path, jobs=1, quiet=True) == 0
    assert written(tmp_path) == written(command[1])


def test_tables_are_the_same_bytes_whatever_the_partition_size(corpus, command, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "PARTITION_SIZE", 1)
    assert run_corpus(corpus, tmp_path, jobs=1, quiet=True) == 0
    assert len(list((tmp_path / PARTITIONS).glob("statistics-*.csv"))) == 5, "one partition per file"
    assert written(tmp_path) == written(command[1])


def test_each_article_is_in_one_partition_and_the_tables_are_the_partitions_in_order(command, tables):
    out = command[1]
    for name in partition_module.PARTITION_TABLES:
        parts = [pd.read_csv(p, keep_default_na=False) for p in sorted((out / PARTITIONS).glob(f"{name}-*.csv"))]
        pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), tables[name], check_dtype=False)
    owners = {}
    for path in sorted((out / PARTITIONS).glob("articles-*.csv")):
        for article in pd.read_csv(path)["article"]:
            assert article not in owners, f"{article} is in {owners.get(article)} and {path.name}"
            owners[article] = path.name
    assert sorted(owners) == GOOD


def test_a_partition_returns_only_overall_counts_and_errors(corpus, tmp_path):
    files = sorted(corpus.glob("*.txt"))
    summary = analyse_partition(tmp_path, 7, files)
    assert summary.analysed == len(GOOD) and [a for a, _ in summary.errors] == sorted(BAD)
    assert summary.forms == sum((analyse_file(f).counts for f in files), Counter())
    assert summary.counts == keyed(summary.forms)
    assert summary.articles["学习强国"] == len(GOOD)
    assert summary.scripts == {"traditional": len(GOOD)}
    assert sorted(p.name for p in (tmp_path / PARTITIONS).iterdir()) == [
        "articles-00007.csv", "quoted_phrases-00007.csv", "reported_numbers-00007.csv", "statistics-00007.csv",
        "word_frequencies_by_article-00007.csv"]
    assert vars(summary).keys() == {"counts", "articles", "forms", "scripts", "errors", "analysed", "chars", "undated"}
    assert summary.undated == 0, "every good article of the corpus is dated"


def test_chunks_cover_the_files_in_order_and_keep_every_worker_busy():
    for count, jobs in [(100, 1), (100, 2), (100, 8), (5, 8), (10_000, 2)]:
        files = [f"{i:05d}.txt" for i in range(count)]
        chunks = chunked(files, jobs)
        assert [f for chunk in chunks for f in chunk] == files
        assert len(chunks) >= min(count, 3 * jobs), "each worker gets several chunks"
        assert max(map(len, chunks)) <= corpus_module.PARTITION_SIZE


def test_a_second_run_with_fewer_files_leaves_no_partition_of_the_first(corpus, tmp_path):
    assert run_corpus(corpus, tmp_path, jobs=1, quiet=True) == 0
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    (fewer / GOOD[2]).write_bytes((corpus / GOOD[2]).read_bytes())
    out = tmp_path / "out"
    assert run_corpus(corpus, out, jobs=1, quiet=True) == 0
    assert run_corpus(fewer, out, jobs=1, quiet=True) == 0
    assert pd.read_csv(out / "articles.csv")["article"].tolist() == [GOOD[2]]
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["c_fuyong.txt"]
    assert len(list((out / PARTITIONS).iterdir())) == len(partition_module.PARTITION_TABLES)


def test_quoted_phrases_are_each_articles_quotations(corpus, tables):
    quoted = tables["quoted_phrases"]
    for name in GOOD:
        expected = quoted_phrases(load_article(corpus / name))[["phrase", "count"]]
        rows = quoted[quoted["article"] == name][["phrase", "count"]].reset_index(drop=True)
        pd.testing.assert_frame_equal(rows, expected, check_dtype=False)
    assert (quoted["phrase"] == "學習強國").sum() == len(GOOD)


def test_articles_table_describes_each_good_article(corpus, tables):
    articles = tables["articles"].set_index("article")
    assert sorted(articles.index) == GOOD
    for name in GOOD:
        article = load_article(corpus / name)
        row = articles.loc[name]
        assert (row["title"], row["published"], row["source"], row["outlet"]) == (
            article.title, article.published.isoformat(), article.source, article.outlet)
        assert row["chars"] == len(article.text)
        assert row["words"] == word_frequencies(article)["count"].sum()
        assert row["script"] == "traditional"


def test_an_article_the_analysis_fails_on_is_listed_not_raised(monkeypatch):
    def fail(article):
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(partition_module, "statistics_columns", fail)
    result = analyse_file(config.ARTICLE)
    assert result.error == "analysis failed: RuntimeError: deliberate failure"
    assert result.statistics is None and not result.counts


def test_folder_without_articles_exits_2(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert main(["corpus", str(tmp_path), "--quiet"]) == 2
    assert "no article files" in capsys.readouterr().err
    assert not (tmp_path.parent / f"{tmp_path.name}-corpus").exists()


def test_an_output_folder_that_cannot_be_written_is_a_one_line_error(corpus, tmp_path, capsys):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert main(["corpus", str(corpus), "--out", str(blocked / "out"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"corpus: cannot write the tables to {blocked / 'out'}: ") and err.count("\n") == 1


def test_jobs_below_one_is_refused(corpus, tmp_path, capsys):
    assert main(["corpus", str(corpus), "--out", str(tmp_path), "--jobs", "0", "--quiet"]) == 2
    assert capsys.readouterr().err == "corpus: --jobs must be at least 1, not 0\n"


def test_publication_known_to_the_day_or_not_at_all_is_described_as_such():
    article = load_article(config.ARTICLE)
    counts = word_counts(article.text)
    assert article_row(article, counts)["published"] == "2021-07-29T10:24:00+08:00"
    assert article_row(replace(article, published=date(2021, 7, 29)), counts)["published"] == "2021-07-29"
    assert article_row(replace(article, published=None), counts)["published"] == ""
    assert article_row(article, counts)["words"] == sum(counts.values())


@pytest.mark.parametrize(("out", "how"), [("S", "holds"), ("S/texts", "is"), ("S/texts/tables", "lies inside")])
def test_an_out_that_holds_or_lies_inside_the_folder_is_refused(corpus, tmp_path, capsys, out, how):
    folder = tmp_path / "S" / "texts"
    folder.mkdir(parents=True)
    (folder / GOOD[2]).write_bytes((corpus / GOOD[2]).read_bytes())
    assert main(["corpus", str(folder), "--out", str(tmp_path / out), "--quiet", "--tables-only"]) == 2
    err = capsys.readouterr().err
    assert err == (f"corpus: the output folder {tmp_path / out} {how} the folder of articles {folder}: "
                   "choose another --out\n")
    assert [p.name for p in folder.iterdir()] == [GOOD[2]], "the input is untouched, and no output joins it"


def test_a_run_removes_only_files_an_earlier_run_recorded_writing(corpus, tmp_path):
    out = tmp_path / "out"
    for rel in ("texts/mine.txt", "partitions/notes.csv", "elsewhere.txt"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("the researcher's own", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("outside the output folder", encoding="utf-8")
    assert run_corpus(corpus, out, jobs=1, quiet=True) == 0
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))["written"]
    assert "texts/c_fuyong.txt" in record and "partitions/articles-00000.csv" in record
    record += ["texts/../../victim.txt", "partitions/../../victim.txt", "../victim.txt", str(victim)]
    (out / RECORD).write_text(json.dumps({"written": record}), encoding="utf-8")
    assert run_corpus(corpus, out, jobs=1, quiet=True) == 0
    for rel in ("texts/mine.txt", "partitions/notes.csv", "elsewhere.txt"):
        assert (out / rel).read_text(encoding="utf-8") == "the researcher's own"
    assert victim.read_text(encoding="utf-8") == "outside the output folder"
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["a_xinan.txt", "b_xinan_big5.txt", "c_fuyong.txt",
                                                                 "mine.txt"]


def test_a_text_and_a_web_page_of_one_name_keep_two_segmented_texts(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    write_article(folder / "same.txt", XINAN["title"], XINAN["paragraphs"])
    html, _ = HTML_PAGES["hkcd"]()
    (folder / "same.html").write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    assert run_corpus(folder, out, jobs=1, quiet=True) == 0
    texts = sorted((out / "texts").iterdir())
    assert len(texts) == 2 and all(p.name.startswith("same-") for p in texts)
    assert texts[0].read_bytes() != texts[1].read_bytes()


def test_a_partition_whose_process_dies_is_retried_once_then_listed(corpus, tmp_path, monkeypatch):
    attempts = tmp_path / "attempts"
    analyse = partition_module.analyse_file

    def dies_on_fuyong(path):
        if path.name == GOOD[2]:
            with attempts.open("a") as file:
                file.write("died\n")
            os._exit(9)  # as the kernel's out-of-memory killer ends a process: no exception, no clean-up
        return analyse(path)

    monkeypatch.setattr(partition_module, "analyse_file", dies_on_fuyong)
    out = tmp_path / "out"
    assert run_corpus(corpus, out, jobs=2, quiet=True) == 0
    assert attempts.read_text().count("died") == 2, "tried, then retried once"
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert errors["article"].tolist() == sorted([*BAD, GOOD[2]])
    assert errors.set_index("article").loc[GOOD[2], "error"] == corpus_module.DIED
    assert pd.read_csv(out / "articles.csv")["article"].tolist() == GOOD[:2]
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["a_xinan.txt", "b_xinan_big5.txt"]


def test_a_link_to_a_file_outside_the_folder_is_listed_not_read(corpus, tmp_path):
    folder, elsewhere = tmp_path / "c", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / GOOD[2]).write_bytes((corpus / GOOD[2]).read_bytes())
    write_article(elsewhere / "secret.txt", XINAN["title"], XINAN["paragraphs"])
    (folder / "passwd.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "same.txt").symlink_to(folder / GOOD[2])
    out = tmp_path / "out"
    assert run_corpus(folder, out, jobs=1, quiet=True) == 0
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert errors.values.tolist() == [["passwd.txt", corpus_module.OUTSIDE]]
    assert pd.read_csv(out / "articles.csv")["article"].tolist() == [GOOD[2], "same.txt"], "a link inside is read"
    assert "passwd" not in "".join(p.name for p in (out / "texts").iterdir())


def test_a_run_in_which_no_article_could_be_read_fails(corpus, tmp_path, capsys):
    folder = tmp_path / "c"
    folder.mkdir()
    for name in BAD:
        (folder / name).write_bytes((corpus / name).read_bytes())
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert "0 articles analysed, 2 skipped" in capsys.readouterr().err
    assert sorted(pd.read_csv(tmp_path / "out" / "errors.csv")["article"]) == sorted(BAD)


def test_a_full_disk_under_a_corpus_run_is_one_line(corpus, tmp_path, capsys, monkeypatch):
    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(corpus_module, "write_csv", disk_full)
    assert main(["corpus", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err == f"corpus: cannot write the tables to {tmp_path / 'out'}: No space left on device\n"


def test_ctrl_c_is_one_line(corpus, tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus_module, "run_corpus", interrupted)
    assert main(["corpus", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 130
    assert capsys.readouterr().err == "corpus: interrupted\n"


def test_dask_workers_that_keep_dying_are_one_line(corpus, tmp_path, capsys, monkeypatch):
    from distributed import KilledWorker

    from analysis.corpus import dask_runner

    def killed(*args):
        raise KilledWorker("run_partition-3", None, 3)

    monkeypatch.setattr(dask_runner, "run_dask", killed)
    assert main(["corpus", str(corpus), "--out", str(tmp_path), "--scheduler", "dask", "--quiet"]) == 1
    assert capsys.readouterr().err == ("corpus: Dask workers died 4 times running run_partition-3 (out of memory, or "
                                       "killed); no tables written\n")


def test_a_word_is_one_row_whatever_its_script_shown_as_most_of_the_corpus_writes(tmp_path):
    # two Simplified articles and one Traditional about volunteers, written for this test
    paragraphs = ["社區志願者隨著黨員走訪長者，志願者服務受到歡迎。", "志願者協助長者登記，黨員志願者也參與。"]
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_article(folder / "a_traditional.txt", "社區志願者服務長者", paragraphs)
    for name in ("b_simplified.txt", "c_simplified.txt"):
        # tw2s: as a mainland outlet prints it (随着; t2s leaves 著)
        simplified = [to_simplified(p, "tw2s") for p in paragraphs]
        write_article(folder / name, to_simplified("社區志願者服務長者"), simplified)
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--tables-only"]) == 0
    read = {name: pd.read_csv(tmp_path / "out" / f"{name}.csv", keep_default_na=False)
            for name in ("word_frequencies", "word_frequencies_by_article")}
    overall = read["word_frequencies"].set_index("word")
    assert "志願者" not in overall.index and "黨員" not in overall.index and "党员" in overall.index
    assert not {"隨著", "随着"} & set(overall.index), "a stop word in either script"
    assert overall.loc["志愿者", "count"] == 3 * 5 and overall.loc["志愿者", "articles"] == 3
    by_article = read["word_frequencies_by_article"]
    assert set(by_article[by_article["word"] == "志愿者"]["article"]) == {
        "a_traditional.txt", "b_simplified.txt", "c_simplified.txt"}
    vocabulary = (tmp_path / "out" / "document_term_vocabulary.txt").read_text(encoding="utf-8").split()
    assert vocabulary == list(read["word_frequencies"]["word"])
