"""Names in a migration module: string constants, table and column objects, and call chains.

Read once per file so the source rules can say ``public.pipeline_run`` where the code says
``run_table`` and ``sa.Column("enable_heartbeat", …)`` where it says ``column``.
"""

from __future__ import annotations

import ast


def literal(constants: dict[str, str], node: ast.AST | None) -> str | None:
    """Return the string ``node`` is: a literal, or a module-level constant's name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def module_constants(tree: ast.Module) -> dict[str, str]:
    """Return the module-level ``NAME = "string"`` assignments."""
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


def call_chain(node: ast.AST) -> tuple[ast.AST, list[tuple[str, ast.Call | None]]]:
    """Flatten ``a.b(x).c(y)`` into (a, [("b", call), ("c", call)])."""
    links: list[tuple[str, ast.Call | None]] = []
    while True:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            links.append((node.func.attr, node))
            node = node.func.value
        elif isinstance(node, ast.Attribute):
            links.append((node.attr, None))
            node = node.value
        else:
            break
    return node, links[::-1]


def table_objects(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Map names bound to ``sa.table("t", …)`` / ``Table("t", …)`` (or ORM classes) to their table."""
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call):
            func = node.value.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if fname in ("table", "Table", "load_table") and node.value.args:
                table = literal(constants, node.value.args[0])
                if table:
                    out[node.targets[0].id] = f"public.{table}"
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Subscript) and ast.unparse(node.value.value).endswith("tables"):
            table = literal(constants, node.value.slice)
            if table:
                out[node.targets[0].id] = f"public.{table}"
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and any(getattr(t, "id", "") == "__tablename__"
                                                        for t in stmt.targets):
                    table = literal(constants, stmt.value)
                    if table:
                        out[node.name] = f"public.{table}"
    return out

def column_objects(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Map names bound to ``sa.Column("name", …)`` to the column name."""
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call) and node.value.args:
            func = node.value.func
            if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) == "Column":
                name = literal(constants, node.value.args[0])
                if name:
                    out[node.targets[0].id] = name
    return out
