"""Downloads for people: the verdict report and the audit log as CSV, redacted and safe to open in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel, LibreOffice and
Google Sheets; migration messages and errors are untrusted text, so such cells get a leading quote
(OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from opsconsole.settings import Settings

if TYPE_CHECKING:
    from opsconsole.audit import AuditEntry
    from opsconsole.verdict import Verdict

VERDICT_COLUMNS = ("check", "status", "summary", "detail", "what to do")
AUDIT_COLUMNS = ("when (UTC)", "who", "action", "from revision", "to revision", "duration (ms)", "outcome",
                 "error", "decision details", "SQL sha256")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object, settings: Settings | None = None) -> str:
    """One CSV cell: redacted, never None, and quoted out of formula evaluation."""
    if value is None:
        return ""
    text = (settings or Settings()).redact(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]], settings: Settings | None = None) -> str:
    """Write a header and rows as CSV text, every cell through safe_cell()."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v, settings) for v in row])
    return out.getvalue()


def verdict_csv(verdict: Verdict, settings: Settings | None = None) -> str:
    """The verdict report: a first row with the verdict and when it was checked, then one row per reason."""
    first = ("verdict", verdict.verdict, verdict.headline, f"checked at {verdict.checked_at:%Y-%m-%d %H:%M:%S %Z}",
             "")
    rows = [(r.check, r.status, r.summary, r.detail, r.next_step) for r in verdict.reasons]
    return to_csv(VERDICT_COLUMNS, [first, *rows], settings)


def audit_csv(entries: Iterable[AuditEntry], settings: Settings | None = None) -> str:
    """The audit log as CSV, newest first, times in UTC (a spreadsheet has no viewer time zone)."""
    rows = [(f"{e.at.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.from_rev or "base",
             e.to_rev or "", e.duration_ms, e.outcome, e.error or "", decision_summary(e.details),
             e.sql_sha256 or "") for e in entries]
    return to_csv(AUDIT_COLUMNS, rows, settings)


def decision_summary(details: dict[str, Any] | None) -> str:
    """One sentence for an approval, rejection or typed confirmation: the file's hash and what was at risk."""
    if not details:
        return ""
    said = [f"file sha256 {str(details.get('file_sha256') or '?')[:12]}…"]
    if details.get("typed"):
        said.append(f"typed '{details['typed']}'")
    if details.get("reason"):
        said.append(f"reason: {details['reason']}")
    rows, tenants = details.get("rows_at_risk"), details.get("tenants_at_risk")
    if rows is not None:
        split = _real_and_test(details.get("findings") or [])
        said.append(f"{rows:,} row(s) of {tenants if tenants is not None else '?'} tenant(s) at risk{split}")
    elif details.get("note"):
        said.append(str(details["note"]))
    return "; ".join(said) + "."


def _real_and_test(findings: list[dict[str, Any]]) -> str:
    """' (610 real, 162 test)' from the findings' measured risk, or '' when it was not split."""
    real = sum((f.get("risk") or {}).get("real_rows") or 0 for f in findings)
    test = sum((f.get("risk") or {}).get("test_rows") or 0 for f in findings)
    return f" ({real:,} real, {test:,} test)" if real or test else ""


def between(entries: Iterable[AuditEntry], first: date | None, last: date | None,
            zone: tzinfo = timezone.utc) -> list[AuditEntry]:
    """Entries whose day, in `zone` (the viewer's), lies from `first` to `last` inclusive; None is open-ended."""
    def day(at: datetime) -> date:
        return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(zone).date()

    return [e for e in entries if (first is None or day(e.at) >= first) and (last is None or day(e.at) <= last)]
