"""The Tenants page (AppTest, real database): estimates marked ≈, never-analysed tables, ANALYZE, search, state."""

from __future__ import annotations

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from opsconsole import audit, db
from opsconsole.settings import Settings
from opsconsole.tenants import refresh
from test_pages import (UNSAFE, Console, at_head_with_tenants, console, open_console, rendered_sources,  # noqa: F401
                        router, shown, text, unescaped, visit)

UNANALYSED = """
CREATE TABLE orders (id int, tenant_id int) WITH (autovacuum_enabled = false);
CREATE TABLE visits (id int, tenant_id int) WITH (autovacuum_enabled = false);
INSERT INTO orders SELECT g, 1 FROM generate_series(1, 40) g;
INSERT INTO visits SELECT g, 2 FROM generate_series(1, 10) g;
ANALYZE documents, events, projects;
"""
PLANTED_NAME = "[t](http://evil.example/tenant) <img src=y> **z** :red[r]"


def run_sql(settings: Settings, sql: str) -> None:
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(sql)


def cells(at: AppTest) -> list[str]:
    """Every cell of every dataframe on the page, as text."""
    return [str(v) for df in at.dataframe for column in df.value.columns for v in df.value[column]]


def tenant_rows(at: AppTest) -> dict[str, str]:
    """Tenant name -> the Rows cell, over the real and test tenant lists."""
    found: dict[str, str] = {}
    for df in at.dataframe:
        if {"Tenant", "Rows", "How good"} <= set(df.value.columns):
            found.update(zip(df.value["Tenant"], df.value["Rows"]))
    return found


def test_estimates_are_marked_with_their_quality_and_exact_counts_are_not(console: Console) -> None:
    at_head_with_tenants(console())
    at = visit(open_console("viewer"), "tenants")
    said = text(at)
    assert "Estimated from PostgreSQL statistics" in said and "Exact counts" in said and "ANALYZE" in said
    assert tenant_rows(at) == {"Acme": "≈ 30", "Globex": "≈ 15", "QA sandbox": "≈ 5"}
    lists = [df.value for df in at.dataframe if "How good" in df.value.columns]
    assert {q for df in lists for q in df["How good"]} == {"sampled by ANALYZE"}
    assert "Largest: Acme ≈ 30 rows (≈ 60%); Globex ≈ 15 rows (≈ 30%); QA sandbox ≈ 5 rows (≈ 10%)" in said
    assert "Real tenants=2" in said and "Test tenants=1" in said
    assert not any(v in ("None", "nan", "NaN") for v in cells(at)), cells(at)
    assert all("is_test" not in df.value.columns for df in at.dataframe)
    at.button(key="exact").click().run()
    assert tenant_rows(at) == {"Acme": "30", "Globex": "15", "QA sandbox": "5"}
    assert not any("≈" in v for v in cells(at)), cells(at)
    assert "Exact counts. Counted at" in text(at) and "≈" not in text(at)
    breakdown = next(df.value for df in at.dataframe if "public.users" in df.value.columns)
    assert dict(zip(breakdown["Tenant"], breakdown["public.users"])) == {"Acme": "30", "Globex": "15",
                                                                         "QA sandbox": "5"}


def test_never_analysed_tables_are_named_at_the_top_and_an_operator_analyses_them(console: Console) -> None:
    settings = console()
    at_head_with_tenants(settings)
    run_sql(settings, UNANALYSED)
    viewer = visit(open_console("viewer"), "tenants")
    order = [getattr(node, "type", None) for node in viewer.main]
    first = str(viewer.warning[0].value)
    assert "2 table(s) have never been analysed:** figures for them are unknown, not 0" in first
    assert "public.orders, public.visits" in shown(first)
    assert order.index("warning") < order.index("metric")  # at the top, before any figure
    assert not any(b.key == "analyze" for b in viewer.button) and "An operator can run ANALYZE" in text(viewer)
    breakdown = next(df.value for df in viewer.dataframe if "public.orders" in df.value.columns)
    assert set(breakdown["public.orders"]) == {"unknown"}

    at = visit(open_console("operator"), "tenants")
    at.button(key="analyze").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Statistics refreshed (ANALYZE) for 2 table(s): public.orders, public.visits" in text(at)
    assert "never been analysed" not in text(at)
    with db.connect(settings) as conn:
        analysed = dict(conn.exec_driver_sql("SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables "
                                             "WHERE relname IN ('orders', 'visits')").all())
        logged = audit.log(conn)
    assert analysed == {"orders": True, "visits": True}
    row = next(e for e in logged if e.action == "analyze")
    assert row.actor == "Olga" and row.outcome == "ok" and "public.orders, public.visits" in (row.error or "")
    breakdown = next(df.value for df in at.dataframe if "public.orders" in df.value.columns)
    assert dict(zip(breakdown["Tenant"], breakdown["public.orders"]))["Acme"] == "≈ 40"


def test_analyze_tables_accepts_only_tenant_tables(console: Console) -> None:
    settings = console()
    at_head_with_tenants(settings)
    run_sql(settings, UNANALYSED + 'CREATE TABLE "odd ""name""; DROP" (tenant_id int);')
    done = refresh.analyze_tables(settings, ["orders", 'public.odd "name"; DROP'], by="Olga")
    assert done.tables == ("public.orders", 'public.odd "name"; DROP')
    for bad in (["plans"], ["nope"], ["orders; DROP TABLE users"], []):
        try:
            refresh.analyze_tables(settings, bad, by="Olga")
        except Exception as exc:  # OpsConsoleError: names the tenant tables
            assert "tenant table" in str(exc) or "no table given" in str(exc), exc
        else:
            raise AssertionError(f"{bad} was analysed")
    with db.connect(settings) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM users").scalar() == 50
        assert [e.actor for e in audit.log(conn) if e.action == "analyze"] == ["Olga"]


def test_tenant_search_matches_id_or_name_as_typed(console: Console) -> None:
    settings = console()
    at_head_with_tenants(settings)
    run_sql(settings, "INSERT INTO tenants (id, name, plan_code, is_test) VALUES (7, 'Dot.com', 'team', false);"
                      "INSERT INTO users (id, tenant_id, email) VALUES (99, 7, 'd@example.com'); ANALYZE users;")
    at = visit(open_console("viewer"), "tenants")
    assert set(tenant_rows(at)) == {"Acme", "Globex", "QA sandbox", "Dot.com"}
    at.text_input(key="tenant_search").input(".").run()  # a regex "." would match every tenant
    assert set(tenant_rows(at)) == {"Dot.com"} and "1 of 4 tenant(s) match" in text(at)
    at.text_input(key="tenant_search").input("GLOB").run()
    assert set(tenant_rows(at)) == {"Globex"}
    at.text_input(key="tenant_search").input("101").run()  # by id
    assert set(tenant_rows(at)) == {"QA sandbox"}
    breakdown = next(df.value for df in at.dataframe if "public.users" in df.value.columns)
    assert list(breakdown["Tenant"]) == ["QA sandbox"] and list(breakdown["Kind"]) == ["test"]
    at.text_input(key="tenant_search").input("[").run()  # not a pattern: no error, no match
    assert not at.exception and tenant_rows(at) == {} and "0 of 4 tenant(s) match" in text(at)


def test_exact_counts_are_kept_when_coming_back_and_can_be_recounted(console: Console) -> None:
    settings = console()
    at_head_with_tenants(settings)
    at = visit(open_console("viewer"), "tenants")
    at.button(key="exact").click().run()
    counted = text(at)
    assert "Exact counts. Counted at" in counted
    run_sql(settings, "INSERT INTO users (id, tenant_id, email) VALUES (98, 1, 'n@example.com')")
    visit(at, "overview")
    visit(at, "tenants")
    assert "Exact counts. Counted at" in text(at) and tenant_rows(at)["Acme"] == "30"  # kept, not re-read
    assert at.button(key="exact").label == "Recount"
    at.button(key="exact").click().run()
    assert tenant_rows(at)["Acme"] == "31"
    at.button(key="estimates").click().run()
    assert tenant_rows(at)["Acme"].startswith("≈") and "Estimated from PostgreSQL statistics" in text(at)


def test_markdown_and_html_in_tenant_names_and_search_are_shown_literally(console: Console) -> None:
    settings = console()
    at_head_with_tenants(settings)
    run_sql(settings, sa.text("UPDATE tenants SET name = :n WHERE id = 1").bindparams(n=PLANTED_NAME)
            .compile(compile_kwargs={"literal_binds": True}).string)
    at = visit(open_console("operator"), "tenants")
    at.text_input(key="tenant_search").input("**z** :red[").run()
    for source in rendered_sources(at):
        assert not UNSAFE.search(unescaped(source)), source
    assert PLANTED_NAME in tenant_rows(at)
    assert f"Largest: {PLANTED_NAME} ≈ 30 rows" in text(at) or PLANTED_NAME in text(at)
    at.button(key="exact").click().run()
    assert tenant_rows(at) == {PLANTED_NAME: "30"}
    for source in rendered_sources(at):
        assert not UNSAFE.search(unescaped(source)), source


def test_analyze_that_cannot_get_its_lock_changes_nothing_and_is_recorded_as_failed(console: Console,
                                                                                       db_url: str) -> None:
    settings = console(OPSCONSOLE_LOCK_TIMEOUT_MS="300")
    at_head_with_tenants(settings)
    run_sql(settings, UNANALYSED)
    holder = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with holder.connect() as conn:
        conn.begin()
        conn.exec_driver_sql("LOCK TABLE visits IN ACCESS EXCLUSIVE MODE")
        try:
            refresh.analyze_tables(settings, ["orders", "visits"], by="Olga")
        except Exception as exc:
            assert "ANALYZE of public.visits did not finish (lock timeout); nothing was changed" in str(exc), exc
        else:
            raise AssertionError("ANALYZE went ahead without its lock")
    holder.dispose()
    with db.connect(settings) as conn:
        kept = "SELECT count(*) FROM pg_stats WHERE tablename IN ('orders', 'visits')"
        assert conn.exec_driver_sql(kept).scalar() == 0
        [row] = [e for e in audit.log(conn) if e.action == "analyze"]
    assert (row.actor, row.outcome) == ("Olga", "failed") and "lock timeout" in (row.error or "")
