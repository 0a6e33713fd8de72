"""Benchmark: the cost of the automatic backup on a 1M-row DROP COLUMN, side by side.

For each run, a fresh database gets a table of ROWS rows (id primary key, tenant_id, email text),
then the guarded upgrade applies `op.drop_column('people', 'email')` — once with the backup
(the copy of id + email + tenant_id is taken inside the step) and once with `no_backup` (the
operator confirmed no copy). The step's own duration (audit log: from the step's start to its
commit, the copy included) is compared as a ratio; runs alternate so drift on a shared machine
hits both sides alike.

    python benchmarks/backup.py [--url postgresql://postgres@127.0.0.1:5432/postgres] [--rows 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENV_PY = '''
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                 poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''
REVISION = '''"""{message}"""
import sqlalchemy as sa
from alembic import op

revision = {rev!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    {body}


def downgrade():
    pass
'''


def build_project(root: Path, rows: int) -> Path:
    """A two-revision project: b1 creates and fills `people`, b2 drops its email column."""
    (root / "versions").mkdir(parents=True)
    (root / "env.py").write_text(ENV_PY)
    (root / "script.py.mako").write_text((ROOT / "alembic" / "script.py.mako").read_text())
    (root / "alembic.ini").write_text("[alembic]\nscript_location = %(here)s\npath_separator = os\n")
    fill = (f"op.execute(\"CREATE TABLE people (id integer PRIMARY KEY, tenant_id integer NOT NULL, email text); "
            f"INSERT INTO people SELECT g, g % 50, 'person-' || g || '@example.com' "
            f"FROM generate_series(1, {rows}) g; ANALYZE people\")")
    (root / "versions" / "b1_people.py").write_text(REVISION.format(message="people", rev="b1", down=None, body=fill))
    (root / "versions" / "b2_drop.py").write_text(REVISION.format(message="drop email", rev="b2", down="b1",
                                                                  body="op.drop_column('people', 'email')"))
    return root / "alembic.ini"


def one_run(admin, server_url: str, ini: Path, home: Path, with_backup: bool) -> tuple[int, int, float]:
    """Apply b2 on a fresh database; return (step ms, backup bytes, ms of a bare CREATE TABLE AS of the same columns)."""
    import sqlalchemy as sa

    from opsconsole import backup, db
    from opsconsole.alembic_env import upgrade
    from opsconsole.settings import load_settings

    name = f"oc_bench_backup_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        url = sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
        settings = load_settings(env={"DATABASE_URL": url, "OPSCONSOLE_ALEMBIC_INI": str(ini),
                                      "OPSCONSOLE_HOME": str(home)}, secrets={}, base_dir=ROOT)
        upgrade(settings, by="bench", target="b1")
        with db.connect(settings) as conn:  # the floor: the same copy as bare SQL, then thrown away
            started = time.perf_counter()
            with conn.begin():
                conn.exec_driver_sql("CREATE TABLE bare_copy AS SELECT id, email, tenant_id FROM people")
            bare = (time.perf_counter() - started) * 1000
            with conn.begin():
                conn.exec_driver_sql("DROP TABLE bare_copy")
        result = upgrade(settings, by="bench", confirm="b2", no_backup=None if with_backup else "b2")
        taken = backup.list_backups(settings)
        assert bool(taken) == with_backup and result.steps[0].to_rev == "b2"
        return result.steps[0].duration_ms, sum(b.bytes for b in taken), bare
    finally:
        db.dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("OPSCONSOLE_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import sqlalchemy as sa

    from opsconsole.settings import normalize_url

    server_url = normalize_url(args.url)
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with tempfile.TemporaryDirectory(prefix="oc-bench-backup-") as tmp:
        ini = build_project(Path(tmp) / "project", args.rows)
        without, with_, sizes, bare = [], [], [], []
        for i in range(args.runs):
            for flag in ((True, False) if i % 2 == 0 else (False, True)):
                ms, size, floor = one_run(admin, server_url, ini, Path(tmp) / "home", flag)
                (with_ if flag else without).append(ms)
                bare.append(floor)
                if flag:
                    sizes.append(size)
                print(f"run {i + 1}: {'with' if flag else 'without'} backup: {ms} ms", flush=True)
    med_with, med_without = statistics.median(with_), statistics.median(without)
    print(f"\nDROP COLUMN on {args.rows:,} rows, median of {args.runs} runs each:")
    print(f"  step without backup: {med_without:.0f} ms")
    print(f"  step with backup:    {med_with:.0f} ms (copy of id + email + tenant_id: "
          f"{statistics.median(sizes) / 2**20:.1f} MiB)")
    print(f"  ratio with/without:  {med_with / max(med_without, 1):.1f}x; backup cost {med_with - med_without:.0f} ms "
          f"= {(med_with - med_without) / args.rows * 1e3:.2f} µs per row")
    print(f"  bare CREATE TABLE AS of the same columns: {statistics.median(bare):.0f} ms "
          f"(backup cost / bare copy = {(med_with - med_without) / max(statistics.median(bare), 1):.2f}x)")


if __name__ == "__main__":
    main()
