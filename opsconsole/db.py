"""Engines, read-only sessions with timeouts, and the embedded default PostgreSQL server."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from opsconsole.errors import DatabaseUnreachable, EmbeddedServerError
from opsconsole.settings import Settings, redact_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

EMBEDDED_DATABASE = "opsconsole"
_MAX_SOCKET_PATH = 100

_engines: dict[tuple[str, int, int, int], Engine] = {}
_servers: dict[Path, Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Target:
    """Where the console points: shown to people, never with a password."""

    url: str
    host: str
    port: int | None
    database: str
    user: str
    embedded: bool
    pooler: str | None  # "transaction" (port 6543 / pgbouncer), "session", or None

    def to_dict(self) -> dict[str, Any]:
        """Return the target as plain data."""
        return dict(self.__dict__)


def database_url(settings: Settings) -> str:
    """Return the normalised URL of the managed database, starting the embedded server if needed."""
    if settings.database_url:
        return settings.database_url
    return embedded_url(settings.home)


def target(settings: Settings) -> Target:
    """Describe the database target without connecting to it (the embedded one is not started)."""
    if settings.embedded:
        return Target(url=f"embedded PostgreSQL under {settings.home}", host="embedded (local socket)",
                      port=None, database=EMBEDDED_DATABASE, user="postgres", embedded=True, pooler=None)
    url = settings.database_url or ""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    host = parts.hostname or (query.get("host") or ["localhost"])[0]
    port = parts.port or 5432
    pooler = None
    if port == 6543 or "pgbouncer" in query:
        pooler = "transaction"
    elif "pooler.supabase.com" in host:
        pooler = "session"
    return Target(url=redact_url(url), host=host, port=port, database=parts.path.lstrip("/") or "postgres",
                  user=parts.username or "", embedded=False, pooler=pooler)


def get_engine(settings: Settings, url: str | None = None) -> Engine:
    """Return a cached engine whose sessions carry the configured timeouts."""
    url = url or database_url(settings)
    key = (url, settings.statement_timeout_ms, settings.lock_timeout_ms, settings.connect_timeout_s)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _make_engine(url, settings)
            _engines[key] = engine
        return engine


def dispose_engines(url: str | None = None) -> None:
    """Close the cached engines of one URL, or all of them (tests and shutdown)."""
    with _lock:
        for key in [k for k in _engines if url is None or k[0] == url]:
            _engines.pop(key).dispose()


@contextmanager
def connect(settings: Settings, url: str | None = None) -> Iterator[Connection]:
    """Yield a connection to the managed database; connection failures become DatabaseUnreachable."""
    engine = get_engine(settings, url)
    conn = _open(engine, settings)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def read_only(settings: Settings, url: str | None = None) -> Iterator[Connection]:
    """Yield a connection inside a READ ONLY transaction that is always rolled back."""
    with connect(settings, url) as conn:
        trans = conn.begin()
        try:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn
        finally:
            if trans.is_active:
                trans.rollback()


def check_connection(settings: Settings) -> str:
    """Connect once and return the server version; raise DatabaseUnreachable with the reason."""
    with read_only(settings) as conn:
        return str(conn.exec_driver_sql("SHOW server_version").scalar())


def explain_connect_error(exc: BaseException, settings: Settings) -> DatabaseUnreachable:
    """Turn a driver error into a DatabaseUnreachable that says why and what to do."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
    low = text.lower()
    where = target(settings)
    checks = [
        ("auth", ("password authentication failed", "no password supplied", "role \"", "authentication"),
         "the user or password was rejected; check the credentials in DATABASE_URL"),
        ("pooler", ("tenant or user not found", "pgbouncer", "supavisor"),
         "the Supabase pooler did not recognise the user; pooler users look like postgres.<project-ref>"),
        ("dns", ("could not translate host name", "name or service not known", "nodename nor servname"),
         "the host name does not resolve; check the host (Supabase direct hosts are IPv6-only: use the session pooler from IPv4 networks)"),
        ("ssl", ("ssl", "certificate"), "the SSL handshake failed; add ?sslmode=require to DATABASE_URL"),
        ("timeout", ("timeout expired", "timed out"),
         "no answer within the connect timeout; check host, port and firewall (OPSCONSOLE_CONNECT_TIMEOUT_S)"),
        ("refused", ("connection refused", "could not connect", "no such file or directory"),
         "nothing is listening there; check host and port, and that the server is running"),
        ("database", ("does not exist",), "the database name in DATABASE_URL does not exist"),
    ]
    reason, advice = "unknown", "check DATABASE_URL"
    for code, needles, hint in checks:
        if any(n in low for n in needles):
            reason, advice = code, hint
            break
    message = settings.redact(f"cannot connect to {where.url} ({reason}): {text} — {advice}.")
    return DatabaseUnreachable(message, reason=reason)


def embedded_url(home: Path) -> str:
    """Start (or reuse) the embedded PostgreSQL server under `home` and return its database URL."""
    data = (home / "pgdata").resolve()
    if len(str(data)) + len("/.s.PGSQL.5432") > _MAX_SOCKET_PATH:
        raise EmbeddedServerError(
            f"the embedded server's folder {data} is too long for a Unix socket; "
            "set OPSCONSOLE_HOME to a shorter path, e.g. /tmp/opsconsole.")
    with _lock:
        server = _servers.get(data)
        if server is None:
            server = _start_embedded(data)
            _servers[data] = server
    return f"postgresql+psycopg2://postgres@/{EMBEDDED_DATABASE}?host={data}"


def _start_embedded(data: Path) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            data.parent.mkdir(parents=True, exist_ok=True)
            server = pgserver.get_server(data, cleanup_mode="stop")
    except ImportError:
        raise EmbeddedServerError("the embedded server needs the 'pgserver' package; run "
                                  "'pip install -r requirements.txt' or set DATABASE_URL.") from None
    except Exception as exc:  # pgserver raises plain exceptions with the server log in them
        raise EmbeddedServerError(f"the embedded PostgreSQL under {data} did not start: {exc}. "
                                  f"Delete {data} to start afresh, or set DATABASE_URL.") from None
    if not _admin(data, "SELECT 1 FROM pg_database WHERE datname = %s", (EMBEDDED_DATABASE,)):
        _admin(data, f'CREATE DATABASE "{EMBEDDED_DATABASE}"')
    return server


def embedded_admin(home: Path, sql: str) -> None:
    """Run one statement (CREATE / DROP DATABASE) on the embedded server's maintenance database."""
    embedded_url(home)
    _admin((home / "pgdata").resolve(), sql)


def _admin(data: Path, sql: str, params: tuple[Any, ...] | None = None) -> list[tuple[Any, ...]]:
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", user="postgres", host=str(data))
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def _make_engine(url: str, settings: Settings) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        connect_args={"connect_timeout": settings.connect_timeout_s, "application_name": "opsconsole"},
    )

    @event.listens_for(engine, "connect")
    def _set_timeouts(dbapi_conn: Any, _record: Any) -> None:
        autocommit = dbapi_conn.autocommit
        dbapi_conn.autocommit = True
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET statement_timeout = {int(settings.statement_timeout_ms)}")
            cur.execute(f"SET lock_timeout = {int(settings.lock_timeout_ms)}")
        dbapi_conn.autocommit = autocommit

    return engine


def _open(engine: Engine, settings: Settings) -> Connection:
    from sqlalchemy.exc import DBAPIError

    try:
        return engine.connect()
    except DBAPIError as exc:
        raise explain_connect_error(exc, settings) from None
