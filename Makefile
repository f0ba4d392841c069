# The whole set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,all]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/iso37122 demo -o report.html

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples docs
	$(BIN)/ruff format --check src tests benchmarks examples docs

typecheck: $(STAMP)
	$(BIN)/mypy --strict src tests benchmarks examples docs

pytest: $(STAMP)
	$(BIN)/pytest

# The documentation site, offline, warnings as errors; the indicator and variable references,
# the error codes and the JSON Schemas are generated from the code at build time (docs/hooks.py).
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

test: lint typecheck pytest docs

# Many hypothesis examples for the fuzz tests (`make test` runs few).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_profile.py
	$(BIN)/python benchmarks/bench_bounds.py

clean:
	rm -rf $(VENV) site build dist src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
