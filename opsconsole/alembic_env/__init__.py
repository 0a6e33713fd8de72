"""The one place that runs a managed project's Alembic environment (its env.py and migrations).

    project.py    locate the ini, script_location, sys.path and version table as the authors ship them
    revisions.py  the revision graph read from source (never imported), status and history
    runner.py     one worker process per run of env.py; worker.py is its other end
    intercept.py  the EnvironmentContext.configure wrapper: same database or refuse, our connection
    steps.py      apply migrations through env.py, one transaction each, with start/finish hooks
    upgrade.py    the guarded upgrade: lock, guard, audit, post-check
    lock.py       the advisory lock and who holds it
    dryrun.py     offline SQL per pending revision
    rehearse.py   pending steps on a schema copy on the embedded server
    drift.py      models vs live database (compare_metadata, nothing written)

Only worker processes (and a single-threaded CLI run) touch Alembic's process-global context/op.

The names below are imported on first use (PEP 562): `status` must not pay for SQLAlchemy, Alembic
and the upgrade machinery it never calls, and `python -m opsconsole` imports `runner` on every run.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

# public name -> the submodule defining it
_EXPORTS = {
    "DryRun": "dryrun", "RevisionSQL": "dryrun", "dry_run": "dryrun",
    "DriftItem": "drift", "DriftReport": "drift", "check_drift": "drift",
    "LOCK_KEY": "lock", "lock_holder": "lock",
    "Project": "project", "load_project": "project",
    "Rehearsal": "rehearse", "rehearse": "rehearse",
    "Graph": "revisions", "Problem": "revisions", "Revision": "revisions", "SchemaStatus": "revisions",
    "history": "revisions", "load_graph": "revisions", "status": "revisions",
    "Step": "upgrade", "UpgradeResult": "upgrade", "upgrade": "upgrade",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .drift import DriftItem, DriftReport, check_drift
    from .dryrun import DryRun, RevisionSQL, dry_run
    from .lock import LOCK_KEY, lock_holder
    from .project import Project, load_project
    from .rehearse import Rehearsal, rehearse
    from .revisions import Graph, Problem, Revision, SchemaStatus, history, load_graph, status
    from .upgrade import Step, UpgradeResult, upgrade


def __getattr__(name: str) -> Any:
    """Import the submodule that defines `name` on first access (module-level lazy export)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(ModuleType):
    """Keep `alembic_env.upgrade` / `.rehearse` the functions, as the eager imports had them.

    Importing a submodule binds it on its package; for the two submodules named like the function
    they define, bind that function instead, whichever is imported first.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
