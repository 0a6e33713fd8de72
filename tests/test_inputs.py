"""Input limits: one helper (opsconsole.inputs.clean) for names, reasons, revision ids and free text."""

from __future__ import annotations

import pytest

from opsconsole.errors import InputRejected
from opsconsole.inputs import LIMITS, clean


@pytest.mark.parametrize(("value", "kind", "expected"), [
    ("  Rita  Smith ", "name", "Rita Smith"),
    ("9d3e5f7a1b26", "revision", "9d3e5f7a1b26"),
    ("line one\nline two\tend", "reason", "line one\nline two\tend"),
    ("Zoë 🚀 naïve", "name", "Zoë 🚀 naïve"),
])
def test_ordinary_input_is_kept(value: str, kind: str, expected: str) -> None:
    assert clean(value, kind) == expected


@pytest.mark.parametrize(("value", "kind", "words"), [
    ("x" * (LIMITS["name"] + 1), "name", "at most 64"),
    ("x" * 100_000, "reason", "100,000 characters"),
    ("eve\x1b[31m", "name", "control character (U+001B)"),
    ("a\nb", "name", "control character (U+000A)"),
    ("rev\u202eevil", "revision", "control character (U+202E)"),
    ("abc; DROP", "revision", "not a revision id"),
    ("   ", "reason", "is empty"),
    ("ok\x00", "text", "U+0000"),
])
def test_bad_input_is_refused_with_what_to_do(value: str, kind: str, words: str) -> None:
    with pytest.raises(InputRejected) as info:
        clean(value, kind, field="--by")
    assert words in str(info.value) and str(info.value).startswith("--by:")
    assert "\x1b" not in str(info.value) and len(str(info.value)) < 200


def test_optional_input_may_be_empty() -> None:
    assert clean("  ", "text", required=False) == ""
