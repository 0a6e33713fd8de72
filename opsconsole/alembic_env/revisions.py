"""The revision graph, read from the revision files' source, and the database's place in it.

Revision files are parsed with ``ast``, never imported: reading the graph runs no project code,
needs no Alembic context and is safe from any thread. A broken graph is named precisely (a
duplicate revision id, a missing ``down_revision``, a cycle, a ``down_revision`` or ``depends_on``
that no file defines) instead of surfacing as a KeyError.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsconsole.errors import MigrationScriptError
from opsconsole.settings import Settings

from .project import Project, fingerprint, load_project, revision_files

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from opsconsole.db import BareConnection

_CREATE_DATE = re.compile(r"^\s*Create Date:\s*(.+?)\s*$", re.M)
_graphs: dict[str, tuple[tuple[Any, ...], Graph]] = {}
_graphs_lock = threading.Lock()


@dataclass(frozen=True)
class RevisionFile:
    """One revision script as its source declares it."""

    revision: str
    down_revisions: tuple[str, ...]
    depends_on: tuple[str, ...]
    branch_labels: tuple[str, ...]
    message: str
    created: str | None
    path: str


@dataclass(frozen=True)
class Graph:
    """Every revision of a project, checked for duplicates, cycles and dangling references."""

    revisions: dict[str, RevisionFile]
    order: tuple[str, ...]  # base first: the order an upgrade from empty applies them

    @property
    def heads(self) -> tuple[str, ...]:
        """Revisions nothing revises."""
        parents = {d for r in self.revisions.values() for d in r.down_revisions}
        return tuple(sorted(r for r in self.revisions if r not in parents))

    def find(self, ref: str) -> RevisionFile | None:
        """Return a revision by id, unique id prefix or branch label; None when unknown or ambiguous."""
        if ref in self.revisions:
            return self.revisions[ref]
        labelled = [r for r in self.revisions.values() if ref in r.branch_labels]
        if len(labelled) == 1:
            return labelled[0]
        prefixed = [r for rid, r in self.revisions.items() if rid.startswith(ref)] if len(ref) >= 4 else []
        return prefixed[0] if len(prefixed) == 1 else None

    def ancestors(self, revs: tuple[str, ...] | list[str]) -> set[str]:
        """Return the given revisions and everything they need (down revisions and depends_on)."""
        seen: set[str] = set()
        stack = list(revs)
        while stack:
            rev = stack.pop()
            if rev in seen or rev not in self.revisions:
                continue
            seen.add(rev)
            sc = self.revisions[rev]
            stack.extend(sc.down_revisions)
            stack.extend(dep.revision for dep in map(self.find, sc.depends_on) if dep is not None)
        return seen

    def pending(self, current: tuple[str, ...], target: str = "heads") -> list[RevisionFile]:
        """Revisions an upgrade from `current` to `target` applies, base first."""
        applied = self.ancestors(current)
        if target in ("head", "heads"):
            wanted = set(self.revisions)
        else:
            goal = self.find(target)
            if goal is None:
                raise MigrationScriptError(f"unknown target revision '{target}'; pick one from "
                                           "'python -m opsconsole history'.")
            wanted = self.ancestors((goal.revision,))
        return [self.revisions[r] for r in self.order if r in wanted and r not in applied]


@dataclass(frozen=True)
class Problem:
    """Something wrong with the schema's revision state; `code` is stable."""

    code: str  # never-migrated | multiple-heads | unknown-revision | behind | no-revisions
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the problem as plain data."""
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Revision:
    """One migration script and whether it is applied to the database."""

    revision: str
    down_revisions: tuple[str, ...]
    message: str
    created: str | None
    path: str
    branch_labels: tuple[str, ...]
    is_head: bool
    state: str  # current | applied | pending

    def to_dict(self) -> dict[str, Any]:
        """Return the revision as plain data."""
        return {"revision": self.revision, "down_revisions": list(self.down_revisions),
                "message": self.message, "created": self.created, "path": self.path,
                "branch_labels": list(self.branch_labels), "is_head": self.is_head, "state": self.state}


@dataclass(frozen=True)
class SchemaStatus:
    """The database's revision(s) against the scripts' head(s)."""

    current: tuple[str, ...]
    heads: tuple[str, ...]
    pending: tuple[Revision, ...]
    migrated: bool
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def at_head(self) -> bool:
        """Whether the database is exactly at the scripts' head(s)."""
        return bool(self.heads) and set(self.current) == set(self.heads)

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong or pending."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """Return the status as plain data (the CLI's --json)."""
        return {"current": list(self.current), "heads": list(self.heads), "at_head": self.at_head,
                "migrated": self.migrated, "ok": self.ok,
                "pending": [r.to_dict() for r in self.pending],
                "problems": [p.to_dict() for p in self.problems]}


def load_graph(settings: Settings, project: Project | None = None) -> Graph:
    """Read the project's revision graph (cached until a file changes); a broken graph raises."""
    project = project or load_project(settings)
    files = revision_files(project)
    stamp = fingerprint(project, files)
    with _graphs_lock:
        cached = _graphs.get(str(project.ini))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    graph = build_graph(_read_files(settings, project, files, stamp[2:]))
    with _graphs_lock:
        _graphs[str(project.ini)] = (stamp, graph)
    return graph


_CACHE_VERSION = 1


def _read_files(settings: Settings, project: Project, files: list[Path],
                stamps: tuple[tuple[str, Any], ...]) -> list[RevisionFile]:
    """Read every revision file, reusing what an earlier process read from a file with the same stamp.

    Parsing 500 revision files costs more than the rest of `status`; like Python's own bytecode cache,
    the parsed identifiers are kept in OPSCONSOLE_HOME/cache, keyed by path, mtime and size. A file
    that does not parse is never cached; a cache that cannot be read or written is ignored.
    """
    path = settings.home / "cache" / f"revisions-{hashlib.sha1(str(project.ini).encode()).hexdigest()[:16]}.json"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        known = saved["files"] if saved.get("version") == _CACHE_VERSION else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        known = {}
    out: list[RevisionFile] = []
    entries: dict[str, list[Any]] = {}
    fresh = 0
    for file, (name, stamp) in zip(files, stamps):
        rf = _cached(known.get(name), stamp, name)
        if rf is None:
            rf, fresh = read_revision_file(file), fresh + 1
        out.append(rf)
        if stamp is not None:
            entries[name] = [*stamp, rf.revision, rf.down_revisions, rf.depends_on, rf.branch_labels, rf.message,
                             rf.created]
    if fresh or len(entries) != len(known):
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"version": _CACHE_VERSION, "files": entries}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
    return out


def _cached(entry: Any, stamp: Any, name: str) -> RevisionFile | None:
    """The cached reading of one file when its stamp still matches, else None (read the file)."""
    if stamp is None or not isinstance(entry, list) or len(entry) != 8 or entry[:2] != list(stamp):
        return None
    revision, down, depends, labels, message, created = entry[2:]
    if not (isinstance(revision, str) and isinstance(message, str) and (created is None or isinstance(created, str))
            and all(isinstance(x, list) and all(isinstance(v, str) for v in x) for x in (down, depends, labels))):
        return None
    return RevisionFile(revision, tuple(down), tuple(depends), tuple(labels), message, created, name)


def read_revision_file(path: Path) -> RevisionFile:
    """Read one revision file's identifiers and docstring from its source."""
    try:
        tree = ast.parse(path.read_bytes(), str(path))  # bytes: the file's own coding declaration applies
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
        raise MigrationScriptError(f"cannot read the revision file {path}: {type(exc).__name__}: "
                                   f"{str(exc).splitlines()[0] if str(exc) else ''}. Fix the file.") from None
    values: dict[str, Any] = {}
    for node in tree.body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            target, value = node.target.id, node.value
        if target in ("revision", "down_revision", "branch_labels", "depends_on"):
            if isinstance(value, ast.Constant):  # the usual case: what literal_eval returns, without its walk
                values[target] = value.value
                continue
            try:
                values[target] = ast.literal_eval(value)
            except ValueError:
                raise MigrationScriptError(
                    f"{path}: {target} is not a literal, so opsconsole cannot read it without running the file; "
                    f"write it as a string, a tuple of strings or None.") from None
    if "revision" not in values or not isinstance(values["revision"], str) or not values["revision"]:
        raise MigrationScriptError(f"{path} is in a versions folder but declares no revision id "
                                   "(revision = '…'); add it or move the file out of the folder.")
    if "down_revision" not in values:
        raise MigrationScriptError(f"revision {values['revision']} ({path.name}) has no down_revision; "
                                   "add down_revision = None for a first revision, or the id it follows.")
    doc = (ast.get_docstring(tree) or "").strip()
    created = _CREATE_DATE.search(doc)
    return RevisionFile(revision=values["revision"], down_revisions=_tuple(values["down_revision"]),
                        depends_on=_tuple(values.get("depends_on")),
                        branch_labels=_tuple(values.get("branch_labels")),
                        message=re.split("\n\n", doc)[0] if doc else "",
                        created=created.group(1) if created else None, path=str(path))


def build_graph(files: list[RevisionFile]) -> Graph:
    """Check the revisions reference each other properly and order them base first."""
    revisions: dict[str, RevisionFile] = {}
    for sc in files:
        other = revisions.get(sc.revision)
        if other is not None:
            raise MigrationScriptError(f"revision id {sc.revision} is used by two files, {Path(other.path).name} "
                                       f"and {Path(sc.path).name}; give one of them a new id.")
        revisions[sc.revision] = sc
    graph = Graph(revisions, ())
    for sc in files:
        for down in sc.down_revisions:
            if down not in revisions:
                raise MigrationScriptError(f"revision {sc.revision} ({Path(sc.path).name}) revises {down}, which "
                                           "no file defines; restore that file or fix down_revision.")
        for dep in sc.depends_on:
            if graph.find(dep) is None:
                raise MigrationScriptError(f"revision {sc.revision} ({Path(sc.path).name}) depends_on {dep}, which "
                                           "is no known revision or branch label; fix depends_on.")
    return Graph(revisions, _order(graph))


def _order(graph: Graph) -> tuple[str, ...]:
    """Topological order, base first; a cycle is named."""
    needs = {rev: set(sc.down_revisions) | {d.revision for d in map(graph.find, sc.depends_on) if d}
             for rev, sc in graph.revisions.items()}
    order: list[str] = []
    ready = sorted(rev for rev, deps in needs.items() if not deps)
    done: set[str] = set()
    children: dict[str, list[str]] = {}
    for rev, deps in needs.items():
        for dep in deps:
            children.setdefault(dep, []).append(rev)
    while ready:
        rev = ready.pop(0)
        order.append(rev)
        done.add(rev)
        for child in sorted(children.get(rev, ())):
            if child not in done and needs[child] <= done and child not in ready:
                ready.append(child)
    if len(order) != len(needs):
        stuck = sorted(set(needs) - done)
        raise MigrationScriptError(f"the revisions {', '.join(stuck[:6])} form a cycle (each revises another "
                                   "of them); fix their down_revision so history runs one way.")
    return tuple(order)


def current_revisions(conn: Connection | BareConnection, project: Project) -> tuple[bool, tuple[str, ...]]:
    """Return (version table exists, revisions recorded in it) on an open connection."""
    qualified = project.qualified_version_table
    if not conn.exec_driver_sql("SELECT to_regclass(%(t)s) IS NOT NULL", {"t": qualified}).scalar():
        return False, ()
    rows = conn.exec_driver_sql(f"SELECT version_num FROM {qualified}").scalars().all()
    return True, tuple(sorted(rows))


def status(settings: Settings, conn: Connection | BareConnection | None = None,
           graph: Graph | None = None) -> SchemaStatus:
    """Compare the database's revision(s) with the scripts' heads and name every problem.

    `conn` is a read-only connection: SQLAlchemy's (the console's pool) or `db.bare_read_only`'s (the CLI).
    `graph` is the project's graph when the caller has just read it (one guard run reads it once).
    """
    from opsconsole.db import read_only

    project = load_project(settings)
    graph = graph if graph is not None else load_graph(settings, project)
    if conn is None:
        with read_only(settings) as ro:
            return status(settings, ro, graph)
    migrated, current = current_revisions(conn, project)
    st = schema_status(graph, migrated, current)
    stuck = _interrupted(conn, current)
    return replace(st, problems=(*st.problems, stuck)) if stuck else st


def _interrupted(conn: Connection | BareConnection, current: tuple[str, ...]) -> Problem | None:
    """A step whose `started` row never closed while no upgrade runs: its process died."""
    from opsconsole.audit import interrupted

    steps = interrupted(conn)
    if not steps:
        return None
    last = steps[-1]
    return Problem("interrupted",
                   f"The upgrade step to {last.to_rev} started {last.at:%Y-%m-%d %H:%M:%S %Z} by {last.actor} never "
                   f"finished (its process died); the database is at {', '.join(current) or 'base'}. If the step ran "
                   "outside a transaction, look for half-made objects; then run the guarded upgrade again.")


def history(settings: Settings) -> list[Revision]:
    """Return every revision base→head with its applied / pending / current mark."""
    from opsconsole.db import read_only

    project = load_project(settings)
    graph = load_graph(settings, project)
    with read_only(settings) as conn:
        _, current = current_revisions(conn, project)
    return describe_all(graph, current)


def describe_all(graph: Graph, current: tuple[str, ...]) -> list[Revision]:
    """Describe every script base→head, marked against the database's current revision(s)."""
    applied = graph.ancestors(current)
    heads = set(graph.heads)
    out = []
    for rev in graph.order:
        state = "current" if rev in current else "applied" if rev in applied else "pending"
        out.append(_describe(graph.revisions[rev], state, rev in heads))
    return out


def schema_status(graph: Graph, migrated: bool, current: tuple[str, ...]) -> SchemaStatus:
    """Name every problem of a database at `current` against the graph."""
    heads = graph.heads
    problems: list[Problem] = []
    if not heads:
        problems.append(Problem("no-revisions", "The migration scripts contain no revisions yet."))
    if len(heads) > 1:
        problems.append(Problem("multiple-heads",
                                f"The scripts have {len(heads)} heads ({', '.join(heads)}); "
                                "merge them with 'alembic merge heads' before upgrading."))
    if not migrated:
        problems.append(Problem("never-migrated",
                                "The database has never been migrated (no version table); "
                                "run the guarded upgrade to create the schema."))
    unknown = [rev for rev in current if rev not in graph.revisions]
    if unknown:
        problems.append(Problem("unknown-revision",
                                f"The database is at {', '.join(unknown)}, which the scripts do not contain; "
                                "it was probably migrated from another branch — deploy that branch's "
                                "migrations or merge them here."))
        return SchemaStatus(current, heads, (), migrated, tuple(problems))
    pending = tuple(_describe(sc, "pending", sc.revision in heads) for sc in graph.pending(current))
    if pending and migrated:
        problems.append(Problem("behind", f"{len(pending)} migration(s) are pending; run the guarded upgrade."))
    return SchemaStatus(current, heads, pending, migrated, tuple(problems))


def _describe(sc: RevisionFile, state: str, is_head: bool) -> Revision:
    return Revision(revision=sc.revision, down_revisions=sc.down_revisions, message=sc.message,
                    created=sc.created, path=sc.path, branch_labels=tuple(sorted(sc.branch_labels)),
                    is_head=is_head, state=state)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)
