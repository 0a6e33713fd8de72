#!/bin/bash
# Replit runs this on every start and on publish.
export DISABLE_AUTO_MIGRATIONS=true
alembic upgrade head
exec gunicorn --bind 0.0.0.0:5000 app.main:app
