"""The guarded upgrade: lock, pre-check, apply one transaction per migration, audit, post-check.

One function serves the console's button, the CLI and start.sh. A PostgreSQL advisory lock makes
two upgrades mutually exclusive; every step is recorded in the audit log; a failing step is
rolled back so the database stays at the last revision that completed.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole import audit
from opsconsole.errors import OpsConsoleError, UpgradeFailed, UpgradeRefused, describe
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

LOCK_KEY = 0x6F7073636F6E73  # "opscons": one upgrade per database at a time
APP_NAME_PREFIX = "opsconsole upgrade"
_KEY_MATCH = f"l.objsubid = 1 AND l.classid = {LOCK_KEY >> 32} AND l.objid = {LOCK_KEY & 0xFFFFFFFF}"
UPGRADE_BLOCKERS = ("single-head", "revision-known", "applied-unchanged")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Step:
    """One applied (or failed) migration."""

    from_rev: str | None
    to_rev: str
    message: str
    sql_sha256: str
    duration_ms: int
    outcome: str
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the step as plain data."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class UpgradeResult:
    """What the upgrade did: the steps, where it started and ended, and the post-check."""

    start: tuple[str, ...]
    final: tuple[str, ...]
    steps: tuple[Step, ...]
    dry_run: bool = False
    sql: str = ""
    findings: tuple[dict[str, Any], ...] = ()
    post_checks: tuple[dict[str, str], ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """Whether every step and every post-check passed."""
        return all(s.outcome == "ok" for s in self.steps) and all(c["status"] != "fail" for c in self.post_checks)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as the CLI's --json prints it."""
        return {"ok": self.ok, "dry_run": self.dry_run, "start": list(self.start), "final": list(self.final),
                "steps": [s.to_dict() for s in self.steps], "sql": self.sql, "findings": list(self.findings),
                "post_checks": list(self.post_checks), "warnings": list(self.warnings)}


def upgrade(settings: Settings, by: str, target: str = "heads", confirm: str | None = None,
            dry_run: bool = False, progress: Progress | None = None) -> UpgradeResult:
    """Bring the database to `target` under the lock, refusing unapproved data loss; see module doc.

    `confirm` is the id of a data-loss revision the operator typed (several: comma-separated).
    """
    from opsconsole.db import connect, target as db_target

    say = progress or (lambda _msg: None)
    by = (by or "").strip()
    if not by or len(by) > 100 or any(not ch.isprintable() for ch in by):
        raise UpgradeRefused("say who is upgrading (--by NAME: up to 100 printable characters); "
                             "the audit log records it.", reason="no-actor")
    where = db_target(settings)
    if where.pooler == "transaction":
        raise UpgradeRefused(
            f"{where.host}:{where.port} is a transaction-mode pooler, which cannot hold the upgrade lock; "
            "use the direct connection (db.<ref>.supabase.co:5432) or the session pooler (port 5432).",
            reason="pooler")
    with connect(settings) as conn:
        locked = False
        try:
            locked = _take_lock(conn, by, settings, dry_run)
            return _locked_upgrade(conn, settings, by, target, confirm, dry_run, say)
        finally:
            _release_lock(conn, locked)
            conn.invalidate()  # migrations may SET anything (search_path, role, timeouts): never pool it


def lock_holder(settings: Settings, conn: Connection | None = None) -> str | None:
    """Return "since … by …" for a running upgrade, or None when nobody holds the lock."""
    from opsconsole.db import read_only

    if conn is None:
        with read_only(settings) as ro:
            return _holder(ro)
    return _holder(conn)


def render_sql(settings: Settings, start: tuple[str, ...], target: str = "heads") -> str:
    """Render the SQL an upgrade from `start` to `target` would run (Alembic offline mode)."""
    from alembic import command

    from opsconsole.migrations import load_config

    buffer = io.StringIO()
    config = load_config(settings)
    config.output_buffer = buffer
    config.attributes["output_buffer"] = buffer
    spec = target if not start else f"{start[0]}:{target}" if len(start) == 1 else target
    try:
        command.upgrade(config, spec, sql=True)
    except Exception as exc:  # alembic and user code raise anything here
        raise OpsConsoleError(f"could not render the upgrade SQL offline: {type(exc).__name__}: {exc}") from None
    return buffer.getvalue()


def _locked_upgrade(conn: Connection, settings: Settings, by: str, target: str, confirm: str | None,
                    dry_run: bool, say: Progress) -> UpgradeResult:
    from opsconsole import guard
    from opsconsole.migrations import current_revisions, pending_to, script_directory

    say("Running the deploy guard before upgrading…")
    with conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        report = guard.run(settings, conn=conn, only=(*UPGRADE_BLOCKERS, "pending-safe"))
        _, start = current_revisions(conn, settings)
    blockers = [c for c in report.checks if c.id in UPGRADE_BLOCKERS and c.status == "fail"]
    safe = report.check("pending-safe")
    if safe is not None and safe.status == "fail" and not report.findings:
        blockers.append(safe)  # the check itself could not run: fail closed
    if blockers:
        _refuse(conn, settings, by, start, "; ".join(f"{c.id}: {c.detail or c.summary}" for c in blockers),
                "guard", dry_run)
    script = script_directory(settings)
    wanted = pending_to(script, start, target)
    wanted_ids = {sc.revision for sc in wanted}
    confirmed = {part.strip() for part in (confirm or "").split(",") if part.strip()}
    unapproved = [rev for rev in report.unapproved if rev in wanted_ids and rev not in confirmed]
    if dry_run:
        sql = render_sql(settings, start, target) if wanted else ""
        warnings = tuple(f"{rev} deletes data and is not approved: the real upgrade will refuse it"
                         for rev in unapproved)
        return UpgradeResult(start, start, (), True, sql, tuple(report.findings), warnings=warnings)
    if unapproved:
        _refuse(conn, settings, by, start,
                f"pending revision(s) {', '.join(unapproved)} delete data and are not approved; approve them "
                "('python -m opsconsole approve REV --by NAME --reason TEXT') or type the revision id to confirm.",
                "data-loss")
    checked = {sc.revision: audit.file_sha256(sc.path) for sc in wanted}
    steps: list[Step] = []
    current = start
    for sc in wanted:
        say(f"Applying {sc.revision} — {sc.doc}")
        step = _apply(conn, settings, by, sc, current, checked[sc.revision])
        steps.append(step)
        if step.outcome != "ok":
            raise UpgradeFailed(
                f"migration {sc.revision} failed: {step.error}. Nothing of it was kept; the database "
                f"stays at {', '.join(current) or 'base'} (see the audit log).", last_good=",".join(current) or None)
        with conn.begin():
            _, current = current_revisions(conn, settings)
    say("Checking the result…")
    post = guard.run(settings, only=("at-head", "no-drift"), strict=target in ("head", "heads"))
    return UpgradeResult(start, current, tuple(steps), False, "", tuple(report.findings),
                         tuple(c.to_dict() for c in post.checks))


def _apply(conn: Connection, settings: Settings, by: str, sc: Any, current: tuple[str, ...], checked: str) -> Step:
    """Apply one migration with its audit row in the same transaction, or record why it failed."""
    from opsconsole.migrations import apply_revision

    sql_hash = _sql_hash(sc.path)
    from_rev = ",".join(current) or None
    started = time.monotonic()

    def record_ok(tx: Connection) -> None:
        audit.record_applied(tx, sc.revision, sc.path, by)
        audit.record(tx, actor=by, action="upgrade-step", outcome="ok", from_rev=from_rev, to_rev=sc.revision,
                     sql_sha256=sql_hash, duration_ms=_ms(started), settings=settings)

    try:
        if audit.file_sha256(sc.path) != checked:
            raise UpgradeFailed(f"{sc.path} changed after the guard checked it; run the upgrade again")
        apply_revision(settings, conn, sc.revision, then=record_ok)
        return Step(from_rev, sc.revision, sc.doc or "", sql_hash, _ms(started), "ok")
    except Exception as exc:  # a failing migration raises whatever its code raises
        if conn.in_transaction():
            conn.rollback()
        error = settings.redact(describe(exc))
        with conn.begin():
            audit.record(conn, actor=by, action="upgrade-step", outcome="failed", from_rev=from_rev,
                         to_rev=sc.revision, sql_sha256=sql_hash, duration_ms=_ms(started), error=error,
                         settings=settings)
        return Step(from_rev, sc.revision, sc.doc or "", sql_hash, _ms(started), "failed", error)


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _sql_hash(path: str) -> str:
    from opsconsole.analyze import render_upgrade_sql

    try:
        _, sql = render_upgrade_sql(path)
    except OpsConsoleError:
        sql = Path(path).read_text(encoding="utf-8", errors="replace")
    return audit.text_sha256(sql)


def _take_lock(conn: Connection, by: str, settings: Settings, dry_run: bool) -> bool:
    """Take the session-level advisory lock, or refuse naming who holds it."""
    got = conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({LOCK_KEY})").scalar()
    conn.commit()
    if not got:
        holder = _holder(conn) or "in another session"
        conn.commit()
        _refuse(conn, settings, by, (), f"an upgrade is already running {holder}; wait for it to finish.",
                "locked", dry_run)
    since = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    name = f"{APP_NAME_PREFIX} since {since} by {by}"[:63]
    conn.exec_driver_sql("SELECT set_config('application_name', %(n)s, false)", {"n": name})
    conn.commit()
    return True


def _release_lock(conn: Connection, locked: bool) -> None:
    """Give the lock back (also after a failure half-way through taking it); else drop the connection."""
    try:
        if conn.in_transaction():
            conn.rollback()
        held = conn.exec_driver_sql(f"SELECT count(*) FROM pg_locks l WHERE l.locktype = 'advisory' "
                                    f"AND l.pid = pg_backend_pid() AND {_KEY_MATCH}").scalar()
        if locked or held:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
        conn.exec_driver_sql("SELECT set_config('application_name', 'opsconsole', false)")
        conn.commit()
    except Exception:  # the connection may be gone; the server frees the lock with the session
        conn.invalidate()


def _holder(conn: Connection) -> str | None:
    row = conn.exec_driver_sql(
        f"""SELECT a.application_name, a.backend_start FROM pg_locks l
           JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND {_KEY_MATCH} LIMIT 1""").first()
    if row is None:
        return None
    name, started = row
    if name and name.startswith(APP_NAME_PREFIX):
        return name[len(APP_NAME_PREFIX):].strip()
    return f"since {started:%Y-%m-%d %H:%M:%S %Z} by {name or 'an unknown session'}"


def _refuse(conn: Connection, settings: Settings, by: str, start: tuple[str, ...], message: str,
            reason: str, dry_run: bool = False) -> None:
    """Record the refusal in the audit log (not for a dry run, which writes nothing) and raise it."""
    if not dry_run:
        try:
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                audit.record(conn, actor=by, action="upgrade", outcome="refused", from_rev=",".join(start) or None,
                             error=message, settings=settings)
        except Exception:  # a refusal must reach the user even if the log cannot be written
            if conn.in_transaction():
                conn.rollback()
    raise UpgradeRefused(f"upgrade refused: {message}", reason=reason)
