"""Tenants: rows per tenant (estimated, or exact on request), the largest tenants, test vs real, isolation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import tenants
from opsconsole.db import lock_report
from pages._common import attempt, context, literal

st.title("Tenants")
settings, user = context()
exact = st.button("Exact counts", key="exact", help="Count every row (COUNT(*) per table, under the statement timeout) "
                  "instead of reading PostgreSQL's statistics.")
bar = st.progress(0.0, text="Counting…") if exact else None


def tick(table: str, done: int, total: int) -> None:
    """Advance the progress bar after each counted table."""
    if bar is not None:
        bar.progress(done / max(total, 1), text=f"Counted {literal(table)} ({done}/{total})")


result = attempt(tenants.counts, settings, exact=exact, progress=tick)
if result is not None:
    data = result.to_dict()
    if bar is not None:
        bar.progress(1.0, text="Exact counts done.")
    refreshed = f" (statistics refreshed {data['stats_refreshed_at']})" if data.get("stats_refreshed_at") else ""
    st.caption("Exact counts." if data["mode"] == "exact" else
               f"Estimated from PostgreSQL statistics{literal(refreshed)}.")
    people = pd.DataFrame(data["tenants"], columns=["tenant_id", "name", "is_test", "rows", "share"])
    real, test = people[people["is_test"] != True], people[people["is_test"] == True]  # noqa: E712 - may be None
    col_real, col_test = st.columns(2)
    for column, label, group in ((col_real, "Real tenants", real), (col_test, "Test tenants", test)):
        column.metric(label, len(group), f"{int(group['rows'].sum()):,} rows", delta_color="off", delta_arrow="off")
    if not people.empty:
        st.subheader("Largest tenants")
        top = people.nlargest(10, "rows").assign(label=lambda d: d["name"].fillna(d["tenant_id"]),
                                                 kind=lambda d: d["is_test"].map({True: "test"}).fillna("real"))
        st.bar_chart(top, x="label", y="rows", color="kind", horizontal=True, sort="-rows")
        st.dataframe(people.assign(share=people["share"] * 100), hide_index=True, width="stretch",
                     column_config={"share": st.column_config.NumberColumn("share %", format="%.1f")})
    timed_out = [t["table"] for t in data["tables"] if t.get("status") == "timeout"]
    for locked in (attempt(lock_report, settings, timed_out) or []) if timed_out else []:
        st.error(literal(locked), icon=":material/lock:")
    st.subheader("Tables")
    st.dataframe(pd.DataFrame(data["tables"], columns=["table", "total", "status", "quality"]),
                 hide_index=True, width="stretch")
    st.subheader("Isolation")
    warnings = data.get("isolation", {}).get("warnings", [])
    for warning in warnings:
        st.warning(literal(warning))
    if not warnings:
        st.success("Every row belongs to exactly one known tenant.")
    for note in data.get("notes", []):
        st.caption(literal(note))
