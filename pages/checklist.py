"""Emergency checklist: the runbook's emergency procedures as steps, the live ones checked now."""

from __future__ import annotations

import streamlit as st

from opsconsole import checklist, ticks
from pages import _verdict
from pages._common import BADGE, attempt, context, literal
from pages._format import when

st.title("Emergency checklist")
settings, user = context()
st.caption("The team runbook's “Emergency Procedures” and “If Schema Gets Out of Sync”. Live steps are "
           "checked against the start script, this process and the database; tick the manual ones as you go — "
           "ticks are shared with everyone on this console and recorded in the audit log.")


def on_tick(step_id: str) -> None:
    """Store the tick the person just made (the widget's new value), as them."""
    attempt(ticks.set_tick, settings, step_id, bool(st.session_state[f"tick-{step_id}"]), user.name)


verdict = _verdict.show(settings, key="checklist", big=False)  # the same verdict as every page
if user.can_upgrade and st.button("Clear all ticks", key="clear_ticks", icon=":material/remove_done:",
                                          help="Start a fresh emergency: untick every manual step for everyone."):
    if (cleared := attempt(ticks.clear_all, settings, user.name)) is not None:
        st.toast(f"Cleared {cleared} tick(s); the audit log records that you did.")
items = attempt(checklist.steps, settings, verdict=verdict)
state = attempt(ticks.read, settings)
if items is not None:
    failing = checklist.failing(items)
    if failing:
        st.error("Failing now: " + "; ".join(f"step {items.index(s) + 1} ({literal(s.title)})" for s in failing))
    else:
        st.success("No live step fails now.")
    for section in dict.fromkeys(s.section for s in items):
        st.subheader(section)
        for step in (s for s in items if s.section == section):
            number = items.index(step) + 1
            if step.kind == "manual":
                tick = (state or {}).get(step.id)
                key = f"tick-{step.id}"
                if state is not None:  # the database is the truth: another person's tick shows here too
                    st.session_state[key] = bool(tick and tick.ticked)
                st.checkbox(f"**{number}. {literal(step.title)}**", key=key, on_change=on_tick, args=(step.id,),
                            disabled=state is None)
                if tick is not None:
                    st.caption(f"{'Ticked' if tick.ticked else 'Unticked'} by **{literal(tick.by)}**, {when(tick.at)}")
            else:
                st.markdown(f"{BADGE[step.status]} **{number}. {literal(step.title)}**")
            if step.detail:
                (st.error if step.status == "fail" else st.caption)(literal(step.detail))
            if step.command:
                st.code(step.command, language="bash")
