"""The fixture projects (one real Alembic project per env.py style) and what each must end up as.

Each `Style` says where the project's ini is, which of the project's own environment variables
point it at a database, its revisions (base to head), and the schema, data and version row the
upgrade must leave. Tests copy a project to a temp dir with `copy_project` and compare
`file_hashes` before and after: opsconsole must never write into a user's project.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

HERE = Path(__file__).resolve().parent


def user_url(url: str, drivername: str | None = None) -> str:
    """The URL as a user writes it: a Unix-socket host (the embedded test server) left unescaped.

    SQLAlchemy renders `host=/tmp/x` as `host=%2Ftmp%2Fx`, and the most common env.py line,
    `config.set_main_option("sqlalchemy.url", os.environ[...])`, passes it through ConfigParser,
    for which `%` starts an interpolation. A user's own variable never holds that escaping.
    """
    parsed = sa.engine.make_url(url)
    if drivername:
        parsed = parsed.set(drivername=drivername)
    host = parsed.query.get("host")
    if not isinstance(host, str):
        return parsed.render_as_string(hide_password=False)
    rest = parsed.set(query={k: v for k, v in parsed.query.items() if k != "host"})
    text = rest.render_as_string(hide_password=False)
    return f"{text}{'&' if '?' in text else '?'}host={host}"


def _plain(url: str) -> dict[str, str]:
    return {}


def _async_url(url: str) -> str:
    """The same database through the project's own async driver (asyncpg)."""
    return user_url(url, "postgresql+asyncpg")


@dataclass(frozen=True)
class Style:
    """One fixture project and the outcome a guarded upgrade of it must have."""

    name: str
    ini: str                                   # the ini, relative to the project folder
    revisions: tuple[str, ...]                 # base to head
    tables: frozenset[str]                     # application tables in public after the upgrade
    names: frozenset[str]                      # indexes / constraints the revisions create
    data_sql: str                              # reads what the data step wrote
    data_value: object                         # ... and what it must read
    script_location: str = "alembic"          # the folder with env.py, relative to the project root
    drift_table: str = ""                      # a table a hand-made change is made on to prove drift is seen
    env: Callable[[str], dict[str, str]] = _plain  # the project's own variables, given the test's URL
    version_table: tuple[str, str] = ("public", "alembic_version")
    models: bool = True                        # env.py sets target_metadata, so drift is compared
    start_script: str | None = None            # the project's own start.sh, when it has one
    offline_fails: frozenset[str] = field(default_factory=frozenset)  # cannot render offline

    @property
    def head(self) -> str:
        return self.revisions[-1]

    @property
    def path(self) -> Path:
        return HERE / self.name


STYLES: tuple[Style, ...] = (
    Style(
        name="generic_ini",
        ini="alembic.ini",
        revisions=("958f6aed9799", "d1bd96ca79ad", "481065558b1b", "35f935e3d63a"),
        tables=frozenset({"authors", "posts"}),
        names=frozenset({"uq_authors_email", "ix_posts_author_id_created_at", "ix_posts_slug"}),
        data_sql="SELECT count(*) FROM posts WHERE slug = 'welcome-to-the-blog' AND published",
        data_value=1,
        models=False,  # env.py exactly as `alembic init` wrote it: target_metadata = None
    ),
    Style(
        name="generic_envvar",
        drift_table="items",
        ini="alembic.ini",
        revisions=("cb948bfd0b1f", "5e9e3f9d2442", "0afccfddbcb2"),
        tables=frozenset({"warehouses", "items"}),
        names=frozenset({"uq_items_warehouse_sku", "ck_items_quantity_nonnegative", "warehouses_code_key"}),
        data_sql="SELECT sum(quantity) FROM items",
        data_value=950,
        offline_fails=frozenset({"5e9e3f9d2442"}),  # reads a result from op.get_bind()
    ),
    Style(
        name="async_template",
        drift_table="tasks",
        ini="alembic.ini",
        revisions=("afed1cd92091", "28d2b4694e75", "920388836992", "1fac54111a12"),
        tables=frozenset({"boards", "tasks"}),
        names=frozenset({"ix_tasks_board_id_done", "ck_tasks_priority_range", "boards_name_key"}),
        data_sql="SELECT priority FROM tasks WHERE title = 'Try the new board'",
        data_value=2,
        env=lambda url: {"ASYNC_APP_DB_URL": _async_url(url)},
    ),
    Style(
        name="flask_migrate",
        script_location="migrations",
        drift_table="notes",
        ini="migrations/alembic.ini",
        revisions=("275983a37999", "a2e9865af0ba", "f226bad19de6", "61a6c4679890"),
        tables=frozenset({"users", "notes"}),
        names=frozenset({"ix_notes_user_id", "users_username_key"}),
        data_sql="SELECT count(*) FROM notes WHERE pinned AND body = 'Welcome to Notes'",
        data_value=1,
        env=lambda url: {"FLASK_APP": "notes_app", "NOTES_DATABASE_URL": user_url(url)},
    ),
    Style(
        name="create_engine_envvar",
        script_location="migrations",
        drift_table="invoices",
        ini="alembic.ini",
        revisions=("a9964f7551c8", "c6f82eaa11e5", "1c1bb35c34c6", "7f57d223d37c"),
        tables=frozenset({"customers", "invoices"}),
        names=frozenset({"ix_invoices_customer_id_status", "uq_customers_tenant_name"}),
        data_sql="SELECT count(*) FROM invoices WHERE status = 'paid'",
        data_value=2,
        env=lambda url: {"BILLING_DB_URL": user_url(url)},
    ),
    Style(
        name="custom_version_table",
        drift_table="report_runs",
        ini="alembic.ini",
        revisions=("07a37518a495", "83f5a81e16df", "066af2b362b7"),
        tables=frozenset({"reports", "report_runs"}),
        names=frozenset({"ix_report_runs_report_id_started_at"}),
        data_sql="SELECT count(*) FROM reports WHERE title IN ('Monthly signups', 'Churned accounts')",
        data_value=2,
        version_table=("meta", "schema_history"),
    ),
    Style(
        name="runbook_layout",
        drift_table="sync_runs",  # from the second MetaData (aam_hybrid)
        ini="alembic.ini",
        revisions=("18950ffbbef0", "3a906cc82a37", "3063b9207941", "23126570c5f3"),
        tables=frozenset({"tenants", "users", "connectors", "sync_runs"}),
        names=frozenset({"uq_users_tenant_email", "ix_sync_runs_connector_id_started_at", "ix_users_tenant_id"}),
        data_sql="SELECT count(*) FROM users u JOIN tenants t ON t.id = u.tenant_id "
                 "WHERE t.slug = 'demo' AND u.email = 'owner@demo.example'",
        data_value=1,
        start_script="start.sh",
    ),
    Style(
        name="packaged",
        script_location="mltrack/store/db_migrations",
        drift_table="metrics",
        ini="mltrack/store/db_migrations/alembic.ini",
        revisions=("f085ea9a6dd7", "901cf15404f6", "93485cbb65da", "bdcaaa6b35f7"),
        tables=frozenset({"experiments", "runs", "metrics"}),
        names=frozenset({"index_metrics_run_uuid", "ck_runs_status", "metric_pk"}),
        data_sql="SELECT r.status || '/' || e.name FROM runs r JOIN experiments e USING (experiment_id) "
                 "WHERE r.run_uuid = '0123456789abcdef0123456789abcdef'",
        data_value="FINISHED/Default",
    ),
)

BY_NAME = {s.name: s for s in STYLES}


def copy_project(name: str, dest: Path) -> Path:
    """Copy fixture project `name` under dest and return the copy's root."""
    root = dest / name
    shutil.copytree(HERE / name, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def file_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under root (Python's own __pycache__ aside), by relative path."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def inspect_db(url: str, sql: str) -> list[tuple]:
    """Run one read on the test database through a connection of the test's own (not opsconsole's)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def change_db(url: str, sql: str) -> None:
    """Make a hand-made change to the test database (as someone with psql would), committed."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def public_tables(url: str) -> set[str]:
    """Tables in the public schema."""
    return {r[0] for r in inspect_db(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def schemas(url: str) -> set[str]:
    """Every schema name in the database."""
    return {r[0] for r in inspect_db(url, "SELECT nspname FROM pg_namespace")}


def index_and_constraint_names(url: str) -> set[str]:
    """Names of indexes and constraints in public."""
    return {r[0] for r in inspect_db(url, """
        SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        UNION SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public'""")}
