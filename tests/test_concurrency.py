"""Many sessions at once: readers (status, guard, drift) in threads while one thread upgrades, round after round.

Each run of a project's env.py has its own worker process, so no session sees another's Alembic
context, connection or configuration, and no upgrade is ever half-applied: in every snapshot a
reader takes, a revision's table exists if and only if the version row has reached that revision.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from opsconsole import alembic_env, db, guard

ROUNDS = 20
READERS = 8


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def _revision(rev: str, down: str | None, table: str) -> str:
    return (f'"""create {table}"""\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
            f"revision = {rev!r}\ndown_revision = {down!r}\nbranch_labels = None\ndepends_on = None\n\n\n"
            f"def upgrade():\n    op.create_table({table!r}, sa.Column('id', sa.Integer, primary_key=True))\n"
            f"    op.execute('INSERT INTO {table} SELECT g FROM generate_series(1, 50) g')\n\n\n"
            f"def downgrade():\n    op.drop_table({table!r})\n")


def _consistent(settings) -> tuple[bool, str]:
    """In one snapshot: tables r1..rN exist exactly up to the recorded revision."""
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        has_version = conn.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL").scalar()
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() if has_version else None
        tables = set(conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^round_'").scalars())
    reached = int(current[1:]) if current else 0
    expected = {f"round_{i}" for i in range(1, reached + 1)}
    return tables == expected, f"at {current}: tables {sorted(tables)}"


def test_readers_and_one_upgrader_never_see_each_other_or_a_half_applied_step(alembic_project,
                                                                              project_settings) -> None:
    versions = alembic_project.root / "versions"
    done = threading.Event()
    errors: list[str] = []
    calls = {"status": 0, "guard": 0, "drift": 0, "snapshots": 0}
    lock = threading.Lock()

    def reader(n: int) -> None:
        kinds = ("status", "guard", "drift")
        i = n
        while not done.is_set():
            kind = kinds[i % 3]
            i += 1
            try:
                if kind == "status":
                    alembic_env.status(project_settings)
                elif kind == "guard":
                    report = guard.run(project_settings, only=("single-head", "revision-known", "at-head"))
                    broken = [c for c in report.checks if "could not run" in c.summary]
                    if broken:
                        errors.append(f"guard: {broken[0].detail}")
                else:
                    alembic_env.check_drift(project_settings)
                ok, seen = _consistent(project_settings)
                if not ok:
                    errors.append(f"partial apply seen by a reader: {seen}")
            except Exception as exc:  # noqa: BLE001 - every error is counted and reported
                errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            with lock:
                calls[kind] += 1
                calls["snapshots"] += 1
            time.sleep(0.2)  # a person clicking, not a busy loop: leave the 2 cores some air

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for t in threads:
        t.start()
    applied = []
    try:
        for i in range(1, ROUNDS + 1):
            _write_atomically(versions / f"r{i}_create_round_{i}.py",
                              _revision(f"r{i}", f"r{i - 1}" if i > 1 else None, f"round_{i}"))
            result = alembic_env.upgrade(project_settings, by="upgrader")
            applied.extend(s.to_rev for s in result.steps)
            ok, seen = _consistent(project_settings)
            assert ok, seen
            time.sleep(0.05)
    finally:
        done.set()
        for t in threads:
            t.join(120)
    assert applied == [f"r{i}" for i in range(1, ROUNDS + 1)]
    assert errors == [], errors[:5]
    assert min(calls["status"], calls["guard"], calls["drift"]) >= READERS, calls
    assert alembic_env.status(project_settings).at_head
    print(f"\n{ROUNDS} rounds, {READERS} readers: {calls}, {len(errors)} errors")


def test_sessions_share_one_drift_compare_until_the_schema_changes(alembic_project, project_settings,
                                                                   monkeypatch) -> None:
    """Many sessions asking at once start one worker; a DDL change is seen at once, not after a timeout."""
    from opsconsole.alembic_env import runner

    alembic_project.models("""
        import sqlalchemy as sa
        metadata = sa.MetaData()
        sa.Table('t1', metadata, sa.Column('id', sa.Integer))
        """)
    alembic_project.add("a1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_env.upgrade(project_settings, by="setup")
    started = []
    real_run = runner.run

    def counting_run(settings, op, *args, **kwargs):  # the real worker, counted
        started.append(op)
        return real_run(settings, op, *args, **kwargs)

    monkeypatch.setattr(runner, "run", counting_run)
    barrier = threading.Barrier(READERS)
    reports = []

    def session() -> None:
        barrier.wait()
        reports.append(alembic_env.check_drift(project_settings))

    threads = [threading.Thread(target=session) for _ in range(READERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(reports) == READERS and all(r.compared and r.ok for r in reports)
    assert started == ["drift"]
    with db.connect(project_settings) as conn, conn.begin():
        conn.exec_driver_sql("ALTER TABLE t1 ADD COLUMN by_hand text")
    report = alembic_env.check_drift(project_settings)
    assert [i.kind for i in report.items] == ["remove_column"] and started == ["drift", "drift"]


def test_a_slow_recomputation_serves_the_previous_result_meanwhile_only_when_allowed() -> None:
    from opsconsole.shared import SharedResults

    for stale_s, expect_stale in ((5.0, True), (0.0, False)):
        store: SharedResults[str] = SharedResults(max_age_s=0.05, stale_s=stale_s)
        assert store.get("k", lambda: "first", 1) == "first"
        time.sleep(0.06)  # expired
        started, release = threading.Event(), threading.Event()

        def slow() -> str:
            started.set()
            release.wait(5)
            return "second"

        worker = threading.Thread(target=lambda: store.get("k", slow, 1))
        worker.start()
        started.wait(5)
        got: list[str] = []
        asker = threading.Thread(target=lambda: got.append(store.get("k", lambda: "never", 1)))
        asker.start()
        asker.join(0.5)
        if expect_stale:  # answered at once with the previous result, while the slow one runs
            assert got == ["first"]
        else:  # waited for the computation in flight
            assert got == []
        release.set()
        worker.join(5)
        asker.join(5)
        assert got == (["first"] if expect_stale else ["second"])
        assert store.get("k", lambda: "never", 2) == "never"  # another version never takes a stale result


def test_callers_waiting_on_a_failing_computation_share_its_failure_instead_of_retrying_in_turn() -> None:
    """A locked table once made twenty sessions each wait for their own failed attempt, one after another."""
    from opsconsole.shared import SharedResults

    store: SharedResults[str] = SharedResults(max_age_s=30)
    started, release = threading.Event(), threading.Event()
    attempts: list[int] = []

    def failing() -> str:
        attempts.append(1)
        started.set()
        release.wait(5)
        raise RuntimeError("the table is locked")

    outcomes: list[str] = []

    def ask() -> None:
        try:
            outcomes.append(store.get("drift", failing, "v1"))
        except RuntimeError as exc:
            outcomes.append(f"failed: {exc}")

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    waiters = [threading.Thread(target=ask) for _ in range(7)]
    for t in waiters:
        t.start()
    time.sleep(0.2)  # they are queued behind the computation in flight
    release.set()
    for t in [first, *waiters]:
        t.join(10)
    assert outcomes == ["failed: the table is locked"] * 8 and len(attempts) == 1  # one attempt, shared
    assert store.get("drift", lambda: "fresh", "v1") == "fresh"  # a failure is never kept for later callers
