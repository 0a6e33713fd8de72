"""Every CLI command imports only what it needs: run it in a fresh interpreter, then read sys.modules.

A command that starts slowly because it drags in the analyzer, pandas, Streamlit or the model
comparison fails here, long before anyone measures it. Each command runs for real (a migrated
database, exit code checked), through `opsconsole.cli.main`, in its own subprocess.

The wrapper runs commands as `python -m opsconsole` does (`inline_process=True`). `status` reads the
graph from source and the version table on a bare psycopg2 connection, so it imports neither
Alembic nor SQLAlchemy; `status` and `counts` never run env.py, so they skip the runner too.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from opsconsole.settings import load_settings
from opsconsole.alembic_env import upgrade
from fake_urls import url_with_password

ROOT = Path(__file__).resolve().parents[1]
FIRST_REVISION = "8a4e6d21c5b3"  # tenants/users; any file the analyzer can read

# Run one command through the CLI, then write its exit code and every loaded module as JSON.
WRAPPER = """
import json, sys
from opsconsole.cli import main
code = main(sys.argv[2:], inline_process=True)
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""

NEVER = {"streamlit", "pandas", "numpy", "pyarrow", "altair"}  # the console's UI stack, never the CLI's
ANALYZER = {"opsconsole.analyze", "pglast"}
COMPARISON = {"models"}  # the shipped project's models: imported only when its env.py runs a comparison
ALEMBIC = {"alembic", "mako"}
RUNNER = {"opsconsole.alembic_env.runner", "opsconsole.alembic_env.upgrade", "opsconsole.alembic_env.drift"}
# what a one-shot `counts` never needs: logging (the log redaction waits for its import), shutil (argparse reads
# the terminal's width with it), the store of estimates shared between calls (one call per process)
COUNTS_NEVER = {"logging", "shutil", "opsconsole.tenants.shared", "opsconsole.shared"}
# what the guard needs only for pending migrations or an upgrade: at head, its checks and verdict skip them all
UPGRADE_ONLY = {"opsconsole.alembic_env.upgrade", "opsconsole.alembic_env.steps", "opsconsole.alembic_env.worker",
                "opsconsole.alembic_env.dryrun", "opsconsole.alembic_env.rehearse", "opsconsole.preflight",
                "opsconsole.backup", "opsconsole.approvals"}

# command -> (argv, allowed exit codes, modules it must not import: a name also bans its submodules)
COMMANDS: dict[str, tuple[list[str], set[int], set[str]]] = {
    # the graph from source, one version-table read on a bare psycopg2 connection
    "status": (["status", "--json"], {0}, NEVER | ANALYZER | COMPARISON | ALEMBIC | RUNNER
               | {"sqlalchemy", "opsconsole.tenants", "opsconsole.guard"}),
    # one catalog query on a bare psycopg2 connection: not even SQLAlchemy
    "counts": (["counts", "--json"], {0},
               NEVER | ANALYZER | COMPARISON | ALEMBIC | COUNTS_NEVER
               | {"sqlalchemy", "opsconsole.alembic_env", "opsconsole.guard"}),
    "counts human": (["counts"], {0}, NEVER | ANALYZER | COMPARISON | ALEMBIC | COUNTS_NEVER
                     | {"sqlalchemy", "opsconsole.alembic_env", "opsconsole.guard"}),
    "counts --exact": (["counts", "--exact", "--json"], {0},
                       NEVER | ANALYZER | COMPARISON | ALEMBIC | COUNTS_NEVER | {"sqlalchemy"}),
    "history": (["history", "--json"], {0}, NEVER | ANALYZER | COMPARISON | {"opsconsole.tenants", "opsconsole.guard"}),
    # at head nothing is pending, so the analyzer has nothing to read; env.py runs in this process, no worker
    "guard": (["guard", "--json"], {0, 1}, NEVER | ANALYZER | UPGRADE_ONLY),
    "guard --check at-head": (["guard", "--check", "at-head", "--json"], {0},
                              NEVER | ANALYZER | COMPARISON | {"opsconsole.tenants"}),
    "analyze": (["analyze", "{file}", "--json"], {0, 1}, NEVER | {"psycopg2", "opsconsole.db", "pgserver",
                                                                  "opsconsole.tenants", "opsconsole.alembic_env"}),
    "upgrade": (["upgrade", "--by", "test", "--json"], {0}, NEVER | ANALYZER | {"opsconsole.tenants"}),
    # a decision records what the revision puts at risk, so approve analyses that one file
    "approve": (["approve", FIRST_REVISION, "--by", "test", "--reason", "reviewed", "--json"], {0},
                NEVER | COMPARISON),
}


@pytest.fixture(scope="module")
def migrated_url(admin_engine: sa.Engine, server_url: str) -> Iterator[str]:
    """One database, migrated to head with the shipped project, shared by this module's commands."""
    name = f"oc_test_{uuid.uuid4().hex[:12]}"
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(_settings(url), by="test")
        yield url
    finally:
        from opsconsole import db

        db.dispose_engines()
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPSCONSOLE_") and k != "DATABASE_URL"}
    env.update(OPSCONSOLE_ALEMBIC_INI=str(ROOT / "alembic.ini"), OPSCONSOLE_START_SCRIPT=str(ROOT / "start.sh"),
               OPSCONSOLE_GLOBAL_TABLES="plans", **values)
    return env


def _settings(url: str):  # noqa: ANN202 - Settings
    return load_settings(env=_env(DATABASE_URL=url), secrets={}, base_dir=ROOT)


def _loaded(argv: list[str], env: dict[str, str], tmp_path: Path) -> tuple[int, set[str]]:
    """Run `python -m opsconsole ARGV` through the wrapper; return its exit code and sys.modules."""
    report = tmp_path / f"modules-{uuid.uuid4().hex[:8]}.json"
    proc = subprocess.run([sys.executable, "-c", WRAPPER, str(report), *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert report.exists(), f"{argv} crashed:\n{proc.stderr[-2000:]}"
    data = json.loads(report.read_text())
    return data["code"], set(data["modules"])


def _banned(modules: set[str], banned: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == b or m.startswith(b + ".") for b in banned))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_imports_only_what_it_needs(command: str, migrated_url: str, tmp_path: Path) -> None:
    argv, codes, banned = COMMANDS[command]
    file = next((ROOT / "alembic" / "versions").glob(f"*_{FIRST_REVISION}_*.py"))
    argv = [str(file) if a == "{file}" else a for a in argv]
    code, modules = _loaded(argv, _env(DATABASE_URL=migrated_url, OPSCONSOLE_HOME=str(tmp_path / "home")), tmp_path)
    assert code in codes, f"{command} exited {code}"
    assert "opsconsole.cli" in modules  # the wrapper really ran the command in this interpreter
    assert _banned(modules, banned) == [], f"{command} imported modules it does not need"


def test_demo_imports_only_what_it_needs(tmp_path: Path) -> None:
    """`demo` only runs on the embedded server: migrate it in one process, seed it in another."""
    home = Path(tempfile.mkdtemp(prefix="oc-imp-", dir="/tmp"))  # short: the server's Unix socket lives here
    try:
        env = _env(OPSCONSOLE_HOME=str(home))
        assert _loaded(["upgrade", "--by", "test", "--json"], env, tmp_path)[0] == 0
        code, modules = _loaded(["demo", "--json"], env, tmp_path)
        assert code == 0
        assert "pgserver" in modules
        assert _banned(modules, NEVER | ANALYZER | COMPARISON | {"opsconsole.tenants", "opsconsole.guard"}) == []
    finally:
        _stop_embedded(home / "pgdata")
        shutil.rmtree(home, ignore_errors=True)


def _stop_embedded(pgdata: Path) -> None:
    """Stop the embedded server the subprocesses left running, if any (fast shutdown)."""
    pidfile = pgdata / "postmaster.pid"
    if pidfile.exists():
        try:
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGINT)
        except (ProcessLookupError, ValueError, OSError):
            pass


def test_the_check_sees_what_a_command_loads(tmp_path: Path) -> None:
    """The wrapper really reports what a command loaded: `analyze` does load the analyzer."""
    code, modules = _loaded(["analyze", str(next((ROOT / "alembic" / "versions").glob("*.py"))), "--json"],
                            _env(), tmp_path)
    assert code in (0, 1)
    assert _banned(modules, ANALYZER) != []


# A fresh interpreter: the redaction is asked for before anything imports logging, then a library logs.
LATE_LOGGING = """
import sys
from opsconsole.settings import install_log_redaction
install_log_redaction()
assert "logging" not in sys.modules, "install_log_redaction imported logging"
import logging.handlers  # a submodule first: the package's own import installs the redaction
import logging
assert getattr(logging.getLogRecordFactory(), "opsconsole_redacts", False)
factory = logging.getLogRecordFactory()
install_log_redaction()  # again, now that logging is here: the same single redacting factory
assert logging.getLogRecordFactory() is factory
logging.basicConfig(stream=sys.stdout, format="%(message)s")
logging.getLogger("lib").warning("connecting to %s", sys.argv[1])  # a URL with a (fake) password
try:
    raise RuntimeError("host=h password=LateS3cret2")
except RuntimeError:
    logging.getLogger("lib").exception("failed")
print("linecache:", bool(__import__("linecache").getline(logging.__file__, 1)))
"""


def test_log_redaction_waits_for_logging_and_still_covers_every_record() -> None:
    """`install_log_redaction` before `import logging` does not import it, yet every later record is redacted."""
    url = url_with_password("LateS3cret", host="h", port=None, database="db")
    proc = subprocess.run([sys.executable, "-c", LATE_LOGGING, url], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env=_env())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "connecting to postgresql://u:***@h/db" in proc.stdout and "Traceback" in proc.stdout
    assert "LateS3cret" not in proc.stdout + proc.stderr
    assert "linecache: True" in proc.stdout  # logging's source is still found through its loader
