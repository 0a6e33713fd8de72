"""Put a backup's data back, in SQL (exact), under the upgrade lock, audited.

A dropped table is recreated (columns, types, primary key, NOT NULL as they were) and refilled;
deleted or truncated rows are re-inserted, skipping keys that exist again; a dropped or rewritten
column's values are written back by primary key once the table has a column of that name again.
A table without a primary key is matched on every other column, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsconsole import audit
from opsconsole.errors import describe
from opsconsole.settings import Settings

from . import store
from .manage import _actor, locked
from .store import BACKUP_SCHEMA, COLUMNS, ROWS, Backup, BackupError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_NO_EQUALITY = ("json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore put back (or, in a dry run, would put back) and what it skipped."""

    backup_id: int
    table: str
    kind: str
    restored: int
    skipped: int
    created_table: bool
    dry_run: bool
    tenant: str | None = None
    warnings: tuple[str, ...] = ()

    def describe(self) -> str:
        """One sentence for people."""
        verb = "would restore" if self.dry_run else "restored"
        what = "row(s)" if self.kind == ROWS else "row(s)' values"
        created = f"recreated {self.table}; " if self.created_table else ""
        scope = f" of tenant {self.tenant}" if self.tenant is not None else ""
        return (f"backup {self.backup_id}: {created}{verb} {self.restored} {what}{scope} into {self.table}, "
                f"skipped {self.skipped}" + ("" if not self.dry_run else " (dry run: nothing changed)"))

    def to_dict(self) -> dict[str, Any]:
        """Return the result as the CLI's --json prints it."""
        data = dict(self.__dict__)
        data.update(warnings=list(self.warnings), summary=self.describe())
        return data


def restore(settings: Settings, backup_id: int, by: str, dry_run: bool = False,
            tenant: str | None = None) -> RestoreResult:
    """Restore one backup (only `tenant`'s rows when given); a dry run does the same work and rolls it back."""
    by = _actor(by)
    with locked(settings, by) as conn:
        from sqlalchemy.exc import DBAPIError

        trans = conn.begin()
        backup: Backup | None = None
        try:
            backup = store.one(conn, int(backup_id))
            result = _restore(conn, backup, dry_run, tenant, settings.tenant_column)
        except (BackupError, DBAPIError) as exc:
            trans.rollback()
            failed = isinstance(exc, DBAPIError)
            message = (f"restore of backup {backup_id} failed and was rolled back: {describe(exc)}" if failed
                       else str(exc))
            if not dry_run and backup is not None:
                with conn.begin():
                    audit.record(conn, actor=by, action="restore", outcome="failed" if failed else "refused",
                                 to_rev=backup.revision, error=message, settings=settings)
            if failed:
                raise BackupError(settings.redact(message)) from None
            raise
        if dry_run:
            trans.rollback()
        else:
            audit.record(conn, actor=by, action="restore", outcome="ok", to_rev=backup.revision, settings=settings,
                         error=result.describe() + "".join(f"; warning: {w}" for w in result.warnings))
            trans.commit()
        return result


def _restore(conn: Connection, backup: Backup, dry_run: bool, tenant: str | None, tenant_column: str) -> RestoreResult:
    if not backup.backup_table or not store.exists(conn, BACKUP_SCHEMA, backup.backup_table):
        raise BackupError(f"the copy of backup {backup.id} ({BACKUP_SCHEMA}.{backup.backup_table}) is missing; "
                          "it cannot be restored — delete the backup.")
    schema, table = backup.table.split(".", 1)
    source = store.qualified(BACKUP_SCHEMA, backup.backup_table)
    target = store.qualified(schema, table)
    warnings: list[str] = []
    created = False
    if not store.exists(conn, schema, table):
        if backup.kind == COLUMNS:
            raise BackupError(f"table {backup.table} does not exist; recreate it (downgrade, or a migration that "
                              "creates it), then restore its columns.")
        _create(conn, schema, table, backup)
        created = True
        warnings.append(f"{backup.table} was recreated with its columns, types, NOT NULL and primary key only: add "
                        "defaults, other indexes, foreign keys, policies and grants back with a migration")
    have = {c["name"]: c for c in store.table_columns(conn, schema, table)}
    filt, params = "", {}
    if tenant is not None:
        if tenant_column not in {c["name"] for c in backup.columns}:
            raise BackupError(f"backup {backup.id} has no {tenant_column} column, so it cannot be restored for one "
                              "tenant; restore it whole (without --tenant).")
        filt, params = f" AND b.{store.quote(tenant_column)}::text = %(tenant)s", {"tenant": str(tenant)}
    total = int(conn.exec_driver_sql(f"SELECT count(*) FROM {source} b WHERE true{filt}", params).scalar())
    if backup.kind == ROWS:
        missing = [c for c in backup.value_columns if c not in have]
        if missing:
            warnings.append(f"{backup.table} has no column {', '.join(missing)} any more: those values are not "
                            "restored (they stay in the backup)")
        cols = [c for c in backup.value_columns if c in have and not have[c]["generated"]]
        as_text = {c["name"] for c in backup.columns if c.get("user_type")}
        _check_types(conn, source, target, backup.table, [c for c in cols if c not in as_text])
        key = list(backup.key_columns) if backup.key_columns and all(k in cols for k in backup.key_columns) else []
        if not key:
            warnings.append(f"{backup.table} had no primary key: rows were matched on every column, and a row "
                            "already present is skipped")
        match = " AND ".join(_same(c, have, as_text) for c in (key or cols))
        names = ", ".join(store.quote(c) for c in cols)
        restored = conn.exec_driver_sql(
            f"INSERT INTO {target} ({names}) OVERRIDING SYSTEM VALUE SELECT {', '.join(_value(c, have, as_text) for c in cols)} "
            f"FROM {source} b WHERE NOT EXISTS (SELECT 1 FROM {target} t WHERE {match}){filt}", params).rowcount
        warnings += _advance_sequences(conn, target, cols)
    else:
        missing = [c for c in backup.value_columns if c not in have]
        if missing:
            raise BackupError(f"{backup.table} has no column {', '.join(missing)}; add it back (downgrade, or a "
                              "migration that adds it), then restore.")
        as_text = {c["name"] for c in backup.columns if c.get("user_type")}
        _check_types(conn, source, target, backup.table, [c for c in backup.value_columns if c not in as_text])
        key = [k for k in backup.key_columns if k in have]
        if len(key) != len(backup.key_columns):
            raise BackupError(f"{backup.table} lost its key column(s) {', '.join(backup.key_columns)}; rows cannot "
                              "be matched.")
        if not key:
            key = [c["name"] for c in backup.columns if c["name"] not in backup.value_columns and c["name"] in have]
            if not key:
                raise BackupError(f"{backup.table} has no primary key and no other column to match rows on; "
                                  "restore by hand from the CSV download.")
            warnings.append(f"{backup.table} has no primary key: rows were matched on {', '.join(key)}; duplicate "
                            "rows all receive the backed-up value")
        sets = ", ".join(f"{store.quote(c)} = {_value(c, have, as_text)}" for c in backup.value_columns)
        match = " AND ".join(_same(c, have, as_text) for c in key)
        restored = conn.exec_driver_sql(f"UPDATE {target} t SET {sets} FROM {source} b WHERE {match}{filt}",
                                        params).rowcount
    return RestoreResult(backup.id, backup.table, backup.kind, restored, max(total - restored, 0), created, dry_run,
                         None if tenant is None else str(tenant), tuple(warnings))


def _advance_sequences(conn: Connection, target: str, columns: list[str]) -> list[str]:
    """Move serial/identity sequences past the restored keys, so the next insert does not collide."""
    moved = []
    for column in columns:
        seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%(t)s, %(c)s)", {"t": target, "c": column}).scalar()
        if seq is None:
            continue
        value = conn.exec_driver_sql(
            f"""SELECT setval(s, m) FROM (SELECT %(seq)s::regclass AS s,
                   (SELECT max({store.quote(column)}) FROM {target})::bigint AS m) x
                WHERE m IS NOT NULL AND m > COALESCE(pg_sequence_last_value(s), 0)""", {"seq": seq}).scalar()
        if value is not None:
            moved.append(f"sequence {seq} advanced to {value} past the restored {column} values")
    return moved


def _same(column: str, have: dict[str, dict[str, Any]], as_text: set[str]) -> str:
    """t.col matches b.col (NULLs included; compared as text where the type has no equality or was kept as text)."""
    q = store.quote(column)
    text = column in as_text or have.get(column, {}).get("type", "").split("(")[0] in _NO_EQUALITY
    cast = "::text" if text else ""
    return f"t.{q}{cast} IS NOT DISTINCT FROM b.{q}{cast}"


def _value(column: str, have: dict[str, dict[str, Any]], as_text: set[str]) -> str:
    """b.col as the table's column takes it: an application type kept as text is cast back to it."""
    q = store.quote(column)
    return f"CAST(b.{q} AS {have[column]['type']})" if column in as_text else f"b.{q}"


def _check_types(conn: Connection, source: str, target: str, label: str, columns: list[str]) -> None:
    """Refuse, naming both types, when a backed-up column cannot be assigned to the table's column."""
    rows = conn.exec_driver_sql(
        """SELECT s.attname, format_type(s.atttypid, s.atttypmod), format_type(t.atttypid, t.atttypmod),
                  s.atttypid = t.atttypid OR tt.typcategory = 'S' OR EXISTS (
                      SELECT 1 FROM pg_cast c WHERE c.castsource = s.atttypid AND c.casttarget = t.atttypid
                        AND c.castcontext IN ('i', 'a'))
           FROM pg_attribute s
           JOIN pg_attribute t ON t.attrelid = to_regclass(%(target)s) AND t.attname = s.attname AND NOT t.attisdropped
           JOIN pg_type tt ON tt.oid = t.atttypid
           WHERE s.attrelid = to_regclass(%(source)s) AND s.attname = ANY(%(cols)s)""",
        {"source": source, "target": target, "cols": columns}).all()
    bad = [f"{label}.{name} is {now} in the table but the backup holds {then}" for name, then, now, ok in rows if not ok]
    if bad:
        raise BackupError(f"cannot restore: {'; '.join(bad)} — no assignment cast between them. Change the column "
                          "back to the backed-up type (downgrade, or a migration), then restore.")


def _create(conn: Connection, schema: str, table: str, backup: Backup) -> None:
    """Recreate a dropped table as it was: columns, types, NOT NULL and primary key (no defaults)."""
    parts = [f"{store.quote(c['name'])} {c['type']}{' NOT NULL' if c.get('not_null') else ''}" for c in backup.columns]
    if backup.key_columns:
        parts.append(f"PRIMARY KEY ({', '.join(store.quote(k) for k in backup.key_columns)})")
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {store.quote(schema)}")
    conn.exec_driver_sql(f"CREATE TABLE {store.qualified(schema, table)} ({', '.join(parts)})")
