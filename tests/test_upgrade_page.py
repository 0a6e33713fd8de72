"""The Upgrade page through the real router (AppTest): decisions on record, the confirm dialog, every finding, blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pages import DROP_CUSTOMERS, Console, console, errors, open_console, router, text, visit  # noqa: F401

from opsconsole import alembic_env, audit
from opsconsole.approvals import approve_revision, reject_revision
from opsconsole.errors import InputRejected
from opsconsole.alembic_env import upgrade
from opsconsole.settings import Settings

TENANTS = ("op.create_table('tenants', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.Text), "
           "sa.Column('is_test', sa.Boolean))\n"
           "op.execute(\"INSERT INTO tenants VALUES (0, 'Zero', false), (1, 'Acme', false), (2, 'Globex', false), "
           "(3, 'QA', true)\")")


@pytest.fixture
def pending_drop(console: Console, alembic_project) -> Settings:
    """customers (40 rows of tenants 0-3; tenant 3 is a test tenant) at head, and d1 dropping it pending."""
    alembic_project.add("t0", upgrade=TENANTS, message="tenants")
    alembic_project.add_customers()
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("d1", upgrade=DROP_CUSTOMERS, message="retire customers")
    return settings


def dialog_open(at):
    at.button(key="upgrade").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_confirm_button_waits_for_the_exact_revision_id(pending_drop: Settings) -> None:
    at = dialog_open(visit(open_console("operator"), "upgrade"))
    said = text(at)
    assert "Pending revision(s) d1 delete data. This is what will be lost:" in said
    assert "d1 drop-table on public.customers: **40 row(s)** of 4 tenant(s) lost — real: 30 row(s) in 3 tenant(s), " \
           "test: 10 in 1" in said
    assert at.button(key="confirm_go").disabled  # nothing typed
    at.text_input(key="confirm_typed").input("c1").run()
    assert at.button(key="confirm_go").disabled  # a wrong id
    at.text_input(key="confirm_typed").input("d").run()
    assert at.button(key="confirm_go").disabled  # a prefix of the right one
    at.text_input(key="confirm_typed").input("d1").run()
    assert not at.button(key="confirm_go").disabled
    assert alembic_env.status(pending_drop).current == ("c1",)  # typing alone changes nothing


def test_a_typed_confirmation_is_recorded_with_the_file_hash_and_rows_at_risk(pending_drop: Settings,
                                                                               alembic_project) -> None:
    at = dialog_open(visit(open_console("operator"), "upgrade"))
    at.text_input(key="confirm_typed").input("d1").run()
    at.button(key="confirm_go").click().run()
    assert "Applied 1 migration(s): c1 → d1." in "\n".join(s.value for s in at.success)
    confirmed = next(e for e in audit.read_log(pending_drop) if e.action == "confirm")
    path = next(Path(alembic_project.root, "versions").glob("d1_*.py"))
    assert (confirmed.actor, confirmed.to_rev, confirmed.outcome) == ("Olga", "d1", "ok")
    details = confirmed.details
    assert details["file_sha256"] == audit.file_sha256(path) and details["typed"] == "d1"
    assert (details["rows_at_risk"], details["tenants_at_risk"]) == (40, 4)
    risk = details["findings"][0]["risk"]
    assert (risk["real_rows"], risk["test_rows"], risk["real_tenants"], risk["test_tenants"]) == (30, 10, 3, 1)
    assert {(t["tenant_id"], t["is_test"]) for t in risk["by_tenant"]} == {("0", False), ("1", False), ("2", False),
                                                                          ("3", True)}
    # and History shows it to reviewers: who typed what, the file's hash and the rows at risk
    at.switch_page("pages/history.py").run()
    log = next(d.value for d in at.dataframe if "Decision" in d.value.columns and "Who" in d.value.columns)
    row = log[log["Action"] == "confirm"].iloc[0]
    assert row["Who"] == "Olga"
    assert row["Decision"] == (f"file sha256 {details['file_sha256'][:12]}…; typed 'd1'; 40 row(s) of 4 tenant(s) "
                               "at risk (30 real, 10 test).")


def test_approve_in_the_page_needs_a_reason_and_is_recorded(pending_drop: Settings, alembic_project) -> None:
    at = visit(open_console("operator"), "upgrade")
    at.button(key="approve_d1").click().run()
    assert "reason: is empty; give a reason" in errors(at)
    assert audit.read_approvals(pending_drop) == []
    at.text_area(key="decide_reason_d1").input("customers moved to the CRM in 2025").run()
    at.button(key="approve_d1").click().run()
    assert "Recorded: approved d1 as Olga." in text(at)
    (approval,) = audit.read_approvals(pending_drop)
    path = next(Path(alembic_project.root, "versions").glob("d1_*.py"))
    assert (approval.revision, approval.approved_by, approval.file_sha256) == ("d1", "Olga", audit.file_sha256(path))
    row = next(e for e in audit.read_log(pending_drop) if e.action == "approve")
    assert row.details["reason"] == "customers moved to the CRM in 2025" and row.details["rows_at_risk"] == 40
    assert "(approved)" in text(at)


def test_reject_blocks_the_upgrade_until_a_later_approval(pending_drop: Settings) -> None:
    at = visit(open_console("operator"), "upgrade")
    at.text_area(key="decide_reason_d1").input("we still bill from customers").run()
    at.button(key="reject_d1").click().run()
    assert "Recorded: rejected d1 as Olga." in text(at)  # the person signed in; no name is typed here
    assert not [t for t in at.text_input if t.key.startswith("decide_by")]
    assert at.button(key="upgrade").disabled
    assert "Upgrade to head is disabled: d1 rejected by Olga: we still bill from customers" in errors(at)
    rejected = next(e for e in audit.read_log(pending_drop) if e.action == "reject")
    assert rejected.actor == "Olga" and rejected.details["findings"][0]["rows_at_risk"] == 40
    with pytest.raises(Exception, match="d1 rejected by Olga: we still bill from customers"):
        upgrade(pending_drop, by="olga", confirm="d1")  # a typed confirmation does not override a rejection
    at.text_area(key="decide_reason_d1").input("billing moved off customers").run()
    at.button(key="approve_d1").click().run()
    assert not at.button(key="upgrade").disabled


def test_over_long_reason_or_name_is_refused_with_a_message(pending_drop: Settings) -> None:
    at = visit(open_console("operator"), "upgrade")
    assert at.text_area(key="decide_reason_d1").max_chars == 1000
    with pytest.raises(InputRejected, match="reason: is 1,001 characters long; give at most 1000"):
        reject_revision(pending_drop, "d1", "Olga", "x" * 1001)  # what a crafted request past max_chars meets
    with pytest.raises(InputRejected, match="reviewer name: is 65 characters long"):
        approve_revision(pending_drop, "d1", "O" * 65, "fine")
    with pytest.raises(InputRejected, match="control character"):
        reject_revision(pending_drop, "d1", "Olga\x1b[31m", "fine")
    assert audit.read_decisions(pending_drop) == []


def test_every_severity_is_listed_with_preflight_and_a_failing_one_disables_upgrade(console: Console,
                                                                                   alembic_project) -> None:
    alembic_project.add("u0", upgrade="op.create_table('users', sa.Column('id', sa.Integer), "
                                      "sa.Column('tenant_id', sa.Integer), sa.Column('last_login_at', sa.DateTime))\n"
                                      "op.execute('INSERT INTO users SELECT g, g % 3, NULL FROM generate_series(1, 9) g')")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("u1", upgrade="op.alter_column('users', 'last_login_at', nullable=False)\n"
                                      "op.create_index('ix_t', 'users', ['tenant_id'])", message="require logins")
    at = visit(open_console("operator"), "upgrade")
    said = text(at)
    assert "Breaking (1)" in said and "Locking (" in said
    assert "will fail: 9 row(s) of 3 tenant(s) have no last_login_at (NULL)." in said
    assert "The rehearsal is schema-only" in said
    assert at.button(key="upgrade").disabled
    assert "Upgrade to head is disabled: pre-flight against the live data: u1 set-not-null" in errors(at)
    assert alembic_env.status(settings).current == ("u0",)


def test_a_failed_rehearsal_disables_upgrade_for_the_same_files(console: Console, alembic_project) -> None:
    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    path = alembic_project.add("a2", upgrade="op.execute('SELECT no_such_function()')", message="broken")
    at = visit(open_console("operator"), "upgrade")
    assert not at.button(key="upgrade").disabled
    at.button(key="rehearse").click().run()
    assert "Rehearsal failed" in errors(at) and at.button(key="upgrade").disabled
    assert "Upgrade to head is disabled: the rehearsal failed" in errors(at)
    path.write_text(path.read_text().replace("SELECT no_such_function()", "SELECT 1"))
    at.run()  # the file changed: the old rehearsal no longer applies
    assert not at.button(key="upgrade").disabled


def test_a_failed_upgrade_lists_the_steps_that_applied_and_where_the_database_is(console: Console,
                                                                                 alembic_project) -> None:
    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.create_table('tags', sa.Column('id', sa.Integer))", message="add tags")
    alembic_project.add("a3", upgrade="op.execute('SELECT no_such_function()')", message="broken")
    at = visit(open_console("operator"), "upgrade")
    at.button(key="upgrade").click().run()
    said = text(at)
    assert "Steps that applied: a2" in said and "Failed step (rolled back): a3" in said
    assert "The database is now at: **a2**" in said
    assert "Applied before it: a2 — the database is now at a2." in errors(at)
    assert alembic_env.status(settings).current == ("a2",)
