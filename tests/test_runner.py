"""The runner contains migration code: prints, exits and interrupts; dry run per revision; bad projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsconsole import alembic_env, audit, db
from opsconsole.cli import main
from opsconsole.errors import MigrationScriptError, UpgradeFailed


def _tables(settings) -> set[str]:
    with db.read_only(settings) as conn:
        return set(conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").scalars())


def test_a_migrations_print_never_reaches_the_json(alembic_project, project_settings, monkeypatch, capsys) -> None:
    alembic_project.add("p1", upgrade="print('hello from the migration')\n"
                                      "op.create_table('t1', sa.Column('id', sa.Integer))")
    for key, value in {"DATABASE_URL": project_settings.database_url,
                       "OPSCONSOLE_ALEMBIC_INI": str(alembic_project.ini),
                       "OPSCONSOLE_HOME": str(project_settings.home)}.items():
        monkeypatch.setenv(key, value)
    assert main(["upgrade", "--by", "pia", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["final"] == ["p1"] and "hello from the migration" not in out


@pytest.mark.parametrize("body, words", [
    ("import sys\nif not context.is_offline_mode():\n    sys.exit(3)", "sys.exit(3)"),
    ("if not context.is_offline_mode():\n    raise KeyboardInterrupt", "KeyboardInterrupt"),
])
def test_exit_and_interrupt_in_a_migration_are_a_failed_step(alembic_project, project_settings, body, words) -> None:
    alembic_project.add("e1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("e2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))\n" + body)
    with pytest.raises(UpgradeFailed) as info:
        alembic_env.upgrade(project_settings, by="eve")
    message = str(info.value)
    assert "migration e2 failed" in message and words in message and "\n" not in message
    assert "Applied before it: e1" in message and "the database is now at e1" in message
    assert alembic_env.status(project_settings).current == ("e1",)
    assert "t2" not in _tables(project_settings)
    assert [(e.to_rev, e.outcome) for e in audit.read_log(project_settings)] == [("e2", "failed"), ("e1", "ok")]


def test_a_failing_step_outside_a_transaction_says_what_may_be_left(alembic_project, project_settings) -> None:
    alembic_project.add("n1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("n2", upgrade="""
        with op.get_context().autocommit_block():
            op.execute('CREATE INDEX CONCURRENTLY ix_t1_id ON t1 (id)')
            op.execute('SELECT 1/0')
        """)
    with pytest.raises(UpgradeFailed, match="outside a transaction"):
        alembic_env.upgrade(project_settings, by="ned")
    entry = audit.read_log(project_settings)[0]
    assert (entry.to_rev, entry.outcome) == ("n2", "partial") and "INVALID index" in entry.error
    with db.read_only(project_settings) as conn:  # the index was kept: the log does not pretend otherwise
        assert conn.exec_driver_sql("SELECT to_regclass('ix_t1_id') IS NOT NULL").scalar()


def test_dry_run_names_a_revision_that_cannot_render_and_shows_the_others(alembic_project, project_settings) -> None:
    alembic_project.add("d1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    alembic_project.add("d2", upgrade="import app_only_module_xyz\nop.add_column('t1', sa.Column('x', sa.Text))")
    alembic_project.add("d3", upgrade="op.create_index('ix_t1_id', 't1', ['id'])")
    result = alembic_env.dry_run(project_settings)
    by_rev = {r.revision: r for r in result.revisions}
    assert list(by_rev) == ["d1", "d2", "d3"] and not result.ok
    assert "CREATE TABLE t1" in by_rev["d1"].sql and by_rev["d1"].error is None
    assert "app_only_module_xyz" in by_rev["d2"].error
    assert "CREATE INDEX ix_t1_id" in by_rev["d3"].sql
    assert alembic_env.status(project_settings).migrated is False


def test_rehearsal_never_runs_env_py_against_the_real_database(alembic_project, project_settings) -> None:
    """An env.py that creates a schema and commits before configure() does so on the scratch copy only."""
    env_py = alembic_project.root / "env.py"
    env_py.write_text(env_py.read_text().replace(
        "    with connectable.connect() as connection:\n",
        "    with connectable.connect() as connection:\n"
        "        connection.exec_driver_sql('CREATE SCHEMA IF NOT EXISTS env_marker')\n"
        "        connection.commit()\n"))
    alembic_project.add("m1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))")
    report = alembic_env.rehearse(project_settings)
    assert report.applied == ("m1",) and report.ok and "schema-only" in report.describe()
    with db.read_only(project_settings) as conn:
        assert conn.exec_driver_sql("SELECT to_regnamespace('env_marker') IS NULL").scalar()
    assert alembic_env.status(project_settings).migrated is False


def test_relative_script_location_resolves_against_the_ini_not_our_folder(tmp_path, make_settings) -> None:
    """A project laid out like ours (alembic.ini + alembic/) must never get opsconsole's own migrations."""
    project = tmp_path / "theirs"
    (project / "alembic" / "versions").mkdir(parents=True)
    (project / "alembic.ini").write_text("[alembic]\nscript_location = alembic\n")
    (project / "alembic" / "env.py").write_text("raise SystemExit('not run by this test')\n")
    (project / "alembic" / "versions" / "x1_first.py").write_text(
        '"""first"""\nrevision = "x1"\ndown_revision = None\n\ndef upgrade():\n    pass\n')
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(project / "alembic.ini"))
    found = alembic_env.load_project(settings)
    assert found.script_location == (project / "alembic").resolve()
    assert [r.revision for r in alembic_env.history(settings)] == ["x1"]


@pytest.mark.parametrize("ini, words", [
    (None, "not found; set OPSCONSOLE_ALEMBIC_INI"),
    ("[alembic]\nscript_location = nowhere\n", "resolves nowhere"),
    ("[alembic\nbroken", "cannot read"),
])
def test_a_bad_project_is_one_paragraph_naming_the_fix(tmp_path, make_settings, ini, words) -> None:
    path = tmp_path / "alembic.ini"
    if ini is not None:
        path.write_text(ini)
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(path))
    with pytest.raises(MigrationScriptError) as info:
        alembic_env.status(settings)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_an_env_py_that_fails_to_import_names_the_module(alembic_project, project_settings, capsys) -> None:
    env_py = alembic_project.root / "env.py"
    env_py.write_text("import definitely_missing_package_42\n" + env_py.read_text())
    alembic_project.add("i1")
    with pytest.raises(UpgradeFailed) as info:
        alembic_env.upgrade(project_settings, by="ida")
    assert "definitely_missing_package_42" in str(info.value) and "\n" not in str(info.value)
    assert alembic_env.status(project_settings).migrated is False


@pytest.mark.parametrize("source, words", [
    ('revision = "a1"\n', "has no down_revision"),
    ('revision = "a1"\ndown_revision = "zz"\n', "revises zz, which no file defines"),
    ('revision = "a1"\ndown_revision = None\ndepends_on = "nope"\n', "depends_on nope"),
])
def test_broken_graphs_are_named(alembic_project, project_settings, source, words) -> None:
    (alembic_project.root / "versions" / "a1.py").write_text(source + "def upgrade():\n    pass\n")
    with pytest.raises(MigrationScriptError, match=words):
        alembic_env.status(project_settings)


def test_a_duplicate_revision_id_and_a_cycle_are_named(alembic_project, project_settings) -> None:
    versions = Path(alembic_project.root / "versions")
    (versions / "one.py").write_text('revision = "a1"\ndown_revision = None\n')
    (versions / "two.py").write_text('revision = "a1"\ndown_revision = None\n')
    with pytest.raises(MigrationScriptError, match="a1 is used by two files"):
        alembic_env.status(project_settings)
    (versions / "two.py").write_text('revision = "b1"\ndown_revision = "c1"\n')
    (versions / "three.py").write_text('revision = "c1"\ndown_revision = "b1"\n')
    with pytest.raises(MigrationScriptError, match="form a cycle"):
        alembic_env.status(project_settings)


def test_the_one_shot_cli_runs_env_py_inline_with_a_complete_audit_log(alembic_project, project_settings) -> None:
    """`python -m opsconsole upgrade` runs env.py in its own process: every step still has its audit row."""
    import os
    import subprocess
    import sys

    alembic_project.add("c1", upgrade="op.create_table('t1', sa.Column('id', sa.Integer))\n"
                                      "op.execute('SELECT pg_sleep(0.05)')")
    alembic_project.add("c2", upgrade="op.create_table('t2', sa.Column('id', sa.Integer))")
    env = {**os.environ, "DATABASE_URL": project_settings.database_url,
           "OPSCONSOLE_ALEMBIC_INI": str(alembic_project.ini), "OPSCONSOLE_HOME": str(project_settings.home)}
    done = subprocess.run([sys.executable, "-m", "opsconsole", "upgrade", "--by", "cli", "--json"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["final"] == ["c2"]
    log = list(reversed(audit.read_log(project_settings)))
    assert [(e.to_rev, e.outcome, e.actor) for e in log] == [("c1", "ok", "cli"), ("c2", "ok", "cli")]
    assert log[0].duration_ms >= 50
