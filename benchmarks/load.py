"""Load benchmark: 20 browser-like sessions over every page while an upgrade runs and a table is locked.

Each session is a Streamlit AppTest (the real app.py router, one browser session) run in its own
thread of this one process — how Streamlit serves tabs. Sessions cycle: sign in (a fresh session: the
sign-in page, then the submitted form, two views), then every page. In the middle of the run one guarded upgrade applies the
pending revision (`opsconsole.upgrade.upgrade(settings, by=...)`) and another connection holds
`LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE` for 30 s. Prints p50/p95 page times, overall,
outside the locked table, and while it was locked, and every error.
Targets: 0 errors, p95 <= 2 s outside the locked table.

    python benchmarks/load.py [--url postgresql://postgres@127.0.0.1:5432/postgres] [--sessions 20]
                              [--duration 120] [--lock-seconds 30] [--think 0] [--samples views.csv]
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import threading
import time
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ("overview", "status", "tenants", "history", "backups", "checklist", "upgrade")
VIEWER_PW, OPERATOR_PW = "bench-viewer-pw", "bench-operator-pw"
BEFORE_LAST = "e1a7b3c59f08"  # the shipped project's revision before head: one pending revision to apply
SEED = """
INSERT INTO plans (code, name, max_users) VALUES ('team', 'Team', 50);
INSERT INTO tenants (id, name, plan_code, is_test)
    SELECT g, 'Tenant ' || g, 'team', g > 45 FROM generate_series(1, 50) g;
INSERT INTO users (id, tenant_id, email)
    SELECT g, 1 + mod(g, 50), 'u' || g || '@example.com' FROM generate_series(1, 20000) g;
ANALYZE;
"""
LOCK_WORDS = ("is locked", "lock timeout")


@dataclass
class Sample:
    """One page view: which page, when it started (s since start), how long it took, what went wrong."""

    page: str
    start: float
    seconds: float
    error: str | None
    lock_notice: bool


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("OPSCONSOLE_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/postgres"),
                        help="maintenance database of the server to use (a scratch database is created there)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load (default 120)")
    parser.add_argument("--lock-seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds a session waits between page views (default 0: back to back, the worst case)")
    parser.add_argument("--samples", help="also write every page view to this CSV file (page, start, seconds, …)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    import sqlalchemy as sa

    from opsconsole.settings import normalize_url

    admin_url = normalize_url(args.url)
    name = f"oc_load_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        return run(url, args)
    finally:
        from opsconsole import db

        db.dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run(url: str, args: argparse.Namespace) -> int:
    """Prepare the database, start the sessions, the upgrade and the lock; print the figures."""
    import sqlalchemy as sa
    from streamlit.runtime.pages_manager import PagesManager

    from opsconsole import db
    from opsconsole.settings import load_settings
    from opsconsole.alembic_env import upgrade

    os.environ.update({"DATABASE_URL": url, "OPSCONSOLE_ALEMBIC_INI": str(ROOT / "alembic.ini"),
                       "OPSCONSOLE_START_SCRIPT": str(ROOT / "start.sh"), "OPSCONSOLE_GLOBAL_TABLES": "plans",
                       "OPSCONSOLE_VIEWER_PASSWORD": VIEWER_PW, "OPSCONSOLE_OPERATOR_PASSWORD": OPERATOR_PW,
                       "DISABLE_AUTO_MIGRATIONS": "true"})
    settings = load_settings()
    upgrade(settings, by="load-setup", target=BEFORE_LAST)
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql(SEED)
    # Route like a running server: once app.py has called st.navigation, the pages/ folder mode is off.
    original = PagesManager.__init__

    def init(self: PagesManager, *a: object, **kw: object) -> None:
        original(self, *a, **kw)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]
    share_apptest_globals()

    samples: list[Sample] = []
    lock = threading.Lock()
    t0 = time.monotonic()
    stop_at = t0 + args.duration
    events: dict[str, float] = {}

    def session(index: int) -> None:
        role = "operator" if index % 4 == 0 else "viewer"
        while time.monotonic() < stop_at:
            at, signed = sign_in(role, index, t0)
            with lock:
                samples.extend(signed)
            if at is None:
                continue
            for page in PAGES:
                if time.monotonic() >= stop_at:
                    return
                time.sleep(args.think)
                sample = visit(at, page, t0)
                with lock:
                    samples.append(sample)

    def upgrader() -> None:
        time.sleep(args.duration * 0.25)
        events["upgrade_start"] = time.monotonic() - t0
        try:
            result = upgrade(settings, by="load-upgrade")
            events["upgrade_ok"] = float(result.ok)
            if not result.ok:
                print(f"upgrade not ok: steps {[s.to_rev for s in result.steps]}, post-checks "
                      f"{[(c['id'], c['status'], c['summary']) for c in result.post_checks]}, "
                      f"warnings {result.warnings}", file=sys.stderr)
        except Exception as exc:  # reported, not raised: the benchmark must finish
            events["upgrade_error"] = 1.0
            print(f"upgrade failed: {exc}", file=sys.stderr)
        events["upgrade_end"] = time.monotonic() - t0

    def locker() -> None:
        time.sleep(args.duration * 0.4)
        engine = sa.create_engine(url + "?application_name=load-locker", poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            conn.begin()
            conn.exec_driver_sql("LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE")
            events["lock_start"] = time.monotonic() - t0
            time.sleep(args.lock_seconds)
            conn.rollback()
            events["lock_end"] = time.monotonic() - t0
        engine.dispose()

    threads = [threading.Thread(target=session, args=(i,), daemon=True) for i in range(args.sessions)]
    threads += [threading.Thread(target=upgrader, daemon=True), threading.Thread(target=locker, daemon=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.duration + 300)
    report(samples, events, args)
    if args.samples:
        import csv

        with open(args.samples, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["page", "start_s", "seconds", "error", "lock_notice"])
            writer.writerows([s.page, f"{s.start:.3f}", f"{s.seconds:.3f}", s.error or "", int(s.lock_notice)]
                             for s in sorted(samples, key=lambda s: s.start))
    errors = [s for s in samples if s.error]
    return 0 if not errors and events.get("upgrade_ok") else 1


_COMPONENTS: list[object] = []
_COMPONENTS_LOCK = threading.Lock()


def _components() -> object:
    """One registry of installed Streamlit components for every session, like one server process has."""
    with _COMPONENTS_LOCK:
        if not _COMPONENTS:
            from streamlit.components.v2.component_manager import BidiComponentManager

            manager = BidiComponentManager()
            manager.discover_and_register_components(start_file_watching=False)
            _COMPONENTS.append(manager)
        return _COMPONENTS[0]


def share_apptest_globals() -> None:
    """Let AppTests run in threads at once, as sessions do in one Streamlit server.

    AppTest is written for one test at a time: each run installs a mock Runtime in the class-wide
    `Runtime._instance`, patches the global `global.appTest` option and resets both when it ends,
    which pulls the floor from under every other session's run. Here the option is set once and the
    last mock Runtime stays available to all sessions (one shared runtime, like a real server's), and
    every session shares one compiled-script cache, as a server's sessions do.
    """
    import contextlib

    from streamlit import config
    from streamlit.runtime import Runtime
    from streamlit.testing.v1 import app_test

    config.set_option("global.appTest", True)
    # A server compiles each page once for all sessions (its ScriptCache); AppTest makes a new cache per run.
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import local_script_runner

    cache = ScriptCache()
    local_script_runner.ScriptCache = app_test.ScriptCache = lambda: cache  # type: ignore[assignment]
    app_test.patch_config_options = lambda options: contextlib.nullcontext()  # type: ignore[assignment]
    shared: dict[str, object] = {}
    original = Runtime.__dict__["instance"].__func__

    def instance(cls: type[Runtime]) -> Runtime:
        current = cls._instance
        if current is not None:
            shared["runtime"] = current
            return current
        if "runtime" in shared:
            return shared["runtime"]  # type: ignore[return-value]
        return original(cls)

    Runtime.instance = classmethod(instance)  # type: ignore[method-assign, assignment]
    Runtime.exists = classmethod(lambda cls: cls._instance is not None or "runtime" in shared)  # type: ignore


def sign_in(role: str, index: int, t0: float) -> tuple[object | None, list[Sample]]:
    """Open a fresh browser session and sign in through the form; return it signed in (or None).

    Two views, as a browser makes them: the sign-in page loading in a new tab ("sign-in page"), then
    the submitted form until the requested page is drawn ("sign-in submit", the rerun sign-in asks for
    included).
    """
    from streamlit.testing.v1 import AppTest

    start = time.monotonic()
    error = None
    samples: list[Sample] = []
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at._bidi_component_manager = _components()  # scanned once, as a server does (0.5 s per new AppTest otherwise)
    try:
        at.run()
        if at.exception:
            error = "; ".join(str(e.value)[:200] for e in at.exception)
        samples.append(Sample("sign-in page", start - t0, time.monotonic() - start, error, False))
        if error:
            return None, samples
        at.radio(key="signin_role").set_value(role)
        at.text_input(key="signin_name").input(f"bench{index}")
        at.text_input(key="signin_password").input(OPERATOR_PW if role == "operator" else VIEWER_PW)
        start = time.monotonic()
        at.button[0].click().run()
        if "user" in at.session_state and [t.value for t in at.title] == ["Sign in to opsconsole"]:
            at.run()  # the browser renders the rerun that sign-in asked for (AppTest sometimes stops before it)
        if at.exception:
            error = "; ".join(str(e.value)[:200] for e in at.exception)
        elif "user" not in at.session_state:
            error = ("sign-in refused: " + "; ".join(str(e.value)[:200] for e in at.error) +
                     f" (page: {[t.value for t in at.title]})")
    except Exception as exc:  # a timeout or crash of the session is an error of the run
        error = f"{type(exc).__name__}: {exc}"
    samples.append(Sample("sign-in submit" if samples else "sign-in page", start - t0, time.monotonic() - start,
                          error, False))
    return (None if error else at), samples


def visit(at: object, page: str, t0: float) -> Sample:
    """Switch one session to a page and time it.

    An error is an exception or an error box from pages._common.show_error (a library call that
    failed); verdict boxes ("Do not publish") are content, and lock notices are counted apart.
    """
    start = time.monotonic()
    error, notice = None, False
    try:
        at.switch_page(f"pages/{page}.py").run()  # type: ignore[attr-defined]
        if "user" not in at.session_state:  # type: ignore[attr-defined]
            error = f"signed out: page {[t.value for t in at.title]}"  # type: ignore[attr-defined]
        elif at.exception:  # type: ignore[attr-defined]
            error = "; ".join(str(e.value)[:200] for e in at.exception)  # type: ignore[attr-defined]
        said = [str(e.value) for kind in ("error", "warning", "caption", "markdown")
                for e in getattr(at, kind)]
        notice = any(word in shown(text) for text in said for word in LOCK_WORDS)
        failed = [shown(str(e.value)) for e in at.error if e.icon == ":material/error:"]  # type: ignore[attr-defined]
        other = [text for text in failed if not any(word in text for word in LOCK_WORDS)]
        if other and not error:
            error = "; ".join(text[:300] for text in other)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    return Sample(page, start - t0, time.monotonic() - start, error, notice)


def shown(markdown: str) -> str:
    """What a Markdown source shows for its backslash escapes (pages escape untrusted text)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of the values, nearest rank; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def report(samples: list[Sample], events: dict[str, float], args: argparse.Namespace) -> None:
    """Print p50/p95 per page and overall, outside and during the lock, and the errors."""
    lock_from, lock_to = events.get("lock_start", -1.0), events.get("lock_end", -1.0)
    during = [s for s in samples if s.start < lock_to and s.start + s.seconds > lock_from]
    outside = [s for s in samples if not s.lock_notice]
    print(f"sessions {args.sessions}, duration {args.duration:.0f} s, think time {args.think:g} s, "
          f"page views {len(samples)}, load average (1 min) at the end {os.getloadavg()[0]:.1f}")
    print("events: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(events.items(), key=lambda kv: kv[1])))
    print(f"{'page':14} {'views':>6} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>7} {'lock notices':>13}")
    for page in ("sign-in page", "sign-in submit", *PAGES):
        mine = [s for s in samples if s.page == page]
        times = [s.seconds for s in mine]
        print(f"{page:14} {len(mine):>6} {pct(times, .5):>7.2f} {pct(times, .95):>7.2f} "
              f"{max(times, default=float('nan')):>7.2f} {sum(1 for s in mine if s.error):>7} "
              f"{sum(1 for s in mine if s.lock_notice):>13}")
    for label, group in (("all views", samples), ("outside the locked table", outside),
                         ("while the table was locked", during)):
        times = [s.seconds for s in group]
        print(f"{label:28} n={len(group):5}  p50 {pct(times, .5):.2f} s  p95 {pct(times, .95):.2f} s")
    errors = [s for s in samples if s.error]
    print(f"errors: {len(errors)}")
    kinds: dict[tuple[str, str], list[float]] = {}
    for s in errors:
        kinds.setdefault((s.page, re.sub(r"oc_load_\w+|\d+(\.\d+)?", "…", s.error or "")[:240]), []).append(s.start)
    for (page, error), starts in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(starts):4} x {page} (first at {min(starts):.1f} s): {error}")
    target = pct([s.seconds for s in outside], .95)
    print(f"target: 0 errors and p95 <= 2 s outside the locked table -> "
          f"{'MET' if not errors and target <= 2 else 'NOT MET'} ({len(errors)} errors, p95 {target:.2f} s)")


if __name__ == "__main__":
    raise SystemExit(main())
