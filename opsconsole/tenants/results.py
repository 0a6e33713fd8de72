"""Result objects of `opsconsole.tenants`: immutable records with `to_dict()`.

None is a dataclass: `@dataclass` writes and compiles each class's methods when the class is defined,
~1 ms per class here, and every `python -m opsconsole counts` process defines them all. The small
ones are named tuples (as immutable, read by the same attributes, faster to build); `TableCount` and
`TenantCounts` are `Frozen` records with their `__init__` written out: frozen, compared and shown by
value like a frozen dataclass, copied with `replace()` (as `dataclasses.replace` did).
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import datetime
from functools import cached_property, partial
from itertools import repeat
from operator import itemgetter
from typing import Any, ClassVar, NamedTuple, TypeVar

R = TypeVar("R", bound="Frozen")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class TenantRows(NamedTuple):
    """Rows of one tenant in one table.

    An immutable named tuple rather than a dataclass: a wide database yields a million of these, and
    tuples of plain values cost the garbage collector nothing.
    """

    tenant_id: str
    rows: int
    quality: str  # exact | mcv | rough

    def to_dict(self) -> dict[str, Any]:
        """Return the figure as plain data."""
        return {"tenant_id": self.tenant_id, "rows": self.rows, "quality": self.quality}


_new_rows = partial(tuple.__new__, TenantRows)  # TenantRows from a 3-tuple, without a Python-level call


class Frozen:
    """An immutable record: its fields (the class's annotations, in order) are set once by `__init__`.

    Like a frozen dataclass: assigning or deleting an attribute raises FrozenInstanceError, two records
    of the same class are equal when their fields are, repr shows the fields; a record holding a dict
    is unhashable. `replace()` copies one with some fields changed. (Attributes that are not fields,
    such as a cached_property's value, live in the instance dict too and are never compared.)
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    __hash__ = None  # type: ignore[assignment]  # fields hold dicts

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("_"))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return [getattr(self, f) for f in self._fields] == [getattr(other, f) for f in self._fields]

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._fields)})"


def replace(record: R, **changes: Any) -> R:
    """A copy of `record` with some fields changed, built by its `__init__` (as `dataclasses.replace`)."""
    values = {f: getattr(record, f) for f in record._fields}
    values.update(changes)
    return type(record)(**values)


class TableCount(Frozen):
    """One tenant table: its rows by tenant, how they were obtained and how good they are."""

    schema: str
    name: str
    total: int | None  # rows counted (with a tenant filter: that tenant's rows)
    status: str  # estimated | exact | timeout (estimate shown) | error (estimate shown)
    quality: str  # exact | mcv | rough | never-analyzed
    cells: dict[str, int]  # rows by tenant id, as counted or read from statistics (never changed); see `tenants`
    table_rows: int | None  # rows in the whole table (exact when counted unfiltered, else estimated)
    null_rows: int | None
    distinct_tenants: int | None
    other_rows: int | None  # estimated rows of tenants outside the MCV list
    other_tenants: int | None  # estimated number of those tenants
    rows_per_other_tenant: float | None
    stats_refreshed_at: datetime | None
    changed_since_analyze: int | None
    statistics_target: int | None
    note: str | None
    elapsed_ms: float | None
    cell_quality: str  # quality of every cell: exact | mcv | rough

    def __init__(self, schema: str, name: str, total: int | None, status: str, quality: str, cells: dict[str, int],
                 table_rows: int | None, null_rows: int | None, distinct_tenants: int | None,
                 other_rows: int | None = None, other_tenants: int | None = None,
                 rows_per_other_tenant: float | None = None, stats_refreshed_at: datetime | None = None,
                 changed_since_analyze: int | None = None, statistics_target: int | None = None,
                 note: str | None = None, elapsed_ms: float | None = None, cell_quality: str = "mcv") -> None:
        self.__dict__.update(
            schema=schema, name=name, total=total, status=status, quality=quality, cells=cells,
            table_rows=table_rows, null_rows=null_rows, distinct_tenants=distinct_tenants, other_rows=other_rows,
            other_tenants=other_tenants, rows_per_other_tenant=rows_per_other_tenant,
            stats_refreshed_at=stats_refreshed_at, changed_since_analyze=changed_since_analyze,
            statistics_target=statistics_target, note=note, elapsed_ms=elapsed_ms, cell_quality=cell_quality)

    @property
    def table(self) -> str:
        """Return the schema-qualified name."""
        return f"{self.schema}.{self.name}"

    @cached_property
    def tenants(self) -> tuple[TenantRows, ...]:
        """Rows per tenant: counted ones largest first (ties by id), estimates in the statistics' order.

        Built on first use from `cells`: a wide database has a million of them, and most callers only
        want the totals, so counting never pays for objects nobody reads.
        """
        cells = self._ordered()
        return tuple(map(_new_rows, zip(map(itemgetter(0), cells), map(itemgetter(1), cells),
                                        repeat(self.cell_quality))))

    def _ordered(self) -> list[tuple[str, int]]:
        cells = list(self.cells.items())
        if self.cell_quality == "exact":
            cells.sort(key=itemgetter(0))
            cells.sort(key=itemgetter(1), reverse=True)  # stable: largest first, ties by id
        return cells

    def rows_for(self, tenant_id: str) -> int:
        """Return this table's figure for one tenant (a rough share when it is not listed)."""
        rows = self.cells.get(tenant_id)
        return round(self.rows_per_other_tenant or 0) if rows is None else rows

    def to_dict(self) -> dict[str, Any]:
        """Return the table's figures as plain data."""
        quality = self.cell_quality
        return {"table": self.table, "schema": self.schema, "name": self.name, "total": self.total,
                "status": self.status, "quality": self.quality,
                "tenants": [{"tenant_id": tid, "rows": rows, "quality": quality} for tid, rows in self._ordered()],
                "table_rows": self.table_rows,
                "null_rows": self.null_rows, "distinct_tenants": self.distinct_tenants,
                "other_rows": self.other_rows, "other_tenants": self.other_tenants,
                "rows_per_other_tenant": self.rows_per_other_tenant,
                "stats_refreshed_at": _iso(self.stats_refreshed_at),
                "changed_since_analyze": self.changed_since_analyze,
                "statistics_target": self.statistics_target, "note": self.note,
                "elapsed_ms": None if self.elapsed_ms is None else round(self.elapsed_ms, 1)}


class TenantTotal(NamedTuple):
    """One tenant's rows over all counted tables."""

    tenant_id: str
    name: str | None
    is_test: bool | None
    rows: int
    share: float | None  # of all rows in the counted tables
    quality: str  # exact | mcv | rough | unknown (estimated, but in no analysed table)
    known: bool  # has a row in the tenants table (False: an orphan id, or no tenants table)

    def to_dict(self) -> dict[str, Any]:
        """Return the total as plain data."""
        return {"tenant_id": self.tenant_id, "name": self.name, "is_test": self.is_test,
                "rows": self.rows, "share": self.share, "quality": self.quality, "known": self.known}


class TenantCounts(Frozen):
    """Rows per tenant and per table, from statistics (`estimated`) or from counting (`exact`)."""

    mode: str  # estimated | exact
    tables: tuple[TableCount, ...]
    tenants: tuple[TenantTotal, ...]
    isolation: dict[str, Any]
    stats_refreshed_at: datetime | None  # oldest refresh among tables shown from statistics
    total_rows: int | None
    unattributed_rows: int | None
    tenants_table: str | None
    table_filter: str | None
    tenant_filter: str | None
    never_analyzed: tuple[str, ...]
    notes: tuple[str, ...]
    elapsed_ms: float

    def __init__(self, mode: str, tables: tuple[TableCount, ...], tenants: tuple[TenantTotal, ...],
                 isolation: dict[str, Any], stats_refreshed_at: datetime | None, total_rows: int | None,
                 unattributed_rows: int | None, tenants_table: str | None, table_filter: str | None = None,
                 tenant_filter: str | None = None, never_analyzed: tuple[str, ...] = (), notes: tuple[str, ...] = (),
                 elapsed_ms: float = 0.0) -> None:
        self.__dict__.update(
            mode=mode, tables=tables, tenants=tenants, isolation=isolation, stats_refreshed_at=stats_refreshed_at,
            total_rows=total_rows, unattributed_rows=unattributed_rows, tenants_table=tenants_table,
            table_filter=table_filter, tenant_filter=tenant_filter, never_analyzed=never_analyzed, notes=notes,
            elapsed_ms=elapsed_ms)

    def to_dict(self, lazy: bool = False) -> dict[str, Any]:
        """Return the counts in the shape the CLI's --json prints.

        lazy=True: "tables" and "tenants" are iterators building each item's dict as it is read (the CLI
        streams a wide database's million cells instead of holding them all as dicts at once).
        """
        tables = (t.to_dict() for t in self.tables)
        tenants = (t.to_dict() for t in self.tenants)
        return {"mode": self.mode, "tables": tables if lazy else list(tables),
                "tenants": tenants if lazy else list(tenants), "isolation": dict(self.isolation),
                "stats_refreshed_at": _iso(self.stats_refreshed_at), "total_rows": self.total_rows,
                "unattributed_rows": self.unattributed_rows, "tenants_table": self.tenants_table,
                "filters": {"table": self.table_filter, "tenant": self.tenant_filter},
                "never_analyzed": list(self.never_analyzed), "notes": list(self.notes),
                "tenant_id_type": "string", "elapsed_ms": round(self.elapsed_ms, 1)}


class TableIsolation(NamedTuple):
    """Isolation figures of one tenant table; `None` where the check could not finish."""

    table: str
    rows: int | None
    null_rows: int | None
    orphan_rows: int | None
    orphan_tenants: tuple[str, ...] | None  # at most 20 ids, largest first
    orphan_tenant_count: int | None
    test_rows: int | None
    status: str  # ok | timeout | error
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as plain data."""
        return {"table": self.table, "rows": self.rows, "null_rows": self.null_rows,
                "orphan_rows": self.orphan_rows,
                "orphan_tenants": None if self.orphan_tenants is None else list(self.orphan_tenants),
                "orphan_tenant_count": self.orphan_tenant_count, "test_rows": self.test_rows,
                "status": self.status, "note": self.note}


class IsolationReport(NamedTuple):
    """Whether every row belongs to exactly one known tenant, in plain language."""

    tables_without_tenant_column: tuple[str, ...]
    global_tables: tuple[str, ...]  # allow-listed tables found without the column
    tenants_table: str | None
    tables: tuple[TableIsolation, ...]
    null_rows: int | None
    orphan_rows: int | None
    test_rows: int | None
    real_rows: int | None
    test_tenants: int | None
    warnings: list[str]
    notes: list[str]

    @property
    def ok(self) -> bool:
        """Whether no problem was found (see `complete` for whether every check finished)."""
        return not self.warnings

    @property
    def complete(self) -> bool:
        """Whether every table was scanned within the statement timeout."""
        return all(t.status == "ok" for t in self.tables)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data."""
        return {"ok": self.ok, "complete": self.complete, "warnings": list(self.warnings),
                "notes": list(self.notes),
                "tables_without_tenant_column": list(self.tables_without_tenant_column),
                "global_tables": list(self.global_tables), "tenants_table": self.tenants_table,
                "tables": [t.to_dict() for t in self.tables], "null_rows": self.null_rows,
                "orphan_rows": self.orphan_rows, "test_rows": self.test_rows,
                "real_rows": self.real_rows, "test_tenants": self.test_tenants}


class BlastRadius(NamedTuple):
    """Rows and tenants a DROP TABLE / DROP COLUMN would destroy."""

    table: str
    column: str | None
    exists: bool
    rows: int | None  # rows (with a column: rows where it is not NULL)
    tenants: int | None  # distinct tenants among them; None without a tenant column
    test_rows: int | None
    by_tenant: tuple[TenantRows, ...]  # the 10 largest
    status: str  # exact | estimated | missing
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the blast radius as plain data."""
        return {"table": self.table, "column": self.column, "exists": self.exists, "rows": self.rows,
                "tenants": self.tenants, "test_rows": self.test_rows,
                "by_tenant": [c.to_dict() for c in self.by_tenant], "status": self.status,
                "reason": self.reason}


