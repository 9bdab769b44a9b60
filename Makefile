# Parcours: `make run` to try it, `make test` to check it. Each target sets up what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: help install run demo test lint format bench load messages clean

help:
	@echo "make run     set everything up and serve the app at http://127.0.0.1:8000 (SQLite)"
	@echo "make test    the whole suite, browser tests included, on a throwaway PostgreSQL"
	@echo "make lint    ruff check + format --check"
	@echo "make bench   benchmarks on a throwaway PostgreSQL; prints the figures"
	@echo "make load    25 then 50 simulated editors against the production server (LOAD_ARGS=...)"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)
	$(PY) bin/compile_messages.py

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	bin/system-deps
	bin/with-postgres $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	bin/system-deps
	bin/with-postgres $(PY) -m bench

load: install
	bin/system-deps
	bin/with-postgres $(PY) -m bench.load $(LOAD_ARGS)

messages: install
	$(PY) manage.py makemessages --locale fr --no-obsolete --no-location -i ".venv/*" -i "tests/*" -i "bench/*"
	$(PY) bin/compile_messages.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
