"""Results shared by every session of one console process for a few seconds, computed once at a time.

Streamlit serves every browser tab from threads of one process: twenty people opening the Overview
should cost one guard run, not twenty. A result is kept for `max_age_s` (its own timestamp says when
it was read, and pages show that); the first caller of a key computes while the others wait for its
answer. Anything that must be shared between console *instances* lives in the database instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class SharedResults(Generic[T]):
    """A process-wide, thread-safe cache of results by key, each fresh for max_age_s; single-flight."""

    def __init__(self, max_age_s: float) -> None:
        self.max_age_s = max_age_s
        self._lock = threading.Lock()
        self._results: dict[Hashable, tuple[float, T]] = {}
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], T], force: bool = False) -> T:
        """The fresh result for `key`, or compute it (once, however many threads ask at the same moment)."""
        asked = time.monotonic()
        with self._lock:
            found = None if force else self._fresh(key)
            if found is not None:
                return found
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # the first caller computes; the others wait for its answer instead of computing again
            with self._lock:
                hit = self._results.get(key)
                if hit is not None and hit[0] >= asked:  # computed while this caller waited: newer than asked
                    return hit[1]
                found = None if force else self._fresh(key)
            if found is not None:
                return found
            result = compute()
            with self._lock:
                now = time.monotonic()
                self._results = {k: v for k, v in self._results.items() if now - v[0] < self.max_age_s}
                self._results[key] = (now, result)
                self._computing.pop(key, None)
            return result

    def forget(self) -> None:
        """Drop every kept result (after a change this process made: an upgrade, a decision)."""
        with self._lock:
            self._results.clear()

    def _fresh(self, key: Hashable) -> T | None:
        hit = self._results.get(key)
        return hit[1] if hit is not None and time.monotonic() - hit[0] < self.max_age_s else None
