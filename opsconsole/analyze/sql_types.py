"""Column types as the analyzer sees them, and what PostgreSQL does to stored values when a type changes.

``ALTER COLUMN … TYPE`` without ``USING`` converts each value with the *assignment* cast; with
``USING col::t`` it uses the *explicit* cast. The two differ where it matters: an assignment cast
to ``varchar(n)`` raises "value too long" on a longer string (the upgrade fails, nothing is lost),
an explicit one silently cuts it. A verdict says which of the four things happens:

    safe       nothing is rewritten, every value kept
    rewrite    the table is rewritten, every value kept
    fails      a value that does not fit raises an error, so the upgrade stops (breaking, not loss)
    narrowing  values are silently rounded, cut or collapsed (data loss)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_INT_BITS = {"int2": 16, "int4": 32, "int8": 64}
_INT_DIGITS = {"int2": 5, "int4": 10, "int8": 19}
_STRINGS = {"text", "varchar", "bpchar"}
_TIMES = {"timestamp", "timestamptz", "time", "timetz", "interval"}
_SERIALS = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}
# Longest text form of a value, so a cast to varchar(n) of at least this length always fits.
_TEXT_WIDTH = {"int2": 6, "int4": 11, "int8": 20, "bool": 5, "uuid": 36, "date": 13}
_BUILTIN = _STRINGS | _TIMES | set(_INT_BITS) | {
    "numeric", "float4", "float8", "bool", "date", "json", "jsonb", "bytea", "uuid", "inet", "cidr",
    "macaddr", "money", "bit", "varbit", "xml", "tsvector", "oid", "point", "int4range", "int8range",
    "numrange", "tsrange", "tstzrange", "daterange", "hstore", "citext"}
VERDICTS = ("safe", "rewrite", "fails", "narrowing")


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


def worst(*verdicts: str) -> str:
    """Return the most harmful of ``verdicts`` (narrowing > fails > rewrite > safe)."""
    return max(verdicts, key=VERDICTS.index)


def classify_change(old: ColumnType | None, new: ColumnType, explicit: bool = False) -> tuple[str, str]:
    """Return (verdict, reason) for converting ``old`` values to ``new``; ``explicit`` for a ``::`` cast.

    With ``old`` unknown the verdict is "unknown": nothing shows whether values survive.
    """
    if old is None:
        return "unknown", (f"the old type is not known here, so it cannot be told whether every value "
                           f"fits {new}")
    if old == new:
        return "safe", "the type does not change"
    if old.array != new.array:
        return "fails", f"{old} → {new} needs a USING expression and fails without one"
    return _classify(old, new, explicit)


def _classify(old: ColumnType, new: ColumnType, explicit: bool) -> tuple[str, str]:
    o, n = old.name, new.name
    if n in ("varchar", "bpchar") and new.mods:
        return _to_bounded_string(old, new, explicit)
    if n in _STRINGS:
        if o in ("varchar", "text") and n in ("varchar", "text"):
            return "safe", "widening: every string still fits"
        return "rewrite", f"{old} → {new} keeps every value as text and rewrites the table"
    if n in _INT_BITS:
        if o in _INT_BITS:
            if _INT_BITS[n] < _INT_BITS[o]:
                return "fails", f"{old} → {new} raises 'out of range' on values beyond {_INT_BITS[n]} bits"
            return "rewrite", f"{old} → {new} keeps every value and rewrites the table"
        if o in ("numeric", "float4", "float8"):
            return "narrowing", f"{old} → {new} silently rounds away fractions"
        if o == "bool":
            return "rewrite", f"{old} → {new} keeps true/false as 1/0"
        return "fails", f"{old} → {new} raises on values that are not integers"
    if n == "numeric":
        return _to_numeric(old, new)
    if n in ("float4", "float8"):
        lossy = {"float4": {"float8", "numeric", "int4", "int8"}, "float8": {"numeric", "int8"}}[n]
        if o in lossy:
            return "narrowing", f"{old} → {new} silently loses digits of precision"
        if o in _INT_BITS or o in ("float4", "float8"):
            return "rewrite", f"{old} → {new} keeps every value and rewrites the table"
        return "fails", f"{old} → {new} raises on values that are not numbers"
    if n in _TIMES or n == "date":
        return _to_time(old, new)
    if n == "bool":
        if o in _INT_BITS or o == "numeric":
            return "narrowing", f"{old} → {new} collapses every non-zero value to true"
        return "fails", f"{old} → {new} raises on values that are not booleans"
    if n in ("json", "jsonb"):
        if o in ("json", "jsonb"):
            return "rewrite", f"{old} → {new} keeps every document and rewrites the table"
        if o in _STRINGS:
            return "fails", f"{old} → {new} raises on text that is not valid JSON"
        return "rewrite", f"{old} → {new} keeps every value as JSON"
    if n == "bytea":
        return "rewrite", f"{old} → {new} keeps every value as bytes"
    if n not in _BUILTIN:  # an enum or domain: a value outside it raises
        return "fails", f"{old} → {new} raises on a value that {new} does not accept"
    if o in _STRINGS:
        return "fails", f"{old} → {new} raises on text that is not a valid {new}"
    return "rewrite", f"{old} → {new} rewrites the table"


def _to_bounded_string(old: ColumnType, new: ColumnType, explicit: bool) -> tuple[str, str]:
    limit = new.mods[0]
    o = old.name
    if o in _STRINGS:
        fits = o != "text" and bool(old.mods) and old.mods[0] <= limit
        if fits:
            if o == new.name:
                return "safe", "widening: every string still fits"
            return "rewrite", f"{old} → {new} keeps every string and rewrites the table"
    elif _TEXT_WIDTH.get(o, 10**9) <= limit:
        return "rewrite", f"{old} → {new} keeps every value as text and rewrites the table"
    if explicit:
        return "narrowing", f"the explicit cast to {new} silently cuts strings longer than {limit} characters"
    return "fails", f"{old} → {new} raises 'value too long' on any value longer than {limit} characters"


def _to_numeric(old: ColumnType, new: ColumnType) -> tuple[str, str]:
    o = old.name
    if not new.mods:
        if o == "numeric":
            return "safe", "widening: numeric without limits holds every value"
        if o in _INT_BITS or o in ("float4", "float8", "money"):
            return "rewrite", f"{old} → {new} keeps every value and rewrites the table"
        return "fails", f"{old} → {new} raises on values that are not numbers"
    p, s = new.mods[0], (new.mods[1] if len(new.mods) > 1 else 0)
    if o in ("float4", "float8"):
        return "narrowing", f"{old} → {new} silently rounds to {s} decimal places"
    if o in _INT_DIGITS:
        if p - s < _INT_DIGITS[o]:
            return "fails", f"{old} → {new} raises 'numeric field overflow' on values with more than {p - s} digits"
        return "rewrite", f"{old} → {new} keeps every value and rewrites the table"
    if o != "numeric":
        return "fails", f"{old} → {new} raises on values that are not numbers"
    if not old.mods:
        return "narrowing", f"{old} → {new} silently rounds values to {s} decimal places"
    op_, os_ = old.mods[0], (old.mods[1] if len(old.mods) > 1 else 0)
    if s < os_:
        return "narrowing", f"{old} → {new} silently rounds away {os_ - s} decimal place(s)"
    if p - s < op_ - os_:
        return "fails", f"{old} → {new} raises 'numeric field overflow' on values that no longer fit"
    if s == os_:
        return "safe", "widening: every value still fits"
    return "rewrite", f"{old} → {new} keeps every value and rewrites the table"


def _to_time(old: ColumnType, new: ColumnType) -> tuple[str, str]:
    o, n = old.name, new.name
    if n == "date" and o in ("timestamp", "timestamptz"):
        return "narrowing", f"{old} → {new} silently discards the time of day"
    if n in ("time", "timetz") and o in ("timestamp", "timestamptz"):
        return "narrowing", f"{old} → {new} silently discards the date"
    if n == "timestamp" and o == "timestamptz":
        return "narrowing", f"{old} → {new} silently drops the time zone (values become local time)"
    if o == n or (o, n) in (("timestamp", "timestamptz"), ("date", "timestamp"), ("date", "timestamptz"),
                            ("time", "timetz")):
        if new.mods and (not old.mods or old.mods[0] > new.mods[0]):
            return "narrowing", f"{old} → {new} silently rounds away fractional seconds"
        if o == n:
            return "safe", "widening: more fractional digits"
        return "rewrite", f"{old} → {new} keeps every value and rewrites the table"
    if o in _STRINGS:
        return "fails", f"{old} → {new} raises on text that is not a valid {n}"
    return "fails", f"{old} → {new} raises on values that do not convert"
