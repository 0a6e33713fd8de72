"""Backups of data at risk on real PostgreSQL: taken inside the step, sized first, listed, restored exactly."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from opsconsole import audit, backup, db
from opsconsole.alembic_env import upgrade
from opsconsole.backup import BackupError
from opsconsole.errors import UpgradeFailed, UpgradeRefused

PEOPLE = '''
op.execute("""CREATE TABLE people (id integer PRIMARY KEY, tenant_id integer NOT NULL, email varchar(200) NOT NULL,
    score numeric(10,2), joined timestamptz, tags text[], prefs jsonb, blob bytea)""")
op.execute("""INSERT INTO people SELECT g, g % 4, 'person-' || g || '@example.com', g * 1.25,
    timestamptz '2025-01-01 00:00+00' + g * interval '1 hour', ARRAY['t' || g, 'x'], jsonb_build_object('n', g),
    decode(md5(g::text), 'hex') FROM generate_series(1, 40) g""")
op.execute("UPDATE people SET score = NULL, tags = NULL WHERE id % 7 = 0")
'''
ALL = "SELECT * FROM people ORDER BY id"


def query(settings, sql: str) -> list[tuple]:
    with db.read_only(settings) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def run_sql(settings, sql: str) -> None:
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(sql)


def definition(settings, table: str = "people") -> list[tuple]:
    return query(settings, f"""SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
        coalesce(i.indisprimary, false) FROM pg_attribute a
        LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey)
        WHERE a.attrelid = 'public.{table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")


def copy_rows(settings, b: backup.Backup, order: str = "1") -> list[tuple]:
    return query(settings, f'SELECT * FROM opsconsole_backup."{b.backup_table}" ORDER BY {order}')


def people_then(alembic_project, project_settings, step: str) -> tuple[list[tuple], list[tuple], list[backup.Backup]]:
    """Apply `people`, remember its rows and definition, then apply the data-loss step p2 (confirmed)."""
    alembic_project.add("p1", upgrade=PEOPLE, message="create people")
    alembic_project.add("p2", upgrade=step, message="lose data")
    upgrade(project_settings, by="setup", target="p1")
    before, shape = query(project_settings, ALL), definition(project_settings)
    result = upgrade(project_settings, by="olga", confirm="p2")
    taken = backup.list_backups(project_settings)
    assert result.ok and result.backup["taken"] == [b.id for b in taken]
    return before, shape, taken


def test_dropped_table_is_copied_whole_and_recreated_exactly(alembic_project, project_settings) -> None:
    before, shape, taken = people_then(alembic_project, project_settings, "op.drop_table('people')")
    [b] = taken
    assert (b.revision, b.table, b.kind, b.rules, b.key_columns) == ("p2", "public.people", "rows", ("drop-table",), ("id",))
    assert b.rows == 40 and b.bytes > 0 and b.created_by == "olga"
    assert b.tenants == {"0": 10, "1": 10, "2": 10, "3": 10}
    assert copy_rows(project_settings, b) == before
    assert b.csv_note == "blob: binary data is written hex-escaped (\\x…)"  # the download says so; restore is exact
    assert query(project_settings, "SELECT to_regclass('public.people')") == [(None,)]

    dry = backup.restore(project_settings, b.id, by="olga", dry_run=True)
    assert (dry.restored, dry.skipped, dry.created_table) == (40, 0, True)
    assert query(project_settings, "SELECT to_regclass('public.people')") == [(None,)]  # a dry run changes nothing

    done = backup.restore(project_settings, b.id, by="olga")
    assert (done.restored, done.skipped, done.created_table) == (40, 0, True)
    assert done.warnings == ("public.people was recreated with its columns, types, NOT NULL and primary key only: "
                             "add defaults, other indexes, foreign keys, policies and grants back with a migration",)
    assert query(project_settings, ALL) == before
    assert definition(project_settings) == shape  # columns, types with typmods, NOT NULL, primary key
    again = backup.restore(project_settings, b.id, by="olga")
    assert (again.restored, again.skipped, again.created_table) == (0, 40, False)
    restores = [e for e in audit.read_log(project_settings) if e.action == "restore"]
    assert [(e.actor, e.outcome, e.to_rev) for e in restores] == [("olga", "ok", "p2")] * 2


def test_dropped_column_kept_by_key_and_written_back_once_it_exists(alembic_project, project_settings) -> None:
    before, _, [b] = people_then(alembic_project, project_settings, "op.drop_column('people', 'email')")
    assert (b.kind, b.key_columns, b.value_columns, b.rules) == ("columns", ("id",), ("email",), ("drop-column",))
    assert [c["name"] for c in b.columns] == ["id", "email", "tenant_id"]
    assert copy_rows(project_settings, b) == [(r[0], r[2], r[1]) for r in before]
    assert b.tenants == {"0": 10, "1": 10, "2": 10, "3": 10}

    with pytest.raises(BackupError, match="has no column email; add it back"):
        backup.restore(project_settings, b.id, by="olga")
    run_sql(project_settings, "ALTER TABLE people ADD COLUMN email integer")
    with pytest.raises(BackupError) as refused:
        backup.restore(project_settings, b.id, by="olga")
    assert "public.people.email is integer in the table but the backup holds character varying(200)" in str(refused.value)
    run_sql(project_settings, "ALTER TABLE people DROP COLUMN email; ALTER TABLE people ADD COLUMN email varchar(200)")
    done = backup.restore(project_settings, b.id, by="olga")
    assert (done.restored, done.skipped) == (40, 0)
    assert query(project_settings, "SELECT id, tenant_id, email, score, joined, tags, prefs, blob FROM people "
                                   "ORDER BY id") == before
    outcomes = [e.outcome for e in audit.read_log(project_settings) if e.action == "restore"]
    assert outcomes == ["ok", "refused", "refused"]


def test_deleted_rows_come_back_per_tenant_then_skipping_keys_that_exist(alembic_project, project_settings) -> None:
    before, _, [b] = people_then(alembic_project, project_settings, 'op.execute("DELETE FROM people")')
    assert (b.kind, b.rules, b.rows) == ("rows", ("delete-without-where",), 40)
    assert backup.tenant_losses(project_settings, "2") == [
        {"backup_id": b.id, "revision": "p2", "table": "public.people", "kept": "whole rows", "rows": 10,
         "created_at": b.created_at.isoformat(), "created_by": "olga"}]
    assert backup.tenant_losses(project_settings, "99") == []

    one = backup.restore(project_settings, b.id, by="olga", tenant="2")
    assert (one.restored, one.skipped) == (10, 0)
    assert query(project_settings, ALL) == [r for r in before if r[1] == 2]
    run_sql(project_settings, "CREATE SEQUENCE people_id_seq OWNED BY people.id; "
                              "ALTER TABLE people ALTER id SET DEFAULT nextval('people_id_seq');"
                              "INSERT INTO people (id, tenant_id, email) VALUES (1, 1, 'new@example.com')")
    rest = backup.restore(project_settings, b.id, by="olga")
    assert (rest.restored, rest.skipped) == (29, 11)
    assert rest.warnings == ("sequence public.people_id_seq advanced to 40 past the restored id values",)
    now = query(project_settings, ALL)
    assert now[1:] == before[1:] and now[0][2] == "new@example.com"  # an existing key is never overwritten
    run_sql(project_settings, "INSERT INTO people (tenant_id, email) VALUES (1, 'next@example.com')")
    assert query(project_settings, "SELECT max(id) FROM people") == [(41,)]  # no collision with restored keys


def test_unconditional_update_values_are_written_back(alembic_project, project_settings) -> None:
    before, _, [b] = people_then(alembic_project, project_settings,
                                 '''op.execute("UPDATE people SET email = 'gone', score = 0")''')
    assert (b.kind, b.value_columns, b.rules) == ("columns", ("email", "score"), ("update-without-where",))
    assert query(project_settings, "SELECT DISTINCT email FROM people") == [("gone",)]
    done = backup.restore(project_settings, b.id, by="olga")
    assert (done.restored, done.skipped) == (40, 0)
    assert query(project_settings, ALL) == before


def test_narrowing_type_change_is_undone_after_the_downgrade(alembic_project, project_settings) -> None:
    step = ("op.alter_column('people', 'email', type_=sa.String(8), existing_type=sa.String(200), "
            "postgresql_using='left(email, 8)')")
    before, shape, [b] = people_then(alembic_project, project_settings, step)
    assert (b.kind, b.value_columns, b.rules) == ("columns", ("email",), ("narrowing-type-change",))
    assert query(project_settings, "SELECT DISTINCT length(email) FROM people") == [(8,)]
    run_sql(project_settings, "ALTER TABLE people ALTER COLUMN email TYPE varchar(200)")  # the downgrade
    done = backup.restore(project_settings, b.id, by="olga")
    assert done.restored == 40 and query(project_settings, ALL) == before
    assert definition(project_settings) == shape


@pytest.mark.parametrize(("step", "kind", "rule"), [
    ("with op.batch_alter_table('people') as batch:\n    batch.drop_column('email')", "columns", "drop-column"),
    ("conn = op.get_bind()\nconn.execute(sa.text('DELETE FROM people'))", "rows", "delete-without-where"),
], ids=["batch-drop-column", "get-bind-delete"])
def test_batch_mode_and_data_steps_through_get_bind_are_backed_up(alembic_project, project_settings, step: str,
                                                                  kind: str, rule: str) -> None:
    before, _, [b] = people_then(alembic_project, project_settings, step)
    assert (b.kind, b.rules, b.rows) == (kind, (rule,), 40)
    kept = [(r[0], r[2], r[1]) for r in before] if kind == "columns" else before
    assert copy_rows(project_settings, b) == kept


def test_table_without_primary_key_whole_rows_full_row_match(alembic_project, project_settings) -> None:
    alembic_project.add_customers("c1")
    alembic_project.add("c2", upgrade="op.drop_column('customers', 'email')\nop.execute('TRUNCATE customers')")
    upgrade(project_settings, by="setup", target="c1")
    run_sql(project_settings, "UPDATE customers SET email = 'c' || id || '@example.com'")
    before = query(project_settings, "SELECT * FROM customers ORDER BY id")
    upgrade(project_settings, by="olga", confirm="c2")
    [b] = backup.list_backups(project_settings)
    assert (b.kind, b.key_columns, b.rules) == ("rows", (), ("drop-column", "truncate"))
    assert copy_rows(project_settings, b, "id") == before
    run_sql(project_settings, "ALTER TABLE customers ADD COLUMN email text;"
                              "INSERT INTO customers VALUES (1, 1, 'c1@example.com')")
    done = backup.restore(project_settings, b.id, by="olga")
    assert (done.restored, done.skipped) == (39, 1)
    assert "no primary key" in done.warnings[0]
    assert query(project_settings, "SELECT * FROM customers ORDER BY id") == before


def test_a_crash_inside_the_step_leaves_neither_the_change_nor_the_backup(alembic_project, project_settings) -> None:
    alembic_project.add("p1", upgrade=PEOPLE)
    alembic_project.add("p2", upgrade="op.drop_column('people', 'email')\nraise RuntimeError('boom after the drop')")
    upgrade(project_settings, by="setup", target="p1")
    before = query(project_settings, ALL)
    with pytest.raises(UpgradeFailed, match="boom after the drop"):
        upgrade(project_settings, by="olga", confirm="p2")
    assert query(project_settings, ALL) == before
    assert backup.list_backups(project_settings) == []
    assert query(project_settings, "SELECT count(*) FROM pg_tables WHERE schemaname = 'opsconsole_backup'") == [(0,)]


def test_size_first_over_the_limit_refuses_unless_no_backup_is_confirmed(alembic_project, make_settings) -> None:
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_BACKUP_MAX_BYTES="1KiB")
    alembic_project.add("p1", upgrade=PEOPLE)
    alembic_project.add("p2", upgrade="op.drop_table('people')")
    upgrade(settings, by="setup", target="p1")
    dry = upgrade(settings, by="olga", dry_run=True)
    plan = dry.backup
    assert plan["rows"] == 40 and plan["bytes"] > 1024 and plan["max_bytes"] == 1024
    assert plan["over_limit"] == ["p2"] and [c["table"] for c in plan["copies"]] == ["public.people"]
    assert any("--no-backup p2" in w for w in dry.warnings)
    findings = [f for f in dry.findings if f["severity"] == "data-loss"]
    with db.read_only(settings) as conn:
        note = backup.size_note(conn, settings, findings, ["p2"])
    assert note.startswith(" Before each step the upgrade backs up what it destroys: 40 row(s), about ")
    assert "(limit 1.0 KiB per revision); over the limit for p2" in note
    with pytest.raises(UpgradeRefused, match="OPSCONSOLE_BACKUP_MAX_BYTES") as refused:
        upgrade(settings, by="olga", confirm="p2")
    assert refused.value.reason == "backup" and query(settings, "SELECT count(*) FROM people") == [(40,)]
    result = upgrade(settings, by="olga", confirm="p2", no_backup="p2")
    assert result.ok and result.backup["taken"] == [] and result.backup["waived"] == ["p2"]
    assert backup.list_backups(settings) == []
    log = audit.read_log(settings)
    assert [(e.actor, e.outcome, e.to_rev) for e in log if e.action == "no-backup"] == [("olga", "confirmed", "p2")]
    assert any(e.action == "upgrade" and e.outcome == "refused" and "MAX_BYTES" in (e.error or "") for e in log)


def test_role_that_cannot_create_the_backup_schema_is_told_the_fix(alembic_project, project_settings,
                                                                    admin_engine, db_url) -> None:
    import uuid

    import sqlalchemy as sa

    role = f"oc_nocreate_{uuid.uuid4().hex[:8]}"
    name = sa.engine.make_url(db_url).database
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN; REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
    try:
        alembic_project.add("p1", upgrade=PEOPLE)
        upgrade(project_settings, by="setup")
        findings = [{"revision": "p2", "rule": "drop-table", "severity": "data-loss", "object": "public.people"}]
        limited = sa.engine.make_url(db_url).set(username=role).render_as_string(hide_password=False)
        with db.read_only(project_settings, url=limited) as conn:
            plan = backup.plan(conn, project_settings, findings, ["p2"])
        assert plan.problem and f"CREATE SCHEMA IF NOT EXISTS opsconsole_backup AUTHORIZATION \"{role}\"" in plan.problem
        assert "--no-backup REV" in plan.refusal
        assert backup.plan(None, project_settings, findings, ["p2"], no_backup="p2").refusal is None
    finally:
        db.dispose_engines()
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_cli_lists_downloads_restores_and_deletes(alembic_project, project_settings, monkeypatch) -> None:
    from opsconsole.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()

    monkeypatch.setenv("DATABASE_URL", project_settings.database_url)
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(alembic_project.ini))
    alembic_project.add("p1", upgrade=PEOPLE)
    alembic_project.add("p2", upgrade="op.drop_column('people', 'score')")
    upgrade(project_settings, by="setup", target="p1")
    before = query(project_settings, "SELECT id, score FROM people ORDER BY id")
    code, out, _ = run("upgrade", "--dry-run", "--by", "olga")
    assert code == 1 and "-- backup: p2: public.people key + score: 40 row(s)" in out
    code, out, err = run("upgrade", "--by", "olga", "--confirm", "p2")
    assert code == 0, err
    assert "Backed up 40 row(s) of public.people" in out and "backups taken: " in out
    code, out, _ = run("backups", "--json")
    [listed] = json.loads(out)["backups"]
    assert code == 0 and listed["kept"] == "id + score" and listed["rows"] == 40 and listed["created_by"] == "olga"
    assert listed["csv_note"] == "" and listed["tenants"] == {"0": 10, "1": 10, "2": 10, "3": 10}
    bid = str(listed["id"])
    code, out, _ = run("backups", "--tenant", "3")
    assert code == 0 and f"{bid}  p2  public.people  id + score  10 row(s) of tenant 3" in out
    code, out, _ = run("backups", "--csv", bid)
    lines = list(csv.reader(io.StringIO(out)))
    assert lines[0] == ["id", "score", "tenant_id"] and len(lines) == 41
    assert [(int(r[0]), r[1]) for r in lines[1:]] == [(i, "" if s is None else f"{s}") for i, s in before]
    run_sql(project_settings, "ALTER TABLE people ADD COLUMN score numeric(10,2)")
    code, out, _ = run("restore", bid, "--dry-run", "--by", "olga")
    assert code == 0 and "would restore 40" in out
    assert query(project_settings, "SELECT count(score) FROM people") == [(0,)]
    code, out, _ = run("restore", bid, "--by", "olga", "--json")
    assert code == 0 and json.loads(out)["restored"] == 40
    assert query(project_settings, "SELECT id, score FROM people ORDER BY id") == before
    code, _, err = run("restore", "999", "--by", "olga")
    assert code == 2 and "there is no backup 999" in err
    code, out, _ = run("backups", "--delete", bid, "--by", "olga")
    assert code == 0 and f"deleted backup {bid}" in out
    assert backup.list_backups(project_settings) == []
    assert query(project_settings, "SELECT count(*) FROM pg_tables WHERE schemaname = 'opsconsole_backup'") == [(0,)]
    assert [e.action for e in audit.read_log(project_settings)][:3] == ["backup-delete", "restore", "upgrade-step"]


def test_backup_schema_is_never_drift() -> None:
    from types import SimpleNamespace

    from opsconsole.alembic_env.drift import DriftItem, _ours

    project = SimpleNamespace(version_table="alembic_version", version_table_schema=None)
    assert _ours(DriftItem("remove_table", "opsconsole_backup.b1_people", "x"), project)
    assert not _ours(DriftItem("remove_table", "public.people", "x"), project)


@pytest.fixture
def console(monkeypatch, alembic_project, project_settings, tmp_path):
    """app.py's environment for this project, routed like a running server (see tests/test_pages.py)."""
    import os

    from streamlit.runtime.pages_manager import PagesManager

    for name in list(os.environ):
        if name.startswith("OPSCONSOLE_") and name != "OPSCONSOLE_TEST_DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    for name, value in {"DATABASE_URL": project_settings.database_url, "OPSCONSOLE_ALEMBIC_INI": str(alembic_project.ini),
                        "OPSCONSOLE_HOME": str(tmp_path / "home"), "OPSCONSOLE_VIEWER_PASSWORD": "viewer-pw-1",
                        "OPSCONSOLE_OPERATOR_PASSWORD": "operator-pw-2"}.items():
        monkeypatch.setenv(name, value)
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    return project_settings


def open_backups(role: str):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from opsconsole.auth import User

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=90)
    at.session_state["user"] = User("Olga" if role == "operator" else "Vera", role)
    at.run()
    at.switch_page("pages/backups.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == ["Backups"]
    return at


def test_console_page_lists_filters_by_tenant_restores_and_deletes(alembic_project, console) -> None:
    settings = console
    alembic_project.add("p1", upgrade=PEOPLE)
    alembic_project.add("p2", upgrade='op.drop_table("people")')
    upgrade(settings, by="setup", target="p1")
    before = query(settings, ALL)
    upgrade(settings, by="olga", confirm="p2")
    [b] = backup.list_backups(settings)

    viewer = open_backups("viewer")
    table = viewer.dataframe[0].value
    assert list(table["Table"]) == ["public.people"] and list(table["Rows"]) == ["40"]
    assert re.fullmatch(r"\w{3} \d\d \w{3} \d{4}, \d\d:\d\d UTC", table["Taken at"][0])  # people's time, no ISO
    assert not {"None", "nan"} & {str(v) for c in table.columns for v in table[c]}
    assert "Only operators can restore or delete backups." in [i.value for i in viewer.info]
    assert all(btn.key not in ("backup_restore", "backup_delete") for btn in viewer.button)
    viewer.button(key="backup_csv").click().run()
    assert viewer.session_state["backup_csv_ready"][1].startswith("id,tenant_id,email,score")

    at = open_backups("operator")
    at.text_input(key="backup_tenant").input("3").run()
    assert list(at.dataframe[0].value["Rows"]) == ["10"]
    at.checkbox(key="backup_only_tenant").check().run()
    at.button(key="backup_restore").click().run()
    said = [t.value for t in at.text]
    assert f"backup {b.id}: recreated public.people; restored 10 row(s) of tenant 3 into public.people, skipped 0" in said
    assert any(t.startswith("Warning: public.people was recreated with its columns") for t in said)
    assert query(settings, ALL) == [r for r in before if r[1] == 3]
    at.checkbox(key="backup_sure").check().run()
    at.button(key="backup_delete").click().run()
    assert not at.exception and backup.list_backups(settings) == []
    assert f"deleted backup {b.id} of public.people" in [t.value for t in at.text]


def test_restore_and_delete_wait_for_the_upgrade_lock(project_settings, db_url) -> None:
    import sqlalchemy as sa

    from opsconsole.alembic_env import LOCK_KEY

    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as holder:
        holder.exec_driver_sql("SELECT set_config('application_name', 'opsconsole upgrade since 10:00 by ann', false)")
        holder.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
        holder.commit()
        with pytest.raises(BackupError, match="already running since 10:00 by ann"):
            backup.restore(project_settings, 1, by="olga")
        with pytest.raises(BackupError, match="already running since 10:00 by ann"):
            backup.delete_backup(project_settings, 1, by="olga")
    engine.dispose()
    with pytest.raises(BackupError, match="there is no backup 1"):  # lock free again: now the id is looked up
        backup.restore(project_settings, 1, by="olga")
    with pytest.raises(BackupError, match="say who"):
        backup.restore(project_settings, 1, by=" ")


def test_dropped_schema_each_table_kept_and_recreated(alembic_project, make_settings) -> None:
    settings = make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_SCHEMAS="public,sales")
    alembic_project.add("s1", upgrade='''op.execute("""CREATE SCHEMA sales; CREATE TABLE sales.orders (id bigint PRIMARY KEY,
        tenant_id int, total numeric(12,2) NOT NULL); INSERT INTO sales.orders SELECT g, g % 3, g * 9.99
        FROM generate_series(1, 30) g; CREATE TABLE sales.notes (body text)""")''')
    alembic_project.add("s2", upgrade='op.execute("DROP SCHEMA sales CASCADE")')
    upgrade(settings, by="setup", target="s1")
    before = query(settings, "SELECT * FROM sales.orders ORDER BY id")
    result = upgrade(settings, by="olga", confirm="s2")
    assert [c["table"] for c in result.backup["copies"]] == ["sales.notes", "sales.orders"]
    taken = {b.table: b for b in backup.list_backups(settings)}
    assert {t: (b.rows, b.rules) for t, b in taken.items()} == {"sales.notes": (0, ("drop-schema",)),
                                                               "sales.orders": (30, ("drop-schema",))}
    assert taken["sales.orders"].tenants == {"0": 10, "1": 10, "2": 10}
    done = backup.restore(settings, taken["sales.orders"].id, by="olga")
    assert (done.restored, done.created_table) == (30, True)
    assert query(settings, "SELECT * FROM sales.orders ORDER BY id") == before


def test_enum_column_does_not_block_drop_type_and_comes_back_exactly(alembic_project, project_settings) -> None:
    alembic_project.add("m1", upgrade='''op.execute("""CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE moods (id int PRIMARY KEY, tenant_id int, mood mood NOT NULL, past mood[]);
        INSERT INTO moods SELECT g, g % 2, (ARRAY['sad', 'ok', 'happy'])[g % 3 + 1]::mood, ARRAY['ok'::mood]
        FROM generate_series(1, 12) g""")''')
    alembic_project.add("m2", upgrade='op.drop_table("moods")\nop.execute("DROP TYPE mood")')
    upgrade(project_settings, by="setup", target="m1")
    before = query(project_settings, "SELECT id, tenant_id, mood::text, past::text FROM moods ORDER BY id")
    upgrade(project_settings, by="olga", confirm="m2")  # the copy keeps the enum as text: DROP TYPE still works
    [b] = backup.list_backups(project_settings)
    run_sql(project_settings, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")  # the downgrade
    done = backup.restore(project_settings, b.id, by="olga")
    assert (done.restored, done.created_table) == (12, True)
    assert query(project_settings, "SELECT id, tenant_id, mood::text, past::text FROM moods ORDER BY id") == before
    assert definition(project_settings, "moods")[2:] == [("mood", "mood", True, False), ("past", "mood[]", False, False)]
