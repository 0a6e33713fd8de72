"""History: every revision, the audit log (who, when, from → to, outcome), approvals, checksum warnings,
and (for operators) the failed sign-ins."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import alembic_env, audit, guard, signins
from pages._common import BADGE, attempt, code, context, literal

st.title("History")
settings, user = context()

st.subheader("Revisions")
revisions = attempt(alembic_env.history, settings)
if revisions is not None:
    rows = pd.DataFrame([r.to_dict() for r in revisions],
                        columns=["revision", "state", "message", "created", "is_head", "down_revisions"])
    st.dataframe(rows.iloc[::-1], hide_index=True, width="stretch")

st.subheader("Checksums of applied migrations")
report = attempt(guard.run, settings, only=("applied-unchanged",))
check = report.check("applied-unchanged") if report is not None else None
if check is not None:
    (st.error if check.status == "fail" else st.warning if check.status == "warn" else st.success)(
        f"{BADGE[check.status]} {literal(check.summary)}")
    if check.detail:
        st.caption(literal(check.detail))

st.subheader("Audit log")
log = attempt(audit.read_log, settings)
if log is not None:
    if not log:
        st.info("Nothing recorded yet: the guarded upgrade and approvals write here.")
    else:
        entries = pd.DataFrame([{
            "when": e.at, "who": e.actor, "action": e.action,
            "from → to": f"{e.from_rev or 'base'} → {e.to_rev or '—'}", "duration ms": e.duration_ms,
            "outcome": e.outcome, "error": code(e.error or "")} for e in log])
        st.dataframe(entries, hide_index=True, width="stretch")

st.subheader("Approvals of data-loss migrations")
approvals = attempt(audit.read_approvals, settings)
if approvals is not None:
    if not approvals:
        st.caption("No approvals recorded. Approve a reviewed data-loss revision with "
                   "`python -m opsconsole approve REV --by NAME --reason TEXT`.")
    else:
        st.dataframe(pd.DataFrame([{"revision": a.revision, "approved by": a.approved_by, "reason": a.reason,
                                    "when": a.approved_at, "file sha256": a.file_sha256[:12] + "…"}
                                   for a in approvals]), hide_index=True, width="stretch")

if user.can_upgrade:
    st.subheader("Failed sign-ins")
    failed = attempt(signins.failed_sign_ins, settings, 100)
    if failed is not None:
        if not failed:
            st.caption("No failed sign-in recorded.")
        else:
            st.dataframe(pd.DataFrame([{"when": a.at, "role tried": a.role, "client": code(a.client),
                                        "name given": code(a.name or ""), "outcome": a.outcome} for a in failed]),
                         hide_index=True, width="stretch")
