"""Limits on what people type: names, reasons, revision ids and free text (one helper for CLI and pages).

Whatever is accepted ends up in the audit log and on every viewer's screen, so it must be short,
single-line where it is a name or an id, and free of control characters and terminal escapes.
"""

from __future__ import annotations

import re
import unicodedata

from opsconsole.errors import InputRejected

LIMITS = {"name": 64, "reason": 1000, "revision": 64, "text": 2000}
_REVISION = re.compile(r"^[A-Za-z0-9_.\-@:+]+$")


def clean(value: str | None, kind: str = "text", field: str | None = None, required: bool = True) -> str:
    """Return `value` stripped, or raise InputRejected saying what is wrong with it and what to type.

    `kind` is one of LIMITS: names and revision ids are one line; reasons and text may span lines
    (newlines and tabs only). Control characters and escape sequences are refused, never silently
    dropped, so what is recorded is what was typed.
    """
    label = field or kind
    limit = LIMITS[kind]
    text = (value or "").strip()
    if not text:
        if required:
            raise InputRejected(label, f"is empty; give a {kind} (at most {limit} characters).")
        return ""
    if len(text) > limit:
        raise InputRejected(label, f"is {len(text):,} characters long; give at most {limit}.")
    allowed = "\n\t" if kind in ("reason", "text") else ""
    for ch in text:
        if ch not in allowed and (unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")):
            raise InputRejected(label, f"contains a control character (U+{ord(ch):04X}); type it again "
                                       "without control characters or escape sequences.")
    if kind == "revision" and not _REVISION.match(text):
        raise InputRejected(label, "is not a revision id; use letters, digits, '_', '-' or '.' as in "
                                   "'python -m opsconsole history'.")
    if kind == "name":
        text = " ".join(text.split())
    return text
