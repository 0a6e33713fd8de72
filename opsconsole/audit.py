"""opsconsole's own tables: the audit log, applied-migration checksums and approvals.

They live in their own schema `opsconsole`, created on first write, so the drift check (which
compares only the application schemas) never sees them and Supabase's API never exposes them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.owntables import SCHEMA, ensure
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    from_rev    text,
    to_rev      text,
    sql_sha256  text,
    duration_ms integer,
    outcome     text NOT NULL,
    error       text
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.applied_migrations (
    revision    text PRIMARY KEY,
    file_sha256 text NOT NULL,
    path        text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    applied_by  text NOT NULL
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.approvals (
    revision    text NOT NULL,
    file_sha256 text NOT NULL,
    approved_by text NOT NULL,
    reason      text NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (revision, file_sha256)
);
"""
# Columns added after the first release: ADD COLUMN IF NOT EXISTS brings existing databases along.
_UPGRADES = f"""
ALTER TABLE {SCHEMA}.audit_log ADD COLUMN IF NOT EXISTS details jsonb;
ALTER TABLE {SCHEMA}.approvals ADD COLUMN IF NOT EXISTS decision text NOT NULL DEFAULT 'approve';
"""
APPROVE, REJECT = "approve", "reject"


@dataclass(frozen=True)
class AuditEntry:
    """One recorded step: who did what, from which revision to which, and how it ended."""

    id: int
    at: datetime
    actor: str
    action: str
    from_rev: str | None
    to_rev: str | None
    sql_sha256: str | None
    duration_ms: int | None
    outcome: str
    error: str | None
    details: dict[str, Any] | None = None  # decisions and typed confirmations: see record_decision()

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as plain data."""
        data = dict(self.__dict__)
        data["at"] = self.at.isoformat()
        return data


@dataclass(frozen=True)
class Approval:
    """A reviewed data-loss revision, valid only while its file still has this hash."""

    revision: str
    file_sha256: str
    approved_by: str
    reason: str
    approved_at: datetime
    decision: str = APPROVE  # approve | reject: the latest decision on this file hash counts

    def to_dict(self) -> dict[str, Any]:
        """Return the approval as plain data."""
        data = dict(self.__dict__)
        data["approved_at"] = self.approved_at.isoformat()
        return data


def file_sha256(path: str | Path) -> str:
    """Return the sha256 of a migration file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def text_sha256(text: str) -> str:
    """Return the sha256 of a text (rendered SQL)."""
    return hashlib.sha256(text.encode()).hexdigest()


def ensure_tables(conn: Connection) -> None:
    """Create opsconsole's schema and tables if they are missing (inside the caller's transaction).

    Two sessions creating them at once would collide in the catalog (CREATE … IF NOT EXISTS is not
    race-free), so creation is serialised with a transaction-level advisory lock.
    """
    # Present: every table and every column added since the first release.
    ensure(conn, f"""SELECT count(*) = 2 FROM pg_attribute WHERE NOT attisdropped AND (
                     (attrelid = to_regclass('{SCHEMA}.approvals') AND attname = 'decision') OR
                     (attrelid = to_regclass('{SCHEMA}.audit_log') AND attname = 'details'))""", _DDL + _UPGRADES)


def _has_column(conn: Connection, table: str, column: str) -> bool:
    """Whether opsconsole's `table` has `column` (catalog only: an old database may lack newer columns)."""
    return bool(conn.exec_driver_sql(
        """SELECT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = %(s)s AND c.relname = %(t)s AND a.attname = %(c)s AND NOT a.attisdropped)""",
        {"s": SCHEMA, "t": table, "c": column}).scalar())


def tables_exist(conn: Connection) -> bool:
    """Whether opsconsole's tables exist here (read from the catalog: needs no privilege on the schema).

    A role that may not read them then gets a permission error on the read itself, which the CLI
    and the pages turn into "the database role … lacks a privilege" — never a silently empty log.
    """
    return bool(conn.exec_driver_sql(
        f"""SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = '{SCHEMA}' AND c.relname = 'audit_log')""").scalar())


def _readable(conn: Connection) -> bool:
    """Whether this role may read the audit log (status skips what it may not read; history says so)."""
    return bool(conn.exec_driver_sql(
        f"SELECT CASE WHEN has_schema_privilege('{SCHEMA}', 'USAGE') "  # CASE: the table is looked up only then
        f"THEN has_table_privilege('{SCHEMA}.audit_log', 'SELECT') ELSE false END"
    ).scalar())


def record(conn: Connection, *, actor: str, action: str, outcome: str, from_rev: str | None = None,
           to_rev: str | None = None, sql_sha256: str | None = None, duration_ms: int | None = None,
           error: str | None = None, settings: Settings | None = None,
           details: dict[str, Any] | None = None) -> None:
    """Append one row to the audit log (inside the caller's transaction); errors are redacted."""
    from sqlalchemy import text

    if error:
        error = (settings or Settings()).redact(error)
    ensure_tables(conn)
    conn.execute(text(f"""INSERT INTO {SCHEMA}.audit_log
        (actor, action, from_rev, to_rev, sql_sha256, duration_ms, outcome, error, details)
        VALUES (:actor, :action, :from_rev, :to_rev, :sql, :ms, :outcome, :error, CAST(:details AS jsonb))"""),
        {"actor": actor, "action": action, "from_rev": from_rev, "to_rev": to_rev, "sql": sql_sha256,
         "ms": duration_ms, "outcome": outcome, "error": error,
         "details": None if details is None else json.dumps(details, default=str)})


def start_step(conn: Connection, *, actor: str, from_rev: str | None, to_rev: str, sql_sha256: str | None,
               settings: Settings | None = None, run: str | None = None) -> int:
    """Write (and let the caller commit) a `started` row before a step runs; returns its id.

    A row still `started` when no upgrade holds the lock belongs to a step whose process died:
    `log()` shows it as `interrupted`.
    """
    from sqlalchemy import text

    ensure_tables(conn)
    return int(conn.execute(text(f"""INSERT INTO {SCHEMA}.audit_log (actor, action, from_rev, to_rev, sql_sha256,
        outcome, details) VALUES (:actor, 'upgrade-step', :from_rev, :to_rev, :sql, 'started', CAST(:details AS jsonb))
        RETURNING id"""), {"actor": actor, "from_rev": from_rev, "to_rev": to_rev, "sql": sql_sha256,
                           "details": json.dumps({"run": run}) if run else None}).scalar_one())


def finish_step(conn: Connection, row_id: int, outcome: str, duration_ms: int, error: str | None = None,
                settings: Settings | None = None) -> None:
    """Close a `started` row: ok (inside the step's own transaction), failed or partial."""
    from sqlalchemy import text

    if error:
        error = (settings or Settings()).redact(error)
    conn.execute(text(f"UPDATE {SCHEMA}.audit_log SET outcome = :o, duration_ms = :ms, error = :e WHERE id = :id"),
                 {"o": outcome, "ms": duration_ms, "e": error, "id": row_id})


def interrupted(conn: Connection) -> list[AuditEntry]:
    """Steps that started and never finished while no upgrade is running (their process died)."""
    from opsconsole.alembic_env.lock import holder

    if not tables_exist(conn) or not _readable(conn) or holder(conn) is not None:
        return []
    rows = conn.exec_driver_sql(f"""SELECT id, at, actor, action, from_rev, to_rev, sql_sha256, duration_ms,
        'interrupted', error, {_details(conn)} FROM {SCHEMA}.audit_log WHERE outcome = 'started' ORDER BY id""")
    return [AuditEntry(*row) for row in rows]


def record_applied(conn: Connection, revision: str, path: str, actor: str) -> None:
    """Remember the sha256 of a migration file at the moment it was applied."""
    from sqlalchemy import text

    ensure_tables(conn)
    conn.execute(text(f"""INSERT INTO {SCHEMA}.applied_migrations (revision, file_sha256, path, applied_by)
        VALUES (:rev, :sha, :path, :by)
        ON CONFLICT (revision) DO UPDATE SET file_sha256 = EXCLUDED.file_sha256, path = EXCLUDED.path,
            applied_at = now(), applied_by = EXCLUDED.applied_by"""),
        {"rev": revision, "sha": file_sha256(path), "path": str(path), "by": actor})


def applied_checksums(conn: Connection) -> dict[str, str]:
    """Return {revision: file sha256 at apply time}; empty when nothing was recorded yet."""
    if not tables_exist(conn):
        return {}
    rows = conn.exec_driver_sql(f"SELECT revision, file_sha256 FROM {SCHEMA}.applied_migrations")
    return {rev: sha for rev, sha in rows}


def approve(conn: Connection, revision: str, path: str, approved_by: str, reason: str,
            details: dict[str, Any] | None = None) -> Approval:
    """Record that a data-loss revision was reviewed, bound to its file's current hash."""
    return decide(conn, revision, path, approved_by, reason, APPROVE, details)


def decide(conn: Connection, revision: str, path: str, by: str, reason: str, decision: str,
           details: dict[str, Any] | None = None) -> Approval:
    """Record an approval or a rejection of `revision` at its file's current hash, and audit it.

    One row per (revision, file hash): the latest decision replaces an earlier one, so a rejection
    stands until someone approves the same file again, and an edited file needs a new decision.
    """
    from sqlalchemy import text

    if decision not in (APPROVE, REJECT):
        raise ValueError(f"decision must be {APPROVE!r} or {REJECT!r}")
    sha = file_sha256(path)
    ensure_tables(conn)
    row = conn.execute(text(f"""INSERT INTO {SCHEMA}.approvals (revision, file_sha256, approved_by, reason, decision)
        VALUES (:rev, :sha, :by, :reason, :decision)
        ON CONFLICT (revision, file_sha256) DO UPDATE SET approved_by = EXCLUDED.approved_by,
            reason = EXCLUDED.reason, decision = EXCLUDED.decision, approved_at = now()
        RETURNING revision, file_sha256, approved_by, reason, approved_at, decision"""),
        {"rev": revision, "sha": sha, "by": by, "reason": reason, "decision": decision}).one()
    record(conn, actor=by, action=decision, outcome="ok", to_rev=revision,
           details={**(details or {}), "revision": revision, "file_sha256": sha, "reason": reason})
    return Approval(*row)


def decisions(conn: Connection) -> list[Approval]:
    """Return every recorded decision (approvals and rejections), newest first."""
    if not tables_exist(conn):
        return []
    decision = "decision" if _has_column(conn, "approvals", "decision") else f"'{APPROVE}'"
    rows = conn.exec_driver_sql(f"""SELECT revision, file_sha256, approved_by, reason, approved_at, {decision}
        FROM {SCHEMA}.approvals ORDER BY approved_at DESC""")
    return [Approval(*row) for row in rows]


def approvals(conn: Connection) -> list[Approval]:
    """Return every approval still in force (not replaced by a rejection), newest first."""
    return [d for d in decisions(conn) if d.decision == APPROVE]


def rejections(conn: Connection) -> list[Approval]:
    """Return every rejection still in force (no later approval of the same file hash), newest first."""
    return [d for d in decisions(conn) if d.decision == REJECT]


def _details(conn: Connection) -> str:
    """The select-list item for audit_log.details: NULL on a database created before the column existed."""
    return "details" if _has_column(conn, "audit_log", "details") else "NULL::jsonb"


def log(conn: Connection, limit: int = 200) -> list[AuditEntry]:
    """Return the newest audit-log rows first."""
    if not tables_exist(conn):
        return []
    from opsconsole.alembic_env.lock import holder

    running = holder(conn) is not None
    rows = conn.exec_driver_sql(f"""SELECT id, at, actor, action, from_rev, to_rev, sql_sha256, duration_ms,
        outcome, error, {_details(conn)} FROM {SCHEMA}.audit_log ORDER BY id DESC LIMIT %(n)s""", {"n": int(limit)})
    entries = [AuditEntry(*row) for row in rows]
    if running:
        return entries
    return [replace(e, outcome="interrupted") if e.outcome == "started" else e for e in entries]


def read_log(settings: Settings, limit: int = 200) -> list[AuditEntry]:
    """Return the newest audit-log rows of the managed database (read-only)."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        return log(conn, limit)


def read_approvals(settings: Settings) -> list[Approval]:
    """Return every recorded approval of the managed database (read-only)."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        return approvals(conn)


def read_decisions(settings: Settings) -> list[Approval]:
    """Return every approval and rejection in force on the managed database (read-only), newest first."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        return decisions(conn)
