"""Dry run: render each pending revision to SQL with Alembic's offline mode, one revision at a time.

A revision that cannot be rendered offline (its imports need the application, it reads the
database through ``op.get_bind()``) is named with the reason; the others still show their SQL.
Offline mode never connects, so nothing runs against the database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from opsconsole.errors import OpsConsoleError
from opsconsole.settings import Settings

from . import runner
from .contain import contained
from .intercept import Interception, intercepting
from .project import Project, alembic_config
from .revisions import load_graph


@dataclass(frozen=True)
class RevisionSQL:
    """One pending revision's SQL, or why it could not be rendered."""

    revision: str
    message: str
    sql: str
    error: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return it as plain data."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class DryRun:
    """The SQL each pending revision would run, from `start` to the target."""

    start: tuple[str, ...]
    revisions: tuple[RevisionSQL, ...]

    @property
    def ok(self) -> bool:
        """Whether every pending revision rendered."""
        return all(r.error is None for r in self.revisions)

    @property
    def sql(self) -> str:
        """All of it as one script, each revision under a comment naming it."""
        return "\n".join(f"-- revision {r.revision}: {r.message}\n" +
                         (r.sql if r.error is None else f"-- cannot be rendered offline: {r.error}\n")
                         for r in self.revisions)

    def to_dict(self) -> dict[str, Any]:
        """Return it as plain data."""
        return {"ok": self.ok, "start": list(self.start), "revisions": [r.to_dict() for r in self.revisions]}


def dry_run(settings: Settings, target: str = "heads") -> DryRun:
    """Render every revision between the database's revision and `target`; change nothing."""
    from .revisions import status

    start = status(settings).current
    args = {"target": target, "start": list(start)}
    if runner.inline():
        from .project import load_project

        project = load_project(settings)
        with runner.inline_environment(settings, project):
            data = dry_run_here(settings, project, args, lambda _m: None)
    else:
        data = runner.run(settings, "dry_run", args)
    return DryRun(tuple(data["start"]), tuple(RevisionSQL(**r) for r in data["revisions"]))


def dry_run_here(settings: Settings, project: Project, args: dict[str, Any], say: Any) -> dict[str, Any]:
    """Render in this process (a worker): one offline run of env.py per revision."""
    from alembic import command

    from opsconsole.db import database_url

    graph = load_graph(settings, project)
    out = []
    for sc in graph.pending(tuple(args["start"]), args["target"]):
        buffer = io.StringIO()
        config = alembic_config(project, database_url(settings))
        config.output_buffer = buffer
        spec = f"{sc.down_revisions[0]}:{sc.revision}" if sc.down_revisions else sc.revision
        error = None
        try:
            with intercepting(Interception(guarded=None)), contained(f"revision {sc.revision}"):
                command.upgrade(config, spec, sql=True)
        except OpsConsoleError as exc:
            error = " ".join(settings.redact(str(exc)).split())
        out.append({"revision": sc.revision, "message": sc.message, "sql": settings.redact(buffer.getvalue()),
                    "error": error})
    return {"start": list(args["start"]), "revisions": out}
