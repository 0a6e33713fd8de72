"""Column types as the analyzer sees them, and whether a type change can discard data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_INT_BITS = {"int2": 16, "int4": 32, "int8": 64}
_INT_DIGITS = {"int2": 5, "int4": 10, "int8": 19}
_STRINGS = {"text", "varchar", "bpchar"}
_TIMES = {"timestamp", "timestamptz", "time", "timetz", "interval"}
_SERIALS = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}


@dataclass(frozen=True)
class ColumnType:
    """A column type: base name (as PostgreSQL spells it internally) and modifiers."""

    name: str
    mods: tuple[int, ...] = ()
    array: bool = False

    def __str__(self) -> str:
        mods = f"({', '.join(map(str, self.mods))})" if self.mods else ""
        return f"{self.name}{mods}{'[]' if self.array else ''}"

    @property
    def is_serial(self) -> bool:
        """Return True for serial pseudo-types, whose default is nextval()."""
        return self.name in _SERIALS


def type_from_node(node: Any) -> ColumnType | None:
    """Build a ColumnType from a pglast ``TypeName`` node."""
    if node is None or not getattr(node, "names", None):
        return None
    name = node.names[-1].sval.lower()
    mods: list[int] = []
    for mod in node.typmods or ():
        val = getattr(mod, "val", None)
        if val is not None and hasattr(val, "ival"):
            mods.append(val.ival)
    return ColumnType(name, tuple(mods), bool(node.arrayBounds))


def type_from_string(text: str) -> ColumnType | None:
    """Parse a type as SQL spells it (``VARCHAR(100)``), or return None."""
    from pglast import parse_sql
    from pglast.parser import ParseError

    try:
        stmt = parse_sql(f"SELECT NULL::{text}")[0].stmt
        return type_from_node(stmt.targetList[0].val.typeName)
    except (ParseError, AttributeError, IndexError):
        return None


def _precision(t: ColumnType) -> int | None:
    return t.mods[0] if t.mods else None


def classify_change(old: ColumnType | None, new: ColumnType) -> tuple[str, str]:
    """Return ("narrowing"|"rewrite"|"safe", reason) for changing a column from ``old`` to ``new``."""
    if old is None:
        return _classify_unknown(new)
    if old == new:
        return "safe", "the type does not change"
    if old.array != new.array:
        return "rewrite", f"{old} → {new} rewrites the table"
    o, n = old.name, new.name
    if n in ("varchar", "bpchar"):
        if o not in _STRINGS:
            return "rewrite", f"{old} → {new} rewrites the table"
        if not new.mods:
            return ("safe", "widening") if o in ("varchar", "text") and n == "varchar" else ("rewrite", f"{old} → {new}")
        if not old.mods or o == "text" or old.mods[0] > new.mods[0]:
            return "narrowing", f"{old} → {new} can cut strings longer than {new.mods[0]} characters"
        return ("safe", "widening") if o == n else ("rewrite", f"{old} → {new} rewrites the table")
    if n == "text":
        return ("safe", "widening") if o in ("varchar", "text") else ("rewrite", f"{old} → {new} rewrites the table")
    if n in _INT_BITS:
        if o in _INT_BITS and _INT_BITS[n] < _INT_BITS[o]:
            return "narrowing", f"{old} → {new} cannot hold values beyond {_INT_BITS[n]} bits"
        if o in ("numeric", "float4", "float8"):
            return "narrowing", f"{old} → {new} rounds away fractions"
        return "rewrite", f"{old} → {new} rewrites the table"
    if n == "numeric":
        return _classify_numeric(old, new)
    if n in ("float4", "float8"):
        lossy = {"float4": {"float8", "numeric", "int4", "int8"}, "float8": {"numeric", "int8"}}[n]
        if o in lossy:
            return "narrowing", f"{old} → {new} loses precision"
        return "rewrite", f"{old} → {new} rewrites the table"
    if n == "date" and o in ("timestamp", "timestamptz"):
        return "narrowing", f"{old} → {new} discards the time of day"
    if n in ("time", "timetz") and o in ("timestamp", "timestamptz"):
        return "narrowing", f"{old} → {new} discards the date"
    if n == "timestamp" and o == "timestamptz":
        return "narrowing", f"{old} → {new} discards the time zone"
    if n in _TIMES and o == n and new.mods and (not old.mods or old.mods[0] > new.mods[0]):
        return "narrowing", f"{old} → {new} rounds away fractional seconds"
    return "rewrite", f"{old} → {new} rewrites the table"


def _classify_numeric(old: ColumnType, new: ColumnType) -> tuple[str, str]:
    o = old.name
    if not new.mods:
        return ("safe", "widening") if o == "numeric" else ("rewrite", f"{old} → {new} rewrites the table")
    p, s = new.mods[0], (new.mods[1] if len(new.mods) > 1 else 0)
    if o in ("float4", "float8"):
        return "narrowing", f"{old} → {new} rounds values"
    if o in _INT_DIGITS:
        if p - s < _INT_DIGITS[o]:
            return "narrowing", f"{old} → {new} cannot hold every {o} value"
        return "rewrite", f"{old} → {new} rewrites the table"
    if o != "numeric":
        return "rewrite", f"{old} → {new} rewrites the table"
    if not old.mods:
        return "narrowing", f"{old} → {new} limits precision and scale"
    op_, os_ = old.mods[0], (old.mods[1] if len(old.mods) > 1 else 0)
    if s < os_:
        return "narrowing", f"{old} → {new} rounds away decimal places"
    if p - s < op_ - os_:
        return "narrowing", f"{old} → {new} cannot hold values as large"
    if s == os_:
        return "safe", "widening"
    return "rewrite", f"{old} → {new} rewrites the table"


def _classify_unknown(new: ColumnType) -> tuple[str, str]:
    n = new.name
    bounded = (
        (n in ("varchar", "bpchar") and new.mods)
        or (n == "numeric" and new.mods)
        or n in ("int2", "int4", "float4", "date", "time", "timetz", "timestamp")
    )
    if bounded:
        return "narrowing", (f"the old type is not known here; changing to {new} can truncate or round "
                             "values if the old type is wider")
    return "rewrite", f"changing to {new} rewrites the table"
