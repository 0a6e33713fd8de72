"""Console sessions kept in the database, so a sign-in survives reloads, links, new tabs and instances.

Signing in creates a random opaque token (the browser keeps it in a cookie); the table in schema
`opsconsole` keeps only its sha256, with who signed in, the role, when it expires and whether it was
revoked ("Sign out"). Each session also keeps an HMAC of its role's password keyed with the token
itself, never the password: when the password changes, every session signed in with the old one
ends, and someone who reads the table can neither use a session nor test password guesses against it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from opsconsole.auth import DEMO_NAME, OPERATOR, VIEWER, User, can_skip_sign_in
from opsconsole.owntables import SCHEMA, ensure, has_table
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

COOKIE = "opsconsole_session"
KEEP_EXPIRED_DAYS = 7  # expired and revoked rows are deleted this long after they end
_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{32,128}$")
_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.console_sessions (
    token_sha256 text PRIMARY KEY,
    name         text NOT NULL,
    role         text NOT NULL,
    password_mac text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
"""


@dataclass(frozen=True)
class Session:
    """A stored session as operators may see it (never the token)."""

    name: str
    role: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


def ensure_table(conn: Connection) -> None:
    """Create the sessions table if missing, under a transaction-level advisory lock (race-free)."""
    ensure(conn, has_table("console_sessions"), _DDL)


def digest(token: str) -> str:
    """Return the sha256 under which a token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str | None) -> bool:
    """Whether a cookie value can be a token at all (checked before any database look-up)."""
    return bool(token) and bool(_TOKEN.match(token or ""))


def create(settings: Settings, user: User) -> str:
    """Store a new session for `user` lasting OPSCONSOLE_SESSION_HOURS; return its token for the cookie."""
    from opsconsole.db import connect

    token = secrets.token_urlsafe(32)
    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        ensure_table(conn)
        conn.exec_driver_sql(f"""DELETE FROM {SCHEMA}.console_sessions
            WHERE coalesce(revoked_at, expires_at) < now() - make_interval(days => %(days)s)""",
            {"days": KEEP_EXPIRED_DAYS})
        conn.exec_driver_sql(f"""INSERT INTO {SCHEMA}.console_sessions
            (token_sha256, name, role, password_mac, expires_at)
            VALUES (%(sha)s, %(name)s, %(role)s, %(mac)s, now() + make_interval(hours => %(hours)s))""",
            {"sha": digest(token), "name": user.name, "role": user.role,
             "mac": _password_mac(settings, token, user), "hours": int(settings.session_hours)})
    return token


def validate(settings: Settings, token: str | None) -> User | None:
    """Return the user a token signs in as, or None when it is unknown, expired, revoked or outdated.

    Outdated: the role's password changed since (or the demo skip is no longer allowed).
    """
    if not well_formed(token):
        return None
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        if not conn.exec_driver_sql(f"SELECT to_regclass('{SCHEMA}.console_sessions') IS NOT NULL").scalar():
            return None
        row = conn.exec_driver_sql(f"""SELECT name, role, password_mac FROM {SCHEMA}.console_sessions
            WHERE token_sha256 = %(sha)s AND revoked_at IS NULL AND expires_at > now()""",
            {"sha": digest(token or "")}).first()
    if row is None:
        return None
    user = User(row[0], row[1])
    expected = _password_mac(settings, token or "", user)
    return user if expected and hmac.compare_digest(expected, row[2]) else None


def revoke(settings: Settings, token: str | None) -> bool:
    """End a session now ("Sign out"); return whether a live session was ended."""
    if not well_formed(token):
        return False
    from opsconsole.db import connect

    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        ensure_table(conn)
        ended = conn.exec_driver_sql(f"""UPDATE {SCHEMA}.console_sessions SET revoked_at = now()
            WHERE token_sha256 = %(sha)s AND revoked_at IS NULL""", {"sha": digest(token or "")}).rowcount
    return bool(ended)


def live(settings: Settings) -> list[Session]:
    """Return the sessions that are neither expired nor revoked, newest first (read-only), for operators."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        if not conn.exec_driver_sql(f"SELECT to_regclass('{SCHEMA}.console_sessions') IS NOT NULL").scalar():
            return []
        rows = conn.exec_driver_sql(f"""SELECT name, role, created_at, expires_at, revoked_at
            FROM {SCHEMA}.console_sessions WHERE revoked_at IS NULL AND expires_at > now()
            ORDER BY created_at DESC""")
        return [Session(*row) for row in rows]


def _password_mac(settings: Settings, token: str, user: User) -> str:
    """HMAC (keyed with the token) of what signed this user in; '' when that way in no longer exists."""
    if user.role == OPERATOR and user.name == DEMO_NAME and can_skip_sign_in(settings):
        secret = "demo"  # the demo operator, who needs no password on the embedded database only
    elif user.role == OPERATOR:
        secret = settings.operator_password or ""
    elif user.role == VIEWER:
        secret = settings.viewer_password or ""
    else:
        secret = ""
    if not secret:
        return ""
    return hmac.new(token.encode(), f"{user.role}\n{secret}".encode(), hashlib.sha256).hexdigest()
