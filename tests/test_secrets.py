"""Never a secret: every password form through every output path (CLI, JSON, logs, audit rows, pages).

The local server trusts every password, so each DATABASE_URL below really connects; migrations that
fail, exit or are interrupted put the URL and libpq key=value strings into error texts on purpose.
"""

from __future__ import annotations

import io
import json
import logging
import os
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from opsconsole import audit, db
from opsconsole.auth import User
from opsconsole.cli import main
from opsconsole.settings import load_settings, redact
from fake_urls import url_with_password

ROOT = Path(__file__).resolve().parents[1]
SPACED = "Hu nt'er\"2%x"  # space, both quotes and a percent sign
QUERY = "Qu3ryS3cretPw"
KV_QUOTED, KV_PLAIN = "Kv S3cret q", "KvS3cretPlain"
FORBIDDEN = (SPACED, quote(SPACED, safe=""), quote(SPACED), "Hu nt", "nt'er", QUERY, KV_QUOTED, KV_PLAIN, "S3cret")

FAILING = f"""raise RuntimeError(os.environ['DATABASE_URL'] + " host=db user=app password='{KV_QUOTED}' PGPASSWORD={KV_PLAIN}")"""
EXITING = "raise SystemExit('exit with ' + os.environ['DATABASE_URL'])"
INTERRUPTED = "raise KeyboardInterrupt(os.environ['DATABASE_URL'])"


def url_forms(db_url: str) -> dict[str, str]:
    """The managed database's URL with the password in user-info (spaces, quotes, %) and in the query."""
    parsed = sa.engine.make_url(db_url)
    name = parsed.database
    if parsed.host is None:  # the embedded server: a Unix socket folder in ?host=
        socket = quote(str(parsed.query["host"]), safe="")
        return {"userinfo": f"postgresql://postgres:{quote(SPACED, safe='')}@/{name}?host={socket}",
                "query": f"postgresql://postgres@/{name}?host={socket}&password={QUERY}"}
    host, port = parsed.host, parsed.port or 5432
    return {"userinfo": url_with_password(quote(SPACED, safe=""), user="postgres", host=host, port=port, database=name),
            "query": f"postgresql://postgres@{host}:{port}/{name}?password={QUERY}"}


def leaks(*texts: str) -> list[str]:
    """Every forbidden form found in the texts."""
    joined = "\n".join(texts)
    return [form for form in FORBIDDEN if form in joined]


@pytest.mark.parametrize("form", ["userinfo", "query"])
@pytest.mark.parametrize("failure", [FAILING, EXITING, INTERRUPTED])
def test_every_path_hides_every_password_form(form: str, failure: str, db_url: str, alembic_project,
                                              monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = url_forms(db_url)[form]
    for name in list(os.environ):
        if name.startswith("OPSCONSOLE_") and name != "OPSCONSOLE_TEST_DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("OPSCONSOLE_ALEMBIC_INI", str(alembic_project.ini))
    monkeypatch.setenv("OPSCONSOLE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OPSCONSOLE_START_SCRIPT", str(ROOT / "start.sh"))
    alembic_project.add("a1", upgrade="import os\nop.create_table('notes', sa.Column('id', sa.Integer))\n"
                                      "op.execute('SELECT 1 -- on ' + os.environ['DATABASE_URL'])")
    produced: list[str] = []

    def cli(*argv: str) -> int:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        produced.extend([out.getvalue(), err.getvalue()])
        return code

    assert cli("upgrade", "--by", "ops", "--to", "a1", "--dry-run") == 0  # dry-run SQL carries the URL
    assert "SELECT 1 -- on postgresql+psycopg2://postgres" in produced[0]  # normalised for env.py
    assert cli("upgrade", "--by", "ops", "--to", "a1") == 0
    alembic_project.add("a2", upgrade="import os\n" + failure, message="fails with secrets")
    cli("upgrade", "--by", "ops", "--dry-run")  # a2 cannot even render
    assert cli("upgrade", "--by", "ops") in (1, 2)  # the failing step
    for argv in (("status",), ("status", "--json"), ("history",), ("history", "--json"), ("guard", "--json")):
        cli(*argv)
    settings = load_settings()
    with db.connect(settings) as conn, conn.begin():  # a direct audit row with every form in its error
        audit.record(conn, actor="ops", action="probe", outcome="error", settings=settings,
                     error=f"{url} host=db password='{KV_QUOTED}' PGPASSWORD={KV_PLAIN} and bare: "
                           f"{SPACED if form == 'userinfo' else QUERY}")
    with db.connect(settings) as conn:
        rows = conn.exec_driver_sql("SELECT t::text FROM opsconsole.audit_log t").scalars().all()
    assert any("probe" in r for r in rows)
    if failure == FAILING:  # containing exits and interrupts in the audit log is the runner's part (issue 9)
        assert any("a2" in r and "RuntimeError" in r for r in rows)
    produced.extend(rows)
    for page in ("overview", "status", "history", "upgrade"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.session_state["user"] = User("Olga", "operator")
        at.run()
        at.switch_page(f"pages/{page}.py").run()
        if page == "upgrade":
            at.button(key="dry_run").click().run()
            at.button(key="upgrade").click().run()
        assert not at.exception
        for kind in ("markdown", "caption", "error", "warning", "success", "info", "code", "text"):
            produced.extend(str(e.value) for e in getattr(at, kind))
        produced.extend(json.dumps(df.value.astype(str).to_dict()) for df in at.dataframe)
    produced.extend(record.getMessage() + (record.exc_text or "") for record in caplog.records)
    assert len("".join(produced)) > 2000  # the paths really produced output
    assert not leaks(*produced), leaks(*produced)
    db.dispose_engines()


@pytest.mark.parametrize(("text", "secret"), [
    (url_with_password("Sup3r Secret", host="h", port=None, database="db"), "Sup3r Secret"),
    ("failed: postgresql://u:Sup3r Secret@h:5432/db at 10:00 (mail ops@example.com)", "Sup3r Secret"),
    (url_with_password("p%40ss%20w0rd", host="h", port=None, database="db"), "p%40ss%20w0rd"),  # example secret
    ("postgresql://u@h/db?sslmode=require&password=Hunter2", "Hunter2"),
    ("host=h user=u password='it\\'s a secret' dbname=d", "s a secret"),
    ('host=h password="dq secret" user=u', "dq secret"),
    ("PGPASSWORD=Hunter2 psql -h h", "Hunter2"),
    ("{'password': 'Hunter2', 'user': 'u'}", "Hunter2"),
    ('{"password": "Hun\\"ter2"}', "Hun"),
])
def test_redact_hides_each_form(text: str, secret: str) -> None:
    assert secret not in redact(text)
    assert "***" in redact(text)


def test_known_secrets_are_hidden_in_every_encoding(tmp_path: Path) -> None:
    secret = "an 'odd' \"pass\" wo%rd"
    settings = load_settings(env={"DATABASE_URL": url_with_password(quote(secret, safe=""), host="h", port=None, database="db")},
                             secrets={},
                             base_dir=tmp_path)
    for shown in (secret, quote(secret, safe=""), json.dumps(secret), repr(secret), quote(secret)):
        assert "odd" not in settings.redact(f"value was {shown} here"), shown
        assert "odd" not in redact(f"value was {shown} here"), shown  # remembered for the whole process
    assert redact("no secret here: postgresql://u@h/db") == "no secret here: postgresql://u@h/db"


def test_json_output_stays_valid_after_redaction(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("S3cretJs0n", user="postgres", database="x", query="password=Other5ecret"))  # example secret
    monkeypatch.setenv("OPSCONSOLE_CONNECT_TIMEOUT_S", "1")
    monkeypatch.setenv("OPSCONSOLE_HOME", str(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    assert main(["guard", "--json"], stdout=out, stderr=err) == 2
    data = json.loads(out.getvalue())
    assert "S3cretJs0n" not in out.getvalue() + err.getvalue() and "Other5ecret" not in out.getvalue()
    assert any(c["id"] == "database-reachable" and c["status"] == "fail" for c in data["checks"])


def test_log_records_and_their_tracebacks_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    from opsconsole.settings import install_log_redaction

    install_log_redaction()
    caplog.set_level(logging.INFO)
    log = logging.getLogger("some.library")
    log.info("connecting to %s", url_with_password("L0gS3cret", host="h", port=None, database="db"))  # example secret
    try:
        raise RuntimeError("host=h password=L0gS3cret2")
    except RuntimeError:
        log.exception("failed")
    formatted = "\n".join(logging.Formatter().format(r) for r in caplog.records)
    assert "connecting to postgresql://u:***@h/db" in formatted and "Traceback" in formatted
    assert "L0gS3cret" not in formatted
