"""Backups: what data-loss steps destroyed and kept aside; per-tenant losses, CSV, restore and delete."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import backup
from pages._common import attempt, code, context, literal
from pages._format import number, text, when

st.title("Backups")
settings, user = context()
st.caption("Before a data-loss step runs, the guarded upgrade copies what it will destroy into the "
           "opsconsole_backup schema, inside the step's own transaction.")
tenant = st.text_input("Tenant id (what did this tenant lose?)", key="backup_tenant",
                       max_chars=200).strip() or None
found = attempt(backup.list_backups, settings, tenant=tenant)
if found is not None and not found:
    st.info("No backups" + (" hold rows of this tenant." if tenant else " yet: data-loss steps create them."))
if found:
    st.dataframe(pd.DataFrame([{
        "Id": b.id, "Revision": code(b.revision), "Table": code(b.table), "What was kept": code(b.kept),
        "Rows": number(b.tenants.get(tenant, 0) if tenant else b.rows), "Size": backup.human(b.bytes),
        "Rows per tenant": text(", ".join(f"{code(t)}: {number(n)}" for t, n in sorted(b.tenants.items()))),
        "Taken by": code(text(b.created_by)), "Taken at": when(b.created_at)} for b in found]),
        hide_index=True, width="stretch", column_config={"Id": st.column_config.NumberColumn(format="%d")})
    chosen = st.selectbox("Backup", found, key="backup_chosen", format_func=lambda b: (
        f"{b.id} · {code(b.table)} · {code(b.revision)} · {code(b.kept)} · {when(b.created_at)}"))
    if chosen.csv_note:
        st.text(f"CSV caveat (restore is exact): {chosen.csv_note}")
    if st.button("Prepare CSV download", key="backup_csv"):
        st.session_state["backup_csv_ready"] = (chosen.id, attempt(backup.backup_csv, settings, chosen.id))
    ready = st.session_state.get("backup_csv_ready")
    if ready and ready[0] == chosen.id and ready[1] is not None:
        st.download_button("Download CSV", ready[1], file_name=f"backup-{chosen.id}.csv", mime="text/csv",
                           key="backup_download")
    if not user.can_upgrade:
        st.info("Only operators can restore or delete backups.")
        st.stop()
    restore_tenant = tenant and st.checkbox(f"Restore only tenant {literal(tenant)}", key="backup_only_tenant")
    scope = tenant if restore_tenant else None
    check, run, delete = st.columns(3)
    if check.button("Restore: dry run", key="backup_dry_run"):
        st.session_state["backup_outcome"] = attempt(backup.restore, settings, chosen.id, by=user.name,
                                                     dry_run=True, tenant=scope)
    if run.button("Restore", key="backup_restore", type="primary"):
        st.session_state["backup_outcome"] = attempt(backup.restore, settings, chosen.id, by=user.name, tenant=scope)
    sure = delete.checkbox("I want to delete this backup", key="backup_sure")
    if delete.button("Delete backup", key="backup_delete", disabled=not sure):
        if (gone := attempt(backup.delete_backup, settings, chosen.id, by=user.name)) is not None:
            st.session_state["backup_outcome"] = f"deleted backup {gone.id} of {gone.table}"
            st.rerun()
outcome = st.session_state.get("backup_outcome")
if outcome is not None:
    st.subheader("Last action")
    st.text(outcome if isinstance(outcome, str) else outcome.describe())
    for warning in getattr(outcome, "warnings", ()):
        st.text(f"Warning: {warning}")
