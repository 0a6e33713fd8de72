"""With a live database at hand: count the stored values a breaking type change would fail on.

A finding of rule ``type-change-may-fail`` (or ``type-change-unknown-old``) carries ``check_sql``,
a ``SELECT count(*)`` of the rows whose value does not fit the new type. The guard runs it on its
read-only connection, so the report can say "3 rows have names longer than 255 characters" instead
of "may fail". Nothing is written; a table that does not exist yet counts as None.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection


def count_failing_values(conn: Connection, finding: dict[str, Any]) -> int | None:
    """Run the finding's check_sql on ``conn`` (inside a savepoint) and return the count, or None."""
    sql = finding.get("check_sql")
    if not sql:
        return None
    from sqlalchemy.exc import DBAPIError

    savepoint = conn.begin_nested()
    try:
        count = conn.exec_driver_sql(sql).scalar()
    except DBAPIError:  # the table or column is not there (yet), or the check timed out
        savepoint.rollback()
        return None
    savepoint.commit()
    return int(count) if count is not None else None
