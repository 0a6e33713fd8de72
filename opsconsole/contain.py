"""Contain code that opsconsole does not own (migrations, env.py, revision files) while it runs.

A migration's ``print()`` must never reach opsconsole's own stdout (``--json`` stays valid JSON),
and its ``sys.exit()``, ``KeyboardInterrupt`` or any other ``BaseException`` must become an error
opsconsole reports, not a crash. Output is captured per thread: ``sys.stdout``/``sys.stderr`` are
replaced once by a router that sends each thread's writes to that thread's capture buffer, so two
sessions of the console never capture each other's output. The analyzer's offline rendering and
the runner of a project's Alembic environment (opsconsole.alembic_env) both use this one mechanism.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

from opsconsole.errors import MigrationCodeError

_local = threading.local()
_install_lock = threading.Lock()


class _ThreadRouter(io.TextIOBase):
    """A stand-in for sys.stdout / sys.stderr that writes to the current thread's capture, if any."""

    def __init__(self, name: str, original: TextIO) -> None:
        self._name = name
        self.original = original

    def _target(self) -> TextIO:
        buffers = getattr(_local, "buffers", None)
        return buffers[-1] if buffers else self.original

    def write(self, text: str) -> int:  # noqa: D102 - io protocol
        return self._target().write(text)

    def flush(self) -> None:  # noqa: D102
        self._target().flush()

    def writable(self) -> bool:  # noqa: D102
        return True

    def isatty(self) -> bool:  # noqa: D102
        return False

    def fileno(self) -> int:  # noqa: D102 - code that asks for a file descriptor gets the real one
        return self.original.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.original, "encoding", "utf-8") or "utf-8"


def _install() -> None:
    with _install_lock:
        if not isinstance(sys.stdout, _ThreadRouter):
            sys.stdout = _ThreadRouter("stdout", sys.stdout)
        if not isinstance(sys.stderr, _ThreadRouter):
            sys.stderr = _ThreadRouter("stderr", sys.stderr)


@dataclass
class Captured:
    """What contained code printed, readable after (and during) the block."""

    buffer: io.StringIO = field(default_factory=io.StringIO)

    @property
    def text(self) -> str:
        """Everything printed so far."""
        return self.buffer.getvalue()


@contextmanager
def captured_output() -> Iterator[Captured]:
    """Capture this thread's stdout and stderr writes for the block; other threads are unaffected."""
    _install()
    captured = Captured()
    stack = getattr(_local, "buffers", None)
    if stack is None:
        stack = _local.buffers = []
    stack.append(captured.buffer)
    try:
        yield captured
    finally:
        stack.pop()


@contextmanager
def contained(what: str) -> Iterator[Captured]:
    """Run foreign code: capture its output and turn any BaseException it raises into MigrationCodeError.

    ``what`` names the code for the message ("migration 1a2b3c", "env.py"). opsconsole's own
    errors pass through unchanged.
    """
    from opsconsole.errors import OpsConsoleError, describe

    with captured_output() as captured:
        try:
            yield captured
        except OpsConsoleError:
            raise
        except SystemExit as exc:
            raise MigrationCodeError(f"{what} called sys.exit({exc.code!r}); opsconsole treats that as a "
                                     "failure. Remove the exit or raise an exception with a message.") from None
        except KeyboardInterrupt:
            raise MigrationCodeError(f"{what} raised KeyboardInterrupt; nothing after it ran.") from None
        except BaseException as exc:  # foreign code may raise anything
            raise MigrationCodeError(f"{what} failed: {describe(exc)}") from exc
