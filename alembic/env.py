"""Alembic environment of the managed multi-tenant schema, in the stock `alembic init` shape.

Plain `alembic upgrade head` reads the database from DATABASE_URL (or `sqlalchemy.url`). opsconsole
runs this file unmodified like any project's env.py: it sets `sqlalchemy.url` to the database it
guards and substitutes its own locked connection when `context.configure()` is called.
"""

import os
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

import models

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = models.metadata


def database_url() -> str:
    """sqlalchemy.url when set (opsconsole sets it), else DATABASE_URL, on the psycopg2 driver we ship.

    Supabase and Replit hand out postgres:// and postgresql:// URLs; SQLAlchemy 2.1 rejects the first
    and maps the second to psycopg 3, which is not installed.
    """
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL", "")
    if not url:
        raise RuntimeError("set DATABASE_URL to the database to migrate")
    scheme, _, rest = url.partition("://")
    return f"postgresql+psycopg2://{rest}" if scheme in ("postgres", "postgresql") else url


def run_migrations_offline() -> None:
    """Render SQL without a database (alembic upgrade --sql)."""
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True,
                      dialect_opts={"paramstyle": "named"}, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect and migrate, one transaction per migration."""
    section = config.get_section(config.config_ini_section, {})
    section["sqlalchemy.url"] = database_url()
    connectable = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True,
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
