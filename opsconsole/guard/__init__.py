"""The deploy guard: every check the runbook asks for before publishing, as one report.

`run()` returns a GuardReport; `ok` is true when no check fails. Check ids are stable: the CLI,
the console pages and the tests use them. Exit codes everywhere: 0 ok, 1 a check failed, 2 could
not run.

Modules: `report` (CheckResult, GuardReport, the flag), `context` (what one run shares), one module
per family of checks — `hosting` (start script, process, database target), `revisions` (heads,
known revision, at head, applied files unchanged), `data` (drift, data loss, tenants, RLS) — and
`runner` (the checks in order, `run()`).
"""

from __future__ import annotations

from opsconsole.guard.context import Check, Context
from opsconsole.guard.data import check_no_drift, check_pending_safe, check_rls_enabled, check_tenant_isolation
from opsconsole.guard.hosting import (check_auto_migrations_disabled, check_database_reachable,
                                       check_database_target, check_process_env)
from opsconsole.guard.report import FAIL, FLAG, FLAG_VALUE, PASS, WARN, CheckResult, GuardReport
from opsconsole.guard.revisions import check_applied_unchanged, check_at_head, check_revision_known, check_single_head
from opsconsole.guard.runner import CHECK_IDS, CHECKS, run

__all__ = [
    "CHECKS", "CHECK_IDS", "FAIL", "FLAG", "FLAG_VALUE", "PASS", "WARN", "Check", "CheckResult", "Context",
    "GuardReport", "check_applied_unchanged", "check_at_head", "check_auto_migrations_disabled",
    "check_database_reachable", "check_database_target", "check_no_drift", "check_pending_safe",
    "check_process_env", "check_revision_known", "check_rls_enabled", "check_single_head",
    "check_tenant_isolation", "run",
]
