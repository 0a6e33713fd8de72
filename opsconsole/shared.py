"""Results shared by every session of one console process, computed once at a time.

Streamlit serves every browser tab from threads of one process: twenty people opening the Overview
should cost one guard run, not twenty. A result is kept per key for at most `max_age_s` and only
while its `version` (a signature of what it was computed from) is the one asked for; the first
caller of a key computes while the others wait for its answer — or, with `stale_s`, take the last
result of the same version while it is being read again. A failure is never kept: the callers that
were waiting for that computation share it, and the next caller computes afresh. Anything
that must be shared between console *instances* lives in the database instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class SharedResults(Generic[T]):
    """A process-wide, thread-safe store of results by key: fresh for max_age_s, at most max_entries, single-flight."""

    def __init__(self, max_age_s: float, max_entries: int = 64, stale_s: float = 0.0) -> None:
        self.max_age_s, self.max_entries, self.stale_s = max_age_s, max_entries, stale_s
        self._lock = threading.Lock()
        self._results: dict[Hashable, tuple[Hashable, float, T]] = {}  # key -> (version, stored at, result)
        self._computing: dict[tuple[Hashable, Hashable], threading.Lock] = {}
        self._failures: dict[tuple[Hashable, Hashable], tuple[float, BaseException]] = {}  # latest failure, for waiters
        self.computed = 0  # computations run (tests and benchmarks read it)

    def get(self, key: Hashable, compute: Callable[[], T], version: Hashable = None, force: bool = False) -> T:
        """The kept result for `key` at `version`, or compute it (once, however many threads ask at once).

        `force` (a Refresh) computes anew unless another caller finished computing after this one asked.
        """
        asked = time.monotonic()
        with self._lock:
            found = None if force else self._fresh(key, version)
            if found is not None:
                return found[0]
            gate = self._computing.get((key, version))
            if gate is not None and not force and self.stale_s:
                # Someone is already computing it (a slow database): rather than queue behind them, take the
                # last result of the same version if it is at most stale_s past its age (it says when it was read).
                found = self._fresh(key, version, grace=self.stale_s)
                if found is not None:
                    return found[0]
            gate = self._computing.setdefault((key, version), threading.Lock())
        with gate:  # the first caller computes; the others wait for its answer instead of computing too
            with self._lock:
                found = self._fresh(key, version, since=asked if force else None)
                failed = self._failures.get((key, version))
            if found is not None:
                return found[0]
            if failed is not None and failed[0] >= asked:
                # The computation this caller queued behind failed after it asked: its answer is that failure.
                # Computing again here would chain every waiter's attempt one after another (a locked table
                # made twenty sessions wait 3 s each, in turn). Callers that ask later compute afresh.
                raise failed[1]
            try:
                result = compute()
            except BaseException as exc:
                with self._lock:
                    if len(self._failures) >= self.max_entries:
                        self._failures.clear()
                    self._failures[(key, version)] = (time.monotonic(), exc)
                raise
            finally:
                with self._lock:
                    self._computing.pop((key, version), None)
            with self._lock:
                now = time.monotonic()
                self.computed += 1
                self._failures.pop((key, version), None)
                self._results.pop(key, None)  # a result for an older version is never asked for again
                kept = [(k, v) for k, v in self._results.items() if now - v[1] < self.max_age_s + self.stale_s]
                self._results = dict(kept[-(self.max_entries - 1):] if self.max_entries > 1 else [])
                self._results[key] = (version, now, result)
            return result

    def forget(self) -> None:
        """Drop every kept result (after a change this process made: an upgrade, a decision)."""
        with self._lock:
            self._results.clear()

    def _fresh(self, key: Hashable, version: Hashable, since: float | None = None,
               grace: float = 0.0) -> tuple[T] | None:
        hit = self._results.get(key)
        if hit is None or hit[0] != version or time.monotonic() - hit[1] >= self.max_age_s + grace:
            return None
        if since is not None and hit[1] < since:
            return None
        return (hit[2],)
