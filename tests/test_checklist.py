"""The emergency checklist: runbook order, manual steps, and every live step judged from the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsconsole import audit, checklist, db, ticks
from opsconsole.alembic_env import upgrade
from opsconsole.errors import InputRejected

ORDER = ["cancel-publish", "flag-in-script", "auto-migrations-disabled", "restart-workflow", "process-env",
         "publish-again", "current-revision", "apply-pending", "guard-passes"]


def _by_id(items: list[checklist.Step]) -> dict[str, checklist.Step]:
    return {s.id: s for s in items}


def test_steps_follow_the_runbook_and_manual_steps_are_to_do(settings, monkeypatch) -> None:
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    items = checklist.steps(settings)
    assert [s.id for s in items] == ORDER
    manual = [s for s in items if s.kind == "manual"]
    assert [s.id for s in manual] == ["cancel-publish", "restart-workflow", "publish-again"]
    assert all(s.status == "todo" for s in manual)
    assert {s.section for s in items[:6]} == {checklist.DROP_TABLE} and {s.section for s in items[6:]} == {checklist.OUT_OF_SYNC}
    steps = _by_id(items)
    assert steps["flag-in-script"].status == "pass" and "export DISABLE_AUTO_MIGRATIONS=true" in steps["flag-in-script"].detail
    assert steps["flag-in-script"].command == "grep DISABLE_AUTO_MIGRATIONS start.sh"
    assert steps["auto-migrations-disabled"].status == "pass"
    assert steps["process-env"].status == "pass"
    # a fresh database: never migrated, so the revision steps say what to do
    assert steps["current-revision"].status == "warn" and "never migrated" in steps["current-revision"].detail
    assert steps["apply-pending"].status == "warn" and "6 pending" in steps["apply-pending"].detail
    # the one verdict (opsconsole.verdict): never migrated is something to do, not a broken database
    assert steps["guard-passes"].status == "warn" and "at-head" in steps["guard-passes"].detail
    assert steps["guard-passes"].detail.startswith("Action needed: 6 migration(s) wait to be applied")
    assert checklist.failing(items) == []


def test_at_head_the_out_of_sync_steps_pass(settings, monkeypatch) -> None:
    monkeypatch.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    upgrade(settings, by="setup")
    steps = _by_id(checklist.steps(settings))
    assert steps["current-revision"].status == "pass" and "current: 9d3e5f7a1b26" in steps["current-revision"].detail
    assert steps["apply-pending"].status == "pass"
    assert steps["guard-passes"].status in ("pass", "warn")  # tenant-isolation may warn on an empty schema
    assert checklist.summary(checklist.steps(settings))["failing"] == []


@pytest.mark.parametrize(("script", "in_script", "exported"), [
    ("#!/bin/bash\nDISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n", "pass", "fail"),
    ("#!/bin/bash\n# export DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n", "fail", "fail"),
    ("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=false\nexec streamlit run app.py\n", "fail", "fail"),
    ("#!/bin/bash\nexec streamlit run app.py\n", "fail", "fail"),
    ("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n", "pass", "pass"),
])
def test_flag_steps_read_the_start_script(make_settings, tmp_path: Path, script: str, in_script: str,
                                          exported: str) -> None:
    path = tmp_path / "start.sh"
    path.write_text(script)
    steps = _by_id(checklist.steps(make_settings(OPSCONSOLE_START_SCRIPT=str(path))))
    assert steps["flag-in-script"].status == in_script
    assert steps["auto-migrations-disabled"].status == exported
    if exported == "fail":
        assert steps["auto-migrations-disabled"].detail  # says why, for the person fixing it


def test_missing_start_script_fails_with_its_path(make_settings, tmp_path: Path) -> None:
    steps = _by_id(checklist.steps(make_settings(OPSCONSOLE_START_SCRIPT=str(tmp_path / "nope.sh"))))
    assert steps["flag-in-script"].status == "fail" and "nope.sh" in steps["flag-in-script"].detail


def test_process_without_the_flag_warns_to_restart(settings, monkeypatch) -> None:
    monkeypatch.delenv("DISABLE_AUTO_MIGRATIONS", raising=False)
    step = _by_id(checklist.steps(settings))["process-env"]
    assert step.status == "warn" and "restart the workflow" in step.detail


def test_unknown_revision_fails_both_revision_steps(alembic_project, project_settings) -> None:
    alembic_project.add("a1")
    upgrade(project_settings, by="setup")
    from opsconsole.db import connect

    with connect(project_settings) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'elsewhere'")
    steps = _by_id(checklist.steps(project_settings))
    assert steps["current-revision"].status == "fail" and "elsewhere" in steps["current-revision"].detail
    assert steps["apply-pending"].status == "fail"


def test_unreachable_database_fails_the_live_steps_without_raising(make_settings) -> None:
    settings = make_settings(DATABASE_URL="postgresql://postgres@127.0.0.1:1/postgres", OPSCONSOLE_CONNECT_TIMEOUT_S="2")
    items = checklist.steps(settings)
    steps = _by_id(items)
    assert steps["current-revision"].status == "fail" and "cannot connect" in steps["current-revision"].detail
    assert steps["guard-passes"].status == "fail" and "database-reachable" in steps["guard-passes"].detail
    assert steps["flag-in-script"].status == "pass"  # the start script is still read
    assert {s.id for s in checklist.failing(items)} >= {"current-revision", "apply-pending", "guard-passes"}
    assert all(isinstance(v, str) for s in items for v in s.to_dict().values())


def test_ticks_are_shared_recorded_and_cleared(make_settings) -> None:
    s = make_settings()
    assert ticks.read(s) == {}
    first = ticks.set_tick(s, "cancel-publish", True, "Vera")
    assert (first.ticked, first.by) == (True, "Vera") and first.at.tzinfo is not None
    ticks.set_tick(s, "restart-workflow", True, "Olga")
    ticks.set_tick(s, "restart-workflow", False, "Omar")
    state = ticks.read(s)
    assert {k: (t.ticked, t.by) for k, t in state.items()} == {"cancel-publish": (True, "Vera"),
                                                             "restart-workflow": (False, "Omar")}
    assert ticks.clear_all(s, "Olga") == 1 and ticks.read(s) == {}
    with db.connect(s) as conn:
        log = audit.log(conn)
    assert [(e.actor, e.action, e.outcome) for e in reversed(log)] == [
        ("Vera", "checklist cancel-publish", "ticked"), ("Olga", "checklist restart-workflow", "ticked"),
        ("Omar", "checklist restart-workflow", "unticked"), ("Olga", "checklist clear-all", "ok")]
    with pytest.raises(InputRejected):
        ticks.set_tick(s, "no such step!", True, "Vera")
    with pytest.raises(InputRejected):
        ticks.set_tick(s, "cancel-publish", True, "x" * 65)
