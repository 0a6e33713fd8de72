# Two commands a newcomer needs: `make run` (console on the embedded database) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# `plans` is global on purpose in the shipped schema (same default as start.sh).
export OPSCONSOLE_GLOBAL_TABLES ?= plans

.PHONY: install run test deploy-check bench clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "opsconsole needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	./start.sh

test: install
	$(PY) -m pytest -q

deploy-check: install
	$(PY) -m opsconsole guard --strict

bench: install
	$(PY) benchmarks/guard.py
	$(PY) benchmarks/counts.py

clean:
	rm -rf $(VENV) .opsconsole .pytest_cache
