"""opsconsole: keep one shared PostgreSQL database safe while its Alembic schema changes.

The library is a set of small modules, each importable on its own (imports stay lazy so the CLI
starts fast): settings, db, alembic_env (the one place that runs a project's Alembic environment),
analyze, startscript, guard,
owntables (creates its own tables), audit, approvals, backup, tenants, auth, signins, inputs, checklist, contain, demo, errors, verdict (the
one verdict every page and the CLI show), reports (CSV downloads). The CLI (`python -m opsconsole`), the Streamlit pages
and start.sh all call these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "alembic_env", "analyze", "approvals", "audit", "auth", "backup", "checklist", "contain", "db", "demo", "errors",
    "guard", "inputs", "owntables", "preflight", "reports", "sessions", "settings", "shared", "signins", "startscript",
    "tenants", "ticks", "verdict",
]
