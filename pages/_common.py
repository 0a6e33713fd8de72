"""What every console page shares: the session's settings and user, error display, badges."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import streamlit as st

from opsconsole.auth import User
from opsconsole.errors import OpsConsoleError, describe, one_paragraph
from opsconsole.settings import Settings

T = TypeVar("T")
BADGE = {"pass": ":green-badge[PASS]", "warn": ":orange-badge[WARN]", "fail": ":red-badge[FAIL]",
         "todo": ":gray-badge[TO DO]"}
SEVERITY = {"data-loss": st.error, "breaking": st.warning, "locking": st.warning, "info": st.info}
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
    """Return the session's settings and user, or show why the page cannot run and stop."""
    if "user" not in st.session_state and "settings_error" not in st.session_state:
        # Run without app.py (Streamlit's pages/-folder mode, on a fresh server's first request): sign in first.
        st.switch_page("app.py")
    st.session_state["_errors_shown"] = set()
    problem = st.session_state.get("settings_error")
    if problem:
        st.error(f"opsconsole cannot start: {literal(problem)}", icon=":material/settings_alert:")
        st.stop()
    return st.session_state["settings"], st.session_state["user"]


def show_error(exc: BaseException) -> None:
    """Show an error as one st.error (once per page run) — never a traceback."""
    from opsconsole.db import explain_privilege_error

    settings = st.session_state.get("settings")
    missing = explain_privilege_error(exc, settings) if settings is not None else None
    text = literal(missing or (str(exc) if isinstance(exc, OpsConsoleError) else f"unexpected {describe(exc)}"))
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
    """Say which database the console points at; shout when it is the embedded demo."""
    from opsconsole.db import target

    where = target(settings)
    if where.embedded:
        st.warning(f"**EMBEDDED DEMO DATABASE** — {literal(where.url)}. Nothing here is your real data; set "
                   "DATABASE_URL to manage your own database.", icon=":material/science:")
    else:
        pooler = f" · {where.pooler} pooler" if where.pooler else ""
        st.caption(f"Database: {literal(where.url)} — host **{literal(where.host)}**:{where.port}, database "
                   f"**{literal(where.database)}**{pooler}")


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
