"""Upgrade (operators): every finding with pre-flight counts, decisions, rehearsal, then apply under the lock."""

from __future__ import annotations

from typing import Any

import streamlit as st

from opsconsole import alembic_env, approvals, audit, guard, preflight
from opsconsole.analyze import SEVERITIES
from opsconsole.auth import User, setup_hint
from opsconsole.errors import OpsConsoleError, UpgradeFailed
from opsconsole.inputs import LIMITS
from opsconsole.settings import Settings
from pages._common import SEVERITY, attempt, code, context, literal, show_error
from pages._format import MISSING, number

TITLES = {"data-loss": "Data loss", "breaking": "Breaking", "locking": "Locking", "info": "Info"}
# Destructive controls sit in containers keyed "danger-…" (CSS class st-key-danger-…): red with white text (6.5:1).
DANGER_CSS = """<style>
[class*="st-key-danger-"] button:not(:disabled) {background-color: #b3261e; border-color: #b3261e; color: #ffffff;}
[class*="st-key-danger-"] button:not(:disabled):hover {background-color: #8c1d18; border-color: #8c1d18; color: #ffffff;}
</style>"""


def at_risk(risk: dict[str, Any] | None, what: str = "at risk") -> str:
    """'772 row(s) of 6 tenant(s) at risk — real: 700 row(s) in 4 tenant(s), test: 72 in 2' (≈ when estimated)."""
    if not risk or risk.get("rows") is None:
        return ""
    approx = risk.get("status") == "estimated"
    tenants = f" of {number(risk['tenants'], approx)} tenant(s)" if risk.get("tenants") is not None else ""
    split = ""
    if risk.get("real_rows") is not None:
        real_t = f" in {number(risk['real_tenants'])} tenant(s)" if risk.get("real_tenants") is not None else ""
        test_t = f" in {number(risk['test_tenants'])}" if risk.get("test_tenants") is not None else ""
        split = (f" — real: {number(risk['real_rows'], approx)} row(s){real_t}, "
                 f"test: {number(risk['test_rows'], approx)}{test_t}")
    return f"**{number(risk['rows'], approx)} row(s)**{tenants} {what}{split}"


def tenant_table(risk: dict[str, Any] | None) -> None:
    """The largest tenants at risk as a table: tenant, name, rows, real or test."""
    rows = (risk or {}).get("by_tenant") or []
    if rows:
        kind = {True: "test", False: "real", None: MISSING}
        st.dataframe([{"tenant": code(r["tenant_id"]), "name": code(r.get("name") or MISSING),
                       "rows": number(r["rows"]), "real or test": kind[r.get("is_test")]} for r in rows],
                     hide_index=True)


def show_finding(f: dict[str, Any]) -> None:
    """One finding: severity, what it does, rows at risk, the pre-flight count, and how to make it safe."""
    where = f" on {literal(f['object'])}" if f.get("object") else ""
    state = " (approved)" if f.get("approved") else ""
    if f.get("rejected"):
        state = f" (rejected by {literal(f['rejected']['by'])}: {literal(f['rejected']['reason'])})"
    risk = f" — {at_risk(f.get('risk'))}" if at_risk(f.get("risk")) else ""
    check = f.get("preflight")
    pre = f"\n\n**Pre-flight ({literal(check['status'])}):** {literal(check['summary'])}" if check else ""
    hint = f"\n\nSafer way: {literal(f['hint'])}" if f.get("hint") else ""
    SEVERITY.get(f.get("severity", "info"), st.info)(
        f"**{literal(f.get('severity'))}**{state} · {literal(f.get('revision'))} {literal(f.get('rule'))}{where}: "
        f"{literal(f.get('message'))}{risk}{pre}{hint}")
    for label, risk_data in (("Tenants at risk", f.get("risk")),
                             ("Tenants whose rows fail the pre-flight check", (check or {}).get("risk"))):
        if (risk_data or {}).get("by_tenant"):
            with st.expander(label):
                tenant_table(risk_data)


def decide(settings: Settings, user: User, revision: str) -> None:
    """Approve or reject one data-loss revision: name and reason required, recorded with the rows at risk."""
    with st.container(border=True):
        st.markdown(f"**Decision on {literal(revision)}** — recorded as **{literal(user.name)}**, who signed in")
        by = user.name  # the audit log names the person signed in, never a name typed here
        reason = st.text_area("Reason (recorded in the audit log)", key=f"decide_reason_{revision}",
                              max_chars=LIMITS["reason"])
        approve, reject = st.columns(2)
        if approve.button("Approve", key=f"approve_{revision}", icon=":material/check:"):
            done = attempt(approvals.approve_revision, settings, revision, by, reason)
        elif reject.container(key=f"danger-reject-{revision}").button(
                "Reject", key=f"reject_{revision}", type="primary", icon=":material/block:"):
            done = attempt(approvals.reject_revision, settings, revision, by, reason)
        else:
            return
        if done is not None:
            verb = "approved" if done.decision == audit.APPROVE else "rejected"
            st.session_state["decided"] = f"{verb} {done.revision} as {done.approved_by}"
            st.rerun()


@st.dialog("Confirm an upgrade that deletes data", on_dismiss=lambda: st.session_state.pop("confirm_open", None))
def confirm(expected: str, loss: list[dict[str, Any]]) -> None:
    """Ask the operator to type the revision id, showing what will be lost; the button waits for the exact id."""
    losing = ", ".join(dict.fromkeys(str(f.get("revision")) for f in loss))
    st.error(f"Pending revision(s) {literal(losing)} delete data. This is what will be lost:")
    for f in loss:
        lost = at_risk(f.get("risk"), "lost") or "rows not counted"
        st.markdown(f"- {literal(f.get('revision'))} {literal(f.get('rule'))} on {literal(f.get('object') or '?')}: "
                    f"{lost}")
        tenant_table(f.get("risk"))
    typed = st.text_input(f"Type **{literal(expected)}** to confirm", key="confirm_typed",
                          max_chars=max(LIMITS["revision"], len(expected) + 8))
    skip = st.checkbox("Go ahead without a backup of the data at risk (only needed when the copy is over "
                       "OPSCONSOLE_BACKUP_MAX_BYTES; recorded in the audit log)", key="confirm_no_backup")
    exact = typed.strip() == expected
    if not exact:
        st.caption("The button stays disabled until the exact revision id is typed.")
    if st.container(key="danger-confirm").button("Upgrade and delete this data", key="confirm_go", type="primary",
                                                 icon=":material/delete_forever:", disabled=not exact) and exact:
        st.session_state.update(confirm_open=False, run_upgrade={"confirm": expected,
                                                                 "no_backup": expected if skip else None})
        st.rerun()


def run(settings: Settings, user: User, confirm_rev: str | None, total: int, no_backup: str | None = None) -> None:
    """Run the guarded upgrade with a live log, then keep the outcome for the next render."""
    log: list[str] = []
    with st.status(f"Upgrading to head as {user.name}…", expanded=True) as box:
        bar = st.progress(0.0)

        def progress(message: str) -> None:
            log.append(message)
            box.text(code(message))
            applied = sum(1 for line in log if line.startswith("Applying"))
            bar.progress(min(applied / max(total, 1), 1.0), text=literal(message))

        try:
            result = alembic_env.upgrade(settings, by=user.name, confirm=confirm_rev, progress=progress,
                                         no_backup=no_backup)
            box.update(label="Upgrade finished", state="complete" if result.ok else "error")
            st.session_state["last_upgrade"] = {"result": result, "log": log}
        except OpsConsoleError as exc:  # UpgradeRefused (.reason) and UpgradeFailed (.last_good, .applied)
            box.update(label="Upgrade did not complete", state="error")
            st.session_state["last_upgrade"] = {"error": exc, "log": log}
    st.session_state.pop("preview", None)
    st.rerun()


def show_last() -> None:
    """Render the last upgrade's outcome: for a failure the steps that applied and where the database is."""
    last = st.session_state["last_upgrade"]
    st.subheader("Last upgrade from this session")
    error = last.get("error")
    if isinstance(error, UpgradeFailed):
        show_error(error)
        applied = [r for r in (getattr(error, "applied", "") or "").split(",") if r]
        st.markdown(f"- Steps that applied: {literal(', '.join(applied)) if applied else 'none'}\n"
                    f"- Failed step (rolled back): {literal(getattr(error, 'failed', None) or MISSING)}\n"
                    f"- The database is now at: **{literal(error.last_good or 'base')}**\n"
                    "- Next: fix the failing migration and run the upgrade again (the applied steps are kept), or go "
                    "back with `alembic downgrade` where the migrations have a downgrade.")
    elif error is not None:
        show_error(error)
    else:
        result = last["result"]
        (st.success if result.ok else st.warning)(
            f"Applied {len(result.steps)} migration(s): {literal(', '.join(result.start) or 'base')} → "
            f"{literal(', '.join(result.final) or 'base')}." if result.steps else "Nothing to apply: already at head.")
        for step in result.steps:
            st.markdown(f"- {literal(step.to_rev)} {literal(step.message)} — {literal(step.outcome)}, "
                        f"{number(step.duration_ms)} ms")
        for check in result.post_checks:
            st.markdown(f"Post-check `{check['id']}`: **{check['status']}** — {literal(check['summary'])}")
    with st.expander("Log"):
        st.code(code("\n".join(last["log"]) or "(nothing logged)"), language=None)


st.title("Upgrade")
settings, user = context()
if not user.can_upgrade:
    st.info("Only operators can upgrade. Sign in with the operator password to preview and apply migrations.")
    if hint := setup_hint(settings):
        st.caption(hint)
    st.stop()
st.html(DANGER_CSS)
if said := st.session_state.pop("decided", None):
    st.success(f"Recorded: {literal(said)}.", icon=":material/gavel:")
if holder := attempt(alembic_env.lock_holder, settings):
    st.warning(f"An upgrade is already running {literal(holder)}. Wait for it to finish.", icon=":material/lock:")
if "last_upgrade" in st.session_state:
    show_last()
status = attempt(alembic_env.status, settings)
pending = list(status.pending) if status is not None else []
report = attempt(guard.run, settings, only=("pending-safe",)) if pending else None
findings = list(report.findings) if report is not None else []
loss = [f for f in findings if f["severity"] == "data-loss"]
unapproved = list(report.unapproved) if report is not None else []
expected = ", ".join(unapproved) if unapproved else (status.heads[0] if status is not None and status.heads else "")
if status is not None:
    st.markdown(f"**{len(pending)} pending:** " + ", ".join(f"{literal(r.revision)} {literal(r.message)}"
                                                            for r in pending)
                if pending else "Nothing is pending: the database is at head.")
for severity in SEVERITIES:
    group = [f for f in findings if f.get("severity") == severity]
    if group:
        st.subheader(f"{TITLES[severity]} ({len(group)})")
        for f in group:
            show_finding(f)
if pending and report is not None and not findings:
    st.success("The analyzer found nothing unsafe in the pending migrations.")
decisions = (attempt(audit.read_decisions, settings) or []) if pending else []
rejected = attempt(approvals.rejected_reason, decisions, pending) if pending else None
rejected_revs = [r.revision for r in pending if attempt(approvals.rejected_reason, decisions, [r])]
for revision in dict.fromkeys([f["revision"] for f in loss] + rejected_revs):
    decide(settings, user, revision)

files = tuple((r.revision, audit.file_sha256(r.path)) for r in pending)
rehearsals: dict[tuple, dict[str, Any]] = st.session_state.setdefault("rehearsals", {})
blockers = [reason for reason in (
    rejected,
    preflight.blocking_reason(findings),
    f"the rehearsal failed: {rehearsals[files]['text']}" if files in rehearsals and not rehearsals[files]["ok"] else None,
) if reason]
preview, rehearsal, apply = st.columns(3)
if preview.button("Preview (dry run)", key="dry_run"):
    st.session_state["preview"] = attempt(alembic_env.upgrade, settings, by=user.name, dry_run=True)
st.caption("The rehearsal is schema-only: it runs the pending steps on an empty copy of the schema, so it catches "
           "broken SQL and code but not rows that break a constraint — the pre-flight counts above cover those.")
if rehearsal.button("Rehearse on a scratch database", key="rehearse"):
    with st.spinner("Rehearsing on the embedded server…"):
        done = attempt(alembic_env.rehearse, settings)
    if done is not None:
        rehearsals[files] = {"ok": done.ok, "text": done.describe()}
        st.rerun()
if files in rehearsals:
    (st.success if rehearsals[files]["ok"] else st.error)(
        ("Rehearsal passed (schema only): " if rehearsals[files]["ok"] else "Rehearsal failed: ")
        + literal(rehearsals[files]["text"], lines=True))
for reason in blockers:
    st.error(f"Upgrade to head is disabled: {literal(reason)}", icon=":material/block:")
target = apply.container(key="danger-upgrade") if loss else apply
if target.button("Upgrade to head", key="upgrade", type="primary", disabled=not pending or bool(blockers),
                 icon=":material/warning:" if loss else None):
    if loss:  # anything that deletes data waits for the typed revision id
        st.session_state["confirm_open"] = True
    else:
        st.session_state["run_upgrade"] = {"confirm": None}
if st.session_state.get("confirm_open") and not blockers:
    confirm(expected, [f for f in loss if not f.get("approved")] or loss)
if (request := st.session_state.pop("run_upgrade", None)) is not None:
    run(settings, user, request["confirm"], len(pending), request.get("no_backup"))
if dry := st.session_state.get("preview"):
    st.subheader("Preview: the SQL the upgrade would run")
    st.code(code(dry.sql or "-- nothing pending"), language="sql")
    for warning in dry.warnings:
        st.warning(literal(warning))
    for line in getattr(dry, "backup", {}).get("summary", []):
        st.text(f"Backup: {line}")
