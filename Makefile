# Two commands a newcomer needs: `make run` (console on the embedded database) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# `make test TESTS=tests/test_guard.py` runs one file; empty runs the whole suite.
TESTS ?=
# `make bench BENCH_ARGS=--no-wide` skips the 1,000-table × 10,000-tenant database (built in ~10-60 s).
BENCH_ARGS ?=
# `plans` is global on purpose in the shipped schema (same default as start.sh).
export OPSCONSOLE_GLOBAL_TABLES ?= plans

.PHONY: install browser run test deploy-check bench clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "opsconsole needs Python 3.11 or newer (set PYTHON=python3.11)")'
	@echo "make: installing dependencies into $(VENV) (about 30 s, only the first time)…"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@
	@echo "make: dependencies installed."

install: $(VENV)/.installed

# The end-to-end test drives Debian's Chromium: installed with apt-get when missing, or one line
# saying what to install (never a silent skip).
browser:
	@bash tests/install_chromium.sh

run: install
	./start.sh

test: install browser
	$(PY) -m pytest -q $(TESTS)

# The guard before publishing. In a pull request, annotate the migrations too:
#   python -m opsconsole analyze alembic/versions --format github    (workflow annotations on the line)
#   python -m opsconsole analyze alembic/versions --format sarif > analyze.sarif    (code scanning)
deploy-check: install
	$(PY) -m opsconsole guard --strict

bench: install
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .opsconsole .pytest_cache
