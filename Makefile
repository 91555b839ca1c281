# The two commands of the README are `make serve` and `make test`; both install
# everything they need first (a virtual environment in .venv; for the tests only,
# Debian's chromium and a Java runtime through scripts/setup-system.sh).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system serve build check test schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

system:                  ## chromium for the browser tests, Java for the HTML checker
	bash scripts/setup-system.sh

serve: install           ## install, build the bundled content, serve on http://127.0.0.1:8000
	$(BIN)/ctxh serve

build: install
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
