"""Every console page through the real router (AppTest), as viewer and operator, passing and failing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from opsconsole import audit, db, alembic_env
from opsconsole.auth import User
from opsconsole.errors import LockWaitTimeout
from opsconsole.settings import Settings, load_settings
from opsconsole.alembic_env import LOCK_KEY, upgrade

ROOT = Path(__file__).resolve().parents[1]
TITLES = {"overview": "Overview", "status": "Schema status", "tenants": "Tenants", "history": "History",
          "checklist": "Emergency checklist", "upgrade": "Upgrade"}
PAGES = list(TITLES)
VIEWER_PW, OPERATOR_PW = "viewer-secret-1", "operator-secret-2"
ROLES = {"viewer": User("Vera", "viewer"), "operator": User("Olga", "operator")}
UNREACHABLE = "postgresql://postgres@127.0.0.1:1/postgres"
SEED = """
INSERT INTO plans (code, name, max_users) VALUES ('team', 'Team', 50);
INSERT INTO tenants (id, name, plan_code, is_test) VALUES (1, 'Acme', 'team', false), (2, 'Globex', 'team', false),
    (101, 'QA sandbox', 'team', true);
INSERT INTO users (id, tenant_id, email) SELECT g, CASE WHEN g <= 30 THEN 1 WHEN g <= 45 THEN 2 ELSE 101 END,
    'u' || g || '@example.com' FROM generate_series(1, 50) g;
ANALYZE plans, tenants, users;
"""
DROP_CUSTOMERS = "op.drop_table('customers')"

Console = Callable[..., Settings]


@pytest.fixture(autouse=True)
def router(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Route like a running server: once app.py has called st.navigation, the pages/ folder mode is off.

    AppTest re-detects the pages/ folder before every run and would then run a page file without app.py
    (no sign-in, no sidebar); a server does that at most for the first request after it starts, which
    `test_first_request_to_a_page_file_goes_through_sign_in` covers with `pages_folder_mode = True`.
    """
    state = SimpleNamespace(pages_folder_mode=False)
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        if not state.pages_folder_mode:
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    return state


@pytest.fixture
def console(monkeypatch: pytest.MonkeyPatch, db_url: str, tmp_path: Path, rehearsal_home: Path) -> Console:
    """Set the environment app.py's load_settings() reads; keyword arguments override (None unsets)."""
    for name in list(os.environ):
        if name.startswith("OPSCONSOLE_") and name != "OPSCONSOLE_TEST_DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .streamlit/secrets.toml

    def apply(**overrides: str | None) -> Settings:
        env = {"DATABASE_URL": db_url, "OPSCONSOLE_ALEMBIC_INI": str(ROOT / "alembic.ini"),
               "OPSCONSOLE_START_SCRIPT": str(ROOT / "start.sh"), "OPSCONSOLE_HOME": str(rehearsal_home),
               "OPSCONSOLE_VIEWER_PASSWORD": VIEWER_PW, "OPSCONSOLE_OPERATOR_PASSWORD": OPERATOR_PW,
               "OPSCONSOLE_GLOBAL_TABLES": "plans", "OPSCONSOLE_CONNECT_TIMEOUT_S": "3",
               "DISABLE_AUTO_MIGRATIONS": "true"}
        env.update(overrides)
        for name, value in env.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        try:
            return load_settings()
        except Exception:  # a bad setting on purpose: the console must show it, the test needs no Settings
            return None  # type: ignore[return-value]

    return apply


def open_console(role: str | None = "operator") -> AppTest:
    """Run app.py, signed in as the given role (None: not signed in)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if role is not None:
        at.session_state["user"] = ROLES[role]
    return at.run()


def visit(at: AppTest, page: str) -> AppTest:
    """Switch to a page through the router and check it rendered without a traceback."""
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [TITLES[page]]
    return at


def shown(markdown: str) -> str:
    """What a Markdown source shows for its backslash escapes (pages escape untrusted text)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def text(at: AppTest) -> str:
    """Everything the page says, as one string (Markdown escapes resolved)."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "error", "warning", "success", "info", "code", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return shown("\n".join(parts))


def errors(at: AppTest) -> str:
    return shown("\n".join(str(e.value) for e in at.error))


def at_head_with_tenants(settings: Settings) -> None:
    upgrade(settings, by="setup")
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(SEED)


# --- sign-in ------------------------------------------------------------------------------------

def test_sign_in_refuses_a_wrong_password_then_signs_in_a_viewer(console: Console) -> None:
    console()
    at = open_console(role=None)
    assert [t.value for t in at.title] == ["Sign in to opsconsole"]
    assert all(b.key != "signin_demo" for b in at.button)  # no skipping sign-in on a real database
    at.text_input(key="signin_password").input("guess")
    at.button[0].click().run()
    assert "wrong password" in errors(at) and "user" not in at.session_state
    at.text_input(key="signin_name").input("Vera")
    at.text_input(key="signin_password").input(VIEWER_PW)
    at.button[0].click().run()
    assert at.session_state["user"] == User("Vera", "viewer")
    assert "Signed in as **Vera** · viewer" in [m.value for m in at.markdown]
    assert [t.value for t in at.title] == ["Overview"]


def test_operator_signs_in_with_a_name_and_can_sign_out(console: Console) -> None:
    console()
    at = open_console(role=None)
    at.radio(key="signin_role").set_value("operator")
    at.text_input(key="signin_password").input(OPERATOR_PW)
    at.button[0].click().run()
    assert "name" in errors(at) and "user" not in at.session_state
    at.text_input(key="signin_name").input("Olga")
    at.button[0].click().run()
    assert at.session_state["user"] == User("Olga", "operator")
    assert "Signed in as **Olga** · operator" in [m.value for m in at.markdown]
    at.button(key="sign_out").click().run()
    assert "user" not in at.session_state and [t.value for t in at.title] == ["Sign in to opsconsole"]


def test_first_request_to_a_page_file_goes_through_sign_in(console: Console, router: SimpleNamespace) -> None:
    console()
    router.pages_folder_mode = True
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/upgrade.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Sign in to opsconsole"]
    assert all(b.key not in ("upgrade", "dry_run") for b in at.button) and "user" not in at.session_state
    router.pages_folder_mode = False  # that first run went through app.py, whose navigation ends the mode
    at.text_input(key="signin_password").input(VIEWER_PW)
    at.button[0].click().run()
    assert not at.exception and [t.value for t in at.title] == ["Upgrade"]  # the page asked for, signed in


def test_remote_database_without_passwords_explains_what_to_set(console: Console) -> None:
    console(OPSCONSOLE_VIEWER_PASSWORD=None, OPSCONSOLE_OPERATOR_PASSWORD=None)
    at = open_console(role=None)
    assert "OPSCONSOLE_OPERATOR_PASSWORD" in "\n".join(i.value for i in at.info)
    assert not at.text_input and not at.button  # nothing to sign in with, and no demo skip on a real database


def test_embedded_demo_without_passwords_signs_in_as_the_operator_demo(console: Console, tmp_path: Path) -> None:
    # a home too long for a Unix socket makes the embedded server refuse at once: the page must say so
    console(DATABASE_URL=None, OPSCONSOLE_VIEWER_PASSWORD=None, OPSCONSOLE_OPERATOR_PASSWORD=None,
            OPSCONSOLE_HOME=str(tmp_path / ("x" * 120)))
    at = open_console(role=None)  # no passwords on the demo: signed in as "demo" at once (deep links work)
    assert at.session_state["user"] == User("demo", "operator")
    assert "Signed in as **demo** · operator" in [m.value for m in at.markdown]
    assert "EMBEDDED DEMO DATABASE" in text(at) and "too long for a Unix socket" in text(at)
    assert not at.exception


def test_embedded_demo_with_passwords_may_still_skip_sign_in(console: Console, tmp_path: Path) -> None:
    console(DATABASE_URL=None, OPSCONSOLE_HOME=str(tmp_path / ("x" * 120)))
    at = open_console(role=None)
    assert "user" not in at.session_state
    at.button(key="signin_demo").click().run()
    assert at.session_state["user"] == User("demo", "operator")


# --- every page, passing ------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_every_page_on_a_healthy_database(console: Console, role: str) -> None:
    settings = console()
    at_head_with_tenants(settings)
    at = open_console(role)
    said = text(visit(at, "overview"))
    assert "# :green[Safe to publish]" in said and "Current revision=9d3e5f7a1b26" in said
    assert f"database **{db.target(settings).database}**" in said and "EMBEDDED" not in said
    assert "Head=9d3e5f7a1b26" in said and not at.error
    said = text(visit(at, "status"))
    assert "Nothing is pending" in said and "The live schema matches the models" in said and not at.error
    said = text(visit(at, "tenants"))
    assert "Real tenants=2" in said and "Test tenants=1" in said and "Every row belongs" in said
    assert at.get("vega_lite_chart") and "Estimated from PostgreSQL statistics" in said
    said = text(visit(at, "history"))
    revisions = at.dataframe[0].value
    assert list(revisions["Revision"])[0] == "9d3e5f7a1b26" and set(revisions["State"]) == {"current", "applied"}
    assert "is_test" not in revisions.columns and "down_revisions" not in revisions.columns
    log = at.dataframe[1].value
    assert len(log) == 6 and set(log["Who"]) == {"setup"} and set(log["Outcome"]) == {"ok"}
    assert "6 recorded checksum(s) match" in said
    said = text(visit(at, "checklist"))
    assert "No live step fails now." in said and len(at.checkbox) == 3
    said = text(visit(at, "upgrade"))
    if role == "operator":
        assert "Nothing is pending" in said and at.button(key="upgrade").disabled
    else:
        assert "Only operators can upgrade" in said and not any(b.key == "upgrade" for b in at.button)


# --- every page, failing ------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_unreachable_database_gives_a_clear_error_on_every_page(console: Console, role: str) -> None:
    console(DATABASE_URL=UNREACHABLE)
    at = open_console(role)
    for page in PAGES:
        visit(at, page)
        if page == "upgrade" and role == "viewer":
            assert "Only operators can upgrade" in text(at)
            continue
        assert "cannot connect to postgresql" in errors(at) and "postgres@127.0.0.1:1/postgres" in errors(at), page
        assert "nothing is listening there" in errors(at)
        if page == "overview":  # the verdict's own text: no driver names for reviewers
            assert "cannot connect to postgresql://postgres@127.0.0.1:1/postgres" in errors(at)
    visit(at, "overview")
    assert "# :red[Do not publish]" in text(at)


@pytest.mark.parametrize("role", [None, "viewer", "operator"])
def test_bad_setting_is_shown_on_every_page_without_a_traceback(console: Console, role: str | None) -> None:
    console(OPSCONSOLE_STATEMENT_TIMEOUT_MS="abc")
    at = open_console(role)
    for page in PAGES:
        visit(at, page)
        assert "OPSCONSOLE_STATEMENT_TIMEOUT_MS: 'abc' is not a whole number" in errors(at), page
        assert all(b.key != "upgrade" for b in at.button)


def test_broken_migration_file_is_named_on_every_page(console: Console, alembic_project) -> None:
    alembic_project.add("a1")
    console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    (alembic_project.root / "versions" / "a2_broken.py").write_text("revision = 'a2'\ndown_revision = 'a1'\ndef upgrade(:\n")
    at = open_console("operator")
    for page in ("overview", "status", "history", "checklist", "upgrade"):
        visit(at, page)
        assert "cannot read the revision file" in errors(at) + text(at) and "invalid syntax" in errors(at) + text(at), page
    visit(at, "tenants")  # needs no migration scripts: still renders its figures
    assert "Real tenants=" in text(at)


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_pending_migration_is_shown_on_every_page(console: Console, alembic_project, role: str) -> None:
    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer), sa.Column('tenant_id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_GLOBAL_TABLES=None)
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.add_column('notes', sa.Column('body', sa.Text))", message="add note body")
    at = open_console(role)
    said = text(visit(at, "overview"))
    assert "# :orange[Action needed]" in said and "1 migration(s) wait to be applied" in said
    assert "Pending migrations=1" in said
    said = text(visit(at, "status"))
    assert "**a2** — add note body" in said and "1 migration(s) are pending" in said
    said = text(visit(at, "history"))
    assert dict(zip(at.dataframe[0].value["Revision"], at.dataframe[0].value["State"])) == {"a1": "current", "a2": "pending"}
    said = text(visit(at, "checklist"))  # pending alone is the one verdict's "Action needed", not a failing step
    assert "No live step fails now." in said and "1 pending: a2" in said
    assert "Action needed: 1 migration(s) wait to be applied" in said
    said = text(visit(at, "upgrade"))
    if role == "operator":
        assert "**1 pending:** a2 add note body" in said and not at.button(key="upgrade").disabled
    else:
        assert not any(b.key in ("upgrade", "dry_run", "rehearse") for b in at.button)


def test_pending_data_loss_is_red_with_rows_and_tenants_at_risk(console: Console, alembic_project) -> None:
    alembic_project.add_customers()
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("d1", upgrade=DROP_CUSTOMERS, message="retire customers")
    at = open_console("viewer")
    assert "# :red[Do not publish]" in text(visit(at, "overview"))
    visit(at, "status")
    red = errors(at)
    assert "**data-loss** · d1 drop-table" in red and "**40 row(s)** of **4 tenant(s)** at risk" in red


# --- the upgrade flow ---------------------------------------------------------------------------

@pytest.fixture
def one_pending(console: Console, alembic_project) -> Settings:
    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.create_table('tags', sa.Column('id', sa.Integer))", message="add tags")
    return settings


def test_dry_run_shows_the_sql_and_changes_nothing(one_pending: Settings) -> None:
    at = visit(open_console("operator"), "upgrade")
    at.button(key="dry_run").click().run()
    sql = "\n".join(c.value for c in at.code)
    assert "CREATE TABLE tags" in sql and "UPDATE alembic_version SET version_num='a2'" in sql
    assert alembic_env.status(one_pending).current == ("a1",)


def test_upgrade_applies_and_the_audit_log_names_the_operator(one_pending: Settings) -> None:
    at = visit(open_console("operator"), "upgrade")
    at.button(key="upgrade").click().run()
    assert not at.exception
    assert "Applied 1 migration(s): a1 → a2." in "\n".join(s.value for s in at.success)
    assert "Nothing is pending" in text(at) and "Applying a2 — add tags" in text(at)
    assert alembic_env.status(one_pending).current == ("a2",)
    newest = audit.read_log(one_pending)[0]
    assert (newest.actor, newest.action, newest.from_rev, newest.to_rev, newest.outcome) == (
        "Olga", "upgrade-step", "a1", "a2", "ok")
    visit(at, "history")
    assert "Olga" in set(at.dataframe[1].value["Who"]) and "a1 → a2" in set(at.dataframe[1].value["From → to"])


def test_data_loss_needs_the_typed_revision_and_a_wrong_one_is_refused(console: Console, alembic_project) -> None:
    alembic_project.add_customers()
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("d1", upgrade=DROP_CUSTOMERS, message="retire customers")
    at = visit(open_console("operator"), "upgrade")
    at.button(key="upgrade").click().run()
    assert "Pending revision(s) d1 delete data" in errors(at)
    at.text_input(key="confirm_typed").input("c1").run()
    assert at.button(key="confirm_go").disabled  # a wrong id cannot be submitted (tests/test_upgrade_page.py)
    assert alembic_env.status(settings).current == ("c1",)
    at.text_input(key="confirm_typed").input("d1").run()
    at.button(key="confirm_go").click().run()
    assert "Applied 1 migration(s): c1 → d1." in "\n".join(s.value for s in at.success)
    assert alembic_env.status(settings).current == ("d1",)


def test_a_backup_over_the_limit_needs_the_operator_to_waive_it(console: Console, alembic_project) -> None:
    """Over OPSCONSOLE_BACKUP_MAX_BYTES the console refuses until the operator ticks 'without a backup'."""
    alembic_project.add_customers()
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_BACKUP_MAX_BYTES="1")
    upgrade(settings, by="setup")
    alembic_project.add("d1", upgrade=DROP_CUSTOMERS, message="retire customers")
    at = visit(open_console("operator"), "upgrade")
    at.button(key="upgrade").click().run()
    at.text_input(key="confirm_typed").input("d1").run()
    at.button(key="confirm_go").click().run()
    assert "upgrade refused" in errors(at) and alembic_env.status(settings).current == ("c1",)
    at.button(key="upgrade").click().run()
    at.text_input(key="confirm_typed").input("d1").run()
    at.checkbox(key="confirm_no_backup").check()
    at.button(key="confirm_go").click().run()
    assert alembic_env.status(settings).current == ("d1",)
    assert any(e.outcome == "no-backup" or e.action == "no-backup" for e in audit.read_log(settings))


def test_failing_migration_is_reported_and_the_database_stays_at_the_last_good_revision(console: Console,
                                                                                     alembic_project) -> None:
    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.execute('SELECT 1/0')", message="divide by zero")
    at = visit(open_console("operator"), "upgrade")
    at.button(key="upgrade").click().run()
    assert not at.exception
    assert "migration a2 failed" in errors(at) and "division by zero" in errors(at) and "the database is still at a1" in errors(at)
    assert alembic_env.status(settings).current == ("a1",)
    failed = audit.read_log(settings)[0]
    assert (failed.actor, failed.to_rev, failed.outcome) == ("Olga", "a2", "failed")


def test_viewer_cannot_see_the_upgrade_buttons(one_pending: Settings) -> None:
    at = visit(open_console("viewer"), "upgrade")
    assert "Only operators can upgrade" in text(at)
    assert not [b for b in at.main.button if b.key != "sign_out"] and not at.code
    assert alembic_env.status(one_pending).current == ("a1",)


def test_second_operator_is_told_who_is_upgrading_and_since_when(one_pending: Settings) -> None:
    with db.connect(one_pending) as other:
        other.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
        other.exec_driver_sql("SET application_name = 'opsconsole upgrade since 2026-11-24T10:00:00Z by carol'")
        other.commit()
        at = visit(open_console("operator"), "upgrade")
        assert "An upgrade is already running since 2026-11-24T10:00:00Z by carol" in shown("\n".join(w.value for w in at.warning))
        at.button(key="upgrade").click().run()
        assert "already running since 2026-11-24T10:00:00Z by carol" in errors(at)
        assert alembic_env.status(one_pending).current == ("a1",)


def test_rehearsal_runs_the_pending_steps_on_a_scratch_database(one_pending: Settings) -> None:
    at = visit(open_console("operator"), "upgrade")
    at.button(key="rehearse").click().run()
    assert "applied 1 step(s) (a2)" in shown("\n".join(s.value for s in at.success))
    assert "OK: every step ran and no table or column was lost" in shown("\n".join(s.value for s in at.success))
    assert alembic_env.status(one_pending).current == ("a1",)


# --- tenants and checklist interactions ---------------------------------------------------------

def test_exact_counts_report_progress_and_exact_figures(console: Console) -> None:
    at_head_with_tenants(console())
    at = visit(open_console("viewer"), "tenants")
    at.button(key="exact").click().run()
    bars = at.get("progress")
    assert bars and bars[0].value == 100 and bars[0].text == "Exact counts done."
    assert "Exact counts." in text(at)
    rows = {n: r for df in at.dataframe[:2] for n, r in zip(df.value["Tenant"], df.value["Rows"])}  # real, test
    assert rows == {"Acme": "30", "Globex": "15", "QA sandbox": "5"}


def test_recheck_all_picks_up_a_fixed_start_script(console: Console, tmp_path: Path) -> None:
    script = tmp_path / "start.sh"
    script.write_text("#!/bin/bash\nDISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
    at_head_with_tenants(console(OPSCONSOLE_START_SCRIPT=str(script)))
    at = visit(open_console("viewer"), "checklist")
    assert "Failing now: step 3 (start.sh exports the flag before the app starts)" in errors(at)
    script.write_text("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
    at.checkbox(key="tick-cancel-publish").check()
    at.button(key="refresh_checklist").click().run()
    assert "No live step fails now." in text(at) and not at.error
    assert at.checkbox(key="tick-cancel-publish").value  # ticks survive a re-check


# --- untrusted text is shown literally ---------------------------------------------------------

PLANTED = "![x](http://evil.example/x.png) [click](http://evil.example) <img src=x onerror=alert(1)> **b** :red[r] ***"
PLANTED_TABLE = "![t](http://evil.example/t.png) *** <b>"
PLANTED_TENANT = "[t](http://evil.example/tenant) <img src=y> **z**"
UNSAFE = re.compile(r"!\[|\]\(|<img|<b>|:red\[|\*\*\*")


def unescaped(markdown: str) -> str:
    """The Markdown source with every backslash-escaped character removed: what could still render."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)


def rendered_sources(at: AppTest) -> list[str]:
    """Every Markdown source a page (main area and sidebar) hands to the browser, labels included."""
    sources: list[str] = []
    for kind in ("markdown", "caption", "error", "warning", "success", "info", "subheader", "title"):
        sources += [str(e.value) for e in getattr(at, kind)]
    sources += [str(w.label) for kind in ("checkbox", "button", "text_input", "radio") for w in getattr(at, kind)]
    return sources


def test_markdown_html_and_images_from_migrations_and_data_are_shown_literally(console: Console,
                                                                                alembic_project) -> None:
    alembic_project.add("a1", upgrade=f"""
        op.create_table('tenants', sa.Column('id', sa.Text, primary_key=True), sa.Column('name', sa.Text))
        op.create_table('notes', sa.Column('id', sa.Integer), sa.Column('tenant_id', sa.Text))
        op.create_table({PLANTED_TABLE!r}, sa.Column('id', sa.Integer))
        op.execute("INSERT INTO tenants VALUES ('acme', 'Acme')")
        op.execute(sa.text("INSERT INTO notes VALUES (1, 'acme'), (2, :t)").bindparams(t={PLANTED_TENANT!r}))
        op.execute("ANALYZE")""")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini), OPSCONSOLE_GLOBAL_TABLES=None)
    upgrade(settings, by="setup")
    (alembic_project.root / "versions" / "a2_planted.py").write_text(
        f'"""{PLANTED}\n\nRevision ID: a2\n"""\nfrom alembic import op\n\nrevision = "a2"\ndown_revision = "a1"\n'
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.execute('SELECT 1')\n\n\n"
        "def downgrade():\n    pass\n")
    at = open_console("operator")
    seen: dict[str, str] = {}
    for page in PAGES:
        visit(at, page)
        if page == "tenants":
            at.button(key="exact").click().run()
        sources = rendered_sources(at)
        for source in sources:
            assert not UNSAFE.search(unescaped(source)), (page, source)  # nothing left to render as markup
        seen[page] = shown("\n".join(sources)) + "\n" + "\n".join(c.value for c in at.code)
        seen[page] += "\n".join(str(df.value.to_dict()) for df in at.dataframe)
    assert PLANTED in seen["status"] and PLANTED in seen["upgrade"]  # the message, character for character
    assert PLANTED_TABLE in seen["tenants"] and PLANTED_TENANT in seen["tenants"]
    assert PLANTED_TABLE in seen["status"] or PLANTED_TABLE in seen["overview"]


# --- capacity: a locked table ------------------------------------------------------------------

def test_locked_table_is_named_with_its_holder_and_sign_in_keeps_working(console: Console, db_url: str) -> None:
    import time

    import sqlalchemy as sa

    settings = console()
    at_head_with_tenants(settings)
    holder = sa.create_engine(sa.engine.make_url(db_url).update_query_dict({"application_name": "long-report"}),
                              poolclass=sa.pool.NullPool)
    with holder.connect() as conn:
        conn.begin()
        conn.exec_driver_sql("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        with pytest.raises(LockWaitTimeout) as info, db.read_only(settings) as read:
            read.exec_driver_sql("SELECT count(*) FROM users").scalar()
        message = str(info.value)
        assert info.value.table == "public.users" and info.value.holder["application"] == "long-report"
        assert "users" in message and "long-report" in message and "pid" in message, message
        assert time.monotonic() - started < 4  # a read gives up after about one second, not the 5 s lock timeout
        started = time.monotonic()
        at = open_console(role=None)
        at.radio(key="signin_role").set_value("viewer")
        at.text_input(key="signin_password").input(VIEWER_PW)
        at.button[0].click().run()
        assert at.session_state["user"].role == "viewer"
        visit(at, "tenants")
        at.button(key="exact").click().run()
        assert "is locked" in errors(at) + text(at) and "long-report" in errors(at) + text(at)
        assert time.monotonic() - started < 20
    holder.dispose()


def test_failed_sign_ins_are_listed_for_operators_only(console: Console) -> None:
    console()
    at = open_console(role=None)
    at.radio(key="signin_role").set_value("viewer")
    at.text_input(key="signin_name").input("Mallory")
    at.text_input(key="signin_password").input("guess")
    at.button[0].click().run()
    assert "wrong password" in errors(at)
    operator = visit(open_console("operator"), "history")
    failed = operator.dataframe[-1].value
    assert list(failed["Role tried"]) == ["viewer"] and list(failed["Name given"]) == ["Mallory"]
    assert list(failed["Outcome"]) == ["wrong-password"]
    viewer = visit(open_console("viewer"), "history")
    assert "Failed sign-ins" not in [s.value for s in viewer.subheader]


# --- one verdict on every page (issue 12, point 3) ----------------------------------------------

@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What each st.download_button offers, by its file name (AppTest keeps media in memory only during a run)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    offered: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        if filename is not None and isinstance(path_or_data, (bytes, str)):
            offered[filename] = path_or_data.encode() if isinstance(path_or_data, str) else path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return offered


def test_after_a_failed_upgrade_overview_status_and_checklist_agree(console: Console, alembic_project,
                                                                     downloads: dict[str, bytes]) -> None:
    import csv
    import io

    from opsconsole.errors import UpgradeFailed

    alembic_project.add("a1", upgrade="op.create_table('notes', sa.Column('id', sa.Integer))")
    settings = console(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))
    upgrade(settings, by="setup")
    alembic_project.add("a2", upgrade="op.create_table('tags', sa.Column('id', sa.Integer))",
                        downgrade="op.drop_table('tags')")
    alembic_project.add("a3", upgrade="op.execute('SELECT 1/0')", message="divide by zero")
    with pytest.raises(UpgradeFailed):
        upgrade(settings, by="Olga")
    headline = "the last upgrade failed at a3; the database is at a2."
    at = open_console("viewer")
    said = text(visit(at, "overview"))
    assert "# :red[Do not publish]" in said and headline in errors(at)
    assert "**Steps that applied in that run:** a2" in said and "**The database is now at:** a2" in said
    assert "Fix migration a3" in said and f"alembic -c {alembic_project.ini} downgrade a1" in said
    assert "division by zero" in said and "ZeroDivisionError" not in said and "DivisionByZero" not in said
    assert "psycopg2" not in errors(at)  # (the database banner above the verdict is pages/_common's)
    assert "Go to the Upgrade page" in [p.value for p in at.get("page_link")]
    assert "Fix:" not in said and not re.search(r"\bNone\b|\bnan\b", said)
    assert re.search(r"Checked just now \(\w{3} \d\d \w{3} 20\d\d, \d\d:\d\d UTC\)", said)
    assert at.button(key="refresh_overview")
    report = next(v for name, v in downloads.items() if name.startswith("verdict-")).decode()
    rows = list(csv.reader(io.StringIO(report)))
    assert rows[0] == ["check", "status", "summary", "detail", "what to do"]
    assert rows[1][:2] == ["verdict", "Do not publish"] and rows[2][:2] == ["last-upgrade", "fail"]
    assert "### :red[Do not publish]" in text(visit(at, "status")) and headline in errors(at)
    said = text(visit(at, "checklist"))
    assert "Failing now: step 9 (Verify the deploy guard passes)" in said
    assert f"Do not publish: {headline}" in errors(at)
    visit(at, "history")
    failed = at.dataframe[1].value.iloc[0]
    assert (failed["Who"], failed["Outcome"], failed["From → to"]) == ("Olga", "failed", "a2 → a3")
    assert "division by zero" in failed["Error"] and not re.search(r"\w+(Error|Zero)\b|psycopg2", failed["Error"])
    # the pages that do not draw the verdict in full carry the same one in a line at the top
    for page in ("history", "tenants", "upgrade"):
        said = text(visit(at, page))
        assert f":red-badge[Do not publish] {headline}" in said, page


def test_overview_during_an_upgrade_says_who_since_when_and_which_step(one_pending: Settings) -> None:
    with db.connect(one_pending) as conn, conn.begin():
        audit.start_step(conn, actor="carol", from_rev="a1", to_rev="a2", sql_sha256=None)
    with db.connect(one_pending) as other:
        other.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
        other.exec_driver_sql("SET application_name = 'opsconsole upgrade since 2026-11-24T10:00:00Z by carol'")
        other.commit()
        at = visit(open_console("viewer"), "overview")
        said = text(at)
        assert "# :orange[Action needed]" in said and "Safe to publish" not in said
        assert "an upgrade by carol is running (applying a2)" in said
        assert "An upgrade by **carol** is running since Tue 24 Nov 2026, 10:00 UTC" in said
        assert "**carol** is running" in said and ", applying **a2**" in said
        said = text(visit(at, "status"))
        assert "### :orange[Action needed]" in said and "an upgrade by carol is running" in said


def test_failing_checks_explain_themselves_and_link_to_the_page_that_fixes_them(console: Console,
                                                                                tmp_path: Path) -> None:
    script = tmp_path / "start.sh"
    script.write_text("#!/bin/bash\nexec streamlit run app.py\n")
    at_head_with_tenants(console(OPSCONSOLE_START_SCRIPT=str(script)))
    at = visit(open_console("viewer"), "overview")
    said = text(at)
    assert "# :red[Do not publish]" in said
    assert "The start script must switch the platform's automatic migrations off" in said
    assert "**What to do:** Put 'export DISABLE_AUTO_MIGRATIONS=true' on the first line of start.sh." in said
    assert [p.value for p in at.get("page_link")] == ["Go to Emergency checklist, steps 2–3"]
    assert "Fix:" not in said and not re.search(r"\bNone\b|\bnan\b", said)


def test_history_filters_the_audit_log_by_date_and_downloads_the_filtered_rows(console: Console,
                                                                               downloads: dict[str, bytes]) -> None:
    import csv
    import io
    from datetime import date

    settings = console()
    upgrade(settings, by="setup")
    with db.connect(settings) as conn, conn.begin():
        audit.record(conn, actor="=HYPERLINK(\"http://evil.example\")", action="approve", outcome="ok", to_rev="r1")
        audit.record(conn, actor="ann", action="approve", outcome="ok", to_rev="r2", duration_ms=12345)
        conn.exec_driver_sql("UPDATE opsconsole.audit_log SET at = '2026-11-01 12:00+00' WHERE to_rev = 'r1'")
        conn.exec_driver_sql("UPDATE opsconsole.audit_log SET at = '2026-11-10 12:00+00' WHERE to_rev = 'r2'")
    at = visit(open_console("operator"), "history")
    assert len(at.dataframe[1].value) == 8
    picker = at.date_input(key="audit_dates")
    assert picker.value[0] == date(2026, 11, 1)
    picker.set_value((date(2026, 11, 9), date(2026, 11, 11))).run()
    log = at.dataframe[1].value
    assert list(log["Who"]) == ["ann"] and list(log["Duration"]) == ["12,345 ms"]
    assert list(log["When"]) == ["Tue 10 Nov 2026, 12:00 UTC"]
    assert "1 of 8 recorded row(s)" in text(at)
    rows = list(csv.reader(io.StringIO(downloads["audit-log-2026-11-09-2026-11-11.csv"].decode())))
    assert rows[0][:3] == ["when (UTC)", "who", "action"] and len(rows) == 2
    assert rows[1][:3] == ["2026-11-10 12:00:00", "ann", "approve"] and rows[1][5] == "12345"
    at.date_input(key="audit_dates").set_value((date(2026, 11, 1), date(2026, 11, 1))).run()
    rows = list(csv.reader(io.StringIO(downloads["audit-log-2026-11-01-2026-11-01.csv"].decode())))
    assert rows[1][1] == "'=HYPERLINK(\"http://evil.example\")"  # a formula is text in a spreadsheet
