#!/usr/bin/env bash
# Platform entry point (Replit's run command): switch the platform's automatic migrations off,
# apply pending migrations through opsconsole's guarded upgrade, then start the console.
export DISABLE_AUTO_MIGRATIONS=true
set -uo pipefail
cd "$(dirname "$0")"
# `plans` is global on purpose (no tenant column); the tenant-isolation check skips it.
export OPSCONSOLE_GLOBAL_TABLES="${OPSCONSOLE_GLOBAL_TABLES:-plans}"

PY="${OPSCONSOLE_PYTHON:-python3}"
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
# A platform that runs this script directly (Replit) may not have installed the requirements yet.
if ! "$PY" -c 'import streamlit, alembic, pgserver, pglast' 2>/dev/null; then
  echo "start.sh: installing the requirements (about 30 s, only the first time)…"
  "$PY" -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "start.sh: no DATABASE_URL, so the embedded PostgreSQL runs under ${OPSCONSOLE_HOME:-.opsconsole}/ (first start: ~10 s)…"
fi

# The guarded upgrade refuses (and logs why) rather than apply anything unsafe; the console still
# starts so the Overview page can show the reason.
"$PY" -m opsconsole upgrade --by start-up || echo "start.sh: the guarded upgrade applied nothing; open the console to see why" >&2
if [ -z "${DATABASE_URL:-}" ]; then
  "$PY" -m opsconsole demo || echo "start.sh: demo data was not seeded" >&2
fi

echo "start.sh: starting the console on http://localhost:${PORT:-8501} (set PORT to use another port)…"
exec "$PY" -m streamlit run app.py --server.headless true --server.address 0.0.0.0 \
  --server.port "${PORT:-8501}" --browser.gatherUsageStats false
