"""Schema status: the verdict line, the revision against the heads, pending migrations with their findings, drift."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import alembic_env
from pages import _verdict
from pages._common import attempt, code, context, literal, show_findings
from pages._format import number, text

st.title("Schema status")
settings, user = context()
verdict = _verdict.show(settings, key="status", big=False)
status = attempt(alembic_env.status, settings)
if status is not None:
    current, heads, pending = st.columns(3)
    current.metric("Current revision", ", ".join(status.current) or "none yet")
    heads.metric("Head" if len(status.heads) <= 1 else "Heads (must be merged)", ", ".join(status.heads) or "none yet")
    pending.metric("Pending migrations", number(len(status.pending)))
    for problem in status.problems:
        (st.warning if problem.code == "behind" else st.error)(literal(problem.message))

    st.subheader("Pending migrations")
    if not status.pending:
        st.success("Nothing is pending: every migration is applied.")
    else:
        report = verdict.report if verdict is not None else None
        findings = list(report.findings) if report is not None else []
        for rev in status.pending:
            with st.container(border=True):
                st.markdown(f"**{literal(rev.revision)}** — {literal(rev.message) if rev.message else '(no message)'}")
                st.caption(f"{literal(rev.path)} · created {literal(text(rev.created).split('.')[0])}")
                mine = [f for f in findings if f.get("revision") == rev.revision]
                show_findings(mine)
                if report is not None and not mine:
                    st.caption("The analyzer found nothing unsafe in this migration.")

st.subheader("Drift: live schema against the models")
if (drift := attempt(alembic_env.check_drift, settings)) is not None:
    if not drift.compared:
        st.info(f"Not compared: {literal(drift.note)}.")
    elif drift.ok:
        st.success("The live schema matches the models: tables, columns, types, nullability, indexes, foreign keys.")
    else:
        st.error(f"{number(len(drift.items))} difference(s) between the live schema and the models.")
        items = pd.DataFrame([i.to_dict() for i in drift.items]).sort_values(["table", "kind"], na_position="last")
        for table, rows in items.groupby(items["table"].fillna("(the schema itself)"), sort=True):
            st.markdown(f"**{literal(table)}**")
            shown = pd.DataFrame({"What differs": [code(text(k)) for k in rows["kind"]],
                                  "Detail": [code(text(d)) for d in rows["detail"]]})
            st.dataframe(shown, hide_index=True, width="stretch")
