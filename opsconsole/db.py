"""Engines, read-only sessions with timeouts, and the embedded default PostgreSQL server."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

from opsconsole.errors import ConsoleBusy, DatabaseUnreachable, EmbeddedServerError, LockWaitTimeout
from opsconsole.settings import Settings, redact_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

EMBEDDED_DATABASE = "opsconsole"
_MAX_SOCKET_PATH = 100

POOL_TIMEOUT_S = 5  # a checkout waits at most this long; then ConsoleBusy says so instead of hanging
LOCK_NOT_AVAILABLE = "55P03"
INSUFFICIENT_PRIVILEGE = "42501"
_engines: dict[tuple[Any, ...], Engine] = {}
_servers: dict[Path, Any] = {}
_lock = threading.Lock()


class Target(NamedTuple):
    """Where the console points: shown to people, never with a password.

    A named tuple (immutable, read by attribute): ~0.7 ms cheaper to define than a frozen dataclass, and
    every `python -m opsconsole` command that connects imports this module.
    """

    url: str
    host: str
    port: int | None
    database: str
    user: str
    embedded: bool
    pooler: str | None  # "transaction" (port 6543 / pgbouncer), "session", or None

    def to_dict(self) -> dict[str, Any]:
        """Return the target as plain data."""
        return self._asdict()


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
    key = (url, settings.statement_timeout_ms, settings.lock_timeout_ms, settings.connect_timeout_s,
           settings.pool_size)
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
def dedicated(settings: Settings, url: str | None = None) -> Iterator[Connection]:
    """Yield a connection of its own, outside the pool (the guarded upgrade): never one a viewer needs."""
    from sqlalchemy.pool import NullPool

    engine = _make_engine(url or database_url(settings), settings, poolclass=NullPool)
    try:
        conn = _open(engine, settings)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        engine.dispose()


@contextmanager
def read_only(settings: Settings, url: str | None = None) -> Iterator[Connection]:
    """Yield a connection inside a READ ONLY transaction that is always rolled back.

    Reads wait at most OPSCONSOLE_READ_LOCK_TIMEOUT_MS (1 s) for a lock; a read that gives up raises
    LockWaitTimeout naming the locked table and who holds it, so pages answer instead of hanging.
    """
    with connect(settings, url) as conn:
        trans = conn.begin()
        try:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.read_lock_timeout_ms)}")
            yield conn
        finally:
            if trans.is_active:
                trans.rollback()


class BareResult:
    """The rows of one statement on a BareConnection, read the way SQLAlchemy's Result is."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._rows)

    def fetchall(self) -> list[tuple[Any, ...]]:
        """Every row."""
        return list(self._rows)

    def first(self) -> tuple[Any, ...] | None:
        """The first row, or None."""
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        """The first column of the first row, or None."""
        return self._rows[0][0] if self._rows else None

    def scalars(self) -> BareResult:
        """The first column of every row (then `.all()`)."""
        return BareResult([row[0] for row in self._rows])

    def all(self) -> list[Any]:
        """Every row (after `scalars()`: every value)."""
        return list(self._rows)


class BareConnection:
    """A psycopg2 connection inside a READ ONLY transaction, for reads that must not import SQLAlchemy.

    `exec_driver_sql` answers like SQLAlchemy's (parameters in psycopg2's `%(name)s` style, `%%` for a
    literal `%`), so read helpers written for a SQLAlchemy connection (audit, lock) work on it too;
    `raw` is the psycopg2 connection itself. A lock timeout raises LockWaitTimeout naming the holder.
    """

    def __init__(self, raw: Any, settings: Settings, url: str) -> None:
        self.raw, self._settings, self._url = raw, settings, url

    def exec_driver_sql(self, sql: str, params: dict[str, Any] | None = None) -> BareResult:
        """Run one statement with the given parameters and return all its rows."""
        import psycopg2

        try:
            with self.raw.cursor() as cur:
                cur.execute(sql, params or {})
                return BareResult(cur.fetchall() if cur.description else [])
        except psycopg2.Error as exc:
            if getattr(exc, "pgcode", None) != LOCK_NOT_AVAILABLE:
                raise
            try:  # who holds it, read on a side connection (this transaction is aborted)
                with bare_read_only(self._settings, self._url) as side:
                    holders = lock_holders(side, sql)  # type: ignore[arg-type]
            except Exception:  # the lookup is a courtesy; the lock timeout itself must still surface
                holders = []
            raise describe_lock_wait(holders, self._settings.read_lock_timeout_ms) from exc


@contextmanager
def bare_read_only(settings: Settings, url: str | None = None,
                   lock_timeout_ms: int | None = None) -> Iterator[BareConnection]:
    """Yield a READ ONLY transaction on an unpooled psycopg2 connection, always rolled back and closed.

    The same session settings as `read_only` (connect timeout, application name, statement timeout,
    lock timeout: OPSCONSOLE_READ_LOCK_TIMEOUT_MS unless given), without SQLAlchemy: for one-shot CLI
    reads (`status`, `counts`) whose whole cost is one or two queries.
    """
    import psycopg2

    url = (url or database_url(settings)).replace("postgresql+psycopg2://", "postgresql://", 1)
    try:
        raw = psycopg2.connect(url, connect_timeout=settings.connect_timeout_s, application_name="opsconsole")
    except psycopg2.Error as exc:
        raise explain_connect_error(exc, settings) from None
    try:
        lock_ms = settings.read_lock_timeout_ms if lock_timeout_ms is None else lock_timeout_ms
        with raw.cursor() as cur:
            cur.execute("SET TRANSACTION READ ONLY; SET statement_timeout = %s; SET lock_timeout = %s",
                        (int(settings.statement_timeout_ms), int(lock_ms)))
        yield BareConnection(raw, settings, url)
    finally:
        try:
            raw.rollback()
        finally:
            raw.close()


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


def explain_privilege_error(exc: BaseException, settings: Settings) -> str | None:
    """Say which privilege the database role lacks, when `exc` is PostgreSQL's insufficient_privilege (42501)."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "pgcode", None) != INSUFFICIENT_PRIVILEGE:
        return None
    first = (str(orig).strip().splitlines() or ["permission denied"])[0]
    role = target(settings).user or "the console's role"
    return settings.redact(f"the database role '{role}' lacks a privilege: {first}. Grant it (e.g. GRANT CREATE ON "
                           "DATABASE … for opsconsole's own schema, or ownership of the application schema), or set "
                           "DATABASE_URL to a role that has it.")


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


def lock_holders(conn: Connection, statement: str | None = None) -> list[dict[str, Any]]:
    """Return who holds strong table locks now (table, mode, pid, user, application, since when).

    Tables the statement names come first; only locks that block reads or writes (SHARE and
    stronger) are listed. Without pg_read_all_stats, other roles' `since` and `client` read None.
    """
    rows = conn.exec_driver_sql("""
        SELECT n.nspname, c.relname, l.mode, a.pid, a.usename, a.application_name,
               host(a.client_addr), a.xact_start, a.state
        FROM pg_locks l
        JOIN pg_class c ON c.oid = l.relation
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
          AND l.mode IN ('AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%%'
        ORDER BY a.xact_start NULLS LAST, c.relname""").fetchall()
    holders = [{"table": f"{r[0]}.{r[1]}", "mode": r[2], "pid": r[3], "user": r[4], "application": r[5],
                "client": r[6], "since": r[7], "state": r[8]} for r in rows]
    low = (statement or "").lower()
    named = [h for h in holders if h["table"].split(".", 1)[1].lower() in low]
    return named + [h for h in holders if h not in named]


def lock_report(settings: Settings, tables: list[str] | None = None) -> list[LockWaitTimeout]:
    """Say who holds strong locks on these tables (all tables when None), one LockWaitTimeout each.

    For callers whose reads already gave up (a timed-out count) and who want to say by whom.
    """
    with connect(settings) as conn:
        holders = lock_holders(conn)
    wanted = {t.lower() for t in tables or []}
    found = [h for h in holders if not wanted or h["table"].lower() in wanted
             or h["table"].split(".", 1)[1].lower() in wanted]
    seen: dict[str, LockWaitTimeout] = {}
    for h in found:
        seen.setdefault(h["table"], describe_lock_wait([h], settings.read_lock_timeout_ms))
    return list(seen.values())


def describe_lock_wait(holders: list[dict[str, Any]], waited_ms: int) -> LockWaitTimeout:
    """Turn the lock holders into a LockWaitTimeout whose message says which table, who, since when."""
    from datetime import datetime, timezone

    if not holders:
        return LockWaitTimeout(f"a table this read needs was locked for more than {waited_ms} ms and the holder "
                               "has gone; reload the page.")
    h = holders[0]
    since = h["since"]
    if isinstance(since, datetime):
        age = int((datetime.now(timezone.utc) - since).total_seconds())
        when = f"since {since.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S} UTC ({age} s)"
    else:
        when = "since an unknown time (reading it needs the pg_read_all_stats role)"
    who = ", ".join(part for part in (f"user {h['user']}" if h["user"] else "",
                                      f"application '{h['application']}'" if h["application"] else "",
                                      f"from {h['client']}" if h["client"] else "",
                                      h["state"] or "") if part)
    others = f" (and {len(holders) - 1} more lock(s))" if len(holders) > 1 else ""
    message = (f"table {h['table']} is locked ({h['mode']}) by pid {h['pid']} ({who}) {when}{others}; this read "
               f"gave up after {waited_ms} ms. Other pages keep working: wait for that transaction to end "
               f"and reload, or ask its owner to finish it (an admin may run SELECT pg_terminate_backend({h['pid']})).")
    return LockWaitTimeout(message, table=h["table"], holder=h)


def _translate_errors(engine: Engine, settings: Settings) -> None:
    """Make every lock timeout on this engine a LockWaitTimeout that names the table and its holder."""
    from sqlalchemy import event

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        orig = context.original_exception
        if getattr(orig, "pgcode", None) != LOCK_NOT_AVAILABLE:
            return
        try:
            with engine.connect() as side:
                holders = lock_holders(side, context.statement)
        except Exception:  # the lookup is a courtesy; the lock timeout itself must still surface
            holders = []
        raise describe_lock_wait(holders, settings.read_lock_timeout_ms) from orig


def _make_engine(url: str, settings: Settings, poolclass: Any = None) -> Engine:
    from sqlalchemy import create_engine, event

    pooling: dict[str, Any] = {"poolclass": poolclass} if poolclass is not None else {
        "pool_size": settings.pool_size, "max_overflow": 2 * settings.pool_size, "pool_timeout": POOL_TIMEOUT_S}
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": settings.connect_timeout_s, "application_name": "opsconsole"},
        **pooling,
    )
    _translate_errors(engine, settings)

    @event.listens_for(engine, "connect")
    def _set_timeouts(dbapi_conn: Any, _record: Any) -> None:
        # Session-level SETs, committed: no autocommit toggling, which psycopg2 refuses when the
        # dialect's own connect hooks left a transaction open (seen under 20 concurrent sessions).
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET statement_timeout = {int(settings.statement_timeout_ms)}")
            cur.execute(f"SET lock_timeout = {int(settings.lock_timeout_ms)}")
        dbapi_conn.commit()

    return engine


def _open(engine: Engine, settings: Settings) -> Connection:
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    try:
        return engine.connect()
    except PoolTimeout:
        raise ConsoleBusy(f"all {settings.pool_size * 3} database connections of this console were busy for "
                          f"{POOL_TIMEOUT_S} s; reload in a moment, or raise OPSCONSOLE_POOL_SIZE if it keeps "
                          "happening.", waited_s=POOL_TIMEOUT_S) from None
    except DBAPIError as exc:
        raise explain_connect_error(exc, settings) from None
