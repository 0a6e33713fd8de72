"""Schema status and history on real databases: never migrated, at head, behind, two heads, unknown."""

from __future__ import annotations

import sqlalchemy as sa

from opsconsole import alembic_env, db


def _upgrade(settings, target: str) -> None:
    alembic_env.upgrade(settings, by="fixture", target=target)


def _codes(st) -> set[str]:
    return {p.code for p in st.problems}


def test_fresh_empty_database_is_never_migrated(settings) -> None:
    st = alembic_env.status(settings)
    assert not st.migrated and st.current == ()
    assert _codes(st) == {"never-migrated"}
    assert len(st.pending) == 6 and not st.at_head
    assert st.pending[0].revision == "3f1c2a9b7d10" and st.pending[-1].is_head


def test_shipped_schema_at_head(settings) -> None:
    _upgrade(settings, "head")
    st = alembic_env.status(settings)
    assert st.ok and st.at_head and st.pending == ()
    assert st.current == st.heads == ("9d3e5f7a1b26",)
    with db.read_only(settings) as conn:
        tables = set(sa.inspect(conn).get_table_names())
    assert {"tenants", "users", "projects", "documents", "events", "plans"} <= tables


def test_behind_by_n_lists_pending_in_order(settings) -> None:
    _upgrade(settings, "c7d90e3f4a12")
    st = alembic_env.status(settings)
    assert _codes(st) == {"behind"}
    assert [r.revision for r in st.pending] == ["5b2f8c6e9d47", "e1a7b3c59f08", "9d3e5f7a1b26"]
    assert st.pending[0].message == "create events log"


def test_history_marks_applied_current_pending(settings) -> None:
    _upgrade(settings, "8a4e6d21c5b3")
    revs = alembic_env.history(settings)
    assert [r.state for r in revs] == ["applied", "current", "pending", "pending", "pending", "pending"]
    first = revs[0]
    assert first.down_revisions == () and first.created == "2025-10-01 09:12:44.000000"
    assert first.path.endswith("_create_plans_and_tenants.py")
    assert revs[1].down_revisions == ("3f1c2a9b7d10",)
    assert [r.is_head for r in revs].count(True) == 1


def test_two_heads(alembic_project, project_settings) -> None:
    alembic_project.add("a1", down=None)
    alembic_project.add("b1", down="a1")
    alembic_project.add("c1", down="a1", branch_labels="feature")
    st = alembic_env.status(project_settings)
    assert "multiple-heads" in _codes(st)
    assert set(st.heads) == {"b1", "c1"}
    revs = alembic_env.history(project_settings)
    assert next(r for r in revs if r.revision == "c1").branch_labels == ("feature",)


def test_unknown_revision(alembic_project, project_settings) -> None:
    alembic_project.add("a1")
    alembic_project.add("a2")
    _upgrade(project_settings, "head")
    with db.connect(project_settings) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'feature_x9'")
    st = alembic_env.status(project_settings)
    assert "unknown-revision" in _codes(st)
    assert st.current == ("feature_x9",) and st.pending == ()
    assert "feature_x9" in next(p.message for p in st.problems if p.code == "unknown-revision")


def test_status_reads_in_a_read_only_transaction(settings) -> None:
    with db.read_only(settings) as conn:
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "15s"
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "1s"  # reads give up fast (issue 10)


def test_broken_revision_file_is_a_clear_error(alembic_project, project_settings) -> None:
    import pytest

    from opsconsole.errors import MigrationScriptError

    path = alembic_project.add("a1")
    path.write_text(path.read_text() + "\nthis is not python(\n")
    with pytest.raises(MigrationScriptError, match="cannot read the revision file .*SyntaxError"):
        alembic_env.status(project_settings)


def test_missing_alembic_ini(make_settings, tmp_path) -> None:
    import pytest

    from opsconsole.errors import MigrationScriptError

    s = make_settings(OPSCONSOLE_ALEMBIC_INI=str(tmp_path / "nope.ini"))
    with pytest.raises(MigrationScriptError, match="OPSCONSOLE_ALEMBIC_INI"):
        alembic_env.status(s)
