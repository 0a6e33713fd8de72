"""Approvals: a reviewer's record that a data-loss revision is intended, bound to its file's hash."""

from __future__ import annotations

from opsconsole import audit
from opsconsole.errors import OpsConsoleError
from opsconsole.inputs import clean
from opsconsole.settings import Settings


def approve_revision(settings: Settings, revision: str, by: str, reason: str) -> audit.Approval:
    """Record that `revision` was reviewed; it stays approved only while its file is unchanged."""
    from opsconsole.db import connect
    from opsconsole.alembic_env import load_graph

    if not (by or "").strip() or not (reason or "").strip():
        raise OpsConsoleError("an approval needs a reviewer (--by NAME) and a reason (--reason TEXT).")
    by, reason = clean(by, "name", "reviewer name"), clean(reason, "reason", "reason")
    revision = clean(revision, "revision", "revision")
    sc = load_graph(settings).find(revision)
    if sc is None:
        raise OpsConsoleError(f"unknown revision '{revision}'; pick one from 'python -m opsconsole history'.")
    with connect(settings) as conn, conn.begin():
        return audit.approve(conn, sc.revision, sc.path, by, reason)
