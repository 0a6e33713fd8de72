"""Upgrade (operators): preview the SQL, rehearse, then apply under the lock with a live log."""

from __future__ import annotations

import streamlit as st

from opsconsole import alembic_env, guard
from opsconsole.auth import User, setup_hint
from opsconsole.errors import OpsConsoleError
from opsconsole.inputs import LIMITS
from opsconsole.settings import Settings
from pages._common import attempt, code, context, literal, show_error, show_findings


@st.dialog("Confirm an upgrade that deletes data", on_dismiss=lambda: st.session_state.pop("confirm_open", None))
def confirm(expected: str, risky: list[str]) -> None:
    """Ask the operator to type the revision id before anything that loses data runs."""
    st.error(f"Pending revision(s) {literal(', '.join(risky))} delete data. Check the Schema status page for the rows "
             "and tenants at risk, and that a backup exists.")
    typed = st.text_input(f"Type **{literal(expected)}** to confirm", key="confirm_typed",
                          max_chars=max(LIMITS["revision"], len(expected) + 8))
    skip = st.checkbox("Go ahead without a backup of the data at risk (only needed when the copy is over "
                       "OPSCONSOLE_BACKUP_MAX_BYTES; recorded in the audit log)", key="confirm_no_backup")
    if st.button("Upgrade and accept the data loss", key="confirm_go", type="primary"):
        confirmed = typed.strip() or None
        st.session_state.update(confirm_open=False, run_upgrade={"confirm": confirmed,
                                                                 "no_backup": confirmed if skip else None})
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
        except OpsConsoleError as exc:  # UpgradeRefused (.reason) and UpgradeFailed (.last_good)
            box.update(label="Upgrade did not complete", state="error")
            st.session_state["last_upgrade"] = {"error": exc, "log": log}
    st.session_state.pop("preview", None)
    st.rerun()


def show_last() -> None:
    """Render the last upgrade's outcome: the error, or the steps, the post-check and the final revision."""
    last = st.session_state["last_upgrade"]
    st.subheader("Last upgrade from this session")
    if "error" in last:
        show_error(last["error"])
    else:
        result = last["result"]
        (st.success if result.ok else st.warning)(
            f"Applied {len(result.steps)} migration(s): {literal(', '.join(result.start) or 'base')} → "
            f"{literal(', '.join(result.final) or 'base')}." if result.steps else "Nothing to apply: already at head.")
        for step in result.steps:
            st.markdown(f"- {literal(step.to_rev)} {literal(step.message)} — {literal(step.outcome)}, "
                        f"{step.duration_ms} ms")
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
show_findings(loss)
preview, rehearsal, apply = st.columns(3)
if preview.button("Preview (dry run)", key="dry_run"):
    st.session_state["preview"] = attempt(alembic_env.upgrade, settings, by=user.name, dry_run=True)
if rehearsal.button("Rehearse on a scratch database", key="rehearse"):
    with st.spinner("Rehearsing on the embedded server…"):
        done = attempt(alembic_env.rehearse, settings)
    if done is not None:
        (st.success if done.ok else st.error)(literal(done.describe(), lines=True))
if apply.button("Upgrade to head", key="upgrade", type="primary", disabled=not pending):
    if loss:  # anything that deletes data waits for the typed revision id
        st.session_state["confirm_open"] = True
    else:
        st.session_state["run_upgrade"] = {"confirm": None}
if st.session_state.get("confirm_open"):
    confirm(expected, unapproved or list(dict.fromkeys(f["revision"] for f in loss)))
if (request := st.session_state.pop("run_upgrade", None)) is not None:
    run(settings, user, request["confirm"], len(pending), request.get("no_backup"))
if dry := st.session_state.get("preview"):
    st.subheader("Preview: the SQL the upgrade would run")
    st.code(code(dry.sql or "-- nothing pending"), language="sql")
    show_findings(dry.findings)
    for line in getattr(dry, "backup", {}).get("summary", []):
        st.text(f"Backup: {line}")
