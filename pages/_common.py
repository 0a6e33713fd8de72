"""What every console page shares: the session's settings and user, error display, badges."""

from __future__ import annotations

import ipaddress
import json
import secrets
import string
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from opsconsole import auth, sessions, signins
from opsconsole.auth import User
from opsconsole.errors import OpsConsoleError, SettingsError, describe, one_paragraph, plain_text
from opsconsole.settings import Settings, load_settings

T = TypeVar("T")
BADGE = {"pass": ":green-badge[PASS]", "warn": ":orange-badge[WARN]", "fail": ":red-badge[FAIL]",
         "todo": ":gray-badge[TO DO]"}
SEVERITY = {"data-loss": st.error, "breaking": st.warning, "locking": st.warning, "info": st.info}
RECHECK_S = 60  # a signed-in tab asks the database again this often whether its session still holds
ROLE_LABELS = {auth.ANY_ROLE: "Either (the password decides)", auth.VIEWER: "Viewer (read-only)",
               auth.OPERATOR: "Operator (may upgrade)"}
_MARKDOWN = str.maketrans({ch: "\\" + ch for ch in string.punctuation})


def literal(value: object, lines: bool = False) -> str:
    """Return untrusted text (migrations, database, settings, errors) ready to embed in Markdown.

    Redacted first, then every ASCII punctuation character is backslash-escaped (CommonMark's escape
    set), so links, images, emphasis, headings, HTML and Streamlit's :color[…] directives show as
    the literal characters typed; control characters become spaces (one paragraph, unless `lines`).
    """
    settings = st.session_state.get("settings") or Settings()
    text = settings.redact(str(value))
    if lines:  # keep the line structure as Markdown hard breaks, each line cleaned on its own
        return "  \n".join(one_paragraph(line).translate(_MARKDOWN) for line in text.splitlines())
    return one_paragraph(text).translate(_MARKDOWN)


def code(value: object) -> str:
    """Return untrusted text redacted, for st.code / st.text / dataframes (which never render Markdown)."""
    settings = st.session_state.get("settings") or Settings()
    return settings.redact(str(value))


def context() -> tuple[Settings, User]:
    """Return the session's settings and user; show the sign-in form in place (then this page) or why not."""
    if PagesManager.uses_pages_directory:
        # A fresh server's first requests straight to a page file run it through Streamlit's pages/-folder
        # mode, without app.py, until app.py's st.navigation switches that mode off: switch it off the same
        # way and run again, now through app.py (sign-in, account bar, banner), on the same page.
        PagesManager.uses_pages_directory = False
        st.rerun()
    load_once()
    st.session_state["_errors_shown"] = set()
    problem = st.session_state.get("settings_error")
    if problem:
        st.error(f"opsconsole cannot start: {literal(problem)}", icon=":material/settings_alert:")
        st.stop()
    settings = st.session_state["settings"]
    user = current_user(settings)
    apply_cookie()  # app.py has already done so; kept here for a page run without it
    if user is None:  # app.py signs in before it runs a page; this is the fallback, in place
        sign_in_form(settings)
        st.stop()
    return settings, user


def load_once() -> None:
    """Read the settings once per session (again after a bad one); keep the error, not a traceback."""
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


def throttle_key() -> str:
    """Whose wrong passwords count together: the client's address, else this browser tab.

    Without an address (no proxy header, a local server) all browsers would share one count, and one
    person's wrong passwords would lock everyone out; each tab then counts its own (recorded as
    "unknown-…" so operators still see them).
    """
    address = client_address()
    if address:
        return address
    tab = st.session_state.setdefault("_tab_id", secrets.token_hex(4))
    return f"{signins.UNKNOWN_CLIENT}-{tab}"


def current_user(settings: Settings) -> User | None:
    """Who is signed in: this browser session's user, else the session its cookie names, else the demo."""
    user: User | None = st.session_state.get("user")
    token = st.session_state.get("session_token")
    if user is not None:
        if token and time.monotonic() - st.session_state.get("_session_checked", 0.0) > RECHECK_S:
            try:  # signed out in another tab, expired, or the password changed: this tab ends too
                still = sessions.validate(settings, token)
            except Exception:  # the database is away for a moment: keep the sign-in
                return user
            st.session_state["_session_checked"] = time.monotonic()
            if still is None:
                _forget(token)
                return None
        return user
    cookie = st.context.cookies.get(sessions.COOKIE)
    if cookie and cookie != st.session_state.get("_refused_token"):
        try:
            user = sessions.validate(settings, cookie)
        except Exception:  # the database is away: sign in for this tab; the cookie stays for the next visit
            user = None
        else:
            if user is None:  # unknown, expired, revoked or outdated: never asked about again
                _forget(cookie)
        if user is not None:
            st.session_state.update(user=user, session_token=cookie, _session_checked=time.monotonic())
            return user
    if identity_configured() and st.user.is_logged_in:  # the identity provider's cookie (st.login)
        try:
            user = auth.identity_user(settings, st.user.get("email"), st.user.get("name"))
        except auth.SignInRefused as exc:
            st.session_state["_identity_error"] = str(exc)
        else:
            st.session_state.update(user=user, _identity=True)
            return user
    if auth.can_skip_sign_in(settings) and not auth.sign_in_possible(settings):
        st.session_state["user"] = auth.demo_user(settings)  # the demo with no passwords: nothing to sign in with
        return st.session_state["user"]
    return None


def identity_configured() -> bool:
    """Whether per-person sign-in through an identity provider is set up ([auth] in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def sign_in_form(settings: Settings, landing: str | None = None) -> None:
    """Ask for a password (and the operator's name), or let the demo visitor skip; then rerun this page."""
    st.title("Sign in to opsconsole")
    if landing:
        st.caption(f"Then you will see **{literal(landing)}**, the page you asked for.")
    if identity_configured():
        if problem := st.session_state.pop("_identity_error", None):
            st.error(f"Sign-in refused: {literal(problem)}")
        if st.button("Sign in with your organisation's account", key="signin_identity", type="primary",
                     icon=":material/badge:"):
            st.login()
    elif hint := auth.setup_hint(settings):
        st.info(hint)
    if auth.sign_in_possible(settings):
        with st.form("sign-in"):
            role = st.radio("Sign in as", (auth.ANY_ROLE, auth.VIEWER, auth.OPERATOR), horizontal=True,
                            key="signin_role", format_func=ROLE_LABELS.get)
            name = st.text_input("Your name (the audit log records who upgraded)", key="signin_name", max_chars=64)
            password = st.text_input("Password", type="password", key="signin_password", max_chars=1024)
            if st.form_submit_button("Sign in", type="primary"):
                try:
                    user = auth.sign_in(settings, password, name, role=None if role == auth.ANY_ROLE else role,
                                        client=throttle_key())
                except auth.SignInRefused as exc:
                    st.error(f"Sign-in refused: {literal(exc)}")
                else:
                    _remember(settings, user)
                    st.rerun()
    if auth.can_skip_sign_in(settings):
        st.caption("This console runs on the embedded demo database, so you may skip sign-in.")
        if st.button("Continue as the demo operator", key="signin_demo"):
            _remember(settings, auth.demo_user(settings))
            st.rerun()


def sign_out() -> None:
    """End this sign-in everywhere (the stored session too), clear the cookie, and show the sign-in form."""
    token = st.session_state.get("session_token")
    settings = st.session_state.get("settings")
    if token and settings is not None:
        try:
            sessions.revoke(settings, token)
        except Exception as exc:  # the cookie is cleared anyway; say the stored session may outlive it
            st.session_state["_sign_out_error"] = str(exc)
    _forget(token)
    st.session_state.pop("user", None)
    if st.session_state.pop("_identity", False):
        st.logout()  # clears the identity provider's cookie and starts a new session
    st.rerun()


def apply_cookie() -> None:
    """Set or clear the session cookie in the browser when a sign-in or sign-out asked for it."""
    op = st.session_state.pop("_cookie_op", None)
    if op is None:
        return
    token, max_age = op
    secure = "(location.protocol === 'https:' ? '; Secure' : '')"
    st.html(f"<script>document.cookie = {json.dumps(f'{sessions.COOKIE}={token}')} + "
            f"'; Max-Age={int(max_age)}; Path=/; SameSite=Strict' + {secure};</script>",
            unsafe_allow_javascript=True, width="content")


def _remember(settings: Settings, user: User) -> None:
    """Keep the user in this browser session and, when the database takes it, in a lasting session."""
    st.session_state["user"] = user
    try:
        token = sessions.create(settings, user)
    except Exception as exc:  # the sign-in still works until this tab closes; say why it will not last
        st.session_state["_session_error"] = str(exc)
        return
    st.session_state.update(session_token=token, _session_checked=time.monotonic(),
                            _cookie_op=(token, settings.session_hours * 3600))
    st.session_state.pop("_session_error", None)


def _forget(token: str | None) -> None:
    """Drop a session from this browser session and clear its cookie (it is refused from now on)."""
    st.session_state.pop("user", None)
    st.session_state.pop("session_token", None)
    if token:
        st.session_state["_refused_token"] = token
    st.session_state["_cookie_op"] = ("", 0)


def show_error(exc: BaseException) -> None:
    """Show an error as one st.error (once per page run) — never a traceback."""
    from opsconsole.db import explain_privilege_error

    settings = st.session_state.get("settings")
    missing = explain_privilege_error(exc, settings) if settings is not None else None
    said = missing or (str(exc) if isinstance(exc, OpsConsoleError) else
                       f"something unexpected went wrong: {describe(exc)}. Reload the page; if it stays, run "
                       "'python -m opsconsole status' on the server for details.")
    text = literal(plain_text(said, settings or Settings()))
    shown: set[str] = st.session_state.setdefault("_errors_shown", set())
    if text not in shown:
        shown.add(text)
        st.error(text, icon=":material/error:")


def attempt(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call into the library; on failure show the error and return None so the page renders the rest."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # the library raises OpsConsoleError; anything else must not reach the user either
        show_error(exc)
        return None
    except (SystemExit, KeyboardInterrupt) as exc:  # project code calling sys.exit() must not blank the page
        show_error(OpsConsoleError(f"the project's code raised {type(exc).__name__}({describe(exc)}) while "
                                   "opsconsole read it; fix that code (env.py or a migration) and reload."))
        return None


def target_banner(settings: Settings) -> None:
    """Say which database the console points at (never a driver URL); shout when it is the embedded demo."""
    from opsconsole.db import target

    where = target(settings)
    if where.embedded:
        st.warning("**EMBEDDED DEMO DATABASE** — nothing here is your real data. Set DATABASE_URL to manage "
                   "your own database.", icon=":material/science:")
    else:
        pooler = f" · through the {where.pooler} pooler" if where.pooler else ""
        port = f":{where.port}" if where.port else ""
        st.caption(f"Connected to database **{literal(where.database)}** on host **{literal(where.host)}**{port} "
                   f"as {literal(where.user)}{pooler}")


def show_findings(findings: Iterable[dict[str, Any]]) -> None:
    """Render analyzer findings; data loss in red with the rows and tenants at risk."""
    for f in findings:
        where = f" on {literal(f['object'])}" if f.get("object") else ""
        risk = ""
        if f.get("rows_at_risk") is not None:
            tenants = f.get("tenants_at_risk")
            risk = f" — **{f['rows_at_risk']:,} row(s)** of **{tenants if tenants is not None else '?'} tenant(s)** at risk"
        approved = " (approved)" if f.get("approved") else ""
        hint = f"\n\nFix: {literal(f['hint'])}" if f.get("hint") else ""
        SEVERITY.get(f.get("severity", "info"), st.info)(
            f"**{literal(f.get('severity'))}**{approved} · {literal(f.get('revision'))} {literal(f.get('rule'))}"
            f"{where}: {literal(f.get('message'))}{risk}{hint}")
