"""Errors raised by opsconsole; every message says what to do next.

    OpsConsoleError
    ├── SettingsError            a setting is missing or malformed (carries .setting)
    ├── DatabaseError            the database could not be used
    │   ├── DatabaseUnreachable  connecting failed (carries .reason: auth, dns, ssl, refused, timeout, pooler)
    │   ├── EmbeddedServerError  the embedded PostgreSQL could not start
    │   ├── LockWaitTimeout      a read waited too long on a table lock (carries .table, .holder)
    │   └── ConsoleBusy          every pooled connection is in use (carries .waited_s)
    ├── MigrationScriptError     the Alembic project cannot be loaded (bad ini, broken revision file)
    │   ├── MigrationCodeError   a migration or env.py raised, exited or was interrupted while running
    │   └── WrongDatabase        env.py connects to another database than the one opsconsole guards
    ├── AnalysisError            a migration file cannot be analysed
    ├── UpgradeRefused           the guarded upgrade would not start (guard, approval, lock held, pooler)
    ├── UpgradeFailed            a migration failed; the database stays at .last_good
    ├── WorkerDied               the process running a project's Alembic environment ended without a result
    ├── SignInRefused            the console did not accept a password or name
    └── InputRejected            a name, reason, revision id or text is too long or has control characters
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opsconsole.settings import Settings

_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_paragraph(text: object) -> str:
    """Return text as one plain paragraph: terminal escape sequences and control characters removed."""
    cleaned = _CONTROL.sub(" ", _ESCAPES.sub("", str(text)))
    return " ".join(cleaned.split())


def describe(exc: BaseException) -> str:
    """Return 'Type: message' for any exception (a driver's own message when wrapped), never empty."""
    message = str(getattr(exc, "orig", None) or exc).strip()
    if not message:
        import traceback

        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        message = f"raised at {frame.filename}:{frame.lineno}" if frame else repr(exc)
    return f"{type(exc).__name__}: {message}"


class OpsConsoleError(Exception):
    """Root of every error opsconsole raises on purpose."""

    exit_code = 2


class SettingsError(OpsConsoleError):
    """A setting is missing or has a value opsconsole cannot use."""

    def __init__(self, setting: str, message: str) -> None:
        self.setting = setting
        super().__init__(f"{setting}: {message}")


class DatabaseError(OpsConsoleError):
    """The database could not be used."""


class DatabaseUnreachable(DatabaseError):
    """Connecting to the database failed; ``reason`` names the kind of failure."""

    def __init__(self, message: str, reason: str = "unknown") -> None:
        self.reason = reason
        super().__init__(message)


class EmbeddedServerError(DatabaseError):
    """The embedded PostgreSQL server could not be started."""


class LockWaitTimeout(DatabaseError):
    """A read gave up waiting for a table lock; ``table`` and ``holder`` say what was locked by whom."""

    def __init__(self, message: str, table: str | None = None, holder: dict[str, object] | None = None) -> None:
        self.table = table
        self.holder = holder or {}
        super().__init__(message)


class ConsoleBusy(DatabaseError):
    """Every pooled connection was in use for longer than the checkout timeout."""

    def __init__(self, message: str, waited_s: float = 0.0) -> None:
        self.waited_s = waited_s
        super().__init__(message)


class MigrationScriptError(OpsConsoleError):
    """The Alembic project (alembic.ini, env.py or a revision file) cannot be loaded."""


class MigrationCodeError(MigrationScriptError):
    """Code of the managed project (a migration, env.py) raised, called sys.exit or was interrupted."""


class WrongDatabase(MigrationScriptError):
    """The project's env.py reaches another database than the one opsconsole guards; nothing ran."""


class AnalysisError(OpsConsoleError):
    """A migration file could not be analysed."""


class UpgradeRefused(OpsConsoleError):
    """The guarded upgrade refused to start; nothing was changed."""

    exit_code = 1

    def __init__(self, message: str, reason: str = "refused") -> None:
        self.reason = reason
        super().__init__(message)


class UpgradeFailed(OpsConsoleError):
    """A migration step failed; the database was left at ``last_good``."""

    def __init__(self, message: str, last_good: str | None = None) -> None:
        self.last_good = last_good
        super().__init__(message)


class WorkerDied(OpsConsoleError):
    """The worker process running a project's Alembic environment ended without reporting a result."""

    def __init__(self, message: str, exit_status: int | None = None) -> None:
        self.exit_status = exit_status
        super().__init__(message)


class SignInRefused(OpsConsoleError):
    """The password or the name given at console sign-in was not accepted."""

    exit_code = 1


class InputRejected(OpsConsoleError):
    """A name, reason, revision id or free text was refused (too long, blank or control characters)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


_CLASS_NAME = re.compile(r"\b(?:[a-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt)\b:\s*")
_DRIVER_TAG = re.compile(r"\((?:psycopg2|psycopg|sqlalchemy)[\w.]*\)\s*")
_TAILS = re.compile(r"\s*(?:\[SQL:.*|\(Background on this error at:.*)$", re.S)


def plain_text(text: str | None, settings: Settings) -> str:
    """Text for reviewers: redacted, one paragraph, no driver names in URLs, no exception class names."""
    if not text:
        return ""
    cleaned = _TAILS.sub("", settings.redact(str(text)))
    cleaned = re.sub(r"\bpostgres(?:ql)?\+\w+://", "postgresql://", cleaned)
    cleaned = _CLASS_NAME.sub("", _DRIVER_TAG.sub("", cleaned))
    return one_paragraph(cleaned)
