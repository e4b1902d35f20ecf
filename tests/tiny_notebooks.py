"""Notebooks of one code cell, for tests of the build that need a step other than the study's."""

import nbformat

from analysis.pipeline.steps import Step


def tiny_notebook(path, code):
    """A numbered notebook with the parameters cell and one code cell; returns its Step."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {path.stem}\n\n## Only section"),
        nbformat.v4.new_code_cell("article_path = None\nout = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code),
    ]
    for number, cell in enumerate(nb.cells):
        cell.id = f"cell-{number}"
    nbformat.write(nb, path)
    return step_of(path)


def step_of(path):
    """The Step of a test notebook."""
    return Step(path, f"{path.stem} title", "A test step.")
