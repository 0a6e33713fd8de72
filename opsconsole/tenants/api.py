"""counts(), isolation() and blast_radius(): the public functions of `opsconsole.tenants`."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING

from opsconsole.settings import Settings
from opsconsole.tenants import estimates as _est
from opsconsole.tenants import sql as _sql
from opsconsole.tenants.results import (BlastRadius, IsolationReport, TableCount, TableIsolation, TenantCounts,
                                        TenantRows, replace)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def counts(settings: Settings, exact: bool = False, table: str | None = None, tenant: str | None = None,
           progress: Callable[[str, int, int], None] | None = None, share: bool = True) -> TenantCounts:
    """Count rows per tenant and per table, from statistics or (exact=True) by counting.

    Estimates are shared by every caller of this process while the statistics they come from are
    unchanged (see `opsconsole.tenants.shared`); exact counts are always counted afresh.
    `share=False` (the one-shot CLI, which never asks twice) reads the statistics without working out
    their signature (a query) and neither takes nor keeps a shared result.
    """
    start = time.perf_counter()
    if exact:
        return _counts(settings, None, True, table, tenant, progress, start)
    if share:
        result = _shared_estimate(settings, table, tenant, start)
    else:
        result = _counts(settings, None, False, table, tenant, None, start)
    if progress is not None:
        for i, t in enumerate(result.tables, 1):
            progress(t.table, i, len(result.tables))
    # A shared result keeps its tables and tenants (the same objects); only this call's time is its own.
    return replace(result, elapsed_ms=(time.perf_counter() - start) * 1000)


def _shared_estimate(settings: Settings, table: str | None, tenant: str | None, start: float) -> TenantCounts:
    """The estimate shared by this process while the statistics' signature holds (computed when it changed)."""
    from opsconsole.tenants import shared as _shared  # only a process that shares pays for importing it

    with _sql.connection(settings, None) as conn:
        signature = _shared.signature(conn, settings)
        key = (settings.database_url or str(settings.home), tuple(settings.schemas), settings.tenant_column,
               tuple(settings.global_tables), table, tenant)
        return _shared.estimates.get(key, lambda: _counts(settings, conn, False, table, tenant, None, start),
                                     version=signature)


def _counts(settings: Settings, conn: _sql.DBAPIConnection | None, exact: bool, table: str | None,
            tenant: str | None, progress: Callable[[str, int, int], None] | None, start: float) -> TenantCounts:
    """Read the statistics (or count) and build the figures, on the given connection or a new one."""
    notes: list[str] = []
    with _sql.connection(settings, None) if conn is None else nullcontext(conn) as conn:
        catalog = _sql.read_catalog(conn, settings, mcv=not exact)
        rels = [r for r in catalog.relations if r.has_tenant]
        if table is not None:
            rels = [_est.pick(catalog, settings, table)]
        known = _est.read_known(conn, catalog, notes)
        built: list[TableCount] = []
        failed: list[tuple[int, _sql.Relation, _sql.Outcome]] = []
        summed = _est.CellSums()  # totals grow while the server counts the next tables

        def done(rel: _sql.Relation, out: _sql.Outcome) -> None:
            if out.status == "ok":
                built.append(_est.exact(rel, out.value, tenant, out.elapsed_ms))
                summed.add(built[-1])
            else:
                failed.append((len(built), rel, out))
                built.append(_fallback(rel, out))  # without the MCV list yet: completed below
            if progress is not None:
                progress(rel.qualified, len(built), len(rels))

        if exact:
            _sql.exact_counts(conn, settings, rels, tenant, done)
        else:
            built = [_est.estimate(rel) for rel in rels]
        if failed:  # a table that could not be counted shows its estimate: read its statistics after all
            with_mcv = {r.qualified: r for r in _sql.read_catalog(conn, settings).relations}
            for i, rel, out in failed:
                built[i] = _fallback(with_mcv.get(rel.qualified, rel), out)
    if not rels:
        notes.append(f"no table in schema(s) {', '.join(settings.schemas)} has a "
                     f"{settings.tenant_column} column.")
    result = _est.assemble(settings, catalog, built, known, tenant, exact, notes, summed)
    return replace(result, table_filter=table, tenant_filter=tenant,
                   elapsed_ms=(time.perf_counter() - start) * 1000)


def _fallback(rel: _sql.Relation, out: _sql.Outcome) -> TableCount:
    """The estimate of a table whose exact count timed out or failed, saying why."""
    estimate = _est.estimate(rel)
    return replace(estimate, status=out.status, note=_est.join(out.note, estimate.note), elapsed_ms=out.elapsed_ms)


def isolation(settings: Settings, conn: Connection | None = None) -> IsolationReport:
    """Check that every row belongs to exactly one known tenant; scans run under the timeout."""
    warnings: list[str] = []
    notes: list[str] = []
    col = settings.tenant_column
    with _sql.connection(settings, conn) as c:
        catalog = _sql.read_catalog(c, settings, mcv=False)  # scans, not statistics: no MCV lists
        known = _est.read_known(c, catalog, notes)
        missing, allowed = _est.without_column(catalog, settings)
        rows: list[TableIsolation] = []
        # One round trip per table, each scan under its own savepoint (a timeout is reported, not raised).
        _sql.exact_counts(c, settings, [r for r in catalog.relations if r.has_tenant], None,
                          lambda rel, out: rows.append(_est.table_isolation(rel, out, known)), "scanning")
    tenants_name = catalog.tenants_table.qualified if catalog.tenants_table else None
    if missing:
        warnings.append(f"{len(missing)} table(s) have no {col} column, so every tenant shares their rows: "
                        f"{', '.join(missing)}. Add the column, or list them in OPSCONSOLE_GLOBAL_TABLES "
                        "if they are global on purpose.")
    if not any(r.has_tenant for r in catalog.relations) and catalog.relations:
        notes.append(f"no table in schema(s) {', '.join(settings.schemas)} has a {col} column.")
    for t in rows:
        if t.null_rows:
            warnings.append(f"{t.table} has {t.null_rows:,} row(s) with {col} NULL: they belong to no tenant.")
        if t.orphan_rows:
            ids = ", ".join(t.orphan_tenants or ())
            more = "" if (t.orphan_tenant_count or 0) <= len(t.orphan_tenants or ()) else ", …"
            warnings.append(f"{t.table} has {t.orphan_rows:,} row(s) of {t.orphan_tenant_count} {col} value(s) "
                            f"missing from {tenants_name} (orphans): {ids}{more}.")
        if t.status != "ok":
            notes.append(f"{t.table}: {t.note}; its NULL and orphan figures are unknown.")
    done = [t for t in rows if t.status == "ok"]
    total = sum(t.rows or 0 for t in done)
    test_rows = sum(t.test_rows or 0 for t in done) if known is not None and _est.has_flag(catalog) else None
    test_tenants = sum(1 for info in known.values() if info.is_test) if test_rows is not None and known else None
    if test_rows is not None and total:
        notes.append(f"{test_rows:,} of {total:,} row(s) ({test_rows / total:.1%}) belong to "
                     f"{test_tenants} test tenant(s) (is_test).")
    return IsolationReport(
        tables_without_tenant_column=tuple(missing), global_tables=tuple(allowed), tenants_table=tenants_name,
        tables=tuple(rows), null_rows=sum(t.null_rows or 0 for t in done),
        orphan_rows=sum(t.orphan_rows or 0 for t in done) if known is not None else None,
        test_rows=test_rows, real_rows=None if test_rows is None else total - test_rows - sum(
            t.null_rows or 0 for t in done), test_tenants=test_tenants, warnings=warnings, notes=notes)


def blast_radius(settings: Settings, table: str, column: str | None = None,
                 conn: Connection | None = None) -> BlastRadius:
    """Count the rows and tenants that dropping a table (or one of its columns) would destroy."""
    with _sql.connection(settings, conn) as c:
        found = _sql.find_relation(c, settings, table, column)
        if found is None:
            where = table if "." in table else f"{table} (schemas {', '.join(settings.schemas)})"
            return BlastRadius(table, column, False, None, None, None, (), "missing",
                               f"table {where} does not exist.")
        name = f"{found['schema']}.{found['name']}"
        if column is not None and not found["has_column"]:
            return BlastRadius(name, column, True, None, None, None, (), "missing",
                               f"column {column} does not exist in {name}.")
        rel = _sql.Relation(found["schema"], found["name"], found["relkind"], bool(found["has_tenant"]),
                            None, found["reltuples"], None, None, (), (), False, None, None, 0)
        catalog = _sql.read_catalog(c, settings)
        known = _est.read_known(c, catalog, [])
        if rel.has_tenant:
            out = _sql.guarded(c, lambda: _sql.group_counts(c, settings, rel, where_not_null=column),
                               f"counting {name}")
        else:
            out = _sql.guarded(c, lambda: _sql.count_rows(c, rel, column), f"counting {name}")
    if out.status == "ok" and not rel.has_tenant:
        return BlastRadius(name, column, True, out.value, None, None, (), "exact",
                           f"{name} has no {settings.tenant_column} column: its rows are shared by every tenant.")
    if out.status == "ok":
        cells = sorted(((tid, n) for tid, n in out.value if tid is not None), key=lambda x: (-x[1], x[0]))
        test = (sum(n for tid, n in cells if (known.get(tid) or _est.NO_INFO).is_test)
                if known is not None and _est.has_flag(catalog) else None)
        return BlastRadius(name, column, True, sum(n for _, n in out.value), len(cells), test,
                           tuple(TenantRows(tid, n, "exact") for tid, n in cells[:10]), "exact")
    rows, tenants = _est.estimate_drop(found, column)
    return BlastRadius(name, column, True, rows, tenants if rel.has_tenant else None, None, (), "estimated",
                       f"{out.note}; showing the estimate from statistics.")


