"""Counting, on a real PostgreSQL database, the values a breaking type change would fail on."""

from __future__ import annotations

import textwrap
from pathlib import Path

from opsconsole import db
from opsconsole.analyze import analyze_one
from opsconsole.analyze.live import count_failing_values


def test_counts_the_rows_a_shortening_would_fail_on(settings, tmp_path: Path) -> None:
    with db.connect(settings) as conn:
        conn.exec_driver_sql("CREATE TABLE ab_user (id int, username varchar(512), visits bigint)")
        conn.exec_driver_sql("INSERT INTO ab_user VALUES (1, repeat('a', 300), 5), (2, 'bob', 3000000000),"
                             " (3, repeat('c', 256), 1)")
        conn.commit()
    path = tmp_path / "f1_shorten.py"
    path.write_text(textwrap.dedent('''\
        from alembic import op
        import sqlalchemy as sa
        revision = "f1"
        down_revision = None

        def upgrade():
            with op.batch_alter_table("ab_user") as batch_op:
                batch_op.alter_column("username", existing_type=sa.String(512), type_=sa.String(255))
                batch_op.alter_column("visits", existing_type=sa.BigInteger(), type_=sa.Integer())
            op.alter_column("missing_table", "name", existing_type=sa.Text(), type_=sa.String(10))
        '''))
    failing = {f.object: f.to_dict() for f in analyze_one(path).findings if f.rule == "type-change-may-fail"}
    with db.read_only(settings) as conn:
        counts = {obj: count_failing_values(conn, data) for obj, data in failing.items()}
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1  # the transaction is still usable
    assert counts == {"public.ab_user.username": 2, "public.ab_user.visits": 1, "public.missing_table.name": None}


def test_rows_by_tenant_splits_real_and_test_and_degrades_instead_of_raising(settings) -> None:
    from opsconsole.analyze.live import rows_by_tenant

    with db.connect(settings) as conn:
        conn.exec_driver_sql("CREATE TABLE tenants (id int PRIMARY KEY, name text, is_test boolean)")
        conn.exec_driver_sql("INSERT INTO tenants VALUES (1, 'Acme', false), (2, 'Globex', false), (9, 'QA', true)")
        conn.exec_driver_sql("CREATE TABLE visits (id int, tenant_id int, at timestamptz)")
        conn.exec_driver_sql("INSERT INTO visits SELECT g, (ARRAY[1, 2, 9, NULL])[g %% 4 + 1], NULL "
                             "FROM generate_series(1, 20) g")
        conn.commit()
    with db.read_only(settings) as conn:
        # even ids fall on tenants 1 (real) and 9 (test); odd ids on 2 (real) and NULL (no tenant)
        risk = rows_by_tenant(conn, settings, '"public"."visits"', "t.at IS NULL AND t.id % 2 = 0")
        assert (risk["rows"], risk["tenants"], risk["real_rows"], risk["test_rows"]) == (10, 2, 5, 5)
        assert (risk["real_tenants"], risk["test_tenants"], risk["no_tenant_rows"]) == (1, 1, 0)
        assert risk["by_tenant"] == [{"tenant_id": "1", "name": "Acme", "rows": 5, "is_test": False},
                                     {"tenant_id": "9", "name": "QA", "rows": 5, "is_test": True}]
        odd = rows_by_tenant(conn, settings, '"public"."visits"', "t.id % 2 = 1")
        assert (odd["rows"], odd["tenants"], odd["real_rows"], odd["no_tenant_rows"]) == (10, 1, 5, 5)
        assert rows_by_tenant(conn, settings, '"public"."nope"', "true")["status"] == "missing"
        assert rows_by_tenant(conn, settings, '"public"."visits"', "t.no_such IS NULL")["status"] == "missing"
        conn.exec_driver_sql("SET LOCAL statement_timeout = '50ms'")
        slow = rows_by_tenant(conn, settings, '"public"."visits"', "pg_sleep(0.2) IS NOT NULL")
        assert (slow["status"], slow["rows"]) == ("timeout", None)
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1  # the transaction is still usable
