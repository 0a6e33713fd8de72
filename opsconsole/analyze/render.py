"""Render a migration's ``upgrade()`` to PostgreSQL SQL with Alembic's offline mode."""

from __future__ import annotations

import importlib.util
import io
import itertools
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .sql_types import ColumnType, type_from_string

# alembic's `context` and `op` are module-global proxies: one render at a time.
_LOCK = threading.Lock()
_COUNTER = itertools.count()


@dataclass(frozen=True)
class Rendered:
    """The SQL offline rendering produced, and why it stopped early (if it did)."""

    revision: str | None
    sql: str
    error: str | None = None
    existing_types: dict[str, ColumnType] = field(default_factory=dict)


def load_module(path: Path) -> ModuleType:
    """Import a migration file under a unique name without leaving it in ``sys.modules``."""
    name = f"_opsconsole_migration_{next(_COUNTER)}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # some imports (dataclasses, typing) look the module up while it runs
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


def render(path: Path, revision: str | None = None) -> Rendered:
    """Run the file's ``upgrade()`` offline on the PostgreSQL dialect and capture the SQL."""
    try:
        module = load_module(path)
    except Exception as exc:  # the file imports something unavailable, or fails at import
        return Rendered(revision, "", f"importing the file failed: {type(exc).__name__}: {exc}")
    revision = getattr(module, "revision", revision)
    revision = revision if isinstance(revision, str) else None
    upgrade = getattr(module, "upgrade", None)
    if not callable(upgrade):
        return Rendered(revision, "", "the file has no upgrade() function")
    buf = io.StringIO()
    types: dict[str, ColumnType] = {}
    with _LOCK:
        error = _run_offline(upgrade, buf, types)
    return Rendered(revision, buf.getvalue(), error, types)


def _run_offline(upgrade: Any, buf: io.StringIO, types: dict[str, ColumnType]) -> str | None:
    import alembic.context
    import alembic.op
    from alembic.config import Config
    from alembic.operations import Operations
    from alembic.runtime.environment import EnvironmentContext

    outer_env = getattr(alembic.context, "_proxy", None)
    outer_op = getattr(alembic.op, "_proxy", None)
    env = EnvironmentContext(Config(), None, as_sql=True)  # type: ignore[arg-type]
    env._install_proxy()  # so `context.is_offline_mode()` answers True inside upgrade()
    try:
        env.configure(dialect_name="postgresql", output_buffer=buf, literal_binds=True,
                      transactional_ddl=False)
        ctx = env.get_context()
        _spy_existing_types(ctx.impl, types)
        ops = Operations(ctx)
        ops._install_proxy()
        try:
            upgrade()
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        finally:
            ops._remove_proxy()
    finally:
        env._remove_proxy()
        if outer_env is not None:
            outer_env._install_proxy()
        if outer_op is not None:
            outer_op._install_proxy()
    return None


def _spy_existing_types(impl: Any, types: dict[str, ColumnType]) -> None:
    """Record ``existing_type=`` of each alter_column, so type changes can be judged exactly."""
    original = impl.alter_column

    def alter_column(table_name: str, column_name: str, *args: Any, **kw: Any) -> Any:
        existing, new = kw.get("existing_type"), kw.get("type_")
        if existing is not None and new is not None:
            try:
                parsed = type_from_string(str(existing.compile(dialect=impl.dialect)))
            except Exception:
                parsed = None
            if parsed is not None:
                types.setdefault(f"{kw.get('schema') or 'public'}.{table_name}.{column_name}", parsed)
        return original(table_name, column_name, *args, **kw)

    impl.alter_column = alter_column
