# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install demo test samples evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

## Run the nightly flow on the committed sample inbox.
demo: install
	$(BIN)/locate nightly --inbox data/samples/inbox --db $(OUT)/locate.duckdb --reports $(OUT)/reports --as-of 2026-11-27
	@echo
	@echo "Database:  $(OUT)/locate.duckdb   (duckdb -readonly $(OUT)/locate.duckdb)"
	@echo "Reports:   $(OUT)/reports/2026-11-27/"
	$(BIN)/locate evaluate --db $(OUT)/locate.duckdb --truth data/samples/truth

test: install
	$(BIN)/python -m pytest -q

## Regenerate the committed samples (fixed seed).
samples: install
	rm -rf data/samples
	$(BIN)/locate samples --out data/samples --debtors 300 --seed 20261127

clean:
	rm -rf $(OUT) .pytest_cache
