"""opsconsole's own tables in the database it manages: created the first time they are needed, race-free.

The audit log, approvals, sign-in attempts, console sessions, checklist ticks and the backup
catalogue live in the `opsconsole` schema of the managed database (state shared by every console
instance). `CREATE … IF NOT EXISTS` is not race-free — two sessions creating the same table at once
collide in the catalog — so every creation runs under a transaction-level advisory lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

SCHEMA = "opsconsole"
DDL_LOCK = 0x6F7073636F6E74  # one key for every creation in SCHEMA: they may all create the schema itself


def has_table(name: str, schema: str = SCHEMA) -> str:
    """SQL answering whether `schema.name` exists (for `ensure`'s `present`); names are opsconsole's own."""
    return f"SELECT to_regclass('{schema}.{name}') IS NOT NULL"


def ensure(conn: Connection, present: str, ddl: str, lock: int = DDL_LOCK) -> None:
    """Run `ddl` in the caller's transaction unless the query `present` answers true, serialised by `lock`."""
    if conn.exec_driver_sql(present).scalar():
        return
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({lock})")
    conn.exec_driver_sql(ddl)
