"""Build the study: run the numbered notebooks for each article, then publish its tables, figures and HTML reports.

A notebook runs only when its inputs changed (its own source, the analysis package, the word lists, the pinned
requirements, the article, and what the notebooks it reads wrote); the input hashes are kept beside the outputs in
`data/processed/<article>/build.json`. Notebooks that do not read each other's output run in parallel. Everything
is built in a staging folder first and moved into place only when every notebook of the article has succeeded, so a
failing or interrupted run leaves the previous good outputs as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from analysis import config
from analysis.exporting import write_json, write_text

MANIFEST = "build.json"
STAGING = ".build"
CELL_TIMEOUT = 600  # seconds a single cell may run before the build fails


class BuildError(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the error."""


@dataclass(frozen=True)
class Notebook:
    """A numbered notebook: its file, title, one-line summary, the notebooks whose output it reads and its number
    of code cells (a rough measure of how long it runs)."""

    path: Path
    title: str
    summary: str
    depends_on: tuple[str, ...]
    code_cells: int

    @property
    def name(self) -> str:
        """The notebook's file name without .ipynb, e.g. 01_load_and_clean."""
        return self.path.stem


@dataclass
class Outcome:
    """What a build did: notebooks executed and skipped, per article."""

    executed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_notebooks(directory: Path = config.NOTEBOOKS) -> list[Notebook]:
    """The numbered notebooks in order, with the title and question from their first cell."""
    notebooks = []
    for path in sorted(directory.glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        intro = "".join(nb["cells"][0]["source"]).splitlines()
        title = next((line.lstrip("# ").strip() for line in intro if line.startswith("# ")), path.stem)
        question = " ".join(line.strip() for line in intro if line.strip() and not line.startswith("#"))
        summary = re.split(r"(?<=[.?!])\s", question.replace("**Question.**", "").strip())[0]
        depends_on = tuple(nb["metadata"].get("xixiang", {}).get("depends_on", []))
        code_cells = sum(cell["cell_type"] == "code" for cell in nb["cells"])
        notebooks.append(Notebook(path, title, summary, depends_on, code_cells))
    return notebooks


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_fingerprint() -> str:
    """One hash of everything every notebook depends on: the analysis package, word lists and pinned requirements."""
    digest = hashlib.sha256()
    files = [*config.ROOT.joinpath("analysis").rglob("*"), *config.LEXICON.glob("*"), config.ROOT / "requirements.txt"]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(config.ROOT)}\0{sha256(path)}\n".encode())
    return digest.hexdigest()


def relative_files(root: Path) -> dict[str, Path]:
    """Every file below root, keyed by its path relative to root (POSIX form)."""
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def project_relative(path: Path) -> str:
    """A path relative to the project root when it lies inside it (so notebooks and logs show no machine paths)."""
    path = path.resolve()
    return path.relative_to(config.ROOT).as_posix() if path.is_relative_to(config.ROOT) else str(path)


class ArticleBuild:
    """The build of one article: which notebooks to run, their staging folders, and publishing their outputs."""

    def __init__(self, article: Path, out: Path, notebooks: list[Notebook], fingerprint: str, html: bool):
        self.article, self.out, self.notebooks, self.html = article, out, notebooks, html
        self.paths = config.article_paths(article, out)
        self.slug = self.paths.processed.name
        self.stage = out / STAGING / self.slug
        self.base_key = hashlib.sha256(f"{fingerprint}\0{sha256(article)}".encode()).hexdigest()
        manifest = self.paths.processed / MANIFEST
        self.manifest = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        self.results: dict[str, dict] = {}

    def data_of(self, name: str) -> dict[str, Path]:
        """Where the tables a notebook wrote are: its staging folder if it ran in this build, else data/processed."""
        if name in self.results:
            found = {rel: self.stage / name / rel for rel in self.results[name]["outputs"]}
        else:
            found = {rel: self.out / rel for rel in self.manifest.get(name, {}).get("outputs", {})}
        return {rel: path for rel, path in found.items() if rel.startswith("data/")}

    def key(self, notebook: Notebook) -> str:
        """Hash of a notebook's inputs: the shared code, the article, its own source and what its dependencies wrote."""
        digest = hashlib.sha256(f"{self.base_key}\0{sha256(notebook.path)}\n".encode())
        for dep in notebook.depends_on:
            for rel, path in sorted(self.data_of(dep).items()):
                digest.update(f"{dep}\0{rel}\0{sha256(path)}\n".encode())
        return digest.hexdigest()

    def up_to_date(self, notebook: Notebook) -> bool:
        """Whether the published outputs of a notebook were built from exactly its current inputs."""
        entry = self.manifest.get(notebook.name)
        if not entry or entry["inputs"] != self.key(notebook):
            return False
        return all((self.out / rel).is_file() and sha256(self.out / rel) == h for rel, h in entry["outputs"].items())

    def run(self, notebook: Notebook) -> None:
        """Execute a notebook into its staging folder and, for a full build, render its HTML report there."""
        key = self.key(notebook)
        stage = self.stage / notebook.name
        shutil.rmtree(stage, ignore_errors=True)
        copied = set()
        for dep in notebook.depends_on:
            for rel, path in self.data_of(dep).items():
                (stage / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, stage / rel)
                copied.add(rel)
        executed = execute(notebook, self.article, stage)
        if self.html:
            from analysis.rendering import render_html

            write_text(stage / "reports" / self.slug / f"{notebook.name}.html", render_html(executed, notebook.title))
        outputs = {rel: sha256(p) for rel, p in relative_files(stage).items() if rel not in copied}
        self.results[notebook.name] = {"inputs": key, "outputs": outputs}

    def publish(self) -> None:
        """Move every staged output into place, drop outputs a notebook no longer writes, and record the hashes."""
        for name, result in self.results.items():
            # a figures-only build writes no reports, so it cannot tell which old outputs are stale
            stale = set(self.manifest.get(name, {}).get("outputs", {})) - set(result["outputs"]) if self.html else set()
            for rel in sorted(result["outputs"]):
                target = self.out / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.stage / name / rel, target)
            for rel in sorted(stale):
                (self.out / rel).unlink(missing_ok=True)
            if self.html:
                self.manifest[name] = result
        if self.html:
            write_json(self.paths.processed / MANIFEST, dict(sorted(self.manifest.items())))

    def clean(self) -> None:
        """Remove this article's staging folder (and the staging root once empty)."""
        shutil.rmtree(self.stage, ignore_errors=True)
        for folder in (self.stage.parent,):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def execute(notebook: Notebook, article: Path, out: Path):
    """Run a notebook with papermill for one article, writing under `out`; BuildError names the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    parameters = {"article_path": project_relative(article), "out": project_relative(out)}
    try:
        return papermill.execute_notebook(
            str(notebook.path),
            None,
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(config.ROOT),
            execution_timeout=CELL_TIMEOUT,
            # the kernel's own log is not the notebook's output: it warns that TCP is unencrypted, and logs an
            # ERROR for the interrupt jupyter_client always sends before shutting a kernel down; cell errors still
            # reach us through papermill
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as error:
        first_line = error.source.strip().splitlines()[0] if error.source.strip() else ""
        raise BuildError(
            f"{project_relative(notebook.path)} failed for {project_relative(article)} at cell [{error.exec_count}] "
            f"({first_line!r}): {error.ename}: {error.evalue}"
        ) from None


def import_runners(html: bool) -> None:
    """Import papermill (and nbconvert for reports) in this thread before any worker does: two threads importing
    jupyter_client's modules at once can find them half-initialised."""
    import papermill  # noqa: F401

    if html:
        import nbconvert  # noqa: F401


def build(
    articles: list[Path],
    out: Path,
    html: bool = True,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    notebooks_dir: Path = config.NOTEBOOKS,
) -> Outcome:
    """Build every article: run the notebooks whose inputs changed, in parallel where they allow, then publish.

    With html=False (figures only) every notebook runs, its tables and figures are published, reports are not.
    """
    notebooks = read_notebooks(notebooks_dir)
    fingerprint = code_fingerprint()
    builds = [ArticleBuild(a, out, notebooks, fingerprint, html) for a in articles]
    outcome = Outcome()
    pending = {(b, nb.name): nb for b in builds for nb in notebooks}
    # start first what others wait for, then the longest (most code cells): two cores finish together sooner
    waited_for = Counter(dep for nb in notebooks for dep in nb.depends_on)

    def priority(item):
        """Sort key for a pending notebook."""
        (_, name), nb = item
        return -waited_for[name], -nb.code_cells

    running: dict[Future, tuple[ArticleBuild, Notebook]] = {}
    done: set[tuple[int, str]] = set()
    try:
        with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
            while pending or running:
                for (b, name), nb in sorted(pending.items(), key=priority):
                    if all((id(b), dep) in done for dep in nb.depends_on):
                        del pending[(b, name)]
                        if html and b.up_to_date(nb):
                            done.add((id(b), name))
                            outcome.skipped.append((b.slug, name))
                            if progress:
                                progress(f"{b.slug}/{name}: up to date")
                        else:
                            import_runners(html)
                            running[pool.submit(b.run, nb)] = (b, nb)
                if not running:
                    if pending:
                        names = ", ".join(sorted({name for _, name in pending}))
                        raise BuildError(f"notebooks {names} depend on notebooks that do not exist")
                    continue
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    b, nb = running.pop(future)
                    future.result()
                    done.add((id(b), nb.name))
                    outcome.executed.append((b.slug, nb.name))
                    if progress:
                        progress(f"{b.slug}/{nb.name}: executed")
        for b in builds:
            b.publish()
    finally:
        for b in builds:
            b.clean()
    if html:
        from analysis.rendering import write_index

        write_index(out)
    return outcome
