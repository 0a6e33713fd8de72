"""Alembic glue: the script directory, current revision(s) vs heads, pending revisions, history."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.errors import MigrationScriptError
from opsconsole.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import Script, ScriptDirectory
    from sqlalchemy.engine import Connection

_scripts: dict[str, tuple[tuple[Any, ...], ScriptDirectory]] = {}
_CREATE_DATE = re.compile(r"^\s*Create Date:\s*(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Problem:
    """Something wrong with the schema's revision state; `code` is stable."""

    code: str  # never-migrated | multiple-heads | unknown-revision | behind | no-revisions
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the problem as plain data."""
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Revision:
    """One migration script and whether it is applied to the database."""

    revision: str
    down_revisions: tuple[str, ...]
    message: str
    created: str | None
    path: str
    branch_labels: tuple[str, ...]
    is_head: bool
    state: str  # current | applied | pending

    def to_dict(self) -> dict[str, Any]:
        """Return the revision as plain data."""
        return {"revision": self.revision, "down_revisions": list(self.down_revisions),
                "message": self.message, "created": self.created, "path": self.path,
                "branch_labels": list(self.branch_labels), "is_head": self.is_head, "state": self.state}


@dataclass(frozen=True)
class SchemaStatus:
    """The database's revision(s) against the scripts' head(s)."""

    current: tuple[str, ...]
    heads: tuple[str, ...]
    pending: tuple[Revision, ...]
    migrated: bool
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def at_head(self) -> bool:
        """Whether the database is exactly at the scripts' head(s)."""
        return bool(self.heads) and set(self.current) == set(self.heads)

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong or pending."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """Return the status as plain data (the CLI's --json)."""
        return {"current": list(self.current), "heads": list(self.heads), "at_head": self.at_head,
                "migrated": self.migrated, "ok": self.ok,
                "pending": [r.to_dict() for r in self.pending],
                "problems": [p.to_dict() for p in self.problems]}


def load_config(settings: Settings, connection: Connection | None = None) -> Config:
    """Load the managed project's alembic.ini, optionally handing env.py our connection."""
    from alembic.config import Config

    ini = Path(settings.alembic_ini)
    if not ini.is_file():
        raise MigrationScriptError(f"Alembic config {ini} not found; set OPSCONSOLE_ALEMBIC_INI to your alembic.ini.")
    config = Config(str(ini))
    location = config.get_main_option("script_location")
    if not location:
        raise MigrationScriptError(f"{ini} has no script_location under [alembic]; add one.")
    if not Path(location).is_absolute() and not Path(location).exists() and ":" not in location:
        config.set_main_option("script_location", str(ini.parent / location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory(settings: Settings) -> ScriptDirectory:
    """Load the revision scripts (cached until a file changes); a broken file raises MigrationScriptError."""
    from alembic.script import ScriptDirectory

    try:
        script = ScriptDirectory.from_config(load_config(settings))
        fingerprint = _fingerprint(settings, script)
        cached = _scripts.get(str(settings.alembic_ini))
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        script.revision_map.heads  # noqa: B018 - forces every revision file to load now
    except MigrationScriptError:
        raise
    except Exception as exc:  # alembic raises CommandError, SyntaxError, ImportError, … from user files
        raise MigrationScriptError(f"cannot load migration scripts: {type(exc).__name__}: {exc}. "
                                   "Fix the revision file named above.") from None
    _scripts[str(settings.alembic_ini)] = (fingerprint, script)
    return script


def _fingerprint(settings: Settings, script: ScriptDirectory) -> tuple[Any, ...]:
    """Names, sizes and mtimes of alembic.ini and every revision file: any edit changes it."""
    entries: list[tuple[str, int, int]] = []
    for path in [Path(settings.alembic_ini), *map(Path, script._version_locations)]:
        if path.is_file():
            st = path.stat()
            entries.append((str(path), st.st_mtime_ns, st.st_size))
        elif path.is_dir():
            for entry in os.scandir(path):
                if entry.name.endswith((".py", ".pyc")) and entry.is_file():
                    st = entry.stat()
                    entries.append((entry.path, st.st_mtime_ns, st.st_size))
    return tuple(sorted(entries))


def apply_revision(settings: Settings, conn: Connection, revision: str,
                   then: Callable[[Connection], None] | None = None) -> None:
    """Apply one revision on our connection in its own transaction, then run `then` in that transaction.

    statement_timeout is off for the step (long backfills are fine; lock_timeout still guards lock
    waits). A revision using autocommit_block() (CREATE INDEX CONCURRENTLY) must own its
    transaction, so Alembic manages it and `then` runs in a transaction of its own afterwards. An
    env.py that opens its own connection is refused before any step runs: the lock, the timeouts and
    the rollback would not reach it.
    """
    sc = find_revision(script_directory(settings), revision)
    if sc is not None and _uses_autocommit(sc.path):
        conn.exec_driver_sql("SET statement_timeout = 0")
        conn.commit()
        try:
            _run_upgrade(settings, conn, revision)
        finally:
            if conn.in_transaction():  # Alembic committed (or rolled back) the step itself
                conn.rollback()
            conn.exec_driver_sql(f"SET statement_timeout = {int(settings.statement_timeout_ms)}")
            conn.commit()
        if then is not None:
            with conn.begin():
                then(conn)
        return
    with conn.begin():
        conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
        _run_upgrade(settings, conn, revision)
        if then is not None:
            then(conn)


def find_revision(script: ScriptDirectory, revision: str) -> Script | None:
    """Return the script of a revision id, or None when the scripts do not know it."""
    try:
        return script.get_revision(revision)
    except Exception:  # alembic raises ResolutionError / CommandError for unknown ids
        return None


def _run_upgrade(settings: Settings, conn: Connection, revision: str) -> None:
    """alembic.command.upgrade on our connection, checking env.py really uses it."""
    from alembic.runtime.environment import EnvironmentContext

    config = load_config(settings, connection=conn)
    script = script_directory(settings)

    def steps(rev: Any, context: Any) -> Any:
        if context.connection is None or context.connection.connection is not conn.connection:
            raise MigrationScriptError(
                "the project's env.py does not run on the connection opsconsole hands it; use "
                "config.attributes['connection'] in run_migrations_online() (see Alembic's cookbook).")
        return script._upgrade_revs(revision, rev)

    with EnvironmentContext(config, script, fn=steps, as_sql=False, destination_rev=revision):
        script.run_env()


def _uses_autocommit(path: str) -> bool:
    return "autocommit_block" in Path(path).read_text(encoding="utf-8-sig", errors="replace")


def version_table(settings: Settings) -> tuple[str, str | None]:
    """Return the Alembic version table's name and schema for the managed project."""
    config = load_config(settings)
    return (config.get_main_option("version_table") or "alembic_version",
            config.get_main_option("version_table_schema"))


def current_revisions(conn: Connection, settings: Settings) -> tuple[bool, tuple[str, ...]]:
    """Return (version table exists, revisions recorded in it) on an open connection."""
    from alembic.runtime.migration import MigrationContext

    table, schema = version_table(settings)
    qualified = f'"{schema}"."{table}"' if schema else table
    exists = conn.exec_driver_sql("SELECT to_regclass(%(t)s) IS NOT NULL", {"t": qualified}).scalar()
    if not exists:
        return False, ()
    context = MigrationContext.configure(conn, opts={"version_table": table, "version_table_schema": schema})
    return True, tuple(sorted(context.get_current_heads()))


def applied_revisions(script: ScriptDirectory, current: tuple[str, ...]) -> set[str]:
    """Return the current revisions and all their ancestors (what the database has applied)."""
    seen: set[str] = set()
    stack = list(current)
    while stack:
        rev = stack.pop()
        if rev in seen:
            continue
        seen.add(rev)
        sc = find_revision(script, rev)
        if sc is not None:
            stack.extend(_down(sc))
            deps = (find_revision(script, d) for d in _tuple(sc.dependencies))  # ids, labels or prefixes
            stack.extend(dep.revision for dep in deps if dep is not None)
    return seen


def pending_revisions(script: ScriptDirectory, current: tuple[str, ...]) -> list[Script]:
    """Return scripts not yet applied, in the order an upgrade applies them (base first)."""
    applied = applied_revisions(script, current)
    ordered = list(reversed(list(script.walk_revisions())))
    return [sc for sc in ordered if sc.revision not in applied]


def pending_to(script: ScriptDirectory, start: tuple[str, ...], target: str) -> list[Script]:
    """Return the pending scripts up to `target` (a revision id, or head/heads), base first."""
    pending = pending_revisions(script, start)
    if target in ("head", "heads"):
        return pending
    goal = find_revision(script, target)
    if goal is None:
        raise MigrationScriptError(f"unknown target revision '{target}'; pick one from "
                                   "'python -m opsconsole history'.")
    wanted = applied_revisions(script, (goal.revision,))
    return [sc for sc in pending if sc.revision in wanted]


def status(settings: Settings, conn: Connection | None = None) -> SchemaStatus:
    """Compare the database's revision(s) with the scripts' heads and name every problem."""
    from opsconsole.db import read_only

    script = script_directory(settings)
    if conn is None:
        with read_only(settings) as ro:
            migrated, current = current_revisions(ro, settings)
    else:
        migrated, current = current_revisions(conn, settings)
    return _status(script, migrated, current)


def history(settings: Settings) -> list[Revision]:
    """Return every revision base→head with its applied / pending / current mark."""
    from opsconsole.db import read_only

    script = script_directory(settings)
    with read_only(settings) as conn:
        _, current = current_revisions(conn, settings)
    return revisions(script, current)


def revisions(script: ScriptDirectory, current: tuple[str, ...]) -> list[Revision]:
    """Describe every script base→head, marked against the database's current revision(s)."""
    applied = applied_revisions(script, current)
    heads = set(script.get_heads())
    out = []
    for sc in reversed(list(script.walk_revisions())):
        state = "current" if sc.revision in current else "applied" if sc.revision in applied else "pending"
        out.append(_describe(sc, state, sc.revision in heads))
    return out


def _status(script: ScriptDirectory, migrated: bool, current: tuple[str, ...]) -> SchemaStatus:
    heads = tuple(sorted(script.get_heads()))
    problems: list[Problem] = []
    if not heads:
        problems.append(Problem("no-revisions", "The migration scripts contain no revisions yet."))
    if len(heads) > 1:
        problems.append(Problem("multiple-heads",
                                f"The scripts have {len(heads)} heads ({', '.join(heads)}); "
                                "merge them with 'alembic merge heads' before upgrading."))
    if not migrated:
        problems.append(Problem("never-migrated",
                                "The database has never been migrated (no alembic_version table); "
                                "run the guarded upgrade to create the schema."))
    unknown = [rev for rev in current if find_revision(script, rev) is None]
    if unknown:
        problems.append(Problem("unknown-revision",
                                f"The database is at {', '.join(unknown)}, which the scripts do not contain; "
                                "it was probably migrated from another branch — deploy that branch's "
                                "migrations or merge them here."))
        return SchemaStatus(current, heads, (), migrated, tuple(problems))
    pending = tuple(_describe(sc, "pending", sc.revision in heads) for sc in pending_revisions(script, current))
    if pending and migrated:
        problems.append(Problem("behind", f"{len(pending)} migration(s) are pending; run the guarded upgrade."))
    return SchemaStatus(current, heads, pending, migrated, tuple(problems))


def _describe(sc: Script, state: str, is_head: bool) -> Revision:
    created = None
    doc = getattr(sc.module, "__doc__", None) or ""
    match = _CREATE_DATE.search(doc)
    if match:
        created = match.group(1)
    return Revision(revision=sc.revision, down_revisions=_down(sc), message=sc.doc or "",
                    created=created, path=sc.path, branch_labels=tuple(sorted(sc.branch_labels or ())),
                    is_head=is_head, state=state)


def _down(sc: Script) -> tuple[str, ...]:
    return _tuple(sc.down_revision)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)
