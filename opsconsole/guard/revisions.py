"""Checks on the migration history: one head, a known revision, at head, applied files unchanged."""

from __future__ import annotations

from pathlib import Path

from opsconsole.guard.context import Context, problem
from opsconsole.guard.report import FAIL, PASS, WARN, CheckResult


def check_single_head(ctx: Context) -> CheckResult:
    """Two heads mean two branches of migrations that nobody merged; upgrading picks one at random."""
    heads = ctx.script.heads
    if len(heads) == 1:
        return CheckResult("single-head", PASS, "The migrations form one line of history.", f"head: {heads[0]}")
    if not heads:
        return CheckResult("single-head", FAIL, "There are no migrations at all.",
                           "The script directory has no revisions; create one with 'alembic revision'.")
    return CheckResult("single-head", FAIL, "The migrations have split into several branches that must be merged.",
                       f"heads: {', '.join(sorted(heads))}; run 'alembic merge heads -m \"merge\"' and commit it.")


def check_revision_known(ctx: Context) -> CheckResult:
    """A database at a revision the scripts do not know was migrated from another branch."""
    unknown = problem(ctx, "unknown-revision")
    if unknown:
        return CheckResult("revision-known", FAIL,
                           "The database was migrated by code that is not in this branch.", unknown.message)
    current = ", ".join(ctx.status.current) or "none (never migrated)"
    return CheckResult("revision-known", PASS, "The database's revision is one these migrations know.",
                       f"current: {current}")


def check_at_head(ctx: Context) -> CheckResult:
    """Publishing code ahead of its schema breaks the app; pending migrations must be applied first."""
    st = ctx.status
    if problem(ctx, "unknown-revision"):
        return CheckResult("at-head", FAIL, "The database's revision is unknown, so it cannot be at head.",
                           "See revision-known.")
    if st.at_head:
        return CheckResult("at-head", PASS, "The database has every migration applied.",
                           f"current = head = {', '.join(st.heads)}")
    listed = "; ".join(f"{r.revision} {r.message}" for r in st.pending) or "the version table is missing"
    status = FAIL if ctx.strict else WARN
    return CheckResult("at-head", status,
                       f"{len(st.pending)} migration(s) wait to be applied — run the guarded upgrade.",
                       f"current: {', '.join(st.current) or 'none'}; heads: {', '.join(st.heads)}; pending: {listed}")


def check_applied_unchanged(ctx: Context) -> CheckResult:
    """Editing a migration after it ran means the code no longer describes the database."""
    from opsconsole import audit

    recorded = audit.applied_checksums(ctx.conn)
    if not recorded:
        return CheckResult("applied-unchanged", PASS, "No applied migration was edited afterwards.",
                           "No checksums recorded yet (they are recorded by the guarded upgrade).")
    applied = ctx.script.ancestors(ctx.status.current)
    changed = []
    for rev, sha in sorted(recorded.items()):
        sc = ctx.script.revisions.get(rev)
        if sc is None or rev not in applied:
            continue
        if audit.file_sha256(sc.path) != sha:
            changed.append(f"{rev} ({Path(sc.path).name})")
    if changed:
        return CheckResult("applied-unchanged", FAIL,
                           f"{len(changed)} migration file(s) were edited after they were applied.",
                           f"changed since applied: {', '.join(changed)}. Revert the edit and put the change "
                           "in a new migration.")
    return CheckResult("applied-unchanged", PASS, "No applied migration was edited afterwards.",
                       f"{len(recorded)} recorded checksum(s) match.")
