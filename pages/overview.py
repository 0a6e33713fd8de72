"""Overview: one verdict for reviewers — may we publish? — with every reason, what it means and what to do."""

from __future__ import annotations

import streamlit as st

from opsconsole import alembic_env
from opsconsole.settings import Settings
from pages import _verdict
from pages._common import attempt, context, literal
from pages._format import number


def show_revision(settings: Settings) -> None:
    """Show the current revision against the scripts' head(s)."""
    status = attempt(alembic_env.status, settings)
    if status is None:
        return
    current, head, pending = st.columns(3)
    current.metric("Current revision", ", ".join(status.current) or "none yet")
    head.metric("Head", ", ".join(status.heads) or "none yet")
    pending.metric("Pending migrations", number(len(status.pending)))


st.title("Overview")
settings, user = context()
verdict = _verdict.show(settings, key="overview")
if verdict is not None:
    _verdict.upgrades(verdict)
    reachable = verdict.reason("database-reachable")
    if reachable is not None and reachable.status == "fail":
        st.error(literal(reachable.detail), icon=":material/cloud_off:")
    else:
        show_revision(settings)
    st.subheader("Why")
    _verdict.reasons(verdict)
    _verdict.download(verdict, settings, key="overview")
