"""Benchmark per-tenant counts against the raw SQL a DBA would type.

Builds a throw-away database (20 tables, 10M rows over 200 tenants, Zipf-like skew by default),
runs ANALYZE, then prints — from one run, medians of several runs — the raw
`SELECT tenant_id, count(*) … GROUP BY tenant_id` per table through psycopg2, `counts(exact=True)`
and estimated mode (read afresh, and repeated while the statistics are unchanged: shared), as ratios to the raw SQL; the estimates' accuracy against the exact counts; and
peak Python memory (tracemalloc) of each mode. `--wide` builds 1,000 small tables over 10,000
tenants instead and measures estimated mode's time and memory there.

    python benchmarks/counts.py [--url URL] [--rows 10000000] [--tables 20] [--tenants 200] [--runs 5]
    python benchmarks/counts.py --wide [--tables 1000] [--tenants 10000] [--rows 2000000]

The server is --url, else OPSCONSOLE_TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
The benchmark database is dropped at the end unless --keep. Benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
import resource
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg2  # noqa: E402
from psycopg2 import sql  # noqa: E402

from opsconsole import db  # noqa: E402
from opsconsole.settings import load_settings, normalize_url  # noqa: E402
from opsconsole.tenants import TenantCounts, counts, shared  # noqa: E402

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _dsn(url: str, dbname: str | None = None) -> str:
    """Turn an SQLAlchemy-style URL into a libpq URL, optionally for another database."""
    url = normalize_url(url).replace("postgresql+psycopg2://", "postgresql://", 1)
    if dbname is None:
        return url
    head, _, tail = url.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{dbname}" + (f"?{tail}" if tail else "")


def build(conn: Any, tables: int, rows: int, tenants: int, target: int | None = None) -> list[str]:
    """Create the tenants table and `tables` tables holding `rows` rows in all, Zipf-skewed."""
    names = [f"bench_{i:04d}" for i in range(tables)]
    per_table = max(rows // tables, 1)
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL, is_test boolean NOT NULL)")
        # every tenth tenant is a test tenant
        cur.execute("INSERT INTO tenants SELECT g, 'tenant ' || g, g %% 10 = 0 FROM generate_series(1, %s) g",
                    (tenants,))
        for i, name in enumerate(names):
            ident = sql.Identifier(name)
            cur.execute(sql.SQL("CREATE TABLE {} (id bigint NOT NULL, tenant_id bigint NOT NULL, payload int) "
                                "WITH (autovacuum_enabled = false)").format(ident))
            # floor(N ** random()) is log-uniform on 1..N: P(k) ~ 1/k, a Zipf distribution with s = 1.
            # The offset rotates which tenants are heavy in each table.
            cur.execute(sql.SQL(
                "INSERT INTO {} SELECT g, (least(%(t)s, floor(power(%(t)s + 1, random()))::int) - 1 + %(off)s) "
                "%% %(t)s + 1, g %% 1000 FROM generate_series(1, %(n)s) g").format(ident),
                {"t": tenants, "off": (i * 37) % tenants, "n": per_table})
            cur.execute(sql.SQL("CREATE INDEX ON {} (tenant_id)").format(ident))
            if target is not None:  # the DBA's knob documented in opsconsole.tenants
                cur.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN tenant_id SET STATISTICS {}").format(
                    ident, sql.Literal(target)))
            if (i + 1) % max(tables // 10, 1) == 0:
                print(f"  built {i + 1}/{tables} tables", flush=True)
        cur.execute("VACUUM ANALYZE")
    return names


def cold(settings: Any) -> TenantCounts:
    """Estimated counts read afresh: the store of shared estimates is emptied first."""
    shared.estimates.forget()
    return counts(settings)


def raw_counts(conn: Any, names: list[str]) -> dict[str, dict[str, int]]:
    """What a DBA would type: one GROUP BY per table."""
    out = {}
    with conn.cursor() as cur:
        for name in names:
            cur.execute(sql.SQL("SELECT tenant_id, count(*) FROM {} GROUP BY tenant_id").format(sql.Identifier(name)))
            out[name] = {str(t): n for t, n in cur.fetchall()}
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def accuracy(estimated: TenantCounts, exact: TenantCounts) -> dict[str, Any]:
    """Relative errors of the estimates against the exact counts, per cell and per tenant total."""
    est_tables = {t.table: t for t in estimated.tables}
    errors: dict[str, list[float]] = {"mcv": [], "rough": []}
    false_rows = 0
    for t in exact.tables:
        e = est_tables[t.table]
        listed = {c.tenant_id for c in e.tenants}
        counted = {c.tenant_id: c.rows for c in t.tenants}
        for tid, n in counted.items():
            errors["mcv" if tid in listed else "rough"].append(abs(e.rows_for(tid) - n) / n)
        false_rows += sum(1 for c in e.tenants if c.tenant_id not in counted)
    est_totals = {t.tenant_id: t.rows for t in estimated.tenants}
    total_err = [abs(est_totals.get(t.tenant_id, 0) - t.rows) / t.rows for t in exact.tenants if t.rows]
    cells = errors["mcv"] + errors["rough"]

    def stats(values: list[float]) -> str:
        if not values:
            return "n/a"
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        return (f"median {statistics.median(values):.1%}, p90 {p90:.1%}, worst {max(values):.1%} "
                f"over {len(values):,}")

    return {"all cells": stats(cells), "mcv cells": stats(errors["mcv"]), "rough cells": stats(errors["rough"]),
            "tenant totals": stats(total_err), "listed tenants with no rows": false_rows,
            "table totals": stats([abs(est_tables[t.table].total - t.total) / t.total
                                   for t in exact.tables if t.total])}


def run(args: argparse.Namespace) -> None:
    server = args.url or os.environ.get("OPSCONSOLE_TEST_DATABASE_URL") or DEFAULT_URL
    dbname = f"oc_bench_{os.getpid()}"
    admin = psycopg2.connect(_dsn(server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    conn = None
    try:
        conn = psycopg2.connect(_dsn(server, dbname))
        conn.autocommit = True
        t0 = time.perf_counter()
        print(f"building {args.tables} tables, {args.rows:,} rows, {args.tenants:,} tenants in {dbname} …", flush=True)
        names = build(conn, args.tables, args.rows, args.tenants, args.stats_target)
        print(f"built and analyzed in {time.perf_counter() - t0:.1f} s", flush=True)
        with conn.cursor() as cur:
            cur.execute("SELECT version()")
            version = cur.fetchone()[0].split(" on ")[0]
        settings = load_settings(env={"DATABASE_URL": _dsn(server, dbname),
                                      "OPSCONSOLE_STATEMENT_TIMEOUT_MS": str(3_600_000)}, secrets={})
        modes: dict[str, Callable[[], Any]] = {"raw SQL (psycopg2)": lambda: raw_counts(conn, names),
                                               "counts(exact=True)": lambda: counts(settings, exact=True),
                                               "counts() estimated": lambda: cold(settings),
                                               "estimated, shared": lambda: counts(settings)}
        if args.wide and args.skip_exact_in_wide:
            modes = {m: modes[m] for m in ("counts() estimated", "estimated, shared")}
        for fn in modes.values():  # warm caches and the connection pool
            fn()
        times: dict[str, list[float]] = {m: [] for m in modes}
        for _ in range(args.runs):
            for mode, fn in modes.items():
                times[mode].append(timed(fn)[0])
        peaks = {mode: peak_mib(fn) for mode, fn in modes.items()}
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        target = args.stats_target or "default (100)"
        print(f"\nserver: {version}; {args.tables} tables, {args.rows:,} rows, {args.tenants:,} tenants; "
              f"statistics target {target}; median of {args.runs} runs")
        base = statistics.median(times["raw SQL (psycopg2)"]) if "raw SQL (psycopg2)" in times else None
        print(f"{'mode':24} {'median ms':>10} {'min ms':>9} {'max ms':>9} {'× raw':>7} {'peak MiB':>9}")
        for mode in modes:
            med = statistics.median(times[mode])
            ratio = f"{med / base:.3f}" if base else "-"
            print(f"{mode:24} {med:10.1f} {min(times[mode]):9.1f} {max(times[mode]):9.1f} {ratio:>7} "
                  f"{peaks[mode]:9.1f}")
        print(f"process max RSS: {rss:.0f} MiB")
        estimated = counts(settings)
        print(f"estimated mode: {len(estimated.tables)} tables, {len(estimated.tenants)} tenants, "
              f"{sum(len(t.tenants) for t in estimated.tables):,} MCV cells")
        if "counts(exact=True)" in modes:
            exact = counts(settings, exact=True)
            print("\nestimate accuracy (relative error against exact counts):")
            for key, value in accuracy(estimated, exact).items():
                print(f"  {key:28} {value}")
    finally:
        if conn is not None:
            conn.close()
        db.dispose_engines()
        if args.keep:
            print(f"kept database {dbname}")
        else:
            with admin.cursor() as cur:
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        admin.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="server URL (maintenance database); default OPSCONSOLE_TEST_DATABASE_URL")
    parser.add_argument("--rows", type=int, help="rows in all tables (default 10,000,000; --wide 2,000,000)")
    parser.add_argument("--tables", type=int, help="tables (default 20; --wide 1,000)")
    parser.add_argument("--tenants", type=int, help="tenants (default 200; --wide 10,000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per mode (median reported)")
    parser.add_argument("--wide", action="store_true", help="1,000 small tables × 10,000 tenants")
    parser.add_argument("--skip-exact-in-wide", action="store_true", help="with --wide, time estimated mode only")
    parser.add_argument("--stats-target", type=int, help="SET STATISTICS on every tenant column before ANALYZE")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args(argv)
    wide = args.wide
    args.rows = args.rows or (2_000_000 if wide else 10_000_000)
    args.tables = args.tables or (1000 if wide else 20)
    args.tenants = args.tenants or (10_000 if wide else 200)
    run(args)


if __name__ == "__main__":
    main()
