"""Checks on where the console runs: the start script's flag, this process, the database it points at."""

from __future__ import annotations

import os

from opsconsole.guard.context import Context
from opsconsole.guard.report import FAIL, FLAG, FLAG_VALUE, PASS, WARN, CheckResult


def check_auto_migrations_disabled(ctx: Context) -> CheckResult:
    """The platform's automatic migrations once proposed DROP TABLE; start.sh must switch them off."""
    from opsconsole.startscript import check_export

    verdict = check_export(ctx.start_script, FLAG, FLAG_VALUE)
    if verdict.ok:
        return CheckResult("auto-migrations-disabled", PASS,
                           "The start script switches the platform's automatic migrations off.", verdict.reason)
    return CheckResult("auto-migrations-disabled", FAIL,
                       "The start script does not reliably switch the platform's automatic migrations off — "
                       "publishing could propose DROP TABLE.", verdict.reason)


def check_process_env(ctx: Context) -> CheckResult:
    """A flag added to start.sh only counts once the running workflow has been restarted."""
    value = os.environ.get(FLAG)
    if value == FLAG_VALUE:
        return CheckResult("process-env", PASS, "This process has the flag set.",
                           f"{FLAG}={FLAG_VALUE} in the process environment.")
    shown = "unset" if value is None else f"'{value}'"
    return CheckResult("process-env", WARN,
                       "This process does not have the flag — restart the workflow so it picks up start.sh.",
                       f"{FLAG} is {shown} in this process's environment; restart the workflow (or run through start.sh).")


def check_database_reachable(ctx: Context) -> CheckResult:
    """Nothing else can be judged if the database cannot be reached."""
    from opsconsole.db import target

    where = target(ctx.settings)
    if ctx.db_error:
        return CheckResult("database-reachable", FAIL, "The database cannot be reached.", ctx.db_error)
    version = ctx.conn.exec_driver_sql("SHOW server_version").scalar() if ctx.conn is not None else "?"
    label = "the embedded demo database" if where.embedded else where.host
    return CheckResult("database-reachable", PASS, f"Connected to {label}.",
                       f"{where.url} — PostgreSQL {version}.")


def check_database_target(ctx: Context) -> CheckResult:
    """Publishing migrates the platform's own database, which is not the one the team uses."""
    from opsconsole.db import target

    where = target(ctx.settings)
    if where.embedded:
        return CheckResult("database-target", PASS, "Using the embedded demo database.", where.url)
    problems = []
    if where.pooler == "transaction":
        problems.append(f"{where.host}:{where.port} is a transaction-mode pooler (no session locks, no "
                        "prepared statements); use the direct (5432) or session-pooler URL")
    expected = ctx.settings.expected_db_host
    if expected and expected.strip().lower() != where.host.lower():
        problems.append(f"DATABASE_URL points at {where.host}, not {expected} (OPSCONSOLE_EXPECTED_DB_HOST) — "
                        "it may be the hosting platform's own database")
    if not expected and any(m in where.host for m in ("helium", "neon.tech", "replit")):
        problems.append(f"{where.host} looks like the hosting platform's own database; set DATABASE_URL to "
                        "your Supabase URL and OPSCONSOLE_EXPECTED_DB_HOST to its host")
    if problems:
        return CheckResult("database-target", WARN, "The console may be pointed at the wrong database.",
                           "; ".join(problems) + ".")
    return CheckResult("database-target", PASS, f"Pointed at {where.host}.", where.url)
