"""Per-tenant counts, isolation checks and blast radius against a real PostgreSQL database."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from opsconsole import db
from opsconsole.errors import OpsConsoleError
from opsconsole.tenants import (BlastRadius, IsolationReport, TenantCounts, blast_radius, counts, isolation)

ROOT = Path(__file__).resolve().parents[1]

INJECTIONS = ["1; DROP TABLE users; --", "' OR '1'='1", "1' OR tenant_id IS NOT NULL --", "1)::text; DELETE FROM users; --"]

# users: tenant 1 × 50, tenant 2 × 30, tenant 3 (test) × 20, NULL × 4, orphan 99 × 3 → 107 rows
# projects: tenant 1 × 7, tenant 3 × 5 → 12 rows; plans and audit_notes have no tenant column
SEED = """
CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL, is_test boolean NOT NULL DEFAULT false);
INSERT INTO tenants VALUES (1, 'Acme', false), (2, 'Globex', false), (3, 'QA sandbox', true), (4, 'Empty', false);
CREATE TABLE users (id serial PRIMARY KEY, tenant_id bigint, email text);
INSERT INTO users (tenant_id, email) SELECT 1, 'a' || g FROM generate_series(1, 50) g;
INSERT INTO users (tenant_id, email) SELECT 2, 'b' || g FROM generate_series(1, 30) g;
INSERT INTO users (tenant_id, email) SELECT 3, NULL FROM generate_series(1, 20) g;
INSERT INTO users (tenant_id, email) SELECT NULL, 'n' || g FROM generate_series(1, 4) g;
INSERT INTO users (tenant_id, email) SELECT 99, 'o' || g FROM generate_series(1, 3) g;
CREATE TABLE projects (id serial PRIMARY KEY, tenant_id bigint NOT NULL, name text);
INSERT INTO projects (tenant_id, name) SELECT 1, 'p' FROM generate_series(1, 7);
INSERT INTO projects (tenant_id, name) SELECT 3, 'p' FROM generate_series(1, 5);
CREATE TABLE plans (code text PRIMARY KEY);
CREATE TABLE audit_notes (id serial PRIMARY KEY, body text);
"""


@pytest.fixture
def run_sql(db_url: str) -> Iterator[Callable[[str], None]]:
    """Execute SQL in the test database in autocommit mode (so ANALYZE results are kept)."""
    engine = sa.create_engine(db_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def run(statements: str) -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql(statements)

    yield run
    engine.dispose()


@pytest.fixture
def seeded(run_sql, settings):
    """The SEED schema and rows, analyzed."""
    run_sql(SEED)
    run_sql("ANALYZE")
    return settings


@contextmanager
def locked(db_url: str, table: str) -> Iterator[None]:
    """Hold an ACCESS EXCLUSIVE lock on `table` from another connection until the block ends."""
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
        try:
            yield
        finally:
            conn.rollback()
    engine.dispose()


def scalar(db_url: str, query: str):
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        value = conn.exec_driver_sql(query).scalar()
    engine.dispose()
    return value


def table(result: TenantCounts, name: str):
    return next(t for t in result.tables if t.name == name)


def cells(t) -> dict[str, int]:
    return {c.tenant_id: c.rows for c in t.tenants}


# --- exact mode ------------------------------------------------------------------------------

def test_exact_counts_equal_a_hand_count(seeded):
    result = counts(seeded, exact=True)

    assert result.mode == "exact"
    assert [t.table for t in result.tables] == ["public.projects", "public.users"]  # found in the catalog
    users, projects = table(result, "users"), table(result, "projects")
    assert (users.status, users.quality, users.total, users.null_rows) == ("exact", "exact", 107, 4)
    assert cells(users) == {"1": 50, "2": 30, "3": 20, "99": 3}
    assert cells(projects) == {"1": 7, "3": 5}
    assert projects.distinct_tenants == 2
    totals = {t.tenant_id: t for t in result.tenants}
    assert {k: v.rows for k, v in totals.items()} == {"1": 57, "2": 30, "3": 25, "99": 3, "4": 0}
    assert (totals["3"].name, totals["3"].is_test, totals["3"].known) == ("QA sandbox", True, True)
    assert (totals["99"].name, totals["99"].known) == (None, False)
    assert result.total_rows == 119
    assert totals["1"].share == pytest.approx(57 / 119, abs=1e-6)
    assert result.unattributed_rows == 0  # 115 tenant rows + 4 NULL rows
    assert result.stats_refreshed_at is None  # nothing shown from statistics
    iso = result.isolation
    assert (iso["null_rows"], iso["orphan_tenants"], iso["orphan_rows"]) == (4, ["99"], 3)
    assert (iso["test_rows"], iso["test_tenants"]) == (25, 1)
    assert iso["tables_without_tenant_column"] == ["public.audit_notes", "public.plans"]
    assert any("NULL" in w for w in iso["warnings"])


def test_progress_is_called_once_per_table(seeded):
    calls: list[tuple[str, int, int]] = []
    counts(seeded, exact=True, progress=lambda name, done, total: calls.append((name, done, total)))
    assert calls == [("public.projects", 1, 2), ("public.users", 2, 2)]


def test_an_error_in_progress_stops_the_counting_thread(seeded):
    """Counting runs on a helper thread; a callback that raises ends it and the error reaches the caller."""
    import threading

    class Stop(Exception):
        pass

    def stop(name: str, done: int, total: int) -> None:
        raise Stop(name)

    before = threading.active_count()
    with pytest.raises(Stop, match="public.projects"):
        counts(seeded, exact=True, progress=stop)
    assert threading.active_count() == before  # the helper is gone
    assert table(counts(seeded, exact=True), "users").total == 107  # and nothing is left half-done


def test_to_dict_has_the_agreed_shape_and_is_json(seeded):
    for exact in (False, True):
        data = json.loads(json.dumps(counts(seeded, exact=exact).to_dict()))
        assert data["mode"] == ("exact" if exact else "estimated")
        assert {"table", "total", "status", "tenants"} <= set(data["tables"][0])
        assert {"tenant_id", "rows"} <= set(data["tables"][0]["tenants"][0])
        assert {"tenant_id", "name", "is_test", "rows", "share"} <= set(data["tenants"][0])
        assert {"isolation", "stats_refreshed_at"} <= set(data)
        assert all(isinstance(t["tenant_id"], str) for t in data["tenants"])  # ids are always strings


def test_quoted_identifiers_and_uuid_tenant_column(run_sql, settings):
    run_sql('CREATE TABLE "Odd ""Name""; x" (tenant_id uuid);'
            "INSERT INTO \"Odd \"\"Name\"\"; x\" SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' FROM generate_series(1, 4);"
            "INSERT INTO \"Odd \"\"Name\"\"; x\" SELECT 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' FROM generate_series(1, 2);")
    result = counts(settings, exact=True)
    assert cells(table(result, 'Odd "Name"; x')) == {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11": 4,
                                                     "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12": 2}
    only = counts(settings, exact=True, tenant="b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12")
    assert [t.rows for t in only.tenants] == [2]
    assert "no tenants table" in " ".join(result.notes)  # names and is_test unavailable, said so
    assert result.tenants[0].name is None and result.isolation["orphan_rows"] is None


def test_exact_counts_of_awkward_text_ids_match_a_group_by(run_sql, db_url, settings):
    """Ids travel as a text array: commas, quotes, braces, spaces, 'NULL', '' and real NULLs come back as they are."""
    awkward = ["a,b", 'q"x', "{br}", "with space", "NULL", "", "back\\slash", "é", "plain"]
    run_sql("CREATE TABLE docs (tenant_id text);"
            + "".join(f"INSERT INTO docs SELECT $q${v}$q$ FROM generate_series(1, {i + 1});" for i, v in enumerate(awkward))
            + "INSERT INTO docs SELECT NULL FROM generate_series(1, 4);"
            + "CREATE TABLE plain_ids (tenant_id text); INSERT INTO plain_ids VALUES ('x'), ('x'), ('y');"
            + "ANALYZE;")
    result = counts(settings, exact=True)
    docs = table(result, "docs")
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        expected = dict(conn.exec_driver_sql("SELECT tenant_id, count(*) FROM docs WHERE tenant_id IS NOT NULL "
                                             "GROUP BY 1").all())
    engine.dispose()
    assert cells(docs) == expected and len(expected) == len(awkward)
    assert (docs.null_rows, docs.total) == (4, sum(range(1, len(awkward) + 1)) + 4)
    assert cells(table(result, "plain_ids")) == {"x": 2, "y": 1}  # counted in the same statement


def test_small_tables_share_a_statement_and_big_or_unknown_ones_count_alone():
    from opsconsole.tenants import sql as tsql

    def rel(name: str, size: float | None):
        return tsql.Relation("public", name, "r", True, "bigint", size, None, None, (), (), False, None, None, 100)

    rels = [rel("a", 10), rel("b", 20), rel("never", -1), rel("c", 5), rel("big", tsql.BATCH_ROWS + 1),
            rel("d", tsql.BATCH_ROWS - 10), rel("e", 20)]
    groups = [[r.name for r in batch] for batch in tsql.batches(rels)]
    assert groups == [["a", "b"], ["never"], ["c"], ["big"], ["d"], ["e"]]  # c + d would pass BATCH_ROWS
    many = [rel(f"t{i}", 1) for i in range(tsql.BATCH_TABLES + 1)]
    assert [len(b) for b in tsql.batches(many)] == [tsql.BATCH_TABLES, 1]
    assert [r for b in tsql.batches(rels) for r in b] == rels  # every table once, in order


def test_partitioned_table_is_counted_once_through_its_parent(run_sql, settings):
    run_sql("CREATE TABLE events (tenant_id int NOT NULL, n int) PARTITION BY LIST (tenant_id);"
            "CREATE TABLE events_a PARTITION OF events FOR VALUES IN (1, 2);"
            "CREATE TABLE events_b PARTITION OF events FOR VALUES IN (3);"
            "INSERT INTO events SELECT 1 + mod(g, 3), g FROM generate_series(1, 300) g; ANALYZE events;")
    exact = counts(settings, exact=True)
    assert [t.table for t in exact.tables] == ["public.events"]
    assert cells(exact.tables[0]) == {"1": 100, "2": 100, "3": 100}
    estimated = counts(settings).tables[0]
    assert estimated.total == 300 and estimated.quality == "mcv"
    assert all(abs(n - 100) <= 1 for n in cells(estimated).values())


# --- estimated mode --------------------------------------------------------------------------

def test_estimates_are_close_after_analyze(run_sql, settings):
    """Bounds: a table smaller than ANALYZE's 30,000-row sample is read whole, so its MCV figures are
    exact to ±1 (frequencies are float4); a 60,000-row table is sampled, and every tenant holding at
    least 5% of it is within 15% (about 6 standard errors of the sample)."""
    weights = {1: 40, 2: 25, 3: 20, 4: 10, 5: 5}  # percent
    run_sql("CREATE TABLE tenants (id int PRIMARY KEY, name text);"
            "INSERT INTO tenants SELECT g, 't' || g FROM generate_series(1, 5) g;"
            "CREATE TABLE small (tenant_id int); CREATE TABLE big (tenant_id int);")
    for name, size in (("small", 20_000), ("big", 60_000)):
        for tid, pct in weights.items():
            run_sql(f"INSERT INTO {name} SELECT {tid} FROM generate_series(1, {size * pct // 100})")
    run_sql("ANALYZE")

    started = time.perf_counter()
    result = counts(settings)
    assert time.perf_counter() - started < 2  # catalog only; generous for slow CI
    assert result.mode == "estimated" and result.stats_refreshed_at is not None
    small, big = table(result, "small"), table(result, "big")
    assert small.status == big.status == "estimated"
    assert small.quality == big.quality == "mcv"  # 5 tenants < statistics target 100
    assert all(c.quality == "mcv" for c in small.tenants + big.tenants)
    assert small.total == 20_000
    for tid, pct in weights.items():
        assert abs(cells(small)[str(tid)] - 200 * pct) <= 1
        want = 600 * pct
        assert abs(cells(big)[str(tid)] - want) <= 0.15 * want, (tid, cells(big))
    totals = {t.tenant_id: t.rows for t in result.tenants}
    for tid, pct in weights.items():
        assert abs(totals[str(tid)] - 800 * pct) <= 0.15 * 800 * pct
    assert all(t.quality == "mcv" for t in result.tenants)


def test_tenants_outside_the_mcv_list_are_rough_until_the_target_is_raised(run_sql, settings):
    # 30 tenants with different sizes, but a statistics target of 10: at most 10 are in the MCV list
    run_sql("CREATE TABLE tenants (id int PRIMARY KEY);"
            "INSERT INTO tenants SELECT g FROM generate_series(1, 30) g;"
            "CREATE TABLE docs (tenant_id int);"
            "INSERT INTO docs SELECT t FROM generate_series(1, 30) t, generate_series(1, t * 10);"
            "ALTER TABLE docs ALTER COLUMN tenant_id SET STATISTICS 10; ANALYZE docs;")
    docs = counts(settings).tables[0]
    assert docs.quality == "rough" and docs.statistics_target == 10
    assert 0 < len(docs.tenants) <= 10
    assert docs.other_tenants == 30 - len(docs.tenants) and docs.other_rows > 0
    listed = cells(docs)
    tail = next(str(t) for t in range(1, 31) if str(t) not in listed)
    assert docs.rows_for(tail) == round(docs.rows_per_other_tenant)
    only = counts(settings, tenant=tail).tables[0]
    assert [(c.tenant_id, c.quality) for c in only.tenants] == [(tail, "rough")]
    assert {t.tenant_id: t.quality for t in counts(settings).tenants}[tail] == "rough"

    run_sql("ALTER TABLE docs ALTER COLUMN tenant_id SET STATISTICS 100; ANALYZE docs;")  # the DBA's fix
    docs = counts(settings).tables[0]
    assert docs.quality == "mcv" and len(docs.tenants) == 30
    assert cells(docs) == {str(t): t * 10 for t in range(1, 31)}  # 4,650 rows: read whole, exact


def test_never_analyzed_table_says_so(run_sql, settings):
    run_sql("CREATE TABLE fresh (tenant_id int) WITH (autovacuum_enabled = false);"
            "INSERT INTO fresh SELECT 1 FROM generate_series(1, 100);")
    result = counts(settings)
    fresh = table(result, "fresh")
    assert (fresh.quality, fresh.total, fresh.tenants) == ("never-analyzed", None, ())
    assert "ANALYZE" in fresh.note and result.never_analyzed == ("public.fresh",)
    assert cells(table(counts(settings, exact=True), "fresh")) == {"1": 100}
    data = result.to_dict()
    assert [t["quality"] for t in data["tenants"]] == ["unknown"] * len(data["tenants"])
    assert any("could be measured" in w for w in data["isolation"]["warnings"])


def test_table_names_with_percent_signs_are_counted_exactly(run_sql, settings):
    run_sql('CREATE TABLE "50%%" (tenant_id int); INSERT INTO "50%%" VALUES (1), (1), (2);'  # %% for the driver
            'CREATE TABLE "we%%sird" (tenant_id int); INSERT INTO "we%%sird" VALUES (3);')
    result = counts(settings, exact=True)
    assert cells(table(result, "50%")) == {"1": 2, "2": 1} and table(result, "50%").status == "exact"
    assert cells(table(result, "we%sird")) == {"3": 1}
    assert blast_radius(settings, "public.50%").to_dict()["status"] == "exact"


# --- timeouts --------------------------------------------------------------------------------

@pytest.mark.parametrize("env, kind", [
    ({"OPSCONSOLE_STATEMENT_TIMEOUT_MS": "300", "OPSCONSOLE_LOCK_TIMEOUT_MS": "60000"}, "statement timeout"),
    ({"OPSCONSOLE_STATEMENT_TIMEOUT_MS": "60000", "OPSCONSOLE_LOCK_TIMEOUT_MS": "300"}, "lock timeout"),
])
def test_a_table_that_times_out_is_reported_with_its_estimate(run_sql, make_settings, db_url, env, kind):
    run_sql(SEED)
    run_sql("ANALYZE")
    settings = make_settings(**env)
    with locked(db_url, "users"):
        result = counts(settings, exact=True)
    users, projects = table(result, "users"), table(result, "projects")
    assert users.status == "timeout" and kind in users.note
    assert users.quality in ("mcv", "rough") and users.total == 107  # the estimate (small table: read whole)
    assert cells(users)["1"] == 50
    assert (projects.status, cells(projects)) == ("exact", {"1": 7, "3": 5})
    assert result.stats_refreshed_at is not None  # some figures come from statistics


def test_isolation_degrades_on_timeout(run_sql, make_settings, db_url):
    run_sql(SEED)
    settings = make_settings(OPSCONSOLE_STATEMENT_TIMEOUT_MS="300", OPSCONSOLE_LOCK_TIMEOUT_MS="60000")
    with locked(db_url, "users"):
        report = isolation(settings)
    users = next(t for t in report.tables if t.table == "public.users")
    assert (users.status, users.null_rows, users.orphan_rows) == ("timeout", None, None)
    assert not report.complete and any("public.users" in n and "unknown" in n for n in report.notes)
    projects = next(t for t in report.tables if t.table == "public.projects")
    assert (projects.status, projects.rows, projects.test_rows) == ("ok", 12, 5)


# --- isolation -------------------------------------------------------------------------------

def test_isolation_finds_missing_columns_nulls_orphans_and_test_rows(run_sql, make_settings):
    run_sql(SEED)
    report = isolation(make_settings(OPSCONSOLE_GLOBAL_TABLES="plans"))
    assert isinstance(report, IsolationReport) and not report.ok and report.complete
    assert report.tables_without_tenant_column == ("public.audit_notes",)  # plans allow-listed, tenants excluded
    assert report.global_tables == ("public.plans",)
    users = next(t for t in report.tables if t.table == "public.users")
    assert (users.rows, users.null_rows, users.orphan_rows, users.orphan_tenants) == (107, 4, 3, ("99",))
    assert (report.null_rows, report.orphan_rows, report.test_rows, report.test_tenants) == (4, 3, 25, 1)
    assert report.real_rows == 119 - 25 - 4
    text = " ".join(report.warnings)
    assert "public.audit_notes" in text and "public.plans" not in text
    assert "4 row(s) with tenant_id NULL" in text and "99" in text
    assert any("25 of 119" in n for n in report.notes)
    assert report.to_dict()["ok"] is False and json.dumps(report.to_dict())


def test_isolation_of_the_shipped_schema_with_clean_data_is_ok(make_settings, db_url, run_sql):
    from opsconsole.alembic_env import upgrade

    settings = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(settings, by="fixture")
    run_sql("INSERT INTO plans VALUES ('free', 'Free', 3);"
            "INSERT INTO tenants (id, name, plan_code, is_test) VALUES (1, 'Acme', 'free', false), (2, 'QA', 'free', true);"
            "INSERT INTO users (tenant_id, email) VALUES (1, 'a@x'), (1, 'b@x'), (2, 'qa@x');")
    report = isolation(settings)
    assert report.ok and report.warnings == [] and report.complete
    assert report.tables_without_tenant_column == ()  # alembic_version is never reported
    assert {t.table for t in report.tables} == {"public.users", "public.projects", "public.documents", "public.events"}
    assert (report.test_rows, report.real_rows) == (1, 2)
    unlisted = isolation(make_settings())  # without the allow-list, plans is flagged
    assert unlisted.tables_without_tenant_column == ("public.plans",) and not unlisted.ok


def test_isolation_on_the_callers_connection(seeded):
    with db.read_only(seeded) as conn:
        report = isolation(seeded, conn=conn)
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1  # still usable afterwards
    assert report.null_rows == 4


def test_tenants_table_without_name_or_flag(run_sql, settings):
    run_sql("CREATE TABLE tenants (id int PRIMARY KEY); INSERT INTO tenants VALUES (1);"
            "CREATE TABLE things (tenant_id int); INSERT INTO things VALUES (1), (1), (2);")
    result = counts(settings, exact=True)
    assert [(t.tenant_id, t.name, t.is_test, t.known) for t in result.tenants] == [
        ("1", None, None, True), ("2", None, None, False)]
    assert result.isolation["orphan_tenants"] == ["2"] and result.isolation["test_rows"] is None
    report = isolation(settings)
    assert report.test_rows is None and report.orphan_rows == 1


# --- filters ---------------------------------------------------------------------------------

@pytest.mark.parametrize("exact", [False, True])
def test_tenant_filter(seeded, exact):
    result = counts(seeded, exact=exact, tenant="2")
    assert [t.tenant_id for t in result.tenants] == ["2"] and result.tenants[0].rows == 30
    assert cells(table(result, "users")) == {"2": 30} and table(result, "users").total == 30
    assert result.tenant_filter == "2"


@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("attack", INJECTIONS)
def test_injection_as_tenant_id_returns_nothing_and_changes_nothing(seeded, db_url, exact, attack):
    result = counts(seeded, exact=exact, tenant=attack)
    assert result.tenants == ()
    assert all(t.tenants == () and t.total in (0, None) for t in result.tables)
    assert scalar(db_url, "SELECT count(*) FROM users") == 107
    assert scalar(db_url, "SELECT count(*) FROM projects") == 12


def test_table_filter(seeded, db_url):
    for name in ("users", "public.users"):
        result = counts(seeded, exact=True, table=name)
        assert [t.table for t in result.tables] == ["public.users"] and result.table_filter == name
        assert {t.tenant_id: t.rows for t in result.tenants}["1"] == 50
    with pytest.raises(OpsConsoleError, match="no table nope"):
        counts(seeded, table="nope")
    with pytest.raises(OpsConsoleError, match="has no tenant_id column"):
        counts(seeded, table="plans")
    with pytest.raises(OpsConsoleError, match="no table"):
        counts(seeded, table="users; DROP TABLE users")
    assert scalar(db_url, "SELECT count(*) FROM users") == 107


def test_other_tenant_column_and_schema(run_sql, make_settings):
    run_sql("CREATE SCHEMA app; CREATE TABLE app.orders (org_id int); INSERT INTO app.orders VALUES (7), (7), (8);"
            "CREATE TABLE public.orders (org_id int); INSERT INTO public.orders VALUES (1);")
    result = counts(make_settings(OPSCONSOLE_TENANT_COLUMN="org_id", OPSCONSOLE_SCHEMAS="app"), exact=True)
    assert [(t.table, cells(t)) for t in result.tables] == [("app.orders", {"7": 2, "8": 1})]


# --- blast radius ----------------------------------------------------------------------------

def test_blast_radius_of_a_table_and_a_column(seeded):
    radius = blast_radius(seeded, "users")
    assert isinstance(radius, BlastRadius)
    assert (radius.exists, radius.status, radius.rows, radius.tenants, radius.test_rows) == (True, "exact", 107, 4, 20)
    assert radius.by_tenant[0].tenant_id == "1" and radius.by_tenant[0].rows == 50
    column = blast_radius(seeded, "public.users", "email")  # tenant 3's 20 rows have email NULL
    assert (column.rows, column.tenants, column.test_rows) == (87, 3, 0)
    global_table = blast_radius(seeded, "audit_notes")
    assert (global_table.rows, global_table.tenants) == (0, None) and "shared by every tenant" in global_table.reason


def test_blast_radius_of_something_missing(seeded):
    gone = blast_radius(seeded, "nope")
    assert (gone.exists, gone.rows, gone.tenants, gone.status) == (False, None, None, "missing")
    assert "does not exist" in gone.reason
    col = blast_radius(seeded, "users", "nope")
    assert (col.exists, col.rows, col.status) == (True, None, "missing") and "column nope" in col.reason
    assert blast_radius(seeded, "other_schema.users").exists is False


def test_blast_radius_falls_back_to_the_estimate_on_timeout(run_sql, make_settings, db_url):
    run_sql(SEED)
    run_sql("ANALYZE")
    settings = make_settings(OPSCONSOLE_STATEMENT_TIMEOUT_MS="300", OPSCONSOLE_LOCK_TIMEOUT_MS="60000")
    with locked(db_url, "users"):
        radius = blast_radius(settings, "users")
        column = blast_radius(settings, "users", "email")
    assert (radius.status, radius.rows, radius.tenants) == ("estimated", 107, 4)
    assert "statement timeout" in radius.reason
    assert column.status == "estimated" and column.rows == 87  # reltuples × (1 − null_frac of email)


def test_blast_radius_on_the_callers_connection(seeded):
    with db.read_only(seeded) as conn:
        assert blast_radius(seeded, "projects", conn=conn).to_dict()["rows"] == 12
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1


# --- statistics read as text ------------------------------------------------------------------

AWKWARD_IDS = ["plain", "a,b", "with space", 'q"x', "back\\slash", "", "NULL", "{brace}", "é-ü", "x" * 70]


def test_mcv_lists_are_read_exactly_as_postgresql_holds_them(run_sql, db_url, settings):
    """Ids that force quoting in the array's text form come out as psycopg2's own array parser reads them."""
    values = ", ".join(f"('{tid.replace(chr(39), chr(39) * 2)}')" for tid in AWKWARD_IDS)
    run_sql("CREATE TABLE docs (tenant_id text); CREATE TABLE plain (tenant_id bigint); "
            f"INSERT INTO docs SELECT v FROM (VALUES {values}) AS t(v), generate_series(1, 5); "
            "INSERT INTO plain SELECT g %% 7 FROM generate_series(1, 70) g; ANALYZE docs; ANALYZE plain")
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        held = dict(conn.exec_driver_sql(
            "SELECT tablename::text, most_common_vals::text::text[] FROM pg_stats WHERE attname = 'tenant_id'"
            " AND tablename IN ('docs', 'plain')").all())
    engine.dispose()
    result = counts(settings)
    assert sorted(table(result, "docs").cells) == sorted(held["docs"]) == sorted(AWKWARD_IDS)
    assert list(table(result, "plain").cells) == held["plain"]  # statistics' order kept
    assert sum(table(result, "docs").cells.values()) == 50


def test_text_array_parser_agrees_with_psycopg2():
    from psycopg2.extensions import STRINGARRAY

    from opsconsole.tenants.sql import _float_array, _text_array

    for text in ["{}", "{1}", "{1,22,333}", '{"a,b","with space","q\\"x",plain}', '{"",NULL_ish}', "{é,ü}"]:
        assert list(_text_array(text)) == STRINGARRAY(text, None)
    assert _text_array(None) == () and _float_array(None) == () and _float_array("{}") == ()
    assert _float_array("{0.0123,1e-05,0.5}") == (0.0123, 1e-05, 0.5)


def test_estimated_figures_do_not_depend_on_the_accumulation(run_sql, settings):
    """Per-tenant totals equal a plain re-computation from the tables' own cells and rough shares."""
    run_sql(SEED + """
        CREATE TABLE events (tenant_id bigint);
        INSERT INTO events SELECT 1 + (g %% 3) FROM generate_series(1, 300) g;
        INSERT INTO events SELECT 4 FROM generate_series(1, 2) g;
        ALTER TABLE events ALTER COLUMN tenant_id SET STATISTICS 1;
        ANALYZE""")
    result = counts(settings)
    known = {"1", "2", "3", "4"}
    expected: dict[str, float] = {}
    for t in result.tables:
        for tid in known | set(t.cells):
            share = t.cells.get(tid)
            if share is None and tid in known:
                share = t.rows_per_other_tenant or 0
            expected[tid] = expected.get(tid, 0) + (share or 0)
    got = {t.tenant_id: t.rows for t in result.tenants}
    assert set(got) == set(expected)
    assert all(abs(got[tid] - expected[tid]) <= len(result.tables) for tid in got)  # rough shares are rounded
    assert table(result, "events").rows_per_other_tenant  # the statistics list fewer tenants than exist
    assert {t.quality for t in result.tenants} >= {"rough"}


# --- module ----------------------------------------------------------------------------------

def test_import_is_cheap():
    code = "import sys, opsconsole.tenants; print('sqlalchemy' in sys.modules, 'psycopg2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- likely ranges (opsconsole.tenants.ranges) -------------------------------------------------

def _table(quality: str, tenants: dict[str, int], table_rows: int | None = 1000, target: int | None = 100,
           per: float | None = None, other: int | None = None) -> dict:
    return {"quality": quality, "tenants": [{"tenant_id": k, "rows": v} for k, v in tenants.items()],
            "table_rows": table_rows, "statistics_target": target, "rows_per_other_tenant": per,
            "other_rows": other}


def test_an_exact_figure_has_no_range():
    from opsconsole.tenants.ranges import by_tenant, cell

    [(t, by_id)] = by_tenant([_table("exact", {"1": 70, "2": 30})])
    assert cell(t, by_id, "1") == (70.0, 70.0, 70.0, "exact")
    assert cell(t, by_id, "9") == (0.0, 0.0, 0.0, "exact")  # counted and absent: exactly none


def test_an_mcv_range_is_the_sampling_error_and_vanishes_when_the_sample_is_the_whole_table():
    from opsconsole.tenants.ranges import Z95, by_tenant, cell, sampling_spread

    # 1,000,000 rows, target 100: ANALYZE samples 30,000; a 25 % tenant's standard error is
    # 1e6 × sqrt(0.25 × 0.75 / 30,000 × 970,000 / 999,999) ≈ 2,462 rows.
    [(big, by_id)] = by_tenant([_table("mcv", {"1": 250_000}, table_rows=1_000_000)])
    rows, low, high, quality = cell(big, by_id, "1")
    expected = 1_000_000 * math.sqrt(0.25 * 0.75 / 30_000 * 970_000 / 999_999)
    assert quality == "mcv" and rows == 250_000
    assert high - rows == pytest.approx(Z95 * expected) and rows - low == pytest.approx(Z95 * expected)
    assert 2_400 < expected < 2_500
    # A ten times larger target samples ten times more rows: the range narrows.
    [(wider, by_id)] = by_tenant([_table("mcv", {"1": 250_000}, table_rows=1_000_000, target=1000)])
    assert cell(wider, by_id, "1")[2] - 250_000 < (high - rows) / 3
    # 20,000 rows with the default target: the sample (30,000) covers the table, the figure is exact.
    [(small, by_id)] = by_tenant([_table("mcv", {"1": 5_000}, table_rows=20_000)])
    assert cell(small, by_id, "1") == (5_000.0, 5_000.0, 5_000.0, "mcv")
    assert sampling_spread(5_000, 20_000, None) == 0.0  # no target given: PostgreSQL's default 100
    assert cell(big, by_id, "1")[1] >= 0  # never below zero


def test_a_rough_figure_is_capped_at_the_least_common_listed_tenant():
    from opsconsole.tenants.ranges import by_tenant, cell

    [(t, by_id)] = by_tenant([_table("rough", {"1": 600, "2": 250}, per=12.5, other=150)])
    assert cell(t, by_id, "7") == (12.5, 0.0, 150.0, "rough")  # 150 rows left over < 250 of tenant 2
    [(t, by_id)] = by_tenant([_table("rough", {"1": 600, "2": 40}, per=12.5, other=150)])
    assert cell(t, by_id, "7")[2] == 40.0  # not listed: at most as common as the least common listed one
    [(t, by_id)] = by_tenant([_table("rough", {}, per=300.0, other=900)])
    assert cell(t, by_id, "7") == (300.0, 0.0, 900.0, "rough")  # nothing listed: at most all the rest
    [(t, by_id)] = by_tenant([_table("mcv", {"1": 600})])
    assert cell(t, by_id, "7") == (0.0, 0.0, 0.0, "mcv")  # every tenant listed: an unlisted one has none


def test_never_analyzed_is_unknown_and_a_tenants_range_adds_up_over_tables():
    from opsconsole.tenants.ranges import Z95, by_tenant, cell, likely

    tables = by_tenant([_table("mcv", {"1": 250_000}, table_rows=1_000_000),
                        _table("mcv", {"1": 250_000}, table_rows=1_000_000),
                        _table("rough", {"2": 900}, per=10.0, other=60),
                        _table("exact", {"1": 7}), _table("never-analyzed", {}, table_rows=None)])
    assert cell(*tables[4], "1") == (None, 0.0, 0.0, "never-analyzed")
    one = cell(*tables[0], "1")[2] - 250_000
    got = likely({"tenant_id": "1", "rows": 500_017}, tables)
    # Two independent sampling errors add in quadrature (√2, not 2); the rough table adds 0 to 60.
    assert got["low"] == pytest.approx(500_007 - one * math.sqrt(2))
    assert got["high"] == pytest.approx(500_007 + 60 + one * math.sqrt(2))
    assert one == pytest.approx(Z95 * 1_000_000 * math.sqrt(0.25 * 0.75 / 30_000 * 970_000 / 999_999))
    exact_only = likely({"tenant_id": "1", "rows": 7}, [tables[3]])
    assert exact_only == {"low": 7.0, "high": 7.0}


# --- estimates shared between calls (opsconsole.tenants.shared) --------------------------------

@pytest.fixture
def catalog_reads(monkeypatch) -> list[int]:
    """Count the statistics reads (the catalog query carrying the MCV lists) without changing them."""
    from opsconsole.tenants import shared
    from opsconsole.tenants import sql as tenants_sql

    shared.estimates.forget()
    reads: list[int] = []
    real = tenants_sql.read_catalog

    def counting(*args, **kwargs):
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(tenants_sql, "read_catalog", counting)
    yield reads
    shared.estimates.forget()


@pytest.fixture
def quiet(seeded, run_sql, catalog_reads):
    """The seeded database once nothing changes its statistics by itself any more.

    Autovacuum is off for the seeded tables, and the loop waits until the row counters of the
    seeding connection have reached the statistics (two calls in a row share a result); then the
    statistics reads are counted from zero.
    """
    run_sql("ALTER TABLE users SET (autovacuum_enabled = false); "
            "ALTER TABLE projects SET (autovacuum_enabled = false); "
            "ALTER TABLE tenants SET (autovacuum_enabled = false)")
    for _ in range(100):
        if counts(seeded).tables is counts(seeded).tables:
            break
        time.sleep(0.1)
    from opsconsole.tenants import shared

    shared.estimates.forget()
    catalog_reads.clear()
    return seeded


def test_a_second_call_shares_the_estimate_until_analyze_changes_it(quiet, run_sql, catalog_reads):
    seeded = quiet
    first = counts(seeded)
    second = counts(seeded)
    assert len(catalog_reads) == 1  # the statistics were read once
    assert second.tables is first.tables and second.tenants is first.tenants
    assert [t.to_dict() for t in second.tenants] == [t.to_dict() for t in first.tenants]
    run_sql("INSERT INTO users (tenant_id, email) SELECT 2, 'x' FROM generate_series(1, 500)")
    before = {t.tenant_id: t.rows for t in counts(seeded).tenants}
    assert before["2"] == {t.tenant_id: t.rows for t in first.tenants}["2"]  # statistics not refreshed yet
    run_sql("ANALYZE users")
    after = counts(seeded)
    assert len(catalog_reads) >= 2 and after.tables is not first.tables
    assert {t.tenant_id: t.rows for t in after.tenants}["2"] == 530  # the new statistics, not the shared figure


def test_analyze_alone_invalidates(quiet, run_sql, catalog_reads):
    seeded = quiet
    first = counts(seeded)
    run_sql("ANALYZE projects")
    assert counts(seeded).tables is not first.tables and len(catalog_reads) == 2
    assert counts(seeded).tables is not first.tables and len(catalog_reads) == 2  # and is shared again


def test_a_new_tenant_table_or_column_invalidates(quiet, run_sql, catalog_reads):
    seeded = quiet
    first = counts(seeded)
    run_sql("CREATE TABLE orders (id int, tenant_id bigint)")
    second = counts(seeded)
    assert "public.orders" in [t.table for t in second.tables]
    assert "public.orders" not in [t.table for t in first.tables]
    run_sql("ALTER TABLE plans ADD COLUMN tenant_id bigint")
    assert "public.plans" in [t.table for t in counts(seeded).tables]
    assert len(catalog_reads) == 3


def test_a_renamed_or_retagged_tenant_invalidates(quiet, db_url, catalog_reads):
    seeded = quiet
    first = counts(seeded)
    assert {t.tenant_id: (t.name, t.is_test) for t in first.tenants}["1"] == ("Acme", False)
    # One open connection changes the tenants table in quick succession: PostgreSQL's row counters
    # (pg_stat_user_tables) reach other sessions at most once a second, so only the table's own
    # rows can tell these changes apart — the shared result must follow each of them at once.
    engine = sa.create_engine(db_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        run = conn.exec_driver_sql
        run("UPDATE tenants SET name = 'Acme Corp' WHERE id = 1")
        assert {t.tenant_id: t.name for t in counts(seeded).tenants}["1"] == "Acme Corp"
        run("UPDATE tenants SET name = 'Acme Group' WHERE id = 1")
        assert {t.tenant_id: t.name for t in counts(seeded).tenants}["1"] == "Acme Group"
        run("UPDATE tenants SET is_test = true WHERE id = 2")
        assert {t.tenant_id: t.is_test for t in counts(seeded).tenants}["2"] is True
        run("INSERT INTO tenants VALUES (5, 'Newco', false)")
        assert "5" in {t.tenant_id for t in counts(seeded).tenants}
        run("DELETE FROM tenants WHERE id = 5")
        assert "5" not in {t.tenant_id for t in counts(seeded).tenants}
    engine.dispose()
    assert len(catalog_reads) == 6


def test_a_partition_elsewhere_is_followed(run_sql, settings, catalog_reads):
    run_sql("CREATE SCHEMA side; CREATE TABLE events (tenant_id bigint, n int) PARTITION BY LIST (tenant_id);"
            "CREATE TABLE side.events_a PARTITION OF events FOR VALUES IN (1, 2) WITH (autovacuum_enabled = false);"
            "INSERT INTO events SELECT 1 + mod(g, 2), g FROM generate_series(1, 300) g; ANALYZE events;")
    assert counts(settings).tables[0].total == 300
    run_sql("INSERT INTO events SELECT 1, g FROM generate_series(1, 100) g; ANALYZE side.events_a")
    assert counts(settings).tables[0].total == 400  # the parent's size is its leaves', read again
    assert len(catalog_reads) == 2


def test_filters_and_settings_are_separate_keys(quiet, make_settings, catalog_reads):
    seeded = quiet
    whole, one, users = counts(seeded), counts(seeded, tenant="1"), counts(seeded, table="users")
    assert len(catalog_reads) == 3
    assert {t.tenant_id for t in one.tenants} == {"1"} and len(whole.tenants) > 1
    assert [t.table for t in users.tables] == ["public.users"] and len(whole.tables) == 2
    assert counts(seeded, tenant="1").tenants is one.tenants and counts(seeded).tenants is whole.tenants
    assert len(catalog_reads) == 3
    other = counts(make_settings(OPSCONSOLE_TENANT_COLUMN="id"))  # another column: another result
    assert len(catalog_reads) == 4 and [t.table for t in other.tables] != [t.table for t in whole.tables]


def test_exact_counts_are_never_shared(seeded, catalog_reads):
    first, second = counts(seeded, exact=True), counts(seeded, exact=True)
    assert first.tables is not second.tables and len(catalog_reads) == 2


def test_eight_threads_at_once_compute_once(quiet, catalog_reads):
    seeded = quiet
    import threading

    start = threading.Barrier(8)
    results: list[TenantCounts] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            start.wait()
            results.append(counts(seeded))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(results) == 8
    assert len(catalog_reads) == 1
    assert all(r.tables is results[0].tables for r in results)


def test_the_shared_store_keeps_few_and_young_results():
    from opsconsole.shared import SharedResults

    store = SharedResults(max_age_s=0.2, max_entries=2)
    assert store.get("a", lambda: "A1", 1) == "A1" and store.get("a", lambda: "other", 1) == "A1"
    assert store.get("a", lambda: "A2", 2) == "A2" and store.get("a", lambda: "A1 again", 1) == "A1 again"
    store.get("b", lambda: "B", 1)
    store.get("c", lambda: "C", 1)  # three keys, room for two: the oldest goes
    assert store.get("a", lambda: "recomputed", 1) == "recomputed"
    time.sleep(0.25)
    assert store.get("c", lambda: "too old", 1) == "too old"
    with pytest.raises(ZeroDivisionError):
        store.get("d", lambda: 1 / 0, 1)
    assert store.get("d", lambda: "D", 1) == "D"  # a failure is not stored
    assert store.get("d", lambda: "forced", 1, force=True) == "forced"  # a Refresh computes anew
