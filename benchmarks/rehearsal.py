"""Rehearsal on a 60-table schema: how long the schema copy and the pending step take, side by side
with the same pending step applied directly (the guarded upgrade's own time).

Usage: python benchmarks/rehearsal.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
Creates (and drops) its own database on that server; the rehearsal's scratch copy lives on the
embedded server under a temporary OPSCONSOLE_HOME.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from opsconsole import alembic_env, db  # noqa: E402
from opsconsole.settings import load_settings  # noqa: E402

TABLES = 60
ENV_PY = '''from logging.config import fileConfig
from sqlalchemy import engine_from_config, pool
from alembic import context
config = context.config
def run():
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
'''


def _revision(rev: str, down: str | None, body: str) -> str:
    return (f'"""{rev}"""\nimport sqlalchemy as sa\nfrom alembic import op\nrevision = {rev!r}\n'
            f"down_revision = {down!r}\nbranch_labels = None\ndepends_on = None\n\ndef upgrade():\n{body}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="oc-rehearse-"))
    name = f"oc_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(args.url.replace("postgresql://", "postgresql+psycopg2://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        (work / "versions").mkdir()
        (work / "env.py").write_text(ENV_PY)
        (work / "alembic.ini").write_text("[alembic]\nscript_location = %(here)s\n")
        tables = "\n".join(f"    op.create_table('t{i}', sa.Column('id', sa.Integer, primary_key=True), "
                           f"sa.Column('tenant_id', sa.Integer, index=True), sa.Column('body', sa.Text))"
                           for i in range(TABLES))
        (work / "versions" / "b1.py").write_text(_revision("b1", None, tables))
        url = args.url.rsplit("/", 1)[0] + f"/{name}"
        settings = load_settings(env={"DATABASE_URL": url, "OPSCONSOLE_ALEMBIC_INI": str(work / "alembic.ini"),
                                      "OPSCONSOLE_HOME": str(Path(tempfile.mkdtemp(prefix="och-")))}, secrets={})
        alembic_env.upgrade(settings, by="bench")
        (work / "versions" / "b2.py").write_text(_revision(
            "b2", "b1", "    op.add_column('t0', sa.Column('extra', sa.Text))\n    op.create_index('ix_t1_body', 't1', ['body'])"))
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            report = alembic_env.rehearse(settings)
            runs.append(time.perf_counter() - started)
            assert report.ok, report.describe()
        started = time.perf_counter()
        alembic_env.upgrade(settings, by="bench")
        direct = time.perf_counter() - started
        runs.sort()
        print(f"rehearsal of 1 pending step on a {TABLES}-table schema: median {runs[1] * 1000:.0f} ms "
              f"(runs: {', '.join(f'{r * 1000:.0f}' for r in runs)} ms)")
        print(f"the same step through the guarded upgrade: {direct * 1000:.0f} ms "
              f"(rehearsal / upgrade = {runs[1] / direct:.2f}×)")
    finally:
        db.dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
