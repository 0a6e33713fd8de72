"""Seed the embedded demo database with tenants and a few thousand rows, so every page has data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from opsconsole.errors import OpsConsoleError
from opsconsole.settings import Settings

# (id, name, plan, is_test, weight): weights make the distribution uneven on purpose.
TENANTS = (
    (1, "Acme Logistics", "business", False, 40),
    (2, "Globex Retail", "business", False, 25),
    (3, "Initech Finance", "team", False, 12),
    (4, "Umbrella Health", "team", False, 8),
    (5, "Hooli Labs", "starter", False, 5),
    (6, "Stark Studio", "starter", False, 3),
    (101, "QA sandbox", "team", True, 4),
    (102, "Load test", "business", True, 2),
    (103, "Demo for sales", "starter", True, 1),
)
PLANS = (("starter", "Starter", 5), ("team", "Team", 50), ("business", "Business", 500))
USERS, PROJECTS, DOCUMENTS, EVENTS = 400, 120, 1500, 3000


@dataclass(frozen=True)
class SeedResult:
    """How many rows each table holds after seeding, and whether anything was inserted."""

    inserted: bool
    rows: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain data."""
        return {"inserted": self.inserted, "rows": dict(self.rows)}


def seed(settings: Settings) -> SeedResult:
    """Insert the demo tenants and rows once; a second run changes nothing."""
    from sqlalchemy import text

    from opsconsole.db import connect
    from opsconsole.alembic_env import status

    if not settings.embedded:
        raise OpsConsoleError("demo data is only seeded into the embedded demo database; unset DATABASE_URL "
                              "to use it. Nothing was written to your database.")
    if not status(settings).at_head:
        raise OpsConsoleError("the demo database is not at head; run 'python -m opsconsole upgrade --by demo' first.")
    with connect(settings) as conn, conn.begin():
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7100)")  # two seeders never interleave
        already = conn.exec_driver_sql("SELECT count(*) FROM tenants").scalar()
        if not already:
            conn.execute(text("INSERT INTO plans (code, name, max_users) VALUES (:c, :n, :m)"),
                         [{"c": c, "n": n, "m": m} for c, n, m in PLANS])
            conn.execute(text("INSERT INTO tenants (id, name, plan_code, is_test) VALUES (:i, :n, :p, :t)"),
                         [{"i": i, "n": n, "p": p, "t": t} for i, n, p, t, _ in TENANTS])
            _spread(conn)
        rows = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("plans", "tenants", "users", "projects", "documents", "events")}
    return SeedResult(not already, rows)


def _spread(conn: Any) -> None:
    """Insert rows whose tenant follows the weights, using generate_series on the server."""
    from sqlalchemy import text

    weights = ", ".join(f"({i}, {w})" for i, _, _, _, w in TENANTS)
    pick = f"""WITH w(id, weight) AS (VALUES {weights}),
               cum AS (SELECT id, sum(weight) OVER (ORDER BY id) AS hi, sum(weight) OVER () AS total FROM w)"""

    def tenant_for(expr: str) -> str:
        return f"(SELECT id FROM cum WHERE hi > ({expr}) % total ORDER BY hi LIMIT 1)"

    conn.execute(text(f"""{pick}
        INSERT INTO users (id, tenant_id, email, display_name, last_login_at)
        SELECT g, {tenant_for('g * 7919')}, 'user' || g || '@example.com', 'User ' || g,
               now() - (g || ' hours')::interval
        FROM generate_series(1, {USERS}) g"""))
    conn.execute(text(f"""INSERT INTO projects (id, tenant_id, name, owner_id)
        SELECT g, u.tenant_id, 'Project ' || g, u.id
        FROM generate_series(1, {PROJECTS}) g JOIN users u ON u.id = 1 + (g * 37) % {USERS}"""))
    conn.execute(text(f"""INSERT INTO documents (id, tenant_id, project_id, title, body)
        SELECT g, p.tenant_id, p.id, 'Document ' || g, repeat('lorem ipsum ', 1 + g % 20)
        FROM generate_series(1, {DOCUMENTS}) g JOIN projects p ON p.id = 1 + (g * 13) % {PROJECTS}"""))
    conn.execute(text(f"""{pick}
        INSERT INTO events (id, tenant_id, kind, payload, created_at)
        SELECT g, {tenant_for('g * 104729')}, (ARRAY['login', 'edit', 'share', 'export'])[1 + g % 4],
               jsonb_build_object('n', g), now() - (g || ' minutes')::interval
        FROM generate_series(1, {EVENTS}) g"""))
    conn.exec_driver_sql("ANALYZE plans, tenants, users, projects, documents, events")
