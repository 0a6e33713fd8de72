"""Every guard check passing and failing, on real databases and throw-away projects."""

from __future__ import annotations

import io
import json

import pytest

from opsconsole import db, guard
from opsconsole.approvals import approve_revision
from opsconsole.cli import main
from opsconsole.errors import SettingsError
from opsconsole.alembic_env import upgrade
from fake_urls import url_with_password


def statuses(report) -> dict[str, str]:
    return {c.id: c.status for c in report.checks}


@pytest.fixture
def flag(monkeypatch):
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")


def test_shipped_project_at_head_passes_strict(make_settings, flag) -> None:
    s = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(s, by="ci")
    report = guard.run(s, strict=True)
    assert statuses(report) == {check_id: "pass" for check_id in guard.CHECK_IDS}, report.to_dict()
    assert report.ok and report.verdict == "Safe to publish"


def test_pending_warns_and_strict_fails(settings, flag) -> None:
    upgrade(settings, by="ci", target="e1a7b3c59f08")
    loose, strict = guard.run(settings), guard.run(settings, strict=True)
    assert statuses(loose)["at-head"] == "warn" and loose.ok
    assert statuses(strict)["at-head"] == "fail" and not strict.ok
    assert [p["revision"] for p in loose.pending] == ["9d3e5f7a1b26"]
    assert statuses(loose)["no-drift"] == "warn"


def test_two_heads_fail(alembic_project, project_settings) -> None:
    alembic_project.add("a1")
    alembic_project.add("b1", down="a1")
    alembic_project.add("c1", down="a1")
    report = guard.run(project_settings, only=["single-head"])
    check = report.check("single-head")
    assert check.status == "fail" and "b1" in check.detail and "c1" in check.detail and "merge" in check.detail


def test_unknown_revision_fails(alembic_project, project_settings) -> None:
    alembic_project.add("a1")
    upgrade(project_settings, by="ci")
    with db.connect(project_settings) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'other_branch_1'")
    report = guard.run(project_settings)
    assert statuses(report)["revision-known"] == "fail"
    assert "other_branch_1" in report.check("revision-known").detail
    assert statuses(report)["at-head"] == "fail"


def test_drift_fails_with_details(make_settings) -> None:
    s = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(s, by="ci")
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("ALTER TABLE users ADD COLUMN nickname text; ALTER TABLE events ALTER COLUMN kind TYPE varchar(20)")
    check = guard.run(s, only=["no-drift"]).check("no-drift")
    assert check.status == "fail"
    assert "users.nickname" in check.detail and "events.kind" in check.detail


def test_drift_ignores_opsconsole_tables_and_other_schemas(make_settings) -> None:
    s = make_settings()
    upgrade(s, by="ci")  # creates opsconsole.audit_log etc.
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("CREATE SCHEMA storage; CREATE TABLE storage.objects (id int)")
    assert guard.run(s, only=["no-drift"]).check("no-drift").status == "pass"



def test_pending_drop_fails_with_rows_and_tenants_at_risk(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="ci")
    alembic_project.add("d1", upgrade="op.drop_table('customers')")
    report = guard.run(project_settings)
    check = report.check("pending-safe")
    assert check.status == "fail" and "d1" in check.detail
    assert "40 row(s) of 4 tenant(s)" in check.detail
    finding = next(f for f in report.findings if f["rule"] == "drop-table")
    assert finding["rows_at_risk"] == 40 and finding["tenants_at_risk"] == 4 and finding["approved"] is False


def test_pending_drop_column_counts_rows_at_risk(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="ci")
    alembic_project.add("d2", upgrade="op.drop_column('customers', 'email')")
    report = guard.run(project_settings, only=["pending-safe"])
    finding = next(f for f in report.findings if f["severity"] == "data-loss")
    assert finding["object"].endswith("customers.email") and finding["rows_at_risk"] == 40


def test_approval_passes_until_the_file_changes(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="ci")
    path = alembic_project.add("d1", upgrade="op.drop_table('customers')")
    approve_revision(project_settings, "d1", by="rev", reason="table retired")
    assert guard.run(project_settings, only=["pending-safe"]).check("pending-safe").status == "pass"
    path.write_text(path.read_text() + "\n# edited after approval\n")
    assert guard.run(project_settings, only=["pending-safe"]).check("pending-safe").status == "fail"


def test_edited_applied_file_fails(alembic_project, project_settings) -> None:
    path = alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    upgrade(project_settings, by="ci")
    assert guard.run(project_settings, only=["applied-unchanged"]).check("applied-unchanged").status == "pass"
    path.write_text(path.read_text().replace("'id'", "'ident'"))
    check = guard.run(project_settings, only=["applied-unchanged"]).check("applied-unchanged")
    assert check.status == "fail" and "a1" in check.detail


def test_tenant_isolation_warns_on_null_tenant_and_missing_column(make_settings) -> None:
    s = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(s, by="ci")
    assert guard.run(s, only=["tenant-isolation"]).check("tenant-isolation").status == "pass"
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("CREATE TABLE audit_notes (id int); ALTER TABLE events ALTER COLUMN tenant_id DROP NOT NULL;"
                             "INSERT INTO events (id, tenant_id, kind) VALUES (1, NULL, 'x')")
    check = guard.run(s, only=["tenant-isolation"]).check("tenant-isolation")
    assert check.status == "warn" and "audit_notes" in check.detail and "events" in check.detail


def test_rls_enabled_only_on_supabase(make_settings) -> None:
    s = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(s, by="ci")
    assert guard.run(s, only=["rls-enabled"]).check("rls-enabled").status == "pass"
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("CREATE SCHEMA auth")
    check = guard.run(s, only=["rls-enabled"]).check("rls-enabled")
    assert check.status == "warn" and "tenants" in check.detail
    with db.connect(s) as conn, conn.begin():
        for t in ("plans", "tenants", "users", "projects", "documents", "events"):
            conn.exec_driver_sql(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    assert guard.run(s, only=["rls-enabled"]).check("rls-enabled").status == "pass"


def test_database_target_warnings(make_settings) -> None:
    pooler = make_settings(DATABASE_URL=url_with_password("pw", host="aws-0-eu.pooler.supabase.com", port=6543))
    check = guard.run(pooler, only=["database-target"]).check("database-target")
    assert check.status == "warn" and "transaction-mode pooler" in check.detail and "pw" not in check.detail
    wrong = make_settings(DATABASE_URL=url_with_password("pw", host="helium", port=None), OPSCONSOLE_EXPECTED_DB_HOST="db.abc.supabase.co")
    check = guard.run(wrong, only=["database-target"]).check("database-target")
    assert check.status == "warn" and "db.abc.supabase.co" in check.detail
    right = make_settings(DATABASE_URL=url_with_password("pw", host="db.abc.supabase.co", port=5432),
                          OPSCONSOLE_EXPECTED_DB_HOST="db.abc.supabase.co")
    assert guard.run(right, only=["database-target"]).check("database-target").status == "pass"


def test_start_script_and_process_env_need_no_database(make_settings, tmp_path, monkeypatch) -> None:
    s = make_settings(DATABASE_URL=url_with_password("pw"))
    bad = tmp_path / "start.sh"
    bad.write_text("#!/bin/bash\n# export DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
    monkeypatch.delenv("DISABLE_AUTO_MIGRATIONS", raising=False)
    report = guard.run(s, only=["auto-migrations-disabled", "process-env"], start_script=bad)
    assert statuses(report) == {"auto-migrations-disabled": "fail", "process-env": "warn"}
    assert "restart the workflow" in report.check("process-env").summary
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    assert statuses(guard.run(s, only=["process-env", "auto-migrations-disabled"])) == {
        "auto-migrations-disabled": "pass", "process-env": "pass"}


def test_unreachable_database_fails_reachable_and_skips_the_rest(make_settings) -> None:
    s = make_settings(DATABASE_URL=url_with_password("pw"), OPSCONSOLE_CONNECT_TIMEOUT_S="2")
    report = guard.run(s)
    assert statuses(report)["database-reachable"] == "fail" and not report.ok
    assert statuses(report)["at-head"] == "warn" and report.verdict == "Do not publish"


def test_unknown_check_id_is_a_settings_error(settings) -> None:
    with pytest.raises(SettingsError, match="unknown check id"):
        guard.run(settings, only=["nope"])


def test_cli_guard_exit_codes_and_json(settings, monkeypatch, flag) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(settings.alembic_ini))
    monkeypatch.setenv("OPSCONSOLE_GLOBAL_TABLES", "plans")
    out = io.StringIO()
    assert main(["guard", "--strict", "--json"], stdout=out) == 1
    data = json.loads(out.getvalue())
    assert set(data) >= {"ok", "checks", "pending", "findings"} and data["ok"] is False
    assert len(data["pending"]) == 6
    upgrade(settings, by="ci")
    out = io.StringIO()
    assert main(["guard", "--strict"], stdout=out) == 0
    assert "SAFE TO PUBLISH: every check passes and no upgrade is unfinished." in out.getvalue()
    assert main(["guard", "--check", "bogus"], stdout=io.StringIO(), stderr=io.StringIO()) == 2


def test_a_check_that_times_out_fails_alone(make_settings) -> None:
    """A lock wait in one check must not abort the shared transaction and crash the whole report."""
    s = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans", OPSCONSOLE_LOCK_TIMEOUT_MS="300")
    upgrade(s, by="ci")
    with db.connect(s) as locker:
        locker.begin()
        locker.exec_driver_sql("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
        report = guard.run(s)
        locker.rollback()
    assert [c.id for c in report.checks] == list(guard.CHECK_IDS)
    assert statuses(report)["at-head"] == "pass" and statuses(report)["database-target"] == "pass"


def test_selected_checks_report_an_unreachable_database(make_settings) -> None:
    s = make_settings(DATABASE_URL=url_with_password("pw"), OPSCONSOLE_CONNECT_TIMEOUT_S="2")
    report = guard.run(s, strict=True, only=["at-head", "applied-unchanged"])
    assert statuses(report)["database-reachable"] == "fail" and not report.ok


def test_expected_host_must_match_exactly(make_settings) -> None:
    s = make_settings(DATABASE_URL=url_with_password("pw", host="db.abc.supabase.co.evil.net", port=5432),
                      OPSCONSOLE_EXPECTED_DB_HOST="db.abc.supabase.co")
    assert guard.run(s, only=["database-target"]).check("database-target").status == "warn"
