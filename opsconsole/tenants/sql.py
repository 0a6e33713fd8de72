"""SQL behind `opsconsole.tenants`: the one catalog query, the tenants list and per-table counts.

Everything here runs on a plain psycopg2 connection — the caller's (the DBAPI connection under a
SQLAlchemy one, same transaction) or one of its own — so `python -m opsconsole counts` never pays
for importing SQLAlchemy. Every identifier goes through psycopg2's `quote_ident` and every value is
a bound parameter; nothing the user typed is ever pasted into SQL text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from opsconsole.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

T = TypeVar("T")
DBAPIConnection = Any  # a psycopg2 connection

TENANTS_TABLE = "tenants"
ALWAYS_GLOBAL = frozenset({"alembic_version"})  # Alembic's own bookkeeping table
TIMEOUT_CODES = {"57014": "statement timeout", "55P03": "lock timeout"}
SAVEPOINT = "opsconsole_tenants"

# One round trip for the whole database: every table of the inspected schemas, whether it has the
# tenant column, its size from pg_class, the column's statistics from pg_stats and when they were
# last refreshed. Catalog rows only: the cost depends on the number of tables, never on rows.
# Partitioned tables are read through their parent (statistics with inherited = true, size summed
# over the leaf partitions); partitions themselves are skipped so no row is counted twice.
# When statistics were refreshed and the rows changed since come from the functions behind
# pg_stat_user_tables (same values for these tables): the view also aggregates every table's indexes,
# and planning it costs a fresh session (every CLI run) ~3 ms more than the functions.
CATALOG_SQL = """
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       c.relkind::text AS relkind,
       a.attnum IS NOT NULL AS has_tenant,
       format_type(a.atttypid, NULL) AS tenant_type,
       CASE WHEN c.relkind = 'p' THEN
            (SELECT CASE WHEN count(*) = 0 THEN 0::float8
                         WHEN bool_and(pc.reltuples < 0) THEN -1::float8
                         ELSE sum(greatest(pc.reltuples, 0))::float8 END
               FROM pg_partition_tree(c.oid) AS pt JOIN pg_class AS pc ON pc.oid = pt.relid
              WHERE pt.isleaf)
            ELSE c.reltuples::float8 END AS reltuples,
       s.null_frac::float8 AS null_frac,
       s.n_distinct::float8 AS n_distinct,
       s.most_common_vals::text AS mcv,
       s.most_common_freqs::text AS mcf,
       s.attname IS NOT NULL AS has_stats,
       GREATEST(pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid)) AS analyzed_at,
       pg_stat_get_mod_since_analyze(c.oid) AS changed_since,
       NULLIF(a.attstattarget::int, -1) AS stat_target,
       current_setting('default_statistics_target')::int AS default_target,
       CASE WHEN c.relname = %(tenants_table)s THEN
            (SELECT array_agg(ta.attname::text || ':' || format_type(ta.atttypid, NULL))
               FROM pg_attribute AS ta
              WHERE ta.attrelid = c.oid AND ta.attnum > 0 AND NOT ta.attisdropped
                AND ta.attname IN ('id', 'name', 'is_test'))
       END AS tenants_columns
  FROM pg_class AS c
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute AS a
         ON a.attrelid = c.oid AND a.attname = %(column)s AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_stats AS s
         ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = %(column)s
        AND s.inherited = (c.relkind = 'p')
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname::text = ANY(%(schemas)s)
 ORDER BY array_position(CAST(%(schemas)s AS text[]), n.nspname::text), c.relname
"""

# Size and one column's statistics of a single table, for the blast radius of a drop.
RELATION_SQL = """
SELECT n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS relkind,
       CASE WHEN c.relkind = 'p' THEN
            (SELECT coalesce(sum(greatest(pc.reltuples, 0)), 0)::float8
               FROM pg_partition_tree(c.oid) AS pt JOIN pg_class AS pc ON pc.oid = pt.relid
              WHERE pt.isleaf)
            ELSE c.reltuples::float8 END AS reltuples,
       EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.oid AND attname = %(column)s
                  AND attnum > 0 AND NOT attisdropped) AS has_column,
       EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.oid AND attname = %(tenant_column)s
                  AND attnum > 0 AND NOT attisdropped) AS has_tenant,
       (SELECT null_frac::float8 FROM pg_stats WHERE schemaname = n.nspname AND tablename = c.relname
           AND attname = %(column)s AND inherited = (c.relkind = 'p')) AS column_null_frac,
       (SELECT n_distinct::float8 FROM pg_stats WHERE schemaname = n.nspname AND tablename = c.relname
           AND attname = %(tenant_column)s AND inherited = (c.relkind = 'p')) AS tenant_n_distinct
  FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND c.relname = %(name)s AND n.nspname::text = ANY(%(schemas)s)
 ORDER BY array_position(CAST(%(schemas)s AS text[]), n.nspname::text)
 LIMIT 1
"""


# The internal records below are named tuples: immutable like the frozen dataclasses they replace, built
# as fast, and ~0.7 ms cheaper each to define — `python -m opsconsole counts` pays every definition.
class Relation(NamedTuple):
    """One table as the catalog describes it (internal)."""

    schema: str
    name: str
    relkind: str
    has_tenant: bool
    tenant_type: str | None
    reltuples: float | None
    null_frac: float | None
    n_distinct: float | None
    mcv: tuple[str, ...]
    mcf: tuple[float, ...]
    has_stats: bool
    analyzed_at: datetime | None
    changed_since: int | None
    stat_target: int

    @property
    def qualified(self) -> str:
        """Return the schema-qualified name."""
        return f"{self.schema}.{self.name}"


class Catalog(NamedTuple):
    """Everything one catalog round trip tells about the inspected schemas (internal)."""

    relations: tuple[Relation, ...]
    tenants_table: Relation | None
    tenants_columns: dict[str, str]  # column name -> type, of id/name/is_test that exist


class TenantInfo(NamedTuple):
    """A row of the tenants table (internal)."""

    name: str | None
    is_test: bool | None


class Outcome(NamedTuple):
    """What a guarded statement returned, or why it did not (internal)."""

    value: Any
    status: str  # ok | timeout | error
    note: str | None = None
    elapsed_ms: float = 0.0


# Exact counts need the statistics only for a table whose count fails; they skip the MCV arrays.
CATALOG_SQL_NO_MCV = CATALOG_SQL.replace("s.most_common_vals::text AS mcv,", "NULL::text AS mcv,").replace(
    "s.most_common_freqs::text AS mcf,", "NULL::text AS mcf,")


@contextmanager
def connection(settings: Settings, conn: Connection | None) -> Iterator[DBAPIConnection]:
    """Use the caller's connection (its DBAPI connection, same transaction) or open a read-only one."""
    if conn is not None:
        yield conn.connection.dbapi_connection
        return
    from opsconsole.db import bare_read_only

    # The same session settings as opsconsole.db's engines (connect timeout, application name,
    # statement and lock timeouts, READ ONLY), on a bare psycopg2 connection: no SQLAlchemy import.
    with bare_read_only(settings) as own:  # reads wait at most OPSCONSOLE_READ_LOCK_TIMEOUT_MS on a lock
        yield own.raw


def read_catalog(conn: DBAPIConnection, settings: Settings, mcv: bool = True) -> Catalog:
    """Read every table of the inspected schemas with its tenant-column statistics, in one query."""
    rows = _rows(conn, CATALOG_SQL if mcv else CATALOG_SQL_NO_MCV,
                 {"column": settings.tenant_column, "schemas": list(settings.schemas), "tenants_table": TENANTS_TABLE})
    relations = []
    tenants_table, tenants_columns = None, {}
    for r in rows:
        rel = Relation(
            schema=r["schema"], name=r["name"], relkind=r["relkind"], has_tenant=bool(r["has_tenant"]),
            tenant_type=r["tenant_type"], reltuples=r["reltuples"], null_frac=r["null_frac"],
            n_distinct=r["n_distinct"], mcv=_text_array(r["mcv"]), mcf=_float_array(r["mcf"]),
            has_stats=bool(r["has_stats"]), analyzed_at=r["analyzed_at"],
            changed_since=r["changed_since"], stat_target=r["stat_target"] or r["default_target"])
        relations.append(rel)
        if rel.name == TENANTS_TABLE and tenants_table is None and r["tenants_columns"]:
            cols = dict(item.split(":", 1) for item in r["tenants_columns"])
            if "id" in cols:
                tenants_table, tenants_columns = rel, cols
    return Catalog(tuple(relations), tenants_table, tenants_columns)


def _text_array(text: str | None) -> tuple[str, ...]:
    """Parse an MCV list from its text form (`{a,b}`), as psycopg2 would, without building a text[] first.

    The MCV arrays come as text: PostgreSQL's `::text[]` cast and psycopg2's array parser cost more than
    the rest of an estimate on a wide database. An element needing quotes (comma, space, quote,
    backslash, braces, empty, NULL) makes the array quoted, and then psycopg2's parser reads it.
    """
    if not text:
        return ()
    if text[0] != "{" or text[-1] != "}" or '"' in text:
        from psycopg2.extensions import STRINGARRAY

        return tuple(STRINGARRAY(text, None) or ())
    body = text[1:-1]
    return tuple(body.split(",")) if body else ()


def _float_array(text: str | None) -> tuple[float, ...]:
    """Parse the MCV frequencies (`{0.1,0.02}`) into the same floats psycopg2 would."""
    if not text or text == "{}":
        return ()
    return tuple(map(float, text[1:-1].split(",")))


def read_tenants(conn: DBAPIConnection, catalog: Catalog) -> dict[str, TenantInfo] | None:
    """Return the tenants table as {id as text: TenantInfo}, or None when there is none."""
    rel = catalog.tenants_table
    if rel is None:
        return None
    q = _quoter(conn)
    cols = catalog.tenants_columns
    name = f"{q('name')}::text" if "name" in cols else "NULL::text"
    is_test = q("is_test") if cols.get("is_test") == "boolean" else "NULL::boolean"
    sql = f"SELECT {q('id')}::text, {name}, {is_test} FROM {q(rel.schema)}.{q(rel.name)}"
    return {row[0]: TenantInfo(row[1], row[2]) for row in _fetch(conn, sql, {}) if row[0] is not None}


def group_counts(conn: DBAPIConnection, settings: Settings, rel: Relation, tenant: str | None = None,
                 where_not_null: str | None = None) -> list[tuple[str | None, int]]:
    """Run `SELECT tenant, count(*) … GROUP BY tenant` on one table; the tenant is a bound parameter."""
    return _fetch(conn, *_group_sql(conn, settings, rel, tenant, where_not_null))


def _group_sql(conn: DBAPIConnection, settings: Settings, rel: Relation, tenant: str | None = None,
               where_not_null: str | None = None) -> tuple[str, dict[str, Any]]:
    q = _quoter(conn)
    col = q(settings.tenant_column)
    where = []
    params: dict[str, Any] = {}
    if tenant is not None:
        where.append(f"{col}::text = %(tenant)s")
        params["tenant"] = tenant
    if where_not_null is not None:
        where.append(f"{q(where_not_null)} IS NOT NULL")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT {col}::text, count(*) FROM {_from(q, rel)}{clause} GROUP BY {col}", params


def exact_counts(conn: DBAPIConnection, settings: Settings, rels: list[Relation], tenant: str | None,
                 done: Callable[[Relation, Outcome], None], verb: str = "counting") -> None:
    """Count every table's rows by tenant, under savepoints, and hand each table's outcome to `done`.

    Small tables are counted together: one statement (`UNION ALL` of one `GROUP BY` per table) for
    tables whose sizes add up to `BATCH_ROWS`, so a database of a thousand small tables costs tens of
    round trips, not a thousand. Each table's groups come back as two arrays in their text form (ids,
    counts), split in C rather than turned into a Python tuple per group. A statement that times out
    or fails is rolled back to its savepoint and its tables are counted again one by one, each under
    its own savepoint and the statement timeout: only the table that fails is reported, the others
    still count. The outcome's value is {tenant id as text: rows}, with NULL ids under None.

    The statements run on a helper thread that only sends them and fetches their text, while this
    thread splits the previous tables' arrays and hands them to `done` (psycopg2 releases the GIL
    while the server counts): turning a million counted cells into figures overlaps the server's work
    instead of following it. `done` is always called on this thread, in
    table order; when it raises, the running statement is cancelled and the helper stopped.
    """
    import queue
    import threading

    results: queue.Queue[Any] = queue.Queue(maxsize=_AHEAD)
    stop = threading.Event()
    worker = threading.Thread(target=_count_all, args=(conn, settings, rels, tenant, verb, results, stop),
                              name="opsconsole-counts", daemon=True)
    worker.start()
    try:
        while (item := results.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            rel, out = item
            if out.status == "ok":  # the text arrays are split here, while the helper waits for the server
                out = Outcome(_groups(*out.value), "ok", None, out.elapsed_ms)
            done(rel, out)
    finally:
        if worker.is_alive():
            stop.set()
            conn.cancel()  # a long count ends now (the helper rolls back to its savepoint and stops)
            while worker.is_alive():  # never leave it blocked on a full queue
                try:
                    results.get(timeout=0.05)
                except queue.Empty:
                    pass
        worker.join()


_END = object()
BATCH_ROWS = 250_000  # estimated rows counted by one statement when it holds several tables
BATCH_TABLES = 100  # tables in one statement at most
_AHEAD = 2 * BATCH_TABLES  # tables counted ahead of `done` (two statements): bounds the rows held in memory


def batches(rels: list[Relation]) -> Iterator[list[Relation]]:
    """Group tables, in order, into statements of at most BATCH_ROWS estimated rows (BATCH_TABLES tables).

    A table of unknown size (never analyzed) or above BATCH_ROWS is always counted alone, so a batch
    never costs much more than its estimate: a stale estimate only makes a batch slower, and a batch
    that hits the timeout is counted again table by table.
    """
    batch: list[Relation] = []
    rows = 0.0
    for rel in rels:
        size = rel.reltuples
        if size is None or size < 0 or size > BATCH_ROWS:
            if batch:
                yield batch
                batch, rows = [], 0.0
            yield [rel]
            continue
        if batch and (rows + size > BATCH_ROWS or len(batch) >= BATCH_TABLES):
            yield batch
            batch, rows = [], 0.0
        batch.append(rel)
        rows += size
    if batch:
        yield batch


def _groups_sql(conn: DBAPIConnection, settings: Settings, rels: list[Relation],
                tenant: str | None) -> tuple[str, dict[str, Any]]:
    """One statement counting each table's rows by tenant: a row per table (index, ids, counts, NULL rows)."""
    parts = []
    params: dict[str, Any] = {}
    for i, rel in enumerate(rels):
        grouped, params = _group_sql(conn, settings, rel, tenant)
        parts.append(f"SELECT {i}, (array_agg(g.t) FILTER (WHERE g.t IS NOT NULL))::text, "
                     f"(array_agg(g.n) FILTER (WHERE g.t IS NOT NULL))::text, "
                     f"(sum(g.n) FILTER (WHERE g.t IS NULL))::bigint FROM ({grouped}) AS g(t, n)")
    return " UNION ALL ".join(parts), params


def _groups(ids: str | None, numbers: str | None, nulls: int | None) -> dict[str | None, int]:
    """Turn one table's arrays (text form) back into {tenant id: rows}, NULL ids under None."""
    by_tenant: dict[str | None, int] = dict(zip(_text_array(ids), map(int, numbers[1:-1].split(",")))) \
        if numbers else {}
    if nulls:
        by_tenant[None] = nulls
    return by_tenant


def _count_all(conn: DBAPIConnection, settings: Settings, rels: list[Relation], tenant: str | None, verb: str,
               results: Any, stop: Any) -> None:
    """The helper thread of `exact_counts`: run the counts in order and queue (table, outcome) pairs."""
    from psycopg2 import Error as DriverError

    try:
        with conn.cursor() as cursor:
            held = False  # a savepoint of ours is open and must be released

            def run(group: list[Relation]) -> tuple[list[tuple[Any, ...]] | None, BaseException | None, float]:
                nonlocal held
                sql, params = _groups_sql(conn, settings, group, tenant)
                start = time.perf_counter()
                try:
                    cursor.execute(f"{f'RELEASE SAVEPOINT {SAVEPOINT}; ' if held else ''}SAVEPOINT {SAVEPOINT}; "
                                   f"{sql}", params)
                    rows = cursor.fetchall()
                except DriverError as exc:
                    cursor.execute(f"ROLLBACK TO SAVEPOINT {SAVEPOINT}")
                    held = True
                    return None, exc, (time.perf_counter() - start) * 1000
                held = True
                return rows, None, (time.perf_counter() - start) * 1000

            for batch in batches(rels):
                if stop.is_set():
                    return
                rows, exc, elapsed = run(batch)
                if rows is None and len(batch) > 1:  # count them one by one: only the failing table is reported
                    for rel in batch:
                        if stop.is_set():
                            return
                        one, exc, elapsed = run([rel])
                        results.put((rel, _outcome(one, exc, f"{verb} {rel.qualified}", elapsed)))
                    continue
                if rows is None:
                    results.put((batch[0], _outcome(None, exc, f"{verb} {batch[0].qualified}", elapsed)))
                    continue
                for i, ids, numbers, nulls in sorted(rows):
                    results.put((batch[i], Outcome((ids, numbers, nulls), "ok", None, elapsed)))
            if held:
                cursor.execute(f"RELEASE SAVEPOINT {SAVEPOINT}")
        results.put(_END)
    except BaseException as exc:  # handed to the caller's thread, raised there
        results.put(exc)


def _outcome(rows: list[tuple[Any, ...]] | None, exc: BaseException | None, what: str, elapsed: float) -> Outcome:
    """The outcome of counting one table alone: its groups, or why it could not be counted."""
    if rows is None:
        return _failed(exc, what, elapsed)
    (_, ids, numbers, nulls), = rows
    return Outcome((ids, numbers, nulls), "ok", None, elapsed)


def count_rows(conn: DBAPIConnection, rel: Relation, not_null: str | None = None) -> int:
    """Run `SELECT count(*)` on one table, optionally only rows where a column is not NULL."""
    q = _quoter(conn)
    clause = f" WHERE {q(not_null)} IS NOT NULL" if not_null else ""
    return int(_fetch(conn, f"SELECT count(*) FROM {_from(q, rel)}{clause}", {})[0][0])


def guarded(conn: DBAPIConnection, work: Callable[[], T], what: str) -> Outcome:
    """Run `work` inside a SAVEPOINT; a timeout or error rolls back to it and is reported, not raised."""
    from psycopg2 import Error as DriverError

    start = time.perf_counter()
    with conn.cursor() as cursor:
        cursor.execute(f"SAVEPOINT {SAVEPOINT}")
        try:
            value = work()
        except DriverError as exc:
            cursor.execute(f"ROLLBACK TO SAVEPOINT {SAVEPOINT}; RELEASE SAVEPOINT {SAVEPOINT}")
            return _failed(exc, what, (time.perf_counter() - start) * 1000)
        cursor.execute(f"RELEASE SAVEPOINT {SAVEPOINT}")
    return Outcome(value, "ok", None, (time.perf_counter() - start) * 1000)


def _failed(exc: BaseException, what: str, elapsed: float) -> Outcome:
    """Describe a statement that failed: a timeout by its kind, anything else by its first line."""
    code = getattr(exc, "pgcode", None)
    if code in TIMEOUT_CODES:
        return Outcome(None, "timeout", f"{what} stopped by the {TIMEOUT_CODES[code]} after {elapsed:.0f} ms", elapsed)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
    return Outcome(None, "error", f"{what} failed: {first}", elapsed)


def find_relation(conn: DBAPIConnection, settings: Settings, table: str,
                  column: str | None) -> dict[str, Any] | None:
    """Look one table up by bare or schema-qualified name; None when it does not exist."""
    schema, _, name = table.rpartition(".")
    schemas = [schema] if schema else list(settings.schemas)
    rows = _rows(conn, RELATION_SQL, {"name": name, "schemas": schemas, "column": column or settings.tenant_column,
                                      "tenant_column": settings.tenant_column})
    return rows[0] if rows else None


def matches(rel: Relation, names: tuple[str, ...]) -> bool:
    """Whether a table is named in a list of bare or schema-qualified names."""
    return rel.name in names or rel.qualified in names


def _quoter(conn: DBAPIConnection) -> Callable[[str], str]:
    """Quote identifiers for SQL that is always executed with parameters (so `%` is doubled)."""
    from psycopg2.extensions import quote_ident

    return lambda name: quote_ident(name, conn).replace("%", "%%")


def _from(q: Callable[[str], str], rel: Relation) -> str:
    only = "ONLY " if rel.relkind == "r" else ""  # inheritance children are listed on their own
    return f"{only}{q(rel.schema)}.{q(rel.name)}"


def _fetch(conn: DBAPIConnection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    # Always with parameters, so psycopg2 turns the quoted identifiers' `%%` back into `%`.
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _rows(conn: DBAPIConnection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
