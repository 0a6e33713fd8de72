"""Migration-safety analyzer: rules over rendered SQL (pglast) and over ``upgrade()`` source (ast).

A migration file is rendered offline to PostgreSQL SQL and parsed by the real PostgreSQL parser;
its ``upgrade()`` source is read too, for what offline rendering cannot see (data steps through
``op.get_bind()``, dynamic SQL, code behind ``context.is_offline_mode()``) and for everything when
the file's imports fail offline. Data loss is judged by what PostgreSQL does: a statement loses data
when it deletes rows or values or silently changes stored values; a cast that raises on a bad value
is *breaking* (the upgrade stops), not data loss. Heavy imports (pglast, alembic) happen inside
functions so importing this package stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from opsconsole.errors import AnalysisError

from .lines import locate, suppress
from .python_rules import analyze_python, module_revision, parse_python, upgrade_function
from .render import DEFAULT_TIMEOUT, render
from .report import MAX_BYTES, AnalysisReport, FileReport, analyze_one, analyze_paths
from .rules import RULES, SEVERITIES, Finding, Rule, finding, merge
from .sql_rules import SqlAnalyzer

__all__ = [
    "RULES",
    "SEVERITIES",
    "AnalysisReport",
    "FileReport",
    "Finding",
    "Rule",
    "analyze_file",
    "analyze_migration_file",
    "analyze_one",
    "analyze_paths",
    "analyze_python",
    "analyze_sql",
    "has_data_loss",
    "render_upgrade_sql",
]


def analyze_sql(sql: str, revision: str | None = None, existing_tables: set[str] | None = None) -> list[Finding]:
    """Find unsafe statements in PostgreSQL ``sql``; ``existing_tables`` limits index-lock findings."""
    analyzer = SqlAnalyzer(revision, existing_tables)
    analyzer.line_from_sql = True
    return suppress(analyzer.run(sql, strict=True), sql)


def render_upgrade_sql(path: str | Path) -> tuple[str | None, str]:
    """Render a migration file's ``upgrade()`` to PostgreSQL SQL offline; return (revision, sql)."""
    path = _existing(path)
    tree = parse_python(_read(path), str(path))
    rendered = render(path, module_revision(tree))
    sql = rendered.sql
    if rendered.error:
        reason = rendered.error.replace("\n", " ")
        sql += f"\n-- opsconsole: offline rendering stopped here: {reason}\n"
    return rendered.revision, sql


def analyze_migration_file(path: str | Path, timeout: float = DEFAULT_TIMEOUT) -> list[Finding]:
    """Render and read one Alembic migration file; return its findings, each step reported once."""
    return list(_analyze_file_report(_existing(path), timeout, require_py=True).findings)


def analyze_file(path: str | Path) -> list[Finding]:
    """Analyse a migration ``.py`` file or a ``.sql`` file, raising AnalysisError if it cannot be read."""
    return list(_analyze_file_report(_existing(path), DEFAULT_TIMEOUT).findings)


def has_data_loss(findings: list[Finding]) -> bool:
    """Return True if any finding that is not suppressed loses data."""
    return any(f.severity == "data-loss" and not f.suppressed for f in findings)


def _analyze_file_report(path: Path, timeout: float, require_py: bool = False) -> FileReport:
    """Analyse one file, raising AnalysisError when it cannot be analysed at all."""
    path = _existing(path)
    suffix = path.suffix.lower()
    if suffix == ".sql" and not require_py:
        sql = _read(path)
        try:
            return FileReport(str(path), None, tuple(analyze_sql(sql)), rendered="sql")
        except AnalysisError as exc:
            raise AnalysisError(f"{path}: {exc}") from None
    if suffix != ".py":
        raise AnalysisError(f"{path}: cannot analyse a {suffix or 'extension-less'} file; "
                            "pass an Alembic migration (.py) or a SQL script (.sql)")
    source = _read(path)
    tree = parse_python(source, str(path))
    if upgrade_function(tree) is None:
        raise AnalysisError(f"{path}: no upgrade() function, so this is not an Alembic migration file; "
                            "pass a migration from the versions/ folder or a .sql file")
    rendered = render(path, module_revision(tree), timeout)
    revision = rendered.revision or module_revision(tree)
    analyzer = SqlAnalyzer(revision, known_types=rendered.existing_types)
    analyzer.already_nullable = set(rendered.already_nullable)
    sql_findings = analyzer.run(rendered.sql, strict=False)
    source_findings = analyze_python(source, revision, tree)
    findings = merge(sql_findings, source_findings)
    found: tuple[str, ...] = ()
    state = "yes"
    if rendered.error:
        state = "no" if not rendered.sql.strip() else "partly"
        ranked = sorted((f for f in source_findings if f.severity != "info"), key=lambda f: SEVERITIES.index(f.severity))
        found = tuple(f"{f.severity} {f.rule} {f.object or ''}".strip() for f in ranked) or ("nothing unsafe",)
        findings.append(finding("offline-render-failed", revision, None, None,
                                f"{'not rendered' if state == 'no' else 'rendering stopped early'} offline "
                                f"({rendered.error}); checked from the source instead, which found: "
                                f"{'; '.join(found)}. Rehearse the upgrade to run every step"))
    findings = suppress(locate(findings, tree), source)
    return FileReport(str(path), revision, tuple(findings), state, rendered.error, found, None, rendered.printed)


def _existing(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "does not exist"
        raise AnalysisError(f"{path} {what}; pass the path of a migration .py or .sql file")
    return path


def _read(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AnalysisError(f"{path}: the file is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:g} MB a "
                                "migration can be reviewed at; split it, or review it by hand and approve it")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnalysisError(f"{path}: cannot read the file ({exc}); it is not a text migration — check its "
                            "encoding (UTF-8) or remove it from the folder") from exc
