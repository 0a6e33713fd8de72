"""Apply migrations through the project's own env.py, on opsconsole's connection, one transaction each.

This is ``alembic upgrade TARGET`` as the project's authors run it — their env.py, their options —
with the configure interception substituting the guarded connection and adding
``transaction_per_migration`` and an ``on_version_apply`` hook. Each step's start is seen through
Alembic's own "Running upgrade …" log record (after env.py's logging set-up), so a ``started``
audit row can be written before the step's first statement.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opsconsole.settings import Settings, redact_url

from opsconsole.contain import contained
from .intercept import Interception, identity, intercepting
from .project import Project, alembic_config

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_MIGRATION_LOGGER = "alembic.runtime.migration"


@dataclass
class StepLog:
    """Which steps started and finished, in order, as the run goes."""

    on_start: Callable[[str, str | None], None] | None = None
    on_begin: Callable[[Any, str], None] | None = None  # (migration connection, revision): inside the step's
    #                                                      transaction, before the migration's first statement
    on_done: Callable[[Any, str, str | None, int], None] | None = None
    expected: frozenset[str] = frozenset()  # the revisions the run should apply (to read a redacted record)
    started: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    _t0: dict[str, float] = field(default_factory=dict)

    @property
    def in_flight(self) -> str | None:
        """The step that started and did not finish (the failing one), if any."""
        open_steps = [rev for rev in self.started if rev not in self.done]
        return open_steps[-1] if open_steps else None

    def started_ms(self, rev: str) -> int:
        """Milliseconds since the step started."""
        return int((time.monotonic() - self._t0.get(rev, time.monotonic())) * 1000)


class _StartHandler(logging.Handler):
    """Turns Alembic's "Running upgrade a -> b" record into a step-start callback."""

    def __init__(self, log: StepLog, conn: Any) -> None:
        super().__init__(logging.INFO)
        self.log = log
        self.conn = conn

    def emit(self, record: logging.LogRecord) -> None:  # noqa: D102
        step = record.args[0] if isinstance(record.args, tuple) and record.args else None
        info = getattr(step, "info", None)
        if info is not None:
            if not getattr(info, "is_upgrade", True):
                return
            down, ups = ",".join(info.down_revision_ids) or None, tuple(info.up_revision_ids)
        else:  # a record whose arguments were redacted away: find the revision in its text
            down, ups = self._from_text(record.getMessage())
        for rev in ups:
            self.log.started.append(rev)
            self.log._t0[rev] = time.monotonic()
            if self.log.on_start is not None:
                self.log.on_start(rev, down)
            if self.log.on_begin is not None:
                self.log.on_begin(self.conn, rev)


    def _from_text(self, text: str) -> tuple[str | None, tuple[str, ...]]:
        head, arrow, tail = text.partition(" -> ")
        if not head.startswith("Running upgrade") or not arrow:
            return None, ()
        found = [t for t in re.findall(r"[0-9A-Za-z_]+", tail) if t in self.log.expected][:1]
        downs = [t for t in re.findall(r"[0-9A-Za-z_]+", head) if t not in ("Running", "upgrade")]
        return ",".join(downs) or None, tuple(found)


def run_online(settings: Settings, project: Project, conn: Connection, target: str, log: StepLog) -> None:
    """Run the project's env.py online to `target` on `conn`; raises what the run raised (contained)."""
    from alembic import command

    from opsconsole.db import database_url

    url = database_url(settings)
    config = alembic_config(project, url)
    guarded = identity(conn)
    conn.commit()  # Alembic must own the per-migration transactions: hand it an idle connection
    handler = _StartHandler(log, conn)
    logger = logging.getLogger(_MIGRATION_LOGGER)

    def attach() -> None:  # after env.py's fileConfig(), which resets loggers
        logger.setLevel(logging.INFO)
        if handler not in logger.handlers:
            logger.addHandler(handler)

    def applied(ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
        if not getattr(step, "is_upgrade", True):
            return
        down = ",".join(step.down_revision_ids) or None
        for rev in step.up_revision_ids:
            log.done.append(rev)
            if log.on_done is not None:
                log.on_done(conn, rev, down, log.started_ms(rev))

    plan = Interception(guarded=conn, guarded_identity=guarded, guarded_label=redact_url(url),
                        extra={"transaction_per_migration": True, "on_version_apply": [applied]},
                        on_configure=attach)
    try:
        with intercepting(plan), contained("the project's env.py or a migration"):
            command.upgrade(config, "heads" if target in ("head", "heads") else target)
    finally:
        logger.removeHandler(handler)
        if conn.in_transaction():
            conn.rollback()
    if not plan.configured:
        from opsconsole.errors import MigrationScriptError

        raise MigrationScriptError(f"{project.env_py} never called context.configure(), so nothing ran; check "
                                   "its run_migrations_online().")
