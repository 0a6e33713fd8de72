"""The upgrade lock: one PostgreSQL session-level advisory lock per database, naming its holder.

The holder writes "opsconsole upgrade since … by …" into its application_name, so anyone can see
who runs an upgrade and since when (pg_stat_activity), and a crashed holder frees the lock with its
session.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

LOCK_KEY = 0x6F7073636F6E73  # "opscons": one upgrade per database at a time
APP_NAME_PREFIX = "opsconsole upgrade"
_KEY_MATCH = f"l.objsubid = 1 AND l.classid = {LOCK_KEY >> 32} AND l.objid = {LOCK_KEY & 0xFFFFFFFF}"


def try_lock(conn: Connection, by: str) -> bool:
    """Take the lock for this session and label the session with who and since when; False if held."""
    since = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    name = f"{APP_NAME_PREFIX} since {since} by {by}"[:63]
    conn.exec_driver_sql("SELECT set_config('application_name', %(n)s, false)", {"n": name})  # named before held
    got = bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({LOCK_KEY})").scalar())
    if not got:
        conn.exec_driver_sql("SELECT set_config('application_name', 'opsconsole', false)")
    conn.commit()
    return got


def release(conn: Connection) -> None:
    """Give the lock back if this session holds it; a broken connection is dropped (the server frees it)."""
    try:
        if conn.in_transaction():
            conn.rollback()
        held = conn.exec_driver_sql(f"SELECT count(*) FROM pg_locks l WHERE l.locktype = 'advisory' "
                                    f"AND l.pid = pg_backend_pid() AND {_KEY_MATCH}").scalar()
        if held:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
        conn.exec_driver_sql("SELECT set_config('application_name', 'opsconsole', false)")
        conn.commit()
    except Exception:  # the connection may be gone; the server frees the lock with the session
        conn.invalidate()


def holder(conn: Connection) -> str | None:
    """Return "since … by …" for a running upgrade, or None when nobody holds the lock."""
    row = conn.exec_driver_sql(
        f"""SELECT a.application_name, a.backend_start FROM pg_locks l
           JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND {_KEY_MATCH} LIMIT 1""").first()
    if row is None:
        return None
    name, started = row
    if name and name.startswith(APP_NAME_PREFIX):
        return name[len(APP_NAME_PREFIX):].strip()
    when = f"{started:%Y-%m-%d %H:%M:%S %Z}" if started is not None else "an unknown time"
    return f"since {when} by {name or 'an unknown session'}"


def lock_holder(settings: Settings, conn: Connection | None = None) -> str | None:
    """Return who holds the upgrade lock of the managed database, or None."""
    from opsconsole.db import read_only

    if conn is None:
        with read_only(settings) as ro:
            return holder(ro)
    return holder(conn)
