"""Drift: the live schema against the project's models, via Alembic's autogenerate compare.

The project's own env.py runs (so its include filters, compare_type and target_metadata apply) on
a read-only connection; nothing is written, not even the version table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsconsole.errors import MigrationScriptError
from opsconsole.settings import Settings

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


def check_drift(settings: Settings, conn: Connection | None = None) -> DriftReport:
    """Compare the models with the live schema on a read-only connection and list every difference."""
    from opsconsole.db import read_only

    if conn is not None:
        return _compare(settings, conn)
    with read_only(settings) as ro:
        return _compare(settings, ro)


def _compare(settings: Settings, conn: Connection) -> DriftReport:
    from alembic.autogenerate.api import RevisionContext
    from alembic.runtime.environment import EnvironmentContext

    from opsconsole.migrations import load_config, script_directory

    config = load_config(settings, connection=conn)
    script = script_directory(settings)
    revision_context = RevisionContext(config, script, dict(
        message=None, autogenerate=True, sql=False, head="head", splice=False, branch_label=None,
        version_path=None, rev_id=None, depends_on=None))
    seen_metadata: list[Any] = []

    def compare(rev: Any, context: Any) -> list[Any]:
        metadata = context.opts.get("target_metadata")
        seen_metadata.append(metadata)
        if metadata is not None:
            revision_context.run_autogenerate(rev, context)
        return []

    try:
        with EnvironmentContext(config, script, fn=compare, as_sql=False, dont_mutate=True,
                                template_args=revision_context.template_args,
                                revision_context=revision_context):
            script.run_env()
    except MigrationScriptError:
        raise
    except Exception as exc:
        if "not up to date" in str(exc):
            return DriftReport((), compared=False, note="migrations are pending; drift is judged at head")
        raise MigrationScriptError(f"the drift check could not run the project's env.py: "
                                   f"{type(exc).__name__}: {exc}") from None
    if not seen_metadata or seen_metadata[0] is None:
        return DriftReport((), compared=False, note="env.py sets no target_metadata")
    items: list[DriftItem] = []
    for upgrade_ops in revision_context.generated_revisions[-1].upgrade_ops_list:
        for diff in upgrade_ops.as_diffs():
            items.extend(_describe(diff))
    return DriftReport(tuple(items))


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
