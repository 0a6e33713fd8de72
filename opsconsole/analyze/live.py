"""With a live database at hand: count the stored rows a pending change would fail on, per tenant.

A finding of rule ``type-change-may-fail`` (or ``type-change-unknown-old``) carries ``check_sql``,
a ``SELECT count(*)`` of the rows whose value does not fit the new type. The guard runs it on its
read-only connection, so the report can say "3 rows have names longer than 255 characters" instead
of "may fail". ``rows_by_tenant`` counts the rows of a table matching a condition, split by tenant
and into real and test tenants — the figures opsconsole.preflight puts in plain words. Nothing is
written; every count runs inside a savepoint under the session's statement timeout, and a table
that does not exist yet, or a count that times out, is reported as such rather than raised.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from opsconsole.settings import Settings

SHOWN_TENANTS = 10  # the largest tenants listed by name; totals always cover all of them
_CHECK_SQL = re.compile(r"^SELECT count\(\*\) FROM (.+?) WHERE (.+)$", re.S)


def count_failing_values(conn: Connection, finding: dict[str, Any]) -> int | None:
    """Run the finding's check_sql on ``conn`` (inside a savepoint) and return the count, or None."""
    sql = finding.get("check_sql")
    if not sql:
        return None
    from sqlalchemy.exc import DBAPIError

    savepoint = conn.begin_nested()
    try:
        count = conn.exec_driver_sql(sql).scalar()
    except DBAPIError:  # the table or column is not there (yet), or the check timed out
        savepoint.rollback()
        return None
    savepoint.commit()
    return int(count) if count is not None else None


def split_check_sql(sql: str) -> tuple[str, str] | None:
    """Return (quoted table, condition) of a finding's ``SELECT count(*) FROM t WHERE cond``, else None."""
    match = _CHECK_SQL.match(sql.strip())
    return (match.group(1), match.group(2)) if match else None


def quote_table(name: str) -> str:
    """Quote a 'schema.table' (or bare 'table', taken as public) name part by part."""
    parts = name.split(".")
    if len(parts) == 1:
        parts = ["public", *parts]
    return ".".join(quote(p) for p in parts)


def quote(identifier: str) -> str:
    """Quote one SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def tenant_flags(conn: Connection, settings: Settings) -> dict[str, Any] | None:
    """Return {tenant id as text: TenantInfo(name, is_test)} from the tenants table, None without one."""
    from opsconsole.tenants import estimates, sql

    raw = conn.connection.dbapi_connection
    catalog = sql.read_catalog(raw, settings, mcv=False)
    return estimates.read_known(raw, catalog, [])


def rows_by_tenant(conn: Connection, settings: Settings, table: str, condition: str,
                   flags: dict[str, Any] | None = None, source: str | None = None) -> dict[str, Any]:
    """Count the rows of ``table`` (quoted, aliased ``t``) where ``condition`` holds, by tenant.

    ``source`` replaces the table in FROM when the condition needs a derived table over it (a
    window count of duplicates is 2-3 times faster than an IN over a GROUP BY on millions of rows).

    Returns the shape shared by pre-flight results and decisions in the audit log: ``rows``,
    ``tenants``, ``real_rows``/``test_rows``, ``real_tenants``/``test_tenants`` (None when the
    tenants table has no is_test flag), ``no_tenant_rows``, ``by_tenant`` (the largest
    ``SHOWN_TENANTS``: tenant_id, name, rows, is_test) and ``status`` (exact | missing | timeout | error)
    with a ``note``.
    """
    from sqlalchemy.exc import DBAPIError

    tenant_col = settings.tenant_column
    savepoint = conn.begin_nested()
    try:
        has_tenant = bool(conn.exec_driver_sql(
            """SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%(t)s)
               AND attname = %(c)s AND attnum > 0 AND NOT attisdropped)""", {"t": table, "c": tenant_col}).scalar())
        exists = conn.exec_driver_sql("SELECT to_regclass(%(t)s) IS NOT NULL", {"t": table}).scalar()
        if not exists:
            savepoint.rollback()
            return _empty("missing", f"{_plain(table)} does not exist yet; it is checked when the upgrade creates it")
        group = f"t.{quote(tenant_col)}::text" if has_tenant else "NULL::text"
        rows = conn.exec_driver_sql(
            f"SELECT {group}, count(*) FROM {source or table} t WHERE {condition} GROUP BY 1".replace("%", "%%")).all()
    except DBAPIError as exc:
        savepoint.rollback()
        code = getattr(getattr(exc, "orig", None), "pgcode", None)
        if code == "57014":
            return _empty("timeout", "the count ran past the statement timeout (OPSCONSOLE_STATEMENT_TIMEOUT_MS)")
        if code in ("42703", "42P01"):  # a column or table the pending steps create first
            return _empty("missing", "it names a column or table that does not exist yet")
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _empty("error", f"the count could not run: {first}")
    savepoint.commit()
    if flags is None and has_tenant:
        flags = tenant_flags(conn, settings)
    return summarise([(tid, int(n)) for tid, n in rows], has_tenant, flags)


def summarise(cells: list[tuple[str | None, int]], has_tenant: bool, flags: dict[str, Any] | None,
              status: str = "exact", note: str | None = None) -> dict[str, Any]:
    """Turn (tenant id, rows) pairs into the rows-at-risk shape (see rows_by_tenant)."""
    total = sum(n for _, n in cells)
    tenant_cells = sorted(((tid, n) for tid, n in cells if tid is not None), key=lambda c: (-c[1], c[0]))
    flagged = flags is not None and any(getattr(i, "is_test", None) is not None for i in flags.values())

    def is_test(tid: str) -> bool | None:
        info = (flags or {}).get(tid)
        return getattr(info, "is_test", None) if flagged else None

    test = [(tid, n) for tid, n in tenant_cells if is_test(tid)] if flagged else None
    real = [(tid, n) for tid, n in tenant_cells if not is_test(tid)] if flagged else None
    return {
        "rows": total, "tenants": len(tenant_cells) if has_tenant else None,
        "real_rows": sum(n for _, n in real) if real is not None else None,
        "test_rows": sum(n for _, n in test) if test is not None else None,
        "real_tenants": len(real) if real is not None else None,
        "test_tenants": len(test) if test is not None else None,
        "no_tenant_rows": sum(n for tid, n in cells if tid is None) if has_tenant else None,
        "by_tenant": [{"tenant_id": tid, "name": getattr((flags or {}).get(tid), "name", None), "rows": n,
                       "is_test": is_test(tid)} for tid, n in tenant_cells[:SHOWN_TENANTS]],
        "status": status, "note": note,
    }


def _empty(status: str, note: str) -> dict[str, Any]:
    return {"rows": None, "tenants": None, "real_rows": None, "test_rows": None, "real_tenants": None,
            "test_tenants": None, "no_tenant_rows": None, "by_tenant": [], "status": status, "note": note}


def _plain(table: str) -> str:
    return table.replace('"', "")
