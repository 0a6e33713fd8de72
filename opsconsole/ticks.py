"""Emergency-checklist ticks kept in the database: shared by everyone, with who ticked what and when.

One row per manual step in schema `opsconsole` holds its latest state (ticked or not, by whom, when);
every tick, untick and "clear all" is also an audit-log row, so History shows the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from opsconsole import audit
from opsconsole.errors import InputRejected
from opsconsole.inputs import clean
from opsconsole.owntables import SCHEMA, ensure, has_table
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_STEP = re.compile(r"^[a-z0-9][a-z0-9\-]{0,63}$")
_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.checklist_ticks (
    step_id text PRIMARY KEY,
    ticked  boolean NOT NULL,
    by_name text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
"""


@dataclass(frozen=True)
class Tick:
    """A manual step's latest state: ticked or not, by whom, when."""

    step_id: str
    ticked: bool
    by: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        """Return the tick as plain data."""
        return {"step_id": self.step_id, "ticked": self.ticked, "by": self.by, "at": self.at.isoformat()}


def ensure_table(conn: Connection) -> None:
    """Create the ticks table if missing, under a transaction-level advisory lock (race-free)."""
    ensure(conn, has_table("checklist_ticks"), _DDL)


def read(settings: Settings) -> dict[str, Tick]:
    """Return every step's latest tick, by step id (read-only); empty when nobody ticked anything yet."""
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        if not conn.exec_driver_sql(f"SELECT to_regclass('{SCHEMA}.checklist_ticks') IS NOT NULL").scalar():
            return {}
        rows = conn.exec_driver_sql(f"SELECT step_id, ticked, by_name, at FROM {SCHEMA}.checklist_ticks")
        return {row[0]: Tick(*row) for row in rows}


def set_tick(settings: Settings, step_id: str, ticked: bool, by: str) -> Tick:
    """Tick (or untick) a manual step as `by`; record it in the audit log; return the new state."""
    from opsconsole.db import connect

    if not _STEP.match(step_id or ""):
        raise InputRejected("checklist step", f"'{(step_id or '')[:80]}' is not a step id; reload the checklist "
                                                 "and tick again.")
    name = clean(by, "name", "your name")
    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        ensure_table(conn)
        row = conn.exec_driver_sql(f"""INSERT INTO {SCHEMA}.checklist_ticks (step_id, ticked, by_name)
            VALUES (%(step)s, %(ticked)s, %(by)s)
            ON CONFLICT (step_id) DO UPDATE SET ticked = EXCLUDED.ticked, by_name = EXCLUDED.by_name, at = now()
            RETURNING step_id, ticked, by_name, at""", {"step": step_id, "ticked": bool(ticked), "by": name}).one()
        audit.record(conn, actor=name, action=f"checklist {step_id}", outcome="ticked" if ticked else "unticked",
                     settings=settings)
    return Tick(*row)


def clear_all(settings: Settings, by: str) -> int:
    """Untick every step at once (a fresh emergency); record who did it; return how many were ticked."""
    from opsconsole.db import connect

    name = clean(by, "name", "your name")
    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
        ensure_table(conn)
        cleared = conn.exec_driver_sql(f"SELECT count(*) FROM {SCHEMA}.checklist_ticks WHERE ticked").scalar()
        conn.exec_driver_sql(f"DELETE FROM {SCHEMA}.checklist_ticks")
        audit.record(conn, actor=name, action="checklist clear-all", outcome="ok", settings=settings)
    return int(cleared or 0)
