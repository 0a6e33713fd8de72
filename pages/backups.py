"""Backups: what data-loss steps destroyed and kept aside; per-tenant losses, CSV, restore and delete."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from opsconsole import backup
from pages._common import attempt, context

st.title("Backups")
settings, user = context()
st.caption("Before a data-loss step runs, the guarded upgrade copies what it will destroy into the "
           "opsconsole_backup schema, inside the step's own transaction.")
tenant = st.text_input("Tenant id (what did this tenant lose?)", key="backup_tenant").strip() or None
found = attempt(backup.list_backups, settings, tenant=tenant)
if found is not None and not found:
    st.info("No backups" + (" hold rows of this tenant." if tenant else " yet: data-loss steps create them."))
if found:
    st.dataframe(pd.DataFrame([{
        "id": b.id, "revision": b.revision, "table": b.table, "kept": b.kept,
        "rows": b.tenants.get(tenant, 0) if tenant else b.rows, "size": backup.human(b.bytes),
        "tenants": ", ".join(f"{t}: {n}" for t, n in sorted(b.tenants.items())), "by": b.created_by,
        "when": b.created_at} for b in found]), hide_index=True, width="stretch")
    chosen = st.selectbox("Backup", found, format_func=lambda b: f"{b.id} · {b.table} · {b.revision} · {b.kept}",
                          key="backup_chosen")
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
    restore_tenant = st.checkbox(f"Restore only tenant {tenant}", key="backup_only_tenant") if tenant else False
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
