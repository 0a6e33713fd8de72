"""The runbook's emergency checklist as steps, each live step computed from the library.

Two procedures from the team runbook: "If Replit shows DROP TABLE warnings" and "If schema gets
out of sync". A `check` step is judged now (pass / warn / fail); a `manual` step is something a
person does and ticks off (status `todo`). No Streamlit here; the checklist page renders `steps()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from opsconsole.errors import OpsConsoleError
from opsconsole.guard import FAIL, FLAG, FLAG_VALUE, PASS, WARN, GuardReport
from opsconsole.settings import Settings
from opsconsole.verdict import ACTION, SAFE, STOP, Verdict, judge

TODO = "todo"
DROP_TABLE, OUT_OF_SYNC = "If the Publishing page shows DROP TABLE warnings", "If the schema gets out of sync"


@dataclass(frozen=True)
class Step:
    """One checklist step; `command` is what to run by hand, `detail` what was found or what to do."""

    id: str
    section: str
    title: str
    kind: str  # check | manual
    status: str  # pass | warn | fail | todo
    detail: str = ""
    command: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the step as plain data."""
        return dict(self.__dict__)


def steps(settings: Settings, report: GuardReport | None = None, verdict: Verdict | None = None) -> list[Step]:
    """Return both procedures' steps in runbook order, judging every live step now.

    The last step is the console's one verdict (opsconsole.verdict): pass it in when the page already has it.
    """
    if verdict is None:
        verdict = judge(settings, report)
    report = verdict.report or report
    if report is None:  # a verdict built without its guard report
        from opsconsole import guard

        report = guard.run(settings)
    return [
        Step("cancel-publish", DROP_TABLE, "Cancel the publish immediately — do not approve DROP TABLE",
             "manual", TODO, "On the Publishing page, cancel. Nothing is dropped until someone approves."),
        _flag_in_script(settings),
        _from_check(report, "auto-migrations-disabled", "start.sh exports the flag before the app starts",
                    "python -m opsconsole guard --check auto-migrations-disabled"),
        Step("restart-workflow", DROP_TABLE, "Restart the workflow to pick up the change", "manual", TODO,
             "Stop and start the workflow (Run button) so the console runs through start.sh again."),
        _from_check(report, "process-env", "The running console has the flag (the restart took effect)",
                    f"echo ${FLAG}"),
        Step("publish-again", DROP_TABLE, "Try publishing again", "manual", TODO,
             "Expect 'Database migrations validated successfully' and 'No database changes detected'."),
        *_revision_steps(settings),
        _guard_step(verdict),
    ]


def failing(items: list[Step]) -> list[Step]:
    """Return the live steps that fail now."""
    return [s for s in items if s.kind == "check" and s.status == FAIL]


def _flag_in_script(settings: Settings) -> Step:
    """What `grep DISABLE_AUTO_MIGRATIONS start.sh` shows, judged: a line outside a comment sets it to true."""
    path = settings.start_script
    title, command = f"{FLAG} is set in {path.name}", f"grep {FLAG} {path.name}"
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError as exc:
        return Step("flag-in-script", DROP_TABLE, title, "check", FAIL, f"cannot read {path}: {exc.strerror}.", command)
    hits = [(n, line) for n, line in enumerate(lines, 1) if FLAG in line]
    shown = "; ".join(f"line {n}: {line.strip()}" for n, line in hits[:5])
    setting = re.compile(rf"^\s*(export\s+)?{FLAG}=[\"']?{FLAG_VALUE}[\"']?(\s|;|$)")
    if any(setting.match(line) for _, line in hits):
        return Step("flag-in-script", DROP_TABLE, title, "check", PASS, shown, command)
    if hits:
        return Step("flag-in-script", DROP_TABLE, title, "check", FAIL,
                    f"mentioned but never set to {FLAG_VALUE} outside a comment — {shown}. "
                    f"Put 'export {FLAG}={FLAG_VALUE}' on the first line.", command)
    return Step("flag-in-script", DROP_TABLE, title, "check", FAIL,
                f"{path} never mentions {FLAG}; put 'export {FLAG}={FLAG_VALUE}' on its first line.", command)


def _from_check(report: GuardReport, check_id: str, title: str, command: str) -> Step:
    """Turn one guard check into a checklist step."""
    check = report.check(check_id)
    if check is None:
        return Step(check_id, DROP_TABLE, title, "check", WARN, "not checked.", command)
    detail = check.summary if check.status == PASS else f"{check.summary} {check.detail}".strip()
    return Step(check_id, DROP_TABLE, title, "check", check.status, detail, command)


def _revision_steps(settings: Settings) -> list[Step]:
    """`alembic current` and `alembic upgrade head`, judged from the database's revision state."""
    from opsconsole.alembic_env import status

    current_cmd, upgrade_cmd = "python -m opsconsole status", "python -m opsconsole upgrade --by NAME"
    try:
        st = status(settings)
    except OpsConsoleError as exc:
        return [Step("current-revision", OUT_OF_SYNC, "Check the current schema version", "check", FAIL,
                     str(exc), current_cmd),
                Step("apply-pending", OUT_OF_SYNC, "Apply any pending migrations", "check", FAIL,
                     "cannot tell what is pending until the error above is fixed.", upgrade_cmd)]
    blocking = [p for p in st.problems if p.code in ("unknown-revision", "multiple-heads", "no-revisions")]
    current = ", ".join(st.current) or "none (never migrated)"
    heads = ", ".join(st.heads) or "none"
    if blocking:
        first = Step("current-revision", OUT_OF_SYNC, "Check the current schema version", "check", FAIL,
                     f"current: {current}; head: {heads}. " + " ".join(p.message for p in blocking), current_cmd)
    else:
        first = Step("current-revision", OUT_OF_SYNC, "Check the current schema version", "check",
                     PASS if st.at_head else WARN, f"current: {current}; head: {heads}.", current_cmd)
    if blocking:
        second = Step("apply-pending", OUT_OF_SYNC, "Apply any pending migrations", "check", FAIL,
                      "fix the revision problem above before upgrading.", upgrade_cmd)
    elif st.pending or not st.migrated:
        listed = ", ".join(r.revision for r in st.pending)
        second = Step("apply-pending", OUT_OF_SYNC, "Apply any pending migrations", "check", WARN,
                      f"{len(st.pending)} pending: {listed}. Apply them on the Upgrade page (operators) "
                      "or from the command line.", upgrade_cmd)
    else:
        second = Step("apply-pending", OUT_OF_SYNC, "Apply any pending migrations", "check", PASS,
                      "nothing pending.", upgrade_cmd)
    return [first, second]


def _guard_step(verdict: Verdict) -> Step:
    """`make deploy-check`, as the console's one verdict: the guard's checks and the state of upgrades."""
    status = {SAFE: PASS, ACTION: WARN, STOP: FAIL}[verdict.verdict]
    failed = [r.check for r in verdict.reasons if r.status == FAIL]
    warned = [r.check for r in verdict.reasons if r.status == WARN]
    detail = verdict.headline
    if failed:
        detail += f" Failing: {', '.join(failed)}."
    if warned:
        detail += f" Warnings: {', '.join(warned)}."
    return Step("guard-passes", OUT_OF_SYNC, "Verify the deploy guard passes", "check", status, detail,
                "python -m opsconsole guard")


def summary(items: list[Step]) -> dict[str, Any]:
    """Count the live steps by status and name the failing ones."""
    live = [s for s in items if s.kind == "check"]
    return {"failing": [s.id for s in failing(items)], "warnings": [s.id for s in live if s.status == WARN],
            "passing": [s.id for s in live if s.status == PASS], "manual": [s.id for s in items if s.kind == "manual"]}
