"""Build the study: run the numbered notebooks for each article, then publish its tables, charts and HTML reports.

A notebook runs only when its inputs changed (its own source, the analysis package, the word lists, the pinned
requirements, the article, and what the notebooks it reads wrote); the input hashes are kept beside the outputs in
`data/processed/<article>/build.json`. Notebooks that do not read each other's output run in parallel.

One build at a time writes to an output folder (a lock in `<out>/.build/lock`; a second build waits for it).
Everything is built in a staging folder, `<out>/.build/<article>/`, and published only when every notebook of the
article has succeeded: a journal of the moves is written first, then the files are moved into place, and a build
that was killed half-way through publishing is completed by the next one, so tables and charts of two runs are never
left side by side. Staging folders of a killed run are removed by the next run.

The corpus reports (the corpus notebooks, run on the tables of `python -m analysis corpus`) are built the same way
(build_corpus), into the tables' folder.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from analysis import config
from analysis.files import LOCK, inside, locked, write_json, write_text
from analysis.pipeline import kernels
from analysis.pipeline.kernels import WarmProcess
from analysis.pipeline.rendering import (
    cjk_characters,
    exporter_class,
    likely_font,
    prepare_index,
    render_html,
    write_index,
)
from analysis.pipeline.steps import Step, corpus_steps, study_steps
from analysis.reports import style
from analysis.reports.commentary import commentary_file
from analysis.words.segmenting import compiled_dictionary

STAGING = ".build"
JOURNAL = ".publish.json"  # suffix of a publish journal in the staging root, one per article
SET_ASIDE = ".unreadable"  # added to a publish journal that cannot be carried out; kept for a look, never read again
CELL_TIMEOUT = 600  # seconds a single cell may run before the build fails
# errors a notebook meets when the output folder cannot take its files: the folder's fault, not the notebook's
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


class BuildError(RuntimeError):
    """The build cannot go on; the one-line message says what failed and where."""


@dataclass
class Outcome:
    """What a build did: notebooks executed and skipped, per article."""

    executed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def tell(message: str) -> None:
    """Tell the person running the build something (stderr, so that it does not mix with output); the default
    notify."""
    print(message, file=sys.stderr)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ignored(path: Path) -> bool:
    """Whether a file is not part of the sources: hidden (checkpoints, editor swap files), cache or backup."""
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts) or path.name.endswith(
        ("~", ".bak", ".orig", ".pyc")
    )


def fingerprinted_files(root: Path = config.ROOT) -> list[Path]:
    """The files every notebook depends on: the package's modules and report templates, the word lists, the
    researchers' commentaries and the pinned requirements."""
    package, data = root / "analysis", root / "data"
    files = [*package.rglob("*.py"), *(package / "pipeline" / "templates").rglob("*"),
             *(data / "lexicon").glob("*.txt"),
             *(data / "commentary").glob("*.md")]
    files.append(root / "requirements.txt")
    return sorted(p for p in files if p.is_file() and not ignored(p.relative_to(root)))


def code_fingerprint(root: Path = config.ROOT) -> str:
    """One hash of everything every notebook depends on (see fingerprinted_files)."""
    digest = hashlib.sha256()
    for path in fingerprinted_files(root):
        digest.update(f"{path.relative_to(root).as_posix()}\0{sha256(path)}\n".encode())
    return digest.hexdigest()


def relative_files(root: Path) -> dict[str, Path]:
    """Every file below root except hidden ones (partial writes), keyed by its path relative to root (POSIX form)."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and not ignored(p.relative_to(root)))
    return {p.relative_to(root).as_posix(): p for p in files}


def project_relative(path: Path) -> str:
    """A path relative to the project root when it lies inside it (so notebooks and logs show no machine paths)."""
    path = path.resolve()
    return path.relative_to(config.ROOT).as_posix() if path.is_relative_to(config.ROOT) else str(path)


def check_word_lists() -> None:
    """Read the word lists before anything runs, so that a bad entry stops the build naming its file and line."""
    from analysis.wordlists import WordListError, read_user_dictionary, read_word_list

    for name, read in (("userdict.txt", read_user_dictionary), ("stopwords.txt", read_word_list)):
        try:
            read(config.LEXICON / name)
        except WordListError as error:
            raise BuildError(str(error)) from None


def distinct_articles(articles: list[Path]) -> list[Path]:
    """The articles, each file once (the same file given twice is built once); BuildError when two different files
    would write to one output folder."""
    unique = list(dict.fromkeys(Path(a).resolve() for a in articles))
    owners: dict[str, Path] = {}
    for article in unique:
        name = config.slug(article)
        # casefolded: on macOS and Windows `A` and `a` are one folder
        other = owners.setdefault(name.casefold(), article)
        if other != article:
            raise BuildError(
                f"{project_relative(other)} and {project_relative(article)} would both write to the output folder "
                f"{name!r}: rename one of them"
            )
    return unique


def check_steps(steps: list[Step]) -> None:
    """BuildError unless every notebook exists and reads only earlier notebooks' outputs."""
    seen: set[str] = set()
    for step in steps:
        if not step.path.is_file():
            raise BuildError(f"{project_relative(step.path)}: notebook not found")
        late = [name for name in step.reads if name not in seen]
        if late:
            raise BuildError(f"{step.name} reads {', '.join(late)}, which is not an earlier notebook")
        seen.add(step.name)


# a cell showing a chart (analysis.reports.charting.show) draws it, saves it as PNG and SVG and shows it: about half
# a second here, five times an ordinary cell
CHART = re.compile(r"\bshow\(")
CHART_WEIGHT = 5


def estimated_cost(step: Step) -> int:
    """A rough measure of how long a notebook runs, in ordinary code cells: each of its code cells, a cell that
    shows a chart counting CHART_WEIGHT."""
    nb = json.loads(step.path.read_text(encoding="utf-8"))
    code = ["".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "code"]
    return sum(CHART_WEIGHT if CHART.search(source) else 1 for source in code)


def read_journal(out: Path, journal: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """A publish journal's moves and deletes, as paths inside `out`; ValueError, KeyError or TypeError when it cannot
    be read (torn by a kill, damaged) or names a path outside `out`."""
    plan = json.loads(journal.read_text(encoding="utf-8"))
    moves = [(inside(out, staged), inside(out, target)) for staged, target in plan["moves"]]
    return moves, [inside(out, rel) for rel in plan["deletes"]]


def complete_publish(out: Path, journal: Path) -> None:
    """Carry out a publish journal: move every file still staged into place, delete stale outputs, drop the journal.
    Safe to repeat: a file already moved is no longer staged."""
    moves, deletes = read_journal(out, journal)
    for staged, target in moves:
        if staged.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    for path in deletes:
        path.unlink(missing_ok=True)
    journal.unlink()


def recover(out: Path, notify: Callable[[str], None]) -> None:
    """Complete the publishing a killed build left half done (a journal that cannot be carried out is set aside: the
    outputs it would have moved are rebuilt), then remove every staging folder it left behind (called with the lock
    held, so no other build is using them)."""
    staging = out / STAGING
    for journal in sorted(staging.glob(f"*{JOURNAL}")):
        slug = journal.name.removesuffix(JOURNAL)
        try:
            complete_publish(out, journal)
        except (ValueError, KeyError, TypeError) as error:
            aside = journal.with_name(journal.name + SET_ASIDE)
            journal.replace(aside)
            notify(f"set aside the publish journal of {slug}, which cannot be carried out ({type(error).__name__}: "
                   f"{error}), as {aside.name}; its notebooks run again")
            continue
        notify(f"completed publishing {slug}, which an earlier build left unfinished")
    for path in sorted(staging.iterdir()):
        if path.name != LOCK.name and not path.name.endswith(SET_ASIDE):
            try:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            except OSError as error:
                raise BuildError(f"cannot remove {path}, which an earlier build left: {error.strerror or error}; "
                                 "remove it, then build again") from None
            notify(f"removed {path.name} from {staging}, which an earlier build left")


def likely_characters(article: Path, steps: list[Step]) -> str:
    """The CJK characters an article's reports will most likely show: the article's, its commentary's, the notebooks'
    and those in the package's code (chart titles) but for patterns matched against the article (PATTERNS), which
    show only what the article has. Only a speed-up of cutting fonts: a report with others is still right."""
    code = [path for path in fingerprinted_files() if path.suffix == ".py" and not is_patterns(path)]
    sources = [step.path for step in steps] + code
    commentary = commentary_file(config.slug(article))
    # the article and its commentary are checked later, by the notebooks that read them: undecodable bytes skipped
    texts = [path.read_bytes().decode("utf-8", "ignore") for path in (article, commentary) if path.is_file()]
    texts += [path.read_text(encoding="utf-8") for path in sources]
    return cjk_characters("".join(texts))


# the loader's page layouts and the extraction's dates and numerals: a third of the package's CJK characters, a third
# of the time it takes to cut the likely characters' font
PATTERNS = ("analysis.reading.layouts", "analysis.numbers.dates", "analysis.numbers.numerals")


def is_patterns(path: Path) -> bool:
    """Whether a module of the package holds patterns read against articles (PATTERNS, by module name)."""
    module = ".".join(path.relative_to(config.ROOT).with_suffix("").parts)
    return any(module == name or module.startswith(f"{name}.") for name in PATTERNS)


def read_manifest(path: Path, out: Path) -> dict:
    """The hashes a previous build recorded; none (so everything is rebuilt) when it is missing, unreadable or names
    an output outside `out`."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        for entry in manifest.values():
            if not isinstance(entry["inputs"], str) or not isinstance(entry["outputs"], dict):
                return {}
            for rel in entry["outputs"]:
                inside(out, rel)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return manifest


def is_report(rel: str) -> bool:
    """Whether an output (relative to the output folder) is an HTML report."""
    return rel.startswith("reports/")


class ArticleBuild:
    """The build of one article: which notebooks to run, their staging folders, and publishing their outputs."""

    def __init__(self, article: Path, out: Path, steps: list[Step], fingerprint: str, html: bool,
                 warm: WarmProcess | None = None):
        self.article, self.out, self.steps, self.html, self.warm = article, out, steps, html, warm
        self.slug = self.folder()
        self.stage = out / STAGING / self.slug
        self.journal = out / STAGING / f"{self.slug}{JOURNAL}"
        self.base_key = hashlib.sha256(f"{fingerprint}\0{self.source_hash()}".encode()).hexdigest()
        self.manifest = read_manifest(self.manifest_path(), out)
        self.likely = self.characters()
        self.results: dict[str, dict] = {}

    def folder(self) -> str:
        """The name of the folders this build's outputs go to (under data/processed/, figures/, reports/)."""
        return config.slug(self.article)

    def characters(self) -> str:
        """The CJK characters the reports will most likely show (see likely_characters)."""
        return likely_characters(self.article, self.steps)

    def source_hash(self) -> str:
        """Hash of what the notebooks read besides the code: the article."""
        return sha256(self.article)

    def manifest_path(self) -> Path:
        """Where the hashes of this build's inputs and outputs are kept."""
        return config.output_paths(self.slug, self.out).manifest

    def parameters(self, stage: Path) -> dict[str, str]:
        """The notebooks' parameters, writing under `stage`."""
        return {"article_path": project_relative(self.article), "out": project_relative(stage)}

    def data_of(self, name: str) -> dict[str, Path]:
        """Where the tables a notebook wrote are: its staging folder if it ran in this build, else data/processed."""
        if name in self.results:
            found = {rel: self.stage / name / rel for rel in self.results[name]["outputs"]}
        else:
            found = {rel: self.out / rel for rel in self.manifest.get(name, {}).get("outputs", {})}
        return {rel: path for rel, path in found.items() if rel.startswith("data/")}

    def key(self, step: Step) -> str:
        """Hash of a notebook's inputs: the shared code, the article, its own source and what the notebooks it reads
        wrote."""
        digest = hashlib.sha256(f"{self.base_key}\0{sha256(step.path)}\n".encode())
        for dep in step.reads:
            for rel, path in sorted(self.data_of(dep).items()):
                digest.update(f"{dep}\0{rel}\0{sha256(path)}\n".encode())
        return digest.hexdigest()

    def up_to_date(self, step: Step) -> bool:
        """Whether the published outputs of a notebook were built from exactly its current inputs."""
        entry = self.manifest.get(step.name)
        if not entry or entry["inputs"] != self.key(step):
            return False
        if self.html and not any(is_report(rel) for rel in entry["outputs"]):
            return False  # built by a figures-only run: its report is still to render
        return all((self.out / rel).is_file() and sha256(self.out / rel) == h for rel, h in entry["outputs"].items())

    def run(self, step: Step):
        """Execute a notebook into its staging folder; returns the executed notebook, for render()."""
        key = self.key(step)
        stage = self.stage / step.name
        shutil.rmtree(stage, ignore_errors=True)
        copied = set()
        for dep in step.reads:
            for rel, path in self.data_of(dep).items():
                (stage / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, stage / rel)
                copied.add(rel)
        where = f"{project_relative(step.path)} for {project_relative(self.article)}"
        executed = execute(step, self.parameters(stage), where, self.out, self.warm)
        outputs = {rel: sha256(p) for rel, p in relative_files(stage).items() if rel not in copied}
        self.results[step.name] = {"inputs": key, "outputs": outputs}
        return executed

    def render(self, step: Step, executed) -> None:
        """Render an executed notebook's HTML report into its staging folder, beside the files it wrote."""
        outputs = self.results[step.name]["outputs"]
        page = config.output_paths(self.slug, self.stage / step.name).report(step.name)
        write_text(page, render_html(executed, step, self.steps, list(outputs), self.likely))
        outputs[page.relative_to(self.stage / step.name).as_posix()] = sha256(page)
        self.results[step.name]["outputs"] = dict(sorted(outputs.items()))

    def publish(self) -> None:
        """Move every staged output into place as one step: a journal of the moves first, then the moves."""
        moves, previous = [], set()
        for name, result in self.results.items():
            moves += [((self.stage / name / rel).relative_to(self.out).as_posix(), rel) for rel in result["outputs"]]
            # a figures-only build renders no report: the old one stays until a full build replaces it
            before = self.manifest.get(name, {}).get("outputs", {})
            previous |= {rel for rel in before if self.html or not is_report(rel)}
            self.manifest[name] = result
        # what a notebook no longer writes goes, unless another one writes it now (a table moved between notebooks)
        deletes = sorted(previous - {rel for entry in self.manifest.values() for rel in entry.get("outputs", {})})
        staged = self.stage / "build.json"
        moves.append((staged.relative_to(self.out).as_posix(), self.manifest_path().relative_to(self.out).as_posix()))
        try:
            write_json(staged, dict(sorted(self.manifest.items())))
            write_json(self.journal, {"moves": sorted(moves, key=lambda m: m[1].endswith("build.json")),
                                      "deletes": deletes})
        except OSError as error:
            raise BuildError(f"cannot publish {self.slug} to {self.out}: {error.strerror or error}; "
                             "previous outputs kept") from None
        try:
            complete_publish(self.out, self.journal)
        except OSError as error:
            raise BuildError(f"publishing {self.slug} to {self.out} stopped: {error.strerror or error}; the next build "
                             "completes it") from None

    def clean(self) -> None:
        """Remove this article's staging folder, unless a publish journal still needs what is in it."""
        if not self.journal.exists():
            shutil.rmtree(self.stage, ignore_errors=True)


def output_error(evalue: str) -> str | None:
    """The system's reason when a notebook's error is the output folder refusing a file (disk full, read-only)."""
    found = re.match(r"\[Errno (\d+)\] ([^:]+)", evalue)
    return found.group(2) if found and int(found.group(1)) in OUTPUT_ERRNOS else None


def execute(step: Step, parameters: dict[str, str], where: str, out: Path, warm: WarmProcess | None = None):
    """Run a notebook with papermill with these parameters, in a kernel forked from `warm` if given; BuildError says
    what failed and `where` (the output folder `out`, when it refused a file)."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    try:
        return papermill.execute_notebook(
            str(step.path),
            None,
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(config.ROOT),
            execution_timeout=CELL_TIMEOUT,
            # the kernel's own log is not the notebook's output: it logs an ERROR for the interrupt jupyter_client
            # always sends before shutting a kernel down; cell errors still reach us through papermill
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            kernel_manager_class=kernels.manager_class(warm),
            # a widget's state is for a live JupyterLab; a report runs no scripts and shows the explorer's first state
            store_widget_state=False,
        )
    except PapermillExecutionError as error:
        reason = output_error(error.evalue)
        if reason:
            raise BuildError(f"cannot write the outputs of {where} under {out}: {reason}") from None
        first_line = error.source.strip().splitlines()[0] if error.source.strip() else ""
        raise BuildError(
            f"{where} failed at cell [{error.exec_count}] ({first_line!r}): {error.ename}: {error.evalue}"
        ) from None
    except CellTimeoutError:
        raise BuildError(f"{where}: a cell ran longer than the limit of {CELL_TIMEOUT} s and was stopped") from None
    except DeadKernelError:
        raise BuildError(f"{where}: the kernel died while a cell ran (out of memory, or killed)") from None


def import_runners(html: bool) -> None:
    """Import papermill (and nbconvert, to render) in this thread before any worker runs: two threads importing
    jupyter_client's modules at once can find them half-initialised. Done while the warm process is still importing."""
    import papermill  # noqa: F401

    if html:
        exporter_class()


def build(
    articles: list[Path],
    out: Path,
    html: bool = True,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    steps: list[Step] | None = None,
    wait_seconds: float = -1,
    notify: Callable[[str], None] = tell,
) -> Outcome:
    """Build every article: run the notebooks whose inputs changed, in parallel where they allow, then publish.

    With html=False (figures only) only notebooks whose tables or charts are out of date run, and reports are not
    rendered. `wait_seconds` is how long to wait for another build of the same output folder (< 0: as long as it
    takes, 0: not at all).
    """
    steps = steps if steps is not None else study_steps()
    articles = distinct_articles(articles)
    check_word_lists()
    return build_all(lambda fingerprint, warm: [ArticleBuild(a, out, steps, fingerprint, html, warm)
                                                 for a in articles], out, steps, steps, html, jobs, progress,
                     wait_seconds, notify)


class CorpusBuild(ArticleBuild):
    """The build of the corpus reports: the corpus notebooks run on the tables of `python -m analysis corpus`, their
    charts, tables and reports published in the tables' folder (figures/corpus/, processed/corpus/, reports/corpus/)."""

    def folder(self) -> str:
        return "corpus"

    def characters(self) -> str:
        """None at all: the corpus's words are too many to cut a font for ahead of its reports."""
        return ""

    def source_hash(self) -> str:
        """Hash of the corpus tables (every CSV the corpus command wrote)."""
        return hashlib.sha256("".join(f"{p.name}\0{sha256(p)}\n" for p in sorted(self.article.glob("*.csv")))
                              .encode()).hexdigest()

    def manifest_path(self) -> Path:
        return self.out / "reports" / "corpus" / "build.json"

    def parameters(self, stage: Path) -> dict[str, str]:
        return {"tables": project_relative(self.article), "out": project_relative(stage)}


def build_corpus(tables: Path, jobs: int | None = None, progress: Callable[[str], None] | None = None,
                 wait_seconds: float = -1, notify: Callable[[str], None] = tell) -> Outcome:
    """Run the corpus notebooks whose inputs changed on a corpus run's tables and publish their reports in the tables'
    folder, as build() does an article's."""
    tables, steps = Path(tables).resolve(), corpus_steps()
    return build_all(lambda fingerprint, warm: [CorpusBuild(tables, tables, steps, fingerprint, True, warm)],
                     tables, steps, study_steps(), True, jobs, progress, wait_seconds, notify)


def build_all(make: Callable[[str, WarmProcess | None], list[ArticleBuild]], out: Path, steps: list[Step],
              index_steps: list[Step], html: bool, jobs: int | None, progress: Callable[[str], None] | None,
              wait_seconds: float, notify: Callable[[str], None]) -> Outcome:
    """Under the output folder's lock, run the builds `make` gives (with the code's fingerprint and the warm process),
    publish them and rewrite the index (listing articles by `index_steps`) if anything changed."""
    check_steps(steps)
    # started first, so that its imports overlap the hashing below and the first notebooks wait for it the least
    warm = WarmProcess(kernels.imported_modules([step.path for step in steps])) if kernels.supported() else None
    try:
        fingerprint = code_fingerprint()
        outcome = Outcome()
        with locked(out, wait_seconds, notify, BuildError):
            recover(out, notify)
            builds = make(fingerprint, warm)
            try:
                run_all(builds, steps, html, jobs, progress, outcome)
                for b in builds:
                    b.publish()
            finally:
                for b in builds:
                    b.clean()
            # the index is made from what is published: it changes only when a build publishes something
            if html and (outcome.executed or not (out / "reports" / "index.html").is_file()):
                write_index(out, index_steps, "".join(b.likely for b in builds))
    finally:
        if warm:
            warm.close()
    return outcome


def in_the_gaps() -> None:
    """Lower this thread's CPU priority (Linux, where a thread has its own), so that it runs when kernels leave a core
    idle."""
    if sys.platform == "linux":
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def run_all(builds: list[ArticleBuild], steps: list[Step], html: bool, jobs: int | None,
            progress: Callable[[str], None] | None, outcome: Outcome) -> None:
    """Run every notebook that is out of date, in parallel where what they read allows."""
    pending = {(b, step.name): step for b in builds for step in steps}
    # start first what others wait for, then the longest (estimated_cost): two cores finish together sooner
    waited_for = Counter(dep for step in steps for dep in step.reads)
    cost = {step.name: estimated_cost(step) for step in steps}

    def priority(item):
        """Sort key for a pending notebook."""
        (_, name), _ = item
        return -waited_for[name], -cost[name]

    # a notebook's report renders in this process while the notebooks that read its tables already run
    running: dict[Future, tuple[ArticleBuild, Step, str]] = {}
    ready: dict[tuple[ArticleBuild, str], Step] = {}
    done: set[tuple[int, str]] = set()
    started = False
    workers = jobs or os.cpu_count() or 1
    with ThreadPoolExecutor(workers) as pool, ThreadPoolExecutor(1, initializer=in_the_gaps) as renderer:
        while pending or ready or running:
            for (b, name), step in list(pending.items()):
                if all((id(b), dep) in done for dep in step.reads):
                    del pending[(b, name)]
                    if b.up_to_date(step):
                        done.add((id(b), name))
                        outcome.skipped.append((b.slug, name))
                        if progress:
                            progress(f"{b.slug}/{name}: up to date")
                    else:
                        ready[(b, name)] = step
            # each started as a worker frees, so that the longest of those ready by then goes first
            free = workers - sum(task == "run" for _, _, task in running.values())
            for (b, name), step in sorted(ready.items(), key=priority)[:max(free, 0)]:
                del ready[(b, name)]
                if not started:
                    # compiled here while the warm process imports, not after, in it (when the cache is cold)
                    compiled_dictionary()
                    import_runners(html)
                    for likely in dict.fromkeys(each.likely for each in builds if each.likely) if html else ():
                        renderer.submit(likely_font, likely)  # what the first report would cut
                    if html:
                        renderer.submit(prepare_index)  # pandas, no jupyter module: safe beside this thread
                    renderer.submit(style.font_file)  # the word cloud's, written while kernels start, if missing
                    started = True
                running[pool.submit(b.run, step)] = (b, step, "run")
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                b, step, task = running.pop(future)
                try:
                    executed = future.result()
                except OSError as error:  # staging the notebook's files or its report: the folder's fault
                    raise BuildError(
                        f"cannot write the outputs of {step.name} for {b.slug} under {b.out}: "
                        f"{error.strerror or error}"
                    ) from None
                if task == "run":
                    done.add((id(b), step.name))
                    outcome.executed.append((b.slug, step.name))
                    if progress:
                        progress(f"{b.slug}/{step.name}: executed")
                    if html:
                        running[renderer.submit(b.render, step, executed)] = (b, step, "render")
