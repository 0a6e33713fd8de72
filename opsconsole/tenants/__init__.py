"""Per-tenant row counts — estimated from statistics or exact — and tenant-isolation checks.

Tenant tables are found in the live catalog: every table of ``settings.schemas`` that has the
column ``settings.tenant_column``. The models are never consulted. Tenant ids are always reported
as **strings** (the column's ``::text`` form), so integer and uuid tenant columns look alike in JSON
and the ``tenant`` filter compares ``tenant_id::text = :tenant`` as a bound parameter.

Estimated mode (the default) reads PostgreSQL's statistics in one catalog query, so its cost
depends on the number of tables, never on the number of rows:

- a table's size is ``pg_class.reltuples``; the split by tenant comes from ``pg_stats`` for the
  tenant column: ``most_common_vals``/``most_common_freqs`` (the MCV list), ``null_frac`` and
  ``n_distinct``; the figures are as fresh as ``pg_stat_user_tables.last_analyze`` /
  ``last_autoanalyze`` (reported as ``stats_refreshed_at``).
- ``quality: "mcv"`` — the tenant is in the table's MCV list. ANALYZE samples 300 × statistics
  target rows (30,000 with the default target 100), so these figures carry sampling error, small
  for big tenants; on tables smaller than the sample they are exact as of the last ANALYZE.
- ``quality: "rough"`` — the tenant is outside the MCV list. The MCV list holds at most the
  statistics target's number of values (the 100 most common tenants of a table by default); the
  rows left over are spread evenly over the remaining distinct values, as the planner does (or
  over the remaining known tenants when there are more of them, so a table's figures still add
  up to its size). Small tenants of a skewed table can be off by a large factor.
- ``quality: "never-analyzed"`` — the table has no statistics yet: its size is ``reltuples``
  (``None`` while it is -1, "unknown") and its rows are not split by tenant.

How to tighten the estimates (a DBA's decision; opsconsole never changes statistics itself)::

    ALTER TABLE t ALTER COLUMN tenant_id SET STATISTICS 1000;  -- up to 1,000 tenants in the MCV list
    ANALYZE t;                                                  -- samples 300,000 rows instead of 30,000

With at least as many MCV slots as the table has tenants every tenant gets an "mcv" figure.
Raising the target makes ANALYZE and planning of that column a little slower.

Exact mode runs ``SELECT tenant_id, count(*) … GROUP BY tenant_id`` once per table in a READ ONLY
transaction under the statement timeout, each inside a SAVEPOINT: a table that times out is
reported with ``status: "timeout"`` and its estimate instead of failing the whole result. A table's
``cells`` hold the counts as read; its ``tenants`` (sorted ``TenantRows``) are built only when read.

Estimates are shared by every call and session of the process while the statistics they come from
stand still: each call first reads a digest of the catalog and the tenants table's row versions (one
cheap query and a small scan) and, when it matches, returns the previous (frozen) result instead of
reading the MCV lists again. Exact counts are never shared.

Modules: ``api`` (counts, isolation, blast_radius), ``sql`` (the catalog query and the counts, on a
bare psycopg2 connection), ``estimates`` (statistics into figures, totals), ``results`` (the frozen
result types with ``to_dict()``), ``shared`` (estimates shared while their signature holds),
``ranges`` (the likely range of an estimated figure), ``refresh`` (ANALYZE from the console).
"""

from __future__ import annotations

from opsconsole.tenants.api import blast_radius, counts, isolation
from opsconsole.tenants.results import (BlastRadius, IsolationReport, TableCount, TableIsolation, TenantCounts,
                                        TenantRows, TenantTotal)

__all__ = ["BlastRadius", "IsolationReport", "TableCount", "TableIsolation", "TenantCounts",
           "TenantRows", "TenantTotal", "blast_radius", "counts", "isolation"]
