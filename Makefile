# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check lint typecheck bench-import clean system-packages

# PyICU builds against the system's ICU, and the browser tests drive Debian's Chromium:
# install them with the system package manager when missing (as root, or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

system-packages:
	@pkg-config --exists icu-uc 2>/dev/null || { \
	  echo "installing libicu-dev and pkg-config (needed by PyICU)"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libicu-dev pkg-config; }
	@test -x /usr/bin/chromium || { \
	  echo "installing chromium (driven by the browser tests; never \`playwright install\`)"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

$(STAMP): pyproject.toml | system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build a demo database with generated data on SQLite and serve it on 127.0.0.1:8000.
demo: $(STAMP)
	INTERLINK_DATA_DIR=$${INTERLINK_DATA_DIR:-var/demo} $(BIN)/interlink demo

## The whole suite: lint, types, tests on SQLite and PostgreSQL.
test: $(STAMP) check
	$(BIN)/pytest -n 2 --durations=30

check: lint typecheck

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

bench-import: $(STAMP)
	$(BIN)/python bench/import.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
