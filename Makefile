# harvester: `make harvest` sets up and runs the offline demo harvest; `make test` sets up and runs the tests;
# `make bench` (or `make bench-quick`) installs the benchmark extra and runs the benchmarks.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: harvest test setup clean bench bench-quick

harvest: $(VENV)/.installed  ## set up, then harvest the saved seed search over HTTP on 127.0.0.1 into output/
	$(BIN)/harvester demo --out output

test: $(VENV)/.test-installed  ## set up (with the test extra), then run the whole test suite, on every core
	@# bytecode written even where PYTHONDONTWRITEBYTECODE is set (as in many containers): else each worker rewrites
	@# the asserts of every test module again, and each harvester process a test starts compiles harvester again
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist worksteal

setup: $(VENV)/.test-installed  ## set up .venv with every optional part (the test extra: Parquet, Excel, the browser, the tests)

bench: $(VENV)/.bench-installed  ## run the benchmarks (a few minutes); figures in bench/results/latest.{json,md}
	$(BIN)/python -m bench $(ARGS)

bench-quick: $(VENV)/.bench-installed  ## the benchmarks on 200 pages, memory at 2,000 (two or three minutes); bench/results/quick.*
	$(BIN)/python -m bench --quick $(ARGS)

SOURCES := $(shell find harvester -name '*.py' -o -name '*.csv' -o -name '*.txt')

$(VENV)/.installed: pyproject.toml $(SOURCES)
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; run: make PYTHON=/path/to/python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet '.[test]'
	@touch $@

$(VENV)/.bench-installed: $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet '.[test,bench]'
	@touch $@

clean:  ## remove .venv and everything in output/ (the demo's folder: harvest your own searches elsewhere)
	rm -rf $(VENV) output/*.csv output/*.json output/*.jsonl output/*.parquet output/*.xlsx output/*.sqlite output/*.html \
		output/archive output/pdfs output/.harvester \
		.pytest_cache build *.egg-info
