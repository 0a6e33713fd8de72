"""Print an AnalysisReport for people (a summary table, then each file's findings) and for CI.

``sarif`` is SARIF 2.1.0 (code scanning), ``github`` is GitHub Actions workflow commands
(``::error file=…,line=…::``) so a pull request marks the line of the migration. Untrusted text
(messages quote migration code) is escaped for each format, never interpreted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .report import AnalysisReport, FileReport
from .rules import RULES, SEVERITIES

_LEVEL_SARIF = {"data-loss": "error", "breaking": "warning", "locking": "warning", "info": "note"}
_LEVEL_GITHUB = {"data-loss": "error", "breaking": "warning", "locking": "warning", "info": "notice"}
_SHORT = {"data-loss": "loss", "breaking": "break", "locking": "lock", "info": "info"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def display_path(path: str) -> str:
    """Return ``path`` relative to the working directory when it is inside it (what CI annotations need)."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else path
    except ValueError:  # another drive on Windows
        return path


def text(report: AnalysisReport) -> str:
    """Return the human report: one summary row per file, totals, then every file's findings."""
    rows = [f"{'file':60} {'rendered':8} " + " ".join(f"{_SHORT[s]:>5}" for s in SEVERITIES) + " suppr"]
    for f in report.files:
        counts = f.counts()
        rows.append(f"{_clip(display_path(f.path), 60):60} {f.rendered:8} "
                    + " ".join(f"{counts[s]:5}" for s in SEVERITIES) + f" {counts['suppressed']:5}")
    s = report.summary()
    rows.append(f"\n{s['files']} file(s): {s['data_loss_files']} lose data, {s['not_rendered']} not (fully) rendered "
                f"offline (their source was read instead), {s['errors']} could not be analysed; "
                f"median {s['median_ms']} ms per file")
    for f in report.files:
        rows.extend(_file_lines(f))
    return "\n".join(rows)


def _file_lines(f: FileReport) -> list[str]:
    shown = [x for x in f.findings if x.rule != "offline-render-failed"]
    if not shown and f.rendered in ("yes", "sql") and f.error is None:
        return []
    out = [f"\n{display_path(f.path)}" + (f"  (revision {f.revision})" if f.revision else "")]
    if f.error:
        out.append(f"  ERROR: {f.error}")
    elif f.rendered in ("no", "partly"):
        out.append(f"  {'not rendered' if f.rendered == 'no' else 'rendering stopped early'} offline: {f.render_error}")
        out.append(f"  the source reading found instead: {'; '.join(f.source_found)}")
    if f.printed:
        out.append(f"  the migration printed {f.printed} character(s) while rendering (captured, not shown)")
    for x in shown:
        if f.error and x.rule == "unanalysable":
            continue
        where = f"line {x.line}" if x.line else "line ?"
        head = f"  {x.severity:9} {x.rule} ({where})"
        if x.suppressed:
            head += f" SUPPRESSED: {x.suppressed}"
        out.append(f"{head}: {x.message}")
        if x.statement:
            out.append(f"            {x.statement.strip().splitlines()[0][:110]}")
        if x.check_sql:
            out.append(f"            check first: {x.check_sql}")
        if x.hint and not x.suppressed:
            out.append(f"            fix: {x.hint}")
    return out


def _clip(text_: str, width: int) -> str:
    return text_ if len(text_) <= width else "…" + text_[-(width - 1):]


def as_json(report: AnalysisReport) -> str:
    """Return the report as JSON (summary, per-file reports, and every finding with its file)."""
    return json.dumps(report.to_dict(), indent=2)


def sarif(report: AnalysisReport) -> str:
    """Return the report as a SARIF 2.1.0 log with one run; suppressed findings carry their justification."""
    used = sorted({x.rule for f in report.files for x in f.findings})
    rules = [{"id": r, "name": r, "shortDescription": {"text": RULES[r].summary},
              "help": {"text": RULES[r].hint},
              "defaultConfiguration": {"level": _LEVEL_SARIF[RULES[r].severity]},
              "properties": {"severity": RULES[r].severity}} for r in used]
    index = {r: i for i, r in enumerate(used)}
    results = []
    for f in report.files:
        for x in f.findings:
            result: dict = {
                "ruleId": x.rule, "ruleIndex": index[x.rule], "level": _LEVEL_SARIF[x.severity],
                "message": {"text": x.message + (f" Fix: {x.hint}" if x.hint else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": display_path(f.path)},
                    "region": {"startLine": max(1, x.line or 1)}}}],
                "properties": {"severity": x.severity, "object": x.object, "revision": x.revision},
            }
            if x.suppressed:
                result["suppressions"] = [{"kind": "inSource", "justification": x.suppressed}]
            results.append(result)
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "opsconsole", "rules": rules}},
        "results": results,
    }]}
    return json.dumps(log, indent=2)


def github(report: AnalysisReport) -> str:
    """Return GitHub Actions workflow commands, one per active finding, on the migration's line."""
    out = []
    for f in report.files:
        for x in f.findings:
            if x.suppressed:
                continue
            props = f"file={_prop(display_path(f.path))},line={max(1, x.line or 1)},title={_prop(f'{x.severity} {x.rule}')}"
            out.append(f"::{_LEVEL_GITHUB[x.severity]} {props}::{_data(x.message + ' Fix: ' + x.hint)}")
    s = report.summary()
    out.append(f"opsconsole analyze: {s['files']} file(s), {s['data_loss_files']} lose data, "
               f"{s['not_rendered']} not rendered offline, {s['errors']} could not be analysed")
    return "\n".join(out)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
