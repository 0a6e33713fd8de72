"""opsconsole's web console: load the settings once, sign in (or resume a session), route to pages/."""

from __future__ import annotations

import streamlit as st

from opsconsole import auth
from opsconsole.settings import install_log_redaction
from pages import _verdict
from pages._common import apply_cookie, current_user, literal, load_once, sign_in_form, sign_out, target_banner

PAGES = (("pages/overview.py", "Overview", ":material/verified_user:"),
         ("pages/status.py", "Schema status", ":material/schema:"),
         ("pages/tenants.py", "Tenants", ":material/groups:"),
         ("pages/history.py", "History", ":material/history:"),
         ("pages/backups.py", "Backups", ":material/restore:"),
         ("pages/checklist.py", "Emergency checklist", ":material/checklist:"),
         ("pages/upgrade.py", "Upgrade", ":material/upgrade:"))

VERDICT_PAGES = {"Overview", "Schema status", "Emergency checklist"}  # draw the one verdict in full themselves

install_log_redaction()  # Streamlit's own log (tracebacks included) never carries a password

st.set_page_config(page_title="opsconsole", page_icon=":material/database:", layout="wide")
# Syntax colours in st.code blocks are fixed by Streamlit (no theme option) and several fall to 2.8-3.8:1 on the
# code background; the same hues, darker, reach 4.5:1 (WCAG AA, measured by tests/test_e2e.py). Style-only HTML
# takes no space on the page.
st.html("""<style>
[data-testid="stCode"] pre .token:is(.comment, .prolog, .doctype, .cdata, .punctuation, .unchanged) {color: #5c5f6b}
[data-testid="stCode"] pre .token:is(.attr-name, .property, .variable) {color: #006f8f}
[data-testid="stCode"] pre .token:is(.boolean, .constant, .symbol, .string, .char, .attr-value, .inserted) {color: #137333}
[data-testid="stCode"] pre .token:is(.number, .regex) {color: #0b6e5f}
[data-testid="stCode"] pre .token:is(.operator, .entity, .decorator, .atrule) {color: #a34700}
[data-testid="stCode"] pre .token:is(.keyword, .tag, .function, .class-name, .selector) {color: #0b5cad}
[data-testid="stCode"] pre .token:is(.url) {color: #6b3fa0}
[data-testid="stCode"] pre .token:is(.important, .deleted) {color: #b3261e}
</style>""")


def account_bar(user: auth.User) -> None:
    """Show who is signed in, with which role, and "Sign out", at the top of every page."""
    settings = st.session_state["settings"]
    with st.container(horizontal=True, vertical_alignment="center", key="account"):
        st.markdown(f"Signed in as **{literal(user.name)}** · {user.role}", width="content")
        if auth.sign_in_possible(settings) or not auth.can_skip_sign_in(settings):
            if st.button("Sign out", key="sign_out", icon=":material/logout:", type="tertiary"):
                sign_out()
        apply_cookie()
    if problem := st.session_state.pop("_session_error", None):
        st.warning(f"Signed in for this tab only: the session could not be stored ({literal(problem)}). "
                   "A reload will ask for the password again.", icon=":material/warning:")
    if problem := st.session_state.pop("_sign_out_error", None):
        st.warning(f"Signed out here, but the stored session could not be ended ({literal(problem)}); it "
                   "expires on its own.", icon=":material/warning:")


load_once()
settings = st.session_state.get("settings")
user = current_user(settings) if settings is not None else None
# Every page is registered whether or not someone is signed in, so a link to any page resolves (no
# "Page not found") and, once signed in, the requested page runs: navigation keeps the URL's page.
page = st.navigation([st.Page(path, title=title, icon=icon, default=i == 0)
                      for i, (path, title, icon) in enumerate(PAGES)],
                     position="top" if user is not None or settings is None else "hidden")
if settings is not None and user is None:
    apply_cookie()
    sign_in_form(settings, landing=None if page.title == PAGES[0][1] else page.title)
else:
    if user is not None:
        account_bar(user)
        target_banner(settings)
        if page.title not in VERDICT_PAGES:  # the others draw it in full, with Refresh
            with st.container(horizontal=True, vertical_alignment="center", key="verdict_strip"):
                _verdict.strip(settings)
    page.run()
