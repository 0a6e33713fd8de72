"""History: every revision, the audit log (who, when, from → to, outcome) with a date filter and a CSV download,
approvals, checksum warnings, and (for operators) the failed sign-ins."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import streamlit as st

from opsconsole import alembic_env, audit, guard, reports, signins
from opsconsole.errors import plain_text
from pages import _verdict
from pages._common import BADGE, attempt, code, context, literal
from pages._format import number, text, viewer_zone, when

AUDIT_ROWS = 5000  # the newest rows the page reads; the date filter and the download work within them


def created(value: str | None) -> str:
    """A revision's Create Date as its author wrote it (no time zone is recorded), without microseconds."""
    try:
        return f"{datetime.fromisoformat(value):%a %d %b %Y, %H:%M}" if value else text(value)
    except ValueError:
        return text(value)


st.title("History")
settings, user = context()
_verdict.checked(datetime.now(timezone.utc), key="history")

st.subheader("Revisions")
revisions = attempt(alembic_env.history, settings)
if revisions is not None:
    rows = pd.DataFrame([{"Revision": r.revision, "State": r.state, "Message": code(text(r.message)),
                          "Created": created(r.created), "Head": "head" if r.is_head else "",
                          "Follows": ", ".join(r.down_revisions) or "base (first)"} for r in revisions],
                        columns=["Revision", "State", "Message", "Created", "Head", "Follows"])
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
log = attempt(audit.read_log, settings, AUDIT_ROWS)
if log is not None:
    if not log:
        st.info("Nothing recorded yet: the guarded upgrade and approvals write here.")
    else:
        zone = viewer_zone()
        days = [e.at.astimezone(zone).date() for e in log]
        today = max(datetime.now(zone).date(), max(days))
        picked = st.date_input("Show the days from … to …", value=(min(days), today), min_value=min(days),
                               max_value=today, key="audit_dates", format="YYYY-MM-DD")
        first, last = (tuple(picked) + (None, None))[:2] if isinstance(picked, (tuple, list)) else (picked, picked)
        last = last or first  # a range whose end is not picked yet shows that one day
        shown = reports.between(log, first if isinstance(first, date) else None,
                                last if isinstance(last, date) else None, zone)
        more = f" (the newest {number(AUDIT_ROWS)} are read)" if len(log) >= AUDIT_ROWS else ""
        st.caption(f"{number(len(shown))} of {number(len(log))} recorded row(s){more}; times in {zone}.")
        entries = pd.DataFrame([{
            "When": when(e.at), "Who": code(e.actor), "Action": e.action,
            "From → to": f"{code(e.from_rev or 'base')} → {code(e.to_rev or '—')}",
            "Duration": f"{number(e.duration_ms)} ms" if e.duration_ms is not None else text(None),
            "Outcome": e.outcome, "Error": text(plain_text(e.error, settings)),
            "Decision": code(text(reports.decision_summary(e.details)))} for e in shown],
            columns=["When", "Who", "Action", "From → to", "Duration", "Outcome", "Error", "Decision"])
        st.dataframe(entries, hide_index=True, width="stretch")
        st.download_button("Download these rows (CSV)", reports.audit_csv(shown, settings),
                           file_name=f"audit-log-{first}-{last}.csv" if first else "audit-log.csv", mime="text/csv", key="audit_csv",
                           icon=":material/download:", on_click="ignore", disabled=not shown)

st.subheader("Approvals and rejections of data-loss migrations")
approvals = attempt(audit.read_decisions, settings)
if approvals is not None:
    if not approvals:
        st.caption("No decision recorded. Operators approve or reject a data-loss revision on the Upgrade page "
                   "(or `python -m opsconsole approve|reject REV --by NAME --reason TEXT`).")
    else:
        said = {audit.APPROVE: "approved", audit.REJECT: "rejected"}
        st.dataframe(pd.DataFrame([{"Revision": code(a.revision), "Decision": said.get(a.decision, a.decision),
                                    "By": code(a.approved_by), "Reason": code(a.reason), "When": when(a.approved_at),
                                    "File sha256": a.file_sha256[:12] + "…"} for a in approvals]),
                     hide_index=True, width="stretch")

if user.can_upgrade:
    st.subheader("Failed sign-ins")
    failed = attempt(signins.failed_sign_ins, settings, 100)
    if failed is not None:
        if not failed:
            st.caption("No failed sign-in recorded.")
        else:
            st.dataframe(pd.DataFrame([{"When": when(a.at), "Role tried": a.role, "Client": code(text(a.client)),
                                        "Name given": code(text(a.name)), "Outcome": a.outcome} for a in failed]),
                         hide_index=True, width="stretch")
