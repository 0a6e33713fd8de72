"""Console sign-in: viewer and operator passwords, constant-time comparison, the demo operator."""

from __future__ import annotations

import hmac
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from opsconsole import auth, db, signins
from opsconsole.auth import OPERATOR, VIEWER, SignInRefused, User
from opsconsole.settings import load_settings
from fake_urls import url_with_password

ROOT = Path(__file__).resolve().parents[1]


def _settings(**env: str):
    values = {"DATABASE_URL": url_with_password("secret", user="app", host="db.example.com", port=5432, database="app")}
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


def test_without_a_database_the_process_throttles_per_client_and_role() -> None:
    s = load_settings(env={"DATABASE_URL": "postgresql://u@127.0.0.1:1/db", "OPSCONSOLE_VIEWER_PASSWORD": "right-one",
                           "OPSCONSOLE_CONNECT_TIMEOUT_S": "1"}, secrets={})
    for _ in range(signins.FREE_FAILURES):
        with pytest.raises(SignInRefused, match="wrong password"):
            auth.sign_in(s, "guess", client="10.0.0.1")
    with pytest.raises(SignInRefused, match="too many wrong passwords"):
        auth.sign_in(s, "right-one", client="10.0.0.1")
    assert auth.sign_in(s, "right-one", client="10.0.0.2").role == "viewer"  # another client is not held back
    auth._failures.clear()
    assert auth.sign_in(s, "right-one", client="10.0.0.1").role == "viewer"


def test_backoff_doubles_after_the_free_failures() -> None:
    waits = [signins.backoff_s(n) for n in range(signins.FREE_FAILURES + 4)]
    assert waits[:signins.FREE_FAILURES] == [0.0] * signins.FREE_FAILURES
    assert waits[signins.FREE_FAILURES:] == [2.0, 4.0, 8.0, 16.0]
    assert signins.backoff_s(100) == signins.MAX_WAIT_S


def test_throttle_lives_in_the_database_per_client_and_role(make_settings) -> None:
    s = make_settings(**BOTH)
    for _ in range(signins.FREE_FAILURES):
        with pytest.raises(SignInRefused, match="wrong password"):
            auth.sign_in(s, "guess", "Mallory", role=OPERATOR, client="203.0.113.9")
    with pytest.raises(SignInRefused, match="too many wrong passwords"):
        auth.sign_in(s, "may-upgrade", "Mallory", role=OPERATOR, client="203.0.113.9")
    # someone else's failures never refuse the right password from another client, nor another role
    assert auth.sign_in(s, "may-upgrade", "Omar", role=OPERATOR, client="198.51.100.7").role == OPERATOR
    assert auth.sign_in(s, "look-only", "Mallory", role=VIEWER, client="203.0.113.9").role == VIEWER
    assert auth.sign_in(s, "may-upgrade", "Omar", client="198.51.100.7").role == OPERATOR  # no role given
    failed = signins.failed_sign_ins(s)
    assert [a.outcome for a in failed] == ["throttled"] + ["wrong-password"] * signins.FREE_FAILURES
    assert {(a.role, a.client, a.name) for a in failed} == {(OPERATOR, "203.0.113.9", "Mallory")}
    assert all(a.at.tzinfo is not None for a in failed) and failed[0].to_dict()["role"] == OPERATOR
    # after the back-off has passed (the failures are older), the right password is accepted again
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE opsconsole.signin_attempts SET at = at - interval '1 hour 1 second'")
    assert auth.sign_in(s, "may-upgrade", "Mallory", role=OPERATOR, client="203.0.113.9").role == OPERATOR


def test_another_console_instance_sees_the_same_throttle(make_settings, db_url: str) -> None:
    """Failures made by another process (another console instance) throttle this one too."""
    s = make_settings(**BOTH)
    script = ("from opsconsole import auth\nfrom opsconsole.settings import load_settings\n"
              "s = load_settings()\nfor _ in range(3):\n"
              "    try: auth.sign_in(s, 'guess', role='viewer', client='192.0.2.4')\n"
              "    except auth.SignInRefused: pass\n")
    env = {**os.environ, "DATABASE_URL": db_url, **BOTH}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60, cwd=ROOT)
    with pytest.raises(SignInRefused, match="too many wrong passwords"):
        auth.sign_in(s, "look-only", role=VIEWER, client="192.0.2.4")
    assert auth.sign_in(s, "look-only", role=VIEWER, client="192.0.2.5").role == VIEWER


def test_sign_in_table_is_created_once_under_concurrency(make_settings) -> None:
    s = make_settings(**BOTH)
    errors: list[BaseException] = []

    def attempt(i: int) -> None:
        try:
            with pytest.raises(SignInRefused):
                auth.sign_in(s, "nope", client=f"10.1.0.{i}")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(signins.failed_sign_ins(s)) == 8


def test_sign_in_table_and_audit_tables_can_be_created_at_the_same_moment(make_settings) -> None:
    """The first sign-in and the first audit row of a fresh database race to create schema opsconsole."""
    from opsconsole import audit

    s = make_settings(**BOTH)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def sign() -> None:
        barrier.wait()
        try:
            auth.sign_in(s, "look-only", client="10.2.0.1")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    def write() -> None:
        barrier.wait()
        try:
            with db.connect(s) as conn, conn.begin():
                audit.record(conn, actor="t", action="probe", outcome="ok")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=sign if i % 2 else write) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with db.connect(s) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM opsconsole.signin_attempts").scalar() == 3
