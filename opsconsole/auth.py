"""Console sign-in: a viewer password and an operator password, compared in constant time.

Wrong passwords are throttled per client address and per role, in the database (opsconsole.signins)
so that every console instance shares the count; one client's failures never delay another. When
the database cannot be reached, a per-process throttle with the same back-off stands in.

Viewers see every page; only operators may upgrade, and only when an operator password is
configured. On the embedded demo database sign-in may be skipped: the visitor is then the operator
"demo". No Streamlit here; the console's app.py keeps the signed-in `User` in its session.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass
from typing import Any

from opsconsole import signins
from opsconsole.errors import SignInRefused
from opsconsole.settings import Settings

VIEWER, OPERATOR = "viewer", "operator"
ANY_ROLE = "any"  # recorded when the form did not say which role was tried
DEMO_NAME = "demo"
_MAX_NAME = 64
_MAX_PASSWORD = 1024
_failures: dict[tuple[str, str], list[float]] = {}  # fallback throttle when the database is unreachable
_lock = threading.Lock()


@dataclass(frozen=True)
class User:
    """Who is signed in and with which role; `name` is what the audit log records as `by`."""

    name: str
    role: str

    @property
    def can_upgrade(self) -> bool:
        """Whether this user may run the guarded upgrade."""
        return self.role == OPERATOR

    def to_dict(self) -> dict[str, Any]:
        """Return the user as plain data."""
        return {"name": self.name, "role": self.role, "can_upgrade": self.can_upgrade}


def can_skip_sign_in(settings: Settings) -> bool:
    """Whether sign-in may be skipped (as the operator "demo"): on the embedded demo database only."""
    return settings.embedded


def sign_in_possible(settings: Settings) -> bool:
    """Whether any password is configured, so that a sign-in can succeed at all."""
    return bool(settings.viewer_password or settings.operator_password)


def setup_hint(settings: Settings) -> str:
    """Say which settings to add so that people can sign in (and operators can upgrade)."""
    if not sign_in_possible(settings):
        return ("No console password is configured: set OPSCONSOLE_VIEWER_PASSWORD (read-only) and "
                "OPSCONSOLE_OPERATOR_PASSWORD (may upgrade) in the environment or .streamlit/secrets.toml.")
    if not settings.operator_password:
        return "No operator password is configured (OPSCONSOLE_OPERATOR_PASSWORD), so nobody can upgrade from the web."
    return ""


def sign_in(settings: Settings, password: str, name: str = "", role: str | None = None,
            client: str | None = None) -> User:
    """Return the user a password signs in as; raise SignInRefused when it matches no configured password.

    `role` (viewer/operator) is the role the form asked for, None to accept either; `client` is the
    browser's address. Failures are recorded and throttled per (client, role), in the database.
    """
    if not sign_in_possible(settings):
        raise SignInRefused(setup_hint(settings))
    if role not in (None, VIEWER, OPERATOR):
        raise SignInRefused(f"unknown role '{role}'; choose viewer or operator.")
    tried = role or ANY_ROLE
    where = clean_client(client)
    given_name = clean_name(name)
    wait = _wait(settings, where, tried)
    if wait > 0:
        _record(settings, where, tried, "throttled", given_name)
        raise SignInRefused(f"too many wrong passwords from this browser for the {tried} role; try again in "
                            f"{int(wait) + 1} s.")
    given = (password or "")[:_MAX_PASSWORD].encode()
    # Compare against both passwords every time, so timing says nothing about which one was close.
    is_operator = _matches(given, settings.operator_password) and role in (None, OPERATOR)
    is_viewer = _matches(given, settings.viewer_password) and role in (None, VIEWER)
    if is_operator:
        if not given_name:
            raise SignInRefused("operators must give their name; the audit log records who upgraded.")
        _record(settings, where, tried, "ok", given_name)
        return User(given_name, OPERATOR)
    if is_viewer:
        _record(settings, where, tried, "ok", given_name)
        return User(given_name or VIEWER, VIEWER)
    _record(settings, where, tried, "wrong-password", given_name)
    raise SignInRefused("wrong password." + (" Check that you chose the right role." if role else ""))


def identity_user(settings: Settings, email: str | None, name: str | None) -> User:
    """The user an identity provider vouched for (Streamlit's st.login): their own name in the audit log.

    Operators are the addresses or @domains listed in OPSCONSOLE_OIDC_OPERATORS; everyone else views.
    """
    address = clean_name(email).lower()
    if "@" not in address:
        raise SignInRefused("the identity provider gave no e-mail address; ask your administrator to release "
                            "the 'email' claim to opsconsole.")
    domain = "@" + address.rpartition("@")[2]
    role = OPERATOR if address in settings.oidc_operators or domain in settings.oidc_operators else VIEWER
    shown = clean_name(name)
    return User(f"{shown} <{address}>"[:_MAX_NAME] if shown else address, role)


def clean_client(client: str | None) -> str:
    """Return the client address as recorded: printable, at most 64 characters, 'unknown' when absent."""
    text = "".join(ch for ch in (client or "") if ch.isprintable() and not ch.isspace())[:64]
    return text or signins.UNKNOWN_CLIENT


def demo_user(settings: Settings) -> User:
    """Return the operator "demo", who needs no password on the embedded demo database only."""
    if not can_skip_sign_in(settings):
        raise SignInRefused("sign-in can only be skipped on the embedded demo database; DATABASE_URL is set.")
    return User(DEMO_NAME, OPERATOR)


def clean_name(name: str | None) -> str:
    """Return a name fit for the audit log: printable, single-line, at most 64 characters."""
    text = "".join(ch for ch in (name or "") if ch.isprintable())
    return " ".join(text.split())[:_MAX_NAME]


def _wait(settings: Settings, client: str, role: str) -> float:
    """Seconds this client must wait for this role: from the database, else from this process."""
    try:
        return signins.check_and_wait(settings, client, role)
    except Exception:  # unreachable, locked or not permitted: sign-in must still work, throttled here
        now = time.monotonic()
        with _lock:
            recent = [t for t in _failures.get((client, role), []) if now - t < signins.WINDOW_S]
            _failures[(client, role)] = recent
            return max(0.0, signins.backoff_s(len(recent)) - (now - recent[-1])) if recent else 0.0


def _record(settings: Settings, client: str, role: str, outcome: str, name: str) -> None:
    """Record the attempt in the database; keep failures in this process when it cannot be reached."""
    try:
        signins.record_attempt(settings, client, role, outcome, name)
        return
    except Exception:  # as above: the process keeps the count until the database is back
        pass
    with _lock:
        if outcome == "ok":
            _failures.pop((client, role), None)
        elif outcome == "wrong-password":
            _failures.setdefault((client, role), []).append(time.monotonic())


def _matches(given: bytes, configured: str | None) -> bool:
    if not configured:
        hmac.compare_digest(given, given)  # same work whether or not this password is configured
        return False
    return hmac.compare_digest(given, configured.encode())
