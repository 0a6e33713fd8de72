"""Take the planned copies inside each step's own transaction, before the migration's first statement.

The guarded upgrade calls `Taker` through StepLog.on_begin on the migration connection: the copy
and its catalogue row commit with the step or roll back with it, so a backup exists if and only if
the step committed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opsconsole import audit
from opsconsole.settings import Settings

from . import store
from .plan import BackupPlan, Copy, columns_to_keep, human
from .store import BACKUP_SCHEMA, CATALOGUE_SCHEMA, ROWS, BackupError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


class Taker:
    """The on_begin hook: copies what `plan` names for a revision; remembers (revision, backup id)."""

    def __init__(self, settings: Settings, plan: BackupPlan, by: str, say: Callable[[str], None]) -> None:
        self.settings, self.plan, self.by, self.say = settings, plan, by, say
        self.made: list[tuple[str, int]] = []

    def __call__(self, conn: Connection, revision: str) -> None:
        """Copy every planned table of `revision` on the step's own connection and transaction."""
        for copy in self.plan.for_revision(revision):
            made = take(conn, self.settings, copy, self.by)
            if made is not None:
                self.made.append((revision, made[0]))
                self.say(f"Backed up {made[1]:,} row(s) of {copy.schema}.{copy.table} as backup {made[0]} "
                         f"({human(made[2])})")

    def committed(self, applied: set[str]) -> list[int]:
        """Ids of the backups whose step committed."""
        return [backup_id for rev, backup_id in self.made if rev in applied]


def prepare(conn: Connection, settings: Settings, plan: BackupPlan, by: str) -> None:
    """Before the run: create the schema and catalogue when a copy is planned; record each waiver."""
    if any(plan.for_revision(c.revision) for c in plan.copies):
        from sqlalchemy.exc import DBAPIError

        try:
            with conn.begin():
                store.ensure_tables(conn)
        except DBAPIError as exc:
            raise BackupError(f"cannot create the backup schema {BACKUP_SCHEMA} "
                              f"({str(getattr(exc, 'orig', exc)).strip()}); create it as the database owner, or "
                              "confirm that no backup is taken with --no-backup REV.") from None
    for rev, total in plan.per_revision.items():
        if rev in plan.waived:
            with conn.begin():
                audit.record(conn, actor=by, action="no-backup", outcome="confirmed", to_rev=rev, settings=settings,
                             error=f"operator confirmed that no backup is taken of {total['rows']:,} row(s), about "
                                   f"{human(total['bytes'])} (limit {human(plan.max_bytes)})")


def take(conn: Connection, settings: Settings, copy: Copy, by: str) -> tuple[int, int, int] | None:
    """Copy one table's data at risk into the backup schema; return (backup id, rows, bytes) or None."""
    if not store.exists(conn, copy.schema, copy.table):
        return None  # created later in this very step: nothing of it exists yet to lose
    columns = store.table_columns(conn, copy.schema, copy.table)
    key = store.primary_key(conn, copy.schema, copy.table)
    if copy.kind == ROWS:
        values = kept = [c["name"] for c in columns]
    else:
        chosen = columns_to_keep(copy.columns, columns, key, settings.tenant_column)
        if chosen is None:
            return None  # the column is added later in this step
        key, values, kept = chosen
    by_name = {c["name"]: c for c in columns}
    definition = [by_name[name] for name in kept]
    backup_id = int(conn.exec_driver_sql(
        f"""INSERT INTO {CATALOGUE_SCHEMA}.backups (revision, source_schema, source_table, kind, rules, columns,
                key_columns, value_columns, created_by)
            VALUES (%(rev)s, %(schema)s, %(table)s, %(kind)s, %(rules)s, %(columns)s::jsonb, %(key)s, %(values)s, %(by)s)
            RETURNING id""",
        {"rev": copy.revision, "schema": copy.schema, "table": copy.table, "kind": copy.kind,
         "rules": list(copy.rules), "columns": json.dumps(definition), "key": key, "values": values,
         "by": by}).scalar_one())
    name = f"b{backup_id}_{copy.table}"[:63]
    target = store.qualified(BACKUP_SCHEMA, name)
    # an application type (enum, domain) is kept as text: the copy must not stop a later DROP TYPE
    selected = ", ".join(f"{store.quote(c)}::text AS {store.quote(c)}" if by_name[c]["user_type"] else store.quote(c)
                         for c in kept)
    rows = conn.exec_driver_sql(f"CREATE TABLE {target} AS SELECT {selected} "
                                f"FROM {store.qualified(copy.schema, copy.table)}").rowcount  # the copy's row count
    size = int(conn.exec_driver_sql("SELECT pg_table_size(to_regclass(%(t)s))", {"t": target}).scalar() or 0)
    if settings.tenant_column in kept:
        conn.exec_driver_sql(
            f"""INSERT INTO {CATALOGUE_SCHEMA}.backup_tenants (backup_id, tenant, rows)
                SELECT %(id)s, {store.quote(settings.tenant_column)}::text, count(*) FROM {target} GROUP BY 2""",
            {"id": backup_id})
    conn.exec_driver_sql(f"UPDATE {CATALOGUE_SCHEMA}.backups SET backup_table = %(n)s, rows = %(r)s, bytes = %(b)s "
                         "WHERE id = %(id)s", {"n": name, "r": rows, "b": size, "id": backup_id})
    return backup_id, rows, size


def summary(plan: BackupPlan, made: list[int]) -> dict[str, Any]:
    """The plan plus the ids of the backups taken, for the upgrade result."""
    return {**plan.to_dict(), "taken": made}
