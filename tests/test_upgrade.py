"""The guarded upgrade protocol on real PostgreSQL: lock, refusals, failure rollback, audit, dry run, rehearsal."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from opsconsole import audit, db, alembic_env
from opsconsole.errors import UpgradeFailed, UpgradeRefused, WorkerDied, WrongDatabase
from opsconsole.alembic_env import rehearse
from opsconsole.alembic_env import LOCK_KEY, lock_holder, upgrade


def at_once(work, *names: str) -> list[object]:
    """Run work(name, barrier) in one thread per name; `barrier.wait()` releases them together.

    Returns each thread's result, or the exception it raised.
    """
    barrier = threading.Barrier(len(names))
    outcomes: list[object] = []

    def run(name: str) -> None:
        try:
            outcomes.append(work(name, barrier))
        except Exception as exc:  # noqa: BLE001 - the caller asserts on every outcome
            outcomes.append(exc)

    threads = [threading.Thread(target=run, args=(name,)) for name in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def _tables(settings) -> set[str]:
    with db.read_only(settings) as conn:
        return set(conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").scalars())


def test_fresh_database_base_to_head_with_complete_audit_log(settings) -> None:
    result = upgrade(settings, by="alice")
    assert result.ok and result.start == () and result.final == ("9d3e5f7a1b26",)
    assert [s.to_rev for s in result.steps] == [r.revision for r in alembic_env.history(settings)]
    assert {c["id"]: c["status"] for c in result.post_checks} == {"at-head": "pass", "no-drift": "pass"}
    log = list(reversed(audit.read_log(settings)))
    assert [e.to_rev for e in log] == [s.to_rev for s in result.steps]
    assert all(e.actor == "alice" and e.outcome == "ok" and len(e.sql_sha256) == 64 for e in log)
    assert [e.from_rev for e in log][:2] == [None, "3f1c2a9b7d10"]
    assert all(e.duration_ms is not None and e.duration_ms >= 0 for e in log)
    with db.read_only(settings) as conn:
        assert len(audit.applied_checksums(conn)) == 6
    again = upgrade(settings, by="alice")
    assert again.steps == () and again.ok


def test_upgrade_to_a_given_revision(settings) -> None:
    result = upgrade(settings, by="bob", target="8a4e6d21c5b3")
    assert [s.to_rev for s in result.steps] == ["3f1c2a9b7d10", "8a4e6d21c5b3"]
    assert alembic_env.status(settings).current == ("8a4e6d21c5b3",)


def test_two_upgrades_at_the_same_moment_exactly_one_applies(alembic_project, project_settings) -> None:
    alembic_project.add("s1", upgrade="op.execute('SELECT pg_sleep(1.5)')\nop.create_table('slow', sa.Column('id', sa.Integer))")

    def worker(name: str, barrier: threading.Barrier) -> object:
        barrier.wait()
        return upgrade(project_settings, by=name)

    outcomes = at_once(worker, "op-one", "op-two")
    applied = [o for o in outcomes if not isinstance(o, Exception)]
    refused = [o for o in outcomes if isinstance(o, UpgradeRefused)]
    assert len(applied) == 1 and len(refused) == 1, outcomes
    assert [s.to_rev for s in applied[0].steps] == ["s1"]
    assert refused[0].reason == "locked"
    assert "already running since" in str(refused[0]) and " by op-" in str(refused[0])
    entries = audit.read_log(project_settings)
    assert sorted(e.outcome for e in entries) == ["ok", "refused"]


def test_lock_holder_names_who_and_since(project_settings, alembic_project) -> None:
    alembic_project.add("a1")
    with db.connect(project_settings) as other:
        other.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
        other.exec_driver_sql("SET application_name = 'opsconsole upgrade since 2026-11-24T10:00:00Z by carol'")
        other.commit()
        assert lock_holder(project_settings) == "since 2026-11-24T10:00:00Z by carol"
        with pytest.raises(UpgradeRefused, match="already running since 2026-11-24T10:00:00Z by carol"):
            upgrade(project_settings, by="dave")
        other.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
        other.commit()
    assert lock_holder(project_settings) is None
    assert alembic_env.status(project_settings).current == ()


def test_failure_half_way_stays_at_last_good_revision(alembic_project, project_settings) -> None:
    alembic_project.add("f1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("f2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))\n"
                                      "op.execute('SELECT * FROM no_such_table')")
    alembic_project.add("f3", upgrade="op.create_table('t3', sa.Column('id', sa.Integer))")
    with pytest.raises(UpgradeFailed) as info:
        upgrade(project_settings, by="erin")
    assert info.value.last_good == "f1"
    assert "f2 failed" in str(info.value) and "no_such_table" in str(info.value)
    assert (info.value.applied, info.value.failed) == ("f1", "f2")  # carried across the worker protocol
    assert "Applied before it: f1 — the database is now at f1." in str(info.value)
    assert "stays at" not in str(info.value)
    assert alembic_env.status(project_settings).current == ("f1",)
    assert _tables(project_settings) >= {"t1"} and not _tables(project_settings) & {"t2", "t3"}
    entries = audit.read_log(project_settings)
    failed = entries[0]
    assert (failed.to_rev, failed.outcome, failed.from_rev) == ("f2", "failed", "f1")
    assert "no_such_table" in failed.error
    assert entries[1].outcome == "ok" and entries[1].to_rev == "f1"


DROP = "op.drop_table('customers')"



def test_unapproved_drop_is_refused_and_changes_nothing(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="frank")
    alembic_project.add("d1", upgrade=DROP)
    with pytest.raises(UpgradeRefused) as info:
        upgrade(project_settings, by="frank")
    assert info.value.reason == "data-loss" and "d1" in str(info.value)
    assert alembic_env.status(project_settings).current == ("c1",)
    assert "customers" in _tables(project_settings)
    assert audit.read_log(project_settings)[0].outcome == "refused"


def test_typed_confirmation_lets_the_drop_through(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    alembic_project.add("d1", upgrade=DROP)
    with pytest.raises(UpgradeRefused):
        upgrade(project_settings, by="gina", confirm="wrong-id")
    result = upgrade(project_settings, by="gina", confirm="d1")
    assert [s.to_rev for s in result.steps] == ["c1", "d1"]
    assert "customers" not in _tables(project_settings)


def test_approved_drop_applies(alembic_project, project_settings) -> None:
    from opsconsole.approvals import approve_revision

    alembic_project.add_customers()
    upgrade(project_settings, by="hank")
    alembic_project.add("d1", upgrade=DROP)
    approve_revision(project_settings, "d1", by="reviewer", reason="customers moved to accounts")
    result = upgrade(project_settings, by="hank")
    assert [s.to_rev for s in result.steps] == ["d1"]
    assert audit.read_approvals(project_settings)[0].approved_by == "reviewer"


def test_edited_applied_file_blocks_the_next_upgrade(alembic_project, project_settings) -> None:
    path = alembic_project.add("e1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    upgrade(project_settings, by="ivy")
    path.write_text(path.read_text().replace("'t1'", "'t1_renamed'"))
    alembic_project.add("e2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))")
    with pytest.raises(UpgradeRefused) as info:
        upgrade(project_settings, by="ivy")
    assert info.value.reason == "guard" and "applied-unchanged" in str(info.value) and "e1" in str(info.value)
    assert alembic_env.status(project_settings).current == ("e1",)


def test_dry_run_prints_sql_and_changes_nothing(settings) -> None:
    result = upgrade(settings, by="jo", dry_run=True)
    assert result.dry_run and result.steps == ()
    assert "CREATE TABLE plans" in result.sql and "CREATE TABLE events" in result.sql
    assert alembic_env.status(settings).migrated is False
    assert _tables(settings) == set()


def test_transaction_pooler_is_refused_before_connecting(make_settings) -> None:
    s = make_settings(DATABASE_URL="postgresql://postgres.ref:pw@aws-0-eu-west-1.pooler.supabase.com:6543/example")
    with pytest.raises(UpgradeRefused) as info:
        upgrade(s, by="kim")
    assert info.value.reason == "pooler" and "session pooler" in str(info.value)


def test_upgrade_needs_an_actor(settings) -> None:
    with pytest.raises(UpgradeRefused, match="--by"):
        upgrade(settings, by=" ")


def test_rehearsal_finds_a_drop_hidden_behind_offline_mode(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="lee")
    alembic_project.add("h1", upgrade="""
        if context.is_offline_mode():
            op.execute("SELECT 1")
        else:
            bind = op.get_bind()
            bind.exec_driver_sql("DROP TABLE customers")
        """)
    report = rehearse(project_settings)
    assert report.start == ("c1",) and report.applied == ("h1",)
    assert report.lost_tables == ("public.customers",) and not report.ok
    assert "customers" in _tables(project_settings)  # the real database is untouched
    assert alembic_env.status(project_settings).current == ("c1",)


def test_rehearsal_reports_a_failing_step(alembic_project, project_settings) -> None:
    alembic_project.add("r1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("r2", upgrade="op.execute('ALTER TABLE t1 DROP COLUMN nope')")
    report = rehearse(project_settings)
    assert report.applied == ("r1",) and report.failed == "r2" and "nope" in report.error
    assert alembic_env.status(project_settings).migrated is False


def test_migration_the_analyzer_cannot_read_needs_approval(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="mo")
    path = alembic_project.add("x1", upgrade="op.drop_table('customers')  # caf\xe9")
    path.write_bytes(b"# -*- coding: latin-1 -*-\n" + path.read_text().encode("latin-1"))
    with pytest.raises(UpgradeRefused) as info:
        upgrade(project_settings, by="mo")
    assert info.value.reason == "data-loss" and "x1" in str(info.value)
    assert "customers" in _tables(project_settings)


def test_a_killed_upgrade_frees_the_lock_and_shows_the_step_as_interrupted(alembic_project, project_settings) -> None:
    """kill -9 in the middle of a step: the lock goes with the session, the step's row says interrupted."""
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("a2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))\n"
                                      "import os, signal\n"
                                      "if not context.is_offline_mode():  # the analyzer renders it offline\n"
                                      "    os.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(WorkerDied, match="exit code -9"):
        upgrade(project_settings, by="nat")
    assert lock_holder(project_settings) is None
    st = alembic_env.status(project_settings)
    assert st.current == ("a1",) and "interrupted" in {p.code for p in st.problems}
    assert "a2" in next(p.message for p in st.problems if p.code == "interrupted")
    assert _tables(project_settings) >= {"t1"} and "t2" not in _tables(project_settings)
    log = audit.read_log(project_settings)
    assert [(e.to_rev, e.outcome) for e in log] == [("a2", "interrupted"), ("a1", "ok")]


@pytest.mark.parametrize("who", ["bob\x00", "x" * 101, "\n"])
def test_actor_must_be_printable(settings, who: str) -> None:
    with pytest.raises(UpgradeRefused) as info:
        upgrade(settings, by=who)
    assert info.value.reason == "no-actor"
    assert lock_holder(settings) is None


def test_autocommit_block_migration_applies_and_rehearses(alembic_project, project_settings) -> None:
    alembic_project.add("i1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("i2", upgrade="""
        with op.get_context().autocommit_block():
            op.create_index('ix_t1_id', 't1', ['id'], postgresql_concurrently=True)
        """)
    rehearsal = rehearse(project_settings)
    assert rehearsal.applied == ("i1", "i2") and rehearsal.failed is None
    result = upgrade(project_settings, by="oz")
    assert [s.to_rev for s in result.steps] == ["i1", "i2"] and result.ok
    with db.read_only(project_settings) as conn:
        assert conn.exec_driver_sql("SELECT to_regclass('ix_t1_id') IS NOT NULL").scalar()
    assert [e.outcome for e in audit.read_log(project_settings)] == ["ok", "ok"]


def test_a_failure_with_an_empty_message_is_still_explained(alembic_project, project_settings) -> None:
    alembic_project.add("z1", upgrade="raise AssertionError()")
    with pytest.raises(UpgradeFailed):
        upgrade(project_settings, by="pat")
    error = audit.read_log(project_settings)[0].error
    assert error.startswith("AssertionError: raised at") and "z1" in error, error


def test_dry_run_writes_nothing_even_when_it_would_refuse(alembic_project, project_settings) -> None:
    alembic_project.add_customers()
    upgrade(project_settings, by="quinn")
    alembic_project.add("d1", upgrade=DROP)
    with db.connect(project_settings) as conn, conn.begin():
        conn.exec_driver_sql("DROP SCHEMA opsconsole CASCADE")
    result = upgrade(project_settings, by="quinn", dry_run=True)
    assert result.warnings and "d1" in result.warnings[0]
    assert "DROP TABLE customers" in result.sql
    with db.read_only(project_settings) as conn:
        assert conn.exec_driver_sql("SELECT to_regnamespace('opsconsole') IS NULL").scalar()


def test_a_file_edited_between_check_and_apply_is_not_applied(alembic_project, project_settings) -> None:
    """w1's own code edits w2's file after the guard read it: w2 must not run."""
    w2 = alembic_project.root / "versions" / "w2_revision_w2.py"
    alembic_project.add("w1", upgrade=f"""
        from pathlib import Path
        if not context.is_offline_mode():
            p = Path({str(w2)!r})
            p.write_text(p.read_text().replace("'t1'", "'t_sneaky'"))
        """)
    assert alembic_project.add("w2", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))") == w2
    with pytest.raises(UpgradeFailed, match="changed after the guard checked it"):
        upgrade(project_settings, by="ray")
    assert not _tables(project_settings) & {"t1", "t_sneaky"}
    assert alembic_env.status(project_settings).current == ("w1",)


def test_env_py_with_its_own_engine_runs_on_the_guarded_connection(alembic_project, project_settings,
                                                                   monkeypatch) -> None:
    """An env.py that creates its own engine from its own variable is run unmodified, on our connection."""
    env_py = (
        "from alembic import context\nfrom sqlalchemy import create_engine\nimport os\n"
        "engine = create_engine(os.environ['OC_TEST_URL'])\n"
        "with engine.connect() as connection:\n"
        "    context.configure(connection=connection, transaction_per_migration=True)\n"
        "    with context.begin_transaction():\n"
        "        context.run_migrations()\n")
    (alembic_project.root / "env.py").write_text(env_py)
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('app', sa.Text))\n"
                                      "op.execute(\"INSERT INTO t1 SELECT current_setting('application_name')\")")
    monkeypatch.setenv("OC_TEST_URL", project_settings.database_url)
    assert [s.to_rev for s in upgrade(project_settings, by="sam").steps] == ["a1"]
    with db.read_only(project_settings) as conn:  # the step ran on the session holding the upgrade lock
        assert conn.exec_driver_sql("SELECT app FROM t1").scalar().startswith("opsconsole upgrade since")
    assert (alembic_project.root / "env.py").read_text() == env_py


def test_env_py_reaching_another_database_is_refused_before_anything_runs(
        alembic_project, project_settings, monkeypatch, admin_engine, server_url) -> None:
    """The runbook's trap: env.py reads a variable that points at another database than DATABASE_URL."""
    (alembic_project.root / "env.py").write_text(
        "from alembic import context\nfrom sqlalchemy import create_engine\nimport os\n"
        "engine = create_engine(os.environ['OC_TEST_URL'])\n"
        "with engine.connect() as connection:\n"
        "    context.configure(connection=connection)\n"
        "    with context.begin_transaction():\n"
        "        context.run_migrations()\n")
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    monkeypatch.setenv("OC_TEST_URL", server_url)  # the maintenance database, not the test's
    with pytest.raises(WrongDatabase) as info:
        upgrade(project_settings, by="sam")
    message = str(info.value)
    ours = sa.engine.make_url(project_settings.database_url).database
    assert "database 'postgres'" in message and f"database '{ours}'" in message
    assert "t1" not in _tables(project_settings)
    with admin_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT to_regclass('public.t1') IS NULL").scalar()


def test_long_autocommit_step_is_not_cut_by_the_statement_timeout(alembic_project, make_settings,
                                                                  project_settings) -> None:
    s = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_STATEMENT_TIMEOUT_MS="500")
    alembic_project.add("l1", upgrade="op.execute('SELECT pg_sleep(0.8)')")
    alembic_project.add("l2", upgrade="""
        with op.get_context().autocommit_block():
            op.execute('SELECT pg_sleep(0.8)')
        """)
    assert [st.outcome for st in upgrade(s, by="una").steps] == ["ok", "ok"]
    with db.read_only(s) as conn:  # and the next session has its timeout back
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "500ms"


def test_a_migration_that_changes_session_settings_does_not_leak_into_the_pool(alembic_project,
                                                                               project_settings) -> None:
    alembic_project.add("p1", upgrade="op.execute('SET statement_timeout = 0')")
    upgrade(project_settings, by="val")
    for _ in range(3):
        with db.read_only(project_settings) as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "15s"


def test_own_tables_are_created_once_when_two_sessions_race(settings) -> None:
    """Two first writes at the same moment must not collide in the catalog."""

    def first_write(who: str, barrier: threading.Barrier) -> None:
        with db.connect(settings) as conn, conn.begin():
            barrier.wait()
            audit.record(conn, actor=who, action="test", outcome="ok")

    assert at_once(first_write, "a", "b") == [None, None]
    assert sorted(e.actor for e in audit.read_log(settings)) == ["a", "b"]


def test_rejected_revision_blocks_until_the_same_file_is_approved(alembic_project, project_settings) -> None:
    from opsconsole import guard
    from opsconsole.approvals import approve_revision, reject_revision

    alembic_project.add_customers()
    upgrade(project_settings, by="sam")
    path = alembic_project.add("d1", upgrade=DROP)
    rejection = reject_revision(project_settings, "d1", "Rita", "billing still reads customers")
    assert (rejection.decision, rejection.file_sha256) == ("reject", audit.file_sha256(path))
    check = guard.run(project_settings, only=("pending-safe",)).check("pending-safe")
    assert check.status == "fail" and "d1 rejected by Rita: billing still reads customers" in check.detail
    with pytest.raises(UpgradeRefused, match="d1 rejected by Rita: billing still reads customers") as refused:
        upgrade(project_settings, by="sam", confirm="d1")
    assert refused.value.reason == "rejected" and alembic_env.status(project_settings).current == ("c1",)
    with db.read_only(project_settings) as conn:
        assert audit.approvals(conn) == [] and [r.revision for r in audit.rejections(conn)] == ["d1"]
    approve_revision(project_settings, "d1", "Rita", "billing moved")
    assert guard.run(project_settings, only=("pending-safe",)).check("pending-safe").status == "pass"
    assert upgrade(project_settings, by="sam").final == ("d1",)
    decisions = [e for e in reversed(audit.read_log(project_settings)) if e.action in ("approve", "reject")]
    assert [(e.action, e.actor, e.details["file_sha256"]) for e in decisions] == [
        ("reject", "Rita", audit.file_sha256(path)), ("approve", "Rita", audit.file_sha256(path))]
    assert decisions[0].details["rows_at_risk"] == 40 and decisions[0].details["tenants_at_risk"] == 4


def test_a_rejection_of_an_older_file_does_not_block_the_edited_one(alembic_project, project_settings) -> None:
    from opsconsole import guard
    from opsconsole.approvals import reject_revision

    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    reject_revision(project_settings, "a1", "Rita", "name the table 'memos'")
    assert guard.run(project_settings, only=("pending-safe",)).check("pending-safe").status == "fail"
    path = alembic_project.root / "versions"
    f = next(path.glob("a1_*.py"))
    f.write_text(f.read_text().replace("'notes'", "'memos'"))
    assert guard.run(project_settings, only=("pending-safe",)).check("pending-safe").status == "pass"


def test_existing_audit_tables_get_the_new_columns(settings) -> None:
    """A database whose opsconsole tables predate details/decision gets them on the next write; reads work before."""
    with db.connect(settings) as conn, conn.begin():
        audit.ensure_tables(conn)
        conn.exec_driver_sql("ALTER TABLE opsconsole.audit_log DROP COLUMN details")
        conn.exec_driver_sql("ALTER TABLE opsconsole.approvals DROP COLUMN decision")
        conn.exec_driver_sql("INSERT INTO opsconsole.audit_log (actor, action, outcome) VALUES ('old', 'upgrade', 'ok')")
    assert [(e.actor, e.details) for e in audit.read_log(settings)] == [("old", None)]  # read-only, old shape
    with db.connect(settings) as conn, conn.begin():
        audit.record(conn, actor="new", action="confirm", outcome="ok", details={"rows_at_risk": 3})
    assert [(e.actor, e.details) for e in audit.read_log(settings)] == [("new", {"rows_at_risk": 3}), ("old", None)]
    with db.read_only(settings) as conn:
        assert audit.decisions(conn) == []
