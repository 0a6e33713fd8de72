"""`make bench`: every speed target of opsconsole against its baseline, side by side from one run.

Each comparison runs opsconsole and its baseline alternately, so both see the same machine load.

1. A 500-revision Alembic project over a 60-table model, migrated to head (benchmarks/guard.py):
   - `python -m opsconsole status` vs `alembic current` + `alembic heads` (whole processes, medians)
   - `python -m opsconsole guard` vs `alembic check`
   - `python -m opsconsole counts` (estimated) vs a bare `python -c pass`: the CLI's own overhead
2. A wide database, 1,000 tables × 10,000 tenants (benchmarks/counts.py builds it; ~10-60 s):
   - estimated counts in-process vs the 50 ms budget: the first (cold) call, which reads the statistics,
     and a repeated call, which finds them unchanged and shares the first one's result
   - exact counts in-process vs the raw SQL a DBA would type (`GROUP BY tenant_id` per table)
   - peak memory: traced Python allocations in-process, and max RSS of the whole CLI process

    python benchmarks/run.py [--url URL] [--runs 5] [--no-wide] [--wide-tables 1000] [--wide-tenants 10000]

The server is --url, else OPSCONSOLE_TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
Every database it creates is dropped at the end. Benchmarks are not tests: they print, they never fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _load(name: str) -> Any:
    """Import a sibling benchmark script as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    ours: float
    base: float | None
    unit: str  # "ms" or "MiB"
    kind: str  # "ratio" (ours / base <= target), "over" (ours - base <= target), "max" (ours <= target)
    target: float

    @property
    def figure(self) -> float:
        if self.kind == "ratio":
            return self.ours / self.base
        if self.kind == "over":
            return self.ours - self.base
        return self.ours

    @property
    def met(self) -> bool:
        return self.figure <= self.target

    def cells(self) -> list[str]:
        base = f"{self.base:.0f} {self.unit}" if self.base is not None else ""
        ours = f"{self.ours:.1f} {self.unit}" if self.ours < 100 else f"{self.ours:.0f} {self.unit}"
        if self.kind == "ratio":
            figure, target = f"{self.figure:.2f}×", f"≤ {self.target:g}×"
        elif self.kind == "over":
            figure, target = f"+{self.figure:.0f} ms", f"≤ +{self.target:g} ms"
        else:
            figure, target = "", f"≤ {self.target:g} {self.unit}"
        return [self.measure, ours, base, figure, target, "yes" if self.met else "NO"]


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of `fn` in milliseconds over `runs` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def paired_ms(ours: Callable[[], Any], base: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median wall times (ms) of `ours` and `base`, run alternately so both see the same machine load."""
    ours(), base()  # warm-up
    a, b = [], []
    for _ in range(runs):
        for fn, samples in ((ours, a), (base, b)):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


def child_env(**values: str) -> dict[str, str]:
    """The environment of every timed process: ours plus `values`, bytecode caching on.

    As on a user's machine: with PYTHONDONTWRITEBYTECODE set (some CI and agent shells set it)
    opsconsole's own modules are compiled again on every run while Alembic's, precompiled by pip,
    are not — a handicap no user has. Both sides of every comparison get the same environment.
    """
    env = dict(os.environ, **values)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def processes(cmds: list[list[str]], env: dict[str, str], ok_codes: tuple[int, ...] = (0,)) -> Callable[[], None]:
    """A callable that runs `cmds` one after another as whole processes and checks their exit codes."""
    def once() -> None:
        for cmd in cmds:
            proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
            if proc.returncode not in ok_codes:
                raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-800:]}")

    return once


# Runs the measured command as its child and prints the child's peak RSS (KiB) and exit code. The
# launcher is a fresh, small process on purpose: Linux carries the RSS high-water mark of the process
# that forks over exec, so a child forked straight from this benchmark (hundreds of MiB after the
# in-process runs) would report the benchmark's memory, not its own.
_LAUNCH = ("import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL); "
           "_, status, usage = os.wait4(p.pid, 0); print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))")


def max_rss_mib(cmd: list[str], env: dict[str, str]) -> float:
    """Run one process to the end and return its own peak resident memory in MiB."""
    proc = subprocess.run([sys.executable, "-c", _LAUNCH, *cmd], env=env, cwd=ROOT, capture_output=True, text=True)
    try:
        rss_kib, code = (int(x) for x in proc.stdout.split())
    except ValueError:
        raise SystemExit(f"{' '.join(cmd)} could not be measured: {proc.stderr[-800:]}") from None
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {proc.stderr[-800:]}")
    return rss_kib / 1024


def traced_peak_mib(fn: Callable[[], Any]) -> float:
    """Peak Python allocations (tracemalloc) while `fn` runs, in MiB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def project_rows(server: str, runs: int) -> tuple[list[Row], str]:
    """Status, guard and the counts overhead on the 500-revision project."""
    import sqlalchemy as sa

    from opsconsole import db, guard
    from opsconsole.settings import load_settings, normalize_url

    bench = _load("guard")
    admin = sa.create_engine(normalize_url(server), isolation_level="AUTOCOMMIT")
    name = f"oc_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(normalize_url(server)).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            bench.build_project(project)
            start_sh = Path(tmp) / "start.sh"
            start_sh.write_text("#!/bin/bash\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n")
            env = child_env(DATABASE_URL=url.replace("postgresql+psycopg2://", "postgresql://"),
                            OPSCONSOLE_ALEMBIC_INI=str(project / "alembic.ini"), OPSCONSOLE_START_SCRIPT=str(start_sh),
                            DISABLE_AUTO_MIGRATIONS="true", PYTHONPATH=str(ROOT))
            settings = load_settings(env=env, secrets={}, base_dir=ROOT)
            t0 = time.perf_counter()
            subprocess.run([str(Path(sys.executable).with_name("alembic")), "-c", str(project / "alembic.ini"),
                            "upgrade", "head"], env=env, check=True, capture_output=True)
            note = (f"project: {bench.REVISIONS} revisions, {bench.TABLES}-table model, migrated in "
                    f"{time.perf_counter() - t0:.1f} s")
            print(note, flush=True)
            alembic = [str(Path(sys.executable).with_name("alembic")), "-c", str(project / "alembic.ini")]
            py = [sys.executable, "-m", "opsconsole"]
            rows = [
                Row("`opsconsole status` vs `alembic current` + `alembic heads`",
                    *paired_ms(processes([py + ["status"]], env),
                               processes([alembic + ["current"], alembic + ["heads"]], env), runs), "ms", "ratio", 0.3),
                Row("`opsconsole guard` vs `alembic check`",
                    *paired_ms(processes([py + ["guard"]], env, ok_codes=(0, 1)),
                               processes([alembic + ["check"]], env), runs), "ms", "ratio", 1.0),
                Row("`opsconsole counts` over a bare `python -c pass`",
                    *paired_ms(processes([py + ["counts"]], env), processes([[sys.executable, "-c", "pass"]], env),
                               runs), "ms", "over", 100),
            ]
            rows.append(Row("in-process guard, scripts loaded (the console)",
                            median_ms(lambda: guard.run(settings), max(runs, 5)), None, "ms", "max", 150))
            return rows, note
    finally:
        db.dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def wide_rows(server: str, runs: int, tables: int, tenants: int, rows: int) -> tuple[list[Row], str]:
    """Estimated and exact counts on the wide database, against raw SQL, with memory."""
    import psycopg2
    from psycopg2 import sql

    from opsconsole import db
    from opsconsole.settings import load_settings
    from opsconsole.tenants import counts, shared

    bench = _load("counts")
    dbname = f"oc_bench_wide_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(bench._dsn(server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    conn = None
    try:
        conn = psycopg2.connect(bench._dsn(server, dbname))
        conn.autocommit = True
        t0 = time.perf_counter()
        print(f"building the wide database: {tables:,} tables, {rows:,} rows, {tenants:,} tenants …", flush=True)
        names = bench.build(conn, tables, rows, tenants)
        dsn = bench._dsn(server, dbname)
        settings = load_settings(env={"DATABASE_URL": dsn, "OPSCONSOLE_STATEMENT_TIMEOUT_MS": "3600000"},
                                 secrets={})
        cells = sum(len(t.tenants) for t in counts(settings, exact=True).tables)
        note = (f"wide database: {tables:,} tables × {tenants:,} tenants, {rows:,} rows ({cells:,} tenant × table "
                f"cells), built and analyzed in {time.perf_counter() - t0:.0f} s")
        print(note, flush=True)
        exact, raw = paired_ms(lambda: counts(settings, exact=True), lambda: bench.raw_counts(conn, names), runs)
        # Estimates are shared while the statistics stand still (opsconsole.tenants.shared): the first call
        # reads them (the store is emptied before each), a repeated one checks their signature only.
        def cold() -> Any:
            shared.estimates.forget()
            return counts(settings)

        repeated, first = paired_ms(lambda: counts(settings), cold, max(runs, 5))
        env = child_env(DATABASE_URL=dsn, OPSCONSOLE_STATEMENT_TIMEOUT_MS="3600000", PYTHONPATH=str(ROOT))
        cli = [sys.executable, "-m", "opsconsole", "counts", "--json"]
        return [
            Row("wide: estimated counts, first (cold) call, in-process", first, None, "ms", "max", 50),
            Row("wide: estimated counts, repeated (shared) call vs the first", repeated, first, "ms", "max", 50),
            Row("wide: exact counts vs raw SQL (GROUP BY per table)", exact, raw, "ms", "ratio", 1.1),
            Row("wide: estimated, peak traced Python memory", traced_peak_mib(cold), None,
                "MiB", "max", 200),
            Row("wide: exact, peak traced Python memory", traced_peak_mib(lambda: counts(settings, exact=True)),
                None, "MiB", "max", 200),
            Row("wide: `counts --json` whole process, max RSS", max_rss_mib(cli, env), None, "MiB", "max", 200),
            Row("wide: `counts --exact --json` whole process, max RSS", max_rss_mib(cli + ["--exact"], env), None,
                "MiB", "max", 200),
        ], note
    finally:
        if conn is not None:
            conn.close()
        db.dispose_engines()
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        admin.close()


def machine(server: str) -> str:
    """One line naming the machine, Python and PostgreSQL the figures come from."""
    import psycopg2

    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.exists() else []
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
               platform.processor() or "?")
    bench = _load("counts")
    with psycopg2.connect(bench._dsn(server)) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version")
        version = cur.fetchone()[0].split()[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores ({cpu}), "
            f"load {load}; Python {platform.python_version()}; PostgreSQL {version}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="server URL (maintenance database); default OPSCONSOLE_TEST_DATABASE_URL")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure (median reported)")
    parser.add_argument("--no-wide", action="store_true", help="skip the wide database (saves ~1-2 minutes)")
    parser.add_argument("--wide-tables", type=int, default=1000)
    parser.add_argument("--wide-tenants", type=int, default=10_000)
    parser.add_argument("--wide-rows", type=int, default=2_000_000)
    args = parser.parse_args(argv)
    server = args.url or os.environ.get("OPSCONSOLE_TEST_DATABASE_URL") or DEFAULT_URL
    where = machine(server)
    print(f"machine: {where}\n", flush=True)
    rows, notes = project_rows(server, args.runs)
    notes = [notes]
    if not args.no_wide:
        more, note = wide_rows(server, args.runs, args.wide_tables, args.wide_tenants, args.wide_rows)
        rows += more
        notes.append(note)
    header = ["measure", "opsconsole", "baseline", "figure", "target", "met"]
    table = [header] + [r.cells() for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nmedians of {args.runs} runs (in-process estimated: of {max(args.runs, 5)}); {where}; load at the end "
          f"{load} (figures on a busy machine run slower: compare ratios, and runs at low load)")
    for n in notes:
        print(f"  {n}")
    print()
    for i, line in enumerate(table):
        print("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(line, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print("\nas a Markdown table (for the README's Performance section):\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for line in table[1:]:
        print("| " + " | ".join(line) + " |")


if __name__ == "__main__":
    main()
