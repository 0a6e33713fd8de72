"""Emergency checklist: the runbook's emergency procedures as steps, the live ones checked now."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from opsconsole import checklist
from pages._common import BADGE, attempt, context, literal

st.title("Emergency checklist")
settings, user = context()
st.caption("The team runbook's “Emergency Procedures” and “If Schema Gets Out of Sync”. Live steps are "
           "checked against the start script, this process and the database; tick the manual ones as you go.")
if st.button("Re-check all", key="recheck", icon=":material/refresh:"):
    st.toast("Checked every live step again.")
items = attempt(checklist.steps, settings)
if items is not None:
    failing = checklist.failing(items)
    if failing:
        st.error("Failing now: " + "; ".join(f"step {items.index(s) + 1} ({literal(s.title)})" for s in failing))
    else:
        st.success("No live step fails now.")
    st.caption(f"Checked at {datetime.now():%H:%M:%S}.")
    for section in dict.fromkeys(s.section for s in items):
        st.subheader(section)
        for step in (s for s in items if s.section == section):
            number = items.index(step) + 1
            if step.kind == "manual":
                st.checkbox(f"**{number}. {literal(step.title)}**", key=f"tick-{step.id}")
            else:
                st.markdown(f"{BADGE[step.status]} **{number}. {literal(step.title)}**")
            if step.detail:
                (st.error if step.status == "fail" else st.caption)(literal(step.detail))
            if step.command:
                st.code(step.command, language="bash")
