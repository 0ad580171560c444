# The two commands the README opens with: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench install clean

$(BIN)/nianbao: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,ocr]'
	@touch $@

install: $(BIN)/nianbao

# Generate sample reports with our own renderer, parse them back and show one.
demo: install
	$(BIN)/nianbao demo --out demo

test: install
	$(BIN)/ruff check nianbao tests benchmarks
	$(BIN)/python -m pytest tests

lint: install
	$(BIN)/ruff check nianbao tests benchmarks
	$(BIN)/ruff format --check nianbao tests benchmarks

bench: install
	$(BIN)/python benchmarks/bench_parse.py --n 1000
	$(BIN)/python benchmarks/bench_check.py --n 1000

clean:
	rm -rf $(VENV) demo .pytest_cache .ruff_cache .hypothesis
