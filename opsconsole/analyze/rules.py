"""The finding shape and the catalogue of rules, each with a stable id, severity and fix hint."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

SEVERITIES = ("data-loss", "breaking", "locking", "info")
ONCE_PER_FILE = {"missing-lock-timeout"}  # reported once per migration, by whichever reading saw it first
PLACEHOLDER = "__runtime__"  # stands for a value a SQL string gets at run time (f-string, % or .format)


@dataclass(frozen=True)
class Rule:
    """One kind of unsafe migration step."""

    id: str
    severity: str
    summary: str
    hint: str


@dataclass(frozen=True)
class Finding:
    """One unsafe step found in a migration."""

    revision: str | None
    rule: str
    severity: str
    object: str | None
    statement: str | None
    message: str
    hint: str
    line: int | None = None  # line in the analysed file (a .py migration or a .sql script), when known
    check_sql: str | None = None  # counts the rows that would make a breaking change fail, when it can
    suppressed: str | None = None  # the reason given in `# opsconsole: ignore[rule] reason`, if suppressed

    def to_dict(self) -> dict:
        """Return the finding as a plain dict, as printed by ``--json``."""
        return asdict(self)


def _rules(*rows: tuple[str, str, str, str]) -> dict[str, Rule]:
    return {row[0]: Rule(*row) for row in rows}


RULES: dict[str, Rule] = _rules(
    # data-loss: rows or values disappear
    ("drop-table", "data-loss", "DROP TABLE deletes the table and every row in it",
     "Stop using the table in the app first, rename or archive it, and drop it in a later release."),
    ("drop-column", "data-loss", "ALTER TABLE … DROP COLUMN deletes every value in the column",
     "Stop reading the column in the app first, back it up, and drop it in a later release."),
    ("drop-schema", "data-loss", "DROP SCHEMA deletes the schema and (with CASCADE) every table in it",
     "Drop the schema's tables one by one in reviewed migrations, or keep the schema."),
    ("drop-database", "data-loss", "DROP DATABASE deletes the whole database",
     "Never drop a database from a migration."),
    ("drop-cascade", "data-loss", "DROP TYPE/DOMAIN/EXTENSION … CASCADE also drops the columns that use it",
     "Drop or convert the dependent columns explicitly first, then drop without CASCADE."),
    ("truncate", "data-loss", "TRUNCATE deletes every row",
     "Delete only the rows you mean to, with a WHERE clause, or move the data elsewhere first."),
    ("delete-without-where", "data-loss", "DELETE without WHERE deletes every row",
     "Add a WHERE clause that selects only the rows to delete."),
    ("delete-rows", "data-loss", "DELETE … WHERE (or an ORM delete) deletes the rows it matches",
     "Copy the rows to an archive table first (INSERT … SELECT), or mark them instead of deleting them."),
    ("update-without-where", "data-loss",
     "UPDATE without WHERE overwrites existing values of a column in every row",
     "Add a WHERE clause, or back up the old values into a new column first."),
    ("narrowing-type-change", "data-loss",
     "a column type change that silently rounds, cuts or collapses stored values",
     "Add a new column of the new type, backfill and check it, switch the app, then drop the old column."),
    # breaking: the running app's queries start failing
    ("rename-table", "breaking", "renaming a table breaks the app version still running",
     "Create the new table or a view with the new name, switch the app, then drop the old name later."),
    ("rename-column", "breaking", "renaming a column breaks the app version still running",
     "Add the new column, backfill it, switch the app to it, then drop the old column later."),
    ("rename-schema", "breaking", "renaming a schema breaks every query that names it",
     "Keep the schema name; move tables one by one if you must."),
    ("add-column-not-null-no-default", "breaking",
     "ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows, and breaks inserts by the old app",
     "Add the column nullable (or with a server default), backfill, then set NOT NULL in a later migration."),
    ("set-not-null", "breaking",
     "SET NOT NULL fails if any row is NULL, scans the table under an exclusive lock and breaks old inserts",
     "Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan)."),
    ("drop-default", "breaking", "DROP DEFAULT breaks inserts by an app that relies on the default",
     "Make the app supply the value first, then drop the default."),
    ("drop-not-null", "breaking", "DROP NOT NULL lets NULLs in that readers of the column do not expect",
     "Make every reader handle NULL first, then drop the constraint in a later release."),
    ("type-change-may-fail", "breaking",
     "a type change whose cast raises on a value that does not fit: the upgrade stops, nothing is lost",
     "Count and fix the values that do not fit first (the finding's check_sql does it), then change the type."),
    ("type-change-unknown-old", "breaking",
     "a type change to a bounded type whose old type the analyzer cannot see",
     "Pass existing_type= to alter_column so the change can be judged, and rehearse the upgrade."),
    # locking: takes a lock that blocks reads or writes while the table is scanned or rewritten
    ("missing-lock-timeout", "locking",
     "a statement takes a strong lock on an existing table and no lock_timeout is set in the migration",
     "Start upgrade() with op.execute(\"SET lock_timeout = '5s'\") and retry on failure, so blocked DDL gives up."),
    ("create-index-not-concurrently", "locking",
     "CREATE INDEX without CONCURRENTLY blocks writes to an existing table while the index builds",
     "Use CREATE INDEX CONCURRENTLY (op.create_index(..., postgresql_concurrently=True) in an autocommit_block)."),
    ("drop-index-not-concurrently", "locking", "DROP INDEX without CONCURRENTLY blocks reads and writes of the table",
     "Use DROP INDEX CONCURRENTLY (postgresql_concurrently=True in an autocommit_block)."),
    ("type-change-rewrite", "locking",
     "ALTER COLUMN TYPE rewrites the table under an ACCESS EXCLUSIVE lock",
     "Add a new column of the new type, backfill it in batches, then swap columns."),
    ("add-foreign-key-validated", "locking",
     "ADD FOREIGN KEY without NOT VALID scans the table while locking both tables",
     "Add the constraint NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later step."),
    ("add-check-validated", "locking", "ADD CHECK without NOT VALID scans the table under an exclusive lock",
     "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later step."),
    ("add-unique-constraint", "locking",
     "ADD UNIQUE builds an index while blocking reads and writes",
     "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE USING INDEX."),
    ("add-primary-key", "locking",
     "ADD PRIMARY KEY builds an index (and may set NOT NULL) while blocking reads and writes",
     "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … PRIMARY KEY USING INDEX."),
    ("add-column-volatile-default", "locking",
     "ADD COLUMN with a volatile default (random(), gen_random_uuid(), serial, stored generated) rewrites the table",
     "Add the column without the default, set the default, then backfill in batches."),
    # info: what static analysis cannot fully see
    ("unanalysable", "data-loss", "the analyzer could not read the migration, so nothing shows it is safe",
     "Fix the file, or review it by hand and approve the revision."),
    ("dynamic-destructive-sql", "data-loss", "SQL built or hidden at run time (EXECUTE in a DO block) drops, deletes or rewrites",
     "Write the statement out literally in the migration so it can be reviewed, or approve the revision after review."),
    ("type-change-unknown", "info", "a type change whose new type is not a SQLAlchemy type the analyzer can read",
     "Rehearse the upgrade (upgrade --rehearse) to see the SQL it runs."),
    ("dynamic-sql", "info", "SQL built at run time cannot be checked statically",
     "Use a literal SQL string, or rehearse the upgrade (upgrade --rehearse) to see its effect."),
    ("data-step-get-bind", "info", "a data step through op.get_bind() runs only online; offline rendering cannot see it",
     "Rehearse the upgrade (upgrade --rehearse) to check what the data step does."),
    ("offline-branch", "info", "upgrade() branches on context.is_offline_mode(); online it runs different code",
     "Make both branches do the same schema change, and rehearse the upgrade."),
    ("batch-operation", "info", "op.batch_alter_table: on PostgreSQL its steps become plain ALTER TABLE; "
     "recreate='always' copies the whole table",
     "Prefer plain op.* calls on PostgreSQL; never use recreate='always' on a large table."),
    ("offline-render-failed", "info", "offline rendering of upgrade() stopped early; later steps were read from the source only",
     "Rehearse the upgrade (upgrade --rehearse) to see every step run."),
    ("unparsable-sql", "info", "a SQL string could not be parsed as PostgreSQL",
     "Fix the SQL, or rehearse the upgrade to check it."),
)


def finding(rule: str, revision: str | None, obj: str | None, statement: str | None, message: str,
            line: int | None = None, check_sql: str | None = None) -> Finding:
    """Build a finding for ``rule``, filling in its severity and hint."""
    r = RULES[rule]
    return Finding(revision=revision, rule=rule, severity=r.severity, object=obj,
                   statement=statement, message=message, hint=r.hint, line=line, check_sql=check_sql)


def merge(primary: list[Finding], extra: list[Finding]) -> list[Finding]:
    """Append to ``primary`` the ``extra`` findings whose rule and object (or statement) it lacks.

    A duplicate still lends its line to the primary finding that has none (rendered SQL has no line).
    """
    def key(f: Finding) -> tuple:
        if f.rule in ONCE_PER_FILE:
            return (f.revision, f.rule)
        return (f.revision, f.rule, f.object) if f.object is not None else (f.revision, f.rule, f.statement)

    index = {key(f): i for i, f in enumerate(primary)}
    rules_seen = {(f.revision, f.rule) for f in primary}
    out = list(primary)
    for f in extra:
        placeholder = PLACEHOLDER in f"{f.object}{f.statement}"  # built at run time: rendering saw the real one
        k = key(f)
        if k in index:
            i = index[k]
            if out[i].line is None and f.line is not None:
                out[i] = replace(out[i], line=f.line)
        elif not (placeholder and (f.revision, f.rule) in rules_seen):
            index[k] = len(out)
            out.append(f)
    return out
