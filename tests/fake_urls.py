"""Database URLs carrying a made-up password, for the tests of redaction, settings and unreachable servers.

They are built from their parts here rather than written out with the password inline, so the tests
hold no credential-shaped literal; each test names the (fake) password it plants and checks that no
output carries it. Real connections come from OPSCONSOLE_TEST_DATABASE_URL or the embedded server.
"""

from __future__ import annotations


def url_with_password(password: str, user: str = "u", host: str = "127.0.0.1", port: int | str | None = 1,
                      database: str = "example", scheme: str = "postgresql", query: str = "") -> str:
    """`scheme://user:password@host:port/database?query`, the password exactly as given (not encoded)."""
    at_port = "" if port is None else f":{port}"
    tail = f"?{query}" if query else ""
    return f"{scheme}://{user}:{password}@{host}{at_port}/{database}{tail}"
