"""Refresh PostgreSQL's statistics of tenant tables (ANALYZE), so estimated counts stop being unknown.

ANALYZE reads a sample of each table (300 × the statistics target rows) and rewrites its rows in
``pg_statistic``; it changes no data and no schema, takes only a SHARE UPDATE EXCLUSIVE lock (reads
and writes go on) and is what autovacuum itself runs. Only tables the catalog lists as tenant tables
are accepted, every identifier is quoted, and each run is recorded in the audit log.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsconsole import audit, db
from opsconsole.errors import OpsConsoleError, describe
from opsconsole.inputs import clean
from opsconsole.settings import Settings
from opsconsole.tenants import sql as _sql

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class Analysed:
    """What one ANALYZE run refreshed: the tables, who asked, and how long it took."""

    tables: tuple[str, ...]
    by: str
    elapsed_ms: float

    def to_dict(self) -> dict[str, Any]:
        """Return the run as plain data."""
        return {"tables": list(self.tables), "by": self.by, "elapsed_ms": round(self.elapsed_ms, 1)}


def analyze_tables(settings: Settings, tables: list[str] | tuple[str, ...], by: str) -> Analysed:
    """Run ANALYZE on the named tenant tables under the statement timeout and record it in the audit log."""
    by = clean(by, "name", "by")
    if not tables:
        raise OpsConsoleError("no table given to ANALYZE; name one or more tenant tables (schema.table).")
    start = time.perf_counter()
    with db.connect(settings) as conn:
        try:
            with conn.begin():
                done = _analyze(conn, settings, tables)
                elapsed = (time.perf_counter() - start) * 1000
                audit.record(conn, actor=by, action="analyze", outcome="ok", duration_ms=round(elapsed),
                             settings=settings, error=f"refreshed the statistics (ANALYZE) of {len(done)} "
                                                      f"table(s): {', '.join(done)}")
        except _Refused as exc:
            with conn.begin():
                audit.record(conn, actor=by, action="analyze", outcome="failed", settings=settings,
                             duration_ms=round((time.perf_counter() - start) * 1000), error=str(exc))
            raise OpsConsoleError(str(exc)) from None
    return Analysed(done, by, elapsed)


class _Refused(Exception):
    """ANALYZE ran but did not finish (timeout, lock, privilege): recorded as a failed run."""


def _analyze(conn: Connection, settings: Settings, tables: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Validate the names and ANALYZE each table in the caller's transaction, under the timeouts."""
    from psycopg2 import Error as DriverError
    from psycopg2.extensions import quote_ident

    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(settings.statement_timeout_ms)}")
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(settings.lock_timeout_ms)}")
    with _sql.connection(settings, conn) as raw:
        rels = _resolve(_sql.read_catalog(raw, settings, mcv=False), settings, tables)
        for rel in rels:
            seen = len(raw.notices)
            try:
                with raw.cursor() as cur:
                    cur.execute(f"ANALYZE {quote_ident(rel.schema, raw)}.{quote_ident(rel.name, raw)}")
            except DriverError as exc:
                why = _sql.TIMEOUT_CODES.get(exc.pgcode or "", describe(exc))
                raise _Refused(f"ANALYZE of {rel.qualified} did not finish ({why}); nothing was changed. Try "
                               "again when the database is quieter, or ask a DBA to run it.") from None
            if any("skipping" in n or "permission denied" in n for n in raw.notices[seen:]):
                # PostgreSQL skips a table the role may not analyze with a WARNING, not an error
                raise _Refused(f"the database role may not ANALYZE {rel.qualified} (only its owner may); ask "
                               "the table's owner or a DBA to run ANALYZE on it.")
    return tuple(rel.qualified for rel in rels)


def _resolve(catalog: _sql.Catalog, settings: Settings, names: list[str] | tuple[str, ...]) -> list[_sql.Relation]:
    """Match each name (schema-qualified, or bare within the inspected schemas) to one tenant table."""
    tenant_tables = [r for r in catalog.relations if r.has_tenant]
    found: list[_sql.Relation] = []
    for name in names:
        match = [r for r in tenant_tables if r.qualified == name] or [r for r in tenant_tables if r.name == name]
        if len(match) != 1:
            known = ", ".join(r.qualified for r in tenant_tables) or "none"
            why = "is in several schemas; qualify it as schema.table" if match else "is not a tenant table"
            raise OpsConsoleError(f"{name!r} {why} (a table of schema(s) {', '.join(settings.schemas)} with a "
                                  f"{settings.tenant_column} column); tenant tables: {known}.")
        if match[0] not in found:
            found.append(match[0])
    return found
