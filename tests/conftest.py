"""Fixtures: a real PostgreSQL server, a fresh database per test, throw-away Alembic projects.

The server comes from OPSCONSOLE_TEST_DATABASE_URL when set, otherwise the embedded `pgserver`
is started in a temporary folder. Every test that asks for `db_url` gets its own database, dropped
afterwards.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from opsconsole import db
from opsconsole.settings import Settings, load_settings, normalize_url

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fresh_sign_in_throttle() -> None:
    """Wrong passwords in one test must not throttle sign-in in the next."""
    from opsconsole import auth

    auth._failures.clear()


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """URL of a maintenance database on a real PostgreSQL server."""
    url = os.environ.get("OPSCONSOLE_TEST_DATABASE_URL")
    if url:
        yield normalize_url(url)
        return
    home = Path(tempfile.mkdtemp(prefix="oc-test-"))
    try:
        embedded = db.embedded_url(home)
        yield embedded.replace(f"/{db.EMBEDDED_DATABASE}?", "/postgres?")
    finally:
        db.dispose_engines()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def admin_engine(server_url: str) -> Iterator[sa.Engine]:
    """An autocommit engine on the maintenance database, for CREATE/DROP DATABASE."""
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


def _with_database(url: str, name: str) -> str:
    parsed = sa.engine.make_url(url)
    return parsed.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def rehearsal_home() -> Iterator[Path]:
    """One OPSCONSOLE_HOME for the session's rehearsals: one embedded server for their scratch copies.

    Outside pytest's temp root, which is private to root (mode 0700) while the embedded server runs
    as its own user; each rehearsal's scratch database has a unique name, so sharing is safe.
    """
    home = Path(tempfile.mkdtemp(prefix="oc-rehearse-", dir="/tmp"))
    try:
        yield home
    finally:
        db.dispose_engines()
        server = db._servers.pop((home / "pgdata").resolve(), None)
        if server is not None:
            server.cleanup()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def make_settings(db_url: str, rehearsal_home: Path):
    """Build Settings for this test's database; keyword arguments override environment values."""

    def build(**env: str) -> Settings:
        values = {"DATABASE_URL": db_url, "OPSCONSOLE_ALEMBIC_INI": str(ROOT / "alembic.ini"),
                  "OPSCONSOLE_START_SCRIPT": str(ROOT / "start.sh"),
                  "OPSCONSOLE_HOME": str(rehearsal_home)}
        values.update(env)
        return load_settings(env=values, secrets={}, base_dir=ROOT)

    return build


@pytest.fixture
def settings(make_settings) -> Settings:
    """Settings pointing at this test's database and the shipped Alembic project."""
    return make_settings()


ENV_PY = '''
# The stock `alembic init` env.py, reading the URL from alembic.ini (opsconsole sets it).
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config
target_metadata = None
try:
    import models_under_test
    target_metadata = models_under_test.metadata
except ImportError:
    pass


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''


CUSTOMERS_UPGRADE = (
    "op.create_table('customers', sa.Column('id', sa.Integer), sa.Column('tenant_id', sa.Integer), "
    "sa.Column('email', sa.Text))\n"
    "op.execute(\"INSERT INTO customers SELECT g, g % 4, 'x' FROM generate_series(1, 40) g\")")


@dataclass
class AlembicProject:
    """A throw-away Alembic project in a temp dir; add revisions from strings."""

    root: Path
    revisions: list[str] = field(default_factory=list)

    @property
    def ini(self) -> Path:
        return self.root / "alembic.ini"

    def add(self, rev: str, down: str | tuple[str, ...] | None = None, upgrade: str = "pass",
            downgrade: str = "pass", message: str | None = None, branch_labels: str | None = None,
            created: str = "2025-11-01 10:00:00") -> Path:
        """Write a revision file; `down` defaults to the previously added revision."""
        if down is None and self.revisions:
            down = self.revisions[-1]
        message = message or f"revision {rev}"
        up = textwrap.indent(textwrap.dedent(upgrade).strip(), "    ")
        down_body = textwrap.indent(textwrap.dedent(downgrade).strip(), "    ")
        body = "\n".join([
            f'"""{message}', "", f"Revision ID: {rev}", f"Revises: {down or ''}", f"Create Date: {created}", '"""',
            "import sqlalchemy as sa", "from alembic import op, context", "",
            f"revision = {rev!r}", f"down_revision = {down!r}", f"branch_labels = {branch_labels!r}",
            "depends_on = None", "", "", "def upgrade():", up, "", "", "def downgrade():", down_body, ""])
        path = self.root / "versions" / f"{rev}_{message.replace(' ', '_')[:30]}.py"
        path.write_text(body)
        self.revisions.append(rev)
        return path

    def add_customers(self, rev: str = "c1") -> Path:
        """Add a revision creating `customers` (id, tenant_id, email) with 40 rows over 4 tenants."""
        return self.add(rev, upgrade=CUSTOMERS_UPGRADE, message="create customers")

    def models(self, source: str) -> None:
        """Write the project's models module (exposes `metadata`) for drift checks."""
        (self.root / "models_under_test.py").write_text(textwrap.dedent(source))


@pytest.fixture
def alembic_project(tmp_path: Path) -> AlembicProject:
    """An empty Alembic project whose env.py shares opsconsole's connection."""
    sys.modules.pop("models_under_test", None)
    root = tmp_path / "project"
    (root / "versions").mkdir(parents=True)
    (root / "env.py").write_text(ENV_PY)
    (root / "script.py.mako").write_text((ROOT / "alembic" / "script.py.mako").read_text())
    (root / "alembic.ini").write_text(
        "[alembic]\nscript_location = %(here)s\nprepend_sys_path = %(here)s\npath_separator = os\n")
    return AlembicProject(root)


@pytest.fixture
def project_settings(make_settings, alembic_project: AlembicProject) -> Settings:
    """Settings that manage the throw-away Alembic project."""
    return make_settings(OPSCONSOLE_ALEMBIC_INI=str(alembic_project.ini))


# --- least privilege: OPSCONSOLE_TEST_ROLE=limited --------------------------------------------------
# Appended: with OPSCONSOLE_TEST_ROLE=limited every test database is owned by a fresh role that is not a
# superuser, cannot create databases or roles, and owns that database (so its `public` schema) and nothing
# more — like Supabase's `postgres` role.

LIMITED = os.environ.get("OPSCONSOLE_TEST_ROLE", "").strip().lower() == "limited"


@pytest.fixture
def db_url(admin_engine: sa.Engine, server_url: str) -> Iterator[str]:
    """A brand-new empty database for this test (owned by a limited role when asked), dropped afterwards."""
    name = f"oc_test_{uuid.uuid4().hex[:12]}"
    role = f"oc_role_{name[8:]}" if LIMITED else None
    with admin_engine.connect() as conn:
        if role:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION '
                                 "NOBYPASSRLS")
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" OWNER "{role}"')
        else:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    if role:
        with sa.create_engine(_with_database(server_url, name), isolation_level="AUTOCOMMIT",
                              poolclass=sa.pool.NullPool).connect() as conn:
            conn.exec_driver_sql(f'ALTER SCHEMA public OWNER TO "{role}"')
    url = _with_database(server_url, name)
    if role:
        url = sa.engine.make_url(url).set(username=role).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        db.dispose_engines()
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if role:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture(autouse=True)
def _forget_registered_secrets() -> Iterator[None]:
    """Secrets one test's settings registered for redaction must not redact words in the next test's output."""
    from opsconsole import settings as settings_module

    with settings_module._secrets_lock:
        settings_module._known_secrets.clear()
    yield
