"""Render a migration's ``upgrade()`` to PostgreSQL SQL with Alembic's offline mode.

Importing the file and calling ``upgrade()`` run the migration's own code, so both happen in a
worker thread inside ``opsconsole.contain.contained`` (its prints are captured, never
mixed with opsconsole's output; ``sys.exit`` becomes an error) and under a time limit: a file that
loops forever is stopped and reported, and the rest of a folder is still analysed. No database is
involved: offline mode writes SQL to a buffer.
"""

from __future__ import annotations

import ctypes
import dataclasses
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
DEFAULT_TIMEOUT = 10.0  # seconds for importing the file and running upgrade() offline
_GRACE = 2.0  # seconds a timed-out render gets to unwind after it is interrupted
_STUCK: list[threading.Thread] = []  # renders that ignored the interruption (blocked in C code)


class _RenderTimeout(BaseException):
    """Raised inside a render thread that ran past its time limit."""


@dataclass(frozen=True)
class Rendered:
    """The SQL offline rendering produced, and why it stopped early (if it did)."""

    revision: str | None
    sql: str
    error: str | None = None
    existing_types: dict[str, ColumnType] = field(default_factory=dict)
    printed: int = 0  # characters the migration's code printed (captured, not shown)
    imported: bool = True  # False when importing the file failed, so nothing was rendered
    already_nullable: frozenset[str] = frozenset()  # columns altered nullable=True with existing_nullable=True


def load_module(path: Path) -> ModuleType:
    """Run a migration file as a module under a unique name, leaving nothing in ``sys.modules`` or on disk.

    The source is compiled here rather than imported, so no ``__pycache__`` is written next to the file.
    """
    name = f"_opsconsole_migration_{next(_COUNTER)}_{path.stem}"
    code = compile(path.read_bytes(), str(path), "exec")
    module = ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module  # some imports (dataclasses, typing) look the module up while it runs
    try:
        exec(code, module.__dict__)  # noqa: S102 - offline rendering runs the migration's module code
    finally:
        sys.modules.pop(name, None)
    return module


def render(path: Path, revision: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Rendered:
    """Run the file's ``upgrade()`` offline on the PostgreSQL dialect and capture the SQL, within ``timeout`` s."""
    box: dict[str, Rendered] = {}
    worker = threading.Thread(target=_contained_render, args=(path, revision, timeout, box), daemon=True,
                              name=f"opsconsole-render-{path.name}")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _interrupt(worker)
        worker.join(_GRACE)
        if worker.is_alive():
            _STUCK.append(worker)
        return Rendered(revision, "", f"timed out after {timeout:g} s: importing the file or running upgrade() "
                        "offline did not finish (a loop or a wait at import?)", imported=False)
    return box.get("result") or Rendered(revision, "", "rendering stopped without a result", imported=False)


def _contained_render(path: Path, revision: str | None, timeout: float, box: dict[str, Rendered]) -> None:
    from opsconsole.contain import contained
    from opsconsole.errors import MigrationCodeError

    try:
        with contained(f"migration {path.name}") as captured:
            result = _render(path, revision, timeout)
        box["result"] = dataclasses.replace(result, printed=len(captured.text))
    except MigrationCodeError as exc:  # sys.exit(), KeyboardInterrupt, the timeout's interruption
        box["result"] = Rendered(revision, "", str(exc), imported=False)


def _interrupt(worker: threading.Thread) -> None:
    """Raise _RenderTimeout inside ``worker`` (CPython's documented PyThreadState_SetAsyncExc)."""
    if worker.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(_RenderTimeout))


def _render(path: Path, revision: str | None, timeout: float) -> Rendered:
    try:
        module = load_module(path)
    except Exception as exc:  # the file imports something unavailable, or fails at import
        return Rendered(revision, "", f"importing the file failed: {type(exc).__name__}: {exc}", imported=False)
    revision = getattr(module, "revision", revision)
    revision = revision if isinstance(revision, str) else None
    upgrade = getattr(module, "upgrade", None)
    if not callable(upgrade):
        return Rendered(revision, "", "the file has no upgrade() function")
    buf = io.StringIO()
    types: dict[str, ColumnType] = {}
    nullable: set[str] = set()
    stuck = any(t.is_alive() for t in _STUCK)  # a stuck render may hold the lock: do not wait for it
    if not _LOCK.acquire(timeout=0 if stuck else timeout):
        return Rendered(revision, "", "offline rendering is busy: an earlier migration's upgrade() is still "
                        "running past its time limit", imported=False)
    try:
        error = _run_offline(upgrade, buf, types, nullable)
    finally:
        _LOCK.release()
    return Rendered(revision, buf.getvalue(), error, types, already_nullable=frozenset(nullable))


def _run_offline(upgrade: Any, buf: io.StringIO, types: dict[str, ColumnType], nullable: set[str]) -> str | None:
    """Call ``upgrade()`` with Alembic's ``context`` and ``op`` set up offline, through their public context managers.

    ``with EnvironmentContext(...)`` makes ``alembic.context`` this environment (so
    ``context.is_offline_mode()`` answers True) and ``Operations.context(...)`` makes ``alembic.op``
    render to ``buf``. Both are process-wide, so renders take ``_LOCK``; nothing else in the
    console's process uses them (every run of a project's env.py is a worker process), and a worker
    or CLI run renders before it runs its migrations, never during.
    """
    from alembic.config import Config
    from alembic.operations import Operations
    from alembic.runtime.environment import EnvironmentContext

    with EnvironmentContext(Config(), None, as_sql=True) as env:  # type: ignore[arg-type]
        env.configure(dialect_name="postgresql", output_buffer=buf, literal_binds=True,
                      dialect_opts={"paramstyle": "named"},  # no "%%" escaping of percent signs
                      transactional_ddl=False)
        ctx = env.get_context()
        _spy_existing_types(ctx.impl, types, nullable)
        with Operations.context(ctx):
            try:
                upgrade()
            except Exception as exc:
                return f"{type(exc).__name__}: {exc}"
    return None


def _spy_existing_types(impl: Any, types: dict[str, ColumnType], nullable: set[str]) -> None:
    """Record ``existing_type=`` of each alter_column, so type changes can be judged exactly."""
    original = impl.alter_column

    def alter_column(table_name: str, column_name: str, *args: Any, **kw: Any) -> Any:
        existing, new = kw.get("existing_type"), kw.get("type_")
        if kw.get("nullable") is True and kw.get("existing_nullable") is True:  # DROP NOT NULL is a no-op
            nullable.add(f"{kw.get('schema') or 'public'}.{table_name}.{column_name}")
        if isinstance(existing, type):  # existing_type=sa.Integer (the class): Alembic uses an instance
            existing = existing()
        if existing is not None and new is not None:
            try:
                parsed = type_from_string(str(existing.compile(dialect=impl.dialect)))
            except Exception:
                parsed = None
            if parsed is not None:
                types.setdefault(f"{kw.get('schema') or 'public'}.{table_name}.{column_name}", parsed)
        return original(table_name, column_name, *args, **kw)

    impl.alter_column = alter_column
