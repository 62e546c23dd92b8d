# Protokollarkivet — two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint lint-check bench stop clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: install, migrate, load the demo archive and serve on http://127.0.0.1:8000
run: $(STAMP)
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

## test: run the whole test suite (embedded PostgreSQL unless DATABASE_URL is set)
test: $(STAMP)
	SECRET_KEY=$${SECRET_KEY:-test-only-secret-key} $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

lint-check: $(STAMP)
	$(BIN)/python -m ruff check .

bench: $(STAMP)
	@set -e; for b in bench/*.py; do echo "== $$b"; DEBUG=1 $(BIN)/python $$b; done

## stop: stop the embedded PostgreSQL server if one was left running
stop: $(STAMP)
	$(BIN)/python -m minutes.embedded_db stop

## messages: recompile translations after editing locale/*/LC_MESSAGES/django.po (needs gettext)
messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

clean: stop
	rm -rf $(VENV) var staticfiles
