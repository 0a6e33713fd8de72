"""End to end: start.sh builds a fresh embedded database and serves the console; headless Chromium
follows a deep link while signed out, signs in and lands on the page it asked for, stays signed in
across a reload and a new tab (the session cookie), visits every page, applies a pending migration
through the Upgrade button, signs out, and saves screenshots of every page at 1400 px and 390 px
under test-artifacts/ with the measured load times in test-artifacts/timings.json (with
OPSCONSOLE_UPDATE_SCREENSHOT=1, the overview also to docs/overview.png, the README's picture)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OPERATOR_PW, VIEWER_PW = "e2e-operator-pw", "e2e-viewer-pw"
LAST_REVISION = "9d3e5f7a1b26"
PAGES = [("Overview", "overview"), ("Schema status", "status"), ("Tenants", "tenants"), ("History", "history"),
         ("Backups", "backups"), ("Emergency checklist", "checklist"), ("Upgrade", "upgrade")]
SIGNED_IN = "Signed in as Erin · operator"
DESKTOP = {"width": 1400, "height": 1500}
PHONE_SIZE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1}


@dataclass
class Server:
    url: str
    env: dict[str, str]
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"start.sh exited with {proc.returncode} before serving:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"the console did not answer on {url} within {timeout:.0f}s:\n{log.read_text()[-3000:]}")


def _opsconsole(server: Server, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "opsconsole", *args, "--json"], cwd=ROOT, env=server.env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """Run start.sh on a fresh embedded database and a free port; kill its process group afterwards."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test' (it installs Debian's chromium) or "
                    "'apt-get install -y chromium', then run the tests again.")
    home = Path(tempfile.mkdtemp(prefix="oc-e2e-", dir="/tmp"))  # short: the server's Unix socket lives here
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCONSOLE_") and k not in ("DATABASE_URL", "DISABLE_AUTO_MIGRATIONS")}
    env.update(OPSCONSOLE_HOME=str(home), PORT=str(port), OPSCONSOLE_PYTHON=sys.executable,
               OPSCONSOLE_OPERATOR_PASSWORD=OPERATOR_PW, OPSCONSOLE_VIEWER_PASSWORD=VIEWER_PW,
               OPSCONSOLE_GLOBAL_TABLES="plans")
    log = home / "start.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(["bash", str(ROOT / "start.sh")], cwd=ROOT, env=env, stdout=sink,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc, log)
        yield Server(url, env, log)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        _stop_postgres(home / "pgdata")
        shutil.rmtree(home, ignore_errors=True)


def _stop_postgres(pgdata: Path) -> None:
    """Stop the embedded PostgreSQL this test's server started, if it outlived the server."""
    pidfile = pgdata / "postmaster.pid"
    deadline = time.monotonic() + 15
    while pidfile.exists() and time.monotonic() < deadline:
        try:
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGINT)  # fast shutdown
        except (ProcessLookupError, ValueError, OSError):
            break
        time.sleep(0.5)


def _settle(page) -> None:  # noqa: ANN001 - playwright Page
    """Wait until Streamlit has finished running the script and every table has drawn."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60_000)
    for frame in page.locator('[data-testid="stDataFrame"]').all():
        frame.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)


def _open(page, title: str) -> float:  # noqa: ANN001
    """Choose a page in the top navigation; return the seconds until it has drawn."""
    started = time.monotonic()
    page.locator('[data-testid="stTopNav"]').get_by_text(title, exact=True).click()
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
    _settle(page)
    return time.monotonic() - started


def _go(page, url: str, heading: str) -> float:  # noqa: ANN001
    """Load a URL (a link, a reload, a new tab); return the seconds until its heading has drawn."""
    started = time.monotonic()
    page.goto(url, timeout=60_000)
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)
    _settle(page)
    return time.monotonic() - started


def test_sign_in_visit_every_page_and_upgrade_through_the_button(server: Server) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert _opsconsole(server, "status")["at_head"], server.log.read_text()[-2000:]
    # Take the last migration back out, so the Upgrade page has something real to apply.
    # plain `alembic`, as the runbook runs it: the stock env.py reads DATABASE_URL (here the embedded
    # server, kept running by this handle: each CLI process above stops it when it exits)
    import pgserver

    pgdata = (Path(server.env["OPSCONSOLE_HOME"]) / "pgdata").resolve()
    pgserver.get_server(pgdata)
    embedded = f"postgresql://postgres@/opsconsole?host={pgdata}"
    down = subprocess.run([sys.executable, "-m", "alembic", "-c", str(ROOT / "alembic.ini"), "downgrade", "-1"],
                          cwd=ROOT, env={**server.env, "DATABASE_URL": embedded}, capture_output=True, text=True,
                          timeout=120)
    assert down.returncode == 0, down.stderr
    assert [p["revision"] for p in _opsconsole(server, "status")["pending"]] == [LAST_REVISION]

    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            # The server's very first request, a deep link to a page while signed out: the sign-in form,
            # then the page asked for (not Overview, no "Page not found").
            timings["first request: sign-in form"] = _go(page, f"{server.url}/upgrade", "Sign in to opsconsole")
            assert page.get_by_role("button", name="Upgrade to head").count() == 0
            page.get_by_label("Your name (the audit log records who upgraded)").fill("Erin")
            page.get_by_role("textbox", name="Password", exact=True).fill(OPERATOR_PW)
            started = time.monotonic()
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("heading", name="Upgrade", exact=True).wait_for(timeout=60_000)
            _settle(page)
            timings["sign in: the page asked for"] = time.monotonic() - started
            expect(page.get_by_text("1 pending:")).to_be_visible()
            expect(page.get_by_text("Page not found")).to_have_count(0)
            cookie = [c for c in context.cookies() if c["name"] == "opsconsole_session"]
            assert cookie and cookie[0]["sameSite"] == "Strict" and cookie[0]["path"] == "/", context.cookies()
            assert 11.9 * 3600 < cookie[0]["expires"] - time.time() <= 12 * 3600, cookie  # OPSCONSOLE_SESSION_HOURS

            # A reload, a deep link and a new tab stay signed in, on the page asked for.
            timings["reload, signed in"] = _go(page, f"{server.url}/upgrade", "Upgrade")
            expect(page.get_by_text(SIGNED_IN)).to_be_visible()
            expect(page.get_by_text("EMBEDDED DEMO DATABASE", exact=True).first).to_be_visible()
            tab = context.new_page()
            timings["new tab, deep link, signed in"] = _go(tab, f"{server.url}/checklist", "Emergency checklist")
            expect(tab.get_by_text(SIGNED_IN)).to_be_visible()
            tab.get_by_text("Cancel the publish").first.click()  # a shared tick, recorded as Erin
            expect(tab.get_by_text("Ticked by Erin")).to_be_visible(timeout=30_000)
            tab.close()

            timings["Overview (top navigation)"] = _open(page, "Overview")
            expect(page.get_by_text("EMBEDDED DEMO DATABASE", exact=True).first).to_be_visible()
            expect(page.get_by_text("Action needed")).to_be_visible()
            expect(page.get_by_text("1 migration(s) wait to be applied")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "overview-pending.png"))

            checks = {"status": f"{LAST_REVISION}", "tenants": "Acme Logistics",
                      "history": "Audit log", "checklist": "Apply any pending migrations", "backups": "Backups"}
            for title, name in PAGES[1:6]:
                timings[f"{title} (top navigation)"] = _open(page, title)
                assert page.locator('[data-testid="stException"]').count() == 0, name
                expect(page.get_by_text("EMBEDDED DEMO DATABASE", exact=True).first).to_be_visible()  # on every page
                if name == "tenants":
                    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
                else:
                    expect(page.get_by_text(checks[name]).first).to_be_visible()
                if name == "checklist":  # the tick made in the other tab is shared, with who did it
                    expect(page.get_by_text("Ticked by Erin")).to_be_visible()
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

            timings["Upgrade (top navigation)"] = _open(page, "Upgrade")
            expect(page.get_by_text("1 pending:")).to_be_visible()
            page.get_by_role("button", name="Preview (dry run)").click()
            _settle(page)
            expect(page.get_by_text("ALTER TABLE users ADD COLUMN last_login_at").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "upgrade-preview.png"))
            page.get_by_role("button", name="Upgrade to head").click()
            expect(page.get_by_text(f"Applied 1 migration(s): e1a7b3c59f08 → {LAST_REVISION}.")).to_be_visible(
                timeout=90_000)
            _settle(page)
            expect(page.get_by_text("Nothing is pending: the database is at head.")).to_be_visible()
            assert page.locator('[data-testid="stException"]').count() == 0
            page.screenshot(path=str(ARTIFACTS / "upgrade.png"))

            _open(page, "Overview")
            expect(page.get_by_text("Current revision")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "overview.png"))

            # A phone (390 px, a phone's browser) with the same cookie: signed in at once on the page linked
            # to; the navigation sits behind the menu button and closes once a page is chosen.
            phone = browser.new_context(**{**pw.devices["iPhone 13"], **PHONE_SIZE})
            phone.add_cookies([c for c in context.cookies() if c["name"] == "opsconsole_session"])
            small = phone.new_page()
            timings["phone: link to Schema status, signed in"] = _go(small, f"{server.url}/status", "Schema status")
            for title, name in PAGES:
                started = time.monotonic()
                small.get_by_test_id("stExpandSidebarButton").click()
                small.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
                small.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
                _settle(small)
                timings[f"phone: {title} (menu)"] = time.monotonic() - started
                expect(small.get_by_test_id("stSidebarNav")).not_to_be_visible()  # the page, not the menu, shows
                expect(small.get_by_text(SIGNED_IN)).to_be_visible()
                expect(small.get_by_text("EMBEDDED DEMO DATABASE", exact=True).first).to_be_visible()
                assert small.locator('[data-testid="stException"]').count() == 0, name
                small.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
            phone.close()

            # Sign out ends the session: a reload asks for the password again.
            page.get_by_role("button", name="Sign out").click()
            page.get_by_role("heading", name="Sign in to opsconsole").wait_for(timeout=60_000)
            _go(page, f"{server.url}/history", "Sign in to opsconsole")
            assert not [c for c in context.cookies() if c["name"] == "opsconsole_session"]
        finally:
            browser.close()
    (ARTIFACTS / "timings.json").write_text(json.dumps({k: round(v, 2) for k, v in timings.items()}, indent=1))
    print("\n".join(f"{v:6.2f} s  {k}" for k, v in timings.items()))

    assert not _opsconsole(server, "status")["pending"]
    newest = _opsconsole(server, "history")["audit"][0]
    assert (newest["actor"], newest["to_rev"], newest["outcome"]) == ("Erin", LAST_REVISION, "ok")
    for _, name in PAGES:
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 20_000, name
        assert (ARTIFACTS / f"{name}-390.png").stat().st_size > 20_000, name
    if os.environ.get("OPSCONSOLE_UPDATE_SCREENSHOT"):  # refresh the README's picture on purpose only
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(ARTIFACTS / "overview.png", ROOT / "docs" / "overview.png")
