"""Drift: the live schema against the project's models, via Alembic's public ``compare_metadata``.

The project's own env.py runs (so its include filters, compare_type and target_metadata apply) on
opsconsole's read-only connection, in a worker process; nothing is written, not even the version
table. opsconsole's own schema and the platform's schemas are never reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsconsole.errors import MigrationCodeError, MigrationScriptError
from opsconsole.settings import Settings, redact_url
from opsconsole.shared import SharedResults

from . import runner
from opsconsole.contain import contained
from .intercept import Interception, identity, intercepting
from .project import Project, alembic_config

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_KINDS = {
    "add_table": "table in models, missing in database",
    "remove_table": "table in database, not in models",
    "add_column": "column in models, missing in database",
    "remove_column": "column in database, not in models",
    "modify_type": "column type differs",
    "modify_nullable": "nullability differs",
    "modify_default": "server default differs",
    "add_index": "index in models, missing in database",
    "remove_index": "index in database, not in models",
    "add_fk": "foreign key in models, missing in database",
    "remove_fk": "foreign key in database, not in models",
    "add_constraint": "constraint in models, missing in database",
    "remove_constraint": "constraint in database, not in models",
}


@dataclass(frozen=True)
class DriftItem:
    """One difference between the models and the live database."""

    kind: str
    table: str | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """Return the difference as plain data."""
        return {"kind": self.kind, "table": self.table, "detail": self.detail}


@dataclass(frozen=True)
class DriftReport:
    """All differences; `compared` is False when the project declares no target_metadata."""

    items: tuple[DriftItem, ...]
    compared: bool = True
    note: str = ""

    @property
    def ok(self) -> bool:
        """Whether the live schema matches the models."""
        return not self.items

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data."""
        return {"ok": self.ok, "compared": self.compared, "note": self.note,
                "items": [i.to_dict() for i in self.items]}


    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DriftReport:
        """Rebuild a report a worker sent."""
        return cls(tuple(DriftItem(**i) for i in data["items"]), data["compared"], data["note"])


def check_drift(settings: Settings, conn: Connection | None = None) -> DriftReport:
    """Compare the models with the live schema and list every difference (in a worker process).

    In the console many sessions ask at once: a result is shared while the live schema's catalog
    signature and the project's Python files are unchanged (for at most CACHE_SECONDS: a schema outside
    OPSCONSOLE_SCHEMAS or a module outside the project's folders is not in the signature), and only
    one worker computes it at a time.
    """
    from opsconsole.db import read_only

    from .project import fingerprint, load_project, source_stamp

    project = load_project(settings)
    if not runner.inline():
        if conn is None:
            with read_only(settings) as ro:
                signature = schema_signature(ro, settings)
        else:
            signature = schema_signature(conn, settings)
        key = (str(project.ini), settings.database_url or str(settings.home), fingerprint(project))
        return _shared.get(key, lambda: DriftReport.from_dict(runner.run(settings, "drift")),
                           version=(source_stamp(project), signature))
    with runner.inline_environment(settings, project):
        if conn is not None:
            return _compare(settings, project, conn)
        with read_only(settings) as ro:
            return _compare(settings, project, ro)


def schema_signature(conn: Connection, settings: Settings) -> str:
    """A digest of the catalog rows that describe the inspected schemas: any DDL there changes it."""
    schemas = list(settings.schemas)
    return str(conn.exec_driver_sql(
        """SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) FROM (
             SELECT 'c' || c.oid || ':' || c.xmin AS x FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY(%(s)s)
             UNION ALL SELECT 'a' || a.attrelid || '.' || a.attnum || ':' || a.xmin FROM pg_attribute a
               JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = ANY(%(s)s) AND a.attnum > 0
             UNION ALL SELECT 'k' || k.oid || ':' || k.xmin FROM pg_constraint k
               JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = ANY(%(s)s)
             UNION ALL SELECT 'd' || d.oid || ':' || d.xmin FROM pg_attrdef d
               JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = ANY(%(s)s)) parts""", {"s": schemas}).scalar())


CACHE_SECONDS = 30.0
_shared: SharedResults[DriftReport] = SharedResults(CACHE_SECONDS)


def drift_here(settings: Settings, project: Project, args: dict[str, Any], say: Any) -> dict[str, Any]:
    """The worker's side: compare on a read-only connection of its own."""
    from opsconsole.db import read_only

    with read_only(settings) as ro:
        return _compare(settings, project, ro).to_dict()


def _compare(settings: Settings, project: Project, conn: Connection) -> DriftReport:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    from opsconsole.db import database_url

    url = database_url(settings)
    config = alembic_config(project, url)
    seen: dict[str, Any] = {}

    def compare(rev: Any, context: Any) -> list[Any]:
        metadata = context.opts.get("target_metadata")
        seen["metadata"] = metadata
        if metadata is not None:
            seen["diffs"] = compare_metadata(context, metadata)
        return []

    plan = Interception(guarded=conn, guarded_identity=identity(conn), guarded_label=redact_url(url))
    try:
        with intercepting(plan), contained("the project's env.py"):
            script = ScriptDirectory.from_config(config)
            with EnvironmentContext(config, script, fn=compare, as_sql=False, dont_mutate=True):
                script.run_env()
    except MigrationCodeError as exc:
        raise MigrationScriptError(f"the drift check could not run the project's env.py: {exc}") from None
    if seen.get("metadata") is None:
        return DriftReport((), compared=False, note="env.py sets no target_metadata")
    items: list[DriftItem] = []
    for diff in seen.get("diffs", []):
        items.extend(item for item in _describe(diff) if not _ours(item, project))
    return DriftReport(tuple(items))


def _ours(item: DriftItem, project: Project) -> bool:
    """opsconsole's own tables, the platform's schemas and the version table are never drift."""
    from opsconsole.owntables import SCHEMA
    from opsconsole.settings import SUPABASE_SCHEMAS

    schema, _, name = (item.table or "").rpartition(".")
    if schema in (SCHEMA, "opsconsole_backup") or schema in SUPABASE_SCHEMAS:  # ours: audit, backup copies
        return True
    return name == project.version_table and (schema or None) == project.version_table_schema


def _describe(diff: Any) -> list[DriftItem]:
    if isinstance(diff, list):  # column modifications come as a list of tuples
        return [item for d in diff for item in _describe(d)]
    kind = diff[0]
    label = _KINDS.get(kind, kind.replace("_", " "))
    if kind in ("add_table", "remove_table"):
        table = diff[1]
        return [DriftItem(kind, _name(table), f"{label}: {_name(table)}")]
    if kind in ("add_column", "remove_column"):
        schema, table, column = diff[1], diff[2], diff[3]
        qualified = f"{schema}.{table}" if schema else table
        return [DriftItem(kind, qualified, f"{label}: {qualified}.{column.name} {column.type}")]
    if kind.startswith("modify_"):
        schema, table, column = diff[1], diff[2], diff[3]
        qualified = f"{schema}.{table}" if schema else table
        old, new = diff[-2], diff[-1]
        return [DriftItem(kind, qualified, f"{label}: {qualified}.{column}: database has {old}, models say {new}")]
    obj = diff[1]
    table = getattr(obj, "table", None)
    table_name = _name(table) if table is not None else None
    return [DriftItem(kind, table_name, f"{label}: {getattr(obj, 'name', None) or obj} on {table_name}")]


def _name(table: Any) -> str:
    schema = getattr(table, "schema", None)
    return f"{schema}.{table.name}" if schema else str(table.name)
