"""Sign-in attempts kept in the database: the throttle every console instance shares, and the record.

Failures are counted per client address and per role, so one client's wrong passwords never delay
anyone else; each further failure doubles the wait (exponential back-off). Every attempt is recorded
(time, role tried, client, name given, outcome) in opsconsole's own schema, readable by operators.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from opsconsole.owntables import SCHEMA, ensure, has_table
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

FREE_FAILURES = 3  # wrong passwords per client and role before any wait
BASE_WAIT_S, MAX_WAIT_S = 2.0, 900.0
WINDOW_S = 3600  # failures older than this (or before a success) no longer count
UNKNOWN_CLIENT = "unknown"
_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.signin_attempts (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    role    text NOT NULL,
    client  text NOT NULL,
    name    text,
    outcome text NOT NULL
);
CREATE INDEX IF NOT EXISTS signin_attempts_key ON {SCHEMA}.signin_attempts (client, role, at);
"""


@dataclass(frozen=True)
class SignInAttempt:
    """One recorded sign-in: when, which role was tried, from where, the name given, and the outcome."""

    at: datetime
    role: str
    client: str
    name: str | None
    outcome: str  # "ok", "wrong-password", "throttled"

    def to_dict(self) -> dict[str, Any]:
        """Return the attempt as plain data."""
        data = dict(self.__dict__)
        data["at"] = self.at.isoformat()
        return data


def backoff_s(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passwords: 0, then 2, 4, 8 … up to 15 min."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(BASE_WAIT_S * 2 ** (failures - FREE_FAILURES), MAX_WAIT_S)


def ensure_table(conn: Connection) -> None:
    """Create the sign-in table if missing, under a transaction-level advisory lock (race-free)."""
    ensure(conn, has_table("signin_attempts"), _DDL)


def wait_s(conn: Connection, client: str, role: str) -> float:
    """Seconds this client must still wait before trying this role again (0 when it may try now)."""
    ensure_table(conn)
    row = conn.exec_driver_sql(f"""
        WITH last_ok AS (
            SELECT coalesce(max(at), '-infinity') AS at FROM {SCHEMA}.signin_attempts
            WHERE client = %(client)s AND role = %(role)s AND outcome = 'ok')
        SELECT count(*), extract(epoch FROM now() - max(a.at))
        FROM {SCHEMA}.signin_attempts a, last_ok
        WHERE a.client = %(client)s AND a.role = %(role)s AND a.outcome = 'wrong-password'
          AND a.at > last_ok.at AND a.at > now() - make_interval(secs => %(window)s)""",
        {"client": client, "role": role, "window": WINDOW_S}).one()
    failures, since_last = int(row[0]), float(row[1] or 0.0)
    return max(0.0, backoff_s(failures) - since_last)


def record(conn: Connection, client: str, role: str, outcome: str, name: str | None = None) -> None:
    """Append one attempt (inside the caller's transaction)."""
    ensure_table(conn)
    conn.exec_driver_sql(f"""INSERT INTO {SCHEMA}.signin_attempts (role, client, name, outcome)
        VALUES (%(role)s, %(client)s, %(name)s, %(outcome)s)""",
        {"role": role, "client": client, "name": name or None, "outcome": outcome})


def attempts(conn: Connection, limit: int = 200, failed_only: bool = True) -> list[SignInAttempt]:
    """Return the newest recorded attempts first (only the failed ones unless failed_only is False)."""
    if not conn.exec_driver_sql(f"SELECT to_regclass('{SCHEMA}.signin_attempts') IS NOT NULL").scalar():
        return []
    where = "WHERE outcome <> 'ok'" if failed_only else ""
    rows = conn.exec_driver_sql(f"""SELECT at, role, client, name, outcome FROM {SCHEMA}.signin_attempts
        {where} ORDER BY id DESC LIMIT %(n)s""", {"n": int(limit)})
    return [SignInAttempt(*row) for row in rows]


def check_and_wait(settings: Settings, client: str, role: str) -> float:
    """Open a short transaction and return how long this client must wait for this role."""
    from opsconsole.db import connect

    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        return wait_s(conn, client, role)


def record_attempt(settings: Settings, client: str, role: str, outcome: str, name: str | None = None) -> None:
    """Record one attempt in its own short transaction."""
    from opsconsole.db import connect

    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        record(conn, client, role, outcome, name)


def failed_sign_ins(settings: Settings, limit: int = 200) -> list[SignInAttempt]:
    """Return the newest failed or throttled sign-ins of the managed database (read-only), for operators."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        return attempts(conn, limit)
