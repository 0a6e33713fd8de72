"""Run a project's Alembic environment in a worker process of its own, one per run.

Alembic's ``context`` and ``op`` are process-global proxies and a project's env.py imports its own
packages (``app``, ``models`` …), prints, exits and allocates. So every run that executes env.py or
a migration (upgrade, dry run, rehearsal, drift compare) happens in a fresh ``python`` process: no
two console sessions share an Alembic context, opsconsole's own top-level modules never shadow the
project's, and whatever the migration code does stays there. The worker streams JSON lines back
(progress, then a result or an error); a worker that dies without a result is reported as such.
Inside a worker (or a one-shot CLI process) the same operations run inline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any

from opsconsole import errors
from opsconsole.errors import MigrationScriptError, OpsConsoleError
from opsconsole.settings import Settings

from .project import Project, load_project

Progress = Callable[[str], None]
_ROOT = str(Path(__file__).resolve().parents[2])
_BOOT = ("import sys; root = sys.argv[1]; sys.path.insert(0, root); "
         "import opsconsole.alembic_env.worker as worker; "
         "sys.path[:] = [p for p in sys.path if p not in (root, '')]; worker.main()")
_state = threading.local()
_inline_process = False


def inline() -> bool:
    """Whether this thread may run env.py itself: inside a worker, or a single-threaded CLI process."""
    return getattr(_state, "inline", False) or (
        _inline_process and threading.current_thread() is threading.main_thread())


def allow_inline_process() -> None:
    """Let a one-shot CLI process run env.py in its main thread instead of starting a worker."""
    global _inline_process
    _inline_process = True


def mark_worker() -> None:
    """Called once by the worker process: everything in it runs inline."""
    _state.inline = True


@contextmanager
def inline_environment(settings: Settings, project: Project) -> Iterator[None]:
    """For one run in a one-shot CLI process: set up what a worker would (paths, folder, app, URL), then undo."""
    if getattr(_state, "inline", False):  # a worker is prepared once, at its start
        yield
        return
    from opsconsole.db import database_url

    saved_path, saved_cwd, saved_url = list(sys.path), os.getcwd(), os.environ.get("DATABASE_URL")
    sys.path[:0] = [str(p) for p in project.sys_paths]
    os.environ["DATABASE_URL"] = plain_url(database_url(settings))
    os.chdir(project.workdir)
    try:
        with app_context(project):
            yield
    finally:
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        if saved_url is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved_url


@contextmanager
def app_context(project: Project) -> Iterator[None]:
    """Build the app from FLASK_APP as `flask db upgrade` would and enter its app context (Flask-Migrate only)."""
    if not project.flask:
        yield
        return
    import_path = os.environ.get("FLASK_APP", "").strip()
    if not import_path:
        raise MigrationScriptError(f"{project.env_py} is a Flask-Migrate env.py (it uses current_app); set FLASK_APP "
                                   "to your app, as for 'flask db upgrade' (e.g. FLASK_APP=app:create_app).")
    try:
        from flask.cli import ScriptInfo
    except ImportError:
        raise MigrationScriptError("this project's env.py needs Flask (Flask-Migrate); install the project's own "
                                   "requirements into opsconsole's environment.") from None
    try:
        app = ScriptInfo(app_import_path=import_path).load_app()
    except BaseException as exc:  # the app factory is the project's code
        from opsconsole.errors import describe

        raise MigrationScriptError(f"FLASK_APP={import_path} did not load: {describe(exc).rstrip('.')}. Set FLASK_APP to the "
                                   "module (and factory) that 'flask db upgrade' uses.") from None
    with app.app_context():
        yield


def run(settings: Settings, op: str, args: dict[str, Any] | None = None, progress: Progress | None = None,
        env_overrides: dict[str, str] | None = None) -> Any:
    """Run one operation of worker.py in a fresh process and return its result (or raise its error)."""
    from opsconsole.db import database_url

    project = load_project(settings)
    url = database_url(settings)
    request = {"op": op, "args": args or {}, "settings": settings_to_dict(settings, url),
               "project": project.to_dict()}
    env = worker_env(url, env_overrides)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        try:
            proc = subprocess.Popen([sys.executable, "-c", _BOOT, _ROOT], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=stderr, cwd=str(project.workdir), env=env,
                                    text=True, encoding="utf-8", errors="replace")
        except OSError as exc:
            raise OpsConsoleError(f"cannot start a worker process ({exc}); check that {sys.executable} runs.") from None
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(request))
            proc.stdin.close()
        except BrokenPipeError:
            pass
        result, error, done = None, None, False
        for line in proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # not ours: the protocol channel carries JSON lines only
            kind = event.get("event")
            if kind == "progress" and progress is not None:
                progress(settings.redact(str(event.get("message", ""))))
            elif kind == "result":
                result, done = event.get("data"), True
            elif kind == "error":
                error, done = event, True
        code = proc.wait()
        if error is not None:
            raise rebuild_error(error, settings)
        if not done:
            stderr.seek(0)
            tail = " ".join(stderr.read().strip().splitlines()[-3:])[-400:]
            raise errors.WorkerDied(
                settings.redact(f"the worker running the project's Alembic environment ({op}) ended with exit code "
                                f"{code} before reporting a result{': ' + tail if tail else ''}. Check the "
                                "migration code (os._exit, a crash, memory) and the database's audit log."),
                exit_status=code)
    return result


def worker_env(url: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The worker's environment: ours, DATABASE_URL as opsconsole normalised it, no console passwords."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPSCONSOLE_VIEWER_PASSWORD", "OPSCONSOLE_OPERATOR_PASSWORD")}
    env["DATABASE_URL"] = plain_url(url)
    env["PYTHONWARNINGS"] = "ignore"
    env.update(overrides or {})
    return env


def plain_url(url: str) -> str:
    """The URL as a person writes it: a socket folder in ``?host=`` unescaped (``%2F`` breaks ini interpolation)."""
    from urllib.parse import unquote

    head, sep, query = url.partition("?")
    return head + sep + unquote(query) if sep else url


def settings_to_dict(settings: Settings, url: str | None = None) -> dict[str, Any]:
    """Settings as JSON for the worker (the URL resolved, so the worker never starts a server)."""
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    if url is not None:
        out["database_url"] = url
    return out


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Rebuild Settings in the worker."""
    kwargs: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name in ("alembic_ini", "start_script", "home") and value is not None:
            value = Path(value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return Settings(**kwargs)


def error_event(exc: BaseException, settings: Settings) -> dict[str, Any]:
    """Describe an exception for the protocol (redacted); anything foreign becomes MigrationCodeError."""
    if isinstance(exc, OpsConsoleError):
        attrs = {k: v for k, v in vars(exc).items() if isinstance(v, (str, int, float, bool, type(None)))}
        return {"event": "error", "type": type(exc).__name__, "message": settings.redact(str(exc)), "attrs": attrs}
    from opsconsole.errors import describe

    return {"event": "error", "type": "MigrationCodeError", "attrs": {},
            "message": settings.redact(f"the project's Alembic environment failed: {describe(exc)}")}


def rebuild_error(event: dict[str, Any], settings: Settings) -> OpsConsoleError:
    """Turn a worker's error event back into the opsconsole exception it was."""
    cls = getattr(errors, str(event.get("type")), None)
    if not (isinstance(cls, type) and issubclass(cls, OpsConsoleError)):
        cls = MigrationScriptError
    exc = cls.__new__(cls)
    Exception.__init__(exc, settings.redact(str(event.get("message", ""))))
    for key, value in (event.get("attrs") or {}).items():
        setattr(exc, key, value)
    return exc

