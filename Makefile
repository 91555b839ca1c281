# The two commands of the README are `make serve` and `make test`; both install
# everything they need first (a virtual environment in .venv, system packages
# through scripts/setup-system.sh when a test needs them).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install fonts system serve build check test schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

fonts:                   ## Debian fonts with Vietnamese coverage, embedded in PDFs and banners
	bash scripts/setup-system.sh fonts

system:                  ## the fonts, and chromium for the browser tests
	bash scripts/setup-system.sh fonts browser

serve: install fonts     ## install, build the bundled content, serve on http://127.0.0.1:8000
	$(BIN)/ctxh serve

build: install fonts
	$(BIN)/ctxh build

check: install
	$(BIN)/ctxh check

test: install system     ## install, then run the whole test suite, on every core
	$(BIN)/python -m pytest -n auto

schema: install          ## rewrite schemas/*.schema.json from the models
	$(BIN)/ctxh schema

bench: install system    ## benchmark: synthetic corpora of 1,000 and 10,000 documents (prints figures)
	$(BIN)/python tests/bench/downloads.py
	$(BIN)/python tests/bench/bench.py
	$(BIN)/python tests/bench/reload_time.py

clean:
	rm -rf site .ctxh-build-* .pytest_cache .hypothesis
