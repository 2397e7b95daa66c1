# factcheck: `make run` sets everything up and serves the app; `make test` runs the whole test suite.
# PYTHON names the interpreter the virtualenv is built from: Python 3.11 or newer (`make run PYTHON=python3.12`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Runtime packages for `make run`; the test and lint tools only for the targets that need them.
RUNTIME := $(VENV)/.runtime-installed
DEVTOOLS := $(VENV)/.dev-installed
DEV := DEBUG=true

.PHONY: python-check install install-runtime run setup test lint format bench eval clean

# Checked before anything is installed, so a wrong interpreter costs a second, not two minutes of pip.
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "factcheck needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>/dev/null || echo 'not runnable here')."; \
	  echo "Install one and point make at it, e.g.  make run PYTHON=python3.11  (then 'make clean' if .venv exists)."; \
	  exit 1; }

$(BIN)/python: | python-check
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(RUNTIME)

$(DEVTOOLS): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(RUNTIME) $(DEVTOOLS)

install-runtime: python-check $(RUNTIME)

# axe-core for the browser tests' accessibility checks, from the npm registry (package-lock.json pins it).
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm not found: the browser tests' accessibility checks will skip (apt-get install npm)"; fi

install: python-check $(DEVTOOLS) $(AXE)

setup: install-runtime
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_seeds
	$(DEV) $(BIN)/python manage.py create_demo_users

run: setup
	@echo "factcheck at http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/python bench/eval_extraction.py --check
	@echo "eval: every extraction target met"

bench: install
	$(BIN)/python bench/bench_extraction.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
