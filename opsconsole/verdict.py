"""The one verdict every page and the CLI show: may we publish — and if not, why and what to do next.

`decide()` is the rule (the guard's `GuardReport.verdict` delegates to it); `judge()` runs the guard,
reads the state of upgrades (a running one holds the advisory lock; the last one's outcome is in the
audit log) and returns a `Verdict`. A failed, partial or interrupted upgrade that still stands is never
"Safe to publish"; a running upgrade is "Action needed" (checks it changes are in flux until it ends).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.errors import OpsConsoleError, plain_text
from opsconsole.settings import Settings
from opsconsole.shared import SharedResults

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.engine import Connection

    from opsconsole.alembic_env.revisions import Graph, SchemaStatus
    from opsconsole.audit import AuditEntry
    from opsconsole.guard import CheckResult, GuardReport

SAFE, ACTION, STOP = "Safe to publish", "Action needed", "Do not publish"
VERDICTS = (SAFE, ACTION, STOP)
PASS, WARN, FAIL = "pass", "warn", "fail"
BROKEN = ("failed", "partial", "interrupted")  # outcomes of a last upgrade that leave work to do
STALE_AFTER = timedelta(minutes=5)  # a verdict older than this is shown as stale
_RUN_GAP = timedelta(minutes=15)  # steps of one run follow each other; a longer pause starts another run
_IN_FLUX = {"at-head", "no-drift", "pending-safe", "revision-known", "applied-unchanged", "tenant-isolation",
            "rls-enabled"}  # what a running upgrade changes while it runs

# check id -> (what it means in one sentence, what to do when it does not pass, page that fixes it, link label)
CHECKS: dict[str, tuple[str, str, str, str]] = {
    "last-upgrade": ("The last upgrade must have finished: a failed or interrupted one leaves the database between "
                     "revisions.", "See what applied and where the database is (above), then follow the next step "
                     "given there.", "pages/upgrade.py", "Upgrade page"),
    "upgrade-running": ("Nobody may publish while an upgrade is changing the database.",
                        "Wait for the running upgrade to finish, then check again.", "pages/upgrade.py",
                        "Upgrade page"),
    "auto-migrations-disabled": ("The start script must switch the platform's automatic migrations off, or publishing "
                                 "may propose to drop tables.", "Put 'export DISABLE_AUTO_MIGRATIONS=true' on the "
                                 "first line of start.sh.", "pages/checklist.py", "Emergency checklist, steps 2–3"),
    "process-env": ("The running console must have been started through that start script, so the switch is in "
                    "effect.", "Restart the workflow so the console starts through start.sh.", "pages/checklist.py",
                    "Emergency checklist, step 4"),
    "database-reachable": ("The console must reach the database to check anything else.",
                           "Check DATABASE_URL (host, port, password, SSL) and that the database is running.", "", ""),
    "single-head": ("The migrations must form one line of history, so an upgrade knows what to apply.",
                    "Merge the branches with 'alembic merge heads' and commit the merge.", "pages/status.py",
                    "Schema status"),
    "revision-known": ("The database must be at a revision these migrations know, not one from another branch.",
                       "Deploy the branch that migrated the database, or merge its migrations here.",
                       "pages/status.py", "Schema status"),
    "at-head": ("Every migration must be applied before the code that needs it is published.",
                "Run the guarded upgrade.", "pages/upgrade.py", "Upgrade page"),
    "no-drift": ("The live tables must match the models; a difference means a hand-made change or a missing "
                 "migration.", "Write a migration for the difference (or undo the hand-made change).",
                 "pages/status.py", "Schema status, drift"),
    "pending-safe": ("No pending migration may delete data unless a person reviewed and approved it.",
                     "Review the data-loss migration; approve it or confirm it by typing its id.",
                     "pages/upgrade.py", "Upgrade page"),
    "applied-unchanged": ("A migration file must not be edited after it ran, or the code no longer describes the "
                          "database.", "Revert the edit and put the change in a new migration.", "pages/history.py",
                          "History, checksums"),
    "tenant-isolation": ("Every table must carry the tenant column, so one customer's rows never mix with "
                         "another's.", "Add the tenant column, or list the table in OPSCONSOLE_GLOBAL_TABLES if it "
                         "is shared on purpose.", "pages/tenants.py", "Tenants"),
    "rls-enabled": ("On Supabase, row-level security must be on, or the public API keys can read every tenant's "
                    "rows.", "Enable row-level security on the tables named (ALTER TABLE … ENABLE ROW LEVEL "
                    "SECURITY).", "", ""),
    "database-target": ("The console must point at the intended database, through a connection that can hold the "
                        "upgrade lock.", "Point DATABASE_URL at the intended database (direct or session "
                        "connection, port 5432).", "", ""),
}
_UNKNOWN = ("A check of the deploy guard.", "Read the detail and fix what it names.", "", "")
UPGRADE_REASONS = ("upgrade-running", "last-upgrade")  # reasons from the state of upgrades, not guard checks


@dataclass(frozen=True)
class Reason:
    """One check behind the verdict: what it found, what it means, what to do, and where that is done."""

    check: str
    status: str  # pass | warn | fail
    summary: str
    meaning: str
    next_step: str  # empty when the check passes
    link: str  # console page that fixes it ("pages/upgrade.py"); empty when no page does
    link_label: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the reason as plain data."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class Running:
    """An upgrade holding the lock now: who, since when, which step."""

    by: str
    since: datetime | None
    step: str | None  # the revision being applied (its `started` row), None before the first step

    def to_dict(self) -> dict[str, Any]:
        """Return the running upgrade as plain data."""
        return {"by": self.by, "since": _iso(self.since), "step": self.step}


@dataclass(frozen=True)
class LastUpgrade:
    """The newest upgrade in the audit log: its outcome, what applied, where the database is, what next."""

    outcome: str  # ok | failed | partial | interrupted | refused
    at: datetime
    by: str
    step: str | None  # the step that failed or was interrupted (None: env.py failed before any step)
    error: str
    applied: tuple[str, ...]  # steps of that run that did apply, in order
    before: str | None  # the revision the run started from (None: base)
    standing: bool  # still to be dealt with (the failed step is still pending)
    next_step: str
    way_back: str = ""  # the documented command to undo the applied steps, when every one has a downgrade()

    def to_dict(self) -> dict[str, Any]:
        """Return the last upgrade as plain data."""
        data = dict(self.__dict__)
        data["at"], data["applied"] = _iso(self.at), list(self.applied)
        return data


@dataclass(frozen=True)
class UpgradeState:
    """Where the database is, whether an upgrade runs now, and how the last one ended."""

    current: tuple[str, ...] = ()
    running: Running | None = None
    last: LastUpgrade | None = None
    note: str = ""  # why the state could not be read fully (one sentence), or ""

    @property
    def broken(self) -> bool:
        """Whether the last upgrade failed or was interrupted and that still stands."""
        return self.running is None and self.last is not None and self.last.outcome in BROKEN and self.last.standing

    def to_dict(self) -> dict[str, Any]:
        """Return the state as plain data."""
        return {"current": list(self.current), "running": self.running.to_dict() if self.running else None,
                "last": self.last.to_dict() if self.last else None, "broken": self.broken, "note": self.note}


@dataclass(frozen=True)
class Verdict:
    """The verdict, a one-sentence headline, every reason, when it was checked and the state of upgrades."""

    verdict: str
    headline: str
    reasons: tuple[Reason, ...]
    checked_at: datetime
    upgrade: UpgradeState = field(default_factory=UpgradeState)
    report: GuardReport | None = field(default=None, repr=False, compare=False)  # for pages that show findings

    @property
    def ok(self) -> bool:
        """Whether it is safe to publish."""
        return self.verdict == SAFE

    def tally(self) -> dict[str, int]:
        """How many reasons fail, warn and pass."""
        return {s: sum(1 for r in self.reasons if r.status == s) for s in (FAIL, WARN, PASS)}

    def reason(self, check: str) -> Reason | None:
        """Return one reason by check id."""
        return next((r for r in self.reasons if r.check == check), None)

    def is_stale(self, now: datetime | None = None, max_age: timedelta = STALE_AFTER) -> bool:
        """Whether the verdict is older than `max_age` and should be checked again before anyone relies on it."""
        return (now or datetime.now(timezone.utc)) - self.checked_at > max_age

    def to_dict(self) -> dict[str, Any]:
        """Return the verdict as the CLI's --json prints it."""
        return {"verdict": self.verdict, "headline": self.headline, "checked_at": _iso(self.checked_at),
                "reasons": [r.to_dict() for r in self.reasons], "upgrade": self.upgrade.to_dict(),
                "tally": self.tally()}


def decide(checks: Iterable[CheckResult], upgrade: UpgradeState | None = None) -> str:
    """The rule: a failing check or a broken last upgrade → Do not publish; a warning or a running upgrade →
    Action needed; otherwise Safe to publish. While an upgrade runs, checks it changes do not count."""
    running = upgrade is not None and upgrade.running is not None
    statuses = [c.status for c in checks if not (running and c.id in _IN_FLUX)]
    if FAIL in statuses or (upgrade is not None and upgrade.broken):
        return STOP
    if WARN in statuses or running:
        return ACTION
    return SAFE


def judge(settings: Settings, report: GuardReport | None = None, now: datetime | None = None) -> Verdict:
    """Run the guard (unless given its report), read the state of upgrades and return the one verdict."""
    from opsconsole import guard

    checked_at = now or datetime.now(timezone.utc)
    if report is None:
        report = guard.run(settings)
    reachable = report.check("database-reachable")
    state = UpgradeState(note="the database could not be reached") if reachable and reachable.status == FAIL \
        else upgrade_state(settings, status=report.schema_status, graph=report.graph)  # what the guard just read
    return build(report, state, checked_at, settings)


SHARE_SECONDS = 5.0  # one verdict serves every session of this console process for this long
STALE_SECONDS = 25.0  # while it is judged again (a slow or locked database), the previous one is shown meanwhile
_shared: SharedResults[Verdict] = SharedResults(SHARE_SECONDS, stale_s=STALE_SECONDS)


def judge_shared(settings: Settings, force: bool = False) -> Verdict:
    """The verdict as the console shows it: judged at most once per SHARE_SECONDS for all sessions of this
    process (its checked_at says when); `force` (a Refresh) judges again. Upgrades and decisions made in
    this process drop the kept verdict at once."""
    from opsconsole.alembic_env.project import load_project, source_stamp

    try:  # an edited migration, model or start script is a new key: seen within a second, not after SHARE_SECONDS
        stamp = (source_stamp(load_project(settings)), _file_stamp(settings.start_script))
    except Exception:  # a project that cannot be read: the guard says why, judged every time
        return judge(settings)
    return _shared.get(settings, lambda: judge(settings), version=stamp, force=force)


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def forget_shared() -> None:
    """Drop the kept verdicts (after an upgrade or a decision made in this process)."""
    _shared.forget()


def build(report: GuardReport, state: UpgradeState, checked_at: datetime,
          settings: Settings | None = None) -> Verdict:
    """Put a guard report and the state of upgrades together into one verdict (no database)."""
    settings = settings or Settings()
    verdict = decide(report.checks, state)
    reasons = [*_upgrade_reasons(state, settings), *(_reason(c, settings, state) for c in _ordered(report.checks))]
    return Verdict(verdict, _headline(verdict, report.checks, state, settings), tuple(reasons), checked_at, state,
                   report)


def upgrade_state(settings: Settings, conn: Connection | None = None, status: SchemaStatus | None = None,
                  graph: Graph | None = None) -> UpgradeState:
    """Read the state of upgrades: who holds the lock, the last upgrade's outcome, the current revision.

    `status` and `graph`, when the caller (judge, after a guard run) has them, are not read again.
    """
    from opsconsole.db import read_only

    if conn is None:
        try:
            with read_only(settings) as ro:
                return upgrade_state(settings, ro, status, graph)
        except OpsConsoleError as exc:
            return UpgradeState(note=plain_text(str(exc), settings))
    from sqlalchemy.exc import DBAPIError

    from opsconsole import alembic_env, audit
    from opsconsole.alembic_env.lock import holder

    note = ""
    try:
        if status is None:
            with conn.begin_nested():
                status = alembic_env.status(settings, conn, graph)
        current, pending = status.current, {r.revision for r in status.pending}
        graph = graph if graph is not None else alembic_env.load_graph(settings)
    except (OpsConsoleError, DBAPIError) as exc:
        current, pending, graph, note = (), None, None, plain_text(str(exc).splitlines()[0], settings)
    try:
        with conn.begin_nested():
            who = holder(conn)
            rows = [e for e in audit.log(conn, 500) if e.action in ("upgrade", "upgrade-step")]
    except DBAPIError:
        return UpgradeState(current, note="the audit log cannot be read with this database role")
    running = _running(who, rows) if who is not None else None
    last = _last(rows, pending, graph, settings) if rows else None
    return UpgradeState(current, running, last, note)


def _running(who: str, rows: list[AuditEntry]) -> Running:
    """Split the lock's "since … by …" label; the step is the newest `started` row."""
    match = re.match(r"since (.+?) by (.*)$", who)
    since_text, by = (match.group(1), match.group(2)) if match else ("", who)
    since = None
    for text in (since_text.replace("Z", "+00:00"), since_text.replace(" UTC", "+00:00")):
        try:
            since = datetime.fromisoformat(text)
            break
        except ValueError:
            continue
    step = next((e.to_rev for e in rows if e.outcome == "started" and e.action == "upgrade-step"), None)
    return Running(by.strip() or "an unknown session", since, step)


def _last(rows: list[AuditEntry], pending: set[str] | None, graph: Any, settings: Settings) -> LastUpgrade | None:
    """The newest upgrade run that ran (rows newest first): its outcome and the steps that applied in it.

    A refusal applied nothing, so it neither hides an earlier failure nor counts as the last upgrade unless it is
    the only one. The guarded upgrade tags every row of a run with its id (details.run); older rows are grouped
    by _guess_run.
    """
    ran = [e for e in rows if e.outcome not in ("started", "refused")]
    refused = [e for e in rows if e.outcome == "refused"]
    if not ran and not refused:
        return None
    end = ran[0] if ran else refused[0]
    run_id = (end.details or {}).get("run")
    if run_id:  # recorded by the guarded upgrade: exactly the rows of that run
        run = [e for e in rows[rows.index(end):] if (e.details or {}).get("run") == run_id]
    else:
        run = _guess_run(end, rows)
    applied = tuple(e.to_rev for e in reversed(run) if e.outcome == "ok" and e.to_rev)
    before = run[-1].from_rev
    outcome = "failed" if end.outcome not in ("ok", "refused", *BROKEN) else end.outcome
    step = end.to_rev if end.action == "upgrade-step" and outcome in BROKEN else None
    if outcome in BROKEN:
        standing = pending is None or (step in pending if step else bool(pending))
    else:
        standing = False
    way_back = _way_back(applied, before, graph, settings) if outcome in BROKEN and applied else ""
    return LastUpgrade(outcome, end.at, end.actor, step, plain_text(end.error or "", settings), applied, before,
                       standing, _next_step(outcome, step, way_back), way_back)


def _guess_run(end: AuditEntry, rows: list[AuditEntry]) -> list[AuditEntry]:
    """Rows written before runs carried an id: the `ok` steps before `end` by the same person, each following
    the previous one's revision, with no pause longer than _RUN_GAP."""
    run = [end]
    if end.outcome == "refused":
        return run
    for e in rows[rows.index(end) + 1:]:
        prev = run[-1]
        if e.action != "upgrade-step" or e.outcome != "ok" or e.actor != end.actor:
            break
        if prev.at - (e.at + timedelta(milliseconds=e.duration_ms or 0)) > _RUN_GAP:
            break
        if prev.action == "upgrade-step" and prev.from_rev is not None and e.to_rev != prev.from_rev:
            break
        run.append(e)
    return run


def _next_step(outcome: str, step: str | None, way_back: str) -> str:
    """What to do after the last upgrade, in one or two sentences."""
    rerun = "run the guarded upgrade again (Upgrade page, or 'python -m opsconsole upgrade --by NAME')"
    back = f" To undo the steps it applied instead: '{way_back}'." if way_back else ""
    if outcome == "failed" and step:
        return f"Fix migration {step}, then {rerun}.{back}"
    if outcome == "failed":
        return f"Fix the project's env.py (or install what it imports), then {rerun}."
    if outcome == "partial":
        return (f"Step {step} ran outside a transaction and may have left objects behind (an INVALID index, a "
                f"half-made table): drop them, fix the migration, then {rerun}.{back}")
    if outcome == "interrupted":
        return (f"The process applying {step} died before it finished; check what it left "
                f"('python -m opsconsole status'), then {rerun}.{back}")
    if outcome == "refused":
        return "Nothing was applied; the audit log says why it was refused."
    return ""


def _way_back(applied: tuple[str, ...], before: str | None, graph: Any, settings: Settings) -> str:
    """`alembic downgrade <rev>` to where the run started, when every applied step has a real downgrade()."""
    if graph is None or any(rev not in graph.revisions or not has_downgrade(graph.revisions[rev].path)
                            for rev in applied):
        return ""
    return f"alembic -c {settings.alembic_ini} downgrade {before or 'base'}"


def has_downgrade(path: str | Path) -> bool:
    """Whether a revision file's downgrade() does something (not just `pass`, a docstring or `...`)."""
    try:
        tree = ast.parse(Path(path).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return False
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "downgrade":
            return any(not isinstance(s, ast.Pass) and not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
                       for s in node.body)
    return False


def _upgrade_reasons(state: UpgradeState, settings: Settings) -> list[Reason]:
    """The state of upgrades as reasons, first in the list: a running upgrade, a broken last one."""
    out = []
    if state.running is not None:
        r = state.running
        step = f", applying {r.step}" if r.step else ""
        meaning, next_step, link, label = CHECKS["upgrade-running"]
        out.append(Reason("upgrade-running", WARN, f"An upgrade by {r.by} is running{step}.", meaning, next_step,
                          link, label, f"running since {_iso(r.since) or 'an unknown time'}"))
    elif state.last is not None and state.last.outcome in BROKEN:
        last = state.last
        meaning, _, link, label = CHECKS["last-upgrade"]
        status = FAIL if last.standing else PASS
        applied = ", ".join(last.applied) or "none"
        where = ", ".join(state.current) or "base (no revision)"
        summary = (f"The last upgrade {last.outcome} at {last.step or 'env.py'}; the database is at {where}."
                   if last.standing else f"The last upgrade {last.outcome} at {last.step or 'env.py'}; "
                   "that has since been dealt with.")
        out.append(Reason("last-upgrade", status, summary, meaning, last.next_step if last.standing else "", link,
                          label, f"Steps that applied in that run: {applied}. {last.error}".strip()))
    return out


def _reason(check: CheckResult, settings: Settings, state: UpgradeState) -> Reason:
    """One guard check as a reason for people."""
    meaning, next_step, link, label = CHECKS.get(check.id, _UNKNOWN)
    if state.running is not None and check.id in _IN_FLUX and check.status != PASS:
        next_step = "Check again once the running upgrade has finished."
    return Reason(check.id, check.status, plain_text(check.summary, settings), meaning,
                  "" if check.status == PASS else next_step, link, label, plain_text(check.detail, settings))


def _ordered(checks: Iterable[CheckResult]) -> list[CheckResult]:
    order = {FAIL: 0, WARN: 1, PASS: 2}
    return sorted(checks, key=lambda c: order.get(c.status, 3))


def _headline(verdict: str, checks: Iterable[CheckResult], state: UpgradeState, settings: Settings) -> str:
    """One sentence: the verdict and the single most important reason."""
    checks = list(checks)
    if state.running is not None:
        r = state.running
        step = f" (applying {r.step})" if r.step else ""
        blocking = [c for c in checks if c.status == FAIL and c.id not in _IN_FLUX]
        if blocking:
            return f"{verdict}: {plain_text(blocking[0].summary, settings).rstrip('.')} — and an upgrade by {r.by} is running{step}."
        return f"{verdict}: an upgrade by {r.by} is running{step}; wait for it to finish, then check again."
    if state.broken and state.last is not None:
        last = state.last
        where = ", ".join(state.current) or "base (no revision)"
        what = "was interrupted" if last.outcome == "interrupted" else f"{last.outcome}"
        return f"{verdict}: the last upgrade {what} at {last.step or 'env.py'}; the database is at {where}."
    failing = [c for c in checks if c.status == FAIL]
    warning = [c for c in checks if c.status == WARN]
    if failing:
        more = f" (and {len(failing) - 1} more failing check(s))" if len(failing) > 1 else ""
        return f"{verdict}: {plain_text(failing[0].summary, settings).rstrip('.')}{more}."
    if warning:
        more = f" (and {len(warning) - 1} more warning(s))" if len(warning) > 1 else ""
        return f"{verdict}: {plain_text(warning[0].summary, settings).rstrip('.')}{more}."
    return f"{verdict}: every check passes and no upgrade is unfinished."


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
