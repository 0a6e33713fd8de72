"""End to end: start.sh builds a fresh embedded database and serves the console; headless Chromium
follows a deep link while signed out, signs in and lands on the page it asked for, stays signed in
across a reload and a new tab (the session cookie), visits every page, applies a pending migration
through the Upgrade button, confirms a migration that deletes data by typing its id (History shows the
typed id and the rows at risk), runs an upgrade that fails (Overview and the Emergency checklist show
the same verdict and where the database is), signs out, and saves screenshots of every page at 1400 px
and 390 px under test-artifacts/ with the measured load times in test-artifacts/timings.json and the
lowest text contrast of each page in test-artifacts/contrast.json (with OPSCONSOLE_UPDATE_SCREENSHOT=1,
the overview also to docs/overview.png, the README's picture).

The console manages a copy of the shipped Alembic project (alembic.ini, alembic/, models/) in the
test's temporary folder, so the test can add revision files without touching the repository's."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

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
# Revisions the test adds to its copy of the project after start-up: one deleting data (typed confirmation),
# then a harmless step and a step that fails when it runs (a plain exception the pre-flight cannot foresee).
DROP_REVISION, NOTE_REVISION, FAILING_REVISION = "4c8d2e6f0a13", "7b1e9c3d5f20", "a2f6d8b4c9e1"
DISPLAY_NAME = "    display_name: Mapped[str | None] = mapped_column(Text)\n"  # models/core.py, dropped with it
AA_BODY, AA_LARGE = 4.5, 3.0  # WCAG 2 AA: body text, large text (24 px, or 18.66 px bold)

# The contrast of every visible text element against its effective background: the background colours of the
# element and its ancestors up to the first opaque one, composited over white, and the text colour (with
# its alpha and the ancestors' opacity) blended over that. Disabled controls are exempt (WCAG 1.4.3), icon
# ligatures (Material Symbols) are not text; canvas-drawn tables and charts are not DOM text.
CONTRAST_JS = """(rootSelector) => {
  const root = document.querySelector(rootSelector) || document.body;
  const parse = (value) => {
    const m = /rgba?\\(([^)]*)\\)/.exec(value || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, below) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * below[i]).concat([1]);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const hex = (c) => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const results = [];
  for (const el of root.querySelectorAll("*")) {
    if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(el.tagName) || el.closest("svg, canvas")) continue;
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim();
    if (!own) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    const style = getComputedStyle(el);
    if (/material/i.test(style.fontFamily)) continue;
    if (el.closest("button:disabled, [aria-disabled=true], [disabled], [data-disabled=true]")) continue;
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const text = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
    const [hi, lo] = [lum(text), lum(bg)].sort((a, b) => b - a);
    const size = parseFloat(style.fontSize), weight = Number(style.fontWeight) || 400;
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const testid = el.closest("[data-testid]"), button = el.closest("button");
    const where = el.closest("[class*=Badge], [class*=badge]") ? "badge"
      : button ? `button ${button.dataset.testid || ""}`.trim() : testid ? testid.dataset.testid : el.tagName;
    results.push({ratio: Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100, large, text: own.slice(0, 60),
                  color: hex(text), background: hex(bg), size, where});
  }
  return results;
}"""


@dataclass
class Server:
    url: str
    env: dict[str, str]
    log: Path
    project: Path  # the copy of the shipped Alembic project the console manages


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
    project = home / "project"  # a copy: the test adds revision files to it, never to the repository's
    for folder in ("alembic", "models"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "alembic.ini", project / "alembic.ini")
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPSCONSOLE_") and k not in ("DATABASE_URL", "DISABLE_AUTO_MIGRATIONS")}
    env.update(OPSCONSOLE_HOME=str(home), PORT=str(port), OPSCONSOLE_PYTHON=sys.executable,
               OPSCONSOLE_OPERATOR_PASSWORD=OPERATOR_PW, OPSCONSOLE_VIEWER_PASSWORD=VIEWER_PW,
               OPSCONSOLE_GLOBAL_TABLES="plans", OPSCONSOLE_ALEMBIC_INI=str(project / "alembic.ini"))
    log = home / "start.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(["bash", str(ROOT / "start.sh")], cwd=ROOT, env=env, stdout=sink,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc, log)
        yield Server(url, env, log, project)
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
        if frame.is_visible():  # not one inside a closed expander
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


def _revision(server: Server, rev: str, down: str, message: str, upgrade: str, downgrade: str = "pass") -> None:
    """Add a revision file to the test's copy of the project (the console sees it on its next read)."""
    body = textwrap.dedent(f'''\
        """{message}

        Revision ID: {rev}
        Revises: {down}
        Create Date: 2025-11-20 09:00:00.000000
        """

        import sqlalchemy as sa
        from alembic import op

        revision = "{rev}"
        down_revision = "{down}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
            {upgrade}


        def downgrade() -> None:
            {downgrade}
        ''')
    (server.project / "alembic" / "versions" / f"20251120_{rev}_{message.replace(' ', '_')[:30]}.py").write_text(body)


def _contrast(page, name: str, found: dict[str, dict], root: str = "body") -> None:  # noqa: ANN001
    """Measure the contrast of every visible text element under `root`; keep the page's lowest figures."""
    measured = page.evaluate(CONTRAST_JS, root)
    assert measured, f"{name}: no visible text measured"
    body = [m for m in measured if not m["large"]]
    large = [m for m in measured if m["large"]]
    lowest = sorted(measured, key=lambda m: m["ratio"])
    found[name] = {
        "elements": len(measured),
        "lowest_body_text": min((m["ratio"] for m in body), default=None),
        "lowest_large_text": min((m["ratio"] for m in large), default=None),
        "lowest_by_element": {k: min(m["ratio"] for m in measured if m["where"] == k)
                              for k in sorted({m["where"] for m in measured})},
        "lowest_five": lowest[:5],
        "below_aa": [m for m in measured if m["ratio"] < (AA_LARGE if m["large"] else AA_BODY)],
    }


def _audit_cell_text(page) -> str:  # noqa: ANN001
    """The text of the audit log's rows as the grid exposes them to screen readers (the grid draws on a canvas)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)  # Revisions, then the audit log
    grid.locator("canvas").first.wait_for(timeout=30_000)
    return " | ".join(grid.locator("table tr").all_text_contents())


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
    down = subprocess.run([sys.executable, "-m", "alembic", "-c", str(server.project / "alembic.ini"), "downgrade",
                           "-1"], cwd=server.project, env={**server.env, "DATABASE_URL": embedded},
                          capture_output=True, text=True, timeout=120)
    assert down.returncode == 0, down.stderr
    assert [p["revision"] for p in _opsconsole(server, "status")["pending"]] == [LAST_REVISION]

    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    contrast: dict[str, dict] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            # The server's very first request, a deep link to a page while signed out: the sign-in form,
            # then the page asked for (not Overview, no "Page not found").
            timings["first request: sign-in form"] = _go(page, f"{server.url}/upgrade", "Sign in to opsconsole")
            _contrast(page, "Sign in", contrast)
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
            expect(page.get_by_text("1 migration(s) wait to be applied").first).to_be_visible()
            _contrast(page, "Overview", contrast)
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
                _contrast(page, title, contrast)
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

            timings["Upgrade (top navigation)"] = _open(page, "Upgrade")
            expect(page.get_by_text("1 pending:")).to_be_visible()
            page.get_by_role("button", name="Preview (dry run)").click()
            _settle(page)
            expect(page.get_by_text("ALTER TABLE users ADD COLUMN last_login_at").first).to_be_visible()
            _contrast(page, "Upgrade", contrast)
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

            # A migration that deletes data (the authors dropped users.display_name from their models too): the
            # confirm button waits for the exact id; History's audit log shows the typed id and the rows at risk.
            engine = sa.create_engine(f"postgresql+psycopg2://postgres@/opsconsole?host={pgdata}")
            try:
                with engine.connect() as conn:
                    rows, tenants, real, test = conn.execute(sa.text(
                        "SELECT count(*), count(DISTINCT u.tenant_id), count(*) FILTER (WHERE NOT t.is_test), "
                        "count(*) FILTER (WHERE t.is_test) FROM users u JOIN tenants t ON t.id = u.tenant_id "
                        "WHERE u.display_name IS NOT NULL")).one()
            finally:
                engine.dispose()
            assert rows > 0 and tenants > 1, (rows, tenants)
            models = server.project / "models" / "core.py"
            assert DISPLAY_NAME in models.read_text()
            models.write_text(models.read_text().replace(DISPLAY_NAME, ""))
            _revision(server, DROP_REVISION, LAST_REVISION, "drop users display name",
                      'op.drop_column("users", "display_name")',
                      'op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True))')
            timings["Upgrade with a data-loss migration pending"] = _open(page, "Upgrade")
            expect(page.get_by_text("1 pending:")).to_be_visible()
            expect(page.get_by_text("Data loss (1)")).to_be_visible()
            _contrast(page, "Upgrade (data-loss pending: red buttons)", contrast)
            page.screenshot(path=str(ARTIFACTS / "upgrade-data-loss.png"), full_page=True)
            page.get_by_role("button", name="Upgrade to head").click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_text("This is what will be lost").wait_for(timeout=60_000)
            go = dialog.get_by_role("button", name="Upgrade and delete this data")
            typed = dialog.get_by_role("textbox")
            expect(go).to_be_disabled()  # nothing typed
            for wrong in (DROP_REVISION[:-1], LAST_REVISION):  # a prefix, another revision
                typed.fill(wrong)
                typed.press("Enter")
                _settle(page)
                expect(go).to_be_disabled()
            typed.fill(DROP_REVISION)
            typed.press("Enter")
            _settle(page)
            expect(go).to_be_enabled()
            _contrast(page, "Upgrade: confirm dialog", contrast, root='[role="dialog"]')
            page.screenshot(path=str(ARTIFACTS / "upgrade-confirm.png"))
            go.click()
            expect(page.get_by_text(f"Applied 1 migration(s): {LAST_REVISION} → {DROP_REVISION}.")).to_be_visible(
                timeout=90_000)
            _settle(page)

            timings["History after the typed confirmation"] = _open(page, "History")
            said = _audit_cell_text(page)
            assert f"typed '{DROP_REVISION}'" in said, said
            assert f"{rows:,} row(s) of {tenants} tenant(s) at risk ({real:,} real, {test:,} test)" in said, said
            confirm_row = next(r for r in page.locator('[data-testid="stDataFrame"]').nth(1).locator("table tr")
                               .all_text_contents() if f"typed '{DROP_REVISION}'" in r)
            assert "Erin" in confirm_row and "confirm" in confirm_row, confirm_row
            _contrast(page, "History (after a confirmation)", contrast)
            page.screenshot(path=str(ARTIFACTS / "history-confirm.png"))

            # An upgrade that fails at its second step (a plain exception when it runs, which no pre-flight can
            # foresee): Overview and the Emergency checklist give the same verdict; Overview says where the
            # database is.
            _revision(server, NOTE_REVISION, DROP_REVISION, "describe users",
                      "op.execute(\"COMMENT ON TABLE users IS 'People who sign in to one tenant'\")",
                      'op.execute("COMMENT ON TABLE users IS NULL")')
            _revision(server, FAILING_REVISION, NOTE_REVISION, "backfill that fails",
                      'raise RuntimeError("e2e: this migration fails when it runs")')
            _open(page, "Upgrade")
            expect(page.get_by_text("2 pending:")).to_be_visible()
            page.get_by_role("button", name="Upgrade to head").click()
            expect(page.get_by_text(f"Failed step (rolled back): {FAILING_REVISION}")).to_be_visible(timeout=90_000)
            _settle(page)
            expect(page.get_by_text(f"Steps that applied: {NOTE_REVISION}")).to_be_visible()
            _contrast(page, "Upgrade (after a failure)", contrast)
            page.screenshot(path=str(ARTIFACTS / "upgrade-failed.png"))

            verdicts = {}
            for title, name in (("Overview", "overview"), ("Emergency checklist", "checklist")):
                timings[f"{title} after a failed upgrade"] = _open(page, title)
                heading = page.get_by_role("heading", name="Do not publish", exact=True)
                expect(heading).to_be_visible()
                box = page.locator('[data-testid="stVerticalBlock"]', has=heading).last
                verdicts[title] = box.locator('[data-testid="stAlert"]').first.inner_text()
                _contrast(page, f"{title} (after a failed upgrade)", contrast)
                page.screenshot(path=str(ARTIFACTS / f"{name}-failed.png"), full_page=True)
                if name == "overview":  # the steps that applied, where the database is, what to do next
                    expect(page.get_by_text(f"The last upgrade failed at step {FAILING_REVISION}")).to_be_visible()
                    where = page.locator("p", has_text="The database is now at:").inner_text()
                    assert f"The database is now at: {NOTE_REVISION}" in where, where
                    assert f"What to do next: Fix migration {FAILING_REVISION}" in where, where
                    expect(page.get_by_test_id("stMetric").filter(has_text="Current revision")).to_contain_text(
                        NOTE_REVISION)
            assert verdicts["Overview"] == verdicts["Emergency checklist"], verdicts

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
        except Exception:  # keep what the browser showed when a step failed
            for i, shown in enumerate(p for c in browser.contexts for p in c.pages):
                with contextlib.suppress(Exception):
                    shown.screenshot(path=str(ARTIFACTS / f"failure-{i}.png"), full_page=True)
                    (ARTIFACTS / f"failure-{i}.html").write_text(shown.content())
            raise
        finally:
            browser.close()
    (ARTIFACTS / "timings.json").write_text(json.dumps({k: round(v, 2) for k, v in timings.items()}, indent=1))
    print("\n".join(f"{v:6.2f} s  {k}" for k, v in timings.items()))
    (ARTIFACTS / "contrast.json").write_text(json.dumps(contrast, indent=1, ensure_ascii=False))
    print("\n".join(f"contrast {v['lowest_body_text']}:1 body, {v['lowest_large_text']}:1 large  {k}"
                    for k, v in contrast.items()))
    below = {k: v["below_aa"] for k, v in contrast.items() if v["below_aa"]}
    assert not below, f"text below WCAG AA (4.5:1, large text 3:1): {json.dumps(below, indent=1)}"

    assert [p["revision"] for p in _opsconsole(server, "status")["pending"]] == [FAILING_REVISION]
    audit = _opsconsole(server, "history")["audit"]
    done = {(e["actor"], e["action"], e["to_rev"], e["outcome"]) for e in audit}
    assert {("Erin", "upgrade-step", LAST_REVISION, "ok"), ("Erin", "confirm", DROP_REVISION, "ok"),
            ("Erin", "upgrade-step", DROP_REVISION, "ok"), ("Erin", "upgrade-step", NOTE_REVISION, "ok"),
            ("Erin", "upgrade-step", FAILING_REVISION, "failed")} <= done, audit[:8]
    for _, name in PAGES:
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 20_000, name
        assert (ARTIFACTS / f"{name}-390.png").stat().st_size > 20_000, name
    if os.environ.get("OPSCONSOLE_UPDATE_SCREENSHOT"):  # refresh the README's picture on purpose only
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(ARTIFACTS / "overview.png", ROOT / "docs" / "overview.png")

    # Overview after the failure (checked last, once everything else has run): only the failed run's step
    # applied in it — the earlier runs by the same person minutes before are not part of it — and the way back
    # must not undo them (the data-loss step's downgrade cannot bring the dropped data back).
    assert f"Steps that applied in that run: {NOTE_REVISION}\n" in where, where
    assert f"downgrade {DROP_REVISION}" in where or "downgrade" not in where, where

