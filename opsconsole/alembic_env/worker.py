"""The worker process: run one operation on a project's Alembic environment and report as JSON lines.

Started by runner.run() as ``python -c …`` with opsconsole importable but its folder removed from
``sys.path`` (so its ``app.py`` and ``models/`` never shadow the project's), the project's own paths
first and the working directory where a user would run ``alembic`` (or ``flask db``). File
descriptor 1 is kept for the protocol; anything the project's code writes goes to stderr, which the
parent keeps out of its own output.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

from opsconsole.settings import Settings

from . import runner
from .project import Project

Operation = Callable[[Settings, Project, dict[str, Any], Callable[[str], None]], Any]


def _operations() -> dict[str, Operation]:
    from .drift import drift_here
    from .dryrun import dry_run_here
    from .upgrade import apply_here, upgrade_here

    return {"upgrade": upgrade_here, "apply": apply_here, "drift": drift_here, "dry_run": dry_run_here}


def main() -> None:
    """Read one request from stdin, run it, write progress and the result (or error) to the protocol fd."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # the project's prints (Python or C level) land on stderr, never in the protocol
    sys.stdout = sys.stderr
    runner.mark_worker()

    def emit(event: dict[str, Any]) -> None:
        protocol.write(json.dumps(event, default=str) + "\n")
        protocol.flush()

    request = json.loads(sys.stdin.read())
    settings = runner.settings_from_dict(request["settings"])
    try:
        project = Project.from_dict(request["project"])
        prepare(project)
        operation = _operations()[request["op"]]
        result = operation(settings, project, request.get("args") or {},
                           lambda message: emit({"event": "progress", "message": settings.redact(message)}))
        emit({"event": "result", "data": result})
    except BaseException as exc:  # everything, SystemExit and KeyboardInterrupt included, is reported
        emit(runner.error_event(exc, settings))
    finally:
        protocol.flush()
        os._exit(0)  # skip interpreter teardown: the project's atexit hooks and threads are not ours


def prepare(project: Project) -> None:
    """Put the project's folders first on sys.path and enter its Flask app context when env.py needs one."""
    for path in reversed(project.sys_paths):
        sys.path.insert(0, str(path))
    runner.app_context(project).__enter__()  # for the worker's whole (short) life
