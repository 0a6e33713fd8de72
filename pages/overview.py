"""Overview: one verdict for reviewers — may we publish? — with every reason and its fix."""

from __future__ import annotations

import streamlit as st

from opsconsole import alembic_env, guard
from opsconsole.guard import GuardReport
from opsconsole.settings import Settings
from pages._common import BADGE, attempt, context, literal, target_banner

VERDICT = {"Safe to publish": ("green", st.success), "Action needed": ("orange", st.warning),
           "Do not publish": ("red", st.error)}


def show_verdict(report: GuardReport) -> None:
    """Render the verdict big, with how many checks fail, warn and pass."""
    color, box = VERDICT[report.verdict]
    tally = {s: sum(1 for c in report.checks if c.status == s) for s in ("fail", "warn", "pass")}
    with st.container(border=True):
        st.markdown(f"# :{color}[{report.verdict}]")
        box(f"{tally['fail']} failing · {tally['warn']} warning(s) · {tally['pass']} passing — "
            "the reasons and their fixes are below.")


def show_revision(settings: Settings) -> None:
    """Show the current revision against the scripts' head(s)."""
    status = attempt(alembic_env.status, settings)
    if status is None:
        return
    current, head, pending = st.columns(3)
    current.metric("Current revision", ", ".join(status.current) or "none")
    head.metric("Head", ", ".join(status.heads) or "none")
    pending.metric("Pending migrations", len(status.pending))


st.title("Overview")
settings, user = context()
target_banner(settings)
report = attempt(guard.run, settings)
if report is not None:
    show_verdict(report)
    reachable = report.check("database-reachable")
    if reachable is not None and reachable.status == "fail":
        st.error(literal(reachable.detail), icon=":material/cloud_off:")
    else:
        show_revision(settings)
    st.subheader("Why")
    order = {"fail": 0, "warn": 1, "pass": 2}
    for check in sorted(report.checks, key=lambda c: order[c.status]):
        st.markdown(f"{BADGE[check.status]} **{literal(check.summary)}** `{check.id}`")
        if check.detail:
            st.caption(("Fix: " if check.status != "pass" else "") + literal(check.detail))
