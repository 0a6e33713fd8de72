"""What the checks of one guard run share: settings, the connection, and status computed at most once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.guard.report import CheckResult
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


@dataclass
class Context:
    """What the checks share, computed at most once per run."""

    settings: Settings
    strict: bool
    start_script: Path
    conn: Connection | None = None
    db_error: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)

    @cached_property
    def script(self) -> Any:
        """The project's script directory, loaded once per run."""
        from opsconsole.alembic_env import load_graph

        return load_graph(self.settings)

    @cached_property
    def status(self) -> Any:
        """The database's revision against the heads, read once per run."""
        from opsconsole.alembic_env import status

        return status(self.settings, conn=self.conn, graph=self.script)  # the graph is read once per run


Check = Callable[[Context], CheckResult]


def problem(ctx: Context, code: str) -> Any:
    """Return the schema status's problem with this code (e.g. unknown-revision), or None."""
    return next((p for p in ctx.status.problems if p.code == code), None)
