"""The analyzer's false-alarm families and its one miss, each pinned by a small real-shaped migration.

Each verdict follows what PostgreSQL does to stored values: deleting rows or values, or silently
changing them, is data loss; a cast that raises on a value that does not fit is breaking (the
upgrade stops, nothing is lost). No database is needed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from opsconsole.analyze import analyze_file, analyze_one, analyze_sql, has_data_loss

HEADER = '''\
"""{doc}"""
from alembic import op
import sqlalchemy as sa
{imports}
revision = "a1b2c3"
down_revision = None

'''


def write(tmp_path: Path, body: str, imports: str = "", doc: str = "A migration.") -> Path:
    path = tmp_path / "a1b2c3_change.py"
    path.write_text(HEADER.format(doc=doc, imports=imports) + textwrap.dedent(body)
                    + "\n\ndef downgrade():\n    pass\n")
    return path


def real(findings):
    """The findings but the lock-timeout reminder (tests/test_analyze_locks.py pins that one)."""
    return [f for f in findings if f.rule != "missing-lock-timeout"]


def active(findings) -> list[tuple[str, str, str | None]]:
    """Findings but info and the lock-timeout reminder (tests/test_analyze_locks.py pins that one)."""
    return [(f.severity, f.rule, f.object) for f in findings
            if f.severity != "info" and f.rule != "missing-lock-timeout"]


# --- enum swaps: PostgreSQL raises on a value the new enum lacks; nothing is silently dropped ------------

def test_enum_swap_through_text_is_breaking_not_data_loss(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.execute("ALTER TYPE job_state RENAME TO job_state_old")
            op.execute("CREATE TYPE job_state AS ENUM ('queued', 'running', 'done')")
            op.execute("ALTER TABLE jobs ALTER COLUMN state TYPE job_state USING state::text::job_state")
            op.execute("DROP TYPE job_state_old")
    """)
    findings = real(analyze_file(path))
    assert not has_data_loss(findings)
    assert active(findings) == [("breaking", "type-change-may-fail", "public.jobs.state")]
    assert "raises" in findings[0].message and findings[0].line == 12


def test_enum_swap_through_alter_column_postgresql_using(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.alter_column("jobs", "state", type_=sa.Enum("queued", "done", name="job_state"),
                            existing_type=sa.Enum("queued", "running", "done", name="job_state_old"),
                            postgresql_using="state::text::job_state")
    """)
    assert active(analyze_file(path)) == [("breaking", "type-change-may-fail", "public.jobs.state")]


def test_a_using_expression_that_computes_values_is_still_data_loss() -> None:
    sql = "ALTER TABLE users ALTER COLUMN name TYPE varchar(20) USING left(name, 20)"
    assert "narrowing-type-change" in [f.rule for f in analyze_sql(sql)]


# --- UPDATE without WHERE: filling a new column, or rewriting reversibly, loses nothing --------------

def test_update_filling_a_column_added_in_the_same_migration(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.add_column("slot_pool", sa.Column("include_deferred", sa.Boolean(), nullable=True))
            op.execute("UPDATE slot_pool SET include_deferred = false")
            pools = sa.table("pools", sa.column("mode"))
            op.add_column("pools", sa.Column("mode", sa.String(255)))
            op.execute(pools.update().values({"mode": "active-backup"}))
    """)
    assert active(analyze_file(path)) == []


def test_update_of_an_existing_column_in_every_row_is_data_loss(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.add_column("deployment", sa.Column("manifest_path", sa.String(), nullable=True))
            op.execute(sa.text("UPDATE deployment SET manifest_path = '';"))
            op.execute(sa.text("UPDATE deployment SET is_schedule_active = False;"))
    """)
    findings = real(analyze_file(path))
    assert active(findings) == [("data-loss", "update-without-where", "public.deployment")]
    assert "is_schedule_active" in findings[0].message and "manifest_path" not in findings[0].message


@pytest.mark.parametrize("expr", ["NOT active", "visits * 2", "COALESCE(visits, 0)", "-visits", "visits + 1"])
def test_reversible_rewrites_keep_every_value(expr: str) -> None:
    column = "active" if "active" in expr else "visits"
    assert analyze_sql(f"UPDATE users SET {column} = {expr}") == []  # UPDATE takes no strong lock


def test_overwriting_with_a_constant_or_another_column_is_data_loss() -> None:
    assert [f.rule for f in analyze_sql("UPDATE users SET visits = 0")] == ["update-without-where"]
    assert [f.rule for f in analyze_sql("UPDATE users SET visits = visits / 2")] == ["update-without-where"]


# --- type changes that keep every value --------------------------------------------------------------

@pytest.mark.parametrize(("sql", "expected"), [
    ("ALTER TABLE t ALTER COLUMN doc TYPE jsonb USING doc::jsonb", ("locking", "type-change-rewrite")),
    ("ALTER TABLE t ALTER COLUMN raw TYPE bytea USING convert_to(raw, 'UTF8')", ("locking", "type-change-rewrite")),
    ("ALTER TABLE t ALTER COLUMN n TYPE json USING to_json(n)", ("locking", "type-change-rewrite")),
])
def test_casts_that_keep_values_are_not_data_loss(sql: str, expected: tuple[str, str]) -> None:
    assert [(f.severity, f.rule) for f in analyze_sql(sql) if f.rule != "missing-lock-timeout"] == [expected]


def test_widening_and_value_keeping_changes_in_a_migration(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.alter_column("t", "n", type_=sa.Text(), existing_type=sa.Integer())
            op.alter_column("t", "price", type_=sa.Numeric(12, 2), existing_type=sa.Numeric(10, 2))
            op.alter_column("t", "hash", type_=sa.BigInteger(), existing_type=sa.Integer)
            op.alter_column("t", "body", type_=sa.Text(), existing_type=sa.String(5000))
            op.alter_column("t", "doc", type_=JSONB(), existing_type=sa.Text(), postgresql_using="doc::jsonb")
    """, imports="from sqlalchemy.dialects.postgresql import JSONB\n")
    findings = real(analyze_file(path))
    assert not has_data_loss(findings)
    assert active(findings) == [("locking", "type-change-rewrite", "public.t.n"),
                                ("locking", "type-change-rewrite", "public.t.hash"),
                                ("breaking", "type-change-may-fail", "public.t.doc")]  # invalid JSON raises
    assert "int4 → int8" in findings[1].message  # existing_type=sa.Integer, the class, is understood


# --- drops that lose nothing on PostgreSQL ----------------------------------------------------------

def test_dropping_a_temporary_table_the_migration_created(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            op.execute("CREATE TEMPORARY TABLE tmp_ids AS SELECT id FROM users WHERE legacy")
            op.execute("UPDATE users SET legacy = false WHERE id IN (SELECT id FROM tmp_ids)")
            op.execute("DROP TABLE tmp_ids")
            op.create_table("staging", sa.Column("id", sa.Integer()))
            op.drop_table("staging")
    """)
    assert active(analyze_file(path)) == []


def test_drop_only_in_a_sqlite_branch_is_not_data_loss(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            conn = op.get_bind()
            if conn.dialect.name == "sqlite":
                op.execute("DROP TABLE ab_view_menu")
                op.execute("ALTER TABLE ab_view_menu_dg_tmp RENAME TO ab_view_menu")
            else:
                op.alter_column("ab_view_menu", "name", type_=sa.String(250), existing_type=sa.String(100))
    """)
    assert not has_data_loss(analyze_file(path))


def test_early_return_for_another_dialect_ends_the_reading(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def recreate(table):
            op.drop_column(table, "last_updated")

        def upgrade():
            inspector = sa.inspect(op.get_bind())
            if "sqlite" not in inspector.dialect.dialect_description:
                return
            recreate("dag_code")
    """)
    assert not has_data_loss(analyze_file(path))


def test_drop_in_the_postgresql_branch_is_data_loss(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            dialect_name = op.get_context().dialect.name
            is_sqlite = dialect_name == "sqlite"
            if dialect_name in ("postgresql", "mysql"):
                op.drop_table("task_instance_old")
            if not is_sqlite:
                op.drop_column("xcom", "id")
    """)
    assert active(analyze_file(path)) == [("data-loss", "drop-table", "public.task_instance_old"),
                                          ("data-loss", "drop-column", "public.xcom.id")]


# --- the miss: a batch shortening String(512) -> String(255) in a file whose imports fail ---------------

def test_batch_shortening_in_a_file_that_cannot_be_imported(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            with op.batch_alter_table("ab_user") as batch_op:
                batch_op.alter_column("username", existing_type=sa.String(512), type_=sa.String(255))
                batch_op.alter_column("email", existing_type=StringID(512), type_=sa.String(length=255),
                                      postgresql_using="email::varchar(255)")
    """, imports="from myapp.migrations.db_types import StringID\n")
    report = analyze_one(path)
    assert report.rendered == "no" and "ModuleNotFoundError" in (report.render_error or "")
    username, email = [f for f in report.findings if f.object and f.object.startswith("public.ab_user.")]
    # Without USING PostgreSQL raises "value too long": the upgrade stops, nothing is lost.
    assert (username.severity, username.rule, username.line) == ("breaking", "type-change-may-fail", 12)
    assert username.check_sql == 'SELECT count(*) FROM "public"."ab_user" WHERE length("username"::text) > 255'
    # With an explicit cast PostgreSQL silently cuts the longer values: data loss.
    assert (email.severity, email.rule) == ("data-loss", "narrowing-type-change")
    assert any("type-change-may-fail public.ab_user.username" in s for s in report.source_found)
    note = next(f for f in report.findings if f.rule == "offline-render-failed")
    assert "type-change-may-fail public.ab_user.username" in note.message


# --- deletes -------------------------------------------------------------------------------------------

def test_deleting_rows_is_data_loss_in_sql_core_and_orm(tmp_path: Path) -> None:
    path = write(tmp_path, """
        def upgrade():
            bind = op.get_bind()
            op.execute("DELETE FROM block_type WHERE name = 'Debug Print Notification'")
            block_schema = sa.table("block_schema", sa.column("id"))
            bind.execute(sa.delete(block_schema).where(block_schema.c.id == 1))
            session = orm.Session(bind=bind)
            session.query(TrialValue).filter(TrialValue.value.is_(None)).delete()
            tags = {}
            tags.update({"a": 1})
    """, imports="from sqlalchemy import orm\n")
    rules = [(f.rule, f.object) for f in analyze_file(path) if f.severity == "data-loss"]
    assert rules == [("delete-rows", "public.block_type"), ("delete-rows", "public.block_schema"),
                     ("delete-rows", None)]
