"""Schema status: the revision against the heads, pending migrations with their findings, drift."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import alembic_env, guard
from pages._common import attempt, context, literal, show_findings

st.title("Schema status")
settings, user = context()
status = attempt(alembic_env.status, settings)
if status is not None:
    current, heads, pending = st.columns(3)
    current.metric("Current revision", ", ".join(status.current) or "none")
    heads.metric("Head" if len(status.heads) <= 1 else "Heads (must be merged)", ", ".join(status.heads) or "none")
    pending.metric("Pending migrations", len(status.pending))
    for problem in status.problems:
        (st.warning if problem.code == "behind" else st.error)(f"`{problem.code}` — {literal(problem.message)}")

    st.subheader("Pending migrations")
    if not status.pending:
        st.success("Nothing is pending: every migration is applied.")
    else:
        report = attempt(guard.run, settings, only=("pending-safe",))
        findings = list(report.findings) if report is not None else []
        for rev in status.pending:
            with st.container(border=True):
                st.markdown(f"**{literal(rev.revision)}** — {literal(rev.message) if rev.message else '(no message)'}")
                st.caption(f"{literal(rev.path)} · created {literal(rev.created or 'unknown')}")
                mine = [f for f in findings if f.get("revision") == rev.revision]
                show_findings(mine)
                if report is not None and not mine:
                    st.caption("The analyzer found nothing unsafe in this migration.")

st.subheader("Drift: live schema against the models")
if (report := attempt(alembic_env.check_drift, settings)) is not None:
    if not report.compared:
        st.info(f"Not compared: {literal(report.note)}.")
    elif report.ok:
        st.success("The live schema matches the models: tables, columns, types, nullability, indexes, foreign keys.")
    else:
        st.error(f"{len(report.items)} difference(s) between the live schema and the models.")
        items = pd.DataFrame([i.to_dict() for i in report.items]).sort_values(["table", "kind"], na_position="last")
        for table, rows in items.groupby(items["table"].fillna("(schema)"), sort=True):
            st.markdown(f"**{literal(table)}**")
            st.dataframe(rows[["kind", "detail"]], hide_index=True, width="stretch")
