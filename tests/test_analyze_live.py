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
