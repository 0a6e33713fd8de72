"""Console sign-in: a viewer password and an operator password, compared in constant time.

Viewers see every page; only operators may upgrade, and only when an operator password is
configured. On the embedded demo database sign-in may be skipped: the visitor is then the operator
"demo". No Streamlit here; the console's app.py keeps the signed-in `User` in its session.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from opsconsole.errors import SignInRefused
from opsconsole.settings import Settings

VIEWER, OPERATOR = "viewer", "operator"
DEMO_NAME = "demo"
_MAX_NAME = 64
THROTTLE_FAILURES, THROTTLE_WINDOW_S = 10, 60.0
_failures: deque[float] = deque()
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


def sign_in(settings: Settings, password: str, name: str = "") -> User:
    """Return the user a password signs in as; raise SignInRefused when it matches no configured password."""
    if not sign_in_possible(settings):
        raise SignInRefused(setup_hint(settings))
    _throttle()
    given = (password or "").encode()
    # Compare against both passwords every time, so timing says nothing about which one was close.
    is_operator = _matches(given, settings.operator_password)
    is_viewer = _matches(given, settings.viewer_password)
    if is_operator:
        clean = clean_name(name)
        if not clean:
            raise SignInRefused("operators must give their name; the audit log records who upgraded.")
        return User(clean, OPERATOR)
    if is_viewer:
        return User(clean_name(name) or VIEWER, VIEWER)
    with _lock:
        _failures.append(time.monotonic())
    raise SignInRefused("wrong password.")


def demo_user(settings: Settings) -> User:
    """Return the operator "demo", who needs no password on the embedded demo database only."""
    if not can_skip_sign_in(settings):
        raise SignInRefused("sign-in can only be skipped on the embedded demo database; DATABASE_URL is set.")
    return User(DEMO_NAME, OPERATOR)


def clean_name(name: str | None) -> str:
    """Return a name fit for the audit log: printable, single-line, at most 64 characters."""
    text = "".join(ch for ch in (name or "") if ch.isprintable())
    return " ".join(text.split())[:_MAX_NAME]


def _throttle() -> None:
    """Refuse every sign-in for a while after too many wrong passwords (per console process)."""
    now = time.monotonic()
    with _lock:
        while _failures and now - _failures[0] > THROTTLE_WINDOW_S:
            _failures.popleft()
        if len(_failures) >= THROTTLE_FAILURES:
            wait = int(THROTTLE_WINDOW_S - (now - _failures[0])) + 1
            raise SignInRefused(f"too many wrong passwords; try again in {wait} s.")


def _matches(given: bytes, configured: str | None) -> bool:
    if not configured:
        hmac.compare_digest(given, given)  # same work whether or not this password is configured
        return False
    return hmac.compare_digest(given, configured.encode())
