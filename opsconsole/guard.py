"""The deploy guard: every check the runbook asks for before publishing, as one report.

`run()` returns a GuardReport; `ok` is true when no check fails. Check ids are stable: the CLI,
the console pages and the tests use them. Exit codes everywhere: 0 ok, 1 a check failed, 2 could
not run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.errors import AnalysisError, OpsConsoleError, SettingsError, describe
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

FLAG, FLAG_VALUE = "DISABLE_AUTO_MIGRATIONS", "true"
PASS, WARN, FAIL = "pass", "warn", "fail"


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict: a sentence for reviewers (`summary`) and one for engineers (`detail`)."""

    id: str
    status: str
    summary: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the result as plain data."""
        return {"id": self.id, "status": self.status, "summary": self.summary, "detail": self.detail}


@dataclass(frozen=True)
class GuardReport:
    """Every check's result, the pending migrations and the analyzer's findings on them."""

    checks: tuple[CheckResult, ...]
    pending: tuple[dict[str, Any], ...] = ()
    findings: tuple[dict[str, Any], ...] = ()
    strict: bool = False

    @property
    def ok(self) -> bool:
        """Whether no check failed."""
        return all(c.status != FAIL for c in self.checks)

    @property
    def exit_code(self) -> int:
        """0 when ok, 1 when a check failed."""
        return 0 if self.ok else 1

    @property
    def verdict(self) -> str:
        """One phrase for reviewers: "Safe to publish", "Action needed" or "Do not publish"."""
        if not self.ok:
            return "Do not publish"
        if any(c.status == WARN for c in self.checks):
            return "Action needed"
        return "Safe to publish"

    @property
    def unapproved(self) -> tuple[str, ...]:
        """Revisions with a data-loss finding and no valid approval: the upgrade needs them confirmed."""
        return tuple(dict.fromkeys(f["revision"] for f in self.findings
                                   if f["severity"] == "data-loss" and not f.get("approved")))

    def check(self, check_id: str) -> CheckResult | None:
        """Return one check's result by id."""
        return next((c for c in self.checks if c.id == check_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the CLI's --json prints it."""
        return {"ok": self.ok, "verdict": self.verdict, "strict": self.strict, "checks": [c.to_dict() for c in self.checks],
                "pending": list(self.pending), "findings": list(self.findings)}


@dataclass
class _Context:
    """What the checks share, computed at most once per run."""

    settings: Settings
    strict: bool
    start_script: Path
    conn: Connection | None = None
    db_error: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)

    @cached_property
    def script(self) -> Any:
        from opsconsole.alembic_env import load_graph

        return load_graph(self.settings)

    @cached_property
    def status(self) -> Any:
        from opsconsole.alembic_env import status

        return status(self.settings, conn=self.conn)


Check = Callable[[_Context], CheckResult]


def check_auto_migrations_disabled(ctx: _Context) -> CheckResult:
    """The platform's automatic migrations once proposed DROP TABLE; start.sh must switch them off."""
    from opsconsole.startscript import check_export

    verdict = check_export(ctx.start_script, FLAG, FLAG_VALUE)
    if verdict.ok:
        return CheckResult("auto-migrations-disabled", PASS,
                           "The start script switches the platform's automatic migrations off.", verdict.reason)
    return CheckResult("auto-migrations-disabled", FAIL,
                       "The start script does not reliably switch the platform's automatic migrations off — "
                       "publishing could propose DROP TABLE.", verdict.reason)


def check_process_env(ctx: _Context) -> CheckResult:
    """A flag added to start.sh only counts once the running workflow has been restarted."""
    value = os.environ.get(FLAG)
    if value == FLAG_VALUE:
        return CheckResult("process-env", PASS, "This process has the flag set.",
                           f"{FLAG}={FLAG_VALUE} in the process environment.")
    shown = "unset" if value is None else f"'{value}'"
    return CheckResult("process-env", WARN,
                       "This process does not have the flag — restart the workflow so it picks up start.sh.",
                       f"{FLAG} is {shown} in this process's environment; restart the workflow (or run through start.sh).")


def check_database_reachable(ctx: _Context) -> CheckResult:
    """Nothing else can be judged if the database cannot be reached."""
    from opsconsole.db import target

    where = target(ctx.settings)
    if ctx.db_error:
        return CheckResult("database-reachable", FAIL, "The database cannot be reached.", ctx.db_error)
    version = ctx.conn.exec_driver_sql("SHOW server_version").scalar() if ctx.conn is not None else "?"
    label = "the embedded demo database" if where.embedded else where.host
    return CheckResult("database-reachable", PASS, f"Connected to {label}.",
                       f"{where.url} — PostgreSQL {version}.")


def check_single_head(ctx: _Context) -> CheckResult:
    """Two heads mean two branches of migrations that nobody merged; upgrading picks one at random."""
    heads = ctx.script.heads
    if len(heads) == 1:
        return CheckResult("single-head", PASS, "The migrations form one line of history.", f"head: {heads[0]}")
    if not heads:
        return CheckResult("single-head", FAIL, "There are no migrations at all.",
                           "The script directory has no revisions; create one with 'alembic revision'.")
    return CheckResult("single-head", FAIL, "The migrations have split into several branches that must be merged.",
                       f"heads: {', '.join(sorted(heads))}; run 'alembic merge heads -m \"merge\"' and commit it.")


def check_revision_known(ctx: _Context) -> CheckResult:
    """A database at a revision the scripts do not know was migrated from another branch."""
    problem = _problem(ctx, "unknown-revision")
    if problem:
        return CheckResult("revision-known", FAIL,
                           "The database was migrated by code that is not in this branch.", problem.message)
    current = ", ".join(ctx.status.current) or "none (never migrated)"
    return CheckResult("revision-known", PASS, "The database's revision is one these migrations know.",
                       f"current: {current}")


def check_at_head(ctx: _Context) -> CheckResult:
    """Publishing code ahead of its schema breaks the app; pending migrations must be applied first."""
    st = ctx.status
    if _problem(ctx, "unknown-revision"):
        return CheckResult("at-head", FAIL, "The database's revision is unknown, so it cannot be at head.",
                           "See revision-known.")
    if st.at_head:
        return CheckResult("at-head", PASS, "The database has every migration applied.",
                           f"current = head = {', '.join(st.heads)}")
    listed = "; ".join(f"{r.revision} {r.message}" for r in st.pending) or "the version table is missing"
    status = FAIL if ctx.strict else WARN
    return CheckResult("at-head", status,
                       f"{len(st.pending)} migration(s) wait to be applied — run the guarded upgrade.",
                       f"current: {', '.join(st.current) or 'none'}; heads: {', '.join(st.heads)}; pending: {listed}")


def check_no_drift(ctx: _Context) -> CheckResult:
    """Hand-made schema changes (or ones from another tool) are what made the platform propose DROP TABLE."""
    from opsconsole.alembic_env import check_drift

    if not ctx.status.at_head:
        return CheckResult("no-drift", WARN, "Drift is checked once the database is at head.",
                           "Migrations are pending, so the live schema is expected to differ from the models.")
    report = check_drift(ctx.settings, conn=ctx.conn)
    if not report.compared:
        return CheckResult("no-drift", WARN, "Drift was not checked.", report.note + ".")
    if report.ok:
        return CheckResult("no-drift", PASS, "The live schema matches the models.",
                           "Tables, columns, types, nullability, indexes and foreign keys compared.")
    return CheckResult("no-drift", FAIL,
                       f"The live schema differs from the models in {len(report.items)} place(s) — someone changed "
                       "it by hand or the models are ahead of the migrations.",
                       "; ".join(i.detail for i in report.items) +
                       ". Write a migration for it ('alembic revision --autogenerate') or revert the manual change.")


def check_pending_safe(ctx: _Context) -> CheckResult:
    """A pending migration that drops or rewrites data destroys production rows; it needs a reviewed approval."""
    from opsconsole import audit
    from opsconsole.analyze import analyze_migration_file
    from opsconsole.analyze.rules import finding

    if _problem(ctx, "unknown-revision") or not ctx.status.pending:
        return CheckResult("pending-safe", PASS, "No pending migration to judge.", "")
    approvals = {(a.revision, a.file_sha256) for a in audit.approvals(ctx.conn)} if ctx.conn is not None else set()
    risky: list[str] = []
    for rev in ctx.status.pending:
        approved = (rev.revision, audit.file_sha256(rev.path)) in approvals
        try:
            found = [f.to_dict() for f in analyze_migration_file(rev.path)]
        except AnalysisError as exc:  # unreadable is treated as unsafe: it needs an approval too
            found = [finding("unanalysable", rev.revision, None, None,
                             f"the analyzer could not read this migration: {exc}").to_dict()]
        for data in found:
            data["approved"] = approved
            if data["severity"] == "data-loss":
                data.update(_at_risk(ctx, data["object"]))
                if not approved:
                    risky.append(f"{rev.revision}: {data['message']}{_risk_text(data)}")
            ctx.findings.append(data)
    if risky:
        return CheckResult("pending-safe", FAIL,
                           f"{len(risky)} pending change(s) would delete data and are not approved.",
                           "; ".join(risky) + ". Review them, then 'python -m opsconsole approve REV --by NAME "
                           "--reason TEXT' (or rewrite the migration).")
    approved_count = sum(1 for f in ctx.findings if f["severity"] == "data-loss")
    detail = f"{approved_count} data-loss change(s) approved." if approved_count else "No data-loss change found."
    return CheckResult("pending-safe", PASS, "No pending migration deletes data without approval.", detail)


def check_applied_unchanged(ctx: _Context) -> CheckResult:
    """Editing a migration after it ran means the code no longer describes the database."""
    from opsconsole import audit
    recorded = audit.applied_checksums(ctx.conn)
    if not recorded:
        return CheckResult("applied-unchanged", PASS, "No applied migration was edited afterwards.",
                           "No checksums recorded yet (they are recorded by the guarded upgrade).")
    applied = ctx.script.ancestors(ctx.status.current)
    changed = []
    for rev, sha in sorted(recorded.items()):
        sc = ctx.script.revisions.get(rev)
        if sc is None or rev not in applied:
            continue
        if audit.file_sha256(sc.path) != sha:
            changed.append(f"{rev} ({Path(sc.path).name})")
    if changed:
        return CheckResult("applied-unchanged", FAIL,
                           f"{len(changed)} migration file(s) were edited after they were applied.",
                           f"changed since applied: {', '.join(changed)}. Revert the edit and put the change "
                           "in a new migration.")
    return CheckResult("applied-unchanged", PASS, "No applied migration was edited afterwards.",
                       f"{len(recorded)} recorded checksum(s) match.")


def check_tenant_isolation(ctx: _Context) -> CheckResult:
    """Test and real data share one database; only the tenant column keeps them apart."""
    from opsconsole.tenants import isolation

    report = isolation(ctx.settings, conn=ctx.conn)
    if report.ok:
        return CheckResult("tenant-isolation", PASS, "Every table keeps its rows apart by tenant.",
                           f"column: {ctx.settings.tenant_column}")
    return CheckResult("tenant-isolation", WARN, "Some rows or tables are not separated by tenant.",
                       "; ".join(report.warnings))


def check_rls_enabled(ctx: _Context) -> CheckResult:
    """On Supabase, tables in public without row-level security can be read through the API keys."""
    conn = ctx.conn
    if not conn.exec_driver_sql("SELECT to_regnamespace('auth') IS NOT NULL").scalar():
        return CheckResult("rls-enabled", PASS, "Not a Supabase database; row-level security not required.",
                           "No auth schema.")
    rows = conn.exec_driver_sql("""SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
          AND c.relname <> 'alembic_version' ORDER BY 1""").scalars().all()
    if not rows:
        return CheckResult("rls-enabled", PASS, "Every public table has row-level security on.", "")
    return CheckResult("rls-enabled", WARN,
                       f"{len(rows)} public table(s) can be read by anyone holding the API key.",
                       f"RLS off on: {', '.join(rows)}. Run 'ALTER TABLE … ENABLE ROW LEVEL SECURITY' and add policies.")


def check_database_target(ctx: _Context) -> CheckResult:
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
    ctx = _Context(settings, strict, Path(start_script or settings.start_script))
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


def _run(ctx: _Context, wanted: list[str]) -> GuardReport:
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
    return GuardReport(tuple(results), pending, tuple(ctx.findings), ctx.strict)


def _run_one(ctx: _Context, check_id: str, fn: Check, needs_db: bool) -> CheckResult:
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


def _problem(ctx: _Context, code: str) -> Any:
    return next((p for p in ctx.status.problems if p.code == code), None)


def _at_risk(ctx: _Context, obj: str | None) -> dict[str, Any]:
    """Return rows and tenants at risk for a data-loss finding on a table or column."""
    if not obj or ctx.conn is None:
        return {}
    from opsconsole.tenants import blast_radius

    parts = obj.split(".")
    schema = parts[0] if len(parts) >= 2 else "public"
    table = parts[1] if len(parts) >= 2 else parts[0]
    column = parts[2] if len(parts) == 3 else None
    if schema not in ctx.settings.schemas:
        return {}  # outside OPSCONSOLE_SCHEMAS (e.g. Supabase's auth): never read
    try:
        radius = blast_radius(ctx.settings, f"{schema}.{table}", column, conn=ctx.conn)
    except OpsConsoleError:
        return {}
    data = radius.to_dict()
    return {"rows_at_risk": data.get("rows"), "tenants_at_risk": data.get("tenants")}


def _risk_text(data: dict[str, Any]) -> str:
    rows, tenants = data.get("rows_at_risk"), data.get("tenants_at_risk")
    if rows is None:
        return ""
    return f" ({rows} row(s) of {tenants if tenants is not None else '?'} tenant(s) at risk)"


