"""The CLI in-process: JSON shapes, exit codes, one-line errors, and never a password."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from opsconsole import alembic_env, db
from opsconsole.cli import main
from fake_urls import url_with_password

ROOT = Path(__file__).resolve().parents[1]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def env(monkeypatch, db_url, tmp_path):
    """Point the CLI's environment at this test's database and the shipped project."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(ROOT / "alembic.ini"))
    monkeypatch.setenv("OPSCONSOLE_START_SCRIPT", str(ROOT / "start.sh"))
    monkeypatch.setenv("OPSCONSOLE_HOME", str(tmp_path / "home"))
    return monkeypatch


def _upgrade(settings, target: str) -> None:
    alembic_env.upgrade(settings, by="fixture", target=target)


def test_status_json_on_fresh_database_exits_1(env) -> None:
    code, out, err = run("status", "--json")
    data = json.loads(out)
    assert code == 1 and err == ""
    assert data["migrated"] is False and data["current"] == []
    assert [p["code"] for p in data["problems"]] == ["never-migrated"]
    assert len(data["pending"]) == 6 and data["target"]["embedded"] is False


def test_status_at_head_exits_0_and_human_output(env, settings) -> None:
    _upgrade(settings, "head")
    code, out, _ = run("status")
    assert code == 0
    assert "at head:  yes" in out and "9d3e5f7a1b26" in out


def test_status_behind_exits_1(env, settings) -> None:
    _upgrade(settings, "e1a7b3c59f08")
    code, out, _ = run("status", "--json")
    data = json.loads(out)
    assert code == 1 and [r["revision"] for r in data["pending"]] == ["9d3e5f7a1b26"]


def test_history_json(env, settings) -> None:
    _upgrade(settings, "5b2f8c6e9d47")
    code, out, _ = run("history", "--json")
    data = json.loads(out)
    assert code == 0
    assert [r["state"] for r in data["revisions"]] == ["applied"] * 3 + ["current", "pending", "pending"]
    assert data["revisions"][3]["message"] == "create events log"
    assert [(e["to_rev"], e["outcome"], e["actor"]) for e in data["audit"]][0] == ("5b2f8c6e9d47", "ok", "fixture")
    assert len(data["audit"]) == 4 and data["approvals"] == []


def test_unreachable_database_is_one_line_exit_2_without_password(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("Sup3rS3cret!", user="admin"))
    monkeypatch.setenv("OPSCONSOLE_CONNECT_TIMEOUT_S", "2")
    for argv in (("status",), ("status", "--json"), ("history", "--json"), ("guard", "--json"), ("counts",),
                 ("upgrade", "--by", "t")):
        code, out, err = run(*argv)
        assert "Sup3rS3cret" not in out + err, argv
        if argv[0] == "guard":
            data = json.loads(out)
            assert code == 2 and data["checks"][0]["id"] == "auto-migrations-disabled"  # could not run
            reach = next(c for c in data["checks"] if c["id"] == "database-reachable")
            assert reach["status"] == "fail" and "refused" in reach["detail"]
            continue
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("error: cannot connect to")
        assert "admin:***@127.0.0.1:1" in err and "Traceback" not in err


def test_bad_setting_exit_2_names_it(monkeypatch) -> None:
    monkeypatch.setenv("OPSCONSOLE_LOCK_TIMEOUT_MS", "soon")
    code, out, err = run("status")
    assert code == 2 and out == ""
    assert err.startswith("error: OPSCONSOLE_LOCK_TIMEOUT_MS")


def test_password_in_bad_url_never_printed(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root:hunter2hunter2@db/app")
    code, _, err = run("status")
    assert code == 2 and "hunter2hunter2" not in err and "***" in err


def test_auth_failure_is_named_and_redacted(monkeypatch, server_url) -> None:
    import sqlalchemy as sa

    # a role the server does not know: refused as an auth failure on TCP and on the embedded socket alike
    url = sa.engine.make_url(server_url).set(username="no_such_role_x", password="pw-secret-42")
    url = url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    code, out, err = run("status")
    assert code == 2 and "pw-secret-42" not in out + err
    assert "(auth)" in err


def test_usage_error_exit_2(capsys) -> None:
    assert main(["nonsense"]) == 2
    assert main(["guard", "--check"]) == 2


def test_python_dash_m_runs_as_a_process(env) -> None:
    proc = subprocess.run([sys.executable, "-m", "opsconsole", "status", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["migrated"] is False


def test_embedded_database_status_and_history(monkeypatch, tmp_path) -> None:
    """With no DATABASE_URL the CLI starts the embedded server, says so, and answers correctly."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("OPSCONSOLE_HOME", str(tmp_path / "oc"))
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(ROOT / "alembic.ini"))
    code, out, _ = run("status")
    assert code == 1 and "EMBEDDED DEMO DATABASE" in out
    code, out, _ = run("status", "--json")
    assert json.loads(out)["target"]["embedded"] is True
    code, out, _ = run("history", "--json")
    assert code == 0 and all(r["state"] == "pending" for r in json.loads(out)["revisions"])
    code, out, err = run("demo")
    assert code == 2 and "not at head" in err


def test_analyze_exit_codes_without_a_database(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("pw"))
    safe = tmp_path / "safe.sql"
    safe.write_text("CREATE TABLE t (id int); -- DROP TABLE t is only a comment\n")
    lossy = tmp_path / "lossy.sql"
    lossy.write_text("DELETE FROM users;\n")
    assert run("analyze", str(safe))[0] == 0
    code, out, _ = run("analyze", str(lossy), "--json")
    assert code == 1 and json.loads(out)["findings"][0]["rule"] == "delete-without-where"
    code, _, err = run("analyze", str(tmp_path / "missing.py"))
    assert code == 2 and err.startswith("error:")


def test_upgrade_cli_dry_run_then_apply_then_refuse(env, settings) -> None:
    code, out, _ = run("upgrade", "--dry-run", "--by", "cli")
    assert code == 0 and "CREATE TABLE tenants" in out
    assert json.loads(run("status", "--json")[1])["migrated"] is False
    code, out, _ = run("upgrade", "--by", "cli", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["steps"]) == 6 and data["final"] == ["9d3e5f7a1b26"]
    code, out, _ = run("history", "--json")
    assert [e["outcome"] for e in json.loads(out)["audit"]] == ["ok"] * 6
    code, _, err = run("upgrade", "--by", "cli", "--to", "no_such_rev")
    assert code == 2 and "unknown target revision" in err


def test_upgrade_cli_refusal_exits_1(env, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("pw", host="db.example.supabase.com", port=6543, database="postgres"))
    code, out, err = run("upgrade", "--by", "cli")
    assert code == 1 and "transaction-mode pooler" in err and "pw@" not in err


@pytest.mark.parametrize("url", [
    "postgresql://postgres@127.0.0.1:1/postgres?password=Hunter2Secret",
    "host=127.0.0.1 port=1 user=postgres password=Hunter2Secret",
    url_with_password("Hunter2@Secret", user="postgres"),
])
def test_no_password_form_is_ever_printed(monkeypatch, url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("OPSCONSOLE_CONNECT_TIMEOUT_S", "2")
    for argv in (("status",), ("guard",), ("history", "--json")):
        code, out, err = run(*argv)
        assert code in (1, 2)
        assert "Hunter2" not in out + err and "Secret" not in out + err, (argv, out, err)


# --- hostile input, exit codes and one-paragraph messages ---------------------------------------

def test_approve_refuses_huge_or_control_character_input(env) -> None:
    code, out, err = run("approve", "9d3e5f7a1b26", "--by", "x" * 100_000, "--reason", "ok")
    assert code == 2 and out == "" and err.startswith("error: --by: is 100,000 characters long; give at most 64")
    assert len(err) < 300
    code, _, err = run("approve", "9d3e5f7a1b26", "--by", "eve\x1b[2J\x1b]0;pwned\x07", "--reason", "ok")
    assert code == 2 and "control character" in err and "\x1b" not in err and "\x07" not in err
    code, _, err = run("approve", "9d3e5f7a1b26\n", "--by", "Rita", "--reason", "line\x00break")
    assert code == 2 and "--reason" in err and "\x00" not in err
    code, _, err = run("approve", "x" * 65, "--by", "Rita", "--reason", "ok")
    assert code == 2 and err.startswith("error: REV:")
    code, _, err = run("upgrade", "--by", "b\x1b[31mob", "--dry-run")
    assert code == 2 and "--by" in err and "\x1b" not in err


def test_errors_are_one_paragraph_without_terminal_escapes(env, tmp_path) -> None:
    code, out, err = run("analyze", str(tmp_path / "evil\x1b[31m\nname.py"))
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err and err.startswith("error:")
    code, _, err = run("guard", "--check", "no\x1b]0;title\x07such")
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err
    code, _, err = run("no-such-command\x1b[5m")
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err and "--help" in err


@pytest.mark.parametrize("value", ["  ", "\t", " \n "])
def test_blank_database_url_is_an_error_never_the_demo_database(monkeypatch, tmp_path, value: str) -> None:
    monkeypatch.setenv("DATABASE_URL", value)
    monkeypatch.setenv("OPSCONSOLE_HOME", str(tmp_path / "home"))
    code, out, err = run("status")
    assert code == 2 and out == "" and err.startswith("error: DATABASE_URL: is blank")
    assert not (tmp_path / "home").exists()  # the embedded server was never started


def test_blank_setting_in_secrets_file_is_named(monkeypatch, tmp_path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('OPSCONSOLE_TENANT_COLUMN = "   "\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run("status")
    assert code == 2 and err.startswith("error: OPSCONSOLE_TENANT_COLUMN: is blank")


def test_non_utf8_secrets_file_is_named(monkeypatch, tmp_path) -> None:
    (tmp_path / ".streamlit").mkdir()
    path = tmp_path / ".streamlit" / "secrets.toml"
    # a Latin-1 "é" in the (fake) password: the file is not UTF-8
    url = url_with_password("p\xe9", host="h", port=None, database="db")
    path.write_bytes(f'DATABASE_URL = "{url}"\n'.encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, _, err = run("status")
    assert code == 2 and str(path) in err and "UTF-8" in err and err.count("\n") == 1


def test_guard_exits_2_when_the_database_is_unreachable(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@127.0.0.1:1/x")
    monkeypatch.setenv("OPSCONSOLE_CONNECT_TIMEOUT_S", "1")
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(ROOT / "alembic.ini"))
    code, out, _ = run("guard")
    assert code == 2 and "could not run" in out


def test_library_warnings_never_reach_stderr(env, alembic_project, monkeypatch) -> None:
    alembic_project.add("w1", upgrade="pass")
    path = alembic_project.root / "versions" / "w1_revision_w1.py"
    path.write_text("import warnings\nwarnings.warn('from a migration', UserWarning)\n" + path.read_text())
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(alembic_project.ini))
    proc = subprocess.run([sys.executable, "-m", "opsconsole", "status"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1 and "w1" in proc.stdout
    assert proc.stderr == "", proc.stderr


@pytest.fixture
def reader_role(env, settings, admin_engine, db_url, monkeypatch):
    """The shipped schema at head, and DATABASE_URL set to a role that may only read `public` (not opsconsole's
    schema, and with CREATE on the database revoked from PUBLIC); dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    _upgrade(settings, "head")
    role = f"oc_reader_{uuid.uuid4().hex[:8]}"
    database = sa.engine.make_url(db_url).database
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER')
    try:
        with db.connect(settings) as conn, conn.begin():
            conn.exec_driver_sql(f'REVOKE CREATE ON DATABASE "{database}" FROM PUBLIC')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
            conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
        monkeypatch.setenv("DATABASE_URL", sa.engine.make_url(db_url).set(username=role).render_as_string(False))
        yield role
    finally:
        db.dispose_engines()
        with db.connect(settings) as conn, conn.begin():
            conn.exec_driver_sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"')
            conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA public FROM "{role}"')
        db.dispose_engines()
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f'REVOKE ALL ON DATABASE "{database}" FROM "{role}"')
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_a_missing_privilege_is_named(reader_role) -> None:
    """A role that may read but not create opsconsole's schema: reads work, writes say which privilege is missing."""
    code, out, err = run("status")
    assert code == 0 and "at head:  yes" in out, err
    code, out, err = run("approve", "9d3e5f7a1b26", "--by", "Rita", "--reason", "reviewed")
    assert code == 2 and f"the database role '{reader_role}' lacks a privilege: permission denied for schema " \
                         "opsconsole" in err
    assert err.count("\n") == 1


def test_a_role_that_cannot_read_the_audit_log_is_told_so_not_shown_an_empty_log(reader_role) -> None:
    """status still works for a read-only role; history names the missing privilege instead of 'no entries'."""
    assert run("status")[0] == 0
    code, out, err = run("history")
    assert code == 2 and f"the database role '{reader_role}' lacks a privilege: permission denied for schema " \
                         "opsconsole" in err


def test_the_parser_knows_every_command_it_builds_alone() -> None:
    """Only the running command's sub-parser is built; the list of names must match the full parser."""
    from opsconsole.cli import _COMMANDS, _parser

    full = next(a for a in _parser()._actions if a.dest == "command")
    assert set(full.choices) == _COMMANDS
    for command in _COMMANDS:
        alone = next(a for a in _parser(command)._actions if a.dest == "command")
        assert list(alone.choices) == [command]


def test_counts_json_is_streamed_with_the_library_figures_and_redacted(env, settings, db_url) -> None:
    """`counts --json` (written item by item) holds exactly `counts().to_dict()`, with known secrets hidden."""
    import sqlalchemy as sa

    from opsconsole.tenants import counts

    engine = sa.create_engine(db_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE tenants (id bigint PRIMARY KEY, name text, is_test boolean);"
            "INSERT INTO tenants SELECT g, 'tenant ' || g, g = 3 FROM generate_series(1, 400) g;"
            "UPDATE tenants SET name = 'pw-Secret-417' WHERE id = 7;"
            "CREATE TABLE a (tenant_id bigint); CREATE TABLE b (tenant_id bigint);"
            "INSERT INTO a SELECT 1 + g %% 400 FROM generate_series(1, 4000) g;"
            "INSERT INTO b SELECT 1 + g %% 37 FROM generate_series(1, 900) g; ANALYZE")
    engine.dispose()
    env.setenv("OPSCONSOLE_OPERATOR_PASSWORD", "pw-Secret-417")
    for argv in (["counts", "--json"], ["counts", "--exact", "--json"]):
        code, out, _ = run(*argv)
        assert code == 0
        assert "pw-Secret-417" not in out
        printed = json.loads(out)
        expected = json.loads(json.dumps(counts(settings, exact="--exact" in argv).to_dict(), default=str))
        for data in (printed, expected):
            data.pop("elapsed_ms")
            for t in data["tables"]:
                t.pop("elapsed_ms")
        name = next(t for t in expected["tenants"] if t["tenant_id"] == "7")
        assert name["name"] == "pw-Secret-417"  # the library returns data; the CLI hides the secret
        next(t for t in printed["tenants"] if t["tenant_id"] == "7")["name"] = "pw-Secret-417"
        assert printed == expected
        assert len(printed["tenants"]) == 400 and len(printed["tables"]) == 2


def test_the_revision_cache_follows_every_edit(alembic_project, project_settings) -> None:
    """Parsed revision files are kept under OPSCONSOLE_HOME; an edited, added or broken file is read again."""
    from opsconsole.alembic_env import revisions
    from opsconsole.errors import MigrationScriptError

    first = alembic_project.add("a1", message="first step")
    alembic_project.add("a2", message="second step")

    def messages() -> dict[str, str]:
        revisions._graphs.clear()  # what a new process sees: only the cache on disk
        graph = revisions.load_graph(project_settings)
        return {rev: graph.revisions[rev].message for rev in graph.order}

    assert messages() == {"a1": "first step", "a2": "second step"}
    cache = [p for p in (project_settings.home / "cache").glob("revisions-*.json")  # home is shared by tests
             if str(alembic_project.root) in p.read_text()]
    assert len(cache) == 1 and '"a2"' in cache[0].read_text()
    first.write_text(first.read_text().replace('"""first step', '"""first step, renamed'))
    alembic_project.add("a3", message="third step")
    assert messages() == {"a1": "first step, renamed", "a2": "second step", "a3": "third step"}
    cache[0].write_text("{not json")  # a damaged cache is ignored and rewritten
    assert messages()["a3"] == "third step" and json.loads(cache[0].read_text())["version"] == 1
    first.write_text(first.read_text() + "\ndef broken(:\n")
    with pytest.raises(MigrationScriptError, match="SyntaxError"):
        messages()


def test_reject_blocks_and_guard_shows_the_consoles_verdict_after_a_failed_upgrade(env, alembic_project) -> None:
    env.setenv("OPSCONSOLE_ALEMBIC_INI", str(alembic_project.ini))
    env.setenv("DISABLE_AUTO_MIGRATIONS", "true")
    alembic_project.add("k1", upgrade="op.create_table('keep', sa.Column('id', sa.Integer))")
    alembic_project.add("k2", upgrade="op.drop_table('keep')")
    code, out, err = run("reject", "k2", "--by", "Rita", "--reason", "keep is still read by billing")
    assert code == 0 and out.startswith("rejected k2 by Rita (file sha256 "), err
    code, out, _ = run("upgrade", "--by", "ops", "--confirm", "k2")
    assert code != 0 and "k2 rejected by Rita: keep is still read by billing" in out + _
    code, out, _ = run("guard", "--json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "Do not publish"
    # now a run that fails half-way: the guard names it, like the console, and exits 1 even without --strict
    (alembic_project.root / "versions" / "k2_revision_k2.py").unlink()
    alembic_project.revisions.remove("k2")
    alembic_project.add("k3", down="k1", upgrade="op.execute('SELECT 1/0')")
    code, out, _ = run("upgrade", "--by", "ops")
    assert code != 0
    code, out, _ = run("guard")
    assert code == 1
    assert "last-upgrade: The last upgrade failed at k3" in out
    assert out.rstrip().splitlines()[-1].startswith("DO NOT PUBLISH: the last upgrade failed at k3; the database is at k1")
