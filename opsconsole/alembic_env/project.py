"""Locate a managed Alembic project as its authors ship it: ini, script location, sys.path, version table.

Relative paths in the ini resolve against the ini's folder — where a user runs ``alembic`` — never
against opsconsole's working directory; a packaged project (the ini inside the package, its
``script_location`` relative to the repository root) is found by trying the ini's parents, and a
Flask-Migrate project (no ``script_location``) by the ini's own folder. Nothing here imports or runs
the project's code, so it is cheap and safe to call from any session thread.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opsconsole.errors import MigrationScriptError
from opsconsole.settings import Settings

_cache: dict[str, tuple[Any, Any, Project]] = {}
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class Project:
    """Where a project's Alembic environment lives and how to run it like its authors do."""

    ini: Path
    script_location: Path
    version_locations: tuple[Path, ...]
    recursive: bool
    sys_paths: tuple[Path, ...]
    workdir: Path
    located: str  # how script_location was found, said to the user
    version_table: str = "alembic_version"
    version_table_schema: str | None = None
    flask: bool = False

    @property
    def env_py(self) -> Path:
        """The project's env.py."""
        return self.script_location / "env.py"

    @property
    def qualified_version_table(self) -> str:
        """The version table as SQL: quoted schema and name."""
        name = f'"{self.version_table}"'
        return f'"{self.version_table_schema}".{name}' if self.version_table_schema else name

    def to_dict(self) -> dict[str, Any]:
        """Return the project's location as plain data."""
        return {"ini": str(self.ini), "script_location": str(self.script_location),
                "version_locations": [str(p) for p in self.version_locations], "recursive": self.recursive,
                "sys_paths": [str(p) for p in self.sys_paths], "workdir": str(self.workdir),
                "located": self.located, "version_table": self.version_table,
                "version_table_schema": self.version_table_schema, "flask": self.flask}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Project:
        """Rebuild a Project from to_dict() (the worker receives it this way)."""
        return cls(ini=Path(data["ini"]), script_location=Path(data["script_location"]),
                   version_locations=tuple(Path(p) for p in data["version_locations"]),
                   recursive=data["recursive"], sys_paths=tuple(Path(p) for p in data["sys_paths"]),
                   workdir=Path(data["workdir"]), located=data["located"], version_table=data["version_table"],
                   version_table_schema=data["version_table_schema"], flask=data["flask"])


def load_project(settings: Settings) -> Project:
    """Locate the managed project (cached until alembic.ini or env.py changes)."""
    ini = Path(settings.alembic_ini).absolute()
    key = str(ini)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None and cached[0] == _stamp(ini) and cached[1] == _stamp(cached[2].env_py):
        return cached[2]
    project = _locate(ini)
    with _cache_lock:
        _cache[key] = (_stamp(ini), _stamp(project.env_py), project)
    return project


def alembic_config(project: Project, url: str | None = None) -> Any:
    """Return an Alembic Config for the project with every path made absolute (and our URL, if given)."""
    from alembic.config import Config

    config = Config(str(project.ini))
    config.set_main_option("script_location", _escape(str(project.script_location)))
    if url is not None:
        from .runner import plain_url

        config.set_main_option("sqlalchemy.url", _escape(plain_url(url)))
    return config


def _locate(ini: Path) -> Project:
    if not ini.is_file():
        raise MigrationScriptError(f"Alembic config {ini} not found; set OPSCONSOLE_ALEMBIC_INI to the path of "
                                   "your project's alembic.ini (Flask-Migrate: migrations/alembic.ini).")
    try:
        location, versions_opt, prepend, recursive = _read_ini(ini)
    except (OSError, UnicodeDecodeError, configparser.Error, ValueError) as exc:  # a malformed or unreadable file
        raise MigrationScriptError(f"cannot read {ini}: {type(exc).__name__}: {str(exc).splitlines()[0]}. "
                                   "Fix the file or point OPSCONSOLE_ALEMBIC_INI at another.") from None
    here = ini.parent
    flask = False
    if not location:
        if not (here / "env.py").is_file():
            raise MigrationScriptError(f"{ini} has no script_location under [alembic] and its folder holds no "
                                       "env.py; add 'script_location = <folder with env.py>'.")
        script_location, base, how = here, here.parent, f"{here} (the ini's own folder holds env.py)"
        flask = True
    else:
        script_location, base, how = _resolve_location(location, here, ini)
    if not flask:
        flask = _uses_flask(script_location / "env.py")
    versions = tuple(_absolute(v, base) for v in versions_opt) if versions_opt else (script_location / "versions",)
    missing = [v for v in versions if not v.is_dir()]
    if missing:
        raise MigrationScriptError(f"the migration folder {missing[0]} does not exist; create it or fix "
                                   f"version_locations in {ini}.")
    sys_paths = tuple(dict.fromkeys([_absolute(p, here) for p in prepend] + [base]))
    table, schema = version_table_of(script_location / "env.py")
    return Project(ini=ini, script_location=script_location, version_locations=versions, recursive=recursive,
                   sys_paths=sys_paths, workdir=base, located=how, version_table=table,
                   version_table_schema=schema, flask=flask)


def _read_ini(ini: Path) -> tuple[str | None, list[str], list[str], bool]:
    """Read the [alembic] options Alembic's Config would (``%(here)s``, ``path_separator``), without importing it.

    Importing Alembic costs more than the rest of ``status``; these four options are all we need.
    """
    parser = configparser.ConfigParser(defaults={"here": str(ini.parent.absolute())})
    with ini.open(encoding="utf-8") as fh:
        parser.read_file(fh)
    section = "alembic"

    def option(name: str) -> str | None:
        return parser.get(section, name, fallback=None) if parser.has_section(section) else None

    separator = (option("path_separator") or option("version_path_separator") or "").strip()
    return (option("script_location"), _split(option("version_locations"), separator, legacy=" ,"),
            _split(option("prepend_sys_path"), separator, legacy=" ,:"),
            parser.getboolean(section, "recursive_version_locations", fallback=False)
            if parser.has_section(section) else False)


def _split(value: str | None, separator: str, legacy: str) -> list[str]:
    """Split a path list as Alembic does: by path_separator, or (legacy) on spaces, commas (and colons)."""
    if not value:
        return []
    named = {"os": os.pathsep, "space": " ", "newline": "\n", ";": ";", ":": ":", ",": ","}
    if separator in named:
        parts = value.split(named[separator]) if separator != "space" else value.split()
    else:
        parts = re.split(f"[{re.escape(legacy)}\\s]+", value)
    return [p.strip() for p in parts if p.strip()]


def _resolve_location(location: str, here: Path, ini: Path) -> tuple[Path, Path, str]:
    """Return (script folder, the folder a user would run alembic from, how it was found)."""
    if ":" in location and not Path(location).is_absolute() and not location[1:3] == ":\\":
        package, _, sub = location.partition(":")
        for root in [here, *here.parents]:
            candidate = root.joinpath(*package.split("."), sub)
            if (candidate / "env.py").is_file():
                return candidate, root, f"{candidate} (package resource {location})"
        raise MigrationScriptError(f"script_location '{location}' in {ini} names a package folder that was not "
                                   "found next to the ini or in its parents; use a plain path.")
    path = Path(location)
    if path.is_absolute():
        if (path / "env.py").is_file():
            return path, here, str(path)
        raise MigrationScriptError(f"script_location {path} in {ini} holds no env.py; fix script_location.")
    tried = []
    for root in [here, *here.parents]:
        candidate = (root / path).resolve()
        tried.append(str(candidate))
        if (candidate / "env.py").is_file():
            how = str(candidate) if root == here else f"{candidate} (resolved from {root}, a parent of the ini)"
            return candidate, root, how
    if (here / "env.py").is_file():
        return here, here, f"{here} (the ini's own folder holds env.py)"
    raise MigrationScriptError(f"script_location '{location}' in {ini} resolves nowhere: no env.py in "
                               f"{tried[0]} nor in the same path under the ini's parents; fix script_location.")


def _absolute(value: str, base: Path) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (base / path).resolve()


def _escape(value: str) -> str:
    return value.replace("%", "%%")


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _uses_flask(env_py: Path) -> bool:
    try:
        source = env_py.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False
    return "current_app" in source and "flask" in source


def version_table_of(env_py: Path) -> tuple[str, str | None]:
    """Read env.py's ``configure(version_table=…, version_table_schema=…)`` without running it.

    Literal values and module-level constants are understood; anything else falls back to
    Alembic's default, which is what env.py gets when it passes nothing.
    """
    try:
        tree = ast.parse(env_py.read_text(encoding="utf-8-sig"), str(env_py))
    except (OSError, SyntaxError, ValueError):
        return "alembic_version", None
    constants: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    found: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "configure":
            for kw in node.keywords:
                if kw.arg in ("version_table", "version_table_schema"):
                    value = _literal(kw.value, constants)
                    if isinstance(value, str) or value is None:
                        found.setdefault(kw.arg, value)
    return found.get("version_table") or "alembic_version", found.get("version_table_schema")


def _literal(node: ast.AST, constants: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def revision_files(project: Project) -> list[Path]:
    """Every revision file in the project's version folders (what Alembic would load)."""
    files: list[Path] = []
    for folder in project.version_locations:
        if project.recursive:
            files.extend(p for p in folder.rglob("*.py") if p.is_file() and not p.name.startswith(("_", ".")))
            continue
        try:  # scandir: the file type comes with the listing, no stat() per file
            with os.scandir(folder) as it:
                files.extend(Path(e.path) for e in it if e.name.endswith(".py")
                             and not e.name.startswith(("_", ".")) and e.is_file())
        except OSError:
            continue
    return sorted(files, key=_parts)  # Path order (by parts), with tuple comparisons in C


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def fingerprint(project: Project, files: list[Path] | None = None) -> tuple[Any, ...]:
    """Names, sizes and mtimes of the ini, env.py and every revision file: any edit changes it."""
    paths = [project.ini, project.env_py, *(revision_files(project) if files is None else files)]
    return tuple((str(p), _stamp(p)) for p in paths)


_SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".opsconsole", "site-packages", ".tox"}


STAMP_SECONDS = 1.0  # a stamp is reused for this long: every console page asks for it, a scan costs ~3 ms
_stamps: dict[tuple[Any, ...], tuple[float, tuple[Any, ...]]] = {}
_stamps_lock = threading.Lock()


def source_stamp(project: Project, depth: int = 3, limit: int = 3000) -> tuple[Any, ...]:
    """Sizes and mtimes of the Python files near the project (its models live there): an edit changes it.

    The folders are scanned at most once per STAMP_SECONDS for all threads, so an edit shows within a second.
    """
    key = (project.workdir, tuple(project.sys_paths), depth, limit)
    now = time.monotonic()
    with _stamps_lock:
        kept = _stamps.get(key)
    if kept is not None and now - kept[0] < STAMP_SECONDS:
        return kept[1]
    stamp = _scan_sources(project, depth, limit)
    with _stamps_lock:
        if len(_stamps) > 64:
            _stamps.clear()
        _stamps[key] = (now, stamp)
    return stamp


def _scan_sources(project: Project, depth: int, limit: int) -> tuple[Any, ...]:
    entries: list[tuple[str, Any]] = []
    folders = [(p, 0) for p in dict.fromkeys([project.workdir, *project.sys_paths])]
    while folders and len(entries) < limit:
        folder, level = folders.pop()
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False):
                        if level < depth and entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                            folders.append((Path(entry.path), level + 1))
                    elif entry.name.endswith(".py"):
                        st = entry.stat()
                        entries.append((entry.path, (st.st_mtime_ns, st.st_size)))
        except OSError:
            continue
    return tuple(sorted(entries))
