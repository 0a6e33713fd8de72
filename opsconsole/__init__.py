"""opsconsole: keep one shared PostgreSQL database safe while its Alembic schema changes.

The library is a set of small modules, each importable on its own (imports stay lazy so the CLI
starts fast): settings, db, migrations, drift, analyze, startscript, guard, upgrade, rehearse,
audit, approvals, tenants, auth, signins, inputs, checklist, demo, errors. The CLI (`python -m opsconsole`), the Streamlit pages
and start.sh all call these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "analyze", "approvals", "audit", "auth", "checklist", "db", "demo", "drift", "errors", "guard", "inputs",
    "migrations", "rehearse", "settings", "signins", "startscript", "tenants", "upgrade",
]
