"""The one place that runs a managed project's Alembic environment (its env.py and migrations)."""
