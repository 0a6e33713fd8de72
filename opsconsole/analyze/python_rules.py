"""Rules over a migration's Python source: what offline rendering cannot see, or could not reach.

The source reading follows ``upgrade()`` and the module functions it calls, taking only the branches
PostgreSQL runs (``if conn.dialect.name == "sqlite":`` bodies are skipped, an early ``return`` for
another dialect ends the reading), and judges ``op.*`` calls, SQL strings, SQLAlchemy Core
``update()``/``delete()`` and ORM deletes. When a file's imports fail offline this is all there is,
so it must be as exact as the rendered SQL: type changes are judged from ``type_=`` and
``existing_type=`` (see python_types), UPDATEs that fill a column added earlier are not data loss.
"""

from __future__ import annotations

import ast
import dataclasses
import re

from opsconsole.errors import AnalysisError

from .branches import Branches
from .names import call_chain, column_objects, module_constants, table_objects
from .python_types import TypeReader
from .rules import PLACEHOLDER, Finding, finding
from .sql_rules import SqlAnalyzer
from .sql_types import classify_change

_DYNAMIC = object()
_TEXT_FUNCS = {"text", "literal_column"}
_WHERE = {"where", "filter", "filter_by"}
_PERCENT = re.compile(r"%(\([^)]*\))?[sdr]")
_BRACES = re.compile(r"\{[^{}]*\}")
_VOLATILE_RE = r"\b(random|gen_random_uuid|uuid_generate_v[14]m?c?|uuidv[47]|clock_timestamp|nextval)\s*\("
# op method -> (position, keyword) of its table argument; batch_op methods take the batch's table.
_TABLE_ARG = {"create_index": (1, "table_name"), "drop_index": (1, "table_name"),
              "create_foreign_key": (1, "source_table"), "create_check_constraint": (1, "table_name"),
              "create_unique_constraint": (1, "table_name"), "create_primary_key": (1, "table_name"),
              "drop_constraint": (1, "table_name")}
# op methods that take an ACCESS EXCLUSIVE (or SHARE) lock on an existing table
_LOCKING_OPS = {"add_column", "drop_column", "alter_column", "drop_table", "rename_table", "create_index",
                "create_foreign_key", "create_check_constraint", "create_unique_constraint", "create_primary_key",
                "drop_constraint"}


def parse_python(source: str, filename: str = "<migration>") -> ast.Module:
    """Parse migration source, raising AnalysisError on a syntax error."""
    try:
        return ast.parse(source, filename=filename)
    except (SyntaxError, ValueError) as exc:  # ValueError: NUL bytes in the source
        where = f" at line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise AnalysisError(f"{filename}: Python syntax error{where}: {getattr(exc, 'msg', exc)}; "
                            "fix the migration file and analyse again") from exc


def module_revision(tree: ast.Module) -> str | None:
    """Return the module-level ``revision = "..."`` value, if any."""
    return module_constants(tree).get("revision")


def upgrade_function(tree: ast.Module) -> ast.FunctionDef | None:
    """Return the module-level ``upgrade()`` definition, if any."""
    return next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)


def analyze_python(source: str, revision: str | None, tree: ast.Module | None = None) -> list[Finding]:
    """Find unsafe steps in the source of ``upgrade()`` and the module functions it calls."""
    return _UpgradeVisitor(tree or parse_python(source), source, revision).run()


class _UpgradeVisitor(ast.NodeVisitor):
    """Visit the functions reachable from ``upgrade()`` on PostgreSQL, collecting findings."""

    def __init__(self, tree: ast.Module, source: str, revision: str | None) -> None:
        self.tree, self.source, self.revision = tree, source, revision
        self.lines = source.splitlines(keepends=True)
        self.constants = module_constants(tree)
        self.functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        self.op_names, self.context_names = {"op"}, {"context"}
        self.sa_names = {"sa", "sqlalchemy"}
        self.core_funcs: set[str] = set()  # `from sqlalchemy import update, delete`
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "alembic":
                for alias in node.names:
                    if alias.name == "op":
                        self.op_names.add(alias.asname or "op")
                    elif alias.name == "context":
                        self.context_names.add(alias.asname or "context")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                self.core_funcs |= {a.asname or a.name for a in node.names if a.name in ("update", "delete")}
        self.types = TypeReader(tree)
        self.tables = table_objects(tree, self.constants)
        self.batches: dict[str, str | None] = {}
        self.branches = Branches()
        self.handled: set[int] = set()  # ids of calls already judged as part of a longer chain
        self.todo: list[str] = []
        self.columns = column_objects(tree, self.constants)
        self.sql = SqlAnalyzer(revision)

    def run(self) -> list[Finding]:
        """Return the findings of every function reachable from ``upgrade()``."""
        if "upgrade" not in self.functions:
            return []
        self.todo, seen = ["upgrade"], set()
        while self.todo:  # helpers are queued as the PostgreSQL path calls them (see visit_Call)
            name = self.todo.pop(0)
            if name in seen:
                continue
            seen.add(name)
            self._block(self.functions[name].body)
        return self.sql.findings

    # --- which branches run on PostgreSQL -------------------------------------------------
    def _block(self, stmts: list[ast.stmt]) -> bool:
        """Visit statements in order; return True once one of them always leaves the function."""
        for stmt in stmts:
            if isinstance(stmt, ast.If):
                if self._if(stmt):
                    return True
            elif isinstance(stmt, (ast.Return, ast.Raise)):
                self.visit(stmt)
                return True
            else:
                self.visit(stmt)
        return False

    def _if(self, node: ast.If) -> bool:
        self._offline_branch(node)
        truth = self.branches.on_postgresql(node.test)
        if truth is True:
            return self._block(node.body)
        if truth is False:
            return self._block(node.orelse)
        left, right = self._block(node.body), self._block(node.orelse)
        return left and right

    def visit_If(self, node: ast.If) -> None:  # an if nested in a loop, with or try
        self._if(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.branches.remember(node)
        self.generic_visit(node)

    def _offline_branch(self, node: ast.If) -> None:
        for sub in ast.walk(node.test):
            if isinstance(sub, ast.Attribute) and sub.attr in ("is_offline_mode", "as_sql"):
                self._add("offline-branch", None, node.test,
                          "upgrade() branches on offline mode: rendered SQL shows one branch, the real upgrade "
                          "runs the other")
                break
        self.visit(node.test)

    # --- helpers ----------------------------------------------------------------------------
    def _add(self, rule: str, obj: str | None, node: ast.AST, message: str, check: str | None = None) -> None:
        segment = self._segment(node)
        self.sql.findings.append(finding(rule, self.revision, obj, segment, message,
                                         getattr(node, "lineno", None), check))

    def _segment(self, node: ast.AST) -> str | None:
        """Return the source text of ``node`` (ast.get_source_segment re-splits the file on every call)."""
        start, end = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
        if start is None or end is None:
            return None
        lines = self.lines[start - 1:end]
        first, last = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        if len(lines) == 1:
            return lines[0].encode()[first:last].decode(errors="replace")
        return (lines[0].encode()[first:].decode(errors="replace") + "".join(lines[1:-1])
                + lines[-1].encode()[:last].decode(errors="replace"))

    def _str(self, node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None

    @staticmethod
    def _arg(call: ast.Call, pos: int, name: str) -> ast.AST | None:
        kw = next((k.value for k in call.keywords if k.arg == name), None)
        return kw if kw is not None else (call.args[pos] if len(call.args) > pos else None)

    def _table(self, call: ast.Call, pos: int = 0, name: str = "table_name") -> str | None:
        table = self._str(self._arg(call, pos, name))
        if table is None:
            return None
        schema = self._str(self._arg(call, 99, "schema")) or "public"
        return f"{schema}.{table}"

    def _op_method(self, func: ast.AST) -> str | None:
        if not isinstance(func, ast.Attribute):
            return None
        base = func.value
        if isinstance(base, ast.Name) and base.id in self.op_names:
            return func.attr
        if isinstance(base, ast.Attribute) and base.attr == "op" and isinstance(base.value, ast.Name) \
                and base.value.id == "alembic":
            return func.attr
        return None

    def _sql_text(self, node: ast.AST | None) -> object:
        """Return the SQL a call passes (run-time parts as a placeholder), _DYNAMIC, or None if not SQL text."""
        if node is None:
            return None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Call):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if fname in _TEXT_FUNCS and node.args:
                return self._sql_text(node.args[0])
            if fname == "format" and isinstance(func, ast.Attribute):
                base = self._sql_text(func.value)
                return _BRACES.sub(PLACEHOLDER, base) if isinstance(base, str) else _DYNAMIC
            return None  # a SQLAlchemy construct: rendered offline, judged by _core_statement
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        if isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else PLACEHOLDER for v in node.values]
            return "".join(str(p) for p in parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            base = self._sql_text(node.left)
            return _PERCENT.sub(PLACEHOLDER, base) if isinstance(base, str) else _DYNAMIC
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self._sql_text(node.left), self._sql_text(node.right)
            left = left if isinstance(left, str) else PLACEHOLDER
            right = right if isinstance(right, str) else PLACEHOLDER
            return left + right
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)):
            return _DYNAMIC
        return None

    def _check_sql(self, call: ast.Call, where: str) -> None:
        arg = call.args[0] if call.args else self._arg(call, 0, "sqltext")
        text = self._sql_text(arg)
        if text is _DYNAMIC:
            self._add("dynamic-sql", None, call, f"{where} runs SQL built at run time; it cannot be checked statically")
        elif isinstance(text, str):
            before = len(self.sql.findings)
            self.sql.line = call.lineno
            self.sql.run(text, strict=False)
            if PLACEHOLDER in text:  # say so: the names in the findings are filled in at run time
                for i in range(before, len(self.sql.findings)):
                    f = self.sql.findings[i]
                    if PLACEHOLDER in f"{f.object}{f.statement}":
                        obj = None if f.object is None or PLACEHOLDER in f.object else f.object
                        message = f.message.replace(f"public.{PLACEHOLDER}", "a table named at run time")
                        self.sql.findings[i] = dataclasses.replace(
                            f, object=obj, message=message.replace(PLACEHOLDER, "(a run-time value)")
                            + " (SQL built at run time)")

    # --- visitors ---------------------------------------------------------------------------
    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            call = item.context_expr
            if isinstance(call, ast.Call) and self._op_method(call.func) == "batch_alter_table":
                table = self._table(call)
                recreate = self._str(self._arg(call, 99, "recreate")) or "auto"
                if isinstance(item.optional_vars, ast.Name):
                    self.batches[item.optional_vars.id] = table
                self._add("batch-operation", table, call,
                          f"batch_alter_table({table or '?'}, recreate={recreate!r})"
                          + (": copies the whole table" if recreate == "always" else ""))
            else:
                self.visit(item.context_expr)
        self._block(node.body)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in self.functions:
            self.todo.append(node.func.id)
        if id(node) in self.handled:
            self.generic_visit(node)
            return
        method = self._op_method(node.func)
        if method is not None:
            self._op_call(method, node)
        elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in self.batches:
            self._batch_call(self.batches[node.func.value.id], node.func.attr, node)
        elif isinstance(node.func, ast.Attribute) and node.func.attr in ("execute", "exec_driver_sql"):
            self._check_sql(node, "a data step")
        else:
            self._core_statement(node)
        self.generic_visit(node)

    def _core_statement(self, node: ast.Call) -> None:
        """Judge SQLAlchemy Core ``t.update()``/``sa.delete(t)`` chains and ORM ``session.delete``/``query.delete``."""
        base, links = call_chain(node)
        for _, call in links:
            if call is not None:
                self.handled.add(id(call))
        names = [n for n, _ in links]
        first = base.func if isinstance(base, ast.Call) else None
        core_func = None
        if isinstance(base, ast.Call):
            fname = first.attr if isinstance(first, ast.Attribute) else getattr(first, "id", "")
            sa_call = isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) \
                and first.value.id in self.sa_names
            if fname in ("update", "delete") and (sa_call or fname in self.core_funcs):
                core_func = fname
        orm = "query" in names or (isinstance(base, ast.Call) and getattr(base.func, "id", "") == "query")
        kind = core_func
        table: str | None = None
        if core_func and base.args:  # sa.update(t) / delete(t)
            table = self._table_name(base.args[0])
        for i, (name, call) in enumerate(links):
            if name not in ("update", "delete") or call is None or kind is not None:
                continue
            receiver = links[i - 1][0] if i else getattr(base, "id", "")
            if i == 0 and isinstance(base, ast.Name) and base.id in self.sa_names:  # sa.update(t), sa.delete(t)
                kind, table = name, self._table_name(call.args[0]) if call.args else None
            elif not call.args and not orm:  # t.update() — dict.update(x) always has an argument
                kind, table = name, self._table_name(base if i == 0 else None)
            elif orm:
                kind = name
                query = next((c for n, c in links if n == "query" and c is not None), None)
                table = self._table_name(query.args[0]) if query is not None and query.args else None
            elif name == "delete" and len(call.args) == 1 and "session" in f"{receiver}{ast.unparse(base)}":
                self._add("delete-rows", None, node, "session.delete(…) deletes a row through the ORM")
                return
        if kind is None:
            return
        has_where = bool(_WHERE & set(names))
        label = table or "a table"
        if self.sql._is_new(table or ""):
            return
        if kind == "delete":
            if has_where:
                self._add("delete-rows", table, node, f"deletes the rows of {label} that match its condition")
            else:
                self._add("delete-without-where", table, node, f"deletes every row of {label}")
            return
        if has_where:
            return
        columns = self._set_columns(node, links)
        added = {a.rsplit(".", 1)[-1] for a in self.sql.added} if table is None else set()
        lost = [c for c in columns if f"{table}.{c}" not in self.sql.added and c not in added] \
            if columns is not None else None
        if lost is None or lost:
            what = ", ".join(lost) if lost else "columns"
            self._add("update-without-where", table, node, f"overwrites {what} in every row of {label}")

    def _table_name(self, node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Name):
            return self.tables.get(node.id)
        if isinstance(node, ast.Call):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if fname in ("table", "Table") and node.args and self._str(node.args[0]):
                return f"public.{self._str(node.args[0])}"
        return None

    def _set_columns(self, node: ast.Call, links: list[tuple[str, ast.Call | None]]) -> list[str] | None:
        """Return the columns an update sets (``.values(a=…)``, ``.values({"a": …})``, ``.update({M.a: …})``)."""
        out: list[str] = []
        for name, call in links:
            if name not in ("values", "update") or call is None:
                continue
            out += [k.arg for k in call.keywords if k.arg and k.arg != "synchronize_session"]
            for arg in call.args:
                if not isinstance(arg, ast.Dict):
                    if name == "update":  # sa.update(table): the table, not the values
                        continue
                    return None
                for key in arg.keys:
                    col = self._str(key) if key is not None else None
                    if col is None and isinstance(key, ast.Attribute):
                        col = key.attr
                    if col is None:
                        return None
                    out.append(col)
        return out or None

    def _flag(self, node: ast.Call, name: str) -> bool:
        value = self._arg(node, 99, name)
        return isinstance(value, ast.Constant) and value.value is True

    def _lock_rules(self, method: str, table: str | None, node: ast.Call) -> None:
        """Judge index and constraint calls the way the SQL rules judge what they render to."""
        if table is None or table in self.sql.created:
            return
        self.sql.line, self.sql._stmt = node.lineno, self._segment(node)
        if method in _LOCKING_OPS:
            self.sql.strong_lock(table, f"op.{method}")
        if method == "create_index" and not self._flag(node, "postgresql_concurrently"):
            self._add("create-index-not-concurrently", table, node,
                      f"builds an index on existing table {table} without CONCURRENTLY; writes are blocked "
                      "until it finishes")
        elif method == "drop_index" and not self._flag(node, "postgresql_concurrently"):
            index = self._str(self._arg(node, 0, "index_name"))
            schema = self._str(self._arg(node, 99, "schema")) or "public"
            self._add("drop-index-not-concurrently", f"{schema}.{index}" if index else None, node,
                      f"drops index {index or '(named at run time)'} of {table} without CONCURRENTLY")
        elif method == "create_foreign_key" and not self._flag(node, "postgresql_not_valid"):
            self._add("add-foreign-key-validated", table, node,
                      f"adds a foreign key on {table} without NOT VALID: scans {table} while locking it")
        elif method == "create_check_constraint" and not self._flag(node, "postgresql_not_valid"):
            self._add("add-check-validated", table, node,
                      f"adds a check on {table} without NOT VALID: scans {table} under an exclusive lock")
        elif method == "create_unique_constraint":
            self._add("add-unique-constraint", table, node,
                      f"adds a unique constraint on {table}: builds an index while blocking reads and writes")
        elif method == "create_primary_key":
            self._add("add-primary-key", table, node,
                      f"adds a primary key on {table}: builds an index while blocking reads and writes")

    def _op_call(self, method: str, node: ast.Call) -> None:
        table_arg = _TABLE_ARG.get(method)
        if table_arg is not None:
            self._lock_rules(method, self._table(node, *table_arg), node)
        elif method in _LOCKING_OPS:
            self._lock_rules(method, self._table(node, 0, "old_table_name" if method == "rename_table"
                                                 else "table_name"), node)
        if method == "create_table":
            table = self._table(node)
            if table:
                self.sql.created.add(table)
        elif method == "drop_table":
            table = self._table(node)
            if table is None or table not in self.sql.created:
                self._add("drop-table", table, node,
                          f"drops table {table or '(named at run time)'} and every row in it")
        elif method == "drop_column":
            self._column_call(self._table(node), node, 1, "drop-column")
        elif method == "add_column":
            self._added(self._table(node), self._arg(node, 1, "column"))
        elif method == "rename_table":
            table, new = self._table(node, 0, "old_table_name"), self._str(self._arg(node, 1, "new_table_name"))
            if table and new:
                new = f"{table.rsplit('.', 1)[0]}.{new}"
            if table in self.sql.created and new:
                self.sql.created.add(new)
            else:
                self._add("rename-table", table, node, f"renames {table or '(a table)'} to {new or '(a new name)'}")
        elif method == "alter_column":
            self._column_call(self._table(node), node, 1, "alter")
        elif method == "execute":
            self._check_sql(node, "op.execute")
        elif method == "get_bind":
            self._add("data-step-get-bind", None, node,
                      "op.get_bind() runs a data step online only; offline rendering cannot see what it does")

    def _added(self, table: str | None, column: ast.AST | None) -> None:
        name = None
        if isinstance(column, ast.Call) and column.args:
            name = self._str(column.args[0])
        elif isinstance(column, ast.Name):
            name = self.columns.get(column.id)
        if table and name:
            self.sql.added.add(f"{table}.{name}")
        if table and isinstance(column, ast.Call) and table not in self.sql.created:
            self._new_column_rules(table, name, column)

    def _new_column_rules(self, table: str, name: str | None, column: ast.Call) -> None:
        """ADD COLUMN … NOT NULL without a default fails on rows; a volatile default rewrites the table."""
        kw = {k.arg: k.value for k in column.keywords if k.arg}
        label = f"{table}.{name}" if name else f"a new column of {table}"
        not_null = isinstance(kw.get("nullable"), ast.Constant) and kw["nullable"].value is False
        primary = isinstance(kw.get("primary_key"), ast.Constant) and kw["primary_key"].value is True
        default = kw.get("server_default")
        if (not_null or primary) and default is None:
            self._add("add-column-not-null-no-default", label if name else None, column,
                      f"adds NOT NULL column {label} without a default: fails if {table} has rows")
        volatile = default is not None and any(
            isinstance(c, ast.Constant) and isinstance(c.value, str) and re.search(_VOLATILE_RE, c.value, re.I)
            for c in ast.walk(default))
        if volatile:
            self._add("add-column-volatile-default", label if name else None, column,
                      f"adds column {label} with a volatile default: every row of {table} is rewritten "
                      "under an exclusive lock")

    def _batch_call(self, table: str | None, method: str, node: ast.Call) -> None:
        if method in _TABLE_ARG or method in _LOCKING_OPS:
            self._lock_rules(method, table, node)
        if method == "drop_column":
            self._column_call(table, node, 0, "drop-column")
        elif method == "alter_column":
            self._column_call(table, node, 0, "alter")
        elif method == "add_column":
            self._added(table, self._arg(node, 0, "column"))

    def _column_call(self, table: str | None, node: ast.Call, pos: int, kind: str) -> None:
        column = self._str(self._arg(node, pos, "column_name"))
        obj = f"{table}.{column}" if table and column else None
        label = obj or "a column named at run time"
        new_table = table is not None and table in self.sql.created
        if kind == "drop-column":
            if obj not in self.sql.added and not new_table:
                self._add("drop-column", obj, node, f"drops column {label} and every value in it")
            return
        new_name = self._arg(node, 99, "new_column_name")
        if new_name is not None and not new_table:
            self._add("rename-column", obj, node, f"renames column {label} to {self._str(new_name) or '(a new name)'}")
        nullable = self._arg(node, 99, "nullable")
        if isinstance(nullable, ast.Constant) and nullable.value is False and not new_table \
                and obj not in self.sql.added:
            self._add("set-not-null", obj, node, f"sets {label} NOT NULL: fails on existing NULLs and scans the table")
        existing_nullable = self._arg(node, 99, "existing_nullable")
        if isinstance(nullable, ast.Constant) and nullable.value is True and not new_table \
                and obj not in self.sql.added \
                and not (isinstance(existing_nullable, ast.Constant) and existing_nullable.value is True):
            self._add("drop-not-null", obj, node, f"drops NOT NULL from {label}: readers that assume a value get NULLs")
        type_node = self._arg(node, 99, "type_")
        if type_node is not None and not new_table and obj not in self.sql.added:
            self._type_change(table, column, node, type_node)

    def _type_change(self, table: str | None, column: str | None, node: ast.Call, type_node: ast.AST) -> None:
        new = self.types.column_type(type_node)
        label = f"{table}.{column}" if table and column else "a column named at run time"
        if new is None:
            self._add("type-change-unknown", f"{table}.{column}" if table and column else None, node,
                      f"changes {label} to {ast.unparse(type_node)[:60]}, a type the analyzer cannot read "
                      "without running the file")
            return
        old = self.types.column_type(self._arg(node, 99, "existing_type"))
        if old is None and table and column:
            old = self.sql.types.get(f"{table}.{column}")
        using = self._str(self._arg(node, 99, "postgresql_using"))
        if using is not None and table and column:
            verdict, why = self._using(using, column, old, new)
        else:
            verdict, why = classify_change(old, new)
        if table and column:
            self.sql.types[f"{table}.{column}"] = new
        before = len(self.sql.findings)
        self.sql.line, self.sql._stmt = node.lineno, self._segment(node)
        self.sql.type_change(table or "(a table)", column or "(a column)", old, new, verdict, why)
        for i in range(before, len(self.sql.findings)):
            if table is None or column is None:
                self.sql.findings[i] = dataclasses.replace(self.sql.findings[i], object=None)

    @staticmethod
    def _using(using: str, column: str, old, new) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        from pglast import parse_sql

        from .sql_rules import using_verdict

        try:
            expr = parse_sql(f"SELECT {using}")[0].stmt.targetList[0].val
        except Exception:  # not valid SQL: PostgreSQL would reject the migration
            return "fails", f"postgresql_using={using!r} is not valid SQL"
        return using_verdict(expr, column, old, new)
