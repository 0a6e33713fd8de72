"""Rules over a migration's Python source: what offline rendering cannot see."""

from __future__ import annotations

import ast

from opsconsole.errors import AnalysisError

from .rules import Finding, finding
from .sql_rules import SqlAnalyzer

_DYNAMIC = object()
_TEXT_FUNCS = {"text", "literal_column"}


def parse_python(source: str, filename: str = "<migration>") -> ast.Module:
    """Parse migration source, raising AnalysisError on a syntax error."""
    try:
        return ast.parse(source, filename=filename)
    except SyntaxError as exc:
        raise AnalysisError(f"{filename}: Python syntax error at line {exc.lineno}: {exc.msg}; "
                            "fix the migration file and analyse again") from exc


def module_revision(tree: ast.Module) -> str | None:
    """Return the module-level ``revision = "..."`` value, if any."""
    return _module_constants(tree).get("revision")


def upgrade_function(tree: ast.Module) -> ast.FunctionDef | None:
    """Return the module-level ``upgrade()`` definition, if any."""
    return next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)


def _module_constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and isinstance(value.value, str):
            out[target.id] = value.value
    return out


def analyze_python(source: str, revision: str | None) -> list[Finding]:
    """Find unsafe steps in the source of ``upgrade()`` and the module functions it calls."""
    tree = parse_python(source)
    return _UpgradeVisitor(tree, source, revision).run()


class _UpgradeVisitor(ast.NodeVisitor):
    """Visit the functions reachable from ``upgrade()``, collecting findings."""

    def __init__(self, tree: ast.Module, source: str, revision: str | None) -> None:
        self.tree, self.source, self.revision = tree, source, revision
        self.constants = _module_constants(tree)
        self.functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        self.op_names, self.context_names = {"op"}, {"context"}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "alembic":
                for alias in node.names:
                    if alias.name == "op":
                        self.op_names.add(alias.asname or "op")
                    elif alias.name == "context":
                        self.context_names.add(alias.asname or "context")
        self.batches: dict[str, tuple[str | None, str | None]] = {}
        self.sql = SqlAnalyzer(revision)

    def run(self) -> list[Finding]:
        """Return the findings of every function reachable from ``upgrade()``."""
        if "upgrade" not in self.functions:
            return []
        todo, seen = ["upgrade"], set()
        while todo:
            name = todo.pop(0)
            if name in seen:
                continue
            seen.add(name)
            func = self.functions[name]
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.functions:
                    todo.append(node.func.id)
            for stmt in func.body:
                self.visit(stmt)
        return self.sql.findings

    # helpers
    def _add(self, rule: str, obj: str | None, node: ast.AST, message: str) -> None:
        segment = ast.get_source_segment(self.source, node)
        self.sql.findings.append(finding(rule, self.revision, obj, segment, message))

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
        """Return the literal SQL a call passes, _DYNAMIC if built at run time, or None if not SQL text."""
        if node is None:
            return None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Call):
            fname = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if fname in _TEXT_FUNCS and node.args:
                return self._sql_text(node.args[0])
            if fname == "format":
                return _DYNAMIC
            return None  # a SQLAlchemy construct: rendered offline
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        if isinstance(node, (ast.JoinedStr, ast.BinOp, ast.Name, ast.Attribute, ast.Subscript)):
            return _DYNAMIC
        return None

    def _check_sql(self, call: ast.Call, where: str) -> None:
        text = self._sql_text(call.args[0] if call.args else self._arg(call, 0, "sqltext"))
        if text is _DYNAMIC:
            self._add("dynamic-sql", None, call, f"{where} runs SQL built at run time; it cannot be checked statically")
        elif isinstance(text, str):
            self.sql.run(text, strict=False)

    # visitors
    def visit_If(self, node: ast.If) -> None:
        for sub in ast.walk(node.test):
            offline = (isinstance(sub, ast.Attribute) and sub.attr in ("is_offline_mode", "as_sql"))
            if offline:
                self._add("offline-branch", None, node.test,
                          "upgrade() branches on offline mode: rendered SQL shows one branch, the real upgrade "
                          "runs the other")
                break
        self.generic_visit(node)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            call = item.context_expr
            if isinstance(call, ast.Call) and self._op_method(call.func) == "batch_alter_table":
                table = self._table(call)
                recreate = self._str(self._arg(call, 99, "recreate")) or "auto"
                if isinstance(item.optional_vars, ast.Name):
                    self.batches[item.optional_vars.id] = (table, recreate)
                self._add("batch-operation", table, call,
                          f"batch_alter_table({table or '?'}, recreate={recreate!r})"
                          + (": copies the whole table" if recreate == "always" else ""))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        method = self._op_method(node.func)
        if method is not None:
            self._op_call(method, node)
        elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in self.batches:
            self._batch_call(self.batches[node.func.value.id][0], node.func.attr, node)
        elif isinstance(node.func, ast.Attribute) and node.func.attr in ("execute", "exec_driver_sql"):
            self._check_sql(node, "a data step")
        self.generic_visit(node)

    def _op_call(self, method: str, node: ast.Call) -> None:
        if method == "create_table":
            table = self._table(node)
            if table:
                self.sql.created.add(table)
        elif method == "drop_table":
            table = self._table(node)
            self._add("drop-table", table, node, f"drops table {table or '(named at run time)'} and every row in it")
        elif method == "drop_column":
            self._column_call(self._table(node), node, 1, "drop-column")
        elif method == "rename_table":
            table, new = self._table(node, 0, "old_table_name"), self._str(self._arg(node, 1, "new_table_name"))
            if table and new:
                new = f"{table.rsplit('.', 1)[0]}.{new}"
            self._add("rename-table", table, node, f"renames {table or '(a table)'} to {new or '(a new name)'}")
        elif method == "alter_column":
            self._column_call(self._table(node), node, 1, "alter")
        elif method == "execute":
            self._check_sql(node, "op.execute")
        elif method == "get_bind":
            self._add("data-step-get-bind", None, node,
                      "op.get_bind() runs a data step online only; offline rendering cannot see what it does")

    def _batch_call(self, table: str | None, method: str, node: ast.Call) -> None:
        if method == "drop_column":
            self._column_call(table, node, 0, "drop-column")
        elif method == "alter_column":
            self._column_call(table, node, 0, "alter")

    def _column_call(self, table: str | None, node: ast.Call, pos: int, kind: str) -> None:
        column = self._str(self._arg(node, pos, "column_name"))
        obj = f"{table}.{column}" if table and column else None
        label = obj or "a column named at run time"
        if kind == "drop-column":
            self._add("drop-column", obj, node, f"drops column {label} and every value in it")
            return
        new_name = self._arg(node, 99, "new_column_name")
        if new_name is not None:
            self._add("rename-column", obj, node, f"renames column {label} to {self._str(new_name) or '(a new name)'}")
        nullable = self._arg(node, 99, "nullable")
        if isinstance(nullable, ast.Constant) and nullable.value is False and table not in self.sql.created:
            self._add("set-not-null", obj, node, f"sets {label} NOT NULL: fails on existing NULLs and scans the table")
