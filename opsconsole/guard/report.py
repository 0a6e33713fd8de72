"""What the guard returns: one CheckResult per check, gathered in a GuardReport."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FLAG, FLAG_VALUE = "DISABLE_AUTO_MIGRATIONS", "true"
PASS, WARN, FAIL = "pass", "warn", "fail"


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict: a sentence for reviewers (`summary`) and one for engineers (`detail`)."""

    id: str
    status: str
    summary: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the result as plain data."""
        return {"id": self.id, "status": self.status, "summary": self.summary, "detail": self.detail}


@dataclass(frozen=True)
class GuardReport:
    """Every check's result, the pending migrations and the analyzer's findings on them."""

    checks: tuple[CheckResult, ...]
    pending: tuple[dict[str, Any], ...] = ()
    findings: tuple[dict[str, Any], ...] = ()
    strict: bool = False
    # What the checks read, for judge() to reuse instead of reading it again: the revision graph and the
    # database's SchemaStatus (None when no check needed them). Not part of the report's data.
    graph: Any = field(default=None, repr=False, compare=False)
    schema_status: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """Whether no check failed."""
        return all(c.status != FAIL for c in self.checks)

    @property
    def exit_code(self) -> int:
        """0 when ok, 1 when a check failed."""
        return 0 if self.ok else 1

    @property
    def verdict(self) -> str:
        """One phrase for reviewers from these checks alone (opsconsole.verdict decides; judge() adds upgrades)."""
        from opsconsole.verdict import decide

        return decide(self.checks)

    @property
    def unapproved(self) -> tuple[str, ...]:
        """Revisions with a data-loss finding and no valid approval: the upgrade needs them confirmed."""
        return tuple(dict.fromkeys(f["revision"] for f in self.findings
                                   if f["severity"] == "data-loss" and not f.get("approved")))

    def check(self, check_id: str) -> CheckResult | None:
        """Return one check's result by id."""
        return next((c for c in self.checks if c.id == check_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the CLI's --json prints it."""
        return {"ok": self.ok, "verdict": self.verdict, "strict": self.strict, "checks": [c.to_dict() for c in self.checks],
                "pending": list(self.pending), "findings": list(self.findings)}
