"""Where backups live: the `opsconsole_backup` schema (copies) and the catalogue in `opsconsole`.

The copies sit in a schema of their own — never in a managed schema, never compared by the drift
check, never exposed by Supabase's API (it only serves the schemas it is told to). The catalogue
says what each copy is: revision, source table, kind, columns and types, primary key, rows, bytes,
rows per tenant, who applied the step and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from opsconsole.owntables import SCHEMA as CATALOGUE_SCHEMA
from opsconsole.owntables import ensure, has_table
from opsconsole.errors import OpsConsoleError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

BACKUP_SCHEMA = "opsconsole_backup"
ROWS, COLUMNS = "rows", "columns"  # whole rows / primary key + the columns' values
_DDL_LOCK = 0x6F7073636F6E62  # its own key: the catalogue is created inside an upgrade step's transaction
_NOT_CSV = {"bytea": "binary data is written hex-escaped (\\x…)",
            "money": "money is written in the server's locale format (lc_monetary)"}

_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {CATALOGUE_SCHEMA};
CREATE SCHEMA IF NOT EXISTS {BACKUP_SCHEMA};
CREATE TABLE IF NOT EXISTS {CATALOGUE_SCHEMA}.backups (
    id            bigserial PRIMARY KEY,
    revision      text NOT NULL,
    source_schema text NOT NULL,
    source_table  text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('rows', 'columns')),
    rules         text[] NOT NULL,
    columns       jsonb NOT NULL,
    key_columns   text[] NOT NULL,
    value_columns text[] NOT NULL,
    backup_table  text NOT NULL DEFAULT '',
    rows          bigint NOT NULL DEFAULT 0,
    bytes         bigint NOT NULL DEFAULT 0,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS {CATALOGUE_SCHEMA}.backup_tenants (
    backup_id bigint NOT NULL REFERENCES {CATALOGUE_SCHEMA}.backups (id) ON DELETE CASCADE,
    tenant    text,
    rows      bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS backup_tenants_tenant ON {CATALOGUE_SCHEMA}.backup_tenants (tenant);
"""


class BackupError(OpsConsoleError):
    """A backup could not be listed, read, restored or deleted; the message says what to do."""


@dataclass(frozen=True)
class Backup:
    """One copy of data a migration step destroyed, as the catalogue describes it."""

    id: int
    revision: str
    table: str
    kind: str
    rules: tuple[str, ...]
    columns: tuple[dict[str, Any], ...]
    key_columns: tuple[str, ...]
    value_columns: tuple[str, ...]
    backup_table: str
    rows: int
    bytes: int
    created_by: str
    created_at: datetime
    tenants: dict[str, int] = field(default_factory=dict)

    @property
    def kept(self) -> str:
        """What was kept, in words: whole rows, or the key and the columns' values."""
        if self.kind == ROWS:
            return "whole rows"
        if not self.key_columns:
            return f"whole rows (no primary key) for {', '.join(self.value_columns)}"
        return f"{', '.join(self.key_columns)} + {', '.join(self.value_columns)}"

    @property
    def csv_note(self) -> str:
        """Why a CSV download would not round-trip exactly (empty when it does); restore is always exact."""
        notes = [f"{c['name']}: {_NOT_CSV[c['type']]}" for c in self.columns if c.get("type") in _NOT_CSV]
        return "; ".join(notes)

    def to_dict(self) -> dict[str, Any]:
        """Return the backup as the CLI's --json prints it."""
        data = dict(self.__dict__)
        data.update(created_at=self.created_at.isoformat(), rules=list(self.rules), columns=list(self.columns),
                    key_columns=list(self.key_columns), value_columns=list(self.value_columns),
                    kept=self.kept, csv_note=self.csv_note)
        return data


def quote(name: str) -> str:
    """Quote one SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def qualified(schema: str, table: str) -> str:
    """Quote schema.table."""
    return f"{quote(schema)}.{quote(table)}"


def ensure_tables(conn: Connection) -> None:
    """Create the backup schema and the catalogue if missing (inside the caller's transaction)."""
    ensure(conn, f"{has_table('backup_tenants')} AND to_regnamespace('{BACKUP_SCHEMA}') IS NOT NULL", _DDL,
           lock=_DDL_LOCK)


def tables_exist(conn: Connection) -> bool:
    """Whether the catalogue exists in this database."""
    return bool(conn.exec_driver_sql(f"SELECT to_regclass('{CATALOGUE_SCHEMA}.backup_tenants') IS NOT NULL").scalar())


def cannot_create(conn: Connection) -> str | None:
    """Say why this role cannot keep backups (schema missing and not creatable, or not writable), else None."""
    exists = conn.exec_driver_sql(f"SELECT to_regnamespace('{BACKUP_SCHEMA}') IS NOT NULL").scalar()
    if exists:
        ok = conn.exec_driver_sql(f"SELECT has_schema_privilege('{BACKUP_SCHEMA}', 'CREATE') AND "
                                  f"has_schema_privilege('{BACKUP_SCHEMA}', 'USAGE')").scalar()
        what = f"may not create tables in schema {BACKUP_SCHEMA}"
    else:
        ok = conn.exec_driver_sql("SELECT has_database_privilege(current_database(), 'CREATE')").scalar()
        what = f"may not create schema {BACKUP_SCHEMA}"
    if ok:
        return None
    role = conn.exec_driver_sql("SELECT current_user").scalar()
    return (f"the database role {role} {what}, so the data at risk cannot be backed up. Fix: as the database "
            f"owner run 'CREATE SCHEMA IF NOT EXISTS {BACKUP_SCHEMA} AUTHORIZATION {quote(str(role))}', or confirm "
            "that no backup is taken with --no-backup REV (recorded in the audit log)")


def table_columns(conn: Connection, schema: str, table: str) -> list[dict[str, Any]]:
    """Return the table's columns in order: name, type (with typmod), not_null, generated, identity, user_type.

    `user_type` marks enum, domain and composite types of the application (and arrays of them).
    """
    rows = conn.exec_driver_sql(
        """SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated <> '',
                  a.attidentity <> '', t.typnamespace NOT IN ('pg_catalog'::regnamespace,
                                                             'information_schema'::regnamespace)
           FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
           WHERE a.attrelid = to_regclass(%(t)s) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
        {"t": qualified(schema, table)}).all()
    return [{"name": r[0], "type": r[1], "not_null": bool(r[2]), "generated": bool(r[3]), "identity": bool(r[4]),
             "user_type": bool(r[5])} for r in rows]


def primary_key(conn: Connection, schema: str, table: str) -> list[str]:
    """Return the table's primary-key columns in key order (empty when it has none)."""
    return list(conn.exec_driver_sql(
        """SELECT a.attname FROM pg_index i
           JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) ON true
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
           WHERE i.indrelid = to_regclass(%(t)s) AND i.indisprimary ORDER BY k.n""",
        {"t": qualified(schema, table)}).scalars())


def exists(conn: Connection, schema: str, table: str) -> bool:
    """Whether schema.table exists."""
    return bool(conn.exec_driver_sql("SELECT to_regclass(%(t)s) IS NOT NULL", {"t": qualified(schema, table)}).scalar())


def load(conn: Connection, backup_id: int | None = None, tenant: str | None = None) -> list[Backup]:
    """Return catalogue entries, newest first: one by id, those holding rows of `tenant`, or all."""
    if not tables_exist(conn):
        return []
    where, params = [], {}
    if backup_id is not None:
        where.append("b.id = %(id)s")
        params["id"] = int(backup_id)
    if tenant is not None:
        where.append(f"EXISTS (SELECT 1 FROM {CATALOGUE_SCHEMA}.backup_tenants t WHERE t.backup_id = b.id "
                     "AND t.tenant = %(tenant)s)")
        params["tenant"] = str(tenant)
    rows = conn.exec_driver_sql(
        f"""SELECT b.id, b.revision, b.source_schema || '.' || b.source_table, b.kind, b.rules, b.columns,
                   b.key_columns, b.value_columns, b.backup_table, b.rows, b.bytes, b.created_by, b.created_at,
                   COALESCE((SELECT jsonb_object_agg(COALESCE(t.tenant, '(none)'), t.rows)
                             FROM {CATALOGUE_SCHEMA}.backup_tenants t WHERE t.backup_id = b.id), '{{}}'::jsonb)
            FROM {CATALOGUE_SCHEMA}.backups b {'WHERE ' + ' AND '.join(where) if where else ''}
            ORDER BY b.id DESC""", params).all()
    return [Backup(id=r[0], revision=r[1], table=r[2], kind=r[3], rules=tuple(r[4]), columns=tuple(r[5]),
                   key_columns=tuple(r[6]), value_columns=tuple(r[7]), backup_table=r[8], rows=r[9], bytes=r[10],
                   created_by=r[11], created_at=r[12], tenants=dict(r[13])) for r in rows]


def one(conn: Connection, backup_id: int) -> Backup:
    """Return one catalogue entry or raise BackupError naming how to list them."""
    found = load(conn, backup_id=backup_id)
    if not found:
        raise BackupError(f"there is no backup {backup_id}; list them with 'python -m opsconsole backups'.")
    return found[0]
