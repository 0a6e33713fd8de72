"""Rehearsal: the pending migrations run first on a copy of the live schema on the embedded server.

Real projects rarely replay from an empty database, so the rehearsal never starts from base: the
live schema is copied with ``pg_dump --schema-only`` (the embedded server's own tools) into a
scratch database, the version row is written, and the pending steps run there online through the
project's env.py — whose URL variables are pointed at the scratch copy, so it never runs against
the real database. It is schema-only: steps whose outcome depends on the rows (SET NOT NULL over
NULLs, a unique index over duplicates) can pass here and still fail for real.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from opsconsole.errors import OpsConsoleError
from opsconsole.settings import Settings

from . import runner
from .project import load_project
from .revisions import current_revisions, load_graph, status

SCHEMA_ONLY_NOTE = ("schema-only: the copy has the live tables, indexes and constraints but none of their rows, "
                    "so steps that depend on the data can still fail on the real database")


@dataclass(frozen=True)
class Rehearsal:
    """What the rehearsal applied and what the schema lost on the way."""

    start: tuple[str, ...]
    applied: tuple[str, ...]
    failed: str | None
    error: str | None
    lost_tables: tuple[str, ...]
    lost_columns: tuple[str, ...]
    live_version: str = ""
    scratch_version: str = ""
    note: str = SCHEMA_ONLY_NOTE

    @property
    def ok(self) -> bool:
        """Whether every step ran and nothing was lost."""
        return self.failed is None and not self.lost_tables and not self.lost_columns

    def describe(self) -> str:
        """Say in a few lines what happened."""
        lines = [f"rehearsal from {', '.join(self.start) or 'base'} on a copy of the live schema "
                 f"({self.note}): applied {len(self.applied)} step(s)"
                 + (f" ({', '.join(self.applied)})" if self.applied else "")]
        if self.live_version and self.scratch_version and self.live_version != self.scratch_version:
            lines.append(f"note: the live server runs PostgreSQL {self.live_version}, the rehearsal server "
                         f"{self.scratch_version}; version-specific behaviour may differ")
        if self.failed:
            lines.append(f"FAILED at {self.failed}: {self.error}")
        if self.lost_tables:
            lines.append(f"tables lost: {', '.join(self.lost_tables)}")
        if self.lost_columns:
            lines.append(f"columns lost: {', '.join(self.lost_columns)}")
        if self.ok:
            lines.append("OK: every step ran and no table or column was lost")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the rehearsal as plain data."""
        return {"ok": self.ok, "start": list(self.start), "applied": list(self.applied), "failed": self.failed,
                "error": self.error, "lost_tables": list(self.lost_tables), "lost_columns": list(self.lost_columns),
                "live_version": self.live_version, "scratch_version": self.scratch_version, "note": self.note}


def rehearse(settings: Settings, target: str = "heads") -> Rehearsal:
    """Copy the live schema into a scratch database, run the pending steps there, report; change nothing."""
    from opsconsole.db import database_url, dispose_engines, embedded_admin, embedded_url, read_only

    st = status(settings)
    if any(p.code == "unknown-revision" for p in st.problems):
        raise OpsConsoleError("cannot rehearse: the database is at a revision these scripts do not know; "
                              "deploy that branch's migrations first.")
    project = load_project(settings)
    pending = load_graph(settings, project).pending(st.current, target)
    live_url = database_url(settings)
    with read_only(settings) as conn:
        live_version = str(conn.exec_driver_sql("SHOW server_version").scalar())
    name = f"opsconsole_rehearsal_{uuid.uuid4().hex[:10]}"
    scratch_url = embedded_url(settings.home).replace("/opsconsole?", f"/{name}?")
    scratch = replace(settings, database_url=scratch_url)
    embedded_admin(settings.home, f'CREATE DATABASE "{name}"')
    try:
        _copy_schema(settings, live_url, scratch_url, project)
        with read_only(scratch) as conn:
            scratch_version = str(conn.exec_driver_sql("SHOW server_version").scalar())
            before = _snapshot(conn, settings)
            _, copied = current_revisions(conn, project)
        if copied != st.current:
            raise OpsConsoleError(f"the scratch copy is at {', '.join(copied) or 'base'} instead of "
                                  f"{', '.join(st.current) or 'base'}; the rehearsal cannot be trusted.")
        result: dict[str, Any] = {"applied": [], "failed": None, "error": None}
        if pending:
            result = runner.run(scratch, "apply", {"target": target},
                                env_overrides=_pointed_at(scratch_url, live_url))
        with read_only(scratch) as conn:
            after = _snapshot(conn, settings)
    finally:
        dispose_engines(scratch_url)
        embedded_admin(settings.home, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    lost_tables = tuple(sorted(t for t in before if t not in after))
    lost_columns = tuple(sorted(f"{t}.{c}" for t, cols in before.items() if t in after
                                for c in cols if c not in after[t]))
    return Rehearsal(st.current, tuple(result["applied"]), result["failed"], result["error"], lost_tables,
                     lost_columns, live_version, scratch_version)


def _copy_schema(settings: Settings, live_url: str, scratch_url: str, project: Any) -> None:
    """pg_dump --schema-only of the inspected schemas (and the version table's) into the scratch database."""
    schemas = list(dict.fromkeys([*settings.schemas, project.version_table_schema or "public"]))
    live, password = _libpq(live_url)
    scratch, _ = _libpq(scratch_url)
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    if password:
        env["PGPASSWORD"] = password
    dump = [str(_tool("pg_dump")), "--schema-only", "--no-owner", "--no-privileges", "--no-comments",
            *[f"--schema={s}" for s in schemas], f"--dbname={live}"]
    done = subprocess.run(dump, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        raise OpsConsoleError(settings.redact(
            f"cannot copy the live schema for the rehearsal: pg_dump said: {' '.join(done.stderr.split())[:400]}. "
            "The embedded server's pg_dump must be at least as new as the live server."))
    restore = [str(_tool("psql")), "-X", "-q", "-v", "ON_ERROR_STOP=1", f"--dbname={scratch}"]
    script = "DROP SCHEMA IF EXISTS public CASCADE;\n" + _portable(done.stdout)
    loaded = subprocess.run(restore, input=script, capture_output=True, text=True, timeout=300)
    if loaded.returncode != 0:
        raise OpsConsoleError(settings.redact(
            f"cannot load the copied schema into the scratch database: {' '.join(loaded.stderr.split())[:400]}"))
    with_version = _version_rows(settings, project)
    if with_version:
        stamped = subprocess.run(restore, input=with_version, capture_output=True, text=True, timeout=60)
        if stamped.returncode != 0:
            raise OpsConsoleError(settings.redact(f"cannot write the version row into the scratch copy: "
                                                  f"{' '.join(stamped.stderr.split())[:400]}"))


def _portable(dump: str) -> str:
    """Drop per-column storage options a patched live server may carry that a stock server rejects."""
    return "\n".join(line for line in dump.splitlines()
                     if not (line.startswith("ALTER TABLE ONLY ") and " ALTER COLUMN " in line and " SET (" in line))


def _version_rows(settings: Settings, project: Any) -> str:
    from opsconsole.db import read_only

    with read_only(settings) as conn:
        exists, current = current_revisions(conn, project)
    if not exists:
        return ""
    values = ", ".join("('" + rev.replace("'", "''") + "')" for rev in current)
    return f"INSERT INTO {project.qualified_version_table} (version_num) VALUES {values};" if values else ""


def _pointed_at(scratch_url: str, live_url: str) -> dict[str, str]:
    """Every environment variable naming the live database, re-pointed at the scratch copy (same driver)."""
    live = _target(live_url)
    out = {"DATABASE_URL": scratch_url}
    for key, value in os.environ.items():
        if "://" in value and _target(value) == live:
            driver = value.split("://", 1)[0]
            out[key] = driver + "://" + scratch_url.split("://", 1)[1]
    return out


def _target(url: str) -> tuple[str, int, str] | None:
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or (parse_qs(parts.query).get("host") or ["localhost"])[0]
        return host, parts.port or 5432, parts.path.lstrip("/")
    except ValueError:
        return None


def _libpq(url: str) -> tuple[str, str | None]:
    """A libpq URI (no SQLAlchemy driver suffix, no password) and the password apart."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    password = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), (str(password) if password else None)


def _tool(name: str) -> Path:
    import pgserver

    path = Path(pgserver.__file__).parent / "pginstall" / "bin" / name
    if not path.is_file():
        raise OpsConsoleError(f"the embedded server's {name} is missing; reinstall 'pgserver' "
                              "(pip install -r requirements.txt).")
    return path


def _snapshot(conn: Any, settings: Settings) -> dict[str, set[str]]:
    rows = conn.exec_driver_sql(
        "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = ANY(%(s)s)", {"s": list(settings.schemas)})
    out: dict[str, set[str]] = {}
    for table, column in rows:
        out.setdefault(table, set()).add(column)
    return out
