"""The command line: parse arguments, call one library function, print its result.

Human output by default, `--json` for machines. Exit codes: 0 all well, 1 a problem found (a check
failed, migrations pending, data loss, upgrade refused), 2 could not run (one line on stderr).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

from opsconsole.errors import OpsConsoleError, one_paragraph
from opsconsole.settings import Settings, install_log_redaction, load_settings, redact

Command = Callable[[argparse.Namespace, Settings, TextIO], int]
_MARK = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None,
         inline_process: bool = False) -> int:
    """Run one command and return its exit code; never lets a traceback reach the user.

    Everything written to stdout and stderr passes through the one redaction (`settings.redact`);
    errors are one paragraph without control characters; library warnings stay off stderr.
    `inline_process` (`python -m opsconsole`): this one-shot process runs the project's env.py itself.
    """
    install_log_redaction()
    state: dict[str, Settings | None] = {"settings": None}
    out = _Redacting(stdout or sys.stdout, state)
    err = _Redacting(stderr or sys.stderr, state)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Alembic's and SQLAlchemy's UserWarnings are not for the operator
        return _run(argv, out, err, state, inline_process)


# Commands that never run the project's env.py: they skip importing the runner (start-up time).
_NO_ENV_PY = frozenset({"status", "counts", "analyze"})


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO, state: dict[str, Settings | None],
         inline_process: bool = False) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(argv[0] if argv else None)
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        _error(err, f"{exc}; run 'python -m opsconsole --help' (or COMMAND --help) for usage.")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int) or exc.code is None else 2
    if inline_process and args.command not in _NO_ENV_PY:
        from opsconsole.alembic_env.runner import allow_inline_process

        allow_inline_process()
    try:
        state["settings"] = load_settings()
        with _paused_gc(inline_process and args.command in _NO_GC):
            return args.func(args, state["settings"], out)
    except OpsConsoleError as exc:
        _error(err, str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error(err, "interrupted; nothing more was done — run the command again to finish.")
        return 2
    except BrokenPipeError:  # `… | head`: the reader left; nothing to report to it
        return 0
    except SystemExit as exc:  # migration or project code calling sys.exit() must not end the CLI silently
        _error(err, f"the project's code called sys.exit({exc.code!r}) while opsconsole was reading it; fix that "
                    "code (env.py or a migration) and run the command again.")
        return 2
    except Exception as exc:  # the last line of defence: one line, redacted, no traceback
        if os.environ.get("OPSCONSOLE_DEBUG"):
            raise
        from opsconsole.db import explain_privilege_error

        if state["settings"] is not None and (missing := explain_privilege_error(exc, state["settings"])):
            _error(err, missing)
            return 2
        _error(err, f"unexpected {type(exc).__name__}: {exc} (set OPSCONSOLE_DEBUG=1 for the traceback)")
        return 2


# Commands whose one-shot process (`inline_process`) runs without the cyclic garbage collector (start-up time).
_NO_GC = frozenset({"counts", "guard"})


@contextmanager
def _paused_gc(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector for a one-shot command, then freeze what is alive.

    The process ends after this one command, so collecting gains nothing (peak memory measured
    unchanged) while the collector walks every object that importing SQLAlchemy, Alembic and a
    project's models allocates, again and again: ~25% of `python -m opsconsole guard`'s CPU; for
    `counts`, 14 collections (~2 ms) and ~3 ms for the full one at exit. Afterwards what is alive is
    frozen (gc.freeze), so neither re-enabling nor the exit walks it again. Everywhere else — the
    console, workers, tests calling the CLI in-process — nothing changes.
    """
    if not pause or not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


class _UsageError(Exception):
    """Bad command-line usage (argparse's own message)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing to sys.stderr, so usage errors get the same one-line shape."""

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        raise _UsageError(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout; the terminal's width is read without importing shutil (start-up time)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size()` gives it: COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Redacting(io.TextIOBase):
    """A text stream that redacts every write with the loaded settings' secrets."""

    def __init__(self, target: TextIO, state: dict[str, Settings | None]) -> None:
        self._target, self._state = target, state

    def write(self, text: str) -> int:
        self._target.write(_scrub(text, self._state["settings"]))
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def writable(self) -> bool:
        return True


def _error(err: TextIO, message: str) -> None:
    """Print one error paragraph: redacted, no control characters or terminal escapes, one line."""
    print(f"error: {one_paragraph(message)}", file=err)


class _Skipped:
    """Stands in for the sub-parser of a command that is not being run: its arguments are not built."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        """Ignore the argument."""


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; given the command being run, only its sub-parser is built (start-up time).

    An unknown command or none (`--help`) gets every sub-parser, so usage errors and help list them all.
    """
    parser = _Parser(prog="python -m opsconsole", formatter_class=_Formatter,
                     description="Keep one shared PostgreSQL database safe while its schema changes.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    only = command if command in _COMMANDS else None

    def add(name: str, func: Command, help_text: str, json_flag: bool = True) -> Any:
        if only is not None and name != only:
            return _Skipped()
        p = sub.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON for machines")
        p.set_defaults(func=func)
        return p

    add("status", cmd_status, "Show the database's revision against the scripts' heads and what is pending.")
    add("history", cmd_history, "List every revision (applied, pending, current) and the audit log.")
    p = add("guard", cmd_guard, "Run the deploy guard's checks (what 'make deploy-check' runs).")
    p.add_argument("--strict", action="store_true", help="fail (not warn) when migrations are pending")
    p.add_argument("--check", action="append", metavar="ID", help="run only this check (repeatable)")
    p.add_argument("--start-script", metavar="PATH", help="start script to verify (default OPSCONSOLE_START_SCRIPT)")
    p = add("analyze", cmd_analyze, "Analyse migration .py/.sql files or whole versions/ folders for data loss, "
            "breaking and locking changes (no database needed).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="migration files or folders (e.g. migrations/versions)")
    p.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None,
                   help="output: text (default), json (same as --json), sarif (SARIF 2.1.0), github (annotations)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="seconds a file may take to import and render offline (default 10)")
    p = add("counts", cmd_counts, "Show row counts per tenant and table (estimated from statistics unless --exact).")
    p.add_argument("--exact", action="store_true", help="count rows (COUNT(*) per table) instead of estimating")
    p.add_argument("--table", metavar="T", help="only this table")
    p.add_argument("--tenant", metavar="ID", help="only this tenant id")
    p = add("upgrade", cmd_upgrade, "Apply pending migrations under the lock, guard and audit log.")
    p.add_argument("--to", default="heads", metavar="REV", help="target revision (default: heads)")
    p.add_argument("--by", default=os.environ.get("USER") or "", metavar="NAME", help="who is upgrading (audit log)")
    p.add_argument("--confirm", metavar="REV", help="confirm a data-loss revision by typing its id")
    p.add_argument("--dry-run", action="store_true", help="print the SQL and findings; change nothing")
    p.add_argument("--rehearse", action="store_true", help="rehearse on a scratch copy of the schema first; change nothing")
    p.add_argument("--no-backup", metavar="REV", help="confirm that no backup is taken of REV's data at risk (audited)")
    p = add("approve", cmd_approve, "Record that a data-loss revision was reviewed.")
    p.add_argument("revision", metavar="REV")
    p.add_argument("--by", required=True, metavar="NAME")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p = add("reject", cmd_reject, "Record that a data-loss revision must not be applied as it stands (the upgrade "
            "refuses it until the same file is approved).")
    p.add_argument("revision", metavar="REV")
    p.add_argument("--by", required=True, metavar="NAME")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p = add("backups", cmd_backups, "List the copies of data that data-loss steps destroyed; download or delete one.")
    p.add_argument("--tenant", metavar="ID", help="only backups holding this tenant's rows (what did it lose?)")
    p.add_argument("--csv", type=int, metavar="BACKUP_ID", help="print one backup as CSV")
    p.add_argument("--delete", type=int, metavar="BACKUP_ID", help="delete one backup (audited)")
    p.add_argument("--by", default=os.environ.get("USER") or "", metavar="NAME", help="who deletes (audit log)")
    p = add("restore", cmd_restore, "Put a backup's data back, under the upgrade lock (audited).")
    p.add_argument("backup_id", type=int, metavar="BACKUP_ID")
    p.add_argument("--dry-run", action="store_true", help="say what would be restored and skipped; change nothing")
    p.add_argument("--tenant", metavar="ID", help="restore only this tenant's rows")
    p.add_argument("--by", default=os.environ.get("USER") or "", metavar="NAME", help="who restores (audit log)")
    add("demo", cmd_demo, "Seed the embedded demo database with demo tenants (never touches DATABASE_URL).")
    return parser


_COMMANDS = frozenset({"status", "history", "guard", "analyze", "counts", "upgrade", "approve", "reject", "backups",
                       "restore", "demo"})


def cmd_status(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print schema status; exit 1 when behind, several heads, unknown revision or never migrated."""
    from opsconsole.alembic_env import load_project, status
    from opsconsole.db import bare_read_only, target

    project = load_project(settings)
    with bare_read_only(settings) as conn:  # one version-table read: no SQLAlchemy engine for it
        st = status(settings, conn)
    if args.json:
        return _json(out, {"target": target(settings).to_dict(), "project": project.to_dict(), **st.to_dict()},
                     0 if st.ok else 1)
    _banner(out, settings)
    print(f"project:  {project.located}", file=out)
    print(f"current:  {', '.join(st.current) or '(none — never migrated)'}", file=out)
    print(f"head(s):  {', '.join(st.heads) or '(none)'}", file=out)
    print(f"at head:  {'yes' if st.at_head else 'no'}", file=out)
    for rev in st.pending:
        print(f"pending:  {rev.revision}  {rev.message}", file=out)
    for problem in st.problems:
        print(f"PROBLEM:  {problem.message}", file=out)
    return 0 if st.ok else 1


def cmd_history(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print every revision with its state, plus the audit log."""
    from opsconsole import audit
    from opsconsole.alembic_env import history

    revs = history(settings)
    entries = audit.read_log(settings)
    approvals = audit.read_approvals(settings)
    if args.json:
        return _json(out, {"revisions": [r.to_dict() for r in revs], "audit": [e.to_dict() for e in entries],
                           "approvals": [a.to_dict() for a in approvals]}, 0)
    _banner(out, settings)
    for r in revs:
        labels = f" [{', '.join(r.branch_labels)}]" if r.branch_labels else ""
        parents = ", ".join(r.down_revisions) or "base"
        head = " (head)" if r.is_head else ""
        print(f"{r.state:8} {r.revision}{head}{labels} <- {parents}  {r.created or ''}  {r.message}", file=out)
    if entries:
        print("\naudit log (newest first):", file=out)
        for e in entries:
            error = f"  error: {e.error}" if e.error else ""
            print(f"{e.at:%Y-%m-%d %H:%M:%S} {e.actor:12} {e.action:13} {e.from_rev or 'base'} -> "
                  f"{e.to_rev or '-'}  {e.outcome}  {e.duration_ms if e.duration_ms is not None else '-'} ms{error}",
                  file=out)
    return 0


def cmd_guard(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Run the guard; exit 1 when any check fails."""
    from pathlib import Path

    from opsconsole import guard
    from opsconsole.verdict import STOP, UPGRADE_REASONS, judge

    report = guard.run(settings, strict=args.strict, only=args.check,
                       start_script=Path(args.start_script) if args.start_script else None)
    verdict = None if args.check else judge(settings, report)  # the console's verdict: upgrades' state included
    reachable = report.check("database-reachable")
    code = 2 if reachable is not None and reachable.status == "fail" else report.exit_code  # could not run
    if verdict is not None and verdict.verdict == STOP and code == 0:
        code = 1  # an upgrade that failed or was interrupted still stands
    if args.json:
        data = report.to_dict()
        if verdict is not None:
            data.update(verdict=verdict.verdict, headline=verdict.headline, upgrade=verdict.to_dict()["upgrade"])
        return _json(out, data, code)
    _banner(out, settings)
    for c in report.checks:
        print(f"[{_MARK[c.status]}] {c.id}: {c.summary}", file=out)
        if c.detail and c.status != "pass":
            print(f"       {c.detail}", file=out)
    for f in report.findings:
        print(f"  {f['severity']:9} {f['revision']} {f['rule']}: {f['message']}", file=out)
    for r in verdict.reasons if verdict is not None else ():
        if r.check in UPGRADE_REASONS:
            print(f"[{_MARK[r.status]}] {r.check}: {r.summary}", file=out)
            print(f"       {r.detail}", file=out)
    if verdict is not None:
        print(verdict.headline.replace(verdict.verdict, verdict.verdict.upper(), 1), file=out)
    else:
        advice = {"Safe to publish": "every check passed.",
                  "Action needed": "no check failed, but read the warnings above.",
                  "Do not publish": "fix the failing checks above first."}
        print(f"{report.verdict.upper()}: {advice[report.verdict]}", file=out)
    if code == 2:
        print("could not run: the database is unreachable (exit 2); fix the connection and run the guard again.",
              file=out)
    return code


def cmd_analyze(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Analyse files and folders without a database; exit 1 on any data-loss finding or unreadable file."""
    from opsconsole.analyze import analyze_paths, output

    report = analyze_paths(args.paths, timeout=args.timeout)
    fmt = args.format or ("json" if args.json else "text")
    render = {"text": output.text, "json": output.as_json, "sarif": output.sarif, "github": output.github}[fmt]
    print(render(report), file=out)
    return report.exit_code


def cmd_counts(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print per-tenant row counts."""
    from opsconsole.tenants import counts

    # One call per process: no statistics signature for a shared result nobody would ask for again.
    result = counts(settings, exact=args.exact, table=args.table, tenant=args.tenant, share=False)
    data = result.to_dict(lazy=True)
    # A wide database has 10,000 tenants and up to a million cells: both streamed, a line per item.
    data["tables"] = Items(data["tables"], len(result.tables))
    data["tenants"] = Items(data["tenants"], len(result.tenants))
    if args.json:
        return _json(out, data, 0)
    _banner(out, settings)
    label = "exact counts" if data["mode"] == "exact" else "estimates from PostgreSQL statistics"
    print(f"mode: {label}", file=out)
    if data.get("stats_refreshed_at"):
        print(f"statistics refreshed: {data['stats_refreshed_at']}", file=out)
    print(f"\n{'tenant':>10}  {'name':24} {'test':5} {'rows':>12} {'share':>7}", file=out)
    for t in data["tenants"]:
        share = f"{100 * t['share']:.1f}%" if t.get("share") is not None else "-"
        print(f"{t['tenant_id']!s:>10}  {(t.get('name') or '')[:24]:24} {'yes' if t.get('is_test') else '':5} "
              f"{t['rows']:>12} {share:>7}", file=out)
    print(f"\n{'table':32} {'rows':>12}  status", file=out)
    for t in data["tables"]:
        print(f"{t['table']:32} {t['total'] if t['total'] is not None else '?':>12}  {t['status']}", file=out)
    for warning in data.get("isolation", {}).get("warnings", []):
        print(f"WARNING: {warning}", file=out)
    return 0


def cmd_upgrade(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Run the guarded upgrade (or its dry run / rehearsal)."""
    from opsconsole import alembic_env as up
    from opsconsole.inputs import clean

    args.by = clean(args.by, "name", "--by")
    args.to = clean(args.to, "revision", "--to")
    if args.confirm is not None:
        args.confirm = clean(args.confirm, "revision", "--confirm")
    if args.rehearse:
        from opsconsole.alembic_env import rehearse

        rehearsal = rehearse(settings, target=args.to)
        if args.json:
            return _json(out, rehearsal.to_dict(), 0 if rehearsal.ok else 1)
        _banner(out, settings)
        print(rehearsal.describe(), file=out)
        return 0 if rehearsal.ok else 1
    progress = None if args.json else (lambda msg: print(msg, file=out, flush=True))
    if not args.json:
        _banner(out, settings)
    result = up.upgrade(settings, by=args.by, target=args.to, confirm=args.confirm, dry_run=args.dry_run,
                        progress=progress, no_backup=args.no_backup)
    code = 0 if result.ok and not result.warnings else 1
    if args.json:
        return _json(out, result.to_dict(), code)
    if result.dry_run:
        print(_scrub(result.sql or "-- nothing pending", settings), file=out)
        for f in result.findings:
            print(f"-- {f['severity']} {f['revision']} {f['rule']}: {f['message']}", file=out)
        for line in result.backup.get("summary", []):
            print(f"-- backup: {line}", file=out)
        for warning in result.warnings:
            print(f"-- WARNING: {warning}", file=out)
        return code
    for step in result.steps:
        print(f"applied {step.to_rev} ({step.duration_ms} ms) {step.message}", file=out)
    if not result.steps:
        print("nothing to apply: the database is already at the target", file=out)
    if result.backup.get("taken"):
        print(f"backups taken: {', '.join(map(str, result.backup['taken']))} (python -m opsconsole backups)", file=out)
    for c in result.post_checks:
        print(f"[{_MARK[c['status']]}] {c['id']}: {c['summary']}", file=out)
    print(f"now at: {', '.join(result.final) or 'base'}", file=out)
    return code


def cmd_approve(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Approve a reviewed data-loss revision (bound to its file's current hash)."""
    from opsconsole.approvals import approve_revision
    from opsconsole.inputs import clean

    return _decided(args, out, approve_revision(settings, clean(args.revision, "revision", "REV"),
                                                by=clean(args.by, "name", "--by"),
                                                reason=clean(args.reason, "reason", "--reason")))


def cmd_reject(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Reject a data-loss revision: the guard fails and the upgrade refuses it until the same file is approved."""
    from opsconsole.approvals import reject_revision
    from opsconsole.inputs import clean

    return _decided(args, out, reject_revision(settings, clean(args.revision, "revision", "REV"),
                                               by=clean(args.by, "name", "--by"),
                                               reason=clean(args.reason, "reason", "--reason")))


def _decided(args: argparse.Namespace, out: TextIO, decision: Any) -> int:
    """Print one recorded decision (approval or rejection)."""
    if args.json:
        return _json(out, decision.to_dict(), 0)
    verb = "approved" if decision.decision == "approve" else "rejected"
    print(f"{verb} {decision.revision} by {decision.approved_by} (file sha256 {decision.file_sha256[:12]}…)", file=out)
    return 0


def cmd_backups(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """List backups (or one tenant's), print one as CSV, or delete one."""
    from opsconsole import backup

    if args.csv is not None:
        out.write(backup.backup_csv(settings, args.csv))
        return 0
    if args.delete is not None:
        gone = backup.delete_backup(settings, args.delete, by=args.by)
        if args.json:
            return _json(out, {"deleted": gone.to_dict()}, 0)
        print(f"deleted backup {gone.id} ({gone.table}, {gone.kept}, {gone.rows} row(s))", file=out)
        return 0
    found = backup.list_backups(settings, tenant=args.tenant)
    if args.json:
        return _json(out, {"backups": [b.to_dict() for b in found]}, 0)
    _banner(out, settings)
    if not found:
        print("no backups" + (f" holding rows of tenant {args.tenant}" if args.tenant else ""), file=out)
    for b in found:
        rows = b.tenants.get(args.tenant, 0) if args.tenant else b.rows
        scope = f" of tenant {args.tenant}" if args.tenant else f" ({len(b.tenants)} tenant(s))" if b.tenants else ""
        print(f"{b.id:>5}  {b.revision}  {b.table}  {b.kept}  {rows} row(s){scope}  {backup.human(b.bytes)}  "
              f"by {b.created_by} at {b.created_at:%Y-%m-%d %H:%M:%S %Z}", file=out)
        if b.csv_note:
            print(f"       CSV caveat: {b.csv_note}", file=out)
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Restore one backup (or report what a restore would do)."""
    from opsconsole import backup

    result = backup.restore(settings, args.backup_id, by=args.by, dry_run=args.dry_run, tenant=args.tenant)
    if args.json:
        return _json(out, result.to_dict(), 0)
    _banner(out, settings)
    print(result.describe(), file=out)
    for warning in result.warnings:
        print(f"WARNING: {warning}", file=out)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Seed the embedded demo database."""
    from opsconsole.demo import seed

    result = seed(settings)
    if args.json:
        return _json(out, result.to_dict(), 0)
    _banner(out, settings)
    print(("seeded: " if result.inserted else "already seeded: ") +
          ", ".join(f"{t} {n}" for t, n in result.rows.items()), file=out)
    return 0


def _banner(out: TextIO, settings: Settings) -> None:
    from opsconsole.db import target

    where = target(settings)
    if where.embedded:
        print(f"database: EMBEDDED DEMO DATABASE ({where.url}) — set DATABASE_URL to use yours", file=out)
    else:
        print(f"database: {where.url}", file=out)


def _json(out: TextIO, data: Any, code: int) -> int:
    """Print `data` as indented JSON with every string redacted.

    A top-level value that is `Items` (a lazy array: `counts` on a wide database has a million
    cells) is written item by item, one compact line per item, in ~64 KB writes of whole lines — so the
    text never exists whole and the stream's own redaction still sees each line in one piece.
    """
    data = _redact_data(data)
    if not isinstance(data, dict) or not any(isinstance(v, Items) for v in data.values()):
        print(json.dumps(data, indent=2, default=str), file=out)
        return code
    pieces: list[str] = ["{"]
    size = 0
    for i, (key, value) in enumerate(data.items()):
        pieces.append(f"{',' if i else ''}\n  {json.dumps(key)}: ")
        if not isinstance(value, Items):
            pieces.append(json.dumps(value, indent=2, default=str).replace("\n", "\n  "))
            continue
        if not len(value):
            pieces.append("[]")
            continue
        pieces.append("[")
        for j, item in enumerate(value):
            line = json.dumps(item, default=str)  # compact: json's C encoder, ~20× faster than indenting
            pieces.append(f"{',' if j else ''}\n    {line}")
            size += len(line)
            if size >= _JSON_PIECE:
                out.write("".join(pieces))
                pieces, size = [], 0
        pieces.append("\n  ]")
    pieces.append("\n}\n")
    out.write("".join(pieces))
    return code


_JSON_PIECE = 1 << 16


class Items(list):  # type: ignore[type-arg]
    """A JSON array produced while it is written: json's encoder only asks its length and iterates it once."""

    def __init__(self, items: Iterable[Any], length: int) -> None:
        super().__init__()
        self._items, self._length = items, length

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return self._length


def _redact_data(data: Any, memo: dict[str, str] | None = None) -> Any:
    """Redact every string inside JSON-bound data (the stream redacts the text again); lazily for `Items`.

    `memo` remembers each distinct string's redaction: tenant ids repeat in every table.
    """
    memo = {} if memo is None else memo
    if isinstance(data, str):
        done = memo.get(data)
        if done is None:
            done = memo[data] = redact(data)
        return done
    if isinstance(data, dict):
        return {k: _redact_data(v, memo) for k, v in data.items()}
    if isinstance(data, Items):
        return Items(_redact_items(data, memo), len(data))
    if isinstance(data, (list, tuple)):
        return [_redact_data(v, memo) for v in data]
    return data


def _redact_items(items: Iterable[Any], memo: dict[str, str], batch: int = 20_000) -> Iterator[Any]:
    """Redact a lazy array's items a batch (~`batch` strings) at a time: one `redact` call for a clean batch.

    A string that `redact` changes holds a URL ("://"), a password keyword ("pass") or a known secret.
    When no string of the batch holds either of the first two, their newline-joined text is redacted
    once: unchanged means no known secret is in any of them (a secret inside one string is inside the
    join). Otherwise every string of the batch is redacted on its own, as for any other data.
    """
    it = iter(items)
    while True:
        chunk: list[Any] = []
        strings: list[str] = []
        for item in it:
            chunk.append(item)
            _strings(item, strings)
            if len(strings) >= batch:
                break
        if not chunk:
            return
        joined = "\n".join(strings)
        if "://" in joined or "pass" in joined.lower() or redact(joined) != joined:
            chunk = [_redact_data(item, memo) for item in chunk]
        yield from chunk


def _strings(data: Any, found: list[str]) -> None:
    """Collect every string inside JSON-bound data (dict keys are ours and never secret)."""
    if isinstance(data, str):
        found.append(data)
    elif isinstance(data, dict):
        for value in data.values():
            _strings(value, found)
    elif isinstance(data, (list, tuple)):
        for value in data:
            _strings(value, found)


def _scrub(text: str, settings: Settings | None) -> str:
    return (settings or Settings()).redact(text)
