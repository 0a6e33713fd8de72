"""Every env.py style found in the wild, managed unmodified: status, guard, dry run, rehearsal, upgrade.

Each fixture project (tests/projects/) is copied to a temp dir and pointed at this test's own
database through the project's own variables, as its users would run it. The working directory is
opsconsole's own folder, which has `alembic/`, `alembic.ini`, `app.py` and `models/` of its own:
a relative path or a top-level import resolved against it would reach opsconsole's demo project
instead of the user's. The files must be byte-identical afterwards.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pgserver
import pytest
import sqlalchemy as sa

from opsconsole import audit, db, guard
from opsconsole.alembic_env import check_drift, dry_run, history, load_project, rehearse, status, upgrade
from opsconsole.errors import OpsConsoleError, WrongDatabase
from projects import (BY_NAME, STYLES, Style, change_db, copy_project, file_hashes, index_and_constraint_names,
                      inspect_db, public_tables, schemas, user_url)

ACTOR = "projects-test"
ROOT = Path(__file__).resolve().parents[1]  # opsconsole's own folder


@pytest.fixture(scope="module")
def embedded_home() -> Iterator[Path]:
    """One OPSCONSOLE_HOME for the whole file, so every rehearsal shares one embedded server.

    It lives outside /tmp/pytest-of-<user>: every new pytest session on the machine resets that
    folder to mode 0700, which locks the embedded server's own (non-root) user out of its data.
    """
    home = Path(tempfile.mkdtemp(prefix="oc-projects-"))
    yield home
    db.dispose_engines()
    data = (home / "pgdata").resolve()
    if (data / "PG_VERSION").exists():
        pgserver.get_server(data).cleanup()  # the handle opsconsole opened: stop that server
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def manage(tmp_path, db_url, make_settings, monkeypatch, embedded_home):
    """Copy a project, set its own variables to this test's database, and build Settings for it."""

    def build(style: Style, **extra: str):
        root = copy_project(style.name, tmp_path / "checkout")
        monkeypatch.chdir(ROOT)  # where opsconsole runs: its own alembic/, app.py and models/ are here
        monkeypatch.setenv("DATABASE_URL", user_url(db_url))
        variables = style.env(db_url)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        overrides = {"OPSCONSOLE_ALEMBIC_INI": str(root / style.ini), "OPSCONSOLE_HOME": str(embedded_home),
                     **variables, **extra}
        if style.start_script:
            overrides["OPSCONSOLE_START_SCRIPT"] = str(root / style.start_script)
        return root, make_settings(**overrides)

    return build


def one_paragraph(exc: BaseException) -> str:
    """The error's message, checked to be one paragraph of prose (no traceback, no blank line)."""
    message = str(exc)
    assert message.strip(), "empty error message"
    assert "Traceback" not in message and "\n\n" not in message.strip(), message
    assert 'File "' not in message, message
    return message


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_style_status_guard_dry_run_rehearsal_upgrade(style: Style, manage, db_url) -> None:
    root, settings = manage(style)
    before = file_hashes(root)
    schema, table = style.version_table
    untouched_schemas = schemas(db_url)

    # located as a user runs it: script_location and the working folder resolve in the project
    project = load_project(settings)
    assert project.script_location.resolve() == (root / style.script_location).resolve()
    assert project.workdir.resolve() == root.resolve() and project.located, project.to_dict()

    # status and history: the project's own revisions, none applied yet
    st = status(settings)
    assert st.current == ()
    assert [r.revision for r in st.pending] == list(style.revisions)
    assert tuple(st.heads) == (style.head,)
    assert not st.at_head
    assert {r.revision for r in history(settings)} == set(style.revisions)

    # the guard runs every check on this project; only warnings before the upgrade
    report = guard.run(settings)
    statuses = {c.id: c.status for c in report.checks}
    assert statuses["database-reachable"] == "pass", report.to_dict()
    assert statuses["single-head"] == "pass" and statuses["revision-known"] == "pass", statuses
    assert statuses["at-head"] == "warn" and statuses["pending-safe"] == "pass", statuses
    assert report.ok, report.to_dict()

    # dry run: one entry per revision; the ones offline mode can render show their SQL
    dry = dry_run(settings)
    assert [r.revision for r in dry.revisions] == list(style.revisions)
    for rev in dry.revisions:
        if rev.revision in style.offline_fails:
            assert rev.error, f"{rev.revision} cannot render offline, yet no reason was given"
        else:
            assert not rev.error, (rev.revision, rev.error)
            assert rev.sql.strip(), rev.revision
    assert "CREATE TABLE" in dry.revisions[0].sql
    assert table in "\n".join(r.sql or "" for r in dry.revisions)

    # rehearsal runs every step on a copy; the real database is not touched (not even env.py's DDL)
    rehearsal = rehearse(settings)
    assert rehearsal.ok, (rehearsal.failed, rehearsal.error)
    assert tuple(rehearsal.applied) == style.revisions and not rehearsal.failed
    assert public_tables(db_url) == set(), "dry run or rehearsal created tables in the real database"
    assert schemas(db_url) - untouched_schemas <= {"opsconsole"}, "env.py ran DDL on the real database"

    # the guarded upgrade applies exactly the project's revisions
    result = upgrade(settings, by=ACTOR)
    assert result.ok, result
    assert [s.to_rev for s in result.steps] == list(style.revisions)
    assert tuple(result.final) == (style.head,)

    expected = set(style.tables) | ({table} if schema == "public" else set())
    assert public_tables(db_url) == expected  # the project's tables, none of opsconsole's demo ones
    assert style.names <= index_and_constraint_names(db_url)
    assert inspect_db(db_url, style.data_sql) == [(style.data_value,)]
    assert inspect_db(db_url, f'SELECT version_num FROM "{schema}"."{table}"') == [(style.head,)]

    done = status(settings)
    assert done.at_head and tuple(done.current) == (style.head,) and not done.pending
    states = {r.revision: r.state for r in history(settings)}
    assert states == {**{rev: "applied" for rev in style.revisions[:-1]}, style.head: "current"}, states

    drift = check_drift(settings)
    if style.models:
        assert drift.compared, drift
        assert drift.ok and not drift.items, [i.to_dict() for i in drift.items]
    else:
        assert not drift.compared, "env.py has target_metadata = None; there is nothing to compare"

    after = guard.run(settings)
    statuses = {c.id: c.status for c in after.checks}
    assert statuses["at-head"] == "pass", statuses
    assert statuses["no-drift"] == ("pass" if style.models else "warn"), statuses
    assert after.ok, after.to_dict()

    ok_rows = [e for e in audit.read_log(settings) if e.outcome == "ok"]
    assert sorted(e.to_rev for e in ok_rows) == sorted(style.revisions)
    assert all(e.actor == ACTOR for e in ok_rows)
    log_ids = [e.id for e in audit.read_log(settings)]

    # a second upgrade finds nothing to do and writes nothing
    again = upgrade(settings, by=ACTOR)
    assert again.ok and again.steps == () and tuple(again.final) == (style.head,)
    assert [e.id for e in audit.read_log(settings)] == log_ids

    if style.models:  # the compare really uses the project's models: a hand-made column is seen
        change_db(db_url, f"ALTER TABLE {style.drift_table} ADD COLUMN hand_made text")
        drifted = check_drift(settings)
        assert drifted.compared and not drifted.ok, drifted
        assert any("hand_made" in i.detail for i in drifted.items), [i.to_dict() for i in drifted.items]

    assert file_hashes(root) == before, "opsconsole changed the user's project files"


def test_flask_app_is_the_one_flask_migrate_reads(manage, db_url, monkeypatch) -> None:
    """FLASK_APP in the form `module:factory()` works too, as `flask db upgrade` accepts it."""
    style = BY_NAME["flask_migrate"]
    _, settings = manage(style, FLASK_APP="notes_app:create_app()")
    monkeypatch.setenv("FLASK_APP", "notes_app:create_app()")
    result = upgrade(settings, by=ACTOR)
    assert result.ok and tuple(result.final) == (style.head,)
    assert inspect_db(db_url, style.data_sql) == [(style.data_value,)]


def test_plain_postgresql_url_reaches_env_py_with_the_shipped_driver(manage, db_url, monkeypatch) -> None:
    """Supabase/Replit hand out postgresql:// (psycopg 3 under SQLAlchemy 2.1, not installed): env.py gets the normalised URL."""
    style = BY_NAME["generic_envvar"]
    plain = user_url(db_url, "postgresql")
    _, settings = manage(style, DATABASE_URL=plain)
    monkeypatch.setenv("DATABASE_URL", plain)
    result = upgrade(settings, by=ACTOR)
    assert result.ok and tuple(result.final) == (style.head,)
    assert inspect_db(db_url, style.data_sql) == [(style.data_value,)]


def test_env_py_reaching_another_database_is_refused_before_anything_runs(manage, db_url, monkeypatch,
                                                                          admin_engine) -> None:
    """The runbook's trap: the project's own variable names another database than opsconsole guards."""
    style = BY_NAME["create_engine_envvar"]
    other = db_url.replace("/oc_test_", "/oc_other_", 1)
    other_name = sa.engine.make_url(other).database
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{other_name}"')
    try:
        with_password = user_url(sa.engine.make_url(other).set(password="hunter2-secret")
                                 .render_as_string(hide_password=False))
        _, settings = manage(style)
        monkeypatch.setenv("BILLING_DB_URL", with_password)
        with pytest.raises(WrongDatabase) as caught:
            upgrade(settings, by=ACTOR)
        message = one_paragraph(caught.value)
        assert other_name in message and sa.engine.make_url(db_url).database in message, message
        assert "hunter2-secret" not in message
        assert public_tables(db_url) == set() and public_tables(other) == set()
    finally:
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{other_name}" WITH (FORCE)')


def test_opsconsole_itself_needs_none_of_the_projects_drivers() -> None:
    """asyncpg and Flask belong to the projects (test-only requirements); opsconsole must not import them."""
    code = ("import sys, opsconsole.alembic_env, opsconsole.guard, opsconsole.cli, opsconsole.audit; "
            "print(','.join(sorted(m for m in ('asyncpg', 'flask', 'flask_migrate', 'flask_sqlalchemy') "
            "if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


# --- Bad input: exit 2 with one paragraph that says what to set, never a traceback -------------------


def test_missing_ini_names_the_setting(tmp_path, make_settings, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    missing = tmp_path / "nowhere" / "alembic.ini"
    with pytest.raises(OpsConsoleError) as caught:
        status(make_settings(OPSCONSOLE_ALEMBIC_INI=str(missing)))
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "OPSCONSOLE_ALEMBIC_INI" in message and str(missing) in message, message


def test_unreadable_ini_names_the_setting(tmp_path, make_settings, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    folder = tmp_path / "alembic.ini"  # a folder where the file should be: cannot be read as an ini
    folder.mkdir()
    with pytest.raises(OpsConsoleError) as caught:
        status(make_settings(OPSCONSOLE_ALEMBIC_INI=str(folder)))
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "OPSCONSOLE_ALEMBIC_INI" in message and str(folder) in message, message


def test_script_location_resolving_nowhere_is_named(manage, db_url) -> None:
    root, settings = manage(BY_NAME["generic_envvar"])
    ini = root / "alembic.ini"
    text = ini.read_text()
    assert "script_location = %(here)s/alembic\n" in text
    ini.write_text(text.replace("script_location = %(here)s/alembic\n", "script_location = db/migrations\n"))
    with pytest.raises(OpsConsoleError) as caught:
        status(settings)
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "script_location" in message and "db/migrations" in message, message
    assert public_tables(db_url) == set()


def test_env_py_failing_to_import_names_the_module(manage, db_url) -> None:
    root, settings = manage(BY_NAME["create_engine_envvar"])
    models = root / "billing" / "models.py"
    models.write_text("import stripe_billing_sdk  # a dependency this checkout does not have\n" + models.read_text())
    with pytest.raises(OpsConsoleError) as caught:
        upgrade(settings, by=ACTOR)
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "stripe_billing_sdk" in message and "env.py" in message, message
    assert public_tables(db_url) == set()


def _message_of(entry_point, settings) -> str:
    """What a user is told when an entry point cannot run env.py: the error raised, or the result's own."""
    try:
        result = entry_point(settings)
    except OpsConsoleError as exc:
        return one_paragraph(exc)
    if entry_point is dry_run:
        errors = [r.error for r in result.revisions]
        assert all(errors), result  # no revision can render when env.py itself cannot be imported
        return " ".join(errors)
    if entry_point is rehearse:
        assert not result.ok and result.error, result
        return result.error
    raise AssertionError(f"{entry_point.__name__} returned {result!r} although env.py cannot run")


@pytest.mark.parametrize("entry_point", [dry_run, rehearse, check_drift], ids=lambda f: f.__name__)
def test_env_py_failing_to_import_is_reported_by_every_entry_point(entry_point, manage, db_url) -> None:
    root, settings = manage(BY_NAME["create_engine_envvar"])
    models = root / "billing" / "models.py"
    models.write_text("import stripe_billing_sdk  # a dependency this checkout does not have\n" + models.read_text())
    message = _message_of(entry_point, settings)
    assert "stripe_billing_sdk" in message and "Traceback" not in message, message
    assert public_tables(db_url) == set()


def test_flask_app_that_does_not_load_names_flask_app(manage, db_url, monkeypatch) -> None:
    style = BY_NAME["flask_migrate"]
    _, settings = manage(style, FLASK_APP="notes_ap")
    monkeypatch.setenv("FLASK_APP", "notes_ap")
    with pytest.raises(OpsConsoleError) as caught:
        upgrade(settings, by=ACTOR)
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "FLASK_APP" in message and "notes_ap" in message, message
    assert public_tables(db_url) == set()


def test_flask_migrate_project_without_flask_app_says_to_set_it(manage, db_url, monkeypatch) -> None:
    """`flask db upgrade` needs FLASK_APP; so does opsconsole, and it says so instead of 'outside of app context'."""
    style = BY_NAME["flask_migrate"]
    _, settings = manage(style, FLASK_APP="")
    monkeypatch.delenv("FLASK_APP")
    with pytest.raises(OpsConsoleError) as caught:
        upgrade(settings, by=ACTOR)
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "FLASK_APP" in message, message
    assert public_tables(db_url) == set()


def test_async_url_without_its_driver_names_the_driver(manage, db_url, monkeypatch) -> None:
    style = BY_NAME["async_template"]
    _, settings = manage(style)
    no_driver = user_url(sa.engine.make_url(db_url).set(password="hunter2-secret").render_as_string(hide_password=False),
                         "postgresql+psycopg_async")
    monkeypatch.setenv("ASYNC_APP_DB_URL", no_driver)
    with pytest.raises(OpsConsoleError) as caught:
        upgrade(settings, by=ACTOR)
    message = one_paragraph(caught.value)
    assert caught.value.exit_code == 2
    assert "psycopg" in message, message
    assert "hunter2-secret" not in message
    assert public_tables(db_url) == set()
