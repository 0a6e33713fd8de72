"""Rules over SQL parsed by the real PostgreSQL parser (pglast)."""

from __future__ import annotations

import re
from typing import Any, Iterator

from opsconsole.errors import AnalysisError

from .rules import Finding, finding
from .sql_types import ColumnType, classify_change, type_from_node, worst

# New types whose range is small enough that an unknown old type may not fit.
_BOUNDED = {"int2", "int4", "float4", "date", "time", "timetz", "bool", "uuid"}
# Functions of one column that keep every value (a USING expression built from them loses nothing).
_KEEPING_FUNCS = {"to_json", "to_jsonb", "convert_to", "to_timestamp", "array_to_json", "json_build_array",
                  "jsonb_build_array", "encode", "array", "lower_inc", "textin"}


def _column_of(node: Any) -> str | None:
    """Return the column a ColumnRef names, else None."""
    if type(node).__name__ != "ColumnRef":
        return None
    last = node.fields[-1]
    return getattr(last, "sval", None)


def _keeps_values(column: str, expr: Any) -> bool:
    """Return True if ``SET column = expr`` keeps the information in every row (NOT x, x * 2, COALESCE(x, …))."""
    kind = type(expr).__name__
    if _column_of(expr) == column:
        return True
    if kind == "FuncCall" and expr.funcname[-1].sval.lower() == "coalesce" or kind == "CoalesceExpr":
        args = expr.args
        return bool(args) and _column_of(args[0]) == column
    if kind == "BoolExpr" and expr.boolop.name == "NOT_EXPR":
        return _column_of(expr.args[0]) == column
    if kind == "A_Expr" and expr.kind.name == "AEXPR_OP":
        op = expr.name[-1].sval
        sides = [expr.lexpr, expr.rexpr]
        consts = [type(x).__name__ == "A_Const" for x in sides]
        refs = [_column_of(x) == column for x in sides]
        if expr.lexpr is None:  # unary minus
            return op == "-" and refs[1]
        return op in ("+", "-", "*", "||") and any(refs) and any(consts)
    if kind == "TypeCast":
        return _keeps_values(column, expr.arg)
    return False


def using_verdict(expr: Any, column: str, old: ColumnType | None, new: ColumnType) -> tuple[str, str]:
    """Judge ``ALTER COLUMN column TYPE new USING expr`` by the casts and functions it applies to the column."""
    casts: list[ColumnType | None] = []
    node = expr
    while type(node).__name__ == "TypeCast":
        casts.append(type_from_node(node.typeName))
        node = node.arg
    if _column_of(node) == column:
        steps = [old, *reversed(casts)]
        verdict, reasons = "safe", []
        for i, (a, b) in enumerate(zip(steps, steps[1:])):
            if b is None:
                return "narrowing", "the USING expression casts to a type the analyzer cannot read"
            if b.name in ("text", "varchar") and not b.mods:  # every value has a text form
                v, why = "rewrite", f"{a or 'the old type'} → {b} keeps every value as text"
            elif a is None and b.name in ("varchar", "bpchar"):  # an explicit cast cuts whatever is longer
                v, why = "narrowing", f"the explicit cast to {b} silently cuts values longer than {b.mods[0]} characters"
            else:
                v, why = classify_change(a, b, explicit=True)
            if v == "unknown":
                return "unknown", why
            verdict, reasons = worst(verdict, v), reasons + [why]
        last = steps[-1]
        if last != new and last is not None:
            v, why = classify_change(last, new)
            verdict, reasons = worst(verdict, v), reasons + [why]
        return verdict, "; ".join(reasons) if reasons else "the type does not change"
    if type(node).__name__ == "FuncCall" and node.funcname[-1].sval.lower() in _KEEPING_FUNCS \
            and any(_column_of(a) == column or (type(a).__name__ == "TypeCast" and _column_of(a.arg) == column)
                    for a in node.args or ()):
        return "rewrite", f"USING {node.funcname[-1].sval}({column}) keeps every value"
    return "narrowing", ("the USING expression computes every new value; the analyzer cannot tell whether any "
                         "is lost — review it")


def check_sql(table: str, column: str, new: ColumnType) -> str | None:
    """Return SQL counting the rows whose value would not fit ``new``, where that is simple to say."""
    col, tab = f'"{column}"', ".".join(f'"{p}"' for p in table.split("."))
    if new.name in ("varchar", "bpchar") and new.mods:
        return f"SELECT count(*) FROM {tab} WHERE length({col}::text) > {new.mods[0]}"
    bits = {"int2": 15, "int4": 31}.get(new.name)
    if bits:
        return f"SELECT count(*) FROM {tab} WHERE {col} NOT BETWEEN {-(2 ** bits)} AND {2 ** bits - 1}"
    if new.name == "numeric" and new.mods:
        p, s = new.mods[0], (new.mods[1] if len(new.mods) > 1 else 0)
        return f"SELECT count(*) FROM {tab} WHERE abs({col}) >= 1e{p - s}"
    return None

# Functions whose default value differs per row, forcing a table rewrite on ADD COLUMN.
_VOLATILE = {"random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
             "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval", "statement_timestamp", "txid_current"}


def _qualify(name: str) -> str:
    return name if "." in name else f"public.{name}"


def _rangevar(rv: Any) -> str:
    return f"{rv.schemaname or 'public'}.{rv.relname}"


def _names(obj: Any) -> str:
    parts = [p.sval for p in obj] if isinstance(obj, tuple) else [obj.sval]
    return ".".join((["public"] + parts)[-2:])


_DESTRUCTIVE = re.compile(r"\b(DROP|TRUNCATE|DELETE|UPDATE|ALTER)\b", re.I)


def _plpgsql_nodes(tree: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (kind, body) for every PL/pgSQL statement node in parse_plpgsql's JSON tree."""
    if isinstance(tree, list):
        for item in tree:
            yield from _plpgsql_nodes(item)
    elif isinstance(tree, dict):
        for key, value in tree.items():
            if key.startswith("PLpgSQL_stmt_") and isinstance(value, dict):
                yield key, value
            yield from _plpgsql_nodes(value)


def _walk(node: Any) -> Iterator[Any]:
    from pglast.ast import Node

    if isinstance(node, tuple):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, Node):
        yield node
        for attr in type(node).__slots__:
            yield from _walk(getattr(node, attr, None))


class SqlAnalyzer:
    """Walk the statements of one migration, remembering tables it creates and column types it sees."""

    def __init__(self, revision: str | None = None, existing_tables: set[str] | None = None,
                 known_types: dict[str, ColumnType] | None = None) -> None:
        self.revision = revision
        self.existing = {_qualify(t) for t in existing_tables} if existing_tables is not None else None
        self.created: set[str] = set()  # tables this migration created (their rows came from it)
        self.added: set[str] = set()  # table.column added by this migration
        self.types: dict[str, ColumnType] = dict(known_types or {})
        self.findings: list[Finding] = []
        self.line: int | None = None  # the line every finding gets (a SQL string inside a .py file)
        self.line_from_sql = False  # compute each finding's line from the statement's place in the SQL
        self._stmt: str | None = None
        self._stmt_line: int | None = None
        self.already_nullable: set[str] = set()  # altered with nullable=True, existing_nullable=True: a no-op
        self.lock_timeout = False  # a SET lock_timeout ran earlier in this migration
        self.lock_reported = False
        self.not_null_checks: dict[str, str] = {}  # constraint name -> table.column it proves NOT NULL
        self.proven_not_null: set[str] = set()  # table.column with a validated CHECK (col IS NOT NULL)

    def run(self, sql: str, strict: bool = True) -> list[Finding]:
        """Analyse ``sql``; raise AnalysisError on a syntax error if ``strict``, else note it and go on."""
        from pglast import parse_sql
        from pglast.parser import ParseError

        try:
            stmts = [(raw, sql) for raw in parse_sql(sql)]
        except ParseError as exc:
            if strict:
                raise AnalysisError(f"SQL syntax error: {exc.args[0]} at character {exc.args[1]}; "
                                    "fix the SQL (PostgreSQL syntax) and analyse again") from exc
            stmts = self._lenient(sql)
        for raw, text in stmts:
            end = raw.stmt_location + raw.stmt_len if raw.stmt_len else len(text)
            piece = text[raw.stmt_location:end]
            self._stmt = piece.strip()
            if self.line_from_sql:
                start = sql.find(self._stmt) if text is not sql else raw.stmt_location + (len(piece) - len(piece.lstrip()))
                self._stmt_line = sql.count("\n", 0, max(start, 0)) + 1
            self._dispatch(raw.stmt)
        return self.findings

    def _dispatch(self, stmt: Any) -> None:
        """Judge one statement, and the DELETE/UPDATE nested in its WITH clauses."""
        handler = getattr(self, f"_{type(stmt).__name__}", None)
        if handler is not None:
            handler(stmt)
        for node in _walk(stmt):
            if node is not stmt and type(node).__name__ in ("DeleteStmt", "UpdateStmt"):
                getattr(self, f"_{type(node).__name__}")(node)

    def _lenient(self, sql: str) -> list[tuple[Any, str]]:
        from pglast import parse_sql
        from pglast.parser import ParseError, split

        out: list[tuple[Any, str]] = []
        for piece in split(sql, with_parser=False):
            try:
                out.extend((raw, piece) for raw in parse_sql(piece))
            except ParseError as exc:
                self.findings.append(finding("unparsable-sql", self.revision, None, piece,
                                             f"not valid PostgreSQL: {exc.args[0]}"))
        return out

    # helpers
    def _add(self, rule: str, obj: str | None, message: str, check_sql: str | None = None) -> None:
        line = self._stmt_line if self.line_from_sql else self.line
        self.findings.append(finding(rule, self.revision, obj, self._stmt, message, line, check_sql))

    def strong_lock(self, table: str | None, what: str) -> None:
        """Report (once per migration) a strong lock on an existing table taken with no lock_timeout set."""
        if self.lock_timeout or self.lock_reported or table is None or self._is_new(table):
            return
        self.lock_reported = True
        self._add("missing-lock-timeout", table,
                  f"{what} takes an ACCESS EXCLUSIVE lock on {table} and no lock_timeout is set in this migration: "
                  "behind one long query it waits, and every query on the table queues behind it")

    def _VariableSetStmt(self, stmt: Any) -> None:
        if (stmt.name or "").lower() == "lock_timeout":
            self.lock_timeout = True

    def _is_new(self, table: str) -> bool:
        return table in self.created

    def _existed(self, table: str) -> bool:
        return not self._is_new(table) and (self.existing is None or table in self.existing)

    # statements
    def _CreateStmt(self, stmt: Any) -> None:
        table = _rangevar(stmt.relation)
        self.created.add(table)
        for elt in stmt.tableElts or ():
            if type(elt).__name__ == "ColumnDef" and elt.typeName is not None:
                self.types[f"{table}.{elt.colname}"] = type_from_node(elt.typeName)
                self.added.add(f"{table}.{elt.colname}")

    def _CreateTableAsStmt(self, stmt: Any) -> None:
        self.created.add(_rangevar(stmt.into.rel))

    def _DropStmt(self, stmt: Any) -> None:
        from pglast.enums import DropBehavior, ObjectType

        kind = stmt.removeType
        cascade = " CASCADE" if stmt.behavior == DropBehavior.DROP_CASCADE else ""
        for obj in stmt.objects or ():
            if kind == ObjectType.OBJECT_TABLE:
                name = _names(obj)
                if name not in self.created:  # a table this migration created (a temporary or staging table)
                    self._add("drop-table", name, f"drops table {name}{cascade} and every row in it")
                    self.strong_lock(name, "DROP TABLE")
            elif kind == ObjectType.OBJECT_SCHEMA:
                name = obj.sval
                self._add("drop-schema", name, f"drops schema {name}{cascade}"
                          + (" and every table in it" if cascade else ""))
            elif kind == ObjectType.OBJECT_INDEX and not stmt.concurrent:
                name = _names(obj)
                self._add("drop-index-not-concurrently", name, f"drops index {name} without CONCURRENTLY")
            elif kind in (ObjectType.OBJECT_TYPE, ObjectType.OBJECT_DOMAIN, ObjectType.OBJECT_EXTENSION) and cascade:
                name = _names(obj.names) if hasattr(obj, "names") else _names(obj)
                what = kind.name.removeprefix("OBJECT_").lower()
                self._add("drop-cascade", name, f"drops {what} {name} CASCADE, which drops every column using it")

    def _DoStmt(self, stmt: Any) -> None:
        """Judge the SQL inside a DO block (PL/pgSQL) as if it stood on its own."""
        from pglast import parse_plpgsql, parse_sql
        from pglast.parser import ParseError

        try:
            tree = parse_plpgsql(self._stmt or "")
        except Exception as exc:  # pglast raises ParseError or ValueError on odd bodies
            self._add("dynamic-destructive-sql", None, f"a DO block that could not be read ({exc}); review it by hand")
            return
        for kind, node in _plpgsql_nodes(tree):
            query = node.get("sqlstmt", node.get("query", {})).get("PLpgSQL_expr", {}).get("query", "")
            if kind == "PLpgSQL_stmt_execsql":
                try:
                    for raw in parse_sql(query):
                        self._dispatch(raw.stmt)
                except ParseError:
                    continue
            elif kind == "PLpgSQL_stmt_dynexecute":
                if _DESTRUCTIVE.search(query):
                    self._add("dynamic-destructive-sql", None, f"EXECUTE of a string built at run time that "
                                                               f"drops or deletes: {query[:80]}")
                else:
                    self._add("dynamic-sql", None, f"EXECUTE of a string built at run time: {query[:80]}")

    def _DropdbStmt(self, stmt: Any) -> None:
        self._add("drop-database", stmt.dbname, f"drops database {stmt.dbname}")

    def _TruncateStmt(self, stmt: Any) -> None:
        for rv in stmt.relations:
            if not self._is_new(_rangevar(rv)):
                self._add("truncate", _rangevar(rv), f"truncates {_rangevar(rv)}: every row is deleted")
                self.strong_lock(_rangevar(rv), "TRUNCATE")

    def _DeleteStmt(self, stmt: Any) -> None:
        table = _rangevar(stmt.relation)
        if self._is_new(table):
            return
        if stmt.whereClause is None:
            self._add("delete-without-where", table, f"deletes every row of {table}")
        else:
            self._add("delete-rows", table, f"deletes the rows of {table} that match its WHERE clause")

    def _UpdateStmt(self, stmt: Any) -> None:
        """Flag an UPDATE without WHERE that overwrites values this migration did not put there."""
        table = _rangevar(stmt.relation)
        if stmt.whereClause is not None or self._is_new(table):
            return
        lost = [t.name for t in stmt.targetList
                if f"{table}.{t.name}" not in self.added and not _keeps_values(t.name, t.val)]
        if lost:
            self._add("update-without-where", table, f"overwrites {', '.join(lost)} in every row of {table}")

    def _RenameStmt(self, stmt: Any) -> None:
        from pglast.enums import ObjectType

        kind = stmt.renameType
        if kind == ObjectType.OBJECT_SCHEMA:
            self._add("rename-schema", stmt.subname, f"renames schema {stmt.subname} to {stmt.newname}")
            return
        if stmt.relation is None:
            return
        table = _rangevar(stmt.relation)
        self.strong_lock(table, "RENAME")
        if kind in (ObjectType.OBJECT_TABLE, ObjectType.OBJECT_VIEW, ObjectType.OBJECT_MATVIEW):
            new = f"{stmt.relation.schemaname or 'public'}.{stmt.newname}"
            if self._is_new(table):
                self.created.add(new)
            else:
                self._add("rename-table", table, f"renames {table} to {new}")
        elif kind == ObjectType.OBJECT_COLUMN and not self._is_new(table):
            self._add("rename-column", f"{table}.{stmt.subname}",
                      f"renames column {table}.{stmt.subname} to {stmt.newname}")

    def _IndexStmt(self, stmt: Any) -> None:
        table = _rangevar(stmt.relation)
        if not stmt.concurrent and self._existed(table):
            kind = "unique index" if stmt.unique else "index"
            self.strong_lock(table, "CREATE INDEX without CONCURRENTLY (a SHARE lock)")
            self._add("create-index-not-concurrently", table,
                      f"builds {kind} {stmt.idxname or ''} on existing table {table} without CONCURRENTLY; "
                      "writes are blocked until it finishes".replace("  ", " "))

    def _AlterTableStmt(self, stmt: Any) -> None:
        from pglast.enums import ObjectType

        if stmt.objtype != ObjectType.OBJECT_TABLE or stmt.relation is None:
            return
        table = _rangevar(stmt.relation)
        self.strong_lock(table, "ALTER TABLE")
        for cmd in stmt.cmds:
            handler = getattr(self, f"_cmd_{cmd.subtype.name}", None)
            if handler is not None:
                handler(table, cmd)

    # ALTER TABLE sub-commands
    def _cmd_AT_DropColumn(self, table: str, cmd: Any) -> None:
        name = f"{table}.{cmd.name}"
        if name not in self.added and not self._is_new(table):
            self._add("drop-column", name, f"drops column {name} and every value in it")

    def _cmd_AT_AddColumn(self, table: str, cmd: Any) -> None:
        from pglast.enums import ConstrType

        col = cmd.def_
        ctype = type_from_node(col.typeName)
        name = f"{table}.{col.colname}"
        self.added.add(name)
        if ctype is not None:
            self.types[name] = ctype
        if self._is_new(table):
            return
        kinds = {c.contype: c for c in col.constraints or ()}
        default = kinds.get(ConstrType.CONSTR_DEFAULT)
        generated = kinds.get(ConstrType.CONSTR_GENERATED)
        identity = ConstrType.CONSTR_IDENTITY in kinds
        serial = ctype is not None and ctype.is_serial
        not_null = col.is_not_null or ConstrType.CONSTR_NOTNULL in kinds or ConstrType.CONSTR_PRIMARY in kinds
        if not_null and default is None and generated is None and not identity and not serial:
            self._add("add-column-not-null-no-default", name,
                      f"adds NOT NULL column {name} without a default: fails if {table} has rows")
        volatile = sorted({".".join(p.sval for p in n.funcname) for n in _walk(default.raw_expr)
                           if type(n).__name__ == "FuncCall" and n.funcname[-1].sval.lower() in _VOLATILE}
                          ) if default is not None else []
        stored = generated is not None and generated.generated_kind == "s"
        if volatile or serial or identity or stored:
            why = (f"default {', '.join(v + '()' for v in volatile)}" if volatile else
                   "a serial type" if serial else "an identity" if identity else "a stored generated expression")
            self._add("add-column-volatile-default", name,
                      f"adds column {name} with {why}: every row of {table} is rewritten under an exclusive lock")

    def _cmd_AT_AlterColumnType(self, table: str, cmd: Any) -> None:
        name = f"{table}.{cmd.name}"
        new = type_from_node(cmd.def_.typeName)
        if new is None:
            return
        old = self.types.get(name)
        self.types[name] = new
        if name in self.added or self._is_new(table):
            return  # every value in it was written by this migration
        if cmd.def_.raw_default is not None:
            verdict, why = using_verdict(cmd.def_.raw_default, cmd.name, old, new)
        else:
            verdict, why = classify_change(old, new)
        self.type_change(table, cmd.name, old, new, verdict, why)

    def type_change(self, table: str, column: str, old: ColumnType | None, new: ColumnType,
                    verdict: str, why: str) -> None:
        """Report a column type change by what PostgreSQL does to the values already stored."""
        name = f"{table}.{column}"
        if verdict == "narrowing":
            self._add("narrowing-type-change", name, f"changes the type of {name}: {why}")
        elif verdict == "fails":
            self._add("type-change-may-fail", name, f"changes the type of {name}: {why}; the upgrade stops "
                      "there and nothing is lost", check_sql(table, column, new))
        elif verdict == "unknown":
            if new.name in _BOUNDED or (new.name in ("varchar", "bpchar", "numeric") and new.mods):
                self._add("type-change-unknown-old", name, f"changes {name} to {new}: {why} (pass existing_type= "
                          "to op.alter_column so the analyzer can tell)", check_sql(table, column, new))
            else:
                self._add("type-change-rewrite", name, f"changes {name} to {new}, which rewrites the table "
                          "under an ACCESS EXCLUSIVE lock")
        elif verdict == "rewrite":
            self._add("type-change-rewrite", name,
                      f"changes the type of {name}: {why} under an ACCESS EXCLUSIVE lock")

    def _cmd_AT_DropNotNull(self, table: str, cmd: Any) -> None:
        name = f"{table}.{cmd.name}"
        if not self._is_new(table) and name not in self.added and name not in self.already_nullable:
            self._add("drop-not-null", name, f"drops NOT NULL from {name}: readers that assume a value get NULLs")

    def _cmd_AT_ValidateConstraint(self, table: str, cmd: Any) -> None:
        column = self.not_null_checks.get(cmd.name)
        if column:
            self.proven_not_null.add(column)

    def _cmd_AT_SetNotNull(self, table: str, cmd: Any) -> None:
        if f"{table}.{cmd.name}" in self.proven_not_null:
            return  # PostgreSQL 12+ uses the validated CHECK (col IS NOT NULL) and skips the scan
        if not self._is_new(table):
            self._add("set-not-null", f"{table}.{cmd.name}",
                      f"sets {table}.{cmd.name} NOT NULL: fails on existing NULLs and scans the table")

    def _cmd_AT_ColumnDefault(self, table: str, cmd: Any) -> None:
        if cmd.def_ is None and not self._is_new(table):
            self._add("drop-default", f"{table}.{cmd.name}",
                      f"drops the default of {table}.{cmd.name}: inserts that omit it get NULL or fail")

    def _cmd_AT_AddConstraint(self, table: str, cmd: Any) -> None:
        from pglast.enums import ConstrType

        con = cmd.def_
        if con.contype == ConstrType.CONSTR_CHECK and type(con.raw_expr).__name__ == "NullTest" \
                and con.raw_expr.nulltesttype.name == "IS_NOT_NULL" and _column_of(con.raw_expr.arg):
            column = f"{table}.{_column_of(con.raw_expr.arg)}"
            if con.skip_validation and con.conname:
                self.not_null_checks[con.conname] = column
            elif not con.skip_validation:
                self.proven_not_null.add(column)
        if self._is_new(table):
            return
        label = f" {con.conname}" if con.conname else ""
        if con.contype == ConstrType.CONSTR_FOREIGN and not con.skip_validation:
            self._add("add-foreign-key-validated", table,
                      f"adds foreign key{label} on {table} without NOT VALID: scans {table} while locking it "
                      f"and {_rangevar(con.pktable)}")
        elif con.contype == ConstrType.CONSTR_CHECK and not con.skip_validation:
            self._add("add-check-validated", table,
                      f"adds check{label} on {table} without NOT VALID: scans {table} under an exclusive lock")
        elif con.contype == ConstrType.CONSTR_UNIQUE and not con.indexname:
            self._add("add-unique-constraint", table,
                      f"adds unique constraint{label} on {table}: builds an index while blocking reads and writes")
        elif con.contype == ConstrType.CONSTR_PRIMARY and not con.indexname:
            self._add("add-primary-key", table,
                      f"adds primary key{label} on {table}: builds an index while blocking reads and writes")
