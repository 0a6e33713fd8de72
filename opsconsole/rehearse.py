"""Rehearsal: run the pending migrations on a scratch database on the embedded server first.

The scratch database is migrated base→current, then current→target online, so steps that offline
rendering cannot see (`op.get_bind()` data steps, `is_offline_mode()` branches) run for real — on a
throw-away copy of the schema, never on the managed database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from opsconsole.errors import OpsConsoleError, describe
from opsconsole.settings import Settings


@dataclass(frozen=True)
class Rehearsal:
    """What the rehearsal applied and what the schema lost on the way."""

    start: tuple[str, ...]
    applied: tuple[str, ...]
    failed: str | None
    error: str | None
    lost_tables: tuple[str, ...]
    lost_columns: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether every step ran and nothing was lost."""
        return self.failed is None and not self.lost_tables and not self.lost_columns

    def describe(self) -> str:
        """Say in a few lines what happened."""
        lines = [f"rehearsal from {', '.join(self.start) or 'base'}: applied {len(self.applied)} step(s)"
                 + (f" ({', '.join(self.applied)})" if self.applied else "")]
        if self.failed:
            lines.append(f"FAILED at {self.failed}: {self.error}")
        if self.lost_tables:
            lines.append(f"tables lost: {', '.join(self.lost_tables)}")
        if self.lost_columns:
            lines.append(f"columns lost: {', '.join(self.lost_columns)}")
        if self.ok:
            lines.append("OK: every step ran and no table or column was lost")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the rehearsal as plain data."""
        return {"ok": self.ok, "start": list(self.start), "applied": list(self.applied), "failed": self.failed,
                "error": self.error, "lost_tables": list(self.lost_tables), "lost_columns": list(self.lost_columns)}


def rehearse(settings: Settings, target: str = "heads") -> Rehearsal:
    """Migrate a scratch database to the managed database's revision, then on to `target`, and report."""
    from opsconsole.db import connect, dispose_engines, embedded_admin, embedded_url
    from opsconsole.migrations import apply_revision, pending_to, script_directory, status

    st = status(settings)
    if any(p.code == "unknown-revision" for p in st.problems):
        raise OpsConsoleError("cannot rehearse: the database is at a revision these scripts do not know.")
    steps = pending_to(script_directory(settings), st.current, target)
    name = f"opsconsole_rehearsal_{uuid.uuid4().hex[:10]}"
    scratch_url = embedded_url(settings.home).replace("/opsconsole?", f"/{name}?")
    scratch = replace(settings, database_url=scratch_url)
    embedded_admin(settings.home, f'CREATE DATABASE "{name}"')
    applied: list[str] = []
    failed = error = None
    try:
        with connect(scratch) as conn:
            for rev in st.current:
                apply_revision(scratch, conn, rev)
            before = _snapshot(conn, settings)
            for sc in steps:
                try:
                    apply_revision(scratch, conn, sc.revision)
                except Exception as exc:  # a migration raises whatever its code raises
                    if conn.in_transaction():
                        conn.rollback()
                    failed, error = sc.revision, settings.redact(describe(exc))
                    break
                applied.append(sc.revision)
            after = _snapshot(conn, settings)
    finally:
        dispose_engines(scratch_url)
        embedded_admin(settings.home, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    lost_tables = tuple(sorted(t for t in before if t not in after))
    lost_columns = tuple(sorted(f"{t}.{c}" for t, cols in before.items() if t in after
                                for c in cols if c not in after[t]))
    return Rehearsal(st.current, tuple(applied), failed, error, lost_tables, lost_columns)


def _snapshot(conn: Any, settings: Settings) -> dict[str, set[str]]:
    rows = conn.exec_driver_sql(
        "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = ANY(%(s)s) AND table_name <> 'alembic_version'", {"s": list(settings.schemas)})
    out: dict[str, set[str]] = {}
    for table, column in rows:
        out.setdefault(table, set()).add(column)
    conn.rollback()
    return out
