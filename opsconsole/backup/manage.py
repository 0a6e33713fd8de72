"""List, download (CSV) and delete backups; the locked, audited connection restore and delete share."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from opsconsole import audit
from opsconsole.settings import Settings

from . import store
from .store import BACKUP_SCHEMA, CATALOGUE_SCHEMA, Backup, BackupError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def list_backups(settings: Settings, tenant: str | None = None) -> list[Backup]:
    """Return every backup, newest first; with `tenant`, only those holding that tenant's rows."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        return store.load(conn, tenant=tenant)


def tenant_losses(settings: Settings, tenant: str) -> list[dict[str, object]]:
    """What tenant X lost and can get back: one line per backup holding its rows."""
    return [{"backup_id": b.id, "revision": b.revision, "table": b.table, "kept": b.kept,
             "rows": b.tenants.get(str(tenant), 0), "created_at": b.created_at.isoformat(), "created_by": b.created_by}
            for b in list_backups(settings, tenant=str(tenant))]


def backup_csv(settings: Settings, backup_id: int) -> str:
    """Return one backup's rows as CSV with a header line, ordered by its key (see Backup.csv_note)."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        backup = store.one(conn, backup_id)
        order = ", ".join(store.quote(c) for c in backup.key_columns) or "1"
        cursor = conn.connection.dbapi_connection.cursor()  # COPY streams the server's own text form
        out = io.StringIO()
        try:
            cursor.copy_expert(f"COPY (SELECT * FROM {store.qualified(BACKUP_SCHEMA, backup.backup_table)} "
                               f"ORDER BY {order}) TO STDOUT WITH (FORMAT csv, HEADER true)", out)
        finally:
            cursor.close()
        return out.getvalue()


def delete_backup(settings: Settings, backup_id: int, by: str) -> Backup:
    """Drop one backup's copy and catalogue row under the upgrade lock; the audit log records it."""
    by = _actor(by)
    with locked(settings, by) as conn:
        with conn.begin():
            backup = store.one(conn, backup_id)
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {store.qualified(BACKUP_SCHEMA, backup.backup_table)}")
            conn.exec_driver_sql(f"DELETE FROM {CATALOGUE_SCHEMA}.backups WHERE id = %(id)s", {"id": backup.id})
            audit.record(conn, actor=by, action="backup-delete", outcome="ok", to_rev=backup.revision,
                         settings=settings, error=f"deleted backup {backup.id} of {backup.table} ({backup.kept}, "
                                                  f"{backup.rows} row(s))")
        return backup


@contextmanager
def locked(settings: Settings, by: str) -> Iterator[Connection]:
    """A connection of its own holding the upgrade lock (refused while an upgrade or restore runs)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from opsconsole.alembic_env import lock
    from opsconsole.db import database_url, explain_connect_error

    engine = create_engine(database_url(settings), poolclass=NullPool,
                           connect_args={"connect_timeout": settings.connect_timeout_s,
                                         "application_name": "opsconsole",
                                         "options": f"-c lock_timeout={int(settings.lock_timeout_ms)} "
                                                    "-c statement_timeout=0"})
    try:
        try:
            conn = engine.connect()
        except Exception as exc:  # driver errors: say why and what to do
            raise explain_connect_error(exc, settings) from None
        try:
            if not lock.try_lock(conn, by):
                holder = lock.holder(conn) or "in another session"
                conn.rollback()
                raise BackupError(f"an upgrade or restore is already running {holder}; wait for it to finish.")
            try:
                yield conn
            finally:
                lock.release(conn)
        finally:
            conn.close()
    finally:
        engine.dispose()


def _actor(by: str) -> str:
    by = (by or "").strip()
    if not by or len(by) > 100 or any(not ch.isprintable() for ch in by):
        raise BackupError("say who is doing this (--by NAME: up to 100 printable characters); the audit log "
                          "records it.")
    return by
