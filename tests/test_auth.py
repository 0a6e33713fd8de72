"""Console sign-in: viewer and operator passwords, constant-time comparison, the demo operator."""

from __future__ import annotations

import hmac
from pathlib import Path

import pytest

from opsconsole import auth
from opsconsole.auth import OPERATOR, VIEWER, SignInRefused, User
from opsconsole.settings import load_settings


def _settings(**env: str):
    values = {"DATABASE_URL": "postgresql://app:secret@db.example.com:5432/app"}
    values.update(env)
    return load_settings(env={k: v for k, v in values.items() if v is not None}, secrets={}, base_dir=Path("/tmp"))


BOTH = {"OPSCONSOLE_VIEWER_PASSWORD": "look-only", "OPSCONSOLE_OPERATOR_PASSWORD": "may-upgrade"}


def test_viewer_password_signs_in_a_viewer_who_cannot_upgrade() -> None:
    user = auth.sign_in(_settings(**BOTH), "look-only", "  Rita  ")
    assert user == User("Rita", VIEWER) and not user.can_upgrade
    assert auth.sign_in(_settings(**BOTH), "look-only").name == "viewer"


def test_operator_password_signs_in_a_named_operator() -> None:
    user = auth.sign_in(_settings(**BOTH), "may-upgrade", "Omar")
    assert user == User("Omar", OPERATOR) and user.can_upgrade
    assert user.to_dict() == {"name": "Omar", "role": "operator", "can_upgrade": True}


def test_operator_must_give_a_name_for_the_audit_log() -> None:
    with pytest.raises(SignInRefused, match="name"):
        auth.sign_in(_settings(**BOTH), "may-upgrade", "   ")


@pytest.mark.parametrize("password", ["", "look-onl", "look-only ", "LOOK-ONLY", "may-upgrade\n"])
def test_wrong_passwords_are_refused(password: str) -> None:
    with pytest.raises(SignInRefused, match="wrong password"):
        auth.sign_in(_settings(**BOTH), password, "Eve")


def test_without_an_operator_password_nobody_can_become_operator() -> None:
    settings = _settings(OPSCONSOLE_VIEWER_PASSWORD="look-only")
    assert auth.sign_in(settings, "look-only", "Omar").role == VIEWER
    with pytest.raises(SignInRefused):
        auth.sign_in(settings, "", "Omar")
    assert "nobody can upgrade" in auth.setup_hint(settings)


def test_without_any_password_sign_in_is_impossible_and_the_hint_names_the_settings() -> None:
    settings = _settings()
    assert not auth.sign_in_possible(settings)
    hint = auth.setup_hint(settings)
    assert "OPSCONSOLE_VIEWER_PASSWORD" in hint and "OPSCONSOLE_OPERATOR_PASSWORD" in hint
    with pytest.raises(SignInRefused, match="OPSCONSOLE_VIEWER_PASSWORD"):
        auth.sign_in(settings, "anything", "Eve")


def test_passwords_are_compared_with_hmac_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    auth.sign_in(_settings(**BOTH), "look-only", "Rita")
    # both configured passwords are compared every time, whichever one matches
    assert (b"look-only", b"may-upgrade") in calls and (b"look-only", b"look-only") in calls
    calls.clear()
    auth.sign_in(_settings(OPSCONSOLE_VIEWER_PASSWORD="look-only"), "look-only")
    assert len(calls) == 2  # the missing operator password costs the same comparison


def test_sign_in_may_be_skipped_only_on_the_embedded_demo_database() -> None:
    embedded = load_settings(env={}, secrets={}, base_dir=Path("/tmp"))
    assert auth.can_skip_sign_in(embedded)
    assert auth.demo_user(embedded) == User("demo", OPERATOR)
    remote = _settings(**BOTH)
    assert not auth.can_skip_sign_in(remote)
    with pytest.raises(SignInRefused, match="embedded demo"):
        auth.demo_user(remote)


def test_names_are_cleaned_for_the_audit_log() -> None:
    assert auth.clean_name("  Ann\n  Lee\x07 ") == "Ann Lee"
    assert len(auth.clean_name("x" * 500)) == 64
    assert auth.clean_name(None) == ""


def test_too_many_wrong_passwords_lock_sign_in_for_a_while(monkeypatch) -> None:
    from opsconsole import auth

    monkeypatch.setattr(auth, "_failures", __import__("collections").deque())
    s = load_settings(env={"DATABASE_URL": "postgresql://u@h/db", "OPSCONSOLE_VIEWER_PASSWORD": "right-one"},
                      secrets={})
    for _ in range(auth.THROTTLE_FAILURES):
        with pytest.raises(SignInRefused, match="wrong password"):
            auth.sign_in(s, "guess")
    with pytest.raises(SignInRefused, match="too many wrong passwords"):
        auth.sign_in(s, "right-one")
    auth._failures.clear()
    assert auth.sign_in(s, "right-one").role == "viewer"
