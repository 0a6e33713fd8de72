"""Lock-safety rules (squawk's catalogue as reference), each pinned on a small real-shaped migration.

Every case runs twice: rendered offline (the file imports) and from the source alone (an import of
the application fails, as for ~40% of real migrations), and both readings must agree.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from opsconsole.analyze import RULES, analyze_one, analyze_sql

HEADER = '''\
"""A migration."""
from alembic import op
import sqlalchemy as sa
{imports}
revision = "f00d"
down_revision = None

'''
UNIMPORTABLE = "from myapp.models import Base  # not installed: offline rendering fails, the source is read\n"


def findings(tmp_path: Path, body: str, rendered: bool) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "f00d_change.py"
    path.write_text(HEADER.format(imports="" if rendered else UNIMPORTABLE) + textwrap.dedent(body)
                    + "\n\ndef downgrade():\n    pass\n")
    report = analyze_one(path)
    assert report.rendered == ("yes" if rendered else "no")
    return [(f.severity, f.rule, f.object) for f in report.findings if f.severity != "info"]


TIMEOUT = "    op.execute(\"SET lock_timeout = '5s'\")\n"
CASES = [
    ("op.create_index('ix_users_email', 'users', ['email'])",
     [("locking", "create-index-not-concurrently", "public.users")]),
    ("op.drop_index('ix_users_email', table_name='users')",
     [("locking", "drop-index-not-concurrently", "public.ix_users_email")]),
    ("op.create_foreign_key('fk_orders_user', 'orders', 'users', ['user_id'], ['id'])",
     [("locking", "add-foreign-key-validated", "public.orders")]),
    ("op.create_check_constraint('ck_total', 'orders', 'total >= 0')",
     [("locking", "add-check-validated", "public.orders")]),
    ("op.create_unique_constraint('uq_email', 'users', ['email'])",
     [("locking", "add-unique-constraint", "public.users")]),
    ("op.add_column('users', sa.Column('token', sa.Uuid(), server_default=sa.text('gen_random_uuid()')))",
     [("locking", "add-column-volatile-default", "public.users.token")]),
    ("op.add_column('users', sa.Column('plan', sa.Text(), nullable=False))",
     [("breaking", "add-column-not-null-no-default", "public.users.plan")]),
    ("op.alter_column('users', 'email', existing_type=sa.Text(), nullable=False)",
     [("breaking", "set-not-null", "public.users.email")]),
    ("op.alter_column('users', 'email', existing_type=sa.Text(), nullable=True)",
     [("breaking", "drop-not-null", "public.users.email")]),
    ("op.alter_column('users', 'visits', type_=sa.BigInteger(), existing_type=sa.Integer())",
     [("locking", "type-change-rewrite", "public.users.visits")]),
    ("op.alter_column('users', 'name', new_column_name='full_name')",
     [("breaking", "rename-column", "public.users.name")]),
    ("op.rename_table('users', 'accounts')", [("breaking", "rename-table", "public.users")]),
]


@pytest.mark.parametrize("rendered", [True, False], ids=["rendered", "source-only"])
@pytest.mark.parametrize(("call", "expected"), CASES, ids=[c[1][0][1] for c in CASES])
def test_lock_rule(tmp_path: Path, call: str, expected: list, rendered: bool) -> None:
    assert findings(tmp_path, f"def upgrade():\n{TIMEOUT}    {call}\n", rendered) == expected
    assert all(RULES[rule].hint for _, rule, _ in expected)


@pytest.mark.parametrize("rendered", [True, False], ids=["rendered", "source-only"])
def test_safe_versions_of_the_same_steps(tmp_path: Path, rendered: bool) -> None:
    body = """
        def upgrade():
            op.execute("SET lock_timeout = '5s'")
            with op.get_context().autocommit_block():
                op.create_index('ix_users_email', 'users', ['email'], postgresql_concurrently=True)
            op.create_foreign_key('fk', 'orders', 'users', ['user_id'], ['id'], postgresql_not_valid=True)
            op.create_check_constraint('ck', 'orders', 'total >= 0', postgresql_not_valid=True)
            op.add_column('users', sa.Column('plan', sa.Text(), nullable=False, server_default='free'))
            op.alter_column('users', 'note', existing_type=sa.Text(), nullable=True, existing_nullable=True)
            op.create_table('tags', sa.Column('id', sa.Integer(), primary_key=True))
            op.create_index('ix_tags_id', 'tags', ['id'])
        """
    assert findings(tmp_path, body, rendered) == []


@pytest.mark.parametrize("rendered", [True, False], ids=["rendered", "source-only"])
def test_missing_lock_timeout_once_per_migration(tmp_path: Path, rendered: bool) -> None:
    body = """
        def upgrade():
            op.add_column('users', sa.Column('note', sa.Text()))
            op.add_column('orders', sa.Column('note', sa.Text()))
        """
    assert findings(tmp_path, body, rendered) == [("locking", "missing-lock-timeout", "public.users")]


def test_set_not_null_after_a_validated_check_skips_the_scan() -> None:
    sql = ("SET lock_timeout = '5s';"
           "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;"
           "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;"
           "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")
    assert analyze_sql(sql) == []
    unvalidated = sql.replace("ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;", "")
    assert [f.rule for f in analyze_sql(unvalidated)] == ["set-not-null"]


def test_lock_timeout_set_after_the_first_strong_lock_does_not_count() -> None:
    sql = "ALTER TABLE users ADD COLUMN note text;\nSET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN fax;"
    assert [(f.rule, f.line) for f in analyze_sql(sql)] == [("missing-lock-timeout", 1), ("drop-column", 3)]
