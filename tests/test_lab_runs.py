"""A researcher's own runs: a notebook run by hand on another article writes into studies/, never into the committed
study; a page without a full date is said in plain words, never as a warning with a source line."""

import shutil
import subprocess
import sys

import papermill
import pytest
from articles import write_article
from report_articles import SHORT, write

from analysis import config
from analysis.__main__ import main
from analysis.corpus.analysing import run_corpus
from analysis.pipeline.steps import study_steps


def undated(folder, name="undated"):
    """The shortest article, its date line taken out."""
    path = write(folder, name, SHORT)
    path.write_text(path.read_text(encoding="utf-8").replace("2022-03-15 09:30\n", ""), encoding="utf-8")
    return path


def test_the_studys_own_articles_write_into_the_project():
    assert config.article_paths().processed == config.PROCESSED / config.ARTICLE.stem
    assert config.article_paths(config.ARTICLE.relative_to(config.ROOT)).figures == config.FIGURES / config.ARTICLE.stem


def test_another_article_without_out_writes_into_studies(tmp_path):
    other = write_article(tmp_path / "2022-03-15_other.txt", "標題", ["段落。"])
    paths = config.article_paths(other)
    assert paths.processed == config.STUDIES / "data" / "processed" / "2022-03-15_other"
    assert paths.reports == config.STUDIES / "reports" / "2022-03-15_other"
    assert config.article_paths(other, tmp_path / "out").figures == tmp_path / "out" / "figures" / "2022-03-15_other"


def test_studies_are_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", "-q", "studies/data/processed/x/article.json"], cwd=config.ROOT,
                             check=False)
    assert ignored.returncode == 0


@pytest.mark.slow
def test_a_notebook_run_by_hand_on_another_article_leaves_the_committed_study_alone(tmp_path):
    article = write_article(tmp_path / "2022-03-15_lab-run.txt", "實驗室的標題", ["實驗室的段落有3個數字。"])
    committed = sorted(p.name for p in config.PROCESSED.iterdir())
    existed = config.STUDIES.exists()
    try:
        papermill.execute_notebook(str(study_steps()[0].path), str(tmp_path / "run.ipynb"),
                                   parameters={"article_path": str(article)}, cwd=str(config.NOTEBOOKS),
                                   progress_bar=False)
        assert (config.STUDIES / "data" / "processed" / "2022-03-15_lab-run" / "article.json").is_file()
        assert sorted(p.name for p in config.PROCESSED.iterdir()) == committed
    finally:
        for folder in ("data/processed", "figures", "reports"):
            shutil.rmtree(config.STUDIES / folder / "2022-03-15_lab-run", ignore_errors=True)
        if not existed:
            shutil.rmtree(config.STUDIES, ignore_errors=True)


def test_the_command_line_says_a_missing_date_in_one_line(tmp_path, monkeypatch, capsys):
    from analysis.pipeline import building

    page = undated(tmp_path)
    monkeypatch.setattr(building, "build", lambda articles, out, **kwargs: None)
    main(["report", str(page), "--out", str(tmp_path / "out"), "--quiet"])
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"report: {page}: no publication date on the page; published is None"]


def test_a_corpus_counts_its_undated_articles_instead_of_warning(tmp_path, capfd):
    folder = tmp_path / "texts"
    folder.mkdir()
    undated(folder, "a")
    write(folder, "b", SHORT)
    assert run_corpus(folder, tmp_path / "out", jobs=1, quiet=True) == 0
    err = capfd.readouterr().err
    assert "corpus: 2 articles analysed, 1 of them undated (published empty in articles.csv), 0 skipped" in err
    assert "Warning" not in err and "published is None" not in err


@pytest.mark.slow
def test_an_undated_articles_reports_say_so_once_and_show_no_warning(tmp_path):
    page = undated(tmp_path)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "analysis", "report", str(page), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, cwd=config.ROOT, check=False)
    assert run.returncode == 0, run.stderr
    reports = {p.stem: p.read_text(encoding="utf-8") for p in (out / "reports" / "undated").glob("*.html")}
    assert len(reports) == len(study_steps())
    for name, text in reports.items():
        assert "published is None" not in text, name
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in text, name
    assert reports["01_load_and_clean"].count("The page gives no publication date") == 1
