"""Tests of the migration-safety analyzer; no database needed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from opsconsole.analyze import (
    RULES,
    SEVERITIES,
    Finding,
    analyze_file,
    analyze_migration_file,
    analyze_python,
    analyze_sql,
    has_data_loss,
    render_upgrade_sql,
)
from opsconsole.analyze.sql_types import classify_change, type_from_string
from opsconsole.errors import AnalysisError

HEADER = '''\
"""A migration. DROP TABLE users is only mentioned here."""
from alembic import context, op
import sqlalchemy as sa

revision = "rev1"
down_revision = None

'''


def migration(tmp_path: Path, body: str, name: str = "m.py") -> Path:
    """Write a migration file whose module body is ``body`` (after the common header)."""
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body))
    return path


def real(findings: list[Finding]) -> list[Finding]:
    """The findings but the lock-timeout reminder, which tests/test_analyze_locks.py pins."""
    return [f for f in findings if f.rule != "missing-lock-timeout"]


def rules(findings: list[Finding]) -> list[tuple[str, str | None]]:
    """(rule, object) of each finding but the lock-timeout reminder, which tests/test_analyze_locks.py pins."""
    return [(f.rule, f.object) for f in findings if f.rule != "missing-lock-timeout"]


# --- SQL rules: each fires ---------------------------------------------------------------

FIRING = [
    ("DROP TABLE users", "drop-table", "public.users"),
    ("DROP TABLE IF EXISTS crm.accounts CASCADE", "drop-table", "crm.accounts"),
    ("ALTER TABLE users DROP COLUMN email", "drop-column", "public.users.email"),
    ("DROP SCHEMA crm CASCADE", "drop-schema", "crm"),
    ("DROP DATABASE app", "drop-database", "app"),
    ("DROP TYPE mood CASCADE", "drop-cascade", "public.mood"),
    ("TRUNCATE users", "truncate", "public.users"),
    ("DELETE FROM users", "delete-without-where", "public.users"),
    ("UPDATE users SET plan = 'free'", "update-without-where", "public.users"),
    ("DELETE FROM users WHERE id = 1", "delete-rows", "public.users"),
    ("ALTER TABLE users ALTER COLUMN name TYPE varchar(20) USING substr(name, 1, 20)", "narrowing-type-change",
     "public.users.name"),
    ("ALTER TABLE users ALTER COLUMN name TYPE varchar(20) USING name::varchar(20)", "narrowing-type-change",
     "public.users.name"),
    ("ALTER TABLE users ALTER COLUMN name TYPE varchar(20)", "type-change-unknown-old", "public.users.name"),
    ("ALTER TABLE users ALTER COLUMN status TYPE status_new USING status::text::status_new",
     "type-change-may-fail", "public.users.status"),
    ("ALTER TABLE users RENAME TO accounts", "rename-table", "public.users"),
    ("ALTER TABLE users RENAME COLUMN name TO full_name", "rename-column", "public.users.name"),
    ("ALTER SCHEMA crm RENAME TO sales", "rename-schema", "crm"),
    ("ALTER TABLE users ADD COLUMN plan text NOT NULL", "add-column-not-null-no-default", "public.users.plan"),
    ("ALTER TABLE users ALTER COLUMN plan SET NOT NULL", "set-not-null", "public.users.plan"),
    ("ALTER TABLE users ALTER COLUMN plan DROP DEFAULT", "drop-default", "public.users.plan"),
    ("CREATE INDEX ix_email ON users (email)", "create-index-not-concurrently", "public.users"),
    ("CREATE UNIQUE INDEX ix_email ON crm.users (email)", "create-index-not-concurrently", "crm.users"),
    ("DROP INDEX ix_email", "drop-index-not-concurrently", "public.ix_email"),
    ("ALTER TABLE users ALTER COLUMN id TYPE bigint", "type-change-rewrite", "public.users.id"),
    ("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)",
     "add-foreign-key-validated", "public.orders"),
    ("ALTER TABLE orders ADD CONSTRAINT ck CHECK (total >= 0)", "add-check-validated", "public.orders"),
    ("ALTER TABLE users ADD CONSTRAINT uq UNIQUE (email)", "add-unique-constraint", "public.users"),
    ("ALTER TABLE users ADD PRIMARY KEY (id)", "add-primary-key", "public.users"),
    ("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()",
     "add-column-volatile-default", "public.users.token"),
    ("ALTER TABLE users ADD COLUMN seq bigserial", "add-column-volatile-default", "public.users.seq"),
]


@pytest.mark.parametrize(("sql", "rule", "obj"), FIRING, ids=[f"{r}:{s[:30]}" for s, r, _ in FIRING])
def test_sql_rule_fires(sql: str, rule: str, obj: str) -> None:
    findings = analyze_sql(sql, revision="r9")
    assert (rule, obj) in rules(findings)
    f = next(f for f in findings if f.rule == rule)
    assert f.severity == RULES[rule].severity
    assert f.revision == "r9"
    assert f.hint == RULES[rule].hint
    assert f.statement == sql


SAFE = [
    "UPDATE users SET plan = 'free' WHERE plan IS NULL",
    "CREATE INDEX CONCURRENTLY ix_email ON users (email)",
    "DROP INDEX CONCURRENTLY ix_email",
    "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
    "ALTER TABLE orders ADD CONSTRAINT ck CHECK (total >= 0) NOT VALID",
    "ALTER TABLE orders VALIDATE CONSTRAINT ck",
    "ALTER TABLE users ADD CONSTRAINT uq UNIQUE USING INDEX ix_email",
    "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free'",
    "ALTER TABLE users ADD COLUMN created timestamptz DEFAULT now()",
    "ALTER TABLE users ADD COLUMN note text",
    "ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free'",
    "-- DROP TABLE users;\nSELECT 1",
    "/* TRUNCATE users */ SELECT 'DROP TABLE users; DELETE FROM users'",
    "INSERT INTO audit (msg) VALUES ('DROP SCHEMA public CASCADE')",
    "CREATE TABLE t (id int, v varchar(10)); CREATE INDEX ix ON t (v); ALTER TABLE t ADD CONSTRAINT u UNIQUE (v);"
    " ALTER TABLE t ALTER COLUMN v SET NOT NULL; ALTER TABLE t RENAME COLUMN v TO w",
    "CREATE TABLE t (id int, v varchar(10)); ALTER TABLE t ALTER COLUMN v TYPE varchar(40)",
]


@pytest.mark.parametrize("sql", SAFE)
def test_sql_safe_statements_have_no_findings(sql: str) -> None:
    assert analyze_sql("SET lock_timeout = '5s';\n" + sql) == []


def test_rename_of_table_created_in_same_sql_keeps_it_new() -> None:
    sql = "CREATE TABLE t (id int); ALTER TABLE t RENAME TO u; CREATE INDEX ix ON u (id)"
    assert analyze_sql(sql) == []


def test_create_index_respects_existing_tables() -> None:
    sql = "CREATE INDEX ix_a ON users (a); CREATE INDEX ix_b ON scratch (b)"
    findings = analyze_sql(sql, existing_tables={"users", "crm.other"})
    assert rules(findings) == [("create-index-not-concurrently", "public.users")]


def test_narrowing_uses_column_type_seen_earlier() -> None:
    sql = "ALTER TABLE t ALTER COLUMN v TYPE numeric(10,4);\nALTER TABLE t ALTER COLUMN v TYPE numeric(10,2)"
    first, second = real(analyze_sql(sql))
    assert (first.rule, first.severity, first.line) == ("type-change-unknown-old", "breaking", 1)
    assert (second.rule, second.severity, second.line) == ("narrowing-type-change", "data-loss", 2)
    assert "numeric(10, 4) → numeric(10, 2) silently rounds" in second.message


def test_type_change_of_a_table_created_in_the_same_sql_is_not_reported() -> None:
    assert analyze_sql("CREATE TABLE t (v varchar(50)); ALTER TABLE t ALTER COLUMN v TYPE varchar(10)") == []


def test_one_statement_many_findings_each_with_the_statement() -> None:
    sql = "SELECT 1;\nALTER TABLE users DROP COLUMN a, DROP COLUMN b;"
    findings = analyze_sql(sql)
    assert rules(findings) == [("drop-column", "public.users.a"), ("drop-column", "public.users.b")]
    assert all(f.statement == "ALTER TABLE users DROP COLUMN a, DROP COLUMN b" for f in findings)


def test_sql_syntax_error_raises() -> None:
    with pytest.raises(AnalysisError, match="syntax error"):
        analyze_sql("DROP TABLEX users")


@pytest.mark.parametrize(("old", "new", "verdict"), [
    ("text", "varchar(20)", "fails"),
    ("varchar(100)", "varchar(50)", "fails"),
    ("varchar(50)", "varchar(100)", "safe"),
    ("varchar(50)", "text", "safe"),
    ("numeric(10,2)", "numeric(10,0)", "narrowing"),
    ("numeric(10,2)", "numeric(6,2)", "fails"),
    ("numeric(10,2)", "numeric(12,2)", "safe"),
    ("bigint", "integer", "fails"),
    ("integer", "bigint", "rewrite"),
    ("double precision", "integer", "narrowing"),
    ("timestamptz", "date", "narrowing"),
    ("timestamp with time zone", "timestamp", "narrowing"),
    ("timestamp(6)", "timestamp(0)", "narrowing"),
    ("integer", "text", "rewrite"),
    ("text", "jsonb", "fails"),
    ("text", "bytea", "rewrite"),
    ("integer", "json", "rewrite"),
    ("numeric(10,2)", "numeric(14,4)", "rewrite"),
    ("integer", "double precision", "rewrite"),
    ("bigint", "double precision", "narrowing"),
    ("text", "mood", "fails"),
])
def test_classify_type_change(old: str, new: str, verdict: str) -> None:
    assert classify_change(type_from_string(old), type_from_string(new))[0] == verdict


def test_every_rule_is_well_formed() -> None:
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and rule_id == rule_id.lower() and " " not in rule_id
        assert rule.severity in SEVERITIES
        assert rule.hint and "\n" not in rule.hint


# --- migration files ----------------------------------------------------------------------

def test_drop_only_in_downgrade_is_not_a_finding(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.add_column("users", sa.Column("note", sa.Text()))

        def downgrade():
            op.drop_column("users", "note")
            op.drop_table("users")
            op.execute("DROP SCHEMA crm CASCADE")
    """)
    assert real(analyze_file(path)) == []


def test_drop_in_comment_docstring_and_string_is_not_a_finding(tmp_path: Path) -> None:
    path = migration(tmp_path, '''
        def upgrade():
            """Not DROP TABLE users: this upgrade only adds a column."""
            # op.drop_table("users")  -- DROP TABLE users
            message = "DROP TABLE users"
            print(message, 'op.drop_column("users", "email")')
            op.execute("-- DROP TABLE users\\nSELECT 'DROP TABLE users'")
            op.add_column("users", sa.Column("note", sa.Text()))

        def downgrade():
            pass
    ''')
    assert real(analyze_file(path)) == []


def test_upgrade_drop_table_reported_once(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.drop_table("users")

        def downgrade():
            pass
    """)
    findings = analyze_file(path)
    assert rules(findings) == [("drop-table", "public.users")]
    assert findings[0].revision == "rev1" and findings[0].statement == "DROP TABLE users"
    assert has_data_loss(findings)


def test_create_index_on_table_created_in_same_migration(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.create_table("invoices", sa.Column("id", sa.Integer, primary_key=True),
                            sa.Column("user_id", sa.Integer))
            op.create_index("ix_invoices_user", "invoices", ["user_id"])
            op.create_index("ix_users_email", "users", ["email"])
            op.create_index("ix_users_name", "users", ["name"], postgresql_concurrently=True)

        def downgrade():
            pass
    """)
    findings = analyze_file(path)
    assert rules(findings) == [("create-index-not-concurrently", "public.users")]
    assert "ix_users_email" in findings[0].statement
    assert not has_data_loss(findings)


def test_drop_hidden_in_online_branch_is_data_loss(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            if context.is_offline_mode():
                op.execute("SELECT 1")
            else:
                op.drop_table("payments")

        def downgrade():
            pass
    """)
    revision, sql = render_upgrade_sql(path)
    assert revision == "rev1"
    assert "SELECT 1" in sql and "DROP" not in sql  # rendering really ran offline
    findings = analyze_file(path)
    assert ("drop-table", "public.payments") in rules(findings)
    assert ("offline-branch", None) in rules(findings)
    assert has_data_loss(findings)


def test_get_bind_data_step(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.add_column("users", sa.Column("plan", sa.Text()))
            conn = op.get_bind()
            count = conn.execute(sa.text("SELECT count(*) FROM users")).scalar()
            conn.execute(sa.text("DELETE FROM sessions"))
            op.drop_column("users", "legacy")

        def downgrade():
            pass
    """)
    revision, sql = render_upgrade_sql(path)  # must not raise
    assert "ADD COLUMN plan" in sql and "offline rendering stopped" in sql
    assert "legacy" not in sql
    found = rules(analyze_file(path))
    assert ("data-step-get-bind", None) in found
    assert ("offline-render-failed", None) in found
    assert ("delete-without-where", "public.sessions") in found  # seen in the source
    assert ("drop-column", "public.users.legacy") in found  # after the failure, seen in the source


def test_batch_drop_column_is_data_loss(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            with op.batch_alter_table("users", schema="crm") as batch_op:
                batch_op.drop_column("email")

        def downgrade():
            with op.batch_alter_table("users", schema="crm") as batch_op:
                batch_op.add_column(sa.Column("email", sa.Text()))
    """)
    findings = analyze_file(path)
    assert [r for r in rules(findings) if r[0] == "drop-column"] == [("drop-column", "crm.users.email")]
    assert ("batch-operation", "crm.users") in rules(findings)


@pytest.mark.parametrize(("call", "rule"), [
    ('op.execute(f"DELETE FROM {table}")', "delete-without-where"),
    ('op.execute("DROP TABLE " + table)', "drop-table"),
    ("op.execute(statement)", "dynamic-sql"),
    ('op.execute("UPDATE {} SET a = 1".format(table))', "update-without-where"),
    ('op.execute("TRUNCATE %s" % table)', "truncate"),
])
def test_dynamic_sql(tmp_path: Path, call: str, rule: str) -> None:
    path = migration(tmp_path, f"""
        def upgrade():
            table = "users"
            statement = "SELECT 1"
            {call}

        def downgrade():
            pass
    """)
    [found] = real(analyze_python(path.read_text(), "rev1"))
    assert (found.rule, found.object, found.line) == (rule, None, 12)
    assert rule == "dynamic-sql" or "run time" in found.message


def test_module_constant_sql_is_checked(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        CLEANUP = "TRUNCATE audit_log"

        def upgrade():
            op.execute(CLEANUP)

        def downgrade():
            pass
    """)
    assert rules(analyze_file(path)) == [("truncate", "public.audit_log")]


def test_helpers_called_from_upgrade_only(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def _drop_legacy():
            op.drop_column("orders", "legacy")

        def _restore():
            op.drop_table("orders_backup")

        def upgrade():
            _drop_legacy()

        def downgrade():
            _restore()
    """)
    assert rules(analyze_python(path.read_text(), "rev1")) == [("drop-column", "public.orders.legacy")]
    assert rules(analyze_file(path)) == [("drop-column", "public.orders.legacy")]


def test_rename_through_alter_column(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.alter_column("users", "name", new_column_name="full_name")
            op.rename_table("users", "accounts")

        def downgrade():
            pass
    """)
    assert rules(analyze_file(path)) == [
        ("rename-column", "public.users.name"), ("rename-table", "public.users")]


def test_existing_type_decides_narrowing(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.alter_column("users", "name", type_=sa.String(50), existing_type=sa.String(100))
            op.alter_column("users", "bio", type_=sa.String(500), existing_type=sa.String(100))
            op.alter_column("users", "visits", type_=sa.Integer(), existing_type=sa.BigInteger())
            op.alter_column("users", "price", type_=sa.Numeric(10, 0), existing_type=sa.Numeric(10, 2))
            op.alter_column("users", "seen", type_=sa.Date(), existing_type=sa.DateTime(timezone=True))
            op.alter_column("users", "code", type_=sa.String(8))

        def downgrade():
            pass
    """)
    findings = real(analyze_file(path))
    assert [(f.rule, f.severity, f.object, f.line) for f in findings] == [
        ("type-change-may-fail", "breaking", "public.users.name", 10),  # PostgreSQL raises 'value too long'
        ("type-change-may-fail", "breaking", "public.users.visits", 12),  # raises 'out of range'
        ("narrowing-type-change", "data-loss", "public.users.price", 13),  # silently rounds
        ("narrowing-type-change", "data-loss", "public.users.seen", 14),  # silently drops the time
        ("type-change-unknown-old", "breaking", "public.users.code", 15),
    ]
    assert findings[0].check_sql == 'SELECT count(*) FROM "public"."users" WHERE length("name"::text) > 50'
    assert "existing_type" in findings[-1].message  # old type unknown: says how to tell


def test_add_not_null_column_and_set_not_null(tmp_path: Path) -> None:
    path = migration(tmp_path, """
        def upgrade():
            op.add_column("users", sa.Column("plan", sa.Text(), nullable=False))
            op.add_column("users", sa.Column("tier", sa.Text(), nullable=False, server_default="free"))
            op.alter_column("users", "email", nullable=False)

        def downgrade():
            pass
    """)
    assert rules(analyze_file(path)) == [
        ("add-column-not-null-no-default", "public.users.plan"), ("set-not-null", "public.users.email")]


def test_rendering_leaves_no_trace(tmp_path: Path) -> None:
    import alembic.context
    import alembic.op

    path = migration(tmp_path, """
        def upgrade():
            op.drop_table("users")

        def downgrade():
            pass
    """)
    before = set(sys.modules)
    render_upgrade_sql(path)
    assert not [m for m in set(sys.modules) - before if "m" == m.rsplit("_", 1)[-1]]
    assert alembic.context._proxy is None and alembic.op._proxy is None


def test_sql_file(tmp_path: Path) -> None:
    path = tmp_path / "change.sql"
    path.write_text("-- DROP TABLE users;\nCREATE TABLE n (id int);\nCREATE INDEX ON n (id);\nTRUNCATE t;\n")
    findings = analyze_file(path)
    assert rules(findings) == [("truncate", "public.t")]
    assert findings[0].revision is None
    assert findings[0].to_dict() == {
        "revision": None, "rule": "truncate", "severity": "data-loss", "object": "public.t",
        "statement": "TRUNCATE t", "message": findings[0].message, "hint": RULES["truncate"].hint,
        "line": 4, "check_sql": None, "suppressed": None}


def test_broken_python_raises(tmp_path: Path) -> None:
    path = tmp_path / "broken.py"
    path.write_text("def upgrade(:\n    pass\n")
    with pytest.raises(AnalysisError, match="line 1"):
        analyze_file(path)


def test_python_without_upgrade_raises(tmp_path: Path) -> None:
    path = tmp_path / "helper.py"
    path.write_text("x = 1\n")
    with pytest.raises(AnalysisError, match="upgrade"):
        analyze_migration_file(path)


def test_broken_sql_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "broken.sql"
    path.write_text("DROP TABLEX users;")
    with pytest.raises(AnalysisError, match="syntax error"):
        analyze_file(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="does not exist"):
        analyze_file(tmp_path / "nope.py")


def test_unknown_extension_raises(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("DROP TABLE users;")
    with pytest.raises(AnalysisError, match=r"\.txt"):
        analyze_file(path)


def test_has_data_loss() -> None:
    assert not has_data_loss(analyze_sql("CREATE INDEX ix ON users (a)"))
    assert has_data_loss(analyze_sql("CREATE INDEX ix ON users (a); DELETE FROM users"))
    assert not has_data_loss([])


def test_import_is_cheap() -> None:
    code = ("import sys, opsconsole; before = set(sys.modules); import opsconsole.analyze; "
            "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in ('pglast', 'alembic', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("sql", "rule", "obj"), [
    ("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'legacy') THEN DROP TABLE legacy; "
     "END IF; END $$;", "drop-table", "public.legacy"),
    ("DO $$ BEGIN DELETE FROM sessions; END $$;", "delete-without-where", "public.sessions"),
    ("WITH d AS (DELETE FROM sessions RETURNING *) SELECT count(*) FROM d;", "delete-without-where",
     "public.sessions"),
    ("WITH u AS (UPDATE users SET email = NULL RETURNING id) SELECT 1;", "update-without-where", "public.users"),
    ("DO $$ BEGIN EXECUTE 'DROP TABLE ' || quote_ident('t'); END $$;", "dynamic-destructive-sql", None),
])
def test_data_loss_hidden_in_do_blocks_and_ctes(sql: str, rule: str, obj: str | None) -> None:
    findings = real(analyze_sql(sql))
    assert [(f.rule, f.severity, f.object) for f in findings] == [(rule, "data-loss", obj)]


def test_harmless_do_block_and_cte_have_no_findings() -> None:
    assert analyze_sql("DO $$ BEGIN RAISE NOTICE 'DROP TABLE is only text here'; END $$;") == []
    assert analyze_sql("WITH u AS (UPDATE sessions SET seen = true WHERE id = 1 RETURNING *) SELECT 1;") == []


def test_delete_with_where_in_a_cte_deletes_rows() -> None:
    sql = "WITH d AS (DELETE FROM sessions WHERE expires < now() RETURNING *) SELECT 1;"
    assert rules(analyze_sql(sql)) == [("delete-rows", "public.sessions")]
