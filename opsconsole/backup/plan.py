"""Size first: what the upgrade will copy before each data-loss step, and whether it fits the limit.

The plan comes from the analyzer's data-loss findings of the pending revisions: whole rows for a
dropped, truncated or emptied table; the primary key and the columns' values for a dropped or
narrowed column or an unconditional update. Sizes are counted (rows) and estimated (bytes, from
pg_table_size or pg_column_size over a sample) before anything runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from opsconsole.settings import Settings

from . import store
from .store import COLUMNS, ROWS

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

ROW_RULES = ("drop-table", "truncate", "delete-without-where")
COLUMN_RULES = ("drop-column", "narrowing-type-change", "update-without-where")
_SAMPLE = 10_000
_TUPLE_OVERHEAD = 28  # heap tuple header + line pointer, per copied row


@dataclass(frozen=True)
class Copy:
    """One table's data a revision puts at risk: whole rows, or the key and some columns (none named: all)."""

    revision: str
    schema: str
    table: str
    kind: str
    columns: tuple[str, ...]
    rules: tuple[str, ...]
    rows: int | None = None
    bytes: int | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the planned copy as plain data."""
        data = dict(self.__dict__)
        data.update(columns=list(self.columns), rules=list(self.rules), table=f"{self.schema}.{self.table}")
        data.pop("schema")
        return data


@dataclass(frozen=True)
class BackupPlan:
    """Every planned copy, what cannot be backed up, the limit, and the revisions the operator waived."""

    copies: tuple[Copy, ...]
    uncovered: tuple[dict[str, Any], ...]
    max_bytes: int
    waived: tuple[str, ...] = ()
    problem: str | None = None

    def for_revision(self, revision: str) -> list[Copy]:
        """The copies to take before `revision` runs (none when the operator waived it)."""
        return [] if revision in self.waived else [c for c in self.copies if c.revision == revision]

    @property
    def per_revision(self) -> dict[str, dict[str, int]]:
        """Rows and estimated bytes per revision, waived ones included."""
        out: dict[str, dict[str, int]] = {}
        for c in self.copies:
            total = out.setdefault(c.revision, {"rows": 0, "bytes": 0})
            total["rows"] += c.rows or 0
            total["bytes"] += c.bytes or 0
        return out

    @property
    def rows(self) -> int:
        """Rows the upgrade will copy (waived revisions excluded)."""
        return sum(t["rows"] for rev, t in self.per_revision.items() if rev not in self.waived)

    @property
    def bytes(self) -> int:
        """Estimated bytes the upgrade will copy (waived revisions excluded)."""
        return sum(t["bytes"] for rev, t in self.per_revision.items() if rev not in self.waived)

    @property
    def over_limit(self) -> list[str]:
        """Revisions whose copy is larger than OPSCONSOLE_BACKUP_MAX_BYTES and that were not waived."""
        return [rev for rev, t in self.per_revision.items() if t["bytes"] > self.max_bytes and rev not in self.waived]

    @property
    def refusal(self) -> str | None:
        """Why the upgrade must not run as asked (None: it may), with the fix."""
        reasons = []
        unwaived = sorted({c.revision for c in self.copies if c.revision not in self.waived})
        if self.problem and unwaived:
            reasons.append(f"{self.problem} (revisions with a backup planned: {', '.join(unwaived)})")
        for rev in self.over_limit:
            t = self.per_revision[rev]
            reasons.append(f"revision {rev} would copy {t['rows']:,} row(s), about {human(t['bytes'])}, before it "
                           f"runs — more than OPSCONSOLE_BACKUP_MAX_BYTES ({human(self.max_bytes)}); raise the limit, "
                           f"or confirm that no backup is taken with --no-backup {rev} (recorded in the audit log)")
        return "; ".join(reasons) or None

    def describe(self) -> list[str]:
        """One line per planned copy, per waiver and per uncovered finding, for people."""
        lines = []
        for c in self.copies:
            what = "whole rows" if c.kind == ROWS else f"key + {', '.join(c.columns) or 'every column'}"
            size = (f"{c.rows:,} row(s), about {human(c.bytes or 0)}" if c.rows is not None else "size unknown")
            waived = " — NOT TAKEN (no backup confirmed)" if c.revision in self.waived else ""
            note = f" ({c.note})" if c.note else ""
            lines.append(f"{c.revision}: {c.schema}.{c.table} {what}: {size}{note}{waived}")
        for u in self.uncovered:
            lines.append(f"{u['revision']}: no automatic backup for {u['rule']} on {u['object'] or '?'}: {u['reason']}")
        if self.copies:
            lines.append(f"total to copy: {self.rows:,} row(s), about {human(self.bytes)}; limit per revision "
                         f"{human(self.max_bytes)} (OPSCONSOLE_BACKUP_MAX_BYTES)")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as the upgrade result carries it."""
        return {"copies": [c.to_dict() for c in self.copies], "uncovered": list(self.uncovered),
                "rows": self.rows, "bytes": self.bytes, "max_bytes": self.max_bytes,
                "per_revision": self.per_revision, "over_limit": self.over_limit, "waived": list(self.waived),
                "problem": self.problem, "refusal": self.refusal, "summary": self.describe()}


def plan(conn: Connection | None, settings: Settings, findings: Iterable[dict[str, Any]], revisions: Sequence[str],
         no_backup: str | None = None) -> BackupPlan:
    """Plan the copies for the data-loss findings of `revisions` (in order) and size them on `conn`."""
    order = {rev: i for i, rev in enumerate(revisions)}
    merged: dict[tuple[str, str, str], Copy] = {}
    uncovered: list[dict[str, Any]] = []
    for f in findings:
        if f.get("severity") != "data-loss" or f.get("revision") not in order:
            continue
        targets, reason = _targets(conn, settings, f)
        if reason:
            uncovered.append({"revision": f["revision"], "rule": f["rule"], "object": f.get("object"), "reason": reason})
        for copy in targets:
            key = (copy.revision, copy.schema, copy.table)
            merged[key] = _merge(merged[key], copy) if key in merged else copy
    copies = sorted(merged.values(), key=lambda c: (order[c.revision], c.schema, c.table))
    if conn is not None:
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(settings.statement_timeout_ms)}")
        copies = [_sized(conn, settings, c) for c in copies]
    waived = tuple(dict.fromkeys(p.strip() for p in (no_backup or "").split(",") if p.strip()))
    problem = store.cannot_create(conn) if conn is not None and copies else None
    return BackupPlan(tuple(copies), tuple(uncovered), settings.backup_max_bytes, waived, problem)


def plan_for_upgrade(conn: Connection, settings: Settings, findings: Iterable[dict[str, Any]],
                     revisions: Sequence[str], no_backup: str | None = None) -> BackupPlan:
    """Plan and size the copies on the upgrade's (idle) connection, in a read-only transaction of its own."""
    with conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        return plan(conn, settings, findings, revisions, no_backup)


def size_note(conn: Connection, settings: Settings, findings: Iterable[dict[str, Any]],
              revisions: Sequence[str]) -> str:
    """One sentence for the guard's pending-safe detail: what the upgrade will copy first, against the limit."""
    planned = plan(conn, settings, findings, revisions)
    if not planned.copies:
        return ""
    over = planned.over_limit
    tail = (f"; over the limit for {', '.join(over)}: the upgrade refuses unless the operator confirms no backup "
            f"(--no-backup {','.join(over)})" if over else "")
    problem = f"; {planned.problem}" if planned.problem else ""
    return (f" Before each step the upgrade backs up what it destroys: {planned.rows:,} row(s), about "
            f"{human(planned.bytes)} in all (limit {human(planned.max_bytes)} per revision){tail}{problem}.")


def columns_to_keep(requested: Sequence[str], columns: list[dict[str, Any]], key: list[str],
                    tenant_column: str) -> tuple[list[str], list[str], list[str]] | None:
    """Return (key, value columns, kept columns) of a column backup, or None when no such column exists.

    Without a primary key the whole rows are kept, so a restore can match them on every other column.
    """
    names = [c["name"] for c in columns]
    values = [c for c in requested if c in names] if requested else [n for n in names if n not in key]
    if not values:
        return None
    if not key:
        return [], values, names
    kept = key + [v for v in values if v not in key]
    if tenant_column in names and tenant_column not in kept:
        kept.append(tenant_column)
    return key, values, kept


def human(size: int) -> str:
    """Bytes as people read them (1.5 MiB)."""
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def _targets(conn: Connection | None, settings: Settings, f: dict[str, Any]) -> tuple[list[Copy], str]:
    """The copies one finding asks for, or why it gets none."""
    rule, obj, rev = f["rule"], f.get("object"), f["revision"]
    if rule not in ROW_RULES + COLUMN_RULES + ("drop-schema",):
        return [], "the analyzer cannot tell which rows this loses"
    if not obj:
        return [], "the object is named at run time, so the analyzer cannot tell what to copy"
    parts = obj.split(".")
    if rule == "drop-schema":
        if parts[0] not in settings.schemas or conn is None:
            return [], "the schema is not one of OPSCONSOLE_SCHEMAS"
        tables = conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = %(s)s ORDER BY 1",
                                      {"s": parts[0]}).scalars().all()
        return [Copy(rev, parts[0], t, ROWS, (), (rule,)) for t in tables], ""
    schema, table = (parts[0], parts[1]) if len(parts) >= 2 else ("public", parts[0])
    if schema not in settings.schemas:
        return [], "the table is outside OPSCONSOLE_SCHEMAS, which opsconsole never reads"
    if rule in ROW_RULES:
        return [Copy(rev, schema, table, ROWS, (), (rule,))], ""
    columns = (parts[2],) if len(parts) == 3 else _updated_columns(f.get("statement") or "")
    return [Copy(rev, schema, table, COLUMNS, columns, (rule,))], ""


def _updated_columns(statement: str) -> tuple[str, ...]:
    """The columns an UPDATE sets; () when it cannot be parsed (then every column is kept)."""
    try:
        import pglast

        for raw in pglast.parse_sql(statement):
            if type(raw.stmt).__name__ == "UpdateStmt":
                return tuple(dict.fromkeys(t.name for t in raw.stmt.targetList))
    except Exception:  # Python source of a data step, or SQL pglast cannot read: keep every column
        return ()
    return ()


def _merge(a: Copy, b: Copy) -> Copy:
    """Whole rows absorb column copies; column copies add up (an empty list means every column)."""
    rules = tuple(dict.fromkeys(a.rules + b.rules))
    if ROWS in (a.kind, b.kind):
        return replace(a, kind=ROWS, columns=(), rules=rules)
    columns = () if not a.columns or not b.columns else tuple(dict.fromkeys(a.columns + b.columns))
    return replace(a, columns=columns, rules=rules)


def _sized(conn: Connection, settings: Settings, copy: Copy) -> Copy:
    """Count the rows and estimate the bytes the copy will take."""
    from sqlalchemy.exc import DBAPIError

    if not store.exists(conn, copy.schema, copy.table):
        return replace(copy, note="the table does not exist yet (an earlier step creates it): its size is known "
                                  "only when the step runs")
    name = store.qualified(copy.schema, copy.table)
    columns = store.table_columns(conn, copy.schema, copy.table)
    try:
        with conn.begin_nested():
            rows = int(conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar())
        note = ""
    except DBAPIError:  # too slow to count within the statement timeout: the planner's estimate
        rows = max(int(conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%(t)s)",
                                            {"t": name}).scalar() or 0), 0)
        note = "rows estimated from statistics"
    if copy.kind == ROWS:
        size = int(conn.exec_driver_sql("SELECT pg_table_size(to_regclass(%(t)s))", {"t": name}).scalar() or 0)
        return replace(copy, rows=rows, bytes=size, note=note)
    keep = columns_to_keep(copy.columns, columns, store.primary_key(conn, copy.schema, copy.table),
                           settings.tenant_column)
    if keep is None:
        return replace(copy, rows=0, bytes=0, note="the column does not exist yet (an earlier step adds it)")
    width = " + ".join(f"COALESCE(pg_column_size({store.quote(c)}), 0)" for c in keep[2])
    try:
        with conn.begin_nested():
            avg = float(conn.exec_driver_sql(f"SELECT COALESCE(avg({width}), 0) FROM (SELECT * FROM {name} "
                                             f"LIMIT {_SAMPLE}) s").scalar())
    except DBAPIError:
        avg = 8.0 * len(keep[2])
    return replace(copy, rows=rows, bytes=int(rows * (avg + _TUPLE_OVERHEAD)), note=note)
