"""The one place that runs a managed project's Alembic environment (its env.py and migrations).

    project.py    locate the ini, script_location, sys.path and version table as the authors ship them
    revisions.py  the revision graph read from source (never imported), status and history
    runner.py     one worker process per run of env.py; worker.py is its other end
    intercept.py  the EnvironmentContext.configure wrapper: same database or refuse, our connection
    contain.py    a migration's output and exits stay contained
    steps.py      apply migrations through env.py, one transaction each, with start/finish hooks
    upgrade.py    the guarded upgrade: lock, guard, audit, post-check
    lock.py       the advisory lock and who holds it
    dryrun.py     offline SQL per pending revision
    rehearse.py   pending steps on a schema copy on the embedded server
    drift.py      models vs live database (compare_metadata, nothing written)

Only worker processes (and a single-threaded CLI run) touch Alembic's process-global context/op.
"""

from .dryrun import DryRun, RevisionSQL, dry_run
from .drift import DriftItem, DriftReport, check_drift
from .lock import LOCK_KEY, lock_holder
from .project import Project, load_project
from .rehearse import Rehearsal, rehearse
from .revisions import Graph, Problem, Revision, SchemaStatus, history, load_graph, status
from .upgrade import Step, UpgradeResult, upgrade

__all__ = [
    "LOCK_KEY", "DriftItem", "DriftReport", "DryRun", "Graph", "Problem", "Project", "Rehearsal", "Revision",
    "RevisionSQL", "SchemaStatus", "Step", "UpgradeResult", "check_drift", "dry_run", "history", "load_graph",
    "load_project", "lock_holder", "rehearse", "status", "upgrade",
]
