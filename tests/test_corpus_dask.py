"""The corpus run on Dask: a LocalCluster of two worker processes writes the same files as the local pool."""

import time

import pytest
from articles import XINAN, write_article
from corpus_articles import written

from analysis.__main__ import main
from analysis.corpus.analysing import run_corpus
from analysis.corpus.partitions import PARTITIONS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Four tiny articles and a file that is not one."""
    folder = tmp_path_factory.mktemp("dask-corpus")
    for number in range(4):
        write_article(folder / f"article_{number}.txt", XINAN["title"], XINAN["paragraphs"][number:])
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_dask_on_a_local_cluster_writes_the_same_bytes_as_the_local_pool(corpus, tmp_path):
    assert run_corpus(corpus, tmp_path / "local", jobs=2, quiet=True) == 0
    assert run_corpus(corpus, tmp_path / "dask", jobs=2, quiet=True, scheduler="dask") == 0
    local, dask = written(tmp_path / "local"), written(tmp_path / "dask")
    assert "statistics.csv" in dask and "texts/article_3.txt" in dask
    assert dask == local
    assert b"empty.txt,the file is empty" in dask["errors.csv"]
    assert sorted(p.name for p in (tmp_path / "dask" / PARTITIONS).iterdir()) == sorted(
        p.name for p in (tmp_path / "local" / PARTITIONS).iterdir())


def test_an_unreachable_scheduler_is_a_one_line_error(corpus, tmp_path, capsys):
    start = time.monotonic()
    code = main(["corpus", str(corpus), "--out", str(tmp_path), "--quiet", "--scheduler", "dask",
                 "--scheduler-address", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot run on the Dask scheduler tcp://127.0.0.1:9" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert time.monotonic() - start < 30
