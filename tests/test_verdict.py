"""The one verdict on real PostgreSQL: after a failed, an interrupted and a running upgrade, stale and ok; the CSVs."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime, timedelta, timezone

import pytest

from opsconsole import audit, checklist, db, reports, verdict
from opsconsole.alembic_env import LOCK_KEY, upgrade
from opsconsole.audit import AuditEntry
from opsconsole.errors import UpgradeFailed, WorkerDied
from opsconsole.guard import CheckResult, GuardReport
from fake_urls import url_with_password

LABEL = "opsconsole upgrade since 2026-11-24T10:00:00Z by carol"


@pytest.fixture
def healthy(make_settings, monkeypatch):
    """The shipped project at head, the flag set: every check passes."""
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    settings = make_settings(OPSCONSOLE_GLOBAL_TABLES="plans")
    upgrade(settings, by="setup")
    return settings


@pytest.fixture
def failed_upgrade(alembic_project, make_settings, monkeypatch):
    """f1 applied by an earlier run; then a run by erin applies f2 and fails at f3 (f4 never runs)."""
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    alembic_project.add("f1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    upgrade(settings, by="setup")
    alembic_project.add("f2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))",
                        downgrade="op.drop_table('t2')")
    alembic_project.add("f3", upgrade="op.execute('SELECT * FROM no_such_table')")
    alembic_project.add("f4", upgrade="op.create_table('t4', sa.Column('id', sa.Integer))")
    with pytest.raises(UpgradeFailed):
        upgrade(settings, by="erin")
    return settings


def test_every_check_passing_is_safe_and_a_fresh_verdict_is_not_stale(healthy) -> None:
    v = verdict.judge(healthy)
    assert v.verdict == verdict.SAFE and v.ok, v.headline
    assert v.headline == "Safe to publish: every check passes and no upgrade is unfinished."
    assert v.upgrade.current == ("9d3e5f7a1b26",) and v.upgrade.running is None
    assert v.upgrade.last.outcome == "ok" and v.upgrade.last.by == "setup" and len(v.upgrade.last.applied) == 6
    assert not v.upgrade.broken and v.tally()["fail"] == 0
    assert v.checked_at.tzinfo is not None and not v.is_stale()
    assert v.is_stale(now=v.checked_at + verdict.STALE_AFTER + timedelta(seconds=1))
    assert all(r.meaning.endswith(".") and r.next_step == "" for r in v.reasons)  # nothing to do when all pass
    assert set(v.to_dict()) == {"verdict", "headline", "checked_at", "reasons", "upgrade", "tally"}


def test_after_a_failed_upgrade_do_not_publish_with_what_applied_and_the_way_back(failed_upgrade,
                                                                                   alembic_project) -> None:
    v = verdict.judge(failed_upgrade)
    assert v.verdict == verdict.STOP
    assert v.headline == "Do not publish: the last upgrade failed at f3; the database is at f2."
    last = v.upgrade.last
    assert (last.outcome, last.step, last.by, last.standing) == ("failed", "f3", "erin", True)
    assert last.applied == ("f2",) and last.before == "f1"  # f1 belongs to the earlier run by "setup"
    assert "no_such_table" in last.error and "ProgrammingError" not in last.error and "psycopg2" not in last.error
    assert last.way_back == f"alembic -c {alembic_project.ini} downgrade f1"  # f2 has a real downgrade()
    assert "Fix migration f3" in last.next_step and last.way_back in last.next_step
    first = v.reasons[0]
    assert (first.check, first.status, first.link) == ("last-upgrade", "fail", "pages/upgrade.py")
    assert "Steps that applied in that run: f2." in first.detail
    # the checklist's guard step is the same verdict, word for word
    step = next(s for s in checklist.steps(failed_upgrade) if s.id == "guard-passes")
    assert step.status == "fail" and step.detail.startswith(v.headline)


def test_an_earlier_run_by_the_same_person_minutes_before_is_not_part_of_the_failed_run(
        alembic_project, make_settings) -> None:
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    alembic_project.add("h1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))",
                        downgrade="op.drop_table('t1')")
    upgrade(settings, by="erin")  # one run …
    alembic_project.add("h2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))",
                        downgrade="op.drop_table('t2')")
    alembic_project.add("h3", upgrade="op.execute('SELECT 1/0')")
    with pytest.raises(UpgradeFailed):
        upgrade(settings, by="erin")  # … and the next, by the same person, seconds later
    last = verdict.judge(settings).upgrade.last
    assert (last.applied, last.before, last.step) == (("h2",), "h1", "h3")
    assert last.way_back.endswith("downgrade h1")  # undoing h2 only, never the earlier run's h1
    runs = {(e.to_rev, (e.details or {}).get("run")) for e in audit.read_log(settings) if e.action == "upgrade-step"}
    assert len({run for rev, run in runs if rev in ("h2", "h3")}) == 1
    assert {run for rev, run in runs if rev == "h1"}.isdisjoint({run for rev, run in runs if rev == "h2"})


def test_no_way_back_is_offered_when_an_applied_step_has_no_downgrade(alembic_project, make_settings) -> None:
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    alembic_project.add("g1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")  # downgrade: pass
    alembic_project.add("g2", upgrade="op.execute('SELECT 1/0')")
    with pytest.raises(UpgradeFailed):
        upgrade(settings, by="erin")
    last = verdict.judge(settings).upgrade.last
    assert last.applied == ("g1",) and last.before is None and last.way_back == ""
    assert "downgrade" not in last.next_step and "division by zero" in last.error


def test_a_later_successful_upgrade_settles_the_failure(failed_upgrade, alembic_project) -> None:
    (path,) = (alembic_project.root / "versions").glob("f3_*.py")
    path.write_text(path.read_text().replace("SELECT * FROM no_such_table", "SELECT 1"))
    upgrade(failed_upgrade, by="erin")
    v = verdict.judge(failed_upgrade)
    assert v.upgrade.last.outcome == "ok" and not v.upgrade.broken and v.verdict != verdict.STOP
    assert v.reason("last-upgrade") is None


def test_an_interrupted_step_is_do_not_publish_with_where_the_database_is(alembic_project, make_settings) -> None:
    """kill -9 in the middle of step a2: its `started` row never finishes; a1 of the same run did apply."""
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))",
                        downgrade="op.drop_table('t1')")
    alembic_project.add("a2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))\n"
                                      "import os, signal\n"
                                      "if not context.is_offline_mode():\n"
                                      "    os.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(WorkerDied):
        upgrade(settings, by="nat")
    v = verdict.judge(settings)
    assert v.verdict == verdict.STOP
    assert v.headline == "Do not publish: the last upgrade was interrupted at a2; the database is at a1."
    last = v.upgrade.last
    assert (last.outcome, last.step, last.applied, last.standing) == ("interrupted", "a2", ("a1",), True)
    assert "died" in last.next_step and "python -m opsconsole status" in last.next_step
    assert last.way_back == f"alembic -c {alembic_project.ini} downgrade base"


@pytest.fixture
def one_pending(alembic_project, make_settings, monkeypatch):
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))")
    return settings


def test_during_an_upgrade_the_verdict_says_who_since_when_and_which_step(one_pending) -> None:
    with db.connect(one_pending) as conn, conn.begin():  # the running upgrade's row for the step it applies
        audit.start_step(conn, actor="carol", from_rev="a1", to_rev="a2", sql_sha256=None)
    with db.connect(one_pending) as other:
        other.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
        other.exec_driver_sql(f"SET application_name = '{LABEL}'")
        other.commit()
        v = verdict.judge(one_pending)
        step = next(s for s in checklist.steps(one_pending) if s.id == "guard-passes")
        other.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
        other.commit()
    assert v.verdict == verdict.ACTION
    assert v.headline == ("Action needed: an upgrade by carol is running (applying a2); wait for it to finish, "
                          "then check again.")
    running = v.upgrade.running
    assert (running.by, running.step) == ("carol", "a2")
    assert running.since == datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
    assert v.reasons[0].check == "upgrade-running" and v.reasons[0].link == "pages/upgrade.py"
    assert v.reason("at-head").next_step == "Check again once the running upgrade has finished."
    assert not v.upgrade.broken  # a started row under a held lock is in progress, not interrupted
    assert step.status == "warn" and step.detail.startswith(v.headline)
    after = verdict.judge(one_pending)  # the lock is gone and the row never finished: interrupted
    assert after.verdict == verdict.STOP and after.upgrade.last.outcome == "interrupted"


def test_a_running_upgrade_does_not_hide_a_failing_start_script() -> None:
    report = GuardReport((CheckResult("auto-migrations-disabled", "fail", "No flag."),
                          CheckResult("no-drift", "fail", "Drift.")))
    running = verdict.UpgradeState(running=verdict.Running("carol", None, "x1"))
    assert verdict.decide(report.checks, running) == verdict.STOP
    assert verdict.decide(report.checks[1:], running) == verdict.ACTION  # drift is in flux while it runs
    assert verdict.decide(report.checks[1:]) == verdict.STOP == report.verdict  # the guard's own verdict delegates


def test_unreachable_database_is_do_not_publish_without_driver_names(make_settings) -> None:
    settings = make_settings(DATABASE_URL=url_with_password("pw"), OPSCONSOLE_CONNECT_TIMEOUT_S="2")
    v = verdict.judge(settings)
    assert v.verdict == verdict.STOP and v.upgrade.note
    reachable = v.reason("database-reachable")
    assert reachable.status == "fail" and "postgresql://u:***@127.0.0.1:1/example" in reachable.detail
    text = str(v.to_dict())
    assert "psycopg2" not in text and "pw@" not in text and "None" not in v.headline


# --- CSV -----------------------------------------------------------------------------------------

def test_verdict_csv_has_one_row_per_reason_and_neutralises_formulas(failed_upgrade) -> None:
    v = verdict.judge(failed_upgrade)
    rows = list(csv.reader(io.StringIO(reports.verdict_csv(v, failed_upgrade))))
    assert rows[0] == list(reports.VERDICT_COLUMNS)
    assert rows[1][:3] == ["verdict", "Do not publish", v.headline]
    assert [r[0] for r in rows[2:]] == [r.check for r in v.reasons] and rows[2][0] == "last-upgrade"
    assert rows[2][4] == v.upgrade.last.next_step
    assert reports.safe_cell("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")"
    assert [reports.safe_cell(x) for x in ("+1", "-1", "@SUM(A1)", "plain", None)] == ["'+1", "'-1", "'@SUM(A1)",
                                                                                     "plain", ""]


def _entry(n: int, at: datetime, **kw: object) -> AuditEntry:
    values = {"actor": "ann", "action": "upgrade-step", "from_rev": None, "to_rev": f"r{n}", "sql_sha256": None,
              "duration_ms": 1234, "outcome": "ok", "error": None}
    values.update(kw)
    return AuditEntry(n, at, **values)  # type: ignore[arg-type]


def test_audit_csv_is_redacted_formula_safe_and_filtered_by_the_viewers_day(make_settings) -> None:
    from zoneinfo import ZoneInfo

    settings = make_settings(DATABASE_URL=url_with_password("s3cret-pw", port=5432))
    entries = [_entry(3, datetime(2026, 11, 28, 1, 30, tzinfo=timezone.utc), actor="=cmd|' /C calc'!A0",
                      outcome="failed", error="login s3cret-pw failed"),
               _entry(2, datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)),
               _entry(1, datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc))]
    rows = list(csv.reader(io.StringIO(reports.audit_csv(entries, settings))))
    assert rows[0] == list(reports.AUDIT_COLUMNS) and len(rows) == 4
    assert rows[1][0] == "2026-11-28 01:30:00" and rows[1][1].startswith("'=cmd")
    assert "s3cret-pw" not in "".join(rows[1]) and rows[1][3] == "base" and rows[2][5] == "1234"
    new_york = ZoneInfo("America/New_York")  # 01:30 UTC on the 28th is still the 27th there
    assert [e.id for e in reports.between(entries, date(2026, 11, 27), date(2026, 11, 27), new_york)] == [3, 2]
    assert [e.id for e in reports.between(entries, date(2026, 11, 28), None)] == [3]
    assert [e.id for e in reports.between(entries, None, date(2026, 11, 21))] == [1]


def test_a_refused_upgrade_after_a_failure_does_not_hide_it(failed_upgrade) -> None:
    with db.connect(failed_upgrade) as conn, conn.begin():
        audit.record(conn, actor="erin", action="upgrade", outcome="refused", from_rev="f2",
                     error="upgrade refused: pending revision(s) f3 delete data")
    v = verdict.judge(failed_upgrade)
    assert v.verdict == verdict.STOP and (v.upgrade.last.outcome, v.upgrade.last.step) == ("failed", "f3")


def test_the_console_shares_one_verdict_between_sessions_until_something_changes(healthy, monkeypatch,
                                                                                 tmp_path) -> None:
    import threading

    calls: list[int] = []
    real = verdict.judge

    def counted(settings, *args, **kwargs):  # the real judge, counted
        calls.append(1)
        return real(settings, *args, **kwargs)

    monkeypatch.setattr(verdict, "judge", counted)
    verdict.forget_shared()
    seen: list[verdict.Verdict] = []
    threads = [threading.Thread(target=lambda: seen.append(verdict.judge_shared(healthy))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(v) for v in seen}) == 1 and seen[0].verdict == verdict.SAFE
    assert verdict.judge_shared(healthy, force=True) is not seen[0] and len(calls) == 2  # Refresh judges again
    upgrade(healthy, by="nobody")  # nothing pending, but an upgrade in this process drops the kept verdict
    verdict.judge_shared(healthy)
    assert len(calls) == 3
    script = tmp_path / "start.sh"  # a start script that loses the flag is seen at once, not 5 s later
    script.write_text("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
    moved = dataclasses.replace(healthy, start_script=script)
    assert verdict.judge_shared(moved).verdict == verdict.SAFE
    script.write_text("#!/bin/bash\nexec streamlit run app.py\n")
    assert verdict.judge_shared(moved).verdict == verdict.STOP and len(calls) == 5
