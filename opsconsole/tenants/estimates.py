"""Arithmetic behind `opsconsole.tenants`: statistics to per-tenant figures, totals, shares."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from itertools import repeat
from operator import add as add_
from operator import mul, sub
from typing import Any

from opsconsole.errors import OpsConsoleError
from opsconsole.settings import Settings
from opsconsole.tenants import sql as _sql
from opsconsole.tenants.results import TableCount, TableIsolation, TenantCounts, TenantTotal, replace

STALE_FRACTION = 0.2  # rows changed since ANALYZE, as a share of the table, before we say "stale"
NO_INFO = _sql.TenantInfo(None, None)


def pick(catalog: _sql.Catalog, settings: Settings, table: str) -> _sql.Relation:
    """Resolve --table (bare or schema-qualified) to a tenant table, or say which ones exist."""
    schema, _, name = table.rpartition(".")
    for rel in catalog.relations:
        if rel.name == name and (not schema or rel.schema == schema):
            if rel.has_tenant:
                return rel
            raise OpsConsoleError(f"{rel.qualified} has no {settings.tenant_column} column, so it has no "
                                  "per-tenant counts; run 'counts' without --table to see the tenant tables.")
    tenant_tables = ", ".join(r.qualified for r in catalog.relations if r.has_tenant) or "none"
    raise OpsConsoleError(f"no table {table} in schema(s) {', '.join(settings.schemas)}; "
                          f"tenant tables: {tenant_tables}.")


def read_known(conn: _sql.DBAPIConnection, catalog: _sql.Catalog, notes: list[str]) -> dict[str, _sql.TenantInfo] | None:
    """Read the tenants table under a savepoint; None (and a note) when it is missing or unreadable."""
    if catalog.tenants_table is None:
        notes.append(f"no {_sql.TENANTS_TABLE} table with an id column: tenant names, is_test and orphan "
                     "checks are unavailable.")
        return None
    out = _sql.guarded(conn, lambda: _sql.read_tenants(conn, catalog),
                       f"reading {catalog.tenants_table.qualified}")
    if out.status != "ok":
        notes.append(f"{out.note}: tenant names and is_test are unavailable.")
        return None
    return out.value


def has_flag(catalog: _sql.Catalog) -> bool:
    """Whether the tenants table has a boolean is_test column."""
    return catalog.tenants_columns.get("is_test") == "boolean"


def without_column(catalog: _sql.Catalog, settings: Settings) -> tuple[list[str], list[str]]:
    """Split tables lacking the tenant column into unexpected ones and allow-listed global ones."""
    missing, allowed = [], []
    for rel in catalog.relations:
        if rel.has_tenant or rel is catalog.tenants_table or rel.name in _sql.ALWAYS_GLOBAL:
            continue
        (allowed if _sql.matches(rel, settings.global_tables) else missing).append(rel.qualified)
    return missing, allowed


def table_isolation(rel: _sql.Relation, out: _sql.Outcome, known: dict[str, _sql.TenantInfo] | None) -> TableIsolation:
    """Turn one table's GROUP BY result into NULL, orphan and test-tenant figures."""
    if out.status != "ok":
        return TableIsolation(rel.qualified, None, None, None, None, None, None, out.status, out.note)
    by_tenant: dict[str | None, int] = out.value
    groups = by_tenant.items()
    nulls = by_tenant.get(None, 0)
    orphans = orphan_rows = test = None
    if known is not None:
        lost = sorted(((tid, n) for tid, n in groups if tid is not None and tid not in known),
                      key=lambda x: (-x[1], x[0]))
        orphans, orphan_rows = lost, sum(n for _, n in lost)
        test = sum(n for tid, n in groups if tid is not None and (known.get(tid) or NO_INFO).is_test)
    return TableIsolation(rel.qualified, sum(by_tenant.values()), nulls, orphan_rows,
                          None if orphans is None else tuple(tid for tid, _ in orphans[:20]),
                          None if orphans is None else len(orphans), test, "ok")


def estimate(rel: _sql.Relation) -> TableCount:
    """Estimate one table's rows by tenant from its catalog statistics alone."""
    base = dict(schema=rel.schema, name=rel.name, status="estimated", stats_refreshed_at=rel.analyzed_at,
                changed_since_analyze=rel.changed_since, statistics_target=rel.stat_target)
    size = rel.reltuples
    if size is None or size < 0:
        return TableCount(**base, total=None, quality="never-analyzed", cells={}, table_rows=None,
                          null_rows=None, distinct_tenants=None,
                          note=f"never analyzed: size unknown; run ANALYZE {rel.qualified} for estimates.")
    if not rel.has_stats:
        if size == 0:
            return TableCount(**base, total=0, quality="mcv", cells={}, table_rows=0, null_rows=0,
                              distinct_tenants=0)
        analyzed = rel.analyzed_at is not None
        note = ("no statistics visible for the tenant column (column added since ANALYZE, or hidden by "
                "privileges / row-level security)" if analyzed else
                f"never analyzed: size from pg_class only; run ANALYZE {rel.qualified} for the split by tenant")
        rows = round(size)
        return TableCount(**base, total=rows, quality="rough" if analyzed else "never-analyzed", cells={},
                          table_rows=rows, null_rows=None, distinct_tenants=None, other_rows=rows, note=note)
    null_frac = rel.null_frac or 0.0
    nd = rel.n_distinct or 0.0
    distinct = round(nd if nd > 0 else -nd * size)
    cells = dict(zip(rel.mcv, map(round, map(mul, rel.mcf, repeat(size)))))  # C-level loops: 100,000 cells
    other_tenants = max(distinct - len(cells), 0)
    other_rows = max(size * (1.0 - null_frac - sum(rel.mcf)), 0.0) if other_tenants else 0.0
    note = None
    if rel.changed_since and size and rel.changed_since > STALE_FRACTION * size:
        note = (f"{rel.changed_since:,} rows changed since the statistics were refreshed; "
                f"run ANALYZE {rel.qualified} for fresher estimates")
    rows = round(size)
    return TableCount(**base, total=rows, quality="rough" if other_tenants else "mcv", cells=cells,
                      table_rows=rows, null_rows=round(null_frac * size), distinct_tenants=distinct,
                      other_rows=round(other_rows), other_tenants=other_tenants, note=note)


def exact(rel: _sql.Relation, by_tenant: dict[str | None, int], tenant: str | None,
          elapsed_ms: float) -> TableCount:
    """Turn one table's counts ({id: rows}, NULL ids under None; kept as the cells) into its figures."""
    nulls = by_tenant.pop(None, 0)
    total = sum(by_tenant.values()) + nulls
    return TableCount(schema=rel.schema, name=rel.name, total=total, status="exact", quality="exact",
                      cells=by_tenant, table_rows=total if tenant is None else size_estimate(rel),
                      null_rows=nulls if tenant is None else None,
                      distinct_tenants=len(by_tenant) if tenant is None else None, other_rows=0, other_tenants=0,
                      rows_per_other_tenant=0.0, stats_refreshed_at=rel.analyzed_at,
                      changed_since_analyze=rel.changed_since, statistics_target=rel.stat_target,
                      elapsed_ms=elapsed_ms, cell_quality="exact")


def size_estimate(rel: _sql.Relation) -> int | None:
    """Return the table's size from pg_class, or None while it is unknown."""
    return None if rel.reltuples is None or rel.reltuples < 0 else round(rel.reltuples)


def assemble(settings: Settings, catalog: _sql.Catalog, tables: list[TableCount],
              known: dict[str, _sql.TenantInfo] | None, tenant: str | None, exact: bool,
              notes: list[str], summed: CellSums | None = None) -> TenantCounts:
    """Spread rough figures, total each tenant over the tables, and summarise.

    `summed` holds the tenants' sums over the tables already added while they were being counted
    (exact counts add each table as it arrives, while the server counts the next ones).
    """
    candidates = set(known) if known is not None else {tid for t in tables for tid in t.cells}
    summed = summed if summed is not None else CellSums()
    rows = summed.rows
    rough_in: dict[str, float] = {}  # rough share a tenant would get from tables that list it anyway
    statistics_seen: set[str] = set()
    spread: list[TableCount] = []
    rough_total = 0.0
    # The per-cell sums run as C-level map/zip/update (a wide database has 100,000 cells): each table's
    # ids are distinct, so every get() reads the tenant's sum before this table's update writes it.
    add_cells, add_rough = summed.add_cells, _accumulator(rough_in)
    for t in tables:
        if t.table not in summed.tables:
            add_cells(t.cells.keys(), t.cells.values())
        if t.quality == "exact":  # counted: nothing to spread (exact() already set rows_per_other_tenant)
            spread.append(t)
            continue
        listed = candidates.intersection(t.cells)
        # Rows outside a table's MCV list are spread over the candidate tenants it does not list.
        outside = len(candidates) - len(listed)
        divisor = max(t.other_tenants or 0, outside)
        per = (t.other_rows / divisor) if (t.other_rows and outside) else 0.0
        spread.append(_with_per(t, round(per, 2) if per else (None if t.other_rows is None else 0.0)))
        rough_total += per
        if per:
            add_rough(listed, repeat(per))
        statistics_seen.update(t.cells)
    tables = spread
    rough_left = dict(zip(candidates, map(sub, repeat(rough_total), map(rough_in.get, candidates, repeat(0.0)))))
    add_cells(rough_left.keys(), rough_left.values())
    if tenant is not None:
        rows = {tid: n for tid, n in rows.items() if tid == tenant}
        tables = [only_tenant(t, tenant, candidates) for t in tables]
    grand = sum(t.table_rows or 0 for t in tables)
    totals = []
    for tid, n in rows.items():
        info = known.get(tid) if known is not None else None
        quality = ("rough" if rough_left.get(tid, 0.0) >= 0.5 else
                   "mcv" if tid in statistics_seen else "exact" if exact else "unknown")
        totals.append(TenantTotal(tid, info.name if info else None, info.is_test if info else None, round(n),
                                  round(n / grand, 6) if grand else None, quality, info is not None))
    totals.sort(key=lambda t: (-t.rows, t.tenant_id))
    estimated = [t for t in tables if t.quality != "exact"]
    refreshed = [t.stats_refreshed_at for t in estimated if t.stats_refreshed_at]
    never = tuple(t.table for t in tables if t.quality == "never-analyzed")
    if never:
        notes.append(f"{len(never)} table(s) never analyzed; their rows are not split by tenant: {', '.join(never)}.")
    if estimated and any(t.quality == "rough" for t in estimated):
        notes.append("'rough' figures spread the rows outside a table's statistics evenly over its other tenants; "
                     "use exact mode, or raise the tenant column's statistics target (see docs), for better ones.")
    attributed = sum(t.rows for t in totals) + sum(t.null_rows or 0 for t in tables)
    missing, _ = without_column(catalog, settings)
    return TenantCounts(
        mode="exact" if exact else "estimated", tables=tuple(tables), tenants=tuple(totals),
        isolation=summary(settings, missing, tables, totals, known, catalog),
        stats_refreshed_at=min(refreshed) if refreshed else None, total_rows=grand,
        unattributed_rows=max(grand - attributed, 0) if tenant is None else None,
        tenants_table=catalog.tenants_table.qualified if catalog.tenants_table else None,
        never_analyzed=never, notes=tuple(notes))


class CellSums:
    """Each tenant's rows summed over the tables added so far (by qualified name)."""

    def __init__(self) -> None:
        self.rows: dict[str, float] = {}
        self.tables: set[str] = set()
        self.add_cells = _accumulator(self.rows)

    def add(self, table: TableCount) -> None:
        """Add a table's cells to the sums, once."""
        if table.table not in self.tables:
            self.tables.add(table.table)
            self.add_cells(table.cells.keys(), table.cells.values())


def _accumulator(sums: dict[str, float]) -> Callable[[Collection[str], Iterable[float]], None]:
    """Return add(keys, values): sums[k] = sums.get(k, 0.0) + v for each pair, in C; keys must be distinct."""
    get, update = sums.get, sums.update

    def add(keys: Collection[str], values: Iterable[float]) -> None:  # keys: a dict view or a set, read twice
        update(zip(keys, map(add_, map(get, keys, repeat(0.0)), values)))

    return add


def _with_per(t: TableCount, per: float | None) -> TableCount:
    """A copy of a freshly built table figure with its rough share per other tenant set.

    Equivalent to `replace(t, rows_per_other_tenant=per)` (same fields, same cached
    nothing) at a fraction of the cost: a wide database has 1,000 tables and replace() re-runs __init__.
    """
    copy = object.__new__(TableCount)
    vars(copy).update(vars(t))
    vars(copy)["rows_per_other_tenant"] = per
    return copy


def only_tenant(t: TableCount, tenant: str, candidates: set[str]) -> TableCount:
    """Keep one tenant's figure in a table (a rough share when statistics do not list it)."""
    cells = {tenant: t.cells[tenant]} if tenant in t.cells else {}
    quality = t.cell_quality
    if not cells and t.quality != "exact" and tenant in candidates and t.rows_per_other_tenant:
        cells, quality = {tenant: round(t.rows_per_other_tenant)}, "rough"
    total = sum(cells.values()) if t.total is not None else None
    return replace(t, cells=cells, total=total, cell_quality=quality)


def summary(settings: Settings, missing: list[str], tables: list[TableCount], totals: list[TenantTotal],
             known: dict[str, _sql.TenantInfo] | None, catalog: _sql.Catalog) -> dict[str, Any]:
    """Summarise isolation from the figures already gathered (no extra scan)."""
    orphans = [t for t in totals if not t.known] if known is not None else None
    test = sum(t.rows for t in totals if t.is_test) if known is not None and has_flag(catalog) else None
    nulls = [t.null_rows for t in tables if t.null_rows is not None]
    col = settings.tenant_column
    warnings = []
    if missing:
        warnings.append(f"{len(missing)} table(s) have no {col} column, so every tenant shares their rows: "
                        f"{', '.join(missing)}.")
    unmeasured = [t for t in tables if t.quality == "never-analyzed" or t.status in ("error", "timeout")]
    if tables and len(unmeasured) == len(tables):
        warnings.append("No tenant table could be measured (never analyzed, or counting failed), so per-tenant "
                        "figures are unknown: run ANALYZE on the tables, or use exact counts.")
    for t in tables:
        about = "" if t.quality == "exact" else "about "
        if t.null_rows:
            warnings.append(f"{t.table} has {about}{t.null_rows:,} row(s) with {col} NULL.")
    if orphans:
        about = "" if all(t.quality == "exact" for t in orphans) else "about "
        warnings.append(f"{about}{sum(t.rows for t in orphans):,} row(s) belong to {col} value(s) missing from "
                        f"the tenants table: {', '.join(t.tenant_id for t in orphans[:20])}.")
    return {"warnings": warnings, "tables_without_tenant_column": missing,
            "null_rows": sum(nulls) if nulls else None,
            "orphan_tenants": None if orphans is None else [t.tenant_id for t in orphans],
            "orphan_rows": None if orphans is None else sum(t.rows for t in orphans),
            "test_rows": test, "real_rows": None if test is None else sum(t.rows for t in totals) - test,
            "test_tenants": None if test is None else sum(1 for i in known.values() if i.is_test),
            "tenant_column": settings.tenant_column}


def estimate_drop(found: dict[str, Any], column: str | None) -> tuple[int | None, int | None]:
    """Estimate the rows (non-NULL in `column` if given) and tenants of a table from statistics."""
    size = found["reltuples"]
    if size is None or size < 0:
        return None, None
    rows = round(size * (1.0 - ((found["column_null_frac"] or 0.0) if column else 0.0)))
    nd = found["tenant_n_distinct"]
    tenants = None if nd is None else round(nd if nd > 0 else -nd * size)
    return rows, tenants


def join(*parts: str | None) -> str | None:
    """Join the non-empty notes."""
    text = "; ".join(p for p in parts if p)
    return text or None
