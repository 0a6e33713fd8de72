"""The one verdict as every page shows it: the line, when it was checked (with Refresh), the state of upgrades,
the reasons with links to the page that fixes each, and the CSV download. The library decides; this draws."""

from __future__ import annotations

from datetime import datetime, timezone

import streamlit as st

from opsconsole import reports
from opsconsole import verdict as verdicts
from opsconsole.settings import Settings
from opsconsole.verdict import Verdict
from pages._common import BADGE, attempt, literal
from pages._format import ago, when

LOOK = {verdicts.SAFE: ("green", st.success), verdicts.ACTION: ("orange", st.warning),
        verdicts.STOP: ("red", st.error)}


def show(settings: Settings, key: str, big: bool = True) -> Verdict | None:
    """The shared verdict (judged again on Refresh) drawn with when it was checked and a Refresh button."""
    verdict = attempt(verdicts.judge_shared, settings, force=bool(st.session_state.get(f"refresh_{key}")))
    if verdict is not None:
        line(verdict, big)
    checked(verdict.checked_at if verdict is not None else datetime.now(timezone.utc), key)
    return verdict


def strip(settings: Settings) -> None:
    """One line at the top of the pages that do not draw the verdict themselves: the same shared verdict."""
    try:
        verdict = verdicts.judge_shared(settings)
    except Exception:  # the page below shows the error itself (once)
        return
    color, _ = LOOK[verdict.verdict]
    st.markdown(f":{color}-badge[{verdict.verdict}] {literal(verdict.headline.removeprefix(verdict.verdict + ': '))}"
                f" · checked {ago(verdict.checked_at)} · ", width="content")
    st.page_link("pages/overview.py", label="Why (Overview)", icon=":material/arrow_forward:")


def line(verdict: Verdict, big: bool = True) -> None:
    """The verdict in its colour, the one-sentence headline and how many checks fail, warn and pass."""
    color, box = LOOK[verdict.verdict]
    tally = verdict.tally()
    with st.container(border=True):
        st.markdown(f"{'#' if big else '###'} :{color}[{verdict.verdict}]")
        box(literal(verdict.headline.removeprefix(verdict.verdict + ": ")))
        st.caption(f"{tally['fail']:,} failing · {tally['warn']:,} warning(s) · {tally['pass']:,} passing")


def checked(at: datetime, key: str) -> None:
    """When this page's figures were read, with a Refresh button that reads them again."""
    left, right = st.columns([4, 1], vertical_alignment="center")
    stale = datetime.now(timezone.utc) - at > verdicts.STALE_AFTER
    left.caption(f"Checked {ago(at)} ({when(at)})." + (" This may be out of date: refresh." if stale else ""))
    if right.button("Refresh", key=f"refresh_{key}", icon=":material/refresh:"):
        st.toast("Checked again.")


def upgrades(verdict: Verdict) -> None:
    """A running upgrade (who, since when, which step) or an unfinished last one (what applied, where, what next)."""
    state = verdict.upgrade
    if state.running is not None:
        r = state.running
        since = f" since {when(r.since)} ({ago(r.since)})" if r.since else ""
        step = f", applying **{literal(r.step)}**" if r.step else ""
        st.warning(f"An upgrade by **{literal(r.by)}** is running{since}{step}. Wait for it to finish, then refresh.",
                   icon=":material/sync:")
        return
    last = state.last
    if last is None:
        return
    if not state.broken:
        st.caption(f"Last upgrade: {literal(last.outcome)}, {when(last.at)} by {literal(last.by)}.")
        return
    with st.container(border=True):
        st.error(f"The last upgrade **{literal(last.outcome)}** at step **{literal(last.step or 'env.py')}** — "
                 f"{when(last.at)} by {literal(last.by)}.", icon=":material/error:")
        st.markdown(f"**Steps that applied in that run:** {literal(', '.join(last.applied) or 'none')}  \n"
                    f"**The database is now at:** {literal(', '.join(state.current) or 'base (no revision)')}  \n"
                    f"**What to do next:** {literal(last.next_step)}")
        if last.error:
            st.caption("What the migration said: " + literal(last.error))
        if last.way_back:
            st.caption("The way back — undoes the steps that applied (each has a downgrade); run it where the "
                       "project's alembic.ini is, then check again:")
            st.code(last.way_back, language="bash")
        st.page_link("pages/upgrade.py", label="Go to the Upgrade page", icon=":material/arrow_forward:")


def reasons(verdict: Verdict) -> None:
    """Every reason: what was found, what the check means, and — when it does not pass — what to do and where."""
    for r in verdict.reasons:
        st.markdown(f"{BADGE.get(r.status, '')} **{literal(r.summary)}** · `{r.check}`")
        st.caption(literal(r.meaning) + (f" — {literal(r.detail)}" if r.detail else ""))
        if r.next_step:
            st.markdown(f"**What to do:** {literal(r.next_step)}")
            if r.link:
                st.page_link(r.link, label=f"Go to {r.link_label}", icon=":material/arrow_forward:")


def download(verdict: Verdict, settings: Settings, key: str) -> None:
    """The verdict report as CSV (check, status, summary, detail, what to do)."""
    st.download_button("Download the verdict report (CSV)", reports.verdict_csv(verdict, settings),
                       file_name=f"verdict-{verdict.checked_at:%Y%m%d-%H%M%S}.csv", mime="text/csv",
                       key=f"verdict_csv_{key}", icon=":material/download:", on_click="ignore")
