"""Pre-flight: check every pending change whose outcome depends on the data against the live rows.

A rehearsal runs the pending steps on an empty copy of the schema, so `SET NOT NULL` over a column
full of NULLs passes there and fails in production. Pre-flight closes that gap: for each analyzer
finding whose success depends on stored rows it counts, on the live database (read-only, under the
statement timeout), the rows that would make it fail — NULLs under `SET NOT NULL`, existing rows
under a new `NOT NULL` column without a default, duplicates under a unique index, constraint or
primary key, orphans under a foreign key, rows a `CHECK` rejects, values a cast cannot convert —
split by tenant, real and test. A failing check blocks the guarded upgrade; a check whose table an
earlier pending data step writes to is only a warning, since that step may fix the rows first.

Results are plain dicts (the guard stores one as ``finding["preflight"]``): ``status`` (fail | pass
| uncertain | unchecked), ``kind``, ``summary`` in plain words, ``table``, ``condition`` and ``risk``
(opsconsole.analyze.live.rows_by_tenant's shape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opsconsole.analyze.live import quote, quote_table, rows_by_tenant, split_check_sql

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from opsconsole.settings import Settings

FAIL, PASS, UNCERTAIN, UNCHECKED = "fail", "pass", "uncertain", "unchecked"
DATA_RULES = frozenset({"set-not-null", "add-column-not-null-no-default", "add-unique-constraint", "add-primary-key",
                        "create-index-not-concurrently", "add-foreign-key-validated", "add-check-validated",
                        "type-change-may-fail", "type-change-unknown-old"})
_WRITES_ANY = re.compile(r"get_bind\(|bulk_insert\(|\b(?:sa\.)?(?:update|insert|delete)\(\s*\w", re.I)


@dataclass(frozen=True)
class Probe:
    """What to count for one finding: the rows of `table` where `condition` holds make it fail."""

    kind: str
    table: str  # quoted, schema-qualified
    condition: str  # over alias t
    failure: str  # what those rows have, in words: "have no last_login_at"
    also_reads: tuple[str, ...] = ()  # other tables whose rows matter (a foreign key's parent)
    source: str | None = None  # a derived table over `table` to count from, when the condition needs one


def check(conn: Connection, settings: Settings, finding: dict[str, Any], earlier_source: str = "",
          flags: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Pre-flight one finding on ``conn``; None when its outcome does not depend on the data.

    ``earlier_source`` is the text of the pending migration files up to and including the
    finding's own: a data step there that writes to the table may fix the rows before the change.
    """
    if finding.get("rule") not in DATA_RULES:
        return None
    try:
        found = probe(finding)
    except _Unreadable as exc:
        return _result(UNCHECKED, "", None, f"not checked: {exc}")
    if found is None:
        return None
    found = resolve_primary_key(conn, found)
    risk = rows_by_tenant(conn, settings, found.table, found.condition, flags, found.source)
    rows = risk["rows"]
    if rows is None:
        return _result(UNCHECKED, found.kind, found, f"not checked: {risk['note']}.", risk)
    target = _plain(found.table)
    if rows == 0:
        return _result(PASS, found.kind, found, f"passes on today's data: no row of {target} would make it fail.",
                       risk)
    counted = f"{rows:,} row(s){_of_tenants(risk)} {found.failure}"
    writer = _writer(earlier_source, (found.table, *found.also_reads))
    if writer:
        return _result(UNCERTAIN, found.kind, found,
                       f"would fail on today's data — {counted} — unless the pending data step that writes to "
                       f"{writer} fixes them first; the rehearsal is schema-only and cannot tell, so check that step.",
                       risk)
    return _result(FAIL, found.kind, found, f"will fail: {counted}.", risk)


def failures(findings: Any) -> list[dict[str, Any]]:
    """The findings whose pre-flight check fails: the upgrade would stop at them."""
    return [f for f in findings if (f.get("preflight") or {}).get("status") == FAIL]


def blocking_reason(findings: Any) -> str | None:
    """One sentence naming every failing pre-flight check and what to do, or None when none fails."""
    failed = failures(findings)
    if not failed:
        return None
    listed = "; ".join(f"{f.get('revision')} {f.get('rule')} on {f.get('object')}: {f['preflight']['summary']}"
                       for f in failed)
    return (f"pre-flight against the live data: {listed} Fix those rows (or change the migration to handle them), "
            "then run the upgrade again.")


def probe(finding: dict[str, Any]) -> Probe | None:
    """Derive what to count from a finding's rule, object and statement; None when it is not data-dependent."""
    rule, obj = finding.get("rule"), finding.get("object") or ""
    if rule == "set-not-null":
        table, column = _split_column(obj)
        return Probe("not-null", quote_table(table), f"t.{quote(column)} IS NULL", f"have no {column} (NULL)")
    if rule == "add-column-not-null-no-default":
        table, column = _split_column(obj)
        return Probe("new-not-null-column", quote_table(table), "true",
                     f"exist in {table}, and the new NOT NULL column {column} has no default to fill them")
    if rule in ("type-change-may-fail", "type-change-unknown-old"):
        split = split_check_sql(finding.get("check_sql") or "")
        if split is None:
            raise _Unreadable("the analyzer cannot say which values would fail this cast")
        table, condition = split
        column = obj.rsplit(".", 1)[-1]
        return Probe("cast", table, condition, f"hold a {column} value the new type cannot take")
    stmt = _parse(finding.get("statement"))
    if rule == "create-index-not-concurrently":
        if type(stmt).__name__ != "IndexStmt" or not stmt.unique:
            return None
        keys = [quote(p.name) if p.name else _deparse(p.expr) for p in stmt.indexParams]
        where = _deparse(stmt.whereClause) if stmt.whereClause is not None else None
        return _duplicates("unique", _rangevar(stmt.relation), keys, where, with_nulls=False)
    con = _constraint(stmt, finding)
    table = _rangevar(stmt.relation)
    kind = con.contype.name
    if kind in ("CONSTR_UNIQUE", "CONSTR_PRIMARY"):
        return _duplicates("primary-key" if kind == "CONSTR_PRIMARY" else "unique", table,
                           [quote(k.sval) for k in con.keys or ()], None, with_nulls=kind == "CONSTR_PRIMARY")
    if kind == "CONSTR_FOREIGN":
        return _orphans(table, con)
    if kind == "CONSTR_CHECK":
        expr = _deparse(con.raw_expr)
        label = f" {con.conname}" if con.conname else ""
        return Probe("check", table, f"NOT ({expr})", f"break the check{label} ({expr})")
    return None


class _Unreadable(Exception):
    """The finding's statement cannot be turned into a count."""


def _duplicates(kind: str, table: str, keys: list[str], where: str | None, with_nulls: bool) -> Probe:
    """Rows sharing their key with another row (a window count: one pass, no self-join); NULL keys for a primary key."""
    if not keys:
        raise _Unreadable("the constraint names no columns")
    cols = ", ".join(keys)
    shown = ", ".join(k.replace('"', "") for k in keys)
    n = quote("__opsconsole_n")
    if with_nulls:
        any_null = " OR ".join(f"t.{k} IS NULL" for k in keys)
        source = f"(SELECT *, count(*) OVER (PARTITION BY {cols}) AS {n} FROM {table})"
        return Probe(kind, table, f"{any_null} OR t.{n} > 1", f"have a NULL or duplicate {shown}", source=source)
    filters = [f"({k}) IS NOT NULL" for k in keys] + ([f"({where})"] if where else [])
    source = f"(SELECT *, count(*) OVER (PARTITION BY {cols}) AS {n} FROM {table} WHERE {' AND '.join(filters)})"
    return Probe(kind, table, f"t.{n} > 1", f"share their {shown} with another row (duplicates)", source=source)


def _orphans(table: str, con: Any) -> Probe:
    fk = [quote(a.sval) for a in con.fk_attrs or ()]
    pk = [quote(a.sval) for a in con.pk_attrs or ()]
    parent = _rangevar(con.pktable)
    if not pk:  # REFERENCES parent with no columns: the parent's primary key, read at count time
        pk = [f"__pk{i}__" for i in range(len(fk))]
    present = " AND ".join(f"t.{c} IS NOT NULL" for c in fk)
    match = " AND ".join(f"p.{p} = t.{c}" for p, c in zip(pk, fk))
    shown = ", ".join(c.replace('"', "") for c in fk)
    return Probe("foreign-key", table, f"{present} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})",
                 f"have a {shown} that matches no row of {_plain(parent)} (orphans)", (parent,))


def resolve_primary_key(conn: Connection, found: Probe) -> Probe:
    """Fill in a foreign key's implicit parent columns (REFERENCES parent) from the parent's primary key."""
    if "__pk0__" not in found.condition:
        return found
    parent = found.also_reads[0]
    cols = conn.exec_driver_sql(
        """SELECT a.attname FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n) ON true
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
           WHERE i.indrelid = to_regclass(%(t)s) AND i.indisprimary ORDER BY k.n""", {"t": parent}).scalars().all()
    condition = found.condition
    for i, col in enumerate(cols):
        condition = condition.replace(f"__pk{i}__", quote(col))
    return Probe(found.kind, found.table, condition, found.failure, found.also_reads, found.source)


def _constraint(stmt: Any, finding: dict[str, Any]) -> Any:
    if type(stmt).__name__ != "AlterTableStmt":
        raise _Unreadable("its statement is not an ALTER TABLE the analyzer can read")
    wanted = {"add-unique-constraint": "CONSTR_UNIQUE", "add-primary-key": "CONSTR_PRIMARY",
              "add-foreign-key-validated": "CONSTR_FOREIGN", "add-check-validated": "CONSTR_CHECK"}[finding["rule"]]
    cons = [cmd.def_ for cmd in stmt.cmds if cmd.subtype.name == "AT_AddConstraint"
            and cmd.def_.contype.name == wanted]
    if not cons:
        raise _Unreadable("its statement adds no such constraint")
    message = finding.get("message") or ""
    return next((c for c in cons if c.conname and f" {c.conname} " in f" {message} "), cons[0])


def _parse(statement: str | None) -> Any:
    if not statement:
        raise _Unreadable("the finding carries no SQL statement")
    import pglast

    try:
        return pglast.parse_sql(statement)[0].stmt
    except Exception as exc:  # pglast.parser.ParseError, or Python source from the source reader
        raise _Unreadable(f"its statement is not SQL the analyzer can read ({type(exc).__name__})") from None


def _deparse(node: Any) -> str:
    from pglast.stream import RawStream

    return RawStream()(node)


def _rangevar(rv: Any) -> str:
    return f"{quote(rv.schemaname or 'public')}.{quote(rv.relname)}"


def _split_column(obj: str) -> tuple[str, str]:
    table, _, column = obj.rpartition(".")
    if not table or not column:
        raise _Unreadable(f"cannot tell the table and column from {obj!r}")
    return table, column


def _writer(source: str, tables: tuple[str, ...]) -> str | None:
    """Name the table a pending data step may write to before the change runs, if any."""
    if not source:
        return None
    for table in tables:
        name = re.escape(_plain(table).rsplit(".", 1)[-1])
        dml = rf"\b(?:update|insert\s+into|delete\s+from|merge\s+into|copy)\s+(?:only\s+)?(?:[\w\"]+\.)?\"?{name}\"?(?!\w)"
        if re.search(dml, source, re.I):
            return _plain(table)
    if _WRITES_ANY.search(source):
        return f"{_plain(tables[0])} (a data step through op.get_bind(), bulk_insert or a SQL expression)"
    return None


def _of_tenants(risk: dict[str, Any]) -> str:
    tenants = risk.get("tenants")
    if tenants is None:
        return ""
    split = ""
    if risk.get("test_tenants") is not None:
        split = f" ({risk['real_tenants']:,} real, {risk['test_tenants']:,} test)"
    return f" of {tenants:,} tenant(s){split}"


def _plain(table: str) -> str:
    return table.replace('"', "")


def _result(status: str, kind: str, found: Probe | None, summary: str,
            risk: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"status": status, "kind": kind, "summary": summary, "table": _plain(found.table) if found else None,
            "condition": found.condition if found else None, "risk": risk}
