"""Pre-flight against live data, on real PostgreSQL: each kind of data-dependent change counted, the upgrade refused."""

from __future__ import annotations

import pytest

from opsconsole import alembic_env, audit, guard, preflight
from opsconsole.alembic_env import upgrade
from opsconsole.errors import UpgradeRefused

# Three tenants: Acme and Globex are real, 101 is a test tenant. 10 users: 4 of Acme, 3 of Globex, 3 of the test tenant.
SEED = """
op.create_table('tenants', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.Text),
                sa.Column('is_test', sa.Boolean, nullable=False))
op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), sa.Column('tenant_id', sa.Integer),
                sa.Column('email', sa.Text), sa.Column('last_login_at', sa.DateTime), sa.Column('age', sa.Integer),
                sa.Column('nick', sa.String(40)))
op.create_table('orders', sa.Column('id', sa.Integer, primary_key=True), sa.Column('tenant_id', sa.Integer),
                sa.Column('user_id', sa.Integer))
op.execute("INSERT INTO tenants VALUES (1, 'Acme', false), (2, 'Globex', false), (101, 'QA', true)")
op.execute("INSERT INTO users SELECT g, CASE WHEN g <= 4 THEN 1 WHEN g <= 7 THEN 2 ELSE 101 END, "
           "'u' || (g % 6) || '@x.org', CASE WHEN g % 2 = 0 THEN now() END, g * 10 - 35, repeat('n', g * 3) "
           "FROM generate_series(1, 10) g")
op.execute("INSERT INTO orders SELECT g, CASE WHEN g <= 3 THEN 1 ELSE 101 END, g * 3 FROM generate_series(1, 5) g")
"""


@pytest.fixture
def seeded(alembic_project, project_settings):
    """The seeded project at head; add the pending revision under test."""
    alembic_project.add("s1", upgrade=SEED, message="seed")
    upgrade(project_settings, by="setup")
    return alembic_project


def preflights(settings) -> dict[str, dict]:
    report = guard.run(settings, only=("pending-safe",))
    return {f["rule"]: f | {"check": report.check("pending-safe")} for f in report.findings if f.get("preflight")}


def test_set_not_null_over_nulls_fails_with_rows_per_tenant_real_and_test(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.alter_column('users', 'last_login_at', nullable=False)")
    found = preflights(project_settings)["set-not-null"]
    check = found["preflight"]
    # odd ids have no last_login_at: 1, 3 (Acme), 5, 7 (Globex), 9 (test) -> 5 rows of 3 tenants, 2 real + 1 test
    assert check["status"] == "fail"
    assert check["summary"] == "will fail: 5 row(s) of 3 tenant(s) (2 real, 1 test) have no last_login_at (NULL)."
    risk = check["risk"]
    assert (risk["rows"], risk["real_rows"], risk["test_rows"]) == (5, 4, 1)
    assert {(t["tenant_id"], t["rows"], t["is_test"]) for t in risk["by_tenant"]} == {
        ("1", 2, False), ("2", 2, False), ("101", 1, True)}
    assert found["check"].status == "fail" and "will fail" in found["check"].detail


def test_unique_over_duplicates_counts_the_duplicated_rows(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.create_unique_constraint('uq_email', 'users', ['email'])")
    check = preflights(project_settings)["add-unique-constraint"]["preflight"]
    # emails u0..u5 over ids 1..10: u1 (1, 7), u2 (2, 8), u3 (3, 9), u4 (4, 10) are shared -> 8 rows
    assert check["status"] == "fail" and check["risk"]["rows"] == 8
    assert "share their email with another row" in check["summary"]


def test_unique_index_over_duplicates_and_a_clean_one_passes(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.create_index('ix_email', 'users', ['email', 'tenant_id'], unique=True)\n"
                             "op.create_index('ix_age', 'users', ['age'], unique=True)")
    report = guard.run(project_settings, only=("pending-safe",))
    by_sql = {f["statement"]: f["preflight"] for f in report.findings if f.get("preflight")}
    email = next(v for k, v in by_sql.items() if "ix_email" in k)
    age = next(v for k, v in by_sql.items() if "ix_age" in k)
    assert email["status"] == "pass"  # (email, tenant_id) pairs are all distinct
    assert age["status"] == "pass" and age["summary"].startswith("passes on today's data")


def test_foreign_key_with_orphans(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.create_foreign_key('fk_user', 'orders', 'users', ['user_id'], ['id'])")
    check = preflights(project_settings)["add-foreign-key-validated"]["preflight"]
    # user_id = 3, 6, 9, 12, 15: 12 and 15 match no user; order 4 and 5 belong to the test tenant
    assert check["status"] == "fail" and check["risk"]["rows"] == 2 and check["risk"]["test_rows"] == 2
    assert "matches no row of public.users (orphans)" in check["summary"]


def test_check_constraint_that_rows_break(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.create_check_constraint('ck_age', 'users', 'age >= 0')")
    check = preflights(project_settings)["add-check-validated"]["preflight"]
    assert check["status"] == "fail" and check["risk"]["rows"] == 3  # ages -25, -15, -5
    assert "break the check ck_age (age >= 0)" in check["summary"]


def test_cast_that_values_cannot_survive(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.alter_column('users', 'nick', existing_type=sa.String(40), type_=sa.String(20))")
    check = preflights(project_settings)["type-change-may-fail"]["preflight"]
    assert check["status"] == "fail" and check["risk"]["rows"] == 4  # nick lengths 21, 24, 27, 30


def test_new_not_null_column_without_default_on_a_table_with_rows(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.add_column('orders', sa.Column('total', sa.Integer, nullable=False))")
    check = preflights(project_settings)["add-column-not-null-no-default"]["preflight"]
    assert check["status"] == "fail" and check["risk"]["rows"] == 5 and check["risk"]["tenants"] == 2


def test_a_backfill_before_the_change_makes_it_a_warning_not_a_block(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.execute(\"UPDATE users SET last_login_at = now() WHERE last_login_at IS NULL\")\n"
                             "op.alter_column('users', 'last_login_at', nullable=False)")
    report = guard.run(project_settings, only=("pending-safe",))
    check = next(f["preflight"] for f in report.findings if f["rule"] == "set-not-null")
    assert check["status"] == "uncertain" and "writes to public.users" in check["summary"]
    assert report.check("pending-safe").status == "pass"
    result = upgrade(project_settings, by="olga")
    assert result.ok and result.final == ("p1",)


def test_a_failing_preflight_refuses_the_upgrade_before_any_step(seeded, project_settings) -> None:
    seeded.add("p0", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    seeded.add("p1", upgrade="op.alter_column('users', 'last_login_at', nullable=False)")
    with pytest.raises(UpgradeRefused) as refused:
        upgrade(project_settings, by="olga")
    assert refused.value.reason == "preflight"
    assert "will fail: 5 row(s) of 3 tenant(s)" in str(refused.value) and "p1 set-not-null" in str(refused.value)
    assert alembic_env.status(project_settings).current == ("s1",)  # not even p0 ran
    newest = audit.read_log(project_settings)[0]
    assert (newest.actor, newest.outcome) == ("olga", "refused") and "pre-flight" in newest.error
    dry = upgrade(project_settings, by="olga", dry_run=True)
    assert any("the real upgrade will refuse: pre-flight" in w for w in dry.warnings)


def test_findings_that_do_not_depend_on_data_get_no_preflight(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.add_column('users', sa.Column('bio', sa.Text))\n"
                             "op.create_index('ix_age2', 'users', ['age'])")
    report = guard.run(project_settings, only=("pending-safe",))
    assert report.findings and not any(f.get("preflight") for f in report.findings)
    assert preflight.blocking_reason(report.findings) is None


def test_a_data_step_in_downgrade_does_not_soften_the_verdict(seeded, project_settings) -> None:
    seeded.add("p1", upgrade="op.alter_column('users', 'last_login_at', nullable=False)",
               downgrade="op.alter_column('users', 'last_login_at', nullable=True)\n"
                         "op.execute(\"UPDATE users SET last_login_at = NULL\")")
    check = preflights(project_settings)["set-not-null"]["preflight"]
    assert check["status"] == "fail"


def test_primary_key_over_nulls_and_duplicates(seeded, project_settings) -> None:
    seeded.add("s2", upgrade="op.create_table('events', sa.Column('ref', sa.Integer), sa.Column('tenant_id', sa.Integer))\n"
                             "op.execute('INSERT INTO events VALUES (1, 1), (1, 2), (NULL, 101), (2, 1), (3, 2)')")
    upgrade(project_settings, by="setup")
    seeded.add("p1", upgrade="op.create_primary_key('pk_events', 'events', ['ref'])")
    check = preflights(project_settings)["add-primary-key"]["preflight"]
    assert check["status"] == "fail" and check["risk"]["rows"] == 3 and check["risk"]["test_rows"] == 1
    assert "have a NULL or duplicate ref" in check["summary"]
