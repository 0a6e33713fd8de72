"""Decisions on data-loss revisions: approvals and rejections, bound to the file's hash and on record.

An approval lets the guarded upgrade apply a reviewed data-loss revision without a typed confirmation;
a rejection blocks the revision (the guard's pending-safe fails with "rejected by X: reason") until
someone approves the same file again. Each decision — and each typed confirmation the upgrade
accepts — goes in the audit log with ``details`` (see ``decision_details``): the file's sha256 and
the rows and tenants at risk per finding, real vs test.
"""

from __future__ import annotations

from typing import Any

from opsconsole import audit
from opsconsole.inputs import clean
from opsconsole.settings import Settings


def approve_revision(settings: Settings, revision: str, by: str, reason: str) -> audit.Approval:
    """Record that `revision` was reviewed; it stays approved only while its file is unchanged."""
    return _decided(_decide(settings, revision, by, reason, audit.APPROVE))


def reject_revision(settings: Settings, revision: str, by: str, reason: str) -> audit.Approval:
    """Record that `revision` must not be applied as it stands; the upgrade refuses it until approved again."""
    return _decided(_decide(settings, revision, by, reason, audit.REJECT))


def _decided(decision: audit.Approval) -> audit.Approval:
    """A decision changes the verdict: this process's shared verdicts are read again."""
    from opsconsole.verdict import forget_shared

    forget_shared()
    return decision


def decision_details(findings: Any, revision: str) -> dict[str, Any]:
    """What the audit log keeps about a revision's risk: each finding with its rows and tenants at risk.

    Shape: ``{"findings": [{rule, severity, object, message, rows_at_risk, tenants_at_risk, risk,
    preflight}], "rows_at_risk": int | None, "tenants_at_risk": int | None}`` — ``risk`` is the
    per-tenant split (rows, tenants, real_rows, test_rows, real_tenants, test_tenants, by_tenant
    [{tenant_id, name, rows, is_test}], status, note); the totals add rows over data-loss findings and
    take the largest tenant count (one tenant can lose rows in several tables).
    """
    mine = [f for f in findings if f.get("revision") == revision]
    kept = [{"rule": f.get("rule"), "severity": f.get("severity"), "object": f.get("object"),
             "message": f.get("message"), "rows_at_risk": f.get("rows_at_risk"),
             "tenants_at_risk": f.get("tenants_at_risk"), "risk": f.get("risk"),
             "preflight": ({"status": f["preflight"]["status"], "summary": f["preflight"]["summary"],
                            "risk": f["preflight"].get("risk")} if f.get("preflight") else None)}
            for f in mine]
    loss = [f for f in mine if f.get("severity") == "data-loss"]
    rows = [f.get("rows_at_risk") for f in loss]
    tenants = [f.get("tenants_at_risk") for f in loss if f.get("tenants_at_risk") is not None]
    return {"findings": kept, "rows_at_risk": sum(rows) if rows and None not in rows else None,
            "tenants_at_risk": max(tenants) if tenants else None}


def rejected_reason(decisions: list[audit.Approval], revisions: Any) -> str | None:
    """One sentence naming each of `revisions` (objects with .revision and .path) rejected at its file's
    current hash and not approved since, or None."""
    latest = {(d.revision, d.file_sha256): d for d in decisions}
    rejected = []
    for rev in revisions:
        d = latest.get((rev.revision, audit.file_sha256(rev.path)))
        if d is not None and d.decision == audit.REJECT:
            rejected.append(f"{rev.revision} rejected by {d.approved_by}: {d.reason}")
    if not rejected:
        return None
    return ("; ".join(rejected) + ". A rejected revision is applied only after someone approves the same file "
            "again (Upgrade page, or 'python -m opsconsole approve REV --by NAME --reason TEXT').")


def pending_details(settings: Settings, revision: str) -> dict[str, Any]:
    """decision_details for a pending revision, measured now by the guard on the live database."""
    from opsconsole import guard

    report = guard.run(settings, only=("pending-safe",))
    return decision_details(report.findings, revision)


def _decide(settings: Settings, revision: str, by: str, reason: str, decision: str) -> audit.Approval:
    """Validate the inputs, measure the risk, and record the decision with its audit row."""
    from opsconsole.alembic_env import load_graph
    from opsconsole.db import connect
    from opsconsole.errors import OpsConsoleError

    by, reason = clean(by, "name", "reviewer name"), clean(reason, "reason", "reason")  # both required
    revision = clean(revision, "revision", "revision")
    sc = load_graph(settings).find(revision)
    if sc is None:
        raise OpsConsoleError(f"unknown revision '{revision}'; pick one from 'python -m opsconsole history'.")
    try:
        details = pending_details(settings, sc.revision)
    except OpsConsoleError as exc:  # the decision is still recorded; the log says the risk was not measured
        details = {"findings": [], "rows_at_risk": None, "tenants_at_risk": None, "note": str(exc)}
    with connect(settings) as conn, conn.begin():
        return audit.decide(conn, sc.revision, sc.path, by, reason, decision, details)
