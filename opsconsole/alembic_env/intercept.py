"""The one interception of a project's env.py: ``EnvironmentContext.configure`` is wrapped for a run.

When env.py configures online with its own connection (sync, or the sync facade inside an async
``run_sync``) or a URL, the wrapper checks that it reaches the database opsconsole guards, then
substitutes opsconsole's connection (the one holding the lock, with the timeouts set) and keeps
every other keyword env.py passed, adding opsconsole's own (``transaction_per_migration``, an
``on_version_apply`` hook). Offline configures pass through. The wrapper is installed only inside a
worker process or a single-threaded CLI run (see runner.py), never in a console session thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opsconsole.errors import MigrationScriptError, WrongDatabase
from opsconsole.settings import redact_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_IDENTITY_SQL = ("SELECT current_database(), pg_postmaster_start_time()::text, current_setting('port'), "
                 "coalesce(host(inet_server_addr()), 'local socket')")


@dataclass(frozen=True)
class Identity:
    """What makes a database the same one: its name, and the server's start time and port."""

    database: str
    started: str
    port: str
    address: str

    def same_as(self, other: Identity) -> bool:
        """Whether both name one database on one running server (addresses may differ: socket vs TCP)."""
        return (self.database, self.started, self.port) == (other.database, other.started, other.port)

    def label(self) -> str:
        """Say where this is, for people."""
        return f"database '{self.database}' on {self.address}:{self.port}"


def identity(conn: Any) -> Identity:
    """Ask a connection which database it reaches."""
    row = conn.exec_driver_sql(_IDENTITY_SQL).one()
    return Identity(*(str(v) for v in row))


@dataclass
class Interception:
    """What a run substitutes and adds, and how often env.py configured (checked after the run)."""

    guarded: Connection | None
    guarded_identity: Identity | None = None
    guarded_label: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    configured: int = 0
    on_configure: Callable[[], None] | None = None  # runs after env.py's own set-up (fileConfig) is done


@contextmanager
def intercepting(plan: Interception) -> Iterator[Interception]:
    """Wrap EnvironmentContext.configure for the block (one run, one thread of a worker or CLI)."""
    from alembic.runtime.environment import EnvironmentContext

    original = EnvironmentContext.configure

    def configure(self: Any, connection: Any = None, url: Any = None, **kw: Any) -> None:
        plan.configured += 1
        if self.is_offline_mode():
            return original(self, connection=connection, url=url, **kw)
        if plan.guarded is None:
            raise MigrationScriptError("env.py configured an online run where opsconsole expected offline "
                                       "rendering; check its is_offline_mode() branch.")
        _check_same_database(plan, connection, url)
        if plan.on_configure is not None:
            plan.on_configure()
        callbacks = list(_as_list(kw.pop("on_version_apply", None))) + list(_as_list(plan.extra.get("on_version_apply")))
        options = {**kw, **{k: v for k, v in plan.extra.items() if k != "on_version_apply"}}
        if callbacks:
            options["on_version_apply"] = callbacks
        return original(self, connection=plan.guarded, **options)

    EnvironmentContext.configure = configure  # type: ignore[method-assign]
    try:
        yield plan
    finally:
        EnvironmentContext.configure = original  # type: ignore[method-assign]


def _check_same_database(plan: Interception, connection: Any, url: Any) -> None:
    """Refuse, naming both targets, when env.py reaches another database than the guarded one."""
    if plan.guarded is None or plan.guarded_identity is None:
        return
    if connection is not None and _raw(connection) is _raw(plan.guarded):
        return
    if connection is not None:
        theirs = identity(connection)
        where = _url_of(connection)
    elif url is not None:
        theirs, where = _identity_of_url(url), redact_url(str(url))
    else:
        return  # env.py handed nothing to compare: it runs on opsconsole's connection only
    if not theirs.same_as(plan.guarded_identity):
        raise WrongDatabase(
            f"the project's env.py connects to {theirs.label()} ({where}), but opsconsole guards "
            f"{plan.guarded_identity.label()} ({plan.guarded_label}); nothing was run. Point the variable or "
            "sqlalchemy.url that env.py reads at the same database as DATABASE_URL.")


def _identity_of_url(url: Any) -> Identity:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    try:
        engine = create_engine(url, poolclass=NullPool)
    except Exception as exc:  # a missing driver or a malformed URL
        raise MigrationScriptError(f"env.py configured with the URL {redact_url(str(url))}, which cannot be "
                                   f"used: {type(exc).__name__}: {exc}. Install its driver or fix the URL.") from None
    try:
        with engine.connect() as conn:
            return identity(conn)
    finally:
        engine.dispose()


def _raw(connection: Any) -> Any:
    try:
        return connection.connection.dbapi_connection
    except Exception:  # not a SQLAlchemy connection, or a closed one
        return connection


def _url_of(connection: Any) -> str:
    try:
        return connection.engine.url.render_as_string(hide_password=True)
    except Exception:  # a connection without an engine
        return "its own connection"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if callable(value):
        return [value]
    return list(value)
