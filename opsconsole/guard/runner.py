"""run(): the guard's checks in their stable order, on one shared read-only connection."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from opsconsole.errors import OpsConsoleError, SettingsError, describe
from opsconsole.guard.context import Check, Context
from opsconsole.guard.data import check_no_drift, check_pending_safe, check_rls_enabled, check_tenant_isolation
from opsconsole.guard.hosting import (check_auto_migrations_disabled, check_database_reachable,
                                       check_database_target, check_process_env)
from opsconsole.guard.report import FAIL, WARN, CheckResult, GuardReport
from opsconsole.guard.revisions import check_applied_unchanged, check_at_head, check_revision_known, check_single_head
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


CHECKS: tuple[tuple[str, Check, bool], ...] = (
    ("auto-migrations-disabled", check_auto_migrations_disabled, False),
    ("process-env", check_process_env, False),
    ("database-reachable", check_database_reachable, True),
    ("single-head", check_single_head, False),
    ("revision-known", check_revision_known, True),
    ("at-head", check_at_head, True),
    ("no-drift", check_no_drift, True),
    ("pending-safe", check_pending_safe, True),
    ("applied-unchanged", check_applied_unchanged, True),
    ("tenant-isolation", check_tenant_isolation, True),
    ("rls-enabled", check_rls_enabled, True),
    ("database-target", check_database_target, False),
)
CHECK_IDS = tuple(check_id for check_id, _, _ in CHECKS)


def run(settings: Settings, strict: bool = False, only: Iterable[str] | None = None,
        start_script: Path | None = None, conn: Connection | None = None) -> GuardReport:
    """Run the guard's checks (all, or `only` those ids) and return one report."""
    wanted = list(only) if only else list(CHECK_IDS)
    unknown = [c for c in wanted if c not in CHECK_IDS]
    if unknown:
        raise SettingsError("--check", f"unknown check id(s) {', '.join(unknown)}; known: {', '.join(CHECK_IDS)}.")
    ctx = Context(settings, strict, Path(start_script or settings.start_script))
    needs_db = any(needs for check_id, _, needs in CHECKS if check_id in wanted)
    if needs_db and conn is None:
        from opsconsole.db import read_only

        try:
            with read_only(settings) as ro:
                ctx.conn = ro
                return _run(ctx, wanted)
        except OpsConsoleError as exc:
            if ctx.conn is not None:
                raise
            ctx.db_error = str(exc)
    ctx.conn = conn
    return _run(ctx, wanted)


def _run(ctx: Context, wanted: list[str]) -> GuardReport:
    """Run the wanted checks in order; those needing an unreachable database say so instead."""
    results = []
    for check_id, fn, needs_db in CHECKS:
        if check_id not in wanted and not (check_id == "database-reachable" and ctx.db_error):
            continue
        if needs_db and ctx.conn is None and check_id != "database-reachable":
            results.append(CheckResult(check_id, WARN, "Not checked: the database could not be reached.",
                                       ctx.db_error or ""))
            continue
        results.append(_run_one(ctx, check_id, fn, needs_db))
    status = ctx.__dict__.get("status")  # computed by whichever check needed it, never just for this list
    pending = tuple({"revision": r.revision, "message": r.message, "path": r.path}
                    for r in (status.pending if status is not None else ()))
    return GuardReport(tuple(results), pending, tuple(ctx.findings), ctx.strict, ctx.__dict__.get("script"), status)


def _run_one(ctx: Context, check_id: str, fn: Check, needs_db: bool) -> CheckResult:
    """Run one check; on the shared read-only transaction it gets a savepoint, so a timeout stays local."""
    from sqlalchemy.exc import DBAPIError

    try:
        if needs_db and ctx.conn is not None:
            with ctx.conn.begin_nested():
                return fn(ctx)
        return fn(ctx)
    except (OpsConsoleError, DBAPIError) as exc:
        reason = ctx.settings.redact(describe(exc).splitlines()[0])
        return CheckResult(check_id, FAIL, f"The {check_id} check could not run.", reason)
