"""Alembic environment of the managed schema.

Runs on the connection opsconsole hands in through ``config.attributes["connection"]``; run by the
plain ``alembic`` command it connects with opsconsole's settings, so both share one URL, one driver
and the same timeouts. Supabase's own schemas and opsconsole's bookkeeping are never compared.
"""

from __future__ import annotations

from alembic import context

import models
from opsconsole.settings import SUPABASE_SCHEMAS, load_settings

config = context.config
settings = load_settings()
target_metadata = models.metadata


def include_name(name, type_, parent_names):  # noqa: ANN001, ANN201 - Alembic hook signature
    """Compare only the configured application schemas."""
    if type_ == "schema":
        return (name or "public") in settings.schemas and name not in SUPABASE_SCHEMAS
    return True


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN201
    """Leave opsconsole's own tables alone."""
    return not (type_ == "table" and (name or "").startswith("opsconsole_"))


def _configure(**kwargs) -> None:  # noqa: ANN003
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        compare_server_default=False,
        transaction_per_migration=True,
        include_schemas=len(settings.schemas) > 1,
        include_name=include_name,
        include_object=include_object,
        **kwargs,
    )


def run_migrations_offline() -> None:
    """Render SQL without a database (alembic upgrade --sql)."""
    _configure(url="postgresql+psycopg2://", literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run on opsconsole's connection, or open one from opsconsole's settings."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from opsconsole.db import connect

    with connect(settings) as connection:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
