"""Settings: defaults, every bad value named with its fix, URL normalisation and redaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsconsole.errors import SettingsError
from opsconsole.settings import SETTINGS, Settings, load_settings, normalize_url, redact_text, redact_url
from fake_urls import url_with_password


def test_defaults_without_any_setting(tmp_path: Path) -> None:
    s = load_settings(env={}, secrets={}, base_dir=tmp_path)
    assert s.embedded and s.database_url is None
    assert s.alembic_ini == tmp_path / "alembic.ini"
    assert s.start_script == tmp_path / "start.sh"
    assert (s.tenant_column, s.schemas) == ("tenant_id", ("public",))
    assert (s.statement_timeout_ms, s.lock_timeout_ms) == (15000, 5000)


def test_every_declared_setting_is_a_field() -> None:
    fields = set(Settings.__dataclass_fields__)
    assert set(SETTINGS) == fields


@pytest.mark.parametrize(("env", "setting", "words"), [
    ({"OPSCONSOLE_STATEMENT_TIMEOUT_MS": "abc"}, "OPSCONSOLE_STATEMENT_TIMEOUT_MS", "whole number"),
    ({"OPSCONSOLE_STATEMENT_TIMEOUT_MS": "0"}, "OPSCONSOLE_STATEMENT_TIMEOUT_MS", "greater than 0"),
    ({"OPSCONSOLE_LOCK_TIMEOUT_MS": "-5"}, "OPSCONSOLE_LOCK_TIMEOUT_MS", "greater than 0"),
    ({"OPSCONSOLE_CONNECT_TIMEOUT_S": "1.5"}, "OPSCONSOLE_CONNECT_TIMEOUT_S", "whole number"),
    ({"OPSCONSOLE_TENANT_COLUMN": "tenant id; drop"}, "OPSCONSOLE_TENANT_COLUMN", "identifier"),
    ({"OPSCONSOLE_SCHEMAS": " , "}, "OPSCONSOLE_SCHEMAS", "empty"),
    ({"OPSCONSOLE_SCHEMAS": "public,auth"}, "OPSCONSOLE_SCHEMAS", "platform schema"),
    ({"OPSCONSOLE_SCHEMAS": "pub-lic"}, "OPSCONSOLE_SCHEMAS", "identifier"),
    ({"OPSCONSOLE_GLOBAL_TABLES": "plans,1bad"}, "OPSCONSOLE_GLOBAL_TABLES", "identifier"),
    ({"DATABASE_URL": "mysql://u:p@h/db"}, "DATABASE_URL", "not PostgreSQL"),
    ({"DATABASE_URL": "not a url"}, "DATABASE_URL", "not a URL"),
    ({"DATABASE_URL": url_with_password("p", host="example.com", port="notaport", database="db")}, "DATABASE_URL", "port"),
    ({"DATABASE_URL": "postgresql:///db"}, "DATABASE_URL", "no host"),
    ({"DATABASE_URL": url_with_password("pw", user="app", host="[::1", port=None)}, "DATABASE_URL", "not a valid URL"),
    ({"DATABASE_URL": url_with_password("pw", user="app", host="example.com", port=99999, database="appdb")}, "DATABASE_URL", "not a valid URL"),
])
def test_bad_value_names_the_setting(tmp_path: Path, env: dict[str, str], setting: str, words: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(env=env, secrets={}, base_dir=tmp_path)
    assert info.value.setting == setting
    assert str(info.value).startswith(setting)
    assert words in str(info.value)


def test_bad_secrets_file_is_named(tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text("DATABASE_URL = [unclosed")
    with pytest.raises(SettingsError, match="secrets.toml"):
        load_settings(env={}, base_dir=tmp_path)


def test_environment_wins_over_secrets_which_win_over_defaults(tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        'OPSCONSOLE_TENANT_COLUMN = "org_id"\nOPSCONSOLE_LOCK_TIMEOUT_MS = 900\n')
    s = load_settings(env={"OPSCONSOLE_LOCK_TIMEOUT_MS": "1200"}, base_dir=tmp_path)
    assert s.tenant_column == "org_id"
    assert s.lock_timeout_ms == 1200


@pytest.mark.parametrize("url", [
    url_with_password("pw", host="db.example.com", port=5432, database="app", scheme="postgres"),
    url_with_password("pw", host="db.example.com", port=5432, database="app"),
    "postgresql+psycopg://u:pw@db.example.com:5432/app",
    url_with_password("pw", host="db.example.com", port=5432, database="app", scheme="postgresql+psycopg2"),
])
def test_every_url_form_is_normalised_to_psycopg2(url: str) -> None:
    assert normalize_url(url) == url_with_password("pw", host="db.example.com", port=5432, database="app", scheme="postgresql+psycopg2")


@pytest.mark.parametrize(("url", "shown"), [
    (url_with_password("s3cr%40t", user="user", host="db.example.com", port=5432, database="db"), "postgresql://user:***@db.example.com:5432/db"),
    ("postgres://postgres.abc:pw@aws-0-eu.pooler.supabase.com:6543/example",
     "postgres://postgres.abc:***@aws-0-eu.pooler.supabase.com:6543/example"),
    ("postgresql://user@host/db", "postgresql://user@host/db"),
    (url_with_password("Sup3r Secret", user="app", database="appdb", scheme="postgresql+psycopg2"), "postgresql+psycopg2://app:***@127.0.0.1:1/appdb"),
])
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_settings_never_show_passwords(tmp_path: Path) -> None:
    s = load_settings(env={"DATABASE_URL": url_with_password("topsecret", host="db.example.com", port=None, database="db"),
                           "OPSCONSOLE_OPERATOR_PASSWORD": "op-pass-123",
                           "OPSCONSOLE_VIEWER_PASSWORD": "view-pass-123"}, secrets={}, base_dir=tmp_path)
    for shown in (repr(s), str(s), str(s.to_dict())):
        assert "topsecret" not in shown
        assert "op-pass-123" not in shown and "view-pass-123" not in shown


def test_redact_text_scrubs_urls_and_secrets() -> None:
    url = url_with_password("hunter22", host="db.example.com", port=None, database="db")
    text = f"failed for {url} with password hunter22 and p%40ss"
    out = redact_text(text, ("hunter22", "p@ss"))
    assert "hunter22" not in out and "p%40ss" not in out


@pytest.mark.parametrize("value", ["host=127.0.0.1 user=postgres password=Hunter2Secret dbname=x",
                                   url_with_password("Hunter2@Secret", user="postgres", port=5432)])
def test_unusable_urls_never_echo_the_password(tmp_path: Path, value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(env={"DATABASE_URL": value}, secrets={}, base_dir=tmp_path)
    assert "Hunter2" not in str(info.value) and "Secret" not in str(info.value)


def test_query_string_and_keyword_passwords_are_redacted() -> None:
    assert redact_url("postgresql://u@h/db?sslmode=require&password=Hunter2") == \
        "postgresql://u@h/db?sslmode=require&password=***"
    assert "Hunter2" not in redact_text("connection failed: host=h password='Hunter2' user=u")


def test_timeouts_beyond_postgres_range_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="OPSCONSOLE_STATEMENT_TIMEOUT_MS.*too large"):
        load_settings(env={"OPSCONSOLE_STATEMENT_TIMEOUT_MS": "3000000000"}, secrets={}, base_dir=tmp_path)
