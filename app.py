"""opsconsole's web console: load the settings once, sign in, show the sidebar, route to pages/."""

from __future__ import annotations

import ipaddress

import streamlit as st

from opsconsole import auth
from opsconsole.db import target
from opsconsole.errors import SettingsError
from opsconsole.settings import install_log_redaction, load_settings
from pages._common import literal

PAGES = (("pages/overview.py", "Overview", ":material/verified_user:"),
         ("pages/status.py", "Schema status", ":material/schema:"),
         ("pages/tenants.py", "Tenants", ":material/groups:"),
         ("pages/history.py", "History", ":material/history:"),
         ("pages/backups.py", "Backups", ":material/restore:"),
         ("pages/checklist.py", "Emergency checklist", ":material/checklist:"),
         ("pages/upgrade.py", "Upgrade", ":material/upgrade:"))

install_log_redaction()  # Streamlit's own log (tracebacks included) never carries a password
ROLE_LABELS = {auth.ANY_ROLE: "Either (the password decides)", auth.VIEWER: "Viewer (read-only)",
               auth.OPERATOR: "Operator (may upgrade)"}

st.set_page_config(page_title="opsconsole", page_icon=":material/database:", layout="wide")


def load_once() -> None:
    """Read the settings once per session; keep the error (not a traceback) when one is bad."""
    if "settings" in st.session_state:
        return
    try:
        st.session_state["settings"] = load_settings()
        st.session_state.pop("settings_error", None)
    except SettingsError as exc:
        st.session_state["settings_error"] = str(exc)


def client_address() -> str | None:
    """The browser's address: Streamlit's own, or the first X-Forwarded-For hop behind a private proxy."""
    direct = st.context.ip_address
    forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[0].strip()
    try:
        behind_proxy = direct is None or ipaddress.ip_address(direct).is_private or \
            ipaddress.ip_address(direct).is_loopback
    except ValueError:
        behind_proxy = False
    return forwarded if forwarded and behind_proxy else direct


def sign_in_page() -> None:
    """Ask for a password (and the operator's name), or let the demo visitor skip."""
    settings = st.session_state["settings"]
    st.title("Sign in to opsconsole")
    if hint := auth.setup_hint(settings):
        st.info(hint)
    if auth.sign_in_possible(settings):
        with st.form("sign-in"):
            role = st.radio("Sign in as", (auth.ANY_ROLE, auth.VIEWER, auth.OPERATOR), horizontal=True,
                            key="signin_role", format_func=ROLE_LABELS.get)
            name = st.text_input("Your name (the audit log records who upgraded)", key="signin_name", max_chars=64)
            password = st.text_input("Password", type="password", key="signin_password", max_chars=1024)
            if st.form_submit_button("Sign in", type="primary"):
                try:
                    st.session_state["user"] = auth.sign_in(settings, password, name,
                                                            role=None if role == auth.ANY_ROLE else role,
                                                            client=client_address())
                    st.rerun()
                except auth.SignInRefused as exc:
                    st.error(f"Sign-in refused: {literal(exc)}")
    if auth.can_skip_sign_in(settings):
        st.caption("This console runs on the embedded demo database, so you may skip sign-in.")
        if st.button("Continue as the demo operator", key="signin_demo"):
            st.session_state["user"] = auth.demo_user(settings)
            st.rerun()


def sidebar(user: auth.User) -> None:
    """Show who is signed in, with which role, and where the console points."""
    st.sidebar.markdown(f"Signed in as **{literal(user.name)}** · {user.role}")
    if settings := st.session_state.get("settings"):
        where = target(settings)
        st.sidebar.caption("Demo database (embedded)" if where.embedded else f"Database: {literal(where.host)}")
    if st.sidebar.button("Sign out", key="sign_out"):
        del st.session_state["user"]
        st.rerun()


load_once()
settings = st.session_state.get("settings")
if "user" not in st.session_state and settings is not None and auth.can_skip_sign_in(settings) \
        and not auth.sign_in_possible(settings):
    st.session_state["user"] = auth.demo_user(settings)  # the demo with no passwords: nothing to sign in with
user = st.session_state.get("user")
if "settings" in st.session_state and user is None:
    st.navigation([st.Page(sign_in_page, title="Sign in", icon=":material/login:")]).run()
else:
    if user is not None:
        sidebar(user)
    st.navigation([st.Page(path, title=title, icon=icon, default=i == 0)
                   for i, (path, title, icon) in enumerate(PAGES)]).run()
