"""Every opsconsole setting, declared once, read once from the environment or Streamlit secrets.

Values come from the process environment first, then from `.streamlit/secrets.toml` (read as a
plain TOML file so the library never imports Streamlit). A bad value raises SettingsError naming
the setting and the fix.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Mapping
from functools import lru_cache
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote, quote_plus, unquote, urlsplit

from opsconsole.errors import SettingsError

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s]*:)(?P<pw>[^\s]*)(?P<at>@)", re.I)
_URL_PASSWORD_SPACES = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s]*:)(?P<pw>[^@\n/]{1,128}?)(?P<at>@)", re.I)
_KEY_PASSWORD = re.compile(
    r"(?P<head>\b(?:pg)?pass(?:word|wd)['\"]?\s*[=:]\s*)"
    r"(?P<pw>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^&\s'\",;)}\]]+)", re.I)
_MIN_SECRET = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_known_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_log_lock = threading.RLock()  # installing the log redaction (the hook, the record factory)
_MAX_MS = 2_147_483_647
_DRIVER = "postgresql+psycopg2"
MAX_SESSION_HOURS = 720


@dataclass(frozen=True)
class Setting:
    """One setting: its environment name, default and help text."""

    env: str
    default: str | None
    help: str


SETTINGS: dict[str, Setting] = {
    "database_url": Setting("DATABASE_URL", None,
        "The one database (Supabase: direct :5432 or session pooler). Unset: the embedded demo server."),
    "alembic_ini": Setting("OPSCONSOLE_ALEMBIC_INI", "alembic.ini", "The Alembic project to manage."),
    "start_script": Setting("OPSCONSOLE_START_SCRIPT", "start.sh",
        "The platform start script whose exports the guard verifies."),
    "tenant_column": Setting("OPSCONSOLE_TENANT_COLUMN", "tenant_id", "The tenant isolation column."),
    "schemas": Setting("OPSCONSOLE_SCHEMAS", "public",
        "Comma-separated schemas to inspect; Supabase's own schemas are never touched."),
    "global_tables": Setting("OPSCONSOLE_GLOBAL_TABLES", "",
        "Comma-separated tables that are global on purpose (no tenant column expected)."),
    "viewer_password": Setting("OPSCONSOLE_VIEWER_PASSWORD", None, "Console sign-in for reviewers."),
    "operator_password": Setting("OPSCONSOLE_OPERATOR_PASSWORD", None,
        "Console sign-in for operators; only operators may upgrade."),
    "statement_timeout_ms": Setting("OPSCONSOLE_STATEMENT_TIMEOUT_MS", "15000",
        "statement_timeout applied to every session, in milliseconds."),
    "lock_timeout_ms": Setting("OPSCONSOLE_LOCK_TIMEOUT_MS", "5000",
        "lock_timeout applied to every session, in milliseconds."),
    "read_lock_timeout_ms": Setting("OPSCONSOLE_READ_LOCK_TIMEOUT_MS", "1000",
        "lock_timeout of page and CLI reads, in milliseconds: a read gives up quickly on a locked table."),
    "pool_size": Setting("OPSCONSOLE_POOL_SIZE", "10",
        "Pooled connections per console process (twice as many more may open under load)."),
    "connect_timeout_s": Setting("OPSCONSOLE_CONNECT_TIMEOUT_S", "10", "Seconds to wait for a connection."),
    "expected_db_host": Setting("OPSCONSOLE_EXPECTED_DB_HOST", None,
        "The host DATABASE_URL must point at (e.g. your Supabase host); warns when it does not."),
    "home": Setting("OPSCONSOLE_HOME", ".opsconsole", "Folder for the embedded server's data."),
    "backup_max_bytes": Setting("OPSCONSOLE_BACKUP_MAX_BYTES", "1GiB",
        "Largest automatic copy of data at risk before one data-loss step (bytes, or KiB/MiB/GiB/TiB)."),
    "session_hours": Setting("OPSCONSOLE_SESSION_HOURS", "12",
        "Hours a console sign-in lasts (reloads, links, new tabs) unless the person signs out; 1 to 720."),
    "oidc_operators": Setting("OPSCONSOLE_OIDC_OPERATORS", None,
        "With an identity provider ([auth] in secrets.toml): e-mail addresses, or @domain, that sign in as operators."),
}

SUPABASE_SCHEMAS = frozenset({
    "auth", "storage", "extensions", "realtime", "vault", "graphql", "graphql_public", "pgbouncer",
    "pgsodium", "pgsodium_masks", "supabase_functions", "supabase_migrations", "net", "cron",
    "_realtime", "_analytics", "pg_catalog", "information_schema", "pg_toast", "opsconsole",
})


@dataclass(frozen=True)
class Settings:
    """Validated settings; build with `load_settings()`."""

    database_url: str | None = None
    alembic_ini: Path = Path("alembic.ini")
    start_script: Path = Path("start.sh")
    tenant_column: str = "tenant_id"
    schemas: tuple[str, ...] = ("public",)
    global_tables: tuple[str, ...] = ()
    viewer_password: str | None = field(default=None, repr=False)
    operator_password: str | None = field(default=None, repr=False)
    statement_timeout_ms: int = 15000
    lock_timeout_ms: int = 5000
    read_lock_timeout_ms: int = 1000
    pool_size: int = 10
    connect_timeout_s: int = 10
    expected_db_host: str | None = None
    home: Path = Path(".opsconsole")
    backup_max_bytes: int = 1 << 30
    session_hours: int = 12
    oidc_operators: tuple[str, ...] = ()

    @property
    def embedded(self) -> bool:
        """Whether the embedded demo server stands in for DATABASE_URL."""
        return self.database_url is None

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={redact_url(getattr(self, f.name)) if f.name == 'database_url' else getattr(self, f.name)!r}"
            for f in fields(self) if f.repr
        )
        return f"Settings({shown})"

    def redact(self, text: str) -> str:
        """Scrub every URL password and every configured secret out of free text."""
        return redact(text, (*secrets_of_url(self.database_url), self.viewer_password, self.operator_password))

    def to_dict(self) -> dict[str, Any]:
        """Return the settings for display, passwords redacted."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name.endswith("password"):
                value = "***" if value else None
            elif f.name == "database_url":
                value = redact_url(value) if value else None
            elif isinstance(value, Path):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


def load_settings(env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None,
                  base_dir: Path | None = None) -> Settings:
    """Read and validate every setting from env, then secrets, then the defaults."""
    env = os.environ if env is None else env
    base = Path.cwd() if base_dir is None else base_dir
    if secrets is None:
        secrets = _read_secrets(base / ".streamlit" / "secrets.toml")

    def raw(name: str) -> str | None:
        spec = SETTINGS[name]
        value = env.get(spec.env)
        if value is None or value == "":
            secret = secrets.get(spec.env)
            value = None if secret is None else str(secret)
        if value is None or value == "":
            return spec.default
        if not value.strip():
            raise SettingsError(spec.env, "is blank (only spaces); give a value or remove the setting"
                                + (" to use the embedded demo database." if name == "database_url" else "."))
        if _CONTROL.search(value.strip()):
            raise SettingsError(spec.env, "contains control characters; set it again without them.")
        return value.strip()

    url = raw("database_url")
    for value in (*secrets_of_url(url), raw("viewer_password"), raw("operator_password")):
        register_secret(value)
    schemas = _csv("OPSCONSOLE_SCHEMAS", raw("schemas") or "")
    if not schemas:
        raise SettingsError("OPSCONSOLE_SCHEMAS", "is empty; name at least one schema, e.g. 'public'.")
    for schema in schemas:
        if schema in SUPABASE_SCHEMAS:
            raise SettingsError("OPSCONSOLE_SCHEMAS",
                                f"'{schema}' is a platform schema opsconsole never touches; list your application schemas (e.g. 'public').")
    tenant_column = raw("tenant_column") or ""
    _identifier("OPSCONSOLE_TENANT_COLUMN", tenant_column)
    return Settings(
        database_url=normalize_url(url) if url else None,
        alembic_ini=_path(base, raw("alembic_ini")),
        start_script=_path(base, raw("start_script")),
        tenant_column=tenant_column,
        schemas=schemas,
        global_tables=_csv("OPSCONSOLE_GLOBAL_TABLES", raw("global_tables") or ""),
        viewer_password=raw("viewer_password"),
        operator_password=raw("operator_password"),
        statement_timeout_ms=_positive_int("OPSCONSOLE_STATEMENT_TIMEOUT_MS", raw("statement_timeout_ms")),
        lock_timeout_ms=_positive_int("OPSCONSOLE_LOCK_TIMEOUT_MS", raw("lock_timeout_ms")),
        read_lock_timeout_ms=_positive_int("OPSCONSOLE_READ_LOCK_TIMEOUT_MS", raw("read_lock_timeout_ms")),
        pool_size=_positive_int("OPSCONSOLE_POOL_SIZE", raw("pool_size")),
        connect_timeout_s=_positive_int("OPSCONSOLE_CONNECT_TIMEOUT_S", raw("connect_timeout_s")),
        expected_db_host=raw("expected_db_host"),
        home=_path(base, raw("home")),
        backup_max_bytes=_byte_count("OPSCONSOLE_BACKUP_MAX_BYTES", raw("backup_max_bytes")),
        session_hours=_session_hours(raw("session_hours")),
        oidc_operators=_emails("OPSCONSOLE_OIDC_OPERATORS", raw("oidc_operators") or ""),
    )


def normalize_url(url: str) -> str:
    """Return a PostgreSQL URL that names the psycopg2 driver shipped in requirements.txt."""
    scheme, sep, rest = url.strip().partition("://")
    if not sep:
        raise SettingsError("DATABASE_URL",
                            "is not a URL (a key=value connection string?); use "
                            "postgresql://USER:PASSWORD@HOST:5432/DBNAME.")
    if rest.split("/", 1)[0].count("@") > 1:
        raise SettingsError("DATABASE_URL", "the password contains '@'; percent-encode it as %40.")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg2", "postgresql+psycopg", "postgresql+psycopg2cffi"):
        normalized = f"{_DRIVER}://{rest}"
    else:
        raise SettingsError("DATABASE_URL",
                            f"scheme '{scheme}' is not PostgreSQL; use postgresql://USER:PASSWORD@HOST:5432/DBNAME.")
    try:
        parts = urlsplit(normalized)
        parts.port
    except ValueError as exc:
        raise SettingsError("DATABASE_URL", f"'{redact_url(url)}' is not a valid URL ({exc}); check the host "
                                            "and port, and percent-encode special characters in the password.") from None
    if not parts.hostname and "host=" not in parts.query:
        raise SettingsError("DATABASE_URL", f"'{redact_url(url)}' names no host.")
    return normalized


def redact(text: object, secrets: tuple[str | None, ...] = ()) -> str:
    """The one redaction every output path uses: hide passwords in every form and every known secret.

    Covers URL user-info (passwords with spaces, quotes, '@' or percent-encoding), `?password=` /
    `&password=` query parameters, libpq key=value strings (`password=…`, quoted, `PGPASSWORD=…`),
    `"password": "…"` in reprs and JSON, and the value of every known secret wherever it appears
    (raw, percent-encoded, JSON- or repr-escaped).
    """
    text = "" if text is None else str(text)
    if not text:
        return text
    scheme, sep, rest = text.partition("://")
    if sep and re.fullmatch(r"[a-z][a-z0-9+.\-]*", scheme, re.I) and "@" in rest and "\n" not in text:
        userinfo, _, hostpart = rest.rpartition("@")
        user = userinfo.split(":", 1)[0]
        if ":" in userinfo and not re.search(r"[\s/]", user) and not re.search(r"\s", hostpart):
            text = f"{scheme}://{user}:***@{hostpart}"  # a whole URL: its password may hold spaces or '@'
    if sep:  # both URL patterns need "://" (skipping them saves most of the time on long texts)
        for pattern in (_URL_PASSWORD, _URL_PASSWORD_SPACES):
            text = pattern.sub(lambda m: f"{m['head']}***{m['at']}" if m["pw"] else m[0], text)
    if "pass" in text.lower():  # the keyword pattern needs pass(word|wd)
        text = _KEY_PASSWORD.sub(_hide_value, text)
    for form in _all_secrets(secrets):
        if form in text:
            text = text.replace(form, "***")
    return text


def _hide_value(m: re.Match[str]) -> str:
    quote_char = m["pw"][0] if m["pw"][0] in "'\"" else ""
    return f"{m['head']}{quote_char}***{quote_char}"


def redact_url(url: str | None) -> str:
    """Return the URL (or libpq key=value string) with every password replaced by ***."""
    return redact(url) if url else ""


def redact_text(text: str, secrets: tuple[str | None, ...] = ()) -> str:
    """Scrub every URL password and every given secret out of free text (see `redact`)."""
    return redact(text, secrets)


def install_log_redaction() -> None:
    """Make every log record of the process (library, Alembic, Streamlit) pass through `redact`, tracebacks too.

    A process that has not imported `logging` yet (the CLI's start) does not import it for this: the
    redaction is installed by the import of `logging` itself, before that import returns to whoever
    asked for it, so no record is ever made without it (commands that log nothing skip ~4 ms).
    """
    if "logging" not in sys.modules:
        with _log_lock:
            if not any(isinstance(finder, _RedactLoggingOnImport) for finder in sys.meta_path):
                sys.meta_path.insert(0, _RedactLoggingOnImport())
        if "logging" not in sys.modules:  # imported meanwhile by another thread: installed below instead
            return
    import logging  # waits for another thread's import of it to finish

    _redact_records(logging)


def _redact_records(logging: ModuleType) -> None:
    """Install the redacting log record factory into the (fully imported) `logging` module, once."""
    with _log_lock:
        factory = logging.getLogRecordFactory()
        if getattr(factory, "opsconsole_redacts", False):
            return

        def redacting(*args: Any, **kwargs: Any) -> Any:
            record = factory(*args, **kwargs)
            try:
                text = record.getMessage()
                if redact(text) != text:  # only a record that carries a secret loses its arguments
                    record.msg, record.args = redact(text), None
            except Exception:  # a record whose arguments do not format stays as it was, minus its arguments
                record.msg, record.args = redact(str(record.msg)), None
            if record.exc_info and record.exc_info[0] is not None:
                import traceback

                record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
            return record

        redacting.opsconsole_redacts = True  # type: ignore[attr-defined]
        logging.setLogRecordFactory(redacting)


class _RedactLoggingOnImport:
    """An import hook (first on sys.meta_path) that installs the log redaction as `logging` is imported.

    It finds `logging` with the other finders and has its loader install the redaction right after
    the module's code has run — inside the import, so neither the importer nor any other thread sees
    `logging` without it. Every other name is left to the other finders.
    """

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        """Return `logging`'s spec as the next finder gives it, its loader installing the redaction."""
        if name != "logging":
            return None
        for finder in list(sys.meta_path):
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None:
            spec.loader = _RedactingLoader(spec.loader, self)
        return spec


class _RedactingLoader:
    """`logging`'s own loader, plus: once the module has run, install the redaction and retire the hook."""

    def __init__(self, loader: Any, hook: _RedactLoggingOnImport) -> None:
        self._loader, self._hook = loader, hook

    def create_module(self, spec: Any) -> Any:
        """Let the real loader create the module (usually: the default)."""
        create = getattr(self._loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module: ModuleType) -> None:
        """Run `logging`'s code, then install the redaction before the import returns."""
        self._loader.exec_module(module)
        _redact_records(module)
        with _log_lock:
            if self._hook in sys.meta_path:
                sys.meta_path.remove(self._hook)

    def __getattr__(self, name: str) -> Any:  # get_source, get_code, is_package … for tracebacks and tools
        return getattr(self._loader, name)


def register_secret(value: str | None) -> None:
    """Remember a secret for the life of the process, so every later `redact` hides it."""
    if value and len(value) >= _MIN_SECRET:
        with _secrets_lock:
            _known_secrets.add(value)


@lru_cache(maxsize=64)
def secrets_of_url(url: str | None) -> tuple[str, ...]:
    """Return every password a URL or key=value string carries (user-info, query, keyword)."""
    if not url:
        return ()
    found: list[str] = []
    try:
        if (password := url_password(url)) is not None:
            found.append(password)
    except ValueError:
        pass
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest:
        userinfo = rest.rpartition("@")[0]
        if ":" in userinfo:
            raw = userinfo.split(":", 1)[1]
            found += [raw, unquote(raw)]
    for m in _KEY_PASSWORD.finditer(url):
        value = m["pw"]
        if value[:1] in "'\"" and value[-1:] == value[:1] and len(value) >= 2:
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        found += [value, unquote(value)]
    return tuple(dict.fromkeys(v for v in found if v))


def _all_secrets(extra: tuple[str | None, ...]) -> tuple[str, ...]:
    """Every written form of every known secret, longest first (a form may contain another)."""
    env = os.environ
    with _secrets_lock:
        known = tuple(_known_secrets)
    # Pages redact every string they draw: the forms are worked out once per set of secrets.
    return _forms_of(extra, env.get("DATABASE_URL"), env.get("PGPASSWORD"), env.get("OPSCONSOLE_VIEWER_PASSWORD"),
                     env.get("OPSCONSOLE_OPERATOR_PASSWORD"), known)


@lru_cache(maxsize=32)
def _forms_of(extra: tuple[str | None, ...], url: str | None, *more: str | None | tuple[str, ...]) -> tuple[str, ...]:
    candidates: list[str | None] = [*extra, *secrets_of_url(url)]
    for value in more:
        candidates += value if isinstance(value, tuple) else [value]
    unique = {c for c in candidates if c and len(c) >= _MIN_SECRET}
    forms = {form for secret in unique for form in _forms(secret)}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def _forms(secret: str) -> list[str]:
    forms = {secret, quote(secret, safe=""), quote(secret), quote_plus(secret), json.dumps(secret)[1:-1],
             repr(secret)[1:-1], secret.replace("'", "''"), secret.replace("\\", "\\\\").replace("'", "\\'")}
    return sorted((f for f in forms if len(f) >= _MIN_SECRET), key=len, reverse=True)


def url_password(url: str | None) -> str | None:
    """Return the (decoded) password inside a URL, or None."""
    if not url:
        return None
    password = urlsplit(url).password
    return unquote(password) if password else None


def _password_of(url: str | None) -> str | None:
    try:
        return url_password(url)
    except ValueError:  # a malformed URL: redact's patterns still apply
        return None


def _read_secrets(path: Path) -> Mapping[str, Any]:
    if not path.is_file():
        return {}
    import tomllib  # only when there is a secrets file: the CLI's start-up is counted in milliseconds

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except UnicodeDecodeError as exc:
        raise SettingsError(str(path), f"is not UTF-8 text (byte {exc.start}); save it as UTF-8 or remove "
                                       "the file.") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise SettingsError(str(path), f"cannot be read ({reason}); fix the TOML or remove the file.") from None


def _csv(name: str, value: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(",") if item.strip())
    for item in items:
        _identifier(name, item.split(".")[-1])
    return items


def _emails(name: str, value: str) -> tuple[str, ...]:
    """Comma-separated e-mail addresses or @domains, lower-cased; anything else names the setting."""
    items = tuple(item.strip().lower() for item in value.split(",") if item.strip())
    for item in items:
        local, at, domain = item.rpartition("@")
        if not at or not domain or "." not in domain or any(ch.isspace() or not ch.isprintable() for ch in item):
            raise SettingsError(name, f"'{item}' is neither an e-mail address nor an @domain; write e.g. "
                                      "'ana@example.com, @ops.example.com'.")
    return items


def _identifier(name: str, value: str) -> None:
    if not _IDENTIFIER.match(value):
        raise SettingsError(name, f"'{value}' is not a valid PostgreSQL identifier; use letters, digits and _ (e.g. tenant_id).")


def _positive_int(name: str, value: str | None) -> int:
    try:
        number = int(value or "")
    except ValueError:
        raise SettingsError(name, f"'{value}' is not a whole number; give milliseconds or seconds as digits, e.g. 15000.") from None
    if number <= 0:
        raise SettingsError(name, f"must be greater than 0 (got {number}).")
    if number > _MAX_MS:
        raise SettingsError(name, f"is too large ({number}); PostgreSQL accepts at most {_MAX_MS}.")
    return number


def _byte_count(name: str, value: str | None) -> int:
    match = re.fullmatch(r"(\d+)\s*(B|KiB|MiB|GiB|TiB)?", (value or "").strip(), re.I)
    if not match or int(match[1]) <= 0:
        raise SettingsError(name, f"'{value}' is not a size; give a whole number of bytes greater than 0, "
                                  "optionally with KiB, MiB, GiB or TiB (e.g. 1GiB or 500MiB).")
    units = {"": 0, "b": 0, "kib": 1, "mib": 2, "gib": 3, "tib": 4}
    return int(match[1]) * 1024 ** units[(match[2] or "").lower()]


def _session_hours(value: str | None) -> int:
    hours = _positive_int("OPSCONSOLE_SESSION_HOURS", value)
    if hours > MAX_SESSION_HOURS:
        raise SettingsError("OPSCONSOLE_SESSION_HOURS", f"is too long ({hours} h); give at most "
                                                        f"{MAX_SESSION_HOURS} hours (30 days), e.g. 12.")
    return hours


def _path(base: Path, value: str | None) -> Path:
    path = Path(value or "")
    return path if path.is_absolute() else base / path
