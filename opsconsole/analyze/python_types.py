"""Judge a ``type_=`` / ``existing_type=`` expression in migration source without running the file.

The expression is evaluated against SQLAlchemy only: names must come from ``sqlalchemy`` (imported
as ``sa``, ``sqlalchemy``, or ``from sqlalchemy[.dialects.postgresql] import X``), calls must be
type constructors or ``.with_variant(...)``, arguments literals. Anything else (an application's own
type, a variable) is "unknown". A class (``sa.Integer``) counts as its default instance, as Alembic
treats it. Nothing from the migration runs.
"""

from __future__ import annotations

import ast
from typing import Any

from .sql_types import ColumnType, type_from_string

_MODULES = {
    "sqlalchemy": "sqlalchemy", "sqlalchemy.types": "sqlalchemy.types", "sqlalchemy.sql.sqltypes": "sqlalchemy.types",
    "sqlalchemy.dialects.postgresql": "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.mysql": "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql": "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.sqlite": "sqlalchemy.dialects.sqlite",
}
_LITERALS = (str, int, float, bool, type(None))


class TypeReader:
    """Evaluate type expressions of one migration module against SQLAlchemy."""

    def __init__(self, tree: ast.Module) -> None:
        self.names: dict[str, tuple[str, str | None]] = {}  # local name -> (module, attribute or None)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in _MODULES or alias.name.startswith("sqlalchemy"):
                        self.names[alias.asname or alias.name.split(".")[0]] = (
                            alias.name if alias.asname else alias.name.split(".")[0], None)
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sqlalchemy"):
                for alias in node.names:
                    if alias.name != "*":
                        self.names[alias.asname or alias.name] = (node.module, alias.name)

    def column_type(self, node: ast.AST | None) -> ColumnType | None:
        """Return the PostgreSQL type ``node`` compiles to, or None if it cannot be told statically."""
        if node is None:
            return None
        try:
            value = self._eval(node)
            from sqlalchemy.types import TypeEngine

            if isinstance(value, type) and issubclass(value, TypeEngine):
                value = value()
            if not isinstance(value, TypeEngine):
                return None
            from sqlalchemy.dialects import postgresql

            parsed = type_from_string(str(value.compile(dialect=postgresql.dialect())))
            if parsed is not None and parsed.name == "datetime":  # sa.DATETIME: a timestamp on PostgreSQL
                parsed = ColumnType("timestamp", parsed.mods, parsed.array)
            return parsed
        except Exception:  # an unknown name, a type PostgreSQL cannot compile, odd arguments
            return None

    def _eval(self, node: ast.AST) -> Any:
        import importlib

        if isinstance(node, ast.Constant) and isinstance(node.value, _LITERALS):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):
            return [self._eval(e) for e in node.elts]
        if isinstance(node, ast.Name):
            module, attr = self.names[node.id]
            mod = importlib.import_module(module)
            if not attr:
                return mod
            try:
                return getattr(mod, attr)
            except AttributeError:  # a submodule not imported yet: sqlalchemy.dialects.mysql
                return importlib.import_module(f"{module}.{attr}")
        if isinstance(node, ast.Attribute):
            base = self._eval(node.value)
            if node.attr.startswith("_"):
                raise ValueError(node.attr)
            if isinstance(base, type(importlib)):
                sub = f"{base.__name__}.{node.attr}"
                try:
                    return importlib.import_module(sub) if sub in _MODULES or sub.startswith("sqlalchemy.dialects") \
                        else getattr(base, node.attr)
                except ImportError:
                    return getattr(base, node.attr)
            if node.attr == "with_variant":
                return getattr(base, node.attr)
            raise ValueError(node.attr)
        if isinstance(node, ast.Call):
            func = self._eval(node.func)
            from sqlalchemy.types import TypeEngine

            if not ((isinstance(func, type) and issubclass(func, TypeEngine))
                    or getattr(func, "__name__", "") == "with_variant"):
                raise ValueError("not a type constructor")
            args = [self._eval(a) for a in node.args]
            kwargs = {k.arg: self._eval(k.value) for k in node.keywords if k.arg}
            return func(*args, **kwargs)
        raise ValueError(type(node).__name__)
