"""Estimated counts shared by every session and call of this process while the statistics stand still.

Estimates are a function of the catalog: table sizes (pg_class), the tenant column's statistics
(pg_stats, rewritten only by ANALYZE), when they were refreshed and the rows changed since
(pg_stat_user_tables), and the tenants table's rows. `signature()` digests all of it with two cheap
queries per call (no MCV list travels); while it is unchanged the previous result — a frozen
TenantCounts, safe to share — is returned instead of re-reading 100,000 statistics entries. Exact
counts are never shared.
"""

from __future__ import annotations

from typing import Any

from opsconsole.settings import Settings
from opsconsole.shared import SharedResults
from opsconsole.tenants import sql as _sql

MAX_AGE_SECONDS = 600.0  # a safety net only: the signature already changes with everything the result reads
MAX_ENTRIES = 8  # results kept (one per database, settings and filters); a wide database's result is ~20 MiB

# One digest of everything an estimate reads from the catalog, for the inspected schemas:
# - every table (and partition: a partitioned table's size is its leaves', wherever they live), its
#   name, kind, size and pages (ANALYZE and VACUUM write them in place) and its row version (any DDL,
#   GRANT, rename or row-level security switch);
# - the tenant column and the tenants table's id/name/is_test columns (type, statistics target,
#   privileges: the attribute row's version);
# - when statistics were last refreshed (every ANALYZE, which rewrites pg_stats, stamps it to the
#   microsecond) and the rows changed since (shown per table), read with the functions behind
#   pg_stat_user_tables (the view also aggregates every table's indexes: several times slower);
#   VACUUM's effect on an estimate is the size it writes to pg_class, digested above;
# - the default statistics target and the first tenants table holding an id column.
SIGNATURE_SQL = """
SELECT md5(concat_ws('|', current_setting('default_statistics_target'),
           (SELECT string_agg(concat_ws(',', c.oid, c.xmin, c.relname, c.relkind, c.relispartition, c.reltuples,
                                        c.relpages, a.attnum, a.atttypid, a.xmin,
                                        CASE WHEN c.relkind = 'p' THEN
                                             (SELECT string_agg(concat_ws(':', pc.oid, pc.reltuples), ',')
                                                FROM pg_partition_tree(c.oid) AS pt
                                                JOIN pg_class AS pc ON pc.oid = pt.relid WHERE pt.isleaf) END,
                                        pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid),
                                        pg_stat_get_mod_since_analyze(c.oid)), ';')
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
              LEFT JOIN pg_attribute AS a
                     ON a.attrelid = c.oid AND a.attname = %(column)s AND a.attnum > 0 AND NOT a.attisdropped
             WHERE c.relkind IN ('r', 'p') AND n.nspname::text = ANY(%(schemas)s)),
           (SELECT string_agg(concat_ws(',', a.attrelid, a.attname, a.attnum, a.atttypid, a.xmin), ';')
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
              JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attname IN ('id', 'name', 'is_test')
                                    AND a.attnum > 0 AND NOT a.attisdropped
             WHERE c.relname = %(tenants_table)s AND n.nspname::text = ANY(%(schemas)s)))),
       (SELECT n.nspname::text FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname = %(tenants_table)s
           AND n.nspname::text = ANY(%(schemas)s)
           AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.oid AND attname = 'id' AND attnum > 0
                          AND NOT attisdropped)
         ORDER BY array_position(CAST(%(schemas)s AS text[]), n.nspname::text) LIMIT 1)
"""


def signature(conn: _sql.DBAPIConnection, settings: Settings) -> tuple[str, str | None]:
    """Digest what an estimate reads: the catalog (one query) and the tenants table's rows (one more)."""
    params = {"schemas": list(settings.schemas), "column": settings.tenant_column,
              "tenants_table": _sql.TENANTS_TABLE}
    catalog, schema = _sql._fetch(conn, SIGNATURE_SQL, params)[0]
    if schema is None:
        return catalog, None
    # Names and is_test change without ANALYZE, and row counters reach other sessions seconds late: digest
    # the (small) tenants table's row versions — every insert, update or delete changes a ctid or xmin —
    # in scan order (another order only costs a recomputation). Unreadable: say so, as the estimate does.
    # A locked tenants table is not waited for here (100 ms): the estimate itself says it is locked, and
    # the signature stays the same while it is, so every view of that time shares one result.
    q = _sql._quoter(conn)
    rows = _sql.guarded(conn, lambda: _sql._fetch(
        conn, "SET LOCAL lock_timeout = 100; "
        f"SELECT md5(coalesce(string_agg(t.ctid::text || ':' || t.xmin::text, ','), '')) "
        f"FROM {q(schema)}.{q(_sql.TENANTS_TABLE)} AS t",
        {})[0][0], "digesting the tenants table")
    _sql._fetch(conn, "SELECT set_config('lock_timeout', %(ms)s, true)", {"ms": str(int(settings.read_lock_timeout_ms))})
    return catalog, rows.value if rows.status == "ok" else f"unreadable: {rows.status}"


estimates: SharedResults[Any] = SharedResults(MAX_AGE_SECONDS, MAX_ENTRIES)  # TenantCounts
