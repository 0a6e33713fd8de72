"""The guarded upgrade: lock, pre-check, apply one transaction per migration, audit, post-check.

One function serves the console's button, the CLI and start.sh. It runs in a worker process (see
runner.py): a PostgreSQL advisory lock makes two upgrades mutually exclusive; a `started` audit row
is committed before each step and closed inside the step's own transaction, so a step whose process
dies shows as *interrupted*; a failing step is rolled back and the database stays at the last
revision that completed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole import audit
from opsconsole.errors import OpsConsoleError, UpgradeFailed, UpgradeRefused, WrongDatabase, describe
from opsconsole.settings import Settings

from . import lock, runner
from .project import Project
from .revisions import current_revisions, load_graph

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

UPGRADE_BLOCKERS = ("single-head", "revision-known", "applied-unchanged")
Progress = Callable[[str], None]
_NON_TRANSACTIONAL = ("autocommit_block", "concurrently")


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
    backup: dict[str, Any] = field(default_factory=dict)  # opsconsole.backup: the plan (size first) and ids taken

    @property
    def ok(self) -> bool:
        """Whether every step and every post-check passed."""
        return all(s.outcome == "ok" for s in self.steps) and all(c["status"] != "fail" for c in self.post_checks)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as the CLI's --json prints it."""
        return {"ok": self.ok, "dry_run": self.dry_run, "start": list(self.start), "final": list(self.final),
                "steps": [s.to_dict() for s in self.steps], "sql": self.sql, "findings": list(self.findings),
                "post_checks": list(self.post_checks), "warnings": list(self.warnings), "backup": self.backup}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UpgradeResult:
        """Rebuild the result a worker reported."""
        return cls(start=tuple(data["start"]), final=tuple(data["final"]),
                   steps=tuple(Step(**s) for s in data["steps"]), dry_run=data["dry_run"], sql=data["sql"],
                   findings=tuple(data["findings"]), post_checks=tuple(data["post_checks"]),
                   warnings=tuple(data["warnings"]), backup=data.get("backup") or {})


def upgrade(settings: Settings, by: str, target: str = "heads", confirm: str | None = None,
            dry_run: bool = False, progress: Progress | None = None, no_backup: str | None = None) -> UpgradeResult:
    """Bring the database to `target` under the lock, refusing unapproved data loss; see module doc.

    `confirm` is the id of a data-loss revision the operator typed (several: comma-separated).
    `no_backup` names revisions whose data at risk the operator chose not to copy (audited; see opsconsole.backup).
    """
    from opsconsole.db import target as db_target

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
    args = {"by": by, "target": target, "confirm": confirm, "dry_run": dry_run, "no_backup": no_backup}
    try:
        if runner.inline():
            from .project import load_project

            project = load_project(settings)
            with runner.inline_environment(settings, project):
                data = upgrade_here(settings, project, args, progress or (lambda _m: None))
        else:
            data = runner.run(settings, "upgrade", args, progress)
    finally:
        if not dry_run:  # this process's shared verdicts are out of date, however it ended
            from opsconsole.verdict import forget_shared

            forget_shared()
    return UpgradeResult.from_dict(data)


def upgrade_here(settings: Settings, project: Project, args: dict[str, Any], say: Progress) -> dict[str, Any]:
    """The upgrade itself, in the worker: its own unpooled connection, never one a viewer needs."""
    with _own_connection(settings) as conn:
        try:
            if not lock.try_lock(conn, args["by"]):
                holder = lock.holder(conn) or "in another session"
                conn.commit()
                _refuse(conn, settings, args["by"], (), f"an upgrade is already running {holder}; wait for it to "
                        "finish.", "locked", args["dry_run"])
            return _locked_upgrade(conn, settings, project, args, say).to_dict()
        finally:
            lock.release(conn)


def _locked_upgrade(conn: Connection, settings: Settings, project: Project, args: dict[str, Any],
                    say: Progress) -> UpgradeResult:
    from opsconsole import guard

    by, target, dry_run = args["by"], args["target"], args["dry_run"]
    say("Running the deploy guard before upgrading…")
    with conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        # The guard's reads (pre-flight counts, rows at risk) keep the console's statement timeout; only the
        # migration steps themselves run without one.
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(settings.statement_timeout_ms)}")
        report = guard.run(settings, conn=conn, only=(*UPGRADE_BLOCKERS, "pending-safe"))
        _, start = current_revisions(conn, project)
    blockers = [c for c in report.checks if c.id in UPGRADE_BLOCKERS and c.status == "fail"]
    safe = report.check("pending-safe")
    if safe is not None and safe.status == "fail" and not report.findings:
        blockers.append(safe)  # the check itself could not run: fail closed
    if blockers:
        _refuse(conn, settings, by, start, "; ".join(f"{c.id}: {c.detail or c.summary}" for c in blockers),
                "guard", dry_run)
    graph = load_graph(settings, project)
    wanted = graph.pending(start, target)
    wanted_ids = {sc.revision for sc in wanted}
    checked = {sc.revision: audit.file_sha256(sc.path) for sc in wanted}  # what the guard just judged
    confirmed = {part.strip() for part in (args.get("confirm") or "").split(",") if part.strip()}
    unapproved = [rev for rev in report.unapproved if rev in wanted_ids and rev not in confirmed]
    mine = [f for f in report.findings if f.get("revision") in wanted_ids]
    from opsconsole.approvals import rejected_reason

    with conn.begin():
        rejected = rejected_reason(audit.decisions(conn), wanted)
    failing = None
    if mine:  # the pre-flight (and the analyzer under it) is loaded only when there are findings
        from opsconsole import preflight

        failing = preflight.blocking_reason(mine)
    from opsconsole import backup  # size first; the copies are taken by StepLog.on_begin inside each step

    backups = backup.plan_for_upgrade(conn, settings, report.findings, [sc.revision for sc in wanted],
                                      args.get("no_backup"))
    if dry_run:
        from .dryrun import DryRun, RevisionSQL, dry_run_here

        rendered = dry_run_here(settings, project, {"target": target, "start": list(start)}, say)
        preview = DryRun(start, tuple(RevisionSQL(**r) for r in rendered["revisions"]))
        sql = preview.sql
        warnings = [f"{rev} deletes data and is not approved: the real upgrade will refuse it" for rev in unapproved]
        warnings += [f"{r.revision} cannot be rendered offline: {r.error}" for r in preview.revisions if r.error]
        warnings += [f"the real upgrade will refuse: {backups.refusal}"] if backups.refusal else []
        warnings += [f"the real upgrade will refuse: {reason}" for reason in (rejected, failing) if reason]
        return UpgradeResult(start, start, (), True, sql, tuple(report.findings), warnings=tuple(warnings),
                             backup=backups.to_dict())
    if rejected:
        _refuse(conn, settings, by, start, rejected, "rejected")
    if failing:
        _refuse(conn, settings, by, start, failing, "preflight")
    if unapproved:
        _refuse(conn, settings, by, start,
                f"pending revision(s) {', '.join(unapproved)} delete data and are not approved; approve them "
                "('python -m opsconsole approve REV --by NAME --reason TEXT') or type the revision id to confirm.",
                "data-loss")
    if not wanted:
        return UpgradeResult(start, start, (), False, "", tuple(report.findings))
    if backups.refusal:
        _refuse(conn, settings, by, start, backups.refusal, "backup")
    try:
        backup.prepare(conn, settings, backups, by)
    except backup.BackupError as exc:
        _refuse(conn, settings, by, start, str(exc), "backup")
    _record_confirmations(conn, settings, by, start, report.findings, wanted, confirmed & set(report.unapproved))
    taker = backup.Taker(settings, backups, by, say)
    steps = _apply_all(conn, settings, project, by, target, wanted, checked, say, on_begin=taker)
    with conn.begin():
        _, final = current_revisions(conn, project)
    say("Checking the result…")
    post = guard.run(settings, only=("at-head", "no-drift"), strict=target in ("head", "heads"))
    return UpgradeResult(start, final, tuple(steps), False, "", tuple(report.findings),
                         tuple(c.to_dict() for c in post.checks),
                         backup={**backups.to_dict(), "taken": taker.committed({s.to_rev for s in steps})})


def _apply_all(conn: Connection, settings: Settings, project: Project, by: str, target: str, wanted: list[Any],
               checked: dict[str, str], say: Progress, on_begin: Callable[[Any, str], None] | None = None
               ) -> list[Step]:
    """Run the steps through env.py; write started/ok/failed rows; raise UpgradeFailed on a failure."""
    from .steps import StepLog, run_online

    files = {sc.revision: sc for sc in wanted}
    hashes = {rev: _sql_hash(sc.path) for rev, sc in files.items()}
    rows: dict[str, int] = {}
    steps: list[Step] = []
    run = {"run": uuid.uuid4().hex[:16]}  # every row of this run carries it: the console groups a run by it
    with _own_connection(settings) as audit_conn:
        with audit_conn.begin():
            audit.ensure_tables(audit_conn)

        def started(rev: str, down: str | None) -> None:
            sc = files.get(rev)
            if sc is not None and audit.file_sha256(sc.path) != checked[rev]:
                raise UpgradeFailed(f"{sc.path} changed after the guard checked it; run the upgrade again.")
            say(f"Applying {rev} — {sc.message if sc else ''}")
            with audit_conn.begin():
                rows[rev] = audit.start_step(audit_conn, actor=by, from_rev=down, to_rev=rev,
                                             sql_sha256=hashes.get(rev), settings=settings, run=run["run"])

        def done(tx: Connection, rev: str, down: str | None, ms: int) -> None:
            sc = files.get(rev)
            if rev in rows:
                audit.finish_step(tx, rows[rev], "ok", ms, settings=settings)
            if sc is not None:
                audit.record_applied(tx, rev, sc.path, by)
            steps.append(Step(down, rev, sc.message if sc else "", hashes.get(rev, ""), ms, "ok"))

        log = StepLog(on_start=started, on_begin=on_begin, on_done=done,  # on_begin: opsconsole.backup copies
                      expected=frozenset(files))
        try:
            run_online(settings, project, conn, target, log)
        except Exception as exc:  # contained: whatever the step raised
            failed = log.in_flight
            error = _explain(exc, settings)
            if isinstance(exc, WrongDatabase):
                with audit_conn.begin():
                    audit.record(audit_conn, actor=by, action="upgrade", outcome="refused", error=error,
                                 settings=settings, details=run)
                raise
            with conn.begin():
                _, now_at = current_revisions(conn, project)
            where = ", ".join(now_at) or "base"
            if failed is None:
                with audit_conn.begin():
                    audit.record(audit_conn, actor=by, action="upgrade", outcome="failed", to_rev=target,
                                 error=error, settings=settings, details=run)
                raise UpgradeFailed(f"the project's env.py failed before any migration ran: {error}. Fix it (or install "
                                    f"what it imports) and run the upgrade again; the database is at {where}.",
                                    last_good=",".join(now_at) or None) from None
            sc = files.get(failed)
            outside = sc is not None and _non_transactional(sc.path)
            outcome = "partial" if outside else "failed"
            note = (" This step ran outside a transaction (autocommit_block / CONCURRENTLY): statements before the "
                    "error were kept — look for an INVALID index or half-made objects, drop them, then re-run."
                    if outside else "")
            with audit_conn.begin():
                if failed in rows:
                    audit.finish_step(audit_conn, rows[failed], outcome, log.started_ms(failed), error + note,
                                      settings=settings)
                else:  # refused before its first statement (its file changed): still on record
                    audit.record(audit_conn, actor=by, action="upgrade-step", outcome="failed", to_rev=failed,
                                 error=error, settings=settings, details=run)
            steps.append(Step(None, failed, sc.message if sc else "", hashes.get(failed, ""),
                              log.started_ms(failed), outcome, error + note))
            applied = [s.to_rev for s in steps if s.outcome == "ok"]
            kept = (f"Applied before it: {', '.join(applied)} — the database is now at {where}. " if applied else
                    f"No step before it was applied; the database is still at {where}. ")
            failure = UpgradeFailed(
                f"migration {failed} failed: {error}.{note} {kept}The failed step was rolled back"
                f"{' as far as a transaction allows' if outside else ''} (see the audit log). Fix the migration "
                "and run the upgrade again, or go back with 'alembic downgrade' where the migrations have one.",
                last_good=",".join(now_at) or None)
            failure.applied = ",".join(applied)  # type: ignore[attr-defined]  # strings cross the worker protocol
            failure.failed = failed  # type: ignore[attr-defined]
            raise failure from None
    return steps


def _record_confirmations(conn: Connection, settings: Settings, by: str, start: tuple[str, ...],
                          findings: tuple[dict[str, Any], ...], wanted: list[Any], typed: set[str]) -> None:
    """Put each typed confirmation of an unapproved data-loss revision in the audit log, with what is at risk."""
    from opsconsole.approvals import decision_details

    for sc in wanted:
        if sc.revision not in typed:
            continue
        details = {**decision_details(findings, sc.revision), "revision": sc.revision,
                   "file_sha256": audit.file_sha256(sc.path), "typed": sc.revision}
        with conn.begin():
            audit.record(conn, actor=by, action="confirm", outcome="ok", from_rev=",".join(start) or None,
                         to_rev=sc.revision, settings=settings, details=details)


def apply_here(settings: Settings, project: Project, args: dict[str, Any], say: Progress) -> dict[str, Any]:
    """Apply pending steps to `target` with no lock and no audit (the rehearsal's scratch database)."""
    from .steps import StepLog, run_online

    log = StepLog(on_start=lambda rev, _down: say(f"Rehearsing {rev}"))
    failed = error = None
    with _own_connection(settings) as conn:
        try:
            run_online(settings, project, conn, args.get("target", "heads"), log)
        except Exception as exc:  # contained: whatever the migration raised
            failed = log.in_flight or "env.py"
            error = _explain(exc, settings)
    return {"applied": list(log.done), "failed": failed, "error": error}


@contextmanager
def _own_connection(settings: Settings) -> Iterator[Connection]:
    """db.dedicated (outside every pool) with statement_timeout off: a long backfill is not cut short;
    lock_timeout (OPSCONSOLE_LOCK_TIMEOUT_MS) still bounds every lock wait."""
    from opsconsole.db import dedicated

    with dedicated(settings) as conn:
        conn.exec_driver_sql("SET statement_timeout = 0")
        conn.commit()
        yield conn


def _sql_hash(path: str) -> str:
    from opsconsole.analyze import render_upgrade_sql

    try:
        _, sql = render_upgrade_sql(path)
    except OpsConsoleError:
        sql = Path(path).read_text(encoding="utf-8", errors="replace")
    return audit.text_sha256(sql)


def _non_transactional(path: str) -> bool:
    text = Path(path).read_text(encoding="utf-8", errors="replace").lower()
    return any(marker in text for marker in _NON_TRANSACTIONAL)


def _explain(exc: BaseException, settings: Settings) -> str:
    """One redacted paragraph: the migration's own error where containment wrapped it."""
    from opsconsole.errors import MigrationCodeError

    cause = exc.__cause__ if isinstance(exc, MigrationCodeError) and exc.__cause__ is not None else exc
    text = str(cause) if isinstance(cause, OpsConsoleError) else describe(cause)
    return _one_paragraph(settings.redact(text))


def _one_paragraph(text: str) -> str:
    return " ".join(text.split()).rstrip(".")


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
