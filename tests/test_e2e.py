"""End to end: start.sh builds a fresh embedded database and serves the console; headless Chromium
signs in, visits every page, applies a pending migration through the Upgrade button, and saves a
screenshot of each page under test-artifacts/ (with OPSCONSOLE_UPDATE_SCREENSHOT=1, the overview also
to docs/overview.png, the README's picture)."""

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
         ("Emergency checklist", "checklist"), ("Upgrade", "upgrade")]


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


def _open(page, title: str) -> None:  # noqa: ANN001
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
    _settle(page)


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
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1500})
            # The server's very first request, straight to a page file, must still go through sign-in.
            page.goto(f"{server.url}/upgrade", timeout=60_000)
            page.get_by_role("heading", name="Sign in to opsconsole").wait_for(timeout=60_000)
            _settle(page)
            assert page.get_by_role("button", name="Upgrade to head").count() == 0
            page.get_by_label("Your name (the audit log records who upgraded)").fill("Erin")
            page.get_by_role("textbox", name="Password", exact=True).fill(OPERATOR_PW)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_text("Signed in as Erin · operator")).to_be_visible(timeout=60_000)
            page.get_by_role("heading", name="Overview", exact=True).wait_for(timeout=60_000)
            _settle(page)
            expect(page.get_by_text("EMBEDDED DEMO DATABASE", exact=True)).to_be_visible()
            expect(page.get_by_text("Action needed")).to_be_visible()
            expect(page.get_by_text("1 migration(s) wait to be applied")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "overview-pending.png"))

            checks = {"status": f"{LAST_REVISION}", "tenants": "Acme Logistics",
                      "history": "Audit log", "checklist": "Apply any pending migrations"}
            for title, name in PAGES[1:5]:
                _open(page, title)
                assert page.locator('[data-testid="stException"]').count() == 0, name
                if name == "tenants":
                    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
                else:
                    expect(page.get_by_text(checks[name]).first).to_be_visible()
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

            _open(page, "Upgrade")
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
        finally:
            browser.close()

    assert not _opsconsole(server, "status")["pending"]
    newest = _opsconsole(server, "history")["audit"][0]
    assert (newest["actor"], newest["to_rev"], newest["outcome"]) == ("Erin", LAST_REVISION, "ok")
    for name in ("overview", "status", "tenants", "history", "checklist", "upgrade"):
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 20_000, name
    if os.environ.get("OPSCONSOLE_UPDATE_SCREENSHOT"):  # refresh the README's picture on purpose only
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(ARTIFACTS / "overview.png", ROOT / "docs" / "overview.png")
