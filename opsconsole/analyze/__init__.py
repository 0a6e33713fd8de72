"""Migration-safety analyzer: rules over rendered SQL (pglast) and over ``upgrade()`` source (ast).

A migration file is rendered offline to PostgreSQL SQL and parsed by the real PostgreSQL parser;
its ``upgrade()`` source is read too, for what offline rendering cannot see (data steps through
``op.get_bind()``, dynamic SQL, code behind ``context.is_offline_mode()``). Heavy imports (pglast,
alembic) happen inside functions so importing this package stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from opsconsole.errors import AnalysisError

from .python_rules import analyze_python, module_revision, parse_python, upgrade_function
from .render import render
from .rules import RULES, SEVERITIES, Finding, Rule, finding, merge
from .sql_rules import SqlAnalyzer

__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "analyze_file",
    "analyze_migration_file",
    "analyze_python",
    "analyze_sql",
    "has_data_loss",
    "render_upgrade_sql",
]


def analyze_sql(sql: str, revision: str | None = None, existing_tables: set[str] | None = None) -> list[Finding]:
    """Find unsafe statements in PostgreSQL ``sql``; ``existing_tables`` limits index-lock findings."""
    return SqlAnalyzer(revision, existing_tables).run(sql, strict=True)


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


def analyze_migration_file(path: str | Path) -> list[Finding]:
    """Render and read one Alembic migration file; return its findings, each step reported once."""
    path = _existing(path)
    source = _read(path)
    tree = parse_python(source, str(path))
    if upgrade_function(tree) is None:
        raise AnalysisError(f"{path}: no upgrade() function, so this is not an Alembic migration file; "
                            "pass a migration from the versions/ folder or a .sql file")
    rendered = render(path, module_revision(tree))
    revision = rendered.revision
    sql_findings = SqlAnalyzer(revision, known_types=rendered.existing_types).run(rendered.sql, strict=False)
    if rendered.error:
        sql_findings.append(finding("offline-render-failed", revision, None, None,
                                    f"offline rendering stopped ({rendered.error}); the steps after it were "
                                    "checked from the source only — rehearse the upgrade to run them"))
    return merge(sql_findings, analyze_python(source, revision))


def analyze_file(path: str | Path) -> list[Finding]:
    """Analyse a migration ``.py`` file or a ``.sql`` file, raising AnalysisError if it cannot be read."""
    path = _existing(path)
    suffix = path.suffix.lower()
    if suffix == ".py":
        return analyze_migration_file(path)
    if suffix == ".sql":
        return analyze_sql(_read(path))
    raise AnalysisError(f"{path}: cannot analyse a {suffix or 'extension-less'} file; "
                        "pass an Alembic migration (.py) or a SQL script (.sql)")


def has_data_loss(findings: list[Finding]) -> bool:
    """Return True if any finding loses data."""
    return any(f.severity == "data-loss" for f in findings)


def _existing(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "does not exist"
        raise AnalysisError(f"{path} {what}; pass the path of a migration .py or .sql file")
    return path


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnalysisError(f"{path}: cannot read the file ({exc}); check its permissions and encoding") from exc
