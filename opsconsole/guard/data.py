"""Checks on the data itself: live schema vs models, data loss in pending migrations, tenant isolation, RLS."""

from __future__ import annotations

from typing import Any

from opsconsole.errors import AnalysisError, OpsConsoleError
from opsconsole.guard.context import Context, problem
from opsconsole.guard.report import FAIL, PASS, WARN, CheckResult


def check_no_drift(ctx: Context) -> CheckResult:
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


def check_pending_safe(ctx: Context) -> CheckResult:
    """A pending migration that drops data needs a reviewed approval; one that will fail on the data must be fixed.

    Fails when a data-loss change is not approved, when a revision was rejected (until someone approves
    the same file again), or when a pre-flight count shows the live rows would make a change fail.
    """
    if problem(ctx, "unknown-revision") or not ctx.status.pending:
        return CheckResult("pending-safe", PASS, "No pending migration to judge.", "")
    from opsconsole import audit, preflight  # the analyzer (pglast) is loaded only when something is pending
    from opsconsole.analyze import analyze_migration_file
    from opsconsole.analyze.rules import finding

    from opsconsole.approvals import rejected_reason

    decisions = audit.decisions(ctx.conn) if ctx.conn is not None else []
    decided = {(d.revision, d.file_sha256): d for d in decisions}
    rejected = rejected_reason(decisions, ctx.status.pending)
    flags = _tenant_flags(ctx)
    risky: list[str] = []
    source = ""
    n_rejected = 0
    for rev in ctx.status.pending:
        decision = decided.get((rev.revision, audit.file_sha256(rev.path)))
        approved = decision is not None and decision.decision == audit.APPROVE
        n_rejected += decision is not None and decision.decision == audit.REJECT
        source += _source(rev.path)
        try:
            found = [f.to_dict() for f in analyze_migration_file(rev.path)]
        except AnalysisError as exc:  # unreadable is treated as unsafe: it needs an approval too
            found = [finding("unanalysable", rev.revision, None, None,
                             f"the analyzer could not read this migration: {exc}").to_dict()]
        for data in found:
            data["approved"] = approved
            if decision is not None and decision.decision == audit.REJECT:
                data["rejected"] = {"by": decision.approved_by, "reason": decision.reason,
                                    "at": decision.approved_at.isoformat()}
            if ctx.conn is not None:
                checked = preflight.check(ctx.conn, ctx.settings, data, source, flags)
                if checked is not None:
                    data["preflight"] = checked
                if data.get("check_sql"):  # a cast that may fail: the rows it would fail on (counted once)
                    counted = (checked or {}).get("risk") or {}
                    if counted.get("rows") is not None:
                        data["failing_rows"] = counted["rows"]
                    else:
                        from opsconsole.analyze.live import count_failing_values

                        data["failing_rows"] = count_failing_values(ctx.conn, data)
            if data["severity"] == "data-loss":
                data.update(_at_risk(ctx, data["object"], flags))
                if not approved:
                    risky.append(f"{rev.revision}: {data['message']}{_risk_text(data)}")
            ctx.findings.append(data)
    sizes = _backup_note(ctx)
    failing = preflight.blocking_reason(ctx.findings)
    if rejected or risky or failing:
        parts = []
        if rejected:
            parts.append(rejected.rstrip("."))
        if risky:
            parts.append("; ".join(risky) + ". Review them, then approve on the Upgrade page or with "
                         "'python -m opsconsole approve REV --by NAME --reason TEXT' (or rewrite the migration)")
        if failing:
            parts.append(failing.rstrip("."))
        counts = [f"{n_rejected} rejected" if rejected else "",
                  f"{len(risky)} would delete data without approval" if risky else "",
                  f"{len(preflight.failures(ctx.findings))} will fail on today's data" if failing else ""]
        return CheckResult("pending-safe", FAIL,
                           f"Pending changes are not safe to apply: {', '.join(c for c in counts if c)}.",
                           ". ".join(parts) + "." + sizes)
    approved_count = sum(1 for f in ctx.findings if f["severity"] == "data-loss")
    detail = f"{approved_count} data-loss change(s) approved." if approved_count else "No data-loss change found."
    checked = sum(1 for f in ctx.findings if (f.get("preflight") or {}).get("status") == preflight.PASS)
    if checked:
        detail += f" {checked} change(s) checked against the live data: they pass."
    return CheckResult("pending-safe", PASS, "No pending migration deletes data without approval.", detail + sizes)


def _source(path: str) -> str:
    """A migration file's text without its downgrade(), for pre-flight's look for data steps before a change."""
    import ast
    from pathlib import Path

    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return text + "\n"
    lines = text.splitlines()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "downgrade" and node.end_lineno:
            lines[node.lineno - 1:node.end_lineno] = [""] * (node.end_lineno - node.lineno + 1)
    return "\n".join(lines) + "\n"


def _tenant_flags(ctx: Context) -> dict[str, Any] | None:
    """The tenants table (name, is_test per id), read once per run; None without one or without a database."""
    if ctx.conn is None:
        return None
    from sqlalchemy.exc import DBAPIError

    from opsconsole.analyze.live import tenant_flags

    try:
        with ctx.conn.begin_nested():
            return tenant_flags(ctx.conn, ctx.settings)
    except (DBAPIError, OpsConsoleError):
        return None


def _backup_note(ctx: Context) -> str:
    """What the upgrade will copy aside before the data-loss steps, against OPSCONSOLE_BACKUP_MAX_BYTES."""
    if ctx.conn is None or not any(f["severity"] == "data-loss" for f in ctx.findings):
        return ""
    from opsconsole.backup import size_note

    return size_note(ctx.conn, ctx.settings, ctx.findings, [r.revision for r in ctx.status.pending])


def check_tenant_isolation(ctx: Context) -> CheckResult:
    """Test and real data share one database; only the tenant column keeps them apart."""
    from opsconsole.tenants import isolation

    report = isolation(ctx.settings, conn=ctx.conn)
    if report.ok:
        return CheckResult("tenant-isolation", PASS, "Every table keeps its rows apart by tenant.",
                           f"column: {ctx.settings.tenant_column}")
    return CheckResult("tenant-isolation", WARN, "Some rows or tables are not separated by tenant.",
                       "; ".join(report.warnings))


def check_rls_enabled(ctx: Context) -> CheckResult:
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


def _at_risk(ctx: Context, obj: str | None, flags: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return rows and tenants at risk for a data-loss finding on a table or column (real vs test in `risk`)."""
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
    return {"rows_at_risk": data.get("rows"), "tenants_at_risk": data.get("tenants"), "risk": _risk(radius, flags)}


def _risk(radius: Any, flags: dict[str, Any] | None) -> dict[str, Any]:
    """The blast radius in the shape pre-flight and the audit log use: per tenant, real vs test."""
    from opsconsole.analyze.live import summarise

    cells = [(c.tenant_id, c.rows) for c in radius.by_tenant]
    risk = summarise(cells, radius.tenants is not None, flags, radius.status, radius.reason)
    risk["rows"], risk["tenants"] = radius.rows, radius.tenants
    complete = radius.tenants is not None and len(cells) == radius.tenants and radius.status == "exact"
    known = radius.test_rows is not None and radius.rows is not None
    risk["test_rows"] = radius.test_rows if known else None
    risk["real_rows"] = radius.rows - radius.test_rows if known else None
    if not complete:  # only the largest tenants are listed: tenant counts by kind are unknown
        risk["real_tenants"] = risk["test_tenants"] = None
        risk["no_tenant_rows"] = None
    return risk


def _risk_text(data: dict[str, Any]) -> str:
    rows, tenants = data.get("rows_at_risk"), data.get("tenants_at_risk")
    if rows is None:
        return ""
    return f" ({rows:,} row(s) of {f'{tenants:,}' if tenants is not None else '?'} tenant(s) at risk)"
