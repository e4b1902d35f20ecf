# The Xixiang article study. `make help` lists the targets; `make report` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ARTICLES ?= 100000
# a copy of the SIGHAN 2005 bakeoff (icwb2-data), not shipped: `make bench ICWB2=DIR` adds its segmentation table
ICWB2 ?=

.DEFAULT_GOAL := help
.PHONY: help report figures test lab bench lint clean

## List the targets
help:
	@awk '/^## /{doc=substr($$0, 4); next} /^[a-z][a-z-]*:/{if (doc) printf "  make %-8s %s\n", substr($$1, 1, length($$1) - 1), doc; doc=""}' $(MAKEFILE_LIST)

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

## Run every notebook, export figures/ and render reports/ (only what changed is rebuilt)
report: $(INSTALLED)
	$(BIN)/python -m analysis report

## Re-export the tables in data/processed/ and the charts in figures/ that are out of date (not the reports)
figures: $(INSTALLED)
	$(BIN)/python -m analysis report --figures-only

## Run the tests: unit tests, every notebook from a clean kernel, reproducible exports
test: $(INSTALLED)
	$(BIN)/python -m pytest

## Open JupyterLab at the project root (notebooks/, data/, figures/, reports/) with the project's environment
lab: $(INSTALLED)
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR)

## Measure build and analysis speed, the corpus command on ARTICLES=100000 (an hour); ICWB2=DIR: SIGHAN 2005 scores
bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/corpus_bench.py --articles $(ARTICLES)
	$(if $(ICWB2),$(BIN)/python benchmarks/sighan.py --icwb2 $(ICWB2))

## Check the code style with ruff
lint: $(INSTALLED)
	$(BIN)/ruff check analysis tests benchmarks

## Remove the environment and caches (not the committed exports)
clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache .hypothesis .build
