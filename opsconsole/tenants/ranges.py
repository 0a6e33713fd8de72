"""Likely ranges of estimated figures: ANALYZE's sampling error for listed tenants, a cap for rough ones.

Works on the plain data of `TenantCounts.to_dict()` (what the console keeps and draws), so a page
can range exact counts it kept as well as fresh estimates.
"""

from __future__ import annotations

import math
from typing import Any

SAMPLE_PER_TARGET = 300  # ANALYZE reads 300 × the statistics target rows
Z95 = 1.96  # a 95 % range is ± 1.96 standard errors

Cell = tuple[float | None, float, float, str]  # (rows, low, high, quality); rows None while unknown


def by_tenant(tables: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, int]]]:
    """Each table's figures with its rows by tenant id, built once so `cell` looks tenants up directly."""
    return [(t, {c["tenant_id"]: c["rows"] for c in t["tenants"]}) for t in tables]


def sampling_spread(rows: float, size: float, statistics_target: int | None) -> float:
    """Standard error, in rows, of a tenant's ANALYZE figure: a sample of 300 × target rows, drawn without replacement."""
    sample = min(SAMPLE_PER_TARGET * (statistics_target or 100), size)
    if not sample:
        return 0.0
    share = rows / size if size else 0.0
    return size * math.sqrt(share * (1 - share) / sample * max(size - sample, 0) / max(size - 1, 1))


def cell(table: dict[str, Any], by_id: dict[str, int], tid: str) -> Cell:
    """One tenant's figure in one table with its likely range: (rows, low, high, quality)."""
    if table["quality"] == "never-analyzed":
        return None, 0.0, 0.0, "never-analyzed"
    rows = by_id.get(tid)
    if table["quality"] == "exact":
        return float(rows or 0), float(rows or 0), float(rows or 0), "exact"
    if rows is not None:  # in the table's most-common list: ANALYZE's sampling error, 95 % range
        spread = sampling_spread(rows, table["table_rows"] or 0, table["statistics_target"])
        return float(rows), max(rows - Z95 * spread, 0.0), rows + Z95 * spread, "mcv"
    per = table.get("rows_per_other_tenant") or 0.0
    if not per:
        return 0.0, 0.0, 0.0, "mcv"
    # Outside the list: at most as common as its least common listed tenant (never more than the rest).
    cap = min([*by_id.values(), table.get("other_rows") or per]) if by_id else (table.get("other_rows") or per)
    return per, 0.0, max(cap, per), "rough"


def likely(tenant: dict[str, Any], tables: list[tuple[dict[str, Any], dict[str, int]]]) -> dict[str, float]:
    """A tenant's likely range over the measured tables: sampling errors add up in quadrature, rough caps add."""
    low = high = variance = 0.0
    for table, by_id in tables:
        rows, lo, hi, quality = cell(table, by_id, tenant["tenant_id"])
        if rows is None:
            continue
        if quality == "mcv":
            variance += ((hi - rows) / Z95) ** 2
            lo = hi = rows
        low, high = low + lo, high + hi
    spread = Z95 * math.sqrt(variance)
    return {"low": min(max(low - spread, 0.0), tenant["rows"]), "high": max(high + spread, tenant["rows"])}
