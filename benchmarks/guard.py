"""Benchmark: opsconsole's status and guard against the Alembic CLI they replace, on a big project.

Builds an Alembic project with 500 revisions over a 60-table model, migrates a fresh database to
head, then prints whole-process medians side by side from one run (each pair run alternately, so
both see the same machine load):
  python -m opsconsole status   vs  `alembic current` + `alembic heads`   (target <= 0.3x)
  python -m opsconsole guard    vs  `alembic check`                       (target <= 1.0x)
and the in-process guard time the console pays with the scripts already loaded (target <= 150 ms).

    python benchmarks/guard.py [--url postgresql://postgres@127.0.0.1:5432/postgres] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TABLES, REVISIONS = 60, 500

ENV_PY = '''
import os
from alembic import context
from sqlalchemy import create_engine
import bench_models

config = context.config
target_metadata = bench_models.metadata


def configure(**kw):
    context.configure(target_metadata=target_metadata, compare_type=True, transaction_per_migration=True, **kw)


if context.is_offline_mode():
    configure(url="postgresql+psycopg2://", literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
    else:
        url = os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg2://", 1)
        with create_engine(url).connect() as connection:
            configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
'''


def build_project(root: Path) -> None:
    """Write alembic.ini, env.py, 500 revisions and the matching 60-table model."""
    (root / "versions").mkdir(parents=True)
    (root / "alembic.ini").write_text("[alembic]\nscript_location = %(here)s\nprepend_sys_path = %(here)s\n"
                                      "path_separator = os\n")
    (root / "env.py").write_text(ENV_PY)
    (root / "script.py.mako").write_text((ROOT / "alembic" / "script.py.mako").read_text())
    columns: dict[int, list[str]] = {t: [] for t in range(1, TABLES + 1)}
    down = None
    for n in range(1, REVISIONS + 1):
        rev = f"r{n:04d}"
        if n <= TABLES:
            body = (f"op.create_table('t{n}', sa.Column('id', sa.Integer, primary_key=True), "
                    f"sa.Column('tenant_id', sa.Integer, nullable=False), sa.Column('name', sa.String(100)))")
        else:
            table = (n % TABLES) + 1
            column = f"c{n}"
            columns[table].append(column)
            body = f"op.add_column('t{table}', sa.Column('{column}', sa.Integer, nullable=True))"
        (root / "versions" / f"{rev}_step.py").write_text(
            f'"""step {n}\n\nRevision ID: {rev}\nRevises: {down or ""}\nCreate Date: 2025-01-01 00:00:00\n"""\n'
            f"import sqlalchemy as sa\nfrom alembic import op\n\nrevision = {rev!r}\ndown_revision = {down!r}\n"
            f"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    {body}\n\n\ndef downgrade():\n    pass\n")
        down = rev
    lines = ["import sqlalchemy as sa", "metadata = sa.MetaData()"]
    for t, cols in columns.items():
        extra = "".join(f", sa.Column('{c}', sa.Integer, nullable=True)" for c in cols)
        lines.append(f"sa.Table('t{t}', metadata, sa.Column('id', sa.Integer, primary_key=True), "
                     f"sa.Column('tenant_id', sa.Integer, nullable=False), sa.Column('name', sa.String(100)){extra})")
    (root / "bench_models.py").write_text("\n".join(lines) + "\n")


def once(cmds: list[list[str]], env: dict[str, str], cwd: Path, ok_codes=(0,)) -> float:
    """Wall time of running `cmds` one after another, as whole processes."""
    start = time.perf_counter()
    for cmd in cmds:
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
        if proc.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-800:]}")
    return time.perf_counter() - start


def paired(ours: list[list[str]], base: list[list[str]], env: dict[str, str], cwd: Path, runs: int,
           ok_codes=(0,)) -> tuple[float, float]:
    """Median wall times of `ours` and `base`, run alternately (after one warm-up each): both see the same load."""
    once(ours, env, cwd, ok_codes), once(base, env, cwd)
    a, b = [], []
    for _ in range(runs):
        a.append(once(ours, env, cwd, ok_codes))
        b.append(once(base, env, cwd))
    return statistics.median(a), statistics.median(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("OPSCONSOLE_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import sqlalchemy as sa

    from opsconsole import db, guard
    from opsconsole.settings import load_settings, normalize_url

    admin = sa.create_engine(normalize_url(args.url), isolation_level="AUTOCOMMIT")
    name = f"oc_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(normalize_url(args.url)).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            build_project(project)
            start_sh = Path(tmp) / "start.sh"
            start_sh.write_text("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
            env = dict(os.environ, DATABASE_URL=url.replace("postgresql+psycopg2://", "postgresql://"),
                       OPSCONSOLE_ALEMBIC_INI=str(project / "alembic.ini"), OPSCONSOLE_START_SCRIPT=str(start_sh),
                       DISABLE_AUTO_MIGRATIONS="true", PYTHONPATH=str(ROOT))
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine (see run.py's child_env)
            settings = load_settings(env=env, secrets={}, base_dir=ROOT)
            t0 = time.perf_counter()
            subprocess.run([str(Path(sys.executable).with_name("alembic")), "-c", str(project / "alembic.ini"),
                            "upgrade", "head"], env=env, check=True, capture_output=True)
            print(f"project: {REVISIONS} revisions, {TABLES} tables; migrated to head in "
                  f"{time.perf_counter() - t0:.1f}s; {args.runs} runs each, medians\n")
            alembic = [str(Path(sys.executable).with_name("alembic")), "-c", str(project / "alembic.ini")]
            py = [sys.executable, "-m", "opsconsole"]
            oc_status, al_status = paired([py + ["status"]], [alembic + ["current"], alembic + ["heads"]], env, ROOT,
                                          args.runs)
            oc_guard, al_check = paired([py + ["guard"]], [alembic + ["check"]], env, ROOT, args.runs, ok_codes=(0, 1))
            guard.run(settings)  # warm: scripts loaded, models imported, engine pooled
            warm = []
            for _ in range(max(args.runs, 5)):
                t = time.perf_counter()
                report = guard.run(settings)
                warm.append(time.perf_counter() - t)
            print(f"{'measure':44} {'opsconsole':>11} {'baseline':>10} {'ratio':>7} {'target':>8}")
            rows = [("status vs alembic current + alembic heads", oc_status, al_status, 0.3),
                    ("guard vs alembic check", oc_guard, al_check, 1.0)]
            for label, ours, base, target in rows:
                print(f"{label:44} {ours * 1000:9.0f}ms {base * 1000:8.0f}ms {ours / base:6.2f}x {target:6.1f}x")
            print(f"{'in-process guard, scripts loaded (median)':44} {statistics.median(warm) * 1000:9.0f}ms "
                  f"{'':>10} {'':>7} {'150ms':>8}")
            not_passing = ", ".join(f"{c.id}={c.status}" for c in report.checks if c.status != "pass") or "none"
            print(f"\nguard verdict on the benchmark project: {report.verdict} (not passing: {not_passing})")
    finally:
        db.dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


if __name__ == "__main__":
    main()
