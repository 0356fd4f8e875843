# Agent Atlas: every target sets up what it needs (virtual environment, packages) and then runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MERMAID := docs_build/snippets/mermaid
export NO_MKDOCS_2_WARNING := 1
#: `mkdocs serve` flags of `make serve`; the benchmark times an edit under the same ones.
SERVE_ARGS := --dirty

.PHONY: setup serve build build-corpus test check bench accuracy clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(MERMAID)/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# Mermaid diagrams are checked by the mermaid npm package; without Node they are reported unchecked.
	if command -v npm >/dev/null 2>&1; then npm ci --prefix $(MERMAID) --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: Mermaid snippets will be reported as unchecked"; fi
	touch $(STAMP)

serve: setup  ## live site on http://127.0.0.1:8000, rebuilt when content/ changes
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(SERVE_ARGS)

build: setup  ## strict build of the site into site/
	$(BIN)/mkdocs build --strict

build-corpus: setup  ## build the real-world corpus beside the checkout (not strict: it has real problems)
	DOCS_CONTENT_DIR=../shared/corpus $(BIN)/mkdocs build --site-dir site-corpus

test: setup  ## the whole test suite
	$(BIN)/pytest -q

check: setup  ## print every content problem as path:line: severity: message
	$(BIN)/python -m docs_build check

bench: setup  ## one table of speed, size and memory figures over ../shared, then the site search in Chromium (run.py about 15 min idle, BENCH_QUICK=1 about 10; search.py about 10 more)
	SERVE_ARGS="$(SERVE_ARGS)" $(BIN)/python bench/run.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/catalog.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/tricks.py

accuracy: setup  ## handoff precision, recall and target resolution per collection (tests/data/handoffs/devset)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/table_accuracy.py

clean:
	rm -rf site site-corpus $(VENV) *.egg-info
