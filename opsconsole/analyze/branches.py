"""Which branches of a migration run on PostgreSQL: tests on the dialect's name, read without running them.

``if conn.dialect.name == "sqlite":``, ``if dialect_name in ("postgresql", "mysql"):``,
``if "sqlite" not in inspector.dialect.dialect_description: return``, ``is_sqlite = … == "sqlite"``
then ``if not is_sqlite:`` — each is True, False or (when it depends on anything but the dialect)
None, so the source reading follows the branch PostgreSQL takes, as offline rendering does.
"""

from __future__ import annotations

import ast

_PG = "postgresql"
_PG_DESCRIPTION = "postgresql+psycopg2"


class Branches:
    """Names bound to the dialect (or to a test on it) in one function body, and tests judged on PostgreSQL."""

    def __init__(self) -> None:
        self.dialect_values: set[str] = set()  # names bound to a dialect name
        self.dialect_tests: dict[str, ast.AST] = {}  # names bound to a test on the dialect name

    def remember(self, node: ast.Assign) -> None:
        """Record ``name = conn.dialect.name`` and ``is_sqlite = name == "sqlite"``."""
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if self.is_dialect(node.value):
                self.dialect_values.add(name)
            elif self.on_postgresql(node.value) is not None:
                self.dialect_tests[name] = node.value

    def is_dialect(self, node: ast.AST) -> bool:
        """Return True if ``node`` evaluates to the dialect's name (or description)."""
        if isinstance(node, ast.Name):
            return node.id in self.dialect_values
        if isinstance(node, ast.Attribute) and node.attr in ("name", "dialect_description"):
            inner = ast.unparse(node.value)
            return "dialect" in inner or "engine" in inner or (
                isinstance(node.value, ast.Name) and node.value.id in self.dialect_values)
        return False

    def on_postgresql(self, test: ast.AST) -> bool | None:
        """Return whether ``test`` holds on PostgreSQL, or None when it does not depend on the dialect only."""
        if isinstance(test, ast.Name) and test.id in self.dialect_tests:
            return self.on_postgresql(self.dialect_tests[test.id])
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self.on_postgresql(test.operand)
            return None if inner is None else not inner
        if isinstance(test, ast.BoolOp):
            values = [self.on_postgresql(v) for v in test.values]
            if isinstance(test.op, ast.And):
                return False if False in values else (True if all(v is True for v in values) else None)
            return True if True in values else (False if all(v is False for v in values) else None)
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith" \
                and self.is_dialect(test.func.value) and test.args and isinstance(test.args[0], ast.Constant):
            return _PG.startswith(test.args[0].value)
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, op, right = test.left, test.ops[0], test.comparators[0]
            if self.is_dialect(left):
                names = self._literals(right)
                if names is None:
                    return None
                name = _PG_DESCRIPTION if getattr(left, "attr", "") == "dialect_description" else _PG
                if isinstance(op, (ast.Eq, ast.NotEq)) and len(names) == 1:
                    return (name == names[0]) == isinstance(op, ast.Eq)
                if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
                    return (name in names) == isinstance(op, ast.In)
            elif self.is_dialect(right) and isinstance(op, (ast.In, ast.NotIn)):
                names = self._literals(left)
                if names is None or len(names) != 1:
                    return None
                name = _PG_DESCRIPTION if getattr(right, "attr", "") == "dialect_description" else _PG
                return (names[0] in name) == isinstance(op, ast.In)
        return None

    @staticmethod
    def _literals(node: ast.AST) -> list[str] | None:
        items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
        if all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
            return [i.value for i in items]  # type: ignore[attr-defined]
        return None
